#!/usr/bin/env bash
# Makes sure the system libraries WeasyPrint (the PDF town profile) loads are present: pango with its
# FreeType backend, and DejaVu Sans for the Latin text beside the bundled Hebrew and Arabic fonts.
# Installs them with apt-get when running as root; otherwise says what is missing (the PDF button then
# shows a worded message, and its tests fail).
set -euo pipefail
missing=()
ldconfig -p | grep -q "libpangoft2-1.0.so.0" || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the PDF town profile (one time)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "PDF profiles need: sudo apt-get install ${missing[*]}" >&2
