"""File hygiene: UTF-8 without BOM, LF line ends, lowercase kebab-case names, no empty pages."""

from __future__ import annotations

import re

from .model import WARNING, Problem, Site

# Written by `docs.py new-page` where the author's text goes.
PLACEHOLDER = "TULIS ISI HALAMAN DI SINI"

NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
DIR_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check(site: Site):
    for page in site.pages:
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
