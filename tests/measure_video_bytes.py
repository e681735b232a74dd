"""Bytes a page with a video costs before and after the tap, measured in Chromium (DevTools
encodedDataLength: headers and bodies as sent; the local server does not gzip).

    NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict -d /tmp/site
    .venv/bin/python tests/measure_video_bytes.py /tmp/site prosedur/m-paspor/ prosedur/biaya-paspor/

A file video is played until it is fully buffered; a YouTube facade is tapped (the request to
youtube-nocookie.com is answered locally with an empty page, so YouTube's own cost is not measured).
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from video_browser import Traffic  # noqa: E402


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(root: str, pages: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for path in pages:
            t = Traffic(browser).goto(base + path)
            before = t.bytes()
            parts = {k: t.bytes(k) for k in ("video.css", "video.js", "video-poster.svg", "/video/")}
            if t.page.locator("button.site-video__facade").count():
                kind = "youtube"
                t.page.locator("button.site-video__facade").first.click()
                t.page.locator("iframe").wait_for()
            elif t.page.locator("video").count():
                kind = "file"
                t.page.evaluate("async () => { const v = document.querySelector('video'); v.muted = true; await v.play(); }")
                # A function, not an expression: the page's Content Security Policy refuses string evaluation.
                t.page.wait_for_function("() => { const v = document.querySelector('video'); return v.buffered.length"
                                         " && v.buffered.end(0) >= v.duration - 0.2; }", timeout=60000)
            else:
                print(f"{path}: no video; {before} B")
                t.close()
                continue
            t.page.wait_for_timeout(1500)
            after = t.bytes()
            print(f"{path} [{kind}]: before the tap {before} B (video parts {parts}); after {after} B "
                  f"(+{after - before} B); requests answered locally for third parties: {t.offsite}")
            t.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
