"""Storyboards: the editable text our own videos are made from, one YAML file per video and language.

    data/videos/<slug>/<lang>.yml       e.g. data/videos/m-paspor/id.yml

    title: Membuat paspor dengan M-Paspor       # shown on the first slide and above the player
    page: prosedur/m-paspor.md                  # the page whose facts the video tells (and shows it)
    narration: true                             # optional: a voice reads the text (espeak-ng)
    intro: M-Paspor adalah aplikasi resmi ...   # optional: a slide before the steps
    step_label: Langkah {n} dari {total}        # optional: the small line above each step
    steps:                                      # the numbered slides, in order
      - Pasang aplikasi M-Paspor ...
    closing: Bayar hanya tarif resmi ...        # optional: a last slide

`python scripts/video_maker.py build` turns each file into, next to the pages of that language:

    docs/<lang>/video/<slug>.mp4                the video (slides, optional narration)
    docs/<lang>/video/<slug>.<lang>.vtt         its captions, the same text with the same timings
    docs/<lang>/video/<slug>.png                its poster (the title slide)

The captions record which storyboard text they were made from (a NOTE line), so the content check
can say when someone edited a storyboard and forgot to make the video again.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

STORYBOARD_DIR = Path("data") / "videos"
VIDEO_DIR = "video"  # inside docs/<lang>/
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_CUE_CHARS = 84  # two caption lines of 42 characters, the usual limit for readability
KEYS = ("title", "page", "narration", "intro", "step_label", "steps", "closing")
TEXT_FORBIDDEN = re.compile(r"[<>*_`\[\]]|-->")  # markup would show up literally in captions


@dataclass(frozen=True)
class Slide:
    kind: str  # "title", "intro", "step" or "closing"
    text: str  # what the slide shows, the voice reads and the captions say
    label: str = ""  # small line above the text, e.g. "Langkah 3 dari 9"

    def cue_texts(self) -> list[str]:
        return split_cues(self.text)


@dataclass
class Storyboard:
    slug: str
    lang: str
    path: Path
    title: str
    page: str
    steps: list[str]
    narration: bool = False
    intro: str = ""
    closing: str = ""
    step_label: str = ""
    raw: bytes = field(default=b"", repr=False)

    @property
    def fingerprint(self) -> str:
        """Changes whenever the storyboard text changes; recorded in the captions."""
        return hashlib.sha256(self.raw).hexdigest()[:12]

    def slides(self, default_step_label: str = "{n}/{total}") -> list[Slide]:
        """The slides in order. `default_step_label` is the site's `video.step` string in this language."""
        label = self.step_label or default_step_label
        slides = [Slide("title", self.title)]
        if self.intro:
            slides.append(Slide("intro", self.intro))
        total = len(self.steps)
        slides += [Slide("step", step, label.format(n=n, total=total)) for n, step in enumerate(self.steps, 1)]
        if self.closing:
            slides.append(Slide("closing", self.closing))
        return slides

    def outputs(self, root: Path) -> dict[str, Path]:
        folder = root / "docs" / self.lang / VIDEO_DIR
        return {"mp4": folder / f"{self.slug}.mp4", "vtt": folder / f"{self.slug}.{self.lang}.vtt",
                "poster": folder / f"{self.slug}.png"}


def transcript_anchor(slug: str) -> str:
    """Id of a video's transcript on the video page (the same in every language, like heading ids)."""
    return f"transkrip-{slug}"


def split_cues(text: str) -> list[str]:
    """Caption cues for one slide: sentences, long ones cut at a comma or between words.
    Joined with spaces they give the slide text back (the tests rely on that)."""
    words_total = " ".join(text.split())
    cues: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", words_total):
        cues.extend(_cut(sentence))
    return [c for c in cues if c]


def _cut(sentence: str) -> list[str]:
    if len(sentence) <= MAX_CUE_CHARS:
        return [sentence]
    # Prefer a comma, semicolon or colon nearest the middle; else the space nearest the middle.
    middle = len(sentence) // 2
    marks = [m.end() for m in re.finditer(r"[,;:]\s", sentence)]
    spaces = [m.start() for m in re.finditer(r" ", sentence)]
    if marks:
        cut = min(marks, key=lambda i: abs(i - middle))
        if 15 <= cut <= len(sentence) - 15:
            return _cut(sentence[:cut].rstrip()) + _cut(sentence[cut:].lstrip())
    cut = min(spaces, key=lambda i: abs(i - middle))
    return _cut(sentence[:cut]) + _cut(sentence[cut + 1:])


