"""Nodes of the maps: one function per kind of item, each adding a labelled node to a graph.

Labels are HTML-like tables. Every string from the dossier passes through
:func:`argmap.maps.escape.html` (via :meth:`Context.lines`), so it shows literally.
"""

from __future__ import annotations

from typing import Any

import graphviz

from .. import text as tx
from ..l10n import format_figure_value
from ..model import Done, Said, said_by_demand
from .context import Context, stack
from .escape import html, plain
from .style import BLACK, DONE, GREY, KIND_SHAPE, SAID, WHITE, NodeLook, tint

__all__ = [
    "NODE", "action_node", "claim_node", "demand_node", "event_node", "evidence_node",
    "no_answer_node", "response_node", "source_node"
]

_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
_META = '<FONT POINT-SIZE="{size}" COLOR="{color}">{text}</FONT>'
#: Point sizes of the bands and the small print, by view (the arguments map is set smaller so
#: that a whole case fits one page; 8 pt is still 10.7 px at 96 dpi). Body text is the graph's.
_SIZES = {"arguments": ("9", "8")}
_DEFAULT_SIZES = ("9.5", "9")


def _sizes(ctx: Context) -> tuple[str, str]:
    return _SIZES.get(ctx.view, _DEFAULT_SIZES)


def _band(ctx: Context, text: str, bg: str, fg: str = BLACK, bold: bool = True,
          align: str = "LEFT", colspan: int = 1) -> str:
    # a long band (several holders, a long kind of evidence) takes two lines rather than
    # widening its node and with it the whole column of the map
    lines = [html(line) for line in tx.wrap(text, ctx.options.wrap + 8, 2)]
    inner = "<BR/>".join(f"<B>{line}</B>" if bold else line for line in lines)
    span = f' COLSPAN="{colspan}"' if colspan > 1 else ""
    return (f'<TD BGCOLOR="{ctx.color(bg)}" ALIGN="{align}" BALIGN="{align}"{span}>'
            f'<FONT POINT-SIZE="{_sizes(ctx)[0]}" COLOR="{ctx.color(fg)}">{inner}</FONT></TD>')


def _body(ctx: Context, value: str, bold: bool = False, colspan: int = 1,
          max_lines: int | None = None) -> str:
    lines = ctx.lines(value, max_lines=max_lines, bold=bold)
    span = f' COLSPAN="{colspan}"' if colspan > 1 else ""
    return f'<TR><TD ALIGN="LEFT"{span}>{lines}</TD></TR>'


def _meta(ctx: Context, value: str, colspan: int = 1) -> str:
    span = f' COLSPAN="{colspan}"' if colspan > 1 else ""
    # small print wraps a little wider than the body (it is set smaller), on two lines at most
    lines = tx.wrap(value, ctx.options.wrap + 6, 2)
    rows = [_META.format(size=_sizes(ctx)[1], color=ctx.color("#444444"), text=html(line))
            for line in lines]
    return f'<TR><TD ALIGN="LEFT"{span}>{stack(rows) if len(rows) > 1 else rows[0]}</TD></TR>'


def _node(ctx: Context, g: graphviz.Digraph, item_id: str, kind: str, label: str,
          tooltip: str, **attrs: Any) -> None:
    shape, fill, extra = KIND_SHAPE[kind]
    ctx.used.add(f"kind.{kind}")
    styles = [s for s in ("filled", extra, attrs.pop("style", "")) if s]
    base: dict[str, Any] = {"shape": shape, "fillcolor": ctx.color(fill),
                            "color": ctx.color(attrs.pop("color", BLACK))}
    base.update(attrs)
    if item_id == ctx.options.focus:  # the focused item: a bolder, doubled border
        base["peripheries"] = str(int(base.get("peripheries", 1)) + 1)
        base["penwidth"] = "3"
    g.node(item_id, label=f"<{label}>", style=",".join(dict.fromkeys(",".join(styles).split(","))),
           tooltip=plain(tooltip), **{k: str(v) for k, v in base.items()})


