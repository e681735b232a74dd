"""What a page's article may contain: the one allow-list of HTML tags, attributes and addresses.

Two readers, one policy: the sanitizer (scripts/sitegen/transforms/html_sanitizer.py) rebuilds every rendered article
from it with nh3, and the html_safety content rule (scripts/sitegen/checks/html_safety.py) reports the
same things in the Markdown source with file and line. Everything listed is produced by the site's own
Markdown extensions (mkdocs.yml) or build steps (named beside each entry); a new feature that needs
more adds it here, and tests/test_html_policy.py builds every feature to prove nothing is missing.
An attribute that starts with `on`, a `style`, a `srcdoc`, a form or an embedded object is absent on
purpose: nothing here can run code, submit anything or load another site.
"""

from __future__ import annotations

import re

from sitegen.models.video_sources import ATTRIBUTES as VIDEO_EMBED_ATTRIBUTES  # noqa: F401  (read by checks/html_safety)

# Every tag: attr_list `{#id}` and toc give any element an anchor for links.
GLOBAL_ATTRIBUTES = frozenset({"id"})

# Tag -> its attributes besides GLOBAL_ATTRIBUTES.
TAGS: dict[str, frozenset[str]] = {tag: frozenset(attrs) for tag, attrs in {
    # Python-Markdown: paragraphs, headings, emphasis, lists, quotes, code, rules, links, images.
    "p": {"class", "data-agenda-empty"},  # admonition titles, directory entries, refused videos
    "h1": set(), "h2": set(), "h3": set(), "h4": set(), "h5": set(), "h6": set(),
    "em": set(), "strong": {"class"}, "br": set(), "hr": set(), "blockquote": set(),
    "ul": {"class"}, "ol": set(), "li": {"class"},
    "code": set(), "pre": set(),
    "a": {"href", "title", "class", "rel", "download", "type",
          # citations.py, print_links.py, video_embed.py (YouTube facade), directory_pages.py
          "data-ref", "data-print-url", "data-youtube", "data-start", "data-label", "data-title",
          "data-site-calendar"},
    "img": {"src", "alt", "title", "class",
            # image_pipeline.py: phone-sized variants, lazy below the fold
            "srcset", "sizes", "width", "height", "loading", "decoding"},
    # abbr (glossary tooltips), def_list, tables (align: mkdocs.yml sets use_align_attribute)
    "abbr": {"title"},
    "dl": set(), "dt": set(), "dd": set(),
    "table": set(), "thead": set(), "tbody": set(), "tr": set(), "th": {"align"}, "td": {"align"},
    # admonition, pymdownx.details, pymdownx.superfences (div.highlight, spans of highlighted code)
    "div": {"class",
            # directory_pages.py: offices, events, partners
            "data-entry", "data-verified", "data-event", "data-partner", "data-relation"},
    "details": {"class", "open"}, "summary": set(),
    "span": {"class", "aria-hidden"},
    # citations.py: [^id] markers, kept out of search excerpts
    "sup": {"class", "data-pagefind-ignore"},
    # pymdownx.emoji with Material's bundled icons (`:material-passport:`): a shape, nothing that links,
    # loads or runs
    "svg": {"xmlns", "viewBox"}, "path": {"d"},
    # directory_pages.py: agenda dates
    "time": {"datetime"},
    # video_embed.py: players with poster and captions
    "figure": {"class", "data-video"}, "figcaption": {"class"},
    "video": {"class", "controls", "preload", "playsinline", "width", "height", "poster"},
    "source": {"src", "type"},
    "track": {"kind", "src", "srclang", "label", "default"},
}.items()}

# (tag, attribute) -> the only values it may have.
VALUES: dict[tuple[str, str], frozenset[str]] = {key: frozenset(values) for key, values in {
    ("th", "align"): {"left", "center", "right"},
    ("td", "align"): {"left", "center", "right"},
    ("a", "rel"): {"noopener"},
    ("a", "type"): {"text/calendar"},
    ("img", "loading"): {"lazy"},
    ("img", "decoding"): {"async"},
    ("span", "aria-hidden"): {"true"},
    ("figure", "data-video"): {"youtube", "file"},
    ("div", "data-verified"): {"true", "false"},
    ("video", "preload"): {"none"},
    ("source", "type"): {"video/mp4", "video/webm"},
    ("track", "kind"): {"captions"},
}.items()}

