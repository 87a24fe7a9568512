"""Argdown import and export."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import corpus

from argmap.checks import check
from argmap.dossier import Dossier
from argmap.errors import FormatError
from argmap.formats import argdown, export, read_file
from argmap.model import Claim, Relation

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"




def rels(d: Dossier) -> set[tuple]:
    return {(tuple(r.from_), r.type.value, r.to) for r in d.relations}


def content(d: Dossier) -> dict:
    """Everything but the order of items and the dossier info."""
    data = d.model_dump(exclude={"info"})
    return {section: sorted(map(repr, items)) for section, items in data.items()}


def test_legalisation_structure():
    result = read_file(corpus("argdown/legalisation-softdrugs.argdown"))
    d = result.dossier
    check(d)
    assert d.info.title == "Pros and Cons Legalisation of Soft Drugs"
    assert d.info.description == "A Simple Analysis"
    assert len(d.claims) == 18  # 1 statement + 17 arguments
    assert sum("argument" in c.tags for c in d.claims) == 17
    kinds = [r.type.value for r in d.relations]
    assert (kinds.count("supports"), kinds.count("attacks"), kinds.count("undercuts")) == (9, 8, 2)
    legal = "legalisation-of-soft-drugs"
    assert ("no-harm-no-ban",) and (("no-harm-no-ban",), "supports", legal) in rels(d)
    assert (("soft-drugs-are-harmful",), "attacks", "no-harm-no-ban") in rels(d)
    assert (("soft-drugs-are-harmful",), "supports", "minimize-destructive-activity") in rels(d)
    # "<_ <Poor reason>" sits beside "- <Major differences>", so it undercuts the analogy's
    # inference: the analogy's support of the main statement
    cut = d.get("poor-reason--undercuts--alcohol-and-tobacco-analogy--supports--" + legal)
    assert cut.to == "alcohol-and-tobacco-analogy--supports--" + legal
    assert d.get("argument-from-addiction").tags == ["argument", "con"]
    assert {w.message for w in result.warnings} == {
        f"frontmatter key {k!r} is not supported; ignored" for k in ("author", "color", "date")}


def test_primer_structure():
    result = read_file(corpus("argdown/argdown-primer.argdown"))
    d = result.dossier
    check(d)
    assert len(d.claims) == 20  # 17 statements (3 titled) and 3 arguments without a PCS
    assert sum(c.id.startswith("untitled-") for c in d.claims) == 14
    assert sum("argument" in c.tags for c in d.claims) == 3
    statement2 = d.get("statement-2")
    assert statement2.text.startswith("Let's do that now")
    assert statement2.note.startswith("We have already defined")  # second formulation
    assert d.get("statement-1").tags == ["Another tag", "section:Argdown Basics"]
    assert "a #tag and a [link]" in d.get("untitled-6").text  # inline tags stay in the text
    pcs = d.get("argument-1")
    assert isinstance(pcs, Relation)
    assert (pcs.from_, pcs.to, pcs.type.value) == (["untitled-11", "statement-2"],
                                                   "untitled-12", "supports")
    assert pcs.scheme == "Some inference rule: p .^. (p .->. q) .->. q"
    assert len(d.relations) == 11
    assert (("intro",), "undercuts", "argument-1") in rels(d)
    assert (("untitled-12",), "attacks", "statement-1") in rels(d)
    assert (("untitled-12",), "supports", "yet-another-argument") in rels(d)
    lines = sorted(w.line for w in result.warnings)
    assert lines == [48, 74]  # attack on a reconstructed argument; unsupported metadata


def test_fixture_directions_pcs_and_metadata():
    result = read_file(FIXTURES / "small.argdown")
    d = result.dossier
    check(d)
    assert [c.id for c in d.claims if c.main] == ["lane"]
    assert d.get("lane").tags == ["section:Safety"]
    assert d.get("parking").tags == ["shop owners", "section:Safety"]
    assert d.get("vans").text == "Delivery vans need to stop."
    acc = "accidents--supports--lane"
    assert rels(d) == {
        (("accidents",), "supports", "lane"), (("scooters",), "undercuts", acc),
        (("parking",), "attacks", "lane"), (("parking",), "attacks", "vans"),
        (("lane",), "supports", "health"), (("lane",), "attacks", "no-lane"),
        (("no-lane",), "attacks", "lane"), (("shade", "cool"), "supports", "plant"),
        (("plant",), "undercuts", acc), (("vans",), "supports", "accidents")}
    linked = d.get("linked")
    assert (linked.scheme, linked.note) == ("Modus ponens", "Shade and cooling.\nfrom the hearing")
    assert d.get("lane--attacks--no-lane").tags == ["contradiction"]
    assert {w.message for w in result.warnings} == {
        "frontmatter key 'author' is not supported; ignored",
        "metadata key 'colour' is not supported; ignored"}


@pytest.mark.parametrize("name", ["argdown/argdown-primer.argdown",
                                  "argdown/legalisation-softdrugs.argdown",
                                  None])
def test_round_trip(name):
    path = corpus(name) if name else FIXTURES / "small.argdown"
    first = read_file(path).dossier
    text = export(first, "argdown")
    assert text == export(first, "argdown")
    second = argdown.load(text, "again.argdown")
    assert second.warnings == []
    check(second.dossier)
    assert content(second.dossier) == content(first)
    assert second.dossier.info.title == first.info.title


def test_export_of_dossier_items_kinds_and_notes():
    d = Dossier(claims=[Claim(id="a", text="A {x} // y", note="n {1}", main=True),
                        Claim(id="b", text="B"), Claim(id="c", text="C")],
                relations=[Relation(id="r", **{"from": ["b", "c"]}, to="a", type="supports",
                                    scheme="Linked"),
                           Relation(id="u", **{"from": ["c"]}, to="r", type="undercuts"),
                           Relation(id="m", **{"from": ["b"]}, to="c", type="rephrases")])
    text = argdown.dump(d)
    assert "// not representable: [b] rephrases [c]" in text
    back = argdown.load(text).dossier
    a = back.get("a")
    assert (a.text, a.note, a.main) == ("A {x} // y", "n {1}", True)
    r = back.get("r")
    assert (r.from_, r.to, r.scheme) == (["b", "c"], "a", "Linked")
    assert (("c",), "undercuts", "r") in rels(back)


@pytest.mark.parametrize("text, line, message", [
    ("===\ntitle: x\n", 1, "never closed"),
    ("===\ntitle: [x\n===\n[A]: a\n", 2, "frontmatter"),
    ("<A>\n\n(1) premise\n--\nrule without end\n", 4, "never closed"),
    ("<A>\n\n(1) premise\n----\n", 4, "without a conclusion"),
])
def test_errors(text, line, message):
    with pytest.raises(FormatError, match=message) as info:
        argdown.load(text, "a.argdown")
    assert (info.value.file, info.value.line) == ("a.argdown", line)


def test_markdown_lists_are_one_statement_per_item():
    text = ("[Intro]: Reasons follow.\n\n"
            "* [Cheap]: It is cheap.\n* It is quick.\n  + [Data]: Trials took a week.\n\n"
            "1. First point.\n2. <Second>: An argument.\n")
    d = argdown.load(text).dossier
    texts = {c.id: c.text for c in d.claims}
    assert texts == {"intro": "Reasons follow.", "cheap": "It is cheap.",
                     "untitled-1": "It is quick.", "data": "Trials took a week.",
                     "untitled-2": "First point.", "second": "An argument."}
    assert rels(d) == {(("data",), "supports", "untitled-1")}


def test_headings_run_on_until_a_blank_line_and_take_is_group():
    text = ("# The main\nquestion {isGroup: false}\n\n[A]: a\n\n"
            "## Costs\n\n[B]: b\n\n"
            "## Side remarks {isGroup: false, color: red}\n\n[C]: c\n")
    result = argdown.load(text, "h.argdown")
    d = result.dossier
    assert [c.id for c in d.claims] == ["a", "b", "c"]  # no claim made of the heading's 2nd line
    # a heading with {isGroup: false} forms no group: A and C belong to no section ("Side
    # remarks" ends "Costs", being at its level)
    assert (d.get("a").tags, d.get("b").tags, d.get("c").tags) == ([], ["section:Costs"], [])
    assert [(w.line, w.message) for w in result.warnings] == [
        (10, "heading metadata key 'color' is not supported; ignored")]


def test_escapes_read_as_the_character_and_link_fragments_are_no_tags():
    text = (r"[A]: Say \[Confirm that\] \#1 and \{x\} see [the page](https://x.org/a#part) #real"
            "\n")
    a = argdown.load(text).dossier.get("a")
    assert a.text == "Say [Confirm that] #1 and {x} see [the page](https://x.org/a#part)"
    assert a.tags == ["real"]
