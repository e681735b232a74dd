"""One small CLI for every docs chore; each command also runs in CI.

    python scripts/docs.py check           every content check (errors fail, warnings listed apart)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from content_checks import runner  # noqa: E402
from content_checks.model import ERROR  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def site_languages(root: Path = ROOT) -> list[str]:
    """Locales from mkdocs.yml, the default first. mkdocs.yml is the one place they are listed."""

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses `!ENV`; its value does not matter here.
    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = plugin["i18n"]["languages"]
            return ([lang["locale"] for lang in languages if lang.get("default")]
                     + [lang["locale"] for lang in languages if not lang.get("default")])
    raise SystemExit("mkdocs.yml: plugin i18n tidak ditemukan")


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docs.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="jalankan semua pemeriksaan konten")
    check.add_argument("--root", default=str(ROOT), help="folder proyek (bawaan: repositori ini)")
    check.set_defaults(func=cmd_check)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
