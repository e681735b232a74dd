"""The one sanitizer of every page's article, after Markdown and every build step (mkdocs_hooks.py).

nh3 (ammonia, with html5ever: it parses as browsers do) rebuilds the HTML from the allow-list in
scripts/sitegen/transforms/html_policy.py, so whatever the Markdown was, only listed tags, attributes and addresses reach
readers: no guessing which spellings of a bad thing exist. What it had to remove is reported (the
build turns each report into an error that fails `mkdocs build --strict`, naming the file and, where
it is found in the source, the line). To know what was removed, the input and the output are both
parsed with tinyhtml5, also a parser of the HTML standard, and compared.
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from dataclasses import dataclass

import nh3
from tinyhtml5.parser import HTMLParser

from sitegen.transforms import html_policy


@dataclass(frozen=True)
class Removal:
    """One thing the sanitizer removed: a tag, or an attribute (with its value) of a kept tag."""

    tag: str
    attribute: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        if self.attribute is None:
            return f"tag `<{self.tag}>`"
        reason = None
        if self.attribute in html_policy.attributes(self.tag):
            # Allowed by the policy but dropped: a value it refuses, or an address nh3 cannot parse (a space,
            # a bad host). An allowed attribute that went with its element (inside <svg>) needs no reason.
            reason = html_policy.value_problem(self.tag, self.attribute, self.value or "")
            if reason is None and self.attribute in _ADDRESS_ATTRIBUTES:
                reason = f"alamat `{(self.value or '')[:60]}` tidak bisa dibaca sebagai alamat web"
        return f"atribut `{self.attribute}` pada `<{self.tag}>`" + (f" ({reason})" if reason else "")

    def source_pattern(self) -> re.Pattern:
        """What to look for in the Markdown source to find the line it came from."""
        if self.attribute is None:
            return re.compile(r"<\s*/?\s*" + re.escape(self.tag) + r"\b", re.I)
        if self.attribute in html_policy.attributes(self.tag) and self.value:
            return re.compile(re.escape(html_policy.browser_url(self.value)[:40]), re.I)
        return re.compile(r"(?<![\w-])" + re.escape(self.attribute) + r"\s*=", re.I)


def _clean(fragment: str, kept_addresses: list[str]) -> str:
    def check(tag: str, attribute: str, value: str) -> str | None:
        # nh3 has checked tags, attribute names and link schemes; addresses of files the browser loads
        # by itself and enumerated values are checked here (html_policy), on the value as parsed.
        if html_policy.value_problem(tag, attribute, value):
            return None
        if attribute in _ADDRESS_ATTRIBUTES:
            kept_addresses.append(attribute)
        return value

    return nh3.clean(
        fragment,
        tags=set(html_policy.TAGS),
        clean_content_tags=set(html_policy.CONTENT_DROPPING_TAGS),
        attributes=_ATTRIBUTES,
        tag_attribute_values=_VALUES,
        url_schemes=set(html_policy.LINK_SCHEMES),
        attribute_filter=check,
        link_rel=None,  # our links carry the rel they need; nh3 would add one to every link
        strip_comments=True,  # notes for editors are never shown to readers
    )


# nh3 wants enumerated attributes only in tag_attribute_values, never also in attributes.
_ATTRIBUTES = {tag: set(html_policy.attributes(tag) - {a for t, a in html_policy.VALUES if t == tag})
               for tag in html_policy.TAGS}
_VALUES = {tag: {a: set(v) for (t, a), v in html_policy.VALUES.items() if t == tag}
           for tag in {t for t, _ in html_policy.VALUES}}
# Attributes whose address nh3 itself may drop (a scheme it does not know, an address it cannot parse).
_ADDRESS_ATTRIBUTES = frozenset({"href", "src", "poster"})
_ADDRESS_WORD_RE = re.compile(r"(?<![\w-])(?:href|src|poster)(?![\w-])", re.I)
# A tag name as the HTML tokenizer reads it: `<`, an ASCII letter, then anything up to a space, / or >.
_TAG_NAME_RE = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
_SCHEME_WORD_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def _nothing_removed(fragment: str, clean: str, kept_addresses: list[str]) -> bool:
    """Quick proof that the policy removed nothing: nh3 with everything in the fragment allowed gives
    the same HTML, and no address was dropped (each kept href/src/poster accounts for one occurrence
    of the word in the fragment). When this cannot prove it, the slow comparison decides."""
    if len(kept_addresses) < len(_ADDRESS_WORD_RE.findall(fragment)):
        return False
    names = set(_TAG_NAME_RE.findall(fragment))
    decoded = html_policy.browser_url(html.unescape(fragment))
    everything = nh3.clean(
        fragment,
        tags={n for name in names for n in (name, name.lower())} | set(html_policy.TAGS),
        clean_content_tags=set(),
        generic_attribute_prefixes={""},
        url_schemes={s.lower() for s in _SCHEME_WORD_RE.findall(decoded)} | set(html_policy.LINK_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    return everything == clean


def parse_elements(fragment: str) -> list[tuple[str, dict[str, str]]]:
    """Every element of a fragment as a browser's parser builds it (scripting on, like a browser)."""
    root = HTMLParser(namespace_html_elements=False).parse_fragment(fragment, container="div", scripting=True)
    out = []
    for element in root.iter():
        if element is root or not isinstance(element.tag, str):
            continue  # the container, and comments
        # Foreign elements (SVG, MathML) and their namespaced attributes (an icon's `xmlns`) come back as
        # "{namespace}name": keep the name.
        out.append((element.tag.rsplit("}", 1)[-1].lower(),
                    {name.rsplit("}", 1)[-1]: value for name, value in element.attrib.items()}))
    return out


def sanitize(fragment: str) -> tuple[str, list[Removal]]:
    """(the fragment rebuilt from the policy, what had to be removed, in document order)."""
    clean, removed = _sanitized(fragment)
    return clean, list(removed)


@functools.lru_cache(maxsize=512)
def _sanitized(fragment: str) -> tuple[str, tuple[Removal, ...]]:
    # A function of the fragment alone: under `mkdocs serve` every page that did not change gives the
    # same fragment again, and a rebuild need not sanitize it again.
    return _sanitize(fragment)


def _sanitize(fragment: str) -> tuple[str, tuple[Removal, ...]]:
    kept_addresses: list[str] = []
    clean = _clean(fragment, kept_addresses)
    if _nothing_removed(fragment, clean, kept_addresses):
        return clean, ()
    before, after = parse_elements(fragment), parse_elements(clean)
    kept_tags = Counter(tag for tag, _ in after)
    kept_attributes = Counter((tag, name, value) for tag, attrs in after for name, value in attrs.items())
    removed: list[Removal] = []
    for tag, attrs in before:
        if kept_tags[tag] > 0:
            kept_tags[tag] -= 1
        else:
            removed.append(Removal(tag))
            continue
        for name, value in attrs.items():
            key = (tag, name, value)
            if kept_attributes[key] > 0:
                kept_attributes[key] -= 1
            else:
                removed.append(Removal(tag, name, value))
    return clean, tuple(removed)


def find_line(source: str, removal: Removal) -> int:
    """The 1-based line of `source` (a Markdown file) where a removed thing is written, or 0."""
    pattern = removal.source_pattern()
    for number, line in enumerate(source.split("\n"), start=1):
        if pattern.search(line) or pattern.search(html_policy.browser_url(html.unescape(line))):
            return number
    return 0
