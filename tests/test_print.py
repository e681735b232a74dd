"""Printing, read from the built HTML: the print stylesheet, the print-only footer on every page,
and the short addresses that external links print after their text."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from conftest import LANGUAGES, ROOT, lang_prefix, page_urls, source_of, tool_pages_of
from test_leaflets import _front_matter

from sitegen.models import site_data
from sitegen.transforms import print_footer, print_links

FOOTER_RE = re.compile(r'<footer class="site-print-footer" hidden>(.*?)</footer>', re.S)


def _footer(page_html: str) -> str:
    match = FOOTER_RE.search(page_html)
    assert match, "no print footer"
    return match[1]


def test_print_stylesheet_is_linked_for_print_only(site):
    for lang in LANGUAGES:
        page_html = site.html(lang_prefix(lang) + "prosedur/m-paspor/")
        link = re.search(r'<link rel="stylesheet" href="([^"]*print\.css)"([^>]*)>', page_html)
        assert link and 'media="print"' in link[2], lang
    css = (site.dir / "assets/stylesheets/print.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*{[^}]*size:\s*A4", css)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_the_print_footer(site, lang):
    ui = site_data.ui_strings(lang, LANGUAGES[0])
    for url in page_urls(site.dir):
        footer = _footer(site.html(lang_prefix(lang) + url))
        address = site.base_url + lang_prefix(lang) + url
        assert f'<span class="site-print-footer__url">{address}</span>' in footer, url
        assert footer.count("<svg") == 1 and "<path" in footer, url
        assert ui["disclaimer"] in footer, url
        source = source_of(ROOT / "docs", lang, url) or source_of(ROOT / "docs", LANGUAGES[0], url)
        meta = tool_pages_of(lang)[url] if source is None else _front_matter(source)
        reviewed = meta.get("reviewed")
        assert isinstance(reviewed, dt.date), url  # every page says when it was last checked
        assert f"{ui['sources.reviewed']}: {reviewed.isoformat()}" in footer, url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_footer_lists_only_verified_hotlines(site, lang):
    footer = _footer(site.html(lang_prefix(lang) + "jalur-migrasi/minta-bantuan/"))
    hotlines = site_data.load_yaml("hotlines.yml")
    assert any(h.get("verified") for h in hotlines) and any(not h.get("verified") for h in hotlines)
    for hotline in hotlines:
        listed = f"<strong>{html.escape(hotline['name'], quote=False)}</strong>" in footer
        assert listed == bool(hotline.get("verified")), hotline["name"]
        phone = hotline.get("phone") or ""
        assert bool(phone and phone in footer) == bool(phone and hotline.get("verified")), hotline["id"]
    assert site_data.ui_strings(lang, LANGUAGES[0])["label.unverified"] not in footer


def test_qr_svg_is_one_path_without_fixed_size():
    svg = print_footer.qr_svg("https://example.org/situs/prosedur/m-paspor/")
    assert svg.startswith("<svg ") and svg.count("<path") == 1
    assert "width=" not in svg.split(">", 1)[0] and 'aria-hidden="true"' in svg


def test_page_address_needs_a_site_url():
    assert print_footer.page_address("https://x.github.io/repo/", "en/prosedur/") == "https://x.github.io/repo/en/prosedur/"
    assert print_footer.page_address(None, "en/prosedur/") is None


@pytest.mark.parametrize(("link", "expected"), [
    ('<a href="https://peduliwni.kemlu.go.id/">Peduli WNI</a>', "peduliwni.kemlu.go.id"),
    ('<a class="x" href="https://kp2mi.go.id/a?b=1&amp;c=2" title="t"><em>KP2MI</em></a>', "kp2mi.go.id/a?b=1&amp;c=2"),
    ('<a href="https://www.lapor.go.id/">lapor.go.id</a>', None),  # the text is the address
    ('<a href="https://wa.me/628111129129">08111-129-129</a>', None),  # a number to use as is
    ('<a href="tel:129">129</a>', None),
    ('<a href="../prosedur/">Prosedur</a>', None),  # internal: the page's QR code leads there
])
def test_external_links_get_a_short_print_address(link, expected):
    marked = print_links.mark_external_links(f"<p>Lihat {link}.</p>")
    found = re.search(r'data-print-url="([^"]*)"', marked)
    assert (found[1] if found else None) == expected
    assert re.sub(r' data-print-url="[^"]*"', "", marked) == f"<p>Lihat {link}.</p>"


def test_built_page_links_carry_their_print_address(site):
    page_html = site.html("jalur-migrasi/minta-bantuan/")
    assert re.search(r'<a href="https://peduliwni\.kemlu\.go\.id/" data-print-url="peduliwni\.kemlu\.go\.id">'
                     r"\s*Peduli\b", page_html)
    external = re.findall(r'<a\b[^>]*href="https?://[^"]*"[^>]*>', re.search(r"<article.*?</article>", page_html, re.S)[0])
    assert any("data-print-url" in a for a in external)
