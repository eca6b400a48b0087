"""Where the shared data lives (``../shared/data`` beside the checkout) and how to read it."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("CANONYM_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DATA = SHARED / "data"
DEV = DATA / "dev"
REAL = DATA / "real"


def require(path: Path) -> Path:
    """Return ``path``, or fail (under CI) / skip (elsewhere) when the shared data is absent."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"shared data missing in CI: {path}")
        pytest.skip(f"shared data not present: {path}")
    return path


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(require(path), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def dev_records() -> list[dict[str, object]]:
    """The dev entities as table records: ``name`` and ``alias`` rows (not the variants)."""
    by_id: dict[str, dict[str, object]] = {}
    for row in read_tsv(DEV / "entities.tsv"):
        rec = by_id.setdefault(
            row["entity_id"], {"id": row["entity_id"], "kind": row["kind"], "aliases": []}
        )
        if row["role"] == "name":
            rec["name"] = row["text"]
        elif row["role"] == "alias":
            rec["aliases"].append(row["text"])  # type: ignore[union-attr]
    return list(by_id.values())


def dev_variants() -> list[tuple[str, str]]:
    return [
        (r["text"], r["entity_id"])
        for r in read_tsv(DEV / "entities.tsv")
        if r["role"] == "variant"
    ]


def synthetic_mentions(m: int, seed: int) -> list[str]:
    """The cluster speed benchmark's mentions (real Wikidata spellings, seeded edits)."""
    import importlib
    import sys

    require(REAL / "wikidata_name_token_variants_arabic.tsv")
    root = str(Path(__file__).resolve().parents[1])
    if root not in sys.path:
        sys.path.insert(0, root)
    bench = importlib.import_module("benchmarks.bench_cluster_speed")
    names: list[str] = bench.mentions(m, seed=seed)[0]
    return names
