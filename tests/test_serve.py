"""`mkdocs serve` for volunteers: edits under data/, overrides/ and scripts/ rebuild and show; no
service worker registers; leaflets, zips, the CSS purge, the worker and the search index are skipped
(the search box says so); an edit is still checked; the tools' answer pages follow every edit of what
they show. `mkdocs build` still makes all of it. (How fast an edit shows, against plain Material, is
measured by scripts/benchmark.py, not here.)"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request

import pytest
from conftest import copy_project

from sitegen.benchmarking.serve_rebuild import REBUILT, SERVING, ServeProcess
from sitegen.models import domains

# The last line of docs/id/prosedur/m-paspor.md: edits add text after it.
LAST_LINE = "- Butuh bantuan memakai aplikasi? Lihat [program komunitas](../program-komunitas/index.md).\n"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("serve-project"))
    server = ServeProcess(project / "mkdocs.yml")
    try:
        server.wait_for(SERVING)
        server.settle()
        yield project, server
    finally:
        server.stop()


def _get(server, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/{path}", timeout=60) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def _edit_and_wait(project, server, rel: str, old: str, new: str, page: str, shown: str) -> str:
    """Change a file of the project; the page as served once it shows `shown`."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer contains {old!r}"
    server.settle()
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    written = time.perf_counter()
    for attempt in range(3):  # a rebuild for an earlier change may end first
        server.wait_for(REBUILT, after=written, limit=600 if attempt == 0 else 120)
        status, html = _get(server, page)
        if shown in html:
            return html
    raise AssertionError(f"{rel}: the edit did not reach {page}:\n{''.join(server.log[-20:])}")


def test_serve_registers_no_service_worker_and_links_site_css(served, browser):
    project, server = served
    status, html = _get(server, "prosedur/m-paspor/")
    assert status == 200
    assert "data-service-worker" not in html
    assert 'assets/stylesheets/site.css">' in html  # the purge, which appends it, does not run
    context = browser.new_context()
    # Records what site.js asks of the service-worker API: it registers on the load event, or (without
    # data-service-worker) looks up a worker left from an earlier build, to drop it.
    context.add_init_script("""window.__workerCalls = [];
      for (const name of ['register', 'getRegistration']) {
        const original = navigator.serviceWorker[name].bind(navigator.serviceWorker);
        navigator.serviceWorker[name] = (...args) => { window.__workerCalls.push(name); return original(...args); };
      }""")
    page = context.new_page()
    try:
        page.goto(f"http://127.0.0.1:{server.port}/prosedur/m-paspor/", wait_until="load")
        # site.js runs after the first paint (overrides/main.html), perhaps after the load event: its
        # first call tells which branch it took, the one that registers nothing.
        page.wait_for_function("() => window.__workerCalls.length > 0")  # a function: CSP forbids eval
        assert page.evaluate("window.__workerCalls") == ["getRegistration"]
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
    finally:
        context.close()


SKIPPED_UNDER_SERVE = ["offline/info-imigrasi-lampung-barat-id.zip", "prosedur/m-paspor/leaflet-m-paspor-id.pdf",
                       "offline.html", "pagefind/pagefind.js", "assets/search/words-id.js"]
SEARCH_OFF = {  # data/ui-strings.yml serve.search_unavailable
    "": "Pencarian tidak jalan di pratinjau ini (mkdocs serve). Untuk mencoba pencarian, buat situs lengkap: "
        "bash scripts/dev.sh build.",
    "en/": "Search does not work in this preview (mkdocs serve). To try search, build the full site: "
           "bash scripts/dev.sh build.",
}
ANSWER_PAGE = "alat/apa-yang-dibawa/ganti/"  # made by scripts/sitegen/pages/tool_pages.py from data/tools/apa-yang-dibawa.yml


@pytest.mark.parametrize("path", SKIPPED_UNDER_SERVE)
def test_serve_skips_what_a_volunteer_does_not_need_to_see_an_edit(served, path):
    _, server = served
    assert _get(server, path)[0] == 404


def test_serve_writes_no_machine_local_address_into_printouts(served):
    _, server = served
    _, html = _get(server, "prosedur/m-paspor/")
    footer = html[html.index('<footer class="site-print-footer"'):]
    assert "127.0.0.1" not in footer and "<svg" not in footer.split("</footer>")[0]


@pytest.mark.parametrize(("rel", "old", "new", "page", "shown"), [
    ("data/hotlines.yml", "complaints about public services", "complaints about public services, edited",
     "en/lokasi-layanan/nomor-penting/", "complaints about public services, edited"),
    ("overrides/partials/copyright.html", '<div class="md-copyright">', '<div class="md-copyright" data-edited>',
     "prosedur/m-paspor/", '<div class="md-copyright" data-edited>'),
    ("scripts/sitegen/models/hotlines.py", '" · ".join(parts))', '" · ".join(parts) + " (script edited)")',
     "lokasi-layanan/nomor-penting/", "(script edited)"),
], ids=["data", "overrides", "scripts"])
def test_edits_outside_docs_rebuild_and_show(served, rel, old, new, page, shown):
    project, server = served
    _edit_and_wait(project, server, rel, old, new, page, shown)


def test_the_blocked_domain_list_is_read_again_after_an_edit(tmp_path):
    project = copy_project(tmp_path / "p")
    url = "https://contoh-tiruan-imigrasi.example/paspor"
    assert not domains.is_blocked(project, url)
    lists = project / "data" / "source-domains.yml"
    text = lists.read_text(encoding="utf-8")
    assert "\nblocked:\n" in text
    lists.write_text(text.replace("\nblocked:\n", "\nblocked:\n  - contoh-tiruan-imigrasi.example\n", 1),
                     encoding="utf-8")
    assert domains.is_blocked(project, url)


