"""Build-time behaviour of the site: the MkDocs events, each passed on from scripts/mkdocs_hooks.py
(the file listed in mkdocs.yml), one call per concern into the modules beside it.

static-i18n builds the languages one after the other in one process, so every event below runs once
per language; the content checks run once per site.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page

from sitegen import ROOT
from sitegen.checks import runner, translations
from sitegen.config import build_mode, languages
from sitegen.models import glossary, hotlines, journeys, page_meta, site_data
from sitegen.models.addresses import lang_prefix
from sitegen.models.content import ERROR, Memo
from sitegen.models.content import Page as ContentPage
from sitegen.pages import (
    citations,
    directory_pages,
    page_actions,
    page_glance,
    tool_pages,
    translation_status,
    video_page,
    whats_new,
)
from sitegen.postbuild import (
    css_purge,
    js_compact,
    leaflets,
    offline,
    page_assets,
    search_index,
    search_words,
    service_worker,
    share_cards,
    web_manifest,
)
from sitegen.serve import serve_pages, template_cache
from sitegen.transforms import (
    content_security,
    html_sanitizer,
    html_whitespace,
    image_pipeline,
    print_footer,
    print_links,
    valid_html,
    video_embed,
)

log = logging.getLogger("mkdocs.hooks.site")
# A line `{{ name }}` in a page is replaced by generated Markdown in the page's language.
# Each entry: marker -> function(lang, default_lang) -> Markdown.
MARKERS = {
    "{{ hotlines }}": hotlines.list_markdown,
    "{{ hotline_strip }}": hotlines.strip_markdown,
    "{{ videos }}": video_page.videos_markdown,
    "{{ service_points }}": directory_pages.service_points_markdown,
    "{{ agenda }}": directory_pages.agenda_markdown,
    "{{ partners }}": directory_pages.partners_markdown,
    whats_new.LATEST_MARKER: whats_new.latest_markdown,
}
# The translation status page needs the site's configuration, so it is not in MARKERS.
STATUS_MARKER = "{{ translation_status }}"

# Static pages every language build renders to the site root (see _place_static_pages).
STATIC_PAGES = ("404.html", "offline.html")


@dataclass
class SiteBuild:
    """What one `mkdocs build` (or one serve rebuild) carries from one language's build to the next.
    static-i18n builds every language in turn with the same config object, which MkDocs loads afresh
    for each build and serve rebuild: the state lives there, never in this module, so nothing of a
    failed or earlier build (a queued leaflet, a built language) survives into the next one."""
    built_languages: set[str] = field(default_factory=set)
    default_static: dict[str, bytes] = field(default_factory=dict)  # the default language's 404/offline pages
    site_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # lang -> (site name, description)
    leaflets: dict[str, list[leaflets.Leaflet]] = field(default_factory=dict)  # lang -> leaflets its pages asked for
    # Under serve: the current language build's answer pages, which MkDocs skips (serve/serve_pages.py).
    answer_pages: serve_pages.LanguageBuild = field(default_factory=serve_pages.LanguageBuild)


_BUILD_KEY = "sitegen_build"


def _site_build(config) -> SiteBuild:
    if _BUILD_KEY not in config:
        config[_BUILD_KEY] = SiteBuild()
    return config[_BUILD_KEY]


def _i18n(config):
    return config.plugins["i18n"]


def _languages(i18n) -> list[str]:
    """The built locales, the default (the originals' language) first."""
    return [i18n.default_language] + [l for l in i18n.build_languages if l != i18n.default_language]


def on_config(config):
    if build_mode.serving:
        # The offline page is for the service worker, which `mkdocs serve` does not register.
        config.theme.static_templates.discard("offline.html")
        # Material's own search index is read by nothing (search.js uses Pagefind, and search is off
        # under serve): its plugin stays, for the search box in the header, but indexes no page.
        for name in ("material/search", "search"):
            index = getattr(config.plugins.get(name), "search_index", None)
            if index is not None:
                index.add_entry_from_context = lambda page: None
    return config


def on_pre_build(config):
    """Run every content check once per build (static-i18n builds the default language first);
    errors fail `mkdocs build --strict` before anything is written."""
    i18n = _i18n(config)
    if i18n.current_language != i18n.default_language:
        return
    config[_BUILD_KEY] = SiteBuild()  # a new build
    # Under serve, only the files that changed since the last rebuild are checked again (content.Memo).
    problems = runner.run(ROOT, languages=_languages(i18n), memo=build_mode.kept("content_checks", Memo))
    errors = [p for p in problems if p.severity == ERROR]
    for problem in problems:
        (log.warning if problem.severity == ERROR else log.info)(str(problem))
    if errors and config.strict:
        raise Abort(f"{len(errors)} galat pada konten; perbaiki lalu bangun lagi "
                    "(`python scripts/docs.py check` menampilkan daftar yang sama).")


def on_files(files, config):
    """The self-help tools' pages (scripts/sitegen/pages/tool_pages.py): one Markdown page per answer, per language,
    added as if they were in docs/<lang>/. They carry what static-i18n gives its own files.
    (Runs after static-i18n, which makes each language's file list anew: see mkdocs_hooks.py.)"""
    i18n = _i18n(config)
    lang, default = i18n.current_language, i18n.default_language
    state = _site_build(config)
    state.answer_pages = serve_pages.LanguageBuild()  # a new language build
    public_url = build_mode.public_url(config)
    for generated in serve_pages.tool_pages(ROOT, lang, default, public_url,
                                            lambda: tool_pages.pages(lang, default, public_url)):
        file = File.generated(config, lang_prefix(lang, default) + generated.rel, content=generated.markdown,
                              inclusion=InclusionLevel.NOT_IN_NAV)
        file.locale = file.localization = file.locale_alternate_of = lang
        file.alternates = {lang: file}
        file.norm_src_uri = generated.rel
        file.tool_data = f"data/tools/{generated.tool}.yml"  # what "edit this page" opens
        files.append(file)
        if build_mode.serving:  # rendered after the build only when what it shows changed
            serve_pages.defer(state.answer_pages, file, generated.markdown)
    return files


def on_nav(nav, config, files):
    _site_build(config).answer_pages.nav = nav
    return nav


def on_env(env, config, files):
    answer_pages = _site_build(config).answer_pages
    answer_pages.env, answer_pages.files = env, files
    compiled = build_mode.kept("templates", template_cache.MemoryBytecodeCache)  # serve only
    if compiled is not None:
        env.bytecode_cache = compiled
    return env


def on_page_markdown(markdown: str, page: Page, config, files):
    # Before any template runs: only known front-matter fields, their texts escaped (scripts/sitegen/models/page_meta.py).
    page.meta = page_meta.safe_meta(page.meta, generated=bool(getattr(page.file, "tool_data", None)))
    i18n = _i18n(config)
    lang, default = i18n.current_language, i18n.default_language
    # A procedure page opens with its "at a glance" box (front matter `glance`).
    markdown = page_glance.markdown(page.meta.get("glance"), lang, default) + markdown
    for marker, render in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(lang, default))
    # `{{ tool NAME }}`: the first question of a self-help tool (data/tools/NAME.yml).
    markdown = tool_pages.render_markers(markdown, lang, default)
    if STATUS_MARKER in markdown:
        languages = _languages(i18n)
        names = {l: i18n.get_language_config(l).name for l in languages}
        markdown = markdown.replace(STATUS_MARKER, translation_status.markdown(
            ROOT, languages, lang, names, config.extra.get("repository") or "", config.extra["repository_branch"]))
    # "Kabar terbaru" links its feed only when the site has a public address (scripts/sitegen/pages/whats_new.py).
    if whats_new.PAGE_MARKER in markdown:
        markdown = markdown.replace(whats_new.PAGE_MARKER,
                                    whats_new.page_markdown(lang, default, build_mode.public_url(config)))
    # Fees and phone numbers from data/, then every `[^id]` citation becomes a numbered reference.
    markdown = citations.expand_values(markdown, lang, default)
    markdown, page.references = citations.number_citations(markdown, citations.sources())
    # Tooltips for abbreviations, from the glossary page of the reader's language.
    terms = glossary.glossary(ROOT / "docs" / lang) or glossary.glossary(ROOT / "docs" / default)
    glossary.give_to_markdown(config.mdx_configs, terms)
    return markdown


