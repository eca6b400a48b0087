"""OFAC held-out protocol: canonym vs rapidfuzz extractOne(WRatio >= 88), same table, same queries.

Protocol (seeded, deterministic):
- the OFAC SDN names of 2023-12-28; an entity's strong names are primary/aka/fka/nka;
- a fifth of the entities are left out of the table entirely: their primary names are the
  negative queries (any ID returned for them is a false accept);
- of the remaining entities, each with at least two strong names has one non-primary strong name
  held out of the table and queried: the right answer is its own entity;
- the table holds every other strong name (and the weak ones as weak aliases).

Many OFAC aliases are translations, acronyms or former names that no string rule can bridge, so
recall on this protocol is far below 1 for every method: it is a precision test first.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils
from unidecode import unidecode

from ._data import OFAC_NAMES, ofac_entities


@dataclass
class Outcome:
    method: str
    positives: int
    correct: int
    wrong: int
    negatives: int
    false_accepts: int
    seconds: float

    @property
    def recall(self) -> float:
        return self.correct / self.positives if self.positives else 0.0

    @property
    def precision(self) -> float:
        answered = self.correct + self.wrong + self.false_accepts
        return self.correct / answered if answered else 1.0

    def row(self) -> str:
        return (
            f"| {self.method} | {self.recall:.3f} | {self.precision:.4f} | {self.wrong} | "
            f"{self.false_accepts} ({self.false_accepts / max(1, self.negatives):.2%}) | "
            f"{(self.positives + self.negatives) / self.seconds:,.0f} |"
        )


def build_protocol(
    seed: int = 2023,
) -> tuple[list[dict[str, object]], list[tuple[str, str]], list[str]]:
    """Return (table records, positive (query, id) pairs, negative queries)."""
    rng = random.Random(seed)
    entities = ofac_entities()
    ids = sorted(entities)
    rng.shuffle(ids)
    cut = len(ids) // 5
    left_out, kept = ids[:cut], ids[cut:]
    records: list[dict[str, object]] = []
    positives: list[tuple[str, str]] = []
    for eid in sorted(kept):
        e = entities[eid]
        strong = list(dict.fromkeys(e["strong"]))  # type: ignore[call-overload]
        primary = e["primary"]
        held = None
        others = [n for n in strong if n != primary]
        if others:
            held = rng.choice(others)
            positives.append((held, eid))
        names = [n for n in strong if n != held]
        records.append(
            {
                "id": eid,
                "name": names[0],
                "kind": _kind(str(e["kind"])),
                "aliases": names[1:],
                "weak": list(dict.fromkeys(e["weak"])),
            }
        )  # type: ignore[call-overload]
    negatives = [str(entities[eid]["primary"]) for eid in sorted(left_out)]
    return records, positives, negatives


def _kind(kind: str) -> str:
    return kind if kind in ("person", "organization") else "other"


def run_canonym(
    records: list[dict[str, object]], positives: list[tuple[str, str]], negatives: list[str]
) -> Outcome:
    import canonym

    table = canonym.AliasTable.from_records(_dedupe_claims(records))
    resolver = canonym.Resolver(table)
    start = time.perf_counter()
    correct = wrong = fa = 0
    for query, eid in positives:
        m = resolver.resolve(query)
        if m is not None:
            if m.entity_id == eid:
                correct += 1
            else:
                wrong += 1
    for query in negatives:
        if resolver.resolve(query) is not None:
            fa += 1
    return Outcome(
        "canonym Resolver (default options)",
        len(positives),
        correct,
        wrong,
        len(negatives),
        fa,
        time.perf_counter() - start,
    )


def _dedupe_claims(records: list[dict[str, object]]) -> list[dict[str, object]]:
    """OFAC lists some names under two entities; link such pairs as distinct, as a curator would."""
    import canonym

    owners: dict[str, set[str]] = {}
    for r in records:
        for n in [r["name"], *r["aliases"]]:  # type: ignore[misc]
            owners.setdefault(canonym.fold(str(n)), set()).add(str(r["id"]))
    links: dict[str, set[str]] = {}
    for ids in owners.values():
        if len(ids) > 1:
            for a in ids:
                links.setdefault(a, set()).update(ids - {a})
    return [{**r, "distinct": sorted(links.get(str(r["id"]), ()))} for r in records]


def run_extract_one(
    records: list[dict[str, object]],
    positives: list[tuple[str, str]],
    negatives: list[str],
    cutoff: float = 88,
) -> Outcome:
    choices: list[str] = []
    owner: list[str] = []
    for r in records:
        for n in [r["name"], *r["aliases"]]:  # type: ignore[misc]
            choices.append(unidecode(str(n)).casefold())
            owner.append(str(r["id"]))
    queries = [q for q, _ in positives] + negatives
    start = time.perf_counter()
    correct = wrong = fa = 0
    for i, q in enumerate(queries):
        hit = process.extractOne(
            unidecode(q).casefold(),
            choices,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            score_cutoff=cutoff,
        )
        if hit is None:
            continue
        got = owner[hit[2]]
        if i < len(positives):
            if got == positives[i][1]:
                correct += 1
            else:
                wrong += 1
        else:
            fa += 1
    return Outcome(
        f"rapidfuzz extractOne WRatio >= {cutoff:g}",
        len(positives),
        correct,
        wrong,
        len(negatives),
        fa,
        time.perf_counter() - start,
    )


def main(argv: list[str] | None = None) -> dict[str, object]:
    """Print the comparison table; return the figures."""
    argv = sys.argv[1:] if argv is None else argv
    if not OFAC_NAMES.exists():
        print(f"ofac held-out: skipped, {OFAC_NAMES} not present")
        return {}
    quick = "--quick" in argv
    records, positives, negatives = build_protocol()
    if quick:
        positives, negatives = positives[::10], negatives[::10]
    print(
        f"OFAC held-out protocol: {len(records)} entities in the table, "
        f"{len(positives)} held-out aliases queried, {len(negatives)} left-out entities queried"
    )
    print("| method | recall | precision | wrong IDs | false accepts | queries/s |")
    print("|---|---|---|---|---|---|")
    results = []
    for run in (run_canonym, run_extract_one):
        outcome = run(records, positives, negatives)
        results.append(outcome)
        print(outcome.row(), flush=True)
    return {o.method: vars(o) | {"recall": o.recall, "precision": o.precision} for o in results}


if __name__ == "__main__":
    main()
