//! `factline documents`: what is known of each document — its id, date
//! (with precision and basis), title, address, record count and warnings
//! about its date — from the store, or from files read now.
//!
//! Examples:
//!
//! ```text
//! factline documents                           # the store's documents
//! factline documents articles/ --format csv    # read now, nothing stored
//! factline documents --since 2024-01-01 --metric launch_date
//! ```
//!
//! Tested in `tests/it/documents.rs`.

use polars::prelude::*;
use rayon::prelude::*;

use super::common::{FilterArgs, Format, InputArgs, StoreArgs, said};
use crate::store::RecordFilter;
use crate::table;
use crate::text::{Document, dateline};
use crate::ui::Ctx;

/// Arguments of `factline documents`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Documents to read now (files, folders, - for stdin); without them
    /// the store's documents are listed.
    #[command(flatten)]
    pub input: InputArgs,
    /// Which documents: those published in the dates given, with records
    /// of the metric, subject and status given.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format (default: table on a terminal, JSONL otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Where the store is.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// The columns, in order.
const COLUMNS: [&str; 9] = [
    "doc_id",
    "published",
    "published_precision",
    "date_basis",
    "title",
    "url",
    "source",
    "records",
    "warnings",
];

/// Runs `factline documents`.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    let (docs, records) = if args.input.paths.is_empty() {
        stored(&args, ctx)?
    } else {
        read_now(&args)?
    };
    let all = args.filter.filter();
    let keep = RecordFilter {
        metric: all.metric.clone(),
        subject: all.subject.clone(),
        status: all.status.clone(),
        ..RecordFilter::default()
    };
    let dates = RecordFilter {
        since: all.since,
        until: all.until,
        doc: all.doc,
        ..RecordFilter::default()
    };
    let mut lf = dates.apply(docs);
    if keep_any(&args.filter) {
        let ids = keep
            .apply(records)
            .select([col("doc_id")])
            .unique(None, UniqueKeepStrategy::Any);
        lf = lf.join(
            ids,
            [col("doc_id")],
            [col("doc_id")],
            JoinArgs::new(JoinType::Semi),
        );
    }
    let mut df = lf.sort(["doc_id"], Default::default()).collect()?;
    table::print(&mut df, Format::or_default(args.format))
}

/// The store's documents (warnings need the text, which the store does
/// not keep) and records.
fn stored(args: &Args, ctx: &Ctx) -> anyhow::Result<(LazyFrame, LazyFrame)> {
    let store = args.store.open(ctx)?;
    let docs = store
        .documents()?
        .with_column(lit(NULL).cast(DataType::String).alias("warnings"))
        .select(COLUMNS.map(col));
    Ok((docs, store.records()?))
}

/// Documents read and extracted now (nothing is stored).
fn read_now(args: &Args) -> anyhow::Result<(LazyFrame, LazyFrame)> {
    let mut failed = 0;
    let docs: Vec<Document> = args
        .input
        .stream()
        .filter_map(|i| said(i, &mut failed))
        .collect();
    // Each document read once, by the rules of the language it is read
    // in (`--lang`, else told from its text); none for a language with no
    // rules.
    let read: Vec<(Vec<crate::record::Record>, Option<String>)> = docs
        .par_iter()
        .map(|d| {
            let records = args
                .input
                .rules_lang(d)
                .map(|lang| crate::extract::extract_in(d, lang))
                .unwrap_or_default();
            (records, warnings(d))
        })
        .collect();
    let keep = keep_any(&args.filter);
    let mut rows: Vec<(usize, Option<String>)> = Vec::with_capacity(read.len());
    let mut records: Vec<crate::record::Record> = Vec::new();
    for (recs, warning) in read {
        rows.push((recs.len(), warning));
        if keep {
            records.extend(recs);
        }
    }
    let numbered = crate::store::number_records(records);
    let text = |f: fn(&Document) -> Option<String>| -> Vec<Option<String>> {
        docs.iter().map(f).collect()
    };
    let df = DataFrame::new(
        docs.len(),
        vec![
            Column::new("doc_id".into(), text(|d| Some(d.id.clone()))),
            Column::new(
                "published".into(),
                docs.iter().map(|d| d.published).collect::<Vec<_>>(),
            ),
            Column::new(
                "published_precision".into(),
                text(|d| d.precision.map(|p| p.as_str().into())),
            ),
            Column::new(
                "date_basis".into(),
                text(|d| Some(d.date_basis.as_str().into())),
            ),
            Column::new("title".into(), text(|d| d.title.clone())),
            Column::new("url".into(), text(|d| d.url.clone())),
            Column::new("source".into(), text(|d| Some(d.source.clone()))),
            Column::new(
                "records".into(),
                rows.iter().map(|r| r.0 as i64).collect::<Vec<_>>(),
            ),
            Column::new(
                "warnings".into(),
                rows.into_iter().map(|r| r.1).collect::<Vec<_>>(),
            ),
        ],
    )?;
    let records = crate::store::records_frame(&numbered)?.lazy();
    Ok((df.lazy(), records))
}

/// Whether a filter asks for documents with some records.
fn keep_any(f: &FilterArgs) -> bool {
    f.metric.is_some() || f.subject.is_some() || f.status.is_some()
}

/// What looks wrong with a document's date: stamps that disagree, a
/// date before the end of a period the text reports as past.
pub fn warnings(doc: &Document) -> Option<String> {
    let mut out = Vec::new();
    if let Some(f) = dateline::find(&doc.text) {
        for other in f.conflicts {
            out.push(format!("the text also states {other}"));
        }
    }
    if let (Some(p), Some(end)) = (doc.published, dateline::past_period_end(&doc.text))
        && p <= end
    {
        out.push(format!(
            "published {p} but reports the period to {end} as past"
        ));
    }
    (!out.is_empty()).then(|| out.join("; "))
}
