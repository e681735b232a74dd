"""Under `mkdocs serve` the content checks remember their results for files that did not change
(scripts/sitegen/models/content.py `Memo`): an edit is still checked, a fixed file no longer reports,
and a rule across files (a translation against its original) is right when only one side changed.
Every run with the memo must report exactly what a run without it reports."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES, copy_project

from sitegen.checks import runner
from sitegen.models.content import Memo, Page

PAGE = "docs/id/prosedur/m-paspor.md"
CITED = "[^imigrasi-m-paspor-sejak-2022]"  # on line 26 of PAGE, and on the same sentence in lpg and en


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "p")


def _run(project, memo):
    with_memo = [str(p) for p in runner.run(project, LANGUAGES, memo)]
    assert with_memo == [str(p) for p in runner.run(project, LANGUAGES)], "the memo changed what is reported"
    return with_memo


def _errors(reported: list[str]) -> list[str]:
    return [line for line in reported if ": GALAT [" in line]


def test_an_edited_page_is_checked_again_and_the_rest_is_remembered(project):
    memo = Memo()
    assert _errors(_run(project, memo)) == []
    first_checks = memo.misses
    page = project / PAGE
    original = page.read_text(encoding="utf-8")
    assert original.count("\n") == 80
    page.write_text(original + "\nBiayanya naik menjadi 999 ribu rupiah.\n", encoding="utf-8")

    errors = _errors(_run(project, memo))
    assert [e.split(" Bagian ini")[0] for e in errors if "[citation/missing]" in e] == [
        "docs/id/prosedur/m-paspor.md:82: GALAT [citation/missing]"]
    # The number is now in the original only: both translations say so, though they did not change.
    assert sorted(e.split(" Angka")[0] for e in errors if "[citation/numbers]" in e) == [
        "docs/en/prosedur/m-paspor.md: GALAT [citation/numbers]",
        "docs/lpg/prosedur/m-paspor.md: GALAT [citation/numbers]"]
    # Remembered on the first run, for every file but the edited one: the edit is checked anew.
    assert memo.hits > 0 and memo.misses < first_checks

    page.write_text(original, encoding="utf-8")
    assert _errors(_run(project, memo)) == []


def test_a_translation_is_checked_again_when_only_its_original_changed(project):
    memo = Memo()
    assert _errors(_run(project, memo)) == []
    page = project / PAGE
    text = page.read_text(encoding="utf-8")
    assert text.count(CITED) == 1
    page.write_text(text.replace(CITED, "", 1), encoding="utf-8")

    translation = [e.split(" Terjemahan")[0] for e in _errors(_run(project, memo)) if "[citation/translation]" in e]
    assert translation == ["docs/en/prosedur/m-paspor.md:26: GALAT [citation/translation]",
                           "docs/lpg/prosedur/m-paspor.md:26: GALAT [citation/translation]"]


def test_a_page_with_the_same_bytes_is_parsed_once(project):
    memo = Memo()
    runner.run(project, LANGUAGES, memo)
    before = Page.read(project, "id", "prosedur/m-paspor.md")  # the object the run read (Page.read keeps it)
    runner.run(project, LANGUAGES, memo)
    assert Page.read(project, "id", "prosedur/m-paspor.md") is before
    (project / PAGE).write_text(before.text + "\nSatu kalimat lagi.\n", encoding="utf-8")
    runner.run(project, LANGUAGES, memo)
    assert Page.read(project, "id", "prosedur/m-paspor.md") is not before
