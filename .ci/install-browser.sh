#!/usr/bin/env bash
# Installs Debian's Chromium for the web app's end-to-end tests (driven by playwright-core,
# which never downloads a browser of its own). Does nothing when it is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  /usr/bin/chromium --version 2>/dev/null || true
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version 2>/dev/null || true
