"""The example case ``claims/mynumber-card.yaml``: faithful to its article, complete and bilingual.

The article (source ``jichiroren-2020``) is read from ``../shared/seeds/`` as :data:`PARAGRAPHS`,
one entry per non-blank line of its text file: ``¶n`` is ``PARAGRAPHS[n - 1]`` and ``¶a-b`` is lines
a to b joined with no separator (tests that need it skip where the seeds are absent). Every quote in the dossier must be a verbatim substring of what it
cites, and every text must be given in Japanese and English.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import types
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel

from argmap.checks import check
from argmap.dossier import Dossier
from argmap.model import (
    Action,
    Claim,
    Demand,
    EffectType,
    Event,
    EventKind,
    Evidence,
    EvidenceKind,
    Precision,
    Relation,
    RelationType,
    Response,
    Said,
    Text,
    said_by_demand,
    said_for,
)

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "claims" / "mynumber-card.yaml"
#: The article's original text file, when the shared seeds are present next to the repository.
ORIGINAL = Path(os.environ.get(
    "ARGMAP_EXAMPLE_ARTICLE", ROOT.parent / "shared" / "seeds" / "000_45601511449ac7f5.txt"))
SOURCE_ID = "jichiroren-2020"

#: The non-blank lines of the article, in order: ``PARAGRAPHS[n - 1]`` is ``¶n``.
PARAGRAPHS: tuple[str, ...] = tuple(
    line for line in ORIGINAL.read_text(encoding="utf-8").splitlines() if line.strip()
) if ORIGINAL.is_file() else ()
needs_article = pytest.mark.skipif(
    not PARAGRAPHS, reason=f"needs the example's article, ../shared/seeds/{ORIGINAL.name} beside "
    f"the repository (not found at {ORIGINAL}; see README, Development)")
LOCATOR = re.compile(r"¶(\d+)(?:-(\d+))?")
D = dt.date


def cited_text(locator: str) -> str:
    """The article text a locator points at: ``¶n`` or ``¶a-b`` (lines a..b joined as one)."""
    match = LOCATOR.fullmatch(locator)
    assert match, f"locator {locator!r} is not ¶n or ¶a-b"
    first, last = int(match[1]), int(match[2] or match[1])
    assert 1 <= first <= last <= len(PARAGRAPHS), f"locator {locator!r} is outside the article"
    return "".join(PARAGRAPHS[first - 1:last])


def _bare(annotation: Any) -> Any:
    """An annotation without ``| None`` and without ``Annotated`` metadata."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _bare(args[0])
    if get_origin(annotation) is Annotated:
        return _bare(get_args(annotation)[0])
    return annotation


def _is_text(annotation: Any) -> bool:
    """Whether a model field is a ``Text`` (optionally ``| None``)."""
    return _bare(annotation) == _bare(Text)


def _texts(model: BaseModel, where: str) -> Iterator[tuple[str, Any]]:
    """Every Text field set on a model and on the models inside it, with a readable path."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        if _is_text(field.annotation):
            yield f"{where}.{name}", value
        elif isinstance(value, BaseModel):
            yield from _texts(value, f"{where}.{name}")
        elif isinstance(value, list):
            for i, part in enumerate(value):
                if isinstance(part, BaseModel):
                    yield from _texts(part, f"{where}.{name}[{i}]")


@pytest.fixture(scope="module")
def case() -> Dossier:
    """The example case, loaded with the project's loader (falling back to the bare models)."""
    try:
        from argmap.io.files import load
    except ImportError:  # the loader module is optional for this test
        return check(Dossier.model_validate(yaml.safe_load(CASE.read_text(encoding="utf-8"))))
    return load(CASE)


def _by_id(items: list[Any]) -> dict[str, Any]:
    return {item.id: item for item in items}


# --- the file itself -----------------------------------------------------------------------------


def test_file_starts_with_schema_comment_and_keeps_model_section_order() -> None:
    text = CASE.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/dossier.schema.json"
    keys = list(yaml.safe_load(text))
    assert keys == ["dossier", "actors", "sources", "events", "claims", "demands", "responses",
                    "evidence", "actions", "relations"]


def test_plain_yaml_load_validates_too() -> None:
    """The bare-model route of the docs (``yaml.safe_load`` then ``check``) accepts the file."""
    data = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    dossier = check(Dossier.model_validate(data))
    assert len(dossier) > 200


