//! The legend row under a chart's title: one entry per series, status or
//! mark, laid out left to right and wrapped, so it never covers the marks.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::kinds::{lane_color, status_color};
use super::{DrawResult, INK, PALETTE, TODAY, font, text_width};
use crate::chart::labels::word;
use crate::chart::marks::{Body, LaneMark};
use crate::chart::spec::Lang;
use crate::chart::state::ChartState;
use crate::chart::words;
use crate::record::Status;

/// What a legend entry shows before its text.
#[derive(Debug, Clone, Copy)]
pub(super) enum Swatch {
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
pub(super) fn legend_items(state: &ChartState) -> Vec<(Swatch, String)> {
    let lang = state.lang;
    let mut items = Vec::new();
    match &state.body {
        Body::Empty => {}
        Body::Line { series, .. } => {
            for (i, s) in series.iter().enumerate() {
                items.push((Swatch::Line(PALETTE[i % PALETTE.len()]), s.name.clone()));
            }
            items.push((Swatch::Dot(INK, false), word(lang, "legend.actual").into()));
            let hollow = word(lang, "legend.planned_target_dashed");
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
            items.push((Swatch::Dash(TODAY), word(lang, "legend.today").into()));
        }
        Body::Target { rows, .. } => {
            if rows.iter().any(|r| r.share.is_some()) {
                let latest = word(lang, "legend.latest_actual");
                items.push((Swatch::Block(PALETTE[0]), latest.into()));
            }
            let goal = word(lang, "legend.target_100");
            items.push((Swatch::Frame(PALETTE[1]), goal.into()));
        }
    }
    items
}

fn lane_word(mark: LaneMark, lang: Lang) -> &'static str {
    match mark {
        LaneMark::Announced => word(lang, "legend.announced_window"),
        LaneMark::Slipped => word(lang, "legend.window_moved_later"),
        LaneMark::Launched => word(lang, "legend.launched"),
    }
}

/// Draws the legend in rows under the title; returns how many rows.
pub(super) fn legend<DB: DrawingBackend>(
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
