#!/usr/bin/env bash
# Benchmark of factline extract, ingest and report on generated corpora.
#
# For each corpus size (MB of JSONL, made by bench/gen.py if missing) and
# each thread count it times:
#   cat        cat CORPUS > /dev/null                      (the floor: reading the bytes)
#   rg         rg -j1 -c '[0-9]+[,.]?[0-9]* ?(млрд|млн|тыс)' CORPUS (a regex scan of the
#              same bytes, the reference of the speed goal; Debian's ripgrep is
#              installed when missing and apt-get can)
#   mentions   factline mentions CORPUS --format jsonl --quiet --threads T | wc -l
#   extract    factline extract CORPUS --format jsonl --quiet --threads T | wc -l
#   extract-   factline extract - --format jsonl --quiet --threads T < CORPUS | wc -l
#   ingest     factline ingest CORPUS --store FRESH_DIR --quiet --threads T
#   report     factline report CORPUS --out FRESH_DIR --store FRESH_DIR --quiet --threads T
#   report-stored  factline report --out FRESH_DIR --store STORE --quiet --threads T
#              (the report alone, over a store ingested once before timing)
# and writes a markdown table: documents/s, MB/s (10^6 bytes), records/s,
# CPU seconds and peak RSS (GNU time -v, the factline process alone).
# Wall time is the median of --reps runs; peak RSS the largest. The corpus
# is read once before timing, so every run reads it from the page cache.
#
#   bench/run.sh --bin /tmp/factline-bench/factline --commit 4611430 --sizes "10 100"
#   bench/run.sh --sizes 1000 --commands "extract" --reps 1
#
# Progress goes to stderr, the table to stdout and to --out.
set -Eeuo pipefail

here=$(cd "$(dirname "$0")" && pwd)
bin=/tmp/factline-bench/factline
dir=/tmp/factline-bench
src=$(cd "$here/.." && pwd)
sizes="10 100"
threads="1 $(nproc)"
commands="extract mentions extract- ingest report"
reps=3
seed=6
out=""
commit=""

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) bin=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --src) src=$2; shift 2 ;;
        --commit) commit=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --commands) commands=$2; shift 2 ;;
        --reps) reps=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h|--help) usage ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage ;;
    esac
done
[ -n "$out" ] || out="$dir/results-$(date -u +%Y%m%dT%H%M%SZ).md"

