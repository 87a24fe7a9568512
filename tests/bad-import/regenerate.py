"""Rewrite every ``<case>.expected`` from what ``argmap import <case> -o ...`` prints now.

Run: ``python tests/bad-import/regenerate.py``; review the diff before committing.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"README.md", "regenerate.py"}


def cases() -> list[Path]:
    """Every foreign file here that ``argmap import`` must refuse."""
    return sorted(p for p in HERE.iterdir() if p.name not in SKIP and p.suffix != ".expected"
                  and not p.name.startswith((".", "__")))  # nor .hidden files, __pycache__


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases():
            done = subprocess.run([sys.executable, "-m", "argmap", "import", case.name, "-o",
                                   str(Path(tmp) / "out.yaml")], cwd=HERE, capture_output=True,
                                  text=True, timeout=120)
            case.with_name(case.name + ".expected").write_text(done.stderr, encoding="utf-8")
            print(f"{done.returncode} {case.name}")


if __name__ == "__main__":
    main()
