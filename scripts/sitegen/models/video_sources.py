"""Where a video may come from, and what an address points to.

Authors write mkdocs-video's syntax, `![type:video](ADDRESS "Title"){ transcript="..." }`. Two kinds
of address are allowed: YouTube (shown through a click-to-load facade, played from
youtube-nocookie.com) and a video file in this repository (a relative path to an .mp4 or .webm file).
Anything else would load a third party on page load or cannot be captioned, so it is refused.
Used by the build (scripts/sitegen/transforms/video_embed.py) and by the content check (sitegen/checks/videos.py).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com",
                 "www.youtube-nocookie.com"}
YOUTUBE_ID_RE = re.compile(r"^[A-Za-z0-9_-]{11}$")
FILE_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}
EMBED_ALT = "type:video"
# In Markdown source: ![type:video](address "title"){ attributes }, for the content check.
MARKDOWN_EMBED_RE = re.compile(
    r"!\[type:video\]\(\s*<?(?P<url>[^)\s>]*)>?(?:\s+(?P<q>[\"'])(?P<title>.*?)(?P=q))?\s*\)"
    r"(?P<attrs>\{[^}\n]*\})?")
ATTR_RE = re.compile(r"([\w-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|(\S+))")
ATTRIBUTES = ("transcript",)  # what authors may set in { } after an embed


@dataclass(frozen=True)
class VideoSource:
    kind: str  # "youtube", "file" or "refused"
    url: str
    video_id: str = ""  # YouTube
    start: int = 0  # YouTube: seconds from `t=` or `start=`
    mime: str = ""  # file
    reason: str = ""  # refused: plain Indonesian, for the content check

    @property
    def watch_url(self) -> str:
        return f"https://www.youtube.com/watch?v={self.video_id}" + (f"&t={self.start}s" if self.start else "")

    @property
    def short_url(self) -> str:
        return f"https://youtu.be/{self.video_id}" + (f"?t={self.start}" if self.start else "")

    @property
    def embed_url(self) -> str:
        return f"https://www.youtube-nocookie.com/embed/{self.video_id}"


def _seconds(value: str) -> int:
    """`90`, `90s` or `1m30s` as seconds; 0 when it is something else."""
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?", value or "")
    if not match or not value:
        return 0
    h, m, s = (int(g or 0) for g in match.groups())
    return h * 3600 + m * 60 + s


def classify(url: str) -> VideoSource:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        host = (parts.hostname or "").lower()
        if parts.scheme != "https" or host not in YOUTUBE_HOSTS:
            return VideoSource("refused", url, reason=(
                f"Video dari `{host or url}` tidak diizinkan: pemutarnya memuat situs lain saat halaman dibuka. "
                "Pakai tautan YouTube (https://www.youtube.com/watch?v=...) atau file .mp4 di folder video/."))
        query = parse_qs(parts.query)
        path = parts.path.strip("/").split("/")
        if host == "youtu.be":
            video_id = path[0] if path else ""
        elif path[:1] in (["embed"], ["shorts"], ["live"]) and len(path) > 1:
            video_id = path[1]
        else:
            video_id = (query.get("v") or [""])[0]
        if not YOUTUBE_ID_RE.match(video_id):
            return VideoSource("refused", url, reason=(
                f"Alamat YouTube `{url}` tidak memuat kode video yang sah (11 huruf/angka setelah `v=`). "
                "Salin alamatnya dari tombol Bagikan di YouTube; jangan mengarang kode video."))
        start = _seconds((query.get("t") or query.get("start") or [""])[0])
        return VideoSource("youtube", url, video_id=video_id, start=start)
    ext = posixpath.splitext(parts.path)[1].lower()
    if ext not in FILE_TYPES:
        return VideoSource("refused", url, reason=(
            f"File video `{url}` harus berformat .mp4 (atau .webm). Buat video dengan "
            "`python scripts/video_maker.py build`."))
    if parts.path.startswith("/"):
        return VideoSource("refused", url, reason=(
            f"Alamat video `{url}` diawali `/`. Tulis alamat relatif, misalnya `../video/m-paspor.mp4`."))
    return VideoSource("file", url, mime=FILE_TYPES[ext])


def attributes(text: str | None) -> dict[str, str]:
    """`{ transcript="#x" }` -> {"transcript": "#x"} (only key="value" pairs; ids and classes ignored)."""
    if not text:
        return {}
    return {m.group(1): next(g for g in m.groups()[1:] if g is not None) for m in ATTR_RE.finditer(text)}
