#!/usr/bin/env bash
# The `entente` tarball works on its own: pack the CLI (after `npm run build`), install it into an
# empty folder, and run `entente --version` and a real import and screening on a fresh embedded store.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${ENTENTE_SHARED_DATA:-$(pwd)/../shared/data}"
version=$(node -p "require('./packages/cli/package.json').version")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
tarball=$(node scripts/pack-cli.mjs "$out")
cd "$out"
echo '{ "private": true }' > package.json
# --prefer-offline: the third-party packages are in npm's cache from `npm ci`.
npm install "$tarball" --prefer-offline --no-audit --no-fund --loglevel=error
export DATABASE_URL='' ENTENTE_DB="$out/store" ENTENTE_MIRROR="$out/no-mirror" ENTENTE_OFFLINE=1
entente=./node_modules/.bin/entente
test "$($entente --version)" = "$version"
$entente import un-sc-xml "$data/lists/un/un-sc-2026-02-27/consolidated.xml"
$entente screen "Islamic State in Iraq and the Levant" | tee screen.txt
grep -q 'un-sc QDe' screen.txt
# With the mirror's name reference (read through yaml, which the bundled CLI imports lazily) and its snapshots.
ENTENTE_MIRROR="$data" ENTENTE_CACHE_DIR="$out/cache" $entente screen "Islamic State in Iraq and the Levant" | tee screen.txt
grep -q 'un-sc QDe' screen.txt
echo "pack-smoke: the installed tarball ran --version, import and screen"
