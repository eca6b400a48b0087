"""Resolve a name to a canonical ID: exact, then folded, then key, then fuzzy on a small block.

A :class:`Resolver` indexes every name of an :class:`AliasTable` through the very same
``normalize``/``fold``/``parse``/``key`` functions as every query, so index and query cannot
disagree. It is immutable after construction, safe to share between threads, and picklable.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from itertools import pairwise, product
from typing import Any

import regex
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ._chars import APOSTROPHES
from ._designators import (
    ISLAND_WORDS,
    NOT_A_CITY_WORDS,
    REGION_WORDS,
    country_names,
    korean_division,
    place_designator,
    region_names,
)
from ._exonyms import other_names
from ._forked import can_fork, map_forked, worker_count
from ._gazetteer import countries_of_places, country_named, country_of_region
from ._mandarin import mandarin_reading
from ._name_words import name_of, same_name, spellings_of
from ._org_words import (
    ContentWord,
    content_words,
    english_spellings,
    foreign_words,
    holds_a_name,
    kind_of_body,
    names_a_place,
    names_one_body,
    same_words,
    singular,
    translates_a_word,
)
from ._typecheck import require_str
from .keys import (
    _DROP_FOR_SKELETON,
    _undoubled,
    consonant_skeleton,
    key_skeleton,
    orth,
    token_form,
    token_key,
)
from .normalize import _fold_text, fold, normalize, to_ascii
from .parse import (
    ARTICLES,
    DIN_COMPOUND,
    PARTICLES,
    NameToken,
    ParsedName,
    joined_particle,
    parse,
    reads_family_first,
    without_legal_initials,
)
from .similarity import (
    EXTRA_MIDDLE_NAMES,
    NameScore,
    breaks_opening,
    describe_differences,
    ending_swap_is_slip,
    readings,
    same_first_sound,
    score_names,
    syllables_apart,
    unrelated_letter_at,
    word_similarity,
)
from .table import AliasTable, Entity, _gc_paused

__all__ = ["Match", "Resolver"]

# How an alias entered the table, strongest first.
_STRONG = ("name", "spelling", "alias")
# The scripts whose names are met on their consonants (see Resolver._script_hits): the abjads,
# Hebrew and Arabic (with Persian and Urdu), which leave short vowels unwritten; and, besides
# the words as unidecode writes them, the Indic scripts (Devanagari to Sinhala) and Ethiopic,
# whose vowels unidecode writes otherwise than Latin spellings do, or leaves out (नरेन्द्र is
# "nrendr", Narendra).
_ABJAD = regex.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]")
_INDIC = regex.compile(r"[\u0900-\u0dff]")
_VOWELS_MISWRITTEN = regex.compile(r"[\u0900-\u0dff\u1200-\u137f]")
_ARABIC_ARTICLE = regex.compile(r"(?<![\u0600-\u06ff])\u0627\u0644(?=[\u0600-\u06ff]{2,})")
# The Arabic article written in Hebrew letters, alef and lamed, hyphenated to a word (אום
# אל-פחם, Umm al-Fahm): not apart, where the two letters are also a word (אל על, El Al).
_HEBREW_ARABIC_ARTICLE = regex.compile(
    r"(?<![\u05d0-\u05ea])\u05d0\u05dc[-\u05be](?=[\u05d0-\u05ea]{2,})"
)
# ʿAbd and the article joined to a word of two letters or more (ARABIC LETTER AIN, BEH, DAL,
# ALEF, LAM).
_JOINED_ABD_ARTICLE = regex.compile(
    r"(?<![\u0600-\u06ff])\u0639\u0628\u062f\u0627\u0644(?=[\u0600-\u06ff]{2,})"
)
# A Hebrew letter with a geresh (or an apostrophe for it), which marks a sound Hebrew has no
# letter for: ג׳ j (ג׳נין, Jenin), צ׳ ch (צ׳צ׳ניה, Chechnya), ז׳ zh. Each is read as a letter of
# that one sound, which the skeleton reads as it reads a Latin name's (ARABIC LETTER TCHEH for
# ch, ARABIC LETTER JEH for zh).
_GERESH_LETTER = regex.compile("([\u05d2\u05e6\u05e5\u05d6])[\u05f3'\u2019]")
_GERESH_SOUNDS = {
    "\u05d2": "j",  # HEBREW LETTER GIMEL
    "\u05e6": "\u0686",  # HEBREW LETTER TSADI: ARABIC LETTER TCHEH
    "\u05e5": "\u0686",  # HEBREW LETTER FINAL TSADI: ARABIC LETTER TCHEH
    "\u05d6": "\u0698",  # HEBREW LETTER ZAYIN: ARABIC LETTER JEH
}


def _geresh_sound(m: regex.Match[str]) -> str:
    return _GERESH_SOUNDS[m.group(1)]


# Letters of an abjad that stand for two sounds or more, told apart only by points that
# ordinary text leaves out, or by the language the name is from. Each is also read as its other
# sound: in Latin letters, which the skeleton reads as it reads a Latin name's, or as the letter
# of the script that has only that sound:
# - Hebrew: bet and vet (ב, b and v: Yoav), pe and fe (פ ף, p and f: Fahm), shin and sin (ש, sh
#   and s: Sderot);
# - Arabic jim (ج), which Egypt says as a g (جمال, Gamal; جمعة, Gomaa), and which Arabic
#   spelling gives the ch of Persian, Kurdish and Turkish names, having no letter of its own for
#   it (نيجيرفان, Nechirvan; أوجلان, Öcalan);
# - Arabic ta marbuta (ة), the feminine ending, silent but for a t before the word it governs:
#   Jabhat al-Nusra (جبهة النصرة), Harakat, Hay'at;
# - Indic ja and sha (see below).
#
# The skeleton's classes are wide (g is k and q; ch is sh), so a name met through a second
# sound must write that sound in one of the Latin ways listed with it: جمال read with a g is
# Gamal, never a Kamal (كمال) of the table.
# The most kinds of such letters read in one name (see _second_readings).
_MOST_SECOND_SOUNDS = 3
_SECOND_SOUNDS = tuple(
    (regex.compile(letters), sound, latin)
    for letters, sound, latin in (
        ("\u05d1", "v", ("v", "w")),  # HEBREW LETTER BET
        ("[\u05e4\u05e3]", "f", ("f", "ph")),  # HEBREW LETTER PE, HEBREW LETTER FINAL PE
        ("\u05e9", "s", ("s",)),  # HEBREW LETTER SHIN
        ("\u062c", "\u06af", ("g",)),  # ARABIC LETTER JEEM read as ARABIC LETTER GAF
        ("\u062c", "\u0686", ("ch", "c")),  # ARABIC LETTER JEEM read as ARABIC LETTER TCHEH
        # ARABIC LETTER TEH MARBUTA read as ARABIC LETTER TEH, before another word only
        ("\u0629(?=\\s+\\S)", "\u062a", ("t",)),
        # Indic ja, also the z of names from Arabic and Persian, which Bengali and Hindi write
        # with it (জিয়া, Zia; বাজার, Bazar); and sha, which English spellings often write s
        # (श्रीनगर, Srinagar)
        ("[\u091c\u099c]", "z", ("z",)),  # DEVANAGARI LETTER JA, BENGALI LETTER JA
        ("[\u0936\u09b6]", "s", ("s",)),  # DEVANAGARI LETTER SHA, BENGALI LETTER SHA
    )
)


@dataclass(frozen=True)
class Match:
    """A resolved (or candidate) entity for a query.

    ``method`` says which tier found it: ``exact``, ``folded``, ``key``, ``short`` (a curated
    short form), ``surname``, ``fuzzy``, ``script`` (a name in Arabic, Hebrew ... script met by
    its consonant skeleton), ``designator`` (a place named with a designator its table names
    lack: Busan City, Hong Kong SAR; an organisation followed by a lowercase description of
    its kind, after its country's name in the possessive, or with a place's adjective: Roscosmos
    space agency, Taiwan's Mainland Affairs Council, Kurdish Workers' Party), ``exonym`` (a
    place named as another language names it: Lwów, Pékin) or ``weak`` (a weak alias: shown
    among candidates, never resolved).
    """

    entity_id: str
    name: str
    score: float
    alias: str
    method: str
    query: str
    alias_type: str = "name"
    kind: str = "other"
    _detail: NameScore | None = field(default=None, repr=False, compare=False)

    def explain(self) -> str:
        """Say in words which rules bridged the query and the alias."""
        return explain_match(self)


_new_object = object.__new__


def _new_match(
    entity: Entity,
    score: float,
    alias: str,
    method: str,
    query: str,
    alias_type: str,
    detail: NameScore | None,
) -> Match:
    """Build a :class:`Match` without the frozen dataclass's nine ``object.__setattr__`` calls.

    It is the same object ``Match(...)`` builds, in a quarter of the time: on the exact-hit path
    (a few microseconds a query) the constructor was a third of the cost.
    """
    m: Match = _new_object(Match)
    m.__dict__.update(
        entity_id=entity.id,
        name=entity.name,
        score=score,
        alias=alias,
        method=method,
        query=query,
        alias_type=alias_type,
        kind=entity.kind,
        _detail=detail,
    )
    return m


def explain_match(m: Match) -> str:
    """The text of :meth:`Match.explain`."""
    lines = [
        f"{m.query!r} -> {m.entity_id} ({m.name}) via {m.alias_type} {m.alias!r}: "
        f"method {m.method}, score {m.score:.3f}"
    ]
    q, a = parse(m.query), parse(m.alias)
    for title in q.titles:
        lines.append(f"title {title!r} set aside")
    if q.inverted:
        lines.append("'SURNAME, Given' order turned round")
    for art in q.articles:
        lines.append(f"article {art!r} dropped")
    if not q.articles and a.articles:
        lines.append(f"article {a.articles[0]!r} of the alias not needed")
    if normalize(m.query) != m.query:
        lines.append("typography normalised (apostrophes, dashes, invisible characters)")
    raw_fold = fold(m.query)
    if raw_fold != normalize(m.query).casefold() and m.method != "script":
        lines.append("case, diacritics, apostrophes and possessives folded")
    detail = m._detail
    if detail is not None:
        if detail.joined:
            lines.append("compared as one word (spacing and hyphens differ)")
        for qt, at, sim in detail.pairs:
            if qt.form != at.form:
                diffs = ", ".join(describe_differences(qt.form, at.form)) or "same letters"
                lines.append(f"{qt.form!r} ~ {at.form!r} ({diffs}; similarity {sim:.2f})")
        for t in detail.query_only:
            lines.append(f"query word {t.form!r} ({t.role}) not in the alias")
        for t in detail.alias_only:
            lines.append(f"alias word {t.form!r} ({t.role}) not in the query")
    if m.method == "script":
        lines.append("non-Latin script transliterated; matched on the consonant skeleton")
    if m.method == "surname":
        lines.append("surname-only query: the only entity in the table with this family name")
    if m.method == "exonym":
        lines.append("another language's name of the place (aliases/place-words/exonyms.toml)")
    if m.method == "translation":
        lines.append("the name's words read in English (aliases/org-words/translations.toml)")
    return "\n".join(lines)


@dataclass
class _Scored:
    entity: int
    score: float
    alias: int
    method: str
    detail: NameScore | None = None


class Resolver:
    """Resolve names to canonical IDs of an :class:`AliasTable`.

    Options are keyword-only: ``threshold`` (minimum score to accept), ``margin`` (how far the
    best entity must lead the next; closer is ambiguous and resolves to ``None``),
    ``block_limit`` (how many aliases sharing query words are pooled and ranked when no alias
    holds them all, and the most ranked from one tier), ``prefilter`` (at most how many
    candidates get the full score; fewer do when the best candidates lead the rest clearly),
    ``surnames`` (whether a bare family name resolves when exactly one entity carries it).

    Candidates are found through the words of the table: an alias is a candidate when it holds
    a word like each query word (the same transliteration key, or one slip away), so a
    misspelt name is found among a million names whatever their order, and the index grows
    with the table's distinct words rather than its names.

    >>> from canonym import AliasTable
    >>> table = AliasTable.from_records([
    ...     {"id": "qassem-soleimani", "name": "Qassem Soleimani", "kind": "person"},
    ...     {"id": "sohrab-soleimani", "name": "Sohrab Soleimani", "kind": "person"},
    ... ])
    >>> r = Resolver(table)
    >>> r.resolve("Ghasem Soleymani").entity_id
    'qassem-soleimani'
    >>> r.resolve("Soleimani") is None   # two entities carry the name: ambiguous
    True
    >>> [m.entity_id for m in r.candidates("Soleimani")]
    ['qassem-soleimani', 'sohrab-soleimani']
    """

    def __init__(
        self,
        table: AliasTable,
        *,
        threshold: float = 0.85,
        margin: float = 0.04,
        block_limit: int = 600,
        prefilter: int = 12,
        surnames: bool = True,
    ) -> None:
        if not isinstance(table, AliasTable):
            raise TypeError(
                f"Resolver() argument 'table' must be AliasTable, not {type(table).__name__}"
            )
        if not 0.0 <= threshold <= 1.0:
            raise ValueError("threshold must be in [0, 1]")
        self.table = table
        self.threshold = threshold
        self.margin = margin
        self.block_limit = block_limit
        self.prefilter = prefilter
        self.surnames = surnames
        # The build makes millions of objects and no cycles: collections meanwhile would only
        # walk them (a quarter of the build time at 1e5 names).
        with _gc_paused():
            self._build()

    # -- index ------------------------------------------------------------------------------

    def _build(self) -> None:
        """Index every name by its folded form and by the words it is made of.

        Two indexes, both small enough for a million names: the folded form -> aliases (the
        literal tier), and a *vocabulary* of the transliteration keys of the table's words ->
        the aliases holding a word of that key. Names reuse few words (15,000 distinct words
        in a million synthetic names), so everything computed per word (keys, skeletons, the
        deletion neighbourhood that finds a misspelt word) is computed once per word, not per
        name, and nothing is parsed at build time: the few candidates a query scores are
        parsed then.
        """
        self._entity_ids: list[str] = []
        self._alias_text: list[str] = []
        self._alias_entity = array("i")
        self._alias_type: list[str] = []
        self._alias_folded: list[str] = []
        # folded form -> one alias (an int, the usual case: no tuple per name) or a tuple.
        folded: dict[str, int | tuple[int, ...]] = {}
        word_vids: dict[str, tuple[int, ...]] = {}
        vocab: dict[str, int] = {}  # transliteration key -> vocabulary id
        postings: list[list[int]] = []
        self._entities: list[Entity] = list(self.table)
        alias_text, alias_entity = self._alias_text, self._alias_entity
        alias_type, alias_folded = self._alias_type, self._alias_folded
        places: list[Entity] = []  # for the adjectives of places (see _is_demonym)
        for e_index, entity in enumerate(self._entities):
            self._entity_ids.append(entity.id)
            if entity.kind == "place":
                places.append(entity)
            typed = [(entity.name, "name")]
            typed += [(s, "spelling") for s in entity.spellings]
            typed += [(s, "alias") for s in entity.aliases]
            typed += [(s, "short") for s in entity.short]
            typed += [(s, "weak") for s in entity.weak]
            seen: set[tuple[str, str]] = set()
            for text, kind in typed:
                if (text, kind) in seen:
                    continue
                seen.add((text, kind))
                i = len(alias_text)
                alias_text.append(text)
                alias_entity.append(e_index)
                alias_type.append(kind)
                folded_text = _fold_text(text)  # uncached: keep the query cache for queries
                alias_folded.append(folded_text)  # the same string object as the key
                prior = folded.get(folded_text)
                if prior is None:
                    folded[folded_text] = i
                elif isinstance(prior, int):
                    folded[folded_text] = (prior, i)
                else:
                    folded[folded_text] = (*prior, i)
                for word in folded_text.split():
                    vids = word_vids.get(word)
                    if vids is None:
                        vids = word_vids[word] = _word_vids(word, vocab, postings)
                    for v in vids:
                        postings[v].append(i)
        self._folded = folded
        self._word_vids = word_vids
        # frozensets: a query intersects its candidate set with a word's aliases in C, at the
        # cost of the smaller of the two, however common the word.
        self._postings: tuple[frozenset[int], ...] = tuple(frozenset(p) for p in postings)
        self._common, self._pairs = _pair_index(postings, alias_folded, word_vids)
        # What an exact hit reads of its alias, in one tuple: at a million names each of the
        # four lists above is a read from cold memory, a tenth of the hit's cost (60 MB).
        entities = self._entities
        self._alias_hit: list[tuple[str, str, Entity]] = [
            (text, kind, entities[e])
            for text, kind, e in zip(alias_text, alias_type, alias_entity, strict=True)
        ]
        # The vocabulary is of transliteration keys: the spellings of one word (Soleimani,
        # Soleymani) share one entry and one posting.
        by_key = {k: (v,) for k, v in vocab.items()}
        by_skeleton: dict[str, list[int]] = {}
        for k, v in vocab.items():
            by_skeleton.setdefault(key_skeleton(k), []).append(v)
        for word, vids in word_vids.items():
            # A word is filed under the skeletons of its other readings too (see
            # _word_skeletons): a script writes the j of Jenin (جنين). (The test first: the
            # call for each word of a million names would cost a tenth of a second.)
            if word[:2] != "je" and "zh" not in word:
                continue
            for skeleton in _word_skeletons(word)[1:]:
                filed = by_skeleton.setdefault(skeleton, [])
                filed.extend(v for v in vids if v not in filed)
        # The deletion neighbourhood of every key -> the keys it comes from.
        near: dict[str, list[str]] = {}
        for k in by_key:
            for n in _neighbourhood(k):
                near.setdefault(n, []).append(k)
        self._near = {k: tuple(v) for k, v in near.items()}
        self._by_key = by_key
        self._by_skeleton = {k: tuple(v) for k, v in by_skeleton.items()}
        self._keys = tuple(by_key)
        self._word_memo: dict[str, tuple[int, ...]] = {}
        self._places = tuple(places)
        # what the adjectives of the table's places are made of, worked out on first use
        self._demonym_stems: _DemonymStems | None = None
        # the regions and border crossings of the table by their names less the designator, on
        # first use
        self._designated: dict[tuple[str, str], list[tuple[Entity, str]]] | None = None
        # The one-word names of the table's places, folded: see _is_place_word
        self._place_words: frozenset[str] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "options": dict(
                threshold=self.threshold,
                margin=self.margin,
                block_limit=self.block_limit,
                prefilter=self.prefilter,
                surnames=self.surnames,
            ),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["table"], **state["options"])  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self._alias_text)

    # -- public API -------------------------------------------------------------------------

    def resolve(self, name: str) -> Match | None:
        """The entity ``name`` refers to, or ``None`` (unknown, weak-only, or ambiguous).

        Empty and whitespace-only names give ``None``.
        """
        if type(name) is not str:  # (the check inlined: a call is a fiftieth of an exact hit)
            require_str(name, "name", "resolve")
        literal = self._literal_hit(name)
        if literal is not None:
            return literal
        if "." in name:
            dotted = _DOTTED_ACRONYM.fullmatch(name)
            if dotted is not None:
                # An acronym written with dots (N.I.O.C.) is the acronym (NIOC), not a list of
                # initials: looked up as one word, folded.
                found = self._literal_hit(dotted.group(1).replace(".", "").replace(" ", ""))
                if found is not None:
                    return _as_folded(found, name)
        if name[:4] in ("the ", "The ", "THE "):
            # The article English puts before a body's name or acronym (the SPLM, the Hague) is
            # no word of it: the rest as written, when that is a name of the table.
            found = self._literal_hit(name[4:])
            if found is not None:
                return _as_folded(found, name)
        if name.endswith(")"):
            spelt_out = self._acronym_spelt_out(name)
            if spelt_out is not None:
                return spelt_out
        if "," in name or name.endswith(")"):
            located = self._place_in_named_country(name)
            if located is not None:
                return located
        joined = _joined_syllables(name)
        if joined and joined in self._folded:
            # Syllables written apart (Shan Xi, Shaan-xi, Bei Jing) that make one table name:
            # that name, not what a fuzzy score of the syllables meets (Shanxi and Shaanxi are
            # one orthography apart, and fold apart).
            found = self._literal_hit(joined)
            if found is not None:
                return replace(found, query=name, method="folded", score=min(found.score, 0.99))
        ranked = self._rank(name)
        found = self._decide(name, ranked)
        if found is not None and self._middle_name_of_a_sibling(name, found):
            return None
        if found is None and not any(
            s.score >= self.threshold for s in ranked if s.method != "weak"
        ):
            # No name is near enough (an ambiguous query stays unanswered): a place may be
            # meant with a designator its table names lack (Busan City, Hong Kong SAR) or by
            # another language's name (Lwów, Pékin), a j or a c read as German, Spanish or
            # Turkish reads it, or a Chinese name in Wade-Giles that only its hyphen tells (Chou
            # En-lai); an organisation may be followed by what kind of body it is, in lowercase
            # (Roscosmos space agency), follow its country's name in the possessive (Taiwan's
            # Mainland Affairs Council), or hold a place's adjective for its name (Kurdish), or
            # its name for its adjective (Sudan Armed Forces).
            return (
                self._designated_place(name)
                or self._soft_sign_before_s(name)
                or self._river_named_otherwise(name)
                or self._foreign_article_set_aside(name)
                or self._legal_initials_set_aside(name)
                or self._arabic_head_noun_translated(name)
                or self._named_in_another_language(name)
                or self._airline_named_otherwise(name)
                or self._described_body(name)
                or self._owned_body(name)
                or self._exonym(name)
                or self._with_other_letters(name)
                or self._han_read_in_mandarin(name)
                or self._hyphenated_wade_giles(name)
                or self._place_for_demonym(name)
                or self._adjective_for_place(name)
                or self._syllables_of_one_word(name)
            )
        return found

    def _middle_name_of_a_sibling(self, name: str, found: Match) -> bool:
        """Whether a person's query met a name of the table with words more between its first
        and last (middle names: see ``similarity._middle_names_aside``), one of which, with
        the rest of that name, is another person's name of the table: Hector Alfredo Beltran
        Leyva, met as Hector Beltran Leyva, beside Alfredo Beltran Leyva; brothers, so no
        answer. A middle name says nothing then."""
        if found.kind != "person" or found.method not in ("fuzzy", "key"):
            return False
        query, alias = parse(name).tokens, parse(found.alias).tokens
        if len(query) <= len(alias) or len(alias) < 2:
            return False
        alias_words = {t.text for t in alias}
        extras = [
            t.text
            for t in query[1:-1]
            if t.text not in alias_words and not t.particle and t.role == "given"
        ]
        if not extras or len(extras) > EXTRA_MIDDLE_NAMES:
            return False
        rest = " ".join(t.text for t in alias[1:])
        entities, ids = self._entities, self._entity_ids
        return any(
            s.method != "weak"
            and s.score >= self.threshold
            and entities[s.entity].kind == "person"
            and ids[s.entity] != found.entity_id
            # (the other's name, not its end without a first name unlike the query's: Mojtaba
            # Hosseini Khamenei, beside Ali Hosseini Khamenei, is no brother named Hosseini;
            # Erich Miller Murphy may be Erik Miller Murphy, not Erik Murphy)
            and not self._other_first_name(s, query[0].text)
            for extra in extras
            for s in self._rank(f"{extra} {rest}")
        )

    def _other_first_name(self, other: _Scored, first: str) -> bool:
        """Whether ``other``, a person met by a query's middle word and the rest of its name,
        was met without its own first name, and that name is unlike ``first``, the query's."""
        if other.detail is None:
            return False
        own = parse(self._alias_text[other.alias]).tokens[0]
        left_out = own in other.detail.alias_only
        return left_out and word_similarity(own.text, first) < _OTHER_NAME_BELOW

    def _owned_body(self, name: str) -> Match | None:
        """A body named after the country or place it belongs to, in the possessive, as the
        press writes it (Taiwan's Mainland Affairs Council, Pakistan's Inter-Services
        Intelligence): the organisation the rest resolves to. The place's own branch, when the
        table has one, comes first (Syria's Muslim Brotherhood is the Muslim Brotherhood of
        Syria if that is a name of the table, not the Egyptian movement). The owner must be a
        place of the table or a country, and the rest an organisation's name letter for letter
        (exact, folded or a short form): a possessive never turns a near-miss into an answer,
        where the owner may say the near-miss is another body (Lebanon's Jamaa Islamiya is not
        Indonesia's Jemaah Islamiyah)."""
        owned = _OWNER.fullmatch(name)
        if owned is None:
            return None
        owner, rest = owned.group(1), owned.group(2)
        if fold(owner) not in (country_names() or ()):
            place = self._literal_hit(owner)
            if place is None or place.kind != "place":
                return None
        for query in (f"{rest} of {owner}", rest):
            found = self._literal_hit_of(query, "organization")
            if found is not None:
                names = [f"{fold(n)} " for n in self.table[found.entity_id].names()]
                named = {
                    country
                    for country in _countries_named_by(found.entity_id)
                    if not any(n.startswith(f"{country} ") for n in names)
                }
                if named and fold(owner) not in named:
                    # The body's ID names another country: a body of one name in each (Vietnam's
                    # Ministry of Public Security is not a table's
                    # china-ministry-of-public-security). A country that opens one of the body's
                    # names is a word of its name (Taiwan's China Airlines).
                    return None
                return _through_designator(found, name)
        return None

    def _place_in_named_country(self, name: str) -> Match | None:
        """A place followed by the country or region it is in, after a comma or in brackets, as
        datelines and gazetteers write it (Tripoli, Lebanon; Brest (Belarus); Gao, Mali).

        The country after a comma is there to tell namesakes apart, so it is read only as
        evidence of which place is meant, of two kinds:

        - the table's convention, which gives cities that share a name an ID naming their
          country or region (tripoli-lebanon, brest-belarus): the one place the rest may be
          whose ID names it;
        - else, where the rest may be one place only and what follows is a country or a
          region of one (the bundled ``place-words/regions.toml``: Borno, Punjab), the bundled
          list of where places are (see :mod:`canonym._gazetteer`): that place, when the list
          has it (by any of its names) in that country and in no other.

        Nothing else is read from it: "Brest, France" is not the table's Brest, which the list
        has in Belarus; "Tripoli, Lebanon" is not a table's one Tripoli, which the list has in
        Libya too; nor is "Odessa, Texas" its Odesa, Texas being no country.
        """
        located = _LOCATED_PLACE.fullmatch(name)
        if located is None:
            return None
        written = located.group(2) or located.group(3)
        where = fold(written)
        if not where or not self._is_place_word(where):
            return None  # (a country, a region, or a place of the table)
        entities, ids = self._entities, self._entity_ids
        places = [
            s
            for s in self._rank(located.group(1))
            if s.method != "weak"
            and s.score >= self.threshold
            and entities[s.entity].kind == "place"
            and fold(entities[s.entity].name) != where
        ]
        held = [s for s in places if f" {where} " in f" {ids[s.entity].replace('-', ' ')} "]
        if held:
            if len({s.entity for s in held}) != 1:
                return None
            return _through_designator(self._to_match(name, held[0]), name)
        # (a region says which country as well: Maiduguri, Borno; Lahore, Punjab)
        country = country_named(written) or country_of_region(written)
        if country is None or len({s.entity for s in places}) != 1:
            return None
        place = places[0]
        named = _countries_named_by(ids[place.entity])
        if named and {country_named(n) for n in named} != {country}:
            return None  # (its ID names another country)
        if countries_of_places(entities[place.entity].names()) != {country}:
            return None
        return _through_designator(self._to_match(name, place), name)

    def _place_for_demonym(self, name: str) -> Match | None:
        """An organisation whose name holds a place's name, met with the place's adjective
        in its stead, as the press writes it (Kurdish Workers' Party for the Kurdistan Workers'
        Party, Sudanese for Sudan People's Liberation Movement, Taiwanese People's Party): one
        word of the query that ends as English adjectives of places end is read as the word of
        the table it is made from (Sudan-ese, Kurd-ish of Kurd-istan, Iran-ian, Syria-n,
        Pakistan-i), when that word is a place's name (see :meth:`_is_place_word`), and the
        name so read must resolve to an organisation. Only a word of two or more: an adjective
        alone is no body's name."""
        return self._body_with_a_word_read(
            name,
            lambda word: [
                place for place in _places_of_adjective(fold(word)) if self._is_place_word(place)
            ],
        )

    def _syllables_of_one_word(self, name: str) -> Match | None:
        """A name of three short words (four letters at most each) that, written as one
        word, is a name of one word of the table as the scoring reads it: the syllables of a
        Burmese, Thai or Lao name written apart (Nay Pyi Taw, Naypyidaw). The literal case is
        read before the scoring (see ``resolve``); this one comes after it, as a near-miss."""
        words = fold(name).split()
        if len(words) != _SYLLABLES or any(len(w) > _SYLLABLE_WORD for w in words):
            return None  # (two words are as often a name of two: Li Na, Hu Jia)
        joined = "".join(words)
        found = self._decide(joined, self._rank(joined))
        if found is None or " " in fold(found.alias):
            return None
        return replace(found, query=name)

    def _adjective_for_place(self, name: str) -> Match | None:
        """An organisation whose name holds a place's adjective, met with the place's name in
        its stead, or its name in the possessive, as the press writes it (Sudan Armed Forces,
        Sudan's Armed Forces for the Sudanese Armed Forces; Syria Democratic Forces): one word
        of the query that is a place's name (see :meth:`_is_place_word`) is read as an
        adjective of it that is a word of the table (see :func:`_adjectives_of_place`), and the
        name so read must resolve to an organisation. The inverse of
        :meth:`_place_for_demonym`."""

        def adjectives(word: str) -> list[str]:
            place = fold(word)  # (folding drops a possessive: Sudan's is sudan)
            return _adjectives_of_place(place) if self._is_place_word(place) else []

        return self._body_with_a_word_read(name, adjectives)

    def _body_with_a_word_read(
        self, name: str, readings: Callable[[str], Iterable[str]]
    ) -> Match | None:
        """The organisation ``name`` resolves to with one of its words read otherwise, as
        ``readings`` reads it, where the reading is a word of the table (the first met, word by
        word). Only a name of two words or more: one word so read is no body's name."""
        words = name.split()
        if not 2 <= len(words) < MAX_NAME_WORDS:
            # (longer than any name, the query is met literally or not at all, as _rank says;
            # each word read would rank it again)
            return None
        vocabulary = self._word_vids
        for at, word in enumerate(words):
            for reading in readings(word):
                if reading not in vocabulary:
                    continue
                query = " ".join([*words[:at], reading.capitalize(), *words[at + 1 :]])
                found = self._decide(query, self._rank(query))
                if found is not None and found.kind == "organization":
                    return _through_designator(found, name)
        return None

    def _is_place_word(self, word: str) -> bool:
        """Whether a folded word is a place's name: a country or a region of the bundled lists
        (Sudan, Kurdistan), or a place of the table named by that one word. (Not any word an
        adjective's ending may be cut from: Marti is no adjective of a Mart.)"""
        words = self._place_words
        if words is None:
            words = self._place_words = frozenset(
                folded
                for entity in self._places
                for text in entity.names()
                if " " not in (folded := _fold_text(text))
            )
        return word in words or word in (country_names() or ()) or word in region_names()

    def _described_body(self, name: str) -> Match | None:
        """An organisation's name as the table writes it, then, in lowercase, what kind of body
        it is (Roscosmos space agency, Rosatom state nuclear corporation, IRNA news agency):
        the organisation. English writes a name's words with capitals and a description
        without them; the description must end in agency, corporation or company, or be party,
        movement, militia or group alone (Yabloko party, Amal movement: with another word
        before it, a wing of the body, as a youth movement is), and the name before it must be
        one of an organisation's names letter for letter (exact, folded or a short form), so
        that no description makes a name of its own words, nor turns a fuzzy near-miss into an
        answer. A name of one word may be its members' in the singular, the table's in the
        plural (the Houthi movement, Houthi rebels: the Houthis); and the description may be
        rebels, fighters or forces alone, its members (Peshmerga forces)."""
        words = name.split()
        tail = 0
        while tail < len(words) - 1 and words[-1 - tail].isascii() and words[-1 - tail].islower():
            tail += 1
        if not 0 < tail <= _DESCRIPTION_WORDS or (
            words[-1] not in _BODY_KINDS and (tail > 1 or words[-1] not in _BODY_KIND_WORDS)
        ):
            return None
        rest = " ".join(words[:-tail])
        if rest.islower():
            return None  # nothing written with capitals: no name told from a description
        found = self._literal_hit_of(rest, "organization")
        if found is None and tail == 1 and " " not in rest and rest[-1:].islower():
            found = self._literal_hit_of(rest + "s", "organization")
        return None if found is None else _through_designator(found, name)

    def _acronym_spelt_out(self, name: str) -> Match | None:
        """A name followed by its acronym in brackets (Arakan Army (AA), Islamic Revolutionary
        Guard Corps (IRGC)), as the press and sanctions lists introduce a body: the entity the
        name resolves to, when the acronym is the name's initials or a name of that same entity
        (an acronym written as a word, Petróleos de Venezuela (Pdvsa), only the latter).
        The bracket confirms the name; it is no word of it (scored as one, it cost Arakan Army
        its match). A bracket that is anything else (a country, a former name) is left to the
        scoring, as a word that may tell two bodies apart."""
        bracketed = _BRACKETED_ACRONYM.fullmatch(name)
        if bracketed is None:
            return None
        rest, acronym = bracketed.group(1), bracketed.group(2)
        letters = acronym.replace(".", "").replace("-", "").replace("&", "").lower()
        if not letters.isalpha() or rest.endswith(")"):
            # (one bracket, the last: read bracket by bracket, a name followed by thousands of
            # them resolved itself once per bracket, deeper than the interpreter's stack)
            return None
        capitals = sum(ch.isupper() for ch in acronym) >= 2
        other = None if capitals else self._literal_hit(acronym)
        if not capitals and other is None:
            return None  # (an acronym written as a word, Pdvsa, must be a name of the table)
        found = self.resolve(rest)
        if found is None:
            return None
        if not capitals or letters not in _initials(rest):
            other = other or self._literal_hit(acronym)
            if other is None or other.entity_id != found.entity_id:
                return None
        if found.method == "exact":
            return _as_folded(found, name)
        return replace(found, query=name)

    def _designated_place(self, name: str) -> Match | None:
        """``name`` less a place designator, when that cannot change which place is meant.

        See :mod:`canonym._designators`: "X City" is the place X unless X is a country or a
        region, a strip, an island ...; "X SAR" is X; "X Province" is a place the table calls
        a region: one named X with a region word ("Kherson Oblast" for "Kherson Province"), or
        X itself when one of its names has one; a Korean division hyphenated to the name
        (Seongju-gun, Suwon-si, Yeonpyeong-do: see ``korean_division``). The rest must resolve
        on its own among the places of the table.
        """
        designated = (
            place_designator(fold(name)) or _described_as_town(name) or korean_division(name)
        )
        if designated is None:
            return None
        designator, rest = designated
        countries = country_names() if designator in ("city", "division") else frozenset()
        if countries is None:
            return None
        if designator == "island":
            # A Korean -do is a province or an island: the one place the table calls "X
            # Province" or "X Island", X spelt as the table spells it or otherwise.
            entities = self._entities
            met = []
            for word in ("island", "province"):
                ranked = [
                    s for s in self._rank(f"{rest} {word}") if entities[s.entity].kind == "place"
                ]
                island = self._decide(name, ranked)
                if island is not None:
                    met.append(island)
            if len({m.entity_id for m in met}) == 1:
                return _through_designator(met[0], name)
        if designator in ("region", "island", "crossing"):
            by_base = self._designated
            if by_base is None:
                by_base = self._designated = _designated_by_base(self._places)
            named = by_base.get(("crossing" if designator == "crossing" else "region", rest), ())
            if len(named) == 1:
                ((entity, alias),) = named
                alias_type = "name" if alias == entity.name else "alias"
                if alias in entity.spellings:
                    alias_type = "spelling"
                return _new_match(
                    entity, _DESIGNATOR_SCORE, alias, "designator", name, alias_type, None
                )
            if named or designator == "crossing":
                # Two regions of that name; or a crossing, which is not the town it is named
                # after (Erez checkpoint is not Erez).
                return None
        if designator == "city":
            # The city the table names with the English designator (Ville de Québec, Ciudad de
            # Guatemala: Quebec City, Guatemala City), before a place of the bare name, which
            # may be its province or country.
            city = self._literal_hit(f"{rest} city")
            if city is not None and city.kind == "place":
                return _through_designator(replace(city, query=name), name)
        found = self._literal_hit(rest)
        if found is not None and found.kind == "place":
            # The rest is a place's name as written: that place, whatever its look-alikes
            # (Shanxi Province, beside a Shaanxi one letter longer).
            found = replace(found, query=name)
        else:
            entities = self._entities
            places = [s for s in self._rank(rest) if entities[s.entity].kind == "place"]
            found = self._decide(name, places)
        if found is None:
            return None
        names = [fold(text) for text in self.table[found.entity_id].names()]
        # (the words of names of two words or more: a word alone is a name, not what kind of
        # place it is, as Canton, Guangzhou's old name, is no Swiss canton)
        words = {w for text in names if " " in text for w in text.split()}
        if designator == "city" and (
            not countries.isdisjoint(names)
            or not NOT_A_CITY_WORDS.isdisjoint(words)
            or not region_names().isdisjoint(names)
        ):
            return None  # a country, a region no city is named after, a strip ...
        if designator == "division" and not countries.isdisjoint(names):
            return None
        if (
            designator in ("region", "island")
            and REGION_WORDS.isdisjoint(words)
            and region_names().isdisjoint(names)
            and (designator == "region" or ISLAND_WORDS.isdisjoint(words))
        ):
            return None  # neither called a region by the table nor a region no city is named after
        return _through_designator(found, name)

    def _soft_sign_before_s(self, name: str) -> Match | None:
        """A name whose apostrophe before a final s is the soft sign ь of a Russian word, as
        scholarly and BGN/PCGN spellings write it (Engel's, Èngel's for Энгельс), not an English
        possessive: the table name written without it, letter for letter.
        """
        written = normalize(name)
        if "'" not in written:
            return None
        joined = _APOSTROPHE_S.sub("", written)
        if joined == written:
            return None
        found = self._literal_hit(joined)
        return None if found is None else _as_folded(found, name)

    def _foreign_article_set_aside(self, name: str) -> Match | None:
        """An organisation or a place named with the article of the language it is written in:
        French le, la, les and l' (le Pastef, l'UNRWA), Hebrew ha, hyphenated or joined to a
        capital (ha-Mossad, HaLikud). The name after it must be an organisation's or a place's
        name letter for letter (exact, folded or a short form), as for a description: no
        article turns a near-miss into an answer. A capitalised French article is left alone:
        it opens names (Le Pen, La Paz, Le Havre)."""
        article = _FOREIGN_ARTICLE.match(normalize(name))
        if article is None:
            return None
        found = self._literal_hit_of(article.string[article.end() :], "organization", "place")
        return None if found is None else _as_folded(found, name)

    def _legal_initials_set_aside(self, name: str) -> Match | None:
        """An organisation's name followed by its legal form in dotted initials (Tupras A.S.,
        Roshan, S.A.): the organisation of that name, letter for letter (exact, folded or a
        short form). A name of two words or more is read so by :func:`canonym.parse.parse`
        already; this is for a name of one word, which might be a person's with initials
        ("SMITH, A.G.") were it not an organisation's name as written."""
        rest = without_legal_initials(normalize(name))
        if rest is None:
            return None
        found = self._literal_hit_of(rest, "organization")
        return None if found is None else _as_folded(found, name)

    def _arabic_head_noun_translated(self, name: str) -> Match | None:
        """A body named in Arabic with the head noun that says what it is, which English puts
        after the name (Hizb al-Nour, the Nour Party; Firqat al-Sultan Murad, the Sultan Murad
        Division): the organisation of the English name, letter for letter (exact, folded or a
        short form), with or without the article. Only a head noun the press so translates
        (hizb party, haraka movement, jabha front, jaysh army, liwa brigade, firqa division,
        kata'ib brigades, katiba battalion, tanzim organisation); the rest is kept as written."""
        words = fold(name).split()
        english = _ARABIC_HEAD_NOUNS.get(words[0]) if len(words) > 1 else None
        if english is None:
            return None
        rest = words[1:]
        readings = [rest, rest[1:]] if rest[0] in ARTICLES and len(rest) > 1 else [rest]
        for reading in readings:
            found = self._literal_hit_of(" ".join([*reading, english]), "organization")
            if found is not None:
                return _through_designator(found, name)
        return None

    def _named_in_another_language(self, name: str) -> Match | None:
        """An organisation named in another language, word for word (Forces démocratiques
        syriennes, Partiya Karkerên Kurdistanê, Adalet ve Kalkınma Partisi): the one
        organisation of the table with a name whose words are the query's read in English by
        the bundled ``org-words/translations.toml``, all of them and no other, in any order (see
        :mod:`canonym._org_words`). The table's name may hold such words too (Jaysh al-Mahdi
        for Armée du Mahdi). A query of one word, with no word the list translates, or with
        none it leaves as written (a name or a place: Kurdistan) is left alone: its words are
        the English name's or nothing, or describe bodies of many countries alike."""
        if not translates_a_word(name):
            return None  # (most queries: the test costs a fold, not the words' reading)
        if name.count(" ") >= _LONGEST_BODY_NAME:
            return None  # no body's name: a pasted text, whose reading would cost seconds
        words = content_words(name)
        if len(words) < 2 or not names_one_body(words):
            return None
        found = self._bodies_of_words(words)
        named = [w for w in words if not (w.translated and kind_of_body(w))]
        if not found and named and len(named) < len(words) and holds_a_name(named):
            # What kind of body it is, in the language of the text, beside its name (agence
            # Xinhua, Nachrichtenagentur Yonhap, mouvement Fatah), as English writes Fatah
            # Movement: the name alone, if it is one of its own (Xinhua, not Democratic).
            found = self._bodies_of_words(named)
        if len(found) != 1:
            return None  # no such body, or two of one meaning
        ((entity, alias),) = found.items()
        return self._to_match(name, _Scored(entity, _TRANSLATION_SCORE, alias, "translation"))

    def _bodies_of_words(self, words: list[ContentWord]) -> dict[int, int]:
        """The organisations of the table with a name whose words are ``words`` (see
        :meth:`_named_in_another_language`), each entity with one such alias."""
        # The aliases holding each translated word in English (or in a language of the list:
        # Jaysh for army), and each word as written that the table has (a name: Haqqani); a
        # word as written that no alias holds may still be met (a place's adjective: Suriya,
        # Syrian; syriennes; a misspelt name), and is left to the comparison below.
        pool: set[int] | None = None
        for word in words:
            if not word.translated and names_a_place(word.written):
                continue  # (Iran: the name may hold Iranian)
            holding: set[int] = set()
            for english in word.english:
                for written in _written_forms(english) if word.translated else (english,):
                    for v in self._word_vids.get(written, ()):
                        holding.update(self._postings[v])
            if not holding:
                continue
            pool = holding if pool is None else pool & holding
            if not pool:
                return {}
        if pool is None or len(pool) > _TRANSLATION_POOL:
            return {}  # words of many names: reading them all would cost many queries
        hits: dict[int, int] = {}  # entity -> alias
        for i in sorted(pool):
            entity = self._alias_entity[i]
            if (
                entity not in hits
                and self._alias_type[i] != "weak"
                and self._entities[entity].kind == "organization"
                and same_words(words, content_words(self._alias_text[i]), _script_word_alike)
            ):
                hits[entity] = i
        return hits

    def _airline_named_otherwise(self, name: str) -> Match | None:
        """An airline named with Air, Airlines, Airline or Airways after its name, the other way
        from the table (Pouya Airlines for a table's Pouya Air, Qatar Airways written Qatar
        Airlines): the one organisation of the table so named, letter for letter (exact, folded
        or a short form). Only as the last word: Air China is not China Airlines."""
        words = name.split()
        if len(words) < 2 or fold(words[-1]) not in _AIRLINE_WORDS:
            return None
        rest = " ".join(words[:-1])
        met = set()
        found = None
        for word in _AIRLINE_WORDS - {fold(words[-1])}:
            hit = self._literal_hit_of(f"{rest} {word}", "organization")
            if hit is not None:
                met.add(hit.entity_id)
                found = hit
        if found is None or len(met) != 1:
            return None
        return _through_designator(found, name)

    def _river_named_otherwise(self, name: str) -> Match | None:
        """A river named with the word river on its other side: British English puts it first
        (the River Kura, River Thames), American English last (Kura River, Jordan River). The
        one place of the table so named.
        """
        words = fold(name).split()
        if words[:1] == ["the"]:
            words = words[1:]
        if len(words) < 2 or (words[0] == "river") == (words[-1] == "river"):
            return None
        other = [*words[1:], "river"] if words[0] == "river" else ["river", *words[:-1]]
        entities = self._entities
        ranked = [s for s in self._rank(" ".join(other)) if entities[s.entity].kind == "place"]
        found = self._decide(name, ranked)
        return None if found is None else _through_designator(found, name)

    def _exonym(self, name: str) -> Match | None:
        """A place named as another language names it (Lwów, Lemberg for Lviv; Pékin for
        Beijing): the one place of the table with another name of its group in the bundled
        ``place-words/exonyms.toml`` (see :mod:`canonym._exonyms`)."""
        found, types = self._folded, self._alias_type
        entities = self._entities
        hits: dict[int, int] = {}  # entity -> alias
        for other in other_names(fold(name)):
            at = found.get(other)
            for i in () if at is None else (at,) if isinstance(at, int) else at:
                entity = self._alias_entity[i]
                if types[i] != "weak" and entities[entity].kind == "place":
                    hits.setdefault(entity, i)
        if len(hits) != 1:
            return None  # no such place, or two (a table that lists a city twice)
        ((entity, alias),) = hits.items()
        return self._to_match(name, _Scored(entity, _EXONYM_SCORE, alias, "exonym"))

    def _with_other_letters(self, name: str) -> Match | None:
        """``name`` with its j read as German or Spanish writes it, or its c as Turkish does,
        when those readings resolve, all to one entity (see :func:`_other_letter_readings`).

        Only a name that resolves as written to nothing: English writes j for the Arabic and
        Persian ج, and a table's Jamil is never read as Yamil.
        """
        found: list[Match] = []
        readings = _other_letter_readings(name)
        belarusian = _belarusian_reading(name)
        if belarusian is not None:
            readings.append(belarusian)
        for respelt, changed in readings:
            if not self._reading_meets_table(respelt, changed):
                continue
            ranked = self._rank(respelt)
            match = self._decide(name, ranked)
            if match is None:
                if any(s.score >= self.threshold for s in ranked if s.method != "weak"):
                    return None  # that reading is ambiguous: so is the name
                continue
            detail = next(s for s in ranked if s.method != "weak").detail
            if detail is not None and not _respelt_words_met(changed, detail):
                continue
            found.append(match)
        if len({m.entity_id for m in found}) != 1:
            return None  # neither reading resolves, or each to another entity
        match = found[0]
        if match.method in ("exact", "folded"):
            # The name respelt is a table name: as sure as a key, below a literal hit.
            match = replace(match, method="key", score=min(match.score, _RESPELT_SCORE))
        return match

    def _han_read_in_mandarin(self, name: str) -> Match | None:
        """A Chinese name in Han characters, read with the Mandarin readings of
        :func:`canonym._mandarin.mandarin_reading` where unidecode reads a character otherwise
        (宁波 is Ningbo, not unidecode's Zhu Bo): what that reading resolves to, as any name
        written in syllables does (Ning Bo, Ningbo). Only a name that resolves to nothing as
        unidecode writes it, as each reading is right for some names (see ``_mandarin``)."""
        reading = mandarin_reading(normalize(name))
        if reading is None:
            return None
        match = self.resolve(reading)  # (in Latin letters: no second reading)
        if match is None:
            return None
        if match.method in ("exact", "folded"):
            # The reading is a table name, the characters are not: as sure as a key.
            return replace(match, query=name, method="key", score=min(match.score, _RESPELT_SCORE))
        return replace(match, query=name)

    def _reading_meets_table(self, respelt: str, changed: list[str]) -> bool:
        """Whether a reading of a name is worth resolving: a word it changed has the
        transliteration key of a table word, in an alias that also holds, by key, another word
        of the name (when it has another)."""
        by_key, postings = self._by_key, self._postings
        met: set[int] = set()
        for word in changed:
            for key in _keys_of(word):
                for v in by_key.get(key, ()):
                    met.update(postings[v])
        if not met:
            return False
        others = [
            t.text
            for t in parse(respelt).tokens
            if t.text not in changed and t.role not in ("suffix", "generic")
        ]
        return not others or any(
            not met.isdisjoint(postings[v])
            for word in others
            for v in by_key.get(token_key(word), ())
        )

    def _literal_hit_of(self, name: str, *kinds: str) -> Match | None:
        """:meth:`_literal_hit` of ``name`` when it is an entity of one of ``kinds``: what the
        fallbacks that read a query otherwise accept, a name letter for letter, never a
        near-miss (a description, an owner, an article, a legal form set aside)."""
        found = self._literal_hit(name)
        return found if found is not None and found.kind in kinds else None

    def _literal_hit(self, name: str) -> Match | None:
        """The fast path: the query is, letter for letter (or once folded), one entity's name.

        A literal hit on a strong name or a curated short form of exactly one entity is the
        answer; look-alikes cannot outrank it, so no fuzzy work is done.
        """
        # An ASCII query that, lowercased, is already a folded key is letters, digits and single
        # spaces only: folding and normalising it would change nothing but the case.
        written = name.lower() if name.isascii() else ""
        found = self._folded.get(written) if written else None
        if found is None:
            written = ""
            found = self._folded.get(fold(name))
        if found is None:
            return None
        if type(found) is int:  # the usual case: one alias, kept free of sorting and sets
            text, kind, entity = self._alias_hit[found]
            if kind == "weak":
                return None
            # ``_is_exact``, written out: this is the hot path of every exact hit. A query
            # written as the alias is needs no casefolded copy of it; one that differs from it
            # in case alone is normalised as the alias is (normalising is blind to case), so it
            # is normalised only when it differs otherwise (a third of a hit's cost for a name
            # with punctuation, SOLEIMANI, Qasem).
            if name == text:
                exact = True
            else:
                alias = text.casefold()
                exact = (written or name.casefold()) == alias or (
                    not written and _written_form(name) == alias
                )
        else:
            assert isinstance(found, tuple)
            types, entities = self._alias_type, self._alias_entity
            written = written or _written_form(name)
            usable = [i for i in found if types[i] != "weak"]
            if not usable:
                return None
            if len({entities[i] for i in usable}) > 1:
                # Entities whose names differ only in punctuation or case (OFAC lists
                # "AL-RASHID TRUST" and "AL RASHID TRUST" apart): the one written exactly as
                # the query is meant; when none or several are, it is ambiguous.
                usable = [i for i in usable if self._is_exact(written, i)]
                if not usable or len({entities[i] for i in usable}) > 1:
                    return None
            i = min(usable, key=lambda j: (not self._is_exact(written, j), _TYPE_ORDER[types[j]]))
            text, kind, entity = self._alias_hit[i]
            exact = self._is_exact(written, i)
        method, score = ("exact", 1.0) if exact else ("folded", 0.995)
        if kind == "short":
            method, score = "short", _SHORT_FORM_SCORE  # as _adjust_for_type scores it
        return _new_match(entity, score, text, method, name, kind, None)

    def _is_exact(self, written: str, alias: int) -> bool:
        """Whether a query, as :func:`_written_form` gives it, is the alias as written.

        Table names are stored normalised, so only the case of the alias needs undoing.
        """
        return written == self._alias_text[alias].casefold()

    def candidates(self, name: str, *, limit: int = 5) -> list[Match]:
        """Up to ``limit`` entities ``name`` may refer to, best first, one match each."""
        require_str(name, "name", "candidates")
        if not isinstance(limit, int) or limit < 1:
            raise ValueError("limit must be a positive int")
        return [self._to_match(name, s) for s in self._rank(name)[:limit]]

    def resolve_many(self, names: Iterable[str], *, workers: int | None = 1) -> list[Match | None]:
        """Resolve many names; repeated names are resolved once.

        ``workers`` > 1 (or ``None`` for one per CPU) spreads a long list over forked worker
        processes, each starting with this resolver and its caches as they are: resolving is
        Python code that holds the GIL, so threads would only take turns. A short list (the
        forks cost more than they save), or a platform that cannot fork, is resolved here.
        """
        if isinstance(names, (str, bytes)):
            raise TypeError("resolve_many() argument 'names' must be an iterable of str, not a str")
        items = list(names)
        for i, n in enumerate(items):
            require_str(n, f"names[{i}]", "resolve_many")
        unique = list(dict.fromkeys(items))
        n_workers = worker_count(workers)
        if n_workers > 1 and len(unique) >= _FORK_FROM and can_fork():
            chunks = [unique[i : i + _FORK_CHUNK] for i in range(0, len(unique), _FORK_CHUNK)]
            found = map_forked(_resolve_chunk, self, chunks, n_workers)
            results = dict(zip(unique, (m for part in found for m in part), strict=True))
        else:
            results = {n: self.resolve(n) for n in unique}
        return [results[n] for n in items]

    # -- internals --------------------------------------------------------------------------

    def _rank(self, name: str) -> list[_Scored]:
        """Best route per entity, best entity first."""
        folded = fold(name)
        if not folded:
            return []
        hits: list[_Scored] = []
        if folded.count(" ") >= MAX_NAME_WORDS:
            # Longer than any name: only a literal hit can be meant, and this bound keeps the
            # fuzzy tiers linear in the input whatever is pasted in.
            return self._literal_hits(name, folded)
        hits.extend(self._literal_hits(name, folded))
        if _ABJAD.search(name):
            hits.extend(self._script_hits(name))
        elif " " in folded or not self._is_demonym(folded):
            if _VOWELS_MISWRITTEN.search(name):
                hits.extend(self._script_hits(name))
            for parsed in _readings(name):
                hits.extend(self._titled_person_hits(parsed, self._fuzzy_hits(parsed)))
            hits.extend(self._wade_giles_hits(name, folded))
        best: dict[int, _Scored] = {}
        for h in hits:
            h = self._adjust_for_type(h)
            current = best.get(h.entity)
            if current is None or _route_order(h) > _route_order(current):
                best[h.entity] = h
        return sorted(best.values(), key=lambda s: (-s.score, self._entity_ids[s.entity]))

    def _is_demonym(self, word: str) -> bool:
        """Whether a folded word is the English adjective of a place of the table (Lebanese,
        Iraqi, Armenian): an adjective, not a spelling of any name, so it is matched literally
        or not at all. Two letters from a table word, it scored as a respelling of it
        (Lebanese/Albanese, Indian/Andijan, Armenian/Armenia)."""
        found = self._demonym_stems
        if found is None:
            found = self._demonym_stems = _demonym_stems(self._places)
        if word in found.bare:
            return True
        if _undoubled(word) in found.names:
            return False  # a place's own name, a letter doubled by a slip or not (Adenn, Busann)
        return any(
            word.endswith(suffix) and word[: len(word) - len(suffix)] in stems
            for suffix, stems in found.stems
        )

    def _wade_giles_hits(self, name: str, folded: str) -> list[_Scored]:
        """A Chinese name in Wade-Giles (Hsi Chin-p'ing, Mao Tse-tung) met on its Pinyin
        readings: table names that are one of them, folded, letter for letter.

        Folding drops the apostrophe that marks an aspirate, so a syllable may be read several
        ways (ch: j, q, zh or ch; p: b or p); two entities met by two readings tie, and the
        query then resolves to neither."""
        # (imported here: the module serves compare(), and importing it with canonym cost a
        # twentieth of ``import canonym``)
        from ._compare_words import wade_giles_names

        return self._pinyin_hits(wade_giles_names(name, folded))

    def _pinyin_hits(self, readings: list[str]) -> list[_Scored]:
        """The table names that are one of the Pinyin ``readings``, folded, letter for letter."""
        found = self._folded
        hits = []
        for reading in readings:
            at = found.get(reading)
            if at is None:
                continue
            for i in (at,) if isinstance(at, int) else at:
                hits.append(_Scored(self._alias_entity[i], _WADE_GILES_SCORE, i, "key"))
        return hits

    def _hyphenated_wade_giles(self, name: str) -> Match | None:
        """A name that resolves to nothing as written, read as Wade-Giles for its given name's
        hyphen alone (Chou En-lai, Pei-ching): its Pinyin readings that are table names, when
        they are all of one entity (see ``hyphenated_wade_giles_names``)."""
        from ._compare_words import hyphenated_wade_giles_names

        readings = hyphenated_wade_giles_names(name)
        hits = [self._adjust_for_type(h) for h in self._pinyin_hits(readings)]
        hits = [h for h in hits if h.method != "weak"]
        if len({h.entity for h in hits}) != 1:
            return None
        return self._to_match(name, hits[0])

    def _titled_person_hits(self, parsed: ParsedName, hits: list[_Scored]) -> list[_Scored]:
        """Keep only people when the query carries a title (Gen., Sheikh, Dr, President).

        A title is evidence of a person: "Gen. Soleymani" is not the city Sulaymaniyah. A place
        or organisation whose own name starts with the title ("Prince Sultan Air Base") stays.
        """
        titles = [t for t in parsed.titles if t not in _NON_PERSON_TITLES]
        if not titles:
            return hits
        kept = []
        for h in hits:
            entity = self._entities[h.entity]
            if entity.kind == "person" or fold(self._alias_text[h.alias]).startswith(titles[0]):
                kept.append(h)
        return kept

    def _literal_hits(self, name: str, folded: str) -> list[_Scored]:
        out = []
        written = _written_form(name)
        found = self._folded.get(folded, ())
        for i in (found,) if isinstance(found, int) else found:
            exact = self._is_exact(written, i)
            method = "exact" if exact else "folded"
            out.append(_Scored(self._alias_entity[i], 1.0 if exact else 0.995, i, method))
        return out

    def _adjust_for_type(self, hit: _Scored) -> _Scored:
        kind = self._alias_type[hit.alias]
        if kind == "weak":
            return _Scored(hit.entity, hit.score * 0.9, hit.alias, "weak", hit.detail)
        if kind == "short":
            method = "short" if hit.method in ("exact", "folded") else hit.method
            score = min(hit.score, _SHORT_FORM_SCORE)
            return _Scored(hit.entity, score, hit.alias, method, hit.detail)
        return hit

    def _fuzzy_hits(self, parsed: ParsedName) -> list[_Scored]:
        ranked = self._ranked_candidates(parsed)
        query_key = _parsed_key(parsed)
        out: list[_Scored] = []
        if not ranked:
            return out
        _, top_count, top_ratio = ranked[0]
        # A lone word is decided by its look-alikes, and every alias holding it looks alike to
        # rapidfuzz: all of the best ``prefilter`` are scored.
        lone = sum(1 for t in parsed.tokens if t.role not in ("suffix", "generic")) <= 1
        for scored, (i, count, ratio) in enumerate(ranked):
            # The full score is the cost of a query: candidates sharing fewer query words than
            # the best, or much further from it in letters, cannot come within the margin.
            if scored >= self.prefilter or (
                scored >= _MIN_SCORED
                and not lone
                and (count < top_count or ratio < top_ratio - _RATIO_SLACK)
            ):
                break
            entity = self._entities[self._alias_entity[i]]
            kind = entity.kind
            alias = parse(self._alias_text[i])
            detail = score_names(parsed, alias, kind=kind)
            score = min(detail.score, 0.99)  # string rules never outrank a literal hit
            surname = False
            if detail.partial:
                partial = self._partial_score(parsed, detail, kind, self._alias_text[i])
                if partial is not None and partial > score:
                    score, surname = partial, True
            if (
                kind == "organization"
                and score < _COUNTRY_LEFT_OUT_SCORE
                and _country_name_left_out(parsed, alias, detail)
            ):
                score = _COUNTRY_LEFT_OUT_SCORE
            if (
                kind == "person"
                and (
                    _reordered_and_respelt(parsed, alias, detail)
                    or _given_name_moved(parsed, alias, detail)
                    or (lone and not surname and _family_name_left_out(detail))
                )
            ) or (
                kind == "place"
                and (_place_words_reordered(parsed, alias, detail) or _syllable_respelt(detail))
            ):
                score = min(score, self.threshold - _BELOW_THRESHOLD)
            if kind == "organization" and (
                _qualifier_left_out(parsed, alias, detail)
                or _legal_forms_apart(parsed, self._alias_folded[i])
            ):
                score = min(score, self.threshold - _BELOW_THRESHOLD)
            if kind != "person" and _direction_apart(parsed, alias, detail, kind):
                score = min(score, self.threshold - _BELOW_THRESHOLD)
            if (
                lone
                and score < 1.0
                and _lone_words_differ(parsed, alias, self._alias_text[i], entity)
            ):
                score = min(score, self.threshold - _BELOW_THRESHOLD)
            if surname:
                method = "surname"
            else:
                method = "key" if score >= 0.9 and _parsed_key(alias) == query_key else "fuzzy"
            if score > 0:
                out.append(_Scored(self._alias_entity[i], score, i, method, detail))
        return out

    def _partial_score(
        self, parsed: ParsedName, detail: NameScore, kind: str, alias_text: str
    ) -> float | None:
        """A family name alone: scored only when it is a person's family name; ``None`` where
        the route does not apply, and the name's own score stands (capped as any string rule's:
        a name met with a word of the alias left over, Hormuz Strait, is no family name).

        A bare word that ends an organisation's or a place's name is another entity
        (Hezbollah is not Kata'ib Hezbollah), so only persons get this route. Nor is the
        lowercase tail of a hyphenated word a family name: it is a syllable of a Korean or
        Chinese given name that follows the family name (Lee Myung-bak, Chiang Kai-shek, Yi
        Seung-man), where a compound family name is capitalised (Amir-Abdollahian).
        """
        if kind != "person" or not self.surnames:
            return None
        if len(parsed.tokens) != 1 or len(detail.pairs) != 1:
            return None
        _, alias_token, sim = detail.pairs[0]
        if alias_token.role != "family" or sim < 0.9:
            return None
        if _lowercase_hyphen_tail(alias_text, alias_token.text):
            return None
        return 0.9 * sim

    def _word_groups(self, parsed: ParsedName) -> list[_QueryWord]:
        """Per identifying word of the query, the postings of the table words like it.

        Two groups per word: the postings of the table words of its own transliteration key
        (its spellings) when there are any, else of every word like it; and the postings of
        every word like it (see :meth:`_find_similar_words`), built only when asked (see
        :meth:`_near_group`): the own groups usually decide. A query word written as two table
        words (Petrogreen/Petro Green), and two or three query words written as one table word
        (Ze Dong/Zedong, Kuo-min-tang/Kuomintang), count in both. Legal forms and filler words
        (LLC, Company, of) are left out when there is anything else: an alias may well lack
        them, and their postings are huge.
        """
        tokens = [t for t in parsed.tokens if t.role != "suffix"]
        if any(t.role != "generic" for t in tokens):
            tokens = [t for t in tokens if t.role != "generic"]
        words: list[_QueryWord] = []
        postings, word_vids, by_key = self._postings, self._word_vids, self._by_key
        for t in tokens:
            text = t.text
            same = by_key.get(token_key(text), ())
            extra: list[frozenset[int]] = []
            if text not in word_vids and 2 * _SPLIT_PART <= len(text) <= 2 * _LONGEST_WORD:
                # Not a word of the table as written (if perhaps a spelling of one: Almaata has
                # the key of Almaty): perhaps two of them written as one (Alma-Ata). (Not a word
                # longer than two of any name's: each cut copies the word, a megabyte of it in
                # a pasted blob made the cuts quadratic.)
                for cut in range(_SPLIT_PART, len(text) - _SPLIT_PART + 1):
                    left = word_vids.get(text[:cut])
                    right = word_vids.get(text[cut:]) if left else None
                    if left and right:
                        extra.append(postings[left[0]] & postings[right[0]])
            if text.endswith(DIN_COMPOUND) and text not in word_vids:
                # Parse reads a din compound as one word (Hurras al-Din, Nur ed-Din: hurrasuddin,
                # nuruddin), as it is also written joined; the table's words are as written,
                # its first half apart: the aliases holding that half meet it.
                stem = text[: -len(DIN_COMPOUND)]
                stem_same = by_key.get(token_key(stem), ())
                own_extra = extra + [postings[v] for v in stem_same]
                like = self._like_words(text)
                near_extra = extra + [postings[v] for v in self._like_words(stem)]
                near = _Group([postings[v] for v in like] + near_extra, like)
                own = _Group([postings[v] for v in same] + own_extra, same) if same else near
                words.append(_QueryWord(text, own, near, near_extra))
            elif same:
                own = _Group([postings[v] for v in same] + extra, same)
                words.append(_QueryWord(text, own, None, extra))
            else:
                like = self._like_words(text)
                near = _Group([postings[v] for v in like] + extra, like)
                words.append(_QueryWord(text, near, near, extra))
        # Two or three neighbouring query words may be one table word: Ze Dong/Zedong, and the
        # hyphenated syllables of Kuo-min-tang (Kuomintang) or Ho-Chi-Minh.
        for width in (2, 3):
            if width == 3 and any(len(t.text) > _SYLLABLE for t in tokens):
                break  # (three words as one: syllables only, as Kuo-min-tang writes them)
            for j in range(len(tokens) - width + 1):
                letters = "".join(t.text for t in tokens[j : j + width])
                joined = by_key.get(token_key(letters))
                if joined:
                    more = [postings[v] for v in joined]
                    for at in range(j, j + width):
                        words[at].add(more)
        # A kin particle may be written apart from a table word that holds it: Ben Ghazi for
        # Benghazi, Bou Saada for Bousaada. (Parse keeps the particle in its canonical form; Bou
        # is Abu without its vowel, so both are tried.)
        for at, t in enumerate(tokens):
            for lead in _JOINED_LEADS.get(t.particle, ()):
                joined = by_key.get(token_key(lead + t.text))
                if joined:
                    words[at].add([postings[v] for v in joined])
        return words

    def _near_group(self, word: _QueryWord) -> _Group:
        """The postings of every table word like the query word (its look-alikes), and the
        word's extra sets: built on the first call."""
        near = word.near
        if near is None:
            like = self._like_words(word.text)
            near = word.near = _Group([self._postings[v] for v in like] + word.extra, like)
        return near

    def _like_words(self, text: str) -> tuple[int, ...]:
        """The vocabulary entries like the query word ``text`` (see :meth:`_find_similar_words`).

        Query words recur (a table's own words, misspelt or not), so the answer is kept in a
        bounded per-resolver memo; a dict's get and set are atomic, so threads may share it.
        """
        memo = self._word_memo
        found = memo.get(text)
        if found is None:
            if len(memo) >= _WORD_MEMO_SIZE:
                memo.clear()
            found = memo[text] = tuple(sorted(self._find_similar_words(text)))
        return found

    def _find_similar_words(self, text: str) -> set[int]:
        """The vocabulary entries like the query word ``text``.

        A table word is like it when their transliteration keys are equal, or one deletion
        apart each (a dropped, doubled, swapped or changed letter: the symmetric deletion of
        Wolf Garbe's SymSpell) and close for their length, or when a word the table lacks is
        the table word with two neighbouring letters swapped (see :func:`_inner_swaps`), or
        when the curated list of name words gives the two one name (Reza, Ridha). A long word
        with no such table word (two slips in it) is compared with every key of the
        vocabulary, in C.
        """
        near, by_key = self._near, self._by_key
        k = token_key(text)
        keys: set[str] = set()
        for n in _neighbourhood(k):
            found = near.get(n)
            if found:
                keys.update(found)
        vids: set[int] = set(by_key.get(k, ()))
        if text not in self._word_vids and len(text) <= _LONGEST_WORD:
            # A swap of two neighbouring letters is the commonest typing slip, and keys read
            # letters in context (Cyril: saral, Cryil: kral), so the slip may move the key far
            # from the word's: a word the table lacks is also looked up with each swap undone.
            for swapped in _inner_swaps(text):
                vids.update(by_key.get(token_key(swapped), ()))
        # A curated list's other spellings of the word's name (Reza: Ridha), whatever their keys.
        for spelling in spellings_of(text):
            vids.update(by_key.get(token_key(spelling), ()))
        keys.discard(k)
        ratio = fuzz.ratio
        # A short word the table lacks: its key one letter of one sound from a table key is a
        # candidate, which the scorer then judges (Taegu, Daegu: t and d are one Korean
        # consonant, but two classes of key). A word of the table keeps its own.
        one_sound = (
            _one_sound_variants(k)
            if len(k) == _SHORT_KEY and text not in self._word_vids
            else frozenset()
        )
        for other in keys:
            # Deletions meet keys two edits apart too; keep those close for their length
            # (rapidfuzz ratio, in C): one edit in a short key is often another name.
            if ratio(k, other) >= _NEAR_RATIO or other in one_sound:
                vids.update(by_key[other])
        if not vids and len(k) >= _FAR_KEY:
            for other, _, _ in process.extract(
                k, self._keys, scorer=fuzz.ratio, score_cutoff=_FAR_RATIO, limit=_FAR_LIMIT
            ):
                vids.update(by_key[other])
        return vids

    def _holding_all(self, groups: list[_Group]) -> set[int]:
        """The aliases in some posting of every group, intersected from the rarest group.

        Set operations only, each in C and each probing the smaller side; a group of one
        posting (the usual case) is used as it is, not copied. The first two groups meet
        through the index of pairs of common words where they can (see :func:`_pair_index`).
        """
        groups = sorted(groups, key=_Group.size)
        pool: AbstractSet[int] | None = (
            self._pair_pool(groups[0], groups[1]) if len(groups) > 1 else None
        )
        if pool is None:
            first = groups[0].postings
            pool = first[0] if len(first) == 1 else set().union(*first)
            rest = groups[1:]
        else:
            rest = groups[2:]
        for group in rest:
            if not pool:
                break
            found = group.postings
            if len(found) == 1:
                pool = found[0].intersection(pool)
                continue
            kept: set[int] = set()
            for p in found:
                kept.update(p.intersection(pool))
            pool = kept
        return set(pool)

    def _pair_pool(self, one: _Group, two: _Group) -> set[int] | None:
        """The aliases of both groups, pair of vocabulary entries by pair; ``None``: no use.

        Pairs of two common entries are looked up; a pair with a rarer entry is intersected,
        at the cost of the rarer. Groups with extra sets, or too many pairs, are left to the
        plain intersection.
        """
        vids_one, vids_two = one.vids, two.vids
        if (
            len(vids_one) != len(one.postings)
            or len(vids_two) != len(two.postings)
            or len(vids_one) * len(vids_two) > _PAIR_PROBES
        ):
            return None
        common, paired, width = self._common, self._pairs, len(self._postings)
        pool: set[int] = set()
        for a, p in zip(vids_one, one.postings, strict=True):
            for b, q in zip(vids_two, two.postings, strict=True):
                if a == b:
                    pool.update(p)
                elif common[a] and common[b]:
                    held = paired.get(a * width + b if a < b else b * width + a)
                    if held:
                        pool.update(held)
                else:
                    pool.update(p.intersection(q))
        return pool

    def _candidate_tiers(self, parsed: ParsedName) -> list[tuple[int, set[int]]]:
        """Aliases sharing words with the query, by how many query words they share.

        At most two tiers, best first. Usually the first is the aliases holding a word like
        every query word: an intersection of the words' postings, rarest word first, so the
        set shrinks at once and a common word (John, Bank) costs a probe per surviving
        candidate, in C, not a pass over its postings. The words' own spellings are tried
        first; when that finds fewer than two aliases (or the query is one word), each word in
        turn is widened to the words like it, the others kept to their spellings. When even
        that finds none, the aliases holding the rarer query words' own spellings are pooled
        (up to ``block_limit``) and ranked by how many query words each holds: a word misspelt
        beyond recognition, or one the alias lacks, still leaves the others.
        """
        # (A word with spellings of its own in the table has look-alikes too: it is kept.)
        words = [w for w in self._word_groups(parsed) if w.own.postings]
        if not words:
            return []
        size = len(words)
        full = self._holding_all([w.own for w in words])
        # A lone word is decided by its look-alikes (Solemani: Soleimani or Slemani?), so it
        # always meets the words like it too.
        if len(full) >= _NEAR_PASS_BELOW and size > 1:
            return [(size, full)]
        pairs = [(w.own, self._near_group(w)) for w in words]
        for j, (own, near) in enumerate(pairs):
            if len(near.postings) > len(own.postings):
                widened = [n if at == j else o for at, (o, n) in enumerate(pairs)]
                full |= self._holding_all(widened)
        if len(full) >= _FALLBACK_BELOW or size == 1:
            return [(size, full)] if full else []
        tiers = [(size, full)] if full else []
        groups = sorted((own for own, _ in pairs), key=_Group.size)
        pool: set[int] = set()
        for group in groups:
            if pool and len(pool) + group.size() > self.block_limit:
                break
            pool.update(*group.postings)
        pool -= full
        if not pool:
            return tiers
        counts: Counter[int] = Counter()
        for group in groups:
            hit: set[int] = set()
            for p in group.postings:
                hit.update(p.intersection(pool))
            counts.update(hit)  # counted in C
        best = max(counts.values())
        for count in range(best, 0, -1):
            if len(tiers) >= 2 or sum(len(t) for _, t in tiers) >= _MIN_SCORED:
                break
            tier = {i for i, c in counts.items() if c == count}
            if tier:
                tiers.append((count, tier))
        return tiers

    def _ranked_candidates(self, parsed: ParsedName) -> list[tuple[int, int, float]]:
        """The aliases worth a full score, most promising first: (alias, words shared, ratio).

        Aliases sharing the most query words come first, and within a tier the closest
        ``prefilter`` by rapidfuzz's ``token_set_ratio`` on the folded strings (in C).
        """
        folded = self._alias_folded
        query = parsed.folded()
        out: list[tuple[int, int, float]] = []
        for count, tier in self._candidate_tiers(parsed):
            # Sorted, so that the answer does not depend on the order of a set; a tier larger
            # than ``block_limit`` (a lone common word) is cut, in table order.
            members = sorted(tier)[: self.block_limit]
            ranked = process.extract(
                query,
                [folded[i] for i in members],
                scorer=fuzz.token_set_ratio,
                limit=self.prefilter,
            )
            ranked.sort(key=lambda r: (-r[1], r[2]))
            out += [(members[j], count, ratio) for _, ratio, j in ranked]
        return out

    def _script_hits(self, name: str) -> list[_Scored]:
        """A name in an abjad (Arabic, Persian, Hebrew): meet the table on consonants only.

        The article is set aside as the table's names set it aside (al-Senussi), and where
        that meets nothing, kept: a name may open with the letters (Altaf, الطاف); so is the
        Arabic article written in Hebrew letters and hyphenated (אום אל-פחם, Umm al-Fahm), and
        the article that ʿAbd governs, joined to both (عبدالرشید, Abdul Rashid). A Hebrew letter
        with a geresh is the sound it marks (ג׳נין, Jenin), and a letter of two sounds is read
        as its second where the first meets nothing, if the name met writes that sound (see
        _SECOND_SOUNDS: שדרות is Sderot, יואב Yoav, جبهة النصرة Jabhat al-Nusra)."""
        written = _GERESH_LETTER.sub(_geresh_sound, normalize(name))
        bare = _HEBREW_ARABIC_ARTICLE.sub("", _ARABIC_ARTICLE.sub("", written))
        # ʿAbd and the article joined to the name it governs (عبدالرشید, Abdul Rashid): the
        # table's names hold the particle, and the article is set aside as above.
        bare = _JOINED_ABD_ARTICLE.sub("\u0639\u0628\u062f ", bare)
        for text in (bare, written) if bare != written else (bare,):
            for reading, latin in _second_readings(text):
                hits = [
                    h
                    for h in self._skeleton_hits(reading)
                    if all(any(w in self._alias_folded[h.alias] for w in ways) for ways in latin)
                ]
                if hits:
                    return hits
        return []

    def _skeleton_hits(self, bare: str) -> list[_Scored]:
        """:meth:`_script_hits` of an abjad name, its article set aside or not."""
        q = parse(bare)
        # Each letter read on its own: written one after another, the Latin letters of two
        # (ز and ه, z and h) would make a digraph that neither is (zh).
        own = tuple(s for s in map(_abjad_skeleton, bare.split()) if s)
        joined = "".join(own)
        skeleton = _undoubled(joined)
        if not skeleton:
            return []
        # The alias's words' skeletons, written one after another, are the query's: found by
        # cutting the query's skeleton into up to three pieces (the script joins and parts
        # words differently: حزب الله is "Hizb Allah" and "Hezbollah"), each piece a skeleton
        # of the vocabulary, and the aliases holding them all. The query's words are cut as
        # written too, a letter that ends one and opens the next kept twice: one is the last
        # of an alias word, the other the first of the next (حسن نصر الله, Hassan Nasrallah).
        pool: set[int] = set()
        by_skeleton, postings = self._by_skeleton, self._postings
        indic = _INDIC.search(bare) is not None
        most = _SCRIPT_PIECES if len(joined) <= _SCRIPT_CUT_MAX else 1
        cuts = {own, *_cuts(skeleton, most)}
        if joined != skeleton:
            cuts.update(_cuts(joined, most))
        for pieces in cuts:
            # A kin or ʿAbd particle is no word of the vocabulary (the table's names hold it
            # before the word it governs), so the other pieces find the aliases; it is tried
            # as a word too where one of the table's words has its consonants (Abid, Obeid).
            words = tuple(p for p in pieces if p not in _PARTICLE_SKELETONS)
            for kept in {words, tuple(p for p in pieces if p in by_skeleton or p in words)}:
                found = [by_skeleton.get(piece, ()) for piece in kept]
                if found and all(found):
                    groups = [_Group([postings[v] for v in f], f) for f in found]
                    pool |= self._holding_all(groups)
        # A skeleton of one consonant says little: the name's f and v (a glide's class, which
        # skeletons drop) must agree too (فاس, Fes, is not Oxus), and an acronym, which a
        # script spells by its letters' names, is not met on it (حماة, Hama, is not JeM).
        # (A waw inside a word and before no alif may be a long vowel: read both ways. غاو is
        # Gao; اهواز, its waw before an alif, Ahvaz.)
        labial = (
            {
                _abjad_skeleton(bare, _DROP_BUT_LABIALS),
                _abjad_skeleton(_VOWEL_WAW.sub("", bare), _DROP_BUT_LABIALS),
            }
            if len(skeleton) == 1
            else None
        )
        hits = [
            _Scored(self._alias_entity[i], _SCRIPT_SCORE, i, "script")
            for i in sorted(pool)
            if skeleton in _skeletons_of(parse(self._alias_text[i]))
            and not (indic and _consonants_dropped(bare, self._alias_text[i]))
            and (
                labial is None
                or (
                    _labial_skeleton(self._alias_text[i]) in labial
                    and not self._letters_of_an_acronym(i)
                )
            )
        ]
        if len({h.entity for h in hits}) > 1:
            size = sum(1 for p in own if p not in _PARTICLE_SKELETONS)
            hits = [replace(h, score=self._script_score(h.alias, size)) for h in hits]
        if hits:
            return hits
        # One consonant off (a j or a v the script did not write): score the block by skeleton.
        near = sorted(i for _, tier in self._candidate_tiers(q) for i in tier)
        out = []
        for i in near[:_SCRIPT_LIMIT]:
            if indic and _consonants_dropped(bare, self._alias_text[i]):
                continue
            sim = max(
                Levenshtein.normalized_similarity(skeleton, other)
                for other in _skeletons_of(parse(self._alias_text[i]))
            )
            if sim >= 0.8 and len(skeleton) >= 4:
                out.append(_Scored(self._alias_entity[i], 0.45 + 0.5 * sim, i, "script"))
        return out

    def _letters_of_an_acronym(self, alias: int) -> bool:
        """Whether an alias is written with a capital after its first letter (JeM, IRGC) while
        its entity has a name that is not in capitals: an acronym, read by its letters' names
        (see _skeleton_hits)."""
        text = self._alias_text[alias]
        entity = self._entities[self._alias_entity[alias]]
        return any(ch.isupper() for ch in text[1:]) and not all(
            name.isupper() for name in entity.names()
        )

    def _script_score(self, alias: int, size: int) -> float:
        """The score of an alias whose consonants are an abjad name's of ``size`` words (not
        counting particles), where aliases of two entities have them (see _skeleton_hits):
        0.9, less a little for an alias less likely than another, so that the likelier one
        wins where both would tie. Less likely: an alias in capitals of an entity with
        lowercase names (IRGC), an acronym, which a script spells out by its letters' names,
        not as the word its consonants make (الرقة, Raqqa); and an alias of another number of
        words than the query (محمد الضيف, Mohammed Deif, not Amed), as a script writes a name
        word for word but for a compound (حزب الله, Hezbollah)."""
        score = _SCRIPT_SCORE
        text = self._alias_text[alias]
        if _in_capitals_of_a_lowercase_entity(text, self._entities[self._alias_entity[alias]]):
            score -= _SCRIPT_LESS_LIKELY
        if sum(1 for t in parse(text).tokens if t.role != "suffix") != size:
            score -= _SCRIPT_LESS_LIKELY
        return score

    def _decide(self, name: str, ranked: Sequence[_Scored]) -> Match | None:
        strong = [s for s in ranked if s.method != "weak"]
        if not strong:
            return None
        best = strong[0]
        if best.score < self.threshold:
            return None
        best_id = self._entity_ids[best.entity]
        distinct = self.table.distinct_from(best_id)
        for other in ranked[1:]:
            if other.entity == best.entity:
                continue
            gap = best.score - other.score
            other_id = self._entity_ids[other.entity]
            if gap < self.margin:
                return None  # too close to call
            if (
                other_id in distinct
                and other.score >= self.threshold
                and gap < 2 * self.margin
                and best.method not in ("exact", "folded", "short")
                # A curated short form says what the bare word means ("Soleimani" is Qassem).
                and self._alias_type[best.alias] != "short"
            ):
                return None  # a curated look-alike also qualifies
        return self._to_match(name, best)

    def _to_match(self, name: str, s: _Scored) -> Match:
        entity = self._entities[s.entity]
        score = round(min(1.0, max(0.0, s.score)), 4)
        alias = s.alias
        return _new_match(
            entity,
            score,
            self._alias_text[alias],
            s.method,
            name,
            self._alias_type[alias],
            s.detail,
        )


