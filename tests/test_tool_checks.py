"""The self-help tools' content check (scripts/sitegen/checks/tools.py): each rule fails on its own
broken fixture with its rule id and the file:line of the broken text; a valid fixture passes; a tool
with an error gives no page at all. The fixtures are two small tools written out below, on top of the
real sources, fees, hotlines and pages."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import LANGUAGES, ROOT

from sitegen.checks import runner, tools
from sitegen.models import page_meta
from sitegen.models.content import ERROR, WARNING
from sitegen.pages import tool_pages

TODAY = dt.date.today().isoformat()
CHECKLIST = f"""kind: checklist
reviewed: {TODAY}
translation_status: {{lpg: draft, en: reviewed}}
page: alat/apa-yang-dibawa.md
first:
  text: {{id: "Untuk apa?", lpg: "Untuk api?", en: "What for?"}}
questions:
  - id: ektp
    text: {{id: "Punya e-KTP?", lpg: "Ngemik e-KTP?", en: "Do you have an e-KTP?"}}
    options:
      - id: punya
        label: {{id: Punya, lpg: Ngemik, en: Yes}}
      - id: belum
        label: {{id: Belum, lpg: Kak mak, en: Not yet}}
cases:
  - id: hilang
    label: {{id: Paspor hilang, lpg: Paspor lebon, en: Lost passport}}
    title: {{id: "Paspor hilang: yang dibawa", lpg: "Paspor lebon: sai diusung", en: "Lost passport: what to bring"}}
    ask: [ektp]
groups:
  - id: kantor
    heading: {{id: Ke kantor imigrasi, lpg: Mit kantor imigrasi, en: To the immigration office}}
items:
  - id: surat-polisi
    group: kantor
    cases: [hilang]
    text: {{id: Surat kehilangan dari polisi., lpg: Surat kehilangan jak polisi., en: A police loss report.}}
    cite: [jogja-paspor-hilang-dokumen]
steps:
  - cases: [hilang]
    when: {{ektp: belum}}
    text: {{id: Urus e-KTP dulu., lpg: Urus e-KTP pai., en: Get an e-KTP first.}}
  - cases: [hilang]
    text: {{id: Datang langsung ke kantor., lpg: Ratong langsung mit kantor., en: Go to the office in person.}}
    page: lokasi-layanan/kantor-imigrasi-kotabumi.md
costs:
  - fee: beban-hilang
    cases: [hilang]
"""
JOB_OFFER = f"""kind: job-offer
reviewed: {TODAY}
translation_status: {{lpg: draft, en: reviewed}}
page: alat/cek-tawaran-kerja.md
checks:
  - id: visa
    question: {{id: "Visa apa?", lpg: "Visa api?", en: "Which visa?"}}
    options:
      - id: kerja
        label: {{id: Visa kerja, lpg: Visa kerja, en: A work visa}}
        ok: true
      - id: turis
        label: {{id: Visa turis, lpg: Visa turis, en: A tourist visa}}
        rule: visa-turis
rules:
  - id: visa-turis
    title: {{id: Visa turis bukan izin kerja, lpg: Visa turis lain izin kerja, en: A tourist visa is no work permit}}
    ask: {{id: Jangan berangkat dulu., lpg: Dang lapah pai., en: Do not leave yet.}}
    why:
      - text: {{id: Jalur tidak resmi tidak dilindungi., lpg: Jalur mak resmi mak dilindungi., en: The unofficial way is not protected.}}
        cite: [jm-bp2mi-risiko-nonprosedural]
    hotlines: [sapa-129]
done:
  title: {{id: Tidak ada tanda bahaya, lpg: Mak wat tanda bahaya, en: No warning sign}}
  text: {{id: Tetap lewat jalur resmi., lpg: Tetap liwat jalur resmi., en: Keep to the official route.}}
"""
FILES = {"apa-yang-dibawa": CHECKLIST, "cek-tawaran-kerja": JOB_OFFER}
# Lines of the fixtures above where an entry starts.
CASE, ITEM, STEP = 16, 24, 30  # checklist: the case `hilang`, the item `surat-polisi`, the first step
RULE = 16  # job offer: the rule `visa-turis`


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The real data and pages; data/tools/ holds the two small fixture tools."""
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("videos", "tools"))
    (tmp_path / "data" / "tools").mkdir()
    for name, text in FILES.items():
        (tmp_path / "data" / "tools" / f"{name}.yml").write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").symlink_to(ROOT / "docs")  # read only: the start pages and linked pages
    return tmp_path


