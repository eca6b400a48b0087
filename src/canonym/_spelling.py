"""When two written names are one name: the strict word rules of the draft checker.

The checker (:mod:`canonym.check`) compares the names of a draft with each other. Nothing curated
confirms a name that is in no table, so these rules are stricter than the resolver's: they join
spellings of one word (``Arbil``/``Erbil``, ``Husni``/``Hosni``, ``Zelenskiy``/``Zelenskyy``)
and keep apart different words however alike (``Iran``/``Iraq``, ``Hamid``/``Hamad``,
``Russia``/``Russian``).
Every rule is documented in ``docs/check.md``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

from ._bounded import letter_signature, rigid_letters, within_reach
from ._exonyms import group_of
from ._korean import KOREAN_FAMILY_NAMES, korean_keys
from ._name_words import distinct_names, name_of, same_name
from .keys import _undoubled, consonant_skeleton, orth
from .mentions import FUNCTION_WORDS, WORD_RE, Mention
from .normalize import fold, normalize
from .parse import DESIGNATORS, PARTICLES, NameToken, is_article_before, parse
from .resolver import DEMONYM_SUFFIXES, russian_of_belarusian
from .similarity import (
    _KA_KO,
    _KA_KO_WORD,
    _VOWELS,
    _swapped_neighbours,
    article_l_apart,
    breaks_opening,
    diphthong_ow_apart,
    ie_for_ei,
    orth_distance,
    score_names,
    ukrainian_neuter_ending,
    word_similarity,
)
from .table import Entity

__all__ = [
    "ALIKE",
    "FIELD_ORDER",
    "NASAB_WORDS",
    "Shape",
    "alias_is_spelling",
    "block_keys",
    "compare",
    "demonym_of",
    "display",
    "is_reference",
    "joined_alike",
    "joined_equal",
    "key_tie_holds",
    "lookup_keys",
    "may_relate",
    "name_words",
    "relation",
    "shape",
    "spelling_key",
    "suggest",
    "usable_name",
    "word_close",
    "word_forms",
]


@lru_cache(maxsize=65536)
def spelling_key(written: str) -> str:
    """How a spelling is compared: normalised, first letter lowercased (sentence starts).

    >>> spelling_key("Al-Qaeda") == spelling_key("al-Qaeda") != spelling_key("Al Qaeda")
    True
    >>> spelling_key("Kata’ib") == spelling_key("Kata'ib") != spelling_key("Kataib")
    True
    """
    n = normalize(written)
    return n[:1].lower() + n[1:]


@lru_cache(maxsize=65536)
def word_forms(written: str) -> tuple[str, ...]:
    """The words of a spelling, normalised and casefolded, for second-reference tests."""
    return tuple(normalize(w.group()).casefold() for w in WORD_RE.finditer(written))


@lru_cache(maxsize=65536)
def name_words(written: str) -> tuple[NameToken, ...]:
    """The name words (titles and articles set aside, particles bound) of a spelling, the
    Persian and Urdu ezafe between two hyphenated words read as one word however it is written
    (Pul-i-Khumri, Pul-e-Khumri; Lashkar-e-Taiba, Lashkar-i-Taiba).

    >>> name_words("Pul-i-Khumri") == name_words("Pul-e-Khumri")
    True
    """
    if "-" in written:
        written = _EZAFE.sub("-e-", written)
    if "l" in written:
        written = _CAPITALISED_JOINED_ARTICLE.sub(r"\1-", written)
    return parse(written).tokens


# The Arabic article written joined to a capitalised word (AlUla, ElBaradei): an article, as
# Al-Ula and el-Baradei write it.
_CAPITALISED_JOINED_ARTICLE = regex.compile(r"(?<![\p{L}\p{M}])([AE]l)(?=\p{Lu}\p{Ll})")


# The ezafe (Persian -e, -ye; Urdu and Pashto -i, -e) joining two words of a name by hyphens.
_EZAFE = regex.compile(r"(?<=\w)-(?:i|e|ye|yi)-(?=\w)", regex.IGNORECASE)


def _last_word_key(particle: str, text: str) -> str:
    """The block key of a last word read as ``text``: its particle and consonant skeleton."""
    return f"l{particle}:{consonant_skeleton(text)}"


@lru_cache(maxsize=65536)
def block_keys(written: str) -> tuple[str, ...]:
    """Where a spelling is filed for comparison: its last word's and its joined skeleton, the
    last word's letters in any order, and the curated name it spells, if any."""
    tokens = name_words(written)
    if not tokens:
        return ()
    # (a consonant that ends a word and opens the next is one, as in the words run together:
    # Lauk Kai, Laukkai)
    joined = _undoubled("".join(consonant_skeleton(_particle_joined(t)) for t in tokens))
    last = tokens[-1]
    keys = [_last_word_key(last.particle, last.text), "j" + joined]
    if last.particle in _NASAB and len(tokens) > 1:
        # (and without its nasab particle, which a misspelling may leave out: Mohamed
        # Ghazouani for Mohamed Ould Ghazouani; see _nasab_left_out)
        keys.append(_last_word_key("", last.text))
    if len(tokens) > 1 and (tokens[0].role == "family" or "-" in written):
        # A skeleton reads a word's opening and ending in context (Je, a final h), so the
        # syllables of a Chinese or Korean given name written apart and joined (Ko Wen-je, Ko
        # Wenje) are also filed as one word, and so are those of a name with a hyphen, whose
        # family name parse may not know (Gui Min-hai, Gui Minhai). (Only there: every name
        # filed so made a long draft's check a tenth slower.)
        whole = consonant_skeleton("".join(t.particle + t.text for t in tokens))
        if whole != joined:
            keys.append("j" + whole)
    if last.text[-2:] == "ja" and len(last.text) > 3:
        # German, Polish and Czech write the y glide j (Navalnaja, Navalnaya), which a skeleton
        # keeps as a consonant and drops as a vowel: a word in -ja (a Slavic feminine ending,
        # -aja, -ija) is filed under both readings, and the word rules judge (j~y is a class
        # pair). Only there: a key for every j (Majid, Najib ...) cost 7% of a check of a
        # long draft with the synthetic 1e5 table.
        keys.append(_last_word_key(last.particle, last.text[:-2] + "ya"))
    if "dz" in last.text or "ts" in last.text:
        belarusian = _russian_of_belarusian(last.text)
        if belarusian is not None:
            # Belarusian's dz and ts before a soft vowel, Russian's d and t (Tsikhanouskaya,
            # filed as Tikhanovskaya too: the Russian spelling looked up meets it)
            keys.append(_last_word_key(last.particle, belarusian))
    if len(last.text) > _SHORT_WORD:
        # Two neighbours swapped (Cryil, Cyril) can move both skeletons, as keys read letters
        # in context; the same letters in any order meet.
        keys.append(f"s{last.particle}:{''.join(sorted(last.text))}")
    listed = name_of(orth(last.text))
    if listed is not None:
        # A curated list's spellings of one name share few letters (Reza, Ridha).
        keys.append(f"n{last.particle}:{listed[0]}:{listed[1]}")
    if tokens[0].text in KOREAN_FAMILY_NAMES or _place_key(written) is not None:
        # A Korean name in another romanisation (Wi Seong-rak, Wi Sung-lac), or a place's name
        # in another spelling of a curated group (Kiev, Kyiv), may share no skeleton with it:
        # its one-name keys (the syllables' classes, the group) are keys of their own.
        keys.extend("k" + k for k in shape(written).one_name_keys)
    return tuple(keys)


