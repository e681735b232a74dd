"""PDF leaflets: one per `leaflet: true` page and language, read back with poppler and zbar."""

from __future__ import annotations

import html
import http.server
import logging
import re
import shutil
import threading

import pdf_tools
import pytest
import yaml
from conftest import FALLBACK_PAGE, LANGUAGES, ROOT, free_port, lang_prefix

from sitegen.models import site_data
from sitegen.postbuild import leaflets

MAX_BYTES = 300 * 1024


def _front_matter(path):
    match = re.match(r"---\n(.*?)\n---", path.read_text(encoding="utf-8"), re.S)
    return yaml.safe_load(match[1]) if match else {}


def _leaflet_pages() -> list[tuple[str, str, dict]]:
    """(lang, page path such as 'prosedur/m-paspor/', front matter) for every leaflet page."""
    out = []
    for lang in LANGUAGES:
        for md in sorted((ROOT / "docs" / lang).rglob("*.md")):
            meta = _front_matter(md)
            if meta.get("leaflet"):
                rel = md.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix()
                url = rel.removesuffix("index") if rel.endswith("index") else rel + "/"
                out.append((lang, url, meta))
    return out


LEAFLET_PAGES = _leaflet_pages()
IDS = [f"{lang}:{url}" for lang, url, _ in LEAFLET_PAGES]


def _name(url: str, lang: str) -> str:
    """The PDF's name as readers see it, written out here (not asked of leaflets.file_name):
    `prosedur/m-paspor/` in `en` is `leaflet-m-paspor-en.pdf`."""
    return f"leaflet-{url.rstrip('/').rsplit('/', 1)[-1] or 'index'}-{lang}.pdf"


def _pdf(site, lang: str, url: str):
    return site.dir / lang_prefix(lang) / url / _name(url, lang)


