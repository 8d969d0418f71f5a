#!/usr/bin/env bash
# Shared set-up for scripts/serve.sh and scripts/test.sh. Installs what is missing
# and skips what is present, so a second run takes seconds:
#   the wasm32 target, trunk 0.21.14, the wasm-bindgen CLI of Cargo.lock's version,
#   Debian's chromium, chromium-driver, poppler-utils, libreoffice-writer-nogui,
#   libreoffice-calc-nogui, python3-docx and python3-openpyxl, the npm tools from
#   package-lock.json (binaryen's wasm-opt, playwright-core, axe-core), and crates.
# Source it: it exports PATH with npm's wasm-opt first (never Debian's).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
say() { printf '\n==> %s\n' "$*"; }

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

# wasm-bindgen CLI must equal the library version in Cargo.lock, and Trunk.toml's pin.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
if ! grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" "$ROOT/Trunk.toml"; then
  echo "Trunk.toml pins a wasm_bindgen other than Cargo.lock's $WASM_BINDGEN_VERSION: make them equal." >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
   || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 7 minutes)"
  # No --locked: its lockfile pins a webpki-roots the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

missing_debs=()
command -v chromium >/dev/null || missing_debs+=(chromium)
command -v chromedriver >/dev/null || missing_debs+=(chromium-driver)
command -v pdftotext >/dev/null || missing_debs+=(poppler-utils)
# Reading the exported Word document as its users' software would: LibreOffice
# renders it to PDF (about 3 minutes, ~300 MB on a fresh machine) and Debian's
# python-docx, which belongs to /usr/bin/python3 (not any other python3 on PATH).
command -v soffice >/dev/null || missing_debs+=(libreoffice-writer-nogui)
/usr/bin/python3 -c 'import docx' >/dev/null 2>&1 || missing_debs+=(python3-docx)
# The lead officers' return workbooks, read as Excel users' software would:
# LibreOffice Calc converts them to CSV, Debian's openpyxl reads and edits them.
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || missing_debs+=(libreoffice-calc-nogui)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || missing_debs+=(python3-openpyxl)
# A real password-protected workbook for the bad-returns test: msoffcrypto-tool
# (PyPI, pure Python, ~3 s) encrypts one as Excel does; its libraries are Debian's.
/usr/bin/python3 -c 'import cryptography' >/dev/null 2>&1 || missing_debs+=(python3-cryptography)
/usr/bin/python3 -c 'import olefile' >/dev/null 2>&1 || missing_debs+=(python3-olefile)
if [ ${#missing_debs[@]} -gt 0 ]; then
  say "Installing ${missing_debs[*]} from Debian"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing_debs[@]}"
fi

if [ ! -d "$ROOT/.tools/python/msoffcrypto" ]; then
  say "Installing msoffcrypto-tool 6.1.0 from PyPI into .tools/python"
  /usr/bin/python3 -m pip install -q --disable-pip-version-check --target "$ROOT/.tools/python" --no-deps msoffcrypto-tool==6.1.0
fi

# npm tools, exactly as locked; skipped when the installed tree matches the lock.
stamp="$ROOT/node_modules/.installed-from-lock"
lock_sum="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_sum" ]; then
  say "Installing npm tools from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
  echo "$lock_sum" > "$stamp"
fi

if [ "$(command -v wasm-opt)" != "$ROOT/node_modules/.bin/wasm-opt" ]; then
  echo "wasm-opt on PATH is $(command -v wasm-opt), not npm binaryen's." >&2
  exit 1
fi

# Trunk builds offline (cargo --offline), so every crate must be here first.
(cd "$ROOT" && cargo fetch --quiet)
