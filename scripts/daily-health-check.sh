#!/usr/bin/env bash
# The manual's morning checklist (daily-health-check.sh) for Bot Core: services, health endpoints, disk,
# errors of the last 24 h, the latest backup, Binance and the AI service. One line per check, then a
# summary; exit 0 when nothing needs attention, 1 when something does (a service down, disk above 90 %,
# no successful backup within BACKUP_MAX_AGE, the newest backup run failed). Errors in the logs and an
# unreachable Binance are reported as warnings.
#
#   scripts/daily-health-check.sh
#   cron (ops/cron/bot-core): 0 9 * * * bot-core /opt/bot-core/scripts/daily-health-check.sh >> /var/log/bot-core-health.log 2>&1
#
# Environment: ENGINE_URL (http://localhost:8080), AI_URL (http://localhost:8000), BOTCORE_HOME (the install
# folder: logs/, data/, backups/), BACKUP_MAX_AGE seconds (7200: two hourly backup intervals),
# DISK_LIMIT percent (90), BOT_CORE (the launcher, for `status`).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOME_DIR="${BOTCORE_HOME:-$ROOT}"
ENGINE="${ENGINE_URL:-http://localhost:8080}"
AI="${AI_URL:-http://localhost:8000}"
MAX_AGE="${BACKUP_MAX_AGE:-7200}"
DISK_LIMIT="${DISK_LIMIT:-90}"
BOT_CORE="${BOT_CORE:-$ROOT/bot-core}"
PROBLEMS=0
WARNINGS=0
problem() { echo "  PROBLEM $*"; PROBLEMS=$((PROBLEMS + 1)); }
warning() { echo "  WARNING $*"; WARNINGS=$((WARNINGS + 1)); }
ok() { echo "  ok      $*"; }

echo "=== Daily Health Check - $(date -u +%FT%TZ) ==="

echo "1. Service health"
if "$BOT_CORE" status; then ok "all services up"; else problem "a service is down (table above)"; fi
for svc in "engine $ENGINE/api/health" "ai $AI/health"; do
  set -- $svc
  state=$(curl -s -m 10 "$2" | jq -r '.status // "unknown"' 2>/dev/null)
  case "$state" in
    healthy) ok "$1: healthy" ;;
    degraded|maintenance) warning "$1: $state" ;;
    *) problem "$1: ${state:-no answer} ($2)" ;;
  esac
done

echo "2. Resource usage"
for pid in $(pgrep -f 'bot-core.jar (engine|ai|db)' 2>/dev/null); do
  ps -o pid=,rss=,pcpu=,args= -p "$pid" | awk '{ printf "  %-7s %6.0f MB RSS %5s%% CPU  %s %s\n", $1, $2 / 1024, $3, $5, $6 }'
done

echo "3. Disk space"
for dir in "$HOME_DIR/data" "$HOME_DIR/logs" "$HOME_DIR/backups"; do
  [ -d "$dir" ] || continue
  used=$(df -P "$dir" | awk 'NR == 2 { sub(/%/, "", $5); print $5 }')
  if [ "$used" -ge "$DISK_LIMIT" ]; then problem "$dir: ${used}% used (limit ${DISK_LIMIT}%)"; else ok "$dir: ${used}% used"; fi
done

echo "4. Errors in the last 24 hours"
since=$(date -u -d '24 hours ago' +%FT%T)
errors=$(zcat -f "$HOME_DIR"/logs/engine*.log* "$HOME_DIR"/logs/ai*.log* 2>/dev/null | awk -v s="$since" '$1 >= s && $2 == "ERROR"')
count=$(printf '%s' "$errors" | grep -c . || true)
if [ "$count" -gt 0 ]; then
  warning "$count ERROR lines since $since; the last ones:"
  printf '%s\n' "$errors" | sort | tail -20 | cut -c1-200 | sed 's/^/          /'
else
  ok "no ERROR lines since $since"
fi

echo "5. Latest backup"
ls -lht "$HOME_DIR/backups/" 2>/dev/null | head -5
log="$HOME_DIR/backups/backup.log"
last_ok=$(grep ' Backup completed: ' "$log" 2>/dev/null | tail -1)
last=$(tail -1 "$log" 2>/dev/null)
if [ -z "$last_ok" ]; then
  problem "no successful backup in $log"
else
  age=$(( $(date +%s) - $(date -d "${last_ok%% *}" +%s) ))
  if [ "$age" -gt "$MAX_AGE" ]; then problem "latest successful backup is ${age}s old (limit ${MAX_AGE}s): $last_ok"
  else ok "latest successful backup ${age}s ago: ${last_ok#* Backup completed: }"; fi
fi
case "$last" in *"Backup FAILED"*) problem "the newest backup run failed: $last" ;; esac

echo "6. External APIs"
ping=$(curl -s -m 10 "$ENGINE/api/v1/binance/ping")
echo "  binance: $ping"
[ "$(jq -r '.status // empty' <<<"$ping" 2>/dev/null)" = "ok" ] || warning "Binance is not reachable from the engine"
status=$(curl -s -m 10 "$AI/api/ai/status")
echo "  ai: $status"
[ -n "$status" ] || problem "the AI service does not answer /api/ai/status"

echo "=== Health Check Complete: $PROBLEMS problems, $WARNINGS warnings ==="
[ "$PROBLEMS" -eq 0 ]
