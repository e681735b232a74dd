"""The same page in every language (scripts/sitegen/hooks.py `_alternates`, printed as hreflang links and
the language switcher), per language, expected addresses written out."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from sitegen import hooks as site_hooks

NAMES = {"id": "Bahasa Indonesia", "lpg": "Cawa Lampung", "en": "English"}


def _config(current: str, site_url: str | None):
    i18n = SimpleNamespace(current_language=current, default_language="id", build_languages=["id", "lpg", "en"],
                           get_language_config=lambda lang: SimpleNamespace(name=NAMES[lang]))
    return SimpleNamespace(plugins={"i18n": i18n}, site_url=site_url,
                           extra={"hreflang": {"id": "id", "lpg": "ljp", "en": "en"}})


@pytest.mark.parametrize("current, page_url, links", [
    ("id", "prosedur/biaya-paspor/", {
        "id": "https://warga.example.org/situs/prosedur/biaya-paspor/",
        "ljp": "https://warga.example.org/situs/lpg/prosedur/biaya-paspor/",
        "en": "https://warga.example.org/situs/en/prosedur/biaya-paspor/"}),
    ("lpg", "lpg/prosedur/biaya-paspor/", {
        "id": "https://warga.example.org/situs/prosedur/biaya-paspor/",
        "ljp": "https://warga.example.org/situs/lpg/prosedur/biaya-paspor/",
        "en": "https://warga.example.org/situs/en/prosedur/biaya-paspor/"}),
    ("en", "en/", {
        "id": "https://warga.example.org/situs/",
        "ljp": "https://warga.example.org/situs/lpg/",
        "en": "https://warga.example.org/situs/en/"}),
])
def test_hreflang_links_name_the_page_in_each_language(current, page_url, links):
    alternates = site_hooks._alternates(_config(current, "https://warga.example.org/situs"), page_url)
    assert {a["lang"]: a["link"] for a in alternates} == links
    assert [a["name"] for a in alternates if a["current"]] == [NAMES[current]]


@pytest.mark.parametrize("current, page_url, paths", [
    ("id", "prosedur/", {"id": "prosedur/", "ljp": "lpg/prosedur/", "en": "en/prosedur/"}),
    ("en", "en/prosedur/", {"id": "prosedur/", "ljp": "lpg/prosedur/", "en": "en/prosedur/"}),
    ("id", "", {"id": "./", "ljp": "lpg/", "en": "en/"}),
    ("lpg", None, {"id": "./", "ljp": "lpg/", "en": "en/"}),
])
def test_without_a_public_address_links_are_site_paths(current, page_url, paths):
    alternates = site_hooks._alternates(_config(current, None), page_url)
    assert {a["lang"]: a["link"] for a in alternates} == paths
    assert {a["lang"]: a["path"] for a in alternates} == paths
