"""The build itself refuses bad input: metadata errors fail `mkdocs build --strict` naming the file
and the field, hostile Markdown never reaches the HTML, and volunteer tools make valid pages."""

from __future__ import annotations

import os
import subprocess
import sys

import inert
from conftest import LANGUAGES, ROOT, copy_project, mkdocs_build

DOCS_PY = ROOT / "scripts" / "docs.py"


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_metadata_error_fails_strict_build_naming_file_and_field(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "en" / "prosedur" / "biaya-paspor.md"
    _replace(page, "\ndescription:", "\ndescripton:")
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:1/")
    assert result.returncode != 0
    log = result.stderr
    assert "docs/en/prosedur/biaya-paspor.md:" in log
    assert "[metadata/required] Kolom `description` wajib ada" in log
    assert "[metadata/unknown] Kolom `descripton` tidak dikenal" in log
    assert not (tmp_path / "site" / "en" / "prosedur" / "biaya-paspor" / "index.html").exists()


def test_hostile_markdown_never_reaches_the_html(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "id" / "prosedur" / "biaya-paspor.md"
    page.write_text(page.read_text(encoding="utf-8") + (
        "\n<script>alert('x')</script>\n\n<img src=x alt=x onerror=\"alert(1)\">\n\n"
        "[klik](javascript:alert(1))\n\nTeks{ onclick=\"alert(1)\" }\n"), encoding="utf-8")
    strict = mkdocs_build(project, tmp_path / "strict", "http://127.0.0.1:1/")
    assert strict.returncode != 0
    assert "docs/id/prosedur/biaya-paspor.md:" in strict.stderr and "[html/forbidden-tag]" in strict.stderr
    # Even a non-strict build (a volunteer's preview) must not publish it.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    loose = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                            "-d", str(tmp_path / "loose")], capture_output=True, text=True, env=env, cwd=project)
    assert loose.returncode == 0, loose.stderr
    html = (tmp_path / "loose" / "prosedur" / "biaya-paspor" / "index.html").read_text(encoding="utf-8")
    article = html[html.index('<article'):html.index('</article>')]
    # What is left is text (an attribute list Markdown did not apply stays as words): nothing that runs.
    # (The read-aloud button's script rides in site.js, outside the article: scripts/sitegen/postbuild/js_compact.py.)
    assert inert.problems(article) == []
    assert "<script>alert" not in html and "javascript:" not in html


def test_new_page_command_makes_a_page_that_passes_and_builds(tmp_path):
    project = copy_project(tmp_path / "p")
    result = subprocess.run([sys.executable, str(DOCS_PY), "new-page", "prosedur/paspor-anak",
                             "--title", "Paspor untuk anak", "--root", str(project)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    for lang in LANGUAGES:
        assert (project / "docs" / lang / "prosedur" / "paspor-anak.md").exists()
    assert "      - prosedur/paspor-anak.md" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    check = subprocess.run([sys.executable, str(DOCS_PY), "check", "--root", str(project)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert "[file/placeholder]" in check.stdout  # reminded, not blocked
    build = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:1/")
    assert build.returncode == 0, build.stderr
    html = (tmp_path / "site" / "lpg" / "prosedur" / "paspor-anak" / "index.html").read_text(encoding="utf-8")
    assert 'data-notice="draft"' in html


def test_outdated_translation_shows_a_notice_to_readers(tmp_path):
    project = copy_project(tmp_path / "p")
    _replace(project / "docs" / "id" / "prosedur" / "biaya-paspor.md", "\n## ", "\nKalimat baru.\n\n## ")
    check = subprocess.run([sys.executable, str(DOCS_PY), "check", "--root", str(project)],
                           capture_output=True, text=True)
    assert check.returncode == 0
    assert "docs/en/prosedur/biaya-paspor.md:" in check.stdout and "[translation/outdated]" in check.stdout
    build = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:1/")
    assert build.returncode == 0, build.stderr
    en = (tmp_path / "site" / "en" / "prosedur" / "biaya-paspor" / "index.html").read_text(encoding="utf-8")
    assert 'data-notice="outdated"' in en
    other = (tmp_path / "site" / "en" / "prosedur" / "m-paspor" / "index.html").read_text(encoding="utf-8")
    assert 'data-notice="outdated"' not in other
    status = (tmp_path / "site" / "en" / "program-komunitas" / "status-terjemahan" / "index.html").read_text(
        encoding="utf-8")
    assert "prosedur/biaya-paspor.md" in status.split('id="status-en"')[1]


def test_edit_link_opens_the_file_of_the_language_being_read(site):
    for lang in LANGUAGES:
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        html = site.html(f"{prefix}prosedur/m-paspor/")
        assert f"https://github.com/example/info-imigrasi/edit/main/docs/{lang}/prosedur/m-paspor.md" in html


def test_translation_status_page_lists_drafts_with_edit_links(site):
    html = site.html("program-komunitas/status-terjemahan/")
    lampung = html.split('id="status-lpg"')[1].split('id="status-en"')[0]
    assert "prosedur/m-paspor.md" in lampung
    assert "https://github.com/example/info-imigrasi/edit/main/docs/lpg/prosedur/m-paspor.md" in lampung
