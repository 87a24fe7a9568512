"""What was said and what was done about each demand, as of any date; changes; the timeline.

Every demand has two separate axes, each set by a dated, sourced item:

**said** — what the answers amount to (:class:`~argmap.model.Said`); an answer to several demands
counts with what it said to this one (:func:`~argmap.model.said_for`). The latest answer known by
the as-of date wins (answers sort by date, then dossier order; undated answers count as earliest);
earlier answers stay in ``history``. With no answer the value is ``no_response``, shown as
``overdue`` once the demand's deadline has passed (the day after the deadline).

**done** — what actually happened (:class:`~argmap.model.Done`), judged on action effects only,
through :data:`DONE_OF_EFFECT`. An action bears on a demand when one of its effects names

1. the demand itself;
2. a response that answers the demand (and is known by the as-of date);
3. a claim (an item of kind ``claim``) that supports the demand, or rephrases it, or that the
   demand rephrases.

Actions dated before the demand was made do not count for it (a later demand restating a claim
is not judged on what was done before it was put); an undated action counts, and sorts
first. When one action bears on a demand by several
routes, the first route above wins (and, within a
route, the action's last effect). The latest such action wins; with none the value is
``unrated``. The two axes never mix: an accepted demand later reversed shows ``said=accepted``,
``done=reversed``.

``as_of`` uses only what was known on that date: items dated after it do not exist yet; undated
items always count (see :func:`known_as_of`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .dossier import Dossier
from .errors import SchemaError
from .gc_pause import paused_gc
from .graph import EFFECT_TYPES, Adjacency, build_graph, edges_in, edges_out, node_table
from .model import Done, EffectType, Said, on_record, said_for
from .queries import ON_PAPER

__all__ = [
    "DONE_OF_EFFECT", "KIND_ORDER", "NOT_DUE_TAGS", "NO_ANSWER_DUE", "Change", "DateLike",
    "DemandStatus", "StatusChange", "TimelineDay", "TimelineEntry", "as_date", "changes_between",
    "demand_status", "known_as_of", "timeline"
]

#: The tag of a demand to which no answer was due (a petition short of the signatures at which
#: the government responds): with no answer on file, it is not counted as unanswered.
NO_ANSWER_DUE = "no-answer-due"
#: Tags that mark a demand to which no answer was due.
NOT_DUE_TAGS = frozenset({NO_ANSWER_DUE})

#: The done value each effect type sets.
DONE_OF_EFFECT: dict[EffectType, Done] = {
    EffectType.commits: Done.committed,
    EffectType.progresses: Done.in_progress,
    EffectType.stalls: Done.stalled,
    EffectType.fulfils: Done.delivered,
    EffectType.partially_fulfils: Done.partially_delivered,
    EffectType.fails: Done.not_delivered,
    EffectType.contradicts: Done.not_delivered,
    EffectType.reverses: Done.reversed,
}

#: A date, an ISO date string (``"2019-09-01"``), or ``None`` for "no limit".
DateLike = _dt.date | str | None


def as_date(value: DateLike, name: str = "as_of") -> _dt.date | None:
    """``value`` as a ``datetime.date`` (a datetime loses its time); a string must be ISO
    ``YYYY-MM-DD``, else :class:`~argmap.errors.SchemaError`.

    >>> as_date("2019-09-01")
    datetime.date(2019, 9, 1)
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise SchemaError(f"{name}: '{value}' is not a date (expected YYYY-MM-DD)") from None


_DONE_OF_TYPE = {effect.value: done for effect, done in DONE_OF_EFFECT.items()}
_CLAIM_LINKS = frozenset({"supports", "rephrases"})


@dataclass(frozen=True)
class StatusChange:
    """One change on one axis of a demand: the value, when, and the item that set it."""

    axis: str                 # "said" or "done"
    value: Said | Done
    date: _dt.date | None
    item: str                 # the response or action id that set it
    source: str | None        # source id of its first citation, if any
    locator: str | None       # locator of that citation ("¶92")


