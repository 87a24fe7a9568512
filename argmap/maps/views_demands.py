"""The headline map: which demands got which answers, and what was done about them."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import graphviz

from .. import text as tx
from ..dossier import Dossier
from ..model import Claim, Done, EffectType, Event, RelationType, Said, said_for
from .context import Context, stack
from .escape import html, plain
from .labels import action_node, demand_node, no_answer_node, response_node
from .legend import add_legend
from .options import RenderOptions
from .style import ANSWER, DONE, EFFECT, GREY, SAID, tint

__all__ = ["KINDS", "SUMMARY_ROWS", "demands_map"]

KINDS = frozenset({"demand", "response", "action"})
#: The summary lists this many demands (the counts cover them all; the page lists every one).
SUMMARY_ROWS = 40


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
        assert isinstance(event, Event)
        date = ctx.date_text(ref)
        title = tx.shorten(ctx.t(event.title), 60)
        actors = list(event.participants) or sorted({a for d in members for a in d.by + d.to})
        who = ctx.who(actors, limit=5)
    else:
        date = ctx.date_text(members[0].id)
        title = ctx.w("no_event")
        who = f"{ctx.who(members[0].by)} → {ctx.who(sorted({a for d in members for a in d.to}))}"
    return "<" + stack([f'<FONT POINT-SIZE="12"><B>{html(date)}  {html(title)}</B></FONT>',
                        f'<FONT POINT-SIZE="10">{html(who)}</FONT>']) + ">"


def demands_map(dossier: Dossier, options: RenderOptions | None = None) -> graphviz.Digraph:
    """Demands by the event they were put at, each linked to its answers and to later actions.

    A demand's border and top band say what was answered (a double bold border and a solid band
    when nothing was), its right band what was done. Answers show who gave them, when, and a
    short quote; actions are linked by how they bear on the demand or the answer.
    """
    options = options or RenderOptions()
    ctx = Context(dossier, options, "demands", KINDS)
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
            for t in sorted(targets):  # each line in what was said to that demand
                said = said_for(r, t)
                ctx.used.add(f"answer.{said.value}")
                look = ANSWER[said]
                answered.add(t)
                g.edge(t, r.id, color=ctx.color(look.color), style=look.style,
                       penwidth=str(look.penwidth))
        for d in shown:
            if d.id not in answered:
                ghost = no_answer_node(ctx, g, d.id)
                unanswered = SAID[Said.no_response]
                g.edge(d.id, ghost, color=ctx.color(unanswered.border), style="dotted",
                       penwidth="1.6", arrowhead="none")
    if "action" in ctx.kinds:
        drawn = shown_ids | {r.id for r in ctx.items("responses") if set(r.to) & answered}
        behind = _claims_behind(ctx, shown_ids)
        for a in ctx.items("actions"):
            effects = [e for e in a.effects if e.on in drawn and ctx.shown(e.on)]
            via = [(d, e) for e in a.effects for d in behind.get(e.on, ())
                   if a.id in ctx.status[d].actions and not any(x.on == d for x in effects)]
            if not effects and not via:
                continue
            action_node(ctx, g, a)
            for d, e in sorted(via, key=lambda v: (v[0], v[1].on)):
                # the action bears on a claim the demand rests on: that is why the demand's
                # done band changed, so the map draws it and says so on the line
                look = EFFECT[e.type]
                ctx.used.add(f"effect.{e.type.value}")
                reason = ctx.dossier.get(e.on)
                assert isinstance(reason, Claim)
                claim = tx.shorten(ctx.t(reason.text), 34)
                words = ctx.w("via", effect=ctx.w("effect." + e.type.value))
                g.edge(d, a.id, label=f'<{html(words)}<BR/><FONT POINT-SIZE="8">'
                                      f'“{html(claim)}”</FONT>>',
                       color=ctx.color(look.color), fontcolor=ctx.color(look.color),
                       style=look.style, penwidth=str(look.penwidth),
                       arrowhead=look.arrowhead, tooltip=plain(ctx.t(reason.text)))
            for e in sorted(effects, key=lambda e: (e.on, e.type.value)):
                look = EFFECT[e.type]
                ctx.used.add(f"effect.{e.type.value}")
                g.edge(e.on, a.id, label=f"<{html(ctx.w('effect.' + e.type.value))}>",
                       color=ctx.color(look.color), fontcolor=ctx.color(look.color),
                       style=look.style, penwidth=str(look.penwidth), arrowhead=look.arrowhead)
    if options.focus is not None:
        ctx.used.add("focus")
    add_legend(ctx, g, at=legend_at if ctx.bottom_up else None)
    g = ctx.finish(g, "demands")
    if options.title and shown:  # the summary goes under the title, at the top of the map
        title = g.graph_attr["label"][1:-1]
        g.graph_attr["label"] = f"<{stack([title, _summary(ctx, shown)])}>"
    return g


def _claims_behind(ctx: Context, demands: set[str]) -> dict[str, list[str]]:
    """For each claim, the shown demands it supports or rephrases (or that rephrase it): an
    action's effect on such a claim bears on the demand (see :mod:`argmap.tracking`)."""
    found: dict[str, list[str]] = {}
    for rel in ctx.dossier.relations:
        if rel.type in (RelationType.supports, RelationType.rephrases) and rel.to in demands:
            for p in rel.from_:
                if ctx.dossier.kind_of(p) == "claim":
                    found.setdefault(p, []).append(rel.to)
        if rel.type is RelationType.rephrases and ctx.dossier.kind_of(rel.to) == "claim":
            for p in rel.from_:
                if p in demands:
                    found.setdefault(rel.to, []).append(p)
    return {k: sorted(set(v)) for k, v in found.items()}


