"""ICCMA tasks by their competition names (DC/DS/SE/EE for CO/PR/ST/GR): answers and
certificates checked against brute force, and the solver command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from test_semantics import brute, frameworks

from argmap.semantics import Framework
from argmap.semantics.tasks import TASKS, main, solve

SEMANTICS = {"CO": "complete", "PR": "preferred", "ST": "stable", "GR": "grounded"}


def certificate(line: str) -> frozenset[int]:
    assert line == "w" or line.startswith("w ")
    return frozenset(int(x) - 1 for x in line.split()[1:])


@settings(max_examples=150, deadline=None)
@given(frameworks)
def test_tasks_match_brute_force(case: tuple[int, set[tuple[int, int]]]) -> None:
    n, attacks = case
    fw = Framework.from_indices(n, sorted(attacks))
    expected = brute(n, attacks)
    for abbr, semantics in SEMANTICS.items():
        exts = expected[semantics]
        listed = list(solve(fw, f"EE-{abbr}"))
        assert sorted(map(certificate, listed), key=sorted) == sorted(exts, key=sorted)
        some = list(solve(fw, f"SE-{abbr}"))
        assert some == ["NO"] if not exts else certificate(some[0]) in exts
        for a in range(n):
            answer = list(solve(fw, f"DC-{abbr}", str(a + 1)))
            if any(a in e for e in exts):
                assert answer[0] == "YES" and certificate(answer[1]) in exts
                assert a in certificate(answer[1])
            else:
                assert answer == ["NO"]
            answer = list(solve(fw, f"DS-{abbr}", str(a + 1)))
            if all(a in e for e in exts):
                assert answer == ["YES"]
            else:
                assert answer[0] == "NO" and certificate(answer[1]) in exts
                assert a not in certificate(answer[1])


def test_bad_tasks() -> None:
    fw = Framework(["1", "2"], [("1", "2")])
    with pytest.raises(ValueError, match="unknown task"):
        solve(fw, "DC-XX", "1")
    with pytest.raises(ValueError, match="needs an argument"):
        solve(fw, "DS-PR")
    with pytest.raises(KeyError):
        solve(fw, "DS-PR", "9")
    assert list(solve(fw, "dc-gr", "1")) == ["YES", "w 1"]


def test_timeout_gives_what_was_found_then_raises() -> None:
    fw = Framework.from_indices(60, [(i, i ^ 1) for i in range(60)])  # 2**30 extensions
    lines: list[str] = []
    with pytest.raises(TimeoutError):
        lines.extend(solve(fw, "EE-ST", timeout=0.2))  # keeps the lines given before
    assert lines and all(len(line.split()) == 31 for line in lines)


def test_command_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "x.af"
    path.write_text("p af 3\n1 2\n2 1\n2 3\n", encoding="utf-8")
    assert main(["-p", "DC-PR", "-f", str(path), "-a", "3"]) == 0
    assert capsys.readouterr().out == "YES\nw 1 3\n"
    assert main(["-p", "DS-ST", "-f", str(path), "-a", "3"]) == 0
    assert capsys.readouterr().out == "NO\nw 2\n"
    assert main(["--problems"]) == 0
    assert capsys.readouterr().out.strip() == "[" + ",".join(TASKS) + "]"
    assert main(["-p", "DC-PR", "-f", str(path), "-a", "9"]) == 1
    assert "no argument '9'" in capsys.readouterr().err
    (tmp_path / "bad.af").write_text("p af 2\n1 3\n", encoding="utf-8")
    assert main(["-p", "SE-PR", "-f", str(tmp_path / "bad.af")]) == 1
    assert "bad.af:2: attack '1 3' names argument 3" in capsys.readouterr().err
