"""arg-microtexts import."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import corpus

from argmap.checks import check
from argmap.errors import FormatError
from argmap.formats import import_file, microtexts, read_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"




def test_b001_rebut_support_undercut_and_linked_premise():
    result = read_file(corpus("microtexts/micro_b001.xml"))
    d = result.dossier
    check(d)
    assert len(d.claims) == 5
    assert [c.id for c in d.claims if c.main] == ["a5"]
    assert d.get("a1").text.startswith("Yes, it's annoying")
    assert d.get("a1").tags == ["opponent"] and d.get("a5").tags == ["proponent"]
    rels = {r.id: (r.from_, r.type.value, r.to, r.tags) for r in d.relations}
    assert rels["c1"] == (["a1"], "attacks", "a5", [])          # the rebut
    assert rels["c2"] == (["a2"], "supports", "a1", [])         # the support
    # the undercut on the rebut, with a4 as its linked premise (the add edge c4)
    assert rels["c3"] == (["a3", "a4"], "undercuts", "c1", [])
    assert len(rels) == 3
    assert sum(len(r.from_) > 1 for r in d.relations) == 1
    assert result.warnings == []


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_other_corpus_files_load_and_check(n):
    d = import_file(corpus(f"microtexts/micro_b00{n}.xml"))
    check(d)
    assert len(d.claims) == 5 and sum(c.main for c in d.claims) == 1


def test_undercut_of_an_undercut_is_kept():
    result = read_file(corpus("microtexts/micro_b005.xml"))
    c4 = result.dossier.get("c4")
    assert (c4.from_, c4.type.value, c4.to, c4.tags) == (["a4"], "undercuts", "c3", [])
    assert result.dossier.get("c3").to == "c2"
    assert result.warnings == []


def test_linked_support_and_example_fixture():
    result = read_file(FIXTURES / "linked.xml")
    d = result.dossier
    assert result.warnings == []
    rels = {r.id: (r.from_, r.type.value, r.to, r.scheme) for r in d.relations}
    assert rels == {"c1": (["a2", "a3"], "supports", "a1", None),
                    "c3": (["a4"], "supports", "a2", "example"),
                    "c4": (["a5"], "attacks", "a1", None)}
    assert [c.id for c in d.claims if c.main] == ["a1"]
    assert d.info.title == "linked_demo"


@pytest.mark.parametrize("text, line", [
    (('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
      '<arggraph id="x"><edu id="e1">&e;</edu></arggraph>'), 2),
    ('<arggraph id="x">\n<edu id="e1">unclosed\n</arggraph>', 3),
    (('<arggraph id="x">\n<adu id="a1" type="pro"/>\n'
      '<edge id="c1" src="a1" trg="a9" type="sup"/>\n</arggraph>'), 3),
    (('<arggraph id="x">\n<adu id="a1" type="pro"/>\n'
      '<edge id="c1" src="a1" trg="a1" type="zzz"/>\n</arggraph>'), 3),
    ('<other/>', None),
])
def test_bad_documents(text, line):
    with pytest.raises(FormatError) as info:
        microtexts.load(text, "m.xml")
    assert (info.value.file, info.value.line) == ("m.xml", line)
