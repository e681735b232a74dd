"""The two self-help tools defined in data/tools/*.yml ("Apa yang harus saya bawa?", "Cek tawaran
kerja"): the one reader of those files, the model the pages are built from (scripts/sitegen/pages/tool_pages.py),
and the rule that checks them.

What the rule guarantees for every page the build generates from a tool:
- every case, question, option, item and rule can be reached by some answers, and every reference
  (question, case, group, rule, list, fee, hotline, site page) exists;
- every checklist item and every job-offer rule cites sources of data/sources/; any text that states a
  number cites one; a text whose sources are all news says so under `unverified`;
- texts are plain text (the pages escape them), with no typed phone number, and every language has
  every text or falls back to Indonesian (a warning), with the same numbers as the Indonesian text;
- short sentences, and the Lampung words the site prefers.
Messages are plain Indonesian and name the file and line. Nothing here raises, whatever the file says.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitegen.models import data_files
from sitegen.models.content import ERROR, WARNING, Page, Problem, Site
from sitegen.models.domains import source_url_problem

from . import preferred_terms
from .citations import PHONE_RE, SHORT_PHONE_RE
from .markdown_text import anchors
from .numbers import numbers, states_number
from .plain_language import MAX_SENTENCE_WORDS, SENTENCE_END_RE, WORD_RE
from .sources import FAIL_AFTER_DAYS, WARN_AFTER_DAYS

TOOLS_DIR = "data/tools"
KINDS = ("checklist", "job-offer")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DONE_ID = "selesai"  # the job-offer page after the last question
# Markup a volunteer might type; the pages escape text, so it would show as written.
MARKUP_RE = re.compile(r"<[a-zA-Z/!]|\{\{|\}\}|\[\^|\]\(|`")
STATUSES = ("draft", "reviewed")


# --- the model ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A text in every language that has one; `get` falls back to the default language."""

    values: tuple[tuple[str, str], ...]
    line: int

    def get(self, lang: str, default: str) -> str:
        found = dict(self.values)
        return found.get(lang) or found[default]


@dataclass
class Entry:
    """One statement on a page: an item, a step, a reason, a note. `cite`: source ids."""

    line: int
    text: Text | None = None
    cite: tuple[str, ...] = ()
    unverified: Text | None = None
    page: str | None = None  # a site page, `section/name.md` or `section/name.md#anchor`
    cases: tuple[str, ...] = ()  # checklist: on the results of these cases ...
    when: tuple[tuple[str, str], ...] = ()  # ... and only for these answers
    id: str = ""
    group: str = ""
    fee: str = ""
    case: str = ""  # if_missing: the case whose checklist helps instead
    if_missing: "Entry | None" = None

    def shows(self, case: str, answers: dict[str, str]) -> bool:
        return case in self.cases and all(answers.get(q) == o for q, o in self.when)


@dataclass
class Option:
    id: str
    label: Text
    line: int
    cite: tuple[str, ...] = ()
    ok: bool = False
    rule: str = ""
    ask: str = ""
    list: str = ""


@dataclass
class Question:
    id: str
    text: Text
    line: int
    options: list[Option]
    hint: Text | None = None
    cite: tuple[str, ...] = ()


@dataclass
class Case:
    id: str
    label: Text
    title: Text
    ask: tuple[str, ...]
    line: int
    cite: tuple[str, ...] = ()


@dataclass
class Group:
    id: str
    heading: Text
    page: str | None
    line: int


@dataclass
class OfficialList:
    id: str
    name: Text
    line: int
    link: str | None = None
    instead: Text | None = None
    items: tuple[Text, ...] = ()
    cite: tuple[str, ...] = ()
    unverified: Text | None = None
    reviewed: dt.date | None = None


@dataclass
class Rule:
    id: str
    title: Text
    line: int
    ask: Text | None = None  # job offer: "stop and ask" (absent on the final page)
    text: Text | None = None  # the final page's plain message
    why: list[Entry] = field(default_factory=list)
    todo: list[Entry] = field(default_factory=list)
    list: str = ""
    pages: tuple[str, ...] = ()
    hotlines: tuple[str, ...] = ()


@dataclass
class Tool:
    """One file of data/tools/. `name` is the file name and the URL folder: alat/<name>/."""

    name: str
    kind: str
    file: str  # data/tools/<name>.yml, for messages
    reviewed: dt.date | None = None
    translation_status: dict[str, str] = field(default_factory=dict)
    page: str = ""  # the start page, docs/<lang>/<page>
    # checklist
    first: Question | None = None
    questions: dict[str, Question] = field(default_factory=dict)
    cases: list[Case] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    items: list[Entry] = field(default_factory=list)
    steps: list[Entry] = field(default_factory=list)
    costs: list[Entry] = field(default_factory=list)
    cost_notes: list[Entry] = field(default_factory=list)
    times: list[Entry] = field(default_factory=list)
    # job offer
    lists: dict[str, OfficialList] = field(default_factory=dict)
    checks: list[Question] = field(default_factory=list)
    followups: dict[str, Question] = field(default_factory=dict)
    rules: dict[str, Rule] = field(default_factory=dict)
    done: Rule | None = None

    @property
    def folder(self) -> str:
        """The start page's URL folder, e.g. `alat/apa-yang-dibawa`."""
        return self.page.removesuffix(".md").removesuffix("/index")

    # Checklist paths ----------------------------------------------------------------------------
    def case(self, case_id: str) -> Case:
        return next(c for c in self.cases if c.id == case_id)

    def paths(self) -> list[tuple[str, tuple[str, ...]]]:
        """Every checklist answer path: (case, option ids of its questions, in order)."""
        out = []
        for case in self.cases:
            choices = [[o.id for o in self.questions[q].options] for q in case.ask]
            out.extend((case.id, combo) for combo in itertools.product(*choices))
        return out

    def answers(self, case_id: str, combo: tuple[str, ...]) -> dict[str, str]:
        return dict(zip(self.case(case_id).ask, combo))

    # Job-offer flow ------------------------------------------------------------------------------
    def check_of(self, rule_or_followup: str) -> int:
        """Index of the check whose options (or follow-up options) lead to this rule or follow-up."""
        for index, check in enumerate(self.checks):
            for option in check.options:
                if rule_or_followup in (option.rule, option.ask):
                    return index
                followup = self.followups.get(option.ask)
                if followup and any(o.rule == rule_or_followup for o in followup.options):
                    return index
        raise KeyError(rule_or_followup)


