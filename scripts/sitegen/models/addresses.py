"""Addresses, one model each: a language's folder on the site, a web address shortened for paper and
small screens, and phone and WhatsApp links."""

from __future__ import annotations

import re
from urllib.parse import quote


def lang_prefix(lang: str, default: str) -> str:
    """The folder of a language on the site: none for the default language, `en/` for English."""
    return "" if lang == default else f"{lang}/"


def short_url(url: str, keep_fragment: bool = False) -> str:
    """`https://www.lapor.go.id/tentang/#faq` -> `lapor.go.id/tentang`: what a reader types from paper
    (no scheme, `www.`, fragment or trailing slash; the query stays, it can be part of the address).
    `keep_fragment`: the part of the page matters (a video's transcript on the site's own video page):
    `lapor.go.id/tentang/#faq`."""
    url, _, fragment = url.partition("#")
    url = re.sub(r"^https?://", "", url, flags=re.I)
    url = re.sub(r"^www\.", "", url, flags=re.I)
    host, slash, rest = url.partition("/")
    url = host.lower() + slash + rest
    if keep_fragment and fragment:
        return f"{url}#{fragment}"
    return url.rstrip("/") if "?" not in url else url


def tel_href(number: str) -> str:
    """`tel:` keeps digits and a leading plus: what a phone dials."""
    return "tel:" + re.sub(r"[^\d+]", "", number)


def wa_number(number: str) -> str:
    """WhatsApp wants the international number in digits: `0812-3456` -> `628123456`."""
    digits = re.sub(r"\D", "", number or "")
    return "62" + digits[1:] if digits.startswith("0") else digits


def wa_href(number: str, text: str = "") -> str:
    """A wa.me link; with `text`, a prepared message. Without a number WhatsApp lets the reader pick
    whom to send the message to."""
    link = f"https://wa.me/{wa_number(number)}"
    return link + (f"?text={quote(text, safe='')}" if text else "")
