#!/usr/bin/env bash
# System packages some tests and features need, from Debian's packages:
#   postgresql  - the PostgreSQL store back end (tests start a throw-away server on loopback)
#   chromium    - headless end-to-end tests of the web app (driven by the playwright package)
# Installed when running as root with apt-get (as CI does); otherwise it says what to install
# and the tests that need them skip (they fail instead when CI=true).
set -euo pipefail
PKGS="postgresql chromium"
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
if [ -z "$missing" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> installing system packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "note: optional system packages missing:$missing (install with: sudo apt-get install$missing);"
  echo "      the PostgreSQL and browser tests will skip until then."
fi
