"""Claim-level citations (issue 11): each rule fails on its own broken fixture with its rule id and
file:line, and passes the hard cases that must pass. Expected values are written out here."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT
from test_content_checks import ORIGINAL, only, problems, project, translation, write  # noqa: F401

from sitegen.checks import numbers as number_parsing
from sitegen.models.content import ERROR, WARNING
from sitegen.models.domains import is_official, source_url_problem
from sitegen.pages import citations

TODAY = dt.date.today().isoformat()
SOURCE = """- id: {id}
  title: UU Nomor 6 Tahun 2011 tentang Keimigrasian
  url: {url}
  locator: Pasal 113
  read: {today}
  lang: id
  quote: "dipidana dengan pidana penjara paling lama 1 (satu) tahun"
  kind: {kind}
"""
BPK = "https://peraturan.bpk.go.id/Details/39140/uu-no-6-tahun-2011"


def add_source(project: Path, key: str = "uu-6-2011-pasal-113", url: str = BPK, kind: str = "official",
               file: str = "uji.yml") -> Path:
    path = project / "data" / "sources" / file
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(text + SOURCE.format(id=key, url=url, kind=kind, today=TODAY), encoding="utf-8")
    return path


def page(body: str) -> str:
    return ORIGINAL.split("---\n\n", 1)[0] + "---\n\n" + body


def write_all(project: Path, rel: str, body_id: str, bodies: dict[str, str] | None = None) -> None:
    """The same page in every language; `bodies` overrides a translation's body."""
    write(project, f"id/{rel}", page(body_id))
    for lang in LANGUAGES[1:]:
        write(project, f"{lang}/{rel}", translation(page((bodies or {}).get(lang, body_id)), lang))


def rules(found) -> set[str]:
    return {p.rule for p in found}


# --- which addresses may be cited -------------------------------------------------------------------

@pytest.mark.parametrize("url, why", [
    ("https://www.imigrasi.go.id/", "halaman depan"),
    ("https://peraturan.bpk.go.id", "halaman depan"),
    ("https://www.imigrasi.go.id/?s=paspor", "pencarian"),
    ("https://peraturan.bpk.go.id/Search?keywords=imigrasi", "pencarian"),
    ("https://www.imigrasi.go.id/search/paspor", "pencarian"),
    ("https://www.imigrasi.go.id/tag/paspor", "halaman daftar"),
    ("https://kotabumi.imigrasi.go.id/kategori/berita", "halaman daftar"),
    ("https://www.imigrasi.go.id/berita", "daftar berita"),
    ("https://www.imigrasi.go.id/page/2", "halaman daftar"),
    ("https://bit.ly/3paspor", "pemendek"),
    ("https://s.id/imigrasi", "pemendek"),
    ("https://imigrasi.go.id@evil.com/paspor", "@"),
    ("https://imigrasi.go.id.evil.com/paspor", "bukan situs pemerintah"),
    ("https://imigrasi-go.id/paspor", "bukan situs pemerintah"),
    ("https://evilgo.id/paspor", "bukan situs pemerintah"),
    ("https://imigrasі.go.id/paspor", "huruf di luar"),           # Cyrillic і
    ("https://xn--imigras-3kg.go.id/paspor", "huruf di luar"),      # punycode
    ("http://www.imigrasi.go.id/paspor", "https"),
    ("https://www.imigrasi.go.id:8443/paspor", "port"),
    ("https://123dok.com/document/uu-6-2011", "salinan dokumen"),
    ("https://id.scribd.com/document/1/permenkumham", "salinan dokumen"),
    ("https://imigrasi-kotabumi.com/paspor", "situs tiruan"),
])
def test_addresses_that_prove_nothing_are_refused(url, why):
    problem = source_url_problem(ROOT, url, official=True)
    assert problem is not None and why in problem, (url, problem)


@pytest.mark.parametrize("url", [
    BPK,
    "https://karawang.imigrasi.go.id/?p=4352",
    "https://mimika.imigrasi.go.id/penggantian-paspor-rusak/",
    "https://kotabumi.imigrasi.go.id/layanan/wna/perdat",
    "https://bontang.imigrasi.go.id/layanan-publik/kategori/pelaporan-warga-negara-asing-apoa/sub/apoa",
    "https://go.id/dokumen",
])
def test_deep_official_links_are_accepted(url):
    assert source_url_problem(ROOT, url, official=True) is None
    assert is_official(ROOT, url)


def test_a_news_report_is_accepted_only_as_news():
    url = "https://www.antaranews.com/berita/4005321/kemlu-catat-3428-kasus"
    assert source_url_problem(ROOT, url, official=False) is None
    assert "bukan situs pemerintah" in source_url_problem(ROOT, url, official=True)


