"""Benchmark: AIF import, on a generated 100,000-node file and on real maps, beside arguebuf.

Run from the project root::

    python bench/bench_aif.py [--nodes 100000] [--repeat 3] [--real DIR] [--make-venvs]

1. A generated AIFdb-shaped file (:func:`generate`): :func:`argmap.formats.aif.load` (parse,
   build, validate and :func:`argmap.checks.check`) and :func:`argmap.graph.build_graph`, best of
   ``--repeat``. The budget for argmap is 3 s (import and graph together); the exit status is 1
   when it is exceeded.
2. Real maps: every ``*.json`` of ``--real`` (default: the 40 QT30 nodesets of
   ``../shared/corpora/aif/qt30``), each imported ``--repeat`` times, the best time of each file
   summed; with how many files were read and how many failed.

``--race`` instead runs exactly the AIF rows of ``bench/run`` (:meth:`bench.suite.Suite.aif_steps`
at 100,000 nodes and :meth:`~bench.suite.Suite.aif_real`): argmap and each arguebuf in
interpreters of their own, run after run in turn, the median CPU time of ``--repeat`` runs
(at least 5), printed as the table ``bench/run`` writes; the exit status is 1 when a target
is missed.

Both are measured beside arguebuf's ``load.file`` wherever an arguebuf venv exists:
``bench/.venv-arguebuf`` (made by ``bench/run``, on this Python: arguebuf 2.7.2 on Python 3.11)
and ``bench/.venv-arguebuf3`` (arguebuf 3.0, which needs Python >= 3.13). ``--make-venvs``
creates the missing ones (the second with a ``python3.13`` or newer found on PATH or under
pyenv). Each figure is wall-clock seconds with the process's CPU seconds beside it: on a shared
machine the CPU figure is the steadier one. arguebuf leaves the dialogue layer (L, TA, YA nodes)
out; argmap keeps it (each locution an event), so argmap does more work per file.
"""

from __future__ import annotations

import argparse
import gc
import glob
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.errors import ArgmapError
from argmap.formats import aif
from argmap.graph import build_graph

BUDGET = 3.0
REAL = ROOT.parent / "shared" / "corpora" / "aif" / "qt30"
#: venv folder -> what to install and which Python to make it with (None: this one)
VENVS: dict[str, tuple[str, tuple[int, int] | None]] = {
    ".venv-arguebuf": ("arguebuf", None),
    ".venv-arguebuf3": ("arguebuf>=3", (3, 13)),
}
_AB_SCRIPT = """
import gc, json, sys, time
from importlib import metadata
import arguebuf
repeat, out = int(sys.argv[1]), {}
for path in sys.argv[2:]:
    wall = cpu = float("inf")
    try:
        for _ in range(repeat):
            graph = None
            gc.collect()
            w, c = time.perf_counter(), time.process_time()
            graph = arguebuf.load.file(path)
            wall = min(wall, time.perf_counter() - w)
            cpu = min(cpu, time.process_time() - c)
        out[path] = [wall, cpu, len(graph.nodes), len(graph.edges)]
    except Exception as exc:
        out[path] = f"{type(exc).__name__}: {exc}"[:200]
print(json.dumps({"version": metadata.version("arguebuf"), "files": out}))
"""


