"""One hotline model: the list on the web, `{{ phone ID }}`, the print footer and the PDF leaflets all
show the validated entries of data/hotlines.yml, in the reader's language; an entry the schema
refuses fails `--strict` and is shown nowhere (conftest.TEST_HOTLINES adds one of each)."""

from __future__ import annotations

import re

import pdf_tools
import pytest
from conftest import DEFAULT, LANGUAGES, TEST_PHONE_PAGE, lang_prefix, mkdocs_build

from sitegen.models import hotlines

NAMES = {"id": "Saluran Uji Bahasa", "lpg": "Saluran Uji Cawa Lampung", "en": "Test Line In English"}
NUMBER = "0721-000111"
INVALID = ("Saluran Rusak", "12ab-rusak")
PAGE = TEST_PHONE_PAGE.removesuffix(".md") + "/"


def _page(build, lang: str, url: str = PAGE) -> str:
    return (build.site / lang_prefix(lang) / url / "index.html").read_text(encoding="utf-8")


def _footer(page_html: str) -> str:
    return re.search(r'<footer class="site-print-footer" hidden>(.*?)</footer>', page_html, re.S)[1]


def _article(page_html: str) -> str:
    return re.search(r"<article\b.*?</article>", page_html, re.S)[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_web_list_shows_valid_entries_in_the_readers_language(plain_build, lang):
    article = _article(_page(plain_build, lang))
    assert f"<strong>{NAMES[lang]}</strong>" in article
    assert f'href="tel:0721000111">{NUMBER}</a>' in article
    for other in set(NAMES.values()) - {NAMES[lang]}:
        assert other not in article


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_print_footer_shows_the_same_entries_in_the_readers_language(plain_build, lang):
    for url in (PAGE, "prosedur/m-paspor/"):
        footer = _footer(_page(plain_build, lang, url))
        assert f"<strong>{NAMES[lang]}</strong>" in footer
        assert NUMBER in footer
        assert "{'id'" not in footer and "{&#39;id" not in footer  # a translated name is never a dict


def test_phone_markers_use_the_same_model(plain_build):
    article = _article(_page(plain_build, DEFAULT))
    sentence = re.search(r"Nomor uji: (.*?)\.</p>", article, re.S)[1]
    assert f'<a href="tel:0721000111">{NUMBER}</a>' in sentence
    # The refused entry is not in the model: its marker says "not verified", never the typed text.
    assert re.search(r'nomor rusak: <span class="site-unverified">\(belum diverifikasi\)</span>', sentence)


def test_an_invalid_entry_appears_nowhere(plain_build):
    found = []
    for path in plain_build.site.rglob("*"):
        if path.suffix in (".html", ".js", ".json", ".ics", ".xml"):
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{path.name}: {bad}" for bad in INVALID if bad in text]
    assert found == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_leaflets_print_the_same_entries(plain_build, lang):
    pdf_tools.require_tools()
    pdf = plain_build.site / lang_prefix(lang) / PAGE / f"leaflet-nomor-penting-{lang}.pdf"
    text = pdf_tools.text(pdf)
    assert NAMES[lang] in text and NUMBER in text
    assert not [bad for bad in INVALID if bad in text]


def test_an_invalid_entry_fails_the_strict_build_naming_file_and_line(plain_build, tmp_path):
    lines = (plain_build.project / "data" / "hotlines.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index('  phone: "12ab-rusak"') + 1
    result = mkdocs_build(plain_build.project, tmp_path / "site", None)
    assert result.returncode != 0
    assert f"data/hotlines.yml:{line}: GALAT [data/hotlines/invalid] Entri `uji-rusak`: kolom `phone`" in result.stderr
    assert "Traceback" not in result.stderr


def test_unverified_numbers_are_not_in_the_model():
    unverified = [h for h in hotlines.entries("id", "id") if not h.verified]
    assert unverified, "data/hotlines.yml has unverified entries"
    assert all(h.phone is None and h.whatsapp is None and h.hours is None for h in unverified)
    assert not [h for h in hotlines.print_items("id", "id") if h["name"] in {u.name for u in unverified}]