def on_page_content(html: str, page: Page, config, files):
    """Every build step on the rendered Markdown, then the one sanitizer (scripts/sitegen/transforms/html_sanitizer.py):
    only what scripts/sitegen/transforms/html_policy.py allows reaches readers, whatever the Markdown was. Anything it has
    to remove is an error (`--strict` fails), naming the file and the line where the source shows it."""
    # `![type:video](...)` becomes a player; local images get phone-sized variants; external links a
    # short address for print.
    html = video_embed.render_page(html, page, config, files, log)
    html = image_pipeline.responsive_images(html, page.url, files, config.site_dir)
    html = print_links.mark_external_links(html)
    if "title" not in page.meta:  # the title comes from the first heading: escape it the same way
        page.meta["title"] = page_meta.safe_title(page.title)
    clean, removed = html_sanitizer.sanitize(html)
    if removed:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8", errors="replace")
        for removal in removed:
            line = html_sanitizer.find_line(source, removal)
            where = f"docs/{page.file.src_uri}" + (f":{line}" if line else "")
            log.warning(f"{where}: GALAT [html/sanitizer] {removal} dihapus: HTML ini tidak diizinkan di halaman "
                        "(daftar yang boleh: scripts/sitegen/transforms/html_policy.py). Hapus dari Markdown; tulis teks biasa.")
    return clean


