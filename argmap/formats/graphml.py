"""GraphML and networkx node-link JSON: export of the dossier graph for Gephi, yEd and scripts.

Both start from :func:`argmap.graph.build_graph` (one node per item, one edge per relation premise
and per reference; see that module for the attributes). The pydantic objects the graph carries
(``item`` on nodes, ``relation`` on edges) are replaced by their fields, so every attribute is
plain data; a field already present as a graph attribute keeps the graph's value (an item's own
``kind`` is the graph's ``subkind``).

Node-link JSON (:func:`dump_node_link`) keeps nested values: ``text`` stays ``{"ja": ..., "en":
...}``, lists stay lists, dates are ISO strings, enums their values, ``None`` is left out.

GraphML (:func:`dump`) cannot hold maps, lists or ``None``, so values are flattened: maps become
one attribute per key joined with ``.`` (``text.ja``, ``text.en``, ``verdict.rating``), lists become
JSON strings (``by`` = ``["u1", "u2"]``, ``cites`` = ``[{"source": ...}]``), ``None`` is left out,
dates are ISO strings. An attribute whose values differ in type between elements (``value.number``
an integer here and a float there) is written as strings throughout, so each GraphML key has one
type. The graph's ``info`` becomes graph attributes ``info.title`` and so on.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
from enum import Enum
from typing import Any

import networkx as nx
from pydantic import BaseModel

from ..dossier import Dossier
from ..graph import build_graph
from ._common import Exported

__all__ = ["NAME", "dump", "dump_node_link", "plain_graph", "report"]

NAME = "graphml"
_OBJECTS = {"item", "relation"}


def _plain(value: Any) -> Any:
    """JSON-able form of an attribute value (``None`` stays ``None``)."""
    if isinstance(value, BaseModel):
        return {k: _plain(v) for k, v in value.model_dump(by_alias=True).items() if v is not None}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [_plain(v) for v in items]
    return value


def _attributes(attrs: dict[str, Any]) -> dict[str, Any]:
    """Graph attributes with the item or relation object replaced by its fields."""
    out = {k: _plain(v) for k, v in attrs.items() if k not in _OBJECTS and v is not None}
    for name in _OBJECTS:
        obj = attrs.get(name)
        if isinstance(obj, BaseModel):
            for field, value in _plain(obj).items():
                if field == "kind" and "kind" in out:
                    continue
                out.setdefault(field, value)
    return out


def plain_graph(dossier: Dossier) -> nx.MultiDiGraph:
    """The dossier graph with JSON-able attributes only (nested maps and lists kept)."""
    graph = build_graph(dossier)
    plain = nx.MultiDiGraph()
    info = graph.graph.get("info")
    if info is not None:
        plain.graph["info"] = _plain(info)
    for node, attrs in graph.nodes(data=True):
        plain.add_node(node, **_attributes(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        plain.add_edge(u, v, key=key, **_attributes(attrs))
    return plain


def report(dossier: Dossier, text: str) -> Exported:
    """What a GraphML or node-link export holds: every item and relation, every field."""
    graph = build_graph(dossier)
    return Exported(text, {}, {"nodes": graph.number_of_nodes(),
                               "edges": graph.number_of_edges()})


def dump_node_link(dossier: Dossier) -> str:
    """networkx node-link JSON of the dossier graph (``nx.node_link_graph`` reads it back)."""
    data = nx.node_link_data(plain_graph(dossier), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if value is None:
        return
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(f"{prefix}.{key}", inner, out)
    elif isinstance(value, list):
        out[prefix] = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        out[prefix] = value


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        _flatten(key, value, out)
    return out


def _one_type(elements: list[dict[str, Any]]) -> None:
    """Write attributes whose values differ in type as strings, in place."""
    types: dict[str, set[type]] = {}
    for attrs in elements:
        for key, value in attrs.items():
            types.setdefault(key, set()).add(type(value))
    mixed = {key for key, found in types.items() if len(found) > 1}
    for attrs in elements:
        for key in mixed & attrs.keys():
            value = attrs[key]
            attrs[key] = json.dumps(value) if isinstance(value, bool) else str(value)


def dump(dossier: Dossier) -> str:
    """GraphML of the dossier graph, every attribute flattened (see the module docs)."""
    plain = plain_graph(dossier)
    flat = nx.MultiDiGraph()
    flat.graph.update(_flat(plain.graph))
    nodes = [(n, _flat(a)) for n, a in plain.nodes(data=True)]
    edges = [(u, v, k, _flat(a)) for u, v, k, a in plain.edges(keys=True, data=True)]
    _one_type([a for _, a in nodes])
    _one_type([a for *_, a in edges])
    flat.add_nodes_from(nodes)
    for u, v, k, a in edges:
        flat.add_edge(u, v, key=k, **a)
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")
