"""Benchmark of the renderer on generated dossiers (not a test).

    python bench/bench_render.py [--sizes 500 5000] [--views demands arguments timeline]
                                 [--format svg] [--lang ja]
    python bench/bench_render.py --example   # the example case's PNG sizes and text sizes

Targets: any view of a generated 500-item dossier under 2 s, of a 5,000-item dossier under 20 s,
from dossier to SVG bytes (building the Digraph, then Graphviz). Prints one row per (size, view):
nodes drawn, the layout settings chosen, time to build the DOT, time in Graphviz, total. Exits 1
if a total misses its target.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap.maps import RenderOptions, draw  # noqa: E402
from argmap.maps.backend import run  # noqa: E402
from bench.generate import generate_dossier  # noqa: E402

TARGETS = {500: 2.0, 5000: 20.0}
EXAMPLE = Path(__file__).resolve().parents[1] / "claims" / "mynumber-card.yaml"
_POINTS = re.compile(r'POINT-SIZE="([\d.]+)"')


def example_sizes() -> int:
    """Each view of the example case as a PNG at 96 dpi: pixels, and its text in px."""
    import struct

    from argmap.io.files import load

    dossier = load(EXAMPLE)
    print(f"{'view':<10} {'lang':<4} {'PNG px':>12} {'long side':>9} {'body px':>8} "
          f"{'smallest px':>11}")
    for view in ("demands", "arguments", "timeline"):
        for lang in ("en", "ja"):
            graph = draw(dossier, view, RenderOptions(lang=lang))
            png = run(graph.source, "png", graph.engine)
            width, height = struct.unpack(">II", png[16:24])
            body = float(graph.node_attr.get("fontsize", 14))
            # the small print inside node labels (the map's title and legend aside)
            nodes = [line for line in graph.body if "[label=<<TABLE" in line
                     and "_legend__" not in line]
            small = min([body, *(float(p) for line in nodes for p in _POINTS.findall(line))])
            print(f"{view:<10} {lang:<4} {f'{width}x{height}':>12} {max(width, height):>9} "
                  f"{body * 96 / 72:>8.1f} {small * 96 / 72:>11.1f}")
    return 0
_NODE = re.compile(r'^\t+"?[^\s">\-][^\[]*\[label=', re.M)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--views", nargs="+", default=["demands", "arguments", "timeline"])
    parser.add_argument("--format", default="svg")
    parser.add_argument("--lang", default="ja")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--example", action="store_true",
                        help="print the example case's PNG and text sizes instead")
    args = parser.parse_args()
    if args.example:
        return example_sizes()
    options = RenderOptions(lang=args.lang)
    failed = False
    print(f"{'items':>6} {'view':<10} {'nodes':>6} {'settings':<9} {'dot src':>8} "
          f"{'graphviz':>9} {'total':>7} {'target':>7}  ok")
    for size in args.sizes:
        dossier = generate_dossier(size, seed=args.seed)
        for view in args.views:
            start = time.perf_counter()
            graph = draw(dossier, view, options)
            source = graph.source
            built = time.perf_counter() - start
            out = run(source, args.format, graph.engine, options.timeout)
            total = time.perf_counter() - start
            target = TARGETS.get(size)
            ok = target is None or total <= target
            failed |= not ok
            nodes = len(_NODE.findall(source))
            settings = ("pinned" if "notranslate=true" in source
                        else "limited" if "nslimit" in source else "default")
            print(f"{size:>6} {view:<10} {nodes:>6} {settings:<9} {built:>7.2f}s "
                  f"{total - built:>8.2f}s {total:>6.2f}s "
                  f"{(f'{target:.0f}s' if target else '-'):>7}  {'yes' if ok else 'NO'}"
                  f"   ({len(out) // 1024} KiB)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
