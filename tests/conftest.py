"""Shared test helpers: where the example case and the shared corpora are, the command line run
in this process, and a dossier writer."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "claims" / "mynumber-card.yaml"
#: Real files from public sources and the example's article, kept beside the repository (the
#: tests that read them skip, saying so, where it is absent).
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
SEED = SHARED / "seeds" / "000_45601511449ac7f5.txt"


@pytest.fixture(scope="session", autouse=True)
def _dossier_cache(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The dossier cache (argmap.io.cache) of the tests in a folder of their own: loads go
    through it as a user's do, and nothing is left in the user's cache folder."""
    before = os.environ.get("ARGMAP_CACHE")
    os.environ["ARGMAP_CACHE"] = str(tmp_path_factory.mktemp("argmap-cache"))
    yield
    if before is None:
        os.environ.pop("ARGMAP_CACHE", None)
    else:
        os.environ["ARGMAP_CACHE"] = before


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``graphviz`` fail loudly in CI when ``dot`` is missing, and skip elsewhere."""
    if shutil.which("dot"):
        return
    if os.environ.get("CI"):
        return  # let them fail: CI must have installed Graphviz
    skip = pytest.mark.skip(reason="Graphviz 'dot' binary not installed")
    for item in items:
        if "graphviz" in item.keywords:
            item.add_marker(skip)


def shared(name: str) -> Path:
    """A file or folder of ``../shared`` (``corpora/aif/6064-original.json``); the test skips,
    saying what it needs and where, when it is absent."""
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"needs ../shared/{name}, the shared corpora and seeds beside the repository "
                    f"(not found at {path}; see README, Development)")
    return path


def corpus(name: str) -> Path:
    """A file of the shared corpora (``aif/6064-original.json``); the test skips where absent."""
    return shared(f"corpora/{name}")


def load_script(path: Path, name: str) -> ModuleType:
    """A helper script of the tests (such as a ``regenerate.py``) as a module of its own name."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def run_cli(*args: object, cwd: str | os.PathLike[str] | None = None):
    """``argmap ARGS`` run in this process by click's CliRunner, from ``cwd`` (the repository by
    default); returns click's Result (``exit_code``, ``stdout``, ``stderr``).

    An exception other than the command's exit is raised again, so that what would have been a
    traceback for a user fails the test.
    """
    from click.testing import CliRunner

    from argmap.cli import cli

    with contextlib.chdir(cwd or ROOT):
        result = CliRunner().invoke(cli, [str(a) for a in args], prog_name="argmap")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


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
