"""No output contradicts another or itself about the record.

Each demand's said and done are worded the same way in the brief and in ``argmap status``; only an
answer that committed to something is kept or broken, and ``said_then_did`` reports every "said
X, then did Y" pair with the relation named honestly; the brief covers the side's demands and
every argument on them without ``--motion``; refused demands are open; "deadlines judged"
appears only where a deadline exists; a counter-argument is never both answered and unanswered,
an answer never "does not stand"; the verb agrees with who holds the position; the timeline names
evidence's own source and takes in an actor's divisions.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.brief import brief, build_brief
from argmap.cli import cli
from argmap.graph import build_graph
from argmap.io.files import load
from argmap.model import Said
from argmap.queries import RELATIONS, said_then_did
from argmap.reports.rows import timeline_rows
from argmap.words import word

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "claims" / "mynumber-card.yaml"
PROTEST = ROOT / "tests" / "fixtures" / "brief" / "protest.yaml"
FIXTURE = ROOT / "tests" / "fixtures" / "brief" / "case.yaml"
CASES = [(EXAMPLE, "jichiroren"), (PROTEST, "protesters"), (FIXTURE, "union")]


@pytest.fixture(scope="module")
def protest():
    return load(PROTEST)


def _glance(text: str) -> list[list[str]]:
    """The rows of the brief's demands table (Markdown), cells unescaped."""
    section = text[text.index("\n## ", 0) + 1:]
    section = section[:section.index("\n## ", 3)]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    return [[re.sub(r"\\(.)", r"\1", c.strip()) for c in r.strip("| ").split(" | ")]
            for r in rows if not r.startswith("| ---")]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path,side", CASES)
def test_brief_and_status_say_the_same_of_every_demand(path, side, lang):
    """Read the brief and ``status --format json`` together: for every demand of the side, the
    brief's table says what the status row says, in the same words."""
    result = CliRunner().invoke(cli, ["status", str(path), "--format", "json", "--lang", lang])
    assert result.exit_code == 0, result.output
    rows = {r["demand"]: r for r in json.loads(result.output)}
    dossier = load(path)
    data = build_brief(dossier, side, lang=lang)
    table = _glance(brief(dossier, side, lang=lang))
    assert len(table) == len(data.glance) > 0
    for row, cells in zip(data.glance, table, strict=True):
        status = rows[row.entry.id]
        assert cells[3:] == [status["said_words"], status["done_words"]], row.entry.id
        assert (row.said, row.done) == (status["said_words"], status["done_words"])
        # the words are the shared ones for this pair
        assert status["said_words"] in (word(f"said.{status['said']}", lang),
                                        word("said.overdue", lang))
        assert status["done_words"] in (word(f"outcome.promise.{status['done']}", lang),
                                        word(f"outcome.answer.{status['done']}", lang))
        if status["done_words"] == word(f"outcome.promise.{status['done']}", lang) and \
                status["done"] != "unrated":
            assert status["said"] in ("accepted", "partially_accepted")


def test_a_deflection_followed_by_what_was_asked_is_not_a_promise_kept(protest):
    text = brief(protest, "protesters")
    assert "| Withdraw the extradition bill. | the Government | Deflected | Delivered, though not " \
           "promised |" in text
    assert "Formally withdrew the bill — **Delivered, though not promised**." in text
    # kept and broken only after a commitment
    assert "| Release the arrested protesters. | the Government | Accepted | Broken (not " \
           "delivered) |" in text
    for line in text.splitlines():
        if "Kept" in line or "Broken" in line:
            assert "Accepted" in line or "Charged the marchers" in line or \
                line.startswith(("Kept and broken", "## ")), line


def test_said_then_did_reports_every_pair_and_names_it(protest):
    found = {(x.response, x.action): x for x in said_then_did(build_graph(protest))}
    assert {k: (v.said, v.effect, v.relation, v.via) for k, v in found.items()} == {
        # a deflection overtaken by what was asked: done, though never promised
        ("r-suspend", "a-withdrawn"): ((Said.deflected,), "fulfils", "done_anyway", "demand"),
        # a promise, then the contrary: broken
        ("r-amnesty", "a-charged"): ((Said.accepted,), "contradicts", "broken", "response"),
        # a refusal, then an act against a claim standing for the demand
        ("r-inquiry", "a-council"): ((Said.refused,), "contradicts", "contradicted", "claim"),
    }
    assert all(x.relation in RELATIONS for x in found.values())
    assert all(x.said_date <= x.did_date for x in found.values())


def test_said_then_did_on_the_example_names_a_kept_promise():
    found = said_then_did(build_graph(load(EXAMPLE)))
    kept = [(x.response, x.relation) for x in found]
    assert ("resp-2017-12-15-no-printing", "kept") in kept
    assert not [x for x in found if x.relation in ("kept", "broken")
                and not all(s in (Said.accepted, Said.partially_accepted) for s in x.said)]


def test_refused_demands_are_open_and_refusals_are_never_defeated(protest):
    data = build_brief(protest, "protesters")
    groups = {o.entry.id: o.group for o in data.open}
    assert groups == {"d-inquiry": "refused", "d-amnesty": "broken", "d-riot": "on_paper"}
    text = brief(protest, "protesters")
    # the refusal is argued with (a reply is on file) but it is an answer, not an argument
    for line in text.splitlines():
        if "refused an independent inquiry" in line:
            assert "does not stand" not in line and "[" not in line, line
    assert "Reply on file: Only an independent inquiry can establish what the police did." in text


