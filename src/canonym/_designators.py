"""Place designators: the words that say what kind of place a name is (City, Province, SAR).

The press adds them to a place's name or leaves them out as it pleases ("Busan" and "Busan
City", "Shanxi" and "Shanxi Province", "Hong Kong" and "Hong Kong SAR"), but a designator is
also what tells two places of one name apart: Kherson Oblast is not the city of Kherson, and
Kuwait City is not Kuwait. So a designator is set aside only where it cannot change which
place is meant (see :meth:`canonym.Resolver.resolve`):

- ``city``: "X City" is the place X when X is neither a country nor a region, a strip, an
  island ... (which a city may be named after). Which names are countries is read from the
  bundled table's ``countries.toml``.
- ``territory``: "X SAR" (special administrative region) is X: only Hong Kong and Macau are
  called so, and they are the same territory with and without it.
- ``region``: "X Province", "Governorate of X" is the place X only when the table itself calls
  that place a region (one of its names has a region word), or when one of its names is a
  region no city is named after (the bundled ``place-words/regions.toml``: Hubei, Balochistan,
  Kashmir): a bare X may be the city.
- ``crossing``: "X Checkpoint", "X Border Post", "X Crossing Point" is the place the table
  calls a border crossing by another of these words (Erez Crossing, Erez checkpoint; Masnaa
  Crossing, Masnaa border post), never the bare X: a crossing is named after the town beside it.
- Korean divisions, hyphenated to the name (see :func:`korean_division`): X-si is the city X;
  X-gun and X-gu, a county and a city's district, are the place X, whose seat is named X-eup
  or X-dong; X-do, a province or an island, is X only when the table calls X a region or an
  island.

Every word is folded (lowercase ASCII).

>>> place_designator("busan metropolitan city")
('city', 'busan')
>>> place_designator("the province of shanxi")
('region', 'shanxi')
>>> place_designator("hong kong sar")
('territory', 'hong kong')
>>> place_designator("ostan e hormozgan"), place_designator("viloyati khatlon")
(('region', 'hormozgan'), ('region', 'khatlon'))
>>> place_designator("erez border crossing"), place_designator("masnaa checkpoint")
(('crossing', 'erez'), ('crossing', 'masnaa'))
>>> place_designator("city") is None, place_designator("sadr") is None
(True, True)
"""

from __future__ import annotations

from functools import cache

import regex

from .normalize import fold

__all__ = [
    "ISLAND_WORDS",
    "NOT_A_CITY_WORDS",
    "REGION_WORDS",
    "country_names",
    "country_owners",
    "korean_division",
    "place_designator",
    "region_names",
    "shared_country_names",
]

