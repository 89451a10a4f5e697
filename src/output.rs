//! Writing records as a table, CSV or JSONL.
