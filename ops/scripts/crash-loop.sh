#!/usr/bin/env bash
# Crash loop (outside CI): runs `vz run --policy random` and kills the whole process with SIGKILL KILLS times at
# random moments, each time leaving it down longer than the turn timeout before starting it again on the same
# data; then lets a last run end normally, and checks the log with `vz audit` and `vz rescore`.
#   ops/scripts/crash-loop.sh [KILLS (20)] [SEED (1)]
# About 1.5 minutes per kill. Prints one JSON line per check at the end; exit code 0 when both are clean.
set -euo pipefail

KILLS="${1:-20}"
SEED="${2:-1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/vz-crash-loop.XXXXXX")"
DATA="$WORK/data"
TURN_TIMEOUT_MS=15000
echo "coordinator.turn.timeout.ms=$TURN_TIMEOUT_MS" > "$WORK/crash.properties"
RANDOM="$SEED"

run() { # $1: duration, $2: log file; in the background of this shell, its pid in $pid
  "$ROOT/vz" run --policy random --duration "$1" --eval-final-games 0 --data-dir "$DATA" --port 0 \
    --config "$WORK/crash.properties" > "$2" 2>&1 &
  pid=$!
}

(cd "$ROOT" && ./mvnw -B -q -DskipTests install) # build once, so no kill lands in a build
export VZ_NO_BUILD=1
for ((kill = 1; kill <= KILLS; kill++)); do
  alive=$((15 + RANDOM % 61))
  run 10m "$WORK/run-$kill.log"
  sleep "$alive"
  # the JVM is exec'd by the vz script, so the pid is the whole process: broker and every component
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "kill $kill of $KILLS after ${alive}s" >&2
  sleep $((TURN_TIMEOUT_MS / 1000 + 2))
done
run 100s "$WORK/final.log"
wait "$pid" || echo "the last run ended with exit code $? (see $WORK/final.log)" >&2

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$ROOT/vz" broker --data-dir "$DATA" --port "$PORT" > "$WORK/broker.log" 2>&1 &
broker=$!
trap 'kill "$broker" 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  grep -q "Kafka broker running at" "$WORK/broker.log" 2>/dev/null && break
  sleep 1
done
status=0
"$ROOT/vz" audit --bootstrap-servers "localhost:$PORT" --json || status=1
"$ROOT/vz" rescore --bootstrap-servers "localhost:$PORT" --json || status=1
echo "work directory: $WORK" >&2
exit "$status"
