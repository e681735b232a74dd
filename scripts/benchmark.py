"""Benchmark: this site against plain Material + static-i18n on the same content. Run on demand.

    python scripts/benchmark.py [--runs N] [--serve-runs N] [--lighthouse] [--write]
    python scripts/benchmark.py --only serve [--serve-runs N] [--write]

In one run it builds both sites (`mkdocs build --strict`, timed, median of --runs), times a one-page
edit under `mkdocs serve` on both (benchmarking/serve_rebuild.py, median of --serve-runs), serves each on
127.0.0.1 like GitHub Pages (gzip, max-age=600), loads them in Debian's Chromium at phone size and
prints, for both sites and as ratios: first-visit bytes of the home page and of a content page,
bytes of a second page view, bytes up to the first search result, third-party requests, 404s and
build time. Bytes are what the site's server sent to the browser (gzip bodies and headers, service
worker and video included); Chromium's own per-request count is printed beside them
(benchmarking/page_bytes.py says why it is not the headline). It also types the residents' query set
(tests/search_queries.yml) into both sites' search and counts the answers in the first three results
(benchmarking/search_hits.py; --skip-hit-rate leaves it out). --lighthouse adds Lighthouse mobile at
RTT 300 ms / 400 kbit/s / 6x CPU. --write puts the figures in BENCHMARK.md. `--only serve` times
only the `mkdocs serve` edits (no builds, no browser); with --write it replaces only that section of
BENCHMARK.md and says when it was measured. Needs Chromium
(/usr/bin/chromium) and, for --lighthouse, `npm ci`.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitegen.benchmarking import lighthouse, page_bytes, report, search_hits, serve_rebuild, sites  # noqa: E402
from sitegen.benchmarking.gzip_server import PagesServer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOME_PAGE = ""
CONTENT_PAGE = "prosedur/m-paspor/"
SECOND_PAGE = "prosedur/biaya-paspor/"
QUERY = "paspor"
# How to type into each kind of search box (benchmarking/search_hits.py).
SEARCHERS = {"pagefind": search_hits.search_this_site, "material": search_hits.search_material}


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="benchmark.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs of each build, page load and "
                        "Lighthouse audit; medians are reported (default 3)")
    parser.add_argument("--serve-runs", type=int, default=5, help="one-page edits under `mkdocs serve` "
                        "on each site; the median is reported (default 5)")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (mobile, 3G-like)")
    parser.add_argument("--write", action="store_true", help="write the figures to BENCHMARK.md")
    parser.add_argument("--only", choices=["serve"], help="measure only this part (serve: the one-page edit "
                        "under `mkdocs serve`); --write then replaces only its section of BENCHMARK.md")
    parser.add_argument("--details", action="store_true",
                        help="also list every file sent in each scenario, with its size")
    parser.add_argument("--query", default=QUERY, help=f"search query, typed key by key (default {QUERY})")
    parser.add_argument("--skip-hit-rate", action="store_true",
                        help="do not type the residents' query set into both sites' search")
    parser.add_argument("--search-queries", type=Path, default=search_hits.QUERIES,
                        help="the query set with its answers (default tests/search_queries.yml)")
    parser.add_argument("--content-page", default=CONTENT_PAGE)
    parser.add_argument("--second-page", default=SECOND_PAGE)
    parser.add_argument("--project-root", type=Path, default=ROOT,
                        help="the checkout to benchmark (default: this one)")
    parser.add_argument("--project-search", choices=sorted(page_bytes.SEARCH_PROFILES), default="pagefind",
                        help="how to search the project's site (default pagefind)")
    parser.add_argument("--search-input", help="override: CSS selector of the project's search input")
    parser.add_argument("--search-result", action="append",
                        help="override: CSS selector of a project search result (repeatable)")
    parser.add_argument("--search-open", action="append",
                        help="override: CSS selector of what opens the project's search (repeatable)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.serve_runs < 1:
        parser.error("--runs and --serve-runs must be at least 1")
    return args


def project_search_profile(args) -> page_bytes.SearchProfile:
    profile = page_bytes.SEARCH_PROFILES[args.project_search]
    return page_bytes.SearchProfile(
        name=profile.name, input=args.search_input or profile.input,
        results=tuple(args.search_result or profile.results),
        open=tuple(args.search_open or profile.open))


def count_pages(site_dir: Path) -> int:
    return sum(1 for p in site_dir.rglob("*.html") if p.name != "404.html")


def measure_site(browser, server: PagesServer, build: sites.Build, profile, args) -> report.SiteResult:
    runs = range(args.runs)
    print(f"  {build.name}: browser ...", file=sys.stderr, flush=True)
    home = [page_bytes.cold_visit(browser, server, HOME_PAGE) for _ in runs]
    content = [page_bytes.cold_visit(browser, server, args.content_page) for _ in runs]
    second = [page_bytes.second_view(browser, server, args.content_page, args.second_page) for _ in runs]
    searches = [page_bytes.first_search_result(browser, server, args.content_page, profile, args.query)
                for _ in runs]
    search = next((s for s in searches if s.na), None) or page_bytes.SearchMeasurement(
        total=page_bytes.median_measurement([s.total for s in searches]),
        after_open=page_bytes.median_measurement([s.after_open for s in searches]),
        result_selector=searches[0].result_selector)
    return report.SiteResult(
        name=build.name, build=build, pages=count_pages(build.site_dir),
        home=page_bytes.median_measurement(home), content=page_bytes.median_measurement(content),
        second=page_bytes.median_measurement(second), search=search)


def measure_serve(args, work_dir: Path):
    """The one-page edit under `mkdocs serve`, on the project and on the baseline."""
    print(f"Editing one page under mkdocs serve {args.serve_runs}x on each ...", file=sys.stderr, flush=True)
    return serve_rebuild.compare(
        args.project_root.resolve(), work_dir,
        lambda config, dest: sites.write_baseline_config(config, dest, "http://127.0.0.1:8000/"),
        args.serve_runs)


def _command(argv) -> str:
    return ("python scripts/benchmark.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))).strip()


def serve_only(args, argv) -> int:
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        serve = measure_serve(args, Path(tmp))
    serve_md = report.serve_table(*serve)
    print()
    print(serve_md)
    if args.write:
        page = ROOT / "BENCHMARK.md"
        section = report.serve_section(serve_md, report.serve_measured_line(_command(argv)))
        page.write_text(report.replace_serve_section(page.read_text(encoding="utf-8"), section), encoding="utf-8")
        print(f"\nWrote the serve section of {page}")
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.only == "serve":
        return serve_only(args, argv)
    if not page_bytes.CHROMIUM.exists():
        print(f"Chromium not found at {page_bytes.CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        tmp = Path(tmp)
        config = args.project_root.resolve() / "mkdocs.yml"
        project = sites.Build("project", config, tmp / "project-site")
        baseline_server = PagesServer(tmp / "baseline-site")
        project_server = PagesServer(project.site_dir)
        baseline = sites.Build(
            "baseline", sites.write_baseline_config(config, tmp / "baseline",
                                                    baseline_server.base_url),
            tmp / "baseline-site")

        # Alternate the two builds so that a busy moment of the machine hits both alike.
        print(f"Building both sites {args.runs}x ...", file=sys.stderr, flush=True)
        for _ in range(args.runs):
            sites.timed_builds(project, project_server.base_url, 1)
            sites.timed_builds(baseline, baseline_server.base_url, 1)

        serve = measure_serve(args, tmp)

        with project_server, baseline_server, sync_playwright() as pw:
            browser = page_bytes.launch(pw)
            browser_version = browser.version
            print("Loading pages ...", file=sys.stderr, flush=True)
            p = measure_site(browser, project_server, project, project_search_profile(args), args)
            b = measure_site(browser, baseline_server, baseline, page_bytes.SEARCH_PROFILES["material"], args)
            if not args.skip_hit_rate:
                queries = search_hits.load_queries(args.search_queries)
                languages = sites.languages(config)
                for result, server, kind in ((p, project_server, args.project_search),
                                             (b, baseline_server, "material")):
                    print(f"  {result.name}: residents' queries ...", file=sys.stderr, flush=True)
                    result.hits = search_hits.run(browser, server.base_url, languages, queries, SEARCHERS[kind])
            browser.close()
            if args.lighthouse:
                for result, server in ((p, project_server), (b, baseline_server)):
                    for label, path in (("/", HOME_PAGE), (args.content_page, args.content_page)):
                        print(f"  Lighthouse {result.name} {label} x{args.runs} ...", file=sys.stderr, flush=True)
                        result.lighthouse[label] = lighthouse.median_scores(server.base_url + path, args.runs)

    bytes_md = report.bytes_table(p, b, args.content_page, args.second_page, args.query)
    hits_md = None if args.skip_hit_rate else report.hits_table(p, b, sites.languages(config))
    serve_md = report.serve_table(*serve)
    lighthouse_md = report.lighthouse_table(p, b) if args.lighthouse else None
    notes = report.search_notes(p, b)
    print()
    print(bytes_md)
    print()
    print(serve_md)
    print()
    print("\n".join(notes))
    if hits_md:
        print()
        print(hits_md)
        print("\n".join(report.misses(p)))
    if lighthouse_md:
        print()
        print(lighthouse_md)
    if args.details:
        for result in (p, b):
            print()
            print(report.details(result))
    if args.write:
        page = report.markdown_page(command=_command(argv), browser_version=browser_version, project=p,
                                    baseline=b, bytes_md=bytes_md, serve_md=serve_md, lighthouse_md=lighthouse_md,
                                    notes=notes, runs=args.runs, hits_md=hits_md)
        (ROOT / "BENCHMARK.md").write_text(page, encoding="utf-8")
        print(f"\nWrote {ROOT / 'BENCHMARK.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
