"""Step-by-step journeys (data/journeys.yml): every step's page exists in every language.

The file's shape (titles in every language, no page twice) is its schema in data_files.py; this rule
adds what needs the pages."""

from __future__ import annotations

from . import data_files
from .model import ERROR, Problem, Site


def check(site: Site):
    for journey in data_files.load_valid(site.root, data_files.JOURNEYS.file, site.languages):
        for step in journey["steps"]:
            for lang in site.languages:
                if not (site.root / "docs" / lang / step["page"]).is_file():
                    yield Problem(f"data/{data_files.JOURNEYS.file}", journey["_line"], "journeys/page",
                                  f"Langkah `{step['page']}` pada panduan `{journey['id']}` tidak ada di "
                                  f"docs/{lang}/. Periksa ejaan alamatnya, atau buat halaman itu dalam setiap "
                                  "bahasa.", ERROR)