_DIGRAPH_H = regex.compile(r"([sczkgtd])h")


@lru_cache(maxsize=65536)
def lookup_keys(written: str) -> tuple[str, ...]:
    """Where to look for the spellings a spelling may vary: its ``block_keys``, and for a last
    word with a digraph's h (sh, kh, ch, zh, gh, th, dh) the key of that word without it, the
    keys of the word with kh for a lone h and h for kh (the Russian х: Delimhanov, Delimkhanov;
    Berdimuhamedov, Berdymukhamedov), with an opening h read as g and g as h (the Ukrainian
    and Russian г: Haponenko, Gaponenko), with j for a g before e or i and g for such a j
    (Raggi, Rajji; Franjieh, Frangieh), with an ending German writes otherwise
    (Kobakhidse, Kobakhidze; Khinstein, Khinshtein), and a long word's t read as d and its d as
    t (Tatmataw, Tatmadaw).

    A source or a slip writes the digraph as its first letter alone (Demirtas, for Turkish
    Demirtaş, beside Demirtash), which moves the skeleton (S for sh, s for s); the word rules
    then judge the pair (sh~s, kh~k are class pairs). Only looked up, not filed: filing every
    such word twice made a long draft's check a fifth slower.

    >>> lookup_keys("Demirtash")[-1] in block_keys("Selahattin Demirtas")
    True
    """
    keys = block_keys(written)
    tokens = name_words(written)
    if not tokens:
        return keys
    last = tokens[-1]
    word = last.text
    readings = []
    if len(word) >= _VOICED_T_WORD and ("t" in word[1:] or "d" in word[1:]):
        # A t for a d inside a long word, or a d for a t, which the skeletons keep apart and
        # the word rules read as close (Naypyitaw, Naypyidaw; Tatmataw, Tatmadaw): each looked
        # up as the other, past the first letter.
        readings += [word[0] + word[1:].replace("t", "d"), word[0] + word[1:].replace("d", "t")]
    if "h" in word[1:]:
        readings += [_DIGRAPH_H.sub(r"\1", word), _LONE_H.sub("kh", word), word.replace("kh", "h")]
    if "g" in word:
        readings.append(_SOFT_G.sub("j", word))
    if "j" in word:
        # and the other way: a j before e or i is looked up as the soft g a French spelling
        # writes (Franjieh, Frangieh), which only the g's own reading filed otherwise
        readings.append(_J_OF_SOFT_G.sub("g", word))
    for ending, other in _GERMAN_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            readings.append(word[: -len(ending)] + other)
    belarusian = _russian_of_belarusian(word)
    if belarusian is not None:
        # Belarusian's dz, ts and u, Russian's d, t and v (Tsikhanouskaya, Tikhanovskaya)
        readings.append(belarusian)
    if len(word) >= _H_AS_G_WORD and (word[0] == "h" or (word[0] == "g" and word[1] != "h")):
        # The Ukrainian г is h, the Russian g (Haponenko, Gaponenko; Horlivka, Gorlovka): an
        # opening h is looked up as g, and a g (not the gh of ghayn) as h. Only in a longer
        # word: a short one so read meets too many (Hama, as gama, met al-Khaimah).
        readings.append(("g" if word[0] == "h" else "h") + word[1:])
    for read in readings:
        key = _last_word_key(last.particle, read)
        if read != word and key not in keys:
            keys = (*keys, key)
    return keys


# Endings that German spelling writes otherwise, each beside the other: Georgian -dze as -dse
# (Kobakhidse, Schewardnadse), and the -stein of German names that Russian spells -shtein
# (Khinshtein, Khinstein; Eizenshtein, Eisenstein).
_GERMAN_ENDINGS = (("dse", "dze"), ("dze", "dse"), ("stein", "shtein"), ("shtein", "stein"))
# A g before e or i that French and Italian spellings read as j: Raggi is Lebanese Rajji.
_SOFT_G = regex.compile(r"g(?=g?[ei])")
_H_AS_G_WORD = 6
_VOICED_T_WORD = 7
_J_OF_SOFT_G = regex.compile(r"j(?=j?[ei])")


# An h inside a word after a letter that makes no digraph with it: also the Russian х that
# others write kh (Delimhanov, Delimkhanov; Mihail, Mikhail), looked up so.
_LONE_H = regex.compile(r"(?<=[^sczkgtdp])h")


# A variant may not differ by more than this weighted edit distance (see similarity.py's costs):
# class substitutions (q~k, kh~k, e~a, o~u), dropped vowels and doubled letters pass; a consonant
# added or changed outside its class (Russia/Russian, Iran/Iraq) or an unrelated vowel
# (Hamid/Hamad, Khamenei/Khomeini) does not.
_MAX_WORD_DISTANCE = 0.65
_MAX_LONG_WORD_DISTANCE = 0.8  # words of ten letters or more: see word_close
_VERY_LONG_WORD = 10
_MAX_SHORT_WORD_DISTANCE = 0.2  # words of up to 4 letters: Qom/Qum, Omar/Umar, not Ali/Eli
_SHORT_WORD = 4
_MIN_WORD_SIMILARITY = 0.85
_OV_IV = frozenset({"ov", "iv"})
# The British and American endings of one English noun (Defence/Defense, Licence/License,
# Offence/Offense): in names they are the house spellings of different bodies (the Ministry of
# Defence in London, the Department of Defense in Washington), not one name spelt two ways. No
# transliteration writes a name's final s as c after n.
_NCE_NSE = frozenset({"nce", "nse"})
# Two names alike enough letter for letter (rapidfuzz ratio of their joined class keys, or token
# set ratio of their folded forms) for the resolver to be asked whether one is the other.
ALIKE = 80
FIELD_ORDER = {"name": 0, "spelling": 1, "short": 2, "alias": 3}


