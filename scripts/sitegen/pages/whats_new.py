""""Kabar terbaru" (what's new): the entries, their page, the home page's short list, the Atom feed
and the printable A5 notices, in every language.

Entries come from two places, both read at build time so that the same commit always builds the same
page and feed (no clock, no git history):
- data/whats-new.yml: announcements written by volunteers (schema and check:
  sitegen/models/data_files.py, WHATS_NEW), each citing an official source;
- automatic ones, derived from data already in the repository: pages whose front-matter `reviewed`
  date is the same day (one entry per day), and fees of data/fees.yml whose source was read that day
  (a new fee needs a new source passage, read on the day it changes).

The page docs/<lang>/kabar-terbaru.md holds `{{ whats_new }}`; the home page holds
`{{ whats_new_latest }}`. With a public address (scripts/sitegen/config/site_address.py) each language also gets
`kabar-terbaru/feed.xml`, linked from every page's head and from the page; without one there is no
feed. Each announcement of the data file prints as an A5 notice (`kabar-terbaru/pengumuman-ID-LANG.pdf`),
rendered offline by WeasyPrint through scripts/sitegen/postbuild/leaflets.py, with a QR code to the entry.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date

from sitegen import ROOT
from sitegen.config import site_address
from sitegen.models import data_files, site_data
from sitegen.models.content import Page as ContentPage
from sitegen.pages import citations
from sitegen.pages.directory_pages import babel_locale
from sitegen.postbuild import leaflets
from sitegen.transforms import print_footer

log = logging.getLogger("mkdocs.hooks.whats_new")
PAGE = "kabar-terbaru.md"  # docs/<lang>/PAGE, the page of every language
PAGE_MARKER = "{{ whats_new }}"
LATEST_MARKER = "{{ whats_new_latest }}"
LATEST_COUNT = 3
FEED_NAME = "feed.xml"  # next to the page: kabar-terbaru/feed.xml
NOTICE_STYLESHEET = "assets/stylesheets/notice.css"  # in the built site, copied there from overrides/
ATOM = "http://www.w3.org/2005/Atom"
LAMPUNG_TIME = dt.timezone(dt.timedelta(hours=7), "WIB")  # an entry's day is a day in Lampung
KIND_ORDER = {"news": 0, "fees": 1, "reviewed": 2}  # on one day: announcements first


@dataclass(frozen=True)
class Entry:
    id: str  # its anchor on the page: kabar-terbaru/#id
    date: dt.date
    kind: str  # "news" (data/whats-new.yml), "fees" or "reviewed" (automatic)
    title: str  # plain text in the entry's language
    summary: str
    pages: tuple[str, ...]  # Markdown paths as in mkdocs.yml nav: prosedur/biaya-paspor.md
    sources: tuple[str, ...]  # ids in data/sources/*.yml
    fees: tuple[str, ...] = ()  # fee ids, for "fees" entries
    position: int = 0  # in data/whats-new.yml: on one day, the file's order

    @property
    def printable(self) -> bool:
        return self.kind == "news"


def site_path(rel: str) -> str:
    """`prosedur/biaya-paspor.md` -> `prosedur/biaya-paspor/`; `index.md` -> `` (directory URLs)."""
    stem = rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def page_dir(lang: str, default: str) -> str:
    """The what's-new page's site path in one language: `kabar-terbaru/`, `en/kabar-terbaru/`."""
    return ("" if lang == default else f"{lang}/") + site_path(PAGE)


def notice_name(entry_id: str, lang: str) -> str:
    return f"pengumuman-{entry_id}-{lang}.pdf"


def _fill(template: str, **values) -> str:
    for key, value in values.items():  # str.replace: a stray brace from a translator cannot break it
        template = template.replace("{" + key + "}", str(value))
    return template


def date_text(day: dt.date, lang: str, default: str) -> str:
    return format_date(day, "long", locale=babel_locale(lang, default))


def page_title(rel: str, lang: str, default: str, root: Path = ROOT) -> str:
    """A page's title in `lang` (Indonesian when it is not translated)."""
    for code in (lang, default):
        page = ContentPage.read(root, code, rel)
        if page is not None and isinstance(page.meta, dict) and isinstance(page.meta.get("title"), str):
            return page.meta["title"]
    return rel