def change(project: Path, name: str, old: str, new: str) -> int:
    """Replace text in a fixture tool; return the line where the new text starts."""
    path = project / "data" / "tools" / f"{name}.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def found(project: Path, name: str) -> list:
    return tools.load(project, name, LANGUAGES)[1]


def only(problems, rule: str, severity: str = ERROR) -> list[tuple[str, int]]:
    """(file, line) of the problems of one rule; every other problem fails the test."""
    others = [str(p) for p in problems if p.rule != rule]
    assert others == [], others
    assert all(p.severity == severity for p in problems), [str(p) for p in problems]
    return sorted((p.path, p.line) for p in problems)


def test_the_fixtures_and_the_real_tools_pass(project):
    for name in FILES:
        assert [str(p) for p in found(project, name)] == []
        assert [str(p) for p in found(ROOT, name)] == []


def test_an_item_without_source(project):
    change(project, "apa-yang-dibawa", "    cite: [jogja-paspor-hilang-dokumen]\n", "")
    assert only(found(project, "apa-yang-dibawa"), "tools/citation") == [("data/tools/apa-yang-dibawa.yml", ITEM)]


def test_a_source_that_does_not_exist(project):
    change(project, "apa-yang-dibawa", "cite: [jogja-paspor-hilang-dokumen]", "cite: [jogja-paspor-hilang]")
    assert only(found(project, "apa-yang-dibawa"), "tools/source") == [("data/tools/apa-yang-dibawa.yml", ITEM)]


def test_a_number_needs_a_source_and_the_same_number_in_every_language(project):
    change(project, "apa-yang-dibawa", "text: {id: Urus e-KTP dulu., lpg: Urus e-KTP pai., en: Get an e-KTP first.}",
                  'text: {id: "Urus e-KTP dulu, 14 hari.", lpg: "Urus e-KTP pai, 14 rani.", en: "Get an e-KTP first, 15 days."}')
    problems = found(project, "apa-yang-dibawa")
    assert sorted((p.rule, p.line) for p in problems) == [
        ("tools/citation", 32), ("tools/citation", 32), ("tools/citation", 32), ("tools/numbers", 32)]
    assert "`en`" in next(p.message for p in problems if p.rule == "tools/numbers")


def test_a_missing_translation_falls_back_to_indonesian(project):
    change(project, "apa-yang-dibawa", ", en: A police loss report.}", "}")
    assert only(found(project, "apa-yang-dibawa"), "tools/fallback", WARNING) == [("data/tools/apa-yang-dibawa.yml", 27)]
    english = {p.rel: p.markdown for p in tool_pages.pages("en", "id", root=project)}
    assert "Surat kehilangan dari polisi." in english["alat/apa-yang-dibawa/hilang/punya/index.md"]


def test_a_question_no_case_asks(project):
    change(project, "apa-yang-dibawa", "cases:\n  - id: hilang", """  - id: menikah
    text: {id: "Sudah menikah?", lpg: "Radu nikah?", en: "Married?"}
    options:
      - id: ya
        label: {id: Ya, lpg: Ya, en: Yes}
      - id: tidak
        label: {id: Tidak, lpg: Mak, en: No}
cases:
  - id: hilang""")
    assert only(found(project, "apa-yang-dibawa"), "tools/unreachable") == [("data/tools/apa-yang-dibawa.yml", 15)]


def test_an_answer_condition_the_case_never_asks(project):
    change(project, "apa-yang-dibawa", "    when: {ektp: belum}\n", "    when: {menikah: ya}\n")
    problems = found(project, "apa-yang-dibawa")
    # The condition never holds, so the step never shows either.
    assert sorted((p.rule, p.line) for p in problems) == [("tools/unreachable", STEP), ("tools/when", STEP)]


def test_an_item_for_a_case_that_does_not_exist(project):
    change(project, "apa-yang-dibawa", "    cases: [hilang]\n    text: {id: Surat", "    cases: [hilng]\n    text: {id: Surat")
    problems = found(project, "apa-yang-dibawa")
    # ... and the case is left without any document.
    assert {(p.rule, p.line) for p in problems} == {("tools/cases", ITEM), ("tools/unreachable", ITEM),
                                                   ("tools/empty", CASE)}
    assert "`hilng` tidak ada" in next(p.message for p in problems if p.rule == "tools/cases")