def test_dossier_header(case: Dossier) -> None:
    info = case.info
    assert info is not None
    assert info.languages == ["ja", "en"]
    assert info.source == SOURCE_ID
    assert isinstance(info.title, dict) and info.title["ja"] and info.title["en"]
    source = case.get(SOURCE_ID)
    assert source.date == D(2020, 4, 24)
    assert "¶" in source.note["en"] and "¶" in source.note["ja"]  # the paragraph convention


# --- faithfulness to the article -----------------------------------------------------------------


@needs_article
def test_paragraph_convention_anchors() -> None:
    assert PARAGRAPHS[0].startswith("本稿は")
    assert PARAGRAPHS[68] == "2020年4月24日"  # ¶69, a date line inside the closing sentence
    assert cited_text("¶22-23").count("総務省は自治労連との懇談の2日後") == 1


@needs_article
def test_every_item_cites_the_article_verbatim(case: Dossier) -> None:
    problems = []
    for section, position, item in case.items():
        where = f"{section}[{position}] {item.id}"
        if isinstance(item, Relation):
            # a relation is our reading of the article: it names it, and cites it where it says so
            if item.source != SOURCE_ID:
                problems.append(f"{where}: source must be {SOURCE_ID}")
        elif not item.cites:
            problems.append(f"{where}: no citation")
        for i, cite in enumerate(item.cites):
            if cite.source != SOURCE_ID or cite.locator is None or cite.quote is None:
                problems.append(f"{where}.cites[{i}]: needs source {SOURCE_ID}, locator, quote")
                continue
            if not LOCATOR.fullmatch(cite.locator):
                problems.append(f"{where}.cites[{i}]: bad locator {cite.locator!r}")
                continue
            quote = cite.quote
            if not (isinstance(quote, dict) and quote.get("ja") and quote.get("en")):
                problems.append(f"{where}.cites[{i}]: quote needs ja and en")
                continue
            if quote["ja"] not in cited_text(cite.locator):
                problems.append(f"{where}.cites[{i}]: not verbatim in {cite.locator}: "
                                f"{quote['ja'][:30]}…")
    assert not problems, "\n".join(problems)


@needs_article
def test_split_locators_only_where_a_quote_crosses_the_split(case: Dossier) -> None:
    for _, _, item in case.items():
        for cite in item.cites:
            match = LOCATOR.fullmatch(cite.locator or "")
            if match and match[2]:
                first, last = int(match[1]), int(match[2])
                assert last > first, (item.id, cite.locator)
                lines = PARAGRAPHS[first - 1:last]
                assert not any(cite.quote["ja"] in line for line in lines), (item.id, cite.locator)


@needs_article
def test_quotes_of_answers_and_evidence_are_in_what_they_cite(case: Dossier) -> None:
    for item in [*case.responses, *case.evidence]:
        if item.quote is None:
            continue
        spans = [cited_text(c.locator) for c in item.cites]
        assert any(item.quote["ja"] in span for span in spans), item.id


def test_every_answer_has_a_bilingual_quote(case: Dossier) -> None:
    for response in case.responses:
        assert isinstance(response.quote, dict), response.id
        assert response.quote.get("ja") and response.quote.get("en"), response.id


def test_every_text_is_in_japanese_and_english(case: Dossier) -> None:
    found = list(_texts(case.info, "dossier"))
    for section, position, item in case.items():
        found.extend(_texts(item, f"{section}[{position}]"))
    assert len(found) > 500
    bad = [where for where, value in found
           if not (isinstance(value, dict) and value.get("ja") and value.get("en"))]
    assert not bad, bad


def test_kept_typos_of_the_article(case: Dossier) -> None:
    quotes = [c.quote["ja"] for _, _, item in case.items() for c in item.cites]
    assert any("县" in q for q in quotes)
    assert any("别人格" in q for q in quotes)


# --- who is in the case --------------------------------------------------------------------------

