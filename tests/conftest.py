"""Shared fixtures."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The bundled resolver is cached on disk between runs; tests keep theirs out of the user's
# cache directory (and start with an empty cache, so the build path is what they exercise).
# It is removed when the run ends: each run's cache (about 1 MB) would otherwise stay behind.
_CACHE_DIR = tempfile.mkdtemp(prefix="canonym-test-cache-")
os.environ["CANONYM_CACHE_DIR"] = _CACHE_DIR
atexit.register(shutil.rmtree, _CACHE_DIR, ignore_errors=True)

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def default_table():  # type: ignore[no-untyped-def]
    import canonym

    return canonym.AliasTable.default()


@pytest.fixture(scope="session")
def default_resolver():  # type: ignore[no-untyped-def]
    import canonym

    return canonym.default_resolver()
