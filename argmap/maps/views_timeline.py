"""The timeline: time runs down the page, one lane per actor, spaced by the time that passed.

Each day that has items is a row; the date sits on the axis at the left, written only as far as
it is known (``2013``, ``2017-11``, ``2019-07-23``). Beside it are the day's events, then one
lane per actor (a body and the bodies that are part of it): those who made demands first, then
those who were asked, then the rest, with the evidence and press in a lane of their own. So a
demand, its answer and the action that followed read across and down: demand on the left, the
answer beside it, the action further down in the lane of whoever acted.

Rows are spaced by the time between them (a logarithmic scale: a day, a month and a year apart
look different, a long gap never takes a page); gaps of months or years say how long they are.
The view places every node itself (``neato -n2`` only routes the links), so a dossier of
thousands of items lays out in seconds, and the DOT is the same on any machine.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

import graphviz

from .. import text as tx
from ..dates import precision_of
from ..lang import is_cjk
from ..dossier import Dossier
from ..model import said_for
from ..tracking import timeline
from .context import Context
from .escape import html
from .labels import NODE
from .legend import add_legend
from .options import RenderOptions
from .style import ANSWER, EFFECT, GREY, LINK, RELATION

__all__ = ["ALL", "KINDS", "MAX_LANES", "STRAIGHT_ABOVE", "timeline_map", "timeline_pages"]

KINDS = frozenset({"event", "claim", "demand", "response", "evidence", "action"})
ALL = KINDS | {"source"}

#: Above this many nodes the links are drawn straight (routing splines round thousands of
#: nodes takes minutes).
STRAIGHT_ABOVE = 600
#: At most this many actor lanes; the other actors share a last lane.
MAX_LANES = 6

_PT_PER_COLUMN = 5.7  # width of one display column at 10 pt, in points
_LANE_GAP = 14.0  # between lanes, in points (nine lanes stay under 2,500 px at 96 dpi)
_STACK_GAP = 10.0  # between items of one day in one lane
_AXIS = 110.0  # width of the date axis
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def _height(ctx: Context, kind: str, item: Any) -> float:
    """A generous estimate of a node's height in points (bands, wrapped text, small print).

    Graphviz sizes each node to its label; the estimate only spaces the stack, so it errs on
    the large side (CJK lines are taller).
    """
    text = getattr(item, "text", None) or getattr(item, "title", None) or getattr(
        item, "quote", None) or ""
    line = 16.0 if is_cjk(ctx.lang) or tx.has_cjk(ctx.t(text)) else 14.0
    limit = 2 if kind in ("event", "source") else (3 if kind in ("response", "action",
                                                                 "evidence") else None)
    lines = len(tx.wrap(ctx.t(text), ctx.options.wrap, limit or ctx.options.max_lines,
                        balance=False, lang=ctx.lang))
    band = line + 4 + (line if getattr(item, "main", False) else 0)
    meta = {"demand": 2, "response": 2, "event": 1, "evidence": 2 if getattr(
        item, "value", None) is not None else 0}.get(kind, 0)
    return 18 + band + line * lines + 13 * meta


def _root(ctx: Context, actor_id: str) -> str:
    """The body an actor is part of, at the top (itself when it has no parent)."""
    seen = {actor_id}
    while actor_id in ctx.dossier:
        parent = getattr(ctx.dossier.get(actor_id), "parent", None)
        if not parent or parent in seen or parent not in ctx.dossier:
            break
        seen.add(parent)
        actor_id = parent
    return actor_id


def _lane_of(ctx: Context, kind: str, item: Any) -> str:
    """The lane key of an item: ``events``, ``evidence``, or the root of its first actor."""
    if kind == "event":
        return "events"
    if kind in ("evidence", "source"):
        return "evidence"
    by = list(getattr(item, "by", None) or [])
    return _root(ctx, by[0]) if by else "other"


def _lanes(ctx: Context, entries: list[tuple[str, Any]]) -> tuple[list[str], dict[str, str]]:
    """The lane keys in order, and the lane of each actor root (the many share ``other``)."""
    count: Counter[str] = Counter()
    role: dict[str, int] = {}
    for kind, item in entries:
        key = _lane_of(ctx, kind, item)
        if key in ("events", "evidence", "other"):
            continue
        count[key] += 1
        # 0: made demands; 1: was asked or answered; 2: acted or argued
        here = 0 if kind == "demand" else 1 if kind == "response" else 2
        role[key] = min(role.get(key, 2), here)
        if kind == "demand":
            for to in item.to:
                role[_root(ctx, to)] = min(role.get(_root(ctx, to), 2), 1)
    actors = sorted(count, key=lambda k: (role.get(k, 2), -count[k], k))
    kept = actors[:MAX_LANES] if len(actors) > MAX_LANES + 1 else actors
    lane = {a: (a if a in kept else "other") for a in actors}
    keys = ["events", *kept]
    if any(v == "other" for v in lane.values()) or any(
            _lane_of(ctx, k, i) == "other" for k, i in entries):
        keys.append("other")
    if any(_lane_of(ctx, k, i) == "evidence" for k, i in entries):
        keys.append("evidence")
    lane.update({"events": "events", "evidence": "evidence", "other": "other"})
    return [k for k in keys if any(lane[_lane_of(ctx, kd, i)] == k for kd, i in entries)], lane


def _lane_name(ctx: Context, key: str) -> str:
    if key == "events":
        return ctx.w("lane.events")
    if key == "evidence":
        return ctx.w("lane.evidence")
    if key == "other":
        return ctx.w("lane.other")
    actor = ctx.dossier.get(key) if key in ctx.dossier else None
    name = ctx.t(getattr(actor, "short", None) or getattr(actor, "name", key)) if actor else key
    return tx.shorten(name, 24)


def _gap(days: int) -> float:
    """Space in points between two rows ``days`` apart: grows with the log of the time."""
    return 14.0 + 40.0 * math.log2(1 + days / 30)


def _gap_words(ctx: Context, days: int) -> str | None:
    """``about 3 years`` for a long gap, ``about 2 months`` for a middling one, else None."""
    if days >= 330:
        years = round(days / 365)
        return ctx.w("gap.years", n=years) if years > 1 else ctx.w("gap.year")
    if days >= 45:
        return ctx.w("gap.months", n=round(days / 30.4))
    return None


def _day_label(ctx: Context, date: _dt.date, items: list[Any]) -> str:
    """The date as far as the day's items know it (the most precise of them)."""
    best = max((_PRECISION_RANK[precision_of(i, ctx.dossier.find)] for i in items), default=2)
    precision = {v: k for k, v in _PRECISION_RANK.items()}[best]
    return ctx.date_words(date, precision)


