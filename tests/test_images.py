"""Images are resized for 360-720 px screens at build time and load lazily below the fold."""

from __future__ import annotations

import re

from PIL import Image

from conftest import copy_project, mkdocs_build


def test_images_get_phone_sized_webp_variants_and_lazy_loading(tmp_path):
    project = copy_project(tmp_path / "p")
    folder = project / "docs" / "id" / "prosedur"
    Image.linear_gradient("L").resize((1600, 1000)).convert("RGB").save(folder / "contoh-antrean.png")
    page = folder / "jenis-paspor.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n![Antrean di kantor imigrasi](contoh-antrean.png)\n\n"
                    "![Antrean yang sama, lagi](contoh-antrean.png)\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:1/")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "site" / "prosedur"
    for width in (360, 720):
        variant = out / f"contoh-antrean-{width}.webp"
        with Image.open(variant) as img:
            assert img.format == "WEBP" and img.width == width
    assert (out / "contoh-antrean-360.webp").stat().st_size < (folder / "contoh-antrean.png").stat().st_size
    html = (out / "jenis-paspor" / "index.html").read_text(encoding="utf-8")
    tags = re.findall(r"<img\b[^>]*contoh-antrean[^>]*>", html)
    assert len(tags) == 2
    for tag in tags:
        assert 'srcset="../contoh-antrean-360.webp 360w, ../contoh-antrean-720.webp 720w"' in tag
        assert 'width="720" height="450"' in tag
    assert 'loading="lazy"' not in tags[0]  # the first image may be above the fold
    assert 'loading="lazy"' in tags[1]