# English adjectives of places: a stem of the place's name and a suffix. The name whole takes
# any of them (Syria-n, Iraq-i, Oman-i, Kurd-ish); less its last letter, a suffix of two letters
# or more (Chin-ese, Morocc-an); less its last two, only -ese (Leban-ese).
DEMONYM_SUFFIXES = ("n", "an", "ian", "i", "ese", "ish", "ic", "ite", "ean")
_CLIPPED_SUFFIXES = (("an", "ian", "ese", "ean"), ("ese",))


def _written_forms(english: str) -> set[str]:
    """How a table's name may write the English word ``english``: as it is, in the singular or
    the plural, in British or American spelling, or as a word of another language the bundled
    list reads so (Jaysh, army)."""
    forms = {w for s in english_spellings(english) for w in (s, singular(s), s + "s")}
    return forms.union(*(foreign_words(f) for f in tuple(forms)))


def _in_capitals_of_a_lowercase_entity(alias_text: str, entity: Entity) -> bool:
    """Whether an alias is written in capitals, of an entity with a name in lowercase too: an
    acronym (IRGC, BLA). OFAC writes every name in capitals, so there capitals say nothing."""
    return alias_text.isupper() and not all(name.isupper() for name in entity.names())


def _lone_words_differ(
    query: ParsedName, alias: ParsedName, alias_text: str, entity: Entity
) -> bool:
    """Whether a lone query word, respelt, cannot be a lone alias word.

    Either the alias is an acronym (four capitals at most: BLA, ISIL, HUR, of an entity with
    a name in lowercase too: OFAC writes every name in capitals, so there a short name in
    capitals may be a word), which is spelt one way (Hour is not HUR), or the two words open
    with different sounds: first letters of their normalised forms that are neither one letter
    nor a class pair of the word scores (q~gh: Qom, Ghum; kh~ch: Khomeini, Chomeini), in words
    no curated list calls one name (Jamenei), or the query has a vowel as its second letter
    where the alias has a consonant (:func:`canonym.similarity.breaks_opening`). A word's first
    letter is the last to vary between spellings, and a lone word has no other word to vouch
    for it: After is not Haftar with its h dropped, Agency not Gence, Arabian not Rabin, Ayman
    not Amman, and Balah not BLA."""
    q = [t for t in query.tokens if t.role not in ("suffix", "generic")]
    a = [t for t in alias.tokens if t.role not in ("suffix", "generic")]
    if len(q) != 1 or len(a) != 1:
        return False
    if (
        len(alias_text) <= _ACRONYM
        and alias_text.isalpha()
        and _in_capitals_of_a_lowercase_entity(alias_text, entity)
    ):
        return True
    if q[0].particle == a[0].particle:
        wq, wa = q[0].text, a[0].text
    else:  # a particle on one side only opens that word (Ben Ghazi, Benghazi)
        wq, wa = q[0].particle + q[0].text, a[0].particle + a[0].text
    if entity.kind == "place" and (
        _other_consonant(orth(wq), orth(wa)) or _pinyin_beside_korean(wq, wa)
    ):
        return True
    return all(
        _open_differently(oq, oa) for oq in _article_readings(wq) for oa in _article_readings(wa)
    )


