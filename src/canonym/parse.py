"""Name parsing: tokens with roles.

``parse`` turns a name into a :class:`ParsedName`: titles set aside (not lost), articles
(al-, el-, ad-, ash- ...) marked, kin and ʿabd particles bound to the word they govern
(``abu mahdi``, ``bin laden``, ``abd fattah``), "SURNAME, Given" turned round, and the remaining
words given a role: ``given``, ``family``, ``patronymic``, ``designator`` (Street, Port, Oblast:
a word that makes the name another entity's) or ``suffix`` (Jr, II).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import regex

from ._typecheck import require_str
from .normalize import _fold, _normalize_text

__all__ = ["NameToken", "ParsedName", "is_article_before", "parse", "without_legal_initials"]

# Titles and honorifics, folded; "|" separates multi-word titles. Longest first, so that
# "maj gen" wins over "maj". (Ret, retd, retired and the Indonesian purn, purnawirawan, follow a
# military rank, in brackets: General (ret.) Wiranto, Jenderal TNI (Purn.) Wiranto. Mollah,
# commandant, sa majesté and le roi are the French press's; kak the Kurdish Mr.)
_TITLE_TEXT = """
general|gen|maj gen|major general|lt gen|lieutenant general|brig gen|brigadier general|brigadier|
colonel|col|lt col|lieutenant colonel|major|maj|captain|capt|commander|cmdr|admiral|adm|
field marshal|marshal|generalissimo|sardar|mian|sheikh|sheik|shaykh|shaikh|shekh|scheich|ayatollah|
grand ayatollah|hojatoleslam|
hojjatoleslam|hujjat al islam|hajj|haj|haji|hajji|alhaji|alhaj|alhajji|alhadji|el hadj|elhadj|
hadj|mohtarma|mohtarama|begum|janab|sayyid|sayyed|seyyed|seyed|sayed|syed|mullah|
mulla|mawlawi|maulvi|molvi|maulana|mawlana|moulana|molana|mufti|imam|dr|doctor|prof|professor|
president|party secretary|party chief|central bank governor|chief executive|
prime minister|pm|premier|vice premier|chancellor|emperor|empress|shrimati|mzee|
vice president|foreign minister|defence minister|defense minister|
interior minister|minister|crown prince|prince|princess|king|queen|emir|supreme leader|chairman|
secretary general|secretary|speaker|parliament speaker|house speaker|
senator|sen|rep|mp|mna|mpa|mla|governor|gov|mayor|ambassador|amb|judge|justice|mr|
prosecutor general|procurator general|attorney general|prosecutor|
igp|inspector general|lieutenant|lt|sergeant|sgt|samdech|tan sri|datuk seri|dato seri|datuk|dato|
allama|allamah|hazrat|mazi|malam|mallam|daw|ustad|ustadh|ustaz|ustadz|kyai|kiai|
mrs|ms|miss|sir|dame|lord|lady|pope|patriarch|rabbi|reverend|rev|father|the|
director|director general|spokesman|spokeswoman|spokesperson|financial secretary|chief secretary|
oknha|neak oknha|chief|kachalla|thura|bogyoke|
jenderal tni|jenderal|letnan jenderal|mayor jenderal|laksamana|marsekal|kolonel|
cabinet secretary|chief cabinet secretary|ret|retd|retired|purn|
mollah|commandant|kak|his majesty|her majesty|his highness|her highness|sa majeste|roi|le roi
"""
TITLES: tuple[str, ...] = tuple(
    sorted(
        {t.strip() for t in _TITLE_TEXT.replace("\n", "").split("|") if t.strip()},
        key=lambda t: (-len(t.split()), -len(t)),
    )
)
# Words that qualify a title before it (former President, Grand Imam, Army General, Acting
# Governor): set aside with the title, and only before one (a Grand Mosque is no Mosque).
_TITLE_MODIFIERS = frozenset(
    """former late ex then interim acting outgoing incoming deputy grand army senior chief rear
    vice""".split()
)
# Lowercase words that may open a name (its particles and articles) or join a description to
# it, never a description of their own: "bint Abdullah", "of", "the".
_NOT_DESCRIPTIONS = frozenset(
    """bint binti ould wuld abou della dello degli delle oglu ogly kyzy gizi qizi uulu
    about above across after against along among around before behind below beneath beside
    between beyond during from inside into near onto over since than that then this through
    toward towards under upon with within without""".split()
)
# Roles that English news writes in lowercase between whose they are and a name (Chechen
# leader Ramzan Kadyrov, Hamas chief Yahya Sinwar, Wagner boss Yevgeny Prigozhin).
_ROLES = frozenset(
    """leader chief boss head commander spokesman spokeswoman spokesperson founder official
    envoy militant cleric warlord strongman tycoon billionaire oligarch businessman dissident
    activist rebel general minister president premier ruler chairman negotiator diplomat
    politician lawmaker governor mayor judge prosecutor journalist deputy aide adviser advisor
    secretary ambassador ally rival opponent critic""".split()
)
# English abbreviations of the words of organisations' and states' names, folded (Nat'l,
# Int'l, Rep., Univ., Lab, TV), read written out in a name of two words or more; "Rep." not as its
# first word, where it is a title (Rep. for Representative). ("Org." is left as written: the
# word it stands for is a designator, which costs a name that lacks it more.)
_ABBREVIATIONS = {
    "natl": "national",
    "intl": "international",
    "rep": "republic",
    "univ": "university",
    "govt": "government",
    "dept": "department",
    "assn": "association",
    "lab": "laboratory",
    "labs": "laboratories",
    "tv": "television",
    # (and the Turkish form of an English word in a name: Iyi Partisi)
    "partisi": "party",
    # and the Azerbaijani, Uzbek, Kazakh, Kyrgyz and Turkmen word for a party, the Russian
    # партия with the possessive ending (Yeni Azerbaijan Partiyasi, Nur Otan Partiyasy)
    "partiyasi": "party",
    "partiyasy": "party",
}
# Titles indexed by their first word, each as a list of words, longest first.
_TITLES_BY_FIRST_WORD: dict[str, list[list[str]]] = {}
for _title in TITLES:
    _TITLES_BY_FIRST_WORD.setdefault(_title.split()[0], []).append(_title.split())

# Titles of offices, which English news writes after whose office it is, capitalised: Kyiv
# Mayor Vitali Klitschko, Russian Foreign Minister Sergei Lavrov, Hong Kong Chief Executive John
# Lee, SVR Director Sergei Naryshkin. (Not honorifics and ranks, which South Asian and Arabic
# names carry inside them: Mohammed Haji Ahmed, Ali Sheikh Hassan; nor Emir, King or Prince,
# which are given names too.)
_OFFICES = frozenset(
    """president|vice president|prime minister|premier|vice premier|chancellor|foreign minister|
    defence minister|defense minister|interior minister|minister|supreme leader|speaker|
    parliament speaker|house speaker|mayor|governor|central bank governor|chairman|
    secretary general|ambassador|chief executive|party secretary|party chief|director|
    director general|spokesman|spokeswoman|spokesperson|financial secretary|
    chief secretary""".replace("\n", "").split("|")
)
_OFFICES_BY_FIRST_WORD: dict[str, list[list[str]]] = {}
for _office in sorted((" ".join(o.split()) for o in _OFFICES), key=lambda t: -len(t.split())):
    _OFFICES_BY_FIRST_WORD.setdefault(_office.split()[0], []).append(_office.split())


def _title_at(words: list[str]) -> int:
    """How many words open ``words`` as a title, its qualifier included (Acting Governor,
    Chief Executive, and Chief as a qualifier: Chief Justice), with a word at least after it."""
    for modifier in (0, 1) if words[0] in _TITLE_MODIFIERS else (0,):
        for parts in _TITLES_BY_FIRST_WORD.get(words[modifier], ()):
            end = modifier + len(parts)
            if words[modifier:end] == parts and len(words) > end:
                return end
    return 0


def _qualified_office(text: str, words: list[str]) -> int:
    """How many words open a name as the title of an office after one or two capitalised
    words that say whose it is (Kyiv Mayor Vitali Klitschko: 2; Hong Kong Chief Executive John
    Lee: 4), with two words of the name at least after them; 0 when it does not open so.

    >>> _qualified_office("Duma Speaker Sergei Naryshkin", "duma speaker sergei naryshkin".split())
    2
    >>> _qualified_office("Federico Mayor Zaragoza", "federico mayor zaragoza".split())
    0
    """
    raw = text.split()
    for whose in (1, 2):
        if len(words) < whose + 3 or len(raw) < whose:
            return 0
        qualifier = raw[whose - 1]
        word = words[whose - 1]
        if (
            not qualifier[:1].isupper()
            or _fold(qualifier) != word
            or word in _TITLES_BY_FIRST_WORD
            or word in _TITLE_MODIFIERS
        ):
            return 0
        for parts in _OFFICES_BY_FIRST_WORD.get(words[whose], ()):
            end = whose + len(parts)
            if words[whose:end] == parts and len(words) - end >= 2:
                return end
    return 0


# Arabic article forms, including the sun-letter assimilations and the Persian/Urdu ul-/ud-.
ARTICLES = frozenset(
    "al el ul il ad ed ud ar er ur as es ash esh at et az ez an en ath adh dh l".split()
)
# The sun letter each assimilated article is written before: the article takes the sound of the
# letter that opens its word (ash-Shams, ad-Din, an-Nasr, ez-Zor). Before any other letter the
# word is no article but a name's own (Zhou En-lai, Ed Miliband, Ar Rabta is one), so only the
# plain forms (al, el, ul, il, l, dh) are articles before any word.
_SUN_LETTER: dict[str, str] = {
    **dict.fromkeys(("ad", "ed", "ud"), "d"),
    **dict.fromkeys(("ar", "er", "ur"), "r"),
    **dict.fromkeys(("as", "es"), "s"),
    **dict.fromkeys(("ash", "esh"), "sh"),
    **dict.fromkeys(("at", "et"), "t"),
    **dict.fromkeys(("az", "ez"), "z"),
    **dict.fromkeys(("an", "en"), "n"),
    "ath": "th",
    "adh": "dh",
}


def is_article_before(word: str, following: str) -> bool:
    """Whether ``word`` is an Arabic article when ``following`` is the word after it.

    >>> [is_article_before(w, f) for w, f in [("al", "lai"), ("ad", "din"), ("en", "lai")]]
    [True, True, False]
    """
    if word not in ARTICLES:
        return False
    letter = _SUN_LETTER.get(word)
    return letter is None or following.startswith(letter)


# Kin particles and ʿAbd, mapped to one canonical form each; they bind to the next word.
PARTICLES: dict[str, str] = {
    # (Aboul and Abul are Abu and the article joined: Aboul Gheit, Abul Kalam.)
    **dict.fromkeys("abu abou abo abi bou aboo aboul abul".split(), "abu"),
    **dict.fromkeys("bin ben ibn b ould".split(), "bin"),
    "bint": "bint",
    **dict.fromkeys("abd abdul abdel abdal abdol abdu abdou abdoul".split(), "abd"),
    **dict.fromkeys("umm um om".split(), "umm"),
}
# The particles that name a kin (son, daughter, father of): the word they govern may itself be
# an ʿAbd compound written apart (bin Abd Allah).
_KIN_PARTICLES = frozenset(("bin", "bint", "abu"))
# A joined ʿAbd compound: Abdelfattah, Abdulmahdi, Abdurrahman, Abdullah.
_JOINED_ABD = regex.compile(
    r"^abd(?:ul|el|al|ol|oul|ou|u|ur|ar|us|as|ush|ash|ud|ad|un|an|ut|at|uz|az|e|a)?([a-z]{3,})$"
)
# The name an ʿAbd Allah compound governs when it is written with one l after the article's
# vowel (Abdolahian, Abdulahi, Abdulayev): the pattern reads the article's l and leaves "ahian";
# with two l (Abdollahian) it leaves "lahian", Allah's with a suffix, which both must be.
_ONE_L_ABDALLA = frozenset(("abdala", "abdula", "abdola"))
_ONE_L_ALLAH = regex.compile(r"ah(?:i|ian|iyan|ov|ova|zadeh|zada)?|ayev|ayeva")


def joined_abd(word: str) -> str | None:
    """The name a joined ʿAbd compound governs (folded), or None if ``word`` is none.

    >>> joined_abd("abdelfattah"), joined_abd("abdollahian"), joined_abd("abdolahian")
    ('fattah', 'lahian', 'lahian')
    >>> joined_abd("abdulahad"), joined_abd("abbas")   # Abd al-Ahad; no ʿAbd at all
    ('ahad', None)
    >>> joined_abd("abdullah"), joined_abd("abdalla"), joined_abd("abdala"), joined_abd("abdula")
    ('lah', 'lah', 'lah', 'lah')
    """
    joined = _JOINED_ABD.match(word)
    if joined is None:
        return None
    governed = joined.group(1)
    if word[-len(governed) - 1] == "l" and _ONE_L_ALLAH.fullmatch(governed):
        return "l" + governed
    if governed == "lla" or word in _ONE_L_ABDALLA:
        # Allah's name without its final h (Abdulla, Abdalla), or with one l as well (Abdala,
        # as Spanish and Portuguese write ʿAbd Allah; Abdula, as Russian and Balkan spellings
        # do): the name of Abdullah, whose compound governs "lah".
        return "lah"
    return governed


# A joined Abu compound (a kunya or a family name made of one): Abubakr, Aboutaleb, Abuzar.
# The governed name opens with a consonant, as every Arabic name after Abu does in Latin
# letters (its article is assimilated or dropped when the two are joined); three letters at
# least, so that Abuja and Aboud stay words.
_JOINED_ABU = regex.compile(r"^(?:abu|abou)([b-df-hj-np-tv-z][a-z]{2,})$")


def joined_particle(word: str) -> tuple[str, str] | None:
    """(particle, governed name) of a joined ʿAbd or Abu compound, or None.

    >>> joined_particle("abdelfattah"), joined_particle("abubakr"), joined_particle("aboutaleb")
    (('abd', 'fattah'), ('abu', 'bakr'), ('abu', 'taleb'))
    >>> joined_particle("abuja"), joined_particle("abbas"), joined_particle("abouelela")
    (None, None, None)
    """
    if word.startswith("abd"):
        governed = joined_abd(word)
        return ("abd", governed) if governed else None
    if word.startswith("ab") and (joined := _JOINED_ABU.match(word)) is not None:
        return "abu", joined.group(1)
    return None


# Words after a name that make it the name of something else (a street named after a person).
DESIGNATORS = frozenset(
    """street st road rd avenue ave square bridge port harbour harbor airport airbase base station
    oblast province governorate district county region raion rayon krai kray prefecture canton
    river lake mountain mount mosque shrine university hospital stadium camp prison dam gate field
    museum school college institute foundation bank hotel tower building park club brigade
    brigades battalion corps division regiment army forces force movement party front network
    group organization organisation militia agency news bloc alliance coalition""".split()
)
# Legal forms and filler words of organisation names: they say what kind of body it is, not which
# one ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU X" is "X LLC"), so they weigh little. A
# concern (Russian kontsern, a group of enterprises under one head: State Concern Ukroboronprom,
# Concern Kalashnikov, Belneftekhim Concern) is a legal form of the former Soviet states; the
# Turkish anonim sirketi (A.S.), anonim ortakligi (A.O.) and limited sirketi (Ltd. Sti.) are its
# joint-stock and limited companies, ve its "and"; the Gulf's public shareholding company
# (P.S.C.) and Oman's general and closed joint-stock companies (S.A.O.G., S.A.O.C.); and the
# shareholding companies of Qatar (Q.P.S.C., public; Q.S.C.; Q.C.S.C., closed), Kuwait (K.S.C.,
# K.S.C.P., public; K.P.S.C.; K.S.C.C., closed), Bahrain (B.S.C.) and Saudi Arabia (S.J.S.C.),
# and the Gulf's W.L.L. (with limited liability).
GENERIC = frozenset(
    """llc ltd limited liability company co inc incorporated corp corporation jsc ojsc pjsc cjsc
    ao oao zao pao ooo tov too obshchestvo obschestvo ogranichennoi ogranichennoy
    otvetstvennostyu aktsionernoe aktsionernoye publichnoe zakrytoe otkrytoe sa s de cv rl srl
    sarl sas sapi spr gmbh ag kg plc public private joint stock sociedad anonima llp lp bv nv spa
    fze fzco fz pte pvt bhd berhad sdn sendirian tbk state goskorporatsiya njsc concern kontsern
    anonim sirketi sti ortakligi as ca sal psc saog saoc qpsc qsc qcsc ksc kscp kpsc kscc bsc sjsc
    wll of and the for in et y und ve i""".split()
)
# Generic words that are so only as the last word of a name: the Turkish A.S. (anonim sirketi,
# a joint-stock company, also written AS), elsewhere a sun-letter form of the Arabic article;
# the Venezuelan C.A. (compania anonima), elsewhere a word of a name (Ca Mau); the Lebanese
# S.A.L. (societe anonyme libanaise), elsewhere a given name; the Gulf's shareholding companies
# (Q.S.C., K.S.C., B.S.C. ...), elsewhere the initials of a body's own name (BSC Young Boys).
_GENERIC_LAST = frozenset(
    {"as", "ca", "sal", "qpsc", "qsc", "qcsc", "ksc", "kscp", "kpsc", "kscc", "bsc", "sjsc", "wll"}
)
# Generic words that are so only as the first word of a legal form: public is filler in "Public
# Joint Stock Company" and "Public Company Limited", but it tells the Ministry of Public Security
# from the Ministry of State Security; state in "Rosatom State Corporation" (the Russian
# goskorporatsiya, a legal form) and "State Enterprise", not in the Islamic State; private in
# South Asia's "Private Limited" (Pvt. Ltd.) and Ukraine's "Private Joint Stock Company", not in
# a Private Bank.
_GENERIC_BEFORE: dict[str, frozenset[str]] = {
    "public": frozenset("joint limited company co ltd".split()),
    "private": frozenset("joint limited company co ltd".split()),
    "state": frozenset("corporation enterprise company co concern".split()),
}
# (Russian -ovich, -evna; Ukrainian -ovych, -ivna; Belarusian -avich, -auna, -euna, the ў of
# Аляксандраўна written u: Viktar Aliaksandravich, Sviatlana Heorhievna, Maryia Aliaksandrauna)
PATRONYMIC = regex.compile(
    r"^[a-z]{3,}(?:ovich|evich|avich|ovych|evych|yevich|ovna|evna|ivna|auna|euna|ichna|ych)$"
)
SUFFIXES = frozenset("jr sr junior senior ii iii iv".split())
# Regnal numbers that are also one-letter or short words (the connector i, the initial v): a
# suffix only as the second word, ending the name or before "of" or a kin particle (Abdullah I of
# Jordan, Abdullah I bin al-Hussein, Mohammed V, Mohammed VI).
_REGNAL = frozenset("i v vi vii viii".split())

# Chinese and Korean names put the family name first: Kim Jong Un, Xi Jinping, Sun Yat-sen,
# Park Geun-hye. Their common family names in the romanisations news and lists use (Pinyin,
# Wade-Giles, Cantonese and Hokkien spellings; Revised Romanization, McCune-Reischauer and the
# customary Korean spellings, Lee, Park, Choi), folded. Sources: the Hundred Family Surnames and
# the most frequent Chinese surnames (Wikipedia, "List of common Chinese surnames"); the
# Korean census's most frequent surnames (Wikipedia, "List of Korean surnames"). One-letter
# and English function words (O, I, An, So, No) are left out: too many other words look so.
_EAST_ASIAN_FAMILY_TEXT = """
bai bak baek bae ban bang cai cao cha chan chang chao chen cheng cheung chia chiang chin cho
ahn choe choi chong chou chow chu chun chung chiu cheon chon deng ding dong du duan eom fang feng
fu fung gang gao gim go gong gu guan guo ha han he heo ho hong hou hsi hsia hsieh hsu hu hua
huang hwang hyun hyon im jang jeon jeong jia jiang jin jo jong joo ju jun jung kang kao kim ko
kong ku kuo kwak kwan kwon lai lam lau lee lei leung li liang lim lin liu lo long lu luo ma mak
mao meng min moon mun na nam ng noh oh paek paik pak pan pang park pae pai peng qian qin qiu ren
rhee ri rim roh ryu seo seong shao shen shi shih shin sin son song su suh sun sung tan tang teng
ting tsai tsao tse tseng tsou tu tung uhm wan wang wei wen won wong woo wu xi xia xie xiong xu
yang yao ye yeh yi yin yip yoo yoon yu yuan yun zeng zhang zhao zheng zhou zhu zou
"""
# Vietnamese names put the family name first too (Nguyen Xuan Phuc, Vuong Dinh Hue), and are
# called by the given name, last (Mr Phuc): the most frequent family names, folded (Wikipedia,
# "Vietnamese name", the list of common surnames). Lê, Đỗ, Tô and Mai are left out, being also
# French, English or given names (Le Pen, Do, To, Mai); Hồ, Lâm, Cao, Hà are Chinese and Korean
# names above.
_VIETNAMESE_FAMILY_TEXT = """
nguyen tran pham hoang huynh phan vu vo dang bui ngo duong vuong dinh truong dao luong trinh
doan quach luu diep kieu nghiem
"""
VIETNAMESE_FAMILY_NAMES = frozenset(_VIETNAMESE_FAMILY_TEXT.split())
EAST_ASIAN_FAMILY_NAMES = frozenset(_EAST_ASIAN_FAMILY_TEXT.split()) | VIETNAMESE_FAMILY_NAMES
# One romanised Chinese or Korean syllable: an onset (one consonant, or one of the digraphs and
# doubled letters the romanisations write for one sound), a vowel nucleus with its y and w
# glides, and a final n, ng, m, k, p, t or l (ck in the customary Duck, ...). A given name is
# one or two such syllables, written apart, hyphenated or joined (Jong-un, Jinping, Xiaoping);
# a final h is Cantonese's and Wade-Giles's (Yeuk-wah, Yeh). English given names mostly have
# some other final or cluster (Harvey, Darroch, Oswald).
ROMANISED_SYLLABLE = (
    r"(?:ch|sh|zh|hs|ts|tz|ss|kk|tt|pp|jj|th|[bcdfghjklmnpqrstwxyz])?"
    r"w?[aeiouy]{1,3}w?(?:ng|ck|[nmkptlh])?"
)
# One Vietnamese syllable as English writes it without its diacritics: an onset (the digraphs
# ch, gh, gi, kh, ng, ngh, nh, ph, qu, th, tr, or one consonant), a vowel nucleus, and a final
# (c, ch, m, n, ng, nh, p, t). A Vietnamese given name is written a syllable a word (Xuan Phuc,
# Van Thuong, Thi Kim Ngan).
VIETNAMESE_SYLLABLE = regex.compile(
    r"(?:ngh|ng|nh|ph|th|tr|ch|kh|gh|gi|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
# Korean syllables that are also Arabic articles or English filler words (Kim Il Sung, Moon
# Jae-in, Ahn Cheol-soo's An), and the Vietnamese middle name Văn, a Dutch particle elsewhere
# (Vo Van Thuong): in a name of that shape they are syllables of its given name.
_SYLLABLES_NOT_ARTICLES = frozenset({"il", "in", "an", "van"})


def _special_in_name(words: list[str], i: int) -> bool:
    """Whether word ``i`` has a role that no syllable of a Chinese or Korean given name has: a
    particle, suffix, designator ..., or an article before its sun letter (Zhou En-lai's En is
    none, see :func:`is_article_before`)."""
    word = words[i]
    if word in _SYLLABLES_NOT_ARTICLES:
        return False
    if word in _SPECIAL_NOT_ARTICLES:
        return True
    return i + 1 < len(words) and is_article_before(word, words[i + 1])


def _east_asian_family_last(tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether token ``i`` is a Chinese or Korean family name written last, after a given name
    of romanised syllables (Geun-hye Park, Chan-wook Park): the family name, though the word is
    also a designator (a park)."""
    return (
        i == len(tokens) - 1
        and tokens[i][0] in EAST_ASIAN_FAMILY_NAMES
        and all(not particle and EAST_ASIAN_GIVEN.fullmatch(word) for word, particle in tokens[:i])
    )


