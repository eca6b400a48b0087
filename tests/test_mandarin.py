"""The table of Mandarin readings shipped with canonym, and the reading of Han names by it."""

from __future__ import annotations

from importlib.resources import files

import regex
from hypothesis import given
from hypothesis import strategies as st

from canonym._mandarin import _readings, mandarin_reading

_HAN = regex.compile(r"\p{Han}")


def _table_lines() -> list[str]:
    text = files("canonym").joinpath("mandarin.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_every_line_is_a_code_point_and_readings_in_plain_letters() -> None:
    lines = _table_lines()
    assert lines
    for line in lines:
        start, *readings = line.split()
        assert len(start) == 4 and int(start, 16) % 16 == 0, line
        assert 1 <= len(readings) <= 16, line
        for reading in readings:
            assert reading == "-" or (reading.isascii() and reading.isalpha()), line
            assert reading == reading.lower(), line


def test_the_table_covers_the_unified_ideographs() -> None:
    readings = _readings()
    unified = [code for code in range(0x4E00, 0xA000) if code in readings]
    # (pinyin-data lists a reading for all but a few dozen of the 20,992 code points)
    assert len(unified) > 20_000
    assert all(_HAN.fullmatch(chr(code)) for code in readings)


def test_a_han_name_is_read_in_mandarin_where_unidecode_reads_otherwise() -> None:
    # 宁 is Ning in Ningbo and Nanning; unidecode writes the character's older reading, Zhu.
    assert mandarin_reading("南宁") == "Nan Ning"
    assert mandarin_reading("Nanning 南宁") == "Nanning Nan Ning"


def test_no_reading_when_unidecode_reads_every_character_alike() -> None:
    assert mandarin_reading("北京") is None
    assert mandarin_reading("Beijing") is None
    assert mandarin_reading("Пекин") is None


@given(st.text(max_size=40))
def test_a_reading_holds_no_han_character_of_the_table(text: str) -> None:
    reading = mandarin_reading(text)
    if reading is not None:
        assert not any(ord(char) in _readings() for char in reading)
        assert reading == " ".join(reading.split())


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=12))
def test_a_han_text_read_in_mandarin_is_read_once(text: str) -> None:
    # Every character with a reading is written in Latin letters; one without (the newest
    # code points of the block, 鿖) stays as written.
    reading = mandarin_reading(text)
    if reading is not None:
        assert all(char.isascii() or ord(char) not in _readings() for char in reading)
        assert mandarin_reading(reading) is None


def test_a_character_without_a_reading_stays_as_written() -> None:
    unread = next(code for code in range(0x9FFF, 0x4E00, -1) if code not in _readings())
    assert mandarin_reading("宁" + chr(unread)) == "Ning " + chr(unread)
