"""Quality of ``canonym.compare`` and ``canonym.cluster`` against rapidfuzz baselines.

Three measures, each on data nobody on the project wrote (``../shared/data``), skipped politely
when the data is absent:

- **nomenklatura name pairs** (826 labelled pairs of person and company names, OpenSanctions'
  own test set): F1 of ``compare(a, b, kind=...).same`` at the default threshold, the kind taken
  from the pair's schema (and once with ``kind=None``), beside rapidfuzz ``WRatio >= 85``
  (``processor=utils.default_process``) on the same pairs;
- **Wikidata token clusters** (Arabic, Hebrew, Russian): each cluster's Latin spellings with
  ``count >= 2`` are one gold group, all groups of a language mixed into one list; pairwise
  precision, recall and F1 and B-cubed F1 of ``canonym.cluster`` (defaults, no table) and of
  rapidfuzz ``fuzz.ratio >= 85`` + union-find on unidecode+casefold strings;
- **the dev set** (names, variants and look-alike queries, no table): pairwise P/R.

``--scale N`` also clusters N synthetic names (seeded) and prints the time and the peak memory.

Run: ``python -m benchmarks.bench_cluster_quality [--quick] [--scale 100000]``.
"""

from __future__ import annotations

import csv
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process, utils
from unidecode import unidecode

from ._data import DEV, REAL, read_tsv

NOMENKLATURA = REAL / "nomenklatura_name_bench" / "cases.csv"
LANGUAGES = ("arabic", "hebrew", "russian")
# The nomenklatura schemas as canonym kinds.
SCHEMA_KINDS = {
    "Person": "person",
    "Company": "organization",
    "Organization": "organization",
    "LegalEntity": "organization",
    "Vessel": "other",
}


# -- metrics ------------------------------------------------------------------------------------


def f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f}


def clustering_scores(predicted: Sequence[object], gold: Sequence[object]) -> dict[str, float]:
    """Pairwise precision, recall, F1, and B-cubed F1 of a labelling against a gold labelling."""
    joint = Counter(zip(predicted, gold, strict=True))
    sizes_p, sizes_g = Counter(predicted), Counter(gold)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in joint.values())
    scores = f1(tp, sum(map(pairs, sizes_p.values())) - tp, sum(map(pairs, sizes_g.values())) - tp)
    n = len(gold)
    b_precision = sum(joint[(p, g)] / sizes_p[p] for p, g in zip(predicted, gold, strict=True)) / n
    b_recall = sum(joint[(p, g)] / sizes_g[g] for p, g in zip(predicted, gold, strict=True)) / n
    scores["b3_f1"] = 2 * b_precision * b_recall / (b_precision + b_recall)
    return scores


def _row(label: str, s: dict[str, float], extra: str = "") -> str:
    cells = [label, *(f"{s[k]:.3f}" for k in ("precision", "recall", "f1"))]
    if "b3_f1" in s:
        cells.append(f"{s['b3_f1']:.3f}")
    return "| " + " | ".join(cells) + " |" + extra


# -- nomenklatura pairs -------------------------------------------------------------------------


