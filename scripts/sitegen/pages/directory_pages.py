"""Pages generated from data/: the service directory, the outreach agenda (and its .ics calendar), the
partners. Each `*_markdown(lang, default_lang)` is a MARKERS entry in scripts/sitegen/hooks.py.

The data are read through sitegen.models.data_files.load_valid, so only entries that pass the schema
reach readers. Rules that protect readers:
- contact details (address, hours, phone, WhatsApp, map) appear only for entries with
  `verified: {date, by}`; unverified entries carry the "belum diverifikasi" label in the reader's
  language and the class `site-unverified` (the print stylesheet and leaflets key on it);
- `tel:` and WhatsApp links only for verified numbers; a `geo:` link and an OpenStreetMap link only
  where coordinates exist. No map is embedded: nothing loads until the reader taps a link.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time

from sitegen import ROOT
from sitegen.models import addresses, data_files, site_data

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")  # Lampung keeps UTC+7 all year
CALENDAR_FILE = "agenda.ics"  # written next to the page that shows the agenda
CALENDAR_ATTR = "data-site-calendar"  # marks the download link; the hook writes the file where it appears
UID_DOMAIN = "lampung-barat-imigrasi"  # stable event UIDs across builds, hosts and languages


def _languages(root: Path) -> tuple[str, ...]:
    return site_data.languages(root)  # from mkdocs.yml, the one place languages are listed


def _load(root: Path, file: str) -> list[dict]:
    return site_data.valid_entries(file, root)


def _esc(value) -> str:
    return html.escape(str(value), quote=True)


def _md_heading(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


def babel_locale(lang: str, default_lang: str) -> Locale:
    """Lampung has no locale of its own: dates and times follow the default language (Indonesian)."""
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(default_lang)


def build_date() -> dt.date:
    """Today in Lampung, or the day of SOURCE_DATE_EPOCH for a reproducible build."""
    return build_time().date()


def build_time() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), WIB)
    return dt.datetime.now(WIB)


def _link(url: str, text: str | None = None) -> str:
    shown = text or addresses.short_url(url)
    return f'<a href="{_esc(url)}" rel="noopener">{_esc(shown)}</a>'


def _item(label: str, value_html: str, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f"<li{cls}><strong>{_esc(label)}:</strong> {value_html}</li>"


def _unverified_note(ui: dict, body_key: str) -> str:
    return (f'<p class="site-entry__status"><strong class="site-unverified-label">{_esc(ui["label.unverified"])}</strong> '
            f"{_esc(ui[body_key])}</p>")


def _sources(ui: dict, urls: list[str]) -> str:
    links = ", ".join(_link(u) for u in urls)
    return f'<p class="site-entry__source">{_esc(ui["sources.title"])}: {links}</p>'


# --- service directory --------------------------------------------------------------------------------


def osm_url(lat: float, lon: float) -> str:
    return f"https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}#map=17/{lat:.6f}/{lon:.6f}"


def geo_url(lat: float, lon: float) -> str:
    return f"geo:{lat:.6f},{lon:.6f}"


def _service_point(point: dict, lang: str, default_lang: str, ui: dict) -> str:
    t = lambda value: site_data.localized(value, lang, default_lang)  # noqa: E731
    verified = point["verified"]
    classes = "site-entry site-service-point " + ("site-verified" if verified else "site-unverified")
    out = [f'<div class="{classes}" id="lokasi-{point["id"]}" data-entry="{point["id"]}" '
           f'data-verified="{"true" if verified else "false"}">',
           f"<h4>{_esc(t(point['name']))}</h4>"]
    if not verified:
        out.append(_unverified_note(ui, "directory.unverified_body"))
    items = [_item(ui["directory.area"], _esc(t(point["area"])))]
    if verified:
        contact = "site-entry__contact"
        if point["address"]:
            address = t(point["address"]) + (f", Kecamatan {point['kecamatan']}" if point["kecamatan"] else "")
            items.append(_item(ui["directory.address"], _esc(address), contact))
        if point["hours"]:
            items.append(_item(ui["directory.hours"], _esc(t(point["hours"])), contact))
        if point["phone"]:
            items.append(_item(ui["directory.phone"],
                               f'<a href="{_esc(addresses.tel_href(point["phone"]))}">{_esc(point["phone"])}</a>', contact))
        if point["whatsapp"]:
            items.append(_item("WhatsApp", f'<a href="{_esc(addresses.wa_href(point["whatsapp"]))}" rel="noopener">'
                                           f'{_esc(point["whatsapp"])}</a>', contact))
        if point["coordinates"]:
            lat, lon = point["coordinates"]
            items.append(_item(ui["directory.map"],
                               f'<a href="{_esc(geo_url(lat, lon))}">{_esc(ui["directory.map_app"])}</a> · '
                               f'<a href="{_esc(osm_url(lat, lon))}" rel="noopener">OpenStreetMap</a>', contact))
        missing = [label for field, label in (("address", ui["directory.address"]), ("hours", ui["directory.hours"]),
                                               ("phone", ui["directory.phone"]), ("whatsapp", "WhatsApp"))
                   if not point[field]]
        if missing:
            items.append(_item(", ".join(missing), _esc(ui["directory.unknown"])))
    if point["web"]:
        items.append(_item(ui["directory.web"], _link(point["web"])))
    services = "".join(f"<li>{_esc(t(s))}</li>" for s in point["services"])
    items.append(f"<li><strong>{_esc(ui['directory.services'])}:</strong><ul>{services}</ul></li>")
    out.append('<ul class="site-entry__details">' + "".join(items) + "</ul>")
    if point["note"]:
        out.append(f'<p class="site-entry__note">{_esc(t(point["note"]))}</p>')
    if verified:
        when = format_date(verified["date"], "long", locale=babel_locale(lang, default_lang))
        out.append(f'<p class="site-entry__verified">{_esc(ui["directory.verified"])} {_esc(when)}: '
                   f'{_esc(verified["by"])}</p>')
    out.append(_sources(ui, point["source"]))
    out.append("</div>")
    return "\n".join(out)


def service_points_markdown(lang: str, default_lang: str, root: Path = ROOT) -> str:
    """The directory, grouped by kind in the order of `kinds:` in data/service-points.yml."""
    ui = site_data.ui_strings(lang, default_lang)
    points = _load(root, "service-points.yml")
    blocks = []
    for kind, label in data_files.kinds(root, list(_languages(root))).items():
        members = [p for p in points if p["kind"] == kind]
        if not members:
            continue
        blocks.append(f"### {_md_heading(site_data.localized(label, lang, default_lang))} {{#layanan-{kind}}}")
        blocks.extend(_service_point(p, lang, default_lang, ui) for p in members)
    return "\n\n".join(blocks) + "\n"


# --- agenda -------------------------------------------------------------------------------------------


def _event_end(event: dict) -> dt.date:
    return event["end_date"] or event["date"]


def split_agenda(events: list[dict], today: dt.date) -> tuple[list[dict], list[dict]]:
    """(upcoming, soonest first; past, latest first). An event is upcoming until its last day is over."""
    upcoming = sorted((e for e in events if _event_end(e) >= today), key=lambda e: (e["date"], e["time"] or ("",)))
    past = sorted((e for e in events if _event_end(e) < today), key=lambda e: (e["date"], e["time"] or ("",)),
                  reverse=True)
    return upcoming, past


def _when(event: dict, lang: str, default_lang: str) -> tuple[str, str]:
    """(machine-readable datetime attribute, text) in the reader's language, times in WIB."""
    locale = babel_locale(lang, default_lang)
    text = format_date(event["date"], "full", locale=locale)
    attr = event["date"].isoformat()
    if event["end_date"] and event["end_date"] != event["date"]:
        text += " – " + format_date(event["end_date"], "full", locale=locale)
    if event["time"]:
        start, end = event["time"]
        times = [format_time(dt.time.fromisoformat(x), "short", locale=locale) for x in (start, end) if x]
        text += ", " + "–".join(times) + " WIB"
        attr += f"T{start}+07:00"
    return attr, text


