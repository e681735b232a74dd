"""Share cards: the picture and the Open Graph / Twitter tags a link preview shows (WhatsApp, Facebook,
Telegram, X) when someone shares a page.

Every page gets the tags (title, description, language, canonical address: overrides/main.html,
block `extrahead`); with a public address (scripts/sitegen/config/site_address.py) it also gets its image, a
1200x630 PNG drawn at build time with Pillow and the DejaVu font of fonts-dejavu-core, offline: the
page's title in its language, the site's name and address, the site's green. Readers never download
it (no <img>), only link previews do. Images are named by a hash of what is drawn and kept in
.cache/share-cards/, so a rebuild reuses them and the same commit gives the same bytes; the file name
changes when the card changes, so previews never show an old card.
"""

from __future__ import annotations

import hashlib
import io
import logging
from importlib.metadata import version
from pathlib import Path

from sitegen import ROOT, picture_text
from sitegen.config import build_mode, site_address
from sitegen.models import page_meta

# Runs under `mkdocs serve` too? (sitegen/hooks.py asks.) Yes: link-preview tags are part of every page's head.
RUNS_UNDER_SERVE = True

log = logging.getLogger("mkdocs.hooks.share_cards")

CACHE = ROOT / ".cache" / "share-cards"
CACHE_KEEP = 2000  # a few full builds (about 300 pages)
# In the built site, outside assets/: no page uses a card (only link previews fetch them), so the
# clean-up of unused theme files (page_assets.py) and the offline copies leave this folder alone / out.
OUTPUT_DIR = "share-cards"
SIZE = (1200, 630)  # what Facebook and WhatsApp show large; Twitter's summary_large_image ratio
MAX_BYTES = 60 * 1024
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # fonts-dejavu-core, installed by scripts/dev.sh
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
BACKGROUND = (20, 83, 45)  # --md-primary-fg-color of site.css
ACCENT = (250, 204, 21)
TEXT = (255, 255, 255)
MUTED = (187, 247, 208)
MARGIN = 72
TITLE_SIZES = (84, 76, 68, 60, 54, 48)  # the largest that fits wins
TITLE_BOX = (170, 520)  # top and bottom of the title's area
PALETTE_COLOURS = 16  # anti-aliased text on one colour needs few; keeps a card near 20 KB


class FontMissing(RuntimeError):
    pass


def _fonts() -> tuple[Path, Path]:
    for font in (FONT_BOLD, FONT_REGULAR):
        if not font.is_file():
            raise FontMissing(f"Huruf {font} tidak ada: pasang paket Debian fonts-dejavu-core "
                              "(`bash scripts/dev.sh` memasangnya) untuk membuat gambar berbagi.")
    return FONT_BOLD, FONT_REGULAR


def _font(path: Path, size: int):
    from PIL import ImageFont

    # BASIC layout (Pillow's own FreeType, no system libraqm): the same pixels on every machine.
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _fit_title(draw, title: str, bold: Path):
    """The largest title size whose lines fit the box; at the smallest size, cut with an ellipsis."""
    width = SIZE[0] - 2 * MARGIN
    height = TITLE_BOX[1] - TITLE_BOX[0]
    fitted = picture_text.fit(draw, title, lambda size: _font(bold, size), width, height, TITLE_SIZES, 1.2)
    if fitted:
        return fitted
    size = TITLE_SIZES[-1]
    font, line_height = _font(bold, size), round(size * 1.2)
    lines = picture_text.wrap(draw, title, font, width)[:max(1, height // line_height)]
    while lines[-1] and draw.textlength(lines[-1] + "…", font=font) > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = lines[-1].rstrip() + "…"
    return font, lines, line_height


def render(title: str, site_name: str, address: str) -> bytes:
    """The PNG of one card."""
    from PIL import Image, ImageDraw

    bold, regular = _fonts()
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.text((MARGIN, 64), site_name, font=_font(bold, 36), fill=MUTED)
    draw.rectangle((MARGIN, 128, MARGIN + 132, 138), fill=ACCENT)
    font, lines, line_height = _fit_title(draw, title, bold)
    for index, line in enumerate(lines):
        draw.text((MARGIN, TITLE_BOX[0] + index * line_height), line, font=font, fill=TEXT)
    if address:
        draw.text((MARGIN, SIZE[1] - 64 - 30), address, font=_font(regular, 30), fill=MUTED)
    paletted = image.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    paletted.save(out, format="PNG", optimize=True)
    return out.getvalue()


def card_key(title: str, site_name: str, address: str) -> str:
    """What a card's pixels depend on: this file (the drawing), Pillow's version, the fonts and the texts."""
    digest = hashlib.sha256()
    for part in (Path(__file__).read_bytes(), version("pillow").encode(), *(f.read_bytes() for f in _fonts()),
                 title.encode("utf-8"), site_name.encode("utf-8"), address.encode("utf-8")):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def card(title: str, site_name: str, address: str) -> tuple[str, bytes]:
    """(key, PNG) of a card, from the cache when it was drawn before."""
    key = card_key(title, site_name, address)
    cached = CACHE / f"{key}.png"
    if cached.is_file():
        return key, cached.read_bytes()
    png = render(title, site_name, address)
    if len(png) > MAX_BYTES:
        log.warning(f"Gambar berbagi untuk “{title}” {len(png) // 1024} KB, lebih dari {MAX_BYTES // 1024} KB.")
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(png)
        entries = sorted(CACHE.glob("*.png"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[CACHE_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:  # a read-only checkout still builds, only without the cache
        pass
    return key, png


def write_card(site_dir: str | Path, title: str, site_name: str, address: str) -> str:
    """Put a page's card into the built site; returns its site path (`share-cards/KEY.png`).
    Pages with the same title and site name share one file."""
    key, png = card(title, site_name, address)
    rel = f"{OUTPUT_DIR}/{key[:24]}.png"
    target = Path(site_dir) / rel
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)
    return rel


def _display_address(base: str) -> str:
    """`https://warga.github.io/info/` -> `warga.github.io/info`: what a reader would type."""
    return base.split("://", 1)[-1].rstrip("/")


def page_context(page, config, lang: str, file_lang: str, languages: list[str]) -> dict:
    """Template data for the share tags of one page (overrides/main.html): title, description, locale
    (of the text: a fallback page is Indonesian) and the other languages, and, with a public address,
    its canonical address (the one the WhatsApp share link sends, scripts/sitegen/pages/page_actions.py) and card."""
    locales = config.extra.get("og_locale", {})
    title = page_meta.plain(page.title) or config.site_name
    description = page_meta.plain(page.meta.get("description")) or config.site_description or ""
    locale = locales.get(file_lang, file_lang)
    share = {
        "title": title,
        "description": description,
        "site_name": config.site_name,
        "locale": locale,
        "locale_alternates": [locales.get(l, l) for l in languages if locales.get(l, l) != locale],
        "url": None,
        "image": None,
    }
    base = site_address.public_base(build_mode.public_url(config))
    if base:
        share["url"] = page.canonical_url
        rel = write_card(config.site_dir, title, config.site_name, _display_address(base))
        share["image"] = base + rel
        share["image_alt"] = f"{title} · {config.site_name}"
        share["image_width"], share["image_height"] = SIZE
    return share
