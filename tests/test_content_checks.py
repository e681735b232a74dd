"""Every content rule fails on its broken fixture with its rule id and the right file:line, and the
real content passes them all."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import LANGUAGES, ROOT

from sitegen.checks import runner
from sitegen.models.content import ERROR, WARNING

TODAY = dt.date.today().isoformat()

ORIGINAL = f"""---
title: Contoh halaman
description: Halaman contoh untuk menguji pemeriksaan.
reviewed: {TODAY}
unverified:
  - Jam buka kantor.
---

Ini halaman contoh. Kalimatnya pendek.

## Langkah {{#langkah}}

1. Datang ke kantor.
2. Bawa [dokumen](lain.md#dokumen).
"""

OTHER = f"""---
title: Halaman lain
description: Halaman lain.
reviewed: {TODAY}
unverified:
  - Jam buka kantor.
---

## Dokumen {{#dokumen}}

Bawa KTP.
"""


def translation(text: str, lang: str) -> str:
    # The fixture's translations are the Indonesian text: a draft, never `reviewed` (translation/copy).
    return text.replace("---\n\n", "translation_status: draft\n---\n\n", 1)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A minimal valid project: two pages in every language."""
    # Not the video storyboards: they need the real pages and videos (tests/test_video_checks.py).
    # Nor the real sources, fees, announcements and hotline sources: the fixture pages cite none of them. Nor the
    # self-help tools: they need the real pages and sources (tests/test_tool_checks.py).
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("videos", "sources", "tools"))
    (tmp_path / "data" / "sources").mkdir()
    (tmp_path / "data" / "fees.yml").write_text("[]\n")
    (tmp_path / "data" / "whats-new.yml").write_text("[]\n")
    (tmp_path / "data" / "journeys.yml").write_text("[]\n")  # the real journeys need the real pages
    hotlines = yaml.safe_load((ROOT / "data" / "hotlines.yml").read_text(encoding="utf-8"))
    for entry in hotlines:
        entry.pop("source", None)
    (tmp_path / "data" / "hotlines.yml").write_text(yaml.safe_dump(hotlines, allow_unicode=True), encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "data" / "translations-pending.yml").write_text("lpg: []\nen: []\n")
    # Residents' words that the fixture pages use (the real file's words are on the real pages).
    (tmp_path / "data" / "search-words.yml").write_text("id:\n  same:\n    - [kantor, kanim]\n  stop: [ini]\n")
    for lang in LANGUAGES:
        base = tmp_path / "docs" / lang
        base.mkdir(parents=True)
        for name, text in (("halaman.md", ORIGINAL), ("lain.md", OTHER)):
            (base / name).write_text(text if lang == LANGUAGES[0] else translation(text, lang))
    return tmp_path


def problems(project: Path):
    return runner.run(project, LANGUAGES)


def write(project: Path, rel: str, text: str | bytes) -> Path:
    path = project / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def only(found, rule: str):
    matching = [p for p in found if p.rule == rule]
    assert matching, f"no {rule} in {[str(p) for p in found]}"
    return matching


def test_fixture_project_is_clean(project):
    assert [str(p) for p in problems(project) if p.rule != "translation/unstamped"] == []


def test_real_content_passes_every_rule():
    found = runner.run(ROOT, LANGUAGES)
    assert [str(p) for p in found] == []


# --- metadata ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("broken, rule, line", [
    (ORIGINAL.replace("description: Halaman contoh untuk menguji pemeriksaan.\n", ""), "metadata/required", 1),
    (ORIGINAL.replace(f"reviewed: {TODAY}", "reviewed: kemarin"), "metadata/invalid", 4),
    (ORIGINAL.replace(f"reviewed: {TODAY}", "reviewed: 2999-01-01"), "metadata/invalid", 4),
    # Sources are cited on the statement (`[^id]`), no longer listed in front matter.
    (ORIGINAL.replace("---\n\n", "sources:\n  - https://www.imigrasi.go.id/x\n---\n\n", 1), "metadata/unknown", 7),
    (ORIGINAL.replace("title: Contoh halaman", "title: Contoh halaman\nwarna: merah"), "metadata/unknown", 3),
    (ORIGINAL.replace("title: Contoh halaman", "title: [Contoh"), "metadata/yaml", 2),
    (ORIGINAL.replace("---\n", "", 2), "metadata/missing", 1),
    (ORIGINAL.replace("---\n\n", "translation_status: draft\n---\n\n", 1), "metadata/unknown", 7),
])
def test_metadata_rule(project, broken, rule, line):
    write(project, "id/halaman.md", broken)
    found = only(problems(project), rule)
    assert found[0].path == "docs/id/halaman.md"
    assert found[0].line == line
    assert found[0].severity == ERROR


