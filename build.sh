#!/usr/bin/env bash
# The one entry point for Undertone: setup, build, test, serve, bench and the page tools.
#
#   ./build.sh setup          install what the build needs (idempotent; each step skipped when done)
#   ./build.sh build          setup, then wasm core + JS glue, native CLI, extension, demo page, store zips
#   ./build.sh test           setup, build, then every check CI runs (.ci/run calls exactly this)
#   ./build.sh serve          setup, build, then serve the demo on http://127.0.0.1:${PORT:-8080}/
#   ./build.sh sizes          setup, build, then measure the wasm with and without the entity part
#   ./build.sh bench          setup, build, then time the core in headless Chromium (+ page-load-to-badge)
#   ./build.sh analyze-pages  setup, build, then `node tests/e2e/analyze-pages.mjs "$@"`
#   ./build.sh screenshots    setup, build, then refresh docs/ screenshots (tests/e2e/screenshots.mjs)
#
# Toolchain facts behind the choices below: shared TOOLCHAIN.md (wasm-bindgen-cli without
# --locked, Debian's chromium + chromium-driver, npm's binaryen for wasm-opt, never Debian's).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

# A user may point CARGO_HOME somewhere fresh: `cargo install` puts binaries in its bin/.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
WASM_TARGET=wasm32-unknown-unknown
DIST=$ROOT/dist
PKG=$DIST/pkg
CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver
# Features current rustc enables by default for wasm32 that wasm-opt must accept and keep.
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() {
  printf 'build.sh: %s\n' "$*" >&2
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }
bytes() { wc -c <"$1" | tr -d ' '; }
gz_bytes() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
human() { awk -v b="$1" 'BEGIN { if (b >= 1048576) printf "%.2f MiB", b / 1048576; else printf "%.1f KiB", b / 1024 }'; }

# Runs a command as root: directly, through sudo, or not at all (returns 1).
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif have sudo; then
    sudo "$@"
  else
    return 1
  fi
}

