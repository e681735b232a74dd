"""Official and blocked web domains, from data/source-domains.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml


@lru_cache(maxsize=None)
def _lists(root: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = yaml.safe_load((root / "data" / "source-domains.yml").read_text(encoding="utf-8")) or {}
    return tuple(data.get("official") or ()), tuple(data.get("blocked") or ())


def host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _matches(hostname: str, suffixes: tuple[str, ...]) -> bool:
    return any(hostname == s or hostname.endswith("." + s) for s in suffixes)


def is_official(root: Path, url: str) -> bool:
    official, blocked = _lists(root)
    h = host(url)
    return bool(h) and _matches(h, official) and not _matches(h, blocked)


def is_blocked(root: Path, url: str) -> bool:
    return _matches(host(url), _lists(root)[1])
