"""The two sites the benchmark compares, and timed `mkdocs build --strict` of each.

- project: the real mkdocs.yml, hooks, overrides and all.
- baseline: plain Material + static-i18n with default features on the same docs/ folder, from a
  generated mkdocs.yml: no custom_dir, Material's default font (Google Fonts), the default `search`
  plugin, the same i18n languages, nav and Markdown extensions, mkdocs-video for the pages that
  embed a video, no hooks. What our hooks generate (the `{{ hotlines }}`
  list, glossary tooltips, notices) stays as plain text or is simply missing there.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitegen.config import site_config
from sitegen.config.languages import material_has


def read_config(config_file: Path) -> dict:
    """mkdocs.yml without resolving `!ENV` (the benchmark sets site_url itself)."""
    return site_config.read(config_file)


def _i18n_plugin(config: dict) -> dict:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise SystemExit("mkdocs.yml: plugin i18n tidak ditemukan")


def languages(config_file: Path) -> list[str]:
    """The site's languages (locales of the i18n plugin), the default first."""
    entries = _i18n_plugin(read_config(config_file))["languages"]
    default = next((e["locale"] for e in entries if e.get("default")), entries[0]["locale"])
    return [default] + [e["locale"] for e in entries if e["locale"] != default]


def _video_plugin(docs_dir: Path) -> list:
    """Our pages embed videos with mkdocs-video's syntax `![type:video](file.mp4)`; a plain site
    with such pages uses mkdocs-video, set for local video files (<video controls>, which Chromium
    preloads as "metadata"). Without it the Markdown would become an <img> of an mp4."""
    uses_video = any("type:video" in p.read_text(encoding="utf-8") for p in docs_dir.rglob("*.md"))
    return [{"mkdocs-video": {"is_video": True}}] if uses_video else []


def baseline_config(project_config: Path, site_url: str) -> dict:
    """A plain Material + static-i18n mkdocs.yml for the project's content."""
    project = read_config(project_config)
    docs_dir = (project_config.parent / project.get("docs_dir", "docs")).resolve()
    i18n = dict(_i18n_plugin(project))
    default = next(lang["locale"] for lang in i18n["languages"] if lang.get("default"))
    configured = []
    for lang in i18n["languages"]:
        lang = dict(lang)
        # Material ships no Lampung interface; without our custom_dir such a build would be a
        # template error, so a language Material lacks gets the default language's interface (as a
        # plain site would). Every language names its own so the setting cannot leak to the next.
        lang["theme"] = {"language": lang["locale"] if material_has(lang["locale"]) else default}
        configured.append(lang)
    i18n["languages"] = configured
    return {
        "site_name": project["site_name"],
        "site_description": project.get("site_description", ""),
        "site_url": site_url,
        "docs_dir": str(docs_dir),
        "theme": {"name": "material", "language": project.get("theme", {}).get("language", "en")},
        "plugins": ["iso639-locales", "search", {"i18n": i18n}, *_video_plugin(docs_dir)],
        # Same Markdown extensions, so the article HTML is comparable; only the theme and the
        # site's own features differ.
        "markdown_extensions": project.get("markdown_extensions", []),
        "nav": project.get("nav"),
    }


def write_baseline_config(project_config: Path, dest_dir: Path, site_url: str) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    path = dest_dir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(baseline_config(project_config, site_url), allow_unicode=True,
                                   sort_keys=False), encoding="utf-8")
    return path


@dataclass
class Build:
    name: str
    config_file: Path
    site_dir: Path
    seconds: list[float] = field(default_factory=list)

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.seconds)


def mkdocs_build(config_file: Path, site_dir: Path, site_url: str) -> float:
    """One `mkdocs build --strict`; returns wall-clock seconds, raises with mkdocs' output on failure."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file),
         "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config_file.parent,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed for {config_file}:\n{result.stdout}{result.stderr}")
    return seconds


def timed_builds(build: Build, site_url: str, runs: int) -> Build:
    """Builds `runs` times into the same folder (the last build is the one served)."""
    for _ in range(runs):
        build.seconds.append(mkdocs_build(build.config_file, build.site_dir, site_url))
    return build
