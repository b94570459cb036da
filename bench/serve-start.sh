#!/bin/bash
# Server start to ready: prints seconds until `entente serve` says "Entente is running".
# Usage: bench/serve-start.sh ENTENTE_CACHE_DIR=off   (baseline)   |   bench/serve-start.sh X=1   (snapshot)
# BENCH_DB: a PGlite store holding the mirror (ENTENTE_DB=dir entente sync).
# $1: extra env assignment; prints seconds until "Entente is running"
start=$(date +%s.%N)
env DATABASE_URL= ENTENTE_DB=${BENCH_DB:?set BENCH_DB to a PGlite store with the mirror} ENTENTE_OFFLINE=1 PORT=18474 ENTENTE_SCREEN_WORKERS=0 $1 node "$(dirname "$0")/../packages/cli/bin/entente.js" serve > ${TMPDIR:-/tmp}/entente-serve.out 2>${TMPDIR:-/tmp}/entente-serve.err &
pid=$!
for i in $(seq 1 1200); do
  if grep -q "Entente is running" ${TMPDIR:-/tmp}/entente-serve.out 2>/dev/null; then break; fi
  sleep 0.1
done
end=$(date +%s.%N)
echo "$1 ready after $(echo "$end - $start" | bc) s"
kill -TERM $pid; wait $pid 2>/dev/null
grep -i "screening index" ${TMPDIR:-/tmp}/entente-serve.err | head -3
