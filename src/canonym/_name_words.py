"""Curated name words: different names that no rule of the script tells apart.

Hamid, Hamed and Hamad are three Arabic names of one root; their Latin spellings differ by a
vowel, as Qasem and Qasim (one name) do. Only a list can say which is which: the bundled
``aliases/name-words/distinct.toml`` (see ``docs/alias-table.md``). A word of one listed name
is never taken for a word of another name of its group: :mod:`canonym.similarity` caps their
similarity below what pairs two words, and so every part of canonym keeps them apart.

>>> distinct_names("hamid", "hamed"), distinct_names("husein", "hasan")
(True, True)
>>> distinct_names("ahmed", "ahmad"), distinct_names("hamid", "soleimani")
(False, False)
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from .errors import AliasTableError, Problem
from .keys import orth
from .normalize import fold
from .parse import parse

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["distinct_names", "load_distinct", "names_apart"]

# (group, name) of each normalised spelling that a curated group lists.
NameOf = dict[str, tuple[int, int]]


def load_distinct(path: Path) -> NameOf:
    """Read a file of ``[[group]]`` tables, each with ``names``: lists of spellings.

    Raises :class:`canonym.AliasTableError` naming the file, the group's line and the
    spelling when the file is not such a table, or when two names of a group share a
    normalised form (they could not be told apart by it)."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise AliasTableError([Problem(str(path), "-", "", f"invalid TOML: {err}")]) from err
    headers = [i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "[[group]]"]
    groups = data.get("group")
    if set(data) != {"group"} or not isinstance(groups, list):
        raise AliasTableError([Problem(str(path), "line 1", "", "expected [[group]] tables only")])
    name_of: NameOf = {}
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
            for spelling in spellings:
                form = orth(fold(spelling))
                other = name_of.setdefault(form, (g, n))
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
    return name_of


def _bundled() -> NameOf:
    here = Path(__file__).resolve().parent
    for directory in (here / "aliases", here.parent.parent / "aliases"):
        path = directory / "name-words" / "distinct.toml"
        if path.is_file():
            return load_distinct(path)
    return {}  # a source tree without the table: nothing is listed, the rules judge alone


_NAME_OF = _bundled()


def distinct_names(orth_a: str, orth_b: str) -> bool:
    """Whether two normalised words (``canonym.keys.orth`` of folded words) are spellings of
    two names that a curated group keeps apart."""
    a = _NAME_OF.get(orth_a)
    if a is None:
        return False
    b = _NAME_OF.get(orth_b)
    return b is not None and a[0] == b[0] and a[1] != b[1]


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
