"""HTML safety: no active content from Markdown or raw HTML. The build also refuses such HTML after
rendering (scripts/html_guard.py), so hostile input never reaches readers even without this check."""

from __future__ import annotations

import re

from .markdown_text import prose_lines
from .model import Problem, Site

FORBIDDEN_TAGS = ("script", "style", "form", "object", "embed", "iframe", "frame", "frameset", "base",
                  "meta", "link", "applet", "svg", "math", "template")
TAG_RE = re.compile(r"<\s*/?\s*(" + "|".join(FORBIDDEN_TAGS) + r")\b", re.I)
EVENT_RE = re.compile(r"(?:<[a-z][^>]*?|\{[^}]*?)[\s\"'/]on[a-z]+\s*=", re.I)
UNSAFE_URL_RE = re.compile(
    r"(?:\]\(\s*<?|\]:\s*<?|<|(?:href|src|action|formaction|poster|data|xlink:href)\s*=\s*[\"']?)\s*"
    r"(javascript|vbscript|data)\s*:", re.I)


def check(site: Site):
    for page in site.pages:
        for number, line in prose_lines(page):
            for match in TAG_RE.finditer(line):
                tag = match.group(1).lower()
                hint = ("Untuk video pakai `![type:video](alamat-video)`." if tag == "iframe"
                        else "Halaman hanya boleh berisi teks Markdown.")
                yield Problem(page.display, number, "html/forbidden-tag",
                              f"Tag HTML `<{tag}>` tidak diizinkan karena bisa membahayakan pembaca. Hapus tag "
                              f"itu. {hint}")
            if EVENT_RE.search(line):
                yield Problem(page.display, number, "html/event-handler",
                              "Atribut `on...=` (misalnya onclick) menjalankan kode dan tidak diizinkan. Hapus "
                              "atribut itu.")
            for match in UNSAFE_URL_RE.finditer(line):
                yield Problem(page.display, number, "html/unsafe-url",
                              f"Alamat `{match.group(1).lower()}:` tidak diizinkan di tautan atau gambar. Pakai "
                              "alamat https:// atau tautan relatif ke file .md.")
