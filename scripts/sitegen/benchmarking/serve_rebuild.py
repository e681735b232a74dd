"""`mkdocs serve` for volunteers: how long a one-page edit takes to show, on the project and on the
plain Material + static-i18n baseline, for the same edit of the same page.

Both servers run on a throw-away copy of the project (mkdocs.yml, docs/, overrides/, scripts/, data/),
one after the other. Each run adds one plain sentence to the same Markdown page (no digits, so no
content rule trips over it); the time runs from the moment the file is written until the server logs
"Reloading browsers", i.e. the rebuild is complete and the open page is told to reload, and the page
served must then carry the sentence. One warm-up edit per server is not counted.
"""

from __future__ import annotations

import os
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.config import languages

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts", "data")
EDITED_PAGE = "prosedur/m-paspor.md"  # a leaflet page with a video: the project's heaviest kind
EDIT_WORDS = ("alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
              "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango")
# The end of a rebuild. Not "Documentation built in N seconds": MkDocs logs each text of that logger
# once per process (its DuplicateFilter), so a rebuild as long as an earlier one, to the hundredth of a
# second, goes unannounced.
REBUILT = "Reloading browsers"
SERVING = "Serving on"


@dataclass
class ServeResult:
    name: str
    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def copy_project(project_root: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = project_root / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServeProcess:
    """`mkdocs serve` in a subprocess; its log lines arrive on a queue with the time they were read."""

    def __init__(self, config_file: Path):
        self.port = _free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("SITE_URL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", str(config_file),
             "-a", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=config_file.parent)
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.log.append(line)
            self.lines.put((time.perf_counter(), line))
        self.lines.put((time.perf_counter(), ""))

    def wait_for(self, text: str, after: float = 0.0, limit: float = 600.0) -> float:
        """The time the first log line containing `text`, read after `after`, arrived."""
        deadline = time.perf_counter() + limit
        while True:
            try:
                when, line = self.lines.get(timeout=max(0.1, deadline - time.perf_counter()))
            except queue.Empty:
                raise RuntimeError(f"mkdocs serve did not log {text!r}:\n{''.join(self.log[-30:])}") from None
            if line == "":
                raise RuntimeError(f"mkdocs serve stopped:\n{''.join(self.log[-30:])}")
            if text in line and when >= after:
                return when

    def settle(self, quiet: float = 2.0) -> None:
        """Wait until the server has logged nothing for `quiet` seconds (no build running)."""
        while True:
            try:
                _, line = self.lines.get(timeout=quiet)
            except queue.Empty:
                return
            if line == "":
                raise RuntimeError(f"mkdocs serve stopped:\n{''.join(self.log[-30:])}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=60) as response:
            return response.read().decode("utf-8")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _edit(server: ServeProcess, name: str, page_md: Path, original: str, page_path: str, run: int) -> float:
    """Add one sentence to the page; seconds until the rebuild that shows it has finished."""
    server.settle()
    sentence = f"Catatan uji kecepatan {EDIT_WORDS[run % len(EDIT_WORDS)]} {name}."
    page_md.write_text(original.rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8")
    written = time.perf_counter()
    for attempt in range(3):  # a build that was already under way may end first
        built = server.wait_for(REBUILT, after=written, limit=600 if attempt == 0 else 120)
        if sentence in server.get(page_path):
            return built - written
    raise RuntimeError(f"{name}: the edit is not on http://127.0.0.1:{server.port}/{page_path}")


def compare(project_root: Path, work_dir: Path, baseline_config_writer, runs: int) -> tuple[ServeResult, ServeResult]:
    """(project, baseline) one-page edit times. Each server works on its own copy of the project and
    both run at once; the edits alternate between them, so that a busy moment of the machine hits
    both alike. `baseline_config_writer(project_config, dest_dir)` writes the baseline's mkdocs.yml."""
    page_path = EDITED_PAGE.removesuffix(".md") + "/"
    sites = []
    for name in ("project", "baseline"):
        copy = copy_project(project_root, work_dir / f"serve-{name}")
        config = copy / "mkdocs.yml"
        if name == "baseline":
            config = baseline_config_writer(config, work_dir / "serve-baseline-config")
        page_md = copy / "docs" / languages.load(copy).default.code / EDITED_PAGE
        sites.append((ServeResult(name), config, page_md, page_md.read_text(encoding="utf-8")))
    servers = []
    try:
        for result, config, _, _ in sites:
            servers.append(ServeProcess(config))
            servers[-1].wait_for(SERVING)
        for run in range(runs + 1):
            for server, (result, _, page_md, original) in zip(servers, sites):
                seconds = _edit(server, result.name, page_md, original, page_path, run)
                if run:  # the first edit of each warms up
                    result.seconds.append(seconds)
    finally:
        for server in servers:
            server.stop()
    return sites[0][0], sites[1][0]
