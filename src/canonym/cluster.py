"""Group a list of names into clusters of spellings of one name: ``canonym.cluster``.

How it works, in four steps:

1. **Units.** Names equal once folded (case, diacritics, apostrophes, possessives, hyphens) are
   one unit: identical strings always share a cluster, and no rule ever splits a unit.
2. **Anchors.** With a ``table``, units that resolve join their entity's cluster.
3. **Candidates.** The other units are filed under the blocking keys of the resolver
   (transliteration keys, consonant skeletons and their ends, one key per word); each unit meets
   only the units filed under its rarest keys, C prefilters keep the closest few, and only
   those pairs are scored with :func:`canonym.compare`. Cost grows about linearly with the list.
4. **Linkage.** Pairs scoring at least ``threshold`` are merged best first, but two clusters
   merge only when their *average* cross score reaches the threshold and no cross pair between
   main spellings is clearly different: A~B and B~C never drag in a C that is clearly not A
   (Hussein ~ Husseini ~ Hosseini). A rare spelling (a typing slip in a long list) that
   contradicts the other cluster is outvoted unless such pairs weigh a tenth of the whole.
   Finally a name that is a person's surname or a shorter form of a person's name joins the one
   cluster holding its full name, when exactly one does.

>>> groups = cluster(["Qasem Soleimani", "Ghasem Soleymani", "Sohrab Soleimani",
...                   "Soleimani", "Qassem Soleimani"])
>>> [c.names for c in groups]
[('Qasem Soleimani', 'Ghasem Soleymani', 'Qassem Soleimani'), ('Sohrab Soleimani',), ('Soleimani',)]
"""

from __future__ import annotations

import argparse
import csv
import heapq
import io
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple, TextIO

from rapidfuzz import fuzz, process

from ._forked import Pending, can_fork, map_forked, start_forked, worker_count
from ._judge import decide
from ._name_words import name_of
from .cli import COMMANDS
from .compare import (
    DEFAULT_THRESHOLD,
    _Words,
    acronym_keys,
    readings_of,
    unit_key,
    words,
)
from .keys import key_skeleton, orth, token_form, token_key
from .parse import NameToken, ParsedName, reads_family_first
from .resolver import Resolver
from .similarity import word_similarity
from .table import KINDS, AliasTable, _gc_paused

__all__ = ["Cluster", "cluster"]


@dataclass(frozen=True)
class Cluster:
    """One group of names: positions in the input, the names in input order, a canonical name.

    ``entity_id`` is the table entity the names resolve to, or ``None`` (no table, or names the
    table does not know). ``canonical`` is then the table's name, else the most frequent spelling
    in the group (ties: the fullest form).
    """

    indices: tuple[int, ...]
    names: tuple[str, ...]
    canonical: str
    entity_id: str | None = None

    def __len__(self) -> int:
        return len(self.indices)


# How many candidates a unit meets (from its rarest keys), and how many of them, once ranked by
# the C prefilter, get the full score.
_POOL = 128
_CANDIDATES = 8
# A block too big to take whole into a unit's pool gives its units whose spellings occur most
# often, this many; and this many of the most frequent spellings that pass the prefilters are
# candidates beside the closest (see _Candidates.of).
_HEAD = 4
_HEAVY = 2
_PREFILTER_CUTOFF = 75.0
_SUBSET_CUTOFF = 95.0
_CLOSE_KEYS = 90.0  # candidates this close in keys are scored whatever their spelling
_ORTH_CUTOFF = 65.0
# Below this a pair is "clearly different": it may not end in one cluster, whatever links them.
_FLOOR_BELOW_THRESHOLD = 0.1
# Two clusters bigger than this are compared on this many members each (the most frequent),
# which bounds the cost of a merge on lists with very large clusters.
_SAMPLE = 16
# Below this many units a list is compared in this process whatever ``workers`` says: starting
# a pool of forked processes costs tens of milliseconds, about what comparing them costs here.
_FORK_FROM = 1000
# A unit seen at least this share as often as its cluster's most frequent one is a main
# spelling: a contradiction between two main spellings vetoes a merge. Contradictions that
# involve a rare spelling veto it when they carry this share of the cross pairs' weight.
_MAIN_SHARE = 0.25
_VETO_SHARE = 0.1
_EPSILON = 1e-9
_SLACK = 1e-6  # room for rounding when the running sum decides early


