"""Character tables used by normalisation, each code point named.

Kept apart from the code that uses them so that a reviewer can read the whole policy at once.
"""

from __future__ import annotations

# Every character that writers use for an apostrophe, an Arabic ʿayn or hamza, or a stress mark
# typed as an apostrophe. They all become U+0027 in `normalize` and vanish in `fold`.
APOSTROPHES: dict[str, str] = {
    "\u0027": "APOSTROPHE",
    "\u2019": "RIGHT SINGLE QUOTATION MARK",
    "\u2018": "LEFT SINGLE QUOTATION MARK",
    "\u201b": "SINGLE HIGH-REVERSED-9 QUOTATION MARK",
    "\u02bc": "MODIFIER LETTER APOSTROPHE",
    "\u02bb": "MODIFIER LETTER TURNED COMMA",
    "\u02be": "MODIFIER LETTER RIGHT HALF RING",  # hamza in ALA-LC / DIN
    "\u02bf": "MODIFIER LETTER LEFT HALF RING",  # ʿayn in ALA-LC / DIN
    "\u02b9": "MODIFIER LETTER PRIME",
    "\u02c8": "MODIFIER LETTER VERTICAL LINE",
    "\u0060": "GRAVE ACCENT",
    "\u00b4": "ACUTE ACCENT",
    "\u2032": "PRIME",
    "\uff07": "FULLWIDTH APOSTROPHE",
}

# Every dash and hyphen. They all become U+002D HYPHEN-MINUS.
DASHES: dict[str, str] = {
    "\u002d": "HYPHEN-MINUS",
    "\u2010": "HYPHEN",
    "\u2011": "NON-BREAKING HYPHEN",
    "\u2012": "FIGURE DASH",
    "\u2013": "EN DASH",
    "\u2014": "EM DASH",
    "\u2015": "HORIZONTAL BAR",
    "\u2212": "MINUS SIGN",
    "\ufe63": "SMALL HYPHEN-MINUS",
    "\uff0d": "FULLWIDTH HYPHEN-MINUS",
}

# Characters that are invisible in rendered text and only ever get between a reader and a match:
# zero-width characters, bidirectional controls, the soft hyphen and the byte-order mark.
INVISIBLES: dict[str, str] = {
    "\u00ad": "SOFT HYPHEN",
    "\u061c": "ARABIC LETTER MARK",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2060": "WORD JOINER",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\u0640": "ARABIC TATWEEL",  # kashida: stretches a word, carries no letter
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
}

# Letters of name alphabets that unidecode renders as a symbol or a digit, or as another
# language reads them. Each maps to the Latin letters a writer without the letter uses; capital
# and small letter map alike, so that folding stays case-blind. Applied before unidecode.
LETTER_FALLBACKS: dict[str, tuple[str, str]] = {
    # Azerbaijani /ae/ is written "a" without the letter: Əliyev -> Aliyev, Məmmədov -> Mammadov.
    "\u018f": ("A", "LATIN CAPITAL LETTER SCHWA"),
    "\u0259": ("a", "LATIN SMALL LETTER SCHWA"),
    "\u018e": ("E", "LATIN CAPITAL LETTER REVERSED E"),
    "\u01dd": ("e", "LATIN SMALL LETTER TURNED E"),
    "\u0190": ("E", "LATIN CAPITAL LETTER OPEN E"),  # African alphabets
    "\u025b": ("e", "LATIN SMALL LETTER OPEN E"),
    "\u0186": ("O", "LATIN CAPITAL LETTER OPEN O"),
    "\u0254": ("o", "LATIN SMALL LETTER OPEN O"),
    # Serbian Cyrillic, read as its Latin alphabet (Gaj's) writes the letter and the press
    # folds it: ћ is ć (Караџић, Karadžić, Karadzic) and џ is dž, which unidecode reads with
    # Russian letters' values, tsh and dzh, spellings no Serbian name has.
    "\u040b": ("C", "CYRILLIC CAPITAL LETTER TSHE"),
    "\u045b": ("c", "CYRILLIC SMALL LETTER TSHE"),
    "\u040f": ("Dz", "CYRILLIC CAPITAL LETTER DZHE"),
    "\u045f": ("dz", "CYRILLIC SMALL LETTER DZHE"),
}