@lru_cache(maxsize=262144)
def word_close(a: str, b: str) -> bool:
    """Whether two folded words are spellings of one word by the strict rules of ``check``.

    >>> [word_close(a, b) for a, b in [("arbil", "erbil"), ("husni", "hosni"),
    ...                               ("barazani", "barzani"), ("kharkov", "kharkiv")]]
    [True, True, True, True]
    >>> [word_close(a, b) for a, b in [("iran", "iraq"), ("hamid", "hamad"),
    ...                               ("russia", "russian"), ("ali", "eli")]]
    [False, False, False, False]
    >>> word_close("cryil", "cyril"), word_close("ahmad", "hamad")   # a slip; another name
    (True, False)
    >>> word_close("defence", "defense")   # British and American English: two bodies' names
    False
    >>> word_close("force", "forces"), word_close("saud", "sauds")   # a body's kind, plural
    (True, False)
    """
    if a == b:
        return True
    if len(a) == len(b) > 4 and a[:-3] == b[:-3] and {a[-3:], b[-3:]} == _NCE_NSE:
        return False  # English Defence/Defense: two bodies' house spellings
    oa, ob = orth(a), orth(b)
    if oa == ob:
        return True
    if _diphthong_opened_otherwise(a, b):
        return True
    if _back_vowel_for_a(a, b) and not distinct_names(oa, ob):
        return True
    if same_name(oa, ob) and _fixed_letters(a) == _fixed_letters(b):
        # A curated list's spellings of one name (Reza, Ridha; Mohd for Muhammad is left to the
        # resolver: may_relate's bound counts fixed letters, and an abbreviation drops them).
        return True
    if len(oa) >= 4 and oa[:-2] == ob[:-2] and {oa[-2:], ob[-2:]} == _OV_IV:
        return True  # Ukrainian і for a Russian о in a final syllable: Kharkiv/Kharkov, Lviv/Lvov
    if ukrainian_neuter_ending(a, b):
        return True  # Ukrainian -ove, -eve for Russian -ovo, -evo: Mukacheve/Mukachevo
    if diphthong_ow_apart(a, b):
        return True  # the Persian and Pashto diphthong ow written o or ou: Fordow/Fordo, Khowst
    if _korean_vowels_apart(a, b):
        return True  # Korean eo and eu, McCune-Reischauer's o and u: Yeongbyeon/Yongbyon
    if _belarusian_of(a, b) or _belarusian_of(b, a):
        return True  # Belarusian dz, ts, u of Russian d, t, v: Tsikhanouskaya/Tikhanovskaya
    if (
        len(a) == len(b) >= _KA_KO_WORD
        and a[:-1] == b[:-1]
        and a[-2:-1] == "k"
        and a[-1] + b[-1] in _KA_KO
    ):
        return True  # Belarusian -ka for the -ko of a surname: Lukashenka/Lukashenko
    if _plural_in_ies(a, b) or _plural_in_ies(b, a):
        return True  # an English noun and its plural: Industry/Industries, Authority/Authorities
    if (b == a + "s" and a in DESIGNATORS) or (a == b + "s" and b in DESIGNATORS):
        return True  # a body's kind and its plural: Rapid Support Force(s), Qassam Brigade(s)
    if len(a) >= _RUSSIAN_E_WORD and _russian_e_as_e(a) == _russian_e_as_e(b):
        return True  # Russian е and ё, each written two ways: Fyodorov/Fedorov, Sergeyev/Sergeev
    if (
        len(oa) >= 6
        and oa[-2:] == ob[-2:] == "ka"
        and oa[:-4] == ob[:-4]
        and {oa[-4:-2], ob[-4:-2]} == _OV_IV
    ):
        return True  # and before the -ka of a village's name: Ivanivka/Ivanovka, Horlivka
    if len(a) == _SHORT_WORD and ie_for_ei(a, b):
        return True  # ie for ei in a word of four letters, English's own slip: Reik for Riek
    if _one_vowel_miswritten(a, b) and not distinct_names(oa, ob):
        return True  # one vowel changed inside a long word: a slip (Maidugiri for Maiduguri)
    if (
        len(a) > _SHORT_WORD
        and _swapped_neighbours(a, b)
        and _fixed_letters(a) == _fixed_letters(b)
    ):
        # Two neighbours typed in the wrong order inside a word of five letters or more (not
        # its first letter nor its last, as word_similarity reads it): one typing slip (Cryil,
        # Stehpen). may_relate's bound counts fixed letters of the normalised word: a swap that
        # makes or breaks a doubled letter (Khaill, Khalil) changes them, and is left to the rules.
        return True
    thinned = _cluster_thinned(a, b) or _cluster_thinned(b, a)
    if thinned and _fixed_letters(a) == _fixed_letters(b):
        # (as many fixed letters as may_relate counts: a thinned cluster may make or break a
        # doubled letter of the normalised word, Ayatolhlah/Ayatollah, left to the rules)
        return True
    if abs(len(oa) - len(ob)) > 2:
        return False  # three letters added cost at least 3 x 0.3 (a glide's), over the limit
    longest = max(len(a), len(b))
    if longest <= _SHORT_WORD:
        limit = _MAX_SHORT_WORD_DISTANCE
    elif longest >= _VERY_LONG_WORD and abs(len(oa) - len(ob)) <= 1:
        # A word of ten letters or more has room for a vowel changed and another dropped or
        # added, its consonants telling which word it is (Chanegriha, Chengriha; Yekaterina,
        # Katarina). Not two letters more or fewer (Christophe is no Christov).
        limit = _MAX_LONG_WORD_DISTANCE
    else:
        limit = _MAX_WORD_DISTANCE
    if not within_reach(oa, ob, limit):
        return False  # a letter no edit within the limit adds, drops or changes (most pairs)
    # Both tests must pass. word_similarity comes first: it turns away words whose class keys
    # share little without the weighted edit distance (most pairs that reach here), and when
    # it does compute that distance, it is the very one tested next (cached).
    return word_similarity(a, b) >= _MIN_WORD_SIMILARITY and orth_distance(oa, ob) <= limit


