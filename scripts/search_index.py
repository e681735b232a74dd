"""Search index: Pagefind over the built site, one index per <html lang> (id with Indonesian
stemming, ljp, en). Runs once all languages are built; nothing is downloaded.

Pagefind writes the languages of pagefind/pagefind-entry.json in a different order on each run;
they are put in sorted order, so that the same pages always give the same files."""

from __future__ import annotations

import json
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
    sort_entry_languages(Path(site_dir) / "pagefind" / "pagefind-entry.json")


def sort_entry_languages(entry_file: Path) -> None:
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry.get("languages", {}).items()))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
