"""The shared dev set: variants resolve to their entity, look-alikes get their expected answer."""

from __future__ import annotations

from shared_data import DEV, dev_records, dev_variants, read_tsv

import canonym


def _resolver() -> canonym.Resolver:
    return canonym.Resolver(canonym.AliasTable.from_records(dev_records()))


def test_variants_resolve_to_their_entity() -> None:
    resolver = _resolver()
    variants = dev_variants()
    misses, wrong = [], []
    for text, expected in variants:
        m = resolver.resolve(text)
        if m is None:
            misses.append(text)
        elif m.entity_id != expected:
            wrong.append((text, expected, m.entity_id))
    assert not wrong, f"wrong IDs: {wrong}"
    assert len(misses) <= 0.05 * len(variants), f"{len(misses)} misses: {misses}"


def test_lookalikes_get_their_expected_answer() -> None:
    resolver = _resolver()
    failures = []
    for row in read_tsv(DEV / "lookalikes.tsv"):
        m = resolver.resolve(row["query"])
        got = m.entity_id if m else ""
        if got != row["expected_id"]:
            failures.append((row["query"], row["expected_id"], got))
    assert not failures


def test_every_alias_of_the_dev_table_resolves_to_itself() -> None:
    resolver = _resolver()
    for entity in resolver.table:
        for name in entity.names():
            m = resolver.resolve(name)
            assert m is not None and m.entity_id == entity.id, name