# --- reading a file: YAML nodes with their lines, every problem collected ------------------------------


class _Reader:
    def __init__(self, root: Path, file: str, languages: list[str]):
        self.root = root
        self.file = file
        self.languages = languages
        self.problems: list[Problem] = []

    def problem(self, line: int, rule: str, message: str, severity: str = ERROR) -> None:
        self.problems.append(Problem(self.file, line, f"tools/{rule}", message, severity))

    @staticmethod
    def line(node) -> int:
        return node.start_mark.line + 1

    def mapping(self, node, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict:
        """key -> value node of a mapping; unknown and missing keys are reported."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(self.line(node), "shape", f"{what} harus berupa daftar `nama: nilai`.")
            return {}
        out = {}
        allowed = required + optional
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                self.problem(self.line(key_node), "shape", f"{what}: kolom `{key}` ditulis dua kali.")
                continue
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" Mungkin maksudnya `{close[0]}`?" if close else ""
                self.problem(self.line(key_node), "unknown-field",
                             f"{what}: kolom `{key}` tidak dikenal.{hint} Kolom yang boleh: {', '.join(allowed)}.")
                continue
            out[key] = value_node
        for key in required:
            if key not in out:
                self.problem(self.line(node), "required", f"{what}: kolom `{key}` wajib ada.")
        return out

    def sequence(self, node, what: str) -> list:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(self.line(node), "shape", f"{what} harus daftar, satu per baris diawali `- `.")
            return []
        return list(node.value)

    def scalar(self, node) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
            value = str(node.value).strip()
            return value or None
        return None

    def ident(self, node, what: str) -> str:
        value = self.scalar(node) if node is not None else None
        if value is None or not ID_RE.match(value):
            where = self.line(node) if node is not None else 0
            self.problem(where, "id", f"{what} harus kode pendek dari huruf kecil, angka dan tanda `-` "
                                      f"(misalnya `paspor-hilang`), bukan {value!r}. Kode ini menjadi bagian alamat halaman.")
            return ""
        return value

    def idents(self, node, what: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if isinstance(node, yaml.ScalarNode):
            return (self.ident(node, what),)
        return tuple(self.ident(n, what) for n in self.sequence(node, what))

    def flag(self, node, what: str) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            return node.value.lower() == "true"
        self.problem(self.line(node), "shape", f"{what} harus `true` atau `false`.")
        return False

    def date(self, node, what: str) -> dt.date | None:
        value = self.scalar(node)
        try:
            return dt.date.fromisoformat(value or "")
        except ValueError:
            self.problem(self.line(node), "date", f"{what} harus tanggal TAHUN-BULAN-HARI, misalnya 2026-12-01.")
            return None

    def text(self, node, what: str) -> Text | None:
        """`{id: ..., lpg: ..., en: ...}`, or one plain text for every language."""
        if node is None:
            return None
        default = self.languages[0]
        if isinstance(node, yaml.ScalarNode):
            value = self.scalar(node)
            if value is None:
                self.problem(self.line(node), "text", f"{what} tidak boleh kosong.")
                return None
            return Text(((default, value),), self.line(node))
        if not isinstance(node, yaml.MappingNode):
            self.problem(self.line(node), "text", f"{what} harus teks, atau `{{{', '.join(f'{l}: ...' for l in self.languages)}}}`.")
            return None
        values = []
        for key_node, value_node in node.value:
            lang = str(key_node.value)
            if lang not in self.languages:
                self.problem(self.line(key_node), "text",
                             f"{what}: kode bahasa `{lang}` tidak dikenal; yang boleh: {', '.join(self.languages)}.")
                continue
            value = self.scalar(value_node)
            if value is None:
                self.problem(self.line(value_node), "text", f"{what}: teks bahasa `{lang}` kosong.")
                continue
            values.append((lang, value))
        if default not in dict(values):
            self.problem(self.line(node), "text", f"{what} harus punya teks bahasa Indonesia (`{default}: ...`).")
            return None
        return Text(tuple(values), self.line(node))

    def texts(self, node, what: str) -> tuple[Text, ...]:
        return tuple(t for t in (self.text(n, what) for n in self.sequence(node, what)) if t)


ENTRY_FIELDS = ("text", "cite", "unverified", "page")


def _entry(r: _Reader, node, what: str, extra: tuple[str, ...] = (), need_text: bool = True) -> Entry | None:
    fields = r.mapping(node, what, ("text",) if need_text else (), ENTRY_FIELDS + extra)
    if not fields and not isinstance(node, yaml.MappingNode):
        return None
    entry = Entry(
        line=r.line(node),
        text=r.text(fields.get("text"), f"{what}, `text`"),
        cite=r.idents(fields.get("cite"), f"{what}, `cite`"),
        unverified=r.text(fields.get("unverified"), f"{what}, `unverified`"),
        page=r.scalar(fields["page"]) if "page" in fields else None,
        cases=r.idents(fields.get("cases"), f"{what}, `cases`"),
        id=r.ident(fields["id"], f"{what}, `id`") if "id" in fields else "",
        group=r.ident(fields["group"], f"{what}, `group`") if "group" in fields else "",
        fee=r.ident(fields["fee"], f"{what}, `fee`") if "fee" in fields else "",
        case=r.ident(fields["case"], f"{what}, `case`") if "case" in fields else "",
    )
    when = fields.get("when")
    if isinstance(when, yaml.MappingNode):
        entry.when = tuple((str(key.value), r.ident(value, f"{what}, `when: {key.value}`")) for key, value in when.value)
    elif when is not None:
        r.problem(r.line(when), "shape", f"{what}: `when` harus `{{pertanyaan: pilihan}}`, misalnya `{{ektp: belum-ektp}}`.")
    if "if_missing" in fields:
        entry.if_missing = _entry(r, fields["if_missing"], f"{what}, `if_missing`", ("case",))
    return entry


def _option(r: _Reader, node, what: str) -> Option | None:
    fields = r.mapping(node, what, ("id", "label"), ("cite", "ok", "rule", "ask", "list"))
    if not fields:
        return None
    label = r.text(fields.get("label"), f"{what}, `label`")
    option = Option(
        id=r.ident(fields.get("id"), f"{what}, `id`"),
        label=label or Text((), r.line(node)),
        line=r.line(node),
        cite=r.idents(fields.get("cite"), f"{what}, `cite`"),
        ok=r.flag(fields["ok"], f"{what}, `ok`") if "ok" in fields else False,
        rule=r.ident(fields["rule"], f"{what}, `rule`") if "rule" in fields else "",
        ask=r.ident(fields["ask"], f"{what}, `ask`") if "ask" in fields else "",
        list=r.ident(fields["list"], f"{what}, `list`") if "list" in fields else "",
    )
    return option if label else None


def _question(r: _Reader, node, what: str, text_key: str, first: bool = False) -> Question | None:
    """A question with its options; the checklist's first question has none (its options are the cases)."""
    required = (text_key,) if first else ("id", text_key, "options")
    fields = r.mapping(node, what, required, ("hint", "cite"))
    if not fields:
        return None
    qid = "" if first else r.ident(fields.get("id"), f"{what}, `id`")
    label = f"{what} `{qid}`" if qid else what
    options = [o for o in (_option(r, n, f"{label}, pilihan") for n in r.sequence(fields.get("options"), f"{label}, `options`")) if o]
    text = r.text(fields.get(text_key), f"{label}, `{text_key}`")
    if text is None:
        return None
    return Question(qid, text, r.line(node), options, r.text(fields.get("hint"), f"{label}, `hint`"),
                    r.idents(fields.get("cite"), f"{label}, `cite`"))


def _rule(r: _Reader, node, what: str, done: bool = False) -> Rule | None:
    required = ("title", "text") if done else ("id", "title", "ask", "why")
    fields = r.mapping(node, what, required, ("todo", "pages", "hotlines") + (() if done else ("list",)))
    if not fields:
        return None
    rid = DONE_ID if done else r.ident(fields.get("id"), f"{what}, `id`")
    label = what if done else f"{what} `{rid}`"
    title = r.text(fields.get("title"), f"{label}, `title`")
    if title is None:
        return None
    entries = lambda key: [e for e in (_entry(r, n, f"{label}, `{key}`") for n in r.sequence(fields.get(key), f"{label}, `{key}`")) if e]  # noqa: E731
    return Rule(
        id=rid, title=title, line=r.line(node),
        ask=r.text(fields.get("ask"), f"{label}, `ask`"),
        text=r.text(fields.get("text"), f"{label}, `text`"),
        why=entries("why"), todo=entries("todo"),
        list=r.ident(fields["list"], f"{label}, `list`") if "list" in fields else "",
        pages=tuple(p for p in (r.scalar(n) for n in r.sequence(fields.get("pages"), f"{label}, `pages`")) if p),
        hotlines=r.idents(fields.get("hotlines"), f"{label}, `hotlines`"),
    )


def _official_list(r: _Reader, node) -> OfficialList | None:
    fields = r.mapping(node, "Daftar resmi", ("id", "name", "link", "cite", "reviewed"),
                       ("instead", "items", "unverified"))
    if not fields:
        return None
    lid = r.ident(fields.get("id"), "Daftar resmi, `id`")
    name = r.text(fields.get("name"), f"Daftar resmi `{lid}`, `name`")
    link = r.scalar(fields["link"]) if "link" in fields else None
    return OfficialList(
        id=lid, name=name or Text((), r.line(node)), line=r.line(node), link=link,
        instead=r.text(fields.get("instead"), f"Daftar resmi `{lid}`, `instead`"),
        items=r.texts(fields.get("items"), f"Daftar resmi `{lid}`, `items`"),
        cite=r.idents(fields.get("cite"), f"Daftar resmi `{lid}`, `cite`"),
        unverified=r.text(fields.get("unverified"), f"Daftar resmi `{lid}`, `unverified`"),
        reviewed=r.date(fields["reviewed"], f"Daftar resmi `{lid}`, `reviewed`") if "reviewed" in fields else None,
    )


COMMON = ("kind", "reviewed", "translation_status", "page")
CHECKLIST = ("first", "questions", "cases", "groups", "items", "steps", "costs", "cost_notes", "times")
JOB_OFFER = ("lists", "checks", "followups", "rules", "done")


def _read(r: _Reader, name: str, root_node) -> Tool | None:
    kind_node = root_node.value if isinstance(root_node, yaml.MappingNode) else []
    kind = next((str(v.value) for k, v in kind_node if str(k.value) == "kind"), "")
    if kind not in KINDS:
        r.problem(1, "kind", f"Kolom `kind` harus salah satu dari: {', '.join(KINDS)}.")
        return None
    sections = CHECKLIST if kind == "checklist" else JOB_OFFER
    optional = ("followups", "cost_notes", "times", "lists")
    fields = r.mapping(root_node, "File alat", COMMON + tuple(s for s in sections if s not in optional),
                       tuple(s for s in sections if s in optional))
    tool = Tool(name=name, kind=kind, file=r.file)
    if "reviewed" in fields:
        tool.reviewed = r.date(fields["reviewed"], "`reviewed`")
    status = fields.get("translation_status")
    if status is not None:
        for lang, value in r.mapping(status, "`translation_status`", (), tuple(r.languages[1:])).items():
            if r.scalar(value) not in STATUSES:
                r.problem(r.line(value), "status", f"`translation_status: {lang}` harus `draft` atau `reviewed`.")
            else:
                tool.translation_status[lang] = r.scalar(value)
    tool.page = r.scalar(fields["page"]) or "" if "page" in fields else ""
    seq = lambda key, what: r.sequence(fields.get(key), what)  # noqa: E731
    if kind == "checklist":
        tool.first = _question(r, fields.get("first"), "Pertanyaan pertama (`first`)", "text", first=True) \
            if "first" in fields else None
        for node in seq("questions", "`questions`"):
            q = _question(r, node, "Pertanyaan", "text")
            if q and q.id in tool.questions:
                r.problem(q.line, "duplicate-id", f"Kode pertanyaan `{q.id}` dipakai dua kali.")
            elif q:
                tool.questions[q.id] = q
        for node in seq("cases", "`cases`"):
            f = r.mapping(node, "Keperluan (`cases`)", ("id", "label", "title", "ask"), ("cite",))
            cid = r.ident(f.get("id"), "Keperluan, `id`")
            label, title = r.text(f.get("label"), f"Keperluan `{cid}`, `label`"), r.text(f.get("title"), f"Keperluan `{cid}`, `title`")
            if label and title:
                tool.cases.append(Case(cid, label, title, r.idents(f.get("ask"), f"Keperluan `{cid}`, `ask`"),
                                       r.line(node), r.idents(f.get("cite"), f"Keperluan `{cid}`, `cite`")))
        for node in seq("groups", "`groups`"):
            f = r.mapping(node, "Kelompok (`groups`)", ("id", "heading"), ("page",))
            gid = r.ident(f.get("id"), "Kelompok, `id`")
            heading = r.text(f.get("heading"), f"Kelompok `{gid}`, `heading`")
            if heading:
                tool.groups.append(Group(gid, heading, r.scalar(f["page"]) if "page" in f else None, r.line(node)))
        for key, extra in (("items", ("id", "group", "cases", "when", "if_missing")), ("steps", ("cases", "when")),
                           ("cost_notes", ("cases", "when")), ("times", ("cases", "when"))):
            entries = [_entry(r, n, f"`{key}`", extra) for n in seq(key, f"`{key}`")]
            setattr(tool, key, [e for e in entries if e])
        tool.costs = [e for e in (_entry(r, n, "`costs`", ("fee", "cases", "when"), need_text=False)
                                  for n in seq("costs", "`costs`")) if e]
    else:
        for node in seq("lists", "`lists`"):
            lst = _official_list(r, node)
            if lst:
                tool.lists[lst.id] = lst
        tool.checks = [q for q in (_question(r, n, "Pertanyaan (`checks`)", "question") for n in seq("checks", "`checks`")) if q]
        for node in seq("followups", "`followups`"):
            q = _question(r, node, "Pertanyaan lanjutan (`followups`)", "question")
            if q:
                tool.followups[q.id] = q
        for node in seq("rules", "`rules`"):
            rule = _rule(r, node, "Tanda bahaya (`rules`)")
            if rule and rule.id in tool.rules:
                r.problem(rule.line, "duplicate-id", f"Kode tanda bahaya `{rule.id}` dipakai dua kali.")
            elif rule:
                tool.rules[rule.id] = rule
        tool.done = _rule(r, fields["done"], "Halaman akhir (`done`)", done=True) if "done" in fields else None
    return tool


# --- loading, once per version of the file --------------------------------------------------------------


def tool_files(root: Path) -> list[Path]:
    folder = root / TOOLS_DIR
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []


def load(root: Path, name: str, languages: list[str]) -> tuple[Tool | None, list[Problem]]:
    """(the tool, every problem of its file). The pages use the tool only when no problem is an error."""
    path = root / TOOLS_DIR / f"{name}.yml"
    try:
        stat = path.stat()
        version = (stat.st_mtime_ns, stat.st_size, _registry_version(root))
    except OSError:
        return None, [Problem(f"{TOOLS_DIR}/{name}.yml", 0, "tools/missing", f"File {TOOLS_DIR}/{name}.yml tidak ada.")]
    return _load(root, name, tuple(languages), version)


def _registry_version(root: Path) -> tuple:
    """The files the checks compare against: a change there re-checks the tools."""
    paths = [root / "data" / n for n in ("fees.yml", "hotlines.yml")] + sorted((root / "data" / "sources").glob("*.yml"))
    return tuple((str(p), p.stat().st_mtime_ns) for p in paths if p.exists())


@functools.lru_cache(maxsize=16)
def _load(root: Path, name: str, languages: tuple[str, ...], version) -> tuple[Tool | None, list[Problem]]:
    file = f"{TOOLS_DIR}/{name}.yml"
    r = _Reader(root, file, list(languages))
    try:
        source = (root / file).read_bytes().decode("utf-8")
        node = yaml.compose(source, Loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        return None, [Problem(file, 0, "tools/encoding", "File ini bukan teks UTF-8. Simpan ulang sebagai UTF-8.")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Problem(file, mark.line + 1 if mark else 0, "tools/yaml",
                              f"File tidak bisa dibaca sebagai YAML: {getattr(exc, 'problem', exc)}. Periksa titik "
                              "dua, tanda kutip dan spasi di awal baris.")]
    if node is None:
        return None, [Problem(file, 0, "tools/empty", "File ini kosong.")]
    try:
        tool = _read(r, name, node)
        if tool is not None:
            _validate(root, tool, r)
    except Exception as exc:  # noqa: BLE001 - a volunteer must get a message, never a traceback
        return None, r.problems + [Problem(file, 0, "tools/unreadable",
                                           f"File ini tidak bisa diperiksa ({type(exc).__name__}). Bandingkan "
                                           "bentuknya dengan komentar di atas file.")]
    return tool, r.problems


def valid_tools(root: Path, languages: list[str]) -> list[Tool]:
    """Tools whose file has no error: the ones the build turns into pages."""
    out = []
    for path in tool_files(root):
        tool, problems = load(root, path.stem, languages)
        if tool is not None and not any(p.severity == ERROR for p in problems):
            out.append(tool)
    return out


# --- validating ------------------------------------------------------------------------------------------


def _texts_of(tool: Tool):
    """(text, where, cite, unverified) of every text a page shows. `cite` is None for texts that cannot
    carry sources (titles, headings): they must not state numbers."""
    def entry(e: Entry, what: str):
        if e.text:
            yield e.text, what, e.cite, e.unverified
        if e.unverified:
            yield e.unverified, f"{what}, `unverified`", e.cite, None
        if e.if_missing:
            yield from entry(e.if_missing, f"{what}, `if_missing`")

    for q in ([tool.first] if tool.first else []) + list(tool.questions.values()) + tool.checks + list(tool.followups.values()):
        yield q.text, f"Pertanyaan `{q.id or 'pertama'}`", q.cite, None
        if q.hint:
            yield q.hint, f"Pertanyaan `{q.id or 'pertama'}`, `hint`", q.cite, None
        for o in q.options:
            yield o.label, f"Pilihan `{o.id}`", o.cite, None
    for c in tool.cases:
        yield c.label, f"Keperluan `{c.id}`, `label`", c.cite, None
        yield c.title, f"Keperluan `{c.id}`, `title`", None, None
    for g in tool.groups:
        yield g.heading, f"Kelompok `{g.id}`", None, None
    for key in ("items", "steps", "cost_notes", "times"):
        for e in getattr(tool, key):
            yield from entry(e, f"`{key}` {e.id}".strip())
    for lst in tool.lists.values():
        for t in (lst.name, lst.instead, *lst.items):
            if t:
                yield t, f"Daftar resmi `{lst.id}`", lst.cite, lst.unverified
        if lst.unverified:
            yield lst.unverified, f"Daftar resmi `{lst.id}`, `unverified`", lst.cite, None
    for rule in list(tool.rules.values()) + ([tool.done] if tool.done else []):
        yield rule.title, f"Tanda bahaya `{rule.id}`, `title`", None, None
        for t, key in ((rule.ask, "ask"), (rule.text, "text")):
            if t:
                yield t, f"Tanda bahaya `{rule.id}`, `{key}`", None, None
        for e in rule.why + rule.todo:
            yield from entry(e, f"Tanda bahaya `{rule.id}`")


def _check_text(r: _Reader, text: Text, what: str, cite, avoid, default: str) -> None:
    values = dict(text.values)
    for lang in r.languages[1:]:
        if lang not in values:
            r.problem(text.line, "fallback",
                      f"{what}: belum ada teks bahasa `{lang}`; pembaca melihat teks bahasa Indonesia. Tambahkan "
                      f"`{lang}: ...`.", WARNING)
    original = Counter(n.value for n in numbers(values[default]))
    for lang, value in text.values:
        if MARKUP_RE.search(value):
            r.problem(text.line, "markup", f"{what} ({lang}): tulis teks biasa saja, tanpa HTML, tautan Markdown, "
                                           "`{{ }}` atau `[^...]`. Sumber ditulis di `cite`, tautan di `page`.")
        found = PHONE_RE.search(value) or SHORT_PHONE_RE.search(value)
        if found:
            r.problem(text.line, "phone", f"{what} ({lang}): nomor telepon `{found.group(0).strip()}` tidak boleh "
                                          "diketik. Pakai `hotlines:` dengan kode dari data/hotlines.yml.")
        stated = states_number(value)
        if stated and cite is None:
            r.problem(text.line, "number", f"{what} ({lang}) menyebut angka (`{stated}`), tetapi bagian ini tidak "
                                           "bisa diberi sumber. Pindahkan angkanya ke teks yang punya `cite`.")
        elif stated and not cite:
            r.problem(text.line, "citation", f"{what} ({lang}) menyebut angka (`{stated}`) tanpa sumber. Tambahkan "
                                             "`cite: [kode-sumber]` (kode dari data/sources/).")
        if lang != default and Counter(n.value for n in numbers(value)) != original:
            r.problem(text.line, "numbers", f"{what}: angka dalam teks bahasa `{lang}` tidak sama dengan teks bahasa "
                                            "Indonesia. Angka, tarif dan nomor pasal harus sama di semua bahasa.")
        for sentence in SENTENCE_END_RE.split(value):
            words = len(WORD_RE.findall(sentence))
            if words > MAX_SENTENCE_WORDS:
                r.problem(text.line, "long-sentence", f"{what} ({lang}): kalimat {words} kata (paling banyak "
                                                      f"{MAX_SENTENCE_WORDS}). Pecah menjadi dua kalimat.", WARNING)
        for pattern, form, why, preferred in avoid.get(lang, ()):
            if pattern.search(value):
                r.problem(text.line, "preferred-term", f"{what} ({lang}): `{form}`: {why} Kata yang disarankan: "
                                                       f"`{preferred}`.", WARNING)


def _page_exists(root: Path, default: str, target: str) -> str | None:
    """Why a `page:` value is wrong, or None."""
    path, _, anchor = target.partition("#")
    if path.startswith(("/", "http")) or ".." in path.split("/") or not path.endswith(".md"):
        return f"`{target}` harus alamat halaman situs dari folder docs/{default}/, misalnya `prosedur/m-paspor.md`"
    page = Page.read(root, default, path)
    if page is None:
        return f"halaman docs/{default}/{path} tidak ada"
    if anchor and anchor not in anchors(page):
        return f"bagian `#{anchor}` tidak ada di docs/{default}/{path}"
    return None


def _validate(root: Path, tool: Tool, r: _Reader) -> None:
    default = r.languages[0]
    registry = data_files.sources(root, r.languages)
    fees = {f["id"] for f in data_files.load_valid(root, "fees.yml", r.languages)}
    hotlines = {h["id"] for h in data_files.load_valid(root, "hotlines.yml", r.languages)}
    avoid = {lang: [(re.compile(rf"\b{re.escape(form)}\b", re.I), form, e["why"], e["preferred"])
                    for e in entries for form in e["avoid"] if isinstance(form, str) and form]
             for lang, entries in preferred_terms.terms(root).items()}

    if not tool.page or _page_exists(root, default, tool.page):
        r.problem(1, "page", f"`page` harus halaman awal alat ini di docs/{default}/ (misalnya `alat/{tool.name}.md`), "
                             f"berisi baris `{{{{ tool {tool.name} }}}}`.")
    elif f"{{{{ tool {tool.name} }}}}" not in Page.read(root, default, tool.page).text:
        r.problem(1, "page", f"Halaman docs/{default}/{tool.page} tidak memuat baris `{{{{ tool {tool.name} }}}}`, "
                             "jadi alat ini tidak bisa dibuka.")
    if tool.reviewed:
        _stale(r, 1, tool.reviewed, "File alat ini")

    def cites(ids, line, what, unverified):
        for key in ids:
            if key not in registry:
                r.problem(line, "source", f"{what}: sumber `{key}` tidak ada di data/sources/. Periksa ejaan kodenya.")
        known = [registry[k] for k in ids if k in registry]
        if known and all(s["kind"] == "news" for s in known) and unverified is None:
            r.problem(line, "news", f"{what} hanya bersumber berita. Tulis di teks bahwa ini menurut berita, dan "
                                    "tambahkan `unverified: ...` (tampil di kotak \"Belum diverifikasi\").")

    def page_ok(target, line, what):
        why = _page_exists(root, default, target) if target else None
        if why:
            r.problem(line, "page", f"{what}: {why}.")

    checked = set()  # a YAML alias (`*name`) repeats one text: check it once
    for text, what, cite, unverified in _texts_of(tool):
        if (text.line, text.values, cite is None) not in checked:
            checked.add((text.line, text.values, cite is None))
            _check_text(r, text, what, cite, avoid, default)

    entries = [(e, f"`{k}` {e.id}".strip()) for k in ("items", "steps", "cost_notes", "times", "costs") for e in getattr(tool, k)]
    entries += [(e.if_missing, f"`items` {e.id}, `if_missing`") for e, _ in list(entries) if e.if_missing]
    for rule in list(tool.rules.values()) + ([tool.done] if tool.done else []):
        entries += [(e, f"Tanda bahaya `{rule.id}`") for e in rule.why + rule.todo]
        for target in rule.pages:
            page_ok(target, rule.line, f"Tanda bahaya `{rule.id}`")
        for key in rule.hotlines:
            if key not in hotlines:
                r.problem(rule.line, "hotline", f"Tanda bahaya `{rule.id}`: nomor `{key}` tidak ada di data/hotlines.yml.")
    for e, what in entries:
        cites(e.cite, e.line, what, e.unverified)
        page_ok(e.page, e.line, what)
    for q in ([tool.first] if tool.first else []) + list(tool.questions.values()) + tool.checks + list(tool.followups.values()):
        cites(q.cite, q.line, f"Pertanyaan `{q.id or 'pertama'}`", None)
        for o in q.options:
            cites(o.cite, o.line, f"Pilihan `{o.id}`", None)
    for c in tool.cases:
        cites(c.cite, c.line, f"Keperluan `{c.id}`", None)

    if tool.kind == "checklist":
        _validate_checklist(root, tool, r, fees, page_ok)
    else:
        _validate_job_offer(tool, r, cites)


def _stale(r: _Reader, line: int, reviewed: dt.date, what: str) -> None:
    age = (dt.date.today() - reviewed).days
    if age > FAIL_AFTER_DAYS:
        r.problem(line, "stale", f"{what} terakhir diperiksa {age} hari lalu (lebih dari 24 bulan). Periksa lagi "
                                 "dengan sumbernya, lalu perbarui `reviewed`.")
    elif age > WARN_AFTER_DAYS:
        r.problem(line, "stale", f"{what} terakhir diperiksa {age} hari lalu (lebih dari 12 bulan). Sebaiknya periksa "
                                 "lagi, lalu perbarui `reviewed`.", WARNING)


def _unique(r: _Reader, things, what: str) -> None:
    seen: dict[str, int] = {}
    for thing in things:
        if thing.id in seen:
            r.problem(thing.line, "duplicate-id", f"{what}: kode `{thing.id}` sudah dipakai di baris {seen[thing.id]}.")
        seen.setdefault(thing.id, thing.line)


def _validate_checklist(root: Path, tool: Tool, r: _Reader, fees: set, page_ok) -> None:
    if tool.first is None:
        return
    case_ids = {c.id for c in tool.cases}
    _unique(r, tool.cases, "Keperluan")
    _unique(r, tool.groups, "Kelompok")
    _unique(r, tool.items, "Dokumen (`items`)")
    if not tool.cases:
        r.problem(1, "cases", "Belum ada keperluan (`cases`): alat ini tidak punya daftar untuk ditampilkan.")
    for q in tool.questions.values():
        _unique(r, q.options, f"Pertanyaan `{q.id}`")
        if len(q.options) < 2:
            r.problem(q.line, "options", f"Pertanyaan `{q.id}` perlu paling sedikit dua pilihan.")
    asked = set()
    for case in tool.cases:
        for qid in case.ask:
            if qid not in tool.questions:
                r.problem(case.line, "question", f"Keperluan `{case.id}` menanyakan `{qid}`, yang tidak ada di `questions`.")
            asked.add(qid)
        if len(set(case.ask)) != len(case.ask):
            r.problem(case.line, "question", f"Keperluan `{case.id}` menanyakan pertanyaan yang sama dua kali.")
    for q in tool.questions.values():
        if q.id not in asked:
            r.problem(q.line, "unreachable", f"Pertanyaan `{q.id}` tidak ditanyakan keperluan mana pun (`ask`). "
                                             "Tambahkan ke `ask`, atau hapus.")
    groups = {g.id for g in tool.groups}
    for g in tool.groups:
        page_ok(g.page, g.line, f"Kelompok `{g.id}`")

    def where(e: Entry, what: str) -> None:
        if not e.cases:
            r.problem(e.line, "cases", f"{what}: tulis `cases: [...]`, yaitu keperluan yang menampilkannya.")
        for cid in e.cases:
            if cid not in case_ids:
                r.problem(e.line, "cases", f"{what}: keperluan `{cid}` tidak ada. Yang ada: {', '.join(sorted(case_ids))}.")
                continue
            case = tool.case(cid)
            for qid, oid in e.when:
                if qid not in case.ask:
                    r.problem(e.line, "when", f"{what}: keperluan `{cid}` tidak menanyakan `{qid}`, jadi `when: {qid}` "
                                              "tidak pernah terpenuhi di sana.")
                elif oid not in {o.id for o in tool.questions[qid].options}:
                    r.problem(e.line, "when", f"{what}: `{oid}` bukan pilihan pertanyaan `{qid}`.")

    for e in tool.items:
        what = f"Dokumen `{e.id}`"
        where(e, what)
        if e.group not in groups:
            r.problem(e.line, "group", f"{what}: `group: {e.group}` tidak ada di `groups`.")
        if not e.cite:
            r.problem(e.line, "citation", f"{what} belum punya sumber. Setiap dokumen di daftar harus punya `cite`.")
        if e.if_missing and e.if_missing.case and e.if_missing.case not in case_ids:
            r.problem(e.if_missing.line, "cases", f"{what}: `if_missing.case: {e.if_missing.case}` tidak ada.")
    for key in ("steps", "cost_notes", "times"):
        for e in getattr(tool, key):
            where(e, f"`{key}` (baris {e.line})")
    for e in tool.costs:
        where(e, f"Biaya `{e.fee}`")
        if e.fee not in fees:
            r.problem(e.line, "fee", f"Biaya `{e.fee}` tidak ada di data/fees.yml (atau entrinya bergalat). "
                                     f"Kode yang ada: {', '.join(sorted(fees))}.")
    # Every answer path must give a real checklist.
    for case_id, combo in tool.paths():
        answers = tool.answers(case_id, combo)
        path = "/".join((case_id,) + combo)
        case_line = tool.case(case_id).line
        if not any(e.shows(case_id, answers) for e in tool.items):
            r.problem(case_line, "empty", f"Jawaban `{path}` tidak menampilkan satu dokumen pun.")
        if not any(e.shows(case_id, answers) for e in tool.costs):
            r.problem(case_line, "cost", f"Jawaban `{path}` tidak menampilkan biaya. Tambahkan `costs` untuk keperluan ini.")
    for e in tool.items + tool.steps + tool.costs + tool.cost_notes + tool.times:
        if e.cases and not any(e.shows(c, tool.answers(c, combo)) for c, combo in tool.paths()):
            r.problem(e.line, "unreachable", "Bagian ini tidak tampil untuk jawaban mana pun. Periksa `cases` dan `when`.")


def _validate_job_offer(tool: Tool, r: _Reader, cites) -> None:
    ids: dict[str, int] = {}
    for thing, what in [(c, "Pertanyaan") for c in tool.checks] + [(f, "Pertanyaan lanjutan") for f in tool.followups.values()] \
            + [(rule, "Tanda bahaya") for rule in tool.rules.values()]:
        if thing.id == DONE_ID:
            r.problem(thing.line, "id", f"{what}: kode `{DONE_ID}` dipakai untuk halaman akhir. Pilih kode lain.")
        elif thing.id in ids:
            r.problem(thing.line, "duplicate-id", f"{what}: kode `{thing.id}` sudah dipakai di baris {ids[thing.id]} "
                                                  "(pertanyaan dan tanda bahaya berbagi alamat, jadi kodenya harus beda).")
        ids.setdefault(thing.id, thing.line)
    if not tool.checks:
        r.problem(1, "checks", "Belum ada pertanyaan (`checks`).")
    if tool.done is None:
        r.problem(1, "done", "Halaman akhir (`done`) belum ada.")
    used_rules: dict[str, set[int]] = {}
    used_followups: set[str] = set()
    for index, question in [(i, c) for i, c in enumerate(tool.checks)] + [(None, f) for f in tool.followups.values()]:
        _unique(r, question.options, f"Pertanyaan `{question.id}`")
        for option in question.options:
            what = f"Pilihan `{option.id}` (pertanyaan `{question.id}`)"
            targets = [t for t in (option.ok, option.rule, option.ask) if t]
            if len(targets) != 1:
                r.problem(option.line, "option", f"{what}: tulis tepat satu dari `ok: true` (aman, lanjut), "
                                                 "`rule: ...` (tanda bahaya) atau `ask: ...` (pertanyaan lanjutan).")
            if option.rule:
                if option.rule not in tool.rules:
                    r.problem(option.line, "rule", f"{what}: tanda bahaya `{option.rule}` tidak ada di `rules`.")
                owner = index if index is not None else next(
                    (i for i, c in enumerate(tool.checks) if any(o.ask == question.id for o in c.options)), -1)
                used_rules.setdefault(option.rule, set()).add(owner)
            if option.ask:
                if index is None:
                    r.problem(option.line, "option", f"{what}: pertanyaan lanjutan tidak boleh punya pertanyaan lanjutan lagi.")
                elif option.ask not in tool.followups:
                    r.problem(option.line, "followup", f"{what}: pertanyaan lanjutan `{option.ask}` tidak ada di `followups`.")
                used_followups.add(option.ask)
            if option.list and option.list not in tool.lists:
                r.problem(option.line, "list", f"{what}: daftar `{option.list}` tidak ada di `lists`.")
        if index is not None and not any(o.ok or o.ask for o in question.options):
            r.problem(question.line, "options", f"Pertanyaan `{question.id}` tidak punya jawaban aman (`ok: true`), "
                                                "jadi tidak ada yang bisa lanjut ke pertanyaan berikutnya.")
    for rule in tool.rules.values():
        if rule.id not in used_rules:
            r.problem(rule.line, "unreachable", f"Tanda bahaya `{rule.id}` tidak dipakai pilihan mana pun, jadi tidak pernah tampil.")
        elif len(used_rules[rule.id]) > 1:
            r.problem(rule.line, "rule", f"Tanda bahaya `{rule.id}` dipakai oleh lebih dari satu pertanyaan. Setiap tanda "
                                         "bahaya milik satu pertanyaan, supaya halamannya tahu pertanyaan berikutnya.")
        if not rule.why or not all(e.cite for e in rule.why):
            r.problem(rule.line, "citation", f"Tanda bahaya `{rule.id}`: setiap alasan (`why`) harus punya `cite`.")
        if rule.list and rule.list not in tool.lists:
            r.problem(rule.line, "list", f"Tanda bahaya `{rule.id}`: daftar `{rule.list}` tidak ada di `lists`.")
    for followup in tool.followups.values():
        if followup.id not in used_followups:
            r.problem(followup.line, "unreachable", f"Pertanyaan lanjutan `{followup.id}` tidak dipakai pilihan mana pun.")
    for lst in tool.lists.values():
        cites(lst.cite, lst.line, f"Daftar resmi `{lst.id}`", lst.unverified)
        if not lst.cite:
            r.problem(lst.line, "citation", f"Daftar resmi `{lst.id}` harus punya `cite`.")
        if lst.link is None and lst.instead is None:
            r.problem(lst.line, "list", f"Daftar resmi `{lst.id}`: tanpa `link`, tulis `instead` (apa yang ditanyakan ke dinas).")
        why = source_url_problem(r.root, lst.link, official=True) if lst.link is not None else None
        if why:
            r.problem(lst.line, "link", f"Daftar resmi `{lst.id}`: alamat `{lst.link}` {why}.")
        if lst.reviewed:
            _stale(r, lst.line, lst.reviewed, f"Daftar resmi `{lst.id}`")


# --- the rule ---------------------------------------------------------------------------------------------


def check(site: Site):
    for path in tool_files(site.root):
        yield from load(site.root, path.stem, site.languages)[1]


def cited_ids(root: Path, languages: list[str]) -> dict[str, tuple[str, int]]:
    """Source id -> (file, line) of every source a tool cites: they count as used."""
    used: dict[str, tuple[str, int]] = {}
    for path in tool_files(root):
        tool, _ = load(root, path.stem, languages)
        if tool is None:
            continue
        for key, line in _all_cites(tool):
            used.setdefault(key, (tool.file, line))
    return used


def _all_cites(tool: Tool):
    def entry(e: Entry):
        yield from ((k, e.line) for k in e.cite)
        if e.if_missing:
            yield from entry(e.if_missing)

    for key in ("items", "steps", "costs", "cost_notes", "times"):
        for e in getattr(tool, key):
            yield from entry(e)
    for q in ([tool.first] if tool.first else []) + list(tool.questions.values()) + tool.checks + list(tool.followups.values()):
        yield from ((k, q.line) for k in q.cite)
        for o in q.options:
            yield from ((k, o.line) for k in o.cite)
    for c in tool.cases:
        yield from ((k, c.line) for k in c.cite)
    for lst in tool.lists.values():
        yield from ((k, lst.line) for k in lst.cite)
    for rule in list(tool.rules.values()) + ([tool.done] if tool.done else []):
        for e in rule.why + rule.todo:
            yield from entry(e)
