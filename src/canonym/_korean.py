"""Korean names in their three romanisations: Revised Romanization (RR, South Korea since
2000), McCune-Reischauer (MR, and the North's variant of it) and the customary spellings the
press and the people themselves use (Lee, Park, Chung-hee, Kun-hee).

The same name is Bak Jeong-hui (RR), Pak Chŏng-hŭi (MR) and Park Chung-hee (customary); I
Jae-myeong and Lee Jae-myung; Wi Seong-rak and Wi Sung-lac. The systems differ in regular ways
(the project's transliteration reference lists them: eo~ŏ~o, eu~ŭ~u, g~k, d~t, b~p, j~ch),
so a given name is compared syllable by syllable with those classes, and the family name by a
curated table of its spellings, which no rule gives (이 is Lee, Yi, Rhee, Ri and I).

>>> korean_names_alike(["bak", "jeong", "hui"], ["park", "chung", "hee"])
True
>>> korean_names_alike(["i", "jae", "myeong"], ["lee", "jae", "myung"])
True
>>> korean_names_alike(["kim", "yong", "chol"], ["kim", "jong", "chol"])   # 영 is not 정
False
>>> korean_names_alike(["kim", "jong", "un"], ["kim", "jong", "il"])
False
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from ._name_words import names_of_group

__all__ = ["KOREAN_FAMILY_NAMES", "korean_keys", "korean_names_alike", "korean_syllables_differ"]

# The Korean family names are the Korean group of the list of name words
# (aliases/name-words/names.toml: 박 Park, Pak, Bak; 이 Lee, Yi, Rhee, Ri ...), whose spellings
# are safe as name words anywhere, and these, which are a family name only where a Korean name
# stands (family name first, then the syllables of a given name). Source: Wikipedia, "List of
# Korean surnames" (its romanisation columns: RR, MR, and the commonest passport spellings).
#
# More spellings of names the list has, by one of its spellings: RR I (an English word), the
# North's No and Ro (English and Spanish words), and RR eo read as o, as canonym.parse reads it
# in a name read family name first (Jeong, Jong; Jeon, Jon).
_MORE_SPELLINGS = {
    "lee": "i",
    "noh": "no ro",
    "jeong": "jong",
    "jeon": "jon",
    "byeon": "byon",
    "seo": "so",
    "ryu": "rhyu",
}
# Names the list leaves out, one per line: Song and Sung (Chinese writes 宋 both ways), Ahn and
# An (the Arabic article), O and Oh, and names of one spelling, or of spellings that are other
# words elsewhere (Han, Hong, Yang, Min, Won).
_MORE_NAMES = """
o oh
an ahn
seong song sung
heo ho huh hur
han
hwang
hong
yang
nam
ha
cha
min
chae
won
cheon chon chun
bang pang
ham
yeom yom yum
wi wee
gil kil
seok sok suk
eom om um uhm
geum gum kum keum
"""


def _family_names() -> list[frozenset[str]]:
    names = [set(spellings) for spellings in names_of_group("park")]
    for spelling, more in _MORE_SPELLINGS.items():
        for name in names:
            if spelling in name:
                name.update(more.split())
    names += [set(line.split()) for line in _MORE_NAMES.strip().splitlines()]
    return [frozenset(name) for name in names]


_FAMILY_GROUPS: dict[str, frozenset[int]] = {}
for _n, _name in enumerate(_family_names()):
    for _spelling in _name:
        _FAMILY_GROUPS[_spelling] = _FAMILY_GROUPS.get(_spelling, frozenset()) | {_n}
#: Every spelling of a Korean family name in the table.
KOREAN_FAMILY_NAMES = frozenset(_FAMILY_GROUPS)

# One romanised Korean syllable: an onset, a w or y glide, a vowel, a final consonant.
_SYLLABLE = regex.compile(
    r"(?P<onset>kk|tt|pp|ss|jj|tch|ch|sh|th|kh|ph|[gkdtbpjslrmnh])?"
    r"(?P<glide>[wy])?"
    r"(?P<vowel>[aeiou]{1,3})h?"  # the customary silent h after a vowel: Ahn, Oh, Roh
    r"(?P<coda>ng|ck|[kgctdpblrmn])?"
)
# Onsets and finals that the systems write differently, each class as one letter: RR g, d, b,
# j against MR k, t, p, ch (which marks the aspirated consonant with an apostrophe, folded
# away, and the North's spelling with an h: Thae, Khang, Phyo), r and l of one letter (Rak,
# Lac), and the customary ck and c of a final k (Duck, Lac).
_CONSONANT_CLASS = {
    "g": "k", "kk": "k", "c": "k", "ck": "k", "kh": "k",
    "d": "t", "tt": "t", "th": "t",
    "b": "p", "pp": "p", "ph": "p",
    "j": "C", "ch": "C", "jj": "C", "tch": "C",
    "r": "l",
    "sh": "s", "ss": "s",
}  # fmt: skip
# Vowels as the three systems write them, by one letter each: RR eo and MR o (ŏ) are the
# customary u or o (Jeong, Chong, Chung; Seong, Sung), RR eu and MR u (ŭ) are u (Geun, Kun),
# RR ui (의, 희: hui) is the customary i or ee (Hee), oo and ou are u (Moon, Mun; Young).
# The o and u sounds are one class, as the customary spellings mix them (Chung for 정, Jeong;
# Kun for 건, Geon, and for 근, Geun).
_VOWEL_CLASS = {"eo": "o", "eu": "o", "u": "o", "oo": "o", "ou": "o", "ui": "i", "ee": "i"}


@lru_cache(maxsize=4096)
def _syllable_key(word: str) -> tuple[str, str, str, str] | None:
    """A syllable's onset, glide, vowel and final, each by its class; ``None`` for no syllable."""
    m = _SYLLABLE.fullmatch(word)
    if m is None:
        return None
    onset, glide, vowel, coda = m.group("onset", "glide", "vowel", "coda")
    if vowel not in _VOWEL_CLASS and len(vowel) > 1 and vowel not in ("ae", "oe", "ai"):
        return None  # no Korean vowel (eai, iou ...)
    return (
        _CONSONANT_CLASS.get(onset or "", onset or ""),
        glide or "",
        _VOWEL_CLASS.get(vowel, vowel),
        _CONSONANT_CLASS.get(coda or "", coda or ""),
    )


