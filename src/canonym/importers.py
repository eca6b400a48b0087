"""Importers: alias tables from the lists users already have, and back out as TOML.

- :func:`ofac` reads the US Treasury's SDN list in OFAC's own CSV format (``sdn.csv`` and
  ``alt.csv``, as downloaded) into an :class:`~canonym.AliasTable` with IDs ``ofac:<ent_num>``.
- :func:`csv_records` is the reader behind :meth:`AliasTable.from_csv <canonym.AliasTable.from_csv>`
  (any CSV/TSV with one name per row).
- :func:`write_toml` writes any table as a directory of TOML files in the documented schema,
  which :meth:`AliasTable.load <canonym.AliasTable.load>` reads back.

Importing this module registers ``canonym aliases import ofac`` and ``canonym aliases import csv``.
See ``docs/importers.md``.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import regex

from . import cli
from .errors import AliasTableError, Problem
from .normalize import normalize
from .table import AliasTable, Entity

__all__ = [
    "CSV_ROLES",
    "OFAC_KINDS",
    "csv_records",
    "ofac",
    "ofac_records",
    "ofac_weak_aliases",
    "to_toml",
    "write_toml",
]

# -- reading text files as published --------------------------------------------------------


def _require_path(value: Any, argument: str, function: str) -> Path:
    if isinstance(value, (str, Path)):
        return Path(value)
    raise TypeError(
        f"{function}() argument '{argument}' must be str or Path, not {type(value).__name__}"
    )


def _read_text(path: Path, encoding: str) -> str:
    """The file's text, without a byte-order mark or a trailing DOS end-of-file byte (0x1A).

    OFAC's files end with ``\\r\\n\\x1a``: the 0x1A would otherwise be read as one more row.
    """
    try:
        text = path.read_bytes().decode(encoding)
    except UnicodeDecodeError as err:
        raise AliasTableError(
            [Problem(str(path), "-", "", f"not {encoding}: {err} (pass encoding=...)")]
        ) from err
    return text.removeprefix("\ufeff").rstrip("\x1a\r\n")


def _rows(text: str, delimiter: str = ",") -> Iterable[tuple[int, list[str]]]:
    """CSV rows with the line each starts on; blank lines skipped. CRLF and LF both work."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    for row in reader:
        if any(cell.strip() for cell in row):
            yield line, row
        line = reader.line_num + 1


# -- OFAC -------------------------------------------------------------------------------------

#: OFAC's ``SDN_Type`` -> canonym kind; anything else (OFAC writes ``-0-`` for entities) is an
#: organization.
OFAC_KINDS: Mapping[str, str] = {"individual": "person", "vessel": "other", "aircraft": "other"}
_OFAC_EMPTY = "-0-"
_SDN_COLUMNS = 12  # ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage,
# GRT, Vess_flag, Vess_owner, Remarks
_ALT_COLUMNS = 5  # ent_num, alt_num, alt_type, alt_name, alt_remarks
_ALT_TYPES = frozenset({"aka", "fka", "nka"})  # also known as, formerly, now known as: all strong
# A weak alias in Remarks: a.k.a. 'NAME' (also f.k.a./n.k.a.). NAME may itself hold apostrophes
# (ABU-'UMAR, AL-DARDA', Abu) or be quoted again (''FUPI''), so it ends only at a quote that
# closes the remark item: one followed by ";" or by the final "." of the Remarks.
_WEAK = regex.compile(r"(?<![A-Za-z.])[afn]\.k\.a\. '(.*?)'(?=\s*;|\.?\s*$)")
_PROGRAM_SPLIT = regex.compile(r"\]\s*\[")


def ofac_weak_aliases(remarks: str) -> list[str]:
    """The weak aliases OFAC writes into an SDN entry's Remarks, as published.

    >>> ofac_weak_aliases("DOB 1966; a.k.a. 'ABU ANAS'; a.k.a. 'AL-DARDA', Abu'.")
    ['ABU ANAS', "AL-DARDA', Abu"]
    >>> ofac_weak_aliases("Linked To: AL-JAMAL, Sa'id.")
    []
    """
    return [m.group(1) for m in _WEAK.finditer(remarks.strip())]