def _languages(root: Path) -> list[str]:
    return list(site_data.languages(root))


def _news(lang: str, root: Path) -> list[Entry]:
    return [Entry(id=e["id"], date=e["date"], kind="news", title=e["title"][lang], summary=e["summary"][lang],
                  pages=tuple(e["pages"]), sources=(e["source"],), position=position)
            for position, e in enumerate(data_files.load_valid(root, "whats-new.yml", _languages(root)))]


def _reviewed(lang: str, default: str, root: Path) -> list[Entry]:
    """One entry per `reviewed` day: the pages (of this language, or their original when not translated)
    checked again that day."""
    ui = site_data.ui_strings(lang, default)
    by_day: dict[dt.date, list[str]] = {}
    originals = root / "docs" / default
    for path in sorted(originals.rglob("*.md")):
        rel = path.relative_to(originals).as_posix()
        page = ContentPage.read(root, lang, rel) or ContentPage.read(root, default, rel)
        reviewed = page.meta.get("reviewed") if isinstance(page.meta, dict) else None
        if isinstance(reviewed, dt.date) and not isinstance(reviewed, dt.datetime):
            by_day.setdefault(reviewed, []).append(rel)
    return [Entry(id=f"diperiksa-{day.isoformat()}", date=day, kind="reviewed",
                  title=_fill(ui["whats_new.reviewed.title"], count=len(rels)),
                  summary=_fill(ui["whats_new.reviewed.summary"], count=len(rels), date=date_text(day, lang, default)),
                  pages=tuple(rels), sources=())
            for day, rels in by_day.items()]


def _fees(lang: str, default: str, root: Path) -> list[Entry]:
    """One entry per day on which the sources of fees were read: the fees, as the site shows them."""
    ui = site_data.ui_strings(lang, default)
    languages = _languages(root)
    registry = data_files.sources(root, languages)
    by_day: dict[dt.date, list[dict]] = {}
    for fee in data_files.load_valid(root, "fees.yml", languages):
        source = registry.get(fee["source"])
        if source is not None:
            by_day.setdefault(source["read"], []).append(fee)
    originals = root / "docs" / default
    fee_pages = tuple(p.relative_to(originals).as_posix() for p in sorted(originals.rglob("*.md"))
                      if citations.FEES_MARKER in p.read_text(encoding="utf-8"))
    return [Entry(id=f"tarif-{day.isoformat()}", date=day, kind="fees",
                  title=_fill(ui["whats_new.fees.title"], count=len(fees)),
                  summary=_fill(ui["whats_new.fees.summary"], count=len(fees), date=date_text(day, lang, default)),
                  pages=fee_pages, sources=tuple(dict.fromkeys(f["source"] for f in fees)),
                  fees=tuple(f["id"] for f in fees))
            for day, fees in by_day.items()]


def entries(lang: str, default: str, root: Path = ROOT) -> list[Entry]:
    """Every entry in one language, newest first."""
    found = _news(lang, root) + _fees(lang, default, root) + _reviewed(lang, default, root)
    return sorted(found, key=lambda e: (-e.date.toordinal(), KIND_ORDER[e.kind], e.position, e.id))


# --- the page and the home page's list -------------------------------------------------------------


def _link_to_page(rel: str, lang: str, default: str, from_dir: str) -> str:
    """A Markdown link to a page, relative to the Markdown file in `from_dir` (MkDocs checks it)."""
    target = posixpath.relpath(rel, from_dir or ".")
    return f"[{site_data.markdown_text(page_title(rel, lang, default))}]({target})"


