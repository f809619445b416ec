#!/usr/bin/env bash
# The manual's /opt/bot-core/scripts/backup.sh: one backup run (database archive in the mongodump
# --archive --gzip format, config-<date>.tar.gz, manifest.json with SHA-256 sums, upload to the S3 bucket
# when BACKUP_S3_BUCKET / backup.s3_bucket is set, retention 30 daily / 12 weekly / 12 monthly / 7 yearly,
# a line in backups/backup.log). Exit status is the backup's: 0 done, 1 failed (see backups/backup.log).
#
# Cron (ops/cron/bot-core, the manual's line; 02:00 UTC on a host whose cron runs in UTC):
#   0 2 * * * /opt/bot-core/scripts/backup.sh >> /var/log/bot-core-backup.log 2>&1
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
echo "=== backup $(date -u +%FT%TZ) ==="
exec "$ROOT/bot-core" backup "$@"
