"""What the print-only footer of every page shows (overrides/partials/print-footer.html): the page's
absolute address, a QR code to it, the verified hotlines, the review date and the disclaimer.

The same footer ends every PDF leaflet (scripts/sitegen/postbuild/leaflets.py renders the page's article, footer
included), so a printout and a leaflet say the same thing.
"""

from __future__ import annotations

import io

import segno

from sitegen.models import hotlines


def page_address(public_url: str | None, page_url: str) -> str | None:
    """The page's absolute URL, or None when the site has no public address (build_mode.public_url):
    then the footer prints neither an address nor a QR code, rather than a machine-local one."""
    if not public_url:
        return None
    return public_url.rstrip("/") + "/" + page_url.lstrip("/")


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


def page_context(public_url: str | None, page_url: str, lang: str, default_lang: str) -> dict:
    """Template variables for overrides/partials/print-footer.html."""
    address = page_address(public_url, page_url)
    return {
        "page_address": address,
        "page_qr_svg": qr_svg(address) if address else None,
        "print_hotlines": hotlines.print_items(lang, default_lang),
    }