def test_registry_entry_with_a_home_page_fails_with_file_and_line(project):
    add_source(project, key="ok", url=BPK)
    path = add_source(project, key="beranda", url="https://www.imigrasi.go.id/")
    write_all(project, "halaman.md", "Denda paling banyak Rp100.000.000.[^ok][^beranda]\n")
    found = only(problems(project), "data/sources/uji/url")
    assert found[0].path == "data/sources/uji.yml" and found[0].line == 11
    assert path.read_text().splitlines()[10] == "  url: https://www.imigrasi.go.id/"


def test_news_source_on_an_official_claim_fails(project):
    add_source(project, url="https://www.antaranews.com/berita/1/x", kind="official")
    write_all(project, "halaman.md", "Paling lama 1 tahun.[^uu-6-2011-pasal-113]\n")
    assert "bukan situs pemerintah" in only(problems(project), "data/sources/uji/url")[0].message


def test_duplicate_source_id_across_files(project):
    add_source(project, file="a.yml")
    add_source(project, file="b.yml")
    write_all(project, "halaman.md", "Paling lama 1 tahun.[^uu-6-2011-pasal-113]\n")
    found = only(problems(project), "data/sources/b/duplicate-id")
    assert found[0].path == "data/sources/b.yml" and "data/sources/a.yml:1" in found[0].message


# --- statements need their source -------------------------------------------------------------------

@pytest.mark.parametrize("body, line", [
    ("Biayanya Rp650.000.\n", 9),
    ("Kalimat pertama.\nLalu tunggu 3 hari kerja.\n", 9),
    ("- Bawa KTP.\n- Paspor jadi dalam 4 hari kerja.\n", 10),
    ("| Layanan | Tarif |\n|---|---|\n| E-paspor | Rp950.000 |\n", 11),
    ("!!! warning \"Hati-hati\"\n    Denda sampai seratus juta rupiah.\n", 10),
    ("Paspor\n: Berlaku 10 tahun.\n", 10),
    ("Sekitar 40 persen korban.\n", 9),
    ("Biaya calo bisa lima juta.\n", 9),
    ("Menurut UU 6/2011, semua orang diperiksa.\n", 9),
])
def test_a_number_without_a_source_fails(project, body, line):
    write_all(project, "halaman.md", body)
    found = [p for p in only(problems(project), "citation/missing") if p.path == "docs/id/halaman.md"]
    assert [p.line for p in found] == [line]
    assert found[0].severity == ERROR


@pytest.mark.parametrize("body", [
    "1. Datang ke kantor.\n2. Bawa [dokumen](lain.md#dokumen).\n",            # list numbering
    "Baca [peraturannya](https://peraturan.bpk.go.id/Details/39140/uu).\n",   # digits of an address
    "## Langkah 2 {#langkah-2}\n\nDatang ke kantor.\n",                        # headings are titles
    "Bawa KTP.\n\n```\nRp650.000\n```\n",                                      # code
    "BP2MI dan KP2MI melayani pekerja migran.\n",                                 # digits inside names
])
def test_what_is_not_a_statement_of_a_number_passes(project, body):
    write_all(project, "halaman.md", body)
    assert "citation/missing" not in rules(problems(project))


def test_a_cited_number_passes(project):
    add_source(project)
    write_all(project, "halaman.md", "Paling lama 1 tahun penjara.[^uu-6-2011-pasal-113]\n")
    assert [str(p) for p in problems(project) if p.rule.startswith("citation/")] == []


def test_a_document_list_needs_a_source(project):
    body = "Bawa dokumen ini:\n\n- KTP ayah dan ibu.\n- Kartu Keluarga.\n- Akta kelahiran anak.\n"
    write_all(project, "halaman.md", body)
    found = [p for p in only(problems(project), "citation/documents") if p.path == "docs/id/halaman.md"]
    assert [p.line for p in found] == [11]
    add_source(project)
    write_all(project, "halaman.md", body.replace("ini:", "ini:[^uu-6-2011-pasal-113]"))
    assert "citation/documents" not in rules(problems(project))


def test_unknown_marker_and_unknown_value(project):
    write_all(project, "halaman.md", "Paling lama 1 tahun.[^tidak-ada]\n\nTarif {{ fee tidak-ada }}.\n")
    found = [p for p in only(problems(project), "citation/unknown") if p.path == "docs/id/halaman.md"]
    assert [p.line for p in found] == [9, 11]


def test_unused_source_fails_at_its_entry(project):
    add_source(project, key="dipakai")
    add_source(project, key="tidak-dipakai")
    write_all(project, "halaman.md", "Paling lama 1 tahun.[^dipakai]\n")
    found = only(problems(project), "citation/unused")
    assert [(p.path, p.line) for p in found] == [("data/sources/uji.yml", 9)]


