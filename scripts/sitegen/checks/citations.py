"""Citations: every statement a resident might act on names the passage that states it.

- a paragraph, list item, table row or definition that states a number must carry `[^source-id]`
  (or a `{{ fee ID }}` / `{{ phone ID }}` value, which carries its own);
- a list of required documents must carry one (on an item or on the sentence that introduces it);
- every marker names a source of data/sources/, every value marker a fee or hotline of data/;
- a translation cites the same sources as its original;
- a source that nothing cites is an error (it proves nothing on the site);
- phone and WhatsApp numbers are never typed in page text: they come from data/hotlines.yml, with
  their verification record, through `{{ phone ID }}`.
"""

from __future__ import annotations

import re
from collections import Counter

from sitegen.models import data_files
from sitegen.models.content import ERROR, Page, Problem, Site

from .markdown_text import Block, blocks, plain, prose_lines
from .numbers import numbers, states_number

CITE_RE = re.compile(r"\[\^([^\]\s]*)\]")
VALUE_RE = re.compile(r"\{\{\s*(fee|phone)\s+([^\s}]+)\s*\}\}")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A required document, as pages name them in Indonesian, Lampung drafts and English.
DOCUMENT_RE = re.compile(
    r"\b(e-?KTP|KTP|KK|Kartu Keluarga|akta|akte|buku nikah|ijazah|surat (?:baptis|keterangan|pernyataan|"
    r"kehilangan|pewarganegaraan|keputusan|izin|rekomendasi|kuasa)|paspor (?:lama|yang rusak|asli|ayah|ibu|orang tua)|"
    r"pas foto|ID card|identity card|family card|birth certificate|marriage (?:book|certificate)|diploma|"
    r"(?:old|damaged|parents'?) passport|statement letter|police report|recommendation letter)\b",
    re.IGNORECASE,
)
# A phone number: 8 or more digits starting 0, 62 or +62, or a short number right after a call word.
PHONE_RE = re.compile(r"(?<![\d.,\w])(?:\+62|62|0)[\s().-]*\d(?:[\s().-]?\d){6,}(?!\d)")
CALL_WORDS = r"(?:telepon|telpon|telp|tel|hubungi|panggil|call|dial|phone|nomor|number|no\.|hotline|whatsapp|wa)"
SHORT_PHONE_RE = re.compile(rf"\b{CALL_WORDS}(?:nya|ny)?\W{{0,3}}(?:ke\s+|ke nomor\s+|on\s+)?(\d{{3,5}})\b", re.IGNORECASE)
TEL_LINK_RE = re.compile(r"\]\(\s*<?(tel:|sms:|https?://(?:api\.)?wa\.me/|https?://api\.whatsapp\.com/)", re.I)
DOCUMENT_LIST_MIN = 2


def _lines(page: Page) -> list[tuple[int, str]]:
    """The page's prose, then the texts of its "at a glance" box (front matter `glance`, shown on the
    page with the same markers)."""
    glance = (page.meta or {}).get("glance")
    extra = [(page.line_of("glance"), str(text)) for text in glance.values()] if isinstance(glance, dict) else []
    return list(prose_lines(page)) + extra


def cited_ids(page: Page) -> list[tuple[int, str]]:
    """(line, id) of every `[^id]` marker in the page's prose and its glance box."""
    return [(n, m.group(1)) for n, line in _lines(page) for m in CITE_RE.finditer(line)]


def value_markers(page: Page) -> list[tuple[int, str, str]]:
    return [(n, m.group(1), m.group(2)) for n, line in _lines(page) for m in VALUE_RE.finditer(line)]


def _has_citation(block: Block | None) -> bool:
    return block is not None and bool(CITE_RE.search(block.text) or VALUE_RE.search(block.text))