def generate(n_nodes: int) -> dict:
    """An AIFdb-shaped graph: units of 10 nodes (3 I, RA, CA, 2 L, 2 YA, TA).

    Ids mix integers and strings; half the CAs undercut their unit's RA, the rest attack a premise.
    """
    nodes, edges, locutions = [], [], []

    def edge(src: object, dst: object) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": src, "toID": dst,
                      "formEdgeID": None})

    for unit in range(n_nodes // 10):
        b = unit * 10
        ids = [b + i if i % 2 else str(b + i) for i in range(10)]  # mixed int / str ids
        i1, i2, ra, i3, ca, l1, ya1, l2, ya2, ta = ids
        stamp = f"2020-{unit % 12 + 1:02d}-{unit % 28 + 1:02d} 10:00:00"
        speaker = f"Speaker {unit % 50}"
        nodes += [
            {"nodeID": i1, "text": f"Claim {unit} holds", "type": "I", "timestamp": stamp},
            {"nodeID": i2, "text": f"Reason {unit} is true", "type": "I", "timestamp": stamp},
            {"nodeID": ra, "text": "Default Inference", "type": "RA", "scheme": "Default Inference",
             "schemeID": "72"},
            {"nodeID": i3, "text": f"Objection {unit}", "type": "I"},
            {"nodeID": ca, "text": "Default Conflict", "type": "CA"},
            {"nodeID": l1, "text": f"{speaker} : Claim {unit} holds", "type": "L",
             "timestamp": stamp},
            {"nodeID": ya1, "text": "Asserting", "type": "YA", "scheme": "Asserting"},
            {"nodeID": l2, "text": f"{speaker} : because reason {unit}", "type": "L",
             "timestamp": stamp},
            {"nodeID": ya2, "text": "Asserting", "type": "YA", "scheme": "Asserting"},
            {"nodeID": ta, "text": "Default Transition", "type": "TA"},
        ]
        edge(i2, ra)
        edge(ra, i1)
        edge(i3, ca)
        edge(ca, ra if unit % 2 else i2)
        edge(l1, ya1)
        edge(ya1, i1)
        edge(l2, ya2)
        edge(ya2, i2)
        edge(l1, ta)
        edge(ta, l2)
        locutions += [{"nodeID": str(l1), "personID": str(unit % 50), "timestamp": stamp},
                      {"nodeID": str(l2), "personID": str(unit % 50), "timestamp": stamp}]
    return {"nodes": nodes, "edges": edges, "locutions": locutions}


def _best(run, repeat: int) -> tuple[float, float, object]:
    """Best wall and best CPU seconds of ``repeat`` calls of ``run``, and its last result."""
    wall = cpu = float("inf")
    result = None
    for _ in range(repeat):
        result = None
        gc.collect()
        w, c = time.perf_counter(), time.process_time()
        result = run()
        wall, cpu = min(wall, time.perf_counter() - w), min(cpu, time.process_time() - c)
    return wall, cpu, result


def time_argmap(path: Path, repeat: int) -> tuple[tuple[float, float], tuple[float, float],
                                                  int, int]:
    """Best (wall, CPU) seconds for import (read + load + check) and for build_graph."""
    load_w, load_c, imported = _best(lambda: aif.load(path.read_bytes(), str(path)), repeat)
    dossier = imported.dossier  # type: ignore[union-attr]
    graph_w, graph_c, graph = _best(lambda: build_graph(dossier), repeat)
    return (load_w, load_c), (graph_w, graph_c), len(dossier), graph.number_of_edges()  # type: ignore[union-attr]


def _python_at_least(version: tuple[int, int]) -> str | None:
    """A working Python interpreter of at least ``version``, from pyenv or PATH."""
    candidates = sorted(glob.glob(str(Path.home() / ".pyenv" / "versions" / "3.*" / "bin" /
                                      "python")), reverse=True)
    candidates += [found for minor in range(version[1], 20)
                   if (found := shutil.which(f"python{version[0]}.{minor}"))]
    check = f"import sys; sys.exit(sys.version_info < {version!r})"
    for candidate in candidates:
        done = subprocess.run([candidate, "-c", check], capture_output=True, check=False)
        if done.returncode == 0:
            return candidate
    return None


def arguebuf_pythons(make: bool) -> list[Path]:
    """The interpreters of the arguebuf venvs that exist (made first with ``make``)."""
    found = []
    for folder, (requirement, version) in VENVS.items():
        python = ROOT / "bench" / folder / "bin" / "python"
        if not python.exists() and make:
            base = sys.executable if version is None else _python_at_least(version)
            if base is None:
                print(f"{folder}: no Python >= {version[0]}.{version[1]} found; skipped")  # type: ignore[index]
                continue
            steps = [[base, "-m", "venv", str(python.parents[1])],
                     [str(python), "-m", "pip", "install", "--quiet", requirement]]
            for step in steps:
                if subprocess.run(step, capture_output=True, check=False).returncode != 0:
                    print(f"{folder}: could not run {' '.join(step)}; skipped")
                    break
        if python.exists():
            found.append(python)
    return found


def time_arguebuf(python: Path, paths: list[Path], repeat: int) -> tuple[str, dict]:
    """arguebuf's version and, per file, [wall, CPU, nodes, edges] or the error it raised."""
    run = subprocess.run([str(python), "-c", _AB_SCRIPT, str(repeat), *map(str, paths)],
                         capture_output=True, text=True, timeout=1800, check=False)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip().splitlines()[-1:])
    data = json.loads(run.stdout)
    return data["version"], data["files"]


