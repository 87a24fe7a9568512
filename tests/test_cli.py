"""The command line: each command's output and exit status, and errors as one message, no traceback.

Commands run in this process (click's CliRunner, :func:`conftest.run_cli`); the few tests at the
end start the real program, where the process itself (entry point, exit status, what reaches
stderr) is what is tested.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import cli
from argmap.reports.rows import STATUS_COLUMNS, TIMELINE_COLUMNS
from argmap.schema import schema_text
from conftest import EXAMPLE, ROOT, load_script, run_cli

CASE = ROOT / "tests" / "fixtures" / "render" / "card-talks.yaml"
GOLDEN = ROOT / "tests" / "golden" / "reports"


def test_validate_ok_prints_one_line():
    result = run_cli("validate", "claims/mynumber-card.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("claims/mynumber-card.yaml: ok (")
    assert result.stdout.count("\n") == 1 and result.stderr == ""


def test_validate_problems_exit_one_without_traceback(write):
    path = write("bad.yaml", "claims:\n  - id: c\n    text: t\n    by: nobody\n  - id: c\n"
                 "    text: u\n")
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "unknown actor 'nobody'" in result.stderr
    assert "duplicate id 'c'" in result.stderr
    assert result.stderr.endswith("2 problems\n")


@pytest.mark.golden
def test_schema_matches_the_committed_file():
    result = run_cli("schema")
    assert result.exit_code == 0
    assert result.stdout == schema_text()
    assert (ROOT / "schema" / "dossier.schema.json").read_text(encoding="utf-8") == result.stdout
    assert json.loads(result.stdout)["title"] == "argmap dossier"


def test_summary_lists_every_demand_with_its_answers():
    result = run_cli("summary", EXAMPLE)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
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


@pytest.mark.parametrize("lang", ["ja", "zh-Hans", "zh-Hant", "ko"])
def test_summary_speaks_the_language_asked_for(lang):
    # the labels around the dossier's own words are in that language too: no "items", "dates",
    # "to", "now:" or "last act on it" left in English (ids and ISO dates stay as written)
    result = run_cli("summary", EXAMPLE, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    labels = re.sub(r"[\w-]*\d[\w-]*|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\(jichiroren-2020.*?\)", "",
                    result.stdout)
    for english in ("items", "dates:", "(to ", "now:", "last act on it", "undated", "demands ("):
        assert english not in labels, (lang, english)


def test_every_command_has_an_example_in_its_help():
    for name, command in cli.commands.items():
        assert "Example: argmap " + name in (command.help or ""), name
        result = run_cli(name, "--help")
        assert result.exit_code == 0 and f"Usage: argmap {name}" in result.stdout


# --- status ------------------------------------------------------------------------------------

def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_status_table_shows_one_row_per_demand():
    result = run_cli("status", CASE)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "demands"
    header = next(line for line in lines if "made" in line)
    for column in ("made", "text", "to", "said", "done", "last change"):
        assert column in header
    rows = [line for line in lines if line.startswith("│ ") and " 2023 " in line]
    assert len(rows) == 4
    # the shared wording of each said/done pair, as the brief has it
    assert "No answer, overdue" in rows[3] and "Nothing done on file" in rows[3]
    assert "Refused" in rows[2] and "Not delivered" in rows[2] and "2 Dec 2024" in rows[2]


def test_status_table_is_in_the_chosen_language():
    """Headings, dates and kinds in the table's language; CSV and JSON keep keys and ISO dates."""
    table = run_cli("status", CASE, "--lang", "ja").stdout
    assert "2023年5月18日" in table and "宛先" in table and "2023-05-18" not in table
    assert "2023-05-18" in run_cli("status", CASE, "--lang", "ja", "--format", "csv").stdout
    timeline = run_cli("timeline", CASE, "--lang", "ko").stdout
    assert "2023년 5월 18일" in timeline and "요구" in timeline and "demand " not in timeline