def _strip(fragment: str) -> str:
    # Tags go without a trace: `Non <abbr>TPI</abbr>` reads "Non TPI", as in the navigation.
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _navigation_texts(page_html: str) -> set[str]:
    """Text of the site's chrome (navigation links, header, footer links, skip link) that the
    article itself does not say: none of it may reach a leaflet."""
    article = _strip(re.search(r"<article\b.*?</article>", page_html, re.S)[0]).lower()
    chrome = set()
    pattern = (r'<(a|label)\b[^>]*class="[^"]*\b(md-nav__link|md-skip|md-footer__link|md-header__button '
               r'md-logo)\b[^"]*"[^>]*>(.*?)</\1>')
    for match in re.finditer(pattern, page_html, re.S):
        text = _strip(match[3])
        if len(text) >= 4 and text.lower() not in article:
            chrome.add(text)
    topic = re.search(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', page_html)
    if topic and topic[1].lower() not in article:
        chrome.add(topic[1])
    return chrome


@pytest.fixture(scope="module")
def tools():
    pdf_tools.require_tools()


def test_there_are_leaflets_in_every_language():
    for lang in LANGUAGES:
        assert sum(1 for l, _, _ in LEAFLET_PAGES if l == lang) >= 5, lang


def test_the_site_has_exactly_the_expected_leaflets(site):
    expected = {_pdf(site, lang, url) for lang, url, _ in LEAFLET_PAGES}
    # The other PDFs are the A5 notices of "Kabar terbaru" (tests/test_whats_new.py).
    notices = {p for p in site.dir.rglob("pengumuman-*.pdf") if p.parent.name == "kabar-terbaru"}
    assert set(site.dir.rglob("*.pdf")) - notices == expected


@pytest.mark.parametrize(("lang", "url", "meta"), LEAFLET_PAGES, ids=IDS)
def test_leaflet_page_offers_its_pdf_in_the_readers_language(site, lang, url, meta):
    page_html = site.html(lang_prefix(lang) + url)
    label = site_data.ui_strings(lang, LANGUAGES[0])["leaflet.download"]
    link = re.search(r'<p class="site-leaflet">\s*<a\b([^>]*)>([^<]*)</a>', page_html)
    assert link, "no leaflet link"
    assert f'href="{_name(url, lang)}"' in link[1]
    assert link[2].strip() == label


def test_an_untranslated_leaflet_page_still_offers_a_leaflet(fallback_site):
    url = FALLBACK_PAGE.removesuffix(".md") + "/"
    assert _front_matter(ROOT / "docs" / LANGUAGES[0] / FALLBACK_PAGE).get("leaflet")
    for lang in LANGUAGES[1:]:
        assert f'href="{_name(url, lang)}"' in fallback_site.html(lang_prefix(lang) + url)
        assert _pdf(fallback_site, lang, url).stat().st_size > 0


def test_pages_without_leaflet_offer_none(site):
    page_html = site.html("prosedur/jenis-paspor/")  # no `leaflet: true`
    assert "site-leaflet" not in page_html


@pytest.mark.parametrize(("lang", "url", "meta"), LEAFLET_PAGES, ids=IDS)
def test_leaflet_pdf(site, tools, tmp_path, lang, url, meta):
    pdf = _pdf(site, lang, url)
    assert pdf.exists(), f"missing {pdf.relative_to(site.dir)}"
    assert pdf.stat().st_size < MAX_BYTES, f"{pdf.stat().st_size} bytes"
    assert pdf_tools.page_count(pdf) in (1, 2)  # one sheet, both sides
    assert pdf_tools.is_a4(pdf), pdf_tools.page_size(pdf)

    fonts = pdf_tools.fonts(pdf)
    assert fonts, "no fonts"
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in fonts), fonts
    assert all("DejaVu" in f["name"] for f in fonts), fonts

    text = pdf_tools.text(pdf)
    ui = site_data.ui_strings(lang, LANGUAGES[0])
    assert " ".join(meta["title"].split()) in text
    assert str(meta["reviewed"]) in text
    assert ui["disclaimer"] in text
    checked = []
    for hotline in site_data.load_yaml("hotlines.yml"):
        if hotline.get("verified"):
            assert hotline["name"] in text
            checked.append(hotline["name"])
            for number in (hotline.get("phone"), hotline.get("whatsapp")):
                if number:
                    assert number in text, number
                    checked.append(number)
    # The verified hotlines of data/hotlines.yml, each name and number looked for above.
    assert checked == ["Polisi (Polri) 110", "110", "SAPA 129", "129", "08111-129-129", "LAPOR! (SP4N)"]
    assert ui["leaflet.download"] not in text
    page_html = site.html(lang_prefix(lang) + url)
    # Every reference of the page, numbered, with the address a reader can type.
    hosts = re.findall(r'class="site-ref__url">([^<]+)</a>', page_html)
    assert hosts or "[^" not in (ROOT / "docs" / lang / url.rstrip("/")).with_suffix(".md").read_text()
    # pdftotext drops a hyphen where an address breaks across lines: compare without spaces and hyphens.
    flat = re.sub(r"[\s-]", "", text)
    for address in hosts:
        assert re.sub(r"[\s-]", "", html.unescape(address))[:40] in flat, address
    leaked = [nav for nav in _navigation_texts(page_html) if nav in text]
    assert leaked == [], "navigation in the leaflet"

    assert pdf_tools.qr_codes(pdf, tmp_path) == [site.base_url + lang_prefix(lang) + url]
    # Links to other pages of the site lead to the site, never to the folder the PDF was made in.
    raw = pdf.read_bytes()
    assert b"file:" not in raw


# --- the renderer itself --------------------------------------------------------------------------


def _leaflet_site(tmp_path, article: str):
    """A one-page built site in tmp_path, with the real leaflet stylesheet."""
    site_dir = tmp_path / "site"
    (site_dir / "assets/stylesheets").mkdir(parents=True)
    shutil.copy(ROOT / "overrides" / leaflets.STYLESHEET, site_dir / leaflets.STYLESHEET)
    page = site_dir / "topik" / "index.html"
    page.parent.mkdir()
    page.write_text(f"<html><body><nav>Menu situs</nav><article class='md-content__inner'>{article}"
                    "</article></body></html>", encoding="utf-8")
    return site_dir, page