def _event(event: dict, lang: str, default_lang: str, ui: dict) -> str:
    t = lambda value: site_data.localized(value, lang, default_lang)  # noqa: E731
    attr, when = _when(event, lang, default_lang)
    items = [
        _item(ui["agenda.when"], f'<time datetime="{_esc(attr)}">{_esc(when)}</time>'),
        _item(ui["agenda.place"], _esc(t(event["place"]))),
        _item(ui["agenda.kind"], _esc(ui[f"agenda.kind.{event['kind']}"])),
        _item(ui["agenda.language"], _esc(t(event["language"]))),
        _item(ui["agenda.organiser"], _esc(t(event["organiser"]))),
    ]
    if event["link"]:
        items.append(_item(ui["agenda.more"], _link(event["link"])))
    return "\n".join([
        f'<div class="site-entry site-event" id="kegiatan-{event["id"]}" data-event="{event["id"]}">',
        f"<h4>{_esc(t(event['topic']))}</h4>",
        '<ul class="site-entry__details">' + "".join(items) + "</ul>",
        "</div>",
    ])


def agenda_markdown(lang: str, default_lang: str, root: Path = ROOT, today: dt.date | None = None) -> str:
    """Upcoming and past events relative to the build date, the calendar download and how to propose
    an event. With no upcoming event the page says so."""
    ui = site_data.ui_strings(lang, default_lang)
    upcoming, past = split_agenda(_load(root, "agenda.yml"), today or build_date())
    blocks = [f"### {_md_heading(ui['agenda.upcoming'])} {{#agenda-mendatang}}"]
    if upcoming:
        blocks.extend(_event(e, lang, default_lang, ui) for e in upcoming)
    else:
        blocks.append(f'<p class="site-agenda__empty" data-agenda-empty>{_esc(ui["agenda.none"])}</p>')
    blocks.append(f'<p class="site-agenda__propose">{_esc(ui["agenda.propose"])}</p>')
    blocks.append(f'<p class="site-agenda__calendar"><a href="{CALENDAR_FILE}" download {CALENDAR_ATTR} '
                  f'type="text/calendar">{_esc(ui["agenda.calendar"])}</a></p>')
    if past:
        blocks.append(f"### {_md_heading(ui['agenda.past'])} {{#agenda-lewat}}")
        blocks.extend(_event(e, lang, default_lang, ui) for e in past)
    return "\n\n".join(blocks) + "\n"


