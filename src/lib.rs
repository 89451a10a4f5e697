//! factline: finds the statements in news articles that carry economic
//! figures (trade turnover, joint projects, investment, jobs, capacity,
//! output, launch dates) and turns each into a dated record.
//!
//! The pipeline, one module per stage:
//!
//! `text` (documents, metadata, sentences) → `dims` (numbers, money,
//! quantities, dates: the mentions) → `classify` (metric, status,
//! qualifier, subject) → `record` → `store` (Parquet, through polars) →
//! `compare` (polars, no I/O) → `chart` (plotters) and `report`.
//!
//! ```
//! use factline::{extract, text::Document};
//! let doc = Document::new("x", "Товарооборот за 2021 год составил 4,2 млрд долларов.");
//! let records = extract::extract(&doc);
//! assert_eq!(records[0].value, Some(4_200_000_000.0));
//! ```
#![deny(missing_docs)]

pub mod atomic;
pub mod chart;
pub mod classify;
pub mod cmd;
pub mod compare;
pub mod dims;
pub mod extract;
pub mod grammar;
pub mod lang;
pub mod lexicon;
pub mod output;
pub mod record;
pub mod report;
pub mod store;
pub mod table;
pub mod text;
pub mod ui;
