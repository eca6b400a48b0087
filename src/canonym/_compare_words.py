"""Word lists for :mod:`canonym.compare`: legal forms, organisation words, numbers, acronyms.

These rewrite the folded words of a name before it is parsed for comparing, so that two ways of
writing the same thing meet (Aktiengesellschaft / AG, Forty-Four / 44, Int'l / International).
Every list says what a kind of word *is*; none lists test strings.

>>> rewrite_words("siemens aktiengesellschaft".split(), [], [])
['siemens', 'ag']
>>> rewrite_words("brigade forty four".split(), [], [])
['brigade', '44']
>>> join_letter_runs("a b c company".split(), [])
['abc', 'company']
>>> sorted(initials("al qaeda in the arabian peninsula".split()))
['aqap', 'aqitap', 'qap']
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ._ordinals import ORDINALS
from .keys import consonant_skeleton, orth, token_key
from .normalize import fold

__all__ = [
    "LEGAL_CLASS",
    "LEGAL_FORMS",
    "ORG_PREFIXES",
    "ORG_WORDS",
    "abjad_fits",
    "abjad_particles",
    "initials",
    "join_letter_runs",
    "legal_classes",
    "rewrite_words",
    "wade_giles_readings",
]

# Written-out legal forms (folded words) -> the abbreviation. Longest phrases are matched first.
_LEGAL_PHRASES: dict[str, str] = {
    "limited liability company": "llc",
    "limited liability co": "llc",
    "limited liability partnership": "llp",
    "limited partnership": "lp",
    "public limited company": "plc",
    "public limited co": "plc",
    "joint stock company": "jsc",
    "joint stock co": "jsc",
    "open joint stock company": "ojsc",
    "closed joint stock company": "cjsc",
    "public joint stock company": "pjsc",
    "private joint stock company": "cjsc",
    "aktiengesellschaft": "ag",
    "gesellschaft mit beschrankter haftung": "gmbh",
    "societatea cu raspundere limitata": "srl",
    "societa a responsabilita limitata": "srl",
    "sociedad de responsabilidad limitada": "srl",
    "societe a responsabilite limitee": "sarl",
    "societe par actions simplifiee": "sas",
    "sociedad anonima": "sa",
    "societe anonyme": "sa",
    "societa per azioni": "spa",
    "sp z o o": "spzoo",
    "spolka z ograniczona odpowiedzialnoscia": "spzoo",
    "naamloze vennootschap": "nv",
    "besloten vennootschap": "bv",
    # Russian as unidecode and the usual transliterations write it.
    "obshchestvo s ogranichennoi otvetstvennostiu": "ooo",
    "obshchestvo s ogranichennoy otvetstvennostyu": "ooo",
    "obshchestvo s ogranichennoi otvetstvennostyu": "ooo",
    "obshchestvo s ogranichennoj otvetstvennostju": "ooo",
    "aktsionernoe obshchestvo": "ao",
    "aktsionernoye obshchestvo": "ao",
    "otkrytoe aktsionernoe obshchestvo": "oao",
    "zakrytoe aktsionernoe obshchestvo": "zao",
    "publichnoe aktsionernoe obshchestvo": "pao",
    "incorporated": "inc",
    "corporation": "corp",
    "company": "co",
    "limited": "ltd",
    # The abbreviations written with dots (folded into single letters).
    "l l c": "llc",
    "l p": "lp",
    "l l p": "llp",
    "p l c": "plc",
    "g m b h": "gmbh",
    "s a r l": "sarl",
    "s a s": "sas",
    "s a": "sa",
    "s r l": "srl",
    "n a": "na",
    "n v": "nv",
    "b v": "bv",
    "o o o": "ooo",
}
# Phrases by the spelling-normalised form of their first word, each as its words' forms:
# legal forms are matched on ``orth`` so that a misspelt vowel or a doubled letter (Joynt
# Stock Company, Aktiengeselschaft) still reads as the form.
_LEGAL_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _code in sorted(_LEGAL_PHRASES.items(), key=lambda kv: -len(kv[0].split())):
    _parts = tuple(orth(w) for w in _phrase.split())
    _LEGAL_BY_FIRST.setdefault(_parts[0], []).append((_parts, _code))

# The written words of the phrases by their spelling-normalised form (to test a cut-off word).
_LEGAL_WORDS = {orth(w): w for _phrase in _LEGAL_PHRASES for w in _phrase.split()}

#: Legal forms by the kind of company they make. Two forms of different classes are two legal
#: persons (a bank's AG and its GmbH); forms that only say "a company" conflict with nothing.
LEGAL_CLASS: dict[str, str] = {
    **dict.fromkeys("ag sa sas jsc ojsc pjsc cjsc ao oao zao pao plc nv spa ab".split(), "stock"),
    **dict.fromkeys("llc ooo srl sarl gmbh spzoo bv tov too".split(), "limited"),
    **dict.fromkeys("lp llp kg".split(), "partnership"),
}
#: Every legal-form abbreviation.
LEGAL_FORMS = frozenset({*_LEGAL_PHRASES.values(), *LEGAL_CLASS, "co", "inc", "corp", "ltd"})

#: Words that make a name an organisation's: English ones, and the Arabic, Persian, Pashto and
#: Urdu head nouns of movement and militia names as they are transliterated.
ORG_WORDS = frozenset(
    """bank group holding holdings trust fund partners industries industry international
    company corporation ministry department agency committee council office authority service
    services association society union federation institute university college academy
    foundation organization organisation army brigade brigades battalion corps forces force
    front party movement network militia guard guards government enterprise enterprises
    systems solutions technologies trading shipping airlines airways petroleum oil gas energy
    harakat haraka kataib katibat jaish jamaat jamaah jamiat jabhat hizb hezb liwa saraya
    tanzim asaib ansar majlis munazzamat sipah tehrik tehreek tahrir lashkar""".split()
)
#: Word starts that mark an organisation written as one word (Hizbollah, Hezbollah, Hizbullah).
ORG_PREFIXES = ("hizb", "hezb")

_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORDS: dict[str, int] = {
    **{w: i for i, w in enumerate(_UNITS)},
    **{w: 10 + i for i, w in enumerate(_TEENS)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
    "fourty": 40,  # a common misspelling
}
_ORDINALS = ORDINALS
_ORDINAL_DIGITS = regex.compile(r"^(\d+)(?:st|nd|rd|th)$")
# Words common in organisation names and their abbreviations (folded: Int'l -> intl).
_ABBREVIATIONS = {
    "intl": "international",
    "natl": "national",
    "dept": "department",
    "govt": "government",
    "assn": "association",
    "mfg": "manufacturing",
    "bros": "brothers",
}
# A digit shaped like a letter between letters is that letter typed or read wrong (Ig0r
# Sech1n, I9or): no name has a digit inside it. At a word's end only 0 and 1 (Sech1, Vlad0).
_DIGIT_IN_WORD = regex.compile(r"^[a-z]+[0159]+[a-z]+$|^[a-z]{2,}[01]$")
_LEET = str.maketrans("0159", "oisg")
# Forms of address in other languages, before a name (parse knows the English ones).
_FOREIGN_TITLES = frozenset(
    """monsieur madame mademoiselle herr frau prasident praesident senor senora signor signora
    dona""".split()
)
# Words an acronym leaves out.
_ACRONYM_SKIP = frozenset("of the and in for on at to de du des la le et y und".split())
_ARTICLES = frozenset("al el ad ed ar as ash at az an ul ud".split())


def rewrite_words(
    words: list[str], rewrites: list[str], legal: list[str], *, cut: bool = False
) -> list[str]:
    """Legal forms to their abbreviation, numbers to digits, common abbreviations written out.

    Appends a description of every change to ``rewrites`` and every legal form to ``legal``.
    ``cut`` says the name may have been cut off at a field's width (it is long), so that its
    last word may be the start of a word: a legal form cut short is still the form.

    >>> rewrite_words("tactical missiles joint stock compan".split(), [], [], cut=True)
    ['tactical', 'missiles', 'jsc']
    >>> rewrite_words("h and m hennes and mauritz ab".split(), [], [])
    ['h', 'and', 'm', 'hennes', 'and', 'mauritz', 'ab']
    """
    if _inert(words):
        return list(words)  # most names: nothing below would apply to any word
    out: list[str] = []
    i = 0
    while i < len(words) - 1 and words[i] in _FOREIGN_TITLES:
        rewrites.append(f"title {words[i]!r} set aside")
        i += 1
    while i < len(words):
        w = words[i]
        phrase_code = _legal_phrase_at(words, i, cut)
        if phrase_code is not None:
            used, code = phrase_code
            written = " ".join(words[i : i + used])
            if written != code:
                rewrites.append(f"legal form {written!r} read as {code!r}")
            out.append(code)
            legal.append(code)
            i += used
            continue
        number = _number_at(words, i)
        if number is not None:
            value, used = number
            written = " ".join(words[i : i + used])
            if written != value:
                rewrites.append(f"number {written!r} read as {value}")
            out.append(value)
            i += used
            continue
        if w in _ABBREVIATIONS:
            rewrites.append(f"{w!r} read as {_ABBREVIATIONS[w]!r}")
            w = _ABBREVIATIONS[w]
        elif _DIGIT_IN_WORD.match(w):
            rewrites.append(f"{w!r} read as {w.translate(_LEET)!r} (digits typed for letters)")
            w = w.translate(_LEET)
        elif w in LEGAL_FORMS and len(words) > 1:
            legal.append(w)
        out.append(w)
        i += 1
    return out


@lru_cache(maxsize=1 << 14)
def legal_classes(folded: str) -> frozenset[str]:
    """The classes (see :data:`LEGAL_CLASS`) of the legal forms a folded name holds, written
    out or abbreviated, in English or transliterated: stock for JSC, OAO, Aktsionernoe
    Obshchestvo, AG; limited for LLC, OOO, GmbH. Forms that only say "a company" have none.

    >>> sorted(legal_classes("oao stroytransgaz")), sorted(legal_classes("stroytransgaz llc"))
    (['stock'], ['limited'])
    >>> legal_classes("ministry of oil"), legal_classes("bank rublev co")
    (frozenset(), frozenset())
    """
    words = folded.split()
    if _inert(words):
        return frozenset()
    legal: list[str] = []
    rewrite_words(words, [], legal)
    return frozenset(LEGAL_CLASS[code] for code in legal if code in LEGAL_CLASS)


# Words that ``rewrite_words`` acts on by themselves (a title, a number, an abbreviation, a
# legal form); the rest it acts on only through a digit or a legal phrase's first word.
_SPECIAL_WORDS = frozenset(
    [*_FOREIGN_TITLES, *_ORDINALS, *_NUMBER_WORDS, *_ABBREVIATIONS, *LEGAL_FORMS]
)


def _inert(words: list[str]) -> bool:
    """Whether ``rewrite_words`` would leave every word as it is and note nothing: no word is
    special, none has a digit (ordinals such as 2nd, letters typed as digits), and none can
    start a legal phrase. Three C-level passes instead of the per-word tests below."""
    return (
        _SPECIAL_WORDS.isdisjoint(words)
        and "".join(words).isalpha()
        and _LEGAL_BY_FIRST.keys().isdisjoint(map(orth, words))
    )


# A name at least this long may have been cut off at a field's width (sanctions lists and
# registers store 35 to 50 characters): its last word may be cut short.
CUT_LENGTH = 30
_CUT_MIN_LETTERS = 3


def _legal_phrase_at(words: list[str], i: int, cut: bool) -> tuple[int, str] | None:
    """The legal form written at ``words[i]``: (words used, abbreviation), or None."""
    phrases = _LEGAL_BY_FIRST.get(orth(words[i]))
    if phrases is None:
        return None
    forms = [orth(w) for w in words[i : i + 6]]
    for phrase, code in phrases:
        n = len(phrase)
        if tuple(forms[:n]) != phrase and not _cut_phrase(words, i, forms, phrase, cut):
            continue
        # Dotted letters are a legal form only at an end of the name (N.A., S.A.R.L.):
        # elsewhere they are initials or an acronym.
        if max(map(len, phrase)) == 1 and i > 0 and i + n < len(words):
            continue
        return min(n, len(words) - i), code
    return None


def _cut_phrase(
    words: list[str], i: int, forms: list[str], phrase: tuple[str, ...], cut: bool
) -> bool:
    """Whether the name ends in ``phrase`` cut short inside its last word (Joint Stock Compan)."""
    n = len(phrase)
    last = words[-1]
    return (
        cut
        and i + n == len(words)
        and tuple(forms[: n - 1]) == phrase[:-1]
        and len(last) >= _CUT_MIN_LETTERS
        and _LEGAL_WORDS.get(phrase[-1], "").startswith(last)
        and _LEGAL_WORDS[phrase[-1]] != last
    )


def _number_at(words: list[str], i: int) -> tuple[str, int] | None:
    """A number written in words or as an ordinal at ``words[i]``: (digits, words used)."""
    w = words[i]
    m = _ORDINAL_DIGITS.match(w)
    if m:
        return m.group(1), 1
    if w in _ORDINALS:
        return str(_ORDINALS[w]), 1
    if w not in _NUMBER_WORDS:
        return None
    value = _NUMBER_WORDS[w]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if 20 <= value <= 90 and nxt:
        if nxt in _UNITS[1:]:
            return str(value + _UNITS.index(nxt)), 2
        if len(nxt) == 1 and nxt.isdigit() and nxt != "0":
            return str(value + int(nxt)), 2
    return str(value), 1


def join_letter_runs(words: list[str], rewrites: list[str]) -> list[str]:
    """A run of single letters is an acronym written with dots or spaces: A.B.C. -> abc."""
    out: list[str] = []
    run: list[str] = []
    for w in [*words, ""]:
        if len(w) == 1 and w.isalpha():
            run.append(w)
            continue
        if len(run) >= 2:
            rewrites.append(f"letters {' '.join(run)!r} read as the acronym {''.join(run)!r}")
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if w:
            out.append(w)
    return out


def initials(words: list[str]) -> set[str]:
    """The acronyms a name's folded words can make: small words left out, articles in or out."""
    kept = [w for w in words if w not in _ACRONYM_SKIP and w not in LEGAL_FORMS and len(w) > 1]
    with_articles = "".join(w[0] for w in kept)
    without = "".join(w[0] for w in kept if w not in _ARTICLES)
    every = "".join(w[0] for w in words if len(w) > 1 and w not in LEGAL_FORMS)
    return {a for a in (with_articles, without, every) if len(a) >= 2}


