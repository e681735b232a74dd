"""Images: alt text, an allowed format, and a size readers can afford on mobile data."""

from __future__ import annotations

import posixpath
import re

from sitegen.models.content import Problem, Site

from .markdown_text import links, prose_lines

ALLOWED = {".png", ".jpg", ".jpeg", ".webp", ".svg", ".avif"}
MAX_BYTES = 150 * 1024
RAW_IMG_RE = re.compile(r"<img\b(?![^>]*\balt\s*=\s*[\"'][^\"']+[\"'])[^>]*>", re.I)


def check(site: Site):
    for page in site.pages:
        for link in links(page):
            if not link.is_image or link.text.startswith("type:video"):
                continue
            if not link.text.strip():
                yield Problem(page.display, link.line, "image/alt",
                              "Gambar tanpa teks pengganti (alt). Tulis isi gambar di antara [ ], misalnya "
                              "`![Contoh halaman depan paspor](paspor.png)`.")
            target = link.target.split("#")[0].split("?")[0]
            if re.match(r"^[a-z][a-z0-9+.-]*:|^//", target, re.I):
                continue  # another site's image: html_safety reports it (scripts/sitegen/transforms/html_policy.py)
            ext = posixpath.splitext(target)[1].lower()
            if ext not in ALLOWED:
                yield Problem(page.display, link.line, "image/format",
                              f"Format gambar `{ext or '?'}` tidak diizinkan. Pakai salah satu: "
                              + ", ".join(sorted(ALLOWED)) + ".")
                continue
            path = (site.root / "docs" / page.lang / posixpath.dirname(page.rel) / target).resolve()
            if not path.exists():
                yield Problem(page.display, link.line, "image/missing",
                              f"File gambar `{target}` tidak ditemukan. Periksa nama file dan foldernya.")
            elif path.stat().st_size > MAX_BYTES:
                yield Problem(page.display, link.line, "image/size",
                              f"Gambar `{target}` berukuran {path.stat().st_size // 1024} KB; paling besar "
                              f"{MAX_BYTES // 1024} KB. Perkecil ukurannya (misalnya lebar 720 px, format WebP).")
        for number, line in prose_lines(page):
            if RAW_IMG_RE.search(line):
                yield Problem(page.display, number, "image/alt",
                              "Tag `<img>` tanpa alt. Pakai sintaks Markdown `![teks pengganti](file.png)`.")
