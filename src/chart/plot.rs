//! Drawing with plotters: the only module that imports it. Takes a
//! [`ChartState`] (marks and words, no frames) and draws it to PNG or SVG,
//! chosen by the file extension, with the DejaVu Sans font embedded in the
//! binary (registered once), so a chart looks the same on a machine with
//! no fonts installed. The licence of the font is in `data/fonts/`.

use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, anyhow, bail};
use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::coord::ranged1d::SegmentValue;
use plotters::coord::types::{IntoYearly, Yearly};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, register_font};

use crate::chart::marks::{Body, Lane, LaneMark, LineSeries as Series, StockBar, TargetBar};
use crate::chart::spec::Lang;
use crate::chart::state::ChartState;
use crate::chart::words::{self, pick};
use crate::record::Status;

/// The one family name every text uses; it maps to the embedded font.
const FAMILY: &str = "sans-serif";
/// Width of every chart, in pixels.
const WIDTH: u32 = 1000;
const INK: RGBColor = RGBColor(40, 40, 40);
const GREY: RGBColor = RGBColor(110, 110, 110);
const TODAY: RGBColor = RGBColor(200, 30, 30);
const PALETTE: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(140, 86, 75),
];

/// The image formats a chart can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// A bitmap (`.png`).
    Png,
    /// A vector drawing (`.svg`), text kept as text.
    Svg,
}

impl ImageFormat {
    /// The format named by a path's extension.
    pub fn of(path: &Path) -> anyhow::Result<ImageFormat> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        match ext.to_ascii_lowercase().as_str() {
            "png" => Ok(ImageFormat::Png),
            "svg" => Ok(ImageFormat::Svg),
            _ => bail!("{}: a chart is written as .png or .svg", path.display()),
        }
    }
}

/// Registers the embedded DejaVu Sans faces once per process.
fn fonts() -> anyhow::Result<()> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, dejavu::sans::regular()).is_ok()
            && register_font(FAMILY, FontStyle::Bold, dejavu::sans::bold()).is_ok()
    });
    if ok {
        Ok(())
    } else {
        bail!("the embedded DejaVu font was rejected")
    }
}

/// The size a chart is drawn at: timelines and target charts grow with
/// their rows.
pub fn size_of(state: &ChartState) -> (u32, u32) {
    let rows = match &state.body {
        Body::Timeline { lanes, .. } => lanes.len() as u32,
        Body::Target { bars, .. } => bars.len() as u32,
        _ => 0,
    };
    match state.body {
        Body::Timeline { .. } => (WIDTH, (220 + 46 * rows).max(440)),
        Body::Target { .. } => (WIDTH, (220 + 56 * rows).max(380)),
        _ => (WIDTH, 600),
    }
}

/// Draws the chart to `path`, as PNG or SVG by its extension.
pub fn write(state: &ChartState, path: &Path) -> anyhow::Result<()> {
    let format = ImageFormat::of(path)?;
    fonts()?;
    let size = size_of(state);
    match format {
        ImageFormat::Png => {
            let root = BitMapBackend::new(path, size).into_drawing_area();
            draw(&root, state).map_err(|e| anyhow!("{e}"))?;
            root.present().map_err(|e| anyhow!("{e}"))
        }
        ImageFormat::Svg => {
            let svg = svg_string(state)?;
            std::fs::write(path, svg).map_err(anyhow::Error::from)
        }
    }
    .with_context(|| format!("drawing {}", path.display()))
}

/// The chart as an SVG document (for inlining in HTML).
pub fn svg_string(state: &ChartState) -> anyhow::Result<String> {
    fonts()?;
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, size_of(state)).into_drawing_area();
        draw(&root, state).map_err(|e| anyhow!("{e}"))?;
        root.present().map_err(|e| anyhow!("{e}"))?;
    }
    Ok(buf)
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn font(size: u32) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&INK)
}

