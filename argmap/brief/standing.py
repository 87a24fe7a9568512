"""Whether arguments stand: the brief's view of :mod:`argmap.semantics`.

The dossier's relations become one framework (supports counted the bipolar way, undercuts
defeating the relation they target: :func:`argmap.semantics.framework_from_dossier`), built
once per brief. Every item gets its grounded label; the motion also gets its standing under
preferred semantics (in every, some or no preferred extension), within a time limit.
"""

from __future__ import annotations

import time

from ..dossier import Dossier
from ..semantics import credulous, framework_from_dossier, grounded, sceptical
from .content import Standing

__all__ = ["Standings"]


class Standings:
    """Grounded labels of the dossier's arguments, and the standing of a motion.

    >>> d = Dossier.model_validate({"claims": [{"id": "a", "text": "A"},
    ...     {"id": "b", "text": "B"}],
    ...     "relations": [{"id": "r", "from": "b", "to": "a", "type": "attacks"}]})
    >>> s = Standings(d)
    >>> s.label("a"), s.label("b"), s.standing("a")
    ('out', 'in', Standing(grounded='out', preferred='none', available=True))
    """

    def __init__(self, dossier: Dossier, timeout: float = 10.0) -> None:
        self.timeout = timeout
        self.framework = framework_from_dossier(dossier)
        self.labelling = grounded(self.framework)
        self._items = {item.id for _, _, item in dossier.items()}
        self._premises = {r.id: list(r.from_) for r in dossier.relations}

    def label(self, item_id: str) -> str | None:
        """The grounded label of an item: ``in``, ``out`` or ``undec``; ``None`` when it takes
        part in no relation (nothing bears on it)."""
        if item_id not in self.framework.index:
            return None
        return self.labelling.label(item_id)

    def standing(self, motion: str) -> Standing:
        """The motion's grounded label and whether it is in ``all``, ``some`` or ``none`` of
        the preferred extensions (``timeout`` when that was not found in time)."""
        grounded_label = self.label(motion) or "in"  # nothing attacks it: it stands
        if grounded_label == "in":
            return Standing("in", "all")
        if grounded_label == "out":
            return Standing("out", "none")
        start = time.monotonic()
        some = credulous(self.framework, motion, "preferred", timeout=self.timeout)
        if some != "yes":
            return Standing("undec", "timeout" if some == "unknown" else "none")
        left = max(0.0, self.timeout - (time.monotonic() - start))
        every = sceptical(self.framework, motion, "preferred", timeout=left)
        return Standing("undec", {"yes": "all", "no": "some"}.get(every, "timeout"))

    def defeaters(self, motion: str) -> list[str]:
        """Items labelled ``in`` that attack the motion in the framework (directly, or through
        a support they give an attacker), in framework order. An attacking relation argument
        (an undercut relation's inference) counts through its premises."""
        fw = self.framework
        if motion not in fw.index:
            return []
        names = fw.arguments
        found: list[str] = []
        for a in fw.attackers_of(fw.index[motion]):
            name = names[a]
            if self.labelling.label(name) != "in":
                continue
            if name in self._items:
                found.append(name)
            else:  # a relation argument: point to the premises the reader knows
                found.extend(self._premises.get(name, ()))
        return list(dict.fromkeys(found))
