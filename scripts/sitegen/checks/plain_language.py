"""Plain language: short sentences that a reader with primary-school reading can follow."""

from __future__ import annotations

import re

from sitegen.models.content import WARNING, Problem, Site

from .markdown_text import prose_lines

MAX_SENTENCE_WORDS = 25
MAX_AVERAGE_WORDS = 15
WORD_RE = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
SKIP_RE = re.compile(r"^\s*(#|\||!!!|\?\?\?|\*\[|:\s|[-*_]{3,}\s*$|\{\{)")
MARKUP_RE = re.compile(r"\[\^[^\]]*\]|!?\[([^\]]*)\]\([^)]*\)|<[^>]+>|\{[^}]*\}|[*_`]")
LIST_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def sentences(page) -> list[tuple[int, str]]:
    found = []
    for number, line in prose_lines(page):
        if SKIP_RE.match(line) or not line.strip():
            continue
        text = MARKUP_RE.sub(lambda m: m.group(1) or " ", LIST_RE.sub("", line))
        for sentence in SENTENCE_END_RE.split(text.strip()):
            if WORD_RE.search(sentence):
                found.append((number, sentence))
    return found


def check(site: Site):
    for page in site.pages:  # a page's result depends on its text only (model.Memo)
        yield from site.remember(("language/page", page.display, page.digest), lambda: _check_page(page))


def _check_page(page):
    counted = [(n, len(WORD_RE.findall(s))) for n, s in sentences(page)]
    for number, words in counted:
        if words > MAX_SENTENCE_WORDS:
            yield Problem(page.display, number, "language/long-sentence",
                          f"Kalimat ini {words} kata (paling banyak {MAX_SENTENCE_WORDS}). Pecah menjadi dua "
                          "kalimat pendek.", WARNING)
    if counted:
        average = sum(w for _, w in counted) / len(counted)
        if average > MAX_AVERAGE_WORDS:
            yield Problem(page.display, 0, "language/long-average",
                          f"Rata-rata kalimat di halaman ini {average:.1f} kata (sebaiknya paling banyak "
                          f"{MAX_AVERAGE_WORDS}). Pakai kalimat yang lebih pendek.", WARNING)
