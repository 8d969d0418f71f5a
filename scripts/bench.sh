#!/usr/bin/env bash
# The benchmark command: builds the release dist/ and prints timings measured in
# headless Chromium. Not part of scripts/test.sh: it reports figures, it does not
# pass or fail. Pass a name to run one benchmark (e.g. `./scripts/bench.sh import`):
# import, filter, summary, pack, startup, save, size, lighthouse, repeat, undo, returns.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
# Lighthouse is for this command only, so it is installed here on first use, not
# by setup.sh: the test command's fresh-machine set-up does not fetch its 146
# packages (about 110 MB). Exactly as locked in tests/bench/lighthouse/.
if [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qx lighthouse; then
  lh="$ROOT/tests/bench/lighthouse"
  lh_sum="$(sha256sum "$lh/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$lh/node_modules/.installed-from-lock" 2>/dev/null || true)" != "$lh_sum" ]; then
    say "Installing Lighthouse from tests/bench/lighthouse/package-lock.json (first use, about 30 s)"
    (cd "$lh" && npm ci --no-audit --no-fund)
    echo "$lh_sum" > "$lh/node_modules/.installed-from-lock"
  fi
fi
say "Release build of dist/ (trunk)"
trunk build --release
say "Benchmarks (headless Chromium, $(nproc) cores)"
node tests/bench/run.mjs "$@"