@dataclass
class _Timeline:
    """The timeline of a dossier before it is drawn: its days, its lanes and where they go."""

    ctx: Context
    days: list[tuple[_dt.date, list[tuple[str, Any]]]]
    lanes: list[str]
    lane_of: dict[str, str]
    x_of: dict[str, float]
    width: float  # of a node, in points


def _prepare(dossier: Dossier, options: RenderOptions | None) -> _Timeline:
    options = options or RenderOptions()
    base = KINDS if options.kinds is None else ALL
    ctx = Context(dossier, options, "timeline", base)
    days: list[tuple[_dt.date, list[tuple[str, Any]]]] = []
    for day in timeline(ctx.dossier, options.as_of, graph=ctx.graph):
        entries = [(e.kind, ctx.dossier.get(e.id)) for e in day.entries
                   if ctx.shown(e.id) and e.kind in ctx.kinds]
        if entries:
            days.append((day.date, entries))
    on_it = {item.id for _, entries in days for _, item in entries}
    ctx.left_out = sum(1 for i in ctx.visible  # undated: they have no column
                       if i not in on_it and ctx.dossier.kind_of(i) in ctx.kinds & KINDS)
    ctx.check_size(sum(len(e) for _, e in days) + len(days))
    everything = [entry for _, entries in days for entry in entries]
    lanes, lane_of = _lanes(ctx, everything)
    width = ctx.options.wrap * _PT_PER_COLUMN + 30
    x_of = {key: _AXIS + (i + 0.5) * (width + _LANE_GAP) for i, key in enumerate(lanes)}
    return _Timeline(ctx, days, lanes, lane_of, x_of, width)


