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
import os
from collections import defaultdict, deque
from collections.abc import Iterable
from itertools import chain, compress, filterfalse, repeat
from operator import and_, is_not, itemgetter, not_
from pathlib import Path
from typing import Any

from msgspec import UNSET

from ..dossier import Dossier
from ..gc_pause import paused_gc
from ..lang import pick
from ..model import MAX_STRING, Actor, Claim, DossierInfo, Event, Relation, Source
from ..vocab import ActorKind, EventKind, RelationType, SourceKind
from . import _trusted
from ._aif_json import EXTENSION, Node, read, sniff
from ._common import (
    Exported,
    FormatWarning,
    Imported,
    SlugMaker,
    build,
    parse_date,
    slugify,
)

NAME = "aif"
SUFFIXES = (".json",)
SCHEME_IDS = {"Default Inference": "72", "Default Conflict": "71", "Default Rephrase": "144",
              "Asserting": "74", "Default Transition": "82", "Arguing": "80",
              "Default Preference": "161"}
SCHEME_NAMES = {v: k for k, v in SCHEME_IDS.items()}
EXTENSION_VERSION = 1
_DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
_RELATION_NODE = frozenset({"RA", "CA", "MA"})
_SLUGGED = frozenset({"I", "RA", "CA", "MA"})  # node types whose ids become item ids
_KNOWN = frozenset({"I", "L", "RA", "CA", "MA", "PA", "YA", "TA"})
_LINKED = frozenset({"RA", "CA", "MA", "PA", "YA", "TA"})  # types whose edges the importer reads
#: the illocution a relation of each type has unless said otherwise (not tagged on import)
_DEFAULT_ILLOCUTION = {"supports": "Arguing", "attacks": "Disagreeing",
                       "undercuts": "Disagreeing", "rephrases": "Restating"}
_SECTIONS = ("claims", "demands", "responses", "evidence", "actions")

__all__ = ["EXTENSION", "EXTENSION_VERSION", "NAME", "SCHEME_IDS", "SCHEME_NAMES", "SUFFIXES",
           "dump", "dump_report", "load", "sniff"]


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


def _run_all(lists: Any, items: Any) -> None:
    """``lists[i].append(items[i])`` for all i, in C loops (no Python code per item)."""
    deque(map(list.append, lists, items), maxlen=0)


_PLAIN_IDS = frozenset({int, str})  # id types whose own equality is that of their text
_UNDATED: tuple[Any, str | None] = (None, None)  # a locution's date and time when it has none


