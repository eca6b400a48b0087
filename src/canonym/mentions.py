"""Find the names in running text: known names by a token trie, unknown ones as capitalised runs.

One compiled regular expression finds *runs*: capitalised words (``Qassem``, ``KATA'IB``), the
particles and articles that join them (``Abu Mahdi al-Muhandis``, ``bin Laden``, ``Siraj-ud-Din``,
``de Gaulle``), short lowercase hyphen tails (``Kai-shek``, ``Jong-un``) and dotted titles and
initials (``Gen.``, ``W.``). Nothing else of the text is looked at twice, so the scan is linear
and spends Python time only on the capitalised part of a draft. Inside a run:

1. every name of the table is found by walking a trie of folded words (built once per resolver
   and cached): longest match first, with no regular expression per alias; a walk may continue
   past the run through lowercase words the name itself contains (``Islamic State of Iraq and
   the Levant``);
2. titles (``General``, ``Supreme Leader``) split the run and are left out of every span, and a
   function word that only starts the sentence (``The``, ``In``) is dropped;
3. a segment that holds table names without being covered by them (``Khata'ib Hezbollah`` holds
   ``Hezbollah``) is one unknown mention that carries those names as its ``parts``; the checker
   (:mod:`canonym.check`) decides whether the whole is a spelling of a known name (by its word
   rules or the :class:`~canonym.Resolver`) or falls back on the parts. Every other segment is an
   *unknown* mention, which the checker clusters.

Words are folded one by one (non-ASCII words only are transliterated), and every span is an
exact pair of offsets into the text as given.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ._chars import APOSTROPHES
from .keys import consonant_skeleton, key, token_key
from .normalize import COMPOUND_SUFFIXES, fold
from .parse import ARTICLES, TITLES, parse
from .resolver import Resolver
from .table import Entity

__all__ = ["FUNCTION_WORDS", "Mention", "NameIndex", "compact_forms", "find_mentions", "index_for"]

# -- the lexical rules ------------------------------------------------------------------------

_L = r"\p{L}\p{M}\p{N}"  # what a word is made of: letters, combining marks, digits
# Apostrophes that are punctuation (ʼ ʻ ʾ ʿ are letters in Unicode and need no rule).
_APOS = "".join(sorted(ch for ch in APOSTROPHES if not regex.match(r"\p{L}", ch)))
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
# A word: letters, marks and digits, with apostrophes and invisible characters allowed between
# letters; "'s" at the end is a possessive, not part of the word.
_WORD = (
    rf"[{_L}](?:[{_L}]|[{_INVISIBLE}]+(?=[{_L}])"
    rf"|[{regex.escape(_APOS)}](?!s(?![{_L}]))(?=[\p{{L}}\p{{M}}]))*"
)
WORD_RE = regex.compile(_WORD)
_SP = r"[\t \u00a0\u2000-\u200a\u202f\u205f\u3000]"
# One space or one line break (a wrapped line); a blank line ends a run.
_WS = rf"(?:{_SP}*(?:\r\n|\r|\n){_SP}*|{_SP}+)"
_HY = r"[-\u2010\u2011]"
# Dotted abbreviations of titles, and initials, which may sit inside a name.
_ABBREVIATIONS = (
    "Adm Amb Brig Capt Cmdr Col Dr Fr Gen Gov Hon Jr Lt Maj Mr Mrs Ms Pres Prof Rep Rev Sen "
    "Sgt Sr St"
).split()
_CAPWORD = (
    rf"(?:(?:{'|'.join(_ABBREVIATIONS)})\.(?={_SP})|\p{{Lu}}\.(?={_SP}[\p{{Lu}}\p{{Lt}}])"
    rf"|[\u02bb\u02bc\u02be\u02bf]?(?=[\p{{Lu}}\p{{Lt}}]){_WORD})"
)
# Joiners. Space-joined particles that may start a name or sit inside one; more (Romance and
# Germanic articles) only between two capitalised words; any Arabic article with a hyphen.
_START_PARTICLES = "al el bin ibn bint abu abd de van von del della dos das du da di".split()
_INNER_PARTICLES = [*_START_PARTICLES, "ben", "ul", "ud", "der", "den", "ter", "ten", "la", "le"]
_HY_ARTICLES = sorted(ARTICLES - {"l"}, key=len, reverse=True)
# A short lowercase word hyphenated to a name is part of it (Kai-shek, Jong-un, Tehrik-i-),
# unless it is an English compound (Iran-led, US-made, Iraq-wide).
_NOT_TAILS = sorted(
    {w for w in COMPOUND_SUFFIXES if len(w) <= 4}
    | set("wide like free type area zone side bred size only long old new day week year".split()),
    key=len,
    reverse=True,
)
_TAIL = rf"{_HY}(?!(?:{'|'.join(_NOT_TAILS)})(?![{_L}]))\p{{Ll}}{{1,4}}(?![{_L}]|{_HY}\p{{Ll}})"
_RUN = (
    rf"(?<![{_L}{_INVISIBLE}])"
    rf"(?:(?:{'|'.join(_HY_ARTICLES)}){_HY}(?=[\p{{Lu}}\p{{Lt}}])"
    rf"|(?:{'|'.join(_START_PARTICLES)}){_SP}+(?=[\p{{Lu}}\p{{Lt}}]))?"
    rf"{_CAPWORD}"
    rf"(?:(?:{_WS}(?:(?:{'|'.join(_INNER_PARTICLES)})(?:{_SP}+|{_HY}))?"
    rf"|{_HY}(?:(?:{'|'.join(_HY_ARTICLES)}){_HY})?|\u2013)(?=[\u02bb\u02bc\u02be\u02bf]?[\p{{Lu}}\p{{Lt}}])"
    rf"{_CAPWORD}|{_TAIL})*"
)
RUN_RE = regex.compile(_RUN)
_SOFT_GAP = regex.compile(rf"(?:{_WS}|{_HY})")

# English function words: capitalised at the start of a sentence they are not names.
FUNCTION_WORDS = frozenset(
    """a an the this that these those there here then thus so yet but and or nor if as at by for
    from in into of on onto to with within without over under after before since during while
    when where whereas although though because unless until whether what which who whom whose
    why how his her hers its their theirs our ours my mine your yours he she it they we i you me
    him them us some many most much more less few several all both each every either neither no
    not none one two three four five also however meanwhile moreover nevertheless instead still
    now later earlier once again against between among amid around across behind beyond beside
    besides toward towards upon via near like unlike than such other another only even just yet
    according despite following including regarding about above below per is are was were be
    been being has have had do does did will would shall should may might must can could""".split()
)
_FOLDED_TITLES: dict[str, list[tuple[str, ...]]] = {}
for _title in TITLES:
    _FOLDED_TITLES.setdefault(_title.split()[0], []).append(tuple(_title.split()))
_ACRONYM = 5  # letters: a one-word name in capitals up to this long is an acronym


def _fold_word(word: str) -> tuple[str, ...]:
    """The folded pieces of one word (unidecode may turn one CJK word into several)."""
    if word.isascii() and word.isalnum():
        return (word.lower(),)
    return tuple(fold(word).split())


_LETTER_MARKS = frozenset("\u02bb\u02bc\u02be\u02bf")  # ʻ ʼ ʾ ʿ: letters without case


def _is_cap(word: str) -> bool:
    """Whether the first cased letter of ``word`` is upper (or title) case."""
    for ch in word:
        if ch.isalpha() and ch not in _LETTER_MARKS:
            return ch.isupper() or ch.istitle()
    return False


def _is_all_caps(word: str) -> bool:
    """Two letters or more, all capitals (``US``, ``KATA'IB``)."""
    return word.isupper() and sum(ch.isalpha() for ch in word) >= 2


# -- mentions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A name found in a text: its span, and what it refers to when that is known.

    ``entity`` is the id of the table entity (``None`` for an unknown name), ``alias`` the table
    string that found it and ``alias_type`` its field (``name``, ``spelling``, ``alias``,
    ``short``), ``method`` ``literal`` or the resolver's method. ``words`` are the spans of its
    words. ``caps`` is set for an ALL-CAPS mention, ``initial`` for one that starts a sentence.

    An unknown mention with ``parts`` is a segment that contains table names but is not covered
    by them (``Khata'ib Hezbollah`` holds ``Hezbollah``): the checker decides whether the whole
    is a spelling of a known name or an unknown one; if neither, ``parts`` (the table names and
    the unknown pieces, in order) stand for it.
    """

    start: int
    end: int
    text: str
    words: tuple[tuple[int, int], ...]
    entity: str | None = None
    alias: str | None = None
    alias_type: str | None = None
    method: str = "unknown"
    initial: bool = False
    caps: bool = False
    parts: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class _Terminal:
    entity: int
    text: str
    kind: str
    case: tuple[int, ...]  # per folded piece: 0 any case, 1 capitalised, 2 ALL CAPS (an acronym)


# A folded piece of a word: (piece, its case: 0 lower, 1 capitalised, 2 ALL CAPS, token index).
_Piece = tuple[str, int, int]
_END = ""  # the trie key of a node's terminals: no folded piece is empty
_TYPE_ORDER = {"name": 0, "spelling": 1, "short": 2, "alias": 3, "weak": 4}


def _case(word: str) -> int:
    """0 lowercase, 1 capitalised, 2 ALL CAPS (two letters or more)."""
    if word.isupper():
        return 2 if sum(ch.isalpha() for ch in word) >= 2 else 1
    return 1 if _is_cap(word) else 0


def _pieces(text: str) -> tuple[list[str], list[int]]:
    """Folded pieces of a table name, and the case each must have in a text.

    A capitalised word must be capitalised in the text (``The Base`` is not "the base"); an
    acronym must be in capitals (``US`` is not "us" nor "Us"): an ALL-CAPS word of a name that is
    not all in capitals, or a whole name of one ALL-CAPS word of up to five letters (an
    imported ``HIZBALLAH`` only asks for a capital).
    """
    words = [m.group() for m in WORD_RE.finditer(text)]
    shouting = all(_is_all_caps(w) or not _is_cap(w) for w in words)
    pieces: list[str] = []
    case: list[int] = []
    for w in words:
        level = _case(w)
        if level == 2 and shouting and not (len(words) == 1 and len(w) <= _ACRONYM):
            level = 1
        for i, piece in enumerate(_fold_word(w)):
            pieces.append(piece)
            case.append(level if i == 0 else 0)
    return pieces, case


class NameIndex:
    """Every name of a resolver's table in a trie of folded words, plus the resolver itself.

    Build it with :func:`index_for`, which caches one per resolver. Thread-safe after building.
    """

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.entities: list[Entity] = list(resolver.table)
        self._trie: dict[str, Any] = {}
        # Keys of every word of every table name, to skip the resolver for segments that share
        # no word key with the table (the resolver's own blocks are a superset of these).
        self._word_keys: set[str] = set()
        for e_index, entity in enumerate(self.entities):
            typed = [(entity.name, "name")]
            typed += [(s, "spelling") for s in entity.spellings]
            typed += [(s, "alias") for s in entity.aliases]
            typed += [(s, "short") for s in entity.short]
            typed += [(s, "weak") for s in entity.weak]
            for text, kind in typed:
                pieces, case = _pieces(text)
                if not pieces:
                    continue
                node = self._trie
                for piece in pieces:
                    node = node.setdefault(piece, {})
                node.setdefault(_END, []).append(_Terminal(e_index, text, kind, tuple(case)))
                for token in parse(text).tokens:
                    self._word_keys.update(_word_keys(token.text))
        self._resolved: dict[str, tuple[str, str, str, str] | None] = {}
        # run text, sentence-initial -> (its mentions at offset 0, its pieces, extension starts)
        self._runs: dict[tuple[str, bool], tuple[tuple[Mention, ...], list[_Piece], list[int]]]
        self._runs = {}
        self._entity_keys: dict[str, frozenset[str]] = {}
        self._entity_forms: dict[str, tuple[tuple[str, str], ...]] = {}
        self._keys: dict[str, list[tuple[str, str, str]]] | None = None  # built on first use
        self._lock = threading.Lock()

    # -- literal hits -----------------------------------------------------------------------

    def _walk(self, pieces: list[_Piece], i: int) -> tuple[int, list[_Terminal]] | None:
        """The longest table name that starts at piece ``i``: (end piece, terminals)."""
        node: dict[str, Any] = self._trie
        best: tuple[int, list[_Terminal]] | None = None
        j = i
        while j < len(pieces):
            nxt = node.get(pieces[j][0])
            if nxt is None:
                break
            node = nxt
            j += 1
            terminals = node.get(_END)
            if terminals:
                fitting = [t for t in terminals if _case_fits(t.case, pieces[i:j])]
                if fitting:
                    best = (j, fitting)
        return best

    def _continues(self, pieces: list[_Piece], i: int) -> bool:
        """Whether some table name starting at piece ``i`` is longer than ``pieces[i:]``."""
        node: dict[str, Any] | None = self._trie
        for piece, _, _ in pieces[i:]:
            node = node.get(piece) if node is not None else None
            if node is None:
                return False
        return node is not None and any(k != _END for k in node)

    # -- resolution -------------------------------------------------------------------------

    def keys_of(self, text: str, *, last: bool = False) -> frozenset[str]:
        """The word keys of a name (its words' class keys and consonant skeletons); with
        ``last``, of its last word only (the family name or head noun, which a misspelling of
        the name keeps most often)."""
        tokens = parse(text).tokens[-1:] if last else parse(text).tokens
        return frozenset(k for t in tokens for k in _context_keys(t.text))

    def key_hits(self, text: str) -> list[tuple[str, str, str]]:
        """(entity id, table name, its field) for every strong table name whose
        transliteration key (:func:`canonym.key`) equals that of ``text``."""
        if self._keys is None:
            with self._lock:
                if self._keys is None:
                    keys: dict[str, list[tuple[str, str, str]]] = {}
                    for e in self.entities:
                        typed = [(e.name, "name"), *((x, "spelling") for x in e.spellings)]
                        typed += [(x, "alias") for x in e.aliases]
                        typed += [(x, "short") for x in e.short]
                        for name, kind in typed:
                            keys.setdefault(key(name), []).append((e.id, name, kind))
                    self._keys = keys
        return self._keys.get(_name_key(text), [])

    def entity_forms(self, entity_id: str) -> tuple[tuple[str, str], ...]:
        """(joined class key, folded form) of every strong name of an entity (cached)."""
        forms = self._entity_forms.get(entity_id)
        if forms is None:
            e = self.resolver.table[entity_id]
            forms = tuple(dict.fromkeys(compact_forms(n) for n in (*e.names(), *e.short)))
            self._entity_forms[entity_id] = forms
        return forms

    def entity_keys(self, entity_id: str) -> frozenset[str]:
        """The word keys of every name of an entity (cached)."""
        keys = self._entity_keys.get(entity_id)
        if keys is None:
            e = self.resolver.table[entity_id]
            keys = frozenset().union(*(self.keys_of(n) for n in (*e.names(), *e.short)))
            self._entity_keys[entity_id] = keys
        return keys

    def resolve(self, segment: str) -> tuple[str, str, str, str] | None:
        """(entity id, alias, alias type, method) for a segment, or None; cached."""
        name = " ".join(segment.split())
        if name in self._resolved:
            return self._resolved[name]
        result: tuple[str, str, str, str] | None = None
        words = parse(name).tokens
        if words and any(k in self._word_keys for t in words for k in _word_keys(t.text)):
            m = self.resolver.resolve(name)
            if m is not None and m.method != "weak":
                result = (m.entity_id, m.alias, m.alias_type, m.method)
        with self._lock:
            if len(self._resolved) > _RESOLVED_CACHE:
                self._resolved.clear()
            self._resolved[name] = result
        return result

    # -- the scan ---------------------------------------------------------------------------

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in order."""
        out: list[Mention] = []
        skips = _not_prose(text)
        k = 0
        pos = 0
        n = len(text)
        while pos < n:
            m = RUN_RE.search(text, pos)
            if m is None:
                break
            start, end = m.span()
            while k < len(skips) and skips[k][1] <= start:
                k += 1
            if k < len(skips) and skips[k][0] <= start:
                pos = skips[k][1]  # code, a URL or a comment: not prose
                continue
            for run_start, run_end in _split_heading_lines(text, start, end):
                initial = _sentence_initial(text, run_start)
                run_key = (text[run_start:run_end], initial)
                cached = self._runs.get(run_key)
                if cached is not None:
                    mentions, pieces, starts = cached
                    if not starts or not self._try_extend(text, run_end, pieces, starts)[1]:
                        out.extend(_shifted(mentions, run_start))
                        continue
                before = len(out)
                run_end, pieces, starts, extended = self._scan_run(
                    text, run_start, run_end, initial, out
                )
                end = max(end, run_end)
                if not extended:
                    # Drafts repeat their names: a run is analysed once, then copied.
                    if len(self._runs) > _RUN_CACHE:
                        self._runs.clear()
                    self._runs[run_key] = (
                        tuple(_shifted(out[before:], -run_start)),
                        pieces,
                        starts,
                    )
            pos = end
        return out

    def _scan_run(
        self, text: str, start: int, end: int, initial: bool, out: list[Mention]
    ) -> tuple[int, list[_Piece], list[int], bool]:
        """Add the mentions of one run to ``out``.

        Returns where the run really ended, its folded pieces, the pieces where a table name
        could go on past the run, and whether one did."""
        # (a dotted title or initial leaves its dot outside the word)
        tokens = [(w.start(), w.end()) for w in WORD_RE.finditer(text, start, end)]
        if not tokens:
            return end, [], [], False
        pieces: list[_Piece] = []
        for t_index, (s, e) in enumerate(tokens):
            word = text[s:e]
            level = _case(word)
            for k, piece in enumerate(_fold_word(word)):
                pieces.append((piece, level if k == 0 else 0, t_index))
        if not pieces:
            return end, [], [], False
        # A name of the table may go on past the run through lowercase words ("of", "the").
        starts = self._extension_starts(pieces)
        run_pieces = list(pieces)
        extended = False
        if starts:
            new_end, extra_tokens, extra_pieces = self._try_extend(
                text, end, pieces, starts, len(tokens)
            )
            if extra_tokens:
                tokens.extend(extra_tokens)
                pieces.extend(extra_pieces)
                end, extended = new_end, True
        caps = all(_is_all_caps(text[s:e]) or len(text[s:e]) == 1 for s, e in tokens)
        # Literal hits, leftmost-longest.
        hits: list[tuple[int, int, list[_Terminal]]] = []  # token ranges [a, b)
        i = 0
        while i < len(pieces):
            found = self._walk(pieces, i)
            if found is None:
                i += 1
                continue
            j, terminals = found
            a, b = pieces[i][2], pieces[j - 1][2] + 1
            # A hit must cover whole words: the pieces of a word come from one unidecode call.
            if (i == 0 or pieces[i - 1][2] != a) and (j == len(pieces) or pieces[j][2] != b - 1):
                hits.append((a, b, terminals))
                i = j
            else:
                i += 1
        covered = [False] * len(tokens)
        for a, b, _ in hits:
            for t in range(a, b):
                covered[t] = True
        # Leave out titles (outside hits, never the last word) and a sentence-opening function
        # word; what remains falls into segments.
        drop = [False] * len(tokens)
        folded_tokens = [" ".join(_fold_word(text[s:e])) for s, e in tokens]
        t = 0
        if initial and folded_tokens[0] in FUNCTION_WORDS and not covered[0]:
            drop[0] = True
            t = 1
        while t < len(tokens):
            length = 0 if covered[t] else _title_at(folded_tokens, t, covered)
            if length and t + length < len(tokens):
                for k in range(t, t + length):
                    drop[k] = True
                t += length
            else:
                t += 1
        segments: list[tuple[int, int]] = []
        t = 0
        while t < len(tokens):
            if drop[t]:
                t += 1
                continue
            u = t
            while u < len(tokens) and not drop[u]:
                u += 1
            segments.append((t, u))
            t = u
        for a, b in segments:
            seg_hits = [h for h in hits if a <= h[0] and h[1] <= b]
            seg_initial = initial and not any(drop[:a])
            self._segment(text, tokens, folded_tokens, a, b, seg_hits, seg_initial, caps, out)
        return end, run_pieces, starts, extended

    def _extension_starts(self, pieces: list[_Piece]) -> list[int]:
        """Pieces where a table name starts whose walk has consumed the whole run and could go
        on past it."""
        return [
            i
            for i in range(len(pieces))
            if (i == 0 or pieces[i - 1][2] != pieces[i][2]) and self._continues(pieces, i)
        ]

    def _try_extend(
        self,
        text: str,
        end: int,
        pieces: list[_Piece],
        starts: list[int],
        n_tokens: int = 0,
    ) -> tuple[int, list[tuple[int, int]], list[_Piece]]:
        """Follow a table name past the end of a run through the words after it.

        Returns the new end and the extra tokens and pieces (none when no name fits)."""
        extra_tokens: list[tuple[int, int]] = []
        extra_pieces: list[_Piece] = []
        pos = end
        best: tuple[int, int] = (end, 0)
        for _ in range(_MAX_EXTENSION):
            gap = _SOFT_GAP.match(text, pos)
            if gap is None:
                break
            word = WORD_RE.match(text, gap.end())
            if word is None:
                break
            w = word.group()
            extra_tokens.append(word.span())
            for k, piece in enumerate(_fold_word(w)):
                extra_pieces.append(
                    (piece, _case(w) if k == 0 else 0, n_tokens + len(extra_tokens) - 1)
                )
            pos = word.end()
            all_pieces = pieces + extra_pieces
            if any(self._walk_to_end(all_pieces, i) for i in starts):
                best = (pos, len(extra_tokens))
            if not any(self._continues(all_pieces, i) for i in starts):
                break
        new_end, count = best
        kept = extra_tokens[:count]
        return new_end, kept, [p for p in extra_pieces if p[2] < n_tokens + count]

    def _walk_to_end(self, pieces: list[_Piece], i: int) -> bool:
        found = self._walk(pieces, i)
        return found is not None and found[0] == len(pieces)

    def _segment(
        self,
        text: str,
        tokens: list[tuple[int, int]],
        folded: list[str],
        a: int,
        b: int,
        hits: list[tuple[int, int, list[_Terminal]]],
        initial: bool,
        caps: bool,
        out: list[Mention],
    ) -> None:
        """Mentions of tokens [a, b): literal hits and unknown pieces; a segment that holds
        table names without being covered by them is one unknown mention with those ``parts``."""
        parts: list[Mention] = []
        t = a
        for h_start, h_end, terminals in hits:
            if t < h_start and not caps:
                self._unknown(text, tokens, folded, t, h_start, initial and t == a, parts)
            literal = self._literal(terminals, text[tokens[h_start][0] : tokens[h_end - 1][1]])
            if literal is not None:
                parts.append(
                    self._mention(
                        text, tokens, h_start, h_end, literal, initial and h_start == a, caps
                    )
                )
            t = h_end
        if t < b and not caps:
            self._unknown(text, tokens, folded, t, b, initial and t == a, parts)
        covered = sum(h[1] - h[0] for h in hits)
        whole = None if caps or not hits or covered == b - a else _trim(text, tokens, folded, a, b)
        if whole is None:
            out.extend(parts)
            return
        s, e = whole
        start, end = tokens[s][0], tokens[e - 1][1]
        out.append(
            Mention(
                start,
                end,
                text[start:end],
                tuple(tokens[s:e]),
                initial=initial and s == a,
                parts=tuple(parts),
            )
        )

    def _literal(
        self, terminals: list[_Terminal], written: str
    ) -> tuple[str, str, str, str] | None:
        """The entity a literal hit names, or None when two entities claim the string."""
        strong = [t for t in terminals if t.kind != "weak"] or terminals
        if len({t.entity for t in strong}) > 1:
            return None  # a homonym the table links as distinct: say nothing
        best = min(strong, key=lambda t: (t.text != written, _TYPE_ORDER[t.kind]))
        kind = best.kind
        return (self.entities[best.entity].id, best.text, kind, "literal")

    def _mention(
        self,
        text: str,
        tokens: list[tuple[int, int]],
        a: int,
        b: int,
        resolved: tuple[str, str, str, str],
        initial: bool,
        caps: bool,
    ) -> Mention:
        s, e = tokens[a][0], tokens[b - 1][1]
        entity, alias, alias_type, method = resolved
        return Mention(
            s, e, text[s:e], tuple(tokens[a:b]), entity, alias, alias_type, method, initial, caps
        )

    def _unknown(
        self,
        text: str,
        tokens: list[tuple[int, int]],
        folded: list[str],
        a: int,
        b: int,
        initial: bool,
        out: list[Mention],
    ) -> None:
        trimmed = _trim(text, tokens, folded, a, b)
        if trimmed is None:
            return
        s, e = trimmed
        start, end = tokens[s][0], tokens[e - 1][1]
        out.append(
            Mention(start, end, text[start:end], tuple(tokens[s:e]), initial=initial and s == a)
        )


_RUN_CACHE = 1 << 16  # distinct runs remembered per index (then forgotten all at once)
_RESOLVED_CACHE = 1 << 16
_MAX_EXTENSION = 12  # words a table name may run on past the capitalised run


def _shifted(mentions: Iterable[Mention], by: int) -> Iterator[Mention]:
    """The mentions with every offset moved by ``by``."""
    for m in mentions:
        yield Mention(
            m.start + by,
            m.end + by,
            m.text,
            tuple((s + by, e + by) for s, e in m.words),
            m.entity,
            m.alias,
            m.alias_type,
            m.method,
            m.initial,
            m.caps,
            tuple(_shifted(m.parts, by)),
        )


def _case_fits(case: tuple[int, ...], pieces: list[_Piece]) -> bool:
    """Each word is written at least as capitalised as the table name requires."""
    return all(p[1] >= c for c, p in zip(case, pieces, strict=True))


def _word_keys(word: str) -> tuple[str, ...]:
    skeleton = consonant_skeleton(word)
    return ("t" + token_key(word), "c" + skeleton, "r" + skeleton[1:])


@lru_cache(maxsize=65536)
def _name_key(text: str) -> str:
    return key(text)


@lru_cache(maxsize=65536)
def compact_forms(name: str) -> tuple[str, str]:
    """A name's words' class keys joined (``Ghum`` and ``Qom`` both ``kum``), and its folded
    form: what a cheap similarity test before the resolver compares."""
    return "".join(token_key(t.particle + t.text) for t in parse(name).tokens), fold(name)


def _context_keys(word: str) -> tuple[str, ...]:
    """Keys that tie a draft's word to a name the draft mentions: its class key and its
    consonant skeleton, and the skeleton without its first letter when four letters remain."""
    skeleton = consonant_skeleton(word)
    keys = ("t" + token_key(word), "c" + skeleton)
    return (*keys, "r" + skeleton[1:]) if len(skeleton) >= 5 else keys


def _title_at(folded: list[str], t: int, covered: list[bool]) -> int:
    """How many words of a title start at token ``t`` (0 if none)."""
    for parts in _FOLDED_TITLES.get(folded[t], ()):
        k = len(parts)
        if tuple(folded[t : t + k]) == parts and not any(covered[t : t + k]):
            return k
    return 0


def _trim(
    text: str, tokens: list[tuple[int, int]], folded: list[str], a: int, b: int
) -> tuple[int, int] | None:
    """Tokens [a, b) without joiners at either end; None when no capitalised word is left."""
    while (
        a < b
        and not _is_cap(text[tokens[a][0] : tokens[a][1]])
        and not _joins_next(text, tokens, folded, a, b)
    ):
        a += 1
    while (
        a < b
        and not _is_cap(text[tokens[b - 1][0] : tokens[b - 1][1]])
        and (folded[b - 1] in _INNER_PARTICLES or folded[b - 1] in ARTICLES)
    ):
        b -= 1
    if a >= b or not any(_is_cap(text[s:e]) for s, e in tokens[a:b]):
        return None
    return a, b


def _joins_next(
    text: str, tokens: list[tuple[int, int]], folded: list[str], a: int, b: int
) -> bool:
    """A leading article or particle that belongs to the next word (al-Muhandis, bin Laden)."""
    return a + 1 < b and (folded[a] in ARTICLES or folded[a] in _START_PARTICLES)


_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
# What is not prose in a Markdown or text draft: fenced and inline code, URLs, HTML comments.
_NOT_PROSE = regex.compile(
    r"(?ms)^[ \t]*(`{3,}|~{3,}).*?(?:^[ \t]*\1|\Z)"
    r"|`[^`\r\n]+`"
    r"|\b(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[^\s<>()\[\]]+"
    r"|<!--.*?(?:-->|\Z)"
)


def _not_prose(text: str) -> list[tuple[int, int]]:
    """Spans to skip, in order (none in most drafts, found without a scan when absent)."""
    if not any(marker in text for marker in ("`", "~~~", "://", "www.", "<!--")):
        return []
    return [m.span() for m in _NOT_PROSE.finditer(text)]


def _line_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts (searching back no further than that line)."""
    lf = text.rfind("\n", 0, pos)
    cr = text.rfind("\r", lf + 1, pos)
    return max(lf, cr) + 1


def _split_heading_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a run at a line break that ends a heading (a ``#`` line or a line of only the run)."""
    s = start
    for br in _LINE_BREAK.finditer(text, start, end):
        line_start = _line_start(text, s)
        before = text[line_start:s]
        if before.lstrip().startswith("#") or not before.strip():
            yield s, br.start()
            s = br.end()
            while s < end and text[s] in " \t":
                s += 1
    yield s, end


_OPENERS = frozenset("\"'“”‘’«»([{*_>#|•·-–—")


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` starts a sentence, a heading, a list item or a paragraph."""
    i = pos - 1
    newlines = 0
    limit = max(0, pos - 200)
    while i >= limit:
        ch = text[i]
        if ch == "\n" or ch == "\r":
            if ch == "\n" and i > 0 and text[i - 1] == "\r":
                i -= 1
            newlines += 1
            if newlines >= 2:
                return True
            line_start = _line_start(text, i)
            if text[line_start:i].lstrip().startswith("#"):
                return True  # the line before is a heading
        elif ch.isspace() or ch in _OPENERS or ch.isdigit():
            pass
        else:
            return ch in ".!?:;…"
        i -= 1
    return i < 0


# -- the cache --------------------------------------------------------------------------------

# The indexes of the last few resolvers (an index holds its resolver, so a weak-keyed cache would
# keep both for ever; a short one bounds what is kept). The default resolver's stays in use.
_INDEXES: dict[int, tuple[Resolver, NameIndex]] = {}
_INDEX_LOCK = threading.Lock()
_INDEXES_KEPT = 8


def index_for(resolver: Resolver) -> NameIndex:
    """The :class:`NameIndex` of ``resolver``, built on first use and cached (thread-safe)."""
    kept = _INDEXES.get(id(resolver))
    if kept is not None and kept[0] is resolver:
        return kept[1]
    with _INDEX_LOCK:
        kept = _INDEXES.pop(id(resolver), None)
        if kept is None or kept[0] is not resolver:
            kept = (resolver, NameIndex(resolver))
        _INDEXES[id(resolver)] = kept
        while len(_INDEXES) > _INDEXES_KEPT:
            del _INDEXES[next(iter(_INDEXES))]
        return kept[1]


def find_mentions(text: str, resolver: Resolver) -> list[Mention]:
    """The names in ``text``, known (``entity`` set) and unknown, in order.

    >>> import canonym
    >>> table = canonym.AliasTable.from_records([
    ...     {"id": "kataib-hezbollah", "name": "Kata'ib Hezbollah", "kind": "organization"},
    ...     {"id": "hezbollah", "name": "Hezbollah", "kind": "organization"},
    ... ])
    >>> text = "Gen. Ali Rahimi said Khata’ib Hezbollah's fighters, not Hezbollah, fired."
    >>> for m in find_mentions(text, canonym.Resolver(table)):
    ...     print(m.start, m.text, m.entity, [(p.text, p.entity) for p in m.parts])
    5 Ali Rahimi None []
    21 Khata’ib Hezbollah None [('Khata’ib', None), ('Hezbollah', 'hezbollah')]
    56 Hezbollah hezbollah []
    """
    return index_for(resolver).find(text)
