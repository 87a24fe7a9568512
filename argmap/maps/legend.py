"""The legend: every colour, border, line style and shape that appears on the map, explained.

One table node shows the status bands (each with the border its nodes get) and the line styles
(drawn in their colour with box-drawing characters: ``━`` solid, ``╍`` dashed, ``┈`` dotted);
a row of sample nodes shows the shapes, drawn with the map's own attributes.
"""

from __future__ import annotations

import graphviz

from ..model import Done, EffectType, RelationType, Said
from .escape import html
from .context import Context, subgraph
from .style import ANSWER, BLACK, DONE, EFFECT, GREY, KIND_SHAPE, LINK, RELATION, SAID, EdgeLook

__all__ = ["add_legend"]

_CELL_STYLE = {"dashed": ' STYLE="dashed"', "dotted": ' STYLE="dotted"'}
_KIND_ORDER = ("demand", "claim", "response", "evidence", "action", "event", "source")
_LINE = {"solid": "━━━", "bold": "━━━", "dashed": "╍╍╍", "dotted": "┈┈┈"}
_HEAD = {"normal": "▶", "vee": "›", "tee": "┫", "odot": "○", "none": ""}


def _heading(text: str) -> str:
    return f'<TR><TD ALIGN="LEFT" COLSPAN="2"><B>{html(text)}</B></TD></TR>'


def _row(swatch: str, note: str) -> str:
    if not note:  # Graphviz rejects an empty <FONT></FONT>
        return f"<TR>{swatch}<TD></TD></TR>"
    return (f"<TR>{swatch}<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">{html(note)}</FONT>"
            "</TD></TR>")


def _status_rows(ctx: Context) -> list[str]:
    rows = []
    said = [s for s in Said if f"said.{s.value}" in ctx.used]
    if said:
        rows.append(_heading(ctx.w("legend.said")))
    for answer in said:
        look = SAID[answer]
        swatch = (f'<TD BORDER="{max(1, round(look.penwidth))}" COLOR="{ctx.color(look.border)}" '
                  f'BGCOLOR="{ctx.color(look.band)}"{_CELL_STYLE.get(look.style, "")} '
                  f'ALIGN="LEFT"><FONT COLOR="{ctx.color(look.text)}" POINT-SIZE="9.5"><B>'
                  f'{html(look.glyph + " " + ctx.w("said." + answer.value))}</B></FONT></TD>')
        rows.append(_row(swatch, ctx.w(f"legend.border.{look.style}", on_paper=ctx.w("on_paper"))))
    done = [d for d in Done if f"done.{d.value}" in ctx.used]
    if done:
        rows.append(_heading(ctx.w("legend.done")))
    for state in done:
        look = DONE[state]
        swatch = (f'<TD BORDER="1" COLOR="{ctx.color(GREY)}" BGCOLOR="{ctx.color(look.band)}" '
                  f'ALIGN="LEFT"><FONT POINT-SIZE="9.5">'
                  f'{html(look.glyph + " " + ctx.w("done." + state.value))}</FONT></TD>')
        rows.append(_row(swatch, ""))
    return rows


def _answer_samples(ctx: Context) -> list[tuple[str, EdgeLook]]:
    return [(ctx.w("said." + said.value), ANSWER[said]) for said in Said
            if f"answer.{said.value}" in ctx.used]


def _edge_samples(ctx: Context) -> list[tuple[str, EdgeLook]]:
    samples: list[tuple[str, EdgeLook]] = []
    for effect in EffectType:
        if f"effect.{effect.value}" in ctx.used:
            samples.append((ctx.w("effect." + effect.value), EFFECT[effect]))
    for rel in RelationType:
        if f"rel.{rel.value}" in ctx.used:
            samples.append((ctx.w("rel." + rel.value), RELATION[rel]))
    if "link" in ctx.used:
        samples.append((ctx.w("legend.link"), LINK))
    return samples


def _edge_rows(ctx: Context) -> list[str]:
    rows = []
    answers = _answer_samples(ctx)
    if answers:
        rows.append(_heading(ctx.w("legend.answer_edge")))
        rows += [_line_row(ctx, words, look) for words, look in answers]
    samples = _edge_samples(ctx)
    if samples:
        rows.append(_heading(ctx.w("legend.edges")))
        rows += [_line_row(ctx, words, look) for words, look in samples]
    return rows


def _line_row(ctx: Context, words: str, look: EdgeLook) -> str:
    art = _LINE.get(look.style, "━━━") + _HEAD.get(look.arrowhead, "▶")
    weight = "<B>{}</B>" if look.penwidth >= 2.4 else "{}"
    swatch = (f'<TD ALIGN="LEFT"><FONT COLOR="{ctx.color(look.color)}" POINT-SIZE="11">'
              f"{weight.format(html(art))}</FONT></TD>")
    return _row(swatch, words)


def add_legend(ctx: Context, g: graphviz.Digraph, at: int | None = None,
               titled: bool = False) -> None:
    """Add the legend for what ``ctx.used`` records (nothing when the option is off).

    ``at`` is a position in ``g.body`` to put it at (views that want it drawn first call this
    last, once the map is known, with the position they marked at the start). ``titled`` puts
    the legend's title in its table, for layouts that do not draw the box around it.
    """
    if not ctx.options.legend or not ctx.used:
        return
    start = len(g.body)
    rows = _status_rows(ctx) + _edge_rows(ctx)
    if titled:  # a map whose boxes are not drawn (neato -n2) names its legend in the table
        rows.insert(0, f'<TR><TD ALIGN="LEFT" COLSPAN="2"><FONT POINT-SIZE="12"><B>'
                       f'{html(ctx.w("legend"))}</B></FONT></TD></TR>')
    extra = [ctx.w(k) for k in ("legend.main", "legend.joint", "legend.focus")
             if k.split(".")[1] in ctx.used]
    rows += [f'<TR><TD ALIGN="LEFT" COLSPAN="2"><FONT POINT-SIZE="9">{html(e)}</FONT></TD>'
             "</TR>" for e in extra]
    kinds = [k for k in _KIND_ORDER if f"kind.{k}" in ctx.used]
    table = f'<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{"".join(rows)}</TABLE>'
    with subgraph(g, "cluster__legend") as lg:
        lg.attr(label=f"<<B>{html(ctx.w('legend'))}</B>>", style="rounded",
                color=ctx.color(GREY), fontsize="12", labeljust="l", labelloc="t", margin="8")
        with subgraph(lg) as shapes:  # the table and the shapes side by side:
            if not ctx.bottom_up:  # one rank, across the page
                shapes.attr(rank="same")
            # an empty table is a syntax error: a blank point stands in when there are no rows
            shapes.node("_legend__table", shape="plaintext", margin="0",
                        label=f'<{table}>' if rows else "")
            for kind in kinds:
                shape, fill, extra_style = KIND_SHAPE[kind]
                shapes.node(f"_legend__kind_{kind}", label=f"<{html(ctx.w('kind.' + kind))}>",
                            shape=shape, style=",".join(filter(None, ("filled", extra_style))),
                            fillcolor=ctx.color(fill), color=ctx.color(BLACK), fontsize="9",
                            height="0.3", width="0.6", margin="0.06,0.02")
            if ctx.bottom_up:  # with rankdir LR a rank runs down the page: a row of ranks
                names = ["_legend__table", *(f"_legend__kind_{kind}" for kind in kinds)]
                for a, b in zip(names, names[1:]):
                    shapes.edge(a, b, style="invis")
    if at is not None:
        lines = g.body[start:]
        del g.body[start:]
        g.body[at:at] = lines