def _belarusian_of(belarusian: str, russian: str) -> bool:
    """Whether a folded word in Belarusian's national romanisation, its Belarusian letters read
    as Russian writes them (dz, ts before a soft vowel, u closing a syllable: d, t, v), is the
    other word by the word rules: one name in its Belarusian and Russian spellings
    (Tsikhanouskaya, Tikhanovskaya; Lidziya, Lidiya). The letters read are none that
    ``may_relate`` counts."""
    reading = _russian_of_belarusian(belarusian)
    return reading is not None and reading != belarusian and word_close(reading, russian)


@lru_cache(maxsize=65536)
def _russian_of_belarusian(word: str) -> str | None:
    """:func:`canonym.resolver.russian_of_belarusian`, cached: word_close asks it of each word
    of the pairs it judges, and words recur; the block and look-up keys read the same."""
    return russian_of_belarusian(word)


def _korean_vowels_apart(a: str, b: str) -> bool:
    """Whether two folded words of six letters or more are one Korean name whose vowels ㅓ and
    ㅡ the Revised Romanization writes eo and eu, and McCune-Reischauer ŏ and ŭ, which the press
    writes o and u: Yeongbyeon, Yongbyon; Cheongjin, Chongjin; Hamheung, Hamhung.

    >>> _korean_vowels_apart("yeongbyeon", "yongbyon"), _korean_vowels_apart("seoul", "soul")
    (True, False)
    """
    if min(len(a), len(b)) < _KOREAN_VOWELS_WORD or ("eo" not in a + b and "eu" not in a + b):
        return False
    return a.replace("eo", "o").replace("eu", "u") == b.replace("eo", "o").replace("eu", "u")


_KOREAN_VOWELS_WORD = 6


def _one_vowel_miswritten(a: str, b: str) -> bool:
    """Whether two folded words of as many letters, eight or more, differ in one vowel inside
    them alone (not in the first two letters nor the last): a slip of the keys in a long word,
    whose other letters say which word it is (Maidugiri, Maiduguri; Kandahar, Kandehar). In a
    shorter word one vowel makes another name (Hamid, Hamad), as does the vowel of a root's
    first syllable (Hassaini, Hussaini), and a last one is a suffix (Ivanovo, Ivanova).

    >>> _one_vowel_miswritten("maidugiri", "maiduguri"), _one_vowel_miswritten("hamid", "hamad")
    (True, False)
    >>> _one_vowel_miswritten("hassaini", "hussaini")
    False
    """
    if len(a) != len(b) or len(a) < _LONG_WORD:
        return False
    apart = [i for i in range(len(a)) if a[i] != b[i]]
    if len(apart) != 1 or not 1 < apart[0] < len(a) - 1:
        return False
    i = apart[0]
    return a[i] in _VOWELS and b[i] in _VOWELS


# Words this long may have one vowel miswritten inside them (see _one_vowel_miswritten).
_LONG_WORD = 8


def _plural_in_ies(word: str, plural: str) -> bool:
    """Whether ``plural`` is the English plural of ``word``, a noun of five letters or more in
    a consonant and y (Industry, Industries; Company, Companies), as an organisation's name is
    written in the singular or the plural. No name of a person or place so ends in -ies.

    >>> _plural_in_ies("industry", "industries"), _plural_in_ies("sunday", "sundaies")
    (True, False)
    """
    return (
        len(plural) == len(word) + 2
        and len(word) >= _PLURAL_IES_WORD
        and word[-1] == "y"
        and word[-2] not in _VOWELS
        and plural.endswith("ies")
        and plural[:-3] == word[:-1]
    )


_PLURAL_IES_WORD = 5


def _russian_e_as_e(word: str) -> str:
    """A folded word with what a romanised Russian е or ё may be written as, written e.

    Russian ё is written yo, and as often e, as Russian print writes it without its dots
    (Fyodorov, Fedorov; Semyonov, Semenov; Korolyov, Korolev); е is ye before the v of a
    surname's -ev and opening a word, or e (Sergeyev, Sergeev; Dostoyevsky; Yevgeny, Evgeny);
    and the surname ending -ov, -ova is -ev, -eva after soft consonants and for ё, which
    spellings confuse (Gorbachov, Gorbachev; Bektenov, Bektenev). Only yo between consonants
    (Tokyo keeps its own), ye before a v after a vowel (Sayed is not Saed, سيد and سعيد) or
    before a consonant opening a word, and -ov after a stem of five letters or more.

    >>> [_russian_e_as_e(w) for w in ("fyodorov", "gorbachov", "sergeyev", "yevgeny", "sayed")]
    ['fedorev', 'gorbachev', 'sergeev', 'evgeny', 'sayed']
    >>> _russian_e_as_e("bektenova") == _russian_e_as_e("bekteneva")
    True
    """
    out = _YO_BETWEEN_CONSONANTS.sub("e", word)
    out = _YE_BEFORE_V.sub("e", out)
    if out.startswith("ye") and len(out) > 2 and out[2] not in _VOWELS:
        out = out[1:]
    return _SURNAME_OV.sub(r"\1ev\2", out)


_RUSSIAN_E_WORD = 5
_YO_BETWEEN_CONSONANTS = re.compile(r"(?<=[b-df-hj-np-tv-z])yo(?=[b-df-hj-np-tv-z])")
_YE_BEFORE_V = re.compile(r"(?<=[aeiou])ye(?=v)")
_SURNAME_OV = re.compile(r"^([a-z]{5,}?)[eo]v(a?)$")


def _back_vowel_for_a(a: str, b: str) -> bool:
    """Whether two folded words of six letters or more differ only in one vowel inside them, an
    a against an o or a u: the short vowels that Arabic, Persian and Urdu script leave
    unwritten, which transliterations read as they hear them (Yousafzai, Yousufzai; Sarabi,
    Sarobi; Channu, Chunnu). Not the first letter nor the last, which make another name or
    form, nor in a shorter word, where a vowel is a name's pattern (Basra, Busra), nor a for i
    or e, the other patterns of a root (Karami, Karimi; Hamadi, Hamidi).

    >>> _back_vowel_for_a("yousufzai", "yousafzai"), _back_vowel_for_a("karimi", "karami")
    (True, False)
    >>> _back_vowel_for_a("basra", "busra")
    False
    """
    i = _one_letter_apart_at(a, b) if len(a) >= _BACK_VOWEL_WORD else None
    return i is not None and 0 < i < len(a) - 1 and {a[i], b[i]} in _A_AND_BACK_VOWEL