def test_deadlines_are_mentioned_only_where_there_is_one(protest):
    assert "Deadlines" not in brief(protest, "protesters")
    assert "Deadlines judged" in brief(load(FIXTURE), "union")
    # the example has no deadline, but counts days without an answer
    example = brief(load(EXAMPLE), "jichiroren")
    assert "Deadlines" not in example
    assert "Days without an answer counted to 24 April 2020." in example


@pytest.mark.parametrize("path,side", CASES)
def test_no_counter_argument_is_both_answered_and_unanswered(path, side):
    dossier = load(path)
    data = build_brief(dossier, side)
    text = brief(dossier, side)
    section = text[text.index("## 3. "):text.index("## 4. ")]
    blocks = re.split(r"\n(?=\d+\. )", section)[1:]
    assert len(blocks) == len(data.counters)
    for counter, block in zip(data.counters, blocks, strict=True):
        answered = "Answered" in block
        flagged = "⚠" in block
        assert answered != flagged, block
        assert answered == (counter.state == "answered")
        assert "[does not stand]" not in block.splitlines()[0]
    # what section 1 counts is what section 3 flags
    open_count = len(data.unrebutted)
    if open_count:
        assert f"{open_count} counter-argument" in text[:text.index("## 2. ")]


def test_the_counter_argument_answered_only_by_the_point_it_attacks(protest):
    data = build_brief(protest, "protesters")
    by_id = {c.entry.id: c for c in data.counters}
    assert by_id["c-order"].state == "answered" and by_id["c-order"].mutual
    assert by_id["c-violence-seen"].state == "replies_answered"
    assert by_id["c-amnesty-unlawful"].state == "unanswered"
    text = brief(protest, "protesters")
    assert "Answered by the point it attacks, which attacks it in return and holds." in text
    assert ("- Some marchers threw bricks. — the Police, 2 July 2019 (the Government 2019, no. 9) "
            "— **every reply on file is itself answered**") in text


def test_the_brief_covers_the_demands_and_their_arguments_without_a_motion(protest):
    data = build_brief(protest, "protesters")
    roots = [g.entry.id for g in data.more_support]
    assert roots == ["d-withdraw", "d-inquiry"]
    inquiry = data.more_support[1]
    assert [g.entry.id for g in inquiry.children] == ["c-inquiry-needed"]
    # an argument against a demand (not against the main claim) is a counter-argument
    amnesty = next(c for c in data.counters if c.entry.id == "c-amnesty-unlawful")
    assert [t.id for t in amnesty.targets] == ["d-amnesty"]
    # on the example: the grounds of the demands the main claim does not reach
    card = build_brief(load(EXAMPLE), "jichiroren")
    grounds = {g.entry.id: [c.entry.id for c in g.children] for g in card.more_support}
    assert grounds["d-2017-12-13-no-printing"] == ["c-printing-leak-risk"]
    assert "c-mynumber-printable-in-advance" in grounds["d-2019-10-15-no-preprinted-forms"]


def test_the_verb_agrees_with_who_holds_the_position(protest):
    assert "The protesters hold: **" in brief(protest, "protesters")
    assert "Jichiroren holds: **" in brief(load(EXAMPLE), "jichiroren")
    assert "Union holds: **" in brief(load(FIXTURE), "union")
    plain = protest.model_copy(deep=True)
    plain.actors[0].plural = False  # an actor may say so itself
    assert "The protesters holds: **" in brief(plain, "protesters")
    # Japanese has no number to agree
    assert "the protestersの立場：**" in brief(protest, "protesters", lang="ja")


def test_timeline_names_evidences_own_source_and_takes_in_divisions(protest):
    rows = {r["id"]: r for r in timeline_rows(protest)}
    assert (rows["e-march"]["source"], rows["e-march"]["locator"]) == ("record", "p. 2")
    result = CliRunner().invoke(cli, ["timeline", str(PROTEST)])
    assert "None" not in result.output
    # the Chief Executive answers for the government: the government's timeline has it
    government = [r["id"] for r in timeline_rows(protest, actor="government")]
    assert "r-suspend" in government and "a-charged" in government  # the police's act too
    assert "r-suspend" not in [r["id"] for r in timeline_rows(protest, actor="police")]
    # the status follows the same rule
    result = CliRunner().invoke(cli, ["status", str(PROTEST), "--actor", "protesters",
                                      "--format", "json"])
    assert {r["demand"] for r in json.loads(result.output)} == {
        "d-withdraw", "d-inquiry", "d-riot", "d-amnesty"}  # d-inquiry is the student unions'


def test_as_of_a_date_the_open_demands_and_words_agree(protest):
    data = build_brief(protest, "protesters", as_of=dt.date(2019, 7, 9))
    rows = {r.entry.id: (r.said, r.done) for r in data.glance}
    # on 9 July the amnesty was promised and nothing yet done against it
    assert rows["d-amnesty"] == ("Accepted", "Nothing done on file yet")
    assert rows["d-inquiry"] == ("No answer", "Nothing done on file")
