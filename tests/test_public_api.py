"""The package's public names: declared once per module, every one importable, the lazy top
level in agreement with itself, and ``import argmap`` light."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys

import pytest

import argmap

#: Eagerly imported names of the top level (everything else is resolved through ``_LAZY``).
EAGER = {"ArgmapError", "DossierError", "__version__"}

MODULES = sorted(info.name for info in pkgutil.walk_packages(argmap.__path__, "argmap.")
                 if info.name != "argmap.__main__"
                 and not info.name.rsplit(".", 1)[-1].startswith("_"))


def _type_checking_names() -> set[str]:
    """The names the ``if TYPE_CHECKING:`` block of ``argmap/__init__.py`` imports."""
    tree = ast.parse(inspect.getsource(argmap))
    block = next(node for node in tree.body if isinstance(node, ast.If)
                 and ast.unparse(node.test) == "TYPE_CHECKING")
    return {alias.asname or alias.name for node in ast.walk(block)
            if isinstance(node, ast.ImportFrom) for alias in node.names}


def test_the_top_level_names_agree() -> None:
    assert argmap.__all__ == sorted(set(argmap.__all__)), "sorted, each once"
    assert set(argmap.__all__) == EAGER | set(argmap._LAZY)
    assert _type_checking_names() == set(argmap._LAZY)


@pytest.mark.parametrize("name", sorted(argmap._LAZY))
def test_every_lazy_name_is_the_object_its_module_defines(name: str) -> None:
    module = importlib.import_module(argmap._LAZY[name])
    assert name in module.__all__, f"{module.__name__} does not list {name} in __all__"
    assert getattr(argmap, name) is getattr(module, name)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        argmap.nothing  # noqa: B018


def test_render_and_build_are_functions() -> None:
    assert inspect.isfunction(argmap.render) and inspect.isfunction(argmap.build)
    assert argmap.render.__module__ == "argmap.outputs"


@pytest.mark.parametrize("name", MODULES)
def test_every_module_declares_its_public_names(name: str) -> None:
    module = importlib.import_module(name)
    names = module.__dict__.get("__all__")
    assert isinstance(names, list), f"{name} declares no __all__"
    assert len(names) == len(set(names)), f"{name} lists a name twice"
    for public in names:
        if not hasattr(module, public):  # a package may list its submodules
            importlib.import_module(f"{name}.{public}")
    defined = {n for n, v in vars(module).items() if not n.startswith("_")
               and (inspect.isfunction(v) or inspect.isclass(v))
               and getattr(v, "__module__", None) == name}
    assert defined <= set(names), f"{name}: public but not in __all__: {sorted(defined - set(names))}"


def test_import_argmap_loads_no_heavy_dependency() -> None:
    code = ("import sys, argmap; heavy = {'networkx', 'graphviz', 'yaml', 'pydantic', 'rich'}; "
            "print(sorted(heavy & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "[]"
