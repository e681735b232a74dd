"""File hygiene: UTF-8 without BOM, LF line ends, lowercase kebab-case names, no empty pages, and no
invisible or direction-changing characters in pages and data (they hide text from a reviewer)."""

from __future__ import annotations

import re

from sitegen.models.content import ERROR, WARNING, Problem, Site

# Written by `docs.py new-page` where the author's text goes.
PLACEHOLDER = "TULIS ISI HALAMAN DI SINI"

# Zero-width and bidirectional controls, and a BOM inside the text: what a reviewer sees is then not
# what the reader gets (U+200B-U+200F, U+202A-U+202E, U+2066-U+2069, U+FEFF).
INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
DIR_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


ZWJ = "\u200d"


def _is_pictograph(char: str) -> bool:
    code = ord(char)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or char == "\ufe0f"


def _joins_emoji(text: str, at: int) -> bool:
    """U+200D between two pictographs builds one emoji (👨‍👩‍👧): visible, and allowed there only."""
    return (text[at] == ZWJ and 0 < at < len(text) - 1
            and _is_pictograph(text[at - 1]) and _is_pictograph(text[at + 1]))


def invisible_characters(display: str, text: str):
    """Problems for every invisible or bidirectional control character in `text` (a BOM at the very
    start is the file/bom rule's; a joiner inside an emoji sequence is part of the emoji)."""
    start = 1 if text.startswith("\ufeff") else 0
    for match in INVISIBLE_RE.finditer(text, start):
        if _joins_emoji(text, match.start()):
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        yield Problem(display, line, "file/invisible",
                      f"Ada karakter tak terlihat U+{ord(match.group(0)):04X} di kolom {column}. Karakter ini "
                      "bisa menyembunyikan atau membalik teks; hapus (ketik ulang kata di sekitarnya).", ERROR)


def check(site: Site):
    for path in sorted((site.root / "data").rglob("*.yml")):
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the data rule
        yield from invisible_characters(path.relative_to(site.root).as_posix(), text)
    for page in site.pages:
        yield from invisible_characters(page.display, page.raw.decode("utf-8", errors="replace"))
        try:
            page.raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = page.raw[: exc.start].count(b"\n") + 1
            yield Problem(page.display, line, "file/encoding",
                          "File bukan UTF-8. Simpan ulang dengan encoding UTF-8 (di GitHub: salin isinya ke "
                          "editor di peramban, lalu simpan).")
        if page.raw.startswith(b"\xef\xbb\xbf"):
            yield Problem(page.display, 1, "file/bom",
                          "File diawali tanda BOM yang tidak terlihat. Simpan ulang sebagai UTF-8 tanpa BOM.")
        if b"\r" in page.raw:
            line = page.raw[: page.raw.index(b"\r")].count(b"\n") + 1
            yield Problem(page.display, line, "file/line-ending",
                          "Akhir baris memakai CRLF (Windows). Simpan ulang dengan akhir baris LF.")
        parts = page.rel.split("/")
        if not NAME_RE.match(parts[-1]) or not all(DIR_RE.match(p) for p in parts[:-1]):
            yield Problem(page.display, 0, "file/name",
                          "Nama file dan folder harus huruf kecil, angka dan tanda hubung, diakhiri .md "
                          "(contoh: `biaya-paspor.md`). Ganti nama file.")
        if PLACEHOLDER in page.body:
            line = next(n for n, text in page.body_lines() if PLACEHOLDER in text)
            yield Problem(page.display, line, "file/placeholder",
                          "Halaman masih berisi teks contoh. Ganti dengan isi yang sebenarnya.", WARNING)
        if page.meta is not None and not page.body.strip():
            yield Problem(page.display, page.body_start, "file/empty",
                          "Halaman kosong. Tulis isinya, atau hapus file ini dan entrinya di mkdocs.yml.")
