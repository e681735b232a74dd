"""Phone-first pages (issue 16): the answer at the top, the "at a glance" box, step-by-step journeys,
the home page's tasks and hotline strip. Built HTML, the content rules fed broken input, and Chromium
with JavaScript off."""

from __future__ import annotations

import pytest
import yaml
from conftest import LANGUAGES, PHONE, copy_project, lang_prefix, print_ready
from tinyhtml5.parser import HTMLParser

from sitegen.checks import runner
from sitegen.models.content import ERROR

PREFIX = {lang: lang_prefix(lang) for lang in LANGUAGES}


def tree(page_html: str):
    return HTMLParser(namespace_html_elements=False).parse(page_html)


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def words(element) -> str:
    """The text without the numbered citation markers ([1], [2]...)."""
    def walk(el):
        out = "" if el.tag == "sup" else (el.text or "") + "".join(walk(child) for child in el)
        return out + (el.tail or "")
    return " ".join(((element.text or "") + "".join(walk(child) for child in element)).split())


def article(site, url: str):
    """The page's article content (inside Material's <article>, the part search indexes)."""
    return tree(site.html(url)).find(".//article/div[@data-pagefind-body]")


# --- the answer at the top ------------------------------------------------------------------------

SUMMARY = {
    "id": "Daftar di aplikasi M-Paspor, bayar segera, lalu datang ke Kantor Imigrasi Kotabumi membawa dokumen asli.",
    "en": "Apply in the M-Paspor app, pay at once, then go to the Kotabumi Immigration Office with your original "
          "documents.",
}
NOTICE_LINE = {"id": "Belum diverifikasi", "lpg": "Terjemahan sija masih draf · Kak mak diverifikasi",
               "en": "Not verified yet"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_title_comes_first_then_the_answer_then_one_line_of_notices(site, lang):
    body = article(site, PREFIX[lang] + "prosedur/m-paspor/")
    top = [el for el in body if "md-content__button" not in (el.get("class") or "")]  # Material's edit link
    assert top[0].tag == "h1"
    assert top[1].tag == "p" and top[1].get("class") == "site-answer"
    if lang in SUMMARY:
        assert text(top[1]) == SUMMARY[lang]
    status = top[2]
    assert status.get("class") == "site-page-status"
    notices = status.find("details")
    assert notices is not None and notices.get("open") is None  # collapsed: one line
    assert text(notices.find("summary")) == NOTICE_LINE[lang]
    assert [d.get("data-notice") for d in notices.findall("div")] == (
        ["draft", "unverified"] if lang == "lpg" else ["unverified"])
    assert status.find("button[@data-read-aloud]") is not None
    # Nothing about the page stands above its title.
    assert len(list(body.iter("h1"))) == 1 and not tree(site.html(PREFIX[lang] + "prosedur/m-paspor/")).findall(
        ".//article/div[@data-notice]")


def test_a_page_without_summary_or_notices_has_only_its_title(site):
    body = article(site, "program-komunitas/agenda/")
    assert body.find("p[@class='site-answer']") is None
    assert body.find(".//details[@class]") is None or "site-notices" not in body.find(".//details[@class]").get("class")


# --- at a glance ----------------------------------------------------------------------------------

GLANCE = {
    "id": [("Yang dibawa", "Ponsel dengan internet; saat ke kantor, semua dokumen asli."),
           ("Biaya", "Rp350.000 sampai Rp950.000. Bayar paling lambat 2 jam setelah mendaftar."),
           ("Lamanya", "Menurut berita, paspor jadi 3 sampai 4 hari kerja setelah wawancara."),
           ("Tempat", "Kantor Imigrasi Kotabumi. Menurut berita tahun 2017, kantor ini melayani Lampung Barat; "
                      "belum kami pastikan.")],
    "en": [("What to bring", "A phone with internet; at the office, all your original documents."),
           ("Cost", "IDR 350,000 to IDR 950,000. Pay within 2 hours of applying."),
           ("How long", "According to the news, the passport is ready 3 to 4 working days after the interview."),
           ("Where", "Kotabumi Immigration Office. A 2017 news report says it serves Lampung Barat; we have not "
                     "confirmed this yet.")],
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_procedure_page_opens_with_its_glance_box_with_fees_and_sources(site, lang):
    body = article(site, PREFIX[lang] + "prosedur/m-paspor/")
    box = body.find(".//div[@class='site-glance']")
    assert box is not None
    dl = box.find("dl")
    terms = [text(dt) for dt in dl.findall("dt")]
    # Each answer ends in its numbered citations ([1], [2]...): drop them to read the words.
    answers = []
    for dd in dl.findall("dd"):
        sups = dd.findall(".//sup")
        assert sups and all(sup.get("class") == "site-cite" and sup.find("a").get("href").startswith("#ref-")
                            for sup in sups)
        answers.append(words(dd))
    assert list(zip(terms, answers)) == GLANCE[lang]
    # The box is the first thing of the page's content, after the page's top and its journey.
    after_top = [el for el in body if el.tag not in ("h1", "nav") and el.get("class") not in (
        "site-answer", "site-page-status", "md-content__button md-icon")]
    assert after_top[0] is box


# Every procedure page that has a cost, a place or documents to bring opens with the box, in every
# language. Not the section's index (a list of pages) nor "Jenis paspor" (what the types are, no steps).
GLANCE_TERMS = {
    "prosedur/m-paspor/": ["bring", "cost", "time", "where"],
    "prosedur/dokumen-paspor/": ["bring", "cost", "where"],
    "prosedur/paspor-hilang-rusak/": ["bring", "cost", "time", "where"],
    "prosedur/paspor-pekerja-migran/": ["bring", "cost", "where"],
    "prosedur/biaya-paspor/": ["cost", "time"],
    "prosedur/eazy-passport/": ["bring", "cost", "where"],
    "prosedur/layanan-tanpa-aplikasi/": ["bring", "cost", "where"],
    "prosedur/lapor-diri-luar-negeri/": ["where"],
    "prosedur/izin-tinggal-orang-asing/": ["cost", "where"],
}
TERM_WORDS = {"id": {"bring": "Yang dibawa", "cost": "Biaya", "time": "Lamanya", "where": "Tempat"},
              "en": {"bring": "What to bring", "cost": "Cost", "time": "How long", "where": "Where"}}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_procedure_page_opens_with_a_glance_box_whose_answers_cite_sources(site, lang):
    for url, keys in GLANCE_TERMS.items():
        body = article(site, PREFIX[lang] + url)
        boxes = body.findall(".//div[@class='site-glance']")
        assert len(boxes) == 1, url
        dl = boxes[0].find("dl")
        if lang in TERM_WORDS:
            assert [text(dt) for dt in dl.findall("dt")] == [TERM_WORDS[lang][k] for k in keys], url
        else:
            assert len(dl.findall("dt")) == len(keys), url
        for dd in dl.findall("dd"):
            assert dd.find(".//sup[@class='site-cite']") is not None, (url, text(dd))
    # Pages that explain rather than guide have none.
    for url in ("prosedur/", "prosedur/jenis-paspor/"):
        assert article(site, PREFIX[lang] + url).find(".//div[@class='site-glance']") is None, url


# A fee of 0 is said in words residents use: both sources of such fees say "gratis" / "dibebaskan".
FREE_PASSPORT = {"id": "Gratis (Rp0) untuk paspor pertama; penggantian paspor tidak gratis.",
                 "lpg": "Gratis (Rp0) untuk paspor pertama; ganti paspor mak gratis.",
                 "en": "Free (IDR 0) for the first passport; a replacement is not free."}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_migrant_worker_s_free_passport_reads_free_not_rp0(site, lang):
    box = article(site, PREFIX[lang] + "prosedur/paspor-pekerja-migran/").find(".//div[@class='site-glance']")
    assert words(box.findall(".//dd")[1]) == FREE_PASSPORT[lang]
    fees = article(site, PREFIX[lang] + "prosedur/biaya-paspor/").find(".//table")
    row = next(tr for tr in fees.iter("tr") if "pekerja migran" in text(tr) or "migrant worker" in text(tr))
    assert words(row.findall("td")[1]) == FREE_PASSPORT[lang].split(" ", 2)[0] + " " + (
        "(IDR 0)" if lang == "en" else "(Rp0)")


@pytest.mark.browser
def test_in_print_the_glance_box_and_notices_show_and_the_step_panel_does_not(site, browser):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site.base_url + "prosedur/m-paspor/")
        print_ready(page)
        page.emulate_media(media="print")
        assert page.locator(".site-glance").is_visible()
        assert page.locator("[data-notice=unverified]").is_visible()  # printed open
        assert not page.locator(".site-notices > summary").is_visible()
        assert not page.locator(".site-journey").is_visible() and not page.locator(".site-journey-next").is_visible()
    finally:
        context.close()


GLANCE_PAGE = """---
title: Contoh prosedur
description: Halaman contoh.
summary: {summary}
glance:
  {glance}
reviewed: 2026-11-28
---

Teks halaman.
"""


@pytest.fixture(scope="module")
def checked_project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("glance-project"))


