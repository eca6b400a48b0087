"""The alias table: curated entities with their names, spellings, aliases and look-alikes.

Tables are immutable once built. ``AliasTable.default()`` loads the bundled table once,
thread-safely, and caches it; importing canonym loads nothing.
"""

from __future__ import annotations

import gc
import re
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import regex

from .errors import AliasTableError, Problem
from .normalize import _fold_text, _normalize_text, fold

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["KINDS", "AliasTable", "Entity"]

KINDS = frozenset({"person", "organization", "place", "other"})
# The standard ``re``: the pattern is ASCII, and a match costs half of ``regex``'s.
_ID = re.compile(r"^[a-z0-9]+(?:[-:_.][a-z0-9]+)*$")
_LIST_FIELDS = ("spellings", "aliases", "weak", "short", "distinct", "sources")
_KNOWN_FIELDS = frozenset({"id", "name", "kind", "note", *_LIST_FIELDS})


# The one empty ``distinct`` set that every entity without look-alikes shares: an empty
# frozenset is a 216-byte object of its own each time one is made.
_NO_IDS: frozenset[str] = frozenset()


# Slots: a table holds one Entity per entity (400,000 for a million aliases), and without a
# ``__dict__`` each is a quarter smaller.
@dataclass(frozen=True, slots=True)
class Entity:
    """One curated entity. ``names()`` lists every strong name; ``weak`` and ``short`` apart."""

    id: str
    name: str
    kind: str = "other"
    spellings: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    distinct: frozenset[str] = _NO_IDS
    sources: tuple[str, ...] = ()
    note: str = ""
    origin: str = ""  # "aliases/people.toml:12" or "<records>:3"

    def names(self) -> tuple[str, ...]:
        """The house-style name, then spellings, then other names (all strong)."""
        return (self.name, *self.spellings, *self.aliases)

    def __reduce__(self) -> tuple[type[Entity], tuple[Any, ...]]:
        # Pickled as its constructor call: the same on every Python version, whereas the
        # pickling of frozen slotted dataclasses changed within 3.10.
        return (
            Entity,
            (
                self.id,
                self.name,
                self.kind,
                self.spellings,
                self.aliases,
                self.weak,
                self.short,
                self.distinct,
                self.sources,
                self.note,
                self.origin,
            ),
        )


