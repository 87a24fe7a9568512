"""AIF / xAIF import and export, on the shared real files and on a quirky fixture."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import importlib.util
import json
from pathlib import Path

import pytest
from conftest import CORPORA, corpus
from hypothesis import HealthCheck, given, settings
from strategies import dossiers

from argmap.checks import check
from argmap.dossier import Dossier
from argmap.errors import FormatError
from argmap.formats import aif, export, export_report, import_file, read_file
from argmap.model import Actor, Claim, Relation

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"




def structure(d: Dossier) -> tuple:
    """Claims (id, text, by, date) and relations (id, from, type, to, scheme)."""
    return (sorted((c.id, c.text, tuple(c.by), c.date) for c in d.claims),
            sorted((r.id, tuple(r.from_), r.type.value, r.to, r.scheme) for r in d.relations))


def test_aifdb_file_gives_claims_supports_speakers_and_locutions():
    path = corpus("aif/6064-original.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    result = read_file(path)
    dossier = result.dossier
    check(dossier)
    assert result.warnings == []
    assert len(dossier.claims) == 9 == sum(n["type"] == "I" for n in raw["nodes"])
    assert [r.type.value for r in dossier.relations] == ["supports"] * 5
    # 16 L nodes: 9 of the speakers CL and NL, 7 of the annotator M ("M: CL : words")
    assert sum(n["type"] == "L" for n in raw["nodes"]) == 16
    assert {a.name for a in dossier.actors} == {"CL", "NL"}
    assert all(a.kind.value == "person" for a in dossier.actors)
    (source,) = dossier.sources
    assert (source.author, source.kind.value) == ("M", "dataset")
    assert len(dossier.events) == 9 and all(e.kind.value == "statement" for e in dossier.events)
    by = {c.id: c.by for c in dossier.claims}
    assert by["111833"] == ["nl"] and by["111839"] == ["nl"] and by["29045"] == ["cl"]
    assert dossier.get("29053").date == dt.date(2014, 4, 28)  # L node stamp, not the re-upload
    said = dossier.get(dossier.get("29053").at)
    assert (said.title, said.participants, said.tags) == (
        ("and decided that this had taught an important lesson that the only way in which the "
         "British presence in Africa could be sustained was brutality"), ["cl"],
        ["locution", "time:15:51:38", "replies-to:111818"])
    assert "replies-to:29056" in dossier.get("29058").tags  # TA 111802: 29056 -> 29058
    ra = dossier.get("111814")
    assert isinstance(ra, Relation)
    assert (ra.from_, ra.to, ra.scheme) == (["111809"], "111805", "Default Inference")
    assert "illocution:Pure Questioning" in dossier.get("111829").tags
    assert ra.tags == []  # "Arguing" is what a support is anyway


def test_xaif_file_uses_scheme_fulfilments_and_locution_start():
    dossier = import_file(corpus("xaif/xaif.json"))
    check(dossier)
    assert [(c.id, c.text) for c in dossier.claims] == [
        ("2_164926129380455983", "A"), ("15_164926162804546033", "B")]
    (rel,) = dossier.relations
    assert (rel.from_, rel.to, rel.type.value, rel.scheme) == (
        ["15_164926162804546033"], "2_164926129380455983", "supports", "Default Inference")
    # "Anon: Participant Rachel: A" is Anon's analysis, not something Anon said
    assert {a.id: a.name for a in dossier.actors} == {"participant-rachel": "Participant Rachel"}
    assert [s.author for s in dossier.sources] == ["Anon"]
    for claim in dossier.claims:
        assert claim.by == ["participant-rachel"] and claim.date == dt.date(2021, 11, 11)


def test_quirks_fixture():
    result = read_file(FIXTURES / "quirks.aif.json")
    d = result.dossier
    assert [c.id for c in d.claims] == ["1", "2", "4_173158685654602051", "6", "8", "10"]
    rels = {r.id: (r.from_, r.type.value, r.to) for r in d.relations}
    assert rels == {
        "5": (["2", "4_173158685654602051"], "supports", "1"),
        "7": (["6"], "attacks", "2"),
        "9": (["8"], "undercuts", "5"),
        "11": (["10"], "rephrases", "1"),
    }
    assert d.get("5").scheme == "Argument From Consequences"
    assert d.get("2").tags == ["prefers:6"]
    assert {a.id: a.name for a in d.actors} == {"ana": "Ana", "bo": "Bo", "chris-doe": "Chris Doe"}
    one, eight, ten = d.get("1"), d.get("8"), d.get("10")
    assert (one.by, one.date) == (["ana"], dt.date(2020, 3, 5))
    assert (eight.by, eight.date, eight.tags) == (["bo"], dt.date(2020, 3, 4),
                                                  ["illocution:Challenging"])
    assert (ten.by, ten.date) == (["chris-doe"], dt.date(2020, 3, 6))
    assert any("unknown node" in w.message for w in result.warnings)


@pytest.mark.parametrize("name", ["aif/6064-original.json", "xaif/xaif.json", None])
def test_round_trip_keeps_structure(name):
    path = corpus(name) if name else FIXTURES / "quirks.aif.json"
    first = import_file(path)
    text = export(first, "aif")
    assert text == export(first, "aif")  # deterministic
    again = aif.load(text).dossier
    check(again)
    assert structure(again) == structure(first)
    assert {r.id: r.tags for r in again.relations} == {r.id: r.tags for r in first.relations}
    assert {c.id: c.tags for c in again.claims} == {c.id: c.tags for c in first.claims}
    doc = json.loads(text)
    kinds = {n["nodeID"]: n["type"] for n in doc["nodes"]}
    for edge in doc["edges"]:
        assert edge["fromID"] in kinds and edge["toID"] in kinds


def test_export_of_hand_made_dossier():
    d = Dossier(actors=[Actor(id="u", name="Union", kind="union")],
                claims=[Claim(id="a", text={"en": "A", "ja": "エー"}, by=["u"],
                              date=dt.date(2020, 1, 2)),
                        Claim(id="b", text="B"), Claim(id="c", text="C")],
                relations=[Relation(id="r", **{"from": ["b", "c"]}, to="a", type="supports"),
                           Relation(id="x", **{"from": ["c"]}, to="r", type="undercuts")])
    exported = export_report(d, "aif", lang="ja")
    assert exported.summary() == "nothing left out"
    doc = json.loads(exported.text)
    texts = {n["nodeID"]: (n["type"], n["text"]) for n in doc["nodes"]}
    assert texts["a"] == ("I", "エー") and texts["r"][0] == "RA" and texts["x"][0] == "CA"
    assert texts["a.l.u"] == ("L", "Union : エー")
    assert doc["locutions"] == [{"nodeID": "a.l.u", "personID": "u",
                                 "start": "2020-01-02 00:00:00"}]
    assert doc["participants"] == [{"participantID": "u", "firstname": "Union", "surname": ""}]
    assert aif.load(exported.text).dossier == d  # ids, actor kinds, both languages


def test_a_text_changed_in_another_tool_wins():
    d = Dossier(claims=[Claim(id="a", text={"en": "A", "ja": "エー"}),
                        Claim(id="b", text={"en": "B", "ja": "ビー"})])
    doc = json.loads(export(d, "aif", lang="en"))
    doc["nodes"][0]["text"] = "A, edited"
    doc["nodes"].append({"nodeID": "n1", "text": "New in OVA", "type": "I"})
    result = aif.load(json.dumps(doc), "edited.json")
    back = result.dossier
    assert back.get("a").text == "A, edited" and back.get("b").text == {"en": "B", "ja": "ビー"}
    assert back.get("n1").text == "New in OVA"
    assert [w.message for w in result.warnings] == [
        ("the text of 'a' was changed after argmap wrote the file; its other languages are "
         "dropped")]


def test_example_case_comes_back_equal(example):
    for lang in ("ja", "en"):
        exported = export_report(example, "aif", lang)
        assert exported.summary() == "nothing left out"
        back = aif.load(exported.text, "case.json")
        assert back.warnings == []
        assert back.dossier == example  # demands, answers, said, actions, events, sources, ...


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers())
def test_any_dossier_comes_back_equal(dossier):
    check(dossier)
    assert aif.load(export(dossier, "aif")).dossier == dossier


def test_dialogue_layer_is_kept_or_counted():
    result = read_file(FIXTURES / "dialogue.aif.json")
    d = result.dossier
    check(d)
    assert [a.name for a in d.actors] == ["Fiona Bruce", "Kate Green", "Unions", "Someone"]
    assert [s.author for s in d.sources] == ["Mascha"]  # the annotator is no speaker
    assert [(e.id, e.title, e.participants, e.tags) for e in d.events] == [
        ("10", "schools should reopen", ["fiona-bruce"], ["locution", "time:22:54:45"]),
        ("13", "children are falling behind", ["kate-green"],
         ["locution", "time:22:54:53", "replies-to:10"]),
        ("17", "is it safe, and should they reopen?", ["kate-green"],
         ["locution", "time:22:55:10", "replies-to:13", "transition:Challenging"]),
        ("21", "the unions say they disagree", ["fiona-bruce"], ["locution", "time:22:56:00"]),
        ("25", "the words of nobody in particular", [], ["locution", "time:10:00:00"])]
    assert d.events[0].date == dt.date(2020, 5, 7)  # the locution's start, not the node's stamp
    one, four, six = d.get("1"), d.get("4"), d.get("6")
    assert (one.by, one.date, one.at, one.tags) == (["fiona-bruce", "kate-green"],
                                                    dt.date(2020, 5, 7), "10", [])
    # two illocutions, both kept; the date of a locution with no speaker is kept too
    assert (four.by, four.date, four.at, four.tags) == (
        ["kate-green"], dt.date(2020, 5, 6), "25",
        ["illocution:Asserting", "illocution:Pure Questioning"])
    assert (six.by, six.date, six.tags) == (["unions", "someone"], None,
                                            ["illocution:Agreeing", "illocution:Asserting"])
    assert [(r.id, r.tags) for r in d.relations] == [("3", [])]  # the MA self-loop is left out
    assert [w.message for w in result.warnings] == [
        "1 self-loops (a node that supports, attacks or rephrases itself) left out (e.g. 5)",
        "2 locutions without a date (no event) left out (e.g. 22, 27)",
        "1 YA nodes (illocutions) anchoring nothing kept left out (e.g. 23)"]


@pytest.mark.parametrize("file", ["maps/nodeset17929.json", "a.b.json", "debate.", ".json",
                                  "maps/.hidden.json", "no-suffix", "dir/"])
def test_the_map_is_titled_by_its_file_name(file):
    doc = '{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}], "edges": []}'
    info = aif.load(doc, file).dossier.info
    assert (info.title if info else "") == Path(file).stem


def test_locutions_of_one_day_keep_their_own_times():
    nodes = [{"nodeID": "1", "text": "p", "type": "I"}]
    edges = []
    for n, stamp in enumerate(["2020-05-07 09:00:00", "2020-05-07T17:30:05Z",
                               "2020-05-08", "2020-13-01 10:00:00"]):
        nodes += [{"nodeID": f"l{n}", "text": f"Ann : p{n}", "type": "L", "timestamp": stamp},
                  {"nodeID": f"y{n}", "text": "Asserting", "type": "YA"}]
        edges += [{"fromID": f"l{n}", "toID": f"y{n}"}, {"fromID": f"y{n}", "toID": "1"}]
    result = aif.load(json.dumps({"nodes": nodes, "edges": edges}))
    assert [(e.id, e.date, e.tags) for e in result.dossier.events] == [
        ("l0", dt.date(2020, 5, 7), ["locution", "time:09:00:00"]),
        ("l1", dt.date(2020, 5, 7), ["locution", "time:17:30:05"]),
        ("l2", dt.date(2020, 5, 8), ["locution"])]
    assert result.dossier.claims[0].date == dt.date(2020, 5, 7)
    assert [w.message for w in result.warnings] == [
        "1 locutions without a date (no event) left out (e.g. l3)"]


QT30 = sorted((CORPORA / "aif" / "qt30").glob("*.json")) if CORPORA.exists() else []


@pytest.mark.skipif(not QT30, reason="shared corpus aif/qt30 not present")
def test_every_qt30_map_imports():
    seen: dict[str, int] = {}
    for path in QT30:
        raw = json.loads(path.read_text(encoding="utf-8"))
        result = read_file(path)
        d = result.dossier
        assert len(d.claims) == sum(n["type"] == "I" for n in raw["nodes"]), path.name
        annotators = {name for s in d.sources for name in str(s.author).split(", ")}
        assert not annotators & {a.name for a in d.actors}, path.name  # no annotator speaks
        seen["maps naming annotators"] = seen.get("maps naming annotators", 0) + bool(annotators)
        assert d.events and all("locution" in e.tags for e in d.events)
        for warning in result.warnings:
            count, kind = warning.message.split(" ", 1)
            kind = kind.split(" left out")[0]
            seen[kind] = seen.get(kind, 0) + int(count)
    # three maps hold a node that rephrases itself: read, with a warning each
    assert seen["self-loops (a node that supports, attacks or rephrases itself)"] == 3
    assert seen["maps naming annotators"] == len(QT30) - 1  # nodeset25468 has no analysis nodes


@pytest.mark.skipif(importlib.util.find_spec("arguebuf") is None,
                    reason="arguebuf is not installed (test extra; needs Python >= 3.11)")
def test_arguebuf_reads_our_export(example, tmp_path):
    import arguebuf

    path = tmp_path / "case.json"
    path.write_text(export(example, "aif", "en"), encoding="utf-8")
    graph = arguebuf.load.file(path)
    items = [*example.claims, *example.demands, *example.responses, *example.evidence,
             *example.actions]
    assert set(graph.atom_nodes) == {item.id for item in items}
    assert len(graph.scheme_nodes) == len(example.relations)
    if int(importlib.metadata.version("arguebuf").split(".")[0]) >= 3:  # 2.x skips speakers
        assert set(graph.participants) >= {a for item in items for a in getattr(item, "by", [])}
    demand = example.demands[0]
    assert graph.atom_nodes[demand.id].plain_text == demand.text["en"]


@pytest.mark.parametrize("text, line", [
    ('{"nodes": [\n  {"nodeID": 1,, }]}', 2),
    ('[1, 2]', None),
    ('{"nodes": [{"text": "no id", "type": "I"}], "edges": []}', None),
    ('{"nodes": [], "edges": [{"edgeID": 1}]}', None),
    ('{"nodes": "x", "edges": []}', None),
])
def test_bad_files_are_format_errors(text, line):
    with pytest.raises(FormatError) as info:
        aif.load(text, "bad.json")
    assert info.value.file == "bad.json"
    assert info.value.line == line
