"""Offline support: the service worker gets a build id, so each deploy replaces the old caches."""

from __future__ import annotations

import hashlib
from pathlib import Path


def stamp_service_worker(site_dir: str) -> str:
    """Write the build id into site/sw.js: a fingerprint of every built page and asset."""
    site = Path(site_dir)
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != "sw.js" and "pagefind" not in path.parts:
            digest.update(path.relative_to(site).as_posix().encode())
            digest.update(path.read_bytes())
    build = digest.hexdigest()[:16]
    worker = site / "sw.js"
    worker.write_text(worker.read_text(encoding="utf-8").replace("__BUILD__", build), encoding="utf-8")
    return build


# --- downloadable offline copy ----------------------------------------------------------------------

import json  # noqa: E402
import re  # noqa: E402
import zipfile  # noqa: E402

import share_cards  # noqa: E402
from search_words import IndexedText  # noqa: E402

ZIP_DIR = "offline"
# Relative links to a folder ("../prosedur/", "./", "..") need "index.html" outside a web server.
_FOLDER_LINK_RE = re.compile(r'(\s(?:href|src)=")((?:\.{1,2}/|[\w-]+/)(?:[\w./-]*/)?|\.{1,2})(#[^"]*)?"')


def zip_name(lang: str) -> str:
    return f"info-imigrasi-lampung-barat-{lang}.zip"


def _for_local_folder(html: str) -> str:
    def add_index(match):
        path = match.group(2)
        path = path if path.endswith("/") else path + "/"
        return f'{match.group(1)}{path}index.html{match.group(3) or ""}"'

    return _FOLDER_LINK_RE.sub(add_index, html)


SHARED_FOLDERS = ("assets", "pagefind")
ALREADY_COMPRESSED = (".mp4", ".png", ".jpg", ".jpeg", ".webp", ".pdf", ".zip", ".gz", ".pagefind",
                      ".pf_fragment", ".pf_index", ".pf_meta")
# Material's lunr search is not used (Pagefind and offline-search.js are): leave its files out. Share
# cards are only fetched by link previews, which never read a local copy.
UNUSED = ("assets/javascripts/lunr/", "assets/javascripts/workers/", share_cards.OUTPUT_DIR + "/")


def _pagefind_file_of_other_language(rel: str, html_lang: str, other_html_langs: set[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(name.startswith(f"{o}_") or f".{o}_" in name or name == f"wasm.{o}.pagefind"
               for o in other_html_langs if o != html_lang)


def build_zips(site_dir: str, languages: list[str], default: str, hreflang: dict[str, str]) -> dict[str, Path]:
    """One zip per language: its pages, the shared assets and search, usable from a folder on a
    phone (file://, with a small built-in search) or from a local Wi-Fi box (with Pagefind)."""
    site = Path(site_dir)
    out_dir = site / ZIP_DIR
    out_dir.mkdir(exist_ok=True)
    others = {lang for lang in languages if lang != default}
    made = {}
    for lang in languages:
        folder = f"info-imigrasi-{lang}"
        home = "index.html" if lang == default else f"{lang}/index.html"
        entries = []
        index = []
        html_lang = hreflang.get(lang, lang)
        other_html_langs = {hreflang.get(o, o) for o in languages}
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).as_posix()
            top = rel.split("/", 1)[0]
            if not path.is_file() or top in (ZIP_DIR, "search") or rel in ("sw.js", "sitemap.xml", "sitemap.xml.gz"):
                continue
            if lang == default and top in others:
                continue
            if lang != default and top != lang and top not in SHARED_FOLDERS:
                continue
            if rel.startswith(UNUSED):
                continue
            if top == "pagefind" and _pagefind_file_of_other_language(rel, html_lang, other_html_langs):
                continue
            if path.suffix == ".html":
                html = path.read_text(encoding="utf-8")
                entries.append((rel, _for_local_folder(html).encode("utf-8")))
                if rel.endswith("index.html"):
                    page = IndexedText(html)
                    if page.title:
                        index.append({"url": rel, "title": page.title, "text": page.plain,
                                      "terms": " ".join(page.terms)})
            else:
                entries.append((rel, path))
        # Search from a local folder (file://), where Pagefind cannot load its files.
        script = "window.SITE_OFFLINE_INDEX = " + json.dumps(index, ensure_ascii=False) + ";\n"
        entries.append(("offline-search.js", script.encode("utf-8")))
        opener = (f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={home}">'
                  f'<title>Info Imigrasi Lampung Barat</title><a href="{home}">{home}</a>\n')
        entries.append(("BUKA-SAYA.html", opener.encode("utf-8")))
        target = out_dir / zip_name(lang)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for rel, content in entries:
                name = f"{folder}/{rel}"
                # Videos, images and PDFs are compressed already: store them as they are.
                method = zipfile.ZIP_STORED if rel.endswith(ALREADY_COMPRESSED) else zipfile.ZIP_DEFLATED
                if isinstance(content, Path):
                    archive.write(content, name, compress_type=method)
                else:
                    archive.writestr(name, content, compress_type=method)
        made[lang] = target
    return made
