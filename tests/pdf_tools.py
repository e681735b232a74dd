"""Reading PDFs the way a person's tools do: poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm)
and the zbar QR decoder, all from Debian (.ci/run installs them)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm", "zbarimg")
A4_POINTS = (595.28, 841.89)


def require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not found (apt-get install poppler-utils zbar-tools)")


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def text(pdf: Path) -> str:
    """The PDF's text with runs of whitespace folded, so line breaks do not split phrases."""
    return " ".join(_run("pdftotext", "-enc", "UTF-8", str(pdf), "-").split())


def info(pdf: Path) -> dict[str, str]:
    return dict(line.split(":", 1) for line in _run("pdfinfo", str(pdf)).splitlines() if ":" in line)


def page_count(pdf: Path) -> int:
    return int(info(pdf)["Pages"])


def page_size(pdf: Path) -> tuple[float, float]:
    """Width and height of the first page in points."""
    match = re.match(r"\s*([\d.]+) x ([\d.]+) pts", info(pdf)["Page size"])
    return float(match[1]), float(match[2])


def is_a4(pdf: Path) -> bool:
    width, height = page_size(pdf)
    return abs(width - A4_POINTS[0]) < 1.5 and abs(height - A4_POINTS[1]) < 1.5


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts rows: name, type, embedded ('yes'/'no'), subset ('yes'/'no')."""
    rows = []
    for line in _run("pdffonts", str(pdf)).splitlines()[2:]:
        # name type... encoding emb sub uni object ID: read the flags from the right.
        parts = line.split()
        if len(parts) >= 7:
            rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return rows


def qr_codes(pdf: Path, workdir: Path, dpi: int = 150) -> list[str]:
    """Every QR code zbarimg finds on the PDF's pages, rasterised with pdftoppm."""
    workdir.mkdir(parents=True, exist_ok=True)
    prefix = workdir / "page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    found = []
    for png in sorted(workdir.glob("page*.png")):
        result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                                capture_output=True, text=True)
        # Exit code 4 means "no symbol found" on this page; other pages may have one.
        if result.returncode not in (0, 4):
            raise RuntimeError(result.stderr)
        found += [line for line in result.stdout.splitlines() if line]
    return found
