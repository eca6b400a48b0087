"""A cheap exact bound on the weighted edit distance of :mod:`canonym.similarity`.

The draft checker asks of most pairs of words only whether their distance is within a small
limit (0.65, or 0.2 for words of up to four letters), and most pairs are far apart. A *rigid*
letter is one that no edit costing at most the limit adds, drops or replaces (``l``, ``m``,
``n``, ``r``, ``w`` and digits at 0.65; most consonants at 0.2). Every edit script that turns
one word into another changes the count of each letter whose counts differ, by edits of that
letter (a swap of two neighbours, the only other edit, keeps every count), so two words whose
rigid letters differ as a multiset are further apart than the limit: the dynamic programme
need not run. The test is exact (``tests/test_check_fast_bounds.py`` holds it to the full
distance).

The costs are read from ``similarity``'s own tables, so that a change of a cost there changes
the rigid letters here.
"""

from __future__ import annotations

from functools import lru_cache

from .similarity import (
    _ALPHABET,
    _GLIDES,
    _INDEL,
    _INDEL_FINAL,
    _INDEL_GLIDE,
    _SUB_FINAL,
    _SUB_ROWS,
)

__all__ = [
    "letter_signature",
    "rigid_letters",
    "rigid_signature",
    "within_reach",
]

# What the dynamic programme charges for any edit of a symbol outside its alphabet (``row.get``,
# ``_INDEL.get`` and ``_SUB_FINAL.get`` default to it).
_OUTSIDE_COST = 1.0


def _cheapest_change(letter: str) -> float:
    """The least that one edit adding, dropping or replacing ``letter`` (or replacing another
    letter by it) costs, wherever it stands in a word."""
    if letter not in _INDEL:
        return _OUTSIDE_COST
    costs = [_INDEL[letter], _INDEL_FINAL[letter]]
    if letter in _GLIDES:
        costs.append(_INDEL_GLIDE)
    for other in _ALPHABET:
        if other != letter:
            costs += [_SUB_ROWS[letter][other], _SUB_ROWS[other][letter]]
            costs += [_SUB_FINAL[(letter, other)], _SUB_FINAL[(other, letter)]]
    return min(costs)


@lru_cache(maxsize=16)
def rigid_letters(limit: float) -> frozenset[str]:
    """The letters of the alphabet that no edit of at most ``limit`` adds, drops or replaces.

    >>> "".join(sorted(rigid_letters(0.65)))
    '0123456789lmnrw'
    """
    return frozenset(ch for ch in _ALPHABET if _cheapest_change(ch) > limit)


@lru_cache(maxsize=1 << 17)
def rigid_signature(word: str, limit: float) -> str:
    """The rigid letters of an ``orth`` form, sorted: equal for any two forms within ``limit``
    (which must be under the cost of a full edit: a symbol outside the alphabet is rigid too).

    >>> rigid_signature("barzani", 0.65), rigid_signature("barazani", 0.65)
    ('nr', 'nr')
    >>> rigid_signature("iraq", 0.65) == rigid_signature("iran", 0.65)
    False
    """
    if not limit < _OUTSIDE_COST:
        raise ValueError(f"limit {limit} is not under the cost of a full edit")
    return letter_signature(word, rigid_letters(limit))


def letter_signature(word: str, letters: frozenset[str]) -> str:
    """The letters of ``word`` that are in ``letters``, and any symbol outside the alphabet
    (rigid at any limit under the cost of a full edit), sorted.

    >>> letter_signature("nechirvan", rigid_letters(0.65))
    'nnr'
    """
    # (the other letters of the alphabet deleted in one C pass, not tested one by one)
    return "".join(sorted(word.translate(_deleting(letters))))


@lru_cache(maxsize=16)
def _deleting(letters: frozenset[str]) -> dict[int, None]:
    """A ``str.translate`` table deleting the letters of the alphabet outside ``letters``."""
    return {ord(ch): None for ch in _INDEL if ch not in letters}


def within_reach(a: str, b: str, limit: float) -> bool:
    """False when the ``orth`` forms ``a`` and ``b`` are certainly more than ``limit`` apart
    (``similarity.orth_distance``); True when they may be within it.

    >>> within_reach("erbil", "arbil", 0.65), within_reach("iran", "iraq", 0.65)
    (True, False)
    """
    return rigid_signature(a, limit) == rigid_signature(b, limit)
