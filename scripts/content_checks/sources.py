"""Sources: every page cites an official source, never a content farm, and is reviewed regularly."""

from __future__ import annotations

import datetime as dt

from .domains import is_blocked, is_official
from .model import ERROR, WARNING, Problem, Site

WARN_AFTER_DAYS = 365
FAIL_AFTER_DAYS = 730


def check(site: Site, today: dt.date | None = None):
    today = today or dt.date.today()
    for page in site.pages:
        meta = page.meta
        if not meta:
            continue  # reported by the metadata rule
        sources = meta.get("sources")
        line = page.line_of("sources")
        if isinstance(sources, list):
            urls = [s for s in sources if isinstance(s, str)]
            for url in urls:
                if is_blocked(site.root, url):
                    yield Problem(page.display, line, "sources/blocked",
                                  f"Sumber `{url}` adalah situs tiruan yang tidak resmi dan memuat informasi "
                                  "salah. Hapus, dan kutip situs resmi (misalnya imigrasi.go.id).")
            if urls and not any(is_official(site.root, u) for u in urls):
                yield Problem(page.display, line, "sources/official",
                              "Tidak ada sumber resmi. Tambahkan minimal satu alamat situs pemerintah "
                              "(berakhiran .go.id), misalnya https://www.imigrasi.go.id/ .")
        reviewed = meta.get("reviewed")
        if isinstance(reviewed, dt.date) and not isinstance(reviewed, dt.datetime):
            age = (today - reviewed).days
            where = page.line_of("reviewed")
            if age > FAIL_AFTER_DAYS:
                yield Problem(page.display, where, "sources/stale",
                              f"Isi halaman terakhir diperiksa {age} hari lalu (lebih dari 24 bulan). Periksa "
                              "lagi setiap fakta dengan sumbernya, lalu perbarui `reviewed`.", ERROR)
            elif age > WARN_AFTER_DAYS:
                yield Problem(page.display, where, "sources/stale",
                              f"Isi halaman terakhir diperiksa {age} hari lalu (lebih dari 12 bulan). Sebaiknya "
                              "periksa lagi dengan sumbernya, lalu perbarui `reviewed`.", WARNING)