def _ofac_cell(row: list[str], index: int) -> str:
    value = row[index].strip()
    return "" if value == _OFAC_EMPTY else value


def _unique_by_field(fields: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Each string once per entity, in the first (strongest) field that holds it."""
    seen: set[str] = set()
    out: dict[str, list[str]] = {}
    for name, values in fields.items():
        kept = []
        for v in values:
            key = normalize(v)
            if key and key not in seen:
                seen.add(key)
                kept.append(v)
        out[name] = kept
    return out


def ofac_records(
    sdn_csv: str | Path, alt_csv: str | Path | None = None, *, encoding: str = "utf-8"
) -> list[dict[str, Any]]:
    """OFAC's ``sdn.csv`` (and ``alt.csv``) as table records, one per SDN entry, in file order.

    Each record: ``id`` ``ofac:<ent_num>``, ``name`` (SDN_Name as published; persons stay in
    OFAC's ``SURNAME, Given`` order, which :func:`canonym.parse` turns round), ``kind`` (from
    SDN_Type, see :data:`OFAC_KINDS`), ``aliases`` (alt.csv: aka, fka, nka), ``weak`` (the
    ``a.k.a. 'NAME'`` items of Remarks), ``sources`` (``ofac:<ent_num>``) and a ``note`` with the
    SDN type and programs. A string repeated within one entry is kept once, in its strongest
    field. Raises :class:`~canonym.AliasTableError` naming file and line for rows that are not
    OFAC's layout.
    """
    sdn_path = _require_path(sdn_csv, "sdn_csv", "ofac_records")
    alt_path = None if alt_csv is None else _require_path(alt_csv, "alt_csv", "ofac_records")
    problems: list[Problem] = []
    records: dict[str, dict[str, Any]] = {}
    for line, row in _rows(_read_text(sdn_path, encoding)):
        where = (str(sdn_path), f"line {line}")
        if len(row) != _SDN_COLUMNS:
            hint = " (is this alt.csv?)" if len(row) == _ALT_COLUMNS else ""
            problems.append(
                Problem(*where, "", f"{len(row)} columns, not OFAC's {_SDN_COLUMNS}{hint}")
            )
            continue
        ent_num, name = _ofac_cell(row, 0), _ofac_cell(row, 1)
        if not ent_num.isdigit():
            problems.append(Problem(*where, "", f"ent_num {ent_num!r} is not a number"))
            continue
        sdn_type = _ofac_cell(row, 2).lower()
        programs = ", ".join(p for p in _PROGRAM_SPLIT.split(_ofac_cell(row, 3)) if p)
        entity_id = f"ofac:{ent_num}"
        if entity_id in records:
            problems.append(Problem(*where, entity_id, "ent_num appears twice in sdn.csv"))
            continue
        records[entity_id] = {
            "id": entity_id,
            "name": name,
            "kind": OFAC_KINDS.get(sdn_type, "organization"),
            "aliases": [],
            "weak": ofac_weak_aliases(_ofac_cell(row, 11)),
            "sources": [entity_id],
            "note": f"OFAC SDN {sdn_type or 'entity'}"
            + (f"; programs {programs}" if programs else ""),
        }
    if alt_path is not None:
        for line, row in _rows(_read_text(alt_path, encoding)):
            where = (str(alt_path), f"line {line}")
            if len(row) != _ALT_COLUMNS:
                hint = " (is this sdn.csv?)" if len(row) == _SDN_COLUMNS else ""
                problems.append(
                    Problem(*where, "", f"{len(row)} columns, not OFAC's {_ALT_COLUMNS}{hint}")
                )
                continue
            entity_id = f"ofac:{_ofac_cell(row, 0)}"
            alt_type, alt_name = _ofac_cell(row, 2).lower(), _ofac_cell(row, 3)
            record = records.get(entity_id)
            if record is None:
                problems.append(
                    Problem(*where, entity_id, "alias of an ent_num missing from sdn.csv")
                )
            elif alt_type not in _ALT_TYPES:
                problems.append(
                    Problem(*where, entity_id, f"unknown alt_type {alt_type!r} (aka, fka, nka)")
                )
            elif alt_name:
                record["aliases"].append(alt_name)
    if problems:
        raise AliasTableError(problems)
    for record in records.values():
        fields = _unique_by_field(
            {"name": [record["name"]], "aliases": record["aliases"], "weak": record["weak"]}
        )
        record["aliases"], record["weak"] = fields["aliases"], fields["weak"]
    return list(records.values())


def ofac(
    sdn_csv: str | Path, alt_csv: str | Path | None = None, *, encoding: str = "utf-8"
) -> AliasTable:
    """An :class:`~canonym.AliasTable` of every entry of OFAC's SDN list, IDs ``ofac:<ent_num>``.

    Reads the files exactly as OFAC publishes them: no header row, ``-0-`` for an empty field,
    CRLF line ends, a trailing end-of-file byte. See :func:`ofac_records` for the fields.
    Different entries that share a strong name are linked as ``distinct`` (OFAC lists them as
    different entities), so that name resolves to neither.

    >>> from pathlib import Path
    >>> data = Path(__file__).resolve().parents[2] / "tests" / "data"
    >>> table = ofac(data / "importer_ofac_sdn.csv", data / "importer_ofac_alt.csv")
    >>> entity = table["ofac:9901"]
    >>> entity.name, entity.kind, entity.aliases, entity.weak
    ('AL-SAMPLE, Yusuf Abd', 'person', ('AL-SAMPEL, Yousef',), ('ABU SAMPLE', "ABU-'UMAR"))
    """
    records = ofac_records(sdn_csv, alt_csv, encoding=encoding)
    return AliasTable.from_records(records, source=str(sdn_csv), shared_names="distinct")


# -- any CSV/TSV with one name per row ------------------------------------------------------

#: Values of a role column (case-insensitive) -> the field the row's name goes to.
CSV_ROLES: Mapping[str, str] = {
    **dict.fromkeys(("name", "primary", "canonical"), "name"),
    **dict.fromkeys(("spelling",), "spellings"),
    **dict.fromkeys(("alias", "aka", "fka", "nka"), "aliases"),
    **dict.fromkeys(("weak", "weak_aka", "weak_fka", "weak_nka"), "weak"),
    **dict.fromkeys(("short",), "short"),
}
_FIELD_ORDER = ("name", "spellings", "aliases", "short", "weak")
_DELIMITERS = ("\t", ",", ";", "|")


def _sniff_delimiter(path: Path, header: str) -> str:
    """Tab for ``.tsv``/``.tab`` files; otherwise the most frequent of tab , ; | in the header."""
    if path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_records(
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
) -> list[tuple[str, dict[str, Any]]]:
    """Read a CSV/TSV with a header row and one name per row into ``(location, record)`` pairs.

    The rules, documented for :meth:`AliasTable.from_csv <canonym.AliasTable.from_csv>` (which
    validates the records): rows sharing an ``id`` are one entity; without a ``role`` column the
    first row's ``name`` is the entity's name and any other name in the column is an alias; with
    one, the row whose role maps to ``"name"`` gives the name (or, failing that, the first row
    with a strong role). An ``alias`` column adds one alias per row. ``kind`` values are
    lower-cased and looked up in ``kinds`` first. ``source`` is added to every entity's sources.
    Empty cells are skipped.
    """
    file = _require_path(path, "path", "from_csv")
    for arg, value in (("id", id), ("name", name)):
        if not isinstance(value, str):
            raise TypeError(f"from_csv() argument {arg!r} must be str, not {type(value).__name__}")
    for arg, opt in (("alias", alias), ("kind", kind), ("role", role), ("source", source)):
        if opt is not None and not isinstance(opt, str):
            raise TypeError(
                f"from_csv() argument {arg!r} must be str or None, not {type(opt).__name__}"
            )
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1):
        raise TypeError("from_csv() argument 'delimiter' must be one character or None")
    role_map = {k.lower(): v for k, v in {**CSV_ROLES, **(roles or {})}.items()}
    bad = sorted(f"{k}={v}" for k, v in role_map.items() if v is not None and v not in _FIELD_ORDER)
    if bad:
        raise ValueError(f"from_csv() 'roles' maps to unknown fields: {', '.join(bad)}")
    kind_map = {k.lower(): v for k, v in (kinds or {}).items()}
    text = _read_text(file, encoding)
    if not text.strip():
        return []
    sep = delimiter or _sniff_delimiter(file, text.split("\n", 1)[0])
    rows = iter(_rows(text, sep))
    _, header = next(rows)
    header = [h.strip() for h in header]
    wanted = {"id": id, "name": name, "alias": alias, "kind": kind, "role": role}
    missing = [f"{arg}={col!r}" for arg, col in wanted.items() if col and col not in header]
    if missing:
        raise AliasTableError(
            [
                Problem(
                    str(file),
                    "line 1",
                    "",
                    f"no column for {', '.join(missing)} (columns: {', '.join(header)})",
                )
            ]
        )
    col = {arg: header.index(c) for arg, c in wanted.items() if c}

    def cell(row: list[str], arg: str) -> str:
        i = col.get(arg)
        return row[i].strip() if i is not None and i < len(row) else ""

    problems: list[Problem] = []
    entities: dict[str, _CsvEntity] = {}
    for line, row in rows:
        entity_id = cell(row, "id")
        if not entity_id:
            problems.append(Problem(str(file), f"line {line}", "", "empty id"))
            continue
        entity = entities.setdefault(entity_id, _CsvEntity(f"line {line}"))
        found: list[str] = []
        row_kind = cell(row, "kind").lower()
        if row_kind:
            found.append(entity.set_kind(kind_map.get(row_kind, row_kind)))
        text = cell(row, "name")
        if text and role is None:
            entity.add(text, "aliases" if entity.fields["name"] else "name")
        elif text:
            value = cell(row, "role").lower()
            if value not in role_map:
                found.append(
                    f"unknown role {value!r}: map it to a field with roles= "
                    "(--role-map on the command line), or to None to skip such rows"
                )
            elif role_map[value] is not None:
                found.append(entity.add(text, str(role_map[value]), by_role=True))
        if cell(row, "alias"):
            entity.add(cell(row, "alias"), "aliases")
        problems += [Problem(str(file), f"line {line}", entity_id, m) for m in found if m]
    if problems:
        raise AliasTableError(problems)
    return [(e.line, e.record(entity_id, source)) for entity_id, e in entities.items()]


class _CsvEntity:
    """The rows of one id in a CSV being read: names by field, kind, where it starts."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.kind = ""
        self.fields: dict[str, list[str]] = {f: [] for f in _FIELD_ORDER}
        self.named_by_role = False

    def set_kind(self, kind: str) -> str:
        """Record the kind; a problem message if an earlier row said another."""
        if self.kind and self.kind != kind:
            return f"kind {kind!r} differs from {self.kind!r} on an earlier row"
        self.kind = kind
        return ""

    def add(self, text: str, target: str, *, by_role: bool = False) -> str:
        """File a name under ``target``; a problem message for a second, different name."""
        if target != "name":
            self.fields[target].append(text)
        elif by_role and self.named_by_role and self.fields["name"] != [text]:
            return f"a second name {text!r} (the first is {self.fields['name'][0]!r})"
        else:
            self.fields["name"] = [text]
            self.named_by_role = by_role
        return ""

    def record(self, entity_id: str, source: str | None) -> dict[str, Any]:
        fields = self.fields
        if not fields["name"]:
            # No row gave the name: the first strong name becomes it.
            fields["name"] = [v for f in ("spellings", "aliases") for v in fields[f]][:1]
        fields = _unique_by_field(fields)
        record: dict[str, Any] = {
            "id": entity_id,
            "name": fields["name"][0] if fields["name"] else "",
            **{f: fields[f] for f in _FIELD_ORDER[1:] if fields[f]},
        }
        if self.kind:
            record["kind"] = self.kind
        if source:
            record["sources"] = [source]
        return record


# -- writing TOML -----------------------------------------------------------------------------

_TOML_ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\"}
_TOML_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F]})
_TOML_FIELDS = ("spellings", "aliases", "weak", "short", "distinct", "sources")


