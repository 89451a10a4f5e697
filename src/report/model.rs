//! The report as plain data: sections of paragraphs, charts and tables
//! whose numbers carry the id of the record they came from. Gathering
//! fills it (`report::gather`); `md` and `html` render it. Nothing here
//! knows about frames or files.

/// A whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The page title.
    pub title: String,
    /// `ru` or `en`, for the page's `lang` attribute.
    pub lang: &'static str,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// A headed part of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The anchor of the heading (`overview`, `launches` …).
    pub id: String,
    /// Heading level: 2 for main sections, 3 inside them.
    pub level: u8,
    /// The heading.
    pub title: String,
    /// What the section holds, in order.
    pub blocks: Vec<Block>,
}

/// One piece of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Para(Vec<Inline>),
    /// A chart drawn to `charts/{stem}.png` and `.svg`.
    Chart(ChartRef),
    /// A table.
    Table(Table),
}

/// A chart of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartRef {
    /// File stem under `charts/`.
    pub stem: String,
    /// The chart's title (the image's alternative text).
    pub title: String,
    /// The SVG document, inlined in the HTML.
    pub svg: String,
    /// Where each record's mark is, for its tooltip and link.
    pub spots: Vec<crate::chart::plot::Spot>,
}

/// Text, a number linked to its record, or a link out.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text (escaped when rendered).
    Text(String),
    /// A figure and the record it came from.
    Num {
        /// The figure as written ("26,5 млрд долл.").
        text: String,
        /// The record's id; the link goes to `#rec-{record_id}`.
        record_id: String,
    },
    /// A link to an address outside the report.
    Link {
        /// The link text.
        text: String,
        /// The address.
        href: String,
    },
    /// A link to a record's appendix entry, with the id as text.
    Record(String),
    /// The words of a quote that state its figure, marked.
    Mark(String),
}

/// A table: a header and rows of cells, each cell a run of inlines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Column headings.
    pub header: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<Vec<Inline>>>,
    /// For the appendix: the record id each row is the anchor of.
    pub anchors: Vec<Option<String>>,
}

impl Table {
    /// An empty table with these headings.
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            ..Table::default()
        }
    }

    /// Adds a row.
    pub fn push(&mut self, row: Vec<Vec<Inline>>) {
        self.rows.push(row);
        self.anchors.push(None);
    }

    /// Adds a row that is the anchor of a record.
    pub fn push_anchored(&mut self, record_id: &str, row: Vec<Vec<Inline>>) {
        self.rows.push(row);
        self.anchors.push(Some(record_id.to_string()));
    }
}

/// A cell of plain text.
pub fn text(s: impl Into<String>) -> Vec<Inline> {
    vec![Inline::Text(s.into())]
}

/// A cell holding one figure linked to its record.
pub fn num(s: impl Into<String>, record_id: &str) -> Vec<Inline> {
    vec![Inline::Num {
        text: s.into(),
        record_id: record_id.to_string(),
    }]
}

/// The anchor of a record's appendix entry: `rec-{record_id}`.
pub fn anchor(record_id: &str) -> String {
    format!("rec-{record_id}")
}

/// The link to a record's appendix entry, with the characters a URL
/// fragment cannot hold as they are (`#`, `%`, spaces, quotes) escaped.
pub fn href(record_id: &str) -> String {
    let mut out = String::from("#");
    for c in anchor(record_id).chars() {
        match c {
            '#' => out.push_str("%23"),
            '%' => out.push_str("%25"),
            ' ' => out.push_str("%20"),
            '"' => out.push_str("%22"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_links_escape_the_hash_of_the_id() {
        assert_eq!(anchor("003#1"), "rec-003#1");
        assert_eq!(href("003#1"), "#rec-003%231");
        assert_eq!(href("a b#2"), "#rec-a%20b%232");
    }
}
