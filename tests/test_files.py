"""Loading and saving dossier files: round trips and located errors, each with its exact message."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from argmap.errors import (
    DossierError,
    DuplicateIdError,
    DuplicateKeyError,
    FileError,
    RelationKindError,
    SchemaError,
    SyntaxProblem,
    UnknownReferenceError,
)
from argmap.io.files import dump, dumps, load, loads

GOOD = """
dossier:
  title: {ja: 事例, en: A case}
  languages: [ja, en]
actors:
  - id: union
    name: {ja: 組合, en: The union}
    kind: union
  - id: mic
    name: {ja: 総務省, en: MIC}
    kind: ministry
sources:
  - id: article
    title: An article
events:
  - id: e-0723
    date: 2019-07-23
    kind: request
    title: {ja: 要請, en: Request}
    participants: [union, mic]
demands:
  - id: d-no-survey
    text: {ja: 調査をしないこと, en: Do not survey}
    by: union
    to: mic
    at: e-0723
    cites:
      - source: article
        locator: ¶45
        quote: {ja: 調査, en: survey}
responses:
  - id: r-survey
    by: mic
    to: d-no-survey
    at: e-0723
    said: deflected
    quote: {ja: 同意し回答する人を想定, en: assumes those who consent}
"""


def _problems(path: Path) -> list[str]:
    with pytest.raises(DossierError) as info:
        load(path)
    return [p.format() for p in info.value.problems]


def _rel(path: Path) -> str:
    return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)


def test_round_trip_yaml_and_json(write, tmp_path):
    original = load(write("case.yaml", GOOD))
    for name in ("again.yaml", "again.json"):
        dump(original, tmp_path / name)
        assert load(tmp_path / name) == original


def test_dump_is_deterministic_and_keeps_japanese_readable(write):
    dossier = load(write("case.yaml", GOOD))
    text = dumps(dossier)
    assert text == dumps(load(write("copy.yaml", text)))
    assert "調査をしないこと" in text and "\\u" not in text
    assert "調査をしないこと" in dumps(dossier, "json")
    assert "date: 2019-07-23" in text  # dates written bare, as people write them


def test_single_id_stands_for_a_list(write):
    dossier = load(write("case.yaml", GOOD))
    assert dossier.get("d-no-survey").to == ["mic"]


def test_yaml_reads_core_schema_not_yaml_1_1(write):
    path = write("case.yaml", GOOD.replace("title: An article", "title: no"))
    assert load(path).get("article").title == "no"  # YAML 1.1 would have read False


SCALARS = """\
plain: text
quoted: "123"
empty:
nulls: [~, null, Null, NULL]
booleans: [true, True, FALSE, no, yes, on]
integers: [0, -12, +7, 0o17, 0x1F, 010]
floats: [1.5, -.5, 2e3, .inf, -.Inf, .nan]
dates: [2019-07-23, 2019-07-23T10:00:00]
odd: [<<, '<<', 0b101, 1_000, 12:30, =]
anchored: &a {x: [1, *a_inner]}
"""


@pytest.mark.parametrize("text", [
    SCALARS.replace(", *a_inner", ""),
    "claims:\n  - &one {id: a, text: x}\n  - *one\n",
    (Path(__file__).resolve().parents[1] / "claims" / "mynumber-card.yaml").read_text("utf-8"),
], ids=["scalars", "aliases", "example"])
def test_the_fast_yaml_pass_gives_what_the_careful_one_does(text):
    """The data built without keeping paths equals the data of the careful pass, which locates
    problems: YAML 1.2 core scalars, aliases, the example case."""
    import yaml

    from argmap.io import yaml_read
    root = yaml.compose(text, Loader=yaml_read.StrictLoader)
    careful = yaml_read._Builder("x", budget=10_000)._build(root, ())
    document = yaml_read.parse(text, "x")
    assert repr(document.data) == repr(careful)  # not ==: nan is not equal to itself


def test_unknown_reference_with_suggestion(write):
    path = write("case.yaml", GOOD.replace("to: d-no-survey", "to: d-no-surveys"))
    assert _problems(path) == [
        f"{_rel(path)}:33:9: responses[0].to[0]: unknown demand 'd-no-surveys' "
        "(did you mean 'd-no-survey'?)"
    ]


def test_all_problems_of_a_file_are_reported_together(write):
    text = (GOOD.replace("kind: ministry", "kind: ministri")
            .replace("    said: deflected", "    said: deflected\n    colour: red")
            .replace("date: 2019-07-23", "date: 2019-02-30"))
    path = write("case.yaml", text)
    rel = _rel(path)
    assert _problems(path) == [
        f"{rel}:10:11: actors[1].kind: 'ministri' is not one of: 'union', 'government', "
        "'ministry', 'agency', 'municipality', 'federation', 'council', 'media', 'expert', "
        "'person', 'group' or 'other'",
        f"{rel}:16:11: events[0].date: '2019-02-30' is not a valid date (expected YYYY-MM-DD): "
        "day value is outside expected range",
        f"{rel}:36:5: responses[0].colour: unknown field 'colour'",
    ]


def test_each_error_kind_has_its_class(write):
    cases = {
        "a: 1\na: 2\n": DuplicateKeyError,
        "actors:\n\t- id: x\n": SyntaxProblem,
        "actors: [\n": SyntaxProblem,
        "x: !!python/object:os.system ls\n": SyntaxProblem,
        "claims:\n  - id: c\n    txt: hello\n": SchemaError,
        "claims:\n  - id: c\n    text: hi\n    by: nobody\n": UnknownReferenceError,
        "claims:\n  - id: c\n    text: hi\n  - id: c\n    text: again\n": DuplicateIdError,
        "claims:\n  - id: c\n    text: hi\nrelations:\n  - {id: r, from: c, to: c, type: supports}\n":
            RelationKindError,
    }
    for text, error in cases.items():
        path = write("case.yaml", text)
        with pytest.raises(DossierError) as info:
            load(path)
        assert any(isinstance(p, error) for p in info.value.problems), (text, info.value)


def test_duplicate_key_names_both_lines(write):
    path = write("case.yaml", "actors:\n  - id: a\n    name: A\n    name: B\n    kind: union\n")
    assert _problems(path) == [
        f"{_rel(path)}:4:5: actors[0].name: duplicate key 'name' (first given on line 3)"
    ]


def test_tab_is_explained(write):
    path = write("case.yaml", "actors:\n\t- id: x\n")
    assert _problems(path) == [
        f"{_rel(path)}:2:1: YAML syntax error: a tab character where YAML allows only spaces "
        "(indent with spaces) (while scanning for the next token)"
    ]


def test_relation_between_forbidden_kinds(write):
    text = GOOD + "relations:\n  - {id: r1, from: union, to: d-no-survey, type: supports}\n"
    path = write("case.yaml", text)
    assert _problems(path) == [
        f"{_rel(path)}:38:20: relations[0].from[0]: 'union' is an actor, expected an action, "
        "claim, demand, evidence or response"
    ]


def test_answer_before_its_demand(write):
    text = GOOD.replace("    at: e-0723\n    said", "    date: 2019-07-01\n    said")
    path = write("case.yaml", text)
    problems = _problems(path)
    assert problems == [
        f"{_rel(path)}:33:9: responses[0].to[0]: answer dated 2019-07-01 is before demand "
        "'d-no-survey' (2019-07-23)"
    ]


def test_no_response_is_never_written(write):
    path = write("case.yaml", GOOD.replace("said: deflected", "said: no_response"))
    assert _problems(path) == [
        f"{_rel(path)}:35:11: responses[0].said: no_response is derived, never written: leave "
        "the demand without a response"
    ]


def test_folder_loads_as_one_dossier_and_duplicate_ids_name_both_files(write, tmp_path):
    write("case/a.yaml", "actors:\n  - id: union\n    name: U\n    kind: union\n")
    write("case/b.yaml", "claims:\n  - id: c\n    text: hi\n    by: union\n")
    dossier = load(tmp_path / "case")
    assert [i.id for _, _, i in dossier.items()] == ["union", "c"]
    write("case/c.yaml", "claims:\n  - id: union\n    text: again\n")
    problems = _problems(tmp_path / "case")
    assert problems == [
        f"{_rel(tmp_path / 'case/c.yaml')}:2:9: claims[0].id: duplicate id 'union', first "
        f"defined at {_rel(tmp_path / 'case/a.yaml')}:2:9"
    ]


def test_json_errors_are_located(write):
    data = {"actors": [{"id": "u", "name": "U", "kind": "union"}],
            "claims": [{"id": "c", "text": "t", "by": "v"}]}
    path = write("case.json", json.dumps(data, indent=2))
    assert _problems(path) == [
        f"{_rel(path)}:13:13: claims[0].by[0]: unknown actor 'v'"
    ]
    path = write("bad.json", '{"actors": [\n  {"id": "u",}\n]}')
    assert _problems(path) == [
        f"{_rel(path)}:2:14: JSON syntax error: Expecting property name enclosed in double quotes"
    ]
    path = write("dup.json", '{"actors": [],\n "actors": []}')
    assert _problems(path) == [f"{_rel(path)}:2:2: duplicate key 'actors'"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty file: a dossier file is a mapping with sections such as actors, claims, "
             "demands"),
        ("- a\n- b\n", "1:1: the file holds a list; a dossier file is a mapping with sections "
                       "such as actors, claims, demands"),
        ("hello\n", "1:1: the file holds a single value ('hello'); a dossier file is a mapping "
                    "with sections such as actors, claims, demands"),
    ],
)
def test_file_that_is_not_a_mapping(write, content, message):
    path = write("case.yaml", content)
    assert _problems(path) == [f"{_rel(path)}{':' if message[0].isdigit() else ': '}{message}"]


def test_unreadable_inputs(tmp_path):
    with pytest.raises(DossierError) as info:
        load(tmp_path / "missing.yaml")
    assert isinstance(info.value.problems[0], FileError)
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"actors:\n  - id: caf\xe9\n")
    with pytest.raises(DossierError, match=r"latin1.yaml:2:12: not UTF-8 text: byte 0xe9"):
        load(bad)


def test_loads_never_touch_the_input(write):
    path = write("case.yaml", GOOD)
    before = path.read_bytes(), path.stat().st_mtime_ns
    load(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_loads_from_text():
    assert loads(GOOD).get("mic").kind.value == "ministry"
