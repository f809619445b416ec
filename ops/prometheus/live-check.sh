#!/usr/bin/env bash
# Live check of the monitoring kit against running services: starts a throw-away Prometheus (Debian
# `prometheus` package) that scrapes the given engine and AI service every 2 s with ops/prometheus/alerts.yml
# loaded, sends a few requests so that the HTTP series exist, waits for scrapes and rule evaluations, then
# evaluates through the HTTP API every recording rule, every alert expression and every expression of
# ops/grafana/dashboards/*.json.
#
#   ops/prometheus/live-check.sh [ENGINE_HOST:PORT] [AI_HOST:PORT]     # defaults localhost:8080 localhost:8000
#   LIVE_CHECK_PORT=19090 (Prometheus' port), LIVE_CHECK_WAIT=20 (seconds of scraping before the queries)
#
# Each expression must parse. Recording rules and dashboard expressions must return data, and every metric
# an alert reads must exist, except where they use a pending metric (ops/prometheus/README.md) or a series
# that appears only after an event (jvm_gc_pause_seconds*: after the first GC). Exit 1 on any failure.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
. ops/lib/promql.sh
ENGINE="${1:-localhost:8080}"
AI="${2:-localhost:8000}"
PORT="${LIVE_CHECK_PORT:-19090}"
WAIT="${LIVE_CHECK_WAIT:-20}"
API="http://127.0.0.1:$PORT/api/v1"
LAZY='^jvm_gc_pause_seconds'

for tool in prometheus curl jq; do
  command -v "$tool" >/dev/null || { echo "live-check: $tool is needed (apt-get install prometheus curl jq)" >&2; exit 1; }
done
for target in "$ENGINE" "$AI"; do
  curl -fsS -o /dev/null "http://$target/metrics" || { echo "live-check: nothing answers http://$target/metrics" >&2; exit 1; }
done

WORK="$(mktemp -d)"
PROM_PID=""
cleanup() {
  [ -n "$PROM_PID" ] && kill "$PROM_PID" 2>/dev/null && wait "$PROM_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

cp ops/prometheus/alerts.yml "$WORK/alerts.yml"
cat >"$WORK/prometheus.yml" <<EOF
global:
  scrape_interval: 2s
  evaluation_interval: 2s
rule_files: [alerts.yml]
scrape_configs:
  - job_name: engine
    metrics_path: /metrics
    honor_labels: true
    static_configs: [{targets: ["$ENGINE"], labels: {service: engine}}]
  - job_name: ai
    metrics_path: /metrics
    honor_labels: true
    static_configs: [{targets: ["$AI"], labels: {service: ai}}]
EOF
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" \
  --web.listen-address="127.0.0.1:$PORT" --log.level=warn >"$WORK/prometheus.log" 2>&1 &
PROM_PID=$!
for _ in $(seq 1 30); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/-/ready" 2>/dev/null && break
  kill -0 "$PROM_PID" 2>/dev/null || { cat "$WORK/prometheus.log" >&2; echo "live-check: Prometheus did not start" >&2; exit 1; }
  sleep 1
done
echo "live-check: Prometheus $(prometheus --version 2>&1 | head -1 | cut -d' ' -f3) on :$PORT scraping $ENGINE and $AI for ${WAIT}s ..."

# Traffic, so that route series exist (Prometheus' own scrapes are excluded from every HTTP expression).
for _ in $(seq 1 "$WAIT"); do
  curl -s -o /dev/null "http://$ENGINE/api/health"; curl -s -o /dev/null "http://$ENGINE/api/v1/binance/ping"
  curl -s -o /dev/null "http://$AI/health"; curl -s -o /dev/null "http://$AI/api/ai/status"
  sleep 1
done

query() {  # prints "ok <n series>" or "error <message>"
  curl -s --data-urlencode "query=$1" "$API/query" |
    jq -r 'if .status == "success" then "ok \(.data.result | length)" else "error \(.error)" end' 2>/dev/null ||
    echo "error no answer"
}

pending_names >"$WORK/pending"
curl -s "$API/label/__name__/values" | jq -r '.data[]' >"$WORK/exported"
FAILS=0
OKS=0
SKIPS=0
verdict() {  # KIND NAME EXPR MUST_RETURN_DATA
  local kind="$1" name="$2" expr="$3" must="$4" result n used missing m
  result=$(query "$expr")
  if [[ $result == error* ]]; then
    echo "  FAIL  $kind $name: ${result#error }"; FAILS=$((FAILS + 1)); return
  fi
  n=${result#ok }
  used=$(metric_names <<<"$expr")
  if grep -qxFf "$WORK/pending" <<<"$used"; then
    echo "  skip  $kind $name: uses a pending metric ($(grep -xFf "$WORK/pending" <<<"$used" | tr '\n' ' '))"
    SKIPS=$((SKIPS + 1)); return
  fi
  missing=""
  for m in $used; do
    [[ $m == *:* ]] && continue                      # recorded series: checked as recording rules
    grep -qxF "$m" "$WORK/exported" || missing="$missing $m"
  done
  if [ -n "$missing" ]; then
    if grep -qE "$LAZY" <<<"${missing# }"; then
      echo "  skip  $kind $name: no${missing} yet (appears after the first GC)"; SKIPS=$((SKIPS + 1)); return
    fi
    echo "  FAIL  $kind $name: metric(s) not exported:$missing"; FAILS=$((FAILS + 1)); return
  fi
  if [ "$must" = yes ] && [ "$n" -eq 0 ]; then
    echo "  FAIL  $kind $name: no data"; FAILS=$((FAILS + 1)); return
  fi
  OKS=$((OKS + 1))
  [ -n "${LIVE_CHECK_VERBOSE:-}" ] && echo "  ok    $kind $name: $n series"
  return 0
}

echo "Rules (ops/prometheus/alerts.yml)"
while IFS=$'\t' read -r kind name expr; do
  if [ "$kind" = record ]; then verdict record "$name" "$expr" yes; else verdict alert "$name" "$expr" no; fi
done < <(rules_tsv ops/prometheus/alerts.yml)
echo "Dashboards (ops/grafana/dashboards/*.json)"
while IFS=$'\t' read -r key expr; do
  verdict dashboard "$key" "$expr" yes
done < <(dashboard_exprs ops/grafana/dashboards/*.json)

firing=$(curl -s "$API/alerts" | jq -r '[.data.alerts[] | "\(.labels.alertname)/\(.labels.severity) \(.state)"] | join(", ")')
echo "live-check: $OKS expressions ok, $SKIPS skipped (pending metrics or not yet created), $FAILS failed;" \
     "alerts now: ${firing:-none}"
[ "$FAILS" -eq 0 ]
