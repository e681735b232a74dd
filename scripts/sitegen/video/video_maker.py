"""Our own videos, made from editable text.

    python scripts/video_maker.py build                 every storyboard in data/videos/
    python scripts/video_maker.py build --only m-paspor one video, in every language it has
    python scripts/video_maker.py build --only m-paspor --lang en

A volunteer fixes a video by editing its storyboard (data/videos/<slug>/<lang>.yml, described in
scripts/sitegen/video/storyboards.py) and running the command again. Each storyboard becomes a small MP4 (640x360,
H.264; AAC narration when `narration: true`), WebVTT captions with the same text and timings, and a
poster image, in docs/<lang>/video/. The site build never runs this: the files are committed.

Needs Debian's ffmpeg, fonts-dejavu-core and (for narration) espeak-ng, and Pillow from PyPI. Works
offline. Timing comes from the text: with narration, each caption lasts as long as its spoken audio;
without, as long as a slow reader needs.
"""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from sitegen import ROOT, picture_text
from sitegen.config import languages
from sitegen.config.site_config import site_languages
from sitegen.models import site_data
from sitegen.video import storyboards, webvtt

WIDTH, HEIGHT, FPS = 640, 360, 10
MAX_BYTES = 2 * 1024 * 1024  # the limit per video: readers pay for every byte
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"regular": FONT_DIR / "DejaVuSans.ttf", "bold": FONT_DIR / "DejaVuSans-Bold.ttf"}
SPEECH_RATE = 140  # words per minute; espeak-ng's default 175 is too fast for new listeners
# Timeline, in seconds: pause before a slide's first caption, between captions, after the last one.
LEAD, GAP, TAIL = 0.5, 0.35, 1.0
# Without narration a caption stays up as long as a slow reader needs.
READ_SECONDS_PER_WORD, READ_MIN_SECONDS = 0.5, 2.5
# Colours of the site (overrides/assets/stylesheets/site.css).
GREEN, DARK, PALE, WHITE = "#14532d", "#052e16", "#f0f7f2", "#ffffff"
CAPTION_SAFE = 80  # bottom pixels kept free: the player draws captions there


class MakerError(RuntimeError):
    """Something the volunteer can fix; the message says how (in Indonesian)."""


@dataclass
class TimedSlide:
    slide: storyboards.Slide
    start: float
    end: float
    cues: list[webvtt.Cue]
    audio: list[Path]  # one WAV per cue when narrated


# --- tools -------------------------------------------------------------------------------------------


def require_tools(narration: bool) -> None:
    missing = [name for name in ("ffmpeg",) + (("espeak-ng",) if narration else ()) if not shutil.which(name)]
    if missing:
        raise MakerError(f"Program {', '.join(missing)} belum terpasang. Pasang dengan: "
                         f"sudo apt-get install {' '.join(missing)}")
    for path in FONTS.values():
        if not path.exists():
            raise MakerError(f"Huruf {path} tidak ada. Pasang dengan: sudo apt-get install fonts-dejavu-core")
    try:
        import PIL  # noqa: F401
    except ImportError:
        raise MakerError("Pillow belum terpasang. Jalankan: bash scripts/dev.sh build (memasang semua paket dari requirements.lock)") from None


def site_name(root: Path, lang: str) -> str:
    """The site's name in one language, from mkdocs.yml (per-language `site_name` of static-i18n)."""
    from sitegen.config import site_config

    for language in site_config.i18n_languages(root):
        if language["locale"] == lang and language.get("site_name"):
            return language["site_name"]
    return site_config.load(root)["site_name"]


# --- timing ------------------------------------------------------------------------------------------


def speak(text: str, lang: str, out: Path) -> float:
    """Narrate one caption into a WAV file; returns its length in seconds."""
    source = out.with_suffix(".txt")
    source.write_text(text, encoding="utf-8")
    # espeak-ng's voice is the language of the site's speech voice (mkdocs.yml extra.speech_lang):
    # `id-ID` -> `id`. Lampung has no voice of its own there, so the Indonesian one reads it.
    voice = languages.load().get(lang).speech_lang.split("-")[0].lower()
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(SPEECH_RATE), "-w", str(out),
                    "-f", str(source)], check=True, capture_output=True)
    with wave.open(str(out)) as w:
        return w.getnframes() / w.getframerate()


def reading_time(text: str) -> float:
    return max(READ_MIN_SECONDS, READ_SECONDS_PER_WORD * len(text.split()) + 1.0)