def _alternates(config, page_url: str | None) -> list[dict]:
    """The same page in every language: `path` is site-relative (for the switcher, which must work
    under a sub-path and from a local copy), `link` absolute when the site has a public address
    (for hreflang), site-relative otherwise."""
    i18n = _i18n(config)
    current, default = i18n.current_language, i18n.default_language
    rest = "" if page_url is None else page_url.removeprefix(lang_prefix(current, default))
    hreflang = config.extra.get("hreflang", {})
    public_url = build_mode.public_url(config)
    out = []
    for lang in i18n.build_languages:
        path = lang_prefix(lang, default) + rest
        out.append({
            "name": i18n.get_language_config(lang).name,
            "lang": hreflang.get(lang, lang),
            "path": path or "./",
            "link": f"{public_url}{path}" if public_url else (path or "./"),
            "current": lang == current,
        })
    return out


def _set_alternates(config, alternates: list[dict]) -> None:
    # static-i18n sets `config.extra.alternate` as an attribute, which Jinja reads before the item.
    config.extra["alternate"] = alternates
    config.extra.alternate = alternates


def on_page_context(context, page: Page, config, nav):
    i18n = _i18n(config)
    lang, default = i18n.current_language, i18n.default_language
    _set_alternates(config, _alternates(config, page.url))
    file_lang = getattr(page.file, "locale", lang)
    context["site_ui"] = site_data.ui_strings(lang, default)
    context.update(content_security.template_context(build_mode.serving))
    context["page_references"] = citations.references_html(getattr(page, "references", []), context["site_ui"])
    if 'class="site-tool' in (page.content or ""):  # a self-help tool prints on one sheet (tool_pages.py)
        context["page_references_short"] = citations.references_short_html(getattr(page, "references", []),
                                                                            context["site_ui"])
    context["page_is_fallback"] = file_lang != lang
    context["page_translation_status"] = page.meta.get("translation_status") if file_lang != default else None
    context["page_original_url"] = page.url.removeprefix(lang_prefix(lang, default)) or "./"
    context["page_lang_root"] = lang_prefix(lang, default) or "./"
    context["page_is_home"] = page.url == lang_prefix(lang, default)  # the language's home page: "", "en/"
    context.update(_language_context(lang))
    context["site_serving"] = build_mode.serving
    terms = page.meta.get("search_terms")
    context["page_search_terms"] = search_words.terms_text(terms) if isinstance(terms, list) else ""
    context["page_translation_outdated"] = file_lang != default and _is_outdated(page, default)
    page.edit_url = _edit_url(config, page, lang, file_lang)
    # Print-only footer (address, QR code, hotlines) and the page's PDF leaflet, if it has one.
    context.update(print_footer.page_context(build_mode.public_url(config), page.url, lang, default))
    leaflet = leaflets.page_leaflet(page, config, lang)
    if leaflet:
        _site_build(config).leaflets.setdefault(lang, []).append(leaflet)
    context["page_leaflet_href"] = leaflet.pdf.name if leaflet else None
    # Open Graph and Twitter tags with the page's share card; the feed of its language in <head>.
    context["page_share"] = (share_cards.page_context(page, config, lang, file_lang, _languages(i18n))
                             if _runs(share_cards) else None)
    context.update(_feed_context(config, lang, default))
    # The step-by-step journeys this page is a step of (data/journeys.yml).
    context["page_journeys"] = journeys.for_page(getattr(page.file, "norm_src_uri", ""), lang, default)
    # Feedback, share and read-aloud links under/above the page (scripts/sitegen/pages/page_actions.py).
    context["page_actions"] = page_actions.for_page(config, page, lang, file_lang, context["site_ui"])
    return context


