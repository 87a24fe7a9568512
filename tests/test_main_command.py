"""The README's main command: ``argmap build`` on the example case writes exactly what renders/
holds (the committed maps, pages and briefs are up to date and byte-for-byte reproducible)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT

RENDERS = ROOT / "renders"
# PNG bytes depend on the rasteriser's build; every text format must match exactly.
TEXT_SUFFIXES = {".svg", ".html", ".md"}


@pytest.mark.graphviz
def test_build_reproduces_the_committed_renders(tmp_path: Path):
    done = subprocess.run([sys.executable, "-m", "argmap", "build", str(EXAMPLE), "-o",
                           str(tmp_path), "--brief-side", "jichiroren"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "19 demands" in done.stdout.replace("demands (19)", "19 demands")
    built = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in RENDERS.iterdir())
    assert built == committed
    stale = [name for name in built if Path(name).suffix in TEXT_SUFFIXES
             and (tmp_path / name).read_bytes() != (RENDERS / name).read_bytes()]
    assert stale == [], "renders/ is out of date: run bash scripts/example.sh and commit"
    for name in built:
        if name.endswith(".png"):
            assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_dossier_creates_no_output(tmp_path: Path):
    bad = ROOT / "tests" / "bad" / "dangling-reference.yaml"
    for args in (["render", str(bad), "-o", str(tmp_path / "map.svg")],
                 ["render", str(bad), "-o", str(tmp_path / "map.html")],
                 ["export", str(bad), "--to", "aif", "-o", str(tmp_path / "out.json")],
                 ["brief", str(bad), "--side", "union", "-o", str(tmp_path / "brief.md")],
                 ["build", str(bad), "-o", str(tmp_path / "renders")]):
        done = subprocess.run([sys.executable, "-m", "argmap", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 1, args
        assert "unknown actor 'cabinet-office'" in done.stderr
        assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []
