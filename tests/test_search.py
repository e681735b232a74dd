"""Search with the real engine (Pagefind) over the built site, in a real browser."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, ROOT, lang_prefix

pytestmark = pytest.mark.browser


def search(v, query: str) -> list[str]:
    """Open search with the keyboard, type like a person, return the result paths."""
    v.page.keyboard.press("/")
    box = v.page.locator("[data-site-search-input]")
    assert box.evaluate("el => el === document.activeElement")
    box.press_sequentially(query, delay=30)
    v.page.wait_for_selector("[data-search-result]", timeout=15000)
    return v.page.eval_on_selector_all("[data-search-result]", "els => els.map(e => new URL(e.href).pathname)")


def test_no_search_bytes_before_search_is_opened(site, visit):
    v = visit(site.base_url + "prosedur/m-paspor/")
    searching = ("/pagefind/", "search_index", "/workers/search", "/javascripts/search.js")
    assert not [u for u in v.requests if any(s in u for s in searching)]
    v.page.click("label.md-header__button[for=__search]")
    v.page.wait_for_function("() => performance.getEntriesByType('resource').some(r => r.name.includes('/pagefind/'))")
    assert [u for u in v.requests if "/javascripts/search.js" in u]


@pytest.mark.parametrize("lang, query", [("id", "paspor"), ("lpg", "paspor"), ("en", "passport")])
def test_results_stay_in_the_readers_language(site, visit, lang, query):
    v = visit(site.base_url + lang_prefix(lang))
    results = search(v, query)
    base = urlsplit(site.base_url).path
    others = [base + lang_prefix(o) for o in LANGUAGES if o != lang and lang_prefix(o)]
    assert results
    for path in results:
        assert path.startswith(base + lang_prefix(lang)), path
        assert not path.startswith(tuple(others)), path
    assert v.bad_responses == [] and v.console_errors == []


def _source(path: str, base: str) -> str:
    rel = path.removeprefix(base).strip("/")
    for candidate in (ROOT / "docs" / "id" / rel / "index.md", ROOT / "docs" / "id" / f"{rel}.md"):
        if candidate.exists():
            return candidate.read_text(encoding="utf-8").lower()
    raise AssertionError(path)


def test_indonesian_affixes_are_handled(site, visit):
    base = urlsplit(site.base_url).path
    v = visit(site.base_url)
    # "urus" appears nowhere as a word; pages say "mengurus" or "pengurusan".
    sources = [_source(p, base) for p in search(v, "urus")]
    assert any("mengurus" in s or "pengurusan" in s for s in sources)
    v = visit(site.base_url)
    sources = [_source(p, base) for p in search(v, "paspornya")]
    assert any("paspornya" not in s and "paspor" in s for s in sources)


def test_search_works_with_the_keyboard_and_speaks_lampung(site, visit):
    v = visit(site.base_url + "lpg/")
    box = v.page.locator("[data-site-search-input]")
    assert box.get_attribute("placeholder") == "Sepok"
    results = search(v, "paspor")
    assert "halaman ditemuko" in v.page.text_content("[data-site-search-meta]")
    v.page.keyboard.press("ArrowDown")
    focused = v.page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and urlsplit(focused).path == results[0]
    with v.page.expect_navigation():
        v.page.keyboard.press("Enter")
    assert urlsplit(v.page.url).path == results[0]