#: id -> (kind, parent)
EXPECTED_ACTORS = {
    "jichiroren": ("union", None),
    "jichiroren-pt": ("union", "jichiroren"),
    "shiga-jichiroren": ("union", "jichiroren"),
    "jichiroren-chiba": ("union", "jichiroren"),
    "jichiroren-kyosai-councillors": ("union", "jichiroren"),
    "jichiroren-secretary-general": ("person", "jichiroren"),
    "mic": ("ministry", None),
    "mic-municipal-tax-division": ("ministry", "mic"),
    "mic-welfare-division": ("ministry", "mic"),
    "cabinet-office": ("government", None),
    "cabinet-secretariat": ("government", None),
    "government": ("government", None),
    "digital-government-council": ("council", None),
    "federation": ("federation", None),
    "municipal-mutual-aid": ("other", None),
    "chiba-municipal-mutual-aid": ("other", "municipal-mutual-aid"),
    "j-lis": ("agency", None),
    "sanjo-city": ("municipality", None),
    "toyohashi-city": ("municipality", None),
    "toyohashi-union": ("union", None),
    "miyazaki-governor": ("person", None),
    "miyakonojo-city": ("municipality", None),
    "shiga-governor": ("person", None),
    "ntt-communications": ("other", None),
    "toppan": ("other", None),
    "tokyo-shimbun": ("media", None),
    "asahi-shimbun": ("media", None),
    "nakano-masashi": ("expert", None),
}


def test_actors(case: Dossier) -> None:
    actors = _by_id(case.actors)
    for actor_id, (kind, parent) in EXPECTED_ACTORS.items():
        assert actor_id in actors, actor_id
        assert (actors[actor_id].kind.value, actors[actor_id].parent) == (kind, parent), actor_id
    assert actors["jichiroren"].short["ja"] == "自治労連"
    assert actors["mic"].name["ja"] == "総務省"
    assert actors["mic-municipal-tax-division"].name["ja"].endswith("市町村税課")
    assert actors["mic-welfare-division"].name["ja"].endswith("自治行政局公務員部福利課")
    assert actors["federation"].name["ja"] == "全国市町村職員共済組合連合会"
    assert actors["digital-government-council"].name["ja"] == "デジタル・ガバメント閣僚会議"


# --- what happened when --------------------------------------------------------------------------

#: (date, precision, kind) of every dated event the article gives.
EXPECTED_EVENTS = [
    (D(2017, 12, 13), "day", EventKind.meeting),
    (D(2017, 12, 15), "day", EventKind.notice),
    (D(2018, 2, 1), "month", EventKind.statement),
    (D(2018, 4, 1), "month", EventKind.other),
    (D(2019, 5, 15), "day", EventKind.legislation),
    (D(2019, 5, 24), "day", EventKind.legislation),
    (D(2019, 6, 4), "day", EventKind.meeting),
    (D(2019, 6, 5), "day", EventKind.notice),
    (D(2019, 6, 15), "day", EventKind.meeting),
    (D(2019, 6, 16), "day", EventKind.meeting),
    (D(2019, 6, 28), "day", EventKind.notice),
    (D(2019, 7, 10), "day", EventKind.request),
    (D(2019, 7, 17), "day", EventKind.request),
    (D(2019, 7, 18), "day", EventKind.request),
    (D(2019, 7, 23), "day", EventKind.request),
    (D(2019, 7, 30), "day", EventKind.statement),
    (D(2019, 8, 20), "day", EventKind.press),
    (D(2019, 9, 6), "day", EventKind.amendment),
    (D(2019, 9, 10), "day", EventKind.press),
    (D(2019, 9, 20), "day", EventKind.press),
    (D(2019, 9, 27), "day", EventKind.amendment),
    (D(2019, 10, 15), "day", EventKind.request),
    (D(2019, 10, 1), "month", EventKind.other),
    (D(2019, 11, 1), "day", EventKind.other),
    (D(2019, 11, 25), "day", EventKind.press),
    (D(2019, 12, 6), "day", EventKind.press),
]


def test_events_the_article_does_not_date_have_no_date(case: Dossier) -> None:
    """¶8 gives the month the system started ("1月") but not the year: no year is invented."""
    events = _by_id(case.events)
    start = events["e-mynumber-system-operation"]
    assert start.date is None and case.date_of(start.id) is None
    assert "1月" in start.cites[0].quote["ja"] and "年" in start.note["ja"]
    # the ¶69 date line is not said to be the re-edit's date
    line = events["e-2020-04-24-date-line"]
    assert line.kind is EventKind.other and "¶69" in case.get(SOURCE_ID).note["en"]


