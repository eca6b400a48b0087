"""canonym: reconcile transliteration variants of names to canonical IDs.

>>> import canonym
>>> canonym.fold("Qāsem Soleymānī")
'qasem soleymani'
>>> canonym.key("Ghasem Soleymani") == canonym.key("Qassem Soleimani")
True
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .errors import AliasTableError, Problem
from .keys import key
from .normalize import fold, normalize
from .parse import NameToken, ParsedName, parse
from .resolver import Match, Resolver
from .table import AliasTable, Entity

if TYPE_CHECKING:
    pass

__all__ = [
    "AliasTable",
    "AliasTableError",
    "Entity",
    "Match",
    "NameToken",
    "ParsedName",
    "Problem",
    "Resolver",
    "default_resolver",
    "fold",
    "key",
    "normalize",
    "parse",
    "resolve",
]
__version__ = "0.1.0"

_default_resolver: Resolver | None = None
_default_lock = threading.Lock()


def default_resolver() -> Resolver:
    """The resolver over the bundled table, built on first use and shared (thread-safe)."""
    global _default_resolver
    if _default_resolver is None:
        with _default_lock:
            if _default_resolver is None:
                _default_resolver = Resolver(AliasTable.default())
    return _default_resolver


def resolve(name: str) -> Match | None:
    """Resolve ``name`` against the bundled table: a shortcut for ``default_resolver().resolve``."""
    return default_resolver().resolve(name)