def _rows(tl: _Timeline) -> list[tuple[float, float]]:
    """Where each day's row starts and ends down the page (negative y, in points), with the gap
    before it, as :func:`_draw` places them when it draws every day."""
    out = []
    y = -36.0
    for i, (date, entries) in enumerate(tl.days):
        if i:
            y -= _gap((date - tl.days[i - 1][0]).days)
        tops = {key: y for key in tl.lanes}
        for kind, item in entries:
            key = tl.lane_of[_lane_of(tl.ctx, kind, item)]
            tops[key] -= _height(tl.ctx, kind, item) + _STACK_GAP
        out.append((y, min(tops.values()) + _STACK_GAP))
        y = out[-1][1]
    return out


def timeline_map(dossier: Dossier, options: RenderOptions | None = None) -> graphviz.Digraph:
    """Dated items down the page, one row per day, one lane per actor (see the module docstring).

    Links: answers to their demands, actions to what they bear on, argument relations, and
    items to the event they belong to. Undated items are left out (they have no place on it).
    """
    tl = _prepare(dossier, options)
    return _draw(tl, tl.days)


#: A page of the timeline is at most this tall, in points, for every ``_PAGE_RATIO`` of its
#: width (the proportions of an A-series sheet, landscape); the first page also holds the legend.
_PAGE_RATIO = 1 / math.sqrt(2)
_LEGEND_ROOM = 420.0
_TITLE_ROOM = 90.0


def timeline_pages(dossier: Dossier, options: RenderOptions | None = None
                   ) -> list[graphviz.Digraph]:
    """The timeline cut into periods at day boundaries, each as tall as a landscape sheet as
    wide as the timeline, with the lane headings on every page and the legend on the first.

    Each page names its number and the dates it covers. Links between items on different pages
    are not drawn (each item's own label says its date, and a demand's what was said and done).
    """
    tl = _prepare(dossier, options)
    if not tl.days:
        return [_draw(tl, tl.days)]
    ctx = tl.ctx
    page_width = _AXIS + len(tl.lanes) * (tl.width + _LANE_GAP)
    tall = page_width * _PAGE_RATIO - _TITLE_ROOM
    chunks: list[list[int]] = [[]]
    top = 0.0
    for i, (start, end) in enumerate(_rows(tl)):
        room = tall - (_LEGEND_ROOM if len(chunks) == 1 else 0.0)
        if chunks[-1] and top - end > room:
            chunks.append([])
        if not chunks[-1]:
            top = start
        chunks[-1].append(i)
    if len(chunks) == 1:
        return [_draw(tl, tl.days)]
    pages = []
    for k, chunk in enumerate(chunks, 1):
        days = [tl.days[i] for i in chunk]
        first, last = (_day_label(ctx, d, [i for _, i in e]) for d, e in (days[0], days[-1]))
        caption = (f"{ctx.w('sheet.page', k=k, n=len(chunks))} · "
                   f"{ctx.w('sheet.period', start=first, end=last)}")
        pages.append(_draw(tl, days, caption, legend=k == 1))
    return pages


