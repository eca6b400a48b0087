"""Exceptions raised by canonym."""

from __future__ import annotations

__all__ = ["AliasTableError", "Problem"]

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an alias table: where it is and what it is."""

    source: str
    location: str  # "line 12" for a file, "record 3" for in-memory records
    entity_id: str
    message: str

    def __str__(self) -> str:
        who = f" [{self.entity_id}]" if self.entity_id else ""
        return f"{self.source}:{self.location}{who}: {self.message}"


class AliasTableError(ValueError):
    """An alias table could not be loaded; ``problems`` lists every error found.

    Nothing of a broken table is loaded: the table you already hold stays usable.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        head = "\n".join(str(p) for p in self.problems[:20])
        more = f"\n... and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        super().__init__(f"{len(self.problems)} problem(s) in alias table:\n{head}{more}")
