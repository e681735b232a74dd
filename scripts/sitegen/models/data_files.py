"""Data files in data/: the one schema of each file, its validation, and the loader the pages use
(the content rule, sitegen/checks/data_files.py, reports what validation finds).

A volunteer edits data/service-points.yml, data/hotlines.yml, data/agenda.yml and data/partners.yml by
hand. Every problem names the file, the entry (its `id` or `name`) and the line, in plain Indonesian,
and says how to fix it. Nothing here may raise, whatever is in the files: broken YAML, wrong types,
a missing file. The pages (scripts/sitegen/models/site_data.py, scripts/sitegen/pages/directory_pages.py) read the files only
through `load_valid`, which drops the entries this rule reports, so a broken entry never reaches a
reader, even in a build that is not strict.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import reprlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

import yaml

from sitegen.models import yaml_files
from sitegen.models.content import ERROR, WARNING, Problem
from sitegen.models.domains import is_blocked, lists_version, source_url_problem

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ().-]{1,22}[0-9]$")
TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
# Text becomes part of pages (Markdown and HTML): no tag, no character reference. Quotation marks are
# fine here (sources quote passages); every value is escaped where it is printed.
MARKUP_RE = re.compile(r"[<>]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# An address: https, a host name of letters, digits and hyphens (IDN as xn--), nothing a page could
# mistake for markup or whitespace.
HOST_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
URL_CHARACTERS_RE = re.compile(r"[^A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]")
# A generous box around Lampung province: a point outside it is almost always a typo or lat/lon swapped.
LAMPUNG_BOX = {"lat": (-6.3, -3.3), "lon": (103.3, 106.3)}
AGENDA_KINDS = ("forum", "class", "campaign")
PARTNER_KINDS = ("government", "ngo", "community")
RELATIONS = ("referral", "agreement")

_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60




class Invalid(Exception):
    """A field's value is wrong: the message says how (plain Indonesian)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class Context:
    """What a field check may need besides the value."""

    root: Path
    languages: list[str]
    kinds: tuple[str, ...] = ()


# --- values -----------------------------------------------------------------------------------------
# Each converter takes the YAML node (for raw text and line numbers) and the loaded value, and returns
# the clean value the pages use, or raises Invalid.


def _line(node) -> int:
    return node.start_mark.line + 1


def _mapping(node) -> dict[str, tuple[Any, Any]]:
    """key -> (key node, value node) of a mapping node; duplicate keys keep the first (reported apart)."""
    out: dict[str, tuple[Any, Any]] = {}
    for key_node, value_node in node.value:
        out.setdefault(str(key_node.value), (key_node, value_node))
    return out


def text(node, value, ctx) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise Invalid("harus berisi teks")
    value = str(node.value if isinstance(node, yaml.ScalarNode) else value).strip()
    if not value:
        raise Invalid("tidak boleh kosong")
    markup = MARKUP_RE.search(value)
    if markup:
        raise Invalid(f"memuat `{markup.group(0)}`, tanda yang dipakai kode HTML; tulis teks biasa")
    return value


def localized(node, value, ctx) -> str | dict[str, str]:
    """Text that is the same in every language, or `{id: ..., lpg: ..., en: ...}` where it differs."""
    if not isinstance(value, dict):
        return text(node, value, ctx)
    default = ctx.languages[0]
    out = {}
    for key, (key_node, value_node) in _mapping(node).items():
        if key not in ctx.languages:
            raise Invalid(f"memakai kode bahasa `{key}` yang tidak dikenal; yang boleh: "
                          f"{', '.join(ctx.languages)}", _line(key_node))
        try:
            out[key] = text(value_node, value.get(key_node.value, value.get(key)), ctx)
        except Invalid as exc:
            raise Invalid(f"bahasa `{key}` {exc.message}", _line(value_node)) from None
    if default not in out:
        raise Invalid(f"harus punya teks bahasa Indonesia (`{default}: ...`); bahasa lain boleh kosong "
                      "dan memakai teks Indonesia")
    return out


def localized_list(node, value, ctx) -> list:
    if not isinstance(value, list) or not value:
        raise Invalid("harus daftar (minimal satu), satu per baris diawali `- `")
    out = []
    for item_node, item in zip(node.value, value):
        try:
            out.append(localized(item_node, item, ctx))
        except Invalid as exc:
            raise Invalid(f"butir baris {_line(item_node)} {exc.message}", exc.line or _line(item_node)) from None
    return out


def localized_every(max_len: int) -> Callable:
    """`{id: ..., lpg: ..., en: ...}` with a text in every language, each at most `max_len` letters: an
    announcement travels (feed, share card, printed notice), so it never falls back to another language."""
    def convert(node, value, ctx) -> dict[str, str]:
        if not isinstance(value, dict):
            raise Invalid(f"harus berisi teks tiap bahasa: {', '.join(f'`{l}: ...`' for l in ctx.languages)}")
        out = localized(node, value, ctx)
        missing = [lang for lang in ctx.languages if lang not in out]
        if missing:
            raise Invalid(f"belum punya teks bahasa {', '.join(f'`{l}`' for l in missing)}; salin teks bahasa "
                          "Indonesia bila belum ada terjemahan")
        for lang, words in out.items():
            if len(words) > max_len:
                raise Invalid(f"bahasa `{lang}` terlalu panjang ({len(words)} huruf); paling banyak {max_len} huruf")
        return out

    return convert


