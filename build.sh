#!/usr/bin/env bash
# The one entry point: setup, build, test, serve, bench. See README.md.
set -euo pipefail
cd "$(dirname "$0")"

cmd_setup() {
  command -v cargo >/dev/null || { echo "build.sh: cargo not found; install Rust with rustup first" >&2; exit 1; }
}

cmd_test() {
  cmd_setup
  cargo test --all-targets
}

case "${1:-}" in
  setup) cmd_setup ;;
  test) cmd_test ;;
  *) echo "usage: ./build.sh {setup|test}" >&2; exit 2 ;;
esac
