"""What ``canonym.check`` is compared with: pure-Python exact scanners on the very same drafts.

The drafts and tables are those of :mod:`benchmarks.bench_check` (same seeds, same sizes), so
the MB/s figures sit side by side with canonym's. Two references, both finding only names
written exactly as listed (lower-cased), none of the misspelt or unknown ones canonym reports:

- *exact n-gram scanner*: lower-case the draft, tokenise it with a regex, and at each word
  whose text starts some alias, look up the 1..k-word n-grams in a dict of the aliases
  (longest first): the usual pure-Python keyword scanner (anchors: 13-19 MB/s);
- *split + hash floor*: ``str.split`` the draft and test each token against a set of the
  aliases' first words: what any pure-Python scanner has to pay at least (anchors: ~84 MB/s).

MB/s is the median over the same number of drafts as bench_check (5 of 10 KB, 3 of 1 MB).

Run: ``python -m benchmarks.bench_check_peers [--quick]``.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from . import _report as rep

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class ExactScanner:
    """Word-bounded exact look-up of known aliases in lower-cased text."""

    def __init__(self, aliases: dict[str, str]) -> None:
        self.patterns: dict[str, str] = {}
        lengths: dict[str, set[int]] = {}
        for alias, entity_id in aliases.items():
            words = _TOKEN.findall(alias.lower())
            if not words:
                continue
            self.patterns.setdefault(" ".join(words), entity_id)
            lengths.setdefault(words[0], set()).add(len(words))
        # first word -> the word counts of the aliases it starts, longest first
        self.lengths = {w: sorted(ks, reverse=True) for w, ks in lengths.items()}
        self.firsts = set(self.lengths)

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        lower = text.lower()
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(lower)]
        words = [lower[s:e] for s, e in spans]
        out = []
        i, n = 0, len(words)
        lengths, patterns = self.lengths, self.patterns
        while i < n:
            step = 1
            for k in lengths.get(words[i], ()):
                if i + k <= n:
                    hit = patterns.get(" ".join(words[i : i + k]))
                    if hit is not None:
                        out.append((spans[i][0], spans[i + k - 1][1], hit))
                        step = k
                        break
            i += step
        return out

    def floor(self, text: str) -> int:
        firsts = self.firsts
        return sum(1 for w in text.lower().split() if w in firsts)


def _aliases(table: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in table:
        for name in (e.name, *e.spellings, *e.aliases, *e.short):
            out.setdefault(name, e.id)
    return out


def _mbps(fn: Callable[[str], object], drafts: list[str]) -> float:
    rates = []
    for d in drafts:
        t0 = time.perf_counter()
        fn(d)
        rates.append(len(d.encode("utf-8")) / 1e6 / (time.perf_counter() - t0))
    return statistics.median(rates)


def main(
    argv: Sequence[str] | None = None, canonym_results: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Measure the references on bench_check's drafts; print them beside ``canonym_results``
    (bench_check's return value) when given."""
    import canonym

    from .bench_check import _KINDS, synthetic_draft, synthetic_table

    args = list(sys.argv[1:] if argv is None else argv)
    quick = "--quick" in args
    tables: list[tuple[str, Any]] = [("bundled", canonym.AliasTable.default())]
    if not quick:
        tables += [("synthetic 1e4", synthetic_table(10_000))]
        tables += [("synthetic 1e5", synthetic_table(100_000))]
    sizes = [10_000] if quick else [10_000, 1_000_000]
    results: dict[str, Any] = {}
    rows = []
    for label, table in tables:
        t0 = time.perf_counter()
        scanner = ExactScanner(_aliases(table))
        build = time.perf_counter() - t0
        for size in sizes:
            for kind, misspelt in _KINDS:
                runs = 5 if size <= 10_000 else 3
                drafts = [synthetic_draft(table, size, 1000 + r, misspelt) for r in range(runs)]
                draft = f"{size // 1000} KB" if size < 1_000_000 else f"{size // 1_000_000} MB"
                key = f"{label} {draft} {kind}"
                found = len(scanner.scan(drafts[0]))
                results[key] = {
                    "scanner_mb_per_s": _mbps(scanner.scan, drafts),
                    "floor_mb_per_s": _mbps(scanner.floor, drafts),
                    "scanner_build_s": build,
                    "scanner_matches": found,
                }
                c = (canonym_results or {}).get(key, {})
                r = results[key]
                rows.append(
                    [
                        key,
                        rep.num(c.get("mb_per_s")),
                        c.get("findings", "-"),
                        rep.num(r["scanner_mb_per_s"]),
                        found,
                        rep.num(r["floor_mb_per_s"]),
                        rep.ratio(c.get("mb_per_s"), r["scanner_mb_per_s"]),
                        rep.ratio(c.get("mb_per_s"), r["floor_mb_per_s"]),
                    ]
                )
    rep.table(
        "check(): canonym beside pure-Python exact scanners on the same drafts (MB/s, median)",
        [
            "table, draft",
            "canonym MB/s",
            "canonym findings",
            "exact n-gram scanner MB/s",
            "scanner exact matches",
            "split + hash floor MB/s",
            "canonym ÷ scanner",
            "canonym ÷ floor",
        ],
        rows,
    )
    return results


if __name__ == "__main__":
    main()
