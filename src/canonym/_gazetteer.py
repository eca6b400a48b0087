"""Which country a place is in: the bundled ``place-words/towns.toml``.

Datelines and gazetteers follow a place with its country ("Gao, Mali"), and a table of places
seldom says where they are. This list of the cities and towns that the news names most, by
country, lets the resolver read such a country as evidence: a table's Gao is the Gao of "Gao,
Mali" when the list has Gao in Mali and nowhere else.

Places are compared folded (lowercase ASCII, articles and hyphens as :func:`canonym.fold`
leaves them), the list giving the spellings that writers use: a transliteration key would make
namesakes of places that are not (Odesa and a Serbian town share one). Countries are compared by
the folded names, aliases and spellings of the bundled ``countries.toml``.

>>> sorted(countries_of_places(["Gao"])), sorted(countries_of_places(["Tripoli"]))
(['mali'], ['lebanon', 'libya'])
>>> sorted(countries_of_places(["Tyre", "Sur"])), countries_of_places(["Springfield"])
(['lebanon'], frozenset())
>>> country_named("Burma"), country_named("Atlantis")
('myanmar', None)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from ._designators import country_owners
from .normalize import fold

__all__ = ["countries_of_places", "country_named", "country_of_region"]

_NO_COUNTRIES: frozenset[str] = frozenset()


@cache
def _country_ids() -> dict[str, str]:
    """Folded name, alias or spelling of a country of the bundled ``countries.toml`` -> its ID
    (a name two countries share is left out); empty when the file cannot be read."""
    owners = country_owners() or {}
    return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1}


def country_named(name: str) -> str | None:
    """The ID of the bundled country that ``name`` names (any of its names, folded), if any."""
    return _country_ids().get(fold(name))


def country_of_region(name: str) -> str | None:
    """The ID of the country whose region (province, state, governorate: the bundled
    ``place-words/regions.toml``) ``name`` names, if any; the file lists a name once, under one
    country (Punjab under Pakistan), so a region of two countries says one of them.

    >>> country_of_region("Borno"), country_of_region("Nowhere")
    ('nigeria', None)
    """
    return _regions().get(fold(name))


@cache
def _regions() -> dict[str, str]:
    """Each region of ``place-words/regions.toml``, folded -> its country's ID; empty when the
    file cannot be read. A block whose country is none of ``countries.toml``'s (China's
    province-level municipalities, which are cities) is left out."""
    found: dict[str, str] = {}
    for country, region in _names_by_country("regions.toml", "region", "names"):
        found.setdefault(region, country)
    return found


@cache
def _towns() -> dict[str, frozenset[str]]:
    """Each place of ``place-words/towns.toml``, folded -> the IDs of the countries it is
    listed in; empty when the file cannot be read."""
    found: dict[str, set[str]] = {}
    for country, place in _names_by_country("towns.toml", "country", "places"):
        found.setdefault(place, set()).add(country)
    return {k: frozenset(v) for k, v in found.items()}


def _names_by_country(file_name: str, blocks_key: str, names_key: str) -> Iterator[tuple[str, str]]:
    """(country ID, folded name) for each name of each block of a bundled ``place-words`` file
    whose ``country`` is one of ``countries.toml``'s; nothing when the file cannot be read."""
    from .table import read_bundled_toml

    data = read_bundled_toml("place-words", file_name)
    blocks = data.get(blocks_key, []) if data is not None else []
    for block in blocks if isinstance(blocks, list) else ():
        if not isinstance(block, dict):
            continue
        country = country_named(str(block.get("country", "")))
        if country is None:
            continue
        for name in block.get(names_key, ()):
            if isinstance(name, str) and (folded := fold(name)):
                yield country, folded


def countries_of_places(names: Iterable[str]) -> frozenset[str]:
    """The countries that every one of ``names`` the list knows is listed in: the names of one
    place, so a name of two places (Sur: Tyre in Lebanon, and a town of Oman) narrows nothing
    that another name settles. Empty when the list knows none of them.
    """
    towns = _towns()
    out: frozenset[str] | None = None
    for name in names:
        listed = towns.get(fold(name))
        if listed:
            out = listed if out is None else out & listed
    return out if out is not None else _NO_COUNTRIES
