"""Offline: the service worker keeps what a reader opened through every deploy (network first, under
the site's sub-path), and the offline zips work from a folder, linking only to what they hold."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import DEFAULT, LANGUAGES, SUB_PATH, free_port, lang_prefix

from sitegen.benchmarking.gzip_server import PagesServer
from sitegen.models import site_data

pytestmark = pytest.mark.browser

SAVED = """async (url) => { for (const k of await caches.keys()) {
  if (await (await caches.open(k)).match(url)) return true; } return false; }"""
SAVED_ENTRIES = """async () => { const out = [];
  for (const k of await caches.keys()) { const c = await caches.open(k);
    for (const r of await c.keys()) { const res = await c.match(r);
      out.push([k, r.url, res.status, res.headers.get('content-type') || '']); } }
  return out; }"""
H1 = "document.querySelector('article h1, h1').textContent.trim()"


def _until(page, script: str, arg=None, seconds: float = 20):
    """Evaluate `script` (which may return a promise) until it is true."""
    for _ in range(int(seconds * 5)):
        if page.evaluate(script, arg):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"never true: {script} {arg or ''}")


def _wait_until_saved(page, url: str):
    page.evaluate("navigator.serviceWorker.ready")
    _until(page, SAVED, url)


class _SwitchableHandler(http.server.SimpleHTTPRequestHandler):
    """Serves whichever build `root[0]` names: one address, two deploys. Records each path asked for."""

    root: list[Path] = []
    asked: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.root[0]), **kwargs)

    def send_head(self):
        self.asked.append(urlsplit(self.path).path)
        return super().send_head()

    def log_message(self, *args):
        pass


@pytest.fixture
def deploys(site, fallback_site):
    """One address serving build 1 (the site) until switched to build 2 (the same site with one page
    untranslated, so its English page shows the Indonesian text: changed content at the same URL)."""
    handler = type("Handler", (_SwitchableHandler,), {"root": [site.serve_root], "asked": []})
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield (f"http://127.0.0.1:{port}/{SUB_PATH}/", lambda: handler.root.__setitem__(0, fallback_site.serve_root),
           handler.asked)
    server.shutdown()


def test_visited_page_reloads_without_network_under_a_sub_path(site, visit):
    url = site.base_url + "en/prosedur/biaya-paspor/"
    v = visit(url)
    scope = v.page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == site.base_url  # registered for the sub-path, not the host root
    _wait_until_saved(v.page, url)
    _wait_until_saved(v.page, site.base_url + "en/")  # the home page of this language
    _wait_until_saved(v.page, site.base_url + "en/lokasi-layanan/nomor-penting/")  # and its hotlines
    v.context.set_offline(True)
    v.page.reload(wait_until="load")
    assert v.page.evaluate(H1) == "Passport fees"
    v.page.goto(site.base_url + "en/lokasi-layanan/nomor-penting/", wait_until="load")
    assert "SAPA 129" in v.page.content()


def test_network_first_serves_the_newer_page(site, visit):
    url = site.base_url + "prosedur/jenis-paspor/"
    v = visit(url)
    _wait_until_saved(v.page, url)
    page_file = site.dir / "prosedur" / "jenis-paspor" / "index.html"
    original = page_file.read_text(encoding="utf-8")
    try:
        page_file.write_text(original.replace("</h1>", " (diperbarui)</h1>", 1), encoding="utf-8")
        v.page.reload(wait_until="load")
        assert "(diperbarui)" in v.page.evaluate(H1)
    finally:
        page_file.write_text(original, encoding="utf-8")


READ = ("en/prosedur/biaya-paspor/", "en/prosedur/m-paspor/", "en/jalur-migrasi/minta-bantuan/")


def test_a_deploy_keeps_saved_pages_and_a_visit_online_refreshes_them(browser, deploys):
    base, deploy_build_2, asked = deploys
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        # Build 1: read three pages.
        titles = {}
        for path in READ:
            page.goto(base + path, wait_until="load")
            _wait_until_saved(page, base + path)
            titles[path] = page.evaluate(H1)
        assert titles[READ[0]] == "Passport fees"
        # Of the offline pages, only the one of the language read was fetched (and saved).
        _wait_until_saved(page, base + "en/offline.html")
        assert [p for p in asked if p.endswith("/offline.html")] == [f"/{SUB_PATH}/en/offline.html"]

        # Build 2 is deployed at the same address; the reader's browser installs its worker.
        deploy_build_2()
        page.evaluate("""() => { window.__newWorker = false;
          navigator.serviceWorker.addEventListener('controllerchange', () => { window.__newWorker = true; });
          return navigator.serviceWorker.getRegistration().then((r) => r.update()); }""")
        page.wait_for_function("() => window.__newWorker", polling=200, timeout=30000)

        # No signal: all three pages read on build 1 still open, as they were read.
        context.set_offline(True)
        for path in READ:
            page.goto(base + path, wait_until="load")
            assert page.evaluate(H1) == titles[path], path
            assert page.locator("[data-notice=untranslated]").count() == 0

        # Online again, one of them is read: it shows build 2 (untranslated in build 2) ...
        context.set_offline(False)
        page.goto(base + READ[0], wait_until="load")
        assert page.locator("[data-notice=untranslated]").count() == 1
        # ... and that is the copy kept from now on.
        context.set_offline(True)
        page.goto(base + READ[0], wait_until="load")
        assert page.locator("[data-notice=untranslated]").count() == 1

        # A page never read: the offline page, in English, listing the saved English pages.
        ui = site_data.ui_strings("en", DEFAULT)
        page.goto(base + "en/glosarium/", wait_until="load")
        assert page.evaluate(H1) == ui["offline.title"]
        page.wait_for_selector("[data-site-saved][aria-busy=false]", state="attached", timeout=20000)
        listed = page.eval_on_selector_all("[data-site-saved] a", "links => links.map((a) => a.href)")
        assert set(base + path for path in READ) <= set(listed)
        assert all(url.startswith(base + "en/") for url in listed), listed
        assert page.locator("[data-site-saved-empty]").is_hidden()

        # Nothing was read in Lampung, so its offline page was never fetched: the English one stands in.
        page.goto(base + "lpg/glosarium/", wait_until="load")
        assert page.evaluate(H1) == ui["offline.title"]
        assert page.evaluate("document.documentElement.lang") == "en"

        # Online, one Lampung page is read; offline, another one brings the Lampung offline page, listing it.
        context.set_offline(False)
        page.goto(base + "lpg/prosedur/biaya-paspor/", wait_until="load")
        for kept in ("lpg/prosedur/biaya-paspor/", "lpg/", "lpg/lokasi-layanan/nomor-penting/", "lpg/offline.html"):
            _wait_until_saved(page, base + kept)
        # The offline page that stood in at lpg/glosarium/ did not ask to keep that address.
        assert not page.evaluate(SAVED, base + "lpg/glosarium/")
        context.set_offline(True)
        page.goto(base + "lpg/glosarium/", wait_until="load")
        assert page.evaluate(H1) == site_data.ui_strings("lpg", DEFAULT)["offline.title"]
        assert page.evaluate("document.documentElement.lang") == "ljp"
        page.wait_for_selector("[data-site-saved][aria-busy=false]", state="attached", timeout=20000)
        listed = page.eval_on_selector_all("[data-site-saved] a", "links => links.map((a) => a.href)")
        assert base + "lpg/prosedur/biaya-paspor/" in listed and all(u.startswith(base + "lpg/") for u in listed)

        # The phone dropped those Lampung pages to free space: the offline page says nothing is saved, in Lampung.
        page.evaluate("""async (prefix) => { for (const k of await caches.keys()) { const c = await caches.open(k);
          for (const r of await c.keys()) if (r.url.startsWith(prefix) && !r.url.endsWith('/offline.html')) await c.delete(r); } }""",
                      base + "lpg/")
        page.reload(wait_until="load")
        page.wait_for_selector("[data-site-saved][aria-busy=false]", state="attached", timeout=20000)
        assert page.locator("[data-site-saved-empty]").is_visible()
        assert page.locator("[data-site-saved] a").count() == 0
    finally:
        context.close()


def test_only_pages_and_the_files_they_use_are_saved(site, browser):
    """Never a zip, a video, a PDF or a partial (206) answer, whatever the page fetches."""
    with PagesServer(site.serve_root) as server:  # answers byte ranges (206), like GitHub Pages
        base = f"{server.base_url}{SUB_PATH}/"
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            page.goto(base + "prosedur/m-paspor/", wait_until="load")
            _wait_until_saved(page, base + "prosedur/m-paspor/")
            statuses = page.evaluate("""async () => Promise.all([
              fetch('../../offline/info-imigrasi-lampung-barat-id.zip').then((r) => r.status),
              fetch('leaflet-m-paspor-id.pdf').then((r) => r.status),
              fetch('../../video/m-paspor.mp4').then((r) => r.status),
              fetch('../../video/m-paspor.mp4', {headers: {Range: 'bytes=0-99'}}).then((r) => r.status),
              fetch('../../video/m-paspor.id.vtt').then((r) => r.status),
            ])""")
            assert statuses == [200, 200, 200, 206, 200]
            # The worker stores in the background: a page fetched after those five, which it keeps,
            # shows once saved that it has answered them (not a fixed wait that may end too early).
            assert page.evaluate("fetch('../jenis-paspor/').then((r) => r.status)") == 200
            _until(page, SAVED, base + "prosedur/jenis-paspor/")
            entries = page.evaluate(SAVED_ENTRIES)
        finally:
            context.close()
    urls = [url for _, url, _, _ in entries]
    assert base + "prosedur/m-paspor/" in urls
    assert any(url.endswith(".css") for url in urls) and any(url.endswith("site.js") for url in urls)
    assert not [u for u in urls if re.search(r"\.(zip|pdf|mp4|vtt)$", u)], urls
    assert {status for _, _, status, _ in entries} == {200}
    allowed = r"^(text/html|text/css|(text|application)/javascript|image/[a-z+.-]+)(;|$)"
    assert all(re.match(allowed, kind) for _, _, _, kind in entries), entries
    assert errors == []


def test_caches_of_the_earlier_worker_are_moved_not_lost(site, browser):
    """Readers who saved pages under the earlier worker (one cache per deploy) keep them."""
    legacy_page = site.base_url + "en/prosedur/jenis-paspor/"
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(site.base_url + "sitemap.xml")  # same origin, no worker registered yet
        # What the earlier worker kept: answers of the server, a page and a video among them.
        page.evaluate("""async ([pageUrl, base]) => { const c = await caches.open('info-imigrasi-0123456789abcdef');
          await c.put(pageUrl, await fetch(pageUrl));
          await c.put(base + 'video/m-paspor.mp4', await fetch(base + 'video/m-paspor.mp4')); }""",
                      [legacy_page, site.base_url])
        page.goto(site.base_url + "en/", wait_until="load")
        _until(page, "caches.keys().then((k) => !k.includes('info-imigrasi-0123456789abcdef'))")
        assert page.evaluate(SAVED, legacy_page)  # not opened since: it was moved
        assert not page.evaluate(SAVED, site.base_url + "video/m-paspor.mp4")
        context.set_offline(True)
        page.goto(legacy_page, wait_until="load")
        assert page.evaluate(H1) == "Passport types"
    finally:
        context.close()


# --- offline zips ------------------------------------------------------------------------------------


def _unzip(site, tmp_path, lang) -> Path:
    archive = site.dir / "offline" / f"info-imigrasi-lampung-barat-{lang}.zip"
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path)
    return tmp_path / f"info-imigrasi-{lang}"


def test_offline_zip_works_from_a_local_folder_with_search(site, browser, tmp_path):
    folder = _unzip(site, tmp_path, "lpg")
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((folder / "BUKA-SAYA.html").as_uri())
        page.wait_for_url("**/lpg/index.html")
        assert page.evaluate("document.documentElement.lang") == "ljp"
        page.locator("article a[href$='prosedur/m-paspor/index.html']").first.click()
        page.wait_for_url("**/lpg/prosedur/m-paspor/index.html")
        page.keyboard.press("/")
        page.locator("[data-site-search-input]").press_sequentially("paspor", delay=30)
        page.wait_for_selector("[data-search-result]", timeout=15000)
        hrefs = page.eval_on_selector_all("[data-search-result]", "els => els.map(e => e.href)")
        assert hrefs and all("/info-imigrasi-lpg/lpg/" in h and h.endswith("index.html") for h in hrefs)
        page.goto(hrefs[0])
        assert page.locator("h1").count() >= 1
        assert errors == []
    finally:
        context.close()


def test_offline_zip_served_by_a_wifi_box_uses_pagefind(site, browser, tmp_path):
    folder = _unzip(site, tmp_path, "id")
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(
        type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}),
        directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(f"http://127.0.0.1:{port}/index.html")
        page.keyboard.press("/")
        page.locator("[data-site-search-input]").press_sequentially("paspor", delay=30)
        page.wait_for_selector("[data-search-result]", timeout=15000)
        assert page.evaluate("performance.getEntriesByType('resource').some(r => r.name.includes('/pagefind/'))")
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
    finally:
        context.close()
        server.shutdown()


def test_offline_search_knows_residents_words_typos_and_page_terms(site, browser, tmp_path):
    """From a folder (file://) search runs search-offline.js, with the same words file and typo
    vocabulary as online."""
    folder = _unzip(site, tmp_path, "id")
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((folder / "index.html").as_uri())
        page.keyboard.press("/")

        def results(query):
            page.fill("[data-site-search-input]", query)
            page.wait_for_function("q => document.querySelector('[data-site-search-results]').dataset.query === q",
                                   arg=query)
            return [h.split("/info-imigrasi-id/", 1)[1] for h in
                    page.eval_on_selector_all("[data-search-result]", "els => els.map(e => e.href)")]

        # No page says TKI: the pages that say PMI or pekerja migran are found.
        found = results("TKI")
        assert found and "lokasi-layanan/bp3mi-lampung/index.html" in found
        marks = page.eval_on_selector_all("[data-search-result] mark", "els => els.map(e => e.textContent.toLowerCase())")
        assert "tki" not in marks and {"pmi", "pekerja", "migran"} & {m.strip(".,:") for m in marks}
        assert results("imigrsi kotabumi")[0] == "lokasi-layanan/kantor-imigrasi-kotabumi/index.html"
        assert page.text_content(".site-search-also") == "Juga dicari: imigrasi"
        assert results("gaptek") == ["prosedur/layanan-tanpa-aplikasi/index.html"]
        assert results("qwzx vbnm") == []
        hotlines = page.eval_on_selector_all(".site-search-none a", "els => els.map(e => e.getAttribute('href'))")
        assert hotlines[:2] == ["tel:110", "tel:129"]
        assert all(h.endswith("index.html") for h in hotlines[2:])  # folder links need their index.html
        assert errors == []
    finally:
        context.close()


LINKS = """() => [...document.querySelectorAll('[href], [src], [poster], [srcset]')].flatMap((el) => {
  const urls = [];
  for (const attr of ['href', 'src', 'poster']) {
    if (el.hasAttribute(attr)) urls.push(new URL(el.getAttribute(attr), document.baseURI).href);
  }
  for (const part of (el.getAttribute('srcset') || '').split(',').filter((p) => p.trim())) {
    urls.push(new URL(part.trim().split(/\\s+/)[0], document.baseURI).href);
  }
  return urls.map((url) => ({tag: el.tagName.toLowerCase(), url, online: el.hasAttribute('data-online'),
    after: el.hasAttribute('data-online') ? getComputedStyle(el, '::after').content : ''}));
})"""


OPENER = "BUKA-SAYA.html"
IDS_RE = re.compile(r'\sid="([^"]+)"')
# What a copy may hold besides pages and what they link: the files their scripts load by name.
LOADED_BY_SCRIPTS = {"offline-search.js", "assets/javascripts/search.js", "assets/javascripts/search-offline.js",
                     "assets/search/words-%s.js", "assets/search/vocabulary-%s.js"}
PAGEFIND_OF_LANGUAGE = r"^pagefind/(pagefind\.js|pagefind-entry\.json|wasm\.(%s|unknown)\.pagefind|" \
                       r"pagefind\.%s_[0-9a-f]+\.pf_meta|(index|fragment|filter)/%s_[0-9a-f]+\.pf_\w+)$"


@pytest.fixture(scope="module")
def crawled(site, browser, tmp_path_factory):
    """Every page of every zip, opened from a folder in Chromium: {lang: (folder, zip size, links,
    failed requests, console errors, files)}."""
    out = {}
    for lang in LANGUAGES:
        folder = _unzip(site, tmp_path_factory.mktemp(f"zip-{lang}"), lang)
        size = (site.dir / "offline" / f"info-imigrasi-lampung-barat-{lang}.zip").stat().st_size
        files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        failed, errors, links, requested = [], [], {}, set()
        # A load cut short by opening the next page (net::ERR_ABORTED, often the icon) is no fault;
        # whether its file exists is checked with the links.
        page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and failed.append(f"{r.url} {r.failure}"))
        page.on("request", lambda r: requested.add(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            for rel in sorted(f for f in files if f.endswith(".html") and f != OPENER):
                page.goto((folder / rel).as_uri(), wait_until="load")
                links[rel] = page.evaluate(LINKS)
            # The opener only forwards to the home page.
            page.goto((folder / OPENER).as_uri())
            page.wait_for_url("**/index.html")
            links[OPENER] = [{"tag": "a", "url": page.url, "online": False, "after": ""}]
        finally:
            context.close()
        out[lang] = (folder, size, links, failed, errors, files, requested)
        print(f"{lang}: {size / 1e6:.2f} MB, {len(links)} pages, {len(files)} files")
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_of_a_zip_links_only_to_what_it_holds(site, crawled, lang):
    folder, _, links, failed, errors, files, _ = crawled[lang]
    assert len(links) >= 45  # every page of the language (and the opener)
    broken, unmarked = [], []
    ids: dict[str, set[str]] = {}
    for rel, found in links.items():
        for link in found:
            url = link["url"]
            if url.startswith("file:"):
                path = Path(unquote(urlsplit(url).path))
                target = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else None
                if target not in files:
                    broken.append(f"{rel}: {url}")
                elif urlsplit(url).fragment and target.endswith(".html"):
                    if target not in ids:
                        ids[target] = set(IDS_RE.findall((folder / target).read_text(encoding="utf-8")))
                    if unquote(urlsplit(url).fragment) not in ids[target]:
                        broken.append(f"{rel}: {url}")
            elif url.startswith(site.base_url) and not (link["tag"] == "a" and link["online"]):
                unmarked.append(f"{rel}: <{link['tag']}> {url}")  # the online site, not said so
    assert broken == [] and failed == [] and errors == []
    assert unmarked == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_to_the_online_site_say_that_they_need_the_internet(crawled, lang):
    _, _, links, _, _, _, _ = crawled[lang]
    online = [link for found in links.values() for link in found if link["online"]]
    assert online, "other languages are linked online (SITE_URL is set in this build)"
    label = site_data.ui_strings(lang, DEFAULT)["offline.online_only"]
    assert all(label in link["after"] for link in online), online[:3]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_zip_holds_no_unused_file(crawled, lang):
    folder, _, links, _, _, files, requested = crawled[lang]
    used = {Path(unquote(urlsplit(u).path)) for u in requested if u.startswith("file:")}
    used |= {Path(unquote(urlsplit(link["url"]).path)) for found in links.values() for link in found
             if link["url"].startswith("file:")}
    used_rel = {p.relative_to(folder).as_posix() for p in used if p.is_relative_to(folder)}
    html_lang = {"lpg": "ljp"}.get(lang, lang)
    pagefind = re.compile(PAGEFIND_OF_LANGUAGE % (html_lang, html_lang, html_lang))
    unused = sorted(f for f in files if f not in used_rel and not f.endswith(".html")
                    and f not in {name.replace("%s", html_lang) for name in LOADED_BY_SCRIPTS}
                    and not pagefind.match(f))
    assert unused == []
    # What the earlier copies shipped unused: Material's bundle, source maps, Pagefind's UI.
    assert not [f for f in files if re.search(r"\.map$|bundle\.|pagefind-(ui|component|modular|highlight|worker)"
                                              r"|\.zip$|/lunr/|/workers/", f)]
    assert {f for f in files if f.startswith("pagefind/")} and all(pagefind.match(f) for f in files
                                                                    if f.startswith("pagefind/"))
    others = [lang_prefix(o) for o in LANGUAGES if o != lang and lang_prefix(o)]
    assert not [f for f in files if f.endswith(".html") and f.startswith(tuple(others))]


def test_zip_entries_have_fixed_dates_and_order(site):
    for lang in LANGUAGES:
        with zipfile.ZipFile(site.dir / "offline" / f"info-imigrasi-lampung-barat-{lang}.zip") as z:
            infos = z.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names)
        assert len({i.date_time for i in infos}) == 1
        assert {i.external_attr >> 16 for i in infos} == {0o644}
