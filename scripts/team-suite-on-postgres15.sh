#!/usr/bin/env bash
# The team suite once more, against Debian's PostgreSQL 15 (the embedded server in `npm test` is 18.x), to
# cover an older major version: a throwaway cluster on a free loopback port, removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=/usr/lib/postgresql/15/bin
if [ ! -x "$bin/postgres" ]; then
  echo "PostgreSQL 15 is not installed (apt-get install postgresql-15)" >&2
  exit 1
fi
dir=$(mktemp -d)
password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
printf '%s\n' "$password" >"$dir/pwfile"
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
cleanup() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
as_owner "$bin/initdb" -D "$dir/data" -U postgres -A scram-sha-256 --pwfile="$dir/pwfile" >/dev/null
as_owner "$bin/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
# The restart test stops and starts the server (pg_ctl keeps the options it was started with).
if [ "$(id -u)" = 0 ]; then owner="runuser -u postgres --"; else owner=""; fi
export AUTHDESK_TEST_DATABASE_RESTART="$owner $bin/pg_ctl -D $dir/data -w -m fast -l $dir/server.log restart >/dev/null"
AUTHDESK_TEST_DATABASE_URL="postgres://postgres:$password@127.0.0.1:$port/postgres" \
  scripts/with-keychain.sh npx vitest run test/integration/features/team test/integration/cli/team-cli.test.ts
