"""Always-safe normalisation: ``normalize`` for display, ``fold`` for matching.

``normalize`` repairs typography and keeps everything a reader would see as meaningful (letters,
diacritics, case, possessives). ``fold`` builds the matching form: lowercase ASCII words separated
by single spaces, with possessives and English compounds reduced to the name. Neither is lossy in
the sense of joining two different names; the lossy transliteration rules live in ``keys``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex
from unidecode import unidecode

from ._chars import APOSTROPHES, DASHES, INVISIBLES, LETTER_FALLBACKS
from ._typecheck import require_str

__all__ = ["fold", "normalize", "to_ascii"]


def _build_cleanup_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for ch in APOSTROPHES:
        table[ord(ch)] = "'"
    for ch in DASHES:
        table[ord(ch)] = "-"
    for ch in INVISIBLES:
        table[ord(ch)] = None
    # C0 and C1 control characters: tabs and line breaks become spaces, the rest vanish.
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]:
        table[code] = " " if chr(code) in "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85" else None
    table[0x2028] = " "  # LINE SEPARATOR
    table[0x2029] = " "  # PARAGRAPH SEPARATOR
    return table


_CLEANUP = _build_cleanup_table()
_SURROGATES = regex.compile(r"[\ud800-\udfff]")

# English possessives: Soleimani's, Soleimani’s (after apostrophe folding), Assad' (after an s).
# Not the Arabic ra's (رأس, head, cape), whose apostrophe is the hamza: Ra's Tanura, Ra's al-
# Khaimah, Raʾs Lānūf are Ras, as they are also written.
_POSSESSIVE = regex.compile(r"(?<=\w)(?<!(?<!\w)ra)'s\b|(?<=[sz])'(?!\w)", regex.IGNORECASE)
# English compounds around a name: Soleimani-led, Tehran-backed, pro-Hezbollah, anti-Taliban.
COMPOUND_SUFFIXES = (
    "led",
    "backed",
    "based",
    "supported",
    "sponsored",
    "funded",
    "trained",
    "allied",
    "aligned",
    "affiliated",
    "linked",
    "controlled",
    "held",
    "run",
    "owned",
    "dominated",
    "occupied",
    "inspired",
    "friendly",
    "leaning",
    "style",
    "era",
    "born",
    "bound",
    "made",
    "appointed",
    "brokered",
    "designated",
    "related",
    "connected",
    "oriented",
    "centric",
    "armed",
)
COMPOUND_PREFIXES = ("pro", "anti", "ex", "post", "pre", "non")
_COMPOUND_SUFFIX = regex.compile(
    r"(?<=\w)-(?:" + "|".join(COMPOUND_SUFFIXES) + r")\b", regex.IGNORECASE
)
_COMPOUND_PREFIX = regex.compile(
    r"\b(?:" + "|".join(COMPOUND_PREFIXES) + r")-(?=\w)", regex.IGNORECASE
)
_NOT_WORD = regex.compile(r"[^a-z0-9]+")


def _clean(text: str) -> str:
    """Typographic repair shared by ``normalize`` and ``fold``."""
    text = text.translate(_CLEANUP)
    if not text.isascii():
        # Apostrophe-likes go before NFKC, which would split U+00B4 into a space and an accent.
        if not text.isprintable():  # lone surrogates are unprintable, and rare: skip the scan
            text = _SURROGATES.sub("", text)
        text = unicodedata.normalize("NFKC", text).translate(_CLEANUP)
    return text


def normalize(text: str) -> str:
    """Return a display-safe cleanup of ``text``.

    Invisible characters (zero-width, bidi controls, soft hyphens, control codes) are removed;
    Unicode is put in NFKC form; every apostrophe and ʿayn/hamza sign becomes ``'`` and every dash
    ``-``; runs of white space become one space. Letters, diacritics, case and possessives stay.
    The result is idempotent: ``normalize(normalize(x)) == normalize(x)``.

    >>> normalize("Qāsem  Soleymānī’s")
    "Qāsem Soleymānī's"
    >>> normalize("Kata\\u2019ib\\u200b Hezbollah \\u2013 Iraq")
    "Kata'ib Hezbollah - Iraq"
    """
    if not isinstance(text, str):
        require_str(text, "text", "normalize")
    return _normalize(text)


def _normalize_text(text: str) -> str:
    """``normalize`` without the type check and without the cache.

    For a table build and for ``parse`` (itself cached), whose strings are mostly new: through
    the cache, each would cost an insertion and push out a string a query might repeat.
    """
    if text.isascii():
        # Most names are printable ASCII: no NFKC, nothing in the cleanup table but the backtick
        # and control codes, and " " the only white space.
        if "`" in text or not text.isprintable():
            text = text.translate(_CLEANUP)
        if "  " in text or text.startswith(" ") or text.endswith(" "):
            return " ".join(text.split())
        # Unchanged: hand back the caller's string itself, so that a table holds one copy of
        # each name, not two (a subclass of str gets a plain str, as before).
        return text if type(text) is str else str.__str__(text)
    # str.split's white space is the regular expression's \s plus U+001C..U+001F, which
    # ``_clean`` has made spaces: so this is ``regex.sub(r"\s+", " ", ...).strip()`` in one C call.
    cleaned = " ".join(_clean(text).split())
    # NFKC can expose new compatibility forms after invisibles are dropped; one more pass settles.
    return cleaned if cleaned.isascii() else unicodedata.normalize("NFKC", cleaned)


_normalize = lru_cache(maxsize=65536)(_normalize_text)


_LETTER_FALLBACKS = str.maketrans({ch: latin for ch, (latin, _) in LETTER_FALLBACKS.items()})


class _AsciiOf(dict[int, str]):
    """A ``str.translate`` table: each character to its ASCII, worked out when first met.

    unidecode transliterates character by character, so one table look-up per character gives
    what unidecode gives for a whole run of them, without a regular expression and a Python
    call per run. ASCII maps to itself; the name-alphabet fallbacks come first.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if code < 0x80:
            ascii_ = char
        elif 0xD800 <= code <= 0xDFFF:
            # A lone surrogate: unidecode warns each time it meets one; so it still does.
            return str(unidecode(char))
        elif _HANGUL_FIRST <= code <= _HANGUL_LAST:
            ascii_ = _revised_romanization(code)
        else:
            ascii_ = str(unidecode(char.translate(_LETTER_FALLBACKS)))
        if len(self) >= 65536:  # hostile text could walk all of Unicode
            self.clear()
        self[code] = ascii_
        return ascii_


