"""Claim-level citations and the data-backed values that carry their own (fees, phone numbers).

Volunteers write plain Markdown: `[^source-id]` right after a statement, `{{ fee ID }}` for a tariff,
`{{ phone ID }}` for a hotline, `{{ fees }}` for the fee table. Source ids live once in
data/sources/*.yml and serve every language. At build time the markers become numbered, tappable
references ([1], [2] ...) and the page gets its reference list (overrides/partials/page-sources.html):
title, locator, the date read and the supporting passage, quoted in the source's language.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sitegen.models import addresses, hotlines, site_data

# The id grammar is the data files' (sitegen/models/data_files.py ID_RE).
CITE_RE = re.compile(r"\[\^([a-z0-9]+(?:-[a-z0-9]+)*)\]")
INLINE_RE = re.compile(r"\{\{\s*(fee|phone)\s+([a-z0-9]+(?:-[a-z0-9]+)*)\s*\}\}")
FEES_MARKER = "{{ fees }}"
FENCE_RE = re.compile(r"^\s*(```|~~~)")


def sources(root: Path = site_data.ROOT) -> dict[str, dict]:
    from sitegen.models import data_files

    return data_files.sources(root, list(site_data.languages(root)))


def format_amount(amount: int, lang: str, default_lang: str) -> str:
    """A Rupiah amount as the reader's language writes it ("Rp950.000", "IDR 950,000"). Nothing to pay
    is said in words first ("Gratis (Rp0)", "Free (IDR 0)"): a bare "Rp0" reads like a missing figure.
    (Every fee of 0 in data/fees.yml cites a passage saying it is free or waived.)"""
    ui = site_data.ui_strings(lang, default_lang)
    digits = f"{amount:,}".replace(",", ui["number.group_separator"])
    figure = ui["fee.format"].replace("{amount}", digits)
    return ui["fee.free"].replace("{amount}", figure) if amount == 0 else figure


def _fees() -> dict[str, dict]:
    return {f["id"]: f for f in site_data.valid_entries("fees.yml")}


def _cite(ids) -> str:
    return "".join(f"[^{i}]" for i in ids or ())


def fee_text(fee_id: str, lang: str, default_lang: str) -> str:
    fee = _fees().get(fee_id)
    if fee is None:  # reported by the content check; never print a guess
        return f"**{site_data.markdown_text(site_data.ui_strings(lang, default_lang)['label.unverified'])}**"
    return site_data.markdown_text(format_amount(fee["amount"], lang, default_lang)) + _cite([fee["source"]])


def fees_markdown(lang: str, default_lang: str) -> str:
    """The fee table, one row per fee of data/fees.yml, each with its citation."""
    ui = site_data.ui_strings(lang, default_lang)
    md = site_data.markdown_text
    rows = [f"| {md(ui['fees.service'])} | {md(ui['fees.amount'])} |", "|---|---|"]
    for fee in site_data.valid_entries("fees.yml"):
        name = md(site_data.localized(fee["name"], lang, default_lang))
        rows.append(f"| {name} | {md(format_amount(fee['amount'], lang, default_lang))}{_cite([fee['source']])} |")
    return "\n".join(rows) + "\n"


def expand_values(markdown: str, lang: str, default_lang: str) -> str:
    """`{{ fees }}`, `{{ fee ID }}` and `{{ phone ID }}` become text with their citation markers."""
    if FEES_MARKER in markdown:
        markdown = markdown.replace(FEES_MARKER, fees_markdown(lang, default_lang))

    def value(match: re.Match) -> str:
        kind, key = match.groups()
        return (fee_text if kind == "fee" else hotlines.phone_markdown)(key, lang, default_lang)

    return INLINE_RE.sub(value, markdown)


def number_citations(markdown: str, registry: dict[str, dict]) -> tuple[str, list[dict]]:
    """Replace `[^id]` markers (outside code) with numbered links; return the page's references in
    order of first citation. An unknown id stays as it is written (the content check names it)."""
    order: dict[str, int] = {}
    out_lines = []
    fence = None

    def link(match: re.Match) -> str:
        key = match.group(1)
        if key not in registry:
            return match.group(0)
        number = order.setdefault(key, len(order) + 1)
        # No id on the marker: a source cited twice would repeat it. data-pagefind-ignore: "[3]" is
        # no word a reader searches for, and it would clutter the excerpts of search results.
        return (f'<sup class="site-cite" data-pagefind-ignore><a href="#ref-{number}" data-ref="{number}">'
                f'[{number}]</a></sup>')

    for line in markdown.split("\n"):
        opening = FENCE_RE.match(line)
        if opening:
            fence = None if fence == opening.group(1) else (fence or opening.group(1))
            out_lines.append(line)
            continue
        out_lines.append(line if fence else CITE_RE.sub(link, line))
    references = []
    for key, number in order.items():
        entry = registry[key]
        references.append({
            "number": number,
            "id": key,
            "title": entry["title"],
            "url": entry["url"],
            "locator": entry["locator"],
            "read": entry["read"].isoformat(),
            "lang": entry["lang"],
            "quote": entry["quote"],
            "news": entry["kind"] == "news",
            "short_url": addresses.short_url(entry["url"]),
        })
    return "\n".join(out_lines), references


def references_html(references: list[dict], ui: dict[str, str]) -> str:
    """The numbered list under a page. Every value is escaped: sources are volunteer input."""
    if not references:
        return ""
    e = lambda value: html.escape(str(value), quote=True)  # noqa: E731
    items = []
    for ref in references:
        news = f' <span class="site-ref__news">{e(ui["sources.news"])}</span>' if ref["news"] else ""
        items.append(
            f'<li id="ref-{ref["number"]}" value="{ref["number"]}" class="site-ref">'
            f'<details><summary><span class="site-ref__title">{e(ref["title"])}</span>, '
            f'{e(ref["locator"])}{news}</summary>'
            f'<blockquote lang="{e(ref["lang"])}">{e(ref["quote"])}</blockquote>'
            f'<p class="site-ref__meta"><a href="{e(ref["url"])}" rel="noopener" class="site-ref__url">'
            f'{e(ref["short_url"])}</a> · {e(ui["sources.read"])} '
            f'<time datetime="{e(ref["read"])}">{e(ref["read"])}</time></p></details></li>')
    return f'<ol class="site-refs">{"".join(items)}</ol>'


def references_short_html(references: list[dict], ui: dict[str, str]) -> str:
    """The same references as one short line per address (its numbers, the address, the news label):
    what a one-sheet printout of a self-help tool's page has room for (overrides/partials/
    page-sources.html). The passages are one scan of the printout's QR code away."""
    if not references:
        return ""
    e = lambda value: html.escape(str(value), quote=True)  # noqa: E731
    by_address: dict[str, list[dict]] = {}
    for ref in references:
        by_address.setdefault(ref["short_url"], []).append(ref)
    items = []
    for address, refs in by_address.items():
        numbers = ", ".join(str(r["number"]) for r in refs)
        news = f' <span class="site-ref__news">{e(ui["sources.news"])}</span>' if any(r["news"] for r in refs) else ""
        items.append(f"<li><b>{numbers}.</b> {e(address)}{news}</li>")
    return f'<ul class="site-refs-short" hidden>{"".join(items)}</ul>'
