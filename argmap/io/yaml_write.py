"""Writing YAML that people read and edit: block style, readable non-ASCII, multi-line text as
literal blocks, and quotes only where a YAML reader would otherwise take a string for something else.
"""

from __future__ import annotations

from typing import Any

import yaml

from .yaml_read import CORE_RESOLVERS

__all__ = ["ReadableDumper", "dump_yaml"]

try:
    _Dumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover
    _Dumper = yaml.SafeDumper


class ReadableDumper(_Dumper):
    """Quotes what YAML 1.2 or 1.1 readers would not read back as a string, and nothing else."""

    # YAML 1.1 resolvers (so "no" or "on" stay quoted for 1.1 readers), less the timestamp one:
    # dates are written bare, as people write them.
    yaml_implicit_resolvers: dict[Any, Any] = {
        first: [(tag, rx) for tag, rx in pairs if tag != "tag:yaml.org,2002:timestamp"]
        for first, pairs in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }


for _tag, _regexp, _first in CORE_RESOLVERS:
    ReadableDumper.add_implicit_resolver(_tag, _regexp, list(_first))


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


ReadableDumper.add_representer(str, _str)


def dump_yaml(data: Any) -> str:
    """YAML text of plain data, deterministic (keys in the order given)."""
    return yaml.dump(data, Dumper=ReadableDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100, indent=2)
