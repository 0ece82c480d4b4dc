#!/usr/bin/env bash
# Install everything ScanStation needs on Debian 12: system packages, then a .venv with pinned Python packages.
# Idempotent: a second run checks and returns in a few seconds.
#   bash installer/setup.sh          runtime only
#   bash installer/setup.sh --test   runtime and test tools
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_TESTS=0
[ "${1:-}" = "--test" ] && WITH_TESTS=1

# System packages: SANE (libsane-dev builds python-sane; sane-utils gives scanimage), zbar for pyzbar,
# poppler for PDF pages, the libraries Qt's xcb/offscreen platforms load, and a compiler for python-sane; Tesseract
# with its Persian and orientation models reads the page text (issue 23).
APT_PACKAGES=(python3-venv python3-dev build-essential libsane-dev sane-utils libzbar0 poppler-utils
  tesseract-ocr tesseract-ocr-fas tesseract-ocr-osd
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 tzdata)
# apache2: the second WebDAV test server; the fonts: the synthetic Persian pages of tests/persian_pages.py;
# openbox: a window manager under Xvfb, to look at the screens (tests/ui/look_at_screens.py)
[ "$WITH_TESTS" = 1 ] && APT_PACKAGES+=(zbar-tools xvfb xauth openbox apache2 apache2-utils fonts-noto-core
  fonts-dejavu-core fonts-farsiweb)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv

REQ=installer/requirements.txt
[ "$WITH_TESTS" = 1 ] && REQ=installer/requirements-test.txt
stamp_file=".venv/.install-stamp-$(basename "$REQ" .txt)"
want=$(cat installer/requirements*.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp_file" 2>/dev/null)" != "$want" ]; then
  echo "installing Python packages from $REQ"
  .venv/bin/python -m pip install -q -r "$REQ"
  log=$(mktemp)
  .venv/bin/python -m pip install -q --no-deps -e . >"$log" 2>&1 || { cat "$log"; exit 1; }
  rm -f "$log"
  echo "$want" > "$stamp_file"
fi
# Byte-compile the package now, as pip does for an installed wheel: the first start of every command is then as fast
# as the next, also where the environment forbids Python to write bytecode itself (PYTHONDONTWRITEBYTECODE).
.venv/bin/python -m compileall -q -j 0 scanstation >/dev/null
echo "ScanStation is installed in $(pwd)/.venv"
