"""What the tracker counts: each case's demands with their status, and a scorecard per actor.

A *case* is one dossier. Actors with the same id in several cases are one actor on the site (the
importers keep ids stable: ``uk-government``, a department's name). An actor's scorecard counts
the demands put to it or to one of its divisions (actors whose ``parent`` chain leads to it).

Demands tagged ``rejected`` or ``withdrawn`` were turned away before they reached the addressee
(a petition the Petitions Committee rejected, a request taken back): they are shown, but counted
apart, never as demands the addressee left unanswered. So are demands tagged ``no-answer-due``
while they have no answer: no answer was owed (a petition short of the signatures at which the
government responds, as :mod:`argmap.formats.uk_petitions` tags it), so none is missing; one
that got an answer anyway counts as answered.

Every status is judged on the case's latest dated item (as the interactive page does), so the
same dossiers always give the same figures.
"""

from __future__ import annotations

import datetime as _dt
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from ..dossier import Dossier
from ..graph import build_graph
from ..model import Actor, Demand, Done, Item, Response, Said, said_for
from ..reports.outcome import promised
from ..tracking import DemandStatus, demand_status

__all__ = [
    "DONE_COLUMNS", "TURNED_AWAY_TAGS", "ActorRecord", "Bin", "Case", "DemandRef", "Scorecard",
    "actor_records", "answers_over_time", "scorecard",
]

#: Tags that mark a demand as turned away before it reached its addressee.
TURNED_AWAY_TAGS = frozenset({"rejected", "withdrawn"})


#: Done values the scorecard tallies, and the column each goes to.
DONE_COLUMNS: dict[Done, str] = {Done.delivered: "kept", Done.partially_delivered: "partly_kept",
                                 Done.not_delivered: "broken", Done.reversed: "reversed"}


@dataclass
class Case:
    """One dossier on the site: its name (the folder its pages go in), the dossier, its graph and
    each demand's status, judged on ``judged_on``; with lookups by id that the pages use
    thousands of times (plain dicts, built once)."""

    name: str
    dossier: Dossier
    graph: nx.MultiDiGraph = field(repr=False)
    statuses: dict[str, DemandStatus] = field(repr=False)
    judged_on: _dt.date | None
    items: dict[str, Item] = field(repr=False, default_factory=dict)
    dates: dict[str, _dt.date | None] = field(repr=False, default_factory=dict)
    order: dict[str, int] = field(repr=False, default_factory=dict)
    away: frozenset[str] = frozenset()
    not_due: frozenset[str] = frozenset()

    @classmethod
    def of(cls, name: str, dossier: Dossier) -> Case:
        """Build the graph and work out every demand's status."""
        graph = build_graph(dossier)
        items = {item.id: item for _, _, item in dossier.items()}
        dates = {item_id: dossier.date_of(item_id) for item_id in items}
        # the latest date any item bears (what dates.latest_date finds), from the dates above
        judged_on = max((d for d in dates.values() if d is not None), default=None)
        statuses = demand_status(dossier, graph=graph, today=judged_on or _dt.date.min)
        away = frozenset(d.id for d in dossier.demands if not TURNED_AWAY_TAGS.isdisjoint(d.tags))
        not_due = frozenset(d for d, status in statuses.items() if status.no_answer_due)
        return cls(name, dossier, graph, statuses, judged_on, items, dates,
                   {item_id: i for i, item_id in enumerate(items)}, away, not_due)

    def get(self, item_id: str) -> Item:
        """The item with this id (``KeyError`` when none)."""
        return self.items[item_id]

    def find(self, item_id: str) -> Item | None:
        """The item with this id, or ``None``."""
        return self.items.get(item_id)

    def demand(self, demand_id: str) -> Demand:
        """The demand with this id (``KeyError`` when none, ``TypeError`` for another kind)."""
        item = self.items[demand_id]
        if not isinstance(item, Demand):
            raise TypeError(f"{demand_id} is a {item.KIND}, not a demand")
        return item

    def response(self, response_id: str) -> Response:
        """The answer with this id (``KeyError`` when none, ``TypeError`` for another kind)."""
        item = self.items[response_id]
        if not isinstance(item, Response):
            raise TypeError(f"{response_id} is a {item.KIND}, not an answer")
        return item

    def date_of(self, item_id: str) -> _dt.date | None:
        """The item's date (its own, else its event's)."""
        return self.dates.get(item_id)

    def turned_away(self, demand: str) -> bool:
        """Whether the demand was turned away before it reached its addressee."""
        return demand in self.away

    def no_answer_due(self, demand: str) -> bool:
        """Whether no answer was due to the demand, and none came."""
        return demand in self.not_due

    def counted_apart(self, demand: str) -> bool:
        """Whether the demand is left out of the shares: turned away, or owed no answer."""
        return demand in self.away or demand in self.not_due

    def first_answer(self, status: DemandStatus) -> _dt.date | None:
        """The date of the demand's first dated answer."""
        dates = [c.date for c in status.history if c.axis == "said" and c.date is not None]
        return min(dates) if dates else None


