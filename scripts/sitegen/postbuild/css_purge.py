"""Smaller CSS for readers on mobile data: drop the rules of Material's stylesheet that match nothing
the site uses. Material ships one stylesheet for every feature it has; we use a fraction of them."""

from __future__ import annotations

import re
from pathlib import Path

# Runs under `mkdocs serve` too? (sitegen/hooks.py asks.)
# A volunteer sees Material's whole stylesheet; readers get the purged one.
RUNS_UNDER_SERVE = False

# Rules for these stay: state classes that scripts add at run time.
ALWAYS_USED = {"js", "no-js", "focus-visible"}
_NOT_RE = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
_CLASS_RE = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ID_RE = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
_JS_WORDS_RE = re.compile(r"[\"'`]([^\"'`\n]{1,200})[\"'`]")


# Our pages are written by our own templates, which always quote attributes.
_CLASS_ATTR_RE = re.compile(r'\sclass="([^"]*)"')
_ID_ATTR_RE = re.compile(r'\sid="([^"]*)"')


def used_names(site: Path, scripts: list[Path]) -> tuple[set[str], set[str]]:
    """Classes and ids in every built page, plus words that our scripts may add as classes."""
    classes, ids = set(ALWAYS_USED), set()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8", errors="replace")
        for value in _CLASS_ATTR_RE.findall(html):
            classes.update(value.split())
        ids.update(_ID_ATTR_RE.findall(html))
    for script in scripts:
        for chunk in _JS_WORDS_RE.findall(script.read_text(encoding="utf-8")):
            classes.update(re.findall(r"[a-zA-Z][\w-]*", chunk))
    return classes, ids


def _selector_used(selector: str, classes: set[str], ids: set[str]) -> bool:
    required = _NOT_RE.sub("", selector)
    return (all(c in classes for c in _CLASS_RE.findall(required))
            and all(i in ids for i in _ID_RE.findall(required)))


def _blocks(css: str):
    """(prelude, body) for each top-level block; body is None for statements like @import."""
    i, n = 0, len(css)
    while i < n:
        j, depth, quote = i, 0, None
        while j < n:
            ch = css[j]
            if quote:
                if ch == "\\":
                    j += 1
                elif ch == quote:
                    quote = None
            elif ch in "\"'":
                quote = ch
            elif css.startswith("/*", j):
                j = css.find("*/", j + 2)
                j = n if j < 0 else j + 1
            elif ch == "{":
                if depth == 0:
                    start = j
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    yield css[i:start].strip(), css[start + 1:j]
                    break
            elif ch == ";" and depth == 0:
                yield css[i:j + 1].strip(), None
                break
            j += 1
        i = j + 1


GROUPING = ("@media", "@supports", "@layer", "@container")


def _map_rules(css: str, rewrite) -> str:
    """Apply `rewrite(prelude, body) -> body or None` to every style rule, inside grouping at-rules
    too; other at-rules (@font-face, @keyframes, @page) stay as they are. Empty blocks go."""
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.startswith(GROUPING):
            inner = _map_rules(body, rewrite)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = rewrite(prelude, body)
            if kept is not None:
                out.append(kept)
    return "".join(out)


def purge(css: str, classes: set[str], ids: set[str]) -> str:
    """Keep the selectors that can match something the site uses, and the rules that have one."""
    def rewrite(prelude: str, body: str) -> str | None:
        selectors = [s for s in _split_selectors(prelude) if _selector_used(s, classes, ids)]
        return f"{','.join(selectors)}{{{body}}}" if selectors else None

    return _map_rules(css, rewrite)


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in prelude:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


_VAR_USE_RE = re.compile(r"var\(\s*(--[\w-]+)")


def _declarations(body: str) -> list[str]:
    parts, depth, quote, current = [], 0, None, []
    for ch in body:
        if quote:
            current.append(ch)
            if ch == quote:
                quote = None
            continue
        if ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    if "".join(current).strip():
        parts.append("".join(current))
    return parts


def prune_custom_properties(css: str) -> str:
    """Drop `--name: value` declarations that no remaining rule reads (e.g. icons of admonition
    types the site never uses). Repeats until nothing changes, since variables refer to variables."""
    while True:
        used = set(_VAR_USE_RE.findall(css))

        def rewrite(prelude: str, body: str) -> str | None:
            kept = [d for d in _declarations(body)
                    if not d.strip().startswith("--") or d.strip().split(":", 1)[0].strip() in used]
            return f"{prelude}{{{';'.join(kept)}}}" if "".join(kept).strip() else None

        result = _map_rules(css, rewrite)
        if result == css:
            return result
        css = result


def purge_material_css(site_dir: str, scripts_dir: Path, append: Path | None = None) -> dict[str, tuple[int, int]]:
    """Rewrite Material's main stylesheet in the built site, with `append` (our own stylesheet) added
    at its end so that pages need one render-blocking request; returns {file: (before, after)} bytes."""
    site = Path(site_dir)
    classes, ids = used_names(site, sorted(scripts_dir.glob("*.js")))
    sizes = {}
    for sheet in (site / "assets" / "stylesheets").glob("main.*.min.css"):
        css = sheet.read_text(encoding="utf-8")
        smaller = purge(re.sub(r"/\*#\s*sourceMappingURL=[^*]*\*/", "", css), classes, ids)
        # Our own stylesheets read some of Material's variables too.
        ours = " ".join(p.read_text(encoding="utf-8") for p in (site / "assets" / "stylesheets").glob("*.css")
                        if not p.name.startswith(("main.", "palette.")))
        smaller = prune_custom_properties(smaller + "/*ours*/" + ours).split("/*ours*/")[0]
        if append is not None:
            smaller += "\n" + append.read_text(encoding="utf-8")
        sheet.write_text(smaller, encoding="utf-8")
        sizes[sheet.name] = (len(css.encode()), len(smaller.encode()))
    return sizes
