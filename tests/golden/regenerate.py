"""Rewrite the golden files of the maps and of the status and timeline commands (run after a
deliberate change).

    python tests/golden/regenerate.py

Writes ``tests/golden/<case>-<view>-<lang>.dot`` for the renderer's fixture case and the example
case ``claims/mynumber-card.yaml``, and ``tests/golden/reports/`` (what ``argmap status`` and
``argmap timeline`` print for the fixture case, as JSON and CSV). Review the diff before
committing: the goldens are the specification of the maps and of the reports.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from argmap.io.files import load  # noqa: E402
from argmap.maps import VIEWS, RenderOptions, draw  # noqa: E402

GOLDEN = Path(__file__).resolve().parent

#: (case name, dossier path, languages) drawn into goldens.
CASES = (
    ("card-talks", ROOT / "tests" / "fixtures" / "render" / "card-talks.yaml", ("ja", "en")),
    ("mynumber-card", ROOT / "claims" / "mynumber-card.yaml", ("ja", "en")),
    ("hk-2019-five-demands", ROOT / "tests" / "fixtures" / "lang" / "hk-2019-five-demands.yaml",
     ("zh-Hant", "en")),
)


def goldens() -> dict[str, str]:
    """Every golden file name with the DOT source it should hold."""
    out: dict[str, str] = {}
    for name, path, langs in CASES:
        if not path.exists():
            continue
        dossier = load(path)
        for lang in langs:
            for view in VIEWS:
                out[f"{name}-{view}-{lang}.dot"] = draw(dossier, view,
                                                        RenderOptions(lang=lang)).source
    return out


#: Golden report -> the command line that prints it, run on the renderer's fixture case.
REPORTS: dict[str, tuple[str, ...]] = {
    "card-talks-status.json": ("status", "--format", "json"),
    "card-talks-status.csv": ("status", "--format", "csv"),
    "card-talks-timeline.json": ("timeline", "--format", "json"),
    "card-talks-timeline-ja.csv": ("timeline", "--format", "csv", "--lang", "ja"),
}


def report(name: str) -> str:
    """What the command line of one golden report prints now (run in this process)."""
    from click.testing import CliRunner

    from argmap.cli import cli

    command, *options = REPORTS[name]
    result = CliRunner().invoke(cli, [command, str(CASES[0][1]), *options], prog_name="argmap")
    if result.exit_code != 0:
        raise SystemExit(f"{name}: exit {result.exit_code}: {result.stderr}")
    return result.stdout


def main() -> None:
    for file_name, source in sorted(goldens().items()):
        (GOLDEN / file_name).write_text(source, encoding="utf-8")
        print(GOLDEN / file_name)
    (GOLDEN / "reports").mkdir(exist_ok=True)
    for name in sorted(REPORTS):
        (GOLDEN / "reports" / name).write_text(report(name), encoding="utf-8", newline="\n")
        print(GOLDEN / "reports" / name)


if __name__ == "__main__":
    main()
