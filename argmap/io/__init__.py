"""Reading and writing files: dossiers in YAML or JSON with file:line locations in every error,
and atomic writes for every output.

- :mod:`argmap.io.files`: :func:`load`, :func:`loads`, :func:`dump`, :func:`dumps`;
- :mod:`argmap.io.yaml_read` and :mod:`argmap.io.json_read`: strict parsers that keep locations;
- :mod:`argmap.io.yaml_write`: deterministic YAML output;
- :mod:`argmap.io.atomic`: :func:`write_atomic`.
"""

from __future__ import annotations

from .atomic import write_atomic
from .files import dump, dumps, load, loads

__all__ = ["dump", "dumps", "load", "loads", "write_atomic"]
