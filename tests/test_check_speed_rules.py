"""canonym.check: the shortcuts that keep long drafts fast decide what the rules decide.

Each shortcut of the scan and of the grouping is held here to the slower form it replaces: the
run search that passes over sentence openers itself, the word pattern written as one repeat per
stretch of letters, the forms of the draft's entities kept up to date as entities join, and the
segments that open a sentence with an ordinary word, which are not asked of the resolver.
"""

from __future__ import annotations

import re
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import canonym
from canonym import mentions
from canonym._consistency import Judge
from canonym.check import check
from canonym.mentions import find_mentions, index_for

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = canonym.AliasTable.load(ROOT / "tests" / "data" / "check_table.toml")
RESOLVER = canonym.Resolver(FIXTURE)
INDEX = index_for(RESOLVER)


# -- the run search passes over sentence openers -----------------------------------------------

_OPENER_PIECES = [
    *["The", "In", "A", "I", "However", "Some", "the", "Thé", "The-", "In-", "The.", "Ab"],
    *[". ", "! ", "? ", ": ", "; ", ".", " ", "  ", "\n", "\n\n", "\r\n", "-", "\u2013", ","],
    *["'", "\u2019", "'s", "al-", "al ", "bin ", "de ", "van ", "Assad", "Laden", "Gaulle"],
    *["Kai", "-shek", "-led", "camp", "Hezbollah", "Iran", "\u00e9", "\u1e24", "\u02bf", "\u00ad"],
    *["\u00a0", "U.", "S.", "St.", "Gen.", "3", "#", "Abu", "of", "and", "Islamic State"],
]


def _runs(search: object, shadowed: str, text: str) -> list[tuple[int, int]]:
    """The runs a search finds, less the openers that the scan drops after a sentence end."""
    assert callable(search)
    found, pos = [], 0
    while (m := search(shadowed, pos)) is not None:
        start, end = m.span()
        pos = end
        if (
            shadowed[start - 2 : start] in mentions._SPACED_SENTENCE_ENDS
            and text[start:end] in INDEX._openers
        ):
            continue
        found.append((start, end))
    return found


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_OPENER_PIECES), max_size=20).map("".join))
def test_the_opener_skipping_search_finds_the_same_runs(text: str) -> None:
    shadowed = mentions.shadow(text)
    assert _runs(INDEX._search_run, shadowed, text) == _runs(mentions._S_RUN.search, shadowed, text)


def test_the_opener_skipping_search_passes_over_openers_only_where_they_stand_alone() -> None:
    # "The" starts a table name (The Base), so it is no opener for this table; "However" is.
    assert "The" not in INDEX._openers and "However" in INDEX._openers
    text = "It rained. The envoy left. The Base spoke. However, no. However Erbil. In Erbil."
    shadowed = mentions.shadow(text)
    found = []
    pos = 0
    while (m := INDEX._search_run(shadowed, pos)) is not None:
        found.append(m.group())
        pos = m.end()
    assert found == ["It", "The", "The Base", "However Erbil", "In Erbil"]


# -- the word pattern --------------------------------------------------------------------------

# The word rule as it was first written: one alternation tried for each letter.
_WORD_AS_ALTERNATION = regex.compile(
    r"[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}]|["
    + re.escape(mentions._INVISIBLE)
    + r"]+(?=[\p{L}\p{M}\p{N}])|["
    + regex.escape(mentions._APOS)
    + r"](?!s(?![\p{L}\p{M}\p{N}]))(?=[\p{L}\p{M}]))*"
)
_WORD_PIECES = ["a", "B", "5", "\u00e9", "\u0301", "'", "\u2019", "s", "'s", "\u00ad", "\u200b"]
_WORD_PIECES += [" ", "-", "\u02bf", "Kata", "ib", "O", "Brien", "\u4e2d", ".", "\u02bc"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=16).map("".join))
def test_the_word_pattern_finds_the_words_of_the_alternation(text: str) -> None:
    expected = [m.span() for m in _WORD_AS_ALTERNATION.finditer(text)]
    assert [m.span() for m in mentions.WORD_RE.finditer(text)] == expected
    shadowed = mentions.shadow(text)
    assert [m.span() for m in mentions._S_WORD.finditer(shadowed)] == expected


