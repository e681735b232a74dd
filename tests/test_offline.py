"""Offline: the service worker keeps visited pages (network first), under the site's sub-path."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

KEPT = """async (url) => { const keys = await caches.keys();
  for (const k of keys) { if (await (await caches.open(k)).match(url)) return true; } return false; }"""


def _wait_until_kept(v, url: str):
    v.page.wait_for_function("() => navigator.serviceWorker.controller !== null || true")
    v.page.evaluate("navigator.serviceWorker.ready")
    for _ in range(50):
        if v.page.evaluate(KEPT, url):
            return
        v.page.wait_for_timeout(200)
    raise AssertionError(f"{url} was not cached")


def test_visited_page_reloads_without_network_under_a_sub_path(site, visit):
    url = site.base_url + "en/prosedur/biaya-paspor/"
    v = visit(url)
    scope = v.page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == site.base_url  # registered for the sub-path, not the host root
    _wait_until_kept(v, url)
    _wait_until_kept(v, site.base_url + "en/")  # the home page of this language
    _wait_until_kept(v, site.base_url + "en/lokasi-layanan/nomor-penting/")  # and its hotlines
    v.context.set_offline(True)
    v.page.reload(wait_until="load")
    assert v.page.locator("h1").first.text_content().strip() == "Passport fees"
    v.page.goto(site.base_url + "en/lokasi-layanan/nomor-penting/", wait_until="load")
    assert "SAPA 129" in v.page.content()


def test_network_first_serves_the_newer_page(site, visit, tmp_path):
    url = site.base_url + "prosedur/jenis-paspor/"
    v = visit(url)
    _wait_until_kept(v, url)
    page_file = site.dir / "prosedur" / "jenis-paspor" / "index.html"
    original = page_file.read_text(encoding="utf-8")
    try:
        page_file.write_text(original.replace("</h1>", " (diperbarui)</h1>", 1), encoding="utf-8")
        v.page.reload(wait_until="load")
        assert "(diperbarui)" in v.page.locator("h1").first.text_content()
    finally:
        page_file.write_text(original, encoding="utf-8")


def test_new_deploy_replaces_old_caches(site, visit):
    v = visit(site.base_url)
    v.page.evaluate("navigator.serviceWorker.ready")
    v.page.evaluate("caches.open('info-imigrasi-old-deploy').then(c => c.put('x', new Response('old')))")
    worker = site.dir / "sw.js"
    original = worker.read_text(encoding="utf-8")
    try:
        worker.write_text(original.replace("const BUILD = \"", "const BUILD = \"next-", 1), encoding="utf-8")
        v.page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        for _ in range(50):
            keys = v.page.evaluate("caches.keys()")
            if "info-imigrasi-old-deploy" not in keys and any(k.startswith("info-imigrasi-next-") for k in keys):
                break
            v.page.wait_for_timeout(200)
        assert "info-imigrasi-old-deploy" not in keys
    finally:
        worker.write_text(original, encoding="utf-8")


def _unzip(site, tmp_path, lang):
    import zipfile

    archive = site.dir / "offline" / f"info-imigrasi-lampung-barat-{lang}.zip"
    assert archive.exists()
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
    import functools
    import http.server
    import threading

    from conftest import free_port

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
