"""The data a page embeds: every item, and where the case stood on each date.

The page's date control never judges anything itself: for each date the library's own answers
(:func:`argmap.tracking.known_as_of`, :func:`argmap.tracking.demand_status`) are worked out here
and written into the page, in a compact form the script only looks up:

* ``dates`` lists every date on which something can change (every item's date, and the day after
  each deadline, when a demand becomes overdue). A *position* on the date control is ``0`` (before
  the first date), ``1..n`` (as of ``dates[p-1]``) or ``n+1`` (no date limit: the map as drawn).
* Each item has ``first``, the first position at which it is known. ``known_as_of`` keeps an item
  from its date on (undated items always), so an item is shown at position ``p`` exactly when
  ``first <= p`` (the tests check this against the library at every position).
* Each demand has ``states``: ``[position, said, done, overdue, on_paper, [change...]]`` from
  the position it takes effect, one row per change, computed with ``demand_status`` at that date.
  Its status can only change on its own date, the dates of its answers and actions, and the day
  after its deadline, so those are the only dates it is computed on.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterable
from typing import Any

import networkx as nx

from ..dates import latest_date
from ..dossier import Dossier
from ..graph import build_graph
from ..model import Actor, Demand, Response, said_by_demand
from ..tracking import DemandStatus, StatusChange, demand_status

__all__ = [
    "as_of_at", "demand_states", "involved_actors", "item_records", "page_dates", "position",
    "state_at"
]


def page_dates(dossier: Dossier) -> list[_dt.date]:
    """Every date on which what the page shows can change, sorted: the items' dates and the day
    after each deadline."""
    found = {d for _, _, item in dossier.items() if (d := dossier.date_of(item.id)) is not None}
    found |= {d.deadline + _dt.timedelta(days=1) for d in dossier.demands if d.deadline}
    return sorted(found)


def position(dates: list[_dt.date], date: _dt.date | None) -> int:
    """The first position of the date control at which something dated ``date`` is known."""
    return 0 if date is None else bisect.bisect_left(dates, date) + 1


def as_of_at(dates: list[_dt.date], pos: int) -> _dt.date | None:
    """The as-of date of a position (``None`` for the last one, "no limit")."""
    if pos == 0:
        return dates[0] - _dt.timedelta(days=1) if dates else None
    return dates[pos - 1] if pos <= len(dates) else None


def _ancestors(dossier: Dossier, actor_ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for start in actor_ids:
        actor_id: str | None = start
        while actor_id and actor_id not in found and actor_id in dossier:
            found.add(actor_id)
            actor_id = getattr(dossier.get(actor_id), "parent", None)
    return found


def _direct_actors(item: Any) -> list[str]:
    ids = list(getattr(item, "by", None) or []) + list(getattr(item, "participants", None) or [])
    if isinstance(item, Demand):
        ids += item.to
    if isinstance(item, Actor):
        ids.append(item.id)
    verdict = getattr(item, "verdict", None)
    if verdict is not None and verdict.by:
        ids.append(verdict.by)
    return ids


def involved_actors(dossier: Dossier, statuses: dict[str, DemandStatus]) -> dict[str, list[str]]:
    """For each item, the actors it concerns (and their parent bodies), for the actor filter.

    A demand concerns who made it, who was asked, and who answered or acted on it; an answer or
    an action also concerns the demands it bears on.
    """
    direct = {item.id: _direct_actors(item) for _, _, item in dossier.items()}
    extra: dict[str, list[str]] = {}
    for demand, status in statuses.items():
        for other in status.answers + status.actions:
            extra.setdefault(demand, []).extend(direct.get(other, []))
            extra.setdefault(other, []).extend(direct.get(demand, []))
    return {item_id: sorted(_ancestors(dossier, ids + extra.get(item_id, [])))
            for item_id, ids in direct.items()}


def _change_row(change: StatusChange) -> list[Any]:
    return [change.axis, change.value.value, change.date.isoformat() if change.date else None,
            change.item, change.source, change.locator]


def _state(status: DemandStatus, changes: list[list[Any]]) -> list[Any]:
    index = []
    for change in status.history:
        row = _change_row(change)
        if row not in changes:
            changes.append(row)
        index.append(changes.index(row))
    return [status.said.value, status.done.value, status.overdue, status.on_paper, index]


def demand_states(dossier: Dossier, dates: list[_dt.date],
                  graph: nx.MultiDiGraph | None = None) -> dict[str, dict[str, Any]]:
    """For each demand: its answers and actions (all dates), and ``states`` and ``changes`` as
    described in the module docstring."""
    graph = graph if graph is not None else build_graph(dossier)
    last = len(dates) + 1
    final = demand_status(dossier, None, graph=graph, today=latest_date(dossier))
    wanted: dict[int, list[Demand]] = {}
    for demand in dossier.demands:
        status = final[demand.id]
        points = {position(dates, status.made)}
        points |= {position(dates, c.date) for c in status.history}
        if status.deadline is not None:
            points.add(position(dates, status.deadline + _dt.timedelta(days=1)))
        for pos in points:
            wanted.setdefault(pos, []).append(demand)
    at: dict[str, list[tuple[int, DemandStatus]]] = {}  # demand -> (position, status), in order
    for pos in sorted(wanted):
        # Only the demands that can change here are worked out, which keeps a dossier of
        # thousands of items to a second.
        for demand_id, status in demand_status(dossier, as_of_at(dates, pos), graph=graph,
                                               only=[d.id for d in wanted[pos]]).items():
            at.setdefault(demand_id, []).append((pos, status))
    out: dict[str, dict[str, Any]] = {}
    for demand in dossier.demands:
        changes: list[list[Any]] = []
        states: list[list[Any]] = []
        for pos, status in at.get(demand.id, []) + [(last, final[demand.id])]:
            row = _state(status, changes)
            if not states or states[-1][1:] != row:
                states.append([pos, *row])
        status = final[demand.id]
        out[demand.id] = {"answers": list(status.answers), "actions": list(status.actions),
                          "states": states, "changes": changes}
    return out


def state_at(states: list[list[Any]], pos: int) -> list[Any] | None:
    """The state row in force at ``pos`` (the script does the same lookup)."""
    found = None
    for row in states:
        if row[0] > pos:
            break
        found = row
    return found


def item_records(dossier: Dossier, dates: list[_dt.date],
                 graph: nx.MultiDiGraph | None = None) -> dict[str, dict[str, Any]]:
    """Every item by id, in dossier order: ``kind``, ``date`` (ISO, its own or its event's),
    ``first`` (position it is known from), ``actors`` (for the actor filter), ``f`` (its fields as
    in the dossier file), for answers ``said`` (demand id -> value) and, for demands, ``status``
    (see :func:`demand_states`)."""
    graph = graph if graph is not None else build_graph(dossier)
    states = demand_states(dossier, dates, graph)
    final = demand_status(dossier, None, graph=graph, today=latest_date(dossier))
    actors = involved_actors(dossier, final)
    out: dict[str, dict[str, Any]] = {}
    for _, _, item in dossier.items():
        date = dossier.date_of(item.id)
        fields = item.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        fields.pop("id", None)
        record: dict[str, Any] = {
            "kind": item.KIND,
            "date": date.isoformat() if date else None,
            "first": position(dates, date),
            "actors": actors[item.id],
            "f": fields,
        }
        precision = getattr(item, "precision", None)
        if precision is not None and precision.value != "day":
            record["precision"] = precision.value
        if isinstance(item, Response):  # what it said to each demand (the script reads this)
            record["said"] = {d: v.value for d, v in said_by_demand(item).items()}
        if item.id in states:
            record["status"] = states[item.id]
            if item.id in final and final[item.id].no_answer_due:
                record["not_due"] = True  # "No answer · no answer due" while none came
        out[item.id] = record
    return out