@dataclass(frozen=True)
class DemandRef:
    """One demand of one case, with its status (what scorecards and lists are made of)."""

    case: Case
    status: DemandStatus

    @property
    def id(self) -> str:
        return self.status.demand


@dataclass(frozen=True)
class Scorecard:
    """Counts over a set of demands. Shares are of ``received``: turned-away demands and those
    owed no answer (and given none) are counted apart."""

    received: int
    turned_away: int
    not_due: int
    answered: int
    unanswered: int
    overdue: int
    on_paper: int
    not_yet_rated: int
    median_days: float | None
    said: dict[str, int]
    done: dict[str, int]
    kept: int
    partly_kept: int
    broken: int
    reversed: int
    last_change: _dt.date | None

    def share(self, n: int) -> float | None:
        """``n`` as a share of the demands received (``None`` when none were)."""
        return n / self.received if self.received else None


def scorecard(demands: Iterable[DemandRef]) -> Scorecard:
    """The scorecard of these demands (see :class:`Scorecard`).

    >>> d = Dossier.model_validate({"actors": [{"id": "m", "name": "M", "kind": "ministry"}],
    ...   "demands": [{"id": "d", "text": "Stop", "to": "m", "date": "2019-07-01"},
    ...               {"id": "e", "text": "Go", "to": "m", "date": "2019-07-01"}],
    ...   "responses": [{"id": "r", "by": "m", "to": "d", "said": "not_yet_rated",
    ...                  "date": "2019-07-11"}]})
    >>> case = Case.of("c", d)
    >>> card = scorecard(DemandRef(case, s) for s in case.statuses.values())
    >>> card.received, card.answered, card.not_yet_rated, card.on_paper, card.median_days
    (2, 1, 1, 0, 10)
    """
    received = turned = not_due = answered = overdue = on_paper = unrated = 0
    said: Counter[str] = Counter()
    done: Counter[str] = Counter()
    kept_or_broken: Counter[str] = Counter()
    days: list[int] = []
    last: _dt.date | None = None
    for ref in demands:
        status, case = ref.status, ref.case
        if case.turned_away(status.demand):
            turned += 1
            continue
        if case.no_answer_due(status.demand):
            not_due += 1
            continue
        received += 1
        said[status.said.value] += 1
        done[status.done.value] += 1
        if promised(status.said):  # only a commitment can be kept or broken (reports.outcome)
            kept_or_broken[status.done.value] += 1
        if status.answers:
            answered += 1
            first = case.first_answer(status)
            if first is not None and status.made is not None:
                days.append(max(0, (first - status.made).days))
        overdue += status.overdue
        on_paper += status.on_paper
        unrated += status.said is Said.not_yet_rated
        change = status.last_change
        when = change.date if change is not None and change.date is not None else status.made
        if when is not None and (last is None or when > last):
            last = when
    median = statistics.median(days) if days else None
    return Scorecard(
        received=received, turned_away=turned, not_due=not_due, answered=answered,
        unanswered=received - answered, overdue=overdue, on_paper=on_paper,
        not_yet_rated=unrated, median_days=median,
        said={s.value: said[s.value] for s in Said if said[s.value]},
        done={d.value: done[d.value] for d in Done if done[d.value]},
        kept=kept_or_broken[Done.delivered.value],
        partly_kept=kept_or_broken[Done.partially_delivered.value],
        broken=kept_or_broken[Done.not_delivered.value], reversed=done[Done.reversed.value],
        last_change=last)


# --- actors across cases ---------------------------------------------------------------------


