"""Alias tables: validation errors name file, line and entity; a bad load loses nothing."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import canonym
from canonym import AliasTable, AliasTableError

GOOD = """
[[entity]]
id = "iraq"
name = "Iraq"
kind = "place"
spellings = ["Irak"]
distinct = ["iran"]
sources = ["ISO 3166-1"]

[[entity]]
id = "iran"
name = "Iran"
kind = "place"
aliases = ["Persia"]
sources = ["ISO 3166-1"]
"""


def _write(tmp_path: Path, text: str, name: str = "t.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_file_and_directory(tmp_path: Path) -> None:
    table = AliasTable.load(_write(tmp_path, GOOD))
    assert len(table) == 2 and table["iran"].aliases == ("Persia",)
    assert {e.id for e in table} == {"iraq", "iran"}
    assert AliasTable.load(tmp_path)["iraq"].spellings == ("Irak",)
    assert table.distinct_from("iran") == {"iraq"}  # distinct is symmetric


@pytest.mark.parametrize(
    ("mutation", "message", "entity", "line"),
    [
        (lambda s: s.replace('id = "iran"', 'id = "iraq"'), "duplicate id", "iraq", 10),
        (
            lambda s: s.replace('name = "Iran"', 'name = "  "'),
            "empty or missing 'name'",
            "iran",
            10,
        ),
        (
            lambda s: s.replace('kind = "place"\naliases', 'kind = "country"\naliases'),
            "unknown kind",
            "iran",
            10,
        ),
        (
            lambda s: s.replace('aliases = ["Persia"]', 'aliases = ["Irak"]').replace(
                'distinct = ["iran"]\n', ""
            ),
            "is also alias 'Irak' of 'iran'",
            "iraq",
            2,
        ),
        (
            lambda s: s.replace('aliases = ["Persia"]', 'aliases = ["IRAQ"]').replace(
                'distinct = ["iran"]\n', ""
            ),
            "is also alias 'IRAQ' of 'iran'",
            "iraq",
            2,
        ),
        (
            lambda s: s.replace('distinct = ["iran"]', 'distinct = ["syria"]'),
            "missing id 'syria'",
            "iraq",
            2,
        ),
        (lambda s: s.replace('sources = ["ISO 3166-1"]\n\n', "\n"), "no 'sources'", "iraq", 2),
        (
            lambda s: s.replace('kind = "place"\nspellings', 'kinds = "place"\nspellings'),
            "unknown key",
            "iraq",
            2,
        ),
        (
            lambda s: s.replace('id = "iran"', 'id = "Iran Country"'),
            "malformed id",
            "Iran Country",
            10,
        ),
    ],
)
def test_errors_name_file_line_and_entity(
    tmp_path: Path, mutation: object, message: str, entity: str, line: int
) -> None:
    path = _write(tmp_path, mutation(GOOD))  # type: ignore[operator]
    with pytest.raises(AliasTableError) as info:
        AliasTable.load(path)
    text = str(info.value)
    assert message in text
    problem = next(p for p in info.value.problems if message in p.message or message in str(p))
    assert problem.source == str(path)
    assert problem.entity_id == entity
    assert problem.location == f"line {line}"


def test_shared_alias_is_allowed_between_distinct_entities(tmp_path: Path) -> None:
    text = GOOD.replace('aliases = ["Persia"]', 'aliases = ["Persia", "Irak"]')
    assert "Irak" in AliasTable.load(_write(tmp_path, text))["iran"].aliases


def test_broken_toml_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD + "\n[[entity]\nid = 'x'\n")
    with pytest.raises(AliasTableError, match=r"t\.toml:line 17: invalid TOML"):
        AliasTable.load(path)


def test_bad_load_keeps_the_previous_table_usable(tmp_path: Path) -> None:
    good = AliasTable.load(_write(tmp_path, GOOD, "good.toml"))
    resolver = canonym.Resolver(good)
    bad = _write(tmp_path / "..", GOOD.replace('id = "iran"', 'id = "iraq"'), "bad.toml")
    with pytest.raises(AliasTableError):
        AliasTable.load(bad)
    m = resolver.resolve("Irak")
    assert m is not None and m.entity_id == "iraq"


def test_from_records_validates_and_types() -> None:
    with pytest.raises(AliasTableError, match=r"<records>:record 2 \[a\]: duplicate id"):
        AliasTable.from_records([{"id": "a", "name": "A"}, {"id": "a", "name": "B"}])
    with pytest.raises(TypeError, match="'records'"):
        AliasTable.from_records("Iraq")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'path'"):
        AliasTable.load(42)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        AliasTable.load("/nonexistent/aliases")


def test_table_pickles(tmp_path: Path) -> None:
    table = AliasTable.load(_write(tmp_path, GOOD))
    clone = pickle.loads(pickle.dumps(table))
    assert [e.id for e in clone] == [e.id for e in table]
    assert clone.distinct_from("iran") == {"iraq"}
