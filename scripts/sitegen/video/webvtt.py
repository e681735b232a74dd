"""WebVTT captions: a writer for the video maker and a strict reader for the build, the content check
and the tests.

Only the part of WebVTT that our captions use: a `WEBVTT` header, optional `NOTE` blocks, cues with
an optional identifier, `HH:MM:SS.mmm --> HH:MM:SS.mmm` timings and plain text. The reader refuses
anything else, so a hand-edited file that browsers might read differently fails loudly here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TIME_RE = re.compile(r"^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$")
_TIMING_RE = re.compile(r"^(\S+) --> (\S+)(?: [^\n]*)?$")


class VttError(ValueError):
    """The file is not valid WebVTT; `line` is 1-based."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"baris {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str  # lines joined with "\n"; entities decoded


@dataclass(frozen=True)
class Captions:
    cues: list[Cue]
    notes: list[str]  # text of NOTE blocks, e.g. "storyboard 3f2a9c0b1d4e"


def timestamp(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _seconds(text: str, line: int) -> float:
    match = _TIME_RE.match(text)
    if not match:
        raise VttError(line, f"waktu `{text}` tidak sah (bentuknya 00:00:01.500)")
    h, m, s, ms = match.groups()
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _unescape(text: str, line: int) -> str:
    if "<" in text:
        raise VttError(line, "teks takarir tidak boleh berisi tag `<...>`")
    entities = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u00a0", "&lrm;": "\u200e", "&rlm;": "\u200f"}
    return re.sub(r"&[a-z]+;", lambda m: entities.get(m.group(0), m.group(0)), text)


def dumps(cues: list[Cue], notes: list[str] = ()) -> str:
    blocks = ["WEBVTT"]
    blocks += [f"NOTE {note}" for note in notes]
    for number, cue in enumerate(cues, 1):
        if "-->" in cue.text or not cue.text.strip():
            raise ValueError(f"cue {number}: empty text or `-->` in the text")
        blocks.append(f"{number}\n{timestamp(cue.start)} --> {timestamp(cue.end)}\n{_escape(cue.text)}")
    return "\n\n".join(blocks) + "\n"


def loads(text: str) -> Captions:
    """Parse WebVTT strictly; raises VttError with the line of the first problem."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise VttError(1, "baris pertama harus `WEBVTT`")
    # Blocks are separated by blank lines; remember each block's first line number.
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines[1:], 2):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    if len(lines) > 1 and lines[1].strip():
        raise VttError(2, "setelah `WEBVTT` harus ada baris kosong")
    cues: list[Cue] = []
    notes: list[str] = []
    previous_start = 0.0
    for first, block in blocks:
        if block[0] == "NOTE" or block[0].startswith(("NOTE ", "NOTE\t")):
            notes.append("\n".join([block[0][5:]] + block[1:]).strip())
            continue
        timing_index = 0 if "-->" in block[0] else 1
        if timing_index >= len(block) or "-->" not in block[timing_index]:
            raise VttError(first, "blok takarir tanpa baris waktu `mulai --> selesai`")
        line_no = first + timing_index
        match = _TIMING_RE.match(block[timing_index])
        if not match:
            raise VttError(line_no, "baris waktu harus `00:00:01.000 --> 00:00:03.000`")
        begin, end = _seconds(match.group(1), line_no), _seconds(match.group(2), line_no)
        if end <= begin:
            raise VttError(line_no, "waktu selesai harus sesudah waktu mulai")
        if begin < previous_start:
            raise VttError(line_no, "takarir harus berurutan menurut waktu mulai")
        body = block[timing_index + 1:]
        if not body:
            raise VttError(line_no, "takarir tanpa teks")
        if any("-->" in l for l in body):
            raise VttError(line_no + 1, "dua baris waktu tanpa baris kosong di antaranya")
        cues.append(Cue(begin, end, "\n".join(_unescape(l, line_no + 1 + i) for i, l in enumerate(body))))
        previous_start = begin
    return Captions(cues, notes)