#: A given name of one or two such syllables, each a group (the second empty for one).
EAST_ASIAN_GIVEN = regex.compile(rf"({ROMANISED_SYLLABLE})({ROMANISED_SYLLABLE})?")
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
        tokens = self.tokens
        for t in tokens:
            if t[1] == "suffix":
                return tuple(t for t in tokens if t[1] != "suffix")
        # No suffix (nearly every name): the tokens themselves, an equal tuple, not a copy.
        return tokens

    def folded(self) -> str:
        """The content tokens joined with single spaces, in their natural order."""
        return " ".join([f"{t[2]} {t[0]}" if t[2] else t[0] for t in self.tokens])


# Both classes are built without their Python-level ``__new__`` (one call fewer per token, a
# tenth of ``parse`` in its profile): a NamedTuple is a tuple, and this is what ``__new__`` makes.
_new_tuple = tuple.__new__
# Equal tokens recur across names (every "abu mahdi" given name, every "ali" family name);
# handing out one object for all of them keeps parses that a caller holds on to small, and a
# look-up is cheaper than building the token. Plain given and family names (no particle) are
# looked up by their word alone; every other token by itself. Each table is emptied when full,
# so that a stream of never-seen words cannot grow it without bound.
_GIVEN: dict[str, NameToken] = {}
_FAMILY: dict[str, NameToken] = {}
_TOKENS: dict[NameToken, NameToken] = {}
_TOKENS_MAX = 65536


