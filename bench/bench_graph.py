"""Benchmark of the graph and tracking on a generated dossier (not a test).

    python bench/bench_graph.py [--items 100000] [--repeat 5] [--seed 0]

Targets on 100,000 items: graph build < 2 s, demand_status < 1 s (graph already built),
neighbourhood of radius 2 < 50 ms. Each figure is the median of ``--repeat`` runs (worst in
brackets); the process exits 1 if a median misses its target.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap.checks import check  # noqa: E402
from argmap.graph import build_graph, neighbourhood  # noqa: E402
from argmap.tracking import changes_between, demand_status, timeline  # noqa: E402
from bench.generate import generate_dossier  # noqa: E402

CPU: list[float] = []  # median CPU time of the last timed() call, for the report


def timed(func: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median and worst wall time of ``repeat`` calls, and the last result. The median CPU time
    is left in ``CPU`` (on a shared machine wall time also counts other processes)."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        gc.collect()  # start each run from a clean heap so one run does not pay for another
        start, start_cpu = time.perf_counter(), time.process_time()
        result = func()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU[:] = [statistics.median(cpu)]
    return statistics.median(times), max(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    rows: list[tuple[str, float, float, float | None]] = []
    cpu: dict[str, float] = {}
    start = time.perf_counter()
    dossier = generate_dossier(args.items, seed=args.seed)
    rows.append(("generate_dossier", time.perf_counter() - start, 0.0, None))
    start = time.perf_counter()
    check(dossier)
    rows.append(("dossier.check", time.perf_counter() - start, 0.0, None))

    median, worst, graph = timed(lambda: build_graph(dossier), args.repeat)
    rows.append(("build_graph", median, worst, 2.0))
    cpu["build_graph"] = CPU[0]
    median, worst, status = timed(lambda: demand_status(dossier, graph=graph,
                                                        today=_dt.date(2025, 1, 1)), args.repeat)
    rows.append(("demand_status", median, worst, 1.0))
    cpu["demand_status"] = CPU[0]
    median, worst, _ = timed(lambda: demand_status(dossier, today=_dt.date(2025, 1, 1)),
                             args.repeat)
    rows.append(("demand_status + its build", median, worst, None))
    cpu["demand_status + its build"] = CPU[0]
    median, worst, _ = timed(lambda: demand_status(dossier, "2018-06-30", graph=graph),
                             args.repeat)
    rows.append(("demand_status as_of", median, worst, 1.0))
    cpu["demand_status as_of"] = CPU[0]
    median, worst, _ = timed(lambda: changes_between(dossier, "2018-01-01", "2018-12-31",
                                                     graph=graph), args.repeat)
    rows.append(("changes_between (1 year)", median, worst, None))
    cpu["changes_between (1 year)"] = CPU[0]
    median, worst, _ = timed(lambda: timeline(dossier, graph=graph), args.repeat)
    rows.append(("timeline", median, worst, None))
    cpu["timeline"] = CPU[0]

    rng = random.Random(args.seed)
    picks = rng.sample([n for n, k in graph.nodes(data="kind")
                        if k in ("claim", "demand", "response", "evidence", "action")], 50)
    gc.collect()
    times, sizes = [], []
    for node in picks:
        start = time.perf_counter()
        sub = neighbourhood(graph, node, 2)
        times.append(time.perf_counter() - start)
        sizes.append(sub.number_of_nodes())
    rows.append(("neighbourhood r=2 (50 items)", statistics.median(times), max(times), 0.05))

    print(f"{len(dossier)} items -> {graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} edges; {len(status)} demands; "
          f"neighbourhood sizes median {statistics.median(sizes)} max {max(sizes)} nodes")
    print("wall: median of runs (worst in brackets); cpu: median process CPU time")
    failed = False
    for name, median, worst, target in rows:
        verdict = ""
        if target is not None:
            ok = median < target
            failed |= not ok
            verdict = f"target < {target:g} s: {'ok' if ok else 'MISSED'}"
        spread = f"(worst {worst:.3f})" if worst else ""
        used = f"cpu {cpu[name]:.3f}" if name in cpu else ""
        print(f"{name:30} {median:8.3f} s {spread:16} {used:11} {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
