"""Leaflets without rendering a site (scripts/sitegen/postbuild/leaflets.py): the two-page limit at its edge, file names
with their language written out, the document handed to WeasyPrint, and the cache. WeasyPrint itself
is replaced by a stand-in that says how many pages it made, so each case takes milliseconds."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from sitegen.postbuild import leaflets

TOO_LONG = ("Leaflet prosedur/m-paspor/leaflet-m-paspor-id.pdf jadi 3 halaman A4; paling banyak 2. Persingkat "
            "halamannya, atau hapus `leaflet: true` dari metadata halaman itu.")


@pytest.mark.parametrize("pages, problem", [(1, None), (2, None), (3, TOO_LONG)])
def test_two_pages_pass_three_fail(pages, problem):
    assert leaflets.too_long("prosedur/m-paspor/leaflet-m-paspor-id.pdf", pages) == problem


@pytest.mark.parametrize("url, lang, name", [
    ("prosedur/m-paspor/", "id", "leaflet-m-paspor-id.pdf"),
    ("en/prosedur/m-paspor/", "en", "leaflet-m-paspor-en.pdf"),
    ("lpg/prosedur/biaya-paspor/", "lpg", "leaflet-biaya-paspor-lpg.pdf"),
    ("prosedur/biaya-paspor.html", "id", "leaflet-biaya-paspor-id.pdf"),
    ("", "id", "leaflet-index-id.pdf"),
    ("en/", "en", "leaflet-en-en.pdf"),
])
def test_file_name_says_what_and_which_language(url, lang, name):
    assert leaflets.file_name(url, lang) == name


PAGE = ('<html><body><nav>Menu</nav><article class="md-content__inner">'
        '<div class="site-notice">Catatan</div><h1 id="t">Paspor &amp; biaya</h1>'
        '<details class="tip"><summary>Lihat</summary>Isi</details><details open><summary>B</summary></details>'
        '<img src="gambar/a.png"></article><footer>Kaki</footer></body></html>')


def _leaflet(tmp_path: Path, reviewed: str = "2026-11-28") -> leaflets.Leaflet:
    page_file = tmp_path / "prosedur" / "m-paspor" / "index.html"
    return leaflets.Leaflet(page_file=page_file, page_url="prosedur/m-paspor/", pdf=page_file.parent / "leaflet-m-paspor-id.pdf",
                            title='Paspor <"baru">', html_lang="ljp", reviewed=reviewed)


def test_leaflet_html_is_the_article_with_its_title_first(tmp_path):
    document = leaflets.leaflet_html(PAGE, _leaflet(tmp_path), "file:///s/leaflet.css")
    assert document == (
        '<!doctype html><html lang="ljp"><head><meta charset="utf-8"><title>Paspor &lt;&quot;baru&quot;&gt;</title>'
        '<meta name="dcterms.modified" content="2026-11-28"><link rel="stylesheet" href="file:///s/leaflet.css">'
        '</head><body><article class="md-typeset leaflet"><h1 id="t">Paspor &amp; biaya</h1>'
        '<div class="site-notice">Catatan</div><details open class="tip"><summary>Lihat</summary>Isi</details>'
        '<details open><summary>B</summary></details><img src="gambar/a.png"></article></body></html>')


def test_leaflet_html_without_review_date_or_heading(tmp_path):
    document = leaflets.leaflet_html("<article><p>x</p></article>", _leaflet(tmp_path, reviewed=""), "l.css")
    assert document == ('<!doctype html><html lang="ljp"><head><meta charset="utf-8"><title>Paspor &lt;&quot;baru'
                        '&quot;&gt;</title><link rel="stylesheet" href="l.css"></head><body>'
                        '<article class="md-typeset leaflet"><p>x</p></article></body></html>')


def test_a_page_without_article_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="no <article> in the built page"):
        leaflets.leaflet_html("<main>x</main>", _leaflet(tmp_path), "l.css")


def _config(hreflang=None):
    return SimpleNamespace(extra={"hreflang": {"id": "id", "lpg": "ljp", "en": "en"} if hreflang is None else hreflang})


def _page(tmp_path, url, meta, locale=None):
    dest = tmp_path / url / "index.html"
    return SimpleNamespace(meta=meta, url=url, title="Biaya &amp; paspor",
                           file=SimpleNamespace(abs_dest_path=str(dest), locale=locale))


def test_only_pages_that_ask_for_a_leaflet_get_one(tmp_path):
    assert leaflets.page_leaflet(_page(tmp_path, "prosedur/a/", {}), _config(), "id") is None
    page = _page(tmp_path, "lpg/prosedur/biaya-paspor/", {"leaflet": True, "reviewed": "2026-11-28"})
    pdf = tmp_path / "lpg/prosedur/biaya-paspor" / "leaflet-biaya-paspor-lpg.pdf"
    assert leaflets.page_leaflet(page, _config(), "lpg") == leaflets.Leaflet(
        page_file=tmp_path / "lpg/prosedur/biaya-paspor/index.html", page_url="lpg/prosedur/biaya-paspor/", pdf=pdf,
        title="Biaya & paspor", html_lang="ljp", reviewed="2026-11-28")


def test_a_language_without_hreflang_keeps_its_code(tmp_path):
    page = _page(tmp_path, "prosedur/a/", {"leaflet": True})
    del page.file.locale  # a page static-i18n did not mark
    assert leaflets.page_leaflet(page, SimpleNamespace(extra={}), "id").html_lang == "id"


def test_an_untranslated_page_says_its_text_is_indonesian(tmp_path):
    page = _page(tmp_path, "en/prosedur/biaya-paspor/", {"leaflet": True}, locale="id")
    leaflet = leaflets.page_leaflet(page, _config({"id": "id-x", "en": "en"}), "en")
    assert (leaflet.html_lang, leaflet.reviewed) == ("id-x", "")


def _site(tmp_path: Path, article: str = "<h1>Biaya</h1><p>Isi</p>") -> tuple[Path, leaflets.Leaflet]:
    site = tmp_path / "site"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / leaflets.STYLESHEET).write_text("body{}", encoding="utf-8")
    leaflet = _leaflet(site)
    leaflet.page_file.parent.mkdir(parents=True)
    leaflet.page_file.write_text(f"<article>{article}</article>", encoding="utf-8")
    (leaflet.page_file.parent / "gambar").mkdir()
    (leaflet.page_file.parent / "gambar" / "a.png").write_bytes(b"one")
    return site, leaflet


@pytest.fixture
def rendered(monkeypatch, tmp_path):
    """WeasyPrint replaced: renders `pages` pages and counts its calls; the cache in tmp_path."""
    calls = []
    state = SimpleNamespace(pages=1, calls=calls)
    monkeypatch.setattr(leaflets, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(leaflets, "render",
                        lambda html, base, site: calls.append((html, base, site)) or (b"%PDF-fake", state.pages))
    yield state


@pytest.mark.parametrize("pages, warnings", [
    (2, []),
    (3, ["Leaflet prosedur/m-paspor/leaflet-m-paspor-id.pdf jadi 3 halaman A4; paling banyak 2. Persingkat "
         "halamannya, atau hapus `leaflet: true` dari metadata halaman itu."]),
])
def test_build_warns_over_two_pages(tmp_path, rendered, caplog, pages, warnings):
    site, leaflet = _site(tmp_path)
    rendered.pages = pages
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.leaflets"):
        assert leaflets.build(site, "id", [leaflet]) == [leaflet.pdf]
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == warnings
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.INFO] == ["Leaflet PDF (id): 1"]
    assert leaflet.pdf.read_bytes() == b"%PDF-fake"
    # WeasyPrint got the leaflet document, the page's own address (for its relative images) and the site.
    stylesheet = (site / leaflets.STYLESHEET).resolve().as_uri()
    assert rendered.calls == [(
        f'<!doctype html><html lang="ljp"><head><meta charset="utf-8"><title>Paspor &lt;&quot;baru&quot;&gt;</title>'
        f'<meta name="dcterms.modified" content="2026-11-28"><link rel="stylesheet" href="{stylesheet}"></head>'
        '<body><article class="md-typeset leaflet"><h1>Biaya</h1><p>Isi</p></article></body></html>',
        leaflet.page_file.resolve().as_uri(), site)]


def test_two_different_leaflets_are_two_renders(tmp_path, rendered):
    site, leaflet = _site(tmp_path)
    other_page = leaflet.page_file.parent.parent / "lain" / "index.html"
    other_page.parent.mkdir()
    other_page.write_text("<article><h1>Lain</h1></article>", encoding="utf-8")
    other = leaflets.Leaflet(page_file=other_page, page_url="prosedur/lain/", pdf=other_page.parent / "leaflet-lain-id.pdf", title="Lain",
                             html_lang="id", reviewed="")
    assert leaflets.build(site, "id", [leaflet, other]) == [leaflet.pdf, other.pdf]
    assert [base for _, base, _ in rendered.calls] == [leaflet.page_file.resolve().as_uri(),
                                                        other_page.resolve().as_uri()]


def test_a_cached_pdf_without_its_page_count_is_rendered_again(tmp_path, rendered):
    site, leaflet = _site(tmp_path)
    leaflets.build(site, "id", [leaflet])
    (pages_file,) = (tmp_path / "cache").glob("*.pages")
    pages_file.unlink()
    leaflets.build(site, "id", [leaflet])
    assert len(rendered.calls) == 2


def test_build_with_nothing_pending_writes_nothing(tmp_path, rendered):
    assert leaflets.build(tmp_path, "id", []) == []
    assert rendered.calls == []


def test_a_second_build_of_the_same_page_comes_from_the_cache(tmp_path, rendered, caplog):
    site, leaflet = _site(tmp_path)
    rendered.pages = 3
    leaflets.build(site, "id", [leaflet])
    leaflet.pdf.unlink()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.leaflets"):
        leaflets.build(site, "id", [leaflet])
    assert len(rendered.calls) == 1  # rendered once
    assert leaflet.pdf.read_bytes() == b"%PDF-fake"
    assert [r.getMessage() for r in caplog.records] == [  # the cached page count still counts
        "Leaflet prosedur/m-paspor/leaflet-m-paspor-id.pdf jadi 3 halaman A4; paling banyak 2. Persingkat "
        "halamannya, atau hapus `leaflet: true` dari metadata halaman itu."]
    assert sorted(p.name for p in (tmp_path / "cache").iterdir())[0].endswith(".pages")


def test_the_cache_key_follows_the_page_the_stylesheet_and_its_images(tmp_path):
    site, leaflet = _site(tmp_path, '<h1>Biaya</h1><img src="gambar/a.png#x">')
    page_html = leaflet.page_file.read_text(encoding="utf-8")
    key = leaflets._cache_key(leaflet, page_html, b"body{}")
    assert key == leaflets._cache_key(leaflet, page_html, b"body{}")  # the same input, the same key
    assert len(key) == 64
    assert key != leaflets._cache_key(leaflet, page_html.replace("Biaya", "Bea"), b"body{}")
    assert key != leaflets._cache_key(leaflet, page_html, b"body{color:red}")
    (leaflet.page_file.parent / "gambar" / "a.png").write_bytes(b"two")
    assert key != leaflets._cache_key(leaflet, page_html, b"body{}")
    other = tmp_path / "elsewhere"
    moved = leaflets.Leaflet(page_file=other / "index.html", page_url="elsewhere/", pdf=other / "x.pdf", title=leaflet.title,
                             html_lang=leaflet.html_lang, reviewed=leaflet.reviewed)
    (other / "gambar").mkdir(parents=True)
    (other / "gambar" / "a.png").write_bytes(b"two")
    assert leaflets._cache_key(moved, page_html, b"body{}") == leaflets._cache_key(leaflet, page_html, b"body{}")


def test_the_cache_keeps_the_newest_entries(tmp_path, monkeypatch):
    cache = tmp_path / "new" / "cache"  # made with its parents
    monkeypatch.setattr(leaflets, "CACHE", cache)
    monkeypatch.setattr(leaflets, "CACHE_KEEP", 2)
    for age, name in enumerate(["c", "b", "a"]):  # newest last, names in the other order
        cached = cache / f"{name}.pdf"
        leaflets._store(cached, b"%PDF", cached.with_suffix(".pages"), 2)
        os.utime(cached, (age, age))
    assert sorted(p.name for p in cache.iterdir()) == ["a.pages", "a.pdf", "b.pages", "b.pdf"]
    assert (cache / "a.pages").read_text() == "2"


def test_the_cache_prunes_entries_whose_page_count_is_gone(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    for age, name in enumerate(["old1", "old2"]):
        (cache / f"{name}.pdf").write_bytes(b"%PDF")  # no .pages beside it
        os.utime(cache / f"{name}.pdf", (age, age))
    monkeypatch.setattr(leaflets, "CACHE", cache)
    monkeypatch.setattr(leaflets, "CACHE_KEEP", 1)
    leaflets._store(cache / "new.pdf", b"%PDF", cache / "new.pages", 1)
    assert sorted(p.name for p in cache.iterdir()) == ["new.pages", "new.pdf"]


def test_render_counts_the_pages_weasyprint_made(tmp_path):
    site = tmp_path / "site"
    (site / "p").mkdir(parents=True)
    (site / "p" / "a.css").write_text("h1 { page-break-before: always }", encoding="utf-8")
    document = '<html><head><link rel="stylesheet" href="a.css"></head><body><p>x</p><h1>2</h1><h1>3</h1></body></html>'
    pdf, pages = leaflets.render(document, (site / "p" / "index.html").as_uri(), site)
    assert pdf.startswith(b"%PDF-") and pages == 3  # the stylesheet, found next to the page, broke the pages


def test_the_fetcher_reads_only_the_built_site(tmp_path, caplog):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.css").write_text("x", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    fetcher = leaflets._offline_fetcher(site)
    assert fetcher.fetch((site / "a.css").as_uri()) is not None
    with pytest.raises(ValueError, match="outside the built site"):
        fetcher.fetch((tmp_path / "secret.txt").as_uri())
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.leaflets"), \
            pytest.raises(ValueError, match="no network while building leaflets"):
        fetcher.fetch("https://evil.example/x.png")
    assert [r.getMessage() for r in caplog.records] == [
        "Leaflet: https://evil.example/x.png tidak diambil (leaflet dibuat tanpa internet). Simpan berkasnya di "
        "repositori ini dan tautkan dari sana."]
