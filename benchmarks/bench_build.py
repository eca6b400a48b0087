"""Index build time and peak memory at N = 1e3 ... 1e6 aliases, beside the naive rapidfuzz set-up.

Every (N, method) runs in its own fresh child process, so sizes and methods do not pollute each
other. The parent generates the records (:mod:`benchmarks._synth`) and pickles them to a
temporary file; the child loads them (so that no freed generation memory is there for the build
to reuse), resets the kernel's peak-RSS mark (``/proc/self/clear_refs``), then builds:

- canonym: ``AliasTable.from_records(records, shared_names="distinct")`` then
  ``Resolver(table)``; the build time is both together (the table's share is shown apart), then
  the first full ``gc.collect()`` that the new objects cost, shown apart;
- naive: the ``unidecode`` + ``casefold`` choices list and owner list that ``extractOne`` needs,
  and an exact-match ``dict`` of them (what a rapidfuzz user builds).

Peak memory = the child's VmHWM after the build minus its RSS before it ("over input"); the
process total is kept in the JSON. Resident = RSS after the build minus RSS before.

Run: ``python -m benchmarks.bench_build [--quick]`` (quick: N up to 1e4).
"""

from __future__ import annotations

import gc
import pickle
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import _report as rep
from ._measure import emit, fit_exponent, peak_rss_mb, reset_peak, rss_mb, run_child

SIZES = (1_000, 10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000, 10_000)


def child(path: str, method: str) -> dict[str, Any]:
    """Build one index from the pickled records at ``path`` in this fresh process; return its
    time and memory."""
    with open(path, "rb") as f:
        records: list[dict[str, Any]] = pickle.load(f)
    n = sum(1 + len(r["aliases"]) for r in records)
    if method == "canonym":
        import canonym
    else:
        from unidecode import unidecode
    gc.collect()
    exact_peak = reset_peak()
    base = rss_mb()
    out: dict[str, Any] = {"n": n, "method": method, "peak_is_exact": exact_peak}
    t0 = time.perf_counter()
    if method == "canonym":
        table = canonym.AliasTable.from_records(records, shared_names="distinct")
        t1 = time.perf_counter()
        resolver = canonym.Resolver(table)
        t2 = time.perf_counter()
        gc.collect()
        t3 = time.perf_counter()
        out |= {"table_s": t1 - t0, "resolver_s": t2 - t1, "build_s": t2 - t0, "gc_s": t3 - t2}
        out["aliases_indexed"] = len(resolver)
    else:
        choices: list[str] = []
        owners: list[str] = []
        for r in records:
            for name in [r["name"], *r["aliases"]]:
                text = str(name)
                choices.append(text.casefold() if text.isascii() else unidecode(text).casefold())
                owners.append(str(r["id"]))
        exact = dict(zip(choices, owners, strict=True))
        t1 = time.perf_counter()
        out |= {"build_s": t1 - t0, "aliases_indexed": len(choices), "keys": len(exact)}
    out["peak_over_input_mb"] = peak_rss_mb() - base
    out["resident_mb"] = rss_mb() - base
    out["process_peak_mb"] = peak_rss_mb()
    return out


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Build at every N in child processes; print the table; return the figures."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--child" in args:
        at = args.index("--child")
        result = child(args[at + 1], args[at + 2])
        emit(result)
        return result
    from ._data import REAL

    if not (REAL / "wikidata_name_token_variants_arabic.tsv").exists():
        print(f"build: skipped, Wikidata token clusters not present in {REAL}")
        return {}
    sizes = QUICK_SIZES if "--quick" in args else SIZES
    from . import _synth

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="canonym-bench-") as tmp:
        for n in sizes:
            print(f"build: N={n:,} ...", file=sys.stderr, flush=True)
            path = Path(tmp) / f"records-{n}.pickle"
            with open(path, "wb") as f:
                pickle.dump(_synth.table_records(n), f, protocol=pickle.HIGHEST_PROTOCOL)
            c = run_child("bench_build", ["--child", str(path), "canonym"])
            b = run_child("bench_build", ["--child", str(path), "naive"])
            rows.append({"n": n, "canonym": c, "naive": b})
    num = rep.num
    rep.table(
        "Index build (each in a fresh process; peak = VmHWM over the RSS before the build)",
        [
            "N aliases",
            "canonym s (table + Resolver)",
            "then gc.collect s",
            "canonym peak MB",
            "canonym resident MB",
            "naive list+dict s",
            "naive peak MB",
            "time ratio",
            "memory ratio",
        ],
        [
            [
                rep.size(r["n"]),
                f"{num(c['build_s'])} ({num(c['table_s'])} + {num(c['resolver_s'])})",
                num(c["gc_s"]),
                num(c["peak_over_input_mb"]),
                num(c["resident_mb"]),
                num(b["build_s"]),
                num(b["peak_over_input_mb"]),
                rep.ratio(c["build_s"], b["build_s"]),
                rep.ratio(c["peak_over_input_mb"], b["peak_over_input_mb"]),
            ]
            for r in rows
            for c, b in [(r["canonym"], r["naive"])]
        ],
    )
    big = [r for r in rows if r["n"] >= 10_000]
    big = big if len(big) >= 2 else rows
    ns = [r["n"] for r in big]
    exponents = {
        "from_n": min(ns),
        "to_n": max(ns),
        "canonym_build_s": fit_exponent(ns, [r["canonym"]["build_s"] for r in big]),
        "canonym_peak_mb": fit_exponent(ns, [r["canonym"]["peak_over_input_mb"] for r in big]),
        "naive_build_s": fit_exponent(ns, [r["naive"]["build_s"] for r in big]),
    }
    print(
        f"Build cost ~ N^k from N={rep.size(min(ns))} to N={rep.size(max(ns))}: "
        + ", ".join(f"{k} {v:.2f}" for k, v in exponents.items() if k not in ("from_n", "to_n"))
        + "\n",
        flush=True,
    )
    return {"sizes": rows, "exponents": exponents}


if __name__ == "__main__":
    main()
