"""The demands table, and sections 4 to 6 of a brief: the other side's answers on the record and
what it did afterwards, the demands still open, and the key dates."""

from __future__ import annotations

import datetime as _dt

from ..model import Done, Said, said_for
from ..reports.outcome import demand_outcome, promised
from ..tracking import DemandStatus, timeline
from .case import Case
from .content import OPEN_GROUPS, AnswerOnRecord, Day, FollowUp, GlanceRow, OpenDemand

__all__ = ["answers", "glance", "key_dates", "key_ids", "open_demands", "side_statuses"]

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def side_statuses(case: Case, statuses: dict[str, DemandStatus],
                  family: tuple[str, ...]) -> list[DemandStatus]:
    """The statuses of the demands the side (or one of its divisions) made, in status order."""
    members = set(family)
    return [s for s in statuses.values() if members.intersection(s.by)]


def answers(case: Case, mine: list[DemandStatus], family: tuple[str, ...]) -> tuple[AnswerOnRecord, ...]:
    """Section 4: every answer the other side gave to the side's demands, by date, with the
    demands it answered and the later actions that bear on them (kept, contradicted ...)."""
    members = set(family)
    given: dict[str, list[DemandStatus]] = {}
    for status in mine:
        for response in status.answers:
            if not members.intersection(case.nodes[response]["item"].by):
                given.setdefault(response, []).append(status)
    out = []
    for response in sorted(given, key=lambda r: (case.nodes[r]["date"] or _dt.date.min,
                                                 case.order(r))):
        entry = case.entry(response)
        said_on = case.nodes[response]["date"]
        item = case.nodes[response]["item"]
        # in the order the answer lists its demands
        answered = sorted(given[response], key=lambda s: item.to.index(s.demand))
        demands = tuple(case.entry(s.demand) for s in answered)
        said = tuple(said_for(item, s.demand) for s in answered)
        done: dict[tuple[str, Done], list[str]] = {}
        for status in given[response]:
            for change in status.history:
                if change.axis != "done":
                    continue
                if said_on is not None and change.date is not None and change.date < said_on:
                    continue  # done before the answer: not something they did after saying it
                done.setdefault((change.item, change.value), []).append(status.demand)  # type: ignore[arg-type]
        followups = []
        for (action, value), on in sorted(done.items(), key=lambda kv: (
                case.nodes[kv[0][0]]["date"] or _dt.date.min, case.order(kv[0][0]),
                kv[0][1].value)):
            did_on = case.nodes[action]["date"]
            promise = all(promised(said_for(item, d), said_on, did_on) for d in on)
            followups.append(FollowUp(case.entry(action), value, tuple(on), promise))
        replies = tuple(case.entry(a) for a in dict.fromkeys(
            a for a, _, _ in case.relations_into(response, "attacks")))
        backing = tuple(case.entry(a) for a in dict.fromkeys(
            a for a, _, _ in case.relations_into(response, "supports")))
        out.append(AnswerOnRecord(entry, said, demands, tuple(followups), replies, backing))
    return tuple(out)


def _open_group(status: DemandStatus) -> str | None:
    """Which group of open demands a demand belongs to (see :data:`.content.OPEN_GROUPS`);
    ``None`` when it is not open: delivered, or answered with a commitment not (yet) broken."""
    if status.done is Done.delivered:
        return None
    if status.overdue:
        return "overdue"
    if not status.answers:  # owed none (a petition short of the threshold): none is missing
        return None if status.no_answer_due else "unanswered"
    if status.said is Said.refused:
        return "refused"  # still open for the side that made it
    said_on = status.said_change.date if status.said_change else None
    done_on = status.done_change.date if status.done_change else None
    if (status.done in (Done.not_delivered, Done.reversed)
            and promised(status.said, said_on, done_on)):
        return "broken"
    if status.on_paper:
        return "on_paper"
    if status.said is Said.not_yet_rated:
        return "not_rated"
    return None


def open_demands(case: Case, mine: list[DemandStatus],
                 judged_on: _dt.date | None) -> tuple[OpenDemand, ...]:
    """Section 5: the side's demands not delivered that are overdue, unanswered, refused,
    promised and then not delivered or reversed, answered only on paper, or answered with an
    answer nobody has rated yet (in that order, each group by date made)."""
    groups: dict[str, list[OpenDemand]] = {group: [] for group in OPEN_GROUPS}
    for status in mine:
        group = _open_group(status)
        if group is None:
            continue
        waiting = None
        if group in ("overdue", "unanswered") and status.made is not None and judged_on is not None:
            waiting = max(0, (judged_on - status.made).days)
        last = case.entry(status.answers[-1]) if status.answers else None
        groups[group].append(OpenDemand(
            entry=case.entry(status.demand), group=group,
            to=tuple(case.name(a) for a in status.to), deadline=status.deadline,
            waiting=waiting, last=last, last_said=status.said if last is not None else None))
    return tuple(o for group in groups.values() for o in group)


def glance(case: Case, mine: list[DemandStatus]) -> tuple[GlanceRow, ...]:
    """The demands table: each of the side's demands, by date made, with to whom it was made
    and what was said and done, in the words every output uses (:mod:`argmap.reports.outcome`).
    """
    out = []
    for status in mine:
        said, done = demand_outcome(status, case.lang)
        out.append(GlanceRow(case.entry(status.demand), tuple(case.name(a) for a in status.to),
                             said, done))
    return tuple(out)


def key_ids(case: Case, motion: str | None, mine: list[DemandStatus],
            family: tuple[str, ...]) -> set[str]:
    """What the key dates are made of: the motion, the side's demands, the answers to them, the
    actions bearing on them, the events these happened at, the actions of the actors the side
    asked, and the events the side took part in."""
    ids: set[str] = {motion} if motion else set()
    asked: set[str] = set()
    for status in mine:
        ids.add(status.demand)
        ids.update(status.answers)
        ids.update(status.actions)
        asked.update(status.to)
    members = set(family)
    for node in list(ids):
        at = getattr(case.nodes[node]["item"], "at", None)
        if at is not None:
            ids.add(at)
    for action in case.dossier.actions:
        if asked.intersection(action.by):
            ids.add(action.id)
    for event in case.dossier.events:
        if members.intersection(event.participants):
            ids.add(event.id)
    return ids


def key_dates(case: Case, keep: set[str], as_of: _dt.date | None) -> tuple[Day, ...]:
    """Section 6: the key items, grouped by day, in date order."""
    days = []
    for day in timeline(case.dossier, as_of, graph=case.graph):
        entries = tuple(case.entry(e.id) for e in day.entries if e.id in keep)
        if entries:
            precision = min((e.precision for e in entries), key=lambda p: _PRECISION_RANK.get(p, 0))
            days.append(Day(day.date, precision, entries))
    return tuple(days)
