"""Preferred words of each language's translations (data/preferred-terms.yml): a page, storyboard or
caption that uses a form to avoid gets a warning with the reason. Warnings only: a native speaker has
the last word, and a form may be right in a quotation."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from sitegen.models import yaml_files
from sitegen.models.content import WARNING, Problem, Site

FILE = "data/preferred-terms.yml"


def terms(root: Path) -> dict[str, list[dict]]:
    """Language -> [{preferred, avoid: [...], why}], leaving out entries of the wrong shape (reported)."""
    try:
        data = yaml_files.load(root / FILE) or {}
    except (OSError, yaml.YAMLError):
        return {}
    out: dict[str, list[dict]] = {}
    for lang, entries in data.items() if isinstance(data, dict) else ():
        for entry in entries if isinstance(entries, list) else ():
            if isinstance(entry, dict) and isinstance(entry.get("preferred"), str) \
                    and isinstance(entry.get("avoid"), list) and isinstance(entry.get("why"), str):
                out.setdefault(str(lang), []).append(entry)
    return out


def _files(site: Site, lang: str):
    """Everything a reader of `lang` reads: its pages, its video storyboards and captions."""
    for page in site.pages:
        if page.lang == lang:
            yield page.display, page.text
    for pattern in (f"data/videos/*/{lang}.yml", f"docs/{lang}/**/*.{lang}.vtt"):
        for path in sorted(site.root.glob(pattern)):
            yield path.relative_to(site.root).as_posix(), path.read_text(encoding="utf-8", errors="replace")


def check(site: Site):
    by_lang = terms(site.root)
    for lang, entries in by_lang.items():
        patterns = [(re.compile(rf"\b{re.escape(form)}\b", re.IGNORECASE), form, entry)
                    for entry in entries for form in entry["avoid"] if isinstance(form, str) and form]
        for display, text in _files(site, lang):
            for number, line in enumerate(text.split("\n"), 1):
                for pattern, form, entry in patterns:
                    if pattern.search(line):
                        yield Problem(display, number, "language/preferred-term",
                                      f"`{form}`: {entry['why']} Kata yang disarankan: `{entry['preferred']}`.",
                                      WARNING)
