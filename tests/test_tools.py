"""The self-help tools in the built site: every answer path is a page in every language, every link
on those pages leads somewhere, the checklists carry the documents the written pages list and the fees
of data/fees.yml (a changed fee changes the checklist), and the tools are linked, shareable and in the
offline copies. Browser behaviour (no JavaScript, print) is in test_tools_browser.py."""

from __future__ import annotations

import html as html_lib
import re
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
from conftest import LANGUAGES, Tags, copy_project, lang_prefix, mkdocs_build

CHECKLIST = "alat/apa-yang-dibawa/"
JOB_OFFER = "alat/cek-tawaran-kerja/"
# Every page of "Apa yang harus saya bawa?": the questions after the first, then one checklist per
# answer path (6 cases; each asks its own questions).
CHECKLIST_QUESTIONS = ["anak/", "baru/", "ganti/", "hilang/", "hilang/belum-ektp/", "hilang/punya-ektp/", "pmi/",
                       "pmi/belum-ektp/", "pmi/punya-ektp/", "rusak/", "rusak/belum-ektp/", "rusak/punya-ektp/"]
CHECKLISTS = ["anak/belum-pernah/", "anak/pernah/", "baru/belum-ektp/", "baru/punya-ektp/", "ganti/belum-ektp/",
              "ganti/punya-ektp/", "hilang/belum-ektp/bencana/", "hilang/belum-ektp/bukan-bencana/",
              "hilang/punya-ektp/bencana/", "hilang/punya-ektp/bukan-bencana/", "pmi/belum-ektp/belum-menikah/",
              "pmi/belum-ektp/menikah/", "pmi/punya-ektp/belum-menikah/", "pmi/punya-ektp/menikah/",
              "rusak/belum-ektp/bencana/", "rusak/belum-ektp/bukan-bencana/", "rusak/punya-ektp/bencana/",
              "rusak/punya-ektp/bukan-bencana/"]
# Every page of "Cek tawaran kerja": the questions after the first, the follow-up, every warning sign
# and the last page.
JOB_QUESTIONS = ["visa/", "uang/", "pekerjaan/", "perekrut/", "lowongan/", "kontrak/", "paspor/"]
JOB_RULES = ["negara-belum-dicek/", "turki-rumah-tangga/", "kerja-online/", "visa-kerja-wajib/", "uang-panjar/",
             "bayar-tidak-boleh/", "bayar-tanya/", "perekrut-belum-dicek/", "calo/", "lowongan-belum-diperiksa/",
             "kontrak-tertulis/", "paspor-dipegang/", "selesai/"]


def _file(site, path: str) -> Path:
    target = site.dir / path
    return target / "index.html" if path.endswith("/") or not path else target


def _links(site, rel: str) -> list[str]:
    """Site paths (with the sub-path removed) of every relative link on a built page."""
    page_url = site.base_url + rel
    base = urlsplit(site.base_url).path
    out = []
    for attrs in Tags(site.html(rel)).find("a"):
        href = attrs.get("href") or ""
        if not href or href.startswith(("#", "https:", "http:", "mailto:", "tel:", "geo:")):
            continue
        out.append(unquote(urlsplit(urljoin(page_url, href)).path.removeprefix(base)))
    return out


def _crawl(site, start: str) -> set[str]:
    """Every page of a tool reached from its start page by following links, each link checked."""
    folder = start
    seen, todo = set(), [start]
    while todo:
        rel = todo.pop()
        if rel in seen:
            continue
        seen.add(rel)
        for target in _links(site, rel):
            assert _file(site, target).is_file(), f"{rel}: link to {target} leads nowhere"
            if target.startswith(folder) and target not in seen:
                todo.append(target)
    return {rel.removeprefix(folder) for rel in seen}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_answer_path_is_a_page_and_every_link_leads_somewhere(site, lang):
    prefix = lang_prefix(lang)
    assert _crawl(site, prefix + CHECKLIST) == {""} | set(CHECKLIST_QUESTIONS) | set(CHECKLISTS)
    assert _crawl(site, prefix + JOB_OFFER) == {""} | set(JOB_QUESTIONS) | set(JOB_RULES)


