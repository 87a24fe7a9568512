"""Every bad input in tests/bad/ is refused with its exact message, exit status 1, no traceback,
within a time and memory limit; the library raises one DossierError naming every problem.

The messages are checked in this process (click's CliRunner); the inputs built to exhaust memory
or time are also run as the real program under a memory and CPU limit, which only a process of
its own can have.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.errors import ArgmapError, DossierError
from argmap.io.files import load
from conftest import load_script, run_cli

BAD = Path(__file__).resolve().parent / "bad"
BAD_IMPORT = Path(__file__).resolve().parent / "bad-import"
cases = load_script(BAD / "regenerate.py", "bad_regenerate").cases
import_cases = load_script(BAD_IMPORT / "regenerate.py", "bad_import_regenerate").cases

MEMORY_LIMIT = 1536 * 1024 * 1024  # bytes of address space per run
CPU_LIMIT = 60  # seconds
#: The inputs made to exhaust a reader: nested past any stack, aliases that multiply.
HOSTILE = ("billion-laughs.yaml", "nesting-10000.json", "nesting-10000.yaml")


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


def _validate_limited(name: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m argmap validate NAME`` in a process of its own, under the limits above."""
    return subprocess.run([sys.executable, "-m", "argmap", "validate", name], cwd=cwd,
                          capture_output=True, text=True, timeout=120, preexec_fn=_limits)


def test_there_are_at_least_forty_cases():
    assert len(cases()) >= 40


@pytest.mark.golden
@pytest.mark.parametrize("case", cases(), ids=lambda p: p.name)
def test_cli_refuses_with_the_exact_message(case: Path):
    result = run_cli("validate", case.name, cwd=BAD)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == case.with_name(case.name + ".expected").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_inputs_are_refused_within_memory_and_time(name: str):
    assert (BAD / name).exists()
    done = _validate_limited(name, BAD)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr == (BAD / (name + ".expected")).read_text(encoding="utf-8")


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.name)
def test_library_raises_one_error_with_located_problems(case: Path):
    with pytest.raises(DossierError) as info:
        load(case)
    assert info.value.problems
    for problem in info.value.problems:
        assert isinstance(problem, ArgmapError)
        assert problem.file is not None and case.name in problem.file


def test_a_fifty_megabyte_string_is_refused_quickly(tmp_path: Path):
    for name, text in {
        "big.yaml": 'claims:\n  - id: c\n    text: "' + "あ" * (50 * 1024 * 1024 // 3) + '"\n',
        "big.json": '{"claims": [{"id": "c", "text": "' + "x" * (50 * 1024 * 1024) + '"}]}',
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        done = _validate_limited(name, tmp_path)
        assert done.returncode == 1
        assert "claims[0].text: text too long" in done.stderr
        assert "(at most 100,000)" in done.stderr
        assert "Traceback" not in done.stderr


def test_there_are_bad_files_of_every_foreign_format():
    names = [p.name for p in import_cases()]
    for prefix in ("aif-", "kialo-", "microtexts-", "argdown-"):
        assert sum(n.startswith(prefix) for n in names) >= 3, prefix


@pytest.mark.golden
@pytest.mark.parametrize("case", import_cases(), ids=lambda p: p.name)
def test_import_refuses_and_writes_nothing(case: Path, tmp_path: Path):
    out = tmp_path / "out.yaml"
    result = run_cli("import", case.name, "-o", out, cwd=BAD_IMPORT)
    assert result.exit_code == 1
    assert result.stderr == case.with_name(case.name + ".expected").read_text(encoding="utf-8")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind either


def test_import_keeps_a_previous_output_file_intact(tmp_path: Path):
    out = tmp_path / "out.yaml"
    out.write_text("previous: content\n", encoding="utf-8")
    result = run_cli("import", BAD_IMPORT / "kialo-truncated.txt", "-o", out)
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "previous: content\n"
