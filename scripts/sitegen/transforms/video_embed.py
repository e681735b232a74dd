"""Video players, built from mkdocs-video's author syntax `![type:video](ADDRESS "Title")`.

We do not use the mkdocs-video plugin: it writes plain iframes (a YouTube iframe downloads about a
megabyte of third-party script on page load and tells a third party who reads about migration), has
no captions or posters, and crashes on empty pages and some emoji. Instead, after Markdown has made an
`<img alt="type:video">` of the embed (and MkDocs has checked and rewritten its path), this module
swaps that image for:

- YouTube: a click-to-load facade. A link to the video (works without JavaScript) over a self-hosted
  poster, with the title; overrides/assets/javascripts/video.js turns it into a real <button> that, on
  tap, inserts a youtube-nocookie.com iframe. Nothing from a third party loads before the tap.
- A video file next to the page: <video controls preload="none"> with its poster (`NAME.png`) and a
  captions track for each `NAME.LANG.vtt` beside it, the page's language on by default.

Every player says where its transcript is (in the page's language) and, in print, is replaced by its
title and address. Titles and transcripts of our own videos come from their storyboards
(scripts/sitegen/video/storyboards.py); other videos give them in the embed: `{ transcript="#heading-id" }`.
"""

from __future__ import annotations

import posixpath
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from sitegen import ROOT
from sitegen.config import build_mode
from sitegen.models import addresses, site_data
from sitegen.models.addresses import lang_prefix
from sitegen.models.video_sources import ATTRIBUTES, EMBED_ALT, VideoSource, classify
from sitegen.video import storyboards, webvtt

POSTER = "assets/images/video-poster.svg"  # generic, self-hosted: no image is fetched from YouTube
VIDEO_PAGE = "video/index.md"  # the page that lists every video with its transcript
IMG_RE = re.compile(r"<img\b[^>]*>")
PARAGRAPH_RE = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>")


class _Attrs(HTMLParser):
    def __init__(self, tag: str):
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}
        self.feed(tag)

    def handle_starttag(self, tag, attrs):
        self.attrs = {k: v or "" for k, v in attrs}

    handle_startendtag = handle_starttag


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


