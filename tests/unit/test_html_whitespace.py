"""Indentation between tags is taken out of built pages (scripts/sitegen/transforms/html_whitespace.py);
whitespace that is content stays. Each case is written out: input, then the expected page."""

from __future__ import annotations

import pytest

from sitegen.transforms import html_whitespace

CASES = {
    "indented list": ("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n",
                      "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"),
    "blank lines and tabs between blocks": ("<div>\n\n\t  \n   <p>x</p>   \n\t</div>",
                                            "<div>\n<p>x</p>\n</div>"),
    "spaces without a line break stay (one space between inline elements)": (
        "<b>a</b>   <i>b</i>", "<b>a</b>   <i>b</i>"),
    "a line break inside text stays": ("<p>satu\n    dua</p>", "<p>satu\n    dua</p>"),
    "text next to a tag keeps its whitespace": ("<p>\n   Paspor\n   </p>", "<p>\n   Paspor\n   </p>"),
    "a no-break space is text": ("<td>\n\u00a0</td>\n  <td>\u00a0\n  </td>", "<td>\n\u00a0</td>\n<td>\u00a0\n  </td>"),
    "pre, with code inside, as it is": (
        "<div>\n  <pre class=\"x\"><code>a\n    <span>b</span>\n  </code></pre>\n  </div>",
        "<div>\n<pre class=\"x\"><code>a\n    <span>b</span>\n  </code></pre>\n</div>"),
    "textarea, script and style as they are": (
        "<textarea>\n  <b>\n  </textarea>\n <script>if (a >\n  <b) {}</script>\n <style>\n  a > b {}\n</style>\n <p></p>",
        "<textarea>\n  <b>\n  </textarea>\n<script>if (a >\n  <b) {}</script>\n<style>\n  a > b {}\n</style>\n<p></p>"),
    "inline code and kbd keep pre-wrap whitespace": (
        "<p><code><span>a</span>\n  <span>b</span></code> <kbd>\n  <kbd>Ctrl</kbd>\n  </kbd></p>",
        "<p><code><span>a</span>\n  <span>b</span></code> <kbd>\n  <kbd>Ctrl</kbd>\n  </kbd></p>"),
    "upper-case tags and a closing tag with spaces": (
        "<PRE>\n  <b>x</b>\n</PRE >\n  <p>", "<PRE>\n  <b>x</b>\n</PRE >\n<p>"),
    "a tag whose name only starts like pre is collapsed": (
        "<prefix>\n  <b>x</b>\n</prefix>", "<prefix>\n<b>x</b>\n</prefix>"),
    "a pre never closed leaves the rest as it is": (
        "<div>\n  <pre>\n  <b>x</b>\n  <p>", "<div>\n<pre>\n  <b>x</b>\n  <p>"),
    "whitespace right before and after a pre": (
        "<div>\n  <pre>x</pre>\n  </div>", "<div>\n<pre>x</pre>\n</div>"),
    "Windows line ends": ("<ul>\r\n  <li>a</li>\r\n</ul>", "<ul>\n<li>a</li>\n</ul>"),
    "a script that writes a tag ends at its own closing tag": (
        "<script>w('<script>');\n  </script>\n  <p>", "<script>w('<script>');\n  </script>\n<p>"),
    "nothing to do": ("", ""),
}


@pytest.mark.parametrize("given, expected", CASES.values(), ids=CASES.keys())
def test_collapse(given, expected):
    assert html_whitespace.collapse(given) == expected