_ASCII_OF = _AsciiOf()

# Hangul syllables, each made of a leading consonant, a vowel and an optional final consonant
# (Unicode's arithmetic: first + (lead * 21 + vowel) * 28 + final), written as the Revised
# Romanization of Korean writes them (the official one; Incheon, Gwangju, Jeong-eun). unidecode
# reads ㅊ as c and a final ㄱ as g (인천 "inceon", 국 "gug"), spellings no Korean name has.
# A syllable is a word of its own, as Korean names are written (Kim Jong-un, Jeong Eun), and as
# unidecode writes the characters of Chinese: the name's joined spelling (Incheon) is met as
# any name written in syllables is.
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RR_LEADS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_RR_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
# The final consonants as a syllable ends in them (before a pause): ㄱ, ㄲ, ㄳ, ㅋ are k ...
_RR_FINALS = "- k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()


def _revised_romanization(code: int) -> str:
    """One Hangul syllable in the Revised Romanization, capitalised and followed by a space, as
    unidecode writes a Chinese character.

    >>> _revised_romanization(ord("인")) + _revised_romanization(ord("천"))
    'In Cheon '
    """
    lead, rest = divmod(code - _HANGUL_FIRST, 21 * 28)
    vowel, final = divmod(rest, 28)
    letters = _RR_LEADS[lead] + _RR_VOWELS[vowel] + _RR_FINALS[final]
    return letters.replace("-", "").capitalize() + " "


@lru_cache(maxsize=65536)
def to_ascii(text: str) -> str:
    """Transliterate the non-ASCII runs of ``text`` to ASCII with unidecode; ASCII passes as is.

    >>> to_ascii("Ṣaddām Ḥusayn")
    'Saddam Husayn'
    >>> to_ascii("Путин")
    'Putin'
    """
    if text.isascii():
        return text
    return text.translate(_ASCII_OF)


def fold(text: str) -> str:
    """Return the matching form of ``text``: lowercase ASCII words separated by single spaces.

    Apostrophes vanish (Ja'far -> jafar), hyphens separate words, possessives and English
    compounds are reduced to the name, and non-Latin scripts are transliterated with unidecode
    (Hangul in the Revised Romanization, a syllable a word).
    Titles are kept here; :func:`canonym.parse` sets them aside. Idempotent.

    >>> fold("Qāsem Soleymānī")
    'qasem soleymani'
    >>> fold("Soleimani’s Tehran-backed pro-Hezbollah allies")
    'soleimani tehran hezbollah allies'
    >>> fold("KATA'IB HIZBALLAH")
    'kataib hizballah'
    """
    if not isinstance(text, str):
        require_str(text, "text", "fold")
    return _fold(text)


def _fold_bytes_table() -> bytes:
    # Letters lowercased, digits kept, every other ASCII byte a word break.
    table = bytearray(b" " * 256)
    for c in b"abcdefghijklmnopqrstuvwxyz0123456789":
        table[c] = c
    for c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[c] = c + 32
    return bytes(table)


_FOLD_BYTES = _fold_bytes_table()
# The control codes ``_CLEANUP`` deletes (rather than turning into a space), as bytes.
_ASCII_DELETED = bytes(c for c in range(128) if _CLEANUP.get(c, chr(c)) is None)


def _fold_text(text: str) -> str:
    """``fold`` without the type check and without the cache.

    For a table build, which folds each of a million names once: through the cache, every
    name would cost an insertion and push out a name a query might repeat.
    """
    if text.isascii() and "-" not in text and "'" not in text and "`" not in text:
        # No hyphen, no apostrophe: no compound or possessive rule can apply, and what is left
        # (delete control codes, lowercase, one space between runs of letters and digits) is one
        # byte-table pass, several times faster than the regular expressions below.
        return " ".join(
            text.encode("ascii").translate(_FOLD_BYTES, _ASCII_DELETED).decode("ascii").split()
        )
    text = _clean(text)
    # Each rule below needs the hyphen or the apostrophe it is written around.
    if "-" in text:
        text = _COMPOUND_SUFFIX.sub("", text)
        text = _COMPOUND_PREFIX.sub("", text)
    if "'" in text:
        text = _POSSESSIVE.sub("", text)
    if not text.isascii():
        text = to_ascii(text)
    if text.isascii():  # always, unidecode writes ASCII; the general path stays for safety
        # ``'`` and the backtick unidecode writes for ʿayn are dropped inside words, not split on.
        return " ".join(text.encode("ascii").translate(_FOLD_BYTES, b"'`").decode("ascii").split())
    text = text.casefold()
    text = text.replace("'", "").replace("`", "")
    return _NOT_WORD.sub(" ", text).strip()


_fold = lru_cache(maxsize=262144)(_fold_text)
