"""The site in a real browser: Debian's Chromium driven by Playwright, phone viewport 360x740."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import FALLBACK_PAGE, HTML_LANG, LANGUAGES, Visit, lang_prefix, run_axe

CONTENT_PAGE = "prosedur/m-paspor/"

pytestmark = pytest.mark.browser


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
    v = visit(site.base_url + lang_prefix(lang) + path)
    violations = [(x["id"], x["help"], [n["target"] for n in x["nodes"]][:3]) for x in run_axe(v.page)]
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
    # The notice's line under the title says it; a tap opens the notice.
    assert v.page.locator("[data-notice-label=untranslated]").is_visible()
    assert _switch(v, "ljp") == fallback_site.base_url + "lpg/" + path
    assert v.page.locator("[data-notice-label=untranslated]").is_visible()
    v.page.locator("[data-notice-label=untranslated]").tap()
    assert v.page.locator("[data-notice=untranslated]").is_visible()
    assert _switch(v, "id") == fallback_site.base_url + path
    assert v.page.locator("[data-notice=untranslated]").count() == 0