# An Arabic article written joined to its word, assimilated or not: Ennahda, Essebsi, Alnahda.
_ARTICLE_OPENING = regex.compile(r"^[ae](?:l|([dnrstz])\1)(?=[a-z]{3})")


def _article_readings(word: str) -> tuple[str, ...]:
    """The opening readings of a lone folded word (see :func:`readings`), and, when it opens
    with a joined Arabic article, those of the word without it (En-Nahda opens as Ennahda);
    when it opens with a joined Abu, those of the word with Abu as the Gulf and the Maghreb
    write it, Bu (Abu Kamal, Boukamal: see _JOINED_LEADS)."""
    bare = _ARTICLE_OPENING.sub(r"\1", word, count=1)
    found = readings(word) if bare == word else (*readings(word), *readings(bare))
    if word.startswith("abu") and len(word) >= _ABU_JOINED:
        found = (*found, *readings(word[1:]))
    return found


# A lone word that opens with Abu joined to a word of four letters or more (abukamal) is also
# read with Bu: not a shorter one, whose Bu may open another name (Abuja is no Buja).
_ABU_JOINED = 7


def _other_consonant(oq: str, oa: str) -> bool:
    """Whether two normalised words of a lone place name differ in one consonant alone, and
    that by no spelling of one sound: another place (Taitung is not Taichung, Chongming not
    Chongqing, Rumaitha not Rumaila), where a lone word has no other word to vouch for it.

    The consonants that spellings of one sound differ in are the scorer's class pairs (k, q;
    t, d), and these, which it scores as any two consonants: the nasals n and m (Dushanbe,
    Dushambe; Panmunjom, Panmunjon; Miranshah, Miramshah); Pinyin q, the ch of Wade-Giles
    (Chongqing, Chongching); c and q (Socotra, Soqotra); the German sch of j (Andijan,
    Andischan); Korean n for an r after ng (Chongryon, Chongnyon); the Ukrainian v of a Russian
    l before a consonant (Vovchansk, Volchansk, as вовк is волк).

    >>> _other_consonant("taitung", "taiCung"), _other_consonant("duSambe", "duSanbe")
    (True, False)
    """
    i = unrelated_letter_at(oq, oa)
    if i is None or oq[i] in _VOWEL_LETTERS or oa[i] in _VOWEL_LETTERS:
        return False  # (more than one letter apart, a class pair of the scorer, or a vowel)
    pair = frozenset((oq[i], oa[i]))
    if pair == _L_V:
        return oq[i + 1 : i + 2] in _VOWEL_LETTERS or i + 1 == len(oq)  # (before a consonant)
    return pair not in _ONE_SOUND_CONSONANTS


