"""Data that pages and templates share: interface strings, data text made safe for Markdown, and the
valid entries of a data file."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import Any

from sitegen import ROOT
from sitegen.config import site_config
from sitegen.models import yaml_files

DATA = ROOT / "data"


def load_yaml(name: str) -> Any:
    """A data file's data (parsed once per version of the file)."""
    return yaml_files.load(DATA / name)


def localized(value: Any, lang: str, default_lang: str) -> Any:
    """Pick a language from a {lang: text} mapping; plain values are the same in every language."""
    if isinstance(value, dict):
        return value.get(lang) or value.get(default_lang)
    return value


def ui_strings(lang: str, default_lang: str) -> dict[str, str]:
    """The site's own interface strings (notices, labels) in one language, falling back to Indonesian."""
    stat = (DATA / "ui-strings.yml").stat()
    return dict(_ui_strings(lang, default_lang, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=16)
def _ui_strings(lang: str, default_lang: str, mtime_ns: int, size: int) -> tuple[tuple[str, str], ...]:
    texts = yaml_files.load(DATA / "ui-strings.yml")
    return tuple((key, localized(value, lang, default_lang)) for key, value in texts.items())


# Markdown's inline punctuation that makes links, emphasis, code, attribute lists and table cells.
_MARKDOWN_INLINE_RE = re.compile(r"([\\`*_\[\]{}|])")
# What makes a line a heading, quote, list, definition or rule when it starts one.
_MARKDOWN_LINE_START_RE = re.compile(r"^(\s*)([#>+=:-])|^(\s*\d+)([.)])(?=\s|$)", re.M)


def markdown_text(value: Any) -> str:
    """Data as literal words inside generated Markdown: never a tag, link, emphasis or list, whatever a
    data file says. HTML's characters become entities, Markdown's inline punctuation is escaped, and a
    line-start marker (`#`, `>`, `-`, `1.`...) is written as a character reference."""
    text = html.escape(str(value), quote=False)
    text = _MARKDOWN_INLINE_RE.sub(r"\\\1", text)
    return _MARKDOWN_LINE_START_RE.sub(
        lambda m: f"{m.group(1)}&#{ord(m.group(2))};" if m.group(2) else f"{m.group(3)}&#{ord(m.group(4))};", text)


# --- phone numbers and validated entries ---------------------------------------------------------


def valid_entries(name: str, root: Path = ROOT) -> list[dict]:
    """Entries of a data file that pass its schema (sitegen/models/data_files.py), cleaned; the content
    check reports the others, which never reach a page."""
    from sitegen.models import data_files

    return data_files.load_valid(root, name, list(languages(root)))


def languages(root: Path = ROOT) -> tuple[str, ...]:
    """The site's languages, default first, from mkdocs.yml (read once per version of the file)."""
    return _languages(root, (root / "mkdocs.yml").stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _languages(root: Path, mtime_ns: int) -> tuple[str, ...]:
    return tuple(site_config.site_languages(root))
