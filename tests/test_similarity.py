"""Word-level similarity: the pairs in tests/data/word_pairs.tsv, and its basic properties."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canonym.parse import parse
from canonym.similarity import score_names, word_similarity

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


# Real name words; a name of three is matched by a query that leaves one out.
NAME_WORDS = (
    "qassem soleimani sohrab khamenei mojtaba hassan nasrallah haniyeh shin bill holding "
    "kristoffer frederick cox marty adib battalion zelenska olena ibrahim jamal"
).split()


@given(
    st.lists(st.sampled_from(NAME_WORDS), min_size=3, max_size=3, unique=True),
    st.integers(0, 2),
    st.integers(0, 1),
    st.integers(0, 20),
    st.sampled_from([None, "person", "organization"]),
)
def test_a_doubled_letter_never_lifts_a_name_that_leaves_a_word_out(
    alias_words: list[str], left_out: int, typo_word: int, typo_at: int, kind: str | None
) -> None:
    """A typo is no evidence: the query with a letter doubled scores no higher than the query
    spelled right (a pair is weighed by the alias's word, not the query's longer one)."""
    alias = parse(" ".join(alias_words))
    kept = [w for i, w in enumerate(alias_words) if i != left_out]
    word = kept[typo_word]
    at = typo_at % len(word)
    typo = [*kept]
    typo[typo_word] = word[: at + 1] + word[at:]
    right = score_names(parse(" ".join(kept)), alias, kind=kind).score
    assert score_names(parse(" ".join(typo)), alias, kind=kind).score <= right + 1e-9