_VOWEL_LETTERS = frozenset("aeiouyw")
# Consonants that spellings of one sound differ in, as orth writes them (C: ch, S: sh or sch,
# T: th): see _other_consonant.
_ONE_SOUND_CONSONANTS = frozenset(
    frozenset(pair) for pair in (("n", "m"), ("q", "C"), ("c", "q"), ("S", "j"), ("n", "r"))
)
_L_V = frozenset("lv")


def _pinyin_beside_korean(a: str, b: str) -> bool:
    """Whether one of two folded words is written in Pinyin and the other in a romanisation of
    Korean, each with letters the other system never writes: Pinyin's zh and x, Korean's gw,
    kw, eo and eu. Chinese and Korean read many characters alike (广州 and 光州 are both
    Guangzhou in Mandarin), so a Chinese and a Korean place's names look alike; the letters
    say which country's they are (Guangzhou is not Gwangju).

    >>> _pinyin_beside_korean("guangzhou", "gwangju"), _pinyin_beside_korean("kwangju", "gwangju")
    (True, False)
    """
    return (_pinyin(a) and _korean(b)) or (_pinyin(b) and _korean(a))


def _pinyin(word: str) -> bool:
    return "zh" in word or "x" in word


def _korean(word: str) -> bool:
    return any(pair in word for pair in _KOREAN_PAIRS)


