"""Search with the real engine (Pagefind) over the built site, in a real browser."""

from __future__ import annotations

import re
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
    searching = ("/pagefind/", "search_index", "/workers/search", "/javascripts/search", "/assets/search/")
    assert not [u for u in v.requests if any(s in u for s in searching)]
    v.page.click("label.md-header__button[for=__search]")
    v.page.wait_for_function("() => performance.getEntriesByType('resource').some(r => r.name.includes('/pagefind/'))")
    assert [u for u in v.requests if "/javascripts/search.js" in u]
    # A correctly spelled word needs no vocabulary; the offline engine is never fetched online.
    search(v, "paspor")
    assert [u for u in v.requests if "/assets/search/words-id.js" in u]
    assert not [u for u in v.requests if "/vocabulary-" in u or "search-offline.js" in u]


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


def typed(v, query: str) -> list[dict]:
    """Type into the open search box; every result once all are shown for `query`."""
    box = v.page.locator("[data-site-search-input]")
    if not v.page.evaluate("document.getElementById('__search').checked"):
        v.page.click("label.md-header__button[for=__search]")
    box.fill(query)
    v.page.wait_for_function("q => document.querySelector('[data-site-search-results]').dataset.query === q", arg=query)
    return v.page.eval_on_selector_all("[data-search-result]", """els => els.map(e => ({
        href: e.getAttribute('href'), section: e.querySelector('.site-search-section')?.textContent || null,
        marks: [...e.querySelectorAll('mark')].map(m => m.textContent.toLowerCase()), text: e.textContent}))""")


def test_a_result_lands_on_the_section_that_answers(site, visit):
    v = visit(site.base_url)
    results = typed(v, "biaya beban")
    # Two pages answer among the first three (the fee table and the lost-passport page; which one is
    # first depends on the whole index): each lands on its section with the words, not its title.
    hrefs = [r["href"] for r in results[:3]]
    assert "/situs/prosedur/paspor-hilang-rusak/#biaya-beban" in hrefs
    assert "/situs/prosedur/biaya-paspor/#tarif" in hrefs
    answer = hrefs.index("/situs/prosedur/paspor-hilang-rusak/#biaya-beban")
    assert results[answer]["section"] == "Biaya beban"
    with v.page.expect_navigation():
        v.page.click(f"[data-search-result] >> nth={answer}")
    assert urlsplit(v.page.url).fragment == "biaya-beban"
    top = v.page.evaluate("document.getElementById('biaya-beban').getBoundingClientRect().top")
    assert 0 <= top < 200  # the section is at the top of the screen, not the page's title


def test_residents_words_find_the_pages_words(site, visit):
    v = visit(site.base_url)
    # Nobody writes "TKI" any more; the pages say PMI or pekerja migran, and that is what is marked.
    results = typed(v, "TKI")
    assert results and all("tki" not in r["marks"] for r in results)
    assert {"pmi", "pekerja", "migran"} & {m.strip(".,:") for r in results for m in r["marks"]}
    v = visit(site.base_url + "lpg/")
    results = typed(v, "paspor ilang")
    assert "/situs/lpg/prosedur/paspor-hilang-rusak/" in [urlsplit(r["href"]).path for r in results[:3]]
    assert "lebon" in {m.strip(".,:") for r in results for m in r["marks"]}  # the Lampung pages' word


def test_a_page_is_found_by_its_search_terms(site, visit):
    v = visit(site.base_url)
    results = typed(v, "gaptek")  # only in the page's `search_terms`, never in its text
    assert [r["href"] for r in results] == ["/situs/prosedur/layanan-tanpa-aplikasi/"]
    assert "gaptek" not in results[0]["text"].lower()


@pytest.mark.parametrize("query", ["imigrsi kotabumi", "imigrassi kotabumi", "imigrazi kotabumi", "imgirasi kotabumi"])
def test_one_letter_typos_are_forgiven_in_long_words(site, visit, query):
    v = visit(site.base_url)
    results = typed(v, query)
    assert results[0]["href"] == "/situs/lokasi-layanan/kantor-imigrasi-kotabumi/"
    assert v.page.text_content(".site-search-also") == "Juga dicari: imigrasi"
    assert [u for u in v.requests if u.endswith("/assets/search/vocabulary-id.js")]


def test_short_words_are_not_guessed(site, visit):
    v = visit(site.base_url + "en/")
    assert typed(v, "fea") == []  # three letters: "fee"? "few"? no guess
    assert v.page.text_content("[data-site-search-meta]").strip() == "No matching documents"


@pytest.mark.parametrize("lang, query, count", [
    ("id", "paspor", "dokumen ditemukan"), ("lpg", "paspor", "halaman ditemuko"), ("en", "passport", "matching documents")])
def test_the_count_reads_in_the_readers_language(site, visit, lang, query, count):
    v = visit(site.base_url + lang_prefix(lang))
    typed(v, query)
    assert re.fullmatch(rf"\d+ {count}", v.page.text_content("[data-site-search-meta]").strip())


