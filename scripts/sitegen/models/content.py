"""What the rules read (pages with their front matter) and what they report (problems)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

ERROR = "error"
WARNING = "warning"

# LibYAML's loader when present: the checks parse every page's front matter on every build.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Page.read's last object per file: one entry per file ever read, replaced when the bytes change.
_last_read: dict[tuple[Path, str, str], "Page"] = {}
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    rule: str
    message: str  # plain Indonesian: what is wrong and how to fix it
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "GALAT" if self.severity == ERROR else "PERINGATAN"
        return f"{where}: {label} [{self.rule}] {self.message}"


@dataclass
class Page:
    """One Markdown page of one language, read from disk without trusting its content."""

    root: Path  # repository root
    path: Path  # absolute path
    lang: str  # folder under docs/: id, lpg, en
    rel: str  # path inside the language folder, e.g. prosedur/biaya-paspor.md
    raw: bytes = field(repr=False)
    # What markdown_text derives from `raw` (prose lines), computed once per object (Memo reuses the object).
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def display(self) -> str:
        return self.path.relative_to(self.root).as_posix()

    @cached_property
    def digest(self) -> str:
        """The file's content hash: what a remembered result of this page is keyed by (Memo)."""
        return hashlib.sha256(self.raw).hexdigest()

    @cached_property
    def text(self) -> str:
        # Decoding errors are reported by the hygiene rule; here we only need something readable.
        return self.raw.decode("utf-8", errors="replace").lstrip("\ufeff").replace("\r\n", "\n")

    @cached_property
    def _front(self) -> tuple[dict[str, Any] | None, dict[str, int], str | None, int, int]:
        """(data, line of each key, YAML error, first body line, line of the opening ---)."""
        match = FRONT_MATTER_RE.match(self.text)
        if not match:
            return None, {}, None, 1, 0
        body_line = self.text[: match.end()].count("\n") + 1
        source = match.group(1) or ""
        try:
            node = yaml.compose(source, Loader=SAFE_LOADER)
            data = yaml.load(source, Loader=SAFE_LOADER)
        except yaml.YAMLError as exc:
            # Where the broken construct starts (an unclosed bracket), else where parsing failed.
            mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
            line = (mark.line + 2) if mark else 1  # +1 for 1-based, +1 for the opening ---
            reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            return None, {"__error__": line}, str(reason), body_line, 1
        lines: dict[str, int] = {}
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                lines[str(key_node.value)] = key_node.start_mark.line + 2
        if data is None:
            data = {}
        if not isinstance(data, dict):
            return None, {"__error__": 2}, "front matter harus berupa daftar `nama: nilai`", body_line, 1
        return data, lines, None, body_line, 1

    @property
    def meta(self) -> dict[str, Any] | None:
        """The front matter, or None when it is missing or broken."""
        return self._front[0]

    @property
    def meta_error(self) -> tuple[int, str] | None:
        data, lines, error, _, _ = self._front
        return (lines["__error__"], error) if error else None

    @property
    def has_front_matter(self) -> bool:
        return self._front[4] == 1

    def line_of(self, key: str) -> int:
        """Line of a front-matter key; the opening `---` when the key is absent."""
        return self._front[1].get(key, 1 if self.has_front_matter else 1)

    @property
    def body_start(self) -> int:
        return self._front[3]

    @cached_property
    def body(self) -> str:
        match = FRONT_MATTER_RE.match(self.text)
        return self.text[match.end():] if match else self.text

    @classmethod
    def read(cls, root: Path, lang: str, rel: str) -> "Page | None":
        """The page as it is on disk now. A build asks for the same pages many times (the outdated
        notice, the status page, what's new): while a file's bytes are unchanged, the object read
        last time is returned, with its front matter already parsed."""
        path = root / "docs" / lang / rel
        if not path.is_file():
            return None
        raw = path.read_bytes()
        known = _last_read.get((root, lang, rel))
        if known is not None and known.raw == raw:
            return known
        _last_read[(root, lang, rel)] = page = cls(root=root, path=path, lang=lang, rel=rel, raw=raw)
        return page

    def body_lines(self):
        """(line number, text) for each line of the body."""
        for offset, line in enumerate(self.body.split("\n")):
            yield self.body_start + offset, line


class Memo:
    """Results of one rule on one page (or page pair), remembered by the pages' content hashes, for
    `mkdocs serve`: a rebuild re-checks only the files whose bytes changed. A rule's key names every
    page it read (path and `digest`) and every other input (for example the ids of data/sources/), so
    a remembered result is only reused for the same input. (Pages whose bytes are unchanged are the
    same objects as in the last run, parsed once: Page.read.) Rules that read the whole site are not remembered:
    they run every time. build_mode keeps the memo across rebuilds and forgets it when a module of
    scripts/ changed (the rules themselves may have)."""

    def __init__(self):
        self.results: dict[Hashable, tuple[Problem, ...]] = {}
        self.used: set[Hashable] = set()
        self.hits = self.misses = 0  # for the log and the tests

    def start(self) -> None:
        self.used.clear()
        self.hits = self.misses = 0

    def finish(self, site: "Site") -> None:
        """Keep only what this run used: the results of older versions of a file go."""
        self.results = {k: v for k, v in self.results.items() if k in self.used}

    def remember(self, key: Hashable, compute: Callable[[], Iterable[Problem]]) -> tuple[Problem, ...]:
        self.used.add(key)
        if key in self.results:
            self.hits += 1
        else:
            self.misses += 1
            self.results[key] = tuple(compute())
        return self.results[key]


@dataclass
class Site:
    """All pages of all languages, plus the configuration the rules need."""

    root: Path
    languages: list[str]  # first is the default (original) language
    pages: list[Page]
    memo: Memo | None = None  # under `mkdocs serve` only

    def remember(self, key: Hashable, compute: Callable[[], Iterable[Problem]]) -> Iterable[Problem]:
        """`compute()`, or its remembered result for the same key (see Memo): the key must name the
        content hash of every page the rule reads and every other input it uses."""
        return compute() if self.memo is None else self.memo.remember(key, compute)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def pages_of(self, lang: str) -> dict[str, Page]:
        return {p.rel: p for p in self.pages if p.lang == lang}

    @classmethod
    def load(cls, root: Path, languages: list[str], memo: Memo | None = None) -> "Site":
        docs = root / "docs"
        pages = []
        for lang in languages:
            base = docs / lang
            for path in sorted(base.rglob("*.md")):
                pages.append(Page.read(root, lang, path.relative_to(base).as_posix()))
        return cls(root=root, languages=languages, pages=pages, memo=memo)