# A page as mkdocs.yml's `nav` names it, relative to docs/<lang>/ (`prosedur/biaya-paspor.md`).
PAGE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*\.md$")


def page_list(node, value, ctx) -> list[str]:
    """Pages as written in mkdocs.yml `nav` (`prosedur/biaya-paspor.md`), each a file in docs/<id>/."""
    if isinstance(value, str):
        value, nodes = [value], [node]
    elif isinstance(value, list) and value:
        nodes = node.value
    else:
        raise Invalid("harus daftar halaman, satu per baris diawali `- `, misalnya `- prosedur/biaya-paspor.md`")
    out = []
    for item_node, item in zip(nodes, value):
        if not isinstance(item, str) or not PAGE_RE.match(item):
            raise Invalid(f"halaman {_short.repr(item)} harus ditulis seperti di menu mkdocs.yml, misalnya "
                          "`prosedur/biaya-paspor.md`", _line(item_node))
        if not (ctx.root / "docs" / ctx.languages[0] / item).is_file():
            raise Invalid(f"halaman `{item}` tidak ada di docs/{ctx.languages[0]}/; periksa ejaannya",
                          _line(item_node))
        out.append(item)
    return out


def https_url(node, value, ctx) -> str:
    """An https address, parsed: a real host name, no user name or password, only URL characters
    (spaces, quotes and angle brackets are percent-encoded in a real address)."""
    if not isinstance(value, str):
        raise Invalid(f"harus alamat web lengkap yang diawali https://, bukan {_short.repr(value)}")
    value = value.strip()
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        port_ok = parts.port is None or parts.port == 443
    except ValueError:
        parts, host, port_ok = None, "", False
    if parts is None or parts.scheme != "https" or not HOST_RE.match(host) or not port_ok:
        raise Invalid(f"harus alamat web lengkap yang diawali https://, bukan {_short.repr(value)}")
    if parts.username is not None or parts.password is not None:
        raise Invalid(f"`{value}` memuat nama pengguna atau kata sandi (`...@`); pakai alamat halaman saja")
    bad = URL_CHARACTERS_RE.search(value)
    if bad:
        raise Invalid(f"`{_short.repr(value)}` memuat `{bad.group(0)}`, yang tidak boleh ada di alamat web; salin "
                      "alamatnya dari kolom alamat peramban")
    try:

        blocked = is_blocked(ctx.root, value)
    except Exception:  # the domain list is checked elsewhere; never stop on it here
        blocked = False
    if blocked:
        raise Invalid(f"`{value}` adalah situs tiruan yang tidak resmi; pakai situs resmi (berakhiran .go.id)")
    return value


def url_list(node, value, ctx) -> list[str]:
    if isinstance(value, str):
        return [https_url(node, value, ctx)]
    if not isinstance(value, list) or not value:
        raise Invalid("harus alamat web https://, atau daftar alamat satu per baris diawali `- `")
    return [https_url(n, v, ctx) for n, v in zip(node.value, value)]


def short_text(max_len: int) -> Callable:
    def convert(node, value, ctx) -> str:
        value = text(node, value, ctx)
        if len(value) > max_len:
            raise Invalid(f"terlalu panjang ({len(value)} huruf); paling banyak {max_len} huruf")
        return value

    return convert


