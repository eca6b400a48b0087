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

import regex

__all__ = [
    "LEGAL_CLASS",
    "LEGAL_FORMS",
    "ORG_PREFIXES",
    "ORG_WORDS",
    "initials",
    "join_letter_runs",
    "rewrite_words",
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
    "aktiengeselschaft": "ag",
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
_LEGAL_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _code in sorted(_LEGAL_PHRASES.items(), key=lambda kv: -len(kv[0].split())):
    _parts = tuple(_phrase.split())
    _LEGAL_BY_FIRST.setdefault(_parts[0], []).append((_parts, _code))

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
_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split()
    )
}
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
# A 0 or a 1 between letters is a typed O or I (Ig0r Sech1n): no name has a digit inside it.
_DIGIT_IN_WORD = regex.compile(r"^[a-z]+[01]+[a-z]+$|^[a-z]{2,}[01]$")
_LEET = str.maketrans("01", "oi")
# Forms of address in other languages, before a name (parse knows the English ones).
_FOREIGN_TITLES = frozenset(
    """monsieur madame mademoiselle herr frau prasident praesident senor senora signor signora
    dona""".split()
)
# Words an acronym leaves out.
_ACRONYM_SKIP = frozenset("of the and in for on at to de du des la le et y und".split())
_ARTICLES = frozenset("al el ad ed ar as ash at az an ul ud".split())


def rewrite_words(words: list[str], rewrites: list[str], legal: list[str]) -> list[str]:
    """Legal forms to their abbreviation, numbers to digits, common abbreviations written out.

    Appends a description of every change to ``rewrites`` and every legal form to ``legal``.
    """
    out: list[str] = []
    i = 0
    while i < len(words) - 1 and words[i] in _FOREIGN_TITLES:
        rewrites.append(f"title {words[i]!r} set aside")
        i += 1
    while i < len(words):
        w = words[i]
        phrase_code = _legal_phrase_at(words, i)
        if phrase_code is not None:
            phrase, code = phrase_code
            if " ".join(phrase) != code:
                rewrites.append(f"legal form {' '.join(phrase)!r} read as {code!r}")
            out.append(code)
            legal.append(code)
            i += len(phrase)
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


def _legal_phrase_at(words: list[str], i: int) -> tuple[tuple[str, ...], str] | None:
    for phrase, code in _LEGAL_BY_FIRST.get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) != phrase:
            continue
        # Dotted letters are a legal form only at an end of the name (N.A., S.A.R.L.):
        # elsewhere they are initials or an acronym.
        if max(map(len, phrase)) == 1 and i > 0 and i + len(phrase) < len(words):
            continue
        return phrase, code
    return None


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
