"""Printing the benchmark tables (Markdown, so they paste into docs/performance.md)."""

from __future__ import annotations

import math
from collections.abc import Sequence


def num(x: float | int | None, digits: int = 3) -> str:
    """A figure to about ``digits`` significant digits, thousands separated; '-' for none."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if isinstance(x, int):
        return f"{x:,}"
    if x == 0:
        return "0"
    if abs(x) >= 10 ** (digits - 1):
        return f"{x:,.0f}"
    magnitude = math.floor(math.log10(abs(x)))
    return f"{x:,.{max(0, digits - 1 - magnitude)}f}"


def ratio(a: float | None, b: float | None) -> str:
    """``a / b`` as '12.3x' ('-' when either is missing)."""
    if a is None or b is None or b == 0 or math.isnan(a) or math.isnan(b):
        return "-"
    return f"{num(a / b)}x"


def size(n: int) -> str:
    """1000 -> '1e3', 25000 -> '25,000'."""
    exp = round(math.log10(n)) if n > 0 else 0
    return f"1e{exp}" if n == 10**exp else f"{n:,}"


def table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A titled Markdown table; prints it and returns it."""
    lines = [f"### {title}", "", "| " + " | ".join(headers) + " |"]
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    for row in rows:
        lines.append("| " + " | ".join(str(c) for c in row) + " |")
    text = "\n".join(lines) + "\n"
    print(text, flush=True)
    return text
