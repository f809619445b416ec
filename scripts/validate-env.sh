#!/usr/bin/env bash
# The manual's ./scripts/validate-env.sh: checks every setting, secret and file; exit 1 on any problem.
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bot-core" validate-env "$@"
