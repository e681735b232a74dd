"""Ready-to-print PDF leaflets, built with the site.

Every page whose front matter says `leaflet: true` gets a PDF next to its HTML, in the page's
language: `prosedur/m-paspor/leaflet-m-paspor-id.pdf`, `en/prosedur/m-paspor/leaflet-m-paspor-en.pdf`.
The page offers it through overrides/partials/leaflet-link.html.

How: while pages render, `page_context` notes each leaflet page of the language being built; at the
end of that language's build (`on_post_build`, once per language with static-i18n) `build` takes the
`<article>` of each built page (title, notices, content, sources and the print-only footer with the
address, QR code, hotlines, review date and disclaimer) and renders it with WeasyPrint and the small
stylesheet assets/stylesheets/leaflet.css. Only the article: WeasyPrint on the whole themed Material
page dropped most of the text (stack-notes), and the navigation has no place on paper.

Nothing is fetched from the network: the URL fetcher refuses everything but files inside the built
site and data: URLs. A leaflet longer than two A4 pages is a build warning (so `--strict` fails).
Links between pages become the page's public address (build_mode.public_url), or plain text when the
site has none: WeasyPrint would otherwise write the build folder's file:// path into the PDF, a
machine-local address that also made two builds differ. `mkdocs serve` makes no leaflets.
Rendered PDFs are cached in .cache/leaflets/ by a hash of their input, so a rebuild (mkdocs serve)
only renders leaflets whose page changed.
"""

from __future__ import annotations

import hashlib
import html
import logging
import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

from sitegen import ROOT
from sitegen.models import page_meta

# Runs under `mkdocs serve` too? (sitegen/hooks.py asks.)
# PDFs take seconds each; a volunteer checks them with `mkdocs build`.
RUNS_UNDER_SERVE = False

log = logging.getLogger("mkdocs.hooks.leaflets")

CACHE = ROOT / ".cache" / "leaflets"
STYLESHEET = "assets/stylesheets/leaflet.css"  # in the built site, copied there from overrides/
MAX_PAGES = 2
CACHE_KEEP = 200  # a few full builds (11 leaflets x 3 languages each)
_ARTICLE_RE = re.compile(r"<article\b[^>]*>(?P<body>.*?)</article>", re.S)
_CLOSED_DETAILS_RE = re.compile(r"<details\b(?![^>]*\bopen\b)", re.I)
_H1_RE = re.compile(r"<h1\b.*?</h1>", re.S | re.I)
_SRC_RE = re.compile(r"""\b(?:src|poster)\s*=\s*["']([^"']+)["']""", re.I)
_LINK_RE = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<body>.*?)</a>", re.S | re.I)
_HREF_RE = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_ID_RE = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""", re.I)
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass(frozen=True)
class Leaflet:
    page_file: Path  # the built HTML page
    page_url: str  # its site path, e.g. `en/prosedur/m-paspor/`
    pdf: Path
    title: str
    html_lang: str
    reviewed: str


def file_name(page_url: str, lang: str) -> str:
    """`prosedur/m-paspor/` in `en` -> `leaflet-m-paspor-en.pdf`: the name says what and which
    language once it sits in a phone's Downloads folder."""
    slug = posixpath.basename(page_url.rstrip("/")).removesuffix(".html") or "index"
    return f"leaflet-{slug}-{lang}.pdf"


def too_long(pdf_path: str, pages: int) -> str | None:
    """The build warning for a leaflet of `pages` A4 pages (`--strict` fails on it), or None when it
    fits on MAX_PAGES pages: a leaflet is handed out on one sheet printed on both sides."""
    if pages <= MAX_PAGES:
        return None
    return (f"Leaflet {pdf_path} jadi {pages} halaman A4; paling banyak {MAX_PAGES}. Persingkat halamannya, "
            "atau hapus `leaflet: true` dari metadata halaman itu.")


def page_leaflet(page, config, lang: str) -> Leaflet | None:
    """The leaflet of a page that asks for one (front matter `leaflet: true`), for this language's
    `build`; its PDF sits in the page's own folder, so `pdf.name` links it from the page."""
    if not page.meta.get("leaflet"):
        return None
    name = file_name(page.url, lang)
    page_file = Path(page.file.abs_dest_path)
    pdf = page_file.parent / name
    reviewed = page.meta.get("reviewed")
    # A fallback page (not translated yet) is Indonesian text: the PDF says so to readers' tools.
    text_lang = getattr(page.file, "locale", None) or lang
    return Leaflet(
        page_file=page_file,
        page_url=page.url,
        pdf=pdf,
        title=page_meta.plain(page.title),  # escaped front matter; leaflet_html escapes it itself
        html_lang=config.extra.get("hreflang", {}).get(text_lang, text_lang),
        reviewed=str(reviewed) if reviewed else "",
    )


def absolute_links(body: str, page_address: str | None) -> str:
    """Links of a leaflet that a PDF can keep: web, phone and e-mail addresses as they are, a jump
    to a part of the leaflet itself, and a link to another page of the site as its public address
    (`page_address` is this page's). Without a public address such a link is plain text."""
    ids = set(_ID_RE.findall(body))

    def rewrite(match: re.Match) -> str:
        href = _HREF_RE.search(match["attrs"])
        if not href:
            return match.group(0)
        url = html.unescape(href[1] if href[1] is not None else href[2])
        if _SCHEME_RE.match(url) or (url.startswith("#") and url[1:] in ids):
            return match.group(0)
        if page_address and not url.startswith("#"):
            absolute = html.escape(urljoin(page_address, url), quote=True)
            return f'<a{match["attrs"][:href.start()]} href="{absolute}"{match["attrs"][href.end():]}>{match["body"]}</a>'
        return match["body"]

    return _LINK_RE.sub(rewrite, body)


