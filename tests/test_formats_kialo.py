"""Kialo text import and export."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.checks import check
from argmap.dossier import Dossier
from argmap.errors import FormatError
from argmap.formats import export, export_report, import_file, kialo
from argmap.model import Citation, Claim, Relation, Source
from conftest import CORPORA, corpus

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
    d = import_file(hate)
    assert kialo.dump(d, layout="classic") == raw.rstrip("\n") + "\n"
    assert kialo.load(export(d, "kialo")).dossier == d  # through the layout Kialo writes now


DISCUSSIONS = sorted((CORPORA / "kialo" / "discussion-layout").glob("*.txt")) \
    if CORPORA.exists() else []


@pytest.mark.skipif(not DISCUSSIONS, reason="shared corpus kialo/discussion-layout not present")
@pytest.mark.parametrize("path", DISCUSSIONS, ids=lambda p: p.stem)
def test_discussion_layout_reads_and_is_written_back_as_kialo_wrote_it(path):
    raw = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    result = kialo.load(raw, str(path))
    d = result.dossier
    check(d)
    assert result.warnings == []
    headers = [line for line in raw.split("Sources:")[0].splitlines()
               if re.match(r"^\s*\d+(\.\d+)*\. (Thesis|Pro|Con):$", line)]
    sees = sum(line.strip().startswith("-> See") for line in raw.splitlines())
    assert len(d.claims) == len(headers) - sees and len(d.relations) == len(headers) - 1
    assert [c.id for c in d.claims if c.main] == ["1"]
    assert d.info.title == raw.splitlines()[1].strip()
    listed = re.findall(r"^\[(\d+)\] ", raw.split("\nSources:\n")[1], re.MULTILINE)
    assert [s.id for s in d.sources] == [f"source-{n}" for n in listed]
    for claim in d.claims:  # each footnote marker of a text cites its source
        markers = dict.fromkeys(re.findall(r"\[(\d+)\]", claim.text))
        assert [c.locator for c in claim.cites] == [f"[{n}]" for n in markers if n in listed]
    exported = export_report(d, "kialo")
    assert exported.text == raw.rstrip("\n") + "\n"  # byte for byte, as Kialo wrote it
    assert exported.summary() == "nothing left out"


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
    assert kialo.dump(d, layout="classic") == text
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
    exported = export_report(d, "kialo")
    assert exported.text == ("Discussion Name:\nThesis\n\n1. Thesis:\nThesis\n\n"
                             "  1.1. Pro:\n  A\n\n    1.1.1. Con:\n    B\n")
    assert exported.summary() == ("left out: 1 claims outside the main claim's tree, "
                                  "1 supports relations with linked premises, "
                                  "1 undercuts relations")


def test_export_needs_a_main_claim():
    with pytest.raises(FormatError, match="main claim"):
        kialo.dump(Dossier(claims=[Claim(id="a", text="A")]))


@pytest.mark.parametrize("text, line, message", [
    ("1. T\n1.2.1. Pro: orphan\n", 2, "no parent"),
    ("1. T\n1.1. Maybe: x\n", 2, "Pro:"),
    ("1. T\n1.1. Pro: -> See 9.9.\n", 2, "names no claim"),
    ("1. T\n1.1. Pro: a\n1.1. Con: b\n", 3, "given twice"),
    ("hello\n1. T\n", 1, "before the first numbered claim; expected the classic layout"),
    ("Discussion Title: x\n", None, "no numbered claims"),
    ("Discussion Name:\nT\n\nhello\n1. Thesis:\nT\n", 4, "expected the 'Discussion Name:'"),
    ("Discussion Name:\nT\n\n1. Thesis:\nT\n\n  1.2.1. Pro:\n  x\n", 7, "no parent"),
    ("Discussion Name:\nT\n\n1. Thesis:\nT\n\nSources:\nhello\n", 8, r"'\[n\] <link>'"),
])
def test_errors_have_lines(text, line, message):
    with pytest.raises(FormatError, match=message) as info:
        kialo.load(text, "k.txt")
    assert (info.value.file, info.value.line) == ("k.txt", line)


def test_citations_become_footnotes_and_sources():
    d = Dossier(sources=[Source(id="s1", title="Report", url="https://x.org/r(1)"),
                         Source(id="s2", title="Book")],
                claims=[Claim(id="t", text="Thesis", main=True,
                              cites=[Citation(source="s1", quote="a quote")]),
                        Claim(id="a", text="A [7] and more",
                              cites=[Citation(source="s2", locator="[7]"),
                                     Citation(source="s1")])],
                relations=[Relation(id="r", **{"from": ["a"]}, to="t", type="attacks")])
    text = kialo.dump(d)
    assert text == ("Discussion Name:\nThesis\n\n1. Thesis:\nThesis [1]\n\n  1.1. Con:\n"
                    "  A [2] and more [1]\n\nSources:\n[1] https://x.org/r\\(1\\)\n"
                    '"a quote"\n[2] Book\n')
    back = kialo.load(text).dossier
    assert [s.title for s in back.sources] == ["https://x.org/r(1)", "Book"]
    assert back.get("1.1").cites[0].source == "source-2"
