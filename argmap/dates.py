"""Dates as people read them, and the one rule for which date an item bears.

An item's date is its own ``date``, else that of its event (``at``); so is its precision
(:func:`date_of`, :func:`precision_of`). Every module that dates an item asks here, and every
module that shows a date cuts it to what is known (:func:`date_text`: ``2018-02`` for a month).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .model import Event, Precision

if TYPE_CHECKING:
    from .dossier import Dossier

__all__ = ["Lookup", "date_of", "date_range", "date_text", "latest_date", "precision_of"]

#: Finds an item by id (``None`` when there is none): ``dossier.find``, ``dict.get``...
Lookup = Callable[[str], Any]


def date_text(date: _dt.date | None, precision: Precision | str | None = Precision.day,
              undated: str = "") -> str:
    """ISO text of a date cut to its precision.

    >>> date_text(_dt.date(2018, 2, 1), "month")
    '2018-02'
    >>> date_text(_dt.date(2013, 1, 1), Precision.year)
    '2013'
    """
    if date is None:
        return undated
    value = precision.value if isinstance(precision, Precision) else precision
    if value == "year":
        return f"{date.year:04d}"
    if value == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def _dated_by(item: Any, lookup: Lookup) -> Any:
    """The item whose date ``item`` bears: itself, its event, or ``None`` when undated."""
    values = item.__dict__  # the model's fields: a missing one is not an error here
    if values.get("date") is not None:
        return item
    at = values.get("at")
    if at is not None:
        event = lookup(at)
        if isinstance(event, Event):
            return event
    return None


def date_of(item: Any, lookup: Lookup) -> _dt.date | None:
    """The date an item bears: its own ``date``, else the date of its event (``at``, found with
    ``lookup``), else ``None``.

    >>> from argmap.model import Demand, Event
    >>> e = Event(id="e", date="2019-07-23", kind="meeting", title="t")
    >>> date_of(Demand(id="d", text="t", to="m", at="e"), {"e": e}.get)
    datetime.date(2019, 7, 23)
    """
    values = item.__dict__  # the model's fields (graphs of 100,000 items ask this of each)
    date = values.get("date")
    if date is None and (at := values.get("at")) is not None:
        event = lookup(at)
        if isinstance(event, Event):
            return event.date
    return date


def precision_of(item: Any, lookup: Lookup) -> str:
    """How much of an item's date is known (``day``, ``month`` or ``year``): its own precision,
    its event's when the date comes from the event, or its figure's (``as_of_precision``) for
    evidence dated only by its figure.

    >>> from argmap.model import Demand, Event
    >>> e = Event(id="e", date="2018-02-01", precision="month", kind="meeting", title="t")
    >>> precision_of(Demand(id="d", text="t", to="m", at="e"), {"e": e}.get)
    'month'
    """
    holder = _dated_by(item, lookup)
    if holder is None:  # evidence dated only by its figure's as_of
        figure = item.__dict__.get("value")
        if figure is not None and getattr(figure, "as_of", None) is not None:
            return str(figure.as_of_precision.value)
    precision = (item if holder is None else holder).__dict__.get("precision")
    return precision.value if isinstance(precision, Precision) else "day"


def date_range(dossier: Dossier) -> tuple[tuple[_dt.date, str], tuple[_dt.date, str]] | None:
    """The earliest and the latest date the dossier's items bear, each with the id of the item
    bearing it (the smallest id on a tie), or ``None`` when nothing is dated."""
    lookup = dossier.find
    dated = [(date, item.id) for _, _, item in dossier.items()
             if (date := date_of(item, lookup)) is not None]
    return (min(dated), max(dated)) if dated else None


def latest_date(dossier: Dossier) -> _dt.date | None:
    """The latest date any item bears: what overdue is judged on when no date is given (never
    the clock, so the same dossier always gives the same maps, pages and briefs)."""
    found = date_range(dossier)
    return None if found is None else found[1][0]