def check_page(page: Page, registry: dict, fees: dict, hotlines: dict):
    def problem(line: int, rule: str, message: str):
        return Problem(page.display, line, f"citation/{rule}", message, ERROR)

    for line, key in cited_ids(page):
        if not ID_RE.match(key) or key not in registry:
            yield problem(line, "unknown",
                          f"Penanda `[^{key}]` menunjuk sumber yang tidak ada di data/sources/. Periksa ejaan "
                          "kodenya, atau tambahkan sumbernya (alamat halaman, bagian, tanggal dibaca, kutipan).")
    for line, kind, key in value_markers(page):
        known = fees if kind == "fee" else hotlines
        if key not in known:
            where = "data/fees.yml" if kind == "fee" else "data/hotlines.yml"
            yield problem(line, "unknown",
                          f"`{{{{ {kind} {key} }}}}`: kode `{key}` tidak ada di {where} (atau entrinya bergalat). "
                          f"Kode yang ada: {', '.join(sorted(known)) or '-'}.")
    groups: dict[int, list[Block]] = {}
    for block in blocks(page):
        text = plain(block.text)
        stated = states_number(text)
        if stated and not _has_citation(block):
            yield problem(block.line, "missing",
                          f"Bagian ini menyebut angka (`{stated}`) tetapi tidak menyebut sumbernya. Tambahkan "
                          "penanda `[^kode-sumber]` sesudah kalimatnya (kode dari data/sources/), atau pakai "
                          "`{{ fee ... }}` / `{{ phone ... }}` untuk tarif dan nomor telepon.")
        if block.kind == "item":
            groups.setdefault(block.group, []).append(block)
        yield from _typed_phone(page, block, text)
    for items in groups.values():
        documents = [b for b in items if DOCUMENT_RE.search(plain(b.text))]
        if len(documents) >= DOCUMENT_LIST_MIN and not any(map(_has_citation, items)) \
                and not _has_citation(items[0].lead):
            yield problem(items[0].line, "documents",
                          "Daftar dokumen ini tidak menyebut sumbernya. Warga akan membawa daftar ini ke kantor: "
                          "tambahkan penanda `[^kode-sumber]` pada kalimat pembuka daftar atau pada butirnya.")


def _typed_phone(page: Page, block: Block, text: str):
    found = PHONE_RE.search(text) or SHORT_PHONE_RE.search(text)
    if found or TEL_LINK_RE.search(block.text):
        number = found.group(0).strip() if found else "tautan telepon/WhatsApp"
        yield Problem(page.display, block.line, "citation/phone",
                      f"Nomor telepon atau WhatsApp (`{number}`) tidak boleh ditulis langsung di halaman. "
                      "Nomor harus dari data/hotlines.yml (dengan catatan verifikasi): tulis "
                      "`{{ phone kode }}`, misalnya `{{ phone sapa-129 }}`.", ERROR)


def check_translation(original: Page, page: Page):
    theirs = Counter(key for _, key in cited_ids(original))
    ours = {key: line for line, key in reversed(cited_ids(page))}
    ours_count = Counter(key for _, key in cited_ids(page))
    for key in sorted(set(theirs) - set(ours_count)):
        line = next(n for n, k in cited_ids(original) if k == key)
        yield Problem(page.display, 0, "citation/translation",
                      f"Naskah Indonesia ({original.display}:{line}) mengutip `[^{key}]`, terjemahan ini tidak. "
                      "Taruh penanda yang sama di kalimat yang sama.")
    for key in sorted(set(ours_count) - set(theirs)):
        yield Problem(page.display, ours[key], "citation/translation",
                      f"Terjemahan mengutip `[^{key}]`, tetapi naskah Indonesia tidak. Sumber sama untuk semua "
                      "bahasa: tambahkan juga di naskah Indonesia, atau hapus di sini.")
    yield from _numbers_match(original, page)


def _page_numbers(page: Page) -> dict:
    """Each number the reader reads on the page -> (how many times, first line, as written)."""
    found: dict = {}
    for n, line in _lines(page):
        for number in numbers(plain(line)):
            count, first, text = found.get(number.value, (0, n, number.text))
            found[number.value] = (count + 1, first, text)
    return found


