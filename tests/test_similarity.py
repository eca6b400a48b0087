"""Word-level similarity: the pairs in tests/data/word_pairs.tsv, and its basic properties."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canonym.similarity import word_similarity

PAIRS = Path(__file__).resolve().parent / "data" / "word_pairs.tsv"


def _pairs() -> list[dict[str, str]]:
    with open(PAIRS, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@pytest.mark.parametrize("row", _pairs(), ids=lambda r: f"{r['a']}|{r['b']}")
def test_word_pairs(row: dict[str, str]) -> None:
    sim = word_similarity(row["a"], row["b"])
    assert sim == word_similarity(row["b"], row["a"])
    if row["expected"] == "same":
        assert sim >= 0.85, (row["why"], sim)
    else:
        assert row["expected"] == "different"
        assert sim < 0.8, (row["why"], sim)


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


@given(words, words)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    sim = word_similarity(a, b)
    assert 0.0 <= sim <= 1.0
    assert sim == word_similarity(b, a)
    assert word_similarity(a, a) == 1.0
