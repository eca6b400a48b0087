"""``cluster(..., workers=N)``: the same clusters from forked workers as from one process.

The forked path splits three steps (scoring each chunk of units against its candidates, linking
each connected part of the edges; finding the units that have a fuller name runs beside them in
a worker of its own) and puts the pieces
back together; a piece lost, doubled or put back in the wrong place would change clusters. The
lists here are compared cluster for cluster with the one-process run, with ``_FORK_FROM``
lowered so that small lists take the forked path too, and a spy checks that they did.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_data import DEV, read_tsv, synthetic_mentions

import canonym
from canonym import _forked, cli

cluster_module = importlib.import_module("canonym.cluster")


class _Spy:
    """Stands in for ``map_forked`` and ``start_forked`` in the cluster module: records which
    steps were forked."""

    def __init__(self) -> None:
        self.steps: list[str] = []

    def __call__(
        self, fn: Callable[[Any, Any], Any], state: Any, tasks: Sequence[Any], workers: int
    ) -> Iterator[Any]:
        self.steps.append(fn.__name__)
        return _forked.map_forked(fn, state, tasks, workers)

    def start(
        self, fn: Callable[[Any, Any], Any], state: Any, task: Any, *, fork: bool
    ) -> _forked.Pending[Any]:
        if fork:
            self.steps.append(fn.__name__)
        return _forked.start_forked(fn, state, task, fork=fork)


def _both(
    monkeypatch: pytest.MonkeyPatch, names: list[str], kind: str | None = None
) -> tuple[list[canonym.Cluster], list[canonym.Cluster], list[str]]:
    """(one process, two workers, the steps the second run forked)."""
    one = canonym.cluster(names, kind=kind)
    spy = _Spy()
    monkeypatch.setattr(cluster_module, "_FORK_FROM", 2)
    monkeypatch.setattr(cluster_module, "map_forked", spy)
    monkeypatch.setattr(cluster_module, "start_forked", spy.start)
    two = canonym.cluster(names, kind=kind, workers=2)
    monkeypatch.undo()
    return one, two, spy.steps


def _synthetic_mentions(m: int) -> list[str]:
    return synthetic_mentions(m, seed=11)


def test_synthetic_list_same_clusters_with_two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    names = _synthetic_mentions(4000)
    one, two, steps = _both(monkeypatch, names)
    assert two == one
    assert sum(len(c) > 1 for c in one) > 200  # a list with real clusters to get wrong
    assert steps == ["_with_fuller", "_score_chunk", "_link_bin"]


def test_short_forms_join_the_same_clusters_with_two_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Surnames alone, beside the full names they may belong to: the last step's work."""
    full = _synthetic_mentions(2000)
    names = full + [name.split()[-1] for name in full[::7] if " " in name and "," not in name]
    one, two, _ = _both(monkeypatch, names, "person")
    assert two == one
    joined = [c for c in one if any(" " not in n for n in c.names) and len(set(c.names)) > 1]
    assert len(joined) > 20  # surnames that joined a full name: the step had work to do


@pytest.mark.parametrize("kind", [None, "person"])
def test_dev_names_same_clusters_with_two_workers(
    monkeypatch: pytest.MonkeyPatch, kind: str | None
) -> None:
    dev = [r["text"] for r in read_tsv(DEV / "entities.tsv")]
    lookalikes = [r["query"] for r in read_tsv(DEV / "lookalikes.tsv")]
    one, two, steps = _both(monkeypatch, dev + lookalikes, kind)
    assert two == one
    assert "_score_chunk" in steps and "_link_bin" in steps


_WORDS = st.sampled_from(
    "qasem ghasem qassem soleimani soleymani solemani sohrab hussein husseini hosseini "
    "mohammad muhammad mohamed ali reza rezaei rezayi kim jong un il khamenei khomeini "
    "abu al bin ibrahim ebrahim vladimir volodymyr putin zelensky zelenskyy".split()
)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), min_size=2, max_size=60))
def test_any_list_same_clusters_with_two_workers(names: list[str]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        one, two, _ = _both(mp, names)
    assert two == one


def test_workers_argument_is_checked() -> None:
    with pytest.raises(TypeError, match="'workers' must be int or None"):
        canonym.cluster(["Iran"], workers="2")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'workers' must be int or None"):
        canonym.cluster(["Iran"], workers=True)
    # None (one per CPU), 0 and negative numbers (one process) are all accepted
    for workers in (None, 0, -1, 3):
        assert [c.names for c in canonym.cluster(["Iran", "Iraq"], workers=workers)] == [
            ("Iran",),
            ("Iraq",),
        ]


def test_without_fork_the_work_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where processes cannot be forked (Windows) the same clusters come from one process."""
    names = _synthetic_mentions(1500)
    one = canonym.cluster(names)
    monkeypatch.setattr(_forked, "can_fork", lambda: False)
    monkeypatch.setattr(cluster_module, "can_fork", lambda: False)
    monkeypatch.setattr(cluster_module, "_FORK_FROM", 2)
    assert canonym.cluster(names, workers=2) == one


def test_map_forked_keeps_task_order_and_state() -> None:
    tasks = list(range(40))
    assert list(_forked.map_forked(lambda base, t: (base, t * t), "s", tasks, 3)) == [
        ("s", t * t) for t in tasks
    ]


def _fails_on_seven(_: None, task: int) -> int:
    if task == 7:
        raise ValueError("task seven")
    return task


def test_start_forked_gives_the_result_forked_or_not() -> None:
    for fork in (True, False):
        job = _forked.start_forked(lambda base, task: [base] * task, "x", 3, fork=fork)
        assert job.result() == ["x", "x", "x"]
        job.close()
    with pytest.raises(ValueError, match="task seven"):
        _forked.start_forked(_fails_on_seven, None, 7, fork=True).result()
    assert not _forked._WORK


def test_map_forked_raises_a_workers_error() -> None:
    with pytest.raises(ValueError, match="task seven"):
        list(_forked.map_forked(_fails_on_seven, None, list(range(10)), 2))
    assert not _forked._WORK  # the pool's state is dropped


def test_cli_workers_gives_the_same_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "names.txt"
    path.write_text("\n".join(_synthetic_mentions(1200)) + "\n", encoding="utf-8")
    assert cli.main(["cluster", str(path)]) == 0
    one = capsys.readouterr().out
    monkeypatch.setattr(cluster_module, "_FORK_FROM", 2)
    assert cli.main(["cluster", str(path), "--workers", "2"]) == 0
    assert capsys.readouterr().out == one
    assert cli.main(["cluster", str(path), "--workers", "0"]) == 0
    assert capsys.readouterr().out == one
