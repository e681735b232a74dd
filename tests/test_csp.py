"""Every page carries the Content Security Policy before anything it governs, and nothing on the site
breaks it: Chromium opens every page of the three languages and the 404 pages and sees no policy
violation, no console error and no request to another host; search (WebAssembly) works under it, on
the web and from the offline copy opened from a folder."""

from __future__ import annotations

import base64
import hashlib
import zipfile
from urllib.parse import urlsplit

import pytest
from conftest import CSP_LISTENER, LANGUAGES, lang_prefix, site_js_ready

from sitegen.transforms import html_sanitizer

INLINE_SCRIPT = 'document.documentElement.classList.replace("no-js","js")'
AFTER_PAINT_SCRIPT = ('(function(){var done=0,go=function(){if(done++)return;'
                      'var t=document.getElementById("site-after-paint");'
                      't&&document.head.append(t.content.cloneNode(!0))};'
                      'try{new PerformanceObserver(function(){setTimeout(go)}).observe({type:"paint",buffered:!0})}'
                      'catch(e){}'
                      'addEventListener("load",function(){setTimeout(go,3e3)})})()')
POLICY = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}' 'sha256-{hash2}'; "
          "style-src 'self'; img-src 'self' data:; media-src 'self'; font-src 'self'; connect-src 'self'; "
          "worker-src 'self'; manifest-src 'self'; frame-src https://www.youtube-nocookie.com; object-src 'none'; "
          "base-uri 'self'; form-action 'self'")


def built_pages(site) -> list[str]:
    """Site paths of every page of every language, and the 404 pages."""
    pages = [p.relative_to(site.dir).as_posix() for p in sorted(site.dir.rglob("index.html"))
             if not p.relative_to(site.dir).as_posix().startswith(("assets/", "search/", "offline/"))]
    return pages + [lang_prefix(lang) + "404.html" for lang in LANGUAGES]


def _hash(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()


def test_every_page_starts_its_head_with_the_policy_and_runs_only_the_hashed_inline_scripts(site):
    expected = POLICY.format(hash=_hash(INLINE_SCRIPT), hash2=_hash(AFTER_PAINT_SCRIPT))
    pages = built_pages(site)
    assert len(pages) > 3 * 40
    for rel in pages:
        html = site.html(rel)
        head = html[html.index("<head>") + len("<head>"):html.index("</head>")]
        elements = html_sanitizer.parse_elements(head)
        assert elements[0] == ("meta", {"http-equiv": "Content-Security-Policy", "content": expected}), rel
        elements = html_sanitizer.parse_elements(html[html.index("<body"):])
        inline = [part.split("</script>", 1)[0] for part in html.split("<script>")[1:]]
        assert inline == [INLINE_SCRIPT, AFTER_PAINT_SCRIPT], rel
        # Styles come from stylesheets only, and no attribute can run code.
        assert not [t for t, _ in elements if t == "style"], rel
        assert not [(t, a) for t, attrs in elements for a in attrs if a == "style" or a.startswith("on")], rel


@pytest.mark.browser
def test_no_page_breaks_the_policy_logs_an_error_or_calls_another_host(site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    errors, offsite = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.on("request", lambda r: urlsplit(r.url).hostname != "127.0.0.1" and offsite.append(r.url))
    violations = {}
    try:
        for rel in built_pages(site):
            page.goto(site.base_url + rel, wait_until="networkidle")
            site_js_ready(page)  # what site.js does, after the first paint, is under the policy too
            found = page.evaluate("window.__violations || []")
            if found:
                violations[rel] = found
    finally:
        context.close()
    assert violations == {}
    assert errors == []
    assert offsite == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_runs_under_the_policy(site, browser, lang):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto(site.base_url + lang_prefix(lang) + "prosedur/m-paspor/", wait_until="networkidle")
        page.keyboard.press("/")
        page.locator("[data-site-search-input]").press_sequentially("paspor", delay=30)
        page.wait_for_selector("[data-search-result]")
        # Pagefind's WebAssembly (pagefind/wasm.LANG.pagefind) compiled: 'wasm-unsafe-eval' is needed.
        assert page.evaluate(r"performance.getEntriesByType('resource').some(r => /\/wasm\.[a-z]+\.pagefind$/.test(r.name))")
        assert page.evaluate("window.__violations || []") == [] and errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_offline_copy_opened_from_a_folder_runs_under_the_policy(site, browser, tmp_path):
    with zipfile.ZipFile(site.dir / "offline" / "info-imigrasi-lampung-barat-id.zip") as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / "info-imigrasi-id"
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto((folder / "prosedur" / "biaya-paspor" / "index.html").as_uri())
        page.keyboard.press("/")
        page.locator("[data-site-search-input]").press_sequentially("paspor", delay=30)
        page.wait_for_selector("[data-search-result]")
        assert page.evaluate("window.__violations || []") == [] and errors == []
    finally:
        context.close()
