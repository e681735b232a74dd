"""Small inputs for the fast unit tests (tests/unit): no site build, no browser. These tests are also
what `bash scripts/dev.sh mutation` runs for every mutant, so they read only files under ROOT's
data/ and mkdocs.yml, which the mutation workspace copies."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def page(root: Path, lang: str, rel: str, text: str):
    """A content-check page written to root/docs/<lang>/<rel>."""
    from sitegen.models.content import Page

    path = root / "docs" / lang / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return Page.read(root, lang, rel)


def site(root: Path, pages, languages=("id", "lpg", "en")):
    from sitegen.models.content import Site

    return Site(root=root, languages=list(languages), pages=list(pages))


def problems(rule, root: Path, pages, languages=("id", "lpg", "en")) -> list[str]:
    """What a rule reports, as the CLI prints it (`file:line: GALAT [rule] message`)."""
    return [str(p) for p in rule.check(site(root, pages, languages))]
