"""arg-microtexts ``<arggraph>`` XML (Peldszus & Stede): import.

- each ``adu`` becomes a claim (id: the ADU id) whose text is its EDUs (``seg`` edges) joined in
  document order; its ``type`` (``pro``: proponent, ``opp``: opponent) becomes the tag
  ``proponent`` or ``opponent``;
- ``sup`` becomes ``supports``, ``exa`` ``supports`` with scheme ``example``, ``reb`` ``attacks``,
  ``und`` ``undercuts`` (its target is an edge id, i.e. a relation id); relation id = edge id;
- ``add`` joins its source to the premises of the relation it targets (a linked premise, ``from:
  [a3, a4]``), for supports, rebuts and undercuts alike; an undercut may target an undercut;
- the central claim (the ADU with no outgoing ``sup``, ``exa`` or ``reb`` edge, nor any ``und`` or
  ``add``) gets ``main: true``.

The XML is read with the standard library parser; documents with a DOCTYPE or entity declarations
are refused outright, so no entity (external or internal) is ever expanded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ..errors import FormatError
from ._common import FormatWarning, Imported, SlugMaker, build, decode, one_line

__all__ = ["NAME", "SUFFIXES", "load", "parse_xml", "sniff"]

NAME = "microtexts"
SUFFIXES = (".xml",)
_DECLARATION = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_TYPES = {"sup": "supports", "exa": "supports", "reb": "attacks", "und": "undercuts"}


def sniff(text: str) -> str | None:
    """None when the text looks like an ``<arggraph>`` document, else why not."""
    return None if "<arggraph" in text[:2000] else "no <arggraph> element"


def parse_xml(text: str, file: str | None) -> ET.Element:
    """Parse XML safely: no DOCTYPE or entities; syntax errors become :class:`FormatError`."""
    found = _DECLARATION.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise FormatError("DOCTYPE and entity declarations are refused", file=file, line=line)
    try:
        return ET.fromstring(text)
    except ET.ParseError as exc:
        line, column = exc.position
        raise FormatError(f"invalid XML: {exc}",
                          file=file, line=line, column=column + 1) from None


def load(data: bytes | str, file: str | None = None) -> Imported:
    """Read one ``<arggraph>`` document into claims and relations."""
    text = decode(data, file)
    root = parse_xml(text, file)
    if root.tag != "arggraph":
        raise FormatError(f"root element is <{root.tag}>, expected <arggraph>", file=file)
    warnings: list[FormatWarning] = []
    lines = _element_lines(text)

    def fail(message: str, element: ET.Element) -> FormatError:
        return FormatError(message, file=file, line=lines.get(element.get("id") or ""))

    edus: dict[str, str] = {}
    adus: dict[str, dict[str, Any]] = {}
    edges: list[ET.Element] = []
    for element in root:
        eid = element.get("id") or ""
        if element.tag in ("edu", "adu", "edge") and not eid:
            raise fail(f"<{element.tag}> without id", element)
        if element.tag == "edu":
            edus[eid] = one_line(element.text or "")
        elif element.tag == "adu":
            adus[eid] = {"type": element.get("type"), "edus": []}
        elif element.tag == "edge":
            edges.append(element)

    ids = SlugMaker()
    for adu_id in adus:
        ids.make("node", adu_id)
    relations: dict[str, dict[str, Any]] = {}
    adds: list[ET.Element] = []
    for edge in edges:
        src, trg, kind = edge.get("src"), edge.get("trg"), edge.get("type")
        if kind == "seg":
            if src is None or trg is None or src not in edus or trg not in adus:
                raise fail(f"seg edge {edge.get('id')} must join an edu to an adu", edge)
            adus[trg]["edus"].append(src)
        elif kind in _TYPES:
            if src not in adus:
                raise fail(f"edge {edge.get('id')}: source {src!r} is no adu", edge)
            edge_id = edge.get("id") or ""  # every edge has one (checked above)
            relations[edge_id] = {"id": ids.make("edge", edge_id), "kind": kind,
                                  "src": src, "trg": trg, "edge": edge}
        elif kind == "add":
            adds.append(edge)
        else:
            raise fail(f"edge {edge.get('id')} has unknown type {kind!r}", edge)

    out: list[dict[str, Any]] = []
    for rel in relations.values():
        rel["from"] = [ids.make("node", rel["src"])]
    for rel in relations.values():
        edge, kind, trg = rel["edge"], rel["kind"], rel["trg"]
        rel["type"] = _TYPES[kind]
        if kind == "exa":
            rel["scheme"] = "example"
        if kind == "und":
            if trg not in relations:
                raise fail(f"undercut {edge.get('id')} targets no edge {trg!r}", edge)
            rel["to"] = relations[trg]["id"]
        elif trg in adus:
            rel["to"] = ids.make("node", trg)
        else:
            raise fail(f"edge {edge.get('id')}: target {trg!r} is no adu", edge)
        out.append(rel)
    for rel in relations.values():
        for key in ("edge", "kind", "trg", "src"):
            del rel[key]
    for edge in adds:
        src, trg = edge.get("src"), edge.get("trg")
        target = relations.get(trg or "")
        if src not in adus or target is None:
            raise fail(f"add edge {edge.get('id')} must join an adu to an edge", edge)
        target["from"].append(ids.make("node", src))

    arguing: set[str | None] = set()
    for edge in edges:
        if edge.get("type") in ("sup", "exa", "reb", "und", "add"):
            arguing.add(edge.get("src"))
    central = [a for a in adus if a not in arguing]
    if len(central) != 1:
        warnings.append(FormatWarning(f"expected one central claim, found {len(central)}: "
                                      f"{', '.join(central) or 'none'}", file))
    claims = []
    order = {edu: n for n, edu in enumerate(edus)}
    for adu_id, adu in adus.items():
        parts = sorted(adu["edus"], key=order.__getitem__)
        claim: dict[str, Any] = {"id": ids.make("node", adu_id),
                                 "text": " ".join(edus[e] for e in parts)}
        if adu["type"] in ("pro", "opp"):
            claim["tags"] = ["proponent" if adu["type"] == "pro" else "opponent"]
        if len(central) == 1 and adu_id == central[0]:
            claim["main"] = True
        claims.append(claim)
    title = root.get("id") or (Path(file).stem if file else "arggraph")
    info = {"title": title, "description": root.get("topic_id")} if title else None
    return Imported(build({"claims": claims, "relations": out}, info, file), warnings)


def _element_lines(text: str) -> dict[str, int]:
    """Line of each ``id="..."`` in the source, for error messages."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        for m in re.finditer(r'\bid="([^"]*)"', line):
            found.setdefault(m.group(1), number)
    return found
