#!/usr/bin/env bash
# Installs the native tools baocao needs from Debian's packages (idempotent: does nothing when all are present).
#   poppler-utils : pdftoppm and pdfimages (scanned pages rendered for OCR, the web interface's page images); pdfinfo and
#                   pdftotext -bbox-layout (digital PDFs are read in-process by PdfPig; these read the rare file PdfPig
#                   opens but fails on, and the tests compare PdfPig's layout with theirs)
#   mupdf-tools   : mutool trace (the vector paths of those same files, and the same comparison)
#   libtesseract5, liblept5, tesseract-ocr-vie : OCR of scanned pages in-process (Tesseract C API, Leptonica)
#   tesseract-ocr-script-viet : the Vietnamese script model, read together with vie (keeps the dot below of nặng)
#   tesseract-ocr-eng : the English model, which reads the figures (digits) better than the Vietnamese one
#   tesseract-ocr-osd : the orientation model, asked for scanned pages Leptonica does not call upright with confidence
#   tesseract-ocr : the tesseract command, only as the yardstick of `baocao bench ocr`
#   chromium      : the headless browser of the web interface's end-to-end tests (Playwright drives Debian's build;
#                   it cannot download its own browsers here)
#   libreoffice-writer-nogui : soffice --headless, which converts legacy Word .doc files for ingest (the corpus has one)
# Building the corpus samples additionally needs ImageMagick, img2pdf and fonts-liberation2: pass --samples.
set -euo pipefail
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v pdfinfo   >/dev/null 2>&1 || need+=(poppler-utils)
command -v pdftoppm  >/dev/null 2>&1 || need+=(poppler-utils)
command -v mutool    >/dev/null 2>&1 || need+=(mupdf-tools)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
command -v chromium  >/dev/null 2>&1 || need+=(chromium)
for pkg in libtesseract5 liblept5 tesseract-ocr-vie tesseract-ocr-script-viet tesseract-ocr-eng tesseract-ocr-osd; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
command -v soffice   >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
if [ "${1:-}" = "--samples" ]; then
  # By the package, not `command -v convert`: a stand-in named convert may sit earlier on the PATH.
  dpkg -s imagemagick >/dev/null 2>&1 || need+=(imagemagick)
  command -v img2pdf >/dev/null 2>&1 || need+=(img2pdf)
  # Liberation Serif 2.x has the Vietnamese letters (1.07 does not, and LibreOffice then splits words in the PDFs).
  dpkg -s fonts-liberation2 >/dev/null 2>&1 || need+=(fonts-liberation2)
fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${need[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $(printf '%s\n' "${need[@]}" | sort -u) >/dev/null
