#!/usr/bin/env bash
# AI service benchmark: times 'ai train' on five years of BTCUSDT 1h candles, then the latency of
# POST /api/ai/analyze on loopback (see io.botcore.bench.AiLoadDriver). Usage: bench/run-ai-bench.sh [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -Dmaven.test.skip=true -pl bench -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/ai-bench.classpath >&2
exec java -Xmx2g -cp "bench/target/classes:$(cat bench/target/ai-bench.classpath)" io.botcore.bench.AiLoadDriver "$@"
