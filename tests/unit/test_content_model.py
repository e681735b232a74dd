"""What the content rules read and report (scripts/sitegen/models/content.py): a page's front matter
with the line of each key, and a problem as the volunteer reads it."""

from __future__ import annotations

import pytest

from sitegen.models.content import ERROR, WARNING, Page, Problem, Site


@pytest.mark.parametrize("problem, text", [
    (Problem("docs/id/a.md", 8, "link/missing", "Tautan rusak."), "docs/id/a.md:8: GALAT [link/missing] Tautan rusak."),
    (Problem("docs/id/a.md", 0, "file/name", "Nama salah.", ERROR), "docs/id/a.md: GALAT [file/name] Nama salah."),
    (Problem("docs/id/a.md", 3, "language/long-sentence", "Panjang.", WARNING),
     "docs/id/a.md:3: PERINGATAN [language/long-sentence] Panjang."),
])
def test_a_problem_reads_file_line_label_rule_message(problem, text):
    assert str(problem) == text


def _page(tmp_path, text: str, rel: str = "a.md", lang: str = "id") -> Page:
    path = tmp_path / "docs" / lang / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return Page.read(tmp_path, lang, rel)


def test_front_matter_keys_and_body(tmp_path):
    page = _page(tmp_path, "\ufeff---\r\ntitle: Judul\r\ndescription: Uji.\r\n---\r\n\r\nBaris satu.\r\nBaris dua.\r\n")
    assert page.meta == {"title": "Judul", "description": "Uji."}
    assert (page.line_of("title"), page.line_of("description"), page.line_of("reviewed")) == (2, 3, 1)
    assert page.has_front_matter and page.meta_error is None
    assert page.body_start == 5
    assert list(page.body_lines()) == [(5, ""), (6, "Baris satu."), (7, "Baris dua."), (8, "")]
    assert page.display == "docs/id/a.md"


def test_front_matter_may_end_with_dots_and_be_empty(tmp_path):
    page = _page(tmp_path, "---\n...\nTeks.\n")
    assert page.meta == {} and page.body == "Teks.\n" and page.body_start == 3


def test_a_page_without_front_matter(tmp_path):
    page = _page(tmp_path, "Teks saja.\n")
    assert (page.meta, page.meta_error, page.has_front_matter, page.body_start) == (None, None, False, 1)
    assert page.line_of("title") == 1 and page.body == "Teks saja.\n"


@pytest.mark.parametrize("text, error", [
    ("---\ntitle: Judul\ndescription: [tidak ditutup\nreviewed: 2026-11-28\n---\n", (3, "did not find expected ',' or ']'")),
    ("---\ntitle: a: b\n---\n", (2, "mapping values are not allowed in this context")),
    ("---\n- satu\n- dua\n---\n", (2, "front matter harus berupa daftar `nama: nilai`")),
])
def test_broken_front_matter_says_where(tmp_path, text, error):
    page = _page(tmp_path, text)
    assert page.meta is None and page.meta_error == error and page.has_front_matter


def test_read_a_missing_page(tmp_path):
    assert Page.read(tmp_path, "id", "tidak-ada.md") is None


def test_site_load_reads_every_language_default_first(tmp_path):
    _page(tmp_path, "a", "b/c.md")
    _page(tmp_path, "a", "a.md")
    _page(tmp_path, "a", "a.md", lang="en")
    (tmp_path / "docs" / "en" / "catatan.txt").write_text("x", encoding="utf-8")
    site = Site.load(tmp_path, ["id", "en"])
    assert site.default_language == "id"
    assert [(p.lang, p.rel) for p in site.pages] == [("id", "a.md"), ("id", "b/c.md"), ("en", "a.md")]
    assert sorted(site.pages_of("id")) == ["a.md", "b/c.md"] and list(site.pages_of("en")) == ["a.md"]