def leaflet_html(page_html: str, leaflet: Leaflet, stylesheet_url: str, page_address: str | None = None) -> str:
    """A small document: the page's article (everything the reader needs, nothing of the site's
    chrome), collapsed blocks opened, links made absolute or plain, and the leaflet stylesheet."""
    article = _ARTICLE_RE.search(page_html)
    if not article:
        raise ValueError(f"{leaflet.page_file}: no <article> in the built page")
    body = absolute_links(_CLOSED_DETAILS_RE.sub("<details open", article["body"]), page_address)
    # A leaflet starts with its title, whatever stands above it on the page.
    title = _H1_RE.search(body)
    if title:
        body = title.group(0) + body[:title.start()] + body[title.end():]
    meta = f'<meta name="dcterms.modified" content="{html.escape(leaflet.reviewed)}">' if leaflet.reviewed else ""
    return (
        f'<!doctype html><html lang="{html.escape(leaflet.html_lang)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(leaflet.title)}</title>{meta}"
        f'<link rel="stylesheet" href="{html.escape(stylesheet_url)}"></head>'
        f'<body><article class="md-typeset leaflet">{body}</article></body></html>'
    )


def _offline_fetcher(site_dir: Path):
    """WeasyPrint's fetcher limited to files inside the built site and data: URLs."""
    from weasyprint import URLFetcher

    root = site_dir.resolve()

    class OfflineFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = urlsplit(url).scheme.lower()
            if scheme == "file":
                path = Path(url2pathname(urlsplit(url).path)).resolve()
                if not path.is_relative_to(root):
                    raise ValueError(f"outside the built site: {url}")
            elif scheme != "data":
                log.warning(f"Leaflet: {url} tidak diambil (leaflet dibuat tanpa internet). "
                            "Simpan berkasnya di repositori ini dan tautkan dari sana.")
                raise ValueError(f"no network while building leaflets: {url}")
            return super().fetch(url, headers)

    return OfflineFetcher(allowed_protocols=("file", "data"), timeout=1)


def render(document_html: str, base_url: str, site_dir: Path) -> tuple[bytes, int]:
    """The PDF of one leaflet document, and its page count."""
    from weasyprint import HTML

    document = HTML(string=document_html, base_url=base_url,
                    url_fetcher=_offline_fetcher(site_dir)).render()
    # Subsetted fonts (WeasyPrint's default) keep a leaflet far below the 300 KB aim.
    return document.write_pdf(), len(document.pages)


def _cache_key(leaflet: Leaflet, page_html: str, stylesheet: bytes, page_address: str | None = None) -> str:
    """What the PDF depends on: WeasyPrint's version, the stylesheet, the document (with the
    stylesheet named relatively, so the key does not depend on where the site is built) and the
    bytes of every local file it embeds (images)."""
    document = leaflet_html(page_html, leaflet, "leaflet.css", page_address)
    parts = [stylesheet, document.encode("utf-8")]
    for src in sorted(set(_SRC_RE.findall(document))):
        target = leaflet.page_file.parent / html.unescape(src).split("#")[0].split("?")[0]
        if not re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I) and target.is_file():
            parts.append(target.read_bytes())
    return cache_key(*parts)


def _store(cached: Path, pdf: bytes, pages_file: Path, pages: int) -> None:
    """Keep a rendered PDF for the next build; the cache keeps the newest CACHE_KEEP entries."""
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pdf)
        pages_file.write_text(str(pages))
        entries = sorted(CACHE.glob("*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[CACHE_KEEP:]:
            old.unlink(missing_ok=True)
            old.with_suffix(".pages").unlink(missing_ok=True)
    except OSError:  # a read-only checkout still builds, only without the cache
        pass


def cache_key(*parts: bytes) -> str:
    """A cache key from everything a PDF depends on (WeasyPrint's version is always part of it)."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for part in (version("weasyprint").encode(), *parts):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def render_cached(key: str, document_html: str, base_url: str, site_dir: Path, pdf_path: Path) -> int:
    """Write the PDF of `document_html` to `pdf_path`, from .cache/leaflets/ when `key` was rendered
    before (a rebuild renders only what changed). Returns its page count. Also used by the printable
    notices of "Kabar terbaru" (scripts/sitegen/pages/whats_new.py)."""
    cached = CACHE / f"{key}.pdf"
    pages_file = CACHE / f"{key}.pages"
    if cached.exists() and pages_file.exists():
        shutil.copyfile(cached, pdf_path)
        return int(pages_file.read_text())
    pdf, pages = render(document_html, base_url, site_dir)
    pdf_path.write_bytes(pdf)
    _store(cached, pdf, pages_file, pages)
    return pages


def build(site_dir: str | Path, lang: str, pending: list[Leaflet], public_url: str | None = None) -> list[Path]:
    """Render the leaflets of `lang` that its pages asked for in this build. Returns the PDFs written."""
    if not pending:
        return []
    site_dir = Path(site_dir)
    stylesheet_file = site_dir / STYLESHEET
    stylesheet = stylesheet_file.read_bytes()
    written = []
    for leaflet in pending:
        page_html = leaflet.page_file.read_text(encoding="utf-8")
        page_address = public_url + leaflet.page_url if public_url else None
        document_html = leaflet_html(page_html, leaflet, stylesheet_file.resolve().as_uri(), page_address)
        pages = render_cached(_cache_key(leaflet, page_html, stylesheet, page_address), document_html,
                              leaflet.page_file.resolve().as_uri(), site_dir, leaflet.pdf)
        problem = too_long(leaflet.pdf.relative_to(site_dir).as_posix(), pages)
        if problem:
            log.warning(problem)
        written.append(leaflet.pdf)
    log.info(f"Leaflet PDF ({lang}): {len(written)}")
    return written
