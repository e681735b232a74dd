#!/usr/bin/env bash
# One entry point on a fresh machine (Python 3.11+): sets up .venv, then serves, builds, checks or
# tests. `bash scripts/dev.sh serve` and `bash scripts/dev.sh test` are the two README commands.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
# Material prints an end-of-life banner on every build; README.md says what we plan instead.
export NO_MKDOCS_2_WARNING=1
PY="$VENV/bin/python"

setup() {
  [ -x "$PY" ] || python3 -m venv "$VENV"
  # Reinstall only when the dependency files changed since the last install.
  if [ ! -f "$VENV/.installed" ] || [ pyproject.toml -nt "$VENV/.installed" ] || [ constraints.txt -nt "$VENV/.installed" ]; then
    "$PY" -m pip install --quiet --upgrade pip
    "$PY" -m pip install --quiet -c constraints.txt -e ".[test]"
    touch "$VENV/.installed"
  fi
}

browser_setup() {
  # Debian's Chromium for the browser tests (never `playwright install`: it downloads a browser).
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "Chromium tidak ditemukan: uji peramban dilewati. Pasang dengan: sudo apt-get install chromium" >&2
    fi
  fi
  # axe-core, injected into pages by the accessibility tests.
  if [ ! -f node_modules/axe-core/axe.min.js ]; then
    if command -v npm >/dev/null; then
      npm ci --no-audit --no-fund --silent
    else
      echo "npm tidak ditemukan: uji aksesibilitas dilewati." >&2
    fi
  fi
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  serve) setup; exec "$VENV/bin/mkdocs" serve --livereload "$@" ;;
  build) setup; exec "$VENV/bin/mkdocs" build --strict "$@" ;;
  check) setup; exec "$PY" scripts/docs.py check "$@" ;;
  test)  setup; browser_setup; exec "$PY" -m pytest "$@" ;;
  *) echo "usage: bash scripts/dev.sh serve|build|check|test [args]" >&2; exit 2 ;;
esac
