"""Are two names the same name? ``compare`` gives a symmetric score, a decision and the reasons.

``compare`` is the pairwise judgement that :func:`canonym.cluster` is built on. It runs both
names through :func:`canonym.parse` and scores them with the transliteration-aware
:func:`canonym.similarity.score_names`, read in both directions (a pair of names has no query
side), and adds what only a pair of free-standing names needs:

- legal forms written out, abbreviated or misspelt are one word (Aktiengesellschaft = AG,
  Limited Liability Company = LLC, Joynt Stock Company = JSC, Sp. z o.o.); two legal forms of
  different classes (AG, GmbH) are two companies; numbers written in words are digits
  (Forty-Four = 44); ``&`` is "and"; a ship's MV or MT is set aside;
- a dotted or spaced acronym is one word (A.B.C. = ABC), and an acronym alone matches the name
  it abbreviates (AQAP, al-Qaeda in the Arabian Peninsula);
- initials stand for a word of the other name that starts with that letter (V. Putin, Hans J
  Friedrich) and contradict one that does not (A. Nazarbayev); initials written together
  (JC, U.S.) stand for as many words;
- two adjacent letters swapped is a typing slip (Schloz/Scholz), not a new name; a word
  written in pieces (Patr ushev) is one word; a long name may be cut off at a field's width;
- two different patronymics or ``bin``/``ibn`` fathers are two different people;
- a name whose every word ends in -s is read without its Latvian or Lithuanian endings
  (Sergejs Lavrovs); a name in Arabic or Hebrew script leaves short vowels unwritten; a
  Chinese name in Wade-Giles is its Pinyin (Mao Tse-tung, Mao Zedong);
- in Chinese, Japanese and Korean script every character is a syllable of the name: one
  character different is another name;
- a name that is the other plus more words is another entity (Hezbollah, Kata'ib Hezbollah),
  except a person's name given short (Janan Agha, Janan Mohammad Ahmed Agha) when the names
  are known to be persons' (``kind="person"``, or a patronymic or ``bin`` says so) and at most
  two words are left out between the first and the last.

>>> c = compare("Qasem Soleimani", "Ghasem Soleymani")
>>> c.same, c.score >= 0.9
(True, True)
>>> compare("Qasem Soleimani", "Sohrab Soleimani").same
False
>>> compare("Hezbollah", "Kata'ib Hezbollah").same
False
>>> compare("Siemens AG", "Siemens Aktiengesellschaft").same
True
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import regex
from rapidfuzz.distance import Levenshtein

from ._compare_words import (
    CUT_LENGTH,
    LEGAL_CLASS,
    LEGAL_FORMS,
    ORG_PREFIXES,
    ORG_WORDS,
    abjad_fits,
    abjad_particles,
    initials,
    join_letter_runs,
    rewrite_words,
    wade_giles_readings,
)
from ._name_words import distinct_names, same_name
from ._typecheck import require_str
from .keys import orth
from .normalize import _fold, _normalize, fold
from .parse import ARTICLES, PARTICLES, NameToken, ParsedName, parse
from .similarity import (
    _LISTED_SPELLING,
    NameScore,
    describe_differences,
    fathers_differ,
    orth_distance,
    score_names,
    word_similarity,
)
from .table import KINDS

__all__ = ["DEFAULT_THRESHOLD", "Comparison", "compare"]

#: ``Comparison.same`` is ``score >= DEFAULT_THRESHOLD`` unless another threshold is given.
DEFAULT_THRESHOLD = 0.8

# Scores a pair is held to when a rule says the names are not one name. Both are under the
# default threshold, so ``same`` is False, and ordered so that the closer calls rank higher.
_DIFFERENT_ENTITY = 0.75
_CONTRADICTION = 0.7
_ACRONYM = 0.85
_ROMANISATION = 0.9  # one Chinese name in Wade-Giles and in Pinyin
_SHORT_FORM = 0.9  # a person's name given short, at best
# A person's name given short leaves out at most two words (Janan Agha for Janan Mohammad Ahmed
# Agha): a first and a last name beside a chain of three or more is too little to go on.
_SHORT_FORM_LEFT_OUT = 2
_INITIAL = 0.9  # a name with an initial for a word, at best
_SLIP = 0.96  # factor for each pair of swapped letters
_FATHER_FLOOR = 0.82  # two patronymics less alike than this are two fathers
_SHORT_WORD = 5  # similarity's short-word rule, applied to the spelling-normalised word
_SHORT_WORD_DISTANCE = 0.5
_ORTH_SHORT_WORDS = True


@dataclass(frozen=True)
class Comparison:
    """The judgement on a pair of names: ``score`` in [0, 1] and ``same`` at ``threshold``.

    ``kind`` is the kind the names were compared as (given, or what their words say);
    ``conflict`` is True when a rule found the names contradict each other (a different given
    name, father or legal form, a longer name of another entity), not merely differ in letters.
    """

    a: str
    b: str
    score: float
    same: bool
    kind: str | None = None
    threshold: float = DEFAULT_THRESHOLD
    conflict: bool = False
    notes: tuple[str, ...] = ()
    detail: NameScore | None = field(default=None, repr=False, compare=False)

    def explain(self) -> str:
        """Say in words which rules decided the score.

        >>> print(compare("V. Putin", "Vladimir Putin").explain())
        'V. Putin' vs 'Vladimir Putin': same name (score 0.900, threshold 0.80)
        initial 'V' read as 'vladimir'
        """
        verdict = "same name" if self.same else "different names"
        kind = f", compared as {self.kind} names" if self.kind else ""
        lines = [
            f"{self.a!r} vs {self.b!r}: {verdict} (score {self.score:.3f}, "
            f"threshold {self.threshold:.2f}{kind})"
        ]
        lines.extend(self.notes)
        d = self.detail
        if d is not None:
            if d.joined:
                lines.append("compared as one word (spacing and hyphens differ)")
            for x, y, sim in d.pairs:
                if x.form != y.form:
                    diffs = ", ".join(describe_differences(x.form, y.form)) or "same letters"
                    if sim == _LISTED_SPELLING and same_name(orth(x.text), orth(y.text)):
                        diffs += "; one name in the curated list of name words"  # it decided
                    lines.append(f"{x.form!r} ~ {y.form!r} ({diffs}; similarity {sim:.2f})")
            for t in d.query_only:
                lines.append(f"word {t.form!r} ({t.role}) only in {self.a!r}")
            for t in d.alias_only:
                lines.append(f"word {t.form!r} ({t.role}) only in {self.b!r}")
            for x in d.query_only:
                for y in d.alias_only:
                    if distinct_names(orth(x.text), orth(y.text)):
                        lines.append(
                            f"{x.form!r} and {y.form!r} are two names"
                            " (the curated list of name words)"
                        )
        return "\n".join(lines)


def compare(
    a: str, b: str, *, kind: str | None = None, threshold: float = DEFAULT_THRESHOLD
) -> Comparison:
    """Compare two names; the answer is the same whichever name comes first.

    ``kind`` (``person``, ``organization``, ``place`` or ``other``) is what both names are
    known to name; ``None`` lets the names say (legal forms and words such as Bank or Brigade
    mark an organisation, patronymics and ``bin``/``abu`` a person).

    >>> compare("A. Nazarbayev", "Nursultan Nazarbayev").same
    False
    >>> compare("Sergey Viktorovich Lavrov", "Sergey Ivanovich Lavrov").same
    False
    >>> compare("Janan Agha", "Janan Mohammad Ahmed Agha", kind="person").same
    True
    >>> print(compare("Ghasem Soleymani", "Qassem Soleimani").explain())
    'Ghasem Soleymani' vs 'Qassem Soleimani': same name (score 0.984, threshold 0.80)
    'soleymani' ~ 'soleimani' (y→i; similarity 1.00)
    'ghasem' ~ 'qassem' (gh→q, ∅→s; similarity 0.96)
    """
    require_str(a, "a", "compare")
    require_str(b, "b", "compare")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(sorted(KINDS))} or None, not {kind!r}")
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise TypeError(
            f"compare() argument 'threshold' must be a number, not {type(threshold).__name__}"
        )
    if not 0.0 <= threshold <= 1.0:
        raise ValueError("threshold must be in [0, 1]")
    # The pair is judged in one fixed order, so compare(a, b) and compare(b, a) agree exactly.
    swapped = (b, a) < (a, b)
    v = _judge(b, a, kind) if swapped else _judge(a, b, kind)
    detail = _swap(v.detail) if swapped else v.detail
    score = round(v.score, 4)
    return Comparison(
        a, b, score, score >= threshold, v.kind, threshold, v.conflict, v.notes, detail
    )


def unit_key(name: str) -> str:
    """Names with one unit key are one name to :func:`canonym.cluster`: equal once folded (and
    in Chinese, Japanese or Korean script, equal characters, since homophones fold alike)."""
    folded = fold(name)
    syllabic = None if name.isascii() else _syllabic_form(name)
    if not folded and syllabic is None:
        return "\0" + name  # nothing to fold: only the identical string is the same
    return folded if syllabic is None else f"{folded}\x1f{syllabic}"


def acronym_keys(w: _Words) -> set[str]:
    """Blocking keys that bring an acronym and the name it abbreviates together."""
    if w.acronym is not None:
        return {w.acronym}
    if len(w.parsed.tokens) < 2:
        return set()
    return initials([x for part in w.parts for x in part])


def readings_of(w: _Words, kind: str | None = None) -> list[ParsedName]:
    """The name as compare reads it (legal forms, numbers, acronyms rewritten), and the other
    readings it tries (an article written joined split off, Alqaeda; Baltic endings left off,
    Sergejs Lavrovs), when there are any."""
    return [r for r, _ in w.readings(kind or w.kind_hint)]


# -- preparing one name --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Words:
    """One name's words after rewriting, and what the words say about the name."""

    raw: str
    parsed: ParsedName  # parse(raw), as is
    parts: tuple[tuple[str, ...], ...]  # rewritten folded words of each comma-separated part
    kind_hint: str | None
    legal: tuple[str, ...]  # legal-form abbreviations found
    syllabic: str | None
    acronym: str | None  # the name is one word written in capitals: it may be an acronym
    rewrites: tuple[str, ...]  # what rewriting changed, for explain()
    # The name parsed for comparing, with its rewrites: letter runs joined into an acronym (an
    # organisation's A.B.C.), and kept as initials (a person's J. C.).
    as_acronyms: tuple[ParsedName, tuple[str, ...]] = field(repr=False)
    as_initials: tuple[ParsedName, tuple[str, ...]] = field(repr=False)
    # Words that may be an organisation's acronym inside a longer name: dotted letters joined
    # (U.S.), or a short word in capitals in a name that is not all capitals (US Steel).
    acronyms: frozenset[str] = frozenset()
    cut: bool = False  # long enough to have been cut off at a field's width
    abjad: bool = False  # written in Arabic or Hebrew script, short vowels unwritten
    abd_apart: frozenset[str] = frozenset()  # words after an Abdul written apart (Abdul Hanif)
    pinyin: frozenset[str] = frozenset()  # a Wade-Giles name's Pinyin readings, run together

    # Readings of each preparation, computed once (a clustering compares a name many times).
    reading_cache: dict[bool, tuple[tuple[ParsedName, tuple[str, ...]], ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def prepared(self, kind: str | None) -> tuple[ParsedName, tuple[str, ...]]:
        return self.as_initials if kind == "person" else self.as_acronyms

    def readings(self, kind: str | None) -> tuple[tuple[ParsedName, tuple[str, ...]], ...]:
        """The readings (see :func:`_readings`) of the name prepared for ``kind``."""
        person = kind == "person"
        out = self.reading_cache.get(person)
        if out is None:
            out = self.reading_cache[person] = _readings(self.prepared(kind)[0])
        return out


def words(name: str) -> _Words:
    """One name prepared for :func:`judge_words` (cached; the clustering keeps its own)."""
    return _words(name)


@lru_cache(maxsize=1 << 14)
def _words(raw: str) -> _Words:
    parsed = parse(raw)
    rewrites: list[str] = []
    legal: list[str] = []
    # Rewriting works on the folded words of each comma-separated part (parse binds "b" as
    # ``bin`` and drops "l" as an article, which would break G.m.b.H. and p.l.c.); the commas
    # stay so that parse still turns "SURNAME, Given" round.
    parts: list[list[str]] = []
    # (``parse`` has checked that raw is a string: the cached functions without the check.)
    normalized = text = _normalize(raw)
    if "&" in text:
        # "&" is "and" (H&M, H and M); fold would drop it and leave the letters side by side.
        text = text.replace("&", " and ")
        rewrites.append("'&' read as 'and'")
    vessel = _vessel_prefix(text)
    if vessel:
        text = text[len(vessel) :]
        rewrites.append(f"{vessel.strip()!r} set aside (a ship's type, not its name)")
    pieces = text.split(",")
    # Cut off at a field's width, a name ends inside a word: not in a closing quote or bracket.
    cut = len(text) >= CUT_LENGTH and text[-1].isalnum()
    abjad = not text.isascii() and _ABJAD.search(text) is not None and not _LATIN.search(text)
    for n, part in enumerate(pieces):
        folded = _fold(part).split()
        if abjad:
            folded = abjad_particles(folded, rewrites)
        words = rewrite_words(folded, rewrites, legal, cut=cut and n == len(pieces) - 1)
        if not words:
            continue
        if parts and all(w in LEGAL_FORMS for w in words):
            parts[-1].extend(words)  # "Acme, Ltd." is not "Ltd. Acme" turned round
        else:
            parts.append(words)
    every = [w for part in parts for w in part]
    # The characters taken out are uncased, so the letters are in capitals only if the name is.
    letters = _NOT_LETTERS.sub("", normalized) if normalized.isupper() else ""
    is_acronym = 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()
    frozen_parts = tuple(tuple(p) for p in parts)
    as_initials = _prepare(parsed, frozen_parts, tuple(rewrites), acronyms=False)
    has_letter_run = 1 in map(len, every) and any(
        len(a) == 1 == len(b) for p in frozen_parts for a, b in itertools.pairwise(p)
    )
    as_acronyms = (
        _prepare(parsed, frozen_parts, tuple(rewrites), acronyms=True)
        if has_letter_run
        else as_initials
    )
    return _Words(
        raw,
        parsed,
        frozen_parts,
        _kind_hint(parsed, every, legal),
        tuple(legal),
        None if raw.isascii() else _syllabic_form(raw),
        letters.lower() if is_acronym else None,
        tuple(rewrites),
        as_acronyms,
        as_initials,
        _acronym_words(raw, as_acronyms[1]),
        cut,
        abjad,
        _abd_apart_words(every),
        wade_giles_readings([t.text for t in parsed.tokens]),
    )


def _abd_apart_words(words: list[str]) -> frozenset[str]:
    """The words that a separate Abdul (Abdel, Abd ...) binds to, as parse binds it."""
    if _ABD.isdisjoint(words):
        return frozenset()  # no Abdul at all (nearly every name)
    out = set()
    for i, w in enumerate(words[:-1]):
        if PARTICLES.get(w) == "abd":
            rest = [x for x in words[i + 1 :] if x not in ARTICLES]
            if rest:
                out.add(rest[0])
    return frozenset(out)


_ABD = frozenset(w for w, canonical in PARTICLES.items() if canonical == "abd")
_NOT_LETTERS = regex.compile(r"[\s.&'-]+")
_ABJAD = regex.compile(r"[\p{Arabic}\p{Hebrew}\p{Syriac}\p{Thaana}]")
_LATIN = regex.compile(r"\p{Latin}")
_CAPS_WORD = regex.compile(r"(?<![\w.])[A-Z]{2,5}(?![\w.])")


def _acronym_words(raw: str, rewrites: tuple[str, ...]) -> frozenset[str]:
    """Words of the name that may be acronyms: letter runs joined, short words in capitals."""
    out = (
        {r.rsplit("'", 2)[-2] for r in rewrites if r.startswith("letters ")} if rewrites else set()
    )
    # A name in title case (or without capitals) has no two capitals side by side.
    if not raw.isupper() and not raw.istitle() and not raw.islower():
        out.update(w.lower() for w in _CAPS_WORD.findall(raw))
    return frozenset(out)


# Ships' type prefixes (motor vessel, motor tanker), written before a vessel's name and left out
# as often as not: MV Hellenic Spirit is the ship Hellenic Spirit. Only the undotted capitals
# and the slashed forms before two words or more: M.T. Smith and MT Smith are persons.
_VESSEL_PREFIX = regex.compile(r"^(?:MV|MT|M/V|M/T|m/v|m/t)\s+(?=\S+\s+\S)")


def _vessel_prefix(text: str) -> str:
    m = _VESSEL_PREFIX.match(text) if text.startswith(("M", "m")) else None
    return m.group(0) if m else ""


def _kind_hint(parsed: ParsedName, words: list[str], legal: list[str]) -> str | None:
    if legal or not ORG_WORDS.isdisjoint(words):
        return "organization"
    # The words' prefixes are looked at only when the name has their letters at all.
    joined = " ".join(words)
    if any(p in joined for p in ORG_PREFIXES) and any(w.startswith(ORG_PREFIXES) for w in words):
        return "organization"
    person = False
    for t in parsed.tokens:  # one pass: a designator anywhere outranks a person's word
        if t.role == "designator":
            return "organization"
        if t.role == "patronymic" or t.particle in ("abu", "bin", "bint", "umm"):
            person = True
    if person or any(t != "the" for t in parsed.titles):
        return "person"
    return None


def _prepare(
    parsed: ParsedName,
    parts: tuple[tuple[str, ...], ...],
    rewrites_so_far: tuple[str, ...],
    *,
    acronyms: bool,
) -> tuple[ParsedName, tuple[str, ...]]:
    """The name parsed for comparing, and the rewrites that made it; ``acronyms`` joins runs
    of single letters into one word (an organisation's A.B.C.), else they stay initials."""
    rewrites = list(rewrites_so_far)
    words: Sequence[Sequence[str]] = (
        [join_letter_runs(list(p), rewrites) for p in parts] if acronyms else parts
    )
    if rewrites:
        reparsed = parse(", ".join(" ".join(p) for p in words))
        tokens = _legal_as_generic(reparsed.tokens)
        parsed = ParsedName(parsed.raw, parsed.titles, parsed.articles, tokens, parsed.inverted)
    joined = _join_compound_tails(parsed.tokens, rewrites)
    if joined is not parsed.tokens:
        parsed = parsed._replace(tokens=joined)
    return parsed, tuple(rewrites)


def _legal_as_generic(tokens: tuple[NameToken, ...]) -> tuple[NameToken, ...]:
    """Legal forms parse does not know (Sp. z o.o. -> spzoo) weigh as little as those it does."""
    if len(tokens) < 2 or not any(t.text in LEGAL_FORMS and t.role != "generic" for t in tokens):
        return tokens
    out = [t._replace(role="generic") if t.text in LEGAL_FORMS else t for t in tokens]
    ordinary = [i for i, t in enumerate(out) if t.role in ("given", "family")]
    if len(ordinary) >= 2 and not any(out[i].role == "family" for i in ordinary):
        out[ordinary[-1]] = out[ordinary[-1]]._replace(role="family")
    return tuple(out)


# Second halves of Arabic, Persian and Urdu compound names (Siraj ud-Din, Nasr Allah, Saif
# al-Din): written apart they are still one name with the word before them.
_COMPOUND_TAILS = frozenset("din deen dine allah ullah ulla ollah olla".split())


def _join_compound_tails(
    tokens: tuple[NameToken, ...], rewrites: list[str]
) -> tuple[NameToken, ...]:
    if _COMPOUND_TAILS.isdisjoint([t.text for t in tokens[1:]]):
        return tokens
    out: list[NameToken] = []
    for t in tokens:
        prev = out[-1] if out else None
        if prev is not None and t.text in _COMPOUND_TAILS and not t.particle:
            rewrites.append(f"'{prev.form} {t.text}' read as one name")
            role = "family" if t.role == "family" else prev.role
            out[-1] = prev._replace(text=prev.text + t.text, role=role)
        else:
            out.append(t)
    return tuple(out)


# Han, Hiragana, Katakana, Hangul: each character a syllable, so the script admits no spelling
# variants of one name the way an alphabet transliterated by hand does.
_SYLLABIC = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _syllabic_form(text: str) -> str | None:
    """The name's CJK characters, spaces and punctuation dropped; None if it has none."""
    chars = _SYLLABIC.findall(text)
    return "".join(chars) if chars else None


_JOINED_ARTICLE = regex.compile(r"^(al|el)([a-z]{4,})$")


_Reading = tuple[ParsedName, tuple[str, ...]]  # a way to read a name, and what it changed


def _readings(name: ParsedName) -> tuple[_Reading, ...]:
    """The name, the name with an article written joined split off (Alqaeda, Elbaradei), and
    the name without Latvian or Lithuanian endings (Sergejs Lavrovs, Sergejus Lavrovas)."""
    out: list[_Reading] = [(name, ())]
    for i, t in enumerate(name.tokens):
        # (A substring test first: the pattern is tried only on words that start as it does.)
        m = _JOINED_ARTICLE.match(t.text) if t.text.startswith(("al", "el")) else None
        if m and not t.particle:
            tokens = (*name.tokens[:i], t._replace(text=m.group(2)), *name.tokens[i + 1 :])
            note = f"{t.text!r} read as the article {m.group(1)!r} joined to {m.group(2)!r}"
            out.append((name._replace(tokens=tokens), (note,)))
            break
    out.extend(_baltic_readings(name))
    return tuple(out)


# Latvian and Lithuanian give every man's name a nominative ending, first name and surname alike:
# Sergejs Lavrovs, Vladimirs Putins; Sergejus Lavrovas, Vladimiras Putinas. One word ending in
# s proves nothing (Roberts, Williams); every word of the name doing so is the ending.
_BALTIC_ENDING = regex.compile(r"(?<=[a-z]{3})(?:[aiuy]?s)$")
_BALTIC_SHORT = regex.compile(r"(?<=[a-z]{3})s$")


def _baltic_readings(name: ParsedName) -> list[_Reading]:
    if not name.tokens or not name.tokens[0].text.endswith("s"):
        return []  # the cheap test first
    words = [t for t in name.tokens if t.role not in ("generic", "suffix")]
    if len(words) < 2 or not all(t.text.endswith("s") and not t.particle for t in words):
        return []
    out: list[_Reading] = []
    for ending in (_BALTIC_SHORT, _BALTIC_ENDING):
        tokens = tuple(
            t._replace(text=ending.sub("", t.text)) if t in words else t for t in name.tokens
        )
        if tokens != name.tokens and all(tokens != r.tokens for r, _ in out):
            written = " ".join(t.text for t in tokens if t.role not in ("generic", "suffix"))
            note = f"read as {written!r}, without Latvian or Lithuanian endings"
            out.append((name._replace(tokens=tokens), (note,)))
    return out


def _abd_readings(
    wa: _Words, xa: ParsedName, wb: _Words, xb: ParsedName
) -> tuple[tuple[_Reading, ...], tuple[_Reading, ...]]:
    """Readings of two persons' names with an ``Abdul`` written apart as a name of its own.

    South Asian and Afghan usage writes Abdul as a word of the name (Din Mohammad Abdul Hanif),
    added or left out like a middle name. It is read so only where a left-out name may be:
    after the first word, or first in both names.
    """
    first = bool(
        xa.tokens and xb.tokens and _abd_apart(wa, xa.tokens[0]) and _abd_apart(wb, xb.tokens[0])
    )
    out: list[tuple[_Reading, ...]] = []
    for w, x in ((wa, xa), (wb, xb)):
        tokens: list[NameToken] = []
        for i, t in enumerate(x.tokens):
            if _abd_apart(w, t) and (i > 0 or first):
                tokens.extend((NameToken("abdul", "given"), t._replace(particle="")))
            else:
                tokens.append(t)
        if len(tokens) == len(x.tokens):
            out.append(())
        else:
            note = f"'abdul' read as a name of its own in {w.raw!r}"
            out.append(((x._replace(tokens=tuple(tokens)), (note,)),))
    return out[0], out[1]


def _abd_apart(w: _Words, t: NameToken) -> bool:
    return t.particle == "abd" and t.text in w.abd_apart


# -- judging a pair ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Verdict:
    score: float
    kind: str | None
    conflict: bool
    notes: tuple[str, ...]
    detail: NameScore | None


@lru_cache(maxsize=1 << 14)
def _judge(a: str, b: str, kind: str | None) -> _Verdict:
    return judge_words(_words(a), _words(b), kind)


def judge_words(wa: _Words, wb: _Words, kind: str | None, *, decide: bool = False) -> _Verdict:
    """The verdict on two prepared names (see :func:`words`); not symmetric by itself:
    callers put the pair in a fixed order.

    ``decide`` is for callers that need only whether the names may be one (the clustering):
    a reading found to contradict the other name is not scored to the last decimal. The
    clustering itself asks :func:`canonym._judge.decide`, which gives the same score and
    conflict flag without notes (tests hold the two to the same answers).
    """
    used_kind = kind or _agree(wa.kind_hint, wb.kind_hint)
    xa, rewrites_a = wa.prepared(used_kind)
    xb, rewrites_b = wb.prepared(used_kind)
    notes = [*rewrites_a, *rewrites_b]
    if not xa.tokens or not xb.tokens:
        notes.append("a name without words (empty, or punctuation only) matches nothing")
        return _Verdict(0.0, used_kind, False, tuple(notes), None)
    if wa.syllabic is not None and wb.syllabic is not None:
        same = wa.syllabic == wb.syllabic
        notes.append(
            "Chinese, Japanese or Korean script: compared character by character"
            + ("" if same else "; the characters differ")
        )
        return _Verdict(1.0 if same else 0.0, used_kind, not same, tuple(notes), None)
    best = _Verdict(-1.0, used_kind, False, (), None)
    readings_a, readings_b = wa.readings(used_kind), wb.readings(used_kind)
    if used_kind == "person" and (wa.abd_apart or wb.abd_apart):
        more_a, more_b = _abd_readings(wa, xa, wb, xb)
        readings_a += more_a
        readings_b += more_b
    for ra, note_a in readings_a:
        for rb, note_b in readings_b:
            reading_notes = [*notes, *note_a, *note_b]
            score, conflict, detail = _score_reading(
                wa, wb, ra, rb, used_kind, reading_notes, decide
            )
            if score > best.score:
                best = _Verdict(score, used_kind, conflict, tuple(reading_notes), detail)
    if best.score < _ROMANISATION and (wa.pinyin or wb.pinyin):
        romanised = _wade_giles_match(wa, wb) or _wade_giles_match(wb, wa)
        if romanised:
            return _Verdict(_ROMANISATION, used_kind, False, (*notes, romanised), None)
    if used_kind != "person" and best.score < _ACRONYM:
        acronym = _acronym_match(wa, wb, used_kind) or _acronym_match(wb, wa, used_kind)
        if acronym:
            return _Verdict(_ACRONYM, used_kind, False, (acronym,), None)
    return best


def _wade_giles_match(wg: _Words, other: _Words) -> str | None:
    """Whether ``wg``, a Chinese name in Wade-Giles, is ``other`` written in Pinyin."""
    written = "".join(t.text for t in other.parsed.tokens)
    if written in wg.pinyin and not other.pinyin:
        return f"{wg.raw!r} is Wade-Giles for the Pinyin {other.raw!r}"
    return None


def _agree(x: str | None, y: str | None) -> str | None:
    if x == y or y is None:
        return x
    if x is None:
        return y
    return None  # one looks like a person's name, the other an organisation's: no assumption


def _acronym_match(short: _Words, full: _Words, kind: str | None) -> str | None:
    """Whether ``short`` (one word in capitals) abbreviates ``full``, an organisation's name.

    In a list written in capitals every one-word name looks like an acronym (ALI, KHAN), so the
    longer name must say it is an organisation's: by ``kind``, by its words, or by the small
    words of a descriptive name (of, in, the, and, for).
    """
    if short.acronym is None or len(full.parsed.tokens) < 2:
        return None
    words = [w for part in full.parts for w in part]
    organisation = kind == "organization" or full.kind_hint == "organization"
    if not organisation and not _DESCRIPTIVE.intersection(words):
        return None
    if short.acronym in initials(words):
        return f"{short.raw!r} is the acronym of {full.raw!r}"
    return None


_DESCRIPTIVE = frozenset("of in the and for".split())


def _score_reading(
    wa: _Words,
    wb: _Words,
    xa: ParsedName,
    xb: ParsedName,
    kind: str | None,
    notes: list[str] | None,
    decide: bool = False,
) -> tuple[float, bool, NameScore]:
    """Score one reading of each name. ``notes`` collects what was done; ``None`` writes none
    (the clustering's path, :func:`canonym._judge.decide`), and then a pair whose forms and
    slips would be left as they are skips their alignment."""
    if notes is None and _nothing_to_align(
        wa, wb, xa, xb, kind, _profile(xa.tokens), _profile(xb.tokens)
    ):
        penalty, conflict = 1.0, False
    else:
        noted: list[str] = [] if notes is None else notes
        xa, xb, factor = _align_forms(wa, wb, xa, xb, kind, noted)
        xa, xb, penalty, conflict = _align_slips(xa, xb, kind, noted)
        penalty *= factor
    forward = score_names(xa, xb, kind=kind)
    if decide and _contradicts(forward, xa, xb, kind):
        # Identifying words on each side that the other lacks: the names are not one, which
        # is all a clustering needs to know (the other direction differs only in weights).
        return min(forward.score, _CONTRADICTION) * penalty, True, forward
    # The lenient direction is the one with the shorter name as the query (a word missing from
    # the query costs more than one missing from the alias); _adjust then says which omissions
    # a pair of names may have. When every word pairs up, the directions agree but for weights.
    detail = forward
    if not (forward.query_only or forward.alias_only or forward.joined):
        backward = forward
    else:
        backward = score_names(xb, xa, kind=kind)
    if backward.score > forward.score:
        swapped = _swap(backward)
        assert swapped is not None
        detail = swapped
    score, more_conflict = _adjust(wa, wb, xa, xb, detail, kind, notes)
    return max(0.0, min(1.0, score * penalty)), conflict or more_conflict, detail


# Factors for a word read as the other name's word: the evidence it gives is a little weaker.
_SPLIT = 0.97  # a word written in two or three pieces (Patr ushev, Plat Ono Vich)
_SPLIT_SIMILARITY = 0.9
_SPLIT_EDITS = 2
_CUT = 0.95  # a last word cut off at a field's width
# A cut-off word is read as the longer one only as a stub (two to four letters) with two or
# more letters cut: a whole name one letter shorter is another name (Ahmad, Ahmadi; Hussein,
# Husseini), and so is a whole longer name that starts another (Ahmad, Ahmadinejad).
_CUT_STUB = (2, 4)
_CUT_LETTERS = 2
_SCRIPT = 0.92  # a word of a name in Arabic or Hebrew script, short vowels unwritten
_VOWELS = frozenset("aeiouy")


def _align_forms(
    wa: _Words, wb: _Words, a: ParsedName, b: ParsedName, kind: str | None, notes: list[str]
) -> tuple[ParsedName, ParsedName, float]:
    """Read words that differ in their form, not their spelling, as the other name's words.

    A word written in pieces (Patr ushev), initials written together (JC for Jean-Claude, U.S.
    for United States), a last word cut off at a field's width (Belkassem Dr... for Drissi), and
    a word of a name in Arabic or Hebrew script, whose short vowels are unwritten (فرناندو for
    Fernando). Returns both names and the factor the score is to be multiplied by.
    """
    plan = _forms_plan(wa, wb, a, b, kind, _profile(a.tokens), _profile(b.tokens))
    if plan is None:
        return a, b, 1.0
    cut, joins, expands = plan
    factor = 1.0
    at, bt = list(a.tokens), list(b.tokens)
    sides = ((at, bt, wa, wb), (bt, at, wb, wa))
    for (mine, theirs, w_mine, w_theirs), join, expand in zip(sides, joins, expands, strict=True):
        if join:
            factor *= _join_pieces(mine, theirs, notes)
        if expand:
            factor *= _expand_initials(mine, theirs, w_mine, kind, notes)
        if cut and w_mine.cut:
            factor *= _complete_cut(mine, theirs, notes)
        if w_mine.abjad and not w_theirs.abjad:
            factor *= _read_abjad(mine, theirs, notes)
    if at == list(a.tokens) and bt == list(b.tokens):
        return a, b, factor
    return a._replace(tokens=tuple(at)), b._replace(tokens=tuple(bt)), factor


_Plan = tuple[bool, tuple[bool, bool], tuple[bool, bool]]


def _forms_plan(
    wa: _Words,
    wb: _Words,
    a: ParsedName,
    b: ParsedName,
    kind: str | None,
    pa: _Profile,
    pb: _Profile,
) -> _Plan | None:
    """What :func:`_align_forms` is to try: whether a name may be cut off, and for each name
    whether words of it may be pieces of one word or initials; None when there is nothing."""
    # The cheap tests first: this runs for every pair a clustering scores, and most pairs have
    # a word on each side that the other lacks but nothing that these readings could explain.
    free_a = [i for i, form in enumerate(pa.orths) if form not in pb.forms]
    free_b = [j for j, form in enumerate(pb.orths) if form not in pa.forms] if free_a else []
    if not (free_a and free_b):
        return None  # every word of one name is in the other: nothing to read otherwise
    cut = (wa.cut or wb.cut) and not (a.inverted or b.inverted)
    if len(free_a) < 2 and len(free_b) < 2 and not cut and wa.abjad == wb.abjad:
        return None  # pieces and initials take two words on one side
    joins = (
        _may_join(a.tokens, free_a, b.tokens, free_b),
        _may_join(b.tokens, free_b, a.tokens, free_a),
    )
    expands = (
        _may_expand(a.tokens, free_a, wa, kind, len(free_b)),
        _may_expand(b.tokens, free_b, wb, kind, len(free_a)),
    )
    if not (cut or wa.abjad != wb.abjad or any(joins) or any(expands)):
        return None
    return cut, joins, expands


def _may_join(
    mine: tuple[NameToken, ...],
    free: list[int],
    theirs: tuple[NameToken, ...],
    their_free: list[int],
) -> bool:
    """Whether two free words of ``mine`` side by side could be a longer free word of theirs."""
    if len(free) < 2:
        return False  # two words side by side are needed
    longest = max([len(theirs[j].text) for j in their_free])
    if longest < 5:
        return False
    # A loop, not any() over a generator: this runs for most pairs a clustering scores.
    for i, j in itertools.pairwise(free):
        if j == i + 1 and len(mine[i].text) + len(mine[j].text) <= longest + _SPLIT_EDITS:
            return True
    return False


def _may_expand(
    mine: tuple[NameToken, ...], free: list[int], w: _Words, kind: str | None, their_free: int
) -> bool:
    """Whether a free word of ``mine`` could be initials of at least two free words of theirs."""
    return (
        their_free >= 2
        and bool(w.acronyms)  # _initials_like holds only for a word in w.acronyms
        and any(
            2 <= len(mine[i].text) <= min(5, their_free) and _initials_like(mine[i].text, w, kind)
            for i in free
        )
    )


def _initials_like(word: str, w: _Words, kind: str | None) -> bool:
    """A word written in capitals in a name that is not (or dotted letters): a person's
    initials when it has no vowel (JC, JFK: no name is written without one, and Ng written so
    is a name), an organisation's acronym when it has (U.S., US Steel)."""
    return word in w.acronyms and (kind != "person" or not _VOWELS.intersection(word))


class _Profile(NamedTuple):
    """What the cheap tests of a pair read of one name's words, computed once per name."""

    orths: tuple[str, ...]  # each word's spelling-normalised form
    forms: frozenset[str]  # the same, as a set
    initial: bool  # a word of one letter
    letters: dict[str, str]  # a word's letters, sorted -> the word (the last such word)
    letter_pairs: tuple[tuple[str, str], ...]  # (sorted letters, word) of each word


@lru_cache(maxsize=1 << 16)
def _profile(tokens: tuple[NameToken, ...]) -> _Profile:
    # Cached by the words themselves: a clustering compares each name with several others.
    orths = tuple(orth(t.text) for t in tokens)
    pairs = tuple((_letters(t.text), t.text) for t in tokens)
    return _Profile(
        orths, frozenset(orths), any(len(t.text) == 1 for t in tokens), dict(pairs), pairs
    )


def _nothing_to_align(
    wa: _Words,
    wb: _Words,
    a: ParsedName,
    b: ParsedName,
    kind: str | None,
    pa: _Profile,
    pb: _Profile,
) -> bool:
    """Whether :func:`_align_forms` and :func:`_align_slips` would both leave the names as they
    are: their cheap tests, without the rest (most pairs a clustering scores stop there).
    ``pa`` and ``pb`` are the names' profiles."""
    return not _slips_possible(pa, pb) and _forms_plan(wa, wb, a, b, kind, pa, pb) is None


def _free(tokens: Sequence[NameToken], other: Sequence[NameToken]) -> list[int]:
    """Positions of ``tokens`` whose word the other name does not have as such."""
    forms = {orth(t.text) for t in other}
    return [i for i, t in enumerate(tokens) if orth(t.text) not in forms]


def _join_pieces(mine: list[NameToken], theirs: list[NameToken], notes: list[str]) -> float:
    """Two or three words of ``mine`` that, written together, are a word of ``theirs``."""
    factor = 1.0
    free_theirs = _free(theirs, mine)
    for n in (3, 2):
        i = 0
        while i + n <= len(mine):
            run = mine[i : i + n]
            if any(t.particle for t in run[1:]) or len(_free(run, theirs)) < n:
                i += 1
                continue
            joined = "".join(t.text for t in run)
            best = _best_word(joined, run[0].particle, [theirs[j] for j in free_theirs])
            if best is None or max(word_similarity(t.text, best.text) for t in run) >= (
                word_similarity(joined, best.text)
            ):
                i += 1
                continue
            pieces = " ".join(t.text for t in run)
            notes.append(f"{pieces!r} read as one word, {best.text!r} (written in pieces)")
            mine[i : i + n] = [best._replace(role=_role_of(run, best))]
            free_theirs = [j for j in free_theirs if theirs[j] is not best]
            factor *= _SPLIT
    return factor


def _best_word(word: str, particle: str, candidates: list[NameToken]) -> NameToken | None:
    # Two letters apart at most (a C test first: most pairs a clustering scores have words
    # on each side that are nothing like each other joined).
    scored = [
        (word_similarity(word, t.text), t)
        for t in candidates
        if t.particle == particle
        and len(t.text) >= 5
        and Levenshtein.distance(word, t.text, score_cutoff=_SPLIT_EDITS) <= _SPLIT_EDITS
    ]
    scored = [(sim, t) for sim, t in scored if sim >= _SPLIT_SIMILARITY]
    return max(scored, key=lambda st: st[0])[1] if scored else None


def _role_of(run: list[NameToken], word: NameToken) -> str:
    """The role of a word put together from ``run``: the other name's, unless the run held
    this name's family name."""
    if word.role in ("given", "family") and any(t.role == "family" for t in run):
        return "family"
    return word.role


def _expand_initials(
    mine: list[NameToken], theirs: list[NameToken], w: _Words, kind: str | None, notes: list[str]
) -> float:
    """A word of ``mine`` that is the initials of words of ``theirs`` side by side: letters with
    no vowel (JC, JFK: no name is written without one), or an organisation's acronym (U.S.)."""
    factor = 1.0
    free_theirs = set(_free(theirs, mine))
    for i in reversed(_free(mine, theirs)):
        t = mine[i]
        n = len(t.text)
        if t.particle or not 2 <= n <= 5 or not _initials_like(t.text, w, kind):
            continue
        for j in range(len(theirs) - n + 1):
            run = theirs[j : j + n]
            if all(j + k in free_theirs and not u.particle for k, u in enumerate(run)) and (
                "".join(u.text[0] for u in run) == t.text
            ):
                words = " ".join(u.text for u in run)
                notes.append(f"{t.text!r} read as the initials of {words!r}")
                mine[i : i + 1] = run
                free_theirs.difference_update(range(j, j + n))
                factor *= _INITIAL
                break
    return factor


def _complete_cut(mine: list[NameToken], theirs: list[NameToken], notes: list[str]) -> float:
    """The last word of a long name, cut off at a field's width, is the start of the other
    name's last word."""
    if not mine or not theirs:
        return 1.0
    t, u = mine[-1], theirs[-1]
    if (
        t.particle == u.particle
        and _CUT_STUB[0] <= len(t.text) <= _CUT_STUB[1]
        and len(u.text) >= len(t.text) + _CUT_LETTERS
        and u.text.startswith(t.text)
        and _free([u], mine)
    ):
        notes.append(f"{t.text!r} read as {u.text!r} cut off (the name is long)")
        mine[-1] = t._replace(text=u.text)
        return _CUT
    return 1.0


def _read_abjad(mine: list[NameToken], theirs: list[NameToken], notes: list[str]) -> float:
    """Words of a name in Arabic or Hebrew script read as the Latin words they can spell."""
    free_theirs = [theirs[j] for j in _free(theirs, mine)]
    read = False
    for i in _free(mine, theirs):
        t = mine[i]
        hit = next(
            (u for u in free_theirs if u.particle == t.particle and abjad_fits(t.text, u.text)),
            None,
        )
        if hit is not None:
            notes.append(f"{t.text!r} read as {hit.text!r} (short vowels unwritten)")
            mine[i] = t._replace(text=hit.text)
            free_theirs.remove(hit)
            read = True
    return _SCRIPT if read else 1.0


def _contradicts(detail: NameScore, xa: ParsedName, xb: ParsedName, kind: str | None) -> bool:
    """Whether each name has an identifying word the other lacks (see :func:`_adjust`)."""
    return any(_counts(t, xa, kind) for t in detail.query_only) and any(
        _counts(t, xb, kind) for t in detail.alias_only
    )


def _swap(detail: NameScore | None) -> NameScore | None:
    if detail is None:
        return None
    return NameScore(
        detail.score,
        tuple((y, x, s) for x, y, s in detail.pairs),
        detail.alias_only,
        detail.query_only,
        detail.partial,
        detail.joined,
        detail.notes,
    )


def _align_slips(
    a: ParsedName, b: ParsedName, kind: str | None, notes: list[str]
) -> tuple[ParsedName, ParsedName, float, bool]:
    """Read initials and swapped letters of each name as the other's word (and note it).

    Returns both names, the factor the score is to be multiplied by, and whether an initial
    contradicts the other name (A. for Nursultan).
    """
    if not _slips_possible(_profile(a.tokens), _profile(b.tokens)):
        return a, b, 1.0, False
    penalty = 1.0
    conflict = False
    a_tokens, b_tokens = list(a.tokens), list(b.tokens)
    for mine, theirs in ((a_tokens, b_tokens), (b_tokens, a_tokens)):
        their_orth = {orth(t.text) for t in theirs}
        my_orth = {orth(t.text) for t in mine}
        # (a suffix is never read as a word nor an initial: Mohammed V is not Mohammed VI)
        free = [
            t
            for t in theirs
            if orth(t.text) not in my_orth and len(t.text) > 1 and t.role != "suffix"
        ]
        has_word = any(len(t.text) > 1 for t in mine)
        for i, t in enumerate(mine):
            if orth(t.text) in their_orth:
                continue
            if t.role == "suffix":
                continue
            if kind != "organization" and len(t.text) == 1 and not t.particle:
                if not has_word:
                    continue  # initials alone are no evidence (N.N.)
                hit = next((u for u in free if u.text[0] == t.text and not u.particle), None)
                if hit is not None:
                    mine[i] = t._replace(text=hit.text)
                    free.remove(hit)
                    notes.append(f"initial {t.text.upper()!r} read as {hit.text!r}")
                    penalty = min(penalty, _INITIAL)
                elif any(len(u.text) > 1 and not u.particle for u in free) or any(
                    len(u.text) == 1 and u.text != t.text for u in theirs
                ):
                    conflict = True
                continue
            swapped = next((u for u in free if _one_transposition(t.text, u.text)), None)
            if swapped is not None:
                mine[i] = t._replace(text=swapped.text)
                free.remove(swapped)
                notes.append(f"{t.text!r} ~ {swapped.text!r}: two letters swapped (a typing slip)")
                penalty *= _SLIP
    if a_tokens == list(a.tokens) and b_tokens == list(b.tokens):
        return a, b, penalty, conflict
    return a._replace(tokens=tuple(a_tokens)), b._replace(tokens=tuple(b_tokens)), penalty, conflict


def _slips_possible(pa: _Profile, pb: _Profile) -> bool:
    """A cheap test first (this runs for every pair a clustering scores): an initial, or two
    different words with the same letters."""
    if pa.initial or pb.initial:
        return True
    letters = pa.letters
    return any(letters.get(key, word) != word for key, word in pb.letter_pairs)


@lru_cache(maxsize=1 << 16)
def _letters(word: str) -> str:
    return "".join(sorted(word))


def _one_transposition(x: str, y: str) -> bool:
    """Whether ``y`` is ``x`` with two adjacent letters swapped (words of four letters or more),
    not the first letter: a swap there makes another name of one root (Ahmad/Hamad)."""
    if len(x) != len(y) or len(x) < 4 or x == y:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return (
        len(diff) == 2
        and diff[0] > 0
        and diff[1] == diff[0] + 1
        and x[diff[0]] == y[diff[1]]
        and x[diff[1]] == y[diff[0]]
    )


def _adjust(
    wa: _Words,
    wb: _Words,
    xa: ParsedName,
    xb: ParsedName,
    detail: NameScore,
    kind: str | None,
    notes: list[str] | None,
) -> tuple[float, bool]:
    """The pair's score after the rules only a pair of whole names can apply, and whether one
    of them found a contradiction. ``notes`` None: the clustering, which reads no reasons."""
    score = detail.score
    cap = 1.0
    conflict = False
    if detail.joined and not _joined_close(xa, xb):
        # Read as one word, two long names can be 90% alike and still differ by a whole word
        # (Abdul Khan / Padshah Khan): the joined reading is for spacing, not for words.
        if notes is not None:
            notes.append("written as one word the names still differ by more than a letter")
        cap, conflict = min(cap, _DIFFERENT_ENTITY), True
    # Short words leave no room for an edit (Iran/Iraq): similarity takes the longer word's
    # length as written, so Basrah/Busra escapes the rule that Basra/Busra meets. A pair with a
    # short word whose normalised spellings are short too meets it here.
    for x, y, sim in detail.pairs if _ORTH_SHORT_WORDS else ():
        if sim <= _CONTRADICTION or min(len(x.text), len(y.text)) > _SHORT_WORD:
            continue  # the cheap tests first
        ox, oy = orth(x.text), orth(y.text)
        if (
            max(len(ox), len(oy)) <= _SHORT_WORD
            and orth_distance(ox, oy) >= _SHORT_WORD_DISTANCE
            and not same_name(ox, oy)  # a curated list's spellings of one name (Reza, Rida)
        ):
            if notes is not None:
                notes.append(f"{x.form!r} and {y.form!r} are short words a letter apart")
            cap = min(cap, _CONTRADICTION)
    # Different legal forms of different classes: two legal persons.
    if wa.legal and wb.legal:
        ca = {LEGAL_CLASS[c] for c in wa.legal if c in LEGAL_CLASS}
        cb = {LEGAL_CLASS[c] for c in wb.legal if c in LEGAL_CLASS}
        if ca and cb and not ca & cb:
            if notes is not None:
                notes.append(f"legal forms differ ({', '.join(wa.legal)} vs {', '.join(wb.legal)})")
            cap, conflict = min(cap, _DIFFERENT_ENTITY), True
    # Two different fathers: patronymics, or bin/ibn names, on both sides that do not pair up.
    loose = [
        (x, y)
        for x, y, sim in detail.pairs
        if sim < _FATHER_FLOOR and (_is_father(x) or _is_father(y))
    ]
    if detail.query_only and detail.alias_only:
        fathers_a = [t for t in detail.query_only if _is_father(t)]
        fathers_b = [t for t in detail.alias_only if _is_father(t)]
        if fathers_a and fathers_b:
            loose.append((fathers_a[0], fathers_b[0]))
    if not loose:
        # the first words after bin: a nasab names the father first (Hamdan bin Rashid is not
        # Hamdan bin Mohammed bin Rashid, Rashid's grandson)
        first_fathers = fathers_differ(xa.tokens, xb.tokens)
        if first_fathers is not None:
            loose.append(first_fathers)
    if loose:
        if notes is not None:
            x, y = loose[0]
            notes.append(f"different fathers' names ({x.form!r} vs {y.form!r})")
        cap, conflict = min(cap, _CONTRADICTION), True
    if not (detail.query_only or detail.alias_only):
        return min(score, cap), conflict  # every word pairs up (most pairs a clustering scores)
    # Identifying words on each side that the other lacks: a contradiction (score_names caps
    # the score; the flag says so).
    extra_a = [t for t in detail.query_only if _counts(t, xa, kind)]
    extra_b = [t for t in detail.alias_only if _counts(t, xb, kind)]
    if extra_a and extra_b:
        conflict = True
    elif (extra_a or extra_b) and not detail.joined:
        # Words on one side only: a longer name of another entity, unless a person's name is
        # given short. A word written twice in one name adds nothing (Sergey Sergey Shoigu).
        extra = extra_a or extra_b
        words = ", ".join(repr(t.form) for t in extra) if notes is not None else ""
        shorter_only = detail.alias_only if extra_a else detail.query_only
        if (
            kind == "person"
            and _left_out_inside(xa if extra_a else xb, detail, 0 if extra_a else 1)
            <= _SHORT_FORM_LEFT_OUT
            and _short_form(detail)
            and not _identifying(shorter_only)
        ):
            if notes is not None:
                notes.append(f"a shorter form of a person's name (the longer adds {words})")
            score = max(score, _SHORT_FORM * _mean_similarity(detail))
        else:
            if notes is not None:
                notes.append(f"the longer name adds {words}: a name of another entity")
            cap, conflict = min(cap, _DIFFERENT_ENTITY), True
    return min(score, cap), conflict


_IDENT = frozenset({"given", "family"})
_NAME_ROLES = frozenset({"given", "family", "patronymic"})


def _joined_close(xa: ParsedName, xb: ParsedName) -> bool:
    ja = "".join(orth(t.particle + t.text) for t in xa.tokens if t.role != "generic")
    jb = "".join(orth(t.particle + t.text) for t in xb.tokens if t.role != "generic")
    return Levenshtein.distance(ja, jb) <= (2 if min(len(ja), len(jb)) >= 16 else 1)


def _is_father(t: NameToken) -> bool:
    """A patronymic (Viktorovich, and the French -ovitch) or a ``bin``/``ibn`` father's name."""
    return t.role == "patronymic" or t.particle == "bin" or t.text.endswith(("ovitch", "evitch"))


def _counts(t: NameToken, name: ParsedName, kind: str | None) -> bool:
    """Whether a word one name lacks makes the names different (a repeated word does not; a
    series number such as II does for an organisation)."""
    if t.role == "suffix":
        return kind not in (None, "person")
    if t.role not in ("given", "family", "designator"):
        return False
    return sum(orth(u.text) == orth(t.text) for u in name.tokens) == 1


def _left_out_inside(longer: ParsedName, detail: NameScore, side: int) -> int:
    """How many words of the longer name lie unpaired between its first and last paired word.

    Words after the last paired one are a lineage appended to the name (a father's and a
    grandfather's name, a tribe), which lists add and leave out whole.
    """
    paired = [pair[side] for pair in detail.pairs]
    positions = []
    for t in paired:
        at = next((i for i, u in enumerate(longer.tokens) if u == t and i not in positions), None)
        if at is not None:
            positions.append(at)
    if not positions:
        return len(longer.tokens)
    inside = longer.tokens[min(positions) : max(positions) + 1]
    return sum(t.role in _NAME_ROLES for t in inside) - sum(
        min(positions) <= i <= max(positions) for i in positions
    )


def _short_form(detail: NameScore) -> bool:
    """At least two identifying words pair up, none of them loosely."""
    sims = [s for x, y, s in detail.pairs if x.role in _IDENT and y.role in _IDENT]
    return len(sims) >= 2 and min(sims) >= _FATHER_FLOOR


def _identifying(tokens: tuple[NameToken, ...]) -> bool:
    return any(t.role not in ("generic", "suffix") for t in tokens)


def _mean_similarity(detail: NameScore) -> float:
    sims = [s for _, _, s in detail.pairs]
    return sum(sims) / len(sims) if sims else 0.0
