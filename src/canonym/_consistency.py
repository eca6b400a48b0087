"""Group the names of a draft and decide what to report: the core of :func:`canonym.check`.

Mentions (from :mod:`canonym.mentions`) are put in *groups*, one per name:

- a known entity's mentions form one group whose house style is the table ``name`` and its
  ``short`` forms, in the draft's letters, or a listed spelling the draft prefers (see
  _in_the_drafts_spelling, _with_the_drafts_letters) (a curated ``alias`` that is a different
  name, such as a birth name or an acronym, forms a group of its own, whose house style is
  that alias as written, or the entity's first alias that it is a spelling of);
- an unknown mention joins the one group (known or unknown) whose spelling it varies by the word
  rules of :mod:`canonym._spelling`, or whose words it repeats (a second reference: ``Ridha`` of
  ``Mohammed Ridha Jabri``); failing that it may be tied to the table by its transliteration key
  or the resolver; the unknown mentions left over are clustered among themselves.

A group spelled two or more ways is *inconsistent*: every mention that is not in its house style
is a :class:`Finding`. For an unknown name the house style is the draft's dominant spelling (most
full mentions; ties: the first).

Mentions come as (offset, mention) pairs, a repeated run's mention being the same object each
time (:meth:`NameIndex.scan`), and they are taken in text order, as the rules require; what a
decision depends on is remembered with what it was decided on (a mention's group; the groups its
spelling fits, until a new spelling is filed under its block keys; its tie to the table, until a
new entity joins the draft), so that each distinct name is worked out once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex
from rapidfuzz import fuzz, process

from ._compare_words import hyphenated_wade_giles_names, wade_giles_names
from ._spelling import (
    ALIKE,
    FIELD_ORDER,
    NASAB_WORDS,
    Shape,
    alias_is_spelling,
    block_keys,
    compare,
    demonym_of,
    display,
    is_reference,
    joined_alike,
    key_tie_holds,
    lookup_keys,
    may_relate,
    name_words,
    relation,
    repeats_words,
    shape,
    spelling_key,
    suggest,
    usable_name,
    word_forms,
)
from .mentions import Mention, NameIndex, compact_forms
from .normalize import fold, normalize, to_ascii
from .parse import ARTICLES, DESIGNATORS, GENERIC
from .resolver import MAX_NAME_WORDS, place_adjective
from .similarity import word_similarity
from .table import Entity

# A name written in another script than the Latin (a gloss: "Ilham Aliyev (Ильхам Алиев)") is
# no spelling of the draft's: an editor does not respell it, and it sets no house style.
_LATIN_LETTER = regex.compile(r"\p{Latin}")

__all__ = ["Finding", "Judge"]

# Words that say what a name names (Base, Forces, Party): two names that share one are not
# thereby one family's or one place's.
_NOT_NAME_WORDS = DESIGNATORS | GENERIC

_Occurrence = tuple[int, Mention]  # (offset, mention whose spans are relative to the offset)


@dataclass(frozen=True)
class Finding:
    """One name to fix in a draft.

    ``start``/``end`` are offsets into the text exactly as given (``text == draft[start:end]``);
    ``line`` and ``column`` are 1-based, counted in code points, with ``\\n``, ``\\r\\n`` and a lone
    ``\\r`` each ending a line. ``kind`` is ``inconsistent`` or ``variant``; ``entity_id`` is
    ``None`` for a name that is not in the table.
    """

    start: int
    end: int
    text: str
    line: int
    column: int
    suggestion: str
    entity_id: str | None
    message: str
    kind: str

    def as_dict(self) -> dict[str, object]:
        """The finding as a JSON-ready dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "line": self.line,
            "column": self.column,
            "kind": self.kind,
            "suggestion": self.suggestion,
            "entity_id": self.entity_id,
            "message": self.message,
        }


@dataclass(slots=True)
class _Member:
    base: int  # the mention's spans are relative to this offset (see NameIndex.scan)
    mention: Mention
    key: str  # the spelling key
    status: str = "full"  # full | partial | ref

    @property
    def start(self) -> int:
        return self.base + self.mention.start


@dataclass
class _Group:
    entity: Entity | None
    house: list[str]  # house-style spellings; empty for an unknown name until decided
    members: list[_Member] = field(default_factory=list)
    tie: bool = False  # an unknown name's house spelling won a tie (it comes first)


# how a spelling relates to the groups of a form index: (verdict, group, how); see verdict()
_Verdict = tuple[str, "_Group | None", str]


