"""Time, peak memory and quality of ``canonym.cluster`` at M = 1e3, 1e4, 1e5 names, beside the naive
all-pairs ``token_sort_ratio >= 85`` + union-find.

Mentions (seeded, :mod:`benchmarks._synth` entities, names from real Wikidata spellings): Latin
names of M/4 entities drawn with weight 1/(rank + 10), so a few entities get hundreds of
mentions at M = 1e5; 40% of the mentions carry 1-2 edits (another Wikidata spelling of a word,
or a transliteration/typing edit). The gold cluster of a mention is its entity.

Each (M, method) runs in a fresh child process that loads the pickled mentions, resets its
peak-RSS mark, then clusters; peak memory = VmHWM after minus RSS before.

- canonym: ``canonym.cluster(names)`` (no table), one process. "pairs scored" counts the pairs
  its linker scored (read from ``canonym.cluster._Linker``; '-' if that internal moves).
- canonym, all cores: ``canonym.cluster(names, workers=None)``, one forked worker per core (2
  here, as the naive baseline's). Its memory is the parent's peak plus the workers' peak
  private memory (pages they do not share with the parent), sampled every 50 ms
  (``_measure.WorkersMemory``). The sampler is not free: reading a worker's private memory
  walks its page tables (about 10 ms per 600 MB, every 50 ms, for each worker), which takes
  a core's time from the workers it measures. So the time comes from one run without it and
  the memory from a second run with it (the clusters of the two runs are the same).
- naive: every pair (upper triangle) scored with rapidfuzz ``fuzz.ratio`` on the
  ``default_process``-ed, token-sorted names (which is exactly ``token_sort_ratio``), pairs at
  85 or more joined by a pure-Python union-find. The scoring runs in two worker processes (one
  per core, as the anchors' ``cdist(workers=-1)``); its peak memory is the parent's only.

Quality: pairwise precision / recall / F1 of the predicted clusters against the gold.

Run: ``python -m benchmarks.bench_cluster_speed [--quick]`` (quick: M up to 1e4).
"""

from __future__ import annotations

import bisect
import gc
import importlib
import itertools
import multiprocessing
import pickle
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import _report as rep
from ._measure import (
    WorkersMemory,
    emit,
    fit_exponent,
    peak_rss_mb,
    reset_peak,
    rss_mb,
    run_child,
)
from .bench_cluster_quality import canonym_labels

SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
CUTOFF = 85
_BLOCK = 500


