"""The curated list of regions no city is named after (``aliases/place-words/regions.toml``).

Every name it lists is held as behaviour: "X Province", "X region" and "the province of X"
resolve to a table's bare X. And the list is checked against what the bundled table knows: no
listed name is the name of a place the table keeps apart from a region of that name (the city
of Kherson beside Kherson Oblast), which would be exactly the mistake the list must not make.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from canonym import AliasTable, Resolver
from canonym._designators import REGION_WORDS, region_names
from canonym._name_words import tomllib
from canonym.normalize import fold

LIST = Path(__file__).resolve().parent.parent / "aliases" / "place-words" / "regions.toml"
BLOCKS = tomllib.loads(LIST.read_text("utf-8"))["region"]
NAMES = [name for block in BLOCKS for name in block["names"]]
# (a name that ends with a region word of its own, Eastern Province, takes no other)
BARE_NAMES = [n for n in NAMES if fold(n).split()[-1] not in REGION_WORDS]


def test_every_block_names_its_country_regions_and_sources() -> None:
    for block in BLOCKS:
        assert set(block) == {"country", "names", "sources"}, block
        assert block["country"].strip()
        assert block["names"] and all(isinstance(n, str) and n.strip() for n in block["names"])
        assert block["sources"] and all(s.strip() for s in block["sources"])


def test_a_name_is_listed_once() -> None:
    folded = [fold(n) for n in NAMES]
    assert len(folded) == len(set(folded))
    assert region_names() == frozenset(folded)


def test_no_listed_region_is_a_place_the_bundled_table_keeps_apart_from_a_region() -> None:
    """A bundled place named like a listed region, with a region of that name beside it that
    it is kept apart from, is a city named like the region: the list must not have it."""
    table = AliasTable.default()
    clashes = []
    for entity in table:
        if entity.kind != "place" or region_names().isdisjoint(fold(n) for n in entity.names()):
            continue
        for other_id in entity.distinct:
            other = table[other_id]
            words = {w for n in other.names() for w in fold(n).split()}
            if not REGION_WORDS.isdisjoint(words):
                clashes.append((entity.id, other_id))
    assert clashes == []


@pytest.mark.parametrize("name", BARE_NAMES)
def test_a_listed_region_is_met_with_a_designator(name: str) -> None:
    table = AliasTable.from_records([{"id": "r", "name": name, "kind": "place"}])
    resolver = Resolver(table)
    for query in (f"{name} Province", f"the {name} region", f"Province of {name}"):
        found = resolver.resolve(query)
        assert found is not None and found.entity_id == "r", query
        assert found.method in ("designator", "exact", "folded"), query


@pytest.mark.parametrize("city", ["Herat", "Kherson", "Aleppo", "Kirkuk"])
def test_a_region_named_like_a_city_is_not_met_with_a_designator(city: str) -> None:
    """A bare place not listed, whose name a city has, is not met by "X Province": it may be
    the city."""
    assert fold(city) not in region_names()
    table = AliasTable.from_records([{"id": "c", "name": city, "kind": "place"}])
    assert Resolver(table).resolve(f"{city} Province") is None


def test_a_region_met_as_written_beside_a_look_alike() -> None:
    """The rest of "Shanxi Province" is a place of the table as written: Shanxi, though
    Shaanxi, one letter longer, is as near in a fuzzy score."""
    table = AliasTable.from_records(
        [
            {"id": "shanxi", "name": "Shanxi", "kind": "place"},
            {"id": "shaanxi", "name": "Shaanxi", "kind": "place"},
        ]
    )
    resolver = Resolver(table)
    for query, expected in (
        ("Shanxi Province", "shanxi"),
        ("Shaanxi province", "shaanxi"),
        ("the province of Shanxi", "shanxi"),
    ):
        found = resolver.resolve(query)
        assert found is not None and found.entity_id == expected, query


# -- other languages' names of a place (aliases/place-words/exonyms.toml) --------------------

EXONYMS = tomllib.loads((LIST.parent / "exonyms.toml").read_text("utf-8"))["place"]
EXONYM_PAIRS = [(group["names"][0], other) for group in EXONYMS for other in group["names"][1:]]


def test_every_exonym_group_names_its_place_and_sources() -> None:
    for group in EXONYMS:
        assert set(group) == {"names", "sources"}, group
        assert len(group["names"]) >= 2 and all(n.strip() for n in group["names"])
        assert group["sources"] and all(s.strip() for s in group["sources"])


def test_a_name_of_a_place_is_in_one_group() -> None:
    folded = [fold(n) for group in EXONYMS for n in group["names"]]
    assert sorted(f for f in set(folded) if folded.count(f) > 1) == []


@pytest.mark.parametrize(("english", "other"), EXONYM_PAIRS)
def test_another_languages_name_is_the_place(english: str, other: str) -> None:
    table = AliasTable.from_records([{"id": "p", "name": english, "kind": "place"}])
    found = Resolver(table).resolve(other)
    assert found is not None and found.entity_id == "p", other


def test_no_name_of_a_place_is_a_name_of_another_bundled_entity() -> None:
    """The bundled entities that any name of a group names: at most one, a place."""
    by_name: dict[str, set[str]] = {}
    table = AliasTable.default()
    for entity in table:
        for text in entity.names():
            by_name.setdefault(fold(text), set()).add(entity.id)
    clashes = []
    for group in EXONYMS:
        named = set().union(*(by_name.get(fold(n), set()) for n in group["names"]))
        if len(named) > 1 or any(table[i].kind != "place" for i in named):
            clashes.append((group["names"][0], sorted(named)))
    assert clashes == []


def test_a_name_of_two_places_of_a_table_answers_nothing() -> None:
    """A table that lists one place twice, under two of its names (Lviv and Lvov), gets no
    answer for a third (Lemberg): which of the two is meant is not the list's to say. Nor is a
    person named like a place met."""
    assert {"lviv", "lvov", "lemberg"} <= {
        fold(n) for n in next(g["names"] for g in EXONYMS if g["names"][0] == "Lviv")
    }
    twice = AliasTable.from_records(
        [{"id": n.lower(), "name": n, "kind": "place"} for n in ("Lviv", "Lvov")]
    )
    assert Resolver(twice).resolve("Lemberg") is None
    person = AliasTable.from_records([{"id": "x", "name": "Lviv", "kind": "person"}])
    assert Resolver(person).resolve("Lemberg") is None
