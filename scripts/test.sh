#!/usr/bin/env bash
# ./bot-core test: installs what the tests need when it is missing (Debian and npm packages), then builds
# every module and runs every test: unit, Spring integration, fake-Binance and end-to-end (the launcher run
# as a user would, with the manual's curl/jq and mongosh checks).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

need_apt=()
for tool in curl jq; do
  command -v "$tool" >/dev/null || need_apt+=("$tool")
done
[ -x /usr/bin/redis-server ] || need_apt+=(redis-server)
# the dashboard's browser tests (engine DashboardBrowserTest) drive Debian's headless Chromium
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "test: installing ${need_apt[*]} (Debian) ..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

"$ROOT/scripts/install-mongosh.sh"
export MONGOSH="$ROOT/.tools/mongosh/node_modules/.bin/mongosh"

echo "test: checking the operations kit (promtool, amtool, logrotate) ..."
"$ROOT/scripts/test-ops.sh"

echo "test: building and running every test (mvn verify) ..."
exec mvn -B -ntp "$@" verify
