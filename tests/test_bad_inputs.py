"""Every bad input in tests/bad/ is refused with its exact message, exit status 1, no traceback,
within a time and memory limit; the library raises one DossierError naming every problem."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.errors import ArgmapError, DossierError
from argmap.io.files import load

BAD = Path(__file__).resolve().parent / "bad"
sys.path.insert(0, str(BAD))
from regenerate import cases  # noqa: E402

MEMORY_LIMIT = 1536 * 1024 * 1024  # bytes of address space per run
CPU_LIMIT = 60  # seconds


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


def _validate(name: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", "validate", name], cwd=cwd,
                          capture_output=True, text=True, timeout=120, preexec_fn=_limits)


def test_there_are_at_least_forty_cases():
    assert len(cases()) >= 40


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.name)
def test_cli_refuses_with_the_exact_message(case: Path):
    done = _validate(case.name, BAD)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr == case.with_name(case.name + ".expected").read_text(encoding="utf-8")


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
        done = _validate(name, tmp_path)
        assert done.returncode == 1
        assert "claims[0].text: text too long" in done.stderr
        assert "(at most 100,000)" in done.stderr
        assert "Traceback" not in done.stderr


BAD_IMPORT = Path(__file__).resolve().parent / "bad-import"


def _import_cases() -> list[Path]:
    return sorted(p for p in BAD_IMPORT.iterdir()
                  if p.name not in {"README.md", "regenerate.py"} and p.suffix != ".expected")


def test_there_are_bad_files_of_every_foreign_format():
    names = [p.name for p in _import_cases()]
    for prefix in ("aif-", "kialo-", "microtexts-", "argdown-"):
        assert sum(n.startswith(prefix) for n in names) >= 3, prefix


@pytest.mark.parametrize("case", _import_cases(), ids=lambda p: p.name)
def test_import_refuses_and_writes_nothing(case: Path, tmp_path: Path):
    out = tmp_path / "out.yaml"
    done = subprocess.run([sys.executable, "-m", "argmap", "import", case.name, "-o", str(out)],
                          cwd=BAD_IMPORT, capture_output=True, text=True, timeout=120,
                          preexec_fn=_limits)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr == case.with_name(case.name + ".expected").read_text(encoding="utf-8")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind either


def test_import_keeps_a_previous_output_file_intact(tmp_path: Path):
    out = tmp_path / "out.yaml"
    out.write_text("previous: content\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "argmap", "import",
                           str(BAD_IMPORT / "kialo-truncated.txt"), "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert out.read_text(encoding="utf-8") == "previous: content\n"
