"""The site's languages, read once from mkdocs.yml, the one place they are listed: the i18n plugin's
`languages` (code, name, which one is the default) and `extra` (`hreflang`: <html lang> and hreflang,
`speech_lang`: the voice of "Dengarkan", `og_locale`: link previews). Code elsewhere asks here
instead of naming a language."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from sitegen import ROOT
from sitegen.config import site_config


@dataclass(frozen=True)
class Language:
    code: str  # folder under docs/, URL prefix, key of texts in data/
    name: str  # as the language switcher shows it
    html_lang: str  # <html lang> and hreflang (BCP 47); the code unless extra.hreflang says otherwise
    speech_lang: str  # browser voice; the default language's when a language has none (Lampung)
    og_locale: str | None  # language_TERRITORY for link previews; None: no og:locale


@dataclass(frozen=True)
class Languages:
    all: tuple[Language, ...]  # the default language (the originals' language) first

    @property
    def default(self) -> Language:
        return self.all[0]

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.all]

    def get(self, code: str) -> Language:
        """A language by code; an unknown code is read as the default language."""
        return next((lang for lang in self.all if lang.code == code), self.default)


def load(root: Path = ROOT) -> Languages:
    """The languages of the project at `root`, parsed once per version of its mkdocs.yml."""
    stat = (root / "mkdocs.yml").stat()
    return _load(root, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _load(root: Path, mtime_ns: int, size: int) -> Languages:
    config = site_config.load(root)
    extra = config.get("extra") or {}
    hreflang, speech, og_locale = (extra.get(key) or {} for key in ("hreflang", "speech_lang", "og_locale"))
    entries = site_config.i18n_languages(root)
    default_speech = speech.get(entries[0]["locale"]) or entries[0]["locale"]
    return Languages(tuple(
        Language(code=entry["locale"], name=entry.get("name") or entry["locale"],
                 html_lang=hreflang.get(entry["locale"]) or entry["locale"],
                 speech_lang=speech.get(entry["locale"]) or default_speech,
                 og_locale=og_locale.get(entry["locale"]))
        for entry in entries))


def material_has(code: str) -> bool:
    """Material ships interface strings for many languages (not for Javanese or Lampung): use them."""
    import material

    return (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{code}.html").is_file()