def test_status_table_names_actors_and_says_undated():
    """The table names whom each demand went to (CSV and JSON keep the ids), and a demand the
    record does not date is said to be undated, in the table's language."""
    table = run_cli("status", EXAMPLE, "--lang", "ja").stdout
    row = next(line for line in table.splitlines() if "①DV" in line)
    assert "日付不明" in row and "内閣府・総務省" in row and "cabinet-office" not in table
    english = run_cli("status", EXAMPLE).stdout
    assert "Cabinet Office, MIC" in english and "undated" in english
    assert "cabinet-office; mic" in run_cli("status", EXAMPLE, "--format", "csv").stdout


def test_status_json_has_every_column_in_order():
    result = run_cli("status", CASE, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["demand"] for row in rows] == ["d-no-force", "d-no-survey", "d-keep-card",
                                               "d-leak-report"]
    assert all(tuple(row) == STATUS_COLUMNS for row in rows)
    survey = rows[1]
    assert (survey["said"], survey["done"], survey["on_paper"]) == ("deflected", "not_delivered",
                                                                    True)
    assert survey["answers"] == ["r-survey"] and survey["last_item"] == "a-survey"
    assert rows[3]["overdue"] is True and rows[3]["deadline"] == "2023-10-31"
    assert rows[3]["to"] == ["mic", "mhlw"]


