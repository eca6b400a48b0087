"""The alias table: curated entities with their names, spellings, aliases and look-alikes.

Tables are immutable once built. ``AliasTable.default()`` loads the bundled table once,
thread-safely, and caches it; importing canonym loads nothing.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import regex

from .errors import AliasTableError, Problem
from .normalize import fold, normalize

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["KINDS", "AliasTable", "Entity"]

KINDS = frozenset({"person", "organization", "place", "other"})
_ID = regex.compile(r"^[a-z0-9]+(?:[-:_.][a-z0-9]+)*$")
_LIST_FIELDS = ("spellings", "aliases", "weak", "short", "distinct", "sources")
_KNOWN_FIELDS = frozenset({"id", "name", "kind", "note", *_LIST_FIELDS})


@dataclass(frozen=True)
class Entity:
    """One curated entity. ``names()`` lists every strong name; ``weak`` and ``short`` apart."""

    id: str
    name: str
    kind: str = "other"
    spellings: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    distinct: frozenset[str] = field(default_factory=frozenset)
    sources: tuple[str, ...] = ()
    note: str = ""
    origin: str = ""  # "aliases/people.toml:12" or "<records>:3"

    def names(self) -> tuple[str, ...]:
        """The house-style name, then spellings, then other names (all strong)."""
        return (self.name, *self.spellings, *self.aliases)


def _as_list(value: Any, field_name: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"'{field_name}' must be a list of strings")
        return ()
    cleaned = tuple(normalize(v) for v in value)
    if any(not v for v in cleaned):
        problems.append(f"'{field_name}' holds an empty string")
    return tuple(v for v in cleaned if v)


def _entity_from_record(
    record: Any, origin: str, *, require_sources: bool
) -> tuple[Entity | None, str, list[str]]:
    """Build one entity, returning it (or None) with its id and the problems found."""
    problems: list[str] = []
    if not isinstance(record, Mapping):
        return None, "", [f"an entity must be a table/dict, not {type(record).__name__}"]
    raw_id = record.get("id")
    entity_id = raw_id if isinstance(raw_id, str) else ""
    if not isinstance(raw_id, str) or not raw_id:
        problems.append("missing or non-string 'id'")
    elif not _ID.match(raw_id):
        problems.append(f"malformed id {raw_id!r} (lowercase letters, digits and -:_. only)")
    unknown = sorted(set(record) - _KNOWN_FIELDS)
    if unknown:
        problems.append(f"unknown key(s) {', '.join(map(repr, unknown))}")
    name = record.get("name")
    if not isinstance(name, str) or not normalize(name) or not fold(name):
        problems.append("empty or missing 'name'")
        name = ""
    kind = record.get("kind", "other")
    if kind not in KINDS:
        problems.append(f"unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    note = record.get("note", "")
    if not isinstance(note, str):
        problems.append("'note' must be a string")
        note = ""
    lists = {f: _as_list(record.get(f), f, problems) for f in _LIST_FIELDS}
    if require_sources and not lists["sources"]:
        problems.append("no 'sources': say where the facts come from")
    if entity_id in lists["distinct"]:
        problems.append("'distinct' names the entity itself")
    if problems:
        return None, entity_id, problems
    entity = Entity(
        id=entity_id,
        name=normalize(name),
        kind=str(kind),
        spellings=lists["spellings"],
        aliases=lists["aliases"],
        weak=lists["weak"],
        short=lists["short"],
        distinct=frozenset(lists["distinct"]),
        sources=lists["sources"],
        note=note,
        origin=origin,
    )
    return entity, entity_id, []


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
        self._entities: dict[str, Entity] = {}
        for entity in entities:
            self._entities[entity.id] = entity
        self._distinct = self._close_distinct()

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        source: str = "<records>",
        shared_names: str = "error",
    ) -> AliasTable:
        """Build a table from dicts with ``id``, ``name`` and optional schema fields.

        Sources are optional here (they are required in TOML files). Raises
        :class:`AliasTableError` listing every problem. ``shared_names="distinct"`` links
        entities that claim the same name, spelling, alias or short form (after folding) as
        ``distinct`` instead of reporting them: for imported lists, whose entries are different
        entities by the list's own word, so that the shared string resolves to neither.
        """
        if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
            raise TypeError(
                "from_records() argument 'records' must be an iterable of dicts, "
                f"not {type(records).__name__}"
            )
        _check_policy(shared_names, "shared_names", "from_records")
        located = [(f"record {i}", r) for i, r in enumerate(records, 1)]
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
        sources: Mapping[str, list[tuple[str, Any]]],
        *,
        require_sources: bool,
        shared_names: str = "error",
    ) -> AliasTable:
        problems: list[Problem] = []
        entities: list[Entity] = []
        seen: dict[str, str] = {}
        for source, located in sources.items():
            for location, record in located:
                entity, entity_id, found = _entity_from_record(
                    record, f"{source}:{location}", require_sources=require_sources
                )
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
        if shared_names == "distinct":
            entities = _link_shared_names(entities)
        table = cls(entities)
        problems.extend(table._cross_check())
        if problems:
            raise AliasTableError(problems)
        return table

    def _close_distinct(self) -> dict[str, frozenset[str]]:
        links: dict[str, set[str]] = {eid: set(e.distinct) for eid, e in self._entities.items()}
        for eid, entity in self._entities.items():
            for other in entity.distinct:
                links.setdefault(other, set()).add(eid)
        return {eid: frozenset(v) for eid, v in links.items()}

    def _cross_check(self) -> list[Problem]:
        """Problems between entities: missing distinct targets, strings claimed twice."""
        problems: list[Problem] = []
        claims: dict[str, list[tuple[str, str]]] = {}
        for entity in self._entities.values():
            source, _, location = entity.origin.rpartition(":")
            for other in sorted(entity.distinct):
                if other not in self._entities:
                    problems.append(
                        Problem(
                            source, location, entity.id, f"'distinct' names missing id {other!r}"
                        )
                    )
            for label, strings in (
                ("name", (entity.name,)),
                ("spelling", entity.spellings),
                ("alias", entity.aliases),
                ("short form", entity.short),
            ):
                for s in strings:
                    folded = fold(s)
                    if not folded:
                        problems.append(
                            Problem(source, location, entity.id, f"{label} {s!r} folds to nothing")
                        )
                        continue
                    claims.setdefault(folded, []).append((entity.id, f"{label} {s!r}"))
        for folded, owners in claims.items():
            ids = sorted({eid for eid, _ in owners})
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    if b in self._distinct.get(a, frozenset()):
                        continue
                    entity = self._entities[b]
                    source, _, location = entity.origin.rpartition(":")
                    what_a = next(w for eid, w in owners if eid == a)
                    what_b = next(w for eid, w in owners if eid == b)
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
        merged = dict(self._entities)
        for other in others:
            for entity in other:
                earlier = merged.get(entity.id)
                merged[entity.id] = entity if earlier is None else _overlay(earlier, entity)
        entities = list(merged.values())
        if on_conflict == "distinct":
            entities = _link_shared_names(entities)
        table = AliasTable(entities)
        problems = table._cross_check()
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


def _link_shared_names(entities: list[Entity]) -> list[Entity]:
    """Link every set of entities that claim one strong string (folded) as ``distinct``."""
    owners: dict[str, set[str]] = {}
    for entity in entities:
        for s in _strong_strings(entity):
            owners.setdefault(fold(s), set()).add(entity.id)
    links: dict[str, set[str]] = {}
    for folded, ids in owners.items():
        if len(ids) > 1 and folded:
            for eid in ids:
                links.setdefault(eid, set()).update(ids - {eid})
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
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        where = regex.search(r"line (\d+)", str(err))
        location = f"line {where.group(1)}" if where else "-"
        raise AliasTableError([Problem(str(file), location, "", f"invalid TOML: {err}")]) from err
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
