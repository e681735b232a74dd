"""Scaffold a new site language (`python scripts/docs.py new-language CODE --name NAME`): everything a
build needs, after which every page exists in the new language, in Indonesian with the "not translated
yet" notice, until a volunteer translates it.

Files are edited as text at the places YAML's own parser points to, so comments and layout stay as
written (a round trip through a YAML dumper would drop the comments). Nothing is written unless every
edit could be made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitegen.checks import translations
from sitegen.config import languages

# static-i18n (widened by scripts/iso639_locales.py) takes two or three lowercase letters.
CODE_RE = re.compile(r"^[a-z]{2,3}$")
# <html lang>: a BCP 47 tag such as `jv`, `ljp` or `pt-BR`.
HTML_LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
# A name is printed in the switcher: plain words only.
NAME_RE = re.compile(r"^[^\W\d_][\w .'()-]*$")
# Data files whose texts never fall back to Indonesian (an announcement travels on its own, a journey's
# step titles are one list): their schemas in sitegen/models/data_files.py want every language, so the
# new language gets a copy of the Indonesian text, to be translated.
EVERY_LANGUAGE_FILES = ("data/whats-new.yml", "data/journeys.yml")


class LanguageError(Exception):
    """What the volunteer typed cannot become a language; the message says why (in Indonesian)."""


@dataclass(frozen=True)
class Edit:
    path: Path
    text: str


def add(root: Path, code: str, name: str, html_lang: str | None = None) -> list[Path]:
    """Add language `code` to the project at `root`; returns the files written."""
    site = languages.load(root)
    html_lang = html_lang or code
    if not CODE_RE.match(code):
        raise LanguageError(f"Kode bahasa `{code}` tidak bisa dipakai: tulis dua atau tiga huruf kecil, "
                            "misalnya `jv` (kode ISO 639).")
    if code in site.codes:
        raise LanguageError(f"Bahasa `{code}` ({site.get(code).name}) sudah ada di mkdocs.yml.")
    if not NAME_RE.match(name.strip()):
        raise LanguageError(f"Nama bahasa `{name}` tidak bisa dipakai: tulis nama bahasa dengan huruf biasa, "
                            "misalnya \"Basa Jawa\".")
    if not HTML_LANG_RE.match(html_lang):
        raise LanguageError(f"Kode HTML `{html_lang}` tidak bisa dipakai: tulis kode BCP 47, misalnya `jv` "
                            "atau `ljp`.")
    default = site.default
    edits = [
        _config_edit(root, code, name.strip(), html_lang, default),
        _pending_edit(root, code, default.code),
        *(_every_language_edit(root / rel, code, default.code, site.codes) for rel in EVERY_LANGUAGE_FILES
          if (root / rel).is_file()),
    ]
    partial = root / "overrides" / "partials" / "languages" / f"{code}.html"
    if not partial.exists() and not languages.material_has(code):
        edits.append(Edit(partial, _partial_text(code, name.strip(), default.code)))
    for edit in edits:
        edit.path.parent.mkdir(parents=True, exist_ok=True)
        edit.path.write_text(edit.text, encoding="utf-8")
    return [edit.path for edit in edits]


def _scalar(value: str) -> str:
    """A YAML scalar as a line of mkdocs.yml would write it (quoted only where YAML needs it)."""
    return yaml.safe_dump(value, allow_unicode=True, width=1000).strip().removesuffix("...").strip()


def _value(mapping: yaml.MappingNode, key: str):
    return next((v for k, v in mapping.value if k.value == key), None)


def _line_after(node: yaml.Node) -> int:
    """Index of the line after the one where `node` (a scalar, or the last scalar inside it) ends."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    mark = node.end_mark
    return mark.line + 1 if mark.column > 0 else mark.line


def _insert(text: str, inserts: list[tuple[int, list[str]]]) -> str:
    """Insert lines before the given line indexes (from the bottom up, so indexes stay valid)."""
    lines = text.split("\n")
    for at, new in sorted(inserts, key=lambda item: item[0], reverse=True):
        lines[at:at] = new
    return "\n".join(lines)


