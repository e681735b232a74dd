"""Claim-level citations in the built site: every marker became a numbered, tappable reference; each
reference shows its passage, address and date read; fees come from data/fees.yml in the reader's
format. Expected values are written out."""

from __future__ import annotations

import re

import pytest
from conftest import LANGUAGES, Tags, lang_prefix, page_urls

FEE_TABLE = {
    "id": ["Rp650.000", "Rp950.000", "Rp350.000", "Rp1.000.000", "Rp100.000", "Rp150.000", "Rp500.000", "Gratis (Rp0)<"],
    "lpg": ["Rp650.000", "Rp950.000", "Rp350.000", "Rp1.000.000", "Rp100.000", "Rp150.000", "Rp500.000", "Gratis (Rp0)<"],
    "en": ["IDR 650,000", "IDR 950,000", "IDR 350,000", "IDR 1,000,000", "IDR 100,000", "IDR 150,000", "IDR 500,000",
           "Free (IDR 0)<"],
}


def test_no_marker_is_left_unresolved(site):
    for lang in LANGUAGES:
        for url in page_urls(site.dir):
            html = site.html(lang_prefix(lang) + url)
            assert not re.search(r"\[\^[a-z0-9-]+\]", html), (lang, url)
            assert "{{ fee" not in html and "{{ phone" not in html and "{{ fees }}" not in html, (lang, url)


def test_every_citation_links_to_a_reference_with_its_passage(site):
    cited_pages = 0
    for lang in LANGUAGES:
        for url in page_urls(site.dir):
            tags = Tags(site.html(lang_prefix(lang) + url))
            cites = {a["href"] for a in tags.find("a") if a.get("data-ref")}
            refs = {li["id"] for li in tags.find("li") if "site-ref" in (li.get("class") or "")}
            assert {c.removeprefix("#") for c in cites} == refs, (lang, url)
            cited_pages += bool(refs)
    assert cited_pages >= 60


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reference_shows_title_passage_address_and_date(site, lang):
    html = site.html(lang_prefix(lang) + "prosedur/paspor-hilang-rusak/")
    item = re.search(r'<li id="ref-1" value="1" class="site-ref">(.*?)</li>', html, re.S).group(1)
    assert re.search(r"<summary>.+</summary>", item, re.S)
    assert re.search(r'<blockquote lang="[a-z]{2,3}">[^<]{10,}</blockquote>', item)
    assert re.search(r'<a href="https://[a-z0-9.-]+\.go\.id/[^"]+"', item), item
    assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', item)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fee_table_comes_from_data_in_the_reader_s_format(site, lang):
    html = site.html(lang_prefix(lang) + "prosedur/biaya-paspor/")
    table = re.search(r"<table>.*?</table>", html, re.S).group(0)
    for amount in FEE_TABLE[lang]:
        assert amount in table, (lang, amount)
    rows = re.findall(r"<tr>.*?</tr>", table, re.S)[1:]
    assert len(rows) == 11
    assert all('class="site-cite"' in row for row in rows)