# Letters the romanisations of Korean write and Pinyin never does (see _pinyin_beside_korean).
_KOREAN_PAIRS = ("gw", "kw", "eo", "eu")


def _open_differently(oq: str, oa: str) -> bool:
    """Whether two normalised words open with different sounds (see _lone_words_differ)."""
    if not oq or not oa or (same_first_sound(oq[0], oa[0]) and not breaks_opening(oq, oa)):
        return False
    return not same_name(oq, oa)


_ACRONYM = 4


def _consonants_dropped(indic: str, alias: str) -> bool:
    """Whether a name in an Indic script has more consonant letters than ``alias``, an acronym
    said letter by letter (one word of capitals, up to six letters, none a vowel: BN, BNP), has
    letters. An Indic script writes every consonant, y and v among them, which a skeleton
    leaves out as a Latin spelling's glides: a word of it can shrink to the two consonants of
    such an acronym (යාපනය, Yapanaya, is not BN), whereas the acronym written in the script
    names its letters, each consonant kept (বিএনপি, BNP). An acronym with a vowel may be said as
    a word, and so written (RAB, র‍্যাব).

    >>> _consonants_dropped("යාපනය", "BN"), _consonants_dropped("বিএনপি", "BNP")
    (True, False)
    """
    if not (
        len(alias) <= _LONGEST_ACRONYM
        and alias.isalpha()
        and alias.isupper()
        and not any(ch in _VOWEL_CAPITALS for ch in alias)
    ):
        return False
    return sum(fold(ch)[:1] in _LATIN_CONSONANTS for ch in indic) > len(alias)


_LONGEST_ACRONYM = 6
_VOWEL_CAPITALS = frozenset("AEIOU")
_LATIN_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxyz")


def _lowercase_hyphen_tail(written: str, word: str) -> bool:
    """Whether the folded ``word`` is written in ``written`` as a lowercase tail after a hyphen
    (Myung-bak, Kai-shek), ending the name.

    >>> _lowercase_hyphen_tail("Lee Myung-bak", "bak")
    True
    >>> _lowercase_hyphen_tail("Hossein Amir-Abdollahian", "abdollahian")
    False
    """
    return written.endswith("-" + word) and word.islower()


def place_adjective(resolver: Resolver, text: str) -> bool:
    """Whether a one-word ``text`` is the English adjective of a place of the resolver's
    table (Lebanese, Iraqi, Armenian), which is matched literally or not at all.

    >>> r = Resolver(AliasTable.from_records([{"id": "lb", "name": "Lebanon", "kind": "place"}]))
    >>> place_adjective(r, "Lebanese"), place_adjective(r, "Lebanon"), place_adjective(r, "Leb")
    (True, False, False)
    """
    folded = _fold_text(text)
    return bool(folded) and " " not in folded and resolver._is_demonym(folded)


@dataclass(frozen=True)
class _DemonymStems:
    """See :func:`_demonym_stems`."""

    stems: tuple[tuple[str, frozenset[str]], ...]  # (suffix, the stems that take it)
    bare: frozenset[str]
    names: frozenset[str]  # letters undoubled


def _designated_by_base(
    places: Sequence[Entity],
) -> dict[tuple[str, str], list[tuple[Entity, str]]]:
    """The places with a name that calls them a region or a border crossing, by the class of
    its designator and that name less it (folded: ("region", "kherson") for Kherson Oblast),
    each with that name; an entity once per base."""
    out: dict[tuple[str, str], list[tuple[Entity, str]]] = {}
    for entity in places:
        for text in entity.names():
            designated = place_designator(fold(text))
            if designated is not None and designated[0] in ("region", "crossing"):
                found = out.setdefault(designated, [])
                if all(e is not entity for e, _ in found):
                    found.append((entity, text))
    return out


def _demonym_stems(places: Sequence[Entity]) -> _DemonymStems:
    """What English adjectives of the table's places are made of: for each suffix, the stems
    that take it (see DEMONYM_SUFFIXES; three letters at least: iraq, chin, leban ...), the
    stems that are adjectives as they are (a name less its -ia, -ie or -ya: Abkhaz, and Chechen
    from French Tchetchenie), and the names themselves, which are no adjectives however they
    end (Oman, Tehran)."""
    by_suffix: dict[str, set[str]] = {suffix: set() for suffix in DEMONYM_SUFFIXES}
    bare: set[str] = set()
    names: set[str] = set()
    for entity in places:
        for name in (entity.name, *entity.spellings, *entity.aliases, *entity.short):
            base = _fold_text(name)
            if " " in base or len(base) < 4:
                continue
            names.add(_undoubled(base))
            for suffix in DEMONYM_SUFFIXES:
                if _takes_suffix(base, suffix):
                    by_suffix[suffix].add(base)
            for clipped, suffixes in enumerate(_CLIPPED_SUFFIXES, 1):
                stem = base[:-clipped]
                if len(stem) >= 3:
                    for suffix in suffixes:
                        by_suffix[suffix].add(stem)
            if len(base) >= 6 and base[-2:] in ("ia", "ie", "ya"):
                bare.add(base[:-2])
    stems = tuple((suffix, frozenset(by_suffix[suffix])) for suffix in DEMONYM_SUFFIXES)
    return _DemonymStems(stems, frozenset(bare), frozenset(names))


def _takes_suffix(name: str, suffix: str) -> bool:
    """Whether a place's whole folded ``name`` takes an adjective ``suffix`` in English.

    A name ending in a vowel sound (a vowel, or a y after a consonant) takes -n (Syrian,
    Korean) and, after an e, -an (Chilean); the suffixes that open with a vowel go after a
    consonant (Iraqi, Omani, Iranian). So a Russian name's adjectival ending written out,
    Groznyi or Belyi for Grozny and Bely, is a spelling of the name, not its adjective.

    >>> [s for s in DEMONYM_SUFFIXES if _takes_suffix("grozny", s)]
    ['n']
    >>> [s for s in DEMONYM_SUFFIXES if _takes_suffix("iraq", s)][:4]
    ['an', 'ian', 'i', 'ese']
    >>> _takes_suffix("chile", "an"), _takes_suffix("paraguay", "an")
    (True, True)
    """
    last = name[-1]
    vowel_end = last in "aeiou" or (last == "y" and len(name) > 1 and name[-2] not in "aeiou")
    if suffix == "n":
        return vowel_end
    return not vowel_end or (last == "e" and suffix == "an")