def _text(fragment: str) -> str:
    """What a reader reads: tags inside a line (an abbreviation, a link) vanish, others separate words."""
    fragment = re.sub(r"</?(?:abbr|a|strong|em|b|span)\b[^>]*>", "", fragment)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _section(page_html: str, start_id: str, end: str = r"<h2\b") -> str:
    """Text of a page from the heading with this id to the next level-2 heading."""
    start = re.search(rf'<h2 id="{start_id}"', page_html)
    assert start, start_id
    rest = page_html[start.end():]
    stop = re.search(end, rest)
    return _text(rest[: stop.start() if stop else len(rest)])


def _documents(site, rel: str) -> str:
    return _section(site.html(rel), "dokumen", r'<h2 id="langkah"')


# What the written pages list (prosedur/dokumen-paspor.md, paspor-hilang-rusak.md, and the recommendation
# uploads of jalur-migrasi/bekerja-ke-luar-negeri.md), as they say it; each checklist of that case must
# say it too. The review corrections C1 (both parents' e-KTP; the parents' statement with a duty stamp)
# and C2 (the damaged passport itself) are among them.
ADULT = ["e-KTP yang masih berlaku", "Kartu Keluarga (KK)",
         "akta kelahiran, akta perkawinan atau buku nikah, ijazah, atau surat baptis",
         "Surat pewarganegaraan, jika Anda menjadi WNI lewat pewarganegaraan",
         "Surat penetapan ganti nama, jika nama Anda pernah diganti"]
CHILD = ["e-KTP ayah dan e-KTP ibu. Bawa keduanya", "Kartu Keluarga (KK)", "Akta kelahiran anak",
         "Buku nikah atau akta perkawinan orang tua",
         "Surat pernyataan kedua orang tua, ditandatangani ayah dan ibu dan diberi meterai",
         "bertanggung jawab atas paspor anak, keberangkatan, dan kepulangannya ke Indonesia",
         "Fotokopi paspor ayah dan ibu, jika punya"]
LOST = ["e-KTP", "Kartu Keluarga (KK)", "Surat keterangan kehilangan dari polisi", "Fotokopi paspor lama"]
DAMAGED = ["e-KTP", "Kartu Keluarga (KK)", "Paspor yang rusak (asli)"]
DISASTER = ["dari pekon, kelurahan, atau instansi berwenang", "urat permohonan kepada Kepala Kantor Imigrasi"]
RECOMMENDATION = ["KTP", "Kartu Keluarga (KK)", "surat keterangan sehat", "BPJS Kesehatan",
                  "ijazah atau sertifikat keahlian", "surat izin"]


def test_checklists_list_what_the_written_pages_list(site):
    def says(text: str, phrases: list[str], where: str):
        missing = [p for p in phrases if p.lower() not in text.lower()]
        assert missing == [], f"{where}: {missing}"

    says(_section(site.html("prosedur/dokumen-paspor/"), "dokumen-dewasa"), ADULT + ["Paspor lama"], "dokumen-dewasa")
    says(_section(site.html("prosedur/dokumen-paspor/"), "dokumen-anak"), CHILD + ["Paspor lama anak"], "dokumen-anak")
    lost_page = _section(site.html("prosedur/paspor-hilang-rusak/"), "yang-perlu-dibawa")
    says(lost_page, LOST + DAMAGED + DISASTER, "yang-perlu-dibawa")
    says(_section(site.html("jalur-migrasi/bekerja-ke-luar-negeri/"), "unggahan-rekomendasi"), RECOMMENDATION,
         "unggahan-rekomendasi")
    for path in CHECKLISTS:
        documents = _documents(site, CHECKLIST + path)
        case = path.split("/")[0]
        expected = {"baru": ADULT, "ganti": ADULT + ["Paspor lama"], "hilang": LOST, "rusak": DAMAGED,
                    "anak": CHILD, "pmi": ADULT + RECOMMENDATION + ["Surat rekomendasi paspor"]}[case]
        if "/bencana/" in path:
            expected = expected + DISASTER
        if path == "anak/pernah/":
            expected = expected + ["Paspor lama anak"]
        says(documents, expected, path)
    # And nothing that belongs to another case.
    assert "Paspor yang rusak" not in _documents(site, CHECKLIST + "hilang/punya-ektp/bukan-bencana/")
    assert "kehilangan dari polisi" not in _documents(site, CHECKLIST + "rusak/punya-ektp/bukan-bencana/")
    assert "Paspor lama anak" not in _documents(site, CHECKLIST + "anak/belum-pernah/")
    assert "instansi berwenang" not in _documents(site, CHECKLIST + "hilang/punya-ektp/bukan-bencana/")


