"""Search finds what residents type: the query set (tests/search_queries.yml) typed into the real
search (Pagefind and search.js) of the built site in Chromium, at phone size."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES, lang_prefix

from sitegen.benchmarking import search_hits

QUERIES = search_hits.load_queries()
PASS_MARK = 0.95
MINIMUM = {"id": 40, "en": 40, "lpg": 20}


def test_query_set_is_written_as_residents_write():
    assert set(QUERIES) == set(LANGUAGES)
    for lang, least in MINIMUM.items():
        assert len(QUERIES[lang]) >= least, lang
        queries = [q["query"] for q in QUERIES[lang]]
        assert len(set(map(str.lower, queries))) == len(queries), f"{lang}: a query is there twice"
        kinds = {q["kind"] for q in QUERIES[lang]}
        assert {"colloquial", "old-name", "misspelling"} <= kinds, lang
    everything = " | ".join(q["query"].lower() for entries in QUERIES.values() for q in entries)
    for written in ("tki", "bnp2tki", "bp2mi", "depnaker", "calo", "bikin", "ilang", "perdagangan manusia",
                    "how much is a passport", "passport requirements", "visa overstay", "lebon", "beguai"):
        assert written in everything, written
    assert {q["kind"] for q in QUERIES["lpg"]} >= {"lampung"}
    assert {q["kind"] for q in QUERIES["en"]} >= {"question"}


def test_every_answer_is_a_page_of_its_language(site):
    for lang, entries in QUERIES.items():
        for entry in entries:
            assert entry["answers"], entry["query"]
            for path in entry["answers"]:
                assert (site.dir / lang_prefix(lang) / path / "index.html").exists(), (lang, entry["query"], path)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_residents_find_the_answer_in_the_top_three(site, browser, lang):
    outcomes = search_hits.run(browser, site.base_url, LANGUAGES, QUERIES, search_hits.search_this_site, [lang])
    hits, total = search_hits.rate(outcomes, lang)
    misses = [f"{o.query!r} -> {o.results[:search_hits.TOP]}" for o in outcomes if not o.hit]
    assert hits / total >= PASS_MARK, f"{lang}: {hits}/{total}; missed: " + "; ".join(misses)
    foreign = [(o.query, o.other_language) for o in outcomes if o.other_language]
    assert foreign == []
