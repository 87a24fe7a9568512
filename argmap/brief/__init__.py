"""The debate brief: what one side can take into a meeting, and print.

For the chosen side (an actor and its divisions), in this order: a table of its demands (date,
to whom, what was said, what was done); (1) its position (its ``main: true`` claim, or a chosen
motion) and, in plain words, whether it stands on the arguments on file; (2) the supporting
arguments, each with its evidence, for the position and for each of the side's other main
positions and demands; (3) the counter-arguments on file against any of these, each with its
rebuttals and its own grounds, those that still need a reply flagged; (4) the other side's
answers on the record (their words quoted only where the dossier has them verbatim, else our
summary, marked as ours), the arguments about them, and what was done afterwards (kept or broken
only after a commitment); (5) the demands still open; (6) the key dates; then how the arguments
are weighed, and a numbered source list. Every fact cites its source and locator.

>>> from argmap.io.files import load
>>> text = brief(load("claims/mynumber-card.yaml"), "jichiroren", lang="ja")  # doctest: +SKIP
>>> write_brief(load("claims/mynumber-card.yaml"), "jichiroren",
...             "renders/mynumber-card-brief-en.html")  # doctest: +SKIP

:func:`build_brief` gives the brief as data (:class:`~argmap.brief.content.Brief`);
:func:`brief` writes it as Markdown or HTML; :func:`write_brief` writes it to a file.
The same dossier and arguments always give byte-identical output.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

import networkx as nx

from ..dates import latest_date
from ..dossier import Dossier
from ..errors import FileError, UnknownReferenceError
from ..io.atomic import write_atomic
from ..gc_pause import paused_gc
from ..graph import build_graph
from ..tracking import DateLike, as_date, demand_status
from . import argument, record
from .case import Case
from .cites import Registry
from .content import Brief
from .html import to_html
from .markdown import to_markdown
from .scope import as_it_stood, choose_motion, side_family
from .standing import Standings

__all__ = ["BRIEF_FORMATS", "Brief", "brief", "build_brief", "brief_format", "write_brief"]

#: Output formats and the file suffixes that name them.
BRIEF_FORMATS: dict[str, tuple[str, ...]] = {"md": (".md", ".markdown"), "html": (".html", ".htm")}


def build_brief(dossier: Dossier, side: str, motion: str | None = None, lang: str = "en",
                as_of: DateLike = None, *, today: _dt.date | None = None,
                timeout: float = 10.0) -> Brief:
    """The brief for ``side`` as data.

    ``motion`` is the claim or demand argued for (default: the side's ``main: true`` claim).
    ``as_of`` builds the brief from what was on file on that date. Overdue demands are judged on
    ``as_of``, else on ``today``, else on the latest date in the dossier (never the clock).
    ``timeout`` bounds the seconds spent on preferred extensions. An unknown side or motion raises
    :class:`~argmap.errors.UnknownReferenceError` with a "did you mean" hint.
    """
    with paused_gc():  # hundreds of thousands of small acyclic objects on large dossiers
        return _build(dossier, side, motion, lang, as_date(as_of), today, timeout)


def _build(dossier: Dossier, side: str, motion: str | None, lang: str,
           as_of: _dt.date | None, today: _dt.date | None, timeout: float) -> Brief:
    cut = as_it_stood(dossier, as_of)
    graph: nx.MultiDiGraph = build_graph(cut)  # built once: every section reads this graph
    family = side_family(graph, side)  # actors are never cut: the side is known on any date
    # a motion given is checked against the whole dossier, so that one made after the as-of
    # date is reported as such rather than as unknown
    chosen, others = choose_motion(cut if motion is None else dossier, family, motion)
    if chosen is not None and chosen not in cut:
        raise UnknownReferenceError(
            f"'{chosen}' is dated {dossier.date_of(chosen)}, after the as-of date {as_of}",
            path=("motion",))
    others = tuple(o for o in others if o in cut)
    judged_on = as_of or today or latest_date(cut)
    standings = Standings(cut, timeout=timeout)
    case = Case(cut, graph, lang, Registry(cut, lang), standings.label, family)
    # Sections are built in the order they are shown, so sources number in order of first use
    # (the demands table cites nothing: it is built last).
    standing = standings.standing(chosen) if chosen is not None else None
    defeaters = standings.defeaters(chosen) if chosen is not None else []
    position = argument.position(case, chosen, others, standing, defeaters)
    statuses = demand_status(cut, as_of, graph=graph, today=judged_on)
    mine = record.side_statuses(case, statuses, family)
    # everything on file that bears on the side: its position, its other main positions, its
    # demands, and every argument attached to them on either side
    support, more, shown = argument.support(case, chosen, others + tuple(s.demand for s in mine))
    counters = argument.counters(case, shown)
    answers = record.answers(case, mine, family)
    open_demands = record.open_demands(case, mine, judged_on)
    days = record.key_dates(case, record.key_ids(case, chosen, mine, family), as_of)
    return Brief(
        lang=lang, side=side, side_name=case.full_name(side),
        case=case.text(dossier.info.title) if dossier.info is not None else "",
        motion=chosen, as_of=as_of, judged_on=judged_on, position=position, support=support,
        counters=counters, answers=answers, open=open_demands, timeline=days,
        sources=case.registry.entries(), glance=record.glance(case, mine), more_support=more,
        deadlines=any(s.deadline is not None for s in mine),
        side_plural=case.plural((side,)))


def brief(dossier: Dossier, side: str, motion: str | None = None, lang: str = "en",
          as_of: DateLike = None, format: str = "md", *, today: _dt.date | None = None,
          timeout: float = 10.0, with_map: bool = True) -> str:
    """The brief for ``side`` as Markdown (``format="md"``) or one self-contained HTML file
    (``format="html"``; ``with_map`` embeds the demands map as inline SVG). Arguments as for
    :func:`build_brief`.

    >>> from argmap.io.files import load
    >>> print(brief(load("claims/mynumber-card.yaml"), "jichiroren")[:40])  # doctest: +SKIP
    # Debate brief: Japan Federation of Pre
    """
    if format not in BRIEF_FORMATS:
        raise FileError(f"unknown brief format '{format}' (choose md or html)")
    data = build_brief(dossier, side, motion, lang, as_of, today=today, timeout=timeout)
    if format == "md":
        return to_markdown(data)
    return to_html(data, dossier if with_map else None)


def brief_format(path: str | os.PathLike[str]) -> str:
    """``md`` or ``html`` from a file's suffix; :class:`~argmap.errors.FileError` otherwise."""
    suffix = Path(path).suffix.lower()
    for name, suffixes in BRIEF_FORMATS.items():
        if suffix in suffixes:
            return name
    raise FileError("cannot tell the brief format from the suffix; use .md or .html",
                    file=str(path))


def write_brief(dossier: Dossier, side: str, path: str | os.PathLike[str],
                motion: str | None = None, lang: str = "en", as_of: DateLike = None,
                format: str | None = None, *, today: _dt.date | None = None,
                timeout: float = 10.0, with_map: bool = True) -> Path:
    """Write the brief to ``path`` (format from its suffix unless given), atomically: a failed
    write leaves any previous file as it was. Returns the path written."""
    text = brief(dossier, side, motion, lang, as_of, format or brief_format(path), today=today,
                 timeout=timeout, with_map=with_map)
    return write_atomic(path, text)
