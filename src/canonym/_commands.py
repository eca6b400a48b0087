"""Imports the modules that register CLI commands, so ``cli`` needs no list of its own."""

from __future__ import annotations

import importlib

for _module in ("canonym.check", "canonym.cluster", "canonym.importers"):
    try:
        importlib.import_module(_module)
    except ModuleNotFoundError as err:  # a module not written yet registers nothing
        if err.name != _module:
            raise
