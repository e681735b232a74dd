"""Reading Markdown source line by line for the rules: fences, inline code, headings, links."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from sitegen.models.content import Page

FENCE_RE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([^\s}]+)[^}]*\})?\s*#*\s*$")
# [text](target "title") and ![alt](target); the target may be wrapped in <>.
LINK_RE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
REF_DEF_RE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
AUTOLINK_RE = re.compile(r"<((?:https?|ftp|mailto|javascript|data|vbscript):[^>\s]*)>", re.I)


def prose_lines(page: Page) -> Iterator[tuple[int, str]]:
    """Body lines outside fenced code blocks, with inline code blanked out (worked out once per page:
    most rules read them)."""
    if "prose_lines" not in page.derived:
        page.derived["prose_lines"] = tuple(_prose_lines(page))
    return iter(page.derived["prose_lines"])


def _prose_lines(page: Page) -> Iterator[tuple[int, str]]:
    fence = None
    for number, line in page.body_lines():
        match = FENCE_RE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
                continue
            if marker == fence:
                fence = None
                continue
        if fence is None:
            yield number, INLINE_CODE_RE.sub(lambda m: " " * len(m.group(0)), line)


def slugify(text: str) -> str:
    """Python-Markdown's default toc slug, for headings without an explicit id."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str
    explicit_id: str | None

    @property
    def anchor(self) -> str:
        return self.explicit_id or slugify(self.text)


def headings(page: Page) -> list[Heading]:
    found = []
    for number, line in prose_lines(page):
        match = HEADING_RE.match(line)
        if match:
            found.append(Heading(number, len(match.group(1)), match.group(2).strip(), match.group(3)))
    return found


def anchors(page: Page) -> set[str]:
    """Every fragment a link may point to on this page: heading ids and `{#id}` / `{ #id }` attributes."""
    ids = {h.anchor for h in headings(page)}
    ids.update(re.findall(r"\{[^}]*#([\w-]+)[^}]*\}", page.body))
    return ids


@dataclass(frozen=True)
class Link:
    line: int
    is_image: bool
    text: str
    target: str


def links(page: Page) -> list[Link]:
    found = []
    for number, line in prose_lines(page):
        for match in LINK_RE.finditer(line):
            found.append(Link(number, match.group(1) == "!", match.group(2), match.group(3)))
        ref = REF_DEF_RE.match(line)
        if ref:
            found.append(Link(number, False, ref.group(1), ref.group(2)))
        for match in AUTOLINK_RE.finditer(line):
            found.append(Link(number, False, match.group(1), match.group(1)))
    return found


# --- blocks: the units a statement lives in ---------------------------------------------------------

LIST_ITEM_RE = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+")
TABLE_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}")
ADMONITION_RE = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")
SKIPPED_LINE_RE = re.compile(r"^\s*(?:\*\[[^\]]+\]:|\{\{[^}]*\}\}\s*$|<!--|\[[^\]]+\]:\s)")
ATTR_LIST_RE = re.compile(r"\{\s*[:#.][^}]*\}")
HTML_TAG_RE = re.compile(r"<[^>]*>")


@dataclass
class Block:
    """A paragraph, list item, table row or definition: the smallest unit that states something."""

    kind: str  # paragraph, item, row, definition
    line: int  # first line
    text: str  # raw Markdown of the block, lines joined by "\n"
    group: int = 0  # list items of one list share a group; other blocks have their own
    lead: "Block | None" = None  # for a list item: the paragraph just before its list


def plain(text: str) -> str:
    """What a reader reads of a block's Markdown: link text without targets, no images, attributes,
    tags, markers or list numbers (an ordered list's "1." is not a fact)."""
    text = LIST_ITEM_RE.sub("", text, count=1)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = LINK_RE.sub(lambda m: m.group(2), text)
    text = AUTOLINK_RE.sub(" ", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"\[\^[^\]]*\]", " ", text)
    text = re.sub(r"\{\{[^}]*\}\}", " ", text)
    text = ATTR_LIST_RE.sub(" ", text)
    return HTML_TAG_RE.sub(" ", text)


def blocks(page: Page) -> list[Block]:
    """The page's statement blocks, outside code, headings and admonition titles."""
    found: list[Block] = []
    current: Block | None = None
    group = 0
    in_list = False
    last_paragraph: Block | None = None
    for number, line in prose_lines(page):
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        if HEADING_RE.match(stripped) and stripped.startswith("#"):
            current, in_list, last_paragraph = None, False, None
            continue
        if ADMONITION_RE.match(line) or SKIPPED_LINE_RE.match(line):
            current, in_list = None, False
            continue
        if stripped.startswith("|"):
            current, in_list = None, False
            if not TABLE_SEPARATOR_RE.match(stripped):
                group += 1
                found.append(Block("row", number, stripped, group))
            continue
        if LIST_ITEM_RE.match(line):
            if not in_list:
                group += 1
                in_list = True
            current = Block("item", number, stripped, group, lead=last_paragraph)
            found.append(current)
            continue
        if stripped.startswith(": "):
            group += 1
            current = Block("definition", number, stripped, group)
            found.append(current)
            continue
        if current is not None:
            current.text += "\n" + stripped
            continue
        if in_list and line.startswith((" ", "\t")):
            # An indented paragraph inside a list item belongs to it.
            found[-1].text += "\n" + stripped
            current = found[-1]
            continue
        group += 1
        in_list = False
        current = Block("paragraph", number, stripped, group)
        last_paragraph = current
        found.append(current)
    return found
