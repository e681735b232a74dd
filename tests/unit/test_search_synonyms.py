"""Residents' words for search (scripts/sitegen/postbuild/search_words.py) without a site build: reading
data/search-words.yml per language (with the words of the language named by `also`), which group
members the built pages contain, the typo vocabulary and the "no results" page list. Each data file
here is a few lines written out, so every expected value can be checked by eye."""

from __future__ import annotations

import json
import re

import pytest

from sitegen.postbuild import search_words

WORDS = """\
id:
  same:
    - [pekerja migran, PMI, TKI]
    - [hilang, ilang]
    - [E-Paspor, paspor elektronik]
    - [sendiri]
    - not a list
    - [7, calo, makelar]
  stop: [yang, di, 5, TKI]
lpg:
  same:
    - [lebon, hilang]
    - [gawoh, saja]
  stop: [ni, yang]
  also: id
en:
  same:
    - [migrant worker, TKI]
  stop: [the]
  also: en
xx: not a section
"""


def _load(tmp_path, text=WORDS, languages=("id", "lpg", "en")):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / search_words.FILE).write_text(text, encoding="utf-8")
    return search_words.load(tmp_path, list(languages))


def test_groups_and_stop_words_of_one_language(tmp_path):
    words = _load(tmp_path)["id"]
    assert words.groups == [["pekerja migran", "pmi", "tki"], ["hilang", "ilang"], ["epaspor", "paspor elektronik"],
                            ["calo", "makelar"]]
    assert words.stop == {"yang", "di"}  # a grouped word is never a stop word


def test_also_merges_the_other_languages_words(tmp_path):
    words = _load(tmp_path)["lpg"]
    # `lebon` = `hilang` here, and `hilang` = `ilang` in Indonesian: one group.
    assert words.groups == [["gawoh", "saja"], ["pekerja migran", "pmi", "tki"], ["lebon", "hilang", "ilang"],
                            ["epaspor", "paspor elektronik"], ["calo", "makelar"]]
    assert words.stop == {"ni", "yang", "di"}


def test_also_naming_itself_changes_nothing(tmp_path):
    words = _load(tmp_path)["en"]
    assert words.groups == [["migrant worker", "tki"]]
    assert words.stop == {"the"}


def test_an_unknown_also_or_a_missing_section_gives_nothing(tmp_path):
    loaded = _load(tmp_path, "id:\n  same: [[a, b]]\n  also: fr\nlpg: 5\nfr:\n  same: [[c, d]]\n", ("id", "lpg"))
    assert loaded["id"].groups == [["a", "b"]] and loaded["id"].stop == set()
    assert loaded["lpg"].groups == [] and loaded["lpg"].stop == set()


@pytest.mark.parametrize("text", ["", "- a list\n", "id: [unclosed\n"])
def test_an_empty_or_broken_file_gives_no_words(tmp_path, text):
    loaded = _load(tmp_path, text, ("id",))
    assert loaded["id"].groups == [] and loaded["id"].stop == set()


def test_a_missing_file_gives_no_words(tmp_path):
    loaded = search_words.load(tmp_path, ["id", "en"])
    assert [(w.groups, w.stop) for w in loaded.values()] == [([], set()), ([], set())]


def test_merge_joins_groups_that_share_a_word_in_first_order():
    assert search_words._merge([["a", "b"], ["c", "d"], ["d", "b", "e"], ["f"]]) == [["a", "b", "c", "d", "e"], ["f"]]


@pytest.mark.parametrize("text, normal", [
    ("TKI", "tki"), ("E-Paspor", "epaspor"), ("  Perdagangan   MANUSIA? ", "perdagangan manusia"),
    ("Türkiye", "turkiye"), ("cuma-cuma, 10 tahun", "cumacuma 10 tahun"), ("jum'at", "jumat"),
    ("a_b", "a b"), ("- awal", "awal"),
])
def test_normalize(text, normal):
    assert search_words.normalize(text) == normal