/// Title on top, source note at the bottom, the kind's marks between.
fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, state: &ChartState) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let title_style = TextStyle::from((FAMILY, 24, FontStyle::Bold).into_font()).color(&INK);
    let title = fit(root, &state.title, &title_style, w as i32 - 40);
    root.draw_text(&title, &title_style, (20, 16))?;
    let mut foot = wrap(root, &state.source, &font(14), w as i32 - 40);
    if let Some(note) = &state.note {
        foot.extend(wrap(root, note, &font(14), w as i32 - 40));
    }
    let foot_h = 14 + 19 * foot.len() as u32;
    let (upper, footer) = root.split_vertically(h - foot_h);
    for (i, line) in foot.iter().enumerate() {
        footer.draw_text(line, &font(14).color(&GREY), (20, 6 + 19 * i as i32))?;
    }
    let items = legend_items(state);
    let rows = legend(root, &items, w as i32 - 40)?;
    let (_, area) = upper.split_vertically(56 + 26 * rows);
    match &state.body {
        Body::Empty => empty(&area, state),
        Body::Line {
            series,
            x_range,
            y_max,
        } => line(&area, state, series, *x_range, *y_max),
        Body::Stock { bars, y_max } => stock(&area, state, bars, *y_max),
        Body::Timeline {
            lanes,
            x_range,
            today,
        } => timeline(&area, state, lanes, *x_range, *today),
        Body::Target { bars, x_max } => target(&area, state, bars, *x_max),
    }
}

/// Estimated pixel width of a text in a style (0 when it cannot be told).
fn text_width<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
) -> i32 {
    area.estimate_text_size(text, style)
        .map(|(w, _)| w as i32)
        .unwrap_or(0)
}

/// Breaks a text into lines no wider than `width`.
fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    width: i32,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if !current.is_empty() && text_width(area, &candidate, style) > width {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Shortens a text with "…" until it is no wider than `width`.
fn fit<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    width: i32,
) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut out = text.to_string();
    while text_width(area, &out, style) > width && chars.len() > 1 {
        chars.pop();
        out = format!("{}…", chars.iter().collect::<String>().trim_end());
    }
    out
}

fn empty<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, state: &ChartState) -> DrawResult<DB> {
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

fn value_formatter(lang: Lang) -> impl Fn(&f64) -> String {
    move |v: &f64| words::format_number(*v, lang)
}

/// Year labels: the axes are yearly and their ranges start on 1 January.
fn year_label(d: &NaiveDate) -> String {
    d.format("%Y").to_string()
}

fn line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    state: &ChartState,
    series: &[Series],
    x_range: (NaiveDate, NaiveDate),
    y_max: f64,
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
        for pair in s.points.windows(2).filter(|w| w[0].hollow || w[1].hollow) {
            let pts = pair.iter().map(|p| (p.date, p.value));
            chart.draw_series(DashedLineSeries::new(pts, 8, 6, color.stroke_width(2)))?;
        }
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
        let label_style = font(15).pos(Pos::new(HPos::Center, VPos::Bottom));
        chart.draw_series(s.points.iter().map(|p| {
            EmptyElement::at((p.date, p.value_max.unwrap_or(p.value)))
                + Text::new(p.label.clone(), (0, -10), label_style.clone())
        }))?;
    }
    Ok(())
}

fn status_color(status: Status) -> RGBColor {
    match status {
        Status::Actual => RGBColor(31, 119, 180),
        Status::Ongoing => RGBColor(44, 160, 44),
        Status::Pipeline => RGBColor(255, 187, 120),
        Status::Planned => RGBColor(174, 199, 232),
        Status::Target => RGBColor(214, 39, 40),
    }
}

