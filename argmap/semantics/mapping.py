"""From a dossier's relations to an abstract argumentation framework.

**Arguments.** Every item that takes part in a ``supports``, ``attacks`` or ``undercuts``
relation (claims, demands, evidence, responses, actions) is an argument, named by its id.
``rephrases`` relations say nothing about acceptance and are left out.

**Undercuts** (AIF / ASPIC+ style). A relation that an undercut targets becomes an argument of
its own, named by the relation's id: the inference "premises, therefore (not) target". It is what
attacks (or supports) the target, so defeating it defeats the relation and nothing else: for
``r: a attacks b`` undercut by ``u`` the framework has ``a``, ``b``, ``r``, ``u`` and the attacks
``r -> b`` and ``u -> r``. Such a relation argument inherits every attack on its premises (an
attack on a premise is an attack on the inference built on it, as in ASPIC+), so ``x -> a``
also gives ``x -> r``. A support with several linked premises is turned into a relation argument
the same way, so that it stands only while all its premises do.

**Supports** (``support="bipolar"``, the default) follow the bipolar argumentation frameworks
of Cayrol & Lagasquie-Schiex: supports are not attacks, but they carry attacks along them, and
the flattened Dung framework gets, besides the direct attacks,

* a *supported attack* ``a -> b`` when ``a`` supports, through a chain of one or more supports,
  an argument ``c`` that attacks ``b`` (what follows from ``a`` attacks ``b``, so ``a`` does);
* a *secondary attack* ``a -> b`` when ``a`` attacks ``c`` and ``c`` supports ``b`` through a
  chain of one or more supports (knocking out ``c`` knocks out what rests on it).

C. Cayrol, M.-C. Lagasquie-Schiex, "On the acceptability of arguments in bipolar argumentation
frameworks", ECSQARU 2005, LNAI 3571, pp. 378-389 (supported and indirect defeats); and
"Bipolarity in argumentation graphs: towards a better understanding", International Journal of
Approximate Reasoning 54(7), 2013, pp. 876-899 (supported and secondary attacks, flattening).

The derived attacks are computed from the direct ones (including those inherited by relation
arguments); relation arguments then inherit the derived attacks on their premises too. With
``support="ignore"`` supports add nothing and only attacks and undercuts count.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any, Literal

from ..dossier import Dossier
from ..errors import UnknownReferenceError
from ..model import Relation, RelationType
from .acceptance import credulous, sceptical
from .framework import Framework
from .labelling import IN, OUT, grounded_codes
from .search import DEFAULT_TIMEOUT

__all__ = [
    "STATUS_TEXT", "ArgumentStatus", "SupportMode", "framework_from_dossier",
    "framework_from_relations", "status_of"
]

SupportMode = Literal["bipolar", "ignore"]
ArgumentStatus = Literal["accepted", "defended", "contested", "undefended", "rejected", "unknown"]

#: What each answer of :func:`status_of` means, for briefs.
STATUS_TEXT: dict[str, str] = {
    "accepted": "stands: in the grounded extension (nothing standing defeats it)",
    "defended": "stands in every preferred reading, though not in the grounded one",
    "contested": "stands in some preferred readings, not in others",
    "undefended": "stands in no reading: it cannot be defended (e.g. an odd cycle of attacks)",
    "rejected": "falls: an argument that stands in every reading defeats it",
    "unknown": "the time ran out before an answer was found",
}

_ARGUMENT_TYPES = (RelationType.supports, RelationType.attacks, RelationType.undercuts)


def _relations(source: Any) -> list[Relation]:
    if isinstance(source, Dossier):
        return list(source.relations)
    if hasattr(source, "edges") and hasattr(source, "nodes"):
        from ..graph import relations_from_graph

        return relations_from_graph(source)
    return list(source)


def framework_from_relations(relations: Iterable[Relation],
                             support: SupportMode = "bipolar") -> Framework:
    """The flattened framework of a list of relations (see the module docs for the mapping).

    >>> from argmap.model import Relation
    >>> rels = [Relation(id="r1", **{"from": "a"}, to="b", type="attacks"),
    ...         Relation(id="r2", **{"from": "u"}, to="r1", type="undercuts")]
    >>> fw = framework_from_relations(rels)
    >>> fw.arguments, sorted(fw.attacks)
    (('a', 'b', 'r1', 'u'), [('r1', 'b'), ('u', 'r1')])
    """
    if support not in ("bipolar", "ignore"):
        raise ValueError(f"unknown support mode {support!r}; expected 'bipolar' or 'ignore'")
    rels = [r for r in relations if r.type in _ARGUMENT_TYPES]
    by_id = {r.id: r for r in rels}
    undercut = {r.to for r in rels if r.type is RelationType.undercuts}
    nodes = {r.id for r in rels if r.id in undercut or len(r.from_) > 1}

    names: set[str] = set(nodes)
    direct: set[tuple[str, str]] = set()
    supports: dict[str, set[str]] = {}
    for r in rels:
        names.update(r.from_)
        sources = [r.id] if r.id in nodes else r.from_
        if r.type is RelationType.undercuts:
            if r.to not in nodes or r.to not in by_id:
                continue  # targets no argument relation: nothing to defeat
            target = r.to
        else:
            target = r.to
            names.add(target)
        for s in sources:
            if r.type is RelationType.supports:
                supports.setdefault(s, set()).add(target)
            else:
                direct.add((s, target))
    premises = {n: by_id[n].from_ for n in nodes}
    attacks = _inherit(direct, premises)
    if support == "bipolar" and supports:
        attacks = _inherit(_bipolar(attacks, supports), premises)
    return Framework(sorted(names), sorted(attacks))


def _inherit(attacks: set[tuple[str, str]], premises: dict[str, list[str]]) -> set[tuple[str, str]]:
    """Add ``x -> R`` for a relation argument ``R`` whenever ``x`` attacks one of its premises."""
    if not premises:
        return attacks
    attackers: dict[str, set[str]] = {}
    for a, b in attacks:
        attackers.setdefault(b, set()).add(a)
    out = set(attacks)
    for node, prem in premises.items():
        for p in prem:
            for x in attackers.get(p, ()):
                out.add((x, node))
    return out


def _reach(start: str, edges: dict[str, set[str]]) -> set[str]:
    """Everything reachable from ``start`` in one or more steps."""
    seen: set[str] = set()
    todo = list(edges.get(start, ()))
    while todo:
        v = todo.pop()
        if v not in seen:
            seen.add(v)
            todo.extend(edges.get(v, ()))
    return seen


def _bipolar(attacks: set[tuple[str, str]], supports: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Direct attacks plus supported and secondary attacks (Cayrol & Lagasquie-Schiex)."""
    backwards: dict[str, set[str]] = {}
    for a, targets in supports.items():
        for b in targets:
            backwards.setdefault(b, set()).add(a)
    down: dict[str, set[str]] = {}
    up: dict[str, set[str]] = {}
    out = set(attacks)
    for a, c in attacks:
        if c not in down:
            down[c] = _reach(c, supports)
        for b in down[c]:
            out.add((a, b))           # secondary: a attacks c, c supports+ b
        if a not in up:
            up[a] = _reach(a, backwards)
        for s in up[a]:
            out.add((s, c))           # supported: s supports+ a, a attacks c
    return out