def _load(data: bytes | str, file: str | None, trusted: bool = True) -> Imported:
    """The import; ``trusted=False`` validates every item with pydantic and checks the whole
    dossier even where the importer vouches for it (the tests compare the two)."""
    parts = read(data, file, SCHEME_NAMES)
    stored = parts.stored
    if not (isinstance(stored, dict) and stored.get("version") == EXTENSION_VERSION):
        stored = None
    warnings: list[FormatWarning] = []
    left = _LeftOut()

    # Files of 100,000 nodes are common. The nodes kept are numbered 0..n-1 in file order and
    # every later step works on those numbers: lists indexed by them (the node, its id, its
    # type, its slug), whole lists handled in C loops (map, zip, compress) or in one-line list
    # comprehensions where they are faster (reading a field of each record, indexing a list:
    # Python 3.11's specialised bytecode beats map() through a method wrapper); Python code
    # with branches runs only over the nodes of the types a step needs.
    graph = _Graph(parts.nodes, left)
    nodes, nids, kinds = graph.nodes, graph.nids, graph.kinds
    by_type = graph.by_type
    inc, out = graph.adjacency(parts.edges, left)
    relation_nodes = list(compress(range(len(kinds)), map(_RELATION_NODE.__contains__, kinds)))
    slugged = list(compress(range(len(kinds)), map(_SLUGGED.__contains__, kinds)))

    ids = SlugMaker()
    if stored is not None:
        for section in ("actors", "sources", "events"):
            for item in stored.get(section) or []:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    ids.reserve(item["id"])
    # the item id of each node of a type in _SLUGGED (other nodes' entries are never read)
    sid: list[str | None]
    slugged_ids = [nids[i] for i in slugged]
    if ids.take_all("node", slugged_ids):  # the common case: the node ids are slugs already
        sid = nids  # type: ignore[assignment]
    else:
        sid = [None] * len(nids)
        slugs = ids.make_all("node", slugged_ids)
        deque(map(sid.__setitem__, slugged, map(slugs.__getitem__, slugged_ids)), maxlen=0)

    claim_nodes = by_type["I"]
    texts = [nodes[i].text for i in claim_nodes]
    if not _STR_ONLY.issuperset(map(type, texts)):
        texts = [t if t.__class__ is str else "" if t is None else str(t) for t in texts]
    claims: dict[int, dict[str, Any]] = dict(zip(
        claim_nodes, [{"id": sid[i], "text": text} for i, text in zip(claim_nodes, texts)]))

    relations, rel_at = _relations(graph, relation_nodes, inc, out, sid, parts.fulfils, ids,
                                   left)
    tags: dict[int, list[str]] = defaultdict(list)  # node -> tags (PA, illocution)
    for pa in by_type["PA"]:
        winners = [s for s in inc[pa] if kinds[s] in _SLUGGED]
        losers = [t for t in out[pa] if kinds[t] in _SLUGGED]
        if not winners or not losers:
            left.add("PA nodes without a preferred or a dispreferred node", nids[pa])
        for w in winners:
            tags[w].extend(f"prefers:{sid[lose]}" for lose in losers)

    rel_of = {rel["id"]: rel for rel in relations}
    dialogue = _Dialogue(graph, inc, out, parts.locutions, parts.participants, ids, left)
    if stored is not None:  # a speaker added in another tool may be an actor argmap wrote
        dialogue.stored = True
        dialogue.aid_of.update(
            (str(a["name"]), a["id"]) for a in stored.get("actors") or []
            if isinstance(a, dict) and isinstance(a.get("name"), str) and "id" in a)
    dialogue.read(claims, rel_at, tags)
    for i, extra in tags.items():
        claim = claims.get(i)
        if claim is not None:
            claim["tags"] = sorted(set(extra))
        elif kinds[i] in _RELATION_NODE and sid[i] in rel_of:
            rel_of[sid[i]]["tags"] = sorted(set(extra))

    stem = _stem(file) if file else None
    info: dict[str, Any] | None = {"title": stem} if stem else None
    sections: dict[str, list[dict[str, Any]]] = {
        "actors": dialogue.actors, "events": dialogue.events, "claims": list(claims.values()),
        "relations": relations, "sources": dialogue.map_source(stem)}
    if stored is not None:
        info = _restore(stored, nodes, claims, relation_nodes, sid, rel_of, sections, warnings,
                        file)
    warnings += left.warnings(file)
    if trusted and parts.unicode and stored is None and _vouch(sections, info):
        return Imported(_trusted_dossier(sections, info), warnings)
    return Imported(build(sections, info, file), warnings)


_STR_ONLY = frozenset({str})


def _stem(file: str) -> str:
    """``Path(file).stem`` without making a Path (a fifth of a small map's own work)."""
    name = os.path.basename(file)
    if name in ("", ".", "..") or os.altsep and os.altsep in name:
        return Path(file).stem
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


