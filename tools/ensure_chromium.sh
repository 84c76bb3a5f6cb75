#!/usr/bin/env bash
# Install Debian's headless Chromium for the browser tests and `make pdf` when it is missing
# (Playwright's own browser download is not used: they launch this one).
set -euo pipefail
SHELL_BIN=/usr/lib/chromium/chromium-headless-shell
if [ -x "$SHELL_BIN" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "The browser tests need Chromium's headless shell at $SHELL_BIN; install it with your package manager." >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# wait for another apt run (another checkout installing at the same time) instead of failing
LOCK=(-o DPkg::Lock::Timeout=600)
$SUDO apt-get "${LOCK[@]}" update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${LOCK[@]}" install -y -qq chromium-headless-shell fonts-dejavu-core >/dev/null
test -x "$SHELL_BIN"
