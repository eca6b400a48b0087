"""Shared fixtures."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The bundled resolver is cached on disk between runs; tests keep theirs out of the user's
# cache directory (and start with an empty cache, so the build path is what they exercise).
os.environ["CANONYM_CACHE_DIR"] = tempfile.mkdtemp(prefix="canonym-test-cache-")

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def default_table():  # type: ignore[no-untyped-def]
    import canonym

    return canonym.AliasTable.default()


@pytest.fixture(scope="session")
def default_resolver():  # type: ignore[no-untyped-def]
    import canonym

    return canonym.default_resolver()
