#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests, unless one is already there.
# Playwright drives it through executable_path; it never downloads a browser.
set -euo pipefail
chromium="${POLICYGRAPH_CHROMIUM:-/usr/bin/chromium}"
# A CJK font, so that screenshots of the Chinese pages show characters, not boxes.
font_dir=/usr/share/fonts/truetype/wqy
if [ -x "$chromium" ] && [ -d "$font_dir" ]; then
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root (or sudo) to apt-get install chromium" >&2; exit 1; }
    sudo="sudo"
fi
echo "installing Debian chromium and a CJK font (for the browser tests)..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
[ -x "$chromium" ] || { echo "error: chromium was installed but $chromium is missing" >&2; exit 1; }