def test_a_fee_that_is_not_in_the_fee_data(project):
    change(project, "apa-yang-dibawa", "- fee: beban-hilang", "- fee: beban-hilng")
    problems = found(project, "apa-yang-dibawa")
    assert {(p.rule, p.line) for p in problems} == {("tools/fee", 37)}


def test_markup_and_typed_phone_numbers(project):
    change(project, "apa-yang-dibawa", "{id: Datang langsung ke kantor.,",
           '{id: "Datang <b>langsung</b> atau telepon 0812-3456-7890.",')
    problems = found(project, "apa-yang-dibawa")
    # The typed number is also a number without a source that the translations lack.
    assert sorted((p.rule, p.line) for p in problems) == [
        ("tools/citation", 34), ("tools/markup", 34), ("tools/numbers", 34), ("tools/numbers", 34),
        ("tools/phone", 34)]


def test_a_fact_from_news_only_must_say_so(project):
    change(project, "apa-yang-dibawa", "cite: [jogja-paspor-hilang-dokumen]", "cite: [jm-radarlambar-rekomendasi-online]")
    assert only(found(project, "apa-yang-dibawa"), "tools/news") == [("data/tools/apa-yang-dibawa.yml", ITEM)]
    change(project, "apa-yang-dibawa", "cite: [jm-radarlambar-rekomendasi-online]",
           "cite: [jm-radarlambar-rekomendasi-online]\n    unverified: {id: Menurut berita., lpg: Cawa berita., en: News report.}")
    assert found(project, "apa-yang-dibawa") == []


def test_a_link_to_a_page_that_does_not_exist(project):
    change(project, "apa-yang-dibawa", "page: lokasi-layanan/kantor-imigrasi-kotabumi.md",
           "page: lokasi-layanan/kantor-imigrasi.md")
    problems = found(project, "apa-yang-dibawa")
    assert only(problems, "tools/page") == [("data/tools/apa-yang-dibawa.yml", 33)]
    assert "docs/id/lokasi-layanan/kantor-imigrasi.md tidak ada" in problems[0].message


def test_a_mistyped_field_gets_a_suggestion(project):
    change(project, "apa-yang-dibawa", "    group: kantor\n", "    grup: kantor\n")
    problems = found(project, "apa-yang-dibawa")
    assert ("tools/unknown-field", 25) in {(p.rule, p.line) for p in problems}
    assert "Mungkin maksudnya `group`?" in next(p.message for p in problems if p.rule == "tools/unknown-field")


def test_broken_yaml_names_the_line(project):
    line = change(project, "apa-yang-dibawa", "  - id: kantor\n", "  - id: kantor\n   heading: [\n")
    problems = found(project, "apa-yang-dibawa")
    assert [(p.rule, p.path) for p in problems] == [("tools/yaml", "data/tools/apa-yang-dibawa.yml")]
    assert problems[0].line in (line + 1, line + 2)


def test_the_avoided_lampung_word(project):
    change(project, "apa-yang-dibawa", "lpg: Surat kehilangan jak polisi.", "lpg: Surat kehilangan sikindua jak polisi.")
    assert only(found(project, "apa-yang-dibawa"), "tools/preferred-term", WARNING) == [
        ("data/tools/apa-yang-dibawa.yml", 27)]


# --- job offer ------------------------------------------------------------------------------------------


def test_a_warning_sign_no_answer_leads_to(project):
    change(project, "cek-tawaran-kerja", "done:", """  - id: calo
    title: {id: Calo, lpg: Calo, en: Broker}
    ask: {id: Jangan lewat calo., lpg: Dang liwat calo., en: Not through a broker.}
    why:
      - text: {id: Cek izin perusahaan., lpg: Cek izin perusahaan., en: Check the licence.}
        cite: [jm-kp2mi-bp3mi-cek-legalitas]
done:""")
    assert only(found(project, "cek-tawaran-kerja"), "tools/unreachable") == [("data/tools/cek-tawaran-kerja.yml", 23)]


def test_an_answer_must_say_where_it_leads(project):
    change(project, "cek-tawaran-kerja", "        ok: true\n", "        ok: true\n        rule: visa-turis\n")
    assert only(found(project, "cek-tawaran-kerja"), "tools/option") == [("data/tools/cek-tawaran-kerja.yml", 9)]