class _Graph:
    """The nodes kept, numbered in file order: each one's record, id, type; the numbers of the
    nodes of each type; and the edges between them (:meth:`adjacency`)."""

    def __init__(self, raw_nodes: list[Node], left: _LeftOut) -> None:
        raw_ids = [node.nodeID for node in raw_nodes]
        kinds = [node.type for node in raw_nodes]
        types = set(map(type, raw_ids))
        nids = raw_ids if types <= _STR_ONLY else list(map(str, raw_ids))
        number = dict(zip(nids, range(len(nids))))
        try:
            plain = len(number) == len(nids) and _KNOWN.issuperset(kinds)
        except TypeError:  # a type that is a list or an object
            plain = False
        if not plain:  # repeated nodes (the first is kept) or nodes of unknown types
            keep = [False] * len(nids)
            seen: set[str] = set()
            for i, (nid, kind) in enumerate(zip(nids, kinds)):
                if nid in seen:
                    left.add("repeated nodes (the first is kept)", nid)
                elif kind.__class__ is not str or kind not in _KNOWN:
                    left.add(f"nodes of unknown type {kind!r}", nid)
                else:
                    seen.add(nid)
                    keep[i] = True
            raw_nodes, raw_ids, kinds, nids = (list(compress(x, keep))
                                               for x in (raw_nodes, raw_ids, kinds, nids))
            number = dict(zip(nids, range(len(nids))))
        self.nodes: list[Node] = raw_nodes
        self.nids: list[str] = nids
        self.kinds: list[str] = kinds
        self.number = number  # node id -> its number
        #: the same for the ids as the file gives them, when they are all integers or strings
        #: (an edge naming a node with the id's own type needs no str() then)
        self.by_raw: dict[Any, int] | None = (
            number if types <= _STR_ONLY else
            dict(zip(raw_ids, range(len(raw_ids)))) if types <= _PLAIN_IDS else None)
        self.by_type: dict[str, list[int]] = {kind: [] for kind in _KNOWN}
        _run_all(map(self.by_type.__getitem__, kinds), range(len(kinds)))

    def _numbers(self, raw: list[Any]) -> list[int]:
        """The number of the node each of these ids names, -1 for none."""
        by_raw = self.by_raw
        if by_raw is not None and _PLAIN_IDS.issuperset(map(type, raw)):
            found = list(map(by_raw.get, raw, repeat(-1)))
            if -1 in found:  # an integer id given as a string, or the other way round
                number = self.number
                for i in compress(range(len(found)), map((-1).__eq__, found)):
                    found[i] = number.get(str(raw[i]), -1)
            return found
        return list(map(self.number.get, map(str, raw), repeat(-1)))

    def adjacency(self, edges: list[Any], left: _LeftOut
                  ) -> tuple[defaultdict[int, list[int]], defaultdict[int, list[int]]]:
        """Edges in and out of the nodes whose edges the importer reads (:data:`_LINKED`), in
        file order; edges to or from a node the file does not have are left out."""
        srcs = self._numbers([edge.fromID for edge in edges])
        dsts = self._numbers([edge.toID for edge in edges])
        if -1 in srcs or -1 in dsts:
            keep = list(map(and_, map((-1).__lt__, srcs), map((-1).__lt__, dsts)))
            for i in compress(range(len(keep)), map(not_, keep)):
                edge = edges[i]
                left.add("edges joining unknown nodes",
                         str(i if edge.edgeID is UNSET else edge.edgeID))
            srcs, dsts = list(compress(srcs, keep)), list(compress(dsts, keep))
        linked = list(map(_LINKED.__contains__, self.kinds))  # by node number
        inc: defaultdict[int, list[int]] = defaultdict(list)
        out: defaultdict[int, list[int]] = defaultdict(list)
        from_linked = [linked[i] for i in srcs]
        _run_all(map(out.__getitem__, compress(srcs, from_linked)), compress(dsts, from_linked))
        to_linked = [linked[i] for i in dsts]
        _run_all(map(inc.__getitem__, compress(dsts, to_linked)), compress(srcs, to_linked))
        return inc, out


