#!/usr/bin/env bash
# One entry point on a fresh machine (Python 3.11+): sets up .venv, then serves, builds, checks or
# tests. `bash scripts/dev.sh serve` and `bash scripts/dev.sh test` are the two README commands;
# `deploy` is the deploy workflow's build.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
# Material prints an end-of-life banner on every build; README.md says what we plan instead.
export NO_MKDOCS_2_WARNING=1
PY="$VENV/bin/python"

debian_packages() {
  # Installs the named Debian packages that are missing (as root); otherwise says what to install.
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Paket Debian belum terpasang: ${missing[*]}. Pasang dengan: sudo apt-get install ${missing[*]}" >&2
  fi
}

setup() {
  # WeasyPrint (PDF leaflets, made by every build) needs Pango and a font it can embed.
  debian_packages libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
  [ -x "$PY" ] || python3 -m venv "$VENV"
  # Reinstall only when the dependency files changed since the last install. Every package comes from
  # requirements.lock, checked against its hashes; then the project itself, for its MkDocs plugin entry.
  if [ ! -f "$VENV/.installed" ] || [ pyproject.toml -nt "$VENV/.installed" ] || [ requirements.lock -nt "$VENV/.installed" ]; then
    "$PY" -m pip install --quiet --require-hashes --no-deps -r requirements.lock
    "$PY" -m pip install --quiet --no-deps --no-build-isolation -e .
    touch "$VENV/.installed"
  fi
}

lock() {
  # Regenerates requirements.lock from pyproject.toml (run after changing a pin there): every package,
  # with the hashes of its files on PyPI. Keeps the locked versions that still fit.
  # PyPI only (no local mirror or wheel folder a machine's pip.conf may add): the hashes must be PyPI's.
  local tools=.cache/lock-tools pypi_only=(env PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= PIP_EXTRA_INDEX_URL=)
  [ -x "$tools/bin/pip-compile" ] || { python3 -m venv "$tools" && "${pypi_only[@]}" "$tools/bin/pip" install --quiet \
    --index-url https://pypi.org/simple pip-tools==7.6.2; }
  "${pypi_only[@]}" "$tools/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --extra test --extra mutation --strip-extras \
    --build-deps-for editable --index-url https://pypi.org/simple --no-emit-index-url \
    --output-file requirements.lock pyproject.toml
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
  # The leaflet tests read PDFs (pdftotext, pdfinfo, pdffonts, pdftoppm) and decode QR codes (zbarimg).
  debian_packages poppler-utils zbar-tools
  # The video tests probe and remake videos (scripts/video_maker.py): ffmpeg, espeak-ng, DejaVu.
  debian_packages ffmpeg espeak-ng fonts-dejavu-core
  # Java for the W3C Nu HTML checker (vnu-jar, tests/test_valid_html.py).
  debian_packages default-jre-headless
  # axe-core, injected into pages by the accessibility tests; Lighthouse, for scripts/benchmark.py;
  # vnu-jar, the HTML checker (its own Java download is not used: Debian's Java runs it).
  if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -x node_modules/.bin/lighthouse ] \
     || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
    if command -v npm >/dev/null; then
      npm ci --no-audit --no-fund --silent --ignore-scripts  # vnu-jar would fetch a Java of its own
    else
      echo "npm tidak ditemukan: uji aksesibilitas dilewati." >&2
    fi
  fi
}

deploy_checks() {
  # A deployed build prints its address and QR codes from SITE_URL: refuse to build without a public
  # https address (never a machine-local one such as 127.0.0.1 or localhost).
  if ! [[ "${SITE_URL:-}" =~ ^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/[^[:space:]]*)?$ ]]; then
    echo "GALAT: SITE_URL harus alamat publik situs yang diawali https://, misalnya" \
         "https://OWNER.github.io/REPO/ (sekarang: '${SITE_URL:-}'). Tanpa alamat itu, cetakan, leaflet" \
         "dan kode QR tidak bisa menunjuk ke situs." >&2
    exit 2
  fi
  # Reproducible: every date in the build is this day (00:00 in Lampung) unless the caller fixed one,
  # so two builds of one commit on one day are byte-identical and the daily rebuild moves the agenda.
  export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(TZ=Asia/Jakarta date -d 'today 00:00' +%s)}"
}

mutation() {
  # Mutation testing (mutmut; settings in pyproject.toml [tool.mutmut]), on demand, never in CI. Each
  # mutant runs only the fast unit tests (tests/unit) that reach the mutated function. mutmut names a
  # mutant by its file's path, so it works in a copy where scripts/ is `src/`: the mutant of
  # src/sitegen/models/domains.py is `sitegen.models.domains.*`, the name the tests import.
  # Arguments are mutant names or globs (`"sitegen.models.domains*"`); none means every module listed.
  local work=.cache/mutation
  rm -rf "$work" && mkdir -p "$work/tests"
  cp -r scripts "$work/src" && cp -r tests/unit "$work/tests/unit" && cp -r data docs mkdocs.yml pyproject.toml "$work/"
  find "$work" -name __pycache__ -prune -exec rm -rf {} +
  # Nice: the machine is shared; mutmut forks one test run per mutant on every core.
  (cd "$work" && nice -n 10 "../../$VENV/bin/mutmut" run "$@" >/dev/null; "../../$PY" src/mutation_score.py "$@")
  echo "Mutan yang lolos: cd $work && ../../$VENV/bin/mutmut results; ../../$VENV/bin/mutmut show NAMA"
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  serve) setup; exec "$VENV/bin/mkdocs" serve --livereload "$@" ;;
  build) setup; exec "$VENV/bin/mkdocs" build --strict "$@" ;;
  deploy) deploy_checks; setup; exec "$VENV/bin/mkdocs" build --strict "$@" ;;
  check) setup; exec "$PY" scripts/docs.py check "$@" ;;
  # Two workers by default (pytest-xdist; TEST_WORKERS=0 runs in one process): `--dist loadgroup` keeps
  # the tests of one shared site build, or of one file, on one worker (tests/conftest.py).
  test)  setup; browser_setup; exec "$PY" -m pytest -n "${TEST_WORKERS:-2}" --dist loadgroup "$@" ;;
  lock)  lock ;;
  mutation) setup; mutation "$@" ;;
  *) echo "usage: bash scripts/dev.sh serve|build|deploy|check|test|lock|mutation [args]" >&2; exit 2 ;;
esac