def test_dated_events(case: Dossier) -> None:
    have = {(e.date, e.precision.value, e.kind) for e in case.events}
    missing = [expected for expected in EXPECTED_EVENTS if expected not in have]
    assert not missing, missing
    events = _by_id(case.events)
    assert set(events["e-2017-12-13-meeting"].participants) >= {"jichiroren", "mic",
                                                                "cabinet-secretariat"}
    assert set(events["e-2019-07-18-federation-request"].participants) >= {
        "jichiroren", "jichiroren-kyosai-councillors", "federation"}
    assert events["e-2019-06-05-notice"].participants == ["mic-welfare-division"]


# --- demands and answers -------------------------------------------------------------------------

#: The requests the article lists without a date (¶9): to the Cabinet Office and the MIC.
PT_DEMANDS = ("d-pt-dv-victims", "d-pt-data-leaks", "d-pt-family-register", "d-pt-not-needed")

#: id -> (by, to, date)
EXPECTED_DEMANDS = {
    **{d: ({"jichiroren"}, {"cabinet-office", "mic"}, None) for d in PT_DEMANDS},
    "d-2017-12-13-no-printing": ({"jichiroren"}, {"mic", "cabinet-secretariat"}, D(2017, 12, 13)),
    "d-2017-12-13-information-linkage": ({"jichiroren"}, {"mic", "cabinet-secretariat"},
                                         D(2017, 12, 13)),
    "d-2018-toyohashi-rights": ({"toyohashi-union"}, {"toyohashi-city"}, D(2018, 2, 1)),
    "d-2019-07-10-shiga-no-compulsion": ({"shiga-jichiroren"}, {"shiga-governor"},
                                         D(2019, 7, 10)),
    "d-2019-07-17-chiba-no-compulsion": ({"jichiroren-chiba"}, {"chiba-municipal-mutual-aid"},
                                         D(2019, 7, 17)),
    "d-2019-07-18-kanshou": ({"jichiroren", "jichiroren-kyosai-councillors"}, {"federation"},
                             D(2019, 7, 18)),
    "d-2019-07-18-data-diversion": ({"jichiroren", "jichiroren-kyosai-councillors"},
                                    {"federation"}, D(2019, 7, 18)),
    "d-2019-07-23-no-compulsion": ({"jichiroren"}, {"mic"}, D(2019, 7, 23)),
    "d-2019-07-23-no-disadvantage-bodies": ({"jichiroren"}, {"mic"}, D(2019, 7, 23)),
    "d-2019-07-23-no-disadvantage-staff": ({"jichiroren"}, {"mic"}, D(2019, 7, 23)),
    "d-2019-07-23-no-survey": ({"jichiroren"}, {"mic"}, D(2019, 7, 23)),
    "d-2019-07-23-accurate-information": ({"jichiroren"}, {"mic"}, D(2019, 7, 23)),
    "d-2019-10-15-no-disadvantage-staff": ({"jichiroren"}, {"mic"}, D(2019, 10, 15)),
    "d-2019-10-15-no-competition": ({"jichiroren"}, {"mic"}, D(2019, 10, 15)),
    "d-2019-10-15-no-preprinted-forms": ({"jichiroren"}, {"mic"}, D(2019, 10, 15)),
}


def test_demands(case: Dossier) -> None:
    demands = _by_id(case.demands)
    assert set(demands) == set(EXPECTED_DEMANDS)
    for demand_id, (by, to, date) in EXPECTED_DEMANDS.items():
        demand = demands[demand_id]
        assert (set(demand.by), set(demand.to), case.date_of(demand_id)) == (by, to, date)
    per_date = Counter(case.date_of(d.id) for d in case.demands)
    assert per_date[D(2019, 7, 23)] == 5  # ①-④ of ¶46 and the request of ¶47
    assert per_date[D(2019, 10, 15)] == 3
    assert per_date[D(2019, 7, 18)] == 2
    assert per_date[D(2017, 12, 13)] == 2  # printing and information linkage (¶22)
    assert per_date[None] == 4  # the PT's requests (¶9)
    for demand_id in PT_DEMANDS:
        assert demands[demand_id].cites[0].locator == "¶9"
        assert demands[demand_id].note is not None
    assert demands["d-2018-toyohashi-rights"].precision is Precision.month


