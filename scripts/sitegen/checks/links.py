"""Links: internal targets and anchors exist, no look-alike sites (which schemes may stand in a link: html_safety)."""

from __future__ import annotations

import posixpath
import re

from sitegen.models.content import Problem, Site
from sitegen.models.domains import is_blocked

from .markdown_text import anchors, links

SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def check(site: Site):
    by_lang = {lang: site.pages_of(lang) for lang in site.languages}
    for page in site.pages:
        for link in links(page):
            if link.is_image and link.text.startswith("type:video"):
                continue  # the video rule checks these
            target = link.target
            scheme = SCHEME_RE.match(target)
            if scheme:
                # Which schemes may stand in a link is html_safety's (scripts/sitegen/transforms/html_policy.py) to say.
                if is_blocked(site.root, target):
                    yield Problem(page.display, link.line, "link/blocked",
                                  f"Tautan ke `{target}`: situs tiruan yang tidak resmi. Hapus tautan ini dan "
                                  "pakai situs resmi (misalnya imigrasi.go.id).")
                continue
            if target.startswith("//"):
                yield Problem(page.display, link.line, "link/https",
                              f"Tautan `{target}` harus ditulis lengkap dengan https://.")
                continue
            yield from _internal(site, by_lang, page, link)


def _internal(site, by_lang, page, link):
    path, _, fragment = link.target.partition("#")
    lang_pages = by_lang[page.lang]
    if path:
        if path.startswith("/"):
            yield Problem(page.display, link.line, "link/absolute",
                          f"Tautan `{link.target}` diawali `/`. Tulis tautan relatif ke file .md, misalnya "
                          "`../prosedur/biaya-paspor.md`.")
            return
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
        base = site.root / "docs" / page.lang
        default_base = site.root / "docs" / site.default_language
        if rel.startswith("..") or not ((base / rel).exists() or (default_base / rel).exists()):
            yield Problem(page.display, link.line, "link/missing",
                          f"Tautan `{link.target}` menuju file yang tidak ada. Periksa ejaan nama file dan "
                          "jumlah `../`.")
            return
        target_page = lang_pages.get(rel) or by_lang[site.default_language].get(rel)
    else:
        target_page = page
    if fragment and target_page is not None and fragment not in anchors(target_page):
        yield Problem(page.display, link.line, "link/anchor",
                      f"Tautan `{link.target}` menuju bagian `#{fragment}` yang tidak ada di "
                      f"{target_page.display}. Pakai id judul yang ada, misalnya `{{#...}}` di judul itu.")
