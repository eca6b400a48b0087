"""A person's name that matches only with its words swapped *and* respelt is not resolved.

Cases in ``tests/data/name_order_cases.tsv``: the query, the entity it resolves to (empty:
none), the entity that must be among its candidates when it does not resolve, and why.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canonym import AliasTable, Resolver
from canonym.parse import EAST_ASIAN_FAMILY_NAMES, parse

CASES = Path(__file__).parent / "data" / "name_order_cases.tsv"


def _cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(
        AliasTable.from_records(
            [
                {"id": "marie-toby", "name": "Marie Toby", "kind": "person"},
                {"id": "qassem-soleimani", "name": "Qassem Soleimani", "kind": "person"},
                {"id": "noor-trading", "name": "Nour Trading", "kind": "organization"},
                {"id": "muhammad-qaddafi", "name": "QADDAFI, Muhammad", "kind": "person"},
                {"id": "muammar-qaddafi", "name": "ELKADDAFI, Muammar", "kind": "person"},
            ]
        )
    )


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["query"])
def test_name_order_cases(resolver: Resolver, case: dict[str, str]) -> None:
    m = resolver.resolve(case["query"])
    assert (m.entity_id if m else "") == case["expected_id"], case["why"]
    if case["candidate_id"]:
        candidates = resolver.candidates(case["query"])
        assert [c.entity_id for c in candidates][:1] == [case["candidate_id"]], case["why"]
        assert candidates[0].score < resolver.threshold


def test_the_swapped_and_respelt_candidate_stays_under_a_lower_threshold_too() -> None:
    table = AliasTable.from_records([{"id": "m", "name": "Marie Toby", "kind": "person"}])
    lenient = Resolver(table, threshold=0.7)
    assert lenient.resolve("Toby Marija") is None
    assert lenient.resolve("Marija Toby") is not None


def _family_first_cases() -> list[dict[str, str]]:
    with (CASES.parent / "family_first_cases.tsv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@pytest.fixture(scope="module")
def family_first_resolver() -> Resolver:
    return Resolver(AliasTable.load(CASES.parent / "family_first_table.toml"))


@pytest.mark.parametrize("case", _family_first_cases(), ids=lambda c: c["query"])
def test_family_first_names(family_first_resolver: Resolver, case: dict[str, str]) -> None:
    """Chinese and Korean names put the family name first (tests/data/family_first_cases.tsv):
    an answer only where one entity fits, and every entity that fits among the candidates."""
    m = family_first_resolver.resolve(case["query"])
    assert (m.entity_id if m else "") == case["expected"], case["why"]
    candidates = {c.entity_id for c in family_first_resolver.candidates(case["query"])}
    assert set(case["candidates"].split()) <= candidates, case["why"]


# Given-name syllables of Chinese and Korean names, in several romanisations.
_SYLLABLES = "jong un il sung yo jae myung xiao ping jin tao geun hye seong eun ying wen".split()


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(EAST_ASIAN_FAMILY_NAMES)),
    st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=2),
)
def test_a_family_first_name_and_its_listed_form_parse_alike(
    family: str, syllables: list[str]
) -> None:
    """Kim Jong Un and "KIM, Jong Un" are one name: the same words, the same roles, and the
    family name is the first word of the one and the word before the comma of the other."""
    given_name = " ".join(s.title() for s in syllables)
    natural = parse(f"{family.title()} {given_name}")
    listed = parse(f"{family.upper()}, {given_name}")
    assert natural.tokens[0].role == "family"
    assert [t.role for t in natural.tokens[1:]] == ["given"] * len(syllables)
    assert sorted(natural.tokens) == sorted(listed.tokens)
