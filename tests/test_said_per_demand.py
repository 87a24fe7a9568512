"""A said per demand, a figure's as-of precision, and items the source does not date.

One answer may treat the demands it answers differently (``said: {d-a: deflected, d-b:
refused}``); a figure may hold "as of" a month (``as_of_precision: month``); an action or an event
may have no date at all. Each is checked, read through one helper (``said_for``), and shown the
same way by tracking, the status and timeline rows, the maps, the page, the brief and the exports.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from argmap.brief import brief, build_brief
from argmap.cli import cli
from argmap.errors import DossierError
from argmap.formats import argdown
from argmap.graph import build_graph
from argmap.io.files import dumps, load, loads
from argmap.maps import RenderOptions, draw
from argmap.model import Said, said_by_demand, said_for, single_said
from argmap.page.data import item_records, page_dates
from argmap.queries import answered_on_paper, said_then_did
from argmap.reports.rows import status_rows, timeline_rows
from argmap.reports.summary import summary_text
from argmap.schema import schema_text
from argmap.tracking import demand_status, known_as_of, timeline

CASE = """\
dossier:
  title: {ja: 事例, en: A case}
  languages: [ja, en]
actors:
  - {id: union, name: {ja: 組合, en: Union}, kind: union}
  - {id: fed, name: {ja: 連合会, en: Federation}, kind: federation}
events:
  - {id: e-start, kind: other, title: {ja: 運用開始, en: Operation starts}}
  - {id: e-talks, date: 2019-07-18, kind: request, title: {ja: 要請, en: Talks}}
claims:
  - {id: c-main, text: {ja: 反対, en: We oppose it}, by: union, main: true}
demands:
  - id: d-stance
    text: {ja: 姿勢を示すこと, en: State your stance}
    by: union
    to: fed
    at: e-talks
  - id: d-data
    text: {ja: 流用をやめること, en: Stop diverting the data}
    by: union
    to: fed
    at: e-talks
responses:
  - id: r-fed
    by: fed
    to: [d-stance, d-data]
    at: e-talks
    said:
      d-data: refused
      d-stance: deflected
    quote: {ja: 目的の範囲内, en: Within the purpose}
  - id: r-plain
    by: fed
    to: [d-stance, d-data]
    date: 2019-08-01
    said: acknowledged
    quote: {ja: 承った, en: Noted}
evidence:
  - id: v-staff
    kind: statistic
    text: {ja: 950人, en: 950 staff}
    value: {number: 950, unit: staff, as_of: 2019-11-01, as_of_precision: month}
actions:
  - id: a-undated
    by: fed
    kind: system
    text: {ja: 導入, en: Introduced a system}
    note: {ja: 日付の記載なし, en: The source gives no date}
    effects:
      - {"on": d-data, type: fails}
  - id: a-dated
    by: fed
    date: 2019-09-27
    kind: amendment
    text: {ja: 改正, en: Amended the rules}
relations:
  - {id: rel-staff, from: v-staff, to: c-main, type: supports}
