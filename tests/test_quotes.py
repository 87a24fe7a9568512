"""Quote and paraphrase kept apart in every output.

Only words verbatim in the source (a ``quote``, or a citation's ``quote``) may appear in quotation
marks or a blockquote, credited to that source; an item's ``text`` is the writer's words and is
shown as such. These tests walk every quotation in the brief (Markdown and HTML, English and
Japanese), ``argmap summary``, the ``status`` and ``timeline`` rows and tables, and the
ClaimReview export, for the example case, for a case written to trip them up
(``tests/fixtures/brief/protest.yaml``: answers whose summary differs from their words, writer's
texts that quote, quotes in translation) and for generated dossiers; the interactive page's panel
is walked in ``test_page_browser.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quotes import (
    Record, check_blockquote, check_text, html_blockquotes, html_text, markdown_blockquotes,
    quoted_spans
)
from rich.console import Console

from argmap.brief import brief, build_brief
from argmap.dossier import Dossier
from argmap.formats import claimreview
from argmap.io.files import load
from argmap.lang import pick
from argmap.reports.rows import rows_to_table, status_rows, timeline_rows
from argmap.reports.summary import summary_text
from argmap.words import word

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "claims" / "mynumber-card.yaml"
PROTEST = ROOT / "tests" / "fixtures" / "brief" / "protest.yaml"
CASES = {"example": (EXAMPLE, "jichiroren"), "protest": (PROTEST, "protesters")}
TODAY = dt.date(2020, 4, 24)


@pytest.fixture(scope="module")
def dossiers() -> dict[str, Dossier]:
    return {name: load(path) for name, (path, _) in CASES.items()}


def _labels(dossier: Dossier, side: str, lang: str) -> dict[str, str]:
    """The brief's source labels, as its source list gives them, to source ids."""
    return {s.label: s.id for s in build_brief(dossier, side, lang=lang).sources}


def _source_ids(dossier: Dossier) -> dict[str, str]:
    return {s.id: s.id for s in dossier.sources}


def _summaries(dossier: Dossier) -> list[str]:
    """Every response's ``text`` that is not also its quote: never to be quoted."""
    out = []
    for response in dossier.responses:
        quotes = set(_all(response.quote))
        out += [t for t in _all(response.text) if t not in quotes]
    return out


def _all(text: object) -> list[str]:
    if text is None:
        return []
    return list(text.values()) if isinstance(text, dict) else [str(text)]


def _never_quoted(output: str, summaries: list[str]) -> None:
    for text in summaries:
        for opening in ("“", "「", '"'):
            assert opening + text[:30] not in output, f"a summary in quotation marks: {text!r}"


# --- the brief ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_brief_quotes_only_words_on_record_credited_to_their_source(dossiers, case, lang):
    dossier, side = dossiers[case], CASES[case][1]
    record, labels = Record(dossier), _labels(dossier, side, lang)
    text = brief(dossier, side, lang=lang)
    assert check_text(text, record, labels) >= 3
    quotes = markdown_blockquotes(text)
    assert quotes
    for quote in quotes:
        check_blockquote(quote, record, labels)
    page = brief(dossier, side, lang=lang, format="html", with_map=False)
    assert check_text(html_text(page), record, labels) >= 3
    for quote in html_blockquotes(page):
        check_blockquote(quote, record, labels)
    _never_quoted(text, _summaries(dossier))
    _never_quoted(page, _summaries(dossier))


def test_the_protest_case_keeps_summary_and_words_apart(dossiers):
    text = brief(dossiers["protest"], "protesters")
    # the summary is the writer's, marked as such; the words are the government's, quoted and
    # credited, in translation (the press release is in Chinese)
    assert "- In our words: The government declined to retract the bill." in text
    assert "> “the bill is suspended” (the Government 2019, no. 8; our translation)" in text
    # an answer on file only by our summary is never put in a blockquote
    refusal = text[text.index("### The Government, 10 July 2019: Refused"):]
    refusal = refusal[:refusal.index("\n### ")]
    assert "> " not in refusal
    assert ("- In our words: The government refused an independent inquiry and pointed to the "
            "police complaints council. (The Daily Record 2019, p. 7)") in refusal
    # with no Japanese on file, a Japanese brief quotes the English, marked as a translation
    assert "「the bill is suspended」 (the Government 2019, no. 8; 翻訳)" in brief(
        dossiers["protest"], "protesters", lang="ja")


# --- summary, status, timeline ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_summary_quotes_only_words_on_record(dossiers, case, lang):
    dossier = dossiers[case]
    text = summary_text(dossier, lang=lang)
    assert check_text(text, Record(dossier), _source_ids(dossier)) >= 2
    _never_quoted(text, _summaries(dossier))


def _table_text(rows: list[dict], lang: str, columns: tuple[str, ...] | None = None) -> str:
    console = Console(record=True, width=400, color_system=None)
    console.print(rows_to_table(rows, columns=columns, lang=lang))
    return console.export_text()


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_timeline_keeps_the_words_apart_from_the_summary(dossiers, case, lang):
    dossier = dossiers[case]
    record = Record(dossier)
    rows = timeline_rows(dossier, lang=lang)
    quoted = 0
    for row in rows:
        item = dossier.get(row["id"])
        # the quote column holds the item's own words, verbatim; the text never holds them
        if row["quote"]:
            assert row["quote"] == " ".join(pick(item.quote, lang).split()) or \
                row["quote"] == pick(item.quote, lang)
        if row["kind"] == "response":
            assert row["text"] == pick(item.text, lang)
        # the table shows each row's quote in quotation marks, credited by the row's source
        # (the text cell is read whole: the terminal wraps it)
        table = rows_to_table([row], columns=("date", "kind", "text", "source"), lang=lang)
        heading = word("report.text", lang)  # the column's heading, in the table's language
        shown = next(c for c in table.columns if c.header == heading)._cells[0].plain
        for span in quoted_spans(shown):
            if record.writers_marks(span, shown):
                continue
            assert record.credited(span.words, [row["source"]], [row["locator"] or ""]), span
            quoted += 1
    assert quoted >= 2
    assert json.loads(json.dumps(rows)) == rows


