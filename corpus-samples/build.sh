#!/usr/bin/env bash
# Rebuilds the test corpus: DOCX from specs/, PDF from each DOCX (LibreOffice), and the truth files.
#
#   bash corpus-samples/build.sh                 build DOCX + PDF; write missing truth files, compare existing ones
#   bash corpus-samples/build.sh --regen-truth   also overwrite truth files that differ (deliberate; review the diff)
#   bash corpus-samples/build.sh --only NAME     one sample only (NAME without extension)
#
# Installs nothing. Truth files are hand-checked: an existing one is never replaced without --regen-truth.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
regen=""
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --regen-truth) regen="--write" ;;
    --only) only="$2"; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

# --- check the tools first and say exactly what is missing
missing=()
command -v dotnet  >/dev/null 2>&1 || missing+=("dotnet (.NET SDK 10)")
command -v soffice >/dev/null 2>&1 || missing+=("soffice (LibreOffice, e.g. apt-get install libreoffice-writer)")
command -v pdfinfo >/dev/null 2>&1 || missing+=("pdfinfo (poppler-utils)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "build.sh: missing tools:" >&2
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  exit 1
fi
# LibreOffice replaces Times New Roman by Liberation Serif. Liberation Serif 1.x has no Vietnamese letters with two
# diacritics (ạ, ế, ữ ...): LibreOffice then borrows glyphs from another font and pdftotext splits words apart
# ("t ại"). The PDFs in git were made with Liberation Serif 2.x (Debian package fonts-liberation2).
if command -v fc-list >/dev/null 2>&1; then
  if ! fc-list ":family=Liberation Serif:charset=1ea1" family 2>/dev/null | grep -q .; then
    echo "build.sh: warning: no Liberation Serif with Vietnamese glyphs (install fonts-liberation2); PDFs will differ from the committed ones" >&2
  fi
fi

only_args=()
[ -n "$only" ] && only_args=(--only "$only")

echo "== building SampleBuilder"
if ! log="$(dotnet build "$root/tools/SampleBuilder/SampleBuilder.csproj" -c Release -nologo -v quiet 2>&1)"; then
  echo "$log" >&2
  echo "build.sh: SampleBuilder does not build" >&2
  exit 1
fi
builder=(dotnet "$root/tools/SampleBuilder/bin/Release/net10.0/SampleBuilder.dll")

echo "== DOCX"
"${builder[@]}" docx "$here/specs" "$here" "${only_args[@]}"

echo "== PDF"
# A private LibreOffice profile: no interference with a running office or a user's settings, and no first-run
# state carried between machines.
profile="$(mktemp -d /tmp/baocao-lo-XXXXXX)"
trap 'rm -rf "$profile"' EXIT
for docx in "$here"/[0-9][0-9]-*.docx; do
  name="$(basename "$docx" .docx)"
  [ -n "$only" ] && [ "$name" != "$only" ] && continue
  soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$here" "$docx" >/dev/null 2>&1 \
    || { echo "soffice failed on $docx" >&2; exit 1; }
  [ -s "$here/$name.pdf" ] || { echo "no PDF for $docx" >&2; exit 1; }
  # LibreOffice stamps the export time into the PDF; fix it so that a rebuild gives the same bytes.
  "${builder[@]}" stamp "$here/$name.pdf"
  echo "$name.pdf ($(pdfinfo "$here/$name.pdf" | awk '/^Pages:/ {print $2}') pages)"
done

echo "== legacy encodings and .doc (corpus-samples/legacy/, sharing the truth of the sample they were made from)"
legacy="$here/legacy"
mkdir -p "$legacy"
if [ -z "$only" ]; then
  "${builder[@]}" legacy "$here/06-stp-bentre-q4-2019.docx" "$legacy/06-stp-bentre-q4-2019.tcvn3.docx" tcvn3
  "${builder[@]}" legacy "$here/07-ubnd-phucat-t5-2022.docx" "$legacy/07-ubnd-phucat-t5-2022.vni.docx" vni
  # The VNI PDF from a copy drawn smaller (without VNI fonts each mark byte is a glyph of its own, see LegacyDocx.cs).
  tmp="$(mktemp -d /tmp/baocao-legacy-XXXXXX)"
  "${builder[@]}" legacy "$here/07-ubnd-phucat-t5-2022.docx" "$tmp/07-ubnd-phucat-t5-2022.vni.docx" vni-pdf
  cp "$here/09-syt-dongthap-q1-2023.docx" "$tmp/"
  soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$legacy" "$legacy/06-stp-bentre-q4-2019.tcvn3.docx" >/dev/null 2>&1
  soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$legacy" "$tmp/07-ubnd-phucat-t5-2022.vni.docx" >/dev/null 2>&1
  soffice "-env:UserInstallation=file://$profile" --headless --convert-to doc --outdir "$legacy" "$tmp/09-syt-dongthap-q1-2023.docx" >/dev/null 2>&1
  rm -rf "$tmp"
  "${builder[@]}" stamp "$legacy"/*.pdf
  ls "$legacy"
fi

echo "== truth"
set +e
"${builder[@]}" truth "$here/specs" "$here" $regen "${only_args[@]}"
rc=$?
set -e
if [ $rc -eq 3 ]; then
  echo "build.sh: some truth files differ from their specs (see above). They were NOT replaced." >&2
  echo "          Check the change by hand, then run: bash corpus-samples/build.sh --regen-truth" >&2
fi
exit $rc
