"""Material's page chrome made valid HTML (W3C Nu checker, tests/test_valid_html.py).

Material's base.html writes `autocomplete="off"` on its two checkbox toggles (menu, search) outside any
block we could override; the attribute is invalid on a checkbox (HTML only allows it on text-like and
a few other inputs). Its table of contents has a `<label for="__toc">` that toggles a checkbox written
by the menu for the current page; a page outside the menu (a self-help tool's answer) has no such
checkbox, and the label points at nothing: it becomes a plain title with the same class. Only those
exact tags are rewritten; anything else is left as built.
"""

from __future__ import annotations

import re

_TOGGLE_RE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                        r'id="__(?:drawer|search)") autocomplete="off">')


_TOC_LABEL_RE = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


def fix_material_chrome(page_html: str) -> str:
    page_html = _TOGGLE_RE.sub(r"\1>", page_html)
    if 'id="__toc"' not in page_html:
        page_html = _TOC_LABEL_RE.sub(r'<div class="md-nav__title">\1</div>', page_html)
    return page_html
