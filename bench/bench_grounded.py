"""The grounded-labelling step of ``bench/run`` alone, on the generated dossiers (not a test).

    python bench/bench_grounded.py [--sizes 1000,10000,100000] [--repeat 9] [--no-other]

Runs :meth:`bench.suite.Suite._grounded`, the same step with the same sides as in
``bench/run``: ``grounded(framework_from_dossier(dossier)).in_`` on a dossier made by
:func:`bench.generate.generate_dossier` (the mapping from the dossier counted), against
formal-argumentation (in ``bench/.venv-formal``) and a plain networkx implementation, both
given the already-mapped argument names and attacks; the runs alternate and the CPU medians
are compared. It prints the rows as ``bench/run`` does, in a few seconds instead of minutes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import others, report  # noqa: E402
from bench.generate import generate_dossier  # noqa: E402
from bench.measure import load_average  # noqa: E402
from bench.suite import Suite  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="dossier sizes in items, comma-separated")
    parser.add_argument("--repeat", type=int, default=9, help="runs of each side (default 9)")
    parser.add_argument("--no-other", action="store_true",
                        help="leave out formal-argumentation (no venv made)")
    args = parser.parse_args()
    print(f"load average before: {load_average()}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as folder:
        suite = Suite(Path(folder), args.repeat, alternatives=False)
        if not args.no_other:
            suite.pythons["formal-argumentation"] = others.ensure_venv("formal-argumentation",
                                                                       suite.log)
        for n in map(int, args.sizes.split(",")):
            suite._grounded(n, generate_dossier(n, seed=0), args.repeat)
    print(report.text(suite.rows))
    for line in suite.log:
        print(f"  {line}")
    print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
