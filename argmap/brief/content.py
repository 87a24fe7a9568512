"""The brief as data: what each section says, with every text already in the brief's language and
every fact carrying its citations. :mod:`.markdown` and :mod:`.html` only lay it out.

Build one with :func:`argmap.brief.build_brief`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ..model import Done, Said
from .cites import Cite, SourceEntry

__all__ = [
    "OPEN_GROUPS", "AnswerOnRecord", "Brief", "Counter", "Day", "Entry", "FigureText", "FollowUp",
    "Ground", "OpenDemand", "Position", "Standing", "Target"
]


@dataclass(frozen=True)
class FigureText:
    """A figure of a piece of evidence: formatted value with unit, what it measures, where,
    and the date it holds for (``as_of_precision``: how much of that date is known)."""

    value: str
    measure: str
    scope: str
    as_of: _dt.date | None
    as_of_precision: str = "day"


@dataclass(frozen=True)
class Entry:
    """One item as the brief shows it.

    ``text`` is the item's text (a response's quote when it has one, an event's title), flattened
    to one line; ``who`` the names of the actors it is by; ``status`` its grounded label
    (``in``, ``out``, ``undec``) when the item takes part in the argument; ``summary`` a
    response's text in our words when ``text`` is its quote; ``ours`` whether the side (or
    one of its divisions) is among its authors.
    """

    id: str
    kind: str
    text: str
    who: tuple[str, ...]
    date: _dt.date | None
    precision: str
    cites: tuple[Cite, ...]
    status: str | None = None
    figure: FigureText | None = None
    summary: str | None = None
    ours: bool = False


@dataclass(frozen=True)
class Ground:
    """An item supporting the one above it, with its own grounds below it.

    ``joint`` gives the shortened texts of the other premises it supports jointly with (linked
    premises); ``repeated``
    is set when the item was already shown higher up (its grounds are not repeated).
    """

    entry: Entry
    joint: tuple[str, ...]
    children: tuple[Ground, ...]
    repeated: bool = False


@dataclass(frozen=True)
class Standing:
    """Whether the motion stands: its grounded label (``in``, ``out``, ``undec``) and whether it
    is in ``all``, ``some`` or ``none`` of the preferred extensions (``timeout`` when that could
    not be computed in time). ``available`` is false when no semantics could be computed."""

    grounded: str | None
    preferred: str | None
    available: bool = True


@dataclass(frozen=True)
class Position:
    """Section 1: the motion, whether it stands, the counter-arguments that stand against it,
    and the side's other main positions."""

    motion: Entry | None
    standing: Standing | None
    defeaters: tuple[Entry, ...]
    others: tuple[Entry, ...]


@dataclass(frozen=True)
class Target:
    """What a counter-argument goes against: an item (``how="attacks"``) or the inference from
    ``premise`` to the item (``how="undercuts"``), and the undercuts on file that dispute that
    this attack counts (each a rebuttal of this attack only)."""

    id: str
    text: str
    how: str
    premise: str | None
    undercut_by: tuple[Entry, ...]


@dataclass(frozen=True)
class Counter:
    """Section 3: one counter-argument, what it goes against, and the rebuttals on file.

    ``rebuttals`` attack the counter-argument itself. ``mutual`` is set when the point it attacks
    attacks it in return: that is disagreement, not a rebuttal, and is not counted as one.
    """

    entry: Entry
    targets: tuple[Target, ...]
    rebuttals: tuple[Entry, ...]
    mutual: bool

    @property
    def unrebutted(self) -> bool:
        """No rebuttal on file for at least one of its attacks: prepare a reply."""
        return not self.rebuttals and any(not t.undercut_by for t in self.targets)


@dataclass(frozen=True)
class FollowUp:
    """A later action bearing on the demands an answer was given to, and what it amounts to on
    the *done* axis of those demands (``delivered``: kept; ``not_delivered``: contradicted ...)."""

    entry: Entry
    done: Done
    demands: tuple[str, ...]


@dataclass(frozen=True)
class AnswerOnRecord:
    """Section 4: an answer on the record from the other side, what it amounts to for each of
    the demands it answered (``said[i]`` for ``demands[i]``), and what was done afterwards."""

    entry: Entry
    said: tuple[Said, ...]
    demands: tuple[Entry, ...]
    followups: tuple[FollowUp, ...]


@dataclass(frozen=True)
class OpenDemand:
    """Section 5: a demand still open. ``group`` is ``overdue``, ``unanswered``, ``on_paper`` or
    ``not_rated`` (its latest answer is on file but nobody has rated it yet); ``waiting`` the
    days since it was made (unanswered ones); ``last`` the latest answer (answered ones)."""

    entry: Entry
    group: str
    to: tuple[str, ...]
    deadline: _dt.date | None
    waiting: int | None
    last: Entry | None
    last_said: Said | None


@dataclass(frozen=True)
class Day:
    """Section 6: the key items of one day."""

    date: _dt.date
    precision: str
    entries: tuple[Entry, ...]


#: The groups of open demands, in the order shown.
OPEN_GROUPS: tuple[str, ...] = ("overdue", "unanswered", "on_paper", "not_rated")


@dataclass(frozen=True)
class Brief:
    """A debate brief for one side: the six sections and the numbered sources they cite.

    ``judged_on`` is the date overdue demands are judged on (the as-of date, else the latest date
    in the dossier). ``case`` is the dossier's title.
    """

    lang: str
    side: str
    side_name: str
    case: str
    motion: str | None
    as_of: _dt.date | None
    judged_on: _dt.date | None
    position: Position
    support: tuple[Ground, ...]
    counters: tuple[Counter, ...]
    answers: tuple[AnswerOnRecord, ...]
    open: tuple[OpenDemand, ...]
    timeline: tuple[Day, ...]
    sources: tuple[SourceEntry, ...]

    @property
    def unrebutted(self) -> tuple[Counter, ...]:
        """The counter-arguments flagged "prepare a reply"."""
        return tuple(c for c in self.counters if c.unrebutted)

    def open_in(self, group: str) -> tuple[OpenDemand, ...]:
        """The open demands of one group (see :data:`OPEN_GROUPS`)."""
        return tuple(o for o in self.open if o.group == group)
