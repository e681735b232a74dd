"""Addresses, one model each (sitegen/models/addresses.py): read by the web pages, print, leaflets,
the directory, the tools and the feedback links alike."""

from __future__ import annotations

import pytest

from sitegen.models import addresses


@pytest.mark.parametrize(("lang", "default", "prefix"), [
    ("id", "id", ""),
    ("en", "id", "en/"),
    ("lpg", "id", "lpg/"),
    ("id", "en", "id/"),
])
def test_a_language_folder_is_empty_only_for_the_default_language(lang, default, prefix):
    assert addresses.lang_prefix(lang, default) == prefix


@pytest.mark.parametrize(("url", "short"), [
    ("https://www.imigrasi.go.id/", "imigrasi.go.id"),
    ("http://Example.ORG/Path/To/", "example.org/Path/To"),
    ("https://kp2mi.go.id/pengaduan#form", "kp2mi.go.id/pengaduan"),
    ("https://lapor.go.id/search?q=paspor", "lapor.go.id/search?q=paspor"),
    ("https://peraturan.bpk.go.id/Details/123/uu-no-6-tahun-2011", "peraturan.bpk.go.id/Details/123/uu-no-6-tahun-2011"),
    ("https://youtu.be/abc?t=90", "youtu.be/abc?t=90"),
    ("HTTPS://WWW.Kemlu.go.id/", "kemlu.go.id"),
])
def test_a_short_address_is_what_a_reader_types_from_paper(url, short):
    assert addresses.short_url(url) == short


@pytest.mark.parametrize(("url", "short"), [
    ("https://warga.example.org/situs/en/video/#transkrip-m-paspor", "warga.example.org/situs/en/video/#transkrip-m-paspor"),
    ("https://www.Example.ORG/a/#b", "example.org/a/#b"),
    ("https://example.org/a/", "example.org/a"),
    ("https://example.org/a/#", "example.org/a"),
])
def test_a_short_address_may_keep_the_part_of_the_page(url, short):
    assert addresses.short_url(url, keep_fragment=True) == short


@pytest.mark.parametrize(("number", "href"), [
    ("0812-3456-7890", "tel:081234567890"),
    ("+62 812 3456 7890", "tel:+6281234567890"),
    ("(0724) 123", "tel:0724123"),
])
def test_tel_links_keep_digits_and_the_plus(number, href):
    assert addresses.tel_href(number) == href


@pytest.mark.parametrize(("number", "href"), [
    ("0812-3456-7890", "https://wa.me/6281234567890"),
    ("+62 812 3456 7890", "https://wa.me/6281234567890"),
    ("6281234567890", "https://wa.me/6281234567890"),
])
def test_whatsapp_wants_the_international_number(number, href):
    assert addresses.wa_href(number) == href


def test_a_whatsapp_message_is_encoded_whole_and_may_go_to_anyone():
    assert (addresses.wa_href("", "Paspor & biaya? lihat https://x.org/a b")
            == "https://wa.me/?text=Paspor%20%26%20biaya%3F%20lihat%20https%3A%2F%2Fx.org%2Fa%20b")
    assert addresses.wa_href("0812", "a\nb") == "https://wa.me/62812?text=a%0Ab"
