"""Static pages for the self-help tools of data/tools/*.yml, in every language, built with the site.

Every answer is a link to a page of its own, so the tools work without JavaScript, offline, from the
offline zips and from a link shared on WhatsApp:

- checklist ("Apa yang harus saya bawa?"): the start page (docs/<lang>/alat/<tool>.md, line
  `{{ tool NAME }}`) asks the first question; `alat/<tool>/<case>/` asks the case's next question,
  and so on; the page at the end of each answer path is that person's checklist: documents grouped by
  office, what to do if one is missing, where to go, the fees (from data/fees.yml, `{{ fee ID }}`),
  how long it takes;
- job offer ("Cek tawaran kerja"): the start page asks the first question, `alat/<tool>/<check>/` the
  next ones; a warning sign leads to `alat/<tool>/<rule>/` (stop and ask, why, what to do, whom to
  call, then on to the next question); `alat/<tool>/selesai/` ends the check.

Pages are Markdown with front matter, added to MkDocs' files by the hooks (`on_files`), so they go
through the same build as written pages: citations become numbered references, fees and phone numbers
come from data, the print footer adds the address, QR code and hotlines. Every text from the data is
escaped: a volunteer's text is shown as written, never read as Markdown or HTML.
"""

from __future__ import annotations

import html
import itertools
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitegen import ROOT
from sitegen.checks import tools as tool_data
from sitegen.models import addresses, hotlines, site_data
from sitegen.models.content import Page as ContentPage

MARKER_RE = re.compile(r"^\{\{ tool ([a-z0-9-]+) \}\}$", re.M)
# Offices a job-offer warning page sends the reader to (their pages say what is verified about them).
ASK_AT = ("lokasi-layanan/disnaker-lampung-barat.md", "lokasi-layanan/bp3mi-lampung.md")


@dataclass(frozen=True)
class ToolPage:
    rel: str  # path inside the language's docs, e.g. alat/apa-yang-dibawa/hilang/index.md
    markdown: str
    tool: str  # data/tools/<tool>.yml, for the "edit" link


# --- text ---------------------------------------------------------------------------------------------

_MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+!|~^])")


def esc(text: str) -> str:
    """Plain text for Markdown: HTML characters as entities, Markdown characters backslashed."""
    return _MD_SPECIAL_RE.sub(r"\\\1", html.escape(text, quote=False))


def cite(ids) -> str:
    return "".join(f"[^{key}]" for key in ids)


class _Lang:
    """The texts of one language: data texts with fallback, interface strings, site page titles."""

    def __init__(self, root: Path, lang: str, default: str):
        self.root, self.lang, self.default = root, lang, default
        self.ui = site_data.ui_strings(lang, default)
        self._titles: dict[str, str] = {}

    def t(self, text) -> str:
        return text.get(self.lang, self.default) if text is not None else ""

    def page_title(self, target: str) -> str:
        """The title of a site page in this language (its Indonesian one while untranslated)."""
        path = target.partition("#")[0]
        if path not in self._titles:
            self._titles[path] = path
            for lang in (self.lang, self.default):
                page = ContentPage.read(self.root, lang, path)
                if page is not None and isinstance((page.meta or {}).get("title"), str):
                    self._titles[path] = page.meta["title"]
                    break
        return self._titles[path]


