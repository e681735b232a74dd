"""Videos on inputs the real site does not have: YouTube embeds (a fake id, never a real one), emoji
everywhere, a video with captions in two languages, empty pages and a refused host. These are the
inputs that crash mkdocs-video or would leak readers to a third party."""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import (LANGUAGES, SUB_PATH, BuiltSite, _QuietHandler, copy_project, free_port, lang_prefix, print_ready,
                      run_axe)

FAKE_ID = "xxxxxxxxxxx"  # obviously not a real video: never invent a real id
EMOJI_TITLE = "🎬 Video uji 👨‍👩‍👧 🇮🇩"
PLAY_LABEL = {"id": "Putar video: ", "lpg": "Putar video: ", "en": "Play video: "}


def front(title: str, lang: str) -> str:
    status = "" if lang == LANGUAGES[0] else "translation_status: draft\n"
    return (f"---\ntitle: \"{title}\"\ndescription: Halaman uji video.\nreviewed: 2026-11-28\n{status}"
            "---\n\n")


YOUTUBE_PAGE = f"""Halaman uji dengan video YouTube. 🙂

![type:video](https://www.youtube.com/watch?v={FAKE_ID} "{EMOJI_TITLE}"){{ transcript="#transkrip" }}

![type:video](https://youtu.be/{FAKE_ID}?t=90 "Video kedua"){{ transcript="../video/index.md#transkrip-m-paspor" }}

![type:video](../video/dua-bahasa.mp4 "Dua bahasa"){{ transcript="#transkrip" }}

## Transkrip {{#transkrip}}

Isi transkrip. 🎉
"""

EMOJI_PAGE = f"""🎉🎬 Teks dengan emoji di mana-mana: 👨‍👩‍👧‍👦 🏳️‍🌈 🇮🇩 ✅ ❤️‍🔥 𝕏 and a lone \U0001F9D1\U0001F3FD.

## Judul 🚀 dengan emoji {{#judul}}

| Kolom 🙂 | Isi 🧪 |
|---|---|
| 😀 | ![type:video](https://youtu.be/{FAKE_ID} "Di tabel 😀"){{ transcript="#judul" }} |

![type:video](https://youtu.be/{FAKE_ID} "{EMOJI_TITLE} 🧑🏽‍🚀"){{ transcript="#judul" }}
"""


BROKEN = ("nol", "kosong", "hanya-video", "lain")  # pages that are wrong on purpose, in Indonesian only