fn stock<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    state: &ChartState,
    bars: &[StockBar],
    y_max: f64,
) -> DrawResult<DB> {
    let n = bars.len() as i32;
    let mut chart = ChartBuilder::on(area)
        .margin_left(20)
        .margin_right(40)
        .margin_bottom(10)
        .x_label_area_size(56)
        .y_label_area_size(90)
        .build_cartesian_2d((0..n - 1).into_segmented(), 0f64..y_max)?;
    let y_fmt = value_formatter(state.lang);
    let x_fmt = |v: &SegmentValue<i32>| match v {
        SegmentValue::CenterOf(i) => bars
            .get(*i as usize)
            .map(|b| b.label.clone())
            .unwrap_or_default(),
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
            let style = font(16).pos(Pos::new(HPos::Center, VPos::Center));
            let at = (SegmentValue::CenterOf(i), base + seg.value / 2.0);
            chart.draw_series(std::iter::once(Text::new(seg.label.clone(), at, style)))?;
            base = top;
        }
    }
    Ok(())
}

fn lane_color(mark: LaneMark) -> RGBColor {
    match mark {
        LaneMark::Announced => RGBColor(31, 119, 180),
        LaneMark::Slipped => RGBColor(255, 127, 14),
        LaneMark::Launched => RGBColor(44, 160, 44),
    }
}

fn timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    state: &ChartState,
    lanes: &[Lane],
    x_range: (NaiveDate, NaiveDate),
    today: NaiveDate,
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
        .build_cartesian_2d((x_range.0..x_range.1).yearly(), (0..n - 1).into_segmented())?;
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
        pick(lang, "сегодня", "today"),
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

fn target<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    state: &ChartState,
    bars: &[TargetBar],
    x_max: f64,
) -> DrawResult<DB> {
    let n = bars.len() as i32;
    let row = |k: usize| n - 1 - k as i32;
    let names: Vec<String> = bars
        .iter()
        .map(|b| fit(area, &b.name, &font(15), 370))
        .collect();
    let mut chart = ChartBuilder::on(area)
        .margin_left(20)
        .margin_right(40)
        .margin_bottom(10)
        .x_label_area_size(56)
        .y_label_area_size(390)
        .build_cartesian_2d(0f64..x_max, (0..n - 1).into_segmented())?;
    let x_fmt = value_formatter(state.lang);
    let y_fmt = |v: &SegmentValue<i32>| match v {
        SegmentValue::CenterOf(r) if *r >= 0 && *r < n => names[(n - 1 - r) as usize].clone(),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_desc(state.x_label.as_str())
        .x_labels(6)
        .y_labels(bars.len() + 1)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .label_style(font(15))
        .axis_desc_style(font(16))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    for (k, bar) in bars.iter().enumerate() {
        let r = row(k);
        let corners = [
            (0.0, SegmentValue::Exact(r)),
            (bar.value, SegmentValue::Exact(r + 1)),
        ];
        let color = if bar.is_target {
            PALETTE[1]
        } else {
            PALETTE[0]
        };
        let mut fill = Rectangle::new(
            corners.clone(),
            if bar.is_target {
                WHITE.filled()
            } else {
                color.filled()
            },
        );
        let mut edge = Rectangle::new(corners, color.stroke_width(2));
        fill.set_margin(10, 10, 0, 0);
        edge.set_margin(10, 10, 0, 0);
        chart.draw_series([fill, edge])?;
        let style = font(15).pos(Pos::new(HPos::Left, VPos::Center));
        chart.draw_series(std::iter::once(
            EmptyElement::at((bar.value, SegmentValue::CenterOf(r)))
                + Text::new(bar.label.clone(), (8, 0), style),
        ))?;
    }
    Ok(())
}

/// What a legend entry shows before its text.
#[derive(Debug, Clone, Copy)]
enum Swatch {
    /// A line in a series colour.
    Line(RGBColor),
    /// A point, filled or hollow.
    Dot(RGBColor, bool),
    /// A block of colour (bars).
    Block(RGBColor),
    /// A dashed vertical line.
    Dash(RGBColor),
    /// An empty box (targets).
    Frame(RGBColor),
}

/// The legend of a chart, from its marks.
fn legend_items(state: &ChartState) -> Vec<(Swatch, String)> {
    let lang = state.lang;
    let mut items = Vec::new();
    match &state.body {
        Body::Empty => {}
        Body::Line { series, .. } => {
            for (i, s) in series.iter().enumerate() {
                items.push((Swatch::Line(PALETTE[i % PALETTE.len()]), s.name.clone()));
            }
            items.push((Swatch::Dot(INK, false), pick(lang, "факт", "actual").into()));
            let hollow = pick(lang, "план, цель (пунктир)", "planned, target (dashed)");
            items.push((Swatch::Dot(INK, true), hollow.into()));
        }
        Body::Stock { bars, .. } => {
            let mut seen: Vec<Status> = bars
                .iter()
                .flat_map(|b| b.segments.iter().map(|s| s.status))
                .collect();
            seen.sort();
            seen.dedup();
            for status in seen {
                let name = words::status_name(status, lang).to_string();
                items.push((Swatch::Block(status_color(status)), name));
            }
        }
        Body::Timeline { lanes, .. } => {
            for mark in [LaneMark::Announced, LaneMark::Slipped, LaneMark::Launched] {
                if lanes.iter().any(|l| l.mark == mark) || mark == LaneMark::Announced {
                    items.push((
                        Swatch::Block(lane_color(mark)),
                        lane_word(mark, lang).into(),
                    ));
                }
            }
            items.push((Swatch::Dash(TODAY), pick(lang, "сегодня", "today").into()));
        }
        Body::Target { .. } => {
            let latest = pick(lang, "последний факт", "latest actual");
            items.push((Swatch::Block(PALETTE[0]), latest.into()));
            items.push((
                Swatch::Frame(PALETTE[1]),
                pick(lang, "цель", "target").into(),
            ));
        }
    }
    items
}

fn lane_word(mark: LaneMark, lang: Lang) -> &'static str {
    match mark {
        LaneMark::Announced => pick(lang, "заявленный срок", "announced window"),
        LaneMark::Slipped => pick(lang, "срок перенесён позже", "window moved later"),
        LaneMark::Launched => pick(lang, "запущено", "launched"),
    }
}