def _as_list(value: Any, field_name: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    elif not isinstance(value, list):
        problems.append(f"'{field_name}' must be a list of strings")
        return ()
    for v in value:
        if not isinstance(v, str):
            problems.append(f"'{field_name}' must be a list of strings")
            return ()
    cleaned = tuple([_normalize_text(v) for v in value])
    if not all(cleaned):
        problems.append(f"'{field_name}' holds an empty string")
        return tuple(v for v in cleaned if v)
    return cleaned


def _entity_from_record(
    record: Any, origin: str, *, require_sources: bool
) -> tuple[Entity | None, str, list[str], str]:
    """Build one entity, returning it (or None) with its id and the problems found.

    The fourth value is the entity's name folded, when it is: the table needs it next.
    """
    problems: list[str] = []
    # (A dict is a Mapping; the check against the ABC costs more than the rest of a field.)
    if type(record) is not dict and not isinstance(record, Mapping):
        return None, "", [f"an entity must be a table/dict, not {type(record).__name__}"], ""
    get = record.get
    raw_id = get("id")
    entity_id = raw_id if isinstance(raw_id, str) else ""
    if not isinstance(raw_id, str) or not raw_id:
        problems.append("missing or non-string 'id'")
    elif not _ID.match(raw_id):
        problems.append(f"malformed id {raw_id!r} (lowercase letters, digits and -:_. only)")
    if not _KNOWN_FIELDS.issuperset(record):
        unknown = sorted(set(record) - _KNOWN_FIELDS)
        problems.append(f"unknown key(s) {', '.join(map(repr, unknown))}")
    name = get("name")
    normalized = folded = ""
    if isinstance(name, str):
        normalized = _normalize_text(name)
        folded = _fold_text(name) if normalized else ""
    if not folded:
        problems.append("empty or missing 'name'")
        normalized = ""
    kind = get("kind", "other")
    if kind not in KINDS:
        problems.append(f"unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    note = get("note", "")
    if not isinstance(note, str):
        problems.append("'note' must be a string")
        note = ""
    # Field by field rather than in a loop over the names: most records carry two or three of
    # the six, and an absent one costs a dictionary look-up only.
    v = get("spellings")
    spellings = () if v is None else _as_list(v, "spellings", problems)
    v = get("aliases")
    aliases = () if v is None else _as_list(v, "aliases", problems)
    v = get("weak")
    weak = () if v is None else _as_list(v, "weak", problems)
    v = get("short")
    short = () if v is None else _as_list(v, "short", problems)
    v = get("distinct")
    distinct = () if v is None else _as_list(v, "distinct", problems)
    v = get("sources")
    sources = () if v is None else _as_list(v, "sources", problems)
    if require_sources and not sources:
        problems.append("no 'sources': say where the facts come from")
    if distinct and entity_id in distinct:
        problems.append("'distinct' names the entity itself")
    if problems:
        return None, entity_id, problems, ""
    entity = Entity(
        entity_id,
        normalized,
        str(kind),
        spellings,
        aliases,
        weak,
        short,
        frozenset(distinct) if distinct else _NO_IDS,
        sources,
        note,
        origin,
    )
    # The table claims the name as normalised; when normalising changed nothing (nearly
    # always), this fold is that one.
    return entity, entity_id, [], folded if normalized == name else ""


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while a table or index is built.

    Building creates millions of objects and no reference cycles; each of them counts towards
    the collector's next full pass, which then walks everything built so far: a third of the
    build time. Whoever had the collector off keeps it off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class _Claims:
    """Who claims each strong string (name, spelling, alias, short form), folded.

    Filled as entities are accepted, with one ``fold`` per string, and read both to link shared
    names as ``distinct`` and to report strings claimed twice: the folding is the cost of a
    table build, so it is done once.
    """

    __slots__ = ("empty", "first", "shared")

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.first: dict[str, str] = {}  # folded string -> id of its first claimant
        self.shared: dict[str, list[str]] = {}  # ... -> claimants, when more than one entity
        self.empty: dict[str, list[str]] = {}  # id -> its strings that fold to nothing
        for entity in entities:
            self.add(entity)

    def add(self, entity: Entity, name_folded: str = "") -> None:
        """Claim the strong strings of ``entity``; ``name_folded``, if given, is its name's."""
        eid = entity.id
        first = self.first
        # The name inline (every entity has one): a call per string is a tenth of a build.
        folded = name_folded or _fold_text(entity.name)
        if not folded:
            self._claim(eid, entity.name, "name")
        else:
            owner = first.setdefault(folded, eid)
            if owner is not eid and owner != eid:
                self._share(folded, owner, eid)
        if entity.spellings or entity.aliases or entity.short:
            for label, strings in (
                ("spelling", entity.spellings),
                ("alias", entity.aliases),
                ("short form", entity.short),
            ):
                for s in strings:
                    folded = _fold_text(s)
                    if not folded:
                        self._claim(eid, s, label)
                        continue
                    owner = first.setdefault(folded, eid)
                    if owner is not eid and owner != eid:
                        self._share(folded, owner, eid)

    def _claim(self, eid: str, text: str, label: str) -> None:
        folded = _fold_text(text)
        if not folded:
            self.empty.setdefault(eid, []).append(f"{label} {text!r} folds to nothing")
            return
        owner = self.first.setdefault(folded, eid)
        if owner != eid:
            self._share(folded, owner, eid)

    def _share(self, folded: str, owner: str, eid: str) -> None:
        claimants = self.shared.get(folded)
        if claimants is None:
            self.shared[folded] = [owner, eid]
        else:
            claimants.append(eid)


def _claim_of(entity: Entity, folded: str) -> str:
    """How ``entity`` first claims ``folded``: "alias 'Kiev'" (the wording of the problems)."""
    for label, strings in (
        ("name", (entity.name,)),
        ("spelling", entity.spellings),
        ("alias", entity.aliases),
        ("short form", entity.short),
    ):
        for s in strings:
            if _fold_text(s) == folded:
                return f"{label} {s!r}"
    raise AssertionError(f"{entity.id!r} does not claim {folded!r}")  # pragma: no cover


class AliasTable:
    """An immutable collection of :class:`Entity` objects, validated on construction.

    >>> table = AliasTable.from_records([
    ...     {"id": "qassem-soleimani", "name": "Qassem Soleimani", "kind": "person",
    ...      "aliases": ["Qasem Soleimani"]},
    ... ])
    >>> len(table), table["qassem-soleimani"].name
    (1, 'Qassem Soleimani')
    """

    _default: AliasTable | None = None
    _default_lock = threading.Lock()

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._entities: dict[str, Entity] = {entity.id: entity for entity in entities}
        self._distinct = self._close_distinct()

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        source: str = "<records>",
        shared_names: str = "distinct",
    ) -> AliasTable:
        """Build a table from dicts with ``id``, ``name`` and optional schema fields.

        Sources are optional here (they are required in TOML files). Raises
        :class:`AliasTableError` listing every problem. Entities that claim the same name,
        spelling, alias or short form (after folding) are linked as ``distinct``, so that the
        shared string resolves to neither: records are different entities by their own word
        (two cities called Hyderabad, two men called Ali Hassan). ``shared_names="error"``
        reports them instead, as the curated TOML files do.
        """
        if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
            raise TypeError(
                "from_records() argument 'records' must be an iterable of dicts, "
                f"not {type(records).__name__}"
            )
        _check_policy(shared_names, "shared_names", "from_records")
        # Located one at a time: a list of a million (location, record) pairs would be a
        # hundred megabytes held through the whole build.
        located = ((f"record {i}", r) for i, r in enumerate(records, 1))
        return cls._build({source: located}, require_sources=False, shared_names=shared_names)

    @classmethod
    def from_csv(
        cls,
        path: str | Path,
        *,
        id: str = "id",
        name: str = "name",
        alias: str | None = None,
        kind: str | None = None,
        role: str | None = None,
        roles: Mapping[str, str | None] | None = None,
        kinds: Mapping[str, str] | None = None,
        source: str | None = None,
        delimiter: str | None = None,
        encoding: str = "utf-8",
        shared_names: str = "distinct",
    ) -> AliasTable:
        """Build a table from a CSV/TSV file with a header row and one name per row.

        ``id``, ``name``, ``alias``, ``kind`` and ``role`` are column names. Rows sharing an
        id are one entity. Without a ``role`` column the first row's name is the entity's
        name and the other names in that column are aliases; with one, its values say where
        each row's name goes (``name``/``primary``, ``spelling``, ``alias``/``aka``/``fka``,
        ``weak``/``weak_aka``, ``short``; ``roles`` adds or overrides values, ``None`` skips
        such rows). An ``alias`` column adds one alias per row. ``kinds`` maps the file's
        kind values to canonym's. ``source`` is recorded on every entity. The delimiter is
        sniffed when not given (tab for ``.tsv``). Entities sharing a name are linked as
        ``distinct`` unless ``shared_names="error"``. See ``docs/importers.md``.
        """
        from .importers import csv_records  # the readers live with the other importers

        _check_policy(shared_names, "shared_names", "from_csv")
        located = csv_records(
            path,
            id=id,
            name=name,
            alias=alias,
            kind=kind,
            role=role,
            roles=roles,
            kinds=kinds,
            source=source,
            delimiter=delimiter,
            encoding=encoding,
        )
        return cls._build({str(path): located}, require_sources=False, shared_names=shared_names)

    @classmethod
    def load(cls, path: str | Path) -> AliasTable:
        """Load a table from one TOML file or a directory of ``*.toml`` files (name order).

        Raises :class:`AliasTableError` naming file, line and entity for each problem, and
        ``FileNotFoundError`` when ``path`` does not exist.
        """
        if not isinstance(path, (str, Path)):
            raise TypeError(
                f"load() argument 'path' must be str or Path, not {type(path).__name__}"
            )
        path = Path(path)
        if path.is_dir():
            files = sorted(path.glob("*.toml"))
            if not files:
                raise AliasTableError([Problem(str(path), "-", "", "no *.toml files in directory")])
        elif path.exists():
            files = [path]
        else:
            raise FileNotFoundError(f"alias table not found: {path}")
        sources: dict[str, list[tuple[str, Any]]] = {}
        problems: list[Problem] = []
        for file in files:
            try:
                sources[str(file)] = _read_toml(file)
            except AliasTableError as err:
                problems.extend(err.problems)
        if problems:
            raise AliasTableError(problems)
        return cls._build(sources, require_sources=True)

    @classmethod
    def default(cls) -> AliasTable:
        """The bundled table (from ``aliases/``), loaded once and cached, thread-safely."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls.load(bundled_aliases_dir())
        return cls._default

    @classmethod
    def _build(
        cls,
        sources: Mapping[str, Iterable[tuple[str, Any]]],
        *,
        require_sources: bool,
        shared_names: str = "error",
    ) -> AliasTable:
        with _gc_paused():
            problems: list[Problem] = []
            entities: list[Entity] = []
            seen: dict[str, str] = {}
            claims = _Claims()
            for source, located in sources.items():
                for location, record in located:
                    entity, entity_id, found, name_folded = _entity_from_record(
                        record, f"{source}:{location}", require_sources=require_sources
                    )
                    if found:
                        problems.extend(Problem(source, location, entity_id, m) for m in found)
                    if entity is None:
                        continue
                    if entity.id in seen:
                        problems.append(
                            Problem(
                                source,
                                location,
                                entity.id,
                                f"duplicate id (first at {seen[entity.id]})",
                            )
                        )
                        continue
                    seen[entity.id] = entity.origin
                    entities.append(entity)
                    claims.add(entity, name_folded)
            if shared_names == "distinct":
                entities = _link_shared_names(entities, claims)
            table = cls(entities)
            problems.extend(table._cross_check(claims))
        if problems:
            raise AliasTableError(problems)
        return table

    def _close_distinct(self) -> dict[str, frozenset[str]]:
        # Only entities with look-alikes get an entry (``distinct_from`` answers the others
        # with the empty set): most have none, and a million empty sets weigh 200 MB.
        links: dict[str, set[str]] = {}
        for eid, entity in self._entities.items():
            if entity.distinct:
                links.setdefault(eid, set()).update(entity.distinct)
                for other in entity.distinct:
                    links.setdefault(other, set()).add(eid)
        return {eid: frozenset(v) for eid, v in links.items()}

    def _cross_check(self, claims: _Claims | None = None) -> list[Problem]:
        """Problems between entities: missing distinct targets, strings claimed twice.

        ``claims`` are this table's entities' claims when the caller has them already.
        """
        if claims is None:
            claims = _Claims(self._entities.values())
        problems: list[Problem] = []
        empty = claims.empty
        for entity in self._entities.values():
            if not entity.distinct and entity.id not in empty:
                continue
            source, _, location = entity.origin.rpartition(":")
            for other in sorted(entity.distinct):
                if other not in self._entities:
                    problems.append(
                        Problem(
                            source, location, entity.id, f"'distinct' names missing id {other!r}"
                        )
                    )
            for message in empty.get(entity.id, ()):
                problems.append(Problem(source, location, entity.id, message))
        shared = claims.shared
        if not shared:
            return problems
        no_ids = _NO_IDS
        # In the order in which the strings were first claimed, as they are reported.
        for folded in claims.first:
            claimants = shared.get(folded)
            if claimants is None:
                continue
            ids = sorted(set(claimants))
            for i, a in enumerate(ids):
                linked = self._distinct.get(a, no_ids)
                for b in ids[i + 1 :]:
                    if b in linked:
                        continue
                    entity = self._entities[b]
                    source, _, location = entity.origin.rpartition(":")
                    what_a = _claim_of(self._entities[a], folded)
                    what_b = _claim_of(entity, folded)
                    problems.append(
                        Problem(
                            source,
                            location,
                            b,
                            f"{what_b} is also {what_a} of {a!r} (folded {folded!r}); "
                            "link the two with 'distinct' if both are right",
                        )
                    )
        return problems

    # -- merging ----------------------------------------------------------------------------

    def merge(self, *others: AliasTable, on_conflict: str = "error") -> AliasTable:
        """A new table: this one overlaid with ``others`` in order (later tables win).

        ``AliasTable.merge(bundled, mine)``, ``bundled.merge(mine)`` and ``bundled | mine`` are
        the same. An entity whose id is in one table only is taken as it is. For an id in
        several tables, the later entry overrides the earlier one field by field:

        - ``name``: the later one; an earlier name it replaces is kept as a spelling (so
          ``check`` tells a draft that still uses it to use the new name);
        - ``spellings``, ``aliases``, ``short``, ``weak``: the later entry's lists are added,
          and a string it lists (compared folded) leaves whatever field it had earlier: a
          later table can promote a weak alias or demote an alias to weak;
        - ``kind``: the later one, unless it is ``other`` (the default) and the earlier is not;
        - ``distinct`` and ``sources``: both; ``note``: the later one if not empty.

        Nothing is ever deleted. A string that two *different* ids claim afterwards, without a
        ``distinct`` link between them, is a conflict: ``on_conflict="error"`` (default)
        raises :class:`AliasTableError` listing every one; ``"distinct"`` links the claimants
        as ``distinct``, so the shared string resolves to neither.

        >>> bundled = AliasTable.from_records([{"id": "kyiv", "name": "Kyiv", "kind": "place",
        ...                                     "aliases": ["Kiev"]}])
        >>> house = AliasTable.from_records([{"id": "kyiv", "name": "Kiev", "weak": ["Kyjiw"]}])
        >>> merged = bundled | house
        >>> e = merged["kyiv"]
        >>> e.name, e.kind, e.spellings, e.aliases, e.weak
        ('Kiev', 'place', ('Kyiv',), (), ('Kyjiw',))
        """
        for i, other in enumerate(others):
            if not isinstance(other, AliasTable):
                raise TypeError(
                    f"merge() argument {i + 1} must be AliasTable, not {type(other).__name__}"
                )
        _check_policy(on_conflict, "on_conflict", "merge")
        with _gc_paused():
            merged = dict(self._entities)
            for other in others:
                for entity in other:
                    earlier = merged.get(entity.id)
                    merged[entity.id] = entity if earlier is None else _overlay(earlier, entity)
            entities = list(merged.values())
            claims = _Claims(entities)
            if on_conflict == "distinct":
                entities = _link_shared_names(entities, claims)
            table = AliasTable(entities)
            problems = table._cross_check(claims)
        if problems:
            raise AliasTableError(problems)
        return table

    def __or__(self, other: object) -> AliasTable:
        if not isinstance(other, AliasTable):
            return NotImplemented
        return self.merge(other)

    # -- mapping protocol -------------------------------------------------------------------

    def __getitem__(self, entity_id: str) -> Entity:
        return self._entities[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def __repr__(self) -> str:
        return f"<AliasTable: {len(self)} entities>"

    def get(self, entity_id: str, default: Entity | None = None) -> Entity | None:
        """The entity with this id, or ``default``."""
        return self._entities.get(entity_id, default)

    def distinct_from(self, entity_id: str) -> frozenset[str]:
        """IDs linked to ``entity_id`` by ``distinct`` in either direction."""
        return self._distinct.get(entity_id, frozenset())

    def __getstate__(self) -> dict[str, Any]:
        return {"entities": list(self._entities.values())}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._entities = {e.id: e for e in state["entities"]}
        self._distinct = self._close_distinct()


_POLICIES = ("error", "distinct")


def _check_policy(value: Any, argument: str, function: str) -> None:
    if value not in _POLICIES:
        raise ValueError(f"{function}() argument {argument!r} must be 'error' or 'distinct'")


def _strong_strings(entity: Entity) -> tuple[str, ...]:
    """The strings that identify an entity on their own: names, spellings, aliases, short."""
    return (*entity.names(), *entity.short)


def _link_shared_names(entities: list[Entity], claims: _Claims) -> list[Entity]:
    """Link every set of entities that claim one strong string (folded) as ``distinct``."""
    links: dict[str, set[str]] = {}
    for claimants in claims.shared.values():
        ids = set(claimants)
        for eid in ids:
            links.setdefault(eid, set()).update(ids - {eid})
    if not links:
        return entities
    return [replace(e, distinct=e.distinct | links[e.id]) if e.id in links else e for e in entities]


def _overlay(earlier: Entity, later: Entity) -> Entity:
    """``later`` laid over ``earlier`` (same id): see :meth:`AliasTable.merge`."""
    claimed = {fold(s) for s in (*_strong_strings(later), *later.weak)}

    def kept(values: tuple[str, ...], extra: tuple[str, ...] = ()) -> tuple[str, ...]:
        earlier_part = [v for v in values if fold(v) not in claimed]
        return tuple(dict.fromkeys([*earlier_part, *extra]))

    renamed = () if fold(earlier.name) in claimed else (earlier.name,)
    return Entity(
        id=later.id,
        name=later.name,
        kind=earlier.kind if later.kind == "other" else later.kind,
        spellings=kept((*renamed, *earlier.spellings), later.spellings),
        aliases=kept(earlier.aliases, later.aliases),
        weak=kept(earlier.weak, later.weak),
        short=kept(earlier.short, later.short),
        distinct=earlier.distinct | later.distinct,
        sources=tuple(dict.fromkeys([*earlier.sources, *later.sources])),
        note=later.note or earlier.note,
        origin=later.origin,
    )


def _read_toml(file: Path) -> list[tuple[str, Any]]:
    """Read one TOML file; each entity located by the line of its ``[[entity]]`` header."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise AliasTableError([Problem(str(file), "-", "", f"not UTF-8: {err}")]) from err
    data = _read_plain_toml(text)
    if data is None:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            where = regex.search(r"line (\d+)", str(err))
            location = f"line {where.group(1)}" if where else "-"
            raise AliasTableError(
                [Problem(str(file), location, "", f"invalid TOML: {err}")]
            ) from err
    unknown = sorted(set(data) - {"entity"})
    if unknown:
        raise AliasTableError(
            [Problem(str(file), "line 1", "", f"unknown top-level key(s): {', '.join(unknown)}")]
        )
    records = data.get("entity", [])
    if not isinstance(records, list):
        raise AliasTableError([Problem(str(file), "-", "", "'entity' must be an array of tables")])
    header_lines = [
        i for i, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[entity]]")
    ]
    located: list[tuple[str, Any]] = []
    for n, record in enumerate(records):
        line = header_lines[n] if n < len(header_lines) else 0
        located.append((f"line {line}" if line else f"entity {n + 1}", record))
    return located


