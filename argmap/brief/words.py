"""The brief's words and the way dates and figures are written in each language.

The words themselves are in :mod:`argmap.words`: the brief's own phrases under ``brief.<key>``
(:func:`label`), the terms every output shares, such as status names and kinds, under their own
key (:func:`term`). Templates use ``str.format`` fields; :func:`fill` fills them while escaping
both the template's own text and every value for the output format, so that a renderer never
mixes trusted markup with dossier text by accident.
"""

from __future__ import annotations

import datetime as _dt
import string
from collections.abc import Callable

from ..text import shorten
from ..words import word

__all__ = ["Raw", "clip", "fill", "format_date", "format_number", "label", "say", "term"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


class Raw(str):
    """Text already written in the output format: :func:`fill` inserts it unescaped."""


def label(key: str, lang: str) -> str:
    """The brief's own phrase ``brief.<key>`` in ``lang``, else in English.

    >>> label("sec.open", "ja"), label("sec.open", "fr")
    ('5. 未解決の要求', '5. Open demands')
    """
    return word(f"brief.{key}", lang)


def term(key: str, lang: str) -> str:
    """A term every output shares (``said.deflected``, ``kind.demand``...) in ``lang``.

    >>> term("kind.response", "ja")
    '回答'
    """
    return word(key, lang)


def fill(template: str, escape: Callable[[str], str], **values: object) -> str:
    """Fill a template: its literal text and plain values are escaped, :class:`Raw` values are not.

    >>> fill("{a} & {b}", lambda s: s.replace("&", "&amp;"), a="x&y", b=Raw("<i>z</i>"))
    'x&amp;y &amp; <i>z</i>'
    """
    out: list[str] = []
    for literal, field, _spec, _conv in string.Formatter().parse(template):
        out.append(escape(literal))
        if field is not None:
            value = values[field]
            out.append(value if isinstance(value, Raw) else escape(str(value)))
    return "".join(out)


def say(key: str, lang: str, escape: Callable[[str], str], **values: object) -> str:
    """:func:`fill` the template ``key`` in ``lang``."""
    return fill(label(key, lang), escape, **values)


_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’"}


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns (``…`` when cut), never inside quotation marks it opens:
    a cut that would leave one open is moved back to before it.

    >>> clip('Sent a notice that "for the time being, nothing will be entered"', 40)
    'Sent a notice that…'
    >>> clip("「強制するものではない」と答えた", 8)
    '…'
    """
    cut = shorten(text, width)
    if not cut.endswith("…") or cut == text:
        return cut
    body = cut[:-1]
    stack: list[tuple[str, int]] = []
    straight = -1
    for i, ch in enumerate(body):
        if ch == '"':
            straight = -1 if straight >= 0 else i
        elif ch in _PAIRS:
            stack.append((_PAIRS[ch], i))
        elif stack and ch == stack[-1][0]:
            stack.pop()
    opened = [i for i in (straight, stack[0][1] if stack else -1) if i >= 0]
    if not opened:
        return cut
    return body[:min(opened)].rstrip(" ,;:、，") + "…"


def format_date(date: _dt.date | None, lang: str, precision: str = "day") -> str:
    """A date as people write it: ``23 July 2019`` / ``2019年7月23日``; ``precision`` ``month``
    or ``year`` drops what is not known.

    >>> format_date(_dt.date(2019, 7, 23), "ja"), format_date(_dt.date(2018, 4, 1), "en", "month")
    ('2019年7月23日', 'April 2018')
    """
    if date is None:
        return term("undated", lang)
    if lang == "ja":
        if precision == "year":
            return f"{date.year}年"
        if precision == "month":
            return f"{date.year}年{date.month}月"
        return f"{date.year}年{date.month}月{date.day}日"
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{_MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def format_number(number: int | float, unit: str) -> str:
    """A figure's value with its unit: ``14.3%``, ``18,233,942 cards``.

    >>> format_number(18233942, "cards"), format_number(14.3, "%"), format_number(20.0, "%")
    ('18,233,942 cards', '14.3%', '20%')
    """
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    text = f"{number:,}"
    if unit in ("%", "‰"):
        return text + unit
    return f"{text} {unit}" if unit else text

