"""What the print-only footer of every page shows (overrides/partials/print-footer.html): the page's
absolute address, a QR code to it, the verified hotlines, the review date and the disclaimer.

The same footer ends every PDF leaflet (scripts/leaflets.py renders the page's article, footer
included), so a printout and a leaflet say the same thing.
"""

from __future__ import annotations

import io
import re

import segno

import site_data


def page_address(site_url: str | None, page_url: str) -> str | None:
    """The page's absolute URL, or None when the site has no site_url (nothing to print then)."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + page_url.lstrip("/")


def qr_svg(url: str) -> str:
    """An inline SVG QR code (one path, no size: CSS sizes it). Error correction M survives a
    photocopied leaflet; the 2-module border keeps it readable when CSS adds no margin."""
    qr = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    qr.save(out, kind="svg", xmldecl=False, svgns=True, svgclass=None, lineclass=None,
            omitsize=True, nl=False, border=2)
    svg = out.getvalue().decode("ascii")
    # Screen readers skip it (the address is printed next to it); renderers keep crisp modules.
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" shape-rendering="crispEdges" ', 1)


def verified_hotlines(lang: str, default_lang: str) -> list[dict]:
    """Hotlines whose number has been verified (data/hotlines.yml `verified`). An unverified entry is
    left out entirely: a printout cannot say "not confirmed yet" next to a number the way the site
    does, and an old number on paper outlives any correction."""
    ui = site_data.ui_strings(lang, default_lang)
    out = []
    for entry in site_data.valid_entries("hotlines.yml"):  # only what the data rule accepts
        if not entry.get("verified"):
            continue
        contacts = []
        if entry.get("phone"):
            contacts.append(f"{ui['hotline.call']} {entry['phone']}")
        if entry.get("whatsapp"):
            contacts.append(f"WhatsApp {entry['whatsapp']}")
        if entry.get("web"):
            contacts.append(re.sub(r"^https?://(www\.)?", "", entry["web"]).rstrip("/"))
        hours = site_data.localized(entry.get("hours"), lang, default_lang)
        out.append({
            "name": site_data.localized(entry["name"], lang, default_lang),
            "purpose": site_data.localized(entry["purpose"], lang, default_lang),
            "contacts": contacts,
            "hours": hours or "",
        })
    return out


def page_context(site_url: str | None, page_url: str, lang: str, default_lang: str) -> dict:
    """Template variables for overrides/partials/print-footer.html."""
    address = page_address(site_url, page_url)
    return {
        "page_address": address,
        "page_qr_svg": qr_svg(address) if address else None,
        "print_hotlines": verified_hotlines(lang, default_lang),
    }
