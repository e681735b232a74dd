"""`python scripts/docs.py new-language`: a fourth language in one command. The command runs on a
throw-away copy of the project, which then builds with `--strict`; the new language's pages, switcher
entry, status section, offline copy, 404 page, leaflets and search index must all exist with no other
edit. Bad input is refused with an Indonesian message, and nothing is written."""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import Tags, copy_project, mkdocs_build


def new_language(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(project / "scripts" / "docs.py"), "new-language", *args,
                           "--root", str(project)], capture_output=True, text=True, cwd=project)


@pytest.fixture(scope="module")
def javanese(tmp_path_factory):
    """The project with `jv --name "Basa Jawa"` added, and its strict build (no SITE_URL)."""
    project = copy_project(tmp_path_factory.mktemp("jv") / "project")
    original_config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    added = new_language(project, "jv", "--name", "Basa Jawa")
    assert added.returncode == 0, added.stdout + added.stderr
    site = tmp_path_factory.mktemp("jv-site")
    built = mkdocs_build(project, site, None)
    assert built.returncode == 0, built.stdout[-5000:] + built.stderr[-5000:]
    return project, site, original_config


def test_configuration_keeps_every_line_and_comment(javanese):
    project, _, original = javanese
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    new_lines = config.split("\n")
    added = ["        - locale: jv", "          name: Basa Jawa", "          build: true", "    jv: jv", "    jv: jv_ID",
             "    jv: id-ID"]
    # The file is the original with exactly these lines added (comments, order and layout kept).
    changes = difflib.SequenceMatcher(None, original.split("\n"), new_lines, autojunk=False).get_opcodes()
    assert {op for op, *_ in changes} == {"equal", "insert"}
    assert [line for op, _, _, j1, j2 in changes if op == "insert" for line in new_lines[j1:j2]] == added
    pending = yaml.safe_load((project / "data" / "translations-pending.yml").read_text(encoding="utf-8"))
    assert "prosedur/biaya-paspor.md" in pending["jv"] and "index.md" in pending["jv"]
    assert pending["lpg"] == [] and pending["en"] == []


def test_pages_exist_in_indonesian_with_the_not_translated_notice(javanese):
    _, site, _ = javanese
    for rel in ("jv/index.html", "jv/prosedur/biaya-paspor/index.html", "jv/lokasi-layanan/nomor-penting/index.html"):
        html = (site / rel).read_text(encoding="utf-8")
        assert '<html lang="jv"' in html, rel
        assert 'data-notice-label="untranslated">Belum diterjemahkan' in html, rel
        # The text shown is the Indonesian page, marked as Indonesian for screen readers and search.
        assert '<div lang="id" data-pagefind-body>' in html, rel
    page = (site / "jv/prosedur/biaya-paspor/index.html").read_text(encoding="utf-8")
    assert "Biaya paspor" in page


def test_switcher_lists_javanese_on_every_language(javanese):
    _, site, _ = javanese
    for rel, href in (("index.html", "jv/"), ("en/prosedur/biaya-paspor/index.html", "../../../jv/prosedur/biaya-paspor/")):
        html = (site / rel).read_text(encoding="utf-8")
        links = Tags(html).find("a", hreflang="jv")
        assert [link["href"] for link in links] == [href], rel
        assert "Basa Jawa" in html


def test_translation_status_page_lists_javanese(javanese):
    _, site, _ = javanese
    html = (site / "program-komunitas/status-terjemahan/index.html").read_text(encoding="utf-8")
    assert '<h3 id="status-jv">Basa Jawa</h3>' in html
    section = html.split('<h3 id="status-jv">', 1)[1]
    assert "<strong>Belum diterjemahkan</strong>" in section and "<code>prosedur/biaya-paspor.md</code>" in section


def test_offline_copy_404_leaflets_and_search_exist_for_javanese(javanese):
    _, site, _ = javanese
    with zipfile.ZipFile(site / "offline" / "info-imigrasi-lampung-barat-jv.zip") as copy:
        names = copy.namelist()
    assert "info-imigrasi-jv/jv/index.html" in names
    assert not any("/en/" in name or "/lpg/" in name for name in names)
    footer = (site / "jv/index.html").read_text(encoding="utf-8")
    assert 'href="../offline/info-imigrasi-lampung-barat-jv.zip" download' in footer
    not_found = (site / "jv/404.html").read_text(encoding="utf-8")
    assert '<html lang="jv"' in not_found
    assert (site / "jv/prosedur/biaya-paspor/leaflet-biaya-paspor-jv.pdf").is_file()
    search = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert search["languages"]["jv"]["page_count"] > 0


@pytest.mark.parametrize(("args", "message"), [
    (("Jawa1", "--name", "Basa Jawa"),
     "Kode bahasa `Jawa1` tidak bisa dipakai: tulis dua atau tiga huruf kecil, misalnya `jv` (kode ISO 639)."),
    (("lpg", "--name", "Cawa Lampung"), "Bahasa `lpg` (Cawa Lampung) sudah ada di mkdocs.yml."),
    (("jv", "--name", "<b>Jawa</b>"),
     'Nama bahasa `<b>Jawa</b>` tidak bisa dipakai: tulis nama bahasa dengan huruf biasa, misalnya "Basa Jawa".'),
    (("jv", "--name", "Basa Jawa", "--html-lang", "jv_ID"),
     "Kode HTML `jv_ID` tidak bisa dipakai: tulis kode BCP 47, misalnya `jv` atau `ljp`."),
])
def test_bad_input_is_refused_and_nothing_written(tmp_path, args, message):
    project = copy_project(tmp_path / "project")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = new_language(project, *args)
    assert result.returncode != 0
    assert result.stderr.strip() == message
    after = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert after == {p: b for p, b in before.items() if "__pycache__" not in p.parts}
