"""Write ``src/canonym/mandarin.txt``: one Mandarin reading per Han character.

Run by a developer, never by the library or its tests:
``pip install pypinyin==0.55.0 && python tools/make_mandarin_table.py``.

The readings are pypinyin's table of single characters (``pinyin_dict.json``, the data of the
pinyin-data project, itself drawn from Unicode's Unihan database and the Xiandai Hanyu Cihai);
each character gets the first reading listed, its tone mark dropped (ü read as u, as names are
written in English: Lü, Lu). Two blocks are written, the CJK Unified Ideographs and their
Extension A (U+4E00-U+9FFF, U+3400-U+4DBF), where the characters of names are. Why not a
dependency: canonym needs 27,000 short strings, not pypinyin's code or its 2.5 MB of phrases.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from importlib.util import find_spec
from pathlib import Path

BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))
PER_LINE = 16
OUT = Path(__file__).resolve().parent.parent / "src" / "canonym" / "mandarin.txt"

HEADER = """\
# Mandarin readings of Han characters, for canonym's reading of Chinese names written in Han.
# Written by tools/make_mandarin_table.py from pypinyin {version}'s pinyin_dict.json (the data of
# the pinyin-data project, https://github.com/mozillazg/pinyin-data, drawn from Unicode's Unihan
# database): the first reading listed, tone marks dropped, "-" where none is listed. A line is a
# code point in hexadecimal and the readings of it and the {per_line} characters from it on.
#
# pypinyin and pinyin-data are under the MIT License:
#
# Copyright (c) 2016 mozillazg, 闲耘 <hotoo.cn@gmail.com>
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all copies or
# substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
# BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
# DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def plain(reading: str) -> str:
    """A reading without its tone mark, in lowercase ASCII letters (nǚ: nu, ḿ: m)."""
    letters = unicodedata.normalize("NFD", reading)
    out = "".join(c for c in letters if not unicodedata.combining(c)).lower()
    if not out.isascii() or not out.isalpha():
        raise ValueError(f"reading {reading!r} is not letters with tone marks")
    return out


def main() -> None:
    spec = find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pypinyin is not installed: pip install pypinyin==0.55.0")
    package = Path(next(iter(spec.submodule_search_locations)))
    readings = {
        int(code): plain(listed.split(",")[0])
        for code, listed in json.loads((package / "pinyin_dict.json").read_text("utf-8")).items()
    }
    from importlib.metadata import version

    lines = [HEADER.format(version=version("pypinyin"), per_line=PER_LINE)]
    written = 0
    for first, last in BLOCKS:
        for start in range(first, last + 1, PER_LINE):
            row = [readings.get(c, "-") for c in range(start, min(start + PER_LINE, last + 1))]
            lines.append(f"{start:04X} {' '.join(row)}\n")
            written += sum(r != "-" for r in row)
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {OUT}: {written} readings")


if __name__ == "__main__":
    main()
