"""Page metadata (front matter): the one definition of its fields, and the rule that enforces it.

CONTRIBUTING.md documents the same fields for volunteers; tests/test_repository.py keeps the two in
step.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable

from sitegen.models.content import ERROR, Page, Problem, Site

STATUSES = ("draft", "reviewed")
# Characters that make HTML (a tag, an attribute's end, a character reference). Templates print these
# texts in the page head, the navigation and the notices; the build escapes them too (page_meta.py).
MARKUP_RE = re.compile(r'[<>"]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);')
MATERIAL_HIDE = ("navigation", "toc", "footer", "path")


@dataclass(frozen=True)
class Field:
    name: str
    what: str  # plain Indonesian, shown in messages and in CONTRIBUTING.md
    example: str
    required: str  # "all", "translation" or "no"
    validate: Callable[[Any], str | None]  # returns a problem description or None


def _markup(value: str) -> str | None:
    match = MARKUP_RE.search(value)
    if match:
        return (f"memuat `{match.group(0)}`, tanda yang dipakai kode HTML. Tulis teks biasa; untuk kutipan pakai "
                "tanda kutip lengkung “…”")
    return None


def _text(value: Any, max_len: int) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "harus berisi teks, tidak boleh kosong"
    if len(value) > max_len:
        return f"terlalu panjang ({len(value)} huruf); paling banyak {max_len} huruf"
    return _markup(value)


def _date(value: Any) -> str | None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        return "harus tanggal dengan bentuk TAHUN-BULAN-HARI, misalnya 2026-11-28"
    if value > dt.date.today():
        return f"tanggal {value.isoformat()} ada di masa depan; tulis tanggal pemeriksaan yang sudah terjadi"
    return None


def _status(value: Any) -> str | None:
    if value not in STATUSES:
        return "harus `draft` (belum diperiksa penutur asli) atau `reviewed` (sudah diperiksa)"
    return None


def _texts(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return "harus daftar kalimat, satu per baris diawali `- `"
    return next((f"butir ke-{n} {why}" for n, v in enumerate(value, 1) if (why := _markup(v))), None)


def _summary(value: Any) -> str | None:
    reason = _text(value, max_len=160)
    if reason:
        return reason
    if re.search(r"\d", value):
        # A number is a fact that needs its source; the one-line answer has none: it goes in the text.
        return "memuat angka; angka (biaya, lama, nomor) harus di isi halaman dengan sumbernya, bukan di ringkasan"
    if "\n" in value.strip():
        return "harus satu baris"
    return None


GLANCE_KEYS = ("bring", "cost", "time", "where")  # the order the box shows them in
GLANCE_MARKER_RE = re.compile(r"\{\{\s*fee\s+[a-z0-9]+(?:-[a-z0-9]+)*\s*\}\}|\[\^[a-z0-9]+(?:-[a-z0-9]+)*\]")


def _glance(value: Any) -> str | None:
    if not isinstance(value, dict) or not value:
        return "harus berisi " + ", ".join(f"`{k}:`" for k in GLANCE_KEYS) + " (satu atau lebih), masing-masing satu kalimat"
    for key, text in value.items():
        if key not in GLANCE_KEYS:
            return f"berisi `{key}`; yang boleh hanya " + ", ".join(GLANCE_KEYS)
        reason = _text(text, max_len=200)
        if reason:
            return f"bagian `{key}` {reason}"
        if "{" in GLANCE_MARKER_RE.sub("", text) or "}" in GLANCE_MARKER_RE.sub("", text):
            return f"bagian `{key}` memuat kurung kurawal selain `{{{{ fee KODE }}}}`"
        if not GLANCE_MARKER_RE.search(text):
            return (f"bagian `{key}` tidak menyebut sumber: tulis `[^kode-sumber]` di akhir kalimat, "
                    "atau `{{ fee KODE }}` untuk biaya")
    return None


SEARCH_TERMS_MAX = 25
SEARCH_TERM_MAX_LEN = 60
# Letters of any script, digits, spaces, hyphens and apostrophes: nothing that could end the HTML
# attribute the terms are written into, and nothing search would drop anyway.
# data/search-words.yml takes the same (sitegen/checks/search_words.py).
SEARCH_WORD_RE = re.compile(r"^[^\W_](?:[^\W_]|[ '’-])*$")


def _search_terms(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "harus daftar kata atau frasa, satu per baris diawali `- `"
    if len(value) > SEARCH_TERMS_MAX:
        return f"berisi {len(value)} kata; paling banyak {SEARCH_TERMS_MAX}, yang paling sering diketik warga saja"
    seen = set()
    for term in value:
        if not isinstance(term, str) or not SEARCH_WORD_RE.match(term.strip()):
            return (f"berisi `{term}`: tulis kata biasa (huruf, angka, spasi, tanda hubung), "
                    "tanpa tanda baca lain")
        if len(term) > SEARCH_TERM_MAX_LEN:
            return f"berisi frasa yang terlalu panjang (`{term}`); paling banyak {SEARCH_TERM_MAX_LEN} huruf"
        if term.strip().lower() in seen:
            return f"menulis `{term}` dua kali"
        seen.add(term.strip().lower())
    return None


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "harus `true` atau `false`"


def _hide(value: Any) -> str | None:
    if not isinstance(value, list) or not all(v in MATERIAL_HIDE for v in value):
        return "harus daftar berisi: " + ", ".join(MATERIAL_HIDE)
    return None


def _hash(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) != 12 or any(c not in "0123456789abcdef" for c in value):
        return "harus 12 huruf sidik naskah asli; jalankan `python scripts/docs.py stamp`"
    return None


FIELDS: tuple[Field, ...] = (
    Field("title", "Judul halaman, pendek dan jelas. Juga menjadi judul besar di halaman.",
          "Biaya paspor", "all", partial(_text, max_len=80)),
    Field("description", "Satu kalimat ringkasan isi halaman (paling banyak 160 huruf).",
          "Tarif paspor menurut PP 45 Tahun 2024.", "all", partial(_text, max_len=160)),
    Field("summary", "Jawaban satu baris, tampil tepat di bawah judul (paling banyak 160 huruf, tanpa angka).",
          "Daftar di aplikasi M-Paspor, lalu datang ke kantor imigrasi pada jadwal Anda.", "no", _summary),
    Field("glance", "Kotak \"sekilas\" di awal halaman prosedur: `bring` (yang dibawa), `cost` (biaya, dengan "
          "`{{ fee KODE }}`), `time` (lama), `where` (tempat). Setiap kalimat dengan sumbernya `[^kode-sumber]`.",
          "bring: e-KTP dan Kartu Keluarga.[^kode-sumber]", "no", _glance),
    Field("reviewed", "Tanggal terakhir isi halaman diperiksa dengan sumbernya.",
          "2026-11-28", "all", _date),
    Field("translation_status", "Khusus terjemahan: `draft` atau `reviewed`.", "draft", "translation", _status),
    Field("unverified", "Daftar detail yang belum diverifikasi; ditampilkan kepada pembaca.",
          "- Jam buka kantor.", "no", _texts),
    Field("leaflet", "`true` jika halaman ini juga dicetak sebagai leaflet.", "true", "no", _bool),
    Field("original", "Khusus terjemahan: sidik naskah Indonesia saat diterjemahkan (diisi otomatis).",
          "3f2a9c0b1d4e", "no", _hash),
    Field("hide", "Bagian tampilan yang disembunyikan (jarang dipakai).", "- toc", "no", _hide),
    Field("search_terms", "Kata yang diketik warga untuk mencari halaman ini tetapi jarang atau tidak ada di "
          "teksnya (nama lama, kata sehari-hari, pertanyaan). Tidak tampil di halaman; ikut dicari.",
          "- bikin paspor", "no", _search_terms),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)

RULE = "metadata"


def check_page(page: Page, default_language: str) -> list[Problem]:
    """Problems of one page's front matter."""

    def problem(line: int, rule: str, message: str) -> Problem:
        return Problem(page.display, line, rule, message, ERROR)

    if page.meta_error:
        line, reason = page.meta_error
        return [problem(line, f"{RULE}/yaml",
                        f"Bagian metadata (antara dua garis ---) tidak bisa dibaca: {reason}. "
                        "Periksa titik dua, tanda kutip dan spasi di awal baris.")]
    if not page.has_front_matter:
        return [problem(1, f"{RULE}/missing",
                        "Halaman tidak punya metadata. Baris pertama harus `---`, lalu title, "
                        "description dan reviewed, lalu `---` lagi.")]
    meta = page.meta or {}
    is_translation = page.lang != default_language
    problems = []
    for f in FIELDS:
        needed = f.required == "all" or (f.required == "translation" and is_translation)
        if f.name not in meta:
            if needed:
                problems.append(problem(page.line_of(f.name), f"{RULE}/required",
                                        f"Kolom `{f.name}` wajib ada. {f.what} Contoh: `{f.name}: {f.example}`"))
            continue
        if f.required == "translation" and not is_translation:
            problems.append(problem(page.line_of(f.name), f"{RULE}/unknown",
                                    f"Kolom `{f.name}` hanya untuk terjemahan; hapus dari halaman bahasa Indonesia."))
            continue
        reason = f.validate(meta[f.name])
        if reason:
            problems.append(problem(page.line_of(f.name), f"{RULE}/invalid",
                                    f"Kolom `{f.name}` {reason}."))
    for name in meta:
        if name == "sources":
            problems.append(problem(page.line_of(name), f"{RULE}/unknown",
                                    "Kolom `sources` tidak dipakai lagi: sumber ditulis pada kalimatnya, dengan "
                                    "penanda `[^kode-sumber]` (kode dari data/sources/). Hapus kolom ini."))
            continue
        if name not in FIELD_NAMES:
            problems.append(problem(page.line_of(str(name)), f"{RULE}/unknown",
                                    f"Kolom `{name}` tidak dikenal. Kolom yang boleh: {', '.join(FIELD_NAMES)}. "
                                    "Periksa ejaannya."))
    return problems


def check(site: Site):
    for page in site.pages:
        yield from check_page(page, site.default_language)