@dataclass(frozen=True)
class DemandStatus:
    """Where one demand stood on a date. See the module docstring for the rules."""

    demand: str
    made: _dt.date | None
    by: tuple[str, ...]
    to: tuple[str, ...]
    said: Said
    said_change: StatusChange | None
    done: Done
    done_change: StatusChange | None
    deadline: _dt.date | None
    overdue: bool
    on_paper: bool
    answers: tuple[str, ...]
    actions: tuple[str, ...]
    history: tuple[StatusChange, ...]
    #: No answer was due and none came: the demand is tagged as owed no answer
    #: (:data:`NOT_DUE_TAGS`, e.g. a petition short of the signatures the government answers).
    no_answer_due: bool = False

    @property
    def last_change(self) -> StatusChange | None:
        """The latest change on either axis."""
        return self.history[-1] if self.history else None


def _known(attrs: dict[str, Any], as_of: _dt.date | None) -> bool:
    date = attrs.get("date")
    return as_of is None or date is None or date <= as_of


def _key(attrs: dict[str, Any]) -> tuple[_dt.date, int]:
    return (attrs.get("date") or _dt.date.min, attrs["order"])


def _effects_into(pred: Adjacency, node: str) -> list[tuple[str, int, str]]:
    """``(action, effect index, effect type)`` for every action effect naming ``node``."""
    return [(action, attrs["index"], attrs["type"])
            for action, keys in pred[node].items()
            for attrs in keys.values()
            if attrs.get("field") == "effects" and attrs["type"] in EFFECT_TYPES]


def _claims_for(graph: nx.MultiDiGraph, demand: str) -> set[str]:
    """Claims that support or rephrase the demand, or that the demand rephrases."""
    nodes = node_table(graph)
    found = {other for other, keys in edges_in(graph)[demand].items()
             if nodes[other].get("kind") == "claim"
             and any("relation" in a and a["type"] in _CLAIM_LINKS for a in keys.values())}
    found |= {other for other, keys in edges_out(graph)[demand].items()
              if nodes[other].get("kind") == "claim"
              and any("relation" in a and a["type"] == "rephrases" for a in keys.values())}
    return found


def _one_status(graph: nx.MultiDiGraph, demand: str, as_of: _dt.date | None,
                overdue_on: _dt.date | None) -> DemandStatus:
    nodes, pred = node_table(graph), edges_in(graph)
    attrs = nodes[demand]
    item = attrs["item"]
    answers = sorted((r for r, keys in pred[demand].items()
                      if any(a.get("type") == "answers" for a in keys.values())
                      and _known(nodes[r], as_of)), key=lambda r: _key(nodes[r]))
    said_changes = [StatusChange("said", said_for(nodes[r]["item"], demand), nodes[r]["date"], r,
                                 *on_record(nodes[r]["item"])) for r in answers]

    # route 0: the demand itself, 1: one of its answers, 2: a claim standing for it
    routes: list[tuple[int, list[tuple[str, int, str]]]] = [(0, _effects_into(pred, demand))]
    routes += [(1, _effects_into(pred, r)) for r in answers]
    routes += [(2, _effects_into(pred, c)) for c in sorted(_claims_for(graph, demand))]
    made = attrs["date"]
    chosen: dict[str, tuple[int, int, str]] = {}
    for route, effects in routes:
        for action, index, etype in effects:
            did = nodes[action]["date"]
            if not _known(nodes[action], as_of) or (made is not None and did is not None
                                                     and did < made):
                continue  # an undated action is not known to come first: it counts
            rank = (route, -index, etype)
            if action not in chosen or rank < chosen[action]:
                chosen[action] = rank
    actions = sorted(chosen, key=lambda a: _key(nodes[a]))
    done_changes = [StatusChange("done", _DONE_OF_TYPE[chosen[a][2]], nodes[a]["date"], a,
                                 *on_record(nodes[a]["item"])) for a in actions]

    said = said_for(nodes[answers[-1]]["item"], demand) if answers else Said.no_response
    done = _DONE_OF_TYPE[chosen[actions[-1]][2]] if actions else Done.unrated
    deadline = item.deadline
    history = sorted(said_changes + done_changes,
                     key=lambda c: (c.date or _dt.date.min, nodes[c.item]["order"]))
    return DemandStatus(
        demand=demand, made=attrs["date"], by=tuple(item.by), to=tuple(item.to),
        said=said, said_change=said_changes[-1] if said_changes else None,
        done=done,
        done_change=done_changes[-1] if done_changes else None,
        deadline=deadline,
        overdue=(not answers and deadline is not None and overdue_on is not None
                 and deadline < overdue_on),
        on_paper=bool(answers) and all(c.value in ON_PAPER for c in said_changes),
        answers=tuple(answers), actions=tuple(actions), history=tuple(history),
        no_answer_due=not answers and not NOT_DUE_TAGS.isdisjoint(item.tags))


