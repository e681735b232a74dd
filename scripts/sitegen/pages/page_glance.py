"""The "at a glance" box that opens a procedure page (front matter `glance`): what to bring, the cost,
how long it takes, where to go.

Generated as Markdown at the top of the page body, so it goes through the same steps as the text:
`{{ fee ID }}` becomes the amount from data/fees.yml in the reader's format with its source, `[^id]` a
numbered citation, and the sanitizer sees it. Everything else in the texts is written as literal words.
The same box is translated with the page (its front matter), shows in print (print.css) and is checked
by sitegen/checks/metadata.py (shape) and sitegen/checks/glance.py (sources, fees, translations).
"""

from __future__ import annotations

import html

from sitegen.checks.metadata import GLANCE_KEYS, GLANCE_MARKER_RE
from sitegen.models import page_meta, site_data


def _text(value) -> str:
    """Literal words, with the fee and citation markers kept as markers."""
    text = page_meta.plain(value)
    out, last = [], 0
    for match in GLANCE_MARKER_RE.finditer(text):
        out += [site_data.markdown_text(text[last:match.start()]), match.group(0)]
        last = match.end()
    out.append(site_data.markdown_text(text[last:]))
    return "".join(out).strip()


def markdown(glance, lang: str, default_lang: str) -> str:
    """The box as Markdown (a definition list in a classed block), or "" without a valid `glance`."""
    if not isinstance(glance, dict) or not glance:
        return ""
    ui = site_data.ui_strings(lang, default_lang)
    lines = ['<div class="site-glance" markdown>', "",
             f'<p class="site-glance__title">{html.escape(ui["glance.title"])}</p>', ""]
    for key in GLANCE_KEYS:
        if glance.get(key):
            lines += [site_data.markdown_text(ui[f"glance.{key}"]), f":   {_text(glance[key])}", ""]
    return "\n".join(lines + ["</div>", "", ""])