@pytest.mark.parametrize("case", sorted(CASES))
def test_status_rows_and_table_quote_nothing(dossiers, case):
    dossier = dossiers[case]
    rows = status_rows(dossier, today=TODAY)
    shown = _table_text(rows, "en")
    record = Record(dossier)
    assert all(record.writers_marks(s, shown) for s in quoted_spans(shown))


# --- an export with a quotation field ------------------------------------------------------------


def test_claimreview_quotations_are_verbatim_and_credited(dossiers):
    dossier = dossiers["protest"].model_copy(deep=True)
    main = next(c for c in dossier.claims if c.id == "c-main")
    main.verdict = claimreview_verdict()
    doc = json.loads(claimreview.dump(dossier, "en"))
    review = doc["@graph"][0]
    # claimReviewed is a summary (schema.org): the writer's words, never a quotation
    assert review["claimReviewed"] == pick(main.text, "en")
    quotations = [a for a in review["itemReviewed"]["appearance"] if a["@type"] == "Quotation"]
    assert quotations
    record = Record(dossier)
    for quotation in quotations:
        source = quotation["isPartOf"]["@id"].removeprefix("#")
        assert record.credited(quotation["text"], [source]), quotation


def claimreview_verdict():
    from argmap.model import Verdict

    return Verdict(rating="Accurate", by="paper", date=dt.date(2019, 7, 1))


# --- generated dossiers ------------------------------------------------------------------------

_WORDS = st.lists(st.sampled_from(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
                                   "golf", "hotel"]), min_size=1, max_size=6).map(" ".join)


@st.composite
def answered_cases(draw) -> Dossier:
    """A union's demands to a ministry, answered with summaries and words drawn apart: each
    answer has a text, a quote, both (different) or neither but a citation's quote."""
    demands, responses, actions = [], [], []
    said = st.sampled_from(["acknowledged", "deflected", "under_consideration",
                            "partially_accepted", "accepted", "refused", "not_yet_rated"])
    for n in range(draw(st.integers(1, 4))):
        demands.append({"id": f"d{n}", "text": "demand " + draw(_WORDS), "by": "u", "to": "m",
                        "date": f"2020-01-0{n + 1}", "cites": [{"source": "s", "locator": f"¶{n}"}]})
        shape = draw(st.sampled_from(["text", "quote", "both", "cite"]))
        response: dict = {"id": f"r{n}", "by": "m", "to": f"d{n}", "said": draw(said),
                          "date": f"2020-02-0{n + 1}"}
        cite: dict = {"source": "s", "locator": f"p. {n}"}
        if shape in ("text", "both", "cite"):
            response["text"] = "summary " + draw(_WORDS)
        if shape in ("quote", "both"):
            response["quote"] = "words " + draw(_WORDS)
        if shape == "cite":
            cite["quote"] = "reported " + draw(_WORDS)
        response["cites"] = [cite]
        responses.append(response)
        if draw(st.booleans()):
            actions.append({"id": f"a{n}", "by": "m", "date": f"2020-03-0{n + 1}",
                            "kind": "decision", "text": "act " + draw(_WORDS),
                            "effects": [{"on": draw(st.sampled_from([f"d{n}", f"r{n}"])),
                                         "type": draw(st.sampled_from(
                                             ["fulfils", "contradicts", "reverses", "fails"]))}],
                            "cites": [{"source": "s"}]})
    return Dossier.model_validate({
        "dossier": {"title": "Generated"},
        "actors": [{"id": "u", "name": "Union", "kind": "union"},
                   {"id": "m", "name": "Ministry", "kind": "ministry"}],
        "sources": [{"id": "s", "title": "Minutes", "author": "Union", "date": "2020-04-01"}],
        "claims": [{"id": "c", "text": "claim " + draw(_WORDS), "by": "u", "main": True}],
        "demands": demands, "responses": responses, "actions": actions})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answered_cases())
def test_any_dossier_quotes_only_words_on_record(dossier):
    record = Record(dossier)
    labels = _labels(dossier, "u", "en")
    for lang in ("en", "ja"):
        text = brief(dossier, "u", lang=lang)
        check_text(text, record, _labels(dossier, "u", lang))
        for quote in markdown_blockquotes(text):
            check_blockquote(quote, record, _labels(dossier, "u", lang))
        _never_quoted(text, _summaries(dossier))
    page = brief(dossier, "u", format="html", with_map=False)
    check_text(html_text(page), record, labels)
    summary = summary_text(dossier)
    check_text(summary, record, _source_ids(dossier))
    _never_quoted(summary, _summaries(dossier))
    for row in timeline_rows(dossier):
        if row["kind"] == "response":
            response = dossier.get(row["id"])
            assert row["text"] == (response.text or "") and row["quote"] == (response.quote or "")
