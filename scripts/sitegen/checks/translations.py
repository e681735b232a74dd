"""Translations: every page exists in every language (or is pending), headings line up, and a
translation whose Indonesian original changed since is flagged as outdated."""

from __future__ import annotations

import difflib
import hashlib
import re
from pathlib import Path

import yaml

from sitegen.models import yaml_files
from sitegen.models.content import ERROR, WARNING, Page, Problem, Site

from .markdown_text import headings, slugify

PENDING_FILE = "data/translations-pending.yml"
# A "reviewed" translation this close to its original (share of words in the same order) is a copy:
# names, numbers and markers are shared, the sentences are not.
COPY_RATIO = 0.8


def original_hash(page: Page) -> str:
    """Fingerprint of an original's text (body only: a new review date is not a new text)."""
    return hashlib.sha256(page.body.strip().encode("utf-8")).hexdigest()[:12]


def pending(root: Path) -> dict[str, set[str]]:
    """Pages allowed to be missing in a language, from data/translations-pending.yml."""
    path = root / PENDING_FILE
    if not path.exists():
        return {}
    try:
        data = yaml_files.load(path) or {}
    except yaml.YAMLError:
        return {}  # reported by the data rule
    return {str(lang): set(paths or []) for lang, paths in data.items() if isinstance(paths, list)}


def is_outdated(original: Page, translation: Page) -> bool:
    recorded = (translation.meta or {}).get("original")
    return isinstance(recorded, str) and recorded != original_hash(original)


def check(site: Site):
    yield from check_original_ids(site)
    originals = site.pages_of(site.default_language)
    waiting = pending(site.root)
    for lang in site.languages[1:]:
        translated = site.pages_of(lang)
        for rel, original in originals.items():
            page = translated.get(rel)
            if page is None:
                if rel not in waiting.get(lang, set()):
                    yield Problem(original.display, 0, "translation/missing",
                                  f"Halaman ini belum ada dalam bahasa `{lang}` (docs/{lang}/{rel}). Terjemahkan, "
                                  f"atau tulis `{rel}` di bawah `{lang}:` dalam {PENDING_FILE}.")
                continue
            if rel in waiting.get(lang, set()):
                yield Problem(page.display, 0, "translation/pending",
                              f"Halaman sudah diterjemahkan: hapus `{rel}` dari daftar `{lang}:` di {PENDING_FILE}.")
            yield from _headings_match(original, page)
            yield from _not_a_copy(original, page)
            if is_outdated(original, page):
                yield Problem(page.display, page.line_of("original"), "translation/outdated",
                              "Naskah bahasa Indonesia sudah berubah sejak halaman ini diterjemahkan. Sesuaikan "
                              "terjemahannya, lalu jalankan `python scripts/docs.py stamp " + page.display + "`.",
                              WARNING)
            elif page.meta is not None and "original" not in page.meta:
                yield Problem(page.display, 1, "translation/unstamped",
                              "Terjemahan belum mencatat naskah aslinya. Jalankan "
                              f"`python scripts/docs.py stamp {page.display}`.", WARNING)
        for rel, page in translated.items():
            if rel not in originals:
                yield Problem(page.display, 0, "translation/orphan",
                              f"Tidak ada naskah asli docs/{site.default_language}/{rel}. Terjemahan harus punya "
                              "halaman bahasa Indonesia dengan nama file yang sama; periksa nama file.")


def _words(page: Page) -> list[str]:
    text = re.sub(r"\[\^[^\]]*\]|\{\{[^}]*\}\}|\{[:#.][^}]*\}|\]\([^)]*\)|https?://\S+", " ", page.body)
    return re.findall(r"[^\W\d_]+", text.lower())


def similarity(original: Page, page: Page) -> float:
    """Share of the two texts' words that line up in order (difflib), 0 to 1."""
    a, b = _words(original), _words(page)
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _not_a_copy(original: Page, page: Page):
    if (page.meta or {}).get("translation_status") != "reviewed":
        return
    ratio = similarity(original, page)
    if ratio >= COPY_RATIO:
        yield Problem(page.display, page.line_of("translation_status"), "translation/copy",
                      f"Halaman ini ditandai `translation_status: reviewed`, tetapi {ratio:.0%} kata-katanya sama "
                      "dan berurutan dengan naskah Indonesia: belum diterjemahkan. Terjemahkan, atau tandai "
                      "`translation_status: draft`.")


def _headings_match(original: Page, page: Page):
    theirs = [(h.level, h.anchor) for h in headings(original)]
    ours = headings(page)
    for h in ours:
        if h.level > 1 and h.explicit_id is None:
            yield Problem(page.display, h.line, "translation/heading-id",
                          f"Judul `{h.text}` tidak punya id. Salin id dari judul yang sama di naskah bahasa "
                          "Indonesia, misalnya `## Judul {#id-judul}`.")
    mine = [(h.level, h.anchor) for h in ours]
    if mine != theirs:
        index = next((i for i, (a, b) in enumerate(zip(mine, theirs)) if a != b), min(len(mine), len(theirs)))
        line = ours[index].line if index < len(ours) else (ours[-1].line if ours else page.body_start)
        expected = f"`{'#' * theirs[index][0]} ... {{#{theirs[index][1]}}}`" if index < len(theirs) else "tidak ada judul lagi"
        yield Problem(page.display, line, "translation/headings",
                      f"Judul tidak sejajar dengan naskah asli {original.display}: di sini seharusnya "
                      f"{expected}. Urutan, tingkat (##/###) dan id judul harus sama di semua bahasa.", ERROR)


def check_original_ids(site: Site):
    """Originals need explicit heading ids too, so anchors stay stable when the wording changes."""
    for page in site.pages_of(site.default_language).values():
        for h in headings(page):
            if h.level > 1 and h.explicit_id is None:
                yield Problem(page.display, h.line, "translation/heading-id",
                              f"Judul `{h.text}` tidak punya id. Tambahkan id tetap, misalnya "
                              f"`{'#' * h.level} {h.text} {{#{_suggest(h.text)}}}`.")


def _suggest(text: str) -> str:
    return slugify(text) or "bagian"