@dataclass
class ActorRecord:
    """One actor across every case it appears in."""

    id: str
    cases: list[Case] = field(default_factory=list)
    received: list[DemandRef] = field(default_factory=list)
    made: list[DemandRef] = field(default_factory=list)
    answers: list[tuple[Case, str]] = field(default_factory=list)  # (case, response id)
    divisions: set[str] = field(default_factory=set)

    def item(self) -> Actor:
        """The actor item from the first case it appears in (its name, kind, parent)."""
        actor = self.cases[0].get(self.id)
        assert isinstance(actor, Actor), self.id  # records are made from actors only
        return actor


def _families(case: Case) -> dict[str, set[str]]:
    """Each actor of a case with itself and every actor below it through ``parent``."""
    parent = {a.id: a.parent for a in case.dossier.actors}
    family: dict[str, set[str]] = {a: {a} for a in parent}
    for actor in parent:
        seen, up = {actor}, parent.get(actor)
        while up is not None and up in family and up not in seen:
            family[up].add(actor)
            seen.add(up)
            up = parent.get(up)
    return family


def actor_records(cases: list[Case]) -> dict[str, ActorRecord]:
    """Every actor of every case, with the demands it received (its own and its divisions'),
    the demands it made and the answers it gave; in order of first appearance."""
    records: dict[str, ActorRecord] = {}
    for case in cases:
        family = _families(case)
        above: dict[str, set[str]] = {}
        for head, members in family.items():
            for member in members:
                above.setdefault(member, set()).add(head)
        for actor in case.dossier.actors:
            record = records.setdefault(actor.id, ActorRecord(actor.id))
            record.cases.append(case)
            record.divisions |= family[actor.id] - {actor.id}
        for status in case.statuses.values():
            ref = DemandRef(case, status)
            heads = set().union(*(above.get(a, {a}) for a in status.to))
            for head in sorted(heads):
                if head in records:
                    records[head].received.append(ref)
            for maker in status.by:
                if maker in records:
                    records[maker].made.append(ref)
        for response in case.dossier.responses:
            for answerer in response.by:
                if answerer in records:
                    records[answerer].answers.append((case, response.id))
    return records


@dataclass(frozen=True)
class Bin:
    """One period of the answers chart: its label, the demands received in it, and the
    answers given in it by what they said."""

    label: str
    received: int
    said: dict[str, int]


def answers_over_time(record: ActorRecord) -> tuple[str, list[Bin]]:
    """The answers the demands put to the actor (or its divisions) got, by date and what they
    said, and the demands it received, by year, or by month when everything falls within two
    years. Returns ``(unit, bins)``; undated items are left out. An answer counts by what it
    said to the actor's demands (:func:`~argmap.model.said_for`): an answer to several of them
    counts once, or once per value when it said different things to them (deflected one,
    refused another)."""
    found: dict[tuple[str, str], tuple[_dt.date, dict[str, None]]] = {}
    for ref in record.received:
        case = ref.case
        for response in ref.status.answers:
            date = case.date_of(response)
            if date is not None:
                values = found.setdefault((case.name, response), (date, {}))[1]
                values[said_for(case.response(response), ref.id).value] = None
    answers = sorted((date, value) for date, values in found.values() for value in values)
    received = [r.status.made for r in record.received
                if r.status.made is not None and not r.case.counted_apart(r.id)]
    dates = [d for d, _ in answers] + received
    if not dates:
        return "year", []
    first, last = min(dates), max(dates)
    monthly = (last - first).days <= 730
    unit = "month" if monthly else "year"

    def key(date: _dt.date) -> tuple[int, int]:
        return (date.year, date.month if monthly else 1)

    periods = []
    year, month = key(first)
    while (year, month) <= key(last):
        periods.append((year, month))
        if monthly:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        else:
            year += 1
    said: dict[tuple[int, int], Counter[str]] = {p: Counter() for p in periods}
    got: Counter[tuple[int, int]] = Counter(key(d) for d in received)
    for date, value in answers:
        said[key(date)][value] += 1
    bins = [Bin(f"{y}-{m:02d}" if monthly else str(y), got[(y, m)],
                {s.value: said[(y, m)][s.value] for s in Said if said[(y, m)][s.value]})
            for y, m in periods]
    return unit, bins
