"""A volunteer's pull request with every class of hostile input the review found: `mkdocs build
--strict` refuses it naming the file and line of each, and a build that is not strict (a preview)
publishes it inert. Chromium proves the second: with the Content Security Policy switched off, only the
sanitizer and the escaping stand between the payloads and the reader, and no script runs and no
request leaves the site; with the policy on, nothing is even left for it to block."""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from urllib.parse import urlsplit

import inert
import pytest
from conftest import (
    CSP_LISTENER,
    LANGUAGES,
    SUB_PATH,
    BuiltSite,
    _QuietHandler,
    copy_project,
    free_port,
    lang_prefix,
    mkdocs_build,
    site_js_ready,
)

PAGE = "prosedur/uji-serangan.md"
# Every payload sets window.__pwned when it runs; every request to evil.example is a leak.
FRONT_MATTER = """---
title: '</title><script>window.__pwned = "title"</script>'
description: 'x" onmouseover="window.__pwned = 1" data-x="'
reviewed: 2026-11-28
unverified:
  - <img src=x.png onerror="window.__pwned = 'unverified'">
---
"""
PAYLOADS = {
    "script": "<script>window.__pwned = 'script'</script>",
    "event handler": "<img src=\"x.png\" alt=\"x\" onerror=\"window.__pwned = 'onerror'\">",
    "comment": "<!--><img src=\"x.png\" alt=\"\" onerror=\"window.__pwned = 'comment'\">-->",
    "noscript": "<noscript><p title=\"</noscript><img src=x.png alt='' onerror=window.__pwned='noscript'>\"></p></noscript>",
    "cdata": "<![CDATA[<img src=x.png alt='' onerror=window.__pwned='cdata'>]]>",
    "svg animation": ("<svg><a><animate attributeName=\"href\" values=\"javascript:window.__pwned='svg'\"/>"
                      "<text x=\"20\" y=\"20\">svg-link</text></a></svg>"),
    "entity-encoded scheme": "[entity-link](jav&#x61;script:window.__pwned='entity')",
    "tab-split scheme": "[tab-link](java\tscript:window.__pwned='tab')",
    "raw link": "<a href=\"&#x6A;avascript:window.__pwned='raw'\">raw-link</a>",
    "attribute list": "Teks biasa.{ onclick=\"window.__pwned='attr-list'\" }",
    "other host image": "<img src=\"https://evil.example/pixel.png\" alt=\"\">",
    "other host markdown image": "![gambar luar](https://evil.example/x.png)",
    "srcdoc": "<iframe srcdoc=\"<script>parent.__pwned='srcdoc'</script>\"></iframe>",
    "form": "<form action=\"https://evil.example/\"><button>kirim</button></form>",
    "object and embed": "<object data=\"https://evil.example/x\"></object><embed src=\"https://evil.example/y\">",
    "base": "<base href=\"https://evil.example/\">",
    "meta refresh": "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
    "mathml": "<math><mtext><table><mglyph><style><img src=x.png alt='' onerror=window.__pwned='mathml'>",
}
BODY = "\n\nHalaman uji.\n\n" + "\n\n".join(PAYLOADS.values()) + "\n"
# What a sanitizer must catch on its own: a tag over two lines, which no line-by-line rule sees.
SPLIT_TAG = "\n\nHalaman uji.\n\n<img src=\"x.png\" alt=\"\"\n  onerror=\"window.__pwned = 'split'\">\n"
# An interface string (data/ui-strings.yml) shown on every page with unverified details.
UI_PAYLOAD = "Belum pasti <img src=x.png onerror=\"window.__pwned = 'ui'\">"
LINK_TEXTS = ("entity-link", "tab-link", "raw-link", "svg-link")


