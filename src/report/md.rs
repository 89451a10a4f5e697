//! The report as Markdown: headings, PNG charts from `charts/`, pipe
//! tables, and every figure a link to its record's anchor in the appendix.

use crate::report::model::{Block, Inline, Report, Section, Table, anchor, href};

/// Renders the whole report.
pub fn render(report: &Report) -> String {
    let mut out = format!("# {}\n", escape(&report.title));
    for section in &report.sections {
        out.push('\n');
        section_md(&mut out, section);
    }
    out
}

fn section_md(out: &mut String, section: &Section) {
    let hashes = "#".repeat(section.level as usize);
    out.push_str(&format!(
        "{hashes} {} <a id=\"{}\"></a>\n",
        escape(&section.title),
        section.id
    ));
    for block in &section.blocks {
        out.push('\n');
        match block {
            Block::Para(inlines) => {
                out.push_str(&inlines_md(inlines));
                out.push('\n');
            }
            Block::Chart(chart) => out.push_str(&format!(
                "![{}](charts/{}.png)\n\nSVG: [charts/{stem}.svg](charts/{stem}.svg)\n",
                escape(&chart.title),
                chart.stem,
                stem = chart.stem
            )),
            Block::Table(table) => table_md(out, table),
        }
    }
}

fn table_md(out: &mut String, table: &Table) {
    let header: Vec<String> = table.header.iter().map(|h| cell(h)).collect();
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(table.header.len())));
    for (row, id) in table.rows.iter().zip(&table.anchors) {
        let mut cells: Vec<String> = row.iter().map(|c| cell(&inlines_md(c))).collect();
        if let (Some(id), Some(first)) = (id, cells.first_mut()) {
            *first = format!("<a id=\"{}\"></a>{first}", attr(&anchor(id)));
        }
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
}

fn inlines_md(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) => escape(t),
            Inline::Num { text, record_id } => format!("[{}]({})", escape(text), href(record_id)),
            Inline::Link { text, href } => format!("[{}]({})", escape(text), link_target(href)),
            Inline::Record(id) => format!("[{}]({})", escape(id), href(id)),
            Inline::Mark(t) => format!("**{}**", escape(t)),
        })
        .collect()
}

/// An address as a Markdown link target: every character that could
/// end the target or start new markup is percent-encoded, so that an
/// address such as `…/b)[y](javascript:…)` stays one link to its host.
fn link_target(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for c in href.chars() {
        match c {
            '(' | ')' | '[' | ']' | '<' | '>' | ' ' | '"' | '\'' | '\\' | '`' | '|' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Keeps a cell on one line and its pipes from splitting it.
fn cell(s: &str) -> String {
    s.replace('\n', " ").replace('|', "\\|")
}

/// Escapes the characters Markdown would read as markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::{num, text};

    #[test]
    fn figures_link_to_records_and_markup_is_escaped() {
        let mut table = Table::new(&["Значение", "Цитата"]);
        table.push_anchored("003#1", vec![num("135", "003#1"), text("a | <b> *c*")]);
        let report = Report {
            title: "Отчёт".into(),
            lang: "ru",
            sections: vec![Section {
                id: "appendix".into(),
                level: 2,
                title: "Записи".into(),
                blocks: vec![Block::Table(table)],
            }],
        };
        let md = render(&report);
        assert!(
            md.contains("| <a id=\"rec-003#1\"></a>[135](#rec-003%231) | a \\| \\<b\\> \\*c\\* |"),
            "{md}"
        );
    }

    #[test]
    fn a_link_target_cannot_open_a_second_link() {
        let t = link_target("https://example.com/b)[y](javascript:alert(25)");
        assert_eq!(
            t,
            "https://example.com/b%29%5By%5D%28javascript:alert%2825%29"
        );
        assert!(!t.contains(['(', ')', '[', ']']));
    }
}
