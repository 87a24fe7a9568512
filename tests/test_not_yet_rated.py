"""said: not_yet_rated — an answer on file that nobody has judged. Every output shows it as such:
answered, but never on paper only, never a commitment, never a refusal."""

from __future__ import annotations

import pytest

from argmap.brief import brief
from argmap.dossier import Dossier
from argmap.graph import build_graph
from argmap.maps import RenderOptions, draw
from argmap.words import word
from argmap.model import Said
from argmap.page.build import PageBuilder
from argmap.queries import answered_on_paper
from argmap.reports.rows import rows_to_table, status_rows
from argmap.tracking import demand_status

CASE = {
    "dossier": {"title": "Petitions", "languages": ["en"]},
    "actors": [{"id": "people", "name": "Petitioners", "kind": "other"},
               {"id": "dept", "name": "Department", "kind": "ministry"}],
    "demands": [
        {"id": "d-rated", "text": "Ban it", "by": "people", "to": "dept", "date": "2020-01-01"},
        {"id": "d-deflected", "text": "Fund it", "by": "people", "to": "dept",
         "date": "2020-01-01"},
    ],
    "responses": [
        {"id": "r-1", "by": "dept", "to": "d-rated", "said": "not_yet_rated",
         "date": "2020-02-01", "quote": "We keep this under review."},
        {"id": "r-2", "by": "dept", "to": "d-deflected", "said": "deflected",
         "date": "2020-02-01", "quote": "Others decide this."},
    ],
}


@pytest.fixture
def dossier() -> Dossier:
    return Dossier.model_validate(CASE)


def test_it_is_a_written_value_and_counts_as_answered(dossier):
    assert Said("not_yet_rated") is Said.not_yet_rated
    status = demand_status(dossier)["d-rated"]
    assert status.said is Said.not_yet_rated and status.answers == ("r-1",)
    assert not status.on_paper and not status.overdue
    assert answered_on_paper(build_graph(dossier)) == ("d-deflected",)


def test_status_rows_and_table(dossier):
    rows = {r["demand"]: r for r in status_rows(dossier)}
    assert rows["d-rated"]["said"] == "not_yet_rated" and rows["d-rated"]["on_paper"] is False
    table = rows_to_table(list(rows.values()), columns=("text", "said"))
    cells = [c for c in table.columns[1].cells]
    assert str(cells[0]) == "not_yet_rated" and cells[0].style == "italic"


@pytest.mark.graphviz
def test_maps_say_not_yet_rated_with_its_own_border(dossier):
    source = draw(dossier, "demands", RenderOptions(lang="en")).source
    assert f"? {word('said.not_yet_rated', 'en')}" in source
    assert "dotted border = an answer on file, not yet rated" in source  # the legend
    ja = draw(dossier, "demands", RenderOptions(lang="ja")).source
    assert "回答あり・未評価" in ja


def test_the_page_knows_its_look_and_word(dossier):
    data = PageBuilder(dossier).data("demands", "en", ("ja", "en"))
    assert data["looks"]["said"]["not_yet_rated"]["glyph"] == "?"
    assert data["words"]["said.not_yet_rated"]["en"] == "Answer on file, not yet rated"
    assert "not_yet_rated" in data["statuses"]["said"]


def test_brief_lists_it_to_be_rated_never_as_a_commitment(dossier):
    text = brief(dossier, "people", lang="en")
    assert "on file, not yet rated (read it before counting it either way)" in text
    assert "Answered, not yet rated: read the answer and rate it" in text
    rated = text.split("Answered, not yet rated")[1]
    assert "Ban it" in rated.split("##")[0]
    assert "commitment on record" not in text