def _real_maps(paths: list[Path], repeat: int, pythons: list[Path]) -> None:
    wall = cpu = 0.0
    read, failed, items, warnings, nodes = 0, [], 0, 0, 0
    for path in paths:
        nodes += len(json.loads(path.read_text(encoding="utf-8")).get("nodes", []))
        try:
            w, c, imported = _best(lambda p=path: aif.load(p.read_bytes(), str(p)), repeat)
        except ArgmapError as exc:  # a file argmap refuses is counted, not fatal
            failed.append(f"{path.name}: {exc}")
            continue
        read += 1
        wall, cpu = wall + w, cpu + c
        items += len(imported.dossier)  # type: ignore[union-attr]
        warnings += len(imported.warnings)  # type: ignore[union-attr]
    print(f"\nReal maps: {len(paths)} files of {paths[0].parent} ({nodes:,} AIF nodes); "
          f"best of {repeat} per file, summed")
    print(f"argmap   {'':14} read {read}, failed {len(failed)}   import+check "
          f"{wall:6.3f} s wall, {cpu:6.3f} s CPU  ({items:,} items, {warnings} warnings)")
    for reason in failed[:5]:
        print(f"           {reason}")
    for python in pythons:
        try:
            version, files = time_arguebuf(python, paths, repeat)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            print(f"arguebuf ({python.parents[1].name}) failed: {exc}")
            continue
        ok = [v for v in files.values() if isinstance(v, list)]
        bad = [f"{Path(k).name}: {v}" for k, v in files.items() if not isinstance(v, list)]
        their_w, their_c = sum(v[0] for v in ok), sum(v[1] for v in ok)
        print(f"arguebuf {version:<14} read {len(ok)}, failed {len(bad)}   load.file    "
              f"{their_w:6.3f} s wall, {their_c:6.3f} s CPU  "
              f"(argmap {their_c / cpu:.1f}x faster in CPU)" if cpu else "")
        for reason in bad[:5]:
            print(f"           {reason}")


def race(nodes: int, repeat: int) -> int:
    """The AIF rows of ``bench/run``, alone: printed as its table; 1 when a target is missed."""
    from bench import report
    from bench.suite import Suite

    with tempfile.TemporaryDirectory() as folder:
        suite = Suite(Path(folder), repeat, alternatives=True)
        suite.aif_steps(nodes, repeat)
        suite.aif_real(repeat)
    print(report.text(suite.rows))
    for line in suite.log:
        print(line)
    _, missed = report.targets(suite.rows)
    return 1 if missed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--real", type=Path, default=REAL, help="a folder of real AIF files")
    parser.add_argument("--make-venvs", action="store_true",
                        help="create the missing arguebuf venvs first")
    parser.add_argument("--race", action="store_true",
                        help="the AIF rows of bench/run only (interleaved, median CPU)")
    args = parser.parse_args()
    if args.race:
        return race(args.nodes, args.repeat)
    pythons = arguebuf_pythons(args.make_venvs)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        path.write_text(json.dumps(generate(args.nodes)), encoding="utf-8")
        size = path.stat().st_size / 1e6
        (load_w, load_c), (graph_w, graph_c), items, edges = time_argmap(path, args.repeat)
        theirs = []
        for python in pythons:
            try:
                theirs.append(time_arguebuf(python, [path], args.repeat))
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                print(f"arguebuf ({python.parents[1].name}) failed: {exc}", file=sys.stderr)
    total = load_w + graph_w
    print(f"Generated AIF file: {args.nodes:,} nodes, {size:.1f} MB; best of {args.repeat}")
    print(f"argmap   import+check  {load_w:6.2f} s wall, {load_c:6.2f} s CPU  ({items:,} items)")
    print(f"argmap   build_graph   {graph_w:6.2f} s wall, {graph_c:6.2f} s CPU  ({edges:,} edges)")
    print(f"argmap   total         {total:6.2f} s wall  (budget {BUDGET:.0f} s)")
    if not pythons:
        print("arguebuf               skipped (no bench/.venv-arguebuf*; see --make-venvs)")
    for version, files in theirs:
        (result,) = files.values()
        if isinstance(result, list):
            print(f"arguebuf {version:<6} load.file  {result[0]:6.2f} s wall, {result[1]:6.2f} s "
                  f"CPU  (argmap import is {result[1] / load_c:.1f}x faster in CPU)")
        else:
            print(f"arguebuf {version:<6} failed: {result}")
    real = sorted(args.real.glob("*.json")) if args.real.is_dir() else []
    if real:
        _real_maps(real, args.repeat, pythons)
    else:
        print(f"\nReal maps: none found in {args.real}; skipped")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
