"""Service-worker stamping (scripts/sitegen/postbuild/service_worker.py) on a small site folder: the build id is written
into sw.js; the same content gives the same id, wherever and whenever it is built; a change to a file
the worker keeps gives another id; files the worker never keeps do not change it."""

from __future__ import annotations

import json
from pathlib import Path

from sitegen.postbuild import service_worker

WORKER = 'const VERSION = "__VERSION__";\nconst OFFLINE_PAGES = __OFFLINE_PAGES__;\n'
# The id of the site below: the first 16 hex digits of the SHA-256 over each kept file's path, a NUL
# and the SHA-256 of its bytes, in path order (worked out once by hand with hashlib).
SITE_ID = "65576466b1eb668f"
LANGUAGES = ["id", "lpg", "en"]


def _site(root: Path) -> Path:
    files = {"sw.js": WORKER, "index.html": "<p>Beranda</p>", "en/index.html": "<p>Home</p>",
             "assets/site.css": "p{color:#000}", "offline/info-imigrasi-lampung-barat-id.zip": "zip 1",
             "calendar.ics": "BEGIN:VCALENDAR"}
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_build_id_is_stamped_into_the_worker(tmp_path):
    site = _site(tmp_path)
    assert service_worker.stamp(site, LANGUAGES, "id") == SITE_ID
    assert (site / "sw.js").read_text(encoding="utf-8") == (
        'const VERSION = "65576466b1eb668f";\n'
        'const OFFLINE_PAGES = {"": "offline.html", "en/": "en/offline.html", "lpg/": "lpg/offline.html"};\n')


def test_the_worker_ships_without_comments_and_indentation(tmp_path):
    site = _site(tmp_path)
    (site / "sw.js").write_text("// Why the worker does this.\n" + WORKER + "self.addEventListener(\"install\", () => {\n"
                                "  // keep nothing\n  self.skipWaiting();\n});\n", encoding="utf-8")
    service_worker.stamp(site, LANGUAGES, "id")
    assert (site / "sw.js").read_text(encoding="utf-8") == (
        'const VERSION = "65576466b1eb668f";\n'
        'const OFFLINE_PAGES = {"": "offline.html", "en/": "en/offline.html", "lpg/": "lpg/offline.html"};\n'
        'self.addEventListener("install", () => {\nself.skipWaiting();\n});\n')


def test_same_content_gives_the_same_id_in_another_folder(tmp_path):
    assert service_worker.version(_site(tmp_path / "a")) == SITE_ID
    assert service_worker.version(_site(tmp_path / "b")) == SITE_ID


def test_stamping_does_not_change_the_id(tmp_path):
    """sw.js itself is not part of the id: stamping it and building again gives the same id."""
    site = _site(tmp_path)
    service_worker.stamp(site, LANGUAGES, "id")
    assert service_worker.version(site) == SITE_ID


def test_changed_page_gives_another_id(tmp_path):
    site = _site(tmp_path)
    (site / "index.html").write_text("<p>Beranda baru</p>", encoding="utf-8")
    assert service_worker.version(site) == "c4a4f236df157ef4"


def test_changed_stylesheet_gives_another_id(tmp_path):
    site = _site(tmp_path)
    (site / "assets" / "site.css").write_text("p{color:#111}", encoding="utf-8")
    assert service_worker.version(site) == "c2a3061860e4f00e"


def test_moved_page_gives_another_id(tmp_path):
    """The same bytes under another path: the worker keeps pages by path."""
    site = _site(tmp_path)
    (site / "en").rename(site / "lpg")
    assert service_worker.version(site) == "faa1454ffef049e5"


def test_files_the_worker_never_keeps_do_not_change_the_id(tmp_path):
    """The zips and the calendar carry the build's date: a daily rebuild must not install a new worker."""
    site = _site(tmp_path)
    (site / "offline" / "info-imigrasi-lampung-barat-id.zip").write_text("zip 2", encoding="utf-8")
    (site / "calendar.ics").write_text("BEGIN:VCALENDAR\nDTSTAMP:20261202", encoding="utf-8")
    assert service_worker.version(site) == SITE_ID


def test_offline_pages_per_language_folder():
    assert service_worker.offline_pages(["id", "lpg", "en"], "id") == {
        "": "offline.html", "lpg/": "lpg/offline.html", "en/": "en/offline.html"}
    assert json.dumps(service_worker.offline_pages(["en", "id"], "en"), sort_keys=True) == (
        '{"": "offline.html", "id/": "id/offline.html"}')
