"""Glossary tooltips: each language's glossary page (docs/<lang>/glosarium.md, a definition list) gives
the tooltip of every abbreviation on that language's pages, the first sentence of its definition."""

from __future__ import annotations

import functools
import re
from pathlib import Path

GLOSSARY_PAGE = "glosarium.md"
_TERM_RE = re.compile(r"^(?P<term>[^\s:*#>|-][^\n]*?)\n:[ \t]+(?P<definition>[^\n]+)", re.MULTILINE)


def glossary(docs_lang_dir: Path) -> dict[str, str]:
    """Term -> tooltip (the first sentence of its definition) from a language's glossary page."""
    path = docs_lang_dir / GLOSSARY_PAGE
    if not path.exists():
        return {}
    # Every page asks for its language's terms: parse the glossary once per version of the file.
    return dict(_glossary(path, path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=8)
def _glossary(path: Path, mtime_ns: int) -> tuple[tuple[str, str], ...]:
    terms = {}
    for match in _TERM_RE.finditer(path.read_text(encoding="utf-8")):
        definition = match["definition"].strip()
        first = re.split(r"(?<=\.)\s", definition, maxsplit=1)[0].rstrip(".")
        terms[match["term"].strip()] = first
    return tuple(terms.items())


def give_to_markdown(mdx_configs: dict, terms: dict[str, str]) -> None:
    """Hand a language's terms to Python-Markdown's `abbr` extension as its glossary, before a page
    is rendered. (Definitions appended to each page's Markdown did the same, but the block parser
    takes each of them apart as a block of its own: a third of a page's parsing time.)"""
    mdx_configs.setdefault("abbr", {})["glossary"] = dict(terms)