# Kin particles as unidecode writes them from Arabic script, where short vowels go unwritten
# (بن bn, أبو abw, بنت bnt): parse knows them only with their vowels.
_ABJAD_PARTICLES = {"bn": "bin", "abn": "ibn", "abw": "abu", "bw": "abu", "bnt": "bint"}


def abjad_particles(words: list[str], rewrites: list[str]) -> list[str]:
    """The kin particles of a name written in Arabic script, with their vowels.

    >>> abjad_particles(["mhmd", "bn", "slmn"], [])
    ['mhmd', 'bin', 'slmn']
    """
    out = []
    for i, w in enumerate(words):
        if w in _ABJAD_PARTICLES and i + 1 < len(words):
            rewrites.append(f"{w!r} read as the particle {_ABJAD_PARTICLES[w]!r}")
            w = _ABJAD_PARTICLES[w]
        out.append(w)
    return out


# The shortest consonant skeleton that is evidence on its own: two consonants (Muhammad, Mahdi,
# Hamid, Ahmad are all m-d or so) are not.
_ABJAD_SKELETON = 3


def abjad_fits(abjad: str, latin: str) -> bool:
    """Whether a word transliterated from a script that leaves short vowels unwritten (Arabic,
    Hebrew) can be the Latin word: one consonant skeleton of three consonants or more, and the
    same first letter (a written alif or aleph is a vowel the Latin word must start with).

    >>> abjad_fits("frnndw", "fernando"), abjad_fits("byryz", "perez")
    (True, True)
    >>> abjad_fits("aslm", "salim"), abjad_fits("slmn", "sultan"), abjad_fits("mhmd", "mahdi")
    (False, False, False)
    """
    skeleton = consonant_skeleton(abjad)
    return (
        len(skeleton) >= _ABJAD_SKELETON
        and skeleton == consonant_skeleton(latin)
        and token_key(abjad)[:1] == token_key(latin)[:1]
    )


