#!/usr/bin/env bash
# The benchmark command: builds the release dist/ and prints timings measured in
# headless Chromium. Not part of scripts/test.sh: it reports figures, it does not
# pass or fail. Pass a name to run one benchmark (e.g. `./scripts/bench.sh import`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
say "Release build of dist/ (trunk)"
trunk build --release
say "Benchmarks (headless Chromium, $(nproc) cores)"
node tests/bench/run.mjs "$@"
