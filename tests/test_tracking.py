"""Demand status on two axes as of a date, changes between dates, the timeline, and report rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from strategies import dossiers

from argmap.checks import check
from argmap.dossier import Dossier
from argmap.errors import ArgmapError, SchemaError, UnknownReferenceError
from argmap.model import Done, Said
from argmap.reports.rows import (
    STATUS_COLUMNS,
    TIMELINE_COLUMNS,
    rows_to_csv,
    rows_to_json,
    rows_to_table,
    status_rows,
    timeline_rows,
)
from argmap.tracking import (
    StatusChange,
    as_date,
    changes_between,
    demand_status,
    known_as_of,
    timeline,
)

D = dt.date
TODAY = D(2030, 1, 1)

CASE = {
    "actors": [{"id": "union", "name": {"en": "Union", "ja": "組合"}, "kind": "union"},
               {"id": "mic", "name": "Ministry", "kind": "ministry"},
               {"id": "city", "name": "City", "kind": "municipality"}],
    "sources": [{"id": "minutes", "title": "Minutes", "date": "2019-07-23", "kind": "statement"},
                {"id": "paper", "title": "Paper", "date": "2019-09-14", "kind": "newspaper"}],
    "events": [{"id": "talks", "date": "2019-07-23", "kind": "meeting", "title": "Talks",
                "participants": ["union", "mic"]}],
    "claims": [{"id": "c-free", "text": "Acquisition is free", "by": "union", "date": "2019-07-01"},
               {"id": "c-other", "text": "Unrelated", "by": "union", "date": "2019-07-01"}],
    "demands": [
        # answered twice: the later answer wins, then reversed by an action
        {"id": "d-accept", "text": {"en": "Keep it voluntary", "ja": "任意とすること"},
         "by": "union", "to": "mic", "at": "talks",
         "cites": [{"source": "minutes", "locator": "p. 1"}]},
        # never answered, deadline passes on 2019-08-31
        {"id": "d-late", "text": "=HYPERLINK(\"x\")", "by": "union", "to": "mic",
         "date": "2019-08-01", "deadline": "2019-08-31"},
        # answered only on paper
        {"id": "d-paper", "text": "Publish the survey", "by": "union", "to": ["mic", "city"],
         "date": "2019-07-23"},
        # fulfilled through a claim that rephrases it
        {"id": "d-claim", "text": "Free acquisition", "by": "union", "to": "city",
         "date": "2019-06-01"},
        # an undated demand and an undated answer
        {"id": "d-undated", "text": "Undated", "by": "city", "to": "mic"},
    ],
    "responses": [
        {"id": "r-accept", "by": "mic", "to": "d-accept", "said": "accepted", "date": "2019-08-05",
         "cites": [{"source": "minutes", "locator": "¶92"}]},
        {"id": "r-consider", "by": "mic", "to": "d-accept", "said": "under_consideration",
         "at": "talks"},
        {"id": "r-ack", "by": "mic", "to": "d-paper", "said": "acknowledged", "at": "talks"},
        {"id": "r-deflect", "by": "city", "to": "d-paper", "said": "deflected",
         "date": "2019-08-02"},
        {"id": "r-undated", "by": "mic", "to": "d-undated", "said": "refused"},
    ],
    "actions": [
        {"id": "a-commit", "by": "mic", "date": "2019-08-06", "kind": "notice", "text": "Notice",
         "effects": [{"on": "r-accept", "type": "commits"}]},
        {"id": "a-reverse", "by": "mic", "date": "2019-09-13", "kind": "amendment",
         "text": "Amendment", "cites": [{"source": "paper", "locator": "p. 3"}],
         "effects": [{"on": "d-accept", "type": "reverses"},
                     {"on": "r-accept", "type": "fulfils"}]},
        {"id": "a-free", "by": "city", "date": "2019-10-01", "kind": "decision", "text": "Free",
         "effects": [{"on": "c-free", "type": "fulfils"}, {"on": "c-other", "type": "fails"}]},
    ],
    "evidence": [{"id": "e-rate", "text": "Rate", "kind": "statistic",
                  "value": {"number": 14, "unit": "%", "as_of": "2019-08-01"}}],
    "relations": [{"id": "rel-1", "from": "c-free", "to": "d-claim", "type": "rephrases"},
                  {"id": "rel-2", "from": "c-other", "to": "c-free", "type": "supports"}],
}


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return check(Dossier.model_validate(CASE))


def test_order_and_presence(dossier: Dossier) -> None:
    status = demand_status(dossier, today=TODAY)
    assert list(status) == ["d-claim", "d-accept", "d-paper", "d-late", "d-undated"]  # undated last
    assert list(demand_status(dossier, "2019-07-22", today=TODAY)) == ["d-claim", "d-undated"]


def test_latest_answer_wins_and_earlier_stay(dossier: Dossier) -> None:
    s = demand_status(dossier, today=TODAY)["d-accept"]
    assert s.said is Said.accepted
    assert s.answers == ("r-consider", "r-accept")
    assert s.said_change == StatusChange("said", Said.accepted, D(2019, 8, 5), "r-accept",
                                         "minutes", "¶92")
    said_history = [(c.value, c.item) for c in s.history if c.axis == "said"]
    assert said_history == [(Said.under_consideration, "r-consider"), (Said.accepted, "r-accept")]
    assert not s.on_paper


def test_said_and_done_kept_apart(dossier: Dossier) -> None:
    s = demand_status(dossier, today=TODAY)["d-accept"]
    # the amendment both reverses the demand and "fulfils" the answer: the direct effect wins
    assert (s.said, s.done) == (Said.accepted, Done.reversed)
    assert s.done_change == StatusChange("done", Done.reversed, D(2019, 9, 13), "a-reverse",
                                         "paper", "p. 3")
    assert s.actions == ("a-commit", "a-reverse")
    assert [(c.axis, c.value, c.date) for c in s.history] == [
        ("said", Said.under_consideration, D(2019, 7, 23)),
        ("said", Said.accepted, D(2019, 8, 5)),
        ("done", Done.committed, D(2019, 8, 6)),
        ("done", Done.reversed, D(2019, 9, 13)),
    ]
    assert s.last_change.item == "a-reverse"


def test_as_of_uses_only_what_was_known(dossier: Dossier) -> None:
    s = demand_status(dossier, D(2019, 8, 1), today=TODAY)["d-accept"]
    assert (s.said, s.done, s.answers, s.actions) == (Said.under_consideration, Done.unrated,
                                                      ("r-consider",), ())
    assert s.on_paper
    s = demand_status(dossier, D(2019, 9, 1))["d-accept"]
    assert (s.said, s.done) == (Said.accepted, Done.committed)
    # same-day items count: the as-of date is inclusive
    assert demand_status(dossier, D(2019, 9, 13))["d-accept"].done is Done.reversed


def test_no_response_and_overdue(dossier: Dossier) -> None:
    on = {day: demand_status(dossier, day)["d-late"] for day in
          (D(2019, 8, 30), D(2019, 8, 31), D(2019, 9, 1))}
    assert all(s.said is Said.no_response and s.said_change is None for s in on.values())
    assert [s.overdue for s in on.values()] == [False, False, True]
    assert on[D(2019, 9, 1)].deadline == D(2019, 8, 31)
    # with no as-of date, overdue is judged on today's date
    assert demand_status(dossier, today=D(2019, 8, 15))["d-late"].overdue is False
    assert demand_status(dossier, today=TODAY)["d-late"].overdue is True


def test_on_paper(dossier: Dossier) -> None:
    status = demand_status(dossier, today=TODAY)
    assert status["d-paper"].on_paper and status["d-paper"].said is Said.deflected
    assert [k for k, s in status.items() if s.on_paper] == ["d-paper"]


def test_effects_through_claims(dossier: Dossier) -> None:
    s = demand_status(dossier, today=TODAY)["d-claim"]
    # c-free rephrases d-claim: its fulfilment counts; c-other only supports c-free: it does not
    assert (s.said, s.done, s.actions) == (Said.no_response, Done.delivered, ("a-free",))


def test_undated_items_always_count(dossier: Dossier) -> None:
    s = demand_status(dossier, D(2000, 1, 1))["d-undated"]
    assert s.said is Said.refused and s.said_change.date is None and s.made is None


def test_known_as_of(dossier: Dossier) -> None:
    early = known_as_of(dossier, "2019-07-22")
    assert {"union", "d-claim", "c-free", "d-undated", "r-undated", "rel-1", "e-rate"} <= early
    assert not {"talks", "d-accept", "r-consider", "a-commit", "minutes"} & early
    assert known_as_of(dossier, None) == {item.id for _, _, item in dossier.items()}


def test_changes_between(dossier: Dossier) -> None:
    changes = changes_between(dossier, "2019-07-31", "2019-09-13")
    summary = [(str(c.date), c.demand, c.axis, c.before, c.after, c.item) for c in changes]
    assert summary == [
        ("2019-08-01", "d-late", "made", None, "no_response", "d-late"),
        ("2019-08-02", "d-paper", "said", "acknowledged", "deflected", "r-deflect"),
        ("2019-08-05", "d-accept", "said", "under_consideration", "accepted", "r-accept"),
        ("2019-08-06", "d-accept", "done", "unrated", "committed", "a-commit"),
        ("2019-09-01", "d-late", "overdue", None, "overdue", "d-late"),
        ("2019-09-13", "d-accept", "done", "committed", "reversed", "a-reverse"),
    ]
    assert changes[-1].source == "paper" and changes[-1].locator == "p. 3"
    assert changes_between(dossier, "2019-10-02", "2020-01-01") == []
    with pytest.raises(SchemaError):
        changes_between(dossier, None, "2020-01-01")


def test_timeline(dossier: Dossier) -> None:
    days = timeline(dossier)
    assert [d.date for d in days] == sorted(d.date for d in days)
    talks = next(d for d in days if d.date == D(2019, 7, 23))
    assert [(e.kind, e.id) for e in talks.entries] == [
        ("event", "talks"), ("demand", "d-accept"), ("demand", "d-paper"),
        ("response", "r-ack"), ("response", "r-consider"), ("source", "minutes")]
    assert any(e.id == "e-rate" for d in days for e in d.entries)  # dated by its figure
    ids = {e.id for d in days for e in d.entries}
    assert not {"union", "rel-1", "d-undated", "r-undated"} & ids
    assert max(d.date for d in timeline(dossier, "2019-08-05")) == D(2019, 8, 5)
    only = timeline(dossier, kinds=("action",))
    assert [e.id for d in only for e in d.entries] == ["a-commit", "a-reverse", "a-free"]


def test_status_rows_shape_and_language(dossier: Dossier) -> None:
    rows = status_rows(dossier, lang="ja", today=TODAY)
    assert all(tuple(r) == STATUS_COLUMNS for r in rows)
    row = next(r for r in rows if r["demand"] == "d-accept")
    assert row == {
        "demand": "d-accept", "made": "2019-07-23", "by": ["union"], "to": ["mic"],
        "text": "任意とすること", "said": "accepted", "done": "reversed",
        "said_words": "受入れ", "done_words": "約束違反（撤回）", "overdue": False,
        "on_paper": False, "deadline": None, "answers": ["r-consider", "r-accept"],
        "actions": ["a-commit", "a-reverse"], "last_change": "2019-09-13",
        "last_item": "a-reverse", "last_source": "paper", "last_locator": "p. 3"}
    assert status_rows(dossier, today=TODAY) == status_rows(dossier, today=TODAY)


def test_status_rows_actor_filter(dossier: Dossier) -> None:
    assert [r["demand"] for r in status_rows(dossier, actor="city", today=TODAY)] == [
        "d-claim", "d-paper", "d-undated"]
    with pytest.raises(UnknownReferenceError, match="did you mean 'city'"):
        status_rows(dossier, actor="cty")


def test_timeline_rows(dossier: Dossier) -> None:
    rows = timeline_rows(dossier, as_of="2019-09-13")
    assert all(tuple(r) == TIMELINE_COLUMNS for r in rows)
    amend = next(r for r in rows if r["id"] == "a-reverse")
    assert amend["effects"] == ["reverses:d-accept", "fulfils:r-accept"]
    assert (amend["source"], amend["locator"], amend["by"]) == ("paper", "p. 3", ["mic"])
    assert next(r for r in rows if r["id"] == "r-accept")["said"] == "accepted"
    city = [r["id"] for r in timeline_rows(dossier, actor="city")]
    assert city == ["d-claim", "d-paper", "r-deflect", "a-free"]


def test_rows_to_csv_is_safe_and_parses(dossier: Dossier) -> None:
    rows = status_rows(dossier, today=TODAY)
    text = rows_to_csv(rows)
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0] == list(STATUS_COLUMNS)
    late = next(r for r in parsed if r[0] == "d-late")
    assert late[4] == "'=HYPERLINK(\"x\")"
    assert late[STATUS_COLUMNS.index("overdue")] == "true"
    for cell in ("+1", "-1", "@x", "\tx", "\rx"):
        assert rows_to_csv([{"v": cell}]).splitlines()[1].lstrip('"').startswith("'")
    assert rows_to_csv([], columns=STATUS_COLUMNS).strip() == ",".join(STATUS_COLUMNS)


def test_rows_to_json_and_table(dossier: Dossier) -> None:
    rows = status_rows(dossier, today=TODAY)
    text = rows_to_json(rows)
    assert json.loads(text) == rows and text == rows_to_json(rows)
    console = Console(record=True, width=300, color_system=None)
    console.print(rows_to_table(rows, "Demands"))
    shown = console.export_text()
    assert "Demands" in shown and "d-accept" in shown and "reversed" in shown
    # user text is never read as rich markup
    console = Console(record=True, width=80, color_system=None)
    console.print(rows_to_table([{"text": "[bold]x[/bold]"}]))
    assert "[bold]x[/bold]" in console.export_text()


def test_table_cells_break_lines_where_the_maps_do(example: Dossier) -> None:
    """The text column of a Japanese table keeps 。 and 、 on the line they end and phrases whole
    (argmap.text.wrap), at any terminal width; every character is still shown."""
    rows = status_rows(example, lang="ja", today=TODAY)
    for width in (80, 100, 120):
        console = Console(record=True, width=width, color_system=None)
        console.print(rows_to_table(rows, columns=("made", "text", "to", "said"), lang="ja"))
        cells = [line.split("│")[2].strip() for line in console.export_text().splitlines()
                 if line.startswith("│")]
        assert cells and not [c for c in cells if c[:1] in "。、）」』"]
        assert not [c for c in cells if c[-1:] in "（「『"]
        shown = "".join(cells)
        assert all(row["text"].replace(" ", "") in shown for row in rows)


def test_dates_given_as_text() -> None:
    assert as_date("2019-09-01") == D(2019, 9, 1)
    assert as_date(dt.datetime(2019, 9, 1, 12)) == D(2019, 9, 1)
    with pytest.raises(ArgmapError, match="not a date"):
        as_date("1 Sept")


def test_actions_before_the_demand_do_not_count() -> None:
    dossier = check(Dossier.model_validate({
        "actors": [{"id": "u", "name": "U", "kind": "union"},
                   {"id": "m", "name": "M", "kind": "ministry"}],
        "claims": [{"id": "c", "text": "No pre-printing", "by": "u", "date": "2019-07-01"}],
        "demands": [{"id": "d", "text": "Confirm no pre-printing", "by": "u", "to": "m",
                     "date": "2019-10-15"}],
        "actions": [
            {"id": "a-before", "by": "m", "date": "2019-09-27", "kind": "amendment", "text": "x",
             "effects": [{"on": "c", "type": "contradicts"}]},
            {"id": "a-after", "by": "m", "date": "2019-11-01", "kind": "notice", "text": "y",
             "effects": [{"on": "c", "type": "progresses"}]}],
        "relations": [{"id": "r", "from": "c", "to": "d", "type": "supports"}]}))
    s = demand_status(dossier, today=TODAY)["d"]
    assert (s.done, s.actions) == (Done.in_progress, ("a-after",))
    assert demand_status(dossier, "2019-10-31")["d"].done is Done.unrated


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers(), st.dates(min_value=D(2015, 1, 1), max_value=D(2026, 1, 1)))
def test_status_invariants_on_any_valid_dossier(dossier: Dossier, day: dt.date) -> None:
    everything = demand_status(dossier, today=TODAY)
    then = demand_status(dossier, day)
    assert set(then) <= set(everything)
    for demand, s in then.items():
        assert set(s.answers) <= set(everything[demand].answers)
        said = [c for c in s.history if c.axis == "said"]
        assert [c.item for c in said] == list(s.answers)
        assert s.said is (said[-1].value if said else Said.no_response)
        assert s.done is (s.done_change.value if s.done_change else Done.unrated)
        assert all(c.date is None or c.date <= day for c in s.history)
        dates = [c.date or D.min for c in s.history]
        assert dates == sorted(dates)
        assert not (s.overdue and s.answers)


def test_rows_cut_dates_to_their_precision() -> None:
    dossier = check(Dossier.model_validate({
        "actors": [{"id": "u", "name": "U", "kind": "union"},
                   {"id": "m", "name": "M", "kind": "ministry"}],
        "events": [{"id": "e", "date": "2016-01-01", "precision": "year", "kind": "other",
                    "title": "Some time in 2016"}],
        "claims": [{"id": "c", "text": "x", "by": "u", "at": "e"}],
        "demands": [{"id": "d", "text": "y", "by": "u", "to": "m", "date": "2018-02-01",
                     "precision": "month"}],
        "responses": [{"id": "r", "by": "m", "to": ["d"], "said": "accepted",
                       "text": "Agreed", "date": "2018-04-01", "precision": "month"}]}))
    row = status_rows(dossier, today=TODAY)[0]
    assert (row["made"], row["last_change"], row["last_item"]) == ("2018-02", "2018-04", "r")
    assert [(r["id"], r["date"]) for r in timeline_rows(dossier)] == [
        ("e", "2016"), ("c", "2016"), ("d", "2018-02"), ("r", "2018-04")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(
    st.text(max_size=8),
    st.one_of(st.none(), st.booleans(), st.text(), st.lists(st.text(), max_size=3)),
    max_size=5), max_size=4))
def test_rows_json_is_what_the_json_module_writes(rows: list[dict[str, Any]]) -> None:
    # any text (controls, U+2028, astral characters) comes out as json.dumps writes it
    assert rows_to_json(rows) == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def test_a_demand_owed_no_answer_is_not_worded_as_left_unanswered() -> None:
    # a petition short of the signatures the government answers: "No answer (none due)" in
    # every output that words the pair, until an answer comes after all
    dossier = check(Dossier.model_validate({
        "actors": [{"id": "p", "name": "Petitioners", "kind": "group"},
                   {"id": "g", "name": "Government", "kind": "government"}],
        "demands": [{"id": "small", "text": "x", "by": "p", "to": "g", "date": "2020-01-01",
                     "tags": ["no-answer-due"]},
                    {"id": "big", "text": "y", "by": "p", "to": "g", "date": "2020-01-01"},
                    {"id": "answered", "text": "z", "by": "p", "to": "g",
                     "date": "2020-01-01", "tags": ["no-answer-due"]}],
        "responses": [{"id": "r", "by": "g", "to": ["answered"], "said": "not_yet_rated",
                       "quote": "We note the petition.", "date": "2020-03-01"}]}))
    status = demand_status(dossier, today=TODAY)
    assert [status[d].no_answer_due for d in ("small", "big", "answered")] == [True, False, False]
    words = {r["demand"]: r["said_words"] for r in status_rows(dossier, today=TODAY)}
    assert words == {"small": "No answer (none due)", "big": "No answer",
                     "answered": "Answer on file, not yet rated"}
    assert {r["demand"]: r["said"] for r in status_rows(dossier, today=TODAY)}["small"] == \
        "no_response"
