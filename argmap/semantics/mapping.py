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
from itertools import chain, compress, repeat
from operator import attrgetter, is_, is_not, or_
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
_SUPPORTS, _UNDERCUTS = RelationType.supports, RelationType.undercuts
_ID, _FROM, _TO, _TYPE = (attrgetter(name) for name in ("id", "from_", "to", "type"))


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
    # The fields of every relation are read in bulk (C loops), the arguments numbered once, and
    # every later step works on numbers: an attack is ``attacker * n + target``, as in Framework.
    rels = [r for r in relations if r.type in _ARGUMENT_TYPES]
    rids = list(map(_ID, rels))
    froms = list(map(_FROM, rels))
    tos = list(map(_TO, rels))
    kinds = list(map(_TYPE, rels))
    undercut = set(compress(tos, map(is_, kinds, repeat(_UNDERCUTS))))
    linked = set(compress(rids, map((1).__lt__, map(len, froms))))
    nodes = (undercut & set(rids)) | linked  # relation arguments (see the module docs)
    names = set(nodes)
    names.update(chain.from_iterable(froms))
    names.update(compress(tos, map(is_not, kinds, repeat(_UNDERCUTS))))
    order = sorted(names)
    n = len(order)
    index = dict(zip(order, range(n)))
    at = index.__getitem__

    direct: set[int] = set()
    supports: dict[int, set[int]] = {}
    for rid, frm, to, kind in zip(rids, froms, tos, kinds):
        if kind is _UNDERCUTS and to not in nodes:
            continue  # targets no argument relation: nothing to defeat
        target = at(to)
        if rid in nodes:
            if kind is _SUPPORTS:
                supports.setdefault(at(rid), set()).add(target)
            else:
                direct.add(at(rid) * n + target)
        elif kind is _SUPPORTS:
            for s in frm:
                supports.setdefault(at(s), set()).add(target)
        else:
            for s in frm:
                direct.add(at(s) * n + target)
    by_id = dict(zip(rids, froms))
    premises = {at(node): list(map(at, by_id[node])) for node in nodes}
    attacks = _inherit(direct, premises, n)
    if support == "bipolar" and supports:
        attacks = _inherit(_bipolar(attacks, supports, n), premises, n)
    return Framework._from_keys(order, index, list(attacks))


def _inherit(attacks: set[int], premises: dict[int, list[int]], n: int) -> set[int]:
    """Add ``x -> R`` for a relation argument ``R`` whenever ``x`` attacks one of its premises
    (attacks as ``attacker * n + target``)."""
    if not premises:
        return attacks
    wanted = {p for prem in premises.values() for p in prem}
    keys = list(attacks)
    hits = list(compress(keys, map(wanted.__contains__, map(n.__rmod__, keys))))
    attackers: dict[int, list[int]] = {}
    for key in hits:
        attackers.setdefault(key % n, []).append(key // n)
    out = set(attacks)
    for node, prem in premises.items():
        for p in prem:
            for x in attackers.get(p, ()):
                out.add(x * n + node)
    return out


def _reach(start: int, edges: dict[int, set[int]]) -> set[int]:
    """Everything reachable from ``start`` in one or more steps."""
    seen: set[int] = set()
    todo = list(edges.get(start, ()))
    while todo:
        v = todo.pop()
        if v not in seen:
            seen.add(v)
            todo.extend(edges.get(v, ()))
    return seen


def _bipolar(attacks: set[int], supports: dict[int, set[int]], n: int) -> set[int]:
    """Direct attacks plus supported and secondary attacks (Cayrol & Lagasquie-Schiex); only
    attacks that touch a support can add any."""
    backwards: dict[int, set[int]] = {}
    for a, targets in supports.items():
        for b in targets:
            backwards.setdefault(b, set()).add(a)
    down: dict[int, set[int]] = {}
    up: dict[int, set[int]] = {}
    out = set(attacks)
    keys = list(attacks)
    ends = list(map(n.__rmod__, keys))
    starts = list(map(n.__rfloordiv__, keys))
    touching = list(map(or_, map(supports.__contains__, ends), map(backwards.__contains__, starts)))
    for a, c in zip(compress(starts, touching), compress(ends, touching)):
        if c not in down:
            down[c] = _reach(c, supports)
        for b in down[c]:
            out.add(a * n + b)           # secondary: a attacks c, c supports+ b
        if a not in up:
            up[a] = _reach(a, backwards)
        for s in up[a]:
            out.add(s * n + c)           # supported: s supports+ a, a attacks c
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
