"""The benchmark's tables (Markdown, printed and written to BENCHMARK.md) and the machine it ran on."""

from __future__ import annotations

import math
import os
import platform
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .lighthouse import Scores
from .page_bytes import Measurement, SearchMeasurement, is_search_path
from .search_hits import TOP, Outcome
from .sites import Build

KB = 1000  # bytes; the targets and Chromium's DevTools count kB this way

# Targets from issue 5, on the project's figures.
TARGET_FIRST_VISIT_KB = 60
TARGET_SECOND_VIEW_KB = 10
TARGET_FIRST_QUERY_KB = 120
TARGET_PERFORMANCE = 95
TARGET_LCP_S = 2.0
# Issue 14: residents' queries (tests/search_queries.yml) answered in the first three results.
TARGET_HIT_RATE = 0.95
# Issue 13: a one-page edit under `mkdocs serve` shows in at most 1.5x the baseline's time.
TARGET_SERVE_RATIO = 1.5


@dataclass
class SiteResult:
    """Everything measured on one site."""

    name: str
    build: Build
    pages: int
    home: Measurement
    content: Measurement
    second: Measurement
    search: SearchMeasurement
    lighthouse: dict[str, Scores] = field(default_factory=dict)  # page label -> scores
    hits: list[Outcome] = field(default_factory=list)  # the residents' query set, if it was run

    @property
    def scenarios(self) -> list[Measurement | None]:
        return [self.home, self.content, self.second, self.search.total]


def kb(n: int | float | None) -> str:
    return "n/a" if n is None else f"{n / KB:.1f} KB"


def ratio(project: float | None, baseline: float | None) -> str:
    if project is None or baseline is None or baseline == 0:
        return "n/a"
    return f"{project / baseline:.2f}"


def met(ok: bool | None) -> str:
    return "n/a" if ok is None else ("yes" if ok else "**no**")


