"""Dates as people read them: only as much of a date as is known (``2018-02`` for a month)."""

from __future__ import annotations

import datetime as _dt

from .model import Precision


def date_text(date: _dt.date | None, precision: Precision | str = Precision.day,
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


def item_date_text(item: object, undated: str = "") -> str:
    """The date of an item with a ``date`` and ``precision`` (own date only), cut to precision."""
    return date_text(getattr(item, "date", None), getattr(item, "precision", Precision.day),
                     undated)
