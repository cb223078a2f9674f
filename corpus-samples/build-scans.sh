#!/usr/bin/env bash
# Builds the scanned variants of every digital sample: each page rendered at 200 and at 300 dpi, turned by a small
# angle (up to ±1.5°, fixed per page so rebuilds match), given paper noise and a slight blur, saved as JPEG and
# wrapped one image per page into corpus-samples/scanned/NN-name.scanDPI.pdf. They share NN-name.truth.json.
# Sample 04 at 300 dpi has its table page fed sideways (turned 90°), as happens at the scanner.
# Needs poppler-utils, imagemagick and img2pdf (bash scripts/install-deps.sh --samples).
#
#   bash corpus-samples/build-scans.sh                 every sample
#   bash corpus-samples/build-scans.sh --only NAME     one sample (NAME without extension; may be repeated)
set -euo pipefail
cd "$(dirname "$0")"
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only+=("$2"); shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
for tool in pdftoppm convert img2pdf; do
  command -v "$tool" >/dev/null || { echo "build-scans.sh: '$tool' is missing (bash scripts/install-deps.sh --samples)" >&2; exit 1; }
done
mkdir -p scanned
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for pdf in [0-9][0-9]-*.pdf; do
  stem="${pdf%.pdf}"
  if [ ${#only[@]} -gt 0 ] && [[ ! " ${only[*]} " == *" $stem "* ]]; then continue; fi
  for dpi in 200 300; do
    rm -f "$work"/*
    pdftoppm -r "$dpi" -gray "$pdf" "$work/p"
    pages=()
    for img in "$work"/p-*.pgm; do
      n="$(basename "$img" .pgm)"; n="${n#p-}"
      h=$(printf '%s' "$stem-$dpi-$n" | cksum | cut -d' ' -f1)
      angle=$(awk -v h="$h" 'BEGIN { printf "%.2f", ((h % 301) - 150) / 100 }')
      size=$(identify -format '%wx%h' "$img")
      extra=()
      if [ "$stem" = "04-sngv-quangngai-q3-2021" ] && [ "$dpi" = 300 ] && [ "$n" = "$(ls "$work"/p-*.pgm | wc -l | xargs printf '%s')" ]; then
        extra=(-rotate 90)   # the last page (the table) went through the scanner sideways
      fi
      convert "$img" -seed "$((h % 100000))" -background white -rotate "$angle" -gravity center -extent "$size" \
        "${extra[@]}" -blur 0x0.5 -attenuate 0.04 +noise Gaussian -quality 50 "$work/s-$n.jpg"
      pages+=("$work/s-$n.jpg")
    done
    img2pdf --imgsize "${dpi}dpi" --creationdate 2024-01-01T00:00:00 --moddate 2024-01-01T00:00:00 -o "scanned/$stem.scan$dpi.pdf" "${pages[@]}"
    echo "scanned/$stem.scan$dpi.pdf: ${#pages[@]} pages"
  done
done
