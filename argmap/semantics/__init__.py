"""Abstract argumentation semantics over a dossier's argument map.

A dossier's relations become a Dung framework (:func:`framework_from_dossier`; supports enter
as bipolar supported and secondary attacks, undercuts defeat the relation they target: see
:mod:`argmap.semantics.mapping`). On a :class:`Framework`:

* :func:`grounded` — the grounded labelling (in / out / undec), linear time: 100,000
  arguments and 500,000 attacks in about 0.1 s.
* :func:`complete`, :func:`preferred`, :func:`stable` — the extensions, exactly, by
  SCC-recursive search with a SAT solver (python-sat) on the cyclic components, found one at
  a time; a list stops at ``limit`` (default 10,000) and before it takes 256 MiB, and
  :func:`iter_extensions` gives them one by one without keeping them (see
  :mod:`argmap.semantics.search` for the bounds and what is practical up to what size).
* :func:`credulous`, :func:`sceptical` — acceptance of one argument without enumerating.
* :func:`status_of` — one word for a brief: accepted, defended, contested, undefended,
  rejected or unknown.

Every exact call takes ``timeout`` (seconds) and answers ``"unknown"`` (an
:class:`Extensions` with ``status="unknown"`` holding what was found, or the string
``"unknown"``) when it runs out.
The framework core depends on the standard library only; python-sat is imported when a search
needs it. ICCMA files are read and written by :mod:`argmap.semantics.iccma`, and
:mod:`argmap.semantics.tasks` answers the ICCMA tasks (``DC-PR``, ``DS-ST``, ``SE-CO``,
``EE-GR``, ...) as a competition solver does, certificates included.

>>> fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> sorted(grounded(fw).in_), [sorted(e) for e in preferred(fw).extensions]
(['a', 'c'], [['a', 'c']])
"""

from .acceptance import credulous, sceptical
from .framework import Framework
from .labelling import Labelling, grounded
from .mapping import (
    STATUS_TEXT,
    SupportMode,
    framework_from_dossier,
    framework_from_relations,
    status_of,
)
from .search import (
    DEFAULT_LIMIT,
    DEFAULT_TIMEOUT,
    MAX_BYTES,
    SEMANTICS,
    Answer,
    ExtensionIterator,
    Extensions,
    Semantics,
    complete,
    extensions,
    iter_extensions,
    preferred,
    stable,
)

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_TIMEOUT",
    "MAX_BYTES",
    "SEMANTICS",
    "STATUS_TEXT",
    "Answer",
    "ExtensionIterator",
    "Extensions",
    "Framework",
    "Labelling",
    "Semantics",
    "SupportMode",
    "complete",
    "credulous",
    "extensions",
    "framework_from_dossier",
    "framework_from_relations",
    "grounded",
    "iter_extensions",
    "preferred",
    "sceptical",
    "stable",
    "status_of",
]