@pytest.mark.parametrize("prefix", SEARCH_OFF)
def test_the_search_box_says_search_is_off_under_serve(served, visit, prefix):
    _, server = served
    v = visit(f"http://127.0.0.1:{server.port}/{prefix}prosedur/m-paspor/", wait_until="load")
    v.page.click("label.md-header__button[for=__search]")
    v.page.wait_for_function("() => performance.getEntriesByType('resource').some(r => r.name.includes('/search.js'))")
    v.page.locator("[data-site-search-input]").press_sequentially("paspor", delay=30)
    v.page.wait_for_timeout(1500)  # search.js waits for the next key, then would search
    assert v.page.locator("[data-site-search-meta]").inner_text().strip() == SEARCH_OFF[prefix]
    assert v.page.locator("[data-site-search-results] li").count() == 0
    assert not [u for u in v.requests if "/pagefind/" in u or "/assets/search/" in u]
    assert v.console_errors == []  # MkDocs' inline reload script runs too (serve's policy allows it)


def test_a_page_open_in_the_browser_reloads_itself_after_an_edit(served, visit):
    """The volunteer keeps the page open, saves the file, and sees the change without touching the
    browser: MkDocs' live reload runs under the serve-only Content Security Policy."""
    project, server = served
    v = visit(f"http://127.0.0.1:{server.port}/prosedur/m-paspor/", wait_until="load")
    head = v.page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "'unsafe-inline'" in head and "sha256-" not in head
    v.page.wait_for_function("() => document.readyState === 'complete'")
    sentence = "Kalimat ini muncul tanpa memuat ulang halaman."
    _edit_and_wait(project, server, "docs/id/prosedur/m-paspor.md", LAST_LINE, f"{LAST_LINE}\n{sentence}\n",
                   "prosedur/m-paspor/", sentence)
    # A bound for a slow machine, not a speed test: the page itself must show the edit.
    v.page.wait_for_function(f"() => document.body.innerText.includes({sentence!r})", timeout=300_000)
    assert v.console_errors == []


def test_an_edit_that_breaks_a_content_rule_is_reported_and_a_fix_clears_it(served):
    project, server = served
    added = "Biayanya naik menjadi 999 ribu rupiah."
    seen = len(server.log)
    _edit_and_wait(project, server, "docs/id/prosedur/m-paspor.md", LAST_LINE, f"{LAST_LINE}\n{added}\n",
                   "prosedur/m-paspor/", added)
    errors = [line for line in server.log[seen:] if "GALAT" in line]
    assert any("docs/id/prosedur/m-paspor.md:82: GALAT [citation/missing]" in line for line in errors), errors
    # Cross-file: the unchanged translations now miss the number.
    assert any("docs/en/prosedur/m-paspor.md: GALAT [citation/numbers]" in line for line in errors), errors

    seen = len(server.log)
    _edit_and_wait(project, server, "docs/id/prosedur/m-paspor.md", f"\n{added}\n", "\nSatu kalimat biasa.\n",
                   "prosedur/m-paspor/", "Satu kalimat biasa.")
    assert [line for line in server.log[seen:] if "GALAT" in line] == []


def _without_reload_stamp(html: str) -> str:
    """The page without the build time that `mkdocs serve` writes into its reload script."""
    return re.sub(r"livereload\(\d+, \d+\)", "livereload()", html)


def test_answer_pages_follow_edits_of_what_they_show(served):
    project, server = served
    status, before = _get(server, ANSWER_PAGE)
    assert status == 200 and "Apakah Anda sudah punya e-KTP?" in before
    # A page's text is not on the answer page: it is served as it was.
    _edit_and_wait(project, server, "docs/id/prosedur/dokumen-paspor.md", "\n## ", "\nKalimat uji tambahan.\n\n## ",
                   "prosedur/dokumen-paspor/", "Kalimat uji tambahan.")
    assert _without_reload_stamp(_get(server, ANSWER_PAGE)[1]) == _without_reload_stamp(before)
    # The tool's data, and another page's title (in the navigation), are.
    _edit_and_wait(project, server, "data/tools/apa-yang-dibawa.yml", "id: Apakah Anda sudah punya e-KTP?",
                   "id: Apakah Anda sudah punya e-KTP elektronik?", ANSWER_PAGE,
                   "Apakah Anda sudah punya e-KTP elektronik?")
    # (The navigation is pruned to the top level: "Kabar terbaru" is on every page.)
    _edit_and_wait(project, server, "docs/id/kabar-terbaru.md", "title: Kabar terbaru\n",
                   "title: Kabar terbaru situs\n", ANSWER_PAGE, "Kabar terbaru situs")
    assert "Kabar terbaru situs" in _get(server, ANSWER_PAGE)[1]


def test_no_note_about_links_to_answer_pages_under_serve(served):
    """MkDocs notes each link to a page it skipped; the answer pages are written after the build."""
    _, server = served
    assert not [line for line in server.log if "excluded from the built site" in line]


def test_mkdocs_build_still_makes_what_serve_skips(site):
    for path in ("pagefind/pagefind.js", "assets/search/words-id.js", "assets/search/words-en.js",
                 "prosedur/m-paspor/leaflet-m-paspor-id.pdf", "offline/info-imigrasi-lampung-barat-id.zip"):
        assert (site.dir / path).is_file(), path
    html = site.html(ANSWER_PAGE)
    assert "Apakah Anda sudah punya e-KTP?" in html
    assert "data-unavailable" not in site.html("prosedur/m-paspor/") and SEARCH_OFF[""] not in site.html("")
