#!/bin/bash
# Server start to ready: seconds until `entente serve` listens ("Entente is running") and until its
# screening index is loaded ("screening index: …" in its log; /health lists it as loading till then).
# Before 2026-12-04 the server listened only after loading the index, so the second figure is what
# "ready" meant then. Usage:
#   bench/serve-start.sh X=1                                   (now, with the index snapshot)
#   bench/serve-start.sh ENTENTE_CACHE_DIR=off                 (rebuild the index at start)
#   bench/serve-start.sh NODE_OPTIONS=--import=$PWD/bench/support/start-as-before.mjs  (modules loaded as before)
# BENCH_DB: a PGlite store holding the mirror (ENTENTE_DB=dir entente sync).
out=${TMPDIR:-/tmp}/entente-serve.out
err=${TMPDIR:-/tmp}/entente-serve.err
start=$(date +%s.%N)
env DATABASE_URL= ENTENTE_DB=${BENCH_DB:?set BENCH_DB to a PGlite store with the mirror} ENTENTE_OFFLINE=1 PORT=18474 ENTENTE_SCREEN_WORKERS=0 "$1" node "$(dirname "$0")/../packages/cli/bin/entente.js" serve > "$out" 2> "$err" &
pid=$!
listening=
for i in $(seq 1 3000); do
  if [ -z "$listening" ] && grep -q "Entente is running" "$out" 2>/dev/null; then
    listening=$(echo "$(date +%s.%N) - $start" | bc)
  fi
  if grep -q "screening index:" "$err" 2>/dev/null; then break; fi
  sleep 0.1
done
loaded=$(echo "$(date +%s.%N) - $start" | bc)
echo "$1: listening after ${listening:-?} s, screening index loaded after $loaded s"
kill -TERM $pid; wait $pid 2>/dev/null
grep -i "screening index" "$err" | head -3
