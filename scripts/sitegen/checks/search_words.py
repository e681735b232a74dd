"""Residents' words for search (data/search-words.yml): the file's shape, one group per word, stop
words that are not also search words, and (a warning) groups that no page of their language uses.
The search reads the file through scripts/sitegen/postbuild/search_words.py, which leaves out what this rule reports."""

from __future__ import annotations

import yaml

from sitegen.models.content import ERROR, WARNING, Problem, Site
from sitegen.postbuild.search_words import FILE, normalize

from .metadata import SEARCH_WORD_RE as WORD_RE

RULE = "search-words"
KEYS = ("same", "stop", "also")
MAX_LEN = 60


def _line(node) -> int:
    return node.start_mark.line + 1


def check(site: Site):
    def problem(line: int, what: str, message: str, severity: str = ERROR) -> Problem:
        return Problem(FILE, line, f"{RULE}/{what}", message, severity)

    path = site.root / FILE
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except OSError:
        yield problem(0, "missing", "File tidak ada. Buat lagi dari riwayat git; pencarian membutuhkannya.")
        return
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        yield problem(mark.line + 1 if mark else 0, "yaml",
                      f"File tidak bisa dibaca ({getattr(exc, 'problem', exc)}). Periksa tanda kurung, "
                      "koma dan spasi di awal baris.")
        return
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        yield problem(1, "shape", f"File harus berisi kode bahasa ({', '.join(site.languages)}) di awal baris, "
                      "masing-masing dengan `same:` dan `stop:` di bawahnya.")
        return
    texts = {lang: [_normalized(p) for p in site.pages if p.lang == lang] for lang in site.languages}
    for lang_node, section in root.value:
        lang = str(lang_node.value)
        if lang not in site.languages:
            yield problem(_line(lang_node), "language", f"Kode bahasa `{lang}` tidak dikenal. Yang boleh: "
                          f"{', '.join(site.languages)}.")
            continue
        if not isinstance(section, yaml.MappingNode):
            yield problem(_line(section), "shape", f"Di bawah `{lang}:` harus ada `same:` dan `stop:`.")
            continue
        yield from _section(lang, section, site.languages, texts[lang], problem)


def _normalized(page) -> str:
    """The page's text as search sees it, worked out once per page (model.Memo keeps unchanged pages)."""
    if "search_text" not in page.derived:
        page.derived["search_text"] = f" {normalize(page.text)} "
    return page.derived["search_text"]


def _section(lang: str, section, languages: list[str], texts: list[str], problem):
    where: dict[str, int] = {}  # normalized word -> line of its group
    stops = []
    for key_node, value in section.value:
        key = str(key_node.value)
        if key not in KEYS:
            yield problem(_line(key_node), "key", f"`{key}` tidak dikenal di bawah `{lang}:`. Yang boleh: "
                          f"{', '.join(KEYS)}.")
        elif key == "also":
            if not isinstance(value, yaml.ScalarNode) or value.value not in languages or value.value == lang:
                yield problem(_line(value), "also", f"`also:` harus kode bahasa lain dari situs ini "
                              f"({', '.join(l for l in languages if l != lang)}).")
        elif key == "stop":
            if not isinstance(value, yaml.SequenceNode):
                yield problem(_line(value), "shape", "`stop:` harus daftar kata dalam kurung siku: [yang, di].")
                continue
            for node in value.value:
                word = node.value if isinstance(node, yaml.ScalarNode) else None
                if not isinstance(word, str) or not WORD_RE.match(word.strip()) or " " in word.strip():
                    yield problem(_line(node), "word", f"Kata henti `{_show(node)}` harus satu kata biasa "
                                  "(huruf dan angka).")
                else:
                    stops.append((normalize(word), word, _line(node)))
        else:
            if not isinstance(value, yaml.SequenceNode):
                yield problem(_line(value), "shape", "`same:` harus daftar baris, setiap baris seperti "
                              "`- [calo, makelar]`.")
                continue
            for group in value.value:
                yield from _group(group, where, texts, lang, problem)
    for norm, word, line in stops:
        if norm in where:
            yield problem(line, "stop-and-same", f"`{word}` ada di `stop` dan di baris {where[norm]} `same`. Kata "
                          "henti dilewati saat mencari, jadi hapus dari salah satunya.")


def _group(group, where: dict[str, int], texts: list[str], lang: str, problem):
    line = _line(group)
    if not isinstance(group, yaml.SequenceNode) or len(group.value) < 2:
        yield problem(line, "group", "Setiap baris `same` berisi paling sedikit dua kata yang sama artinya, "
                      "misalnya `- [calo, makelar]`.")
        return
    mine: set[str] = set()
    for node in group.value:
        word = node.value if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(word, str) or not WORD_RE.match(word.strip()) or len(word) > MAX_LEN:
            yield problem(_line(node), "word", f"`{_show(node)}` bukan kata yang bisa dicari: tulis huruf, angka, "
                          f"spasi atau tanda hubung saja, paling banyak {MAX_LEN} huruf.")
            continue
        norm = normalize(word)
        if norm in mine:
            yield problem(_line(node), "duplicate", f"`{word}` ditulis dua kali di baris ini.")
        elif norm in where:
            yield problem(_line(node), "duplicate", f"`{word}` sudah ada di baris {where[norm]}. Satu kata hanya "
                          "boleh di satu baris: gabungkan kedua baris jika artinya sama.")
        else:
            mine.add(norm)
            where[norm] = line
    if mine and not any(f" {w} " in text for w in mine for text in texts):
        yield problem(line, "unused", f"Tidak ada kata di baris ini yang dipakai halaman bahasa `{lang}`, jadi "
                      "baris ini tidak menemukan apa pun. Tambahkan kata yang dipakai halaman, atau pindahkan "
                      "kata ini ke `search_terms` halaman yang menjawabnya.", WARNING)


def _show(node) -> str:
    return str(getattr(node, "value", node))[:60] if isinstance(node, yaml.ScalarNode) else "(bukan teks)"
