"""Start-up costs in fresh processes: ``import canonym``, and loading the bundled table.

Each figure is the median over several fresh interpreters, the runs of the compared commands
interleaved (the machine is shared and noisy):

- import: the time of the ``import`` statement measured inside the child with ``perf_counter``
  (interpreter start-up excluded), and the wall time of ``python -c "import ..."`` minus that of
  ``python -c pass``; beside ``import rapidfuzz.fuzz, rapidfuzz.process, unidecode`` (what the
  naive alternative imports). The child also reports whether a table got loaded on import.
  The children read compiled bytecode from a cache of the benchmark's own, written by a first
  run (``PYTHONPYCACHEPREFIX``), as every import after ``pip install`` does: pip compiles a
  wheel's modules when it installs them. A shell with ``PYTHONDONTWRITEBYTECODE`` set and an
  editable install compiles every module of the package from source on each import instead;
  that figure is printed too, as the first import after an edit costs it.
- load: in a child that has already imported canonym, ``AliasTable.default()`` (read and
  validate the bundled TOML files) and ``Resolver(table)`` (build the index), timed apart (the
  cold cost); and ``canonym.default_resolver()`` with its on-disk index cache warm (the cost of
  every later run);
  beside the naive load of the same files: ``tomllib`` + a ``unidecode``/``casefold`` choices
  list and dict.

Run: ``python -m benchmarks.bench_startup [--quick] [--only import|load]``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from typing import Any

from . import _report as rep
from ._measure import ROOT

_IMPORT = """
import json, sys, time
t = time.perf_counter()
{stmt}
dt = time.perf_counter() - t
loaded = None
if "canonym" in sys.modules:
    loaded = sys.modules["canonym"].AliasTable._default is not None
print(json.dumps({{"import_s": dt, "table_loaded": loaded, "modules": len(sys.modules)}}))
"""

_LOAD_CANONYM = """
import json, time
import canonym
t0 = time.perf_counter()
table = canonym.AliasTable.default()
t1 = time.perf_counter()
resolver = canonym.Resolver(table)
t2 = time.perf_counter()
print(json.dumps({"table_s": t1 - t0, "resolver_s": t2 - t1, "load_s": t2 - t0,
                  "entities": len(table), "aliases": len(resolver)}))
"""

# canonym.default_resolver(), what canonym's commands use: the built index is cached on disk,
# so every run after the first loads it (the cache directory is the benchmark's own).
_LOAD_CACHED = """
import json, time
import canonym
t0 = time.perf_counter()
resolver = canonym.default_resolver()
t1 = time.perf_counter()
print(json.dumps({"load_s": t1 - t0, "aliases": len(resolver)}))
"""

_LOAD_NAIVE = """
import json, time, tomllib
from pathlib import Path
from unidecode import unidecode
from canonym.table import bundled_aliases_dir
files = sorted(bundled_aliases_dir().glob("*.toml"))
t0 = time.perf_counter()
choices, owners = [], []
for file in files:
    for e in tomllib.loads(file.read_text(encoding="utf-8")).get("entity", []):
        for name in [e["name"], *e.get("spellings", []), *e.get("aliases", [])]:
            choices.append(unidecode(name).casefold())
            owners.append(e["id"])
