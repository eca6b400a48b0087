"""Speed and quality of ``Resolver.resolve`` beside rapidfuzz and a dict, N = 1e3 ... 1e6 aliases.

Data: :mod:`benchmarks._synth` (names from real Wikidata name-word spellings; queries 80%
variants with 1-3 transliteration edits or typos + 20% misses, and exact hits). Each N runs in a
fresh child process (table and index built there, one ``gc.collect()`` after the build), so that
sizes do not pollute each other.

Measured, single thread unless said:

- canonym ``Resolver(table).resolve``: one timed pass over the queries, each call timed with
  ``perf_counter`` (p50/p99 latency, quality), then untimed passes for throughput (the median
  pass); ``resolve_many(workers=None)`` (one thread per core) and ``workers=1`` on the same mix;
- rapidfuzz ``process.extractOne(q, choices, scorer=WRatio, processor=default_process,
  score_cutoff=88)`` over the aliases after ``unidecode`` + ``casefold`` (the naive choice):
  timed on as many mix queries as fit in a time box (at least 10) and *extrapolated* to
  queries/s; its recall, wrong IDs and false accepts on the first K mix queries (K = 1,000 up to
  1e4, fewer above), computed in two worker processes, beside canonym's on the same K;
- exact hits: canonym beside ``dict.get`` of the name after ``unidecode`` + ``casefold`` (ASCII
  fast path; the anchors' ~1,000,000/s) and ``dict.get(canonym.fold(q))``.

Recall = variants resolved to their entity / variants; wrong = variants resolved to another
entity; false accepts = misses resolved to any entity.

Run: ``python -m benchmarks.bench_resolve [--quick]`` (quick: N up to 1e4 and shorter boxes).
"""

from __future__ import annotations

import gc
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from . import _report as rep
from ._measure import emit, fit_exponent, percentile, run_child

SIZES = (1_000, 10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000, 10_000)
# Mix queries on which extractOne's quality is measured, by N (it costs ~0.4 s a query at 1e6).
EXTRACT_SAMPLE = {1_000: 1000, 10_000: 1000, 100_000: 300, 1_000_000: 200}
EXTRACT_BOX_S = 6.0


# -- the child: one N --------------------------------------------------------------------------


def _naive_fold(s: str) -> str:
    from unidecode import unidecode

    return s.casefold() if s.isascii() else unidecode(s).casefold()


def _timed_calls(fn: Callable[[str], Any], queries: Sequence[str]) -> tuple[list[Any], list[float]]:
    out: list[Any] = []
    lat: list[float] = []
    clock = time.perf_counter
    for q in queries:
        t0 = clock()
        out.append(fn(q))
        lat.append(clock() - t0)
    return out, lat


def _loop_qps(fn: Callable[[str], Any], sets: Sequence[Sequence[str]]) -> float:
    """Queries/s of a plain loop: the median over the query sets, one pass each."""
    rates = []
    for queries in sets:
        t0 = time.perf_counter()
        for q in queries:
            fn(q)
        rates.append(len(queries) / (time.perf_counter() - t0))
    return statistics.median(rates)


def _lat(lat: Sequence[float]) -> dict[str, float]:
    return {
        "qps": len(lat) / sum(lat) if lat else 0.0,
        "p50_ms": percentile(lat, 50) * 1e3,
        "p99_ms": percentile(lat, 99) * 1e3,
    }


def _quality(found: Sequence[str | None], gold: Sequence[str | None]) -> dict[str, Any]:
    pos = sum(g is not None for g in gold)
    neg = len(gold) - pos
    correct = sum(f is not None and f == g for f, g in zip(found, gold, strict=True))
    wrong = sum(
        f is not None and g is not None and f != g for f, g in zip(found, gold, strict=True)
    )
    fa = sum(f is not None and g is None for f, g in zip(found, gold, strict=True))
    return {
        "queries": len(gold),
        "positives": pos,
        "negatives": neg,
        "recall": correct / pos if pos else float("nan"),
        "wrong": wrong,
        "false_accepts": fa,
        "false_accept_rate": fa / neg if neg else float("nan"),
    }