def demand_node(ctx: Context, g: graphviz.Digraph, item: Any) -> None:
    """A demand: the said-status band (loud when unanswered), the done band, the text, to whom."""
    st = ctx.status.get(item.id)
    said = st.said if st is not None else Said.no_response
    done = st.done if st is not None else Done.unrated
    s_look, d_look = SAID[said], DONE[done]
    ctx.used.update({f"said.{said.value}", f"done.{done.value}"})
    said_text = f"{s_look.glyph} {ctx.w('said.' + said.value)}"
    if st is not None and st.overdue:
        said_text += f" · {ctx.w('overdue')}"
    elif st is not None and st.no_answer_due:
        said_text += f" · {ctx.w('not_due')}"
    head = (_band(ctx, said_text, s_look.band, s_look.text)
            + _band(ctx, f"{d_look.glyph} {ctx.w('done.' + done.value)}", d_look.band,
                    bold=done is not Done.unrated, align="RIGHT"))
    meta = f"{ctx.w('kind.demand')} · {ctx.who(item.by)} {ctx.w('to', who=ctx.who(item.to))}"
    if item.deadline is not None:
        meta += " · " + ctx.w("deadline", date=ctx.date_words(item.deadline))
    text = ctx.t(item.text)
    label = (f"{_TABLE}<TR>{head}</TR>{_body(ctx, text, bold=True, colspan=2)}"
             f"{_meta(ctx, meta, colspan=2)}</TABLE>")
    _node(ctx, g, item.id, "demand", label, text, color=s_look.border, style=s_look.style,
          penwidth=s_look.penwidth, peripheries=s_look.peripheries,
          fillcolor=ctx.color(s_look.fill), id=item.id)  # the summary's rows link to it


def no_answer_node(ctx: Context, g: graphviz.Digraph, demand_id: str) -> str:
    """A dashed placeholder where the answer should be; returns its node name."""
    st = ctx.status.get(demand_id)
    look = SAID[Said.no_response]
    name = f"_noanswer__{demand_id}"
    words = [f"{look.glyph} {ctx.w('said.no_response')}"]
    if st is not None and st.overdue:
        words.append(ctx.w("overdue"))
    if st is not None and st.no_answer_due:
        words.append(ctx.w("not_due"))
    label = stack([html(w) for w in words], bold=True, align="CENTER")
    g.node(name, label=f"<{label}>", shape="box", style="dashed,bold,rounded",
           color=ctx.color(look.border), fontcolor=ctx.color(look.border), penwidth="2",
           fontsize="10", tooltip=plain(ctx.w("said.no_response")))
    return name


def response_node(ctx: Context, g: graphviz.Digraph, item: Any) -> None:
    """An answer: what it amounts to, who gave it and when, and a short quote.

    An answer that says different things to its demands gets one band per value (its edges to
    the demands say which went where) and a neutral border.
    """
    values = list(dict.fromkeys(said_by_demand(item).values()))
    ctx.used.update(f"said.{v.value}" for v in values)
    head = "".join(_band(ctx, f"{SAID[v].glyph} {ctx.w('said.' + v.value)}", SAID[v].band)
                   for v in values)
    look = SAID[values[0]] if len(values) == 1 else NodeLook(BLACK, WHITE, WHITE, "solid", 1.6)
    span = len(values)
    quote = ctx.t(item.quote) if item.quote is not None else ""
    own = ctx.t(item.text) if item.text is not None else ""
    shown = ctx.w("quote", text=quote) if quote else own
    meta = f"{ctx.w('kind.response')} · {ctx.who(item.by)} · {ctx.date_text(item.id)}"
    label = (f"{_TABLE}<TR>{head}</TR>{_body(ctx, shown, max_lines=3, colspan=span)}"
             f"{_meta(ctx, meta, colspan=span)}</TABLE>")
    _node(ctx, g, item.id, "response", label, quote or own, color=look.border,
          style=look.style if look.style != "bold" else "", penwidth=1.6,
          fillcolor=ctx.color(tint(look.border, 0.08)))


