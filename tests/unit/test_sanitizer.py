"""The one allow-list (scripts/sitegen/transforms/html_policy.py) and the sanitizer built on it (scripts/sitegen/transforms/html_sanitizer.py),
one hostile fragment per case: what comes out, and what the build reports as removed."""

from __future__ import annotations

import pytest

from sitegen.transforms import html_policy, html_sanitizer

SCHEMES = "tautan boleh memakai geo:, https:, mailto:, tel: atau alamat relatif"
JAVASCRIPT = f"atribut `href` pada `<a>` (alamat `javascript:` tidak diizinkan; {SCHEMES})"
LOCAL_FILES = ("gambar, video dan takarir harus file di situs ini (alamat relatif, misalnya `gambar/antrean.png`), "
               "supaya halaman tidak memuat situs lain")

CASES = {
    # What the site makes stays as it is.
    "citation": ('<p>Biaya<sup class="site-cite"><a href="#ref-1" data-ref="1">[1]</a></sup></p>',
                 '<p>Biaya<sup class="site-cite"><a href="#ref-1" data-ref="1">[1]</a></sup></p>', []),
    "aligned table": ('<table><thead><tr><th align="right">x</th></tr></thead></table>',
                      '<table><thead><tr><th align="right">x</th></tr></thead></table>', []),
    "video": ('<video preload="none" poster="v.webp" controls><source src="v.mp4" type="video/mp4">'
              '<track kind="captions" src="v.id.vtt" srclang="id"></video>',
              '<video preload="none" poster="v.webp" controls=""><source src="v.mp4" type="video/mp4">'
              '<track kind="captions" src="v.id.vtt" srclang="id"></video>', []),
    "tel, mailto, geo": ('<a href="tel:129">a</a><a href="mailto:a@b.id">b</a><a href="geo:-5,104">c</a>',
                         '<a href="tel:129">a</a><a href="mailto:a@b.id">b</a><a href="geo:-5,104">c</a>', []),
    "editor's comment": ("<p>x<!-- catatan --></p>", "<p>x</p>", []),
    # Scripts, handlers and active addresses, however they are spelled.
    "script": ("<script>alert(1)</script><p>x</p>", "<p>x</p>", ["tag `<script>`"]),
    "style element": ("<style>*{}</style><p>x</p>", "<p>x</p>", ["tag `<style>`"]),
    "event handler": ('<img src="a.png" alt="" onerror="alert(1)">', '<img src="a.png" alt="">',
                      ["atribut `onerror` pada `<img>`"]),
    "entity-encoded scheme": ('<a href="jav&#x61;script:alert(1)">x</a>', "<a>x</a>", [JAVASCRIPT]),
    "tab-split scheme": ('<a href="java\tscript:alert(1)">x</a>', "<a>x</a>", [JAVASCRIPT]),
    "newline and space before scheme": ('<a href=" &#x0A;JAVASCRIPT:alert(1)">x</a>', "<a>x</a>", [JAVASCRIPT]),
    "http link": ('<a href="http://evil.example/">x</a>', "<a>x</a>",
                  ["atribut `href` pada `<a>` (alamat `http:` tidak aman; ganti dengan https://)"]),
    "data link": ('<a href="data:text/html,x">x</a>', "<a>x</a>",
                  [f"atribut `href` pada `<a>` (alamat `data:` tidak diizinkan; {SCHEMES})"]),
    # Where Python's html.parser and browsers disagree: the browser's reading is the one that counts.
    "comment trick": ('<!--><img src="x.png" onerror="alert(1)">-->', '<img src="x.png">--&gt;',
                      ["atribut `onerror` pada `<img>`"]),
    "noscript": ('<noscript><p title="</noscript><img src=x.png onerror=alert(1)>"></p></noscript>',
                 '&lt;p title="<img src="x.png">"&gt;<p></p>', ["tag `<noscript>`", "atribut `onerror` pada `<img>`"]),
    # An icon's <svg> is allowed (pymdownx.emoji), but nothing in it that animates or draws text.
    "svg animation": ("<svg><animate attributeName=href to=javascript:alert(1) /><a><text>x</text></a></svg>",
                      "<svg><a>x</a></svg>", ["tag `<animate>`", "tag `<text>`"]),
    "svg handlers and script": ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" onload="alert(1)">'
                                '<path d="M6 2" onclick="alert(1)"/><script>alert(1)</script></svg>',
                                '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M6 2"></path></svg>',
                                ["atribut `onload` pada `<svg>`", "atribut `onclick` pada `<path>`", "tag `<script>`"]),
    "svg link to a script": ('<svg><a href="javascript:alert(1)">x</a></svg>', "<svg><a>x</a></svg>", [JAVASCRIPT]),
    # Nothing that embeds, submits, redirects or re-bases the page.
    "base": ('<base href="//evil.example/">', "", ["tag `<base>`"]),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=//evil.example">', "", ["tag `<meta>`"]),
    "iframe srcdoc": ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', "", ["tag `<iframe>`"]),
    "form": ('<form action="//evil.example"><input></form>', "", ["tag `<form>`", "tag `<input>`"]),
    "object": ('<object data="x"></object>', "", ["tag `<object>`"]),
    "embed": ('<embed src="x">', "", ["tag `<embed>`"]),
    # Nothing the browser would fetch from another site.
    "protocol-relative image": ('<img src="//evil.example/x.png" alt="">', '<img alt="">',
                                [f"atribut `src` pada `<img>` ({LOCAL_FILES})"]),
    "https image": ('<img src="https://evil.example/x.png" alt="">', '<img alt="">',
                    [f"atribut `src` pada `<img>` ({LOCAL_FILES})"]),
    "backslash image": ('<img src="\\\\evil.example\\x.png" alt="">', '<img alt="">',
                        [f"atribut `src` pada `<img>` ({LOCAL_FILES})"]),
    "video poster elsewhere": ('<video poster="https://evil.example/p.png"></video>', "<video></video>",
                               [f"atribut `poster` pada `<video>` ({LOCAL_FILES})"]),
    "srcset elsewhere": ('<img src="a.png" srcset="https://evil.example/x.png 2x" alt="">', '<img src="a.png" alt="">',
                         ["atribut `srcset` pada `<img>` (daftar gambar `srcset` harus berisi file situs ini saja)"]),
    "style attribute": ('<div style="background:url(https://evil.example/)">x</div>', "<div>x</div>",
                        ["atribut `style` pada `<div>`"]),
    "value out of its list": ('<table><tbody><tr><td align="justify">x</td></tr></tbody></table>',
                              "<table><tbody><tr><td>x</td></tr></tbody></table>",
                              ["atribut `align` pada `<td>` (nilai `justify` tidak diizinkan; yang boleh: center, "
                               "left, right)"]),
    "rel out of its list": ('<a href="a/" rel="opener">x</a>', '<a href="a/">x</a>',
                            ["atribut `rel` pada `<a>` (nilai `opener` tidak diizinkan; yang boleh: noopener)"]),
    # A link without a well-formed address loses it (nh3 cannot parse it), and says so.
    "unreadable address": ('<a href="https://exa mple.com/">x</a>', "<a>x</a>",
                           ["atribut `href` pada `<a>` (alamat `https://exa mple.com/` tidak bisa dibaca sebagai "
                            "alamat web)"]),
    "unreadable address beside a kept attribute": (
        '<a href="https://exa mple.com/" title="t">x</a>', '<a title="t">x</a>',
        ["atribut `href` pada `<a>` (alamat `https://exa mple.com/` tidak bisa dibaca sebagai alamat web)"]),
    "long unreadable address, cut at 60": (
        '<a href="https://exa mple.com/' + "x" * 70 + '">x</a>', "<a>x</a>",
        ["atribut `href` pada `<a>` (alamat `https://exa mple.com/" + "x" * 39 + "` tidak bisa dibaca sebagai "
         "alamat web)"]),
    # An element inside <svg> follows the same policy as its twin outside.
    "svg link beside a real link": ('<svg><a>x</a></svg><a href="#b">y</a>', '<svg><a>x</a></svg><a href="#b">y</a>', []),
    "svg link with the same title": ('<a title="t">1</a><svg><a title="t">2</a></svg><a>3</a>',
                                     '<a title="t">1</a><svg><a title="t">2</a></svg><a>3</a>', []),
}


