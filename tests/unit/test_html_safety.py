"""The html_safety content rule (scripts/sitegen/checks/html_safety.py), one hostile payload per case:
each gives exactly the message the volunteer sees, with file and line. The payload sits on line 8,
after the front matter and one line of text, so a line number that drifts shows."""

from __future__ import annotations

import pytest
from unit_site import page, problems

from sitegen.checks import html_safety

FRONT = "---\ntitle: Uji\ndescription: Uji.\nreviewed: 2026-11-28\n---\n\nTeks biasa.\n"
WHERE = "docs/id/uji.md:8: GALAT"
HANDLER = "Atribut `{}=` menjalankan kode dan tidak diizinkan. Hapus atribut itu."
NOT_MARKDOWN = "Halaman hanya boleh berisi teks Markdown."
SCHEMES = "tautan boleh memakai geo:, https:, mailto:, tel: atau alamat relatif"
LOCAL_FILES = ("gambar, video dan takarir harus file di situs ini (alamat relatif, misalnya `gambar/antrean.png`), "
               "supaya halaman tidak memuat situs lain")
IMG_ATTRIBUTES = "alt, class, decoding, height, id, loading, sizes, src, srcset, title, width"


def tag(name: str, hint: str = NOT_MARKDOWN) -> str:
    return (f"{WHERE} [html/forbidden-tag] Tag HTML `<{name}>` tidak diizinkan karena bisa membahayakan pembaca. "
            f"Hapus tag itu. {hint}")