def framework_from_dossier(source: Dossier | Any, support: SupportMode = "bipolar") -> Framework:
    """The framework of a dossier's relations (a :class:`~argmap.dossier.Dossier`, a graph from
    :func:`argmap.graph.build_graph`, or a list of :class:`~argmap.model.Relation`).

    ``support`` is ``"bipolar"`` (supported and secondary attacks, see the module docs) or
    ``"ignore"``.
    """
    return framework_from_relations(_relations(source), support)


def status_of(source: Dossier | Any, item_id: str, *, support: SupportMode = "bipolar",
              timeout: float | None = DEFAULT_TIMEOUT) -> ArgumentStatus:
    """Where an item stands in the dossier's argument map, as one word for a brief.

    ``accepted`` (grounded in), ``defended`` (in every preferred extension but not grounded,
    e.g. floating acceptance), ``contested`` (in some preferred extensions only),
    ``undefended`` (undecided and in no preferred extension), ``rejected`` (grounded out) or
    ``unknown`` (time ran out). An item that takes part in no relation is ``accepted``: nothing
    attacks it. :data:`STATUS_TEXT` explains each word. Raises
    :class:`~argmap.errors.UnknownReferenceError` for an id the dossier does not have.
    """
    relations = _relations(source)
    if not _known(source, item_id, relations):
        raise UnknownReferenceError(f"unknown item '{item_id}'")
    fw = framework_from_relations(relations, support)
    if item_id not in fw.index:
        return "accepted"
    code = grounded_codes(fw)[fw.index[item_id]]
    if code == IN:
        return "accepted"
    if code == OUT:
        return "rejected"
    start = time.monotonic()
    found = credulous(fw, item_id, "preferred", timeout=timeout)
    if found != "yes":
        return "unknown" if found == "unknown" else "undefended"
    left = None if timeout is None else max(0.0, timeout - (time.monotonic() - start))
    always = sceptical(fw, item_id, "preferred", timeout=left)
    return {"yes": "defended", "no": "contested"}.get(always, "unknown")  # type: ignore[return-value]


def _known(source: Any, item_id: str, relations: list[Relation]) -> bool:
    if hasattr(source, "__contains__") and not isinstance(source, list):
        return item_id in source
    return any(item_id == r.to or item_id in r.from_ or item_id == r.id for r in relations)