def link(from_rel: str, target: str) -> str:
    """Relative Markdown link target from one docs file to another (`section/page.md#anchor`)."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(from_rel) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def front_matter(meta: dict) -> str:
    """Front matter as written: the build escapes every page's front matter once, generated or not
    (scripts/sitegen/models/page_meta.py); escaping here too would show `&#x27;` for an apostrophe."""
    clean = dict(meta)
    return "---\n" + yaml.safe_dump(clean, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _meta(tool, l: _Lang, title: str, description: str, unverified: list[str]) -> dict:
    meta = {"title": title, "description": description, "reviewed": tool.reviewed, "tool": tool.name}
    if l.lang != l.default:
        meta["translation_status"] = tool.translation_status.get(l.lang, "draft")
    seen = []
    for item in unverified:
        if item not in seen:
            seen.append(item)
    if seen:
        meta["unverified"] = seen
    return meta


def _answers_block(options: list[tuple[str, str, tuple]], rel: str) -> list[str]:
    """Big answer buttons, one per line: (label, target rel, source ids). A source goes after the
    button, never inside it: a link cannot hold another link."""
    out = ['<div class="site-tool__answers" markdown>', ""]
    for label, target, ids in options:
        out.append(f"- [{label}]({link(rel, target)}){{ .md-button }}{cite(ids)}")
    return out + ["", "</div>", ""]


def _entry_line(e, l: _Lang, rel: str) -> str:
    text = esc(l.t(e.text)) + cite(e.cite)
    if e.page:
        # On paper the page's own QR code leads on: the link is for the screen (print.css).
        text += f' <span class="site-tool__link">([{esc(l.page_title(e.page))}]({link(rel, e.page)}))</span>'
    return text


def _hotline_lines(keys, l: _Lang) -> list[str]:
    """Verified numbers as tap-to-call links with their source; otherwise "not verified" and the web."""
    entries = hotlines.by_id(l.lang, l.default, l.root)  # the one hotline model (scripts/sitegen/models/hotlines.py)
    lines = []
    for key in keys:
        hotline = entries[key]
        contact = hotlines.phone_markdown(key, l.lang, l.default, l.root)
        if hotline.web and not hotline.verified:
            shown = addresses.short_url(hotline.web)
            contact += f" · [{esc(shown)}]({hotline.web})"
        lines.append(f"- **{esc(hotline.name)}** ({esc(hotline.purpose)}): {contact}")
    return lines


def _nav(markdown: str) -> list[str]:
    """Links to move between the tool's pages: for the screen only."""
    return ['<p class="site-tool__nav" markdown>', markdown, "</p>", ""]


def _share_and_print(l: _Lang, title: str, address: str | None) -> list[str]:
    """Share on WhatsApp (a plain link, nothing sent on load) and how to print; screen only."""
    out = ['<p class="site-tool__actions" markdown>']
    if address:
        out.append(f"[{esc(l.ui['tool.share'])}]({addresses.wa_href('', f'{title} {address}')}){{ .md-button }}")
    out.append(f'<span class="site-tool__print-hint">{esc(l.ui["tool.print_hint"])}</span>')
    return out + ["</p>", ""]


def _address(site_url: str | None, lang: str, default: str, rel: str) -> str | None:
    if not site_url:
        return None
    url = rel.removesuffix("index.md")
    prefix = "" if lang == default else f"{lang}/"
    return site_url.rstrip("/") + "/" + prefix + url


# --- checklist ------------------------------------------------------------------------------------------


def _checklist_rel(tool, parts: tuple[str, ...]) -> str:
    return tool.page if not parts else f"{tool.folder}/{'/'.join(parts)}/index.md"


def _question_block(tool, l: _Lang, rel: str, question, parts: tuple[str, ...], heading_id: str) -> list[str]:
    out = [f"## {esc(l.t(question.text))}{cite(question.cite)} {{#{heading_id}}}", ""]
    if question.hint:
        out += [esc(l.t(question.hint)), ""]
    if question is tool.first:
        options = [(esc(l.t(c.label)), _checklist_rel(tool, (c.id,)), c.cite) for c in tool.cases]
    else:
        options = [(esc(l.t(o.label)), _checklist_rel(tool, parts + (o.id,)), o.cite) for o in question.options]
    return out + _answers_block(options, rel)


def _answered(tool, l: _Lang, parts: tuple[str, ...], rel: str) -> list[str]:
    """What the reader answered so far, each answer a link back to its question."""
    case = tool.case(parts[0])
    lines = ['<div class="site-tool__answered" markdown>', "", f"**{esc(l.ui['tool.your_answers'])}**", ""]
    questions = [tool.first] + [tool.questions[q] for q in case.ask]
    labels = [l.t(case.label)] + [l.t(next(o.label for o in tool.questions[q].options if o.id == a))
                                  for q, a in zip(case.ask, parts[1:])]
    for index, (question, label) in enumerate(zip(questions, labels)):
        back = _checklist_rel(tool, parts[:index])
        lines.append(f"- {esc(l.t(question.text))} [{esc(label)}]({link(rel, back)})")
    return lines + ["", "</div>", ""]


