""""Kabar terbaru": the page and home list per language, the Atom feeds read back with feedparser, the
automatic entries derived from data, the data file's check, and the A5 notices read with poppler and zbar."""

from __future__ import annotations

import re

import feedparser
import pdf_tools
import pytest
import yaml
from conftest import DEFAULT, HTML_LANG, LANGUAGES, PUBLIC_URL, ROOT, Tags, copy_project, lang_prefix, page_urls

from sitegen.config import site_address
from sitegen.models import data_files
from sitegen.pages import whats_new

NEWS = yaml.safe_load((ROOT / "data" / "whats-new.yml").read_text(encoding="utf-8"))
# The page's entries as the data says them today: the announcements in the file's order, then the
# automatic entries of the same day (fees before pages).
EXPECTED_ORDER = ["situs-dibuka", "tarif-paspor-pp-45-2024", "cek-tawaran-kerja", "tarif-2026-12-01",
                  "diperiksa-2026-12-01"]
AUTOMATIC_TITLES = {
    "id": ["Tarif resmi diperiksa", "{n} halaman diperiksa"],
    "lpg": ["Tarif resmi diperiksa", "{n} halaman diperiksa"],
    "en": ["Official fees checked", "{n} pages checked"],
}
A5_POINTS = (419.53, 595.28)


def _page_count() -> int:
    return len(list((ROOT / "docs" / DEFAULT).rglob("*.md")))


def _expected_titles(lang: str) -> list[str]:
    news = [entry["title"][lang] for entry in NEWS]
    return news + [t.replace("{n}", str(_page_count())) for t in AUTOMATIC_TITLES[lang]]


def _feed_path(site, lang):
    return site.dir / lang_prefix(lang) / "kabar-terbaru" / "feed.xml"


