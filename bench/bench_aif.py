"""Benchmark: import a generated 100,000-node AIF file into a dossier and a graph.

Run from the project root::

    python bench/bench_aif.py [--nodes 100000] [--repeat 3]

It writes the file to a temporary folder, times :func:`argmap.formats.aif.load` (parse, build,
validate and :func:`argmap.checks.check`) and :func:`argmap.graph.build_graph`, and, when the
venv ``bench/.venv-arguebuf`` exists (``python -m venv bench/.venv-arguebuf &&
bench/.venv-arguebuf/bin/pip install arguebuf``), times ``arguebuf.load.file`` on the same file
in that venv for comparison (the arguebuf column is skipped otherwise). The budget for argmap is
3 s (import and graph together); the exit status is 1 when it is exceeded.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.formats import aif
from argmap.graph import build_graph

BUDGET = 3.0
ARGUEBUF = ROOT / "bench" / ".venv-arguebuf" / "bin" / "python"
_AB_SCRIPT = """
import sys, time
import arguebuf
start = time.perf_counter()
graph = arguebuf.load.file(sys.argv[1])
took = time.perf_counter() - start
print(took, len(graph.nodes), len(graph.edges))
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


def time_argmap(path: Path, repeat: int) -> tuple[float, float, int, int]:
    """Best-of-``repeat`` seconds for import (read + load + check) and for build_graph."""
    best_load = best_graph = float("inf")
    items = edges = 0
    for _ in range(repeat):
        start = time.perf_counter()
        dossier = aif.load(path.read_bytes(), str(path)).dossier
        mid = time.perf_counter()
        graph = build_graph(dossier)
        end = time.perf_counter()
        best_load, best_graph = min(best_load, mid - start), min(best_graph, end - mid)
        items, edges = len(dossier), graph.number_of_edges()
    return best_load, best_graph, items, edges


def time_arguebuf(path: Path, repeat: int) -> float | None:
    """Best-of-``repeat`` seconds for ``arguebuf.load.file`` in its own venv, or None."""
    if not ARGUEBUF.exists():
        return None
    best = float("inf")
    for _ in range(repeat):
        run = subprocess.run([str(ARGUEBUF), "-c", _AB_SCRIPT, str(path)], capture_output=True,
                             text=True, timeout=600, check=False)
        if run.returncode != 0:
            print("arguebuf failed:", run.stderr.strip().splitlines()[-1:], file=sys.stderr)
            return None
        best = min(best, float(run.stdout.split()[0]))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        path.write_text(json.dumps(generate(args.nodes)), encoding="utf-8")
        size = path.stat().st_size / 1e6
        load_s, graph_s, items, edges = time_argmap(path, args.repeat)
        theirs = time_arguebuf(path, args.repeat)
    total = load_s + graph_s
    print(f"AIF file: {args.nodes:,} nodes, {size:.1f} MB; best of {args.repeat}")
    print(f"argmap   import+check {load_s:6.2f} s  ({items:,} items)")
    print(f"argmap   build_graph  {graph_s:6.2f} s  ({edges:,} edges)")
    print(f"argmap   total        {total:6.2f} s  (budget {BUDGET:.0f} s)")
    if theirs is None:
        print("arguebuf              skipped (no bench/.venv-arguebuf or it failed)")
    else:
        print(f"arguebuf load.file    {theirs:6.2f} s  (argmap import is {theirs / load_s:.1f}x "
              f"faster; with graph {theirs / total:.1f}x)")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
