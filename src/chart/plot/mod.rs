//! Drawing with plotters: this module (its files `mod.rs`, `kinds.rs` and
//! `legend.rs`) is the only place that imports it. It takes a
//! [`ChartState`] (marks and words, no frames) and draws it to PNG or SVG,
//! chosen by the file extension, with the DejaVu Sans font embedded in the
//! binary (registered once), so a chart looks the same on a machine with
//! no fonts installed. The licence of the font is in `data/fonts/`.
//!
//! `mod.rs` lays out the frame of every chart (title, legend row, source
//! note) and holds the text helpers; `kinds.rs` draws each kind's marks;
//! `legend.rs` draws the legend row.

mod kinds;
mod legend;

use kinds::{empty, line, stock, target, timeline};
use legend::{legend, legend_items};

use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, anyhow, bail};
use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use crate::chart::marks::Body;
use crate::chart::spec::Lang;
use crate::chart::state::ChartState;
use crate::chart::words;

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
        Body::Target { rows, .. } => rows.len() as u32,
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
    // Drawn to a temporary file and renamed: a full disk or a kill never
    // leaves half a picture.
    let draw_to = |tmp: &Path| -> anyhow::Result<()> {
        match format {
            ImageFormat::Png => {
                let root = BitMapBackend::new(tmp, size).into_drawing_area();
                draw(&root, state, &mut Vec::new()).map_err(|e| anyhow!("{e}"))?;
                root.present().map_err(|e| anyhow!("{e}"))
            }
            ImageFormat::Svg => Ok(std::fs::write(tmp, svg_string(state)?)?),
        }
    };
    crate::atomic::replace_with(path, draw_to, || {})
        .with_context(|| format!("drawing {}", path.display()))
}

/// The chart as an SVG document.
pub fn svg_string(state: &ChartState) -> anyhow::Result<String> {
    Ok(svg_with_spots(state)?.0)
}

/// Where a mark was drawn, in pixels of the whole picture, and the record
/// it shows: what a page needs to give the mark a tooltip and a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    /// The record behind the mark.
    pub record_id: String,
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width.
    pub w: i32,
    /// Height.
    pub h: i32,
    /// The words a reader sees over the mark; left empty here, filled by
    /// whoever knows the record (the report).
    pub title: String,
}

impl Spot {
    /// The box with corners `a` and `b`, grown by `pad` on every side.
    pub fn between(record_id: &str, a: (i32, i32), b: (i32, i32), pad: i32) -> Spot {
        Spot {
            record_id: record_id.to_string(),
            x: a.0.min(b.0) - pad,
            y: a.1.min(b.1) - pad,
            w: (a.0 - b.0).abs() + 2 * pad,
            h: (a.1 - b.1).abs() + 2 * pad,
            title: String::new(),
        }
    }
}

/// The chart as an SVG document (for inlining in HTML), with where each
/// record's mark was drawn.
pub fn svg_with_spots(state: &ChartState) -> anyhow::Result<(String, Vec<Spot>)> {
    fonts()?;
    let mut buf = String::new();
    let mut spots = Vec::new();
    {
        let root = SVGBackend::with_string(&mut buf, size_of(state)).into_drawing_area();
        draw(&root, state, &mut spots).map_err(|e| anyhow!("{e}"))?;
        root.present().map_err(|e| anyhow!("{e}"))?;
    }
    Ok((buf, spots))
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn font(size: u32) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&INK)
}

/// Title on top, source note at the bottom, the kind's marks between;
/// each mark's place goes to `spots`.
fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    state: &ChartState,
    spots: &mut Vec<Spot>,
) -> DrawResult<DB> {
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
    let rows = legend(root, &legend_items(state), w as i32 - 40)?;
    let (_, area) = upper.split_vertically(56 + 26 * rows);
    match &state.body {
        Body::Empty => empty(&area, state),
        Body::Line {
            series,
            x_range,
            y_max,
        } => line(&area, state, series, (*x_range, *y_max), spots),
        Body::Stock { bars, y_max } => stock(&area, state, bars, *y_max, spots),
        Body::Timeline {
            lanes,
            x_range,
            today,
        } => timeline(&area, state, lanes, (*x_range, *today), spots),
        Body::Target { rows, x_max } => target(&area, state, rows, *x_max, spots),
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

fn value_formatter(lang: Lang) -> impl Fn(&f64) -> String {
    move |v: &f64| words::format_number(*v, lang)
}

/// Year labels: the axes are yearly and their ranges start on 1 January.
fn year_label(d: &NaiveDate) -> String {
    d.format("%Y").to_string()
}