def _plain_token(shared: dict[str, NameToken], word: str, role: str) -> NameToken:
    """The shared ``NameToken(word, role)`` from ``shared`` (given or family names)."""
    token = shared.get(word)
    if token is None:
        if len(shared) >= _TOKENS_MAX:
            shared.clear()
        token = shared[word] = _new_tuple(NameToken, (word, role, ""))
    return token


# The patronymic endings all end so: a word that does not is not tried against the pattern.
_PATRONYMIC_TAILS = ("ich", "ych", "vna", "chna", "una")
# Azerbaijani oğlu and qızı, Turkmen ogly and gyzy, Uzbek o'g'li and qizi, Kazakh uly and qyzy,
# Kyrgyz uulu and kyzy, folded, and the Russian transcriptions (ogly, kyzy): son, daughter of.
_TURKIC_SON_OF = frozenset("oglu ogly ogli ugli uulu uly qizi gizi gyzy kyzy kizi qyzy".split())
# Words that ``parse`` treats otherwise than as a given or family name, wherever they stand.
# "Din" (religion) after an article ends a compound given name (Salah ad-Din, Nur al-Din, Siraj
# ud-Din, Nasir al-Din), which is also written with the article's vowel run into it (Uddin,
# Eddine) and all joined (Salahuddin, Nureddin). Apart, its two halves are one name.
_DIN = frozenset(("din", "deen", "dine"))
#: The ending of a din compound read as one word: the first half and this (nuruddin).
DIN_COMPOUND = "uddin"
_DIN_TAILS = frozenset(
    ("uddin", "uddeen", "eddin", "eddine", "edine", "addin", "iddin", "eldin", "aldin", "uldin")
)
# Arabic "and the" (wa and the article al) written as one word.
_AND_THE = frozenset(("wal", "wel"))
_SPECIAL_NOT_ARTICLES = frozenset(
    [
        *PARTICLES,
        *SUFFIXES,
        *GENERIC,
        *DESIGNATORS,
        *_REGNAL,
        *_DIN_TAILS,
        *_AND_THE,
        *_TURKIC_SON_OF,
    ]
)

