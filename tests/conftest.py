"""Shared fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def default_table():  # type: ignore[no-untyped-def]
    import canonym

    return canonym.AliasTable.default()


@pytest.fixture(scope="session")
def default_resolver():  # type: ignore[no-untyped-def]
    import canonym

    return canonym.default_resolver()
