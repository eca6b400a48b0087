"""Other languages' words for what an organisation is and does: Parti, Partei, Partiya and Hizb
are party; Mouvement, Harakat and Tevger are movement.

A body's name in another language (Forces démocratiques syriennes, Partiya Karkerên Kurdistanê,
Adalet ve Kalkınma Partisi) shares no spelling with its English name, but word for word it is
that name: the bundled ``aliases/org-words/translations.toml`` lists the words, by language, with
the English words organisations' English names write for them, and each language's articles,
prepositions and conjunctions, which such a name holds for no meaning (des, du, al-, fi, ve).
The resolver reads it for an organisation's query that resolves to nothing as written (see
:meth:`canonym.Resolver.resolve`).

Every word is folded (lowercase ASCII). :func:`content_words` reads a name's words: each with the
English words it stands for (several for a compound: Arbeiterpartei, workers' party), or as
written when the list does not have it; function words, English ones included, are left out.

>>> [(w.english, w.translated) for w in content_words("Forces démocratiques syriennes")]
[(('forces',), False), (('democratic',), True), (('syriennes',), False)]
>>> [w.english for w in content_words("Arbeiterpartei Kurdistans")]
[('workers',), ('party',), ('kurdistans',)]
>>> [w.english for w in content_words("Groupe de soutien à l'islam")]
[('group',), ('support',), ('islam',)]
>>> foreign_words("party")[:3]
('parti', 'partido', 'partito')
>>> same_words(content_words("Forces démocratiques syriennes"),
...            content_words("Syrian Democratic Forces"))
True
>>> same_words(content_words("Parti démocratique du Kurdistan"),
...            content_words("Kurdistan Workers' Party"))
False
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ._designators import country_owners, shared_country_names
from ._exonyms import group_of
from .normalize import fold
from .similarity import _SAME_WORD, word_similarity  # (one word misspelt: Qods, Quds)

__all__ = [
    "ContentWord",
    "content_words",
    "english_spellings",
    "foreign_words",
    "holds_a_name",
    "kind_of_body",
    "names_a_place",
    "names_one_body",
    "one_spelling",
    "same_words",
    "singular",
    "translates_a_word",
]

# Words English names of bodies hold for no meaning of their own: People's Protection Units is
# the Units of Protection of the People; Justice and Development Party, Adalet ve Kalkınma
# Partisi (and is left out on both sides).
_ENGLISH_APART = frozenset(("of", "the", "and", "for", "in", "at", "on", "to", "a", "an"))

# Letters of an abjad: Hebrew, Arabic (with Persian and Urdu), and their presentation forms.
_ABJAD = regex.compile(r"[\u0590-\u06ff\u0750-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# The Arabic article joined to a word of two letters or more (ARABIC LETTER ALEF, LAM).
_ARTICLE = regex.compile(r"^\u0627\u0644(?=\p{L}{2,})")

# French (and Italian) elision: l'islam, d'Afrique, qu'il are two words; folding would join them.
# (the quotes: U+0027 APOSTROPHE, U+2019 RIGHT SINGLE QUOTATION MARK)
_ELISION = regex.compile(r"(?i)\b([ld]|qu)['\u2019](?=\p{L})")


@dataclass(frozen=True)
class ContentWord:
    """A word of a name that means something: its folded form as written, the English words it
    stands for (each an alternative: Persian sepah, corps or army), and whether those come from
    the list (``translated``) or are the word as written. A word in an abjad is filed under its
    folded form marked ``~`` (see :func:`_words_of`)."""

    written: str
    english: tuple[str, ...]
    translated: bool
    script: str = ""  # the word as an abjad writes it (Arabic, Persian, Hebrew), if it is so


def translates_a_word(name: str) -> bool:
    """Whether the list reads a word of ``name`` in English.

    >>> translates_a_word("Réseau Haqqani"), translates_a_word("Haqqani Network")
    (True, False)
    """
    return not _tables()[0].keys().isdisjoint(word for word, _ in _words_of(name))


def content_words(name: str) -> list[ContentWord]:
    """The words of ``name`` that mean something, in order, each read in English where the
    bundled list has it (see the module's docstring)."""
    translations, apart, _ = _tables()
    out: list[ContentWord] = []
    for word, script in _words_of(name):
        if word in apart or word in _ENGLISH_APART:
            continue
        slots = translations.get(word)
        if slots is None:
            out.append(ContentWord(word, (word,), False, script))
        else:
            out.extend(ContentWord(word, slot, True, script) for slot in slots)
    return _countries_as_one_word(out)


def _countries_as_one_word(words: list[ContentWord]) -> list[ContentWord]:
    """``words`` with each run of two to five that is a country's name of several words, in
    any order and in any language the list reads (the Russian Federation, Rossiyskoy
    Federatsii; the Islamic Republic of Iran, Jomhuri-ye Eslami-ye Iran), made one word, the
    country's: a body's name gives its country's long or short name as it pleases (the Central
    Bank of the Russian Federation is the Central Bank of Russia).

    >>> [w.english for w in content_words("Bank of the Islamic Republic of Iran")]
    [('bank',), ('iran',)]
    """
    long_names = _long_country_names()
    if len(words) < 2 or not long_names:
        return words
    # (only runs of words that may be words of such a name are tried, each against the names
    # holding one of its words)
    maybe = [_in_a_long_country_name(w) for w in words]
    out: list[ContentWord] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST_COUNTRY_NAME, len(words) - i), 1, -1):
            if not all(maybe[i : i + size]):
                continue
            country = _country_of_run(words[i : i + size], long_names)
            if country is not None:
                written = "".join(w.written for w in words[i : i + size])
                out.append(ContentWord(written, (country,), True))
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


