//! Computes the version of the extraction rules: a hash of every source
//! file and lexicon that decides what a record is. The store keeps it per
//! document, so records made by older rules are known and re-extracted.

use std::fs;
use std::path::{Path, PathBuf};

/// What decides a record: the stages up to `record`, and the embedded
/// data (not the test corpora, not the fonts).
const RULE_SOURCES: [&str; 9] = [
    "src/text",
    "src/dims",
    "src/classify",
    "src/extract",
    "src/grammar",
    "src/lang.rs",
    "src/record.rs",
    "src/lexicon",
    "data",
];
const NOT_RULES: [&str; 2] = ["data/corpus", "data/fonts"];

fn main() {
    let mut files = Vec::new();
    for root in RULE_SOURCES {
        println!("cargo:rerun-if-changed={root}");
        collect(Path::new(root), &mut files);
    }
    files.sort();
    // FNV-1a, 64 bits: stable across toolchains and builds.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        let name = f.to_string_lossy().replace('\\', "/");
        for b in name
            .bytes()
            .chain([0])
            .chain(fs::read(f).unwrap_or_default())
        {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=FACTLINE_RULES_VERSION={hash:016x}");
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if NOT_RULES.iter().any(|n| path == Path::new(n)) {
        return;
    }
    if path.is_file() {
        out.push(path.to_path_buf());
    } else if let Ok(entries) = fs::read_dir(path) {
        for e in entries.flatten() {
            collect(&e.path(), out);
        }
    }
}
