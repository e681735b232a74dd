"""Shared fixtures: the site is built once per test session, under a sub-path like GitHub project
pages, and served on 127.0.0.1 for the browser tests."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import zlib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sitegen.benchmarking import serve_rebuild  # noqa: E402
from sitegen.config.site_config import site_languages  # noqa: E402

SUB_PATH = "situs"  # GitHub project pages serve the site at https://OWNER.github.io/REPO/
LANGUAGES = site_languages()  # default first
DEFAULT = LANGUAGES[0]


def lang_prefix(lang: str) -> str:
    return "" if lang == DEFAULT else f"{lang}/"


def copy_project(dest: Path) -> Path:
    """A throw-away copy of everything the build reads, for tests that break things. It shares the
    checkout's leaflet cache (.cache/leaflets, keyed by content): a copy renders only the leaflets its
    change touched, not all of them again."""
    serve_rebuild.copy_project(ROOT, dest)
    LEAFLET_CACHE.mkdir(parents=True, exist_ok=True)
    (dest / ".cache").mkdir(exist_ok=True)
    (dest / ".cache" / "leaflets").symlink_to(LEAFLET_CACHE, target_is_directory=True)
    return dest


LEAFLET_CACHE = ROOT / ".cache" / "leaflets"


def mkdocs_build(project: Path, site_dir: Path, site_url: str | None, *, strict: bool = True,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` of a project; `site_url` None builds without SITE_URL."""
    # NO_MKDOCS_2_WARNING silences Material's end-of-life banner (noted in README).
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REPOSITORY_URL": "https://github.com/example/info-imigrasi",
                **(env or {})}
    full_env.pop("SITE_URL", None)
    if site_url is not None:
        full_env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir)],
        capture_output=True, text=True, env=full_env, cwd=project,
    )