def _checklist_result(tool, l: _Lang, parts: tuple[str, ...], site_url) -> ToolPage:
    rel = _checklist_rel(tool, parts)
    case = tool.case(parts[0])
    answers = tool.answers(case.id, parts[1:])
    shows = lambda entries: [e for e in entries if e.shows(case.id, answers)]  # noqa: E731
    title = l.t(case.title)
    unverified: list[str] = []

    def note(e):
        if e is not None and e.unverified is not None:
            unverified.append(l.t(e.unverified))

    body = ['<div class="site-tool site-tool--checklist" markdown>', ""]
    body += _answered(tool, l, parts, rel)
    body += [f"## {esc(l.ui['tool.documents'])} {{#dokumen}}", ""]
    for group in tool.groups:
        items = [e for e in shows(tool.items) if e.group == group.id]
        if not items:
            continue
        heading = esc(l.t(group.heading))
        if group.page:
            heading = f"[{heading}]({link(rel, group.page)})"
        body += [f"### {heading} {{#{group.id}}}", "", '<div class="site-checklist" markdown>', ""]
        for e in items:
            note(e)
            body.append(f"- {esc(l.t(e.text))}{cite(e.cite)}")
            missing = e.if_missing
            if missing is not None:
                note(missing)
                extra = _entry_line(missing, l, rel)
                if missing.case:
                    target = _checklist_rel(tool, (missing.case,))
                    extra += f" [{esc(l.t(tool.case(missing.case).title))}]({link(rel, target)})"
                body.append(f'  <span class="site-checklist__missing">{extra}</span>')
        body += ["", "</div>", ""]
    steps = shows(tool.steps)
    if steps:
        body += [f"## {esc(l.ui['tool.steps'])} {{#langkah}}", ""]
        for number, e in enumerate(steps, 1):
            note(e)
            body.append(f"{number}. {_entry_line(e, l, rel)}")
        body.append("")
    # Cost and time side by side on paper (print.css): a checklist must fit one sheet.
    body += ['<div class="site-tool__facts" markdown>', "", '<div markdown>', "",
             f"## {esc(l.ui['tool.costs'])} {{#biaya}}", "",
             f"| {esc(l.ui['fees.service'])} | {esc(l.ui['fees.amount'])} |", "|---|---|"]
    fees = {f["id"]: f for f in site_data.valid_entries("fees.yml", l.root)}
    for e in shows(tool.costs):
        name = site_data.localized(fees[e.fee]["name"], l.lang, l.default)
        body.append(f"| {esc(name)} | {{{{ fee {e.fee} }}}} |")
    body.append("")
    for e in shows(tool.cost_notes):
        note(e)
        body.append(f"- {_entry_line(e, l, rel)}")
    body.append("")
    body += ["</div>", ""]
    times = shows(tool.times)
    if times:
        body += ['<div markdown>', "", f"## {esc(l.ui['tool.times'])} {{#waktu}}", ""]
        for e in times:
            note(e)
            body.append(f"- {_entry_line(e, l, rel)}")
        body += ["", "</div>", ""]
    body += ["</div>", ""]
    body += _nav(f"[{esc(l.ui['tool.hotlines'])}]({link(rel, hotlines.PAGE_SOURCE)}) · "
                 f"[{esc(l.ui['tool.start_over'])}]({link(rel, tool.page)})")
    body += _share_and_print(l, title, _address(site_url, l.lang, l.default, rel))
    body += ["</div>", ""]
    summary = " · ".join([l.t(case.label)] + [l.t(next(o.label for o in tool.questions[q].options if o.id == a))
                                             for q, a in answers.items()])
    meta = _meta(tool, l, title, summary, unverified)
    meta["tool_print"] = True
    return ToolPage(rel, front_matter(meta) + "\n".join(body), tool.name)


def _checklist_pages(tool, l: _Lang, site_url) -> list[ToolPage]:
    pages = []
    for case in tool.cases:
        # A page for each question after the first, for every way of answering the ones before it.
        for depth, qid in enumerate(case.ask):
            earlier = [[o.id for o in tool.questions[q].options] for q in case.ask[:depth]]
            for combo in itertools.product(*earlier):
                parts = (case.id,) + combo
                question = tool.questions[qid]
                rel = _checklist_rel(tool, parts)
                body = ['<div class="site-tool site-tool--question" markdown>', ""]
                body += _answered(tool, l, parts, rel)
                body += _question_block(tool, l, rel, question, parts, "pertanyaan")
                body += _nav(f"[{esc(l.ui['tool.start_over'])}]({link(rel, tool.page)})") + ["</div>", ""]
                meta = _meta(tool, l, l.t(case.title), l.t(question.text), [])
                pages.append(ToolPage(rel, front_matter(meta) + "\n".join(body), tool.name))
    for case_id, combo in tool.paths():
        pages.append(_checklist_result(tool, l, (case_id,) + combo, site_url))
    return pages


# --- job offer ------------------------------------------------------------------------------------------


def _job_rel(tool, page_id: str) -> str:
    return tool.page if page_id == tool.checks[0].id else f"{tool.folder}/{page_id}/index.md"


