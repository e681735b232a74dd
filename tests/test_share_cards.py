"""Share cards: Open Graph and Twitter tags on every page of every language, and the 1200x630 images
behind them (size, dimensions, reuse from the cache, same bytes on every build)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import LANGUAGES, PUBLIC_URL, ROOT, Tags, lang_prefix, page_urls, source_of, tool_pages_of
from PIL import Image

from sitegen.postbuild import share_cards

OG_LOCALE = {"id": "id_ID", "lpg": "ljp_ID", "en": "en_US"}
MAX_BYTES = 60 * 1024


def _meta(tags: Tags) -> dict[str, str]:
    out = {}
    for _, attrs in tags.tags:
        key = attrs.get("property") or attrs.get("name")
        if key and (key.startswith("og:") or key.startswith("twitter:")) and key not in out:
            out[key] = attrs.get("content")
    return out


def _title(lang: str, url: str) -> str:
    """The page's title as its front matter (or its tool's data) writes it."""
    source = source_of(ROOT / "docs", lang, url)
    if source is None:
        return tool_pages_of(lang)[url]["title"]
    return re.search(r"^title: (.+)$", source.read_text(encoding="utf-8"), re.M)[1].strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_share_tags_in_its_language(public_site, lang):
    urls = page_urls(public_site.dir)
    assert len(urls) >= 40
    for url in urls:
        page = public_site.html(lang_prefix(lang) + url)
        tags = Tags(page)
        meta = _meta(tags)
        address = PUBLIC_URL + lang_prefix(lang) + url
        assert meta["og:title"] == meta["twitter:title"] == _title(lang, url), url
        description = tags.find("meta", name="description")[0]["content"]
        assert meta["og:description"] == meta["twitter:description"] == description, url
        assert meta["og:locale"] == OG_LOCALE[lang], url
        assert sorted(l["content"] for l in tags.find("meta", property="og:locale:alternate")) == \
            sorted(v for k, v in OG_LOCALE.items() if k != lang)
        assert meta["og:url"] == tags.find("link", rel="canonical")[0]["href"] == address, url
        assert meta["og:type"] == "website"
        assert meta["og:site_name"] == ("Lampung Barat Immigration Info" if lang == "en" else "Info Imigrasi Lampung Barat")
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:image"] == meta["twitter:image"]
        assert meta["og:image"].startswith(PUBLIC_URL + "share-cards/") and meta["og:image"].endswith(".png")
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        assert (public_site.dir / meta["og:image"].removeprefix(PUBLIC_URL)).is_file()
        # The WhatsApp share link sends the same canonical address.
        share = re.search(r'href="(https://wa\.me/\?text=[^"]+)"', page)[1]
        assert unquote(html.unescape(share)).endswith(" " + address), url


def test_a_card_is_named_by_what_it_shows(public_site):
    images = {lang: _meta(Tags(public_site.html(lang_prefix(lang) + "prosedur/biaya-paspor/")))["og:image"]
              for lang in LANGUAGES}
    # Indonesian and Lampung both say "Biaya paspor" under the same site name: one file for both.
    assert images["id"] == images["lpg"]
    assert images["en"] != images["id"]  # "Passport fees", "Lampung Barat Immigration Info"


def test_share_images_are_small_1200x630_pngs(public_site):
    cards = sorted((public_site.dir / "share-cards").glob("*"))
    assert len(cards) >= 100
    for card in cards:
        assert card.suffix == ".png"
        assert card.stat().st_size <= MAX_BYTES, card.name
        with Image.open(card) as image:
            assert image.format == "PNG"
            assert image.size == (1200, 630)
    # The offline copies leave them out: only link previews fetch them.
    import zipfile

    with zipfile.ZipFile(public_site.dir / "offline" / "info-imigrasi-lampung-barat-id.zip") as archive:
        assert not [n for n in archive.namelist() if "/share-cards/" in n]


def test_the_build_takes_its_cards_from_the_cache(public_site):
    """Every card of the build is the cached file of its key: a rebuild copies, it does not draw."""
    for card in sorted((public_site.dir / "share-cards").glob("*.png")):
        cached = list(share_cards.CACHE.glob(card.stem + "*.png"))
        assert len(cached) == 1 and cached[0].read_bytes() == card.read_bytes(), card.name


def test_cards_are_cached_by_content_and_reproducible(tmp_path, monkeypatch):
    monkeypatch.setattr(share_cards, "CACHE", tmp_path / "cache")
    key, png = share_cards.card("Biaya paspor", "Info Imigrasi Lampung Barat", "warga.example.org/info")
    assert (tmp_path / "cache" / f"{key}.png").read_bytes() == png
    assert share_cards.render("Biaya paspor", "Info Imigrasi Lampung Barat", "warga.example.org/info") == png

    def no_drawing(*args):
        raise AssertionError("drawn again instead of taken from the cache")

    monkeypatch.setattr(share_cards, "render", no_drawing)
    assert share_cards.card("Biaya paspor", "Info Imigrasi Lampung Barat", "warga.example.org/info") == (key, png)
    with pytest.raises(AssertionError):
        share_cards.card("Passport fees", "Info Imigrasi Lampung Barat", "warga.example.org/info")


def test_a_long_title_still_fits_the_card(tmp_path):
    title = " ".join(["Berkewarganegaraan"] * 30)
    png = share_cards.render(title, "Info Imigrasi Lampung Barat", "warga.example.org/info")
    path = Path(tmp_path / "long.png")
    path.write_bytes(png)
    with Image.open(path) as image:
        assert image.size == (1200, 630)
    assert len(png) <= MAX_BYTES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_a_public_address_tags_stay_but_nothing_absolute(site, lang):
    for url in ("", "prosedur/biaya-paspor/", "kabar-terbaru/"):
        meta = _meta(Tags(site.html(lang_prefix(lang) + url)))
        assert meta["og:title"] == _title(lang, url)
        assert meta["og:locale"] == OG_LOCALE[lang]
        assert meta["twitter:card"] == "summary"
        assert not {"og:url", "og:image", "twitter:image"} & set(meta)
    assert not (site.dir / "assets" / "images" / "share").exists()
