#!/usr/bin/env bash
# Runs every test; exits non-zero on any failure.
#   formatting and lints (native and wasm32), native unit and property tests,
#   component tests in headless Chromium (wasm-bindgen-test), the release build,
#   and end-to-end tests of dist/ served on 127.0.0.1 (playwright-core + axe-core).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

say "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

say "Lints (clippy, native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
# The returns worker (and the workbook code behind the `xlsx` feature).
cargo clippy --all-targets --features xlsx -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --features xlsx --bin returns_worker -- -D warnings

say "Native unit and property tests (cargo test, with the workbooks' xlsx feature)"
cargo test --features xlsx

say "Component tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test components

say "Release build of dist/ (trunk)"
trunk build --release

say "End-to-end tests against dist/ on 127.0.0.1 (node --test)"
node --test --test-reporter=spec tests/e2e/*.test.mjs

say "All tests passed"