def _numbers_match(original: Page, page: Page):
    theirs, ours = _page_numbers(original), _page_numbers(page)
    for value in sorted(set(theirs) | set(ours)):
        want = theirs.get(value, (0, 0, ""))
        have = ours.get(value, (0, 0, ""))
        if want[0] == have[0]:
            continue
        shown = format(value.normalize(), "f")
        if have[0] < want[0]:
            yield Problem(page.display, have[1] or 0, "citation/numbers",
                          f"Angka {shown} (`{want[2]}`) ada {want[0]}× di naskah Indonesia ({original.display}:"
                          f"{want[1]}) tetapi {have[0]}× di terjemahan ini. Angka, tarif, nomor pasal dan tanggal "
                          "harus sama di semua bahasa (boleh ditulis sesuai bahasanya: Rp350.000 = IDR 350,000).")
        else:
            yield Problem(page.display, have[1], "citation/numbers",
                          f"Angka {shown} (`{have[2]}`) ada {have[0]}× di terjemahan ini tetapi {want[0]}× di naskah "
                          f"Indonesia ({original.display}). Samakan angkanya dengan naskah asli.")


def _cited_by_data(root, languages) -> dict[str, tuple[str, int]]:
    """Source id -> (data file, line) of every source a fee, a hotline or a what's-new entry names."""
    used: dict[str, tuple[str, int]] = {}
    for fee in data_files.load_valid(root, "fees.yml", languages):
        used.setdefault(fee["source"], ("data/fees.yml", fee["_line"]))
    for hotline in data_files.load_valid(root, "hotlines.yml", languages):
        for key in hotline.get("source") or ():
            used.setdefault(key, ("data/hotlines.yml", hotline["_line"]))
    # An entry of "Kabar terbaru" that names an unknown source is reported by its own data rule.
    for entry in data_files.load_valid(root, "whats-new.yml", languages):
        used.setdefault(entry["source"], ("data/whats-new.yml", entry["_line"]))
    return used


def check(site: Site):
    registry = data_files.sources(site.root, site.languages)
    fees = {f["id"]: f for f in data_files.load_valid(site.root, "fees.yml", site.languages)}
    hotlines = {h["id"]: h for h in data_files.load_valid(site.root, "hotlines.yml", site.languages)}
    # A page's result depends on its text and on which ids exist: remembered by both (model.Memo).
    known = (frozenset(registry), frozenset(fees), frozenset(hotlines))
    for page in site.pages:
        yield from site.remember(("citation/page", page.display, page.digest, known),
                                 lambda: check_page(page, registry, fees, hotlines))
    originals = site.pages_of(site.default_language)
    for lang in site.languages[1:]:
        for rel, page in site.pages_of(lang).items():
            if rel in originals:
                original = originals[rel]
                yield from site.remember(("citation/translation", original.display, original.digest,
                                          page.display, page.digest),
                                         lambda: check_translation(original, page))
    by_data = _cited_by_data(site.root, site.languages)
    for key, (file, line) in sorted(by_data.items()):
        if key not in registry:
            yield Problem(file, line, "citation/unknown",
                          f"Sumber `{key}` tidak ada di data/sources/. Tarif dan nomor telepon hanya tampil dengan "
                          "sumbernya: periksa ejaan kodenya, atau tambahkan sumbernya.")
    # The tools (data/tools/) cite sources too; their own check reports ids that do not exist.
    from . import tools

    by_tools = tools.cited_ids(site.root, site.languages)
    used = {key for page in site.pages for _, key in cited_ids(page)} | set(by_data) | set(by_tools)
    for key, entry in registry.items():
        if key not in used:
            yield Problem(entry["_file"], entry["_line"], "citation/unused",
                          f"Sumber `{key}` tidak dikutip oleh halaman mana pun. Sumber membuktikan kalimat: "
                          f"kutip dengan `[^{key}]` sesudah kalimat yang didukungnya, atau hapus entri ini.")
