"""Deterministic synthetic alias tables and queries built from real name-word spellings.

The words come from the Wikidata token clusters in ``../shared/data/real`` (Latin spellings of
one Arabic, Hebrew or Russian name word, with how often each was seen): a name is two or three
such words of one language, and its aliases respell each word with other spellings of the same
cluster (weighted by how often Wikidata shows them), so the variation between aliases is real
transliteration variation, not invented. On top of that:

- 15% of person aliases are written ``FAMILY, Given``; 4% of aliases are the name in its native
  script (Arabic, Hebrew or Cyrillic letters, from the cluster) and 3% carry diacritics or an
  ʿayn, so about 7% of aliases are non-ASCII;
- 15% of entities are organisations (one or two name words and a word such as "Brigades");
- entities have 1 to 6 names (mean about 3.15, as in the performance anchors' tables).

Queries, all seeded:

- *variants*: a Latin alias of a table entity with 1 to 3 edits: another Wikidata spelling of
  one word, or a transliteration/typing edit (q/k, ou/u, ei/ey, kh/h, a doubled, dropped or
  swapped letter ...); never equal (folded) to any alias in the table, so no literal tier helps;
- *misses*: a Latin alias (0-1 edits) of an entity generated the same way but kept out of every
  table (its words may still be shared with table entities: realistic hard negatives);
- *exact*: aliases as written in the table, a fifth of them upper- or lower-cased.

Tables are nested: the table of N aliases is the first N aliases of one entity stream, so a
bigger table holds every smaller one, and the misses are the same at every N.
"""

from __future__ import annotations

import bisect
import itertools
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ._data import REAL, read_tsv

LANGUAGES = ("arabic", "hebrew", "russian")
ORG_WORDS = (
    "Brigades",
    "Movement",
    "Front",
    "Trading Company",
    "Foundation",
    "Group",
    "Bank",
    "Holding",
    "Establishment",
    "Industries",
    "Battalion",
    "Council",
)
# Transliteration and typing edits applied to Latin strings (old, new).
EDITS = (
    ("q", "k"),
    ("k", "q"),
    ("c", "k"),
    ("ou", "u"),
    ("u", "ou"),
    ("ei", "ey"),
    ("ey", "ei"),
    ("ee", "i"),
    ("i", "ee"),
    ("kh", "h"),
    ("h", "kh"),
    ("sh", "ch"),
    ("ph", "f"),
    ("j", "dj"),
    ("y", "i"),
    ("a", "e"),
    ("e", "a"),
    ("o", "u"),
)
_DIACRITICS = {"a": "ā", "i": "ī", "u": "ū", "e": "é", "o": "ō", "s": "ş", "h": "ḥ"}


@dataclass(frozen=True)
class Word:
    """One name word: its Latin spellings (most seen first), their weights, its native form."""

    spellings: tuple[str, ...]
    cumulative: tuple[float, ...]
    native: str

    def spelling(self, rng: random.Random) -> str:
        """A spelling drawn by how often Wikidata shows it."""
        at = bisect.bisect_right(self.cumulative, rng.random() * self.cumulative[-1])
        return self.spellings[min(at, len(self.spellings) - 1)]


@dataclass
class Vocabulary:
    """The name words of one language, drawn with weight sqrt(frequency)."""

    words: list[Word]
    cumulative: list[float] = field(default_factory=list)

    def draw(self, rng: random.Random) -> int:
        at = bisect.bisect_right(self.cumulative, rng.random() * self.cumulative[-1])
        return min(at, len(self.words) - 1)


def _latin_ok(s: str) -> bool:
    bare = s.replace("'", "")
    return len(bare) >= 3 and all(c.isalpha() and c.isascii() for c in bare)