class Tags(HTMLParser):
    """Collects start tags with their attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server(name: str, handler) -> http.server.ThreadingHTTPServer:
    """A server on 127.0.0.1, bound before the build so that the build can print its address. The port
    is the same from one run to the next in one checkout (taken from the checkout's path and `name`),
    so that the site's address, and with it every leaflet's QR code, is the same and the leaflet cache
    hits; another port when that one is taken (another checkout or test run on the machine)."""
    stable = 20000 + zlib.crc32(f"{ROOT}:{name}".encode()) % 20000
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", stable), handler)
    except OSError:
        return http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@dataclass
class BuiltSite:
    serve_root: Path  # what the server serves; the site sits in serve_root / SUB_PATH
    result: subprocess.CompletedProcess
    base_url: str  # http://127.0.0.1:PORT/situs/

    @property
    def dir(self) -> Path:
        return self.serve_root / SUB_PATH

    def html(self, rel: str) -> str:
        """Built HTML of a site path such as 'en/prosedur/biaya-paspor/'."""
        path = self.dir / rel
        if rel.endswith("/") or rel == "":
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


def _build_and_serve(project: Path, serve_root: Path, request) -> BuiltSite:
    server = _server(request.fixturename, functools.partial(_QuietHandler, directory=str(serve_root)))
    request.addfinalizer(server.server_close)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    result = mkdocs_build(project, serve_root / SUB_PATH, base_url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    request.addfinalizer(server.shutdown)
    return BuiltSite(serve_root, result, base_url)


@pytest.fixture(scope="session")
def site(tmp_path_factory, request) -> BuiltSite:
    """The real site, built once with `mkdocs build --strict` under a sub-path."""
    built = _build_and_serve(ROOT, tmp_path_factory.mktemp("served"), request)
    assert built.result.returncode == 0, built.result.stdout + built.result.stderr
    return built


# A deployment's public address (SITE_URL): the feeds, share tags and share cards exist only with one
# (scripts/sitegen/config/site_address.py). The `site` fixture is built on 127.0.0.1, which never counts as one.
PUBLIC_URL = "https://warga.example.org/info-imigrasi/"


@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> BuiltSite:
    """The real site built as it is deployed, with a public SITE_URL (not served)."""
    serve_root = tmp_path_factory.mktemp("public")
    result = mkdocs_build(ROOT, serve_root / SUB_PATH, PUBLIC_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(serve_root, result, PUBLIC_URL)


FALLBACK_PAGE = "prosedur/biaya-paspor.md"


@pytest.fixture(scope="session")
def fallback_site(tmp_path_factory, request) -> BuiltSite:
    """The site with one page missing in every translation, so it is served from Indonesian."""
    project = copy_project(tmp_path_factory.mktemp("fallback-project"))
    for lang in LANGUAGES[1:]:
        (project / "docs" / lang / FALLBACK_PAGE).unlink()
    pending = "".join(f"{lang}:\n  - {FALLBACK_PAGE}\n" for lang in LANGUAGES[1:])
    (project / "data" / "translations-pending.yml").write_text(pending, encoding="utf-8")
    built = _build_and_serve(project, tmp_path_factory.mktemp("fallback-served"), request)
    assert built.result.returncode == 0, built.result.stdout + built.result.stderr
    return built


def page_urls(site_dir: Path) -> list[str]:
    """Site paths of every built page of the default language, e.g. 'prosedur/biaya-paspor/'."""
    others = tuple(f"{lang}/" for lang in LANGUAGES[1:])
    urls = []
    for index in sorted(site_dir.rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        rel = "" if rel == "." else rel + "/"
        if not rel.startswith(others) and not rel.startswith(("search/", "assets/")):
            urls.append(rel)
    return urls


@functools.lru_cache(maxsize=None)
def tool_pages_of(lang: str) -> dict[str, dict]:
    """The self-help tools' pages, which have no Markdown file (scripts/sitegen/pages/tool_pages.py makes them at
    build time): site path such as 'alat/apa-yang-dibawa/baru/' -> their front matter."""
    from sitegen.pages import tool_pages

    return {page.rel.removesuffix("index.md"): yaml.safe_load(page.markdown.split("---\n", 2)[1])
            for page in tool_pages.pages(lang, DEFAULT)}


def source_of(docs: Path, lang: str, url: str) -> Path | None:
    """The Markdown file of a page path in one language, or None when it is not translated."""
    for candidate in (docs / lang / url / "index.md", docs / lang / (url.rstrip("/") + ".md")):
        if url and candidate.name == ".md":
            continue
        if candidate.exists():
            return candidate
    return None


# --- real browser (Debian's Chromium through Playwright) ------------------------------------------

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# An init script: records every Content Security Policy violation of a document in window.__violations.
CSP_LISTENER = ("document.addEventListener('securitypolicyviolation', (e) => {(window.__violations = "
                "window.__violations || []).push(e.violatedDirective + ' ' + e.blockedURI)})")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
HTML_LANG = {"id": "id", "lpg": "ljp", "en": "en"}


def print_ready(page) -> None:
    """Wait until the print stylesheet has loaded: where scripts run it comes after the first paint
    (overrides/main.html), possibly after the load event."""
    page.wait_for_function("() => [...document.styleSheets].some("
                           "(s) => (s.href || '').endsWith('/assets/stylesheets/print.css'))")


def site_js_ready(page) -> None:
    """Wait until site.js has loaded, on pages that have it. It comes after the first paint
    (overrides/main.html): a busy machine may reach network idle, or the load event, before that."""
    page.wait_for_function("() => !document.getElementById('site-after-paint') || performance"
                           ".getEntriesByType('resource').some((e) => e.name.endsWith('/assets/javascripts/site.js'))")


def run_axe(page) -> list:
    """axe-core's violations on the open page. Evaluated through the DevTools protocol, not added as a
    <script>: the pages' Content Security Policy rightly refuses inline scripts."""
    require(AXE, "axe-core")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]


def require(path: Path, what: str):
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} missing at {path}: .ci/run must install it")
        pytest.skip(f"{what} not found at {path}; install it to run the browser tests "
                    "(apt-get install chromium; npm ci)")


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM, "Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


