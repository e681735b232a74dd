"""Videos: allowed sources only, captions and a transcript for every video, storyboards that match
their videos.

Embeds use mkdocs-video's syntax, `![type:video](ADDRESS "Title"){ transcript="#id" }`; the build
turns them into players (scripts/sitegen/transforms/video_embed.py). Our own videos are made from storyboards in
data/videos/ by `python scripts/video_maker.py build`.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from sitegen.models.content import ERROR, WARNING, Page, Problem, Site
from sitegen.models.video_sources import ATTRIBUTES, MARKDOWN_EMBED_RE, attributes, classify
from sitegen.video import (
    storyboards,
    webvtt,
)

from .markdown_text import anchors, prose_lines

MAX_BYTES = 2 * 1024 * 1024
LIST_MARKER = "{{ videos }}"
MAKE = "python scripts/video_maker.py build --only {slug}"


def check(site: Site):
    boards = storyboards.load_all(site.root)
    written = {(p.parent.name, p.stem) for p in storyboards.storyboard_files(site.root)}  # even broken ones
    yield from _check_storyboards(site, boards, written)
    for page in site.pages:
        for number, line in prose_lines(page):
            for match in MARKDOWN_EMBED_RE.finditer(line):
                yield from _check_embed(site, boards, written, page, number, line, match)


def _anchors(page: Page, boards) -> set[str]:
    """Anchors of a page, not counting the `#id` written inside video attributes themselves, plus the
    ones the `{{ videos }}` list generates (each video and its transcript)."""
    stripped = MARKDOWN_EMBED_RE.sub(lambda m: m.group(0)[: len(m.group(0)) - len(m["attrs"] or "")], page.text)
    found = anchors(Page(root=page.root, path=page.path, lang=page.lang, rel=page.rel, raw=stripped.encode("utf-8")))
    if LIST_MARKER in page.body:
        for slug, versions in boards.items():
            if page.lang in versions:
                found |= {slug, storyboards.transcript_anchor(slug)}
    return found


def _problem(page: Page, line: int, rule: str, message: str, severity: str = ERROR) -> Problem:
    return Problem(page.display, line, rule, message, severity)


def _check_embed(site, boards, written, page: Page, line_no: int, line: str, match: re.Match):
    url, title = match["url"], (match["title"] or "").strip()
    attrs = attributes(match["attrs"])
    source = classify(url)
    if source.kind == "refused":
        yield _problem(page, line_no, "video/host", source.reason)
        return
    if line.strip() != match.group(0):
        yield _problem(page, line_no, "video/line",
                       "Tulis video di barisnya sendiri, dengan baris kosong sebelum dan sesudahnya.", WARNING)
    for name in attrs:
        if name not in ATTRIBUTES:
            yield _problem(page, line_no, "video/attribute",
                           f"Atribut `{name}` tidak dipakai untuk video dan diabaikan. Yang boleh: "
                           + ", ".join(ATTRIBUTES) + ".", WARNING)
    board = None
    if source.kind == "file":
        folder = site.root / "docs" / page.lang
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), url))
        path = folder / rel
        if rel.startswith("..") or not path.is_file():
            yield _problem(page, line_no, "video/file",
                           f"File video `{url}` tidak ditemukan di docs/{page.lang}/. Periksa nama file dan jumlah "
                           "`../`; video buatan sendiri dibuat dengan `python scripts/video_maker.py build`.")
            return
        if path.stat().st_size > MAX_BYTES:
            yield _problem(page, line_no, "video/size",
                           f"Video `{url}` berukuran {path.stat().st_size / 1024 / 1024:.1f} MB; paling besar 2 MB, "
                           "karena pembaca membayar kuota. Pendekkan videonya.")
        yield from _check_captions(site, page, line_no, path)
        board = boards.get(path.stem, {}).get(page.lang)
        if board is None and (path.stem, page.lang) in written:
            return  # its storyboard is broken: that problem is reported on the storyboard itself
    if not title and board is None:
        yield _problem(page, line_no, "video/title",
                       "Video tanpa judul. Tulis judulnya dalam tanda kutip setelah alamat, misalnya "
                       f"`![type:video]({url} \"Judul video\")`.")
    yield from _check_transcript(site, boards, page, line_no, attrs, board)


def _check_captions(site: Site, page: Page, line_no: int, video: Path):
    tracks = sorted(video.parent.glob(f"{video.stem}.*.vtt"))
    if not tracks:
        yield _problem(page, line_no, "video/captions",
                       f"Video `{video.name}` tidak punya takarir. Simpan file `{video.stem}.{page.lang}.vtt` "
                       "(WebVTT) di sebelah videonya.")
        return
    languages = {t.name[len(video.stem) + 1:-4] for t in tracks}
    for track in tracks:
        try:
            webvtt.loads(track.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, webvtt.VttError) as exc:
            line = getattr(exc, "line", 0)
            yield Problem(track.relative_to(site.root).as_posix(), line, "video/captions",
                          f"File takarir tidak bisa dibaca: {getattr(exc, 'reason', exc)}. Untuk video buatan "
                          "sendiri, buat ulang dengan `python scripts/video_maker.py build`.", ERROR)
    if page.lang not in languages:
        yield _problem(page, line_no, "video/captions",
                       f"Video `{video.name}` belum punya takarir bahasa halaman ini (`{video.stem}.{page.lang}.vtt`).",
                       WARNING)


def _check_transcript(site: Site, boards, page: Page, line_no: int, attrs: dict[str, str], board):
    target = attrs.get("transcript")
    if target is None:
        if board is not None:
            listing = site.root / "docs" / page.lang / storyboards.VIDEO_DIR / "index.md"
            if not listing.is_file() or LIST_MARKER not in listing.read_text(encoding="utf-8"):
                yield _problem(page, line_no, "video/transcript",
                               f"Transkrip video ini ada di halaman video, tetapi docs/{page.lang}/video/index.md "
                               f"tidak ada atau tidak memuat baris `{LIST_MARKER}`.")
            return
        yield _problem(page, line_no, "video/transcript",
                       "Video tanpa transkrip. Tulis transkripnya di bawah sebuah judul, lalu tunjuk judul itu: "
                       "`![type:video](alamat \"Judul\"){ transcript=\"#transkrip\" }`.")
        return
    path, _, fragment = target.partition("#")
    if path:
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
        target_page = Page.read(site.root, page.lang, rel) if not rel.startswith("..") else None
        if target_page is None:
            yield _problem(page, line_no, "video/transcript",
                           f"Transkrip `{target}` menuju halaman yang tidak ada di docs/{page.lang}/.")
            return
    else:
        target_page = page
    if fragment and fragment not in _anchors(target_page, boards):
        yield _problem(page, line_no, "video/transcript",
                       f"Transkrip `{target}`: bagian `#{fragment}` tidak ada. Beri judul transkripnya id itu, "
                       f"misalnya `## Transkrip {{#{fragment}}}`.")


def _check_storyboards(site: Site, boards, written):
    for path in storyboards.storyboard_files(site.root):
        shown = path.relative_to(site.root).as_posix()
        data, lines, error = storyboards.read(path)
        if error:
            yield Problem(shown, lines.get("__error__", 1), "video/storyboard",
                          f"Storyboard tidak bisa dibaca: {error}. Periksa titik dua, tanda kutip dan spasi.")
            continue
        found = storyboards.problems(data, lines, site.languages, path.stem)
        for line, message in found:
            yield Problem(shown, line, "video/storyboard", message)
        if not storyboards.SLUG_RE.match(path.parent.name):
            yield Problem(shown, 0, "video/storyboard",
                          f"Nama folder `{path.parent.name}` hanya boleh huruf kecil, angka dan tanda hubung.")
        if found:
            continue
        board = boards[path.parent.name][path.stem]
        if not (site.root / "docs" / board.lang / board.page).is_file():
            yield Problem(shown, lines.get("page", 1), "video/storyboard",
                          f"Halaman `{board.page}` tidak ada di docs/{board.lang}/.")
        yield from _check_outputs(site, board, shown)
    for slug, versions in boards.items():
        for lang in site.languages:
            if lang not in versions and (slug, lang) not in written:
                yield Problem(f"{storyboards.STORYBOARD_DIR.as_posix()}/{slug}", 0, "video/storyboard-language",
                              f"Video `{slug}` belum ada dalam bahasa `{lang}`. Salin storyboard bahasa lain ke "
                              f"`{lang}.yml`, terjemahkan, lalu jalankan `{MAKE.format(slug=slug)}`.", WARNING)


def _check_outputs(site: Site, board, shown: str):
    """The video, captions and poster exist and were made from this very storyboard text."""
    outputs = board.outputs(site.root)
    missing = [p.relative_to(site.root).as_posix() for p in outputs.values() if not p.is_file()]
    remake = f"Jalankan `{MAKE.format(slug=board.slug)} --lang {board.lang}` lalu simpan file yang dibuatnya."
    if missing:
        yield Problem(shown, 0, "video/stale", f"Video belum dibuat: {', '.join(missing)} tidak ada. {remake}")
        return
    try:
        captions = webvtt.loads(outputs["vtt"].read_text(encoding="utf-8"))
    except (UnicodeDecodeError, webvtt.VttError):
        return  # reported with its line by _check_captions on the page that shows the video
    if f"storyboard {board.fingerprint}" not in captions.notes:
        yield Problem(shown, 0, "video/stale",
                      "Storyboard sudah diubah, tetapi videonya belum dibuat ulang: video, takarir dan transkrip "
                      f"akan berbeda. {remake}")
    if outputs["mp4"].stat().st_size > MAX_BYTES:
        yield Problem(shown, 0, "video/size", "Video lebih besar dari 2 MB. Kurangi langkah atau pendekkan teksnya.")
