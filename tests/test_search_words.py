"""Residents' words for search without a browser: the data file and its check, page search terms,
the files the browser reads (scripts/sitegen/postbuild/search_words.py), our compacted JavaScript and Pagefind's
recompressed files."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import textwrap

import pytest
from conftest import LANGUAGES, ROOT, Tags
from test_content_checks import ORIGINAL, project, write  # noqa: F401 (fixture)

from sitegen.checks import runner
from sitegen.models.content import ERROR, WARNING
from sitegen.postbuild import js_compact, search_index, search_words


def words_js(text: str) -> dict:
    return json.loads(re.fullmatch(r"window\.SITE_SEARCH_WORDS = (.*);\n", text, re.S).group(1))


def vocabulary_js(text: str) -> list[str]:
    coded = json.loads(re.fullmatch(r"window\.SITE_SEARCH_VOCABULARY = (.*);\n", text, re.S).group(1))
    words, previous = [], ""
    for entry in coded.split(" "):
        previous = previous[: int(entry[0])] + entry[1:]
        words.append(previous)
    return words


# --- normalizing and reading pages ------------------------------------------------------------------


@pytest.mark.parametrize("text, normal", [
    ("TKI", "tki"),
    ("E-Paspor", "epaspor"),
    ("  Perdagangan   MANUSIA? ", "perdagangan manusia"),
    ("Türkiye", "turkiye"),
    ("cuma-cuma, 10 tahun", "cumacuma 10 tahun"),
])
def test_normalize_as_pagefind_indexes(text, normal):
    assert search_words.normalize(text) == normal


def test_indexed_text_leaves_out_what_pagefind_ignores():
    html = """<html><body><nav>Menu paspor</nav><div data-pagefind-body><h1>Biaya <abbr>paspor</abbr></h1>
    <p>Tarif resmi.<sup class="site-cite" data-pagefind-ignore><a href="#ref-1">[1]</a></sup> Bayar di bank.</p>
    <img src="x.png" alt=""><br>
    <span hidden data-pagefind-meta="terms:harga paspor / ongkos"></span></div>
    <aside data-pagefind-ignore>Sumber</aside></body></html>"""
    page = search_words.IndexedText(html)
    assert page.found and page.title == "Biaya paspor"
    assert page.plain == "Biaya paspor Tarif resmi. Bayar di bank."
    assert page.terms == ["harga paspor / ongkos"]


def test_search_terms_become_one_metadata_value_without_commas():
    assert search_words.terms_text(["bikin paspor", "a, b", "  tanpa   hp "]) == "bikin paspor / a b / tanpa hp"


# --- the data file and the files the browser reads --------------------------------------------------


DATA = textwrap.dedent("""\
    id:
      same:
        - [pekerja migran, pmi, tki]
        - [hilang, ilang]
      stop: [yang, di]
    lpg:
      also: id
      same:
        - [hilang, lebon]
      stop: [sai]
    en:
      same:
        - [fee, cost, how much]
      stop: [how, much, is]
    """)


def test_load_merges_the_language_named_by_also(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "search-words.yml").write_text(DATA, encoding="utf-8")
    words = search_words.load(tmp_path, LANGUAGES)
    assert words["id"].groups == [["pekerja migran", "pmi", "tki"], ["hilang", "ilang"]]
    assert words["lpg"].groups == [["pekerja migran", "pmi", "tki"], ["hilang", "lebon", "ilang"]]
    assert words["lpg"].stop == {"sai", "yang", "di"}
    assert words["en"].stop == {"how", "much", "is"}


def test_words_file_keeps_the_words_pages_use_first(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "search-words.yml").write_text(DATA, encoding="utf-8")
    words = search_words.load(tmp_path, LANGUAGES)["id"]
    page = search_words.IndexedText('<div data-pagefind-body><h1>Hak pekerja migran</h1><p>PMI wajib lapor.</p>'
                                    '<span hidden data-pagefind-meta="terms:paspor hilang"></span></div>')
    data = words_js(search_words.words_file(words, [page], {"pages": [], "hotlines": []}, {"search.more": "Lagi"}))
    assert data["same"] == [["pekerja migran", "pmi", "|", "tki"], ["hilang", "|", "ilang"]]
    assert data["stop"] == ["di", "yang"]
    assert data["ui"] == {"search.more": "Lagi"}


def test_a_one_line_edit_of_the_data_file_reaches_the_search(tmp_path):
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "search-words.yml"
    path.write_text(DATA, encoding="utf-8")
    page = search_words.IndexedText('<div data-pagefind-body><h1>Calo</h1><p>Jangan pakai calo.</p></div>')
    before = words_js(search_words.words_file(search_words.load(tmp_path, LANGUAGES)["id"], [page], {}, {}))
    path.write_text(DATA.replace("    - [hilang, ilang]\n", "    - [hilang, ilang]\n    - [calo, makelar]\n", 1))
    after = words_js(search_words.words_file(search_words.load(tmp_path, LANGUAGES)["id"], [page], {}, {}))
    assert ["calo", "|", "makelar"] not in before["same"]
    assert ["calo", "|", "makelar"] in after["same"]


def test_vocabulary_is_every_page_word_of_four_letters_or_more(tmp_path):
    page = search_words.IndexedText('<div data-pagefind-body><h1>Paspor</h1><p>Paspormu di M-Paspor, '
                                    'biaya 2024, ada.</p><span hidden data-pagefind-meta="terms:bikin"></span></div>')
    words = search_words.LanguageWords(groups=[["hilang", "ilang"]])
    vocabulary = vocabulary_js(search_words.vocabulary_file(words, [page]))
    assert vocabulary == ["biaya", "bikin", "hilang", "ilang", "mpaspor", "paspor", "paspormu"]
    coded = json.loads(search_words.vocabulary_file(words, [page]).split(" = ", 1)[1].rstrip(";\n"))
    assert coded.split(" ")[:2] == ["0biaya", "2kin"] and coded.split(" ")[-2:] == ["0paspor", "6mu"]


# --- the check of the data file ---------------------------------------------------------------------


def check(project, text: str):
    (project / "data" / "search-words.yml").write_text(text, encoding="utf-8")
    return [p for p in runner.run(project, LANGUAGES) if p.rule.startswith("search-words/")]


GOOD = "id:\n  same:\n    - [kantor, kanim]\n  stop: [ini]\n"


@pytest.mark.parametrize("text, rule, line, words", [
    ("id:\n  same:\n    - [kantor, kanim]\n    - [kanim, kanwil]\n", "search-words/duplicate", 4,
     ["`kanim` sudah ada di baris 3"]),
    ("id:\n  same:\n    - [kantor, Kantor]\n", "search-words/duplicate", 3, ["dua kali"]),
    ("id:\n  same:\n    - [kantor]\n", "search-words/group", 3, ["paling sedikit dua kata"]),
    ("id:\n  same:\n    - [kantor, <b>kanim</b>]\n", "search-words/word", 3, ["<b>kanim</b>"]),
    ("id:\n  same:\n    - [kantor, kanim]\n  stop: [kanim]\n", "search-words/stop-and-same", 4,
     ["`kanim` ada di `stop` dan di baris 3"]),
    ("id:\n  stop: [dua kata]\n", "search-words/word", 2, ["satu kata"]),
    ("xx:\n  stop: [di]\n", "search-words/language", 1, ["`xx`", "id, lpg, en"]),
    ("id:\n  sama: [[a, b]]\n", "search-words/key", 2, ["`sama`", "same, stop, also"]),
    ("lpg:\n  also: fr\n", "search-words/also", 2, ["id, en"]),
    ("id:\n  same:\n    - [kantor, kanim\n", "search-words/yaml", 4, ["tidak bisa dibaca"]),
])
def test_broken_search_words_are_refused_naming_the_line(project, text, rule, line, words):
    assert check(project, GOOD) == []
    found = [p for p in check(project, text) if p.rule == rule]
    assert found, [str(p) for p in check(project, text)]
    assert found[0].path == "data/search-words.yml" and found[0].line == line and found[0].severity == ERROR
    for word in words:
        assert word in found[0].message, found[0].message


def test_a_line_no_page_uses_is_a_warning(project):
    found = check(project, "id:\n  same:\n    - [kantor, kanim]\n    - [zebra, kuda belang]\n")
    assert [(p.rule, p.line, p.severity) for p in found] == [("search-words/unused", 4, WARNING)]


def test_broken_search_words_fail_the_check_command(project):
    (project / "data" / "search-words.yml").write_text("id:\n  same:\n    - [kantor]\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "docs.py"), "check", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/search-words.yml:3: GALAT [search-words/group]" in result.stdout
    assert "Traceback" not in result.stderr


def test_the_real_data_file_passes():
    assert [str(p) for p in runner.run(ROOT, LANGUAGES) if p.rule.startswith("search-words/")] == []


# --- search_terms in front matter -------------------------------------------------------------------


@pytest.mark.parametrize("terms, reason", [
    ("search_terms: bikin paspor", "harus daftar"),
    ("search_terms:\n  - bikin paspor\n  - Bikin paspor", "dua kali"),
    ('search_terms:\n  - "paspor\\" onclick=x"', "tanpa tanda baca lain"),
    ("search_terms:\n  - <script>", "tanpa tanda baca lain"),
    ("search_terms:\n" + "".join(f"  - kata{i}\n" for i in range(26)).rstrip("\n"), "paling banyak 25"),
])
def test_broken_search_terms_are_refused(project, terms, reason):
    write(project, "id/halaman.md", ORIGINAL.replace("unverified:", terms + "\nunverified:", 1))
    found = [p for p in runner.run(project, LANGUAGES) if p.rule == "metadata/invalid"]
    assert found and found[0].path == "docs/id/halaman.md" and found[0].line == 5
    assert "`search_terms`" in found[0].message and reason in found[0].message, found[0].message


def test_good_search_terms_pass(project):
    write(project, "id/halaman.md", ORIGINAL.replace(
        "unverified:", "search_terms:\n  - bikin paspor\n  - TKI\n  - Hong Kong\n  - ngurus\nunverified:", 1))
    assert [str(p) for p in runner.run(project, LANGUAGES) if p.rule.startswith("metadata/")] == []


# --- the built site ---------------------------------------------------------------------------------


def test_search_terms_are_metadata_on_the_page_not_text(site):
    html = site.html("prosedur/layanan-tanpa-aplikasi/")
    spans = Tags(html).find("span", **{"data-pagefind-meta": "terms:tidak punya hp / tanpa hp / tidak bisa pakai "
                                                             "aplikasi / gaptek / datang langsung"})
    assert len(spans) == 1 and "hidden" in spans[0]
    page = search_words.IndexedText(html)
    assert "gaptek" not in page.plain.lower()  # searched through the metadata only


def test_citation_markers_are_not_indexed(site):
    html = site.html("prosedur/biaya-paspor/")
    markers = Tags(html).find("sup", **{"class": "site-cite"})
    assert markers and all("data-pagefind-ignore" in m for m in markers)
    assert not re.search(r"\[\d+\]", search_words.IndexedText(html).plain)


def test_each_language_gets_its_words_and_vocabulary(site):
    for lang, html_lang in (("id", "id"), ("lpg", "ljp"), ("en", "en")):
        data = words_js((site.dir / "assets" / "search" / f"words-{html_lang}.js").read_text(encoding="utf-8"))
        prefix = "" if lang == "id" else f"{lang}/"
        assert [p["path"] for p in data["none"]["pages"]] == [prefix + p for p in (
            "prosedur/m-paspor/", "prosedur/biaya-paspor/", "jalur-migrasi/bekerja-ke-luar-negeri/",
            "jalur-migrasi/tanda-perdagangan-orang/", "jalur-migrasi/minta-bantuan/", "lokasi-layanan/")]
        assert [h["href"] for h in data["none"]["hotlines"]] == ["tel:110", "tel:129"]
        assert data["none"]["hotline_page"] == prefix + "lokasi-layanan/nomor-penting/"
        vocabulary = vocabulary_js((site.dir / "assets" / "search" / f"vocabulary-{html_lang}.js")
                                   .read_text(encoding="utf-8"))
        assert vocabulary == sorted(set(vocabulary)) and "kotabumi" in vocabulary
    ljp = words_js((site.dir / "assets" / "search" / "words-ljp.js").read_text(encoding="utf-8"))
    lost = next(g for g in ljp["same"] if "lebon" in g)
    assert lost.index("lebon") < lost.index("|") and "ilang" in lost  # Lampung page word, Indonesian also


def test_pagefind_files_are_recompressed_and_still_gzip(site):
    files = [p for p in (site.dir / "pagefind").rglob("*") if p.suffix in search_index.COMPRESSED]
    assert len(files) > 100
    for path in files:
        raw = path.read_bytes()
        assert raw[:4] == bytes.fromhex("1f8b0800"), path.name  # no file name, no time: reproducible
        assert gzip.decompress(raw)[:12] == b"pagefind_dcd", path.name


def test_recompress_keeps_the_content_and_shrinks(tmp_path):
    data = b"pagefind_dcd" + b"paspor hilang atau rusak " * 400
    path = tmp_path / "en_1234567.pf_fragment"
    path.write_bytes(gzip.compress(data, compresslevel=1))
    before = path.stat().st_size
    assert search_index.recompress(tmp_path) > 0
    assert path.stat().st_size < before and gzip.decompress(path.read_bytes()) == data


# --- our JavaScript as readers download it ----------------------------------------------------------


def test_compacted_script_drops_comments_and_indentation_only():
    source = textwrap.dedent("""        // A comment line.
        (() => {
          const url = "https://example.org/a"; // kept: not a whole-line comment
          const text = `first line
            // inside a template literal: kept
          last line`;

          return url + text;
        })();
        """)
    assert js_compact.compact(source) == (
        '(() => {\nconst url = "https://example.org/a"; // kept: not a whole-line comment\n'
        'const text = `first line\n    // inside a template literal: kept\n  last line`;\n'
        'return url + text;\n})();\n')
    unbalanced = "const a = `x;\n// y\n"
    assert js_compact.compact(unbalanced) == unbalanced


def test_built_scripts_are_compacted(site):
    # The read-aloud script rides at the end of site.js (one request fewer before the first paint).
    for name, parts in {"site.js": ("site.js", "read-aloud.js"), "search.js": ("search.js",),
                        "search-offline.js": ("search-offline.js",)}.items():
        built = (site.dir / "assets" / "javascripts" / name).read_text(encoding="utf-8")
        sources = [(ROOT / "overrides" / "assets" / "javascripts" / p).read_text(encoding="utf-8") for p in parts]
        assert built == "".join(js_compact.compact(s) for s in sources) and len(built) < sum(map(len, sources))
        assert not any(line.lstrip().startswith("//") for line in built.splitlines())