# Three words of a query are read as one table word only when each is this short: a syllable
# as a name written syllable by syllable spells it (Kuo-min-tang, Ho-Chi-Minh, Jong-un).
_SYLLABLE = 4
# How a kin particle may open a table word it is joined to (see _word_groups).
_JOINED_LEADS: dict[str, tuple[str, ...]] = {"bin": ("bin",), "abu": ("abu", "bu")}
# A Wade-Giles name whose Pinyin reading is a table name: below a literal hit and a curated
# short form, as sure as a transliteration key.
_WADE_GILES_SCORE = 0.95
# A place met with its designator set aside ("Busan City" for Busan): as sure as a key, below
# any literal hit.
_DESIGNATOR_SCORE = 0.95
# A place met by another language's name of it (Lwów for Lviv): a curated fact, as sure as a
# designator set aside.
_EXONYM_SCORE = 0.95
# An organisation met by its name in another language read word for word in English: every word
# met, but through a curated list of words, not of names, so below a curated name.
_TRANSLATION_SCORE = 0.9
# An organisation met without the country's name its name holds (see _country_name_left_out):
# every word met, but a word of the name left out, so below a curated name and a literal hit.
_COUNTRY_LEFT_OUT_SCORE = 0.9
# The most words (less one) of a name read for an organisation's in another language: the
# longest bodies' names have about twenty (the Federal State Unitary Enterprise ... named after).
_LONGEST_BODY_NAME = 30
# The most names read for a name in another language: each costs about as much as a parse.
_TRANSLATION_POOL = 256
# A name that, respelt, is a table name letter for letter: as the string rules at their best,
# below any literal hit.
_RESPELT_SCORE = 0.99
# How alike a word another reading of its letters changed must be to the alias word it meets.
_RESPELT_WORD = 0.9
# A curated short form ("Soleimani") never scores above this: below any full name's literal hit.
_SHORT_FORM_SCORE = 0.95
# A person's name matched only by swapping and respelling its words scores this much under the
# threshold: listed among the candidates, never the answer (see ``_reordered_and_respelt``).
_BELOW_THRESHOLD = 0.01
# The roles whose order a name without a comma implies.
_ORDERED_ROLES = frozenset({"given", "family"})
# Words ``parse`` strips as titles that say nothing about the kind of thing named.
_NON_PERSON_TITLES = frozenset({"the"})
# Keys shorter than this are looked up whole, without their deletion neighbourhood.
_MIN_NEIGHBOURHOOD_KEY = 3
# Nor are words longer than this (no name's word is; a pasted blob may be one): the slips of a
# word, its deletions and swaps, are as many as its letters, each as long as the word.
_LONGEST_WORD = 40
# How close (rapidfuzz ratio, 0-100) a key met through its deletion neighbourhood must be.
_NEAR_RATIO = 80.0
# A key of this length, of a word the table lacks, also meets the keys one letter apart when the
# two letters are spellings of one sound that the keys keep apart (see _one_sound_variants):
# one letter of four is under _NEAR_RATIO (75); a shorter key stays to its own.
_SHORT_KEY = 4
# Letters of keys that spell one sound in some romanisation: Korean ㄷ, t or d (Taegu, Daegu);
# the kh of German, Czech and Polish spellings, ch (Chost, Khost), and of the Arabic place names
# that English trade gave a ch (Mocha, Mokha): a key writes ch with sh as x, kh with k.
_ONE_SOUND_KEY_LETTERS = {"t": "d", "d": "t", "x": "k", "k": "x"}


def _one_sound_variants(key: str) -> frozenset[str]:
    """The keys ``key`` is with one of its letters changed for the other of a pair of
    _ONE_SOUND_KEY_LETTERS (a set to test the neighbourhood's keys against in C).

    >>> sorted(_one_sound_variants("taku"))
    ['daku', 'taxu']
    """
    return frozenset(
        key[:i] + other + key[i + 1 :]
        for i, letter in enumerate(key)
        if (other := _ONE_SOUND_KEY_LETTERS.get(letter)) is not None
    )


# A key this long with no key one deletion away is compared with the whole vocabulary, and
# the closest few keys at or above this rapidfuzz ratio are taken.
_FAR_KEY = 6
_FAR_RATIO = 75.0
_FAR_LIMIT = 5
# A query word that is no table word is also looked up as two table words written together,
# each at least this long (two letters: a syllable, Da Nang written Danang).
_SPLIT_PART = 2
# resolve_many forks workers for this many distinct names or more (a fork and the pickling of
# the answers cost a few hundred queries' time), and hands them out this many at a time.
_FORK_FROM = 512
_FORK_CHUNK = 128
# Words in at least this many aliases are common: their pairs are indexed (see _pair_index).
# At 500 the intersections with words in 60-500 aliases were a tenth of a query at 1e6; at 60
# they are look-ups, for 700,000 pairs (about 100 MB) at a million names instead of 260,000.
_PAIR_MIN = 60
# At most this many pairs of vocabulary entries are looked up to meet two query words.
_PAIR_PROBES = 64
# Query words whose similar table words a resolver remembers.
_WORD_MEMO_SIZE = 1 << 15
# Fewer aliases than this holding every query word's own spellings: widen to the words like
# them (look-alikes decide a match). Fewer than this after widening: pool and count instead.
_NEAR_PASS_BELOW = 2
_FALLBACK_BELOW = 1
# Candidates always given the full score, and how far below the best candidate's rapidfuzz
# ratio another may be and still be scored (see ``_fuzzy_hits``).
_MIN_SCORED = 2
_RATIO_SLACK = 8.0
# Candidates a script query's consonant skeleton is compared with when none is equal.
_SCRIPT_LIMIT = 200
# Two first names less alike than this are two persons' (see Resolver._other_first_name): the
# floor under which the scorer pairs no words.
_OTHER_NAME_BELOW = 0.55
# Into how many words a script query's skeleton may be cut to meet the table's words.
_SCRIPT_PIECES = 3
# The score of a script hit, and what an alias less likely than another of its consonants loses
# (see Resolver._script_score): more than the margin, so that the likelier one is chosen.
_SCRIPT_SCORE = 0.9
_SCRIPT_LESS_LIKELY = 0.05
# A longer skeleton is cut only where the query's own words end (the cuts grow as its square).
_SCRIPT_CUT_MAX = 30
# A query with more words than this is not a name; it gets the literal tier only.
MAX_NAME_WORDS = 24
_TYPE_ORDER = {"name": 0, "spelling": 1, "alias": 2, "short": 3, "weak": 4}
_METHOD_RANK = {
    "exact": 6,
    "folded": 5,
    "short": 4,
    "key": 3,
    "script": 2,
    "surname": 1,
    "fuzzy": 1,
    "weak": 0,
}


def _reordered_and_respelt(query: ParsedName, alias: ParsedName, detail: NameScore) -> bool:
    """Whether a person's name matches only with a given name and a family name swapped *and*
    one of the swapped words respelt (Toby Marija / Marie Toby).

    Without a comma ("SOLEIMANI, Qasem") word order is all that says which word is the family
    name, and names are written in both orders, so a swap alone is no contradiction. When both
    names have a comma, each source said which word is which and they disagree: a slip of one
    source, not a guess of ours, and the rule stays out of it. Otherwise, a name that matches
    only by taking both leniencies at once, another order and another spelling, is how a
    stranger's name matches among a million: two common words in either order, each with its
    variants, meet many names. Such a match is shown as a candidate, not resolved.
    """
    if query.inverted and alias.inverted:
        return False  # both commas say which word is which: two sources that disagree
    if detail.joined:
        # Read as one word, each name's words in its own order (Choo Miae, Choo Mi-ae): the
        # roles paired in the reading are no swap.
        return False
    if not all({t.role for t in n.tokens} >= _ORDERED_ROLES for n in (query, alias)):
        return False  # a lone word (Solemani) has no order to swap
    if not any(
        sim < 1.0 and x.role != y.role and x.role in _ORDERED_ROLES and y.role in _ORDERED_ROLES
        for x, y, sim in detail.pairs
    ):
        return False
    if reads_family_first(query.tokens) or reads_family_first(alias.tokens):
        # A Chinese or Korean name read family name first: the other name, its family name
        # respelt past recognition (Mo Ze Dong), has the roles of another order but the same
        # order of words. Only a change in that order is a swap.
        return not _in_same_order(query, alias, detail.pairs)
    return True


def _syllable_respelt(detail: NameScore) -> bool:
    """Whether a place's name meets the other's only with a word of two romanised syllables
    opened otherwise (see :func:`canonym.similarity.syllables_apart`): Nanning is not Nanjing,
    nor Jiangxi Guangxi, though one letter or two apart."""
    return any(sim < 1.0 and syllables_apart(x.text, y.text) for x, y, sim in detail.pairs)


def _place_words_reordered(query: ParsedName, alias: ParsedName, detail: NameScore) -> bool:
    """Whether a place's name matches only with its words in another order. A person's name
    is written in either order; a place's words have one (Khan Younis, a city in Gaza, and
    Younis Khan, a man's name)."""
    return (
        len(detail.pairs) > 1
        and not detail.joined
        and not (query.inverted or alias.inverted)
        and not _in_same_order(query, alias, detail.pairs)
        and not _of_turned(query, alias, detail.pairs)
    )


def _of_turned(
    query: ParsedName, alias: ParsedName, pairs: Sequence[tuple[NameToken, NameToken, float]]
) -> bool:
    """Whether one of two place names is a word, "of" and the rest, and the other the rest and
    then that word, with no "of": one feature's name in English's two orders (Strait of
    Hormuz, Hormuz Strait; Sea of Azov, Azov Sea)."""
    mate = {id(q): a for q, a, _ in pairs} | {id(a): q for q, a, _ in pairs}
    for one, other in ((query.tokens, alias.tokens), (alias.tokens, query.tokens)):
        if len(one) < 3 or one[1].text != "of" or any(t.text == "of" for t in other):
            continue
        if len(other) != len(one) - 1:
            continue
        order = [*one[2:], one[0]]
        if all(mate.get(id(t)) is o for t, o in zip(order, other, strict=True)):
            return True
    return False


def _direction_apart(query: ParsedName, alias: ParsedName, detail: NameScore, kind: str) -> bool:
    """Whether one of two names of a place, or the last word of one of two names of an
    organisation, is a word of direction or position that the other lacks: the part of a
    country that it names is another place (South Sudan, North Kivu, Upper Nile), and a body's
    name that ends in one, another body, a branch (the Sudan People's Liberation
    Movement-North, which split from the movement). Inside a body's name such a word is often
    one its other names leave out (OFAC's Northern Production Association Arktika, also listed
    as Production Association Arktika)."""
    unmatched = [t for t in (*detail.query_only, *detail.alias_only) if t.text in _DIRECTIONS]
    if kind != "organization":
        return bool(unmatched)
    last = {id(query.tokens[-1]), id(alias.tokens[-1])} if query.tokens and alias.tokens else set()
    return any(id(t) in last for t in unmatched)


# Words of direction and position that name a part (see _direction_apart).
_DIRECTIONS = frozenset(
    """north south east west northern southern eastern western central upper lower""".split()
)


def _legal_forms_apart(query: ParsedName, alias_folded: str) -> bool:
    """Whether an organisation's two names hold legal forms of different classes only: a
    joint-stock company and a limited liability one (OAO Stroytransgaz, Stroytransgaz LLC) are
    two legal persons, a parent and its subsidiary or a successor, as :func:`canonym.compare`
    reads them. Forms that only say "a company" (Co., Corp.) conflict with nothing."""
    from ._compare_words import legal_classes  # (not at import: only organisations need it)

    query_classes = legal_classes(fold(query.raw))
    if not query_classes:
        return False
    alias_classes = legal_classes(alias_folded)
    return bool(alias_classes) and query_classes.isdisjoint(alias_classes)


def _country_name_left_out(query: ParsedName, alias: ParsedName, detail: NameScore) -> bool:
    """Whether an organisation's name is a country's name and the query's words (Pakistan
    Tehreek-e-Insaf): every word of the query met at 0.9 or more, the query of two words or
    more, one of them a name of its own (Insaf), not only words that say what a body is and
    does, whom it stands for, or where (the Awami League, the Muslim League, the Kurdistan
    Democratic Party are bodies of many countries, or of two). Only a country's name before
    the rest, as a body names itself: after it, it names a branch as often (Hizb ut-Tahrir
    Britain is not Hizb ut-Tahrir); its adjective makes another body too (Iraqi Hezbollah is
    not Hezbollah), and so does "of" and a country (see _qualifier_left_out)."""
    if detail.joined or detail.query_only:
        return False
    left = [t for t in detail.alias_only if t.role != "generic"]
    if len(left) != 1 or left[0] is not alias.tokens[0]:
        return False
    countries = country_names()
    if countries is None or left[0].text not in countries:
        return False
    if sum(1 for t in query.tokens if t.role != "generic") < 2:
        return False
    if any(sim < _COUNTRY_LEFT_OUT_SCORE for _, _, sim in detail.pairs):
        return False
    return holds_a_name(content_words(" ".join(t.text for t in query.tokens)))


def _qualifier_left_out(query: ParsedName, alias: ParsedName, detail: NameScore) -> bool:
    """Whether one of two organisations' names ends in an "of ..." that the other, a name with
    no "of" at all, does not give in full: the qualifier says whose or where the body is, and
    a name without it is another body, the parent, a branch elsewhere or a namesake (the
    Kurdistan Democratic Party of Iran is not the Kurdistan Democratic Party, of Iraq; the
    Islamic State of Iraq is not the Islamic State; the Muslim Brotherhood of Syria is a
    branch). A word of the qualifier met elsewhere in the other name does not give it
    (Kurdistan Democratic Party, Democratic Party of Iranian Kurdistan). Two names that both
    have an "of" are left to the scoring: they qualify the body each in its own words (Public
    Security Department of the Autonomous Region, of Xinjiang Uygur Autonomous Region)."""
    return _of_tail_unmatched(alias.tokens, detail.alias_only, query.tokens) or (
        _of_tail_unmatched(query.tokens, detail.query_only, alias.tokens)
    )


def _of_tail_unmatched(
    tokens: tuple[NameToken, ...], unmatched: tuple[NameToken, ...], other: tuple[NameToken, ...]
) -> bool:
    """Whether ``tokens`` end in "of" and one word or more, after a word of their own, a word
    after that "of" (not a connecting word: the, and) is in ``unmatched``, and the ``other``
    name has no "of"."""
    at = next((k for k in range(len(tokens) - 2, 0, -1) if tokens[k].text == "of"), None)
    if at is None or any(t.text == "of" for t in other):
        return False
    left = {id(t) for t in unmatched}
    return any(id(t) in left and t.role != "generic" for t in tokens[at + 1 :])


def _family_name_left_out(detail: NameScore) -> bool:
    """Whether a person's name was met without its family name (a given name alone: Zhongshan
    of Sun Zhongshan, a city's name too; Sirajuddin of Sirajuddin Haqqani), which says who
    among many bearers of the given name is meant no more than a first name does."""
    return not detail.joined and any(t.role == "family" for t in detail.alias_only)


def _given_name_moved(query: ParsedName, alias: ParsedName, detail: NameScore) -> bool:
    """Whether two names of three words or more, each ending in the family name the other ends
    in, open with different words of the two (each first word paired further in): the father's
    name and the son's swapped. A name in the order of Arabic, Persian or Turkic names says who
    is whose son: Hafez Bashar al-Assad (Hafez, son of Bashar) is not Bashar Hafez al-Assad, nor
    Heydar Ilham oglu Aliyev Ilham Heydar oglu Aliyev. (Chinese and Korean names, read family
    name first, have no such order. Two lists that both write "SURNAME, Given Names" and
    disagree on the order of the given names are two sources' slips, as in
    _reordered_and_respelt: sanctions lists swap them for one person.)"""
    qt, at = query.tokens, alias.tokens
    if len(qt) < 3 or len(at) < 3 or detail.joined:
        return False
    if query.inverted and alias.inverted:
        return False  # two lists' "SURNAME, Given Names", in different orders: as above
    first = qt[0]
    if next((y for x, y, _ in detail.pairs if x is first), at[0]) is at[0]:
        return False  # the first words paired (most names), or the query's unpaired
    if len(set(map(id, qt))) < len(qt) or len(set(map(id, at))) < len(at):
        return False  # a word written twice (Htun Htun Oo): positions are not told apart
    if reads_family_first(qt) or reads_family_first(at):
        return False
    paired = dict(_paired_positions(query, alias, detail.pairs))
    # (the first words are paired further in: tested above)
    return paired.get(len(qt) - 1) == len(at) - 1 and 0 in paired.values()


def _in_same_order(
    query: ParsedName, alias: ParsedName, pairs: tuple[tuple[NameToken, NameToken, float], ...]
) -> bool:
    """Whether the paired words come in the same order in both names. (Equal words of one name
    are one token object, found at one place: Htun Htun Oo keeps its order.)"""
    positions = sorted(_paired_positions(query, alias, pairs))
    return all(a <= b for (_, a), (_, b) in pairwise(positions))


def _paired_positions(
    query: ParsedName, alias: ParsedName, pairs: tuple[tuple[NameToken, NameToken, float], ...]
) -> list[tuple[int, int]]:
    """(position in the query, position in the alias) of each pair of words, in pair order.
    Tokens are found by identity: an equal word twice in one name is one object, at one place.
    A word the query does not hold is left out: an acronym of the query spelt out as the alias's
    words (see ``similarity.spell_out_acronyms``), which are in the alias's order."""
    in_query = {id(t): i for i, t in enumerate(query.tokens)}
    in_alias = {id(t): j for j, t in enumerate(alias.tokens)}
    return [(in_query[id(x)], in_alias[id(y)]) for x, y, _ in pairs if id(x) in in_query]


def _route_order(s: _Scored) -> tuple[float, int]:
    return (s.score, _METHOD_RANK.get(s.method, 0))


_JOINED_ARTICLE = regex.compile(r"(?i)\b(al|el)([a-z]{4,})\b")
# Two or more single letters each followed by a dot: an acronym written with dots.
_DOTTED_ACRONYM = regex.compile(r"\s*((?:\p{L}\.\s?){2,})\s*")


# Somali orthography: an x opening a word before a vowel or after a vowel, and a c opening a
# word before a vowel; its long vowels are written double (Cabdullaahi, Farmaajo).
_SOMALI_X = regex.compile(r"\b[xX](?=[aeiou])|(?<=[aeiouAEIOU])x")
_SOMALI_C = regex.compile(r"\b[cC](?=[aeiou])")
_SOMALI_OTHER = regex.compile(r"\b[cC][aeiou]|aa|ii|uu")


def _as_h(m: regex.Match[str]) -> str:
    return "H" if m.group(0) == "X" else "h"


def _letters_not_ascii(letters: dict[str, str]) -> str:
    """A pattern for one of the letters of a spelling table that are not ASCII: the letters
    that say a name is written in that spelling."""
    return "[" + "".join(regex.escape(ch) for ch in letters if not ch.isascii()) + "]"