class PageVideos:
    """Renders the videos of one page in the language being built."""

    def __init__(self, page, config, files):
        i18n = config.plugins["i18n"]
        self.page, self.config, self.files = page, config, files
        self.lang, self.default = i18n.current_language, i18n.default_language
        self.ui = site_data.ui_strings(self.lang, self.default)
        self.hreflang = config.extra.get("hreflang", {})
        self.language_names = {lang: i18n.get_language_config(lang).name for lang in i18n.build_languages}
        self.by_dest = {f.dest_uri: f for f in files}
        self.boards = storyboards.load_all(ROOT)
        self.site_url = build_mode.public_url(config) or ""  # printed addresses: only a public one
        self.kinds: set[str] = set()
        self.posters: list[str] = []  # page-relative; the first is preloaded (often the largest paint)
        self.problems: list[str] = []

    # -- addresses -----------------------------------------------------------------------------------

    def _dest(self, src: str) -> str:
        """Site path of a URL written relative to this page (MkDocs already rewrote it that way)."""
        base = self.page.url if self.page.url.endswith("/") or not self.page.url else posixpath.dirname(self.page.url)
        return posixpath.normpath(posixpath.join(base, src))

    def _relative(self, dest: str) -> str:
        from mkdocs.utils import get_relative_url

        return get_relative_url(dest, self.page.url)

    def _prefix(self) -> str:
        return lang_prefix(self.lang, self.default)

    def _video_page_link(self, slug: str) -> tuple[str, str] | None:
        """(relative link, absolute address) of a video's transcript on the video page."""
        target = self.by_dest.get(self._prefix() + "video/index.html")
        if target is None:
            return None
        anchor = "#" + storyboards.transcript_anchor(slug)
        href = anchor if target.url == self.page.url else self._relative(target.url) + anchor
        return href, (self.site_url + target.url + anchor if self.site_url else "")

    def _transcript_from_attribute(self, value: str) -> str | None:
        """`#id` on this page, or `page.md#id` relative to this page's Markdown file."""
        if value.startswith("#"):
            return value
        path, _, fragment = value.partition("#")
        src = posixpath.normpath(posixpath.join(posixpath.dirname(self.page.file.src_uri), path))
        target = self.files.get_file_from_path(src)
        if target is None:
            return None
        return self._relative(target.url) + (f"#{fragment}" if fragment else "")

    def _board(self, slug: str):
        versions = self.boards.get(slug, {})
        return versions.get(self.lang) or versions.get(self.default)

    # -- players -------------------------------------------------------------------------------------

    def render(self, img_tag: str) -> str:
        attrs = _Attrs(img_tag).attrs
        if attrs.get("alt") != EMBED_ALT:
            return img_tag
        source = classify(attrs.get("src", ""))
        extra = {k: v for k, v in attrs.items() if k in ATTRIBUTES}
        if source.kind == "youtube":
            self.kinds.update({"video", "youtube"})
            return self._youtube(source, attrs.get("title", "").strip(), extra)
        if source.kind == "file":
            self.kinds.add("video")
            return self._file(source, attrs.get("title", "").strip(), extra)
        # Refused: the content check fails the strict build; never let it load anything meanwhile.
        self.problems.append(source.reason)
        return f'<p class="site-video site-video--refused">{escape(source.url)}</p>'

    def _caption(self, title: str, transcript: str | None, extra_links: list[str], notice: str,
                 print_url: str) -> str:
        links = []
        if transcript is not None:
            links.append(f'<a href="{escape(transcript)}">{escape(self.ui["video.transcript"])}</a>')
        else:
            self.problems.append(f"video `{title}` tanpa transkrip")
        links += extra_links
        parts = [f'<span class="site-video__title">{escape(title)}</span>']
        if links:
            parts.append(f'<span class="site-video__links">{" · ".join(links)}</span>')
        if notice:
            parts.append(f'<span class="site-video__notice">{escape(notice)}</span>')
        if print_url:
            # Plain text: on paper the address is what counts, short enough to type.
            short = addresses.short_url(print_url, keep_fragment=True)
            parts.append(f'<span class="site-video__print">{escape(self.ui["video.watch"])} '
                         f'{escape(short)}</span>')
        return f'<figcaption class="site-video__caption">{"".join(parts)}</figcaption>'

    def _youtube(self, source: VideoSource, title: str, extra: dict[str, str]) -> str:
        title = title or source.short_url
        transcript = self._transcript_from_attribute(extra["transcript"]) if "transcript" in extra else None
        poster = self._relative(POSTER)
        label = self.ui["video.play"].format(title=title)
        facade = (
            f'<a class="site-video__facade" href="{escape(source.watch_url)}" data-youtube="{source.video_id}"'
            f' data-start="{source.start}" data-label="{escape(label)}" data-title="{escape(title)}">'
            f'<img class="site-video__poster" src="{escape(poster)}" alt="" width="640" height="360">'
            f'<span class="site-video__play" aria-hidden="true"></span>'
            f'<span class="site-video__facade-title">{escape(title)}</span></a>')
        caption = self._caption(title, transcript, [], self.ui["video.youtube"], source.short_url)
        return f'<figure class="site-video" data-video="youtube">{facade}{caption}</figure>'

    def _file(self, source: VideoSource, title: str, extra: dict[str, str]) -> str:
        src = source.url
        dest = self._dest(src)
        stem_dest, stem_src = posixpath.splitext(dest)[0], posixpath.splitext(src)[0]
        slug = posixpath.basename(stem_dest)
        board = self._board(slug)
        title = title or (board.title if board else slug)
        # Poster and caption files sit next to the video, named after it.
        poster = next((stem_src + ext for ext in (".png", ".webp", ".jpg") if stem_dest + ext in self.by_dest),
                      self._relative(POSTER))
        self.posters.append(poster)
        tracks, duration = [], None
        track_re = re.compile(re.escape(posixpath.basename(stem_dest)) + r"\.([a-z]{2,3})\.vtt$")
        found = sorted((m.group(1), d) for d in self.by_dest
                       if posixpath.dirname(d) == posixpath.dirname(dest)
                       and (m := track_re.match(posixpath.basename(d))))
        default_track = self.lang if any(code == self.lang for code, _ in found) else (found[0][0] if found else "")
        for code, track_dest in found:
            tracks.append(
                f'<track kind="captions" src="{escape(stem_src)}.{code}.vtt" '
                f'srclang="{escape(self.hreflang.get(code, code))}" '
                f'label="{escape(self.language_names.get(code, code))}"{" default" if code == default_track else ""}>')
            if code == default_track:
                duration = self._vtt_duration(track_dest)
        if not tracks:
            self.problems.append(f"video `{src}` tanpa takarir (.vtt)")
        if "transcript" in extra:
            transcript, print_url = self._transcript_from_attribute(extra["transcript"]), ""
        elif board:
            link = self._video_page_link(slug)
            transcript, print_url = link if link else (None, "")
        else:
            transcript, print_url = None, ""
        file = self.by_dest.get(dest)
        size = _size(Path(file.abs_src_path).stat().st_size) if file and file.abs_src_path else ""
        details = ", ".join(x for x in (size, _duration(duration) if duration else "") if x)
        download = (f'<a href="{escape(src)}" download>'
                    f'{escape(self.ui["video.download"].format(size=details))}</a>') if details else ""
        print_url = print_url or (self.site_url + dest if self.site_url else "")
        player = (
            f'<video class="site-video__player" controls preload="none" playsinline width="640" height="360"'
            f' poster="{escape(poster)}">'
            + f'<source src="{escape(src)}" type="{source.mime}">' + "".join(tracks)
            + f'<a href="{escape(src)}">{escape(title)}</a></video>')
        caption = self._caption(title, transcript, [download] if download else [], "", print_url)
        return f'<figure class="site-video" data-video="file">{player}{caption}</figure>'

    def _vtt_duration(self, track_dest: str) -> float | None:
        """Length recorded by the video maker in the captions (`NOTE duration 77.1`), else the last cue."""
        file = self.by_dest.get(track_dest)
        try:
            captions = webvtt.loads(Path(file.abs_src_path).read_text(encoding="utf-8"))
        except (OSError, ValueError, AttributeError, TypeError):
            return None  # the content check reports a broken file
        for note in captions.notes:
            if note.startswith("duration "):
                try:
                    return float(note.split()[1])
                except ValueError:
                    break
        return captions.cues[-1].end if captions.cues else None


def render_page(html: str, page, config, files, log=None) -> str:
    """Swap every `![type:video](...)` of a rendered page for its player. Sets `page.video_kinds`
    ({"video", "youtube"}) so that overrides/main.html loads the player's CSS and JS only where needed."""
    page.video_kinds, page.video_posters = set(), []
    if f'alt="{EMBED_ALT}"' not in (html or ""):
        return html
    videos = PageVideos(page, config, files)

    def whole_paragraph(match: re.Match) -> str:
        rendered = videos.render(match.group(1))
        return match.group(0) if rendered == match.group(1) else rendered

    html = PARAGRAPH_RE.sub(whole_paragraph, html)
    html = IMG_RE.sub(lambda m: videos.render(m.group(0)), html)
    page.video_kinds, page.video_posters = videos.kinds, videos.posters
    if log is not None:
        for problem in videos.problems:
            log.warning(f"docs/{page.file.src_uri}: GALAT [video] {problem}; "
                        "`python scripts/docs.py check` menunjukkan barisnya.")
    return html