def _language_context(lang: str) -> dict:
    """What templates need to know about the page's language and the default one, so that no template
    names a language, a file of the offline copy or a page."""
    return {
        "site_lang": lang,
        # A fallback page's text and the "Indonesian version" link are in the default language.
        "site_default_html_lang": languages.load(ROOT).default.html_lang,
        "site_offline_zip": "offline/" + offline.zip_name(lang),
        "site_hotline_page": hotlines.PAGE_URL,
        "site_offline_page": service_worker.OFFLINE_PAGE,
    }


def _feed_context(config, lang: str, default: str) -> dict:
    """The `<link rel="alternate">` of the language's Atom feed; none without a public address."""
    href = whats_new.feed_url(build_mode.public_url(config), lang, default)
    return {"site_feed": {"href": href, "title": whats_new.feed_title(lang, default, config.site_name)} if href else None}


def _finished_html(output: str) -> str:
    """What every page and static template gets: Material's chrome made valid HTML, without its indentation."""
    return html_whitespace.collapse(valid_html.fix_material_chrome(output))


def on_post_page(output: str, page: Page, config):
    """The page's finished HTML; a page that offers the agenda calendar gets its agenda.ics next to
    it, in its language."""
    output = _finished_html(output)
    if directory_pages.CALENDAR_ATTR in output:
        i18n = _i18n(config)
        public_url = build_mode.public_url(config)
        directory_pages.write_calendar(Path(page.file.abs_dest_path).parent, i18n.current_language,
                                       i18n.default_language, config.site_name,
                                       public_url + page.url if public_url else None)
    return output


def _is_outdated(page: Page, default: str) -> bool:
    if getattr(page.file, "tool_data", None):
        return False  # a tool's page follows its data file, in every language at once
    lang, rel = page.file.src_uri.split("/", 1)
    original = ContentPage.read(ROOT, default, rel)
    return original is not None and translations.is_outdated(original, ContentPage.read(ROOT, lang, rel))


def _edit_url(config, page: Page, lang: str, file_lang: str) -> str | None:
    """Edit the file of the language being read; for a fallback page, create that translation."""
    repository = (config.extra.get("repository") or "").rstrip("/")
    if not repository:
        return None
    branch = config.extra["repository_branch"]
    if getattr(page.file, "tool_data", None):
        return f"{repository}/edit/{branch}/{page.file.tool_data}"
    rel = page.file.src_uri.split("/", 1)[1]
    if file_lang == lang:
        return f"{repository}/edit/{branch}/docs/{lang}/{rel}"
    folder, _, name = f"docs/{lang}/{rel}".rpartition("/")
    return f"{repository}/new/{branch}/{folder}?filename={name}"