def test_fee_source_must_exist(project):
    (project / "data" / "fees.yml").write_text(
        "- id: e-paspor-10\n  group: passport\n  name: E-paspor\n  amount: 950000\n  source: tidak-ada\n")
    found = only(problems(project), "citation/unknown")
    assert (found[0].path, found[0].line) == ("data/fees.yml", 1)


def test_translation_cites_the_same_sources(project):
    add_source(project, key="a")
    add_source(project, key="b")
    write_all(project, "halaman.md", "Paling lama 1 tahun.[^a]\n\nDenda Rp100 juta.[^b]\n",
              {lang: "Paling lama 1 tahun.[^a]\n\nDenda Rp100 juta.[^a]\n" for lang in LANGUAGES[1:]})
    found = only(problems(project), "citation/translation")
    assert {p.path for p in found} == {f"docs/{lang}/halaman.md" for lang in LANGUAGES[1:]}
    assert "`[^b]`" in found[0].message


# --- phone numbers come from data -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hubungi 0812-3456-7890.",
    "WhatsApp +62 812 3456 7890.",
    "Telepon 110 jika darurat.",
    "Teleponnya 129.",
    "Call 112 in an emergency.",
    "Tekan [panggil](tel:110).",
    "Kirim [pesan](https://wa.me/628111129129).",
    "Nomornya 021 2924 4800.",
])
def test_a_typed_phone_number_is_refused(project, text):
    add_source(project)
    write_all(project, "halaman.md", f"{text}[^uu-6-2011-pasal-113]\n")
    found = [p for p in only(problems(project), "citation/phone") if p.path == "docs/id/halaman.md"]
    assert [p.line for p in found] == [9]


@pytest.mark.parametrize("text", [
    "Biayanya Rp1.000.000 untuk paspor hilang.",
    "SAPA 129 melayani korban kekerasan.",
    "Sejak 2024, lebih dari 3.428 kasus.",
    "Hubungi {{ phone sapa-129 }}.",
])
def test_amounts_years_and_the_phone_marker_are_not_phone_numbers(project, text):
    add_source(project)
    write_all(project, "halaman.md", f"{text}[^uu-6-2011-pasal-113]\n")
    assert "citation/phone" not in rules(problems(project))


# --- numbers are the same in every language ---------------------------------------------------------

@pytest.mark.parametrize("id_text, en_text", [
    ("Tarif Rp350.000.", "The fee is IDR 350,000."),
    ("Uang panjar Rp5–10 juta.", "An advance of IDR 5 to 10 million."),
    ("Luasnya 2.116,59 km².", "Its area is 2,116.59 km²."),
    ("Sekitar 40 persen.", "About 40%."),
    ("Denda Rp100 juta.", "A fine of IDR 100,000,000."),
    ("Sejak 20 Mei 2021.", "Since 20 May 2021."),
])
def test_numbers_written_the_language_s_way_match(project, id_text, en_text):
    add_source(project)
    write_all(project, "halaman.md", f"{id_text}[^uu-6-2011-pasal-113]\n",
              {"en": f"{en_text}[^uu-6-2011-pasal-113]\n"})
    assert "citation/numbers" not in rules(problems(project))


@pytest.mark.parametrize("id_text, en_text, shown", [
    ("Tarif Rp650.000.", "The fee is IDR 350,000.", "650000"),
    ("Uang panjar Rp5–10 juta.", "An advance of IDR 5 to 10 thousand.", "5000000"),
    ("Naik 3 kali lipat.", "It rose three times.", "3"),
    ("Pasal 117.", "Article 116.", "116"),
    ("Sejak 2024.", "Since 2025.", "2024"),
])
def test_a_translation_with_other_numbers_fails(project, id_text, en_text, shown):
    add_source(project)
    write_all(project, "halaman.md", f"{id_text}[^uu-6-2011-pasal-113]\n",
              {"en": f"{en_text}[^uu-6-2011-pasal-113]\n"})
    found = only(problems(project), "citation/numbers")
    assert {p.path for p in found} == {"docs/en/halaman.md"}
    assert any(f"Angka {shown} " in p.message for p in found)


def test_number_parsing_across_languages():
    values = lambda text: [str(n.value.normalize()) for n in number_parsing.numbers(text)]  # noqa: E731
    assert values("Rp350.000") == ["3.5E+5"]
    assert values("IDR 1,000,000") == ["1E+6"]
    assert values("1,5 juta") == values("1.5 million") == ["1.5E+6"]
    assert values("Rp5–10 juta") == ["5E+6", "1E+7"]
    assert values("3.428 kasus") == values("3,428 cases") == ["3428"]


# --- invisible characters, copies, preferred terms --------------------------------------------------

