"""Residents' words for search. data/search-words.yml says which words mean the same to a resident
and which say nothing (per language); pages add their own words in front matter (`search_terms`,
rendered as Pagefind metadata). After the build this module writes, per language, what the search
code in the browser reads (overrides/assets/javascripts/search.js, online with Pagefind and in the
offline copy opened from a folder):

- assets/search/words-LANG.js: stop words, groups of words that mean the same (each member marked
  as found on this language's pages or not), and what "no results" offers (verified hotlines and
  the most-used pages of the home page). Loaded when the reader opens search.
- assets/search/vocabulary-LANG.js: every word of this language's pages, for one-letter typos.
  Loaded only when a query has a word of five letters or more that no page contains.

LANG is the page's <html lang> (id, ljp, en), which is what the browser knows. Text is normalized
the same way here and in search.js (`normalize`): lower case, no accents, a hyphen inside a word
joined (e-paspor = epaspor, as Pagefind indexes it), everything else that is not a letter or digit a
space.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from sitegen.models import yaml_files
from sitegen.models.addresses import lang_prefix
from sitegen.models.hotlines import PAGE_URL as HOTLINES_PAGE_URL

# Runs under `mkdocs serve` too? (sitegen/hooks.py asks.)
# They serve the search index, which serve does not build.
RUNS_UNDER_SERVE = False

FILE = "data/search-words.yml"
OUT_DIR = "assets/search"
# The home page section whose links are "the most-used pages" (its heading id, the same in every
# language): offered when a search finds nothing.
MOST_USED_SECTION = "tugas"  # the home page's task cards (docs/*/index.md)
UI_PREFIX = "search."  # the interface strings (data/ui-strings.yml) search.js shows
TERMS_META = "terms"  # data-pagefind-meta="terms:..." (overrides/main.html)
VOCABULARY_MIN_LETTERS = 4  # typos are fixed in words of five letters; one may be an extra letter
VOCABULARY_MAX_LETTERS = 24  # longer "words" are joined link texts and codes, never typed
_JOIN_RE = re.compile(r"(?<=[^\W_])[-'’](?=[^\W_])")
_SPLIT_RE = re.compile(r"[^\w]+|_")


def normalize(text: str) -> str:
    """Lower case, accents off, hyphens inside words joined, other punctuation a space."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_SPLIT_RE.sub(" ", _JOIN_RE.sub("", text)).split())


def words_of(text: str) -> list[str]:
    """The words Pagefind indexes: a hyphenated word both joined and in its parts."""
    lowered = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    out = []
    for token in re.split(r"[^\w'’-]+|_", lowered):
        parts = [p for p in re.split(r"[-'’]+", token) if p]
        if len(parts) > 1:
            out.append("".join(parts))
        out.extend(parts)
    return out


# --- the data file ----------------------------------------------------------------------------------


@dataclass
class LanguageWords:
    """One language's groups (each a list of normalized words or phrases) and stop words."""

    groups: list[list[str]] = field(default_factory=list)
    stop: set[str] = field(default_factory=set)


def _entries(value) -> list:
    return value if isinstance(value, list) else []


def load(root: Path, languages: list[str]) -> dict[str, LanguageWords]:
    """Each language's words, with those of the language named by `also` merged in (a group that
    shares a word with another becomes one group). Entries of the wrong shape are left out: the
    content check (sitegen/checks/search_words.py) reports them."""
    try:
        data = yaml_files.load(root / FILE) or {}
    except (OSError, yaml.YAMLError):
        return {lang: LanguageWords() for lang in languages}
    data = data if isinstance(data, dict) else {}

    def own(lang: str) -> tuple[list[list[str]], set[str]]:
        section = data.get(lang) if isinstance(data.get(lang), dict) else {}
        groups = [[normalize(w) for w in g if isinstance(w, str) and normalize(w)]
                  for g in _entries(section.get("same")) if isinstance(g, list)]
        stop = {normalize(w) for w in _entries(section.get("stop")) if isinstance(w, str) and normalize(w)}
        return [g for g in groups if len(g) > 1], stop

    out = {}
    for lang in languages:
        groups, stop = own(lang)
        section = data.get(lang) if isinstance(data.get(lang), dict) else {}
        also = section.get("also")
        if isinstance(also, str) and also in languages and also != lang:
            extra_groups, extra_stop = own(also)
            mine = {w for g in groups for w in g}
            groups = _merge(groups + extra_groups)
            stop |= {w for w in extra_stop if w not in mine}
        grouped = {w for g in groups for w in g}
        out[lang] = LanguageWords(groups=groups, stop=stop - grouped)
    return out