def _toml_string(text: str) -> str:
    return '"' + text.translate(_TOML_ESCAPES) + '"'


def to_toml(entities: Iterable[Entity], *, header: str = "") -> str:
    """Entities as TOML text in the schema of ``docs/alias-table.md`` (empty lists left out).

    >>> table = AliasTable.from_records([{"id": "iraq", "name": "Iraq", "kind": "place",
    ...                                   "spellings": ["Irak"], "sources": ["ISO 3166-1"]}])
    >>> print(to_toml(table))
    [[entity]]
    id = "iraq"
    name = "Iraq"
    kind = "place"
    spellings = ["Irak"]
    sources = ["ISO 3166-1"]
    <BLANKLINE>
    """
    parts = [f"# {line}\n" for line in header.splitlines()]
    for e in entities:
        if parts:
            parts.append("\n")
        parts.append(
            f"[[entity]]\nid = {_toml_string(e.id)}\nname = {_toml_string(e.name)}\n"
            f"kind = {_toml_string(e.kind)}\n"
        )
        for field_name in _TOML_FIELDS:
            values = getattr(e, field_name)
            if values:
                ordered = sorted(values) if field_name == "distinct" else values
                parts.append(f"{field_name} = [{', '.join(map(_toml_string, ordered))}]\n")
        if e.note:
            parts.append(f"note = {_toml_string(e.note)}\n")
    return "".join(parts)


