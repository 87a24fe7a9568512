"""Load-and-validate speed: a generated dossier written as YAML and JSON, then loaded back.

Run: python bench/bench_load.py [--items 10000] [--repeat 5]
Targets (issue 2): 10,000 items from JSON under 0.5 s, from YAML under 2 s, on a 2-core machine.
Beside each figure, the floor: json.loads / PyYAML's C loader alone on the same bytes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generate import generate_dossier  # noqa: E402

from argmap.io.files import dump, load  # noqa: E402


def _median(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    dossier = generate_dossier(args.items, seed=0)
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for suffix in ("json", "yaml"):
            path = Path(tmp) / f"case.{suffix}"
            dump(dossier, path)
            raw = path.read_text(encoding="utf-8")
            if suffix == "json":
                floor = _median(lambda: json.loads(raw), args.repeat)
            else:
                floor = _median(lambda: yaml.load(raw, Loader=yaml.CSafeLoader), args.repeat)
            loaded = _median(lambda: load(path), args.repeat)
            assert load(path) == dossier
            rows.append((suffix, path.stat().st_size, loaded, floor))
    print(f"load + validate, {args.items:,} items, median of {args.repeat}")
    print(f"{'format':<6} {'bytes':>12} {'argmap.load':>12} {'parse only':>12} {'ratio':>6}")
    for suffix, size, loaded, floor in rows:
        print(f"{suffix:<6} {size:>12,} {loaded:>11.3f}s {floor:>11.3f}s {loaded / floor:>5.1f}x")


if __name__ == "__main__":
    main()
