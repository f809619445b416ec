#!/usr/bin/env bash
# The manual's ./scripts/generate-secrets.sh: writes fresh secrets into .env (mode 0600), backing up the old file.
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bot-core" generate-secrets "$@"
