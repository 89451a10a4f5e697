#!/usr/bin/env bash
# One document of growing size: is extraction linear in a document's size?
#
# Makes single plain-text documents of 1, 4, 16 and 64 MB (generated
# articles from bench/gen.py joined by blank lines, so one document with
# many paragraphs) and times `factline extract FILE --format jsonl` on each:
# CPU seconds (user + sys) and peak RSS (GNU time -v). A 4x larger document
# should cost about 4x the CPU, with memory a small multiple of its text.
#
#   bench/single.sh --bin target/release/factline --sizes "1 4 16 64"
#
# The table goes to stdout.
set -Eeuo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$here/../target/release/factline
sizes="1 4 16 64"
dir=/tmp/factline-single
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    *) echo "single.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "single.sh: no binary at $bin (cargo build --release)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "single.sh: GNU time is needed (apt-get install time)" >&2; exit 2; }
mkdir -p "$dir"
echo "| document | MB | records | CPU s | CPU s per MB | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"
for mb in $sizes; do
  doc=$dir/single-$mb.txt
  if [ ! -s "$doc" ]; then
    python3 "$here/gen.py" --mb "$mb" --out - --seeds "$here/../seeds" 2>/dev/null \
      | python3 -c 'import sys,json; sys.stdout.write("\n\n".join(json.loads(l)["text"] for l in sys.stdin))' > "$doc"
  fi
  bytes=$(stat -c %s "$doc")
  log=$dir/time-$mb.log
  n=$(/usr/bin/time -v -o "$log" "$bin" extract "$doc" --format jsonl --quiet --published 2024-03-04 | wc -l)
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$log")
  awk -v f="single-$mb.txt" -v b="$bytes" -v n="$n" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    mb = b / 1e6; cpu = u + s
    printf "| %s | %.1f | %d | %.2f | %.3f | %.0f |\n", f, mb, n, cpu, cpu / mb, r / 1024 }'
done
