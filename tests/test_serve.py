"""`mkdocs serve` for volunteers: edits under data/, overrides/ and scripts/ rebuild and show; no
service worker registers; leaflets, zips, the CSS purge and the worker are skipped. (How fast an
edit shows, against plain Material, is measured by scripts/benchmark.py, not here.)"""

from __future__ import annotations

import time
import urllib.error
import urllib.request

import pytest

from benchmarking.serve_rebuild import BUILT, SERVING, ServeProcess
from conftest import copy_project

from content_checks import domains


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
        server.wait_for(BUILT, after=written, limit=600 if attempt == 0 else 120)
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
        # Load handlers have run once goto returns: site.js took the branch that registers nothing.
        assert page.evaluate("window.__workerCalls") == ["getRegistration"]
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
    finally:
        context.close()


@pytest.mark.parametrize("path", ["offline/info-imigrasi-lampung-barat-id.zip",
                                  "prosedur/m-paspor/leaflet-m-paspor-id.pdf", "offline.html"])
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
    ("scripts/hotlines.py", '" · ".join(parts))', '" · ".join(parts) + " (script edited)")',
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
