//! The command line as a shell user meets it: help with examples,
//! completions, the manual page, colour control.

use std::process::{Command, Output};

fn factline(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factline"));
    cmd.args(args).env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("factline runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const SUBCOMMANDS: [&str; 11] = [
    "extract",
    "explain",
    "mentions",
    "ingest",
    "records",
    "documents",
    "compare",
    "chart",
    "report",
    "completions",
    "man",
];

#[test]
fn every_subcommand_help_has_examples() {
    for sub in SUBCOMMANDS {
        let out = factline(&[sub, "--help"], &[]);
        assert!(out.status.success(), "{sub}");
        let help = stdout(&out);
        assert!(help.contains("Examples:"), "{sub}: {help}");
        assert!(help.contains(&format!("factline {sub}")), "{sub}: {help}");
    }
}

#[test]
fn completions_generate_for_the_common_shells() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef factline"),
        ("fish", "complete -c factline"),
    ] {
        let out = factline(&["completions", shell], &[]);
        assert!(out.status.success(), "{shell}");
        let script = stdout(&out);
        assert!(
            script.contains(marker),
            "{shell}: {}",
            &script[..script.len().min(200)]
        );
        assert!(
            script.contains("extract") && script.contains("format"),
            "{shell}"
        );
    }
}

#[test]
fn the_manual_page_is_roff_and_one_page_per_subcommand() {
    let out = factline(&["man"], &[]);
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie") || page.contains(".TH factline"),
        "{}",
        &page[..200]
    );
    assert!(page.contains("extract"));
    let dir = tempfile::tempdir().unwrap();
    let out = factline(&["man", "--out", dir.path().to_str().unwrap()], &[]);
    assert!(out.status.success());
    for page in ["factline.1", "factline-extract.1", "factline-report.1"] {
        assert!(dir.path().join(page).is_file(), "{page}");
    }
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let esc = |o: &Output| o.stdout.contains(&0x1b);
    assert!(esc(&factline(&["--color", "always", "--help"], &[])));
    assert!(!esc(&factline(&["--color", "never", "--help"], &[])));
    assert!(!esc(&factline(&["--help"], &[("NO_COLOR", "1")])));
    assert!(esc(&factline(
        &["--color=always", "extract", "--help"],
        &[("NO_COLOR", "1")]
    )));
}

#[test]
fn threads_help_says_what_zero_means() {
    let help = stdout(&factline(&["--help"], &[]));
    assert!(help.contains("0 uses every core"), "{help}");
}