def write_toml(
    table: AliasTable, directory: str | Path, *, stem: str = "table", overwrite: bool = False
) -> list[Path]:
    """Write ``table`` into ``directory`` as ``<stem>-<kind>.toml`` files; return their paths.

    The directory is created if needed. Existing files are not replaced unless ``overwrite``;
    other ``*.toml`` files already there would be loaded along with these by
    :meth:`AliasTable.load`, so a fresh directory is best.
    """
    if not isinstance(table, AliasTable):
        raise TypeError(
            f"write_toml() argument 'table' must be AliasTable, not {type(table).__name__}"
        )
    folder = _require_path(directory, "directory", "write_toml")
    by_kind: dict[str, list[Entity]] = {}
    for e in table:
        by_kind.setdefault(e.kind, []).append(e)
    paths = {kind: folder / f"{stem}-{kind}.toml" for kind in sorted(by_kind)}
    clashes = [str(p) for p in paths.values() if p.exists()]
    if clashes and not overwrite:
        raise FileExistsError(f"would overwrite {', '.join(clashes)} (pass overwrite=True)")
    folder.mkdir(parents=True, exist_ok=True)
    for kind, path in paths.items():
        header = (
            f"{len(by_kind[kind])} {kind} entities written by canonym; schema: docs/alias-table.md"
        )
        path.write_text(to_toml(by_kind[kind], header=header), encoding="utf-8")
    return list(paths.values())


