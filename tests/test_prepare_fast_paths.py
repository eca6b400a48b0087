"""Preparing a name: the quick tests that skip a rule's scan decide what the scan decides.

``compare.words`` prepares every name a clustering or a check compares, so each rule first
asks a cheap question that its scan needs answered yes (a special word, a digit, two capitals
side by side, a word ending in "ih"). Each is held here to the scan it skips, on generated
words built from the very pieces the rules look for.
"""

from __future__ import annotations

import importlib

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from canonym import _compare_words
from canonym._compare_words import (
    _ABBREVIATIONS,
    _FOREIGN_TITLES,
    _NUMBER_WORDS,
    _ORDINALS,
    _WG_ONLY,
    LEGAL_FORMS,
    _has_wade_giles_spelling,
    rewrite_words,
    wade_giles_readings,
)
from canonym.normalize import normalize

# Words rewrite_words acts on, words that open legal phrases, digits, and ordinary words.
_REWRITE_PIECES = sorted(
    {
        *sorted(_FOREIGN_TITLES)[:4],
        *list(_ORDINALS)[:3],
        *list(_NUMBER_WORDS)[18:24],
        *_ABBREVIATIONS,
        *sorted(LEGAL_FORMS)[:12],
        *"joint stock company limited liability societe anonyme open closed".split(),
        *"2nd 21st ig0r sech1n vlad0 3 7 i9or".split(),
        *"hennes mauritz qasem soleimani h m and of al".split(),
    }
)


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(st.sampled_from(_REWRITE_PIECES), min_size=1, max_size=6),
    cut=st.booleans(),
)
def test_a_name_left_as_it_is_is_what_the_rules_leave(words: list[str], cut: bool) -> None:
    quick_rewrites: list[str] = []
    quick_legal: list[str] = []
    quick = rewrite_words(list(words), quick_rewrites, quick_legal, cut=cut)
    slow_rewrites: list[str] = []
    slow_legal: list[str] = []
    inert = _compare_words._inert
    _compare_words._inert = lambda _words: False  # type: ignore[assignment]
    try:
        slow = rewrite_words(list(words), slow_rewrites, slow_legal, cut=cut)
    finally:
        _compare_words._inert = inert
    assert (quick, quick_rewrites, quick_legal) == (slow, slow_rewrites, slow_legal)


# Pieces of Wade-Giles spellings (hs, ts, -ih, -ung ...) and Pinyin ones.
_ROMANISED = "hsi chih shih tzu tsung ming mao ping li jiang zhou ih hs erh ieh ien ss".split()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ROMANISED), max_size=5))
def test_one_search_over_the_name_finds_what_a_search_per_word_finds(words: list[str]) -> None:
    assert _has_wade_giles_spelling(words) == any(_WG_ONLY.search(w) for w in words)
    if not _has_wade_giles_spelling(words):
        assert wade_giles_readings(words) == frozenset()


def test_a_word_ending_in_ih_before_another_word_is_still_read_as_wade_giles() -> None:
    # "ih$" matches only at the end of the joined words: the word before a line break is found
    # by the substring test, so both orders of the name are read.
    assert "zhiming" in wade_giles_readings(["chih", "ming"])
    assert "mingzhi" in wade_giles_readings(["ming", "chih"])


compare = importlib.import_module("canonym.compare")  # the module (canonym.compare is the function)

_CAPS_WORD = regex.compile(r"(?<![\w.])[A-Z]{2,5}(?![\w.])")


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="AaBbCZz .-'\u00d6\u00f6", max_size=14))
def test_capitals_are_looked_for_only_where_two_can_stand_together(raw: str) -> None:
    expected = set() if raw.isupper() else {w.lower() for w in _CAPS_WORD.findall(raw)}
    assert compare._acronym_words(raw, ()) == frozenset(expected)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ABCabc .&'-\u00c9\u00e9", max_size=12))
def test_an_acronym_is_read_only_from_a_name_in_capitals(raw: str) -> None:
    letters = compare._NOT_LETTERS.sub("", normalize(raw))
    is_acronym = 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()
    assert compare.words(raw).acronym == (letters.lower() if is_acronym else None)
