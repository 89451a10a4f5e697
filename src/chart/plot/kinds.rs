//! The marks of each chart kind: line, stock, timeline, target, and the
//! empty chart that says why it is empty.

use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::coord::ranged1d::SegmentValue;
use plotters::coord::types::{IntoYearly, Yearly};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{
    DrawResult, GREY, INK, PALETTE, Spot, TODAY, fit, font, text_width, value_formatter, year_label,
};
use crate::chart::labels::word;
use crate::chart::marks::{Lane, LaneMark, LineSeries as Series, StockBar, TargetRow};
use crate::chart::spec::Lang;
use crate::chart::state::ChartState;
use crate::chart::words;
use crate::record::Status;

pub(super) fn empty<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    state: &ChartState,
) -> DrawResult<DB> {
    let (w, h) = area.dim_in_pixel();
    let msg = state.message.clone().unwrap_or_default();
    let style = font(22)
        .color(&GREY)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let msg = fit(area, &msg, &style, w as i32 - 40);
    area.draw(&Rectangle::new(
        [(20, 10), (w as i32 - 20, h as i32 - 10)],
        GREY.mix(0.4).stroke_width(1),
    ))?;
    area.draw_text(&msg, &style, (w as i32 / 2, h as i32 / 2))
}

pub(super) fn line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    state: &ChartState,
    series: &[Series],
    (x_range, y_max): ((NaiveDate, NaiveDate), f64),
    spots: &mut Vec<Spot>,
) -> DrawResult<DB> {
    let mut chart = ChartBuilder::on(area)
        .margin_left(20)
        .margin_right(40)
        .margin_bottom(10)
        .x_label_area_size(56)
        .y_label_area_size(90)
        .build_cartesian_2d((x_range.0..x_range.1).yearly(), 0f64..y_max)?;
    let y_fmt = value_formatter(state.lang);
    chart
        .configure_mesh()
        .x_desc(state.x_label.as_str())
        .y_desc(state.y_label.as_str())
        .x_labels(8)
        .y_labels(8)
        .x_label_formatter(&year_label)
        .y_label_formatter(&y_fmt)
        .label_style(font(15))
        .axis_desc_style(font(16))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    for (i, s) in series.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        let solid: Vec<(NaiveDate, f64)> = s
            .points
            .iter()
            .filter(|p| !p.hollow)
            .map(|p| (p.date, p.value))
            .collect();
        chart.draw_series(LineSeries::new(solid, color.stroke_width(2)))?;
        chart.draw_series(DashedLineSeries::new(
            projection(s),
            8,
            6,
            color.stroke_width(2),
        ))?;
        let ranges = s.points.iter().filter_map(|p| {
            p.value_max.map(|m| {
                PathElement::new(vec![(p.date, p.value), (p.date, m)], color.stroke_width(3))
            })
        });
        chart.draw_series(ranges)?;
        chart.draw_series(s.points.iter().map(|p| {
            let fill = if p.hollow {
                WHITE.filled()
            } else {
                color.filled()
            };
            EmptyElement::at((p.date, p.value))
                + Circle::new((0, 0), 6, fill)
                + Circle::new((0, 0), 6, color.stroke_width(2))
        }))?;
        for p in &s.points {
            let low = chart.backend_coord(&(p.date, p.value));
            let high = chart.backend_coord(&(p.date, p.value_max.unwrap_or(p.value)));
            spots.push(Spot::between(&p.record_id, low, high, 8));
        }
        let above = font(15).pos(Pos::new(HPos::Center, VPos::Bottom));
        chart.draw_series(s.points.iter().filter(|p| !p.label.is_empty()).map(|p| {
            EmptyElement::at((p.date, p.value_max.unwrap_or(p.value)))
                + Text::new(p.label.clone(), (0, -10), above.clone())
        }))?;
    }
    Ok(())
}

/// The bars' x labels as they fit in `width` pixels: full dates, else
/// month and year, else every k-th month and year.
fn bar_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bars: &[StockBar],
    width: i32,
) -> Vec<String> {
    let per_bar = width / bars.len().max(1) as i32;
    let widest = |f: fn(&StockBar) -> &String| {
        bars.iter()
            .map(|b| text_width(area, f(b), &font(15)) + 12)
            .max()
            .unwrap_or(0)
    };
    if widest(|b| &b.label) <= per_bar {
        return bars.iter().map(|b| b.label.clone()).collect();
    }
    let step = (widest(|b| &b.short) / per_bar.max(1) + 1) as usize;
    bars.iter()
        .enumerate()
        .map(|(i, b)| {
            if i % step == 0 {
                b.short.clone()
            } else {
                String::new()
            }
        })
        .collect()
}

