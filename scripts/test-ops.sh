#!/usr/bin/env bash
# Offline checks of the operations kit under ops/: Prometheus config and alert rules (promtool check and
# unit tests), Alertmanager config and routing (amtool), Grafana provisioning and dashboards (JSON
# structure, every PromQL expression parsed by promtool, every metric name known), and log rotation
# (logrotate dry run and real forced rotations in a temporary folder), the daily health check against fixture
# endpoints, and the deployment files (docker-compose config, nginx -t and a real nginx in front of local
# backends, systemd-analyze verify).
#
# Installs promtool (Debian `prometheus`), amtool (`prometheus-alertmanager`), logrotate, jq, curl, python3,
# docker-compose, nginx and systemd-analyze when they are missing. Needs no running service. Prints one line per check and a summary; exits 1 on any failure.
#
#   scripts/test-ops.sh            # run everything
#   scripts/test-ops.sh -v         # also show the output of passing checks
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VERBOSE=0
[ "${1:-}" = "-v" ] && VERBOSE=1
START=$(date +%s)
export PATH="$PATH:/usr/sbin:/sbin"

# ------------------------------------------------------------------ tools
need=()
command -v promtool >/dev/null || need+=(prometheus)
command -v amtool >/dev/null || need+=(prometheus-alertmanager)
command -v logrotate >/dev/null || need+=(logrotate)
command -v jq >/dev/null || need+=(jq)
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
command -v docker-compose >/dev/null || need+=(docker-compose)
command -v nginx >/dev/null || need+=(nginx)
command -v systemd-analyze >/dev/null || need+=(systemd)
if [ ${#need[@]} -gt 0 ]; then
  echo "test-ops: installing ${need[*]} (Debian) ..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
         --no-install-recommends "${need[@]}" >/dev/null; }; then
    echo "test-ops: could not install ${need[*]}" >&2
    exit 1
  fi
fi
echo "test-ops: $(promtool --version 2>&1 | head -1 | cut -d' ' -f1-3), $(amtool --version 2>&1 | head -1 | cut -d' ' -f1-3)," \
     "$(logrotate --version 2>&1 | head -1), $(jq --version)"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PASSED=0
FAILED=()

# check NAME CMD...: runs CMD, records PASS/FAIL, shows CMD's output on failure (or always with -v).
check() {
  local _check_name="$1"; shift
  local _check_out="$WORK/out.$((PASSED + ${#FAILED[@]}))"
  if "$@" >"$_check_out" 2>&1; then
    PASSED=$((PASSED + 1))
    printf '  PASS  %s\n' "$_check_name"
    [ $VERBOSE -eq 1 ] && sed 's/^/        /' "$_check_out"
  else
    FAILED+=("$_check_name")
    printf '  FAIL  %s\n' "$_check_name"
    sed 's/^/        /' "$_check_out" | tail -60
  fi
  return 0
}

PROM=ops/prometheus
ALERTS=$PROM/alerts.yml
AM=ops/alertmanager/alertmanager.yml
DASHBOARDS=(ops/grafana/dashboards/*.json)
DS_UID=bot-core-prometheus
LOGROTATE_CONF=ops/logrotate/bot-core

# rules_tsv, dashboard_exprs, metric_names, documented_names, pending_names
. ops/lib/promql.sh

# ------------------------------------------------------------------ Prometheus
echo "Prometheus"
check "promtool check config $PROM/prometheus.yml" promtool check config $PROM/prometheus.yml
check "promtool check rules $ALERTS" promtool check rules $ALERTS
check "promtool test rules $PROM/tests/*.yml" promtool test rules $PROM/tests/*.yml

coverage() {
  # alertname/severity pairs defined, and those a test expects to fire
  awk '/^[ ]*- alert:/ { a = $3 } /^[ ]*severity:/ && a { gsub(/"/, "", $2); print a "/" $2; a = "" }' $ALERTS |
    sort -u >"$WORK/defined"
  awk 'FNR == 1 { a = "" } /^[ ]*- alertname:/ { a = $3 } /^[ ]*severity:/ && a { gsub(/"/, "", $2); print a "/" $2 }' \
    $PROM/tests/*.yml | sort -u >"$WORK/fired"
  awk 'FNR == 1 { a = "" } /^[ ]*- alertname:/ { a = $3 } /^[ ]*exp_alerts: \[\]/ && a { print a }' $PROM/tests/*.yml |
    sort -u >"$WORK/silent"
  local ok=0 pair alert
  for pair in $(comm -23 "$WORK/defined" "$WORK/fired"); do echo "no test makes $pair fire"; ok=1; done
  for alert in $(cut -d/ -f1 "$WORK/defined" | sort -u | comm -23 - "$WORK/silent"); do
    echo "no test shows $alert silent (exp_alerts: [])"; ok=1
  done
  echo "$(wc -l <"$WORK/defined") alert/severity pairs, all tested firing; $(wc -l <"$WORK/silent") alerts tested silent"
  return $ok
}
check "every alert and severity fires in a test, every alert stays silent in one" coverage

severities() {
  local ok=0 sev
  for sev in $(awk '/^[ ]*severity:/ { print $2 }' $ALERTS | sort -u); do
    grep -qE "^[ ]*- matchers: \['severity=\"$sev\"'\]" $AM || { echo "severity $sev has no route in $AM"; ok=1; }
  done
  return $ok
}
check "every severity used by a rule has a route" severities

# ------------------------------------------------------------------ Alertmanager
echo "Alertmanager"
check "amtool check-config $AM" amtool check-config $AM
routes() {
  local ok=0 sev want got
  for sev in P0 P1 P2 none; do
    case $sev in none) want=bot-core-default ;; *) want="bot-core-$(tr 'P' 'p' <<<"$sev")" ;; esac
    got=$(amtool config routes test --config.file=$AM alertname=BotCoreTest service=engine severity=$sev 2>/dev/null)
    echo "severity=$sev -> $got"
    [ "$got" = "$want" ] || { echo "  expected $want"; ok=1; }
  done
  return $ok
}
check "amtool config routes test: P0, P1, P2 and unknown reach their receivers" routes

# ------------------------------------------------------------------ Grafana
echo "Grafana"
dashboards_valid() {
  local ok=0 f
  for f in "${DASHBOARDS[@]}"; do
    if ! jq -e . "$f" >/dev/null 2>&1; then echo "$f: not valid JSON"; ok=1; continue; fi
    jq -r --arg ds "$DS_UID" --arg f "$f" '
      [ (if (.uid | type) != "string" or .uid == "" then "no uid" else empty end),
        (if (.title | type) != "string" or .title == "" then "no title" else empty end),
        (if (.schemaVersion // 0) < 36 then "schemaVersion \(.schemaVersion) < 36" else empty end),
        (if (.panels | length) == 0 then "no panels" else empty end),
        ([.panels[] | (., .panels[]?) | .id] | if length != (unique | length) then "duplicate panel ids" else empty end),
        (.panels[] | (., .panels[]?) | select(.type != "row") |
           (if .gridPos == null then "panel \(.id) \(.title): no gridPos" else empty end),
           (if .datasource.uid != $ds then "panel \(.id) \(.title): datasource uid \(.datasource.uid) is not \($ds)" else empty end),
           (if ((.targets // []) | length) == 0 then "panel \(.id) \(.title): no targets" else empty end),
           (.targets[]? | select((.expr // "") == "") | "panel target \(.refId): empty expr"),
           (.targets[]? | select(.datasource.uid != $ds) | "panel target \(.refId): datasource uid is not \($ds)"))
      ] | .[] | "\($f): \(.)"' "$f" | grep . && ok=1
  done
  # the manual's five dashboards, unique uids
  local titles uids
  titles=$(jq -r .title "${DASHBOARDS[@]}" | sort | tr '\n' '|')
  [ "$titles" = "AI Service|Bot Core Overview|Core Engine|MongoDB Performance|System Resources|" ] ||
    { echo "dashboard titles are: $titles"; ok=1; }
  uids=$(jq -r .uid "${DASHBOARDS[@]}" | sort)
  [ "$(uniq <<<"$uids")" = "$uids" ] || { echo "duplicate dashboard uids"; ok=1; }
  grep -q "uid: $DS_UID" ops/grafana/provisioning/datasources/prometheus.yml ||
    { echo "datasource provisioning does not define uid $DS_UID"; ok=1; }
  grep -qE '^[ ]*type: file' ops/grafana/provisioning/dashboards/bot-core.yml ||
    { echo "dashboard provisioning has no file provider"; ok=1; }
  echo "${#DASHBOARDS[@]} dashboards: $(tr '|' ',' <<<"${titles%|}")"
  return $ok
}
check "dashboards: valid JSON, uid, title, schemaVersion, panels, datasource, targets; the five titles" dashboards_valid

dashboard_promql() {
  dashboard_exprs "${DASHBOARDS[@]}" >"$WORK/dash.tsv" || return 1
  jq -Rn '{groups: [{name: "dashboard-expressions", rules: [inputs | split("\t")
           | {record: (.[0] | gsub("[^A-Za-z0-9_:]"; "_") | "dashboard:" + .), expr: .[1]}]}]}' \
    <"$WORK/dash.tsv" >"$WORK/dashboard-exprs.yml" || return 1
  echo "$(wc -l <"$WORK/dash.tsv") expressions (panel targets and variable queries)"
  promtool check rules "$WORK/dashboard-exprs.yml"
}
check "every dashboard expression parses as PromQL (promtool check rules)" dashboard_promql

known_metrics() {
  local ok=0 name
  { documented_names; pending_names | sed 's/^/PENDING:/'
    rules_tsv $ALERTS | awk -F'\t' '$1 == "record" { print $2 }'; echo up; echo ALERTS; } >"$WORK/known"
  cut -f2 "$WORK/dash.tsv" >"$WORK/all-exprs"
  rules_tsv $ALERTS | cut -f3 >>"$WORK/all-exprs"
  metric_names <"$WORK/all-exprs" >"$WORK/used"
  while read -r name; do
    grep -qxF "$name" "$WORK/known" && continue
    grep -qxF "PENDING:$name" "$WORK/known" && continue
    local prefix found=1
    for prefix in $(sed -n 's/^PREFIX://p' "$WORK/known"); do [[ $name == "$prefix"* ]] && found=0; done
    [ $found -eq 0 ] && continue
    echo "unknown metric $name (not in docs/metrics.md nor in $PROM/README.md's pending list)"; ok=1
  done <"$WORK/used"
  echo "$(wc -l <"$WORK/used") metric names used; pending: $(pending_names | grep -cxFf - "$WORK/used")"
  return $ok
}
check "every metric name used is in docs/metrics.md or the pending list" known_metrics

# ------------------------------------------------------------------ logrotate
echo "logrotate"
# The shipped file names the bot-core account. The dry run on the real paths keeps it where it exists;
# elsewhere (a dev machine, CI) and for the rotations in the temporary folder the current user and group
# stand in for it, as an install under another account would.
logrotate_conf_for() {  # $1 = log folder to use instead of /opt/bot-core/logs, $2 = output, $3 = "keep" the account
  local user group
  if [ "${3:-}" = keep ] && id bot-core >/dev/null 2>&1; then user=bot-core; group=$(id -gn bot-core)
  else user=$(id -un); group=$(id -gn); fi
  sed -e "s#/opt/bot-core/logs#$1#g" -e "s/bot-core bot-core/$user $group/g" "$LOGROTATE_CONF" >"$2"
}
logrotate_policy() {
  local ok=0 d
  for d in daily "rotate 30" compress delaycompress notifempty copytruncate "create 0644"; do
    grep -qE "^[[:space:]]+$d([[:space:]]|\$)" "$LOGROTATE_CONF" || { echo "missing directive: $d"; ok=1; }
  done
  grep -q '^/opt/bot-core/logs/\*\.log {' "$LOGROTATE_CONF" || { echo "not for /opt/bot-core/logs/*.log"; ok=1; }
  return $ok
}
check "logrotate: the manual's policy for /opt/bot-core/logs/*.log" logrotate_policy

logrotate_dry_run() {
  mkdir -p "$WORK/dry/logs"
  logrotate_conf_for /opt/bot-core/logs "$WORK/dry/bot-core" keep # the real paths
  logrotate -d -s "$WORK/dry/state" "$WORK/dry/bot-core" || return 1
  echo "x" >"$WORK/dry/logs/engine.log"
  logrotate_conf_for "$WORK/dry/logs" "$WORK/dry/bot-core-tmp"    # and on an existing log
  logrotate -d -f -s "$WORK/dry/state" "$WORK/dry/bot-core-tmp" || return 1
  [ "$(ls "$WORK/dry/logs")" = "engine.log" ] || { echo "a dry run changed files"; return 1; }
}
check "logrotate -d (dry run) on the shipped config" logrotate_dry_run

logrotate_forced() {
  local dir="$WORK/rot/logs" conf="$WORK/rot/bot-core" state="$WORK/rot/state" i
  mkdir -p "$dir"
  logrotate_conf_for "$dir" "$conf"
  printf '2026-11-25T08:00:00.000Z INFO  engine http - GET /api/health 200 duration: 3ms\n' >"$dir/engine.log"
  : >"$dir/ai.log"
  chmod 0644 "$dir/engine.log" "$dir/ai.log"
  # The service keeps its file open in append mode, as logback's FileAppender does.
  exec 7>>"$dir/engine.log"
  echo "day 1 last line" >&7
  logrotate -f -s "$state" "$conf" || { exec 7>&-; return 1; }
  echo "day 2 first line" >&7
  [ -f "$dir/engine.log.1" ] && grep -q "day 1 last line" "$dir/engine.log.1" ||
    { echo "engine.log.1 missing or incomplete"; exec 7>&-; return 1; }
  [ "$(cat "$dir/engine.log")" = "day 2 first line" ] ||
    { echo "engine.log after copytruncate: $(od -c "$dir/engine.log" | head -3)"; exec 7>&-; return 1; }
  [ "$(stat -c %s "$dir/engine.log")" -eq 17 ] || { echo "the open writer left a hole in engine.log"; exec 7>&-; return 1; }
  [ "$(stat -c %a "$dir/engine.log")" = 644 ] || { echo "engine.log mode $(stat -c %a "$dir/engine.log")"; exec 7>&-; return 1; }
  [ ! -e "$dir/ai.log.1" ] || { echo "empty ai.log was rotated (notifempty)"; exec 7>&-; return 1; }
  logrotate -f -s "$state" "$conf" || { exec 7>&-; return 1; }
  [ -f "$dir/engine.log.1" ] && [ -f "$dir/engine.log.2.gz" ] && [ ! -e "$dir/engine.log.1.gz" ] ||
    { echo "delaycompress: expected engine.log.1 and engine.log.2.gz"; ls -l "$dir"; exec 7>&-; return 1; }
  gzip -t "$dir/engine.log.2.gz" && zgrep -q "day 1 last line" "$dir/engine.log.2.gz" ||
    { echo "engine.log.2.gz is not the first rotation, compressed"; exec 7>&-; return 1; }
  for i in $(seq 1 31); do
    echo "rotation $i" >&7
    logrotate -f -s "$state" "$conf" || { exec 7>&-; return 1; }
  done
  exec 7>&-
  [ -f "$dir/engine.log.30.gz" ] && [ ! -e "$dir/engine.log.31.gz" ] ||
    { echo "rotate 30: expected engine.log.30.gz and no engine.log.31.gz"; ls "$dir"; return 1; }
  echo "33 forced rotations: copytruncate keeps the open writer's file, .1 plain, .2..30 gzip, 30 kept, empty files skipped"
}
check "logrotate -f (real forced rotations) on a temporary copy" logrotate_forced

# ------------------------------------------------------------------ daily health check
echo "Daily health check"
daily_check() {
  local d="$WORK/daily" ep ap out rc now
  mkdir -p "$d/www/api/v1/binance" "$d/www/api/ai" "$d/home/backups" "$d/home/logs"
  echo '{"status":"healthy"}' >"$d/www/health"
  mkdir -p "$d/www/api" && echo '{"status":"healthy"}' >"$d/www/api/health"
  echo '{"status":"ok"}' >"$d/www/api/v1/binance/ping"
  echo '{"status":"healthy","model":"none"}' >"$d/www/api/ai/status"
  now=$(date -u +%FT%TZ)
  echo "$now Backup completed: $(date -u +%Y%m%d-%H%M%S) collections=9 documents=4" >"$d/home/backups/backup.log"
  echo "$(date -u +%FT%T.000Z) ERROR engine trading - order failed" >"$d/home/logs/engine.log"
  printf '#!/bin/sh\necho "engine up"\n' >"$d/status-up"; printf '#!/bin/sh\necho "engine down"; exit 1\n' >"$d/status-down"
  chmod +x "$d/status-up" "$d/status-down"
  ep=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  ap=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  (cd "$d/www" && exec python3 -m http.server "$ep" --bind 127.0.0.1 >/dev/null 2>&1) & local p1=$!
  (cd "$d/www" && exec python3 -m http.server "$ap" --bind 127.0.0.1 >/dev/null 2>&1) & local p2=$!
  for _ in $(seq 50); do curl -s "http://127.0.0.1:$ap/health" >/dev/null && curl -s "http://127.0.0.1:$ep/health" >/dev/null && break; sleep 0.1; done
  local env=(BOTCORE_HOME="$d/home" ENGINE_URL="http://127.0.0.1:$ep" AI_URL="http://127.0.0.1:$ap" BOT_CORE="$d/status-up")
  out=$(env "${env[@]}" scripts/daily-health-check.sh 2>&1); rc=$?
  echo "$out" | tail -3
  [ $rc -eq 0 ] && grep -q "0 problems, 1 warnings" <<<"$out" && grep -q "1 ERROR lines" <<<"$out" ||
    { echo "healthy fixture: exit $rc"; echo "$out"; kill $p1 $p2; return 1; }
  echo "$now Backup FAILED: x disk full" >>"$d/home/backups/backup.log"
  out=$(env "${env[@]}" BOT_CORE="$d/status-down" scripts/daily-health-check.sh 2>&1); rc=$?
  kill $p1 $p2
  [ $rc -eq 1 ] && grep -q "2 problems" <<<"$out" && grep -q "newest backup run failed" <<<"$out" ||
    { echo "failing fixture: exit $rc"; echo "$out"; return 1; }
  echo "healthy fixture: exit 0 with the ERROR line as a warning; a service down and a failed backup: exit 1"
}
check "scripts/daily-health-check.sh against fixture endpoints, logs and backup.log" daily_check

# ------------------------------------------------------------------ deployment
echo "Deployment"
compose_config() {
  local d="$WORK/compose"
  mkdir -p "$d" && cp -r docker-compose.yml ops "$d/" && : >"$d/.env"
  (cd "$d" && GRAFANA_ADMIN_PASSWORD=check docker-compose config -q) || return 1
  local services
  services=$(cd "$d" && GRAFANA_ADMIN_PASSWORD=check docker-compose config --services | sort | tr '\n' ' ')
  echo "services: $services"
  [ "$services" = "ai alertmanager engine grafana mongodb nginx prometheus redis " ] || { echo "unexpected services"; return 1; }
  # read the whole output first: `cmd | grep -q` ends the pipe early and, under pipefail, fails on the SIGPIPE
  local rendered
  rendered=$(cd "$d" && GRAFANA_ADMIN_PASSWORD=check docker-compose config) || return 1
  grep -q 'published: 3001' <<<"$rendered" || grep -q '3001:3000' <<<"$rendered" || { echo "grafana not on 3001"; return 1; }
}
check "docker-compose config -q (the eight services, Grafana on 3001)" compose_config

# nginx_conf DIR ENGINE_PORTS AI_PORT: a runnable copy of ops/nginx with local upstreams, listening on $LISTEN
nginx_conf() {
  local d="$1" engines="$2" ai="$3" listen="$4" servers="" p
  mkdir -p "$d/conf.d" "$d/logs"
  for p in $engines; do servers="$servers    server 127.0.0.1:$p;\n"; done
  awk -v s="$servers" -v ai="$ai" '
    /server engine:8080/ { printf "%s", s; next }
    /server ai:8000/ { print "    server 127.0.0.1:" ai ";"; next }
    { print }' ops/nginx/bot-core.conf | sed "s/listen 80;/listen 127.0.0.1:$listen;/" >"$d/conf.d/bot-core.conf"
  sed -e "s#/etc/nginx/conf.d#$d/conf.d#" -e "s#/var/log/nginx#$d/logs#" -e "s#/tmp/nginx.pid#$d/nginx.pid#" \
      ops/nginx/nginx.conf | sed "1a error_log $d/logs/error.log;" >"$d/nginx.conf"
}
nginx_syntax() {
  nginx_conf "$WORK/nginx-t" "8080 8081" 8000 8088
  nginx -t -p "$WORK/nginx-t" -c "$WORK/nginx-t/nginx.conf" 2>&1 || return 1
  grep -q 'least_conn;' ops/nginx/bot-core.conf && grep -q 'proxy_set_header Upgrade \$http_upgrade;' ops/nginx/bot-core.conf
}
check "nginx -t on ops/nginx (least_conn upstreams, WebSocket upgrade)" nginx_syntax

nginx_live() {
  local d="$WORK/nginx-live" e1 e2 ai listen pids=() out ok=0 i
  mkdir -p "$d"
  cat >"$d/echo.py" <<'PY'
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
name, port = sys.argv[1], int(sys.argv[2])
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        body = json.dumps({"backend": name, "path": self.path, "upgrade": self.headers.get("Upgrade"),
                           "connection": self.headers.get("Connection"),
                           "forwarded_for": self.headers.get("X-Forwarded-For")}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
PY
  read -r e1 e2 ai listen < <(python3 -c 'import socket
ss=[socket.socket() for _ in range(4)]
[s.bind(("127.0.0.1",0)) for s in ss]
print(*[s.getsockname()[1] for s in ss])')
  python3 "$d/echo.py" engine-1 "$e1" & pids+=($!)
  python3 "$d/echo.py" engine-2 "$e2" & pids+=($!)
  python3 "$d/echo.py" ai "$ai" & pids+=($!)
  nginx_conf "$d" "$e1 $e2" "$ai" "$listen"
  nginx -p "$d" -c "$d/nginx.conf" || { kill "${pids[@]}"; return 1; }
  for i in $(seq 100); do
    curl -sf "http://127.0.0.1:$e1/" >/dev/null && curl -sf "http://127.0.0.1:$e2/" >/dev/null &&
      curl -sf "http://127.0.0.1:$ai/" >/dev/null && break
    sleep 0.1
  done
  for i in 1 2 3 4 5 6; do curl -s "http://127.0.0.1:$listen/api/health" | jq -r .backend; done | sort | uniq -c >"$d/spread"
  cat "$d/spread"
  [ "$(wc -l <"$d/spread")" -eq 2 ] || { echo "requests did not reach both engines"; ok=1; }
  out=$(curl -s -H 'Upgrade: websocket' -H 'Connection: Upgrade' "http://127.0.0.1:$listen/ws?token=x")
  echo "/ws -> $out"
  [ "$(jq -r '.upgrade + " " + .connection' <<<"$out")" = "websocket upgrade" ] || { echo "upgrade headers not passed"; ok=1; }
  [ "$(curl -s "http://127.0.0.1:$listen/api/ai/status" | jq -r .backend)" = "ai" ] || { echo "/api/ai/ not routed to ai"; ok=1; }
  [ "$(curl -s "http://127.0.0.1:$listen/api/health" | jq -r .forwarded_for)" = "127.0.0.1" ] || { echo "no X-Forwarded-For"; ok=1; }
  nginx -p "$d" -c "$d/nginx.conf" -s stop
  kill "${pids[@]}"
  return $ok
}
check "nginx serving for real: least_conn over two engines, /ws upgrade headers, /api/ai/ to the AI service" nginx_live

systemd_units() {
  local d="$WORK/systemd" f
  mkdir -p "$d"
  for f in ops/systemd/*; do sed "s#/opt/bot-core#$ROOT#g" "$f" >"$d/$(basename "$f")"; done
  systemd-analyze verify --man=no "$d"/*.service "$d"/*.timer
}
check "systemd-analyze verify ops/systemd units" systemd_units

# ------------------------------------------------------------------ summary
ELAPSED=$(( $(date +%s) - START ))
echo
if [ ${#FAILED[@]} -eq 0 ]; then
  echo "test-ops: all $PASSED checks passed (${ELAPSED}s)"
  exit 0
fi
echo "test-ops: ${#FAILED[@]} of $((PASSED + ${#FAILED[@]})) checks FAILED (${ELAPSED}s):"
printf '  - %s\n' "${FAILED[@]}"
exit 1
