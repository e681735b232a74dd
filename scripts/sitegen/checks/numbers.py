"""Numbers as a reader reads them, in any of the site's languages, so that a translation can be held
to its original: "Rp350.000", "IDR 350,000", "Rp350 ribu" and "350 thousand" are all 350000;
"Rp5–10 juta" and "IDR 5 to 10 million" are 5000000 and 10000000; "2.116,59" and "2,116.59" agree."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Words that multiply the number before them, in Indonesian, Lampung drafts and English.
MULTIPLIERS = {
    "ribu": 10**3, "rb": 10**3, "thousand": 10**3,
    "juta": 10**6, "jt": 10**6, "million": 10**6, "millions": 10**6,
    "miliar": 10**9, "milyar": 10**9, "billion": 10**9,
    "triliun": 10**12, "trillion": 10**12,
}
# Words that state a quantity even without digits: a block that has one states a number.
NUMBER_WORDS = frozenset(MULTIPLIERS) | {"persen", "percent"}
_MULTIPLIER = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
NUMBER_RE = re.compile(
    r"(?<![\d.,])(?P<num>\d+(?:[.,]\d+)*)"
    r"(?:\s*(?P<range>[-–—]|sampai|hingga|to)\s*(?P<num2>\d+(?:[.,]\d+)*))?"
    rf"(?:\s*(?P<mult>{_MULTIPLIER})\b)?",
    re.IGNORECASE,
)
# Digits inside a name are not a quantity: BP2MI, KP2MI, SISKOP2MI (a letter on both sides).
NAME_DIGITS_RE = re.compile(r"(?<=[A-Za-z])\d+(?=[A-Za-z])")
NUMBER_WORD_RE = re.compile(r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I)


@dataclass(frozen=True)
class Number:
    value: Decimal
    text: str  # as written, for messages


def parse(token: str) -> Decimal:
    """One written number, with `.` or `,` as group or decimal separator as the language uses it."""
    separators = [c for c in token if c in ".,"]
    if not separators:
        return Decimal(token)
    if len(set(separators)) == 2:
        # Both kinds: the last one is the decimal mark ("2.116,59", "2,116.59").
        decimal_mark = separators[-1]
        group_mark = "." if decimal_mark == "," else ","
        return Decimal(token.replace(group_mark, "").replace(decimal_mark, "."))
    groups = re.split(r"[.,]", token)
    if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
        return Decimal("".join(groups))  # "350.000", "350,000", "1.000.000"
    return Decimal(token.replace(",", "."))  # a decimal: "1,5", "2.5"


def numbers(text: str) -> list[Number]:
    text = NAME_DIGITS_RE.sub(" ", text)
    found = []
    for match in NUMBER_RE.finditer(text):
        mult = MULTIPLIERS[match["mult"].lower()] if match["mult"] else 1
        try:
            first = parse(match["num"])
            found.append(Number(first * mult, match.group(0).strip()))
            if match["num2"]:
                found.append(Number(parse(match["num2"]) * mult, match.group(0).strip()))
        except ArithmeticError:
            continue
    return found


def states_number(text: str) -> str | None:
    """The first thing in `text` that states a quantity (a digit or a word such as "juta"), or None."""
    text = NAME_DIGITS_RE.sub(" ", text)
    digit = re.search(r"\d+(?:[.,]\d+)*(?:\s*(?:%|persen|percent))?", text)
    word = NUMBER_WORD_RE.search(text)
    if digit and (not word or digit.start() <= word.start()):
        return digit.group(0)
    return word.group(0) if word else None
