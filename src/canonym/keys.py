"""Transliteration keys: the lossy tier, for blocking and scoring only, never shown as "the" name.

Three levels, strict to loose:

``orth``      per word, spelling conventions unified into one symbol each (kh -> ``H``, sh/sch ->
              ``S``, ch/tch -> ``C``, zh -> ``Z``, dh -> ``D``, th -> ``T``, gh -> ``G``,
              ou/oo -> u, ee -> i, ei/ey/ai/ay -> ``E``, w -> v, y -> i before a consonant,
              doubled letters single, final h after a, e or i dropped, Russian -iy/-ii/-yy -> i).
              Scoring runs on it.
``key``       ``orth`` with whole equivalence classes merged (q~k~g~gh, kh~h, dh~z, sh~ch, a~e~i,
              o~u ...): different names meet here too (Hamad/Hamid), which is why it only blocks.
``consonants`` the consonant skeleton of ``key`` (vowels, y, w/v and h dropped): what an
              unvocalised Arabic, Persian or Hebrew spelling can still meet.
"""

from __future__ import annotations

# The standard library's re, not regex: every pattern here is ASCII and needs nothing of
# regex's, and on a word re's calls cost a third of regex's (token_key of a word not met
# before: 5.5 -> 3.4 microseconds; a query makes a few such keys for each new word).
import re
from functools import lru_cache

from ._typecheck import require_str
from .parse import NameToken, parse

__all__ = ["consonant_skeleton", "key", "orth", "token_key"]

# Multi-letter spellings of one sound, longest first; each becomes one symbol.
_DIGRAPHS: dict[str, str] = {
    # German schtsch and French chtch are the Russian щ that English writes shch.
    "schtsch": "S",
    "chtch": "S",
    "shch": "S",
    # Polish sz, cz and szcz are English sh, ch and shch (Szojgu, Czeczenia, Chruszczow).
    "szcz": "S",
    "sz": "S",
    "cz": "C",
    "dsch": "j",
    "tsch": "C",
    "dzh": "j",
    "sch": "S",
    "tch": "C",
    "sh": "S",
    "ch": "C",
    "zh": "Z",
    "dj": "j",
    # Albanian xh is the English j (Hoxha, Hodja; Xhaferi, Djaferi; Haxhi, Hadji).
    "xh": "j",
    "kh": "H",
    "gh": "G",
    "dh": "D",
    # Latin x is ks (Russian кс, Greek ξ): Alexander/Aleksandr, Maxim/Maksim, Dixon/Dickson.
    "cks": "x",
    "ks": "x",
    "th": "T",
    "ph": "f",
    "ts": "c",
    "tz": "c",
    "ck": "k",
    "ou": "u",
    "oo": "u",
    "ee": "i",
    "w": "v",
}
_DIGRAPH_RE = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
_VOWELS = frozenset("aeiou")
_Y_BEFORE_CONSONANT = re.compile(r"y(?![aeiou])")
# Initial Ye/Je is the Cyrillic е: Yeltsin/Jelzin/Eltsine, Yevgeny/Jewgeni/Evgeny. Before
# another vowel it is not (Jeanne, Jean, Yeo): read as e, Jeanne came within a dropped vowel of
# Anne. (A second e is let through: it is a doubled letter, Jeenny for Jenny, Jeeri for Jeri.)
# Nor before h, which Russian does not write after е (its х is kh): Yehia, Yehuda are a y, an e
# and an h, and Yehia is Yahya. French writes it Ie (Iekaterinbourg, Ievgueni).
_INITIAL_YE = re.compile(r"^[yji]e(?![aiouyh])")
# German j after y is the y glide: Kyjiw for Kyiv. Not after i, where English, pinyin and
# Arabic and Persian romanisations write a j of its own (Beijing, Khadija, Bijan, Hijaz): read
# as a glide, Beijing was "being", one key with "Bank". (A final -ij is Russian -ий: see orth.)
_J_GLIDE = re.compile(r"(?<=y)j")
# The diphthong aw before a consonant is written o as often: Mawsil/Mosul, Shawkat/Shokat. Not
# before a second w: a doubled w is a consonant (Nawwaf is Nawaf).
_AW = re.compile(r"aw(?![aeiouyw])")
# German (and Polish) w is v: a word with the German endings of Russian names (-ow, -ew, -owa,
# -ewna for -ов, -ев, -ова, -евна), -owitsch, or an initial Wl or Wr that no Arabic or English
# word has, writes its aw as av (Lawrow is Lavrov, Wladikawkas is Vladikavkaz); so does a word
# with Polish sz or cz (Szawkat is Shavkat).
_GERMAN_W = re.compile(r"^w[lr]|[eo]wn?a?$|[eo]witsch|[sc]z")
# An h after a digraph adds nothing: Mashhad/Mashad, Ashkhabad.
_H_AFTER_DIGRAPH = re.compile(r"(?<=[SCHZDTG])h")
# French ou before a vowel is a w: Moussaoui, Ouagadougou.
_OU_GLIDE = re.compile(r"ou(?=[aei])")
_LONE_C = re.compile(r"c(?=[ei])")
# English cs after a letter is the x of ks: Electronics/Elektroniks. (Not at the start of a word,
# where it is an acronym's or Hungarian: CSKA, Csaba.)
_MEDIAL_CS = re.compile(r"(?<=.)cs")
# A final h after a or e is the silent tā' marbūṭa (Fatimah/Fatima, Zadeh/Zade). After e it may
# also be Arabic ḥ, which Saleh and Faleh write as Salih and Falih do: dropped after i as well,
# or the -ih and -eh spellings of one name would differ by an h.
_FINAL_H = re.compile(r"(?<=[aei])h$")
_DOUBLED = re.compile(r"(.)\1+")