def test_an_answer_to_a_rule_that_does_not_exist(project):
    change(project, "cek-tawaran-kerja", "        rule: visa-turis\n", "        rule: visa-turist\n")
    problems = found(project, "cek-tawaran-kerja")
    assert {(p.rule, p.line) for p in problems} == {("tools/rule", 12), ("tools/unreachable", RULE)}


def test_a_question_without_a_safe_answer(project):
    change(project, "cek-tawaran-kerja", "        ok: true\n", "        rule: visa-turis\n")
    assert only(found(project, "cek-tawaran-kerja"), "tools/options") == [("data/tools/cek-tawaran-kerja.yml", 6)]


def test_every_reason_cites_a_source(project):
    change(project, "cek-tawaran-kerja", "        cite: [jm-bp2mi-risiko-nonprosedural]\n", "")
    assert only(found(project, "cek-tawaran-kerja"), "tools/citation") == [("data/tools/cek-tawaran-kerja.yml", RULE)]


def test_a_hotline_that_is_not_in_the_data(project):
    change(project, "cek-tawaran-kerja", "hotlines: [sapa-129]", "hotlines: [sapa-130]")
    assert only(found(project, "cek-tawaran-kerja"), "tools/hotline") == [("data/tools/cek-tawaran-kerja.yml", RULE)]


def test_an_official_list_must_be_an_official_deep_link(project):
    change(project, "cek-tawaran-kerja", "checks:", """lists:
  - id: daftar
    name: {id: Daftar, lpg: Daftar, en: List}
    link: https://kp2mi.go.id/
    cite: [jm-kp2mi-bp3mi-cek-legalitas]
    reviewed: 2020-01-01
checks:""")
    problems = found(project, "cek-tawaran-kerja")
    assert sorted((p.rule, p.line) for p in problems) == [("tools/link", 6), ("tools/stale", 6)]
    assert "halaman depan" in next(p.message for p in problems if p.rule == "tools/link")


# --- the tools in the whole check and in the build --------------------------------------------------


def test_a_source_only_a_tool_cites_is_in_use(project):
    assert [str(p) for p in runner.run(project, LANGUAGES) if p.rule == "citation/unused"
            and "kotabumi-negara-tujuan-pmi" in p.message] != []  # the fixtures do not cite it
    shutil.copy(ROOT / "data" / "tools" / "cek-tawaran-kerja.yml", project / "data" / "tools" / "cek-tawaran-kerja.yml")
    assert [str(p) for p in runner.run(project, LANGUAGES) if p.rule == "citation/unused"
            and "kotabumi-negara-tujuan-pmi" in p.message] == []


def test_a_tool_with_an_error_gives_no_page(project):
    assert {p.rel for p in tool_pages.pages("id", "id", root=project)} >= {
        "alat/apa-yang-dibawa/hilang/index.md", "alat/cek-tawaran-kerja/visa-turis/index.md"}
    change(project, "apa-yang-dibawa", "cite: [jogja-paspor-hilang-dokumen]", "cite: [tidak-ada]")
    assert [p.rel for p in tool_pages.pages("id", "id", root=project) if "apa-yang-dibawa" in p.rel] == []
    assert "Alat ini sedang diperbaiki" in tool_pages.start_markdown("apa-yang-dibawa", "id", "id", root=project)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "docs.py"), "check", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/tools/apa-yang-dibawa.yml:" in result.stdout and "GALAT [tools/source]" in result.stdout


def test_text_from_data_is_shown_as_written():
    assert tool_pages.esc("<script>alert(1)</script> [x](javascript:y) *a* {{ fee x }} [^y]") == (
        r"&lt;script&gt;alert\(1\)&lt;/script&gt; \[x\]\(javascript:y\) \*a\* \{\{ fee x \}\} \[\^y\]")
    # A generated page's front matter is escaped once, like an authored page's, by page_meta.
    head = tool_pages.front_matter({"title": 'A <b>"title"</b> & co', "unverified": ["<i>x</i>"], "tool": "t",
                                    "tool_print": True})
    meta = yaml.safe_load(head.split("---\n")[1])
    assert page_meta.safe_meta(meta, generated=True) == {
        "title": "A &lt;b&gt;&#34;title&#34;&lt;/b&gt; &amp; co", "unverified": ["&lt;i&gt;x&lt;/i&gt;"],
        "tool": "t", "tool_print": True}
    # An authored page cannot claim to be a tool's page.
    assert "tool" not in page_meta.safe_meta(meta) and "tool_print" not in page_meta.safe_meta(meta)
