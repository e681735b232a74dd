"""The self-help tools in a real browser (Debian's Chromium through Playwright): a resident reaches a
checklist and a warning by tapping answers with JavaScript switched off, on a 360 px phone; every
checklist and warning prints on one A4 sheet with tick boxes, the hotlines and a QR code back to it."""

from __future__ import annotations

import pdf_tools
import pytest
from conftest import LANGUAGES, PHONE, lang_prefix, print_ready, site_js_ready
from test_tools import CHECKLIST, CHECKLISTS, JOB_OFFER, JOB_RULES

from sitegen.models import site_data

pytestmark = pytest.mark.browser

# What a reader taps, in each language (the labels of data/tools/*.yml).
TAPS = {
    "id": {"checklist": ["Paspor rusak", "Sudah punya e-KTP", "Ya, karena bencana"],
           "job": ["Disnakerprin sudah memastikan negara dan pekerjaan ini terbuka", "Visa turis, visa kunjungan, atau e-Visa"]},
    "lpg": {"checklist": ["Paspor rusak", "Radu ngemik e-KTP", "Ya, ulih bencana"],
            "job": ["Disnakerprin radu mastiko negara rik pekerjaan hinji terbuka", "Visa turis, visa kunjungan, atau e-Visa"]},
    "en": {"checklist": ["My passport is damaged", "Yes, I have an e-KTP", "Yes, in a disaster"],
           "job": ["Disnakerprin has confirmed that this country and job are open", "A tourist visa, a visit visa or an e-Visa"]},
}
# What the checklist and the warning page then say first (their titles).
TITLES = {"id": ("Paspor rusak: yang harus dibawa", "Pekerja migran wajib punya visa kerja"),
          "lpg": ("Paspor rusak: sai harus diusung", "Pekerja migran wajib ngemik visa kerja"),
          "en": ("Damaged passport: what to bring", "Migrant workers must have a work visa")}


@pytest.fixture
def phone_without_js(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  java_script_enabled=False)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield page, requests
    context.close()


def _tap(page, label: str) -> None:
    page.get_by_role("link", name=label, exact=True).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_resident_reaches_a_checklist_and_a_warning_without_javascript(site, phone_without_js, lang):
    page, requests = phone_without_js
    base = site.base_url + lang_prefix(lang)
    page.goto(base + CHECKLIST)
    for label in TAPS[lang]["checklist"]:
        _tap(page, label)
    assert page.url == base + CHECKLIST + "rusak/punya-ektp/bencana/"
    assert page.locator("article h1").inner_text() == TITLES[lang][0]
    boxes = page.locator(".site-checklist li")
    assert boxes.count() == 6  # e-KTP, KK, one identity document, the damaged passport, two disaster letters
    # The answers fit the phone: nothing in the tool is wider than the screen.
    assert page.evaluate("Math.max(...[...document.querySelectorAll('.site-tool *')]"
                         ".map(e => e.getBoundingClientRect().right))") <= PHONE["width"]

    page.goto(base + JOB_OFFER)
    for label in TAPS[lang]["job"]:
        _tap(page, label)
    assert page.url == base + JOB_OFFER + "visa-kerja-wajib/"
    assert page.locator("article h1").inner_text() == TITLES[lang][1]
    assert page.locator(".site-tool .admonition.danger").count() == 1  # "stop and ask"
    ui = site_data.ui_strings(lang, LANGUAGES[0])
    _tap(page, ui["tool.next_check"])
    assert page.url == base + JOB_OFFER + "uang/"
    assert not any(url.endswith(".js") and "site.js" not in url and "read-aloud" not in url for url in requests)


def _print_pdf(page, url: str, path):
    page.goto(url)
    print_ready(page)
    page.pdf(path=str(path), prefer_css_page_size=True)
    return path


def test_every_checklist_and_warning_prints_on_one_a4_sheet(site, browser, tmp_path):
    pdf_tools.require_tools()
    context = browser.new_context(java_script_enabled=False)  # a printout must not depend on scripts
    page = context.new_page()
    try:
        over = []
        for lang in LANGUAGES:
            paths = [CHECKLIST, JOB_OFFER] + [CHECKLIST + p for p in CHECKLISTS] + [JOB_OFFER + p for p in JOB_RULES]
            for path in paths:
                pdf = _print_pdf(page, site.base_url + lang_prefix(lang) + path, tmp_path / "page.pdf")
                if pdf_tools.page_count(pdf) != 1 or not pdf_tools.is_a4(pdf):
                    over.append((lang, path, pdf_tools.page_count(pdf), pdf_tools.page_size(pdf)))
        assert over == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_printed_checklist_has_tick_boxes_hotlines_and_a_qr_code_back_to_it(site, browser, tmp_path, lang):
    pdf_tools.require_tools()
    address = site.base_url + lang_prefix(lang) + CHECKLIST + "pmi/belum-ektp/menikah/"
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(address)
        print_ready(page)
        page.emulate_media(media="print")
        box = page.evaluate("getComputedStyle(document.querySelector('.site-checklist li'), '::before').borderTopWidth")
        assert box != "0px"
        visible = [sel for sel in (".site-tool__answered a", ".site-tool__actions", ".site-print-action", ".site-refs",
                                   ".site-refs-short", ".site-print-footer")
                   if page.locator(sel).first.is_visible()]
        # The answers print as text, the sources short, with the footer; the rest is for the screen.
        assert visible == [".site-tool__answered a", ".site-refs-short", ".site-print-footer"]
        pdf = _print_pdf(page, address, tmp_path / "checklist.pdf")
    finally:
        context.close()
    text = pdf_tools.text(pdf)
    assert "08111-129-129" in text  # the verified SAPA 129 WhatsApp number, from data/hotlines.yml
    assert site_data.ui_strings(lang, LANGUAGES[0])["disclaimer"] in text
    assert "radarlambar.bacakoran.co/read/37576" in text  # the short sources
    assert pdf_tools.qr_codes(pdf, tmp_path / "png") == [address]


def test_the_print_button_appears_only_where_scripts_run(site, browser):
    url = site.base_url + CHECKLIST + "hilang/punya-ektp/bukan-bencana/"
    for scripts in (True, False):
        context = browser.new_context(viewport=PHONE, java_script_enabled=scripts)
        try:
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            if scripts:
                site_js_ready(page)  # site.js shows the button; it comes after the first paint
            assert page.locator("[data-site-print]").is_visible() == scripts
            assert page.locator(".site-tool__print-hint").is_visible() != scripts
        finally:
            context.close()
