"""Search index: Pagefind over the built site, one index per <html lang> (id with Indonesian
stemming, ljp, en). Runs once all languages are built; nothing is downloaded."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

log = logging.getLogger("mkdocs.hooks.site")


def build(site_dir: str) -> None:
    # Only what sits in [data-pagefind-body] is indexed: the article, not menus or footers.
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", site_dir, "--silent"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise Abort(f"Pagefind gagal membuat indeks pencarian:\n{result.stdout}{result.stderr}")
    if not (Path(site_dir) / "pagefind" / "pagefind.js").exists():
        raise Abort("Pagefind tidak menulis pagefind/pagefind.js")
