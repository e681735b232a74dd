"""Videos on the real site: the built HTML of every page with a video, the video page, and the players
in a real browser (Debian's Chromium): nothing heavy before play, captions that Chromium reads as the
file says, the video plays, and print shows the title and address instead of a player."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import HTML_LANG, LANGUAGES, ROOT, Tags, lang_prefix, page_urls, print_ready, run_axe

from sitegen.video import (
    storyboards,  # noqa: E402
    webvtt,  # noqa: E402
)

EMBEDDING_PAGES = {"m-paspor": "prosedur/m-paspor/", "tanda-perdagangan-orang": "jalur-migrasi/tanda-perdagangan-orang/"}
BOARDS = storyboards.load_all(ROOT)


def all_html(site) -> dict[str, str]:
    return {p.relative_to(site.dir).as_posix(): p.read_text(encoding="utf-8") for p in site.dir.rglob("*.html")}


def test_no_embed_is_left_unrendered_and_no_iframe_is_written(site):
    for rel, html in all_html(site).items():
        assert 'alt="type:video"' not in html, rel
        assert "<iframe" not in html, rel


def test_player_assets_load_only_where_there_is_a_video(site):
    for rel, html in all_html(site).items():
        has_video = 'class="site-video"' in html
        assert ("assets/stylesheets/video.css" in html) == has_video, rel
        assert "assets/javascripts/video.js" not in html, rel  # the real site has no YouTube video


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", sorted(EMBEDDING_PAGES))
def test_page_video_has_poster_captions_and_a_transcript_link(site, lang, slug):
    rel = lang_prefix(lang) + EMBEDDING_PAGES[slug]
    tags = Tags(site.html(rel))
    videos = tags.find("video")
    assert len(videos) == 1
    video = videos[0]
    assert video["preload"] == "none" and "controls" in video
    page_url = urljoin("http://x/", rel)
    built = lambda href: site.dir / urlsplit(urljoin(page_url, href)).path.lstrip("/")  # noqa: E731
    assert built(video["poster"]).is_file()
    sources = tags.find("source")
    assert [s["type"] for s in sources] == ["video/mp4"] and built(sources[0]["src"]).is_file()
    tracks = tags.find("track")
    assert [(t["kind"], t["srclang"], "default" in t) for t in tracks] == [("captions", HTML_LANG[lang], True)]
    assert tracks[0]["label"]
    webvtt.loads(built(tracks[0]["src"]).read_text(encoding="utf-8"))
    # The transcript link leads to the video page of the same language, to an element that exists.
    transcript = [a["href"] for a in tags.find("a") if "#transkrip-" in a.get("href", "")]
    assert len(transcript) == 1
    target = urljoin(page_url, transcript[0])
    assert urlsplit(target).path == "/" + lang_prefix(lang) + "video/"
    target_html = site.html(lang_prefix(lang) + "video/")
    assert f'id="{urlsplit(target).fragment}"' in target_html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_video_page_lists_every_video_with_its_storyboard_transcript(site, lang):
    html = site.html(lang_prefix(lang) + "video/")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    for slug, versions in BOARDS.items():
        board = versions[lang]
        assert f'id="{slug}"' in html and f'id="{storyboards.transcript_anchor(slug)}"' in html
        assert html.count(f'src="{slug}.mp4"') == 1
        section = html[html.index(f'id="{storyboards.transcript_anchor(slug)}"'):]
        items = re.findall(r"<li>(.*?)</li>", section[: section.index("</ol>")], re.S)
        assert [re.sub(r"<[^>]+>", "", i) for i in items] == board.steps  # abbr tooltips aside
        assert board.intro in text and board.closing in text
    assert "video/" in "".join(page_urls(site.dir))


# --- in Chromium ---------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_video_waits_for_play_then_plays_with_captions(site, traffic, lang):
    t = traffic(site.base_url + lang_prefix(lang) + EMBEDDING_PAGES["m-paspor"])
    assert t.offsite == []
    assert not [u for u in t.requests if u.endswith(".mp4")], "the video downloaded before play"
    # Chromium's own WebVTT parser reads the same cues as ours.
    vtt = ROOT / "docs" / lang / "video" / f"m-paspor.{lang}.vtt"
    expected = [(round(c.start, 3), round(c.end, 3), c.text) for c in webvtt.loads(vtt.read_text("utf-8")).cues]
    t.page.wait_for_function("() => document.querySelector('video').textTracks[0].cues?.length > 0")
    track = t.page.evaluate("""() => { const tr = document.querySelector('video').textTracks[0];
        return {mode: tr.mode, lang: tr.language, cues: [...tr.cues].map(c => [c.startTime, c.endTime, c.text])}; }""")
    assert track["mode"] == "showing" and track["lang"] == HTML_LANG[lang]
    assert [(round(s, 3), round(e, 3), x) for s, e, x in track["cues"]] == expected
    before = t.bytes()
    t.page.evaluate("async () => { const v = document.querySelector('video'); v.muted = true; await v.play(); }")
    t.page.wait_for_function("() => document.querySelector('video').currentTime > 0.5")
    state = t.page.evaluate("(() => { const v = document.querySelector('video'); "
                            "return [v.videoWidth, v.videoHeight, Math.round(v.duration)]; })()")
    assert state[:2] == [640, 360] and state[2] > 10
    assert [u for u in t.requests if u.endswith("/m-paspor.mp4")]
    assert t.bytes() > before and t.offsite == [] and t.errors == []


@pytest.mark.browser
def test_video_costs_little_before_play(site, traffic):
    t = traffic(site.base_url + EMBEDDING_PAGES["m-paspor"])
    video_assets = t.bytes("video.css") + t.bytes("/video/m-paspor.")
    assert t.bytes("/video/m-paspor.mp4") == 0
    assert 0 < video_assets < 15 * 1024, video_assets  # stylesheet, poster and captions only


@pytest.mark.browser
def test_print_shows_title_and_address_instead_of_the_player(site, traffic):
    t = traffic(site.base_url + "en/" + EMBEDDING_PAGES["tanda-perdagangan-orang"])
    print_ready(t.page)
    t.page.emulate_media(media="print")
    assert not t.page.locator("video").is_visible()
    assert t.page.locator(".site-video__title").is_visible()
    printed = t.page.locator(".site-video__print")
    assert printed.is_visible()
    assert re.search(r"Watch the video at \S*en/video/#transkrip-tanda-perdagangan-orang", printed.inner_text())
    t.page.emulate_media(media="screen")
    assert t.page.locator("video").is_visible() and not printed.is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_video_page_has_no_axe_violations(site, traffic, lang):
    t = traffic(site.base_url + lang_prefix(lang) + "video/")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in run_axe(t.page)] == []
