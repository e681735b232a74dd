"""A small static server that behaves like GitHub Pages where bytes are concerned.

- text responses (html, css, js, json, svg, xml, webmanifest, vtt, ...) are gzipped when the browser
  accepts it; binaries (images, woff2, wasm, pagefind's pre-compressed index files) are sent as
  stored;
- every file carries ETag and Last-Modified and `Cache-Control: max-age=600` (what GitHub Pages
  sends), so a second page view reuses the browser cache and revalidations answer 304;
- a missing path answers 404 with the site's own 404.html, as GitHub Pages does;
- a directory without its trailing slash is redirected, like GitHub Pages;
- byte ranges are answered (206), as video players expect.

It also counts what it sends (status lines, headers and bodies), per path and in total, so the
browser-side figures can be checked against what really left the server, service workers included.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import http.server
import mimetypes
import re
import sys
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

CACHE_CONTROL = "max-age=600"  # GitHub Pages
GZIP_LEVEL = 6
WRITE_CHUNK = 16 * 1024
TEXT_SUFFIXES = {".html", ".htm", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt",
                 ".webmanifest", ".vtt", ".map", ".md"}
EXTRA_TYPES = {".webmanifest": "application/manifest+json", ".vtt": "text/vtt",
               ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
               ".woff2": "font/woff2", ".pf_meta": "application/octet-stream",
               ".pf_index": "application/octet-stream", ".pf_fragment": "application/octet-stream",
               ".pagefind": "application/octet-stream"}


def _byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(first, last) byte of a single `Range: bytes=a-b` request, or None to send the whole file."""
    match = re.fullmatch(r"bytes=(\d*)-(\d*)", (header or "").strip())
    if not match or not any(match.groups()) or size == 0:
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        return max(0, size - int(last)), size - 1
    first = int(first)
    last = min(int(last), size - 1) if last else size - 1
    return (first, last) if first <= last else None


def content_type(path: Path) -> str:
    kind = EXTRA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/json", "application/manifest+json",
                                            "image/svg+xml", "application/xml"):
        kind += "; charset=utf-8"
    return kind


def is_text(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES


@dataclass
class Traffic:
    """What the server sent: bytes on the wire (headers + body) and responses by status."""

    bytes_sent: int = 0
    statuses: Counter = field(default_factory=Counter)
    not_found: list[str] = field(default_factory=list)
    responses: list[tuple[str, int, int]] = field(default_factory=list)  # (path, status, bytes)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def snapshot(self) -> tuple[int, int]:
        with self.lock:
            return self.bytes_sent, len(self.not_found)


class _CountingWriter:
    def __init__(self, raw, traffic: Traffic):
        self._raw, self._traffic = raw, traffic
        self.count = 0  # bytes written on this connection

    def write(self, data) -> int:
        written = self._raw.write(data)  # sendall: all or an exception (the browser went away)
        self.count += len(data)
        with self._traffic.lock:
            self._traffic.bytes_sent += len(data)
        return written

    def flush(self):
        return self._raw.flush()

    def __getattr__(self, name):
        return getattr(self._raw, name)


class PagesHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like any real host
    server_version = "bench"
    sys_version = ""
    site_dir: Path
    traffic: Traffic
    _gzip_cache: dict

    def setup(self):
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self.traffic)

    def handle_one_request(self):
        self._started_at = self.wfile.count
        super().handle_one_request()

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self._serve(send_body=False)

    def do_GET(self):
        self._serve(send_body=True)

    def _resolve(self, url_path: str) -> tuple[Path | None, str | None]:
        """The file for a URL path, or a redirect target for a directory without its slash."""
        rel = unquote(url_path).lstrip("/")
        target = (self.site_dir / rel).resolve()
        if self.site_dir != target and self.site_dir not in target.parents:
            return None, None
        if target.is_dir():
            if not url_path.endswith("/"):
                return None, url_path + "/"
            target = target / "index.html"
        return (target if target.is_file() else None), None

    def _serve(self, send_body: bool):
        url = urlsplit(self.path)
        path, redirect = self._resolve(url.path)
        if redirect:
            self.send_response(301)
            self.send_header("Location", redirect + (f"?{url.query}" if url.query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            self._count(301)
            return
        status = 200
        if path is None:
            status = 404
            with self.traffic.lock:
                self.traffic.not_found.append(url.path)
            path = self.site_dir / "404.html"
            if not path.is_file():
                self._send_plain(404, b"Not Found")
                return
        stat = path.stat()
        etag = '"%s"' % hashlib.sha1(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode()).hexdigest()[:16]
        last_modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        if status == 200 and self._not_modified(etag, stat.st_mtime):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            self._count(304)
            return
        body = path.read_bytes()
        gzipped = is_text(path) and "gzip" in self.headers.get("Accept-Encoding", "")
        content_range = None
        if gzipped:
            body = self._gzip(path, stat.st_mtime_ns, body)
        elif status == 200 and (wanted := _byte_range(self.headers.get("Range"), len(body))):
            # Video and audio players ask for ranges; GitHub Pages answers them.
            start, end = wanted
            content_range = f"bytes {start}-{end}/{len(body)}"
            body, status = body[start:end + 1], 206
        self.send_response(status)
        self.send_header("Content-Type", content_type(path))
        self.send_header("Content-Length", str(len(body)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        elif status in (200, 206):
            self.send_header("Accept-Ranges", "bytes")
        if content_range:
            self.send_header("Content-Range", content_range)
        if status in (200, 206):
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if send_body:
            # In chunks, so that a download the browser abandons (a video) stops being counted soon.
            for offset in range(0, len(body), WRITE_CHUNK):
                self.wfile.write(body[offset:offset + WRITE_CHUNK])
        self._count(status)

    def _not_modified(self, etag: str, mtime: float) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def _gzip(self, path: Path, mtime_ns: int, body: bytes) -> bytes:
        key = (path, mtime_ns)
        if key not in self._gzip_cache:
            self._gzip_cache[key] = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
        return self._gzip_cache[key]

    def _send_plain(self, status: int, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self._count(status)

    def _count(self, status: int):
        with self.traffic.lock:
            self.traffic.statuses[status] += 1
            self.traffic.responses.append((urlsplit(self.path).path, status,
                                           self.wfile.count - self._started_at))


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser closing a connection it no longer needs is normal, not an error to print.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class PagesServer:
    """Serves `site_dir` at http://127.0.0.1:PORT/ in a background thread (a context manager)."""

    def __init__(self, site_dir: Path, port: int = 0):
        self.site_dir = Path(site_dir).resolve()
        self.traffic = Traffic()
        handler = type("Handler", (PagesHandler,), {"site_dir": self.site_dir, "traffic": self.traffic,
                                                    "_gzip_cache": {}})
        self._server = _Server(("127.0.0.1", port), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> "PagesServer":
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
