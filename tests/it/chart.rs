//! `chart`: every kind drawn to PNG and SVG from a record frame; the PNG
//! must decode at the size the layout asks for and show ink, the SVG must
//! parse and hold the title and the figures.

use std::path::Path;

use chrono::NaiveDate;
use factline::chart::marks::Body;
use factline::chart::{ChartKind, ChartSpec, Lang, plot, state};
use factline::record::Metric;
use polars::prelude::*;

fn d(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// (record_id, published, metric, subject, status, value, unit,
/// period_start, period_end, quote)
pub type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<f64>,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// Records as the seeds give them, plus later articles: 005 moves the
/// tyre plant's launch, 006 reports the next year's turnover, 007 repeats
/// two figures (one rounded) and 008 revises 006.
#[rustfmt::skip]
const ROWS: &[Row] = &[
    ("001#1", "2019-07-15", "jobs", "KZ+RU", "planned", Some(2500.0), "count", "", "", "В ходе реализации соглашения откроют свыше 2,5 тысяч новых рабочих мест."),
    ("001#2", "2019-07-15", "capacity", "Алматы/автомобиль", "planned", Some(30000.0), "vehicles/yr", "", "", "На первоначальном этапе планируют выпускать 30 тысяч машин в год."),
    ("001#3", "2019-07-15", "launch_date", "Алматы/автомобиль", "planned", None, "", "2020-01-01", "2020-12-31", "В Алматы в 2020 году будут производить автомобили марки Hyundai."),
    ("002#1", "2022-01-24", "capacity", "Сарань/шина", "planned", Some(3.5e6), "pcs/yr", "", "", "строительство завода по производству шин в Сарани мощностью 3,5 миллиона шин ежегодно"),
    ("002#2", "2022-01-24", "launch_date", "Сарань/шина", "planned", None, "", "2022-01-01", "2022-12-31", "запуск запланирован на 2022 год"),
    ("002#3", "2022-01-24", "launch_date", "Костанай/литьё", "planned", None, "", "2023-01-01", "2024-12-31", "ввод в эксплуатацию запланирован на 2023-2024 годы"),
    ("002#4", "2022-01-24", "launch_date", "Атырауская область/каучук", "ongoing", None, "", "2021-01-01", "2025-12-31", "срок реализации - 2021-2025 годы"),
    ("002#5", "2022-01-24", "trade_turnover", "KZ+RU-TA", "actual", Some(423.3e6), "USD", "2021-01-01", "2021-11-30", "Двусторонний товарооборот за 11 месяцев 2021 года составил 423,3 миллиона долларов."),
    ("002#6", "2022-01-24", "trade_turnover", "KZ+RU-TA", "target", Some(1e9), "USD", "", "", "В ближайшие годы стороны намерены довести данный показатель до 1 миллиарда долларов."),
    ("004#1", "2022-06-01", "trade_turnover", "KZ+RU", "actual", Some(24.2e9), "USD", "2021-01-01", "2021-12-31", "По итогам 2021 года достигнут рекордный показатель в $24,2 млрд."),
    ("004#2", "2022-06-01", "projects_count", "KZ+RU", "actual", Some(13.0), "count", "", "", "В Казахстане реализовано 13 знаковых совместных проектов."),
    ("004#3", "2022-06-01", "projects_count", "KZ+RU", "ongoing", Some(22.0), "count", "", "", "Реализуются или находятся в проработке еще 22 крупных проекта"),
    ("003#1", "2024-03-04", "projects_count", "KZ+RU", "ongoing", Some(135.0), "count", "", "", "реализуют 135 проектов на сумму $26,5 млрд"),
    ("003#2", "2024-03-04", "projects_count", "KZ+RU", "pipeline", Some(67.0), "count", "", "", "прорабатываются 67 совместных проектов на $14 млрд"),
    ("005#1", "2023-05-10", "launch_date", "Сарань/шина", "planned", None, "", "2023-07-01", "2023-12-31", "Запуск завода перенесли на второе полугодие 2023 года."),
    ("006#1", "2023-02-01", "trade_turnover", "KZ+RU", "actual", Some(28e9), "USD", "2022-01-01", "2022-12-31", "Товарооборот в 2022 году составил $28 млрд."),
    ("006#2", "2023-02-01", "trade_turnover", "KZ+RU", "target", Some(30e9), "USD", "2025-01-01", "2025-12-31", "Цель — довести товарооборот до $30 млрд к 2025 году."),
    ("006#3", "2023-02-01", "jobs", "KZ+RU", "actual", Some(3000.0), "count", "", "", "На заводах <ТОО «Завод & Ко»> трудятся 3000 человек."),
    ("007#1", "2022-09-01", "trade_turnover", "KZ+RU", "actual", Some(24.0e9), "USD", "2021-01-01", "2021-12-31", "Товарооборот в 2021 году достиг 24 млрд долларов."),
    ("007#2", "2022-09-01", "projects_count", "KZ+RU", "actual", Some(13.0), "count", "", "", "Реализовано 13 совместных проектов."),
    ("008#1", "2023-03-01", "trade_turnover", "KZ+RU", "actual", Some(26e9), "USD", "2022-01-01", "2022-12-31", "По уточнённым данным, товарооборот в 2022 году составил 26 млрд долларов."),
];

/// The rows above as a record frame in the store's columns.
pub fn records() -> DataFrame {
    frame_of(ROWS)
}

/// Rows as a record frame in the store's columns.
pub fn frame_of(rows: &[Row]) -> DataFrame {
    let col = |i: usize| -> Vec<&str> {
        rows.iter()
            .map(|r| [r.0, r.1, r.2, r.3, r.4, r.6, r.7, r.8, r.9][i])
            .collect()
    };
    let opt = |v: Vec<&str>| -> Vec<Option<String>> {
        v.into_iter()
            .map(|s| (!s.is_empty()).then(|| s.to_string()))
            .collect()
    };
    let dates = |v: Vec<&str>| -> Vec<Option<NaiveDate>> { v.into_iter().map(d).collect() };
    let n = rows.len();
    let ids = col(0);
    let docs: Vec<String> = ids
        .iter()
        .map(|id| id.split('#').next().unwrap().to_string())
        .collect();
    df!(
        "record_id" => ids,
        "doc_id" => docs,
        "published" => dates(col(1)),
        "date_basis" => vec!["manifest"; n],
        "published_precision" => vec!["day"; n],
        "metric" => col(2),
        "subject" => opt(col(3)),
        "status" => col(4),
        "value" => rows.iter().map(|r| r.5).collect::<Vec<_>>(),
        "value_max" => vec![None::<f64>; n],
        "unit" => opt(col(5)),
        "qualifier" => vec!["exact"; n],
        "period_start" => dates(col(6)),
        "period_end" => dates(col(7)),
        "quote" => col(8),
        "span_start" => vec![0i64; n],
        "span_end" => vec![1i64; n],
        "rules" => vec![""; n],
    )
    .expect("fixture frame")
}

fn today() -> NaiveDate {
    d("2026-11-23").unwrap()
}

/// Draws a spec of the fixture to PNG and SVG in `dir`; checks both and
/// returns the SVG's texts.
fn draw_both(spec: &ChartSpec, dir: &Path) -> String {
    draw_frame(spec, &records(), dir)
}

/// Draws a spec of `frame` to PNG and SVG in `dir`; checks both and
/// returns the SVG's texts.
fn draw_frame(spec: &ChartSpec, frame: &DataFrame, dir: &Path) -> String {
    let state = state::build(spec, frame).expect("chart state");
    let png = dir.join(format!("{}.png", spec.file_stem()));
    let svg = dir.join(format!("{}.svg", spec.file_stem()));
    plot::write(&state, &png).expect("png written");
    plot::write(&state, &svg).expect("svg written");
    keep_for_a_look(&[&png, &svg]);
    check_png(&png, plot::size_of(&state));
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("svg parses");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(str::trim)
        .collect();
    assert!(
        texts.contains(&state.title.as_str()),
        "title {:?} not in {texts:?}",
        state.title
    );
    texts.join("\n")
}

/// Copies the charts to `$FACTLINE_CHART_DIR` when set, to look at them.
fn keep_for_a_look(paths: &[&Path]) {
    if let Some(dir) = std::env::var_os("FACTLINE_CHART_DIR") {
        std::fs::create_dir_all(&dir).unwrap();
        for p in paths {
            std::fs::copy(p, Path::new(&dir).join(p.file_name().unwrap())).unwrap();
        }
    }
}

/// The PNG decodes at `size` and is not blank.
fn check_png(path: &Path, size: (u32, u32)) {
    let img = image::open(path).expect("png decodes").to_rgb8();
    assert_eq!(img.dimensions(), size, "{}", path.display());
    let inked = img
        .pixels()
        .filter(|p| p.0.iter().any(|c| *c < 200))
        .count();
    let share = inked as f64 / (size.0 * size.1) as f64;
    assert!(
        share > 0.01,
        "{}: only {share:.4} of pixels inked",
        path.display()
    );
}

#[test]
fn line_chart_has_values_units_and_sources() {
    let dir = tempfile::tempdir().unwrap();
    let spec = ChartSpec::new(ChartKind::Line, Metric::TradeTurnover).subject("KZ+RU");
    let texts = draw_both(&spec, dir.path());
    for want in [
        "24,2 / 24",
        "28 / 26",
        "30",
        "Товарооборот, млрд долл.",
        "Казахстан — Россия",
    ] {
        assert!(texts.contains(want), "{want:?} not in {texts}");
    }
    assert!(
        texts.contains(
            "Источники: 004 (01.06.2022), 007 (01.09.2022), 006 (01.02.2023), 008 (01.03.2023)"
        ),
        "{texts}"
    );
}

#[test]
fn line_chart_of_all_subjects_has_one_series_each() {
    let dir = tempfile::tempdir().unwrap();
    let spec = ChartSpec::new(ChartKind::Line, Metric::TradeTurnover);
    let texts = draw_both(&spec, dir.path());
    assert!(texts.contains("Казахстан — Татарстан"), "{texts}");
    assert!(texts.contains("0,42"), "{texts}");
}

#[test]
fn stock_chart_stacks_statuses_by_publication() {
    let dir = tempfile::tempdir().unwrap();
    let spec = ChartSpec::new(ChartKind::Stock, Metric::ProjectsCount).subject("KZ+RU");
    let texts = draw_both(&spec, dir.path());
    for want in [
        "135",
        "67",
        "13",
        "22",
        "01.06.2022",
        "04.03.2024",
        "в проработке",
    ] {
        assert!(texts.contains(want), "{want:?} not in {texts}");
    }
}

#[test]
fn timeline_shows_each_announcement_and_today() {
    let dir = tempfile::tempdir().unwrap();
    let spec = ChartSpec::new(ChartKind::Timeline, Metric::LaunchDate).as_of(today());
    let texts = draw_both(&spec, dir.path());
    for want in [
        "Сарань/шина",
        "2022: заявлено 24.01.2022 (002)",
        "сегодня 23.11.2026",
        "срок перенесён позже",
    ] {
        assert!(texts.contains(want), "{want:?} not in {texts}");
    }
}

#[test]
fn target_chart_sets_actual_against_target() {
    let dir = tempfile::tempdir().unwrap();
    let spec = ChartSpec::new(ChartKind::Target, Metric::TradeTurnover);
    let texts = draw_both(&spec, dir.path());
    for want in [
        // The 2022 actuals ended before the 2025 target was stated: history.
        "Казахстан — Россия · цель к 2025",
        "30 млрд долл., факта за период нет",
        // «В ближайшие годы»: no deadline, compared with nothing.
        "Казахстан — Татарстан · цель",
        "1 млрд долл., без срока",
        "Достигнуто от цели, %",
        "цель = 100 %",
    ] {
        assert!(texts.contains(want), "{want:?} not in {texts}");
    }
}

#[test]
fn english_labels_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let spec = ChartSpec::new(ChartKind::Line, Metric::TradeTurnover)
        .subject("KZ+RU")
        .lang(Lang::En);
    let texts = draw_both(&spec, dir.path());
    for want in [
        "Trade turnover: Kazakhstan — Russia",
        "Trade turnover, bn USD",
        "Sources",
    ] {
        assert!(texts.contains(want), "{want:?} not in {texts}");
    }
}

