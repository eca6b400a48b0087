"""Other languages' names of a place: Lvov, Lwów and Lemberg for Lviv, Pékin for Beijing, Alep
for Aleppo, Liban for Lebanon.

They differ by more than a transliteration habit, so no spelling rule joins them; the bundled
``aliases/place-words/exonyms.toml`` lists them, in groups of the names of one place (each name
of no other notable place, in any language), the English name first. The resolver reads it for
a query that resolves to nothing as written (see :meth:`canonym.Resolver.resolve`): a listed
name is the table's place with another name of its group. ``check`` reads it too: two names of
one group in a draft are one place named two ways (Kyiv, Kiev).

Every name is folded (lowercase ASCII).

>>> "lviv" in other_names("lwow"), other_names("nowhere")
(True, ())
>>> group_of("kiev"), group_of("kyiv"), group_of("nowhere")
('kyiv', 'kyiv', None)
"""

from __future__ import annotations

from functools import cache

from .normalize import fold

__all__ = ["group_of", "other_names"]


def other_names(folded: str) -> tuple[str, ...]:
    """The other folded names of the place whose folded name ``folded`` is, or ``()``."""
    found = _by_name().get(folded)
    return () if found is None else tuple(f for f in found if f != folded)


def group_of(folded: str) -> str | None:
    """The folded English name of the place whose folded name ``folded`` is (its group's first
    name), or None when it is not listed."""
    found = _by_name().get(folded)
    return None if found is None else found[0]


@cache
def _by_name() -> dict[str, tuple[str, ...]]:
    """Each folded name of the bundled list, with its group's folded names in order."""
    return {form: group for group in _groups() for form in group}


@cache
def _groups() -> tuple[tuple[str, ...], ...]:
    """The groups of the bundled list, each its folded names in order; none when the file cannot
    be read (then no place is met by another language's name)."""
    from .table import read_bundled_toml

    data = read_bundled_toml("place-words", "exonyms.toml")
    blocks = data.get("place", []) if data is not None else []
    groups = []
    for block in blocks if isinstance(blocks, list) else ():
        names = block.get("names", ()) if isinstance(block, dict) else ()
        forms = tuple(dict.fromkeys(fold(n) for n in names if isinstance(n, str) and n.strip()))
        if len(forms) > 1:
            groups.append(forms)
    return tuple(groups)