def _config_edit(root: Path, code: str, name: str, html_lang: str, default: languages.Language) -> Edit:
    """The i18n plugin's entry, and the language's line in extra.hreflang, og_locale and speech_lang."""
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    config = yaml.compose(text, Loader=yaml.SafeLoader)
    entries = None
    for plugin in _value(config, "plugins").value:
        if isinstance(plugin, yaml.MappingNode) and _value(plugin, "i18n") is not None:
            entries = _value(_value(plugin, "i18n"), "languages")
    if entries is None or not entries.value:
        raise LanguageError("mkdocs.yml: daftar `languages` plugin i18n tidak ditemukan.")
    key_column = entries.value[-1].start_mark.column
    indent = " " * key_column
    inserts = [(_line_after(entries), [f"{indent[:-2]}- locale: {code}", f"{indent}name: {_scalar(name)}",
                                       f"{indent}build: true"])]
    extra = _value(config, "extra")
    territory = (default.og_locale or "").partition("_")[2]
    values = {"hreflang": html_lang, "speech_lang": default.speech_lang,
              "og_locale": f"{html_lang.split('-')[0]}_{territory}" if territory else None}
    for key, value in values.items():
        mapping = _value(extra, key) if extra is not None else None
        if mapping is None or value is None:
            continue
        column = mapping.value[0][0].start_mark.column
        inserts.append((_line_after(mapping), [f"{' ' * column}{code}: {_scalar(value)}"]))
    return Edit(path, _insert(text, inserts))


def _pending_edit(root: Path, code: str, default: str) -> Edit:
    """Every original page, listed as waiting for its translation (data/translations-pending.yml)."""
    path = root / translations.PENDING_FILE
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    docs = root / "docs"
    pages = sorted(p.relative_to(docs / default).as_posix() for p in (docs / default).rglob("*.md")
                   if not (docs / code / p.relative_to(docs / default)).exists())
    lines = [f"{code}:"] + [f"  - {rel}" for rel in pages] if pages else [f"{code}: []"]
    return Edit(path, (text.rstrip("\n") + "\n" if text.strip() else text) + "\n".join(lines) + "\n")


def _every_language_edit(path: Path, code: str, default: str, codes: list[str]) -> Edit:
    """In each `{id: ..., lpg: ..., en: ...}` text of the file, a line for the new language with the
    Indonesian text, as written (quotes and all)."""
    text = path.read_text(encoding="utf-8")
    inserts = []

    def walk(node):
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            keys = {k.value for k, _ in node.value}
            if default in keys and keys <= set(codes) and not node.flow_style:
                key_node, value_node = next((k, v) for k, v in node.value if k.value == default)
                written = text[value_node.start_mark.index:value_node.end_mark.index].rstrip("\n")
                inserts.append((_line_after(node), [f"{' ' * key_node.start_mark.column}{code}: {written}"]))
                return
            for _, value in node.value:
                walk(value)

    walk(yaml.compose(text, Loader=yaml.SafeLoader))
    return Edit(path, _insert(text, inserts))


def _partial_text(code: str, name: str, default: str) -> str:
    """Material's interface strings for the language: none of its own yet, so every key falls back to
    the default language's (Material's own fallback would be English). Its <html lang> comes from
    extra.hreflang (overrides/partials/language.html)."""
    return (f"{{#-\n  {name} (`{code}`). Material's interface strings: static-i18n sets theme.language to the\n"
            f"  locale `{code}`, so Material imports this file by that name; without it the build stops.\n"
            f"  Add translated keys below (see lpg.html); a missing key falls back to `{default}`.\n-#}}\n"
            f'{{% import "partials/languages/{default}.html" as fallback %}}\n'
            f'{{% macro t(key) %}}{{{{ {{\n}}[key] or fallback.t(key) }}}}{{% endmacro %}}\n')
