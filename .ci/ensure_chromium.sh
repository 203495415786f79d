#!/usr/bin/env bash
# Makes sure /usr/bin/chromium exists for the browser tests: installs it with apt-get when running as
# root; otherwise prints how to enable the browser tests (they are then skipped, except under CI=true).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests (one time)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Browser tests will be SKIPPED: /usr/bin/chromium is missing. Enable them with: sudo apt-get install chromium"
if [ "${CI:-}" = "true" ]; then
  echo "CI=true: a missing browser is a failure." >&2
  exit 1
fi
