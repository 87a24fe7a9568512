"""The dossier as a graph: one node per item, one edge per relation and per reference.

:func:`build_graph` turns a :class:`~argmap.dossier.Dossier` into a ``networkx.MultiDiGraph``,
the one structure every query (:mod:`argmap.queries`), the tracking of demands
(:mod:`argmap.tracking`) and the renderers run on.

Nodes are keyed by item id. Each carries ``kind`` (``actor``, ``source``, ``event``, ``claim``,
``demand``, ``response``, ``evidence``, ``action``), ``item`` (the pydantic item itself), ``order``
(its position in the dossier, for stable sorting), ``date`` (its own date, else the date of its
event ``at``, else ``None``), ``text`` (the text a reader sees: ``text``, a response's ``text`` or
``quote``, an event's or source's ``title``, an actor's ``name``), ``tags``, and per kind:

========== ===============================================================
actor      ``name``, ``short``, ``subkind`` (the actor's own ``kind``)
source     ``title``, ``subkind``, ``url``
event      ``title``, ``subkind``, ``until``
claim      ``main``, ``verdict``
demand     ``main``, ``verdict``, ``deadline``
response   ``said`` (the :class:`~argmap.model.Said` it gives every demand it answers, ``None``
           when it says different things to different demands: read those with
           :func:`argmap.model.said_for`), ``quote``
evidence   ``subkind``, ``value`` (a :class:`~argmap.model.Figure`), ``as_of``
action     ``subkind``
relation   ``type``, ``premises``, ``to`` (only relations targeted by an undercut, see below)
========== ===============================================================

Edges go from the item that holds a reference to the item it names. A reference edge has key
``"<id>:<field>:<index>"`` and ``type``:

* ``by`` (claim, demand, response, evidence, action -> actor), ``to`` (demand -> actor),
  ``answers`` (response -> demand), ``at`` (-> event), ``cites`` (-> source, with ``locator`` and
  ``quote``), ``source`` (evidence -> source), ``participant`` (event -> actor), ``parent``
  (actor -> actor), ``verdict_by`` and ``verdict_source`` (claim -> actor / source);
* an action's effects: key ``"<action>:effects:<index>"``, ``type`` the effect type
  (``fulfils``, ``partially_fulfils``, ``contradicts``, ``reverses``, ``commits``, ``progresses``,
  ``stalls``, ``fails``) and ``note``.

A relation is one edge per premise (``from`` -> ``to``), key the relation id, ``type`` the relation
type (``supports``, ``attacks``, ``undercuts``, ``rephrases``), ``relation`` the Relation item,
``index`` the premise's position and ``order``. A relation that an undercut targets is also a node
of kind ``relation`` keyed by its id, so the undercut is an ordinary edge undercutter -> that node
(as AIF does with its RA nodes). A relation's own ``source`` and ``cites`` are not edges: read
them from its Relation item.

Every edge carries ``field`` (the dossier field it comes from) and ``index``, so the dossier's
references and relations can be rebuilt from the graph alone (:func:`relations_from_graph`).

Walking 100,000 items through networkx's views costs microseconds a step; :func:`node_table`,
:func:`edges_in` and :func:`edges_out` hand out the plain dicts behind the graph instead, to be
read, never changed. They are the only place outside this module where networkx's internals
(``_node``, ``_pred``, ``_succ``) are reached.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .dates import date_of
from .dossier import Dossier
from .gc_pause import paused_gc
from .model import (Action, Actor, Claim, Demand, Event, Evidence, Item, Relation,
                    RelationType, Response, Source, single_said)

__all__ = [
    "EFFECT_TYPES", "REFERENCE_TYPES", "RELATION_TYPES", "Adjacency", "Edge", "NodeTable",
    "build_graph", "edges_in", "edges_out", "neighbourhood", "node_table", "relation_edges",
    "relations_from_graph"
]

#: Edge types that come from references (as opposed to argument relations and effects).
REFERENCE_TYPES = frozenset({
    "by", "to", "answers", "at", "cites", "source", "participant", "parent",
    "verdict_by", "verdict_source",
})

#: Edge types of argument relations.
RELATION_TYPES = frozenset({"supports", "attacks", "undercuts", "rephrases"})

#: Edge types of action effects.
EFFECT_TYPES = frozenset({
    "commits", "progresses", "stalls", "fulfils", "partially_fulfils", "fails", "contradicts",
    "reverses",
})

Edge = tuple[str, str, str, dict[str, Any]]

#: Node id -> its attribute dict.
NodeTable = Mapping[str, dict[str, Any]]
#: Node id -> the nodes at the other end of its edges -> edge key -> the edge's attribute dict.
Adjacency = Mapping[str, Mapping[str, Mapping[str, dict[str, Any]]]]


def node_table(graph: nx.MultiDiGraph) -> NodeTable:
    """Every node's attribute dict by id, as the graph holds it (``graph.nodes[n]`` without the
    view): read it, do not change it.

    >>> from argmap.model import Actor
    >>> node_table(build_graph(Dossier(actors=[Actor(id="u", name="U", kind="union")])))["u"]["kind"]
    'actor'
    """
    return graph._node


def edges_in(graph: nx.MultiDiGraph) -> Adjacency:
    """For each node, the nodes with edges into it, and those edges by key with their
    attributes (``graph.pred`` without the views): read it, do not change it."""
    return graph._pred


def edges_out(graph: nx.MultiDiGraph) -> Adjacency:
    """For each node, the nodes its edges go to, and those edges by key with their attributes
    (``graph.succ`` without the views): read it, do not change it."""
    return graph._succ


class _Spec:
    """Which reference fields one item class has, looked up once per class (attribute access
    of a missing field on a pydantic model is slow, and graphs of 100,000 items are built)."""

    def __init__(self, cls: type[Item]) -> None:
        fields = cls.model_fields
        self.lists = tuple((f, t) for f, t in (("by", "by"), ("participants", "participant"))
                           if f in fields)
        self.to = ("answers" if cls is Response else "to") if "to" in fields else None
        self.singles = tuple(f for f in ("at", "source", "parent") if f in fields)
        self.verdict = "verdict" in fields
        self.effects = "effects" in fields


_SPECS: dict[type, _Spec] = {}
_TYPE_VALUE = {t: t.value for t in RelationType}


def _spec(cls: type[Item]) -> _Spec:
    spec = _SPECS.get(cls)
    if spec is None:
        spec = _SPECS[cls] = _Spec(cls)
    return spec


# One builder per item class: a dict literal per kind (keys in the documented order) costs
# less than a generic dict plus ``update`` and a chain of isinstance tests, on 100,000 items.
def _actor(item: Any, order: int, date: Any) -> dict[str, Any]:
    return {"kind": "actor", "item": item, "order": order, "date": date, "tags": item.tags,
            "text": item.name, "name": item.name, "short": item.short,
            "subkind": item.kind.value}


def _source(item: Any, order: int, date: Any) -> dict[str, Any]:
    return {"kind": "source", "item": item, "order": order, "date": date, "tags": item.tags,
            "text": item.title, "title": item.title, "subkind": item.kind.value, "url": item.url}


def _event(item: Any, order: int, date: Any) -> dict[str, Any]:
    return {"kind": "event", "item": item, "order": order, "date": date, "tags": item.tags,
            "text": item.title, "title": item.title, "subkind": item.kind.value,
            "until": item.until}


def _claim(item: Any, order: int, date: Any) -> dict[str, Any]:
    return {"kind": item.KIND, "item": item, "order": order, "date": date, "tags": item.tags,
            "text": item.text, "main": item.main, "verdict": item.verdict}


def _demand(item: Any, order: int, date: Any) -> dict[str, Any]:
    return {"kind": item.KIND, "item": item, "order": order, "date": date, "tags": item.tags,
            "text": item.text, "main": item.main, "verdict": item.verdict,
            "deadline": item.deadline}


def _response(item: Any, order: int, date: Any) -> dict[str, Any]:
    return {"kind": "response", "item": item, "order": order, "date": date, "tags": item.tags,
            "text": item.text if item.text is not None else item.quote,
            "said": single_said(item),
            "quote": item.quote}


def _evidence(item: Any, order: int, date: Any) -> dict[str, Any]:
    return {"kind": "evidence", "item": item, "order": order, "date": date, "tags": item.tags,
            "text": item.text, "subkind": item.kind.value, "value": item.value,
            "as_of": item.value.as_of if item.value is not None else None}


def _action(item: Any, order: int, date: Any) -> dict[str, Any]:
    return {"kind": "action", "item": item, "order": order, "date": date, "tags": item.tags,
            "text": item.text, "subkind": item.kind.value}


_ATTRS = {Actor: _actor, Source: _source, Event: _event, Claim: _claim, Demand: _demand,
          Response: _response, Evidence: _evidence, Action: _action}


def _node_attrs(item: Item, order: int, date: _dt.date | None) -> dict[str, Any]:
    """The attributes of one item's node (see the module docstring)."""
    make = _ATTRS.get(type(item))
    if make is None:  # a subclass: the builder of the nearest known class
        make = next(_ATTRS[c] for c in type(item).__mro__ if c in _ATTRS)
    return make(item, order, date)


