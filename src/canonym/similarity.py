"""Transliteration-aware similarity of words and whole names.

Words are compared on their :func:`canonym.keys.orth` form with a weighted edit distance in the
spirit of Editex (Zobel & Dart 1996): a substitution inside an equivalence class of
``transliteration.md`` (q~k~g, kh~h, dh~z~d, a~e~i, o~u ...) costs little, dropping a vowel or an
``h`` costs less than dropping a consonant, and adding a vowel at the end of a word costs a whole
edit (the nisba: Hussein/Husseini, Abbas/Abbasi). Names are compared as token sets with roles:
a word that one side lacks costs according to its role, different given names cost a lot, and a
designator (Street, Port, Oblast) makes the names different entities.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ._designators import place_designator
from ._korean import KOREAN_FAMILY_NAMES, korean_names_alike, korean_syllables_differ
from ._name_words import name_of
from ._ordinals import ORDINALS
from .keys import orth, token_key
from .parse import (
    EAST_ASIAN_FAMILY_NAMES,
    EAST_ASIAN_GIVEN,
    NameToken,
    ParsedName,
    reads_family_first,
)

__all__ = ["NameScore", "score_names", "syllables_apart", "word_similarity"]

_VOWELS = frozenset("aeiouy")

# Substitution costs inside equivalence classes (symmetric); anything else costs 1.
_PAIR_COSTS: dict[frozenset[str], float] = {}


def _pairs(cost: float, *pairs: str) -> None:
    for pair in pairs:
        _PAIR_COSTS[frozenset(pair)] = cost


_pairs(0.1, "iy")
_pairs(0.15, "qk", "GH")
_pairs(0.2, "ou", "qG", "Gg", "Hh", "Dd", "Tt", "Zj", "vf", "Dz")
_pairs(0.3, "ae", "ei", "qg", "HC", "CS", "DT", "jy", "uv", "ZS", "Zz", "kc")
_pairs(0.35, "kg", "dz", "zs", "GK", "jg", "Sx", "Hx")
# h~g: Ukrainian г is h where Russian writes g (Holub/Golub, Hennadiy/Gennadiy), and Russian
# writes a foreign h as g (Гусейн Gusein for Hussein). ch~j: Korean ㅈ is ch in McCune-Reischauer
# and j in the Revised Romanization (Kim Chong-il, Kim Jong Il), and Arabic writes the ch of a
# Persian or Turkish name as j (Chalabi, Jalabi).
_pairs(0.4, "kH", "Ss", "Cc", "cs", "cz", "dt", "Ts", "bp", "Hk", "fp", "hg", "Cj")
_pairs(0.5, "vb", "kx", "Sz", "Gk")
# Vowels of different classes: a real difference (Hamid/Hamad, Hussein/Hassan, Mosul/Mosel).
_pairs(0.7, "oa", "ua", "ai", "io", "iu", "eo", "eu")

# A word's last letter c or q: French spellings of Arabic names end the q sound in c (Rafic,
# Wafic, Toufic for Rafiq, Wafiq, Tawfiq), as c and k and k and q are alike. Only at the end:
# inside a word French writes qu, and c against q there meets other names (Marcos, Marquez).
_FINAL_C_Q = frozenset(("cq", "qc"))
_FINAL_C_Q_COST = 0.3

_INDEL_VOWEL = 0.45
# Two adjacent letters swapped: a typing slip, one edit rather than two (Hussien/Hussein,
# Brein/Brien). It passes the five-letter cap below but not the four-letter one: Iarn is not
# taken for Iran, nor Hmaa for Hama.
_TRANSPOSITION = 0.45  # as much as a dropped vowel
# The i/y glide of a diphthong (ei, ey, ai, ay) is written or left out from one romanisation to
# the next (Soleimani/Solemani, Hussein/Husen, Sheikh/Shekh); a vowel alone between consonants
# is a syllable, and dropping it is a real change (Solemani/Slemani). Only the glide is cheap: a
# vowel moved across a diphthong is still two edits (Khamenei/Khomeini).
_INDEL_GLIDE = 0.3
_GLIDES = frozenset("iy")
_INDEL_H = 0.5
# A final vowel is a suffix, not a spelling: Hussein/Husseini (nisba), Ali/Alia, Zelensky/Zelenska.
_INDEL_FINAL_VOWEL = 1.5
_INDEL_FINAL_E = 0.6  # French and German mute e: Eltsine/Yeltsin, Poutine/Putin
# A final e after sk is the Slavic adjectival ending (Pokrovske, Ukrainian -ське, is not
# Pokrovsk), no French or German mute e (French writes -sque): it costs as any final vowel.
_NOT_BEFORE_MUTE_E = "sk"
# A short word leaves no room for a real edit: Iran/Iraq, Hamas/Hama, Mahdi/Madi.
_SHORT_WORD = 5
_SHORT_WORD_MAX_DISTANCE = 0.5
_VERY_SHORT_WORD = 4  # acronyms and short names: AMIG/MIG (Ali/Aly stays fine: y~i is 0.1)
_VERY_SHORT_WORD_MAX_DISTANCE = 0.45  # two class substitutions pass (Qom/Ghum), an indel not


def same_first_sound(a: str, b: str) -> bool:
    """Whether two ``orth`` symbols are one letter or a class pair that costs under half an
    edit (q~k, gh~q, kh~ch, o~u, a~e, e~i; not a~o nor h~a)."""
    return _sub_cost(a, b, False) < 0.5


def breaks_opening(query: str, table: str) -> bool:
    """Whether ``orth`` form ``query`` has a vowel as its second letter where ``table`` has a
    consonant: a vowel put into a word's opening makes another first syllable and, in a lone
    word, another word (Karim is not Krim, German for Crimea; Ayman not Amman). The other way
    round is a typing slip, a letter dropped (Mlaysia for Malaysia).

    An initial y before the vowel the other word opens with is a glide, not a consonant
    (Hebrew Yitzhak, Itzhak; Yisrael, Israel), and so is a u before a vowel where the other has
    the v that ``orth`` makes of French ou before a vowel (Nuadibu, Nouadhibou: nvadibu). Nor
    is a vowel swapped with the consonant after it a new syllable but a typing slip (Tiblisi for
    Tbilisi).

    >>> breaks_opening("karim", "krim"), breaks_opening("mlaysia", "malaysia")
    (True, False)
    >>> breaks_opening("yitzhak", "itzhak"), breaks_opening("tiblisi", "tbilisi")
    (False, False)
    """
    if len(query) < 2 or len(table) < 2 or (query[0] == "y" and query[1] == table[0]):
        return False
    if query[1:3] == table[2:0:-1] and query[3:] == table[3:]:
        return False
    if query[1] == "u" and table[1] == "v" and query[2:3] in _VOWELS:
        return False  # a u before a vowel is the w glide, which orth writes v after French ou
    return query[1] in _VOWELS and table[1] not in _VOWELS


def _sub_cost(a: str, b: str, final: bool) -> float:
    if a == b:
        return 0.0
    if final and a + b in _FINAL_C_Q:
        return _FINAL_C_Q_COST
    cost = _PAIR_COSTS.get(frozenset((a, b)), 1.0)
    if final and cost >= 0.5 and a in _VOWELS and b in _VOWELS:
        return _INDEL_FINAL_VOWEL  # a changed ending is another form: Zelensky/Zelenska
    return cost


def _indel_cost(ch: str, final: bool) -> float:
    if ch in _VOWELS:
        if final:
            return _INDEL_FINAL_E if ch == "e" else _INDEL_FINAL_VOWEL
        return _INDEL_VOWEL
    if ch == "h":
        return _INDEL_H
    return 1.0


@lru_cache(maxsize=1 << 16)
def _indel_costs(word: str) -> tuple[float, ...]:
    """The cost of dropping each letter of ``word``, given its neighbours and its position
    (cached: a list of names reuses few words, and every new pair used to recompute both)."""
    costs = [_INDEL.get(ch, 1.0) for ch in word]
    for i, ch in enumerate(word):
        if ch in _GLIDES and (
            (i > 0 and word[i - 1] in _VOWELS) or (i + 1 < len(word) and word[i + 1] in _VOWELS)
        ):
            costs[i] = min(costs[i], _INDEL_GLIDE)
    if len(word) > 1 and word[0] in _GLIDES and word[1] in _VOWELS and word[1] not in _GLIDES:
        # A word-initial y or i before another vowel is no glide but a consonant (Cyrillic я,
        # ю, ё), and leaving it out makes another name: Yana/Ana, Yusuf/Usuf, Yuri/Uri. (Before
        # i it is a way of writing the i: Korean Yi for I, Burmese Yee and Yi.)
        costs[0] = 1.0
    if word:
        costs[-1] = _INDEL_FINAL.get(word[-1], 1.0)
        if word[-1] == "e" and word[-3:-1] == _NOT_BEFORE_MUTE_E:
            costs[-1] = _INDEL_FINAL_VOWEL
    return tuple(costs)


# The cost functions above, tabulated once for every symbol ``orth`` can produce, so that the
# dynamic programme below does dictionary look-ups only (it is the resolver's inner loop).
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789SCHZDTG"
_SUB = {(x, y): _sub_cost(x, y, False) for x in _ALPHABET for y in _ALPHABET}
_SUB_FINAL = {(x, y): _sub_cost(x, y, True) for x in _ALPHABET for y in _ALPHABET}
_INDEL = {x: _indel_cost(x, False) for x in _ALPHABET}
_INDEL_FINAL = {x: _indel_cost(x, True) for x in _ALPHABET}
# The substitution costs by the first letter: one look-up per cell, no pair built (a letter
# outside the alphabet finds no row and every substitution of it costs 1, as in ``_SUB``).
_SUB_ROWS = {x: {y: _SUB[(x, y)] for y in _ALPHABET} for x in _ALPHABET}
_NO_ROW: dict[str, float] = {}


# Belarusian writes the unstressed o of a surname's ending as it sounds, a: -ka for the -ko of
# Russian and Ukrainian (Lukashenka, Lukashenko; Latushka, Latushko). Only in words this long,
# both of them (the distance is symmetric): in shorter ones the two are a man's and a woman's
# given names (Mirko, Mirka; Ivanko, Ivanka).
_KA_KO = frozenset(("ao", "oa"))
_KA_KO_WORD = 7

# The most cells the weighted edit distance fills: two words of 64 letters (a name of a few
# words run together is under that).
_LARGEST_TABLE = 64 * 64


def orth_distance(a: str, b: str) -> float:
    """Weighted edit distance between two ``orth`` forms (Wagner-Fischer, tabulated costs).

    The distance is symmetric (every cost is, and the recurrence of ``(b, a)`` is the mirror
    image of that of ``(a, b)``, adding the same numbers in the same order), so one cache entry
    serves both orders.
    """
    if a == b:
        return 0.0
    return _distance(a, b) if a < b else _distance(b, a)


@lru_cache(maxsize=1 << 18)
def _distance(a: str, b: str) -> float:
    la, lb = len(a), len(b)
    if la * lb > _LARGEST_TABLE:
        # Words far longer than a name's (a pasted blob): the plain edit distance, in C. The
        # weighted one below, in Python, costs a cell per pair of letters: seconds for two
        # words of a few thousand letters.
        return float(Levenshtein.distance(a, b))
    b_indel = _indel_costs(b)
    a_indel = _indel_costs(a)
    # Row 0: dropping b's letters one by one, the last one at its word-final cost.
    prev = [0.0]
    total = 0.0
    for cost in b_indel:
        total = total + cost
        prev.append(total)
    before = prev  # the row above ``prev``: for transpositions
    last_a, last_b = la - 1, lb - 1
    previous = ""  # a[i - 1]
    for i in range(la):
        ca = a[i]
        a_cost = a_indel[i]
        row = _SUB_ROWS.get(ca, _NO_ROW)
        left = prev[0] + a_cost
        cur = [left]
        # Two neighbours typed in the wrong order (Hussien/Hussein, Brein/Brien); not at the
        # end of a word, whose last letter is a suffix (Husein/Huseini stays apart), nor at its
        # start, where a swap makes another name of one root (Ahmad/Hamad, Ahmed/Hamed). The
        # cheap C test on the row first: such a swap is rare.
        if 1 < i < last_a and previous != ca and (ca + previous) in b:
            for j in range(lb):
                cb = b[j]
                diag = prev[j] if ca == cb else prev[j] + row.get(cb, 1.0)
                if 1 < j < last_b and ca == b[j - 1] and cb == previous:
                    swapped = before[j - 1] + _TRANSPOSITION
                    if swapped < diag:
                        diag = swapped
                up = prev[j + 1] + a_cost
                if up < diag:
                    diag = up
                side = left + b_indel[j]
                left = side if side < diag else diag
                cur.append(left)
        elif i == last_a:
            for j in range(lb):
                cb = b[j]
                if ca == cb:
                    diag = prev[j]
                elif j == last_b:
                    # The last letters of both words: a changed ending costs as a suffix, but
                    # for Belarusian -ka, Russian and Ukrainian -ko (Lukashenka, Latushka),
                    # a surname's ending that no gender changes.
                    if (
                        previous == "k" == b[j - 1]
                        and ca + cb in _KA_KO
                        and la >= _KA_KO_WORD <= lb
                    ):
                        diag = prev[j] + row.get(cb, 1.0)
                    else:
                        diag = prev[j] + _SUB_FINAL.get((ca, cb), 1.0)
                    if (
                        i > 1
                        and j > 1
                        and ca == b[j - 1]
                        and cb == previous
                        and ca not in _VOWELS
                        and cb not in _VOWELS
                    ):
                        # The last two letters swapped, both consonants: a slip (Holdign,
                        # Robetr); a vowel there is a suffix (Fadi/Faid are two names).
                        swapped = before[j - 1] + _TRANSPOSITION
                        if swapped < diag:
                            diag = swapped
                else:
                    diag = prev[j] + row.get(cb, 1.0)
                up = prev[j + 1] + a_cost
                if up < diag:
                    diag = up
                side = left + b_indel[j]
                left = side if side < diag else diag
                cur.append(left)
        else:
            for j in range(lb):
                cb = b[j]
                diag = prev[j] if ca == cb else prev[j] + row.get(cb, 1.0)
                up = prev[j + 1] + a_cost
                if up < diag:
                    diag = up
                side = left + b_indel[j]
                left = side if side < diag else diag
                cur.append(left)
        before, prev = prev, cur
        previous = ca
    return prev[lb]


# Second halves of Arabic, Persian and Pashto compound names that are often left off or written
# apart: Siraj(uddin), Hibat(ullah), Ahmadi(nejad) is NOT one (nejad is not here), Akhund(zada) is
# not either (Akhund is a name of its own), so only the religious compounds are listed.
_COMPOUND_TAIL = regex.compile(r"(?:ud|ad|ed|u|a|e)?din$|(?:ul|ol|al|u|o|a)?l+ah?$")
_COMPOUND_TAIL_SIMILARITY = 0.88
_UNRELATED_KEY_RATIO = 50
_JOINED_PREFILTER = 80


@lru_cache(maxsize=1 << 16)
def _tail_stripped(word: str) -> str:  # cached: each new word pair would run the regex twice
    stripped = _COMPOUND_TAIL.sub("", word)
    return stripped if len(stripped) >= 3 else word


class _WordInfo(NamedTuple):
    """What :func:`word_similarity` reads of one word, computed once per word."""

    orth: str
    key: str
    tail_orth: str | None  # the orth form without a compound tail, None if it has none
    length: int
    listed: tuple[int, int] | None  # the curated name it spells (aliases/name-words/), if any


@lru_cache(maxsize=1 << 16)
def _word_info(word: str) -> _WordInfo:
    stripped = _tail_stripped(word)
    form = orth(word)
    return _WordInfo(
        form,
        token_key(word),
        None if stripped == word else orth(stripped),
        len(word),
        name_of(form),
    )


def word_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two folded words, transliteration-aware.

    >>> round(word_similarity("soleimani", "soleymani"), 2)
    1.0
    >>> word_similarity("qasem", "ghasem") > 0.9 > word_similarity("qasim", "jasim")
    True
    >>> word_similarity("iran", "iraq") < 0.8 and word_similarity("hamas", "hama") < 0.85
    True
    """
    # Symmetric (see orth_distance): one cache entry serves both orders.
    return _word_similarity(a, b) if a <= b else _word_similarity(b, a)


