"""ClaimReview, GraphML and node-link export."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from argmap.checks import check
from argmap.dossier import Dossier
from argmap.formats import export
from argmap.graph import build_graph
from argmap.io.files import load
from argmap.model import Actor, Citation, Claim, Demand, Relation, Source, Verdict

EXAMPLE = Path(__file__).resolve().parents[1] / "claims" / "mynumber-card.yaml"


@pytest.fixture
def small() -> Dossier:
    return check(Dossier(
        actors=[Actor(id="min", name={"en": "Ministry", "ja": "省"}, kind="ministry"),
                Actor(id="fc", name="FactCheck Org", kind="media", url="https://fc.example"),
                Actor(id="ann", name="Ann", kind="person")],
        sources=[Source(id="s1", title="Press release", url="https://min.example/p1"),
                 Source(id="s2", title="Check", url="https://fc.example/c/1")],
        claims=[Claim(id="c1", text={"en": "Uptake is 80%", "ja": "80%"}, by=["min"],
                      date=dt.date(2023, 5, 1), cites=[Citation(source="s1", locator="p. 2")],
                      verdict=Verdict(rating="Mostly false", by="fc", date=dt.date(2023, 6, 1),
                                      source="s2", note="The count includes test cards.")),
                Claim(id="c2", text="Cards are voluntary", tags=["policy", "core"])],
        demands=[Demand(id="d1", text="Publish the figures", by=["ann"], to=["min"],
                        verdict=Verdict(rating="Promise kept"))],
        relations=[Relation(id="r1", **{"from": ["c2"]}, to="c1", type="attacks"),
                   Relation(id="r2", **{"from": ["d1"]}, to="r1", type="undercuts")],
    ))


def test_claimreview(small):
    doc = json.loads(export(small, "claimreview"))
    assert doc["@context"] == "https://schema.org"
    first, second = doc["@graph"]
    assert first == {
        "@type": "ClaimReview", "@id": "#c1", "claimReviewed": "Uptake is 80%",
        "itemReviewed": {"@type": "Claim",
                         "author": [{"@type": "Organization", "name": "Ministry"}],
                         "datePublished": "2023-05-01",
                         "appearance": [{"@type": "CreativeWork",
                                         "url": "https://min.example/p1"}]},
        "reviewRating": {"@type": "Rating", "alternateName": "Mostly false"},
        "author": {"@type": "Organization", "name": "FactCheck Org",
                   "url": "https://fc.example"},
        "datePublished": "2023-06-01", "url": "https://fc.example/c/1",
        "reviewBody": "The count includes test cards."}
    assert second["claimReviewed"] == "Publish the figures"
    assert second["itemReviewed"]["author"] == [{"@type": "Person", "name": "Ann"}]
    assert json.loads(export(small, "claimreview", lang="ja"))["@graph"][0]["claimReviewed"] \
        == "80%"


def test_graphml_flattens_every_attribute(small):
    text = export(small, "graphml")
    assert text == export(small, "graphml")
    graph = nx.read_graphml(io.StringIO(text), force_multigraph=True)
    c1 = graph.nodes["c1"]
    assert (c1["kind"], c1["text.en"], c1["text.ja"]) == ("claim", "Uptake is 80%", "80%")
    assert c1["date"] == "2023-05-01" and c1["verdict.rating"] == "Mostly false"
    assert json.loads(c1["by"]) == ["min"]
    assert json.loads(c1["cites"]) == [{"locator": "p. 2", "source": "s1"}]
    assert json.loads(graph.nodes["c2"]["tags"]) == ["policy", "core"]
    assert graph.nodes["min"]["subkind"] == "ministry"
    assert graph.nodes["r1"]["kind"] == "relation"  # undercut target as a node, per graph.py
    edges = {k: (u, v, a["type"]) for u, v, k, a in graph.edges(keys=True, data=True)}
    assert edges["r1"] == ("c2", "c1", "attacks")
    assert edges["r2"] == ("d1", "r1", "undercuts")
    assert set(graph.nodes) == set(build_graph(small).nodes)


def test_node_link_keeps_nested_values(small):
    data = json.loads(export(small, "node-link"))
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.is_multigraph() and graph.is_directed()
    assert graph.nodes["c1"]["text"] == {"en": "Uptake is 80%", "ja": "80%"}
    assert graph.nodes["c1"]["verdict"]["by"] == "fc"
    assert graph.nodes["d1"]["to"] == ["min"]
    assert graph.number_of_edges() == build_graph(small).number_of_edges()


def test_example_case_exports():
    if not EXAMPLE.exists():
        pytest.skip("example case not present")
    d = load(EXAMPLE)
    graph = nx.read_graphml(io.StringIO(export(d, "graphml")), force_multigraph=True)
    assert graph.graph["info.title.en"].startswith("Jichiroren")
    assert graph.number_of_nodes() == build_graph(d).number_of_nodes()
    assert graph.number_of_edges() == build_graph(d).number_of_edges()
    nodelink = json.loads(export(d, "node-link"))
    assert len(nodelink["nodes"]) == graph.number_of_nodes()


def _declared_networkx_bound() -> str:
    import tomllib

    text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    deps = tomllib.loads(text)["project"]["dependencies"]
    (spec,) = [d for d in deps if d.startswith("networkx")]
    return spec.split(">=", 1)[1].split(",")[0].strip()


_AT_BOUND = """
import json, sys
import networkx as nx
from argmap.formats import export
from argmap.io.files import load
assert nx.__version__ == sys.argv[2], nx.__version__
d = load(sys.argv[1])
data = json.loads(export(d, "node-link"))
graph = nx.node_link_graph(data, edges="edges")
export(d, "graphml")
print(graph.number_of_nodes(), graph.number_of_edges())
"""


def test_node_link_and_graphml_work_with_the_lowest_networkx_declared(tmp_path):
    """pyproject.toml's lower bound for networkx is one the exports work with.

    That networkx alone (a small pure-Python wheel, from pip's cache after the first time) is
    put in front of the installed one, and the example case is exported with it.
    """
    if not EXAMPLE.exists():
        pytest.skip("example case not present")
    version = _declared_networkx_bound()
    target = tmp_path / "nx"
    got = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                          "--disable-pip-version-check", "--target", str(target),
                          f"networkx=={version}"], capture_output=True, text=True, timeout=300,
                         check=False)
    if got.returncode != 0:
        pytest.skip(f"cannot fetch networkx {version}: {got.stderr.strip()[-300:]}")
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run([sys.executable, "-c", _AT_BOUND, str(EXAMPLE), version],
                         capture_output=True, text=True, timeout=300, check=False, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    d_nodes, d_edges = (int(n) for n in run.stdout.split())
    graph = build_graph(load(EXAMPLE))
    assert (d_nodes, d_edges) == (graph.number_of_nodes(), graph.number_of_edges())