/// The dashed line: from the last actual point through the plans and
/// targets dated after it (earlier plans stand as hollow points alone).
fn projection(s: &Series) -> Vec<(NaiveDate, f64)> {
    let last = s.points.iter().rfind(|p| !p.hollow);
    let from = last.map(|p| p.date);
    let plans = s
        .points
        .iter()
        .filter(|p| p.hollow && from.is_none_or(|d| p.date >= d));
    last.into_iter()
        .chain(plans)
        .map(|p| (p.date, p.value))
        .collect()
}

pub(super) fn status_color(status: Status) -> RGBColor {
    match status {
        Status::Actual => RGBColor(31, 119, 180),
        Status::Ongoing => RGBColor(44, 160, 44),
        Status::Pipeline => RGBColor(255, 187, 120),
        Status::Planned => RGBColor(174, 199, 232),
        Status::Target => RGBColor(214, 39, 40),
    }
}

pub(super) fn stock<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    state: &ChartState,
    bars: &[StockBar],
    y_max: f64,
    spots: &mut Vec<Spot>,
) -> DrawResult<DB> {
    let n = bars.len() as i32;
    let mut chart = ChartBuilder::on(area)
        .margin_left(20)
        .margin_right(40)
        .margin_bottom(10)
        .x_label_area_size(56)
        .y_label_area_size(90)
        .build_cartesian_2d(slots(n).into_segmented(), 0f64..y_max)?;
    let y_fmt = value_formatter(state.lang);
    let width = chart.plotting_area().dim_in_pixel().0 as i32;
    let labels = bar_labels(area, bars, width);
    let x_fmt = |v: &SegmentValue<i32>| match v {
        SegmentValue::CenterOf(i) => labels.get(*i as usize).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_desc(state.x_label.as_str())
        .y_desc(state.y_label.as_str())
        .x_labels(bars.len() + 1)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .label_style(font(15))
        .axis_desc_style(font(16))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    let margin = (600 / (bars.len() as u32 + 2)).min(120);
    for (i, bar) in bars.iter().enumerate() {
        let i = i as i32;
        let mut base = 0.0;
        for seg in &bar.segments {
            let top = base + seg.value;
            let mut rect = Rectangle::new(
                [
                    (SegmentValue::Exact(i), base),
                    (SegmentValue::Exact(i + 1), top),
                ],
                status_color(seg.status).filled(),
            );
            rect.set_margin(0, 0, margin / 2, margin / 2);
            chart.draw_series(std::iter::once(rect))?;
            let mid = base + seg.value / 2.0;
            let low = chart.backend_coord(&(SegmentValue::Exact(i), base)).1;
            let high = chart.backend_coord(&(SegmentValue::Exact(i), top)).1;
            let left = chart.backend_coord(&(SegmentValue::Exact(i), base)).0;
            let right = chart.backend_coord(&(SegmentValue::Exact(i + 1), base)).0;
            let inset = (margin / 2) as i32;
            spots.push(Spot::between(
                &seg.record_id,
                (left + inset, high),
                (right - inset, low),
                0,
            ));
            // A segment too thin for its number gets it beside the bar.
            let (at, dx, h) = if low - high >= 20 {
                (SegmentValue::CenterOf(i), 0, HPos::Center)
            } else {
                (
                    SegmentValue::Exact(i + 1),
                    6 - (margin / 2) as i32,
                    HPos::Left,
                )
            };
            let style = font(16).pos(Pos::new(h, VPos::Center));
            chart.draw_series(std::iter::once(
                EmptyElement::at((at, mid)) + Text::new(seg.label.clone(), (dx, 0), style),
            ))?;
            base = top;
        }
    }
    Ok(())
}

pub(super) fn lane_color(mark: LaneMark) -> RGBColor {
    match mark {
        LaneMark::Announced => RGBColor(31, 119, 180),
        LaneMark::Slipped => RGBColor(255, 127, 14),
        LaneMark::Launched => RGBColor(44, 160, 44),
    }
}

pub(super) fn timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    state: &ChartState,
    lanes: &[Lane],
    (x_range, today): ((NaiveDate, NaiveDate), NaiveDate),
    spots: &mut Vec<Spot>,
) -> DrawResult<DB> {
    let n = lanes.len() as i32;
    // The first lane on top: lane k is drawn in row n - 1 - k.
    let row = |k: usize| n - 1 - k as i32;
    let names: Vec<String> = lanes
        .iter()
        .map(|l| fit(area, &l.name, &font(15), 230))
        .collect();
    let mut chart = ChartBuilder::on(area)
        .margin_left(20)
        .margin_right(30)
        .margin_top(34)
        .margin_bottom(10)
        .x_label_area_size(56)
        .y_label_area_size(250)
        .build_cartesian_2d((x_range.0..x_range.1).yearly(), slots(n).into_segmented())?;
    let y_fmt = |v: &SegmentValue<i32>| match v {
        SegmentValue::CenterOf(r) if *r >= 0 && *r < n => names[(n - 1 - r) as usize].clone(),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_desc(state.x_label.as_str())
        .x_labels(10)
        .y_labels(lanes.len() + 1)
        .x_label_formatter(&year_label)
        .y_label_formatter(&y_fmt)
        .label_style(font(15))
        .axis_desc_style(font(16))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    // A thin line above each plant's first lane but the top one.
    for (k, lane) in lanes.iter().enumerate().skip(1) {
        if !lane.name.is_empty() {
            let y = SegmentValue::Exact(row(k) + 1);
            let sep = PathElement::new(
                vec![(x_range.0, y.clone()), (x_range.1, y)],
                RGBColor(190, 190, 190),
            );
            chart.draw_series(std::iter::once(sep))?;
        }
    }
    let plot_right = chart.backend_coord(&(x_range.1, SegmentValue::Exact(0))).0;
    for (k, lane) in lanes.iter().enumerate() {
        let r = row(k);
        let mut rect = Rectangle::new(
            [
                (lane.start, SegmentValue::Exact(r)),
                (lane.end, SegmentValue::Exact(r + 1)),
            ],
            lane_color(lane.mark).filled(),
        );
        rect.set_margin(9, 9, 0, 0);
        chart.draw_series(std::iter::once(rect))?;
        let a = chart.backend_coord(&(lane.start, SegmentValue::Exact(r)));
        let b = chart.backend_coord(&(lane.end, SegmentValue::Exact(r + 1)));
        let spot = Spot::between(&lane.record_id, (a.0, a.1 - 9), (b.0, b.1 + 9), 0);
        spots.push(spot);
    }
    // Labels go over the today line, on a white ground, so both stay legible.
    today_line(&mut chart, today, n, state.lang)?;
    for (k, lane) in lanes.iter().enumerate() {
        lane_label(area, &mut chart, lane, row(k), plot_right)?;
    }
    Ok(())
}

type TimeChart<'a, 'b, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<
        Yearly<NaiveDate>,
        plotters::coord::ranged1d::SegmentedCoord<plotters::coord::types::RangedCoordi32>,
    >,
>;

/// The bar's text to the right of the bar, or to its left, or inside it:
/// wherever it fits.
fn lane_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &mut TimeChart<'_, '_, DB>,
    lane: &Lane,
    r: i32,
    plot_right: i32,
) -> DrawResult<DB> {
    let style = font(14);
    let width = text_width(area, &lane.label, &style);
    let y = SegmentValue::CenterOf(r);
    let end_px = chart.backend_coord(&(lane.end, y.clone())).0;
    let start_px = chart.backend_coord(&(lane.start, y.clone())).0;
    let (at, dx, h, inside) = if end_px + 8 + width <= plot_right {
        (lane.end, 8, HPos::Left, false)
    } else if start_px - 8 - width >= area_left(chart) {
        (lane.start, -8, HPos::Right, false)
    } else {
        (lane.start, 8, HPos::Left, true)
    };
    let (x0, x1) = match h {
        HPos::Right => (dx - width - 3, dx + 3),
        _ => (dx - 3, dx + width + 3),
    };
    let ground = if inside {
        TRANSPARENT.filled()
    } else {
        WHITE.mix(0.9).filled()
    };
    let color = if inside { WHITE } else { INK };
    let style = style.color(&color).pos(Pos::new(h, VPos::Center));
    chart.draw_series(std::iter::once(
        EmptyElement::at((at, y))
            + Rectangle::new([(x0, -10), (x1, 10)], ground)
            + Text::new(lane.label.clone(), (dx, 0), style),
    ))?;
    Ok(())
}

