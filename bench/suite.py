"""The steps of the benchmark suite: what ``bench/run`` measures, on what, against what.

Each step appends :class:`Row` objects: argmap's own time first, then the floors and
alternatives measured on the same data in the same run. :mod:`bench.report` turns them into the
table. The data are dossiers made by :func:`bench.generate.generate_dossier` (Japanese and
English text, realistic relation density) and AIF files made by :func:`bench.bench_aif.generate`.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from argmap.dossier import Dossier
from argmap.graph import build_graph, neighbourhood
from argmap.io import cache
from argmap.io.files import dump, load
from argmap.maps import RenderOptions, draw
from argmap.maps.backend import run as graphviz
from argmap.tracking import demand_status
from bench import others
from bench.bench_aif import REAL as QT30
from bench.bench_aif import arguebuf_pythons
from bench.bench_aif import generate as generate_aif
from bench.generate import generate_dossier
from bench.measure import (
    ROOT,
    Timing,
    Worker,
    here,
    import_time,
    interleaved,
    paused,
    peak_memory,
    timed,
)

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
    #: "wall" or "CPU": which median ``value`` is (CPU where the comparison is interleaved
    #: with another tool's runs: on a shared machine it is the steadier of the two)
    clock: str = "wall"
    #: another tool doing the same job (argmap must not be slower), not a floor
    peer: bool = False


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
            # the best current arguebuf too (3.x needs Python >= 3.13: a venv of its own)
            for python in arguebuf_pythons(make=True):
                if python != self.pythons.get("arguebuf"):
                    self.pythons["arguebuf 3"] = python
                    self.versions["arguebuf (newest)"] = others.version(python, "arguebuf")
            if "arguebuf 3" not in self.pythons:
                self.log.append("arguebuf 3 skipped: no Python >= 3.13 to make its venv with")
        else:
            self.log.append("alternatives in other venvs skipped (--no-alternatives)")
        # the dossier cache in a folder of the run's own, so cold and warm loads are known
        os.environ["ARGMAP_CACHE"] = str(folder / "cache")

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
        self._load_yaml(n, yaml_path, dossier, slow_repeat)
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
        took = timed(lambda: load(path, use_cache=False), repeat)
        assert took.result == dossier, "the JSON file did not load back to the same dossier"
        targets = {10_000: 0.5, 100_000: 3.0}
        limit = targets.get(n)
        self.add(Row("load + validate JSON", size, "argmap.load (cold: no cache)", took.median,
                     took.runs, target=f"< {limit:g} s" if limit else "",
                     met=under(took.median, limit) if limit else None))
        floor = timed(paused(lambda: json.loads(raw)), repeat)
        self.add(Row("load + validate JSON", size, "floor: json.loads", floor.median,
                     floor.runs, base=took.median))
        both = timed(paused(lambda: Dossier.model_validate(json.loads(raw))), repeat)
        self.add(Row("load + validate JSON", size, "floor: json.loads + pydantic validation",
                     both.median, both.runs, base=took.median,
                     target="argmap <= 3x this" if n >= 100_000 else "",
                     met=took.median <= 3 * both.median if n >= 100_000 else None,
                     note="Dossier.model_validate: the same models, no cross-item check"))
        self._warm("load + validate JSON", n, path, dossier, repeat)

    def _warm(self, step: str, n: int, path: Path, dossier: Dossier, repeat: int) -> None:
        """The same file loaded again, unchanged: from the dossier cache (argmap.io.cache)."""
        load(path)  # the first load with the cache on stores it
        # a file changed less than RACY_SECONDS ago is hashed at every load; measure the usual
        # case, a file saved a while ago, for which stat vouches (argmap/io/cache.py)
        time.sleep(max(0.0, path.stat().st_ctime + cache.RACY_SECONDS + 0.1 - time.time()))
        load(path)  # recorded as seen
        warm = timed(lambda: load(path), repeat)
        assert warm.result == dossier, f"{path.name} did not load back from the cache the same"
        self.add(Row(step, label(n), "argmap.load (warm: unchanged, from the cache)",
                     warm.median, warm.runs,
                     note="the checked models kept as MessagePack rows (argmap/io/snapshot.py), "
                          "rebuilt without validating or checking again; the file not read: "
                          "stat vouches for it"))

    def _load_yaml(self, n: int, path: Path, dossier: Dossier, repeat: int) -> None:
        size, raw = label(n), path.read_bytes()
        took = timed(lambda: load(path, use_cache=False), repeat)
        limit = 2.0 if n == 10_000 else None
        self.add(Row("load + validate YAML", size, "argmap.load (cold: no cache)", took.median,
                     took.runs, target=f"< {limit:g} s" if limit else "",
                     met=under(took.median, limit) if limit else None))
        floor = timed(paused(lambda: yaml.load(raw, Loader=yaml.CSafeLoader)), repeat)
        self.add(Row("load + validate YAML", size, "floor: PyYAML CSafeLoader", floor.median,
                     floor.runs, base=took.median,
                     note="argmap composes with the C parser, then builds YAML 1.2 data itself"))
        self._warm("load + validate YAML", n, path, dossier, max(repeat, 3))

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
        """The grounded labelling from the dossier (argmap's mapping counted) against the same
        labelling of the mapped framework by the others, run by run in turn."""
        from argmap.semantics import Framework, framework_from_dossier, grounded

        size = label(n)
        framework = framework_from_dossier(dossier)
        arguments, attacks = list(framework.arguments), framework.attacks
        sides: dict[str, Callable[[], tuple[float, float, Any]]] = {
            "argmap": here(lambda: grounded(framework_from_dossier(dossier)).in_),
            "names": here(lambda: grounded(Framework(arguments, attacks)).in_),
            "networkx": here(lambda: others.networkx_grounded(arguments, attacks)),
        }
        worker = None
        python = self.pythons.get("formal-argumentation")
        if python is not None:
            worker = others.formal_worker(python, arguments, attacks, self.folder)
            sides["formal"] = worker
        try:
            took = interleaved(sides, max(repeat, 5))
        finally:
            if worker is not None:
                worker.close()
        ours = took["argmap"].result
        self.add(Row("grounded labelling", size, "argmap framework_from_dossier + grounded",
                     took["argmap"].cpu, took["argmap"].runs, clock="CPU",
                     target="faster than every peer",
                     met=all(t.cpu > took["argmap"].cpu for k, t in took.items()
                             if k in ("networkx", "formal")),
                     note=f"the mapping counted: {len(arguments):,} arguments, "
                          f"{len(attacks):,} attacks; {len(ours):,} in"))
        self.add(Row("grounded labelling", size, "argmap Framework + grounded, names given",
                     took["names"].cpu, took["names"].runs, base=took["argmap"].cpu, clock="CPU",
                     note="the peers' task: the mapped arguments and attacks given"))
        for key, what in (("networkx", "plain networkx implementation"),
                          ("formal", "formal-argumentation grounded_extension")):
            if key in took:
                theirs = frozenset(took[key].result)
                self.add(Row("grounded labelling", size, what, took[key].cpu, took[key].runs,
                             base=took["argmap"].cpu, clock="CPU", peer=True,
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
        """Import an AIFdb-shaped file of ``n`` nodes; at 100k also the argument layer alone
        (what arguebuf reads of it: like for like)."""
        size = label(n)
        doc = generate_aif(n)
        path = self.folder / f"aif-{size}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        target = n >= 100_000
        self._aif(f"{n:,} generated nodes", size, [path], repeat, target=target, graph=True)
        if target:
            path = self.folder / f"aif-{size}-arguments.json"
            path.write_text(json.dumps(argument_layer(doc)), encoding="utf-8")
            self._aif("argument layer only (no L, YA, TA)", size, [path], repeat)

    def aif_real(self, repeat: int) -> None:
        """The 40 QT30 maps of the shared corpora in one run, and the same maps replicated to
        100,000 nodes in one file."""
        maps = sorted(QT30.glob("*.json")) if QT30.is_dir() else []
        if not maps:
            self.log.append(f"QT30 AIF maps skipped: none in {QT30}")
            return
        self._aif(f"QT30: {len(maps)} real maps", "QT30", maps, repeat, target=True)
        path = self.folder / "qt30-100k.json"
        nodes = replicate(maps, 100_000, path)
        self._aif(f"QT30 replicated: {nodes:,} nodes", "QT30x", [path], repeat, target=True)

    def _race(self, paths: list[Path], graph: bool, repeat: int) -> dict[str, Timing]:
        """argmap's and each arguebuf's import (and graph) of the files, run by run in turn."""
        files = [str(p) for p in paths]
        sides = {"argmap": Worker(sys.executable, _ARGMAP_AIF % (str(ROOT), files, graph))}
        for name in ("arguebuf", "arguebuf 3"):
            python = self.pythons.get(name)
            if python is not None:
                sides[name] = Worker(python, _ARGUEBUF_AIF % (files, graph))
        try:
            return interleaved(dict(sides), repeat)
        finally:
            for worker in sides.values():
                worker.close()

    def _aif(self, what: str, size: str, paths: list[Path], repeat: int, target: bool = False,
             graph: bool = False) -> None:
        """argmap's import against each arguebuf, run by run in turn, each in an interpreter
        of its own (CPU time compared: steadier on a shared machine)."""
        repeat = max(repeat, 5)
        took = self._race(paths, False, repeat)
        graphs = self._race(paths, True, repeat) if graph else {}
        ours = took["argmap"]
        self.add(Row("AIF import", size, f"argmap formats.aif.load ({what})", ours.cpu,
                     ours.runs, clock="CPU", note=f"{ours.result:,} items"))
        for name, version in (("arguebuf 3", self.versions.get("arguebuf (newest)")),
                              ("arguebuf", self.versions.get("arguebuf"))):
            if name in took:
                theirs = took[name]
                best = name == ("arguebuf 3" if "arguebuf 3" in took else "arguebuf")
                self.add(Row("AIF import", size, f"arguebuf {version} load.file",
                             theirs.cpu, theirs.runs, base=ours.cpu, clock="CPU", peer=True,
                             target="argmap >= 3.5x faster" if target and best else "",
                             met=theirs.cpu >= 3.5 * ours.cpu if target and best else None,
                             note=f"{theirs.result[0]:,} nodes, {theirs.result[1]:,} edges "
                                  "(no dialogue layer)"))
        if graphs:
            self.add(Row("AIF import + networkx graph", size, "argmap aif.load + build_graph",
                         graphs["argmap"].cpu, graphs["argmap"].runs, clock="CPU"))
            for name in ("arguebuf 3", "arguebuf"):
                if name in graphs:
                    version = self.versions.get("arguebuf (newest)" if name != "arguebuf"
                                                else "arguebuf")
                    self.add(Row("AIF import + networkx graph", size,
                                 f"arguebuf {version} load.file + dump.networkx",
                                 graphs[name].cpu, graphs[name].runs,
                                 base=graphs["argmap"].cpu, clock="CPU", peer=True))


# Each worker reads the files once; run() imports them all (a folder of maps in one run).
_ARGMAP_AIF = """
import sys
sys.path.insert(0, %r)
from argmap.formats import aif
from argmap.graph import build_graph
files = [(p, open(p, "rb").read()) for p in %r]
graph = %r
def run():
    items = 0
    for path, data in files:
        dossier = aif.load(data, path).dossier
        if graph:
            build_graph(dossier)
        items += len(dossier)
    return items
"""

_ARGUEBUF_AIF = """
import arguebuf
files = %r
graph = %r
def run():
    nodes = edges = 0
    for path in files:
        g = arguebuf.load.file(path)
        if graph:
            arguebuf.dump.networkx(g)
        nodes, edges = nodes + len(g.nodes), edges + len(g.edges)
    return [nodes, edges]
"""


def argument_layer(doc: dict[str, Any]) -> dict[str, Any]:
    """An AIF graph without its dialogue layer (L, YA, TA nodes and their edges)."""
    keep = {node["nodeID"] for node in doc["nodes"] if node["type"] not in ("L", "YA", "TA")}
    return {"nodes": [node for node in doc["nodes"] if node["nodeID"] in keep],
            "edges": [e for e in doc["edges"] if e["fromID"] in keep and e["toID"] in keep],
            "locutions": []}


def replicate(maps: list[Path], nodes_wanted: int, path: Path) -> int:
    """The maps copied over and over into one AIF file of at least ``nodes_wanted`` nodes, each
    copy's node, edge and participant ids prefixed with its number; the node count."""
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in maps]
    out: dict[str, list[Any]] = {"nodes": [], "edges": [], "locutions": [], "participants": []}
    copy = 0
    while len(out["nodes"]) < nodes_wanted:
        for doc in docs:
            copy += 1

            def new(value: Any, c: int = copy) -> str:
                return f"{c}_{value}"

            out["nodes"] += [{**node, "nodeID": new(node["nodeID"])} for node in doc["nodes"]]
            out["edges"] += [{**e, "edgeID": new(e.get("edgeID")), "fromID": new(e["fromID"]),
                              "toID": new(e["toID"])} for e in doc["edges"]]
            out["locutions"] += [{**loc, "nodeID": new(loc["nodeID"]),
                                  "personID": new(loc.get("personID"))}
                                 for loc in doc.get("locutions") or []]
            out["participants"] += [{**p, "participantID": new(p["participantID"])}
                                    for p in doc.get("participants") or []]
    path.write_text(json.dumps(out), encoding="utf-8")
    return len(out["nodes"])


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