def demand_status(dossier: Dossier, as_of: DateLike = None, *,
                  graph: nx.MultiDiGraph | None = None,
                  today: _dt.date | None = None,
                  only: Iterable[str] | None = None) -> dict[str, DemandStatus]:
    """Status of every demand made by ``as_of`` (all demands if ``None``), keyed by demand id and
    ordered by (date made, dossier order); undated demands last.

    ``graph`` is the dossier's graph if already built (it is built otherwise). Overdue is judged
    on ``as_of``, or with no ``as_of`` on ``today`` (default: the system date). ``only`` limits
    the work to these demand ids (for callers that ask about a few demands at many dates).

    >>> d = Dossier.model_validate({"actors": [{"id": "m", "name": "M", "kind": "ministry"}],
    ...   "demands": [{"id": "d", "text": "Stop", "to": "m", "date": "2019-07-23"}],
    ...   "responses": [{"id": "r", "by": "m", "to": "d", "said": "accepted",
    ...                  "date": "2019-07-23"}],
    ...   "actions": [{"id": "a", "by": "m", "date": "2019-09-13", "kind": "amendment",
    ...                "text": "Reversed", "effects": [{"on": "d", "type": "reverses"}]}]})
    >>> s = demand_status(d)["d"]
    >>> s.said.value, s.done.value, s.done_change.item
    ('accepted', 'reversed', 'a')
    >>> demand_status(d, _dt.date(2019, 8, 1))["d"].done.value
    'unrated'
    """
    as_of = as_date(as_of)
    if graph is None:
        graph = build_graph(dossier)
    overdue_on = as_of if as_of is not None else (today or _dt.date.today())
    nodes = node_table(graph)
    with paused_gc():
        wanted = [d.id for d in dossier.demands] if only is None else list(dict.fromkeys(only))
        made = [d for d in wanted if _known(nodes[d], as_of)]
        # in date order, the undated after the dated (as the maps, the page and the site list
        # them): an undated demand is not known to come first
        made.sort(key=lambda d: (nodes[d].get("date") is None, _key(nodes[d])))
        return {d: _one_status(graph, d, as_of, overdue_on) for d in made}


def known_as_of(dossier: Dossier, as_of: DateLike) -> set[str]:
    """Ids of the items that existed on ``as_of``: dated on or before it (an item's own date, else
    its event's), or undated. With ``as_of=None``, every id."""
    as_of = as_date(as_of)
    return {item.id for _, _, item in dossier.items()
            if as_of is None or (date := dossier.date_of(item.id)) is None or date <= as_of}


@dataclass(frozen=True)
class Change:
    """One thing that changed about a demand: it was ``made``, its ``said`` or ``done`` value
    changed, or it became ``overdue``. ``item`` is what caused it (the demand itself for
    ``made`` and ``overdue``)."""

    date: _dt.date
    demand: str
    axis: str
    before: str | None
    after: str
    item: str
    source: str | None
    locator: str | None


_AXIS_ORDER = {"made": 0, "said": 1, "done": 2, "overdue": 3}


