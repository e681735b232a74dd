"""Feedback, share and read aloud on every page: the links name the page and its language, nothing
is requested from a third party on load, and the read-aloud button speaks in the page's language."""

from __future__ import annotations

import html as html_lib
import os
import re
import subprocess
import sys
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from conftest import HTML_LANG, LANGUAGES, PHONE, ROOT, lang_prefix, page_urls, site_js_ready, source_of
from directory_fixtures import ENV, configured_site  # noqa: F401

from sitegen.models import addresses, site_data
from sitegen.pages import page_actions

SPEECH_LANG = {"id": "id-ID", "lpg": "id-ID", "en": "en-US"}  # Lampung is read with an Indonesian voice
LINK_RE = re.compile(r'<a\b[^>]*?href="(?P<href>[^"]+)"[^>]*?data-(?P<what>feedback|share)="(?P<kind>[^"]+)"'
                     r'(?:[^>]*?data-channel="(?P<channel>[^"]+)")?[^>]*>(?P<text>[^<]*)</a>')


def ui(lang):
    return site_data.ui_strings(lang, LANGUAGES[0])


def title_of(lang: str, url: str) -> str:
    source = source_of(ROOT / "docs", lang, url)
    text = source.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])["title"]


def links(page_html: str) -> list[dict]:
    aside = re.search(r'<aside class="site-page-actions".*?</aside>', page_html, re.S)
    assert aside, "no feedback block"
    return [{**m.groupdict(), "href": html_lib.unescape(m["href"])} for m in LINK_RE.finditer(aside[0])]


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def check_message(title: str, body: str, expected_title: str, page_url: str, lang: str, path: str):
    assert expected_title in title and f"[{lang}]" in title
    assert f"{page_url}\n" in body  # the page's absolute address
    assert f"docs/{lang}/{path}" in body  # the file a volunteer edits
    assert re.search(rf":\s*{lang}\n", body)  # the language


def repository_of(page_html: str) -> str:
    """The repository the page's edit link points to: feedback must go to the same, configured one."""
    return re.search(r'href="(https://github\.com/[^"]+?)/(?:edit|new)/main/', page_html)[1]


def source_path(lang, url):
    return source_of(ROOT / "docs", lang, url).relative_to(ROOT / "docs" / lang).as_posix()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_offers_sharing_and_the_volunteers_github_link_only(site, lang):
    """The test build sets a repository but no residents' channel (none is verified): no question, no
    resident report link, only the share link and the volunteers' GitHub link."""
    strings = ui(lang)
    urls = page_urls(site.dir)
    assert len(urls) >= 40
    for url in urls:
        if source_of(ROOT / "docs", lang, url) is None:
            continue  # the tools' pages, built from data (tests/test_tools.py checks theirs)
        page_html = site.html(lang_prefix(lang) + url)
        page_url = site.base_url + lang_prefix(lang) + url
        title = title_of(lang, url)
        found = links(page_html)
        kinds = [(l["what"], l["kind"], l["channel"]) for l in found]
        assert kinds == [("share", "whatsapp", None), ("feedback", "report", "github")], url
        assert [l["text"] for l in found] == [strings["share.whatsapp"], strings["feedback.report.github"]]
        assert strings["feedback.question"] not in page_html  # nowhere to send the answer to
        assert strings["feedback.note"] not in page_html
        github = found[1]["href"]
        assert github.startswith(repository_of(page_html) + "/issues/new?"), github
        q = query(github)
        expected = strings["feedback.title.report"].replace("{title}", title)
        check_message(q["title"], q["body"], expected, page_url, lang, source_path(lang, url))
        share = found[0]["href"]
        assert share.startswith("https://wa.me/?text=")
        assert unquote(share.removeprefix("https://wa.me/?text=")) == f"{title} {page_url}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_configured_channels_get_helpful_and_report_links_that_need_no_account(configured_site, lang):
    strings = ui(lang)
    url = "prosedur/biaya-paspor/"
    page_url = configured_site.base_url + lang_prefix(lang) + url
    title = title_of(lang, url)
    page_html = configured_site.html(lang_prefix(lang) + url)
    found = links(page_html)
    assert [(l["kind"], l["channel"]) for l in found] == [
        ("yes", "whatsapp"), ("no", "whatsapp"), ("report", "whatsapp"), ("report", "email"),
        ("whatsapp", None), ("report", "github")]  # ("whatsapp", None): the share link
    assert strings["feedback.question"] in page_html and strings["feedback.note"] in page_html
    for link, kind in zip(found[:3], ("yes", "no", "report")):
        assert link["href"].startswith("https://wa.me/6281234567890?text="), link["href"]
        first, _, rest = query(link["href"])["text"].partition("\n")
        expected = strings[f"feedback.title.{kind}"].replace("{title}", title)
        check_message(first, rest, expected, page_url, lang, "prosedur/biaya-paspor.md")
    assert found[2]["text"] == strings["feedback.report.whatsapp"]
    mail = found[3]
    assert mail["text"] == strings["feedback.report.email"]
    assert mail["href"].startswith(f"mailto:{ENV['FEEDBACK_EMAIL']}?")
    q = query(mail["href"])
    expected = strings["feedback.title.report"].replace("{title}", title)
    check_message(q["subject"], q["body"], expected, page_url, lang, "prosedur/biaya-paspor.md")
    assert found[5]["href"].startswith(repository_of(page_html) + "/issues/new?")


