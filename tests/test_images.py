"""Images are resized for 360-720 px screens at build time, load lazily below the fold, and stand
upright whatever way the phone stored them (EXIF orientation)."""

from __future__ import annotations

import re

import pytest
from conftest import copy_project, mkdocs_build
from PIL import Image

EXIF_ORIENTATION = 0x0112


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("images")
    project = copy_project(tmp / "p")
    folder = project / "docs" / "id" / "prosedur"
    Image.linear_gradient("L").resize((1600, 1000)).convert("RGB").save(folder / "contoh-antrean.png")
    # A phone photo stored sideways: 1200 x 800 pixels, red left half, blue right half, with the EXIF
    # tag "turn 90 degrees clockwise to show" (orientation 6). Upright it is 800 x 1200, red on top.
    photo = Image.new("RGB", (1200, 800), (0, 0, 255))
    photo.paste((255, 0, 0), (0, 0, 600, 800))
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = 6
    photo.save(folder / "foto-ponsel.jpg", exif=exif.tobytes(), quality=95)
    page = folder / "jenis-paspor.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n![Antrean di kantor imigrasi](contoh-antrean.png)\n\n"
                    "![Antrean yang sama, lagi](contoh-antrean.png)\n\n"
                    "![Foto dari ponsel](foto-ponsel.jpg)\n", encoding="utf-8")
    result = mkdocs_build(project, tmp / "site", "https://warga.example.org/")
    assert result.returncode == 0, result.stderr
    html = (tmp / "site" / "prosedur" / "jenis-paspor" / "index.html").read_text(encoding="utf-8")
    return project, tmp / "site", html


def test_images_get_phone_sized_webp_variants_and_lazy_loading(built):
    project, site, html = built
    out = site / "prosedur"
    for width in (360, 720):
        variant = out / f"contoh-antrean-{width}.webp"
        with Image.open(variant) as img:
            assert img.format == "WEBP" and img.width == width
    source = project / "docs" / "id" / "prosedur" / "contoh-antrean.png"
    assert (out / "contoh-antrean-360.webp").stat().st_size < source.stat().st_size
    tags = re.findall(r"<img\b[^>]*contoh-antrean[^>]*>", html)
    assert len(tags) == 2
    for tag in tags:
        assert 'srcset="../contoh-antrean-360.webp 360w, ../contoh-antrean-720.webp 720w"' in tag
        assert 'width="720" height="450"' in tag
    assert 'loading="lazy"' not in tags[0]  # the first image may be above the fold
    assert 'loading="lazy"' in tags[1]


@pytest.mark.parametrize("width", [360, 720])
def test_a_sideways_phone_photo_comes_out_upright(built, width):
    _, site, html = built
    with Image.open(site / "prosedur" / f"foto-ponsel-{width}.webp") as img:
        assert img.size == (width, width * 3 // 2)  # portrait
        assert EXIF_ORIENTATION not in img.getexif()
        rgb = img.convert("RGB")
        top, bottom = rgb.getpixel((width // 2, 5)), rgb.getpixel((width // 2, img.height - 5))
    assert top[0] > 200 and top[2] < 60, top  # red on top
    assert bottom[2] > 200 and bottom[0] < 60, bottom  # blue below
    tag = re.search(r"<img\b[^>]*foto-ponsel[^>]*>", html)[0]
    assert 'width="720" height="1080"' in tag
    assert "foto-ponsel-360.webp 360w, ../foto-ponsel-720.webp 720w" in tag