"""


@pytest.fixture
def case(write):
    return load(write("case.yaml", CASE))


# --- the model --------------------------------------------------------------------------------


def test_said_per_demand_is_read_in_the_order_of_to(case) -> None:
    fed = case.get("r-fed")
    assert list(said_by_demand(fed).items()) == [("d-stance", Said.deflected),
                                                 ("d-data", Said.refused)]
    assert said_for(fed, "d-data") is Said.refused and single_said(fed) is None
    # a plain value still means the same for every demand
    plain = case.get("r-plain")
    assert said_by_demand(plain) == {"d-stance": Said.acknowledged, "d-data": Said.acknowledged}
    assert single_said(plain) is Said.acknowledged
    with pytest.raises(KeyError):
        said_for(fed, "d-other")


@pytest.mark.parametrize("said, field, message", [
    ("{d-stance: deflected, d-dat: refused}", "responses[0].said.d-dat",
     ("said names 'd-dat', which this answer does not answer (its to: d-stance, d-data) "
      "(did you mean 'd-data'?)")),
    ("{d-stance: deflected}", "responses[0].said",
     "said gives no value for 'd-data': a said per demand names every demand in to"),
    ("{d-stance: deflected, d-data: no_response}", "responses[0].said",
     "no_response is derived, never written"),
    ("{d-stance: deflected, d-data: maybe}", "responses[0].said",
     ("'maybe' is not one of: not_yet_rated, acknowledged, deflected, under_consideration, "
      "partially_accepted, accepted, refused")),
])
def test_a_bad_said_per_demand_is_one_located_error(write, said, field, message) -> None:
    text = CASE.replace("    said:\n      d-data: refused\n      d-stance: deflected\n",
                        f"    said: {said}\n")
    path = write("bad.yaml", text)
    with pytest.raises(DossierError) as caught:
        load(path)
    problems = [str(p) for p in caught.value.problems]
    line = text.splitlines().index(f"    said: {said}") + 1
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{path}:{line}:"), problems[0]
    assert f": {field}: {message}" in problems[0], problems[0]
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_said_per_demand_round_trips_through_yaml_and_json(case) -> None:
    for fmt in ("yaml", "json"):
        again = loads(dumps(case, fmt), fmt)
        assert said_by_demand(again.get("r-fed")) == said_by_demand(case.get("r-fed"))
        assert again.get("v-staff").value.as_of_precision.value == "month"
        assert again.get("a-undated").date is None and again.get("e-start").date is None


def test_the_json_schema_says_what_a_file_may_hold() -> None:
    defs = json.loads(schema_text())["$defs"]
    said = defs["Response"]["properties"]["said"]["anyOf"]
    assert said[0]["enum"] == [s.value for s in Said if s is not Said.no_response]
    assert said[1]["type"] == "object" and "no_response" not in said[1]["additionalProperties"][
        "enum"]
    assert defs["Figure"]["properties"]["as_of_precision"]["default"] == "day"
    assert "date" not in defs["Action"]["required"] and "date" not in defs["Event"]["required"]


def test_a_precision_needs_its_date(write) -> None:
    bad = CASE.replace("as_of: 2019-11-01, as_of_precision: month", "as_of_precision: month")
    with pytest.raises(DossierError, match="as_of_precision is set but the figure has no as_of"):
        load(write("bad.yaml", bad))


# --- tracking and queries ----------------------------------------------------------------------


def test_tracking_counts_what_was_said_to_each_demand(case) -> None:
    july = demand_status(case, "2019-07-31")
    assert (july["d-stance"].said, july["d-stance"].on_paper) == (Said.deflected, True)
    assert (july["d-data"].said, july["d-data"].on_paper) == (Said.refused, False)
    graph = build_graph(case)
    assert answered_on_paper(graph, dt.date(2019, 7, 31)) == ("d-stance",)
    assert graph.nodes["r-fed"]["said"] is None  # it says different things: ask said_for
    assert graph.nodes["r-plain"]["said"] is Said.acknowledged


def test_said_then_did_gives_what_was_said_to_each_demand(case) -> None:
    found = said_then_did(build_graph(case))
    assert [(x.response, x.demands, [s.value for s in x.said]) for x in found] == [
        ("r-plain", ("d-stance", "d-data"), ["acknowledged", "acknowledged"])]


def test_an_undated_action_counts_on_every_date_and_invents_none(case) -> None:
    for as_of in ("2019-07-18", "2019-12-31", None):
        status = demand_status(case, as_of)["d-data"]
        assert status.actions == ("a-undated",) and status.done.value == "not_delivered"
        assert status.done_change.date is None
    assert {"a-undated", "e-start"} <= known_as_of(case, "2000-01-01")
    rows = status_rows(case, today=dt.date(2020, 1, 1))
    data = next(r for r in rows if r["demand"] == "d-data")
    # undated items sort first, so the dated answer is the latest change
    assert data["last_item"] == "r-plain" and data["actions"] == ["a-undated"]


# --- rows, timeline, summary ------------------------------------------------------------------


def test_timeline_rows_say_what_was_said_to_which_demand(case) -> None:
    rows = {r["id"]: r for r in timeline_rows(case)}
    assert rows["r-fed"]["said"] == "d-stance: deflected; d-data: refused"
    assert rows["r-plain"]["said"] == "acknowledged"
    # undated items have no place on a timeline; a figure's month is all its date shows
    assert "a-undated" not in rows and "e-start" not in rows
    assert rows["v-staff"]["date"] == "2019-11"
    days = [d.date for d in timeline(case)]
    assert days == sorted(days) and dt.date(2019, 9, 27) in days


def test_summary_gives_each_demand_what_was_said_to_it(case) -> None:
    lines = summary_text(case).splitlines()
    data = lines.index(next(line for line in lines if " d-data " in line))
    stance = lines.index(next(line for line in lines if " d-stance " in line))
    # the latest answer only took note: nothing was promised, so nothing is "broken"
    assert lines[data + 1] == "    now: Acknowledged only; Not delivered"
    assert "Federation: Refused" in lines[data + 2]
    assert "Federation: Deflected" in lines[stance + 2]
    assert "last act on it: a-undated (undated)" in "\n".join(lines)


# --- maps and page -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_demands_map_draws_each_answer_line_in_what_was_said_to_that_demand(case, lang) -> None:
    from argmap.maps.style import ANSWER

    source = draw(case, "demands", RenderOptions(lang=lang)).source
    for demand, said in (("d-stance", Said.deflected), ("d-data", Said.refused)):
        edge = next(line for line in source.splitlines()
                    if line.strip().startswith(f'"{demand}" -> "r-fed"'))
        assert f'color="{ANSWER[said].color}"' in edge, edge
    node = next(line for line in source.splitlines() if line.strip().startswith('"r-fed" ['))
    words = ("Deflected", "Refused") if lang == "en" else ("はぐらかし", "拒否")
    assert all(w in node for w in words)


def test_every_view_draws_undated_items_without_a_date(case) -> None:
    demands = draw(case, "demands", RenderOptions(lang="en")).source
    node = next(line for line in demands.splitlines()
                if line.strip().startswith('"a-undated" ['))
    assert "undated" in node
    timeline_map = draw(case, "timeline", RenderOptions(lang="en")).source
    assert '"a-undated"' not in timeline_map and '"a-dated"' in timeline_map
    # it says what it leaves out: the undated event, claim and action
    assert "Timeline — 3 undated items not shown" in timeline_map
    # a figure "as of" a month reads as that month
    assert "950 staff (as of Nov 2019)<" in timeline_map


def test_page_records_what_each_answer_said_to_each_demand(case) -> None:
    records = item_records(case, page_dates(case))
    assert records["r-fed"]["said"] == {"d-stance": "deflected", "d-data": "refused"}
    assert records["r-plain"]["said"] == {"d-stance": "acknowledged", "d-data": "acknowledged"}
    assert records["a-undated"]["date"] is None and records["a-undated"]["first"] == 0
    assert records["v-staff"]["f"]["value"]["as_of_precision"] == "month"


# --- brief and exports ------------------------------------------------------------------------


def test_brief_says_which_demand_got_which_answer(case) -> None:
    data = build_brief(case, "union", lang="en")
    fed = next(a for a in data.answers if a.entry.id == "r-fed")
    assert [(d.id, s) for d, s in zip(fed.demands, fed.said)] == [
        ("d-stance", Said.deflected), ("d-data", Said.refused)]
    text = brief(case, "union", lang="en")
    assert "### Federation, 18 July 2019: Deflected (no commitment) / Refused" in text
    assert "— **Refused**" in text
    assert "**950 staff** (as of November 2019)" in text


def test_argdown_tags_each_value_an_answer_gives(case) -> None:
    text = argdown.dump(case, "en")
    line = next(line for line in text.splitlines() if "Within the purpose" in line)
    assert "#said-deflected" in line and "#said-refused" in line
