"""Lighthouse (npm `lighthouse`, pinned in package.json) on Debian's Chromium, mobile, at a 3G-like
profile: RTT 300 ms, 400 kbit/s down and up, CPU 6x slower, simulated throttling.

Nothing leaves the machine: Chromium gets the same host-resolver rule as the Playwright runs, so a
third-party request (Google Fonts on the baseline) fails at once instead of waiting on the network.
(In simulated mode Lighthouse uses the RTT, the download throughput and the CPU factor; the upload
figure is passed for the record.)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sitegen import ROOT

from .page_bytes import BROWSER_ARGS, CHROMIUM, NO_NETWORK_ARG

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
THROTTLING = {"rttMs": 300, "throughputKbps": 400, "uploadThroughputKbps": 400, "cpuSlowdownMultiplier": 6}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def chrome_flags() -> str:
    # Lighthouse parses this string like a command line: quote the rule, which contains spaces.
    rule_flag, rule = NO_NETWORK_ARG.split("=", 1)
    return " ".join(["--headless=new", *BROWSER_ARGS, f"{rule_flag}='{rule}'"])


def command(url: str, output: Path) -> list[str]:
    return [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}", "--throttling-method=simulate",
            *[f"--throttling.{k}={v}" for k, v in THROTTLING.items()],
            f"--chrome-flags={chrome_flags()}"]


@dataclass
class Scores:
    performance: float
    accessibility: float
    best_practices: float
    seo: float
    lcp_ms: float
    fcp_ms: float
    performance_runs: tuple[float, ...] = ()  # each run's score, to show the spread
    lcp_runs_ms: tuple[float, ...] = ()


MEDIAN_FIELDS = ("performance", "accessibility", "best_practices", "seo", "lcp_ms", "fcp_ms")


def parse_report(report: dict) -> Scores:
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse: {report['runtimeError']}")
    cats, audits = report["categories"], report["audits"]

    def score(name):
        value = cats[name]["score"]
        return float("nan") if value is None else round(value * 100)

    return Scores(performance=score("performance"), accessibility=score("accessibility"),
                  best_practices=score("best-practices"), seo=score("seo"),
                  lcp_ms=audits["largest-contentful-paint"]["numericValue"],
                  fcp_ms=audits["first-contentful-paint"]["numericValue"])


def run_once(url: str) -> Scores:
    if not LIGHTHOUSE.exists():
        raise FileNotFoundError(f"{LIGHTHOUSE} missing: run `npm ci`")
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        output = Path(tmp) / "report.json"
        result = subprocess.run(command(url, output), capture_output=True, text=True,
                                env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, timeout=300)
        if result.returncode != 0 or not output.exists():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stdout}{result.stderr}")
        return parse_report(json.loads(output.read_text(encoding="utf-8")))


def median_scores(url: str, runs: int) -> Scores:
    all_runs = [run_once(url) for _ in range(runs)]
    return Scores(**{name: statistics.median(getattr(s, name) for s in all_runs) for name in MEDIAN_FIELDS},
                  performance_runs=tuple(s.performance for s in all_runs),
                  lcp_runs_ms=tuple(s.lcp_ms for s in all_runs))


if __name__ == "__main__":
    # Lighthouse alone on a site already built, served like GitHub Pages (gzip, max-age=600):
    #   python -m sitegen.benchmarking.lighthouse SITE_DIR [RUNS] [PAGE ...]   (from scripts/)
    # e.g. `mkdocs build -d /tmp/site && cd scripts && python -m sitegen.benchmarking.lighthouse /tmp/site 3 / prosedur/m-paspor/`
    import sys

    from .gzip_server import PagesServer

    site_dir, runs = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with PagesServer(site_dir) as server:
        for path in sys.argv[3:] or ["/", "prosedur/m-paspor/"]:
            s = median_scores(server.base_url + path.lstrip("/"), runs)
            print(f"{path}: performance {s.performance:.0f}, LCP {s.lcp_ms / 1000:.2f} s, FCP {s.fcp_ms / 1000:.2f} s; "
                  f"each run: " + ", ".join(f"{p:.0f} / {l / 1000:.2f} s" for p, l in zip(s.performance_runs, s.lcp_runs_ms)),
                  flush=True)