#: id -> (said, to, by, date); ``said`` is one value for every demand, or a value per demand
EXPECTED_RESPONSES = {
    "resp-2017-12-15-no-printing": (Said.accepted, ["d-2017-12-13-no-printing"],
                                    ["mic-municipal-tax-division"], D(2017, 12, 15)),
    "resp-2018-toyohashi-rights": (Said.accepted, ["d-2018-toyohashi-rights"],
                                   ["toyohashi-city"], D(2018, 4, 1)),
    "resp-2019-07-18-federation": ({"d-2019-07-18-kanshou": Said.deflected,
                                    "d-2019-07-18-data-diversion": Said.refused},
                                   ["d-2019-07-18-kanshou", "d-2019-07-18-data-diversion"],
                                   ["federation"], D(2019, 7, 18)),
    "resp-2019-07-23-no-compulsion": (Said.accepted, ["d-2019-07-23-no-compulsion"], ["mic"],
                                      D(2019, 7, 23)),
    "resp-2019-07-23-no-disadvantage-bodies": (Said.accepted,
                                               ["d-2019-07-23-no-disadvantage-bodies"], ["mic"],
                                               D(2019, 7, 23)),
    "resp-2019-07-23-no-disadvantage-staff": (Said.accepted,
                                              ["d-2019-07-23-no-disadvantage-staff"], ["mic"],
                                              D(2019, 7, 23)),
    "resp-2019-07-23-survey-consent": (Said.deflected, ["d-2019-07-23-no-survey"], ["mic"],
                                       D(2019, 7, 23)),
    "resp-2019-10-15-no-disadvantage": (Said.accepted, ["d-2019-10-15-no-disadvantage-staff"],
                                        ["mic"], D(2019, 10, 15)),
    "resp-2019-10-15-no-competition": ({"d-2019-10-15-no-competition": Said.accepted,
                                        "d-2019-07-23-no-survey": Said.refused},
                                       ["d-2019-10-15-no-competition", "d-2019-07-23-no-survey"],
                                       ["mic"], D(2019, 10, 15)),
    "resp-2019-10-15-no-preprinted": (Said.accepted, ["d-2019-10-15-no-preprinted-forms"],
                                      ["mic"], D(2019, 10, 15)),
}


def test_responses(case: Dossier) -> None:
    responses = _by_id(case.responses)
    assert set(responses) == set(EXPECTED_RESPONSES)
    for response_id, (said, to, by, date) in EXPECTED_RESPONSES.items():
        response = responses[response_id]
        per_demand = said if isinstance(said, dict) else dict.fromkeys(to, said)
        assert (said_by_demand(response), response.to, response.by,
                case.date_of(response_id)) == (per_demand, to, by, date), response_id
    assert responses["resp-2017-12-15-no-printing"].quote["ja"] == (
        "当面、特別徴収税額決定通知書にマイナンバーを記載しない")
    survey = responses["resp-2019-07-23-survey-consent"]
    assert survey.quote["ja"] == "取得状況の把握は同意し回答する人を想定している"
    assert said_for(survey, "d-2019-07-23-no-survey") is Said.deflected
    assert survey.note is not None  # why deflected rather than refused (audit row 11)


def test_the_federation_deflected_one_demand_and_refused_the_other(case: Dossier) -> None:
    """¶44: the responsibility put on the member associations (勧奨), and a clear "within the
    purpose ... not diversion or use outside the purpose" on the data."""
    federation = case.get("resp-2019-07-18-federation")
    assert said_for(federation, "d-2019-07-18-kanshou") is Said.deflected
    assert said_for(federation, "d-2019-07-18-data-diversion") is Said.refused
    assert "目的の範囲内と考えられる。流用や目的外使用とは考えていない" in federation.quote["ja"]


def test_the_15_october_answer_2_accepts_2_and_refuses_the_survey_demand(case: Dossier) -> None:
    """¶58 ②: "not meant to make municipalities compete" accepts ② of 15 October as worded;
    the follow-up "based on government documents" goes on, which turns down ④ of 23 July."""
    answer = case.get("resp-2019-10-15-no-competition")
    assert said_for(answer, "d-2019-10-15-no-competition") is Said.accepted
    assert said_for(answer, "d-2019-07-23-no-survey") is Said.refused
    assert "自治体に申請取得状況を競わせるものではない" in answer.quote["ja"]
    assert "政府文書でも取得状況のフォローアップが求められている" in answer.quote["ja"]