@pytest.mark.parametrize("field, value, line, says", [
    ("title", "'</title><script>alert(1)</script>'", 2, "memuat `<`"),
    ("description", "'x\" onmouseover=\"alert(1)'", 3, 'memuat `"`'),
    ("description", "Biaya &lt;b&gt;paspor&lt;/b&gt;", 3, "memuat `&lt;`"),
    ("unverified", "\n  - Jam buka.\n  - <img src=x onerror=alert(1)>", 5, "butir ke-2 memuat `<`"),
])
def test_text_fields_refuse_markup(project, field, value, line, says):
    lines = ORIGINAL.split("\n")
    start = next(i for i, text in enumerate(lines) if text.startswith(f"{field}:"))
    end = start + (2 if field == "unverified" else 1)  # `unverified:` and its one item
    broken = "\n".join(lines[:start] + [f"{field}: {value}"] + lines[end:])
    write(project, "id/halaman.md", broken)
    found = only(problems(project), "metadata/invalid")
    assert (found[0].path, found[0].line) == ("docs/id/halaman.md", line)
    assert f"Kolom `{field}` " in found[0].message and says in found[0].message
    assert "tanda kutip lengkung" in found[0].message


def test_translation_needs_status(project):
    write(project, "en/halaman.md", ORIGINAL)
    found = only(problems(project), "metadata/required")
    assert found[0].path == "docs/en/halaman.md" and "translation_status" in found[0].message


# --- translations -----------------------------------------------------------------------------------

def test_missing_translation(project):
    (project / "docs" / "lpg" / "lain.md").unlink()
    found = only(problems(project), "translation/missing")
    assert found[0].path == "docs/id/lain.md" and "lpg" in found[0].message


def test_missing_translation_listed_as_pending_is_allowed(project):
    (project / "docs" / "lpg" / "lain.md").unlink()
    (project / "data" / "translations-pending.yml").write_text("lpg:\n  - lain.md\nen: []\n")
    assert not [p for p in problems(project) if p.rule == "translation/missing"]


def test_translation_without_original(project):
    write(project, "en/yatim.md", translation(OTHER, "en"))
    found = only(problems(project), "translation/orphan")
    assert found[0].path == "docs/en/yatim.md"


def test_headings_must_line_up(project):
    write(project, "en/halaman.md", translation(ORIGINAL, "en").replace("{#langkah}", "{#steps}"))
    found = only(problems(project), "translation/headings")
    assert found[0].path == "docs/en/halaman.md" and found[0].line == 12


def test_heading_without_id(project):
    write(project, "id/halaman.md", ORIGINAL.replace(" {#langkah}", ""))
    found = only(problems(project), "translation/heading-id")
    assert found[0].path == "docs/id/halaman.md" and found[0].line == 11


def test_outdated_translation_warns(project):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "docs.py"), "stamp", "--root", str(project)],
                   check=True, capture_output=True)
    assert not [p for p in problems(project) if p.rule.startswith("translation/")]
    write(project, "id/halaman.md", ORIGINAL.replace("Datang ke kantor.", "Datang ke kantor imigrasi."))
    found = only(problems(project), "translation/outdated")
    assert {p.path for p in found} == {"docs/lpg/halaman.md", "docs/en/halaman.md"}
    assert all(p.severity == WARNING for p in found)


