//! A copy of the record table partitioned by metric and publication year
//! (`partitioned/metric=capacity/year=2022/part-0.parquet`), the Hive
//! layout that Spark, DuckDB and polars read as one dataset with two
//! partition columns. It is rebuilt whole after an ingest that asks for
//! it: written beside the old copy, then swapped in.

use std::fs;
use std::path::Path;

use anyhow::Context;
use polars::prelude::*;

use super::file;

/// The partitioned copy's folder name inside the store.
pub const PARTITIONED_DIR: &str = "partitioned";

/// Writes `records` partitioned by metric and year under
/// `store/partitioned`, replacing any earlier copy; returns the number of
/// partitions written.
pub fn write(store: &Path, records: &DataFrame) -> anyhow::Result<usize> {
    let target = store.join(PARTITIONED_DIR);
    let fresh = store.join(format!("{PARTITIONED_DIR}.tmp"));
    let _ = fs::remove_dir_all(&fresh);
    let with_year = records
        .clone()
        .lazy()
        .with_column(col("published").dt().year().alias("year"))
        .collect()?;
    let keys = with_year
        .clone()
        .lazy()
        .select([col("metric"), col("year")])
        .unique(None, UniqueKeepStrategy::First)
        .collect()?;
    let metrics = keys.column("metric")?.str()?.clone();
    let years = keys.column("year")?.i32()?.clone();
    for (metric, year) in metrics.iter().zip(years.iter()) {
        let metric = metric.unwrap_or("unknown");
        let by_year = match year {
            Some(y) => col("year").eq(lit(y)),
            None => col("year").is_null(),
        };
        let mut part = with_year
            .clone()
            .lazy()
            .filter(col("metric").eq(lit(metric)).and(by_year))
            .drop(cols(["metric", "year"]))
            .collect()?;
        let year = year.map_or("unknown".to_string(), |y| y.to_string());
        let dir = fresh
            .join(format!("metric={metric}"))
            .join(format!("year={year}"));
        fs::create_dir_all(&dir).with_context(|| format!("{}: cannot create", dir.display()))?;
        file::write_table(&dir.join("part-0.parquet"), &mut part)?;
    }
    let _ = fs::remove_dir_all(&target);
    fs::rename(&fresh, &target).with_context(|| {
        format!(
            "{}: cannot replace with {}",
            target.display(),
            fresh.display()
        )
    })?;
    Ok(keys.height())
}
