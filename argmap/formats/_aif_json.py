"""Reading AIF JSON into records of the fields the AIF importer uses (:mod:`argmap.formats.aif`).

A file of 100,000 nodes is 18 MB of JSON. msgspec decodes it straight into the small records
below, skipping every key the importer does not read: half the time of ``json.loads`` building
a dict per node, and the records are cheaper to read and to free (they hold JSON values only, so
they can be in no reference cycle, and the garbage collector need not track them). A file that
does not fit the records (a node without ``nodeID``, a locution that is not an object, ``NaN``, a
byte-order mark, ...) is read again the slow way, with the standard library, which gives the
same records or the same error as before, naming the file, line and field: the fast way only
ever takes files the slow way would read to the same records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import msgspec

from ..errors import FormatError
from ._common import load_json

__all__ = ["EXTENSION", "AifParts", "Edge", "Locution", "Node", "read", "sniff"]

#: The key of argmap's own fields, in nodes and at the top level of files argmap writes.
EXTENSION = "argmap"
_UNSET: Any = msgspec.UNSET


class Node(msgspec.Struct, gc=False):
    """An AIF node: the keys the importer reads (any JSON value each; a missing key is None)."""

    nodeID: Any
    type: Any = None
    text: Any = None
    timestamp: Any = None
    scheme: Any = None
    ext: Any = msgspec.field(default=None, name=EXTENSION)


class Edge(msgspec.Struct, gc=False):
    """An AIF edge; ``edgeID`` is :data:`msgspec.UNSET` when the file gives none."""

    fromID: Any
    toID: Any
    edgeID: Any = _UNSET


class Locution(msgspec.Struct, gc=False):
    """An entry of ``locutions``: which participant spoke a locution (L node), and when."""

    nodeID: Any
    personID: Any = None
    start: Any = None
    timestamp: Any = None


class _Graph(msgspec.Struct):
    nodes: list[Node] | None = None
    edges: list[Edge] | None = None
    locutions: list[Locution] | None = None
    participants: Any = None
    schemefulfillments: Any = None
    ext: Any = msgspec.field(default=None, name=EXTENSION)
    AIF: Any = _UNSET  # xAIF: the AIF graph inside


_DECODER = msgspec.json.Decoder(_Graph)


@dataclass
class AifParts:
    """What the importer reads of an AIF file."""

    nodes: list[Node]
    edges: list[Edge]
    locutions: list[Locution]
    participants: list[Any]
    fulfils: dict[str, str]  # node id -> scheme name, from xAIF ``schemefulfillments``
    stored: Any  # the top-level extension field (argmap's own data), or None
    #: every string is valid Unicode (msgspec refuses lone surrogates such as ``"\\ud800"``,
    #: which ``json.loads`` lets through and pydantic refuses)
    unicode: bool = False


def sniff(data: Any) -> str | None:
    """None when parsed JSON looks like AIF or xAIF, else why not."""
    if isinstance(data, dict):
        inner = data.get("AIF", data)
        if isinstance(inner, dict) and isinstance(inner.get("nodes"), list) \
                and isinstance(inner.get("edges"), list):
            return None
    return "JSON without 'nodes' and 'edges' lists (nor an 'AIF' object holding them)"


def read(data: bytes | str, file: str | None, scheme_names: dict[str, str]) -> AifParts:
    """The records of an AIF or xAIF file; :class:`FormatError` for a file that is not one.

    ``scheme_names`` maps xAIF scheme ids to names (for ``schemefulfillments``).
    """
    fast = _fast(data, scheme_names)
    return fast if fast is not None else _slow(data, file, scheme_names)


def _fast(data: bytes | str, scheme_names: dict[str, str]) -> AifParts | None:
    """The records decoded by msgspec, or None when the file needs the slow way."""
    try:
        graph = _DECODER.decode(data)
        if graph.AIF is not _UNSET:  # xAIF: the graph is inside, already decoded as plain data
            inner = graph.AIF
            if not isinstance(inner, dict):
                return None
            graph = msgspec.convert(inner, _Graph)
            graph.AIF = _UNSET
        if graph.nodes is None or graph.edges is None:
            return None
        locutions = graph.locutions or []
        participants = graph.participants or []
        if not isinstance(participants, list):
            return None
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    return AifParts(graph.nodes, graph.edges, locutions, participants,
                    _fulfils(graph.schemefulfillments, scheme_names), graph.ext, unicode=True)


def _slow(data: bytes | str, file: str | None, scheme_names: dict[str, str]) -> AifParts:
    """The records read with the standard library, each fault reported where it is."""
    obj = load_json(data, file)
    reason = sniff(obj)
    if reason is not None:
        raise FormatError(f"not AIF: {reason}", file=file)
    inner = obj.get("AIF", obj)
    lists = []
    for key in ("nodes", "edges", "locutions", "participants"):
        value = inner.get(key) or []
        if not isinstance(value, list):
            raise FormatError(f"'{key}' must be a list", file=file, path=(key,))
        lists.append(value)
    raw_nodes, raw_edges, raw_locs, participants = lists
    nodes = []
    for i, node in enumerate(raw_nodes):
        try:
            nid = node["nodeID"]
            nodes.append(Node(nid, node.get("type"), node.get("text"), node.get("timestamp"),
                              node.get("scheme"), node.get(EXTENSION)))
        except (KeyError, TypeError, AttributeError):
            raise FormatError("node without 'nodeID'", file=file, path=("nodes", i)) from None
    edges = []
    for i, edge in enumerate(raw_edges):
        try:
            edges.append(Edge(edge["fromID"], edge["toID"], edge.get("edgeID", _UNSET)))
        except (KeyError, TypeError, AttributeError):
            raise FormatError("edge without 'fromID' or 'toID'", file=file,
                              path=("edges", i)) from None
    locutions = [Locution(loc["nodeID"], loc.get("personID"), loc.get("start"),
                          loc.get("timestamp"))
                 for loc in raw_locs if isinstance(loc, dict) and "nodeID" in loc]
    return AifParts(nodes, edges, locutions, participants,
                    _fulfils(inner.get("schemefulfillments"), scheme_names),
                    inner.get(EXTENSION))


def _fulfils(entries: Any, scheme_names: dict[str, str]) -> dict[str, str]:
    fulfils: dict[str, str] = {}
    for entry in entries or []:
        if isinstance(entry, dict) and "nodeID" in entry:
            name = scheme_names.get(str(entry.get("schemeID")))
            if name:
                fulfils[str(entry["nodeID"])] = name
    return fulfils
