"""Our own JavaScript (overrides/assets/javascripts/*.js) as readers download it: comment lines and
indentation left out, everything else as written (line breaks kept, so the code means the same). The
source keeps its comments; a phone on mobile data need not fetch them (search.js: 6.2 -> 4.3 KB
gzip). Lines inside a template literal that spans lines are kept as they are."""

from __future__ import annotations

from pathlib import Path

# Runs under `mkdocs serve` too? (sitegen/hooks.py asks.) No: serve sends our scripts as written.
RUNS_UNDER_SERVE = False


def compact(source: str) -> str:
    out: list[str] = []
    in_template = False
    for line in source.splitlines():
        stripped = line.strip()
        if in_template:
            out.append(line)
        elif not stripped or stripped.startswith("//"):
            continue
        else:
            out.append(stripped)
        if line.count("`") % 2:
            in_template = not in_template
    # A backtick count that never balances means the guess above was wrong: ship the source.
    return source if in_template else "\n".join(out) + "\n"


def compact_site_scripts(site_dir: str, sources: Path, appended: dict[str, list[str]] | None = None) -> None:
    """Compact the built copy of every script in `sources` (the theme override folder). `appended`
    adds scripts at the end of another one ({"site.js": ["read-aloud.js"]}): a script nearly every
    page needs then costs no request of its own (one round trip on a slow link)."""
    built_dir = Path(site_dir) / "assets" / "javascripts"
    for source in sorted(sources.glob("*.js")):
        built = built_dir / source.name
        if built.exists():
            built.write_text(compact(source.read_text(encoding="utf-8")), encoding="utf-8")
    for target, extras in (appended or {}).items():
        built = built_dir / target
        built.write_text(built.read_text(encoding="utf-8")
                         + "".join(compact((sources / extra).read_text(encoding="utf-8")) for extra in extras),
                         encoding="utf-8")
