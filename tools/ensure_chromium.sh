#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing (Playwright's own browser
# download is not used: the tests launch /usr/bin/chromium).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "The browser tests need Chromium at /usr/bin/chromium; install it with your package manager." >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# wait for another apt run (another checkout installing at the same time) instead of failing
LOCK=(-o DPkg::Lock::Timeout=600)
$SUDO apt-get "${LOCK[@]}" update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${LOCK[@]}" install -y -qq chromium fonts-dejavu-core >/dev/null
test -x /usr/bin/chromium
