"""Pages generated from data/: the service directory, the agenda with its .ics calendar, the partners.
Built HTML in every language, with the real data (site) and with fixture data (configured_site)."""

from __future__ import annotations

import datetime as dt
import html as html_module
import re
import shutil
from urllib.parse import parse_qs, urljoin, urlsplit

import icalendar
import pytest
import yaml
from conftest import LANGUAGES, ROOT, Tags, lang_prefix, print_ready
from directory_fixtures import PAST, UPCOMING, VERIFIED_POINT, configured_site  # noqa: F401

from sitegen.models import site_data
from sitegen.pages import directory_pages

DIRECTORY, AGENDA, PARTNERS = "lokasi-layanan/", "program-komunitas/agenda/", "program-komunitas/kemitraan/"
ENTRY_RE = re.compile(r'<div class="(?P<cls>site-entry[^"]*)"[^>]*?data-(?P<kind>entry|event|partner)="(?P<id>[^"]+)"'
                      r'[^>]*>(?P<body>.*?)</div>', re.S)


def ui(lang):
    return site_data.ui_strings(lang, LANGUAGES[0])


def entries(html: str) -> dict[str, dict]:
    return {m["id"]: {"classes": m["cls"].split(), "body": m["body"], "start": m.start()}
            for m in ENTRY_RE.finditer(html)}


def real(file):
    return site_data.valid_entries(file)


