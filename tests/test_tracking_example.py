"""The example case (claims/mynumber-card.yaml) comes out as the article tells it."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from argmap.dossier import Dossier
from argmap.graph import build_graph
from argmap.model import Done, Said
from argmap.queries import attackers, contradicted_answers, undercutters
from argmap.reports.rows import status_rows
from argmap.tracking import changes_between, demand_status, known_as_of, timeline

JULY_23 = ("d-2019-07-23-no-compulsion", "d-2019-07-23-no-disadvantage-bodies",
           "d-2019-07-23-no-disadvantage-staff", "d-2019-07-23-no-survey")
LOCAL_AMENDMENT = "a-2019-09-27-local-rules-amendment"
NATIONAL_AMENDMENT = "a-2019-09-06-national-rules-amendment"


@pytest.fixture(scope="module")
def graph(example: Dossier) -> nx.MultiDiGraph:
    return build_graph(example)


@pytest.fixture(scope="module")
def status(example: Dossier, graph: nx.MultiDiGraph) -> dict:
    return demand_status(example, graph=graph, today=dt.date(2020, 4, 24))


def test_printing_demand_accepted_and_delivered(status: dict) -> None:
    s = status["d-2017-12-13-no-printing"]
    assert (s.said, s.done) == (Said.accepted, Done.delivered)
    assert s.said_change.date == dt.date(2017, 12, 15)
    assert s.done_change.item == "a-2017-12-15-no-printing-notice"
    assert s.done_change.date == dt.date(2017, 12, 15)
    assert s.done_change.source == "jichiroren-2020" and s.done_change.locator


def test_federation_answer_deflects_one_demand_and_refuses_the_other(status: dict) -> None:
    said = {demand: status[demand].said
            for demand in ("d-2019-07-18-kanshou", "d-2019-07-18-data-diversion")}
    assert said == {"d-2019-07-18-kanshou": Said.deflected,
                    "d-2019-07-18-data-diversion": Said.refused}
    for demand in said:
        assert status[demand].answers == ("resp-2019-07-18-federation",)
        assert status[demand].said_change.date == dt.date(2019, 7, 18)
    assert status["d-2019-07-18-kanshou"].on_paper
    assert not status["d-2019-07-18-data-diversion"].on_paper


def test_july_23_voluntary_and_no_disadvantage_accepted(status: dict) -> None:
    for demand in JULY_23[:3]:
        assert status[demand].said is Said.accepted, demand
        assert status[demand].said_change.date == dt.date(2019, 7, 23)
        assert not status[demand].on_paper


def test_follow_up_survey_deflected_then_refused(example: Dossier, status: dict,
                                                 graph: nx.MultiDiGraph) -> None:
    """23 July: answering is for those who consent (deflected); 15 October: the follow-up rests
    on government documents (refused). The latest answer wins; the first stays in the history."""
    s = status["d-2019-07-23-no-survey"]
    assert s.answers == ("resp-2019-07-23-survey-consent", "resp-2019-10-15-no-competition")
    assert [(c.value, c.date) for c in s.history if c.axis == "said"] == [
        (Said.deflected, dt.date(2019, 7, 23)), (Said.refused, dt.date(2019, 10, 15))]
    assert s.said is Said.refused and not s.on_paper
    summer = demand_status(example, "2019-09-01", graph=graph)["d-2019-07-23-no-survey"]
    assert (summer.said, summer.on_paper) == (Said.deflected, True)
    assert status["d-2019-10-15-no-competition"].said is Said.accepted


def test_september_amendments_change_the_rules_not_the_answers(status: dict,
                                                             graph: nx.MultiDiGraph) -> None:
    s = status["d-2019-07-18-data-diversion"]
    # what was said and what was done stay apart; the amendments changed the rules after the
    # fact, which neither keeps nor breaks a request for confirmation
    assert s.said is Said.refused
    assert s.done is Done.unrated and not s.actions
    assert contradicted_answers(graph) == []
    # in the argument map: the amendments attack the union's claim, which the union undercuts
    claim = "c-data-to-printer-out-of-purpose"
    assert {NATIONAL_AMENDMENT, LOCAL_AMENDMENT} <= {r.item for r in attackers(graph, claim)}
    assert {r.item for r in undercutters(graph, claim)} == {"c-rules-rewritten-after-the-fact"}
    # and the union answers the Federation's "within the purpose" the same way (¶54-55)
    assert "c-rules-rewritten-after-the-fact" in {
        r.item for r in attackers(graph, "resp-2019-07-18-federation")}


def test_undated_actions_count_on_every_date_and_stay_off_the_timeline(
        example: Dossier, graph: nx.MultiDiGraph) -> None:
    undated = ("a-sanjo-attendance-system", "a-miyazaki-campaign", "a-jlis-card-order")
    assert all(graph.nodes[a]["date"] is None for a in undated)
    assert set(undated) <= known_as_of(example, "2016-01-01")  # known on any date
    on_timeline = {e.id for day in timeline(example, graph=graph) for e in day.entries}
    assert not set(undated) & on_timeline
    assert "e-mynumber-system-operation" not in on_timeline


def test_as_of_before_and_after_july_23(example: Dossier, graph: nx.MultiDiGraph) -> None:
    before = demand_status(example, "2019-07-20", graph=graph)
    assert not set(JULY_23) & set(before)
    assert before["d-2019-07-18-kanshou"].said is not Said.no_response
    after = demand_status(example, "2019-08-01", graph=graph)
    for demand in JULY_23:
        assert after[demand].said is not Said.no_response, demand
        assert after[demand].answers
    assert after["d-2019-07-23-accurate-information"].said is Said.no_response
    changes = changes_between(example, "2019-07-20", "2019-08-01", graph=graph)
    assert {c.demand for c in changes if c.axis == "made"} == {
        *JULY_23, "d-2019-07-23-accurate-information"}


def test_timeline_groups_july_23(example: Dossier, graph: nx.MultiDiGraph) -> None:
    day = next(d for d in timeline(example, graph=graph) if d.date == dt.date(2019, 7, 23))
    ids = [e.id for e in day.entries]
    assert set(JULY_23) <= set(ids)
    assert "resp-2019-07-23-no-compulsion" in ids
    kinds = [e.kind for e in day.entries]
    assert kinds.index("demand") < kinds.index("response")


def test_status_rows_for_the_ministry(example: Dossier, graph: nx.MultiDiGraph) -> None:
    rows = status_rows(example, actor="mic", lang="ja", graph=graph, today=dt.date(2020, 4, 24))
    demands = [r["demand"] for r in rows]
    assert set(JULY_23) <= set(demands) and "d-2019-07-18-kanshou" not in demands
    row = next(r for r in rows if r["demand"] == "d-2017-12-13-no-printing")
    assert (row["said"], row["done"], row["made"]) == ("accepted", "delivered", "2017-12-13")