CASES = {
    "script": ("<script>alert(1)</script>", [tag("script"), tag("script")]),  # opening and closing tag
    "closing tag too": ("</script>", [tag("script")]),
    "iframe hint": ('<iframe src="https://www.youtube.com/embed/x"></iframe>',
                    [tag("iframe", "Untuk video pakai `![type:video](alamat-video)`.")] * 2),
    "upper-case tag": ("<SCRIPT>alert(1)", [tag("script")]),
    # An icon's <svg> is allowed (pymdownx.emoji writes them), its handlers are not.
    "svg handler": ("<svg onload=alert(1)>", [f"{WHERE} [html/event-handler] " + HANDLER.format("onload")]),
    "svg animation": ("<svg><animate attributeName=href to=javascript:alert(1) />", [tag("animate")]),
    "event handler": ('<img src="x.png" alt="" onerror="alert(1)">', [f"{WHERE} [html/event-handler] " + HANDLER.format("onerror")]),
    "event handler upper case": ('<p ONCLICK="alert(1)">x</p>', [f"{WHERE} [html/event-handler] " + HANDLER.format("onclick")]),
    "event handler without quotes": ("<img src=x.png alt='' onerror=alert(1)>",
                                     [f"{WHERE} [html/event-handler] " + HANDLER.format("onerror")]),
    "style": ('<p style="color:red">x</p>',
              [f"{WHERE} [html/forbidden-attribute] Atribut `style` tidak diizinkan pada `<p>`. Hapus atribut itu; "
               "yang boleh: class, data-agenda-empty, id."]),
    "unknown attribute on img": ('<img src="x.png" alt="" data-x="1">',
                                 [f"{WHERE} [html/forbidden-attribute] Atribut `data-x` tidak diizinkan pada `<img>`. "
                                  f"Hapus atribut itu; yang boleh: {IMG_ATTRIBUTES}."]),
    "javascript link": ('<a href="javascript:alert(1)">x</a>',
                        [f"{WHERE} [html/unsafe-url] Atribut `href` pada `<a>`: alamat `javascript:` tidak diizinkan; "
                         f"{SCHEMES}."]),
    "entity-encoded scheme": ('<a href="jav&#x61;script:alert(1)">x</a>',
                              [f"{WHERE} [html/unsafe-url] Atribut `href` pada `<a>`: alamat `javascript:` tidak "
                               f"diizinkan; {SCHEMES}."]),
    "http link": ('<a href="http://imigrasi.go.id/">x</a>',
                  [f"{WHERE} [html/unsafe-url] Atribut `href` pada `<a>`: alamat `http:` tidak aman; ganti dengan "
                   "https://."]),
    "other host image": ('<img src="https://evil.example/x.png" alt="">',
                         [f"{WHERE} [html/unsafe-url] Atribut `src` pada `<img>`: {LOCAL_FILES}."]),
    "protocol-relative image": ('<img src="//evil.example/x.png" alt="">',
                                [f"{WHERE} [html/unsafe-url] Atribut `src` pada `<img>`: {LOCAL_FILES}."]),
    "value out of its list": ('<td align="justify">x</td>',
                              [f"{WHERE} [html/forbidden-attribute] Atribut `align` pada `<td>`: nilai `justify` tidak "
                               "diizinkan; yang boleh: center, left, right."]),
    "cdata": ("<![CDATA[x]]>",
              [f"{WHERE} [html/forbidden-tag] Bagian `<!...>` atau `<?...>` (misalnya `<![CDATA[`) tidak diizinkan; "
               "peramban dan pemeriksa bisa membacanya berbeda. Hapus bagian itu. Catatan untuk penyunting ditulis "
               "`<!-- ... -->`."]),
    "attribute list handler": ('Teks.{ onclick="alert(1)" }', [f"{WHERE} [html/event-handler] " + HANDLER.format("onclick")]),
    "attribute list class": ("Teks.{ .merah }",
                             [f"{WHERE} [html/forbidden-attribute] `{{ .merah }}` tidak diizinkan di daftar atribut. "
                              "Yang boleh hanya id judul atau bagian, misalnya `{#nama-bagian}`."]),
    "attribute list style": ('Teks.{ style="x" }',
                             [f"{WHERE} [html/forbidden-attribute] `{{ style=\"x\" }}` tidak diizinkan di daftar "
                              "atribut. Yang boleh hanya id judul atau bagian, misalnya `{#nama-bagian}`."]),
    "markdown javascript link": ("[klik](javascript:alert(1))",
                                 [f"{WHERE} [html/unsafe-url] Tautan `javascript:alert(1`: alamat `javascript:` "
                                  f"tidak diizinkan; {SCHEMES}."]),
    "markdown tab-split scheme": ("[klik](java\tscript:alert(1))",
                                  [f"{WHERE} [html/unsafe-url] Tautan `javascript:alert(1`: alamat `javascript:` "
                                   f"tidak diizinkan; {SCHEMES}."]),
    "markdown image from another site": ("![x](https://evil.example/x.png)",
                                         [f"{WHERE} [html/unsafe-url] Gambar `https://evil.example/x.png`: "
                                          f"{LOCAL_FILES}."]),
    "reference link": ("[k]: javascript:alert(1)",
                       [f"{WHERE} [html/unsafe-url] Tautan `javascript:alert(1)`: alamat `javascript:` tidak "
                        f"diizinkan; {SCHEMES}."]),
    "autolink http": ("<http://evil.example/>",
                      [f"{WHERE} [html/unsafe-url] Tautan `http://evil.example/`: alamat `http:` tidak aman; ganti "
                       "dengan https://."]),
}
ALLOWED = {
    "comment": "<!-- catatan untuk penyunting -->",
    "autolink https": "<https://www.imigrasi.go.id/wna>",
    "mail autolink": "<nama@contoh.go.id>",
    "heading id": "Teks.{ #bagian }",
    "abbr": '<abbr title="Kantor Imigrasi">Kanim</abbr>',
    "https link": "[Imigrasi](https://www.imigrasi.go.id/wna)",
    "tel link": "[Telepon](tel:129)",
    "local image": "![Antrean](gambar/antrean.png)",
    "marker": "{{ hotlines }}",
    "video embed": '![type:video](https://www.youtube.com/watch?v=abc "Judul")',
}


@pytest.mark.parametrize("payload, expected", CASES.values(), ids=CASES.keys())
def test_each_hostile_payload_is_named_with_its_line(tmp_path, payload, expected):
    assert problems(html_safety, tmp_path, [page(tmp_path, "id", "uji.md", FRONT + payload + "\n")]) == expected


@pytest.mark.parametrize("markdown", ALLOWED.values(), ids=ALLOWED.keys())
def test_what_the_site_itself_writes_passes(tmp_path, markdown):
    assert problems(html_safety, tmp_path, [page(tmp_path, "id", "uji.md", FRONT + markdown + "\n")]) == []


def test_code_blocks_are_not_html(tmp_path):
    text = FRONT + "```html\n<script>alert(1)</script>\n```\n\nKode `<script>` di dalam teks.\n"
    assert problems(html_safety, tmp_path, [page(tmp_path, "id", "uji.md", text)]) == []