# --- the directory ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_directory_lists_every_office_grouped_by_kind(site, lang):
    html = site.html(lang_prefix(lang) + DIRECTORY)
    found = entries(html)
    points = real("service-points.yml")
    assert set(found) == {p["id"] for p in points}
    kinds = yaml.safe_load((ROOT / "data" / "service-points.yml").read_text(encoding="utf-8"))["kinds"]
    heading_at = {kind: html.index(f'id="layanan-{kind}"') for kind in kinds
                  if any(p["kind"] == kind for p in points)}
    assert list(heading_at) == sorted(heading_at, key=heading_at.get)  # in the order of `kinds:`
    for point in points:
        after = [pos for kind, pos in heading_at.items() if pos < found[point["id"]]["start"]]
        assert max(after) == heading_at[point["kind"]], point["id"]  # under its own kind
        name = site_data.localized(point["name"], lang, LANGUAGES[0])
        assert f"<h4>{name}</h4>".replace("'", "&#x27;") in found[point["id"]]["body"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unverified_offices_are_labelled_and_show_no_contact(site, lang):
    found = entries(site.html(lang_prefix(lang) + DIRECTORY))
    label = ui(lang)["label.unverified"]
    points = real("service-points.yml")
    # No office is verified yet (tests/test_data_files.py); verified ones: test_verified_numbers_... below.
    assert [p["id"] for p in points if p["verified"]] == []
    for point in points:
        body, classes = found[point["id"]]["body"], found[point["id"]]["classes"]
        assert "site-unverified" in classes
        assert f'<strong class="site-unverified-label">{label}</strong>' in body
        for marker in ("tel:", "https://wa.me/", "geo:", "openstreetmap", "site-entry__contact"):
            assert marker not in body, (point["id"], marker)


def test_an_address_known_only_from_news_is_not_shown(site):
    entry = entries(site.html(DIRECTORY))["mpp-lampung-barat"]
    assert "Tugu Ara" not in entry["body"]
    assert "site-unverified" in entry["classes"]
    assert "geo:" not in entry["body"] and "openstreetmap" not in entry["body"] and "tel:" not in entry["body"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_map_or_frame_loads_with_the_pages(site, lang):
    for rel in (DIRECTORY, AGENDA, PARTNERS):
        html = site.html(lang_prefix(lang) + rel)
        assert "<iframe" not in html
        assert not re.search(r'\ssrc="https?://(?!127\.0\.0\.1)', html), rel


def test_verified_numbers_and_coordinates_become_links(configured_site):
    found = entries(configured_site.html("en/" + DIRECTORY))
    body = found["kantor-uji-terverifikasi"]["body"]
    assert "site-verified" in found["kantor-uji-terverifikasi"]["classes"] and "not verified yet" not in body
    assert 'href="tel:0728123456"' in body
    assert 'href="https://wa.me/6281211112222"' in body
    assert 'href="geo:-5.031200,104.062500"' in body
    osm = re.search(r'href="(https://www\.openstreetmap\.org/[^"]+)"', body)[1].replace("&amp;", "&")
    query = parse_qs(urlsplit(osm).query)
    assert query == {"mlat": ["-5.031200"], "mlon": ["104.062500"]}
    assert "Monday–Friday 8:00–16:00" in body and "Jalan Uji 1, Kecamatan Balik Bukit" in body
    # Recorded but not verified: none of it reaches the page.
    unverified = found["kantor-uji-belum"]["body"]
    assert "0728" not in unverified and "geo:" not in unverified and "Jalan Uji" not in unverified
    assert "not verified yet" in unverified


def test_generated_text_is_escaped(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    points = yaml.safe_load((tmp_path / "data" / "service-points.yml").read_text(encoding="utf-8"))
    points["points"][0]["name"] = 'Kantor "Uji" & Co'
    points["points"][1]["name"] = "<script>alert(1)</script>"  # refused by the data rule: never on a page
    (tmp_path / "data" / "service-points.yml").write_text(yaml.safe_dump(points), encoding="utf-8")
    markdown = directory_pages.service_points_markdown("id", "id", root=tmp_path)
    assert "Kantor &quot;Uji&quot; &amp; Co" in markdown
    assert "script" not in markdown and "alert" not in markdown


# --- the agenda ---------------------------------------------------------------------------------------


def _calendar(site, lang) -> tuple[str, icalendar.Calendar]:
    rel = lang_prefix(lang) + AGENDA
    html = site.html(rel)
    href = next(a["href"] for a in Tags(html).find("a") if "data-site-calendar" in a)
    path = urlsplit(urljoin(site.base_url + rel, href)).path.removeprefix(urlsplit(site.base_url).path)
    raw = (site.dir / path).read_bytes()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line  # folded as RFC 5545 asks
    assert b"\n" not in raw.replace(b"\r\n", b"")
    return html, icalendar.Calendar.from_ical(raw)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_empty_agenda_says_so_and_how_to_propose_in_every_language(site, lang):
    strings = ui(lang)
    html, calendar = _calendar(site, lang)
    # As the sanitizer writes it back: attributes with a value, text with only & < > escaped.
    none = html_module.escape(strings["agenda.none"], quote=False)
    assert f'<p class="site-agenda__empty" data-agenda-empty="">{none}</p>' in html
    assert html_module.escape(strings["agenda.propose"], quote=False) in html
    assert entries(html) == {}
    # A valid calendar with no event: the time zone, the name, nothing else.
    assert calendar.walk("VEVENT") == []
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    assert strings["agenda.title"] in str(calendar["X-WR-CALNAME"])
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]


def test_agenda_page_is_in_the_navigation_and_lampung_is_a_draft(site):
    for lang in LANGUAGES:
        assert 'href="../agenda/"' in site.html(lang_prefix(lang) + "program-komunitas/forum-diskusi/")
    assert 'data-notice="draft"' in site.html("lpg/" + AGENDA)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_upcoming_and_past_events_relative_to_the_build_date(configured_site, lang):
    strings = ui(lang)
    html = configured_site.html(lang_prefix(lang) + AGENDA)
    found = entries(html)
    upcoming_heading, past_heading = html.index('id="agenda-mendatang"'), html.index('id="agenda-lewat"')
    assert upcoming_heading < found["forum-uji-mendatang"]["start"] < past_heading < found["kampanye-uji-lewat"]["start"]
    assert strings["agenda.none"] not in html
    forum = found["forum-uji-mendatang"]["body"]
    assert f'<time datetime="{UPCOMING.isoformat()}T09:00+07:00">' in forum
    assert "WIB" in forum and strings["agenda.kind.forum"] in forum
    assert f'<time datetime="{PAST.isoformat()}">' in found["kampanye-uji-lewat"]["body"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_calendar_parses_with_both_events(configured_site, lang):
    _, calendar = _calendar(configured_site, lang)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"forum-uji-mendatang@lampung-barat-imigrasi", "kampanye-uji-lewat@lampung-barat-imigrasi"}
    forum = events["forum-uji-mendatang@lampung-barat-imigrasi"]
    start, end = forum.decoded("DTSTART"), forum.decoded("DTEND")
    assert (start.date(), start.time(), end.time()) == (UPCOMING, dt.time(9), dt.time(11))
    assert start.utcoffset() == dt.timedelta(hours=7)
    summary = {"id": "Topik uji: bekerja ke luar negeri dengan aman, tanpa calo",
               "lpg": "Topik uji: beguai di luar negeri", "en": "Test topic: working abroad safely, without brokers"}
    assert str(forum["SUMMARY"]) == summary[lang]  # commas survive escaping
    assert "Kecamatan Suoh" in str(forum["LOCATION"])
    campaign = events["kampanye-uji-lewat@lampung-barat-imigrasi"]
    # All-day over two days: DTEND is the day after the last day.
    assert campaign.decoded("DTSTART") == PAST and campaign.decoded("DTEND") == PAST + dt.timedelta(days=2)


def test_agenda_split_is_relative_to_the_given_day():
    events = [{"id": i, "date": d, "end_date": e, "time": None} for i, d, e in (
        ("yesterday", dt.date(2027, 1, 9), None), ("today", dt.date(2027, 1, 10), None),
        ("running", dt.date(2027, 1, 8), dt.date(2027, 1, 11)), ("later", dt.date(2027, 2, 1), None))]
    upcoming, past = directory_pages.split_agenda(events, dt.date(2027, 1, 10))
    assert [e["id"] for e in upcoming] == ["running", "today", "later"]
    assert [e["id"] for e in past] == ["yesterday"]


# --- partners -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partners_are_referrals_in_every_language(site, lang):
    html = site.html(lang_prefix(lang) + PARTNERS)
    found = entries(html)
    partners = real("partners.yml")
    assert set(found) == {p["id"] for p in partners}
    referral = ui(lang)["partners.relation.referral"]
    linked = []
    for p in partners:
        body = found[p["id"]]["body"]
        assert referral in body
        if p["link"]:
            assert f'href="{p["link"]}"' in body
            linked.append(p["link"])
    # The link check above ran for every partner with an address (tests/test_data_files.py lists them).
    assert linked == ["https://kotabumi.imigrasi.go.id/", "https://kp2mi.go.id/", "https://bp2mi.go.id/",
                      "https://peduliwni.kemlu.go.id/"]
    assert 'data-relation="agreement"' not in html


# --- print --------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_keeps_the_label_and_drops_screen_controls(configured_site, visit, lang):
    v = visit(configured_site.base_url + lang_prefix(lang) + DIRECTORY)
    print_ready(v.page)
    v.page.emulate_media(media="print")
    label = v.page.locator("#lokasi-kantor-uji-belum .site-unverified-label")
    assert label.is_visible() and label.inner_text() == ui(lang)["label.unverified"]
    assert v.page.locator(".site-unverified .site-entry__contact").count() == 0
    assert v.page.locator("#lokasi-kantor-uji-terverifikasi .site-entry__contact").first.is_visible()
    assert not v.page.locator(".site-page-actions").is_visible()
    assert not v.page.locator("[data-read-aloud]").is_visible()
