"""Load-and-validate speed, cold and warm: a generated dossier written as YAML and JSON, then
loaded back without the dossier cache (cold) and again, unchanged, from it (warm).

Run: python bench/bench_load.py [--items 1000 10000 100000] [--repeat 5]
Beside each figure, the floor: json.loads / PyYAML's C loader alone on the same bytes. Times
are the CPU time (user + system) of the process, median of the runs: on a machine shared with
other work they vary far less than wall-clock time.
The cache lives in a temporary folder of the run's own (``ARGMAP_CACHE``). Warm loads are
measured twice: right after the file is written (its content is hashed at every load), and once
it is past the racy window (stat vouches for it: argmap.io.cache).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generate import generate_dossier  # noqa: E402
from measure import paused, timed  # noqa: E402

from argmap.io import cache  # noqa: E402
from argmap.io.files import dump, load  # noqa: E402


def _median(func, repeat: int) -> float:
    """Median CPU time of ``func`` (each result freed before the next run, not timed)."""
    return timed(func, repeat).cpu


def _one_size(items: int, repeat: int, tmp: Path) -> list[tuple]:
    dossier = generate_dossier(items, seed=0)
    rows = []
    for suffix in ("json", "yaml"):
        path = tmp / f"case-{items}.{suffix}"
        dump(dossier, path)
        raw = path.read_bytes()
        slow = max(1, repeat // 2) if items >= 100_000 and suffix == "yaml" else repeat
        if suffix == "json":
            floor = _median(paused(lambda: json.loads(raw)), repeat)
        else:  # PyYAML's own loader: half a minute for 100k items
            floor = _median(paused(lambda: yaml.load(raw, Loader=yaml.CSafeLoader)),
                            1 if slow < repeat else repeat)
        dump(dossier, path)  # written again: just now, as a file saved from an editor
        assert load(path) == dossier  # stores it
        fresh = _median(lambda: load(path), repeat)  # hashed each time: changed just now
        cold = _median(lambda: load(path, use_cache=False), slow)
        assert load(path, use_cache=False) == dossier
        # past the racy window (argmap.io.cache.RACY_SECONDS), stat vouches for the file
        time.sleep(max(0.0, path.stat().st_ctime + getattr(cache, "RACY_SECONDS", 0) + 0.1
                       - time.time()))
        assert load(path) == dossier
        warm = _median(lambda: load(path), repeat)
        rows.append((items, suffix, len(raw), cold, fresh, warm, floor))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ARGMAP_CACHE"] = str(Path(tmp) / "cache")
        rows = [row for n in args.items for row in _one_size(n, args.repeat, Path(tmp))]
    print(f"load + validate, median of {args.repeat} (at 100k, YAML cold: "
          f"{max(1, args.repeat // 2)}, its floor: 1)")
    print("cold: no cache; warm: unchanged, from the cache (just written: hashed at each load; "
          "then: stat vouches)")
    print(f"{'items':>7} {'format':<6} {'bytes':>12} {'cold':>9} {'warm, just written':>19} "
          f"{'warm':>9} {'parse only':>11}")
    for items, suffix, size, cold, fresh, warm, floor in rows:
        print(f"{items:>7,} {suffix:<6} {size:>12,} {cold:>8.3f}s {fresh:>18.3f}s "
              f"{warm:>8.3f}s {floor:>10.3f}s")


if __name__ == "__main__":
    main()