#[test]
fn empty_selection_draws_a_chart_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    for kind in [
        ChartKind::Line,
        ChartKind::Stock,
        ChartKind::Timeline,
        ChartKind::Target,
    ] {
        let spec = ChartSpec::new(kind, Metric::Exports).subject("CN>RU");
        let texts = draw_both(&spec, dir.path());
        assert!(
            texts.contains("Нет записей для этого графика (exports · CN>RU)"),
            "{texts}"
        );
    }
}

#[test]
fn unknown_extension_is_refused() {
    let spec = ChartSpec::new(ChartKind::Line, Metric::TradeTurnover);
    let state = state::build(&spec, &records()).unwrap();
    let err = plot::write(&state, Path::new("chart.jpg")).unwrap_err();
    assert!(err.to_string().contains(".png or .svg"), "{err}");
}

#[test]
fn thin_stock_segments_keep_their_number() {
    #[rustfmt::skip]
    let rows: &[Row] = &[
        ("009#0", "2025-01-10", "projects_value", "KZ+UZ", "ongoing", Some(30e9), "USD", "", "", "Реализуются проекты на $30 млрд."),
        ("009#1", "2025-01-10", "projects_value", "KZ+UZ", "pipeline", Some(0.4e9), "USD", "", "", "Прорабатываются проекты на $400 млн."),
        ("009#2", "2025-01-10", "projects_value", "KZ+UZ", "actual", Some(1.2e9), "USD", "", "", "Реализованы проекты на $1,2 млрд."),
    ];
    let dir = tempfile::tempdir().unwrap();
    let spec = ChartSpec::new(ChartKind::Stock, Metric::ProjectsValue).subject("KZ+UZ");
    let texts = draw_frame(&spec, &frame_of(rows), dir.path());
    for want in ["30", "0,4", "1,2", "Казахстан — Узбекистан"] {
        assert!(texts.contains(want), "{want:?} not in {texts}");
    }
}