# --- what bench/run measures -------------------------------------------------------------------


@dataclass
class Plan:
    """The sizes and repeats of one ``bench/run``."""

    sizes: list[int]
    repeat: int


def _imports(suite: Suite, plan: Plan) -> None:
    suite.imports()


def _sizes(suite: Suite, plan: Plan) -> None:
    for n in plan.sizes:
        big = n >= 100_000
        repeat = min(plan.repeat, 3) if big else plan.repeat
        slow = 1 if big else min(plan.repeat, 3)
        suite.dossier_steps(n, repeat, slow, memory=(n == plan.sizes[-1]))
        suite.aif_steps(n, plan.repeat)


def _real_aif(suite: Suite, plan: Plan) -> None:
    suite.aif_real(plan.repeat)


def _layouts(suite: Suite, plan: Plan) -> None:
    for view in ("demands", "arguments"):
        suite.layouts(view, 500, min(plan.repeat, 3))
        suite.layouts(view, 5_000, 1)


def _tracker(suite: Suite, plan: Plan) -> None:
    suite.tracker_steps(10_000 if 100_000 in plan.sizes else 1_000, min(plan.repeat, 3))


#: Every group of steps ``bench/run`` measures, in order. A benchmark module adds its steps by
#: adding one function ``(suite, plan) -> None`` here; its rows then appear in the table, with
#: their ratios, flags and targets, like every other.
GROUPS: list[Callable[[Suite, Plan], None]] = [_imports, _sizes, _real_aif, _layouts, _tracker]
