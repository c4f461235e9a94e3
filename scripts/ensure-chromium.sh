#!/usr/bin/env bash
# The widget tests drive a real Chromium with playwright-core (no browser download).
# Uses CHROMIUM_PATH or /usr/bin/chromium; on Debian/Ubuntu installs the distribution's package.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing Chromium for the browser tests (apt-get install chromium)…"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium
  exit 0
fi
echo "The widget tests need Chromium: install it and set CHROMIUM_PATH to its executable." >&2
exit 1
