"""HTML safety in the Markdown source, with file and line: raw HTML tags, their attributes, attribute
lists `{ }` and link and image addresses are held against the one allow-list, scripts/sitegen/transforms/html_policy.py.
The build's sanitizer (scripts/sitegen/transforms/html_sanitizer.py) enforces the same list on the rendered HTML, so
whatever this line-by-line reading misses (a tag split over lines, say) still never reaches readers."""

from __future__ import annotations

import html
import re

from sitegen.models.content import Problem, Site
from sitegen.models.video_sources import EMBED_ALT
from sitegen.transforms import html_policy

from .markdown_text import prose_lines

# Markdown's own autolinks `<https://...>` and `<name@host>` are not tags.
AUTOLINK_RE = re.compile(r"<(?:(?:https?|ftp)://[^<>]*|[^<> !]+@[^@<> ]+)>", re.I)
# A tag as the HTML tokenizer starts one: `<`, optional `/`, a letter, then the name and attributes.
TAG_RE = re.compile(r"<(/?)([A-Za-z][^\t\n\f\r />]*)((?:[^>\"']|\"[^\"]*\"?|'[^']*'?)*)>?")
ATTRIBUTE_RE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(\"[^\"]*\"?|'[^']*'?|[^\s>]+))?")
# Comments are fine (notes for editors, never shown); `<!DOCTYPE`, `<![CDATA[` and `<?` are not prose.
DECLARATION_RE = re.compile(r"<(?:!(?!--)|\?)")
# Python-Markdown attr_list: `{: ... }` or `{ ... }` (but not the `{{ marker }}` of our build).
ATTR_LIST_RE = re.compile(r"(?<!\{)\{:?[ ]*([^{}\n ][^{}\n]*?)[ ]*\}(?!\})")
ATTR_LIST_TOKEN_RE = re.compile(r"([^\s=]+)(?:=(\"[^\"]*\"|'[^']*'|\S+))?")
# Addresses Markdown turns into href/src: `[text](address)`, `![alt](address)`, `[id]: address`.
LINK_TARGET_RE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)>]*)")
REF_TARGET_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
VIDEO_EMBED_RE = re.compile(r"!\[" + re.escape(EMBED_ALT) + r"\]\([^)]*\)\s*$")


def _forbidden_tag(tag: str) -> str:
    hint = ("Untuk video pakai `![type:video](alamat-video)`." if tag == "iframe"
            else "Halaman hanya boleh berisi teks Markdown.")
    return f"Tag HTML `<{tag}>` tidak diizinkan karena bisa membahayakan pembaca. Hapus tag itu. {hint}"


def _attribute(page, number: int, tag: str, name: str, value: str | None):
    """Problems of one attribute of an allowed tag, read from the source (entities decoded)."""
    name = name.lower()
    if name.startswith("on"):
        yield Problem(page.display, number, "html/event-handler",
                      f"Atribut `{name}=` menjalankan kode dan tidak diizinkan. Hapus atribut itu.")
        return
    if name not in html_policy.attributes(tag):
        yield Problem(page.display, number, "html/forbidden-attribute",
                      f"Atribut `{name}` tidak diizinkan pada `<{tag}>`. Hapus atribut itu; yang boleh: "
                      f"{', '.join(sorted(html_policy.attributes(tag)))}.")
        return
    decoded = html.unescape((value or "").strip("\"'"))
    if html_policy.url_problem(tag, name, decoded):
        yield Problem(page.display, number, "html/unsafe-url",
                      f"Atribut `{name}` pada `<{tag}>`: {html_policy.url_problem(tag, name, decoded)}.")
    elif html_policy.value_problem(tag, name, decoded):
        yield Problem(page.display, number, "html/forbidden-attribute",
                      f"Atribut `{name}` pada `<{tag}>`: {html_policy.value_problem(tag, name, decoded)}.")


def _raw_html(page, number: int, line: str):
    if DECLARATION_RE.search(line):
        yield Problem(page.display, number, "html/forbidden-tag",
                      "Bagian `<!...>` atau `<?...>` (misalnya `<![CDATA[`) tidak diizinkan; peramban dan "
                      "pemeriksa bisa membacanya berbeda. Hapus bagian itu. Catatan untuk penyunting ditulis "
                      "`<!-- ... -->`.")
    for match in TAG_RE.finditer(AUTOLINK_RE.sub(" ", line)):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if name not in html_policy.TAGS:
            yield Problem(page.display, number, "html/forbidden-tag", _forbidden_tag(name))
            continue
        if closing:
            continue
        for attribute in ATTRIBUTE_RE.finditer(rest):
            yield from _attribute(page, number, name, attribute.group(1), attribute.group(2))


def _attr_lists(page, number: int, line: str):
    for match in ATTR_LIST_RE.finditer(line):
        allowed = set(html_policy.AUTHOR_ATTRIBUTES)
        if VIDEO_EMBED_RE.search(line[: match.start()]):
            allowed |= set(html_policy.VIDEO_EMBED_ATTRIBUTES)
        for token in ATTR_LIST_TOKEN_RE.finditer(match.group(1)):
            word, value = token.group(1), token.group(2)
            name = "id" if word.startswith("#") else "class" if word.startswith(".") else word.lower()
            if name.startswith("on"):
                yield Problem(page.display, number, "html/event-handler",
                              f"Atribut `{name}=` menjalankan kode dan tidak diizinkan. Hapus atribut itu.")
            elif name not in allowed:
                yield Problem(page.display, number, "html/forbidden-attribute",
                              f"`{{ {word}{'=' + value if value else ''} }}` tidak diizinkan di daftar atribut. "
                              "Yang boleh hanya id judul atau bagian, misalnya `{#nama-bagian}`.")


def _addresses(page, number: int, line: str):
    targets = [(m.group(1) == "!", m.group(2), m.group(3)) for m in LINK_TARGET_RE.finditer(line)]
    targets += [(False, "", m.group(0)[1:-1]) for m in AUTOLINK_RE.finditer(line)
                if re.match(r"<(?:https?|ftp)://", m.group(0), re.I)]  # not the `<name@host>` ones
    reference = REF_TARGET_RE.match(line)
    if reference:
        targets.append((False, "", reference.group(1)))
    for is_image, text, target in targets:
        if is_image and text == EMBED_ALT:
            continue  # the video rule checks where a video comes from
        address = html_policy.browser_url(html.unescape(re.split(r"\s+[\"'(]", target.strip(), maxsplit=1)[0]))
        why = html_policy.url_problem("img", "src", address) if is_image else html_policy.url_problem("a", "href", address)
        if why:
            yield Problem(page.display, number, "html/unsafe-url",
                          f"{'Gambar' if is_image else 'Tautan'} `{address[:60]}`: {why}.")


def _check_page(page):
    for number, line in prose_lines(page):
        yield from _raw_html(page, number, line)
        yield from _attr_lists(page, number, line)
        yield from _addresses(page, number, line)


def check(site: Site):
    for page in site.pages:  # a page's result depends on its text only (model.Memo)
        yield from site.remember(("html/page", page.display, page.digest), lambda: _check_page(page))
