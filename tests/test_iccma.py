"""ICCMA files: the 2023 ``p af N`` format (argument names only by an explicit convention, header
counts checked, a byte-order mark read), ``.apx`` and ``.tgf``; round trips, errors with file
and line, the bulk reader against the line-by-line one, and the real competition files in the
shared corpora."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pytest
from conftest import corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import FileError, FormatError
from argmap.semantics import Framework, grounded, iccma, preferred
from argmap.semantics.iccma import IccmaWarning

# --- reading ---------------------------------------------------------------------------------


def test_af_with_marked_names(write) -> None:
    path = write("x.af", """
        # made by hand
        p af 3
        # names 1..3
        # alpha
        # beta
        # gamma
        # a remark after the names
        1 2
        2 3

        2 3
    """)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the names were asked for: nothing to warn about
        fw = iccma.read(path)
    assert fw.arguments == ("alpha", "beta", "gamma")
    assert fw.attacks == [("alpha", "beta"), ("beta", "gamma")]
    assert grounded(fw).in_ == {"alpha", "gamma"}


def test_af_without_names(write) -> None:
    with pytest.warns(IccmaWarning, match=r"x.i23:3: 1 comment line ignored"):
        fw = iccma.read(write("x.i23", "p af 3\n1 2\n# just a remark\n3 3\n"))
    assert fw.arguments == ("1", "2", "3")
    assert fw.attacks == [("1", "2"), ("3", "3")]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert iccma.read(write("y.af", "# a title\np af 1\n")).arguments == ("1",)


@pytest.mark.parametrize("text", [
    "# top\np af 3\n# mid\n1 2\n# more\n2 3\n#end\n",  # free text between the attacks
    "p af 3\n# 3\n# 1\n# 2\n1 2\n",                    # would rename argument 1 as "3"
    "p af 2\n# generated\n# by-hand\n1 2\n",             # two words for two arguments
])
def test_free_comments_never_rename_arguments(write, text: str) -> None:
    path = write("free.af", text)
    with pytest.warns(IccmaWarning, match="ignored, arguments keep their numbers"):
        fw = iccma.read(path)
    n = len(fw)
    assert fw.arguments == tuple(str(i) for i in range(1, n + 1))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert iccma.read(path, names="numbers") == fw


def test_unmarked_name_lines_on_request(write) -> None:
    path = write("x.af", "p af 3\n# alpha\n# beta\n# gamma\n1 2\n")
    with pytest.warns(IccmaWarning, match="lines 2-4 look like one name per argument: read "
                                          "with names='comments'"):
        assert iccma.read(path).arguments == ("1", "2", "3")
    assert iccma.read(path, names="comments").arguments == ("alpha", "beta", "gamma")


@pytest.mark.parametrize("text, line, words", [
    ("p af 3\n# 3\n# 1\n# 2\n", 2, "would name argument 1 with the number of argument 3"),
    ("p af 3\n# a\n# b\n1 2\n", 4, "needs 3 '# name' lines after the header"),
    ("p af 2\n1 2\n# a\n# b\n", 2, "needs 2 '# name' lines after the header"),
    ("p af 2\n# two words\n# b\n", 2, "'# two words' is not a name"),
    ("p af 2\n# a\n# a\n", 3, "'a' names argument 2 and argument 1"),
])
def test_names_from_comments_or_an_error(write, text: str, line: int, words: str) -> None:
    path = write("c.af", text)
    with pytest.raises(FormatError) as caught:
        iccma.read(path, names="comments")
    assert (caught.value.file, caught.value.line) == (str(path), line)
    assert words in str(caught.value)


@pytest.mark.parametrize("text, line, words", [
    ("p af 3\n# names 1..2\n# a\n# b\n", 2, "does not match the header's 3 arguments"),
    ("p af 3\n# names 1..3\n# a\n# b\n1 2\n", 5, "'# names 1..3' needs 3 '# name' lines"),
    ("p af 2\n# names 1..2\n# b\n# 1\n", 4, "number of argument 1"),
])
def test_a_broken_name_block_is_an_error(write, text: str, line: int, words: str) -> None:
    path = write("m.af", text)
    with pytest.raises(FormatError) as caught:
        iccma.read(path)
    assert caught.value.line == line and words in str(caught.value)


def test_header_count_checked_before_building(write) -> None:
    start = time.monotonic()
    with pytest.raises(FormatError) as caught:
        iccma.read(write("big.af", "p af 10000000\n1 2\n"))
    assert time.monotonic() - start < 1
    assert caught.value.line == 1
    assert "declares 10,000,000 arguments, but the file mentions none above 2" in str(caught.value)
    with pytest.raises(FormatError, match="more than 12 digits"):
        iccma.read(write("huge.af", "p af 12345678901234567890\n1 2\n"))
    # arguments that no attack mentions are fine in reasonable numbers, and on request
    assert len(iccma.read(write("few.af", "p af 1000\n1 2\n"))) == 1000
    assert len(iccma.loads("p af 30\n", "af", max_unmentioned=30)) == 30
    with pytest.raises(FormatError, match="max_unmentioned"):
        iccma.loads("p af 31\n", "af", max_unmentioned=30)


def test_byte_order_mark(tmp_path: Path) -> None:
    for name, text in [("b.af", "p af 2\n1 2\n"), ("b.apx", "arg(a).\narg(b).\natt(a,b).\n"),
                       ("b.tgf", "a\nb\n#\na b\n")]:
        path = tmp_path / name
        path.write_bytes(b"\xef\xbb\xbf" + text.encode())
        assert len(iccma.read(path)) == 2 and iccma.read(path).n_attacks == 1
    assert len(iccma.loads("\ufeffp af 2\n1 2\n", "af")) == 2


def test_apx(write) -> None:
    fw = iccma.read(write("x.apx", """
        % a comment
        arg(a). arg(b).
        arg( c ).
        att(a,b).  att(b , c). % trailing comment
        att(c,c).
    """))
    assert fw.arguments == ("a", "b", "c")
    assert fw.attacks == [("a", "b"), ("b", "c"), ("c", "c")]


def test_tgf(write) -> None:
    fw = iccma.read(write("x.tgf", "a first\nb\nc\n#\na b\nb c label\n"))
    assert fw.arguments == ("a", "b", "c")
    assert fw.attacks == [("a", "b"), ("b", "c")]


# --- writing ---------------------------------------------------------------------------------


def test_dumps_af_writes_names_only_when_needed() -> None:
    assert iccma.dumps(Framework.from_indices(2, [(1, 0)]), "af") == "p af 2\n2 1\n"
    text = iccma.dumps(Framework(["x", "y"], [("y", "x")]), "af")
    assert text == "p af 2\n# names 1..2\n# x\n# y\n2 1\n"


def test_af_refuses_names_that_are_other_numbers() -> None:
    with pytest.raises(FormatError, match="number of another argument"):
        iccma.dumps(Framework(["2", "1"], []), "af")
    assert iccma.dumps(Framework(["1", "x"], []), "af").startswith("p af 2\n# names 1..2\n# 1\n")


def test_unwritable_names() -> None:
    fw = Framework(["a b", "c"], [("a b", "c")])
    for fmt in ("af", "apx", "tgf"):
        with pytest.raises(FormatError, match="cannot be written"):
            iccma.dumps(fw, fmt)  # type: ignore[arg-type]


names = st.text(st.sampled_from("abcxyz019_-.+"), min_size=1, max_size=6)


@st.composite
def frameworks(draw) -> Framework:
    args = draw(st.lists(names, unique=True, max_size=8))
    pairs = draw(st.lists(st.tuples(st.sampled_from(args), st.sampled_from(args)),
                          max_size=20)) if args else []
    return Framework(args, pairs)


@settings(max_examples=60, deadline=None)
@given(frameworks(), st.sampled_from(["x.af", "x.apx", "x.tgf"]))
def test_round_trip(tmp_path_factory, fw: Framework, filename: str) -> None:
    path = tmp_path_factory.mktemp("rt") / filename
    if filename.endswith(".af") and any(n.isdigit() and n != str(i)
                                        for i, n in enumerate(fw.arguments, 1)):
        return  # not writable: see test_af_refuses_names_that_are_other_numbers
    iccma.write(fw, path)
    back = iccma.read(path)
    assert back == fw
    assert iccma.dumps(back, iccma.SUFFIXES[path.suffix]) == path.read_text(encoding="utf-8")


# --- the bulk reader and the line-by-line reader agree ----------------------------------------


layouts = st.sampled_from(["plain", "tabs", "spaces", "crlf", "blank", "comment", "no-newline"])


def lay_out(n: int, attacks: list[tuple[int, int]], layout: str) -> str:
    lines = [f"p af {n}"] + [f"{a + 1} {b + 1}" for a, b in attacks]
    if layout == "tabs":
        lines = lines[:1] + [line.replace(" ", "\t") for line in lines[1:]]
    elif layout == "spaces":
        lines = lines[:1] + [f"  {line.replace(' ', '   ')} " for line in lines[1:]]
    elif layout == "blank":
        lines = [x for line in lines for x in (line, "")]
    elif layout == "comment":
        lines.insert(len(lines) // 2 + 1, "# a remark")
    text = ("\r\n" if layout == "crlf" else "\n").join(lines)
    return text if layout == "no-newline" else text + "\n"


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 9).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                         max_size=20))), layouts)
def test_every_layout_reads_the_same(case: tuple[int, list[tuple[int, int]]],
                                     layout: str) -> None:
    n, attacks = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", IccmaWarning)
        assert iccma.loads(lay_out(n, attacks, layout), "af") == Framework.from_indices(n, attacks)


def test_competition_layout_is_read_in_bulk(monkeypatch) -> None:
    """The layout of competition files never falls back to the line-by-line reader."""
    def refuse(*args: object) -> None:
        raise AssertionError("read line by line")

    monkeypatch.setattr(iccma, "_read_af_lines", refuse)
    text = "# a title\np af 4\n# names 1..4\n# a\n# b\n# c\n# d\n1 2\n2 3\n4 4"
    fw = iccma.loads(text, "af")
    assert fw.arguments == ("a", "b", "c", "d") and fw.n_attacks == 3


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name, text, line, words", [
    ("h.af", "1 2\n", 1, "expected the header"),
    ("h.af", "# only\n\n", 1, "no 'p af N' header"),
    ("h.af", "p af x\n", 1, "expected the header"),
    ("r.af", "p af 2\n1 2\n1 3\n", 3, "names argument 3"),
    ("r.af", "p af 2\n1 2\n0 1\n", 3, "names argument 0"),
    ("r.af", "p af 2\n# names 1..2\n# a\n# b\n1 2\n2 1\n2 7\n1 1\n", 7, "argument 7"),
    ("r.af", "p af 2\n1 2\n2 1 2\n", 3, "expected an attack"),
    ("r.af", "p af 2\n1 2\n2\n", 3, "expected an attack"),
    ("r.af", "p af 2\n1 2\n+2 1\n", 3, "expected an attack"),
    ("n.af", "p af 2\n1 2 3\n", 2, "expected an attack"),
    ("n.af", "p af 2\n1 b\n", 2, "expected an attack"),
    ("g.apx", "arg(a).\nargh\n", 2, "expected 'arg(name)."),
    ("g.apx", "arg(a).\natt(a).\n", 2, "expected 'arg(name)."),
    ("g.apx", "arg(a,b).\n", 1, "expected 'arg(name)."),
    ("u.apx", "arg(a).\n\natt(a,b).\n", 3, "no arg(...) declares"),
    ("u.tgf", "a\n#\na b\n", 3, "does not declare"),
    ("u.tgf", "a\n#\na\n", 3, "expected an attack"),
    ("u.tgf", "a\n#\n#\n", 3, "a second '#'"),
])
def test_bad_files(write, name: str, text: str, line: int, words: str) -> None:
    path = write(name, text)
    with pytest.raises(FormatError) as caught:
        iccma.read(path)
    assert caught.value.file == str(path) and caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}")
    assert words in str(caught.value)


def test_unreadable_files(tmp_path: Path, write) -> None:
    with pytest.raises(FileError, match="no such file"):
        iccma.read(tmp_path / "missing.af")
    with pytest.raises(FileError, match="suffix"):
        iccma.read(write("x.txt", "p af 1\n"))
    bad = tmp_path / "bad.af"
    bad.write_bytes(b"p af 1\n# \xff\n")
    with pytest.raises(FileError, match="UTF-8"):
        iccma.read(bad)


def test_loads_names_string_input() -> None:
    with pytest.raises(FormatError) as caught:
        iccma.loads("p af 1\n1 2\n", "af")
    assert str(caught.value).startswith("<string>:2:")


# --- the competition files -------------------------------------------------------------------


def test_admbuster_1000_grounded() -> None:
    path = corpus("iccma/admbuster_1000.af")
    fw = iccma.read(path, names="comments")  # the collection's '# name' lines, on request
    assert (len(fw), fw.n_attacks) == (1000, 1498)
    assert fw.arguments[:3] == ("a", "b1", "c1")
    with pytest.warns(IccmaWarning, match="1,000 comment lines ignored"):
        assert iccma.read(path).arguments[:3] == ("1", "2", "3")
    lab = grounded(fw)
    assert lab.counts() == {"in": 500, "out": 500, "undec": 0}
    assert "a" in lab.in_
    assert preferred(fw).extensions == [lab.in_]


def test_admbuster_10000_and_st_read() -> None:
    fw = iccma.read(corpus("iccma/admbuster_10000.af"), names="numbers")
    assert (len(fw), fw.n_attacks) == (10000, 14998)
    assert grounded(fw).counts() == {"in": 5000, "out": 5000, "undec": 0}
    st_fw = iccma.read(corpus("iccma/st_890_86_9_572.af"), names="comments")
    assert (len(st_fw), st_fw.n_attacks) == (890, 37125)
    assert iccma.loads(iccma.dumps(st_fw, "af"), "af") == st_fw


def test_hard_competition_file_times_out_cleanly() -> None:
    """A dense 890-argument competition instance: the SAT solver is stopped at the deadline."""
    from argmap.semantics import credulous, stable

    fw = iccma.read(corpus("iccma/st_890_86_9_572.af"), names="numbers")
    start = time.monotonic()
    result = stable(fw, timeout=0.5)
    answer = credulous(fw, fw.arguments[0], timeout=0.5)
    assert time.monotonic() - start < 3
    assert (result.status, result.reason) in {("unknown", "timeout"), ("done", None)}
    assert answer in ("yes", "no", "unknown")
