"""The timeline: dated items left to right, one column per day, with the links between them."""

from __future__ import annotations

import graphviz

from ..dossier import Dossier
from ..model import said_for
from ..tracking import TimelineEntry
from ..tracking import timeline
from .. import text as tx
from .escape import html
from .context import Context
from .labels import NODE
from .legend import add_legend
from .options import RenderOptions
from .style import ANSWER, EFFECT, GREY, LINK, RELATION

__all__ = ["ALL", "KINDS", "PIN_ABOVE", "timeline_map"]

KINDS = frozenset({"event", "claim", "demand", "response", "evidence", "action"})
ALL = KINDS | {"source"}

#: Above this many nodes the view places the columns itself (``dot`` would route every link
#: through a chain of virtual nodes, one per day it spans, which takes minutes).
PIN_ABOVE = 600
_PT_PER_COLUMN = 6.2  # width of one display column at 11 pt, in points
_GAP = 12.0


def _height(ctx: Context, entry: TimelineEntry) -> float:
    """Estimated height in points of an entry's node (band, wrapped text, meta line)."""
    lines = len(tx.wrap(ctx.t(entry.title), ctx.options.wrap, ctx.options.max_lines))
    return 22 + 16 * lines + (14 if entry.kind in ("demand", "response", "event") else 0) + 10


def timeline_map(dossier: Dossier, options: RenderOptions | None = None) -> graphviz.Digraph:
    """Dated items in date order left to right, same-day items in one column under their date.

    Links: answers to their demands, actions to what they bear on, argument relations, and
    items to the event they belong to. Undated items are left out (they have no place on it).
    """
    options = options or RenderOptions()
    base = KINDS if options.kinds is None else ALL
    ctx = Context(dossier, options, "timeline", base)
    g = ctx.new_graph("timeline", "LR")
    g.graph_attr.update(ranksep="0.35", nodesep="0.2")
    days = []
    for day in timeline(ctx.dossier, options.as_of, graph=ctx.graph):
        entries = [e for e in day.entries if ctx.shown(e.id) and e.kind in ctx.kinds]
        if entries:
            days.append((day.date, entries))
    on_it = {e.id for _, entries in days for e in entries}
    ctx.left_out = sum(1 for i in ctx.visible  # undated: they have no column
                       if i not in on_it and ctx.dossier.kind_of(i) in ctx.kinds & KINDS)
    ctx.check_size(sum(len(e) for _, e in days) + len(days))
    pin = ctx.size > PIN_ABOVE and options.engine in (None, "neato")
    column = ctx.options.wrap * _PT_PER_COLUMN + 40
    if pin:
        g.engine = "neato"
        g.graph_attr.update(notranslate="true", splines="line", overlap="true")
    drawn: set[str] = set()
    previous = None
    for index, (date, entries) in enumerate(days):
        axis = f"_day__{date.isoformat()}"
        with g.subgraph() as col:
            col.attr(rank="same")
            col.node(axis, label=f"<<B>{html(date.isoformat())}</B>>", shape="plaintext",
                     fontsize="12")
            y = -20.0
            for entry in entries:
                NODE[entry.kind](ctx, col, ctx.dossier.get(entry.id))
                drawn.add(entry.id)
                if pin:  # a second statement for the node adds its position
                    h = _height(ctx, entry)
                    col.node(entry.id, pos=f"{index * column:.0f},{y - h / 2:.0f}!")
                    y -= h + _GAP
            if pin:
                col.node(axis, pos=f"{index * column:.0f},0!")
        if previous is not None:  # the date axis keeps the columns in order
            g.edge(previous, axis, color=ctx.color(GREY), penwidth="2", arrowhead="none",
                   weight="100")
        previous = axis
    _links(ctx, g, drawn)
    add_legend(ctx, g, after=None if pin else previous)
    if pin and ctx.options.legend and ctx.used:  # -n2 needs a position for every node
        g.node("_legend__table", pos=f"{(len(days) + 1) * column:.0f},-200!")
        for i, kind in enumerate(sorted(k[5:] for k in ctx.used if k.startswith("kind."))):
            g.node(f"_legend__kind_{kind}", pos=f"{(len(days) + 2) * column:.0f},{-30 * i:.0f}!")
    g = ctx.finish(g, "timeline")
    if pin:
        g.engine = "neato"
    return g


def _links(ctx: Context, g: graphviz.Digraph, drawn: set[str]) -> None:
    """Edges between drawn items; none constrains the layout, the dates alone decide columns."""
    free = {"constraint": "false"}
    for r in sorted(ctx.dossier.responses, key=lambda r: r.id):
        if r.id in drawn:
            for t in r.to:
                if t in drawn:
                    said = said_for(r, t)
                    look = ANSWER[said]
                    ctx.used.add(f"answer.{said.value}")
                    g.edge(t, r.id, color=ctx.color(look.color), style=look.style, **free)
    for a in sorted(ctx.dossier.actions, key=lambda a: a.id):
        if a.id in drawn:
            for e in a.effects:
                if e.on in drawn:
                    look = EFFECT[e.type]
                    ctx.used.add(f"effect.{e.type.value}")
                    g.edge(e.on, a.id, color=ctx.color(look.color), style=look.style,
                           penwidth=str(look.penwidth), arrowhead=look.arrowhead, **free)
    for rel in sorted(ctx.dossier.relations, key=lambda r: r.id):
        if rel.to in drawn:
            look = RELATION[rel.type]
            for p in rel.from_:
                if p in drawn:
                    ctx.used.add(f"rel.{rel.type.value}")
                    g.edge(p, rel.to, color=ctx.color(look.color), style=look.style,
                           penwidth=str(look.penwidth), arrowhead=look.arrowhead, **free)
    for section in ("claims", "demands", "responses", "evidence", "actions"):
        for item in sorted(getattr(ctx.dossier, section), key=lambda i: i.id):
            at = getattr(item, "at", None)
            if item.id in drawn and at in drawn:
                ctx.used.add("link")
                g.edge(at, item.id, color=ctx.color(LINK.color), style=LINK.style,
                       penwidth=str(LINK.penwidth), arrowhead=LINK.arrowhead, **free)
