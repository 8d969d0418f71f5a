#!/usr/bin/env bash
# Builds the release dist/ and serves it on http://127.0.0.1:8080/ (PORT to change).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
printf '\n==> Building the release dist/\n'
trunk build --release
exec node tests/e2e/serve.mjs dist "${PORT:-8080}"