def _hostile_project(root, body: str, ui_payload: bool):
    project = copy_project(root)
    page = project / "docs" / LANGUAGES[0] / PAGE
    page.write_text(FRONT_MATTER + body, encoding="utf-8")
    (project / "data" / "translations-pending.yml").write_text(
        "".join(f"{lang}:\n  - {PAGE}\n" for lang in LANGUAGES[1:]), encoding="utf-8")
    config = project / "mkdocs.yml"
    # In the navigation, so that its title is printed on every page of the section too.
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      - prosedur/biaya-paspor.md\n", f"      - prosedur/biaya-paspor.md\n      - {PAGE}\n", 1), encoding="utf-8")
    if ui_payload:
        strings = project / "data" / "ui-strings.yml"
        text = strings.read_text(encoding="utf-8")
        marker = "notice.unverified.title:\n  id: "
        start = text.index(marker) + len(marker)
        end = text.index("\n", start)
        quoted = UI_PAYLOAD.replace("'", "''")  # YAML single quotes
        strings.write_text(text[:start] + f"'{quoted}'" + text[end:], encoding="utf-8")
    return project


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


@pytest.fixture(scope="module")
def preview(tmp_path_factory, request) -> BuiltSite:
    """The hostile pull request built without --strict (a volunteer's preview), served."""
    project = _hostile_project(tmp_path_factory.mktemp("hostile-project"), BODY, ui_payload=True)
    serve_root = tmp_path_factory.mktemp("hostile-served")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}/{SUB_PATH}/"
    env = {**os.environ, "SITE_URL": base_url, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d",
                             str(serve_root / SUB_PATH)], capture_output=True, text=True, env=env, cwd=project)
    assert result.returncode == 0, result.stderr[-4000:]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                             functools.partial(_QuietHandler, directory=str(serve_root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    request.addfinalizer(server.shutdown)
    return BuiltSite(serve_root, result, base_url)


def test_the_strict_build_names_the_file_and_line_of_every_payload(tmp_path):
    project = _hostile_project(tmp_path / "p", BODY, ui_payload=True)
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:1/")
    assert result.returncode != 0
    log = result.stderr
    page = f"docs/{LANGUAGES[0]}/{PAGE}"
    source = FRONT_MATTER + BODY
    for field in ("title", "description"):
        assert f"{page}:{_line(source, field + ':')}: GALAT [metadata/invalid] Kolom `{field}` memuat" in log
    assert f"{page}:{_line(source, 'unverified:')}: GALAT [metadata/invalid] Kolom `unverified` butir ke-1 memuat `<`" in log
    for name, payload in PAYLOADS.items():
        line = _line(source, payload.split("\n")[0])
        assert re.search(rf"^WARNING\s+-\s+{re.escape(page)}:{line}: GALAT \[html/", log, re.M), name
    strings = (project / "data" / "ui-strings.yml").read_text(encoding="utf-8")
    assert f"data/ui-strings.yml:{_line(strings, 'Belum pasti <img')}: GALAT [data/ui-strings/invalid]" in log
    assert not (tmp_path / "site" / "prosedur" / "uji-serangan" / "index.html").exists()


def test_what_only_the_sanitizer_sees_fails_the_strict_build_with_its_line(tmp_path):
    project = _hostile_project(tmp_path / "p", SPLIT_TAG, ui_payload=False)
    # The front matter is fine this time: only the split tag is wrong.
    page = project / "docs" / LANGUAGES[0] / PAGE
    page.write_text("---\ntitle: Uji\ndescription: Halaman uji.\nreviewed: 2026-11-28\n---\n" + SPLIT_TAG,
                    encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:1/")
    assert result.returncode != 0
    line = _line(page.read_text(encoding="utf-8"), "onerror")
    assert (f"docs/{LANGUAGES[0]}/{PAGE}:{line}: GALAT [html/sanitizer] atribut `onerror` pada `<img>` dihapus"
            in result.stderr)
    assert "Aborted with" in result.stdout + result.stderr


def test_the_preview_holds_nothing_active(preview):
    for lang in LANGUAGES:
        html = preview.html(lang_prefix(lang) + "prosedur/uji-serangan/")
        article = html[html.index("<article"):html.index("</article>") + len("</article>")]
        # No script at all: the read-aloud button's rides in site.js after the build (scripts/sitegen/postbuild/js_compact.py).
        assert inert.problems(article) == [], lang
        head = html[:html.index("</head>")]
        assert head.count("<script") == 1 and "evil.example" not in html  # the hashed line only
        # Front matter came out as text: in the title, the description and the notice.
        assert "<title>&lt;/title&gt;&lt;script&gt;window.__pwned = &#34;title&#34;&lt;/script&gt; - " in head
        assert '<meta name="description" content="x&#34; onmouseover=&#34;window.__pwned = 1&#34; data-x=&#34;">' in head
    other = preview.html("prosedur/biaya-paspor/")  # the navigation lists the hostile title, as text
    assert "&lt;/title&gt;&lt;script&gt;window.__pwned" in other and "<script>window.__pwned" not in other


@pytest.mark.browser
@pytest.mark.parametrize("policy", ["off", "on"])
def test_in_chromium_no_payload_runs_and_nothing_leaves_the_site(preview, browser, policy):
    context = browser.new_context(bypass_csp=policy == "off", service_workers="block")
    context.add_init_script(CSP_LISTENER)
    leaks, dialogs = [], []

    def route(r):
        if urlsplit(r.request.url).hostname != "127.0.0.1":
            leaks.append(r.request.url)
            return r.abort()
        return r.continue_()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for rel in [lang_prefix(lang) + "prosedur/uji-serangan/" for lang in LANGUAGES] + ["prosedur/biaya-paspor/"]:
            page.goto(preview.base_url + rel, wait_until="networkidle")
            site_js_ready(page)  # the page as a reader meets it, with site.js's handlers
            for text in LINK_TEXTS:  # a surviving javascript: address would run on a tap
                for link in page.locator("article a", has_text=text).all():
                    link.click()
            page.mouse.move(5, 5)
            assert page.evaluate("window.__pwned") is None, rel
            assert page.evaluate("window.__violations || []") == [], rel
            assert page.url.startswith(preview.base_url), rel
    finally:
        context.close()
    assert leaks == [] and dialogs == []


# Template values that are HTML on purpose, each built escaped by our code (or verbatim by design).
TRUSTED_HTML = {
    "super()": "Material's block, itself a template",
    "page.content": "the article, rebuilt from the allow-list by scripts/sitegen/transforms/html_sanitizer.py (partials/content.html)",
    "page_references": "scripts/sitegen/pages/citations.py references_html escapes every value",
    "page_references_short": "scripts/sitegen/pages/citations.py references_short_html escapes every value",
    "search_terms": "set in overrides/main.html from page_search_terms | e",
    "page_qr_svg": "segno's SVG of the page address",
    "site_js_class_script": "a constant of scripts/sitegen/transforms/content_security.py, allowed by its hash",
    "site_after_paint_script": "a constant of scripts/sitegen/transforms/content_security.py, allowed by its hash",
    "page_status": "set in overrides/partials/page-top.html from two partials that escape every value",
    "interface_text": "Material's interface strings (partials/language.html); ours are checked below to be plain text",
}


def test_every_value_our_templates_print_is_escaped():
    """Each `{{ ... }}` in overrides/ ends in `| e`, or prints one of TRUSTED_HTML: MkDocs' Jinja does
    not escape by itself, and these templates print data volunteers edit."""
    from conftest import ROOT
    from jinja2 import Environment, nodes

    unescaped, translations = [], []
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        tree = Environment(extensions=["jinja2.ext.loopcontrols"]).parse(path.read_text(encoding="utf-8"))
        if path.parent.name == "languages":
            # Interface translations, printed by Material's templates as they are (like its own id.html):
            # their strings must be plain text, since nothing escapes them there.
            strings = [c.value for c in tree.find_all(nodes.Const) if isinstance(c.value, str)]
            assert strings and [v for v in strings if re.search(r"[<>&\"]", v)] == [], path.name
            translations.append(path.name)
            continue
        for output in tree.find_all(nodes.Output):
            for node in output.nodes:
                if isinstance(node, nodes.TemplateData):
                    continue
                if isinstance(node, nodes.Filter) and node.name in ("e", "escape"):
                    continue
                if isinstance(node, nodes.Call) and getattr(node.node, "name", "") == "super":
                    name = "super()"
                elif isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
                    name = f"{node.node.name}.{node.attr}"  # page.content
                else:
                    name = getattr(node, "name", None)
                if name not in TRUSTED_HTML:
                    unescaped.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert unescaped == []
    assert translations == ["lpg.html"]  # the interface translations were checked above
