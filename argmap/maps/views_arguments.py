"""The argument: the main position in the middle, each line of argument as its own cluster.

A line of argument is one reason for (or objection to) a main position together with everything
that argues for or against that reason, as Rationale and Argdown's group maps show them. The map
runs left to right with the main positions in the middle column: lines sit on either side of it,
each in a box of its own, with reasons and objections nearest the middle and their own premises
further out. A line of argument therefore grows outward and downward, never along one long row
(objections go right, reasons are shared out to balance the sides). What the main position
itself supports sits on its right. Arguments that never reach a main position get boxes of their
own, set out in rows under the rest, and items linked to nothing share one last box.

:func:`arguments_map` draws the whole case (the interactive page shows it);
:mod:`argmap.maps.views_arguments_pages` cuts it into pages that each fit a sheet, drawn here by
:func:`draw_sheet`.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

import graphviz

from .. import text as tx
from ..dossier import Dossier
from ..model import Relation, RelationType
from .backend import AFTER_LAYOUT, ROUTED_UP_TO
from .context import Context, subgraph
from .escape import html
from .labels import NODE, claim_node
from .legend import add_legend
from .options import RenderOptions
from .style import BLUE, GREY, RELATION, VERMILLION, tint

__all__ = ["FAN", "KINDS", "Box", "Case", "Group", "arguments_map", "case_of", "draw_sheet"]

KINDS = frozenset({"claim", "demand", "evidence", "response", "action"})


def _drawn_relations(ctx: Context, nodes: set[str]) -> tuple[list[Relation], set[str]]:
    """Relations with a drawn target and at least one drawn premise, and those needing a junction.

    A relation gets a junction node (a small point on its line) when it has several premises or
    when a drawn undercut targets it, so the undercut has something to point at.
    """
    rels = sorted((r for r in ctx.dossier.relations if r.id in ctx.visible),
                  key=lambda r: r.id)
    plain = [r for r in rels if r.type is not RelationType.undercuts
             and r.to in nodes and any(p in nodes for p in r.from_)]
    plain_ids = {r.id for r in plain}
    cuts = [r for r in rels if r.type is RelationType.undercuts and r.to in plain_ids
            and any(p in nodes for p in r.from_)]
    junctions = {r.to for r in cuts}
    junctions |= {r.id for r in plain if sum(p in nodes for p in r.from_) > 1}
    return plain + cuts, junctions


#: Above this many leaf premises of one claim, they are spread over two columns.
FAN = 4


@dataclass
class Group:
    """One box of the map: a line of argument (or what stands apart), and its side."""

    kind: str  # "supports", "attacks" (lines of a main position), "follows", "apart", "loose"
    members: list[str] = field(default_factory=list)
    side: int = -1  # -1: left of the main positions, +1: right
    depth: dict[str, int] = field(default_factory=dict)  # steps out from the middle

    def weight(self) -> int:
        """Roughly the height of the box: its most crowded column."""
        counts: dict[int, int] = {}
        for d in self.depth.values():
            counts[d] = counts.get(d, 0) + 1
        return max(counts.values(), default=1) + 1  # and the box's title and margins


#: How each kind of box looks: (word key, border colour, fill amount, border style).
_BOX = {"supports": ("line.supports", BLUE, 0.06, "rounded,filled"),
        "attacks": ("line.attacks", VERMILLION, 0.07, "rounded,filled,dashed"),
        "follows": ("line.follows", GREY, 0.06, "rounded,filled"),
        "apart": ("line.apart", GREY, 0.06, "rounded,filled"),
        "loose": ("line.apart", GREY, 0.03, "rounded,filled,dotted")}


def _premise_edges(relations: list[Relation], junctions: set[str],
                   nodes: set[str]) -> list[tuple[str, str, Relation]]:
    """Every drawn line as ``(premise, conclusion, relation)``, junction points included."""
    out: list[tuple[str, str, Relation]] = []
    for rel in relations:
        premises = [p for p in rel.from_ if p in nodes]
        if rel.id in junctions:
            out += [(p, rel.id, rel) for p in premises]
            out.append((rel.id, rel.to, rel))
        else:
            out += [(p, rel.to, rel) for p in premises]
    return out


_TYPE_ORDER = {RelationType.supports: 0, RelationType.attacks: 1, RelationType.undercuts: 2,
               RelationType.rephrases: 3}


def _groups(mains: list[str], edges: list[tuple[str, str, Relation]],
            everything: list[str]) -> list[Group]:
    """The boxes: one per line of argument of each main position, then what is left."""
    into: dict[str, list[tuple[str, Relation]]] = {}
    near: dict[str, set[str]] = {}
    for src, dst, rel in edges:
        into.setdefault(dst, []).append((src, rel))
        near.setdefault(src, set()).add(dst)
        near.setdefault(dst, set()).add(src)
    middle = set(mains)
    placed: dict[str, int] = {}
    groups: list[Group] = []
    for main in mains:
        heads = sorted(into.get(main, []), key=lambda e: (_TYPE_ORDER[e[1].type], e[0]))
        for head, rel in heads:
            if head in middle or head in placed:
                continue
            kind = "attacks" if rel.type in (RelationType.attacks, RelationType.undercuts) \
                else "supports"
            group = Group(kind)
            stack = [head]
            while stack:  # the head and all that argues about it, not yet in a box
                node = stack.pop()
                if node in placed or node in middle:
                    continue
                placed[node] = len(groups)
                group.members.append(node)
                stack.extend(sorted((s for s, _ in into.get(node, [])), reverse=True))
            groups.append(group)
    follows = Group("follows", side=1)
    loose = Group("loose")
    seen: set[str] = set()
    for node in everything:
        if node in placed or node in middle or node in seen:
            continue
        part, queue = [], deque([node])
        seen.add(node)
        while queue:  # the connected part of what is not yet in a box
            n = queue.popleft()
            part.append(n)
            for m in sorted(near.get(n, ())):
                if m not in seen and m not in placed and m not in middle:
                    seen.add(m)
                    queue.append(m)
        touching = {placed[m] for n in part for m in near.get(n, ()) if m in placed}
        if any(m in middle for n in part for m in near.get(n, ())):
            follows.members += part
        elif len(touching) == 1:  # conclusions of one line only: they join it
            groups[touching.pop()].members += part
        elif len(part) == 1 and not touching:
            loose.members += part
        else:
            groups.append(Group("apart", part))
    groups += [g for g in (follows, loose) if g.members]
    premises = {s for s, _, _ in edges}  # once: per group it made large maps quadratic
    for group in groups:
        _set_depth(group, middle, near, premises)
    _share_sides(groups)
    return groups


def _set_depth(group: Group, middle: set[str], near: dict[str, set[str]],
               premises: set[str]) -> None:
    """Steps of each member out from the middle: 1 next to a main position (or, in a box that
    reaches none, for its final conclusions), then one more per link outward."""
    members = set(group.members)
    starts = [m for m in group.members if near.get(m, set()) & middle]
    if not starts:
        starts = [m for m in group.members if m not in premises] or group.members[:1]
    queue = deque(sorted(starts))
    group.depth = {m: 1 for m in queue}
    while queue:
        n = queue.popleft()
        for m in sorted(near.get(n, ())):
            if m in members and m not in group.depth:
                group.depth[m] = group.depth[n] + 1
                queue.append(m)
    for m in group.members:  # a member cut off from the rest (never happens by construction)
        group.depth.setdefault(m, 1)
    # A crowd of leaves (items nothing argues about) around one conclusion would make one tall
    # column: every second one goes one step further out, as ``unflatten -l 2`` would do.
    crowds: dict[str, list[str]] = {}
    for m in group.members:
        outer = [n for n in near.get(m, ()) if n in members and group.depth[n] > group.depth[m]]
        inner = [n for n in near.get(m, ()) if n in members and group.depth[n] < group.depth[m]]
        if not outer and len(inner) == 1:
            crowds.setdefault(inner[0], []).append(m)
    for leaves in crowds.values():
        if len(leaves) > FAN:
            for i, leaf in enumerate(sorted(leaves)):
                group.depth[leaf] += i % 2


def _share_sides(groups: list[Group]) -> None:
    """Objections go right, reasons are shared out (largest first) to balance the two sides."""
    load = {-1: 0, 1: 0}
    for g in groups:
        if g.kind in ("attacks", "follows"):
            g.side = 1
            load[1] += g.weight()
    rest = sorted((g for g in groups if g.kind not in ("attacks", "follows")),
                  key=lambda g: (-g.weight(), g.members[0]))
    for g in rest:
        g.side = -1 if load[-1] <= load[1] else 1
        load[g.side] += g.weight()


def _box_label(ctx: Context, group: Group, note: str | None = None) -> str:
    key = _BOX[group.kind][0]
    items = sum(1 for m in group.members if m in ctx.dossier)
    count = ctx.w("line.item" if items == 1 else "line.items", n=items)
    words = f"{ctx.w(key)} · {count}" + (f" {note}" if note else "")
    return f'<<FONT POINT-SIZE="11"><B>{html(words)}</B></FONT>>'


@dataclass
class Case:
    """What the arguments map of a dossier is drawn from: the items it shows, the main
    positions, the lines drawn between items, and the boxes (:class:`Group`) they fall into."""

    ctx: Context
    by_id: dict[str, tuple[str, Any]]  # item id -> (kind, item)
    mains: list[str]
    rel_of: dict[str, Relation]  # junction points: the relation they stand for
    edges: list[tuple[str, str, Relation]]
    groups: list[Group]
    #: sizes worked out for pages (views_arguments_pages), kept: a box is sized many times
    sizes: dict[Any, tuple[float, float]] = field(default_factory=dict)


def case_of(dossier: Dossier, options: RenderOptions | None = None) -> Case:
    """The items, lines and boxes of the arguments map of ``dossier`` (nothing drawn yet)."""
    options = options or RenderOptions()
    ctx = Context(dossier, options, "arguments", KINDS)
    in_relations = {x for r in ctx.dossier.relations for x in (*r.from_, r.to)}
    items: list[tuple[str, Any]] = []
    for section, kind in (("claims", "claim"), ("demands", "demand"), ("evidence", "evidence"),
                          ("responses", "response"), ("actions", "action")):
        if kind not in ctx.kinds:
            continue
        for item in ctx.items(section):
            if kind in ("claim", "demand", "evidence") or item.id in in_relations:
                items.append((kind, item))
    ctx.check_size(len(items) + len(ctx.dossier.relations))
    nodes = {item.id for _, item in items}
    mains = [item.id for _, item in items if getattr(item, "main", False)]
    relations, junctions = _drawn_relations(ctx, nodes)
    edges = _premise_edges(relations, junctions, nodes)
    groups = _groups(mains, edges, [item.id for _, item in items])
    return Case(ctx, {item.id: (kind, item) for kind, item in items}, mains,
                {r.id: r for r in relations}, edges, groups)


@dataclass
class Box:
    """A box drawn on a sheet: a group, the members shown (all of them, or only its first
    claims when the rest is on another page), and a note for its label (``→ p. 4``)."""

    group: Group
    shown: list[str]
    note: str | None = None


def arguments_map(dossier: Dossier, options: RenderOptions | None = None) -> graphviz.Digraph:
    """The main positions in the middle, each line of argument in its own box on either side.

    Supports are solid, attacks dashed with a bar, undercuts dotted and point at the junction on
    the line of the relation they attack; joint premises meet at a junction point. Each label
    names who holds the claim.
    """
    case = case_of(dossier, options)
    return draw_sheet(case, case.mains, [Box(g, g.members) for g in case.groups])


def draw_sheet(case: Case, middle: list[str], boxes: list[Box],
               listing: list[tuple[Group, str]] | None = None,
               caption: str | None = None, legend: bool = True,
               columns: int | None = None) -> graphviz.Digraph:
    """The arguments map of ``case`` restricted to ``middle`` (the main positions, or a line's
    first claims, drawn in the middle column) and ``boxes``; ``listing`` names groups shown
    elsewhere in one table (``(group, where)``), ``caption`` follows the view's name in the
    title (a page number). Boxes of arguments that reach no main position are set out in rows
    under the rest, as wide as the rest or ``columns`` (the lines that join them to it are drawn
    last).
    """
    ctx = case.ctx
    ctx.used = set()
    g = ctx.new_graph("arguments", "LR")
    g.graph_attr.update(ranksep="0.25", nodesep="0.1", newrank="true")
    g.node_attr["fontsize"] = "9"  # 12 px at 96 dpi
    legend_at = len(g.body)  # the legend goes first: with rankdir LR the first is drawn lowest
    apart_ix = {i for i, b in enumerate(boxes) if b.group.kind in ("apart", "loose")}
    apart = [boxes[i] for i in sorted(apart_ix)]
    _share_sides([b.group for i, b in enumerate(boxes) if i not in apart_ix])
    layer: dict[str, int] = {m: 0 for m in middle}
    box_of: dict[str, int] = {m: -1 for m in middle}  # -1: the middle column
    for index, box in enumerate(boxes):
        for member in box.shown:
            box_of[member] = index
            depth = box.group.depth[member]
            layer[member] = -depth if index in apart_ix else box.group.side * depth

    def draw_node(graph: graphviz.Digraph, node_id: str) -> None:
        if node_id in case.rel_of:  # a junction point
            look = RELATION[case.rel_of[node_id].type]
            ctx.used.add("joint")
            graph.node(node_id, label="", shape="point", width="0.11",
                       color=ctx.color(look.color), tooltip=node_id)
            return
        kind, item = case.by_id[node_id]
        if kind in ("claim", "demand"):
            claim_node(ctx, graph, item, kind)
        else:
            NODE[kind](ctx, graph, item)

    def draw_box(index: int, box: Box) -> None:
        _, colour, amount, style = _BOX[box.group.kind]
        with subgraph(g, f"cluster_line_{index}") as cluster:
            cluster.attr(label=_box_label(ctx, box.group, box.note), style=style,
                         color=ctx.color(colour), fillcolor=ctx.color(tint(colour, amount)),
                         labeljust="l", margin="8", penwidth="1.2")
            for member in box.shown:
                draw_node(cluster, member)
            if box.group.kind == "loose":  # items linked to nothing: a grid, rows of three
                for i, (a, b) in enumerate(zip(box.shown, box.shown[1:]), 1):
                    if i % 3:  # b's place in the box (list.index made large maps quadratic)
                        layer[b] = layer[a] + 1
                        cluster.edge(a, b, style="invis")

    # What reaches no main position goes first (so lowest, above the legend), in rows as wide
    # as the rest of the map, each box right of the one before.
    spread = [layer[m] for m in layer if box_of[m] not in apart_ix]
    widest = max(spread) - min(spread) + 1 if spread else 0
    if listing:  # the table of what is on other pages goes under the rest
        _draw_listing(ctx, g, listing)
    rows = _rows(boxes, sorted(apart_ix), max(widest, columns or 4))
    for row in reversed(rows) if ctx.bottom_up else rows:
        previous: Box | None = None
        for index in row:
            box = boxes[index]
            draw_box(index, box)
            if previous is not None:  # an unseen link keeps the boxes of a row side by side
                left = max(previous.shown, key=lambda m: (layer[m], m))
                right = min(box.shown, key=lambda m: (layer[m], m))
                g.edge(left, right, style="invis")
                shift = layer[left] + 1 - layer[right]
                for m in box.shown:
                    layer[m] += shift
            previous = box
    if middle:
        ctx.used.add("main")
        with subgraph(g) as centre:
            centre.attr(rank="same")
            for m in middle:
                draw_node(centre, m)
    for index, box in enumerate(boxes):
        if index not in apart_ix:
            draw_box(index, box)
    drawn = set(layer)
    later: list[tuple[str, str, dict[str, str]]] = []
    for src, dst, rel in case.edges:
        if src not in drawn or dst not in drawn:
            continue
        look = RELATION[rel.type]
        ctx.used.add(f"rel.{rel.type.value}")
        attrs = {"color": ctx.color(look.color), "style": look.style,
                 "penwidth": str(look.penwidth)}
        head = "none" if dst == rel.id else look.arrowhead  # no arrow into a junction point
        if rel.type is RelationType.rephrases:
            attrs["dir"] = "none"
        a, b = layer[src], layer[dst]
        one, other = box_of[src], box_of[dst]
        if one != other and (one in apart_ix or other in apart_ix):
            later.append((src, dst, {"arrowhead": head, **attrs}))
            continue
        same_box = one == other or -1 in (one, other)
        if a < b:
            g.edge(src, dst, arrowhead=head, **attrs,
                   **({"minlen": str(b - a)} if same_box and b - a > 1 else {}),
                   **({} if same_box else {"constraint": "false"}))
        elif a > b:  # drawn right to left: laid out from the conclusion, arrow at its end
            if "dir" not in attrs:
                attrs["dir"] = "back"
            g.edge(dst, src, arrowtail=head, arrowhead="none", **attrs,
                   **({"minlen": str(a - b)} if same_box and a - b > 1 else {}),
                   **({} if same_box else {"constraint": "false"}))
        else:
            g.edge(src, dst, arrowhead=head, constraint="false", **attrs)
    if later:
        if ctx.size <= ROUTED_UP_TO:
            g.graph_attr["splines"] = "true"
        with subgraph(g, AFTER_LAYOUT) as joining:
            for src, dst, attrs in later:
                joining.edge(src, dst, **attrs)
    if ctx.options.focus is not None:
        ctx.used.add("focus")
    if legend:
        add_legend(ctx, g, at=legend_at if ctx.bottom_up else None)
    g = ctx.finish(g, "arguments")
    if caption:
        ctx.under_title(g, f'<FONT POINT-SIZE="13">{html(caption)}</FONT>')
    return g


def _rows(boxes: list[Box], indices: list[int], width: int) -> list[list[int]]:
    """The boxes of ``indices`` in rows of at most ``width`` columns (a box as wide as its
    members' depths)."""
    rows: list[list[int]] = []
    used = width
    for index in indices:
        columns = _columns(boxes[index])
        if used + columns > width:
            rows.append([])
            used = 0
        rows[-1].append(index)
        used += columns
    return rows


def _columns(box: Box) -> int:
    """How many columns a box takes: its depths, or three for items linked to nothing."""
    if box.group.kind == "loose":
        return min(3, len(box.shown))
    return len({box.group.depth[m] for m in box.shown})


def _draw_listing(ctx: Context, g: graphviz.Digraph, listing: list[tuple[Group, str]]) -> None:
    """One table naming groups drawn on other pages: where, how many items, what they end in."""
    cell = '<TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="9">{}</FONT></TD>'
    rows = []
    for group, where in listing:
        ends = [m for m in group.members if group.depth.get(m) == 1 and m in ctx.dossier]
        item = ctx.dossier.get(ends[0]) if ends else None
        said = getattr(item, "text", None) or getattr(item, "quote", None) or ""
        text = tx.shorten(ctx.t(said), 60)
        items = sum(1 for m in group.members if m in ctx.dossier)
        count = ctx.w("line.item" if items == 1 else "line.items", n=items)
        rows.append("<TR>" + cell.format(html(where)) + cell.format(html(count))
                    + cell.format(html(text or " ")) + "</TR>")
    table = ('<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3" COLOR="#BBBBBB">'
             + "".join(rows) + "</TABLE>")
    with subgraph(g, "cluster_separate") as box:
        box.attr(label=f'<<FONT POINT-SIZE="11"><B>{html(ctx.w("sheet.separate_list"))}</B>'
                       "</FONT>>", style="rounded,filled,dotted", color=ctx.color(GREY),
                 fillcolor=ctx.color(tint(GREY, 0.03)), labeljust="l", margin="8")
        box.node("_separate", label=f"<{table}>", shape="plaintext", margin="0")
