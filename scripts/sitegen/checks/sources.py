"""Review dates: a page's facts are re-checked against their sources regularly. (Which source proves
which statement is the citation rule's, sitegen/checks/citations.py; whether an address may be
cited at all is the source registry's, data/sources/ in sitegen/models/data_files.py.)"""

from __future__ import annotations

import datetime as dt

from sitegen.models.content import ERROR, WARNING, Problem, Site

WARN_AFTER_DAYS = 365
FAIL_AFTER_DAYS = 730


def check(site: Site, today: dt.date | None = None):
    today = today or dt.date.today()
    for page in site.pages:
        reviewed = (page.meta or {}).get("reviewed")
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