@lru_cache(maxsize=1)
def vocabularies() -> dict[str, Vocabulary]:
    """Wikidata token clusters as vocabularies, one per language (ASCII spellings of 3+ letters,
    clusters with at least two such spellings)."""
    out: dict[str, Vocabulary] = {}
    for language in LANGUAGES:
        rows = read_tsv(REAL / f"wikidata_name_token_variants_{language}.tsv")
        native: dict[str, str] = {}
        spellings: dict[str, list[tuple[str, int]]] = {}
        for r in rows:
            if r["name_type"] == "native_script":
                native[r["entity_id"]] = r["name"]
            elif _latin_ok(r["name"]) and int(r["count"]) >= 2:
                spellings.setdefault(r["entity_id"], []).append((r["name"], int(r["count"])))
        words: list[Word] = []
        weights: list[float] = []
        for cid in sorted(spellings):
            sp = sorted(spellings[cid], key=lambda x: (-x[1], x[0]))
            if len(sp) < 2 or cid not in native:
                continue
            cum = tuple(itertools.accumulate(float(c) for _, c in sp))
            words.append(Word(tuple(s for s, _ in sp), cum, native[cid]))
            weights.append(cum[-1] ** 0.5)
        out[language] = Vocabulary(words, list(itertools.accumulate(weights)))
    return out


@dataclass(frozen=True)
class SynthEntity:
    """A generated entity: its id, kind, names (first is the house name) and its words."""

    id: str
    kind: str
    language: str
    words: tuple[int, ...]
    suffix: str
    names: tuple[str, ...]

    def record(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.names[0],
            "kind": self.kind,
            "aliases": list(self.names[1:]),
        }


def _cap(s: str) -> str:
    return "'".join(p[:1].upper() + p[1:] for p in s.split("'"))


def _compose(
    voc: Vocabulary,
    e_words: tuple[int, ...],
    suffix: str,
    kind: str,
    rng: random.Random,
    canonical: bool,
) -> list[str]:
    parts = [
        voc.words[w].spellings[0] if canonical else voc.words[w].spelling(rng) for w in e_words
    ]
    out = [_cap(p) for p in parts]
    if suffix:
        out.append(suffix)
    return out


def _decorate(tokens: list[str], kind: str, rng: random.Random) -> str:
    """Join name tokens, sometimes as 'FAMILY, Given', sometimes with diacritics."""
    if kind == "person" and len(tokens) >= 2 and rng.random() < 0.15:
        text = f"{tokens[-1].upper()}, {' '.join(tokens[:-1])}"
    else:
        text = " ".join(tokens)
    if rng.random() < 0.03 / 0.96:
        text = add_diacritics(text, rng)
    return text


def add_diacritics(text: str, rng: random.Random) -> str:
    """Put a macron/accent on one or two letters, or an ʿayn before a vowel."""
    chars = list(text)
    spots = [i for i, c in enumerate(chars) if c in _DIACRITICS]
    if not spots:
        return text
    if rng.random() < 0.25:
        i = rng.choice(spots)
        return text[:i] + "ʿ" + text[i:]
    for i in rng.sample(spots, min(len(spots), rng.choice((1, 2)))):
        chars[i] = _DIACRITICS[chars[i]]
    return "".join(chars)


def simple_key(text: str) -> str:
    """A cheap fold for de-duplication: accents off, lower case, punctuation dropped, word
    order ignored."""
    if text.isascii():
        bare = text.replace("'", "").replace(",", "")
    else:
        bare = unicodedata.normalize("NFKD", text)
        bare = "".join(c for c in bare if not unicodedata.combining(c) and c not in "ʿʾ'’,")
    return " ".join(sorted(bare.casefold().split()))


def table_strings(entities: list[SynthEntity]) -> set[str]:
    """The :func:`simple_key` of every name in a table."""
    return {simple_key(n) for e in entities for n in e.names}