def cluster(
    names: Iterable[str],
    *,
    table: AliasTable | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    kind: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = 1,
) -> list[Cluster]:
    """Cluster ``names`` so that each cluster holds the spellings of one name.

    Every input index lands in exactly one cluster; clusters come in the order of their first
    name. ``kind`` says what all names are (``person``, ``organization`` ...) when known.
    ``progress(done, total)`` is called as units are compared (for progress bars).
    ``workers`` > 1 (or ``None``: one per CPU) spreads the comparing over that many forked
    processes; the clusters are the same with any number (see ``docs/clustering.md``).

    >>> [c.names for c in cluster(["Hussein", "Husseini", "Hosseini"])]
    [('Hussein',), ('Husseini', 'Hosseini')]
    >>> cluster([])
    []
    """
    if isinstance(names, (str, bytes)):
        raise TypeError("cluster() argument 'names' must be an iterable of str, not a str")
    items = list(names)
    for i, n in enumerate(items):
        if not isinstance(n, str):
            raise TypeError(f"cluster() argument 'names[{i}]' must be str, not {type(n).__name__}")
    if table is not None and not isinstance(table, AliasTable):
        raise TypeError(
            f"cluster() argument 'table' must be AliasTable or None, not {type(table).__name__}"
        )
    if not isinstance(threshold, (int, float)) or not 0.0 < threshold <= 1.0:
        raise ValueError("threshold must be a number in (0, 1]")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(sorted(KINDS))} or None, not {kind!r}")
    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool)):
        raise TypeError(
            f"cluster() argument 'workers' must be int or None, not {type(workers).__name__}"
        )

    # Clustering builds hundreds of thousands of long-lived objects (a prepared name per unit,
    # a score per compared pair, the clusters) and no reference cycles: full collections
    # meanwhile only walk them, about a sixth of the time at 1e5 names, and one more walks
    # the caches once the linker is gone (0.2 s at 1e5). The linker is dropped inside the pause.
    with _gc_paused():
        return _clustered(items, table, threshold, kind, progress, worker_count(workers))


def _clustered(
    items: list[str],
    table: AliasTable | None,
    threshold: float,
    kind: str | None,
    progress: Callable[[int, int], None] | None,
    workers: int,
) -> list[Cluster]:
    """:func:`cluster` on checked arguments."""
    units = _units(items)
    keys = sorted(units)  # everything below runs in this order: independent of input order
    reps = {k: _representative([items[i] for i in units[k]]) for k in keys}

    anchored: dict[str, list[str]] = defaultdict(list)  # entity id -> unit keys
    free: list[str] = []
    if table is not None:
        resolver = Resolver(table)
        for k, m in zip(keys, resolver.resolve_many([reps[k] for k in keys]), strict=True):
            if m is None:
                free.append(k)
            else:
                anchored[m.entity_id].append(k)
    else:
        free = keys

    out: list[Cluster] = []
    for entity_id, unit_keys in anchored.items():
        assert table is not None
        out.append(_make(items, units, unit_keys, table[entity_id].name, entity_id))
    groups = _Linker(
        [reps[k] for k in free],
        threshold,
        kind,
        progress,
        [len(units[k]) for k in free],
        workers,
    ).run()
    for group in groups:
        out.append(_make(items, units, [free[u] for u in group], None, None))
    out.sort(key=lambda c: c.indices[0])
    return out


def _block_keys(parsed: ParsedName, words: _WordKeys) -> list[str]:
    """The keys a name is filed under to meet its candidates: per word its transliteration
    key, its consonant skeleton and their ends (``words``); the words joined. May repeat a key.
    """
    keys: list[str] = []
    joined: list[str] = []
    for t in parsed.tokens:
        word = words[t.text]
        joined.append(word.key)
        if t.role != "suffix":
            keys.extend(word.block_keys)
    keys.append("j:" + "".join(joined))
    return keys


class _Word(NamedTuple):
    key: str  # token_key
    orth: str
    block_keys: tuple[str, ...]
    listed: str | None  # the key of the curated name it spells (aliases/name-words/), if any


class _WordKeys(dict[str, _Word]):
    """Each word's keys, worked out the first time the word is met in a list: the words of a
    long list repeat (a given name, a family name), its names do not."""

    def __missing__(self, text: str) -> _Word:
        tk = token_key(text)
        skeleton = key_skeleton(tk)  # consonant_skeleton(text)
        keys = ["t:" + tk, "c:" + skeleton]
        # The first letter and the ends of a word vary most (Kharkiv/Charkiw, Isfahan/Ispahan).
        if len(skeleton) >= 3:
            keys.append("r:" + skeleton[1:])
        if len(tk) >= 5:
            keys.append("p:" + tk[:3])
            keys.append("s:" + tk[-3:])
        form = orth(text)
        name = name_of(form)
        listed = None if name is None else f"n:{name[0]}:{name[1]}"
        word = self[text] = _Word(tk, form, tuple(keys), listed)
        return word