#[test]
fn chart_command_draws_from_the_store() {
    use clap::Parser;
    let store = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let run = |args: &[&str]| {
        let mut argv = vec!["factline", "--quiet"];
        argv.extend_from_slice(args);
        factline::cmd::run(factline::cmd::Cli::parse_from(argv)).unwrap()
    };
    let store_dir = store.path().to_str().unwrap();
    run(&["ingest", seeds.to_str().unwrap(), "--store", store_dir]);
    let png = out.path().join("launches.png");
    let svg = out.path().join("turnover.svg");
    #[rustfmt::skip]
    run(&["chart", "--kind", "timeline", "--metric", "launch_date", "--as-of", "2026-11-23",
          "--store", store_dir, "--out", png.to_str().unwrap()]);
    #[rustfmt::skip]
    run(&["chart", "--metric", "trade_turnover", "--subject", "KZ+RU", "--labels", "en",
          "--store", store_dir, "--out", svg.to_str().unwrap()]);
    let img = image::open(&png).expect("png decodes");
    assert!(
        img.height() > 420,
        "a lane per announcement: {}",
        img.height()
    );
    let text = std::fs::read_to_string(&svg).unwrap();
    roxmltree::Document::parse(&text).expect("svg parses");
    assert!(
        text.contains("Trade turnover: Kazakhstan — Russia"),
        "{text}"
    );
    assert!(text.contains("Trade turnover, bn USD"), "{text}");
}

