"""Rewrite every ``<case>.expected`` from what ``argmap validate <case>`` prints now.

Run from anywhere: ``python tests/bad/regenerate.py``. Review the diff before committing: the
expected messages are the contract users read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"README.md", "regenerate.py"}


def cases() -> list[Path]:
    """Every bad input here: files and folders, less the expected outputs and these helpers."""
    return sorted(p for p in HERE.iterdir() if p.name not in SKIP and p.suffix != ".expected"
                  and not p.name.startswith((".", "__")))  # nor .hidden files, __pycache__


def main() -> None:
    for case in cases():
        done = subprocess.run([sys.executable, "-m", "argmap", "validate", case.name], cwd=HERE,
                              capture_output=True, text=True, timeout=120)
        case.with_name(case.name + ".expected").write_text(done.stderr, encoding="utf-8")
        print(f"{done.returncode} {case.name}")


if __name__ == "__main__":
    main()
