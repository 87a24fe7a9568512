"""The command line: each command's output and exit status, and errors as one message, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from argmap.cli import cli
from argmap.schema import schema_text
from conftest import EXAMPLE, ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_validate_ok_prints_one_line():
    done = run("validate", "claims/mynumber-card.yaml")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("claims/mynumber-card.yaml: ok (271 items: ")
    assert done.stdout.count("\n") == 1


def test_validate_problems_exit_one_without_traceback(write):
    path = write("bad.yaml", "claims:\n  - id: c\n    text: t\n    by: nobody\n  - id: c\n"
                 "    text: u\n")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "unknown actor 'nobody'" in result.output
    assert "duplicate id 'c'" in result.output
    assert "2 problems" in result.output
    assert "Traceback" not in result.output


def test_schema_matches_the_committed_file():
    done = run("schema")
    assert done.returncode == 0
    assert done.stdout == schema_text()
    assert (ROOT / "schema" / "dossier.schema.json").read_text(encoding="utf-8") == done.stdout
    assert json.loads(done.stdout)["title"] == "argmap dossier"


def test_summary_lists_every_demand_with_its_answers():
    done = run("summary", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "19 demands" in out and "dates: 2013 to 2020-04-24" in out
    assert "- 2019-07-23 d-2019-07-23-no-survey (to MIC):" in out
    assert "MIC: Deflected — “" in out and "MIC: Refused — “" in out
    assert "2019-07-18 the Federation: Refused" in out  # what it said to that demand
    assert out.count("now: No answer; Nothing done on file") == 8
    # a deflection and then a refusal: nothing promised, so nothing kept or broken
    survey = out[out.index("d-2019-07-23-no-survey"):].splitlines()[1]
    assert survey == "    now: Refused; Nothing done on file"
    assert "- undated d-pt-dv-victims (to Cabinet Office, MIC):" in out
    assert "- 2018-02 d-2018-toyohashi-rights" in out  # month precision kept


def test_every_command_has_an_example_in_its_help():
    for name, command in cli.commands.items():
        assert "Example: argmap " + name in (command.help or ""), name
