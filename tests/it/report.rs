//! `report`: the report built from a record frame has a chart of each
//! kind in PNG and SVG, well-formed self-contained HTML whose figures all
//! link to appendix rows, escaped article text, and Markdown with the same
//! links; `factline report` writes it all from documents on disk.

use std::collections::HashSet;
use std::path::Path;

use chrono::NaiveDate;
use clap::Parser;
use factline::chart::{ChartKind, Lang, plot};
use factline::report::{self, Options};
use polars::prelude::*;

use crate::chart::{Row, frame_of, records};

fn d(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn documents() -> DataFrame {
    let ids = ["001", "002", "003", "004", "005", "006", "007", "008"];
    #[rustfmt::skip]
    let dates = [
        "2019-07-15", "2022-01-24", "2024-03-04", "2022-06-01",
        "2023-05-10", "2023-02-01", "2022-09-01", "2023-03-01",
    ];
    let mut titles = vec![None; ids.len()];
    titles[0] = Some("В Правительстве РК подписали соглашение с КАМАЗ");
    let mut urls = vec![None; ids.len()];
    urls[0] = Some("https://informburo.kz/a.html");
    urls[1] = Some("javascript:alert(1)");
    df!(
        "doc_id" => ids,
        "published" => dates.iter().map(|s| d(s)).collect::<Vec<_>>(),
        "title" => titles,
        "url" => urls,
    )
    .unwrap()
}

fn options(lang: Lang) -> Options {
    Options {
        lang,
        as_of: d("2026-11-23").unwrap(),
    }
}

/// Parses the page as XML (it is written well-formed), doctype allowed.
fn parse_html(html: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(html, opts)
}

/// Every `href="#rec-…"` of a page, decoded, and every element id.
fn links_and_ids(doc: &roxmltree::Document) -> (Vec<String>, HashSet<String>) {
    let ids = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .map(str::to_string)
        .collect();
    let links = doc
        .descendants()
        .filter_map(|n| n.attribute("href"))
        .filter_map(|h| h.strip_prefix('#'))
        .map(|h| h.replace("%23", "#").replace("%20", " "))
        .collect();
    (links, ids)
}

#[test]
fn report_has_every_kind_of_chart_and_linked_figures() {
    let out = tempfile::tempdir().unwrap();
    let (built, charts) =
        report::build(records().lazy(), &documents(), &options(Lang::Ru)).unwrap();
    let written = report::write(out.path(), &built, &charts).unwrap();
    for kind in [
        ChartKind::Line,
        ChartKind::Stock,
        ChartKind::Timeline,
        ChartKind::Target,
    ] {
        assert!(
            charts.list.iter().any(|c| c.spec.kind == kind),
            "no {kind:?} chart"
        );
    }
    assert_eq!(written.charts.len(), 2 * charts.list.len());
    for chart in &charts.list {
        let stem = chart.spec.file_stem();
        let png = out.path().join("charts").join(format!("{stem}.png"));
        let img = image::open(&png).expect("png decodes");
        assert_eq!(
            (img.width(), img.height()),
            plot::size_of(&chart.state),
            "{stem}"
        );
        let svg =
            std::fs::read_to_string(out.path().join("charts").join(format!("{stem}.svg"))).unwrap();
        roxmltree::Document::parse(&svg).expect("svg parses");
        assert!(svg.contains(&chart.state.title), "{stem}: no title");
    }

    let html = std::fs::read_to_string(&written.html).unwrap();
    let doc = parse_html(&html).expect("report.html is well-formed");
    let (links, ids) = links_and_ids(&doc);
    let to_records: Vec<&String> = links.iter().filter(|l| l.starts_with("rec-")).collect();
    assert!(to_records.len() >= 15, "{} record links", to_records.len());
    for link in &links {
        assert!(ids.contains(link), "link #{link} has no target");
    }
    for id in [
        "overview",
        "metrics",
        "launches",
        "targets",
        "appendix",
        "rec-004#1",
    ] {
        assert!(ids.contains(id), "no element with id {id}");
    }
    assert_eq!(
        html.matches("<svg").count(),
        charts.list.len(),
        "charts inline as SVG"
    );
    assert!(!html.contains("<img"), "no external images");
    assert!(
        !html.contains("javascript:"),
        "only web addresses become links"
    );
    assert!(
        html.contains("&lt;ТОО «Завод &amp; Ко»&gt;"),
        "article text escaped"
    );
    assert!(html.contains("24,2 млрд долл.</a>"));
}

#[test]
fn markdown_links_figures_and_shows_png_charts() {
    let out = tempfile::tempdir().unwrap();
    let (built, charts) =
        report::build(records().lazy(), &documents(), &options(Lang::Ru)).unwrap();
    let written = report::write(out.path(), &built, &charts).unwrap();
    let md = std::fs::read_to_string(&written.markdown).unwrap();
    for want in [
        "[24,2 млрд долл.](#rec-004%231)",
        "<a id=\"rec-004#1\"></a>",
        "![Сроки запуска проектов](charts/timeline-launch_date.png)",
        "| Сарань/шина | 24.01.2022 | 002 | [2022](#rec-002%232) |  |  |",
        // No deadline: compared with nothing. A 2025 target stated in 2023
        // is not met by the 2022 actual (history, not progress).
        "| Казахстан — Татарстан | [1 млрд долл.](#rec-002%236) | — | 24.01.2022 | —, без срока |",
        "| Казахстан — Россия | [30 млрд долл.](#rec-006%232) | 31.12.2025 | 01.02.2023 | —, факта за период нет |",
        "|  | 10.05.2023 | 005 | [II пол. 2023](#rec-005%231) | [позже на 1 год](#rec-005%231) | просрочено |",
        "• Сарань/шина: [II пол. 2023, позже на 1 год](#rec-005%231) (10.05.2023, 005)",
    ] {
        assert!(md.contains(want), "{want:?} not in\n{md}");
    }
    for want in [
        "[28 млрд долл.](#rec-006%231) (006, 01.02.2023) | [26 млрд долл.](#rec-008%231) (008, 01.03.2023) | [−7,1 %](#rec-008%231) | пересмотрено |",
        "[24,2 млрд долл.](#rec-004%231) (004, 01.06.2022) | [24 млрд долл.](#rec-007%231) (007, 01.09.2022) | [−0,8 %](#rec-007%231) | то же, с округлением |",
        "| [13](#rec-004%232) | 01.06.2022–01.09.2022 | [004\\#2](#rec-004%232), [007\\#2](#rec-007%232) |",
    ] {
        assert!(md.contains(want), "{want:?} not in\n{md}");
    }
    let findings = md.find("## Главное").expect("findings");
    assert!(
        findings < md.find("## Показатели").unwrap(),
        "findings first"
    );
}

#[test]
fn english_report_on_request() {
    let (built, _) = report::build(records().lazy(), &documents(), &options(Lang::En)).unwrap();
    let html = report::html::render(&built);
    assert!(html.contains("<html lang=\"en\">"));
    for want in [
        "Overview",
        "Launches",
        "Targets and actuals",
        "Appendix: every record",
        "24.2 bn USD",
    ] {
        assert!(html.contains(want), "{want:?} missing");
    }
    // Headings and table headers are all labels: none is Russian.
    let doc = parse_html(&html).unwrap();
    for n in doc
        .descendants()
        .filter(|n| n.has_tag_name("th") || n.has_tag_name("h2"))
    {
        let t: String = n.descendants().filter_map(|d| d.text()).collect();
        assert!(
            !t.chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
            "{t}"
        );
    }
}

#[test]
fn report_command_ingests_and_writes_everything() {
    let store = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let cli = factline::cmd::Cli::parse_from([
        "factline",
        "--quiet",
        "report",
        seeds.to_str().unwrap(),
        "--store",
        store.path().to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--as-of",
        "2026-11-23",
    ]);
    factline::cmd::run(cli).unwrap();
    let html = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    parse_html(&html).expect("report.html is well-formed");
    assert!(html.contains("Документов: 5"), "all seeds ingested");
    assert!(out.path().join("report.md").is_file());
    let charts = std::fs::read_dir(out.path().join("charts"))
        .unwrap()
        .count();
    assert!(charts >= 2, "{charts} chart files");
}

#[test]
fn report_of_an_empty_store_says_so() {
    let store = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let cli = factline::cmd::Cli::parse_from([
        "factline",
        "--quiet",
        "report",
        "--store",
        store.path().to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    factline::cmd::run(cli).unwrap();
    let html = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    parse_html(&html).expect("report.html is well-formed");
    assert!(html.contains("Документов: 0"), "{html}");
    assert!(html.contains("Нет записей для этого графика (launch_date)"));
    assert!(html.contains("В документах нет целевых показателей."));
}

/// A corpus naming more plants than a page can chart: the largest groups
/// get charts, every group keeps its table.
#[test]
fn many_subjects_get_tables_and_a_bounded_number_of_charts() {
    let places =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/ru/places.tsv"))
            .unwrap();
    let towns: Vec<String> = places
        .lines()
        .filter(|l| !l.starts_with('#') && l.split('\t').nth(2) == Some("town"))
        .filter_map(|l| l.split('\t').nth(1).map(str::to_string))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .take(report::MAX_CHARTS + 10)
        .collect();
    assert!(towns.len() > report::MAX_CHARTS);
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    for (i, town) in towns.iter().enumerate() {
        let text = format!(
            "Завод по производству шин в городе {town} мощностью {} тысяч шин в год.",
            i + 1
        );
        jsonl.push_str(
            &serde_json::json!({"id": format!("d{i}"), "published": "2024-05-01", "text": text})
                .to_string(),
        );
        jsonl.push('\n');
    }
    let input = dir.path().join("many.jsonl");
    std::fs::write(&input, jsonl).unwrap();
    let out = dir.path().join("out");
    let cli = factline::cmd::Cli::parse_from([
        "factline",
        "--quiet",
        "report",
        input.to_str().unwrap(),
        "--store",
        dir.path().join("store").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    factline::cmd::run(cli).unwrap();
    let pngs = std::fs::read_dir(out.join("charts"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "png")
        })
        .count();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let capacity_sections = md
        .lines()
        .filter(|l| l.starts_with("### ") && l.contains("мощност"))
        .count();
    assert!(pngs <= report::MAX_CHARTS + 4, "{pngs} charts");
    assert!(
        capacity_sections > report::MAX_CHARTS,
        "{capacity_sections} sections"
    );
}

/// Two subjects whose names slug alike, a flow stated for months and for
/// a year, and a figure without a subject.
#[rustfmt::skip]
const ALIKE: &[Row] = &[
    ("a#0", "2023-02-01", "exports", "CN>RU", "actual", Some(110e9), "USD", "2022-01-01", "2022-12-31", "Экспорт Китая в Россию — 110 млрд."),
    ("a#1", "2023-02-01", "exports", "CN+RU", "actual", Some(190e9), "USD", "2022-01-01", "2022-12-31", "Торговля Китая и России — 190 млрд."),
    ("b#0", "2022-08-20", "exports", "CN>RU", "actual", Some(60e9), "USD", "2022-01-01", "2022-07-31", "За семь месяцев — 60 млрд."),
    ("c#0", "2024-02-01", "exports", "CN>RU", "actual", Some(120e9), "USD", "2023-01-01", "2023-12-31", "В 2023 году — 120 млрд."),
    ("c#1", "2024-02-01", "exports", "", "actual", Some(5e9), "USD", "2023-01-01", "2023-12-31", "Экспорт составил 5 млрд."),
];

fn alike_docs() -> DataFrame {
    df!(
        "doc_id" => ["a", "b", "c"],
        "published" => [d("2023-02-01"), d("2022-08-20"), d("2024-02-01")],
        "title" => [None::<&str>, None, None],
        "url" => [None::<&str>, None, None],
    )
    .unwrap()
}

#[test]
fn sections_never_collide_and_each_chart_shows_its_own_rows() {
    let records = frame_of(ALIKE);
    let (built, charts) =
        report::build(records.clone().lazy(), &alike_docs(), &options(Lang::Ru)).unwrap();
    let stems: Vec<String> = charts.list.iter().map(|c| c.spec.file_stem()).collect();
    let unique: HashSet<&String> = stems.iter().collect();
    assert_eq!(unique.len(), stems.len(), "{stems:?}");
    let subject_of = |id: &str| ALIKE.iter().find(|r| r.0 == id).map(|r| r.3).unwrap();
    let mut lines = 0;
    for chart in charts
        .list
        .iter()
        .filter(|c| c.spec.kind == ChartKind::Line)
    {
        lines += 1;
        let subject = chart
            .spec
            .subject
            .as_deref()
            .expect("a line of one subject");
        for id in chart.state.record_ids() {
            assert_eq!(
                subject_of(id),
                subject,
                "{} shows {id}",
                chart.spec.file_stem()
            );
        }
    }
    // CN>RU by years, CN>RU for seven months, CN+RU; none for "no subject".
    assert_eq!(lines, 3, "{stems:?}");
    let html = report::html::render(&built);
    let doc = parse_html(&html).expect("well-formed");
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let distinct: HashSet<&&str> = ids.iter().collect();
    assert_eq!(distinct.len(), ids.len(), "an id twice");
}

#[test]
fn a_second_run_removes_the_charts_it_did_not_draw() {
    let out = tempfile::tempdir().unwrap();
    let (first, charts) =
        report::build(records().lazy(), &documents(), &options(Lang::Ru)).unwrap();
    report::write(out.path(), &first, &charts).unwrap();
    let (second, fewer) =
        report::build(frame_of(ALIKE).lazy(), &alike_docs(), &options(Lang::Ru)).unwrap();
    let written = report::write(out.path(), &second, &fewer).unwrap();
    let mut on_disk: Vec<std::path::PathBuf> = std::fs::read_dir(out.path().join("charts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    on_disk.sort();
    let mut expected = written.charts.clone();
    expected.sort();
    assert_eq!(on_disk, expected);
}

#[test]
fn report_keeps_its_store_in_its_own_folder() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let out = dir.path().join("a");
    let run = |args: &[&str]| {
        let mut all = vec!["factline", "--quiet", "report"];
        all.extend(args);
        factline::cmd::run(factline::cmd::Cli::parse_from(all)).unwrap();
    };
    run(&[seeds.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(out.join("store").join("records.parquet").is_file());
    assert!(out.join("records.csv").is_file() && out.join("documents.csv").is_file());
    // A second report into another folder does not see the first's documents.
    let other = dir.path().join("b");
    run(&["--out", other.to_str().unwrap()]);
    let html = std::fs::read_to_string(other.join("report.html")).unwrap();
    assert!(html.contains("Документов: 0"), "{html}");
    // A file where the folder should be is named, before anything is read.
    let file = dir.path().join("c.txt");
    std::fs::write(&file, "").unwrap();
    let cli = factline::cmd::Cli::parse_from([
        "factline",
        "-q",
        "report",
        "--out",
        file.to_str().unwrap(),
    ]);
    let err = factline::cmd::run(cli).unwrap_err().to_string();
    assert!(
        err.contains("c.txt: not a folder, cannot hold the report"),
        "{err}"
    );
}

#[test]
fn the_appendix_shows_a_figure_as_the_quote_states_it_and_marks_it() {
    let t = tempfile::tempdir().unwrap();
    let text = "Экспорт зерна из страны в 2023 году составил $110,75 млрд.\n";
    std::fs::write(t.path().join("a.txt"), text).unwrap();
    let out = t.path().join("out");
    let cli = factline::cmd::Cli::parse_from([
        "factline",
        "--quiet",
        "report",
        t.path().join("a.txt").to_str().unwrap(),
        "--published",
        "2024-02-01",
        "--out",
        out.to_str().unwrap(),
    ]);
    factline::cmd::run(cli).unwrap();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    parse_html(&html).expect("report.html is well-formed");
    assert!(md.contains("| $110,75 млрд. |"), "the figure as said: {md}");
    assert!(md.contains("**$110,75 млрд.**"), "{md}");
    assert!(html.contains("<mark>$110,75 млрд.</mark>"), "{html}");
}

#[test]
fn each_point_of_a_line_chart_has_a_title_and_a_link_to_its_record() {
    let out = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let args = [
        "factline",
        "--quiet",
        "report",
        seeds.to_str().unwrap(),
        "--out",
    ];
    let mut args: Vec<&str> = args.to_vec();
    args.push(out.path().to_str().unwrap());
    factline::cmd::run(factline::cmd::Cli::parse_from(args)).unwrap();
    let store = factline::store::Store::open(&out.path().join("store")).unwrap();
    let records = store.records().unwrap().collect().unwrap();
    let docs = store.documents().unwrap().collect().unwrap();
    let (built, charts) = report::build(records.clone().lazy(), &docs, &options(Lang::Ru)).unwrap();
    let html = report::html::render(&built);
    let doc = parse_html(&html).unwrap();
    let (_, ids) = links_and_ids(&doc);
    let titled: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title") && n.parent().is_some_and(|p| p.has_tag_name("rect")))
        .map(|t| {
            let link = t
                .parent()
                .and_then(|r| r.parent())
                .and_then(|a| a.attribute("href"));
            let target = link.unwrap().trim_start_matches('#').replace("%23", "#");
            (target, t.text().unwrap_or("").to_string())
        })
        .collect();
    let mut points = 0;
    for chart in charts
        .list
        .iter()
        .filter(|c| c.spec.kind == ChartKind::Line)
    {
        let factline::chart::marks::Body::Line { series, .. } = &chart.state.body else {
            continue;
        };
        for p in series.iter().flat_map(|s| &s.points) {
            points += 1;
            let anchor = format!("rec-{}", p.record_id);
            let (_, title) = titled
                .iter()
                .find(|(t, _)| *t == anchor)
                .unwrap_or_else(|| panic!("no title for {}", p.record_id));
            assert!(ids.contains(&anchor), "no row {anchor} to link to");
            assert!(title.chars().any(|c| c.is_ascii_digit()), "{title}");
            let doc_id = p.record_id.split('#').next().unwrap();
            assert!(title.contains(doc_id), "{title} names no source");
        }
    }
    assert!(points >= 2, "only {points} points drawn");
    // The value as the quote states it: one seed says «423,3 миллиона».
    assert!(
        titled
            .iter()
            .any(|(_, t)| t.starts_with("423,3 миллиона — янв–ноя 2021")),
        "{titled:?}"
    );
}
