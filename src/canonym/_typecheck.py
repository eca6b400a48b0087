"""Friendly type errors that name the argument, as ftfy and rapidfuzz do."""

from __future__ import annotations

from typing import Any


def require_str(value: Any, argument: str, function: str) -> str:
    """Return ``value`` if it is a ``str``; otherwise raise a ``TypeError`` naming ``argument``.

    >>> require_str("Iraq", "name", "fold")
    'Iraq'
    >>> require_str(42, "name", "fold")
    Traceback (most recent call last):
    ...
    TypeError: fold() argument 'name' must be str, not int
    """
    if isinstance(value, str):
        return value
    hint = (
        " (decode it first, e.g. b.decode('utf-8'))"
        if isinstance(value, (bytes, bytearray))
        else ""
    )
    raise TypeError(
        f"{function}() argument '{argument}' must be str, not {type(value).__name__}{hint}"
    )
