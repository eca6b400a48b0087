"""canonym.check: the exact shortcuts of the word rules decide what the rules decide.

The rigid-letter bound (``canonym._bounded``) never turns away two words within the limit of
``word_close``; ``may_relate`` never turns away two spellings that ``compare`` or
``joined_equal`` would relate; the question of whether to ask the resolver, put once over the
forms of all the keys of a mention, answers as it did key by key; and ``check`` finds the very
same findings with the shortcuts as without them.
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
from canonym._spelling import compare, joined_equal, may_relate, shape, word_close
from canonym.check import check
from canonym.keys import orth
from canonym.mentions import compact_forms, index_for
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


# -- whether to ask the resolver ---------------------------------------------------------------


def _worth_key_by_key(judge: Judge, text: str) -> bool:
    """The question as it was first written: asked of each key's forms in turn."""
    keyed = [judge._forms_under(k) for k in judge.index.keys_of(text, last=True)]
    keyed = [(joins, folds) for joins, folds in keyed if joins or folds]
    if not keyed:
        return False
    joined, folded = compact_forms(text)
    return any(
        process.extractOne(joined, joins, score_cutoff=_spelling.ALIKE) is not None
        for joins, _ in keyed
        if joins
    ) or any(
        process.extractOne(folded, folds, scorer=fuzz.token_set_ratio, score_cutoff=_spelling.ALIKE)
        is not None
        for _, folds in keyed
        if folds
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
    with monkeypatch.context() as patched:
        patched.setattr(_consistency, "may_relate", lambda u, f: True)
        patched.setattr(_spelling, "within_reach", lambda a, b, limit: True)
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
