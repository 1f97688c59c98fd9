#!/bin/sh
# Install the Debian packages the tests and exports need, unless they are already there:
#   chromium       the browser the tests drive (Playwright) and that prints the reader to PDF
#   poppler-utils  pdftotext, pdffonts and pdftoppm, to check the PDF
set -e
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
missing=""
[ -x "$CHROMIUM" ] || missing="$missing chromium"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -z "$missing" ] && exit 0
echo "Installing Debian packages:$missing"
if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "missing:$missing, and this user cannot install packages: run 'apt-get install$missing' as root" >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