@pytest.mark.parametrize("char", ["\u200b", "\u200e", "\u202e", "\u2066", "\ufeff"])
def test_invisible_characters_are_refused_in_pages(project, char):
    write(project, "id/halaman.md", ORIGINAL.replace("Kalimatnya pendek.", f"Kalimatnya{char} pendek."))
    found = [p for p in only(problems(project), "file/invisible") if p.path == "docs/id/halaman.md"]
    assert found[0].line == 9 and f"U+{ord(char):04X}" in found[0].message


def test_a_joiner_inside_an_emoji_is_allowed_but_not_between_letters(project):
    write(project, "id/halaman.md", ORIGINAL.replace("Kalimatnya pendek.", "Keluarga \U0001F468\u200d\U0001F469 pendek."))
    assert "file/invisible" not in rules(problems(project))
    write(project, "id/halaman.md", ORIGINAL.replace("Kalimatnya pendek.", "Kalimat\u200dnya pendek."))
    assert only(problems(project), "file/invisible")[0].line == 9


def test_invisible_characters_are_refused_in_data(project):
    path = project / "data" / "hotlines.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1] + "\u202e"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = only(problems(project), "file/invisible")
    assert (found[0].path, found[0].line) == ("data/hotlines.yml", 2)


def test_reviewed_translation_that_is_a_copy_fails(project):
    write(project, "en/halaman.md", ORIGINAL.replace("---\n\n", "translation_status: reviewed\n---\n\n", 1))
    found = only(problems(project), "translation/copy")
    assert found[0].path == "docs/en/halaman.md" and found[0].line == 7
    write(project, "en/halaman.md", ORIGINAL.replace("---\n\n", "translation_status: draft\n---\n\n", 1))
    assert "translation/copy" not in rules(problems(project))


def test_reviewed_real_translation_passes(project):
    english = (ORIGINAL.replace("Ini halaman contoh. Kalimatnya pendek.", "This is a sample page. Its sentences are short.")
               .replace("Datang ke kantor.", "Go to the office.").replace("Bawa [dokumen]", "Bring the [documents]")
               .replace("## Langkah", "## Steps").replace("title: Contoh halaman", "title: Sample page"))
    write(project, "en/halaman.md", english.replace("---\n\n", "translation_status: reviewed\n---\n\n", 1))
    assert "translation/copy" not in rules(problems(project))


def test_preferred_term_warns_with_the_reason(project):
    (project / "data" / "preferred-terms.yml").write_text(
        "lpg:\n  - preferred: niku\n    avoid: [sikindua]\n    why: \"`sikindua` berarti saya.\"\n")
    write(project, "lpg/halaman.md", translation(ORIGINAL, "lpg").replace("Kalimatnya pendek.", "Paspor sikindua."))
    found = only(problems(project), "language/preferred-term")
    assert (found[0].path, found[0].line, found[0].severity) == ("docs/lpg/halaman.md", 10, WARNING)
    assert "niku" in found[0].message


# --- rendering ----------------------------------------------------------------------------------------

def test_markers_become_numbered_references_in_order_of_first_use():
    registry = {key: {"title": key.upper(), "url": f"https://a.go.id/{key}", "locator": "Pasal 1",
                      "read": dt.date(2026, 12, 1), "lang": "id", "quote": "q", "kind": "official"}
                for key in ("a", "b")}
    text, refs = citations.number_citations("X.[^b] Y.[^a] Z.[^b] W.[^tidak-ada]\n```\n[^a]\n```", registry)
    assert [r["id"] for r in refs] == ["b", "a"]
    assert text.count('href="#ref-1"') == 2 and text.count('href="#ref-2"') == 1
    assert "[^tidak-ada]" in text and "```\n[^a]\n```" in text


def test_reference_list_escapes_volunteer_input():
    ref = {"number": 1, "id": "x", "title": "<img src=x onerror=alert(1)>", "url": "https://a.go.id/\"><script>",
           "locator": "Pasal 1", "read": "2026-12-01", "lang": "id", "quote": "</blockquote><script>alert(1)</script>",
           "news": True, "short_url": "a.go.id/\"><script>"}
    out = citations.references_html([ref], {"sources.news": "berita", "sources.read": "dibaca"})
    assert "<script>" not in out and "<img" not in out
    assert html.escape("</blockquote><script>alert(1)</script>") in out


@pytest.mark.parametrize("lang, expected", [("id", "Rp950.000"), ("lpg", "Rp950.000"), ("en", "IDR 950,000")])
def test_amounts_are_written_the_reader_s_way(lang, expected):
    assert citations.format_amount(950000, lang, "id") == expected


@pytest.mark.parametrize("lang, expected", [("id", "Gratis (Rp0)"), ("lpg", "Gratis (Rp0)"), ("en", "Free (IDR 0)")])
def test_nothing_to_pay_is_said_in_words(lang, expected):
    assert citations.format_amount(0, lang, "id") == expected
