"""AIF / xAIF import and export, on the shared real files and on a quirky fixture."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import corpus

from argmap.checks import check
from argmap.dossier import Dossier
from argmap.errors import FormatError
from argmap.formats import aif, export, import_file, read_file
from argmap.model import Actor, Claim, Relation

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"




def structure(d: Dossier) -> tuple:
    """Claims (id, text, by, date) and relations (id, from, type, to, scheme)."""
    return (sorted((c.id, c.text, tuple(c.by), c.date) for c in d.claims),
            sorted((r.id, tuple(r.from_), r.type.value, r.to, r.scheme) for r in d.relations))


def test_aifdb_file_gives_claims_supports_and_speakers():
    path = corpus("aif/6064-original.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    dossier = import_file(path)
    check(dossier)
    assert len(dossier.claims) == 9 == sum(n["type"] == "I" for n in raw["nodes"])
    assert [r.type.value for r in dossier.relations] == ["supports"] * 5
    # every L node's speaker (text before the first colon) is an actor of kind person
    speakers = {n["text"].split(":", 1)[0].strip() for n in raw["nodes"] if n["type"] == "L"}
    assert sum(n["type"] == "L" for n in raw["nodes"]) == 16
    assert {a.name for a in dossier.actors} == speakers == {"CL", "M", "NL"}
    assert all(a.kind.value == "person" for a in dossier.actors)
    by = {c.id: c.by for c in dossier.claims}
    assert by["111833"] == ["nl"] and by["111839"] == ["nl"] and by["29045"] == ["cl"]
    assert dossier.get("29053").date == dt.date(2014, 4, 28)  # L node stamp, not the re-upload
    ra = dossier.get("111814")
    assert isinstance(ra, Relation)
    assert (ra.from_, ra.to, ra.scheme) == (["111809"], "111805", "Default Inference")
    assert "illocution:Pure Questioning" in dossier.get("111829").tags


def test_xaif_file_uses_scheme_fulfilments_and_locution_start():
    dossier = import_file(corpus("xaif/xaif.json"))
    check(dossier)
    assert [(c.id, c.text) for c in dossier.claims] == [
        ("2_164926129380455983", "A"), ("15_164926162804546033", "B")]
    (rel,) = dossier.relations
    assert (rel.from_, rel.to, rel.type.value, rel.scheme) == (
        ["15_164926162804546033"], "2_164926129380455983", "supports", "Default Inference")
    assert {a.id: a.name for a in dossier.actors} == {
        "participant-rachel": "Participant Rachel", "anon": "Anon"}
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
    doc = json.loads(export(d, "aif", lang="ja"))
    texts = {n["nodeID"]: (n["type"], n["text"]) for n in doc["nodes"]}
    assert texts["a"] == ("I", "エー") and texts["r"][0] == "RA" and texts["x"][0] == "CA"
    assert texts["a.l.u"] == ("L", "Union : エー")
    back = aif.load(json.dumps(doc)).dossier
    # AIF knows speakers by name only, so the actor id comes back as the slug of the name
    assert back.get("a").by == ["union"] and back.get("union").name == "Union"
    assert back.get("a").date == dt.date(2020, 1, 2)
    assert back.get("x").to == "r" and back.get("r").from_ == ["b", "c"]


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