_LONGEST_COUNTRY_NAME = 5


def _in_a_long_country_name(word: ContentWord) -> bool:
    """Whether ``word`` may be a word of a country's name of several words (see
    :func:`_country_of_run`): one of its forms is, or, as written, its first two letters open
    one (Azərbaycan, Azerbaijan)."""
    known, openings = _long_country_name_words()
    forms = (*word.english, word.written)
    if any(one_spelling(f) in known for f in forms):
        return True
    return not word.translated and not word.script and word.written[:2] in openings


@cache
def _long_country_names_by_word() -> dict[str, tuple[frozenset[str], ...]]:
    """The keys of :func:`_long_country_names` by each of their words."""
    by_word: dict[str, list[frozenset[str]]] = {}
    for key in _long_country_names():
        for word in key:
            by_word.setdefault(word, []).append(key)
    return {k: tuple(v) for k, v in by_word.items()}


@cache
def _long_country_name_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words of the countries' names of several words, and their first two letters."""
    known = frozenset(w for key in _long_country_names() for w in key)
    return known, frozenset(w[:2] for w in known)


def _country_of_run(run: list[ContentWord], long_names: dict[frozenset[str], str]) -> str | None:
    """The country whose name of several words the words of ``run`` are, one each, or None
    (none of them, or two)."""
    by_word = _long_country_names_by_word()
    keys = {
        key
        for word in run
        for form in (*word.english, word.written)
        for key in by_word.get(one_spelling(form), ())
        if len(key) == len(run)
    }  # (a word as the name writes it, at least: Respublikası, republic, beside Azərbaycan)
    found = set()
    for key in keys:
        left = set(key)
        for word in run:
            forms = map(one_spelling, (*word.english, word.written))
            hit = next((f for f in forms if f in left), None)
            if hit is None and not word.translated and not word.script:
                # a word of the name as another language spells it (Azərbaycan)
                alike = sorted(k for k in left if word_similarity(word.written, k) >= _SAME_WORD)
                hit = alike[0] if alike else None
            if hit is None:
                break
            left.discard(hit)
        else:
            found.add(long_names[key])
    return found.pop() if len(found) == 1 else None  # (two countries' names: neither)


@cache
def _long_country_names() -> dict[frozenset[str], str]:
    """The countries' names of several words in ``countries.toml`` (their words that mean
    something, each spelt as :func:`one_spelling` spells it) -> the country's name as its ID
    writes it; a name of words said twice, or of two countries, is left out."""
    owners = country_owners() or {}
    out: dict[frozenset[str], str] = {}
    for name, ids in owners.items():
        words = [one_spelling(w) for w in name.split() if w not in _ENGLISH_APART]
        if len(ids) != 1 or not 1 < len(words) <= _LONGEST_COUNTRY_NAME:
            continue
        if len(set(words)) != len(words):
            continue
        # the country's name as its ID writes it (saudi-arabia), which is one of its names
        (country,) = ids
        out[frozenset(words)] = country.replace("-", " ")
    return out


