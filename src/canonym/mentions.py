"""Find the names in running text: known names by a token trie, unknown ones as capitalised runs.

One regular expression (:func:`run_pattern`) finds *runs*: capitalised words (``Qassem``,
``KATA'IB``), the particles and articles that join them (``Abu Mahdi al-Muhandis``, ``bin
Laden``, ``Siraj-ud-Din``, ``de Gaulle``), short lowercase hyphen tails (``Kai-shek``,
``Jong-un``) and dotted titles and initials (``Gen.``, ``W.``). It runs as the standard ``re``
module over a :func:`shadow` of the text, from each run's first capital, so that the lowercase
text between names is skipped in C; nothing else of the text is looked at twice, so the scan is
linear and spends Python time only on the capitalised part of a draft, and on each distinct run
once (a draft repeats its names: :meth:`NameIndex.scan` gives a repeated run's very mention
objects again). Inside a run:

1. every name of the table is found by walking a trie of folded words (built once per resolver
   and cached): longest match first, with no regular expression per alias; a walk may continue
   past the run through lowercase words the name itself contains (``Islamic State of Iraq and
   the Levant``);
2. titles (``General``, ``Supreme Leader``) split the run and are left out of every span, and a
   function word that only starts the sentence (``The``, ``In``) is dropped;
3. a segment that holds table names without being covered by them (``Khata'ib Hezbollah`` holds
   ``Hezbollah``) is one unknown mention that carries those names as its ``parts``; the checker
   (:mod:`canonym.check`) decides whether the whole is a spelling of a known name (by its word
   rules or the :class:`~canonym.Resolver`) or falls back on the parts. Every other segment is an
   *unknown* mention, which the checker clusters.

Words are folded one by one (non-ASCII words only are transliterated), and every span is an
exact pair of offsets into the text as given.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from typing import Any, NamedTuple

import regex

from ._chars import APOSTROPHES
from ._name_words import names_apart
from .keys import consonant_skeleton, key, token_key
from .normalize import COMPOUND_SUFFIXES, fold
from .parse import (
    ARTICLES,
    EAST_ASIAN_FAMILY_NAMES,
    EAST_ASIAN_GIVEN,
    ROMANISED_SYLLABLE,
    TITLES,
    parse,
    reads_family_first,
)
from .resolver import Resolver
from .table import Entity

__all__ = ["FUNCTION_WORDS", "Mention", "NameIndex", "compact_forms", "find_mentions", "index_for"]

# -- the lexical rules ------------------------------------------------------------------------
#
# The rules are written once, as pattern templates over named character classes, and compiled
# twice: with Unicode property classes for the ``regex`` module (``WORD_RE``, and the reference
# ``run_pattern``), and with single-character stand-ins for the standard ``re`` module over a
# *shadow* of the text. The shadow keeps every ASCII character and replaces each other
# character by the stand-in of its class (an upper-case letter, a combining mark, a
# non-breaking space ...), so it has the text's length and offsets. ``re`` scans for the
# capital that every run contains at C speed, where a ``regex`` search for the whole pattern
# would try it at every position of the draft (a scan then ran at a few MB/s); only the
# non-ASCII stretches of a draft are classified, one translation per stretch.


class _Classes(NamedTuple):
    """What a pattern template fills in: fragments to put between ``[`` and ``]``."""

    lmn: str  # letters, combining marks, digits: what a word is made of
    lm: str  # letters and combining marks
    lu: str  # upper-case letters
    lt: str  # title-case letters
    ll: str  # lower-case letters
    marks: str  # ʻ ʼ ʾ ʿ: letters without case that may open a capitalised word
    invisible: str  # soft hyphen, zero-width space and joiners
    apos: str  # apostrophes that are punctuation (ʼ ʻ ʾ ʿ are letters and need no rule)
    sp: str  # spaces other than line breaks
    hy: str  # hyphens
    en_dash: str


_MARKS = "\u02bb\u02bc\u02be\u02bf"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
_APOS = "".join(sorted(ch for ch in APOSTROPHES if not regex.match(r"\p{L}", ch)))
_SPACES = "\t \u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_HYPHENS = "-\u2010\u2011"
_EN_DASH = "\u2013"

_UNICODE = _Classes(
    lmn=r"\p{L}\p{M}\p{N}",
    lm=r"\p{L}\p{M}",
    lu=r"\p{Lu}",
    lt=r"\p{Lt}",
    ll=r"\p{Ll}",
    marks=_MARKS,
    invisible=_INVISIBLE,
    apos=regex.escape(_APOS),
    sp=r"\t \u00a0\u2000-\u200a\u202f\u205f\u3000",
    hy=r"\-\u2010\u2011",
    en_dash=_EN_DASH,
)

# The shadow's stand-ins (C1 control characters, so that a shadow is one byte a character).
# An ASCII character stands for itself; every stand-in belongs to exactly one class.
_LU, _LL, _LT, _LO, _MK, _MN, _NUM, _AP, _INV, _SP, _HY, _ND, _OTHER = map(chr, range(0x80, 0x8D))
_SHADOW = _Classes(
    lmn=f"A-Za-z0-9{_LU}-{_NUM}",
    lm=f"A-Za-z{_LU}-{_MN}",
    lu=f"A-Z{_LU}",
    lt=_LT,
    ll=f"a-z{_LL}",
    marks=_MK,
    invisible=_INV,
    apos="'`" + _AP,
    sp="\t " + _SP,
    hy=r"\-" + _HY,
    en_dash=_ND,
)

# Joiners. Space-joined particles that may start a name or sit inside one; more (Romance and
# Germanic articles) only between two capitalised words; any Arabic article with a hyphen.
_START_PARTICLES = "al el bin ibn bint abu abd de van von del della dos das du da di".split()
_INNER_PARTICLES = [*_START_PARTICLES, "ben", "ul", "ud", "der", "den", "ter", "ten", "la", "le"]
_HY_ARTICLES = sorted(ARTICLES - {"l"}, key=len, reverse=True)
# The Turkic patronymic words, son of and daughter of, written after the father's name: inside a
# name (Ilham Heydar oglu Aliyev) or ending it, as a Kyrgyz or Kazakh name often does in place
# of a surname (Makhabat Tazhibek kyzy, Azimbek Beknazarov uulu). Azerbaijani oglu and qizi,
# Turkmen and Russian-spelt ogly, Kyrgyz uulu and kyzy, Kazakh uly; as canonym.parse reads them.
_PATRONYMIC_WORDS = "oglu ogly qizi gizi kyzy uulu uly".split()
# Honorifics that are also words of a name (Somali and Arabic Sheikh, Sayyid, Haji): after a
# word of a name, not at its start, one is a part of that name, as canonym.parse reads it (Hassan
# Sheikh Mohamud, Sharif Sheikh Ahmed); after a table name or another title it is a title again
# (Hezbollah Sheikh Naim Qassem is the group and its leader).
_NAME_PART_TITLES = frozenset(
    "sheikh sheik shaykh shaikh sayyid sayyed seyyed seyed sayed syed hajj haj haji hajji".split()
)
# Dotted abbreviations of titles, and initials, which may sit inside a name.
_ABBREVIATIONS = (
    "Adm Amb Brig Capt Cmdr Col Dr Fr Gen Gov Hon Jr Lt Maj Mr Mrs Ms Pres Prof Rep Rev Sen "
    "Sgt Sr St"
).split()
# A short lowercase word hyphenated to a name is part of it (Kai-shek, Jong-un, Tehrik-i-),
# unless it is an English compound (Iran-led, US-made, Iraq-wide).
_NOT_TAILS = sorted(
    {w for w in COMPOUND_SUFFIXES if len(w) <= 4}
    | set("wide like free type area zone side bred size only long old new day week year".split()),
    key=len,
    reverse=True,
)
# A longer tail is part of the name when it is one romanised Korean or Chinese syllable of five
# or six letters (Lee Jae-myung, Roh Moo-hyun, Chung Ju-yung, Hu Jin-tao's Wade-Giles peers), as
# canonym.parse reads the syllables of such a name. English compound words of that length do not
# have that shape (Hamas-ruled, Iran-armed, Gaza-bound, Kremlin-owned): a vowel or a second
# final follows.
_LONG_SYLLABLE_TAIL = rf"(?=[a-z]{{5,6}}(?![a-z])){ROMANISED_SYLLABLE}"
# The shadow keeps ASCII as it is, so every literal of the patterns must be ASCII.
assert all(
    w.isascii()
    for words in (_START_PARTICLES, _INNER_PARTICLES, _PATRONYMIC_WORDS, _ABBREVIATIONS, _NOT_TAILS)
    for w in words
)


def _word_tail(c: _Classes) -> str:
    """A word after its first character: letters, marks and digits, with apostrophes and
    invisible characters allowed between letters; "'s" at the end is a possessive."""
    # Written as letters, then (joiner, letters) pairs: the letters are one repeat of one class,
    # which the regular expression engines run in a tight loop (an alternation tried at each
    # letter made the run search about an eighth slower). The same words as (letter | joiner)*.
    return (
        rf"[{c.lmn}]*(?:(?:[{c.invisible}]+(?=[{c.lmn}])"
        rf"|[{c.apos}](?!s(?![{c.lmn}]))(?=[{c.lm}]))[{c.lmn}]*)*"
    )


def _word(c: _Classes) -> str:
    return rf"[{c.lmn}]{_word_tail(c)}"


def _capword(c: _Classes) -> str:
    """A capitalised word, or a dotted title or initial."""
    return (
        rf"(?:(?:{'|'.join(_ABBREVIATIONS)})\.(?=[{c.sp}])|[{c.lu}]\.(?=[{c.sp}][{c.lu}{c.lt}])"
        rf"|[{c.marks}]?(?=[{c.lu}{c.lt}]){_word(c)})"
    )


def _ws(c: _Classes) -> str:
    """One space or one line break (a wrapped line); a blank line ends a run."""
    return rf"(?:[{c.sp}]*(?:\r\n|\r|\n)[{c.sp}]*|[{c.sp}]+)"


def _run_step(c: _Classes) -> str:
    """One step of a run after a capitalised word: a joiner and the next capitalised word, a
    short lowercase hyphen tail, or a number of one or two digits."""
    tail = (
        rf"[{c.hy}](?!(?:{'|'.join(_NOT_TAILS)})(?![{c.lmn}]))"
        rf"(?:[{c.ll}]{{1,4}}|{_LONG_SYLLABLE_TAIL})"
        rf"(?![{c.lmn}]|[{c.hy}][{c.ll}])"
    )
    # After a space, an inner particle (al, bin, de ...) or any hyphenated form of the Arabic
    # article, sun-letter assimilations included: Deir ez-Zor, Jabhat an-Nusra, Nur ad-Din.
    # A word may end with an apostrophe before a space where the name goes on: the ʿayn or
    # hamza that closes an Arabic word (Mohammed Shia' al-Sudani, Jami' al-Azhar). Not after an
    # s, where it is an English plural's possessive (the Saudis' envoy).
    joiner = (
        rf"(?:(?:(?<![sSzZ{c.apos}])[{c.apos}](?=[{c.sp}]))?"
        rf"{_ws(c)}(?:(?:{'|'.join(_INNER_PARTICLES)})(?:[{c.sp}]+|[{c.hy}])"
        rf"|(?:{'|'.join(_HY_ARTICLES)})[{c.hy}])?"
        rf"|[{c.hy}](?:(?:{'|'.join(_HY_ARTICLES)})[{c.hy}])?|[{c.en_dash}])"
    )
    # A number of one or two digits after a space or a hyphen numbers the name (Chollima-1,
    # Adrian Darya 1, West Qurna 2): not a year, a figure or a date's day of more digits, nor
    # a number that goes on as a decimal or a list of thousands (Phase 1.5, Group 1,000).
    number = rf"(?:[{c.hy}]|[{c.sp}])[0-9]{{1,2}}(?![{c.lmn}]|[.,:][0-9])"
    patronymic = rf"[{c.sp}]+(?:{'|'.join(_PATRONYMIC_WORDS)})(?![{c.lmn}{c.apos}{c.hy}])"
    return rf"{joiner}(?=[{c.marks}]?[{c.lu}{c.lt}]){_capword(c)}|{tail}|{number}|{patronymic}"


def _run_rest(c: _Classes) -> str:
    """What a run holds after its first capitalised word: more of them with their joiners,
    and short lowercase hyphen tails."""
    return rf"(?:{_run_step(c)})*"


def run_pattern(c: _Classes = _UNICODE) -> str:
    """The whole rule for a run, as one pattern (the reference the shadow scan implements)."""
    return (
        rf"(?<![{c.lmn}{c.invisible}])"
        rf"(?:(?:{'|'.join(_HY_ARTICLES)})[{c.hy}](?=[{c.lu}{c.lt}])"
        rf"|(?:{'|'.join(_START_PARTICLES)})[{c.sp}]+(?=[{c.lu}{c.lt}]))?"
        rf"{_capword(c)}{_run_rest(c)}"
    )


def _run_from_capital(c: _Classes, openers: frozenset[str] = frozenset()) -> str:
    """A run from its first capital (or the ʻ before it) on: ``run_pattern`` less its leading
    particle, written to start with a character class, so that ``re`` looks for that class in
    a fast loop instead of trying the pattern at every position.

    ``openers`` (ASCII words) are passed over where one of them, after a sentence end and one
    space, would be a run of its own (``. The camp``): most capitals of a draft open a sentence
    with a function word, and each match handed to Python costs more than the search."""
    abbreviation_rests = "|".join(f"(?<={a[0]}){a[1:]}" for a in _ABBREVIATIONS)
    skip = ""
    if openers:
        # The opener's first letter has been read; the rest of the word must end there (no
        # letter, invisible character, apostrophe, dot or dash after it: a dot or a dash may
        # carry the run on, and such rare cases are left to the caller) and no step of a run
        # may follow. Anything else is matched as before, and the caller's test stands.
        ends = rf"(?![{c.lmn}{c.invisible}{c.apos}{c.hy}{c.en_dash}.])(?!{_run_step(c)})"
        by_first: dict[str, list[str]] = {}
        for w in sorted(openers, key=len, reverse=True):
            by_first.setdefault(w[0], []).append(re.escape(w[1:]))
        rests = "|".join(
            rf"(?<={re.escape(first)})(?:{'|'.join(words)})"
            for first, words in sorted(by_first.items())
        )
        skip = rf"(?!(?<=[.!?:;] [{c.lu}])(?:{rests}){ends})"
    return (
        rf"[{c.lu}{c.lt}{c.marks}](?<![{c.lmn}{c.invisible}][\s\S]){skip}"
        rf"(?:(?<=[{c.marks}])[{c.lu}{c.lt}]{_word_tail(c)}"
        rf"|(?<![{c.marks}])(?:(?:{abbreviation_rests})\.(?=[{c.sp}])"
        rf"|(?<=[{c.lu}])\.(?=[{c.sp}][{c.lu}{c.lt}])|{_word_tail(c)}))"
        rf"{_run_rest(c)}"
    )


WORD_RE = regex.compile(_word(_UNICODE))
_S_WORD = re.compile(_word(_SHADOW))
_S_RUN = re.compile(_run_from_capital(_SHADOW))
_S_SOFT_GAP = re.compile(rf"(?:{_ws(_SHADOW)}|[{_SHADOW.hy}])")
# A particle that opens a run, ending where the run's first capital (or its spaces) begins.
_S_HY_ARTICLE = re.compile(
    rf"(?<![{_SHADOW.lmn}{_SHADOW.invisible}])(?:{'|'.join(_HY_ARTICLES)})[{_SHADOW.hy}]\Z"
)
_S_START_PARTICLE = re.compile(
    rf"(?<![{_SHADOW.lmn}{_SHADOW.invisible}])(?:{'|'.join(_START_PARTICLES)})\Z"
)
_LONGEST_PARTICLE = max(map(len, (*_HY_ARTICLES, *_START_PARTICLES))) + 1
_S_HYPHENS = frozenset("-" + _HY)
_S_SPACES = frozenset("\t " + _SP)


@lru_cache(maxsize=8)
def _run_searcher(openers: frozenset[str]) -> Callable[[str, int], re.Match[str] | None]:
    """``_S_RUN.search`` that passes over ``openers`` opening a sentence as a run of their own
    (compiled once per set of openers: tables differ only in which function words start one
    of their names)."""
    return re.compile(_run_from_capital(_SHADOW, openers)).search


def _shadow_char(ch: str) -> str:
    """The stand-in of one non-ASCII character (decided by the ``regex`` module's classes, so
    that the shadow scan and the Unicode patterns agree)."""
    for chars, stand_in in (
        (_MARKS, _MK),
        (_INVISIBLE, _INV),
        (_APOS, _AP),
        (_SPACES, _SP),
        (_HYPHENS, _HY),
        (_EN_DASH, _ND),
    ):
        if ch in chars:
            return stand_in
    for cls, stand_in in _CATEGORY_STAND_INS:
        if cls.match(ch):
            return stand_in
    return _OTHER


_CATEGORY_STAND_INS = [
    (regex.compile(r"\p{Lu}"), _LU),
    (regex.compile(r"\p{Ll}"), _LL),
    (regex.compile(r"\p{Lt}"), _LT),
    (regex.compile(r"\p{L}"), _LO),
    (regex.compile(r"\p{M}"), _MN),
    (regex.compile(r"\p{N}"), _NUM),
]


class _ShadowTable(dict[int, str]):
    """``str.translate`` table of stand-ins, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        stand_in = _shadow_char(chr(code))
        if len(self) < _SHADOW_TABLE_SIZE:
            self[code] = stand_in
        return stand_in