def _leaflet_of(page):
    return leaflets.Leaflet(page_file=page, page_url="topik/", pdf=page.parent / "leaflet-topik-xx.pdf",
                            title="Topik", html_lang="id", reviewed="2026-11-28")


@pytest.fixture
def no_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(leaflets, "CACHE", tmp_path / "cache")


def test_collapsed_blocks_open_and_nothing_is_fetched(tmp_path, tools, no_cache):
    hits = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        site_dir, page = _leaflet_site(tmp_path, (
            "<h1>Topik</h1>"
            "<details class='note'><summary>Lihat rinciannya</summary><p>Isi tersembunyi di layar</p></details>"
            f"<img src='http://127.0.0.1:{port}/foto.png' alt='foto'>"
            f"<p style=\"background: url('http://127.0.0.1:{port}/latar.png')\">Teks biasa</p>"
            "<img src='file:///etc/hostname' alt='di luar situs'>"))
        leaflet = _leaflet_of(page)
        assert leaflets.build(site_dir, "xx", [leaflet]) == [leaflet.pdf]
    finally:
        server.shutdown()
    assert hits == []
    text = pdf_tools.text(leaflet.pdf)
    assert "Isi tersembunyi di layar" in text
    assert "Teks biasa" in text
    assert "Menu situs" not in text


def test_a_leaflet_longer_than_two_pages_is_a_build_warning(tmp_path, caplog, no_cache):
    long_text = "".join(f"<h2>Bagian {i}</h2><p>{'Kalimat yang panjang sekali. ' * 60}</p>" for i in range(12))
    site_dir, page = _leaflet_site(tmp_path, f"<h1>Topik</h1>{long_text}")
    leaflet = _leaflet_of(page)
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.leaflets"):
        leaflets.build(site_dir, "xx", [leaflet])
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("halaman A4; paling banyak 2" in w for w in warnings), warnings


@pytest.mark.parametrize(("public_url", "expected"), [
    ("https://warga.example.org/situs/", '<a href="https://warga.example.org/situs/prosedur/biaya-paspor/#tarif">tarif</a>'),
    (None, "tarif"),
])
def test_leaflet_links_to_other_pages_are_public_addresses_or_text(tmp_path, public_url, expected):
    site_dir, page = _leaflet_site(tmp_path, "")
    leaflet = _leaflet_of(page)
    address = public_url + "prosedur/m-paspor/" if public_url else None
    body = ('<p><a href="../biaya-paspor/#tarif">tarif</a> <a href="#langkah">langkah</a> '
            '<a href="#tidak-ada">hilang</a> <a href="https://kp2mi.go.id/">KP2MI</a> '
            '<a href="tel:129">129</a></p><h2 id="langkah">Langkah</h2>')
    document = leaflets.leaflet_html(f"<article>{body}</article>", leaflet, "leaflet.css", address)
    assert expected in document
    assert '<a href="#langkah">langkah</a>' in document  # a part of the leaflet itself
    assert "hilang" in document and 'href="#tidak-ada"' not in document  # not in the leaflet: text
    assert '<a href="https://kp2mi.go.id/">KP2MI</a>' in document and '<a href="tel:129">129</a>' in document


def test_the_cache_renders_again_only_when_the_page_or_an_image_changed(tmp_path, no_cache, monkeypatch):
    site_dir, page = _leaflet_site(tmp_path, "<h1>Topik</h1><p>Isi</p><img src='peta.svg' alt='peta'>")
    image = page.parent / "peta.svg"
    image.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    rendered = []
    real_render = leaflets.render
    monkeypatch.setattr(leaflets, "render", lambda *a: rendered.append(1) or real_render(*a))
    pdf = page.parent / "leaflet-topik-xx.pdf"

    def build():
        pdf.unlink(missing_ok=True)
        leaflet = _leaflet_of(page)
        leaflets.build(site_dir, "xx", [leaflet])
        return pdf.read_bytes()

    first = build()
    assert build() == first and len(rendered) == 1  # unchanged: copied from the cache
    image.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"/>')
    build()
    assert len(rendered) == 2  # the image changed
    page.write_text(page.read_text().replace("Isi", "Isi baru"))
    build()
    assert len(rendered) == 3  # the page changed
