"""What the content rules read and report (scripts/sitegen/models/content.py): a page's front matter
with the line of each key, and a problem as the volunteer reads it."""

from __future__ import annotations

import pytest

from sitegen.models.content import ERROR, WARNING, Memo, Page, Problem, Site


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


def test_reading_an_unchanged_page_again_gives_the_parsed_object_and_an_edit_a_new_one(tmp_path):
    first = _page(tmp_path, "---\ntitle: Lama\n---\n\nTeks.\n")
    assert first.meta == {"title": "Lama"}
    assert Page.read(tmp_path, "id", "a.md") is first
    assert Page.read(tmp_path, "en", "a.md") is None  # another language's file is another page
    edited = _page(tmp_path, "---\ntitle: Baru\n---\n\nTeks.\n")
    assert edited is not first and edited.meta == {"title": "Baru"}
    assert Page.read(tmp_path, "id", "a.md") is edited
    (tmp_path / "docs" / "id" / "a.md").unlink()
    assert Page.read(tmp_path, "id", "a.md") is None


def test_site_load_reads_every_language_default_first(tmp_path):
    _page(tmp_path, "a", "b/c.md")
    _page(tmp_path, "a", "a.md")
    _page(tmp_path, "a", "a.md", lang="en")
    (tmp_path / "docs" / "en" / "catatan.txt").write_text("x", encoding="utf-8")
    site = Site.load(tmp_path, ["id", "en"])
    assert site.default_language == "id"
    assert [(p.lang, p.rel) for p in site.pages] == [("id", "a.md"), ("id", "b/c.md"), ("en", "a.md")]
    assert sorted(site.pages_of("id")) == ["a.md", "b/c.md"] and list(site.pages_of("en")) == ["a.md"]


def _problem(message: str) -> Problem:
    return Problem("docs/id/a.md", 1, "rule", message)


def test_without_a_memo_a_rule_always_runs():
    site = Site(root=None, languages=["id"], pages=[])
    calls = []
    assert list(site.remember("k", lambda: calls.append(1) or [_problem("x")])) == [_problem("x")]
    assert list(site.remember("k", lambda: calls.append(1) or [])) == []
    assert calls == [1, 1]


def test_a_memo_reuses_a_result_for_the_same_key_only():
    memo = Memo()
    site = Site(root=None, languages=["id"], pages=[], memo=memo)
    memo.start()
    assert site.remember("a", lambda: [_problem("first")]) == (_problem("first"),)
    assert site.remember("a", lambda: [_problem("second")]) == (_problem("first"),)
    assert site.remember("b", lambda: [_problem("other")]) == (_problem("other"),)
    assert (memo.hits, memo.misses) == (1, 2)
    memo.start()
    assert (memo.hits, memo.misses) == (0, 0)


def test_a_memo_forgets_what_the_last_run_did_not_use(tmp_path):
    memo = Memo()
    memo.start()
    memo.remember("old", lambda: [_problem("old")])
    memo.finish(Site(root=tmp_path, languages=["id"], pages=[]))
    memo.start()
    memo.remember("new", lambda: [])
    memo.finish(Site(root=tmp_path, languages=["id"], pages=[]))
    assert memo.results == {"new": ()}
    memo.start()
    assert memo.remember("old", lambda: [_problem("again")]) == (_problem("again"),)


def test_a_memo_gives_back_the_same_page_while_its_bytes_are_unchanged(tmp_path):
    memo = Memo()
    _page(tmp_path, "---\ntitle: A\n---\nIsi\n")
    first = Site.load(tmp_path, ["id"], memo)
    memo.finish(first)
    again = Site.load(tmp_path, ["id"], memo)
    assert again.pages[0] is first.pages[0] and again.memo is memo
    _page(tmp_path, "---\ntitle: B\n---\nIsi\n")
    edited = Site.load(tmp_path, ["id"], memo)
    assert edited.pages[0] is not first.pages[0] and edited.pages[0].meta == {"title": "B"}
    other_root = tmp_path / "copy"
    _page(other_root, "---\ntitle: A\n---\nIsi\n")
    assert Site.load(other_root, ["id"], memo).pages[0] is not first.pages[0]