_BACK_VOWEL_WORD = 6
_A_AND_BACK_VOWEL = (frozenset("ao"), frozenset("au"))


def _diphthong_opened_otherwise(a: str, b: str) -> bool:
    """Whether two folded words differ only in the vowel that opens the diphthong ay, written ai
    or ei, ay or ey (Saif/Seif, Zaid/Zeid, Qais/Qeis: one Arabic letter, ي, after a fatha that
    English writes a and French and German e), a difference even a four-letter word allows.

    >>> _diphthong_opened_otherwise("seif", "saif"), _diphthong_opened_otherwise("ali", "eli")
    (True, False)
    """
    i = _one_letter_apart_at(a, b)
    return i is not None and {a[i], b[i]} == {"a", "e"} and i + 1 < len(a) and a[i + 1] in "iy"


def _one_letter_apart_at(a: str, b: str) -> int | None:
    """Where two words of one length differ, when they differ in one letter alone; else None."""
    if len(a) != len(b):
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return diff[0] if len(diff) == 1 else None


def _cluster_thinned(longer: str, shorter: str) -> bool:
    """Whether ``shorter`` is the folded word ``longer`` (seven letters or more) less one
    consonant from the middle of three: Akhundzada/Akhunzada, where the middle one is barely
    heard (a Pashto -zada after Akhund), or a letter dropped in typing from a run no vowel
    breaks.

    A consonant next to a vowel is left to the rules: dropped there it may make another name
    (Martina, Marina; Russia, Russian). Fixed letters (l, m, n, r, w) are left out too, so that
    ``may_relate``'s count of them still holds, and h, which spells a sound with the letter
    before it (kh, sh) and is weighed by the rules.

    >>> _cluster_thinned("akhundzada", "akhunzada"), _cluster_thinned("martina", "marina")
    (True, False)
    """
    n = len(longer)
    if n < _THINNED_MIN or n != len(shorter) + 1:
        return False
    i = 0
    while i < len(shorter) and longer[i] == shorter[i]:
        i += 1
    return (
        0 < i < n - 1
        and longer[i + 1 :] == shorter[i:]
        and longer[i] not in _VOWELS
        and longer[i] not in _FIXED_LETTERS
        and longer[i] != "h"
        and longer[i - 1] not in _VOWELS
        and longer[i + 1] not in _VOWELS
        and longer[i] != longer[i - 1]  # (an undoubled letter is orth's business)
        and longer[i] != longer[i + 1]
    )


_THINNED_MIN = 7


@lru_cache(maxsize=16384)
def key_tie_holds(written: str, name: str) -> bool:
    """Whether a spelling that has the transliteration key of a table name may be tied to it
    by that key: a lone word only when ``word_close`` joins it to the name's lone word. A class
    key is lossy, and English words meet place names in it ("Crime" has the key of Crimea,
    "Base" of Basij, "Change" of Shanghai); a name of two words or more has its other words.

    >>> key_tie_holds("Crime", "Crimea"), key_tie_holds("Arbil", "Erbil")
    (False, True)
    >>> key_tie_holds("Karim", "Krim")   # a vowel that breaks the opening cluster
    False
    """
    a, b = name_words(written), name_words(name)
    if len(a) != 1 or len(b) != 1:
        return True
    return (
        a[0].particle == b[0].particle
        and word_close(a[0].text, b[0].text)
        and not breaks_opening(orth(a[0].text), orth(b[0].text))  # Karim is not Krim (Crimea)
    )


# The number that ends a numbered name, after a space or a hyphen (see mentions._run_step).
_NUMBER_ENDING = regex.compile(r"(?<=\p{L})[\s\-\u2010\u2011][0-9]{1,2}$")


@lru_cache(maxsize=65536)
def usable_name(written: str) -> bool:
    """Not a number, a single letter or a lone function word; a name with digits only as the
    number that ends it, after a space or a hyphen (Chollima-1, Adrian Darya 1).

    >>> usable_name("Chollima-1"), usable_name("Adrian Darya 1"), usable_name("M23")
    (True, True, False)
    """
    letters = written.replace(" ", "")
    if letters.isalpha():
        # Letters and spaces only (the common case, told in C): no digit (no character is
        # both), and as many letters as ``letters`` has.
        if len(letters) < 2:
            return False
    elif (
        any(ch.isdigit() for ch in _NUMBER_ENDING.sub("", written))
        or sum(ch.isalpha() for ch in written) < 2
    ):
        return False
    words = word_forms(written)
    return bool(name_words(written)) and not (len(words) == 1 and words[0] in FUNCTION_WORDS)


def _tokens_close(x: NameToken, y: NameToken) -> bool:
    return x.particle == y.particle and (
        word_close(x.text, y.text) or (x.particle == "abd" and article_l_apart(x.text, y.text))
    )


@lru_cache(maxsize=65536)
def compare(u: str, f: str) -> str | None:
    """How spelling ``u`` relates to spelling ``f``: ``ref`` (repeats some of its words),
    ``full`` (the same name spelled differently), ``partial`` (its last words spelled
    differently) or None.

    >>> compare("Ridha", "Mohammed Ridha Jabri"), compare("Zelenskiy", "Volodymyr Zelenskyy")
    ('ref', 'partial')
    >>> compare("Husni Mubarak", "Hosni Mubarak"), compare("Gamal Mubarak", "Hosni Mubarak")
    ('full', None)
    >>> compare("Abdul Mahdi", "Abu Mahdi al-Muhandis") is None   # Abd is not Abu
    True
    """
    if is_reference(u, f):
        return "ref"
    if _nasab_left_out(word_forms(u), word_forms(f)):
        return "full"
    how = _word_relation(name_words(u), name_words(f))
    if how is None and not shape(u).one_name_keys.isdisjoint(shape(f).one_name_keys):
        return "full"  # one Korean name in two romanisations, or one place in two languages
    return how


def _word_relation(ut: tuple[NameToken, ...], ft: tuple[NameToken, ...]) -> str | None:
    """``compare`` of two spellings that do not repeat each other, by their name words."""
    if not ut or not ft:
        return None
    if len(ut) == len(ft):
        if all(map(_tokens_close, ut, ft)):
            return "full"
        return "full" if _one_short_vowel_apart(ut, ft) else None
    if len(ut) < len(ft):
        return "partial" if all(map(_tokens_close, ut, ft[len(ft) - len(ut) :])) else None
    return None


