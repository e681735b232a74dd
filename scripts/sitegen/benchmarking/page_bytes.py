"""Bytes a phone downloads from the site, with a real browser: Debian's Chromium driven by Playwright.

Which count. The figure reported is every byte the site's server wrote to the browser during a
scenario (status lines, headers and gzip-compressed bodies; gzip_server.Traffic). Chromium's own
per-request figure (CDP `Network.loadingFinished` `encodedDataLength` on the page's target) is kept
beside it as `browser_bytes`, but it is neither complete nor exact: measured here, the page's
target never reports a dedicated worker's own script, anything a service worker fetches, or a video
fetched by the media player (an aborted range request, 0 bytes); and for images it reports the body
without headers, for an image answered 404 even the decompressed size. A gap between the two
figures is mostly such traffic. On loopback a video range request is
answered at once, so for a page whose video preloads, the server figure is what a fast link would
carry; a slow link would stop sooner.

No network. Third-party hosts are refused inside Chromium (`--host-resolver-rules`: every name but
127.0.0.1 resolves to "not found", so no packet leaves the machine) and counted from the requests
the browser tried (page, workers, service worker). Not Playwright routing: with a route set,
Playwright turns the browser cache off (measured: a warm second view cost 196 KB instead of 21 KB),
which would make the second page view meaningless.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

from .gzip_server import PagesServer

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NO_NETWORK_ARG = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
LOCAL_HOST = "127.0.0.1"
PHONE = {"width": 360, "height": 740}
DEVICE_SCALE_FACTOR = 2  # a cheap Android phone; decides which image of a srcset is fetched
# A response counts as "search" when its path says so (Material's worker and index, Pagefind's files).
SEARCH_PATH_WORDS = ("search", "pagefind")
MEDIA_SUFFIXES = (".mp4", ".webm", ".ogv", ".ogg", ".mp3", ".m4a", ".opus")
SETTLE_QUIET_SECONDS = 1.0
SETTLE_MAX_SECONDS = 20.0
ACTION_TIMEOUT_MS = 3000


@dataclass(frozen=True)
class SearchProfile:
    """How to search one kind of site: what opens search on a phone (the first visible one is
    tapped when the input itself cannot be), the input, and what a result looks like."""

    name: str
    input: str
    results: tuple[str, ...]
    open: tuple[str, ...] = ()


SEARCH_PROFILES = {
    "material": SearchProfile(
        "material", input=".md-search__input", results=(".md-search-result__item",),
        open=('label.md-header__button[for="__search"]',)),
    # Ours: Pagefind with the box in the header.
    "pagefind": SearchProfile(
        "pagefind", input="header input[type=search]",
        results=(".pagefind-ui__result", "[data-search-result]"),
        open=("header [data-search-open]", "header button[aria-controls*=search]",
              'header label.md-header__button[for="__search"]', 'header label[for="__search"]')),
}


def is_network_url(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https", "ws", "wss")


def is_third_party(url: str) -> bool:
    return is_network_url(url) and urlsplit(url).hostname != LOCAL_HOST


def is_media_path(path: str) -> bool:
    return path.lower().endswith(MEDIA_SUFFIXES)


def is_search_path(path: str) -> bool:
    return any(word in path.lower() for word in SEARCH_PATH_WORDS)


class BrowserRequests:
    """What the browser did, in order of events. `mark()` starts a window; the properties are for
    the events after the last mark.

    Third-party requests come from Playwright's context events, which cover the page, its workers
    and its service worker. Bytes come from CDP on the page's target: `Network.loadingFinished`
    `encodedDataLength` per request (Playwright's `request.sizes()` was no substitute: for a 404
    or an image it gave the decoded size)."""

    def __init__(self, context, page):
        self._events: list[tuple[str, object]] = []
        self._mark = 0
        self._from_service_worker: set[str] = set()
        context.on("request", lambda r: self._events.append(("request", r.url)))
        cdp = context.new_cdp_session(page)
        cdp.on("Network.responseReceived", self._on_response)
        cdp.on("Network.loadingFinished", self._on_finished)
        cdp.send("Network.enable")

    def _on_response(self, event):
        if event["response"].get("fromServiceWorker"):
            self._from_service_worker.add(event["requestId"])

    def _on_finished(self, event):
        # A response the service worker gave the page was counted where the worker fetched it.
        if event["requestId"] not in self._from_service_worker:
            self._events.append(("bytes", int(event["encodedDataLength"])))

    def mark(self):
        self._mark = len(self._events)

    def _window(self, kind: str) -> list:
        return [value for k, value in self._events[self._mark:] if k == kind]

    @property
    def bytes(self) -> int:
        """encodedDataLength summed: body as sent plus headers; a cache hit counts 0."""
        return sum(self._window("bytes"))

    @property
    def third_party(self) -> list[str]:
        return [url for url in self._window("request") if is_third_party(url)]


@dataclass
class Measurement:
    """One scenario. `bytes`: what the server sent (the reported figure); `browser_bytes`: what
    Chromium reported for its requests; `search_bytes` and `media_bytes`: the part of `bytes` for
    search files and for video or audio."""

    bytes: int
    browser_bytes: int
    responses: int
    third_party: int
    not_found: int
    search_bytes: int = 0
    media_bytes: int = 0
    third_party_urls: list[str] = field(default_factory=list)
    not_found_urls: list[str] = field(default_factory=list)
    files: list[tuple[str, int, int]] = field(default_factory=list)  # (path, status, bytes) sent


@dataclass
class SearchMeasurement:
    """Bytes from a cold start on a page up to the first search result, and the part of them
    fetched after the reader opened search. `na` says why there is no figure."""

    total: Measurement | None = None
    after_open: Measurement | None = None
    result_selector: str = ""
    na: str = ""


def median_measurement(runs: list[Measurement]) -> Measurement:
    """The median of each figure over runs; URLs and files from the first run."""
    numeric = {f.name: statistics.median(getattr(m, f.name) for m in runs)
               for f in fields(Measurement) if f.type in ("int", int)}
    return Measurement(**{k: int(v) for k, v in numeric.items()},
                       third_party_urls=runs[0].third_party_urls, not_found_urls=runs[0].not_found_urls,
                       files=runs[0].files)


class Window:
    """What the server and the browser saw between `start()` and `stop()`."""

    def __init__(self, requests: BrowserRequests, server: PagesServer):
        self.requests, self.server = requests, server

    def start(self) -> "Window":
        self.requests.mark()
        with self.server.traffic.lock:
            self._bytes = self.server.traffic.bytes_sent
            self._responses = len(self.server.traffic.responses)
        return self

    def stop(self) -> Measurement:
        with self.server.traffic.lock:
            sent = self.server.traffic.bytes_sent - self._bytes
            responses = list(self.server.traffic.responses[self._responses:])
        third_party = self.requests.third_party
        missing = [path for path, status, _ in responses if status == 404]
        return Measurement(
            bytes=sent, browser_bytes=self.requests.bytes, responses=len(responses),
            third_party=len(third_party), not_found=len(missing),
            search_bytes=sum(n for path, _, n in responses if is_search_path(path)),
            media_bytes=sum(n for path, _, n in responses if is_media_path(path)),
            third_party_urls=third_party, not_found_urls=missing, files=responses)


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM),
                                      args=[*BROWSER_ARGS, NO_NETWORK_ARG])


def new_phone_page(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=DEVICE_SCALE_FACTOR,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    return context, page, BrowserRequests(context, page)


def settle(page, server: PagesServer):
    """Waits until the network is idle for the page and the server has sent nothing for a second
    (a service worker filling its cache after load is part of the visit)."""
    try:
        page.wait_for_load_state("networkidle", timeout=SETTLE_MAX_SECONDS * 1000)
    except Exception:  # noqa: BLE001 - a page that never idles is measured as it stands
        pass
    deadline = time.monotonic() + SETTLE_MAX_SECONDS
    last, quiet_since = server.traffic.snapshot()[0], time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)  # also lets Playwright deliver pending CDP events
        now = server.traffic.snapshot()[0]
        if now != last:
            last, quiet_since = now, time.monotonic()
        elif time.monotonic() - quiet_since >= SETTLE_QUIET_SECONDS:
            return


def cold_visit(browser, server: PagesServer, path: str) -> Measurement:
    """First visit of one page with an empty cache."""
    context, page, requests = new_phone_page(browser)
    try:
        window = Window(requests, server).start()
        page.goto(server.base_url + path, wait_until="load")
        settle(page, server)
        return window.stop()
    finally:
        context.close()


def second_view(browser, server: PagesServer, first: str, second: str) -> Measurement:
    """Bytes of the second page of a visit: `first` is loaded cold, then `second` in the same tab."""
    context, page, requests = new_phone_page(browser)
    try:
        page.goto(server.base_url + first, wait_until="load")
        settle(page, server)
        window = Window(requests, server).start()
        page.goto(server.base_url + second, wait_until="load")
        settle(page, server)
        return window.stop()
    finally:
        context.close()


def _first_visible(page, selectors: tuple[str, ...]):
    for selector in selectors:
        locator = page.locator(selector)
        for i in range(locator.count()):
            if locator.nth(i).is_visible():
                return locator.nth(i)
    return None


def _can_tap(locator) -> bool:
    """Whether a finger could tap it: visible, in the viewport, not covered (Playwright's checks)."""
    try:
        locator.click(trial=True, timeout=ACTION_TIMEOUT_MS)
        return True
    except PlaywrightError:
        return False


class SearchUnavailable(Exception):
    """The page offers no search that the profile can drive; the message says why."""


def search_until_first_result(page, profile: SearchProfile, query: str, timeout_ms: int) -> str:
    """Opens search as a reader would, types `query` key by key and waits for the first result.
    Returns the result selector that matched."""
    field_ = page.locator(profile.input).first
    if field_.count() == 0:
        raise SearchUnavailable(f"no search input `{profile.input}` on the page")
    if not _can_tap(field_):
        # On a phone the box usually sits behind a magnifier button in the header.
        opener = _first_visible(page, profile.open)
        if opener is None:
            raise SearchUnavailable(f"search input cannot be tapped and no opener {profile.open}")
        opener.click(timeout=ACTION_TIMEOUT_MS)
        if not _can_tap(field_):
            raise SearchUnavailable("search input still cannot be tapped after opening search")
    field_.click(timeout=ACTION_TIMEOUT_MS)
    field_.press_sequentially(query, delay=120)
    results = ", ".join(profile.results)
    try:
        page.wait_for_selector(results, state="visible", timeout=timeout_ms)
    except PlaywrightError:
        raise SearchUnavailable(f"no result `{results}` within {timeout_ms // 1000} s") from None
    return next(s for s in profile.results if page.locator(s).count())


def first_search_result(browser, server: PagesServer, path: str, profile: SearchProfile,
                        query: str, timeout_ms: int = 30_000) -> SearchMeasurement:
    """Cold visit of `path`, then search; bytes up to the first result, and those after opening."""
    context, page, requests = new_phone_page(browser)
    try:
        page_load = Window(requests, server).start()
        page.goto(server.base_url + path, wait_until="load")
        settle(page, server)
        before = page_load.stop()
        after_open = Window(requests, server).start()
        try:
            matched = search_until_first_result(page, profile, query, timeout_ms)
        except SearchUnavailable as e:
            return SearchMeasurement(na=str(e))
        except PlaywrightError as e:
            return SearchMeasurement(na=f"search failed: {str(e).splitlines()[0]}")
        page.wait_for_timeout(50)  # deliver the CDP events that preceded the result
        after = after_open.stop()
        return SearchMeasurement(total=_add(before, after), after_open=after, result_selector=matched)
    finally:
        context.close()


def _add(a: Measurement, b: Measurement) -> Measurement:
    return Measurement(
        bytes=a.bytes + b.bytes, browser_bytes=a.browser_bytes + b.browser_bytes,
        responses=a.responses + b.responses, third_party=a.third_party + b.third_party,
        not_found=a.not_found + b.not_found, search_bytes=a.search_bytes + b.search_bytes,
        media_bytes=a.media_bytes + b.media_bytes,
        third_party_urls=a.third_party_urls + b.third_party_urls,
        not_found_urls=a.not_found_urls + b.not_found_urls, files=a.files + b.files)