def on_template_context(context, template_name, config):
    """Static pages (404.html, offline.html) have no page: offer the home page of every language.
    Every language build renders them to the site root; _place_static_pages then moves them into the
    language's folder, so their relative links start one folder further down."""
    if template_name in STATIC_PAGES:
        i18n = _i18n(config)
        lang, default = i18n.current_language, i18n.default_language
        _set_alternates(config, _alternates(config, None))
        context["site_ui"] = site_data.ui_strings(lang, default)
        context["page_lang_root"] = lang_prefix(lang, default) or "./"
        context.update(_language_context(lang))
        context["site_serving"] = build_mode.serving
        context.update(content_security.template_context(build_mode.serving))
        if template_name == "offline.html" and lang != default:
            context["base_url"] = ".."
    return context


def on_post_template(output: str, template_name: str, config):
    """Static templates (404.html, offline.html) are finished like pages."""
    return _finished_html(output)


def on_post_build(config):
    """After each language's build: its static pages and leaflets; after the last one, the site-wide
    steps that need every language on disk (search index, CSS, offline copies, service worker).
    `mkdocs serve` skips what a volunteer does not need to see an edit (scripts/sitegen/config/build_mode.py)."""
    i18n = _i18n(config)
    lang, default = i18n.current_language, i18n.default_language
    site = Path(config.site_dir)
    state = _site_build(config)
    if build_mode.serving:
        serve_pages.write(state.answer_pages, config, ROOT, lang, default)  # the tools' answer pages MkDocs skipped
    _place_static_pages(site, lang, default, state.default_static)
    if _runs(leaflets):
        # This language's PDF leaflets (scripts/sitegen/postbuild/leaflets.py), from the pages just written.
        leaflets.build(site, lang, state.leaflets.get(lang, []), build_mode.public_url(config))
    if not build_mode.serving:
        # This language's Atom feed (public address only) and A5 notices of "Kabar terbaru".
        whats_new.build(config.site_dir, lang, default, build_mode.public_url(config), config.site_name,
                        config.extra.get("hreflang", {}).get(lang, lang))
    state.site_names[lang] = (config.site_name, config.site_description or "")
    state.built_languages.add(lang)
    if state.built_languages >= set(i18n.build_languages):
        languages = _languages(i18n)
        if _runs(search_index):
            search_index.build(config.site_dir)
        if _runs(search_words):
            # Residents' words and typo vocabulary per language, read by search.js (online and offline).
            search_words.build(config.site_dir, ROOT, languages, default, config.extra.get("hreflang", {}),
                               {l: hotlines.verified_phones(l, default) for l in languages},
                               {l: site_data.ui_strings(l, default) for l in languages})
        # One web app manifest per language, so the site installs on a phone in the reader's language.
        if _runs(web_manifest):
            web_manifest.build(config.site_dir, languages, default, {l: state.site_names[l][0] for l in languages},
                               {l: state.site_names[l][1] for l in languages}, config.extra.get("hreflang", {}))
        assets = ROOT / "overrides" / "assets"
        if _runs(css_purge):
            css_purge.purge_material_css(config.site_dir, assets / "javascripts", append=assets / "stylesheets" / "site.css")
        if _runs(js_compact):
            js_compact.compact_site_scripts(config.site_dir, assets / "javascripts", appended={"site.js": ["read-aloud.js"]})
        if _runs(page_assets):
            page_assets.remove_unused_theme_assets(site)
        if _runs(offline):
            offline.build_zips(site, languages, default, config.extra.get("hreflang", {}), build_mode.public_url(config))
        if _runs(service_worker):
            service_worker.stamp(site, languages, default)


def _runs(step) -> bool:
    """A post-build step runs in every `mkdocs build`; under serve only if its module says so."""
    return step.RUNS_UNDER_SERVE or not build_mode.serving


def _place_static_pages(site: Path, lang: str, default: str, default_static: dict[str, bytes]) -> None:
    """Every language build renders the theme's static pages to the site root, so the last one would
    win: keep the default language's at the root and move the others to their folder (/en/404.html)."""
    for name in STATIC_PAGES:
        root_page = site / name
        if not root_page.exists():
            continue
        if lang == default:
            default_static[name] = root_page.read_bytes()
        elif name in default_static:
            (site / lang / name).write_bytes(root_page.read_bytes())
            root_page.write_bytes(default_static[name])
