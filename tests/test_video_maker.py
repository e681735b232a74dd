"""Our own videos: the committed MP4s are valid (ffprobe), their captions say the storyboard text at
the times the narration says it, and the maker turns an edited storyboard into a new video."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import LANGUAGES, ROOT, copy_project

from sitegen.models import site_data  # noqa: E402  (scripts/ is on sys.path through conftest)
from sitegen.video import (
    storyboards,  # noqa: E402
    webvtt,  # noqa: E402
)

BOARDS = [(slug, lang) for slug, versions in sorted(storyboards.load_all(ROOT).items()) for lang in versions]
REQUIRED = ("m-paspor", "tanda-perdagangan-orang")


def _require_tool(name: str):
    if shutil.which(name) is None:
        pytest.skip(f"{name} not installed (apt-get install ffmpeg espeak-ng fonts-dejavu-core)")


def ffprobe(path: Path) -> dict:
    _require_tool("ffprobe")
    out = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_format",
                          str(path)], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def max_volume(path: Path, start: float, length: float) -> float:
    """Loudest sample (dB) of the audio between start and start + length."""
    result = subprocess.run(["ffmpeg", "-v", "info", "-ss", f"{start:.3f}", "-t", f"{length:.3f}", "-i", str(path),
                             "-vn", "-af", "volumedetect", "-f", "null", "-"], capture_output=True, text=True)
    match = re.search(r"max_volume: (-?[\d.]+|-inf) dB", result.stderr)
    assert match, result.stderr[-500:]
    return float("-inf") if match.group(1) == "-inf" else float(match.group(1))


def gray_frame(path: Path, at: float) -> bytes:
    return subprocess.run(["ffmpeg", "-v", "error", "-ss", f"{at:.3f}", "-i", str(path), "-frames:v", "1", "-f",
                           "rawvideo", "-pix_fmt", "gray", "-"], check=True, capture_output=True).stdout


def frame_difference(a: bytes, b: bytes) -> float:
    assert len(a) == len(b) == 640 * 360
    return sum(abs(x - y) for x, y in zip(a, b)) / len(a)


def storyboard_texts(path: Path) -> list[str]:
    """The storyboard's texts in the order a viewer meets them, read straight from the YAML."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts = [data["title"]] + ([data["intro"]] if data.get("intro") else []) + list(data["steps"])
    return texts + ([data["closing"]] if data.get("closing") else [])


def test_required_videos_exist_in_every_language():
    for slug in REQUIRED:
        assert {lang for s, lang in BOARDS if s == slug} == set(LANGUAGES), slug


@pytest.mark.parametrize("slug,lang", BOARDS)
def test_generated_mp4_is_valid_small_and_as_long_as_its_captions(slug, lang):
    board = storyboards.load_all(ROOT)[slug][lang]
    out = board.outputs(ROOT)
    info = ffprobe(out["mp4"])
    video = [s for s in info["streams"] if s["codec_type"] == "video"]
    audio = [s for s in info["streams"] if s["codec_type"] == "audio"]
    assert len(video) == 1
    assert (video[0]["codec_name"], video[0]["width"], video[0]["height"]) == ("h264", 640, 360)
    assert video[0]["pix_fmt"] == "yuv420p"  # plays on old phones
    if board.narration:
        assert [a["codec_name"] for a in audio] == ["aac"]
    else:
        assert audio == []
    assert out["mp4"].stat().st_size < 2 * 1024 * 1024
    assert info["format"]["format_name"].startswith("mov,mp4")
    captions = webvtt.loads(out["vtt"].read_text(encoding="utf-8"))
    recorded = float(next(n for n in captions.notes if n.startswith("duration ")).split()[1])
    duration = float(info["format"]["duration"])
    assert abs(duration - recorded) < 0.15
    assert 10 < duration < 300
    assert captions.cues[-1].end <= duration
    # The moov atom comes first (faststart): playback can begin before the whole file arrives.
    head = out["mp4"].read_bytes()[:64 * 1024]
    assert head.find(b"moov") != -1 and head.find(b"moov") < head.find(b"mdat")


@pytest.mark.parametrize("slug,lang", BOARDS)
def test_captions_say_the_storyboard_text_in_order(slug, lang):
    board = storyboards.load_all(ROOT)[slug][lang]
    captions = webvtt.loads(board.outputs(ROOT)["vtt"].read_text(encoding="utf-8"))
    said = " ".join(cue.text for cue in captions.cues)
    written = " ".join(" ".join(t.split()) for t in storyboard_texts(board.path))
    assert said == written
    assert f"storyboard {board.fingerprint}" in captions.notes, "storyboard edited without remaking the video"
    for before, after in zip(captions.cues, captions.cues[1:]):
        assert before.end <= after.start
    assert all(len(cue.text) <= storyboards.MAX_CUE_CHARS for cue in captions.cues)