def test_status_csv_joins_lists_and_keeps_the_columns():
    result = run_cli("status", CASE, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == ",".join(STATUS_COLUMNS)
    rows = _csv(result.stdout)
    assert [r["demand"] for r in rows] == ["d-no-force", "d-no-survey", "d-keep-card",
                                           "d-leak-report"]
    assert rows[3]["to"] == "mic; mhlw" and rows[3]["overdue"] == "true"
    assert rows[0]["last_locator"] == ""


@pytest.mark.parametrize("command, columns", [("status", STATUS_COLUMNS),
                                               ("timeline", TIMELINE_COLUMNS)])
def test_no_matching_row_still_gives_the_csv_header_and_an_empty_json_list(command, columns):
    csv_out = run_cli(command, CASE, "--as-of", "2000-01-01", "--format", "csv")
    assert csv_out.exit_code == 0 and csv_out.stdout == ",".join(columns) + "\n"
    assert run_cli(command, CASE, "--as-of", "2000-01-01", "--format", "json").stdout == "[]\n"


def test_status_as_of_a_date_shows_what_was_known_then():
    rows = json.loads(run_cli("status", CASE, "--as-of", "2023-06-10", "--format", "json").stdout)
    assert [r["demand"] for r in rows] == ["d-no-force", "d-no-survey"]  # autumn not yet made
    assert rows[0]["said"] == "accepted" and rows[0]["done"] == "unrated"  # notice came 06-20
    table = run_cli("status", CASE, "--as-of", "2023-06-10").stdout
    assert table.splitlines()[0].strip() == "demands as of 10 June 2023"


def test_status_for_one_actor_and_in_japanese():
    rows = json.loads(run_cli("status", CASE, "--actor", "mhlw", "--format", "json").stdout)
    assert [r["demand"] for r in rows] == ["d-keep-card", "d-leak-report"]
    rows = json.loads(run_cli("status", CASE, "--lang", "ja", "--format", "json").stdout)
    assert rows[0]["text"] == "職員にカード取得を強制しないこと"


@pytest.mark.parametrize("command", ["status", "timeline"])
def test_a_bad_as_of_date_is_a_usage_error(command):
    result = run_cli(command, CASE, "--as-of", "2023-13-01")
    assert result.exit_code == 2  # click's exit status for a bad option value
    assert result.stdout == ""
    assert ("Invalid value for '--as-of': '2023-13-01' is not a date (expected YYYY-MM-DD)"
            in result.stderr)


@pytest.mark.parametrize("command", ["status", "timeline"])
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_an_unknown_actor_is_one_message(command, fmt):
    result = run_cli(command, CASE, "--actor", "mhwl", "--format", fmt)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "unknown actor 'mhwl' (did you mean 'mhlw'?)\n"


# --- timeline ----------------------------------------------------------------------------------

def test_timeline_json_lists_every_dated_item_in_date_order():
    result = run_cli("timeline", CASE, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all(tuple(row) == TIMELINE_COLUMNS for row in rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert len(rows) == 21
    by_id = {r["id"]: r for r in rows}
    assert by_id["r-force"]["said"] == "accepted" and by_id["r-force"]["locator"] == "p. 3"
    assert by_id["a-survey"]["effects"] == ["contradicts:d-no-survey", "contradicts:r-survey"]


def test_timeline_csv_and_table():
    rows = _csv(run_cli("timeline", CASE, "--format", "csv").stdout)
    assert rows[0] == {"date": "2023-05-18", "kind": "event", "id": "ev-spring",
                       "by": "union; pref", "text": "Spring bargaining", "quote": "",
                       "said": "", "said_words": "", "effects": "", "source": "", "locator": ""}
    table = run_cli("timeline", CASE).stdout
    assert table.splitlines()[0].strip() == "timeline"
    assert "New health insurance cards no longer issued" in table


def test_timeline_as_of_and_actor():
    rows = json.loads(run_cli("timeline", CASE, "--as-of", "2023-06-01", "--format",
                              "json").stdout)
    assert rows[-1]["date"] == "2023-06-01" and {r["id"] for r in rows} >= {"r-force",
                                                                             "r-survey"}
    rows = json.loads(run_cli("timeline", CASE, "--actor", "mhlw", "--format", "json").stdout)
    assert {r["id"] for r in rows} == {"ev-autumn", "d-keep-card", "d-leak-report", "r-keep",
                                      "a-abolish"}


# --- goldens: the same JSON and CSV whatever the hash seed ----------------------------------

REGENERATE = load_script(ROOT / "tests" / "golden" / "regenerate.py", "golden_regenerate")


@pytest.mark.golden
@pytest.mark.parametrize("name", sorted(REGENERATE.REPORTS))
def test_reports_match_their_goldens(name):
    golden = GOLDEN / name
    assert golden.read_text(encoding="utf-8") == REGENERATE.report(name), (
        f"{name} differs: if the change is meant, run python tests/golden/regenerate.py")


# --- the real program --------------------------------------------------------------------------

def _program(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_python_m_argmap_exit_status_and_stderr():
    done = _program("validate", "claims/mynumber-card.yaml")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("claims/mynumber-card.yaml: ok (")
    bad = ROOT / "tests" / "bad"
    done = _program("validate", "many-problems.yaml", cwd=bad)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (bad / "many-problems.yaml.expected").read_text(encoding="utf-8")
    assert "Traceback" not in done.stderr


def test_the_argmap_console_script():
    script = Path(sys.executable).with_name("argmap")
    if not script.exists():
        pytest.skip(f"argmap is not installed as a console script beside {sys.executable}")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("argmap, version ")
    done = subprocess.run([str(script), "status", str(EXAMPLE), "--actor", "nobody"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("unknown actor 'nobody'") and "Traceback" not in done.stderr


def test_a_missing_font_is_a_one_line_warning(tmp_path):
    done = _program("render", str(EXAMPLE), "--lang", "en", "--font", "No Such Font", "-o",
                    str(tmp_path / "map.svg"))
    assert done.returncode == 0, done.stderr
    assert sorted(done.stderr.splitlines()) == [
        f"warning: font 'No Such Font' ({weight}) is not installed: the map is drawn with another "
        "font, and cannot carry its own" for weight in ("bold", "normal")]
    assert (tmp_path / "map.svg").read_text(encoding="utf-8").count("@font-face") == 0
