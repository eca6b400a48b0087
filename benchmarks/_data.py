"""Readers for the shared data in ``../shared/data`` (beside a checkout; absent in a wheel)."""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from pathlib import Path

SHARED = Path(os.environ.get("CANONYM_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DATA = SHARED / "data"
REAL = DATA / "real"
DEV = DATA / "dev"
OFAC_NAMES = REAL / "ofac_sdn_2023-12-28_names.tsv"

STRONG_TYPES = frozenset({"primary", "aka", "fka", "nka"})


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Read a TSV with a header row, no quoting."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def ofac_entities() -> dict[str, dict[str, object]]:
    """OFAC entities: id -> {kind, primary, strong: [names], weak: [names]} in file order."""
    out: dict[str, dict[str, object]] = {}
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in read_tsv(OFAC_NAMES):
        grouped[row["entity_id"]].append(row)
    for eid, rows in grouped.items():
        strong = [r["name"] for r in rows if r["name_type"] in STRONG_TYPES]
        weak = [r["name"] for r in rows if r["name_type"] not in STRONG_TYPES]
        primary = next(
            (r["name"] for r in rows if r["name_type"] == "primary"), strong[0] if strong else ""
        )
        out[eid] = {"kind": rows[0]["kind"], "primary": primary, "strong": strong, "weak": weak}
    return out
