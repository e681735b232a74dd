"""Links under every page (overrides/partials/page-feedback.html) and the read-aloud voice
(overrides/partials/page-read-aloud.html).

Nothing is sent on page load: every link only opens a prefilled message that the reader sends, or not,
from their own WhatsApp, e-mail or GitHub account. The targets are configured in one place, mkdocs.yml:
`extra.feedback` (`whatsapp`, `email`) are the residents' channels, which need no account: "Apakah
halaman ini membantu?" goes to the first one set, "Laporkan kesalahan" to each. `extra.repository`
(set by REPOSITORY_URL, also used by the edit links) adds a GitHub link for volunteers. A channel that
is not set gets no link at all: no placeholder address is ever published.
"""

from __future__ import annotations

from urllib.parse import quote

from sitegen.config import build_mode, languages
from sitegen.models import addresses, page_meta


def _q(text: str) -> str:
    return quote(text, safe="")


def _fill(template: str, **values: str) -> str:
    # str.replace, not str.format: a stray brace typed by a translator must not break the build.
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def github_issue_url(repository: str, title: str, body: str) -> str:
    return f"{repository.rstrip('/')}/issues/new?title={_q(title)}&body={_q(body)}"


def mailto_url(address: str, subject: str, body: str) -> str:
    return f"mailto:{address}?subject={_q(subject)}&body={_q(body)}"


def page_url(config, page) -> str:
    """The page's absolute address when the site has a public one; its site path otherwise."""
    public_url = build_mode.public_url(config)
    return public_url + page.url if public_url else "/" + page.url


def for_page(config, page, lang: str, file_lang: str, ui: dict[str, str]) -> dict:
    """Template data for one page in the language `lang` (its text may be `file_lang` on a fallback)."""
    extra = config.extra
    feedback = extra.get("feedback") or {}
    repository = (extra.get("repository") or "").strip()
    title = page_meta.plain(page.title) or config.site_name  # words, not escaped HTML: they are URL-encoded
    url = page_url(config, page)
    language = lang if file_lang == lang else f"{lang} ({file_lang})"
    # The file a volunteer would correct: a self-help tool's page is built from its data file.
    path = getattr(page.file, "tool_data", None) or f"docs/{page.file.src_uri}"
    body = _fill(ui["feedback.body"], title=title, url=url, path=path, lang=language)

    def subject(kind: str) -> str:
        return _fill(ui[f"feedback.title.{kind}"], title=title) + f" [{lang}]"

    # The residents' channels, in order of preference: WhatsApp is what most residents use.
    channels = []
    number = str(feedback.get("whatsapp") or "").strip()
    if number:
        channels.append(("whatsapp", lambda kind: addresses.wa_href(number, subject(kind) + "\n" + body)))
    email = (feedback.get("email") or "").strip()
    if email:
        channels.append(("email", lambda kind: mailto_url(email, subject(kind), body)))
    helpful = []
    if channels:
        channel, link = channels[0]
        helpful = [{"kind": kind, "channel": channel, "label": ui[f"feedback.{kind}"], "href": link(kind)}
                   for kind in ("yes", "no")]
    report = [{"channel": channel, "label": ui[f"feedback.report.{channel}"], "href": link("report")}
              for channel, link in channels]
    volunteer = None
    if repository:
        volunteer = {"channel": "github", "label": ui["feedback.report.github"],
                     "href": github_issue_url(repository, subject("report"), body)}
    return {
        "helpful": helpful,
        "report": report,
        "volunteer": volunteer,
        "share_whatsapp": addresses.wa_href("", f"{title} {url}"),
        # The voice of the text shown: a fallback page is read in the default language's voice.
        "speech_lang": languages.load().get(file_lang).speech_lang,
    }
