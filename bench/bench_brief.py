"""Benchmark of the debate brief on a generated dossier (not a test).

    python bench/bench_brief.py [--items 10000] [--repeat 3] [--seed 0]

Target on 10,000 items: a Markdown brief in under 5 s, from the dossier (graph build, demand
status, argument labels and sections included). The side is the actor who made the most
demands and the motion the claim with the most relations into it (given as ``motion``), so that
every section has content. Each figure is the median of ``--repeat`` runs (worst in
brackets); the process exits 1 if a median misses its target.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap.brief import brief, build_brief  # noqa: E402
from argmap.brief.html import to_html  # noqa: E402
from argmap.brief.markdown import to_markdown  # noqa: E402
from bench.generate import generate_dossier  # noqa: E402


def timed(func: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median and worst wall time of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    dossier = generate_dossier(args.items, seed=args.seed)
    into: dict[str, int] = {}
    for relation in dossier.relations:
        into[relation.to] = into.get(relation.to, 0) + 1
    made: dict[str, int] = {}
    for demand in dossier.demands:
        for actor in demand.by:
            made[actor] = made.get(actor, 0) + 1
    side = max(made, key=lambda a: (made[a], a))
    motion = max((c.id for c in dossier.claims), key=lambda c: (into.get(c, 0), c))

    rows: list[tuple[str, float, float, float | None]] = []
    median, worst, data = timed(lambda: build_brief(dossier, side, motion), args.repeat)
    rows.append(("build_brief (data)", median, worst, None))
    median, worst, text = timed(lambda: brief(dossier, side, motion), args.repeat)
    rows.append(("brief, Markdown", median, worst, 5.0))
    median, worst, _ = timed(lambda: brief(dossier, side, motion, format="html", with_map=False),
                             args.repeat)
    rows.append(("brief, HTML without map", median, worst, 5.0))
    median, worst, _ = timed(lambda: to_markdown(data), args.repeat)
    rows.append(("to_markdown only", median, worst, None))
    median, worst, _ = timed(lambda: to_html(data), args.repeat)
    rows.append(("to_html only (no map)", median, worst, None))

    print(f"{len(dossier)} items; side {side}; motion {data.motion}; "
          f"{len(data.support)} supporting, {len(data.counters)} counter-arguments "
          f"({len(data.unrebutted)} unrebutted), {len(data.answers)} answers, "
          f"{len(data.open)} open demands, {len(data.timeline)} key dates, "
          f"{len(data.sources)} sources; Markdown {len(text):,} characters")
    failed = False
    for name, median, worst, target in rows:
        verdict = ""
        if target is not None:
            ok = median < target
            failed |= not ok
            verdict = f"target < {target:g} s: {'ok' if ok else 'MISSED'}"
        print(f"{name:28} {median:8.3f} s (worst {worst:.3f})  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
