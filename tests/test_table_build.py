"""How a table is built: one fold per name, shared empty sets, the collector held off, and the
problems reported word for word and in the order they were before these economies."""

from __future__ import annotations

import gc
import pickle
from dataclasses import FrozenInstanceError, replace

import pytest

from canonym import AliasTable, AliasTableError, Entity


def _problems(records: list[dict[str, object]], **options: str) -> list[str]:
    with pytest.raises(AliasTableError) as info:
        AliasTable.from_records(records, **options)
    return [str(p) for p in info.value.problems]


def test_strings_claimed_twice_are_reported_in_order_and_word_for_word() -> None:
    records = [
        {"id": "c", "name": "Ali Hassan", "aliases": ["Abu Ali"]},
        {"id": "a", "name": "ALI HASSAN", "spellings": ["Abu-Ali"]},
        {"id": "b", "name": "Hasan Ali", "short": ["ali hassan", "---"]},
        {"id": "d", "name": "Karim", "distinct": ["e", "nobody"]},
        {"id": "e", "name": "Karim"},
    ]
    # As the table reported them before claims were gathered in one pass (the list is the
    # output of that code): per entity first, then by string in the order first claimed.
    assert _problems(records, shared_names="error") == [
        "<records>:record 3 [b]: short form '---' folds to nothing",
        "<records>:record 4 [d]: 'distinct' names missing id 'nobody'",
        "<records>:record 3 [b]: short form 'ali hassan' is also name 'ALI HASSAN' of 'a' "
        "(folded 'ali hassan'); link the two with 'distinct' if both are right",
        "<records>:record 1 [c]: name 'Ali Hassan' is also name 'ALI HASSAN' of 'a' "
        "(folded 'ali hassan'); link the two with 'distinct' if both are right",
        "<records>:record 1 [c]: name 'Ali Hassan' is also short form 'ali hassan' of 'b' "
        "(folded 'ali hassan'); link the two with 'distinct' if both are right",
        "<records>:record 1 [c]: alias 'Abu Ali' is also spelling 'Abu-Ali' of 'a' "
        "(folded 'abu ali'); link the two with 'distinct' if both are right",
    ]


def test_shared_names_are_linked_as_distinct() -> None:
    records = [
        {"id": "a", "name": "Ali Hassan"},
        {"id": "b", "name": "ALI  HASSAN", "aliases": ["Karim"]},
        {"id": "c", "name": "Karim", "aliases": ["Ali-Hassan"]},
        {"id": "d", "name": "Omar"},
    ]
    table = AliasTable.from_records(records)  # (shared_names="distinct", the default)
    assert table["a"].distinct == {"b", "c"}
    assert table["b"].distinct == {"a", "c"}
    assert table["c"].distinct == {"a", "b"}
    assert table.distinct_from("d") == frozenset() and table["d"].distinct == frozenset()
    assert table.distinct_from("nobody") == frozenset()


def test_entities_without_look_alikes_share_one_empty_set() -> None:
    table = AliasTable.from_records([{"id": f"e{i}", "name": f"Name {i}"} for i in range(3)])
    assert len({id(e.distinct) for e in table}) == 1
    assert Entity("x", "X").distinct is table["e0"].distinct


def test_unchanged_names_are_not_copied() -> None:
    name = "".join(["Qasem ", "Soleimani"])  # a string object of its own
    table = AliasTable.from_records([{"id": "q", "name": name, "aliases": ["A  B"]}])
    assert table["q"].name is name
    assert table["q"].aliases == ("A B",)


def test_entities_are_slotted_frozen_and_pickle() -> None:
    e = Entity("a", "A", kind="person", aliases=("B",), distinct=frozenset({"b"}), origin="x:1")
    assert not hasattr(e, "__dict__")
    with pytest.raises(FrozenInstanceError):
        e.name = "C"  # type: ignore[misc]
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(e, protocol)) == e
    assert replace(e, name="C").name == "C"


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        AliasTable.from_records([{"id": "a", "name": "A"}])
        assert gc.isenabled() is enabled
        with pytest.raises(AliasTableError):
            AliasTable.from_records([{"id": "a", "name": "A"}, {"id": "a", "name": "B"}])
        assert gc.isenabled() is enabled
        table = AliasTable.from_records([{"id": "b", "name": "B"}])
        table.merge(AliasTable.from_records([{"id": "c", "name": "C"}]))
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_records_may_be_a_generator() -> None:
    records = ({"id": f"e{i}", "name": f"Name {i}"} for i in range(5))
    assert len(AliasTable.from_records(records)) == 5
