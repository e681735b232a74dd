"""The built site, read as HTML: languages, alternates, switcher, notices, 404 pages."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import FALLBACK_PAGE, LANGUAGES, ROOT, Tags, lang_prefix, page_urls, source_of, tool_pages_of

HTML_LANG = {"id": "id", "lpg": "ljp", "en": "en"}
# hreflang -> the folder of that language's pages (the default language has none).
FOLDER_OF_HREFLANG = {"id": "", "ljp": "lpg/", "en": "en/"}


def test_strict_build_has_no_warnings(site):
    warnings = re.findall(r"^WARNING\s+-.*$", site.result.stderr, re.M)
    assert warnings == []


def test_every_page_exists_in_every_language_or_is_labelled_fallback(site):
    urls = page_urls(site.dir)
    assert len(urls) >= 30
    for lang in LANGUAGES[1:]:
        for url in urls:
            html = site.html(lang_prefix(lang) + url)
            if url in tool_pages_of(lang):  # built from data in every language
                assert 'data-notice="untranslated"' not in html, f"{lang}/{url}"
            elif source_of(ROOT / "docs", lang, url) is None:
                assert 'data-notice="untranslated"' in html, f"{lang}/{url}"
            else:
                assert 'data-notice="untranslated"' not in html, f"{lang}/{url}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_lang_and_hreflang(site, lang):
    for url in page_urls(site.dir):
        tags = Tags(site.html(lang_prefix(lang) + url))
        assert tags.find("html")[0]["lang"] == HTML_LANG[lang], url
        alternates = tags.find("link", rel="alternate")
        assert sorted(a["hreflang"] for a in alternates) == sorted(HTML_LANG.values()), url
        # Each hreflang names the same page in its own language, never the page in another one.
        assert {a["hreflang"]: a["href"] for a in alternates} == {
            hreflang: site.base_url + folder + url for hreflang, folder in FOLDER_OF_HREFLANG.items()}, url
        for alt in alternates:
            target = urlsplit(alt["href"])
            # Absolute, on the deployment's own sub-path, pointing at a built page.
            assert alt["href"].startswith(site.base_url), alt["href"]
            rel = target.path.removeprefix(urlsplit(site.base_url).path)
            assert (site.dir / rel / "index.html").exists(), alt["href"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hreflang_of_one_page_written_out(site, lang):
    alternates = Tags(site.html(lang_prefix(lang) + "prosedur/biaya-paspor/")).find("link", rel="alternate")
    assert {a["hreflang"]: a["href"].removeprefix(site.base_url) for a in alternates} == {
        "id": "prosedur/biaya-paspor/", "ljp": "lpg/prosedur/biaya-paspor/", "en": "en/prosedur/biaya-paspor/"}


# The tooltip of an abbreviation comes from the glossary page of the reader's language. Lampung's
# glossary gives the same first sentence as Indonesian for every term (they are Indonesian names), so
# only English tells the two apart on the real site.
@pytest.mark.parametrize("lang, tooltip", [
    ("id", "Tindak Pidana Perdagangan Orang"),
    ("lpg", "Tindak Pidana Perdagangan Orang"),
    ("en", "Crime of human trafficking (Tindak Pidana Perdagangan Orang)"),
])
def test_glossary_tooltips_come_from_the_readers_language(site, lang, tooltip):
    html = site.html(lang_prefix(lang) + "jalur-migrasi/tanda-perdagangan-orang/")
    assert re.findall(r'<abbr title="([^"]*)">TPPO</abbr>', html)[:1] == [tooltip]
    assert set(re.findall(r'<abbr title="([^"]*)">TPPO</abbr>', html)) == {tooltip}


def _switcher_targets(site, rel: str) -> dict[str, str]:
    """hreflang -> site path the language switcher of page `rel` links to."""
    page_url = urljoin(site.base_url, rel)
    links = Tags(site.html(rel)).find("a", **{"class": "md-select__link"})
    base_path = urlsplit(site.base_url).path
    return {a["hreflang"]: urlsplit(urljoin(page_url, a["href"])).path.removeprefix(base_path) for a in links}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switcher_opens_the_same_page_in_every_language(site, lang):
    for url in page_urls(site.dir):
        targets = _switcher_targets(site, lang_prefix(lang) + url)
        assert targets == {HTML_LANG[other]: lang_prefix(other) + url for other in LANGUAGES}, url
        for target in targets.values():
            assert (site.dir / target / "index.html").exists()


def test_switcher_links_are_relative(site):
    """Relative links keep working under any sub-path, from a local copy and on a Wi-Fi box."""
    for rel in ("", "en/", "lpg/prosedur/m-paspor/"):
        for a in Tags(site.html(rel)).find("a", **{"class": "md-select__link"}):
            assert not a["href"].startswith(("/", "http")), (rel, a["href"])


LAMPUNG_PARTIAL = ROOT / "overrides" / "partials" / "languages" / "lpg.html"


def test_lampung_pages_carry_lampung_interface_strings(site):
    html = site.html("lpg/prosedur/m-paspor/")
    for text in ("Langsung mit isi", "Pilih cawa", "Sepok", "Daftar isi"):
        assert text in html, text
    for english in ("Skip to content", "Select language", "Table of contents", "Back to top"):
        assert english not in html, english


def test_lampung_strings_fall_back_to_indonesian_not_english():
    import material
    from jinja2 import Environment, FileSystemLoader

    templates = Path(material.__file__).parent / "templates"
    env = Environment(loader=FileSystemLoader([str(ROOT / "overrides"), str(templates)]))
    partial = env.get_template("partials/languages/lpg.html").module
    assert partial.t("select.language") == "Pilih cawa"
    # Not translated in Lampung: must come from Material's Indonesian file.
    assert partial.t("blog.archive") == "Arsip"
    # <html lang> is mkdocs.yml's extra.hreflang, through overrides/partials/language.html.
    from sitegen.config import site_config

    hreflang = site_config.load(ROOT)["extra"]["hreflang"]
    language = env.get_template("partials/language.html").make_module(
        {"config": {"theme": {"language": "lpg"}, "extra": {"hreflang": hreflang}}})
    assert language.t("language") == "ljp"
    assert language.t("select.language") == "Pilih cawa"


def test_lampung_partial_covers_every_string_a_reader_meets():
    keys = set(re.findall(r'^\s*"([a-z.]+)":', LAMPUNG_PARTIAL.read_text(encoding="utf-8"), re.M))
    reader_facing = {"action.skip", "action.edit", "clipboard.copy", "clipboard.copied", "footer.next",
                     "footer.previous", "nav", "search", "search.placeholder", "search.reset",
                     "search.result.none", "search.result.one", "search.result.other",
                     "search.result.placeholder", "select.language", "toc", "top"}
    assert reader_facing <= keys, reader_facing - keys


def test_site_strings_exist_in_every_language():
    strings = yaml.safe_load((ROOT / "data" / "ui-strings.yml").read_text(encoding="utf-8"))
    for key, texts in strings.items():
        assert set(texts) == set(LANGUAGES), key


def test_lampung_translations_show_the_draft_notice(site):
    drafts = []
    for url in page_urls(site.dir):
        src = source_of(ROOT / "docs", "lpg", url)
        meta = tool_pages_of("lpg")[url] if src is None else yaml.safe_load(src.read_text(encoding="utf-8").split("---")[1])
        if meta.get("translation_status") == "draft":
            assert 'data-notice="draft"' in site.html("lpg/" + url), url
            drafts.append(url)
    assert {"", "prosedur/m-paspor/", "glosarium/"} <= set(drafts)  # drafts were found and checked


def test_fallback_page_is_labelled_in_the_readers_language(fallback_site):
    url = FALLBACK_PAGE.removesuffix(".md") + "/"
    notices = {"lpg": "Kak mak diterjemahko", "en": "Not translated yet"}
    for lang, title in notices.items():
        html = fallback_site.html(f"{lang}/{url}")
        assert 'data-notice="untranslated"' in html
        assert title in html
        assert Tags(html).find("html")[0]["lang"] == HTML_LANG[lang]
        targets = _switcher_targets(fallback_site, f"{lang}/{url}")
        assert targets == {HTML_LANG[o]: lang_prefix(o) + url for o in LANGUAGES}
    assert 'data-notice="untranslated"' not in fallback_site.html(url)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_404_page(site, lang):
    html = (site.dir / lang_prefix(lang) / "404.html").read_text(encoding="utf-8")
    assert Tags(html).find("html")[0]["lang"] == HTML_LANG[lang]
    assert {"id": "Halaman tidak ditemukan", "lpg": "Halaman mak ditemuko",
            "en": "Page not found"}[lang] in html


def test_no_third_party_resources_in_pages(site):
    """Scripts, styles, fonts, images and frames come from the site itself."""
    for rel in ("", "en/", "lpg/", "prosedur/biaya-paspor/"):
        tags = Tags(site.html(rel))
        for tag, attrs in tags.tags:
            src = attrs.get("src") or (attrs.get("href") if tag == "link" and attrs.get("rel") != "alternate"
                                       and attrs.get("rel") != "canonical" else None)
            if src:
                assert not urlsplit(src).netloc or src.startswith(site.base_url), (rel, tag, src)
        assert "fonts.googleapis" not in site.html(rel)


def test_every_page_shows_sources_and_review_date(site):
    for url in page_urls(site.dir):
        html = site.html(url)
        assert 'class="site-sources"' in html, url
        assert "<time datetime=" in html, url


def test_community_disclaimer_in_every_footer(site):
    for lang, text in {"id": "bukan Direktorat Jenderal Imigrasi", "en": "not the Directorate General",
                       "lpg": "lain Direktorat Jenderal Imigrasi"}.items():
        assert text in site.html(lang_prefix(lang))