def _build_not_strict(project: Path, serve_root: Path, request) -> BuiltSite:
    """Like conftest's build, but not strict: the content checks report the broken pages as warnings
    and the build must still finish (mkdocs-video crashed here)."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}/{SUB_PATH}/"
    env = {**os.environ, "SITE_URL": base_url, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d",
                             str(serve_root / SUB_PATH)], capture_output=True, text=True, env=env, cwd=project)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                             functools.partial(_QuietHandler, directory=str(serve_root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    request.addfinalizer(server.shutdown)
    return BuiltSite(serve_root, result, base_url)


@pytest.fixture(scope="module")
def video_site(tmp_path_factory, request):
    project = copy_project(tmp_path_factory.mktemp("video-project"))
    for lang in LANGUAGES:
        folder = project / "docs" / lang / "uji"
        folder.mkdir()
        (folder / "youtube.md").write_text(front("Uji YouTube 🎬", lang) + YOUTUBE_PAGE, encoding="utf-8")
        (folder / "emoji.md").write_text(front("Emoji 🎉 uji", lang) + EMOJI_PAGE, encoding="utf-8")
        video = project / "docs" / lang / "video"
        (video / "dua-bahasa.mp4").write_bytes((video / "m-paspor.mp4").read_bytes())
        for caption_lang in ("id", "en"):  # captions in two languages next to one video
            source = project / "docs" / caption_lang / "video" / f"m-paspor.{caption_lang}.vtt"
            (video / f"dua-bahasa.{caption_lang}.vtt").write_bytes(source.read_bytes())
    folder = project / "docs" / LANGUAGES[0] / "uji"
    (folder / "nol.md").write_bytes(b"")  # a zero-byte file
    (folder / "kosong.md").write_text(front("Kosong", "id"), encoding="utf-8")  # front matter only
    (folder / "hanya-video.md").write_text(front("Hanya video", "id") + f"![type:video](https://youtu.be/{FAKE_ID})\n",
                                           encoding="utf-8")
    (folder / "lain.md").write_text(front("Lain", "id") + "![type:video](https://vimeo.com/76979871 \"Vimeo\")\n",
                                    encoding="utf-8")
    built = _build_not_strict(project, tmp_path_factory.mktemp("video-served"), request)
    assert built.result.returncode == 0, built.result.stdout + built.result.stderr
    return built


def test_broken_pages_are_reported_and_do_not_crash_the_build(video_site):
    stderr = video_site.result.stderr
    assert "Traceback" not in stderr
    assert "[video/host]" in stderr and "[file/empty]" in stderr and "[video/transcript]" in stderr
    for name in BROKEN[:3]:
        assert (video_site.dir / "uji" / name / "index.html").is_file(), name
    refused = video_site.html("uji/lain/")
    assert "site-video--refused" in refused and 'src="https://vimeo' not in refused and "<iframe" not in refused
    assert 'data-video="youtube"' in video_site.html("uji/hanya-video/")


def test_emoji_and_youtube_pages_would_pass_a_strict_build(video_site):
    # Every warning is about a page broken on purpose; none about the emoji or YouTube pages.
    warnings = re.findall(r"^WARNING.*$", video_site.result.stderr, re.M)
    assert warnings and all(any(f"uji/{name}" in w for name in BROKEN) for w in warnings), warnings
    for lang in LANGUAGES:
        html = video_site.html(lang_prefix(lang) + "uji/emoji/")
        assert html.count('data-video="youtube"') == 2
        assert "🧑🏽‍🚀" in html and "👨‍👩‍👧" in html
        assert 'alt="type:video"' not in html and "<iframe" not in html


def test_youtube_facade_html_is_a_link_with_a_local_poster(video_site):
    html = video_site.html("uji/youtube/")
    links = re.findall(r'<a class="site-video__facade" href="([^"]+)"', html)
    assert links == [f"https://www.youtube.com/watch?v={FAKE_ID}", f"https://www.youtube.com/watch?v={FAKE_ID}&amp;t=90s"]
    posters = re.findall(r'<img class="site-video__poster" src="([^"]+)"', html)
    assert posters and all(not urlsplit(p).scheme for p in posters)
    assert (video_site.dir / "assets" / "images" / "video-poster.svg").is_file()
    body = html[html.index("<body"):]  # the head's Content Security Policy names the one allowed frame host
    assert "ytimg" not in html and "youtube-nocookie" not in body.replace("(youtube-nocookie.com)", "")
    assert html.count("assets/javascripts/video.js") == 1 and html.count("assets/stylesheets/video.css") == 1


# --- in Chromium ---------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_from_youtube_before_the_tap_then_nocookie_player(video_site, traffic, lang):
    t = traffic(video_site.base_url + lang_prefix(lang) + "uji/youtube/")
    assert t.offsite == [] and [u for u in t.requests if urlsplit(u).hostname != "127.0.0.1"] == []
    buttons = t.page.get_by_role("button", name=PLAY_LABEL[lang] + EMOJI_TITLE)
    assert buttons.count() == 1
    assert t.page.locator("a.site-video__facade").count() == 0  # every link became a button
    assert t.page.locator("iframe").count() == 0
    buttons.click()
    frame = t.page.locator("figure.site-video iframe")
    frame.wait_for()
    src = urlsplit(frame.get_attribute("src"))
    assert (src.scheme, src.hostname, src.path) == ("https", "www.youtube-nocookie.com", f"/embed/{FAKE_ID}")
    assert parse_qs(src.query)["autoplay"] == ["1"]
    assert frame.get_attribute("title") == EMOJI_TITLE
    t.page.wait_for_load_state("networkidle")
    assert t.offsite and {urlsplit(u).hostname for u in t.offsite} == {"www.youtube-nocookie.com"}
    assert t.page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert t.errors == [] and t.violations() == []  # frame-src allows youtube-nocookie, and only it


@pytest.mark.browser
def test_keyboard_plays_the_second_video_at_its_start_time(video_site, traffic):
    t = traffic(video_site.base_url + "en/uji/youtube/")
    button = t.page.get_by_role("button", name="Play video: Video kedua")
    button.focus()
    t.page.keyboard.press("Enter")
    src = urlsplit(t.page.locator("iframe").get_attribute("src"))
    assert parse_qs(src.query)["start"] == ["90"]


@pytest.mark.browser
def test_without_javascript_the_facade_is_a_plain_link(video_site, traffic):
    t = traffic(video_site.base_url + "uji/youtube/", javascript=False)
    link = t.page.locator("a.site-video__facade").first
    assert link.get_attribute("href") == f"https://www.youtube.com/watch?v={FAKE_ID}"
    assert link.is_visible() and t.page.locator("button.site-video__facade").count() == 0
    assert t.offsite == []


@pytest.mark.browser
def test_print_shows_youtube_title_and_address(video_site, traffic):
    t = traffic(video_site.base_url + "uji/youtube/")
    print_ready(t.page)
    t.page.emulate_media(media="print")
    assert not t.page.locator("button.site-video__facade").first.is_visible()
    first = t.page.locator("figure.site-video").first
    assert first.locator(".site-video__title").inner_text() == EMOJI_TITLE
    assert first.locator(".site-video__print").inner_text().endswith(f"youtu.be/{FAKE_ID}")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_language_caption_track_is_on(video_site, traffic, lang):
    t = traffic(video_site.base_url + lang_prefix(lang) + "uji/youtube/")
    tracks = t.page.evaluate("[...document.querySelector('video').textTracks].map(x => [x.language, x.mode])")
    assert sorted(tracks) == sorted([["id", "showing" if lang == "id" else "disabled"],
                                     ["en", "showing" if lang == "en" else "disabled"]])


@pytest.mark.browser
def test_facade_costs_a_few_kilobytes_before_the_tap(video_site, traffic):
    t = traffic(video_site.base_url + "uji/youtube/")
    facade = t.bytes("video.js") + t.bytes("video.css") + t.bytes("video-poster.svg")
    assert 0 < facade < 8 * 1024, facade


@pytest.mark.browser
def test_youtube_page_has_no_axe_violations(video_site, traffic):
    t = traffic(video_site.base_url + "uji/youtube/")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in run_axe(t.page)] == []