def _progress(tool, l: _Lang, index: int) -> str:
    return l.ui["tool.question_of"].replace("{n}", str(index + 1)).replace("{total}", str(len(tool.checks)))


def _job_title(tool, l: _Lang, index: int) -> str:
    """A question page's title: the tool's name and how far the reader is ("Cek tawaran kerja ·
    Pertanyaan 3 dari 7"); the question itself is the heading below it."""
    return f"{l.page_title(tool.page)} · {_progress(tool, l, index)}"


def _job_question(tool, l: _Lang, question, index: int, rel: str, progress: bool = False) -> list[str]:
    """A question with one button per answer: on to the next question, a warning page or a follow-up."""
    following = tool.checks[index + 1].id if index + 1 < len(tool.checks) else tool_data.DONE_ID
    out = [f'<p class="site-tool__progress">{esc(_progress(tool, l, index))}</p>', ""] if progress else []
    out += [f"## {esc(l.t(question.text))}{cite(question.cite)} {{#pertanyaan}}", ""]
    if question.hint:
        out += [esc(l.t(question.hint)), ""]
    options = []
    for o in question.options:
        target = o.rule or o.ask or following
        options.append((esc(l.t(o.label)), _job_rel(tool, target), o.cite))
    out += _answers_block(options, rel)
    for o in question.options:
        if o.list:
            lst = tool.lists[o.list]
            out += [f"**{esc(l.t(o.label))}:** " + ", ".join(esc(l.t(i)) for i in lst.items) + cite(lst.cite), ""]
    return out


def _official_list(lst, l: _Lang) -> tuple[list[str], list[str]]:
    lines = [f"**{esc(l.ui['tool.official_list'])}: {esc(l.t(lst.name))}**"]
    if lst.items:
        lines[0] += ": " + ", ".join(esc(l.t(i)) for i in lst.items)
    lines[0] += ". "
    if lst.link:
        lines[0] += f"[{esc(lst.link.removeprefix('https://'))}]({lst.link})"
    else:
        lines[0] += esc(l.t(lst.instead))
    lines[0] += cite(lst.cite)
    return lines + [""], [l.t(lst.unverified)] if lst.unverified else []


def _job_rule_page(tool, l: _Lang, rule, site_url) -> ToolPage:
    rel = _job_rel(tool, rule.id)
    done = rule.id == tool_data.DONE_ID
    unverified: list[str] = []
    body = ['<div class="site-tool site-tool--rule" markdown>', ""]
    if done:
        body += [f'!!! success "{esc(l.ui["tool.no_sign"])}"', f"    {esc(l.t(rule.text))}", ""]
    else:
        body += [f'!!! danger "{esc(l.ui["tool.stop"])}"', f"    {esc(l.t(rule.ask))}", ""]
        body += [f"## {esc(l.ui['tool.why'])} {{#kenapa}}", ""]
        for e in rule.why:
            body.append(f"- {_entry_line(e, l, rel)}")
            if e.unverified:
                unverified.append(l.t(e.unverified))
        body.append("")
        if rule.list:
            lines, notes = _official_list(tool.lists[rule.list], l)
            body += lines
            unverified += notes
    if rule.todo:
        body += [f"## {esc(l.ui['tool.todo'])} {{#yang-dilakukan}}", ""]
        for number, e in enumerate(rule.todo, 1):
            body.append(f"{number}. {_entry_line(e, l, rel)}")
            if e.unverified:
                unverified.append(l.t(e.unverified))
        body.append("")
    body += [f"## {esc(l.ui['tool.contacts'])} {{#hubungi}}", ""]
    body += [f"- {esc(l.ui['tool.ask_at'])}: " + ", ".join(f"[{esc(l.page_title(p))}]({link(rel, p)})" for p in ASK_AT)]
    body += _hotline_lines(rule.hotlines, l)
    body.append("")
    if rule.pages:
        body += [f"{esc(l.ui['tool.read_more'])}: " + ", ".join(
            f"[{esc(l.page_title(p))}]({link(rel, p)})" for p in rule.pages), ""]
    if not done:
        index = tool.check_of(rule.id)
        following = tool.checks[index + 1].id if index + 1 < len(tool.checks) else tool_data.DONE_ID
        label = l.ui["tool.next_check"] if following != tool_data.DONE_ID else l.ui["tool.finish"]
        body += ['<div class="site-tool__answers" markdown>', "",
                 f"- [{esc(label)}]({link(rel, _job_rel(tool, following))}){{ .md-button .md-button--primary }}",
                 f"- [{esc(l.ui['tool.change'])}]({link(rel, _job_rel(tool, tool.checks[index].id))}){{ .md-button }}",
                 "", "</div>", ""]
    body += _nav(f"[{esc(l.ui['tool.start_over'])}]({link(rel, tool.page)})")
    title = l.t(rule.title)
    body += _share_and_print(l, title, _address(site_url, l.lang, l.default, rel))
    body += ["</div>", ""]
    description = l.t(rule.text if done else rule.ask)
    meta = _meta(tool, l, title, description, unverified)
    meta["tool_print"] = True
    return ToolPage(rel, front_matter(meta) + "\n".join(body), tool.name)


