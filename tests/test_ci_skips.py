"""tests/ci_skips.py: with CI set to anything but empty, `false` or `0`, a skipped test fails."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT

SKIPPING = """\
import pytest

def test_needs_a_browser():
    pytest.skip("Chromium not found")

@pytest.mark.xfail(reason="known")
def test_known_failure():
    assert False

def test_passes():
    pass
"""
MODULE_SKIP = 'import pytest\npytest.importorskip("no_such_module_here")\n\ndef test_x():\n    pass\n'


def _run(tmp_path, source: str, ci: str | None) -> subprocess.CompletedProcess:
    (tmp_path / "test_sample.py").write_text(source, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = str(ROOT / "tests")
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "ci_skips", "-p", "no:cacheprovider", "-q",
                           "-rfs", "test_sample.py"], cwd=tmp_path, capture_output=True, text=True, env=env)


@pytest.mark.parametrize("ci", ["true", "1", "yes", "TRUE"])
def test_in_ci_a_skip_fails_with_its_reason(tmp_path, ci):
    result = _run(tmp_path, SKIPPING, ci)
    assert result.returncode == 1, result.stdout
    assert "1 failed, 1 passed, 1 xfailed" in result.stdout
    assert f"CI={ci}: tidak boleh ada uji yang dilewati di CI. Dilewati karena: Skipped: Chromium not found" \
        in result.stdout


def test_in_ci_a_module_skip_fails(tmp_path):
    result = _run(tmp_path, MODULE_SKIP, "true")
    assert result.returncode != 0 and "no_such_module_here" in result.stdout, result.stdout


@pytest.mark.parametrize("ci", [None, "", "false", "0", "False"])
def test_outside_ci_a_skip_stays_a_skip(tmp_path, ci):
    result = _run(tmp_path, SKIPPING, ci)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 1 skipped, 1 xfailed" in result.stdout
