//! The period of a figure: its own date, a date the text ties to it (the
//! lead, `за этот период`, the sentence before), or a stock's date.

use chrono::NaiveDate;

use super::{Context, Reading, is_flow};
use crate::classify::cost;
use crate::dims::{self, Kind, Mention, Period};
use crate::record::{Metric, Precision, Record, Status};

/// The rule of a figure of the whole year (`RecordRules::whole_year`).
const WHOLE_YEAR: &str = "period:<за весь год>";
/// The rule of a figure of the period said before
/// (`RecordRules::anaphoric_period`).
const ANAPHORIC: &str = "period:<за этот период>";

/// A headline's flow with no period of its own (`… за год закупил в
/// России 400 тысяч тонн сахара`) takes the period of the same metric
/// stated in the next few sentences (decision 15: the lead ties it).
pub(super) fn headline_periods(readings: &mut [Reading]) {
    let Some(head) = readings.first() else { return };
    if head.sentence.paragraph != 0 || readings.len() < 2 {
        return;
    }
    let lead: Vec<(Metric, Option<NaiveDate>, Option<NaiveDate>)> = readings
        [1..readings.len().min(5)]
        .iter()
        .flat_map(|r| r.records.iter())
        .filter(|x| x.period_end.is_some())
        .map(|x| (x.metric, x.period_start, x.period_end))
        .collect();
    for rec in &mut readings[0].records {
        if rec.period_end.is_some() || !is_flow(rec.metric) || rec.status != Status::Actual {
            continue;
        }
        // Exports and imports are one flow seen from two sides.
        let trade = |m: Metric| matches!(m, Metric::Exports | Metric::Imports);
        let same = |m: Metric| m == rec.metric || (trade(m) && trade(rec.metric));
        if let Some((_, s, e)) = lead.iter().find(|(m, _, _)| same(*m)) {
            rec.period_start = *s;
            rec.period_end = *e;
            rec.rules.push("period:<from the lead>".into());
        }
    }
}

/// `— Каковы итоги 2022 года? — Товарооборот составил …`: a past period
/// said just before in a sentence without figures.
pub(super) fn asked_period(before: &[Reading]) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    before
        .iter()
        .rev()
        .filter(|r| !r.mentions.iter().any(Mention::is_figure))
        .flat_map(|r| r.mentions.iter().rev())
        .filter_map(|m| m.period)
        // A day is an event's date (an opening), not a period of figures.
        .find(|p| {
            p.start.is_some() && p.end.is_some() && !p.relative && p.grain != dims::Grain::Day
        })
        .map(|p| (p.start, p.end))
}

/// The period of a figure record: its own date (a flow's goal with a
/// deadline takes the whole deadline year); else the period of `за этот
/// период`; else, for an actual flow, the period said just before.
/// `rate`: the figure is a yearly rate (`… долларов в год`), which a
/// period said before does not bound.
pub(super) fn set_period(
    rec: &mut Record,
    r: &Reading,
    ctx: &Context,
    period: Option<Period>,
    rate: bool,
) {
    // `С начала года экспорт вырос …` right after `По итогам
    // января–октября …`: the months said before (decision 61).
    let period = period.map(|p| match ctx.any_period {
        Some((s, e))
            if p.relative && p.start == s && p.end == rec.published && p.end > e && s.is_some() =>
        {
            Period { end: e, ..p }
        }
        _ => p,
    });
    let period = period.map(|p| not_over(rec, p)).map(|p| so_far(rec, r, p));
    if let Some(p) = period {
        let flow_goal = p.deadline && is_flow(rec.metric) && rec.status != Status::Actual;
        rec.period_start = if flow_goal {
            p.end.and_then(year_start)
        } else {
            p.start
        };
        rec.period_end = p.end;
        return;
    }
    // `за этот период`, `за тот же период`, and a bare `за год`: the
    // period said before (decision 15 of the annotation guidelines).
    let anaphor = r.grammar.records.anaphoric_period(&r.toks);
    // `за весь год`: the whole year of the period said before, or of the
    // publication.
    let whole_year = r.grammar.records.whole_year(&r.toks);
    let year_of = |d: Option<NaiveDate>| {
        let s = d.and_then(year_start)?;
        let e = NaiveDate::from_ymd_opt(chrono::Datelike::year(&s), 12, 31)?;
        Some((Some(s), Some(e)))
    };
    let (from, rule) = if whole_year {
        let anchor = ctx.any_period.and_then(|p| p.1).or(rec.published);
        (year_of(anchor), WHOLE_YEAR)
    } else if anaphor {
        (ctx.any_period, ANAPHORIC)
    } else if rec.status == Status::Actual && r.grammar.records.parts_of_before(&r.toks) {
        (ctx.any_period, "period:<of the whole said before>")
    } else if is_flow(rec.metric) && rec.status == Status::Actual && !rate {
        (ctx.period, "period:<from the sentence before>")
    } else if let Some(w) = projects_window(rec, ctx) {
        (
            Some(w),
            "period:<the launch window of the projects said before>",
        )
    } else {
        (None, "")
    };
    if let Some((a, b)) = from {
        rec.period_start = a;
        rec.period_end = b;
        rec.rules.push(rule.into());
    }
}

