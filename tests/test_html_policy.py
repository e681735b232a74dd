"""The sanitizer's allow-list (scripts/html_policy.py) is exactly what the site produces: a strict
build of the real site plus a page using every Markdown extension and build feature (images, YouTube,
a directory with events, verified offices) keeps everything and uses every entry of the policy. And
the sanitizer, on its own, removes what the policy does not allow and says what it removed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PIL import Image

from conftest import LANGUAGES, ROOT, copy_project

import html_policy
import html_sanitizer
from directory_fixtures import write_fixture_data

FEATURE_PAGE = "uji/semua-fitur.md"
FEATURES = """---
title: Semua fitur
description: Halaman uji yang memakai setiap fitur Markdown situs ini.
reviewed: 2026-11-28
---

# Judul besar {#judul-besar}

Teks *miring*, **tebal**, `kode`, [tautan](https://kp2mi.go.id/ "Judul tautan"), <https://www.imigrasi.go.id/>,
[surel](mailto:relawan@example.org), SAPA {{ phone sapa-129 }} dan M-Paspor.  
Baris baru sesudah dua spasi.

![Antrean di kantor](contoh-antrean.png "Judul gambar")

![Antrean yang sama](contoh-antrean.png)

![type:video](https://www.youtube.com/watch?v=xxxxxxxxxxx "Video uji"){ transcript="#transkrip" }

## Tabel {#tabel}

| Kiri | Tengah | Kanan |
|:-----|:------:|------:|
| a | b | c |

## Istilah {#istilah}

Istilah
:   Definisi istilah.

??? note "Lipatan tertutup"
    Isi lipatan.

???+ warning "Lipatan terbuka"
    Isi lipatan.

!!! tip "Saran"
    Isi saran.

> Kutipan.

```python
kode = "contoh"
```

---

### Tingkat tiga {#tingkat-tiga}

#### Tingkat empat {#tingkat-empat}

##### Tingkat lima {#tingkat-lima}

###### Tingkat enam {#tingkat-enam}

## Transkrip {#transkrip}

Isi transkrip.
"""


def _inventory(project, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("inventory") / "inventory.json"
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "article_inventory.py"), str(project),
                             str(tmp_path_factory.mktemp("policy-site")), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def inventory(tmp_path_factory):
    """What two strict builds produce: the real site, and the site with fixture data (events, a verified
    office with phone, WhatsApp and a map) and a page using every feature."""
    real = _inventory(copy_project(tmp_path_factory.mktemp("real-project")), tmp_path_factory)
    project = copy_project(tmp_path_factory.mktemp("policy-project"))
    write_fixture_data(project)
    folder = project / "docs" / LANGUAGES[0] / "uji"
    folder.mkdir()
    (folder / "semua-fitur.md").write_text(FEATURES, encoding="utf-8")
    Image.linear_gradient("L").resize((1600, 1000)).convert("RGB").save(folder / "contoh-antrean.png")
    (project / "data" / "translations-pending.yml").write_text(
        "".join(f"{lang}:\n  - {FEATURE_PAGE}\n" for lang in LANGUAGES[1:]), encoding="utf-8")
    features = _inventory(project, tmp_path_factory)
    merged = {"pages": real["pages"] + features["pages"], "removed": real["removed"] + features["removed"]}
    for key in ("tags", "schemes"):
        merged[key] = {name: sorted(set(real[key].get(name, [])) | set(features[key].get(name, [])))
                       for name in set(real[key]) | set(features[key])}
    return merged


def test_the_strict_build_of_every_feature_removes_nothing(inventory):
    assert inventory["removed"] == []
    assert inventory["pages"] > 2 * 3 * 40  # every page of the three languages, in both builds


def test_the_policy_allows_exactly_the_tags_and_attributes_the_site_produces(inventory):
    produced = inventory["tags"]
    assert sorted(produced) == sorted(html_policy.TAGS)
    for tag, attributes in html_policy.TAGS.items():
        assert set(produced[tag]) - html_policy.GLOBAL_ATTRIBUTES == set(attributes), tag
    assert "id" in produced["h2"] and "id" in produced["div"]


def test_links_use_exactly_the_allowed_schemes_and_files_come_from_the_site(inventory):
    schemes = inventory["schemes"]
    assert set(schemes.pop("a href")) == {"relative", "https:", "mailto:", "tel:", "geo:"}
    assert schemes == {"img src": ["relative"], "source src": ["relative"], "track src": ["relative"],
                       "video poster": ["relative"]}


# --- the sanitizer on its own -------------------------------------------------------------------------

@pytest.mark.parametrize("fragment, clean, removed", [
    # What the site makes stays as it is.
    ('<p>Biaya<sup class="site-cite"><a href="#ref-1" data-ref="1">[1]</a></sup></p>',
     '<p>Biaya<sup class="site-cite"><a href="#ref-1" data-ref="1">[1]</a></sup></p>', []),
    ('<table><thead><tr><th align="right">x</th></tr></thead></table>',
     '<table><thead><tr><th align="right">x</th></tr></thead></table>', []),
    # Scripts, handlers and active addresses, however they are spelled.
    ("<script>alert(1)</script><p>x</p>", "<p>x</p>", ["tag `<script>`"]),
    ('<img src="a.png" alt="" onerror="alert(1)">', '<img src="a.png" alt="">', ["atribut `onerror` pada `<img>`"]),
    ('<a href="jav&#x61;script:alert(1)">x</a>', "<a>x</a>",
     ["atribut `href` pada `<a>` (alamat `javascript:` tidak diizinkan; tautan boleh memakai geo:, https:, "
      "mailto:, tel: atau alamat relatif)"]),
    ('<a href="java\tscript:alert(1)">x</a>', "<a>x</a>",
     ["atribut `href` pada `<a>` (alamat `javascript:` tidak diizinkan; tautan boleh memakai geo:, https:, "
      "mailto:, tel: atau alamat relatif)"]),
    ('<a href=" &#x0A;JAVASCRIPT:alert(1)">x</a>', "<a>x</a>",
     ["atribut `href` pada `<a>` (alamat `javascript:` tidak diizinkan; tautan boleh memakai geo:, https:, "
      "mailto:, tel: atau alamat relatif)"]),
    # Where Python's html.parser and browsers disagree: the browser's reading is the one that counts.
    ('<!--><img src="x.png" onerror="alert(1)">-->', '<img src="x.png">--&gt;', ["atribut `onerror` pada `<img>`"]),
    ('<noscript><p title="</noscript><img src=x.png onerror=alert(1)>"></p></noscript>',
     '&lt;p title="<img src="x.png">"&gt;<p></p>', ["tag `<noscript>`", "atribut `onerror` pada `<img>`"]),
    # An icon's <svg> is allowed (pymdownx.emoji), but nothing in it that animates, links or draws text.
    ("<svg><animate attributeName=href to=javascript:alert(1) /><a><text>x</text></a></svg>", "<svg><a>x</a></svg>",
     ["tag `<animate>`", "tag `<text>`"]),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" onload="alert(1)"><path d="M6 2" '
     'onclick="alert(1)"/><script>alert(1)</script></svg>',
     '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M6 2"></path></svg>',
     ["atribut `onload` pada `<svg>`", "atribut `onclick` pada `<path>`", "tag `<script>`"]),
    # Nothing that embeds, submits, redirects or re-bases the page.
    ('<base href="//evil.example/"><meta http-equiv="refresh" content="0;url=//evil.example">'
     '<iframe srcdoc="<script>alert(1)</script>"></iframe><form action="//evil.example"><input></form>'
     '<object data="x"></object><embed src="x">', "",
     ["tag `<base>`", "tag `<meta>`", "tag `<iframe>`", "tag `<form>`", "tag `<input>`", "tag `<object>`",
      "tag `<embed>`"]),
    # Nothing the browser would fetch from another site.
    ('<img src="//evil.example/x.png" alt="">', '<img alt="">',
     ["atribut `src` pada `<img>` (gambar, video dan takarir harus file di situs ini (alamat relatif, misalnya "
      "`gambar/antrean.png`), supaya halaman tidak memuat situs lain)"]),
    ('<img src="a.png" srcset="https://evil.example/x.png 2x" alt="">', '<img src="a.png" alt="">',
     ["atribut `srcset` pada `<img>` (daftar gambar `srcset` harus berisi file situs ini saja)"]),
    ('<div style="background:url(https://evil.example/)">x</div>', "<div>x</div>", ["atribut `style` pada `<div>`"]),
    # A link without a well-formed address loses it (nh3 cannot parse it), and says so.
    ('<a href="https://exa mple.com/">x</a>', "<a>x</a>",
     ["atribut `href` pada `<a>` (alamat `https://exa mple.com/` tidak bisa dibaca sebagai alamat web)"]),
])
def test_sanitizer_keeps_the_policy_and_names_what_it_removed(fragment, clean, removed):
    out, removals = html_sanitizer.sanitize(fragment)
    assert out == clean
    assert [str(r) for r in removals] == removed


def test_removed_things_are_found_on_their_line_of_the_markdown():
    source = "---\ntitle: x\n---\n\nTeks.\n\n<img src=\"x.png\"\n  onerror=\"alert(1)\" alt=\"\">\n\n[k](jav&#x61;script:x)\n"
    _, removals = html_sanitizer.sanitize('<p><img src="x.png" onerror="alert(1)" alt=""></p>'
                                          '<p><a href="jav&#x61;script:x">k</a></p>')
    assert [html_sanitizer.find_line(source, r) for r in removals] == [8, 10]