# Letters of Turkic Latin alphabets that English spelling lacks (ş ç ğ ı İ ə: Turkish,
# Azerbaijani; Kurmanji writes ş and ç as Turkish does), and how English spells them and the
# letters these alphabets read otherwise.
_TURKIC_LETTERS = {
    "\u015e": "Sh",  # LATIN CAPITAL LETTER S WITH CEDILLA
    "\u015f": "sh",  # LATIN SMALL LETTER S WITH CEDILLA
    "\u00c7": "Ch",  # LATIN CAPITAL LETTER C WITH CEDILLA
    "\u00e7": "ch",  # LATIN SMALL LETTER C WITH CEDILLA
    "\u011e": "G",  # LATIN CAPITAL LETTER G WITH BREVE (English writes g: Erdogan)
    "\u011f": "g",  # LATIN SMALL LETTER G WITH BREVE
    "\u0131": "i",  # LATIN SMALL LETTER DOTLESS I
    "\u0130": "I",  # LATIN CAPITAL LETTER I WITH DOT ABOVE
    "\u018f": "A",  # LATIN CAPITAL LETTER SCHWA (Azerbaijani; English writes a)
    "\u0259": "a",  # LATIN SMALL LETTER SCHWA
    "C": "J",
    "c": "j",
    "X": "Kh",  # (Azerbaijani x; Turkish has none)
    "x": "kh",
}
_TURKIC_LATIN = regex.compile(_letters_not_ascii(_TURKIC_LETTERS))
# Letters of the scholarly spellings of Arabic and Persian (DIN 31635, ISO 233, the UN's
# Persian) that English spells with two letters, or with another one.
_ARABIC_LETTERS = {
    "\u01e6": "J",  # LATIN CAPITAL LETTER G WITH CARON
    "\u01e7": "j",  # LATIN SMALL LETTER G WITH CARON
    "\u1e2a": "Kh",  # LATIN CAPITAL LETTER H WITH BREVE BELOW
    "\u1e2b": "kh",  # LATIN SMALL LETTER H WITH BREVE BELOW
    "\u1e96": "kh",  # LATIN SMALL LETTER H WITH LINE BELOW
    "\u1e34": "Kh",  # LATIN CAPITAL LETTER K WITH LINE BELOW
    "\u1e35": "kh",  # LATIN SMALL LETTER K WITH LINE BELOW
    "\u1e6e": "Th",  # LATIN CAPITAL LETTER T WITH LINE BELOW
    "\u1e6f": "th",  # LATIN SMALL LETTER T WITH LINE BELOW
    "\u1e0e": "Dh",  # LATIN CAPITAL LETTER D WITH LINE BELOW
    "\u1e0f": "dh",  # LATIN SMALL LETTER D WITH LINE BELOW
    "\u0120": "Gh",  # LATIN CAPITAL LETTER G WITH DOT ABOVE
    "\u0121": "gh",  # LATIN SMALL LETTER G WITH DOT ABOVE
}
_ARABIC_LATIN = regex.compile(_letters_not_ascii(_ARABIC_LETTERS))
_ARABIC_LATIN_LETTERS = str.maketrans(_ARABIC_LETTERS)
_TURKIC_LATIN_LETTERS = str.maketrans(_TURKIC_LETTERS)
# A part of a name between double quotes or guillemets.
_QUOTED = regex.compile(
    r"[\"\u201c\u201e\u00ab]"  # QUOTATION MARK, LEFT DOUBLE, DOUBLE LOW-9, LEFT GUILLEMET
    r"[^\"\u201c\u201d\u201e\u00ab\u00bb]{1,40}"
    r"[\"\u201d\u00bb]"  # QUOTATION MARK, RIGHT DOUBLE, RIGHT GUILLEMET
)
# Letters of the Czech and ISO 9 spellings of Slavic names, the háček, ISO 9's ŝ (щ), â (я) and
# û (ю), and how English spells them and the j those spellings read as the y glide.
_SLAVIC_LETTERS = {
    "\u0160": "Sh",  # LATIN CAPITAL LETTER S WITH CARON
    "\u0161": "sh",  # LATIN SMALL LETTER S WITH CARON
    "\u017d": "Zh",  # LATIN CAPITAL LETTER Z WITH CARON
    "\u017e": "zh",  # LATIN SMALL LETTER Z WITH CARON
    "\u010c": "Ch",  # LATIN CAPITAL LETTER C WITH CARON
    "\u010d": "ch",  # LATIN SMALL LETTER C WITH CARON
    "\u015c": "Shch",  # LATIN CAPITAL LETTER S WITH CIRCUMFLEX (ISO 9 for щ)
    "\u015d": "shch",  # LATIN SMALL LETTER S WITH CIRCUMFLEX
    # ISO 9's я and ю: the y glide they open with is no slip to leave out (Ûrij is Yuri, and a
    # plain Urij would be Uri, another name); folding reads them as a and u.
    "\u00c2": "Ya",  # LATIN CAPITAL LETTER A WITH CIRCUMFLEX
    "\u00e2": "ya",  # LATIN SMALL LETTER A WITH CIRCUMFLEX
    "\u00db": "Yu",  # LATIN CAPITAL LETTER U WITH CIRCUMFLEX
    "\u00fb": "yu",  # LATIN SMALL LETTER U WITH CIRCUMFLEX
    "j": "y",
    "J": "Y",
}
_SLAVIC_LATIN = regex.compile(_letters_not_ascii(_SLAVIC_LETTERS))
_SLAVIC_LATIN_LETTERS = str.maketrans(_SLAVIC_LETTERS)


# A name that opens with a place's name in the possessive (Taiwan's, Pakistan’s), one or two
# capitalised words, and the rest: see Resolver._owned_body.
_OWNER = regex.compile(r"\s*(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)['\u2019]s\s+(\S.*?)\s*")


def _countries_named_by(entity_id: str) -> set[str]:
    """The countries (folded names of the bundled ``countries.toml``) that an ID names, one to
    four of its words: the country a table gives in the ID of a body or a place that shares its
    name with another's.

    >>> sorted(_countries_named_by("china-ministry-of-public-security"))
    ['china']
    >>> _countries_named_by("qassem-soleimani")
    set()
    """
    countries = country_names() or frozenset()
    words = entity_id.split("-")
    return {
        named
        for size in range(1, 5)
        for at in range(len(words) - size + 1)
        if (named := " ".join(words[at : at + size])) in countries
    }


def _described_as_town(name: str) -> tuple[str, str] | None:
    """A place's name and then, in lowercase, town or village, or after them and of (the town
    of Ohrid, village of Kfar Kila): a description, read as City is (Jaffna town, Panmunjom
    village); ``("city", the rest folded)``. A capitalised Town is often a word of the name
    (Cape Town, George Town, Town of Mount Royal) and is left as written.

    >>> _described_as_town("Jaffna town"), _described_as_town("Cape Town")
    (('city', 'jaffna'), None)
    >>> _described_as_town("the town of Ohrid"), _described_as_town("Town of Mount Royal")
    (('city', 'ohrid'), None)
    """
    text = name.rstrip()
    for word in _TOWN_WORDS:
        for opening in (f"the {word} of ", f"The {word} of ", f"{word} of "):
            if text.startswith(opening):
                rest = text[len(opening) :].strip()
                return None if not rest or rest.islower() else ("city", fold(rest))
    for word in _TOWN_WORDS:
        rest = text.removesuffix(word)
        if rest != text and rest[-1:].isspace() and not rest.isspace():
            rest = rest.rstrip()
            return None if rest.islower() else ("city", fold(rest))
    return None


# (string tests, not a regular expression: one with the name's words before the word
# backtracked over every space of a megabyte of them)
_TOWN_WORDS = ("town", "village")


def _places_of_adjective(word: str) -> list[str]:
    """The words a folded English adjective of a place may be made from, by its ending
    (none for a word that ends otherwise, or is too short to be one).

    >>> _places_of_adjective("kurdish"), _places_of_adjective("sudanese")
    (['kurdistan'], ['sudan'])
    >>> _places_of_adjective("syrian"), _places_of_adjective("pakistani")
    (['syria', 'syr'], ['pakistan'])
    """
    if len(word) < _ADJECTIVE_MIN or " " in word:
        return []
    out = []
    for ending, place_ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending):
            out.append(word[: len(word) - len(ending)] + place_ending)
    return out


def _adjectives_of_place(place: str) -> list[str]:
    """The English adjectives a folded place's name may make, by the endings
    :func:`_places_of_adjective` reads (its inverse).

    >>> _adjectives_of_place("kurdistan")[:2], _adjectives_of_place("sudan")[0]
    (['kurdistanese', 'kurdish'], 'sudanese')
    """
    out = []
    for ending, place_ending in _ADJECTIVE_ENDINGS:
        if place.endswith(place_ending):
            adjective = place[: len(place) - len(place_ending)] + ending
            if len(adjective) >= _ADJECTIVE_MIN:
                out.append(adjective)
    return out


# English adjectives of places, by ending, and what the place's name ends in instead: Sudanese
# (Sudan), Kurdish (Kurdistan), Iranian (Iran), Syrian (Syria), Iraqi (Iraq), Pakistani.
_ADJECTIVE_ENDINGS = (("ese", ""), ("ish", "istan"), ("n", ""), ("ian", ""), ("i", ""))
_ADJECTIVE_MIN = 5


# An apostrophe before a word's final s (see Resolver._soft_sign_before_s).
_APOSTROPHE_S = regex.compile(r"(?<=\w)'(?=s\b)")
# The last words that name an airline (see Resolver._airline_named_otherwise).
_AIRLINE_WORDS = frozenset(("air", "airlines", "airline", "airways"))
# Arabic head nouns of organisations' names, folded, and the English word the press writes after
# the name for each (see Resolver._arabic_head_noun_translated).
_ARABIC_HEAD_NOUNS = {
    **dict.fromkeys(("hizb", "hezb"), "party"),
    **dict.fromkeys(("harakat", "haraka", "harakah"), "movement"),
    **dict.fromkeys(("jabhat", "jabha", "jabhah"), "front"),
    **dict.fromkeys(("jaysh", "jaish", "jeish"), "army"),
    **dict.fromkeys(("liwa", "liwaa"), "brigade"),
    **dict.fromkeys(("firqat", "firqa", "firqah"), "division"),
    **dict.fromkeys(("kataib", "katibat"), "brigades"),
    "katiba": "battalion",
    "tanzim": "organization",
}
# The article of another language before a name (see Resolver._foreign_article_set_aside):
# French le, la, les in lowercase before a capital, l' before a letter (normalize writes every
# apostrophe so); Hebrew ha hyphenated, or joined to a capital in the Israeli style (HaLikud).
_FOREIGN_ARTICLE = regex.compile(
    r"(?:(?:le|la|les) (?=\p{Lu})|[lL]'(?=\p{L})|[hH]a(?:-(?=\p{L})|(?=\p{Lu})))"
)


def _through_designator(found: Match, query: str) -> Match:
    """``found``, met for ``query`` once a word that says what or whose the entity is was set
    aside or read (a designator, a description, an owner, a place's adjective): method
    ``designator``, at most its score."""
    return replace(
        found, query=query, method="designator", score=min(found.score, _DESIGNATOR_SCORE)
    )


def _as_folded(found: Match, query: str) -> Match:
    """A literal hit ``found`` for a reading of ``query`` (its dots, its article or its bracket
    set aside): method ``folded``, at most 0.995, never an exact hit."""
    return replace(found, query=query, method="folded", score=min(found.score, 0.995))


# What kind of body an organisation is, as a lowercase description after its name ends (see
# Resolver._described_body), and how many words such a description has at most.
_BODY_KINDS = frozenset(("agency", "corporation", "company"))
# and what kind of body it is in one word, a description only alone (see _described_body)
_BODY_KIND_WORDS = frozenset(
    ("party", "movement", "militia", "group", "rebels", "fighters", "forces")
)
_DESCRIPTION_WORDS = 3

# A name and then a bracketed word of capitals (and dots, hyphens, an ampersand), its acronym.
# A place, then, after a comma or in brackets, where it is: see Resolver._place_in_named_country.
_LOCATED_PLACE = regex.compile(r"\s*([^,()]*?\S)\s*(?:,\s*([^,()]*?\S)|\(\s*([^,()]*?\S)\s*\))\s*")
_BRACKETED_ACRONYM = regex.compile(r"\s*(.*?\S)\s*\(\s*(\p{Lu}[\p{L}.&-]{1,11})\s*\)\s*")


def _initials(name: str) -> tuple[str, str]:
    """The first letters of the words of ``name``, folded: of all of them, and of all but its
    articles and connecting words (of, the, and; the e of Ulema-e-Islam). An acronym is made
    either way: ISIL of the Islamic State of Iraq and the Levant, MEK of Mujahedin-e Khalq.

    >>> _initials("Hayat Tahrir al-Sham"), _initials("Jamiat Ulema-e-Islam")
    (('htas', 'hts'), ('juei', 'jui'))
    """
    words = [w for w in regex.split(r"[\s\-]+", fold(name)) if w]
    every = "".join(w[0] for w in words)
    content = "".join(
        w[0] for w in words if len(w) > 1 and w not in ARTICLES and w not in _CONNECTING_WORDS
    )
    return every, content


# Words that an acronym may leave out: Islamic State of Iraq and the Levant, ISIL.
_CONNECTING_WORDS = frozenset(("of", "the", "and", "for", "in", "on", "de", "du", "des", "la"))


# The longest word read as a syllable of a name written apart, and how many such words (see
# _syllables_of_one_word).
_SYLLABLE_WORD = 4
_SYLLABLES = 3


def _joined_syllables(name: str) -> str:
    """A name of two or three words, folded, written as one word (``shanxi`` for Shan Xi);
    "" for any other name, or one that makes a word of under six letters."""
    folded = fold(name)
    if " " not in folded or folded.count(" ") > 2 or len(folded) < 7:
        return ""
    return folded.replace(" ", "")


def _written_form(name: str) -> str:
    """The query as written, up to typography and case: what an exact hit must equal."""
    return normalize(name).casefold()


def _readings(name: str) -> list[ParsedName]:
    """The query as parsed, plus a reading with a joined article split off (Alqaeda, Elsisi)."""
    parsed = parse(name)
    out = [parsed] if parsed.tokens else []
    # Folding drops the comma of "ELKADDAFI, Muhammad": the name in its natural order keeps
    # the roles the comma gave (a family name stays the family name).
    folded = parsed.folded() if parsed.inverted else fold(name)
    if _JOINED_ARTICLE.search(folded):
        split = parse(_JOINED_ARTICLE.sub(r"\1-\2", folded))
        if split.tokens and split.tokens != parsed.tokens:
            out.append(split)
    for respelt in _respellings(name):
        other = parse(respelt)
        if other.tokens and all(other.tokens != o.tokens for o in out):
            out.append(other)
    return out


def _respellings(name: str) -> list[str]:
    """Other ways to read the letters of ``name`` that folding would lose (see ``_readings``).

    >>> _respellings('Joaquín "El Chapo" Guzmán'), _respellings("Mäläs Zenawi")
    (['Joaquín Guzmán'], ['Meles Zenawi'])
    """
    out = []
    if _SLAVIC_LATIN.search(name):
        out.append(_english_of_slavic_latin(name))
    if "\u00e4" in name or "\u00c4" in name:
        # ä is e in German and in the scholarly spelling of Amharic and Tigrinya (Mäläs
        # Zenawi, Mäqälä); folding makes it a, as Finnish names are written in English.
        out.append(name.replace("\u00e4", "e").replace("\u00c4", "E"))
    if _SOMALI_X.search(name) and _SOMALI_OTHER.search(name):
        # Somali spelling (Maxamed Cabdullaahi, Axmed Cabdi): x is the Arabic ḥ, English h;
        # c is the ʿayn, which English leaves out. Told by an x after a vowel or opening a word,
        # and a c before a vowel opening a word or a long vowel written double.
        out.append(_SOMALI_C.sub("", _SOMALI_X.sub(_as_h, name)))
    if _ARABIC_LATIN.search(name):
        # The scholarly spelling of Arabic and Persian (DIN 31635, ISO 233): ǧ is English j,
        # ḫ kh, ṯ th, ḏ dh, ġ gh (Manbiǧ, Ḫālid), which folding reads as g, h, t, d and g.
        out.append(name.translate(_ARABIC_LATIN_LETTERS))
    if _TURKIC_LATIN.search(name):
        # Turkish, Azerbaijani and Kurmanji spelling (Cemil Bayık, Ceyhun Bayramov, Xankəndi):
        # c is English j, and Azerbaijani x is kh; folding keeps c and x, and reads ş and ç as
        # s and c.
        out.append(name.translate(_TURKIC_LATIN_LETTERS))
    if _QUOTED.search(name):
        # A nickname quoted inside a name (Joaquín "El Chapo" Guzmán) is not part of it.
        out.append(" ".join(_QUOTED.sub(" ", name).split()))
    return out


# A j that is no English j: not after d, where it is the j of French dj (Djibouti, Djamel),
# unless a u follows, the German dju of Russian дю (Djumin for Dyumin).
_OTHER_J = regex.compile(r"(?<![dD])[jJ]|(?<=[dD])[jJ](?=[uU])")
# A c before a vowel, which English spelling of these languages' names never writes: the j of
# Turkish, Azerbaijani and Kurmanji written without their other letters (Cemil, Ceyhun).
_TURKISH_C = regex.compile(r"(?<![sS])[cC](?=[aeiouAEIOU])")
# An x beside a vowel: the kh (Russian х, Arabic خ) of the Latin alphabets of Azerbaijani,
# Uzbek, Uyghur and Kurmanji (Naxcivan, Xorazm, Toxti, Zaxo), which English writes kh or h.
_TURKIC_X = regex.compile(r"[xX](?=[aeiouAEIOU])|(?<=[aeiouAEIOU])[xX]")
# A word of a name, apostrophes inside it (Ja'far, Kata’ib): what folding makes one word.
_WORD = regex.compile(r"\p{L}+(?:[" + regex.escape("".join(APOSTROPHES)) + r"]\p{L}+)*")
# (letters, read as, in a name written in capitals)
_OTHER_LETTERS = (
    (_OTHER_J, "y", "Y"),  # German, Dutch, Polish, Scandinavian
    (_OTHER_J, "kh", "KH"),  # Spanish
    (_TURKISH_C, "j", "J"),  # Turkish
    (_TURKIC_X, "kh", "KH"),  # Azerbaijani, Uzbek, Uyghur, Kurmanji
    (_TURKIC_X, "h", "H"),  # and as English writes their kh (Tohti, Hotan)
)