class EntityStream:
    """An endless, deterministic stream of entities with distinct names.

    ``reserved`` entity keys (language, words, suffix) are never produced; every alias's
    :func:`simple_key` is new to the stream, so no two entities share a string.
    """

    def __init__(self, seed: int, reserved: set[tuple[object, ...]] | None = None) -> None:
        self.rng = random.Random(seed)
        self.vocab = vocabularies()
        self.langs = list(LANGUAGES)
        self.lang_weights = list(
            itertools.accumulate(float(len(self.vocab[lang].words)) for lang in self.langs)
        )
        self.reserved = reserved if reserved is not None else set()
        self.keys_seen: set[tuple[object, ...]] = set()
        self.strings_seen: set[str] = set()
        self.count = 0

    def __iter__(self) -> Iterator[SynthEntity]:
        while True:
            e = self._one()
            if e is not None:
                yield e

    def _one(self) -> SynthEntity | None:
        rng = self.rng
        at = bisect.bisect_right(self.lang_weights, rng.random() * self.lang_weights[-1])
        language = self.langs[min(at, len(self.langs) - 1)]
        voc = self.vocab[language]
        if rng.random() < 0.85:
            kind, suffix = "person", ""
            e_words = tuple(voc.draw(rng) for _ in range(2 if rng.random() < 0.7 else 3))
        else:
            kind, suffix = "organization", rng.choice(ORG_WORDS)
            e_words = tuple(voc.draw(rng) for _ in range(1 if rng.random() < 0.6 else 2))
        if len(set(e_words)) < len(e_words):
            return None
        ekey = (language, e_words, suffix)
        if ekey in self.reserved or ekey in self.keys_seen:
            return None
        n_names = rng.choices((1, 2, 3, 4, 5, 6), (20, 20, 20, 15, 15, 10))[0]
        names: list[str] = []
        local: set[str] = set()
        first = " ".join(_compose(voc, e_words, suffix, kind, rng, canonical=True))
        candidates = [first]
        for _ in range(n_names * 3):
            if len(candidates) >= n_names * 2:
                break
            if rng.random() < 0.04:
                native = " ".join(voc.words[w].native for w in e_words)
                candidates.append(native + (f" {suffix}" if suffix else ""))
            else:
                candidates.append(
                    _decorate(_compose(voc, e_words, suffix, kind, rng, False), kind, rng)
                )
        for text in candidates:
            k = simple_key(text)
            if k in local:
                continue
            if k in self.strings_seen:
                if not names:
                    return None  # the house name is another entity's string
                continue
            local.add(k)
            names.append(text)
            if len(names) == n_names:
                break
        self.keys_seen.add(ekey)
        self.strings_seen.update(local)
        self.count += 1
        return SynthEntity(f"e{self.count}", kind, language, e_words, suffix, tuple(names))


MISS_SEED = 91
TABLE_SEED = 17
HELD_OUT = 5000  # entities kept out of every table, the source of the misses


@lru_cache(maxsize=2)
def _held_out(n: int) -> tuple[list[SynthEntity], frozenset[tuple[object, ...]]]:
    stream = EntityStream(MISS_SEED)
    entities = list(itertools.islice(stream, n))
    return entities, frozenset(stream.keys_seen)


def table_entities(n_aliases: int) -> list[SynthEntity]:
    """Entities holding exactly ``n_aliases`` names (the last one cut short), none of which is
    one of the held-out entities."""
    _, reserved = _held_out(HELD_OUT)
    stream = EntityStream(TABLE_SEED, set(reserved))
    out: list[SynthEntity] = []
    total = 0
    for e in stream:
        room = n_aliases - total
        if len(e.names) > room:
            e = SynthEntity(e.id, e.kind, e.language, e.words, e.suffix, e.names[:room])
        out.append(e)
        total += len(e.names)
        if total >= n_aliases:
            return out
    raise AssertionError("unreachable")


def table_records(n_aliases: int) -> list[dict[str, object]]:
    """``AliasTable.from_records`` input with ``n_aliases`` names in all."""
    return [e.record() for e in table_entities(n_aliases)]


