"""Step-by-step panels: the journeys of data/journeys.yml, for the page being built.

Defined once in data; a page that is a step gets the whole journey, numbered, in the reader's language,
with its own step marked (overrides/partials/page-journey.html). Links are relative to the page, so
they work under a sub-path and from the offline copy. Only valid journeys reach pages (the schema is
sitegen/models/data_files.py JOURNEYS; sitegen/checks/journeys.py checks that the pages exist).
"""

from __future__ import annotations

import posixpath

from sitegen.models import site_data


def _url(rel: str) -> str:
    """The site path MkDocs gives a page file (directory URLs): prosedur/m-paspor.md -> prosedur/m-paspor/."""
    stem = rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def for_page(page_rel: str, lang: str, default_lang: str) -> list[dict]:
    """The journeys `page_rel` (path inside docs/<lang>/) is a step of, ready for the template."""
    out = []
    for journey in site_data.valid_entries("journeys.yml"):
        pages = [step["page"] for step in journey["steps"]]
        if page_rel not in pages:
            continue
        here = _url(page_rel)
        steps = []
        for number, step in enumerate(journey["steps"], 1):
            href = posixpath.relpath(_url(step["page"]) or ".", here or ".") + "/"
            steps.append({"number": number, "title": site_data.localized(step["title"], lang, default_lang),
                          "href": href,
                          "current": step["page"] == page_rel})
        current = pages.index(page_rel)
        out.append({"id": journey["id"], "title": site_data.localized(journey["title"], lang, default_lang),
                    "steps": steps, "current": current + 1, "total": len(steps),
                    "next": steps[current + 1] if current + 1 < len(steps) else None})
    return out
