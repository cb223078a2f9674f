#!/usr/bin/env bash
# Screenshots of the web interface for docs/ (issue 18: a newcomer sees the product before installing it).
# Ingests the digital corpus samples (PDF and DOCX) and one scan (its doubtful cells fill the review pages; every scan
# would add minutes of OCR and nothing more to the pictures) into a temporary data folder, serves it on a free port, and has Debian's headless chromium photograph the search,
# document, checks (with the review queue), review and charts pages. Run again after a change to the pages:
#   bash scripts/screenshots.sh [OUT_DIR]      (default docs/screenshots)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$here/docs/screenshots}")"
chromium="${BAOCAO_CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"
[ -x "$chromium" ] || { echo "error: chromium not found (bash scripts/install-deps.sh installs Debian's chromium)" >&2; exit 1; }
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/in" "$out"
cp "$here"/corpus-samples/[0-9]*-*.pdf "$here"/corpus-samples/[0-9]*-*.docx "$here"/corpus-samples/scanned/01-stttt-travinh-q2-2021.scan200.pdf "$work/in/"
export BAOCAO_DATA="$work/data"
"$here/baocao" ingest "$work/in" >/dev/null
port=$(( 20000 + RANDOM % 20000 ))
"$here/baocao" serve --port "$port" --read-only >"$work/serve.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 60); do curl -fs "$base/" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/" >/dev/null || { echo "error: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
# The document of sample 14 (it misprints its totals row: the page shows a finding on its cell), outlined by its link.
id="$(curl -fs "$base/api/search?q=ke+hoach+dau+tu&period=2022-Q1&limit=1" | grep -o '"id": *[0-9]*' | head -1 | grep -o '[0-9]*$')"

shot() { # name url [height]
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="1400,${3:-1000}" \
    --screenshot="$out/$1.png" "$2" >/dev/null 2>&1
  echo "$out/$1.png"
}
shot search "$base/?q=ho+tich&facets=1"
shot document "$base/documents/$id" 1200
shot checks "$base/checks" 1200
shot review-queue "$base/review"
# The first report of the queue: its doubtful cells cropped from the page beside the values read.
item="$(curl -fs "$base/review" | grep -o 'href="/review/[0-9]*"' | head -1 | grep -o '[0-9]*')"
[ -n "$item" ] && shot review "$base/review/$item" 1200 || echo "(the review queue is empty: no review item to show)"
shot charts "$base/charts?agency=ke+hoach+va+dau+tu" 1100
