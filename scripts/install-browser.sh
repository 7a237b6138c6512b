#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests, unless one is already there.
# Playwright drives it through executable_path; it never downloads a browser.
set -euo pipefail
chromium="${POLICYGRAPH_CHROMIUM:-/usr/bin/chromium}"
# A system CJK font (Zen Hei), so that screenshots of pages that bring no font of their own
# (Neo4j Browser, Swagger UI) show characters; and Micro Hei, the font our pages embed
# (scripts/install-fonts.sh; the tests check the embedding, so here it is required).
zenhei=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
microhei=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
if [ -x "$chromium" ] && [ -f "$zenhei" ] && [ -f "$microhei" ]; then
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root (or sudo) to apt-get install chromium" >&2; exit 1; }
    sudo="sudo"
fi
echo "installing Debian chromium and CJK fonts (for the browser tests)..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium fonts-wqy-zenhei fonts-wqy-microhei >/dev/null
[ -x "$chromium" ] || { echo "error: chromium was installed but $chromium is missing" >&2; exit 1; }
[ -f "$microhei" ] || { echo "error: fonts-wqy-microhei was installed but $microhei is missing" >&2; exit 1; }
