"""The clustering's fast judgement (``canonym._judge.decide``) against compare's full one.

``decide`` must give every pair the score and conflict flag that ``judge_words(...,
decide=True)`` gives it, to the last bit: the clustering sums and ranks these scores, so any
difference could move a name to another cluster. The pairs are the ones the clustering itself
judges on real and synthetic lists (so they are the pairs that matter), and neighbours in sort
order under every kind.
"""

from __future__ import annotations

import csv
import importlib
import itertools
import random
from collections.abc import Iterator

import pytest
from conftest import DATA
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_data import DEV, REAL, read_tsv, require, synthetic_mentions

import canonym
from canonym._judge import decide
from canonym.compare import judge_words, words

cluster_module = importlib.import_module("canonym.cluster")
KINDS = (None, "person", "organization", "place", "other")


def _check(a: str, b: str, kind: str | None) -> tuple[float, bool]:
    """The fast answer, after checking it against the full one (in compare's order)."""
    if b < a:
        a, b = b, a
    wa, wb = words(a), words(b)
    fast = decide(wa, wb, kind)
    full = judge_words(wa, wb, kind, decide=True)
    assert fast == (full.score, full.conflict), (a, b, kind, fast, full)
    return fast


class _Recorder:
    """Stands in for ``decide`` inside the clustering: checks and counts every pair judged."""

    def __init__(self) -> None:
        self.pairs = 0

    def __call__(self, wa: object, wb: object, kind: str | None) -> tuple[float, bool]:
        self.pairs += 1
        full = judge_words(wa, wb, kind, decide=True)  # type: ignore[arg-type]
        fast = decide(wa, wb, kind)  # type: ignore[arg-type]
        assert fast == (full.score, full.conflict), (wa, wb, kind, fast, full)
        return fast


def _cluster_checked(
    monkeypatch: pytest.MonkeyPatch, names: list[str], kind: str | None = None
) -> int:
    recorder = _Recorder()
    monkeypatch.setattr(cluster_module, "decide", recorder)
    canonym.cluster(names, kind=kind)
    monkeypatch.undo()
    return recorder.pairs


def _synthetic_mentions(m: int) -> list[str]:
    return synthetic_mentions(m, seed=7)


def _ofac_names() -> Iterator[tuple[str, str]]:
    path = require(REAL / "ofac_sdn_2023-12-28_names.tsv")
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield row["name"], row["kind"]


def _groups_names() -> list[str]:
    with open(DATA / "cluster_groups.tsv", encoding="utf-8", newline="") as f:
        return [row["name"] for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def test_pairs_the_clustering_judges_synthetic(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _cluster_checked(monkeypatch, _synthetic_mentions(3000)) > 3000


def test_pairs_the_clustering_judges_ofac(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = list(_ofac_names())
    by_kind: dict[str, list[str]] = {}
    for name, kind in rows[::3]:
        by_kind.setdefault(kind, []).append(name)
    judged = _cluster_checked(monkeypatch, [name for name, _ in rows[::4]])
    for kind, names in sorted(by_kind.items()):
        judged += _cluster_checked(monkeypatch, names[:2500], kind if kind in KINDS else None)
    assert judged > 5000


def test_pairs_the_clustering_judges_dev_and_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    dev = [r["text"] for r in read_tsv(DEV / "entities.tsv")]
    lookalikes = [r["query"] for r in read_tsv(DEV / "lookalikes.tsv")]
    names = dev + lookalikes + _groups_names()
    judged = sum(_cluster_checked(monkeypatch, names, kind) for kind in (None, "person"))
    assert judged > 100


def test_neighbours_in_sort_order_under_every_kind() -> None:
    """Pairs the clustering may never meet: neighbours and random pairs, each kind."""
    rng = random.Random(3)
    dev = [r["text"] for r in read_tsv(DEV / "entities.tsv")]
    names = sorted(
        set(dev + _groups_names() + [n for n, _ in itertools.islice(_ofac_names(), 3000)])
    )
    pairs = list(itertools.pairwise(names)) + [tuple(rng.sample(names, 2)) for _ in range(1000)]
    for a, b in pairs:
        for kind in KINDS:
            _check(a, b, kind)
    assert len(pairs) > 1000


_WORDS = st.sampled_from(
    "al abu bin abd ul din qasem ghasem soleimani soleymani hussein husseini hosseini "
    "mohammad muhammad j c jc a v putin vladimir viktorovich ivanovich sergey lavrov ag gmbh "
    "bank of the islamic republic siemens hezbollah kataib patr ushev patrushev".split()
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_WORDS, min_size=1, max_size=5),
    st.lists(_WORDS, min_size=1, max_size=5),
    st.sampled_from(KINDS),
)
def test_generated_names(a: list[str], b: list[str], kind: str | None) -> None:
    _check(" ".join(a).title(), " ".join(b), kind)