def _spelling_key(w: _Words, kind: str | None) -> tuple[tuple[str, str], ...] | None:
    """The name's words (particles and spelling-normalised forms) in order: names with one
    such key (Mosul, Mossul; "NOWAK, Jelena", Jelena Novak) are scored 1.0 together by compare.
    None for a name without words or in Chinese, Japanese or Korean script (where letters are
    no spelling)."""
    if w.syllabic is not None:
        return None
    tokens = readings_of(w, kind)[0].tokens
    return tuple((t.particle, orth(t.text)) for t in tokens) if tokens else None


def _units(items: Sequence[str]) -> dict[str, list[int]]:
    units: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(items):
        units[unit_key(n)].append(i)
    return units


def _representative(spellings: list[str]) -> str:
    """The most frequent spelling; among as frequent ones the fullest (most words, written as
    in running text rather than in capitals or "SURNAME, Given" order, longest), then the first
    in sort order."""
    if len(spellings) == 1:
        return spellings[0]
    counts = Counter(spellings)
    return min(
        counts,
        key=lambda s: (-counts[s], -len(s.split()), s.isupper() or "," in s, -len(s), s),
    )


def _make(
    items: Sequence[str],
    units: dict[str, list[int]],
    unit_keys: list[str],
    canonical: str | None,
    entity_id: str | None,
) -> Cluster:
    indices = tuple(sorted(i for k in unit_keys for i in units[k]))
    names = tuple(items[i] for i in indices)
    return Cluster(indices, names, canonical or _representative(list(names)), entity_id)