def test_unanswered_demands_are_the_ones_the_article_gives_no_answer_to(case: Dossier) -> None:
    answered = {demand for response in case.responses for demand in response.to}
    unanswered = {d.id for d in case.demands} - answered
    assert unanswered == {"d-2019-07-10-shiga-no-compulsion", "d-2019-07-17-chiba-no-compulsion",
                          "d-2017-12-13-information-linkage",
                          "d-2019-07-23-accurate-information", *PT_DEMANDS}
    for demand_id in unanswered:  # each says that no answer is reported
        note = case.get(demand_id).note
        assert note is not None and ("No answer" in note["en"] or "answers are not given"
                                     in note["en"]), demand_id


# --- what was done -------------------------------------------------------------------------------

#: id -> (by, date, kind, {(on, effect)}); ``None``: the article gives no date
EXPECTED_ACTIONS = {
    "a-2017-12-15-no-printing-notice": (["mic-municipal-tax-division"], D(2017, 12, 15), "notice",
                                        {("d-2017-12-13-no-printing", EffectType.fulfils)}),
    "a-2018-04-toyohashi-attendance-system": (
        ["toyohashi-city"], D(2018, 4, 1), "system",
        {("d-2018-toyohashi-rights", EffectType.partially_fulfils)}),
    "a-2019-06-05-notice": (["mic-welfare-division"], D(2019, 6, 5), "notice", set()),
    "a-2019-06-28-notice": (["mic"], D(2019, 6, 28), "notice", set()),
    # the national rules govern the national associations: no effect on claims about the
    # municipal ones; the local rules allow the data use the union said must not happen
    "a-2019-09-06-national-rules-amendment": (["government"], D(2019, 9, 6), "amendment", set()),
    "a-2019-09-27-local-rules-amendment": (
        ["government"], D(2019, 9, 27), "amendment",
        {("c-no-preprinted-application-forms", EffectType.contradicts)}),
    "a-jlis-card-order": (["j-lis"], None, "contract", set()),
    "a-miyazaki-campaign": (["miyazaki-governor"], None, "campaign", set()),
    "a-sanjo-attendance-system": (["sanjo-city"], None, "system", set()),
    "a-2019-10-national-push": (["government"], D(2019, 10, 1), "campaign", set()),
}


def test_actions_and_their_effects(case: Dossier) -> None:
    actions = _by_id(case.actions)
    assert set(actions) == set(EXPECTED_ACTIONS)
    for action_id, (by, date, kind, effects) in EXPECTED_ACTIONS.items():
        action = actions[action_id]
        assert (action.by, action.date, action.kind.value) == (by, date, kind), action_id
        assert {(e.on, e.type) for e in action.effects} == effects, action_id
    # actions whose date the article does not give have none, and say so
    for action_id in ("a-jlis-card-order", "a-miyazaki-campaign", "a-sanjo-attendance-system"):
        assert case.date_of(action_id) is None
        assert "undated" in actions[action_id].note["en"]
    for action_id in ("a-2019-09-06-national-rules-amendment",
                      "a-2019-09-27-local-rules-amendment"):
        assert "word order" in actions[action_id].note["en"]  # the date pairing (audit row 15)


# --- evidence ------------------------------------------------------------------------------------

#: (number, unit, as_of, scope in Japanese) of every figure the article gives.
EXPECTED_FIGURES = [
    (14.3, "%", D(2019, 11, 1), "全国"),
    (18233942, "cards", D(2019, 11, 1), "全国"),
    (20, "%", D(2019, 11, 1), "東京23区（特別区）"),
    (11.5, "%", D(2019, 11, 1), "町村"),
    (19.1, "%", D(2019, 11, 1), "東京都"),
    (8.2, "%", D(2019, 11, 1), "高知県"),
    (9.7, "%", D(2019, 11, 1), "福井県"),
    (19.5, "%", D(2019, 11, 1), "宮崎県"),
    (65, "%", None, "50歳以上"),
    (50, "%", None, "60歳以上"),
    (55000000, "cards", None, "J-LISの発注"),
    (26000000, "JPY", None, "豊橋市"),
    (950, "staff", D(2019, 11, 1), "三条市（行政機関）"),
    (60, "%", None, "豊橋市本庁勤務職員"),
]


