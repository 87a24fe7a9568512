"""Questions asked of the graph built by :func:`argmap.graph.build_graph`.

Argument structure: :func:`reasons` (everything that bears on an item through supports, attacks
and undercuts, directly or along chains, with the path), :func:`supporters`, :func:`attackers`,
:func:`undercutters`. Demands and answers: :func:`answers`, :func:`unanswered`,
:func:`answered_on_paper`, :func:`said_then_did`, :func:`contradicted_answers`. Actors:
:func:`actor_profile`. The neighbourhood of an item is :func:`argmap.graph.neighbourhood`.

Items are ordered by date, then dossier order; undated items come first.

>>> from argmap.dossier import Dossier
>>> from argmap.graph import build_graph
>>> d = Dossier.model_validate({"claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
...     {"id": "c", "text": "C"}], "relations": [
...     {"id": "r1", "from": "b", "to": "a", "type": "supports"},
...     {"id": "r2", "from": "c", "to": "b", "type": "attacks"}]})
>>> [(r.item, r.polarity, [s.relation for s in r.path]) for r in reasons(build_graph(d), "a")]
[('b', 'supports', ['r1']), ('c', 'attacks', ['r2', 'r1'])]
"""

from __future__ import annotations

import datetime as _dt
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx

from .graph import edges_in, edges_out, node_table
from .model import Said, said_for

__all__ = [
    "COMMITTING", "CONTRADICTING", "ON_PAPER", "RELATIONS", "ActorProfile", "Reason", "SaidThenDid",
    "Step", "actor_family", "actor_profile", "answered_on_paper", "answers", "attackers",
    "contradicted_answers", "demands", "reasons", "relation_of", "said_then_did", "supporters",
    "unanswered", "undercutters", "when"
]

SUPPORTS, ATTACKS, UNDERCUTS = "supports", "attacks", "undercuts"

#: Answers that take note of a demand without engaging with it ("answered on paper").
ON_PAPER = frozenset({Said.acknowledged, Said.deflected, Said.under_consideration})

#: Answers that commit the other side to something: only these can later be kept or broken.
COMMITTING = frozenset({Said.accepted, Said.partially_accepted})

#: Effect types that go against what was said.
CONTRADICTING = frozenset({"contradicts", "reverses"})

_SIGN = {SUPPORTS: 1, ATTACKS: -1}


def when(graph: nx.MultiDiGraph, node: str) -> tuple[_dt.date, int]:
    """Sort key of an item: its date (undated first), then its position in the dossier."""
    attrs = graph.nodes[node]
    return (attrs.get("date") or _dt.date.min, attrs.get("order", 0))


def _by_date(graph: nx.MultiDiGraph, ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(ids), key=lambda n: when(graph, n)))


