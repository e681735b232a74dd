"""mkdocs.yml as data, for the scripts that run outside a build (docs.py, video_maker.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    pass


# mkdocs.yml reads some values from the environment (`!ENV`); outside a build they do not matter.
_Loader.add_constructor("!ENV", lambda loader, node: None)
# Extension options name Python objects (`!!python/name:...`, the emoji icons); their names suffice here.
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def load(root: Path) -> dict[str, Any]:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def i18n_languages(root: Path) -> list[dict[str, Any]]:
    """The `languages` of the i18n plugin, the default language first."""
    for plugin in load(root).get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = plugin["i18n"]["languages"]
            return ([lang for lang in languages if lang.get("default")]
                    + [lang for lang in languages if not lang.get("default")])
    raise SystemExit("mkdocs.yml: plugin i18n tidak ditemukan")


def site_languages(root: Path) -> list[str]:
    """Locales, the default first. mkdocs.yml is the one place they are listed."""
    return [lang["locale"] for lang in i18n_languages(root)]
