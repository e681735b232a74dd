"""Front matter as templates may print it: only the known fields, every text HTML-escaped.

MkDocs' Jinja does not autoescape, and Material's templates print `page.meta.title`,
`page.meta.description` and `page.title` (head, header, navigation, footer) as they are; it would also
obey fields such as `template`. So before any template runs (on_page_markdown), the build keeps only
the fields of sitegen/checks/metadata.py and replaces each text in them by its escaped form, marked as
markup: printed raw it is text, and a template's `| e` does not escape it twice. The metadata rule
refuses markup characters in these fields anyway; this is what holds in a build that is not strict.
Python code that needs the words themselves (a PDF title, a share message) reads them with `plain`.
"""

from __future__ import annotations

import html
from typing import Any

from markupsafe import Markup, escape

from sitegen.checks.metadata import FIELD_NAMES


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return escape(str(value))  # str(): a value that is Markup already is escaped all the same
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value  # dates, booleans, numbers


# Fields only the build writes, into the pages it generates (scripts/sitegen/pages/tool_pages.py): which tool a page
# belongs to (its answer pages stay out of search) and whether it prints on one sheet. A page in
# docs/ cannot set them (the metadata rule refuses unknown fields, and they are dropped here).
GENERATED_FIELDS = ("tool", "tool_print")


def safe_meta(meta: dict[str, Any], generated: bool = False) -> dict[str, Any]:
    """The known fields of a page's front matter, every text in them escaped; `generated`: a page the
    build wrote, which keeps GENERATED_FIELDS too."""
    known = FIELD_NAMES + (GENERATED_FIELDS if generated else ())
    return {key: _escaped(value) for key, value in meta.items() if key in known}


def safe_title(title: str | None) -> Markup | None:
    """A title taken from the page's first heading (no `title` field): MkDocs gives it with tags
    stripped but not escaped for every place Material prints it."""
    return None if title is None else escape(html.unescape(str(title)))


def plain(value: Any) -> str:
    """The words of an escaped front-matter text, for Python code that escapes or encodes on its own."""
    return html.unescape(str(value)) if value is not None else ""
