#!/bin/bash
# Server start to ready: prints seconds until `entente serve` says "Entente is running".
# Usage: bench/serve-start.sh ENTENTE_CACHE_DIR=off   (baseline)   |   bench/serve-start.sh X=1   (snapshot)
# Edit ENTENTE_DB below to a PGlite store holding the mirror.
# $1: extra env assignment; prints seconds until "Entente is running"
start=$(date +%s.%N)
env DATABASE_URL= ENTENTE_DB=/tmp/h4-bench/db ENTENTE_OFFLINE=1 PORT=18474 ENTENTE_SCREEN_WORKERS=0 $1 node /work/h4/packages/cli/bin/entente.js serve > /tmp/h4-bench/serve.out 2>/tmp/h4-bench/serve.err &
pid=$!
for i in $(seq 1 1200); do
  if grep -q "Entente is running" /tmp/h4-bench/serve.out 2>/dev/null; then break; fi
  sleep 0.1
done
end=$(date +%s.%N)
echo "$1 ready after $(echo "$end - $start" | bc) s"
kill -TERM $pid; wait $pid 2>/dev/null
grep -i "screening index" /tmp/h4-bench/serve.err | head -3
