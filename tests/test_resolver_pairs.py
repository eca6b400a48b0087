"""The resolver's index of pairs of common words: a short cut that must find the same aliases.

Two common words meet through a look-up of the pair instead of an intersection of their
postings (see ``resolver._pair_index``). Real tables need thousands of names before a word is
common enough to be paired, so these tests lower the bar to a few aliases and compare a
resolver using pairs with one using none, on the same table and the same queries.
"""

from __future__ import annotations

import functools
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canonym import AliasTable, Resolver
from canonym import resolver as resolver_module

# Spellings of a few given and family names (several per word, as transliterations have), so
# that every word is in many aliases and a query widened to look-alikes meets many postings.
GIVEN = ["Mohammed", "Muhammad", "Ali", "Aly", "Hassan", "Hasan", "Omar", "Umar", "Yusuf"]
FAMILY = ["Hussein", "Husain", "Rahman", "Rehman", "Karimi", "Kerimi", "Nouri", "Nuri", "Saleh"]
ORGS = ["Bank", "Trading", "Group", "Shipping", "Holding"]


def _records() -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for n, (a, b, c) in enumerate(itertools.product(GIVEN, GIVEN, FAMILY)):
        if n % 2:  # half of the three-word names, so that two-word queries also meet few
            records.append({"id": f"p{n}", "name": f"{a} {b} {c}", "kind": "person"})
    for n, (a, b) in enumerate(itertools.product(GIVEN, FAMILY)):
        records.append({"id": f"q{n}", "name": f"{a} {b}", "kind": "person"})
    for n, (a, b) in enumerate(itertools.product(FAMILY, ORGS)):
        records.append({"id": f"o{n}", "name": f"{a} {b}", "kind": "organization"})
    return records


@functools.cache
def _resolvers() -> tuple[Resolver, Resolver]:
    """The same table twice: words in 20 or more aliases paired, and nothing paired."""
    table = AliasTable.from_records(_records(), shared_names="distinct")
    saved = resolver_module._PAIR_MIN
    try:
        resolver_module._PAIR_MIN = 20
        paired = Resolver(table)
        resolver_module._PAIR_MIN = 10**9
        plain = Resolver(table)
    finally:
        resolver_module._PAIR_MIN = saved
    return paired, plain


def test_common_words_are_paired_and_each_pair_holds_exactly_the_aliases_of_both() -> None:
    paired, plain = _resolvers()
    assert paired._pairs, "the low bar must make common words"
    assert not plain._pairs
    width = len(paired._postings)
    common = [v for v in range(width) if paired._common[v]]
    for a, b in itertools.combinations(sorted(common), 2):
        both = paired._postings[a] & paired._postings[b]
        assert set(paired._pairs.get(a * width + b, ())) == both


def _mistype(word: str, at: int, how: int) -> str:
    at %= len(word)
    if how == 0:
        return word[:at] + word[at + 1 :]  # a dropped letter
    if how == 1:
        return word[:at] + word[at] + word[at:]  # a doubled letter
    if how == 2 and at + 1 < len(word):
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]  # two letters swapped
    return word


WORDS = GIVEN + FAMILY + ORGS
query_words = st.tuples(st.sampled_from(WORDS), st.integers(0, 20), st.integers(0, 3)).map(
    lambda t: _mistype(*t)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(query_words, min_size=1, max_size=4))
def test_pairs_find_the_same_candidates_and_answers_as_plain_intersections(
    words: list[str],
) -> None:
    paired, plain = _resolvers()
    query = " ".join(words)
    for reading in resolver_module._readings(query):
        assert paired._candidate_tiers(reading) == plain._candidate_tiers(reading), query
    left, right = paired.resolve(query), plain.resolve(query)
    assert (left and left.entity_id) == (right and right.entity_id), query


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_aliases_holding_all_groups_are_the_intersection_of_their_unions(
    data: st.DataObject,
) -> None:
    # Groups of vocabulary entries as queries make them: one entry, or a word's look-alikes;
    # the same entry may stand in two groups (a name repeating a word).
    paired, plain = _resolvers()
    width = len(paired._postings)
    entries = st.lists(st.integers(0, width - 1), min_size=1, max_size=5, unique=True)
    chosen = data.draw(st.lists(entries, min_size=1, max_size=3))
    groups = [
        resolver_module._Group([paired._postings[v] for v in vids], tuple(vids)) for vids in chosen
    ]
    expected = set.intersection(*(set().union(*g.postings) for g in groups))
    assert paired._holding_all(groups) == expected
    assert plain._holding_all(groups) == expected


@pytest.mark.parametrize("size", [2, 3])
def test_pairs_find_the_same_candidates_for_every_name_of_table_words(size: int) -> None:
    # Every two-word name, and every three-word name of given names before a family name:
    # each meets pairs of common words in either order of their vocabulary entries.
    paired, plain = _resolvers()
    if size == 2:
        names = list(itertools.product(WORDS, WORDS))
    else:
        names = list(itertools.product(GIVEN, GIVEN, FAMILY + ORGS))
    for words in names:
        query = " ".join(words)
        for reading in resolver_module._readings(query):
            assert paired._candidate_tiers(reading) == plain._candidate_tiers(reading), query


@pytest.mark.parametrize(
    "query",
    ["Mohamed Husein", "Ali Hasan Rahman", "Umar Nouri Bank", "Hasan Hasan Saleh", "Kerimi"],
)
def test_pairs_answer_as_plain_intersections_on_chosen_names(query: str) -> None:
    paired, plain = _resolvers()
    assert paired.candidates(query) == plain.candidates(query)
