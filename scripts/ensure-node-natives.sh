#!/usr/bin/env bash
# better-sqlite3 is a native module built for one runtime at a time. `npm start` rebuilds it for Electron;
# the tests and the CLI run under Node. Rebuild it for Node only when it does not load (about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! node -e "new (require('better-sqlite3'))(':memory:').close()" >/dev/null 2>&1; then
  echo "better-sqlite3 is built for another runtime (Electron?): rebuilding it for Node…"
  npm rebuild better-sqlite3
fi