def _job_pages(tool, l: _Lang, site_url) -> list[ToolPage]:
    pages = []
    for index, check in enumerate(tool.checks[1:], 1):
        rel = _job_rel(tool, check.id)
        body = ['<div class="site-tool site-tool--question" markdown>', ""]
        body += _job_question(tool, l, check, index, rel)
        previous = _job_rel(tool, tool.checks[index - 1].id)
        body += _nav(f"[{esc(l.ui['tool.back'])}]({link(rel, previous)}) · "
                     f"[{esc(l.ui['tool.start_over'])}]({link(rel, tool.page)})") + ["</div>", ""]
        meta = _meta(tool, l, _job_title(tool, l, index), l.t(check.text), [])
        pages.append(ToolPage(rel, front_matter(meta) + "\n".join(body), tool.name))
    for followup in tool.followups.values():
        rel = _job_rel(tool, followup.id)
        index = tool.check_of(followup.id)
        body = ['<div class="site-tool site-tool--question" markdown>', ""]
        body += _job_question(tool, l, followup, index, rel)
        body += _nav(f"[{esc(l.ui['tool.back'])}]({link(rel, _job_rel(tool, tool.checks[index].id))})") + ["</div>", ""]
        meta = _meta(tool, l, _job_title(tool, l, index), l.t(followup.text), [])
        pages.append(ToolPage(rel, front_matter(meta) + "\n".join(body), tool.name))
    for rule in list(tool.rules.values()) + [tool.done]:
        pages.append(_job_rule_page(tool, l, rule, site_url))
    return pages


# --- entry points for the hooks -----------------------------------------------------------------------


def _tools(root: Path) -> list:
    return tool_data.valid_tools(root, list(site_data.languages(root)))


def pages(lang: str, default: str, site_url: str | None = None, root: Path = ROOT) -> list[ToolPage]:
    """Every generated page of every tool, in one language."""
    l = _Lang(root, lang, default)
    out = []
    for tool in _tools(root):
        out += (_checklist_pages if tool.kind == "checklist" else _job_pages)(tool, l, site_url)
    return out


def start_markdown(name: str, lang: str, default: str, root: Path = ROOT) -> str:
    """What the start page's `{{ tool NAME }}` line becomes: the first question (and, for the job-offer
    check, all its questions as a list to print and tick)."""
    l = _Lang(root, lang, default)
    tool = next((t for t in _tools(root) if t.name == name), None)
    if tool is None:
        return f"**{esc(l.ui['tool.unavailable'])}**\n"
    rel = tool.page
    body = ['<div class="site-tool site-tool--question" markdown>', ""]
    if tool.kind == "checklist":
        body += _question_block(tool, l, rel, tool.first, (), "pertanyaan")
    else:
        body += ['<div class="site-tool__ask" markdown>', ""] + _job_question(tool, l, tool.checks[0], 0, rel, True)
        body += ["</div>", "", '<div class="site-tool__overview" markdown>', "",
                 f"## {esc(l.ui['tool.all_questions'])} {{#semua-pertanyaan}}", "",
                 esc(l.ui["tool.all_questions_note"]), "", '<div class="site-checklist" markdown>', ""]
        for check in tool.checks:
            safe = " / ".join(esc(l.t(o.label)) for o in check.options if o.ok)
            body.append(f"- {esc(l.t(check.text))}{cite(check.cite)}  ")
            body.append(f'  <span class="site-checklist__missing">{esc(l.ui["tool.safe_answer"])}: {safe}</span>')
        body += ["", "</div>", "", "</div>", ""]
    body += ["</div>", ""]
    return "\n".join(body)


def render_markers(markdown: str, lang: str, default: str, root: Path = ROOT) -> str:
    return MARKER_RE.sub(lambda m: start_markdown(m.group(1), lang, default, root), markdown)
