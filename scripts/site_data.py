"""Data files in data/ that pages and templates share (interface strings, hotlines, glossary)."""

from __future__ import annotations

import copy
import functools
import html
import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def load_yaml(name: str) -> Any:
    """A data file, parsed once per version of the file (pages ask for the same data many times)."""
    path = DATA / name
    stat = path.stat()
    return copy.deepcopy(_parse(path, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=64)
def _parse(path: Path, mtime_ns: int, size: int) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def localized(value: Any, lang: str, default_lang: str) -> Any:
    """Pick a language from a {lang: text} mapping; plain values are the same in every language."""
    if isinstance(value, dict):
        return value.get(lang) or value.get(default_lang)
    return value


def ui_strings(lang: str, default_lang: str) -> dict[str, str]:
    """The site's own interface strings (notices, labels) in one language, falling back to Indonesian."""
    return {key: localized(texts, lang, default_lang) for key, texts in load_yaml("ui-strings.yml").items()}


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


# --- hotlines ---------------------------------------------------------------------------------------


def tel_href(number: str) -> str:
    return "tel:" + re.sub(r"[^\d+]", "", number)


def wa_href(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return f"https://wa.me/{digits}"


def valid_entries(name: str, root: Path = ROOT) -> list[dict]:
    """Entries of a data file that pass its schema (content_checks/data_files.py), cleaned; the content
    check reports the others, which never reach a page."""
    from content_checks import data_files

    return data_files.load_valid(root, name, list(languages(root)))


def languages(root: Path = ROOT) -> tuple[str, ...]:
    """The site's languages, default first, from mkdocs.yml (read once per version of the file)."""
    return _languages(root, (root / "mkdocs.yml").stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _languages(root: Path, mtime_ns: int) -> tuple[str, ...]:
    from docs import site_languages

    return tuple(site_languages(root))


def hotlines_markdown(lang: str, default_lang: str) -> str:
    """The hotline block as Markdown. Unverified numbers are never printed: the label says so."""
    ui = ui_strings(lang, default_lang)
    md = markdown_text
    lines = []
    for entry in valid_entries("hotlines.yml"):
        name = md(localized(entry["name"], lang, default_lang))
        purpose = md(localized(entry["purpose"], lang, default_lang))
        parts = []
        if entry.get("verified"):
            # The citation markers become numbered references (scripts/citations.py).
            cite = "".join(f"[^{key}]" for key in entry.get("source") or ())
            if entry.get("phone"):
                parts.append(f"{md(ui['hotline.call'])} [{md(entry['phone'])}]({tel_href(entry['phone'])})")
            if entry.get("whatsapp"):
                parts.append(f"WhatsApp [{md(entry['whatsapp'])}]({wa_href(entry['whatsapp'])})")
            if entry.get("hours"):
                parts.append(md(localized(entry["hours"], lang, default_lang)))
            if parts:
                parts[-1] += cite
        else:
            # The class lets print and leaflet styles treat it as "not a fact" (see site.css).
            parts.append(f'<span class="site-unverified"><strong class="site-unverified-label">'
                         f"{html.escape(ui['label.unverified'])}</strong>: {html.escape(ui['hotline.unverified'])}</span>")
        if entry.get("web"):
            parts.append(f"[{md(entry['web'].removeprefix('https://').rstrip('/'))}](<{entry['web']}>)")
        lines.append(f"- **{name}**: {purpose}.  \n  " + " · ".join(parts))
    return "\n".join(lines) + "\n"


def hotline_strip_markdown(lang: str, default_lang: str) -> str:
    """`{{ hotline_strip }}`: the verified phone numbers as large tap-to-call buttons, each with its
    source, for the top of the home page. The same entries and rules as the hotline block above."""
    ui = ui_strings(lang, default_lang)
    buttons = []
    for entry in valid_entries("hotlines.yml"):
        if not (entry.get("verified") and entry.get("phone")):
            continue
        name, phone = localized(entry["name"], lang, default_lang), entry["phone"]
        label = name if re.sub(r"\D", "", phone) in name else f"{name}: {phone}"
        cite = "".join(f"[^{key}]" for key in entry.get("source") or ())
        buttons.append(f"[:material-phone: {markdown_text(label)}]({tel_href(phone)}){{ .md-button }}{cite}")
    if not buttons:
        return ""
    return ('<div class="site-hotline-strip" markdown>\n\n'
            f"**{markdown_text(ui['hotline.strip'])}**\n\n" + "\n".join(buttons) + "\n\n</div>\n")


def verified_phones(lang: str, default_lang: str) -> list[dict]:
    """The verified hotline numbers ({name, phone, href}), for places without room for the whole
    block (search with no results)."""
    return [{"name": localized(e["name"], lang, default_lang), "phone": e["phone"], "href": tel_href(e["phone"])}
            for e in valid_entries("hotlines.yml") if e.get("verified") and e.get("phone")]


# --- glossary ---------------------------------------------------------------------------------------

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


def abbreviations_markdown(terms: dict[str, str]) -> str:
    """Definitions for Python-Markdown's `abbr` extension, appended to every page."""
    return "\n\n" + "\n".join(f"*[{term}]: {tip}" for term, tip in terms.items()) + "\n"
