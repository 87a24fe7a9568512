"""The headline map: which demands got which answers, and what was done about them.

Meetings read in date order down the page, each a band of its demands with their answers and
the actions that followed beside them; a summary table of every demand under the title. For
paper and images the map also comes in pages (:func:`demands_pages`), cut between meetings.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import graphviz

from .. import text as tx
from ..dossier import Dossier
from ..model import Claim, Done, EffectType, Event, RelationType, Said, said_for
from .backend import AFTER_LAYOUT, ROUTED_UP_TO
from .context import Context, stack, subgraph
from .escape import html, plain
from .labels import action_node, demand_node, no_answer_node, response_node
from .legend import add_legend
from .options import RenderOptions
from .style import ANSWER, DONE, EFFECT, GREY, SAID, tint

__all__ = ["KINDS", "PAGE", "SUMMARY_ROWS", "demands_map", "demands_pages"]

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
    how, ref = key[1], key[2]
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
    ctx, shown = _prepare(dossier, options)
    return _draw(ctx, _groups(ctx, shown), shown)


#: The most a page of the map may take, in points, title and legend included: at 96 dpi at most
#: 2,400 px tall (the map is about 1,000 px wide: a portrait sheet).
PAGE = 1800.0
_TITLE = 100.0  # the title on two lines, the view's name and the page's
_LEGEND = 380.0  # the legend at its largest (every status, line and shape)
_SUMMARY_ROW = 22.0  # a row of the summary table
_BAND_FRAME = 50.0  # a band's heading and margins, and the gap to the next band
_NODE_GAP = 12.0  # between the nodes of a column (dot packs a rank closer than nodesep)
_LINE = (14.5, 14.0)  # a line of body text, of small print (its table rows included)


def demands_pages(dossier: Dossier, options: RenderOptions | None = None
                  ) -> list[graphviz.Digraph]:
    """The map cut into pages of :data:`PAGE` points at most, between meetings in date order (a
    meeting too large for a page is cut between its demands): the summary of every demand on
    the first page, the legend on each, every page naming its number and the dates it covers.

    Sizes are estimated from the labels (erring on the large side), never measured by running
    Graphviz, so the pages are the same on any machine. An answer or action linked to demands
    on two pages is drawn on both.
    """
    ctx, shown = _prepare(dossier, options)
    groups = _groups(ctx, shown)
    sizes = _Sizes(ctx)
    pages: list[list[tuple[tuple[Any, ...], list[Any]]]] = [[]]
    room = PAGE - _TITLE - _LEGEND
    left = room - _SUMMARY_ROW * (4 + min(len(shown), SUMMARY_ROWS) + 1)
    for key, members in groups:
        listed = sorted(members, key=lambda d: sizes.position[d.id])
        if pages[-1] and sizes.band(listed) > left:  # on a page of its own, from the top
            pages.append([])
            left = room
        part: list[Any] = []
        cut = False
        for d in listed:  # cut between its demands where it runs past the page
            if part and sizes.band(part + [d]) > left:
                pages[-1].append(((*key, f"__{len(pages)}"), part))
                pages.append([])
                left, part, cut = room, [], True
            part.append(d)
        pages[-1].append(((*key, f"__{len(pages)}") if cut else key, part))
        left -= sizes.band(part)
    if len(pages) == 1:
        return [_draw(ctx, groups, shown)]
    out = []
    for k, page in enumerate(pages, 1):
        caption = ctx.w("sheet.page", k=k, n=len(pages))
        # the dates the page covers (one date once, no "to undated"), then "undated" when it
        # also holds demands without a date (they come last)
        dated = [ctx.date_text(members[0].id) for _, members in page
                 if ctx.date(members[0].id) is not None]
        if dated:
            caption += " · " + (dated[0] if dated[0] == dated[-1] else
                                ctx.w("sheet.period", start=dated[0], end=dated[-1]))
        if len(dated) < len(page):
            caption += " · " + ctx.w("undated")
        out.append(_draw(ctx, page, shown, caption, summary=k == 1))
    return out


class _Sizes:
    """Generous estimates of the heights of nodes and bands, in points, from their labels."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.position = {d.id: i for i, d in enumerate(ctx.dossier.demands)}
        self.answers: dict[str, list[Any]] = {}  # demand id -> the answers to it
        for r in ctx.items("responses"):
            for t in r.to:
                self.answers.setdefault(t, []).append(r)
        self.acts: dict[str, list[Any]] = {}  # item id -> the actions bearing on it
        for a in ctx.items("actions"):
            for on in dict.fromkeys(e.on for e in a.effects):
                self.acts.setdefault(on, []).append(a)
        self.heights: dict[str, float] = {}

    def node(self, item: Any, max_lines: int | None, meta: bool) -> float:
        """A node's band, its text and its small print."""
        if item.id not in self.heights:
            ctx = self.ctx
            text = ctx.t(getattr(item, "quote", None) or getattr(item, "text", None) or "")
            lines = len(tx.wrap(text, ctx.options.wrap, max_lines or ctx.options.max_lines))
            self.heights[item.id] = 50.0 + _LINE[0] * lines + (2 * _LINE[1] if meta else 0.0)
        return self.heights[item.id]

    def band(self, members: list[Any]) -> float:
        """The tallest of a band's columns (its demands; their answers, or the gaps where none
        came; the actions that followed), and its heading."""
        answers = list({r.id: r for d in members for r in self.answers.get(d.id, ())}.values())
        unanswered = sum(1 for d in members if d.id not in self.answers)
        on = [d.id for d in members] + [r.id for r in answers]
        actions = {a.id: a for i in on for a in self.acts.get(i, ())}.values()
        columns = ([self.node(d, None, True) for d in members],
                   [self.node(r, 3, True) for r in answers] + [36.0] * unanswered,
                   [self.node(a, 3, False) for a in actions])
        return max(sum(c) + _NODE_GAP * (len(c) - 1) for c in columns if c) + _BAND_FRAME


