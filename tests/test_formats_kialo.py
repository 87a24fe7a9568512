"""Kialo text import and export."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.checks import check
from argmap.dossier import Dossier
from argmap.errors import FormatError
from argmap.formats import export, import_file, kialo
from argmap.model import Claim, Relation
from conftest import corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"


@pytest.fixture
def hate() -> Path:
    return corpus("kialo/should-hate-speech-be-illegal-6148.txt")


def test_real_discussion_counts(hate):
    d = import_file(hate)
    check(d)
    numbered = [line for line in hate.read_text(encoding="utf-8").splitlines()
                if line[:1].isdigit()]
    assert len(numbered) == 106
    assert len(d.claims) == 105  # the "-> See" line adds no claim
    assert len(d.relations) == 105
    assert [c.id for c in d.claims if c.main] == ["1"]
    assert d.info.title == "Should hate speech be illegal?"
    # 1.6.4 reuses 1.2.2: a second relation from the same claim
    reused = [(r.type.value, r.to) for r in d.relations if r.from_ == ["1.2.2"]]
    assert reused == [("supports", "1.2"), ("supports", "1.6")]
    assert "1.6.4" not in d
    assert '("Trolls")' in d.get("1.1.10").text  # \( \) unescaped
    types = {r.type.value for r in d.relations}
    assert types == {"supports", "attacks"}


def test_real_discussion_round_trips_byte_for_byte(hate):
    raw = hate.read_text(encoding="utf-8")
    assert export(import_file(hate), "kialo") == raw.rstrip("\n") + "\n"


def test_fixture_multiline_escapes_and_see():
    path = FIXTURES / "small.kialo.txt"
    d = import_file(path)
    assert [c.id for c in d.claims] == ["1", "1.1", "1.1.1", "1.2", "1.2.2"]
    assert d.get("1.2").text == "Shops lose parking.\nThis was the main objection at the hearing."
    assert d.get("1.1").text == "Cycling accidents on Main Street doubled (2019 to 2023)."
    assert [(r.id, r.from_, r.type.value, r.to) for r in d.relations] == [
        ("r1.1", ["1.1"], "supports", "1"), ("r1.1.1", ["1.1.1"], "attacks", "1.1"),
        ("r1.2", ["1.2"], "attacks", "1"), ("r1.2.1", ["1.1"], "attacks", "1.2"),
        ("r1.2.2", ["1.2.2"], "supports", "1.2")]
    text = path.read_text(encoding="utf-8")
    assert kialo.dump(d) == text
    again = kialo.load(kialo.dump(d)).dossier
    assert again.model_dump() == d.model_dump()


def test_escape_keeps_links():
    assert kialo.escape("a (b) [x](http://y.org/z) c\\d") == "a \\(b\\) [x](http://y.org/z) c\\\\d"
    assert kialo.unescape(kialo.escape("a (b) \\ c")) == "a (b) \\ c"


def test_export_from_a_dossier_skips_what_kialo_cannot_hold():
    d = Dossier(claims=[Claim(id="t", text="Thesis", main=True), Claim(id="a", text="A"),
                        Claim(id="b", text="B"), Claim(id="c", text="C")],
                relations=[Relation(id="r1", **{"from": ["a"]}, to="t", type="supports"),
                           Relation(id="r2", **{"from": ["b", "c"]}, to="t", type="supports"),
                           Relation(id="r3", **{"from": ["c"]}, to="r1", type="undercuts"),
                           Relation(id="r4", **{"from": ["b"]}, to="a", type="attacks")])
    assert kialo.dump(d) == ("Discussion Title: Thesis\n\n1. Thesis\n1.1. Pro: A\n"
                             "1.1.1. Con: B\n")


def test_export_needs_a_main_claim():
    with pytest.raises(FormatError, match="main claim"):
        kialo.dump(Dossier(claims=[Claim(id="a", text="A")]))


@pytest.mark.parametrize("text, line, message", [
    ("1. T\n1.2.1. Pro: orphan\n", 2, "no parent"),
    ("1. T\n1.1. Maybe: x\n", 2, "Pro:"),
    ("1. T\n1.1. Pro: -> See 9.9.\n", 2, "names no claim"),
    ("1. T\n1.1. Pro: a\n1.1. Con: b\n", 3, "given twice"),
    ("hello\n1. T\n", 1, "before the first"),
    ("Discussion Title: x\n", None, "no numbered claims"),
])
def test_errors_have_lines(text, line, message):
    with pytest.raises(FormatError, match=message) as info:
        kialo.load(text, "k.txt")
    assert (info.value.file, info.value.line) == ("k.txt", line)