@pytest.mark.parametrize("text, words", [
    ("E-Paspor baru", ["epaspor", "e", "paspor", "baru"]),
    ("Jum'at", ["jumat", "jum", "at"]),
    ("Türkiye_x", ["turkiye", "x"]),
    ("--", []),
])
def test_words_of_as_pagefind_indexes(text, words):
    assert search_words.words_of(text) == words


PAGE = ('<html><head><meta data-pagefind-meta="terms:bikin paspor / TKI"><meta data-pagefind-meta="terms:jam: 8">'
        '</head><body><nav>Menu calo</nav>'
        '<main data-pagefind-body><h1><b>Paspor</b> <abbr title="x">hilang</abbr></h1><br/><img alt="">'
        '<p>Pekerja migran &amp; <b>E-Paspor</b>.</p><div data-pagefind-ignore><p>makelar</p><p>x</p></div>'
        '<h1>Kedua</h1><p/><p>akhir</p></main><footer>ilang</footer></body></html>')


def test_indexed_text_is_what_pagefind_reads():
    page = search_words.IndexedText(PAGE)
    assert page.found is True
    assert page.title == "Paspor hilang"
    assert page.plain == "Paspor hilang Pekerja migran & E-Paspor . Kedua akhir"
    assert page.terms == ["bikin paspor / TKI", "jam: 8"]


def test_a_page_without_body_has_no_text():
    page = search_words.IndexedText("<html><body><p>teks</p></body></html>")
    assert (page.found, page.plain, page.title) == (False, "", "")


def test_terms_text_keeps_commas_out():
    assert search_words.terms_text(["bikin paspor", "Korea,  Jepang", 5]) == "bikin paspor / Korea Jepang / 5"


def _words_js(text: str) -> dict:
    return json.loads(re.fullmatch(r"window\.SITE_SEARCH_WORDS = (.*);\n", text, re.S).group(1))


def test_words_file_marks_which_members_the_pages_contain(tmp_path):
    words = _load(tmp_path)["id"]
    pages = [search_words.IndexedText(PAGE)]
    # Found first, then "|", then the members no page contains; a group with none found is left out.
    # Compact JSON, letters as they are (the file goes over 3G).
    assert search_words.words_file(words, pages, {"pages": []}, {"search.none": "Tidak ada — coba lagi"}) == (
        'window.SITE_SEARCH_WORDS = {"stop":["di","yang"],"same":[["pekerja migran","tki","|","pmi"],'
        '["hilang","|","ilang"],["epaspor","|","paspor elektronik"]],"none":{"pages":[]},'
        '"ui":{"search.none":"Tidak ada — coba lagi"}};\n')


def test_a_phrase_is_found_only_as_whole_words():
    pages = [search_words.IndexedText('<div data-pagefind-body><p>pekerja migrantes</p></div>')]
    words = search_words.LanguageWords(groups=[["pekerja migran", "tki"]])
    assert _words_js(search_words.words_file(words, pages, {}, {}))["same"] == []


def _vocabulary(text: str) -> str:
    return json.loads(re.fullmatch(r"window\.SITE_SEARCH_VOCABULARY = (.*);\n", text, re.S).group(1))


def test_vocabulary_is_sorted_front_coded_and_skips_short_long_and_digit_words():
    pages = [search_words.IndexedText('<div data-pagefind-body>paspor paspormu pas 12345 '
                                      + "a" * 25 + " " + "b" * 24 + ' biaya</div>'),
             search_words.IndexedText('<meta data-pagefind-meta="terms:türkiye"><meta data-pagefind-meta="terms:straße">'
                                      '<div data-pagefind-body>x</div>')]
    words = search_words.LanguageWords(groups=[["kantor imigrasi", "kanim"]])
    assert search_words.vocabulary_file(words, pages) == (
        'window.SITE_SEARCH_VOCABULARY = "0bbbbbbbbbbbbbbbbbbbbbbbb 1iaya 0imigrasi 0kanim 3tor 0paspor 6mu 0straße '
        '0turkiye";\n')


def test_front_coding_shares_at_most_nine_letters():
    pages = [search_words.IndexedText('<div data-pagefind-body>abcdefghijkl abcdefghijkm</div>')]
    assert _vocabulary(search_words.vocabulary_file(search_words.LanguageWords(), pages)) == (
        "0abcdefghijkl 9jkm")


