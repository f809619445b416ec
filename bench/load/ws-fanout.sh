#!/usr/bin/env bash
# WebSocket fan-out of live prices: a throw-away demo (own folder, own ports) replaying recorded candles, 1,000
# authenticated /ws clients, the time from the engine stamping each price message to its arrival at every client.
# Usage: bench/load/ws-fanout.sh [CLIENTS] [SECONDS] [REPLAY_SPEED]   (defaults 1000 30 4)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CLIENTS="${1:-1000}"; SECONDS_="${2:-30}"; SPEED="${3:-4}"
HOME_DIR="$(mktemp -d /tmp/bot-core-fanout.XXXXXX)"
ENGINE_PORT=18080; AI_PORT=18000; DB_PORT=37017

(cd "$ROOT" && mvn -B -q -Dmaven.test.skip=true -pl bench -am package) || { echo "ws-fanout: bench build failed" >&2; exit 1; }

echo "ws-fanout: starting a demo in $HOME_DIR (engine :$ENGINE_PORT, replay at $SPEED candles/s) ..." >&2
BOTCORE_HOME="$HOME_DIR" BOTCORE_TRADING_REPLAY_SPEED="$SPEED" "$ROOT/bot-core" demo \
  --engine-port "$ENGINE_PORT" --ai-port "$AI_PORT" --db-port "$DB_PORT" >"$HOME_DIR/demo.out" 2>&1 &
DEMO=$!
trap 'kill -TERM $DEMO 2>/dev/null; wait $DEMO 2>/dev/null; rm -rf "$HOME_DIR"' EXIT
for _ in $(seq 1 180); do
  grep -q "All services healthy" "$HOME_DIR/demo.out" 2>/dev/null && break
  kill -0 $DEMO 2>/dev/null || { cat "$HOME_DIR/demo.out" >&2; exit 1; }
  sleep 1
done

java -Xmx1g -cp "$ROOT/bench/target/benchmarks.jar" io.botcore.bench.load.WebSocketFanOutDriver \
  --url "http://127.0.0.1:$ENGINE_PORT" --credentials "$HOME_DIR/data/demo-credentials" \
  --clients "$CLIENTS" --seconds "$SECONDS_"