# A reader for the plain TOML that alias tables are written in: ``[[entity]]`` headers, bare
# keys, and values that are strings or arrays of strings. tomllib, pure Python, took two thirds
# of loading the bundled table; this reads the same files several times faster. It gives up
# (returns None) on anything else, and tomllib then reads the file as before, with its own
# messages for broken files: so every file reads the same as with tomllib, and only files that
# tomllib accepts are read here (tests/test_table_toml.py holds the two side by side). The
# standard ``re``: these patterns are ASCII, and its calls cost half of ``regex``'s.
#
# Control characters other than tab and line feed: TOML allows them nowhere unescaped.
_TOML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TOML_BLANK = re.compile(r"[ \t]*(?:#[^\n]*)?(?:\n|\Z)")
_TOML_HEADER = re.compile(r"[ \t]*\[\[entity\]\][ \t]*(?:#[^\n]*)?(?:\n|\Z)")
_TOML_KEY = re.compile(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*")
_TOML_LINE_END = _TOML_BLANK
# Nine lines in ten in one match: a key and a string, or a one-line array of strings, with no
# escapes (no backslash, so the text between the quotes is the value).
_TOML_PLAIN = r'"[^"\\\n]*"'
_TOML_PLAIN_PAIR = re.compile(
    r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*"
    rf'(?:"([^"\\\n]*)"|(\[[ \t]*(?:{_TOML_PLAIN}[ \t]*,[ \t]*)*(?:{_TOML_PLAIN}[ \t]*)?\]))'
    r"[ \t]*(?:#[^\n]*)?(?:\n|\Z)"
)
_TOML_PLAIN_ITEM = re.compile(r'"([^"\\\n]*)"')
_TOML_STRING = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"')
# Up to the first three quotes, which must not be four (a quote ending the text); a text ending
# in an escaping backslash ends elsewhere, and ``_unescape`` gives such a text up.
_TOML_MULTILINE = re.compile(r'"""\n?((?:[^"]|"(?!""))*)"""(?!")')
_TOML_ARRAY_GAP = re.compile(r"(?:[ \t\n]|#[^\n]*)*")
_TOML_ESCAPE = re.compile(
    r"\\(?:([ \t]*\n[ \t\n]*)|([btnfr\"\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.|\n|\Z))"
)
_TOML_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


class _NotPlainToml(Exception):
    """The text is not in the subset ``_read_plain_toml`` reads."""


def _unescape(text: str, multiline: bool) -> str:
    if "\\" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        line_end, simple, u4, u8, bad = m.groups()
        if line_end is not None:
            if not multiline:
                raise _NotPlainToml
            return ""  # a line-ending backslash joins the lines
        if simple is not None:
            return _TOML_ESCAPES[simple]
        if bad is not None:
            raise _NotPlainToml
        code = int(u4 or u8, 16)
        if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            raise _NotPlainToml
        return chr(code)

    return str(_TOML_ESCAPE.sub(one, text))


def _toml_string(text: str, pos: int) -> tuple[str, int]:
    if text.startswith('"""', pos):
        m = _TOML_MULTILINE.match(text, pos)
        if m is None:
            raise _NotPlainToml
        return _unescape(m.group(1), True), m.end()
    m = _TOML_STRING.match(text, pos)
    if m is None:
        raise _NotPlainToml
    return _unescape(m.group(1), False), m.end()


def _toml_value(text: str, pos: int) -> tuple[str | list[str], int]:
    if text.startswith("[", pos):
        items: list[str] = []
        pos = _TOML_ARRAY_GAP.match(text, pos + 1).end()  # type: ignore[union-attr]
        while not text.startswith("]", pos):
            item, pos = _toml_string(text, pos)
            items.append(item)
            pos = _TOML_ARRAY_GAP.match(text, pos).end()  # type: ignore[union-attr]
            if text.startswith(",", pos):
                pos = _TOML_ARRAY_GAP.match(text, pos + 1).end()  # type: ignore[union-attr]
            elif not text.startswith("]", pos):
                raise _NotPlainToml
        return items, pos + 1
    return _toml_string(text, pos)


def _read_plain_toml(text: str) -> dict[str, Any] | None:
    """``tomllib.loads(text)`` for plain alias-table TOML, else None (see above)."""
    if _TOML_FORBIDDEN.search(text):  # CR among them: CRLF files go to tomllib
        return None
    entities: list[dict[str, Any]] = []
    entity: dict[str, Any] | None = None
    plain_pair, plain_items = _TOML_PLAIN_PAIR.match, _TOML_PLAIN_ITEM.findall
    blank, header = _TOML_BLANK.match, _TOML_HEADER.match
    pos, end = 0, len(text)
    try:
        while pos < end:
            m = plain_pair(text, pos)
            if m is None:
                m = blank(text, pos)  # at pos < end, a match moves on by one line at least
                if m is None:
                    m = header(text, pos)
                    if m is not None:
                        entity = {}
                        entities.append(entity)
                        pos = m.end()
                        continue
                    m = _TOML_KEY.match(text, pos)
                    if m is None or entity is None or m.group(1) in entity:
                        return None  # another construct, a key outside an entity or twice
                    value, pos = _toml_value(text, m.end())
                    entity[m.group(1)] = value
                    m = _TOML_LINE_END.match(text, pos)
                    if m is None:
                        return None
                pos = m.end()
                continue
            key, string, array = m.groups()
            if entity is None or key in entity:
                return None
            entity[key] = string if array is None else plain_items(array)
            pos = m.end()
    except _NotPlainToml:
        return None
    return {"entity": entities} if entities else {}


def bundled_aliases_dir() -> Path:
    """Where the bundled table lives: inside the installed package, or the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "aliases", here.parent.parent / "aliases"):
        if candidate.is_dir() and any(candidate.glob("*.toml")):
            return candidate
    raise FileNotFoundError(
        "canonym's bundled alias table is missing (looked in "
        f"{here / 'aliases'} and {here.parent.parent / 'aliases'}); reinstall canonym"
    )


def read_bundled_toml(*parts: str) -> dict[str, Any] | None:
    """A TOML file of the bundled aliases directory (``parts`` is its path below it), parsed;
    None when it cannot be read or parsed: the curated lists beside the table (places' other
    names, regions) are then done without, as a table without them would be."""
    try:
        text = bundled_aliases_dir().joinpath(*parts).read_text(encoding="utf-8")
        data: dict[str, Any] = tomllib.loads(text)
    except (OSError, ValueError):
        return None
    return data