# Wade-Giles, the older romanisation of Mandarin (Mao Tse-tung, Hsi Chin-p'ing), against Pinyin
# (Mao Zedong, Xi Jinping). Folding drops the apostrophe that marks an aspirate, so an initial
# p is Pinyin b or p, ch is j, q, zh or ch, and so on: every reading is kept.
_WG_INITIALS: dict[str, tuple[str, ...]] = {
    "hs": ("x",),
    "ch": ("j", "q", "zh", "ch"),
    "ts": ("z", "c"),
    "tz": ("z", "c"),
    "ss": ("s",),
    "sz": ("s",),
    "sh": ("sh",),
    "p": ("b", "p"),
    "t": ("d", "t"),
    "k": ("g", "k"),
    "j": ("r",),
    **{c: (c,) for c in "mfnlhswy"},
    "": ("",),
}
_WG_FINALS: dict[str, tuple[str, ...]] = {
    "ung": ("ong",),
    "iung": ("iong",),
    "ieh": ("ie",),
    "ien": ("ian",),
    "ueh": ("ue",),
    "ih": ("i",),
    "erh": ("er",),
    "eh": ("e",),
    "o": ("o", "e", "uo"),
    "u": ("u", "i"),
    "uei": ("ui",),
    **{
        f: (f,)
        for f in """a e ai ei ao ou an en ang eng i ia iao iu in ing iang ua uo ui uai uan un
        uang""".split()
    },
}
# Spellings only Wade-Giles writes (Pinyin has no hs, ts, tz, ss, -ung, -ieh, -ien, -ih, -erh,
# and no chi before a vowel: its j and q, Chiang, Chiao): one of them must be in a name before
# it is read as Wade-Giles at all, so that a Pinyin name (Ping Li) is never re-read as another
# (Bing Li).
_WG_ONLY = regex.compile(r"hs|ts|tz|ss|ung|ieh|ien|ih$|erh|chi[aeiou]")
# The apostrophe of an aspirate (K'o-ch'iang, P'eng): Wade-Giles only, in Chinese names, though
# folding drops it; McCune-Reischauer writes it too, for Korean names read here to no table name.
_WG_ASPIRATE = regex.compile(r"(?i)(?:\b|-)(?:ch|k|p|ts|tz|t)['\u2018\u2019\u02bb\u02bc][a-z]")
# Two syllables of a given name joined by a hyphen, the second in lowercase (En-lai).
_WG_HYPHENATED = regex.compile(r"\p{L}-\p{Ll}")
# The most Pinyin readings of a name (each a look-up): folding drops the aspirate's apostrophe
# and the ü, so a syllable reads several ways, and a name of three syllables as Ch'ien
# Ch'üan-kuo (Qian Quanguo) has some four hundred readings.
_WG_MAX_READINGS = 1024
_WG_MAX_WORD = 24


