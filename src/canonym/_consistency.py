"""Group the names of a draft and decide what to report: the core of :func:`canonym.check`.

Mentions (from :mod:`canonym.mentions`) are put in *groups*, one per name:

- a known entity's mentions form one group whose house style is the table ``name`` and its
  ``short`` forms (a curated ``alias`` that is a different name, such as a birth name or an
  acronym, forms a group of its own, whose house style is that alias as written);
- an unknown mention joins the one group (known or unknown) whose spelling it varies by the word
  rules of :mod:`canonym._spelling`, or whose words it repeats (a second reference: ``Ridha`` of
  ``Mohammed Ridha Jabri``); failing that it may be tied to the table by its transliteration key
  or the resolver; the unknown mentions left over are clustered among themselves.

A group spelled two or more ways is *inconsistent*: every mention that is not in its house style
is a :class:`Finding`. For an unknown name the house style is the draft's dominant spelling (most
full mentions; ties: the first).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

import regex
from rapidfuzz import fuzz, process

from ._spelling import (
    ALIKE,
    FIELD_ORDER,
    alias_is_spelling,
    block_keys,
    compare,
    demonym_of,
    display,
    joined_equal,
    name_words,
    spelling_key,
    suggest,
    usable_name,
    word_forms,
)
from .mentions import Mention, NameIndex, compact_forms
from .normalize import normalize
from .table import Entity

__all__ = ["Finding", "Judge"]


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


@dataclass
class _Member:
    mention: Mention
    key: str  # the spelling key
    status: str = "full"  # full | partial | ref


@dataclass
class _Group:
    entity: Entity | None
    house: list[str]  # house-style spellings; empty for an unknown name until decided
    members: list[_Member] = field(default_factory=list)
    tie: bool = False  # an unknown name's house spelling won a tie (it comes first)


class _FormIndex:
    """The spellings of groups, filed by block key, to find the groups a mention may belong to."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[tuple[str, _Group]]] = {}
        self._seen: set[tuple[str, int]] = set()

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

    def candidates(self, written: str) -> Iterator[tuple[str, _Group]]:
        seen: set[tuple[str, int]] = set()
        for k in block_keys(written):
            for form, group in self._by_key.get(k, ()):
                if (form, id(group)) not in seen:
                    seen.add((form, id(group)))
                    yield form, group