def test_figures(case: Dossier) -> None:
    have = {(e.value.number, e.value.unit, e.value.as_of, e.value.scope["ja"])
            for e in case.evidence if e.value is not None}
    missing = [figure for figure in EXPECTED_FIGURES if figure not in have]
    assert not missing, missing
    # ¶26 「19年11月現在」 gives the month only
    assert case.get("ev-sanjo-950-staff").value.as_of_precision is Precision.month
    assert {e.value.as_of_precision for e in case.evidence
            if e.value is not None and e.id != "ev-sanjo-950-staff"} == {Precision.day}
    for evidence in case.evidence:
        if evidence.value is not None:
            assert evidence.value.measure is not None, evidence.id


def test_press_reports_are_sources_events_and_evidence(case: Dossier) -> None:
    newspapers = [s for s in case.sources if s.kind.value == "newspaper"]
    assert sorted(s.date for s in newspapers) == [
        D(2019, 8, 20), D(2019, 9, 10), D(2019, 9, 20), D(2019, 11, 25), D(2019, 12, 6)]
    press_dates = {e.date for e in case.events if e.kind is EventKind.press}
    for source in newspapers:
        reports = [e for e in case.evidence
                   if e.source == source.id and e.kind is EvidenceKind.press_report]
        assert len(reports) == 1, source.id
        assert case.date_of(reports[0].id) == source.date
        assert source.date in press_dates


def test_survey_expert_and_incidents(case: Dossier) -> None:
    evidence = _by_id(case.evidence)
    survey = evidence["ev-2018-cabinet-office-survey"]
    assert (survey.kind, survey.by, survey.source) == (
        EvidenceKind.survey, ["cabinet-office"], "cabinet-office-survey-2018")
    nakano = evidence["ev-nakano-analysis"]
    assert (nakano.kind, nakano.by, nakano.source) == (
        EvidenceKind.expert_opinion, ["nakano-masashi"], "asahi-2019-11-25")
    assert "踏み絵" in nakano.quote["ja"]
    incidents = {e.id for e in case.evidence if e.kind is EvidenceKind.incident}
    assert incidents == {"ev-incident-rikunabi", "ev-incident-kanagawa-hdd"}


# --- the argument --------------------------------------------------------------------------------


def _relations(case: Dossier, type_: RelationType) -> list[Relation]:
    return [r for r in case.relations if r.type is type_]


def test_main_positions(case: Dossier) -> None:
    mains = {c.id: c.by for c in case.claims if c.main}
    assert mains == {"c-jichiroren-main": ["jichiroren"],
                     "c-gov-civil-servants-lead": ["digital-government-council"]}
    supports = {r.from_[0] for r in _relations(case, RelationType.supports)
                if r.to == "c-jichiroren-main"}
    assert {"c-no-legal-obligation", "c-data-to-printer-out-of-purpose",
            "c-survey-intrudes-conscience", "c-no-preprinted-application-forms"} <= supports
    attacks = {(r.from_[0], r.to) for r in _relations(case, RelationType.attacks)}
    assert ("c-gov-civil-servants-lead", "c-jichiroren-main") in attacks
    assert ("c-jichiroren-main", "c-gov-civil-servants-lead") in attacks


def test_counter_arguments(case: Dossier) -> None:
    attacks = {(r.from_[0], r.to) for r in _relations(case, RelationType.attacks)}
    assert ("resp-2019-07-18-federation", "c-data-to-printer-out-of-purpose") in attacks
    assert ("resp-2019-07-23-survey-consent", "c-survey-intrudes-conscience") in attacks
    assert ("c-sanjo-no-residents-oppose", "c-jichiroren-main") in attacks
    assert ("c-sanjo-taxpayers-money", "c-jichiroren-main") in attacks
    assert ("a-2019-09-27-local-rules-amendment", "c-data-to-printer-out-of-purpose") in attacks
    # ¶54-55 answers the Federation's "within the purpose"; ¶40 answers the government's position
    assert ("c-rules-rewritten-after-the-fact", "resp-2019-07-18-federation") in attacks
    assert ("c-no-legal-obligation", "c-gov-civil-servants-lead") in attacks


def test_undercuts_target_the_rule_amendments(case: Dossier) -> None:
    relations = _by_id(case.relations)
    undercuts = _relations(case, RelationType.undercuts)
    assert undercuts
    for undercut in undercuts:
        target = relations[undercut.to]  # an undercut's target is a relation
        assert target.type is RelationType.attacks
        assert target.from_[0].startswith("a-2019-09-")
        assert undercut.from_ == ["c-rules-rewritten-after-the-fact"]