# Links may leave the site (a reader's tap); these schemes open a secure page, mail, the phone or a map.
LINK_SCHEMES = frozenset({"https", "mailto", "tel", "geo"})
LINK_ATTRIBUTES = frozenset({("a", "href")})
# What the browser fetches by itself on page load: only files of this site (relative addresses).
RESOURCE_ATTRIBUTES = frozenset({("img", "src"), ("img", "srcset"), ("video", "poster"), ("source", "src"),
                                 ("track", "src")})

# What authors may write in an attribute list `{ }` after Markdown: an anchor (`{#id}`), and on a
# video embed VIDEO_EMBED_ATTRIBUTES (the transcript's address; video_embed.py consumes it).
AUTHOR_ATTRIBUTES = frozenset({"id"})

# Removed with their content (ammonia's default): their text is code, not prose.
CONTENT_DROPPING_TAGS = frozenset({"script", "style"})

_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop ASCII tab and newlines anywhere in an address and C0 controls and spaces around it
# (WHATWG URL), so `java\tscript:` and ` javascript:` are javascript: to them.
_URL_NOISE_RE = re.compile(r"[\t\n\r]")
_URL_EDGES = "".join(chr(c) for c in range(0x21))
# One srcset candidate: an address without scheme or comma, then a width or density.
_SRCSET_RE = re.compile(r"^\s*[^\s,:\\]+\s+\d+(?:\.\d+)?[wx]\s*(?:,\s*[^\s,:\\]+\s+\d+(?:\.\d+)?[wx]\s*)*$")


def attributes(tag: str) -> frozenset[str]:
    """Every attribute `tag` may carry (empty when the tag is not allowed)."""
    return TAGS[tag] | GLOBAL_ATTRIBUTES if tag in TAGS else frozenset()


def browser_url(value: str) -> str:
    """An address (entities already decoded) as a browser resolves it: tabs and newlines removed,
    controls and spaces trimmed."""
    return _URL_NOISE_RE.sub("", value).strip(_URL_EDGES)


def scheme(url: str) -> str | None:
    """The lower-case scheme of an address as a browser reads it, or None for a relative address."""
    match = _SCHEME_RE.match(browser_url(url))
    return match.group(1).lower() if match else None


def url_problem(tag: str, attribute: str, value: str) -> str | None:
    """Why a (decoded) address may not stand in `attribute` of `tag` (plain Indonesian), or None."""
    key = (tag, attribute)
    url = browser_url(value)
    if key in LINK_ATTRIBUTES:
        found = scheme(url)
        if found == "http":
            return "alamat `http:` tidak aman; ganti dengan https://"
        if found is not None and found not in LINK_SCHEMES:
            return (f"alamat `{found}:` tidak diizinkan; tautan boleh memakai "
                    f"{', '.join(s + ':' for s in sorted(LINK_SCHEMES))} atau alamat relatif")
        return None
    if key in RESOURCE_ATTRIBUTES:
        if key == ("img", "srcset"):
            return None if _SRCSET_RE.match(url) else "daftar gambar `srcset` harus berisi file situs ini saja"
        if scheme(url) is not None or url.startswith("//") or "\\" in url:
            return ("gambar, video dan takarir harus file di situs ini (alamat relatif, misalnya "
                    "`gambar/antrean.png`), supaya halaman tidak memuat situs lain")
        return None
    return None


def value_problem(tag: str, attribute: str, value: str) -> str | None:
    """Why `value` may not stand in an allowed attribute (plain Indonesian), or None."""
    allowed = VALUES.get((tag, attribute))
    if allowed is not None and value not in allowed:
        return f"nilai `{value}` tidak diizinkan; yang boleh: {', '.join(sorted(allowed))}"
    return url_problem(tag, attribute, value)

