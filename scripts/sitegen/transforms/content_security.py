"""The Content Security Policy of every page, and the one inline script it allows.

GitHub Pages sets no response headers, so the policy travels in a `<meta http-equiv>` tag at the top
of every page (overrides/main.html). It is the second wall behind the sanitizer: even HTML that got
past it could not run a script, load another site or change where links resolve. Scripts come only
from this site (plus the two inline lines below, allowed by their hashes: as files they would cost 3G
readers a request before the first paint); Pagefind's search needs WebAssembly; YouTube
players are frames from youtube-nocookie.com, inserted only after a tap (assets/javascripts/video.js).
Directives a meta tag cannot carry (frame-ancestors, report-uri, sandbox) are left out: browsers
would ignore them and say so in the console.
"""

from __future__ import annotations

import base64
import hashlib

# Shows what needs scripts (search) as soon as the page starts; Material's bundle, which would do
# it, is not loaded. Printed verbatim by overrides/main.html: its hash is in the policy.
JS_CLASS_SCRIPT = 'document.documentElement.classList.replace("no-js","js")'
# After the first paint, puts into <head> what the page needs only later: site.js, the print
# stylesheet and the web app manifest (overrides/main.html holds them in an inert <template>). Fetched
# before the first paint, on 3G each of them delayed it (Lighthouse: about +0.3 s each). The browser
# says when it has painted (a "paint" performance entry); where it cannot, 3 s after the load event.
AFTER_PAINT_SCRIPT = ('(function(){var done=0,go=function(){if(done++)return;'
                      'var t=document.getElementById("site-after-paint");'
                      't&&document.head.append(t.content.cloneNode(!0))};'
                      'try{new PerformanceObserver(function(){setTimeout(go)}).observe({type:"paint",buffered:!0})}'
                      'catch(e){}'
                      'addEventListener("load",function(){setTimeout(go,3e3)})})()')
INLINE_SCRIPTS = (JS_CLASS_SCRIPT, AFTER_PAINT_SCRIPT)
YOUTUBE_FRAMES = "https://www.youtube-nocookie.com"

DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'none'",),
    # 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly; it allows no eval of JavaScript.
    "script-src": ("'self'", "'wasm-unsafe-eval'"),  # + the hashes of INLINE_SCRIPTS
    "style-src": ("'self'",),
    # data: for the icons Material's stylesheet draws as inline SVG (mask-image).
    "img-src": ("'self'", "data:"),
    "media-src": ("'self'",),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),  # Pagefind's index, the service worker's cache
    "worker-src": ("'self'",),  # sw.js
    "manifest-src": ("'self'",),
    "frame-src": (YOUTUBE_FRAMES,),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}


def script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(serving: bool = False) -> str:
    """The policy of a built page. Under `mkdocs serve` (the volunteer's own preview on 127.0.0.1, never
    deployed), inline scripts run too: MkDocs adds its live-reload script inline with a new number on
    every request, so no hash can allow it, and without it the page would not reload after an edit.
    Browsers ignore 'unsafe-inline' next to a hash, so under serve the hash is left out."""
    directives = dict(DIRECTIVES)
    inline = ("'unsafe-inline'",) if serving else tuple(script_hash(s) for s in INLINE_SCRIPTS)
    directives["script-src"] = directives["script-src"] + inline
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def template_context(serving: bool = False) -> dict[str, str]:
    """What overrides/main.html prints in every page's head."""
    return {"site_csp": policy(serving), "site_js_class_script": JS_CLASS_SCRIPT,
            "site_after_paint_script": AFTER_PAINT_SCRIPT}