def nomenklatura() -> dict[str, dict[str, float]]:
    import canonym

    with open(NOMENKLATURA, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    gold = [r["is_match"] == "true" for r in rows]

    def score(predicted: list[bool]) -> dict[str, float]:
        tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
        fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
        fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
        return f1(tp, fp, fn)

    results = {
        "canonym compare().same, kind from the schema": score(
            [
                canonym.compare(r["name1"], r["name2"], kind=SCHEMA_KINDS.get(r["schema"])).same
                for r in rows
            ]
        ),
        "canonym compare().same, kind=None": score(
            [canonym.compare(r["name1"], r["name2"]).same for r in rows]
        ),
        "rapidfuzz WRatio >= 85 (default_process)": score(
            [
                fuzz.WRatio(r["name1"], r["name2"], processor=utils.default_process) >= 85
                for r in rows
            ]
        ),
    }
    print(f"nomenklatura name pairs: {len(rows)} pairs, {sum(gold)} matches")
    print("| method | precision | recall | F1 |")
    print("|---|---|---|---|")
    for label, s in results.items():
        print(_row(label, s))
    return results


# -- Wikidata token clusters --------------------------------------------------------------------


def wikidata_items(language: str) -> list[tuple[str, str]]:
    path = REAL / f"wikidata_name_token_variants_{language}.tsv"
    return [
        (r["name"], r["entity_id"])
        for r in read_tsv(path)
        if r["name_type"] == "latin_variant" and int(r["count"]) >= 2
    ]


def baseline_labels(names: list[str], cutoff: float = 85) -> list[int]:
    """rapidfuzz fuzz.ratio >= cutoff between unidecode+casefold strings, joined by union-find."""
    folded = [unidecode(n).casefold() for n in names]
    parent = list(range(len(names)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, s in enumerate(folded):
        for _, _, j in process.extract(
            s, folded, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            a, b = find(i), find(j)
            if a != b:
                parent[a] = b
    return [find(i) for i in range(len(names))]


def canonym_labels(names: list[str], workers: int | None = 1) -> list[int]:
    import canonym

    labels = [0] * len(names)
    for number, c in enumerate(canonym.cluster(names, workers=workers)):
        for i in c.indices:
            labels[i] = number
    return labels


def wikidata(quick: bool = False) -> dict[str, dict[str, dict[str, float]]]:
    print("Wikidata token clusters (Latin spellings with count >= 2; one list per language)")
    print("| language / method | pairwise P | pairwise R | pairwise F1 | B-cubed F1 | seconds |")
    print("|---|---|---|---|---|---|")
    results: dict[str, dict[str, dict[str, float]]] = {}
    for language in LANGUAGES:
        items = wikidata_items(language)
        if quick:
            groups = sorted({g for _, g in items})[::5]
            keep = set(groups)
            items = [(n, g) for n, g in items if g in keep]
        names, gold = [n for n, _ in items], [g for _, g in items]
        results[language] = {}
        runs: list[tuple[str, Callable[[list[str]], list[int]]]] = [
            ("canonym cluster()", canonym_labels),
            ("fuzz.ratio >= 85 + union-find", baseline_labels),
        ]
        for label, run in runs:
            start = time.perf_counter()
            predicted = run(names)
            seconds = time.perf_counter() - start
            s = clustering_scores(predicted, gold)
            results[language][label] = s
            print(_row(f"{language} ({len(names)} names) {label}", s, f" {seconds:.1f} |"))
    return results


# -- the dev set --------------------------------------------------------------------------------


def dev_set() -> dict[str, float]:
    items = [
        (r["text"], r["entity_id"])
        for r in read_tsv(DEV / "entities.tsv")
        if r["role"] in ("name", "variant")
    ]
    items += [
        (r["query"], r["expected_id"] or f"lookalike:{r['query']}")
        for r in read_tsv(DEV / "lookalikes.tsv")
    ]
    s = clustering_scores(canonym_labels([n for n, _ in items]), [g for _, g in items])
    print(f"dev set ({len(items)} names, no table)")
    print("| method | pairwise P | pairwise R | pairwise F1 | B-cubed F1 |")
    print("|---|---|---|---|---|")
    print(_row("canonym cluster()", s))
    return s


# -- scale --------------------------------------------------------------------------------------

_ONSETS = "b d f g h j k l m n p q r s t v z kh sh gh ch".split()
_VOWELS = "a e i o u ou ei".split()
_ENDINGS = ("", "n", "m", "r", "d", "s", "i")
# Spelling changes of the kind transliteration makes (and case and order changes).
_CHANGES = (
    ("q", "gh"),
    ("gh", "q"),
    ("ou", "u"),
    ("u", "ou"),
    ("ei", "ey"),
    ("i", "y"),
    ("kh", "h"),
    ("sh", "ch"),
    ("a", "e"),
    ("ss", "s"),
    ("s", "ss"),
    ("d", "dh"),
)


def synthetic_names(n: int, seed: int = 7) -> list[str]:
    """``n`` names of invented people: 3,000 given names, 20,000 family names, a fifth with a
    middle name, and up to three respellings of each (so the list has real clusters)."""
    rng = random.Random(seed)

    def word() -> str:
        syllables = rng.choice((2, 2, 3, 3, 4))
        body = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
        return (body + rng.choice(_ENDINGS)).capitalize()

    givens = [word() for _ in range(3000)]
    families = [word() for _ in range(20000)]
    out: list[str] = []
    while len(out) < n:
        base = f"{rng.choice(givens)} {rng.choice(families)}"
        if rng.random() < 0.2:
            base = f"{rng.choice(givens)} {base}"
        out.append(base)
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            name = base
            for _ in range(rng.choice((1, 1, 2))):
                old, new = rng.choice(_CHANGES)
                at = name.find(old)
                if at >= 0:
                    name = name[:at] + new + name[at + len(old) :]
            r = rng.random()
            if r < 0.1:
                name = name.upper()
            elif r < 0.15:
                words = name.split()
                name = f"{words[-1].upper()}, {' '.join(words[:-1])}"
            out.append(name)
    rng.shuffle(out)
    return out[:n]


def scale(n: int) -> dict[str, float]:
    """Cluster ``n`` synthetic names: time, peak memory, and how many pairs the linker scored
    (read from ``canonym.cluster._Linker``, an internal: absent if it moves)."""
    import importlib

    import canonym

    names = synthetic_names(n)
    scored: list[int] = []
    linker = getattr(importlib.import_module("canonym.cluster"), "_Linker", None)
    run = getattr(linker, "run", None)
    if linker is not None and run is not None:

        def counted(self: object) -> object:
            out = run(self)
            scored.append(len(getattr(self, "scores", {})))
            return out

        linker.run = counted
    try:
        start = time.perf_counter()
        clusters = canonym.cluster(names)
        seconds = time.perf_counter() - start
    finally:
        if linker is not None and run is not None:
            linker.run = run
    peak = _peak_rss_mb()
    print(
        f"scale: {n:,} synthetic names -> {len(clusters):,} clusters in {seconds:.1f} s"
        + (f", {scored[0]:,} pairs scored" if scored else "")
        + (f", peak memory {peak:,.0f} MB (process RSS)" if peak else "")
    )
    return {
        "names": n,
        "clusters": len(clusters),
        "seconds": seconds,
        "peak_rss_mb": peak,
        "pairs_scored": float(scored[0]) if scored else float("nan"),
    }


def _peak_rss_mb() -> float:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


# -- entry point --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> dict[str, object]:
    """Print the quality figures (and the scale run with ``--scale N``); return them."""
    argv = sys.argv[1:] if argv is None else argv
    quick = "--quick" in argv
    results: dict[str, object] = {}
    if NOMENKLATURA.exists():
        results["nomenklatura"] = nomenklatura()
    else:
        print(f"nomenklatura: skipped, {NOMENKLATURA} not present")
    print()
    if all((REAL / f"wikidata_name_token_variants_{lang}.tsv").exists() for lang in LANGUAGES):
        results["wikidata"] = wikidata(quick)
    else:
        print(f"wikidata token clusters: skipped, not present in {REAL}")
    print()
    if (DEV / "entities.tsv").exists():
        results["dev"] = dev_set()
    else:
        print(f"dev set: skipped, {DEV} not present")
    if "--scale" in argv:
        at = argv.index("--scale")
        n = int(argv[at + 1]) if at + 1 < len(argv) else 100_000
        print()
        results["scale"] = scale(n)
    return results


if __name__ == "__main__":
    main()
