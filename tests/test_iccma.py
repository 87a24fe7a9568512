"""ICCMA files: the 2023 ``p af N`` format with name comments, ``.apx`` and ``.tgf``; round trips,
errors with file and line, and the real competition files in the shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics import iccma
from argmap.errors import FileError, FormatError
from argmap.semantics import Framework, grounded, preferred

# --- reading ---------------------------------------------------------------------------------


def test_af_with_names(write) -> None:
    path = write("x.af", """
        # made by hand
        p af 3
        # alpha
        # beta
        # gamma
        1 2
        2 3

        2 3
    """)
    fw = iccma.read(path)
    assert fw.arguments == ("alpha", "beta", "gamma")
    assert fw.attacks == [("alpha", "beta"), ("beta", "gamma")]
    assert grounded(fw).in_ == {"alpha", "gamma"}


def test_af_without_names(write) -> None:
    fw = iccma.read(write("x.i23", "p af 3\n1 2\n# just a remark\n3 3\n"))
    assert fw.arguments == ("1", "2", "3")  # one comment for three arguments: not names
    assert fw.attacks == [("1", "2"), ("3", "3")]


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
    assert text == "p af 2\n# x\n# y\n2 1\n"


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
    iccma.write(fw, path)
    back = iccma.read(path)
    assert back == fw
    assert iccma.dumps(back, iccma.SUFFIXES[path.suffix]) == path.read_text(encoding="utf-8")


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name, text, line, words", [
    ("h.af", "1 2\n", 1, "expected the header"),
    ("h.af", "# only\n\n", 1, "no 'p af N' header"),
    ("h.af", "p af x\n", 1, "expected the header"),
    ("r.af", "p af 2\n1 2\n1 3\n", 3, "names argument 3"),
    ("r.af", "p af 2\n1 2\n0 1\n", 3, "names argument 0"),
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
    fw = iccma.read(corpus("iccma/admbuster_1000.af"))
    assert (len(fw), fw.n_attacks) == (1000, 1498)
    assert fw.arguments[:3] == ("a", "b1", "c1")
    lab = grounded(fw)
    assert lab.counts() == {"in": 500, "out": 500, "undec": 0}
    assert "a" in lab.in_
    assert preferred(fw).extensions == [lab.in_]


def test_admbuster_10000_and_st_read() -> None:
    fw = iccma.read(corpus("iccma/admbuster_10000.af"))
    assert (len(fw), fw.n_attacks) == (10000, 14998)
    assert grounded(fw).counts() == {"in": 5000, "out": 5000, "undec": 0}
    st_fw = iccma.read(corpus("iccma/st_890_86_9_572.af"))
    assert (len(st_fw), st_fw.n_attacks) == (890, 37125)
    assert iccma.loads(iccma.dumps(st_fw, "af"), "af") == st_fw


def test_hard_competition_file_times_out_cleanly() -> None:
    """A dense 890-argument competition instance: the SAT solver is stopped at the deadline."""
    import time

    from argmap.semantics import credulous, stable

    fw = iccma.read(corpus("iccma/st_890_86_9_572.af"))
    start = time.monotonic()
    result = stable(fw, timeout=0.5)
    answer = credulous(fw, fw.arguments[0], timeout=0.5)
    assert time.monotonic() - start < 3
    assert (result.status, result.reason) in {("unknown", "timeout"), ("done", None)}
    assert answer in ("yes", "no", "unknown")
