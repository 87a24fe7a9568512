"""AIF JSON (AIFdb, OVA) and xAIF: import and export.

Import (:func:`load`) maps the Argument Interchange Format onto a dossier.

The argument layer:

- ``I`` nodes become claims (id: the node id as a slug).
- an ``RA`` node becomes one ``supports`` relation (id: the RA's id) from all its I-node premises
  (``from: [p1, p2]`` when there are several) to its conclusion; the scheme name (``scheme`` key or
  the xAIF ``schemefulfillments``) is kept in ``Relation.scheme``.
- a ``CA`` node becomes ``attacks`` (a joint attack when it has several I-node premises); a CA
  aimed at an RA or CA becomes ``undercuts`` whose ``to`` is that node's relation id.
- an ``MA`` node becomes ``rephrases``, one relation per source (``<ma>-2``... for the others).
- a ``PA`` node (preferred -> PA -> dispreferred) becomes the tag ``prefers:<dispreferred id>`` on
  the preferred claim or relation; :func:`dump` turns such tags back into PA nodes.
- a premise that is also its node's conclusion (a node that supports or rephrases itself) is
  left out of that relation, with a warning; so is a relation left without a premise.

The dialogue layer:

- each ``L`` node (locution) of a speaker becomes an event of kind ``statement`` tagged
  ``locution``: its title is the words spoken (the L text after ``"Speaker :"``), its participant
  the speaker, its date the locution's ``start``, else the L node's ``timestamp``, else the
  ``locutions`` entry's ``timestamp``, the time of day in the tag ``time:HH:MM:SS``. A locution
  with no date at all cannot be an event and is counted in a warning.
- speakers become actors of kind ``person`` whose id is the slug of the name (the text before the
  first ``:``, else the participant the ``locutions`` entry names).
- an L -> YA -> I anchoring adds the speaker to the claim's ``by``, its date to the claim's
  ``date`` and the earliest locution's event to its ``at``, and the illocution (the YA's text) to
  the tag ``illocution:<text>``; every illocution of a claim is kept, except that a claim only
  ever ``Asserting`` carries no tag (it is the default). Illocutions anchored in a ``TA`` (TA ->
  YA -> RA/CA/MA/I) tag the relation or claim the same way (the defaults, untagged: ``Arguing``
  for supports, ``Disagreeing`` for attacks and undercuts, ``Restating`` for rephrases).
- a ``TA`` (L1 -> TA -> L2) tags the later locution's event ``replies-to:<L1 event>`` (and
  ``transition:<scheme>`` when the scheme is not ``Default Transition``); an L -> YA -> L anchoring
  (reported speech) tags the reported locution ``reported-by:<event>``.
- locutions of annotators (OVA/AIFdb analysis nodes such as ``"Mascha: Fiona Bruce : words"``,
  which repeat another locution after the annotator's name, or anchor one with ``Analysing``) are
  not speech: their names become the ``author`` of a source for the map, never actors.

Whatever else cannot be represented is counted, per kind, in one warning each (``3 TA nodes
between locutions not kept, e.g. 12, 13, 14``).

Quirks tolerated: integer and string ids mixed, ids like ``4_1731...``, a node repeated in
``locutions``, OVA ``visible: false`` nodes, edges to unknown nodes (skipped with a warning).

Export (:func:`dump`) writes AIFdb JSON that other AIF tools read: I nodes for every claim,
demand, response, piece of evidence and action (text in one language), RA/CA/MA nodes for
relations, PA nodes for ``prefers:`` tags, an L and a YA node per speaker of an item (``by``,
with the item's date as the locution time), and ``participants`` naming the actors. What AIF has
no place for travels in ``argmap`` extension fields, which other tools ignore: on each node the
item's own fields (every language, ``said``, ``to``, citations, ...), at the top level the
dossier's title, actors, sources and events. Reading such a file back gives the same dossier; a
text changed in another tool wins over the stored one (its other languages are then dropped,
with a warning).
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
from ._common import (
    Exported,
    FormatWarning,
    Imported,
    SlugMaker,
    build,
    load_json,
    parse_date,
    slugify,
)

NAME = "aif"
SUFFIXES = (".json",)
SCHEME_IDS = {"Default Inference": "72", "Default Conflict": "71", "Default Rephrase": "144",
              "Asserting": "74", "Default Transition": "82", "Arguing": "80",
              "Default Preference": "161"}
SCHEME_NAMES = {v: k for k, v in SCHEME_IDS.items()}
#: The key of argmap's own fields, in nodes and at the top level of files argmap writes.
EXTENSION = "argmap"
EXTENSION_VERSION = 1
_DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
_RELATION_NODE = {"RA", "CA", "MA"}
_KNOWN = {"I", "L", "RA", "CA", "MA", "PA", "YA", "TA"}
_LINKED = {"RA", "CA", "MA", "PA", "YA", "TA"}  # node types whose edges the importer reads
#: the illocution a relation of each type has unless said otherwise (not tagged on import)
_DEFAULT_ILLOCUTION = {"supports": "Arguing", "attacks": "Disagreeing",
                       "undercuts": "Disagreeing", "rephrases": "Restating"}
_SECTIONS = ("claims", "demands", "responses", "evidence", "actions")


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
    for entry in inner.get("schemefulfillments") or []:
        if isinstance(entry, dict) and "nodeID" in entry:
            name = SCHEME_NAMES.get(str(entry.get("schemeID")))
            if name:
                fulfils[str(entry["nodeID"])] = name
    return lists[0], lists[1], lists[2], lists[3], fulfils


class _LeftOut:
    """What the import could not keep, by kind, with the first few node ids as examples."""

    def __init__(self) -> None:
        self.found: dict[str, list[str]] = {}

    def add(self, kind: str, nid: str) -> None:
        self.found.setdefault(kind, []).append(nid)

    def warnings(self, file: str | None) -> list[FormatWarning]:
        out = []
        for kind, ids in self.found.items():
            examples = ", ".join(ids[:3]) + (", ..." if len(ids) > 3 else "")
            out.append(FormatWarning(f"{len(ids):,} {kind} left out (e.g. {examples})", file))
        return out


def load(data: bytes | str, file: str | None = None) -> Imported:
    """Read AIF or xAIF JSON into a dossier (see the module docs for the mapping).

    >>> doc = '{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}], "edges": []}'
    >>> load(doc).dossier.claims[0].id
    '1'
    """
    with paused_gc():
        return _load(data, file)


def _load(data: bytes | str, file: str | None) -> Imported:
    obj = load_json(data, file)
    raw_nodes, raw_edges, raw_locs, raw_parts, fulfils = _aif_parts(obj, file)
    stored = obj.get("AIF", obj).get(EXTENSION)
    if not (isinstance(stored, dict) and stored.get("version") == EXTENSION_VERSION):
        stored = None
    warnings: list[FormatWarning] = []
    left = _LeftOut()

    # Files of 100,000 nodes are common: each list below is walked once, each node's type read
    # once (``types``), the later passes visit only the nodes of the types they need, in file
    # order, and only the edges of the node types read later (_LINKED) are kept.
    nodes: dict[str, dict[str, Any]] = {}
    types: dict[str, str] = {}
    by_type: dict[str, list[str]] = {kind: [] for kind in _KNOWN}
    relation_nodes: list[str] = []  # RA, CA and MA nodes, in file order
    slugged: list[str] = []  # I, RA, CA and MA nodes, in file order
    listed = {kind: found.append for kind, found in by_type.items()}
    for i, node in enumerate(raw_nodes):
        try:  # one lookup, not a type test and a membership test first: this loop is hot
            nid = node["nodeID"]
            kind = node.get("type")
        except (KeyError, TypeError, AttributeError):
            raise FormatError("node without 'nodeID'", file=file, path=("nodes", i)) from None
        if nid.__class__ is not str:
            nid = str(nid)
        if nid in nodes:
            left.add("repeated nodes (the first is kept)", nid)
            continue
        add = listed.get(kind) if kind.__class__ is str else None
        if add is None:
            left.add(f"nodes of unknown type {kind!r}", nid)
            continue
        nodes[nid] = node
        types[nid] = kind
        add(nid)
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
            src, dst = edge["fromID"], edge["toID"]
        except (KeyError, TypeError):
            raise FormatError("edge without 'fromID' or 'toID'", file=file,
                              path=("edges", i)) from None
        if src.__class__ is not str:
            src = str(src)
        if dst.__class__ is not str:
            dst = str(dst)
        src_type, dst_type = get_type(src), get_type(dst)
        if src_type is None or dst_type is None:
            left.add("edges joining unknown nodes", str(edge.get("edgeID", i)))
            continue
        if src_type in _LINKED:
            out[src].append(dst)
        if dst_type in _LINKED:
            inc[dst].append(src)

    ids = SlugMaker()
    if stored is not None:
        for section in ("actors", "sources", "events"):
            for item in stored.get(section) or []:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    ids.reserve(item["id"])
    sid = ids.make_all("node", slugged)

    claims: dict[str, dict[str, Any]] = {}
    for nid in by_type["I"]:
        text = nodes[nid].get("text")
        claims[nid] = {"id": sid[nid], "text": "" if text is None else str(text)}

    relations = _relations(nodes, types, relation_nodes, inc, out, sid, fulfils, ids, left)
    tags: dict[str, list[str]] = defaultdict(list)  # node id -> tags (PA, illocution)
    for nid in by_type["PA"]:
        winners = [s for s in inc[nid] if types[s] in ("I", "RA", "CA", "MA")]
        losers = [t for t in out[nid] if types[t] in ("I", "RA", "CA", "MA")]
        if not winners or not losers:
            left.add("PA nodes without a preferred or a dispreferred node", nid)
        for w in winners:
            tags[w].extend(f"prefers:{sid[lose]}" for lose in losers)

    rel_of = {rel["id"]: rel for rel in relations}
    dialogue = _Dialogue(nodes, types, by_type, inc, out, raw_locs, raw_parts, ids, left)
    if stored is not None:  # a speaker added in another tool may be an actor argmap wrote
        dialogue.stored = True
        dialogue.aid_of.update(
            (str(a["name"]), a["id"]) for a in stored.get("actors") or []
            if isinstance(a, dict) and isinstance(a.get("name"), str) and "id" in a)
    dialogue.read(claims, {nid: rel_of[sid[nid]] for nid in relation_nodes
                           if sid[nid] in rel_of}, tags)
    for nid, claim in claims.items():
        if nid in tags:
            claim["tags"] = sorted(set(tags[nid]))
    for nid, extra in tags.items():
        if types[nid] in _RELATION_NODE and sid.get(nid) in rel_of:
            rel_of[sid[nid]]["tags"] = sorted(set(extra))

    stem = Path(file).stem if file else None
    info: dict[str, Any] | None = {"title": stem} if stem else None
    sections: dict[str, list[dict[str, Any]]] = {
        "actors": dialogue.actors, "events": dialogue.events, "claims": list(claims.values()),
        "relations": relations, "sources": dialogue.map_source(stem)}
    if stored is not None:
        info = _restore(stored, nodes, claims, relation_nodes, sid, rel_of, sections, warnings,
                        file)
    warnings += left.warnings(file)
    return Imported(build(sections, info, file), warnings)


def _relations(nodes: dict[str, dict[str, Any]], types: dict[str, str],
               relation_nodes: list[str], inc: dict[str, list[str]],
               out: dict[str, list[str]], sid: dict[str, str], fulfils: dict[str, str],
               ids: SlugMaker, left: _LeftOut) -> list[dict[str, Any]]:
    """The relations of the RA, CA and MA nodes (see the module docs)."""
    relations: list[dict[str, Any]] = []
    for nid in relation_nodes:
        node = nodes[nid]
        kind = types[nid]
        targets = out[nid]
        if len(targets) > 1:
            left.add(f"conclusions of {kind} nodes beyond the first", nid)
        target = targets[0] if targets else None
        sources = list(dict.fromkeys(s for s in inc[nid] if types[s] == "I"))
        if target in sources:
            left.add("self-loops (a node that supports, attacks or rephrases itself)", nid)
            sources.remove(target)
            if not sources:
                continue
        if not sources or target is None:
            left.add(f"{kind} nodes without a premise or a conclusion", nid)
            continue
        target_type = types[target]
        if kind == "RA":
            if target_type != "I":
                left.add(f"RA nodes concluding a {target_type} node", nid)
                continue
            rel_type, groups = "supports", [sources]
        elif kind == "CA":
            if target_type == "I":
                rel_type = "attacks"
            elif target_type in ("RA", "CA"):
                rel_type = "undercuts"
            else:
                left.add(f"CA nodes aimed at a {target_type} node", nid)
                continue
            groups = [sources]  # several premises attack jointly
        else:
            if target_type != "I":
                left.add(f"MA nodes rephrasing a {target_type} node", nid)
                continue
            rel_type, groups = "rephrases", [[s] for s in sources]
        scheme = node.get("scheme") or fulfils.get(nid)
        rid, to = sid[nid], sid[target]
        for n, group in enumerate(groups):
            rel: dict[str, Any] = {
                "id": rid if n == 0 else ids.make("extra", f"{rid}-{n + 1}"),
                "from": [sid[s] for s in group],  # the claim ids of I nodes
                "to": to, "type": rel_type}
            if scheme:
                rel["scheme"] = str(scheme)
            relations.append(rel)
    return relations


def _speaker_and_words(text: str, fallback: str | None) -> tuple[str | None, str]:
    """The speaker named before the first ``:`` of a locution, and the words after it."""
    if ":" in text:
        name, words = text.split(":", 1)
        name = name.strip()
        if name and len(name) <= 100:
            return name, words.strip()
    return fallback, text.strip()


class _Dialogue:
    """The locution layer of an AIF map: speakers, locutions as events, who said which claim."""

    def __init__(self, nodes: dict[str, dict[str, Any]], types: dict[str, str],
                 by_type: dict[str, list[str]], inc: dict[str, list[str]],
                 out: dict[str, list[str]], raw_locs: list, raw_parts: list, ids: SlugMaker,
                 left: _LeftOut) -> None:
        self.nodes, self.types, self.by_type = nodes, types, by_type
        self.inc, self.out, self.ids, self.left = inc, out, ids, left
        self.actors: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.annotators: list[str] = []
        self.aid_of: dict[str, str] = {}  # speaker name -> actor id
        self.dates: dict[str, Any] = {}  # timestamp -> date
        #: L node id -> (actor id, date, event) of the locutions of speakers
        self.spoken: dict[str, tuple[str | None, Any, dict[str, Any] | None]] = {}
        self.stored = False  # whether argmap wrote the file (its nodes may carry EXTENSION)
        self.people: dict[str, str] = {}  # participant id -> name
        for part in raw_parts:
            if isinstance(part, dict) and "participantID" in part:
                name = " ".join(str(part.get(k) or "").strip() for k in ("firstname", "surname"))
                if name.strip():
                    self.people[str(part["participantID"])] = name.strip()
        self.loc_person: dict[str, str] = {}  # L node id -> participant id
        self.loc_entries: dict[str, list[Any]] = defaultdict(list)
        for loc in raw_locs:
            if not isinstance(loc, dict) or "nodeID" not in loc:
                continue
            lid = str(loc["nodeID"])
            if loc.get("personID") is not None and lid not in self.loc_person:
                self.loc_person[lid] = str(loc["personID"])
            self.loc_entries[lid].append(loc)

    def _date(self, stamp: object) -> Any:
        """The date of a timestamp (files repeat the same few stamps: each is parsed once)."""
        if not isinstance(stamp, str):
            return None
        found = self.dates.get(stamp, self.dates)
        if found is self.dates:
            found = self.dates[stamp] = parse_date(stamp)
        return found

    def _stamp(self, lid: str) -> str | None:
        """When a locution was spoken: its ``start``, else its node's or entry's timestamp."""
        entries = self.loc_entries.get(lid, ())
        date = self._date
        found = [e["start"] for e in entries if e.get("start") and date(e["start"])]
        if found:
            return min(found)
        own = self.nodes[lid].get("timestamp")
        if date(own):
            return own
        found = [e["timestamp"] for e in entries if date(e.get("timestamp"))]
        return min(found) if found else None

    def read(self, claims: dict[str, dict[str, Any]],
             relations: dict[str, dict[str, Any]], tags: dict[str, list[str]]) -> None:
        """Fill actors and events; add speakers, dates, events and illocutions to items."""
        analysts = self._analysts()
        nodes, aid_of, names, date = self.nodes, self.aid_of, self.people, self._date
        loc_person, loc_entries, spoken = self.loc_person, self.loc_entries, self.spoken
        if analysts or self.stored:
            said = [nid for nid in self.by_type["L"] if nid not in analysts
                    and not (self.stored and isinstance(nodes[nid].get(EXTENSION), dict))]
        else:
            said = self.by_type["L"]
        event_ids = self.ids.make_all("node", said)
        for nid in said:  # not annotation, nor a speaker argmap wrote (its item has its 'by')
            node = nodes[nid]
            text = node.get("text")
            if text.__class__ is not str:
                text = "" if text is None else str(text)
            colon = text.find(":")
            name = text[:colon].strip() if 0 < colon <= 101 else None
            if name:
                words = text[colon + 1:].strip()
            else:
                person = loc_person.get(nid)
                name, words = (names.get(person) if person else None), text.strip()
            aid = None
            if name is not None:
                aid = aid_of.get(name)
                if aid is None:
                    aid = aid_of[name] = self.ids.make("actor", name, "actor")
                    self.actors.append({"id": aid, "name": name, "kind": "person"})
            stamp = self._stamp(nid) if nid in loc_entries else node.get("timestamp")
            day = date(stamp)
            if day is None:
                self.left.add("locutions without a date (no event)", nid)
                spoken[nid] = (aid, None, None)
                continue
            event: dict[str, Any] = {"id": event_ids[nid], "date": day,
                                     "kind": "statement", "title": words, "tags": ["locution"]}
            if aid is not None:
                event["participants"] = [aid]
            if isinstance(stamp, str) and len(stamp) >= 19 and stamp[10] in " T":
                event["tags"].append(f"time:{stamp[11:19]}")
            self.events.append(event)
            spoken[nid] = (aid, day, event)
        self._transitions()
        self._illocutions(claims, relations, tags, analysts)

    def _analysts(self) -> set[str]:
        """L nodes of annotators, whose names become the authors of the map's source.

        OVA and AIFdb record who analysed a locution as ``"Annotator: Speaker : words"`` where
        ``"Speaker : words"`` is another locution (or anchor it with an ``Analysing`` YA); once
        a name is known as an annotator's, every ``"Annotator: Speaker : ..."`` is one too.
        """
        found: set[str] = set()
        names: dict[str, None] = {}
        split: dict[str, tuple[str, str]] = {}  # "name: speaker : words" L node -> (name, rest)
        for nid in self.by_type["L"]:
            text = self.nodes[nid].get("text")
            if isinstance(text, str) and text.count(":") > 1:
                name, rest = text.split(":", 1)
                split[nid] = (name.strip(), " ".join(rest.split()))
        if split:
            texts = {" ".join(str(self.nodes[nid].get("text") or "").split())
                     for nid in self.by_type["L"]}
            for nid, (name, rest) in split.items():
                if name and rest in texts:
                    found.add(nid)
                    names.setdefault(name)
        for ya in self.by_type["YA"]:
            node = self.nodes[ya]
            if str(node.get("text") or node.get("scheme") or "") != "Analysing":
                continue
            for lid in self.inc[ya]:
                if self.types[lid] == "L" and lid not in found:
                    found.add(lid)
                    name, _ = _speaker_and_words(str(self.nodes[lid].get("text") or ""), None)
                    if name:
                        names.setdefault(name)
        for nid, (name, _) in split.items():
            if name in names:
                found.add(nid)
        self.annotators = list(names)
        return found

    def _transitions(self) -> None:
        event = {lid: found[2] for lid, found in self.spoken.items() if found[2] is not None}
        for ta in self.by_type["TA"]:
            before = [event[s] for s in self.inc[ta] if s in event]
            after = [event[t] for t in self.out[ta] if t in event]
            if not before or not after:
                self.left.add("TA nodes between locutions not kept", ta)
                continue
            node = self.nodes[ta]
            scheme = str(node.get("scheme") or node.get("text") or "")
            for later in after:
                later["tags"].extend(f"replies-to:{earlier['id']}" for earlier in before)
                if scheme not in ("", "TA", "Default Transition"):
                    later["tags"].append(f"transition:{scheme}")

    def _illocutions(self, claims: dict[str, dict[str, Any]],
                     relations: dict[str, dict[str, Any]], tags: dict[str, list[str]],
                     analysts: set[str]) -> None:
        said: dict[str, list[str]] = defaultdict(list)  # node id -> illocutions, in order
        first: dict[str, tuple[Any, str]] = {}  # claim node id -> (date, event id)
        nodes, inc, out, spoken, stored = self.nodes, self.inc, self.out, self.spoken, self.stored
        for ya in self.by_type["YA"]:
            node = nodes[ya]
            if stored and isinstance(node.get(EXTENSION), dict):
                continue  # written by argmap for a speaker: the item keeps its own fields
            illocution = node.get("text") or node.get("scheme") or ""
            if illocution.__class__ is not str:
                illocution = str(illocution)
            sources = inc[ya]
            if illocution == "Analysing" or (analysts and any(s in analysts for s in sources)):
                continue  # the annotators' layer, kept as the map's source
            anchored = False
            for target in out[ya]:
                claim = claims.get(target)
                if claim is not None:
                    anchored = True
                    said[target].append(illocution)
                    for lid in sources:
                        found = spoken.get(lid)
                        if found is None:
                            continue
                        aid, day, event = found
                        if aid is not None:
                            by = claim.get("by")
                            if by is None:
                                claim["by"] = [aid]
                            elif aid not in by:
                                by.append(aid)
                        if day is not None and (claim.get("date") is None or day < claim["date"]):
                            claim["date"] = day
                        if event is not None and (target not in first
                                                  or day < first[target][0]):
                            first[target] = (day, event["id"])
                elif target in relations:
                    anchored = True
                    said[target].append(illocution)
                elif target in spoken and (reported := spoken[target][2]) is not None:
                    anchored = True
                    reporters = (spoken[lid][2] for lid in sources if lid in spoken)
                    reported["tags"].extend(f"reported-by:{r['id']}" for r in reporters
                                            if r is not None)
            if not anchored:
                self.left.add("YA nodes (illocutions) anchoring nothing kept", ya)
        for nid, illocutions in said.items():
            if len(illocutions) == 1:
                found = illocutions if illocutions[0] else []
            else:
                found = list(dict.fromkeys(i for i in illocutions if i))
            default = "Asserting" if nid in claims else \
                _DEFAULT_ILLOCUTION[relations[nid]["type"]]
            if found and found != [default]:
                tags[nid].extend(f"illocution:{i}" for i in found)
        for nid, (_, event_id) in first.items():
            claims[nid]["at"] = event_id

    def map_source(self, stem: str | None) -> list[dict[str, Any]]:
        """The map itself as a source whose authors are its annotators (none without any)."""
        if not self.annotators:
            return []
        title = stem or "AIF map"
        return [{"id": self.ids.make("source", f"{slugify(title, 'map')}-analysis"),
                 "title": f"{title} (argument analysis)", "kind": "dataset",
                 "author": ", ".join(self.annotators)}]


def _restore(stored: dict[str, Any], nodes: dict[str, dict[str, Any]],
             claims: dict[str, dict[str, Any]], relation_nodes: list[str], sid: dict[str, str],
             rel_of: dict[str, dict[str, Any]], sections: dict[str, list[dict[str, Any]]],
             warnings: list[FormatWarning], file: str | None) -> dict[str, Any] | None:
    """Put back what argmap stored in its extension fields (a file argmap wrote)."""
    lang = stored.get("lang")
    for section in ("actors", "sources", "events"):
        extra = [i for i in stored.get(section) or [] if isinstance(i, dict)]
        known = {i["id"] for i in extra if isinstance(i.get("id"), str)}
        sections[section] = extra + [i for i in sections[section] if i["id"] not in known]
    items: dict[str, list[dict[str, Any]]] = {s: [] for s in _SECTIONS}
    for nid, claim in claims.items():
        ext = nodes[nid].get(EXTENSION)
        if not isinstance(ext, dict) or ext.get("section") not in items:
            items["claims"].append(claim)  # a proposition added in another tool
            continue
        fields = {k: v for k, v in ext.items() if k != "section"}
        item = {**fields, "id": claim["id"]}
        name = "text" if "text" in fields or "quote" not in fields else "quote"
        stored_text = fields.get(name)
        if stored_text is not None and pick(stored_text, lang) != claim["text"]:
            item[name] = claim["text"]
            if isinstance(stored_text, dict) and len(stored_text) > 1:
                warnings.append(FormatWarning(
                    f"the text of '{claim['id']}' was changed after argmap wrote the file; "
                    "its other languages are dropped", file))
        extra_tags = [t for t in claim.get("tags", []) if t not in item.get("tags", [])]
        if extra_tags:
            item["tags"] = [*item.get("tags", []), *extra_tags]
        items[ext["section"]].append(item)
    for nid in relation_nodes:
        rel = rel_of.get(sid[nid])
        ext = nodes[nid].get(EXTENSION)
        if rel is not None and isinstance(ext, dict):
            structure = {"id": rel["id"], "from": rel["from"], "to": rel["to"],
                         "type": rel["type"]}
            rel.clear()
            rel.update({**ext, **structure})
    sections.update(items)
    found = stored.get("dossier")
    return found if isinstance(found, dict) else None


# --- export ----------------------------------------------------------------------------------


def _fields(item: Any, skip: tuple[str, ...] = ("id",)) -> dict[str, Any]:
    """An item's fields as JSON values, defaults left out (what the extension field carries)."""
    data = item.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    for name in skip:
        data.pop(name, None)
    return data


