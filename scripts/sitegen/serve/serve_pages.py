"""`mkdocs serve`: the self-help tools' answer pages (scripts/sitegen/pages/tool_pages.py, half of the site's pages)
are not rendered again on every rebuild. MkDocs skips them (they are marked excluded, so links to them
still resolve); after each language's build they are written again from their last rendering when
nothing they show has changed, or rendered then by MkDocs' own page steps (the same hooks and
templates as `mkdocs build`, which renders them as usual and never comes here).

What an answer page shows, and so what its key holds: its generated Markdown; the code, templates and
data (scripts/, overrides/, data/, mkdocs.yml, docs/ files that are not pages: by name, time and size);
which pages exist (links); the navigation with every page's title; the glossary tooltips of its
language. An edit of a page's text changes none of these, so the answer pages are copied; an edit of a
title, the glossary, a tool's data file or a template renders them again.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from sitegen.config import build_mode
from sitegen.models import glossary

log = logging.getLogger("mkdocs.hooks.serve")
WATCHED = ("data", "overrides", "scripts")
# MkDocs' note on a link to an excluded page (mkdocs/structure/pages.py): about a deferred answer page
# it is not true (the page is written after the build), so it is not shown.
EXCLUDED_LINK_RE = re.compile(r"contains a link to '(.+)' which is excluded from the built site")


class Rendered:
    """The last rendering of each answer page: dest path -> (key, HTML bytes). Kept by build_mode."""

    def __init__(self):
        self.pages: dict[str, tuple[str, bytes]] = {}
        self.deferred_uris: set[str] = set()
        self.copied = self.rendered = 0


@dataclass
class LanguageBuild:
    """One language build's answer pages (File, generated Markdown), its navigation, files and templates:
    made afresh for each language build (sitegen/hooks.py keeps it on the build's config)."""
    deferred: list[tuple[File, str]] = field(default_factory=list)
    nav: Navigation | None = None
    env: object = None
    files: Files | None = None


def _kept() -> Rendered:
    _hide_excluded_link_notes()
    return build_mode.kept("serve_pages", Rendered)


def _hide_excluded_link_notes() -> None:
    logger = logging.getLogger("mkdocs.structure.pages")
    if any(getattr(f, "site_deferred_pages", False) for f in logger.filters):
        return

    def hide(record: logging.LogRecord) -> bool:
        match = EXCLUDED_LINK_RE.search(record.getMessage())
        state = build_mode.kept("serve_pages", Rendered)
        if not match or state is None:
            return True
        # MkDocs names the link's target from the docs folder (`id/alat/...`); the default language's
        # files are named without their folder.
        target = match.group(1)
        return not {target, target.split("/", 1)[-1]} & state.deferred_uris

    hide.site_deferred_pages = True
    logger.addFilter(hide)


def defer(build: LanguageBuild, file: File, markdown: str) -> None:
    """Called for each answer page under serve (in on_files): MkDocs will not render it."""
    file.inclusion = InclusionLevel.EXCLUDED
    build.deferred.append((file, markdown))
    _kept().deferred_uris.add(file.src_uri)


def _nav_signature(items) -> list:
    out = []
    for item in items:
        children = _nav_signature(item.children) if isinstance(item, Section) else None
        out.append((type(item).__name__, item.title, getattr(item, "url", None), children))
    return out


def _files_signature(root: Path, folders: tuple[str, ...], digest) -> None:
    """Name, time and size of mkdocs.yml and of every file in `folders`."""
    watched = [root / "mkdocs.yml"] + [p for base in folders for p in sorted((root / base).rglob("*"))]
    for path in watched:
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())


def tool_pages(root: Path, lang: str, default: str, site_url: str | None, make: Callable[[], list]) -> list:
    """`make()` (tool_pages.pages: the answer pages' Markdown, made from data/ and mkdocs.yml only), or
    under serve the same list as last time when none of those files changed."""
    kept = build_mode.kept("tool_markdown", dict)
    if kept is None:
        return make()
    digest = hashlib.sha256(repr((lang, default, site_url)).encode())
    _files_signature(root, ("data",), digest)
    key = digest.hexdigest()
    if key not in kept:
        if len(kept) >= 6:  # three languages; older versions of data/ go
            kept.clear()
        kept[key] = make()
    return kept[key]


def _signature(root: Path, lang: str, default: str, nav: Navigation) -> str:
    digest = hashlib.sha256()
    _files_signature(root, WATCHED, digest)
    for path in sorted((root / "docs").rglob("*")):
        if path.is_file():
            stat = path.stat()
            # A page's own text is not shown on an answer page (its title is, through the navigation).
            shown = "" if path.suffix == ".md" else f"{stat.st_mtime_ns}\0{stat.st_size}"
            digest.update(f"{path.relative_to(root)}\0{shown}\n".encode())
    terms = glossary.glossary(root / "docs" / lang) or glossary.glossary(root / "docs" / default)
    digest.update(repr(sorted(terms.items()) if isinstance(terms, dict) else terms).encode())
    digest.update(repr(_nav_signature(nav.items)).encode())
    return digest.hexdigest()


def write(build: LanguageBuild, config, root: Path, lang: str, default: str) -> None:
    """After a language's build (on_post_build): copy or render its answer pages."""
    if not build.deferred:
        return
    state = _kept()
    base = _signature(root, lang, default, build.nav)
    stale = []
    for file, markdown in build.deferred:
        key = hashlib.sha256(f"{base}\0{markdown}".encode()).hexdigest()
        last = state.pages.get(file.dest_uri)
        if last is not None and last[0] == key:
            Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
            Path(file.abs_dest_path).write_bytes(last[1])
            state.copied += 1
        else:
            stale.append((file, key))
    _render(build, config, stale)
    for file, key in stale:
        state.pages[file.dest_uri] = (key, Path(file.abs_dest_path).read_bytes())
        state.rendered += 1
    log.debug(f"{lang}: {len(build.deferred) - len(stale)} halaman jawaban alat disalin, {len(stale)} dibuat ulang.")
    build.deferred.clear()


def _render(build: LanguageBuild, config, stale: list[tuple[File, str]]) -> None:
    """MkDocs' own steps for a page (what `mkdocs build` does for each of them)."""
    if not stale:
        return
    files, nav, env = build.files, build.nav, build.env
    for file, _ in stale:
        file.inclusion = InclusionLevel.NOT_IN_NAV  # as in `mkdocs build`
    for file, _ in stale:
        Page(None, file, config)
        mkdocs_build._populate_page(file.page, config, files)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    for file, _ in stale:
        mkdocs_build._build_page(file.page, config, doc_files, nav, env)
