#!/usr/bin/env bash
# Opens the report in headless Chromium, takes a screenshot of it and fails
# when the page logs a console error, refers to an image that is missing,
# or does not hold its charts as inline SVG.
#
# Usage: scripts/screenshot.sh [REPORT_DIR] [SCREENSHOT.png]
#   REPORT_DIR defaults to output (as written by `factline report ... --out output`);
#   the screenshot defaults to REPORT_DIR/report.png.
# Needs Debian's chromium (apt-get install -y chromium).
set -euo pipefail

dir="${1:-output}"
shot="${2:-$dir/report.png}"
page="$dir/report.html"
[ -f "$page" ] || { echo "screenshot: $page not found; run factline report first" >&2; exit 1; }

browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "screenshot: chromium not found (apt-get install -y chromium)" >&2; exit 1; }

profile="$(mktemp -d)"
logs="$(mktemp -d)"
trap 'rm -rf "$profile" "$logs"' EXIT
url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --hide-scrollbars --user-data-dir="$profile" --enable-logging=stderr --v=0)

# 1. The screenshot (a tall window: the report is long).
"$browser" "${flags[@]}" --window-size=1200,4000 --screenshot="$shot" "$url" \
  >"$logs/shot.out" 2>"$logs/shot.err" || { cat "$logs/shot.err" >&2; exit 1; }
[ -s "$shot" ] || { echo "screenshot: no image written" >&2; exit 1; }

# 2. The page as the browser built it, with the console log.
"$browser" "${flags[@]}" --dump-dom "$url" >"$logs/dom.html" 2>"$logs/dom.err" \
  || { cat "$logs/dom.err" >&2; exit 1; }

status=0
# Console messages come as "CONSOLE(line)] message" or ":CONSOLE:" lines.
if grep -E "CONSOLE|Uncaught|Failed to load resource|net::ERR_" "$logs/shot.err" "$logs/dom.err" >"$logs/console"; then
  echo "screenshot: console errors:" >&2
  cat "$logs/console" >&2
  status=1
fi

# Every <img src> and local href to a chart file must exist.
while IFS= read -r ref; do
  case "$ref" in http*|\#*|"") continue ;; esac
  [ -e "$dir/$ref" ] || { echo "screenshot: missing file $ref" >&2; status=1; }
done < <(grep -oE '(src|href)="[^"]+"' "$page" | sed -E 's/^(src|href)="([^"]*)"$/\2/')

if grep -q "<img" "$logs/dom.html"; then
  echo "screenshot: the page has <img> elements; charts are meant to be inline SVG" >&2
  status=1
fi
svgs="$(grep -o "<svg" "$logs/dom.html" | wc -l)"
[ "$svgs" -gt 0 ] || { echo "screenshot: no inline SVG chart in the page" >&2; status=1; }

[ "$status" -eq 0 ] && echo "screenshot: $shot ($svgs charts inline, no console errors, no missing files)"
exit "$status"
