"""Taking the indentation out of pages (scripts/sitegen/transforms/html_whitespace.py) changes no pixel:
a page of hard cases, styled by the built site's own stylesheet, is drawn by Chromium as written and
after `collapse`, on screen and in print, and the pictures are compared. (All 312 built pages were compared the same way
once, at 360 and 1280 px: the closing note of issue 13 has the figures.)"""

from __future__ import annotations

import pytest
from conftest import PHONE

from sitegen.transforms import html_whitespace

pytestmark = pytest.mark.browser

# Whitespace that shows: indented code, inline code set to pre-wrap, a textarea, words split by a line
# break, inline elements that need the space between them, a no-break space, a table and a list.
BODY = """
<div class="md-container">
  <main class="md-main">
    <div class="md-content">
      <article class="md-content__inner md-typeset">
        <h1>
          Judul
        </h1>
        <p>
          <a href="#a">satu</a>
          <a href="#b">dua</a>
          <strong>tiga</strong>\u00a0<em>empat</em>
          kata
          terbelah
        </p>
        <pre><code>baris satu
    baris terindentasi
        <span>lebih dalam</span>
</code></pre>
        <pre>tanpa code
    <b>tebal</b>
        <i>miring</i></pre>
        <p>Kode <code><span>a</span>
          <span>b</span></code> dan <kbd>Ctrl</kbd>
          <kbd>C</kbd>.</p>
        <textarea rows="3">
   teks
      di kotak</textarea>
        <ul>
          <li>
            <p>butir</p>
          </li>
          <li>butir
            <ul>
              <li>anak</li>
            </ul>
          </li>
        </ul>
        <table>
          <thead>
            <tr>
              <th>A</th>
              <th>B</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                1
              </td>
              <td><span>2</span>
                <span>3</span></td>
            </tr>
          </tbody>
        </table>
      </article>
    </div>
  </main>
</div>
"""


def _page(stylesheet: str) -> str:
    return (f'<!doctype html>\n<html lang="id">\n  <head>\n    <meta charset="utf-8">\n'
            f'    <link rel="stylesheet" href="{stylesheet}">\n  </head>\n  <body>{BODY}  </body>\n</html>\n')


def test_collapsed_page_is_drawn_the_same(site, browser, tmp_path):
    stylesheet = next((site.dir / "assets" / "stylesheets").glob("main.*.min.css")).as_uri()
    written = _page(stylesheet)
    collapsed = html_whitespace.collapse(written)
    assert len(collapsed) < len(written) - 300  # the indentation went
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, java_script_enabled=False)
    try:
        page = context.new_page()
        for media in ("screen", "print"):  # in print Material sets code and kbd to pre-wrap
            page.emulate_media(media=media)
            pictures = []
            for name, html in (("written", written), ("collapsed", collapsed)):
                path = tmp_path / f"{name}.html"
                path.write_text(html, encoding="utf-8")
                page.goto(path.as_uri(), wait_until="load")
                pictures.append(page.screenshot(full_page=True, animations="disabled"))
            assert pictures[0] == pictures[1], media
    finally:
        context.close()