fn area_left<DB: DrawingBackend>(chart: &TimeChart<'_, '_, DB>) -> i32 {
    chart.plotting_area().get_pixel_range().0.start
}

fn today_line<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, '_, DB>,
    today: NaiveDate,
    n: i32,
    lang: Lang,
) -> DrawResult<DB> {
    let red = TODAY;
    let pts = vec![
        (today, SegmentValue::Exact(0)),
        (today, SegmentValue::Exact(n)),
    ];
    chart.draw_series(DashedLineSeries::new(pts, 6, 4, red.stroke_width(2)))?;
    let text = format!(
        "{} {}",
        word(lang, "kinds.today"),
        words::format_date(today, lang)
    );
    let style = font(14)
        .color(&red)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    chart.draw_series(std::iter::once(
        EmptyElement::at((today, SegmentValue::Exact(n))) + Text::new(text, (0, -6), style),
    ))?;
    Ok(())
}

pub(super) fn target<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    state: &ChartState,
    rows: &[TargetRow],
    x_max: f64,
    spots: &mut Vec<Spot>,
) -> DrawResult<DB> {
    let n = rows.len() as i32;
    let slot = |k: usize| n - 1 - k as i32;
    let names: Vec<String> = rows
        .iter()
        .map(|r| fit(area, &r.name, &font(15), 355))
        .collect();
    let mut chart = ChartBuilder::on(area)
        .margin_left(20)
        .margin_right(30)
        .margin_bottom(10)
        .x_label_area_size(56)
        .y_label_area_size(370)
        .build_cartesian_2d(0f64..x_max, slots(n).into_segmented())?;
    let x_fmt = |v: &f64| format!("{} %", words::format_number(*v, state.lang));
    let y_fmt = |v: &SegmentValue<i32>| match v {
        SegmentValue::CenterOf(r) if *r >= 0 && *r < n => names[(n - 1 - r) as usize].clone(),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_desc(state.x_label.as_str())
        .x_labels(8)
        .y_labels(rows.len() + 1)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .label_style(font(15))
        .axis_desc_style(font(16))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    for (k, row) in rows.iter().enumerate() {
        let r = slot(k);
        let band = |to: f64| {
            [
                (0.0, SegmentValue::Exact(r)),
                (to, SegmentValue::Exact(r + 1)),
            ]
        };
        let mut frame = Rectangle::new(band(100.0), PALETTE[1].stroke_width(2));
        frame.set_margin(9, 9, 0, 0);
        chart.draw_series(std::iter::once(frame))?;
        if let Some(share) = row.share {
            let mut fill = Rectangle::new(band(share.clamp(0.0, x_max)), PALETTE[0].filled());
            fill.set_margin(14, 14, 0, 0);
            chart.draw_series(std::iter::once(fill))?;
        }
        let at = |x: f64, r: i32| chart.backend_coord(&(x, SegmentValue::Exact(r)));
        let (a, b) = (at(0.0, r), at(100.0_f64.min(x_max), r + 1));
        spots.push(Spot::between(
            &row.target_id,
            (a.0, a.1 - 9),
            (b.0, b.1 + 9),
            0,
        ));
        if let (Some(id), Some(share)) = (&row.actual_id, row.share) {
            let b = at(share.clamp(0.0, x_max), r + 1);
            spots.push(Spot::between(id, (a.0, a.1 - 14), (b.0, b.1 + 14), 0));
        }
        let end = row.share.unwrap_or(0.0).max(100.0).min(x_max);
        let style = font(15).pos(Pos::new(HPos::Left, VPos::Center));
        chart.draw_series(std::iter::once(
            EmptyElement::at((end, SegmentValue::CenterOf(r)))
                + Text::new(row.label.clone(), (8, 0), style),
        ))?;
    }
    Ok(())
}

/// The discrete range of `n` bars or rows: `0..n - 1` holds exactly n
/// slots, but a single slot (`0..0`) has no width, so one mark gets an
/// empty slot on each side instead.
fn slots(n: i32) -> std::ops::Range<i32> {
    if n <= 1 { -1..1 } else { 0..n - 1 }
}