# The particles of a nasab, son or daughter of, as parse writes them (see _nasab_left_out).
_NASAB = frozenset(("bin", "bint"))
# and the words that write them, as a name's words are folded (see repeats_words)
NASAB_WORDS = frozenset(w for w, p in PARTICLES.items() if p in _NASAB and len(w) > 1)


def _one_short_vowel_apart(ut: tuple[NameToken, ...], ft: tuple[NameToken, ...]) -> bool:
    """Whether two names of as many words are one name whose words of four letters are written
    with another vowel in one of them, e for i or a, not the first letter: Arabic's short
    vowels, written as each source hears them (Raif, Raef; Adil, Adel; Faiq, Faeq; Omar, the
    Turkish Omer) and the Somali Muse for Musa. The other words must be the same, one of them
    of four letters or more: the vowel alone is no other name beside the same family name
    (word_close, judging a word alone, keeps Adil and Adel apart). Two names of a curated
    group stay two (word_similarity), and so do Ali and Eli (a first letter).

    >>> from canonym.parse import parse
    >>> _one_short_vowel_apart(parse("Raef Badawi").tokens, parse("Raif Badawi").tokens)
    True
    >>> _one_short_vowel_apart(parse("Eli Cohen").tokens, parse("Ali Cohen").tokens)
    False
    """
    apart = [(x, y) for x, y in zip(ut, ft, strict=True) if x != y]
    if len(apart) != 1:
        return False
    ((x, y),) = apart
    if x.particle != y.particle or x.role != y.role:
        return False
    if not any(
        len(t.particle + t.text) >= _SHORT_WORD and t.role != "generic" for t in ut if t != x
    ):
        return False
    a, b = x.text, y.text
    if len(a) != _SHORT_WORD or len(b) != _SHORT_WORD:
        return False
    changed = [i for i in range(_SHORT_WORD) if a[i] != b[i]]
    return (
        len(changed) == 1
        and changed[0] > 0
        and {a[changed[0]], b[changed[0]]} in _SHORT_VOWELS_ALIKE
        and word_similarity(a, b) >= _MIN_WORD_SIMILARITY
    )


# The vowels a four-letter word may write otherwise (see _one_short_vowel_apart): e for i, e
# for a; not a for i, which makes another name of one root (Amir, Amar; Hamid, Hamad).
_SHORT_VOWELS_ALIKE = (frozenset("ei"), frozenset("ea"))


def relation(u: str, f: str, su: Shape, sf: Shape) -> str | None:
    """``compare(u, f)``, or ``full`` where that is None and the two are ``joined_equal``, for
    spellings ``u`` and ``f`` of shapes ``su`` and ``sf``: the reference and joined tests read
    from the shapes (their ``words`` are the sets of ``word_forms``, their ``tokens`` one per
    name word, their ``joined`` is ``_joined``'s), and nothing kept in a cache (a checker's
    loop asks each pair once).

    >>> relation("Deng Xiao Ping", "Deng Xiaoping", shape("Deng Xiao Ping"), shape("Deng Xiaoping"))
    'full'
    """
    if (
        su.n_words < sf.n_words
        and su.words <= sf.words
        and su.n_named < sf.n_named
        and not _nasab_particles_left_out(word_forms(u), word_forms(f))
    ):
        return "ref"  # is_reference (repeats_words)
    if _nasab_left_out(word_forms(u), word_forms(f)):
        return "full"
    how = _word_relation(su.name_words, sf.name_words)
    if how is None and joined_alike(su, sf):
        return "full"  # Deng Xiao Ping, Deng Xiaoping; Bou Saab, Bousaab
    if how is None and not su.one_name_keys.isdisjoint(sf.one_name_keys):
        return "full"  # one Korean name in two romanisations, or one place in two languages
    return how


def is_reference(u: str, f: str) -> bool:
    """Whether spelling ``u`` repeats some of the words of ``f`` (``compare``'s ``ref``), told
    without the word rules that ``compare`` goes on to try on two new spellings.

    >>> is_reference("Ridha", "Mohammed Ridha Jabri"), is_reference("Ridah", "Mohammed Ridha")
    (True, False)
    """
    return repeats_words(word_forms(u), word_forms(f))


def repeats_words(uw: tuple[str, ...], fw: tuple[str, ...]) -> bool:
    """Whether words ``uw`` are some of words ``fw``, a name word of them left out: a second
    reference (Ridha, al-Muhandis). The words less an article only are a spelling of the name
    (Mohammed Shia Sudani, Mohammed Shia al-Sudani), which a reference does not shorten.

    >>> repeats_words(("sudani",), ("mohammed", "shia", "al", "sudani"))
    True
    >>> repeats_words(("mohammed", "shia", "sudani"), ("mohammed", "shia", "al", "sudani"))
    False
    """
    if len(uw) >= len(fw) or not set(uw) <= set(fw):
        return False
    if _nasab_particles_left_out(uw, fw):
        return False  # the name less its nasab particle: a slip, no reference (_nasab_left_out)
    return named_count(uw) < named_count(fw)


def _nasab_particles_left_out(uw: tuple[str, ...], fw: tuple[str, ...]) -> bool:
    """Whether words ``uw`` are words ``fw`` less one or more of the nasab particles between
    two of them."""
    return len(uw) < len(fw) and (
        tuple(w for i, w in enumerate(fw) if not (0 < i < len(fw) - 1 and w in NASAB_WORDS)) == uw
    )


def _nasab_left_out(uw: tuple[str, ...], fw: tuple[str, ...]) -> bool:
    """Whether two spellings' words are one name whose nasab particles (bin, ben, ibn, ould;
    bint), between two of its words, one of them leaves out, its other words as the other
    writes them: Mohamed Ghazouani for Mohamed Ould Ghazouani, Mohammed Salman for Mohammed
    bin Salman. The father's name says whose son; without its particle it reads as a surname,
    which is no house style but a slip. Not a particle that opens the name (Ben Wallace; bin
    Salman, a second reference). (Word for word, as may_relate's word-set tests bound it.)

    >>> _nasab_left_out(("mohamed", "ghazouani"), ("mohamed", "ould", "ghazouani"))
    True
    >>> _nasab_left_out(("wallace",), ("ben", "wallace")), _nasab_left_out(("a", "b"), ("a", "b"))
    (False, False)
    """
    return _nasab_particles_left_out(uw, fw) or _nasab_particles_left_out(fw, uw)