class Visit:
    """A page load with every request, failed response and console error recorded."""

    def __init__(self, browser, url: str, wait_until: str = "networkidle"):
        self.context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                           has_touch=True)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.bad_responses: list[str] = []
        self.console_errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("response", lambda r: r.status >= 400 and self.bad_responses.append(f"{r.status} {r.url}"))
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        self.page.goto(url, wait_until=wait_until)
        site_js_ready(self.page)

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    opened = []

    def open_(url, wait_until="networkidle"):
        # "load" for `mkdocs serve`, whose live reload keeps a request open (no network idle).
        v = Visit(browser, url, wait_until)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.close()


@pytest.fixture
def traffic(browser):
    """Open pages with every request recorded (tests/video_browser.py), closed after the test."""
    from video_browser import Traffic

    opened = []

    def open_(url, **kwargs):
        t = Traffic(browser, **kwargs).goto(url)
        opened.append(t)
        return t

    yield open_
    for t in opened:
        t.close()


# --- a build without SITE_URL, with two hotlines added ---------------------------------------------

# Appended to data/hotlines.yml: a verified number whose name differs per language, and an entry the
# schema refuses (a phone that is not a number). `source` names a source the real data cites already.
TEST_HOTLINES = """
- id: uji-terjemah
  name:
    id: Saluran Uji Bahasa
    lpg: Saluran Uji Cawa Lampung
    en: Test Line In English
  purpose:
    id: saluran percobaan
    en: a test line
  phone: "0721-000111"
  source:
    - sapa-129-pemkot-jakpus-2023
  verified: {date: 2026-11-01, by: "official page: https://pusat.jakarta.go.id/news/2023/kementrian-pppa-jadikan-rptra-borobudur-pos-sapa-129"}
- id: uji-rusak
  name: Saluran Rusak
  purpose: saluran yang datanya salah
  phone: "12ab-rusak"
  source:
    - sapa-129-pemkot-jakpus-2023
  verified: {date: 2026-11-01, by: "telepon ke kantor, Sari"}
"""
TEST_PHONE_SENTENCE = "Nomor uji: {{ phone uji-terjemah }}; nomor rusak: {{ phone uji-rusak }}."
TEST_PHONE_PAGE = "lokasi-layanan/nomor-penting.md"


@dataclass
class PlainBuild:
    project: Path
    site: Path
    result: subprocess.CompletedProcess


@pytest.fixture(scope="session")
def plain_build(tmp_path_factory) -> PlainBuild:
    """The project as a volunteer builds it at home: no SITE_URL, not strict; plus TEST_HOTLINES and a
    sentence with two `{{ phone }}` markers on the Indonesian hotline page."""
    project = copy_project(tmp_path_factory.mktemp("plain-project"))
    hotlines = project / "data" / "hotlines.yml"
    hotlines.write_text(hotlines.read_text(encoding="utf-8") + TEST_HOTLINES, encoding="utf-8")
    page = project / "docs" / DEFAULT / TEST_PHONE_PAGE
    page.write_text(page.read_text(encoding="utf-8") + f"\n{TEST_PHONE_SENTENCE}\n", encoding="utf-8")
    site_dir = tmp_path_factory.mktemp("plain-site")
    result = mkdocs_build(project, site_dir, None, strict=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return PlainBuild(project, site_dir, result)


# The session's shared builds, in order of preference: with pytest-xdist (`--dist loadgroup`, as
# scripts/dev.sh runs the suite) every test that reads one of them runs on the same worker, so each is
# built once per session, not once per worker. Other tests are grouped by file, which keeps a file's
# module fixtures (its own builds) on one worker too.
SHARED_BUILDS = ("site", "fallback_site", "public_site", "plain_build", "configured_site")


def pytest_collection_modifyitems(config, items):
    for item in items:
        used = [name for name in SHARED_BUILDS if name in getattr(item, "fixturenames", ())]
        item.add_marker(pytest.mark.xdist_group(used[0] if used else item.nodeid.split("::")[0]))


# In CI a skip is a failure (tests/ci_skips.py).
pytest_plugins = ["ci_skips"]
