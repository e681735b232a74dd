"""Content checks: small rules over the Markdown pages and data files.

Each rule module exposes `check(site) -> Iterable[Problem]`. The same rules run from
`python scripts/docs.py check` (volunteers, pre-commit, CI) and from the MkDocs build hook, so a page
that fails a check never reaches the built site.
"""
