"""The long run of the property tests: many more examples than the suite, with counts.

Run: ``python tests/fuzz/run.py [--examples 2000] [--seed 0]``. Prints, per property, how many
inputs were tried and whether any escaped (an exception other than ArgmapError, or a broken
property). Exit status 1 when one did.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import properties  # noqa: E402
from strategies import dossiers  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="argmap-fuzz-"))
    counts: dict[str, int] = {}

    many = settings(max_examples=args.examples, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))
    fewer = settings(max_examples=max(1, args.examples // 20), deadline=None, database=None,
                     suppress_health_check=list(HealthCheck))

    def tally(name: str) -> None:
        counts[name] = counts.get(name, 0) + 1

    @many
    @given(st.text(max_size=200), st.integers(2, 60))
    def wrapping(text: str, width: int) -> None:
        tally("wrapping keeps every grapheme in order")
        properties.wrap_keeps_every_grapheme_in_order(text, width)

    @many
    @given(properties.foreign_bytes)
    def importing(data: bytes) -> None:
        tally("importers raise only ArgmapError")
        properties.importers_raise_only_argmap_errors(data, tmp)

    @many
    @given(properties.dossier_text)
    def loading(text: str) -> None:
        tally("loading raises only ArgmapError")
        properties.loading_raises_only_argmap_errors(text)

    @fewer
    @given(dossiers())
    def rendering(dossier) -> None:
        tally("every view is valid DOT")
        properties.every_view_is_valid_dot(dossier)

    runs = {
        "wrapping keeps every grapheme in order": wrapping,
        "importers raise only ArgmapError": importing,
        "loading raises only ArgmapError": loading,
        "every view is valid DOT": rendering,
    }
    failed = False
    for name, test in runs.items():
        start = time.perf_counter()
        try:
            seed(args.seed)(test)()
            verdict = "none escaped"
        except Exception as exc:  # report and go on with the other properties
            failed = True
            verdict = f"ESCAPED: {type(exc).__name__}: {exc}"
        print(f"{name}: {counts.get(name, 0):,} inputs in {time.perf_counter() - start:.1f} s, "
              f"{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