@pytest.mark.parametrize("fragment, clean, removed", CASES.values(), ids=CASES.keys())
def test_sanitizer_keeps_the_policy_and_names_what_it_removed(fragment, clean, removed):
    out, removals = html_sanitizer.sanitize(fragment)
    assert out == clean
    assert [str(r) for r in removals] == removed


def test_the_same_fragment_again_gives_the_same_answer_whatever_the_caller_did_with_the_first():
    # sanitize() remembers fragments (an unchanged page under `mkdocs serve`): the remembered answer
    # must not be something a caller can change.
    fragment = '<p onclick="x()">Teks <script>alert(1)</script></p>'
    clean, removed = html_sanitizer.sanitize(fragment)
    assert (clean, [str(r) for r in removed]) == ("<p>Teks </p>", ["atribut `onclick` pada `<p>`", "tag `<script>`"])
    removed.clear()
    again, removed_again = html_sanitizer.sanitize(fragment)
    assert (again, [str(r) for r in removed_again]) == (
        "<p>Teks </p>", ["atribut `onclick` pada `<p>`", "tag `<script>`"])


def test_removed_things_are_found_on_their_line_of_the_markdown():
    source = ("---\ntitle: x\n---\n\nTeks.\n\n<img src=\"x.png\"\n  onerror=\"alert(1)\" alt=\"\">\n\n"
              "[k](jav&#x61;script:x)\n\n<script>\n")
    _, removals = html_sanitizer.sanitize('<p><img src="x.png" onerror="alert(1)" alt=""></p>'
                                          '<p><a href="jav&#x61;script:x">k</a></p><script></script>')
    assert [html_sanitizer.find_line(source, r) for r in removals] == [8, 10, 12]
    assert html_sanitizer.find_line("tidak ada\n", html_sanitizer.Removal("iframe")) == 0