@pytest.mark.parametrize("summary, glance, rule, says", [
    ("Bayar 350 ribu di kantor.", "bring: e-KTP.[^permenkumham-18-2022-pasal-4]", "metadata/invalid", "memuat angka"),
    ("Datang ke kantor.", "bawa: e-KTP.[^permenkumham-18-2022-pasal-4]", "metadata/invalid", "`bawa`"),
    ("Datang ke kantor.", "bring: e-KTP dan Kartu Keluarga.", "metadata/invalid", "tidak menyebut sumber"),
    ("Datang ke kantor.", "cost: '{{ fee paspor-gratis }}'", "citation/unknown", "paspor-gratis"),
    ("Datang ke kantor.", "where: Kotabumi.[^sumber-karangan]", "citation/unknown", "sumber-karangan"),
    ("Datang ke kantor.", "time: '{{ phone sapa-129 }} saja.[^karawang-bap-langkah]'", "metadata/invalid",
     "kurung kurawal"),
])
def test_summary_and_glance_are_refused_with_file_and_line(checked_project, summary, glance, rule, says):
    page = checked_project / "docs" / "id" / "prosedur" / "contoh-uji.md"
    page.write_text(GLANCE_PAGE.format(summary=summary, glance=glance), encoding="utf-8")
    try:
        found = [p for p in runner.run(checked_project, LANGUAGES)
                 if p.path == "docs/id/prosedur/contoh-uji.md" and p.rule == rule]
    finally:
        page.unlink()
    assert found, rule
    assert found[0].severity == ERROR and says in found[0].message
    assert found[0].line in (4, 5)  # the summary or glance line


