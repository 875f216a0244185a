#!/usr/bin/env bash
# Runs its arguments inside a private D-Bus session with gnome-keyring's Secret Service unlocked by a throwaway
# password, so tests exercise the real OS keychain (@napi-rs/keyring) on Linux without touching the user's own.
# The keyring files live in a throwaway data folder too: two runs at once (or the user's own keyring) never
# share a keyring file, which gnome-keyring does not expect.
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keychain.sh COMMAND [ARGS...]" >&2
  exit 2
fi
keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/authdesk-keyring.XXXXXX")
trap 'rm -rf "$keyring_home"' EXIT
status=0
XDG_DATA_HOME="$keyring_home" dbus-run-session -- bash -c \
  'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' _ "$@" || status=$?
exit "$status"