# The exact wasm-bindgen version Cargo.lock resolved (the CLI must match it to the digit).
locked_version() {
  awk -v name="$1" '$1 == "name" && $3 == "\"" name "\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

# --------------------------------------------------------------------------------------------
# setup

cmd_setup() {
  say "setup"
  have cargo || die "cargo not found: install Rust with rustup (https://rustup.rs), then rerun ./build.sh setup"
  have rustup || die "rustup not found: the wasm target is installed with rustup; install Rust with rustup"

  if rustup target list --installed | grep -qx "$WASM_TARGET"; then
    note "rust target $WASM_TARGET: installed"
  else
    note "rust target $WASM_TARGET: installing"
    rustup target add "$WASM_TARGET" || die "could not install the $WASM_TARGET target (rustup target add $WASM_TARGET)"
  fi

  local component
  for component in rustfmt clippy; do
    if rustup component list --installed 2>/dev/null | grep -q "^$component"; then
      note "rust component $component: installed"
    else
      note "rust component $component: installing"
      rustup component add "$component" || die "could not install $component (rustup component add $component)"
    fi
  done

  local wbg
  wbg=$(locked_version wasm-bindgen)
  [ -n "$wbg" ] || die "no wasm-bindgen in Cargo.lock; run cargo generate-lockfile"
  if have wasm-bindgen && [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $wbg" ] &&
    have wasm-bindgen-test-runner; then
    note "wasm-bindgen-cli $wbg: installed"
  else
    # No --locked: the CLI's own lockfile pins a webpki-roots release the registry does not serve.
    note "wasm-bindgen-cli $wbg: installing (cargo install, about 3 to 5 minutes)"
    cargo install wasm-bindgen-cli --version "$wbg" ||
      die "could not install wasm-bindgen-cli $wbg (cargo install wasm-bindgen-cli --version $wbg)"
  fi

  if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
    note "chromium + chromedriver: installed"
  else
    note "chromium + chromedriver: installing from Debian (apt-get)"
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update ||
      ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver; then
      die "could not install Chromium; as root run: apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver"
    fi
    [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ] || die "apt-get ran but $CHROMIUM or $CHROMEDRIVER is still missing"
  fi

  have node && have npm || die "node and npm not found: install Node.js 20 or later (with npm), then rerun ./build.sh setup"
  # npm ci rewrites node_modules/.package-lock.json; an older one means the lockfile changed since.
  if [ -f node_modules/.package-lock.json ] && ! [ package-lock.json -nt node_modules/.package-lock.json ]; then
    note "node_modules: up to date with package-lock.json"
  else
    note "node_modules: npm ci"
    npm ci --no-audit --no-fund || die "npm ci failed (see above)"
    touch node_modules/.package-lock.json
  fi
}

# --------------------------------------------------------------------------------------------
# build

build_wasm() {
  say "wasm core (cargo build --release --target $WASM_TARGET)"
  cargo build --lib --release --target "$WASM_TARGET"
  local raw=$TARGET_DIR/$WASM_TARGET/release/undertone.wasm
  [ -f "$raw" ] || die "cargo did not produce $raw"

  say "JS glue (wasm-bindgen --target web)"
  rm -rf "$PKG"
  wasm-bindgen --target web --out-name undertone --out-dir "$PKG" "$raw"

  say "wasm-opt (binaryen from node_modules; -O3 and -Oz, the smaller gzipped wins)"
  optimize_wasm "$PKG/undertone_bg.wasm"
}

# optimize_wasm FILE: FILE rewritten by wasm-opt -O3 or -Oz, whichever gzips smaller.
optimize_wasm() {
  local opt=node_modules/.bin/wasm-opt wasm=$1 tmp
  [ -x "$opt" ] || die "node_modules/.bin/wasm-opt missing: run ./build.sh setup"
  tmp=$(mktemp -d)
  "$opt" -O3 "${WASM_OPT_FEATURES[@]}" "$wasm" -o "$tmp/O3.wasm"
  "$opt" -Oz "${WASM_OPT_FEATURES[@]}" "$wasm" -o "$tmp/Oz.wasm"
  local o3 oz
  o3=$(gz_bytes "$tmp/O3.wasm")
  oz=$(gz_bytes "$tmp/Oz.wasm")
  if [ "$o3" -le "$oz" ]; then
    note "-O3 $o3 B gz <= -Oz $oz B gz: keeping -O3"
    mv "$tmp/O3.wasm" "$wasm"
  else
    note "-Oz $oz B gz < -O3 $o3 B gz: keeping -Oz"
    mv "$tmp/Oz.wasm" "$wasm"
  fi
  rm -rf "$tmp"
}

build_cli() {
  say "native CLI (cargo build --release --bin undertone)"
  cargo build --release --bin undertone
}

build_extension() {
  if [ -f extension/build.mjs ]; then
    say "extension (node extension/build.mjs)"
    node extension/build.mjs --pkg "$PKG" --out "$DIST"
  else
    say "extension: skipped (extension/build.mjs does not exist yet)"
  fi
}

build_www() {
  say "demo page (dist/www)"
  local www=$DIST/www rd=node_modules/@mozilla/readability
  rm -rf "$www"
  mkdir -p "$www/vendor"
  cp -R www/. "$www/"
  find "$www" -name '*.d.ts' -delete # type-check-only declarations
  cp -R "$PKG" "$www/pkg"
  # CommonJS-ish files that also declare a global function: loaded as classic scripts.
  cp "$rd/Readability.js" "$rd/Readability-readerable.js" "$rd/LICENSE.md" "$www/vendor/"
}

# zip_dir DIR ZIP: a store upload of DIR's contents (paths relative to DIR), fixed timestamps.
zip_dir() {
  python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            info = zipfile.ZipInfo(os.path.relpath(path, src), date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(path, "rb") as f:
                z.writestr(info, f.read())
PY
}

build_zips() {
  say "store zips"
  rm -f "$DIST/undertone-chrome.zip" "$DIST/undertone-firefox.zip"
  if [ -d "$DIST/extension" ]; then zip_dir "$DIST/extension" "$DIST/undertone-chrome.zip"; else note "no dist/extension: no Chrome zip"; fi
  if [ -d "$DIST/firefox" ]; then zip_dir "$DIST/firefox" "$DIST/undertone-firefox.zip"; else note "no dist/firefox: no Firefox zip"; fi
}

print_sizes() {
  say "sizes"
  local wasm=$PKG/undertone_bg.wasm js=$PKG/undertone.js f
  printf '    %-28s %10s raw %10s gzipped\n' "undertone_bg.wasm" "$(human "$(bytes "$wasm")")" "$(human "$(gz_bytes "$wasm")")"
  printf '    %-28s %10s raw %10s gzipped\n' "undertone.js (glue)" "$(human "$(bytes "$js")")" "$(human "$(gz_bytes "$js")")"
  for f in "$DIST/undertone-chrome.zip" "$DIST/undertone-firefox.zip"; do
    [ -f "$f" ] && printf '    %-28s %10s\n' "$(basename "$f")" "$(human "$(bytes "$f")")"
  done
  return 0
}

cmd_build() {
  mkdir -p "$DIST"
  build_wasm
  build_cli
  build_extension
  build_www
  build_zips
  print_sizes
}

# --------------------------------------------------------------------------------------------
# test

PASSED=0
SKIPPED=0
TEST_START=$SECONDS

summary() {
  printf 'build.sh: %d passed, %d failed, %d skipped\n' "$PASSED" "$1" "$SKIPPED"
}

# step NAME CMD...: runs one check; on failure names it and stops.
step() {
  local name=$1 start=$SECONDS
  shift
  say "test: $name"
  # A subshell outside any `if`/`||`, so `set -e` still stops a failing function halfway.
  local rc=0
  set +e
  (
    set -e
    "$@"
  )
  rc=$?
  set -e
  if [ "$rc" = 0 ]; then
    PASSED=$((PASSED + 1))
    note "ok: $name ($((SECONDS - start)) s)"
  else
    printf '\nbuild.sh test: FAILED at step "%s" (exit %d): %s\n' "$name" "$rc" "$*" >&2
    summary 1
    exit 1
  fi
}

skip() {
  SKIPPED=$((SKIPPED + 1))
  say "test: $1: skipped ($2)"
}

wasm_browser_tests() {
  CHROMEDRIVER=$CHROMEDRIVER CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target "$WASM_TARGET" --test web
}

cmd_test() {
  cmd_setup
  step "build" cmd_build
  step "cargo fmt --check" cargo fmt --check
  step "cargo clippy" cargo clippy --all-targets -- -D warnings
  step "cargo test (native)" cargo test
  step "wasm tests in headless Chromium" wasm_browser_tests
  local cfg
  for cfg in tsconfig.www.json tsconfig.extension.json tsconfig.worker.json; do
    if [ "$cfg" != tsconfig.www.json ] && ! [ -d extension ]; then
      skip "tsc -p $cfg" "no extension/ yet"
    else
      step "tsc -p $cfg" npx --no-install tsc -p "$cfg"
    fi
  done
  step "eslint" npx --no-install eslint .
  if [ -d "$DIST/firefox" ]; then
    step "web-ext lint" npx --no-install web-ext lint --source-dir "$DIST/firefox" --warnings-as-errors --no-input
  else
    skip "web-ext lint" "no dist/firefox (extension not built yet)"
  fi
  if [ -d tests/e2e ]; then
    step "end-to-end tests (node --test tests/e2e/)" node --test tests/e2e/
  else
    skip "end-to-end tests" "no tests/e2e/ yet"
  fi
  say "all checks passed in $((SECONDS - TEST_START)) s"
  summary 0
}

# --------------------------------------------------------------------------------------------
# serve, bench, page tools

# The wasm budgets of issues #4 (sentiment: 600 KB gzipped) and #5 (all: 1.5 MB gzipped) are
# separate, so the sentiment-only module (no `entities` feature) is built and measured too.
cmd_sizes() {
  cmd_setup
  cmd_build
  say "sentiment-only wasm (cargo build --no-default-features, same glue and wasm-opt steps)"
  local dir=$TARGET_DIR/sentiment-only full=$PKG/undertone_bg.wasm lean
  cargo build --lib --release --target "$WASM_TARGET" --no-default-features --features console_error_panic_hook \
    --target-dir "$dir"
  rm -rf "$dir/pkg"
  wasm-bindgen --target web --out-name undertone --out-dir "$dir/pkg" "$dir/$WASM_TARGET/release/undertone.wasm"
  lean=$dir/pkg/undertone_bg.wasm
  optimize_wasm "$lean"
  say "wasm sizes (gzip -9)"
  printf '    %-34s %10s raw %10s gzipped\n' "everything (dist/pkg)" "$(human "$(bytes "$full")")" "$(human "$(gz_bytes "$full")")"
  printf '    %-34s %10s raw %10s gzipped\n' "sentiment only (no entities)" "$(human "$(bytes "$lean")")" "$(human "$(gz_bytes "$lean")")"
  printf '    %-34s %10s gzipped\n' "entities' share" "$(human $(($(gz_bytes "$full") - $(gz_bytes "$lean"))))"
}

cmd_serve() {
  cmd_setup
  cmd_build
  local port=${PORT:-8080}
  say "serving"
  echo "    demo:                        http://127.0.0.1:$port/"
  if [ -d "$DIST/extension" ]; then
    echo "    unpacked extension, Chrome:  $DIST/extension   (chrome://extensions, Developer mode, Load unpacked)"
  fi
  if [ -d "$DIST/firefox" ]; then
    echo "    unpacked extension, Firefox: $DIST/firefox   (about:debugging, This Firefox, Load Temporary Add-on: manifest.json)"
  fi
  echo "    Ctrl-C stops the server."
  exec python3 -m http.server --bind 127.0.0.1 --directory "$DIST/www" "$port"
}

cmd_bench() {
  cmd_setup
  cmd_build
  say "bench: the core in headless Chromium (bench/browser.mjs)"
  node bench/browser.mjs --www "$DIST/www"
  if [ -f tests/e2e/bench-badge.mjs ]; then
    say "bench: page load to badge (tests/e2e/bench-badge.mjs)"
    node tests/e2e/bench-badge.mjs
  else
    say "bench: page load to badge skipped (tests/e2e/bench-badge.mjs does not exist yet)"
  fi
}

cmd_analyze_pages() {
  [ -f tests/e2e/analyze-pages.mjs ] || die "tests/e2e/analyze-pages.mjs does not exist yet"
  cmd_setup
  cmd_build
  say "analyze-pages"
  node tests/e2e/analyze-pages.mjs "$@"
}

cmd_screenshots() {
  [ -f tests/e2e/screenshots.mjs ] || die "tests/e2e/screenshots.mjs does not exist yet"
  cmd_setup
  cmd_build
  say "screenshots"
  node tests/e2e/screenshots.mjs "$@"
}

usage() {
  cat >&2 <<'EOF'
usage: ./build.sh COMMAND [ARGS]
  setup          install the wasm target, wasm-bindgen-cli, Chromium + ChromeDriver, node_modules
  build          setup + wasm core, native CLI, extension, demo page (dist/www), store zips, sizes
  sizes          setup + build, then also the sentiment-only wasm (no entities), both sizes gzipped
  test           setup + build + fmt, clippy, cargo test, wasm browser tests, tsc, eslint,
                 web-ext lint, end-to-end tests
  serve          setup + build, then serve dist/www on 127.0.0.1:${PORT:-8080}
  bench          setup + build, then time analyze() in headless Chromium
  analyze-pages  setup + build, then node tests/e2e/analyze-pages.mjs ARGS
  screenshots    setup + build, then node tests/e2e/screenshots.mjs ARGS (refreshes docs/ screenshots)
EOF
  exit 2
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  setup) cmd_setup ;;
  build) cmd_setup && cmd_build ;;
  sizes) cmd_sizes ;;
  test) cmd_test ;;
  serve) cmd_serve ;;
  bench) cmd_bench ;;
  analyze-pages) cmd_analyze_pages "$@" ;;
  screenshots) cmd_screenshots "$@" ;;
  *) usage ;;
esac