@pytest.mark.parametrize("slug,lang", BOARDS)
def test_narration_and_slides_follow_the_caption_timings(slug, lang):
    _require_tool("ffmpeg")
    board = storyboards.load_all(ROOT)[slug][lang]
    mp4 = board.outputs(ROOT)["mp4"]
    cues = webvtt.loads(board.outputs(ROOT)["vtt"].read_text(encoding="utf-8")).cues
    ui = site_data.ui_strings(lang, LANGUAGES[0])
    slide_of_cue = [i for i, slide in enumerate(board.slides(ui["video.step"])) for _ in slide.cue_texts()]
    assert len(slide_of_cue) == len(cues)
    if board.narration:
        assert max_volume(mp4, 0, cues[0].start - 0.05) < -60  # silence before the first caption
        for cue in cues[:: max(1, len(cues) // 4)]:
            assert max_volume(mp4, cue.start, cue.end - cue.start) > -30, cue.text  # speech during it
        gaps = [(a.end + 0.05, b.start - 0.05) for a, b in zip(cues, cues[1:]) if b.start - a.end > 0.6]
        for start, end in gaps[:3]:
            assert max_volume(mp4, start, end - start) < -60  # silence between captions
    # Two captions of one slide show the same picture; the next slide shows another.
    same = next(i for i in range(len(cues) - 1) if slide_of_cue[i] == slide_of_cue[i + 1])
    middle = lambda cue: (cue.start + cue.end) / 2  # noqa: E731
    other = next(i for i in range(same, len(cues)) if slide_of_cue[i] != slide_of_cue[same])
    a, b = gray_frame(mp4, middle(cues[same])), gray_frame(mp4, middle(cues[same + 1]))
    c = gray_frame(mp4, middle(cues[other]))
    assert frame_difference(a, b) < 1.0
    assert frame_difference(a, c) > 5.0


def test_posters_are_small_640x360_pngs():
    from PIL import Image

    for slug, lang in BOARDS:
        poster = storyboards.load_all(ROOT)[slug][lang].outputs(ROOT)["poster"]
        with Image.open(poster) as image:
            assert (image.format, image.size) == ("PNG", (640, 360))
        assert poster.stat().st_size < 20 * 1024


def test_cues_split_at_sentences_and_rejoin_to_the_text():
    text = ("Hubungi SAPA 129 dari Kementerian Pemberdayaan Perempuan dan Perlindungan Anak, lalu "
            "ceritakan apa yang terjadi kepada petugasnya dengan tenang. Layanan ini buka 24 jam.")
    cues = storyboards.split_cues(text)
    assert " ".join(cues) == text
    assert cues[-1] == "Layanan ini buka 24 jam."
    assert len(cues) >= 3 and all(len(c) <= storyboards.MAX_CUE_CHARS for c in cues)


# --- the command a volunteer runs ---------------------------------------------------------------------


def _make(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(project / "scripts" / "video_maker.py"), "build", "--root",
                           str(project), *args], capture_output=True, text=True)


@pytest.mark.parametrize("narration", [False, True])
def test_maker_turns_a_storyboard_into_a_captioned_video(tmp_path, narration):
    for tool in ("ffmpeg", "espeak-ng"):
        _require_tool(tool)
    project = copy_project(tmp_path / "project")
    folder = project / "data" / "videos" / "uji-coba"
    folder.mkdir()
    (folder / "id.yml").write_text(
        "title: Uji coba 🎬 video\npage: prosedur/m-paspor.md\n"
        f"narration: {'true' if narration else 'false'}\n"
        "steps:\n  - Langkah pertama.\n  - Langkah kedua, dengan kalimat yang sedikit lebih panjang.\n",
        encoding="utf-8")
    result = _make(project, "--only", "uji-coba")
    assert result.returncode == 0, result.stderr
    assert "uji-coba.mp4" in result.stdout
    mp4 = project / "docs" / "id" / "video" / "uji-coba.mp4"
    captions = webvtt.loads((mp4.parent / "uji-coba.id.vtt").read_text(encoding="utf-8"))
    assert [c.text for c in captions.cues] == ["Uji coba 🎬 video", "Langkah pertama.",
                                               "Langkah kedua, dengan kalimat yang sedikit lebih panjang."]
    info = ffprobe(mp4)
    assert {s["codec_type"] for s in info["streams"]} == ({"video", "audio"} if narration else {"video"})
    assert float(info["format"]["duration"]) >= captions.cues[-1].end
    if not narration:  # without a voice a caption stays as long as a slow reader needs
        assert captions.cues[1].end - captions.cues[1].start == pytest.approx(2.5)
    # Only the asked-for video was made: the others are untouched.
    assert (project / "docs" / "id" / "video" / "m-paspor.mp4").read_bytes() == \
        (ROOT / "docs" / "id" / "video" / "m-paspor.mp4").read_bytes()


def test_maker_explains_a_broken_storyboard(tmp_path):
    project = copy_project(tmp_path / "project")
    folder = project / "data" / "videos" / "rusak"
    folder.mkdir()
    (folder / "id.yml").write_text("title: [tidak ditutup\n", encoding="utf-8")
    result = _make(project, "--only", "rusak")
    assert result.returncode == 1
    assert "data/videos/rusak/id.yml: storyboard rusak" in result.stderr


# --- the WebVTT reader is strict ----------------------------------------------------------------------

GOOD = "WEBVTT\n\nNOTE storyboard abc\n\n1\n00:00:00.500 --> 00:00:02.000\nHalo &amp; selamat\n"


def test_vtt_reader_accepts_our_files_and_round_trips():
    captions = webvtt.loads(GOOD)
    assert captions.notes == ["storyboard abc"]
    assert captions.cues == [webvtt.Cue(0.5, 2.0, "Halo & selamat")]
    assert webvtt.loads(webvtt.dumps(captions.cues, captions.notes)) == captions


@pytest.mark.parametrize("text,line", [
    ("WEBVT\n\n00:00.000 --> 00:01.000\nx\n", 1),
    ("WEBVTT\n00:00.000 --> 00:01.000\nx\n", 2),
    ("WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nx\n", 3),
    ("WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nx\n", 3),
    ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n", 4),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<b>x</b>\n", 4),
    ("WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nx\n\n00:00:01.000 --> 00:00:02.000\ny\n", 6),
    ("WEBVTT\n\nno timing here\nx\n", 3),
])
def test_vtt_reader_refuses_broken_files_with_the_line(text, line):
    with pytest.raises(webvtt.VttError) as caught:
        webvtt.loads(text)
    assert caught.value.line == line