def changes_between(dossier: Dossier, start: DateLike, end: DateLike, *,
                    graph: nx.MultiDiGraph | None = None) -> list[Change]:
    """What changed after ``start`` and up to ``end`` (both dates: ``start < date <= end``),
    by date, then demand order. Undated items never count as a change.

    >>> d = Dossier.model_validate({"actors": [{"id": "m", "name": "M", "kind": "ministry"}],
    ...   "demands": [{"id": "d", "text": "Stop", "to": "m", "date": "2019-07-23"}],
    ...   "responses": [{"id": "r", "by": "m", "to": "d", "said": "refused",
    ...                  "date": "2019-08-02"}]})
    >>> [(str(c.date), c.axis, c.before, c.after)
    ...  for c in changes_between(d, _dt.date(2019, 7, 1), _dt.date(2019, 9, 1))]
    [('2019-07-23', 'made', None, 'no_response'), ('2019-08-02', 'said', 'no_response', 'refused')]
    """
    start, end = as_date(start, "start"), as_date(end, "end")
    if start is None or end is None:
        raise SchemaError("changes_between needs both a start and an end date")
    if graph is None:
        graph = build_graph(dossier)
    nodes = node_table(graph)
    out: list[Change] = []
    for demand, status in demand_status(dossier, end, graph=graph).items():
        cited = on_record(nodes[demand]["item"])
        if status.made is not None and start < status.made:
            out.append(Change(status.made, demand, "made", None, Said.no_response.value, demand,
                              *cited))
        before = {"said": Said.no_response.value, "done": Done.unrated.value}
        for change in status.history:
            value = change.value.value
            if change.date is not None and start < change.date:
                out.append(Change(change.date, demand, change.axis, before[change.axis], value,
                                  change.item, change.source, change.locator))
            before[change.axis] = value
        if status.deadline is not None:
            late = status.deadline + _dt.timedelta(days=1)
            answered_by_then = any(c.axis == "said" and (c.date is None or c.date <= late)
                                   for c in status.history)
            if start < late <= end and not answered_by_then:
                out.append(Change(late, demand, "overdue", None, "overdue", demand, *cited))
    order = {d: nodes[d]["order"] for d in {c.demand for c in out}}
    out.sort(key=lambda c: (c.date, order[c.demand], _AXIS_ORDER[c.axis], c.item))
    return out


# --- timeline ----------------------------------------------------------------------------------

#: Order of kinds within one day of the timeline.
KIND_ORDER: tuple[str, ...] = ("event", "demand", "response", "claim", "evidence", "action",
                               "source")


@dataclass(frozen=True)
class TimelineEntry:
    """One dated item: its date, id, kind and text (or title / name)."""

    date: _dt.date
    id: str
    kind: str
    title: str | dict[str, str]


@dataclass(frozen=True)
class TimelineDay:
    """The items of one day, sorted by (kind order, id)."""

    date: _dt.date
    entries: tuple[TimelineEntry, ...]


def timeline(dossier: Dossier, as_of: DateLike = None, *,
             kinds: tuple[str, ...] | None = None,
             graph: nx.MultiDiGraph | None = None) -> list[TimelineDay]:
    """The dossier's dated items in date order, grouped by day, up to ``as_of``.

    An item's date is its own, else its event's; evidence with neither counts at the as-of date
    of its figure. Actors, relations and undated items are left out. ``kinds`` keeps only items of
    those kinds (default: every kind in :data:`KIND_ORDER`).
    """
    as_of = as_date(as_of)
    if graph is None:
        graph = build_graph(dossier)
    wanted = set(kinds if kinds is not None else KIND_ORDER)
    rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    days: dict[_dt.date, list[TimelineEntry]] = {}
    for node, attrs in graph.nodes(data=True):
        kind = attrs.get("kind")
        if kind not in wanted:
            continue
        date = attrs.get("date") or attrs.get("as_of")
        if date is None or (as_of is not None and date > as_of):
            continue
        days.setdefault(date, []).append(TimelineEntry(date, node, kind, attrs["text"]))
    return [TimelineDay(date, tuple(sorted(days[date], key=lambda e: (rank.get(e.kind, 99), e.id))))
            for date in sorted(days)]