def _row(*cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _bytes(m: Measurement | None) -> int | None:
    return None if m is None else m.bytes


def _per_scenario(result: SiteResult, attr: str) -> str:
    return " / ".join("n/a" if m is None else str(getattr(m, attr)) for m in result.scenarios)


def bytes_table(project: SiteResult, baseline: SiteResult, content_page: str, second_page: str,
                query: str) -> str:
    p, b = project, baseline
    p_after = p.search.after_open.bytes if p.search.after_open else None
    b_after = b.search.after_open.bytes if b.search.after_open else None
    p_query = _bytes(p.search.total)
    p_content_text = p.content.bytes - p.content.media_bytes
    b_content_text = b.content.bytes - b.content.media_bytes
    p_third = sum(m.third_party for m in p.scenarios if m is not None)
    rows = [
        _row("Measure", "Project", "Baseline", "Project / baseline", "Target (issue 5)", "Met"),
        _row("---", "---:", "---:", "---:", "---", "---"),
        _row("First visit, home page", kb(p.home.bytes), kb(b.home.bytes),
             ratio(p.home.bytes, b.home.bytes), f"<= {TARGET_FIRST_VISIT_KB} KB",
             met(p.home.bytes <= TARGET_FIRST_VISIT_KB * KB)),
        _row(f"First visit, content page `{content_page}`", kb(p.content.bytes),
             kb(b.content.bytes), ratio(p.content.bytes, b.content.bytes),
             f"<= {TARGET_FIRST_VISIT_KB} KB", met(p.content.bytes <= TARGET_FIRST_VISIT_KB * KB)),
        _row("... of which video", kb(p.content.media_bytes), kb(b.content.media_bytes), "", "", ""),
        _row("... without video", kb(p_content_text), kb(b_content_text), ratio(p_content_text, b_content_text),
             "", ""),
        _row(f"Second page view, then `{second_page}` (warm cache)", kb(p.second.bytes),
             kb(b.second.bytes), ratio(p.second.bytes, b.second.bytes),
             f"<= {TARGET_SECOND_VIEW_KB} KB", met(p.second.bytes <= TARGET_SECOND_VIEW_KB * KB)),
        _row("Search files fetched before search is opened (content page)",
             kb(p.content.search_bytes), kb(b.content.search_bytes),
             ratio(p.content.search_bytes, b.content.search_bytes), "0", met(p.content.search_bytes == 0)),
        _row(f"From opening search to the first result for \"{query}\"", kb(p_after), kb(b_after),
             ratio(p_after, b_after), f"<= {TARGET_FIRST_QUERY_KB} KB",
             met(None if p_after is None else p_after <= TARGET_FIRST_QUERY_KB * KB)),
        _row("Cold content page up to that first result, in all", kb(p_query), kb(_bytes(b.search.total)),
             ratio(p_query, _bytes(b.search.total)), "", ""),
        _row("Third-party requests (home / content / second / search)", _per_scenario(p, "third_party"),
             _per_scenario(b, "third_party"), "", "0", met(p_third == 0)),
        _row("404 responses (home / content / second / search)", _per_scenario(p, "not_found"),
             _per_scenario(b, "not_found"), "", "", ""),
        _row("Chromium's own count, same four (KB)", _browser_kb(p), _browser_kb(b), "", "", ""),
        _row("Build time, median (s)", f"{p.build.median_seconds:.2f}", f"{b.build.median_seconds:.2f}",
             ratio(p.build.median_seconds, b.build.median_seconds), "<= baseline",
             met(p.build.median_seconds <= b.build.median_seconds)),
        _row("Build times, each run (s)", _seconds(p.build), _seconds(b.build), "", "", ""),
        _row("HTML pages built", p.pages, b.pages, "", "", ""),
    ]
    return "\n".join(rows)


def serve_table(project, baseline) -> str:
    """One-page edit under `mkdocs serve` (benchmarking/serve_rebuild.py), both sites."""
    ratio_value = project.median / baseline.median
    each = lambda r: ", ".join(f"{s:.2f}" for s in r.seconds)  # noqa: E731
    return "\n".join([
        _row("Measure", "Project", "Baseline", "Project / baseline", "Target (issue 13)", "Met"),
        _row("---", "---:", "---:", "---:", "---", "---"),
        _row("`mkdocs serve`: one-page edit until rebuilt, median (s)", f"{project.median:.2f}",
             f"{baseline.median:.2f}", f"{ratio_value:.2f}", f"<= {TARGET_SERVE_RATIO}",
             met(ratio_value <= TARGET_SERVE_RATIO)),
        _row("`mkdocs serve`: each edit (s)", each(project), each(baseline), "", "", ""),
    ])


def _browser_kb(result: SiteResult) -> str:
    return " / ".join("n/a" if m is None else f"{m.browser_bytes / KB:.1f}" for m in result.scenarios)


def _seconds(build: Build) -> str:
    return ", ".join(f"{s:.2f}" for s in build.seconds)


def _fmt_score(value: float) -> str:
    return "n/a" if isinstance(value, float) and math.isnan(value) else f"{value:.0f}"


def _each_run(s: Scores) -> str:
    return ", ".join(f"{_fmt_score(p)} / {lcp / 1000:.1f} s"
                     for p, lcp in zip(s.performance_runs, s.lcp_runs_ms))


def lighthouse_table(project: SiteResult, baseline: SiteResult) -> str:
    rows = [
        _row("Page", "Site", "Performance", "LCP (s)", "FCP (s)", "Accessibility", "Best practices", "SEO",
             "Performance / LCP, each run"),
        _row("---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---"),
    ]
    for page in project.lighthouse:
        for site in (project, baseline):
            s = site.lighthouse.get(page)
            if s is None:
                continue
            rows.append(_row(f"`{page}`", site.name, _fmt_score(s.performance), f"{s.lcp_ms / 1000:.1f}",
                             f"{s.fcp_ms / 1000:.1f}", _fmt_score(s.accessibility),
                             _fmt_score(s.best_practices), _fmt_score(s.seo), _each_run(s)))
    rows.append("")
    rows.append(f"Targets (issue 5), project: performance >= {TARGET_PERFORMANCE}, "
                f"LCP <= {TARGET_LCP_S:.1f} s.")
    return "\n".join(rows)


def _share(outcomes: list[Outcome]) -> str:
    if not outcomes:
        return "n/a"
    hits = sum(o.hit for o in outcomes)
    return f"{hits}/{len(outcomes)} ({100 * hits / len(outcomes):.0f}%)"


def _mixed(outcomes: list[Outcome]) -> str:
    return "n/a" if not outcomes else str(sum(bool(o.other_language) for o in outcomes))


def hits_table(project: SiteResult, baseline: SiteResult, languages: list[str]) -> str:
    """Per language: queries whose answer is among the first three results shown, and queries that
    showed a page of another language."""
    rows = [
        _row("Language", "Queries", f"Project: answer in top {TOP}", f"Baseline: answer in top {TOP}",
             "Project: queries showing another language", "Baseline: queries showing another language",
             "Target (issue 14)", "Met"),
        _row("---", "---:", "---:", "---:", "---:", "---:", "---", "---"),
    ]
    for lang in [*languages, None]:
        p = [o for o in project.hits if lang is None or o.lang == lang]
        b = [o for o in baseline.hits if lang is None or o.lang == lang]
        ok = None if not p else (sum(o.hit for o in p) >= TARGET_HIT_RATE * len(p)
                                 and not any(o.other_language for o in p))
        rows.append(_row(f"`{lang}`" if lang else "all", len(p) or len(b), _share(p), _share(b), _mixed(p),
                         _mixed(b), f">= {TARGET_HIT_RATE:.0%}, none" if lang else "", met(ok) if lang else ""))
    return "\n".join(rows)


def misses(result: SiteResult) -> list[str]:
    """The queries a site still misses, with the first results it showed."""
    return [f"- `{o.lang}` \"{o.query}\" ({o.kind}): showed "
            + (", ".join(f"`{p}`" for p in o.results[:TOP]) or "nothing")
            + f"; answer: {', '.join(f'`{o.prefix}{a}`' for a in o.answers)}"
            for o in result.hits if not o.hit]


def search_notes(project: SiteResult, baseline: SiteResult) -> list[str]:
    notes = []
    for site in (project, baseline):
        if site.search.na:
            notes.append(f"- Search on {site.name}: n/a ({site.search.na}).")
        else:
            notes.append(f"- Search on {site.name}: first result matched `{site.search.result_selector}`.")
    for site in (project, baseline):
        early = sorted({path for path, _, n in site.content.files if is_search_path(path)})
        if early:
            notes.append(f"- Search files on {site.name} before search was opened: "
                         + ", ".join(f"`{path}`" for path in early))
    for site in (project, baseline):
        urls = sorted({u for m in site.scenarios if m is not None for u in m.third_party_urls})
        if urls:
            notes.append(f"- Third-party requests on {site.name} (refused, never sent): "
                         + ", ".join(f"`{u[:90]}`" for u in urls))
        missing = sorted({u for m in site.scenarios if m is not None for u in m.not_found_urls})
        if missing:
            notes.append(f"- 404s on {site.name}: " + ", ".join(f"`{u}`" for u in missing))
    return notes


def details(result: SiteResult) -> str:
    """Every file the server sent in each scenario (first run), largest first."""
    lines = [f"## Files sent, {result.name}"]
    for label, m in zip(("home", "content page", "second page view", "up to first search result"),
                        result.scenarios):
        if m is None:
            continue
        lines.append(f"\n{label}: {kb(m.bytes)} in {m.responses} responses")
        for path, status, n in sorted(m.files, key=lambda f: -f[2]):
            lines.append(f"  {n / KB:8.1f} KB  {status}  {path}")
    return "\n".join(lines)


def _command_output(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def machine() -> str:
    mem_kib = 0
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            mem_kib = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
    except (OSError, StopIteration, ValueError):
        pass
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{os.cpu_count()} CPUs (nproc), {mem_kib / 1024 / 1024:.0f} GiB memory, {cpu}; "
            f"{platform.system()} {platform.release()}; Python {platform.python_version()}")


SERVE_HEADING = "## `mkdocs serve`: a one-page edit"


def serve_section(serve_md: str, measured: str | None = None) -> list[str]:
    """The lines of BENCHMARK.md's serve section; `measured` says when and how, when this section was
    measured on its own (`--only serve`), apart from the rest of the page."""
    return [
        SERVE_HEADING,
        "",
        *([measured, ""] if measured else []),
        serve_md,
        "",
        "Both servers run at once on their own copy of the project; the edits alternate between them.",
        "Each edit adds one sentence to `docs/id/prosedur/m-paspor.md` (a leaflet page with a video);",
        "the time runs from writing the file until the server logs that the rebuild is done, and the",
        "page served must then carry the sentence. The first edit on each server warms up and is not",
        "counted. Under serve the project skips its leaflets, offline zips, CSS purge, service worker",
        "and search index (the search box says search is off); the content checks re-check only the",
        "files that changed, and the tools' answer pages are copied from the last rebuild unless what",
        "they show changed (scripts/sitegen/config/build_mode.py, scripts/sitegen/serve/serve_pages.py).",
        "",
    ]


def replace_serve_section(page: str, section: list[str]) -> str:
    """BENCHMARK.md with only its serve section replaced (the other figures stay as measured)."""
    start = page.index(SERVE_HEADING)
    end = page.find("\n## ", start + len(SERVE_HEADING))
    rest = page[end + 1:] if end != -1 else ""
    return page[:start] + "\n".join(section) + ("\n" + rest if rest else "")


def serve_measured_line(command: str) -> str:
    """When, how and on what the serve section was measured, with the machine's load at the end (a
    shared machine slows both servers, not always alike)."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = " / ".join(f"{v:.1f}" for v in os.getloadavg())
    return f"Measured on its own: {now}, `{command}`; machine: {machine()}; load average (1/5/15 min) {load}."


def markdown_page(*, command: str, browser_version: str, project: SiteResult, baseline: SiteResult,
                  bytes_md: str, serve_md: str, lighthouse_md: str | None, notes: list[str], runs: int,
                  hits_md: str | None = None) -> str:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lighthouse_version = _command_output(["node", "-e", "console.log(require('lighthouse/package.json').version)"])
    parts = [
        "# Benchmark: bytes, search, build time and Lighthouse",
        "",
        "Written by `scripts/benchmark.py --write`; do not edit by hand, run it again. It builds this",
        "site and a plain Material + static-i18n baseline of the same `docs/` (default features:",
        "Google Fonts and Material's lunr search; the same languages, nav and Markdown extensions;",
        "mkdocs-video for the pages with a video; no hooks, no overrides), serves both on 127.0.0.1",
        "with gzip and `Cache-Control: max-age=600` like GitHub Pages, and loads them in Chromium",
        "at 360x740 (device scale 2). Nothing leaves the machine: third-party requests are refused",
        "inside the browser and counted. Scenarios: a first visit of the home page and of a content",
        "page with an empty cache; a second page opened in the same tab after the content page;",
        "a cold content page, then search opened and the query typed key by key until the first",
        "result shows.",
        "",
        f"- Date: {now}",
        f"- Machine: {machine()}",
        f"- Browser: Chromium {browser_version}"
        + (f"; Lighthouse {lighthouse_version}" if lighthouse_md else ""),
        f"- Command: `{command}` (medians of {runs} runs)",
        "",
        "## Bytes and build time",
        "",
        bytes_md,
        "",
        "Bytes are everything the site's server sent to the browser during the scenario: status",
        "lines, headers and gzip-compressed bodies, for the page, its workers, its service worker",
        "and its media; a file the browser takes from its cache costs 0, a revalidation its 304.",
        "1 KB = 1000 bytes. Chromium's own count (CDP `Network.loadingFinished` `encodedDataLength`",
        "per request on the page's target) is shown for comparison only: it misses a worker's own",
        "script, whatever a service worker fetches and a video loaded by the media player, and it",
        "counts images without headers (a 404 image decompressed). A video range request is answered at once on loopback;",
        "on a slow link a player that preloads would stop sooner. A real host sends more header",
        "bytes than this server (GitHub Pages about 0.7 KB a response). \"Search files\" are",
        "responses whose path contains `search` or `pagefind`.",
        "",
        *notes,
        "",
        *serve_section(serve_md),
    ]
    if hits_md:
        missed = misses(project)
        parts += [
            "## Search: does it find what residents type?",
            "",
            "Every query of `tests/search_queries.yml` (written as residents write: colloquial words,",
            "old names of institutions, misspellings, whole questions, English phrasings, Lampung words,",
            "each with the pages that answer it) typed into each site's search box on the home page of",
            "its language, at 360x740. A hit: a page of that language that answers the query among the",
            f"first {TOP} results shown. The project is this site's search (Pagefind with",
            "`data/search-words.yml`, pages' `search_terms` and typo tolerance); the baseline is",
            "Material's lunr search, one index for all languages.",
            "",
            hits_md,
            "",
            "Queries the project still misses:" if missed else "The project misses no query.",
            *([""] + missed if missed else []),
            "",
        ]
    else:
        parts += ["The residents' query set was not run this time (`--skip-hit-rate`).", ""]
    if lighthouse_md:
        parts += [
            "## Lighthouse, mobile, 3G-like",
            "",
            "Simulated throttling: RTT 300 ms, 400 kbit/s down and up, CPU 6x slower; medians of "
            f"{runs} runs. The simulation scales the CPU time measured on this machine, which other "
            "work shares, so scores move between runs: each run is listed.",
            "",
            lighthouse_md,
            "",
        ]
    else:
        parts += ["Lighthouse was not run this time (`--lighthouse`).", ""]
    parts += [
        "## Reproduce",
        "",
        "```sh",
        "npm ci                                   # Lighthouse, pinned in package.json",
        "python scripts/benchmark.py              # bytes and build time, 3 runs",
        "python scripts/benchmark.py --runs 3 --lighthouse --write   # everything, rewrites this page",
        "```",
        "",
    ]
    return "\n".join(parts)