def _reference_edges(item: Item, spec: _Spec, edges: list[Edge]) -> None:
    """Append one edge per id the item refers to (relations excepted)."""
    iid = item.id
    for field, etype in spec.lists:
        for i, ref in enumerate(getattr(item, field)):
            edges.append((iid, ref, f"{iid}:{field}:{i}",
                          {"type": etype, "field": field, "index": i}))
    if spec.to is not None:
        for i, ref in enumerate(item.to):  # type: ignore[attr-defined]
            edges.append((iid, ref, f"{iid}:to:{i}", {"type": spec.to, "field": "to", "index": i}))
    for field in spec.singles:
        ref = getattr(item, field)
        if ref is not None:
            edges.append((iid, ref, f"{iid}:{field}:0",
                          {"type": field, "field": field, "index": 0}))
    for i, cite in enumerate(item.cites):
        edges.append((iid, cite.source, f"{iid}:cites:{i}",
                      {"type": "cites", "field": "cites", "index": i, "locator": cite.locator,
                       "quote": cite.quote}))
    if spec.verdict and item.verdict is not None:  # type: ignore[attr-defined]
        verdict = item.verdict  # type: ignore[attr-defined]
        for field in ("by", "source"):
            ref = getattr(verdict, field)
            if ref is not None:
                edges.append((iid, ref, f"{iid}:verdict.{field}:0",
                              {"type": f"verdict_{field}", "field": f"verdict.{field}",
                               "index": 0}))
    if spec.effects:
        for i, effect in enumerate(item.effects):  # type: ignore[attr-defined]
            edges.append((iid, effect.on, f"{iid}:effects:{i}",
                          {"type": effect.type.value, "field": "effects", "index": i,
                           "note": effect.note}))