def _other_letter_readings(name: str) -> list[tuple[str, list[str]]]:
    """``name`` with every j read as the y glide, as German, Dutch, Polish and the
    Scandinavian languages write it (Jahja Sinwar, Juri, Kijiw, Jaroslawl); with every j read
    as the kh of Arabic, Persian and Russian, as Spanish writes it (Jartum, Jan Yunis, Jerson,
    Jodorkovski); and with a c before a vowel read as j, as Turkish writes it (Cemil, Ceyhun).
    Each with its folded words that the reading changed.

    Not a Chinese or Korean name read family name first, whose j and c are their own (Li Jun
    is not Li Yun, Kim Jong-chol not Kim Yong-chol).

    >>> _other_letter_readings("Jahja Sinwar")
    [('Yahya Sinwar', ['yahya']), ('Khahkha Sinwar', ['khahkha'])]
    >>> _other_letter_readings("Ceyhun Bayramov"), _other_letter_readings("Li Jun")
    ([('Jeyhun Bayramov', ['jeyhun'])], [])
    """
    found = [(p, lower, upper) for p, lower, upper in _OTHER_LETTERS if p.search(name)]
    if not found:
        return []
    parsed = parse(name)
    if reads_family_first(parsed.tokens):
        return []
    # Only the words that name, and are no curated name as written: a suffix (Jr.) or a legal
    # form (Co.) is English, and Jasim is Jasim (read with a y, it would meet Asim).
    naming = {
        t.text
        for t in parsed.tokens
        if t.role not in ("suffix", "generic") and name_of(orth(t.text)) is None
    }
    capitals = name.isupper()
    words = [w for w in _WORD.finditer(name) if fold(w.group(0)) in naming]
    out = []
    for pattern, lower, upper in found:
        written = upper if capitals else upper.capitalize()
        pieces: list[str] = []
        changed: list[str] = []
        end = 0
        for word in words:
            text = word.group(0)
            if pattern.search(text):
                text = _with_letters(pattern, text, lower, written)
                pieces += [name[end : word.start()], text]
                changed.append(fold(text))
                end = word.end()
        if changed:
            out.append(("".join(pieces) + name[end:], changed))
    return out


# Belarusian in its national romanisation (2007; Belarusian passports) beside the Russian
# spelling English gives the same name: дз and ц before a soft vowel written dz and ts where
# Russian has д and т (Lidziya, Lidiya; Tsertsel, Tertel), ў after a vowel written u where
# Russian has в (Karpiankou, Karpenkov; Halouchanka, Golovchenko), and г written h where Russian
# has g. A name holding one of the first three is read so (h alone is English's and Arabic's).
_BELARUSIAN_MARK = regex.compile(r"(?i)dz|ts(?=[eiy])|(?<=[aeo])u(?![aeiouy])")
_BELARUSIAN_LETTERS = regex.compile(r"(?i)dz|ts(?=[eiy])|(?<=[aeo])u(?![aeiouy])|(?<![cgkstzd])h")
_RUSSIAN_OF_BELARUSIAN = {"dz": "d", "ts": "t", "u": "v", "h": "g"}


def _belarusian_reading(name: str) -> tuple[str, list[str]] | None:
    """``name``, a Belarusian name in Latin letters or Cyrillic, with its Belarusian letters
    read as the Russian spelling of the name writes them (see ``_BELARUSIAN_MARK``), and its
    folded words that the reading changed; None when it holds no Belarusian letter.

    >>> _belarusian_reading("Raman Halouchanka"), _belarusian_reading("Іван Церцель")
    (('Raman Galovchanka', ['galovchanka']), ('Ivan Tertel', ['tertel']))
    >>> _belarusian_reading("Hamid Karzai") is None
    True
    """
    latin = name if name.isascii() else to_ascii(name).replace("'", "")
    if not _BELARUSIAN_MARK.search(latin):
        return None
    changed: list[str] = []

    def russian(word: regex.Match[str]) -> str:
        text = word.group(0)
        respelt = _BELARUSIAN_LETTERS.sub(_russian_letter, text)
        if respelt != text:
            changed.append(fold(respelt))
        return respelt

    respelt = _WORD.sub(russian, latin)
    return (respelt, changed) if changed else None


def russian_of_belarusian(word: str) -> str | None:
    """A folded word in Belarusian's national romanisation with its Belarusian letters read as
    the Russian spelling of the name writes them (see ``_BELARUSIAN_MARK``), or None when it
    holds no Belarusian letter: what ``check``'s word rules read (Tsikhanouskaya,
    Tikhanovskaya).

    >>> russian_of_belarusian("tsikhanouskaya"), russian_of_belarusian("karzai")
    ('tikhanovskaya', None)
    """
    if not _BELARUSIAN_MARK.search(word):
        return None
    return _BELARUSIAN_LETTERS.sub(_russian_letter, word)


def _russian_letter(found: regex.Match[str]) -> str:
    letters = _RUSSIAN_OF_BELARUSIAN[found.group(0).lower()]
    return letters.upper() if found.group(0)[0].isupper() else letters


def _keys_of(word: str) -> tuple[str, ...]:
    """The transliteration keys of a folded word: its key, and for a word that opens with je
    (read as the Cyrillic е) its key with the j read as a j (Jemal, Jamal)."""
    key = token_key(word)
    return (key, "j" + token_key(word[1:])) if word.startswith("je") else (key,)


def _respelt_words_met(changed: list[str], detail: NameScore) -> bool:
    """Whether a word the reading changed is, in the alias it met, a spelling of the word it
    pairs with: the reading made a word of the name a table word, not merely brought the name
    nearer to one (Hunjin read Hunyin is no Ronin)."""
    paired = {q.text: sim for q, _, sim in detail.pairs}
    return any(paired.get(word, 0.0) >= _RESPELT_WORD for word in changed)


def _with_letters(pattern: regex.Pattern[str], text: str, lower: str, upper: str) -> str:
    """``text`` with what ``pattern`` finds written ``lower``, or ``upper`` where it is a
    capital."""
    return pattern.sub(lambda m: lower if m.group(0).islower() else upper, text)


def _english_of_slavic_latin(name: str) -> str:
    """A name in Czech or ISO 9 spelling (``Sergej Šojgu``, ``Čečnja``, ``Nikita Chruščov``,
    ``Ûrij``) as English writes it: folding reads š as s, but it is sh, and û as u, but it is yu.

    The háček says which spelling the whole name is in: one where j is the y glide and
    Czech ch is the Russian х, English kh.

    >>> _english_of_slavic_latin("Sergej Šojgu"), _english_of_slavic_latin("Chruščov")
    ('Sergey Shoygu', 'Khrushchov')
    >>> _english_of_slavic_latin("Ûrij Kovalʹčuk")
    'Yuriy Kovalʹchuk'
    """
    name = name.replace("ch", "kh").replace("Ch", "Kh").replace("CH", "KH")
    return name.translate(_SLAVIC_LATIN_LETTERS)


def _parsed_key(parsed: ParsedName) -> str:
    return " ".join(sorted(token_form(t) for t in parsed.content))


def _cuts(text: str, most: int) -> list[tuple[str, ...]]:
    """Every way to cut ``text`` into at most ``most`` non-empty pieces, in order."""
    if most <= 1 or len(text) <= 1:
        return [(text,)]
    out: list[tuple[str, ...]] = [(text,)]
    for i in range(1, len(text)):
        out += [(text[:i], *rest) for rest in _cuts(text[i:], most - 1)]
    return out


class _QueryWord:
    """One query word's groups (see :meth:`Resolver._word_groups`): ``own``, and ``near``
    (``None`` until :meth:`Resolver._near_group` builds it), with the ``extra`` sets that both
    hold."""

    __slots__ = ("extra", "near", "own", "text")

    def __init__(
        self, text: str, own: _Group, near: _Group | None, extra: list[frozenset[int]]
    ) -> None:
        self.text = text
        self.own = own
        self.near = near
        self.extra = extra

    def add(self, more: list[frozenset[int]]) -> None:
        """Add ``more`` extra sets to both groups (and to the near one when it is built)."""
        if self.near is self.own:
            self.own = self.near = self.own.plus(more)
        else:
            self.own = self.own.plus(more)
            if self.near is not None:
                self.near = self.near.plus(more)
        self.extra = self.extra + more


class _Group:
    """The aliases holding a word like one query word: the postings of vocabulary entries.

    ``postings[:len(vids)]`` are the postings of the vocabulary entries ``vids``; any after
    them are extra sets (aliases holding two table words the query wrote as one).
    """

    __slots__ = ("postings", "vids")

    def __init__(self, postings: list[frozenset[int]], vids: tuple[int, ...]) -> None:
        self.postings = postings
        self.vids = vids

    def size(self) -> int:
        return sum(map(len, self.postings))

    def plus(self, extra: list[frozenset[int]]) -> _Group:
        return _Group(self.postings + extra, self.vids)


def _pair_index(
    postings: list[list[int]], alias_folded: list[str], word_vids: dict[str, tuple[int, ...]]
) -> tuple[bytearray, dict[int, tuple[int, ...]]]:
    """The aliases holding two common words, for every pair of common words that meets.

    Two common words (a given name like Mohammed is in thousands of names of a table of a
    million) are the costliest intersection a query makes, and a misspelt one is widened to
    its dozens of look-alikes, each another such intersection. Filed by pair, each is one
    look-up. Only
    words in at least ``_PAIR_MIN`` aliases are paired: an intersection with a rarer word
    costs at most that many probes in C, and pairing them all would cost a table's worth of
    memory. Keys are ``a * len(postings) + b`` for vocabulary entries ``a < b``.
    """
    common = bytearray(len(postings))
    for v, p in enumerate(postings):
        if len(p) >= _PAIR_MIN:
            common[v] = 1
    # A word's common vocabulary entries, once per word.
    word_common = {
        w: c for w, vids in word_vids.items() if (c := tuple(v for v in vids if common[v]))
    }
    width = len(postings)
    paired: dict[int, list[int]] = {}
    if len(word_common) < 2:  # a small table (a few hundred names) has no common words
        return common, {}
    for i, folded in enumerate(alias_folded):
        found = [v for w in folded.split() if (held := word_common.get(w)) for v in held]
        if len(found) < 2:
            continue
        if len(found) == 2:  # the usual case: two common words, one pair
            a, b = found
            if a == b:
                continue
            keys = [a * width + b if a < b else b * width + a]
        else:
            found = sorted(set(found))
            keys = [a * width + b for x, a in enumerate(found) for b in found[x + 1 :]]
        for key in keys:
            aliases = paired.get(key)
            if aliases is None:
                paired[key] = [i]
            else:
                aliases.append(i)
    # Tuples: most pairs are held by one or two aliases, and a tuple of one is a quarter of a
    # frozenset of one; a query only ever adds them to a set.
    return common, {k: tuple(v) for k, v in paired.items()}


def _resolve_chunk(resolver: Resolver, names: list[str]) -> list[Match | None]:
    """In a forked worker: a chunk of :meth:`Resolver.resolve_many`'s names, resolved."""
    return [resolver.resolve(n) for n in names]


def _word_vids(word: str, vocab: dict[str, int], postings: list[list[int]]) -> tuple[int, ...]:
    """The vocabulary entries a folded word of an alias is filed under (new ones are added).

    A word is filed under its transliteration key; a joined ʿAbd or Abu compound (Abdelfattah,
    Abubakr) also under the key of the name it governs (fattah, bakr), the token ``parse``
    makes of it, so that "Abdel Fattah" and "Abu Bakr" meet it.
    """
    forms = [word]
    joined = joined_particle(word)
    if joined:
        forms.append(joined[1])
    out = []
    for form in forms:
        k = token_key(form)
        v = vocab.get(k)
        if v is None:
            v = vocab[k] = len(postings)
            postings.append([])
        if v not in out:
            out.append(v)
    return tuple(out)


def _inner_swaps(word: str) -> set[str]:
    """``word`` with two different neighbouring letters swapped, in each place but the ends.

    The first letter stays, and the last unless it and the one before make a slip there (see
    :func:`canonym.similarity.ending_swap_is_slip`), as the scorer reads them: a swap there
    makes another name (Ahmad, Hamad; Fadi, Faid), while Holdign is Holding and Macua Macau.

    >>> sorted(_inner_swaps("cryil")), sorted(_inner_swaps("holdign"))
    (['criyl', 'cyril'], ['hlodign', 'hodlign', 'holdgin', 'holding', 'holidgn'])
    """
    # The rule of similarity._swapped_neighbours, written as a generator rather than asked of
    # every swap: the predicate's Python loop over a word's letters made a 10,000-letter
    # query word take seconds. Its vowels are the scorer's own.
    last = len(word) - 2
    return {
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(1, len(word) - 1)
        if word[i] != word[i + 1]
        and (i < last or ending_swap_is_slip(word[i], word[i + 1], len(word)))
    }


def _neighbourhood(k: str) -> list[str]:
    """A key and, when it is long enough to survive it, the key with each letter deleted.

    Two keys one edit apart (a changed, dropped, added or swapped letter) share an entry.
    Keys of three letters or fewer are met only whole: one edit in them is another name; so
    are keys longer than any name's word.
    """
    if len(k) < _MIN_NEIGHBOURHOOD_KEY or len(k) > _LONGEST_WORD:
        return [k]
    return [k, *{k[:i] + k[i + 1 :] for i in range(len(k))}]


def _skeletons_of(parsed: ParsedName) -> set[str]:
    """The consonants of a parsed name's words (see :func:`_word_skeletons`), one after
    another, each with its particle, as an abjad writes them (عبد الله, Abdullah; بنت جبيل,
    Bint Jbeil), a letter doubled across two words written once: one skeleton, or more for a
    name with a word read two ways (see :func:`_word_skeletons`)."""
    tokens = [t for t in parsed.tokens if t.role != "suffix"]
    if len(tokens) > 1:
        # The Persian and Urdu izafe (Lashkar-e-Taiba, Hizb-e-Islami), a vowel that the
        # script leaves unwritten (لشکر طیبہ), is no word of the skeleton.
        tokens = [t for t in tokens if t.particle or t.text not in _IZAFE] or tokens
    words = [_word_skeletons(t.particle + t.text) for t in tokens]
    return {_undoubled("".join(chosen)) for chosen in product(*words)}


def _word_skeletons(word: str) -> tuple[str, ...]:
    """The consonant skeleton of a folded word (see :func:`consonant_skeleton`), and other
    readings of its letters that an abjad writes otherwise:

    - a word that opens with je, which ``orth`` reads as the Cyrillic е (Jelzin, Yeltsin),
      with its j, as an abjad writes Jenin (جنين) and Jeddah (جدة);
    - a zh inside a word, which ``orth`` reads as one sound (ژ, the s of pleasure), as the z
      and h of Arabic names (Azhar, اظهر; Mazhar; Izhar).

    >>> _word_skeletons("jenin"), _word_skeletons("azhar"), _word_skeletons("soleimani")
    (('n', 'jn'), ('jr', 'dr'), ('slmn',))
    """
    own = consonant_skeleton(word)
    out = [own]
    if word[:2] == "je":
        out.append(key_skeleton("j" + token_key(word[1:])))
    if "zh" in word[1:]:
        out.append(consonant_skeleton(word[0] + word[1:].replace("zh", "z")))
    return tuple(dict.fromkeys(out))


def _second_readings(text: str) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    """``text`` as written, and, when it holds letters of two sounds (of an abjad, or Indic),
    with each kind of them read as its other sound, alone or with the others (see
    _SECOND_SOUNDS), the readings of fewer letters first; each with the Latin letters that a
    name met through it must hold, one of each tuple.

    >>> _second_readings("שדרות")
    [('שדרות', ()), ('sדרות', (('s',),))]
    >>> len(_second_readings("יואב גלנט")), _second_readings("دبي")
    (2, [('دبي', ())])
    >>> [reading for reading, _ in _second_readings("جبهة النصرة")][:2]
    ['جبهة النصرة', 'جبهت النصرة']
    >>> len(_second_readings("ב פ ש ج ة ज श"))  # text of three scripts: three kinds only
    8
    """
    # (At most three kinds, 8 readings, each a search of the table: a name is in one script,
    # whose kinds are three at most; text that mixes scripts would otherwise cost 2**7.)
    kinds = [kind for kind in _SECOND_SOUNDS if kind[0].search(text)][:_MOST_SECOND_SOUNDS]
    if not kinds:
        return [(text, ())]
    readings: dict[str, tuple[tuple[str, ...], ...]] = {}
    for chosen in product((False, True), repeat=len(kinds)):
        reading = text
        latin: list[tuple[str, ...]] = []
        for (letters, sound, written), read in zip(kinds, chosen, strict=True):
            if read:
                changed = letters.sub(sound, reading)
                if changed != reading:
                    reading = changed
                    latin.append(written)
        readings.setdefault(reading, tuple(latin))
    return list(readings.items())


def _script_word_alike(script: str, latin: str) -> bool:
    """Whether a word of a name in an abjad is a folded Latin word of a name (for
    :meth:`Resolver._named_in_another_language`): one consonant skeleton, of two consonants or
    more, the Latin word's or, for a place's adjective, its stem's (سوريا, Syrian; ليبي,
    Libyan; حقاني, Haqqani).

    >>> _script_word_alike("سوريا", "syrian"), _script_word_alike("سوريا", "serbian")
    (True, False)
    >>> _script_word_alike("إسلام", "islamic")
    False
    """
    skeleton = _abjad_skeleton(script)
    if len(skeleton) < 2:
        return False
    stems = [latin]
    if names_a_place(latin):  # (not any word: Islam is no Islamic, جيش الإسلام no Islamic Army)
        stems += [latin[: -len(e)] for e in DEMONYM_SUFFIXES if latin.endswith(e)]
    return any(consonant_skeleton(stem) == skeleton for stem in stems if len(stem) >= 3)


def _abjad_skeleton(word: str, drop: dict[int, int | None] = _DROP_FOR_SKELETON) -> str:
    """The consonant skeleton of a word in an abjad, read letter by letter (ز and ه are z and h,
    not the digraph zh of ژ), as :func:`consonant_skeleton` reads a Latin word: a word of no
    consonant keeps its first letter's class. (``drop``: the classes left out.)

    >>> _abjad_skeleton("زاهدان"), consonant_skeleton("zahedan")
    ('dn', 'dn')
    """
    letters = [fold(ch) for ch in word]
    if _INDIC.search(word):
        # unidecode writes the Indic letter ca (च চ) as c, as the scholars' transliteration
        # does; English spellings write it ch (Chandigarh, Chattogram), as they write cha (छ).
        letters = ["ch" if f == "c" else f for f in letters]
    keys = [token_key(f) for f in letters if f]
    skeleton = _undoubled("".join(k.translate(drop) for k in keys))
    return skeleton or (keys[0][:1] if keys else "")


# The classes a skeleton drops but the labials' (f, v, w), kept where a skeleton of one consonant
# says too little (see _skeleton_hits).
_DROP_BUT_LABIALS = str.maketrans("", "", "auh")
# A waw (و, and the Kurdish ۆ and ۇ) after a letter and before no alif: a long vowel, or a w.
_VOWEL_WAW = regex.compile("(?<=\\p{L})[\u0648\u06c6\u06c7](?![\u0627\u0622\u0623])")


def _labial_skeleton(text: str) -> str:
    """The consonants of a name, its f, v and w kept, its words one after another (see
    _skeleton_hits): Fes is vs, Oxus s.

    >>> _labial_skeleton("Fes"), _labial_skeleton("Oxus")
    ('vs', 's')
    """
    keys = [token_key(t.particle + t.text) for t in parse(text).tokens if t.role != "suffix"]
    return _undoubled("".join(k.translate(_DROP_BUT_LABIALS) for k in keys))


# The izafe of Persian and Urdu names in Latin letters, a word of its own (Lashkar-e-Taiba).
_IZAFE = frozenset(("e", "i"))
# The consonants of the kin and ʿAbd particles (abd: bd, bin: bn, bint: bnt, abu: b).
_PARTICLE_SKELETONS = frozenset(consonant_skeleton(p) for p in set(PARTICLES.values()))
