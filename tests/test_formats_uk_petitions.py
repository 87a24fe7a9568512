"""UK Parliament petitions import: the real files of both layouts, the site's list and single
answers, folders, and what a tracker relies on (verbatim answers, not yet rated, rejections)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPORA

from argmap.cli import cli
from argmap.errors import FormatError
from argmap.formats import guess_format, read_each, read_file
from argmap.formats.uk_petitions import KNOWN_ATTRIBUTES, load_folder
from argmap.graph import build_graph
from argmap.io.files import dump, load
from argmap.model import Said
from argmap.queries import answered_on_paper
from argmap.tracking import demand_status

FIXTURES = Path(__file__).parent / "fixtures" / "uk-petitions"
PETITIONS = CORPORA / "uk-petitions"


def _real() -> Path:
    if not (PETITIONS / "flat").is_dir():
        pytest.skip("../shared/corpora/uk-petitions is not present (the shared corpora are "
                    "outside the repository)")
    return PETITIONS


def _files(folder: Path) -> list[Path]:
    return sorted((folder / "flat").glob("*.json")) + sorted((folder / "2017").glob("*.json"))


@pytest.fixture(scope="module")
def corpus():
    """The 60 real petitions imported as one dossier (both layouts)."""
    return load_folder(_real())


def test_every_real_file_imports_alone_and_is_guessed(tmp_path):
    for path in _files(_real()):
        assert guess_format(path, path.read_bytes()) == "uk-petitions", path
        imported = read_file(path)
        raw = json.loads(path.read_bytes())
        demand = imported.dossier.get(f"petition-{raw['id']}")
        assert demand.text == raw["attributes"]["action"].strip()
        # what is written reads back as the same dossier
        target = dump(imported.dossier, tmp_path / f"{raw['id']}.yaml")
        assert load(target) == imported.dossier


def test_both_layouts_in_one_dossier(corpus):
    dossier = corpus.dossier
    assert len(dossier.demands) == 60
    flat, later = dossier.get("petition-104796"), dossier.get("petition-200004")
    assert str(flat.date) == "2015-07-24" and flat.at == "petition-104796-opened"  # open_at
    assert str(later.date) == dossier.get("petition-200004-opened").date.isoformat()  # opened_at


def test_answers_quote_the_summary_verbatim_and_are_not_yet_rated(corpus):
    dossier = corpus.dossier
    answered = 0
    for path in _files(_real()):
        raw = json.loads(path.read_bytes())
        response = raw["attributes"]["government_response"]
        if response is None:
            assert dossier.find(f"petition-{raw['id']}-response") is None
            continue
        answered += 1
        answer = dossier.get(f"petition-{raw['id']}-response")
        assert answer.said is Said.not_yet_rated
        assert answer.quote == response["summary"].replace("\r\n", "\n").strip()
        assert answer.date.isoformat() == raw["attributes"]["government_response_at"][:10]
        assert answer.cites[0].quote == response["details"].replace("\r\n", "\n").strip()
        assert answer.to == [f"petition-{raw['id']}"]
    assert answered == 21


def test_departments_named_in_responses_are_the_addressees(corpus):
    dossier = corpus.dossier
    bees = dossier.get("petition-104796")
    assert bees.to == ["department-for-environment-food-and-rural-affairs"]
    defra = dossier.get(bees.to[0])
    # three spellings in the files, one department
    assert defra.parent == "uk-government" and "Food & Rural Affairs" in defra.note
    assert dossier.get("petition-104796-response").by == bees.to
    assert dossier.get("petition-200021").to == ["home-office"]
    # no answer: the petition is put to the government as a whole
    assert dossier.get("petition-104317").to == ["uk-government"]


def test_debates_with_their_sources_and_declined_debates(corpus):
    dossier = corpus.dossier
    debate = dossier.get("petition-104796-debate")
    assert str(debate.date) == "2015-12-07" and debate.kind.value == "hearing"
    cited = {c.source for c in debate.cites}
    assert {"petition-104796-transcript", "petition-104796-video"} <= cited
    assert dossier.get("petition-104796-transcript").url.startswith("https://hansard.parliament")
    # 104471: the committee declined to debate (debated_on null, an overview)
    declined = dossier.get("petition-104471-no-debate")
    assert declined.kind.value == "decision" and "petitions-committee" in declined.participants
    assert "not to schedule a debate" in declined.note
    assert dossier.find("petition-104471-debate") is None
    # 2017 layout: the debate pack is a source too
    assert dossier.find("petition-200004-debate-pack") is not None


def test_thresholds_and_signatures(corpus):
    dossier = corpus.dossier
    assert str(dossier.get("petition-104796-response-threshold").date) == "2015-07-26"
    assert dossier.find("petition-104796-debate-threshold") is None  # null in the file
    figure = dossier.get("petition-104796-signatures").value
    assert (figure.number, figure.unit, str(figure.as_of)) == (99909, "signatures", "2016-08-18")


def test_a_rejection_is_not_a_government_refusal(corpus):
    dossier = corpus.dossier
    demand = dossier.get("petition-200040")
    assert {"rejected", "rejected-duplicate"} <= set(demand.tags)
    assert not [r for r in dossier.responses if "petition-200040" in r.to]
    event = dossier.get("petition-200040-rejected")
    assert event.participants[0] == "petitions-committee"
    assert event.note == "https://petition.parliament.uk/petitions/200071"
    status = demand_status(dossier)["petition-200040"]
    assert status.said is Said.no_response
    assert not any(r.said is Said.refused for r in dossier.responses)


def test_a_petition_short_of_the_response_threshold_was_owed_no_answer(corpus, tmp_path):
    dossier = corpus.dossier
    short = dossier.get("petition-200005")  # 8,457 signatures, open, no response
    assert "no-answer-due" in short.tags
    assert short.note == ("No answer was due: the government responds to a petition once it has "
                          "10,000 signatures, and it had 8,457 as of 2018-01-24.")
    for answered in ("petition-104796", "petition-104471"):  # responded to
        assert "no-answer-due" not in dossier.get(answered).tags
    assert "no-answer-due" not in dossier.get("petition-200040").tags  # rejected: apart already
    due = [d.id for d in dossier.demands if "no-answer-due" in d.tags]
    assert len(due) == 28  # every open or closed petition without a response in the corpus
    # a petition past the threshold still waiting for its response is not tagged
    obj = json.loads((FIXTURES / "folder" / "300004.json").read_text())
    assert "no-answer-due" in read_file(FIXTURES / "folder" / "300004.json").dossier.get(
        "petition-300004").tags
    obj["attributes"]["response_threshold_reached_at"] = "2019-01-10T10:00:00.000Z"
    waiting = tmp_path / "waiting.json"
    waiting.write_text(json.dumps(obj))
    demand = read_file(waiting).dossier.get("petition-300004")
    assert "no-answer-due" not in demand.tags and demand.note is None
    obj["attributes"]["response_threshold_reached_at"] = None
    obj["attributes"]["signature_count"] = 10_000  # the count says so even where the date is null
    waiting.write_text(json.dumps(obj))
    assert "no-answer-due" not in read_file(waiting).dossier.get("petition-300004").tags


def test_not_yet_rated_is_answered_but_neither_on_paper_nor_kept(corpus):
    dossier = corpus.dossier
    statuses = demand_status(dossier)
    rated = statuses["petition-104796"]
    assert rated.said is Said.not_yet_rated and not rated.on_paper and rated.answers
    assert rated.done.value == "unrated"
    assert "petition-104796" not in answered_on_paper(build_graph(dossier))


def test_what_is_not_held_is_a_warning_by_kind_and_count(corpus):
    messages = [str(w) for w in corpus.warnings]
    assert any("signatures_by_constituency not held (303 entries in 1 petition)" in m
               and m.startswith(str(PETITIONS / "2017" / "200035.json"))
               for m in messages), messages
    assert any("signatures_by_country not held (14 entries in 1 petition)" in m
               for m in messages)
    assert len(messages) == 2
    # every attribute of every real file is read, or warned about
    for path in _files(_real()):
        for key in json.loads(path.read_bytes())["attributes"]:
            assert key in KNOWN_ATTRIBUTES or key.startswith("signatures_by_"), key


# --- fixtures of our own --------------------------------------------------------------------


def test_the_sites_list_format():
    imported = read_file(FIXTURES / "list.json")
    dossier = imported.dossier
    assert [d.id for d in dossier.demands] == ["petition-300001", "petition-300002",
                                               "petition-300003"]
    tenants = dossier.get("petition-300001")
    assert tenants.to == ["ministry-of-justice"] and "topic-housing" in tenants.tags
    assert tenants.cites[0].quote == "Tenants lose homes they could keep.\nAdvice helps."
    assert dossier.get("petitioners-300001").note == "Started by A. Tenant"
    answer = dossier.get("petition-300001-response")
    assert answer.note.startswith("Updated on 2018-03-20")
    # a declined debate dated by debate_outcome_at
    assert str(dossier.get("petition-300001-no-debate").date) == "2018-04-10"
    # departments named by the file itself; responded_on is the answer's date
    rail = dossier.get("petition-300003")
    assert rail.to == ["department-for-transport"]
    assert str(dossier.get("petition-300003-response").date) == "2018-06-14"
    assert "Outcome published 2018-10-20." in dossier.get("petition-300003-debate").note
    assert dossier.get("petition-300003-debate-pack").url.endswith("example")
    # rejected: never opened, made on the day it was created
    noise = dossier.get("petition-300002")
    assert str(noise.date) == "2018-01-03" and noise.at is None
    assert "rejected-no-action" in noise.tags
    messages = sorted(w.message for w in imported.warnings)
    assert messages == ["attribute 'other_parliament_business' not held (1 petition)",
                        "signatures_by_region not held (2 entries in 1 petition)"]


def test_the_sites_single_answer_and_open_at():
    dossier = read_file(FIXTURES / "single-api.json").dossier
    assert dossier.info.title == "UK Parliament petition 300004: Keep the library open on Sundays"
    assert str(dossier.get("petition-300004").date) == "2019-01-02"
    assert dossier.info.source == "petition-300004-page"
    assert dossier.get("petition-300004-page").url == "https://petition.parliament.uk/petitions/300004"


def test_a_folder_keeps_the_latest_copy_of_a_petition():
    imported = read_file(FIXTURES / "folder", "uk-petitions")
    dossier = imported.dossier
    assert [d.id for d in dossier.demands] == ["petition-300001", "petition-300004"]
    assert dossier.get("petition-300001-signatures").value.number == 12345  # updated last
    assert any(w.message.startswith("petition found twice") for w in imported.warnings)


@pytest.mark.parametrize("name, message", [
    ("bad-type.json", "the file is not a petition"),
    ("bad-date.json", "petition 300001: created_at: 'yesterday' is not a date or timestamp"),
    ("bad-json.json", "invalid JSON"),
])
def test_bad_files_name_the_file_and_field(name, message):
    with pytest.raises(FormatError) as info:
        read_file(FIXTURES / name, "uk-petitions")
    assert message in str(info.value)
    assert str(info.value).startswith(str(FIXTURES / name))


def test_bad_file_in_a_folder_is_named(tmp_path):
    (tmp_path / "ok.json").write_bytes((FIXTURES / "folder" / "300004.json").read_bytes())
    (tmp_path / "broken.json").write_text('{"type": "petition", "id": 3,\n"attributes": [}')
    with pytest.raises(FormatError) as info:
        read_file(tmp_path, "uk-petitions")
    assert info.value.file == str(tmp_path / "broken.json") and info.value.line == 2


def test_empty_list_is_an_error():
    with pytest.raises(FormatError, match="no petitions"):
        from argmap.formats import read_bytes

        read_bytes(b'{"data": [], "links": {}}', "uk-petitions", "empty.json")


def test_one_dossier_per_petition():
    parts, warnings = read_each(FIXTURES / "list.json", "uk-petitions")
    assert [name for name, _ in parts] == ["petition-300001", "petition-300002",
                                           "petition-300003"]
    assert all(len(imported.dossier.demands) == 1 for _, imported in parts)
    assert len(warnings) == 2


def test_cli_import_folder_and_each(tmp_path):
    runner = CliRunner()
    out = tmp_path / "petitions.yaml"
    done = runner.invoke(cli, ["import", str(FIXTURES / "folder"), "--from", "uk-petitions",
                               "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert "warning: " in done.stderr and "petition found twice" in done.stderr
    assert len(load(out).demands) == 2
    each = tmp_path / "each"
    done = runner.invoke(cli, ["import", str(FIXTURES / "list.json"), "--each", "-o", str(each)])
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in each.iterdir()) == [
        "petition-300001.yaml", "petition-300002.yaml", "petition-300003.yaml"]
    done = runner.invoke(cli, ["import", str(FIXTURES / "folder"), "--from", "aif",
                               "-o", str(tmp_path / "x.yaml")])
    assert done.exit_code == 1 and "aif cannot do this" in done.stderr
    assert not (tmp_path / "x.yaml").exists()
