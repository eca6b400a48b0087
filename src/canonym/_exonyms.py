"""Other languages' names of a place: Lvov, Lwów and Lemberg for Lviv, Pékin for Beijing, Alep
for Aleppo, Liban for Lebanon.

They differ by more than a transliteration habit, so no spelling rule joins them; the bundled
``aliases/place-words/exonyms.toml`` lists them, in groups of the names of one place (each name
of no other notable place, in any language). The resolver reads it for a query that resolves to
nothing as written (see :meth:`canonym.Resolver.resolve`): a listed name is the table's place
with another name of its group.

Every name is folded (lowercase ASCII).

>>> "lviv" in other_names("lwow"), other_names("nowhere")
(True, ())
"""

from __future__ import annotations

import sys
from functools import cache

from .normalize import fold

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["other_names"]


def other_names(folded: str) -> tuple[str, ...]:
    """The other folded names of the place whose folded name ``folded`` is, or ``()``."""
    return _groups().get(folded, ())


@cache
def _groups() -> dict[str, tuple[str, ...]]:
    """Each folded name of the bundled list, with the other names of its group; empty when the
    file cannot be read (then no place is met by another language's name)."""
    from .table import bundled_aliases_dir

    try:
        text = (bundled_aliases_dir() / "place-words" / "exonyms.toml").read_text(encoding="utf-8")
        blocks = tomllib.loads(text).get("place", [])
    except (OSError, ValueError):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for block in blocks:
        names = block.get("names", ()) if isinstance(block, dict) else ()
        forms = tuple(dict.fromkeys(fold(n) for n in names if isinstance(n, str) and n.strip()))
        for form in forms:
            out[form] = tuple(f for f in forms if f != form)
    return out