# English words that say whom a body stands for or what it believes, which bodies of many
# countries share (the Muslim League of Pakistan, of India, of Bangladesh) and no list of another
# language's words gives: no name of a body of their own.
_DESCRIBING_WORDS = frozenset(
    """muslim muslims christian christians jewish catholic labour labor green greens liberal
    liberals conservative conservatives progressive international world global new united
    federal left right""".split()
)


def holds_a_name(words: list[ContentWord]) -> bool:
    """Whether a name's words hold a name of its own: a word of three letters or more that the
    list neither translates nor gives for another language's word, and no place's name or
    adjective, nor an English word that says whom a body stands for (Insaf, Labbaik, Haqqani;
    not Kurdistan, Party, Awami, Muslim).

    >>> holds_a_name(content_words("Tehreek-e-Insaf")), holds_a_name(content_words("Awami League"))
    (True, False)
    """
    return any(
        _beyond_the_list(w)
        and not w.script
        and w.written not in _DESCRIBING_WORDS
        and len(w.written) >= 3
        and not names_a_place(w.written)
        for w in words
    )


def kind_of_body(word: ContentWord) -> bool:
    """Whether a word says what kind of body a name is, and only that (agency, news agency,
    movement, party, group, network, front, militia, newspaper), which a text may put beside
    the body's name in its own language (agence Xinhua, Nachrichtenagentur Yonhap)."""
    return all(e in _KINDS_OF_BODY or one_spelling(e) in _KINDS_OF_BODY for e in word.english)


# (folded, in the singular: one_spelling spells agencies agency, and news new, so it is listed)
_KINDS_OF_BODY = frozenset(
    "agency news movement party group network front militia newspaper organization".split()
)


def names_one_body(words: list[ContentWord]) -> bool:
    """Whether a name's words hold one that the list neither translates nor gives for another
    language's word, a name or a place (Haqqani, Kurdistan, syriennes), or one it reads as a
    country's name or adjective (Rossiiskoi, Russian). Words that only say what
    a body is and does name many bodies in many countries: the French name of Morocco's
    Justice and Development Party is Turkey's word for word.

    >>> names_one_body(content_words("Parti de la justice et du développement"))
    False
    >>> names_one_body(content_words("Parti démocratique du Kurdistan"))
    True
    """
    return any(
        _beyond_the_list(w) or (w.translated and any(names_a_place(e) for e in w.english))
        for w in words
    )


def _beyond_the_list(word: ContentWord) -> bool:
    """Whether a word is neither one the list translates nor, in the singular or not, an English
    word it gives for another language's (Haqqani, syriennes; not parti, Party, Forces)."""
    foreign = _tables()[2]
    return not word.translated and foreign.keys().isdisjoint((word.written, singular(word.written)))


def _words_of(name: str) -> list[tuple[str, str]]:
    """The folded words of ``name``, an elided article apart (l'islam: l, islam), each with the
    word as written if an abjad writes it, and then its folded form marked ``~`` and without
    the Arabic article (قوات سوريا الديمقراطية: ~qwt, ~swry, ~dymqrty): an abjad folds to
    consonants, which are no word of a name in Latin letters (في, fy; جماعة, jm).

    >>> _words_of("Réseau d'Haqqani")
    [('reseau', ''), ('d', ''), ('haqqani', '')]
    """
    if _ABJAD.search(name) is None:
        if "'" in name or "\u2019" in name:
            name = _ELISION.sub(r"\1 ", name)
        return [(word, "") for word in fold(name).split()]
    out = []
    for token in name.split():
        if _ABJAD.search(token) is None:
            out += [(word, "") for word in fold(token).split()]
            continue
        bare = _ARTICLE.sub("", token)
        folded = fold(bare)
        if folded:
            out.append(("~" + folded.replace(" ", ""), bare))
    return out


def foreign_words(english: str) -> tuple[str, ...]:
    """The folded words of the list that stand for the English word ``english`` (in any
    language), in the list's order."""
    return _tables()[2].get(english, ())


