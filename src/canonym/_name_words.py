"""Curated name words: what no rule of the script can tell about two spellings.

Hamid, Hamed and Hamad are three Arabic names of one root; their Latin spellings differ by a
vowel, as Qasem and Qasim (one name) do. Reza and Ridha are one Persian and Arabic name whose
spellings share little. Only a list can say which is which: the bundled
``aliases/name-words/names.toml`` (see ``docs/alias-table.md``). Each of its groups lists
names, each with its spellings: two spellings of one name are one name, and a spelling of one
name is never taken for a spelling of another name of its group. :mod:`canonym.similarity`
reads the list, and so every part of canonym follows it.

>>> distinct_names("hamid", "hamed"), distinct_names("husein", "hasan")
(True, True)
>>> same_name("reza", "rida"), same_name("ahmed", "ahmad"), same_name("hamid", "hamed")
(True, True, False)
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from .errors import AliasTableError, Problem
from .keys import orth
from .normalize import fold
from .parse import parse
from .table import bundled_aliases_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "distinct_names",
    "load_name_words",
    "name_of",
    "names_apart",
    "names_of_group",
    "same_name",
    "spellings_of",
]


class NameWords:
    """A loaded list: the (group, name) of each normalised spelling, and each name's
    spellings as listed (folded)."""

    def __init__(self) -> None:
        self.name_of: dict[str, tuple[int, int]] = {}
        self.spellings: dict[tuple[int, int], tuple[str, ...]] = {}


def load_name_words(path: Path) -> NameWords:
    """Read a file of ``[[group]]`` tables, each with ``names``: lists of spellings.

    Raises :class:`canonym.AliasTableError` naming the file, the group's line and the
    spelling when the file is not such a table, or when two names share a normalised form
    (they could not be told apart by it)."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise AliasTableError([Problem(str(path), "-", "", f"invalid TOML: {err}")]) from err
    headers = [i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "[[group]]"]
    groups = data.get("group")
    if set(data) != {"group"} or not isinstance(groups, list):
        raise AliasTableError([Problem(str(path), "line 1", "", "expected [[group]] tables only")])
    loaded = NameWords()
    for g, group in enumerate(groups):
        where = f"line {headers[g]}" if g < len(headers) else f"group {g + 1}"
        names = group.get("names") if isinstance(group, dict) else None
        if not isinstance(names, list) or not all(
            isinstance(n, list) and n and all(isinstance(s, str) and s.strip() for s in n)
            for n in names
        ):
            raise AliasTableError(
                [Problem(str(path), where, "", "'names' must be lists of non-empty spellings")]
            )
        for n, spellings in enumerate(names):
            loaded.spellings[g, n] = tuple(dict.fromkeys(fold(s) for s in spellings))
            for spelling in spellings:
                form = orth(fold(spelling))
                other = loaded.name_of.setdefault(form, (g, n))
                if other != (g, n):
                    raise AliasTableError(
                        [
                            Problem(
                                str(path),
                                where,
                                spelling,
                                f"normalises to {form!r}, as a spelling of another listed name",
                            )
                        ]
                    )
    return loaded


def _bundled() -> NameWords:
    try:
        path = bundled_aliases_dir() / "name-words" / "names.toml"
    except FileNotFoundError:
        return NameWords()  # no bundled table at all: the rules judge alone
    return load_name_words(path) if path.is_file() else NameWords()


_BUNDLED = _bundled()
_NAME_OF = _BUNDLED.name_of
_SPELLINGS = _BUNDLED.spellings


def name_of(form: str) -> tuple[int, int] | None:
    """The (group, name) that lists the normalised word ``form``, if any."""
    return _NAME_OF.get(form)


def distinct_names(orth_a: str, orth_b: str) -> bool:
    """Whether two normalised words (``canonym.keys.orth`` of folded words) are spellings of
    two names that a curated group keeps apart."""
    a = _NAME_OF.get(orth_a)
    if a is None:
        return False
    b = _NAME_OF.get(orth_b)
    return b is not None and a[0] == b[0] and a[1] != b[1]


def same_name(orth_a: str, orth_b: str) -> bool:
    """Whether two normalised words are listed as spellings of one name."""
    a = _NAME_OF.get(orth_a)
    return a is not None and a == _NAME_OF.get(orth_b)


def spellings_of(word: str) -> tuple[str, ...]:
    """The listed spellings (folded) of the name that lists the folded ``word``; () if none.

    >>> spellings_of("ridha")
    ('reza', 'rida', 'ridha', 'redha')
    """
    found = _NAME_OF.get(orth(word))
    return () if found is None else _SPELLINGS[found]


def names_of_group(word: str) -> list[tuple[str, ...]]:
    """The listed spellings (folded) of every name of the group that lists the folded
    ``word``, one tuple per name; [] if none.

    >>> [names[0] for names in names_of_group("hamid")][:3]
    ['ahmed', 'hamid', 'hamed']
    """
    found = _NAME_OF.get(orth(word))
    if found is None:
        return []
    return [spellings for (group, _), spellings in _SPELLINGS.items() if group == found[0]]


@lru_cache(maxsize=16384)
def names_apart(a: str, b: str) -> bool:
    """Whether a word of the name ``a`` and a word of the name ``b`` are two names a curated
    group keeps apart: for the rules that join names without comparing their words (two
    names with one transliteration key, where Said and Saad, Hamid and Hamed meet).

    >>> names_apart("Hamid Karimi", "Hamed Karimi"), names_apart("Ahmed Karimi", "Ahmad Karimi")
    (True, False)
    """
    if not _NAME_OF:
        return False
    words_a = {orth(t.text) for t in parse(a).tokens}
    words_b = {orth(t.text) for t in parse(b).tokens}
    return any(distinct_names(x, y) for x in words_a for y in words_b)