_CHOICES: list[str] = []
_OWNERS: list[str] = []


def _extract_one(query: str) -> str | None:
    from rapidfuzz import fuzz, process, utils

    hit = process.extractOne(
        _naive_fold(query),
        _CHOICES,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        score_cutoff=88,
    )
    return None if hit is None else _OWNERS[hit[2]]


def child(n: int, quick: bool) -> dict[str, Any]:
    """Every measurement for one N, in this (fresh) process."""
    import canonym

    from . import _synth

    size = 400 if quick else 1000
    passes = 2 if quick or n >= 1_000_000 else 3
    t0 = time.perf_counter()
    entities = _synth.table_entities(n)
    taken = _synth.table_strings(entities)
    # Fresh query sets: one for the per-call timed pass, then ``passes`` for each loop, so no
    # pass meets a query (and the library's caches) a second time.
    sets = [
        _synth.make_queries(entities, size * 4 // 5, size // 5, size, part=i, taken=taken)
        for i in range(1 + 3 * passes)
    ]
    generated = time.perf_counter() - t0
    names = [(name, e.id) for e in entities for name in e.names]

    t0 = time.perf_counter()
    table = canonym.AliasTable.from_records([e.record() for e in entities], shared_names="distinct")
    t1 = time.perf_counter()
    resolver = canonym.Resolver(table)
    t2 = time.perf_counter()
    gc.collect()
    out: dict[str, Any] = {
        "n": n,
        "entities": len(entities),
        "names_per_entity": len(names) / len(entities),
        "non_ascii_share": sum(not s.isascii() for s, _ in names) / len(names),
        "queries_per_set": size,
        "passes": passes,
        "generate_s": generated,
        "table_s": t1 - t0,
        "resolver_s": t2 - t1,
    }

    # canonym: the 80/20 mix (timed per call on set 0, looped on the next sets), then exact.
    mixes = [[q for q, _ in qs.mix()] for qs in sets]
    mix_gold = [g for _, g in sets[0].mix()]
    found, lat = _timed_calls(resolver.resolve, mixes[0])
    found_ids = [m.entity_id if m is not None else None for m in found]
    loop_sets = mixes[1 : 1 + passes]
    c: dict[str, Any] = {"mix": _lat(lat) | {"qps": _loop_qps(resolver.resolve, loop_sets)}}
    c["variants"] = _lat([t for t, g in zip(lat, mix_gold, strict=True) if g is not None])
    c["misses"] = _lat([t for t, g in zip(lat, mix_gold, strict=True) if g is None])
    c["quality"] = _quality(found_ids, mix_gold)
    exact_sets = [[q for q, _ in qs.exact] for qs in sets]
    found, lat = _timed_calls(resolver.resolve, exact_sets[0])
    c["exact"] = _lat(lat) | {"qps": _loop_qps(resolver.resolve, exact_sets[1 : 1 + passes])}
    c["exact"]["correct"] = sum(
        m is not None and m.entity_id == g for m, (_, g) in zip(found, sets[0].exact, strict=True)
    ) / len(found)
    out["canonym"] = c

    # dict baselines on the exact queries (fresh sets: canonym.fold is cached).
    naive: dict[str, str] = {}
    folded: dict[str, str] = {}
    for s, eid in names:
        naive.setdefault(_naive_fold(s), eid)
        folded.setdefault(canonym.fold(s), eid)
    out["dict"] = {
        "naive_qps": _loop_qps(lambda q: naive.get(_naive_fold(q)), exact_sets[-passes:]),
        "fold_qps": _loop_qps(
            lambda q: folded.get(canonym.fold(q)), exact_sets[-2 * passes : -passes]
        ),
        "naive_correct": sum(naive.get(_naive_fold(q)) == g for q, g in sets[0].exact)
        / len(sets[0].exact),
    }

    # resolve_many last: forking its workers write-protects this process's memory, and every
    # page the parent then writes to (a reference count) faults once. Measured after it, exact
    # hits at 1e6 ran at half speed.
    for label, workers, chosen in (
        ("many_1", 1, mixes[1 + 2 * passes : 1 + 3 * passes]),
        ("many_all_cores", None, mixes[1 + passes : 1 + 2 * passes]),
    ):
        rates = []
        for queries in chosen:
            t0 = time.perf_counter()
            resolver.resolve_many(queries, workers=workers)
            rates.append(len(queries) / (time.perf_counter() - t0))
        c[label] = {"qps": statistics.median(rates)}

    # rapidfuzz extractOne(WRatio >= 88): time-boxed speed, then quality on a sample.
    global _CHOICES, _OWNERS
    _CHOICES = [_naive_fold(s) for s, _ in names]
    _OWNERS = [eid for _, eid in names]
    box = EXTRACT_BOX_S / (3 if quick else 1)
    lat = []
    clock = time.perf_counter
    start = clock()
    for q in mixes[0]:
        t0 = clock()
        _extract_one(q)
        lat.append(clock() - t0)
        if len(lat) >= 10 and clock() - start > box:
            break
    e: dict[str, Any] = _lat(lat) | {"timed_queries": len(lat)}
    k = min(EXTRACT_SAMPLE.get(n, 100), len(mixes[0]))
    with multiprocessing.get_context("fork").Pool(2) as pool:
        e_found = pool.map(_extract_one, mixes[0][:k], chunksize=max(1, k // 16))
    e["quality"] = _quality(e_found, mix_gold[:k])
    out["extract_one"] = e
    c["quality_on_sample"] = _quality(found_ids[:k], mix_gold[:k])
    return out


# -- the parent: tables ------------------------------------------------------------------------


def _targets_line(results: list[dict[str, Any]]) -> dict[str, float]:
    big = [r for r in results if r["n"] >= 10_000]
    big = big if len(big) >= 2 else results
    ns = [r["n"] for r in big]
    return {
        "from_n": min(ns),
        "to_n": max(ns),
        "canonym_mix": fit_exponent(ns, [1 / r["canonym"]["mix"]["qps"] for r in big]),
        "canonym_variants": fit_exponent(ns, [1 / r["canonym"]["variants"]["qps"] for r in big]),
        "canonym_misses": fit_exponent(ns, [1 / r["canonym"]["misses"]["qps"] for r in big]),
        "canonym_exact": fit_exponent(ns, [1 / r["canonym"]["exact"]["qps"] for r in big]),
        "extract_one": fit_exponent(ns, [1 / r["extract_one"]["qps"] for r in big]),
        "dict_naive": fit_exponent(ns, [1 / r["dict"]["naive_qps"] for r in big]),
    }


def print_tables(results: list[dict[str, Any]], exponents: dict[str, float]) -> None:
    n, num, ratio = rep.size, rep.num, rep.ratio
    rep.table(
        "Resolve: 80% variants + 20% misses, one thread (extractOne: time-boxed, extrapolated)",
        [
            "N aliases",
            "canonym q/s",
            "canonym p50 / p99 ms",
            "resolve_many all cores q/s",
            "extractOne WRatio>=88 q/s",
            "extractOne p50 / p99 ms",
            "extractOne timed on",
            "canonym ÷ extractOne",
        ],
        [
            [
                n(r["n"]),
                num(c["mix"]["qps"]),
                f"{num(c['mix']['p50_ms'])} / {num(c['mix']['p99_ms'])}",
                num(c["many_all_cores"]["qps"]),
                num(e["qps"]),
                f"{num(e['p50_ms'])} / {num(e['p99_ms'])}",
                f"{e['timed_queries']} queries",
                ratio(c["mix"]["qps"], e["qps"]),
            ]
            for r in results
            for c, e in [(r["canonym"], r["extract_one"])]
        ],
    )
    rep.table(
        "Resolve latency by query type, canonym, one thread",
        [
            "N aliases",
            "variants q/s",
            "variants p50 / p99 ms",
            "misses q/s",
            "misses p50 / p99 ms",
            "exact q/s",
            "exact p50 / p99 ms",
            "resolve_many(workers=1) q/s",
        ],
        [
            [
                n(r["n"]),
                num(c["variants"]["qps"]),
                f"{num(c['variants']['p50_ms'])} / {num(c['variants']['p99_ms'])}",
                num(c["misses"]["qps"]),
                f"{num(c['misses']['p50_ms'])} / {num(c['misses']['p99_ms'])}",
                num(c["exact"]["qps"]),
                f"{num(c['exact']['p50_ms'])} / {num(c['exact']['p99_ms'])}",
                num(c["many_1"]["qps"]),
            ]
            for r in results
            for c in [r["canonym"]]
        ],
    )
    rep.table(
        "Resolve quality on the same mix queries (recall / wrong IDs / false accepts)",
        [
            "N aliases",
            "queries (pos + neg)",
            "canonym recall",
            "canonym wrong",
            "canonym false accepts",
            "extractOne recall",
            "extractOne wrong",
            "extractOne false accepts",
            "canonym on the whole set: recall / wrong / FA",
        ],
        [
            [
                n(r["n"]),
                f"{qs['positives']} + {qs['negatives']}",
                num(qs["recall"]),
                qs["wrong"],
                f"{qs['false_accepts']} ({qs['false_accept_rate']:.1%})",
                num(qe["recall"]),
                qe["wrong"],
                f"{qe['false_accepts']} ({qe['false_accept_rate']:.1%})",
                f"{num(qa['recall'])} / {qa['wrong']} / {qa['false_accepts']}",
            ]
            for r in results
            for qs, qe, qa in [
                (
                    r["canonym"]["quality_on_sample"],
                    r["extract_one"]["quality"],
                    r["canonym"]["quality"],
                )
            ]
        ],
    )
    rep.table(
        "Exact and known-alias hits, one thread",
        [
            "N aliases",
            "canonym q/s",
            "canonym p50 / p99 ms",
            "canonym right",
            "dict.get(unidecode+casefold) q/s",
            "dict.get(canonym.fold) q/s",
            "canonym ÷ dict(unidecode+casefold)",
        ],
        [
            [
                n(r["n"]),
                num(c["exact"]["qps"]),
                f"{num(c['exact']['p50_ms'])} / {num(c['exact']['p99_ms'])}",
                f"{c['exact']['correct']:.1%}",
                num(d["naive_qps"]),
                num(d["fold_qps"]),
                ratio(c["exact"]["qps"], d["naive_qps"]),
            ]
            for r in results
            for c, d in [(r["canonym"], r["dict"])]
        ],
    )
    print(
        f"Cost per query ~ N^k, fitted from N={n(int(exponents['from_n']))} to "
        f"N={n(int(exponents['to_n']))}: "
        + ", ".join(f"{k} {v:.2f}" for k, v in exponents.items() if k not in ("from_n", "to_n"))
        + "\n",
        flush=True,
    )
    first = results[0]
    print(
        f"(data: {first['names_per_entity']:.2f} names per entity, "
        f"{first['non_ascii_share']:.1%} non-ASCII at N={n(first['n'])}; "
        "generation and build are not part of any figure above)\n"
    )


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run every N in a child process, print the tables, return the figures."""
    args = list(sys.argv[1:] if argv is None else argv)
    quick = "--quick" in args
    if "--child" in args:
        result = child(int(args[args.index("--child") + 1]), quick)
        emit(result)
        return result
    from ._data import REAL

    if not (REAL / "wikidata_name_token_variants_arabic.tsv").exists():
        print(f"resolve: skipped, Wikidata token clusters not present in {REAL}")
        return {}
    results = []
    for n in QUICK_SIZES if quick else SIZES:
        print(f"resolve: N={n:,} ...", file=sys.stderr, flush=True)
        results.append(run_child("bench_resolve", ["--child", str(n), *(["--quick"] * quick)]))
    exponents = _targets_line(results)
    print_tables(results, exponents)
    return {"sizes": results, "exponents": exponents}


if __name__ == "__main__":
    main()
