"""The resolver's word index: candidates found by the words they share, not by table order."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

from canonym import AliasTable, Resolver


def _crowd(n: int) -> list[dict[str, object]]:
    """``n`` people sharing the given name John, each with a family name of its own."""
    letters = "bcdfgklmnprstvz"
    out: list[dict[str, object]] = []
    for i in range(n):
        a, b, c = letters[i % 15], letters[(i // 15) % 15], letters[(i // 225) % 15]
        out.append({"id": f"p{i}", "name": f"John {a.upper()}o{b}a{c}ek", "kind": "person"})
    return out


@pytest.fixture(scope="module")
def crowded() -> Resolver:
    records = _crowd(3000)
    records.append({"id": "target", "name": "John Worthington", "kind": "person"})
    return Resolver(AliasTable.from_records(records), block_limit=100)


def test_a_misspelt_name_is_found_behind_a_crowd_of_namesakes(crowded: Resolver) -> None:
    # 3,000 Johns come first in the table; the one meant is last and is misspelt. The rare
    # word finds it, whatever the block limit and the table order.
    m = crowded.resolve("John Worthingten")
    assert m is not None and m.entity_id == "target"


def test_a_common_word_alone_does_not_resolve(crowded: Resolver) -> None:
    assert crowded.resolve("John") is None


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(
        AliasTable.from_records(
            [
                {"id": "petro-green", "name": "Petro Green", "kind": "organization"},
                {"id": "divine-homes", "name": "Divine Homes", "kind": "organization"},
                {"id": "sisi", "name": "Abdelfattah el-Sisi", "kind": "person"},
                {"id": "hezbollah", "name": "Hezbollah", "kind": "organization"},
                {"id": "mao", "name": "Mao Zedong", "kind": "person"},
                {"id": "trust-a", "name": "AL-RASHID TRUST", "kind": "organization"},
                {"id": "trust-b", "name": "AL RASHID TRUST", "kind": "organization"},
                {"id": "soleimani", "name": "Qassem Soleimani", "kind": "person"},
            ],
            shared_names="distinct",
        )
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Petrogreen", "petro-green"),  # two table words written as one
        ("Mao Ze Dong", "mao"),  # one table word written as two
        ("Divine Homes (Pvt) Ltd", "divine-homes"),  # legal forms the alias lacks
        ("Abdel Fattah al-Sisi", "sisi"),  # a joined ʿAbd compound met by its parts
        ("Ghasem Soleymani", "soleimani"),  # every word respelt
        ("Qasem Solaimeni", "soleimani"),  # a word one slip beyond its spellings
        ("حزب الله", "hezbollah"),  # a script written as two words, listed as one
    ],
)
def test_words_meet_however_they_are_split_or_spelt(
    resolver: Resolver, query: str, expected: str
) -> None:
    m = resolver.resolve(query)
    assert m is not None, query
    assert m.entity_id == expected


def test_names_differing_only_in_punctuation_stay_apart(resolver: Resolver) -> None:
    a = resolver.resolve("AL-RASHID TRUST")
    b = resolver.resolve("AL RASHID TRUST")
    assert a is not None and a.entity_id == "trust-a"
    assert b is not None and b.entity_id == "trust-b"
    c = resolver.resolve("al rashid trust")  # the case alone differs: still written so
    assert c is not None and c.entity_id == "trust-b"


def test_answers_do_not_depend_on_the_word_memo_threads_or_pickling(resolver: Resolver) -> None:
    queries = ["Petrogreen", "Mao Ze Dong", "Ghasem Soleymani", "Divine Homes Ltd", "Nobody"] * 20
    first = [m.entity_id if m else None for m in map(resolver.resolve, queries)]
    resolver._word_memo.clear()
    with ThreadPoolExecutor(4) as pool:
        threaded = [m.entity_id if m else None for m in pool.map(resolver.resolve, queries)]
    clone = pickle.loads(pickle.dumps(resolver))
    cloned = [m.entity_id if m else None for m in map(clone.resolve, queries)]
    assert first == threaded == cloned
    assert first[:5] == ["petro-green", "mao", "soleimani", "divine-homes", None]


def test_the_index_is_a_vocabulary_not_a_key_per_name() -> None:
    # Names reuse few words: the index grows with the words of the table, not its names.
    records = [
        {"id": f"e{i}", "name": f"{given} {family}", "kind": "person"}
        for i, (given, family) in enumerate(
            (g, f)
            for g in ("Ali", "Omar", "Hassan", "Yusuf")
            for f in ("Haddad", "Nasser", "Saleh")
        )
    ]
    r = Resolver(AliasTable.from_records(records))
    assert len(r) == 12
    assert len(r._postings) == 7