def _has_wade_giles_spelling(words: list[str]) -> bool:
    """Whether a word is written as only Wade-Giles writes it: ``_WG_ONLY`` found in one.

    One search for the whole name, not one per word: joined by line breaks, no spelling runs
    from one word into the next, and a word ending in ih is one before a break or at the end.
    (Only a word with a line break of its own, which no folded word has, is searched alone.)

    >>> _has_wade_giles_spelling(["chih", "ming"]), _has_wade_giles_spelling(["ming", "li"])
    (True, False)
    """
    lines = "\n".join(words)
    if lines.count("\n") != len(words) - 1:
        return any(_WG_ONLY.search(w) for w in words)
    return _WG_ONLY.search(lines) is not None or "ih\n" in lines


def wade_giles_readings(words: list[str]) -> frozenset[str]:
    """The Pinyin a name in Wade-Giles can stand for, its words written together; empty unless
    every word is Wade-Giles syllables and one is written as only Wade-Giles writes it.
    ``folded`` is ``fold(written)``, when the caller has it.

    >>> "xijinping" in wade_giles_readings(["hsi", "chin", "ping"])
    True
    >>> "maozedong" in wade_giles_readings(["mao", "tse", "tung"])
    True
    >>> wade_giles_readings(["bing", "li"]), wade_giles_readings(["hans", "friedrich"])
    (frozenset(), frozenset())
    """
    if not _has_wade_giles_spelling(words):
        return frozenset()
    readings = {""}
    for w in words:
        options = _wg_word(w)
        if not options:
            return frozenset()
        readings = {r + o for r in readings for o in options}
        if len(readings) > _WG_MAX_READINGS:
            return frozenset()
    return frozenset(readings)


