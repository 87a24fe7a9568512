"""The steps of the benchmark suite: what ``bench/run`` measures, on what, against what.

Each step appends :class:`Row` objects: argmap's own time first, then the floors and
alternatives measured on the same data in the same run. :mod:`bench.report` turns them into the
table. The data are dossiers made by :func:`bench.generate.generate_dossier` (Japanese and
English text, realistic relation density) and AIF files made by :func:`bench.bench_aif.generate`.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import yaml

from argmap.dossier import Dossier
from argmap.io.files import dump, load
from argmap.graph import build_graph, neighbourhood
from argmap.maps import RenderOptions, draw
from argmap.maps.backend import run as graphviz
from argmap.tracking import demand_status
from bench import others
from bench.bench_aif import generate as generate_aif
from bench.generate import generate_dossier
from bench.measure import ROOT, import_time, paused, peak_memory, run_python, timed

MB = 1e6
_NODE = re.compile(r'^\t+"?[^\s">\-][^\[]*\[label=', re.M)  # one drawn node in a DOT source


@dataclass
class Row:
    """One measured line of the table.

    ``base`` is argmap's figure that this row (a floor or an alternative) is compared to;
    ``target`` says what is asked of argmap and ``met`` whether it was.
    """

    step: str
    size: str
    what: str
    value: float | None
    runs: int = 0
    unit: str = "s"
    base: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""


def label(n: int) -> str:
    """``1k``, ``10k``, ``100k``, or the number itself."""
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def under(value: float | None, limit: float) -> bool | None:
    return None if value is None else value < limit


class Suite:
    """Runs the steps; ``rows`` collects the results and ``log`` what was skipped and why."""

    def __init__(self, folder: Path, repeat: int, alternatives: bool) -> None:
        self.folder = folder
        self.repeat = repeat
        self.rows: list[Row] = []
        self.log: list[str] = []
        self.versions: dict[str, str] = {}
        self.pythons: dict[str, Path | None] = {}
        if alternatives:
            for name in others.PACKAGES:
                python = others.ensure_venv(name, self.log)
                self.pythons[name] = python
                if python is not None:
                    self.versions[name] = others.version(python, name)
        else:
            self.log.append("alternatives in other venvs skipped (--no-alternatives)")

    def add(self, *rows: Row) -> None:
        self.rows.extend(rows)
        for row in rows:  # progress, so a long run shows it is alive
            shown = "-" if row.value is None else f"{row.value:.3f}"
            print(f"  {row.step:<28} {row.size:>5}  {row.what:<48} {shown}", file=sys.stderr,
                  flush=True)

    # --- steps that do not depend on the size ---------------------------------------------

    def imports(self) -> None:
        """``import argmap`` alone, and with what ``argmap.load`` pulls in on first use."""
        plain = import_time(["argmap"], 7)
        self.add(Row("import argmap", "-", "import argmap (fresh interpreter)", plain.median,
                     plain.runs, target="< 0.3 s", met=under(plain.median, 0.3)))
        loading = import_time(["argmap", "argmap.io.files"], 5)
        self.add(Row("import argmap", "-", "import argmap + argmap.io.files (first load)",
                     loading.median, loading.runs,
                     note="pydantic models and the YAML reader, loaded on first use"))

    def layouts(self, view: str, nodes_wanted: int, repeat: int) -> None:
        """Graphviz on a map of about ``nodes_wanted`` drawn nodes (dossier sized to fit)."""
        items = nodes_wanted * 2
        for _ in range(3):  # drawn nodes grow about linearly with items: rescale, redraw
            graph = draw(generate_dossier(items, seed=0), view, RenderOptions(lang="ja"))
            source = graph.source
            drawn = len(_NODE.findall(source))
            if abs(drawn - nodes_wanted) <= nodes_wanted * 0.05:
                break
            items = max(100, round(items * nodes_wanted / max(drawn, 1)))
        settings = ("pinned" if "notranslate=true" in source
                    else "limited" if "nslimit" in source else "default")
        took = timed(lambda: graphviz(source, "svg", graph.engine, 900), repeat)
        self.add(Row("Graphviz layout (dot, SVG)", f"{drawn:,}n",
                     f"{view} map, {items:,} items, {settings} settings", took.median,
                     took.runs, note=f"{len(took.result) // 1024:,} KiB of SVG"))

    # --- steps on a dossier of one size ------------------------------------------------------

    def dossier_steps(self, n: int, repeat: int, slow_repeat: int, memory: bool) -> None:
        """Every step on a generated dossier of ``n`` items."""
        size = label(n)
        dossier = generate_dossier(n, seed=0)
        json_path, yaml_path = self.folder / f"case-{size}.json", self.folder / f"case-{size}.yaml"
        dump(dossier, json_path)
        dump(dossier, yaml_path)
        self.log.append(f"{size}: {len(dossier):,} items, {len(dossier.relations):,} relations; "
                        f"JSON {json_path.stat().st_size / MB:.1f} MB, "
                        f"YAML {yaml_path.stat().st_size / MB:.1f} MB")
        self._load_json(n, json_path, dossier, repeat)
        self._load_yaml(n, yaml_path, slow_repeat)
        graph = self._graph(n, dossier, repeat)
        today = _dt.date(2025, 1, 1)
        took = timed(lambda: demand_status(dossier, graph=graph, today=today), repeat)
        self.add(Row("demand status (graph built)", size, "argmap demand_status", took.median,
                     took.runs, target="< 1 s" if n >= 100_000 else "",
                     met=under(took.median, 1.0) if n >= 100_000 else None,
                     note=f"{len(took.result):,} demands"))
        self._grounded(n, dossier, repeat)
        self._neighbourhood(n, graph)
        self._dot(n, dossier, slow_repeat)
        self._brief(n, dossier, slow_repeat)
        if memory:
            for path in (json_path, yaml_path):
                peak = peak_memory(path) / MB
                self.add(Row("peak memory: load + graph", size,
                             f"fresh process, from {path.suffix[1:].upper()}", peak, 1, unit="MB",
                             target="< 1500 MB", met=peak < 1500))

    def _load_json(self, n: int, path: Path, dossier: Dossier, repeat: int) -> None:
        size, raw = label(n), path.read_bytes()
        took = timed(lambda: load(path), repeat)
        assert took.result == dossier, "the JSON file did not load back to the same dossier"
        targets = {10_000: 0.5, 100_000: 3.0}
        limit = targets.get(n)
        self.add(Row("load + validate JSON", size, "argmap.load", took.median, took.runs,
                     target=f"< {limit:g} s" if limit else "", met=under(took.median, limit)
                     if limit else None))
        floor = timed(paused(lambda: json.loads(raw)), repeat)
        self.add(Row("load + validate JSON", size, "floor: json.loads", floor.median,
                     floor.runs, base=took.median))
        both = timed(paused(lambda: Dossier.model_validate(json.loads(raw))), repeat)
        self.add(Row("load + validate JSON", size, "floor: json.loads + pydantic validation",
                     both.median, both.runs, base=took.median,
                     target="argmap <= 3x this" if n >= 100_000 else "",
                     met=took.median <= 3 * both.median if n >= 100_000 else None,
                     note="Dossier.model_validate: the same models, no cross-item check"))

    def _load_yaml(self, n: int, path: Path, repeat: int) -> None:
        size, raw = label(n), path.read_bytes()
        took = timed(lambda: load(path), repeat)
        limit = 2.0 if n == 10_000 else None
        self.add(Row("load + validate YAML", size, "argmap.load", took.median, took.runs,
                     target=f"< {limit:g} s" if limit else "",
                     met=under(took.median, limit) if limit else None))
        floor = timed(paused(lambda: yaml.load(raw, Loader=yaml.CSafeLoader)), repeat)
        self.add(Row("load + validate YAML", size, "floor: PyYAML CSafeLoader", floor.median,
                     floor.runs, base=took.median,
                     note="argmap composes with the C parser, then builds YAML 1.2 data itself"))

    def _graph(self, n: int, dossier: Dossier, repeat: int) -> nx.MultiDiGraph:
        size = label(n)
        took = timed(lambda: build_graph(dossier), repeat)
        graph = took.result
        self.add(Row("graph build", size, "argmap build_graph", took.median, took.runs,
                     target="< 2 s" if n >= 100_000 else "",
                     met=under(took.median, 2.0) if n >= 100_000 else None,
                     note=f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges"))
        nodes = list(graph.nodes(data=True))
        edges = list(graph.edges(keys=True, data=True))

        def plain() -> nx.MultiDiGraph:
            same = nx.MultiDiGraph()
            same.add_nodes_from(nodes)
            same.add_edges_from(edges)
            return same

        floor = timed(paused(plain), repeat)
        assert floor.result.number_of_edges() == graph.number_of_edges()
        self.add(Row("graph build", size, "networkx add_nodes_from + add_edges_from",
                     floor.median, floor.runs, base=took.median,
                     note="the same nodes and keyed edges, attribute dicts already made"))
        return graph

    def _grounded(self, n: int, dossier: Dossier, repeat: int) -> None:
        size = label(n)
        try:
            from argmap.semantics import Framework, framework_from_dossier, grounded
        except ImportError as exc:
            self.add(Row("grounded labelling", size, "argmap.semantics", None,
                         note=f"not available: {exc}"))
            return
        mapped = timed(lambda: framework_from_dossier(dossier), repeat)
        framework = mapped.result
        arguments, attacks = list(framework.arguments), framework.attacks
        self.add(Row("grounded labelling", size, "argmap framework_from_dossier (mapping)",
                     mapped.median, mapped.runs,
                     note=f"{len(arguments):,} arguments, {len(attacks):,} attacks"))
        took = timed(lambda: grounded(Framework(arguments, attacks)), repeat)
        ours = took.result.in_
        self.add(Row("grounded labelling", size, "argmap Framework + grounded", took.median,
                     took.runs, note=f"{len(ours):,} in"))
        plain = timed(lambda: others.networkx_grounded(arguments, attacks), repeat)
        self.add(Row("grounded labelling", size, "plain networkx implementation", plain.median,
                     plain.runs, base=took.median,
                     note="" if plain.result == ours else "DIFFERENT EXTENSION"))
        python = self.pythons.get("formal-argumentation")
        if python is not None:
            seconds, runs, theirs = others.formal_grounded(python, arguments, attacks,
                                                           self.folder, repeat)
            self.add(Row("grounded labelling", size, "formal-argumentation grounded_extension",
                         seconds, runs, base=took.median,
                         note="" if theirs == ours else "DIFFERENT EXTENSION"))

    def _neighbourhood(self, n: int, graph: nx.MultiDiGraph) -> None:
        rng = random.Random(0)
        picks = rng.sample(sorted(node for node, kind in graph.nodes(data="kind")
                                  if kind in ("claim", "demand", "response", "evidence",
                                              "action")), 50)
        times = []
        for node in picks:
            start = time.perf_counter()
            neighbourhood(graph, node, 2)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        self.add(Row("neighbourhood, radius 2", label(n), "argmap neighbourhood (50 items)",
                     median, len(times), target="< 0.05 s", met=median < 0.05))

    def _dot(self, n: int, dossier: Dossier, repeat: int) -> None:
        options = RenderOptions(lang="ja", max_nodes=10**7)  # the full map, whatever its size
        for view in ("demands", "arguments"):
            took = timed(lambda v=view: draw(dossier, v, options).source, repeat)
            self.add(Row("DOT generation", label(n), f"argmap draw, {view} map", took.median,
                         took.runs, note=f"{len(_NODE.findall(took.result)):,} nodes, "
                                         f"{len(took.result) / MB:.1f} MB of DOT"))

    def _brief(self, n: int, dossier: Dossier, repeat: int) -> None:
        from argmap.brief import brief

        side, motion = brief_args(dossier)
        took = timed(lambda: brief(dossier, side, motion), repeat)
        self.add(Row("brief (Markdown)", label(n), "argmap brief", took.median, took.runs,
                     target="< 5 s" if n == 10_000 else "",
                     met=under(took.median, 5.0) if n == 10_000 else None,
                     note=f"{len(took.result):,} characters"))

    # --- the tracker (petitions, status, site, SQLite) -----------------------------------------

    def tracker_steps(self, n: int, repeat: int) -> None:
        """Import ``n`` generated petition files, status, the site, SQLite (bench_tracker.py)."""
        from bench.bench_tracker import tracker_rows

        self.add(*tracker_rows(self.folder, n, repeat, self.log))

    # --- AIF -----------------------------------------------------------------------------------

    def aif_steps(self, n: int, repeat: int) -> None:
        """Import an AIFdb-shaped file of ``n`` nodes; with arguebuf beside it when installed.

        Both run in a fresh interpreter of their own, with the same timing code, so neither
        inherits the other steps' heap.
        """
        size = label(n)
        path = self.folder / f"aif-{size}.json"
        path.write_text(json.dumps(generate_aif(n)), encoding="utf-8")
        load_s, graph_s, runs, items = run_python(sys.executable, _ARGMAP_AIF, str(ROOT),
                                                  str(path), str(repeat))
        self.add(Row("AIF import", size, "argmap formats.aif.load", load_s, runs,
                     note=f"{n:,} AIF nodes -> {items:,} items"))
        self.add(Row("AIF import + networkx graph", size, "argmap aif.load + build_graph",
                     graph_s, runs))
        python = self.pythons.get("arguebuf")
        if python is None:
            return
        their_load, their_graph, runs, sizes = others.arguebuf_times(python, path, repeat)
        big = n >= 100_000
        self.add(Row("AIF import", size, "arguebuf load.file", their_load, runs, base=load_s,
                     target="argmap >= 3x faster" if big else "",
                     met=their_load >= 3 * load_s if big else None,
                     note=f"{sizes[0]:,} nodes, {sizes[1]:,} edges"))
        self.add(Row("AIF import + networkx graph", size,
                     "arguebuf load.file + dump.networkx", their_graph, runs, base=graph_s,
                     note=f"networkx: {sizes[2]:,} nodes, {sizes[3]:,} edges"))


# The same timing as bench/others.py's arguebuf script: read the file, import, then the graph.
_ARGMAP_AIF = """
import gc, json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from argmap.formats import aif
from argmap.graph import build_graph
path, repeat = sys.argv[2], int(sys.argv[3])
loads, graphs, items = [], [], 0
for _ in range(repeat):
    imported = graph = None
    gc.collect()
    start = time.perf_counter()
    with open(path, "rb") as handle:
        imported = aif.load(handle.read(), path)
    mid = time.perf_counter()
    graph = build_graph(imported.dossier)
    end = time.perf_counter()
    loads.append(mid - start)
    graphs.append(end - start)
    items = len(imported.dossier)
print(json.dumps([statistics.median(loads), statistics.median(graphs), len(loads), items]))
"""


def brief_args(dossier: Dossier) -> tuple[str, str]:
    """The side (the actor with the most demands) and the motion (the claim with the most
    relations into it), as in ``bench/bench_brief.py``, so every section of the brief has
    content."""
    into: dict[str, int] = {}
    for relation in dossier.relations:
        into[relation.to] = into.get(relation.to, 0) + 1
    made: dict[str, int] = {}
    for demand in dossier.demands:
        for actor in demand.by:
            made[actor] = made.get(actor, 0) + 1
    side = max(made, key=lambda a: (made[a], a))
    motion = max((c.id for c in dossier.claims), key=lambda c: (into.get(c, 0), c))
    return side, motion

