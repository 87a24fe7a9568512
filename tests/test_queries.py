"""Queries on the graph: chains of support and attack, undercuts, answers, said-then-did, actors."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from argmap.checks import check
from argmap.dossier import Dossier
from argmap.graph import build_graph
from argmap.queries import (
    Step,
    actor_profile,
    answered_on_paper,
    answers,
    attackers,
    contradicted_answers,
    demands,
    reasons,
    said_then_did,
    supporters,
    unanswered,
    undercutters,
)


def claim(cid: str, by: str = "u") -> dict:
    return {"id": cid, "text": cid.upper(), "by": by}


ARGUMENTS = {
    "actors": [{"id": "u", "name": "U", "kind": "union"}],
    "claims": [claim(c) for c in ("a", "b", "c", "d", "e", "f", "g", "x", "y")],
    "relations": [
        {"id": "r-ba", "from": "b", "to": "a", "type": "supports"},
        {"id": "r-ca", "from": "c", "to": "a", "type": "attacks"},
        {"id": "r-db", "from": "d", "to": "b", "type": "attacks"},
        {"id": "r-ec", "from": "e", "to": "c", "type": "attacks"},
        {"id": "r-fg-a", "from": ["f", "g"], "to": "a", "type": "supports"},
        {"id": "u-x", "from": "x", "to": "r-ba", "type": "undercuts"},
        {"id": "u-y", "from": "y", "to": "r-db", "type": "undercuts"},
        {"id": "r-yx", "from": "y", "to": "x", "type": "rephrases"},
    ],
}


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return build_graph(check(Dossier.model_validate(ARGUMENTS)))


def test_direct_supporters_and_attackers(graph: nx.MultiDiGraph) -> None:
    assert [r.item for r in supporters(graph, "a")] == ["b", "f", "g"]
    assert [r.item for r in attackers(graph, "a")] == ["c"]
    linked = [r for r in supporters(graph, "a") if r.item == "g"][0]
    assert linked.path == (Step("g", "r-fg-a", "supports", "a"),)


def test_chains_carry_net_polarity_and_path(graph: nx.MultiDiGraph) -> None:
    found = {(r.item, r.polarity): r for r in reasons(graph, "a")}
    # d attacks b, which supports a: d attacks a
    assert found[("d", "attacks")].path == (Step("d", "r-db", "attacks", "b"),
                                            Step("b", "r-ba", "supports", "a"))
    # e attacks c, which attacks a: e defends a
    assert found[("e", "supports")].depth == 2
    # x undercuts the support b -> a: x attacks a
    assert found[("x", "attacks")].path == (Step("x", "u-x", "undercuts", "r-ba"),
                                            Step("b", "r-ba", "supports", "a"))
    assert found[("x", "attacks")].undercut
    # y undercuts d's attack on b: y supports b, hence a; rephrases are not followed
    assert found[("y", "supports")].depth == 3
    assert [r.item for r in supporters(graph, "a", direct=False)] == ["b", "f", "g", "e", "y"]
    assert [r.item for r in attackers(graph, "a", direct=False)] == ["c", "d", "x"]
    assert all(r.depth <= 2 for r in reasons(graph, "a", max_depth=2))


def test_undercutters(graph: nx.MultiDiGraph) -> None:
    direct = undercutters(graph, "a")
    assert [(r.item, r.polarity) for r in direct] == [("x", "attacks")]
    assert direct[0].path[0] == Step("x", "u-x", "undercuts", "r-ba")
    indirect = undercutters(graph, "a", direct=False)
    assert [(r.item, r.polarity, r.depth) for r in indirect] == [("x", "attacks", 2),
                                                                 ("y", "supports", 3)]
    assert [(r.item, r.polarity) for r in undercutters(graph, "b")] == [("y", "supports")]
    assert undercutters(graph, "c") == []
    assert undercutters(graph, "c", direct=False) == []


def test_cycles_terminate() -> None:
    d = Dossier.model_validate({
        "claims": [claim("p"), claim("q")], "actors": ARGUMENTS["actors"],
        "relations": [{"id": "pq", "from": "p", "to": "q", "type": "attacks"},
                      {"id": "qp", "from": "q", "to": "p", "type": "attacks"}]})
    found = reasons(build_graph(d), "p")
    assert [(r.item, r.polarity) for r in found] == [("q", "attacks")]
    with pytest.raises(KeyError):
        reasons(build_graph(d), "missing")


TRACK = {
    "actors": [{"id": "union", "name": "Union", "kind": "union"},
               {"id": "mic", "name": "Ministry", "kind": "ministry"},
               {"id": "fed", "name": "Federation", "kind": "federation", "parent": "mic"}],
    "events": [{"id": "talks", "date": "2019-07-23", "kind": "meeting", "title": "Talks",
                "participants": ["union", "mic"]}],
    "claims": [{"id": "c-free", "text": "Free choice", "by": "union", "date": "2019-07-01"}],
    "demands": [
        {"id": "d1", "text": "One", "by": "union", "to": "mic", "date": "2019-07-01"},
        {"id": "d2", "text": "Two", "by": "union", "to": "mic", "at": "talks"},
        {"id": "d3", "text": "Three", "by": "union", "to": ["mic", "fed"], "date": "2019-08-01"},
        {"id": "d4", "text": "Four", "by": "union", "to": "fed", "date": "2019-09-01"},
    ],
    "responses": [
        {"id": "r1-late", "by": "mic", "to": "d1", "said": "accepted", "date": "2019-08-10"},
        {"id": "r1-early", "by": "mic", "to": "d1", "said": "acknowledged", "date": "2019-07-05"},
        {"id": "r2", "by": "mic", "to": "d2", "said": "deflected", "at": "talks"},
        {"id": "r2b", "by": "fed", "to": "d2", "said": "under_consideration",
         "date": "2019-08-01"},
    ],
    "actions": [
        {"id": "a-keep", "by": "mic", "date": "2019-08-20", "kind": "notice", "text": "Kept",
         "effects": [{"on": "r1-late", "type": "fulfils"}]},
        {"id": "a-turn", "by": "mic", "date": "2019-09-13", "kind": "amendment", "text": "Turn",
         "effects": [{"on": "d2", "type": "contradicts"}]},
        {"id": "a-early", "by": "mic", "date": "2019-07-02", "kind": "notice", "text": "Before",
         "effects": [{"on": "d1", "type": "commits"}]},
        {"id": "a-claim", "by": "fed", "date": "2019-09-20", "kind": "decision", "text": "Rev",
         "effects": [{"on": "c-free", "type": "reverses"}]},
    ],
}


@pytest.fixture(scope="module")
def tracked() -> nx.MultiDiGraph:
    return build_graph(check(Dossier.model_validate(TRACK)))


def test_answers_in_date_order(tracked: nx.MultiDiGraph) -> None:
    assert answers(tracked, "d1") == ("r1-early", "r1-late")
    assert answers(tracked, "d1", as_of=dt.date(2019, 8, 1)) == ("r1-early",)
    assert answers(tracked, "d2") == ("r2", "r2b")  # r2 dated by its event
    assert answers(tracked, "d3") == ()


def test_demands_and_unanswered(tracked: nx.MultiDiGraph) -> None:
    assert demands(tracked) == ("d1", "d2", "d3", "d4")
    assert demands(tracked, dt.date(2019, 7, 22)) == ("d1",)
    assert unanswered(tracked) == ("d3", "d4")
    assert unanswered(tracked, dt.date(2019, 7, 3)) == ("d1",)


def test_answered_on_paper(tracked: nx.MultiDiGraph) -> None:
    assert answered_on_paper(tracked) == ("d2",)
    # before the acceptance, d1 had only been acknowledged
    assert answered_on_paper(tracked, dt.date(2019, 8, 1)) == ("d1", "d2")


def test_said_then_did(tracked: nx.MultiDiGraph) -> None:
    found = [(x.response, [s.value for s in x.said], x.action, x.effect, x.via, x.demands)
             for x in said_then_did(tracked)]
    # a-early came before any answer: no change of course; a-claim names no answer
    assert found == [("r1-late", ["accepted"], "a-keep", "fulfils", "response", ("d1",)),
                     ("r2b", ["under_consideration"], "a-turn", "contradicts", "demand", ("d2",))]
    first = said_then_did(tracked)[0]
    assert (first.said_date, first.did_date) == (dt.date(2019, 8, 10), dt.date(2019, 8, 20))
    assert [x.action for x in contradicted_answers(tracked)] == ["a-turn"]
    assert said_then_did(tracked, effects=["reverses"]) == []


def test_actor_profile(tracked: nx.MultiDiGraph) -> None:
    mic = actor_profile(tracked, "mic")
    assert mic.asked == ("d1", "d2", "d3")
    assert mic.answered == ("r1-early", "r2", "r1-late")
    assert mic.did == ("a-early", "a-keep", "a-turn")
    assert mic.attended == ("talks",)
    assert mic.divisions == ("fed",)
    assert mic.demanded == ()
    union = actor_profile(tracked, "union")
    assert union.demanded == ("d1", "d2", "d3", "d4")
    assert union.claimed == ("c-free",)
    assert actor_profile(tracked, "fed").asked == ("d3", "d4")
    with pytest.raises(KeyError):
        actor_profile(tracked, "nobody")