def named_count(words: tuple[str, ...]) -> int:
    """How many of a name's folded words are no Arabic article: an article before the word
    after it, as :func:`canonym.parse.is_article_before` reads it (an-Nasr; not the Korean
    family name An of An San, nor Ed of Ed Miliband).

    >>> named_count(("mohammed", "shia", "al", "sudani")), named_count(("an", "san"))
    (3, 2)
    """
    last = len(words) - 1
    return sum(not (i < last and is_article_before(w, words[i + 1])) for i, w in enumerate(words))


def joined_equal(u: str, f: str) -> bool:
    """Written as one word or two, or with a particle joined or apart: Deng Xiaoping / Deng
    Xiao Ping, Bousaab / Bou Saab."""
    return joined_alike(shape(u), shape(f))


def joined_alike(u: Shape, f: Shape) -> bool:
    """``joined_equal`` of two spellings of these shapes: their words joined alike, and as
    many words or not (Deng Xiao Ping, Deng Xiaoping), or a kin particle bound on one side and
    joined to its word on the other (Bou Saab, Bousaab), or bound on both to words that differ
    (Abu al-Khair, Abulkhair: the article's l). Not otherwise: words alike once joined but as
    many on either side, with no particle, are for the word rules (Defence, Defense)."""
    return u.joined == f.joined and (
        len(u.tokens) != len(f.tokens)
        or any(a != b and (a[0] or b[0]) for a, b in zip(u.tokens, f.tokens, strict=True))
    )


@lru_cache(maxsize=65536)
def _joined(written: str) -> tuple[int, str]:
    """How many name words a spelling has, and the words joined, then unified: as one word,
    so that the rules of a word's end or of the vowel before -llah read it as written so
    (Ansar Allah / Ansarallah). The article of a compound with din, which parse sets aside
    where it is written apart (Siraj-ud-Din), is left out where it is written joined
    (Sirajuddin), so that the two join alike."""
    tokens = name_words(written)
    letters = "".join(_particle_joined(t) for t in tokens)
    if "din" in letters or "deen" in letters:
        letters = _ARTICLE_BEFORE_DIN.sub("", letters)
    return len(tokens), orth(letters)


def _particle_joined(token: NameToken) -> str:
    """A name word as ``_joined`` writes it: with its kin particle in its canonical form, also
    where a word opens with the particle joined to it (Bousaab as Bou Saab, abu saab;
    Benabdallah as Ben Abdallah, bin abdallah), and without the article's l that a joined Abu
    or bin compound keeps before a consonant (Abulkhair as Abu al-Khair, abu khair).

    >>> [_particle_joined(t) for t in name_words("Bousaab Abulkhair")]
    ['abusaab', 'abukhair']
    """
    if token.particle:
        text = token.text
        if token.particle in _KIN and text[:1] == "l" and text[1:2] not in _VOWELS_OR_L:
            text = text[1:]
        return token.particle + text
    opening = _JOINED_KIN.match(token.text)
    if opening is None:
        return token.text
    return _KIN_FORMS[opening.group(1)] + opening.group(2)


# Kin particles as a word may open with them joined (see _particle_joined): the rest of the word
# three letters at least.
# Their canonical forms are parse's.
_KIN_FORMS = {w: PARTICLES[w] for w in ("abou", "abu", "bou", "ben", "bin", "ibn")}
_JOINED_KIN = regex.compile(rf"^({'|'.join(_KIN_FORMS)})([a-z]{{3,}})$")
_KIN = frozenset(_KIN_FORMS.values())
_VOWELS_OR_L = frozenset((*_VOWELS, "l", ""))


# The article of a joined compound with din (al-Din: Sirajuddin, Salaheddine, Nizamuddin),
# after the three letters at least of the name it follows.
_ARTICLE_BEFORE_DIN = regex.compile(r"(?<=[a-z]{3})[uae][dl](?=d(?:i|ee)n)")


class Shape(NamedTuple):
    """What :func:`may_relate` and :func:`relation` read of one spelling, worked out once per
    spelling."""

    words: frozenset[str]  # its words (word_forms), for the second-reference test
    n_words: int
    n_named: int  # those of its words that are no article (see repeats_words)
    tokens: tuple[tuple[str, str], ...]  # its name words' particles and fixed letters
    joined: str  # its name words unified and joined (see joined_equal)
    name_words: tuple[NameToken, ...]  # its name words (name_words)
    # Keys two spellings share when they are one name whatever their letters: a Korean name's
    # keys (canonym._korean.korean_keys), and a place's group of names in other languages
    # (see _place_key).
    one_name_keys: frozenset[str]


# The letters that no edit within either word limit adds, drops or changes (l m n r w, digits),
# less the vowels of the ov/iv rule: two words that word_close joins have as many of each.
_FIXED_LETTERS = rigid_letters(
    max(_MAX_WORD_DISTANCE, _MAX_SHORT_WORD_DISTANCE, _MAX_LONG_WORD_DISTANCE)
) - {"o", "i"}


_NO_KEYS: frozenset[str] = frozenset()


@lru_cache(maxsize=65536)
def _place_key(written: str) -> str | None:
    """The key of the place a spelling names in another language's spelling of its English
    name, as the curated groups of ``aliases/place-words/exonyms.toml`` list them: Kiev, Kiew
    and Kyiv share it. Only a spelling of the English name, as a curated alias is one (see
    :func:`alias_is_spelling`): Burma is another name of Myanmar, which ``check`` never
    reports, as it never reports a table's alias that is no spelling (Hewler for Erbil).

    >>> _place_key("Kiev") == _place_key("Kyiv") is not None, _place_key("Burma")
    (True, None)
    """
    folded = fold(written)
    english = group_of(folded)
    if english is None or (folded != english and not alias_is_spelling(english, "place", folded)):
        return None
    return "place:" + english  # (a colon: no Korean key holds one)


@lru_cache(maxsize=65536)
def shape(written: str) -> Shape:
    """The :class:`Shape` of a spelling.

    >>> shape("Nechirvan Barazani").tokens == shape("Nechirvan Barzani").tokens
    True
    """
    words = word_forms(written)
    named = name_words(written)
    # (An ʿAbd compound's word is counted without an opening l, which may be the article's:
    # see similarity.article_l_apart.)
    tokens = tuple(
        (
            t.particle,
            _fixed_letters(t.text[1:] if t.particle == "abd" and t.text[:1] == "l" else t.text),
        )
        for t in named
    )
    n_named = named_count(words)
    one_name_keys = (
        korean_keys([t.text for t in named])
        if named and named[0].text in KOREAN_FAMILY_NAMES
        else _NO_KEYS
    )
    place = _place_key(written)
    if place is not None:
        one_name_keys = one_name_keys | {place}
    return Shape(
        frozenset(words), len(words), n_named, tokens, _joined(written)[1], named, one_name_keys
    )


