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
from collections import defaultdict, deque
from itertools import chain, compress, repeat
from operator import add, and_, attrgetter, is_, is_not, itemgetter, not_, or_
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

_ARGUMENT_TYPES = frozenset((RelationType.supports, RelationType.attacks,
                             RelationType.undercuts))
_SUPPORTS, _UNDERCUTS = RelationType.supports, RelationType.undercuts
# a relation's fields read from its __dict__: pydantic models define __getattr__, which makes
# every attribute read go through a slower hook (a third of the mapping at 100,000 items)
_DICT = attrgetter("__dict__")
_FIELDS = tuple(map(itemgetter, ("type", "id", "from_", "to")))
_FIRST = itemgetter(0)


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
    # Every step works on whole lists in C loops (map, compress, zip, set operations), with
    # Python code only per relation argument and per attack that touches a support: the fields
    # of every relation are read in one pass, the arguments numbered once, and an attack is the
    # integer ``attacker * n + target``, as in Framework.
    rels = relations if isinstance(relations, list) else list(relations)
    if not rels:
        return Framework._from_keys([], {}, [])
    fields = list(map(_DICT, rels))
    kinds, rids, froms, tos = (list(map(get, fields)) for get in _FIELDS)
    present = set(kinds)
    if not present.issubset(_ARGUMENT_TYPES):  # rephrases say nothing about acceptance
        keep = list(map(_ARGUMENT_TYPES.__contains__, kinds))
        kinds, rids, froms, tos = (list(compress(x, keep)) for x in (kinds, rids, froms, tos))
    count = len(kinds)
    lens = list(map(len, froms))
    premises_of = list(chain.from_iterable(froms))
    single = lens.count(1) == count  # every relation has one premise: the common case
    linked = set() if single else set(compress(rids, map((1).__lt__, lens)))
    is_undercut: list[bool] = []
    undercut: set[str] = set()
    if _UNDERCUTS in present:
        is_undercut = list(map(is_, kinds, repeat(_UNDERCUTS)))
        undercut = set(compress(tos, is_undercut))
    nodes = undercut.intersection(rids) | linked  # relation arguments (see the module docs)
    names = set(premises_of)
    names.update(nodes)
    names.update(compress(tos, map(not_, is_undercut)) if undercut else tos)
    order = sorted(names)
    n = len(order)
    index = dict(zip(order, range(n)))
    at = index.__getitem__

    # each relation is one edge: from the relation argument it is, else from its one premise
    if single:
        sources: list[Any] = premises_of
    else:
        try:
            sources = list(map(_FIRST, froms))
        except IndexError:  # a relation without a premise (no checked dossier has one)
            sources = [frm[0] if frm else None for frm in froms]
    is_node: list[bool] = []
    by_id: dict[str, list[str]] = {}
    if nodes:
        is_node = list(map(nodes.__contains__, rids))
        by_id = dict(zip(compress(rids, is_node), compress(froms, is_node)))
        sources = sources.copy() if single else sources
        for i in compress(range(count), is_node):
            sources[i] = rids[i]
    kept: list[bool] | None = None
    if undercut - nodes:  # undercuts of no argument relation: nothing to defeat
        kept = list(map(or_, map(not_, is_undercut), map(nodes.__contains__, tos)))
    if not single and 0 in lens:  # a relation without a premise (no checked dossier has one)
        has = list(map(is_not, sources, repeat(None)))
        kept = has if kept is None else list(map(and_, kept, has))
    if kept is not None:
        kinds, sources, tos = (list(compress(x, kept)) for x in (kinds, sources, tos))
    keys = list(map(add, map(n.__mul__, map(at, sources)), map(at, tos)))
    if _SUPPORTS in present:
        is_support = list(map(is_, kinds, repeat(_SUPPORTS)))
        direct = set(compress(keys, map(not_, is_support)))
        supported = list(compress(keys, is_support))
    else:
        direct, supported = set(keys), []
    premises = {at(node): list(map(at, by_id[node])) for node in nodes}
    attacks = _inherit(direct, premises, n)
    if support == "bipolar" and supported:
        attacks = _inherit(_bipolar(attacks, supported, n), premises, n)
    return Framework._from_keys(order, index, list(attacks))


def _inherit(attacks: set[int], premises: dict[int, list[int]], n: int) -> set[int]:
    """Add ``x -> R`` for a relation argument ``R`` whenever ``x`` attacks one of its premises
    (attacks as ``attacker * n + target``)."""
    if not premises:
        return attacks
    wanted = set(chain.from_iterable(premises.values()))
    keys = list(attacks)
    hits = list(compress(keys, map(wanted.__contains__, map(n.__rmod__, keys))))
    if not hits:
        return attacks
    attackers: defaultdict[int, list[int]] = defaultdict(list)
    deque(map(list.append, map(attackers.__getitem__, map(n.__rmod__, hits)),
              map(n.__rfloordiv__, hits)), maxlen=0)
    out = set(attacks)
    for node, prem in premises.items():
        for p in prem:
            found = attackers.get(p)
            if found:
                out.update(map(node.__add__, map(n.__mul__, found)))
    return out


def _reach(start: int, edges: dict[int, list[int]]) -> set[int]:
    """Everything reachable from ``start`` in one or more steps."""
    seen: set[int] = set()
    todo = list(edges.get(start, ()))
    while todo:
        v = todo.pop()
        if v not in seen:
            seen.add(v)
            todo.extend(edges.get(v, ()))
    return seen


def _bipolar(attacks: set[int], supported: list[int], n: int) -> set[int]:
    """Direct attacks plus supported and secondary attacks (Cayrol & Lagasquie-Schiex); only
    attacks that touch a support can add any. ``supported`` holds the supports as
    ``supporter * n + supported``."""
    forwards: dict[int, list[int]] = {}
    backwards: dict[int, list[int]] = {}
    for key in supported:
        s, b = divmod(key, n)
        forwards.setdefault(s, []).append(b)
        backwards.setdefault(b, []).append(s)
    keys = list(attacks)
    ends = list(map(n.__rmod__, keys))
    starts = list(map(n.__rfloordiv__, keys))
    touching = list(map(or_, map(forwards.__contains__, ends),
                        map(backwards.__contains__, starts)))
    if not any(touching):
        return attacks
    down: dict[int, set[int]] = {}
    up: dict[int, set[int]] = {}
    out = set(attacks)
    put = out.add
    for a, c in zip(compress(starts, touching), compress(ends, touching)):
        if c in forwards:  # secondary: a attacks c, c supports+ b
            below = down.get(c)
            if below is None:
                below = down[c] = _reach(c, forwards)
            an = a * n
            for b in below:
                put(an + b)
        if a in backwards:  # supported: s supports+ a, a attacks c
            above = up.get(a)
            if above is None:
                above = up[a] = _reach(a, backwards)
            for s in above:
                put(s * n + c)
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
