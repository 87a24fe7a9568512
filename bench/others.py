"""The alternatives argmap is measured against, each in its own environment.

* arguebuf (AIF import, and its conversion to a networkx graph) lives in
  ``bench/.venv-arguebuf``; formal-argumentation (grounded semantics) in
  ``bench/.venv-formal``. Neither is an argmap dependency: :func:`ensure_venv` creates each
  environment with ``python -m venv`` and ``pip install`` on first use, and when that fails the
  suite leaves the column out and says why.
* a plain networkx implementation of the grounded labelling runs here, in argmap's own venv.

The scripts run in the other environments time their own work (median of their runs, each
after ``gc.collect()``), so interpreter start-up and imports are not counted, as they are not
for argmap.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import deque
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from bench.measure import ROOT, Worker, run_python

#: name -> (venv folder, pip requirement, import name)
PACKAGES: dict[str, tuple[Path, str, str]] = {
    "arguebuf": (ROOT / "bench" / ".venv-arguebuf", "arguebuf", "arguebuf"),
    "formal-argumentation": (ROOT / "bench" / ".venv-formal", "formal-argumentation",
                             "argumentation"),
}


def ensure_venv(name: str, log: list[str]) -> Path | None:
    """The interpreter of the environment holding ``name``, creating it when missing.

    Returns None (and notes why in ``log``) when it cannot be created or installed.
    """
    folder, requirement, module = PACKAGES[name]
    python = folder / "bin" / "python"
    if python.exists() and _imports(python, module):
        return python
    log.append(f"{name}: creating {folder.relative_to(ROOT)} (python -m venv, pip install "
               f"{requirement})")
    steps = [[sys.executable, "-m", "venv", str(folder)],
             [str(python), "-m", "pip", "install", "--quiet", requirement]]
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=600,
                                  check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.append(f"{name}: skipped ({exc})")
            return None
        if done.returncode != 0:
            tail = " | ".join(done.stderr.strip().splitlines()[-2:])
            log.append(f"{name}: skipped, could not install ({tail or done.returncode})")
            return None
    if not _imports(python, module):
        log.append(f"{name}: skipped, installed but cannot be imported")
        return None
    return python


def _imports(python: Path, module: str) -> bool:
    done = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True,
                          check=False)
    return done.returncode == 0


def version(python: Path, dist: str) -> str:
    """The installed version of ``dist`` in that environment."""
    code = ("import json, sys; from importlib import metadata; "
            "print(json.dumps(metadata.version(sys.argv[1])))")
    try:
        return str(run_python(python, code, dist))
    except RuntimeError:
        return "unknown"


_ARGUEBUF = """
import gc, json, statistics, sys, time
import arguebuf
path, repeat = sys.argv[1], int(sys.argv[2])
loads, graphs, size = [], [], None
for _ in range(repeat):
    graph = nxg = None
    gc.collect()
    start = time.perf_counter()
    graph = arguebuf.load.file(path)
    mid = time.perf_counter()
    nxg = arguebuf.dump.networkx(graph)
    end = time.perf_counter()
    loads.append(mid - start)
    graphs.append(end - start)
    size = [len(graph.nodes), len(graph.edges), nxg.number_of_nodes(), nxg.number_of_edges()]
print(json.dumps([statistics.median(loads), statistics.median(graphs), len(loads), size]))
"""


def arguebuf_times(python: Path, path: Path, repeat: int) -> tuple[float, float, int, list[int]]:
    """Median seconds of ``arguebuf.load.file`` and of that plus ``arguebuf.dump.networkx``,
    the number of runs, and the sizes (arguebuf nodes, edges; networkx nodes, edges)."""
    load, with_graph, runs, size = run_python(python, _ARGUEBUF, str(path), str(repeat))
    return load, with_graph, runs, size


_FORMAL = """
import gc, json, statistics, sys, time
from argumentation.core.dung import ArgumentationFramework, grounded_extension
data = json.load(open(sys.argv[1], encoding="utf-8"))
repeat = int(sys.argv[2])
arguments, attacks = data["arguments"], [tuple(a) for a in data["attacks"]]
times, extension = [], None
for _ in range(repeat):
    extension = None
    gc.collect()
    start = time.perf_counter()
    framework = ArgumentationFramework(arguments=frozenset(arguments), defeats=frozenset(attacks))
    extension = grounded_extension(framework)
    times.append(time.perf_counter() - start)
print(json.dumps([statistics.median(times), len(times), sorted(extension)]))
"""


def formal_grounded(python: Path, arguments: Iterable[str], attacks: Iterable[tuple[str, str]],
                    folder: Path, repeat: int) -> tuple[float, int, frozenset[str]]:
    """Median seconds for formal-argumentation to build its framework from the same arguments
    and attacks and compute the grounded extension; the runs; the extension."""
    path = folder / "framework.json"
    path.write_text(json.dumps({"arguments": list(arguments),
                                "attacks": [list(a) for a in attacks]}), encoding="utf-8")
    seconds, runs, extension = run_python(python, _FORMAL, str(path), str(repeat))
    return seconds, runs, frozenset(extension)


_FORMAL_WORKER = """
import json
from argumentation.core.dung import ArgumentationFramework, grounded_extension
data = json.load(open(%r, encoding="utf-8"))
arguments, attacks = data["arguments"], [tuple(a) for a in data["attacks"]]
def run():
    framework = ArgumentationFramework(arguments=frozenset(arguments),
                                       defeats=frozenset(attacks))
    return sorted(grounded_extension(framework))
"""


def formal_worker(python: Path, arguments: Iterable[str], attacks: Iterable[tuple[str, str]],
                  folder: Path) -> Worker:
    """formal-argumentation building its framework from the same arguments and attacks and
    computing the grounded extension, one run per call (for :func:`bench.measure.interleaved`)."""
    path = folder / "framework.json"
    path.write_text(json.dumps({"arguments": list(arguments),
                                "attacks": [list(a) for a in attacks]}), encoding="utf-8")
    return Worker(python, _FORMAL_WORKER % str(path))


def networkx_grounded(arguments: Iterable[str],
                      attacks: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The grounded extension, written plainly on a networkx ``DiGraph`` (the comparison).

    The textbook queue algorithm: an argument whose attackers are all out is in; whatever an in
    argument attacks is out.

    >>> sorted(networkx_grounded(["a", "b", "c"], [("a", "b"), ("b", "c")]))
    ['a', 'c']
    """
    graph = nx.DiGraph()
    graph.add_nodes_from(arguments)
    graph.add_edges_from(attacks)
    live = dict(graph.in_degree())
    queue = deque(n for n, d in live.items() if d == 0)
    accepted: set[str] = set()
    rejected: set[str] = set()
    while queue:
        a = queue.popleft()
        if a in accepted or a in rejected:
            continue
        accepted.add(a)
        for b in graph.successors(a):
            if b in rejected or b in accepted:
                continue
            rejected.add(b)
            for c in graph.successors(b):
                live[c] -= 1
                if live[c] == 0 and c not in accepted and c not in rejected:
                    queue.append(c)
    return frozenset(accepted)
