"""Images for cheap phones: each raster image in a page gets WebP copies 360 and 720 px wide,
made at build time with Pillow (no network), and the page asks for the smallest one that fits.
Images after the first one load lazily, since they are usually below the fold.

A phone photo is often stored sideways with an EXIF "orientation" tag that says how to turn it:
the copies are turned upright (and carry no EXIF), and width and height are the upright ones."""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from PIL import Image, ImageOps

from sitegen import ROOT

WIDTHS = (360, 720)
RASTER = (".png", ".jpg", ".jpeg", ".webp")
IMG_RE = re.compile(r"<img\b[^>]*>", re.I)
ATTR_RE = re.compile(r'\s([\w:-]+)="([^"]*)"')
CACHE = ROOT / ".cache" / "images"


# Part of the cache key: copies made before EXIF orientation was honoured must not be reused.
RECIPE = "upright-1"


def _upright_size(source: Path) -> tuple[int, int]:
    with Image.open(source) as img:
        width, height = img.size
        # Orientations 5-8 turn the picture by a quarter: width and height swap.
        return (height, width) if img.getexif().get(0x0112, 1) in (5, 6, 7, 8) else (width, height)


def _variant(source: Path, width: int) -> bytes:
    """A WebP copy at most `width` px wide, upright, cached by content so rebuilds cost nothing."""
    key = hashlib.sha256(RECIPE.encode() + source.read_bytes()).hexdigest()[:20]
    cached = CACHE / f"{key}-{width}.webp"
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        with Image.open(source) as original:
            img = ImageOps.exif_transpose(original)
            img = img.convert("RGBA" if img.mode in ("RGBA", "LA", "P") else "RGB")
            if img.width > width:
                img = img.resize((width, round(img.height * width / img.width)), Image.LANCZOS)
            img.save(cached, "WEBP", quality=72, method=6)
    return cached.read_bytes()


def responsive_images(html: str, page_url: str, files, site_dir: str) -> str:
    """Rewrite local raster <img> tags in a page's HTML; write their variants into the site."""
    seen = 0

    def rewrite(match: re.Match) -> str:
        nonlocal seen
        tag = match.group(0)
        attrs = dict(ATTR_RE.findall(tag))
        src = attrs.get("src", "")
        if re.match(r"^[a-z][a-z0-9+.-]*:|^/", src, re.I) or not src.lower().endswith(RASTER) or "srcset" in attrs:
            return tag
        site_path = posixpath.normpath(posixpath.join(page_url if page_url.endswith("/") else
                                                      posixpath.dirname(page_url), src))
        file = next((f for f in files if f.url == site_path), None)
        if file is None:
            return tag
        source = Path(file.abs_src_path)
        width, height = _upright_size(source)
        stem = posixpath.splitext(src)[0]
        srcset = []
        for w in WIDTHS:
            out = Path(site_dir) / (posixpath.splitext(site_path)[0] + f"-{w}.webp")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(_variant(source, w))
            srcset.append(f"{stem}-{w}.webp {min(w, width)}w")
        shown_w = min(width, WIDTHS[-1])
        extra = (f' srcset="{", ".join(srcset)}" sizes="(max-width: 760px) 100vw, 720px"'
                 f' width="{shown_w}" height="{round(height * shown_w / width)}" decoding="async"')
        seen += 1
        if seen > 1:
            extra += ' loading="lazy"'
        return tag[:-1].rstrip("/").rstrip() + extra + ">"

    return IMG_RE.sub(rewrite, html)
