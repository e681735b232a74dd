"""A second build of the site with fixture data and feedback targets configured, shared by
tests/test_directory.py and tests/test_feedback.py (import `configured_site` into a test module).

The real data has no event, no coordinates and no verified phone number; this build adds one upcoming
and one past event, a verified office with phone, WhatsApp and coordinates, an unverified office whose
phone is recorded (it must not show), and sets FEEDBACK_EMAIL and FEEDBACK_WHATSAPP.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
import yaml
from conftest import _build_and_serve, copy_project

from sitegen.pages import directory_pages

TODAY = directory_pages.build_date()
UPCOMING = TODAY + dt.timedelta(days=40)
PAST = TODAY - dt.timedelta(days=40)
ENV = {  # REPOSITORY_URL is set for every test build by conftest.mkdocs_build
    "FEEDBACK_EMAIL": "relawan@example.org",
    "FEEDBACK_WHATSAPP": "0812-3456-7890",
}
EVENTS = [
    {"id": "forum-uji-mendatang", "kind": "forum", "date": UPCOMING, "time": "09:00-11:00",
     "place": {"id": "Balai pekon uji, Kecamatan Suoh", "en": "Test village hall, Kecamatan Suoh"},
     "language": {"id": "Bahasa Indonesia dan bahasa Lampung", "en": "Indonesian and Lampung"},
     "topic": {"id": "Topik uji: bekerja ke luar negeri dengan aman, tanpa calo",
               "lpg": "Topik uji: beguai di luar negeri", "en": "Test topic: working abroad safely, without brokers"},
     "organiser": "Tim uji", "link": None},
    {"id": "kampanye-uji-lewat", "kind": "campaign", "date": PAST, "end_date": PAST + dt.timedelta(days=1),
     "place": "Pasar uji", "language": "Bahasa Indonesia",
     "topic": {"id": "Kampanye uji yang sudah lewat", "en": "Past test campaign"}, "organiser": "Tim uji"},
]
VERIFIED_POINT = {
    "id": "kantor-uji-terverifikasi", "kind": "regional-office",
    "name": {"id": "Kantor Uji Terverifikasi", "en": "Verified Test Office"}, "area": "Liwa, Lampung Barat",
    "address": "Jalan Uji 1", "kecamatan": "Balik Bukit", "coordinates": {"lat": -5.0312, "lon": 104.0625},
    "hours": {"id": "Senin–Jumat 08.00–16.00", "en": "Monday–Friday 8:00–16:00"},
    "phone": "0728-123 456", "whatsapp": "0812-1111-2222", "web": None, "services": ["Layanan uji"],
    "source": "https://www.imigrasi.go.id/", "verified": {"date": dt.date(2026, 11, 1), "by": "telepon uji"},
}
UNVERIFIED_POINT = {
    **VERIFIED_POINT, "id": "kantor-uji-belum", "name": "Kantor Uji Belum Diverifikasi",
    "phone": "0728-999 999", "whatsapp": None, "coordinates": {"lat": -5.1, "lon": 104.1}, "verified": False,
}


def write_fixture_data(project) -> None:
    data = project / "data"
    (data / "agenda.yml").write_text(yaml.safe_dump(EVENTS, allow_unicode=True, sort_keys=False), encoding="utf-8")
    points = yaml.safe_load((data / "service-points.yml").read_text(encoding="utf-8"))
    points["points"] += [VERIFIED_POINT, UNVERIFIED_POINT]
    (data / "service-points.yml").write_text(yaml.safe_dump(points, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")


@pytest.fixture(scope="session")
def configured_site(tmp_path_factory, request):
    project = copy_project(tmp_path_factory.mktemp("configured-project"))
    write_fixture_data(project)
    saved = {k: os.environ.get(k) for k in ENV}
    os.environ.update(ENV)
    try:
        built = _build_and_serve(project, tmp_path_factory.mktemp("configured-served"), request)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert built.result.returncode == 0, built.result.stdout + built.result.stderr
    return built