def _relations(graph: _Graph, relation_nodes: list[int], inc: defaultdict[int, list[int]],
               out: defaultdict[int, list[int]], sid: list[str | None],
               fulfils: dict[str, str], ids: SlugMaker, left: _LeftOut
               ) -> tuple[list[dict[str, Any]], dict[int, dict[str, Any]]]:
    """The relations of the RA, CA and MA nodes (see the module docs), and the relation each
    node kept became (the first, for an MA of several sources)."""
    nodes, nids, kinds = graph.nodes, graph.nids, graph.kinds
    relations: list[dict[str, Any]] = []
    at: dict[int, dict[str, Any]] = {}
    for r in relation_nodes:
        kind = kinds[r]
        targets = out[r]
        if len(targets) > 1:
            left.add(f"conclusions of {kind} nodes beyond the first", nids[r])
        target = targets[0] if targets else None
        premises = inc[r]
        if len(premises) == 1:
            sources = premises if kinds[premises[0]] == "I" else []
        else:
            sources = list(dict.fromkeys(s for s in premises if kinds[s] == "I"))
        if target in sources:
            left.add("self-loops (a node that supports, attacks or rephrases itself)", nids[r])
            sources = [s for s in sources if s != target]
            if not sources:
                continue
        if not sources or target is None:
            left.add(f"{kind} nodes without a premise or a conclusion", nids[r])
            continue
        target_type = kinds[target]
        if kind == "RA":
            if target_type != "I":
                left.add(f"RA nodes concluding a {target_type} node", nids[r])
                continue
            rel_type, groups = "supports", [sources]
        elif kind == "CA":
            if target_type == "I":
                rel_type = "attacks"
            elif target_type in ("RA", "CA"):
                rel_type = "undercuts"
            else:
                left.add(f"CA nodes aimed at a {target_type} node", nids[r])
                continue
            groups = [sources]  # several premises attack jointly
        else:
            if target_type != "I":
                left.add(f"MA nodes rephrasing a {target_type} node", nids[r])
                continue
            rel_type, groups = "rephrases", [[s] for s in sources]
        scheme = nodes[r].scheme or fulfils.get(nids[r])
        if scheme and scheme.__class__ is not str:
            scheme = str(scheme)
        rid, to = sid[r], sid[target]
        for n, group in enumerate(groups):
            rel: dict[str, Any] = {
                "id": rid if n == 0 else ids.make("extra", f"{rid}-{n + 1}"),
                # the claim ids of I nodes
                "from": [sid[group[0]]] if len(group) == 1 else [sid[s] for s in group],
                "to": to, "type": rel_type}
            if scheme:
                rel["scheme"] = scheme
            relations.append(rel)
        at[r] = relations[len(relations) - len(groups)]  # the first of the node's relations
    return relations, at


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

    def __init__(self, graph: _Graph, inc: defaultdict[int, list[int]],
                 out: defaultdict[int, list[int]], raw_locs: list[Any], raw_parts: list[Any],
                 ids: SlugMaker, left: _LeftOut) -> None:
        self.nodes, self.nids, self.kinds = graph.nodes, graph.nids, graph.kinds
        self.by_type = graph.by_type
        self.inc, self.out, self.ids, self.left = inc, out, ids, left
        self.actors: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.annotators: list[str] = []
        self.aid_of: dict[str, str] = {}  # speaker name -> actor id
        self.dates: dict[str, Any] = {}  # the first ten characters of a timestamp -> date
        #: L node -> (actor id, date, event) of the locutions of speakers
        self.spoken: dict[int, tuple[str | None, Any, dict[str, Any] | None]] = {}
        self.stored = False  # whether argmap wrote the file (its nodes may carry EXTENSION)
        self.people: dict[str, str] = {}  # participant id -> name
        for part in raw_parts:
            if isinstance(part, dict) and "participantID" in part:
                name = " ".join(str(part.get(k) or "").strip() for k in ("firstname", "surname"))
                if name.strip():
                    self.people[str(part["participantID"])] = name.strip()
        # the entries of ``locutions`` by L node (those naming no node of the file are of no
        # use), and the participant the first entry naming one gives
        lids: list[Any] = list(map(graph.number.get, [str(loc.nodeID) for loc in raw_locs]))
        if None in lids:
            known = list(map(is_not, lids, repeat(None)))
            raw_locs, lids = list(compress(raw_locs, known)), list(compress(lids, known))
        self.loc_entries: dict[int, list[Any]] = defaultdict(list)
        _run_all(map(self.loc_entries.__getitem__, lids), raw_locs)
        people = [loc.personID for loc in raw_locs]
        given = list(map(is_not, people, repeat(None)))
        self.loc_person: dict[int, str] = dict(zip(  # reversed: the first entry's wins
            reversed(list(compress(lids, given))),
            map(str, reversed(list(compress(people, given))))))

    def _date(self, stamp: object) -> Any:
        """The date of a timestamp (parse_date reads its first ten characters only: each day
        of a file is parsed once, however many times of day it has)."""
        if stamp.__class__ is not str:  # JSON strings are never of a subclass
            return None
        day = stamp[:10]
        found = self.dates.get(day, self.dates)
        if found is self.dates:
            found = self.dates[day] = parse_date(day)
        return found

    def _when(self, stamp: str) -> tuple[Any, str | None]:
        """The date of a timestamp and its time-of-day tag (None without a time)."""
        tag = f"time:{stamp[11:19]}" if len(stamp) >= 19 and stamp[10] in " T" else None
        return self._date(stamp), tag

    def _stamp(self, lid: int, entries: list[Any]) -> str | None:
        """When a locution was spoken: its ``start``, else its node's or entry's timestamp."""
        date = self._date
        if len(entries) == 1:  # the common case, as the general one below
            entry = entries[0]
            start = entry.start
            if start and date(start):
                return start
            own = self.nodes[lid].timestamp
            if date(own):
                return own
            stamp = entry.timestamp
            return stamp if date(stamp) else None
        found = [e.start for e in entries if e.start and date(e.start)]
        if found:
            return min(found)
        own = self.nodes[lid].timestamp
        if date(own):
            return own
        found = [e.timestamp for e in entries if date(e.timestamp)]
        return min(found) if found else None

    def read(self, claims: dict[int, dict[str, Any]],
             relations: dict[int, dict[str, Any]], tags: dict[int, list[str]]) -> None:
        """Fill actors and events; add speakers, dates, events and illocutions to items."""
        analysts = self._analysts()
        nodes, nids, aid_of, names, date = self.nodes, self.nids, self.aid_of, self.people, \
            self._date
        loc_person, spoken, events = self.loc_person, self.spoken, self.events
        get_entries = self.loc_entries.get
        if self.stored:
            said = [i for i in self.by_type["L"] if i not in analysts
                    and not isinstance(nodes[i].ext, dict)]
        elif analysts:
            said = list(filterfalse(analysts.__contains__, self.by_type["L"]))
        else:
            said = self.by_type["L"]
        said_ids = [nids[i] for i in said]
        same = self.ids.take_all("node", said_ids)  # each event's id its node's id
        event_ids = {} if same else self.ids.make_all("node", said_ids)
        when: dict[str, tuple[Any, str | None]] = {}  # timestamp -> (date, time-of-day tag)
        for i, nid in zip(said, said_ids):  # not annotation, nor a speaker argmap wrote
            node = nodes[i]
            text = node.text
            if text.__class__ is not str:
                text = "" if text is None else str(text)
            colon = text.find(":")
            name = text[:colon].strip() if 0 < colon <= 101 else None
            if name:
                words = text[colon + 1:].strip()
            else:
                person = loc_person.get(i)
                name, words = (names.get(person) if person else None), text.strip()
            aid = None
            if name is not None:
                aid = aid_of.get(name)
                if aid is None:
                    aid = aid_of[name] = self.ids.make("actor", name, "actor")
                    self.actors.append({"id": aid, "name": name, "kind": "person"})
            # when it was said: as _stamp, with the common cases inline (no entry, or one
            # without a start: the node's timestamp, else the entry's)
            entries = get_entries(i)
            stamp: Any = node.timestamp
            entry = None
            if entries is not None:
                if len(entries) > 1:
                    stamp = self._stamp(i, entries)
                elif (start := entries[0].start) and date(start):
                    stamp = start
                else:
                    entry = entries[0]
            found = when.get(stamp) if stamp.__class__ is str else _UNDATED
            if found is None:
                found = when[stamp] = self._when(stamp)
            if found[0] is None and entry is not None:  # the entry's timestamp then
                stamp = entry.timestamp
                found = when.get(stamp) if stamp.__class__ is str else _UNDATED
                if found is None:
                    found = when[stamp] = self._when(stamp)
            day, tag = found
            if day is None:
                self.left.add("locutions without a date (no event)", nid)
                spoken[i] = (aid, None, None)
                continue
            event: dict[str, Any] = {"id": nid if same else event_ids[nid], "date": day,
                                     "kind": "statement", "title": words,
                                     "tags": ["locution"] if tag is None else ["locution", tag]}
            if aid is not None:
                event["participants"] = [aid]
            events.append(event)
            spoken[i] = (aid, day, event)
        self._transitions()
        self._illocutions(claims, relations, tags, analysts)

    def _analysts(self) -> set[int]:
        """L nodes of annotators, whose names become the authors of the map's source.

        OVA and AIFdb record who analysed a locution as ``"Annotator: Speaker : words"`` where
        ``"Speaker : words"`` is another locution (or anchor it with an ``Analysing`` YA); once
        a name is known as an annotator's, every ``"Annotator: Speaker : ..."`` is one too.
        """
        nodes, kinds = self.nodes, self.kinds
        said = self.by_type["L"]
        texts = whole_texts = [nodes[i].text for i in said]
        if not _STR_ONLY.issuperset(map(type, texts)):  # only strings are ever split
            texts = [t if t.__class__ is str else "" for t in whole_texts]
            whole_texts = [t if t.__class__ is str else str(t or "") for t in whole_texts]
        # "name: speaker : words" L nodes, their names and rests: texts with two colons or more
        twice = [text.count(":") > 1 for text in texts]
        picked = list(compress(said, twice))
        heads = list(map(str.split, compress(texts, twice), repeat(":"), repeat(1)))
        names_of = list(map(str.strip, map(itemgetter(0), heads)))
        found: set[int] = set()
        names: dict[str, None] = {}
        if picked:
            rests = map(" ".join, map(str.split, map(itemgetter(1), heads)))
            whole = set(map(" ".join, map(str.split, whole_texts)))
            repeats = list(map(and_, map(bool, names_of), map(whole.__contains__, rests)))
            found.update(compress(picked, repeats))
            names.update(dict.fromkeys(compress(names_of, repeats)))
        yas = self.by_type["YA"]
        marked = "Analysing" in [nodes[i].text for i in yas] or \
            "Analysing" in [nodes[i].scheme for i in yas]
        for ya in yas if marked else ():
            node = nodes[ya]
            if (node.text or node.scheme or "") != "Analysing":
                continue
            for lid in self.inc[ya]:
                if kinds[lid] == "L" and lid not in found:
                    found.add(lid)
                    name, _ = _speaker_and_words(str(nodes[lid].text or ""), None)
                    if name:
                        names.setdefault(name)
        found.update(compress(picked, map(names.__contains__, names_of)))
        self.annotators = list(names)
        return found

    def _transitions(self) -> None:
        event = {lid: found[2] for lid, found in self.spoken.items() if found[2] is not None}
        nodes, inc, out, get = self.nodes, self.inc, self.out, event.get
        for ta in self.by_type["TA"]:
            sources, targets = inc[ta], out[ta]
            if len(sources) == 1 and len(targets) == 1:  # the common case, as the general one
                earlier, later = get(sources[0]), get(targets[0])
                before = None if earlier is None else [earlier]
                after = None if later is None else [later]
            else:  # (a TA's edges to the YA nodes of its illocutions end here too)
                before = list(filter(None, map(get, sources)))
                after = list(filter(None, map(get, targets)))
            if not before or not after:
                self.left.add("TA nodes between locutions not kept", self.nids[ta])
                continue
            node = nodes[ta]
            scheme = node.scheme or node.text or ""
            if scheme.__class__ is not str:
                scheme = str(scheme)
            replies = ["replies-to:" + before[0]["id"]] if len(before) == 1 else \
                ["replies-to:" + earlier["id"] for earlier in before]
            if scheme not in ("", "TA", "Default Transition"):
                replies.append(f"transition:{scheme}")
            for later in after:
                later["tags"] += replies

    def _illocutions(self, claims: dict[int, dict[str, Any]],
                     relations: dict[int, dict[str, Any]], tags: dict[int, list[str]],
                     analysts: set[int]) -> None:
        said: dict[int, list[str]] = defaultdict(list)  # node -> illocutions, in order
        first: dict[int, Any] = {}  # claim node -> the date of its earliest locution (its "at")
        nodes, inc, out, spoken, stored = self.nodes, self.inc, self.out, self.spoken, self.stored
        for ya in self.by_type["YA"]:
            node = nodes[ya]
            if stored and isinstance(node.ext, dict):
                continue  # written by argmap for a speaker: the item keeps its own fields
            illocution = node.text or node.scheme or ""
            if illocution.__class__ is not str:
                illocution = str(illocution)
            sources = inc[ya]
            if illocution == "Analysing" or (analysts and not analysts.isdisjoint(sources)):
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
                        if event is not None and (target not in first or day < first[target]):
                            first[target] = day
                            claim["at"] = event["id"]
                elif target in relations:
                    anchored = True
                    said[target].append(illocution)
                elif target in spoken and (reported := spoken[target][2]) is not None:
                    anchored = True
                    reporters = (spoken[lid][2] for lid in sources if lid in spoken)
                    reported["tags"].extend(f"reported-by:{r['id']}" for r in reporters
                                            if r is not None)
            if not anchored:
                self.left.add("YA nodes (illocutions) anchoring nothing kept", self.nids[ya])
        for i, illocutions in said.items():
            if len(illocutions) == 1:
                kept = illocutions if illocutions[0] else []
            else:
                kept = list(dict.fromkeys(x for x in illocutions if x))
            if not kept:
                continue
            default = "Asserting" if i in claims else \
                _DEFAULT_ILLOCUTION[relations[i]["type"]]
            if len(kept) > 1 or kept[0] != default:
                tags[i] += ["illocution:" + x for x in kept]

    def map_source(self, stem: str | None) -> list[dict[str, Any]]:
        """The map itself as a source whose authors are its annotators (none without any)."""
        if not self.annotators:
            return []
        title = stem or "AIF map"
        return [{"id": self.ids.make("source", f"{slugify(title, 'map')}-analysis"),
                 "title": f"{title} (argument analysis)", "kind": "dataset",
                 "author": ", ".join(self.annotators)}]