# The last words that call a place a city, longest first: Korea's metropolitan and special
# cities (Busan Metropolitan City, Seoul Special City) and the plain English word.
_CITY_ENDINGS: tuple[tuple[str, ...], ...] = (
    ("metropolitan", "city"),
    ("special", "city"),
    ("city",),
)
# Hong Kong and Macau's status, written out or as its acronym.
_TERRITORY_ENDINGS: tuple[tuple[str, ...], ...] = (
    ("special", "administrative", "region"),
    ("sar",),
)
#: Words that call a place a first- or second-level division of a country, in the English the
#: press writes and in the transliterated words of the countries it writes about (Russian
#: oblast and krai, Arabic wilaya and muhafaza, Persian ostan, Turkish il and vilayet, Uzbek and
#: Tajik viloyat, Kazakh oblys, and the republics of Russia: Ingushetia Republic).
REGION_WORDS = frozenset(
    """province governorate oblast region prefecture krai kray raion rayon district county
    state municipality wilaya wilayah vilayet muhafazah muhafaza ostan okrug canton department
    voivodeship viloyat viloyati oblys oblysy republic""".split()
)
# The same words before the name in the construct state of Arabic (muhafazat Musandam, wilayat
# Sinai) and with the izafe of Persian and Tajik (ostan-e Hormozgan, viloyati Khatlon): "of".
_REGION_PREFIXES: tuple[tuple[str, ...], ...] = (
    ("ostan", "e"),
    ("ostane",),
    ("viloyati",),
    ("muhafazat",),
    ("wilayat",),
)
# The words other languages open a city's name with, folded: Vietnamese thành phố (Thành phố Hồ
# Chí Minh, Ho Chi Minh City), Spanish ciudad de, Portuguese cidade de, French ville de, Italian
# città di (Ciudad de México, Mexico City), Russian gorod (gorod Moskva). Only with the
# preposition where the language has one: Ciudad Juárez and Ciudad del Este are cities' names.
_CITY_PREFIXES: tuple[tuple[str, ...], ...] = (
    ("thanh", "pho"),
    ("ciudad", "de"),
    ("cidade", "de"),
    ("ville", "de"),
    ("citta", "di"),
    ("gorod",),
)
# The last words that call a place a border crossing, longest first, as the press and the
# authorities that run them name them in English.
_CROSSING_ENDINGS: tuple[tuple[str, ...], ...] = (
    ("border", "crossing", "point"),
    ("border", "crossing"),
    ("crossing", "point"),
    ("border", "checkpoint"),
    ("border", "terminal"),
    ("border", "post"),
    ("crossing",),
    ("checkpoint",),
    ("terminal",),
)
#: Words that call a place an island, in English and as Korean romanises 도 (Dokdo, Jeju-do).
ISLAND_WORDS = frozenset(("island", "islands", "isle", "do"))
#: Words in the name of a place that is no city, though a city may be named like it (Gaza
#: City and the Gaza Strip, Quebec City and the province): with one of them among its names,
#: a place does not answer to "X City".
NOT_A_CITY_WORDS = REGION_WORDS | frozenset(
    """strip island islands isle peninsula valley river sea lake gulf bay coast desert
    mountains mountain heights plain plateau basin delta oasis crossing port airport base camp
    field dam canal republic kingdom emirate sultanate territory territories""".split()
)


def place_designator(folded: str) -> tuple[str, str] | None:
    """The class of the designator a folded place name ends with (or opens with, as
    "Province of X" and, in other languages, "Ostan-e X" and "Ciudad de X"), and the name
    without it; ``None`` when it has none, or nothing else.

    >>> place_designator("marib city"), place_designator("kherson oblast")
    (('city', 'marib'), ('region', 'kherson'))
    """
    words = folded.split()
    if words[:1] == ["the"]:
        words = words[1:]  # the city of Aleppo, the Kashmir region
    if len(words) < 2:
        return None
    for ending in _TERRITORY_ENDINGS:
        if tuple(words[-len(ending) :]) == ending and len(words) > len(ending):
            return "territory", " ".join(words[: -len(ending)])
    for ending in _CITY_ENDINGS:
        if tuple(words[-len(ending) :]) == ending and len(words) > len(ending):
            return "city", " ".join(words[: -len(ending)])
    if words[-1] in REGION_WORDS:
        return "region", " ".join(words[:-1])
    for ending in _CROSSING_ENDINGS:
        if tuple(words[-len(ending) :]) == ending and len(words) > len(ending):
            return "crossing", " ".join(words[: -len(ending)])
    if len(words) > 2 and words[1] == "of":
        if words[0] == "city":
            return "city", " ".join(words[2:])
        if words[0] in REGION_WORDS:
            return "region", " ".join(words[2:])
    for opening in _REGION_PREFIXES:
        if tuple(words[: len(opening)]) == opening and len(words) > len(opening):
            return "region", " ".join(words[len(opening) :])
    for opening in _CITY_PREFIXES:
        if tuple(words[: len(opening)]) == opening and len(words) > len(opening):
            return "city", " ".join(words[len(opening) :])
    return None


# Korean administrative divisions, by the suffix Revised Romanization and McCune-Reischauer
# hyphenate to the name (도 do, 시 si, 군 gun, 구 gu), and the class of designator each is. Source:
# the National Institute of Korean Language's Romanization of Korean (2000), rule 5 of its third
# part: do, si, gun, gu, eup, myeon, ri, dong are written after a hyphen. The last four name
# towns and villages by their own names (Punggye-ri), and are left as written.
_KOREAN_DIVISIONS = {"do": "island", "si": "city", "gun": "division", "gu": "division"}
# (The name's letters may hold McCune-Reischauer's aspirate marks: ' and \u2019 RIGHT SINGLE
# QUOTATION MARK, \u02bc MODIFIER LETTER APOSTROPHE.)
_KOREAN_DIVISION = regex.compile(
    r"\s*(\p{L}[\p{L}\p{M}'\u2019\u02bc ]*?)-(do|si|gun|gu)\s*", regex.IGNORECASE
)