def _undoubled(text: str) -> str:
    """``text`` with each run of one character written once: ``_DOUBLED.sub(r"\1", text)``, the
    substitution made only when there is a run (a search costs a third of a substitution with
    its template, and most words double no letter)."""
    return _DOUBLED.sub(r"\1", text) if _DOUBLED.search(text) else text


def _digraph(m: re.Match[str]) -> str:
    return _DIGRAPHS[m.group(0)]


@lru_cache(maxsize=262144)
def orth(word: str) -> str:
    """Unify the spelling conventions of one folded word into phoneme-like symbols.

    >>> orth("soleymani") == orth("soleimani")
    True
    >>> orth("khamenei"), orth("zelenskiy"), orth("fatemeh")
    ('Hamenei', 'zelenski', 'fateme')
    >>> orth("nasrallah") == orth("nasrullah") == orth("nasrollah"), orth("mullah") == orth("malah")
    (True, False)
    """
    # Each rule runs only when the letters it needs are there (a C substring test): most
    # words need few of them, and a regex call costs more than the test. Same output.
    w = word
    if w[-4:] == "llah" and len(w) >= 7 and w[-5] in _VOWELS:
        # The vowel that joins a word to Allah is written as each language hears it (Nasrallah,
        # Nasrullah, Nasrollah; Abdallah, Abdullah, Abdollah; Hizballah, Hezbollah): one name.
        w = w[:-5] + "ullah"
    if w[:1] in "yji":
        w = _INITIAL_YE.sub("e", w)  # Yeltsin/Eltsine, Yevgeny/Evgeny, Iekaterinbourg
    if w[-1:] == "h":
        w = _FINAL_H.sub("", w)  # tā' marbūṭa: Fatimah/Fatima, Zadeh/Zade
    if "ou" in w:
        w = _OU_GLIDE.sub("v", w)
    if "j" in w:
        w = _J_GLIDE.sub("", w)
    if "cs" in w:
        w = _MEDIAL_CS.sub("x", w)
    if "aw" in w and not _GERMAN_W.search(w):
        w = _AW.sub("o", w)
    if "ch" in w and ("sz" in w or "cz" in w):
        w = w.replace("ch", "kh")  # Polish ch is the Russian х: Machaczkala, Makhachkala
    w = _DIGRAPH_RE.sub(_digraph, w)
    if "h" in w:
        w = _H_AFTER_DIGRAPH.sub("", w)
    if "y" in w:
        w = _Y_BEFORE_CONSONANT.sub("i", w)
    if "c" in w:
        w = _LONE_C.sub("s", w)
    w = _undoubled(w)
    if w.endswith("ij"):  # Russian -ий written -ij
        w = w[:-1]
    return w


# orth symbol -> equivalence-class letter for keys.
_CLASS = str.maketrans(
    {
        "q": "k",
        "g": "k",
        "G": "k",
        "c": "k",
        "H": "k",
        "x": "h",
        "S": "x",
        "C": "x",
        "Z": "j",
        "D": "d",
        "z": "d",
        "T": "t",
        "f": "v",
        "p": "b",
        "e": "a",
        "i": "a",
        "y": "a",
        "o": "u",
    }
)


@lru_cache(maxsize=262144)
def token_key(word: str) -> str:
    """Equivalence-class key of one folded word (lossy).

    >>> token_key("ghasem") == token_key("qassem") == token_key("kasim")
    True
    >>> token_key("khamenei") == token_key("khomeini")
    False
    """
    k = orth(word).translate(_CLASS)
    return _undoubled(k)


_DROP_FOR_SKELETON = str.maketrans("", "", "auhv")


@lru_cache(maxsize=262144)
def consonant_skeleton(word: str) -> str:
    """Consonants only, classes merged: the key an unvocalised spelling can meet.

    >>> consonant_skeleton("soleimani"), consonant_skeleton("slymny")
    ('slmn', 'slmn')
    """
    return key_skeleton(token_key(word))


def key_skeleton(k: str) -> str:
    """The consonant skeleton of a :func:`token_key` (what :func:`consonant_skeleton` gives)."""
    s = _undoubled(k.translate(_DROP_FOR_SKELETON))
    return s or k[:1]


def token_form(token: NameToken) -> str:
    """The key of a parsed token, particle included (``abu`` and ``abd`` stay apart)."""
    return f"{token.particle}_{token_key(token.text)}" if token.particle else token_key(token.text)


def key(name: str) -> str:
    """The transliteration skeleton of a whole name: equal for spelling variants of one name.

    Titles, articles, possessives and token order are ignored; the words' keys are sorted.

    >>> key("Ghasem Soleymani") == key("Qassem Soleimani") == key("SOLEIMANI, Qasem")
    True
    >>> key("Kata'ib Hezbollah") == key("Khata’ib Hizbollah")
    True
    >>> key("Iran") == key("Iraq")
    False
    """
    require_str(name, "name", "key")
    return " ".join(sorted(token_form(t) for t in parse(name).content))
