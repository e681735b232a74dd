"""Text on pictures (sitegen/picture_text.py), with a fake drawing surface: every letter 10 px wide at
size 10, twice that at size 20."""

from __future__ import annotations

from sitegen import picture_text


class Draw:
    def textlength(self, text, font):
        return len(text) * font


def test_words_wrap_at_the_width():
    assert picture_text.wrap(Draw(), "satu dua tiga empat", 10, 90) == ["satu dua", "tiga", "empat"]
    assert picture_text.wrap(Draw(), "panjangsekali x", 10, 50) == ["panjangsekali", "x"]


def test_the_largest_size_that_fits_wins():
    font_at = lambda size: size // 10  # noqa: E731  (a letter is `font` px wide)
    assert picture_text.fit(Draw(), "ab cd", font_at, 5, 100, (30, 20, 10), 1.2) == (2, ["ab", "cd"], 24)
    assert picture_text.fit(Draw(), "ab cd", font_at, 10, 100, (30, 20, 10), 1.2) == (3, ["ab", "cd"], 36)
    assert picture_text.fit(Draw(), "ab cd", font_at, 10, 20, (30, 20, 10), 1.2) == (1, ["ab cd"], 12)


def test_none_when_nothing_fits():
    assert picture_text.fit(Draw(), "abcdef", lambda size: size, 3, 100, (20, 10), 1.3) is None
