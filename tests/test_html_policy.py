"""The sanitizer's allow-list (scripts/sitegen/transforms/html_policy.py) is exactly what the site produces: a strict
build of the real site plus a page using every Markdown extension and build feature (images, YouTube,
a directory with events, verified offices) keeps everything and uses every entry of the policy. And
the sanitizer, on its own, removes what the policy does not allow and says what it removed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import LANGUAGES, ROOT, copy_project
from directory_fixtures import write_fixture_data
from PIL import Image

from sitegen.transforms import html_policy

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


# The sanitizer on its own, one payload per case: tests/unit/test_sanitizer.py.