# -- command line: canonym aliases import ---------------------------------------------------


def _summary(table: AliasTable, paths: list[Path]) -> str:
    kinds = Counter(e.kind for e in table)
    by_kind = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    names = sum(len(e.names()) for e in table)
    weak = sum(len(e.weak) for e in table)
    files = ", ".join(str(p) for p in paths)
    return f"{len(table)} entities ({by_kind}), {names} strong names, {weak} weak: {files}"


def _write(table: AliasTable, args: argparse.Namespace, stem: str) -> int:
    try:
        paths = write_toml(table, args.output, stem=stem, overwrite=args.force)
    except FileExistsError as err:
        print(f"canonym: {err.args[0].replace('overwrite=True', '--force')}", file=sys.stderr)
        return 2
    print(_summary(table, paths))
    return 0


def cmd_import_ofac(args: argparse.Namespace) -> int:
    """``canonym aliases import ofac SDN ALT -o DIR``."""
    return _write(ofac(args.sdn, args.alt, encoding=args.encoding), args, "ofac")


def cmd_import_csv(args: argparse.Namespace) -> int:
    """``canonym aliases import csv FILE --id COL --name COL ... -o DIR``."""
    table = AliasTable.from_csv(
        args.file,
        id=args.id,
        name=args.name,
        alias=args.alias,
        kind=args.kind,
        role=args.role,
        roles=_pairs(args.role_map, none="skip"),
        kinds=_pairs(args.kind_map),
        source=args.source or f"import: {Path(args.file).name}",
        delimiter=args.delimiter,
        encoding=args.encoding,
    )
    return _write(table, args, args.stem or Path(args.file).stem)


