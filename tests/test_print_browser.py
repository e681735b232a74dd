"""Printing in a real browser: Debian's Chromium through Playwright, print media emulated, with
JavaScript switched off (a printout must not depend on it), and one page printed to PDF."""

from __future__ import annotations

import pdf_tools
import pytest
from conftest import LANGUAGES, lang_prefix, print_ready
from markdown import markdown
from test_leaflets import _navigation_texts

from sitegen.models import site_data

pytestmark = pytest.mark.browser

PAGE = "jalur-migrasi/minta-bantuan/"  # a leaflet page with external links and a table
DESKTOP = {"width": 1280, "height": 900}  # wide enough that the site shows all its chrome on screen
# The site's chrome: on screen at desktop width, never on paper.
CHROME = {
    "header": ".md-header",
    "search": ".md-search__form",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "footer navigation": ".md-footer",
    "leaflet button": ".site-leaflet",
    "feedback and sharing": ".site-page-actions",
}
# A collapsed block as the build renders `??? note` (pymdownx.details); no page has one yet.
COLLAPSED = markdown('??? note "Rincian biaya"\n    Isi yang tersembunyi di layar.\n',
                     extensions=["pymdownx.details"])
VIDEO_PAGE = "prosedur/m-paspor/"  # a page with a video player


@pytest.fixture
def desktop_page(browser):
    """A reader's browser at desktop width, JavaScript on (the site's search needs it on screen)."""
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def no_js_page(browser):
    """JavaScript off: what prints must not depend on it."""
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    yield context.new_page()
    context.close()


def _visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_hides_the_chrome_and_shows_the_footer(site, desktop_page, lang):
    page = desktop_page
    page.goto(site.base_url + lang_prefix(lang) + PAGE, wait_until="networkidle")
    page.emulate_media(media="screen")
    for name, selector in CHROME.items():
        assert _visible(page, selector), f"{name} not on screen: the test would prove nothing"
    assert not _visible(page, ".site-print-footer")

    print_ready(page)
    page.emulate_media(media="print")
    shown = [name for name, selector in CHROME.items() if _visible(page, selector)]
    assert shown == []
    assert _visible(page, "article h1")
    assert _visible(page, ".site-print-footer")
    qr = page.locator(".site-print-footer__qr svg").bounding_box()
    assert qr["width"] > 90 and abs(qr["width"] - qr["height"]) < 1  # about 30 mm, square
    after = page.eval_on_selector('a[data-print-url="peduliwni.kemlu.go.id"]',
                                  "a => getComputedStyle(a, '::after').content")
    assert after == '" (peduliwni.kemlu.go.id)"'


def test_collapsed_blocks_print_open(site, no_js_page):
    url = site.base_url + PAGE
    assert "<details" in COLLAPSED and "open" not in COLLAPSED
    injected = site.html(PAGE).replace("</article>", COLLAPSED + "</article>", 1)
    page = no_js_page
    page.route(url, lambda route: route.fulfill(body=injected, content_type="text/html; charset=utf-8"))
    page.goto(url)

    block = "details:not(.site-notices)"  # the notices' one-line summary is screen-only (page-notices.html)
    page.emulate_media(media="screen")
    assert _visible(page, f"{block} summary")
    assert not _visible(page, f"{block} p"), "the block is not collapsed on screen"

    print_ready(page)
    page.emulate_media(media="print")
    assert _visible(page, f"{block} summary") and _visible(page, f"{block} p")


def test_a_video_prints_as_its_title_and_address(site, no_js_page):
    page = no_js_page
    page.goto(site.base_url + VIDEO_PAGE)
    page.emulate_media(media="screen")
    assert _visible(page, ".site-video video")
    print_ready(page)
    page.emulate_media(media="print")
    assert not _visible(page, ".site-video video")
    assert _visible(page, ".site-video__title")
    assert _visible(page, ".site-video__print")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chromium_prints_a4_with_footer_and_a_working_qr_code(site, browser, tmp_path, lang):
    pdf_tools.require_tools()
    address = site.base_url + lang_prefix(lang) + PAGE
    context = browser.new_context(viewport=DESKTOP)  # JavaScript on, as for a reader
    try:
        page = context.new_page()
        page.goto(address, wait_until="networkidle")
        print_ready(page)
        pdf = tmp_path / "page.pdf"
        # Chrome's print dialog honours the stylesheet's @page size; so does this.
        page.pdf(path=str(pdf), prefer_css_page_size=True)
    finally:
        context.close()
    assert pdf_tools.is_a4(pdf), pdf_tools.page_size(pdf)
    text = pdf_tools.text(pdf)
    ui = site_data.ui_strings(lang, LANGUAGES[0])
    assert address in text
    assert ui["disclaimer"] in text
    assert "08111-129-129" in text
    leaked = [nav for nav in _navigation_texts(site.html(lang_prefix(lang) + PAGE)) if nav in text]
    assert leaked == []
    assert pdf_tools.qr_codes(pdf, tmp_path / "png") == [address]