def _config(repository="", email="", whatsapp=""):
    from types import SimpleNamespace

    return SimpleNamespace(extra={"repository": repository, "feedback": {"email": email, "whatsapp": whatsapp},
                                  "speech_lang": {"id": "id-ID", "lpg": "id-ID", "en": "en-US"}},
                           site_name="Situs", site_url="https://contoh.org/situs/")


def _page():
    from types import SimpleNamespace

    return SimpleNamespace(title="Judul", canonical_url="https://contoh.org/situs/lpg/a/", url="lpg/a/",
                           file=SimpleNamespace(src_uri="id/a.md"))


def test_an_unset_target_gets_no_link_at_all():
    actions = page_actions.for_page(_config(), _page(), "lpg", "id", ui("lpg"))  # a fallback page
    assert actions["helpful"] == [] and actions["report"] == [] and actions["volunteer"] is None
    assert "github.com" not in repr(actions)
    assert actions["speech_lang"] == "id-ID"  # the text is Indonesian


def test_helpful_goes_to_email_when_it_is_the_only_channel():
    actions = page_actions.for_page(_config(email="warga@contoh.org"), _page(), "lpg", "id", ui("lpg"))
    assert [(l["kind"], l["channel"]) for l in actions["helpful"]] == [("yes", "email"), ("no", "email")]
    assert [l["channel"] for l in actions["report"]] == ["email"]
    body = query(actions["report"][0]["href"])["body"]
    assert "docs/id/a.md" in body and "lpg (id)" in body