def amount(node, value, ctx) -> int:
    """Rupiah, digits only: `650000`, not "Rp650.000"."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Invalid(f"harus angka Rupiah tanpa titik dan tanpa `Rp`, misalnya 650000, bukan {_short.repr(value)}")
    return value


def language_code(node, value, ctx) -> str:
    if not isinstance(value, str) or not re.match(r"^[a-z]{2,3}$", value):
        raise Invalid(f"harus kode bahasa kutipan, misalnya `id` atau `en`, bukan {_short.repr(value)}")
    return value


def slug_list(node, value, ctx) -> list[str]:
    if isinstance(value, str):
        return [slug(node, value, ctx)]
    if not isinstance(value, list) or not value:
        raise Invalid("harus kode sumber dari data/sources/, atau daftar kode satu per baris diawali `- `")
    return [slug(n, v, ctx) for n, v in zip(node.value, value)]


def slug(node, value, ctx) -> str:
    if not isinstance(value, str) or not ID_RE.match(value):
        raise Invalid(f"harus kode pendek dari huruf kecil, angka dan tanda `-` (misalnya `kantor-imigrasi-kotabumi`), "
                      f"bukan {_short.repr(value)}")
    return value


def phone(node, value, ctx) -> str:
    # Raw text: an unquoted 129 is read by YAML as a number; the reader should see what was written.
    raw = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else None
    if raw is None or isinstance(value, bool) or not PHONE_RE.match(raw):
        raise Invalid(f"harus nomor telepon, misalnya \"0721-123456\" atau \"+62 812-3456-7890\", "
                      f"bukan {_short.repr(value)}")
    return raw


def date(node, value, ctx) -> dt.date:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise Invalid(f"harus tanggal dengan bentuk TAHUN-BULAN-HARI, misalnya 2027-01-15, bukan {_short.repr(value)}")
    return value


def past_date(node, value, ctx) -> dt.date:
    value = date(node, value, ctx)
    if value > dt.date.today():
        raise Invalid(f"tanggal {value.isoformat()} ada di masa depan; tulis tanggal pemeriksaan yang sudah terjadi")
    return value


def time_range(node, value, ctx) -> tuple[str, str | None]:
    """"09:00" or "09:00-11:00" (a dot works too: "09.00"). Read from the raw text: YAML turns an
    unquoted 9:30 into a number and 09.00 into 9.0."""
    raw = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""
    parts = [p.strip() for p in re.split(r"\s*[-–]\s*", raw)] if raw else []
    matches = [TIME_RE.match(p) for p in parts]
    if not 1 <= len(parts) <= 2 or not all(matches):
        raise Invalid(f"harus jam mulai, atau jam mulai dan selesai, misalnya \"09:00\" atau \"09:00-11:00\" "
                      f"(waktu WIB), bukan {_short.repr(value)}")
    times = [f"{int(m.group(1)):02d}:{m.group(2)}" for m in matches]
    if len(times) == 2 and times[1] <= times[0]:
        raise Invalid(f"jam selesai {times[1]} harus sesudah jam mulai {times[0]}")
    return times[0], (times[1] if len(times) == 2 else None)


def coordinates(node, value, ctx) -> tuple[float, float]:
    if not isinstance(value, dict) or set(value) != {"lat", "lon"}:
        raise Invalid("harus `{lat: -5.03, lon: 104.06}` (lintang dan bujur, angka desimal), atau `null` jika "
                      "belum diketahui; jangan menebak koordinat")
    out = {}
    for key in ("lat", "lon"):
        number = value[key]
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise Invalid(f"`{key}` harus angka desimal dengan titik, misalnya -5.03, bukan {_short.repr(number)}")
        out[key] = float(number)
    if not (-90 <= out["lat"] <= 90 and -180 <= out["lon"] <= 180):
        raise Invalid("lintang harus antara -90 dan 90, bujur antara -180 dan 180; mungkin tertukar")
    return out["lat"], out["lon"]


def verified(node, value, ctx) -> dict | bool:
    """`false`, or `{date: 2026-11-28, by: "siapa/cara memastikan"}`."""
    if value is False:
        return False
    if not isinstance(value, dict):
        raise Invalid("harus `false` (belum diverifikasi) atau `{date: 2026-11-28, by: \"siapa dan caranya\"}`")
    fields = _mapping(node)
    unknown = [k for k in fields if k not in ("date", "by")]
    if unknown:
        raise Invalid(f"hanya boleh berisi `date` dan `by`, bukan `{unknown[0]}`", _line(fields[unknown[0]][0]))
    for key in ("date", "by"):
        if key not in fields:
            raise Invalid(f"harus punya `{key}`: tanggal pemeriksaan dan siapa/cara memastikannya "
                          "(misalnya \"telepon ke kantor, Sari\")")
    try:
        when = past_date(fields["date"][1], value.get("date"), ctx)
    except Invalid as exc:
        raise Invalid(f"`date` {exc.message}", _line(fields["date"][1])) from None
    try:
        by = text(fields["by"][1], value.get("by"), ctx)
    except Invalid as exc:
        raise Invalid(f"`by` {exc.message}", _line(fields["by"][1])) from None
    return {"date": when, "by": by}


def agreement(node, value, ctx) -> dict:
    if not isinstance(value, dict):
        raise Invalid("harus `{date: 2027-01-15, document: \"nama/nomor perjanjian\"}`")
    fields = _mapping(node)
    for key in ("date", "document"):
        if key not in fields:
            raise Invalid(f"harus punya `{key}` (tanggal dan nama/nomor perjanjian tertulis)")
    return {"date": past_date(fields["date"][1], value.get("date"), ctx),
            "document": text(fields["document"][1], value.get("document"), ctx)}


def one_of(choices: tuple[str, ...] | None = None) -> Callable:
    def convert(node, value, ctx):
        allowed = choices if choices is not None else ctx.kinds
        if value not in allowed:
            raise Invalid(f"harus salah satu dari: {', '.join(allowed)} (bukan {_short.repr(value)})")
        return value

    return convert


# --- schemas ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str
    convert: Callable
    required: bool = True
    nullable: bool = False  # `null` allowed: "not known yet"
    what: str = ""  # shown when the field is missing


@dataclass(frozen=True)
class Schema:
    file: str  # name in data/
    fields: tuple[Field, ...]
    entries_key: str | None = None  # None: the file is a list; else a mapping with the list under this key
    kinds_key: str | None = None  # mapping key holding {kind: {id: label, ...}}
    empty_ok: bool = False  # an empty list is valid (agenda: nothing scheduled)
    example: str = ""

    @property
    def stem(self) -> str:
        return self.file.rsplit(".", 1)[0]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


SERVICE_POINTS = Schema(
    "service-points.yml",
    entries_key="points",
    kinds_key="kinds",
    example="salin entri lain di file ini, mulai dari `- id:`",
    fields=(
        Field("id", slug, what="kode pendek unik, misalnya `kantor-imigrasi-kotabumi`"),
        Field("kind", one_of(), what="jenis kantor (salah satu kunci di `kinds:` di atas file)"),
        Field("name", localized, what="nama kantor"),
        Field("area", localized, what="kota/kabupaten tempat kantor, misalnya `Kotabumi, Lampung Utara`"),
        Field("address", localized, nullable=True, what="alamat jalan, atau `null` jika belum diketahui"),
        Field("kecamatan", text, nullable=True, what="kecamatan, atau `null`"),
        Field("coordinates", coordinates, nullable=True, what="`{lat: .., lon: ..}`, atau `null` (jangan menebak)"),
        Field("hours", localized, nullable=True, what="jam buka, atau `null` jika belum diketahui"),
        Field("phone", phone, nullable=True, what="nomor telepon, atau `null`"),
        Field("whatsapp", phone, nullable=True, what="nomor WhatsApp, atau `null`"),
        Field("web", https_url, required=False, nullable=True),
        Field("services", localized_list, what="daftar layanan, satu per baris diawali `- `"),
        Field("note", localized, required=False, nullable=True),
        Field("source", url_list, what="alamat web sumber (resmi atau berita), diawali https://"),
        Field("verified", verified, what="`false`, atau `{date: ..., by: ...}` setelah detailnya dipastikan"),
    ),
)

HOTLINES = Schema(
    "hotlines.yml",
    example="salin entri lain di file ini, mulai dari `- id:`",
    fields=(
        Field("id", slug, what="kode pendek unik, misalnya `sapa-129`; halaman memakainya lewat `{{ phone sapa-129 }}`"),
        Field("name", localized, what="nama saluran"),
        Field("purpose", localized, what="untuk apa saluran ini"),
        Field("phone", phone, required=False, nullable=True),
        Field("whatsapp", phone, required=False, nullable=True),
        Field("hours", localized, required=False, nullable=True),
        Field("web", https_url, required=False, nullable=True),
        Field("source", slug_list, required=False, nullable=True,
              what="kode sumber (data/sources/) yang menyebut nomor ini"),
        Field("verified", verified, what="`false`, atau `{date: ..., by: ...}` setelah nomornya dipastikan"),
    ),
)

AGENDA = Schema(
    "agenda.yml",
    empty_ok=True,
    example="lihat contoh di komentar di atas file",
    fields=(
        Field("id", slug, what="kode pendek unik, misalnya `forum-suoh-2027-01`"),
        Field("kind", one_of(AGENDA_KINDS), what="jenis kegiatan: forum, class atau campaign"),
        Field("date", date, what="tanggal kegiatan, misalnya 2027-01-15"),
        Field("end_date", date, required=False, nullable=True),
        Field("time", time_range, required=False, nullable=True),
        Field("place", localized, what="tempat, misalnya `Balai Pekon Sumber Agung, Kecamatan Suoh`"),
        Field("language", localized, what="bahasa yang dipakai, misalnya `Bahasa Indonesia dan bahasa Lampung`"),
        Field("topic", localized, what="topik kegiatan"),
        Field("organiser", localized, what="penyelenggara"),
        Field("link", https_url, required=False, nullable=True),
    ),
)

PARTNERS = Schema(
    "partners.yml",
    example="salin entri lain di file ini, mulai dari `- id:`",
    fields=(
        Field("id", slug, what="kode pendek unik, misalnya `kp2mi`"),
        Field("kind", one_of(PARTNER_KINDS), what="government, ngo atau community"),
        Field("name", localized, what="nama lembaga"),
        Field("role", localized, what="peran lembaga bagi warga"),
        Field("relation", one_of(RELATIONS),
              what="`referral` (kami merujuk warga ke sana; tidak ada perjanjian) atau `agreement`"),
        Field("agreement", agreement, required=False, nullable=True),
        Field("contact", localized, required=False, nullable=True),
        Field("link", https_url, required=False, nullable=True),
        Field("source", url_list, what="alamat web sumber, diawali https://"),
    ),
)

FEE_GROUPS = ("passport", "extra", "penalty")
FEES = Schema(
    "fees.yml",
    empty_ok=True,
    example="salin entri lain di file ini, mulai dari `- id:`",
    fields=(
        Field("id", slug, what="kode pendek unik, misalnya `e-paspor-10`; halaman memakainya lewat `{{ fee e-paspor-10 }}`"),
        Field("group", one_of(FEE_GROUPS), what="passport, extra atau penalty"),
        Field("name", localized, what="nama layanan dalam tiap bahasa"),
        Field("amount", amount, what="tarif dalam Rupiah, angka saja, misalnya 650000"),
        Field("source", slug, what="kode sumber (data/sources/) yang menyebut tarif ini"),
        Field("note", localized, required=False, nullable=True),
    ),
)

WHATS_NEW = Schema(
    "whats-new.yml",
    empty_ok=True,  # no announcement yet: the page shows the automatic entries
    example="salin entri lain di file ini, mulai dari `- id:`",
    fields=(
        Field("id", slug, what="kode pendek unik, misalnya `tarif-paspor-2027`; menjadi alamat kabar itu"),
        Field("date", date, what="tanggal kabar diterbitkan, misalnya 2026-12-01"),
        Field("title", localized_every(90), what="judul pendek dalam tiap bahasa"),
        Field("summary", localized_every(400), what="ringkasan dua atau tiga kalimat dalam tiap bahasa"),
        Field("pages", page_list, what="halaman yang bersangkutan, misalnya `- prosedur/biaya-paspor.md`"),
        Field("source", slug, what="kode sumber resmi (data/sources/) yang mendukung kabar ini"),
    ),
)

def page_path(node, value, ctx) -> str:
    if not isinstance(value, str) or not PAGE_RE.match(value):
        raise Invalid(f"harus alamat halaman di dalam docs/<bahasa>/, misalnya `prosedur/m-paspor.md`, "
                      f"bukan {_short.repr(value)}")
    return value


def journey_steps(node, value, ctx) -> list[dict]:
    """Steps of a journey: `- page: prosedur/m-paspor.md` with its `title` in every language."""
    if not isinstance(value, list) or len(value) < 2:
        raise Invalid("harus daftar langkah (minimal dua), masing-masing `- page: ...` dengan `title:`")
    steps = []
    for item_node, item in zip(node.value, value):
        if not isinstance(item, dict) or set(item) != {"page", "title"}:
            raise Invalid("setiap langkah berisi tepat `page:` dan `title:`", _line(item_node))
        fields = _mapping(item_node)
        page = page_path(fields["page"][1], item["page"], ctx)
        try:
            title = localized(fields["title"][1], item["title"], ctx)
        except Invalid as exc:
            raise Invalid(f"judul langkah `{page}` {exc.message}", exc.line or _line(item_node)) from None
        if not isinstance(title, dict) or set(title) != set(ctx.languages):
            raise Invalid(f"judul langkah `{page}` harus ditulis dalam setiap bahasa: {', '.join(ctx.languages)}",
                          _line(item_node))
        if page in (s["page"] for s in steps):
            raise Invalid(f"halaman `{page}` muncul dua kali", _line(item_node))
        steps.append({"page": page, "title": title})
    return steps


JOURNEYS = Schema(
    "journeys.yml",
    empty_ok=True,
    example="salin entri lain di file ini, mulai dari `- id:`",
    fields=(
        Field("id", slug, what="kode pendek unik, misalnya `membuat-paspor`"),
        Field("title", localized, what="judul panduan langkah demi langkah, dalam setiap bahasa"),
        Field("steps", journey_steps, what="daftar langkah: `- page: prosedur/m-paspor.md` dengan `title:`"),
    ),
)

SOURCE_KINDS = ("official", "news")
# One passage of one document, cited from pages by `[^id]`. Files: data/sources/*.yml (SOURCES_DIR).
SOURCE_FIELDS = (
    Field("id", slug, what="kode pendek unik di semua file data/sources/, misalnya `uu-6-2011-pasal-113`"),
    Field("title", short_text(200), what="nama dokumen atau halaman yang dilihat pembaca"),
    Field("url", https_url, what="alamat halaman atau dokumen yang memuat faktanya (bukan halaman depan)"),
    Field("locator", short_text(120), what="di bagian mana: Pasal/ayat, baris Lampiran, judul bagian"),
    Field("read", past_date, what="tanggal sumber dibaca, misalnya 2026-12-01"),
    Field("lang", language_code, what="bahasa kutipan, misalnya `id`"),
    Field("quote", short_text(400), what="kalimat sumber yang mendukung fakta, disalin persis dan singkat"),
    Field("kind", one_of(SOURCE_KINDS), what="`official` (situs pemerintah atau peraturan) atau `news` (berita)"),
)
SOURCES_DIR = "sources"

SCHEMAS = (SERVICE_POINTS, HOTLINES, AGENDA, PARTNERS, FEES, WHATS_NEW, JOURNEYS)
BY_FILE = {s.file: s for s in SCHEMAS}


def source_schemas(root: Path) -> tuple[Schema, ...]:
    """One schema per file in data/sources/ (a volunteer may add a file; each is a list of sources)."""
    folder = root / "data" / SOURCES_DIR
    files = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    return tuple(Schema(f"{SOURCES_DIR}/{f.name}", SOURCE_FIELDS, example="salin entri lain di file ini, mulai "
                        "dari `- id:`") for f in files)


# --- checking ---------------------------------------------------------------------------------------


def _entry_label(entry: Any, index: int, default_lang: str) -> str:
    """How a message names an entry: its id, else its name, else its position."""
    if isinstance(entry, dict):
        for key in ("id", "name"):
            value = entry.get(key)
            if isinstance(value, dict):
                value = value.get(default_lang)
            if isinstance(value, (str, int)) and str(value).strip():
                return f"Entri `{str(value).strip()[:60]}`"
    return f"Entri ke-{index + 1}"


def _close(name: str, names: tuple[str, ...]) -> str:
    import difflib

    match = difflib.get_close_matches(name, names, n=1)
    return f" Mungkin maksudnya `{match[0]}`?" if match else ""


def validate(root: Path, schema: Schema, languages: list[str]) -> tuple[list[dict], list[Problem]]:
    """(clean valid entries, problems) for one data file. Never raises."""
    path = f"data/{schema.file}"
    rule = f"data/{schema.stem}"
    try:
        return _validate(root, schema, languages, path, rule)
    except Exception as exc:  # noqa: BLE001 - a volunteer must get a message, never a traceback
        return [], [Problem(path, 0, f"{rule}/unreadable",
                            f"File ini tidak bisa diperiksa ({type(exc).__name__}). Bandingkan bentuknya dengan "
                            "entri lain dan komentar di atas file, lalu periksa lagi.")]


def _validate(root, schema, languages, path, rule):
    file = root / "data" / schema.file
    problems: list[Problem] = []

    def problem(line: int, what: str, message: str, severity: str = ERROR):
        problems.append(Problem(path, line, f"{rule}/{what}", message, severity))

    if not file.is_file():
        problem(0, "missing", f"File {path} tidak ada. Buat file itu ({schema.example}); daftar kosong ditulis `[]`.")
        return [], problems
    try:
        source = file.read_bytes().decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line = file.read_bytes()[: exc.start].count(b"\n") + 1
        problem(line, "encoding", "File ini bukan teks UTF-8 (ada huruf yang rusak di baris ini). Simpan ulang "
                                  "sebagai UTF-8, misalnya dari editor GitHub.")
        return [], problems
    try:
        node, data = yaml_files.compose(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problem(mark.line + 1 if mark else 0, "yaml",
                f"File tidak bisa dibaca sebagai YAML: {reason}. Periksa titik dua, tanda kutip, tanda `-` dan "
                "spasi di awal baris (pakai spasi, bukan tab) di baris ini atau baris sebelumnya.")
        return [], problems
    except (ValueError, TypeError, OverflowError) as exc:
        problem(0, "yaml", f"Ada nilai yang tidak bisa dibaca ({exc}). Periksa angka dan tanda `!!` di file ini.")
        return [], problems

    ctx = Context(root=root, languages=list(languages))
    entries_node, entries = node, data
    if schema.entries_key:
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            problem(1, "shape", f"File ini harus berisi `{schema.kinds_key}:` lalu `{schema.entries_key}:`, seperti "
                                "contoh di komentar di atas file.")
            return [], problems
        top = _mapping(node)
        for key, (key_node, _) in top.items():
            if key not in (schema.kinds_key, schema.entries_key):
                problem(_line(key_node), "unknown-field",
                        f"Bagian `{key}` tidak dikenal; yang boleh hanya `{schema.kinds_key}` dan `{schema.entries_key}`.")
        if schema.kinds_key:
            ctx.kinds = _kinds(top, data.get(schema.kinds_key), schema, ctx, problem)
        if schema.entries_key not in top:
            problem(1, "required", f"Bagian `{schema.entries_key}:` (daftar entri) tidak ada.")
            return [], problems
        entries_node = top[schema.entries_key][1]
        entries = data.get(schema.entries_key)
    if entries is None and schema.empty_ok:
        return [], problems
    if not isinstance(entries, list) or not isinstance(entries_node, yaml.SequenceNode):
        where = _line(entries_node) if entries_node is not None else 1
        problem(where, "shape", f"Isinya harus daftar entri, masing-masing diawali `- ` ({schema.example}). "
                                "Daftar kosong ditulis `[]`.")
        return [], problems
    if not entries and not schema.empty_ok:
        problem(_line(entries_node), "empty", "Daftar ini kosong; isi minimal satu entri.")

    valid: list[dict] = []
    seen_ids: dict[str, int] = {}
    default = ctx.languages[0]
    for index, (entry_node, entry) in enumerate(zip(entries_node.value, entries)):
        label = _entry_label(entry, index, default)
        entry_line = _line(entry_node)
        if not isinstance(entry, dict) or not isinstance(entry_node, yaml.MappingNode):
            problem(entry_line, "entry", f"{label} harus berupa daftar `nama: nilai` (misalnya "
                                         f"`name: ...` di baris-baris bawahnya), bukan {_short.repr(entry)}.")
            continue
        fields = _mapping(entry_node)
        raw_id = entry.get("id")
        if isinstance(raw_id, str) and raw_id in seen_ids:
            problem(entry_line, "duplicate-id",
                    f"{label}: kode `{raw_id}` sudah dipakai entri di baris {seen_ids[raw_id]}. Setiap "
                    "entri perlu kode `id` sendiri; ganti salah satunya.")
            continue
        if isinstance(raw_id, str):
            seen_ids[raw_id] = entry_line
        clean: dict[str, Any] = {"_line": entry_line}
        ok = True
        seen_keys: set[str] = set()
        for key_node, _ in entry_node.value:
            key = str(key_node.value)
            if key in seen_keys:
                problem(_line(key_node), "duplicate-field",
                        f"{label}: kolom `{key}` ditulis dua kali. Hapus salah satunya.")
                ok = False
            seen_keys.add(key)
            if key not in schema.names:
                problem(_line(key_node), "unknown-field",
                        f"{label}: kolom `{key}` tidak dikenal.{_close(key, schema.names)} "
                        f"Kolom yang boleh: {', '.join(schema.names)}.")
                ok = False
        for field in schema.fields:
            if field.name not in fields:
                if field.required:
                    problem(entry_line, "required",
                            f"{label}: kolom `{field.name}` wajib ada ({field.what}).")
                    ok = False
                else:
                    clean[field.name] = None
                continue
            key_node, value_node = fields[field.name]
            value = entry.get(key_node.value, entry.get(field.name))
            if value is None:
                if field.nullable:
                    clean[field.name] = None
                    continue
                problem(_line(key_node), "invalid",
                        f"{label}: kolom `{field.name}` kosong; isi dengan {field.what or 'nilai yang benar'}.")
                ok = False
                continue
            try:
                clean[field.name] = field.convert(value_node, value, ctx)
            except Invalid as exc:
                problem(exc.line or _line(key_node), "invalid",
                        f"{label}: kolom `{field.name}` {exc.message}.")
                ok = False
        if not ok:
            continue
        if _entry_rules(schema, clean, label, fields, problem, ctx):
            valid.append(clean)
    return valid, problems


def _kinds(top, labels, schema, ctx, problem) -> tuple[str, ...]:
    if schema.kinds_key not in top:
        problem(1, "required", f"Bagian `{schema.kinds_key}:` (jenis kantor dan namanya dalam tiap bahasa) tidak ada.")
        return ()
    key_node, node = top[schema.kinds_key]
    if not isinstance(node, yaml.MappingNode) or not isinstance(labels, dict):
        problem(_line(key_node), "invalid", f"`{schema.kinds_key}:` harus berisi `jenis: {{id: ..., en: ...}}`, "
                                            "satu jenis per baris.")
        return ()
    kinds = []
    for kind, (kind_node, label_node) in _mapping(node).items():
        if not ID_RE.match(kind):
            problem(_line(kind_node), "invalid", f"Jenis `{kind}` harus kode dari huruf kecil dan tanda `-`.")
            continue
        try:
            localized(label_node, labels.get(kind_node.value), ctx)
        except Invalid as exc:
            problem(exc.line or _line(kind_node), "invalid", f"Nama jenis `{kind}` {exc.message}.")
            continue
        kinds.append(kind)
    return tuple(kinds)


def _entry_rules(schema, clean, label, fields, problem, ctx) -> bool:
    """Rules across fields of one entry. Returns False when the entry must not reach the pages."""
    ok = True
    line_of = lambda name: _line(fields[name][0]) if name in fields else clean["_line"]  # noqa: E731
    if schema.fields is SOURCE_FIELDS:

        why = source_url_problem(ctx.root, clean["url"], official=clean["kind"] == "official")
        if why:
            problem(line_of("url"), "url", f"{label}: alamat `{clean['url']}` {why}.")
            ok = False
    if schema is WHATS_NEW:
        source = sources(ctx.root, ctx.languages).get(clean["source"])
        if source is None:
            problem(line_of("source"), "source",
                    f"{label}: sumber `{clean['source']}` tidak ada di data/sources/. Periksa ejaan kodenya, "
                    "atau tambahkan sumbernya dengan kutipan yang mendukung kabar ini.")
            ok = False
        elif source["kind"] != "official":
            problem(line_of("source"), "source",
                    f"{label}: sumber `{clean['source']}` adalah berita (`kind: news`). Kabar terbaru hanya "
                    "mengutip sumber resmi (situs pemerintah atau peraturan).")
            ok = False
    if schema is SERVICE_POINTS and clean.get("coordinates"):
        lat, lon = clean["coordinates"]
        if not (LAMPUNG_BOX["lat"][0] <= lat <= LAMPUNG_BOX["lat"][1]
                and LAMPUNG_BOX["lon"][0] <= lon <= LAMPUNG_BOX["lon"][1]):
            problem(line_of("coordinates"), "coordinates",
                    f"{label}: koordinat {lat}, {lon} berada di luar Provinsi Lampung. Periksa lagi; "
                    "mungkin lintang (lat, sekitar -5) dan bujur (lon, sekitar 104) tertukar.", WARNING)
    if schema is AGENDA and clean.get("end_date") and clean["end_date"] < clean["date"]:
        problem(line_of("end_date"), "invalid",
                f"{label}: `end_date` {clean['end_date']} lebih awal dari `date` {clean['date']}.")
        ok = False
    if schema is PARTNERS:
        if clean["relation"] == "agreement" and not clean.get("agreement"):
            problem(line_of("relation"), "agreement",
                    f"{label}: `relation: agreement` hanya boleh jika ada perjanjian tertulis; tambahkan "
                    "`agreement: {date: ..., document: ...}`, atau pakai `relation: referral`.")
            ok = False
        if clean["relation"] == "referral" and clean.get("agreement"):
            problem(line_of("agreement"), "agreement",
                    f"{label}: ada `agreement` tetapi `relation: referral`. Jika perjanjiannya sudah "
                    "ditandatangani, ubah menjadi `relation: agreement`.")
            ok = False
    if schema in (SERVICE_POINTS, HOTLINES) and clean.get("verified") is False:
        recorded = [f for f in ("address", "phone", "whatsapp", "hours", "coordinates") if clean.get(f)]
        if recorded:
            problem(line_of("verified"), "unverified-details",
                    f"{label}: {', '.join(recorded)} sudah diisi tetapi `verified: false`, jadi tidak "
                    "ditampilkan kepada pembaca. Setelah dipastikan (misalnya telepon ke kantor), tulis "
                    "`verified: {date: TANGGAL, by: \"siapa dan caranya\"}`.", WARNING)
    return ok


# --- the rule and the loader ------------------------------------------------------------------------


UI_STRINGS = "ui-strings.yml"


def ui_string_problems(root: Path, languages: list[str]) -> list[Problem]:
    """data/ui-strings.yml, the site's own interface texts (notices, labels): each key holds one text,
    or `{id: ..., lpg: ..., en: ...}`; no markup (templates escape them as well)."""
    path, rule = f"data/{UI_STRINGS}", "data/ui-strings"
    try:
        source = (root / "data" / UI_STRINGS).read_text(encoding="utf-8")
        node, data = yaml_files.compose(source)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return [Problem(path, mark.line + 1 if mark else 0, f"{rule}/yaml",
                        f"File ini tidak bisa dibaca ({type(exc).__name__}). Periksa titik dua, tanda kutip dan "
                        "spasi di awal baris.")]
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        return [Problem(path, 1, f"{rule}/shape", "File ini harus berisi `kunci:` lalu teks tiap bahasa, seperti "
                                                  "entri lain di file ini.")]
    ctx = Context(root=root, languages=list(languages))
    problems = []
    for key_node, value_node in node.value:
        try:
            localized(value_node, data.get(key_node.value), ctx)
        except Invalid as exc:
            problems.append(Problem(path, exc.line or _line(key_node), f"{rule}/invalid",
                                    f"Teks `{key_node.value}` {exc.message}."))
    return problems


def sources(root: Path, languages: list[str]) -> dict[str, Mapping[str, Any]]:
    """Every valid source of data/sources/*.yml by id (the first of a duplicated id wins; the check
    reports the other), each with `_file` for messages. Every page asks for it: it is made once per
    version of the files and shared, so the entries are read-only."""
    schemas = source_schemas(root)
    versions = tuple(version(root, schema.file) for schema in schemas)
    return dict(_sources(root, schemas, tuple(languages), versions))


@lru_cache(maxsize=8)
def _sources(root: Path, schemas, languages, versions) -> tuple[tuple[str, Mapping[str, Any]], ...]:
    out: dict[str, Mapping[str, Any]] = {}
    for schema in schemas:
        for entry in load_valid(root, schema.file, list(languages), schema):
            entry["_file"] = f"data/{schema.file}"
            out.setdefault(entry["id"], MappingProxyType(entry))
    return tuple(out.items())


def kinds(root: Path, languages: list[str]) -> dict[str, Any]:
    """Kind -> label mapping of service-points.yml (only when the file is readable)."""
    try:
        data = yaml_files.load(root / "data" / SERVICE_POINTS.file)
        labels = data.get(SERVICE_POINTS.kinds_key) or {}
        return {k: v for k, v in labels.items() if isinstance(k, str) and isinstance(v, (str, dict))}
    except Exception:  # noqa: BLE001 - reported by check()
        return {}


def load_valid(root: Path, file: str, languages: list[str], schema: Schema | None = None) -> list[dict]:
    """The entries of a data file that pass the schema, cleaned. Invalid entries are left out (the
    content check reports them); a broken file gives an empty list."""
    # Pages ask for the same file many times per build: validate once per version of the file (and of
    # the domain lists that addresses are checked against).
    return copy.deepcopy(_load_valid(root, schema or BY_FILE[file], tuple(languages), version(root, file)))


def version(root: Path, file: str):
    """What a data file's valid entries depend on: the file's time and size, and the domain lists'."""

    try:
        stat = (root / "data" / file).stat()
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = None
    return version, lists_version(root)


def validated(root: Path, schema: Schema, languages: list[str]) -> tuple[list[dict], list[Problem]]:
    """The valid entries and the problems of one file, validated once per version of the file.
    Read-only: callers copy what they change."""
    return _validated(root, schema, tuple(languages), version(root, schema.file))


def _load_valid(root: Path, schema: Schema, languages: tuple[str, ...], version) -> list[dict]:
    return _validated(root, schema, languages, version)[0]


@lru_cache(maxsize=64)
def _validated(root: Path, schema: Schema, languages: tuple[str, ...], version) -> tuple[list[dict], list[Problem]]:
    """validate() once per version of the file: the check and every page ask for the same files.
    Callers copy what they change."""
    return validate(root, schema, list(languages))
