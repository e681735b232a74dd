"""The service worker of the built site (site/sw.js, from overrides/sw.js): its version and the offline
page of each language.

The version is a hash of what the worker can keep (pages and the files they use, the kinds of file
in SERVED), never of the build's time: two builds of the same commit give the same worker, and a
daily rebuild that changed no page makes readers' browsers install nothing. (Zips, the calendar
and the sitemaps carry the build's date; the worker never keeps them.)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sitegen.models.addresses import lang_prefix
from sitegen.postbuild import js_compact

# Runs under `mkdocs serve` too? (sitegen/hooks.py asks.) No: nothing registers a service worker under serve.
RUNS_UNDER_SERVE = False

WORKER = "sw.js"
OFFLINE_PAGE = "offline.html"  # rendered by overrides/offline.html, one per language folder
# The kinds of file overrides/sw.js keeps (its KEPT_TYPES, by name).
SERVED = (".html", ".css", ".js", ".svg", ".png", ".webp", ".jpg", ".jpeg", ".gif", ".ico", ".woff", ".woff2",
          ".ttf", ".otf")


def version(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and rel != WORKER and rel.endswith(SERVED):
            digest.update(rel.encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def offline_pages(languages: list[str], default: str) -> dict[str, str]:
    """{language folder: its offline page}, relative to the site root; "" is the default language."""
    return {lang_prefix(lang, default): lang_prefix(lang, default) + OFFLINE_PAGE
            for lang in languages}


def stamp(site: Path, languages: list[str], default: str) -> str:
    """Fill in the worker's version and offline pages, and leave out its comments (every reader
    downloads the worker; js_compact.py); returns the version."""
    worker = site / WORKER
    build = version(site)
    text = worker.read_text(encoding="utf-8")
    text = text.replace("__VERSION__", build)
    text = text.replace("__OFFLINE_PAGES__", json.dumps(offline_pages(languages, default), sort_keys=True))
    worker.write_text(js_compact.compact(text), encoding="utf-8")
    return build
