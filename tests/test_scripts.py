"""Names written in their own script resolve against a Latin-only table."""

from __future__ import annotations

import csv

import pytest
from conftest import DATA

import canonym


def _rows() -> list[tuple[str, str, str]]:
    with open(DATA / "scripts.tsv", encoding="utf-8", newline="") as f:
        return [
            (r["query"], r["expected_id"], r["script"]) for r in csv.DictReader(f, delimiter="\t")
        ]


@pytest.fixture(scope="module")
def resolver() -> canonym.Resolver:
    return canonym.Resolver(canonym.AliasTable.load(DATA / "script_table.toml"))


@pytest.mark.parametrize(("query", "expected", "script"), _rows())
def test_script_name_resolves(
    resolver: canonym.Resolver, query: str, expected: str, script: str
) -> None:
    m = resolver.resolve(query)
    assert m is not None, f"{script} {query!r} did not resolve"
    assert m.entity_id == expected


def test_scripts_cover_a_dozen_names_from_several_scripts() -> None:
    rows = _rows()
    assert len(rows) >= 12
    assert len({script for _, _, script in rows}) >= 6