# --- step by step ---------------------------------------------------------------------------------

PASSPORT_STEPS = {
    "id": ["Pilih jenis paspor", "Siapkan dokumen asli", "Daftar lewat M-Paspor", "Bayar tarif resmi",
           "Datang ke kantor imigrasi"],
    "en": ["Choose the type of passport", "Get your original documents ready", "Apply with M-Paspor",
           "Pay the official fee", "Go to the immigration office"],
    "lpg": ["Pilih jenis paspor", "Siapko dokumen asli", "Daftar liwat M-Paspor", "Bayar tarif resmi",
            "Ratong mit kantor imigrasi"],
}
PASSPORT_PAGES = ["prosedur/jenis-paspor/", "prosedur/dokumen-paspor/", "prosedur/m-paspor/",
                  "prosedur/biaya-paspor/", "lokasi-layanan/kantor-imigrasi-kotabumi/"]
WORK_PAGES = ["jalur-migrasi/bekerja-ke-luar-negeri/", "jalur-migrasi/tanda-perdagangan-orang/",
              "prosedur/paspor-pekerja-migran/", "hak-dan-kewajiban/hak-pekerja-migran/",
              "prosedur/lapor-diri-luar-negeri/", "jalur-migrasi/pulang-ke-kampung/"]
STEP_LINE = {"id": "Langkah {n} dari {total}", "lpg": "Langkah {n} jak {total}", "en": "Step {n} of {total}"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("journey, pages", [("membuat-paspor", PASSPORT_PAGES), ("bekerja-aman", WORK_PAGES)])
def test_every_step_page_shows_the_numbered_journey_with_its_step_marked(site, lang, journey, pages):
    for n, url in enumerate(pages, 1):
        page = tree(site.html(PREFIX[lang] + url))
        nav = page.find(f".//nav[@data-journey='{journey}']")
        assert nav is not None, url
        summary = text(nav.find(".//summary"))
        assert summary.startswith(STEP_LINE[lang].format(n=n, total=len(pages)) + " · "), summary
        items = nav.findall(".//ol/li")
        links = [li.find("a") for li in items]
        if journey == "membuat-paspor":
            assert [text(a) for a in links] == PASSPORT_STEPS[lang]
        assert [a.get("aria-current") for a in links] == ["step" if i == n else None for i in range(1, len(pages) + 1)]
        # Every link leads to the step's page in the same language (relative, works under a sub-path).
        for a, target in zip(links, pages):
            resolved = (site.dir / PREFIX[lang] / url / a.get("href")).resolve()
            assert resolved == (site.dir / PREFIX[lang] / target).resolve(), (url, a.get("href"))
        nxt = page.find(".//p[@class='site-journey-next']")
        if n < len(pages):
            assert nxt.find("a").get("href") == links[n].get("href")
        else:
            assert nxt is None


def test_a_page_outside_any_journey_has_no_panel(site):
    assert "site-journey" not in site.html("program-komunitas/agenda/")


@pytest.mark.parametrize("change, says", [
    (lambda j: j[0]["steps"][1].update(page="prosedur/tidak-ada.md"), "prosedur/tidak-ada.md"),
    (lambda j: j[0]["steps"][0]["title"].pop("en"), "setiap bahasa"),
    (lambda j: j[0]["steps"].append(dict(j[0]["steps"][0])), "dua kali"),
])
def test_the_journey_file_is_checked(checked_project, change, says):
    path = checked_project / "data" / "journeys.yml"
    original = path.read_text(encoding="utf-8")
    journeys = yaml.safe_load(original)
    change(journeys)
    path.write_text(yaml.safe_dump(journeys, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        found = [p for p in runner.run(checked_project, LANGUAGES) if p.path == "data/journeys.yml"]
    finally:
        path.write_text(original, encoding="utf-8")
    assert found and found[0].severity == ERROR and says in found[0].message, [str(p) for p in found]
    assert found[0].line > 0


# --- the home page --------------------------------------------------------------------------------

TASKS = {
    "id": ["Membuat paspor", "Biaya paspor", "Bekerja ke luar negeri dengan aman", "Tanda perdagangan orang",
           "Minta bantuan sekarang", "Kantor yang melayani"],
    "en": ["Get a passport", "Passport fees", "Work abroad safely", "Signs of human trafficking", "Get help now",
           "Offices that serve you"],
}
TASK_PAGES = ["prosedur/m-paspor/", "prosedur/biaya-paspor/", "jalur-migrasi/bekerja-ke-luar-negeri/",
              "jalur-migrasi/tanda-perdagangan-orang/", "jalur-migrasi/minta-bantuan/", "lokasi-layanan/"]


HOME_TITLE = {"id": "Informasi imigrasi untuk warga Lampung Barat",
              "lpg": "Informasi imigrasi untuk jelma Lampung Barat",
              "en": "Immigration information for the people of Lampung Barat"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_says_what_the_site_is_then_its_answer_then_the_tasks(site, lang):
    body = article(site, PREFIX[lang])
    top = [el for el in body if "md-content__button" not in (el.get("class") or "")]
    assert top[0].tag == "h1" and text(top[0]) == HOME_TITLE[lang]
    assert top[1].get("class") == "site-answer"
    rest = top[2:]
    if lang == "lpg":  # the draft notice: one line, under the answer
        assert rest[0].get("class") == "site-page-status"
        rest = rest[1:]
    assert rest[0].tag == "h2" and rest[0].get("id") == "tugas"
    # No listen button pushing the tasks down (it stays on the other pages).
    assert body.find(".//button[@data-read-aloud]") is None
    assert article(site, PREFIX[lang] + "prosedur/jenis-paspor/").find(".//button[@data-read-aloud]") is not None
    assert f"<title>{HOME_TITLE[lang]} - " in site.html(PREFIX[lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_starts_with_six_tasks_then_tap_to_call(site, lang):
    body = article(site, PREFIX[lang])
    h2 = body.find(".//h2[@id='tugas']")
    headings = [el for el in body.iter() if el.tag == "h2"]
    assert headings[0] is h2  # the tasks come before everything else
    parent = next(el for el in body.iter() if h2 in list(el))
    siblings = list(parent)
    tasks = siblings[siblings.index(h2) + 1]
    assert tasks.tag == "ul"
    cards = tasks.findall("li")
    assert len(cards) == 6
    for card, target in zip(cards, TASK_PAGES):
        link = card.find("a")
        assert link.get("href") == target
        assert link.find(".//{http://www.w3.org/2000/svg}path") is not None  # Material's icon, inline: nothing to download
        assert text(card) != text(link)  # one line under the task's name
    if lang in TASKS:
        assert [text(c.find("a")) for c in cards] == TASKS[lang]
    strip = body.find(".//div[@class='site-hotline-strip']")
    calls = [a for a in strip.iter("a") if (a.get("href") or "").startswith("tel:")]
    assert [a.get("href") for a in calls] == ["tel:110", "tel:129"]  # the verified numbers of data/hotlines.yml
    for a in calls:
        assert "md-button" in a.get("class")
    assert len(strip.findall(".//sup[@class='site-cite']")) == 2  # each with its source


# --- JavaScript off ----------------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_everything_works_with_javascript_off(site, browser, lang):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.base_url + PREFIX[lang] + "prosedur/m-paspor/")
        # Notices and the journey open with a tap.
        notice = page.locator("[data-notice=unverified]")
        assert not notice.is_visible()
        page.locator(".site-notices > summary").tap()
        assert notice.is_visible()
        steps = page.locator(".site-journey ol")
        assert not steps.is_visible()
        page.locator(".site-journey summary").tap()
        assert steps.is_visible()
        # The listen button needs a script: without one it stays hidden.
        assert not page.locator("[data-read-aloud]").is_visible()
        # Feedback: the share link is a plain link.
        assert page.locator("[data-share=whatsapp]").get_attribute("href").startswith("https://wa.me/?text=")
        # The menu opens (Material's CSS-only drawer: a checkbox and its label).
        drawer = page.locator(".md-sidebar--primary")
        page.locator("label.md-header__button[for=__drawer]").tap()
        # The drawer slides in: wait until it is on screen, not a fixed time (with JavaScript off,
        # Playwright cannot evaluate a wait function in the page; it still measures boxes).
        for _ in range(100):
            if drawer.bounding_box()["x"] >= 0:
                break
            page.wait_for_timeout(100)
        assert drawer.bounding_box()["x"] >= 0
        page.locator("label.md-overlay").tap(position={"x": 340, "y": 400}, force=True)
        # The language switcher opens on tap and its links lead to the other languages.
        other = next(l for l in LANGUAGES if l != lang)
        page.click("button[aria-label].md-header__button:has(+ .md-select__inner)")
        page.click(f"a.md-select__link[hreflang='{'ljp' if other == 'lpg' else other}']")
        page.wait_for_load_state()
        assert page.url == site.base_url + PREFIX[other] + "prosedur/m-paspor/"
    finally:
        context.close()


# --- after the first paint ------------------------------------------------------------------------

AFTER_PAINT = ("assets/javascripts/site.js", "assets/stylesheets/print.css")


@pytest.mark.browser
@pytest.mark.parametrize("url", ["", "prosedur/m-paspor/", "en/prosedur/m-paspor/"])
def test_what_the_first_paint_does_not_need_is_fetched_after_it(site, browser, url):
    """site.js, the print stylesheet and the manifest wait in an inert <template> until the page has
    painted (overrides/main.html): on 3G each request before the first paint delayed it."""
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(site.base_url + url)
        page.wait_for_function("""() => performance.getEntriesByType('resource')
            .filter(r => /(site[.]js|print[.]css)$/.test(r.name) && r.responseEnd > 0).length === 2""")
        timings = page.evaluate("""() => ({
            paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
            fetched: performance.getEntriesByType('resource').map(r => [r.name, r.startTime]),
            head: [...document.head.querySelectorAll('link[rel=manifest], link[media=print], script[src]')]
                  .map(e => [e.tagName, e.getAttribute('rel'), e.href || e.src]),
        })""")
        started = {address.removeprefix(site.base_url): start for address, start in timings["fetched"]}
        for asset in AFTER_PAINT:
            assert asset in started, (url, sorted(started))
            assert started[asset] >= timings["paint"], (url, asset, started[asset], timings["paint"])
        manifest = "en/manifest.webmanifest" if url.startswith("en/") else "manifest.webmanifest"
        assert timings["head"] == [["LINK", "manifest", site.base_url + manifest],
                                   ["LINK", "stylesheet", site.base_url + "assets/stylesheets/print.css"],
                                   ["SCRIPT", None, site.base_url + "assets/javascripts/site.js"]]
        # The page's own stylesheet came before the paint: the first paint needs it.
        assert next(s for p, s in started.items() if p.startswith("assets/stylesheets/main.")) < timings["paint"]
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_the_print_stylesheet_still_applies(site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.base_url + "prosedur/m-paspor/")
        footer = page.locator(".site-print-footer")
        assert not footer.is_visible()
        page.emulate_media(media="print")
        assert footer.is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_a_browser_that_does_not_report_paint_still_gets_site_js_after_load(site, browser):
    """Where the browser has no PerformanceObserver, the after-paint assets come 3 s after the load event."""
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    context.add_init_script("delete window.PerformanceObserver")
    try:
        page = context.new_page()
        page.goto(site.base_url + "prosedur/m-paspor/", wait_until="load")
        page.wait_for_function("() => performance.getEntriesByType('resource')"
                               ".some((r) => r.name.endsWith('/assets/javascripts/site.js') && r.responseEnd > 0)")
        started = page.evaluate("""() => [performance.getEntriesByType('navigation')[0].loadEventEnd,
            performance.getEntriesByType('resource').find((r) => r.name.endsWith('/site.js')).startTime]""")
        assert started[1] > started[0], started
        assert page.locator("head script[src$='/assets/javascripts/site.js']").count() == 1
    finally:
        context.close()