# --- the feed --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_a_valid_atom_feed_of_its_entries(public_site, lang):
    parsed = feedparser.parse(_feed_path(public_site, lang).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.language == HTML_LANG[lang]
    page = PUBLIC_URL + lang_prefix(lang) + "kabar-terbaru/"
    assert parsed.feed.link == page
    assert parsed.feed.id == page
    assert [e.title for e in parsed.entries] == _expected_titles(lang)
    assert [e.id for e in parsed.entries] == [page + "#" + key for key in EXPECTED_ORDER]
    assert [e.link for e in parsed.entries] == [page + "#" + key for key in EXPECTED_ORDER]
    assert parsed.feed.updated == "2026-12-01T00:00:00+07:00"
    for entry, data in zip(parsed.entries, NEWS):
        assert entry.summary.startswith(data["summary"][lang])
        assert entry.published == "2026-12-01T00:00:00+07:00"
        related = [l.href for l in entry.links if l.rel == "related"]
        assert related == [PUBLIC_URL + lang_prefix(lang) + _site_path(p) for p in data["pages"]]
        enclosure = [l.href for l in entry.links if l.rel == "enclosure"]
        assert enclosure == [page + f"pengumuman-{data['id']}-{lang}.pdf"]
    fees = parsed.entries[3]
    if lang == "en":
        assert "E-passport, valid 10 years: IDR 950,000" in fees.summary
    else:
        assert "E-paspor, berlaku 10 tahun: Rp950.000" in fees.summary


def _site_path(rel: str) -> str:
    return "" if rel == "index.md" else rel.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"


def test_every_address_in_the_feeds_is_absolute_and_public(public_site):
    for lang in LANGUAGES:
        text = _feed_path(public_site, lang).read_text(encoding="utf-8")
        assert "127.0.0.1" not in text and "localhost" not in text
        for address in re.findall(r'(?:href="|<id>|<uri>)([^"<]+)', text):
            assert address.startswith(PUBLIC_URL), address


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_the_feed_of_its_language(public_site, lang):
    feed = PUBLIC_URL + lang_prefix(lang) + "kabar-terbaru/feed.xml"
    for url in page_urls(public_site.dir):
        links = Tags(public_site.html(lang_prefix(lang) + url)).find("link", rel="alternate", type="application/atom+xml")
        assert [l["href"] for l in links] == [feed], url
    page = Tags(public_site.html(lang_prefix(lang) + "kabar-terbaru/"))
    assert page.find("a", href="feed.xml")


def test_without_a_public_address_there_is_no_feed(site):
    """The session site is built with SITE_URL on 127.0.0.1: nothing may point there from outside."""
    assert not list(site.dir.rglob("feed.xml"))
    for lang in LANGUAGES:
        for url in ("", "kabar-terbaru/", "prosedur/biaya-paspor/"):
            html = site.html(lang_prefix(lang) + url)
            assert "application/atom+xml" not in html
            assert 'href="feed.xml"' not in html


@pytest.mark.parametrize("site_url, public", [
    (None, None), ("", None),
    ("http://127.0.0.1:8000/", None), ("http://localhost:8000/situs/", None), ("http://app.localhost/", None),
    ("http://[::1]:8000/", None), ("http://0.0.0.0:8000/", None), ("file:///home/a/site/", None),
    ("https://warga.example.org/info-imigrasi", "https://warga.example.org/info-imigrasi/"),
    ("https://warga.github.io/", "https://warga.github.io/"),
    ("http://192.168.1.10/", "http://192.168.1.10/"),  # a village Wi-Fi box serves phones on the LAN
])
def test_public_address(site_url, public):
    assert site_address.public_base(site_url) == public


# --- the page and the home page --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_lists_entries_newest_first_with_their_sources(public_site, lang):
    html = public_site.html(lang_prefix(lang) + "kabar-terbaru/")
    # The article up to its list of sources (scripts/sitegen/pages/citations.py adds that after the content).
    article = re.search(r"<article\b.*?</article>", html, re.S)[0].split('id="site-sources-title"', 1)[0]
    assert re.findall(r'<h2 id="([^"]+)"', article) == EXPECTED_ORDER
    for entry in NEWS:
        section = article.split(f'id="{entry["id"]}"', 1)[1].split("<h2", 1)[0]
        assert 'class="site-cite"' in section  # the official source, numbered
        assert f'href="pengumuman-{entry["id"]}-{lang}.pdf"' in section
    # The automatic entry of the reviewed pages links every page, folded.
    reviewed = article.split('id="diperiksa-2026-12-01"', 1)[1]
    assert reviewed.count("<li>") == _page_count()
    assert "<details" in reviewed


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_shows_the_three_newest(public_site, lang):
    html = public_site.html(lang_prefix(lang))
    section = html.split('id="kabar-terbaru"', 1)[1].split("<h2", 1)[0]
    assert re.findall(r'href="kabar-terbaru/#([^"]+)"', section) == EXPECTED_ORDER[:3]
    assert 'href="kabar-terbaru/"' in section


# --- automatic entries come from data, and nothing else ---------------------------------------------


def test_automatic_entries_follow_reviewed_dates_and_fee_sources(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "prosedur" / "m-paspor.md"
    page.write_text(page.read_text(encoding="utf-8").replace("reviewed: 2026-12-01", "reviewed: 2026-11-20"),
                    encoding="utf-8")
    sources = project / "data" / "sources" / "prosedur.yml"
    text = sources.read_text(encoding="utf-8")
    block = text.split("- id: pp-45-2024-e-paspor-10", 1)[1].split("\n\n", 1)[0]
    sources.write_text(text.replace(block, block.replace("read: 2026-12-01", "read: 2026-11-25")), encoding="utf-8")

    english = whats_new.entries("en", DEFAULT, root=project)
    by_id = {e.id: e for e in english}
    assert [e.id for e in english][-2:] == ["tarif-2026-11-25", "diperiksa-2026-11-20"]
    assert by_id["diperiksa-2026-11-20"].pages == ("prosedur/m-paspor.md",)
    assert by_id["diperiksa-2026-11-20"].title == "1 pages checked"
    assert by_id["tarif-2026-11-25"].fees == ("e-paspor-10",)
    assert "prosedur/m-paspor.md" not in by_id["diperiksa-2026-12-01"].pages
    # Indonesian keeps its own dates: only the English page was reviewed earlier.
    assert "diperiksa-2026-11-20" not in {e.id for e in whats_new.entries("id", DEFAULT, root=project)}


def test_the_feed_is_the_same_bytes_on_every_build():
    first = whats_new.feed_xml("lpg", DEFAULT, PUBLIC_URL, "Info Imigrasi Lampung Barat", "ljp")
    assert whats_new.feed_xml("lpg", DEFAULT, PUBLIC_URL, "Info Imigrasi Lampung Barat", "ljp") == first


# --- the data file's check -------------------------------------------------------------------------

BROKEN = """\
- id: satu
  date: 2026-12-01
  title: {id: Judul, lpg: Judul, en: Title}
  summary: {id: Ringkasan, lpg: Ringkasan, en: Summary}
  pages: [prosedur/biaya-paspor.md]
  source: pp-45-2024-menimbang
- id: dua
  date: 2026-13-01
  title: {id: Judul, en: Title}
  summary: {id: Ringkasan <b>tebal</b>, lpg: Ringkasan, en: Summary}
  pages: [prosedur/tidak-ada.md]
  source: radarlambar-2026-dua-wna
- id: tiga
  date: 2026-12-01
  title: {id: Judul, lpg: Judul, en: Title}
  summary: {id: Ringkasan, lpg: Ringkasan, en: Summary}
  pages: [index.md]
  source: tidak-ada
"""


def test_a_broken_data_file_is_named_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "whats-new.yml").write_text(BROKEN, encoding="utf-8")
    valid, problems = data_files.validate(project, data_files.WHATS_NEW, LANGUAGES)
    assert [e["id"] for e in valid] == ["satu"]
    found = {(p.path, p.line, p.rule) for p in problems}
    assert found == {
        ("data/whats-new.yml", 8, "data/whats-new/invalid"),   # 2026-13-01
        ("data/whats-new.yml", 9, "data/whats-new/invalid"),   # no Lampung title
        ("data/whats-new.yml", 10, "data/whats-new/invalid"),  # markup
        ("data/whats-new.yml", 11, "data/whats-new/invalid"),  # unknown page
        ("data/whats-new.yml", 18, "data/whats-new/source"),   # unknown source
    }
    messages = " ".join(p.message for p in problems)
    assert "TAHUN-BULAN-HARI" in messages and "`lpg`" in messages and "prosedur/tidak-ada.md" in messages
    assert "tidak ada di data/sources/" in messages


def test_a_news_report_is_not_a_source_for_an_announcement(tmp_path):
    project = copy_project(tmp_path / "project")
    text = BROKEN.split("- id: dua", 1)[0].replace("pp-45-2024-menimbang", "radarlambar-2026-dua-wna")
    (project / "data" / "whats-new.yml").write_text(text, encoding="utf-8")
    valid, problems = data_files.validate(project, data_files.WHATS_NEW, LANGUAGES)
    assert valid == []
    assert [(p.line, p.rule) for p in problems] == [(6, "data/whats-new/source")]
    assert "hanya mengutip sumber resmi" in problems[0].message


# --- A5 notices ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tools():
    pdf_tools.require_tools()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_announcement_prints_on_one_a5_sheet_with_a_qr_code_to_it(public_site, tools, tmp_path, lang):
    for entry in NEWS:
        pdf = public_site.dir / lang_prefix(lang) / "kabar-terbaru" / f"pengumuman-{entry['id']}-{lang}.pdf"
        assert pdf_tools.page_count(pdf) == 1
        width, height = pdf_tools.page_size(pdf)
        assert abs(width - A5_POINTS[0]) < 1.5 and abs(height - A5_POINTS[1]) < 1.5
        text = pdf_tools.text(pdf)
        assert " ".join(entry["title"][lang].split()) in text
        address = PUBLIC_URL + lang_prefix(lang) + "kabar-terbaru/#" + entry["id"]
        assert pdf_tools.qr_codes(pdf, tmp_path / entry["id"]) == [address]
        # Printed too, for a phone without a QR reader (a long address wraps, maybe at a hyphen).
        assert address.replace("-", "") in text.replace(" ", "").replace("-", "")
        assert all(f["emb"] == "yes" for f in pdf_tools.fonts(pdf))


def test_without_a_public_address_a_notice_has_no_qr_code(site, tools, tmp_path):
    pdf = site.dir / "kabar-terbaru" / "pengumuman-situs-dibuka-id.pdf"
    assert pdf_tools.page_count(pdf) == 1
    assert pdf_tools.qr_codes(pdf, tmp_path) == []
    assert "127.0.0.1" not in pdf_tools.text(pdf)