def _add_nodes(graph: nx.MultiDiGraph, nodes: list[tuple[str, dict[str, Any]]]) -> None:
    """``graph.add_nodes_from(nodes)`` without copying each attribute dict (see _add_edges)."""
    succ, pred, node = graph._succ, graph._pred, graph._node
    for name, attrs in nodes:
        if name in node:  # a repeated id (unchecked dossier): merge, as add_nodes_from would
            node[name].update(attrs)
            continue
        succ[name] = graph.adjlist_inner_dict_factory()
        pred[name] = graph.adjlist_inner_dict_factory()
        node[name] = attrs


def _add_edges(graph: nx.MultiDiGraph, edges: list[Edge]) -> None:
    """``graph.add_edges_from(edges)`` for keyed edges, written straight into the graph's
    adjacency dicts the way ``MultiDiGraph.add_edge`` does (networkx's own method costs ~15 us
    per edge through its views; this is ~20 times faster). The attribute dict is used as is."""
    succ, pred, node = graph._succ, graph._pred, graph._node
    for u, v, key, attrs in edges:
        if u not in succ or v not in succ:
            for end in (u, v):
                if end not in succ:  # a dangling reference: a bare node, as add_edge would make
                    succ[end] = graph.adjlist_inner_dict_factory()
                    pred[end] = graph.adjlist_inner_dict_factory()
                    node[end] = graph.node_attr_dict_factory()
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = graph.edge_key_dict_factory()
        keydict[key] = attrs
    nx._clear_cache(graph)


def build_graph(dossier: Dossier) -> nx.MultiDiGraph:
    """The dossier as a ``networkx.MultiDiGraph`` (node and edge attributes: module docstring).

    The dossier should have passed :func:`argmap.checks.check`; a reference to a missing id
    would otherwise add a bare node without ``kind``.

    >>> from argmap.model import Actor, Claim
    >>> g = build_graph(Dossier(actors=[Actor(id="u", name="Union", kind="union")],
    ...                         claims=[Claim(id="c", text="x", by=["u"])]))
    >>> g.nodes["c"]["kind"], [(u, v, t) for u, v, t in g.edges(data="type")]
    ('claim', [('c', 'u', 'by')])
    """
    with paused_gc():
        return _build(dossier)


