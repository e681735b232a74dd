"""The repository's own promises: the README commands are the ones CI and the workflow run, and the
contributor guide documents exactly the metadata fields the build enforces."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT

from sitegen.checks.metadata import FIELDS

TEST_COMMAND = "bash scripts/dev.sh test"


def test_readme_commands_are_what_ci_and_the_workflow_run():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert TEST_COMMAND in readme and "bash scripts/dev.sh serve" in readme
    assert TEST_COMMAND in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["test"]["steps"]]
    assert any(TEST_COMMAND in run for run in steps)
    build = [step.get("run", "") for step in workflow["jobs"]["deploy"]["steps"]]
    assert any("bash scripts/dev.sh deploy" in run for run in build)


def test_contributing_documents_every_metadata_field_and_no_other():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `([a-z_]+)` \|", guide, re.M))
    assert table == {f.name for f in FIELDS}


def test_readme_layout_names_every_folder_of_the_package_and_only_those():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `scripts/sitegen/([a-z_]+)/` \|", readme, re.M))
    package = ROOT / "scripts" / "sitegen"
    folders = {p.parent.name for p in package.glob("*/__init__.py")}
    assert rows == folders == {"benchmarking", "checks", "config", "models", "pages", "postbuild", "serve", "transforms",
                               "video"}


def test_scripts_top_level_holds_commands_and_the_hooks_shim_only():
    # The build's code lives in scripts/sitegen/, one folder per concern (README's layout table).
    top = {p.name for p in (ROOT / "scripts").glob("*.py")}
    assert top == {"benchmark.py", "docs.py", "iso639_locales.py", "mkdocs_hooks.py", "mutation_score.py",
                   "video_maker.py"}


def test_every_folder_of_the_package_says_what_it_is_for():
    for init in (ROOT / "scripts" / "sitegen").glob("**/__init__.py"):
        text = init.read_text(encoding="utf-8")
        assert text.startswith('"""') and len(text.split('"""')[1].strip()) > 30, init
