"""canonym: reconcile transliteration variants of names to canonical IDs.

>>> import canonym
>>> canonym.fold("Qāsem Soleymānī")
'qasem soleymani'
>>> canonym.key("Ghasem Soleymani") == canonym.key("Qassem Soleimani")
True
"""

from __future__ import annotations

import sys
import threading
import types
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import AliasTableError, Problem
from .keys import key
from .normalize import fold, normalize
from .parse import NameToken, ParsedName, parse
from .resolver import Match, Resolver
from .table import AliasTable, Entity

if TYPE_CHECKING:
    from .check import Finding, check
    from .cluster import Cluster, cluster
    from .compare import Comparison, compare

# Features that live in their own modules are imported on first use, so that ``import canonym``
# stays cheap: name -> module.
_LAZY = {
    "check": "check",
    "Finding": "check",
    "cluster": "cluster",
    "Cluster": "cluster",
    "compare": "compare",
    "Comparison": "compare",
    "importers": "importers",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'canonym' has no attribute {name!r}")
    mod = import_module(f".{module}", __name__)
    value = mod if name == module and not hasattr(mod, name) else getattr(mod, name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """Keeps ``canonym.check``, ``canonym.cluster`` and ``canonym.compare`` the functions.

    Importing a submodule binds it on its package; when a submodule and its main function share
    a name (``canonym.cluster.cluster``), the function stays bound instead.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _LAZY.get(name) == name:
            value = getattr(value, name, value)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "AliasTable",
    "AliasTableError",
    "Cluster",
    "Comparison",
    "Entity",
    "Finding",
    "Match",
    "NameToken",
    "ParsedName",
    "Problem",
    "Resolver",
    "check",
    "cluster",
    "compare",
    "default_resolver",
    "fold",
    "importers",
    "key",
    "normalize",
    "parse",
    "resolve",
]
__version__ = "0.1.0"

_default_resolver: Resolver | None = None
_default_lock = threading.Lock()


def default_resolver() -> Resolver:
    """The resolver over the bundled table, built on first use and shared (thread-safe).

    The built index is cached on disk between runs (see ``docs/resolving.md``).
    """
    global _default_resolver
    if _default_resolver is None:
        with _default_lock:
            if _default_resolver is None:
                from ._cache import cached_resolver

                resolver = cached_resolver(lambda: Resolver(AliasTable.default()))
                if AliasTable._default is None:  # a cached index brings its table along
                    AliasTable._default = resolver.table
                _default_resolver = resolver
    return _default_resolver


def resolve(name: str) -> Match | None:
    """Resolve ``name`` against the bundled table: a shortcut for ``default_resolver().resolve``."""
    return default_resolver().resolve(name)