def _draw(tl: _Timeline, days: list[tuple[_dt.date, list[tuple[str, Any]]]],
          caption: str | None = None, legend: bool = True) -> graphviz.Digraph:
    """The timeline of ``days`` (all of them, or one page's), headed by the lanes."""
    ctx, lanes, lane_of, x_of, width = tl.ctx, tl.lanes, tl.lane_of, tl.x_of, tl.width
    ctx.used = set()
    g = ctx.new_graph("timeline", "TB")
    g.node_attr["fontsize"] = "10"
    g.engine = "neato"
    g.graph_attr.update(notranslate="true", overlap="true",
                        splines="line" if ctx.size > STRAIGHT_ABOVE else "true")
    g.graph_attr.pop("rankdir", None)
    for key in lanes:  # lane headings
        g.node(f"_lane__{key}", label=f"<<B>{html(_lane_name(ctx, key))}</B>>",
               shape="plaintext", fontsize="13", pos=f"{x_of[key]:.0f},0!")
    drawn: set[str] = set()
    y = -36.0
    previous: tuple[_dt.date, str] | None = None
    spine = {"color": ctx.color(GREY), "penwidth": "2", "arrowhead": "none"}
    for date, entries in days:
        axis = f"_day__{date.isoformat()}"
        if previous is not None:
            apart = (date - previous[0]).days
            y -= _gap(apart)
            words = _gap_words(ctx, apart)
            if words:  # how long the gap is, on the axis halfway between the rows: a break in it
                gap = f"_gap__{date.isoformat()}"
                # not italic: only the regular and bold faces of the named fonts are installed
                g.node(gap, label=f"<{html(words)}>", shape="plaintext", fontsize="10",
                       fontcolor=ctx.color(GREY), pos=f"{_AXIS / 2:.0f},{y + _gap(apart) / 2:.0f}!")
                g.edge(previous[1], gap, **spine)
                previous = (previous[0], gap)
        g.node(axis, label=f"<<B>{html(_day_label(ctx, date, [i for _, i in entries]))}</B>>",
               shape="plaintext", fontsize="12", pos=f"{_AXIS / 2:.0f},{y - 10:.0f}!")
        if previous is not None:  # the axis: a grey spine from day to day
            g.edge(previous[1], axis, **spine)
        previous = (date, axis)
        tops = {key: y for key in lanes}
        for kind, item in entries:
            key = lane_of[_lane_of(ctx, kind, item)]
            h = _height(ctx, kind, item)
            NODE[kind](ctx, g, item)
            g.node(item.id, pos=f"{x_of[key]:.0f},{tops[key] - h / 2:.0f}!",
                   width=f"{width / 72:.2f}")
            tops[key] -= h + _STACK_GAP
            drawn.add(item.id)
        y = min(tops.values()) + _STACK_GAP
    _links(ctx, g, drawn)
    if legend:
        add_legend(ctx, g, titled=True)
    if legend and ctx.options.legend and ctx.used:  # -n2 needs every node placed: below the end
        # the table (its title first) under the last row, the sample shapes under the table
        table = next(line for line in g.body if "_legend__table [" in line)
        tall = 17.0 * table.count("<TR>")  # a row of the table is at most about 17 pt tall
        top = y - 50
        g.node("_legend__table", pos=f"{_AXIS + 170:.0f},{top - tall / 2:.0f}!")
        kinds = sorted(k[5:] for k in ctx.used if k.startswith("kind."))
        for i, kind in enumerate(kinds):
            g.node(f"_legend__kind_{kind}",
                   pos=f"{_AXIS + 40 + 70 * i:.0f},{top - tall - 30:.0f}!")
    g = ctx.finish(g, "timeline")
    g.engine = "neato"
    if caption:
        ctx.under_title(g, f'<FONT POINT-SIZE="13">{html(caption)}</FONT>')
    return g


def _links(ctx: Context, g: graphviz.Digraph, drawn: set[str]) -> None:
    """Edges between drawn items: answers, effects of actions, argument relations, events."""
    for r in sorted(ctx.dossier.responses, key=lambda r: r.id):
        if r.id in drawn:
            for t in r.to:
                if t in drawn:
                    said = said_for(r, t)
                    look = ANSWER[said]
                    ctx.used.add(f"answer.{said.value}")
                    g.edge(t, r.id, color=ctx.color(look.color), style=look.style,
                           penwidth=str(look.penwidth))
    for a in sorted(ctx.dossier.actions, key=lambda a: a.id):
        if a.id in drawn:
            for e in a.effects:
                if e.on in drawn:
                    look = EFFECT[e.type]
                    ctx.used.add(f"effect.{e.type.value}")
                    g.edge(e.on, a.id, color=ctx.color(look.color), style=look.style,
                           penwidth=str(look.penwidth), arrowhead=look.arrowhead)
    for rel in sorted(ctx.dossier.relations, key=lambda r: r.id):
        if rel.to in drawn:
            look = RELATION[rel.type]
            for p in rel.from_:
                if p in drawn:
                    ctx.used.add(f"rel.{rel.type.value}")
                    g.edge(p, rel.to, color=ctx.color(look.color), style=look.style,
                           penwidth=str(look.penwidth), arrowhead=look.arrowhead)
    for section in ("claims", "demands", "responses", "evidence", "actions"):
        for item in sorted(getattr(ctx.dossier, section), key=lambda i: i.id):
            at = getattr(item, "at", None)
            # an item on its event's row needs no line to say so
            if item.id in drawn and at in drawn and ctx.date(item.id) != ctx.date(at):
                ctx.used.add("link")
                g.edge(at, item.id, color=ctx.color(LINK.color), style=LINK.style,
                       penwidth=str(LINK.penwidth), arrowhead=LINK.arrowhead)
