"""The service worker of the built site (site/sw.js, from overrides/sw.js): its version and the offline
page of each language.

The version is a hash of the site's content, never of the build's time: two builds of the same
commit give the same worker, and an unchanged daily rebuild makes readers' browsers install nothing.
Files derived from the rest (offline zips, search index, sitemaps, whose dates follow the build
day) are left out of the hash; a change in the pages changes it anyway.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

WORKER = "sw.js"
OFFLINE_PAGE = "offline.html"  # rendered by overrides/offline.html, one per language folder
DERIVED = ("offline/", "pagefind/", "search/", "sitemap.xml", "sitemap.xml.gz")


def version(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and rel != WORKER and not rel.startswith(DERIVED):
            digest.update(rel.encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def offline_pages(languages: list[str], default: str) -> dict[str, str]:
    """{language folder: its offline page}, relative to the site root; "" is the default language."""
    return {("" if lang == default else f"{lang}/"): ("" if lang == default else f"{lang}/") + OFFLINE_PAGE
            for lang in languages}


def stamp(site: Path, languages: list[str], default: str) -> str:
    """Fill in the worker's version and offline pages; returns the version."""
    worker = site / WORKER
    build = version(site)
    text = worker.read_text(encoding="utf-8")
    text = text.replace("__VERSION__", build)
    text = text.replace("__OFFLINE_PAGES__", json.dumps(offline_pages(languages, default), sort_keys=True))
    worker.write_text(text, encoding="utf-8")
    return build
