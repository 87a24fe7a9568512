"""What a brief is about: the side (an actor and its divisions), the motion, and the dossier as it
stood on the as-of date."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import networkx as nx

from ..dates import date_of
from ..dossier import Dossier
from ..errors import UnknownReferenceError, did_you_mean
from ..model import Claim, Relation
from ..queries import actor_family

__all__ = ["DATED", "TIMELESS", "as_it_stood", "choose_motion", "side_family"]

#: Sections kept whole when a dossier is cut at a date: who the actors are and what the sources
#: say is not news (a 2020 article may well document a 2019 answer).
TIMELESS = ("actors", "sources")
#: Sections whose items exist only from their date (their own, else their event's) on.
DATED = ("events", "claims", "demands", "responses", "evidence", "actions")


def _hint(ref: str, candidates: Iterable[str]) -> str:
    return did_you_mean(ref, sorted(candidates), cutoff=0.6)


def side_family(graph: nx.MultiDiGraph, side: str) -> tuple[str, ...]:
    """The side's actor id followed by its divisions (actors whose ``parent`` chain reaches it),
    in dossier order (:func:`argmap.queries.actor_family`). An id that is no actor raises
    :class:`UnknownReferenceError` with a hint.

    >>> from argmap.graph import build_graph
    >>> d = Dossier.model_validate({"actors": [{"id": "u", "name": "U", "kind": "union"},
    ...     {"id": "u-pt", "name": "PT", "kind": "union", "parent": "u"}]})
    >>> side_family(build_graph(d), "u")
    ('u', 'u-pt')
    """
    actors = [n for n, kind in graph.nodes(data="kind") if kind == "actor"]
    if side not in actors:
        raise UnknownReferenceError(f"unknown actor '{side}'{_hint(side, actors)}",
                                    path=("side",))
    return actor_family(graph, side)


def choose_motion(dossier: Dossier, family: tuple[str, ...],
                  motion: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The claim or demand the brief argues for, and the side's other main positions.

    With ``motion`` given it must be a claim or demand id (else :class:`UnknownReferenceError`
    with a hint). Without it, the motion is the side's first ``main: true`` claim or demand by
    date, then dossier order; ``None`` when the side has none.
    """
    arguable = {c.id: c for c in (*dossier.claims, *dossier.demands)}
    members = set(family)
    mains = [c for c in arguable.values() if c.main and members.intersection(c.by)]
    mains.sort(key=lambda c: (_date_key(dossier, c)))
    if motion is not None:
        if motion not in arguable:
            kind = f" ('{motion}' is a {dossier.kind_of(motion)})" if motion in dossier else ""
            raise UnknownReferenceError(
                f"unknown claim or demand '{motion}'{kind}{_hint(motion, arguable)}",
                path=("motion",))
        return motion, tuple(c.id for c in mains if c.id != motion)
    if not mains:
        return None, ()
    return mains[0].id, tuple(c.id for c in mains[1:])


def _date_key(dossier: Dossier, claim: Claim) -> _dt.date:
    return dossier.date_of(claim.id) or _dt.date.min


def as_it_stood(dossier: Dossier, as_of: _dt.date | None) -> Dossier:
    """The dossier as known on ``as_of``: dated items after it removed, relations kept only when
    every item they join is still there. Actors and sources are kept whole (see
    :data:`TIMELESS`). With ``as_of=None`` the dossier itself.
    """
    if as_of is None:
        return dossier
    events = {e.id: e for e in dossier.events}
    kept: dict[str, list] = {name: list(getattr(dossier, name)) for name in TIMELESS}
    present: set[str] = {item.id for name in TIMELESS for item in kept[name]}
    for name in DATED:
        items = []
        for item in getattr(dossier, name):
            date = date_of(item, events.get)
            if date is None or date <= as_of:
                items.append(item)
                present.add(item.id)
        kept[name] = items
    relations: list[Relation] = list(dossier.relations)
    while True:  # an undercut goes when the relation it targets goes: repeat until stable
        ids = present | {r.id for r in relations}
        still = [r for r in relations if r.to in ids and all(p in ids for p in r.from_)]
        if len(still) == len(relations):
            break
        relations = still
    kept["relations"] = relations
    return Dossier.model_construct(info=dossier.info, **kept)  # type: ignore[arg-type]