def mentions(m: int, seed: int = 29) -> tuple[list[str], list[str]]:
    """``m`` mentions and their gold entity ids (see the module docstring)."""
    from . import _synth

    rng = random.Random(seed)
    stream = _synth.EntityStream(seed)
    entities = [e for e in itertools.islice(stream, max(1, m // 4))]
    latin = [_synth._latin(e.names) or [e.names[0]] for e in entities]
    cumulative = list(itertools.accumulate(1 / (rank + 10) for rank in range(len(entities))))
    vocab = _synth.vocabularies()
    names: list[str] = []
    gold: list[str] = []
    for _ in range(m):
        at = bisect.bisect_right(cumulative, rng.random() * cumulative[-1])
        i = min(at, len(entities) - 1)
        e = entities[i]
        name = rng.choice(latin[i])
        if rng.random() < 0.4:
            for _ in range(rng.choice((1, 2))):
                word = vocab[e.language].words[rng.choice(e.words)] if rng.random() < 0.5 else None
                name = _synth.edit(name, rng, word)
        names.append(name)
        gold.append(e.id)
    return names, gold


# -- the naive baseline --------------------------------------------------------------------------

_SORTED: list[str] = []


def _block_edges(start: int) -> list[tuple[int, int]]:
    from rapidfuzz import fuzz, process

    choices = _SORTED[start + 1 :]
    edges = []
    for i in range(start, min(start + _BLOCK, len(_SORTED))):
        for _, _, j in process.extract(
            _SORTED[i], choices, scorer=fuzz.ratio, score_cutoff=CUTOFF, limit=None
        ):
            if start + 1 + j > i:
                edges.append((i, start + 1 + j))
    return edges


def naive_labels(names: list[str]) -> list[int]:
    """All pairs scored with token_sort_ratio (as ratio of sorted tokens), union-find at 85."""
    from rapidfuzz import utils

    global _SORTED
    _SORTED = [" ".join(sorted(utils.default_process(n).split())) for n in names]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        blocks = pool.map(_block_edges, range(0, len(names), _BLOCK), chunksize=1)
    parent = list(range(len(names)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for edges in blocks:
        for a, b in edges:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
    return [find(i) for i in range(len(names))]


# -- canonym ---------------------------------------------------------------------------------------


def _count_pairs() -> list[int]:
    """Record how many pairs each run of canonym's cluster linker scored."""
    counts: list[int] = []
    module = importlib.import_module("canonym.cluster")
    linker = getattr(module, "_Linker", None)
    run = getattr(linker, "run", None)
    if linker is None or run is None:
        return counts

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        out = run(self, *args, **kwargs)
        counts.append(len(getattr(self, "scores", {})))
        return out

    linker.run = counted
    return counts


def child(path: str, method: str) -> dict[str, Any]:
    """Cluster the pickled mentions at ``path`` in this fresh process."""
    from .bench_cluster_quality import clustering_scores

    with open(path, "rb") as f:
        names, gold = pickle.load(f)
    counts = _count_pairs() if method == "canonym" else []
    if method.startswith("canonym"):
        import canonym  # noqa: F401  (imported before the clock starts)
    else:
        from rapidfuzz import utils  # noqa: F401
    gc.collect()
    exact = reset_peak()
    base = rss_mb()
    # Only the memory run of the forked workers samples them (see the module's docstring).
    workers_memory = WorkersMemory(enabled=method == "canonym-workers-memory")
    with workers_memory:
        t0 = time.perf_counter()
        if method == "canonym":
            labels = canonym_labels(names)
        elif method.startswith("canonym-workers"):
            labels = canonym_labels(names, workers=None)
        else:
            labels = naive_labels(names)
        seconds = time.perf_counter() - t0
    out: dict[str, Any] = {
        "m": len(names),
        "method": method,
        "seconds": seconds,
        "peak_over_input_mb": peak_rss_mb() - base,
        "peak_is_exact": exact,
        "workers_private_peak_mb": workers_memory.peak_mb,
        "clusters": len(set(labels)),
        "gold_clusters": len(set(gold)),
    }
    if method == "canonym":
        out["pairs_scored"] = sum(counts) if counts else None
    elif method == "naive":
        out["pairs_scored"] = len(names) * (len(names) - 1) // 2
    out |= clustering_scores(labels, gold)
    return out


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Cluster at every M in child processes; print the table; return the figures."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--child" in args:
        at = args.index("--child")
        result = child(args[at + 1], args[at + 2])
        emit(result)
        return result
    from ._data import REAL

    if not (REAL / "wikidata_name_token_variants_arabic.tsv").exists():
        print(f"cluster: skipped, Wikidata token clusters not present in {REAL}")
        return {}
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="canonym-bench-") as tmp:
        for m in QUICK_SIZES if "--quick" in args else SIZES:
            print(f"cluster: M={m:,} ...", file=sys.stderr, flush=True)
            path = Path(tmp) / f"mentions-{m}.pickle"
            with open(path, "wb") as f:
                pickle.dump(mentions(m), f, protocol=pickle.HIGHEST_PROTOCOL)
            c = run_child("bench_cluster_speed", ["--child", str(path), "canonym"])
            w = run_child("bench_cluster_speed", ["--child", str(path), "canonym-workers"])
            w_memory = run_child(
                "bench_cluster_speed", ["--child", str(path), "canonym-workers-memory"]
            )
            w |= {
                "peak_over_input_mb": w_memory["peak_over_input_mb"],
                "workers_private_peak_mb": w_memory["workers_private_peak_mb"],
                "memory_run_seconds": w_memory["seconds"],
            }
            b = run_child("bench_cluster_speed", ["--child", str(path), "naive"])
            rows.append({"m": m, "canonym": c, "canonym_workers": w, "naive": b})
    num = rep.num

    def prf(r: dict[str, Any]) -> str:
        return f"{r['precision']:.2f} / {r['recall']:.2f} / {r['f1']:.2f}"

    rep.table(
        "cluster(names), no table, beside naive all-pairs token_sort_ratio >= 85 + union-find "
        "(naive scored on 2 processes)",
        [
            "M names",
            "canonym s",
            "canonym peak MB",
            "canonym pairs scored",
            "canonym P / R / F1",
            "canonym all cores s",
            "canonym all cores peak MB (parent + workers)",
            "naive s",
            "naive peak MB",
            "naive P / R / F1",
            "naive ÷ canonym time (the faster run)",
            "F1 difference",
        ],
        [
            [
                rep.size(r["m"]),
                num(c["seconds"]),
                num(c["peak_over_input_mb"]),
                num(c["pairs_scored"]),
                prf(c),
                num(w["seconds"]),
                f"{num(w['peak_over_input_mb'])} + {num(w['workers_private_peak_mb'])}",
                num(b["seconds"]),
                num(b["peak_over_input_mb"]),
                prf(b),
                rep.ratio(b["seconds"], min(c["seconds"], w["seconds"])),
                f"{c['f1'] - b['f1']:+.2f}",
            ]
            for r in rows
            for c, w, b in [(r["canonym"], r["canonym_workers"], r["naive"])]
        ],
    )
    ms = [r["m"] for r in rows]
    exponents = {
        "from_m": min(ms),
        "to_m": max(ms),
        "canonym_seconds": fit_exponent(ms, [r["canonym"]["seconds"] for r in rows]),
        "canonym_pairs_scored": fit_exponent(
            ms, [r["canonym"]["pairs_scored"] or float("nan") for r in rows]
        ),
        "canonym_peak_mb": fit_exponent(ms, [r["canonym"]["peak_over_input_mb"] for r in rows]),
        "canonym_all_cores_seconds": fit_exponent(
            ms, [r["canonym_workers"]["seconds"] for r in rows]
        ),
        "naive_seconds": fit_exponent(ms, [r["naive"]["seconds"] for r in rows]),
    }
    print(
        f"Cluster cost ~ M^k from M={rep.size(min(ms))} to M={rep.size(max(ms))}: "
        + ", ".join(f"{k} {v:.2f}" for k, v in exponents.items() if k not in ("from_m", "to_m"))
        + "\n",
        flush=True,
    )
    return {"sizes": rows, "exponents": exponents}


if __name__ == "__main__":
    main()