class _FormIndex:
    """The spellings of groups, filed by block key, to find the groups a mention may belong to."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[tuple[str, _Group]]] = {}
        self._seen: set[tuple[str, int]] = set()
        self._verdicts: dict[str, tuple[tuple[int, ...], _Verdict]] = {}
        # form -> its shape, for candidates: a plain dict, read without the reordering that a
        # hit in shape's own (LRU) cache costs
        self._shapes: dict[str, Shape] = {}

    def add(self, form: str, group: _Group) -> None:
        if (form, id(group)) in self._seen:
            return
        self._seen.add((form, id(group)))
        for k in block_keys(form):
            self._by_key.setdefault(k, []).append((form, group))

    def add_group(self, group: _Group) -> None:
        for form in group.house:
            self.add(display(form), group)
        for text in {m.mention.text for m in group.members if not m.mention.caps}:
            self.add(display(text), group)

    def candidates(self, written: str) -> Iterator[tuple[str, _Group, Shape]]:
        """The forms filed under the block keys of ``written`` that may relate to it (see
        ``may_relate``), with their groups and shapes, in the order of its keys and of filing;
        a form filed under two of its keys comes twice (its verdict is the same both times)."""
        # may_relate(shape(written), shape(form)), written out: this loop is a hot spot, and
        # most forms fail all its tests (test_check_fast_bounds checks that the two agree).
        # (words <= own_words <= words | NASAB_WORDS is _holds_nasab_particles_more's test.)
        # (n > 0 and tokens[-n:] == own_tokens) is may_relate's 0 < n <= len(tokens) and
        # tokens[len(tokens) - n :] == own_tokens: fewer tokens than n slice to a shorter tuple.
        own_words, own_n_words, _, own_tokens, own_joined, _, own_keys = shape(written)
        n = len(own_tokens)
        shapes = self._shapes
        for k in lookup_keys(written):
            for form, group in self._by_key.get(k, ()):
                # (a form's shape is worked out when first compared: most never are)
                found = shapes.get(form)
                if found is None:
                    found = shapes[form] = shape(form)
                words, n_words, _, tokens, joined, _, keys = found
                if (
                    (own_n_words < n_words and own_words <= words)
                    or (n_words < own_n_words and words <= own_words <= words | NASAB_WORDS)
                    or own_joined == joined
                    or (n > 0 and tokens[-n:] == own_tokens)
                    or (own_keys and not own_keys.isdisjoint(keys))
                ):
                    yield form, group, found

    def verdict(self, written: str) -> _Verdict:
        """How ``written`` relates to the groups filed here: ``("ref", group, "")`` (it
        repeats the words, or the very spelling, of one group), ``("variant", group, how)``
        (it spells one group's name another way), ``("left", None, "")`` (it fits two groups)
        or ``("", None, "")``.

        Remembered per spelling until a form is filed under one of its block keys: the lists
        only grow, so equal lengths mean the same candidates, in the same order."""
        keys = lookup_keys(written)
        by_key = self._by_key
        state = tuple([len(by_key[k]) if k in by_key else 0 for k in keys])
        kept = self._verdicts.get(written)
        if kept is not None and kept[0] == state:
            return kept[1]
        refs: dict[int, _Group] = {}
        variants: dict[int, tuple[_Group, str]] = {}
        shorter: dict[int, list[str]] = {}  # per group, the forms ``written`` is shorter than
        own = shape(written)
        for form, group, form_shape in self.candidates(written):
            # compare(written, form), else "full" if joined_equal(written, form)
            how = relation(written, form, own, form_shape)
            if how == "ref" or (how is not None and spelling_key(form) == spelling_key(written)):
                refs[id(group)] = group
            elif how is not None:
                variants.setdefault(id(group), (group, how))
                if how != "full":
                    shorter.setdefault(id(group), []).append(form)
        verdict: _Verdict
        if refs:
            verdict = (
                ("left", None, "") if len(refs) > 1 else ("ref", next(iter(refs.values())), "")
            )
        elif len(variants) > 1 and _one_spelt_whole(variants):
            # Another spelling of one group's whole name, and only a shorter spelling of the
            # others' (Hizbollah beside Hezbollah and Kataib Hezbollah): the whole name is meant.
            ((group, how),) = [v for v in variants.values() if v[1] == "full"]
            verdict = ("variant", group, how)
        elif len(variants) > 1:
            # Close to the names of two groups: it refers to neither for sure. But when it is
            # a shorter reference that both spell alike (Daglo, beside the brothers Mohamed
            # and Abdelrahim Hamdan Dagalo), the word is misspelt whichever it means.
            shared = {suggest(written, [f]) for forms in shorter.values() for f in forms}
            if len(shared) > 1 and len({w.casefold() for w in shared}) == 1:
                # one of them in capitals (a signature, a heading): the word the text spells
                shared = {min(shared, key=str.isupper)}
            (word,) = shared if len(shared) == 1 and len(shorter) == len(variants) else ("",)
            if word and not _NOT_NAME_WORDS.isdisjoint(word_forms(word)):
                word = ""  # a word of what the names are, not of who (Air Base, Armed Forces)
            verdict = ("shared", None, word) if word else ("left", None, "")
        elif variants:
            ((group, how),) = variants.values()
            verdict = ("variant", group, how)
        else:
            verdict = ("", None, "")
        self._verdicts[written] = (state, verdict)
        return verdict


class _Forms:
    """The (joined class key, folded form) pairs of some names, kept to ask whether any is
    alike a name (``alike``): its joined forms once each, and those without white space also by
    length, in a list that ``add`` keeps sorted."""

    __slots__ = ("_by_length", "_lengths", "_spaced", "folds", "joins")

    def __init__(self, forms: Iterable[tuple[str, str]] = ()) -> None:
        pairs = list(forms)
        self.joins = {joined for joined, _ in pairs}
        self.folds = {folded for _, folded in pairs}
        # the joined forms without white space, by length (sorted is stable: equal lengths
        # keep the order of the set, which does not matter), and their lengths
        self._by_length = sorted((j for j in self.joins if j.split() == [j]), key=len)
        self._lengths = [len(j) for j in self._by_length]
        # the others (none that compact_forms makes)
        self._spaced = [j for j in self.joins if j.split() != [j]]

    def add(self, joined: str, folded: str) -> None:
        self.folds.add(folded)
        if joined in self.joins:
            return
        self.joins.add(joined)
        if joined.split() == [joined]:  # not empty, no white space (str.split's = rapidfuzz's)
            at = bisect.bisect_right(self._lengths, len(joined))
            self._lengths.insert(at, len(joined))
            self._by_length.insert(at, joined)
        else:
            self._spaced.append(joined)

    def alike(self, joined: str, folded: str) -> bool:
        """Whether a joined form is alike ``joined`` (rapidfuzz's WRatio) or a folded form
        alike ``folded`` (token_set_ratio), by ALIKE: a question of any form scoring above the
        cutoff, so neither the order of the forms nor a form met twice changes the answer.

        The WRatio question is asked in two passes, exactly. WRatio is never below the plain
        ratio of two strings (not empty), so any form whose ratio reaches the cutoff answers
        yes: one pass of ratio over all forms, several times cheaper than WRatio. And of two
        strings without white space (one word each, as joined class keys are) whose lengths
        are within a factor 1.5, WRatio is the ratio (its token ratios are then the ratio,
        scaled down), so what that pass missed can only be in the forms whose lengths are
        further apart: those alone are asked with WRatio, its partial ratios (test_check_fast_
        bounds checks the two passes against one)."""
        joins = self.joins
        if not joins:
            return False
        if joined.split() != [joined]:  # empty, or with white space: WRatio over all
            if process.extractOne(joined, joins, score_cutoff=ALIKE) is not None:
                return True
        elif process.extractOne(joined, joins, scorer=fuzz.ratio, score_cutoff=ALIKE) is not None:
            return True
        else:
            # lengths within a factor 1.5 of n, as WRatio tells them (2 * longer < 3 * shorter):
            # above 2n // 3 and below (3n + 1) // 2
            n = len(joined)
            lengths, by_length = self._lengths, self._by_length
            short = bisect.bisect_right(lengths, 2 * n // 3)
            long = bisect.bisect_left(lengths, (3 * n + 1) // 2)
            far = by_length[:short] + by_length[long:] + self._spaced
            if far and process.extractOne(joined, far, score_cutoff=ALIKE) is not None:
                return True
        alike = process.extractOne(
            folded, self.folds, scorer=fuzz.token_set_ratio, score_cutoff=ALIKE
        )
        return alike is not None


class Judge:
    """Groups the mentions of one draft and decides the findings."""

    def __init__(self, text: str, index: NameIndex, variants: bool) -> None:
        self.text = text
        self.index = index
        self.table = index.resolver.table
        self.variants = variants
        self._lower_words: dict[str, bool] = {}
        self._line_starts: list[int] | None = None
        self._known: dict[tuple[str, str], _Group] = {}
        self._forms = _FormIndex()
        # word key -> the known entities of the draft with a name holding a word of that key
        self._context: dict[str, set[str]] = {}
        self._worth: dict[str, bool] = {}
        self._key_forms: dict[str, _Forms] = {}  # see _forms_under
        self._context_ids: set[str] = set()
        # id of a mention of a table entity met before -> (the mention, its group or None when
        # it is not a mention of it after all, its spelling key)
        self._known_mentions: dict[int, tuple[Mention, _Group | None, str]] = {}
        # spelling -> (how many known entities the draft had, or -1 for good; the entity it was
        # tied to): see _tie
        self._ties: dict[str, tuple[int, tuple[str, str, str, str] | None]] = {}
        # id of an unknown mention -> (it, the entity it was tied to, it as a mention of that)
        self._known_forms: dict[int, tuple[Mention, tuple[str, str, str, str], Mention]] = {}
        # (entity id, curated alias) -> the alias whose group it joins: see _alias_lead
        self._leads: dict[tuple[str, str], str] = {}
        # shorter references close to two names that spell them alike: (it, that spelling)
        self._shared: list[tuple[_Member, str]] = []
        self._mentions: Sequence[_Occurrence] = ()
        # a name's letters without spaces and hyphens -> how the draft writes them: see
        # _joined_otherwise
        self._joinings: dict[str, set[str]] | None = None
        # the segments holding table names, by their parts' shape, then text, and the names
        # holding none, by their last word: see _respelt_elsewhere
        self._segments: (
            tuple[dict[tuple[str | None, ...], dict[str, Mention]], dict[str, set[str]]] | None
        ) = None
        # The sets of words of the draft's names, how often it writes each, and the same filed
        # under each of their words: see _longer_names
        self._word_sets: (
            tuple[dict[frozenset[str], int], dict[str, list[tuple[frozenset[str], int]]]] | None
        ) = None

    # -- grouping ---------------------------------------------------------------------------

    def run(self, mentions: Sequence[_Occurrence]) -> list[Finding]:
        """The findings for the mentions of the draft, as (offset, mention) pairs in text
        order (:meth:`NameIndex.scan`)."""
        unknown: list[_Occurrence] = []
        mentions = [o for o in mentions if o[1].text.isascii() or _LATIN_LETTER.search(o[1].text)]
        if any(o[1].caps for o in mentions):
            mentions = self._shouted_in_prose(mentions)
        self._mentions = mentions
        for base, m in mentions:
            if m.entity is not None:
                self._add_known(base, m)
            elif m.parts or self._usable_unknown(m):
                unknown.append((base, m))
        unknown = _split_adjacent_names(unknown, mentions)
        # 1. Tie unknown names to the known entities of the draft (or, with variants, of the
        #    table); segments that hold table names come first, as they may add known names.
        pieces = self._anchor([o for o in unknown if o[1].parts])
        leftover = self._anchor([o for o in unknown if not o[1].parts] + pieces)
        # 2. Cluster what is left: names of several words, then single words, which may be
        #    second references to (or misspelt surnames of) the longer names.
        multi: list[_Occurrence] = []
        single: list[_Occurrence] = []
        for o in leftover:
            (multi if len(name_words(o[1].text)) > 1 else single).append(o)
        clusters = self._cluster(multi)
        forms = _FormIndex()
        for group in clusters:
            forms.add_group(group)
        clusters += self._cluster(self._attach(single, forms))
        # 3. An unknown name spelled two ways may be in the table after all: its house style.
        groups = list(self._known.values())
        groups += [c for c in clusters if not self._upgrade(c)]
        findings: list[Finding] = []
        for group in groups:
            findings.extend(self._judge(group))
        for member, spelling in self._shared:
            findings.append(self._shared_finding(member, spelling))
        findings.sort(key=lambda f: (f.start, f.end))
        return findings

    def _add_known(self, base: int, m: Mention) -> _Group | None:
        """Put a mention of a table entity in its group (made on first use)."""
        # A mention met before (the scan gives a repeated run's very mention objects): its
        # group and key are known.
        seen = self._known_mentions.get(id(m))
        if seen is not None and seen[0] is m:
            known_group, known_key = seen[1], seen[2]
            if known_group is not None:
                known_group.members.append(_Member(base, m, known_key))
            return known_group
        assert m.entity is not None
        entity = self.table[m.entity]
        if m.alias_type == "weak" or demonym_of(m, entity):
            self._known_mentions[id(m)] = (m, None, "")
            return None
        if (
            m.alias_type == "alias"
            and m.alias is not None
            and not alias_is_spelling(entity.name, entity.kind, m.alias)
            and not is_reference(m.alias, entity.name)
        ):
            # another name of the entity (a birth name, an acronym; not words of its name, as a
            # table without short forms lists a family name: Haniyeh of Ismail Haniyeh, a
            # short form by another name): a group of its own, which
            # its spellings among the entity's other names join (Ahmad al-Sharaa of Ahmed
            # al-Sharaa, both curated aliases), the first listed as house style
            lead = self._alias_lead(entity, m.alias)
            key, house = (entity.id, lead), [lead]
        else:
            key, house = (entity.id, ""), [entity.name, *entity.short]
        group = self._known.get(key)
        if group is None:
            group = self._known[key] = _Group(entity, house)
            self._forms.add_group(group)
            self._context_ids.add(entity.id)
            for k in self.index.entity_keys(entity.id):
                under = self._context.setdefault(k, set())
                if entity.id not in under:
                    under.add(entity.id)
                    kept = self._key_forms.get(k)
                    if kept is not None:  # the forms under k, made before: add the entity's
                        for joined, folded in self.index.entity_forms(entity.id):
                            kept.add(joined, folded)
        spelling = self._key(m)
        group.members.append(_Member(base, m, spelling))
        if not m.caps:
            self._forms.add(display(m.text), group)
        self._known_mentions[id(m)] = (m, group, spelling)
        return group

    def _alias_lead(self, entity: Entity, alias: str) -> str:
        """The first of ``entity``'s curated aliases that ``alias`` is a spelling of (itself
        when none comes before it)."""
        kept = self._leads.get((entity.id, alias))
        if kept is None:
            kept = alias
            for other in entity.aliases:
                if other == alias or alias_is_spelling(other, entity.kind, alias):
                    kept = other
                    break
            self._leads[(entity.id, alias)] = kept
        return kept

    def _anchor(self, mentions: list[_Occurrence]) -> list[_Occurrence]:
        """Attach unknown mentions to known groups, tie them to the table by key or by the
        resolver, or fall back on their parts. Returns the unknown mentions left over."""
        leftover: list[_Occurrence] = []
        for base, m in mentions:
            if self._place(base, m, self._forms) is not None:
                continue
            resolved = self._tie(m)
            if resolved is not None and self._add_known(base, self._as_known(m, resolved)):
                continue
            if (
                not m.parts
                or self._relatives_name(m)
                or self._joined_otherwise(m)
                or self._respelt_elsewhere(m)
            ):
                leftover.append((base, m))
                continue
            for k, part in enumerate(m.parts):
                if self._place_in_a_foreign_name(m, k):
                    continue
                if part.entity is not None:
                    self._add_known(base, part)
                elif self._usable_unknown(part) and not self._given_name_of_a_relative(m, k):
                    leftover.append((base, part))
        return leftover

    def _shouted_in_prose(self, mentions: list[_Occurrence]) -> list[_Occurrence]:
        """The mentions, those in capitals inside a line of prose made spellings of their own
        where the draft writes the same name otherwise elsewhere (HAMAS officials, beside
        Hamas): a heading or a dateline is written in capitals as a whole and spells what the
        text spells, but a name in capitals amid lowercase words is the draft writing it so.
        Only a name of four letters or more, written otherwise too: an acronym is written in
        capitals throughout (NATO), and a word at the start of a line may open a dateline
        (ERBIL, Iraq -)."""
        written = {fold(o[1].text) for o in mentions if not o[1].caps}
        out = []
        for base, m in mentions:
            if m.caps and len(m.text) >= _SHOUTED_LETTERS and fold(m.text) in written:
                start, end = base + m.start, base + m.end
                line_start = self.text.rfind("\n", 0, start) + 1
                line_end = self.text.find("\n", end)
                before = self.text[line_start:start]
                after = self.text[end : len(self.text) if line_end < 0 else line_end]
                if _LOWER_WORD.search(before) and _LOWER_WORD.search(after):
                    m = m._replace(caps=False)
            out.append((base, m))
        return out

    def _place_in_a_foreign_name(self, m: Mention, k: int) -> bool:
        """Whether part ``k`` of segment ``m`` is a place of the table after a Romance "of"
        (de, du, des, del, della, di, da, do, dos): the place as that language writes it in a
        name of its own (Banque du Liban, Université de Montréal), which an editor does not
        respell, and no mention of the place to report (Liban is a listed spelling of Lebanon)."""
        part = m.parts[k]
        if k == 0 or part.entity is None or self.table[part.entity].kind != "place":
            return False
        gap = m.text[m.parts[k - 1].end - m.start : part.start - m.start]
        return gap.strip().casefold() in _ROMANCE_OF

    def _joined_otherwise(self, m: Mention) -> bool:
        """Whether the draft writes the letters of a segment elsewhere joined otherwise: a
        hyphen for a space or a space for a hyphen (Kyiv-Pechersk Lavra, Kyiv Pechersk Lavra),
        or syllables apart that it writes as one word (Bo Xi Lai, Bo Xilai): one name whose two
        spellings are judged whole, not table names inside it (Kyiv, Xi), which both hold
        alike."""
        joinings = self._joinings
        if joinings is None:
            joinings = self._joinings = {}
            for _, o in self._mentions:
                if " " in o.text or "-" in o.text:
                    joinings.setdefault(_letters_only(o.text), set()).add(o.text)
        return len(joinings.get(_letters_only(m.text), ())) > 1

    def _respelt_elsewhere(self, m: Mention) -> bool:
        """Whether the draft writes a segment elsewhere with the same table names in the same
        places and its other words spelt otherwise, by the word rules (Shaktar Donetsk beside
        Shakhtar Donetsk, both holding Donetsk): one name whose two spellings are judged whole,
        not a table name and a lone word beside it. Or a name of the draft that holds no table
        name, with the segment's last word, is a spelling of the whole segment (Nacer Bourita
        beside Nasser Bourita, which holds Nasser, a short form of Gamal Abdel Nasser): the
        table name is a word of that name, written otherwise there."""
        segments, by_last_word = self._segments or self._file_segments()
        for text, other in segments.get(_parts_shape(m), {}).items():
            if text != m.text and all(
                p.entity is not None or p.text == q.text or compare(p.text, q.text) == "full"
                for p, q in zip(m.parts, other.parts, strict=True)
            ):
                return True
        if m.parts[-1].entity is None and " " in m.text:
            last = m.text.rsplit(" ", 1)[1]
            return any(compare(m.text, text) == "full" for text in by_last_word.get(last, ()))
        return False

    def _file_segments(
        self,
    ) -> tuple[dict[tuple[str | None, ...], dict[str, Mention]], dict[str, set[str]]]:
        """The draft's segments holding table names, by their parts' shape, and its names of
        several words holding none, by their last word (see _respelt_elsewhere)."""
        segments: dict[tuple[str | None, ...], dict[str, Mention]] = {}
        by_last_word: dict[str, set[str]] = {}
        for _, o in self._mentions:
            if o.parts:
                segments.setdefault(_parts_shape(o), {}).setdefault(o.text, o)
            elif o.entity is None and " " in o.text:
                by_last_word.setdefault(o.text.rsplit(" ", 1)[1], set()).add(o.text)
        self._segments = segments, by_last_word
        return self._segments

    def _relatives_name(self, m: Mention) -> bool:
        """Whether an unknown segment is a given name and a table person's family name alone,
        and nothing else, that spell none of that person's names: a relative's name, a name of
        its own, judged whole beside the draft's other names (Tarek Saleh beside Tareq Saleh),
        not a mention of the table's person (Ali Abdullah Saleh). A word before the person's
        whole name is no given name of a relative (Officials Christian Schmidt, a sentence's
        opening word), nor is the person's own given name misspelt (Abdelazziz Bouteflika)."""
        if len(m.parts) != 2 or not self._given_name_of_a_relative(m, 0):
            return False
        family = m.parts[1]
        if family.entity is None or len(name_words(family.text)) != 1:
            return False
        entity = self.table[family.entity]
        return not any(alias_is_spelling(n, entity.kind, m.text) for n in entity.names())

    def _given_name_of_a_relative(self, m: Mention, k: int) -> bool:
        """Whether part ``k`` of an unknown segment is one word that a person's family name of
        the table follows in it: the given name of a relative of that person (Saïd of Saïd
        Bouteflika, beside Abdelaziz Bouteflika), no name of its own, and so never judged a
        spelling of another name of the draft (Kais Saïed)."""
        part = m.parts[k]
        if len(part.words) != 1 or k + 1 == len(m.parts):
            return False
        after = m.parts[k + 1]
        if after.entity is None or self.table[after.entity].kind != "person":
            return False
        between = m.text[part.end - m.start : after.start - m.start]
        return not between.strip()

    def _tie(self, m: Mention) -> tuple[str, str, str, str] | None:
        """The table entity an unknown mention is, by its key or the resolver, if any.

        Remembered per spelling while no entity joins the draft's known ones: until then the
        answer cannot change. With ``variants``, or for a spelling whose key is no table
        name's, it is remembered for good (kept with the size -1): the key tier then finds
        nothing whatever the draft's entities, and what is left is the resolver's answer (which
        does not depend on the draft) or none, as ``_worth_resolving`` decided once for the
        spelling."""
        if self._opens_with_common_word(m):
            return None
        within = None if self.variants else self._context_ids
        if within is not None and m.parts:
            # The entities the segment's own parts name are named by the draft too ("Sayff
            # al-Adel" holds Saif al-Adel's short form "al-Adel"). Not by a weak alias: that
            # confirms a name and does not make one, and a weak alias that opens with a title
            # ("Sheikh Tamim") would bring the title into the tied mention.
            own = {p.entity for p in m.parts if p.entity is not None and p.alias_type != "weak"}
            if not own <= within:
                within = within | own
        size = -1 if within is None else len(within)
        kept = self._ties.get(m.text)
        if kept is not None and (kept[0] == size or kept[0] == -1):
            return kept[1]
        if len(m.words) == 1 and place_adjective(self.index.resolver, m.text):
            # Indian is not Andijan, however alike their keys (see place_adjective); for good
            self._ties[m.text] = (-1, None)
            return None
        resolved = self._by_key(m, within)
        if resolved is None and self._worth_resolving(m):
            resolved = self.index.resolve(m.text)
        self._ties[m.text] = (-1 if not self.index.key_hits(m.text) else size, resolved)
        return resolved

    def _opens_with_common_word(self, m: Mention) -> bool:
        """A segment that opens a sentence with an ordinary word (one the draft also writes in
        lowercase) before table names (``Residents Kirkuk``, ``Officials Ali Khamenei``) is not
        a name as a whole, and is not tied to the table: its parts stand for it. (A third of
        the resolver calls on the benchmark's edited drafts were such segments, each a fuzzy
        search of about a millisecond that came to nothing; one that the resolver accepted
        would flag "Residents Kirkuk" as a spelling of Kirkuk.)"""
        if not m.parts or not m.initial:
            return False
        first = m.parts[0]
        return (
            first.entity is None
            and first.start == m.start
            and len(first.words) == 1
            and first.text[1:].isalpha()
            and first.text[1:].islower()  # an ordinary word: not an initial (U.S.) nor an acronym
            and all(p.entity is not None for p in m.parts[1:])
            and self._common_word(first)
        )

    def _as_known(self, m: Mention, resolved: tuple[str, str, str, str]) -> Mention:
        """``m`` as a mention of the entity it was tied to (the same object for the same
        mention, so that its group is looked up once)."""
        kept = self._known_forms.get(id(m))
        if kept is not None and kept[0] is m and kept[1] == resolved:
            return kept[2]
        entity, alias, alias_type, method = resolved
        known = m._replace(
            entity=entity, alias=alias, alias_type=alias_type, method=method, parts=()
        )
        self._known_forms[id(m)] = (m, resolved, known)
        return known

    def _worth_resolving(self, m: Mention) -> bool:
        """Whether to ask the resolver: with ``variants`` always; otherwise only when the
        mention may be another spelling of an entity the draft names (it shares a word key with
        one of its names, and the two are alike letter for letter), so that a resolver call is
        spent only where it can tie a mention to a name of the draft."""
        if self.variants:
            return True
        worth = self._worth.get(m.text)
        if worth is None:
            worth = self._worth[m.text] = self._alike_a_known_name(m.text)
        return worth

    def _alike_a_known_name(self, text: str) -> bool:
        """Whether a name of an entity the draft has under the word keys of ``text``'s last
        word is alike it (see ``_Forms.alike``), as written or, for a Chinese name in
        Wade-Giles, as Pinyin writes it (Liu Chih-chun, Liu Zhijun)."""
        if self._alike_as_written(text):
            return True
        readings = _pinyin_readings(text)
        return any(self._alike_as_written(reading) for reading in readings)

    def _alike_as_written(self, text: str) -> bool:
        """``_alike_a_known_name`` of one spelling."""
        context = self._context
        keys = [k for k in self.index.keys_of(text, last=True) if k in context]
        if not keys:
            return False  # no entity of the draft shares a key: nothing to compare
        # The keys of one word nest: an entity with a word of its class key has one of its
        # consonant skeleton, and so one of the skeleton less its first letter (see
        # mentions._context_keys). The entities under the widest key are then those under
        # all, and its forms, as kept, are the forms asked: no union of forms per question.
        # (Tested on the entity sets, small, so that keys that did not nest would still get
        # the forms of all their entities.)
        widest = max(keys, key=lambda k: len(context[k]))
        if all(context[k] <= context[widest] for k in keys):
            forms = self._forms_under(widest)
        else:
            forms = self._forms_of(set().union(*(context[k] for k in keys)))
        return forms.alike(*compact_forms(text))

    def _forms_under(self, key: str) -> _Forms:
        """The forms (joined class keys, folded forms) of the names of the draft's known
        entities that have a word of ``key``: made on first use, then added to as entities
        join (see ``_add_known``)."""
        kept = self._key_forms.get(key)
        if kept is None:
            kept = self._key_forms[key] = self._forms_of(self._context.get(key, ()))
        return kept

    def _forms_of(self, entities: Iterable[str]) -> _Forms:
        forms_of = self.index.entity_forms
        return _Forms(form for e in entities for form in forms_of(e))

    def _by_key(self, m: Mention, within: set[str] | None) -> tuple[str, str, str, str] | None:
        """The one entity (of ``within``, when given) that has a table name with the same
        transliteration key as ``m`` (the resolver's key tier, without its fuzzy tiers)."""
        hits = [
            h
            for h in self.index.key_hits(m.text)
            if (within is None or h[0] in within) and key_tie_holds(m.text, h[1])
        ]
        if len({h[0] for h in hits}) != 1:
            return None
        entity, name, kind = min(hits, key=lambda h: FIELD_ORDER[h[2]])
        return entity, name, kind, "key"

    def _attach(self, mentions: list[_Occurrence], forms: _FormIndex) -> list[_Occurrence]:
        """Put each mention in the one group it refers to; return the mentions left over."""
        return [o for o in mentions if self._place(o[0], o[1], forms) is None]

    def _place(self, base: int, m: Mention, forms: _FormIndex) -> str | None:
        """Put ``m`` in the one group whose spelling it varies or whose words it repeats.

        Returns ``placed``; ``left`` for a mention that is settled without joining a group (a
        second reference of two names, a spelling close to two names, an ordinary word at the
        start of a sentence: never reported); or None when no group fits."""
        verdict, group, how = forms.verdict(m.text)
        if verdict == "ref":
            assert group is not None
            group.members.append(_Member(base, m, self._key(m), "ref"))
            return "placed"
        if verdict == "left":
            return "left"
        if verdict == "shared":
            if not self._ordinary_opener(m):
                self._shared.append((_Member(base, m, self._key(m)), how))
            return "left"
        if verdict == "variant":
            assert group is not None
            if self._ordinary_opener(m):
                return "left"  # an ordinary word at the start of a sentence
            group.members.append(_Member(base, m, self._key(m), how))
            if not m.caps:
                forms.add(display(m.text), group)
            return "placed"
        return None

    def _upgrade(self, cluster: _Group) -> bool:
        """Turn an unknown name spelled two ways into the table entity its spellings resolve to
        (all to one entity, by its name, spellings or short forms): it gets the house style."""
        if len({m.key for m in cluster.members if m.status != "ref"}) < 2:
            return False
        ids = set()
        for text in {m.mention.text for m in cluster.members if m.status != "ref"}:
            resolved = self._by_key(Mention(0, len(text), text, ()), within=None)
            if resolved is not None:
                found, alias, alias_type, _ = resolved
                e = self.table[found]
                if alias_type == "alias" and not alias_is_spelling(e.name, e.kind, alias):
                    return False
                ids.add(found)
        if len(ids) != 1:
            return False
        (entity_id,) = ids
        entity = self.table[entity_id]
        group = self._known.setdefault(
            (entity_id, ""), _Group(entity, [entity.name, *entity.short])
        )
        group.members.extend(cluster.members)
        return True

    def _usable_unknown(self, m: Mention) -> bool:
        """Unknown mentions worth clustering: not acronyms, numbers or lone function words."""
        return not m.caps and usable_name(m.text)

    def _key(self, m: Mention) -> str:
        return _caps_key(m.text) if m.caps else spelling_key(m.text)

    def _cluster(self, mentions: list[_Occurrence]) -> list[_Group]:
        """Cluster unknown mentions by spelling (union-find over blocked pairs)."""
        by_key: dict[str, list[_Occurrence]] = {}
        for o in mentions:
            by_key.setdefault(self._key(o[1]), []).append(o)
        keys = list(by_key)
        parent = list(range(len(keys)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        blocks: dict[str, list[int]] = {}
        texts = [by_key[k][0][1].text for k in keys]
        for i, text in enumerate(texts):
            for b in lookup_keys(text):
                blocks.setdefault(b, []).append(i)
        shapes: dict[int, Shape] = {}  # (of the texts in a block of two or more)
        for members in blocks.values():
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    i, j = members[x], members[y]
                    if find(i) == find(j):
                        continue
                    a, b = texts[i], texts[j]
                    sa = shapes.get(i) or shapes.setdefault(i, shape(a))
                    sb = shapes.get(j) or shapes.setdefault(j, shape(b))
                    if not may_relate(sa, sb):
                        continue  # neither a variant nor joined equal (most pairs)
                    # Joined alike (from the shapes: Deng Xiao Ping, Deng Xiaoping; Bou Saab,
                    # Bousaab), or a full match, which has as many name words (a cheap test
                    # before the rules).
                    n_a, n_b = len(sa.tokens), len(sb.tokens)
                    if joined_alike(sa, sb) or (n_a == n_b and compare(a, b) == "full"):
                        parent[find(i)] = find(j)
        _join_wade_giles(texts, find, parent)
        clusters: dict[int, _Group] = {}
        for i, k in enumerate(keys):
            group = clusters.setdefault(find(i), _Group(None, []))
            group.members.extend(_Member(base, m, k) for base, m in by_key[k])
        return list(clusters.values())

    # -- deciding ---------------------------------------------------------------------------

    def _judge(self, group: _Group) -> list[Finding]:
        if len({m.key for m in group.members}) < 2 and not (self.variants and group.entity):
            return []  # one spelling throughout (the common case): nothing to say
        members = [m for m in group.members if not self._drop_common(group, m)]
        if not members:
            return []
        if group.entity is None:
            dominant = self._dominant(members)
            if dominant is None:
                return []
            group.house, group.tie = [dominant[0]], dominant[1]
        else:
            if not self.variants:
                group.house = _in_the_drafts_spelling(group.entity, group.house, members)
            group.house = _with_the_drafts_letters(group.house, members)
        spellings = self._spelling_set(members, group.house)
        if group.entity is not None and len(spellings) >= 2:
            spellings = _without_unrelated_house(spellings, group.house)
        if len(spellings) >= 2:
            kind = "inconsistent"
        elif self.variants and group.entity is not None:
            kind = "variant"
        else:
            return []
        out = []
        for m in members:
            if self._is_house(m, group.house):
                continue
            out.append(self._finding(m, group, kind, spellings))
        return out

    def _drop_common(self, group: _Group, m: _Member) -> bool:
        """A sentence-opening word of an unknown group that the draft also writes in lowercase
        is an ordinary word (Officials ... officials), not a name."""
        return (
            m.mention.entity is None and len(group.members) > 1 and self._ordinary_opener(m.mention)
        )

    def _ordinary_opener(self, m: Mention) -> bool:
        """Whether a one-word mention opens a sentence and the draft also writes it in
        lowercase: an ordinary word at the start of a sentence, not a name."""
        return m.initial and len(m.words) == 1 and self._common_word(m)

    def _common_word(self, m: Mention) -> bool:
        """Whether the draft also writes the word in lowercase (a word that starts with a
        lowercase letter and is neither preceded nor followed by a letter)."""
        word = m.text[:1].lower() + m.text[1:]
        known = self._lower_words.get(word)
        if known is None:
            known = self._lower_words[word] = _written_in_lowercase(self.text, word)
        return known

    def _longer_names(self, words: frozenset[str]) -> int:
        """How often the draft writes a name of two words or more that holds every one of
        ``words`` and more.

        The sets of words the draft's names are made of are counted on first use (only a name
        spelled two ways asks), and filed under each of their words: a set that holds all of
        ``words`` is filed under the rarest of them, so a long draft's thousands of names are
        not each compared with every name spelled two ways."""
        if self._word_sets is None:
            sets: dict[frozenset[str], int] = {}
            for _, m in self._mentions:
                if " " in m.text:
                    w = frozenset(word_forms(m.text))
                    sets[w] = sets.get(w, 0) + 1
            by_word: dict[str, list[tuple[frozenset[str], int]]] = {}
            for w, n in sets.items():
                for word in w:
                    by_word.setdefault(word, []).append((w, n))
            self._word_sets = sets, by_word
        sets, by_word = self._word_sets
        # (every name holds no words and more)
        held = min((by_word.get(word, []) for word in words), key=len) if words else sets.items()
        # A name longer only by an article or a possessive's s is the same name written
        # otherwise (Ayman al-Zawahiri, Ayman al-Zawahiri's beside Ayman Zawahiri), not a
        # longer one: it counts for its own spelling.
        return sum(n for w, n in held if words < w and not w - words <= _NO_MORE_WORDS)

    def _dominant(self, members: list[_Member]) -> tuple[str, bool] | None:
        """The most used full spelling (ties: the first), and whether it won a tie.

        A full spelling's uses include the shorter references that repeat its words: a draft
        that writes "Mustafa al-Kazimi" once, then "Mustafa al-Kadhimi" once and "al-Kadhimi"
        three times spells the name Kadhimi, not Kazimi, which merely came first. They include
        too the longer names of the draft that hold all its words (see below)."""
        counts: dict[str, list[int]] = {}
        first: dict[str, _Member] = {}
        shorter: list[frozenset[str]] = []
        for m in members:
            if m.mention.caps:
                continue
            if m.status != "full":
                shorter.append(frozenset(word_forms(m.mention.text)))
                continue
            counts.setdefault(m.key, []).append(m.start)
            first.setdefault(m.key, m)
        if not counts:
            return None
        uses = {k: len(v) for k, v in counts.items()}
        if len(counts) > 1:
            # and the longer names of the draft that hold all its words: "Saif al-Islam" once
            # beside "Seif al-Islam" once is spelled as the three "Saif al-Islam Gaddafi" spell it
            for k in counts:
                words = frozenset(word_forms(first[k].mention.text))
                uses[k] += sum(w <= words for w in shorter)
                uses[k] += self._longer_names(words)
        best = max(counts, key=lambda k: (uses[k], len(counts[k]), -counts[k][0]))
        top = (uses[best], len(counts[best]))
        tie = sum((uses[k], len(counts[k])) == top for k in counts) > 1
        return display(first[best].mention.text), tie

    def _spelling_set(self, members: list[_Member], house: list[str]) -> list[str]:
        """The distinct spellings of a group, a spelling contained in another not counted."""
        texts: dict[str, str] = {}
        caps: list[_Member] = []
        for m in members:
            if m.mention.caps:
                caps.append(m)
            else:
                texts.setdefault(m.key, display(m.mention.text))
        for m in caps:  # an ALL-CAPS heading spells what the text or the house style spells
            folded = [t for t in (*texts.values(), *house) if normalize(t).casefold() == m.key]
            if folded:
                texts.setdefault(spelling_key(folded[0]), folded[0])
            else:
                texts.setdefault(m.key, display(m.mention.text))
        distinct = list(texts.values())
        return [
            s
            for s in distinct
            if not any(
                o != s and is_reference(s, o) and not _hyphenated_otherwise(s, [o])
                for o in distinct
            )
        ]

    def _is_house(self, m: _Member, house: list[str]) -> bool:
        written = m.mention.text
        for h in house:
            if m.mention.caps:
                if normalize(h).casefold() == m.key:
                    return True
            elif spelling_key(h) == m.key:
                return True
            if repeats_words(word_forms(written), word_forms(h)):
                return not _hyphenated_otherwise(written, house)
        return False

    def _finding(self, m: _Member, group: _Group, kind: str, spellings: list[str]) -> Finding:
        mention = m.mention
        suggestion = suggest(mention.text, group.house)
        if mention.caps:
            suggestion = suggestion.upper()
        shown = ", ".join(f'"{s}"' for s in spellings[:4]) + (", ..." if len(spellings) > 4 else "")
        if group.entity is not None:
            who = f"{group.entity.name} ({group.entity.id})"
            if kind == "variant":
                reason = f"house style for {who}"
            else:
                reason = (
                    f"{who} is spelled {len(spellings)} ways in this draft: {shown}; "
                    f'house style is "{group.house[0]}"'
                )
        else:
            reason = (
                f"one name spelled {len(spellings)} ways in this draft: {shown}; "
                f'"{group.house[0]}" '
                + ("comes first (a tie)" if group.tie else "is the draft's most frequent spelling")
            )
        start = m.start
        if group.entity is not None and group.entity.kind != "person":
            # (a person's title is no word of the name: Sheikh Mishal's span is Mishal, though
            # the house style of a short form be Sheikh Meshal)
            start = self._lead_before(m, suggestion)
        shown_text = self.text[start : m.base + mention.end]  # (the mention's text, from start)
        return self._finding_at(
            m,
            suggestion,
            group.entity.id if group.entity is not None else None,
            f'"{display(shown_text)}" -> "{suggestion}": {reason}',
            kind,
            start,
        )

    def _lead_before(self, m: _Member, suggestion: str) -> int:
        """Where the finding for ``m``, a mention of a place or an organisation, starts: at the
        mention, or before it at the words that open the suggestion when the draft writes them,
        as written, right before the mention (Sheikh of Sheikh Zuwayed for Sheikh Zuweid, a
        town: the scan set Sheikh aside as a title), so that the span flagged is the one the
        suggestion replaces."""
        extra = len(suggestion.split()) - len(m.mention.text.split())
        if extra <= 0:
            return m.start
        lead = " ".join(suggestion.split()[:extra])
        before = self.text[max(0, m.start - len(lead) - _LEAD_GAP) : m.start]
        found = regex.search(r"(?<!\w)" + regex.escape(lead) + r"[ \t]+$", before)
        return m.start if found is None else m.start - (len(before) - found.start())

    def _finding_at(
        self,
        member: _Member,
        suggestion: str,
        entity_id: str | None,
        message: str,
        kind: str,
        start: int | None = None,
    ) -> Finding:
        start = member.start if start is None else start
        line, column = self._line_column(start)
        end = member.base + member.mention.end
        return Finding(
            start=start,
            end=end,
            text=self.text[start:end],  # the mention's text when it starts at the mention
            line=line,
            column=column,
            suggestion=suggestion,
            entity_id=entity_id,
            message=message,
            kind=kind,
        )

    def _shared_finding(self, member: _Member, spelling: str) -> Finding:
        """A shorter reference to one of two names of the draft that spell it alike, spelt
        otherwise (Daglo beside Mohamed and Abdelrahim Hamdan Dagalo): which of them it means
        is unknown, and so its entity, but not how the draft spells it."""
        suggestion = spelling.upper() if member.mention.caps else spelling
        message = (
            f'"{display(member.mention.text)}" -> "{suggestion}": spelled "{spelling}" in the '
            "names of this draft that it may stand for"
        )
        return self._finding_at(member, suggestion, None, message, "inconsistent")

    def _line_column(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            self._line_starts = _line_starts(self.text)
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


# The most spaces or tabs between the words that open a suggestion and the mention they lead.
_LEAD_GAP = 4


def _parts_shape(m: Mention) -> tuple[str | None, ...]:
    """The entities of a segment's parts in order, ``None`` for each unknown piece."""
    return tuple(p.entity for p in m.parts)


def _letters_only(text: str) -> str:
    """A name's text without its spaces and hyphens, casefolded (see Judge._joined_otherwise):
    a syllable written apart opens with a capital (Bo Xi Lai, Bo Xilai)."""
    return text.replace(" ", "").replace("-", "").casefold()


def _pinyin_readings(text: str) -> list[str]:
    """The Pinyin a name may stand for, folded, when it is written in Wade-Giles: by a spelling
    only Wade-Giles has (Hsi Chin-p'ing), or by a given name's syllables hyphenated as it
    writes them (Chou En-lai); none otherwise."""
    return wade_giles_names(text) or hyphenated_wade_giles_names(text)


def _join_wade_giles(texts: list[str], find: Callable[[int], int], parent: list[int]) -> None:
    """Join each Chinese name written in Wade-Giles to the one name of ``texts`` that is its
    Pinyin (Hu Yao-pang, Hu Yaobang; Chao Tzu-yang, Zhao Ziyang): the two share no skeleton to
    be blocked by, and letter by letter they are far apart. A person's name, a family name and
    a given name: one word alone may be one name's two romanisations and two things named
    (the Matsu islands, named after the goddess Mazu)."""
    readings = [(i, _pinyin_readings(t)) for i, t in enumerate(texts) if " " in t.strip()]
    readings = [(i, r) for i, r in readings if r]
    if not readings:
        return  # (most drafts: one fold and one search per name)
    by_fold: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if " " in text.strip():
            by_fold.setdefault(fold(text), []).append(i)
    for i, of_i in readings:
        met = {find(j) for r in of_i for j in by_fold.get(r, ()) if j != i}
        if len(met) == 1:
            parent[find(i)] = met.pop()


def _one_spelt_whole(variants: dict[int, tuple[_Group, str]]) -> bool:
    """Whether exactly one of the groups a spelling varies spells the whole of it (``full``),
    the others a longer name whose last words it spells (``partial``)."""
    return sum(how == "full" for _, how in variants.values()) == 1


def _in_the_drafts_spelling(entity: Entity, house: list[str], members: list[_Member]) -> list[str]:
    """A table entity's house style in a draft checked for consistency only (not ``variants``):
    the table's name, or the one of its listed ``spellings`` that the draft writes more often
    than the name (or as often, first), with the entity's short forms but those of the name's
    words that the spelling writes otherwise.

    The table lists a spelling as one of the name, written so by others (Sebha for Sabha, Lee
    Jae-myung for Lee Jae Myung); where it differs from the name in its vowels, hyphens, spaces
    and apostrophes alone (see _consonants), which of them to print is the publication's choice,
    as a draft that writes one of them throughout is not reported either. A spelling with
    another consonant (Khata'ib Hezbollah) is never chosen: the draft is told to write the
    name however often it writes that. A draft that writes Sebha twice and Sabha once is told
    to write Sebha there, as is one that writes Sebha first and each once (a tie goes to the
    spelling the draft writes first, as for a name the table does not know). Uses are counted
    with the shorter references that repeat words only one form holds, and the letters as
    plain ASCII (Sébha counts as Sebha; see _with_the_drafts_letters for which letters).

    >>> m = lambda text, at: _Member(at, Mention(0, len(text), text, ()), spelling_key(text))
    >>> sabha = Entity("sabha", "Sabha", "place", spellings=("Sebha",))
    >>> _in_the_drafts_spelling(sabha, ["Sabha"], [m("Sebha", 0), m("Sabha", 9), m("Sebha", 20)])
    ['Sebha']
    >>> _in_the_drafts_spelling(sabha, ["Sabha"], [m("Sabha", 0), m("Sebha", 9)])
    ['Sabha']
    """
    if not house or house[0] != entity.name:
        return house
    consonants = _consonants(entity.name)
    forms = [entity.name, *(s for s in entity.spellings if _consonants(s) == consonants)]
    listed = len(forms)
    # and the draft's own spellings that write a form's letters with other hyphens, spaces or
    # apostrophes (El-Arish for El Arish; Kataib for Kata'ib, as AP writes it): punctuation is
    # the publication's choice, as diacritics are; one the table does not list must be written
    # more often than the name (a tie goes to the name)
    letters = {_letters(f) for f in forms}
    keys = {_plain_form(f)[0] for f in forms}
    for member in members:
        text = member.mention.text
        if not member.mention.caps and _letters(text) in letters:
            key = _plain_form(text)[0]
            if key not in keys:
                keys.add(key)
                forms.append(display(text))
    if len(forms) == 1:
        return house
    plain = [_plain_form(f) for f in forms]
    uses = [0] * len(forms)
    first = [-1] * len(forms)
    whole = [False] * len(forms)  # whether the draft writes the form whole
    for member in members:
        if member.mention.caps:
            continue
        key, words = _plain_form(member.mention.text)
        for i, (form_key, form_words) in enumerate(plain):
            if key == form_key or words < form_words:  # (or a reference: Traore)
                uses[i] += 1
                whole[i] = whole[i] or key == form_key
                if first[i] < 0 or member.start < first[i]:
                    first[i] = member.start
    # (a spelling the draft writes only by references is not chosen; the name always may be)
    written = [
        0,
        *(i for i in range(1, len(forms)) if whole[i] and (i < listed or uses[i] > uses[0])),
    ]
    best = max(written, key=lambda i: (uses[i], -first[i]))
    if best == 0:
        return house
    # The short forms less those of the name's words that the spelling writes otherwise
    # (Soleimani beside Qassem Suleimani); one of another name of the entity (Sharaa, of the
    # alias Ahmed al-Sharaa) stays.
    name_words, best_words = plain[0][1], plain[best][1]
    shorts = [
        s
        for s in house[1:]
        if _plain_form(s)[1] <= best_words or not _plain_form(s)[1] <= name_words
    ]
    return [forms[best], *shorts]


@lru_cache(maxsize=4096)
def _plain_form(written: str) -> tuple[str, frozenset[str]]:
    """The spelling key and the words of a spelling in plain ASCII (see _in_the_drafts_spelling)."""
    text = to_ascii(written)
    return spelling_key(text), frozenset(word_forms(text))


@lru_cache(maxsize=4096)
def _consonants(written: str) -> str:
    """The consonants of a spelling in plain ASCII, a doubled one once, in lowercase: what two
    spellings of a name that differ in their vowels alone share (Sebha, Sabha; Lee Jae-myung,
    Lee Jae Myung), whereas a consonant written otherwise is no house style's choice but the
    other rendering of a sound (Khata'ib for Kata'ib, kh for the Arabic k).

    >>> _consonants("Lee Jae-myung") == _consonants("Lee Jae Myung"), _consonants("Sebha")
    (True, 'sbh')
    >>> _consonants("Khata'ib Hezbollah") == _consonants("Kata'ib Hezbollah")
    False
    """
    letters = _NOT_CONSONANT.sub("", _DIPHTHONG_W.sub("", to_ascii(written).lower()))
    return "".join(c for i, c in enumerate(letters) if not i or letters[i - 1] != c)


# Vowels (y among them: Soleymani, Soleimani), and whatever is not a letter.
_NOT_CONSONANT = re.compile(r"[^b-df-hj-np-tv-xz]")
# The w of a diphthong, after a vowel and before no vowel: a vowel's letter, as the y of ay
# (Hadramawt, Hadramout; Mawlawi, Maulawi).
_DIPHTHONG_W = re.compile(r"(?<=[aeiouy])w(?![aeiouy])")


@lru_cache(maxsize=4096)
def _letters(written: str) -> str:
    """The letters of a spelling in plain ASCII, in lowercase: what two spellings that differ
    in their hyphens, spaces and apostrophes alone share (El-Arish, El Arish; Kataib, Kata'ib).

    >>> _letters("El-Arish") == _letters("el Arish") != _letters("al-Arish")
    True
    """
    return _NOT_LETTER.sub("", to_ascii(written).lower())


_NOT_LETTER = re.compile(r"[^a-z]")


def _with_the_drafts_letters(house: list[str], members: list[_Member]) -> list[str]:
    """A table entity's house style as the draft writes its letters: a house form that the
    draft writes with diacritics more often than as the table does is the draft's form, its
    shorter references counted with the form whose words they repeat as written.

    Whether to keep Turkish, Vietnamese or French letters (Demirtaş, Goïta) is the
    publication's choice, which a table in plain ASCII cannot know; the letters themselves
    are the table's. So a draft that writes Demirtaş twice and Demirtash once is told to write
    Demirtaş, while one that writes Kyiv five times and Kyïv once is still told to write Kyiv;
    and one that writes Ibrahim Traoré, then Traoré, then Ibrahim Traore is told to write
    Traoré. A tie goes to the letters the draft writes first.

    >>> m = lambda text: _Member(0, Mention(0, len(text), text, ()), spelling_key(text))
    >>> _with_the_drafts_letters(["Selahattin Demirtas", "Demirtas"],
    ...                          [m("Selahattin Demirtaş"), m("Demirtaş"), m("Demirtash")])
    ['Selahattin Demirtaş', 'Demirtaş']
    >>> _with_the_drafts_letters(["Kyiv"], [m("Kyiv"), m("Kyiv"), m("Kyïv")])
    ['Kyiv']
    >>> _with_the_drafts_letters(["Ibrahim Traore"],
    ...                          [m("Ibrahim Traoré"), m("Traoré"), m("Ibrahim Traore")])
    ['Ibrahim Traoré']
    """
    written: dict[str, list[str]] = {}  # plain-letter key -> the draft's spellings under it
    texts: list[str] = []
    for member in sorted(members, key=lambda m: m.start):
        if not member.mention.caps:
            text = member.mention.text
            texts.append(text)
            written.setdefault(_plain_form(text)[0], []).append(display(text))
    out = []
    for form in house:
        key = spelling_key(form)
        uses = written.get(_plain_form(form)[0], [])
        others = [w for w in uses if spelling_key(w) != key]
        if others:
            other = max(others, key=others.count)
            as_table, as_draft = set(word_forms(form)), set(word_forms(other))
            table_uses, draft_uses = len(uses) - len(others), len(others)
            for text in texts:
                words = set(word_forms(text))
                table_uses += words < as_table and not words <= as_draft
                draft_uses += words < as_draft and not words <= as_table
            # (a tie: the letters the draft writes first, as for a name the table lacks)
            if draft_uses > table_uses or (draft_uses == table_uses and uses[0] != form):
                form = other
        out.append(form)
    return out


def _hyphenated_otherwise(written: str, house: list[str]) -> bool:
    """Whether a second reference joins its words otherwise than the house name it repeats
    them from: a hyphen for a space, or a space for a hyphen (Ben Gvir of Itamar Ben-Gvir).
    An article left out or in (Assad, al-Assad) is usage, not a spelling.

    >>> _hyphenated_otherwise("Ben Gvir", ["Itamar Ben-Gvir"])
    True
    >>> house = ["Bashar al-Assad"]
    >>> _hyphenated_otherwise("Assad", house), _hyphenated_otherwise("al-Assad", house)
    (False, False)
    """
    run = suggest(written, house)
    key = spelling_key(written)
    return spelling_key(run) != key and spelling_key(run.replace("-", " ")) == spelling_key(
        written.replace("-", " ")
    )


def _without_unrelated_house(spellings: list[str], house: list[str]) -> list[str]:
    """The spellings of a table entity's group, less those in house style that share no word
    with another of them.

    An entity's curated short forms may belong to another of its names: "Sharaa" (of its alias
    Ahmed al-Sharaa) beside "Abu Mohammed al-Jolani" (a listed spelling of its name Abu
    Muhammad al-Julani) are two names of one man, each written one way, not one name written
    two ways. A short form in house style still counts beside a name that spells one of its
    words otherwise ("Julani" beside "Abu Mohammed al-Jolani", "Hemedti" beside "Hemeti").

    >>> _without_unrelated_house(["Sharaa", "Abu Mohammed al-Jolani"], ["Abu Muhammad al-Julani",
    ...                          "Sharaa", "Julani"])
    ['Abu Mohammed al-Jolani']
    >>> _without_unrelated_house(["Julani", "Abu Mohammed al-Jolani"], ["Abu Muhammad al-Julani",
    ...                          "Sharaa", "Julani"])
    ['Julani', 'Abu Mohammed al-Jolani']
    """
    house_keys = {spelling_key(h) for h in house}
    words = [[t.text for t in name_words(s)] for s in spellings]
    kept = []
    for i, spelling in enumerate(spellings):
        # (any likeness of letters relates two words here: whether they are one name the
        # table has said, by putting both spellings in the group)
        if spelling_key(spelling) in house_keys and not any(
            word_similarity(a, b) >= _RELATED_WORDS
            for j, other in enumerate(words)
            if j != i
            for a in words[i]
            for b in other
        ):
            continue
        kept.append(spelling)
    return kept


_RELATED_WORDS = 0.5


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts (``\\n``, ``\\r\\n`` and a lone ``\\r`` end a line).

    >>> _line_starts("a\\nb\\r\\nc\\rd"), _line_starts("a\\n\\nb")
    ([0, 2, 5, 7], [0, 2, 3])
    """
    if "\r" in text:
        return [0, *(b.end() for b in _LINE_BREAK.finditer(text))]
    # The common case, without a match object per line (a long draft has thousands).
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


_SPACES_ONLY = regex.compile(r"[^\S\r\n]+")
_LOWER_WORD = regex.compile(r"\p{Ll}[\p{L}\p{M}]*")
_LETTER_MARK_DIGIT = regex.compile(r"[\p{L}\p{M}\p{N}]")
_LETTER_MARK = regex.compile(r"[\p{L}\p{M}]")


@lru_cache(maxsize=4096)
def _caps_key(written: str) -> str:
    """How an ALL-CAPS mention is compared: normalised and casefolded."""
    return normalize(written).casefold()


def _written_in_lowercase(text: str, word: str) -> bool:
    """Whether ``word`` (a lowercase letter, then letters and marks) is a whole word of
    ``text``: neither preceded by a letter, mark or digit nor followed by a letter or mark.

    >>> _written_in_lowercase("Officials said; officials left.", "officials")
    True
    >>> _written_in_lowercase("Officials said; subofficials left.", "officials")
    False
    """
    if not _LOWER_WORD.fullmatch(word):
        return False
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _LETTER_MARK_DIGIT.match(text, at - 1)) and not _LETTER_MARK.match(
            text, end
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _split_adjacent_names(
    unknown: list[_Occurrence], mentions: Sequence[_Occurrence]
) -> list[_Occurrence]:
    """Split an unknown run of capitalised words that is two names side by side.

    "... in Syria and Yemen Soleimani armed militias ...": when the first words of the run are
    written alone as a name before it in the draft (Yemen) and the other words are written
    alone anywhere, or end another name of the draft (Qassem Soleimani), and only spaces
    separate them, the run is two names, not one. Not when that other name is itself called by
    its first words alone: the draft tells relatives apart by their given names (see
    _family_of_given_names); nor when the whole run ends a longer name of the draft (Shujaat
    Hussain of Chaudhry Shujaat Hussain); nor when the first words are written alone only after
    the run, which introduced them: a second reference by the given name (Sirajuddin Haqqani,
    then Sirajuddin, beside Jalaluddin Haqqani and the Haqqani network).
    """
    # (A run longer than two names is none of them side by side: its every tail would be
    # filed, and a pasted run of thousands of capitalised words made that quadratic.)
    first_at: dict[tuple[str, ...], int] = {}  # words -> where the draft first writes them
    for base, m in mentions:
        first_at.setdefault(word_forms(m.text), base + m.start)
    tails: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for w in first_at:
        if len(w) <= _TWO_NAMES:
            for i in range(1, len(w)):
                tails.setdefault(w[i:], set()).add(w)
    out: list[_Occurrence] = []
    # A draft repeats its names (the very mention objects, see NameIndex.scan): split once.
    halves: dict[int, tuple[Mention, tuple[Mention, ...]]] = {}
    for base, m in unknown:
        kept = halves.get(id(m))
        if kept is not None and kept[0] is m:
            split = kept[1]
        else:
            split = _split_at(m, first_at, tails, base + m.start)
            halves[id(m)] = (m, split)
        if not split:
            out.append((base, m))
        else:
            out.extend((base, piece) for piece in split)
    return out


# The most words two names side by side have (see _split_adjacent_names).
_TWO_NAMES = 2 * MAX_NAME_WORDS


def _family_of_given_names(
    words: tuple[str, ...],
    rest: tuple[str, ...],
    whole: Container[tuple[str, ...]],
    tails: dict[tuple[str, ...], set[tuple[str, ...]]],
) -> bool:
    """Whether another name of the draft ends as ``words`` does and is itself called by its
    first words alone: relatives whom the draft tells apart by their given names (Nawaz and
    Shehbaz, of Nawaz Sharif and Shehbaz Sharif), so that a given name alone is a second
    reference, not a name beside the run."""
    return any(
        other[: len(other) - len(rest)] in whole for other in tails.get(rest, ()) if other != words
    )


def _split_at(
    m: Mention,
    first_at: dict[tuple[str, ...], int],
    tails: dict[tuple[str, ...], set[tuple[str, ...]]],
    at: int,
) -> tuple[Mention, ...]:
    """The two names that ``m``, written at ``at`` (its first time), is side by side, or () if
    it is one (see above): ``first_at`` holds the words of every name of the draft, with where
    it first writes them."""
    words = word_forms(m.text)
    split = 0
    if (
        not m.parts
        and _TWO_NAMES >= len(words) == len(m.words) > 1
        # A run that ends a longer name of the draft is that name without its first words
        # (Shujaat Hussain of Chaudhry Shujaat Hussain), though its first word is also written
        # alone (Shujaat's son): a second reference, not two names side by side.
        and words not in tails
        and all(
            _SPACES_ONLY.fullmatch(m.text[a[1] - m.start : b[0] - m.start])
            for a, b in zip(m.words, m.words[1:], strict=False)
        )
    ):
        for k in range(1, len(words)):
            head, rest = words[:k], words[k:]
            if first_at.get(head, at) < at and (
                rest in first_at or tails.get(rest, set()) - {words}
            ):
                if _family_of_given_names(words, rest, first_at, tails):
                    break
                split = k
                break
    if not split:
        return ()
    pieces = []
    for a, b in ((0, split), (split, len(words))):
        s, e = m.words[a][0], m.words[b - 1][1]
        pieces.append(
            Mention(
                s, e, m.text[s - m.start : e - m.start], m.words[a:b], initial=m.initial and a == 0
            )
        )
    return tuple(pieces)


# The fewest characters of a name in capitals read as a spelling of its own amid prose (see
# Judge._shouted_in_prose): shorter ones are acronyms.
_SHOUTED_LETTERS = 4
# The Romance words for "of" before a place in a name of that language (Banque du Liban): see
# Judge._place_in_a_foreign_name.
_ROMANCE_OF = frozenset("de du des del della di da do dos".split())
# Words by which a name is no longer a name (see Judge._longer_names): articles, the s of an
# English possessive, which the words of a spelling hold as a word of its own, and a nasab's
# particle (Mohamed Ould Ghazouani, Mohamed Ghazouani: one name, its particle left out).
_NO_MORE_WORDS = ARTICLES | {"s"} | NASAB_WORDS