_SHADOW_TABLE_SIZE = 1 << 16
_SHADOW_TABLE = _ShadowTable()


def _shadow_error(err: UnicodeError) -> tuple[bytes, int]:
    """Encoding error handler: the non-ASCII stretch of a text in stand-ins."""
    assert isinstance(err, UnicodeEncodeError)
    stretch = err.object[err.start : err.end].translate(_SHADOW_TABLE)
    return stretch.encode("latin-1"), err.end


# The ASCII encoder copies ASCII at C speed and hands each non-ASCII stretch to the handler.
codecs.register_error("canonym.shadow", _shadow_error)


def shadow(text: str) -> str:
    """``text`` with each non-ASCII character replaced by the stand-in of its class.

    >>> shadow("Kata’ib Hezbollah") == "Kata\\x87ib Hezbollah"
    True
    >>> [ord(ch) for ch in shadow("Ḥé\\u0301 ʿ5")]
    [128, 129, 133, 32, 132, 53]
    """
    if text.isascii():
        return text
    return text.encode("ascii", "canonym.shadow").decode("latin-1")


# English function words: capitalised at the start of a sentence they are not names.
FUNCTION_WORDS = frozenset(
    """a an the this that these those there here then thus so yet but and or nor if as at by for
    from in into of on onto to with within without over under after before since during while
    when where whereas although though because unless until whether what which who whom whose
    why how his her hers its their theirs our ours my mine your yours he she it they we i you me
    him them us some many most much more less few several all both each every either neither no
    not none one two three four five also however meanwhile moreover nevertheless instead still
    now later earlier once again against between among amid around across behind beyond beside
    besides toward towards upon via near like unlike than such other another only even just yet
    according despite following including regarding about above below per is are was were be
    been being has have had do does did will would shall should may might must can could""".split()
)
_FOLDED_TITLES: dict[str, list[tuple[str, ...]]] = {}
for _title in TITLES:
    _FOLDED_TITLES.setdefault(_title.split()[0], []).append(tuple(_title.split()))
