"""An on-disk cache of the resolver built over the bundled table.

Building the bundled resolver parses the TOML files under ``aliases/`` and indexes some 6,000
names: most of a second, paid by every ``canonym`` command. Unpickling the built index takes a
small fraction of that. The cache is a convenience, never a requirement:

- it lives in ``$CANONYM_CACHE_DIR``, else ``$XDG_CACHE_HOME/canonym``, else ``~/.cache/canonym``;
  ``CANONYM_NO_CACHE=1`` turns it off;
- its file name is a hash of the bundled files' bytes, of the source of every module that
  shapes the index, and of the Python version, so an edited table, an upgraded canonym or
  another interpreter never reads a stale index;
- any failure to read or write it (read-only home, corrupt or truncated file, a pickle from an
  incompatible build) falls back to building, and a bad file is replaced.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .resolver import Resolver
from .table import bundled_aliases_dir

__all__ = ["cache_dir", "cached_resolver", "fingerprint"]

# Modules whose code decides what the index holds; a change to any of them changes the key.
_INDEX_MODULES = (
    "_chars.py",
    "keys.py",
    "normalize.py",
    "parse.py",
    "resolver.py",
    "similarity.py",
    "table.py",
)


def cache_dir() -> Path | None:
    """Where cached indexes live, or ``None`` when caching is turned off."""
    if os.environ.get("CANONYM_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("CANONYM_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "canonym"


def fingerprint(aliases: Path) -> str:
    """A hash of the table files under ``aliases``, the index code and the Python version."""
    digest = hashlib.sha256(sys.version.encode())
    here = Path(__file__).resolve().parent
    for name in _INDEX_MODULES:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes())
    for path in sorted(aliases.rglob("*.toml")):
        digest.update(path.relative_to(aliases).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:32]


def cached_resolver(build: Callable[[], Resolver]) -> Resolver:
    """The bundled resolver from the cache, or ``build()`` stored in the cache for next time."""
    directory = cache_dir()
    if directory is None:
        return build()
    try:
        path = directory / f"bundled-{fingerprint(bundled_aliases_dir())}.pickle"
    except OSError:
        return build()
    resolver = _read(path)
    if resolver is None:
        resolver = build()
        _write(path, resolver)
    return resolver


def _read(path: Path) -> Resolver | None:
    try:
        with open(path, "rb") as f:
            state = pickle.load(f)
        resolver = Resolver.__new__(Resolver)
        if not isinstance(state, dict) or set(state) != _STATE_KEYS:
            return None
        resolver.__dict__.update(state)
        return resolver
    except Exception:  # any unreadable cache is only a cache miss
        return None


def _write(path: Path, resolver: Resolver) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename: a reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".bundled-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(vars(resolver), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full disk: the next run builds again


def _state_keys() -> frozenset[str]:
    from .table import AliasTable

    probe = Resolver(AliasTable.from_records([{"id": "x", "name": "X"}]))
    return frozenset(vars(probe))


_STATE_KEYS = _state_keys()
