"""The ``canonym`` command line.

Commands: ``resolve NAME...``, ``aliases check [PATH]``, ``aliases stats [PATH]``; other
modules register more (``check``, ``cluster``) through :data:`COMMANDS`.
Exit status: 0 success, 1 findings or failures, 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence

from .errors import AliasTableError
from .resolver import Match, Resolver
from .table import AliasTable

__all__ = ["main"]


def _load_table(path: str | None) -> AliasTable:
    return AliasTable.load(path) if path else AliasTable.default()


def _match_json(name: str, m: Match | None, candidates: list[Match]) -> dict[str, object]:
    return {
        "query": name,
        "id": m.entity_id if m else None,
        "name": m.name if m else None,
        "score": m.score if m else None,
        "method": m.method if m else None,
        "alias": m.alias if m else None,
        "ambiguous": m is None and len(candidates) > 1 and candidates[1].score >= 0.8,
        "candidates": [
            {"id": c.entity_id, "name": c.name, "score": c.score, "method": c.method}
            for c in candidates
        ],
    }


def cmd_resolve(args: argparse.Namespace) -> int:
    """``canonym resolve NAME...``: one line per name: ID, canonical name, score, method."""
    from . import default_resolver  # the shared bundled resolver, cached on disk

    resolver = Resolver(_load_table(args.table)) if args.table else default_resolver()
    found_all = True
    records = []
    for name in args.names:
        m = resolver.resolve(name)
        cands = resolver.candidates(name, limit=3) if m is None else []
        found_all &= m is not None
        if args.json:
            records.append(_match_json(name, m, cands))
            continue
        if m is not None:
            print(f"{name}\t{m.entity_id}\t{m.name}\t{m.score:.3f}\t{m.method}")
            if args.explain:
                print("  " + m.explain().replace("\n", "\n  "))
        else:
            close = ", ".join(f"{c.entity_id} ({c.score:.2f})" for c in cands if c.score >= 0.6)
            status = "ambiguous" if len([c for c in cands if c.score >= 0.8]) > 1 else "no match"
            print(f"{name}\t-\t{status}" + (f"\tcandidates: {close}" if close else ""))
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
    return 0 if found_all else 1


def cmd_aliases_check(args: argparse.Namespace) -> int:
    """``canonym aliases check [PATH]``: validate a table; exit 1 listing every problem."""
    try:
        table = _load_table(args.path)
    except AliasTableError as err:
        for p in err.problems:
            print(p, file=sys.stderr)
        print(f"{len(err.problems)} problem(s)", file=sys.stderr)
        return 1
    kinds = Counter(e.kind for e in table)
    where = args.path or "bundled table"
    by_kind = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    print(f"{where}: OK, {len(table)} entities ({by_kind})")
    return 0


def cmd_aliases_stats(args: argparse.Namespace) -> int:
    """``canonym aliases stats [PATH]``: entity counts by kind and name counts by type."""
    table = _load_table(args.path)
    kinds = Counter(e.kind for e in table)
    countries = sum(
        1
        for e in table
        if e.kind == "place" and e.origin.rsplit("/", 1)[-1].startswith("countries")
    )
    rows = [("entities", len(table))]
    rows += [(f"  {k}", n) for k, n in sorted(kinds.items())]
    rows.append(("  of which countries/territories (countries*.toml)", countries))
    for field_name in ("spellings", "aliases", "weak", "short", "distinct", "sources"):
        rows.append((field_name, sum(len(getattr(e, field_name)) for e in table)))
    rows.append(
        (
            "entities with an ofac: source",
            sum(any(s.startswith("ofac:") for s in e.sources) for e in table),
        )
    )
    if args.json:
        json.dump(dict(rows), sys.stdout, indent=2)
        print()
    else:
        for label, n in rows:
            print(f"{label:<55}{n:>7}")
    return 0


# Subcommand registry: name -> (help, configure(parser), handler). Other modules add theirs.
COMMANDS: dict[
    str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
] = {}


def _configure_resolve(p: argparse.ArgumentParser) -> None:
    p.add_argument("names", nargs="+", metavar="NAME", help="names to resolve")
    p.add_argument(
        "--table", metavar="PATH", help="alias table (TOML file or directory); default: bundled"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--explain", action="store_true", help="say which rules bridged each match")


COMMANDS["resolve"] = ("resolve names to canonical IDs", _configure_resolve, cmd_resolve)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered command."""
    from . import _commands  # noqa: F401  (registers the commands of other modules)

    parser = argparse.ArgumentParser(
        prog="canonym", description="Reconcile spellings of names; check drafts for consistency."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, configure, handler) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        configure(p)
        p.set_defaults(handler=handler)
    aliases = sub.add_parser("aliases", help="validate and inspect alias tables")
    asub = aliases.add_subparsers(dest="aliases_command", required=True, metavar="ACTION")
    check = asub.add_parser("check", help="validate a table (default: the bundled one)")
    check.add_argument("path", nargs="?", help="TOML file or directory")
    check.set_defaults(handler=cmd_aliases_check)
    stats = asub.add_parser("stats", help="count a table's entities and names")
    stats.add_argument("path", nargs="?", help="TOML file or directory")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=cmd_aliases_stats)
    for name, (help_text, configure, handler) in ALIAS_ACTIONS.items():
        p = asub.add_parser(name, help=help_text, description=help_text)
        configure(p)
        p.set_defaults(handler=handler)
    return parser


ALIAS_ACTIONS: dict[
    str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
] = {}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``canonym`` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except (AliasTableError, FileNotFoundError, IsADirectoryError, UnicodeDecodeError) as err:
        print(f"canonym: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - `canonym ... | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