@lru_cache(maxsize=1 << 18)
def _word_similarity(a: str, b: str) -> float:
    ia, ib = _word_info(a), _word_info(b)
    if ia.orth == ib.orth:
        return 1.0
    if (a[:2] == "je") != (b[:2] == "je"):
        # orth reads an initial Je as the Cyrillic е (Jelzin, Yeltsin); in English, Arabic and
        # Persian spellings it is a j and a vowel (Jeddah, Jiddah; Jenin; Jezira, Jazira). Both
        # readings are tried, the better kept.
        return max(_listed_or_rules(a, b, ia, ib), _listed_or_rules(a, b, *_with_j(a, b, ia, ib)))
    return _listed_or_rules(a, b, ia, ib)


def article_l_apart(a: str, b: str) -> bool:
    """Whether two words governed by ʿAbd differ by an opening l alone: the l of the article
    between them (Abd al-Latif, Abdellatif), which spellings write once or twice (Abdelatif,
    Abdellilah) and parse gives to the word when doubled. The words that ʿAbd governs are
    divine names, none of which is another with an l before it.

    >>> article_l_apart("latif", "atif"), article_l_apart("ilah", "lilah")
    (True, True)
    >>> article_l_apart("ali", "li")
    False
    """
    return a == "l" + b or b == "l" + a


# Words of an ʿAbd compound apart by the article's l (see article_l_apart): a doubled letter.
_ARTICLE_L_SIMILARITY = 0.95


def readings(word: str) -> tuple[str, ...]:
    """The ``orth`` forms of a folded word: one, or two for a word that opens with je (read as
    the Cyrillic е, and as a j and a vowel: see _word_similarity).

    >>> readings("jeddah"), readings("yeltsin")
    (('eda', 'jeda'), ('elsin',))
    """
    if word[:2] == "je":
        return orth(word), _j_kept(word).orth
    return (orth(word),)


def _with_j(a: str, b: str, ia: _WordInfo, ib: _WordInfo) -> tuple[_WordInfo, _WordInfo]:
    """The word infos ``ia`` and ``ib`` of ``a`` and ``b``, the one of the word that opens with
    je read with its j."""
    if a[:2] == "je":
        return _j_kept(a), ib
    return ia, _j_kept(b)


@lru_cache(maxsize=1 << 12)
def _j_kept(word: str) -> _WordInfo:
    """:func:`_word_info` of a word that opens with je, its j read as a j."""
    info = _word_info(word[1:])
    tail = None if info.tail_orth is None else "j" + info.tail_orth
    return _WordInfo("j" + info.orth, "j" + info.key, tail, len(word), None)


def _listed_or_rules(a: str, b: str, ia: _WordInfo, ib: _WordInfo) -> float:
    if ia.orth == ib.orth:
        return 1.0
    listed = ia.listed
    if listed is not None and ib.listed is not None and ib.listed[0] == listed[0]:
        if ib.listed != listed:
            return _DISTINCT_NAMES  # a curated list's two names (Hamid, Hamed)
        # A curated list's one name: as alike as a variant, or as the rules find (Ghasem, Qassem).
        return max(_LISTED_SPELLING, _rule_similarity(a, b, ia, ib))
    return _rule_similarity(a, b, ia, ib)


def _rule_similarity(a: str, b: str, ia: _WordInfo, ib: _WordInfo) -> float:
    """:func:`_word_similarity` by the rules alone, for words of different ``orth`` forms."""
    oa, ob = ia.orth, ib.orth
    # (The two openings tested here first: this is the inner loop, and few words open so.)
    if (a[:2] in _FUSED_ARTICLES or b[:2] in _FUSED_ARTICLES) and article_fused_apart(a, b):
        return _FUSED_ARTICLE_SIMILARITY
    # Words whose class keys share little are different words; skip the dynamic programme (on
    # real name words no pair under this ratio scores above 0.7, where nothing is accepted).
    if fuzz.ratio(ia.key, ib.key) < _UNRELATED_KEY_RATIO:
        return 0.0
    ta, tb = ia.tail_orth, ib.tail_orth
    if (ta is None) != (tb is None) and (oa if ta is None else ta) == (ob if tb is None else tb):
        return _COMPOUND_TAIL_SIMILARITY  # Siraj Haqqani for Sirajuddin Haqqani
    longest = max(len(oa), len(ob))
    dist = _distance(oa, ob) if oa < ob else _distance(ob, oa)
    if dist > _TRANSPOSITION and _swapped_neighbours(a, b):
        # Two neighbours typed in the wrong order are one slip, whatever ``orth`` makes of the
        # letters after: beside a doubled letter (Tlelo/Tello) the collapse of the double turns
        # the swap into a dropped and an added letter, two edits, on the words as typed.
        dist = _TRANSPOSITION
    elif dist > _INDEL_VOWEL and _vowel_between_digraph_letters(a, b):
        dist = _INDEL_VOWEL
    sim = max(0.0, 1.0 - dist / longest)
    if _feminine_of(oa, ob):
        return min(sim, _CONFLICT_CAP)
    if _adherent_of(a, b) or _j_suffix_of(a, b):
        return min(sim, _DISTINCT_NAMES)
    if sim > _DISTINCT_NAMES and _compound_tails_apart(a, b):
        return _DISTINCT_NAMES
    if _south_slavic_ic_apart(a, b):
        return max(sim, _SOUTH_SLAVIC_IC_SIMILARITY)
    if _burmese_aspirate_apart(a, b):
        return max(sim, _BURMESE_ASPIRATE_SIMILARITY)
    if ukrainian_neuter_ending(a, b):
        return max(sim, _UKRAINIAN_ENDING_SIMILARITY)
    if hamza_seat_apart(a, b):
        return max(sim, _HAMZA_SEAT_SIMILARITY)
    if diphthong_ow_apart(a, b):
        return max(sim, _DIPHTHONG_OW_SIMILARITY)
    longest_word = max(ia.length, ib.length)
    if (longest_word <= _SHORT_WORD and dist >= _SHORT_WORD_MAX_DISTANCE) or (
        longest_word <= _VERY_SHORT_WORD
        and dist >= _VERY_SHORT_WORD_MAX_DISTANCE
        and not (dist == _TRANSPOSITION and (_vowel_and_consonant_swapped(a, b) or ie_for_ei(a, b)))
    ):
        sim = min(sim, 0.7)
    return sim