/// `Новые заводы будут запущены в 2016–2017 годах. На реализацию проектов
/// будет потрачено 1,5 млрд`: projects still to come, with no period of
/// their own, are those of the launch window of a set said just before.
fn projects_window(rec: &Record, ctx: &Context) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let projects = matches!(rec.metric, Metric::ProjectsCount | Metric::ProjectsValue);
    ctx.set_window
        .filter(|_| projects && rec.status != Status::Actual)
}

/// `За 11 месяцев экспорт составил …` in a March article, `was made in
/// November` in a July one: a part of a year said without its year that
/// is not over (a month not begun) when a result is stated is the year
/// before's.
fn not_over(rec: &mut Record, p: Period) -> Period {
    let (Some(s), Some(e), Some(d)) = (p.start, p.end, rec.published) else {
        return p;
    };
    let ahead = match p.grain {
        dims::Grain::Year => false,
        dims::Grain::Month | dims::Grain::Day => s > d,
        _ => e > d,
    };
    let day = rec.published_precision == Some(Precision::Day);
    if rec.status == Status::Actual && p.relative && ahead && day {
        rec.rules
            .push("period:<a part of the year not over: the year before>".into());
        return last_year(p);
    }
    p
}

/// `by the end of the first quarter` in a December article, `Выпуск
/// первой продукции запланирован на март` in an October one: a window
/// or deadline said without its year that had passed when a plan or goal
/// was stated is the next year's.
pub(super) fn passed_window(rec: &mut Record, r: &Reading) {
    let (Some(e), Some(d)) = (rec.period_end, rec.published) else {
        return;
    };
    let bare = r.mentions.iter().any(|m| {
        m.kind == Kind::Date
            && m.period
                .is_some_and(|x| x.relative && x.grain != dims::Grain::Year && x.end == Some(e))
    });
    if rec.status != Status::Actual && bare && e < d {
        rec.period_start = years_on(rec.period_start, 1);
        rec.period_end = years_on(Some(e), 1);
        rec.rules
            .push("period:<a passed window of the year after>".into());
    }
}

/// `В 2025 году … из которых на данный момент введены 76`: a result so
/// far, in a period not over when said, ends on the day of publication.
fn so_far(rec: &mut Record, r: &Reading, p: Period) -> Period {
    let within =
        matches!((p.start, p.end, rec.published), (Some(s), Some(e), Some(d)) if s <= d && d < e);
    if rec.status == Status::Actual && within && r.grammar.records.so_far(&r.toks) {
        rec.rules.push("period:<so far: up to the day said>".into());
        return Period {
            end: rec.published,
            ..p
        };
    }
    p
}

/// The same period a year earlier.
fn last_year(p: Period) -> Period {
    Period {
        start: years_on(p.start, -1),
        end: years_on(p.end, -1),
        ..p
    }
}

/// A date `n` years later (earlier when negative).
fn years_on(d: Option<NaiveDate>, n: i32) -> Option<NaiveDate> {
    let months = chrono::Months::new(12 * n.unsigned_abs());
    d.and_then(|d| {
        if n < 0 {
            d.checked_sub_months(months)
        } else {
            d.checked_add_months(months)
        }
    })
}

fn year_start(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    NaiveDate::from_ymd_opt(d.year(), 1, 1)
}