def action_node(ctx: Context, g: graphviz.Digraph, item: Any) -> None:
    """An action: who did what, when."""
    head = _band(ctx, f"{ctx.w('kind.action')} · {ctx.who(item.by)} · {ctx.date_text(item.id)}",
                 tint("#0072B2", 0.25))
    text = ctx.t(item.text)
    label = f"{_TABLE}<TR>{head}</TR>{_body(ctx, text, max_lines=3)}</TABLE>"
    _node(ctx, g, item.id, "action", label, text, color="#0072B2")


def claim_node(ctx: Context, g: graphviz.Digraph, item: Any, kind: str = "claim") -> None:
    """A claim (or a demand in the argument view): holder, date, main position, text."""
    main = bool(getattr(item, "main", False))
    holder = ctx.who(item.by) if item.by else "—"
    head_text = f"{ctx.w('kind.' + kind)} · {holder} · {ctx.date_text(item.id)}"
    bg = tint(GREY, 0.15) if kind == "claim" else tint("#D55E00", 0.15)
    rows = f"<TR>{_band(ctx, head_text, bg)}</TR>"
    if main:
        rows += f"<TR>{_band(ctx, ctx.w('main'), tint('#F0E442', 0.7))}</TR>"
    text = ctx.t(item.text)
    rows += _body(ctx, text, bold=main)
    verdict = getattr(item, "verdict", None)
    if verdict is not None:
        rows += _meta(ctx, f"✓ {verdict.rating}")
    _node(ctx, g, item.id, kind if kind in ("claim", "demand") else "claim",
          f"{_TABLE}{rows}</TABLE>", text, penwidth=3.2 if main else 1.2,
          style="bold" if main else "")


def evidence_node(ctx: Context, g: graphviz.Digraph, item: Any) -> None:
    """Evidence: its kind, date, text and figure."""
    parts = [ctx.w("kind.evidence"), ctx.w("evidence." + item.kind.value)]
    # evidence dated only by its figure's as-of date says so on the figure's line below (the
    # timeline puts it on that date's row), not "undated" above it
    if ctx.date(item.id) is not None or item.value is None or item.value.as_of is None:
        parts.append(ctx.date_text(item.id))
    head = _band(ctx, " · ".join(parts), tint("#F0E442", 0.55))
    text = ctx.t(item.text)
    rows = f"<TR>{head}</TR>{_body(ctx, text, max_lines=3)}"
    if item.value is not None:
        value = item.value
        as_of = ""
        if value.as_of is not None:  # only as much of the date as the source gives
            when = ctx.date_words(value.as_of, value.as_of_precision.value)
            as_of = ctx.w("figure.as_of", date=when)
        figure = ctx.w("figure", measure=ctx.t(value.measure) if value.measure else "", scope="",
                       value=format_figure_value(value.number, value.unit, ctx.lang),
                       as_of=as_of).lstrip(":： ")
        rows += _meta(ctx, figure)
    _node(ctx, g, item.id, "evidence", f"{_TABLE}{rows}</TABLE>", text, color="#8A7A00")


def event_node(ctx: Context, g: graphviz.Digraph, item: Any) -> None:
    """An event (timeline): date, title, participants."""
    head = _band(ctx, f"{ctx.w('kind.event')} · {ctx.date_text(item.id)}", tint(GREY, 0.2))
    title = ctx.t(item.title)
    rows = f"<TR>{head}</TR>{_body(ctx, title, bold=True, max_lines=2)}"
    if item.participants:
        rows += _meta(ctx, ctx.who(item.participants, limit=4))
    _node(ctx, g, item.id, "event", f"{_TABLE}{rows}</TABLE>", title, color=GREY)


def source_node(ctx: Context, g: graphviz.Digraph, item: Any) -> None:
    """A source (timeline, when asked for): date and title."""
    head = _band(ctx, f"{ctx.w('kind.source')} · {ctx.date_text(item.id)}", WHITE)
    title = ctx.t(item.title)
    _node(ctx, g, item.id, "source",
          f"{_TABLE}<TR>{head}</TR>{_body(ctx, title, max_lines=2)}</TABLE>", title, color=GREY)


#: The node function of each kind of item.
NODE = {"demand": demand_node, "response": response_node, "action": action_node,
        "claim": claim_node, "evidence": evidence_node, "event": event_node,
        "source": source_node}