@pytest.mark.parametrize("source, removal, line", [
    ("a\n<SCRIPT>\n", html_sanitizer.Removal("script"), 2),  # tags in any case
    ("a\n< / Script>\n", html_sanitizer.Removal("script"), 2),
    ("a\n<img ONERROR=x>\n", html_sanitizer.Removal("img", "onerror", "x"), 2),  # attributes in any case
    ("data-onerror=x\n<img onerror=x>\n", html_sanitizer.Removal("img", "onerror", "x"), 2),  # the whole name
    # A value is looked for only when the attribute is allowed (the address was refused), not for a
    # handler, whose code may stand on an earlier line too.
    ("alert(1)\n<img onerror=alert(1)>\n", html_sanitizer.Removal("img", "onerror", "alert(1)"), 2),
    ("<p>x</p>\n[k](JAVASCRIPT:x)\n", html_sanitizer.Removal("a", "href", "javascript:x"), 2),
    ("<p>x</p>\n[k](jav&#x61;script:x)\n", html_sanitizer.Removal("a", "href", "javascript:x"), 2),
])
def test_find_line(source, removal, line):
    assert html_sanitizer.find_line(source, removal) == line


@pytest.mark.parametrize("tag, attributes", [
    ("abbr", {"id", "title"}),
    ("p", {"id", "class", "data-agenda-empty"}),
    ("script", set()),
    ("iframe", set()),
])
def test_attributes_of_a_tag(tag, attributes):
    assert html_policy.attributes(tag) == attributes


@pytest.mark.parametrize("url, scheme", [
    ("https://a.id/", "https"), ("JavaScript:x", "javascript"), (" \x01java\tscript:x", "javascript"),
    ("java\nscript:x", "javascript"), ("gambar/a.png", None), ("#ref-1", None), ("//evil.example/", None),
    ("1http:x", None),
])
def test_scheme_as_a_browser_reads_it(url, scheme):
    assert html_policy.scheme(url) == scheme


@pytest.mark.parametrize("tag, attribute, value, problem", [
    ("a", "href", "https://imigrasi.go.id/", None),
    ("a", "href", "mailto:a@b.id", None),
    ("a", "href", "../biaya/", None),
    ("a", "href", "vbscript:x", f"alamat `vbscript:` tidak diizinkan; {SCHEMES}"),
    ("a", "href", "HTTP://x.id/", "alamat `http:` tidak aman; ganti dengan https://"),
    ("img", "src", "gambar/a.png", None),
    ("img", "src", "data:image/png;base64,AA", LOCAL_FILES),
    ("track", "src", "//evil.example/a.vtt", LOCAL_FILES),
    ("source", "src", "a\\b.mp4", LOCAL_FILES),
    ("img", "srcset", "a-360.webp 360w, a-720.webp 720w", None),
    ("img", "srcset", "a.webp 1.5x", None),
    ("img", "srcset", "a.webp", "daftar gambar `srcset` harus berisi file situs ini saja"),
    ("img", "srcset", "a.webp 1x, https://evil.example/b.webp 2x", "daftar gambar `srcset` harus berisi file situs ini saja"),
    ("img", "alt", "javascript:x", None),  # not an address
    ("img", "loading", "eager", "nilai `eager` tidak diizinkan; yang boleh: lazy"),
    ("td", "align", "left", None),
    ("video", "preload", "auto", "nilai `auto` tidak diizinkan; yang boleh: none"),
])
def test_value_problem(tag, attribute, value, problem):
    assert html_policy.value_problem(tag, attribute, value) == problem