/// The period of a figure: for flows the nearest date that is not a
/// launch window; for stocks only a deadline or `за`/`по итогам` span;
/// capacity has none.
pub(super) fn figure_period(
    r: &Reading,
    m: &Mention,
    metric: Metric,
    launches: &[(&Mention, String)],
    published: Option<NaiveDate>,
) -> Option<Period> {
    if metric == Metric::Capacity {
        return None;
    }
    let projects = matches!(metric, Metric::ProjectsCount | Metric::ProjectsValue);
    let dates: Vec<&Mention> = r
        .mentions
        .iter()
        .filter(|d| d.kind == Kind::Date && !r.grammar.records.today(&r.toks[d.tok_start]))
        .filter(|d| !r.grammar.records.not_a_period(&r.toks, d))
        .filter(|d| projects || !launches.iter().any(|(l, _)| l.tok_start == d.tok_start))
        .collect();
    let near = dates
        .iter()
        .map(|d| {
            (
                cost(
                    &r.toks,
                    &r.mentions,
                    (d.tok_start, d.tok_end),
                    (m.tok_start, m.tok_end),
                ),
                d,
            )
        })
        .filter(|(k, _)| *k <= 25)
        .filter(|(_, d)| !other_clause(r, d, m) && !starting_levels(r, d, m))
        .min_by_key(|(k, _)| *k)
        .and_then(|(_, d)| Some((*d, stock_date(r, d, metric, published).or(d.period)?)));
    // `Показатели торговли за 2022 год: товарооборот – …; экспорт – …`:
    // a flow far from the one date of its sentence still takes it.
    let listed = |d: &Mention| r.toks[d.tok_end..m.tok_start].iter().any(|t| t.is(":"));
    // `За десять месяцев Казахстан отправил 2,3 млн тонн пшеницы, …, 3,5
    // тыс. тонн муки`: so does a long list after its one date.
    let long_list = r.mentions.iter().filter(|x| x.is_figure()).count() > 2;
    let only = (dates.len() == 1
        && is_flow(metric)
        && dates[0].tok_start < m.tok_start
        && (listed(dates[0]) || long_list || r.grammar.records.loose()))
    .then(|| Some((dates[0], dates[0].period?)))
    .flatten();
    // The year of a period with none of its own (`за 11 месяцев`) is
    // the publication's: relative to it.
    let (d, p) = near.or(only)?;
    let yearless = !r.toks[d.tok_start..d.tok_end]
        .iter()
        .any(|t| t.year().is_some());
    Some(Period {
        relative: p.relative || yearless,
        ..p
    })
}

/// `увеличить до 30 млрд, но цель на этот год – более 5 млрд`, `11 сданы
/// в нынешнем году, ещё 15 реализуются`: a date past a comma from the
/// figure, in the clause of another figure on its other side, is that
/// one's.
fn other_clause(r: &Reading, d: &Mention, m: &Mention) -> bool {
    let apart = |a: &Mention, b: &Mention| {
        let (lo, hi) = (a.tok_end.min(b.tok_end), a.tok_start.max(b.tok_start));
        r.toks[lo.min(hi)..hi]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "," | ";" | ":"))
    };
    // The date stands between the two figures: one that opens the
    // sentence (`В 2025 году … 134, из которых 76`) frames them all.
    let between = |f: &Mention| {
        (m.tok_end <= d.tok_start && d.tok_end <= f.tok_start)
            || (f.tok_end <= d.tok_start && d.tok_end <= m.tok_start)
    };
    apart(d, m)
        && r.mentions
            .iter()
            .any(|f| f.is_figure() && between(f) && !apart(d, f))
}

/// `со 100 млрд в 2018 году до 200 млрд к 2024 году`: a date between the
/// level a change starts from and this figure is the starting level's.
fn starting_levels(r: &Reading, d: &Mention, m: &Mention) -> bool {
    use crate::classify::status::StatusBy;
    r.mentions.iter().any(|f| {
        f.is_figure()
            && f.tok_end <= d.tok_start
            && d.tok_end <= m.tok_start
            && r.grammar
                .records
                .governed(&r.toks, f, &r.mentions)
                .is_some_and(|g| g.2.by == StatusBy::StartingLevel)
    })
}

/// Accumulated investment is a stock at a date (decision 65): `на начало
/// 2018 года` → up to 1 January 2018; a forecast `по итогам 2018 года`
/// (a year not over at publication) → up to its end.
fn stock_date(
    r: &Reading,
    d: &Mention,
    metric: Metric,
    published: Option<NaiveDate>,
) -> Option<Period> {
    let p = d.period?;
    if metric != Metric::Investment {
        return None;
    }
    let words: Vec<&str> = r.toks[d.tok_start.saturating_sub(3)..d.tok_end]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    let has = |f: &dyn Fn(&str, &str) -> bool| words.windows(2).any(|w| f(w[0], w[1]));
    let at = |end| {
        Some(Period {
            start: None,
            end,
            deadline: true,
            ..p
        })
    };
    let g = r.grammar.records;
    if has(&|a, b| g.level_at_start(a, b)) {
        return at(p.start);
    }
    if p.grain == dims::Grain::Day && words.iter().any(|w| g.level_on_day(w)) {
        return at(p.end);
    }
    let ahead = matches!((p.end, published), (Some(e), Some(d)) if e >= d);
    if has(&|a, b| g.results_of(a, b)) && ahead {
        return at(p.end);
    }
    None
}
