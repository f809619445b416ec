#!/usr/bin/env bash
# Installs the MongoDB shell 1.x (mongosh@1.10.6 from npm) under .tools/mongosh when it is missing.
# mongosh 2.x needs wire version 9, which the embedded database does not report.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/.tools/mongosh"
VERSION=1.10.6
if [ -x "$DIR/node_modules/.bin/mongosh" ] && "$DIR/node_modules/.bin/mongosh" --version 2>/dev/null | grep -qx "$VERSION"; then
  exit 0
fi
command -v npm >/dev/null || { echo "install-mongosh: npm is needed (Debian package npm)" >&2; exit 1; }
echo "install-mongosh: installing mongosh@$VERSION into $DIR (npm) ..."
mkdir -p "$DIR"
npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error "mongosh@$VERSION" >/dev/null
"$DIR/node_modules/.bin/mongosh" --version
