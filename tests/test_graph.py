"""The dossier as a graph: nodes, reference edges, relation edges, undercuts, neighbourhoods."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import dossiers

from argmap.checks import check
from argmap.dossier import Dossier
from argmap.graph import (
    EFFECT_TYPES,
    REFERENCE_TYPES,
    RELATION_TYPES,
    build_graph,
    neighbourhood,
    relations_from_graph,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.generate import generate_dossier  # noqa: E402

CASE = {
    "dossier": {"title": "Case", "languages": ["ja", "en"]},
    "actors": [
        {"id": "union", "name": {"ja": "組合", "en": "Union"}, "kind": "union"},
        {"id": "branch", "name": "Branch", "kind": "union", "parent": "union"},
        {"id": "mic", "name": "Ministry", "kind": "ministry"},
    ],
    "sources": [{"id": "bulletin", "title": "Bulletin", "date": "2019-07-30"}],
    "events": [{"id": "meeting", "date": "2019-07-23", "kind": "meeting", "title": "Talks",
                "participants": ["union", "mic"]}],
    "claims": [
        {"id": "c-voluntary", "text": {"en": "It is voluntary", "ja": "任意"}, "by": "union",
         "at": "meeting", "verdict": {"rating": "true", "by": "mic", "source": "bulletin"}},
        {"id": "c-law", "text": "The law says so", "by": "union", "date": "2019-07-01"},
        {"id": "c-practice", "text": "In practice it is pushed", "by": "branch"},
        {"id": "c-exception", "text": "The law has an exception", "by": "mic"},
    ],
    "demands": [{"id": "d-stop", "text": "Stop the push", "by": "union", "to": ["mic"],
                 "date": "2019-07-23", "deadline": "2019-08-31",
                 "cites": [{"source": "bulletin", "locator": "p. 2", "quote": "stop"}]}],
    "responses": [{"id": "r-stop", "by": "mic", "to": "d-stop", "said": "accepted",
                   "at": "meeting", "quote": "We will not force it"}],
    "evidence": [{"id": "e-survey", "text": "Survey", "kind": "survey", "source": "bulletin",
                  "locator": "p. 3", "value": {"number": 30, "unit": "%", "as_of": "2019-06-01"}}],
    "actions": [{"id": "a-amend", "by": "mic", "date": "2019-09-13", "kind": "amendment",
                 "text": "Amendment", "effects": [{"on": "r-stop", "type": "contradicts"},
                                                  {"on": "d-stop", "type": "fails",
                                                   "note": "not kept"}]}],
    "relations": [
        {"id": "r1", "from": ["c-law", "c-practice"], "to": "c-voluntary", "type": "supports",
         "scheme": "linked", "cites": [{"source": "bulletin"}]},
        {"id": "r2", "from": "e-survey", "to": "c-voluntary", "type": "attacks"},
        {"id": "r3", "from": "c-exception", "to": "r1", "type": "undercuts"},
        {"id": "r4", "from": "c-voluntary", "to": "d-stop", "type": "rephrases"},
    ],
}


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return check(Dossier.model_validate(CASE))


@pytest.fixture(scope="module")
def graph(dossier: Dossier) -> nx.MultiDiGraph:
    return build_graph(dossier)


def test_one_node_per_item_with_kind_and_item(dossier: Dossier, graph: nx.MultiDiGraph) -> None:
    for _, _, item in dossier.items():
        if item.KIND == "relation":
            continue
        assert graph.nodes[item.id]["kind"] == item.KIND
        assert graph.nodes[item.id]["item"] is item
    # only the undercut relation target is a node, of kind "relation"
    relation_nodes = [n for n, k in graph.nodes(data="kind") if k == "relation"]
    assert relation_nodes == ["r1"]
    assert graph.nodes["r1"]["premises"] == ("c-law", "c-practice")
    assert graph.number_of_nodes() == len(dossier) - len(dossier.relations) + 1


def test_node_attributes(graph: nx.MultiDiGraph) -> None:
    assert graph.nodes["c-voluntary"]["date"] == dt.date(2019, 7, 23)  # from its event
    assert graph.nodes["c-voluntary"]["text"] == {"en": "It is voluntary", "ja": "任意"}
    assert graph.nodes["r-stop"]["said"].value == "accepted"
    assert graph.nodes["r-stop"]["text"] == "We will not force it"  # quote when no text
    assert graph.nodes["d-stop"]["deadline"] == dt.date(2019, 8, 31)
    assert graph.nodes["e-survey"]["as_of"] == dt.date(2019, 6, 1)
    assert graph.nodes["e-survey"]["value"].number == 30
    assert graph.nodes["union"]["text"] == {"ja": "組合", "en": "Union"}
    assert graph.nodes["meeting"]["text"] == "Talks"
    assert graph.nodes["c-practice"]["date"] is None
    orders = [graph.nodes[n]["order"] for n in ("union", "bulletin", "meeting", "c-voluntary")]
    assert orders == sorted(orders)


def test_reference_edges_have_types_and_keys(graph: nx.MultiDiGraph) -> None:
    edges = {(u, v, k): d["type"] for u, v, k, d in graph.edges(keys=True, data=True)}
    assert edges[("branch", "union", "branch:parent:0")] == "parent"
    assert edges[("meeting", "mic", "meeting:participants:1")] == "participant"
    assert edges[("c-voluntary", "meeting", "c-voluntary:at:0")] == "at"
    assert edges[("c-voluntary", "mic", "c-voluntary:verdict.by:0")] == "verdict_by"
    assert edges[("c-voluntary", "bulletin", "c-voluntary:verdict.source:0")] == "verdict_source"
    assert edges[("d-stop", "mic", "d-stop:to:0")] == "to"
    assert edges[("d-stop", "bulletin", "d-stop:cites:0")] == "cites"
    assert edges[("r-stop", "d-stop", "r-stop:to:0")] == "answers"
    assert edges[("e-survey", "bulletin", "e-survey:source:0")] == "source"
    assert edges[("a-amend", "r-stop", "a-amend:effects:0")] == "contradicts"
    assert edges[("a-amend", "d-stop", "a-amend:effects:1")] == "fails"
    cite = graph.edges["d-stop", "bulletin", "d-stop:cites:0"]
    assert (cite["locator"], cite["quote"]) == ("p. 2", "stop")
    assert graph.edges["a-amend", "d-stop", "a-amend:effects:1"]["note"] == "not kept"
    known = REFERENCE_TYPES | RELATION_TYPES | EFFECT_TYPES
    assert {t for t in edges.values()} <= known


def test_relation_edges_and_undercut(graph: nx.MultiDiGraph) -> None:
    r1 = [(u, v, d["index"]) for u, v, k, d in graph.edges(keys=True, data=True) if k == "r1"]
    assert sorted(r1) == [("c-law", "c-voluntary", 0), ("c-practice", "c-voluntary", 1)]
    undercut = graph.edges["c-exception", "r1", "r3"]
    assert undercut["type"] == "undercuts"
    assert undercut["relation"].to == "r1"
    assert graph.edges["c-voluntary", "d-stop", "r4"]["type"] == "rephrases"


def test_relations_rebuilt_from_graph(dossier: Dossier, graph: nx.MultiDiGraph) -> None:
    assert relations_from_graph(graph) == dossier.relations


def _rebuild_references(graph: nx.MultiDiGraph, item_id: str) -> dict[str, list[str]]:
    """Reference fields of one item, read back from its outgoing edges only."""
    fields: dict[str, dict[int, str]] = {}
    for _, target, attrs in graph.out_edges(item_id, data=True):
        if "relation" in attrs:
            continue
        fields.setdefault(attrs["field"], {})[attrs["index"]] = target
    return {f: [v[i] for i in sorted(v)] for f, v in fields.items()}


def _references_of(item) -> dict[str, list[str]]:
    """The same fields, read from the pydantic item."""
    out: dict[str, list[str]] = {}
    for name in ("by", "to", "participants"):
        if getattr(item, name, None):
            out[name] = list(getattr(item, name))
    for name in ("at", "source", "parent"):
        if getattr(item, name, None) is not None:
            out[name] = [getattr(item, name)]
    if item.cites:
        out["cites"] = [c.source for c in item.cites]
    if getattr(item, "effects", None):
        out["effects"] = [e.on for e in item.effects]
    verdict = getattr(item, "verdict", None)
    for name in ("by", "source"):
        if verdict is not None and getattr(verdict, name) is not None:
            out[f"verdict.{name}"] = [getattr(verdict, name)]
    return out


@pytest.mark.parametrize("make", [lambda: Dossier.model_validate(CASE),
                                  lambda: generate_dossier(600, seed=3)])
def test_nothing_lost_between_dossier_and_graph(make) -> None:
    dossier = check(make())
    graph = build_graph(dossier)
    assert relations_from_graph(graph) == dossier.relations
    for _, _, item in dossier.items():
        if item.KIND != "relation":
            assert _rebuild_references(graph, item.id) == _references_of(item), item.id


def test_adjacency_is_consistent(graph: nx.MultiDiGraph) -> None:
    # the bulk edge writer must leave succ and pred as networkx's own add_edge would
    rebuilt = nx.MultiDiGraph(**graph.graph)
    rebuilt.add_nodes_from(graph.nodes(data=True))
    rebuilt.add_edges_from(graph.edges(keys=True, data=True))
    assert nx.utils.graphs_equal(graph, rebuilt)
    assert sorted(graph.in_edges(keys=True)) == sorted(rebuilt.in_edges(keys=True))
    assert graph.number_of_edges() == sum(d for _, d in graph.in_degree())


def test_dangling_reference_adds_bare_node() -> None:
    # an unchecked dossier still builds; the missing id becomes a node without kind
    dossier = Dossier.model_validate({"claims": [{"id": "c", "text": "x", "by": "ghost"}]})
    graph = build_graph(dossier)
    assert graph.nodes["ghost"] == {}
    assert list(graph.in_edges("ghost", keys=True)) == [("c", "ghost", "c:by:0")]


def test_neighbourhood(graph: nx.MultiDiGraph) -> None:
    assert set(neighbourhood(graph, "c-law", 0)) == {"c-law"}
    assert set(neighbourhood(graph, "c-law", 1)) == {"c-law", "union", "c-voluntary", "r1"}
    two = neighbourhood(graph, "c-law", 2)
    assert {"c-exception", "c-practice", "meeting", "e-survey", "d-stop"} <= set(two)
    assert two.edges["c-exception", "r1", "r3"]["type"] == "undercuts"
    # a copy: changing it leaves the graph alone
    two.nodes["c-law"]["mark"] = True
    assert "mark" not in graph.nodes["c-law"]
    # the undercut reaches the argument it undercuts
    assert {"c-law", "c-practice", "c-voluntary"} <= set(neighbourhood(graph, "c-exception", 2))
    with pytest.raises(KeyError):
        neighbourhood(graph, "nope", 1)


def test_build_is_deterministic() -> None:
    dossier = generate_dossier(500, seed=5)
    first, second = build_graph(dossier), build_graph(dossier)
    assert list(first.nodes) == list(second.nodes)
    assert list(first.edges(keys=True)) == list(second.edges(keys=True))


def test_generator_is_valid_deterministic_and_proportioned() -> None:
    dossier = generate_dossier(2000, seed=7)
    check(dossier)
    assert len(dossier) == 2000
    counts = dossier.counts()
    assert counts["actors"] == 20 and counts["demands"] == 300 and counts["relations"] == 300
    assert generate_dossier(2000, seed=7) == dossier
    assert generate_dossier(2000, seed=8) != dossier
    # survives a round trip through plain data, i.e. every item is a valid model
    dumped = dossier.model_dump(by_alias=True, exclude_none=True, mode="json")
    assert Dossier.model_validate(dumped) == dossier
    types = {r.type.value for r in dossier.relations}
    assert types == {"supports", "attacks", "undercuts", "rephrases"}
    assert all(set(c.text) == {"ja", "en"} for c in dossier.claims)
    assert generate_dossier(300, languages=("en",)).claims[0].text.keys() == {"en"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers())
def test_round_trip_on_any_valid_dossier(dossier: Dossier) -> None:
    graph = build_graph(dossier)
    assert relations_from_graph(graph) == dossier.relations
    for _, _, item in dossier.items():
        if item.KIND != "relation":
            assert graph.nodes[item.id]["item"] is item
            assert _rebuild_references(graph, item.id) == _references_of(item)