class _Linker:
    """Candidate pairs, scores and the constrained average linkage over unit representatives."""

    def __init__(
        self,
        names: list[str],
        threshold: float,
        kind: str | None,
        progress: Callable[[int, int], None] | None,
        weights: list[int],
        workers: int = 1,
    ) -> None:
        self.names = names
        self.workers = workers
        # How many times each unit's spellings occur in the input: the evidence each carries.
        self.weights = weights
        self.threshold = threshold
        self.floor = threshold - _FLOOR_BELOW_THRESHOLD
        self.kind = kind
        self.progress = progress
        self.scores: dict[tuple[int, int], tuple[float, bool]] = {}
        self.words = [words(name) for name in names]
        # Names with one spelling key score 1.0 together: no need to compare them.
        self.spelling = [_spelling_key(w, kind) for w in self.words]

    def score(self, u: int, v: int) -> tuple[float, bool]:
        """compare's score of two units, and whether the names contradict each other."""
        pair = (u, v) if u < v else (v, u)
        s = self.scores.get(pair)
        if s is None:
            x, y = pair
            same = self.spelling[x]
            if same is not None and same == self.spelling[y]:
                s = (1.0, False)
            else:
                if self.names[y] < self.names[x]:  # compare's own order, so the scores agree
                    x, y = y, x
                s = decide(self.words[x], self.words[y], self.kind)
            self.scores[pair] = s
        return s

    def run(self) -> list[list[int]]:
        n = len(self.names)
        if n == 0:
            return []
        readings = [readings_of(w, self.kind) for w in self.words]
        if self.kind not in (None, "person"):
            return self._linked(n, self._edges(readings))
        shorts = _ShortForms(self, [r[0] for r in readings])
        # Which names have a fuller name depends on the list alone: on a long list a worker
        # finds them while this process files the candidate keys (one core would wait).
        fork = self.workers > 1 and len(shorts.eligible) >= _FORK_FROM
        fuller = start_forked(_with_fuller, shorts, shorts.eligible, fork=fork)
        try:
            groups = self._linked(n, self._edges(readings))
            return self._attach_short_forms(groups, shorts, fuller)
        finally:
            fuller.close()

    # -- candidates -------------------------------------------------------------------------

    def _edges(self, readings: list[list[ParsedName]]) -> list[tuple[float, int, int]]:
        """Score each unit against its candidates; the pairs at the threshold or above.

        Units go in chunks of a hundredth of the list: in this process, or spread over forked
        workers that each score their chunks against the candidates filed here and send back
        the pairs they scored (a pair met from both ends, in two workers, is scored twice and
        kept once: scores depend on the two names only)."""
        n = len(readings)
        candidates = _Candidates(self, readings)
        step = max(1, n // 100)
        chunks = [(a, min(a + step, n)) for a in range(0, n, step)]
        progress = self.progress
        if self.workers > 1 and n >= _FORK_FROM and can_fork():
            scores = self.scores
            results = map_forked(_score_chunk, (self, candidates), chunks, self.workers)
            for (_, end), scored in zip(chunks, results, strict=True):
                for u, v, s, conflict in scored:
                    scores.setdefault((u, v), (s, conflict))
                if progress is not None:
                    progress(end, n)
        else:
            for start, end in chunks:
                if progress is not None:
                    progress(start, n)
                self._score_chunk(candidates, start, end)
        if progress is not None:
            progress(n, n)
        # No pair is scored before these: every scored pair at the threshold is an edge (the
        # linkage orders them by score and names, so the order they were met in is moot).
        threshold = self.threshold
        return [(s, u, v) for (u, v), (s, _) in self.scores.items() if s >= threshold]

    def _score_chunk(
        self, candidates: _Candidates, start: int, end: int
    ) -> list[tuple[int, int, float, bool]]:
        """Score the units ``start`` to ``end`` against their candidates; the pairs scored."""
        scored = self.scores
        new: list[tuple[int, int, float, bool]] = []
        for u in range(start, end):
            for v in candidates.of(u):
                pair = (u, v) if u < v else (v, u)
                if pair in scored:
                    continue
                s, conflict = self.score(*pair)
                new.append((*pair, s, conflict))
        return new

    # -- linkage ----------------------------------------------------------------------------

    def _linked(self, n: int, edges: list[tuple[float, int, int]]) -> list[list[int]]:
        """The clusters of the ``n`` units, linked over ``edges``: in this process, or spread
        over forked workers by connected parts of the edges.

        A merge joins two ends of an edge and the pairs it scores lie within the clusters it
        joins, so no merge or refusal in one connected part of the edges changes anything in
        another, and the parts can be linked apart (each in best-edge-first order, as in one
        run): the clusters are the same. The parts are dealt to bins of about equal edges."""
        if self.workers <= 1 or n < _FORK_FROM or not can_fork():
            return self._link(n, range(n), edges)
        parent = list(range(n))

        for _, u, v in edges:
            ru, rv = _find(parent, u), _find(parent, v)
            if ru != rv:
                parent[max(ru, rv)] = min(ru, rv)
        parts: dict[int, tuple[list[int], list[tuple[float, int, int]]]] = {}
        for u in range(n):
            parts.setdefault(_find(parent, u), ([], []))[0].append(u)
        for edge in edges:
            parts[_find(parent, edge[1])][1].append(edge)
        groups = [units for units, part_edges in parts.values() if not part_edges]
        bins: list[tuple[list[int], list[tuple[float, int, int]]]] = [
            ([], []) for _ in range(self.workers * 4)
        ]
        loads = [(0, b) for b in range(len(bins))]  # a heap of (edges dealt, bin)
        linked = sorted((p for p in parts.values() if p[1]), key=lambda p: (-len(p[1]), p[0][0]))
        for units, part_edges in linked:
            load, b = heapq.heappop(loads)
            bins[b][0].extend(units)
            bins[b][1].extend(part_edges)
            heapq.heappush(loads, (load + len(part_edges), b))
        tasks = [b for b in bins if b[1]]
        for linked_groups in map_forked(_link_bin, (self, n), tasks, self.workers):
            groups.extend(linked_groups)
        return groups

    def _link(
        self, n: int, units: Sequence[int], edges: list[tuple[float, int, int]]
    ) -> list[list[int]]:
        """Merge best edge first, if the clusters agree on average and nowhere clearly differ.

        ``units`` are the units to link (of ``n``): the ends of ``edges`` among them."""
        parent = list(range(n))
        members: dict[int, list[int]] = {u: [u] for u in units}

        heap = [(-s, self.names[u], self.names[v], u, v) for s, u, v in edges]
        heapq.heapify(heap)
        # A refusal holds for two clusters as they were: it names each root with the number of
        # merges into it, so a cluster that grows meets its neighbours again.
        grown = [0] * n
        refused: set[tuple[int, int, int, int]] = set()
        while heap:
            _, _, _, u, v = heapq.heappop(heap)
            ru, rv = _find(parent, u), _find(parent, v)
            if ru == rv:
                continue
            ru, rv = min(ru, rv), max(ru, rv)
            pair = (ru, rv, grown[ru], grown[rv])
            if pair in refused:
                continue
            if not self._agree(members[ru], members[rv]):
                refused.add(pair)
                continue
            big, small = (ru, rv) if len(members[ru]) >= len(members[rv]) else (rv, ru)
            parent[small] = big
            members[big].extend(members.pop(small))
            grown[big] += 1
        return [sorted(m) for m in members.values()]

    def _agree(self, a: list[int], b: list[int]) -> bool:
        """Whether two clusters are one: their cross pairs score the threshold on average (each
        pair weighed by how often its two spellings occur), and none contradicts the merge.

        A pair contradicts it when the names conflict or score clearly under the threshold.
        Between two main spellings (each seen at least a quarter as often as its cluster's most
        frequent one) that is a veto; a rare spelling (a typing slip in a long list) is
        outvoted unless its pairs, weighted by how often their two spellings occur, carry a
        tenth of the weight. In a list of distinct names every spelling is a main one, and
        every contradiction a veto.
        """
        xs, ys = self._sample(a), self._sample(b)
        weights = self.weights
        main_x = _MAIN_SHARE * max(weights[x] for x in xs)
        main_y = _MAIN_SHARE * max(weights[y] for y in ys)
        total = against = 0.0
        # Each pair weighs as often as its two spellings occur together: the spellings a list
        # uses most say what the clusters are, and two typing slips, one in each cluster, are
        # further apart than either is from the main spellings (Cahrles Emily, Charles Eimly).
        # In a list of distinct names every pair weighs one: the plain average.
        whole = left = sum(weights[x] for x in xs) * sum(weights[y] for y in ys)
        limit = _VETO_SHARE * whole
        # The average cannot reach the threshold once the pairs left could not lift it there.
        needed = self.threshold * whole - _EPSILON
        for x in xs:
            wx = weights[x]
            for y in ys:
                w = wx * weights[y]
                s, conflict = self.score(x, y)
                if conflict or s < self.floor - _EPSILON:
                    if wx >= main_x and weights[y] >= main_y:
                        return False
                    against += w
                    if against > limit:
                        return False
                total += w * s
                left -= w
                if total + left < needed:
                    return False
        return total / whole >= self.threshold

    def _sample(self, members: list[int]) -> list[int]:
        """A big cluster is represented by its most frequent spellings."""
        if len(members) <= _SAMPLE:
            return members
        weights, names = self.weights, self.names
        return sorted(members, key=lambda u: (-weights[u], names[u]))[:_SAMPLE]

    # -- surnames and short forms -----------------------------------------------------------

    def _attach_short_forms(
        self, groups: list[list[int]], shorts: _ShortForms, with_fuller: Pending[list[int]]
    ) -> list[list[int]]:
        """A surname alone (or a person's name given short) joins the only cluster holding a
        fuller name that ends the same way and contains all its words; none, or two, and it
        stays alone (Soleimani beside Qassem and Sohrab Soleimani is ambiguous).
        ``with_fuller``: the units with a fuller name in the list."""
        content, person, by_family = shorts.content, shorts.person, shorts.by_family
        # A group joins another only if all its names are persons' and one has a fuller name
        # in the list: find those groups first (most have none), and order only them.
        fuller = set(with_fuller.result())
        candidates = [
            g
            for g, members in enumerate(groups)
            if all(person[u] and content[u] for u in members) and any(u in fuller for u in members)
        ]
        if not candidates:
            return groups
        group_of = {u: g for g, members in enumerate(groups) for u in members}
        merged: dict[int, int] = {}  # group -> the group it joined

        def root(g: int) -> int:
            while g in merged:
                g = merged[g]
            return g

        order = sorted(
            candidates,
            key=lambda g: (
                -max(len(content[u]) for u in groups[g]),
                min(self.names[u] for u in groups[g]),
            ),
        )
        for g in order:
            targets = self._fuller(groups[g], content, by_family, lambda v: root(group_of[v]))
            targets.discard(root(g))
            if len(targets) == 1:
                merged[root(g)] = targets.pop()
        if not merged:
            return groups
        out: dict[int, list[int]] = defaultdict(list)
        for g, members in enumerate(groups):
            out[root(g)].extend(members)
        return [sorted(m) for m in out.values()]

    @staticmethod
    def _has_fuller(
        u: int, content: list[tuple[NameToken, ...]], by_family: dict[str, list[int]]
    ) -> bool:
        words = content[u]
        for v in by_family.get(token_key(_family_word(words).text), ()):
            if len(content[v]) <= len(words):
                return False  # longest first: no fuller name after this one
            if _contains(content[v], words):
                return True
        return False

    @staticmethod
    def _fuller(
        short: list[int],
        content: list[tuple[NameToken, ...]],
        by_family: dict[str, list[int]],
        group: Callable[[int], int],
    ) -> set[int]:
        """The groups holding a fuller name of one of ``short``; stops counting at two."""
        targets: set[int] = set()
        for u in short:
            words = content[u]
            for v in by_family.get(token_key(_family_word(words).text), ()):
                if len(content[v]) <= len(words):
                    break  # longest first
                h = group(v)
                if h not in targets and _contains(content[v], words):
                    targets.add(h)
                    if len(targets) > 2:  # two other groups, besides perhaps its own
                        return targets
        return targets


class _Candidates:
    """Where each unit's candidates are found: the units filed under its blocking keys, ranked
    by C prefilters. Built once per list, then only read (also by forked workers)."""

    def __init__(self, linker: _Linker, readings: list[list[ParsedName]]) -> None:
        self.blocks: dict[str, list[int]] = defaultdict(list)
        self.unit_blocks: list[list[str]] = []
        self.unit_direct: list[list[str]] = []
        words = _WordKeys()
        blocks = self.blocks
        for u, rs in enumerate(readings):
            ks = list(dict.fromkeys(k for r in rs if r.tokens for k in _block_keys(r, words)))
            # Keys whose units are candidates without the prefilters, which compare letters: an
            # acronym's, and the curated names a word spells (Reza, Ridha share few letters).
            direct = sorted("a:" + a for a in acronym_keys(linker.words[u]))
            listed = {words[t.text].listed for r in rs for t in r.tokens}
            direct += sorted(k for k in listed if k is not None)
            # The pool of a unit's candidates is drawn from its letters' keys only: a direct
            # key's block holds names that share no letters with it, the more so the shorter
            # the key (two initials are shared by a fiftieth of a long list of names, a block
            # that would come first, as the smallest, and fill the pool with strangers).
            self.unit_blocks.append(ks)
            self.unit_direct.append(direct)
            for k in (*ks, *direct):
                blocks[k].append(u)
        # What the C prefilters compare, per unit: the content words' keys sorted, the same
        # keys in order written as one word, and the spelling-normalised words sorted.
        self.key_text: list[str] = []
        self.joined_text: list[str] = []
        self.orth_text: list[str] = []
        for rs in readings:
            content = _content(rs[-1])
            forms = [token_form(t) for t in content]
            self.joined_text.append("".join(forms))
            forms.sort()
            self.key_text.append(" ".join(forms))
            self.orth_text.append(" ".join(sorted(words[t.text].orth for t in content)))
        self.word_counts = [t.count(" ") for t in self.key_text]
        self.weights = linker.weights
        self._heads: dict[str, list[int]] = {}

    def of(self, u: int) -> list[int]:
        """``u``'s candidates, best first: the units it shares its rarest keys with, and the
        most frequent spellings under its other keys, as far as the prefilters keep them; then
        those filed under its acronyms and curated names.

        A typing slip's own keys are rare (Cahrles), so its pool fills with the names that
        share them, its sibling slips, and the keys it shares with the name it misspells are
        common to many names (every Charles). Those blocks still give the spellings a list
        writes most often (Charles Emily, twenty times), and those are candidates beside the
        closest: only they join a cluster of slips to its name."""
        blocks = self.blocks
        pool: set[int] = set()
        keys = sorted(self.unit_blocks[u], key=lambda k: len(blocks[k]))
        for at, k in enumerate(keys):
            posting = blocks[k]
            if pool and len(pool) + len(posting) > _POOL:
                for rest in keys[at:]:
                    pool.update(self._heaviest(rest))
                break
            pool.update(posting[:_POOL])
        pool.discard(u)
        ordered = self._prefilter(u, sorted(pool)) if pool else []
        # An acronym shares no letters' keys with its expansion: both are filed under it; so
        # are the spellings of one curated name.
        for k in self.unit_direct[u]:
            if len(blocks[k]) <= _CANDIDATES:
                ordered.extend(v for v in blocks[k] if v != u and v not in ordered)
        return ordered

    def _heaviest(self, k: str) -> list[int]:
        """The units of block ``k`` whose spellings occur most often (cached)."""
        head = self._heads.get(k)
        if head is None:
            posting, weights = self.blocks[k], self.weights
            head = posting
            if len(posting) > _HEAD:
                head = heapq.nsmallest(_HEAD, posting, key=lambda v: (-weights[v], v))
            self._heads[k] = head
        return head

    def _prefilter(self, u: int, pool: list[int]) -> list[int]:
        """The candidates whose transliteration keys are close to ``u``'s, best first.

        Three C passes: the words' keys (in any order), the keys written as one word (Deng
        Xiao Ping / Deng Xiaoping), and word-set containment (a patronymic or title more); then
        the closest that are not very close in keys must be close in spelling-normalised words.
        """
        key_text, joined_text, word_counts = self.key_text, self.joined_text, self.word_counts
        best: dict[int, float] = {}
        # Containment only between names with different numbers of words (the slow pass: a
        # name with as many words as another and nearly all of them is found by the first).
        count = word_counts[u]
        others = [v for v in pool if word_counts[v] != count]
        for query, texts, members, scorer, cutoff in (
            (key_text[u], _pick(key_text, pool), pool, fuzz.ratio, _PREFILTER_CUTOFF),
            (joined_text[u], _pick(joined_text, pool), pool, fuzz.ratio, _PREFILTER_CUTOFF),
            (key_text[u], _pick(key_text, others), others, fuzz.token_set_ratio, _SUBSET_CUTOFF),
        ):
            if not members:
                continue
            for _, score, j in process.extract(
                query, texts, scorer=scorer, score_cutoff=cutoff, limit=None
            ):
                v = members[j]
                if score > best.get(v, -1.0):
                    best[v] = score
        ranked = sorted(best, key=lambda v: (-best[v], v))[:_CANDIDATES]
        if len(best) > _CANDIDATES:
            weights = self.weights
            kept = set(ranked)
            ranked += sorted((v for v in best if v not in kept), key=lambda v: (-weights[v], v))[
                :_HEAVY
            ]
        # Keys merge whole classes of letters, so in a list of look-alike names many are close
        # in keys alone; those must also be close in their spelling-normalised words.
        orth_text = self.orth_text
        mine = orth_text[u]
        return [
            v
            for v in ranked
            if best[v] >= _CLOSE_KEYS or fuzz.ratio(mine, orth_text[v]) >= _ORTH_CUTOFF
        ]


def _find(parent: list[int], u: int) -> int:
    """The root of ``u`` in the union-find forest ``parent``, halving the path on the way."""
    while parent[u] != u:
        parent[u] = parent[parent[u]]
        u = parent[u]
    return u


def _score_chunk(
    work: tuple[_Linker, _Candidates], chunk: tuple[int, int]
) -> list[tuple[int, int, float, bool]]:
    """In a forked worker: the pairs of a chunk of units, scored (see ``_Linker._edges``)."""
    linker, candidates = work
    return linker._score_chunk(candidates, *chunk)


class _ShortForms:
    """What the short-form step reads of each unit: its content words, whether it is a
    person's name, and the units with two or more words by family-name key, longest first."""

    def __init__(self, linker: _Linker, parsed: list[ParsedName]) -> None:
        self.content = content = [_content(p) for p in parsed]
        self.person = [
            linker.kind == "person" or _person_like(linker.words[u].kind_hint, p)
            for u, p in enumerate(parsed)
        ]
        self.by_family: dict[str, list[int]] = defaultdict(list)
        for u, mine in enumerate(content):
            if len(mine) >= 2 and self.person[u]:
                self.by_family[token_key(_family_word(mine).text)].append(u)
        for longer in self.by_family.values():
            longer.sort(key=lambda v: -len(content[v]))
        # the units whose cluster may join another's: persons' names with content words
        self.eligible = [u for u in range(len(content)) if self.person[u] and content[u]]


def _with_fuller(shorts: _ShortForms, units: list[int]) -> list[int]:
    """Those of ``units`` with a fuller name in the list (in a forked worker, on a long list)."""
    return [u for u in units if _Linker._has_fuller(u, shorts.content, shorts.by_family)]


def _link_bin(
    work: tuple[_Linker, int], part: tuple[list[int], list[tuple[float, int, int]]]
) -> list[list[int]]:
    """In a forked worker: the clusters of some connected parts (see ``_Linker._linked``)."""
    linker, n = work
    return linker._link(n, *part)


def _pick(texts: list[str], members: list[int]) -> Sequence[str]:
    """``texts`` at the positions ``members`` (itemgetter builds the tuple in C)."""
    if len(members) == 1:
        return [texts[members[0]]]
    return itemgetter(*members)(texts) if members else []


def _content(p: ParsedName) -> tuple[NameToken, ...]:
    return tuple(t for t in p.tokens if t.role not in ("suffix", "generic"))


_SURNAME_MATCH = 0.9


def _family_at(words: tuple[NameToken, ...]) -> int:
    """Where the family name is among a name's content words: last, or first in a Chinese or
    Korean name (Kim Jong Un), which ``parse`` reads family name first."""
    return 0 if reads_family_first(words) else len(words) - 1


def _family_word(words: tuple[NameToken, ...]) -> NameToken:
    """The family name among a name's content words (see :func:`_family_at`)."""
    return words[_family_at(words)]


def _contains(longer: tuple[NameToken, ...], shorter: tuple[NameToken, ...]) -> bool:
    """Every word of ``shorter`` in ``longer`` (in any order), the family names matching, and
    ``longer`` really longer."""
    if len(longer) <= len(shorter):
        return False
    at, short_at = _family_at(longer), _family_at(shorter)
    if word_similarity(longer[at].text, shorter[short_at].text) < _SURNAME_MATCH:
        return False
    free = [*longer[:at], *longer[at + 1 :]]
    for t in (*shorter[:short_at], *shorter[short_at + 1 :]):
        hit = next(
            (
                x
                for x in free
                if x.particle == t.particle and word_similarity(x.text, t.text) >= _SURNAME_MATCH
            ),
            None,
        )
        if hit is None:
            return False
        free.remove(hit)
    return True


# Words that open the name of a region or a country, never a person's first name.
_PLACE_WORDS = frozenset(
    """north south east west northern southern eastern western central upper lower greater
    new""".split()
)


def _person_like(hint: str | None, p: ParsedName) -> bool:
    if hint is not None:
        return hint == "person"
    return not any(t.text in _PLACE_WORDS for t in p.tokens)


# -- the command line ----------------------------------------------------------------------------


def _read_names(path: str, column: str | None) -> list[tuple[int, str]]:
    """(row number, name) for every non-empty name of the file ("-" is standard input)."""
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    if column is None:
        lines = enumerate(text.splitlines(), 1)
        return [(i, line.strip()) for i, line in lines if line.strip()]
    first = text.split("\n", 1)[0]
    tabs = path.endswith((".tsv", ".tab")) or "\t" in first
    reader = csv.reader(io.StringIO(text), delimiter="\t" if tabs else ",")
    header = next(reader, None)
    if header is None:
        return []
    header = [h.strip() for h in header]
    if column in header:
        at = header.index(column)
    elif column.isdigit() and 1 <= int(column) <= len(header):
        at = int(column) - 1
    else:
        raise _UsageError(f"no column {column!r} in {path} (columns: {', '.join(header)})")
    out = []
    for row_number, row in enumerate(reader, 1):
        value = row[at].strip() if at < len(row) else ""
        if value:
            out.append((row_number, value))
    return out


class _UsageError(Exception):
    pass


class _ProgressBar:
    """A one-line progress bar on standard error, drawn only when it is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(1, total)
        self.stream.write(
            f"\rclustering [{'#' * filled}{'.' * (width - filled)}] {done}/{total} names"
        )
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="one name a line, or a CSV/TSV file; - for stdin")
    p.add_argument("--column", metavar="COL", help="the CSV/TSV column of names (name or number)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text", help="output")
    p.add_argument(
        "--table", metavar="PATH", help="anchor names that resolve to this table's entities"
    )
    p.add_argument("--bundled", action="store_true", help="anchor names to the bundled alias table")
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="merge threshold")
    p.add_argument("--kind", choices=sorted(KINDS), help="what all the names are, when known")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="compare in N processes (0: one per CPU); the clusters are the same",
    )


def cmd_cluster(args: argparse.Namespace) -> int:
    """``canonym cluster FILE``: group the names of a file into spellings of one name."""
    try:
        rows = _read_names(args.file, args.column)
    except _UsageError as err:
        print(f"canonym cluster: {err}", file=sys.stderr)
        return 2
    if not 0.0 < args.threshold <= 1.0:
        print("canonym cluster: --threshold must be in (0, 1]", file=sys.stderr)
        return 2
    table = None
    if args.table:
        table = AliasTable.load(args.table)
    elif args.bundled:
        table = AliasTable.default()
    bar = _ProgressBar(sys.stderr) if sys.stderr.isatty() and len(rows) >= _BAR_FROM else None
    try:
        groups = cluster(
            [name for _, name in rows],
            table=table,
            threshold=args.threshold,
            kind=args.kind,
            progress=bar,
            workers=args.workers if args.workers > 0 else None,
        )
    finally:
        if bar is not None:
            bar.close()
    _print(groups, rows, args.format)
    return 0


_BAR_FROM = 2000  # names; below this the command is done before a bar means anything


def _print(groups: list[Cluster], rows: list[tuple[int, str]], fmt: str) -> None:
    if fmt == "text":
        for number, c in enumerate(groups, 1):
            spellings = " | ".join(dict.fromkeys(c.names))
            print(f"{number}\t{c.canonical}\t{c.entity_id or '-'}\t{len(c)}\t{spellings}")
        return
    records = []
    for number, c in enumerate(groups, 1):
        for i in c.indices:
            records.append(
                {
                    "row": rows[i][0],
                    "name": rows[i][1],
                    "cluster": number,
                    "canonical": c.canonical,
                    "entity_id": c.entity_id,
                }
            )
    records.sort(key=lambda r: r["row"])  # type: ignore[arg-type, return-value]
    if fmt == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    writer = csv.DictWriter(
        sys.stdout,
        fieldnames=["row", "name", "cluster", "canonical", "entity_id"],
        lineterminator="\n",
    )
    writer.writeheader()
    for r in records:
        writer.writerow({**r, "entity_id": r["entity_id"] or ""})


COMMANDS["cluster"] = (
    "group the names of a file into spellings of one name",
    _configure,
    cmd_cluster,
)