# --- argument structure ------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One relation followed: ``source`` --``type`` (relation ``relation``)--> ``target``.

    For an undercut, ``target`` is the id of the relation undercut. With linked premises each
    premise is a step of its own through the same relation.
    """

    source: str
    relation: str
    type: str
    target: str


@dataclass(frozen=True)
class Reason:
    """An item bearing on the queried item, its net ``polarity`` and the ``path`` that links them.

    ``polarity`` is ``"supports"`` or ``"attacks"``: a support of a support supports, an attack on
    an attack supports, an undercut of a support attacks. ``path`` runs from ``item`` to the
    queried item.
    """

    item: str
    polarity: str
    path: tuple[Step, ...]

    @property
    def depth(self) -> int:
        """Number of steps; a direct support or attack is 1, a direct undercut 2."""
        return len(self.path)

    @property
    def undercut(self) -> bool:
        """Whether the chain goes through an undercut."""
        return any(step.type == UNDERCUTS for step in self.path)


def _relations_into(graph: nx.MultiDiGraph, node: str) -> Iterator[tuple[str, str, str]]:
    """``(premise, relation id, type)`` of every supports / attacks relation into ``node``."""
    for premise, keys in edges_in(graph)[node].items():
        for key, attrs in keys.items():
            if "relation" in attrs and attrs["type"] in _SIGN:
                yield premise, key, attrs["type"]


def _undercuts_of(graph: nx.MultiDiGraph, relation_id: str) -> Iterator[tuple[str, str]]:
    """``(undercutter, undercut id)`` for every undercut of a relation."""
    if node_table(graph).get(relation_id, {}).get("kind") != "relation":
        return
    for undercutter, keys in edges_in(graph)[relation_id].items():
        for key, attrs in keys.items():
            if attrs.get("type") == UNDERCUTS:
                yield undercutter, key


def _incoming(graph: nx.MultiDiGraph, node: str,
              sign: int) -> Iterator[tuple[str, int, tuple[Step, ...]]]:
    """Items one relation (or one undercut of one relation) away from ``node``."""
    for premise, rid, rtype in _relations_into(graph, node):
        step = Step(premise, rid, rtype, node)
        yield premise, sign * _SIGN[rtype], (step,)
        for undercutter, uid in _undercuts_of(graph, rid):
            yield undercutter, -sign * _SIGN[rtype], (Step(undercutter, uid, UNDERCUTS, rid), step)


def reasons(graph: nx.MultiDiGraph, item_id: str, max_depth: int | None = None) -> list[Reason]:
    """Every item that supports or attacks ``item_id``, directly or along chains.

    Each (item, polarity) is reported once, with a shortest path; ``max_depth`` limits the number
    of steps (an undercut counts as two: the undercut and the relation it targets). Rephrases are
    not followed. Sorted by depth, then id. Raises ``KeyError`` for an unknown id.
    """
    if item_id not in graph:
        raise KeyError(item_id)
    found: dict[tuple[str, int], Reason] = {}
    queue: deque[tuple[str, int, tuple[Step, ...]]] = deque([(item_id, 1, ())])
    while queue:
        node, sign, path = queue.popleft()
        for other, other_sign, steps in _incoming(graph, node, sign):
            new_path = steps + path
            if (max_depth is not None and len(new_path) > max_depth) or other == item_id:
                continue
            if (other, other_sign) not in found:
                polarity = SUPPORTS if other_sign > 0 else ATTACKS
                found[(other, other_sign)] = Reason(other, polarity, new_path)
                queue.append((other, other_sign, new_path))
    return sorted(found.values(), key=lambda r: (r.depth, r.item, r.polarity))


def supporters(graph: nx.MultiDiGraph, item_id: str, direct: bool = True) -> list[Reason]:
    """What supports ``item_id``: its direct premises, or (``direct=False``) everything whose net
    effect along a chain is support (supports of supports, attacks on its attackers, ...).

    >>> from argmap.dossier import Dossier
    >>> from argmap.graph import build_graph
    >>> d = Dossier.model_validate({"claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
    ...     "relations": [{"id": "r", "from": "b", "to": "a", "type": "supports"}]})
    >>> [r.item for r in supporters(build_graph(d), "a")]
    ['b']
    """
    return [r for r in reasons(graph, item_id, 1 if direct else None) if r.polarity == SUPPORTS]


def attackers(graph: nx.MultiDiGraph, item_id: str, direct: bool = True) -> list[Reason]:
    """What attacks ``item_id``: direct attacks, or (``direct=False``) everything whose net effect
    along a chain is an attack (attacks on its supports, supports of its attackers, undercuts of
    its supports, ...)."""
    return [r for r in reasons(graph, item_id, 1 if direct else None) if r.polarity == ATTACKS]


def undercutters(graph: nx.MultiDiGraph, item_id: str, direct: bool = True) -> list[Reason]:
    """What undercuts a relation into ``item_id`` (``direct``), or into any item of a chain that
    bears on it. Each result's path starts with the undercut step; ``polarity`` is the net effect
    on ``item_id`` (undercutting a support attacks, undercutting an attack supports)."""
    heads = [Reason(item_id, SUPPORTS, ())]
    if not direct:
        heads += reasons(graph, item_id)
    found: dict[tuple[str, str], Reason] = {}
    for head in heads:
        sign = _SIGN[head.polarity]
        for premise, rid, rtype in _relations_into(graph, head.item):
            for undercutter, uid in _undercuts_of(graph, rid):
                path = (Step(undercutter, uid, UNDERCUTS, rid),
                        Step(premise, rid, rtype, head.item))
                polarity = SUPPORTS if -sign * _SIGN[rtype] > 0 else ATTACKS
                key = (undercutter, uid)
                if key not in found or len(path + head.path) < found[key].depth:
                    found[key] = Reason(undercutter, polarity, path + head.path)
    return sorted(found.values(), key=lambda r: (r.depth, r.item, r.path[0].relation))


# --- demands and answers -----------------------------------------------------------------------


def _sources_of(graph: nx.MultiDiGraph, node: str, edge_types: frozenset[str]) -> Iterator[str]:
    """Items with an edge of one of ``edge_types`` into ``node``."""
    for other, keys in edges_in(graph)[node].items():
        for attrs in keys.values():
            if attrs.get("type") in edge_types:
                yield other
                break


def _known(graph: nx.MultiDiGraph, node: str, as_of: _dt.date | None) -> bool:
    date = node_table(graph)[node].get("date")
    return as_of is None or date is None or date <= as_of


def answers(graph: nx.MultiDiGraph, demand_id: str,
            as_of: _dt.date | None = None) -> tuple[str, ...]:
    """The responses to a demand in date order (only those dated on or before ``as_of``)."""
    found = (r for r in _sources_of(graph, demand_id, frozenset({"answers"}))
             if _known(graph, r, as_of))
    return _by_date(graph, found)


def demands(graph: nx.MultiDiGraph, as_of: _dt.date | None = None) -> tuple[str, ...]:
    """Every demand made on or before ``as_of`` (undated ones always), by date."""
    return _by_date(graph, (n for n, k in graph.nodes(data="kind")
                            if k == "demand" and _known(graph, n, as_of)))


def unanswered(graph: nx.MultiDiGraph, as_of: _dt.date | None = None) -> tuple[str, ...]:
    """Demands with no answer (as of a date), by date."""
    return tuple(d for d in demands(graph, as_of) if not answers(graph, d, as_of))


def answered_on_paper(graph: nx.MultiDiGraph, as_of: _dt.date | None = None) -> tuple[str, ...]:
    """Demands answered, but only with acknowledged / deflected / under_consideration: answered
    on paper, not in substance."""
    out = []
    nodes = node_table(graph)
    for demand in demands(graph, as_of):
        said = [said_for(nodes[r]["item"], demand) for r in answers(graph, demand, as_of)]
        if said and all(s in ON_PAPER for s in said):
            out.append(demand)
    return tuple(out)


#: How what an actor did relates to what it said, for an answer that committed to something
#: (:data:`COMMITTING`): only such an answer can be kept or broken.
_PROMISE_RELATION = {"fulfils": "kept", "partially_fulfils": "partly_kept", "fails": "broken",
                     "contradicts": "broken", "reverses": "reversed", "commits": "committed",
                     "progresses": "in_progress", "stalls": "stalled"}
#: The same for any other answer (a deflection, a refusal, a note taken ...): what was done is
#: reported as what happened, never as a promise kept or broken.
_ANSWER_RELATION = {"fulfils": "done_anyway", "partially_fulfils": "partly_done_anyway",
                    "fails": "not_done", "contradicts": "contradicted", "reverses": "reversed",
                    "commits": "committed_later", "progresses": "in_progress",
                    "stalls": "stalled"}

#: Every name :attr:`SaidThenDid.relation` takes.
RELATIONS = frozenset(_PROMISE_RELATION.values()) | frozenset(_ANSWER_RELATION.values())


def relation_of(said: Iterable[Said], effect: str) -> str:
    """How an act with ``effect`` relates to answers that said ``said``: ``kept``,
    ``partly_kept``, ``broken``, ``reversed`` ... when every one of them committed to something
    (:data:`COMMITTING`), else ``done_anyway``, ``partly_done_anyway``, ``not_done``,
    ``contradicted``, ``reversed``, ``committed_later``, ``in_progress`` or ``stalled``.

    >>> relation_of([Said.accepted], "fulfils"), relation_of([Said.deflected], "fulfils")
    ('kept', 'done_anyway')
    >>> relation_of([Said.refused], "contradicts"), relation_of([Said.accepted], "contradicts")
    ('contradicted', 'broken')
    """
    said = list(said)
    table = _PROMISE_RELATION if said and all(s in COMMITTING for s in said) else _ANSWER_RELATION
    return table[effect]


@dataclass(frozen=True)
class SaidThenDid:
    """"They said X on D1, then did Y on D2": an answer, and a later action bearing on it.

    ``via`` is ``"response"`` when the action's effect names the answer itself, ``"demand"`` when
    it names a demand the answer was given to, ``"claim"`` when it names a claim standing for
    such a demand (one that supports or rephrases it, as :mod:`argmap.tracking` counts it); for
    a demand or a claim the answer is the latest one given to that demand by the action's date.
    ``said`` is what the answer said to ``demands``, in order (one value per demand: an answer
    may treat its demands differently). ``relation`` names how the act relates to what was said
    (see :func:`relation_of`): ``kept`` or ``broken`` only for answers that committed to
    something.
    """

    response: str
    said: tuple[Said, ...]
    said_date: _dt.date | None
    action: str
    effect: str
    did_date: _dt.date | None
    demands: tuple[str, ...]
    via: str
    relation: str = ""


def _claim_demands(graph: nx.MultiDiGraph, claim: str) -> list[str]:
    """The demands a claim stands for: those it supports or rephrases, or that rephrase it (the
    routes :mod:`argmap.tracking` follows from a demand to a claim)."""
    nodes = node_table(graph)
    found = [d for d, keys in edges_out(graph)[claim].items()
             if nodes[d].get("kind") == "demand"
             and any("relation" in a and a["type"] in (SUPPORTS, "rephrases")
                     for a in keys.values())]
    found += [d for d, keys in edges_in(graph)[claim].items()
              if nodes[d].get("kind") == "demand"
              and any("relation" in a and a["type"] == "rephrases" for a in keys.values())]
    return list(dict.fromkeys(found))


def said_then_did(graph: nx.MultiDiGraph,
                  effects: Iterable[str] | None = None) -> list[SaidThenDid]:
    """Every answer followed by an action that bears on it (any effect type in ``effects``; all
    by default), in the order of the action's date: kept or broken promises, and just as much a
    deflection or a refusal later overtaken by what was done. Each (action, answer) pair is
    reported once, with the demands it joins them by.

    >>> from argmap.dossier import Dossier
    >>> from argmap.graph import build_graph
    >>> d = Dossier.model_validate({"actors": [{"id": "m", "name": "M", "kind": "ministry"}],
    ...   "demands": [{"id": "d", "text": "Stop", "to": "m", "date": "2019-01-01"}],
    ...   "responses": [{"id": "r", "by": "m", "to": "d", "said": "deflected",
    ...                  "date": "2019-02-01"}],
    ...   "actions": [{"id": "a", "by": "m", "date": "2019-09-01", "kind": "amendment",
    ...     "text": "Done the opposite", "effects": [{"on": "d", "type": "contradicts"}]}]})
    >>> [([s.value for s in x.said], str(x.said_date), x.effect, x.relation, str(x.did_date))
    ...  for x in said_then_did(build_graph(d))]
    [(['deflected'], '2019-02-01', 'contradicts', 'contradicted', '2019-09-01')]
    """
    wanted = frozenset(effects) if effects is not None else None
    nodes, succ = node_table(graph), edges_out(graph)
    found: dict[tuple[str, str, str], str] = {}  # (action, answer, effect) -> via
    for action, kind in graph.nodes(data="kind"):
        if kind != "action":
            continue
        did = nodes[action]["date"]
        for target, keys in succ[action].items():
            for attrs in keys.values():
                effect = attrs["type"]
                if attrs.get("field") != "effects" or (wanted is not None and effect not in wanted):
                    continue
                target_kind: str = nodes[target].get("kind") or ""
                pairs: list[tuple[str, str]]  # (answer, via)
                if target_kind == "response":
                    pairs = [(target, "response")]
                else:
                    on = ([target] if target_kind == "demand" else
                          _claim_demands(graph, target) if target_kind == "claim" else [])
                    pairs = []
                    for demand in on:
                        earlier = answers(graph, demand, did)
                        if earlier:  # the answer standing when the act came
                            pairs.append((earlier[-1], target_kind))
                for response, via in pairs:
                    said_date = nodes[response]["date"]
                    if said_date is not None and did is not None and said_date > did:
                        continue  # the action came first: not a change of course
                    found.setdefault((action, response, effect), via)
    out: list[SaidThenDid] = []
    for (action, response, effect), via in found.items():
        answered = _by_date(graph, (
            d for d, ks in succ[response].items()
            if any(a["type"] == "answers" for a in ks.values())))
        item = nodes[response]["item"]
        said = tuple(said_for(item, d) for d in answered)
        out.append(SaidThenDid(response, said, nodes[response]["date"], action, effect,
                               nodes[action]["date"], answered, via, relation_of(said, effect)))
    out.sort(key=lambda x: (when(graph, x.action), x.response, x.effect))
    return out


def contradicted_answers(graph: nx.MultiDiGraph) -> list[SaidThenDid]:
    """Answers later contradicted or reversed by an action (see :func:`said_then_did`)."""
    return said_then_did(graph, CONTRADICTING)


# --- actors ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorProfile:
    """Everything about one actor, each list by date: what it demanded, what it was asked, what
    it answered, what it did, what it claimed, the evidence it gave, the events it took part in,
    the bodies that are its divisions."""

    actor: str
    demanded: tuple[str, ...]
    asked: tuple[str, ...]
    answered: tuple[str, ...]
    did: tuple[str, ...]
    claimed: tuple[str, ...]
    evidence: tuple[str, ...]
    attended: tuple[str, ...]
    divisions: tuple[str, ...]


def actor_profile(graph: nx.MultiDiGraph, actor_id: str) -> ActorProfile:
    """What an actor demanded, was asked, answered and did (and more, see :class:`ActorProfile`).

    Raises ``KeyError`` for an unknown id.
    """
    if actor_id not in graph:
        raise KeyError(actor_id)
    groups: dict[str, list[str]] = {name: [] for name in (
        "demanded", "asked", "answered", "did", "claimed", "evidence", "attended", "divisions")}
    slot: dict[tuple[object, object], str] = {("demand", "by"): "demanded", ("demand", "to"): "asked",
            ("response", "by"): "answered", ("action", "by"): "did", ("claim", "by"): "claimed",
            ("evidence", "by"): "evidence", ("event", "participant"): "attended",
            ("actor", "parent"): "divisions"}
    nodes = node_table(graph)
    for other, keys in edges_in(graph)[actor_id].items():
        for attrs in keys.values():
            name = slot.get((nodes[other].get("kind"), attrs.get("type")))
            if name is not None:
                groups[name].append(other)
    return ActorProfile(actor_id, **{k: _by_date(graph, v) for k, v in groups.items()})


def actor_family(graph: nx.MultiDiGraph, actor_id: str) -> tuple[str, ...]:
    """The actor followed by its divisions: every actor whose ``parent`` chain reaches it, in
    dossier order (a parent cycle does not hang it). Raises ``KeyError`` for an unknown id.

    >>> from argmap.dossier import Dossier
    >>> from argmap.graph import build_graph
    >>> d = Dossier.model_validate({"actors": [{"id": "g", "name": "G", "kind": "government"},
    ...     {"id": "pm", "name": "PM", "kind": "person", "parent": "g"},
    ...     {"id": "x", "name": "X", "kind": "person", "parent": "pm"}]})
    >>> actor_family(build_graph(d), "g")
    ('g', 'pm', 'x')
    """
    if actor_id not in graph:
        raise KeyError(actor_id)
    nodes, pred = node_table(graph), edges_in(graph)
    found = {actor_id}
    todo = [actor_id]
    while todo:
        for child, keys in pred[todo.pop()].items():
            if child not in found and nodes[child].get("kind") == "actor" and any(
                    a.get("type") == "parent" for a in keys.values()):
                found.add(child)
                todo.append(child)
    rest = sorted(found - {actor_id}, key=lambda a: nodes[a].get("order", 0))
    return (actor_id, *rest)