exact = dict(zip(choices, owners))
t1 = time.perf_counter()
print(json.dumps({"load_s": t1 - t0, "aliases": len(choices)}))
"""

IMPORTS = {
    "canonym": "import canonym",
    "rapidfuzz + unidecode": "import rapidfuzz.fuzz, rapidfuzz.process, unidecode",
}


def _run(code: str, env: dict[str, str] | None = None) -> tuple[dict[str, Any], float]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    wall = time.perf_counter() - t0
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    return (json.loads(lines[-1]) if lines else {}), wall


def bench_import(runs: int) -> dict[str, Any]:
    """Median import times (in-process and wall minus bare interpreter) over ``runs``."""
    inner: dict[str, list[float]] = {k: [] for k in IMPORTS}
    walls: dict[str, list[float]] = {k: [] for k in [*IMPORTS, "bare"]}
    from_source: list[float] = []
    loaded: set[object] = set()
    with tempfile.TemporaryDirectory(prefix="canonym-bench-pyc-") as pyc:
        # Bytecode of the benchmark's own: every module the children import is compiled once
        # (by the first runs below) and read from there after, as an installed wheel's are.
        compiled = {**os.environ, "PYTHONPYCACHEPREFIX": pyc}
        compiled.pop("PYTHONDONTWRITEBYTECODE", None)
        source = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        for stmt in ("pass", *IMPORTS.values()):  # warm the file cache, write the bytecode
            _run(_IMPORT.format(stmt=stmt), compiled)
        for _ in range(runs):
            walls["bare"].append(_run("pass", compiled)[1])
            for label, stmt in IMPORTS.items():
                got, wall = _run(_IMPORT.format(stmt=stmt), compiled)
                inner[label].append(got["import_s"])
                walls[label].append(wall)
                if label == "canonym":
                    loaded.add(got["table_loaded"])
            from_source.append(_run(_IMPORT.format(stmt=IMPORTS["canonym"]), source)[0]["import_s"])
    bare = statistics.median(walls["bare"])
    out: dict[str, Any] = {"runs": runs, "bare_interpreter_s": bare}
    for label in IMPORTS:
        out[label] = {
            "import_s": statistics.median(inner[label]),
            "wall_minus_bare_s": statistics.median(walls[label]) - bare,
        }
    out["canonym"]["table_loaded_on_import"] = any(x is True for x in loaded)
    # What a shell without bytecode pays: canonym's own modules compiled on each import when
    # the package is not installed from a wheel (an editable install or a source tree).
    out["canonym"]["import_from_source_s"] = statistics.median(from_source)
    c, r = out["canonym"], out["rapidfuzz + unidecode"]
    rep.table(
        f"import, fresh interpreters, bytecode compiled (median of {runs}; bare `python -c pass` "
        f"{bare * 1e3:.0f} ms)",
        ["what", "import statement ms", "wall minus bare ms", "loads a table?"],
        [
            [
                "import canonym",
                rep.num(c["import_s"] * 1e3),
                rep.num(c["wall_minus_bare_s"] * 1e3),
                "yes" if c["table_loaded_on_import"] else "no",
            ],
            [
                "import rapidfuzz.fuzz, rapidfuzz.process, unidecode",
                rep.num(r["import_s"] * 1e3),
                rep.num(r["wall_minus_bare_s"] * 1e3),
                "-",
            ],
            [
                "import canonym, bytecode not written (PYTHONDONTWRITEBYTECODE=1)",
                rep.num(c["import_from_source_s"] * 1e3),
                "-",
                "-",
            ],
            [
                "ratio canonym ÷ rapidfuzz",
                rep.ratio(c["import_s"], r["import_s"]),
                rep.ratio(c["wall_minus_bare_s"], r["wall_minus_bare_s"]),
                "",
            ],
        ],
    )
    return out


def bench_load(runs: int) -> dict[str, Any]:
    """Median bundled-table load times over ``runs`` fresh interpreters."""
    canonym_runs: list[dict[str, Any]] = []
    cached_runs: list[dict[str, Any]] = []
    naive_runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="canonym-bench-cache-") as cache:
        env = {**os.environ, "CANONYM_CACHE_DIR": cache}
        env.pop("CANONYM_NO_CACHE", None)
        _run(_LOAD_CACHED, env)  # the first run builds and writes the cache
        for _ in range(runs):
            canonym_runs.append(_run(_LOAD_CANONYM)[0])
            cached_runs.append(_run(_LOAD_CACHED, env)[0])
            naive_runs.append(_run(_LOAD_NAIVE)[0])
    c = {k: statistics.median(r[k] for r in canonym_runs) for k in canonym_runs[0]}
    w = {k: statistics.median(r[k] for r in cached_runs) for k in cached_runs[0]}
    b = {k: statistics.median(r[k] for r in naive_runs) for k in naive_runs[0]}
    rep.table(
        f"Bundled table load, fresh interpreters, canonym already imported (median of {runs})",
        ["what", "entities / names", "seconds", "of which index build s"],
        [
            [
                "canonym AliasTable.default() + Resolver(table)",
                f"{c['entities']:.0f} / {c['aliases']:.0f}",
                rep.num(c["load_s"]),
                rep.num(c["resolver_s"]),
            ],
            [
                "canonym.default_resolver(), index cached on disk (every run after the first)",
                f"{c['entities']:.0f} / {w['aliases']:.0f}",
                rep.num(w["load_s"]),
                "-",
            ],
            [
                "naive: tomllib + unidecode/casefold list and dict",
                f"- / {b['aliases']:.0f}",
                rep.num(b["load_s"]),
                "-",
            ],
            ["ratio canonym ÷ naive (cold)", "", rep.ratio(c["load_s"], b["load_s"]), ""],
            ["ratio canonym ÷ naive (cached)", "", rep.ratio(w["load_s"], b["load_s"]), ""],
        ],
    )
    return {"runs": runs, "canonym": c, "canonym_cached": w, "naive": b}


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Print the import and load tables; return the figures."""
    args = list(sys.argv[1:] if argv is None else argv)
    quick = "--quick" in args
    only = args[args.index("--only") + 1] if "--only" in args else None
    out: dict[str, Any] = {}
    if only in (None, "import"):
        out["import"] = bench_import(5 if quick else 11)
    if only in (None, "load"):
        out["load"] = bench_load(3 if quick else 7)
    return out


if __name__ == "__main__":
    main()
