"""Data files in data/: every problem their validation finds (schemas in sitegen/models/data_files.py),
with file, entry and line, and each source id used once across data/sources/."""

from __future__ import annotations

from sitegen.models import data_files
from sitegen.models.content import Problem, Site


def check(site: Site):
    for schema in data_files.SCHEMAS:
        yield from data_files.validated(site.root, schema, site.languages)[1]
    yield from data_files.ui_string_problems(site.root, site.languages)
    seen: dict[str, str] = {}
    for schema in data_files.source_schemas(site.root):
        valid, problems = data_files.validated(site.root, schema, site.languages)
        yield from problems
        for entry in valid:
            where = f"data/{schema.file}:{entry['_line']}"
            if entry["id"] in seen:
                yield Problem(f"data/{schema.file}", entry["_line"], f"data/{schema.stem}/duplicate-id",
                              f"Kode sumber `{entry['id']}` sudah dipakai di {seen[entry['id']]}. Setiap sumber "
                              "perlu kode sendiri di semua file data/sources/; ganti salah satunya.")
            else:
                seen[entry["id"]] = where