# The designators that name an armed, political or financial body's kind, with two
# neighbouring letters typed in the wrong order, neither the first nor the last (Amry,
# Brigdaes, Movmeent, Bnak): slips
# that still say what kind of body it is, read as the designator they slipped from, so that
# the body's name is met and another designator stays another (Oromo Liberation Froce is no
# Front). Only such swaps, as the scoring reads them (see similarity._TRANSPOSITION): a letter
# dropped or added makes names (Amy of Army), a swapped first letter another word, a swapped
# last one another ending. A place's designators are left out: their slips are names and words
# (Kari of Krai, Filed of Field).
_BODY_KIND_DESIGNATORS = frozenset(
    """army forces force front brigade brigades battalion corps division regiment movement
    party militia network organization organisation agency group bank""".split()
)
_DESIGNATOR_SLIPS: dict[str, str] = {
    slip: word
    for word in sorted(_BODY_KIND_DESIGNATORS)
    for j in range(1, len(word) - 2)
    if word[j] != word[j + 1]
    and (slip := word[:j] + word[j + 1] + word[j] + word[j + 2 :]) not in _SPECIAL_NOT_ARTICLES
}
_SPECIAL_WORDS = _SPECIAL_NOT_ARTICLES | ARTICLES | frozenset(_DESIGNATOR_SLIPS)


