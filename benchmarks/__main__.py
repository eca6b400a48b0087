"""Run canonym's benchmarks: ``python -m benchmarks [--quick] [--only AREA ...] [--json PATH]``.

Areas, in the order they run (each prints its tables, canonym beside the alternative, with ratios):

- ``resolve``: throughput, p50/p99 latency and quality at N = 1e3..1e6 aliases
  (:mod:`benchmarks.bench_resolve`);
- ``build``: index build time and peak memory at the same N (:mod:`benchmarks.bench_build`);
- ``load``: bundled table load; ``import``: ``import canonym`` (:mod:`benchmarks.bench_startup`);
- ``cluster``: ``cluster`` time, memory and F1 at M = 1e3..1e5 names
  (:mod:`benchmarks.bench_cluster_speed`);
- ``check``: ``check`` MB/s on 10 KB and 1 MB drafts (:mod:`benchmarks.bench_check`) beside
  pure-Python exact scanners (:mod:`benchmarks.bench_check_peers`);
- ``quality-ofac``: the OFAC held-out protocol (:mod:`benchmarks.bench_ofac_heldout`);
- ``quality-cluster``: nomenklatura pairs, Wikidata token clusters and the dev set
  (:mod:`benchmarks.bench_cluster_quality`).

Then the targets of issue 6, met or missed. ``--quick`` keeps the whole run to about a minute
(N up to 1e4, M up to 1e4, 10 KB drafts, samples of the quality sets); the full run takes
several minutes. Results go to ``--json PATH`` (default ``benchmarks/results/latest.json``)
with the machine they came from.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ._measure import ROOT, machine
from ._targets import evaluate, print_targets


def _resolve(args: list[str]) -> dict[str, Any]:
    from . import bench_resolve

    return bench_resolve.main(args)


def _build(args: list[str]) -> dict[str, Any]:
    from . import bench_build

    return bench_build.main(args)


def _load(args: list[str]) -> dict[str, Any]:
    from . import bench_startup

    return bench_startup.main([*args, "--only", "load"])


def _import(args: list[str]) -> dict[str, Any]:
    from . import bench_startup

    return bench_startup.main([*args, "--only", "import"])


def _cluster(args: list[str]) -> dict[str, Any]:
    from . import bench_cluster_speed

    return bench_cluster_speed.main(args)


def _check(args: list[str]) -> dict[str, Any]:
    from . import bench_check, bench_check_peers

    print("### check(): canonym (bench_check)\n")
    mine = bench_check.main(args)
    print()
    return {"canonym": mine, "peers": bench_check_peers.main(args, mine)}


def _quality_ofac(args: list[str]) -> dict[str, Any]:
    from . import bench_ofac_heldout

    print("### Quality: OFAC held-out protocol\n")
    return bench_ofac_heldout.main(args)


def _quality_cluster(args: list[str]) -> dict[str, Any]:
    from . import bench_cluster_quality

    print("### Quality: compare() and cluster() on labelled real data\n")
    return bench_cluster_quality.main(args)


AREAS: dict[str, Callable[[list[str]], dict[str, Any]]] = {
    "resolve": _resolve,
    "build": _build,
    "load": _load,
    "import": _import,
    "cluster": _cluster,
    "check": _check,
    "quality-ofac": _quality_ofac,
    "quality-cluster": _quality_cluster,
}


def _load_average() -> float:
    try:
        return os.getloadavg()[1]
    except OSError:  # pragma: no cover - not on every platform
        return float("nan")


def parse(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="a run of about a minute")
    p.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="AREA",
        help=f"run only these areas (repeat or comma-separate): {', '.join(AREAS)}",
    )
    p.add_argument(
        "--json",
        default=str(ROOT / "benchmarks" / "results" / "latest.json"),
        metavar="PATH",
        help="where to write the results (default: benchmarks/results/latest.json)",
    )
    args = p.parse_args(list(argv))
    only = [a.strip() for item in args.only for a in item.split(",") if a.strip()]
    unknown = [a for a in only if a not in AREAS]
    if unknown:
        p.error(f"unknown area(s) {', '.join(unknown)}; choose from {', '.join(AREAS)}")
    args.areas = [a for a in AREAS if a in only] if only else list(AREAS)
    return args


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run the chosen areas, print their tables and the targets, write the JSON."""
    args = parse(sys.argv[1:] if argv is None else argv)
    sub = ["--quick"] if args.quick else []
    started = time.perf_counter()
    info = machine()
    print(
        f"canonym benchmarks ({'quick' if args.quick else 'full'} run): {info['cpu']}, "
        f"{info['cores']} cores, {info['memory_gb']} GB, Python {info['python']}, "
        + ", ".join(f"{k} {v}" for k, v in info["versions"].items())
        + f"; commit {info['commit'] or '?'}"
        + (
            f" + {info['uncommitted_src_files']} uncommitted src files"
            if info["uncommitted_src_files"]
            else ""
        )
        + "\n"
    )
    results: dict[str, Any] = {}
    seconds: dict[str, float] = {}
    load: dict[str, float] = {}
    for area in args.areas:
        print(f"## {area}\n", flush=True)
        t0 = time.perf_counter()
        try:
            results[area] = AREAS[area](sub)
        except Exception as err:  # one broken area must not lose the others' figures
            traceback.print_exc()
            print(f"\n{area}: FAILED ({type(err).__name__}: {err})\n", flush=True)
            results[area] = {"error": f"{type(err).__name__}: {err}"}
        seconds[area] = time.perf_counter() - t0
        load[area] = _load_average()
        busy = load[area] > (info["cores"] or 1)
        print(
            f"({area}: {seconds[area]:.0f} s; 5-minute load average {load[area]:.2f} on "
            f"{info['cores']} cores"
            + (": other work competed for the CPU)" if busy else ")")
            + "\n",
            flush=True,
        )
    targets = evaluate(results)
    print("## targets\n")
    print_targets(targets)
    if args.quick:
        print("(a quick run stops at N = 1e4 and M = 1e4 with 10 KB drafts: the targets are")
        print(" judged at N = 1e6, M = 1e5 and on 1 MB drafts, by the full run)\n")
    total = time.perf_counter() - started
    print(f"whole run: {total:.0f} s")
    out = {
        "command": "python -m benchmarks " + " ".join(sys.argv[1:] if argv is None else argv),
        "quick": args.quick,
        "areas": args.areas,
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": info,
        "seconds": seconds | {"total": total},
        "load_average_5min": load,
        "results": results,
        "targets": targets,
    }
    path = Path(args.json)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"results written to {path}")
    return out


if __name__ == "__main__":
    main()
