"""Builds a project with `--strict` in this process and writes what the sanitizer let through, page by
page: every tag with its attributes and every address scheme (tests/test_html_policy.py).

    python tests/article_inventory.py PROJECT SITE_DIR OUT.json
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def main(project: Path, site_dir: Path, out: Path) -> int:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    # The project's own package, as its build imports it (sitegen.ROOT is then the project, with its
    # fixture data): the hooks use this same sanitizer module, so the wrapper below sees every page.
    sys.path.insert(0, str(project / "scripts"))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from sitegen.transforms import html_sanitizer

    # What `mkdocs build` prints, so that a failing test shows the build's messages.
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s - %(message)s")

    tags: dict[str, set[str]] = defaultdict(set)
    schemes: dict[str, set[str]] = defaultdict(set)
    removed: list[str] = []
    pages = 0
    sanitize = html_sanitizer.sanitize

    def recording(fragment: str):
        nonlocal pages
        clean, removals = sanitize(fragment)
        pages += 1
        removed.extend(str(r) for r in removals)
        for tag, attrs in html_sanitizer.parse_elements(clean):
            tags[tag].update(attrs)
            for name in ("href", "src", "poster"):
                if name in attrs:
                    match = SCHEME_RE.match(attrs[name])
                    schemes[f"{tag} {name}"].add(match.group(1) + ":" if match else "relative")
        return clean, removals

    html_sanitizer.sanitize = recording
    try:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    except Abort as exc:
        print(exc, file=sys.stderr)
        return 1
    out.write_text(json.dumps({
        "pages": pages,
        "removed": removed,
        "tags": {tag: sorted(attrs) for tag, attrs in sorted(tags.items())},
        "schemes": {key: sorted(values) for key, values in sorted(schemes.items())},
    }, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
