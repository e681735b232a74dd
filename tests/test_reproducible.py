"""Reproducible builds: the same commit with the same SOURCE_DATE_EPOCH gives byte-identical output,
zips, PDF leaflets, search index and service worker included, wherever it is built."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from conftest import copy_project, mkdocs_build

EPOCH = "1764547200"  # 2025-12-01 00:00:00 UTC
PUBLIC_URL = "https://warga.example.org/info-imigrasi/"


def _hashes(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_one_commit_are_byte_identical(tmp_path):
    # Two checkouts in different folders, each with its own (empty) leaflet and image caches, so every
    # PDF and image is made twice.
    builds = []
    for name in ("first", "second"):
        project = copy_project(tmp_path / name / "checkout")
        site = tmp_path / name / "site"
        result = mkdocs_build(project, site, PUBLIC_URL, env={"SOURCE_DATE_EPOCH": EPOCH})
        assert result.returncode == 0, result.stdout + result.stderr
        builds.append(_hashes(site))
    first, second = builds
    assert sorted(first) == sorted(second)
    differ = sorted(path for path in first if first[path] != second[path])
    assert differ == []
    # What the issue names is all there, so all of it was compared.
    files = set(first)
    assert {f for f in files if f.endswith(".zip")} and {f for f in files if f.endswith(".pdf")}
    assert {"sw.js", "sitemap.xml.gz", "pagefind/pagefind-entry.json"} <= files

    site = tmp_path / "first" / "site"
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert re.search(r'const VERSION = "[0-9a-f]{16}";', worker)
    assert '"lpg/": "lpg/offline.html"' in worker
    with zipfile.ZipFile(site / "offline" / "info-imigrasi-lampung-barat-id.zip") as archive:
        assert {i.date_time for i in archive.infolist()} == {(2025, 12, 1, 0, 0, 0)}
    assert "<lastmod>2025-12-01</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_worker_version_follows_what_it_keeps_not_the_build_day(tmp_path):
    from sitegen.postbuild import service_worker

    site = tmp_path / "site"
    (site / "offline").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Beranda</h1>", encoding="utf-8")
    (site / "site.css").write_text("h1 { color: red }", encoding="utf-8")
    dated = {"offline/salinan.zip": "PK dated 2025-12-01", "agenda.ics": "DTSTAMP:20251201T000000Z",
             "sitemap.xml": "<lastmod>2025-12-01</lastmod>"}
    for rel, text in dated.items():
        (site / rel).write_text(text, encoding="utf-8")
    first = service_worker.version(site)
    for rel, text in dated.items():  # the next day's rebuild: only dated files differ
        (site / rel).write_text(text.replace("01", "02"), encoding="utf-8")
    assert service_worker.version(site) == first
    (site / "site.css").write_text("h1 { color: blue }", encoding="utf-8")
    assert service_worker.version(site) != first
