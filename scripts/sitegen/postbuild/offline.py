"""Offline copies: one zip per language, site/offline/info-imigrasi-lampung-barat-LANG.zip, linked in
every page's footer. Unzipped, it works from a folder on a phone (file://, with a small built-in
search, offline-search.js) or from a local Wi-Fi box (with Pagefind).

What goes in is the language's pages and the files they use (scripts/sitegen/postbuild/page_assets.py: followed
links, files scripts load by name, the language's Pagefind index): nothing else, so no Material
bundle, source map or Pagefind UI, and never another zip.

Links are rewritten for a folder: a link to a folder gets its `index.html`. A link to a page the zip
does not hold (another language, the download of a zip) goes to the public site, marked on screen
as needing the internet (`data-online`, see site.css), or, when the site has no public address,
becomes plain text. A link that still points at nothing is a build warning, so `--strict` fails.

Reproducible: entries in sorted order, every timestamp the build's date (SOURCE_DATE_EPOCH when set,
as MkDocs does for its sitemap), fixed permissions.
"""

from __future__ import annotations

import base64
import html
import json
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils import get_build_datetime

from sitegen.models import site_data
from sitegen.postbuild import page_assets
from sitegen.postbuild.page_assets import TAG_RE, URL_ATTR_RE, relative, resolve
from sitegen.postbuild.search_words import IndexedText

# Runs under `mkdocs serve` too? (sitegen/hooks.py asks.)
# Zips are for readers; rebuilding them on every edit costs seconds.
RUNS_UNDER_SERVE = False

log = logging.getLogger("mkdocs.hooks.offline")

ZIP_DIR = "offline"
# Not part of a copy: the pages of the service worker, which a copy does not have.
NOT_COPIED = ("404.html", "offline.html")
ALREADY_COMPRESSED = (".mp4", ".webm", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".pdf", ".pagefind",
                      ".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")
LOCAL_SEARCH = "offline-search.js"
OPENER = "BUKA-SAYA.html"


def zip_name(lang: str) -> str:
    return f"info-imigrasi-lampung-barat-{lang}.zip"


@dataclass
class Copy:
    """One language's copy: the site paths it holds and the links found pointing at nothing."""

    lang: str
    pages: set[str]
    files: set[str]
    broken: list[str] = field(default_factory=list)
    inlined: set[str] = field(default_factory=set)


def collect(site: Path, lang: str, languages: list[str], default: str, html_lang: str) -> Copy:
    """The language's pages and every file they use."""
    pages = page_assets.language_pages(site, lang, languages, default, NOT_COPIED)
    return Copy(lang, pages, page_assets.used_files(site, pages, html_lang))


def rewrite_page(site: Path, text: str, rel: str, copy: Copy, public_url: str | None, online_label: str) -> str:
    """A page's HTML for the copy: folder links end in index.html, links to what the copy lacks go
    online (marked) or become plain text, head links to other languages go. Captions are written
    into the page: a browser loads no caption file from a folder (file://), only from a server."""
    held = copy.pages | copy.files

    def rewrite_tag(tag: re.Match) -> str:
        name, attrs = tag["name"].lower(), tag["attrs"]
        if name == "link" and page_assets.ONLINE_ONLY_LINK_RE.search(attrs):
            return ""  # for search engines and installing the app, not for a copy in a folder
        if name == "script":
            # A copy registers no service worker (sw.js is not in it), so it has no offline page to keep.
            attrs = re.sub(r'\sdata-(?:service-worker|offline)="[^"]*"', "", attrs)
        online = False

        def rewrite_url(attr: re.Match) -> str:
            nonlocal online
            target = resolve(rel, html.unescape(attr["value"]))
            if target is None:
                return attr.group(0)
            path, fragment = target
            suffix = f"#{fragment}" if fragment else ""
            if name == "track" and attr["attr"] == "src" and path in held and path.endswith(".vtt"):
                copy.inlined.add(path)
                data = base64.b64encode((site / path).read_bytes()).decode("ascii")
                return f'{attr["lead"]}data:text/vtt;charset=utf-8;base64,{data}"'
            if path in held:
                return f'{attr["lead"]}{html.escape(relative(rel, path) + suffix, quote=True)}"'
            if name == "a" and attr["attr"] == "href":
                if public_url:
                    online = True
                    address = public_url + path.removesuffix("index.html") + suffix
                    return f'{attr["lead"]}{html.escape(address, quote=True)}"'
                return ""  # no public address: the link becomes plain text
            copy.broken.append(f"{rel}: {attr['value']}")
            return attr.group(0)

        attrs = URL_ATTR_RE.sub(rewrite_url, attrs)
        if online:
            attrs += f' data-online="{html.escape(online_label, quote=True)}"'
            attrs += "" if re.search(r'\srel="', attrs) else ' rel="external"'
        return f"<{tag['name']}{attrs}>"

    return TAG_RE.sub(rewrite_tag, text)


