#!/usr/bin/env bash
# Installs the local SES v2 emulator (aws-ses-v2-local, pinned in package.json and package-lock.json)
# into tests/emulator/node_modules with `npm ci`. Idempotent: when node_modules already matches the
# committed lock file (same SHA-256 as recorded in node_modules/.install-stamp), it does nothing.
# SesEmulatorFixture applies the same rule, so `dotnet test` also works without this script.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

stamp_file=node_modules/.install-stamp
entry=node_modules/aws-ses-v2-local/package.json
lock_hash="$(sha256sum package-lock.json | cut -d ' ' -f 1)"

if [[ -f "$stamp_file" && -f "$entry" && "$(cat "$stamp_file")" == "$lock_hash" ]]; then
  echo "emulator: aws-ses-v2-local already installed ($(node -p "require('./$entry').version"))"
  exit 0
fi

echo "emulator: npm ci in $(pwd)"
npm ci --no-audit --no-fund
printf '%s' "$lock_hash" > "$stamp_file"
echo "emulator: installed aws-ses-v2-local $(node -p "require('./$entry').version")"
