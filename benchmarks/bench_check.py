"""Speed of ``canonym.check``: MB/s on a 10 KB and a 1 MB draft, for several alias tables.

Drafts are synthetic and deterministic (seeded). English-like filler, one name mention per ~30
words (as in the performance anchors' scanner benchmark): names of the table being measured
(name, spellings, short forms) and made-up names that are in no table (clustered among
themselves). A share of the mentions is misspelt by one transliteration edit (q/k, ei/ey, ou/u,
a doubled or dropped letter): 3% in the "edited" drafts, 30% in the "stress" drafts (the
anchors' rate; far more findings than real copy has). Every repetition checks a draft of its own
seed, with the index caches emptied, so that no figure comes from a draft seen before.

Tables: the bundled table, and synthetic tables of 1e4 and 1e5 known aliases (made-up persons and
organisations, 1-3 names each). The build column is the time to build the Resolver and the
name index once, and the full garbage collection its allocations cause; it is not part of the
MB/s figures. "first run s" is the whole check of the
first draft; MB/s is the median over the repetitions.

Run: ``python -m benchmarks.bench_check [--quick]`` (``--quick``: 10 KB drafts and the bundled
table only).
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
from collections.abc import Sequence

import canonym
from canonym.mentions import index_for

_FILLER = """
said officials would the and of in a to on for with that was were had has been have after before
during about against between into through over under while when where which who whose their its
his her they them this these those there than then also not only more most many some several few
government forces troops militia attack strike rockets base border city province region capital
meeting talks agreement ceasefire statement spokesman minister ministry president commander
leader group network fighters officials police army security intelligence report reports
according sources witnesses residents people civilians killed wounded injured arrested released
announced denied confirmed claimed accused warned called asked told added noted described
visited travelled returned met received opened closed began ended continued expected planned
new old large small several first second third last next early late local foreign national
international regional military political economic public private official senior former
week month year day night morning evening hours days weeks months years time times period
road highway airport bridge village town district area zone camp prison hospital school market
""".split()
_OPENERS = """The In After On During A Officials Residents However Meanwhile Earlier Later
Witnesses Security Local Several Some Many Two Three Last This That""".split()
_SYLLABLES = """ba da fa ha ja ka la ma na ra sa ta za bi di hi ji ki li mi ni ri si ti zi bu du
hu ju ku lu mu nu ru su tu zu bo do ho ko lo mo no ro so to sha kha gha qa qi qu ab ad al am an
ar as az ib id il im in ir iz ub ud ul um un ur us""".split()
_ORG_WORDS = """Brigades Movement Front Army Council Party Organisation Forces Battalion Union
Network Committee""".split()


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize()


def _person(rng: random.Random) -> str:
    return f"{_word(rng, rng.randint(2, 3))} {_word(rng, rng.randint(2, 4))}"


_EDITS = [("q", "k"), ("k", "q"), ("ei", "ey"), ("ou", "u"), ("u", "ou"), ("i", "ee"), ("e", "a")]


def misspell(name: str, rng: random.Random) -> str:
    """One transliteration edit: a letter-class swap, a doubled letter or a dropped vowel."""
    for _ in range(6):
        choice = rng.random()
        if choice < 0.5:
            old, new = rng.choice(_EDITS)
            if old in name:
                i = name.index(old)
                return name[:i] + new + name[i + len(old) :]
        else:
            positions = [i for i, ch in enumerate(name) if ch.islower()]
            if not positions:
                break
            i = rng.choice(positions)
            if choice < 0.75:
                return name[: i + 1] + name[i] + name[i + 1 :]  # doubled letter
            if name[i] in "aeiou" and i + 1 < len(name) and name[i + 1].isalpha():
                return name[:i] + name[i + 1 :]  # dropped vowel
    return name + "i"


def synthetic_table(n_aliases: int, seed: int = 7) -> canonym.AliasTable:
    """Made-up persons and organisations with about ``n_aliases`` names in all."""
    rng = random.Random(seed)
    records: list[dict[str, object]] = []
    seen: set[str] = set()
    count = 0
    while count < n_aliases:
        if rng.random() < 0.7:
            name = _person(rng)
            kind = "person"
        else:
            name = f"{_word(rng, 2)} {rng.choice(_ORG_WORDS)}"
            kind = "organization"
        if canonym.fold(name) in seen:
            continue
        seen.add(canonym.fold(name))
        aliases = []
        for _ in range(rng.randint(0, 2)):
            alias = misspell(name, rng)
            if canonym.fold(alias) not in seen:
                seen.add(canonym.fold(alias))
                aliases.append(alias)
        records.append({"id": f"e{len(records)}", "name": name, "kind": kind, "spellings": aliases})
        count += 1 + len(aliases)
    return canonym.AliasTable.from_records(records)


def synthetic_draft(table: canonym.AliasTable, size: int, seed: int, misspelt: float = 0.3) -> str:
    """About ``size`` characters of English-like prose mentioning the table's names, a share
    ``misspelt`` of the mentions misspelt."""
    rng = random.Random(seed)
    entities = list(table)
    known = [e for e in entities if len(e.name) > 3] or entities
    unknown = [_person(rng) for _ in range(max(20, size // 5000))]
    parts: list[str] = []
    length = 0
    while length < size:
        paragraph = []
        for _ in range(rng.randint(3, 6)):
            words = [rng.choice(_OPENERS)]
            words += [rng.choice(_FILLER) for _ in range(rng.randint(11, 24))]
            for _ in range(rng.choice((0, 1, 1))):
                if known and rng.random() < 0.6:
                    e = rng.choice(known)
                    name = rng.choice([e.name, *e.spellings, *e.short])
                else:
                    name = rng.choice(unknown)
                if rng.random() < misspelt:
                    name = misspell(name, rng)
                if rng.random() < 0.1:
                    name += "'s"
                words.insert(rng.randint(1, len(words)), name)
            paragraph.append(" ".join(words) + ".")
        text = " ".join(paragraph)
        parts.append(text)
        length += len(text) + 2
    return "\n\n".join(parts)[:size]


def measure(
    resolver: canonym.Resolver,
    table: canonym.AliasTable,
    size: int,
    runs: int,
    misspelt: float,
) -> tuple[float, float, int]:
    """(seconds of the first run, median MB/s over ``runs`` fresh drafts, findings per draft)."""
    index = index_for(resolver)
    seconds: list[float] = []
    findings = 0
    megabytes = 0.0
    for run in range(runs):
        draft = synthetic_draft(table, size, seed=1000 + run, misspelt=misspelt)
        megabytes = len(draft.encode("utf-8")) / 1e6
        index._runs.clear()  # nothing carried over from the previous draft
        index._resolved.clear()
        t0 = time.perf_counter()
        findings = len(canonym.check(draft, table=resolver))
        seconds.append(time.perf_counter() - t0)
    return seconds[0], statistics.median(megabytes / s for s in seconds), findings


_KINDS = (("edited", 0.03), ("stress", 0.3))


def main(argv: Sequence[str] | None = None) -> dict[str, object]:
    """Print the figures as a Markdown table; return them."""
    argv = list(sys.argv[1:] if argv is None else argv)
    quick = "--quick" in argv
    tables: list[tuple[str, canonym.AliasTable]] = [("bundled", canonym.AliasTable.default())]
    if not quick:
        tables += [("synthetic 1e4", synthetic_table(10_000))]
        tables += [("synthetic 1e5", synthetic_table(100_000))]
    sizes = [10_000] if quick else [10_000, 1_000_000]
    print("| table | names | build s | draft | findings | first run s | MB/s (median) |")
    print("|---|---|---|---|---|---|---|")
    results: dict[str, object] = {}
    for label, table in tables:
        names = sum(1 + len(e.spellings) + len(e.aliases) + len(e.short) for e in table)
        t0 = time.perf_counter()
        resolver = canonym.Resolver(table)
        index_for(resolver).key_hits("")  # the trie, and the key look-up built on first use
        # The full garbage collection that the build's allocations will trigger belongs to the
        # build (10^5 names: ~0.5 s), not to the first draft checked after it.
        gc.collect()
        build = time.perf_counter() - t0
        for size, (kind, misspelt) in ((s, k) for s in sizes for k in _KINDS):
            runs = 5 if size <= 10_000 else 3
            first, mbps, findings = measure(resolver, table, size, runs, misspelt)
            draft = f"{size // 1000} KB" if size < 1_000_000 else f"{size // 1_000_000} MB"
            draft += f" {kind}"
            print(
                f"| {label} | {names:,} | {build:.2f} | {draft} | {findings} | {first:.3f} | "
                f"{mbps:.2f} |"
            )
            results[f"{label} {draft}"] = {
                "names": names,
                "build_s": build,
                "first_run_s": first,
                "mb_per_s": mbps,
                "findings": findings,
            }
    return results


if __name__ == "__main__":
    main()
