"""Numbers as readers read them in every language (scripts/sitegen/checks/numbers.py): a translation
is held to the numbers of its original, so each written form must give the same value."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sitegen.checks import numbers


@pytest.mark.parametrize("text, values", [
    ("Rp350.000", ["350000"]),
    ("IDR 350,000", ["350000"]),
    ("Rp350 ribu", ["350000"]),
    ("350 thousand rupiah", ["350000"]),
    ("Rp350 rb", ["350000"]),
    ("Rp5–10 juta", ["5000000", "10000000"]),
    ("IDR 5 to 10 million", ["5000000", "10000000"]),
    ("5 sampai 10 juta", ["5000000", "10000000"]),
    ("5 hingga 7 hari", ["5", "7"]),
    ("3-5 hari kerja", ["3", "5"]),
    ("2 jt", ["2000000"]),
    ("1,5 juta", ["1500000"]),
    ("1.5 million", ["1500000"]),
    ("2 millions", ["2000000"]),
    ("Rp1 miliar", ["1000000000"]),
    ("Rp1 milyar", ["1000000000"]),
    ("1 billion", ["1000000000"]),
    ("2 triliun", ["2000000000000"]),
    ("2 trillion", ["2000000000000"]),
    ("2.116,59", ["2116.59"]),
    ("2,116.59", ["2116.59"]),
    ("1.000.000", ["1000000"]),
    ("1,000,000", ["1000000"]),
    ("2.5", ["2.5"]),
    ("12,50", ["12.50"]),
    ("1234.567", ["1234.567"]),  # four digits before the mark: a decimal, not groups
    ("1.23", ["1.23"]),
    ("10 JUTA", ["10000000"]),
    ("BP2MI dan KP2MI", []),  # digits inside a name
    ("SISKOP2MI 2024", ["2024"]),
    ("pasal 5 ayat 2", ["5", "2"]),
    ("tanpa angka", []),
    ("5 jutawan", ["5"]),  # a multiplier only as a whole word
])
def test_numbers(text, values):
    assert [n.value for n in numbers.numbers(text)] == [Decimal(v) for v in values]


def test_a_range_keeps_its_text_for_messages():
    found = numbers.numbers("biaya Rp5–10 juta.")
    assert [(n.value, n.text) for n in found] == [(Decimal("5000000"), "5–10 juta"), (Decimal("10000000"), "5–10 juta")]


@pytest.mark.parametrize("token, value", [
    ("350", "350"), ("350.000", "350000"), ("350,000", "350000"), ("2.116,59", "2116.59"),
    ("2,116.59", "2116.59"), ("1,5", "1.5"), ("1234,5", "1234.5"), ("1.000.000", "1000000"),
    ("1000.000", "1000.000"), ("12.34", "12.34"), ("1.234.567,89", "1234567.89"), ("1,234,567.89", "1234567.89"),
])
def test_parse(token, value):
    assert str(numbers.parse(token)) == value


@pytest.mark.parametrize("text, stated", [
    ("Biaya Rp350.000.", "350.000"),
    ("Biaya 10%.", "10%"),
    ("naik 5 persen", "5 persen"),
    ("up 5 percent", "5 percent"),
    ("beberapa juta rupiah", "juta"),
    ("sepuluh persen", "persen"),
    ("juta orang, 5 kali", "juta"),  # the word comes first
    ("5 juta", "5"),  # the digit comes first
    ("BP2MI membantu", None),
    ("tidak ada", None),
    ("Jutaan", None),  # not the whole word
])
def test_states_number(text, stated):
    assert numbers.states_number(text) == stated
