"""The clustering's judgement of two prepared names: :func:`decide`.

:func:`canonym.cluster` judges hundreds of thousands of pairs and reads only the score and
whether the names contradict each other; the notes and verdicts that explain a comparison, and
the tests of readings that most pairs do not need, are much of the cost of
:func:`canonym.compare.judge_words`. :func:`decide` walks the same rules and returns the two
values ``judge_words(..., decide=True)`` gives, building no explanation
(``tests/test_cluster_fastpath.py`` holds the two to the same answers, bit for bit).

>>> from canonym.compare import words
>>> decide(words("Ghasem Soleymani"), words("Qassem Soleimani"), None)
(0.984, False)
>>> decide(words("Qasem Soleimani"), words("Sohrab Soleimani"), None)[1]
True
"""

from __future__ import annotations

from .compare import (
    _ACRONYM,
    _ROMANISATION,
    _abd_readings,
    _acronym_match,
    _agree,
    _score_reading,
    _wade_giles_match,
    _Words,
)
from .parse import ParsedName

__all__ = ["decide"]


def decide(wa: _Words, wb: _Words, kind: str | None) -> tuple[float, bool]:
    """The score of two prepared names and whether they contradict each other, as
    ``judge_words(wa, wb, kind, decide=True)`` has them. Not symmetric by itself: callers put
    the pair in compare's order."""
    used_kind = kind or _agree(wa.kind_hint, wb.kind_hint)
    xa = wa.prepared(used_kind)[0]
    xb = wb.prepared(used_kind)[0]
    if not xa.tokens or not xb.tokens:
        return 0.0, False
    if wa.syllabic is not None and wb.syllabic is not None:
        same = wa.syllabic == wb.syllabic
        return (1.0 if same else 0.0), not same
    readings_a, readings_b = wa.readings(used_kind), wb.readings(used_kind)
    if used_kind == "person" and (wa.abd_apart or wb.abd_apart):
        more_a, more_b = _abd_readings(wa, xa, wb, xb)
        readings_a += more_a
        readings_b += more_b
    # The first best reading wins, as in judge_words (a later one only when strictly better).
    best, best_conflict = -1.0, False
    for ra, _ in readings_a:
        for rb, _ in readings_b:
            score, conflict = _decide_reading(wa, wb, ra, rb, used_kind)
            if score > best:
                best, best_conflict = score, conflict
    if (
        best < _ROMANISATION
        and (wa.pinyin or wb.pinyin)
        and (_wade_giles_match(wa, wb) or _wade_giles_match(wb, wa))
    ):
        return _ROMANISATION, False
    if (
        used_kind != "person"
        and best < _ACRONYM
        and (_acronym_match(wa, wb, used_kind) or _acronym_match(wb, wa, used_kind))
    ):
        return _ACRONYM, False
    return best, best_conflict


def _decide_reading(
    wa: _Words, wb: _Words, xa: ParsedName, xb: ParsedName, kind: str | None
) -> tuple[float, bool]:
    """compare's ``_score_reading`` without notes: the score and whether the names are two."""
    score, conflict, _ = _score_reading(wa, wb, xa, xb, kind, None, decide=True)
    return score, conflict
