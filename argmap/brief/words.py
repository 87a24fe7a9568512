"""The brief's words (dates and figures are written by :mod:`argmap.l10n`, as in every output).

The words themselves are in :mod:`argmap.words`: the brief's own phrases under ``brief.<key>``
(:func:`label`), the terms every output shares, such as status names and kinds, under their own
key (:func:`term`). Templates use ``str.format`` fields; :func:`fill` fills them while escaping
both the template's own text and every value for the output format, so that a renderer never
mixes trusted markup with dossier text by accident.
"""

from __future__ import annotations

import string
from collections.abc import Callable

from ..text import shorten
from ..words import word

__all__ = ["Raw", "clip", "fill", "label", "say", "term"]


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


def clip(text: str, width: int, lang: str | None = None) -> str:
    """``text`` cut to ``width`` columns (``…`` when cut, between phrases where ``lang`` has them),
    never inside quotation marks it opens: a cut that would leave one open is moved back to
    before it.

    >>> clip('Sent a notice that "for the time being, nothing will be entered"', 40)
    'Sent a notice that…'
    >>> clip("「強制するものではない」と答えた", 8)
    '…'
    """
    cut = shorten(text, width, lang)
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