def wade_giles_names(written: str, folded: str | None = None) -> list[str]:
    """The Pinyin a name written in Wade-Giles can stand for, folded, its words as written (the
    syllables a hyphen joins written as one word, as Pinyin writes a given name); empty unless
    every word is Wade-Giles syllables and one is written as only Wade-Giles writes it.

    >>> "xi jinping" in wade_giles_names("Hsi Chin-p'ing")
    True
    >>> "mao zedong" in wade_giles_names("Mao Tse-tung"), wade_giles_names("Xi Jinping")
    (True, [])
    """
    if not _has_wade_giles_spelling(
        (fold(written) if folded is None else folded).split()
    ) and not _WG_ASPIRATE.search(written):
        return []  # (most names: one fold and one search)
    return _wade_giles_words(written)


def hyphenated_wade_giles_names(written: str) -> list[str]:
    """The Pinyin of a name with no spelling only Wade-Giles writes, whose given name is
    written as Wade-Giles writes one: its syllables joined by a hyphen, the second in lowercase
    (Chou En-lai, Chiang Ching-kuo, Pei-ching); as :func:`wade_giles_names` gives it.

    Such a name may as well be Pinyin written with a hyphen, so the resolver reads it so only
    when it resolves to nothing as written.

    >>> "zhou enlai" in hyphenated_wade_giles_names("Chou En-lai")
    True
    >>> hyphenated_wade_giles_names("Chou Enlai"), hyphenated_wade_giles_names("Kim Jong-un")
    ([], [])
    """
    if not _WG_HYPHENATED.search(written):
        return []
    return _wade_giles_words(written)