def ie_for_ei(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with its ie written ei or its ei written ie, English's own
    slip (Dief, Reik, Sien for Deif, Riek, Sein): no romanisation tells two names so apart.

    >>> ie_for_ei("dief", "deif"), ie_for_ei("riad", "raid")
    (True, False)
    """
    if not _swapped_neighbours(a, b):
        return False
    i = next(k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
    return a[i : i + 2] in _IE_EI  # (the swapped pair itself: aeie, aiee holds both)


_IE_EI = ("ie", "ei")


def _vowel_and_consonant_swapped(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with a vowel and a consonant inside it swapped (Iarn, Qsar, Tnaf
    for Iran, Qasr, Tanf): a slip of the keys, even in a word of four letters, as the swap
    breaks the word's syllables. Two vowels swapped keep them, and often make another name
    (Riad, Raid).

    >>> _vowel_and_consonant_swapped("iarn", "iran"), _vowel_and_consonant_swapped("riad", "raid")
    (True, False)
    """
    if not _swapped_neighbours(a, b):
        return False
    i = next(k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
    return (a[i] in _VOWELS) != (a[i + 1] in _VOWELS)


def ukrainian_neuter_ending(a: str, b: str) -> bool:
    """Whether two folded words are one place's name with the Russian neuter ending -ovo or
    -evo and the Ukrainian -ove or -eve (Mukachevo, Mukacheve; Ivanovo, Ivanove).

    >>> ukrainian_neuter_ending("mukacheve", "mukachevo"), ukrainian_neuter_ending("pavlo", "pavle")
    (True, False)
    """
    return (
        len(a) == len(b) >= _UKRAINIAN_ENDING_WORD
        and a[:-1] == b[:-1]
        and a[-3:-1] in _NEUTER_STEMS
        and {a[-1], b[-1]} == _E_O
    )


_UKRAINIAN_ENDING_WORD = 6
_UKRAINIAN_ENDING_SIMILARITY = 0.9
_NEUTER_STEMS = frozenset(("ov", "ev"))
_E_O = frozenset("eo")


def hamza_seat_apart(a: str, b: str) -> bool:
    """Whether two folded words are one Arabic name whose long a and hamza on a y seat (the
    active participle of a hollow root, fāʾil: نايف, فايز, هايل) one writes ai and the other
    aye or ayi before a consonant: Naif, Nayef, Nayif; Faiz, Fayez; Hail, Hayel.

    >>> hamza_seat_apart("naif", "nayef"), hamza_seat_apart("hayel", "hail")
    (True, True)
    >>> hamza_seat_apart("nair", "nayar"), hamza_seat_apart("nayef", "naife")
    (False, False)
    """
    if len(a) > len(b):
        a, b = b, a
    if len(b) != len(a) + 1:
        return False
    at = b.find("ay")
    while at >= 0:
        end = at + 3
        if (
            b[at + 2 : end] in _HAMZA_VOWELS
            and end < len(b)
            and b[end] not in _VOWELS
            and a == b[:at] + "ai" + b[end:]
        ):
            return True
        at = b.find("ay", at + 1)
    return False


_HAMZA_VOWELS = ("e", "i")
_HAMZA_SEAT_SIMILARITY = 0.9


def diphthong_ow_apart(a: str, b: str) -> bool:
    """Whether two folded words of five letters or more are one Persian or Pashto name whose
    diphthong ow (a waw after a fatha, closing its syllable) one writes ow, as the gazetteers'
    romanisation does, and the other o or ou, as the press does: Khowst, Khost; Fordow, Fordo,
    Fordou; Lowgar, Logar; Nowruz, Noruz. The ow follows a consonant and comes before another
    or ends the word: before a vowel the w opens the next syllable (Nowak is no Noak).

    ``orth`` cannot read it so: German and Polish write the Russian -ov as -ow (Lawrow), so a
    final ow stays a v there, one consonant more than the o.

    >>> diphthong_ow_apart("khowst", "khost"), diphthong_ow_apart("fordow", "fordou")
    (True, True)
    >>> diphthong_ow_apart("nowak", "noak"), diphthong_ow_apart("rowa", "roa")
    (False, False)
    """
    if min(len(a), len(b)) < _DIPHTHONG_OW_WORD or abs(len(a) - len(b)) > 1:
        return False
    return _ow_written_o(a, b) or _ow_written_o(b, a)


def _ow_written_o(ow: str, other: str) -> bool:
    """Whether ``other`` is ``ow`` with one of its diphthongs ow written o or ou."""
    at = ow.find("ow", 1)
    while at >= 0:
        if ow[at - 1] not in _VOWELS and ow[at + 2 : at + 3] not in _OW_OPENS_SYLLABLE:
            head, tail = ow[:at], ow[at + 2 :]
            if other in (head + "o" + tail, head + "ou" + tail):
                return True
        at = ow.find("ow", at + 1)
    return False


_DIPHTHONG_OW_WORD = 5
_DIPHTHONG_OW_SIMILARITY = 0.9
# What after ow makes its w a consonant opening a syllable, or a doubled w (see diphthong_ow_apart).
_OW_OPENS_SYLLABLE = frozenset("aeiouyw")


def _feminine_of(oa: str, ob: str) -> bool:
    """Whether one ``orth`` form is the other, which ends in a consonant, with an a added: the
    feminine of a name (Karimova, Karimov; Mirziyoyeva, Mirziyoyev; Amina, Amin), or another
    name of its own (Ibrahima, the West African name, beside Ibrahim): another person however
    long the words are. A final a is not dropped by a slip of the keys as often as it changes
    who is named.

    >>> _feminine_of("karimova", "karimov"), _feminine_of("amina", "amin")
    (True, True)
    >>> _feminine_of("zelenska", "zelenski"), _feminine_of("fatimah", "fatima")
    (False, False)
    """
    if len(oa) > len(ob):
        oa, ob = ob, oa
    return (
        len(ob) == len(oa) + 1
        and ob[-1] == "a"
        and ob.startswith(oa)
        and len(oa) >= 3
        and oa[-1] not in _VOWELS
    )


def _adherent_of(a: str, b: str) -> bool:
    """Whether one folded word is the other with the English -ist, -ists or -ism added: a word
    of its own, naming an adherent or a doctrine (Nationalist, National; Socialist, Social;
    Federalist, Federal), not a spelling of it: the Nationalist Congress Party is not the
    National Congress Party.

    >>> _adherent_of("nationalist", "national"), _adherent_of("islamism", "islam")
    (True, True)
    >>> _adherent_of("baptist", "bap"), _adherent_of("kristin", "kris")
    (False, False)
    """
    if len(a) < len(b):
        a, b = b, a
    return len(b) >= _ADHERENT_STEM and a.startswith(b) and a[len(b) :] in _ADHERENT_SUFFIXES


_ADHERENT_SUFFIXES = frozenset(("ist", "ists", "ism"))
_ADHERENT_STEM = 4


def _j_suffix_of(a: str, b: str) -> bool:
    """Whether one folded word is the other, which ends in a vowel other than i, with a j
    after it: the Albanian family names in -aj, a family of their own (Hoxhaj and Hoxha,
    Berishaj and Berisha), not a spelling. No romanisation drops the j of a -ay, -ey or -oy
    (Nikolaj, Sergej, Tolstoj are Nikolay, Sergey, Tolstoy, never Nikola, Serge, Tolsto);
    after an i it is the German way of writing the Russian -iy, and may go (Irakli, Iraklij).

    >>> _j_suffix_of("hoxhaj", "hoxha"), _j_suffix_of("iraklij", "irakli")
    (True, False)
    """
    if len(a) < len(b):
        a, b = b, a
    return (
        len(a) == len(b) + 1
        and len(b) >= _J_SUFFIX_STEM
        and a[-1] == "j"
        and a.startswith(b)
        and b[-1] in _J_SUFFIX_VOWELS
    )


_J_SUFFIX_VOWELS = frozenset("aeou")
_J_SUFFIX_STEM = 3


def _compound_tails_apart(a: str, b: str) -> bool:
    """Whether two folded words are compound given names of one head and two other names
    after it: ʿAbd and a divine name (Abdulrahman, Abdulrahim; Abdelkader, Abdelkarim) or
    Muhammad, as the Caucasus and Central Asia join it to a second name (Magomedali,
    Magomedsalam; Muhammadali, Muhammadsalih). The shared head makes the letters alike, the
    names are two. Each second name must be of three letters or more (Abdulla is Abdullah),
    and the two more than an edit and a half apart on the weighted edit distance (Abdelkader,
    Abdulqadir are one name; Muhammadjon, Muhammadjan, a suffix of affection written two ways,
    too; Abdulazz is Abdulaziz misspelt).

    >>> _compound_tails_apart("magomedali", "magomedsalam")
    True
    >>> _compound_tails_apart("abdelkader", "abdulqadir")
    False
    >>> _compound_tails_apart("abdusalam", "abdulsalam")
    False
    """
    tails_a, tails_b = _compound_tails(a), _compound_tails(b)
    if not tails_a or not tails_b:
        return False
    if min(map(len, tails_a + tails_b)) < _COMPOUND_TAIL_LETTERS:
        return False
    return all(
        orth_distance(orth(x), orth(y)) > _COMPOUND_TAILS_APART for x in tails_a for y in tails_b
    )


def _compound_tails(word: str) -> tuple[str, ...]:
    """The second name of a compound after its longest head (none: no head), and also, after
    ʿAbd and the article assimilated to a sun letter, that letter and the rest (Abdusalam is
    Abd as-Salam, its s written once: salam or alam)."""
    for size in range(min(len(word), _LONGEST_HEAD), 2, -1):
        head = word[:size]
        if head in _COMPOUND_HEADS:
            tail = word[size:]
            if size > _BARE_ABD and head.startswith("abd") and not head.endswith("l"):
                return (tail, head[_BARE_ABD + 1 :] + tail)
            return (tail,)
    return ()


# The heads of compound given names (see _compound_tails_apart): ʿAbd, alone and with the
# article in each spelling of it, its l assimilated to a sun letter (Abdul, Abdel, Abdur,
# Abdus, Abdush ...; the letter doubled is left to the name: Abdurrahman), and Muhammad in the
# spellings that join it to a second name (Magomedali in the Caucasus, Muhammadjon, Mamedali).
_COMPOUND_HEADS = frozenset(
    ["abd"]
    + [f"abd{v}{c}" for v in "aeiou" for c in ("l", "r", "s", "sh", "n", "d", "t", "z")]
    + """muhammad muhamad muhammed muhamed mohammad mohamad mohammed mohamed mukhammad
    mukhamad mukhammed mukhamed magomed maghomed mamed mahomed""".split()
)
_LONGEST_HEAD = max(map(len, _COMPOUND_HEADS))
_COMPOUND_TAIL_LETTERS = 3
# More apart than a changed final vowel costs (an edit and a half): two names, not one name
# misspelt (Aziz, Azz: a dropped vowel, 1.45; Rahman, Rahim: 1.9).
_COMPOUND_TAILS_APART = 1.5
_BARE_ABD = 3


def _south_slavic_ic_apart(a: str, b: str) -> bool:
    """Whether two folded words are one South Slavic surname in -ić (-ič), written once as
    the name's own Latin alphabet writes it without its marks (Dačić: Dacic) and once from its
    sound, as Russian, English or French write it (Dachich, Datchitch; Vuchich, Voutchitch):
    č and ć as c, ch, tch or tsch, c (ц) as c or ts, ž as z or zh, š as s or sh, j as j or y.
    Only a pair of one -ic and one -ich (-itch) word: elsewhere a c is no č, and ch no c.

    >>> _south_slavic_ic_apart("dacic", "datchitch"), _south_slavic_ic_apart("vucic", "vuchich")
    (True, True)
    >>> _south_slavic_ic_apart("dacic", "dacich"), _south_slavic_ic_apart("tadic", "dadich")
    (True, False)
    """
    if len(a) > len(b):
        a, b = b, a
    if not (a.endswith("ic") and (b.endswith("ich") or b.endswith("itch"))):
        return False
    return _as_south_slavic(a) == _as_south_slavic(b)


def _as_south_slavic(word: str) -> str:
    """A folded word with the English, French and German spellings of South Slavic sounds
    written as the language writes them, less its marks (see _south_slavic_ic_apart)."""
    for spelt, letter in _SOUTH_SLAVIC_SPELLINGS:
        word = word.replace(spelt, letter)
    return word


# (longest first: tsch before tch before ch)
_SOUTH_SLAVIC_SPELLINGS = (
    ("tsch", "c"),
    ("tch", "c"),
    ("ch", "c"),
    ("ts", "c"),
    ("zh", "z"),
    ("sh", "s"),
    ("ou", "u"),
    ("y", "j"),
)
_SOUTH_SLAVIC_IC_SIMILARITY = 0.95


def _burmese_aspirate_apart(a: str, b: str) -> bool:
    """Whether two folded words are one Burmese syllable whose aspirated t (ထ) one writes ht
    and the other t: Htun, Tun; Htay, Tay; Htin, Tin. No other language's word opens with ht.

    >>> _burmese_aspirate_apart("htun", "tun"), _burmese_aspirate_apart("hotan", "tan")
    (True, False)
    """
    if len(a) < len(b):
        a, b = b, a
    return a[:2] == "ht" and a[1:] == b and b[1:2] != "h"


_BURMESE_ASPIRATE_SIMILARITY = 0.9


# The Arabic article written joined to the word it governs (Elalamy, ElBaradei, Elkhatib),
# where another spelling sets it apart (El Alamy, el-Baradei: parse drops it) or leaves
# it out (Alami). Only before a word of five letters or more, opening as an Arabic word does in
# Latin letters (a vowel, a consonant and a vowel, or a digraph: kh, sh, th, dh, gh): a shorter
# or consonant-cluster tail makes the two another pair of names (Elmira, Mira; Albright, Bright).
_FUSED_ARTICLES = frozenset(("al", "el"))
_FUSED_ARTICLE_TAIL = 5
_ARABIC_DIGRAPHS = frozenset(("kh", "sh", "th", "dh", "gh"))
_FUSED_ARTICLE_SIMILARITY = 0.92


def article_fused_apart(a: str, b: str) -> bool:
    """Whether one of two folded words is the other with the Arabic article joined to it.

    >>> article_fused_apart("elalamy", "alami"), article_fused_apart("elbaradei", "baradei")
    (True, True)
    >>> article_fused_apart("albright", "bright"), article_fused_apart("elmira", "mira")
    (False, False)
    """
    if len(a) < len(b):
        a, b = b, a
    tail = a[2:]
    if a[:2] not in _FUSED_ARTICLES or len(tail) < _FUSED_ARTICLE_TAIL:
        return False
    if tail[0] not in _VOWELS and tail[1] not in _VOWELS and tail[:2] not in _ARABIC_DIGRAPHS:
        return False
    return orth(tail) == orth(b)


# Two consonants that ``orth`` reads as one sound when they meet (see keys._DIGRAPHS), and the
# shortest word in which a vowel dropped from between them is a slip: in a shorter one, or next
# to the first two or last two letters, it is often another name (Chen, Cohen; Marks, Markus;
# Nazha, Naziha).
_DIGRAPH_PAIRS = frozenset("sz cz sh ch zh dj kh gh dh ks th ph ts tz ck".split())
_VOWEL_BETWEEN_DIGRAPH_WORD = 8


def _vowel_between_digraph_letters(a: str, b: str) -> bool:
    """Whether one of two words is the other with an inner vowel dropped from between two
    consonants that then meet as one sound in ``orth``: Tajikstan (k s read as x) for
    Tajikistan. It is one dropped vowel, as the words are typed, which ``orth`` would
    otherwise count as a vowel and a consonant changed.

    >>> _vowel_between_digraph_letters("tajikstan", "tajikistan")
    True
    >>> _vowel_between_digraph_letters("chen", "cohen")
    False
    """
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) != len(short) + 1 or len(long_) < _VOWEL_BETWEEN_DIGRAPH_WORD:
        return False
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return (
        1 < i < len(short) - 1
        and long_[i] in _VOWELS
        and short[i - 1 : i + 1] in _DIGRAPH_PAIRS
        and short[i:] == long_[i + 1 :]
    )


def _swapped_neighbours(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two different neighbouring letters swapped, not the first
    letter, nor the last unless both letters are consonants.

    The last letter is left out as in :func:`orth_distance`: a vowel there is a suffix (Fadi,
    Faid), while two consonants swapped at the end are a slip (Holdign, Robetr). The first is
    left out because a swap there makes another name of one root, not a slip: Ahmad/Hamad and
    Ahmed/Hamed (ḥ-m-d) are different names.
    """
    if len(a) != len(b) or len(a) < 3:
        return False
    i = 0
    while a[i] == b[i]:
        i += 1
        if i == len(a):
            return False
    return (
        i > 0
        and (i + 2 < len(a) or (i + 2 == len(a) and ending_swap_is_slip(a[i], a[i + 1], len(a))))
        and a[i] != a[i + 1]
        and a[i] == b[i + 1]
        and a[i + 1] == b[i]
        and a[i + 2 :] == b[i + 2 :]
    )


def ending_swap_is_slip(x: str, y: str, length: int) -> bool:
    """Whether a word's last two letters ``x`` and ``y``, swapped, are a typing slip: both
    consonants (Holdign, Robetr), or both vowels in a word of five letters or more (Macua,
    Xinhau, Enlia for Macau, Xinhua, Enlai), or a vowel other than i and a consonant in a
    word of six letters or more (Abadna, Khorgo, Babacna for Abadan, Khorog, Babacan). In a
    shorter word a vowel and a consonant there are another ending, and often another name
    (Fadi, Faid; Hasan, Hasna; Kamal, Kamla; Marco, Maroc), and at any length an i is the
    nisba (Hashim, Hashmi; Hamid, Hamdi); so are two vowels in a shorter word (Liu, Lui; Zhou,
    Zhuo). (Not y, a glide: Tanya, Tanay.)

    >>> ending_swap_is_slip("g", "n", 7), ending_swap_is_slip("u", "a", 6)
    (True, True)
    >>> ending_swap_is_slip("a", "n", 6), ending_swap_is_slip("g", "o", 6)
    (True, True)
    >>> ending_swap_is_slip("i", "d", 5), ending_swap_is_slip("o", "u", 4)
    (False, False)
    >>> ending_swap_is_slip("i", "m", 6), ending_swap_is_slip("a", "n", 5)
    (False, False)
    """
    if x in _VOWELS and y in _VOWELS:
        return length >= _ENDING_VOWEL_SWAP_WORD and x in _PURE_VOWELS and y in _PURE_VOWELS
    if x in _VOWELS or y in _VOWELS:
        return length >= _ENDING_VOWEL_CONSONANT_SWAP_WORD and (x in _SWAPPABLE or y in _SWAPPABLE)
    return True


_ENDING_VOWEL_SWAP_WORD = 5
_ENDING_VOWEL_CONSONANT_SWAP_WORD = 6
_PURE_VOWELS = frozenset("aeiou")
_SWAPPABLE = frozenset("aeou")  # (not i, the nisba, nor y)


def _initial_of(x: NameToken, y: NameToken) -> bool:
    """Whether one of two given names of a person is the initial of the other (Tarek W. Saab,
    Tarek William Saab; George W. Bush): a middle initial stands for a name of its letter.
    (``score_names`` pairs them only in the same place of both names: Oluwole A. Ogungbuyi is
    not Abeni O. Ogungbuyi, each initial the other's first name.)

    >>> from canonym.parse import NameToken
    >>> _initial_of(NameToken("w", "given", ""), NameToken("william", "given", ""))
    True
    >>> _initial_of(NameToken("w", "given", ""), NameToken("saab", "family", ""))
    False
    """
    short, long = (x, y) if len(x.text) < len(y.text) else (y, x)
    return (
        len(short.text) == 1
        and len(long.text) > 1
        and long.text[0] == short.text
        and short.role == long.role == "given"
        and not short.particle
        and not long.particle
    )


# A middle initial paired with a given name of its letter (see _initial_of): near, not the same.
_INITIAL_SIMILARITY = 0.9


def _weight(token: NameToken) -> float:
    return (_GENERIC_WEIGHTS if token.role == "generic" else _WEIGHTS)[min(len(token.text), 10)]


# A word weighs its length, from 3 to 10 letters; a generic word (a legal form, "of") 0.3 of it.
_WEIGHTS = [float(max(3, n)) for n in range(11)]
_GENERIC_WEIGHTS = [w * 0.3 for w in _WEIGHTS]


@dataclass(frozen=True)
class NameScore:
    """The outcome of comparing two parsed names, with the reasons."""

    score: float
    pairs: tuple[tuple[NameToken, NameToken, float], ...] = ()
    query_only: tuple[NameToken, ...] = ()
    alias_only: tuple[NameToken, ...] = ()
    partial: bool = False
    joined: bool = False
    notes: tuple[str, ...] = field(default=())


_UNMATCHED_ALIAS_FACTOR = 0.5
_UNMATCHED_MIDDLE_FACTOR = 0.2
# A query's word read as a middle name (see _middle_names_aside, _ancestors_aside, _tribe_aside)
# costs a tenth of its weight: a full name gives a person's middle names, and the two that a
# name of two words may take (the father's and the grandfather's: Omar Hassan Ahmad al-Bashir,
# Omar al-Bashir) then leave it above the resolver's threshold, as 0.2 did not.
_QUERY_MIDDLE_FACTOR = 0.1
_UNMATCHED_ROLE_FACTOR = {
    "patronymic": 0.15,
    "suffix": 0.1,
    "generic": 0.2,
    "ancestor": _QUERY_MIDDLE_FACTOR,
    "middle": _QUERY_MIDDLE_FACTOR,
}
# Roles whose words identify the bearer; an unmatched one on each side is a conflict.
_IDENTIFYING = frozenset({"given", "family"})
# Below this, two family names are two families: Rajabi/Razavi, Fursenko/Kurchenko.
_FAMILY_FLOOR = 0.82
_CONFLICT_CAP = 0.7
# A Korean name in another romanisation: as sure as a transliteration key (see _korean.py).
_KOREAN_SPELLING = 0.95
_WEAK_PAIR = 0.75
_PAIR_FLOOR = 0.55  # two words less alike than this are not paired at all
_SAME_WORD = 0.85  # two words this alike are one word, misspelt or not (Al Qaeda: 0.79)
# Two words governed by ʿAbd less alike than this are two divine names (see score_names): the
# names' own spellings score 0.83 and more (Munhim, Menhem), two names up to 0.77 (Khaliq,
# Malik), and 0.68 for Rahman and Rahim.
_DIVINE_NAME_SPELLING = 0.8
# Two spellings of one name, or two names, of a curated group (aliases/name-words/names.toml):
# as alike as a transliteration variant; never paired.
_LISTED_SPELLING = 0.95
_DISTINCT_NAMES = 0.5


def score_names(q: ParsedName, a: ParsedName, *, kind: str | None = None) -> NameScore:
    """Score how well name ``q`` matches name ``a`` (asymmetric only in how omissions cost).

    ``kind`` is the kind of entity ``a`` names, when known: only a person's name may lose a
    middle word cheaply (a middle name); an organisation's middle word is part of its identity.

    >>> from canonym.parse import parse
    >>> score_names(parse("Ghasem Soleymani"), parse("Qassem Soleimani")).score > 0.9
    True
    >>> score_names(parse("Sohrab Soleimani"), parse("Qassem Soleimani")).score < 0.7
    True

    A Chinese or Korean given name is one name, not a given and a middle name:

    >>> round(score_names(parse("Kim Jong"), parse("Kim Yo Jong"), kind="person").score, 2)
    0.82
    """
    qt, at = q.tokens, a.tokens
    if not qt or not at:
        return NameScore(0.0)
    if kind in _SLIP_KINDS:
        acronyms = acronyms_in(q.raw)
        if acronyms:
            qt = spell_out_acronyms(qt, at, acronyms)
        if at[-1].text.isdigit() != qt[-1].text.isdigit():
            qt, at = numbers_as_digits(qt), numbers_as_digits(at)
    # Every word of one name against every word of the other (word_similarity inlined: this
    # is the resolver's and the clustering's inner loop). Only pairs from _PAIR_FLOOR up can be
    # paired, so the others are left out before sorting; the order of those kept is the same.
    cells: list[tuple[float, int, int]] = []
    similarity = _word_similarity
    person = kind == "person"
    for i, x in enumerate(qt):
        x_text, x_particle = x.text, x.particle
        for j, y in enumerate(at):
            y_text, y_particle = y.text, y.particle
            if x_particle != y_particle and x_particle and y_particle:
                continue  # Abu X (father of) is never Abd X (servant of)
            sim = similarity(x_text, y_text) if x_text <= y_text else similarity(y_text, x_text)
            if x_particle != y_particle:
                # A particle on one side only: another name (Abu Bakr, Bakr; Abdul Rahman,
                # Rahman), but for a kin particle before a person's later word, the father's
                # name, which Arabic and Malay names give with it or without (Anwar bin
                # Ibrahim, Anwar Ibrahim; Mohammed bin Salman, Mohammed Salman).
                kin = person and i and j and (x_particle or y_particle) in _KIN
                sim = (_KIN_LEFT_OUT if kin else 0.6) * sim
            elif x_particle == "abd" and sim < _ARTICLE_L_SIMILARITY:
                if article_l_apart(x_text, y_text):
                    sim = _ARTICLE_L_SIMILARITY
                elif sim < _DIVINE_NAME_SPELLING:
                    # The word an ʿAbd governs is one of the divine names, each a name of its
                    # own however alike two of them are written (Abd al-Khaliq, Abd al-Malik;
                    # Abd al-Rahman, Abd al-Rahim): only its spellings pair (Malik, Malek;
                    # Munhim, Menhem, its ʿayn written h).
                    continue
            if person and i == j and sim < _INITIAL_SIMILARITY and _initial_of(x, y):
                sim = _INITIAL_SIMILARITY
            if sim >= _PAIR_FLOOR:
                cells.append((sim, i, j))
    cells.sort(reverse=True)
    # the query's paired words: index -> the alias word's index
    paired_at: dict[int, int] = {}
    used_a: set[int] = set()
    pairs: list[tuple[NameToken, NameToken, float]] = []
    for sim, i, j in cells:
        if i in paired_at or j in used_a:
            continue
        paired_at[i] = j
        used_a.add(j)
        pairs.append((qt[i], at[j], sim))
    if len(paired_at) == len(qt):
        q_only: tuple[NameToken, ...] = ()
    else:
        q_only = tuple(t for i, t in enumerate(qt) if i not in paired_at)
    if len(used_a) == len(at):
        a_only: tuple[NameToken, ...] = ()
        a_only_at: tuple[tuple[int, NameToken], ...] = ()
    else:
        a_only_at = tuple((j, t) for j, t in enumerate(at) if j not in used_a)
        a_only = tuple(t for _, t in a_only_at)
    if kind in _SLIP_KINDS and not q_only and not a_only and len(pairs) > 1:
        pairs = _slip_in_a_word(pairs)
    # A Chinese or Korean name in its own order (family name first) has no middle name: the
    # words after its family name are syllables of one given name (Kim Yo Jong, not "Kim Jong").
    middle_names = kind == "person" and not reads_family_first(at)
    nasab = middle_names and any(x.particle in _KIN for x, _, _ in pairs)
    q_left = _ancestors_aside(qt, paired_at.keys()) if nasab and q_only else q_only
    if (
        middle_names
        and q_only
        and not a_only
        and len(at) > 1
        and paired_at.get(0) == 0
        and paired_at.get(len(qt) - 1) == len(at) - 1
        and all(sim >= _MIDDLE_NAMES_PAIRED for _, _, sim in pairs)
    ):
        q_left = _middle_names_aside(qt, q_left)
    elif (
        middle_names
        and len(q_only) == 1
        and q_only[0] is qt[-1]
        and not a_only
        and len(at) > 1
        and paired_at.get(0) == 0
        and paired_at.get(len(qt) - 2) == len(at) - 1
        and at[-1].role == "family"
        and qt[-1].role == "family"
        and all(sim >= _MIDDLE_NAMES_PAIRED for _, _, sim in pairs)
    ):
        q_left = _tribe_aside(qt, at, q_left, nasab)
    token_score = _combine(
        pairs,
        q_left,
        a_only_at,
        len(at),
        middle_names=middle_names,
        nasab=nasab,
        organization=kind == "organization",
    )
    token_score = min(token_score, _conflict_cap(pairs, q_only, a_only))
    if (
        kind != "organization"
        and reads_family_first(qt)
        and reads_family_first(at)
        and _given_syllables_differ(pairs)
    ):
        token_score = min(token_score, _CONFLICT_CAP)
    if fathers_differ(qt, at) is not None:
        token_score = min(token_score, _CONFLICT_CAP)
    suffix_cap = min(_suffix_cap(qt, at), _number_cap(qt, at))
    if (
        len(qt) == len(at) > 1
        and (qt[0].text in KOREAN_FAMILY_NAMES or qt[-1].text in KOREAN_FAMILY_NAMES)
        and (at[0].text in KOREAN_FAMILY_NAMES or at[-1].text in KOREAN_FAMILY_NAMES)
    ):
        # (two look-ups first: this is the resolver's and the clustering's inner loop, and
        # _korean_score reads a name only from a Korean family name, first or last)
        token_score, two_names = _korean_score(qt, at, token_score)
        if two_names:
            # Two Korean names, syllable by syllable: so are their letters run together
            # (Kim Jong Suk, kimjongsuk, is no slip of Kim Jong Sik).
            suffix_cap = min(suffix_cap, _CONFLICT_CAP)
    token_score = min(token_score, suffix_cap)
    partial = bool(pairs) and not q_only and bool(a_only)
    # Written as one word or two (Mao Zedong/Mao Ze Dong, Jongun/Jong Un): the word count differs,
    # or a particle stands apart on one side only (Ben Ghazi/Benghazi, Ben Ali/Benali).
    # Not when every word of the query is in the longer name, as it is or misspelt: then the
    # name has a word the query lacks (Kim Jong, Kim Yo Jong), which the letters run together
    # would hide; and a typo is no evidence, so a word misspelt must not let them hide it
    # (Sohrab Kkhamenei is no nearer to Sohrab Bill Khamenei). (The letters of an abbreviation,
    # S.A.L., are no such words; nor is the second half of a compound, Allah or din, which the
    # compound-tail rule lets the query's one word meet without it: Ansarallah, Ansar Allah.)
    if (len(qt) == len(at) and not _particle_apart(qt, at) and not _syllables_respelt(qt, at)) or (
        len(qt) < len(at)
        and len(pairs) == len(qt)
        and all(sim >= _SAME_WORD for _, _, sim in pairs)
        and any(len(t.text) > 1 and not _COMPOUND_TAIL.fullmatch(t.text) for t in a_only)
    ):
        joined_score = 0.0
    else:
        joined_score = _joined_score(qt, at)
    joined_score = min(joined_score, suffix_cap)
    if joined_score > token_score:
        return NameScore(joined_score, tuple(pairs), (), (), False, True)
    return NameScore(token_score, tuple(pairs), q_only, a_only, partial, False)


# Words of two to four capitals (UN, IS, US), or as many capitals each followed by a dot (U.N.).
_CAPITALS_WORD = regex.compile(r"(?<!\p{L})(?:(?:\p{Lu}\.){2,4}|\p{Lu}{2,4}(?!\p{L}))")


@lru_cache(maxsize=65536)
def acronyms_in(raw: str) -> frozenset[str]:
    """The words of a name written in capitals, two to four letters, folded (UN, IS, U.N.); none
    in a name written all in capitals, where capitals say nothing.

    >>> sorted(acronyms_in("U.N. Security Council")), sorted(acronyms_in("UNITED NATIONS"))
    (['un'], [])
    """
    if not raw.isascii() or raw.upper() == raw:
        return frozenset()
    return frozenset(m.group(0).replace(".", "").lower() for m in _CAPITALS_WORD.finditer(raw))


def spell_out_acronyms(
    qt: tuple[NameToken, ...], at: tuple[NameToken, ...], acronyms: frozenset[str]
) -> tuple[NameToken, ...]:
    """The query's words with an acronym written in capitals (or its letters written apart, as
    U.N.) replaced by the words of the alias it abbreviates, in order, when those are words of
    the alias that the query does not hold: `UN Security Council` is the United Nations Security
    Council, `IS West Africa Province` the Islamic State West Africa Province.

    >>> from canonym.parse import parse
    >>> q, a = parse("UN Security Council"), parse("United Nations Security Council")
    >>> [t.text for t in spell_out_acronyms(q.tokens, a.tokens, acronyms_in(q.raw))]
    ['united', 'nations', 'security', 'council']
    """
    texts = [t.text for t in qt]
    alias_texts = {t.text for t in at}
    for i in range(len(qt)):
        for n in range(1, 5):  # the acronym as one word, or its letters as n words
            letters = "".join(texts[i : i + n])
            if (n > 1 and any(len(w) != 1 for w in texts[i : i + n])) or i + n > len(qt):
                break
            if letters not in acronyms or len(letters) < 2 or letters in alias_texts:
                continue
            size = len(letters)
            for j in range(len(at) - size + 1):
                words = at[j : j + size]
                pairs = zip(words, letters, strict=True)
                if all(w.text[:1] == c and w.text not in texts for w, c in pairs):
                    return (*qt[:i], *words, *qt[i + n :])
    return qt


# The kinds whose names are read with one typing slip in a word (see _slip_in_a_word):
# an organisation's or a place's words name it together, a person's each name someone.
_SLIP_KINDS = frozenset({"organization", "place"})


def numbers_as_digits(tokens: tuple[NameToken, ...]) -> tuple[NameToken, ...]:
    """A body's or a place's name whose last word numbers it in Roman numerals or in English
    words, with that number in digits, as the other name writes it (West Qurna I, West Qurna
    One: West Qurna 1; Bushehr II: Bushehr 2). Not a word alone, which is no number of a name.

    >>> from canonym.parse import parse
    >>> [t.text for t in numbers_as_digits(parse("West Qurna One").tokens)]
    ['west', 'qurna', '1']
    """
    if len(tokens) < 2:
        return tokens
    digits = _NUMBER_WORDS.get(tokens[-1].text)
    if digits is None:
        return tokens
    return (*tokens[:-1], tokens[-1]._replace(text=digits, role="family"))


# Roman numerals and English number words up to ten, as the last word of a numbered name.
_NUMBER_WORDS = {
    word: str(n)
    for n, words in enumerate(
        (
            ("i", "one"),
            ("ii", "two"),
            ("iii", "three"),
            ("iv", "four"),
            ("v", "five"),
            ("vi", "six"),
            ("vii", "seven"),
            ("viii", "eight"),
            ("ix", "nine"),
            ("x", "ten"),
        ),
        1,
    )
    for word in words
}


def _slip_in_a_word(
    pairs: list[tuple[NameToken, NameToken, float]],
) -> list[tuple[NameToken, NameToken, float]]:
    """``pairs`` with a typing slip read as one: an organisation's or a place's name whose words
    all match but one, which lacks or adds one consonant (Georgian Deam, Alibaba Goup,
    Communist Pary, Ho Chi Min City).

    A short word is capped as a different word when an edit changes it (Iran/Iraq, Samir/Sami,
    Mahdi/Madi): among a person's names, or in a name of one word, that is how names differ.
    Beside other words that all match, in an organisation's or a place's name, a letter more
    or less is a slip. A vowel is no slip (Hamid/Hamad), nor a first letter (Iran/Ran).
    """
    slipped = -1
    for k, (x, y, sim) in enumerate(pairs):
        if sim < 1.0:
            if slipped >= 0 or not _one_consonant_apart(x.text, y.text):
                return pairs
            slipped = k
    if slipped < 0:
        return pairs
    if not any(
        k != slipped and x.role in _IDENTIFYING and y.role in _IDENTIFYING
        for k, (x, y, _) in enumerate(pairs)
    ):
        return pairs  # the slip is in the one word that names it (Boom Bank, Bloom Bank)
    x, y, sim = pairs[slipped]
    slip = 1.0 - _TRANSPOSITION / max(len(x.text), len(y.text))  # a slip, as a swap costs
    return [*pairs[:slipped], (x, y, max(sim, slip)), *pairs[slipped + 1 :]]


def _given_syllables_differ(pairs: list[tuple[NameToken, NameToken, float]]) -> bool:
    """Whether the paired words of two Chinese or Korean names read family name first include
    given names of a different number of syllables: another given name, however alike its
    letters (Li Keqiang is not Li Qiang: Ke and Qiang against Qiang).

    >>> from canonym.parse import parse
    >>> q, a = parse("Li Keqiang"), parse("Li Qiang")
    >>> _given_syllables_differ([(q.tokens[1], a.tokens[1], 0.8)])
    True
    """
    for x, y, sim in pairs:
        if sim < 1.0 and x.role == "given" and y.role == "given":
            cx, cy = _syllable_count(x.text), _syllable_count(y.text)
            if cx and cy and (cx != cy or _onset_apart(x.text, y.text)):
                return True
    return False


def _onset_apart(a: str, b: str) -> bool:
    """Whether two romanised given names differ in one letter alone, a consonant that opens a
    syllable (before a vowel) on both sides, and no spelling of one sound (a class pair of the
    scorer): another syllable, and so another name (Ye Jianying is not Ye Jianming, Li Kexiang
    not Li Keqiang).

    >>> _onset_apart("jianying", "jianming"), _onset_apart("jinping", "jinbing")
    (True, False)
    """
    i = unrelated_letter_at(a, b)
    return (
        i is not None
        and a[i] not in _PURE_VOWELS
        and b[i] not in _PURE_VOWELS
        and a[i + 1 : i + 2] in _PURE_VOWELS
    )


def unrelated_letter_at(a: str, b: str) -> int | None:
    """Where two words of one length differ, when they differ in one letter alone and that by
    no class pair of the scorer (the two letters cost a whole edit); ``None`` otherwise.

    >>> unrelated_letter_at("jianying", "jianming"), unrelated_letter_at("qasem", "kasem")
    (4, None)
    """
    if len(a) != len(b) or a == b:
        return None
    apart = [i for i in range(len(a)) if a[i] != b[i]]
    if len(apart) != 1 or orth_distance(a[apart[0]], b[apart[0]]) < 1.0:
        return None
    return apart[0]


def syllables_apart(a: str, b: str) -> bool:
    """Whether two words of two romanised syllables each (see ``parse.EAST_ASIAN_GIVEN``)
    open one syllable differently, the other syllable alike and the words as long: with
    consonants that spell no one sound (n and j), or with another glide before its vowel (i
    and u). Another syllable, and so another name: Nanning is not Nanjing, nor Jiangxi
    Guangxi, however alike their letters. (Two letters swapped are a slip: Taipie, Taipei.)
    The other syllable may also be written with its vowel spelt another way, its opening the
    same, as two romanisations of Korean write eo and o (Pyeongchang is not Pyongyang).

    >>> syllables_apart("nanning", "nanjing"), syllables_apart("jiangxi", "guangxi")
    (True, True)
    >>> syllables_apart("kwangju", "gwangju"), syllables_apart("pusan", "busan")
    (False, False)
    >>> syllables_apart("pyeongchang", "pyongyang"), syllables_apart("tsingtao", "qingdao")
    (True, False)
    """
    if _swapped_neighbours(a, b):
        return False  # (two letters swapped: a slip, left to the scorer)
    ma, mb = EAST_ASIAN_GIVEN.fullmatch(a), EAST_ASIAN_GIVEN.fullmatch(b)
    if ma is None or mb is None or not ma.group(2) or not mb.group(2):
        return False
    pairs = [(ma.group(1), mb.group(1)), (ma.group(2), mb.group(2))]
    differing = [(x, y) for x, y in pairs if x != y]
    if len(differing) == 2:
        # one syllable only respelt: the same opening, its vowel written another way
        respelt = [(x, y) for x, y in differing if _opening(x) == _opening(y)]
        if len(respelt) != 1:
            return False
        pairs = [p for p in differing if p not in respelt]
    elif len(differing) != 1 or len(a) != len(b):
        return False  # (a letter more or less: a slip, left to the scorer)
    for x, y in pairs:
        ox, oy = _SYLLABLE_OPENING.match(x), _SYLLABLE_OPENING.match(y)
        assert ox is not None and oy is not None  # (the pattern matches any string)
        onset_x, onset_y = ox.group(1), oy.group(1)
        if onset_x != onset_y and (
            not onset_x or not onset_y or orth_distance(orth(onset_x), orth(onset_y)) >= 1.0
        ):
            return True
        if _GLIDE_CLASS.get(ox.group(2), "") != _GLIDE_CLASS.get(oy.group(2), ""):
            return True
    return False


# A syllable's onset (its consonants) and the glide before its vowel, if any.
_SYLLABLE_OPENING = regex.compile(r"([^aeiouwy]*)([iuwy](?=[aeiou]))?")
_GLIDE_CLASS = {"i": "y", "y": "y", "u": "w", "w": "w"}


def _opening(syllable: str) -> tuple[str, str]:
    """A romanised syllable's onset and the class of the glide before its vowel."""
    found = _SYLLABLE_OPENING.match(syllable)
    assert found is not None  # (the pattern matches any string)
    return found.group(1), _GLIDE_CLASS.get(found.group(2) or "", "")


@lru_cache(maxsize=65536)
def _syllable_count(word: str) -> int:
    """How many romanised Chinese or Korean syllables make ``word`` (one or two); 0 if none."""
    m = EAST_ASIAN_GIVEN.fullmatch(word)
    if m is None:
        return 0
    return 2 if m.group(2) else 1


def _one_consonant_apart(a: str, b: str) -> bool:
    """Whether the longer of two words of four letters or more is the other with one
    consonant more, not the first letter.

    >>> _one_consonant_apart("deam", "dream"), _one_consonant_apart("ran", "iran")
    (True, False)
    """
    if len(a) > len(b):
        a, b = b, a
    if len(b) != len(a) + 1 or len(b) < 4:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return i > 0 and b[i] not in _VOWELS and a[i:] == b[i + 1 :]


def _syllables_respelt(qt: tuple[NameToken, ...], at: tuple[NameToken, ...]) -> bool:
    """Whether two Chinese or Korean names, read family name first, with a given name of two
    syllables or more, have the same consonants in each syllable, its y and w glides counted:
    their vowels may then be read over the whole name, as one word (Lee Jae-myng, Park
    Guen-hye, Sun Yet-sen), rather than syllable by syllable, where each short syllable allows
    no edit. A consonant or a glide changed, added or dropped makes another syllable, and
    another name (Kim Jong-pil is not Kim Jong-il, nor Park Chung-hye Park Chung-hee)."""
    return (
        len(qt) > 2
        and reads_family_first(qt)
        and reads_family_first(at)
        and sorted(t.text.translate(_NO_VOWELS) for t in qt)
        == sorted(t.text.translate(_NO_VOWELS) for t in at)
    )


_NO_VOWELS = str.maketrans("", "", "aeiou")


def _suffix_cap(qt: tuple[NameToken, ...], at: tuple[NameToken, ...]) -> float:
    """The highest score two names may reach given their suffixes (Jr., Sr., II, a regnal I):
    different ones on the two sides name different people (Viktor Yanukovych Jr. and Sr.,
    Abdullah I and Abdullah II), and one on one side only says less, but against it (the name
    without it is as often the father's), the query's more than the alias's (a query's Jr.
    names the son of a table's father), unless it is all that names its bearer beside one word
    (Mohammed VI)."""
    qs = [_SUFFIX_FORMS.get(t.text, t.text) for t in qt if t.role == "suffix"]
    as_ = [_SUFFIX_FORMS.get(t.text, t.text) for t in at if t.role == "suffix"]
    if (not qs and not as_) or sorted(qs) == sorted(as_):
        return 1.0  # (most names have none: no sorting)
    if qs and as_:
        return _CONFLICT_CAP
    # A name of one word and a suffix (Mohammed VI, Abdullah II) is that word's bearer only
    # with the suffix: without it, any Mohammed.
    named = qt if qs else at
    if sum(1 for t in named if t.role in _IDENTIFYING) <= 1:
        return _CONFLICT_CAP
    return _QUERY_SUFFIX_CAP if qs else _ONE_SIDED_SUFFIX_CAP


def _number_cap(qt: tuple[NameToken, ...], at: tuple[NameToken, ...]) -> float:
    """The highest score two names may reach given the numbers written in them: a number on
    one side only, or another number, names another of a series (Nord Stream 2 beside Nord
    Stream, the missile Khorramshahr-4 beside the city, Kambarata-1 beside Kambarata-2), as a
    regnal number or Jr. does (see _suffix_cap). Numbers are read wherever they are written,
    apart or joined to letters (M23, M-23, M 23 are one), or spelt as an English ordinal."""
    qn = [n for t in qt for n in _numbers_of(t.text)]
    an = [n for t in at for n in _numbers_of(t.text)]
    if (not qn and not an) or sorted(qn) == sorted(an):
        return 1.0  # (most names have none: no sorting)
    return _CONFLICT_CAP


def _numbers_of(word: str) -> tuple[str, ...] | list[str]:
    """The numbers a word writes, in digits: its runs of digits, or the number an English
    ordinal spells (Fifteenth Ocean is no Fourteenth Ocean, and is 15th Ocean)."""
    if word.isalpha():
        spelt = _SPELT_ORDINALS.get(word)
        return (spelt,) if spelt else ()
    return _NUMBER.findall(word)


_NUMBER = regex.compile(r"[0-9]+")
# English ordinals as digits.
_SPELT_ORDINALS = {word: str(n) for word, n in ORDINALS.items()}

# Suffixes written out, as their abbreviations.
_SUFFIX_FORMS = {"junior": "jr", "senior": "sr"}
# A suffix on one side only: under a name without it (0.99) by more than twice the resolver's
# margin, over its threshold.
_ONE_SIDED_SUFFIX_CAP = 0.9
# A suffix of the query only (Viktor Yanukovych Jr. against a table's Viktor Yanukovych): the
# query names the son, the table the father. Under the resolver's threshold: a candidate, never
# the answer (a list that leaves the suffix out of a person's other listing goes unanswered).
_QUERY_SUFFIX_CAP = 0.84


def _particle_apart(qt: tuple[NameToken, ...], at: tuple[NameToken, ...]) -> bool:
    """Whether the names have as many words but not the same particles, each particle before a
    name of three letters or more (as a joined compound needs: Abuja is no Abu Ja)."""
    qp = [t.particle for t in qt if t.particle]
    ap = [t.particle for t in at if t.particle]
    if qp == ap or sorted(qp) == sorted(ap):
        return False  # (most names have none on either side: no sorting)
    return all(len(t.text) >= 3 for t in (*qt, *at) if t.particle)


def fathers_differ(
    qt: tuple[NameToken, ...], at: tuple[NameToken, ...]
) -> tuple[NameToken, NameToken] | None:
    """The fathers two names give a person, when they are different: the first word each
    binds with bin (son of) or bint (daughter of) before its family name, when both have one,
    unalike. None when they agree or either name has none.

    An Arabic nasab is a chain, father first: "Hamdan bin Rashid Al Maktoum" is the son of
    Rashid, another man than "Hamdan bin Mohammed bin Rashid Al Maktoum", Rashid's grandson,
    though every word of the first is in the second. A family name made with bin (bin Laden)
    is no father's name here.

    >>> from canonym.parse import parse
    >>> pair = fathers_differ(parse("Hamdan bin Rashid Al Maktoum").tokens,
    ...                       parse("Hamdan bin Mohammed bin Rashid Al Maktoum").tokens)
    >>> [t.text for t in pair]
    ['rashid', 'mohammed']
    >>> fathers_differ(parse("Mohammed bin Salman").tokens,
    ...                parse("Mohammed bin Salman bin Abdulaziz Al Saud").tokens) is None
    True
    """
    fq = _first_father(qt)
    if fq is None:
        return None
    fa = _first_father(at)
    if fa is None or _word_similarity(*sorted((fq.text, fa.text))) >= _WEAK_PAIR:
        return None
    return fq, fa


def _first_father(tokens: tuple[NameToken, ...]) -> NameToken | None:
    for t in tokens:
        if t.particle in _SON_OF and t.role != "family":
            return t
    return None


_SON_OF = frozenset({"bin", "bint"})


def _conflict_cap(
    pairs: list[tuple[NameToken, NameToken, float]],
    q_only: tuple[NameToken, ...],
    a_only: tuple[NameToken, ...],
) -> float:
    """The highest score two names may reach given what contradicts them.

    A word on each side that the other lacks is a contradiction (Muhammad vs Umar al-Khatuni,
    Promsvyazbank vs Rosbank PJSC), and so is a family name matched only loosely.
    """
    cap = 1.0
    if (
        q_only
        and a_only
        and any(t.role in _IDENTIFYING for t in q_only)
        and any(t.role in _IDENTIFYING for t in a_only)
    ):
        cap = _CONFLICT_CAP
    for x, y, sim in pairs:
        if (x.role == "family" or y.role == "family") and sim < _FAMILY_FLOOR:
            cap = min(cap, sim)
        elif x.role in _IDENTIFYING and y.role in _IDENTIFYING and sim < _WEAK_PAIR:
            cap = min(cap, _CONFLICT_CAP)  # Muhammad paired with Umar is no match
    return cap


def _combine(
    pairs: list[tuple[NameToken, NameToken, float]],
    q_only: tuple[NameToken, ...],
    a_only: tuple[tuple[int, NameToken], ...],
    alias_length: int,
    *,
    middle_names: bool = False,
    nasab: bool = False,
    organization: bool = False,
) -> float:
    if not pairs:
        return 0.0
    if (q_only and any(_designates(t, organization) for t in q_only)) or (
        a_only and any(_designates(t, organization) for _, t in a_only)
    ):
        # "Mosul Dam", "Kherson Oblast": a word that makes it another entity
        return min(0.5, _combine(pairs, (), (), alias_length))
    # _weight, inlined: this runs for every pair of names compared. A pair weighs the length of
    # its word of ``a``, the name matched against: by the query's word, a letter doubled by a
    # typo ("Holdding") made a name that leaves out one of ``a``'s words score higher than the
    # same name spelled right, and could lift it over the threshold. It is generic when either
    # word is read as one (an initial "S." beside "US").
    weights = [
        (_GENERIC_WEIGHTS if x.role == "generic" or y.role == "generic" else _WEIGHTS)[
            min(len(y.text), 10)
        ]
        for x, y, _ in pairs
    ]
    # The same sums, in the same order, as a weighted mean over the pairs and the left-out words.
    matched = sum([w * pair[2] for w, pair in zip(weights, pairs, strict=True)])
    total = sum(weights)
    for t in q_only:
        total += _left_over(t)
    for position, t in a_only:
        factor = (
            _alias_only_factor(position, alias_length, nasab)
            if middle_names
            else _UNMATCHED_ALIAS_FACTOR
        )
        total += _left_over(t) * factor
    return matched / total


def _korean_score(
    qt: tuple[NameToken, ...], at: tuple[NameToken, ...], token_score: float
) -> tuple[float, bool]:
    """``token_score`` of two names of as many words, raised when they are one Korean name in
    two romanisations (Bak Jeong-hui, Park Chung-hee), read as written or, one written in the
    Western order, turned round (Suk-yeol Yoon is Yoon Suk-yeol); capped when, as written, they
    are two Korean names whose syllables differ (see ``korean_syllables_differ``: Kim Yong-chol,
    Kim Jong-chol), and then with True."""
    q_words, a_words = [t.text for t in qt], [t.text for t in at]
    q_orders = [w for w in (q_words, turned_round(qt)) if w and w[0] in KOREAN_FAMILY_NAMES]
    a_orders = [w for w in (a_words, turned_round(at)) if w and w[0] in KOREAN_FAMILY_NAMES]
    if any(korean_names_alike(q, a) for q in q_orders for a in a_orders):
        return max(token_score, _KOREAN_SPELLING), False
    if (
        q_words[0] in KOREAN_FAMILY_NAMES
        and a_words[0] in KOREAN_FAMILY_NAMES
        and korean_syllables_differ(q_words, a_words)
    ):
        return min(token_score, _CONFLICT_CAP), True
    return token_score, False


def turned_round(tokens: Sequence[NameToken]) -> list[str] | None:
    """The words of a parsed name written in the Western order, its family name last, with the
    family name first (Suk-yeol Yoon as Yoon Suk-yeol); None for a name in any other order.

    >>> from canonym.parse import parse
    >>> turned_round(parse("Suk-yeol Yoon").tokens), turned_round(parse("Kim Jong Un").tokens)
    (['yoon', 'suk', 'yeol'], None)
    """
    if len(tokens) > 1 and tokens[-1].role == "family" and tokens[0].role != "family":
        words = [t.text for t in tokens]
        return [words[-1], *words[:-1]]
    return None


def _left_over(token: NameToken) -> float:
    """What a word that one name has and the other lacks costs: its weight, times its role's
    factor. A designator left over here is an organisation's body word (see _designates),
    which weighs as a generic word."""
    if token.role == "designator":
        return _GENERIC_WEIGHTS[min(len(token.text), 10)] * _UNMATCHED_ROLE_FACTOR["generic"]
    return _weight(token) * _UNMATCHED_ROLE_FACTOR.get(token.role, 1.0)


def _designates(token: NameToken, organization: bool) -> bool:
    """Whether a word left over makes the name another entity's: a designator (Dam, Oblast,
    Airport), except, beside an organisation's name, a word that says what kind of body it is
    (Fatah Movement, the Baath Party, the Basij militia, IRNA news agency: the organisation,
    with the word news adds)."""
    return token.role == "designator" and not (organization and token.text in _BODY_WORDS)


_BODY_WORDS = frozenset({"movement", "party", "militia", "agency", "news", "province", "front"})


def _ancestors_aside(qt: tuple[NameToken, ...], used_q: AbstractSet[int]) -> tuple[NameToken, ...]:
    """The words of query ``qt`` left unpaired (its indices not in ``used_q``), those that carry
    a nasab further back made ancestors, which cost as a middle name: a bin or bint word right
    after one that is paired, or after another ancestor (Mohammed bin Salman bin Abdulaziz Al
    Saud, the grandfather named, for Mohammed bin Salman Al Saud). The chain names the father
    first, then his father: one more link says whose grandson, not who."""
    out: list[NameToken] = []
    linked = False  # whether the word before is a kin word paired, or an ancestor
    for i, t in enumerate(qt):
        kin = t.particle in _KIN
        if i in used_q:
            linked = kin
        elif kin and linked:
            out.append(t._replace(role="ancestor"))
        else:
            out.append(t)
            linked = False
    return tuple(out)


def _middle_names_aside(
    qt: tuple[NameToken, ...], left: tuple[NameToken, ...]
) -> tuple[NameToken, ...]:
    """The words ``left`` of query ``qt`` unpaired, its given names between its first and its
    last word, made middle names, which cost as the name's own middle names do: a person's
    full name holds the name the table gives and one or two more between its first and last
    words (Goodluck Ebele Azikiwe Jonathan for Goodluck Jonathan; Alex Nain Saab). The caller
    has paired the query's first and last words with the name's, and every word of the name,
    each at 0.9 or more (a word on each side that the other lacks is another person: see
    _conflict_cap). Not more
    than two; and not in a Chinese or Korean name, in either order, whose given name is one
    name of syllables (Song Chol Kim is not Song Kim)."""
    if len(left) > EXTRA_MIDDLE_NAMES:
        return left
    if qt[0].text in EAST_ASIAN_FAMILY_NAMES or qt[-1].text in EAST_ASIAN_FAMILY_NAMES:
        return left
    if qt[0].text in _COMPOUND_FIRST_NAMES and not all(
        t.text in _SAYYID_NISBAS for t in left if t.role == "given"
    ):
        # Persian, Afghan, South Asian and Arabic given names are often two words, the first
        # of them one of these: Mohammad Reza Khatami and Mohammad Khatami are brothers, Ahmad
        # Shah Massoud is Ahmad Massoud's father, Reza Shah Pahlavi Reza Pahlavi's grandfather.
        # (A sayyid's nisba is no second given name: Ali Hosseini Khamenei is Ali Khamenei.)
        return left
    # A father's name after bin or bint (a nasab: Sadiq bin Hussein al-Ahmar) is read as one
    # too, as a Russian patronymic is. (The resolver's guard against a sibling's name read as a
    # middle name leaves it out: the father's name with the family name is the father's.)
    return tuple(
        t._replace(role="middle")
        if t.role == "given" and (not t.particle or t.particle in _KIN)
        else t
        for t in left
    )


def _tribe_aside(
    qt: tuple[NameToken, ...], at: tuple[NameToken, ...], left: tuple[NameToken, ...], nasab: bool
) -> tuple[NameToken, ...]:
    """The query's last word, a family name after every word of the name it is compared with
    (the caller has paired them, in order, each at 0.9 or more), made a middle name where it is
    a tribe's or a dynasty's: after a nasab, which makes the name a full one (Mohammed bin
    Salman Al Saud, Tahnoun bin Zayed Al Nahyan), or a Pashtun tribe's name in -zai or -khel
    (Ashraf Ghani Ahmadzai). Elsewhere a third word is as often the family name of another
    person whose middle name the second is (Paul Adnan Louis is not a Paul Adnan), and without
    a nasab not after a name that may be a compound given name alone, its first word opening
    one or its last word one (Nasir Ali Khan is not a Nasir Ali). Not in a Chinese or Korean
    name, nor a place's designator (Mohammed bin Zayed City)."""
    if qt[0].text in EAST_ASIAN_FAMILY_NAMES or qt[-1].text in EAST_ASIAN_FAMILY_NAMES:
        return left
    if not nasab and (
        not (qt[-1].text.endswith(_PASHTUN_TRIBE_ENDINGS) or _NISBA.fullmatch(qt[-1].text))
        or qt[0].text in _COMPOUND_FIRST_NAMES
        or at[-1].text in _COMPOUND_FIRST_NAMES
    ):
        return left
    if place_designator(" ".join(t.text for t in qt)) is not None:
        return left  # a place named after the person (Mohammed bin Zayed City)
    return tuple(t._replace(role="middle") for t in left)


# The endings of Pashtun tribes' names (Ahmadzai, Yousafzai, Popalzai; Mangalkhel, Zadrankhel),
# which follow a person's name (see _tribe_aside): one word, as the rule reads one more word.
_PASHTUN_TRIBE_ENDINGS = ("zai", "zay", "zoy", "khel", "khail")
# A nisba, the adjective of descent, tribe or place in -i that South Asian and Arabic names end
# with (Niazi, Alvi, Qureshi, Gilani): a word of four letters or more, its -i after a consonant.
_NISBA = regex.compile(r"[a-z]{2,}[b-df-hj-np-tv-z]i")

#: The most given names a person's query may hold between its first and last words that the
#: name it is compared with lacks, read as middle names (see _middle_names_aside).
EXTRA_MIDDLE_NAMES = 2
# How alike each word of the name must be to the query's for its extra words to be read as
# middle names: spellings of the words, not near-misses (Fyodor Ernst Carla is no Fyodor Carr).
_MIDDLE_NAMES_PAIRED = 0.9
# The nisbas that a sayyid, a descendant of the Prophet, writes between his given and family
# names, folded: of Husayn, Hasan, Hashim, Musa al-Kazim, Tabatabai, Ali (see
# _middle_names_aside): Ali Hosseini Khamenei, Ali al-Husseini al-Sistani.
_SAYYID_NISBAS = frozenset(
    """hosseini husseini husaini hussaini hosaini hassani hasani hashemi hashimi musavi mousavi
    moussavi musawi moussaoui tabatabai tabatabaei alavi alawi""".split()
)
# The first words of compound given names (see _middle_names_aside), folded: Muhammad and Ahmad
# in their spellings, Ali, Reza, Hossein, Hassan, Nur (Nur ad-Din), Mir, Gholam (servant of),
# Abol (father of), Seyyed (a descendant of the Prophet) and Amir.
_COMPOUND_FIRST_NAMES = frozenset(
    """muhammad mohammed mohamed mohammad muhammed mohamad mouhamed mehmet mehmed mahomed mohd
    mohamud muhammet mamadou magomed mukhammad ahmad ahmed ali reza hossein hussein husain
    hosein husayn hassan hasan nur nour noor mir gholam ghulam abol abul seyed seyyed sayed
    sayyid syed said amir""".split()
)


def _alias_only_factor(position: int, length: int, nasab: bool = False) -> float:
    """A word missing from the middle of a long name costs less than a missing first or last
    word: "Harakat al-Nujaba" for Harakat Hezbollah al-Nujaba, a middle name left out. So does
    a person's last word after a nasab that the query gives (bin or bint and the father's
    name, paired): the dynasty's or family's name that news leaves out of Gulf royals' names
    (Mohammed bin Zayed for Mohamed bin Zayed Al Nahyan), the father's name saying whose son."""
    if 0 < position < length - 1 or (nasab and position == length - 1 and position > 0):
        return _UNMATCHED_MIDDLE_FACTOR
    return _UNMATCHED_ALIAS_FACTOR


# The kin particles of a nasab, son or daughter of (see _ancestors_aside, _middle_names_aside).
_KIN = frozenset({"bin", "bint"})
# What a person's later word costs with its kin particle on one side only (see score_names).
_KIN_LEFT_OUT = 0.9


# How far under the prefilter the word-by-word reading may be for the one-word reading to be
# read too (rapidfuzz ratio points): a join's rules change a letter or two.
_READING_SLACK = 15.0


def _joined_score(qt: tuple[NameToken, ...], at: tuple[NameToken, ...]) -> float:
    """Compare the names written as one word: Jong-un/Jongun, Mao Ze Dong/Mao Zedong."""
    qt = tuple(t for t in qt if t.role != "generic")
    at = tuple(t for t in at if t.role != "generic")
    if not qt or not at:
        return 0.0
    q_particles = {t.particle for t in qt if t.particle}
    a_particles = {t.particle for t in at if t.particle}
    if q_particles - a_particles and a_particles - q_particles:
        # Abu Mahdi is not Abdul Mahdi, however alike the letters. A particle on one side only
        # may be written into its word on the other (Abdelkader Ben Salah, Abdelkader Bensalah).
        return 0.0
    # Two readings, the better kept: word by word, each word's letters unified as that word's
    # (the letters at a join are no digraph: Htet Htet is not "htethtet" with a th), and as the
    # one word the name would be, whose rules then read what the join makes (Hizb Allah as
    # Hizballah: the vowel before -llah, which Hezbollah writes o; Teleserve Plus as
    # Teleserveplus). The second is read only where the first comes near: the rules at a join
    # change a letter or two, and a reading costs a normalisation of new strings.
    jq = "".join(orth(t.particle + t.text) for t in qt)
    ja = "".join(orth(t.particle + t.text) for t in at)
    if jq == ja:
        return 0.99
    ratio = fuzz.ratio(jq, ja)
    best = 0.0
    if ratio >= _JOINED_PREFILTER:  # cheap C check before the quadratic one
        best = 1.0 - orth_distance(jq, ja) / max(len(jq), len(ja))
    if ratio >= _JOINED_PREFILTER - _READING_SLACK:
        oq = orth("".join(t.particle + t.text for t in qt))
        oa = orth("".join(t.particle + t.text for t in at))
        if (oq, oa) != (jq, ja):
            if oq == oa:
                return 0.99
            if fuzz.ratio(oq, oa) >= _JOINED_PREFILTER:
                best = max(best, 1.0 - orth_distance(oq, oa) / max(len(oq), len(oa)))
    return 0.97 * best if best >= 0.9 else 0.0


def describe_differences(query: str, alias: str) -> list[str]:
    """Describe the letter-level differences between two folded words: ``['q→gh', 'ei→ey']``."""
    out: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, query, alias, autojunk=False).get_opcodes():
        if op == "replace":
            out.append(f"{query[i1:i2]}→{alias[j1:j2]}")
        elif op == "delete":
            out.append(f"{query[i1:i2]}→∅")
        elif op == "insert":
            out.append(f"∅→{alias[j1:j2]}")
    return out