say() { echo "run.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }
trap 'rc=$?; say "failed (exit $rc) at line $LINENO: $BASH_COMMAND"' ERR

[ -x /usr/bin/time ] && /usr/bin/time -v true 2>/dev/null \
    || die "GNU time is needed at /usr/bin/time (Debian: apt-get install time)"
[ -x "$bin" ] || die "no factline binary at $bin (--bin PATH)"
command -v python3 >/dev/null || die "python3 is needed for bench/gen.py"
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || die "--reps must be a positive integer"
mkdir -p "$dir"
work=$(mktemp -d "$dir/run.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

version=$("$bin" --version)
# The commit the binary was built from: --commit, else the HEAD of --src now.
[ -n "$commit" ] || commit=$(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo unknown)
helps=$("$bin" --help)
has_command() { grep -qE "^  $1 " <<<"$helps"; }
takes_store() { "$bin" "$1" --help 2>/dev/null | grep -q -- '--store'; }

# Seconds since the epoch with nanoseconds, for wall times.
now() { date +%s.%N; }

# measure OUT_VAR STDIN STDOUT CMD... : runs CMD under GNU time with STDIN
# (a file or /dev/null); STDOUT "count" pipes the output to wc -l, anything
# else is a file it goes to; sets
#   ${OUT_VAR}_wall ${OUT_VAR}_cpu ${OUT_VAR}_rss_kb ${OUT_VAR}_lines
measure() {
    local var=$1 input=$2 output=$3; shift 3
    local tf="$work/time.txt" t0 t1 lines=-
    t0=$(now)
    if [ "$output" = count ]; then
        lines=$(/usr/bin/time -v -o "$tf" "$@" <"$input" | wc -l)
    else
        /usr/bin/time -v -o "$tf" "$@" <"$input" >"$output"
    fi
    t1=$(now)
    printf -v "${var}_wall" '%s' "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.4f", b-a}')"
    printf -v "${var}_cpu" '%s' "$(awk -F': ' '/User time|System time/{s+=$2} END{printf "%.2f", s}' "$tf")"
    printf -v "${var}_rss_kb" '%s' "$(awk -F': ' '/Maximum resident set size/{print $2}' "$tf")"
    printf -v "${var}_lines" '%s' "$lines"
}

# ripgrep for the reference row: installed from Debian when missing.
ensure_rg() {
    command -v rg >/dev/null && return 0
    say "ripgrep is missing; trying apt-get install ripgrep"
    { apt-get install -y ripgrep >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y ripgrep >/dev/null 2>&1; }; } || true
    command -v rg >/dev/null || { say "no ripgrep: the rg row is left out"; return 1; }
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
maxof() { tr ' ' '\n' | grep . | sort -g | tail -1; }

rows=()
# row COMMAND CORPUS DOCS BYTES THREADS WALL RECORDS CPU RSS_KB
row() {
    local cmd=$1 corpus=$2 docs=$3 bytes=$4 thr=$5 wall=$6 recs=$7 cpu=$8 rss=$9
    rows+=("$(awk -v c="$cmd" -v k="$corpus" -v d="$docs" -v b="$bytes" -v t="$thr" \
        -v w="$wall" -v r="$recs" -v u="$cpu" -v m="$rss" -v n="$reps" 'BEGIN{
        ds = (w > 0) ? sprintf("%.0f", d / w) : "-"
        ms = (w > 0) ? sprintf("%.1f", b / 1e6 / w) : "-"
        rs = (r == "-") ? "-" : ((w > 0) ? sprintf("%.0f", r / w) : "-")
        rss = (m == "-") ? "-" : sprintf("%.1f", m / 1024)
        printf "| %s | %s | %d | %.1f | %s | %.3f | %s | %s | %s | %s | %s | %s |",
            c, k, d, b / 1e6, t, w, ds, ms, r, rs, u, rss }')")
    say "${rows[-1]}"
}

# run_reps NAME CORPUS DOCS BYTES THREADS STDIN STDOUT SETUP CMD... : SETUP
# is a shell snippet run before each repetition (fresh store); records are
# the output lines unless RECORDS_FROM (a shell snippet printing a count)
# is set.
run_reps() {
    local name=$1 corpus=$2 docs=$3 bytes=$4 thr=$5 input=$6 output=$7 setup=$8; shift 8
    local walls="" rsss="" cpus="" lines="" i
    for ((i = 1; i <= reps; i++)); do
        eval "$setup"
        say "$name $corpus threads=$thr rep $i/$reps: $*"
        measure m "$input" "$output" "$@"
        walls+=" $m_wall"; rsss+=" $m_rss_kb"; cpus+=" $m_cpu"; lines=$m_lines
        say "  wall ${m_wall}s cpu ${m_cpu}s rss ${m_rss_kb}KB lines $lines"
    done
    local recs=$lines
    if [ -n "${RECORDS_FROM:-}" ]; then recs=$(eval "$RECORDS_FROM"); fi
    [ -n "$recs" ] || recs=-
    row "$name" "$corpus" "$docs" "$bytes" "$thr" "$(median <<<"$walls")" "$recs" \
        "$(median <<<"$cpus")" "$(maxof <<<"$rsss")"
}

notes=()
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for size in $sizes; do
    corpus="$dir/corpus-${size}mb-seed${seed}.jsonl"
    if [ ! -s "$corpus" ]; then
        say "generating $corpus"
        python3 "$here/gen.py" --mb "$size" --seed "$seed" --out "$corpus.part"
        mv "$corpus.part" "$corpus"
    fi
    bytes=$(stat -c %s "$corpus")
    docs=$(wc -l <"$corpus")
    label="${size} MB"
    say "corpus $corpus: $docs documents, $bytes bytes; warming the page cache"
    cat "$corpus" >/dev/null

    run_reps cat "$label" "$docs" "$bytes" 1 /dev/null /dev/null : cat "$corpus"
    if ensure_rg; then
        run_reps rg "$label" "$docs" "$bytes" 1 /dev/null /dev/null : \
            rg -j1 -c '[0-9]+[,.]?[0-9]* ?(млрд|млн|тыс)' "$corpus"
    fi
    extract_records=""
    for thr in $threads; do
        for cmd in $commands; do
            case "$cmd" in
                extract)
                    run_reps extract "$label" "$docs" "$bytes" "$thr" /dev/null count : \
                        "$bin" extract "$corpus" --format jsonl --quiet --threads "$thr"
                    extract_records=$(awk -F' [|] ' '{print $9}' <<<"${rows[-1]}")
                    ;;
                mentions)
                    has_command mentions || continue
                    run_reps mentions "$label" "$docs" "$bytes" "$thr" /dev/null count : \
                        "$bin" mentions "$corpus" --format jsonl --quiet --threads "$thr"
                    ;;
                extract-)
                    run_reps "extract -" "$label" "$docs" "$bytes" "$thr" "$corpus" count : \
                        "$bin" extract - --format jsonl --quiet --threads "$thr"
                    ;;
                ingest|report)
                    if ! has_command "$cmd" || ! takes_store "$cmd"; then
                        note="$cmd: not measured, \`factline $cmd\` at $commit takes no --store"
                        [[ " ${notes[*]:-} " == *"$note"* ]] || notes+=("$note")
                        say "$note"
                        continue
                    fi
                    store="$work/store"
                    setup="rm -rf '$store' '$work/report'"
                    recs_cmd="echo -"
                    if has_command records && takes_store records; then
                        recs_cmd="'$bin' records --store '$store' --format jsonl --quiet | wc -l"
                    elif [ -n "$extract_records" ]; then
                        recs_cmd="echo $extract_records"
                        note="$cmd: records = the count extract gave on the same corpus (\`records --store\` missing)"
                        [[ " ${notes[*]:-} " == *"$note"* ]] || notes+=("$note")
                    fi
                    if [ "$cmd" = ingest ]; then
                        RECORDS_FROM=$recs_cmd run_reps ingest "$label" "$docs" "$bytes" "$thr" /dev/null /dev/null "$setup" \
                            "$bin" ingest "$corpus" --store "$store" --quiet --threads "$thr"
                    else
                        RECORDS_FROM=$recs_cmd run_reps report "$label" "$docs" "$bytes" "$thr" /dev/null /dev/null "$setup" \
                            "$bin" report "$corpus" --out "$work/report" --store "$store" --quiet --threads "$thr"
                    fi
                    ;;
                report-stored)
                    store="$work/store-kept-$size"
                    if [ ! -s "$store/records.parquet" ]; then
                        say "ingesting $corpus into $store (not timed)"
                        "$bin" ingest "$corpus" --store "$store" --quiet --threads "$thr"
                    fi
                    RECORDS_FROM="'$bin' records --store '$store' --format jsonl --quiet | wc -l" \
                        run_reps "report (stored)" "$label" "$docs" "$bytes" "$thr" /dev/null /dev/null \
                        "rm -rf '$work/report'" \
                        "$bin" report --out "$work/report" --store "$store" --quiet --threads "$thr"
                    say "report.html: $(stat -c %s "$work/report/report.html") bytes"
                    ;;
                *) die "unknown command in --commands: $cmd" ;;
            esac
        done
    done
done

{
    echo "factline benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- binary: \`$bin\`, $version, commit $commit"
    echo "- machine: $(lscpu | awk -F': *' '/^Model name/{print $2; exit}'), $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GB RAM", $2/1048576}' /proc/meminfo), $(uname -sr)"
    echo "- load average (1, 5, 15 min) at start: $load_start, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- corpus: bench/gen.py --seed $seed; MB = 10^6 bytes of JSONL; wall = median of $reps runs, page cache warm"
    echo
    echo "| command | corpus | docs | MB | threads | wall s | docs/s | MB/s | records | records/s | CPU s | peak RSS MB |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    if [ ${#notes[@]} -gt 0 ]; then
        echo
        printf -- '- %s\n' "${notes[@]}"
    fi
} | tee "$out"
say "table written to $out"
