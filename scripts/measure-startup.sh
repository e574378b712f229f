#!/usr/bin/env bash
# Measures the embedded default: time from launch to readiness (first start with initdb, then a
# restart), and resident memory at rest of the app JVM and of its PostgreSQL processes.
# Usage: scripts/measure-startup.sh [rest-seconds]   (uses a throw-away data directory)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rest="${1:-30}"
data="$(mktemp -d)"
port=$(python3 -c "import socket; s=socket.socket(); s.bind((\"127.0.0.1\", 0)); print(s.getsockname()[1])")
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; sleep 3; rm -rf "$data"' EXIT

"$here/callrecords" help >/dev/null  # builds the jar first, so the build is not timed

# Sets $pid (the app JVM: the launcher execs java) and $elapsed (seconds to readiness).
start_and_time() {
  local t0
  t0=$(date +%s.%N)
  CALLRECORDS_DATA_DIR="$data" SERVER_PORT=$port "$here/callrecords" serve >>"$data/app.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do sleep 0.05; done
  elapsed=$(echo "$(date +%s.%N) - $t0" | bc)
}

rss_kib() { ps -o rss= -p "$1" | tr -d ' '; }
# Proportional set size: shared memory (PostgreSQL's shared buffers) counted once across processes.
pss_kib() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

start_and_time; first=$elapsed
kill "$pid"; wait "$pid" || true
start_and_time; second=$elapsed
sleep "$rest"
postmaster=$(head -n1 "$data/postgres/postmaster.pid")
pg_rss=0
for p in "$postmaster" $(pgrep -P "$postmaster"); do
  pg_rss=$((pg_rss + $(pss_kib "$p")))
done
echo "first start (initdb + migrations) to ready: ${first} s"
echo "restart to ready:                          ${second} s"
echo "app JVM resident memory after ${rest} s at rest: $(( $(rss_kib "$pid") / 1024 )) MiB"
echo "PostgreSQL processes, proportional set size (sum): $(( pg_rss / 1024 )) MiB"
