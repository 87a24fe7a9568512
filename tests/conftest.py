"""Shared test helpers: where the example case and the shared corpora are, and a dossier writer."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "claims" / "mynumber-card.yaml"
CORPORA = ROOT.parent / "shared" / "corpora"
SEED = ROOT.parent / "shared" / "seeds" / "000_45601511449ac7f5.txt"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``graphviz`` fail loudly in CI when ``dot`` is missing, and skip elsewhere."""
    import os

    if shutil.which("dot"):
        return
    if os.environ.get("CI"):
        return  # let them fail: CI must have installed Graphviz
    skip = pytest.mark.skip(reason="Graphviz 'dot' binary not installed")
    for item in items:
        if "graphviz" in item.keywords:
            item.add_marker(skip)


def corpus(name: str) -> Path:
    """A file of the shared corpora (``aif/6064-original.json``); the test skips where absent."""
    path = CORPORA / name
    if not path.exists():
        pytest.skip(f"shared corpus file {name} not present")
    return path


@pytest.fixture
def write(tmp_path: Path):
    """Write dedented text to a file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="session")
def example():
    """The example case, loaded once."""
    from argmap.io.files import load

    return load(EXAMPLE)
