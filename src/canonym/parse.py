"""Name parsing: tokens with roles.

``parse`` turns a name into a :class:`ParsedName`: titles set aside (not lost), articles
(al-, el-, ad-, ash- ...) marked, kin and ʿabd particles bound to the word they govern
(``abu mahdi``, ``bin laden``, ``abd fattah``), "SURNAME, Given" turned round, and the remaining
words given a role: ``given``, ``family``, ``patronymic``, ``designator`` (Street, Port, Oblast:
a word that makes the name another entity's) or ``suffix`` (Jr, II).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from ._typecheck import require_str
from .normalize import fold, normalize

__all__ = ["NameToken", "ParsedName", "parse"]

# Titles and honorifics, folded; "|" separates multi-word titles. Longest first, so that
# "maj gen" wins over "maj".
_TITLE_TEXT = """
general|gen|maj gen|major general|lt gen|lieutenant general|brig gen|brigadier general|brigadier|
colonel|col|lt col|lieutenant colonel|major|maj|captain|capt|commander|cmdr|admiral|adm|
field marshal|marshal|sardar|sheikh|sheik|shaykh|shaikh|ayatollah|grand ayatollah|hojatoleslam|
hojjatoleslam|hujjat al islam|hajj|haj|haji|hajji|sayyid|sayyed|seyyed|seyed|sayed|syed|mullah|
mulla|mawlawi|maulvi|maulana|mawlana|mufti|imam|dr|doctor|prof|professor|president|
prime minister|pm|vice president|foreign minister|defence minister|defense minister|
interior minister|minister|crown prince|prince|princess|king|queen|emir|supreme leader|chairman|
secretary general|secretary|senator|sen|rep|governor|gov|mayor|ambassador|amb|judge|justice|mr|
mrs|ms|miss|sir|dame|lord|lady|pope|patriarch|rabbi|reverend|rev|father|the
"""
TITLES: tuple[str, ...] = tuple(
    sorted(
        {t.strip() for t in _TITLE_TEXT.replace("\n", "").split("|") if t.strip()},
        key=lambda t: (-len(t.split()), -len(t)),
    )
)
# Titles indexed by their first word, each as a list of words, longest first.
_TITLES_BY_FIRST_WORD: dict[str, list[list[str]]] = {}
for _title in TITLES:
    _TITLES_BY_FIRST_WORD.setdefault(_title.split()[0], []).append(_title.split())

# Arabic article forms, including the sun-letter assimilations and the Persian/Urdu ul-/ud-.
ARTICLES = frozenset(
    "al el ul il ad ed ud ar er ur as es ash esh at et az ez an en ath adh dh l".split()
)
# Kin particles and ʿAbd, mapped to one canonical form each; they bind to the next word.
PARTICLES: dict[str, str] = {
    **dict.fromkeys("abu abou abo abi bou aboo".split(), "abu"),
    **dict.fromkeys("bin ben ibn b ould".split(), "bin"),
    "bint": "bint",
    **dict.fromkeys("abd abdul abdel abdal abdol abdu abdou abdoul".split(), "abd"),
    **dict.fromkeys("umm um om".split(), "umm"),
}
# A joined ʿAbd compound: Abdelfattah, Abdulmahdi, Abdurrahman, Abdullah.
_JOINED_ABD = regex.compile(
    r"^abd(?:ul|el|al|ol|oul|ou|u|ur|ar|us|as|ush|ash|ud|ad|un|an|ut|at|uz|az|e|a)?([a-z]{3,})$"
)
# Words after a name that make it the name of something else (a street named after a person).
DESIGNATORS = frozenset(
    """street st road rd avenue ave square bridge port harbour harbor airport airbase base station
    oblast province governorate district county region raion rayon krai kray prefecture canton
    river lake mountain mount mosque shrine university hospital stadium camp prison dam gate field
    museum school college institute foundation bank hotel tower building park club brigade
    brigades battalion corps division regiment army forces force movement party front network
    group organization organisation""".split()
)
# Legal forms and filler words of organisation names: they say what kind of body it is, not which
# one ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU X" is "X LLC"), so they weigh little.
GENERIC = frozenset(
    """llc ltd limited liability company co inc incorporated corp corporation jsc ojsc pjsc cjsc
    ao oao zao pao ooo tov too obshchestvo obschestvo ogranichennoi ogranichennoy
    otvetstvennostyu aktsionernoe aktsionernoye publichnoe zakrytoe otkrytoe sa s de cv rl srl
    sarl sas gmbh ag kg plc public joint stock sociedad anonima llp lp bv nv spa fze fzco fz pte
    pvt bhd sdn of and the for in et y und i""".split()
)
PATRONYMIC = regex.compile(
    r"^[a-z]{3,}(?:ovich|evich|ovych|evych|yevich|ovna|evna|ivna|ichna|ych)$"
)
SUFFIXES = frozenset("jr sr ii iii iv".split())
# Suffixes of companies that put a comma in a name ("ACME, LTD.") without it being inverted.
_LEGAL_SUFFIX = regex.compile(
    r"^\s*(?:ltd|llc|inc|co|corp|sa|ag|gmbh|jsc|ojsc|pjsc|ooo|plc|fze|fzco|llp|lp|bv|nv|spa)\b",
    regex.IGNORECASE,
)


class NameToken(NamedTuple):
    """One word of a parsed name (or a particle bound to its word).

    ``text`` is the folded word without its particle; ``particle`` is the canonical particle
    (``abu``, ``bin``, ``abd``, ``umm``) or ``""``.
    """

    text: str
    role: str
    particle: str = ""

    @property
    def form(self) -> str:
        """The folded surface form, particle included: ``"abu mahdi"``."""
        return f"{self.particle} {self.text}" if self.particle else self.text


class ParsedName(NamedTuple):
    """A name split into titles, articles and content tokens with roles."""

    raw: str
    titles: tuple[str, ...]
    articles: tuple[str, ...]
    tokens: tuple[NameToken, ...]
    inverted: bool

    @property
    def content(self) -> tuple[NameToken, ...]:
        """The tokens that carry the name (everything but suffixes)."""
        return tuple(t for t in self.tokens if t.role != "suffix")

    def folded(self) -> str:
        """The content tokens joined with single spaces, in their natural order."""
        return " ".join(t.form for t in self.tokens)


def _uninvert(text: str) -> tuple[str, bool]:
    """Turn "SOLEIMANI, Qasem" into "Qasem SOLEIMANI" when the comma marks list order."""
    if text.count(",") != 1:
        return text, False
    family, given = (part.strip() for part in text.split(","))
    if not family or not given or _LEGAL_SUFFIX.match(given):
        return text, False
    if len(family.split()) > 4 or len(given.split()) > 5:
        return text, False
    return f"{given} {family}", True


def parse(name: str) -> ParsedName:
    """Split ``name`` into titles, articles and role-tagged tokens.

    >>> p = parse("Maj. Gen. Qasem Soleimani's")
    >>> p.titles, [t.text for t in p.tokens]
    (('maj gen',), ['qasem', 'soleimani'])
    >>> [(t.particle, t.text, t.role) for t in parse("SOLEIMANI, Ghasem").tokens]
    [('', 'ghasem', 'given'), ('', 'soleimani', 'family')]
    >>> [t.form for t in parse("Abu Mahdi al-Muhandis").tokens]
    ['abu mahdi', 'muhandis']
    >>> [t.form for t in parse("Abdelfattah el-Sisi").tokens]
    ['abd fattah', 'sisi']
    """
    require_str(name, "name", "parse")
    return _parse(name)


@lru_cache(maxsize=131072)
def _parse(name: str) -> ParsedName:
    text, inverted = _uninvert(normalize(name))
    words = fold(text).split()
    titles: list[str] = []
    # Titles only at the front, and never the last word: "General" alone stays a name.
    while len(words) > 1:
        for parts in _TITLES_BY_FIRST_WORD.get(words[0], ()):
            if words[: len(parts)] == parts and len(words) > len(parts):
                titles.append(" ".join(parts))
                del words[: len(parts)]
                break
        else:
            break
    articles: list[str] = []
    tokens: list[tuple[str, str]] = []  # (word, particle); roles come once all are known
    pending = ""
    for i, word in enumerate(words):
        last = i == len(words) - 1
        if word in ARTICLES and not last and len(words) > 1:
            articles.append(word)
            continue
        canonical = PARTICLES.get(word)
        if canonical and not last and not pending:
            pending = canonical
            continue
        joined = _JOINED_ABD.match(word)
        if joined and not pending:
            pending, word = "abd", joined.group(1)
        tokens.append((word, pending))
        pending = ""
    if pending:  # a dangling particle is a word of its own ("Abu" alone)
        tokens.append((pending, ""))
    return ParsedName(
        raw=name,
        titles=tuple(titles),
        articles=tuple(articles),
        tokens=_assign_roles(tokens),
        inverted=inverted,
    )


def _assign_roles(tokens: list[tuple[str, str]]) -> tuple[NameToken, ...]:
    roles: list[str] = []
    for i, (text, particle) in enumerate(tokens):
        if text in SUFFIXES and i > 0:
            roles.append("suffix")
        elif text in GENERIC and not particle and len(tokens) > 1:
            roles.append("generic")
        elif text in DESIGNATORS and i > 0:
            roles.append("designator")
        elif PATRONYMIC.match(text) and 0 < i < len(tokens) - 1:
            roles.append("patronymic")
        else:
            roles.append("given")
    # The family name is the last ordinary token when there are at least two of them.
    ordinary = [i for i, r in enumerate(roles) if r == "given"]
    if len(ordinary) >= 2:
        roles[ordinary[-1]] = "family"
    elif len(ordinary) == 1:
        roles[ordinary[0]] = "family" if len(tokens) > 1 else "given"
    return tuple(NameToken(w, r, p) for (w, p), r in zip(tokens, roles, strict=True))
