"""Runs every rule over the site and returns the problems, errors first."""

from __future__ import annotations

from pathlib import Path

from sitegen.models.content import ERROR, Memo, Problem, Site

from . import (
    citations,
    data_files,
    html_safety,
    hygiene,
    images,
    journeys,
    links,
    metadata,
    plain_language,
    preferred_terms,
    search_words,
    sources,
    tools,
    translations,
    videos,
)

RULES = (hygiene, metadata, translations, links, sources, citations, images, html_safety, plain_language,
         preferred_terms, data_files, journeys, search_words, videos, tools)


def run(root: Path, languages: list[str], memo: Memo | None = None) -> list[Problem]:
    """`memo` (mkdocs serve): reuse what the rules remembered of the files that did not change."""
    if memo is not None:
        memo.start()
    site = Site.load(root, languages, memo)
    problems: list[Problem] = []
    for rule in RULES:
        problems.extend(rule.check(site))
    if memo is not None:
        memo.finish(site)
    return sorted(problems, key=lambda p: (p.severity != ERROR, p.path, p.line, p.rule))
