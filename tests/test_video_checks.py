"""The video content rule on broken input: each mistake a volunteer can make is reported with its
file, line and rule id, in plain Indonesian."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT, copy_project

from sitegen.checks import runner  # noqa: E402
from sitegen.models.content import ERROR, WARNING  # noqa: E402

PAGE = "prosedur/uji-video.md"
FRONT = "---\ntitle: Uji video\ndescription: Halaman uji.\nreviewed: 2026-11-28\n---\n\n"


def video_problems(project: Path):
    return [p for p in runner.run(project, LANGUAGES) if p.rule.startswith("video/")]


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def write_page(project: Path, body: str) -> str:
    (project / "docs" / "id" / PAGE).write_text(FRONT + body, encoding="utf-8")
    return f"docs/id/{PAGE}"


def body_line(body: str, needle: str) -> int:
    """Line number in the page file of the first body line containing `needle`."""
    return FRONT.count("\n") + 1 + body.split("\n").index(next(l for l in body.split("\n") if needle in l))


def test_the_real_site_has_no_video_problems():
    assert [str(p) for p in video_problems(ROOT)] == []


def test_a_host_that_is_not_allowed(project):
    body = "Teks.\n\n![type:video](https://vimeo.com/123456 \"Video lain\")\n"
    path = write_page(project, body)
    found = video_problems(project)
    assert [(p.path, p.line, p.rule, p.severity) for p in found] == [
        (path, body_line(body, "vimeo"), "video/host", ERROR)]
    assert "vimeo.com" in found[0].message and "tidak diizinkan" in found[0].message


def test_a_made_up_youtube_id(project):
    write_page(project, "![type:video](https://www.youtube.com/watch?v=abc \"Judul\")\n")
    found = video_problems(project)
    assert [p.rule for p in found] == ["video/host"]
    assert "jangan mengarang kode video" in found[0].message


def test_youtube_needs_a_title_and_a_transcript(project):
    body = "![type:video](https://youtu.be/xxxxxxxxxxx)\n"
    write_page(project, body)
    assert sorted(p.rule for p in video_problems(project)) == ["video/title", "video/transcript"]


def test_youtube_with_title_and_transcript_passes(project):
    write_page(project, "![type:video](https://youtu.be/xxxxxxxxxxx \"Judul 🎬\"){ transcript=\"#transkrip\" }\n\n"
                        "## Transkrip {#transkrip}\n\nIsi transkrip.\n")
    assert video_problems(project) == []


def test_a_transcript_that_points_nowhere(project):
    body = ("![type:video](https://youtu.be/xxxxxxxxxxx \"Judul\"){ transcript=\"#tidak-ada\" }\n\n"
            "![type:video](https://youtu.be/xxxxxxxxxxx \"Judul\"){ transcript=\"../hilang.md\" }\n")
    write_page(project, body)
    found = video_problems(project)
    assert [(p.rule, p.line) for p in found] == [("video/transcript", body_line(body, "tidak-ada")),
                                                 ("video/transcript", body_line(body, "hilang"))]


def test_a_missing_video_file(project):
    write_page(project, "![type:video](../video/tidak-ada.mp4)\n")
    assert [p.rule for p in video_problems(project)] == ["video/file"]


def test_a_video_without_captions(project):
    video = project / "docs" / "id" / "video"
    (video / "sendiri.mp4").write_bytes((video / "m-paspor.mp4").read_bytes())
    write_page(project, "![type:video](../video/sendiri.mp4 \"Video sendiri\"){ transcript=\"#t\" }\n\n## T {#t}\n")
    found = video_problems(project)
    assert [p.rule for p in found] == ["video/captions"]
    assert "sendiri.id.vtt" in found[0].message


def test_broken_captions_are_reported_at_their_line(project):
    vtt = project / "docs" / "id" / "video" / "m-paspor.id.vtt"
    lines = vtt.read_text(encoding="utf-8").split("\n")
    index = next(i for i, l in enumerate(lines) if "-->" in l)
    lines[index] = lines[index].replace(".", ",", 1)  # SRT-style comma: not WebVTT
    vtt.write_text("\n".join(lines), encoding="utf-8")
    found = [p for p in video_problems(project) if p.path.endswith(".vtt")]
    assert {(p.path, p.line, p.rule) for p in found} == {("docs/id/video/m-paspor.id.vtt", index + 1, "video/captions")}


def test_an_edited_storyboard_without_a_new_video_is_stale(project):
    board = project / "data" / "videos" / "m-paspor" / "en.yml"
    board.write_text(board.read_text(encoding="utf-8").replace("Collect your passport", "Pick up your passport"),
                     encoding="utf-8")
    found = video_problems(project)
    assert [(p.path, p.rule, p.severity) for p in found] == [("data/videos/m-paspor/en.yml", "video/stale", ERROR)]
    assert "video_maker.py build --only m-paspor --lang en" in found[0].message


def test_a_broken_storyboard_is_reported_with_its_line(project):
    board = project / "data" / "videos" / "m-paspor" / "lpg.yml"
    text = board.read_text(encoding="utf-8").replace("narration: true", "narration: iya")
    text = text.replace("  - Buat akun jama data dirimu.", "  - Buat <b>akun</b> jama data dirimu.")
    board.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    found = video_problems(project)
    assert sorted((p.line, p.rule) for p in found) == [
        (lines.index("narration: iya") + 1, "video/storyboard"),
        (next(i for i, l in enumerate(lines) if "<b>" in l) + 1, "video/storyboard")]


def test_a_storyboard_missing_a_language_is_a_warning(project):
    folder = project / "data" / "videos" / "baru"
    folder.mkdir()
    (folder / "id.yml").write_text("title: Baru\npage: prosedur/m-paspor.md\nsteps:\n  - Satu.\n", encoding="utf-8")
    found = video_problems(project)
    assert ("data/videos/baru/id.yml", "video/stale", ERROR) in [(p.path, p.rule, p.severity) for p in found]
    missing = [p for p in found if p.rule == "video/storyboard-language"]
    assert {p.severity for p in missing} == {WARNING} and len(missing) == len(LANGUAGES) - 1


def test_embeds_inside_code_are_not_videos(project):
    write_page(project, "```\n![type:video](https://vimeo.com/1)\n```\n\nTeks `![type:video](https://vimeo.com/1)`.\n")
    assert video_problems(project) == []
