"""The site in a real browser: Debian's Chromium driven by Playwright, phone viewport 360x740."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import FALLBACK_PAGE, LANGUAGES, ROOT, lang_prefix

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
HTML_LANG = {"id": "id", "lpg": "ljp", "en": "en"}
CONTENT_PAGE = "prosedur/m-paspor/"

pytestmark = pytest.mark.browser


def _require(path: Path, what: str):
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} missing at {path}: .ci/run must install it")
        pytest.skip(f"{what} not found at {path}; install it to run the browser tests "
                    "(apt-get install chromium; npm ci)")


@pytest.fixture(scope="session")
def browser():
    _require(CHROMIUM, "Chromium")
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

    def __init__(self, browser, url: str):
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
        self.page.goto(url, wait_until="networkidle")

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    opened = []

    def open_(url):
        v = Visit(browser, url)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.close()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", CONTENT_PAGE])
def test_page_loads_clean_on_a_phone(site, visit, lang, path):
    v = visit(site.base_url + lang_prefix(lang) + path)
    assert v.page.evaluate("document.documentElement.lang") == HTML_LANG[lang]
    offsite = [u for u in v.requests if urlsplit(u).hostname != "127.0.0.1"]
    assert offsite == [], "requests left 127.0.0.1"
    assert v.bad_responses == []
    assert v.console_errors == []
    overflow = v.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"horizontal scroll of {overflow}px at 360px"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", CONTENT_PAGE])
def test_axe_reports_no_violations(site, visit, lang, path):
    _require(AXE, "axe-core")
    v = visit(site.base_url + lang_prefix(lang) + path)
    v.page.add_script_tag(path=str(AXE))
    result = v.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [(x["id"], x["help"], [n["target"] for n in x["nodes"]][:3]) for x in result["violations"]]
    assert violations == []


def _switch(v: Visit, hreflang: str) -> str:
    v.page.click("button[aria-label].md-header__button:has(+ .md-select__inner)")
    v.page.click(f"a.md-select__link[hreflang='{hreflang}']")
    v.page.wait_for_load_state("networkidle")
    return v.page.url


@pytest.mark.parametrize("path", ["", CONTENT_PAGE])
def test_switcher_keeps_the_page_in_all_directions(site, visit, path):
    order = LANGUAGES + LANGUAGES[:1]  # id -> lpg -> en -> id
    v = visit(site.base_url + path)
    for a, b in zip(order, order[1:]):
        assert v.page.url == site.base_url + lang_prefix(a) + path
        assert _switch(v, HTML_LANG[b]) == site.base_url + lang_prefix(b) + path
    for lang in LANGUAGES[1:]:  # and back from each translation directly
        v = visit(site.base_url + lang_prefix(lang) + path)
        assert _switch(v, "id") == site.base_url + path
    assert v.bad_responses == []


def test_switcher_on_a_fallback_page(fallback_site, visit):
    path = FALLBACK_PAGE.removesuffix(".md") + "/"
    v = visit(fallback_site.base_url + "en/" + path)
    assert v.page.locator("[data-notice=untranslated]").is_visible()
    assert _switch(v, "ljp") == fallback_site.base_url + "lpg/" + path
    assert v.page.locator("[data-notice=untranslated]").is_visible()
    assert _switch(v, "id") == fallback_site.base_url + path
    assert v.page.locator("[data-notice=untranslated]").count() == 0