# --- iCalendar (RFC 5545) -----------------------------------------------------------------------------

# Always present, so the file is a valid calendar (RFC 5545 wants at least one component) even with no
# event, and local times mean WIB in every calendar app.
VTIMEZONE = ("BEGIN:VTIMEZONE", "TZID:Asia/Jakarta", "BEGIN:STANDARD", "DTSTART:19700101T000000",
             "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "TZNAME:WIB", "END:STANDARD", "END:VTIMEZONE")


def _ics_text(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF + space, never splitting a UTF-8 character."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def _ics_datetime(day: dt.date, time: str | None, prop: str) -> str:
    if time is None:
        return f"{prop};VALUE=DATE:{day:%Y%m%d}"
    return f"{prop};TZID=Asia/Jakarta:{day:%Y%m%d}T{time.replace(':', '')}00"


def calendar_ics(lang: str, default_lang: str, root: Path = ROOT, calendar_name: str = "",
                 page_url: str | None = None, now: dt.datetime | None = None) -> str:
    ui = site_data.ui_strings(lang, default_lang)
    t = lambda value: site_data.localized(value, lang, default_lang)  # noqa: E731
    stamp = (now or build_time()).astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    name = " – ".join(x for x in (calendar_name, ui["agenda.title"]) if x)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Info Imigrasi Lampung Barat//Agenda//ID",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{_ics_text(name)}",
             "X-WR-TIMEZONE:Asia/Jakarta", *VTIMEZONE]
    for event in sorted(_load(root, "agenda.yml"), key=lambda e: e["date"]):
        start, end = event["time"] or (None, None)
        last = _event_end(event)
        lines += ["BEGIN:VEVENT", f"UID:{event['id']}@{UID_DOMAIN}", f"DTSTAMP:{stamp}",
                  _ics_datetime(event["date"], start, "DTSTART")]
        if start is None:  # all-day: DTEND is the day after the last day
            lines.append(_ics_datetime(last + dt.timedelta(days=1), None, "DTEND"))
        elif end or last != event["date"]:
            lines.append(_ics_datetime(last, end or start, "DTEND"))
        description = "\n".join([
            f"{ui['agenda.kind']}: {ui['agenda.kind.' + event['kind']]}",
            f"{ui['agenda.language']}: {t(event['language'])}",
            f"{ui['agenda.organiser']}: {t(event['organiser'])}",
        ])
        lines += [f"SUMMARY:{_ics_text(t(event['topic']))}", f"LOCATION:{_ics_text(t(event['place']))}",
                  f"DESCRIPTION:{_ics_text(description)}"]
        if event["link"] or page_url:
            lines.append(f"URL:{event['link'] or page_url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def write_calendar(page_dir: Path, lang: str, default_lang: str, calendar_name: str = "",
                   page_url: str | None = None, root: Path = ROOT) -> Path:
    """Write agenda.ics next to a built page that links to it."""
    target = Path(page_dir) / CALENDAR_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(calendar_ics(lang, default_lang, root, calendar_name, page_url), encoding="utf-8",
                      newline="")
    return target


# --- partners -----------------------------------------------------------------------------------------


def partners_markdown(lang: str, default_lang: str, root: Path = ROOT) -> str:
    """Official bodies we refer residents to, grouped by kind. `relation` says plainly whether a
    written agreement exists; none is claimed without one."""
    ui = site_data.ui_strings(lang, default_lang)
    t = lambda value: site_data.localized(value, lang, default_lang)  # noqa: E731
    partners = _load(root, "partners.yml")
    blocks = []
    for kind in data_files.PARTNER_KINDS:
        members = [p for p in partners if p["kind"] == kind]
        if not members:
            continue
        blocks.append(f"### {_md_heading(ui[f'partners.kind.{kind}'])} {{#mitra-{kind}}}")
        for p in members:
            relation = ui[f"partners.relation.{p['relation']}"]
            if p["agreement"]:
                when = format_date(p["agreement"]["date"], "long", locale=babel_locale(lang, default_lang))
                relation += f" ({p['agreement']['document']}, {when})"
            items = [_item(ui["partners.relation"], _esc(relation))]
            if p["link"]:
                items.append(_item(ui["directory.web"], _link(p["link"])))
            if p["contact"]:
                items.append(_item(ui["partners.contact"], _esc(t(p["contact"]))))
            blocks.append("\n".join([
                f'<div class="site-entry site-partner" id="mitra-{p["id"]}" data-partner="{p["id"]}" '
                f'data-relation="{p["relation"]}">',
                f"<h4>{_esc(t(p['name']))}</h4>",
                f"<p>{_esc(t(p['role']))}</p>",
                '<ul class="site-entry__details">' + "".join(items) + "</ul>",
                _sources(ui, p["source"]),
                "</div>",
            ]))
    return "\n\n".join(blocks) + "\n"
