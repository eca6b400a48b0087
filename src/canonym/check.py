"""Check a draft for names spelled more than one way: ``canonym.check`` and ``canonym check``.

Three steps, one module each: :mod:`canonym.mentions` finds the names of the draft (known names
of the table in a trie, unknown ones as capitalised runs); :mod:`canonym._consistency` groups
them, one group per name, tied to the table where it can be; :mod:`canonym._spelling` holds the
word rules that say when two spellings are one name. A name spelled two or more ways is
reported wherever it is not in its house style (the table's, or for a name in no table the
draft's own dominant spelling). This module holds the public function and the command.
See ``docs/check.md`` for every rule.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import threading
import types
from typing import Any

from . import cli
from ._consistency import Finding, Judge
from ._typecheck import require_str
from .mentions import index_for
from .resolver import Resolver
from .table import AliasTable

__all__ = ["Finding", "check"]

# -- the public function ----------------------------------------------------------------------


def check(
    text: str, *, table: AliasTable | Resolver | None = None, variants: bool = False
) -> list[Finding]:
    """Find the names that ``text`` spells more than one way; findings in text order.

    ``table`` is the alias table to check against (default: the bundled one; an empty
    ``AliasTable()`` checks the draft against itself only), or a ready :class:`Resolver`.
    ``variants=True`` also reports a known name written consistently in a spelling that is not
    the house style.

    >>> import canonym
    >>> table = canonym.AliasTable.from_records([
    ...     {"id": "qassem-soleimani", "name": "Qassem Soleimani", "kind": "person",
    ...      "short": ["Soleimani"]},
    ... ])
    >>> draft = "Qassem Soleimani was killed.\\nSolemani had led the Quds Force since 1998."
    >>> [(f.line, f.column, f.text, f.suggestion) for f in check(draft, table=table)]
    [(2, 1, 'Solemani', 'Soleimani')]
    >>> draft = "Nechirvan Barzani met the envoy; Nechirvan Barazani later said no."
    >>> [(f.text, f.suggestion, f.entity_id) for f in check(draft, table=canonym.AliasTable())]
    [('Nechirvan Barazani', 'Nechirvan Barzani', None)]
    """
    require_str(text, "text", "check")
    if not isinstance(variants, bool):
        raise TypeError(f"check() argument 'variants' must be bool, not {type(variants).__name__}")
    resolver = _resolver_for(table)
    if not text.strip():
        return []
    index = index_for(resolver)
    # Checking allocates many small objects that all live until it returns, and no cycles: a
    # garbage collection meanwhile would walk them (and the table's index) and free nothing,
    # at a cost of 40% more time on a long draft, or double with a large table. It is paused.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return Judge(text, index, variants).run(index.scan(text))
    finally:
        if collecting:
            gc.enable()


# The resolvers built for the last few tables given to check() (a Resolver holds its table, so
# a weak-keyed cache would never let go of either; a short one bounds what is kept).
_RESOLVERS: dict[int, tuple[AliasTable, Resolver]] = {}
_RESOLVERS_LOCK = threading.Lock()
_RESOLVERS_KEPT = 8


def _resolver_for(table: AliasTable | Resolver | None) -> Resolver:
    """The resolver to use: the default one, a given one, or one built (once) for a table."""
    if table is None:
        from . import default_resolver

        return default_resolver()
    if isinstance(table, Resolver):
        return table
    if not isinstance(table, AliasTable):
        raise TypeError(
            "check() argument 'table' must be AliasTable, Resolver or None, "
            f"not {type(table).__name__}"
        )
    with _RESOLVERS_LOCK:
        kept = _RESOLVERS.pop(id(table), None)
        if kept is None or kept[0] is not table:
            kept = (table, Resolver(table))
        _RESOLVERS[id(table)] = kept  # most recent last
        while len(_RESOLVERS) > _RESOLVERS_KEPT:
            del _RESOLVERS[next(iter(_RESOLVERS))]
        return kept[1]


# -- the command line -------------------------------------------------------------------------


def _read(path: str) -> str:
    """A file's text exactly as written (line ends kept, so that offsets match the file)."""
    if path == "-":
        return sys.stdin.buffer.read().decode("utf-8-sig")
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.read()


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="drafts to check (- for stdin)")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--table", metavar="PATH", help="alias table (TOML file or directory); default: bundled"
    )
    where.add_argument(
        "--no-table", action="store_true", help="check the draft against itself only"
    )
    p.add_argument(
        "--variants",
        action="store_true",
        help="also report known names written consistently but not in house style",
    )


def cmd_check(args: argparse.Namespace) -> int:
    """``canonym check FILE...``: one line per finding; exit 1 when there is any."""
    if args.no_table:
        table: AliasTable | None = AliasTable()
    else:
        table = AliasTable.load(args.table) if args.table else None
    texts = [(path, _read(path)) for path in args.files]  # read all first: errors exit 2
    records: list[dict[str, object]] = []
    total = 0
    for path, text in texts:
        shown = "<stdin>" if path == "-" else path
        for f in check(text, table=table, variants=args.variants):
            total += 1
            if args.format == "json":
                records.append({"path": shown, **f.as_dict()})
            else:
                print(f"{shown}:{f.line}:{f.column}: {f.kind}: {f.message}")
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
    return 1 if total else 0


cli.COMMANDS["check"] = ("check drafts for names spelled more than one way", _configure, cmd_check)


class _CallableModule(types.ModuleType):
    """This module, callable as :func:`check`.

    Importing ``canonym.check`` (as the command line does) makes the package attribute
    ``canonym.check`` this module rather than the function; calling it still checks a draft.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> list[Finding]:
        return check(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
