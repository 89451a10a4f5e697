//! The EXAMPLES section of each subcommand's `--help`.

/// `factline extract`.
pub const EXTRACT: &str = "\
Examples:
  factline extract seeds                          # a table on a terminal
  factline extract seeds --format jsonl           # one record per line
  factline extract article.txt --published 2024-03-04
  cat docs.jsonl | factline extract - --format csv
  factline extract news/ --follow --manifest news/manifest.csv";

/// `factline explain`.
pub const EXPLAIN: &str = "\
Examples:
  factline explain \"Товарооборот за 11 месяцев 2021 года составил 423,3 миллиона долларов.\" --published 2022-01-24
  factline explain \"Экспорт в 2023 году вырос до 5 млрд долларов.\"";

/// `factline mentions`.
pub const MENTIONS: &str = "\
Examples:
  factline mentions seeds
  factline mentions article.txt --format jsonl --kind money,date
  echo \"Объём инвестиций превысил 1,5 трлн тенге к концу III квартала 2024 г.\" | factline mentions -";

/// `factline ingest`.
pub const INGEST: &str = "\
Examples:
  factline ingest seeds                           # a folder with manifest.csv
  factline ingest more_articles/ --store /data/factline
  factline ingest feed.jsonl --partitioned        # also metric=…/year=… Parquet
  factline ingest seeds --keep-stale              # name documents of older rules";

/// `factline records`.
pub const RECORDS: &str = "\
Examples:
  factline records --metric projects_count --subject KZ+RU
  factline records --since 2022-01-01 --format csv > records.csv
  factline records --doc 002 --format jsonl";

/// `factline documents`.
pub const DOCUMENTS: &str = "\
Examples:
  factline documents                              # what the store holds
  factline documents articles/ --format csv       # dates the texts state, nothing stored
  factline documents --metric launch_date --since 2024-01-01";

/// `factline compare`.
pub const COMPARE: &str = "\
Examples:
  factline compare                                # every kind
  factline compare --kind stock --subject KZ+RU
  factline compare --kind launches --format csv
  factline compare --kind targets --currency USD";

/// `factline chart`.
pub const CHART: &str = "\
Examples:
  factline chart --metric trade_turnover --subject KZ+RU --out output/turnover.svg
  factline chart --kind timeline --metric launch_date --out output/launches.png
  factline chart --kind stock --metric projects_count --labels en --out projects.png";

/// `factline report`.
pub const REPORT: &str = "\
Examples:
  factline report seeds --out output              # ingest the seeds, then report
  factline report --out output --labels en        # English words, the store as it is
  factline report news/ --as-of 2025-01-01 --out out";

/// `factline completions`.
pub const COMPLETIONS: &str = "\
Examples:
  factline completions bash > ~/.local/share/bash-completion/completions/factline
  factline completions zsh > ~/.zfunc/_factline
  factline completions fish > ~/.config/fish/completions/factline.fish";

/// `factline man`.
pub const MAN: &str = "\
Examples:
  factline man > factline.1 && man ./factline.1
  factline man --out man/                         # factline.1, factline-extract.1, …";

/// `factline metrics`.
pub const METRICS: &str = "\
Examples:
  factline metrics                                # every metric, with counts
  factline metrics --format csv";

/// `factline subjects`.
pub const SUBJECTS: &str = "\
Examples:
  factline subjects                               # most records first
  factline subjects --metric launch_date          # the plants with launch windows
  factline records --subject Kazakhstan+Russia    # names and any order work in filters";
