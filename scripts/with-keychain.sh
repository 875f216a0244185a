#!/usr/bin/env bash
# Runs its arguments inside a private D-Bus session with gnome-keyring's Secret Service unlocked by a throwaway
# password, so tests exercise the real OS keychain (@napi-rs/keyring) on Linux without touching the user's own.
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keychain.sh COMMAND [ARGS...]" >&2
  exit 2
fi
exec dbus-run-session -- bash -c 'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' _ "$@"
