"""Glossary tooltips (scripts/sitegen/models/glossary.py): each language's glossary page gives its own tooltips,
the first sentence of each definition. Which language's glossary a page gets is decided in the build
hooks; tests/test_site_html.py checks it on built pages."""

from __future__ import annotations

import os

import markdown
import pytest
from unit_site import ROOT

from sitegen.models import glossary

GLOSSARY = """\
---
title: Glosarium
---

# Glosarium

KTP
:   Kartu Tanda Penduduk. Kartu identitas warga.

e-Paspor
:   Paspor elektronik dengan cip. Berlaku 10 tahun.

- daftar
: bukan istilah

**Tebal**
:   bukan istilah

Tanpa titik
:   Definisi tanpa titik
"""


def test_terms_and_their_first_sentence(tmp_path):
    (tmp_path / "glosarium.md").write_text(GLOSSARY, encoding="utf-8")
    assert glossary.glossary(tmp_path) == {"KTP": "Kartu Tanda Penduduk", "e-Paspor": "Paspor elektronik dengan cip",
                                            "Tanpa titik": "Definisi tanpa titik"}


def test_a_language_without_glossary_has_no_terms(tmp_path):
    assert glossary.glossary(tmp_path) == {}


def test_an_edited_glossary_is_read_again(tmp_path):
    page = tmp_path / "glosarium.md"
    page.write_text("KTP\n:   Kartu lama.\n", encoding="utf-8")
    assert glossary.glossary(tmp_path) == {"KTP": "Kartu lama"}
    page.write_text("KTP\n:   Kartu baru sekali.\n", encoding="utf-8")
    os.utime(page, ns=(1, 1))  # a different version of the file, whatever the clock
    assert glossary.glossary(tmp_path) == {"KTP": "Kartu baru sekali"}


@pytest.mark.parametrize("lang, tooltip", [
    ("id", "Tindak Pidana Perdagangan Orang"),
    ("lpg", "Tindak Pidana Perdagangan Orang"),
    ("en", "Crime of human trafficking (Tindak Pidana Perdagangan Orang)"),
])
def test_each_language_has_its_own_glossary(lang, tooltip):
    assert glossary.glossary(ROOT / "docs" / lang)["TPPO"] == tooltip


def _render(mdx_configs: dict, text: str) -> str:
    return markdown.Markdown(extensions=["abbr"], extension_configs=mdx_configs).convert(text)


def test_terms_reach_the_abbr_extension_and_the_next_language_replaces_them():
    mdx_configs = {"toc": {"permalink": False}}
    glossary.give_to_markdown(mdx_configs, {"KTP": "Kartu Tanda Penduduk", "PMI": "Pekerja Migran Indonesia"})
    assert _render(mdx_configs, "Bawa KTP.") == '<p>Bawa <abbr title="Kartu Tanda Penduduk">KTP</abbr>.</p>'
    glossary.give_to_markdown(mdx_configs, {"KTP": "Identity card (Kartu Tanda Penduduk)"})
    assert _render(mdx_configs, "Bring KTP and PMI.") == (
        '<p>Bring <abbr title="Identity card (Kartu Tanda Penduduk)">KTP</abbr> and PMI.</p>')
    assert mdx_configs["toc"] == {"permalink": False}  # other extensions' settings stay


def test_a_page_may_still_define_its_own_abbreviation():
    mdx_configs = {}
    glossary.give_to_markdown(mdx_configs, {"KTP": "Kartu Tanda Penduduk"})
    assert _render(mdx_configs, "Bawa KTP ke SPRI.\n\n*[SPRI]: Surat Perjalanan Republik Indonesia") == (
        '<p>Bawa <abbr title="Kartu Tanda Penduduk">KTP</abbr> ke '
        '<abbr title="Surat Perjalanan Republik Indonesia">SPRI</abbr>.</p>')
