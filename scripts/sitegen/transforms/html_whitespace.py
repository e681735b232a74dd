"""Indentation between tags taken out of built pages: readers pay for every byte on mobile data.

Material's templates indent every tag: about 7% of a page's gzip size. Only a run of ASCII
whitespace that holds a line break and lies between two tags is touched, and it becomes one line
break. A browser renders such a run as it renders one line break (one space, or nothing between
blocks), so the page looks the same (tests/test_html_whitespace_render.py). Where whitespace is
content (<pre>, <textarea>, <script>, <style>, and <code> and <kbd>, which Material prints with
`white-space: pre-wrap`), the element is copied as it is; one that is never closed leaves the rest of
the page as it is. A no-break space (U+00A0) is text, not whitespace, and stays.
"""

from __future__ import annotations

import re

_VERBATIM_OPEN = re.compile(r"<(pre|textarea|script|style|code|kbd)(?=[\s/>])", re.I)
_RAW_TEXT = {"textarea", "script", "style"}  # their content is text: a tag inside does not nest
# After a tag (or where a verbatim element ended) and before a tag (or where one starts).
_BETWEEN_TAGS = re.compile(r"(?:(?<=>)|\A)[ \t\r\f]*\n[ \t\n\r\f]*(?=<|\Z)")


def _collapse(segment: str) -> str:
    return _BETWEEN_TAGS.sub("\n", segment)


def _end_of(page_html: str, name: str, start: int) -> int | None:
    """Where the element opened at `start` ends, after its closing tag; None if it is never closed.
    A <kbd> may hold <kbd>s: nested ones of the same name are counted. Raw text (a script) does not nest."""
    if name.lower() in _RAW_TEXT:
        close = re.compile(rf"</{name}[ \t\n\r\f]*>", re.I).search(page_html, start)
        return close.end() if close else None
    depth = 0
    for tag in re.compile(rf"<(/?){name}(?=[\s/>])[^>]*>", re.I).finditer(page_html, start):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return tag.end()
    return None


def collapse(page_html: str) -> str:
    out, pos = [], 0
    while match := _VERBATIM_OPEN.search(page_html, pos):
        out.append(_collapse(page_html[pos:match.start()]))
        end = _end_of(page_html, match[1], match.start())
        if end is None:
            out.append(page_html[match.start():])
            return "".join(out)
        out.append(page_html[match.start():end])
        pos = end
    out.append(_collapse(page_html[pos:]))
    return "".join(out)
