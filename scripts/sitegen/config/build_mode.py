"""What kind of build this is: a deployable `mkdocs build`, or `mkdocs serve` on a volunteer's machine.

- The site's public address (`public_url`) is `site_url` from mkdocs.yml (the `SITE_URL` variable), and
  nothing under `mkdocs serve`, which points site_url at its own 127.0.0.1 server. Absolute addresses
  and QR codes are written only from it, so no build carries a machine-local address.
- Under serve, the steps a volunteer does not need to see an edit (PDF leaflets, offline zips, the CSS
  purge, the service worker, the search index) are skipped, and edited modules in scripts/ are
  imported afresh. What serve may reuse from one rebuild to the next (the content checks' results of
  unchanged files, the tools' answer pages) is `kept` here, and forgotten when scripts/ changed.

MkDocs imports its hooks file once per process (scripts/mkdocs_hooks.py, which passes every event on
to scripts/sitegen/hooks.py). This module keeps its state across serve rebuilds and is never imported
afresh. It imports the site's modules with this checkout's scripts/ first on the import path, so that
they come from the same checkout as the hooks file, also when a test builds a copy of the project
(MkDocs puts the hooks' folder on the path only while it imports the hooks file).
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path
from types import ModuleType
from typing import Callable, TypeVar

log = logging.getLogger("mkdocs.hooks.serve")

SCRIPTS = Path(__file__).resolve().parents[2]  # scripts/
serving = False
_sources_seen: dict[str, int] = {}
_kept: dict[str, object] = {}
T = TypeVar("T")


def start(command: str) -> None:
    """MkDocs' `on_startup` event: `build`, `gh-deploy` or `serve`."""
    global serving
    serving = command == "serve"
    if serving:
        # scripts/ is watched: bytecode written there on a re-import would start another rebuild.
        sys.dont_write_bytecode = True


def public_url(config) -> str | None:
    """The site's address for absolute links and QR codes (ends with `/`), or None."""
    if serving or not config.site_url:
        return None
    return config.site_url.rstrip("/") + "/"


def kept(name: str, make: Callable[[], T]) -> T | None:
    """Under serve, what the concern `name` keeps from one rebuild to the next (made by `make` the
    first time); None in any other build, which starts from nothing."""
    if not serving:
        return None
    if name not in _kept:
        _kept[name] = make()
    return _kept[name]  # type: ignore[return-value]


def reimport_edited_modules(keep: str) -> list[str]:
    """Forget every module of scripts/ (but this one and `keep`, the hooks file) once any of their
    sources changed since the last build, so that they are imported again with the edit; forgetting
    only the edited one would mix old and new modules. Returns the names forgotten."""
    global _sources_seen
    if not serving:  # a one-off build imports once: a file touched meanwhile must not reset its state
        return []
    current = {str(p): p.stat().st_mtime_ns for p in SCRIPTS.rglob("*.py")}
    changed = bool(_sources_seen) and current != _sources_seen
    _sources_seen = current
    if not changed:
        return []
    _kept.clear()  # made by the old code: the edit may change what it should hold
    forgotten = []
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if name in (__name__, keep) or not file:
            continue
        if Path(file).resolve().is_relative_to(SCRIPTS):
            del sys.modules[name]
            forgotten.append(name)
    log.info(f"Ada perubahan di scripts/: {len(forgotten)} modul dimuat ulang.")
    return forgotten


def site_hooks() -> ModuleType:
    """scripts/sitegen/hooks.py as currently imported (afresh after an edit)."""
    if "sitegen.hooks" not in sys.modules and sys.path[:1] != [str(SCRIPTS)]:
        sys.path.insert(0, str(SCRIPTS))
    return importlib.import_module("sitegen.hooks")
