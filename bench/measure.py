"""Timing, memory and machine facts for the benchmark suite (:mod:`bench.suite`).

Every time is the median of several runs, each started from a collected heap
(``gc.collect()`` before it), so one run does not pay for the garbage of another. On a shared
machine the median is what stays stable; the load average before and after the run is recorded
beside the results.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Timing:
    """The median of ``runs`` wall-clock times (seconds), the median CPU time of this process
    over the same runs, and the result of the last run."""

    median: float
    runs: int
    cpu: float
    result: Any = field(default=None, repr=False)


def timed(func: Callable[[], Any], repeat: int) -> Timing:
    """Run ``func`` ``repeat`` times; median wall and CPU time, last result.

    >>> timed(lambda: sum(range(10)), 3).result
    45
    """
    walls, cpus, result = [], [], None
    for _ in range(max(1, repeat)):
        result = None  # free the previous result before the next run, not during it
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = func()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return Timing(statistics.median(walls), len(walls), statistics.median(cpus), result)


def paused(func: Callable[[], Any]) -> Callable[[], Any]:
    """``func`` with the cyclic garbage collector paused while it runs, as argmap's loaders do;
    floors are measured this way so that they are the true limit, not the collector's cost."""

    def run() -> Any:
        was = gc.isenabled()
        gc.disable()
        try:
            return func()
        finally:
            if was:
                gc.enable()

    return run


def run_python(python: str | Path, code: str, *args: str, timeout: float = 900,
               env: dict[str, str] | None = None) -> Any:
    """Run ``code`` with another interpreter; it prints one JSON value last, which is returned.

    Raises ``RuntimeError`` with the last lines of its error output when it fails.
    """
    done = subprocess.run([str(python), "-c", code, *args], capture_output=True, text=True,
                          timeout=timeout, check=False, cwd=ROOT,
                          env=None if env is None else {**os.environ, **env})
    if done.returncode != 0:
        tail = " | ".join(done.stderr.strip().splitlines()[-3:])
        raise RuntimeError(tail or f"exit status {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


_IMPORT = """
import json, sys, time
start = time.perf_counter()
for name in sys.argv[1:]:
    __import__(name)
print(json.dumps(time.perf_counter() - start))
"""


def import_time(modules: list[str], repeat: int) -> Timing:
    """Median seconds to import ``modules`` in a fresh interpreter (this one's executable)."""
    times = [run_python(sys.executable, _IMPORT, *modules) for _ in range(max(1, repeat))]
    return Timing(statistics.median(times), len(times), statistics.median(times))


# VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over from the parent through
# fork and exec, so a child of a large process would report the parent's size.
_PEAK = """
import json, sys
sys.path.insert(0, sys.argv[1])
from argmap.io.files import load
from argmap.graph import build_graph
dossier = load(sys.argv[2])
graph = build_graph(dossier)
assert graph.number_of_nodes() >= len(dossier) - len(dossier.relations)
status = open("/proc/self/status").read().split("VmHWM:")[1].split()
print(json.dumps(int(status[0]) * 1024))
"""


def peak_memory(path: Path) -> int:
    """Peak resident bytes of a fresh process that loads ``path`` (cache off) and builds its
    graph (the high-water mark from ``/proc/self/status``: Linux only)."""
    return int(run_python(sys.executable, _PEAK, str(ROOT), str(path),
                          env={"ARGMAP_CACHE": "off"}))


# --- the machine ----------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return f"{line.split('=', 1)[1].strip(chr(34))} ({platform.system()} " \
                       f"{platform.release()})"
    except OSError:
        pass
    return platform.platform()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def graphviz_version() -> str:
    """``dot -V`` as a version number, or why there is none."""
    dot = shutil.which("dot")
    if dot is None:
        return "not installed"
    done = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False)
    found = re.search(r"version\s+(\S+)", done.stderr + done.stdout)
    return found.group(1) if found else "unknown"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as ``1.02 / 1.31 / 1.69``."""
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def machine(others: dict[str, str]) -> list[tuple[str, str]]:
    """What the results were measured on, as (what, value) pairs; ``others`` adds the versions
    of the compared packages found in their own environments."""
    facts = [
        ("CPU", _cpu_model()),
        ("cores", f"{os.cpu_count()} (usable by this process: {len(os.sched_getaffinity(0))})"
         if hasattr(os, "sched_getaffinity") else str(os.cpu_count())),
        ("memory", _memory()),
        ("OS", _os_name()),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("argmap", _version("argmap")),
        ("pydantic", f"{_version('pydantic')} (pydantic-core {_version('pydantic_core')})"),
        ("networkx", _version("networkx")),
        ("PyYAML", f"{_version('PyYAML')} (C loader: "
                   f"{'yes' if _has_c_loader() else 'no'})"),
        ("Graphviz", graphviz_version()),
    ]
    facts.extend(others.items())
    return facts


def _has_c_loader() -> bool:
    import yaml

    return hasattr(yaml, "CSafeLoader")


# --- interleaved comparisons -------------------------------------------------------------------

#: The loop a worker runs: ``setup`` once, then one timed ``run()`` per "go" line, each after
#: gc.collect(), answering [wall seconds, CPU seconds, what run() returned (JSON)].
_WORKER = """
import gc, json, sys, time
namespace = {}
sys.stdin.readline()  # "code"
exec(json.loads(sys.stdin.readline()), namespace)
run = namespace["run"]
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() != "go":
        break
    result = None
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps([wall, cpu, result]), flush=True)
"""


class Worker:
    """A function timed in another interpreter (another venv), run by run on demand, so that its
    runs can alternate with argmap's: ``code`` defines ``run()``, which returns a JSON value."""

    def __init__(self, python: str | Path, code: str) -> None:
        self.process = subprocess.Popen([str(python), "-c", _WORKER], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, cwd=ROOT)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("code\n" + json.dumps(code) + "\n")
        self.process.stdin.flush()
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError(self._error())

    def _error(self) -> str:
        self.process.kill()
        _, err = self.process.communicate()
        return " | ".join(err.strip().splitlines()[-3:]) or "the worker stopped"

    def __call__(self) -> tuple[float, float, Any]:
        """One run: (wall seconds, CPU seconds, result)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(self._error())
        wall, cpu, result = json.loads(line)
        return wall, cpu, result

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.communicate("stop\n", timeout=60)


def here(func: Callable[[], Any]) -> Callable[[], tuple[float, float, Any]]:
    """``func`` timed in this interpreter, as a :class:`Worker` times its function."""

    def run() -> tuple[float, float, Any]:
        result = None
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        result = func()
        return time.perf_counter() - wall, time.process_time() - cpu, result

    return run


def interleaved(sides: dict[str, Callable[[], tuple[float, float, Any]]],
                repeat: int) -> dict[str, Timing]:
    """Run every side ``repeat`` times, alternately (a, b, a, b... with the order reversed every
    other round), so that a burst of load on a shared machine hits all sides alike; the median
    wall and CPU time of each, and its last result."""
    walls: dict[str, list[float]] = {name: [] for name in sides}
    cpus: dict[str, list[float]] = {name: [] for name in sides}
    results: dict[str, Any] = {}
    names = list(sides)
    for round_ in range(max(1, repeat)):
        for name in (names if round_ % 2 == 0 else names[::-1]):
            wall, cpu, results[name] = sides[name]()
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {name: Timing(statistics.median(walls[name]), len(walls[name]),
                         statistics.median(cpus[name]), results[name]) for name in names}
