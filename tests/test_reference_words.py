"""The word pairs of the transliteration reference: its hard negatives and the spelling variants
it lists (tests/data/reference_word_pairs.tsv).

Each pair of words is judged as a whole name, as a given name beside a family name, and as a
family name beside a given name: ``compare`` says same or different as the reference does, a
table of one of the names resolves the other exactly when they are one name (both ways), and
``cluster`` puts them together exactly then.
"""

from __future__ import annotations

import csv

import pytest
from conftest import DATA

import canonym

with open(DATA / "reference_word_pairs.tsv", encoding="utf-8", newline="") as f:
    ROWS = list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))
FRAMES = ["{}", "Nabil {}", "{} Karimi"]


def _resolves(query: str, name: str) -> bool:
    table = canonym.AliasTable.from_records([{"id": "x", "name": name, "kind": "person"}])
    return canonym.Resolver(table).resolve(query) is not None


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['a']}-{r['b']}" for r in ROWS])
def test_a_word_pair_is_judged_as_the_reference_says(row: dict[str, str]) -> None:
    same = row["expected"] == "same"
    for frame in FRAMES:
        a, b = frame.format(row["a"].title()), frame.format(row["b"].title())
        assert canonym.compare(a, b).same == same, (a, b)
        assert _resolves(a, b) == same, (a, b)
        assert _resolves(b, a) == same, (b, a)
        assert (len(canonym.cluster([a, b, a])) == 1) == same, (a, b)


def test_the_file_holds_both_verdicts_and_names_its_sources() -> None:
    assert {r["expected"] for r in ROWS} == {"same", "different"}
    for r in ROWS:
        section, _, item = r["source"].partition(".")
        assert section in {"1", "2", "3", "5"}, r
        assert section != "5" or 1 <= int(item) <= 49, r