# -- segments that open a sentence with an ordinary word ---------------------------------------


def _resolver_calls(text: str) -> list[str]:
    asked: list[str] = []
    index = index_for(RESOLVER)  # (other tests may have pushed INDEX out of the cache)
    original = index.resolve

    def spy(segment: str) -> tuple[str, str, str, str] | None:
        asked.append(segment)
        return original(segment)

    index._resolved.clear()
    index.resolve = spy  # type: ignore[method-assign]
    try:
        check(text, table=RESOLVER, variants=True)  # with variants every unknown name is asked
    finally:
        del index.resolve
    return asked


def test_an_ordinary_word_opening_a_sentence_before_a_table_name_is_not_asked() -> None:
    text = (
        "Qassem Soleimani met officials in Baghdad. Officials Qassem Soleimani trusted were "
        "there. Officials said little."
    )
    assert "Officials Qassem Soleimani" not in _resolver_calls(text)
    assert check(text, table=FIXTURE) == []


def test_the_same_segment_is_asked_when_the_word_is_not_written_in_lowercase() -> None:
    text = "Qassem Soleimani arrived. Envoys Qassem Soleimani trusted were there."
    assert "Envoys Qassem Soleimani" in _resolver_calls(text)


def test_a_misspelling_after_an_ordinary_opening_word_is_still_found() -> None:
    text = "Qassem Soleimani met officials. Officials said Solemani had left. Officials Solemani"
    found = [(f.text, f.suggestion) for f in check(text, table=FIXTURE)]
    assert ("Solemani", "Soleimani") in found


def test_initials_and_acronyms_are_not_ordinary_words() -> None:
    table = canonym.AliasTable.from_records(
        [
            {"id": "usvi", "name": "US Virgin Islands", "kind": "place"},
            {"id": "vi", "name": "Virgin Islands", "kind": "place"},
        ]
    )
    resolver = canonym.Resolver(table)
    text = (
        "Flights resumed. S. Virgin Islands officials spoke. Talks ended. UN Virgin Islands "
        "staff left; s and un are typos, and so are residents. Residents Virgin Islands left."
    )
    judge = Judge(text, index_for(resolver), False)
    segments = {m.text: m for m in find_mentions(text, resolver) if m.parts}
    assert set(segments) == {"S. Virgin Islands", "UN Virgin Islands", "Residents Virgin Islands"}
    assert not judge._opens_with_common_word(segments["S. Virgin Islands"])
    assert not judge._opens_with_common_word(segments["UN Virgin Islands"])
    assert judge._opens_with_common_word(segments["Residents Virgin Islands"])


# -- the forms of the draft's entities, kept up to date ----------------------------------------


def test_the_forms_under_a_key_are_those_of_the_entities_of_the_draft() -> None:
    text = (
        "Qassem Soleimani met Abu Mahdi al-Muhandis. Solemani left; Hezbollah and Kata'ib "
        "Hezbollah stayed. Sohrab Soleimani, Adel Abdul Mahdi and Iran were named. Muhandes"
    )
    index = index_for(RESOLVER)
    judge = Judge(text, index, False)
    scanned = index.scan(text)
    # Ask for the forms of every key before any entity joins, so that each is kept from empty.
    for m in FIXTURE:
        for k in index.entity_keys(m.id):
            kept = judge._forms_under(k)
            assert not kept.joins and not kept.folds
    judge.run(scanned)
    assert judge._key_forms
    for k, kept in judge._key_forms.items():
        forms = {f for e in judge._context.get(k, ()) for f in index.entity_forms(e)}
        assert kept.joins == {joined for joined, _ in forms}
        assert kept.folds == {folded for _, folded in forms}
        # the joined forms by length: those without white space, sorted by length
        assert sorted(kept._by_length) == sorted(j for j in kept.joins if j.split() == [j])
        assert kept._lengths == sorted(kept._lengths) == [len(j) for j in kept._by_length]
        assert sorted(kept._spaced) == sorted(j for j in kept.joins if j.split() != [j])