def test_answers_change_the_list(site):
    married = _documents(site, CHECKLIST + "pmi/punya-ektp/menikah/")
    single = _documents(site, CHECKLIST + "pmi/punya-ektp/belum-menikah/")
    assert "Surat nikah." in married and "suami atau istri" in married and "dari orang tua" not in married
    assert "Surat nikah." not in single and "dari orang tua" in single and "suami atau istri" not in single
    steps = lambda path: _section(site.html(CHECKLIST + path), "langkah")  # noqa: E731
    assert "Urus e-KTP dulu di Disdukcapil" in steps("baru/belum-ektp/")
    assert "Disdukcapil" not in steps("baru/punya-ektp/")
    assert "tidak diurus lewat M-Paspor" in steps("hilang/punya-ektp/bukan-bencana/")
    assert "M-Paspor" not in steps("hilang/punya-ektp/bukan-bencana/").replace("tidak diurus lewat M-Paspor", "")


@pytest.mark.parametrize("lang, path, shown, not_shown", [
    ("id", "baru/punya-ektp/", ["Rp950.000", "Rp650.000"], ["Rp1.000.000"]),
    ("en", "baru/punya-ektp/", ["IDR 950,000", "IDR 650,000"], ["Rp"]),
    ("lpg", "anak/pernah/", ["Rp650.000", "Rp350.000"], ["Rp950.000"]),
    ("id", "hilang/punya-ektp/bukan-bencana/", ["Rp950.000", "Rp1.000.000"], ["Rp500.000", "Rp0"]),
    ("id", "rusak/belum-ektp/bukan-bencana/", ["Rp500.000"], ["Rp1.000.000"]),
    ("id", "hilang/punya-ektp/bencana/", ["Rp0"], ["Rp1.000.000", "Rp500.000"]),
    ("en", "pmi/punya-ektp/menikah/", ["IDR 0"], ["950,000"]),
])
def test_costs_come_from_the_fee_data(site, lang, path, shown, not_shown):
    costs = _section(site.html(lang_prefix(lang) + CHECKLIST + path), "biaya", r"</table>")
    for amount in shown:
        assert amount in costs, (amount, costs)
    for amount in not_shown:
        assert amount not in costs, (amount, costs)


