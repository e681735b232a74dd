"""`mkdocs serve`: compiled templates kept between rebuilds. MkDocs makes a new Jinja environment for
every build, and static-i18n builds each language in turn, so every rebuild compiled Material's and
our templates again, once per language. Under serve the environment gets Jinja's own bytecode cache,
held in memory by build_mode: a template is compiled again only when its source changed (Jinja checks
a hash of the source before it uses what it kept). `mkdocs build` compiles as usual.
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it when the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