def problems(data, lines: dict[str, int], languages: list[str], lang: str) -> list[tuple[int, str]]:
    """What is wrong with one storyboard's content, as (line, plain Indonesian message)."""
    if not isinstance(data, dict):
        return [(1, "Isi storyboard harus berupa daftar `nama: nilai` (title, page, steps, ...).")]
    found = []
    if lang not in languages:
        found.append((1, f"Nama file harus kode bahasa situs ({', '.join(languages)}), misalnya `id.yml`."))
    for key in data:
        if key not in KEYS:
            found.append((lines.get(str(key), 1), f"Kolom `{key}` tidak dikenal. Kolom yang boleh: {', '.join(KEYS)}."))
    for key in ("title", "page", "steps"):
        if key not in data:
            found.append((1, f"Kolom `{key}` wajib ada."))

    def text_problem(key: str, value, line: int):
        if not isinstance(value, str) or not value.strip():
            return (line, f"`{key}` harus berisi teks, tidak boleh kosong.")
        if TEXT_FORBIDDEN.search(value):
            return (line, f"`{key}` berisi tanda < > * _ ` [ ] atau -->: tanda itu akan tampil apa adanya di "
                          "takarir. Tulis teks biasa saja.")
        return None

    for key in ("title", "intro", "closing", "step_label"):
        if key in data:
            issue = text_problem(key, data[key], lines.get(key, 1))
            if issue:
                found.append(issue)
    if "title" in data and isinstance(data["title"], str) and len(data["title"]) > 70:
        found.append((lines.get("title", 1), "`title` terlalu panjang; paling banyak 70 huruf agar muat di slide."))
    if "step_label" in data and isinstance(data["step_label"], str):
        try:
            data["step_label"].format(n=1, total=1)
        except (KeyError, IndexError, ValueError):
            found.append((lines.get("step_label", 1), "`step_label` hanya boleh memakai {n} dan {total}, "
                                                      "misalnya `Langkah {n} dari {total}`."))
    if "narration" in data and not isinstance(data["narration"], bool):
        found.append((lines.get("narration", 1), "`narration` harus `true` atau `false`."))
    if "page" in data and (not isinstance(data["page"], str) or not data["page"].endswith(".md")):
        found.append((lines.get("page", 1), "`page` harus nama file halaman, misalnya `prosedur/m-paspor.md`."))
    steps = data.get("steps")
    if "steps" in data:
        if not isinstance(steps, list) or not steps:
            found.append((lines.get("steps", 1), "`steps` harus daftar langkah, satu per baris diawali `- `."))
        else:
            for number, step in enumerate(steps, 1):
                issue = text_problem(f"steps` nomor {number} `", step, lines.get("steps", 1) + number)
                if issue:
                    found.append(issue)
    return found


def read(path: Path) -> tuple[object, dict[str, int], str | None]:
    """(data, line of each top-level key, YAML error) of one storyboard file. Every page of a build
    asks: parsed once per version of the file."""
    stat = path.stat()
    data, lines, error = _read(path, stat.st_mtime_ns, stat.st_size)
    return copy.deepcopy(data), dict(lines), error


@functools.lru_cache(maxsize=64)
def _read(path: Path, mtime_ns: int, size: int) -> tuple[object, dict[str, int], str | None]:
    source = path.read_bytes().decode("utf-8", errors="replace")  # bad bytes never stop the check
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, {"__error__": mark.line + 1 if mark else 1}, str(getattr(exc, "problem", exc))
    lines = {}
    if isinstance(node, yaml.MappingNode):
        lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return data, lines, None


def storyboard_files(root: Path) -> list[Path]:
    return sorted((root / STORYBOARD_DIR).glob("*/*.yml"))


def load(path: Path) -> Storyboard | None:
    """The storyboard in `path`, or None when it is broken (the content check says why)."""
    data, lines, error = read(path)
    if error or not isinstance(data, dict) or problems(data, lines, [path.stem], path.stem):
        return None
    return Storyboard(slug=path.parent.name, lang=path.stem, path=path, title=data["title"].strip(),
                      page=data["page"], steps=[s.strip() for s in data["steps"]],
                      narration=data.get("narration", False), intro=(data.get("intro") or "").strip(),
                      closing=(data.get("closing") or "").strip(), step_label=data.get("step_label") or "",
                      raw=path.read_bytes())


def load_all(root: Path) -> dict[str, dict[str, Storyboard]]:
    """slug -> lang -> storyboard, for every valid storyboard."""
    found: dict[str, dict[str, Storyboard]] = {}
    for path in storyboard_files(root):
        board = load(path)
        if board is not None:
            found.setdefault(board.slug, {})[board.lang] = board
    return found
