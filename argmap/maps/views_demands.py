"""The headline map: which demands got which answers, and what was done about them."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import graphviz

from ..model import Said
from . import text as tx
from .context import Context, Source, as_dossier, stack
from .labels import action_node, demand_node, no_answer_node, response_node, symbols
from .legend import add_legend
from .options import RenderOptions
from .style import ANSWER, EFFECT, GREY, SAID, tint

KINDS = frozenset({"demand", "response", "action"})


def _groups(ctx: Context, demands: list[Any]) -> list[tuple[tuple[Any, ...], list[Any]]]:
    """Demands grouped by the event they were put at (or by date and who put them)."""
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for d in demands:
        date = ctx.date(d.id) or _dt.date.max
        key = (date, "at", d.at) if d.at is not None else (date, "on", "+".join(d.by))
        groups.setdefault(key, []).append(d)
    return sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2]))


def _cluster_label(ctx: Context, key: tuple[Any, ...], members: list[Any]) -> str:
    _, how, ref = key
    if how == "at" and ref in ctx.dossier:
        event = ctx.dossier.get(ref)
        date = ctx.date_text(ref)
        title = tx.shorten(ctx.t(event.title), 60)
        actors = list(event.participants) or sorted({a for d in members for a in d.by + d.to})
        who = ctx.who(actors, limit=5)
    else:
        date = ctx.date_text(members[0].id)
        title = ctx.w("no_event")
        who = f"{ctx.who(members[0].by)} → {ctx.who(sorted({a for d in members for a in d.to}))}"
    return "<" + symbols(ctx, stack([f'<FONT POINT-SIZE="12"><B>{tx.html(date)}  {tx.html(title)}</B></FONT>',
                                     f'<FONT POINT-SIZE="10">{tx.html(who)}</FONT>'])) + ">"


def demands(source: Source, options: RenderOptions | None = None) -> graphviz.Digraph:
    """Demands by the event they were put at, each linked to its answers and to later actions.

    A demand's border and top band say what was answered (a double bold border and a solid band
    when nothing was), its right band what was done. Answers show who gave them, when, and a
    short quote; actions are linked by how they bear on the demand or the answer.
    """
    options = options or RenderOptions()
    ctx = Context(as_dossier(source), options, "demands", KINDS)
    g = ctx.new_graph("demands", "LR")
    g.graph_attr.update(ranksep="0.7", nodesep="0.3", compound="true")
    shown = [d for d in ctx.items("demands") if "demand" in ctx.kinds]
    ctx.check_size(len(shown) + len(ctx.items("responses")) + len(ctx.items("actions")))
    shown_ids = {d.id for d in shown}
    position = {d.id: i for i, d in enumerate(ctx.dossier.demands)}
    legend_at = len(g.body)  # the legend goes first: with rankdir LR the first is drawn lowest
    groups = _groups(ctx, shown)
    for key, members in reversed(groups) if ctx.bottom_up else groups:
        name = (f"cluster_at__{key[2]}" if key[1] == "at"
                else f"cluster_on__{key[0].isoformat()}__{key[2]}")
        with g.subgraph(name=name) as c:
            c.attr(label=_cluster_label(ctx, key, members), style="rounded,filled",
                   fillcolor=ctx.color(tint(GREY, 0.07)), color=ctx.color(GREY),
                   labeljust="l", margin="10")
            for d in sorted(members, key=lambda d: position[d.id]):  # as the dossier lists them
                demand_node(ctx, c, d)
    answered: set[str] = set()
    if "response" in ctx.kinds:
        for r in ctx.items("responses"):
            targets = [t for t in r.to if t in shown_ids]
            if not targets:
                continue
            response_node(ctx, g, r)
            ctx.used.add(f"answer.{r.said.value}")
            look = ANSWER[r.said]
            for t in sorted(targets):
                answered.add(t)
                g.edge(t, r.id, color=ctx.color(look.color), style=look.style,
                       penwidth=str(look.penwidth))
        for d in shown:
            if d.id not in answered:
                ghost = no_answer_node(ctx, g, d.id)
                look = SAID[Said.no_response]
                g.edge(d.id, ghost, color=ctx.color(look.border), style="dotted",
                       penwidth="1.6", arrowhead="none")
    if "action" in ctx.kinds:
        drawn = shown_ids | {r.id for r in ctx.items("responses") if set(r.to) & answered}
        for a in ctx.items("actions"):
            effects = [e for e in a.effects if e.on in drawn and ctx.shown(e.on)]
            if not effects:
                continue
            action_node(ctx, g, a)
            for e in sorted(effects, key=lambda e: (e.on, e.type.value)):
                look = EFFECT[e.type]
                ctx.used.add(f"effect.{e.type.value}")
                g.edge(e.on, a.id, label=f"<{tx.html(ctx.w('effect.' + e.type.value))}>",
                       color=ctx.color(look.color), fontcolor=ctx.color(look.color),
                       style=look.style, penwidth=str(look.penwidth), arrowhead=look.arrowhead)
    if options.focus is not None:
        ctx.used.add("focus")
    add_legend(ctx, g, at=legend_at if ctx.bottom_up else None)
    return ctx.finish(g, "demands")
