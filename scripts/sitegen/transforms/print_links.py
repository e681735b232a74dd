"""External links carry their short address for print: `data-print-url="kp2mi.go.id/pengaduan"`.

On paper a link is only its text, so the print stylesheet writes this short address after the text
(`a[data-print-url]::after`). The full `href` would be too long to read or type; CSS cannot shorten
it, so the hook does it once at build time. Links whose text already is the address or a phone
number get nothing: the reader already has what they need.
"""

from __future__ import annotations

import html
import re

from sitegen.models import addresses

_LINK_RE = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<body>.*?)</a>", re.S | re.I)
_HREF_RE = re.compile(r"""\bhref\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""", re.I)
_TAG_RE = re.compile(r"<[^>]+>")


def _needs_suffix(text: str, short: str) -> bool:
    text = " ".join(html.unescape(_TAG_RE.sub("", text)).split())
    if not text:
        return True
    if short.lower() in addresses.short_url(text).lower():
        return False  # the text is the address already
    if not re.search(r"[^\W\d_]", text) and len(re.sub(r"\D", "", text)) >= 3:
        return False  # a phone number (tel:, wa.me): the number is what the reader uses
    return True


def mark_external_links(page_html: str) -> str:
    """Add `data-print-url` to every http(s) link whose text does not already say where it goes."""

    def mark(match: re.Match) -> str:
        attrs = match["attrs"]
        href = _HREF_RE.search(attrs)
        if not href or "data-print-url" in attrs:
            return match.group(0)
        url = html.unescape(href["dq"] if href["dq"] is not None else href["sq"])
        if not re.match(r"https?://", url, re.I):
            return match.group(0)
        short = addresses.short_url(url)
        if not _needs_suffix(match["body"], short):
            return match.group(0)
        return f'<a{attrs} data-print-url="{html.escape(short, quote=True)}">{match["body"]}</a>'

    return _LINK_RE.sub(mark, page_html)
