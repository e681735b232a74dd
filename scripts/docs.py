"""One small CLI for every docs chore; each command also runs in CI.

    python scripts/docs.py check                    every content check (errors fail, warnings apart)
    python scripts/docs.py new-page prosedur/nama --title "Judul"
                                                    a new page in every language, with its nav entry
    python scripts/docs.py stamp [FILE ...]         record which Indonesian text a translation follows
    python scripts/docs.py new-language jv --name "Basa Jawa" [--html-lang jv]
                                                    a new site language, its pages in Indonesian for now
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datetime as dt  # noqa: E402
import re  # noqa: E402

from sitegen.checks import runner, translations  # noqa: E402
from sitegen.checks.hygiene import PLACEHOLDER  # noqa: E402
from sitegen.config import site_config  # noqa: E402
from sitegen.models.content import ERROR, FRONT_MATTER_RE, Page, Site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def site_languages(root: Path = ROOT) -> list[str]:
    return site_config.site_languages(root)


def cmd_check(args) -> int:
    root = Path(args.root).resolve()
    problems = runner.run(root, site_languages(root))
    errors = [p for p in problems if p.severity == ERROR]
    warnings = [p for p in problems if p.severity != ERROR]
    for p in errors:
        print(p)
    if warnings:
        print(f"\nPeringatan ({len(warnings)}), tidak menggagalkan pemeriksaan:")
        for p in warnings:
            print(p)
    print(f"\n{len(errors)} galat, {len(warnings)} peringatan.")
    if errors:
        print("Perbaiki setiap galat di file dan baris yang disebut, lalu jalankan pemeriksaan lagi.")
    return 1 if errors else 0


def _set_front_matter_field(text: str, name: str, value: str) -> str:
    """Set one scalar field in a page's front matter, keeping everything else as written."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        raise ValueError("tidak ada metadata di awal file")
    head = match.group(0)
    line = f"{name}: {value}"
    if re.search(rf"^{name}:.*$", head, re.M):
        head = re.sub(rf"^{name}:.*$", line, head, count=1, flags=re.M)
    else:
        head = re.sub(r"(?:---|\.\.\.)[ \t]*(\n|\Z)$", lambda m: f"{line}\n---{m.group(1)}", head, count=1)
    return head + text[match.end():]


def cmd_stamp(args) -> int:
    """Record, in each translation, the fingerprint of the Indonesian text it now follows."""
    root = Path(args.root).resolve()
    languages = site_languages(root)
    default = languages[0]
    if args.files:
        targets = []
        for name in args.files:
            path = Path(name).resolve()
            try:
                lang, rel = path.relative_to(root / "docs").as_posix().split("/", 1)
            except ValueError:
                print(f"{name}: bukan halaman di dalam docs/")
                return 1
            targets.append((lang, rel))
    else:
        site = Site.load(root, languages)
        targets = [(p.lang, p.rel) for p in site.pages
                   if p.lang != default and p.meta is not None and "original" not in p.meta]
    changed = 0
    for lang, rel in targets:
        if lang == default:
            print(f"docs/{lang}/{rel}: naskah asli tidak perlu dicap; cap terjemahannya.")
            continue
        original = Page.read(root, default, rel)
        if original is None:
            print(f"docs/{lang}/{rel}: tidak ada naskah asli docs/{default}/{rel}.")
            return 1
        path = root / "docs" / lang / rel
        text = path.read_text(encoding="utf-8")
        path.write_text(_set_front_matter_field(text, "original", translations.original_hash(original)),
                        encoding="utf-8")
        changed += 1
    print(f"{changed} terjemahan dicap.")
    return 0


SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")


def new_page_text(title: str, lang: str, default: str, original_hash: str | None, today: dt.date) -> str:
    quoted = yaml.safe_dump(title, allow_unicode=True).strip().removesuffix("...").strip()
    lines = ["---", f"title: {quoted}", f"description: {quoted}",
             f"reviewed: {today.isoformat()}"]
    if lang != default:
        lines += ["translation_status: draft", f"original: {original_hash}"]
    lines += ["---", "", "## Ringkasan {#ringkasan}", "", f"{PLACEHOLDER}. Pakai kalimat pendek. Sesudah setiap fakta, "
              "tulis sumbernya: `[^kode-sumber]` (lihat CONTRIBUTING.md).", ""]
    return "\n".join(lines)


def cmd_citations(args) -> int:
    """How many statements state a number, and how many of those name their source, per language;
    and the registry's sources by kind. Prints figures; exits non-zero when a statement is uncited."""
    from sitegen.checks import citations
    from sitegen.checks.markdown_text import blocks, plain
    from sitegen.checks.numbers import states_number
    from sitegen.models import data_files
    from sitegen.models.content import Site

    root = Path(args.root).resolve()
    languages = site_languages(root)
    site = Site.load(root, languages)
    uncited = 0
    print("bahasa  pernyataan-berangka  bersumber  tanpa-sumber")
    for lang in languages:
        stated = cited = 0
        for page in site.pages_of(lang).values():
            for block in blocks(page):
                if states_number(plain(block.text)):
                    stated += 1
                    cited += citations._has_citation(block)
        uncited += stated - cited
        print(f"{lang:<7} {stated:>19} {cited:>10} {stated - cited:>13}")
    registry = data_files.sources(root, languages)
    kinds = {kind: sum(1 for s in registry.values() if s["kind"] == kind) for kind in data_files.SOURCE_KINDS}
    print("sumber: " + ", ".join(f"{kind} {count}" for kind, count in kinds.items()))
    return 1 if uncited else 0