# --- links ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("link, rule", [
    ("[x](hilang.md)", "link/missing"),
    ("[x](lain.md#tidak-ada)", "link/anchor"),
    ("[x](http://www.imigrasi.go.id/)", "html/unsafe-url"),
    ("<http://www.imigrasi.go.id/>", "html/unsafe-url"),
    ("[x](//www.imigrasi.go.id/)", "link/https"),
    ("[x](https://imigrasilampungbarat.com/paspor)", "link/blocked"),
    ("[x](/prosedur/biaya-paspor.md)", "link/absolute"),
])
def test_link_rule(project, link, rule):
    write(project, "en/halaman.md", translation(ORIGINAL, "en") + f"\nSee {link}.\n")
    found = only(problems(project), rule)
    assert found[0].path == "docs/en/halaman.md" and found[0].line == 17


# --- sources ----------------------------------------------------------------------------------------

# Official sources, citations and numbers: tests/test_citation_checks.py.


@pytest.mark.parametrize("days, severity", [(400, WARNING), (800, ERROR)])
def test_old_review_date(project, days, severity):
    old = (dt.date.today() - dt.timedelta(days=days)).isoformat()
    write(project, "id/halaman.md", ORIGINAL.replace(f"reviewed: {TODAY}", f"reviewed: {old}"))
    found = only(problems(project), "sources/stale")
    assert found[0].severity == severity and found[0].line == 4


# --- images -----------------------------------------------------------------------------------------

def test_image_rules(project):
    (project / "docs" / "id" / "besar.png").write_bytes(b"\x89PNG" + b"0" * 200_000)
    (project / "docs" / "id" / "kecil.png").write_bytes(b"\x89PNG" + b"0" * 100)
    body = ORIGINAL + "\n![](kecil.png)\n\n![Peta](besar.png)\n\n![Peta](peta.bmp)\n\n![Peta](tidak-ada.png)\n"
    write(project, "id/halaman.md", body)
    found = problems(project)
    assert only(found, "image/alt")[0].line == 16
    assert only(found, "image/size")[0].line == 18
    assert only(found, "image/format")[0].line == 20
    assert only(found, "image/missing")[0].line == 22


# --- HTML safety ------------------------------------------------------------------------------------

@pytest.mark.parametrize("hostile, rule", [
    ("<script>alert(1)</script>", "html/forbidden-tag"),
    ("<STYLE>body{display:none}</STYLE>", "html/forbidden-tag"),
    ("<iframe src=\"https://example.com\"></iframe>", "html/forbidden-tag"),
    ("<form action=\"https://example.com\"><input></form>", "html/forbidden-tag"),
    ("<object data=\"x.swf\"></object>", "html/forbidden-tag"),
    ("<embed src=\"x.swf\">", "html/forbidden-tag"),
    ("<img src=\"x.png\" alt=\"x\" onerror=\"alert(1)\">", "html/event-handler"),
    ("Teks tebal{ onclick=\"alert(1)\" }", "html/event-handler"),
    ("[klik](javascript:alert(1))", "html/unsafe-url"),
    ("[klik](data:text/html;base64,PHNjcmlwdD4=)", "html/unsafe-url"),
    ("<a href=\"JavaScript:alert(1)\">klik</a>", "html/unsafe-url"),
    # The same allow-list as the sanitizer's (scripts/sitegen/transforms/html_policy.py), read where browsers and
    # Python's html.parser disagree and where a scheme hides from a plain match.
    ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "html/forbidden-tag"),
    ("<![CDATA[<img src=x onerror=alert(1)>]]>", "html/forbidden-tag"),
    ("<svg><animate attributeName=href to=javascript:alert(1) /></svg>", "html/forbidden-tag"),
    ("<p style=\"background:url(https://evil.example/)\">x</p>", "html/forbidden-attribute"),
    ("<td align=\"justify\">x</td>", "html/forbidden-attribute"),
    ("Teks{ .kelas-lain }", "html/forbidden-attribute"),
    ("[klik](jav&#x61;script:alert(1))", "html/unsafe-url"),
    ("[klik](java\tscript:alert(1))", "html/unsafe-url"),
    ("[r]: &#106;avascript:alert(1)", "html/unsafe-url"),
    ("![peta](https://evil.example/peta.png)", "html/unsafe-url"),
    ("<img src=\"//evil.example/x.png\" alt=\"x\">", "html/unsafe-url"),
])
def test_html_safety_rule(project, hostile, rule):
    write(project, "id/halaman.md", ORIGINAL + f"\n{hostile}\n")
    found = only(problems(project), rule)
    assert found[0].path == "docs/id/halaman.md" and found[0].line == 16