def test_both_sanjo_slogans_are_answered(case: Dossier) -> None:
    """¶26-27 lists both slogans with など and judges them in the same sentence: 「根拠のない住民合意
    を前提とする強権的な施策の推進」. That verdict attacks each of them."""
    for slogan in ("c-sanjo-no-residents-oppose", "c-sanjo-taxpayers-money"):
        rebuttals = [r for r in case.relations
                     if r.type is RelationType.attacks and r.to == slogan]
        assert [r.from_ for r in rebuttals] == [["c-sanjo-baseless"]], slogan
        assert "根拠のない住民合意" in rebuttals[0].cites[0].quote["ja"]
        note = case.get(slogan).note
        assert note is None or "no specific rebuttal" not in note["en"], slogan


def test_the_amendments_do_not_support_the_federation(case: Dossier) -> None:
    """¶52 「免罪するかのような」 and ¶54-55 「できなかったことをできるようにする」: the rules had to be
    rewritten because the use was not allowed before, so no amendment supports "within the
    purpose"; and every attack an amendment makes is undercut."""
    supports = {(r.from_[0], r.to) for r in _relations(case, RelationType.supports)}
    assert not {(a, "resp-2019-07-18-federation") for a in (
        "a-2019-09-06-national-rules-amendment", "a-2019-09-27-local-rules-amendment")} & supports
    undercut = {r.to for r in _relations(case, RelationType.undercuts)}
    for relation in case.relations:
        amendment = relation.from_[0].startswith("a-2019-09-")
        if amendment and relation.type is not RelationType.supports:
            assert relation.id in undercut, relation.id


def test_the_verdicts_are_the_articles(case: Dossier) -> None:
    """Grounded semantics: the union's main position stands (accepted), and so does its
    out-of-purpose claim; the tax-money slogan and the Federation's answer fall."""
    from argmap.semantics import framework_from_dossier, grounded
    from argmap.semantics.mapping import status_of

    labels = grounded(framework_from_dossier(case))
    expected = {"c-jichiroren-main": ("in", "accepted"),
                "c-data-to-printer-out-of-purpose": ("in", "accepted"),
                "c-no-preprinted-application-forms": ("in", "accepted"),
                "c-sanjo-taxpayers-money": ("out", "rejected"),
                "c-sanjo-no-residents-oppose": ("out", "rejected"),
                "c-gov-civil-servants-lead": ("out", "rejected"),
                "resp-2019-07-18-federation": ("out", "rejected")}
    for item_id, (label, status) in expected.items():
        assert (labels.label(item_id), status_of(case, item_id)) == (label, status), item_id
    assert not labels.undec


def test_every_argument_item_takes_part_in_the_argument(case: Dossier) -> None:
    """Claims and evidence are each linked to the argument; a demand is linked, or it is one the
    article reports with no answer and no reason given (its note says so)."""
    linked = {r.to for r in case.relations} | {p for r in case.relations for p in r.from_}
    linked |= {e.on for a in case.actions for e in a.effects}
    linked |= {d for r in case.responses for d in r.to}
    for item in [*case.claims, *case.evidence]:
        assert item.id in linked, item.id
    for demand in case.demands:
        assert demand.id in linked or demand.note is not None, demand.id
    assert all(r.id.startswith("r-") for r in case.relations)


def test_key_ids_exist_with_their_kinds(case: Dossier) -> None:
    kinds = {
        "c-jichiroren-main": Claim, "c-gov-civil-servants-lead": Claim,
        "c-data-to-printer-out-of-purpose": Claim, "c-survey-intrudes-conscience": Claim,
        "c-no-preprinted-application-forms": Claim, "c-rules-rewritten-after-the-fact": Claim,
        "d-2017-12-13-no-printing": Demand, "d-2019-07-23-no-survey": Demand,
        "resp-2019-07-23-survey-consent": Response, "a-2019-09-27-local-rules-amendment": Action,
        "ev-2019-11-01-issuance-rate": Evidence, "e-2019-07-23-mic-request": Event,
    }
    for item_id, model in kinds.items():
        assert type(case.get(item_id)) is model, item_id


# --- the article ---------------------------------------------------------------------------------