def cmd_new_page(args) -> int:
    root = Path(args.root).resolve()
    slug = args.path.removesuffix(".md").strip("/")
    if not SLUG_RE.match(slug):
        print(f"`{args.path}`: pakai huruf kecil, angka dan tanda hubung, misalnya prosedur/paspor-anak")
        return 1
    rel = slug + ".md"
    languages = site_languages(root)
    default = languages[0]
    section = rel.rsplit("/", 1)[0] if "/" in rel else ""
    if section and not (root / "docs" / default / section).is_dir():
        print(f"Bagian `{section}` belum ada di docs/{default}/. Pilih bagian yang ada.")
        return 1
    existing = [lang for lang in languages if (root / "docs" / lang / rel).exists()]
    if existing:
        print(f"Halaman docs/{existing[0]}/{rel} sudah ada.")
        return 1
    today = dt.date.today()
    original_text = new_page_text(args.title, default, default, None, today)
    (root / "docs" / default / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / "docs" / default / rel).write_text(original_text, encoding="utf-8")
    fingerprint = translations.original_hash(Page.read(root, default, rel))
    for lang in languages[1:]:
        (root / "docs" / lang / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / lang / rel).write_text(new_page_text(args.title, lang, default, fingerprint, today),
                                                encoding="utf-8")
    _add_to_nav(root / "mkdocs.yml", section, rel)
    for lang in languages:
        print(f"dibuat: docs/{lang}/{rel}")
    print("Tulis isinya (bahasa Indonesia dulu), lalu jalankan: python scripts/docs.py check")
    return 0


def _add_to_nav(mkdocs_yml: Path, section: str, rel: str) -> None:
    """Append the page to its section of the nav in mkdocs.yml (a text edit, to keep comments)."""
    lines = mkdocs_yml.read_text(encoding="utf-8").split("\n")
    if section:
        entries = [i for i, line in enumerate(lines) if re.match(rf"^\s+- {re.escape(section)}/\S+\.md\s*$", line)]
        indent = re.match(r"^(\s+)", lines[entries[-1]]).group(1) if entries else None
        if entries:
            lines.insert(entries[-1] + 1, f"{indent}- {rel}")
            mkdocs_yml.write_text("\n".join(lines), encoding="utf-8")
            return
    nav = lines.index("nav:")
    end = next((i for i in range(nav + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")), len(lines))
    while end > nav + 1 and not lines[end - 1].strip():
        end -= 1
    lines.insert(end, f"  - {rel}")
    mkdocs_yml.write_text("\n".join(lines), encoding="utf-8")


def cmd_new_language(args) -> int:
    from sitegen.config import new_language

    root = Path(args.root).resolve()
    try:
        written = new_language.add(root, args.code, args.name, args.html_lang)
    except new_language.LanguageError as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in written:
        print(f"diubah: {path.relative_to(root).as_posix()}")
    print(f"Bahasa `{args.code}` ditambahkan. Semua halaman tampil dalam bahasa Indonesia dengan catatan "
          "\"belum diterjemahkan\" sampai diterjemahkan (lihat CONTRIBUTING.md, \"Menambah bahasa\"). "
          "Periksa dengan: bash scripts/dev.sh build")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="jalankan semua pemeriksaan konten")
    check.add_argument("--root", default=str(ROOT), help="folder proyek (bawaan: repositori ini)")
    check.set_defaults(func=cmd_check)
    new = sub.add_parser("new-page", help="buat halaman baru dalam semua bahasa")
    new.add_argument("path", help="bagian/nama-halaman, misalnya prosedur/paspor-anak")
    new.add_argument("--title", required=True, help="judul halaman dalam bahasa Indonesia")
    new.add_argument("--root", default=str(ROOT))
    new.set_defaults(func=cmd_new_page)
    cite = sub.add_parser("citations", help="hitung pernyataan berangka dan sumbernya per bahasa")
    cite.add_argument("--root", default=str(ROOT))
    cite.set_defaults(func=cmd_citations)
    stamp = sub.add_parser("stamp", help="catat naskah Indonesia yang diikuti terjemahan")
    stamp.add_argument("files", nargs="*", help="file terjemahan (bawaan: semua yang belum dicap)")
    stamp.add_argument("--root", default=str(ROOT))
    stamp.set_defaults(func=cmd_stamp)
    lang = sub.add_parser("new-language", help="tambah bahasa situs (halamannya berbahasa Indonesia dulu)")
    lang.add_argument("code", help="kode bahasa, dua atau tiga huruf kecil, misalnya jv")
    lang.add_argument("--name", required=True, help="nama bahasa di pemilih bahasa, misalnya \"Basa Jawa\"")
    lang.add_argument("--html-lang", help="kode <html lang> dan hreflang bila berbeda dari kode folder (bawaan: CODE)")
    lang.add_argument("--root", default=str(ROOT))
    lang.set_defaults(func=cmd_new_language)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