def page_markdown(lang: str, default: str, site_url: str | None, root: Path = ROOT) -> str:
    """The entries as Markdown for docs/<lang>/kabar-terbaru.md."""
    ui = site_data.ui_strings(lang, default)
    md = site_data.markdown_text
    here = posixpath.dirname(PAGE)
    out = []
    if site_address.public_base(site_url):
        # Raw HTML: MkDocs would report a Markdown link to a file it does not know (feed.xml).
        out.append(f'<p><a class="site-feed-link" href="{FEED_NAME}">{html.escape(ui["whats_new.feed"])}</a></p>\n')
    for entry in entries(lang, default, root):
        out.append(f"## {md(entry.title)} {{#{entry.id}}}\n")
        out.append(f'<time datetime="{entry.date.isoformat()}">{html.escape(date_text(entry.date, lang, default))}</time>\n')
        cite = "".join(f"[^{key}]" for key in entry.sources if entry.kind == "news")
        out.append(md(entry.summary) + cite + "\n")
        if entry.fees:
            fees = {f["id"]: f for f in site_data.valid_entries("fees.yml", root)}
            out.append("\n".join(f"- {md(site_data.localized(fees[key]['name'], lang, default))}: "
                                 f"{citations.fee_text(key, lang, default)}" for key in entry.fees) + "\n")
        links = [_link_to_page(rel, lang, default, here) for rel in entry.pages]
        if entry.kind == "reviewed":  # dozens of pages: folded
            out.append(f'??? note "{md(ui["whats_new.pages"])}"\n' + "".join(f"    - {link}\n" for link in links))
        else:
            out.append(f"{md(ui['whats_new.pages'])}: " + ", ".join(links) + "\n")
        if entry.printable:
            out.append(f'<a class="site-notice-link" href="{notice_name(entry.id, lang)}">'
                       f'{html.escape(ui["whats_new.notice.download"])}</a>\n')
    return "\n".join(out)


def latest_markdown(lang: str, default: str, root: Path = ROOT) -> str:
    """The newest entries as a short list for the home page (docs/<lang>/index.md)."""
    ui = site_data.ui_strings(lang, default)
    md = site_data.markdown_text
    lines = [f"- {md(date_text(e.date, lang, default))}: [{md(e.title)}]({PAGE}#{e.id})"
             for e in entries(lang, default, root)[:LATEST_COUNT]]
    return "\n".join(lines) + f"\n\n[{md(ui['whats_new.all'])}]({PAGE})\n"


# --- the Atom feed ---------------------------------------------------------------------------------


def feed_url(site_url: str | None, lang: str, default: str) -> str | None:
    """The feed's public address, or None: no public address, no feed."""
    return site_address.absolute(site_url, page_dir(lang, default) + FEED_NAME)


def feed_title(lang: str, default: str, site_name: str) -> str:
    return f"{site_data.ui_strings(lang, default)['whats_new.title']} · {site_name}"


def _timestamp(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(), LAMPUNG_TIME).isoformat()


