"""argmap: map arguments and track claims.

Load a dossier of actors, claims, demands, answers, evidence and actions; build its argument graph;
ask which demands are open as of a date; draw maps; write debate briefs; exchange with other
argument tools.

>>> import argmap
>>> dossier = argmap.load("claims/mynumber-card.yaml")  # doctest: +SKIP
>>> status = argmap.demand_status(dossier, as_of="2019-09-01")  # doctest: +SKIP

Heavier parts (networkx, Graphviz, YAML) are imported on first use, so ``import argmap`` stays fast:
each name of :data:`_LAZY` comes from its module when it is first asked for. A new public name is
added three times, and ``tests/test_public_api.py`` checks they agree: in ``_LAZY``, in
``__all__`` and in the ``TYPE_CHECKING`` imports at the end (for type checkers and editors).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import ArgmapError, DossierError

__version__ = "0.1.0"

# public name -> module that defines it (imported on first access)
_LAZY: dict[str, str] = {
    "Action": "argmap.model",
    "Actor": "argmap.model",
    "Claim": "argmap.model",
    "Demand": "argmap.model",
    "Done": "argmap.model",
    "Dossier": "argmap.dossier",
    "Event": "argmap.model",
    "Evidence": "argmap.model",
    "Relation": "argmap.model",
    "Response": "argmap.model",
    "Said": "argmap.model",
    "Source": "argmap.model",
    "build": "argmap.outputs",
    "build_graph": "argmap.graph",
    "changes_between": "argmap.tracking",
    "check": "argmap.checks",
    "demand_status": "argmap.tracking",
    "dump": "argmap.io.files",
    "dumps": "argmap.io.files",
    "known_as_of": "argmap.tracking",
    "load": "argmap.io.files",
    "loads": "argmap.io.files",
    "neighbourhood": "argmap.graph",
    "pick": "argmap.lang",
    "render": "argmap.outputs",
    "timeline": "argmap.tracking",
}

__all__ = [
    "Action", "Actor", "ArgmapError", "Claim", "Demand", "Done", "Dossier", "DossierError",
    "Event", "Evidence", "Relation", "Response", "Said", "Source", "__version__", "build",
    "build_graph", "changes_between", "check", "demand_status", "dump", "dumps", "known_as_of",
    "load", "loads", "neighbourhood", "pick", "render", "timeline",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute '{name}'")
    imported = importlib.import_module(module)
    value = getattr(imported, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .checks import check
    from .dossier import Dossier
    from .graph import build_graph, neighbourhood
    from .io.files import dump, dumps, load, loads
    from .lang import pick
    from .model import (Action, Actor, Claim, Demand, Done, Event, Evidence, Relation, Response,
                        Said, Source)
    from .outputs import build, render
    from .tracking import changes_between, demand_status, known_as_of, timeline
