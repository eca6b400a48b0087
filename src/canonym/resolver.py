"""Resolve a name to a canonical ID: exact, then folded, then key, then fuzzy on a small block.

A :class:`Resolver` indexes every name of an :class:`AliasTable` through the very same
``normalize``/``fold``/``parse``/``key`` functions as every query, so index and query cannot
disagree. It is immutable after construction, safe to share between threads, and picklable.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import regex
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ._typecheck import require_str
from .keys import consonant_skeleton, token_form, token_key
from .normalize import fold, normalize
from .parse import ParsedName, parse
from .similarity import NameScore, describe_differences, score_names
from .table import AliasTable, Entity

__all__ = ["Match", "Resolver"]

# How an alias entered the table, strongest first.
_STRONG = ("name", "spelling", "alias")
_ABJAD = regex.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]")
_ARABIC_ARTICLE = regex.compile(r"(?<![\u0600-\u06ff])\u0627\u0644(?=[\u0600-\u06ff]{2,})")


@dataclass(frozen=True)
class Match:
    """A resolved (or candidate) entity for a query.

    ``method`` says which tier found it: ``exact``, ``folded``, ``key``, ``short`` (a curated
    short form), ``surname``, ``fuzzy``, ``script`` (a name in Arabic, Hebrew ... script met by
    its consonant skeleton) or ``weak`` (a weak alias: shown among candidates, never resolved).
    """

    entity_id: str
    name: str
    score: float
    alias: str
    method: str
    query: str
    alias_type: str = "name"
    kind: str = "other"
    _detail: NameScore | None = field(default=None, repr=False, compare=False)

    def explain(self) -> str:
        """Say in words which rules bridged the query and the alias."""
        return explain_match(self)


_new_object = object.__new__


def _new_match(
    entity: Entity,
    score: float,
    alias: str,
    method: str,
    query: str,
    alias_type: str,
    detail: NameScore | None,
) -> Match:
    """Build a :class:`Match` without the frozen dataclass's nine ``object.__setattr__`` calls.

    It is the same object ``Match(...)`` builds, in a quarter of the time: on the exact-hit path
    (a few microseconds a query) the constructor was a third of the cost.
    """
    m: Match = _new_object(Match)
    m.__dict__.update(
        entity_id=entity.id,
        name=entity.name,
        score=score,
        alias=alias,
        method=method,
        query=query,
        alias_type=alias_type,
        kind=entity.kind,
        _detail=detail,
    )
    return m


def explain_match(m: Match) -> str:
    """The text of :meth:`Match.explain`."""
    lines = [
        f"{m.query!r} -> {m.entity_id} ({m.name}) via {m.alias_type} {m.alias!r}: "
        f"method {m.method}, score {m.score:.3f}"
    ]
    q, a = parse(m.query), parse(m.alias)
    for title in q.titles:
        lines.append(f"title {title!r} set aside")
    if q.inverted:
        lines.append("'SURNAME, Given' order turned round")
    for art in q.articles:
        lines.append(f"article {art!r} dropped")
    if not q.articles and a.articles:
        lines.append(f"article {a.articles[0]!r} of the alias not needed")
    if normalize(m.query) != m.query:
        lines.append("typography normalised (apostrophes, dashes, invisible characters)")
    raw_fold = fold(m.query)
    if raw_fold != normalize(m.query).casefold() and m.method != "script":
        lines.append("case, diacritics, apostrophes and possessives folded")
    detail = m._detail
    if detail is not None:
        if detail.joined:
            lines.append("compared as one word (spacing and hyphens differ)")
        for qt, at, sim in detail.pairs:
            if qt.form != at.form:
                diffs = ", ".join(describe_differences(qt.form, at.form)) or "same letters"
                lines.append(f"{qt.form!r} ~ {at.form!r} ({diffs}; similarity {sim:.2f})")
        for t in detail.query_only:
            lines.append(f"query word {t.form!r} ({t.role}) not in the alias")
        for t in detail.alias_only:
            lines.append(f"alias word {t.form!r} ({t.role}) not in the query")
    if m.method == "script":
        lines.append("non-Latin script transliterated; matched on the consonant skeleton")
    if m.method == "surname":
        lines.append("surname-only query: the only entity in the table with this family name")
    return "\n".join(lines)


@dataclass
class _Scored:
    entity: int
    score: float
    alias: int
    method: str
    detail: NameScore | None = None


class Resolver:
    """Resolve names to canonical IDs of an :class:`AliasTable`.

    Options are keyword-only: ``threshold`` (minimum score to accept), ``margin`` (how far the
    best entity must lead the next; closer is ambiguous and resolves to ``None``),
    ``block_limit`` (how many candidate aliases get the full score), ``surnames`` (whether a
    bare family name resolves when exactly one entity carries it).

    >>> from canonym import AliasTable
    >>> table = AliasTable.from_records([
    ...     {"id": "qassem-soleimani", "name": "Qassem Soleimani", "kind": "person"},
    ...     {"id": "sohrab-soleimani", "name": "Sohrab Soleimani", "kind": "person"},
    ... ])
    >>> r = Resolver(table)
    >>> r.resolve("Ghasem Soleymani").entity_id
    'qassem-soleimani'
    >>> r.resolve("Soleimani") is None   # two entities carry the name: ambiguous
    True
    >>> [m.entity_id for m in r.candidates("Soleimani")]
    ['qassem-soleimani', 'sohrab-soleimani']
    """

    def __init__(
        self,
        table: AliasTable,
        *,
        threshold: float = 0.85,
        margin: float = 0.04,
        block_limit: int = 600,
        prefilter: int = 12,
        surnames: bool = True,
    ) -> None:
        if not isinstance(table, AliasTable):
            raise TypeError(
                f"Resolver() argument 'table' must be AliasTable, not {type(table).__name__}"
            )
        if not 0.0 <= threshold <= 1.0:
            raise ValueError("threshold must be in [0, 1]")
        self.table = table
        self.threshold = threshold
        self.margin = margin
        self.block_limit = block_limit
        self.prefilter = prefilter
        self.surnames = surnames
        self._build()

    # -- index ------------------------------------------------------------------------------

    def _build(self) -> None:
        self._entity_ids: list[str] = []
        self._alias_text: list[str] = []
        self._alias_entity: list[int] = []
        self._alias_type: list[str] = []
        self._alias_folded: list[str] = []
        # Two indexes only, to keep a million aliases in memory: folded form -> aliases (the
        # literal tier), and blocking key -> aliases (key, fuzzy and script tiers). Postings
        # become tuples once built.
        folded: dict[str, list[int]] = {}
        blocks: dict[str, list[int]] = {}
        self._folded: dict[str, tuple[int, ...]] = {}
        self._blocks: dict[str, tuple[int, ...]] = {}
        self._entities: list[Entity] = list(self.table)
        for e_index, entity in enumerate(self._entities):
            self._entity_ids.append(entity.id)
            typed = [(entity.name, "name")]
            typed += [(s, "spelling") for s in entity.spellings]
            typed += [(s, "alias") for s in entity.aliases]
            typed += [(s, "short") for s in entity.short]
            typed += [(s, "weak") for s in entity.weak]
            seen: set[tuple[str, str]] = set()
            for text, kind in typed:
                if (text, kind) in seen:
                    continue
                seen.add((text, kind))
                i = len(self._alias_text)
                self._alias_text.append(text)
                self._alias_entity.append(e_index)
                self._alias_type.append(kind)
                folded_text = fold(text)
                self._alias_folded.append(folded_text)  # the same string object as the key
                folded.setdefault(folded_text, []).append(i)
                for block_key in _alias_keys(parse(text)):
                    blocks.setdefault(block_key, []).append(i)
        self._folded = {k: tuple(v) for k, v in folded.items()}
        self._blocks = {k: tuple(v) for k, v in blocks.items()}

    def __getstate__(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "options": dict(
                threshold=self.threshold,
                margin=self.margin,
                block_limit=self.block_limit,
                prefilter=self.prefilter,
                surnames=self.surnames,
            ),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["table"], **state["options"])  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self._alias_text)

    # -- public API -------------------------------------------------------------------------

    def resolve(self, name: str) -> Match | None:
        """The entity ``name`` refers to, or ``None`` (unknown, weak-only, or ambiguous).

        Empty and whitespace-only names give ``None``.
        """
        require_str(name, "name", "resolve")
        literal = self._literal_hit(name)
        if literal is not None:
            return literal
        ranked = self._rank(name)
        return self._decide(name, ranked)

    def _literal_hit(self, name: str) -> Match | None:
        """The fast path: the query is, letter for letter (or once folded), one entity's name.

        A literal hit on a strong name or a curated short form of exactly one entity is the
        answer; look-alikes cannot outrank it, so no fuzzy work is done.
        """
        # An ASCII query that, lowercased, is already a folded key is letters, digits and single
        # spaces only: folding and normalising it would change nothing but the case.
        written = name.lower() if name.isascii() else ""
        found = self._folded.get(written) if written else None
        if found is None:
            written = ""
            found = self._folded.get(fold(name))
        if not found:
            return None
        types, entities, texts = self._alias_type, self._alias_entity, self._alias_text
        written = written or _written_form(name)
        if len(found) == 1:  # the usual case, kept free of sorting and sets
            i = found[0]
            if types[i] == "weak":
                return None
        else:
            usable = [i for i in found if types[i] != "weak"]
            if not usable:
                return None
            if len({entities[i] for i in usable}) > 1:
                # Entities whose names differ only in punctuation or case (OFAC lists
                # "AL-RASHID TRUST" and "AL RASHID TRUST" apart): the one written exactly as
                # the query is meant; when none or several are, it is ambiguous.
                usable = [i for i in usable if self._is_exact(written, i)]
                if not usable or len({entities[i] for i in usable}) > 1:
                    return None
            i = min(usable, key=lambda j: (not self._is_exact(written, j), _TYPE_ORDER[types[j]]))
        if self._is_exact(written, i):
            method, score = "exact", 1.0
        else:
            method, score = "folded", 0.995
        if types[i] == "short":
            method, score = "short", _SHORT_FORM_SCORE  # as _adjust_for_type scores it
        entity = self._entities[entities[i]]
        return _new_match(entity, score, texts[i], method, name, types[i], None)

    def _is_exact(self, written: str, alias: int) -> bool:
        """Whether a query, as :func:`_written_form` gives it, is the alias as written.

        Table names are stored normalised, so only the case of the alias needs undoing.
        """
        return written == self._alias_text[alias].casefold()

    def candidates(self, name: str, *, limit: int = 5) -> list[Match]:
        """Up to ``limit`` entities ``name`` may refer to, best first, one match each."""
        require_str(name, "name", "candidates")
        if not isinstance(limit, int) or limit < 1:
            raise ValueError("limit must be a positive int")
        return [self._to_match(name, s) for s in self._rank(name)[:limit]]

    def resolve_many(self, names: Iterable[str], *, workers: int | None = 1) -> list[Match | None]:
        """Resolve many names; repeated names are resolved once.

        ``workers`` > 1 (or ``None`` for one per CPU) spreads the work over threads.
        """
        if isinstance(names, (str, bytes)):
            raise TypeError("resolve_many() argument 'names' must be an iterable of str, not a str")
        items = list(names)
        for i, n in enumerate(items):
            require_str(n, f"names[{i}]", "resolve_many")
        unique = list(dict.fromkeys(items))
        n_workers = os.cpu_count() or 1 if workers is None else max(1, workers)
        if n_workers > 1 and len(unique) > 64:
            with ThreadPoolExecutor(n_workers) as pool:
                results = dict(
                    zip(unique, pool.map(self.resolve, unique, chunksize=256), strict=True)
                )
        else:
            results = {n: self.resolve(n) for n in unique}
        return [results[n] for n in items]

    # -- internals --------------------------------------------------------------------------

    def _rank(self, name: str) -> list[_Scored]:
        """Best route per entity, best entity first."""
        folded = fold(name)
        if not folded:
            return []
        hits: list[_Scored] = []
        if folded.count(" ") >= MAX_NAME_WORDS:
            # Longer than any name: only a literal hit can be meant, and this bound keeps the
            # fuzzy tiers linear in the input whatever is pasted in.
            return self._literal_hits(name, folded)
        hits.extend(self._literal_hits(name, folded))
        if _ABJAD.search(name):
            hits.extend(self._script_hits(name))
        else:
            for parsed in _readings(name):
                hits.extend(self._titled_person_hits(parsed, self._fuzzy_hits(parsed)))
        best: dict[int, _Scored] = {}
        for h in hits:
            h = self._adjust_for_type(h)
            current = best.get(h.entity)
            if current is None or _route_order(h) > _route_order(current):
                best[h.entity] = h
        return sorted(best.values(), key=lambda s: (-s.score, self._entity_ids[s.entity]))

    def _titled_person_hits(self, parsed: ParsedName, hits: list[_Scored]) -> list[_Scored]:
        """Keep only people when the query carries a title (Gen., Sheikh, Dr, President).

        A title is evidence of a person: "Gen. Soleymani" is not the city Sulaymaniyah. A place
        or organisation whose own name starts with the title ("Prince Sultan Air Base") stays.
        """
        titles = [t for t in parsed.titles if t not in _NON_PERSON_TITLES]
        if not titles:
            return hits
        kept = []
        for h in hits:
            entity = self._entities[h.entity]
            if entity.kind == "person" or fold(self._alias_text[h.alias]).startswith(titles[0]):
                kept.append(h)
        return kept

    def _literal_hits(self, name: str, folded: str) -> list[_Scored]:
        out = []
        written = _written_form(name)
        for i in self._folded.get(folded, ()):
            exact = self._is_exact(written, i)
            method = "exact" if exact else "folded"
            out.append(_Scored(self._alias_entity[i], 1.0 if exact else 0.995, i, method))
        return out

    def _adjust_for_type(self, hit: _Scored) -> _Scored:
        kind = self._alias_type[hit.alias]
        if kind == "weak":
            return _Scored(hit.entity, hit.score * 0.9, hit.alias, "weak", hit.detail)
        if kind == "short":
            method = "short" if hit.method in ("exact", "folded") else hit.method
            score = min(hit.score, _SHORT_FORM_SCORE)
            return _Scored(hit.entity, score, hit.alias, method, hit.detail)
        return hit

    def _fuzzy_hits(self, parsed: ParsedName) -> list[_Scored]:
        pool = self._block_candidates(parsed)
        key_hits = set(self._blocks.get("k:" + _parsed_key(parsed), ()))
        pool.update(key_hits)
        if len(pool) > self.prefilter:
            # rapidfuzz on the folded aliases, all in C: no per-candidate Python work before
            # the best few are known.
            ordered = sorted(pool)
            top = process.extract(
                parsed.folded(),
                [self._alias_folded[i] for i in ordered],
                scorer=fuzz.token_set_ratio,
                limit=self.prefilter,
            )
            pool = {ordered[j] for _, _, j in top} | key_hits
        out: list[_Scored] = []
        for i in pool:
            kind = self._entities[self._alias_entity[i]].kind
            detail = score_names(parsed, parse(self._alias_text[i]), kind=kind)
            score = min(detail.score, 0.99)  # string rules never outrank a literal hit
            method = "key" if i in key_hits and score >= 0.9 else "fuzzy"
            if detail.partial:
                partial = self._partial_score(parsed, detail, kind)
                if partial > score:
                    score, method = partial, "surname"
            if score > 0:
                out.append(_Scored(self._alias_entity[i], score, i, method, detail))
        return out

    def _partial_score(self, parsed: ParsedName, detail: NameScore, kind: str) -> float:
        """A family name alone: scored only when it is a person's family name.

        A bare word that ends an organisation's or a place's name is another entity
        (Hezbollah is not Kata'ib Hezbollah), so only persons get this route.
        """
        if kind != "person" or not self.surnames:
            return detail.score
        if len(parsed.tokens) != 1 or len(detail.pairs) != 1:
            return detail.score
        _, alias_token, sim = detail.pairs[0]
        if alias_token.role != "family" or sim < 0.9:
            return detail.score
        return 0.9 * sim

    def _block_candidates(self, parsed: ParsedName) -> set[int]:
        postings = [self._blocks.get(k, ()) for k in _block_keys(parsed)]
        postings = sorted((p for p in postings if p), key=len)
        pool: set[int] = set()
        for p in postings:
            if pool and len(pool) + len(p) > self.block_limit:
                break
            pool.update(p[: self.block_limit])
        return pool

    def _script_hits(self, name: str) -> list[_Scored]:
        """A name in an abjad (Arabic, Persian, Hebrew): meet the table on consonants only."""
        bare = _ARABIC_ARTICLE.sub("", normalize(name))
        q = parse(bare)
        skeleton = _skeleton_of(q)
        if not skeleton:
            return []
        hits = [
            _Scored(self._alias_entity[i], 0.9, i, "script")
            for i in self._blocks.get("x:" + skeleton, ())
        ]
        if hits:
            return hits
        # One consonant off (a j or a v the script did not write): score the block by skeleton.
        pool = self._block_candidates(q)
        out = []
        for i in pool:
            other = _skeleton_of(parse(self._alias_text[i]))
            sim = Levenshtein.normalized_similarity(skeleton, other)
            if sim >= 0.8 and len(skeleton) >= 4:
                out.append(_Scored(self._alias_entity[i], 0.45 + 0.5 * sim, i, "script"))
        return out

    def _decide(self, name: str, ranked: Sequence[_Scored]) -> Match | None:
        strong = [s for s in ranked if s.method != "weak"]
        if not strong:
            return None
        best = strong[0]
        if best.score < self.threshold:
            return None
        best_id = self._entity_ids[best.entity]
        distinct = self.table.distinct_from(best_id)
        for other in ranked[1:]:
            if other.entity == best.entity:
                continue
            gap = best.score - other.score
            other_id = self._entity_ids[other.entity]
            if gap < self.margin:
                return None  # too close to call
            if (
                other_id in distinct
                and other.score >= self.threshold
                and gap < 2 * self.margin
                and best.method not in ("exact", "folded", "short")
                # A curated short form says what the bare word means ("Soleimani" is Qassem).
                and self._alias_type[best.alias] != "short"
            ):
                return None  # a curated look-alike also qualifies
        return self._to_match(name, best)

    def _to_match(self, name: str, s: _Scored) -> Match:
        entity = self._entities[s.entity]
        score = round(min(1.0, max(0.0, s.score)), 4)
        alias = s.alias
        return _new_match(
            entity,
            score,
            self._alias_text[alias],
            s.method,
            name,
            self._alias_type[alias],
            s.detail,
        )


# A curated short form ("Soleimani") never scores above this: below any full name's literal hit.
_SHORT_FORM_SCORE = 0.95
# Words ``parse`` strips as titles that say nothing about the kind of thing named.
_NON_PERSON_TITLES = frozenset({"the"})
# A query with more words than this is not a name; it gets the literal tier only.
MAX_NAME_WORDS = 24
_TYPE_ORDER = {"name": 0, "spelling": 1, "alias": 2, "short": 3, "weak": 4}
_METHOD_RANK = {
    "exact": 6,
    "folded": 5,
    "short": 4,
    "key": 3,
    "script": 2,
    "surname": 1,
    "fuzzy": 1,
    "weak": 0,
}


def _route_order(s: _Scored) -> tuple[float, int]:
    return (s.score, _METHOD_RANK.get(s.method, 0))


_JOINED_ARTICLE = regex.compile(r"(?i)\b(al|el)([a-z]{4,})\b")


def _written_form(name: str) -> str:
    """The query as written, up to typography and case: what an exact hit must equal."""
    return normalize(name).casefold()


def _readings(name: str) -> list[ParsedName]:
    """The query as parsed, plus a reading with a joined article split off (Alqaeda, Elsisi)."""
    parsed = parse(name)
    out = [parsed] if parsed.tokens else []
    folded = fold(name)
    if _JOINED_ARTICLE.search(folded):
        split = parse(_JOINED_ARTICLE.sub(r"\1-\2", folded))
        if split.tokens and split.tokens != parsed.tokens:
            out.append(split)
    return out


def _parsed_key(parsed: ParsedName) -> str:
    return " ".join(sorted(token_form(t) for t in parsed.content))


def _block_keys(parsed: ParsedName) -> list[str]:
    keys: list[str] = []
    for t in parsed.tokens:
        if t.role in ("suffix",):
            continue
        tk = token_key(t.text)
        skeleton = consonant_skeleton(t.text)
        keys.append("t:" + tk)
        keys.append("c:" + skeleton)
        # The first letter and the ends of a word vary most (Kharkiv/Charkiw, Isfahan/Ispahan).
        if len(skeleton) >= 3:
            keys.append("r:" + skeleton[1:])
        if len(tk) >= 5:
            keys.append("p:" + tk[:3])
            keys.append("s:" + tk[-3:])
    joined = "".join(token_key(t.text) for t in parsed.tokens)
    keys.append("j:" + joined)
    return list(dict.fromkeys(keys))


def _alias_keys(parsed: ParsedName) -> list[str]:
    """Every key an alias is filed under: blocks, its whole-name key, its script skeleton."""
    return [*_block_keys(parsed), "k:" + _parsed_key(parsed), "x:" + _skeleton_of(parsed)]


def _skeleton_of(parsed: ParsedName) -> str:
    return "".join(consonant_skeleton(t.text) for t in parsed.tokens if t.role != "suffix")