@lru_cache(maxsize=65536)
def _fixed_letters(word: str) -> str:
    """The fixed letters of a folded word's ``orth`` form, sorted (cached: names share words)."""
    return letter_signature(orth(word), _FIXED_LETTERS)


def may_relate(u: Shape, f: Shape) -> bool:
    """False only when ``compare(u, f)`` is None and ``joined_equal(u, f)`` is False, for the
    spellings of these shapes: a test of a few comparisons that turns away most pairs.

    A reference repeats words of ``f``; a full or partial variant has name words that
    ``word_close`` joins to ``f``'s last ones (same particles, as many of each fixed letter);
    two spellings joined equal have equal joined forms.

    >>> may_relate(shape("Husni Mubarak"), shape("Hosni Mubarak"))
    True
    >>> may_relate(shape("Hamid Karzai"), shape("Hamid Kazemi"))
    False
    """
    if u.n_words < f.n_words and u.words <= f.words:
        return True
    if _holds_nasab_particles_more(u.words, u.n_words, f.words, f.n_words):
        return True
    if u.joined == f.joined:
        return True
    if not u.one_name_keys.isdisjoint(f.one_name_keys):
        return True  # one Korean name in two romanisations, or one place in two languages
    n = len(u.tokens)
    return 0 < n <= len(f.tokens) and f.tokens[len(f.tokens) - n :] == u.tokens


def _holds_nasab_particles_more(
    words: frozenset[str], n_words: int, other: frozenset[str], n_other: int
) -> bool:
    """Whether a spelling of ``words`` (``n_words`` of them) holds those of another spelling
    and nasab particles more, which a misspelling of it may have left out (see
    _nasab_left_out): a test of ``may_relate``'s, from the two shapes' words."""
    return n_other < n_words and other <= words and words - other <= NASAB_WORDS


@lru_cache(maxsize=16384)
def alias_is_spelling(name: str, kind: str, alias: str) -> bool:
    """A curated alias that the transliteration rules judge a spelling of the name (Kharkov of
    Kharkiv) is treated as a spelling; any other alias is a different name (Hewler, Bibi).

    >>> alias_is_spelling("Kharkiv", "place", "Kharkov")
    True
    >>> alias_is_spelling("Erbil", "place", "Hewler")
    False
    """
    pa, pn = parse(alias), parse(name)
    if len(pa.tokens) != len(pn.tokens):
        return False
    s = score_names(pa, pn, kind=kind)
    return s.score >= _MIN_WORD_SIMILARITY and not s.query_only and not s.alias_only


@lru_cache(maxsize=65536)
def display(written: str) -> str:
    return " ".join(normalize(written).split())


# English adjectives of place and people (the suffixes the resolver reads, DEMONYM_SUFFIXES):
# Syria -> Syrian, Iran -> Iranian, Iraq -> Iraqi, Lebanon -> Lebanese (the table name's last
# letters may drop), and Bosnia -> Bosniak; a name's -ia or -s dropped (Croatia -> Croat,
# Philippines -> Philippine); each also as a plural (Jordanians).
def demonym_of(m: Mention, entity: Entity) -> bool:
    """A one-word mention that a resolver matched by spelling but that is an English adjective
    or a people's name formed on one of the entity's names (Syrian is not a spelling of Syria,
    nor Philippine of the Philippines)."""
    if m.method == "literal" or len(m.words) != 1:
        return False
    word = fold(m.text)
    words = (word, word[:-1]) if word.endswith("s") else (word,)
    for name in (entity.name, *entity.spellings, *entity.aliases, *entity.short):
        base = fold(name)
        if " " in base or len(base) < 3:
            continue
        if any(_formed_on(w, base) for w in words):
            return True
    return False


def _formed_on(word: str, base: str) -> bool:
    """Whether ``word`` is a demonym formed on the folded place name ``base``."""
    for stem in (base, base[:-1], base[:-2]):
        if len(stem) >= 3 and word.startswith(stem) and word[len(stem) :] in _PEOPLE_SUFFIXES:
            return True
    return len(word) >= 4 and (
        (base.endswith("ia") and word == base[:-2]) or (base.endswith("s") and word == base[:-1])
    )


_PEOPLE_SUFFIXES = (*DEMONYM_SUFFIXES, "ak")


def suggest(written: str, house: list[str]) -> str:
    """The house-style spelling to put in place of ``written``.

    A whole name gets the house name; a shorter reference gets the house short form, or the
    words of the house name it stands for (``Solemani`` -> ``Soleimani``, ``al-Sissi`` ->
    ``el-Sisi``).

    >>> suggest("Husni Mubarak", ["Hosni Mubarak"]), suggest("al-Sissi", ["Abdel Fattah el-Sisi"])
    ('Hosni Mubarak', 'el-Sisi')
    >>> suggest("Abdul Mahdy", ["Adel Abdul Mahdi"])
    'Abdul Mahdi'
    >>> suggest("Deng Xiaoping", ["Deng Xiao Ping"]), suggest("Ansarallah", ["Ansar Allah"])
    ('Deng Xiao Ping', 'Ansar Allah')
    """
    name = house[0]
    ut = name_words(written)
    if len(ut) >= len(name_words(name)) or joined_equal(written, name):
        return display(name)  # (the whole name, also when written as fewer words: Ansarallah)
    for short in house[1:]:
        st = name_words(short)
        if len(st) == len(ut) and all(
            word_similarity(x.text, y.text) >= 0.8 for x, y in zip(ut, st, strict=True)
        ):
            return display(short)
    # The smallest run of the house name's words that parses to as many name words.
    words = list(WORD_RE.finditer(name))
    best: str | None = None
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            candidate = name[words[i].start() : words[j - 1].end()]
            ct = name_words(candidate)
            if len(ct) == len(ut) and all(
                x.particle == y.particle and word_similarity(x.text, y.text) >= 0.8
                for x, y in zip(ut, ct, strict=True)
            ):
                best = candidate
        if best is not None:
            return display(best)
    return display(name)
