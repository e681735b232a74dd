"""Last line of defence: refuse a rendered page whose content holds active HTML.

The html_safety content check reports the same things in the Markdown source with file and line; this
guard works on the HTML that Markdown produced, so hostile input never reaches readers, even in a
non-strict build or through an extension we did not think of.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

FORBIDDEN_TAGS = {"script", "style", "form", "object", "embed", "iframe", "frame", "frameset", "base",
                  "meta", "link", "applet", "template", "input", "button", "textarea", "select"}
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "srcset", "background"}
UNSAFE_URL_RE = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}=")
            elif name in URL_ATTRS and value and UNSAFE_URL_RE.match(value):
                self.found.append(f"{name}={value.split(':')[0]}:")

    handle_startendtag = handle_starttag


def active_content(html: str) -> list[str]:
    """What in `html` could run code, or submit or embed something."""
    finder = _Finder()
    finder.feed(html)
    return finder.found
