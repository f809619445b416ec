#!/usr/bin/env bash
# The manual's ./scripts/bot.sh: `bot.sh status` prints the service table (exit 1 when any is down);
# any other subcommand is passed to ./bot-core.
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bot-core" "${@:-status}"
