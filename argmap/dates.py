"""Dates as people read them: only as much of a date as is known (``2018-02`` for a month).

An item's date is its own, else that of its event (``at``); so is its precision. Every module
that shows a date asks here, so a month-only date reads ``2018-02`` everywhere.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from .model import Precision


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


def precision_of(item: object, lookup: Callable[[str], object | None]) -> str:
    """How much of an item's date is known: its own precision, its event's when the date comes
    from the event, or its figure's (``as_of_precision``) for evidence dated only by its figure.
    ``lookup`` finds an item by id (``None`` when there is none).

    >>> from argmap.model import Demand, Event
    >>> e = Event(id="e", date="2018-02-01", precision="month", kind="meeting", title="t")
    >>> precision_of(Demand(id="d", text="t", to="m", at="e"), {"e": e}.get)
    'month'
    """
    if getattr(item, "date", None) is None and getattr(item, "at", None):
        event = lookup(item.at)  # type: ignore[attr-defined]
        if event is not None:
            item = event
    elif getattr(item, "date", None) is None:  # evidence dated only by its figure's as_of
        figure = getattr(item, "value", None)
        if figure is not None and figure.as_of is not None:
            return figure.as_of_precision.value  # type: ignore[no-any-return]
    precision = getattr(item, "precision", None)
    return precision.value if isinstance(precision, Precision) else "day"
