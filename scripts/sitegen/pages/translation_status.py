"""The translation status page: per language, the pages that are missing, draft or outdated, with
links to edit them. Generated at build time from the same data the checks read."""

from __future__ import annotations

from pathlib import Path

from sitegen.checks import translations
from sitegen.models import site_data
from sitegen.models.content import Site


def status(root: Path, languages: list[str]) -> dict[str, dict[str, list[str]]]:
    """{lang: {"missing"|"draft"|"outdated": [rel, ...]}} for every translation language."""
    site = Site.load(root, languages)
    originals = site.pages_of(languages[0])
    result = {}
    for lang in languages[1:]:
        pages = site.pages_of(lang)
        entry = {"missing": [], "draft": [], "outdated": []}
        for rel, original in originals.items():
            page = pages.get(rel)
            if page is None:
                entry["missing"].append(rel)
                continue
            if (page.meta or {}).get("translation_status") == "draft":
                entry["draft"].append(rel)
            if translations.is_outdated(original, page):
                entry["outdated"].append(rel)
        result[lang] = entry
    return result


def markdown(root: Path, languages: list[str], reader_lang: str, names: dict[str, str], repository: str,
             branch: str) -> str:
    """The status of every translation language; `repository` and `branch` make the edit links (none
    without a repository). Labels are interface strings (data/ui-strings.yml)."""
    ui = site_data.ui_strings(reader_lang, languages[0])

    def label(key):
        return ui[f"translation_status.{key}"]

    out = []
    for lang, entry in status(root, languages).items():
        out.append(f"### {names.get(lang, lang)} {{#status-{lang}}}\n")
        for kind in ("missing", "draft", "outdated"):
            out.append(f"**{label(kind)}** ({len(entry[kind])})\n")
            if not entry[kind]:
                out.append(f"{label('none')}\n")
                continue
            for rel in entry[kind]:
                line = f"- `{rel}`"
                if repository:
                    if kind == "missing":
                        folder, _, name = f"docs/{lang}/{rel}".rpartition("/")
                        line += f" ([{label('create')}]({repository}/new/{branch}/{folder}?filename={name}))"
                    else:
                        line += f" ([{label('edit')}]({repository}/edit/{branch}/docs/{lang}/{rel}))"
                out.append(line)
            out.append("")
    return "\n".join(out) + "\n"
