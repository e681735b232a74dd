"""Browser helpers for the video tests: a phone-sized page whose every request and transferred byte is
recorded (Chrome DevTools Protocol), with third-party hosts answered locally by an empty 200 so that
nothing ever leaves the machine."""

from __future__ import annotations

from urllib.parse import urlsplit

from conftest import CSP_LISTENER, PHONE

LOCAL = "127.0.0.1"


class Traffic:
    """One page in its own browser context. `requests` lists every URL asked for, `offsite` the
    third-party ones (answered locally, never sent), `bytes()` what crossed the wire so far."""

    def __init__(self, browser, javascript: bool = True):
        self.context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                           java_script_enabled=javascript, service_workers="block")
        self.requests: list[str] = []
        self.offsite: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.context.add_init_script(CSP_LISTENER)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self._sizes: dict[str, int] = {}
        self._received: dict[str, int] = {}
        self._urls: dict[str, str] = {}
        cdp = self.context.new_cdp_session(self.page)
        cdp.on("Network.requestWillBeSent", lambda e: self._urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.dataReceived", lambda e: self._received.__setitem__(
            e["requestId"], self._received.get(e["requestId"], 0) + e["encodedDataLength"]))
        cdp.on("Network.loadingFinished", lambda e: self._sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.cdp = cdp

    def _route(self, route):
        if urlsplit(route.request.url).hostname != LOCAL:
            self.offsite.append(route.request.url)
            route.fulfill(status=200, body="", content_type="text/html")
        else:
            route.continue_()

    def goto(self, url: str):
        self.page.goto(url, wait_until="networkidle")
        return self

    def violations(self) -> list[str]:
        """Content Security Policy violations of the current document."""
        return self.page.evaluate("window.__violations || []")

    def bytes(self, matching: str = "") -> int:
        """Bytes transferred (headers and bodies, as sent) for URLs containing `matching`."""
        ids = set(self._sizes) | set(self._received)
        return sum(max(self._sizes.get(i, 0), self._received.get(i, 0)) for i in ids
                   if matching in self._urls.get(i, ""))

    def close(self):
        self.context.close()
