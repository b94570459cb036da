#!/bin/bash
# Server start to ready: seconds until `entente serve` listens ("Entente is running"), until its
# screening index is loaded ("screening index: …" in its log) and until /health answers without
# listing it as loading (ready; polled every 0.05 s).
# Before 2026-12-04 the server listened only after loading the index, so the second figure is what
# "ready" meant then. Usage:
#   bench/serve-start.sh X=1                                   (now, with the index snapshot)
#   bench/serve-start.sh ENTENTE_CACHE_DIR=off                 (rebuild the index at start)
#   bench/serve-start.sh NODE_OPTIONS=--import=$PWD/bench/support/start-as-before.mjs  (modules loaded as before)
#   WORKERS=1 bench/serve-start.sh X=1                        (with screening workers, as on 2 cores by default; default here 0)
#   BIN=/tmp/base/packages/cli/bin/entente.js bench/serve-start.sh ENTENTE_CACHE_DIR=/tmp/base-cache
#                                                              (an earlier commit's build: the baseline)
# BENCH_DB: a PGlite store holding the mirror (ENTENTE_DB=dir entente sync). Give the baseline and
# the current code their own ENTENTE_CACHE_DIR (their engines differ: each would rebuild the other's
# snapshot), and run each once first so that its snapshot exists. Prints the CPU seconds of the API
# process until the index was loaded (from /proc) beside the wall seconds.
out=${TMPDIR:-/tmp}/entente-serve.out
err=${TMPDIR:-/tmp}/entente-serve.err
: > "$out"; : > "$err"
start=$(date +%s.%N)
env DATABASE_URL= ENTENTE_DB=${BENCH_DB:?set BENCH_DB to a PGlite store with the mirror} ENTENTE_OFFLINE=1 PORT=${PORT:-18474} ENTENTE_SCREEN_WORKERS=${WORKERS:-0} "$1" node "${BIN:-$(dirname "$0")/../packages/cli/bin/entente.js}" serve > "$out" 2> "$err" &
pid=$!
listening=
loaded=
for i in $(seq 1 3000); do
  if [ -z "$listening" ] && grep -q "Entente is running" "$out" 2>/dev/null; then
    listening=$(echo "$(date +%s.%N) - $start" | bc)
  fi
  if [ -z "$loaded" ] && grep -q "screening index:" "$err" 2>/dev/null; then
    loaded=$(echo "$(date +%s.%N) - $start" | bc)
  fi
  # Ready: /health answers and no longer lists the screening index as loading.
  if [ -n "$listening" ] && health=$(curl -sf --max-time 5 "http://127.0.0.1:${PORT:-18474}/health") &&
    ! grep -q "screening index" <<<"$health"; then
    break
  fi
  sleep 0.05
done
ready=$(echo "$(date +%s.%N) - $start" | bc)
# CPU of the server processes so far (the parent `entente serve` and its API child), in seconds.
tick=$(getconf CLK_TCK)
cpu=0
for p in $pid $(pgrep -P $pid); do
  [ -r /proc/$p/stat ] && cpu=$(echo "$cpu + $(awk '{print $14 + $15}' /proc/$p/stat) / $tick" | bc -l)
done
echo "$1: listening after ${listening:-?} s, screening index loaded after ${loaded:-?} s, /health ready after $ready s, CPU $(printf %.2f "$cpu") s (load $(cut -d' ' -f1 /proc/loadavg))"
kill -TERM $pid; wait $pid 2>/dev/null
grep -i "screening index" "$err" | head -3