def _pair(item: str) -> tuple[str, str]:
    """An option value ``VALUE=FIELD``, split (argparse turns the error into a usage error)."""
    key, sep, value = item.partition("=")
    if not sep or not key or not value:
        raise argparse.ArgumentTypeError(f"expected VALUE=FIELD, not {item!r}")
    return key, value


def _pairs(items: list[tuple[str, str]] | None, none: str = "") -> dict[str, Any]:
    """``[("variant", "skip"), ("aka", "aliases")]`` -> ``{"variant": None, "aka": "aliases"}``."""
    return {k: None if none and v == none else v for k, v in items or ()}


def _common_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="directory to write")
    p.add_argument("--force", action="store_true", help="overwrite files written before")
    p.add_argument("--encoding", default="utf-8", help="text encoding of the input (utf-8)")


def _configure_import(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="import_format", required=True, metavar="FORMAT")
    o = sub.add_parser(
        "ofac",
        help="OFAC's sdn.csv and alt.csv as published",
        description="Import OFAC's SDN list (sdn.csv, alt.csv) as TOML files, IDs ofac:<ent_num>.",
    )
    o.add_argument("sdn", metavar="SDN", help="sdn.csv")
    o.add_argument("alt", metavar="ALT", nargs="?", help="alt.csv (aliases)")
    _common_options(o)
    o.set_defaults(import_handler=cmd_import_ofac)
    c = sub.add_parser(
        "csv",
        help="any CSV/TSV with a header row and one name per row",
        description="Import a CSV/TSV (header row, one name per row; rows sharing an id are "
        "one entity) as TOML files.",
    )
    c.add_argument("file", metavar="FILE", help="the CSV or TSV file")
    c.add_argument("--id", default="id", metavar="COL", help="id column (default: id)")
    c.add_argument("--name", default="name", metavar="COL", help="name column (default: name)")
    c.add_argument("--alias", metavar="COL", help="a column with one more alias per row")
    c.add_argument("--kind", metavar="COL", help="kind column (person, organization, ...)")
    c.add_argument("--role", metavar="COL", help="role column (name, alias, weak, ...)")
    c.add_argument(
        "--role-map",
        action="append",
        type=_pair,
        metavar="VALUE=FIELD",
        help="where rows with this role go: name, spellings, aliases, short, weak or skip",
    )
    c.add_argument(
        "--kind-map",
        action="append",
        type=_pair,
        metavar="VALUE=KIND",
        help="translate a kind value",
    )
    c.add_argument("--source", metavar="TEXT", help="source of every entity (default: file name)")
    c.add_argument("--delimiter", metavar="CHAR", help="field separator (default: sniffed)")
    c.add_argument("--stem", metavar="NAME", help="output file names (default: FILE's stem)")
    _common_options(c)
    c.set_defaults(import_handler=cmd_import_csv)


def cmd_import(args: argparse.Namespace) -> int:
    """``canonym aliases import FORMAT ...``: run the chosen format's importer."""
    return int(args.import_handler(args))


cli.ALIAS_ACTIONS["import"] = (
    "import an OFAC SDN list or a CSV/TSV as a TOML table",
    _configure_import,
    cmd_import,
)
