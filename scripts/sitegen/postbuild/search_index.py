"""Search index: Pagefind over the built site, one index per <html lang> (id with Indonesian
stemming, ljp, en). Runs once all languages are built; nothing is downloaded.

Pagefind stores its files (WebAssembly, index chunks, page fragments) gzip-compressed and inflates
them in the browser itself. They are compressed again with libdeflate at its highest level: the same
bytes once inflated, about 4% fewer over the air (3 KB of a first search). Pagefind writes the
languages of pagefind/pagefind-entry.json in a different order on each run; they are put in sorted
order, so that the same pages always give the same files."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import deflate
from mkdocs.exceptions import Abort

# Runs under `mkdocs serve` too? (sitegen/hooks.py asks.)
# Under serve the search box says search is off (partials/search.html).
RUNS_UNDER_SERVE = False

# Pagefind's own compressed files; pagefind.js and the UI files are served as they are.
COMPRESSED = (".pagefind", ".pf_index", ".pf_fragment", ".pf_meta", ".pf_filter")
LEVEL = 12  # libdeflate's highest


def build(site_dir: str) -> None:
    # Only what sits in [data-pagefind-body] is indexed: the article, not menus or footers.
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", site_dir, "--silent"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise Abort(f"Pagefind gagal membuat indeks pencarian:\n{result.stdout}{result.stderr}")
    bundle = Path(site_dir) / "pagefind"
    if not (bundle / "pagefind.js").exists():
        raise Abort("Pagefind tidak menulis pagefind/pagefind.js")
    recompress(bundle)
    sort_entry_languages(bundle / "pagefind-entry.json")


def sort_entry_languages(entry_file: Path) -> None:
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry.get("languages", {}).items()))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def recompress(bundle: Path) -> int:
    """Rewrite every compressed Pagefind file that libdeflate makes smaller; returns bytes saved.
    The gzip header carries no name or time, so the same index gives the same files."""
    saved = 0
    for path in sorted(bundle.rglob("*")):
        if path.suffix not in COMPRESSED or not path.is_file():
            continue
        original = path.read_bytes()
        try:
            data = gzip.decompress(original)
        except (OSError, EOFError) as exc:
            raise Abort(f"Berkas Pagefind {path.name} tidak bisa dibuka: {exc}") from None
        smaller = deflate.gzip_compress(data, LEVEL)
        if len(smaller) < len(original):
            path.write_bytes(smaller)
            saved += len(original) - len(smaller)
    return saved