def _restore(stored: dict[str, Any], nodes: list[Node],
             claims: dict[int, dict[str, Any]], relation_nodes: list[int],
             sid: list[str | None], rel_of: dict[str, dict[str, Any]],
             sections: dict[str, list[dict[str, Any]]],
             warnings: list[FormatWarning], file: str | None) -> dict[str, Any] | None:
    """Put back what argmap stored in its extension fields (a file argmap wrote)."""
    lang = stored.get("lang")
    for section in ("actors", "sources", "events"):
        extra = [i for i in stored.get(section) or [] if isinstance(i, dict)]
        known = {i["id"] for i in extra if isinstance(i.get("id"), str)}
        sections[section] = extra + [i for i in sections[section] if i["id"] not in known]
    items: dict[str, list[dict[str, Any]]] = {s: [] for s in _SECTIONS}
    for i, claim in claims.items():
        ext = nodes[i].ext
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
    for r in relation_nodes:
        rel = rel_of.get(sid[r])  # type: ignore[arg-type]
        ext = nodes[r].ext
        if rel is not None and isinstance(ext, dict):
            structure = {"id": rel["id"], "from": rel["from"], "to": rel["to"],
                         "type": rel["type"]}
            rel.clear()
            rel.update({**ext, **structure})
    sections.update(items)
    found = stored.get("dossier")
    return found if isinstance(found, dict) else None


