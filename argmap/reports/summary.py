"""A plain-text summary of a dossier: counts per kind, the date range, every demand and its answers.

This is what ``argmap summary`` prints and what ``argmap build`` prints before it draws the maps.
"""

from __future__ import annotations

import datetime as _dt

from ..dates import date_range, date_text, precision_of
from ..dossier import Dossier
from ..lang import pick
from ..model import Demand, Response, said_for
from ..text import shorten
from ..tracking import demand_status

__all__ = ["summary_text"]


def _name(dossier: Dossier, actor_id: str, lang: str) -> str:
    actor = dossier.get(actor_id)
    return pick(getattr(actor, "short", None) or getattr(actor, "name", actor_id), lang)


def _precision(dossier: Dossier, item_id: str) -> str:
    return precision_of(dossier.get(item_id), dossier.find)


def summary_text(dossier: Dossier, lang: str = "en") -> str:
    """Counts per kind, the date range, and every demand with the answers it got, in date order."""
    lines: list[str] = []
    title = pick(dossier.info.title, lang) if dossier.info else "dossier"
    lines.append(f"{title}")
    counts = ", ".join(f"{n} {section}" for section, n in dossier.counts().items() if n)
    lines.append(f"{len(dossier)} items: {counts}")
    span = date_range(dossier)
    if span is not None:
        (first, first_id), (last, last_id) = span
        lines.append(f"dates: {date_text(first, _precision(dossier, first_id))} to "
                     f"{date_text(last, _precision(dossier, last_id))}")
    statuses = demand_status(dossier, today=_dt.date.max)
    lines.append("")
    lines.append(f"demands ({len(statuses)}):")
    for demand_id, status in statuses.items():
        demand = dossier.get(demand_id)
        assert isinstance(demand, Demand)
        made = date_text(status.made, _precision(dossier, demand_id), "undated")
        to = ", ".join(_name(dossier, a, lang) for a in status.to)
        lines.append(f"- {made} {demand_id} (to {to}): {shorten(pick(demand.text, lang), 90)}")
        if not status.answers:
            lines.append("    no response on record")
        for answer_id in status.answers:
            answer = dossier.get(answer_id)
            assert isinstance(answer, Response)
            when = date_text(dossier.date_of(answer_id), _precision(dossier, answer_id), "undated")
            by = ", ".join(_name(dossier, a, lang) for a in answer.by)
            words = pick(answer.quote or answer.text, lang)
            lines.append(f"    {when} {by}: {said_for(answer, demand_id).value}"
                         + (f" — “{shorten(words, 70)}”" if words else ""))
        if status.done.value != "unrated" and status.done_change is not None:
            change = status.done_change
            when = date_text(change.date, _precision(dossier, change.item), "undated")
            lines.append(f"    done: {status.done.value} ({when}, {change.item})")
    return "\n".join(lines) + "\n"
