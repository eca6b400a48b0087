"""English ordinals as numbers: what ``compare`` rewrites to digits and what the scorer's cap
on numbers reads as a number (Fifteenth Ocean is 15th Ocean, and no Fourteenth Ocean)."""

from __future__ import annotations

__all__ = ["ORDINALS"]

#: The ordinals to the twentieth, and the tens after it, by their numbers.
ORDINALS: dict[str, int] = {
    word: n
    for n, word in enumerate(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
        twentieth""".split(),
        1,
    )
} | {
    word: 10 * n
    for n, word in enumerate(
        "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(), 3
    )
}