def test_markdown_the_policy_allows_is_not_flagged(project):
    write(project, "id/halaman.md", ORIGINAL + "\n<!-- catatan untuk penyunting -->\n\nPakai <abbr title=\"Kantor\">KI</abbr>"
          " dan <https://www.imigrasi.go.id/>.<br>\n\n## Bagian {#bagian-lain}\n\n[surel](mailto:a@example.org)\n")
    assert [str(p) for p in problems(project) if p.rule.startswith("html/")] == []


def test_code_samples_are_not_flagged(project):
    write(project, "id/halaman.md", ORIGINAL + "\nTulis `<script>` sebagai kode.\n\n```\n<script>\n```\n")
    assert not [p for p in problems(project) if p.rule.startswith("html/")]


# --- plain language ---------------------------------------------------------------------------------

def test_long_sentence_and_long_average_warn(project):
    long = " ".join(["kata"] * 30) + "."
    write(project, "id/halaman.md", ORIGINAL.replace("Ini halaman contoh. Kalimatnya pendek.", f"{long} {long}"))
    found = problems(project)
    sentence = only(found, "language/long-sentence")[0]
    assert sentence.line == 9 and sentence.severity == WARNING
    average = only(found, "language/long-average")[0]
    assert average.severity == WARNING


# --- file hygiene -----------------------------------------------------------------------------------

@pytest.mark.parametrize("rel, content, rule", [
    ("id/Halaman_Baru.md", ORIGINAL, "file/name"),
    ("id/halaman.md", "\ufeff" + ORIGINAL, "file/bom"),
    ("id/halaman.md", ORIGINAL.replace("\n", "\r\n"), "file/line-ending"),
    ("id/halaman.md", ORIGINAL.encode("utf-8") + b"\xff\xfe caf\xe9\n", "file/encoding"),
    ("id/halaman.md", ORIGINAL.split("Ini halaman")[0], "file/empty"),
])
def test_file_hygiene(project, rel, content, rule):
    write(project, rel, content)
    found = only(problems(project), rule)
    assert found[0].path == f"docs/{rel}"


# --- never a traceback ------------------------------------------------------------------------------

@pytest.mark.parametrize("content", [
    b"\x00\x01\x02\xff",
    b"---\n",
    b"---\n---\n",
    b"---\n- a\n- b\n---\nteks\n",
    b"---\ntitle: [\n---\n",
    b"---\ntitle: 1\ndescription: 2\nreviewed: 3\nsources: 4\ntranslation_status: 5\nunverified: 6\nleaflet: 7\n---\nx\n",
    b"[](",
    b"## {#}\n[x](#)\n![](",
    b"---\nsources:\n  - 12\n  - null\n---\n",
])
def test_no_traceback_for_any_input(project, content):
    write(project, "id/halaman.md", content)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "docs.py"), "check", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "docs/id/halaman.md" in result.stdout


def test_cli_lists_errors_then_warnings_and_exits_non_zero(project):
    long = " ".join(["kata"] * 30) + "."
    write(project, "id/halaman.md", ORIGINAL.replace("description: Halaman contoh untuk menguji pemeriksaan.\n", "")
          + f"\n{long}\n")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "docs.py"), "check", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    out = result.stdout
    assert out.index("GALAT [metadata/required]") < out.index("Peringatan") < out.index("PERINGATAN [language/")
    assert "docs/id/halaman.md:1: GALAT [metadata/required] Kolom `description` wajib ada." in out
