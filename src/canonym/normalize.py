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

from ._chars import APOSTROPHES, DASHES, INVISIBLES, LATIN_LETTER_FALLBACKS
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
_SPACES = regex.compile(r"\s+")
_SURROGATES = regex.compile(r"[\ud800-\udfff]")
_NON_ASCII_RUN = regex.compile(r"[^\x00-\x7f]+")

# English possessives: Soleimani's, Soleimani’s (after apostrophe folding), Assad' (after an s).
_POSSESSIVE = regex.compile(r"(?<=\w)'s\b|(?<=[sz])'(?!\w)", regex.IGNORECASE)
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
    require_str(text, "text", "normalize")
    return _normalize(text)


@lru_cache(maxsize=65536)
def _normalize(text: str) -> str:
    cleaned = _SPACES.sub(" ", _clean(text)).strip()
    # NFKC can expose new compatibility forms after invisibles are dropped; one more pass settles.
    return cleaned if cleaned.isascii() else unicodedata.normalize("NFKC", cleaned)


_LETTER_FALLBACKS = str.maketrans({ch: latin for ch, (latin, _) in LATIN_LETTER_FALLBACKS.items()})


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
    return _NON_ASCII_RUN.sub(lambda m: unidecode(m.group(0).translate(_LETTER_FALLBACKS)), text)


def fold(text: str) -> str:
    """Return the matching form of ``text``: lowercase ASCII words separated by single spaces.

    Apostrophes vanish (Ja'far -> jafar), hyphens separate words, possessives and English
    compounds are reduced to the name, and non-Latin scripts are transliterated with unidecode.
    Titles are kept here; :func:`canonym.parse` sets them aside. Idempotent.

    >>> fold("Qāsem Soleymānī")
    'qasem soleymani'
    >>> fold("Soleimani’s Tehran-backed pro-Hezbollah allies")
    'soleimani tehran hezbollah allies'
    >>> fold("KATA'IB HIZBALLAH")
    'kataib hizballah'
    """
    require_str(text, "text", "fold")
    return _fold(text)


@lru_cache(maxsize=262144)
def _fold(text: str) -> str:
    text = _clean(text)
    text = _COMPOUND_SUFFIX.sub("", text)
    text = _COMPOUND_PREFIX.sub("", text)
    text = _POSSESSIVE.sub("", text)
    if not text.isascii():
        text = to_ascii(text)
    text = text.casefold()
    # ``'`` and the backtick unidecode writes for ʿayn are dropped inside words, not split on.
    text = text.replace("'", "").replace("`", "")
    return _NOT_WORD.sub(" ", text).strip()
