#!/usr/bin/env bash
# Makes sure Debian's Chromium is at $CHROMIUM_PATH (default /usr/bin/chromium). Never downloads a
# browser build of its own: only the distribution package, through apt-get.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
# chromium-l10n carries the UI locales: without it chrome.i18n is English-only.
# fonts-wqy-zenhei: a CJK font, so screenshots of the Chinese UI are legible.
PACKAGES="chromium chromium-l10n fonts-wqy-zenhei"
if [ -x "$CHROMIUM" ] && { [ -n "${CHROMIUM_PATH:-}" ] || { [ -e /usr/lib/chromium/locales/zh-CN.pak ] && [ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]; }; }; then exit 0; fi
echo "Installing Debian packages for the browser: $PACKAGES…"
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "ERROR: cannot install chromium: not root and no sudo. Run: apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "ERROR: apt-get not available. Install Chromium yourself and set CHROMIUM_PATH to its binary." >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PACKAGES >/dev/null
[ -x "$CHROMIUM" ] || { echo "ERROR: chromium installed but $CHROMIUM is missing; set CHROMIUM_PATH." >&2; exit 1; }
