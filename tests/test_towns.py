"""The curated list of where places are (``aliases/place-words/towns.toml``).

Each block names a country of the bundled ``countries.toml`` and the places in it; a place
that the list has in one country only is met with that country after a comma or in brackets
(see docs/resolving.md, "A place and its country"). Checked here: the file's shape, that every
country is one the bundled table knows, and, as behaviour, that a listed place of one country
is met with that country and not with a neighbouring one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from canonym import AliasTable, Resolver
from canonym._gazetteer import countries_of_places, country_named
from canonym._name_words import tomllib
from canonym.normalize import fold

LIST = Path(__file__).resolve().parent.parent / "aliases" / "place-words" / "towns.toml"
BLOCKS = tomllib.loads(LIST.read_text("utf-8"))["country"]


def test_every_block_names_a_bundled_country_its_places_and_sources() -> None:
    countries = {e.name for e in AliasTable.default() if e.id == country_named(e.name)}
    for block in BLOCKS:
        assert set(block) == {"country", "places", "sources"}, block
        assert block["country"] in countries, block["country"]
        assert block["places"] and all(isinstance(p, str) and p.strip() for p in block["places"])
        assert block["sources"] and all(s.strip() for s in block["sources"])


def test_a_country_is_listed_once_and_a_place_once_in_it() -> None:
    names = [block["country"] for block in BLOCKS]
    assert len(names) == len(set(names))
    for block in BLOCKS:
        folded = [fold(p) for p in block["places"]]
        repeated = sorted({f for f in folded if folded.count(f) > 1})
        assert repeated == [], (block["country"], repeated)


# A place of each of a few countries, and a neighbour it is not in.
_PLACES = [
    ("Kidal", "Mali", "Niger"),
    ("Mekelle", "Ethiopia", "Eritrea"),
    ("Kramatorsk", "Ukraine", "Russia"),
    ("Quetta", "Pakistan", "Afghanistan"),
]


@pytest.mark.parametrize(("place", "country", "neighbour"), _PLACES)
def test_a_listed_place_is_met_with_its_country_only(
    place: str, country: str, neighbour: str
) -> None:
    assert countries_of_places([place]) == {country_named(country)}
    resolver = Resolver(AliasTable.from_records([{"id": "x", "name": place, "kind": "place"}]))
    for query, expected in (
        (f"{place}, {country}", "x"),
        (f"{place} ({country})", "x"),
        (f"{place}, {neighbour}", None),
    ):
        m = resolver.resolve(query)
        assert (m.entity_id if m else None) == expected, query