/// Draws the legend in rows under the title; returns how many rows.
fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    items: &[(Swatch, String)],
    width: i32,
) -> Result<u32, DrawingAreaErrorKind<DB::ErrorType>> {
    if items.is_empty() {
        return Ok(0);
    }
    let style = font(15).pos(Pos::new(HPos::Left, VPos::Center));
    let (mut x, mut row) = (20, 0);
    for (swatch, text) in items {
        let item_w = 30 + text_width(root, text, &style) + 22;
        if x > 20 && x + item_w > 20 + width {
            x = 20;
            row += 1;
        }
        let y = 60 + 26 * row;
        draw_swatch(root, *swatch, x, y)?;
        root.draw_text(text, &style, (x + 30, y))?;
        x += item_w;
    }
    Ok(row as u32 + 1)
}

fn draw_swatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    swatch: Swatch,
    x: i32,
    y: i32,
) -> DrawResult<DB> {
    match swatch {
        Swatch::Line(c) => root.draw(&PathElement::new(
            vec![(x, y), (x + 22, y)],
            c.stroke_width(3),
        )),
        Swatch::Dot(c, hollow) => {
            let fill = if hollow { WHITE.filled() } else { c.filled() };
            root.draw(&Circle::new((x + 11, y), 6, fill))?;
            root.draw(&Circle::new((x + 11, y), 6, c.stroke_width(2)))
        }
        Swatch::Block(c) => root.draw(&Rectangle::new([(x, y - 7), (x + 22, y + 7)], c.filled())),
        Swatch::Frame(c) => root.draw(&Rectangle::new(
            [(x + 1, y - 6), (x + 21, y + 6)],
            c.stroke_width(2),
        )),
        Swatch::Dash(c) => {
            root.draw(&PathElement::new(
                vec![(x + 11, y - 9), (x + 11, y - 2)],
                c.stroke_width(2),
            ))?;
            root.draw(&PathElement::new(
                vec![(x + 11, y + 2), (x + 11, y + 9)],
                c.stroke_width(2),
            ))
        }
    }
}
