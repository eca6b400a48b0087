"""canonym.check: the exact shortcuts of the word rules decide what the rules decide.

The rigid-letter bound (``canonym._bounded``) never turns away two words within the limit of
``word_close``; ``may_relate`` never turns away two spellings that ``compare`` or
``joined_equal`` would relate, the candidates of a form index are the forms it admits, and
``relation`` reads from their shapes what ``compare`` and ``joined_equal`` say of them; the
question of whether to ask the resolver, put once over the forms kept under the widest key of a
mention and its WRatio asked in two passes, answers as it did key by key over forms made afresh,
also after entities join; and ``check`` finds the very same findings with the shortcuts as
without them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

import canonym
from canonym import _consistency, _spelling
from canonym._bounded import letter_signature, rigid_letters, rigid_signature, within_reach
from canonym._consistency import Finding, Judge
from canonym._spelling import (
    ALIKE,
    compare,
    joined_equal,
    lookup_keys,
    may_relate,
    relation,
    shape,
    usable_name,
    word_close,
)
from canonym.check import check
from canonym.keys import orth
from canonym.mentions import Mention, NameIndex, compact_forms, index_for
from canonym.similarity import _ALPHABET, orth_distance

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = canonym.AliasTable.load(ROOT / "tests" / "data" / "check_table.toml")
RESOLVER = canonym.Resolver(FIXTURE)

# -- the rigid-letter bound --------------------------------------------------------------------

# orth symbols, a few symbols outside its alphabet (É, a digit is inside), and class pairs
_SYMBOLS = [*_ALPHABET, "\u00c9", "E", "-"]
_LETTERS = "abdefghiklmnoqrstuvyzSCHZDTG"


def _mutations(word: str, rng: random.Random, edits: int) -> str:
    """``word`` after a few random edits (so that close pairs are common, not only far ones)."""
    w = list(word)
    for _ in range(edits):
        at = rng.randrange(len(w) + 1)
        choice = rng.random()
        if choice < 0.3 and w:
            del w[min(at, len(w) - 1)]
        elif choice < 0.6:
            w.insert(at, rng.choice(_LETTERS))
        elif choice < 0.8 and w:
            w[min(at, len(w) - 1)] = rng.choice(_SYMBOLS)
        elif len(w) > at + 1:
            w[at], w[at + 1] = w[at + 1], w[at]
    return "".join(w) or "a"


@settings(max_examples=1500, deadline=None)
@given(
    st.text(alphabet=_SYMBOLS, min_size=1, max_size=10),
    st.integers(0, 3),
    st.integers(0, 2**32),
    st.sampled_from([0.2, 0.45, 0.65, 0.99]),
)
def test_the_bound_never_turns_away_a_pair_within_the_limit(
    word: str, edits: int, seed: int, limit: float
) -> None:
    other = _mutations(word, random.Random(seed), edits)
    if orth_distance(word, other) <= limit:
        assert within_reach(word, other, limit)
        assert rigid_signature(word, limit) == rigid_signature(other, limit)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=_LETTERS, min_size=1, max_size=9), st.integers(0, 3), st.integers(0, 2**32))
def test_words_that_word_close_joins_have_the_same_fixed_letters(
    word: str, edits: int, seed: int
) -> None:
    other = _mutations(word, random.Random(seed), edits)
    other = "".join(ch for ch in other.lower() if ch.isalpha()) or "a"
    if word_close(word, other):
        fixed = _spelling._FIXED_LETTERS
        assert letter_signature(orth(word), fixed) == letter_signature(orth(other), fixed)


def test_rigid_letters_are_those_that_no_cheap_edit_touches() -> None:
    rigid = rigid_letters(0.65)
    assert {"l", "m", "n", "r"} <= rigid and not {"a", "k", "h", "i", "o"} & rigid
    for letter in rigid:
        for other in _ALPHABET:
            if other != letter:
                assert orth_distance("a" + letter + "a", "a" + other + "a") > 0.65
        assert orth_distance("ab" + letter + "ab", "abab") > 0.65
    assert rigid_letters(0.2) > rigid  # a lower limit: more letters are rigid
    with pytest.raises(ValueError):
        rigid_signature("abc", 1.0)


def test_word_close_keeps_its_examples() -> None:
    assert all(word_close(a, b) for a, b in [("arbil", "erbil"), ("kharkov", "kharkiv")])
    assert not any(word_close(a, b) for a, b in [("iran", "iraq"), ("russia", "russian")])


# -- spellings: may_relate ---------------------------------------------------------------------

_NAME_WORDS = """Qassem Qasem Soleimani Solemani Suleimani Abu Mahdi al-Muhandis Muhandes Adel Abdul
Abd Hosni Husni Mubarak Gamal Deng Xiaoping Xiao Ping Kharkiv Kharkov bin Laden Erbil Arbil
Barzani Barazani Nechirvan Hamid Hamad Karzai Iran Iraq Abdel Fattah el-Sisi al-Sissi Ali
Khamenei Khomeini Zelenskyy Zelenskiy Volodymyr General Ayatollah""".split()


@st.composite
def _names(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=4))
    rng = random.Random(draw(st.integers(0, 2**32)))
    if draw(st.booleans()):
        i = rng.randrange(len(words))
        mutated = _mutations(words[i].lower(), rng, draw(st.integers(1, 2)))
        words[i] = "".join(ch for ch in mutated if ch.isalpha()).capitalize() or words[i]
    return " ".join(words)


@settings(max_examples=2000, deadline=None)
@given(_names(), _names())
def test_may_relate_turns_away_only_spellings_that_do_not_relate(u: str, f: str) -> None:
    if not may_relate(shape(u), shape(f)):
        assert compare(u, f) is None
        assert not joined_equal(u, f)


@settings(max_examples=500, deadline=None)
@given(_names())
def test_a_spelling_and_its_words_relate(u: str) -> None:
    words = u.split()
    assume(len(words) > 1)
    for f in (u, " ".join(words[1:]), " ".join(words[:-1])):
        if compare(f, u) is not None or joined_equal(f, u):
            assert may_relate(shape(f), shape(u))


def test_may_relate_examples() -> None:
    assert may_relate(shape("Soleimani"), shape("Qassem Soleimani"))  # a second reference
    assert may_relate(shape("Solemani"), shape("Qassem Soleimani"))  # a partial variant
    assert may_relate(shape("Deng Xiao Ping"), shape("Deng Xiaoping"))  # joined equal
    assert not may_relate(shape("Iran"), shape("Iraq"))


@settings(max_examples=500, deadline=None)
@given(_names(), st.lists(_names(), max_size=6), st.integers(0, 2**32))
def test_the_candidates_of_a_form_index_are_the_forms_may_relate_admits(
    u: str, others: list[str], seed: int
) -> None:
    # forms filed under u's keys: u itself, its words, u with a word misspelt, and others
    rng = random.Random(seed)
    words = u.split()
    mutated = list(words)
    mutated[-1] = "".join(ch for ch in _mutations(words[-1].lower(), rng, 1) if ch.isalpha())
    forms = [u, words[-1], " ".join(words[1:]), " ".join(w for w in mutated if w), *others]
    index = _consistency._FormIndex()
    groups = [_consistency._Group(None, []) for _ in range(3)]
    for i, form in enumerate(f for f in forms if f):
        index.add(form, groups[i % 3])
    own = shape(u)
    expected = [
        (form, group, shape(form))
        for k in lookup_keys(u)
        for form, group in index._by_key.get(k, ())
        if may_relate(own, shape(form))
    ]
    assert list(index.candidates(u)) == expected
    # and what the verdict makes of each: compare, else joined_equal, from the shapes
    for form, _, form_shape in expected:
        assert relation(u, form, own, form_shape) == _compare_or_joined(u, form)


def _compare_or_joined(u: str, f: str) -> str | None:
    """What the verdict asks of a candidate, as first written."""
    how = compare(u, f)
    if how is None and joined_equal(u, f):
        how = "full"
    return how


@settings(max_examples=2000, deadline=None)
@given(_names(), _names(), st.integers(0, 2**32))
def test_relation_from_the_shapes_is_compare_else_joined_equal(u: str, f: str, seed: int) -> None:
    rng = random.Random(seed)
    for other in (f, " ".join(u.split()[rng.randrange(len(u.split())) :]), u.replace(" ", "", 1)):
        for a, b in ((u, other), (other, u)):
            if a and b:
                assert relation(a, b, shape(a), shape(b)) == _compare_or_joined(a, b)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=[*"ab1\u00b2 -'\u00e9", "\u0661"], max_size=6))
def test_usable_name_tells_letters_and_spaces_as_the_counts_do(written: str) -> None:
    usable_name.cache_clear()
    body = written  # less a number of one or two ASCII digits ending a name (Chollima-1)
    for k in (1, 2):
        end, gap = written[-k:], written[-k - 1 : -k]
        if (
            len(written) >= k + 2
            and end.isascii()
            and end.isdigit()
            and (gap.isspace() or gap in ("-", "\u2010", "\u2011"))
            and written[-k - 2].isalpha()
        ):
            body = written[: -k - 1]
    counted = not (
        any(ch.isdigit() for ch in body) or sum(ch.isalpha() for ch in written) < 2
    ) and bool(_spelling.name_words(written))
    words = _spelling.word_forms(written)
    counted = counted and not (len(words) == 1 and words[0] in canonym.mentions.FUNCTION_WORDS)
    assert usable_name(written) == counted


# -- whether to ask the resolver ---------------------------------------------------------------


def _worth_key_by_key(judge: Judge, text: str) -> bool:
    """The question as it was first written: asked of each key's forms in turn, the forms made
    afresh from the entities the draft has under the key (nothing kept)."""
    keyed = []
    for k in judge.index.keys_of(text, last=True):
        forms = [f for e in judge._context.get(k, ()) for f in judge.index.entity_forms(e)]
        if forms:
            keyed.append(([joined for joined, _ in forms], [folded for _, folded in forms]))
    if not keyed:
        return False
    joined, folded = compact_forms(text)
    return any(
        process.extractOne(joined, joins, score_cutoff=ALIKE) is not None for joins, _ in keyed
    ) or any(
        process.extractOne(folded, folds, scorer=fuzz.token_set_ratio, score_cutoff=ALIKE)
        is not None
        for _, folds in keyed
    )


def _alike_in_one_pass(forms: _consistency._Forms, joined: str, folded: str) -> bool:
    """``_Forms.alike`` as one WRatio question over all the joined forms."""
    if not forms.joins:
        return False
    return (
        process.extractOne(joined, forms.joins, score_cutoff=ALIKE) is not None
        or process.extractOne(folded, forms.folds, scorer=fuzz.token_set_ratio, score_cutoff=ALIKE)
        is not None
    )


def test_the_resolver_question_over_all_keys_answers_as_key_by_key() -> None:
    text = _draft(random.Random(5), 120)
    index = index_for(RESOLVER)
    judge = Judge(text, index, False)
    judge.run(index.scan(text))
    asked = 0
    for name in {m.text for _, m in index.scan(text) if m.entity is None}:
        judge._worth.pop(name, None)
        assert judge._worth_resolving(canonym.mentions.Mention(0, len(name), name, ())) == (
            _worth_key_by_key(judge, name)
        )
        asked += 1
    assert asked > 50


def _judge_of(text: str) -> tuple[NameIndex, Judge, dict[str, tuple[int, Mention]]]:
    """A judge of ``text`` (no mention placed yet), its index, and the draft's table mentions
    by text."""
    index = index_for(RESOLVER)
    judge = Judge(text, index, False)
    known = {m.text: (base, m) for base, m in index.scan(text) if m.entity is not None}
    return index, judge, known


def test_the_forms_kept_under_a_key_take_in_the_entities_that_join() -> None:
    # Sohrab Soleimani is known first, and a spelling is asked: the forms under its keys are
    # made then. Qassem Soleimani joins after; a new spelling alike his name only must then be
    # asked of his forms too: the kept forms take his in, or the answer would be a stale no.
    text = "Sohrab Soleimani spoke. Qassem Soleimani left."
    index, judge, known = _judge_of(text)
    judge._add_known(*known["Sohrab Soleimani"])
    early, late = "Qasem Sulaimani", "Qasim Suleimani"
    assert not judge._worth_resolving(Mention(0, len(early), early, ()))
    assert not _worth_key_by_key(judge, late)
    assert set(index.keys_of(late, last=True)) & set(judge._key_forms)  # forms kept before
    judge._add_known(*known["Qassem Soleimani"])
    assert _worth_key_by_key(judge, late)
    assert judge._worth_resolving(Mention(0, len(late), late, ()))
    # (a spelling is decided once for the draft: the early one stays as it was asked)
    assert not judge._worth_resolving(Mention(0, len(early), early, ()))


def test_a_tie_by_key_waits_for_the_entity_to_join() -> None:
    # A spelling whose key is a table name's is tied once that entity is in the draft: its
    # answer is kept only while no entity joins. One whose key is no table name's (nothing
    # for the key tier to find) is kept for good.
    text = "Iran spoke. Kata'ib Hezbollah left."
    index, judge, known = _judge_of(text)
    judge._add_known(*known["Iran"])
    keyed, unkeyed = Mention(0, 16, "Kataib Hizbollah", ()), Mention(0, 13, "Zorblax Quint", ())
    assert index.key_hits(keyed.text) and not index.key_hits(unkeyed.text)
    assert judge._tie(keyed) is None and judge._tie(unkeyed) is None
    judge._add_known(*known["Kata'ib Hezbollah"])
    assert judge._tie(keyed) == ("kataib-hezbollah", "Kata'ib Hezbollah", "name", "key")
    assert judge._tie(unkeyed) is None
    assert judge._ties[unkeyed.text][0] == -1 and judge._ties[keyed.text][0] == 2


# plain words (as joined class keys are), a few with white space or empty, and folded forms
_JOINED = st.one_of(
    st.text(alphabet="aksmnt", min_size=1, max_size=13),
    st.text(alphabet="akn \t", max_size=6),
)
_FOLDED = st.text(alphabet="akn ", max_size=10)


@st.composite
def _joined_near(draw: st.DrawFn) -> tuple[str, str]:
    """A plain word and another a few edits from it (ratios near the cutoff are common)."""
    word = draw(st.text(alphabet="aksmnt", min_size=1, max_size=13))
    rng = random.Random(draw(st.integers(0, 2**32)))
    other = list(word)
    for _ in range(draw(st.integers(0, 4))):
        at = rng.randrange(len(other) + 1)
        if rng.random() < 0.5 and other:
            del other[min(at, len(other) - 1)]
        else:
            other.insert(at, rng.choice("aksmnt"))
    return word, "".join(other) or "a"


@settings(max_examples=3000, deadline=None)
@given(_joined_near())
def test_wratio_of_two_words_of_near_lengths_is_their_ratio(pair: tuple[str, str]) -> None:
    a, b = pair
    if 2 * max(len(a), len(b)) < 3 * min(len(a), len(b)):
        assert fuzz.WRatio(a, b) == fuzz.ratio(a, b)
        alike = fuzz.WRatio(a, b, score_cutoff=ALIKE) >= ALIKE
        assert alike == (fuzz.ratio(a, b, score_cutoff=ALIKE) >= ALIKE)
    # any two strings: WRatio is never below the ratio
    assert fuzz.WRatio(a, b) >= fuzz.ratio(a, b)


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(_JOINED, _joined_near().map(lambda p: p[0])),
    st.lists(st.tuples(st.one_of(_JOINED, _joined_near().map(lambda p: p[1])), _FOLDED)),
    _FOLDED,
)
def test_the_resolver_question_in_two_passes_answers_as_in_one(
    joined: str, forms: list[tuple[str, str]], folded: str
) -> None:
    made = _consistency._Forms(forms)
    grown = _consistency._Forms()  # the same forms added one by one, as entities join
    for pair in forms:
        grown.add(*pair)
    assert grown.joins == made.joins and grown.folds == made.folds
    assert grown._lengths == made._lengths
    expected = _alike_in_one_pass(made, joined, folded)
    assert made.alike(joined, folded) == grown.alike(joined, folded) == expected


# -- check: the same findings with the shortcuts as without ------------------------------------

_OPENERS = ["The", "In", "Officials", "Residents", "However", "Witnesses", "After"]
_FILLER = "said the officials would meet in a city near the border after talks on".split()


def _table_names() -> list[str]:
    return [n for e in FIXTURE for n in (e.name, *e.spellings, *e.short)]


def _draft(rng: random.Random, sentences: int) -> str:
    """Prose naming table names and made-up ones, some by their leading words or with two words
    run together, a third of the mentions misspelt."""
    known = _table_names()
    syllables = "ba da ka la ma na ra sa ta ha qa kha sha zu ru mi di al ib un".split()
    unknown = [
        " ".join(
            "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()
            for _ in range(rng.randint(1, 2))
        )
        for _ in range(12)
    ]
    out = []
    for _ in range(sentences):
        words = [rng.choice(_OPENERS)] + [rng.choice(_FILLER) for _ in range(rng.randint(5, 12))]
        for _ in range(rng.randint(1, 2)):
            name = rng.choice(known if rng.random() < 0.6 else unknown)
            words = name.split()
            if len(words) > 1 and rng.random() < 0.25:
                # a reference by leading words (Qassem of Qassem Soleimani), or two words
                # written as one (Deng Xiao Ping / Deng Xiaoping)
                cut = rng.randrange(1, len(words))
                joined = [*words[: cut - 1], words[cut - 1] + words[cut].lower(), *words[cut + 1 :]]
                name = " ".join(words[:cut]) if rng.random() < 0.5 else " ".join(joined)
            if rng.random() < 0.35:
                i = rng.randrange(len(name))
                name = (
                    name[:i] + rng.choice("aeiouqkhy") + name[i + 1 :]
                    if name[i].islower()
                    else name
                )
            words.insert(rng.randint(1, len(words)), name + ("'s" if rng.random() < 0.1 else ""))
        out.append(" ".join(words) + ".")
    return " ".join(out)


@contextmanager
def _without_shortcuts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The rules without the exact shortcuts: every candidate compared in full."""
    caches = [_spelling.word_close, _spelling.compare]
    for cache in caches:
        cache.cache_clear()

    def every_candidate(
        self: _consistency._FormIndex, written: str
    ) -> Iterator[tuple[str, _consistency._Group, _spelling.Shape]]:
        for k in lookup_keys(written):
            for form, group in self._by_key.get(k, ()):
                yield form, group, shape(form)

    def asked_again(self: Judge, m: Mention) -> tuple[str, str, str, str] | None:
        self._ties.pop(m.text, None)
        return tie(self, m)

    tie = Judge._tie
    with monkeypatch.context() as patched:
        patched.setattr(_consistency, "may_relate", lambda u, f: True)
        patched.setattr(_consistency._FormIndex, "candidates", every_candidate)
        patched.setattr(_consistency, "relation", lambda u, f, su, sf: _compare_or_joined(u, f))
        patched.setattr(_spelling, "within_reach", lambda a, b, limit: True)
        patched.setattr(_consistency._Forms, "alike", _alike_in_one_pass)
        patched.setattr(Judge, "_alike_a_known_name", _worth_key_by_key)
        patched.setattr(Judge, "_tie", asked_again)
        yield
    for cache in caches:
        cache.cache_clear()


def _fresh(resolver: canonym.Resolver, text: str, variants: bool) -> list[Finding]:
    index = index_for(resolver)
    index._runs.clear()
    index._resolved.clear()
    return check(text, table=resolver, variants=variants)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("table", ["fixture", "empty"])
def test_check_finds_the_same_with_and_without_the_shortcuts(
    seed: int, table: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolver = RESOLVER if table == "fixture" else canonym.Resolver(canonym.AliasTable())
    text = _draft(random.Random(seed), 150)
    for variants in (False, True):
        fast = _fresh(resolver, text, variants)
        with _without_shortcuts(monkeypatch):
            slow = _fresh(resolver, text, variants)
        assert fast == slow
    assert table == "empty" or fast  # the drafts do have findings


# -- line starts -------------------------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab\n\r \t\u2028", max_size=40))
def test_line_starts_are_those_of_the_line_break_rule(text: str) -> None:
    expected = [0, *(b.end() for b in _consistency._LINE_BREAK.finditer(text))]
    assert _consistency._line_starts(text) == expected
