"""How often search finds what residents type. Every query of tests/search_queries.yml is typed into
a site's search box in Chromium, and its first three results are compared with the pages that
answer it. tests/test_search_queries.py holds this site to the pass mark; scripts/benchmark.py
measures this site and plain Material (lunr) in one run.

A result counts for the language it was searched in only if it is a page of that language: plain
Material searches one index of all languages, so its results can be pages of another language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import yaml

from sitegen import ROOT
from sitegen.models.addresses import lang_prefix

QUERIES = ROOT / "tests" / "search_queries.yml"
TOP = 3
WAIT_MS = 15_000


@dataclass
class Outcome:
    """One query: the results as shown (site paths, "en/prosedur/biaya-paspor/"), and those of them
    that are pages of another language."""

    lang: str
    query: str
    kind: str
    answers: list[str]  # under the language's root: "prosedur/biaya-paspor/"
    prefix: str  # the language's root: "" or "en/"
    results: list[str] = field(default_factory=list)
    other_language: list[str] = field(default_factory=list)

    @property
    def hit(self) -> bool:
        """An answering page of the reader's language among the first three results shown."""
        return any(path in {self.prefix + a for a in self.answers} for path in self.results[:TOP])


def load_queries(path: Path = QUERIES) -> dict[str, list[dict]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def site_paths(hrefs: list[str], base_path: str) -> list[str]:
    """Result links as site paths ("en/prosedur/biaya-paspor/"), anchors dropped, in order, once each."""
    out: list[str] = []
    for href in hrefs:
        path = urlsplit(href).path.removeprefix(base_path).removesuffix("index.html")
        if path not in out:
            out.append(path)
    return out


def outcome(lang: str, languages: list[str], entry: dict, paths: list[str]) -> Outcome:
    mine = lang_prefix(lang, languages[0])
    others = tuple(lang_prefix(o, languages[0]) for o in languages if o != lang and lang_prefix(o, languages[0]))
    foreign = [p for p in paths if (mine and not p.startswith(mine)) or (not mine and p.startswith(others))]
    return Outcome(lang, entry["query"], entry.get("kind", ""), list(entry["answers"]), mine, paths, foreign)


# --- the two search boxes ---------------------------------------------------------------------------


def _open(page, toggle_label: str, box: str):
    if not page.evaluate("document.getElementById('__search')?.checked"):
        page.click(toggle_label)
    page.wait_for_selector(box, state="visible")


def search_this_site(page, query: str) -> list[str]:
    """This site's search (Pagefind and search.js): the results once they are all shown for `query`."""
    box = "[data-site-search-input]"
    _open(page, "label.md-header__button[for=__search]", box)
    page.fill(box, query)
    page.wait_for_function("q => document.querySelector('[data-site-search-results]').dataset.query === q",
                           arg=query, timeout=WAIT_MS)
    return page.eval_on_selector_all("[data-search-result]", "els => els.map(e => e.href)")


def search_material(page, query: str) -> list[str]:
    """Material's own search (lunr, in a worker): typed key by key, as it reacts to keystrokes; the
    results once the list has stopped changing. One link per page: the first of each result item."""
    box = ".md-search__input"
    _open(page, 'label.md-header__button[for="__search"]', box)
    page.fill(box, "")
    page.locator(box).press_sequentially(query, delay=20)
    read = ("() => [...document.querySelectorAll('.md-search-result__item')]"
            ".map(li => li.querySelector('a')?.href).filter(Boolean)")
    last, steady = None, 0
    for _ in range(WAIT_MS // 100):
        page.wait_for_timeout(100)
        now = page.evaluate(read)
        steady = steady + 1 if now == last else 0
        last = now
        if steady >= 4:  # unchanged for 0.4 s
            break
    return last or []


def run(browser, base_url: str, languages: list[str], queries: dict[str, list[dict]],
        search: Callable[[object, str], list[str]], langs: list[str] | None = None) -> list[Outcome]:
    """Every query of every language, typed on that language's home page at phone size."""
    base_path = urlsplit(base_url).path
    outcomes = []
    for lang in langs or list(queries):
        context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                      is_mobile=True, has_touch=True)
        try:
            page = context.new_page()
            page.goto(base_url + lang_prefix(lang, languages[0]), wait_until="load")
            for entry in queries[lang]:
                paths = site_paths(search(page, entry["query"]), base_path)
                outcomes.append(outcome(lang, languages, entry, paths))
        finally:
            context.close()
    return outcomes


def rate(outcomes: list[Outcome], lang: str) -> tuple[int, int]:
    mine = [o for o in outcomes if o.lang == lang]
    return sum(o.hit for o in mine), len(mine)