def korean_division(name: str) -> tuple[str, str] | None:
    """The class of the Korean division a place's name ends with, after a hyphen, and the name
    without it, folded; ``None`` for any other name.

    ``island`` (-do, a province or an island: Gyeonggi-do, Yeonpyeong-do), ``city`` (-si) or
    ``division`` (-gun, a county, and -gu, a city's district, named as the place itself).

    >>> korean_division("Yeonpyeong-do"), korean_division("Seongju-gun")
    (('island', 'yeonpyeong'), ('division', 'seongju'))
    >>> korean_division("Daegu") is None, korean_division("Tae-gu")
    (True, ('division', 'tae'))
    """
    found = _KOREAN_DIVISION.fullmatch(name)
    if found is None:
        return None
    rest = fold(found.group(1))
    return (_KOREAN_DIVISIONS[found.group(2).lower()], rest) if rest else None


@cache
def country_owners() -> dict[str, frozenset[str]] | None:
    """Every folded name, alias and spelling of a country in the bundled ``countries.toml``,
    with the IDs of the countries it names; ``None`` when the file cannot be read."""
    fields = _country_fields()
    if fields is None:
        return None
    owners: dict[str, set[str]] = {}
    for field in ("name", "aliases", "spellings"):
        for name, ids in fields[field].items():
            owners.setdefault(name, set()).update(ids)
    return {name: frozenset(ids) for name, ids in owners.items()}


@cache
def shared_country_names() -> dict[str, frozenset[str]]:
    """The weak names of ``countries.toml`` that two countries or more share, as the press uses
    them for either (Korea, Congo), folded, with the IDs of those countries; empty when the
    file cannot be read.

    >>> sorted(shared_country_names()["korea"])
    ['north-korea', 'south-korea']
    """
    fields = _country_fields()
    weak = fields["weak"] if fields is not None else {}
    return {name: frozenset(ids) for name, ids in weak.items() if len(ids) > 1}


@cache
def _country_fields() -> dict[str, dict[str, set[str]]] | None:
    """For each field of ``countries.toml`` that names a country (name, aliases, spellings,
    weak), every folded text of it with the IDs of the countries it names; ``None`` when the
    file cannot be read."""
    from .table import _read_toml, bundled_aliases_dir

    try:
        records = _read_toml(bundled_aliases_dir() / "countries.toml")
    except (OSError, ValueError):
        return None
    fields: dict[str, dict[str, set[str]]] = {f: {} for f in _COUNTRY_FIELDS}
    for _, record in records:
        for field in _COUNTRY_FIELDS:
            value = record.get(field, ())
            for text in (value,) if isinstance(value, str) else value:
                fields[field].setdefault(fold(text), set()).add(str(record["id"]))
    return fields


_COUNTRY_FIELDS = ("name", "aliases", "spellings", "weak")


@cache
def country_names() -> frozenset[str] | None:
    """Every folded name, alias and spelling of a country in the bundled ``countries.toml``;
    ``None`` when the file cannot be read (then no "X City" is read as X)."""
    owners = country_owners()
    return None if owners is None else frozenset(owners)


@cache
def region_names() -> frozenset[str]:
    """Every folded name in the bundled ``place-words/regions.toml``: regions (provinces,
    governorates, republics, and regions the press calls so, as Kashmir) that no city is named
    after, so that "X Province" is X. Empty when the file cannot be read (then only a table's
    own region words say so).

    >>> {"hubei", "kashmir"} <= region_names(), "kherson" in region_names()
    (True, False)
    """
    from .table import read_bundled_toml

    data = read_bundled_toml("place-words", "regions.toml")
    blocks = data.get("region", []) if data is not None else []
    if not isinstance(blocks, list):
        return frozenset()
    return frozenset(
        fold(name)
        for block in blocks
        if isinstance(block, dict)
        for name in block.get("names", ())
        if isinstance(name, str)
    )