def _summary(ctx: Context, shown: list[Any]) -> str:
    """Counts per answer and per outcome, and one row per demand linking to its node."""
    said = {s: sum(1 for d in shown if ctx.status[d.id].said is s) for s in Said}
    done = {v: sum(1 for d in shown if ctx.status[d.id].done is v) for v in Done}
    cell = '<TD ALIGN="LEFT" BALIGN="LEFT"{extra}><FONT POINT-SIZE="{size}">{text}</FONT></TD>'

    def counts(key: str, values: dict[Any, int], looks: dict[Any, Any], axis: str) -> str:
        parts = [f"{n} {looks[v].glyph} {ctx.w(f'{axis}.{v.value}')}"
                 for v, n in values.items() if n]
        return cell.format(extra=' COLSPAN="5"', size="10",
                           text=f"<B>{html(ctx.w(key))}</B>"
                           + html(ctx.w("colon") + " · ".join(parts)))

    rows = [cell.format(extra=' COLSPAN="5"', size="11",
                        text=f"<B>{html(ctx.w('summary.demands', n=len(shown)))}</B>"),
            counts("summary.said", said, SAID, "said"),
            counts("summary.done", done, DONE, "done")]
    head = "".join(cell.format(extra=' BGCOLOR="#EEEEEE"', size="9", text=f"<B>{html(ctx.w(k))}</B>")
                   for k in ("summary.date", "summary.demand", "summary.to", "summary.said",
                             "summary.done"))
    lines = [f"<TR>{r}</TR>" for r in rows] + [f"<TR>{head}</TR>"]
    listed = sorted(shown, key=lambda d: (ctx.date(d.id) or _dt.date.max, d.id))
    for d in listed[:SUMMARY_ROWS]:
        st = ctx.status[d.id]
        s_look, d_look = SAID[st.said], DONE[st.done]
        text = tx.shorten(ctx.t(d.text), 46)
        values = [(ctx.date_text(d.id), ""), (text, f' HREF="#{d.id}" TITLE="{html(ctx.t(d.text))}"'),
                  (ctx.who(d.to, limit=2), ""),
                  (f"{s_look.glyph} {ctx.w('said.' + st.said.value)}",
                   f' BGCOLOR="{ctx.color(s_look.band)}"'),
                  (f"{d_look.glyph} {ctx.w('done.' + st.done.value)}",
                   f' BGCOLOR="{ctx.color(d_look.band)}"')]
        tds = "".join(cell.format(extra=extra, size="9", text=html(value))
                      for value, extra in values)
        lines.append(f"<TR>{tds}</TR>")
    if len(listed) > SUMMARY_ROWS:
        more = ctx.w("summary.more", n=len(listed) - SUMMARY_ROWS)
        wide = ' COLSPAN="5"'
        lines.append("<TR>" + cell.format(extra=wide, size="9", text=html(more)) + "</TR>")
    table = ('<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3" COLOR="#BBBBBB">'
             + "".join(lines) + "</TABLE>")
    return table
