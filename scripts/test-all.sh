#!/usr/bin/env bash
# npm test: everything, in the order that fails fastest: types, lint, build, then unit, integration and
# end-to-end tests inside a private D-Bus session with an unlocked GNOME Keyring (the real Secret Service).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$1"; }

step "Native modules for Node"
scripts/ensure-node-natives.sh
step "Typecheck"
npm run --silent typecheck
step "Lint"
npm run --silent lint
step "Build (electron-vite)"
npm run --silent build
step "Unit, integration and end-to-end tests (vitest; e2e in Chromium through Playwright)"
scripts/with-keychain.sh npx vitest run --project unit --project integration --project e2e