def _merge(groups: list[list[str]]) -> list[list[str]]:
    """Groups that share a word become one, in the order the words first appear."""
    merged: list[list[str]] = []
    for group in groups:
        hits = [m for m in merged if set(m) & set(group)]
        combined = [w for m in hits for w in m]
        combined += [w for w in group if w not in combined]
        merged = [m for m in merged if m not in hits] + [combined]
    return merged


# --- the built pages --------------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class IndexedText(HTMLParser):
    """What Pagefind indexes of a built page: the text inside [data-pagefind-body] outside any
    [data-pagefind-ignore], the first <h1> (the result's title) and the page's search terms."""

    def __init__(self, html: str = ""):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the body
        self.ignore_at = 0  # depth where an ignored element opened (0: none)
        self.h1_at = 0
        self._title: list[str] = []
        self.text: list[str] = []
        self.terms: list[str] = []
        self.found = False  # whether the page has a [data-pagefind-body] at all
        if html:
            self.feed(html)
            self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        meta = attrs.get("data-pagefind-meta") or ""
        if meta.startswith(TERMS_META + ":"):
            self.terms.append(meta.split(":", 1)[1])
        if not self.depth:
            if "data-pagefind-body" in attrs:
                self.depth, self.found = 1, True
            return
        if tag in _VOID:
            return
        self.depth += 1
        if "data-pagefind-ignore" in attrs and not self.ignore_at:
            self.ignore_at = self.depth
        if tag == "h1" and not self._title and not self.h1_at:
            self.h1_at = self.depth

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.depth and tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not self.depth or tag in _VOID:
            return
        if self.ignore_at == self.depth:
            self.ignore_at = 0
        if self.h1_at == self.depth:
            self.h1_at = 0
        self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.ignore_at:
            if self.h1_at:
                self._title.append(data)
            self.text.append(data)

    @property
    def title(self) -> str:
        return " ".join("".join(self._title).split())

    @property
    def plain(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text)).strip()


def terms_text(terms: list[str]) -> str:
    """Front-matter search terms as one metadata value: Pagefind separates metadata at commas."""
    return " / ".join(" ".join(str(t).replace(",", " ").split()) for t in terms)


# --- the files the browser reads --------------------------------------------------------------------


def _phrase_present(phrase: str, page_words: list[set[str]], page_texts: list[str]) -> bool:
    if " " not in phrase:
        return any(phrase in words for words in page_words)
    padded = f" {phrase} "
    return any(padded in text for text in page_texts)


def words_file(words: LanguageWords, pages: list[IndexedText], no_results: dict, ui: dict) -> str:
    """words-LANG.js: groups keep only words found on this language's pages (searching the others
    would find nothing); each group is [found..., "|", not found...]."""
    page_texts = [f" {normalize(p.plain + ' ' + ' '.join(p.terms))} " for p in pages]
    page_words = [set(t.split()) for t in page_texts]
    groups = []
    for group in words.groups:
        found = [w for w in group if _phrase_present(w, page_words, page_texts)]
        if found:
            groups.append(found + ["|"] + [w for w in group if w not in found])
    data = {"stop": sorted(words.stop), "same": groups, "none": no_results, "ui": ui}
    return "window.SITE_SEARCH_WORDS = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"


