//! The report as one self-contained HTML page: CSS inline, charts inline
//! as SVG, no scripts and nothing fetched. Text from articles is escaped;
//! every figure links to its record's row in the appendix. The markup is
//! well-formed (void elements closed), so an XML parser can check it.

use crate::chart::plot::Spot;
use crate::report::model::{Block, Inline, Report, Section, Table, anchor, href};

const CSS: &str = r#"
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #222; margin: 0 auto;
  max-width: 1060px; padding: 24px; line-height: 1.45; }
h1 { font-size: 28px; margin-bottom: 4px; }
h2 { font-size: 22px; border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 36px; }
h3 { font-size: 18px; margin-top: 28px; }
nav ul { columns: 2; padding-left: 20px; }
figure { margin: 16px 0; }
figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: 13px; color: #666; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 12px 0; }
th, td { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f4f4f4; }
tr:target { background: #fff4c2; }
a.num { color: #0b57a4; text-decoration: none; border-bottom: 1px dotted #0b57a4; }
td.quote { font-size: 13px; color: #444; }
@media print { body { max-width: none; padding: 0; } figure { break-inside: avoid; }
  a.num { color: #222; border: none; } nav { display: none; } }
"#;

/// Renders the whole page.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!(
        "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n",
        report.lang
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&report.title)));
    out.push_str(&format!("<style>{CSS}</style>\n</head>\n<body>\n"));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&report.title)));
    out.push_str(&contents(report));
    for section in &report.sections {
        section_html(&mut out, section);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The list of main sections, linked.
fn contents(report: &Report) -> String {
    let mut out = String::from("<nav>\n<ul>\n");
    for s in report.sections.iter().filter(|s| s.level == 2) {
        out.push_str(&format!(
            "<li><a href=\"#{}\">{}</a></li>\n",
            escape(&s.id),
            escape(&s.title)
        ));
    }
    out.push_str("</ul>\n</nav>\n");
    out
}

fn section_html(out: &mut String, section: &Section) {
    let level = section.level.clamp(2, 6);
    out.push_str(&format!(
        "<h{level} id=\"{}\">{}</h{level}>\n",
        escape(&section.id),
        escape(&section.title)
    ));
    for block in &section.blocks {
        match block {
            Block::Para(inlines) => out.push_str(&format!("<p>{}</p>\n", inlines_html(inlines))),
            Block::Chart(chart) => out.push_str(&format!(
                "<figure>\n{}\n<figcaption>{} (<a href=\"charts/{stem}.png\">PNG</a>, \
                 <a href=\"charts/{stem}.svg\">SVG</a>)</figcaption>\n</figure>\n",
                with_spots(svg_body(&chart.svg), &chart.spots),
                escape(&chart.title),
                stem = escape(&chart.stem)
            )),
            Block::Table(table) => table_html(out, table),
        }
    }
}

/// The SVG element itself, without any XML declaration before it.
fn svg_body(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => svg[i..].trim_end(),
        None => svg,
    }
}

/// The SVG with a see-through box over each record's mark: its
/// `<title>` is the tooltip, its link goes to the record's row.
fn with_spots(svg: &str, spots: &[Spot]) -> String {
    let Some(end) = svg.rfind("</svg>") else {
        return svg.to_string();
    };
    let mut out = String::with_capacity(svg.len() + 160 * spots.len());
    out.push_str(&svg[..end]);
    out.push_str("<g class=\"spots\">\n");
    for s in spots {
        out.push_str(&format!(
            "<a href=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fff\" fill-opacity=\"0\"><title>{}</title></rect></a>\n",
            escape(&href(&s.record_id)),
            s.x,
            s.y,
            s.w,
            s.h,
            escape(&s.title)
        ));
    }
    out.push_str("</g>\n");
    out.push_str(&svg[end..]);
    out
}

fn table_html(out: &mut String, table: &Table) {
    out.push_str("<table>\n<thead><tr>");
    for h in &table.header {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let last = table.header.len().saturating_sub(1);
    for (row, id) in table.rows.iter().zip(&table.anchors) {
        match id {
            Some(id) => out.push_str(&format!("<tr id=\"{}\">", escape(&anchor(id)))),
            None => out.push_str("<tr>"),
        }
        for (i, cell) in row.iter().enumerate() {
            let class = if i == last && id.is_some() {
                " class=\"quote\""
            } else {
                ""
            };
            out.push_str(&format!("<td{class}>{}</td>", inlines_html(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn inlines_html(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) => escape(t),
            Inline::Num { text, record_id } => format!(
                "<a class=\"num\" href=\"{}\">{}</a>",
                escape(&href(record_id)),
                escape(text)
            ),
            Inline::Link { text, href } => {
                format!("<a href=\"{}\">{}</a>", escape(href), escape(text))
            }
            Inline::Record(id) => {
                format!("<a href=\"{}\">{}</a>", escape(&href(id)), escape(id))
            }
            Inline::Mark(t) => format!("<mark>{}</mark>", escape(t)),
        })
        .collect()
}

/// Escapes text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::{num, text};

    #[test]
    fn article_text_is_escaped_and_figures_link_to_records() {
        let mut table = Table::new(&["Значение", "Цитата"]);
        table.push_anchored(
            "003#1",
            vec![
                num("135", "003#1"),
                text("<script>alert(1)</script> & «ёж»"),
            ],
        );
        let report = Report {
            title: "Отчёт <1>".into(),
            lang: "ru",
            sections: vec![Section {
                id: "appendix".into(),
                level: 2,
                title: "Записи".into(),
                blocks: vec![Block::Table(table)],
            }],
        };
        let html = render(&report);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; «ёж»"));
        assert!(html.contains("<tr id=\"rec-003#1\">"));
        assert!(html.contains("<a class=\"num\" href=\"#rec-003%231\">135</a>"));
        assert!(html.contains("<title>Отчёт &lt;1&gt;</title>"));
    }
}
