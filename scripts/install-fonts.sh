#!/usr/bin/env bash
# Install the CJK font the pages embed (a subset per page, see viz/fonts.py): Debian's
# fonts-wqy-microhei (1.6 MB). Run by `make setup`; without root or sudo it only warns:
# the pages then use the viewer's own fonts. POLICYGRAPH_CJK_FONT may name another font.
set -euo pipefail
font=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
if [ -n "${POLICYGRAPH_CJK_FONT:-}" ] || [ -f "$font" ]; then
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null || ! sudo -n true 2>/dev/null; then
        echo "warning: cannot install fonts-wqy-microhei (needs root or sudo); pages will use" \
             "the viewer's fonts (Chinese may show as boxes on machines without a CJK font)" >&2
        exit 0
    fi
    sudo="sudo"
fi
echo "installing Debian's fonts-wqy-microhei (the CJK font the pages embed)..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq fonts-wqy-microhei >/dev/null
[ -f "$font" ] || { echo "error: fonts-wqy-microhei was installed but $font is missing" >&2; exit 1; }
