"""The CI workflow and the dependencies cannot be turned against the site: every action is pinned to a
full commit (its release in a comment), checkouts keep no credentials, each job has only the
permissions it needs, and zizmor (offline) rates nothing medium or worse; Python packages install from
a lock with hashes, npm packages from package-lock.json."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ZIZMOR = Path(sys.executable).parent / "zizmor"
PINNED_USES_RE = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$")


def zizmor(path: Path) -> tuple[int, list[dict]]:
    """zizmor's findings of medium severity or worse, offline (no GitHub API: the tests run without it)."""
    result = subprocess.run([str(ZIZMOR), "--offline", "--min-severity", "medium", "--format", "json", str(path)],
                            capture_output=True, text=True)
    return result.returncode, json.loads(result.stdout or "[]")


def test_zizmor_finds_nothing_in_the_workflows():
    code, findings = zizmor(ROOT / ".github")
    assert findings == [] and code == 0


def test_zizmor_would_catch_a_floating_tag_and_a_checkout_that_keeps_its_token(tmp_path):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "site.yml").write_text(
        "on: [push]\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - run: bash scripts/dev.sh test\n", encoding="utf-8")
    code, findings = zizmor(tmp_path / ".github")
    assert code != 0
    assert {f["ident"] for f in findings} == {"unpinned-uses", "artipacked"}


def test_every_action_is_pinned_to_a_commit_with_its_release_in_a_comment():
    for workflow in sorted(WORKFLOWS.glob("*.yml")):
        uses = [line for line in workflow.read_text(encoding="utf-8").splitlines() if "uses:" in line]
        assert uses, workflow
        for line in uses:
            assert PINNED_USES_RE.match(line), f"{workflow.name}: {line.strip()}"


def test_checkouts_keep_no_credentials_and_each_job_has_its_own_permissions():
    checkouts = []
    for workflow in sorted(WORKFLOWS.glob("*.yml")):
        data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        assert data["permissions"] == {}, workflow.name  # nothing by default
        for name, job in data["jobs"].items():
            assert "write-all" not in str(job.get("permissions")), name
            assert isinstance(job.get("permissions"), dict), f"{workflow.name}: job {name} has no permissions"
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, f"{workflow.name}: job {name}"
                    checkouts.append(f"{workflow.name}: {name}")
    assert checkouts == ["site.yml: test", "site.yml: deploy"]  # every checkout was looked at
    site = yaml.safe_load((WORKFLOWS / "site.yml").read_text(encoding="utf-8"))
    assert site["jobs"]["test"]["permissions"] == {"contents": "read"}
    assert site["jobs"]["deploy"]["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def _lock() -> dict[str, tuple[str, list[str]]]:
    """requirements.lock as {normalised name: (version, sha256 hashes)}."""
    entries: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        pin = re.match(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)", line)
        if pin:
            current = re.sub(r"[-_.]+", "-", pin.group(1)).lower()
            entries[current] = (pin.group(2), [])
        for digest in re.findall(r"--hash=sha256:([0-9a-f]{64})", line):
            entries[current][1].append(digest)
    return entries


def test_every_python_package_is_locked_with_hashes_at_the_version_pyproject_pins():
    lock = _lock()
    assert len(lock) > 50
    assert all(hashes for _, hashes in lock.values()), [n for n, (_, h) in lock.items() if not h]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = project["dependencies"] + [p for extra in project["optional-dependencies"].values() for p in extra]
    for pin in pins:
        name, version = re.match(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==(\S+)$", pin).groups()
        assert lock.get(re.sub(r"[-_.]+", "-", name).lower(), (None,))[0] == version, pin
    assert "setuptools" in lock  # the project's own editable install builds with the locked setuptools


def test_setup_installs_only_from_the_locks():
    dev = (ROOT / "scripts" / "dev.sh").read_text(encoding="utf-8")
    assert '"$PY" -m pip install --quiet --require-hashes --no-deps -r requirements.lock' in dev
    assert '"$PY" -m pip install --quiet --no-deps --no-build-isolation -e .' in dev
    assert "npm ci " in dev and (ROOT / "package-lock.json").is_file()
    assert not (ROOT / "constraints.txt").exists()
