"""Offline-copy links (scripts/sitegen/postbuild/page_assets.py resolves a link to a site path, scripts/sitegen/postbuild/offline.py
rewrites it for a folder), one link per case, expected HTML written out: `..`, `../..`, fragments,
queries, pages of another language and the online site."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.postbuild import offline, page_assets

PAGE = "prosedur/biaya-paspor/index.html"  # the page every link below sits in
PUBLIC = "https://warga.example.org/info-imigrasi/"
LABEL = "Perlu internet"


@pytest.mark.parametrize("base, url, target", [
    (PAGE, "../", ("prosedur/index.html", "")),
    (PAGE, "..", ("prosedur/index.html", "")),
    (PAGE, "../../", ("index.html", "")),
    (PAGE, "../..", ("index.html", "")),
    (PAGE, ".", (PAGE, "")),
    (PAGE, "./", (PAGE, "")),
    (PAGE, "../syarat/", ("prosedur/syarat/index.html", "")),
    (PAGE, "../syarat/#dokumen", ("prosedur/syarat/index.html", "dokumen")),
    (PAGE, "../../#tugas", ("index.html", "tugas")),
    (PAGE, "../syarat/?q=paspor", ("prosedur/syarat/index.html", "")),
    (PAGE, "../syarat/?q=paspor#hasil", ("prosedur/syarat/index.html", "hasil")),
    (PAGE, "../../assets/site.css?v=3", ("assets/site.css", "")),
    (PAGE, "../../en/prosedur/biaya-paspor/", ("en/prosedur/biaya-paspor/index.html", "")),
    ("en/prosedur/biaya-paspor/index.html", "../../../", ("index.html", "")),
    ("en/prosedur/biaya-paspor/index.html", "../../", ("en/index.html", "")),
    ("index.html", "prosedur/biaya-paspor/", (PAGE, "")),
    ("index.html", "gambar/peta.webp", ("gambar/peta.webp", "")),
    ("assets/stylesheets/site.css", "../fonts/a.woff2", ("assets/fonts/a.woff2", "")),
])
def test_resolve_local_link(base, url, target):
    assert page_assets.resolve(base, url) == target


@pytest.mark.parametrize("url", [
    "",
    "#tugas",  # a fragment of the page itself
    "/situs/prosedur/",  # from the server's root
    "https://www.imigrasi.go.id/",
    "HTTPS://WWW.IMIGRASI.GO.ID/",
    "mailto:warga@example.org",
    "tel:0721000111",
    "data:text/plain,x",
    "../../../",  # leaves the site
    "../../../luar/index.html",
])
def test_resolve_not_local(url):
    assert page_assets.resolve(PAGE, url) is None


@pytest.mark.parametrize("from_file, target, link", [
    (PAGE, "index.html", "../../index.html"),
    (PAGE, "prosedur/index.html", "../index.html"),
    (PAGE, PAGE, "index.html"),
    (PAGE, "assets/site.css", "../../assets/site.css"),
    ("index.html", PAGE, "prosedur/biaya-paspor/index.html"),
    ("en/index.html", "en/prosedur/index.html", "prosedur/index.html"),
])
def test_relative(from_file, target, link):
    assert page_assets.relative(from_file, target) == link


def _copy() -> offline.Copy:
    """The Indonesian copy: three pages, a stylesheet, a script and a caption file."""
    return offline.Copy("id", pages={"index.html", "prosedur/index.html", "prosedur/syarat/index.html", PAGE},
                        files={"assets/site.css", "assets/site.js", "video/a.vtt"})


def _rewrite(tag: str, public_url: str | None = PUBLIC, copy: offline.Copy | None = None,
             site: Path = Path("/nonexistent")) -> str:
    return offline.rewrite_page(site, tag, PAGE, copy or _copy(), public_url, LABEL)


@pytest.mark.parametrize("tag, rewritten", [
    # Folder links get their index.html, in the copy.
    ('<a href="../">', '<a href="../index.html">'),
    ('<a href="..">', '<a href="../index.html">'),
    ('<a href="../../">', '<a href="../../index.html">'),
    ('<a href="../..">', '<a href="../../index.html">'),
    ('<a href="../syarat/">', '<a href="../syarat/index.html">'),
    ('<a href="./">', '<a href="index.html">'),
    # The fragment stays.
    ('<a href="../syarat/#dokumen">', '<a href="../syarat/index.html#dokumen">'),
    ('<a href="../../#tugas">', '<a href="../../index.html#tugas">'),
    ('<a href="#tugas">', '<a href="#tugas">'),
    # A query is dropped: the page in a folder is one file whatever the query.
    ('<a href="../syarat/?q=paspor">', '<a href="../syarat/index.html">'),
    ('<a href="../syarat/?q=paspor#hasil">', '<a href="../syarat/index.html#hasil">'),
    ('<link rel="stylesheet" href="../../assets/site.css?v=3">', '<link rel="stylesheet" href="../../assets/site.css">'),
    # Files the copy holds keep their (relative) address.
    ('<link rel="stylesheet" href="../../assets/site.css">', '<link rel="stylesheet" href="../../assets/site.css">'),
    # Another language's page is not in the copy: it goes to the public site, marked as online.
    ('<a href="../../en/prosedur/biaya-paspor/">',
     '<a href="https://warga.example.org/info-imigrasi/en/prosedur/biaya-paspor/" data-online="Perlu internet" '
     'rel="external">'),
    ('<a href="../../en/prosedur/biaya-paspor/#biaya">',
     '<a href="https://warga.example.org/info-imigrasi/en/prosedur/biaya-paspor/#biaya" '
     'data-online="Perlu internet" rel="external">'),
    ('<a href="../../lpg/">',
     '<a href="https://warga.example.org/info-imigrasi/lpg/" data-online="Perlu internet" rel="external">'),
    ('<a href="../../offline/info-imigrasi-lampung-barat-id.zip">',
     '<a href="https://warga.example.org/info-imigrasi/offline/info-imigrasi-lampung-barat-id.zip" '
     'data-online="Perlu internet" rel="external">'),
    # A rel the link has already is kept, not doubled.
    ('<a href="../../en/" rel="nofollow">',
     '<a href="https://warga.example.org/info-imigrasi/en/" rel="nofollow" data-online="Perlu internet">'),
    # Links to other sites and schemes are left alone.
    ('<a href="https://www.imigrasi.go.id/">', '<a href="https://www.imigrasi.go.id/">'),
    ('<a href="tel:0721000111">', '<a href="tel:0721000111">'),
    # Head links for search engines and installing the app are dropped.
    ('<link rel="alternate" hreflang="en" href="https://warga.example.org/info-imigrasi/en/">', ''),
    ('<link rel="canonical" href="https://warga.example.org/info-imigrasi/">', ''),
    ('<link rel="manifest" href="../../manifest.webmanifest">', ''),
    # The copy registers no service worker.
    ('<script src="../../assets/site.js" data-service-worker="../../sw.js">', '<script src="../../assets/site.js">'),
    # Ampersands are read as HTML and written back escaped.
    ('<a href="../../en/?a=1&amp;b=2#x&amp;y">',
     '<a href="https://warga.example.org/info-imigrasi/en/#x&amp;y" data-online="Perlu internet" rel="external">'),
])
def test_rewrite_link_with_public_address(tag, rewritten):
    assert _rewrite(tag) == rewritten


@pytest.mark.parametrize("tag, rewritten", [
    # Without a public address a link to what the copy lacks becomes plain text.
    ('<a href="../../en/prosedur/biaya-paspor/">', '<a>'),
    ('<a href="../../en/prosedur/biaya-paspor/#biaya" class="md-select__link">', '<a class="md-select__link">'),
    # ... and links the copy holds are rewritten as with one.
    ('<a href="../../#tugas">', '<a href="../../index.html#tugas">'),
])
def test_rewrite_link_without_public_address(tag, rewritten):
    assert _rewrite(tag, public_url=None) == rewritten


@pytest.mark.parametrize("tag, report", [
    ('<img src="../../gambar/hilang.webp">', "prosedur/biaya-paspor/index.html: ../../gambar/hilang.webp"),
    ('<link rel="stylesheet" href="../../assets/hilang.css">', "prosedur/biaya-paspor/index.html: ../../assets/hilang.css"),
    ('<video poster="../../video/hilang.webp">', "prosedur/biaya-paspor/index.html: ../../video/hilang.webp"),
])
def test_missing_file_is_kept_and_reported(tag, report):
    copy = _copy()
    assert _rewrite(tag, copy=copy) == tag
    assert copy.broken == [report]


def test_caption_file_is_written_into_the_page(tmp_path):
    (tmp_path / "video").mkdir()
    (tmp_path / "video" / "a.vtt").write_text("WEBVTT\n", encoding="utf-8")
    copy = _copy()
    assert _rewrite('<track kind="captions" src="../../video/a.vtt">', copy=copy, site=tmp_path) == (
        '<track kind="captions" src="data:text/vtt;charset=utf-8;base64,V0VCVlRUCg==">')
    assert copy.inlined == {"video/a.vtt"}


def test_check_links_reports_links_to_files_not_in_the_zip():
    copy = _copy()
    offline.check_links({PAGE: b'<a href="../../index.html"><img src="../../gambar/hilang.webp">',
                         "index.html": b"<p>", "assets/site.css": b"a{}"}, copy)
    assert copy.broken == [f"{PAGE}: ../../gambar/hilang.webp"]
