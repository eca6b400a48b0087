"""Answers on held-out sets, saved and compared: a developer's tool, never run by the library.

A held-out set is a folder the project does not ship (it is written by someone who never saw the
code, and kept out of the repository so that it stays unseen), of one of two kinds:

- names: ``entities.tsv`` (``entity_id kind role text``; role ``name``, ``alias`` or
  ``variant``: the name and aliases make the table, every variant must resolve to its entity)
  and ``lookalikes.tsv`` (``query expected_id why``; an empty ``expected_id``: no answer);
- drafts: ``drafts.md`` (``## slug`` headings, planted inconsistent spellings marked
  ``[[written|expected]]``) and ``draft_entities.tsv`` (``draft entity_id kind role text``: each
  draft's own table). Each draft is checked with an empty table, the bundled one and its own.

``../shared/data/dev`` is read as a names set (``dev``) and a drafts set (``devd``); ``--ofac``
adds the OFAC held-out protocol of ``benchmarks.bench_ofac_heldout``.

Run from the tree to measure (it imports that tree's ``src``)::

    python tools/heldout.py save TAG SETS_DIR [--ofac]    # answers -> SETS_DIR/.answers/TAG.*.json
    python tools/heldout.py diff OLD NEW SETS_DIR [--hide z28,zd20]

``save`` prints one line per set (right answers, wrong IDs, look-alikes; marks found and extra
findings per table); ``diff`` prints every answer that changed, and for hidden sets (kept unread)
only how many changed and how many of those are wrong answers.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import canonym  # noqa: E402  (the tree's own, from the path above)

DEV = ROOT.parent / "shared" / "data" / "dev"
MARK = re.compile(r"\[\[([^\]|]+)\|([^\]|]+)(?:\|([^\]]+))?\]\]")


def _tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _table(records: list[dict[str, Any]]) -> canonym.AliasTable:
    try:
        return canonym.AliasTable.from_records(records)
    except canonym.AliasTableError:  # a set's table may give one name to two entities
        return canonym.AliasTable.from_records(records, shared_names="distinct")


def _records(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    by_id: dict[str, dict[str, Any]] = {}
    for r in rows:
        rec = by_id.setdefault(
            r["entity_id"], {"id": r["entity_id"], "kind": r["kind"], "aliases": []}
        )
        if r["role"] == "name":
            rec["name"] = r["text"]
        elif r["role"] == "alias":
            rec["aliases"].append(r["text"])
    return [r for r in by_id.values() if "name" in r]


def names_set(folder: Path) -> tuple[dict[str, Any], str]:
    rows = _tsv(folder / "entities.tsv")
    resolver = canonym.Resolver(_table(_records(rows)))

    def answer(query: str) -> str:
        m = resolver.resolve(query)
        return m.entity_id if m else ""

    variants = [
        [r["text"], r["entity_id"], answer(r["text"])] for r in rows if r["role"] == "variant"
    ]
    lookalikes = []
    if (folder / "lookalikes.tsv").exists():
        lookalikes = [
            [r["query"], r["expected_id"], answer(r["query"])]
            for r in _tsv(folder / "lookalikes.tsv")
        ]
    right = sum(got == want for _, want, got in variants)
    wrong = sum(bool(got) and got != want for _, want, got in variants)
    la_ok = sum(got == want for _, want, got in lookalikes)
    line = f"{right}/{len(variants)} wrong IDs {wrong}; look-alikes {la_ok}/{len(lookalikes)}"
    return {"var": variants, "la": lookalikes}, line


def _strip(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    out: list[str] = []
    marks: list[tuple[int, int, str]] = []
    pos = length = 0
    for m in MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        written = m.group(1)
        marks.append((length, length + len(written), written))
        out.append(written)
        length += len(written)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), marks


def drafts_set(folder: Path) -> tuple[dict[str, Any], str]:
    raw = (folder / "drafts.md").read_text(encoding="utf-8")
    drafts = []
    for block in raw.split("\n## ")[1:]:
        slug, body = block.split("\n", 1)
        drafts.append((slug.strip(), *_strip(body)))
    own: dict[str, list[dict[str, str]]] = {}
    if (folder / "draft_entities.tsv").exists():
        for r in _tsv(folder / "draft_entities.tsv"):
            own.setdefault(r["draft"], []).append(r)
    bundled = canonym.Resolver(canonym.AliasTable.default())
    marks = sum(len(m) for _, _, m in drafts)
    out: dict[str, Any] = {}
    parts = []
    for kind in ("empty", "bundled", "own"):
        found = extra = 0
        per: dict[str, Any] = {}
        for slug, text, planted in drafts:
            table: canonym.AliasTable | canonym.Resolver
            if kind == "empty":
                table = canonym.AliasTable()
            elif kind == "bundled":
                table = bundled
            else:
                table = _table(_records(own.get(slug, [])))
            spans = [
                (f.start, f.end, f.text, f.suggestion) for f in canonym.check(text, table=table)
            ]
            hit = [any(s < e2 and s2 < e for s2, e2, _, _ in spans) for s, e, _ in planted]
            more = [x for x in spans if not any(x[0] < e and s < x[1] for s, e, _ in planted)]
            found += sum(hit)
            extra += len(more)
            per[slug] = {
                "missed": [w for (_, _, w), h in zip(planted, hit, strict=True) if not h],
                "extra": [f"{x[2]} -> {x[3]}" for x in more],
            }
        out[kind] = per
        parts.append(f"{kind} {found}/{marks} + {extra} extra")
    return out, "; ".join(parts)


def ofac() -> tuple[dict[str, Any], str]:
    from benchmarks.bench_ofac_heldout import _dedupe_claims, build_protocol

    records, positives, negatives = build_protocol()
    resolver = canonym.Resolver(canonym.AliasTable.from_records(_dedupe_claims(records)))

    def answer(query: str) -> str:
        m = resolver.resolve(query)
        return m.entity_id if m else ""

    pos = [[q, want, answer(q)] for q, want in positives]
    neg = [[q, "", answer(q)] for q in negatives]
    right = sum(got == want for _, want, got in pos)
    wrong = sum(bool(got) and got != want for _, want, got in pos)
    accepted = sum(bool(got) for _, _, got in neg)
    return {"pos": pos, "neg": neg}, f"right {right} wrong IDs {wrong} false accepts {accepted}"


def save(tag: str, sets: Path, with_ofac: bool) -> None:
    answers = sets / ".answers"
    answers.mkdir(exist_ok=True)
    jobs: list[tuple[str, Any]] = []
    if with_ofac:
        jobs.append(("ofac", ofac))
    if DEV.exists():
        jobs += [("dev", lambda: names_set(DEV)), ("devd", lambda: drafts_set(DEV))]
    for folder in sorted(p for p in sets.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if (folder / "entities.tsv").exists():
            jobs.append((folder.name, lambda f=folder: names_set(f)))
        elif (folder / "drafts.md").exists():
            jobs.append((folder.name, lambda f=folder: drafts_set(f)))
    for name, job in jobs:
        result, line = job()
        (answers / f"{tag}.{name}.json").write_text(json.dumps(result, ensure_ascii=False))
        print(f"{name:8} {line}", flush=True)


def diff(old: str, new: str, sets: Path, hidden: set[str]) -> None:
    answers = sets / ".answers"
    for path in sorted(answers.glob(f"{old}.*.json")):
        name = path.name[len(old) + 1 : -len(".json")]
        other = answers / f"{new}.{name}.json"
        if not other.exists():
            continue
        a, b = json.loads(path.read_text()), json.loads(other.read_text())
        lines, wrong = [], 0
        for part in a:
            if isinstance(a[part], list):
                for (query, want, was), (_, _, now) in zip(a[part], b[part], strict=True):
                    if was != now:
                        sign = "+" if now == want else "-" if was == want else "~"
                        bad = bool(now) and now != want
                        wrong += bad
                        flag = " WRONG" if bad else ""
                        change = f"{query!r} want {want!r}: {was!r} -> {now!r}"
                        lines.append(f"{name} {part} {sign}{flag} {change}")
            else:
                for slug in a[part]:
                    if a[part][slug] != b[part][slug]:
                        lines.append(f"{name} {part} {slug}: {a[part][slug]} -> {b[part][slug]}")
        if name in hidden:
            print(f"{name}: {len(lines)} changed (hidden), {wrong} of them wrong answers")
        elif lines:
            print("\n".join(lines))


def main() -> None:
    p = argparse.ArgumentParser(prog="python tools/heldout.py")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("save")
    s.add_argument("tag")
    s.add_argument("sets", type=Path)
    s.add_argument("--ofac", action="store_true")
    d = sub.add_parser("diff")
    d.add_argument("old")
    d.add_argument("new")
    d.add_argument("sets", type=Path)
    d.add_argument("--hide", default="")
    args = p.parse_args()
    if args.command == "save":
        save(args.tag, args.sets, args.ofac)
    else:
        diff(args.old, args.new, args.sets, {h for h in args.hide.split(",") if h})


if __name__ == "__main__":
    main()
