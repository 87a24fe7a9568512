"""Benchmark of the renderer on generated dossiers (not a test).

    python bench/bench_render.py [--sizes 500 5000] [--views demands arguments timeline]
                                 [--format svg] [--lang ja]
    python bench/bench_render.py --example   # the example case's PNG sizes and text sizes

Targets: any view of a generated 500-item dossier under 2 s, of a 5,000-item dossier under 20 s,
from dossier to SVG bytes (building the Digraph, then Graphviz). Prints one row per (size, view):
nodes drawn, the layout settings chosen (``after`` when lines are drawn once the rest is placed:
``dot`` then ``neato -n2``), time to build the DOT, time in Graphviz, total. The views that come
in pages (the argument, the timeline) get a second row, ``<view> pages``: every page built and
laid out in one run of Graphviz, as ``argmap build`` lays them out for its PNG pages (to xdot:
the layout without drawing it; ``--format png`` draws the pixels too, which for a few hundred
pages takes a minute or two, and SVG pages, which build never writes, would each pay for
starting Graphviz). Exits 1 if a total misses its target.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap.maps import PAGED, RenderOptions, draw, draw_pages  # noqa: E402
from argmap.maps.backend import (AFTER_LAYOUT, find_binary, graphviz_env, pinned,  # noqa: E402
                                 run, run_batch, split_after_layout)
from bench.generate import generate_dossier  # noqa: E402

TARGETS = {500: 2.0, 5000: 20.0}
EXAMPLE = Path(__file__).resolve().parents[1] / "claims" / "mynumber-card.yaml"
_POINTS = re.compile(r'POINT-SIZE="([\d.]+)"')


def example_sizes() -> int:
    """Each view of the example case as a PNG at 96 dpi: pixels, and its text in px."""
    import struct

    from argmap.io.files import load

    dossier = load(EXAMPLE)
    print(f"{'view':<16} {'lang':<4} {'PNG px':>12} {'long side':>9} {'body px':>8} "
          f"{'smallest px':>11}")
    for view in ("demands", "arguments", "timeline"):
        for lang in ("en", "ja"):
            options = RenderOptions(lang=lang)
            graphs = [("whole", draw(dossier, view, options))]
            if view in PAGED:
                graphs += [(f"p{k}", g) for k, g in enumerate(draw_pages(dossier, view, options), 1)]
            for name, graph in graphs:
                png = run(graph.source, "png", graph.engine)
                width, height = struct.unpack(">II", png[16:24])
                body = float(graph.node_attr.get("fontsize", 14))
                # the small print inside node labels (the map's title and legend aside)
                nodes = [line for line in graph.body if "[label=<<TABLE" in line
                         and "_legend__" not in line]
                small = min([body, *(float(p) for line in nodes for p in _POINTS.findall(line))])
                print(f"{view + ' ' + name:<16} {lang:<4} {f'{width}x{height}':>12} "
                      f"{max(width, height):>9} {body * 96 / 72:>8.1f} {small * 96 / 72:>11.1f}")
    return 0


def _layout_at_once(sources: list[str], engine: str) -> int:
    """A map's pages laid out in one run of Graphviz, as build lays out its PNG pages, written
    as xdot (the layout, no pixels): bytes written."""
    flag = ["-n2"] if all(pinned(src) for src in sources) else []
    done = subprocess.run([find_binary(), f"-K{engine}", "-Txdot", *flag],
                          input="".join(sources).encode("utf-8"), env=graphviz_env(),
                          capture_output=True, check=True)
    return len(done.stdout)


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
    print(f"{'items':>6} {'view':<16} {'nodes':>6} {'settings':<13} {'dot src':>8} "
          f"{'graphviz':>9} {'total':>7} {'target':>7}  ok")
    for size in args.sizes:
        dossier = generate_dossier(size, seed=args.seed)
        for view in args.views:
            rows = [(view, lambda v=view: [draw(dossier, v, options)])]
            if view in PAGED:
                rows.append((f"{view} pages", lambda v=view: draw_pages(dossier, v, options)))
            for name, make in rows:
                start = time.perf_counter()
                graphs = make()
                sources = [g.source for g in graphs]
                built = time.perf_counter() - start
                if (len(sources) > 1 and args.format != "png"
                        and not any(split_after_layout(src)[1] for src in sources)):
                    size_out = _layout_at_once(sources, graphs[0].engine)
                else:
                    size_out = sum(len(out) for out in run_batch(sources, args.format,
                                                                 graphs[0].engine, options.timeout))
                total = time.perf_counter() - start
                target = TARGETS.get(size)
                ok = target is None or total <= target
                failed |= not ok
                nodes = sum(len(_NODE.findall(src)) for src in sources)
                source = sources[0]
                settings = ("pinned" if "notranslate=true" in source
                            else "limited" if "nslimit" in source else "default")
                if any(f"subgraph {AFTER_LAYOUT} {{" in src for src in sources):
                    settings += "+after"
                if len(graphs) > 1:
                    settings += f" {len(graphs)}p"
                print(f"{size:>6} {name:<16} {nodes:>6} {settings:<13} {built:>7.2f}s "
                      f"{total - built:>8.2f}s {total:>6.2f}s "
                      f"{(f'{target:.0f}s' if target else '-'):>7}  {'yes' if ok else 'NO'}"
                      f"   ({size_out // 1024} KiB)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
