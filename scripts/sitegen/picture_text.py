"""Text set on pictures (Pillow): the share cards' titles and the video slides' captions wrap and shrink
the same way."""

from __future__ import annotations

from typing import Callable


def wrap(draw, text: str, font, width: int) -> list[str]:
    """Words into lines no wider than `width` (a single word longer than that gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def fit(draw, text: str, font_at: Callable[[int], object], width: int, height: int, sizes, spacing: float):
    """The largest size in `sizes` (largest first) at which `text` fits the box, as (font, lines, line
    height); None when it fits at none."""
    for size in sizes:
        font = font_at(size)
        lines = wrap(draw, text, font, width)
        line_height = round(size * spacing)
        if len(lines) * line_height <= height and all(draw.textlength(line, font=font) <= width for line in lines):
            return font, lines, line_height
    return None