#[test]
fn many_statements_of_a_stock_keep_their_dates() {
    const DAYS: [&str; 14] = [
        "2018-01-15",
        "2018-06-15",
        "2019-01-15",
        "2019-06-15",
        "2020-01-15",
        "2020-06-15",
        "2021-01-15",
        "2021-06-15",
        "2022-01-15",
        "2022-06-15",
        "2023-01-15",
        "2023-06-15",
        "2024-01-15",
        "2024-06-15",
    ];
    const IDS: [&str; 14] = [
        "m01#0", "m02#0", "m03#0", "m04#0", "m05#0", "m06#0", "m07#0", "m08#0", "m09#0", "m10#0",
        "m11#0", "m12#0", "m13#0", "m14#0",
    ];
    let rows: Vec<Row> = DAYS
        .iter()
        .zip(IDS)
        .enumerate()
        .map(|(i, (day, id))| {
            let value = Some(10.0 + 7.0 * i as f64);
            (
                id,
                *day,
                "jobs",
                "KZ+RU",
                "ongoing",
                value,
                "count",
                "",
                "",
                "Трудятся люди.",
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let spec = ChartSpec::new(ChartKind::Stock, Metric::Jobs).subject("KZ+RU");
    let texts = draw_frame(&spec, &frame_of(&rows), dir.path());
    // Fourteen full dates do not fit under the bars: months, every other.
    for want in ["01.2018", "01.2024", "101"] {
        assert!(texts.contains(want), "{want:?} not in {texts}");
    }
    let lines: Vec<&str> = texts.lines().collect();
    assert!(lines.contains(&"01.2019"), "{texts}");
    assert!(!lines.contains(&"15.01.2018"), "{texts}");
    assert!(!lines.contains(&"06.2018"), "{texts}");
}

fn line_series(state: &state::ChartState) -> Vec<(String, Vec<String>)> {
    let Body::Line { series, .. } = &state.body else {
        panic!("not a line chart: {:?}", state.body);
    };
    series
        .iter()
        .map(|s| {
            let ids = s.points.iter().map(|p| p.record_id.clone()).collect();
            (s.name.clone(), ids)
        })
        .collect()
}

/// Exports of one flow: two years, seven months, and a "December" figure
/// stated in January of the same year (a period after publication).
#[rustfmt::skip]
const FLOWS: &[Row] = &[
    ("a#0", "2022-02-01", "exports", "CN>RU", "actual", Some(100e9), "USD", "2021-01-01", "2021-12-31", "Экспорт в 2021 году — 100 млрд."),
    ("b#0", "2022-08-20", "exports", "CN>RU", "actual", Some(60e9), "USD", "2022-01-01", "2022-07-31", "За семь месяцев — 60 млрд."),
    ("c#0", "2023-02-01", "exports", "CN>RU", "actual", Some(110e9), "USD", "2022-01-01", "2022-12-31", "В 2022 году — 110 млрд."),
    ("d#0", "2024-01-01", "exports", "CN>RU", "actual", Some(12e9), "USD", "2024-12-01", "2024-12-31", "В декабре — 12 млрд."),
];

#[test]
fn a_line_never_joins_months_to_years_and_a_future_period_is_no_fact() {
    let spec = ChartSpec::new(ChartKind::Line, Metric::Exports).subject("CN>RU");
    let state = state::build(&spec, &frame_of(FLOWS)).unwrap();
    let series = line_series(&state);
    assert_eq!(
        series,
        [
            (
                "Китай → Россия".to_string(),
                vec!["a#0".to_string(), "c#0".to_string()]
            ),
            (
                "Китай → Россия · янв–июл".to_string(),
                vec!["b#0".to_string()]
            ),
        ]
    );
    let note = state.note.clone().unwrap_or_default();
    assert!(note.contains("Внимание: 1"), "{note}");
    let yearly = state::build(&spec.clone().grain("year"), &frame_of(FLOWS)).unwrap();
    assert_eq!(line_series(&yearly).len(), 1);
    let dir = tempfile::tempdir().unwrap();
    let texts = draw_frame(&spec, &frame_of(FLOWS), dir.path());
    assert!(texts.contains("Китай → Россия · янв–июл"), "{texts}");
}

/// One plant's capacity as a plan and as a target, and one jobs figure
/// said twice in one document.
#[rustfmt::skip]
const TWICE: &[Row] = &[
    ("p#0", "2022-01-24", "capacity", "Сарань/шина", "planned", Some(3.5e6), "pcs/yr", "", "", "мощностью 3,5 млн шин"),
    ("p#1", "2022-01-24", "capacity", "Сарань/шина", "target", Some(9e6), "pcs/yr", "", "", "с доведением до 9 млн шин"),
    ("p#2", "2022-01-24", "capacity", "Сарань/шина", "ongoing", Some(1e6), "pcs/yr", "", "", "строится 1 млн"),
    ("q#0", "2024-03-04", "jobs", "KZ+RU", "planned", Some(11000.0), "count", "", "", "Будет создано 11 тысяч мест."),
    ("q#1", "2024-03-04", "jobs", "KZ+RU", "planned", Some(11000.0), "count", "", "", "Более 11 тысяч рабочих мест."),
];

fn bars(spec: &ChartSpec) -> Vec<Vec<String>> {
    let state = state::build(spec, &frame_of(TWICE)).unwrap();
    let Body::Stock { bars, .. } = &state.body else {
        panic!("not a stock chart: {:?}", state.body);
    };
    bars.iter()
        .map(|b| b.segments.iter().map(|s| s.record_id.clone()).collect())
        .collect()
}

#[test]
fn a_plan_and_a_target_are_never_added_and_a_restatement_counts_once() {
    let capacity = bars(&ChartSpec::new(ChartKind::Stock, Metric::Capacity));
    // The target is no stock; the plan and the one under way stand apart.
    assert_eq!(capacity, [vec!["p#0".to_string()], vec!["p#2".to_string()]]);
    let jobs = bars(&ChartSpec::new(ChartKind::Stock, Metric::Jobs));
    assert_eq!(jobs, [vec!["q#0".to_string()]]);
}

#[test]
fn a_timeline_of_many_plants_stays_bounded() {
    let names: Vec<String> = (0..80).map(|i| format!("Город{i}/завод")).collect();
    let ids: Vec<String> = (0..80).map(|i| format!("t{i}#0")).collect();
    let rows: Vec<Row> = (0..80)
        .map(|i| {
            (
                &*ids[i].clone().leak(),
                "2022-01-24",
                "launch_date",
                &*names[i].clone().leak(),
                "planned",
                None,
                "",
                "2024-01-01",
                "2024-12-31",
                "Запуск в 2024 году.",
            )
        })
        .collect();
    let spec = ChartSpec::new(ChartKind::Timeline, Metric::LaunchDate).as_of(today());
    let state = state::build(&spec, &frame_of(&rows)).unwrap();
    let Body::Timeline { lanes, .. } = &state.body else {
        panic!("not a timeline");
    };
    assert_eq!(lanes.len(), state::MAX_LANES);
    assert!(
        plot::size_of(&state).1 < 2000,
        "{:?}",
        plot::size_of(&state)
    );
    let note = state.note.unwrap_or_default();
    assert!(note.contains("Ещё 50 — в таблице"), "{note}");
}
