"""The site's public address, for what leaves the site: the Atom feeds, the Open Graph and Twitter
tags, the share cards and the QR code of a printed notice.

It receives build_mode.public_url (SITE_URL, none under `mkdocs serve`); tests serve builds on
127.0.0.1. A loopback address means nothing on another device, so it is never published: without a
public address there is no feed, no absolute share tag and no share image (what a link preview would
fetch), and the pages still work, since every link inside the site is relative.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

_LOCAL_NAMES = ("localhost", "localhost.localdomain")


def public_base(site_url: str | None) -> str | None:
    """`site_url` with one trailing slash when it is an http(s) address another device can reach;
    None for no address, a loopback or unspecified address, or `localhost`."""
    if not site_url:
        return None
    parts = urlsplit(site_url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.scheme not in ("http", "https") or not host:
        return None
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return site_url.strip().rstrip("/") + "/"
    if address.is_loopback or address.is_unspecified:
        return None
    return site_url.strip().rstrip("/") + "/"


def absolute(site_url: str | None, site_path: str) -> str | None:
    """The public address of a site path such as `en/kabar-terbaru/`, or None (see public_base)."""
    base = public_base(site_url)
    return None if base is None else base + site_path.lstrip("/")