def family_first(words: list[str]) -> bool:
    """Whether folded ``words`` are a Chinese or Korean name written family name first: a
    known family name, then one or two given-name words, each one or two romanised syllables.

    >>> family_first(["kim", "jong", "un"]), family_first(["xi", "jinping"])
    (True, True)
    >>> family_first(["kim", "philby"]), family_first(["lee", "harvey", "oswald"])
    (False, False)
    >>> family_first(["nguyen", "xuan", "phuc"]), family_first(["vo", "van", "thuong"])
    (True, True)
    """
    if words and words[0] in VIETNAMESE_FAMILY_NAMES and 2 <= len(words) <= _VIETNAMESE_WORDS:
        # A Vietnamese name, a syllable a word (Nguyen Thi Kim Ngan, Vo Van Thuong).
        syllable = VIETNAMESE_SYLLABLE.fullmatch
        if all(syllable(w) for w in words[1:]):
            return True
    if not 2 <= len(words) <= 3 or words[0] not in EAST_ASIAN_FAMILY_NAMES:
        return False
    given = EAST_ASIAN_GIVEN.fullmatch
    return all(given(w) for w in words[1:])


_VIETNAMESE_WORDS = 4


def reads_family_first(tokens: Sequence[NameToken]) -> bool:
    """Whether parsed ``tokens`` put the family name first, as :func:`parse` reads a Chinese or
    Korean name (Kim Jong Un): the one place that convention is read.

    >>> [reads_family_first(parse(n).tokens) for n in ("Kim Jong Un", "KIM, Jong Un")]
    [True, False]
    """
    return len(tokens) > 1 and tokens[0][1] == "family"  # (role; indexed: score_names calls it)


def korean_vowels(word: str, *, given: bool) -> str:
    """A syllable of a Chinese or Korean name with the Revised Romanization's vowel digraphs
    read as McCune-Reischauer writes them once its breves are folded away: eo (ŏ) as o, and in
    a given name eu (ŭ) as u, and the syllable hui as the hi it is said. Jeong is Jong and
    Chŏng, Seong is Song, Geun-hye is Kŭn-hye, Jeong-hui is Chung-hee.
    Pinyin and Wade-Giles write neither digraph; a Cantonese family name does (Cheung, Leung,
    Yeung are not Chung, Lung, Yung), so eu is read so only in a given name.

    >>> korean_vowels("jeong", given=False), korean_vowels("eun", given=True)
    ('jong', 'un')
    >>> korean_vowels("cheung", given=False)
    'cheung'
    """
    if "eo" in word:
        word = word.replace("eo", "o")
    if given and "eu" in word:
        word = word.replace("eu", "u")
    if given and word == "hui":
        # 희, said hi, is written Hee by those who bear it (Park Chung-hee: RR Jeong-hui, MR
        # Chŏng-hŭi); Pinyin and Wade-Giles have no syllable hi for Hui to be confused with.
        word = "hi"
    return word


def _family_first_tokens(words: list[str]) -> tuple[NameToken, ...]:
    """The tokens of a name that :func:`family_first` accepts: the family name, then given,
    their syllables read as :func:`korean_vowels` reads them."""
    given = _GIVEN
    family = korean_vowels(words[0], given=False)
    first = _FAMILY.get(family) or _plain_token(_FAMILY, family, "family")
    rest = [korean_vowels(w, given=True) for w in words[1:]]
    return (first, *[given.get(w) or _plain_token(given, w, "given") for w in rest])