def test_a_default_build_publishes_no_placeholder_repository(tmp_path):
    """Built as a fresh clone is, without REPOSITORY_URL: no link to GitHub at all."""
    env = {k: v for k, v in os.environ.items() if k not in ("REPOSITORY_URL", "FEEDBACK_EMAIL", "FEEDBACK_WHATSAPP")}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True, env={**env, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    pages = list((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "github.com" not in text and "OWNER/REPO" not in text, path


def test_link_builders_encode_everything():
    body = "a&b=c #d\ne?f"
    assert query(page_actions.github_issue_url("https://github.com/o/r", "t&x", body)) == {"title": "t&x", "body": body}
    assert query(page_actions.mailto_url("x@example.org", "s", body)) == {"subject": "s", "body": body}
    assert addresses.wa_href("+62 812-1", "hi there") == "https://wa.me/628121?text=hi%20there"
    assert addresses.wa_href("0812", "x") == "https://wa.me/62812?text=x"


def test_controls_are_plain_html_without_inline_code(site):
    page_html = site.html("prosedur/m-paspor/")
    button = re.search(r"<button[^>]*data-read-aloud[^>]*>", page_html)[0]
    assert " hidden" in button and "onclick" not in button  # shown only by the script, if speech exists
    aside = re.search(r'<aside class="site-page-actions".*?</aside>', page_html, re.S)[0]
    assert "<script" not in aside and "<form" not in aside and "<img" not in aside


# --- in a real browser --------------------------------------------------------------------------------

PAGES = ["", "prosedur/m-paspor/", "lokasi-layanan/", "program-komunitas/agenda/", "program-komunitas/kemitraan/"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_third_party_request_on_load(site, visit, lang):
    for path in PAGES:
        v = visit(site.base_url + lang_prefix(lang) + path)
        offsite = [u for u in v.requests if urlsplit(u).hostname != "127.0.0.1"]
        assert offsite == [], (path, offsite)
        assert v.bad_responses == [] and v.console_errors == [], path
        # "Dengarkan" rides in site.js after the build (scripts/sitegen/postbuild/js_compact.py): no request of its own.
        assert any(u.endswith("/assets/javascripts/site.js") for u in v.requests), path
        assert not any(u.endswith("/assets/javascripts/read-aloud.js") for u in v.requests), path


# Records what the page asks the speech engine to do, instead of speaking.
SPEECH_STUB = """
window.__spoken = []; window.__cancelled = 0;
const stub = {
  speaking: false, pending: false, paused: false,
  speak(u) { window.__spoken.push({lang: u.lang, text: u.text}); },
  cancel() { window.__cancelled += 1; }, pause() {}, resume() {}, getVoices() { return []; },
  addEventListener() {}, removeEventListener() {},
};
Object.defineProperty(window, "speechSynthesis", {configurable: true, get: () => stub});
if (typeof window.SpeechSynthesisUtterance !== "function") {
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ""; };
}
"""
NO_SPEECH = 'Object.defineProperty(window, "speechSynthesis", {configurable: true, get: () => undefined});'


def _open(browser, url: str, init_script: str):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.add_init_script(init_script)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    site_js_ready(page)  # site.js shows the button, or leaves it hidden: after the first paint
    return context, page


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_read_aloud_speaks_the_article_in_the_page_language(site, browser, lang):
    url = site.base_url + lang_prefix(lang) + "prosedur/m-paspor/"
    context, page = _open(browser, url, SPEECH_STUB)
    try:
        button = page.locator("[data-read-aloud]")
        assert button.is_visible() and button.inner_text() == ui(lang)["read_aloud.start"]
        assert page.evaluate("document.documentElement.lang") == HTML_LANG[lang]
        button.tap()
        spoken = page.evaluate("window.__spoken")
        assert spoken, "speechSynthesis.speak was not called"
        assert {s["lang"] for s in spoken} == {SPEECH_LANG[lang]}
        texts = [s["text"] for s in spoken]
        # In reading order: the title, the one-line answer, the notices, then the article.
        assert texts[0] == title_of(lang, "prosedur/m-paspor/")
        answer = page.evaluate("document.querySelector('article .site-answer').textContent")
        assert texts[1] == answer.strip()
        notice = page.evaluate("document.querySelector('article .site-notice .admonition-title').textContent")
        assert notice.strip() in texts[2:5]
        text = " ".join(texts)
        assert len(text) > 500
        # Not read: the button, the feedback block, the web addresses of the sources.
        for skipped in (ui(lang)["read_aloud.start"], ui(lang)["feedback.question"], "imigrasi.go.id/"):
            assert skipped not in [s["text"] for s in spoken] and skipped not in text, skipped
        assert button.inner_text() == ui(lang)["read_aloud.stop"]
        cancelled = page.evaluate("window.__cancelled")
        button.tap()  # a second tap stops
        assert page.evaluate("window.__cancelled") == cancelled + 1
        assert button.inner_text() == ui(lang)["read_aloud.start"]
    finally:
        context.close()


@pytest.mark.browser
def test_read_aloud_stays_hidden_without_speech(site, browser):
    context, page = _open(browser, site.base_url + "prosedur/m-paspor/", NO_SPEECH)
    try:
        assert page.locator("[data-read-aloud]").count() == 1
        assert not page.locator("[data-read-aloud]").is_visible()
    finally:
        context.close()
