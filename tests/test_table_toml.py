"""The plain-TOML reader of alias tables reads what tomllib reads, or leaves the file to it.

``_read_plain_toml`` reads the subset of TOML that alias tables are written in, several times
faster than tomllib. It must never read a text differently from tomllib, nor accept a text that
tomllib rejects (the error messages for broken files are tomllib's): where it is unsure it gives
up and tomllib reads the file.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from canonym.table import _read_plain_toml, bundled_aliases_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).resolve().parent / "data"
FILES = sorted(bundled_aliases_dir().glob("*.toml")) + sorted(DATA.glob("*.toml"))


def _tomllib(text: str) -> dict[str, object] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def _agrees(text: str) -> bool:
    """Whether the reader gave up, or read ``text`` exactly as tomllib does."""
    fast = _read_plain_toml(text)
    return fast is None or fast == _tomllib(text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_bundled_and_test_tables_are_read_fast_and_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = _read_plain_toml(text)
    assert fast is not None, "the reader should cover the files canonym ships"
    assert fast == tomllib.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment",
        '[[entity]]\nid = "a"  # trailing comment\n',
        '[[entity]]\nnote = "tab\\there, quote \\" and \\\\ and \\u00e9 \\U0001F600"\n',
        '[[entity]]\nnote = """\\\n    one line, \\\n    joined."""\n',
        '[[entity]]\nnote = """\nfirst line kept\nsecond "quoted" and ""twice""."""\n',
        '[[entity]]\naliases = [\n  "A",  # a comment\n  "B",\n]\n',
        "[[entity]]\naliases = []\nweak = [ ]\n",
        '[[entity]]\n\n\n[[entity]]\nid = "b"',
        '[[entity]]\n  id = "indented"\n\tname = "tabbed"\n',
    ],
)
def test_the_constructs_of_alias_tables_read_as_tomllib_reads_them(text: str) -> None:
    fast = _read_plain_toml(text)
    assert fast is not None
    assert fast == tomllib.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        'id = "top level"\n[[entity]]\n',  # tomllib reads it; the table then reports the key
        '[[entity]]\nid = "a"\nid = "b"\n',  # a key twice: tomllib's error
        '[[entity]]\nid = "a" "b"\n',
        '[[entity]]\nid = "a\\x41"\n',  # not a TOML 1.0 escape
        '[[entity]]\nid = "\\ud800"\n',  # not a scalar value
        '[[entity]]\nid = "a\nb"\n',
        "[[entity]]\nid = 'literal'\n",
        "[[entity]]\nn = 1\n",
        '[[ entity ]]\nid = "a"\n',
        '[entity]\nid = "a"\n',
        '[[entity]]\nid = "a"\r\n',
        '[[entity]]\na.b = "a"\n',
        '[[entity]]\nnote = """four quotes""""\n',
        '[[entity]]\nnote = """escaped \\""" end"""\n',
        '[[entity]]\naliases = ["a",,]\n',
        "[[entity]]\naliases = [,]\n",
        '[[entity]]\naliases = ["a" "b"]\n',
        '[[entity]]\naliases = [["a"]]\n',
        '\ufeff[[entity]]\nid = "bom"\n',
        '[[entity]]\nid = "nul\x00"\n',
    ],
)
def test_anything_else_is_left_to_tomllib(text: str) -> None:
    assert _read_plain_toml(text) is None


_PIECES = [
    '"', '"""', "'", "\\", "\\\\", "\\n", "\\u00e9", "\\U0001F600", "\\ud800", "\\x41", "\\e",
    "\n", "\r\n", "\t", " ", "#", "[", "]", "[[entity]]", "[entity]", ",", "=", "a", "id", "x.y",
    "\x00", "\x7f", "é", "\u2028", "\ufeff", "true", "1", "{}", '""', "''", "\\\n", "\\ \n",
    '"""\n', '""""', "[[ entity ]]", "\u00a0",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_mutated_tables_are_read_alike_or_left_to_tomllib(seed: int) -> None:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in FILES]
    accepted = 0
    for _ in range(1500):
        base = rng.choice(texts)
        start = rng.randrange(0, max(1, len(base) - 2000))
        text = base[start : start + 2000]
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(0, len(text) + 1)
            if rng.random() < 0.7:
                text = text[:i] + rng.choice(_PIECES) + text[i:]
            else:
                text = text[:i] + text[i + rng.randint(1, 5) :]
        assert _agrees(text), text
        accepted += _read_plain_toml(text) is not None
    assert accepted > 20  # the reader is exercised, not only its giving up


def _generated(rng: random.Random) -> str:
    chars = [*"abc XYZ é中\t#=[],\"'\\", '\\"', "\\\\", "\\n", "\\u00e9", "\\ud800", "\\e", '""']
    chars += ["\\\n", "\\  \n  ", "\n", '"""', "\\\\\n"]

    def string() -> str:
        body = "".join(rng.choice(chars) for _ in range(rng.randint(0, 8)))
        if rng.random() < 0.3:
            return '"""' + rng.choice(["", "\n"]) + body + '"""' + rng.choice(["", "", '"'])
        return f'"{body}"'

    def value() -> str:
        if rng.random() < 0.5:
            return string()
        items = [string() for _ in range(rng.randint(0, 4))]
        sep = rng.choice([",", ", ", ",\n  ", " ,\n# c\n", ",,"])
        return "[" + rng.choice(["", "\n  "]) + sep.join(items) + rng.choice(["", ",", "\n"]) + "]"

    lines = []
    for _ in range(rng.randint(0, 3)):
        lines.append(rng.choice(["[[entity]]", "[[entity]]  # c", " [[entity]]", "[entity]"]))
        for _ in range(rng.randint(0, 4)):
            key = rng.choice(["id", "name", "aliases", "note", "a-b_1", "x.y"])
            lines.append(key + rng.choice([" = ", "=", "  =\t"]) + value() + rng.choice(["", " #"]))
    return rng.choice(["\n", "\n", "\r\n"]).join(lines) + rng.choice(["", "\n", "# end"])


def test_generated_tables_are_read_alike_or_left_to_tomllib() -> None:
    rng = random.Random(0)
    accepted = 0
    for _ in range(5000):
        text = _generated(rng)
        assert _agrees(text), text
        accepted += _read_plain_toml(text) is not None
    assert accepted > 500