def _east_asian(
    name: str, titles: tuple[str, ...], words: list[str], inverted: bool
) -> ParsedName | None:
    """``name`` parsed as a Chinese or Korean name, family name first (or last after a comma,
    as the comma put it), if :func:`family_first` accepts its words; else None."""
    order = [words[-1], *words[:-1]] if inverted else words
    if not family_first(order):
        return None
    tokens = _family_first_tokens(order)
    if inverted:
        tokens = (*tokens[1:], tokens[0])
    parsed: ParsedName = _new_tuple(ParsedName, (name, titles, (), tokens, inverted))
    return parsed


def _english_name_first(name: str, titles: tuple[str, ...], words: list[str]) -> ParsedName | None:
    """``name`` parsed as an English given name before a Chinese or Korean name written family
    name first, as Hong Kong, Macau and Taiwan write many (Chris Tang Ping-keung, Martin Lee
    Chu-ming, Teresa Cheng Yeuk-wah), if its other words are such a name (:func:`family_first`),
    its given name two syllables hyphenated or apart; else None (the caller has counted the
    four words and found the family name second). The English name is a
    ``middle`` word, cheap to leave out as a middle name is: the Chinese name alone (Tang
    Ping-keung) is the person's whole name.

    >>> [(t.text, t.role) for t in parse("Chris Tang Ping-keung").tokens][:2]
    [('chris', 'middle'), ('tang', 'family')]
    >>> [t.role for t in parse("Lee Harvey Oswald").tokens]
    ['given', 'given', 'family']
    >>> [t.role for t in parse("Chi Fu Chang").tokens]
    ['given', 'given', 'family']
    """
    first = words[0]
    if first in EAST_ASIAN_FAMILY_NAMES or not first.isalpha() or _ONE_SYLLABLE.fullmatch(first):
        return None  # (one syllable: a Chinese given name in the Western order, Chi Fu Chang)
    if not (family_first(words[1:]) and all(_ONE_SYLLABLE.fullmatch(w) for w in words[2:])):
        return None  # (a given name of two syllables written as one word may be English: Miriam)
    tokens = (NameToken(words[0], "middle"), *_family_first_tokens(words[1:]))
    parsed: ParsedName = _new_tuple(ParsedName, (name, titles, (), tokens, False))
    return parsed


# An English given name, a Chinese family name and a given name of two syllables, hyphenated
# or apart (see _english_name_first).
_ENGLISH_NAME_FIRST_WORDS = 4
_ONE_SYLLABLE = regex.compile(ROMANISED_SYLLABLE)


# Ethiopian and Eritrean names abbreviate the first word of a compound name with a slash:
# G/Michael is Gebremichael, W/Mariam Woldemariam, H/Mariam Hailemariam (the Amharic ገ/, ወ/, ኃ/
# of Gebre, Wolde, Haile, "servant of", "child of", "power of").
_ETHIOPIAN_ABBREVIATION = regex.compile(r"(?<!\p{L})([GWH])/\s?(?=\p{Lu})")
_ETHIOPIAN_WORDS = {"G": "Gebre", "W": "Wolde", "H": "Haile"}


