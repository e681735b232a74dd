"""Hotlines: one model, read from the validated entries of data/hotlines.yml, and one function per
place that shows them: the list on the web (`{{ hotlines }}`), the home page's tap-to-call strip
(`{{ hotline_strip }}`), one number inside a sentence
(`{{ phone ID }}`), and the print-only footer of every page, which the PDF leaflets print too.

An entry that fails the schema (sitegen/models/data_files.py) is in none of them: the content check
reports it, and `mkdocs build --strict` stops. A number that is not verified is never shown anywhere:
the model does not carry it.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

from sitegen.models import addresses, data_files, site_data

DATA_FILE = "hotlines.yml"
# The page that lists them all (`{{ hotlines }}`), in every language: its source and its address.
PAGE_SOURCE = "lokasi-layanan/nomor-penting.md"
PAGE_URL = PAGE_SOURCE.removesuffix(".md") + "/"


@dataclass(frozen=True)
class Hotline:
    id: str
    name: str
    purpose: str
    verified: bool
    phone: str | None  # only when verified
    whatsapp: str | None  # only when verified
    hours: str | None  # only when verified
    web: str | None
    sources: tuple[str, ...]

    @property
    def reachable(self) -> bool:
        return bool(self.phone or self.whatsapp)


def entries(lang: str, default_lang: str, root: Path = site_data.ROOT) -> list[Hotline]:
    """Every valid hotline, in the reader's language, in the order of the file."""
    # Every page's print footer asks: made once per version of the file, and immutable.
    return list(_entries(lang, default_lang, root, data_files.version(root, DATA_FILE)))


@functools.lru_cache(maxsize=16)
def _entries(lang: str, default_lang: str, root: Path, version) -> tuple[Hotline, ...]:
    out = []
    for entry in site_data.valid_entries(DATA_FILE, root):
        verified = bool(entry.get("verified"))
        local = lambda value: site_data.localized(value, lang, default_lang)  # noqa: E731
        out.append(Hotline(
            id=entry["id"],
            name=local(entry["name"]),
            purpose=local(entry["purpose"]),
            verified=verified,
            phone=entry.get("phone") if verified else None,
            whatsapp=entry.get("whatsapp") if verified else None,
            hours=local(entry.get("hours")) if verified else None,
            web=entry.get("web"),
            sources=tuple(entry.get("source") or ()),
        ))
    return tuple(out)


def by_id(lang: str, default_lang: str, root: Path = site_data.ROOT) -> dict[str, Hotline]:
    return {h.id: h for h in entries(lang, default_lang, root)}


def _cite(hotline: Hotline) -> str:
    # Citation markers become numbered references (scripts/sitegen/pages/citations.py).
    return "".join(f"[^{key}]" for key in hotline.sources)


# Data are literal words in the generated Markdown, never markup (site_data.markdown_text).
_md = site_data.markdown_text


def _numbers_markdown(hotline: Hotline, call_label: str | None) -> list[str]:
    parts = []
    if hotline.phone:
        label = f"{_md(call_label)} " if call_label else ""
        parts.append(f"{label}[{_md(hotline.phone)}]({addresses.tel_href(hotline.phone)})")
    if hotline.whatsapp:
        parts.append(f"WhatsApp [{_md(hotline.whatsapp)}]({addresses.wa_href(hotline.whatsapp)})")
    return parts


def list_markdown(lang: str, default_lang: str) -> str:
    """`{{ hotlines }}`: every hotline; an unverified one says so and links its official web."""
    ui = site_data.ui_strings(lang, default_lang)
    lines = []
    for hotline in entries(lang, default_lang):
        parts = []
        if hotline.verified:
            parts = _numbers_markdown(hotline, ui["hotline.call"])
            if hotline.hours:
                parts.append(_md(hotline.hours))
            if parts:
                parts[-1] += _cite(hotline)
        else:
            # The class lets print and leaflet styles treat it as "not a fact" (see site.css).
            parts.append(f'<span class="site-unverified"><strong class="site-unverified-label">'
                         f"{html.escape(ui['label.unverified'])}</strong>: {html.escape(ui['hotline.unverified'])}</span>")
        if hotline.web:
            parts.append(f"[{_md(hotline.web.removeprefix('https://').rstrip('/'))}](<{hotline.web}>)")
        lines.append(f"- **{_md(hotline.name)}**: {_md(hotline.purpose)}.  \n  " + " · ".join(parts))
    return "\n".join(lines) + "\n"


def strip_markdown(lang: str, default_lang: str) -> str:
    """`{{ hotline_strip }}`: the verified phone numbers as large tap-to-call buttons, each with its
    source, for the top of the home page."""
    ui = site_data.ui_strings(lang, default_lang)
    buttons = []
    for hotline in entries(lang, default_lang):
        if not hotline.phone:
            continue
        # "SAPA 129" already holds its number: say it once.
        label = hotline.name if re.sub(r"\D", "", hotline.phone) in hotline.name else f"{hotline.name}: {hotline.phone}"
        buttons.append(f"[:material-phone: {_md(label)}]({addresses.tel_href(hotline.phone)}){{ .md-button }}"
                       + _cite(hotline))
    if not buttons:
        return ""
    return ('<div class="site-hotline-strip" markdown>\n\n'
            f"**{_md(ui['hotline.strip'])}**\n\n" + "\n".join(buttons) + "\n\n</div>\n")


def phone_markdown(hotline_id: str, lang: str, default_lang: str, root: Path = site_data.ROOT) -> str:
    """`{{ phone ID }}`: a verified number as a tap-to-call link with its source; otherwise the
    "not verified" label (an unknown id is reported by the content check)."""
    hotline = by_id(lang, default_lang, root).get(hotline_id)
    if hotline is None or not hotline.reachable:
        ui = site_data.ui_strings(lang, default_lang)
        return f'<span class="site-unverified">({html.escape(ui["label.unverified"])})</span>'
    return ", ".join(_numbers_markdown(hotline, None)) + _cite(hotline)


def print_items(lang: str, default_lang: str) -> list[dict]:
    """The print footer's list (overrides/partials/print-footer.html): verified hotlines only. Paper
    cannot say "not confirmed yet" next to a number the way the site does, and an old number on
    paper outlives any correction."""
    ui = site_data.ui_strings(lang, default_lang)
    out = []
    for hotline in entries(lang, default_lang):
        if not hotline.verified:
            continue
        contacts = []
        if hotline.phone:
            contacts.append(f"{ui['hotline.call']} {hotline.phone}")
        if hotline.whatsapp:
            contacts.append(f"WhatsApp {hotline.whatsapp}")
        if hotline.web:
            contacts.append(addresses.short_url(hotline.web))
        out.append({"name": hotline.name, "purpose": hotline.purpose, "contacts": contacts,
                    "hours": hotline.hours or ""})
    return out


def verified_phones(lang: str, default_lang: str) -> list[dict]:
    """The verified hotline numbers ({name, phone, href}), for places without room for the whole
    block (search with no results)."""
    return [{"name": h.name, "phone": h.phone, "href": addresses.tel_href(h.phone)}
            for h in entries(lang, default_lang) if h.phone]
