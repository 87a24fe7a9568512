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
    "GlanceRow", "Ground", "OpenDemand", "Position", "Standing", "StandsAgainst", "Target"
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

    ``text`` is the writer's words (an item's ``text``, an event's title), flattened to one line;
    empty for an answer on file only by its quote. ``quote`` is an answer's own words, verbatim
    from the source (its ``quote``), the only text the brief ever puts in quotation marks;
    ``translated`` is set when that quote is given in another language than its source's.
    ``who`` the names of the actors it is by, ``plural`` whether they take a plural verb;
    ``status`` its grounded label (``in``, ``out``, ``undec``) when the item takes part in the
    argument; ``said`` what an answer said (``None`` when it said different things to its
    demands); ``ours`` whether the side (or one of its divisions) is among its authors.
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
    quote: str | None = None
    translated: bool = False
    said: Said | None = None
    plural: bool = False
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
class StandsAgainst:
    """An argument that stands against the motion, and whether replies to it are on file (they
    are then all answered in turn: it would not stand otherwise)."""

    entry: Entry
    replied: bool


@dataclass(frozen=True)
class Position:
    """Section 1: the motion, whether it stands, the arguments that stand against it, and the
    side's other main positions."""

    motion: Entry | None
    standing: Standing | None
    defeaters: tuple[StandsAgainst, ...]
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


#: Where a counter-argument stands, in the order of urgency (see :attr:`Counter.state`).
COUNTER_STATES = ("unanswered", "replies_answered", "contested", "answered")


@dataclass(frozen=True)
class Counter:
    """Section 3: one counter-argument, what it goes against, the rebuttals on file, and the
    grounds given for it.

    ``rebuttals`` attack the counter-argument itself. ``mutual`` is set when the point it attacks
    attacks it in return: that point then answers it too, though it is not counted as a
    rebuttal. ``grounds`` support the counter-argument.
    """

    entry: Entry
    targets: tuple[Target, ...]
    rebuttals: tuple[Entry, ...]
    mutual: bool
    grounds: tuple[Entry, ...] = ()

    @property
    def state(self) -> str:
        """``answered`` when it does not stand, or when each of its attacks is undercut by a
        reply that stands (the point it makes may be true, but it no longer tells against us);
        ``contested`` when grounded semantics leaves it undecided; ``unanswered`` when nothing
        on file replies to one of its attacks; else ``replies_answered`` (it stands: every
        reply is itself answered). Never both answered and unanswered."""
        if self.entry.status == "out" or all(
                any(u.status in ("in", None) for u in t.undercut_by) for t in self.targets):
            return "answered"
        if self.entry.status == "undec":
            return "contested"
        if not self.rebuttals and any(not t.undercut_by for t in self.targets):
            return "unanswered"
        return "replies_answered"

    @property
    def unrebutted(self) -> bool:
        """It still needs a reply: it stands, or is undecided (flagged "prepare a reply")."""
        return self.state != "answered"


@dataclass(frozen=True)
class FollowUp:
    """A later action bearing on the demands an answer was given to, what it amounts to on the
    *done* axis of those demands, and whether the answer had promised it (``promise``: every one
    of those demands was accepted or partly accepted): only then is it kept or broken."""

    entry: Entry
    done: Done
    demands: tuple[str, ...]
    promise: bool = False


@dataclass(frozen=True)
class AnswerOnRecord:
    """Section 4: an answer on the record from the other side, what it amounts to for each of
    the demands it answered (``said[i]`` for ``demands[i]``), what was done afterwards, and the
    arguments on file about it: ``replies`` attack it, ``backing`` supports it."""

    entry: Entry
    said: tuple[Said, ...]
    demands: tuple[Entry, ...]
    followups: tuple[FollowUp, ...]
    replies: tuple[Entry, ...] = ()
    backing: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class GlanceRow:
    """One row of the demands table the brief opens with: the demand, to whom, and what was said
    and done in the words every output uses for that pair (:mod:`argmap.reports.outcome`)."""

    entry: Entry
    to: tuple[str, ...]
    said: str
    done: str


@dataclass(frozen=True)
class OpenDemand:
    """Section 5: a demand still open. ``group`` is ``overdue``, ``unanswered``, ``refused``
    (still open for the side that made it), ``broken`` (promised, then not delivered or
    reversed), ``on_paper`` or ``not_rated`` (its latest answer is on file but nobody has rated
    it yet); ``waiting`` the days since it was made (unanswered ones); ``last`` the latest answer
    (answered ones)."""

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
OPEN_GROUPS: tuple[str, ...] = ("overdue", "unanswered", "refused", "broken", "on_paper",
                                "not_rated")


@dataclass(frozen=True)
class Brief:
    """A debate brief for one side: the demands table, the six sections and the numbered sources
    they cite.

    ``judged_on`` is the date overdue demands are judged on and days without an answer counted
    to (the as-of date, else the latest date in the dossier); ``deadlines`` whether any of the
    side's demands has one. ``case`` is the dossier's title. ``support`` holds the grounds of
    the motion; ``more_support`` the side's other main positions and its demands, each with
    its grounds (only those that have some).
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
    glance: tuple[GlanceRow, ...] = ()
    more_support: tuple[Ground, ...] = ()
    deadlines: bool = False
    side_plural: bool = False

    @property
    def unrebutted(self) -> tuple[Counter, ...]:
        """The counter-arguments flagged "prepare a reply"."""
        return tuple(c for c in self.counters if c.unrebutted)

    def open_in(self, group: str) -> tuple[OpenDemand, ...]:
        """The open demands of one group (see :data:`OPEN_GROUPS`)."""
        return tuple(o for o in self.open if o.group == group)