def check_links(entries: dict[str, bytes], copy: Copy) -> None:
    """Every relative link of every page in the copy points at a file of the copy."""
    for rel, content in entries.items():
        if not rel.endswith(".html"):
            continue
        for tag in TAG_RE.finditer(content.decode("utf-8")):
            for attr in URL_ATTR_RE.finditer(tag["attrs"]):
                target = resolve(rel, html.unescape(attr["value"]))
                if target and target[0] not in entries:
                    copy.broken.append(f"{rel}: {attr['value']}")


def _local_search_index(site: Path, pages: set[str]) -> bytes:
    """Search from a folder (file://), where Pagefind cannot load its files: what Pagefind indexes of
    each page (scripts/sitegen/postbuild/search_words.py), read by search-offline.js."""
    index = []
    for rel in sorted(pages):
        if not rel.endswith("index.html"):
            continue
        page = IndexedText((site / rel).read_text(encoding="utf-8"))
        if page.title:
            index.append({"url": rel, "title": page.title, "text": page.plain, "terms": " ".join(page.terms)})
    return ("window.SITE_OFFLINE_INDEX = " + json.dumps(index, ensure_ascii=False) + ";\n").encode("utf-8")


def _opener(home: str) -> bytes:
    return (f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={home}">'
            f'<title>Info Imigrasi Lampung Barat</title><a href="{home}">{home}</a>\n').encode("utf-8")


def _zip_time() -> tuple[int, int, int, int, int, int]:
    """The build's date and time (UTC), which a zip can store from 1980 on."""
    when = get_build_datetime()
    return max(when.timetuple()[:6], (1980, 1, 1, 0, 0, 0))


def write_zip(target: Path, folder: str, entries: dict[str, bytes]) -> None:
    stamp = _zip_time()
    with zipfile.ZipFile(target, "w") as archive:
        for rel in sorted(entries):
            info = zipfile.ZipInfo(f"{folder}/{rel}", date_time=stamp)
            info.create_system = 3  # Unix, so that the permissions below are read
            info.external_attr = 0o644 << 16
            # Videos, images and PDFs are compressed already: store them as they are.
            info.compress_type = zipfile.ZIP_STORED if rel.endswith(ALREADY_COMPRESSED) else zipfile.ZIP_DEFLATED
            archive.writestr(info, entries[rel], compresslevel=6)


def build_zips(site: Path, languages: list[str], default: str, hreflang: dict[str, str],
               public_url: str | None) -> dict[str, Path]:
    """One zip per language; returns {lang: zip}. Links that point at nothing are build warnings."""
    out_dir = site / ZIP_DIR
    out_dir.mkdir(exist_ok=True)
    made = {}
    for lang in languages:
        copy = collect(site, lang, languages, default, hreflang.get(lang, lang))
        label = site_data.ui_strings(lang, default)["offline.online_only"]
        entries: dict[str, bytes] = {}
        for rel in copy.pages:
            text = rewrite_page(site, (site / rel).read_text(encoding="utf-8"), rel, copy, public_url, label)
            entries[rel] = text.encode("utf-8")
        # A caption file written into every page that shows it is not shipped on its own as well.
        still_linked = {t for rel in copy.pages for t in page_assets.links(rel, entries[rel].decode("utf-8"))}
        for rel in copy.files - (copy.inlined - still_linked):
            entries[rel] = (site / rel).read_bytes()
        entries[LOCAL_SEARCH] = _local_search_index(site, copy.pages)
        entries[OPENER] = _opener("index.html" if lang == default else f"{lang}/index.html")
        check_links(entries, copy)
        for problem in sorted(set(copy.broken)):
            log.warning(f"Salinan offline {zip_name(lang)}: tautan ke berkas yang tidak ada: {problem}")
        target = out_dir / zip_name(lang)
        write_zip(target, f"info-imigrasi-{lang}", entries)
        made[lang] = target
    return made