def _same_family_name(a: str, b: str) -> bool:
    return a == b or bool(_FAMILY_GROUPS.get(a, frozenset()) & _FAMILY_GROUPS.get(b, frozenset()))


def korean_names_alike(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two names, each a Korean family name and the syllables of a given name written
    apart (folded words, family name first), are one name in two romanisations (Cho Kuk, Cho
    Guk; Pak Thae Song, Park Thae Song)."""
    if len(a) != len(b) or len(a) < 2:
        return False
    if a[0] not in KOREAN_FAMILY_NAMES or b[0] not in KOREAN_FAMILY_NAMES:
        return False
    if not _same_family_name(a[0], b[0]):
        return False
    for x, y in zip(a[1:], b[1:], strict=True):
        kx, ky = _syllable_key(x), _syllable_key(y)
        if kx is None or ky is None or kx != ky:
            return False
    return True


def korean_syllables_differ(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two Korean names of one family name have given-name syllables, written apart,
    that begin with consonants of different classes (or one with none), or hold vowels of two
    of the classes a, o (eo, eu, u, o) and i, which no romanisation mixes: another syllable,
    another name, however alike the letters (Kim Yong-chol, 김영철, is not Kim Jong-chol,
    김정철; Kim Jong Suk, 김정숙, not Kim Jong Sik, 김정식). A glide written or not is left to the
    letters (Pong, Pyong), and so are ae, e, the rarer vowels and the vowels after a glide.

    >>> korean_syllables_differ(["kim", "yong", "chol"], ["kim", "jong", "chol"])
    True
    >>> korean_syllables_differ(["kim", "jong", "suk"], ["kim", "jong", "sik"])
    True
    >>> korean_syllables_differ(["kim", "jong", "suk"], ["kim", "jeong", "seok"])
    False
    """
    if len(a) != len(b) or len(a) < 2 or a[0] not in KOREAN_FAMILY_NAMES:
        return False
    if not _same_family_name(a[0], b[0]):
        return False
    for x, y in zip(a[1:], b[1:], strict=True):
        kx, ky = _syllable_key(x), _syllable_key(y)
        if kx is None or ky is None:
            return False
        if kx[0] != ky[0]:
            return True
        if (
            kx[2] != ky[2]
            and kx[2] in _DISTINCT_VOWELS
            and ky[2] in _DISTINCT_VOWELS
            and not (kx[1] or ky[1])
        ):
            return True
    return False


# Vowel classes (see _VOWEL_CLASS) that no romanisation writes for one another. (After a
# glide, y or w, the vowels are left to the letters: such syllables are also Cantonese ones,
# yan, yun, whose spellings are not Korean, and a slip there is no other Korean name.)
_DISTINCT_VOWELS = frozenset("aoi")


def korean_keys(words: Sequence[str]) -> frozenset[str]:
    """Keys that two names share exactly when :func:`korean_names_alike` holds of them: one
    per spelling group of the family name, with the classes of the given name's syllables.
    Empty for a name of another shape.

    >>> korean_keys(["wi", "seong", "rak"]) == korean_keys(["wi", "sung", "lac"])
    True
    >>> korean_keys(["wi"]), korean_keys(["smith", "seong", "rak"])
    (frozenset(), frozenset())
    """
    if len(words) < 2 or words[0] not in KOREAN_FAMILY_NAMES:
        return frozenset()
    syllables = []
    for word in words[1:]:
        key = _syllable_key(word)
        if key is None:
            return frozenset()
        syllables.append("".join(key) + ".")
    given = "".join(syllables)
    return frozenset(f"{group}:{given}" for group in _FAMILY_GROUPS[words[0]])
