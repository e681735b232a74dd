"""Installable: one web app manifest per language, linked from every page, opening on that language's
home page, with icons; Chromium reports no installability error."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest
from conftest import LANGUAGES, PHONE, lang_prefix, page_urls
from PIL import Image

NAMES = {"id": "Info Imigrasi Lampung Barat", "lpg": "Info Imigrasi Lampung Barat",
         "en": "Lampung Barat Immigration Info"}
LANG = {"id": "id", "lpg": "ljp", "en": "en"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_manifest_opening_on_its_home(site, lang):
    manifest_url = site.base_url + lang_prefix(lang) + "manifest.webmanifest"
    data = json.loads((site.dir / lang_prefix(lang) / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert data["name"] == NAMES[lang] and data["lang"] == LANG[lang]
    assert data["display"] == "standalone" and data["theme_color"] == "#14532d"
    assert urljoin(manifest_url, data["start_url"]) == site.base_url + lang_prefix(lang)
    assert urljoin(manifest_url, data["scope"]) == site.base_url + lang_prefix(lang)
    sizes = []
    for icon in data["icons"]:
        path = site.dir / urljoin(manifest_url, icon["src"]).removeprefix(site.base_url)
        with Image.open(path) as image:
            assert image.format == "PNG" and f"{image.width}x{image.height}" == icon["sizes"]
            sizes.append(image.width)
    assert sorted(sizes) == [192, 512]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_the_manifest_of_its_language(site, lang):
    for url in page_urls(site.dir):
        page_url = site.base_url + lang_prefix(lang) + url
        html = site.html(lang_prefix(lang) + url)
        href = re.search(r'<link rel="manifest" href="([^"]+)"', html)
        assert href, url
        assert urljoin(page_url, href[1]) == site.base_url + lang_prefix(lang) + "manifest.webmanifest", url


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_chromium_finds_the_site_installable(site, browser, lang):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site.base_url + lang_prefix(lang), wait_until="networkidle")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        cdp = context.new_cdp_session(page)
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        # A test browser context is always incognito, where Chromium offers no install: nothing else.
        assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"] == site.base_url + lang_prefix(lang) + "manifest.webmanifest"
        assert manifest.get("errors", []) == []
    finally:
        context.close()