_ACRONYM = 5  # letters: a one-word name in capitals up to this long is an acronym
# Days and months, capitalised in English before the names they date: no name's first word
# (April, May, June and August are given names, and are left out).
_DATE_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march july
    september october november december""".split()
)


def _fold_word(word: str) -> tuple[str, ...]:
    """The folded pieces of one word (unidecode may turn one CJK word into several)."""
    if word.isascii() and word.isalnum():
        return (word.lower(),)
    return tuple(fold(word).split())


_LETTER_MARKS = frozenset("\u02bb\u02bc\u02be\u02bf")  # ʻ ʼ ʾ ʿ: letters without case


def _is_cap(word: str) -> bool:
    """Whether the first cased letter of ``word`` is upper (or title) case."""
    for ch in word:
        if ch.isalpha() and ch not in _LETTER_MARKS:
            return ch.isupper() or ch.istitle()
    return False


def _is_all_caps(word: str) -> bool:
    """Two letters or more, all capitals (``US``, ``KATA'IB``)."""
    return word.isupper() and sum(ch.isalpha() for ch in word) >= 2


class _WordInfo(NamedTuple):
    """What the scan needs to know of a word of a run, worked out once per distinct word."""

    pieces: tuple[tuple[str, int], ...]  # folded pieces, with the case each is written in
    folded: str  # the pieces joined by spaces
    cap: bool  # capitalised (its first cased letter is upper or title case)
    caps: bool  # ALL CAPS (two letters or more), or a single character


_WORD_INFOS: dict[str, _WordInfo] = {}
_WORD_INFOS_KEPT = 1 << 16


def _word_info(word: str) -> _WordInfo:
    info = _WORD_INFOS.get(word)
    if info is None:
        folded = _fold_word(word)
        level = _case(word)
        info = _WordInfo(
            tuple((piece, level if i == 0 else 0) for i, piece in enumerate(folded)),
            " ".join(folded),
            _is_cap(word),
            _is_all_caps(word) or len(word) == 1,
        )
        if len(_WORD_INFOS) >= _WORD_INFOS_KEPT:
            _WORD_INFOS.clear()
        _WORD_INFOS[word] = info
    return info


# -- mentions ---------------------------------------------------------------------------------


class Mention(NamedTuple):
    """A name found in a text: its span, and what it refers to when that is known.

    ``entity`` is the id of the table entity (``None`` for an unknown name), ``alias`` the table
    string that found it and ``alias_type`` its field (``name``, ``spelling``, ``alias``,
    ``short``), ``method`` ``literal`` or the resolver's method. ``words`` are the spans of its
    words. ``caps`` is set for an ALL-CAPS mention, ``initial`` for one that starts a sentence.

    An unknown mention with ``parts`` is a segment that contains table names but is not covered
    by them (``Khata'ib Hezbollah`` holds ``Hezbollah``): the checker decides whether the whole
    is a spelling of a known name or an unknown one; if neither, ``parts`` (the table names and
    the unknown pieces, in order) stand for it.

    (A named tuple: a draft has thousands of mentions, and a tuple is made several times
    faster than a frozen dataclass.)
    """

    start: int
    end: int
    text: str
    words: tuple[tuple[int, int], ...]
    entity: str | None = None
    alias: str | None = None
    alias_type: str | None = None
    method: str = "unknown"
    initial: bool = False
    caps: bool = False
    parts: tuple[Mention, ...] = ()


class _Terminal(NamedTuple):
    entity: int
    text: str
    kind: str
    case: tuple[int, ...]  # per folded piece: 0 any case, 1 capitalised, 2 ALL CAPS (an acronym)


# A folded piece of a word: (piece, its case: 0 lower, 1 capitalised, 2 ALL CAPS, token index).
_Piece = tuple[str, int, int]
# What the scan remembers of a run it has analysed (see NameIndex.__init__).
_Run = tuple[tuple[Mention, ...], list[_Piece], list[int], list[dict[str, Any]]]
_END = ""  # the trie key of a node's terminals: no folded piece is empty
_TYPE_ORDER = {"name": 0, "spelling": 1, "short": 2, "alias": 3, "weak": 4}


def _case(word: str) -> int:
    """0 lowercase, 1 capitalised, 2 ALL CAPS (two letters or more)."""
    if word.isupper():
        return 2 if sum(ch.isalpha() for ch in word) >= 2 else 1
    return 1 if _is_cap(word) else 0


def _pieces(text: str) -> tuple[list[str], list[int]]:
    """Folded pieces of a table name, and the case each must have in a text.

    A capitalised word must be capitalised in the text (``The Base`` is not "the base"); an
    acronym must be in capitals (``US`` is not "us" nor "Us"): an ALL-CAPS word of a name that is
    not all in capitals, or a whole name of one ALL-CAPS word of up to five letters (an
    imported ``HIZBALLAH`` only asks for a capital).
    """
    words = [m.group() for m in WORD_RE.finditer(text)]
    shouting = all(_is_all_caps(w) or not _is_cap(w) for w in words)
    pieces: list[str] = []
    case: list[int] = []
    for w in words:
        level = _case(w)
        if level == 2 and shouting and not (len(words) == 1 and len(w) <= _ACRONYM):
            level = 1
        for i, piece in enumerate(_fold_word(w)):
            pieces.append(piece)
            case.append(level if i == 0 else 0)
    return pieces, case


class NameIndex:
    """Every name of a resolver's table in a trie of folded words, plus the resolver itself.

    Build it with :func:`index_for`, which caches one per resolver. Thread-safe after building.
    """

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.entities: list[Entity] = list(resolver.table)
        self._trie: dict[str, Any] = {}
        # Keys of every word of every table name, to skip the resolver for segments that share
        # no word key with the table (the resolver's own blocks are a superset of these).
        self._word_keys: set[str] = set()
        for e_index, entity in enumerate(self.entities):
            typed = [(entity.name, "name")]
            typed += [(s, "spelling") for s in entity.spellings]
            typed += [(s, "alias") for s in entity.aliases]
            typed += [(s, "short") for s in entity.short]
            typed += [(s, "weak") for s in entity.weak]
            for text, kind in typed:
                pieces, case = _pieces(text)
                if not pieces:
                    continue
                node = self._trie
                for piece in pieces:
                    node = node.setdefault(piece, {})
                node.setdefault(_END, []).append(_Terminal(e_index, text, kind, tuple(case)))
                for token in parse(text).tokens:
                    self._word_keys.update(_word_keys(token.text))
        self._resolved: dict[str, tuple[str, str, str, str] | None] = {}
        # run text, sentence-initial -> (its mentions at offset 0, its pieces, extension starts,
        # the trie nodes where the names that may go on past the run stand)
        self._runs: dict[tuple[str, bool], _Run] = {}
        self._entity_keys: dict[str, frozenset[str]] = {}
        self._entity_forms: dict[str, tuple[tuple[str, str], ...]] = {}
        self._keys: dict[str, list[tuple[str, str, str]]] | None = None  # built on first use
        self._lock = threading.Lock()
        # Function words that, capitalised after a full stop and a space, are a run of their
        # own with nothing in it: dropped as sentence openers, and no table name starts with
        # them (see scan).
        self._openers = frozenset(w.capitalize() for w in FUNCTION_WORDS if w not in self._trie)
        # The run search of this table, which passes over those openers itself (see scan).
        self._search_run = _run_searcher(self._openers)

    # -- literal hits -----------------------------------------------------------------------

    def _walk(self, pieces: list[_Piece], i: int) -> tuple[int, list[_Terminal]] | None:
        """The longest table name that starts at piece ``i``: (end piece, terminals)."""
        node: dict[str, Any] = self._trie
        best: tuple[int, list[_Terminal]] | None = None
        j = i
        while j < len(pieces):
            nxt = node.get(pieces[j][0])
            if nxt is None:
                break
            node = nxt
            j += 1
            terminals = node.get(_END)
            if terminals:
                span = pieces[i:j]
                fitting = [t for t in terminals if _case_fits(t.case, span)]
                if fitting:
                    best = (j, fitting)
        return best

    def _continues(self, pieces: list[_Piece], i: int) -> bool:
        """Whether some table name starting at piece ``i`` is longer than ``pieces[i:]``."""
        # (Indexed, not a slice: asked at every piece of a run, a slice copied the rest of the
        # run each time, quadratic in a pasted run of thousands of capitalised words.)
        node: dict[str, Any] | None = self._trie
        for at in range(i, len(pieces)):
            node = node.get(pieces[at][0]) if node is not None else None
            if node is None:
                return False
        return node is not None and any(k != _END for k in node)

    # -- resolution -------------------------------------------------------------------------

    def keys_of(self, text: str, *, last: bool = False) -> frozenset[str]:
        """The word keys of a name (its words' class keys and consonant skeletons); with
        ``last``, of its last word only (the family name or head noun, which a misspelling of
        the name keeps most often)."""
        tokens = parse(text).tokens[-1:] if last else parse(text).tokens
        return frozenset(k for t in tokens for k in _context_keys(t.text))

    def key_hits(self, text: str) -> list[tuple[str, str, str]]:
        """(entity id, table name, its field) for every strong table name whose
        transliteration key (:func:`canonym.key`) equals that of ``text``."""
        if self._keys is None:
            with self._lock:
                if self._keys is None:
                    keys: dict[str, list[tuple[str, str, str]]] = {}
                    for e in self.entities:
                        typed = [(e.name, "name"), *((x, "spelling") for x in e.spellings)]
                        typed += [(x, "alias") for x in e.aliases]
                        typed += [(x, "short") for x in e.short]
                        for name, kind in typed:
                            keys.setdefault(key(name), []).append((e.id, name, kind))
                    self._keys = keys
        hits = self._keys.get(_name_key(text), [])
        # One key holds names that a curated list keeps apart (Said, Saad): not those.
        return [h for h in hits if not names_apart(text, h[1])] if hits else hits

    def entity_forms(self, entity_id: str) -> tuple[tuple[str, str], ...]:
        """(joined class key, folded form) of every strong name of an entity (cached)."""
        forms = self._entity_forms.get(entity_id)
        if forms is None:
            e = self.resolver.table[entity_id]
            forms = tuple(dict.fromkeys(compact_forms(n) for n in (*e.names(), *e.short)))
            self._entity_forms[entity_id] = forms
        return forms

    def entity_keys(self, entity_id: str) -> frozenset[str]:
        """The word keys of every name of an entity (cached)."""
        keys = self._entity_keys.get(entity_id)
        if keys is None:
            e = self.resolver.table[entity_id]
            keys = frozenset().union(*(self.keys_of(n) for n in (*e.names(), *e.short)))
            self._entity_keys[entity_id] = keys
        return keys

    def resolve(self, segment: str) -> tuple[str, str, str, str] | None:
        """(entity id, alias, alias type, method) for a segment, or None; cached."""
        name = " ".join(segment.split())
        if name in self._resolved:
            return self._resolved[name]
        result: tuple[str, str, str, str] | None = None
        words = parse(name).tokens
        if words and any(k in self._word_keys for t in words for k in _word_keys(t.text)):
            m = self.resolver.resolve(name)
            if m is not None and m.method != "weak":
                result = (m.entity_id, m.alias, m.alias_type, m.method)
        with self._lock:
            if len(self._resolved) > _RESOLVED_CACHE:
                self._resolved.clear()
            self._resolved[name] = result
        return result

    # -- the scan ---------------------------------------------------------------------------

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in order."""
        return [m if base == 0 else _shifted(m, base) for base, m in self.scan(text)]

    def scan(self, text: str) -> list[tuple[int, Mention]]:
        """Every mention in ``text``, in order, as (offset, mention), the mention's spans being
        relative to the offset. A run met again gives the very mention objects it gave the
        first time (drafts repeat their names), so that a caller can decide once per name."""
        out: list[tuple[int, Mention]] = []
        shadow_text = shadow(text)
        skips = _not_prose(text)
        k = 0
        pos = 0
        runs = self._runs
        search = self._search_run
        opening = _run_start
        sentence_ends = _SPACED_SENTENCE_ENDS
        openers = self._openers
        particle_ends = _PARTICLE_ENDS
        spaces = _S_SPACES
        while True:
            m = search(shadow_text, pos)
            if m is None:
                break
            start, end = m.span()
            if shadow_text[start - 2 : start] in sentence_ends and text[start:end] in openers:
                pos = end  # "The", "However" ... opening a sentence (the search passes most over)
                continue
            # A capital after one space that no particle ends has no particle before it (the
            # common case of _run_start, decided here without a call).
            if start > pos and not (
                shadow_text[start - 1] == " "
                and shadow_text[start - 3 : start] not in particle_ends
                and shadow_text[start - 2] not in spaces
            ):
                start = opening(shadow_text, pos, start)
            if skips:
                while k < len(skips) and skips[k][1] <= start:
                    k += 1
                if k < len(skips) and skips[k][0] <= start:
                    pos = skips[k][1]  # code, a URL or a comment: not prose
                    continue
            run = text[start:end]
            if "\n" in run or "\r" in run:
                pieces_of_run = list(_split_heading_lines(text, start, end))
            else:
                pieces_of_run = [(start, end)]
            for run_start, run_end in pieces_of_run:
                # Whether the run opens a sentence: mostly told by the two characters before it.
                before = text[run_start - 2 : run_start]
                if before[1:] == " " and not (
                    before[0].isspace() or before[0] in _OPENERS or before[0].isdigit()
                ):
                    initial = before[0] in _SENTENCE_ENDS
                else:
                    initial = _sentence_initial(text, run_start)
                run_key = (
                    run if run_start == start and run_end == end else text[run_start:run_end],
                    initial,
                )
                cached = runs.get(run_key)
                if cached is not None:
                    mentions, pieces, starts, nodes = cached
                    if not nodes or not self._may_extend(shadow_text, text, run_end, nodes):
                        for mention in mentions:
                            out.append((run_start, mention))
                        continue
                found: list[Mention] = []
                run_end, pieces, starts, extended = self._scan_run(
                    shadow_text, text, run_start, run_end, initial, found
                )
                end = max(end, run_end)
                out.extend((run_start, mention) for mention in found)
                if not extended:
                    # Drafts repeat their names: a run is analysed once, then its mentions
                    # reused.
                    if len(runs) > _RUN_CACHE:
                        runs.clear()
                    runs[run_key] = (tuple(found), pieces, starts, self._end_nodes(pieces, starts))
            pos = end
        return out

    def _scan_run(
        self, shadow_text: str, text: str, start: int, end: int, initial: bool, out: list[Mention]
    ) -> tuple[int, list[_Piece], list[int], bool]:
        """Add the mentions of one run to ``out``, their spans relative to ``start``.

        Returns where the run really ended, its folded pieces, the pieces where a table name
        could go on past the run, and whether one did."""
        # (a dotted title or initial leaves its dot outside the word)
        tokens = [w.span() for w in _S_WORD.finditer(shadow_text, start, end)]
        if not tokens:
            return end, [], [], False
        infos = [_word_info(text[s:e]) for s, e in tokens]
        pieces: list[_Piece] = [
            (piece, level, t_index)
            for t_index, info in enumerate(infos)
            for piece, level in info.pieces
        ]
        if not pieces:
            return end, [], [], False
        # A name of the table may go on past the run through lowercase words ("of", "the").
        starts = self._extension_starts(pieces)
        run_pieces = list(pieces)
        extended = False
        if starts:
            new_end, extra_tokens, extra_pieces = self._try_extend(
                shadow_text, text, end, pieces, starts, len(tokens)
            )
            if extra_tokens:
                tokens.extend(extra_tokens)
                pieces.extend(extra_pieces)
                infos.extend(_word_info(text[s:e]) for s, e in extra_tokens)
                end, extended = new_end, True
        caps = all(info.caps for info in infos)
        # Literal hits, leftmost-longest.
        hits: list[tuple[int, int, list[_Terminal]]] = []  # token ranges [a, b)
        i = 0
        while i < len(pieces):
            found = self._walk(pieces, i)
            if found is None:
                i += 1
                continue
            j, terminals = found
            a, b = pieces[i][2], pieces[j - 1][2] + 1
            # A hit must cover whole words: the pieces of a word come from one unidecode call.
            if (i == 0 or pieces[i - 1][2] != a) and (j == len(pieces) or pieces[j][2] != b - 1):
                if self._title_opens_longer(pieces, i, j, a, infos):
                    i += 1  # "King Hamad" in King Hamad bin Isa Al Khalifa
                    continue
                if _syllable_runs_on(text, tokens, infos, b):
                    i += 1  # "Gao" (Mali) in Zhang Gao-li
                    continue
                hits.append((a, b, terminals))
                i = j
            else:
                i += 1
        if len(hits) == 1 and hits[0][0] == 0 and hits[0][1] == len(tokens):
            # The whole run is one table name (the common case): no title, opener or segment
            # to look for; its mention, relative to the run.
            literal = self._literal(hits[0][2], text[tokens[0][0] : tokens[-1][1]])
            if literal is not None:
                entity, alias, alias_type, method = literal
                first = tokens[0][0]
                out.append(
                    Mention(
                        first - start,
                        tokens[-1][1] - start,
                        text[first : tokens[-1][1]],
                        tuple([(s - start, e - start) for s, e in tokens]),
                        entity,
                        alias,
                        alias_type,
                        method,
                        initial,
                        caps,
                    )
                )
            return end, run_pieces, starts, extended
        covered = [False] * len(tokens)
        for a, b, _ in hits:
            for t in range(a, b):
                covered[t] = True
        # Leave out titles (outside hits, never the last word) and a sentence-opening function
        # word; what remains falls into segments.
        drop = [False] * len(tokens)
        folded_tokens = [info.folded for info in infos]
        cap = [info.cap for info in infos]
        t = 0
        if (
            initial
            and folded_tokens[0] in FUNCTION_WORDS
            and not covered[0]
            and not _family_name_opens(folded_tokens, cap)
            and not _korean_family_name_opens(text, tokens, folded_tokens, cap)
        ):
            drop[0] = True
            t = 1
        while t < len(tokens):
            length = 0 if covered[t] else _title_at(folded_tokens, t, covered)
            if (
                length == 1
                and folded_tokens[t] in _NAME_PART_TITLES
                and t > 0
                and cap[t - 1]
                and not drop[t - 1]
                and not covered[t - 1]
            ):
                length = 0  # a word of the name it stands in (Hassan Sheikh Mohamud)
            if length and t + length < len(tokens):
                for k in range(t, t + length):
                    drop[k] = True
                t += length
            else:
                t += 1
        segments: list[tuple[int, int]] = []
        t = 0
        while t < len(tokens):
            if drop[t]:
                t += 1
                continue
            u = t
            while u < len(tokens) and not drop[u]:
                u += 1
            segments.append((t, u))
            t = u
        # The mentions are made relative to the run: its text, and its tokens' spans in it.
        run_text = text[start:end]
        tokens = [(s - start, e - start) for s, e in tokens]
        # Hits are in order and each lies in one segment (no word of a hit is dropped), so one
        # pass hands each segment its own; a segment opens the sentence when nothing before it
        # was dropped. (Not a scan of all hits and drops per segment: quadratic in a pasted
        # run of a titled name repeated thousands of times.)
        first_drop = drop.index(True) if True in drop else len(drop)
        k = 0
        for a, b in segments:
            while k < len(hits) and hits[k][0] < a:
                k += 1
            first = k
            while k < len(hits) and hits[k][1] <= b:
                k += 1
            seg_initial = initial and first_drop >= a
            self._segment(
                run_text, tokens, folded_tokens, cap, a, b, hits[first:k], seg_initial, caps, out
            )
        return end, run_pieces, starts, extended

    def _title_opens_longer(
        self,
        pieces: list[_Piece],
        i: int,
        j: int,
        a: int,
        infos: list[_WordInfo],
    ) -> bool:
        """Whether a hit that opens with a title (pieces [i, j), first word ``a``) gives way
        to a table name that starts after the title and runs further: the title is then left
        out, as before any other name. The longer name says more: "King Hamad" (an alias) in
        King Hamad bin Isa Al Khalifa, "Sheikh Tamim" (weak) in Sheikh Tamim bin Hamad Al
        Thani, and "King Abdullah" of Jordan in King Abdullah bin Abdulaziz of Saudi Arabia."""
        # (The title's words only: the run's every word, folded once per hit, made a pasted
        # run of a name repeated thousands of times quadratic.)
        folded = [info.folded for info in infos[a : a + _LONGEST_TITLE]]
        title = _title_at(folded, 0, [False] * len(folded))
        if not title:
            return False
        k = i
        while k < len(pieces) and pieces[k][2] < a + title:
            k += 1
        found = None if k == len(pieces) else self._walk(pieces, k)
        return found is not None and found[0] > j

    def _extension_starts(self, pieces: list[_Piece]) -> list[int]:
        """Pieces where a table name starts whose walk has consumed the whole run and could go
        on past it."""
        return [
            i
            for i in range(len(pieces))
            if (i == 0 or pieces[i - 1][2] != pieces[i][2]) and self._continues(pieces, i)
        ]

    def _try_extend(
        self,
        shadow_text: str,
        text: str,
        end: int,
        pieces: list[_Piece],
        starts: list[int],
        n_tokens: int = 0,
    ) -> tuple[int, list[tuple[int, int]], list[_Piece]]:
        """Follow a table name past the end of a run through the words after it.

        Returns the new end and the extra tokens and pieces (none when no name fits)."""
        if not self._may_extend(shadow_text, text, end, self._end_nodes(pieces, starts)):
            return end, [], []
        extra_tokens: list[tuple[int, int]] = []
        extra_pieces: list[_Piece] = []
        pos = end
        best: tuple[int, int] = (end, 0)
        for _ in range(_MAX_EXTENSION):
            gap = _S_SOFT_GAP.match(shadow_text, pos)
            if gap is None:
                break
            word = _S_WORD.match(shadow_text, gap.end())
            if word is None:
                break
            extra_tokens.append(word.span())
            t_index = n_tokens + len(extra_tokens) - 1
            for piece, level in _word_info(text[word.start() : word.end()]).pieces:
                extra_pieces.append((piece, level, t_index))
            pos = word.end()
            all_pieces = pieces + extra_pieces
            if any(self._walk_to_end(all_pieces, i) for i in starts):
                best = (pos, len(extra_tokens))
            if not any(self._continues(all_pieces, i) for i in starts):
                break
        new_end, count = best
        kept = extra_tokens[:count]
        return new_end, kept, [p for p in extra_pieces if p[2] < n_tokens + count]

    def _may_extend(
        self, shadow_text: str, text: str, end: int, nodes: list[dict[str, Any]]
    ) -> bool:
        """Whether a table name could go on past ``end`` (where the run's names stand at
        ``nodes`` of the trie): most runs are followed by a word that no name goes on with."""
        gap = _S_SOFT_GAP.match(shadow_text, end)
        word = None if gap is None else _S_WORD.match(shadow_text, gap.end())
        if word is None:
            return False
        first = _word_info(text[word.start() : word.end()]).pieces
        # (a word that folds to nothing leaves the walk where it was: let the full test say)
        return not first or any(first[0][0] in node for node in nodes)

    def _end_nodes(self, pieces: list[_Piece], starts: list[int]) -> list[dict[str, Any]]:
        """The trie nodes reached by walking from each start to the end of the run."""
        nodes = []
        for i in starts:
            node = self._trie
            for piece in pieces[i:]:
                node = node[piece[0]]  # the start was chosen because this walk goes through
            nodes.append(node)
        return nodes

    def _walk_to_end(self, pieces: list[_Piece], i: int) -> bool:
        found = self._walk(pieces, i)
        return found is not None and found[0] == len(pieces)

    def _segment(
        self,
        text: str,
        tokens: list[tuple[int, int]],
        folded: list[str],
        cap: list[bool],
        a: int,
        b: int,
        hits: list[tuple[int, int, list[_Terminal]]],
        initial: bool,
        caps: bool,
        out: list[Mention],
    ) -> None:
        """Mentions of tokens [a, b): literal hits and unknown pieces; a segment that holds
        table names without being covered by them is one unknown mention with those ``parts``."""
        parts: list[Mention] = []
        t = a
        for h_start, h_end, terminals in hits:
            if t < h_start and not caps:
                self._unknown(text, tokens, folded, cap, t, h_start, initial and t == a, parts)
            literal = self._literal(terminals, text[tokens[h_start][0] : tokens[h_end - 1][1]])
            if literal is not None:
                parts.append(
                    self._mention(
                        text, tokens, h_start, h_end, literal, initial and h_start == a, caps
                    )
                )
            t = h_end
        if t < b and not caps:
            self._unknown(text, tokens, folded, cap, t, b, initial and t == a, parts)
        covered = sum(h[1] - h[0] for h in hits)
        whole = (
            None
            if caps or not hits or covered == b - a
            else _trim(cap, folded, a, b, _hyphened(text, tokens))
        )
        if whole is None:
            out.extend(parts)
            return
        s, e = whole
        start, end = tokens[s][0], tokens[e - 1][1]
        out.append(
            Mention(
                start,
                end,
                text[start:end],
                tuple(tokens[s:e]),
                initial=initial and s == a,
                parts=tuple(parts),
            )
        )

    def _literal(
        self, terminals: list[_Terminal], written: str
    ) -> tuple[str, str, str, str] | None:
        """The entity a literal hit names, or None when two entities claim the string."""
        strong = [t for t in terminals if t.kind != "weak"] or terminals
        if len({t.entity for t in strong}) > 1:
            return None  # a homonym the table links as distinct: say nothing
        best = min(strong, key=lambda t: (t.text != written, _TYPE_ORDER[t.kind]))
        kind = best.kind
        return (self.entities[best.entity].id, best.text, kind, "literal")

    def _mention(
        self,
        text: str,
        tokens: list[tuple[int, int]],
        a: int,
        b: int,
        resolved: tuple[str, str, str, str],
        initial: bool,
        caps: bool,
    ) -> Mention:
        s, e = tokens[a][0], tokens[b - 1][1]
        entity, alias, alias_type, method = resolved
        return Mention(
            s, e, text[s:e], tuple(tokens[a:b]), entity, alias, alias_type, method, initial, caps
        )

    def _unknown(
        self,
        text: str,
        tokens: list[tuple[int, int]],
        folded: list[str],
        cap: list[bool],
        a: int,
        b: int,
        initial: bool,
        out: list[Mention],
    ) -> None:
        trimmed = _trim(cap, folded, a, b, _hyphened(text, tokens))
        if trimmed is None:
            return
        s, e = trimmed
        start, end = tokens[s][0], tokens[e - 1][1]
        out.append(
            Mention(start, end, text[start:end], tuple(tokens[s:e]), initial=initial and s == a)
        )


_RUN_CACHE = 1 << 16  # distinct runs remembered per index (then forgotten all at once)
_RESOLVED_CACHE = 1 << 16
_MAX_EXTENSION = 12  # words a table name may run on past the capitalised run


def _shifted(m: Mention, by: int) -> Mention:
    """The mention with every offset moved by ``by``."""
    return Mention(
        m.start + by,
        m.end + by,
        m.text,
        tuple([(s + by, e + by) for s, e in m.words]),
        m.entity,
        m.alias,
        m.alias_type,
        m.method,
        m.initial,
        m.caps,
        tuple([_shifted(part, by) for part in m.parts]) if m.parts else (),
    )


# The last two letters of each particle that may open a run, and a space: a capital after a
# single space that does not follow one of these has no particle before it.
_PARTICLE_ENDS = frozenset(p[-2:] + " " for p in _START_PARTICLES)


def _run_start(shadow_text: str, pos: int, capital: int) -> int:
    """Where a run that ``_S_RUN`` found at ``capital`` (its first capital, or the ʻ before it)
    starts: at the particle before it (``al-Muhandis``, ``bin Laden``) if there is one, and
    not before ``pos``. Together they find what ``run_pattern()`` finds."""
    before = shadow_text[capital - 1]
    if (
        shadow_text[capital] == _MK  # a particle is followed by a capital, not by ʻ
        or before == "\n"
        # mostly the characters before the capital tell at once that there is no particle
        or (
            before == " "
            and shadow_text[capital - 3 : capital] not in _PARTICLE_ENDS
            and shadow_text[capital - 2] not in _S_SPACES
        )
    ):
        return capital
    if before in _S_HYPHENS:
        m = _S_HY_ARTICLE.search(shadow_text, max(pos, capital - _LONGEST_PARTICLE), capital)
        return capital if m is None else m.start()
    if before in _S_SPACES:
        k = capital - 1
        while k > pos and shadow_text[k - 1] in _S_SPACES:
            k -= 1
        m = _S_START_PARTICLE.search(shadow_text, max(pos, k - _LONGEST_PARTICLE), k)
        return capital if m is None else m.start()
    return capital


def _case_fits(case: tuple[int, ...], pieces: list[_Piece]) -> bool:
    """Each word is written at least as capitalised as the table name requires."""
    return all(p[1] >= c for c, p in zip(case, pieces, strict=True))


def _word_keys(word: str) -> tuple[str, ...]:
    skeleton = consonant_skeleton(word)
    return ("t" + token_key(word), "c" + skeleton, "r" + skeleton[1:], *_skeleton_slips(skeleton))


def _skeleton_slips(skeleton: str) -> tuple[str, ...]:
    """Keys that two consonant skeletons one consonant apart share (one dropped, added or
    changed: Dutere, Duterte; Dushambe, Dushanbe): the skeleton itself, and of one of four
    consonants or more each deletion of one (Wolf Garbe's symmetric deletion, as the resolver
    meets words). A shorter skeleton is too short to tell a slip from another name.

    >>> _skeleton_slips("dtrt"), _skeleton_slips("dtr"), _skeleton_slips("dt")
    (('ddtrt', 'dtrt', 'ddrt', 'ddtt', 'ddtr'), ('ddtr',), ())"""
    if len(skeleton) < _SLIP_SKELETON - 1 or len(skeleton) > _LONGEST_SLIP_SKELETON:
        return ()  # (no deletions of a pasted blob's skeleton: they grow as its square)
    if len(skeleton) < _SLIP_SKELETON:
        return ("d" + skeleton,)
    deleted = dict.fromkeys("d" + skeleton[:i] + skeleton[i + 1 :] for i in range(len(skeleton)))
    return ("d" + skeleton, *deleted)


# The shortest and the longest consonant skeleton whose one-consonant slips are looked up (see
# _skeleton_slips): a name's word has fewer than 20 consonants.
_SLIP_SKELETON = 4
_LONGEST_SLIP_SKELETON = 20


@lru_cache(maxsize=65536)
def _name_key(text: str) -> str:
    return key(text)


@lru_cache(maxsize=65536)
def compact_forms(name: str) -> tuple[str, str]:
    """A name's words' class keys joined (``Ghum`` and ``Qom`` both ``kum``), and its folded
    form: what a cheap similarity test before the resolver compares."""
    return "".join(token_key(t.particle + t.text) for t in parse(name).tokens), fold(name)


@lru_cache(maxsize=65536)
def _context_keys(word: str) -> tuple[str, ...]:
    """Keys that tie a draft's word to a name the draft mentions: its class key and its
    consonant skeleton, and the skeleton without its first letter when four letters remain.

    (Cached: the names of the entities a draft names, whose keys are worked out as each joins,
    share their words: given names, articles, spellings of one word.)"""
    skeleton = consonant_skeleton(word)
    keys = ("t" + token_key(word), "c" + skeleton, *_skeleton_slips(skeleton))
    return (*keys, "r" + skeleton[1:]) if len(skeleton) >= 5 else keys


# The most words a title of _FOLDED_TITLES has.
_LONGEST_TITLE = max(len(parts) for titles in _FOLDED_TITLES.values() for parts in titles)


def _syllable_runs_on(
    text: str, tokens: list[tuple[int, int]], infos: list[_WordInfo], b: int
) -> bool:
    """Whether the word before token ``b`` runs on into it, a lowercase word after a hyphen,
    as the first syllable of a Chinese or Korean given name into its second (Gao-li, Jong-un):
    a table name that ends there is a syllable of that name, not a name (Gao, the town in
    Mali, in Zhang Gao-li)."""
    if b >= len(tokens) or infos[b].cap or not _after_hyphen(text, tokens, b):
        return False
    return EAST_ASIAN_GIVEN.fullmatch(infos[b - 1].folded + infos[b].folded) is not None


def _title_at(folded: list[str], t: int, covered: list[bool]) -> int:
    """How many words of a title start at token ``t`` (0 if none); a day or month before a
    name is set aside as a title is ("on Tuesday Zabihullah Mujahid said")."""
    if folded[t] in _DATE_WORDS and not covered[t]:
        return 1
    for parts in _FOLDED_TITLES.get(folded[t], ()):
        k = len(parts)
        if tuple(folded[t : t + k]) == parts and not any(covered[t : t + k]):
            return k
    return 0


def _trim(
    cap: list[bool], folded: list[str], a: int, b: int, hyphened: Callable[[int], bool]
) -> tuple[int, int] | None:
    """Tokens [a, b) without joiners at either end; None when no capitalised word is left.

    ``cap`` says which tokens are capitalised, ``folded`` holds their folded forms, and
    ``hyphened`` whether a token is hyphenated to the one before it: such a token is a
    syllable of the word before (Shin Dong-bin, Lee Su-bin), not a particle left dangling."""
    while a < b and not cap[a] and not _joins_next(folded, a, b):
        a += 1
    while (
        a < b
        and not cap[b - 1]
        and (folded[b - 1] in _JOINERS or folded[b - 1] in ARTICLES)
        and not (b - 1 > a and hyphened(b - 1))
    ):
        b -= 1
    if a >= b or not any(cap[a:b]):
        return None
    return a, b


def _hyphened(text: str, tokens: list[tuple[int, int]]) -> Callable[[int], bool]:
    """:func:`_after_hyphen` of a run's tokens, as _trim asks it."""
    return partial(_after_hyphen, text, tokens)


def _after_hyphen(text: str, tokens: list[tuple[int, int]], t: int) -> bool:
    """Whether token ``t`` (not the first) follows the one before it after a single hyphen."""
    start = tokens[t][0]
    return tokens[t - 1][1] == start - 1 and text[start - 1] in _HYPHENS


def _joins_next(folded: list[str], a: int, b: int) -> bool:
    """A leading article or particle that belongs to the next word (al-Muhandis, bin Laden)."""
    return a + 1 < b and (folded[a] in ARTICLES or folded[a] in _OPENING_JOINERS)


_JOINERS = frozenset(_INNER_PARTICLES)
_OPENING_JOINERS = frozenset(_START_PARTICLES)


_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
# What is not prose in a Markdown or text draft: fenced and inline code, URLs, HTML comments.
_NOT_PROSE = regex.compile(
    r"(?ms)^[ \t]*(`{3,}|~{3,}).*?(?:^[ \t]*\1|\Z)"
    r"|`[^`\r\n]+`"
    r"|\b(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[^\s<>()\[\]]+"
    r"|<!--.*?(?:-->|\Z)"
)


def _not_prose(text: str) -> list[tuple[int, int]]:
    """Spans to skip, in order (none in most drafts, found without a scan when absent)."""
    if not any(marker in text for marker in ("`", "~~~", "://", "www.", "<!--")):
        return []
    return [m.span() for m in _NOT_PROSE.finditer(text)]


def _line_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts (searching back no further than that line)."""
    lf = text.rfind("\n", 0, pos)
    cr = text.rfind("\r", lf + 1, pos)
    return max(lf, cr) + 1


def _split_heading_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a run at a line break that ends a heading (a ``#`` line or a line of only the run)."""
    s = start
    for br in _LINE_BREAK.finditer(text, start, end):
        line_start = _line_start(text, s)
        before = text[line_start:s]
        if before.lstrip().startswith("#") or not before.strip():
            yield s, br.start()
            s = br.end()
            while s < end and text[s] in " \t":
                s += 1
    yield s, end


_OPENERS = frozenset("\"'“”‘’«»([{*_>#|•·-–—")
_SENTENCE_ENDS = ".!?:;…"
_SPACED_SENTENCE_ENDS = frozenset(ch + " " for ch in ".!?:;")


def _family_name_opens(folded: list[str], cap: list[bool]) -> bool:
    """Whether the words of a run opening a sentence begin with a Chinese family name that is
    also an English function word, He, and the syllables of a given name after it, capitalised
    (He Lifeng, He Wei-dong): a name, not the pronoun before one.

    >>> _family_name_opens(["he", "lifeng"], [True, True])
    True
    >>> _family_name_opens(["he", "said"], [True, True])
    False
    >>> _family_name_opens(["he", "also"], [True, True])
    False
    """
    if len(folded) < 2 or folded[0] not in EAST_ASIAN_FAMILY_NAMES or not cap[1]:
        return False
    if folded[1] in FUNCTION_WORDS:
        return False
    return reads_family_first(parse(f"{folded[0]} {folded[1]}").tokens)


def _korean_family_name_opens(
    text: str, tokens: list[tuple[int, int]], folded: list[str], cap: list[bool]
) -> bool:
    """Whether the words of a run opening a sentence begin with a Korean family name that is
    also an English function word, An, No, So or O, and a given name of two syllables after
    it, hyphenated as Korean names are (An Se-young, No Tae-u): a name, not the article or the
    adverb before one. (Those family names are left out of parse's list, where they would meet
    too many English words.)

    >>> _korean_family_name_opens("An Se-young", [(0, 2), (3, 5), (6, 11)],
    ...                           ["an", "se", "young"], [True, True, False])
    True
    >>> _korean_family_name_opens("An Al-Qaeda", [(0, 2), (3, 5), (6, 11)],
    ...                           ["an", "al", "qaeda"], [True, True, True])
    False
    """
    return (
        len(folded) >= 3
        and folded[0] in _KOREAN_FUNCTION_WORD_FAMILY_NAMES
        and cap[1]
        and not cap[2]
        and len(folded[1]) > 1  # (not E-mail)
        and _after_hyphen(text, tokens, 2)
        and not (len(folded) > 3 and _after_hyphen(text, tokens, 3))
        and _ONE_SYLLABLE.fullmatch(folded[1]) is not None
        and _ONE_SYLLABLE.fullmatch(folded[2]) is not None
    )


# Korean family names that are English function words: 안 An, 노 No (Roh), 소 So, 오 O (Oh).
_KOREAN_FUNCTION_WORD_FAMILY_NAMES = frozenset(("an", "no", "so", "o"))
_ONE_SYLLABLE = regex.compile(ROMANISED_SYLLABLE)


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` starts a sentence, a heading, a list item or a paragraph."""
    if pos >= 2 and text[pos - 1] == " ":  # the common case, decided by the character before
        ch = text[pos - 2]
        if ch in _SENTENCE_ENDS:
            return True
        if not (ch.isspace() or ch in _OPENERS or ch.isdigit()):
            return False
    i = pos - 1
    newlines = 0
    limit = max(0, pos - 200)
    while i >= limit:
        ch = text[i]
        if ch == "\n" or ch == "\r":
            if ch == "\n" and i > 0 and text[i - 1] == "\r":
                i -= 1
            newlines += 1
            if newlines >= 2:
                return True
            line_start = _line_start(text, i)
            if text[line_start:i].lstrip().startswith("#"):
                return True  # the line before is a heading
        elif ch.isspace() or ch in _OPENERS or ch.isdigit():
            pass
        else:
            return ch in _SENTENCE_ENDS
        i -= 1
    return i < 0


# -- the cache --------------------------------------------------------------------------------

# The indexes of the last few resolvers (an index holds its resolver, so a weak-keyed cache would
# keep both for ever; a short one bounds what is kept). The default resolver's stays in use.
_INDEXES: dict[int, tuple[Resolver, NameIndex]] = {}
_INDEX_LOCK = threading.Lock()
_INDEXES_KEPT = 8


def index_for(resolver: Resolver) -> NameIndex:
    """The :class:`NameIndex` of ``resolver``, built on first use and cached (thread-safe)."""
    kept = _INDEXES.get(id(resolver))
    if kept is not None and kept[0] is resolver:
        return kept[1]
    with _INDEX_LOCK:
        kept = _INDEXES.pop(id(resolver), None)
        if kept is None or kept[0] is not resolver:
            kept = (resolver, NameIndex(resolver))
        _INDEXES[id(resolver)] = kept
        while len(_INDEXES) > _INDEXES_KEPT:
            del _INDEXES[next(iter(_INDEXES))]
        return kept[1]


def find_mentions(text: str, resolver: Resolver) -> list[Mention]:
    """The names in ``text``, known (``entity`` set) and unknown, in order.

    >>> import canonym
    >>> table = canonym.AliasTable.from_records([
    ...     {"id": "kataib-hezbollah", "name": "Kata'ib Hezbollah", "kind": "organization"},
    ...     {"id": "hezbollah", "name": "Hezbollah", "kind": "organization"},
    ... ])
    >>> text = "Gen. Ali Rahimi said Khata’ib Hezbollah's fighters, not Hezbollah, fired."
    >>> for m in find_mentions(text, canonym.Resolver(table)):
    ...     print(m.start, m.text, m.entity, [(p.text, p.entity) for p in m.parts])
    5 Ali Rahimi None []
    21 Khata’ib Hezbollah None [('Khata’ib', None), ('Hezbollah', 'hezbollah')]
    56 Hezbollah hezbollah []
    """
    return index_for(resolver).find(text)