HOME = ('<h2 id="lain">Lain</h2><ul><li><a href="x/">X</a></li></ul>'
        '<h2 id="tugas">Sering</h2><p><a href="p/">bukan daftar</a></p>'
        '<ul><li>Pilihan: <a href="prosedur/biaya-paspor/">Biaya\n  paspor</a></li>'
        '<li><a href="../lokasi-layanan/index.html"><b>Lokasi</b> layanan</a></li>'
        '<li><a href="https://imigrasi.go.id/">Luar</a></li><li><a>tanpa alamat</a></li>'
        '<li><a href="alat/">Alat bantu</a></li></ul>'
        '<ul><li><a href="sesudah/">Sesudah</a></li></ul>')


def test_most_used_pages_are_the_list_after_the_heading():
    assert search_words.most_used_pages(HOME, "en/") == [
        {"title": "Biaya paspor", "path": "en/prosedur/biaya-paspor/"},
        {"title": "Lokasi layanan", "path": "lokasi-layanan/"},
        {"title": "Alat bantu", "path": "en/alat/"},
    ]


def test_build_writes_each_languages_files_from_its_own_pages(tmp_path):
    _load(tmp_path)
    site = tmp_path / "site"
    pages = {
        "index.html": HOME,
        "prosedur/a/index.html": '<div data-pagefind-body><h1>Paspor hilang</h1>TKI pekerja migran</div>',
        "lpg/prosedur/a/index.html": '<div data-pagefind-body><h1>Paspor lebon</h1>gawoh ilang</div>',
        "en/prosedur/a/index.html": '<div data-pagefind-body><h1>Lost</h1>migrant worker PMI</div>',
        "search/index.html": '<div data-pagefind-body>hilang ilang</div>',
        "offline/index.html": '<div data-pagefind-body>ilang</div>',
    }
    for rel, html in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(html, encoding="utf-8")
    written = search_words.build(str(site), tmp_path, ["id", "lpg", "en"], "id", {"lpg": "ljp"},
                                 {"id": [{"name": "SAPA", "phone": "129", "href": "tel:129"}]},
                                 {"id": {"search.none": "Tidak ada", "notice.x": "y"}})
    out = site / "assets" / "search"
    assert written == {"id": [out / "words-id.js", out / "vocabulary-id.js"],
                       "lpg": [out / "words-ljp.js", out / "vocabulary-ljp.js"],
                       "en": [out / "words-en.js", out / "vocabulary-en.js"]}
    indonesian = _words_js((out / "words-id.js").read_text(encoding="utf-8"))
    assert indonesian["same"] == [["pekerja migran", "tki", "|", "pmi"], ["hilang", "|", "ilang"]]
    assert indonesian["none"] == {"pages": [{"title": "Biaya paspor", "path": "prosedur/biaya-paspor/"},
                                            {"title": "Lokasi layanan", "path": "lokasi-layanan/"},
                                            {"title": "Alat bantu", "path": "alat/"}],
                                  "hotlines": [{"name": "SAPA", "phone": "129", "href": "tel:129"}],
                                  "hotline_page": "lokasi-layanan/nomor-penting/"}
    assert indonesian["ui"] == {"search.none": "Tidak ada"}
    lampung = _words_js((out / "words-ljp.js").read_text(encoding="utf-8"))
    assert lampung["same"] == [["gawoh", "|", "saja"], ["lebon", "ilang", "|", "hilang"]]
    assert lampung["none"] == {"pages": [], "hotlines": [], "hotline_page": "lpg/lokasi-layanan/nomor-penting/"}
    assert lampung["ui"] == {}
    assert _vocabulary((out / "vocabulary-en.js").read_text(encoding="utf-8")) == "0lost 0migrant 0worker"
    # A rebuild (mkdocs serve) writes the same files again.
    assert search_words.build(str(site), tmp_path, ["id"], "id", {}, {}, {}) == {"id": [out / "words-id.js",
                                                                                       out / "vocabulary-id.js"]}
