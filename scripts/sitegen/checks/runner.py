"""Runs every rule over the site and returns the problems, errors first."""

from __future__ import annotations

from pathlib import Path

from sitegen.models.content import ERROR, Problem, Site

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


def run(root: Path, languages: list[str]) -> list[Problem]:
    site = Site.load(root, languages)
    problems: list[Problem] = []
    for rule in RULES:
        problems.extend(rule.check(site))
    return sorted(problems, key=lambda p: (p.severity != ERROR, p.path, p.line, p.rule))
