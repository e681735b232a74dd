"""Step-by-step journeys (data/journeys.yml): every step's page exists in every language (or, in a
translation, is listed in data/translations-pending.yml: it is then served in Indonesian there).

The file's shape (titles in every language, no page twice) is its schema in data_files.py; this rule
adds what needs the pages."""

from __future__ import annotations

from sitegen.models import data_files
from sitegen.models.content import ERROR, Problem, Site

from .translations import pending


def check(site: Site):
    waiting = pending(site.root)
    for journey in data_files.load_valid(site.root, data_files.JOURNEYS.file, site.languages):
        for step in journey["steps"]:
            for lang in site.languages:
                if lang != site.default_language and step["page"] in waiting.get(lang, ()):
                    continue
                if not (site.root / "docs" / lang / step["page"]).is_file():
                    yield Problem(f"data/{data_files.JOURNEYS.file}", journey["_line"], "journeys/page",
                                  f"Langkah `{step['page']}` pada panduan `{journey['id']}` tidak ada di "
                                  f"docs/{lang}/. Periksa ejaan alamatnya, atau buat halaman itu dalam setiap "
                                  "bahasa.", ERROR)
