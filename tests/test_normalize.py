"""Normalisation: cases from data/normalize_cases.tsv, and properties."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canonym

CASES = Path(__file__).parent / "data" / "normalize_cases.tsv"


def _cases() -> list[tuple[str, str, str, str]]:
    with open(CASES, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    decode = lambda s: s.encode("ascii", "backslashreplace").decode("unicode_escape")  # noqa: E731
    return [(r["function"], decode(r["input"]), decode(r["expected"]), r["why"]) for r in rows]


@pytest.mark.parametrize(("function", "given_text", "expected", "why"), _cases())
def test_expected_output(function: str, given_text: str, expected: str, why: str) -> None:
    assert getattr(canonym, function)(given_text) == expected, why


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = canonym.normalize(text)
    assert canonym.normalize(once) == once


@given(st.text())
def test_fold_is_idempotent_and_ascii(text: str) -> None:
    once = canonym.fold(text)
    assert canonym.fold(once) == once
    assert once.isascii()
    assert once == once.strip() and "  " not in once


APOSTROPHES = [
    "'",
    "\u2019",
    "\u2018",
    "\u02bc",
    "\u02bb",
    "\u02bf",
    "\u02be",
    "`",
    "\u00b4",
    "\u2032",
]
NAMES = [
    "Kata'ib Hezbollah",
    "Ja'far",
    "Qassem Soleimani",
    "Abu Mahdi al-Muhandis",
    "Khamene'i",
    "Sana'a",
    "Hay'at Tahrir al-Sham",
    "Mu'ammar Al-Qadhafi",
]


@given(st.sampled_from(NAMES), st.sampled_from(APOSTROPHES), st.booleans(), st.booleans())
def test_key_invariant_under_case_diacritics_apostrophes(
    name: str, apostrophe: str, upper: bool, accents: bool
) -> None:
    variant = name.replace("'", apostrophe)
    if upper:
        variant = variant.upper()
    if accents:  # put a combining macron on every a
        variant = unicodedata.normalize("NFC", variant.replace("a", "a\u0304"))
    assert canonym.key(variant) == canonym.key(name)
    assert canonym.fold(variant) == canonym.fold(name)


@given(st.text(max_size=200))
def test_nothing_crashes(text: str) -> None:
    canonym.normalize(text)
    canonym.fold(text)
    canonym.parse(text)
    canonym.key(text)


@pytest.mark.parametrize("bad", [None, b"Iraq", 42, ["Iraq"]])
@pytest.mark.parametrize("function", ["normalize", "fold", "key", "parse"])
def test_wrong_type_names_the_argument(function: str, bad: object) -> None:
    with pytest.raises(TypeError, match=r"argument '(text|name)'"):
        getattr(canonym, function)(bad)


def test_huge_and_hostile_input_is_linear_enough() -> None:
    hostile = ("Soleimani\u200b\u202e\u0000 قاسم ’s-led " * 40000)[:1_000_000]
    folded = canonym.fold(hostile)
    assert folded.startswith("soleimani")
    assert canonym.normalize("\ud800Iraq\udfff") == "Iraq"  # lone surrogates dropped