def _build(dossier: Dossier) -> nx.MultiDiGraph:
    nodes: list[tuple[str, dict[str, Any]]] = []
    edges: list[Edge] = []
    relations: list[tuple[int, Relation]] = []
    events = {e.id: e for e in dossier.events}
    find = events.get
    for order, (_, _, item) in enumerate(dossier.items()):
        if isinstance(item, Relation):
            relations.append((order, item))
            continue
        spec = _SPECS.get(type(item)) or _spec(type(item))
        nodes.append((item.id, _node_attrs(item, order, date_of(item, find))))
        _reference_edges(item, spec, edges)
    undercut = {rel.to for _, rel in relations if rel.type is RelationType.undercuts}
    for order, rel in relations:
        rtype = _TYPE_VALUE[rel.type]  # Enum.value is a slow property
        if rel.id in undercut:
            nodes.append((rel.id, {"kind": "relation", "item": rel, "order": order, "date": None,
                                   "text": None, "tags": rel.tags, "type": rtype,
                                   "premises": tuple(rel.from_), "to": rel.to}))
        for i, premise in enumerate(rel.from_):
            edges.append((premise, rel.to, rel.id,
                          {"type": rtype, "field": "from", "index": i, "relation": rel,
                           "order": order}))
    graph = nx.MultiDiGraph(info=dossier.info)
    _add_nodes(graph, nodes)
    _add_edges(graph, edges)
    return graph


def relation_edges(graph: nx.MultiDiGraph) -> Iterable[tuple[str, str, str, dict[str, Any]]]:
    """Every relation edge ``(premise, target, relation id, attributes)``."""
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        if "relation" in attrs:
            yield u, v, key, attrs


def relations_from_graph(graph: nx.MultiDiGraph) -> list[Relation]:
    """The dossier's relations rebuilt from the graph's edges, in dossier order.

    Premises, target, type and id come from the edges themselves; the remaining fields (scheme,
    source, cites, note, tags) from the Relation item the edges carry.
    """
    found: dict[str, dict[str, Any]] = {}
    for u, v, key, attrs in relation_edges(graph):
        entry = found.setdefault(key, {"to": v, "type": attrs["type"], "order": attrs["order"],
                                       "premises": {}, "item": attrs["relation"]})
        entry["premises"][attrs["index"]] = u
    rebuilt = []
    for key, entry in sorted(found.items(), key=lambda kv: kv[1]["order"]):
        premises = [entry["premises"][i] for i in sorted(entry["premises"])]
        rest = entry["item"].model_dump(exclude={"id", "from_", "to", "type"})
        rebuilt.append(Relation.model_validate(
            {**rest, "id": key, "from": premises, "to": entry["to"], "type": entry["type"]}))
    return rebuilt


def neighbourhood(graph: nx.MultiDiGraph, item_id: str, radius: int = 1) -> nx.MultiDiGraph:
    """Items within ``radius`` edges of ``item_id``, following edges both ways, as a new graph.

    A relation node (an undercut target) counts as next to the premises and target of its
    relation, so the neighbourhood of an undercut reaches the argument it undercuts.
    Raises ``KeyError`` when the id is not in the graph.

    >>> from argmap.model import Actor, Claim
    >>> g = build_graph(Dossier(actors=[Actor(id="u", name="U", kind="union")],
    ...                         claims=[Claim(id="a", text="x", by=["u"]),
    ...                                 Claim(id="b", text="y", by=["u"])]))
    >>> sorted(neighbourhood(g, "a", 1)), sorted(neighbourhood(g, "a", 2))
    (['a', 'u'], ['a', 'b', 'u'])
    """
    if item_id not in graph:
        raise KeyError(item_id)
    succ, pred, nodes = graph._succ, graph._pred, graph._node  # plain dicts: fastest walk
    seen = {item_id}
    frontier = [item_id]
    for _ in range(radius):
        nxt: list[str] = []
        for node in frontier:
            near: list[str] = [*succ[node], *pred[node]]
            if nodes[node].get("kind") == "relation":
                near.extend(nodes[node]["premises"])
                near.append(nodes[node]["to"])
            for other in near:
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
            # premises and target of a relation reach its node (when it has one)
            for adjacency in (succ[node], pred[node]):
                for keys in adjacency.values():
                    for key in keys:
                        if key not in seen and nodes.get(key, {}).get("kind") == "relation":
                            seen.add(key)
                            nxt.append(key)
        frontier = nxt
        if not frontier:
            break
    return graph.subgraph(seen).copy()