def vocabulary_file(words: LanguageWords, pages: list[IndexedText]) -> str:
    """vocabulary-LANG.js: every word of four letters or more on this language's pages (and in the
    groups), sorted and front-coded ("paspor paspormu" -> "0paspor 6mu"): the digit is how many
    letters the word shares with the one before it."""
    vocabulary = set()
    for page in pages:
        vocabulary.update(words_of(page.plain + " " + " ".join(page.terms)))
    for group in words.groups:
        for phrase in group:
            vocabulary.update(phrase.split())
    coded, previous = [], ""
    for word in sorted(w for w in vocabulary
                       if VOCABULARY_MIN_LETTERS <= len(w) <= VOCABULARY_MAX_LETTERS and not w.isdigit()):
        shared = 0
        while shared < min(9, len(word), len(previous)) and word[shared] == previous[shared]:
            shared += 1
        coded.append(f"{shared}{word[shared:]}")
        previous = word
    return "window.SITE_SEARCH_VOCABULARY = " + json.dumps(" ".join(coded), ensure_ascii=False) + ";\n"


class _Links(HTMLParser):
    """Links (text, href) of the list that follows the heading with a given id."""

    def __init__(self, html: str, heading_id: str):
        super().__init__(convert_charrefs=True)
        self.heading_id, self.state, self.links, self.href = heading_id, "before", [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.state == "before" and re.fullmatch(r"h[1-6]", tag) and attrs.get("id") == self.heading_id:
            self.state = "heading"
        elif self.state == "heading" and tag == "ul":
            self.state = "list"
        elif self.state == "list" and tag == "a":
            self.href, self.links = attrs.get("href"), self.links + [["", attrs.get("href")]]

    def handle_endtag(self, tag):
        if self.state == "list" and tag == "ul":
            self.state = "done"
        elif tag == "a":
            self.href = None

    def handle_data(self, data):
        if self.state == "list" and self.href is not None:
            self.links[-1][0] += data


def most_used_pages(home_html: str, home_rel: str) -> list[dict]:
    """The home page's "most searched" links as [{title, path}], path from the site root."""
    base = "https://site.invalid/" + home_rel
    out = []
    for text, href in _Links(home_html, MOST_USED_SECTION).links:
        if not href or urlsplit(href).scheme:
            continue
        path = urlsplit(urljoin(base, href)).path.lstrip("/")
        out.append({"title": " ".join(text.split()), "path": path.removesuffix("index.html")})
    return out


def build(site_dir: str, root: Path, languages: list[str], default: str, hreflang: dict[str, str],
          hotlines: dict[str, list[dict]], ui: dict[str, dict]) -> dict[str, list[Path]]:
    """Write words-LANG.js and vocabulary-LANG.js for every language; returns the files per language.
    Per language, `hotlines`: the verified numbers offered when nothing is found ({name, phone,
    href}); `ui`: the interface strings of search (keys `search.*`)."""
    site = Path(site_dir)
    out_dir = site / OUT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    all_words = load(root, languages)
    others = tuple(f"{lang}/" for lang in languages if lang != default)
    written: dict[str, list[Path]] = {}
    for lang in languages:
        prefix = lang_prefix(lang, default)
        pages = []
        for path in sorted(site.rglob("index.html")):
            rel = path.relative_to(site).as_posix()
            mine = rel.startswith(prefix) if prefix else not rel.startswith(others)
            if mine and not rel.startswith(("assets/", "search/", "offline/")):
                parsed = IndexedText(path.read_text(encoding="utf-8"))
                if parsed.found:
                    pages.append(parsed)
        home = site / prefix / "index.html"
        no_results = {
            "pages": most_used_pages(home.read_text(encoding="utf-8"), prefix) if home.exists() else [],
            "hotlines": hotlines.get(lang, []),
            "hotline_page": prefix + HOTLINES_PAGE_URL,
        }
        html_lang = hreflang.get(lang, lang)
        words = out_dir / f"words-{html_lang}.js"
        vocabulary = out_dir / f"vocabulary-{html_lang}.js"
        strings = {k: v for k, v in ui.get(lang, {}).items() if k.startswith(UI_PREFIX)}
        words.write_text(words_file(all_words[lang], pages, no_results, strings), encoding="utf-8")
        vocabulary.write_text(vocabulary_file(all_words[lang], pages), encoding="utf-8")
        written[lang] = [words, vocabulary]
    return written
