"""The one YAML loader of the data files: LibYAML's safe loader when installed (every build reads these
files), an impossible date such as 2027-02-30 kept as text (so the data check can say which entry and
line it is on instead of the whole file failing), and each version of a file parsed once per process."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import yaml


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _timestamp_or_text(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def compose(source: str) -> tuple[yaml.Node | None, Any]:
    """The nodes (line numbers for messages) and the data of a document, parsed once."""
    node = yaml.compose(source, Loader=Loader)
    if node is None:
        return None, None
    loader = Loader("")
    try:
        return node, loader.construct_document(node)
    finally:
        loader.dispose()


def load(path: Path) -> Any:
    """A file's data, parsed once per version of the file (pages ask for the same data many times).
    The caller gets its own copy. Raises OSError or yaml.YAMLError as reading and parsing do."""
    stat = path.stat()
    return copy.deepcopy(_parse(path, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=128)
def _parse(path: Path, mtime_ns: int, size: int) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