def edit(text: str, rng: random.Random, word: Word | None = None) -> str:
    """One edit: another Wikidata spelling of a word (when ``word`` is given and the coin says
    so), else a transliteration/typing edit on the lower-case letters."""
    if word is not None:
        for _ in range(4):
            new = word.spelling(rng)
            for old in word.spellings:
                cap = _cap(old)
                if cap in text and _cap(new) != cap:
                    return text.replace(cap, _cap(new), 1)
    for _ in range(8):
        r = rng.random()
        if r < 0.55:
            old, new = rng.choice(EDITS)
            spots = [i for i in range(1, len(text)) if text.startswith(old, i)]
            if spots:
                i = rng.choice(spots)
                return text[:i] + new + text[i + len(old) :]
            continue
        positions = [i for i in range(1, len(text) - 1) if text[i].isalpha() and text[i].islower()]
        if not positions:
            break
        i = rng.choice(positions)
        if r < 0.7:
            return text[: i + 1] + text[i] + text[i + 1 :]  # doubled letter
        if r < 0.85 and text[i] in "aeiou":
            return text[:i] + text[i + 1 :]  # dropped vowel
        if text[i + 1].isalpha():
            return text[:i] + text[i + 1] + text[i] + text[i + 2 :]  # swapped letters
    return text + "e"


@dataclass
class Queries:
    """Labelled queries for one table: ``variants`` and ``exact`` as (query, entity id),
    ``misses`` as strings."""

    variants: list[tuple[str, str]]
    misses: list[str]
    exact: list[tuple[str, str]]

    def mix(self) -> list[tuple[str, str | None]]:
        """Variants and misses interleaved (80/20 when generated so), ``None`` = no answer."""
        out: list[tuple[str, str | None]] = [(q, e) for q, e in self.variants]
        out += [(q, None) for q in self.misses]
        random.Random(5).shuffle(out)
        return out


def _latin(names: tuple[str, ...]) -> list[str]:
    """The names written in Latin letters (no Greek, Cyrillic, Hebrew or Arabic)."""
    return [n for n in names if all(ord(c) < 0x370 for c in n)]


def make_queries(
    entities: list[SynthEntity],
    n_variants: int = 800,
    n_misses: int = 200,
    n_exact: int = 1000,
    part: int = 0,
    taken: set[str] | None = None,
) -> Queries:
    """Queries for the table made of ``entities`` (see the module docstring).

    Each ``part`` (0 to 11) is another seeded set with its own misses (held-out entities
    ``part * 400`` on), so that repeated timing passes need not repeat a query. ``taken``: the
    table's :func:`table_strings`, when already known."""
    rng = random.Random(1000 + part)
    vocab = vocabularies()
    taken = table_strings(entities) if taken is None else taken
    variants: list[tuple[str, str]] = []
    while len(variants) < n_variants:
        e = rng.choice(entities)
        latin = _latin(e.names)
        if not latin:
            continue
        q = rng.choice(latin)
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            w = vocab[e.language].words[rng.choice(e.words)] if rng.random() < 0.5 else None
            q = edit(q, rng, w)
        if simple_key(q) in taken:
            continue  # a table string (its own or another entity's): not a variant
        variants.append((q, e.id))
    held, _ = _held_out(HELD_OUT)
    misses: list[str] = []
    for e in held[part * 400 :]:
        if len(misses) == n_misses:
            break
        latin = _latin(e.names)
        if not latin:
            continue
        q = rng.choice(latin)
        if rng.random() < 0.5:
            q = edit(q, rng, vocab[e.language].words[rng.choice(e.words)])
        if simple_key(q) in taken:
            continue
        misses.append(q)
    exact: list[tuple[str, str]] = []
    for _ in range(n_exact):
        e = rng.choice(entities)
        q = rng.choice(e.names)
        r = rng.random()
        if r < 0.1:
            q = q.upper()
        elif r < 0.2:
            q = q.lower()
        exact.append((q, e.id))
    return Queries(variants, misses, exact)
