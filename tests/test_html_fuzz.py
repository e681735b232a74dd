"""Property: whatever a volunteer writes, what the build makes of it is inert.

Hypothesis composes pages from tags, attributes, entities, encodings, comments and other places where
parsers disagree, Markdown links, images and attribute lists, and front-matter values. Each page goes
through what the build does to a page (MkDocs' own Page.render with the site's Markdown extensions, the
glossary and citations, then the hooks' on_page_content: build steps and the sanitizer), without a
whole `mkdocs build` per case. For every case the output holds no event handler, no active address
(after entity decoding and whitespace stripping, as browsers do), no base, meta refresh, srcdoc, form,
object or embed, and nothing fetched from another host (tests/inert.py) — whether or not the content
rules would have refused the page first. tests/test_hostile_pages.py runs real builds and Chromium on
one case of each class.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

import inert
import pytest
import yaml
from conftest import LANGUAGES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.checks import html_safety, metadata
from sitegen.models import glossary, page_meta
from sitegen.models.content import ERROR, Page, Site
from sitegen.pages import citations

CASES = 3000
META_CASES = 1500

# --- what hostile pages are made of -----------------------------------------------------------------------

SCHEMES = ["javascript:", "JaVaScRiPt:", "java\tscript:", "java\nscript:", " javascript:", "\x01javascript:",
           "javascript&colon;", "jav&#x61;script:", "&#106;avascript:", "&#x6A;&#x61;vascript:", "java&#09;script:",
           "jav&#x0A;ascript:", "&#0000106avascript:", "vbscript:", "data:text/html,", "data:image/svg+xml,",
           "https://evil.example/", "//evil.example/", "\\\\evil.example\\", "/\\evil.example/", "http://evil.example/",
           "mailto:", "tel:", "geo:", "", "#", "../", "x.png?"]
TARGETS = ["alert(1)", "window.__pwned=1", "x.png", "%0aalert(1)", "<script>alert(1)</script>", "a.webp 2x"]
TAGS = ["script", "SCRIPT", "scr<script>ipt", "img", "IMG", "a", "svg", "math", "iframe", "noscript", "noembed",
        "noframes", "xmp", "template", "style", "textarea", "title", "plaintext", "listing", "base", "meta", "link",
        "form", "input", "button", "object", "embed", "video", "source", "track", "audio", "details", "summary",
        "abbr", "sup", "div", "p", "table", "td", "select", "option", "animate", "set", "use", "image",
        "foreignObject", "mglyph", "mtext", "frameset", "isindex", "portal", "applet", "marquee", "body", "html",
        "head", "time", "figure", "span", "h2"]
ATTRIBUTES = ["onerror", "onload", "ONCLICK", "onmouseover", "onfocus", "onbegin", "href", "HREF", "src", "srcset",
              "srcdoc", "action", "formaction", "data", "poster", "xlink:href", "style", "background", "attributeName",
              "to", "values", "from", "http-equiv", "content", "target", "autofocus", "class", "id", "title", "alt",
              "open", "type", "lang", "data-x", "is", "ping", "align", "datetime", "kind", "rel"]
VALUES = ["refresh", "0;url=//evil.example/", "href", "alert(1)", 'x" onerror="alert(1)', "x' onerror='alert(1)",
          "background:url(//evil.example/)", "text/html", "right", "captions", "noopener", "</a><script>alert(1)</script>"]
WRAPPERS = ["<!--{}-->", "<!-->{}-->", "<!--->{}", "<!-- --!>{}", "<![CDATA[{}]]>", "<?{}>", "<!{}>",
            "<noscript>{}</noscript>", "<svg>{}</svg>", "<math><mtext>{}</mtext></math>", "<template>{}</template>",
            "<xmp>{}</xmp>", "<textarea>{}</textarea>", "<title>{}</title>", "<style>{}</style>", "<table>{}</table>",
            "<select>{}</select>", "`{}`", "```\n{}\n```", "    {}", "> {}", "- {}", "{}"]
ATTR_LIST_TOKENS = ["#id-x", ".kelas", "onclick=alert(1)", 'onclick="alert(1)"', "href=javascript:alert(1)",
                    "style='color:red'", "data-toc-label='<img src=x onerror=alert(1)>'", "srcdoc=x", "title=x",
                    "target=_blank", "lang=en"]


def _encode(text: str, how: list[int]) -> str:
    """Write some characters as character references, the way a payload hides from a plain match."""
    out = []
    for index, char in enumerate(text):
        mode = how[index % len(how)] if how else 0
        out.append({1: f"&#{ord(char)};", 2: f"&#x{ord(char):x};", 3: f"&#x{ord(char):X}", 4: f"&#0{ord(char)}"}
                   .get(mode, char))
    return "".join(out)


urls = st.builds(lambda scheme, target, how: _encode(scheme, how) + target, st.sampled_from(SCHEMES),
                 st.sampled_from(TARGETS), st.lists(st.sampled_from([0, 0, 0, 1, 2, 3, 4]), max_size=6))
values = st.one_of(urls, st.sampled_from(VALUES), st.text(max_size=12))
quotes = st.sampled_from(['"', "'", ""])
separators = st.sampled_from([" ", "/", "\t", "\n", " /", "  "])
attributes = st.builds(lambda sep, name, q, value, bare: f"{sep}{name}" if bare else f"{sep}{name}={q}{value}{q}",
                       separators, st.sampled_from(ATTRIBUTES), quotes, values, st.booleans())
tags = st.recursive(
    st.one_of(st.text(alphabet="ab <>&;\"'=/!-#", max_size=10), urls),
    lambda inner: st.builds(
        lambda name, attrs, inside, close, self_closing: (
            f"<{name}{''.join(attrs)}{'/' if self_closing else ''}>{inside}" + (f"</{name}>" if close else "")),
        st.sampled_from(TAGS), st.lists(attributes, max_size=3), inner, st.booleans(), st.booleans()),
    max_leaves=4)
raw_html = st.builds(lambda wrapper, content: wrapper.replace("{}", content), st.sampled_from(WRAPPERS), tags)
markdown = st.one_of(
    st.builds(lambda text, url: f"[{text}]({url})", st.sampled_from(["klik", "<b>x</b>", "![i](x.png)"]), urls),
    st.builds(lambda url, title: f'![gambar]({url} "{title}")', urls, st.sampled_from(["t", '" onerror="x', "<x>"])),
    st.builds(lambda url: f"[rujukan][r]\n\n[r]: {url}", urls),
    st.builds(lambda url: f"<{url}>", urls),
    st.builds(lambda place, tokens: place.format(" ".join(tokens)),
              st.sampled_from(["Teks{{ {} }}", "## Judul {{ {} }}", "Teks\n{{: {} }}", "[a](#x){{ {} }}",
                               "*miring*{{ {} }}", "![g](x.png){{ {} }}"]),
              st.lists(st.sampled_from(ATTR_LIST_TOKENS), min_size=1, max_size=3)),
    st.builds(lambda kind, title, body: f'{kind} note "{title}"\n    {body}', st.sampled_from(["!!!", "???", "???+"]),
              st.sampled_from(["Judul", '"><img src=x onerror=alert(1)>', "<script>x</script>"]), raw_html),
    st.builds(lambda a, b: f"| {a} | b |\n|:--|--:|\n| {b} | c |", raw_html, urls),
    st.builds(lambda term: f"Pakai M-Paspor.\n\n*[M-Paspor]: {term}",
              st.sampled_from(['"><img src=x onerror=alert(1)>', "<script>alert(1)</script>", "x\" onmouseover=\"y"])),
    st.builds(lambda body: f"Istilah\n:   {body}", raw_html),
    st.builds(lambda body: f"Biaya paspor.[^pp-45-2024-tarif-paspor] {body}", raw_html),
)
blocks = st.one_of(raw_html, markdown, tags)
pages = st.lists(blocks, min_size=1, max_size=6).map(lambda parts: "\n\n".join(parts) + "\n")


# --- what the build does to one page ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def render(tmp_path_factory):
    """page Markdown -> the article HTML the build would publish (front matter aside)."""
    import mkdocs_hooks
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page as MkDocsPage

    config = load_config(str(ROOT / "mkdocs.yml"))
    docs = tmp_path_factory.mktemp("fuzz-docs")
    (docs / LANGUAGES[0]).mkdir()
    source = docs / LANGUAGES[0] / "uji.md"
    file = File(f"{LANGUAGES[0]}/uji.md", str(docs), str(tmp_path_factory.mktemp("fuzz-site")), use_directory_urls=True)
    files = Files([file])
    registry = citations.sources()
    terms = glossary.glossary(ROOT / "docs" / LANGUAGES[0])
    # Thousands of refused cases: the messages are tested elsewhere (tests/test_hostile_pages.py).
    for name in ("mkdocs", "mkdocs.hooks.site"):
        logging.getLogger(name).setLevel(logging.CRITICAL)

    def run(text: str) -> str:
        source.write_text(text, encoding="utf-8")  # read back for line numbers when something is removed
        page = MkDocsPage(None, file, config)
        body, page.references = citations.number_citations(text, registry)
        glossary.give_to_markdown(config.mdx_configs, terms)
        page.markdown, page.meta = body, {}
        page.render(config, files)
        return mkdocs_hooks.on_page_content(page.content, page, config, files)

    return run


def _refused(text: str) -> bool:
    """Would the content rules stop this page in a strict build?"""
    page = Page(root=ROOT, path=ROOT / "docs" / LANGUAGES[0] / "uji.md", lang=LANGUAGES[0], rel="uji.md",
                raw=("---\ntitle: Uji\ndescription: Uji.\nreviewed: 2026-11-28\n---\n\n" + text).encode("utf-8"))
    return any(p.severity == ERROR for p in html_safety.check(Site(ROOT, list(LANGUAGES), [page])))


def test_every_generated_page_comes_out_inert(render, capsys):
    seen = {"pages": 0, "refused": 0}

    @settings(max_examples=CASES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
    @given(text=pages)
    def check(text):
        out = render(text)
        seen["pages"] += 1
        seen["refused"] += _refused(text)
        assert inert.problems(out) == [], (text, out)

    check()
    with capsys.disabled():
        print(f"\nfuzz: {seen['pages']} generated pages, all inert; {seen['refused']} of them refused by the "
              "content rules")
    assert seen["pages"] >= CASES


# --- front matter ---------------------------------------------------------------------------------------

texts = st.one_of(
    st.text(max_size=40),
    st.builds(lambda a, b: a + b, st.text(alphabet="abc <>&\"'/=;#x", max_size=20),
              st.sampled_from(["</title><script>alert(1)</script>", '" onload="alert(1)', "&lt;b&gt;", "&#34;",
                               "'><svg onload=alert(1)>", "{{ x }}", "{% x %}", "“kutipan”", "Hak & Kewajiban"])),
)


def test_front_matter_is_refused_or_printed_as_text(capsys):
    seen = {"values": 0, "refused": 0}

    @settings(max_examples=META_CASES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(title=texts, description=texts, item=texts)
    def check(title, description, item):
        meta = {"title": title, "description": description, "reviewed": "2026-11-28", "unverified": [item],
                "template": "redirect.html", "location": "javascript:alert(1)"}
        safe = page_meta.safe_meta(meta)
        seen["values"] += 1
        # Only known fields reach the templates (no `template` or `location`), and every text prints as
        # text: nothing in it can open a tag, close an attribute or start a reference a browser decodes.
        assert set(safe) == {"title", "description", "reviewed", "unverified"}
        for original, printed in ((title, safe["title"]), (description, safe["description"]),
                                  (item, safe["unverified"][0])):
            assert not re.search(r"[<>\"']", str(printed))
            assert page_meta.plain(printed) == original
        # The rule refuses every value with a markup character in it.
        front = yaml.safe_dump({"title": title, "description": description, "reviewed": dt.date(2026, 11, 28),
                                "unverified": [item]}, allow_unicode=True, sort_keys=False)
        page = Page(root=ROOT, path=ROOT / "docs" / LANGUAGES[0] / "uji.md", lang=LANGUAGES[0], rel="uji.md",
                    raw=f"---\n{front}---\n\nTeks.\n".encode("utf-8"))
        found = metadata.check_page(page, LANGUAGES[0])
        invalid = {p.message.split("`")[1] for p in found if p.rule == "metadata/invalid"}
        markup = {name for name, value in (("title", title), ("description", description), ("unverified", item))
                  if metadata.MARKUP_RE.search(value)}
        seen["refused"] += bool(markup)
        assert markup <= invalid, [str(p) for p in found]

    check()
    with capsys.disabled():
        print(f"\nfuzz: {seen['values']} generated front matters, all printed as text; {seen['refused']} of them "
              "refused by the metadata rule")
    assert seen["values"] >= META_CASES
