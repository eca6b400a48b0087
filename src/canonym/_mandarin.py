"""Chinese names written in Han, read in Mandarin from a table of readings (``mandarin.txt``).

unidecode writes each Han character in Latin letters, and for some characters of names it
writes a reading the character has lost or never had in names: 宁 (Ningbo, Xining) as Zhu,
汉 (Wuhan) as Yi, 广 (Guangxi) as Yan, 叶 (the family name Ye) as Xie. ``mandarin.txt`` holds
one reading per character, the first that pinyin-data lists (see the file's header and
``tools/make_mandarin_table.py``). Neither reading is always the one a name takes: a character
of several readings may be read one way in a place's name and another in a word (长 is Chang
in Changsha, Zhang in a title; unidecode has Chang, the table Zhang), so the resolver tries
this reading only for a name that resolves to nothing as unidecode writes it.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from .normalize import to_ascii

__all__ = ["mandarin_reading"]

_TABLE = "mandarin.txt"
_NO_READING = "-"


@cache
def _readings() -> dict[int, str]:
    """Code point -> reading, capitalised and followed by a space as unidecode writes one."""
    out: dict[int, str] = {}
    text = files("canonym").joinpath(_TABLE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        start, *readings = line.split()
        first = int(start, 16)
        for offset, reading in enumerate(readings):
            if reading != _NO_READING:
                out[first + offset] = reading.capitalize() + " "
    return out


def mandarin_reading(text: str) -> str | None:
    """``text`` with each Han character written as its Mandarin reading in the table, or
    ``None`` when no character's reading there differs from unidecode's.

    >>> mandarin_reading("宁波"), mandarin_reading("北京"), mandarin_reading("Ningbo")
    ('Ning Bo', None, None)
    """
    if text.isascii():
        return None
    readings = _readings()
    out: list[str] = []
    differs = False
    for char in text:
        reading = readings.get(ord(char))
        if reading is None:
            out.append(char)
            continue
        out.append(reading)
        differs = differs or reading.lower() != to_ascii(char).lower()
    return " ".join("".join(out).split()) if differs else None