def dump(dossier: Dossier, lang: str | None = None) -> str:
    """AIFdb JSON for the whole dossier (deterministic text; see the module docs)."""
    return dump_report(dossier, lang).text


def dump_report(dossier: Dossier, lang: str | None = None) -> Exported:
    """AIFdb JSON (as :func:`dump`) and what it holds; it leaves nothing out."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []

    def edge(src: str, dst: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": src, "toID": dst,
                      "formEdgeID": None})

    def text_of(item: Any) -> str:
        value = getattr(item, "text", None)
        if value is None:
            value = getattr(item, "quote", None)
        return pick(value, lang) if value is not None else ""

    propositions = [(section, item) for section in _SECTIONS
                    for item in getattr(dossier, section)]
    for section, item in propositions:
        ext = {"section": section, **_fields(item)}
        nodes.append({"nodeID": item.id, "text": text_of(item), "type": "I", EXTENSION: ext})
    kinds = {"supports": "RA", "attacks": "CA", "undercuts": "CA", "rephrases": "MA"}
    for rel in dossier.relations:
        kind = kinds[rel.type.value]
        node: dict[str, Any] = {"nodeID": rel.id, "text": rel.scheme or _DEFAULT_TEXT[kind],
                                "type": kind}
        if rel.scheme:
            node["scheme"] = rel.scheme
            if rel.scheme in SCHEME_IDS:
                node["schemeID"] = SCHEME_IDS[rel.scheme]
        node[EXTENSION] = _fields(rel, ("id", "from", "to", "type"))
        nodes.append(node)
        for src in rel.from_:
            edge(src, rel.id)
        edge(rel.id, rel.to)
    names = {actor.id: pick(actor.name, lang) for actor in dossier.actors}
    for _, item in propositions:
        for aid in getattr(item, "by", None) or []:
            lid, yid = f"{item.id}.l.{aid}", f"{item.id}.ya.{aid}"
            speaker = names.get(aid, aid).replace(":", " ")
            when = getattr(item, "date", None)
            stamp = f"{when.isoformat()} 00:00:00" if when else None
            l_node: dict[str, Any] = {"nodeID": lid, "text": f"{speaker} : {text_of(item)}",
                                      "type": "L", EXTENSION: {"of": item.id}}
            if stamp:
                l_node["timestamp"] = stamp
            illocution = next((t.split(":", 1)[1] for t in item.tags
                               if t.startswith("illocution:")), "Asserting")
            ya = {"nodeID": yid, "text": illocution, "type": "YA", "scheme": illocution}
            if illocution in SCHEME_IDS:
                ya["schemeID"] = SCHEME_IDS[illocution]
            ya[EXTENSION] = {"of": item.id}
            nodes.extend([l_node, ya])
            edge(lid, yid)
            edge(yid, item.id)
            locutions.append({"nodeID": lid, "personID": aid, "start": stamp})
    known = {node["nodeID"] for node in nodes}
    for item in [*(item for _, item in propositions), *dossier.relations]:
        for tag in item.tags:
            if tag.startswith("prefers:") and tag[8:] in known:
                pid = f"{item.id}.pa.{tag[8:]}"
                nodes.append({"nodeID": pid, "text": "Default Preference", "type": "PA",
                              EXTENSION: {"of": item.id}})
                edge(item.id, pid)
                edge(pid, tag[8:])
    participants = [{"participantID": actor.id, "firstname": names[actor.id], "surname": ""}
                    for actor in dossier.actors]
    # "lang" is the language asked for: picking it again from the stored texts gives the node
    # texts, so that a text changed in another tool can be told apart
    stored: dict[str, Any] = {"version": EXTENSION_VERSION, "lang": lang}
    if dossier.info is not None:
        stored["dossier"] = _fields(dossier.info, ())
    for section in ("actors", "sources", "events"):
        stored[section] = [item.model_dump(mode="json", by_alias=True, exclude_defaults=True)
                           for item in getattr(dossier, section)]
    doc = {"nodes": nodes, "edges": edges, "locutions": locutions,
           "participants": participants, EXTENSION: stored}
    text = json.dumps(doc, ensure_ascii=False, indent=1, default=str) + "\n"
    written = {"I nodes": len(propositions), "RA, CA and MA nodes": len(dossier.relations),
               "locutions": len(locutions), "participants": len(participants)}
    return Exported(text, {}, written)