def _ethiopian_word(found: regex.Match[str]) -> str:
    """The word an Ethiopian name's initial and slash stand for (see _ETHIOPIAN_ABBREVIATION),
    joined to the word after it, as the name is written whole.

    >>> [t.text for t in parse("Debretsion G/Michael").tokens]
    ['debretsion', 'gebremichael']
    """
    return _ETHIOPIAN_WORDS[found.group(1)]


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
    >>> [(t.text, t.role) for t in parse("Kim Il Sung").tokens]
    [('kim', 'family'), ('il', 'given'), ('sung', 'given')]
    """
    if not isinstance(name, str):
        require_str(name, "name", "parse")
    return _parse(name)


def _description_words(text: str) -> int:
    """How many words open ``text`` describing the bearer of the capitalised name after them,
    rather than naming him: lowercase words ("billionaire Oleg Deripaska", "rebel commander
    Shamil Basayev", "former President Petro Poroshenko": 1, 2, 1), after one capitalised word
    that says whose ("Chechen leader Ramzan Kadyrov", "Hamas chief Yahya Sinwar": 2). A name's
    own lowercase words are particles and articles (al-Assad, bin Laden, de Gaulle, Heydar
    oglu Aliyev), which are no description; nor is anything in a text with no capital after it
    (a name typed in lowercase).

    >>> _description_words("rebel commander Shamil Basayev"), _description_words("de Gaulle")
    (2, 0)
    >>> _description_words("Chechen leader Ramzan Kadyrov")
    2
    >>> _description_words("Heydar oglu Aliyev"), _description_words("Služba bezpeky Ukrainy")
    (0, 0)
    """
    words = text.split()
    whose = 1 if len(words) > 2 and words[0][:1].isupper() else 0
    count = whose
    for word in words[whose:-1]:
        if not _describes(word):
            break
        count += 1
    if count == whose or not words[count][:1].isupper():
        return 0
    # After a capitalised word, the words are a description only when the last is a role of
    # English news: other languages write the words of a name in lowercase after its first
    # (Služba bezpeky Ukrainy, Narodnyi front).
    return count if not whose or words[count - 1] in _ROLES else 0


def _describes(word: str) -> bool:
    """Whether a word may describe a name's bearer: a lowercase word of four letters or more
    that is no particle nor preposition."""
    return (
        word.isascii()
        and word.isalpha()
        and word.islower()
        and len(word) >= 4
        and word not in _NOT_DESCRIPTIONS
    )


def _persian_ale(words: list[str]) -> list[str]:
    """The Persian Āl-e (the family of) as one word, as Ale-Hashem writes it: "Al-e Hashem" folds
    to the words al and e, an article before a lone e that no Arabic name has.

    >>> _persian_ale(["mohammad", "ali", "al", "e", "hashem"])
    ['mohammad', 'ali', 'ale', 'hashem']
    """
    out: list[str] = []
    for i, word in enumerate(words):
        if word == "e" and out and out[-1] == "al" and i + 1 < len(words):
            out[-1] = "ale"
        else:
            out.append(word)
    return out


# Legal forms that a name may write as dotted initials (S.A., L.L.C., P.J.S.C., S.A. de C.V.).
_LEGAL_INITIALS = frozenset(
    """sa sapi spr llc pjsc ojsc cjsc jsc plc ag bv nv cv sas sarl srl spa kg lp llp fze fzco
    as ao ca sal psc saog saoc qpsc qsc qcsc ksc kscp kpsc kscc bsc sjsc wll""".split()
)
_DOTTED_INITIALS = regex.compile(r"(?<![\w.])(?:\p{L}\.){2,}(?!\w)")


def _trailing_legal_initials(text: str) -> list[regex.Match[str]]:
    """The legal forms in dotted initials that end ``text``, last first: each followed by
    nothing but spaces, commas, brackets and one "de" up to the next or the end (S.A. de C.V.;
    Qatar National Bank (Q.P.S.C.))."""
    end = len(text.rstrip())
    found = []
    for m in reversed(list(_DOTTED_INITIALS.finditer(text))):
        if _fold(m.group(0).replace(".", "")) not in _LEGAL_INITIALS or text[m.end() : end].strip(
            " ,()"
        ).lower() not in ("", "de"):
            break
        found.append(m)
        end = m.start()
    return found


def _joined_legal_initials(text: str) -> str:
    """``text`` with the legal forms that end it written as dotted initials joined into one
    word, as they are also written (International Holding Company P.J.S.C. as PJSC; Banco de
    Venezuela, S.A. as SA): a legal form, not a person's initials, and no comma of list order.
    Only at the end of a name of two words or more before them: "A.G. Smith" and "SMITH,
    A.G." keep their initials.

    >>> _joined_legal_initials("Emirates National Oil Company L.L.C.")
    'Emirates National Oil Company LLC'
    >>> _joined_legal_initials("Gasolinera Alamos, S.A. de C.V.")
    'Gasolinera Alamos, SA de CV'
    >>> _joined_legal_initials("SMITH, A.G."), _joined_legal_initials("A.G. Smith")
    ('SMITH, A.G.', 'A.G. Smith')
    """
    joined = _trailing_legal_initials(text)
    if (
        not joined
        or len(text[: joined[-1].start()].replace(",", " ").replace("(", " ").split()) < 2
    ):
        return text
    pieces = [text[: joined[-1].start()]]
    for k in range(len(joined) - 1, -1, -1):  # (in text order: joined holds them last first)
        pieces.append(joined[k].group(0).replace(".", ""))
        pieces.append(
            text[joined[k].end() : joined[k - 1].start()] if k else text[joined[k].end() :]
        )
    return "".join(pieces)


def without_legal_initials(text: str) -> str | None:
    """``text`` without the legal forms in dotted initials that end it, and the commas before
    them, when a name is left (Tupras A.S., Roshan, S.A.); ``None`` when none ends it. Unlike
    the joined reading of :func:`parse`, a name of one word counts: the caller must know the
    rest is an organisation's name ("SMITH, A.G." may be a person with initials).

    >>> without_legal_initials("TÜPRAŞ A.Ş."), without_legal_initials("Grupo Alamos S.A. de C.V.")
    ('TÜPRAŞ', 'Grupo Alamos')
    >>> without_legal_initials("A.S."), without_legal_initials("Tupras")
    (None, None)
    """
    found = _trailing_legal_initials(text)
    rest = text[: found[-1].start()].rstrip(" ,(") if found else ""
    return rest or None


@lru_cache(maxsize=131072)
def _parse(name: str) -> ParsedName:
    text = _normalize_text(name)
    if "/" in text:
        text = _ETHIOPIAN_ABBREVIATION.sub(_ethiopian_word, text)
    if "." in text:
        text = _joined_legal_initials(text)
    if "," in text:
        text, inverted = _uninvert(text)
    else:
        inverted = False
    second = text.split(" ", 2)[1:2]
    lowercase_second = bool(second) and second[0][:1].islower()
    described = _description_words(text) if text[:1].islower() or lowercase_second else 0
    folded = _fold(text)
    words = folded.split()
    if len(words) > 1 and not _ABBREVIATIONS.keys().isdisjoint(words):
        words = [_ABBREVIATIONS.get(w, w) if i or w != "rep" else w for i, w in enumerate(words)]
        folded = " ".join(words)
    if (
        not described
        and len(words) > 3
        and (words[1] in _OFFICES_BY_FIRST_WORD or words[2] in _OFFICES_BY_FIRST_WORD)
    ):
        described = _qualified_office(text, words)
    if (
        words
        and not described
        and words[0] not in _TITLES_BY_FIRST_WORD
        and words[0] not in _TITLE_MODIFIERS
        and _SPECIAL_WORDS.isdisjoint(words)
        and "abd" not in folded
        and "abu" not in folded
        and "abou" not in folded
        and "ich" not in folded
        and "ych" not in folded
        and "vna" not in folded
        and "una" not in folded
    ):
        # Most names have no title, article, particle or word with a role of its own: given
        # names and a family name. Every test below is then false (the substrings are those of
        # the joined ʿAbd pattern and of the patronymic endings), so this is what it would give.
        last = len(words) - 1
        given = _GIVEN
        if last and words[-1 if inverted else 0] in EAST_ASIAN_FAMILY_NAMES:
            east = _east_asian(name, (), words, inverted)
            if east is not None:
                return east
        if (
            len(words) == _ENGLISH_NAME_FIRST_WORDS
            and not inverted
            and words[1] in EAST_ASIAN_FAMILY_NAMES
        ):
            east = _english_name_first(name, (), words)
            if east is not None:
                return east
        plain = [given.get(w) or _plain_token(given, w, "given") for w in words[:last]]
        if last:
            family = _FAMILY
            plain.append(family.get(words[last]) or _plain_token(family, words[last], "family"))
        else:
            plain.append(given.get(words[0]) or _plain_token(given, words[0], "given"))
        fast: ParsedName = _new_tuple(ParsedName, (name, (), (), tuple(plain), inverted))
        return fast
    titles: list[str] = []
    if described:
        titles.extend(words[:described])
        del words[:described]
    # Titles only at the front, and never the last word: "General" alone stays a name.
    while len(words) > 1:
        end = _title_at(words)
        if not end:
            break
        titles.append(" ".join(words[:end]))
        del words[:end]
    if (
        words
        and words[-1 if inverted else 0] in EAST_ASIAN_FAMILY_NAMES
        # (the family name itself may be a word of another role elsewhere: Park, a designator)
        and not any(
            _special_in_name(words, i)
            for i in (range(len(words) - 1) if inverted else range(1, len(words)))
        )
    ):
        # A Chinese or Korean name: its syllables are no articles (Kim Il Sung, "KIM, Il Sung").
        east = _east_asian(name, tuple(titles), words, inverted)
        if east is not None:
            return east
    if (
        len(words) == _ENGLISH_NAME_FIRST_WORDS
        and not inverted
        and words[1] in EAST_ASIAN_FAMILY_NAMES
        and not any(_special_in_name(words, i) for i in range(2, len(words)))
    ):
        east = _english_name_first(name, tuple(titles), words)
        if east is not None:
            return east
    if "e" in words[1:-1]:
        words = _persian_ale(words)
    articles: list[str] = []
    tokens: list[tuple[str, str]] = []  # (word, particle); roles come once all are known
    pending = ""
    last_i = len(words) - 1
    after_article = abd_after_kin = False
    for i, word in enumerate(words):
        # (``i < last_i`` also says that there are at least two words.)
        if i < last_i and is_article_before(word, words[i + 1]):
            articles.append(word)
            after_article = True
            continue
        bare_din = after_article and word in _DIN
        if tokens and not pending and (bare_din or word in _DIN_TAILS):
            # The second half of a din compound, written apart: one name, as when joined
            # (Siraj-ud-Din, Siraj Uddin, Sirajuddin; Nour-Eddine, Nur al-Din).
            if bare_din:
                articles.pop()  # the article is the compound's (a tail carries its own)
            tokens[-1] = (tokens[-1][0] + DIN_COMPOUND, tokens[-1][1])
            after_article = False
            continue
        after_article = False
        if word in _AND_THE and tokens and not pending and i < last_i:
            # Arabic wa-l-, "and the", written as one word (Jama'at Nusrat al-Islam
            # wal-Muslimin): the conjunction and an article, as "wa al-Muslimin" is written.
            tokens.append(("wa", ""))
            articles.append("al")
            continue
        if abd_after_kin:
            # "bin Abd Allah", "Abu Abd al-Rahman": the kin particle governs the ʿAbd compound,
            # read as one word, as "bin Abdullah" and "Abu Abdulrahman" give it.
            word = "abd" + ("" if word[:1] == "l" or word[:2] == "al" else "ul") + word
            abd_after_kin = False
        elif pending in _KIN_PARTICLES and i < last_i and PARTICLES.get(word) == "abd":
            abd_after_kin = True
            continue
        if not pending:
            canonical = PARTICLES.get(word)
            if canonical and i < last_i:
                pending = canonical
                continue
            # The patterns start with "ab": most words are ruled out without running them.
            if word.startswith("ab"):
                joined = joined_particle(word)
                if joined:
                    pending, word = joined
        tokens.append((word, pending))
        pending = ""
    if pending:  # a dangling particle is a word of its own ("Abu" alone)
        tokens.append((pending, ""))
    result: ParsedName = _new_tuple(
        ParsedName,
        (
            name,
            tuple(titles),
            tuple(articles),
            _assign_roles(tokens),
            inverted,
        ),
    )
    return result


def _turkic_patronymic_at(tokens: list[tuple[str, str]], last: int) -> frozenset[int]:
    """The places of a Turkic patronymic inside a name: the father's name and the word for son
    or daughter after it (Ali Ahmad oglu Asadov, Ilham Heydar oglu Aliyev: the son of Ahmad,
    of Heydar), as a Russian patronymic is one word (Ilham Geydarovich Aliyev). Only before
    the family name and after the given name: a Kyrgyz name may end in its patronymic, its
    family name then (Makhabat Tazhibek kyzy)."""
    if last < _TURKIC_PATRONYMIC_LENGTH - 1:
        return frozenset()
    return frozenset(
        at
        for i in range(2, last)
        if tokens[i][0] in _TURKIC_SON_OF and not tokens[i][1]
        for at in (i - 1, i)
    )


# a given name, the father's name, the word and the family name
_TURKIC_PATRONYMIC_LENGTH = 4


def _initial_at(tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether a one-letter connector (Spanish y, Catalan and Russian i: Ortega y Gasset) is an
    initial: it opens or ends the name, or follows another initial (C. Y. Tung)."""
    return len(tokens[i][0]) == 1 and (i == 0 or i == len(tokens) - 1 or len(tokens[i - 1][0]) == 1)


def _regnal_at(tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether word ``i`` is a regnal number of _REGNAL (see there)."""
    return (
        i == 1
        and tokens[1][0] in _REGNAL
        and not tokens[1][1]
        and (len(tokens) == 2 or tokens[2][0] == "of" or bool(tokens[2][1]))
    )


def _next_text(tokens: list[tuple[str, str]], i: int) -> str:
    return tokens[i + 1][0] if i + 1 < len(tokens) else ""


def _assign_roles(tokens: list[tuple[str, str]]) -> tuple[NameToken, ...]:
    roles: list[str] = []
    n = len(tokens)
    # A patronymic stands inside the name: before its last word, suffixes aside (Viktor
    # Yanukovych Jr. ends with the family name Yanukovych, a patronymic's shape).
    last = n - 1
    while last > 1 and tokens[last][0] in SUFFIXES:
        last -= 1
    turkic = _turkic_patronymic_at(tokens, last)
    for i, (text, particle) in enumerate(tokens):
        if (text in SUFFIXES and i > 0) or _regnal_at(tokens, i):
            roles.append("suffix")
        elif (
            text in GENERIC
            and not particle
            and n > 1
            and not _initial_at(tokens, i)
            and (text not in _GENERIC_BEFORE or _next_text(tokens, i) in _GENERIC_BEFORE[text])
            and (text not in _GENERIC_LAST or i == n - 1)
        ):
            roles.append("generic")
        elif (
            (text in DESIGNATORS or text in _DESIGNATOR_SLIPS)
            and i > 0
            and not _east_asian_family_last(tokens, i)
        ):
            roles.append("designator")
            if text in _DESIGNATOR_SLIPS:
                tokens[i] = (_DESIGNATOR_SLIPS[text], particle)
        elif (
            0 < i < last and text.endswith(_PATRONYMIC_TAILS) and PATRONYMIC.match(text)
        ) or i in turkic:
            roles.append("patronymic")
        else:
            roles.append("given")
    # The family name is the last ordinary token when there are at least two of them.
    ordinary = [i for i, r in enumerate(roles) if r == "given"]
    if len(ordinary) >= 2:
        roles[ordinary[-1]] = "family"
    elif len(ordinary) == 1:
        # (a word and a suffix only, Mohammed VI, is a given name with a regnal number)
        roles[ordinary[0]] = "family" if n - roles.count("suffix") > 1 else "given"
    shared = _TOKENS
    if len(shared) >= _TOKENS_MAX:
        shared.clear()
    out = []
    for (word, particle), role in zip(tokens, roles, strict=True):
        token: NameToken = _new_tuple(NameToken, (word, role, particle))
        out.append(shared.setdefault(token, token))
    return tuple(out)
