#!/usr/bin/env python3
"""Run `factline extract -` as a Spark RDD.pipe filter and check its records.

Spark splits the JSONL corpus (one document per line) into partitions and
streams each partition through one `factline extract - --format jsonl
--quiet` process: documents in on stdin, records out on stdout, nothing
else read or written. The records collected from all partitions must equal,
as a multiset of JSON lines, those of one single-machine run
`factline extract CORPUS --format jsonl`. Exit status: 0 when they are
equal, 1 when they differ (the differences are printed), 2 on a usage or
run error.

    python3 scale/spark_pipe.py --input /tmp/factline-bench/corpus-10mb-seed6.jsonl \\
        --bin /tmp/factline-bench/factline

On a cluster (see scale/README.md) ship the binary with spark-submit
--files, pass --bin ./factline, and use --output to keep the records and
--no-check to skip the single-machine comparison.
"""

from __future__ import annotations

import argparse
import collections
import os
import shlex
import subprocess
import sys
import time


def log(msg: str) -> None:
    print(f"spark_pipe: {msg}", file=sys.stderr, flush=True)


def reference_records(bin_path: str, corpus: str) -> list[str]:
    """Records of one single-machine run over the whole corpus."""
    cmd = [bin_path, "extract", corpus, "--format", "jsonl", "--quiet"]
    log("single-machine run: " + shlex.join(cmd))
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if res.returncode != 0:
        log(res.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"spark_pipe: single-machine run failed with exit {res.returncode}")
    return [l for l in res.stdout.decode("utf-8").split("\n") if l]


def describe_difference(spark: collections.Counter, ref: collections.Counter, show: int) -> None:
    missing = ref - spark
    extra = spark - ref
    log(f"records only in the single-machine run: {sum(missing.values())}")
    for line, n in list(missing.items())[:show]:
        log(f"  -{n}x {line[:300]}")
    log(f"records only in the Spark run: {sum(extra.values())}")
    for line, n in list(extra.items())[:show]:
        log(f"  +{n}x {line[:300]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True, help="JSONL corpus, one document per line (a path or URI Spark reads)")
    ap.add_argument("--bin", required=True, help="factline binary, as the executors see it")
    ap.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    ap.add_argument("--partitions", type=int, default=4, help="minimum number of input partitions (default 4)")
    ap.add_argument("--args", default="", help="extra arguments for extract, e.g. '--threads 1'")
    ap.add_argument("--output", help="also save the records as text files under this directory (Spark URI)")
    ap.add_argument("--no-check", action="store_true", help="skip the single-machine comparison (cluster-sized input)")
    ap.add_argument("--show", type=int, default=5, help="differences to print (default 5)")
    args = ap.parse_args()

    local_input = "://" not in args.input
    if local_input and not os.path.isfile(args.input):
        ap.error(f"no such input file: {args.input}")
    if not args.no_check and not local_input:
        ap.error("the check needs a local --input; use --no-check for remote input")
    if args.master.startswith("local") and not (os.path.isfile(args.bin) and os.access(args.bin, os.X_OK)):
        ap.error(f"not an executable: {args.bin}")

    try:
        from pyspark.sql import SparkSession
    except ImportError:
        log("pyspark is not installed (pip install pyspark)")
        return 2

    command = f"{shlex.quote(args.bin)} extract - --format jsonl --quiet"
    if args.args:
        command += " " + args.args
    uri = "file://" + os.path.abspath(args.input) if local_input else args.input

    log(f"starting Spark, master {args.master}")
    spark = (
        SparkSession.builder.master(args.master)
        .appName("factline-spark-pipe")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    try:
        docs = sc.textFile(uri, minPartitions=args.partitions)
        log(f"input {uri}: {docs.getNumPartitions()} partitions; each piped through: {command}")
        t0 = time.monotonic()
        # checkCode: a partition whose process exits non-zero fails the job.
        records = docs.pipe(command, checkCode=True)
        if args.output:
            records.cache()
            records.saveAsTextFile(args.output)
            log(f"records saved under {args.output}")
        got = records.collect() if not args.no_check else None
        n = len(got) if got is not None else records.count()
        spark_s = time.monotonic() - t0
        n_docs = docs.count()
        if got is None:
            log(f"Spark run: {n_docs} documents, {n} records, {spark_s:.1f} s (no check)")
            print(f"spark_pipe: documents={n_docs} records={n} spark_seconds={spark_s:.1f} check=skipped")
            return 0
        log(f"Spark run: {n_docs} documents, {n} records, {spark_s:.1f} s (pipe and collect)")
    except Exception as e:  # a failed task: the piped process exited non-zero or could not start
        lines = [l.strip() for l in str(e).splitlines() if l.strip()]
        why = next((l for l in lines if "exited with" in l), lines[0] if lines else type(e).__name__)
        log(f"the Spark job failed: {why}")
        return 2
    finally:
        spark.stop()

    t0 = time.monotonic()
    ref = reference_records(args.bin, args.input)
    ref_s = time.monotonic() - t0
    log(f"single-machine run: {len(ref)} records, {ref_s:.1f} s")
    if not ref:
        log("the single-machine run found no records: nothing to compare, failing")
        return 1
    spark_set = collections.Counter(l for l in got if l)
    ref_set = collections.Counter(ref)
    same = spark_set == ref_set
    print(
        f"spark_pipe: documents={n_docs} partitions={args.partitions} spark_records={sum(spark_set.values())} "
        f"single_records={len(ref)} spark_seconds={spark_s:.1f} single_seconds={ref_s:.1f} "
        f"{'EQUAL' if same else 'DIFFERENT'}"
    )
    if not same:
        describe_difference(spark_set, ref_set, args.show)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
