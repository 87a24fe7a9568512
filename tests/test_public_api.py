"""The package's public names: complete, sorted, each one importable, and import stays light."""

from __future__ import annotations

import subprocess
import sys

import argmap


def test_all_is_sorted_and_every_name_resolves():
    assert argmap.__all__ == sorted(argmap.__all__)
    for name in argmap.__all__:
        assert getattr(argmap, name) is not None, name


def test_render_is_both_the_package_and_the_function():
    import argmap.maps

    assert callable(argmap.render)
    assert argmap.maps.RenderOptions is not None


def test_import_argmap_loads_no_heavy_dependency():
    code = ("import sys, argmap; heavy = {'networkx', 'graphviz', 'yaml', 'pydantic', 'rich'}; "
            "print(sorted(heavy & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "[]"
