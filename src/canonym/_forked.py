"""Spread pure-Python work over forked worker processes (``cluster(..., workers=N)``).

Scoring names is Python code that holds the GIL, so threads cannot share it out; processes
can. The workers are *forked*, so each starts with the caller's prepared state (names parsed,
keys filed, caches warm) already in memory: only a task (a few integers) goes out to a worker
and only its result comes back, and nothing of the state has to be picklable.

Where ``fork`` is not a start method (Windows), :func:`map_forked` runs the tasks in the
calling process: the results are the same, only slower. Forking copies the calling thread
alone; the work run here touches no lock, so a pool forked from a threaded program is safe for
it (a program that holds its own locks across the call is not helped by this).

>>> list(map_forked(lambda base, task: base + task, 10, [1, 2, 3], workers=2))
[11, 12, 13]
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

__all__ = ["Pending", "can_fork", "map_forked", "start_forked", "worker_count"]

State = TypeVar("State")
Task = TypeVar("Task")
Result = TypeVar("Result")

# The work of each pool, by a number of its own: filed just before the pool forks, so every
# worker inherits it and _run reads it there, and dropped in this process once they are forked.
# Two pools at once (two threads) each have their own number.
_WORK: dict[int, tuple[Callable[[Any, Any], Any], Any]] = {}
_NUMBERS = itertools.count()


def worker_count(workers: int | None) -> int:
    """How many processes ``workers`` asks for: ``None`` for one per CPU, at least one.

    >>> worker_count(3), worker_count(0), worker_count(None) >= 1
    (3, 1, True)
    """
    if workers is None:
        return os.cpu_count() or 1
    return max(1, workers)


def can_fork() -> bool:
    """Whether this platform starts processes by forking (not on Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def map_forked(
    fn: Callable[[State, Task], Result],
    state: State,
    tasks: Sequence[Task],
    workers: int,
) -> Iterator[Result]:
    """``fn(state, task)`` for every task, yielded in task order as they finish, computed by
    ``workers`` forked processes (in this process when there is one worker, one task, or no
    ``fork``). ``fn`` runs in the workers on their copy of ``state``: what it changes there
    stays there; only its return value (which must pickle) comes back."""
    if workers <= 1 or len(tasks) <= 1 or not can_fork():
        for task in tasks:
            yield fn(state, task)
        return
    number, pool = _fork_pool(fn, state, min(workers, len(tasks)))
    with pool:
        # Runs of neighbouring tasks go to one worker (a quarter of its share at a time):
        # neighbours share work (the clustering's chunks share candidates, which a worker
        # scores once), while the last runs still even out the load.
        batch = max(1, len(tasks) // (workers * 4))
        yield from pool.imap(_run, [(number, task) for task in tasks], chunksize=batch)


class Pending(Generic[Result]):
    """One task started by :func:`start_forked`: ``result()`` waits for it (or, when it was not
    forked, computes it then); ``close()`` ends its worker if its result was never asked for.

    >>> job = start_forked(lambda base, task: base * task, 6, 7, fork=True)
    >>> job.result(), job.result()
    (42, 42)
    >>> job.close()
    """

    def __init__(self, fn: Callable[[Any, Any], Result], state: Any, task: Any, fork: bool) -> None:
        self._compute: Callable[[], Result] | None = lambda: fn(state, task)
        self._value: Result | None = None
        self._pool: Any = None
        self._async: Any = None
        if fork and can_fork():
            number, self._pool = _fork_pool(fn, state, 1)
            self._async = self._pool.apply_async(_run, ((number, task),))
            self._compute = None

    def result(self) -> Result:
        if self._compute is not None:
            self._value, self._compute = self._compute(), None
        elif self._async is not None:
            try:
                self._value = self._async.get()
            finally:
                self.close()
            self._async = None
        return self._value  # type: ignore[return-value]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def start_forked(
    fn: Callable[[State, Task], Result], state: State, task: Task, *, fork: bool
) -> Pending[Result]:
    """``fn(state, task)`` started now in one forked worker (when ``fork`` and the platform can),
    to run beside the caller's own work; otherwise computed when its result is first asked."""
    return Pending(fn, state, task, fork)


def _fork_pool(fn: Callable[[Any, Any], Any], state: Any, size: int) -> tuple[int, Any]:
    """A pool of ``size`` workers forked with ``(fn, state)`` filed under a new number, and the
    number: the workers inherit the entry, so it is dropped here once they are forked."""
    number = next(_NUMBERS)
    _WORK[number] = (fn, state)
    try:
        return number, multiprocessing.get_context("fork").Pool(size)
    finally:
        del _WORK[number]


def _run(numbered: tuple[int, Any]) -> Any:
    """In a worker: the task, on the state the worker was forked with."""
    number, task = numbered
    fn, state = _WORK[number]
    return fn(state, task)
