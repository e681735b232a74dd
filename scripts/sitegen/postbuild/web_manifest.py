"""The site as an app on a phone's home screen: one web app manifest per language and its icons.

Each language gets `<lang folder>/manifest.webmanifest` (the default language's at the root) with the
site's name in that language, and start URL and scope on that language's home, so the installed app
opens in the reader's language. Every page links its language's manifest (overrides/main.html). The
icons are drawn here with Pillow at build time (no download, the same bytes on every build). The
service worker (overrides/sw.js) already serves saved pages when the network fails, so the installed
app opens offline on the pages a reader has opened.
"""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageDraw

# Runs under `mkdocs serve` too? (sitegen/hooks.py asks.) Yes: small, and the page heads link it.
RUNS_UNDER_SERVE = True

THEME_COLOUR = "#14532d"  # --md-primary-fg-color in overrides/assets/stylesheets/site.css
BACKGROUND = "#ffffff"
ICON_SIZES = (192, 512)
# Outside assets/, which the build prunes to what pages use: pages name only the 192 px icon, the
# manifest the 512 px one.
ICON_DIR = "app-icons"
NAME = "manifest.webmanifest"


def icon_path(size: int) -> str:
    return f"{ICON_DIR}/app-icon-{size}.png"


def draw_icon(size: int) -> Image.Image:
    """A passport on the site's green, inside the safe zone of a maskable icon (the middle 80%)."""
    image = Image.new("RGB", (size, size), THEME_COLOUR)
    draw = ImageDraw.Draw(image)
    u = size / 100
    draw.rounded_rectangle((31 * u, 24 * u, 69 * u, 76 * u), radius=4 * u, fill="white")
    draw.ellipse((39 * u, 33 * u, 61 * u, 55 * u), outline=THEME_COLOUR, width=max(1, round(3 * u)))
    draw.line((50 * u, 33 * u, 50 * u, 55 * u), fill=THEME_COLOUR, width=max(1, round(2 * u)))
    draw.line((39 * u, 44 * u, 61 * u, 44 * u), fill=THEME_COLOUR, width=max(1, round(2 * u)))
    draw.rounded_rectangle((40 * u, 62 * u, 60 * u, 66 * u), radius=2 * u, fill=THEME_COLOUR)
    return image


def manifest(name: str, short_name: str, description: str, lang: str, to_root: str) -> dict:
    """One language's manifest; addresses are relative to the manifest itself."""
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": lang,
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND,
        "icons": [{"src": to_root + icon_path(size), "sizes": f"{size}x{size}", "type": "image/png",
                   "purpose": "any maskable"} for size in ICON_SIZES],
    }


def build(site_dir: str, languages: list[str], default: str, names: dict[str, str], descriptions: dict[str, str],
          hreflang: dict[str, str]) -> None:
    site = Path(site_dir)
    (site / ICON_DIR).mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        draw_icon(size).save(site / icon_path(size), optimize=True)
    for lang in languages:
        folder = site if lang == default else site / lang
        data = manifest(names[lang], "Info Imigrasi", descriptions[lang], hreflang.get(lang, lang),
                        "" if lang == default else "../")
        (folder / NAME).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