# The home page's six task cards (docs/*/index.md, heading {#tugas}).
MOST_USED = ["prosedur/m-paspor/", "prosedur/biaya-paspor/", "jalur-migrasi/bekerja-ke-luar-negeri/",
             "jalur-migrasi/tanda-perdagangan-orang/", "jalur-migrasi/minta-bantuan/", "lokasi-layanan/"]


@pytest.mark.parametrize("lang, none, numbers, pages", [
    ("id", "Tidak ada dokumen yang sesuai", "Nomor penting", "Halaman yang paling sering dicari"),
    ("lpg", "Mak wat halaman sai cocok", "Nomor penting", "Halaman sai paling sering disepok"),
    ("en", "No matching documents", "Important numbers", "Most searched pages"),
])
def test_no_results_offers_the_hotlines_and_the_most_used_pages(site, visit, lang, none, numbers, pages):
    v = visit(site.base_url + lang_prefix(lang))
    assert typed(v, "qwzx vbnm") == []
    assert v.page.text_content("[data-site-search-meta]").strip() == none
    block = v.page.locator(".site-search-none")
    assert block.locator("h3").all_text_contents() == [numbers, pages]
    tel = block.locator("a[href^='tel:']")
    assert [tel.nth(i).get_attribute("href") for i in range(tel.count())] == ["tel:110", "tel:129"]
    assert tel.all_text_contents() == ["Polisi (Polri) 110", "SAPA 129"]
    prefix = "/situs/" + lang_prefix(lang)
    hotline_page = block.locator(f"a[href$='{prefix}lokasi-layanan/nomor-penting/']")
    assert hotline_page.count() == 1
    suggestions = v.page.eval_on_selector_all("[data-search-suggestion]", "els => els.map(e => new URL(e.href).pathname)")
    assert suggestions == [prefix + p for p in MOST_USED]
    with v.page.expect_navigation():
        v.page.click("[data-search-suggestion] >> nth=0")
    assert urlsplit(v.page.url).path == prefix + MOST_USED[0]


@pytest.mark.parametrize("lang, queries", [
    ("id", ["paspor hilang", "qwzx vbnm", "kotabumi.imigrasi.go.id jam buka"]),
    ("lpg", ["paspor lebon", "mulang pekon"]),
    ("en", ["how much is a passport", "register with the embassy abroad"]),
])
def test_nothing_scrolls_sideways_after_a_search_at_360_px(site, visit, lang, queries):
    v = visit(site.base_url + lang_prefix(lang))
    for query in queries:
        typed(v, query)
        widths = v.page.evaluate("""() => [document.documentElement.scrollWidth, document.body.scrollWidth,
            Math.max(...[...document.querySelectorAll('.md-search__output *')].map(e => e.getBoundingClientRect().right))]""")
        assert max(widths) <= 360, (query, widths)


def test_more_results_come_on_request(site, visit):
    v = visit(site.base_url)
    first = typed(v, "paspor")
    assert len(first) == 3  # each result costs its page's text: three at first
    v.page.click(".site-search-more button")
    v.page.wait_for_function("() => document.querySelectorAll('[data-search-result]').length === 6")
    focused = v.page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == v.page.eval_on_selector_all("[data-search-result]", "els => els[3].getAttribute('href')")


def test_excerpts_carry_no_reference_numbers(site, visit):
    v = visit(site.base_url)
    results = typed(v, "tarif e-paspor")  # the fee page cites a source in almost every sentence
    assert results and not [r["text"] for r in results if re.search(r"\[\d+\]", r["text"])]


def test_search_opens_from_the_box_on_a_wide_screen(site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site.base_url, wait_until="networkidle")
        page.click("[data-site-search-input]")
        page.keyboard.type("paspor", delay=30)
        page.wait_for_selector("[data-search-result]", timeout=15000)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("opened", [True, False], ids=["search-opened", "typed-only"])
def test_a_search_typed_before_site_js_arrives_still_finds(site, browser, opened):
    """site.js comes after the first paint (overrides/main.html): on 3G a reader may open search and
    type before it arrives. Here it is held back until the query is typed."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    held = []
    context.route("**/assets/javascripts/site.js", lambda route: held.append(route))
    page = context.new_page()
    try:
        page.goto(site.base_url + "prosedur/biaya-paspor/")
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(100)
        assert held, "site.js was never asked for"
        if opened:
            page.locator("label[for=__search]").first.click()  # Material's search toggle works without scripts
        else:
            page.keyboard.press("/")  # a shortcut of site.js: nothing happens yet, then the box gets the keys
        page.locator("[data-site-search-input]").press_sequentially("paspor", delay=30)
        held[0].continue_()
        page.wait_for_selector("[data-search-result]")
    finally:
        context.close()
