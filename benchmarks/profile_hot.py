"""cProfile of canonym's slow paths, on the benchmarks' own data: where the time goes.

Targets (choose with ``--only``, default all):

- ``resolve``: ``Resolver.resolve`` on the 80/20 variant/miss mix at ``--n`` aliases (1e5);
- ``exact``: ``Resolver.resolve`` on exact hits at ``--n``;
- ``build``: ``AliasTable.from_records`` + ``Resolver`` at ``--n``;
- ``check``: ``canonym.check`` on a 1 MB draft (bench_check's "edited" draft, bundled table);
- ``cluster``: ``canonym.cluster`` on ``--m`` mentions (1e4) of bench_cluster_speed;
- ``import``: the slowest modules of ``python -X importtime -c "import canonym"``.

Each prints the top functions by own time (tottime) and by cumulative time. Profiling slows
pure-Python code 1.5-3x; the shares, not the absolute times, are what to read.

Run: ``python -m benchmarks.profile_hot [--only resolve,check] [--n 100000] [--m 10000]``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ._measure import ROOT

TOP = 18


def _profile(label: str, fn: Callable[[], Any]) -> str:
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    out.write(f"## {label}: {total:.2f} s of own time under the profiler\n")
    stats.sort_stats("tottime").print_stats(TOP)
    stats.sort_stats("cumulative").print_stats(TOP)
    text = out.getvalue()
    print(text, flush=True)
    return text


def _resolver(n: int) -> tuple[Any, Any]:
    import canonym

    from . import _synth

    entities = _synth.table_entities(n)
    table = canonym.AliasTable.from_records([e.record() for e in entities], shared_names="distinct")
    return canonym.Resolver(table), entities


def profile_resolve(n: int) -> None:
    from . import _synth

    resolver, entities = _resolver(n)
    queries = [q for q, _ in _synth.make_queries(entities, part=11).mix()]
    _profile(f"resolve, 80/20 mix, N={n:,}", lambda: [resolver.resolve(q) for q in queries])


def profile_exact(n: int) -> None:
    from . import _synth

    resolver, entities = _resolver(n)
    queries = [q for q, _ in _synth.make_queries(entities, 8, 2, 20_000, part=10).exact]
    _profile(f"resolve, exact hits, N={n:,}", lambda: [resolver.resolve(q) for q in queries])


def profile_build(n: int) -> None:
    import canonym

    from . import _synth

    records = _synth.table_records(n)

    def build() -> None:
        table = canonym.AliasTable.from_records(records, shared_names="distinct")
        canonym.Resolver(table)

    _profile(f"build, N={n:,}", build)


def profile_check() -> None:
    import canonym

    from .bench_check import synthetic_draft

    table = canonym.AliasTable.default()
    resolver = canonym.Resolver(table)
    canonym.check("warm up the index", table=resolver)
    draft = synthetic_draft(table, 1_000_000, seed=1000, misspelt=0.03)
    _profile(
        "check, 1 MB edited draft, bundled table", lambda: canonym.check(draft, table=resolver)
    )


def profile_cluster(m: int) -> None:
    import canonym

    from .bench_cluster_speed import mentions

    names, _ = mentions(m)
    _profile(f"cluster, M={m:,}", lambda: canonym.cluster(names))


def profile_import() -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import canonym"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[0].strip().startswith("import time:"):
            try:
                own = int(parts[0].split(":")[1])
                cumulative = int(parts[1])
            except ValueError:
                continue
            rows.append((cumulative, own, parts[2].rstrip()))
    print("## import canonym: slowest modules (microseconds, -X importtime)")
    print(f"{'cumulative':>11} {'own':>9}  module")
    for cumulative, own, name in sorted(rows, reverse=True)[:TOP]:
        print(f"{cumulative:>11} {own:>9}  {name}")
    print()


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m benchmarks.profile_hot")
    p.add_argument("--only", default="resolve,exact,build,check,cluster,import")
    p.add_argument("--n", type=int, default=100_000)
    p.add_argument("--m", type=int, default=10_000)
    args = p.parse_args(list(sys.argv[1:] if argv is None else argv))
    jobs: dict[str, Callable[[], None]] = {
        "resolve": lambda: profile_resolve(args.n),
        "exact": lambda: profile_exact(args.n),
        "build": lambda: profile_build(args.n),
        "check": profile_check,
        "cluster": lambda: profile_cluster(args.m),
        "import": profile_import,
    }
    for name in args.only.split(","):
        jobs[name.strip()]()


if __name__ == "__main__":
    main()
