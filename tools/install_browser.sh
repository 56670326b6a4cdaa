#!/bin/sh
# Install Debian's chromium for the browser tests, only where it is absent (idempotent).
# Playwright drives this binary; we never run `playwright install` (no browser downloads).
set -eu
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install_browser: $CHROMIUM is absent and we are not root; install the 'chromium' package" >&2
        exit 1
    fi
fi
echo "install_browser: installing Debian chromium with apt-get" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
"$CHROMIUM" --version >&2
