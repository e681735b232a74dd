"""Reading Markdown source line by line for the rules: fences, inline code, headings, links."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from .model import Page

FENCE_RE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([^\s}]+)[^}]*\})?\s*#*\s*$")
# [text](target "title") and ![alt](target); the target may be wrapped in <>.
LINK_RE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
REF_DEF_RE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
AUTOLINK_RE = re.compile(r"<((?:https?|ftp|mailto|javascript|data|vbscript):[^>\s]*)>", re.I)


def prose_lines(page: Page) -> Iterator[tuple[int, str]]:
    """Body lines outside fenced code blocks, with inline code blanked out."""
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
