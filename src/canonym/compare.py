"""Are two names the same name? ``compare`` gives a symmetric score, a decision and the reasons.

``compare`` is the pairwise judgement that :func:`canonym.cluster` is built on. It runs both
names through :func:`canonym.parse` and scores them with the transliteration-aware
:func:`canonym.similarity.score_names`, read in both directions (a pair of names has no query
side), and adds what only a pair of free-standing names needs:

- legal forms written out or abbreviated are one word (Aktiengesellschaft = AG, Limited
  Liability Company = LLC, Sp. z o.o.); two legal forms of different classes (AG, GmbH) are
  two companies; numbers written in words are digits (Forty-Four = 44);
- a dotted or spaced acronym is one word (A.B.C. = ABC), and an acronym alone matches the name
  it abbreviates (AQAP, al-Qaeda in the Arabian Peninsula);
- initials stand for a word of the other name that starts with that letter (V. Putin, Hans J
  Friedrich) and contradict one that does not (A. Nazarbayev);
- two adjacent letters swapped is a typing slip (Schloz/Scholz), not a new name;
- two different patronymics or ``bin``/``ibn`` fathers are two different people;
- in Chinese, Japanese and Korean script every character is a syllable of the name: one
  character different is another name;
- a name that is the other plus more words is another entity (Hezbollah, Kata'ib Hezbollah),
  except a person's name given short (Janan Agha, Janan Mohammad Ahmed Agha) when the names
  are known to be persons' (``kind="person"``, or a patronymic or ``bin`` says so).

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
from dataclasses import dataclass, field
from functools import lru_cache

import regex
from rapidfuzz.distance import Levenshtein

from ._compare_words import (
    LEGAL_CLASS,
    LEGAL_FORMS,
    ORG_PREFIXES,
    ORG_WORDS,
    initials,
    join_letter_runs,
    rewrite_words,
)
from ._typecheck import require_str
from .keys import orth
from .normalize import fold, normalize
from .parse import NameToken, ParsedName, parse
from .similarity import NameScore, describe_differences, orth_distance, score_names
from .table import KINDS

__all__ = ["DEFAULT_THRESHOLD", "Comparison", "compare"]

#: ``Comparison.same`` is ``score >= DEFAULT_THRESHOLD`` unless another threshold is given.
DEFAULT_THRESHOLD = 0.8

# Scores a pair is held to when a rule says the names are not one name. Both are under the
# default threshold, so ``same`` is False, and ordered so that the closer calls rank higher.
_DIFFERENT_ENTITY = 0.75
_CONTRADICTION = 0.7
_ACRONYM = 0.85
_SHORT_FORM = 0.9  # a person's name given short, at best
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
                    lines.append(f"{x.form!r} ~ {y.form!r} ({diffs}; similarity {sim:.2f})")
            for t in d.query_only:
                lines.append(f"word {t.form!r} ({t.role}) only in {self.a!r}")
            for t in d.alias_only:
                lines.append(f"word {t.form!r} ({t.role}) only in {self.b!r}")
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
    syllabic = _syllabic_form(name)
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
    """The name as compare reads it (legal forms, numbers, acronyms rewritten), and a second
    reading with an article written joined split off (Alqaeda), when there is one."""
    return [r for r, _ in _readings(w.prepared(kind or w.kind_hint)[0])]


# -- preparing one name --------------------------------------------------------------------------


@dataclass(frozen=True)
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

    def prepared(self, kind: str | None) -> tuple[ParsedName, tuple[str, ...]]:
        return self.as_initials if kind == "person" else self.as_acronyms


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
    for part in normalize(raw).split(","):
        words = rewrite_words(fold(part).split(), rewrites, legal)
        if not words:
            continue
        if parts and all(w in LEGAL_FORMS for w in words):
            parts[-1].extend(words)  # "Acme, Ltd." is not "Ltd. Acme" turned round
        else:
            parts.append(words)
    every = [w for part in parts for w in part]
    letters = regex.sub(r"[\s.&'-]+", "", normalize(raw))
    is_acronym = 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()
    frozen_parts = tuple(tuple(p) for p in parts)
    as_initials = _prepare(parsed, frozen_parts, tuple(rewrites), acronyms=False)
    has_letter_run = any(
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
        _syllabic_form(raw),
        letters.lower() if is_acronym else None,
        tuple(rewrites),
        as_acronyms,
        as_initials,
    )


def _kind_hint(parsed: ParsedName, words: list[str], legal: list[str]) -> str | None:
    if legal or any(w in ORG_WORDS or w.startswith(ORG_PREFIXES) for w in words):
        return "organization"
    if any(t.role == "designator" for t in parsed.tokens):
        return "organization"
    if any(t != "the" for t in parsed.titles) or any(
        t.role == "patronymic" or t.particle in ("abu", "bin", "bint", "umm") for t in parsed.tokens
    ):
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
    words = [join_letter_runs(list(p), rewrites) if acronyms else list(p) for p in parts]
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
    if not any(t.text in _COMPOUND_TAILS for t in tokens[1:]):
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


def _readings(name: ParsedName) -> list[tuple[ParsedName, list[str]]]:
    """The name, and the name with an article written joined split off (Alqaeda, Elbaradei)."""
    out: list[tuple[ParsedName, list[str]]] = [(name, [])]
    for i, t in enumerate(name.tokens):
        m = _JOINED_ARTICLE.match(t.text)
        if m and not t.particle:
            tokens = (*name.tokens[:i], t._replace(text=m.group(2)), *name.tokens[i + 1 :])
            note = f"{t.text!r} read as the article {m.group(1)!r} joined to {m.group(2)!r}"
            out.append((name._replace(tokens=tokens), [note]))
            break
    return out


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


def judge_words(wa: _Words, wb: _Words, kind: str | None) -> _Verdict:
    """The verdict on two prepared names (see :func:`words`); not symmetric by itself:
    callers put the pair in a fixed order."""
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
    for ra, note_a in _readings(xa):
        for rb, note_b in _readings(xb):
            reading_notes = [*notes, *note_a, *note_b]
            score, conflict, detail = _score_reading(wa, wb, ra, rb, used_kind, reading_notes)
            if score > best.score:
                best = _Verdict(score, used_kind, conflict, tuple(reading_notes), detail)
    if used_kind != "person" and best.score < _ACRONYM:
        acronym = _acronym_match(wa, wb, used_kind) or _acronym_match(wb, wa, used_kind)
        if acronym:
            return _Verdict(_ACRONYM, used_kind, False, (acronym,), None)
    return best


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
    wa: _Words, wb: _Words, xa: ParsedName, xb: ParsedName, kind: str | None, notes: list[str]
) -> tuple[float, bool, NameScore]:
    xa, xb, penalty, conflict = _align_slips(xa, xb, kind, notes)
    forward = score_names(xa, xb, kind=kind)
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
    if not _slips_possible(a.tokens, b.tokens):
        return a, b, 1.0, False
    penalty = 1.0
    conflict = False
    a_tokens, b_tokens = list(a.tokens), list(b.tokens)
    for mine, theirs in ((a_tokens, b_tokens), (b_tokens, a_tokens)):
        their_orth = {orth(t.text) for t in theirs}
        my_orth = {orth(t.text) for t in mine}
        free = [t for t in theirs if orth(t.text) not in my_orth and len(t.text) > 1]
        has_word = any(len(t.text) > 1 for t in mine)
        for i, t in enumerate(mine):
            if orth(t.text) in their_orth:
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


def _slips_possible(a: tuple[NameToken, ...], b: tuple[NameToken, ...]) -> bool:
    """A cheap test first (this runs for every pair a clustering scores): an initial, or two
    different words with the same letters."""
    if any(len(t.text) == 1 for t in a) or any(len(t.text) == 1 for t in b):
        return True
    letters = {_letters(t.text): t.text for t in a}
    return any(letters.get(_letters(t.text), t.text) != t.text for t in b)


@lru_cache(maxsize=1 << 16)
def _letters(word: str) -> str:
    return "".join(sorted(word))


def _one_transposition(x: str, y: str) -> bool:
    """Whether ``y`` is ``x`` with two adjacent letters swapped (words of four letters or more)."""
    if len(x) != len(y) or len(x) < 4 or x == y:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return (
        len(diff) == 2
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
    notes: list[str],
) -> tuple[float, bool]:
    """The pair's score after the rules only a pair of whole names can apply, and whether one
    of them found a contradiction."""
    score = detail.score
    cap = 1.0
    conflict = False
    if detail.joined and not _joined_close(xa, xb):
        # Read as one word, two long names can be 90% alike and still differ by a whole word
        # (Abdul Khan / Padshah Khan): the joined reading is for spacing, not for words.
        notes.append("written as one word the names still differ by more than a letter")
        cap, conflict = min(cap, _DIFFERENT_ENTITY), True
    # Short words leave no room for an edit (Iran/Iraq): similarity takes the longer word's
    # length as written, so Basrah/Busra escapes the rule that Basra/Busra meets. A pair with a
    # short word whose normalised spellings are short too meets it here.
    for x, y, sim in detail.pairs if _ORTH_SHORT_WORDS else ():
        ox, oy = orth(x.text), orth(y.text)
        if (
            sim > _CONTRADICTION
            and min(len(x.text), len(y.text)) <= _SHORT_WORD
            and max(len(ox), len(oy)) <= _SHORT_WORD
            and orth_distance(ox, oy) >= _SHORT_WORD_DISTANCE
        ):
            notes.append(f"{x.form!r} and {y.form!r} are short words a letter apart")
            cap = min(cap, _CONTRADICTION)
    # Different legal forms of different classes: two legal persons.
    ca = {LEGAL_CLASS[c] for c in wa.legal if c in LEGAL_CLASS}
    cb = {LEGAL_CLASS[c] for c in wb.legal if c in LEGAL_CLASS}
    if ca and cb and not ca & cb:
        notes.append(f"legal forms differ ({', '.join(wa.legal)} vs {', '.join(wb.legal)})")
        cap, conflict = min(cap, _DIFFERENT_ENTITY), True
    # Two different fathers: patronymics, or bin/ibn names, on both sides that do not pair up.
    loose = [
        (x, y)
        for x, y, sim in detail.pairs
        if (_is_father(x) or _is_father(y)) and sim < _FATHER_FLOOR
    ]
    fathers_a = [t for t in detail.query_only if _is_father(t)]
    fathers_b = [t for t in detail.alias_only if _is_father(t)]
    if fathers_a and fathers_b:
        loose.append((fathers_a[0], fathers_b[0]))
    if loose:
        x, y = loose[0]
        notes.append(f"different fathers' names ({x.form!r} vs {y.form!r})")
        cap, conflict = min(cap, _CONTRADICTION), True
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
        words = ", ".join(repr(t.form) for t in extra)
        shorter_only = detail.alias_only if extra_a else detail.query_only
        if kind == "person" and _short_form(detail) and not _identifying(shorter_only):
            notes.append(f"a shorter form of a person's name (the longer adds {words})")
            score = max(score, _SHORT_FORM * _mean_similarity(detail))
        else:
            notes.append(f"the longer name adds {words}: a name of another entity")
            cap, conflict = min(cap, _DIFFERENT_ENTITY), True
    return min(score, cap), conflict


_IDENT = frozenset({"given", "family"})


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


def _short_form(detail: NameScore) -> bool:
    """At least two identifying words pair up, none of them loosely."""
    sims = [s for x, y, s in detail.pairs if x.role in _IDENT and y.role in _IDENT]
    return len(sims) >= 2 and min(sims) >= _FATHER_FLOOR


def _identifying(tokens: tuple[NameToken, ...]) -> bool:
    return any(t.role not in ("generic", "suffix") for t in tokens)


def _mean_similarity(detail: NameScore) -> float:
    sims = [s for _, _, s in detail.pairs]
    return sum(sims) / len(sims) if sims else 0.0