def feed_xml(lang: str, default: str, site_url: str, site_name: str, html_lang: str, root: Path = ROOT) -> bytes:
    """An Atom 1.0 document (RFC 4287) of every entry; links absolute. Deterministic: the same data gives
    the same bytes (`updated` is the newest entry's day, never the build time)."""
    found = entries(lang, default, root)
    page = site_address.absolute(site_url, page_dir(lang, default))
    lang_root = site_address.absolute(site_url, "" if lang == default else f"{lang}/")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": html_lang})

    def sub(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    sub(feed, "title", feed_title(lang, default, site_name))
    sub(feed, "id", page)
    sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url(site_url, lang, default))
    sub(feed, "link", rel="alternate", type="text/html", href=page)
    sub(feed, "updated", _timestamp(found[0].date if found else dt.date(2026, 12, 1)))
    author = sub(feed, "author")
    sub(author, "name", site_name)
    sub(author, "uri", lang_root)
    registry = data_files.sources(root, _languages(root))
    fees = {f["id"]: f for f in data_files.load_valid(root, "fees.yml", _languages(root))}
    ui = site_data.ui_strings(lang, default)
    for entry in found:
        item = sub(feed, "entry")
        sub(item, "title", entry.title)
        sub(item, "id", f"{page}#{entry.id}")
        sub(item, "link", rel="alternate", type="text/html", href=f"{page}#{entry.id}")
        for rel in entry.pages:
            sub(item, "link", rel="related", type="text/html",
                href=site_address.absolute(site_url, ("" if lang == default else f"{lang}/") + site_path(rel)),
                title=page_title(rel, lang, default, root))
        if entry.printable:
            sub(item, "link", rel="enclosure", type="application/pdf",
                href=site_address.absolute(site_url, page_dir(lang, default) + notice_name(entry.id, lang)))
        sub(item, "published", _timestamp(entry.date))
        sub(item, "updated", _timestamp(entry.date))
        summary = entry.summary
        if entry.fees:
            summary += " " + "; ".join(
                f"{site_data.localized(fees[key]['name'], lang, default)}: "
                f"{citations.format_amount(fees[key]['amount'], lang, default)}" for key in entry.fees) + "."
        if entry.kind == "news" and entry.sources and entry.sources[0] in registry:
            summary += f" ({ui['sources.title']}: {registry[entry.sources[0]]['title']})"
        sub(item, "summary", summary, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


# --- printable notices -----------------------------------------------------------------------------


def notice_html(entry: Entry, lang: str, default: str, site_name: str, html_lang: str, address: str | None,
                stylesheet_url: str, root: Path = ROOT) -> str:
    """An A5 notice for a notice board: the announcement in large type, the pages it concerns, its
    source, and a QR code to the entry when the site has a public address."""
    ui = site_data.ui_strings(lang, default)
    e = html.escape
    source = data_files.sources(root, _languages(root)).get(entry.sources[0]) if entry.sources else None
    pages = "".join(f"<li>{e(page_title(rel, lang, default, root))}</li>" for rel in entry.pages)
    qr = ""
    if address:
        qr = (f'<div class="notice-qr">{print_footer.qr_svg(address)}'
              f'<p>{e(ui["whats_new.notice.scan"])}<br><span class="notice-url">{e(address)}</span></p></div>')
    cited = (f'<p class="notice-source">{e(ui["sources.title"])}: {e(source["title"])}, {e(source["locator"])}</p>'
             if source else "")
    return (
        f'<!doctype html><html lang="{e(html_lang)}"><head><meta charset="utf-8"><title>{e(entry.title)}</title>'
        f'<link rel="stylesheet" href="{e(stylesheet_url)}"></head><body><article class="notice">'
        f'<p class="notice-site">{e(site_name)}</p>'
        f'<p class="notice-label">{e(ui["whats_new.notice.label"])} · {e(date_text(entry.date, lang, default))}</p>'
        f"<h1>{e(entry.title)}</h1><p class=\"notice-summary\">{e(entry.summary)}</p>"
        f'<p class="notice-pages-title">{e(ui["whats_new.pages"])}:</p><ul class="notice-pages">{pages}</ul>'
        f"{cited}{qr}"
        f'<p class="notice-disclaimer">{e(ui["disclaimer"])}</p></article></body></html>'
    )


def build(site_dir: str | Path, lang: str, default: str, site_url: str | None, site_name: str,
          html_lang: str, root: Path = ROOT) -> list[Path]:
    """After a language's pages are written: its feed (only with a public address) and its notices.
    Returns the files written."""
    site_dir = Path(site_dir)
    folder = site_dir / page_dir(lang, default)
    if not folder.is_dir():
        return []  # the page is not in this build (a test project without it)
    written = []
    feed = feed_url(site_url, lang, default)
    if feed:
        (folder / FEED_NAME).write_bytes(feed_xml(lang, default, site_url, site_name, html_lang, root))
        written.append(folder / FEED_NAME)
    stylesheet = site_dir / NOTICE_STYLESHEET
    for entry in entries(lang, default, root):
        if not entry.printable:
            continue
        address = site_address.absolute(site_url, page_dir(lang, default) + f"#{entry.id}")
        document = notice_html(entry, lang, default, site_name, html_lang, address,
                               stylesheet.resolve().as_uri(), root)
        key = leaflets.cache_key(stylesheet.read_bytes(), notice_html(
            entry, lang, default, site_name, html_lang, address, "notice.css", root).encode("utf-8"))
        pdf = folder / notice_name(entry.id, lang)
        if leaflets.render_cached(key, document, folder.resolve().as_uri(), site_dir, pdf) > 1:
            log.warning(f"Pengumuman {pdf.relative_to(site_dir)} lebih dari satu halaman A5: persingkat "
                        f"`summary` kabar `{entry.id}` di data/whats-new.yml.")
        written.append(pdf)
    return written