def test_a_changed_fee_changes_the_checklist(tmp_path):
    project = copy_project(tmp_path / "project")
    fees = project / "data" / "fees.yml"
    text = fees.read_text(encoding="utf-8")
    assert text.count("amount: 950000\n") == 1
    fees.write_text(text.replace("amount: 950000\n", "amount: 975000\n"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang, amount, old in (("id", "Rp975.000", "Rp950.000"), ("en", "IDR 975,000", "IDR 950,000")):
        page = (tmp_path / "site" / lang_prefix(lang) / CHECKLIST / "baru" / "punya-ektp" / "index.html")
        costs = _section(page.read_text(encoding="utf-8"), "biaya", r"</table>")
        assert amount in costs and old not in costs, (lang, costs)


def _print_buttons(tags: Tags) -> list[dict]:
    return [attrs for tag, attrs in tags.tags if tag == "button" and "data-site-print" in attrs]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_result_pages_offer_print_and_whatsapp(site, lang):
    for rel in [CHECKLIST + "rusak/punya-ektp/bencana/", JOB_OFFER + "calo/", JOB_OFFER + "selesai/"]:
        rel = lang_prefix(lang) + rel
        tags = Tags(site.html(rel))
        assert len(_print_buttons(tags)) == 1, rel
        shares = [a["href"] for a in tags.find("a") if (a.get("href") or "").startswith("https://wa.me/?text=")]
        texts = [parse_qs(urlsplit(share).query)["text"][0] for share in shares]
        # The tool's own link and the one under every page: both send this page's address.
        assert len(texts) == 2 and all(t.endswith(" " + site.base_url + rel) for t in texts), texts
    # A question is not worth printing alone.
    assert _print_buttons(Tags(site.html(lang_prefix(lang) + CHECKLIST + "hilang/"))) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_checklist_item_and_warning_names_its_source(site, lang):
    for path in CHECKLISTS:
        page = site.html(lang_prefix(lang) + CHECKLIST + path)
        blocks = re.findall(r'<div class="site-checklist">(.*?)</div>', page, re.S)
        assert blocks, path
        for item in re.findall(r"<li>(.*?)</li>", "".join(blocks), re.S):
            first_line = item.split("<span", 1)[0]
            assert 'class="site-cite"' in first_line, (path, item)
    for path in JOB_RULES[:-1]:
        why = site.html(lang_prefix(lang) + JOB_OFFER + path).split('<h2 id="kenapa"', 1)[1].split("<h2", 1)[0]
        for reason in re.findall(r"<li>(.*?)</li>", why, re.S):
            assert 'class="site-cite"' in reason, (path, reason)


def test_translated_tool_pages_are_labelled(site):
    lpg = site.html("lpg/" + CHECKLIST + "anak/pernah/")
    assert 'data-notice="draft"' in lpg and "<html lang=\"ljp\"" in lpg
    assert "Paspor anak: sai harus diusung" in lpg
    en = site.html("en/" + JOB_OFFER + "calo/")
    assert 'data-notice="draft"' not in en and "Do not go through a broker" in en
    # "Edit this page" opens the data file the page is built from.
    assert 'href="https://github.com/example/info-imigrasi/edit/main/data/tools/cek-tawaran-kerja.yml"' in en


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_and_the_related_pages_link_the_tools(site, lang):
    prefix = lang_prefix(lang)
    pages = {"": [CHECKLIST, JOB_OFFER], "prosedur/dokumen-paspor/": [CHECKLIST],
             "prosedur/paspor-hilang-rusak/": [CHECKLIST], "prosedur/paspor-pekerja-migran/": [CHECKLIST, JOB_OFFER],
             "jalur-migrasi/bekerja-ke-luar-negeri/": [JOB_OFFER], "jalur-migrasi/tanda-perdagangan-orang/": [JOB_OFFER],
             "jalur-migrasi/tawaran-kerja-turki/": [JOB_OFFER]}
    for page, tools in pages.items():
        article = site.html(prefix + page).split("<article", 1)[1].split("</article>", 1)[0]
        targets = set()
        for href in re.findall(r'href="([^"#]+)"', article):
            targets.add(urlsplit(urljoin(site.base_url + prefix + page, href)).path.removeprefix(urlsplit(site.base_url).path))
        for tool in tools:
            assert prefix + tool in targets, (page, tool)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_tools_are_in_the_offline_copy(site, lang):
    folder = f"info-imigrasi-{lang}/"
    with zipfile.ZipFile(site.dir / "offline" / f"info-imigrasi-lampung-barat-{lang}.zip") as archive:
        names = set(archive.namelist())
        for path in [CHECKLIST] + [CHECKLIST + p for p in CHECKLISTS] + [JOB_OFFER + p for p in JOB_RULES]:
            assert f"{folder}{lang_prefix(lang)}{path}index.html" in names, path
        page = archive.read(f"{folder}{lang_prefix(lang)}{CHECKLIST}hilang/index.html").decode("utf-8")
    # From a folder on a phone a link to a folder must name its index.html.
    answers = page.split('class="site-tool__answers"', 1)[1].split("</div>", 1)[0]
    hrefs = re.findall(r'href="([^"]+)"', answers)
    assert hrefs == ["punya-ektp/index.html", "belum-ektp/index.html"]


def test_a_title_from_the_data_reads_as_written(site):
    """Escaped once, in one place (page_meta): an apostrophe in a tool's title is an apostrophe in the
    tab title and the heading, not `&#x27;`."""
    page = site.html("en/" + CHECKLIST + "anak/belum-pernah/")
    title = html_lib.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))
    heading = html_lib.unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)))
    assert title.startswith("Child's passport: what to bring") and "&" not in title
    assert heading.strip().startswith("Child's passport: what to bring") and "&" not in heading


def test_answer_pages_stay_out_of_search_and_feedback_names_the_data_file(site):
    start, result = site.html(CHECKLIST), site.html(CHECKLIST + "anak/pernah/")
    assert "data-pagefind-body" in start and "data-pagefind-body" not in result
    feedback = [a["href"] for a in Tags(result).find("a") if a.get("data-feedback") == "report"]
    body = parse_qs(urlsplit(feedback[0]).query)["body"][0]
    assert "data/tools/apa-yang-dibawa.yml" in body and "docs/" not in body
