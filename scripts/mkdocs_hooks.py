"""Build-time behaviour of the site (MkDocs hooks, listed in mkdocs.yml).

static-i18n builds the languages one after the other in one process, so every event below runs once
per language; the content checks run once per site.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.pages import Page

import site_data
from content_checks import runner
from content_checks.model import ERROR

log = logging.getLogger("mkdocs.hooks.site")
ROOT = Path(__file__).resolve().parent.parent
HOTLINES_MARKER = "{{ hotlines }}"

_checked_configs: set[int] = set()


def _i18n(config):
    return config.plugins["i18n"]


def _prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def on_pre_build(config):
    """Run every content check once; errors fail `mkdocs build --strict` before anything is written."""
    if id(config) in _checked_configs:
        return
    _checked_configs.add(id(config))
    i18n = _i18n(config)
    languages = [i18n.default_language] + [l for l in i18n.build_languages if l != i18n.default_language]
    problems = runner.run(ROOT, languages=languages)
    errors = [p for p in problems if p.severity == ERROR]
    for problem in problems:
        (log.warning if problem.severity == ERROR else log.info)(str(problem))
    if errors and config.strict:
        raise Abort(f"{len(errors)} galat pada konten; perbaiki lalu bangun lagi "
                    "(`python scripts/docs.py check` menampilkan daftar yang sama).")


def on_page_markdown(markdown: str, page: Page, config, files):
    i18n = _i18n(config)
    lang, default = i18n.current_language, i18n.default_language
    if HOTLINES_MARKER in markdown:
        markdown = markdown.replace(HOTLINES_MARKER, site_data.hotlines_markdown(lang, default))
    # Tooltips for abbreviations, from the glossary page of the reader's language.
    terms = site_data.glossary(ROOT / "docs" / lang) or site_data.glossary(ROOT / "docs" / default)
    return markdown + site_data.abbreviations_markdown(terms)


def _alternates(config, page_url: str | None) -> list[dict]:
    """The same page in every language: `path` is site-relative (for the switcher, which must work
    under a sub-path and from a local copy), `link` absolute when site_url is set (for hreflang)."""
    i18n = _i18n(config)
    current, default = i18n.current_language, i18n.default_language
    rest = "" if page_url is None else page_url.removeprefix(_prefix(current, default))
    hreflang = config.extra.get("hreflang", {})
    site_url = (config.site_url or "").rstrip("/")
    out = []
    for lang in i18n.build_languages:
        path = _prefix(lang, default) + rest
        out.append({
            "name": i18n.get_language_config(lang).name,
            "lang": hreflang.get(lang, lang),
            "path": path or "./",
            "link": f"{site_url}/{path}" if site_url else (path or "./"),
            "current": lang == current,
        })
    return out


def _set_alternates(config, alternates: list[dict]) -> None:
    # static-i18n sets `config.extra.alternate` as an attribute, which Jinja reads before the item.
    config.extra["alternate"] = alternates
    config.extra.alternate = alternates


def on_page_context(context, page: Page, config, nav):
    i18n = _i18n(config)
    lang, default = i18n.current_language, i18n.default_language
    _set_alternates(config, _alternates(config, page.url))
    file_lang = getattr(page.file, "locale", lang)
    context["site_ui"] = site_data.ui_strings(lang, default)
    context["page_is_fallback"] = file_lang != lang
    context["page_translation_status"] = page.meta.get("status") if file_lang != default else None
    context["page_original_url"] = page.url.removeprefix(_prefix(lang, default)) or "./"
    return context


def on_template_context(context, template_name, config):
    """Static templates (404.html) have no page: offer the home page of every language."""
    if template_name == "404.html":
        i18n = _i18n(config)
        _set_alternates(config, _alternates(config, None))
        context["site_ui"] = site_data.ui_strings(i18n.current_language, i18n.default_language)
    return context


_default_404: bytes | None = None


def on_post_build(config):
    """Give each language its own 404 page.

    Every language build renders the theme's 404.html to the site root, so the last one would win.
    Keep the default language's at the root and move the others to their folder (/en/404.html).
    """
    global _default_404
    i18n = _i18n(config)
    root_404 = Path(config.site_dir) / "404.html"
    if not root_404.exists():
        return
    if i18n.current_language == i18n.default_language:
        _default_404 = root_404.read_bytes()
    elif _default_404 is not None:
        target = Path(config.site_dir) / i18n.current_language / "404.html"
        target.write_bytes(root_404.read_bytes())
        root_404.write_bytes(_default_404)
