"""AIF JSON (AIFdb, OVA) and xAIF: import and export.

Import (:func:`load`) maps the Argument Interchange Format onto a dossier:

- ``I`` nodes become claims (id: the node id as a slug).
- an ``RA`` node becomes one ``supports`` relation (id: the RA's id) from all its I-node premises
  (``from: [p1, p2]`` when there are several) to its conclusion; the scheme name (``scheme`` key or
  the xAIF ``schemefulfillments``) is kept in ``Relation.scheme``.
- a ``CA`` node becomes ``attacks``; a CA aimed at an RA, CA or MA becomes ``undercuts`` whose
  ``to`` is that node's relation id. A CA with several attackers becomes one relation per
  attacker (the dossier allows linked premises for supports only); the extra ones get ids
  ``<ca>-2``...
- an ``MA`` node becomes ``rephrases``.
- a ``PA`` node (preferred -> PA -> dispreferred) becomes the tag ``prefers:<dispreferred id>`` on
  the preferred claim or relation; :func:`dump` turns such tags back into PA nodes.
- ``L`` nodes give the speakers: the text before the first ``:`` (``"CL : words"``), else the
  participant named by the ``locutions`` entry. Each speaker becomes an Actor (kind ``person``)
  whose id is the slug of the name (AIF knows speakers by name only).
  An L -> YA -> I anchoring adds the speaker to the claim's ``by``, its date (the locution's
  ``start``, else the L node's ``timestamp``, else the locution entry's) to the claim's ``date``
  (the earliest wins), and the illocution to the tag ``illocution:<YA text>`` (``Asserting`` is the
  default and is not tagged). ``TA`` nodes and YA nodes anchoring relations are not kept.

Quirks tolerated: integer and string ids mixed, ids like ``4_1731...``, a node repeated in
``locutions``, OVA ``visible: false`` nodes, edges to unknown nodes (skipped with a warning).

Export (:func:`dump`) writes AIFdb JSON: node ids are the dossier ids, I nodes for claims and
demands (and any other item in a relation), RA/CA/MA nodes for relations, and an L and a YA node
per speaker of a claim (``by``), with the claim's date as the locution time. Actor names should not
contain ``:`` (the speaker is read back from the text before the first colon).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..dossier import Dossier
from ..gc_pause import paused_gc
from ..errors import FormatError
from ..lang import pick
from ._common import FormatWarning, Imported, SlugMaker, build, load_json, parse_date

NAME = "aif"
SUFFIXES = (".json",)
SCHEME_IDS = {"Default Inference": "72", "Default Conflict": "71", "Default Rephrase": "144",
              "Asserting": "74", "Default Transition": "82", "Arguing": "80",
              "Default Preference": "161"}
SCHEME_NAMES = {v: k for k, v in SCHEME_IDS.items()}
_DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
_RELATION_NODE = {"RA", "CA", "MA"}
_KNOWN = {"I", "L", "RA", "CA", "MA", "PA", "YA", "TA"}
_LINKED = {"RA", "CA", "MA", "PA", "YA"}  # node types whose edges the importer reads


def sniff(data: Any) -> str | None:
    """None when parsed JSON looks like AIF or xAIF, else why not."""
    if isinstance(data, dict):
        inner = data.get("AIF", data)
        if isinstance(inner, dict) and isinstance(inner.get("nodes"), list) \
                and isinstance(inner.get("edges"), list):
            return None
    return "JSON without 'nodes' and 'edges' lists (nor an 'AIF' object holding them)"


def _aif_parts(obj: Any, file: str | None) -> tuple[list, list, list, list, dict[str, str]]:
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
    fulfils: dict[str, str] = {}
    for i, entry in enumerate(inner.get("schemefulfillments") or []):
        if isinstance(entry, dict) and "nodeID" in entry:
            name = SCHEME_NAMES.get(str(entry.get("schemeID")))
            if name:
                fulfils[str(entry["nodeID"])] = name
    return lists[0], lists[1], lists[2], lists[3], fulfils


def load(data: bytes | str, file: str | None = None) -> Imported:
    """Read AIF or xAIF JSON into a dossier (see the module docs for the mapping).

    >>> doc = '{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}], "edges": []}'
    >>> load(doc).dossier.claims[0].id
    '1'
    """
    with paused_gc():
        return _load(data, file)


def _load(data: bytes | str, file: str | None) -> Imported:
    raw_nodes, raw_edges, raw_locs, raw_parts, fulfils = _aif_parts(load_json(data, file), file)
    warnings: list[FormatWarning] = []

    def warn(message: str) -> None:
        warnings.append(FormatWarning(message, file))

    # Files of 100,000 nodes are common: each list below is walked once, each node's type read
    # once (``types``), the later passes visit only the nodes of the types they need, in file
    # order, and only the edges of the node types read later (_LINKED) are kept.
    nodes: dict[str, dict[str, Any]] = {}
    types: dict[str, str] = {}
    by_type: dict[str, list[str]] = {kind: [] for kind in _KNOWN}
    relation_nodes: list[str] = []  # RA, CA and MA nodes, in file order
    slugged: list[str] = []  # I, RA, CA and MA nodes, in file order
    for i, node in enumerate(raw_nodes):
        try:  # one lookup, not a type test and a membership test first: this loop is hot
            nid = str(node["nodeID"])
            kind = node.get("type")
        except (KeyError, TypeError, AttributeError):
            raise FormatError("node without 'nodeID'", file=file, path=("nodes", i)) from None
        if nid in nodes:
            warn(f"node {nid} given twice; the first is kept")
            continue
        if kind not in _KNOWN:
            warn(f"node {nid} has unknown type {kind!r}; skipped")
            continue
        nodes[nid] = node
        types[nid] = kind
        by_type[kind].append(nid)
        if kind in _RELATION_NODE:
            relation_nodes.append(nid)
            slugged.append(nid)
        elif kind == "I":
            slugged.append(nid)

    inc: dict[str, list[str]] = defaultdict(list)
    out: dict[str, list[str]] = defaultdict(list)
    get_type = types.get
    for i, edge in enumerate(raw_edges):
        try:
            src, dst = str(edge["fromID"]), str(edge["toID"])
        except (KeyError, TypeError):
            raise FormatError("edge without 'fromID' or 'toID'", file=file,
                              path=("edges", i)) from None
        src_type, dst_type = get_type(src), get_type(dst)
        if src_type is None or dst_type is None:
            warn(f"edge {edge.get('edgeID', i)} joins unknown node(s) {src} -> {dst}; skipped")
            continue
        if src_type in _LINKED:
            out[src].append(dst)
        if dst_type in _LINKED:
            inc[dst].append(src)

    ids = SlugMaker()
    sid = ids.make_all("node", slugged)

    claims: dict[str, dict[str, Any]] = {}
    for nid in by_type["I"]:
        text = nodes[nid].get("text")
        claims[nid] = {"id": sid[nid], "text": "" if text is None else str(text)}

    relations: list[dict[str, Any]] = []
    tags: dict[str, list[str]] = defaultdict(list)  # node id -> tags (PA, illocution)
    for nid in relation_nodes:
        node = nodes[nid]
        kind = types[nid]
        rid = sid[nid]
        sources = [s for s in inc[nid] if types[s] == "I"]
        targets = out[nid]
        if not sources or not targets:
            warn(f"{kind} node {nid} lacks a premise or a conclusion; skipped")
            continue
        if len(targets) > 1:
            warn(f"{kind} node {nid} has {len(targets)} conclusions; only the first is kept")
        target = targets[0]
        target_type = types[target]
        scheme = node.get("scheme") or fulfils.get(nid)
        if kind == "RA":
            if target_type != "I":
                warn(f"RA node {nid} concludes a {target_type} node; skipped")
                continue
            rel_type, groups = "supports", [sources]
        elif kind == "CA":
            if target_type == "I":
                rel_type = "attacks"
            elif target_type in _RELATION_NODE:
                rel_type = "undercuts"
            else:
                warn(f"CA node {nid} targets a {target_type} node; skipped")
                continue
            groups = [[s] for s in sources]
        else:
            if target_type != "I":
                warn(f"MA node {nid} rephrases a {target_type} node; skipped")
                continue
            rel_type, groups = "rephrases", [[s] for s in sources]
        if len(groups) > 1:
            warn(f"{kind} node {nid} has {len(groups)} sources; one relation per source")
        to, scheme_text = sid[target], str(scheme) if scheme else None
        for n, group in enumerate(groups):
            rel: dict[str, Any] = {
                "id": rid if n == 0 else ids.make("extra", f"{rid}-{n + 1}"),
                "from": [sid[s] for s in group],  # the claim ids of I nodes
                "to": to, "type": rel_type}
            if scheme_text is not None:
                rel["scheme"] = scheme_text
            relations.append(rel)
    for nid in by_type["PA"]:
        winners = [s for s in inc[nid] if types[s] in ("I", "RA", "CA", "MA")]
        losers = [t for t in out[nid] if types[t] in ("I", "RA", "CA", "MA")]
        if not winners or not losers:
            warn(f"PA node {nid} lacks a preferred or a dispreferred node; skipped")
        for w in winners:
            tags[w].extend(f"prefers:{sid[lose]}" for lose in losers)

    actors = _anchor_locutions(nodes, types, by_type, inc, out, raw_locs, raw_parts, claims,
                               tags, ids)
    for nid, claim in claims.items():
        if nid in tags:
            claim["tags"] = sorted(set(tags[nid]))
    rel_by_node = {rel["id"]: rel for rel in relations}
    for nid, extra in tags.items():
        if types[nid] in _RELATION_NODE and sid.get(nid) in rel_by_node:
            rel_by_node[sid[nid]]["tags"] = sorted(set(extra))
    info = {"title": Path(file).stem} if file else None
    sections = {"actors": actors, "claims": list(claims.values()), "relations": relations}
    return Imported(build(sections, info, file), warnings)


def _speaker(node: dict[str, Any], loc_people: dict[str, str]) -> str | None:
    text = node.get("text")
    if isinstance(text, str) and ":" in text:
        name = text.split(":", 1)[0].strip()
        if name and len(name) <= 100:
            return name
    return loc_people.get(str(node["nodeID"]))


def _anchor_locutions(nodes: dict[str, dict[str, Any]], types: dict[str, str],
                      by_type: dict[str, list[str]], inc: dict[str, list[str]],
                      out: dict[str, list[str]], raw_locs: list, raw_parts: list,
                      claims: dict[str, dict[str, Any]], tags: dict[str, list[str]],
                      ids: SlugMaker) -> list[dict[str, Any]]:
    """Speakers as actors; ``by``, ``date`` and illocution tags of the claims they anchor."""
    people: dict[str, str] = {}
    for part in raw_parts:
        if isinstance(part, dict) and "participantID" in part:
            name = " ".join(str(part.get(k) or "").strip() for k in ("firstname", "surname"))
            if name.strip():
                people[str(part["participantID"])] = name.strip()
    loc_people: dict[str, str] = {}
    loc_times: dict[str, list[Any]] = defaultdict(list)
    for loc in raw_locs:
        if not isinstance(loc, dict) or "nodeID" not in loc:
            continue
        lid = str(loc["nodeID"])
        person = people.get(str(loc.get("personID")))
        if person and lid not in loc_people:
            loc_people[lid] = person
        loc_times[lid].append(loc)

    seen_dates: dict[str, Any] = {}  # timestamp -> date: files repeat the same few stamps

    def date(value: object) -> Any:
        if not isinstance(value, str):
            return None
        found = seen_dates.get(value, seen_dates)
        if found is seen_dates:
            found = seen_dates[value] = parse_date(value)
        return found

    def earliest(locs: list[Any], key: str) -> Any:
        found = None
        for loc in locs:
            day = date(loc.get(key))
            if day and (found is None or day < found):
                found = day
        return found

    def when(lid: str) -> Any:
        locs = loc_times.get(lid)
        if locs is None:  # no locution entry: the node's own timestamp or nothing
            return date(nodes[lid].get("timestamp"))
        return (earliest(locs, "start") or date(nodes[lid].get("timestamp"))
                or earliest(locs, "timestamp"))

    actors: dict[str, dict[str, Any]] = {}
    speaker_of: dict[str, str] = {}
    aid_of: dict[str, str] = {}  # speaker name -> actor id
    for nid in by_type["L"]:
        name = _speaker(nodes[nid], loc_people)
        if name is None:
            continue
        aid = aid_of.get(name)
        if aid is None:
            aid = aid_of[name] = ids.make("actor", name, "actor")
            actors.setdefault(aid, {"id": aid, "name": name, "kind": "person"})
        speaker_of[nid] = aid
    for nid in by_type["YA"]:
        node = nodes[nid]
        illocution = str(node.get("text") or node.get("scheme") or "")
        tagged = f"illocution:{illocution}" if illocution and illocution != "Asserting" else None
        for lid in inc[nid]:
            if types[lid] != "L":
                continue
            aid, found = speaker_of.get(lid), when(lid)
            for target in out[nid]:
                claim = claims.get(target)
                if claim is None:
                    continue
                if aid is not None:
                    by = claim.get("by")
                    if by is None:
                        claim["by"] = [aid]
                    elif aid not in by:
                        by.append(aid)
                if found is not None and (claim.get("date") is None or found < claim["date"]):
                    claim["date"] = found
                if tagged is not None:
                    tags[target].append(tagged)
    return list(actors.values())


# --- export ----------------------------------------------------------------------------------


def dump(dossier: Dossier, lang: str | None = None) -> str:
    """AIFdb JSON for a dossier's claims, relations and who said what (deterministic text)."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []

    def edge(src: str, dst: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": src, "toID": dst,
                      "formEdgeID": None})

    def text_of(item: Any) -> str:
        for name in ("text", "quote", "title", "name"):
            value = getattr(item, name, None)
            if value is not None:
                return pick(value, lang)
        return item.id

    in_relation = {ref for rel in dossier.relations for ref in (*rel.from_, rel.to)}
    propositions = [item for section in ("claims", "demands", "responses", "evidence", "actions")
                    for item in getattr(dossier, section)
                    if section in ("claims", "demands") or item.id in in_relation]
    for item in propositions:
        nodes.append({"nodeID": item.id, "text": text_of(item), "type": "I"})
    kinds = {"supports": "RA", "attacks": "CA", "undercuts": "CA", "rephrases": "MA"}
    for rel in dossier.relations:
        kind = kinds[rel.type.value]
        node: dict[str, Any] = {"nodeID": rel.id, "text": rel.scheme or _DEFAULT_TEXT[kind],
                                "type": kind}
        if rel.scheme:
            node["scheme"] = rel.scheme
            if rel.scheme in SCHEME_IDS:
                node["schemeID"] = SCHEME_IDS[rel.scheme]
        nodes.append(node)
        for src in rel.from_:
            edge(src, rel.id)
        edge(rel.id, rel.to)
    names = {actor.id: pick(actor.name, lang) for actor in dossier.actors}
    for item in propositions:
        for aid in getattr(item, "by", None) or []:
            lid, yid = f"{item.id}.l.{aid}", f"{item.id}.ya.{aid}"
            speaker = names.get(aid, aid).replace(":", " ")
            when = getattr(item, "date", None)
            stamp = f"{when.isoformat()} 00:00:00" if when else None
            l_node: dict[str, Any] = {"nodeID": lid, "text": f"{speaker} : {text_of(item)}",
                                      "type": "L"}
            if stamp:
                l_node["timestamp"] = stamp
            illocution = next((t.split(":", 1)[1] for t in item.tags
                               if t.startswith("illocution:")), "Asserting")
            ya = {"nodeID": yid, "text": illocution, "type": "YA", "scheme": illocution}
            if illocution in SCHEME_IDS:
                ya["schemeID"] = SCHEME_IDS[illocution]
            nodes.extend([l_node, ya])
            edge(lid, yid)
            edge(yid, item.id)
            locutions.append({"nodeID": lid, "personID": aid, "start": stamp})
    known = {node["nodeID"] for node in nodes}
    for item in [*propositions, *dossier.relations]:
        for tag in item.tags:
            if tag.startswith("prefers:") and tag[8:] in known:
                pid = f"{item.id}.pa.{tag[8:]}"
                nodes.append({"nodeID": pid, "text": "Default Preference", "type": "PA"})
                edge(item.id, pid)
                edge(pid, tag[8:])
    doc = {"nodes": nodes, "edges": edges, "locutions": locutions}
    return json.dumps(doc, ensure_ascii=False, indent=1, default=str) + "\n"
