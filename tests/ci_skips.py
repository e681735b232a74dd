"""In CI a skipped test is a failed test: a skip says something was not checked (Chromium, poppler,
ffmpeg or Lighthouse missing), and CI must check everything. Outside CI a skip stays a skip, with its
reason, so a volunteer without a browser can still run the rest.

CI means the variable `CI` set to anything but empty, `false` or `0` (GitHub sets `true`, other
services `1` or `yes`). Registered in tests/conftest.py (`pytest_plugins`)."""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "false", "0")


def _fail_skip(report) -> None:
    if report.skipped and in_ci() and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"CI={os.environ['CI']}: tidak boleh ada uji yang dilewati di CI. Dilewati karena: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    _fail_skip(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    _fail_skip(outcome.get_result())
