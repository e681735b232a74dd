"""Which files of the built site its pages use: found by following their links (href, src, poster and
srcset in the HTML, url() in stylesheets), plus the files scripts load by a name written in them.

The offline copies (scripts/sitegen/postbuild/offline.py) hold exactly these for one language. The deployed site drops
the theme's files that no page uses (Material's JavaScript bundle, its search worker and source maps,
which readers are spared; see overrides/main.html).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

# Runs under `mkdocs serve` too? (sitegen/hooks.py asks.)
# Pruning unused theme files only matters for what is deployed.
RUNS_UNDER_SERVE = False

# The kinds of file a page may use: styles, scripts, images, video, captions, leaflets and the
# agenda's calendar. Only these are followed; a page's link to anything else (a zip) is not a use.
ASSET_TYPES = (".css", ".js", ".svg", ".png", ".webp", ".jpg", ".jpeg", ".gif", ".ico", ".mp4", ".webm",
               ".vtt", ".pdf", ".ics")
# Files a script loads by a name written in it, not in a page: site.js opens search with search.js,
# which from a folder (file://) searches with search-offline.js.
SCRIPT_LOADED = {"assets/javascripts/site.js": ("assets/javascripts/search.js",),
                 "assets/javascripts/search.js": ("assets/javascripts/search-offline.js",)}
# ... and by a name made of the page's <html lang>: the residents' words and typo vocabulary of the
# language (scripts/sitegen/postbuild/search_words.py). "{lang}" is the <html lang>.
LANGUAGE_LOADED = {"assets/javascripts/search.js": ("assets/search/words-{lang}.js",
                                                    "assets/search/vocabulary-{lang}.js")}
# search.js runs Pagefind from pagefind/pagefind.js (over http), which loads the index of the page's
# <html lang> by itself.
PAGEFIND_LOADER = "assets/javascripts/search.js"
PAGEFIND_ENTRY = ("pagefind/pagefind.js", "pagefind/pagefind-entry.json")
THEME_ASSETS = "assets/"
# Not pages of a language: folders of files, and the static pages of the service worker.
NOT_PAGES = ("assets/", "pagefind/", "search/", "offline/")

TAG_RE = re.compile(r"<(?P<name>[a-zA-Z][a-zA-Z0-9]*)\b(?P<attrs>[^>]*)>")
# Our templates and Python-Markdown always quote attribute values with double quotes.
URL_ATTR_RE = re.compile(r'(?P<lead>\s(?P<attr>href|src|poster)=")(?P<value>[^"]*)"')
_SRCSET_RE = re.compile(r'\ssrcset="([^"]*)"')
# <link> tags that serve the site online, never a reader of the page: search engines (hreflang,
# canonical) and installing the app (manifest, icon). An offline copy drops them; they use no file.
ONLINE_ONLY_LINK_RE = re.compile(r'\srel="(?:alternate|canonical|manifest|apple-touch-icon)"')
_CSS_URL_RE = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def resolve(base: str, url: str) -> tuple[str, str] | None:
    """(site path, fragment) of a relative link in the file at site path `base`, a folder link
    ending in its index.html; None when the link is not local (a scheme, a bare fragment, empty,
    from the server's root) or leaves the site."""
    if not url or url.startswith(("#", "/")) or _SCHEME_RE.match(url):
        return None
    parts = urlsplit(url)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), parts.path))
    if joined.startswith(".."):
        return None
    if parts.path.endswith("/") or parts.path.rsplit("/", 1)[-1] in (".", ".."):  # "../.." too
        joined = "index.html" if joined == "." else f"{joined}/index.html"
    return joined, parts.fragment


def relative(from_file: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(from_file) or ".")


def links(rel: str, text: str) -> list[str]:
    """Site paths that the page or stylesheet at `rel` refers to."""
    found = []
    if rel.endswith(".html"):
        for tag in TAG_RE.finditer(text):
            if tag["name"].lower() == "link" and ONLINE_ONLY_LINK_RE.search(tag["attrs"]):
                continue
            urls = [html.unescape(a["value"]) for a in URL_ATTR_RE.finditer(tag["attrs"])]
            for srcset in _SRCSET_RE.findall(tag["attrs"]):
                urls += [c.strip().split(" ")[0] for c in html.unescape(srcset).split(",")]
            found += [t[0] for t in map(lambda u: resolve(rel, u), urls) if t]
    elif rel.endswith(".css"):
        found += [t[0] for t in (resolve(rel, u.strip()) for u in _CSS_URL_RE.findall(text)) if t]
    return found


def language_pages(site: Path, lang: str, languages: list[str], default: str,
                   static_pages: tuple[str, ...] = ()) -> set[str]:
    """The HTML pages of one language (site paths), without the given static pages."""
    others = tuple(f"{l}/" for l in languages if l != default)
    pages = set()
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if path.name in static_pages or rel.startswith(NOT_PAGES):
            continue
        if (lang == default and not rel.startswith(others)) or rel.startswith(f"{lang}/"):
            pages.add(rel)
    return pages


def _pagefind_files(site: Path, html_lang: str) -> set[str]:
    """pagefind.js, its entry file and the index, fragments, filters and WebAssembly of one language."""
    entry_file = site / "pagefind" / "pagefind-entry.json"
    if not entry_file.is_file():
        return set()
    language = json.loads(entry_file.read_text(encoding="utf-8")).get("languages", {}).get(html_lang)
    if not language:
        return set()
    files = set(PAGEFIND_ENTRY)
    files.add(f"pagefind/wasm.{language.get('wasm') or 'unknown'}.pagefind")
    files.add(f"pagefind/pagefind.{language['hash']}.pf_meta")
    for folder in ("index", "fragment", "filter"):
        files |= {p.relative_to(site).as_posix() for p in (site / "pagefind" / folder).glob(f"{html_lang}_*")}
    return {f for f in files if (site / f).is_file()}


def _language_loaded(site: Path, rel: str, html_lang: str) -> list[str]:
    """What the script at `rel` loads for pages of `html_lang` ("": of every language)."""
    found = []
    for pattern in LANGUAGE_LOADED.get(rel, ()):
        if html_lang:
            found.append(pattern.format(lang=html_lang))
        else:
            found += sorted(p.relative_to(site).as_posix() for p in site.glob(pattern.format(lang="*")))
    return found


def used_files(site: Path, pages: set[str], html_lang: str) -> set[str]:
    """Every file (not page) that `pages` use, directly or through stylesheets and scripts; with
    html_lang "" the files of every language."""
    used: set[str] = set()
    queue = sorted(pages)
    while queue:
        rel = queue.pop()
        text = (site / rel).read_text(encoding="utf-8") if rel.endswith((".html", ".css")) else ""
        loaded = list(SCRIPT_LOADED.get(rel, ())) + _language_loaded(site, rel, html_lang)
        for target in links(rel, text) + loaded:
            if target not in used and target.endswith(ASSET_TYPES) and (site / target).is_file():
                used.add(target)
                queue.append(target)
    if PAGEFIND_LOADER in used:
        used |= _pagefind_files(site, html_lang)
    return used


def remove_unused_theme_assets(site: Path) -> list[str]:
    """Delete the files under assets/ that no page of any language uses; returns their site paths."""
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    used = used_files(site, {p for p in pages if not p.startswith(NOT_PAGES)}, html_lang="")
    removed = []
    for path in sorted((site / THEME_ASSETS).rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and rel not in used:
            path.unlink()
            removed.append(rel)
    for folder in sorted((p for p in (site / THEME_ASSETS).rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return removed