# --- the dossier of a plain AIF file, built without validating again ----------------------------

_MAX_ID = 200  # the longest slug an id takes (argmap.model.Slug)
_UNDERCUTTABLE = frozenset({"supports", "attacks", "undercuts"})
_ID, _KIND_OF_RELATION = itemgetter("id"), itemgetter("type")


def _vouch(sections: dict[str, list[dict[str, Any]]], info: dict[str, Any] | None) -> bool:
    """Whether the items of a plain AIF file (no argmap extension) are valid as they are.

    By construction they are: ids are slugs the :class:`SlugMaker` made, each once; every
    reference is to an item made in the same import; texts, tags and titles are strings, dates
    are dates, kinds come from the vocabulary. What construction cannot promise is checked here,
    in bulk: that no id is longer than 200 characters (a suffix ``-2`` can lengthen one), that
    no string is longer than a model takes, and that an undercut targets a relation the import
    kept, not itself. When any of it fails, the import validates and checks as usual, which
    reports the fault.
    """
    relations = sections["relations"]
    if max(map(len, map(_ID, chain.from_iterable(sections.values()))), default=0) > _MAX_ID:
        return False
    kinds = list(map(_KIND_OF_RELATION, relations))
    if "undercuts" in kinds:
        types = dict(zip(map(_ID, relations), kinds))
        for rel in compress(relations, map("undercuts".__eq__, kinds)):
            if rel["to"] == rel["id"] or types.get(rel["to"]) not in _UNDERCUTTABLE:
                return False
    claims, events = sections["claims"], sections["events"]
    strings: list[Iterable[Any]] = [map(itemgetter("text"), claims),
                                    map(itemgetter("title"), events),
                                    map(itemgetter("name"), sections["actors"])]
    for items, key in ((relations, "scheme"), (claims, "tags"), (events, "tags"),
                       (relations, "tags")):
        found = map(itemgetter(key), compress(items, map(dict.__contains__, items, repeat(key))))
        strings.append(chain.from_iterable(found) if key == "tags" else found)
    strings += [map(itemgetter(key), sections["sources"]) for key in ("title", "author")]
    if info is not None:
        strings.append((info["title"],))
    return max(map(len, chain.from_iterable(strings)), default=0) <= MAX_STRING


_ACTOR_KINDS = {kind.value: kind for kind in ActorKind}
_EVENT_KINDS = {kind.value: kind for kind in EventKind}
_RELATION_TYPES = {kind.value: kind for kind in RelationType}
_SOURCE_KINDS = {kind.value: kind for kind in SourceKind}


def _trusted_dossier(sections: dict[str, list[dict[str, Any]]],
                     info: dict[str, Any] | None) -> Dossier:
    """The dossier :func:`build` would give for items :func:`_vouch` has vouched for, built
    without validating them again (see :mod:`argmap.formats._trusted`)."""
    made: dict[str, list[Any]] = {}
    for name, model, field, values in (("actors", Actor, "kind", _ACTOR_KINDS),
                                       ("sources", Source, "kind", _SOURCE_KINDS),
                                       ("events", Event, "kind", _EVENT_KINDS),
                                       ("claims", Claim, "", {}),
                                       ("relations", Relation, "type", _RELATION_TYPES)):
        items = sections[name]
        if field:  # the vocabulary's members for its values
            for item in items:
                item[field] = values[item[field]]
        made[name] = _trusted.build(model, items)
    return _trusted.dossier(made, None if info is None else
                            _trusted.build(DossierInfo, [info])[0])


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

