#!/usr/bin/env bash
# Re-copies the dashboard's chart library (TradingView Lightweight Charts, Apache-2.0) from the npm registry into
# engine/src/main/resources/static/vendor/, checking npm's integrity hash. The copy is committed, so neither the
# build nor the running engine needs the internet; run this only to change the pinned version.
set -euo pipefail
VERSION="${1:-5.0.9}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/engine/src/main/resources/static/vendor/lightweight-charts-$VERSION"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "lightweight-charts@$VERSION" >/dev/null
expected="$(npm view "lightweight-charts@$VERSION" dist.integrity)"
actual="sha512-$(openssl dgst -sha512 -binary "lightweight-charts-$VERSION.tgz" | base64 -w0)"
if [ "$expected" != "$actual" ]; then
  echo "update-chart-library: integrity mismatch for lightweight-charts@$VERSION ($actual, registry says $expected)" >&2
  exit 1
fi
tar xzf "lightweight-charts-$VERSION.tgz"
mkdir -p "$DEST"
cp package/dist/lightweight-charts.standalone.production.mjs package/LICENSE "$DEST/"
echo "update-chart-library: copied lightweight-charts@$VERSION to $DEST ($actual);"
echo "update NOTICE there and the import path in static/app/chart.js if the version changed"