def timeline(board: storyboards.Storyboard, slides: list[storyboards.Slide], work: Path) -> list[TimedSlide]:
    """Place every caption (and its narration) on one clock; slides end on a frame boundary."""
    timed, t = [], 0.0
    for index, slide in enumerate(slides):
        start, cues, audio = t, [], []
        t += LEAD
        for number, text in enumerate(slide.cue_texts()):
            if board.narration:
                wav = work / f"s{index:02d}c{number:02d}.wav"
                length = speak(text, board.lang, wav)
                audio.append(wav)
            else:
                length = reading_time(text)
            cues.append(webvtt.Cue(round(t, 3), round(t + length, 3), text))
            t += length + GAP
        t = math.ceil((t - GAP + TAIL) * FPS) / FPS
        timed.append(TimedSlide(slide, start, t, cues, audio))
    return timed


def mix_narration(timed: list[TimedSlide], out: Path) -> None:
    """One WAV with every spoken caption at its caption's start time, silence in between."""
    first = next(wav for s in timed for wav in s.audio)
    with wave.open(str(first)) as w:
        params = w.getparams()
    rate, width, channels = params.framerate, params.sampwidth, params.nchannels
    total = round(timed[-1].end * rate)
    pcm = bytearray(total * width * channels)
    for slide in timed:
        for cue, wav in zip(slide.cues, slide.audio):
            with wave.open(str(wav)) as w:
                frames = w.readframes(w.getnframes())
            at = round(cue.start * rate) * width * channels
            pcm[at:at + len(frames)] = frames[: len(pcm) - at]
    with wave.open(str(out), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(bytes(pcm))


# --- slides ------------------------------------------------------------------------------------------


def _font(kind: str, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(FONTS[kind]), size)


def _fit(draw, text: str, kind: str, width: int, height: int, sizes: range) -> tuple[object, list[str], int]:
    """The largest font size at which `text` fits the box; returns (font, lines, line height)."""
    fitted = picture_text.fit(draw, text, lambda size: _font(kind, size), width, height, sizes, 1.3)
    if not fitted:
        raise MakerError(f"Teks terlalu panjang untuk satu slide: \"{text[:60]}...\". Pendekkan atau bagi dua langkah.")
    return fitted


def render_slide(slide: storyboards.Slide, title: str, brand: str, out: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), GREEN if slide.kind == "title" else PALE)
    draw = ImageDraw.Draw(image)
    margin = 40
    if slide.kind == "title":
        font, lines, lh = _fit(draw, slide.text, "bold", WIDTH - 2 * margin, 170, range(40, 21, -2))
        y = (HEIGHT - CAPTION_SAFE - len(lines) * lh) // 2 + 10
        for line in lines:
            draw.text((margin, y), line, font=font, fill=WHITE)
            y += lh
        draw.rectangle((margin, y + 12, margin + 80, y + 17), fill="#86efac")
        draw.text((margin, 24), brand, font=_font("regular", 16), fill="#dcfce7")
    else:
        band = 52
        draw.rectangle((0, 0, WIDTH, band), fill=GREEN)
        head = slide.label or title
        head_font, head_lines, _ = _fit(draw, head, "bold", WIDTH - 2 * margin, 30, range(20, 11, -1))
        draw.text((margin, (band - head_font.size) // 2 - 2), head_lines[0], font=head_font, fill=WHITE)
        box_top, box_bottom = band + 20, HEIGHT - CAPTION_SAFE
        font, lines, lh = _fit(draw, slide.text, "regular", WIDTH - 2 * margin, box_bottom - box_top,
                               range(30, 17, -1))
        y = box_top + max(0, (box_bottom - box_top - len(lines) * lh) // 2)
        for line in lines:
            draw.text((margin, y), line, font=font, fill=DARK)
            y += lh
        draw.text((margin, HEIGHT - 26), brand, font=_font("regular", 13), fill=GREEN)
    image.save(out)


def save_poster(slide_png: Path, out: Path) -> None:
    """The title slide, reduced to 64 colours: it is the only thing a page loads before play."""
    from PIL import Image

    with Image.open(slide_png) as image:
        image.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).save(out, optimize=True)


# --- encoding ----------------------------------------------------------------------------------------


def encode(timed: list[TimedSlide], slide_pngs: list[Path], narration: Path | None, out: Path, work: Path) -> None:
    listing = work / "slides.txt"
    entries = [f"file '{png.as_posix()}'\nduration {s.end - s.start:.3f}" for s, png in zip(timed, slide_pngs)]
    entries.append(f"file '{slide_pngs[-1].as_posix()}'")  # the concat demuxer needs the last one twice
    listing.write_text("\n".join(entries) + "\n", encoding="utf-8")
    command = ["ffmpeg", "-y", "-v", "error", "-f", "concat", "-safe", "0", "-i", str(listing)]
    if narration:
        command += ["-i", str(narration)]
    command += ["-map", "0:v"] + (["-map", "1:a"] if narration else [])
    # H.264 Main at 10 frames per second plays on old Android phones; still slides cost almost nothing.
    command += ["-vf", f"fps={FPS},format=yuv420p", "-c:v", "libx264", "-preset", "veryslow",
                "-tune", "stillimage", "-crf", "26", "-profile:v", "main", "-g", str(FPS * 5),
                "-threads", "1"]
    if narration:
        command += ["-c:a", "aac", "-b:a", "40k", "-ac", "1"]
    command += ["-t", f"{timed[-1].end:.3f}", "-movflags", "+faststart", "-map_metadata", "-1",
                "-fflags", "+bitexact", "-flags", "+bitexact", str(out)]
    subprocess.run(command, check=True, capture_output=True)


def build(board: storyboards.Storyboard, root: Path, default_lang: str) -> dict[str, object]:
    require_tools(board.narration)
    ui = site_data.ui_strings(board.lang, default_lang)
    slides = board.slides(ui["video.step"])
    brand = site_name(root, board.lang)
    outputs = board.outputs(root)
    outputs["mp4"].parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="video-maker-") as tmp:
        work = Path(tmp)
        timed = timeline(board, slides, work)
        pngs = []
        for index, slide in enumerate(slides):
            png = work / f"slide{index:02d}.png"
            render_slide(slide, board.title, brand, png)
            pngs.append(png)
        narration = None
        if board.narration:
            narration = work / "narration.wav"
            mix_narration(timed, narration)
        encode(timed, pngs, narration, outputs["mp4"], work)
        save_poster(pngs[0], outputs["poster"])
    cues = [cue for slide in timed for cue in slide.cues]
    duration = timed[-1].end
    outputs["vtt"].write_text(
        webvtt.dumps(cues, [f"storyboard {board.fingerprint}", f"duration {duration:.1f}"]), encoding="utf-8")
    size = outputs["mp4"].stat().st_size
    if size > MAX_BYTES:
        raise MakerError(f"{outputs['mp4']} berukuran {size / 1024 / 1024:.1f} MB; paling besar 2 MB. "
                         "Kurangi langkah atau pendekkan teksnya.")
    return {"mp4": outputs["mp4"], "bytes": size, "seconds": duration, "cues": len(cues)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="video_maker.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("build", help="buat video dari storyboard di data/videos/")
    make.add_argument("--only", metavar="SLUG", help="hanya video ini (nama foldernya di data/videos/)")
    make.add_argument("--lang", help="hanya bahasa ini (kode bahasa di mkdocs.yml, misalnya "
                      f"{', '.join(languages.load().codes)})")
    make.add_argument("--root", default=str(ROOT), help="folder proyek (bawaan: repositori ini)")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    default_lang = site_languages(root)[0]
    files = [p for p in storyboards.storyboard_files(root)
             if (not args.only or p.parent.name == args.only) and (not args.lang or p.stem == args.lang)]
    if not files:
        print(f"Tidak ada storyboard yang cocok di {storyboards.STORYBOARD_DIR}/.", file=sys.stderr)
        return 1
    failed = 0
    for path in files:
        board = storyboards.load(path)
        shown = path.relative_to(root).as_posix()
        if board is None:
            print(f"{shown}: storyboard rusak; jalankan `python scripts/docs.py check` untuk rinciannya.",
                  file=sys.stderr)
            failed += 1
            continue
        try:
            made = build(board, root, default_lang)
        except (MakerError, subprocess.CalledProcessError) as exc:
            detail = exc.stderr.decode(errors="replace")[-500:] if isinstance(exc, subprocess.CalledProcessError) \
                else str(exc)
            print(f"{shown}: GAGAL: {detail}", file=sys.stderr)
            failed += 1
            continue
        print(f"{shown} -> {made['mp4'].relative_to(root).as_posix()}: {made['bytes'] / 1024:.0f} KB, "
              f"{made['seconds']:.1f} detik, {made['cues']} takarir")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