def _wade_giles_words(written: str) -> list[str]:
    """The Pinyin readings of every word of ``written`` read as Wade-Giles syllables (none when
    a word is not, or the readings are too many)."""
    words = [fold(w).replace(" ", "") for w in written.split()]
    words = [w for w in words if w]
    if not words:
        return []
    readings = [""]
    for w in words:
        options = _wg_word(w)
        if not options:
            return []
        readings = [f"{r} {o}" if r else o for r in readings for o in sorted(options)]
        if len(readings) > _WG_MAX_READINGS:
            return []
    return readings


@lru_cache(maxsize=4096)
def _wg_word(word: str) -> frozenset[str]:
    """Pinyin readings of one word made of Wade-Giles syllables (none if it is not).

    A word longer than four syllables of six letters is no name's, and is not read: the
    reading recurses once per syllable.

    >>> _wg_word("hsi" * 3000)
    frozenset()
    """
    if not word:
        return frozenset({""})
    if len(word) > _WG_MAX_WORD:
        return frozenset()
    out: set[str] = set()
    for i in range(min(2, len(word)), -1, -1):
        initial = word[:i]
        if initial not in _WG_INITIALS:
            continue
        for j in range(min(len(word), i + 4), i, -1):
            final = word[i:j]
            if final not in _WG_FINALS:
                continue
            rest = _wg_word(word[j:])
            if not rest:
                continue
            finals = ("an",) if initial == "y" and final == "en" else _WG_FINALS[final]
            out.update(p + f + r for p in _WG_INITIALS[initial] for f in finals for r in rest)
            if len(out) > _WG_MAX_READINGS:
                return frozenset(out)
    return frozenset(out)
