"""The `{{ videos }}` marker of docs/<lang>/video/index.md: every video of that language with its
transcript, generated from the storyboards so the page never drifts from the videos."""

from __future__ import annotations

from sitegen import ROOT
from sitegen.models import site_data
from sitegen.models.content import Page
from sitegen.video import storyboards


def _page_title(lang: str, default_lang: str, rel: str) -> str:
    for candidate in (lang, default_lang):
        page = Page.read(ROOT, candidate, rel)
        if page is not None and page.meta and page.meta.get("title"):
            return str(page.meta["title"])
    return rel


def videos_markdown(lang: str, default_lang: str) -> str:
    ui = site_data.ui_strings(lang, default_lang)
    blocks = []
    for slug, versions in sorted(storyboards.load_all(ROOT).items()):
        board = versions.get(lang)
        if board is None or not board.outputs(ROOT)["mp4"].exists():
            continue  # the content check reports a storyboard without this language or without its video
        slides = board.slides(ui["video.step"])
        md = site_data.markdown_text  # storyboards and titles are data: literal words in the Markdown
        lines = [
            f"## {md(board.title)} {{#{slug}}}",
            "",
            f"![type:video]({slug}.mp4)",
            "",
            f"{md(ui['video.page'])}: [{md(_page_title(lang, default_lang, board.page))}](../{board.page})",
            "",
            f"### {md(ui['video.transcript.title'])}: {md(board.title)} {{#{storyboards.transcript_anchor(slug)}}}",
            "",
        ]
        for slide in slides:
            if slide.kind == "step":
                lines.append(f"1. {md(slide.text)}")
            elif slide.kind != "title":
                lines += ["", md(slide.text), ""]
        blocks.append("\n".join(lines).replace("\n\n\n", "\n\n"))
    return "\n\n".join(blocks) + "\n"