#: Bands are held together in unseen boxes of this many when a map has more: dot keeps every
#: two sibling boxes that share ranks apart with a constraint of their own, and every band does
#: (its demands are all in the first column), so 1,553 bands made 1.2 million constraints and
#: 68 s of layout; in boxes of 40, 4.5 s.
BANDS_PER_BOX = 40


def _prepare(dossier: Dossier, options: RenderOptions | None) -> tuple[Context, list[Any]]:
    """The map's context and the demands it shows."""
    ctx = Context(dossier, options or RenderOptions(), "demands", KINDS)
    shown = [d for d in ctx.items("demands") if "demand" in ctx.kinds]
    ctx.check_size(len(shown) + len(ctx.items("responses")) + len(ctx.items("actions")))
    return ctx, shown


def _draw(ctx: Context, groups: list[tuple[tuple[Any, ...], list[Any]]], everything: list[Any],
          caption: str | None = None, summary: bool = True) -> graphviz.Digraph:
    """The bands of ``groups`` (all of the map's, or one page's) with their answers and actions;
    the summary of ``everything`` under the title when ``summary``, then ``caption``."""
    options = ctx.options
    ctx.used = set()
    g = ctx.new_graph("demands", "LR")
    g.graph_attr.update(ranksep="0.7", nodesep="0.3", compound="true")
    shown = [d for _, members in groups for d in members]
    shown_ids = {d.id for d in shown}
    position = {d.id: i for i, d in enumerate(ctx.dossier.demands)}
    legend_at = len(g.body)  # the legend goes first: with rankdir LR the first is drawn lowest
    # Each meeting is a band of its own: its demands, and the answers and actions placed beside
    # them. Bands are not joined for dot (which lays unjoined parts out in the order given, but
    # reorders joined ones), so they read in date order; the lines between bands are drawn
    # once all is placed (backend.AFTER_LAYOUT).
    band = {d.id: i for i, (_, members) in enumerate(groups) for d in members}
    edges: list[tuple[str, str, dict[str, str]]] = []
    ordered = list(reversed(groups)) if ctx.bottom_up else groups
    # On a large map laid out left to right (the default) the bands go in unseen boxes
    # (BANDS_PER_BOX), each box's bands listed last first: dot stacks a box's contents the other
    # way up from the map's own. Top to bottom, dot reorders the bands of a box, so those maps
    # keep one level of bands.
    boxes = ([ordered] if len(ordered) <= BANDS_PER_BOX or not ctx.bottom_up else
             [ordered[i:i + BANDS_PER_BOX] for i in range(0, len(ordered), BANDS_PER_BOX)])
    for number, bands in enumerate(boxes):
        holder = g
        if len(boxes) > 1:
            holder = graphviz.Digraph(name=f"cluster_bands_{number}")
            holder.attr(label="", style="invis", margin="0")
            bands = bands[::-1]
        for key, members in bands:
            _band(ctx, holder, key, members, position)
        if holder is not g:
            g.subgraph(holder)
    answered: set[str] = set()
    if "response" in ctx.kinds:
        for r in ctx.items("responses"):
            targets = [t for t in r.to if t in shown_ids]
            if not targets:
                continue
            response_node(ctx, g, r)
            band[r.id] = max(band[t] for t in targets)  # beside the latest demand it answers
            for t in sorted(targets):  # each line in what was said to that demand
                said = said_for(r, t)
                ctx.used.add(f"answer.{said.value}")
                look = ANSWER[said]
                answered.add(t)
                edges.append((t, r.id, {"color": ctx.color(look.color), "style": look.style,
                                        "penwidth": str(look.penwidth)}))
        for d in shown:
            if d.id not in answered:
                ghost = no_answer_node(ctx, g, d.id)
                band[ghost] = band[d.id]
                unanswered = SAID[Said.no_response]
                edges.append((d.id, ghost, {"color": ctx.color(unanswered.border),
                                            "style": "dotted", "penwidth": "1.6",
                                            "arrowhead": "none"}))
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
            band[a.id] = max([band[e.on] for e in effects] + [band[d] for d, _ in via])
            for d, e in sorted(via, key=lambda v: (v[0], v[1].on)):
                # the action bears on a claim the demand rests on: that is why the demand's
                # done band changed, so the map draws it and says so on the line
                look = EFFECT[e.type]
                ctx.used.add(f"effect.{e.type.value}")
                reason = ctx.dossier.get(e.on)
                assert isinstance(reason, Claim)
                claim = tx.shorten(ctx.t(reason.text), 34)
                words = ctx.w("via", effect=ctx.w("effect." + e.type.value))
                edges.append((d, a.id, {
                    "label": f'<{html(words)}<BR/><FONT POINT-SIZE="8">“{html(claim)}”</FONT>>',
                    "color": ctx.color(look.color), "fontcolor": ctx.color(look.color),
                    "style": look.style, "penwidth": str(look.penwidth),
                    "arrowhead": look.arrowhead, "tooltip": plain(ctx.t(reason.text))}))
            for e in sorted(effects, key=lambda e: (e.on, e.type.value)):
                look = EFFECT[e.type]
                ctx.used.add(f"effect.{e.type.value}")
                edges.append((e.on, a.id, {
                    "label": f"<{html(ctx.w('effect.' + e.type.value))}>",
                    "color": ctx.color(look.color), "fontcolor": ctx.color(look.color),
                    "style": look.style, "penwidth": str(look.penwidth),
                    "arrowhead": look.arrowhead}))
    for tail, head, attrs in edges:
        if band.get(tail, -1) == band.get(head, -1):
            g.edge(tail, head, **attrs)
    across = [(t, h, attrs) for t, h, attrs in edges if band.get(t, -1) != band.get(h, -1)]
    if across:
        if ctx.size <= ROUTED_UP_TO:  # neato, drawing these, routes them round the boxes
            g.graph_attr["splines"] = "true"
        with subgraph(g, AFTER_LAYOUT) as later:
            for tail, head, attrs in across:
                later.edge(tail, head, **attrs)
    if options.focus is not None:
        ctx.used.add("focus")
    add_legend(ctx, g, at=legend_at if ctx.bottom_up else None)
    g = ctx.finish(g, "demands")
    if everything and summary:  # the summary goes under the title, at the top of the map
        ctx.under_title(g, _summary(ctx, everything))
    if caption:
        ctx.under_title(g, f'<FONT POINT-SIZE="13">{html(caption)}</FONT>')
    return g


def _band(ctx: Context, holder: graphviz.Digraph, key: tuple[Any, ...], members: list[Any],
          position: dict[str, int]) -> None:
    """One meeting's band: its demands in a box, in the order the dossier lists them."""
    name = (f"cluster_at__{key[2]}" if key[1] == "at"
            else f"cluster_on__{key[0].isoformat()}__{key[2]}") + "".join(key[3:])
    with subgraph(holder, name) as c:
        c.attr(label=_cluster_label(ctx, key, members), style="rounded,filled",
               fillcolor=ctx.color(tint(GREY, 0.07)), color=ctx.color(GREY),
               labeljust="l", margin="10")
        listed = sorted(members, key=lambda d: position[d.id])  # as the dossier lists them
        for d in listed:
            demand_node(ctx, c, d)
        if len(listed) > 1:  # and in that order down the box (a chain of unseen links)
            with subgraph(c) as order:
                order.attr(rank="same")
                chain = listed[::-1] if ctx.bottom_up else listed
                for a, b in zip(chain, chain[1:]):
                    order.edge(a.id, b.id, style="invis", minlen="0")


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