@lru_cache(maxsize=1 << 14)  # (bounded: the words of queries)
def one_spelling(word: str) -> str:
    """An English word in the singular (see :func:`singular`) and in American spelling, for
    comparing: a name may write British or American English (Defence, Defense; Organisation,
    Organization; Labour, Labor; Centre, Center).

    >>> one_spelling("organisations"), one_spelling("defence"), one_spelling("centre")
    ('organization', 'defense', 'center')
    """
    word = singular(word)
    for british, american in _BRITISH_SPELLINGS:
        if word.endswith(british):
            return word[: -len(british)] + american
    return word


def english_spellings(word: str) -> tuple[str, ...]:
    """The spellings of an English word that a name may write: as given, and in the other of
    British and American spelling.

    >>> english_spellings("organization"), english_spellings("defence")
    (('organization', 'organisation'), ('defence', 'defense'))
    """
    for british, american in _BRITISH_SPELLINGS:
        if word.endswith(british):
            return (word, word[: -len(british)] + american)
        if word.endswith(american):
            return (word, word[: -len(american)] + british)
    return (word,)


# Endings British and American English spell apart, in names of bodies.
_BRITISH_SPELLINGS = (("isation", "ization"), ("ence", "ense"), ("our", "or"), ("tre", "ter"))


def singular(word: str) -> str:
    """An English word without its plural ending (forces, force; industries, industry), so that
    a translation's number does not keep it apart: a language may name a body in the singular
    that English names in the plural (Unité, Hêz)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# The one-letter endings of a name declined as Russian, Ukrainian or German decline it (the
# genitive: Vagnera, Ukrainy, Kurdistans).
_CASE_ENDINGS = frozenset("aeiuys")

# The adjective of a place in another language, by its ending (French syrien, syriennes; German
# syrische; Spanish sirio), and the English endings of the adjective (Syrian, Iraqi, Chinese).
_FOREIGN_ADJECTIVE_ENDINGS = (
    "iennes", "ienne", "iens", "ien", "ische", "ischen", "ischer", "isches", "isch", "ios",
    "ias", "io", "ia", "anos", "anas", "ano", "ana", "aise", "ais",
)  # fmt: skip
_ENGLISH_ADJECTIVE_ENDINGS = ("n", "an", "ian", "i", "ese", "ish", "ic", "ean")
# What an adjective's stem less its ending lacks of the place's name: Syri-an, Syria; Chin-ese,
# China; Palestin-ian, Palestine; Iran-ian, Iran.
_NAME_ENDINGS = ("", "a", "e", "ia")


ScriptAlike = Callable[[str, str], bool]


def same_words(
    query: list[ContentWord], alias: list[ContentWord], script_alike: ScriptAlike | None = None
) -> bool:
    """Whether the content words of two names pair off one to one, in any order, each pair one
    word: an English word in common (after the plural: Forces, Force), a place and its
    adjective (Syria, Syrian; syriennes, Syrian) or, for two words the list does not translate,
    one word misspelt (Qods, Quds). The order is left out: languages put a name's adjectives and
    complements on either side of the head noun. A word in an abjad that the list does not
    translate and one in Latin letters are one word as ``script_alike`` (the abjad's word, the
    folded Latin word) says; with none, never."""
    if len(query) != len(alias):
        return False
    used = [False] * len(alias)

    def pair(i: int) -> bool:
        if i == len(query):
            return True
        for j, other in enumerate(alias):
            if not used[j] and _one_word(query[i], other, script_alike):
                used[j] = True
                if pair(i + 1):
                    return True
                used[j] = False
        return False

    return pair(0)


def _one_word(a: ContentWord, b: ContentWord, script_alike: ScriptAlike | None) -> bool:
    if (a.script and not a.translated) or (b.script and not b.translated):
        # A word in an abjad the list does not translate: a name, met only as written
        if a.translated or b.translated:
            return False
        if a.script and b.script:
            return a.written == b.written
        script, latin = (a.script, b.written) if a.script else (b.script, a.written)
        return script_alike is not None and script_alike(script, latin)
    for x in a.english:
        for y in b.english:
            if one_spelling(x) == one_spelling(y) or _place_and_adjective(x, y):
                return True
    if a.translated or b.translated:
        return False
    x, y = a.written, b.written
    if word_similarity(x, y) >= _SAME_WORD:
        return True
    # A name in a case of the language's own (Russian Gruppa Vagnera, German Usbekistans): its
    # one-letter ending set aside.
    return any(
        len(w) > 4 and w[-1] in _CASE_ENDINGS and word_similarity(w[:-1], v) >= _SAME_WORD
        for w, v in ((x, y), (y, x))
    )


def names_a_place(word: str) -> bool:
    """Whether a folded word is a country's name or adjective, in English or another language
    (see :func:`_place_and_adjective`).

    >>> names_a_place("iranienne"), names_a_place("haqqani")
    (True, False)
    """
    return bool(_places_named(word))


def _place_and_adjective(x: str, y: str) -> bool:
    """Whether two words name one country, each its name or an adjective of it, in English or
    another language (Syria, Syrian, syriennes; Iran, Iranian), a country of the bundled
    ``countries.toml`` or a place of ``place-words/exonyms.toml``. Only places: Islamic is no
    adjective of Islam here (the Army of Islam is not the Islamic Army)."""
    return not _places_named(x).isdisjoint(_places_named(y))


@lru_cache(maxsize=1 << 12)  # (bounded: the words of queries)
def _places_named(word: str) -> frozenset[str]:
    """The places ``word`` names or is an adjective of (see :func:`_place_and_adjective`)."""
    stems = [word]
    for endings in (_ENGLISH_ADJECTIVE_ENDINGS, _FOREIGN_ADJECTIVE_ENDINGS):
        stems += [word[: -len(e)] for e in endings if word.endswith(e) and len(word) - len(e) >= 3]
    found: set[str] = set()
    for stem in stems:
        for name in (stem + e for e in _NAME_ENDINGS) if stem != word else (word,):
            found.update(_place_ids(name))
    return frozenset(found)


def _place_ids(folded: str) -> tuple[str, ...]:
    """The countries a folded name names (their IDs in ``countries.toml``: Korea names both
    Koreas), and the place of ``exonyms.toml`` it names (its English name)."""
    owners = country_owners() or {}
    group = group_of(folded)
    ids = tuple(owners.get(folded, shared_country_names().get(folded, ())))
    return ids if group is None else (*ids, *owners.get(group, ()), "exonym:" + group)


_Translations = dict[str, tuple[tuple[str, ...], ...]]


@cache
def _tables() -> tuple[_Translations, frozenset[str], dict[str, tuple[str, ...]]]:
    """The bundled list read: each folded word -> its English words (a tuple of alternatives per
    word it stands for), the languages' function words, and each English word -> the folded words
    that stand for it. Empty when the file cannot be read (then no name is read in English)."""
    from .table import read_bundled_toml

    data = read_bundled_toml("org-words", "translations.toml")
    blocks = data.get("language", []) if data is not None else []
    translations: _Translations = {}
    apart: set[str] = set()
    foreign: dict[str, list[str]] = {}
    for block in blocks if isinstance(blocks, list) else ():
        if not isinstance(block, dict):
            continue
        apart.update(_key(w) for w in block.get("apart", ()) if isinstance(w, str))
        words = block.get("words", {})
        for written, meaning in words.items() if isinstance(words, dict) else ():
            slots = _slots(meaning)
            if not slots:
                continue
            form = _key(written)
            if slots == ((form,),):
                continue  # English as written, once folded (résistance): no translation
            translations.setdefault(form, slots)
            for slot in slots:
                for english in slot:
                    known = foreign.setdefault(english, [])
                    if form not in known:
                        known.append(form)
    return translations, frozenset(apart), {k: tuple(v) for k, v in foreign.items()}


def _key(written: str) -> str:
    """A word of the list as :func:`_words_of` files it."""
    found = _words_of(written)
    return found[0][0] if len(found) == 1 else fold(written)


def _slots(meaning: object) -> tuple[tuple[str, ...], ...]:
    """The English words of one entry: a string of one word or more (a compound), or a list of
    one-word alternatives; nothing for anything else."""
    if isinstance(meaning, str):
        return tuple((w,) for w in fold(meaning).split())
    if isinstance(meaning, list) and all(isinstance(m, str) for m in meaning):
        alternatives = tuple(dict.fromkeys(fold(m) for m in meaning if fold(m)))
        return (alternatives,) if alternatives else ()
    return ()
