"""Small measuring helpers shared by the benchmarks: percentiles, exponent fits, peak memory,
child processes, machine facts."""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0-100) by linear interpolation between order statistics."""
    if not values:
        return math.nan
    ordered = sorted(values)
    at = (len(ordered) - 1) * p / 100
    lo, hi = math.floor(at), math.ceil(at)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (at - lo)


def fit_exponent(xs: Sequence[float], ys: Sequence[float]) -> float:
    """k in y ~ c * x**k, by least squares on log y against log x (nan with < 2 points)."""
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys, strict=True) if x > 0 and y > 0]
    if len(pts) < 2:
        return math.nan
    mx = statistics.fmean(p[0] for p in pts)
    my = statistics.fmean(p[1] for p in pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else math.nan


def _status_mb(field: str) -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    if field == "VmHWM":
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1024 if sys.platform != "darwin" else peak / 2**20
    return math.nan


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (VmHWM), in MB (2**20 bytes)."""
    return _status_mb("VmHWM")


def rss_mb() -> float:
    """This process's resident memory now (VmRSS), in MB."""
    return _status_mb("VmRSS")


def reset_peak() -> bool:
    """Reset this process's peak resident memory to its current size (Linux: ``clear_refs``),
    so that a later :func:`peak_rss_mb` sees only what came after. False where not possible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
    except OSError:
        return False
    return True


class WorkersMemory:
    """The peak private memory of this process's child processes, sampled while it runs.

    A forked worker shares the pages of the process it was forked from until one of the two
    writes to them; its RSS counts those shared pages too, so the sum of RSS overstates what a
    pool of workers costs. What a worker adds is its *private* memory (``Private_Clean`` +
    ``Private_Dirty`` of ``/proc/PID/smaps_rollup``): this sums that over all children, every
    ``interval`` seconds (reading a worker's figures walks its page tables: about 10 ms per
    600 MB, on the cores the workers need, so a run timed for speed should not be sampled),
    and keeps the highest sum. A sample can miss
    a short peak, so the figure is a lower bound on the true peak (close to it when the
    workers' memory grows steadily, as a pool's does). Linux only; NaN elsewhere.

    >>> with WorkersMemory() as memory:
    ...     pass
    >>> memory.peak_mb >= 0 or math.isnan(memory.peak_mb)
    True
    """

    def __init__(self, interval: float = 0.05, *, enabled: bool = True) -> None:
        import threading

        self.interval = interval
        # Off (NaN, no thread), the sampler costs the run it wraps nothing.
        self.peak_mb = 0.0 if enabled and os.path.exists("/proc/self/task") else math.nan
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> WorkersMemory:
        if not math.isnan(self.peak_mb):
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            total = sum(_private_mb(pid) for pid in _children())
            self.peak_mb = max(self.peak_mb, total)


def _children() -> list[int]:
    pids: list[int] = []
    try:
        for task in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{task}/children", encoding="ascii") as f:
                pids.extend(int(p) for p in f.read().split())
    except OSError:
        pass
    return pids


def _private_mb(pid: int) -> float:
    kb = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith(("Private_Clean:", "Private_Dirty:")):
                    kb += int(line.split()[1])
    except (OSError, ValueError):
        return 0.0  # the worker ended between the listing and the reading
    return kb / 1024


def run_child(module: str, args: Sequence[str], timeout: float = 1800) -> dict[str, Any]:
    """Run ``python -m benchmarks.<module> <args>`` in a fresh interpreter; return the JSON object
    it prints as its last line of standard output (its standard error passes through)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    proc = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"benchmarks.{module} {' '.join(args)} failed ({proc.returncode})")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def emit(result: dict[str, Any]) -> None:
    """Print a child's result as one JSON line (what :func:`run_child` reads)."""
    print(json.dumps(result), flush=True)


def _git(*args: str) -> str:
    try:
        proc = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return proc.stdout.strip() if proc.returncode == 0 else ""


def machine() -> dict[str, Any]:
    """CPU model, cores, memory, Python and library versions of this machine."""
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gb = math.nan
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            mem_gb = int(f.readline().split()[1]) / 2**20
    except (OSError, ValueError, IndexError):
        pass
    versions: dict[str, str] = {}
    from importlib.metadata import PackageNotFoundError, version

    for dist in ("canonym", "rapidfuzz", "unidecode", "regex"):
        try:
            versions[dist] = version(dist)
        except PackageNotFoundError:
            versions[dist] = "-"
    return {
        "commit": _git("rev-parse", "--short", "HEAD"),
        "uncommitted_src_files": len(_git("status", "--porcelain", "--", "src").splitlines()),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(mem_gb, 1),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "versions": versions,
    }
