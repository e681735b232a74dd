"""mkdocs.yml as data, for the scripts that run outside a build (docs.py, video_maker.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sitegen import ROOT


class _Loader(yaml.SafeLoader):
    pass


# mkdocs.yml reads some values from the environment (`!ENV`); outside a build they do not matter.
_Loader.add_constructor("!ENV", lambda loader, node: None)


class PythonName(str):
    """A `!!python/name:...` value (the emoji extension's options): kept as its name, and written back
    with its tag by yaml.safe_dump (the benchmark's baseline mkdocs.yml)."""


PYTHON_NAME_TAG = "tag:yaml.org,2002:python/name:"
_Loader.add_multi_constructor(PYTHON_NAME_TAG, lambda loader, suffix, node: PythonName(suffix))
yaml.SafeDumper.add_representer(PythonName, lambda dumper, value: dumper.represent_scalar(PYTHON_NAME_TAG + value, ""))


def read(config_file: Path) -> dict[str, Any]:
    """A mkdocs.yml as data, without resolving `!ENV`."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader)


def load(root: Path) -> dict[str, Any]:
    return read(root / "mkdocs.yml")


def i18n_languages(root: Path) -> list[dict[str, Any]]:
    """The `languages` of the i18n plugin, the default language first."""
    for plugin in load(root).get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = plugin["i18n"]["languages"]
            return ([lang for lang in languages if lang.get("default")]
                    + [lang for lang in languages if not lang.get("default")])
    raise SystemExit("mkdocs.yml: plugin i18n tidak ditemukan")


def site_languages(root: Path = ROOT) -> list[str]:
    """Locales, the default first. mkdocs.yml is the one place they are listed."""
    return [lang["locale"] for lang in i18n_languages(root)]