class Judge:
    """Groups the mentions of one draft and decides the findings."""

    def __init__(self, text: str, index: NameIndex, variants: bool) -> None:
        self.text = text
        self.index = index
        self.table = index.resolver.table
        self.variants = variants
        self._lower_words: set[str] | None = None
        self._line_starts: list[int] | None = None
        self._known: dict[tuple[str, str], _Group] = {}
        self._forms = _FormIndex()
        # word key -> the known entities of the draft with a name holding a word of that key
        self._context: dict[str, set[str]] = {}
        self._worth: dict[str, bool] = {}
        self._context_ids: set[str] = set()

    # -- grouping ---------------------------------------------------------------------------

    def run(self, mentions: Sequence[Mention]) -> list[Finding]:
        unknown: list[Mention] = []
        for m in mentions:
            if m.entity is not None:
                self._add_known(m)
            elif m.parts or self._usable_unknown(m):
                unknown.append(m)
        unknown = _split_adjacent_names(unknown, mentions)
        # 1. Tie unknown names to the known entities of the draft (or, with variants, of the
        #    table); segments that hold table names come first, as they may add known names.
        pieces = self._anchor([m for m in unknown if m.parts])
        leftover = self._anchor([m for m in unknown if not m.parts] + pieces)
        # 2. Cluster what is left: names of several words, then single words, which may be
        #    second references to (or misspelt surnames of) the longer names.
        multi = [m for m in leftover if len(name_words(m.text)) > 1]
        single = [m for m in leftover if len(name_words(m.text)) <= 1]
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
        findings.sort(key=lambda f: (f.start, f.end))
        return findings

    def _add_known(self, m: Mention) -> _Group | None:
        """Put a mention of a table entity in its group (made on first use)."""
        assert m.entity is not None
        entity = self.table[m.entity]
        if m.alias_type == "weak" or demonym_of(m, entity):
            return None
        if (
            m.alias_type == "alias"
            and m.alias is not None
            and not alias_is_spelling(entity.name, entity.kind, m.alias)
        ):
            # another name of the entity (a birth name, an acronym): a group of its own
            key, house = (entity.id, m.alias), [m.alias]
        else:
            key, house = (entity.id, ""), [entity.name, *entity.short]
        group = self._known.get(key)
        if group is None:
            group = self._known[key] = _Group(entity, house)
            self._forms.add_group(group)
            self._context_ids.add(entity.id)
            for k in self.index.entity_keys(entity.id):
                self._context.setdefault(k, set()).add(entity.id)
        group.members.append(_Member(m, self._key(m)))
        if not m.caps:
            self._forms.add(display(m.text), group)
        return group

    def _anchor(self, mentions: list[Mention]) -> list[Mention]:
        """Attach unknown mentions to known groups, tie them to the table by key or by the
        resolver, or fall back on their parts. Returns the unknown mentions left over."""
        leftover: list[Mention] = []
        for m in mentions:
            if self._place(m, self._forms) is not None:
                continue
            resolved = self._by_key(m, within=None if self.variants else self._context_ids)
            if resolved is None and self._worth_resolving(m):
                resolved = self.index.resolve(m.text)
            if resolved is not None:
                entity, alias, alias_type, method = resolved
                known = replace(
                    m, entity=entity, alias=alias, alias_type=alias_type, method=method, parts=()
                )
                if self._add_known(known) is not None:
                    continue
            if not m.parts:
                leftover.append(m)
                continue
            for part in m.parts:
                if part.entity is not None:
                    self._add_known(part)
                elif self._usable_unknown(part):
                    leftover.append(part)
        return leftover

    def _worth_resolving(self, m: Mention) -> bool:
        """Whether to ask the resolver: with ``variants`` always; otherwise only when the
        mention may be another spelling of an entity the draft names (it shares a word key with
        one of its names, and the two are alike letter for letter), so that a resolver call is
        spent only where it can tie a mention to a name of the draft."""
        if self.variants:
            return True
        worth = self._worth.get(m.text)
        if worth is None:
            entities: set[str] = set()
            for k in self.index.keys_of(m.text, last=True):
                entities |= self._context.get(k, set())
            forms = [f for e in entities for f in self.index.entity_forms(e)]
            joined, folded = compact_forms(m.text)
            worth = bool(forms) and (
                process.extractOne(joined, [j for j, _ in forms], score_cutoff=ALIKE) is not None
                or process.extractOne(
                    folded, [f for _, f in forms], scorer=fuzz.token_set_ratio, score_cutoff=ALIKE
                )
                is not None
            )
            self._worth[m.text] = worth
        return worth

    def _by_key(self, m: Mention, within: set[str] | None) -> tuple[str, str, str, str] | None:
        """The one entity (of ``within``, when given) that has a table name with the same
        transliteration key as ``m`` (the resolver's key tier, without its fuzzy tiers)."""
        hits = [h for h in self.index.key_hits(m.text) if within is None or h[0] in within]
        if len({h[0] for h in hits}) != 1:
            return None
        entity, name, kind = min(hits, key=lambda h: FIELD_ORDER[h[2]])
        return entity, name, kind, "key"

    def _attach(self, mentions: list[Mention], forms: _FormIndex) -> list[Mention]:
        """Put each mention in the one group it refers to; return the mentions left over."""
        return [m for m in mentions if self._place(m, forms) is None]

    def _place(self, m: Mention, forms: _FormIndex) -> str | None:
        """Put ``m`` in the one group whose spelling it varies or whose words it repeats.

        Returns ``placed``; ``left`` for a mention that is settled without joining a group (a
        second reference of two names, a spelling close to two names, an ordinary word at the
        start of a sentence: never reported); or None when no group fits."""
        refs: dict[int, _Group] = {}
        variants: dict[int, tuple[_Group, str]] = {}
        for form, group in forms.candidates(m.text):
            how = compare(m.text, form)
            if how is None and joined_equal(m.text, form):
                how = "full"
            if how == "ref" or (how is not None and spelling_key(form) == spelling_key(m.text)):
                refs[id(group)] = group
            elif how is not None:
                variants.setdefault(id(group), (group, how))
        if refs:
            if len(refs) > 1:
                return "left"
            (group,) = refs.values()
            group.members.append(_Member(m, self._key(m), "ref"))
            return "placed"
        if len(variants) > 1:
            return "left"
        if variants:
            ((group, how),) = variants.values()
            if m.initial and len(m.words) == 1 and self._common_word(m):
                return "left"  # an ordinary word at the start of a sentence
            group.members.append(_Member(m, self._key(m), how))
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
        return normalize(m.text).casefold() if m.caps else spelling_key(m.text)

    def _cluster(self, mentions: list[Mention]) -> list[_Group]:
        """Cluster unknown mentions by spelling (union-find over blocked pairs)."""
        by_key: dict[str, list[Mention]] = {}
        for m in mentions:
            by_key.setdefault(self._key(m), []).append(m)
        keys = list(by_key)
        parent = list(range(len(keys)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        blocks: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            for b in block_keys(by_key[k][0].text):
                blocks.setdefault(b, []).append(i)
        for members in blocks.values():
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    i, j = members[x], members[y]
                    if find(i) == find(j):
                        continue
                    a, b = by_key[keys[i]][0].text, by_key[keys[j]][0].text
                    if compare(a, b) == "full" or joined_equal(a, b):
                        parent[find(i)] = find(j)
        clusters: dict[int, _Group] = {}
        for i, k in enumerate(keys):
            group = clusters.setdefault(find(i), _Group(None, []))
            group.members.extend(_Member(m, k) for m in by_key[k])
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
        spellings = self._spelling_set(members, group.house)
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
            m.mention.entity is None
            and m.mention.initial
            and len(m.mention.words) == 1
            and len(group.members) > 1
            and self._common_word(m.mention)
        )

    def _common_word(self, m: Mention) -> bool:
        if self._lower_words is None:
            self._lower_words = set(_LOWER_WORD.findall(self.text))
        word = m.text[:1].lower() + m.text[1:]
        return word in self._lower_words

    def _dominant(self, members: list[_Member]) -> tuple[str, bool] | None:
        """The most used full spelling (ties: the first), and whether it won a tie."""
        counts: dict[str, list[int]] = {}
        first: dict[str, _Member] = {}
        for m in members:
            if m.status != "full" or m.mention.caps:
                continue
            counts.setdefault(m.key, []).append(m.mention.start)
            first.setdefault(m.key, m)
        if not counts:
            return None
        best = max(counts, key=lambda k: (len(counts[k]), -counts[k][0]))
        tie = sum(len(v) == len(counts[best]) for v in counts.values()) > 1
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
        return [s for s in distinct if not any(o != s and compare(s, o) == "ref" for o in distinct)]

    def _is_house(self, m: _Member, house: list[str]) -> bool:
        written = m.mention.text
        for h in house:
            if m.mention.caps:
                if normalize(h).casefold() == m.key:
                    return True
            elif spelling_key(h) == m.key:
                return True
            hw, mw = word_forms(h), word_forms(written)
            if len(mw) < len(hw) and set(mw) <= set(hw):
                return True
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
        line, column = self._line_column(mention.start)
        return Finding(
            start=mention.start,
            end=mention.end,
            text=mention.text,
            line=line,
            column=column,
            suggestion=suggestion,
            entity_id=group.entity.id if group.entity is not None else None,
            message=f'"{display(mention.text)}" -> "{suggestion}": {reason}',
            kind=kind,
        )

    def _line_column(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            self._line_starts = [0] + [b.end() for b in _LINE_BREAK.finditer(self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_SPACES_ONLY = regex.compile(r"[^\S\r\n]+")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Ll}[\p{L}\p{M}]*")


def _split_adjacent_names(unknown: list[Mention], mentions: Sequence[Mention]) -> list[Mention]:
    """Split an unknown run of capitalised words that is two names side by side.

    "... in Syria and Yemen Soleimani armed militias ...": when the first words of the run are
    written alone as a name elsewhere in the draft (Yemen) and the other words are too, or end
    another name of the draft (Qassem Soleimani), and only spaces separate them, the run is two
    names, not one.
    """
    whole = {word_forms(m.text) for m in mentions}
    tails: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for w in whole:
        for i in range(1, len(w)):
            tails.setdefault(w[i:], set()).add(w)
    out: list[Mention] = []
    for m in unknown:
        words = word_forms(m.text)
        split = 0
        if (
            not m.parts
            and len(words) == len(m.words) > 1
            and all(
                _SPACES_ONLY.fullmatch(m.text[a[1] - m.start : b[0] - m.start])
                for a, b in zip(m.words, m.words[1:], strict=False)
            )
        ):
            for k in range(1, len(words)):
                head, rest = words[:k], words[k:]
                if head in whole and (rest in whole or tails.get(rest, set()) - {words}):
                    split = k
                    break
        if not split:
            out.append(m)
            continue
        for a, b in ((0, split), (split, len(words))):
            s, e = m.words[a][0], m.words[b - 1][1]
            out.append(
                Mention(
                    s,
                    e,
                    m.text[s - m.start : e - m.start],
                    m.words[a:b],
                    initial=m.initial and a == 0,
                )
            )
    return out
