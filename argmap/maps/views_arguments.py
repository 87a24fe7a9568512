"""The argument: the main position in the middle, each line of argument as its own cluster.

A line of argument is one reason for (or objection to) a main position together with everything
that argues for or against that reason, as Rationale and Argdown's group maps show them. The map
runs left to right with the main positions in the middle column: lines sit on either side of it,
each in a box of its own, with reasons and objections nearest the middle and their own premises
further out. A line of argument therefore grows outward and downward, never along one long row,
so the whole case fits a page (objections go right, reasons are shared out to balance the sides).
What the main position itself supports sits on its right; arguments that never reach a main
position get boxes of their own, and items linked to nothing share one last box.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

import graphviz

from ..dossier import Dossier
from ..model import Relation, RelationType
from .context import Context
from .escape import html
from .labels import NODE, claim_node
from .legend import add_legend
from .options import RenderOptions
from .style import BLUE, GREY, RELATION, VERMILLION, tint

__all__ = ["FAN", "KINDS", "arguments_map"]

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
class _Group:
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
            everything: list[str]) -> list[_Group]:
    """The boxes: one per line of argument of each main position, then what is left."""
    into: dict[str, list[tuple[str, Relation]]] = {}
    near: dict[str, set[str]] = {}
    for src, dst, rel in edges:
        into.setdefault(dst, []).append((src, rel))
        near.setdefault(src, set()).add(dst)
        near.setdefault(dst, set()).add(src)
    middle = set(mains)
    placed: dict[str, int] = {}
    groups: list[_Group] = []
    for main in mains:
        heads = sorted(into.get(main, []), key=lambda e: (_TYPE_ORDER[e[1].type], e[0]))
        for head, rel in heads:
            if head in middle or head in placed:
                continue
            kind = "attacks" if rel.type in (RelationType.attacks, RelationType.undercuts) \
                else "supports"
            group = _Group(kind)
            stack = [head]
            while stack:  # the head and all that argues about it, not yet in a box
                node = stack.pop()
                if node in placed or node in middle:
                    continue
                placed[node] = len(groups)
                group.members.append(node)
                stack.extend(sorted((s for s, _ in into.get(node, [])), reverse=True))
            groups.append(group)
    follows = _Group("follows", side=1)
    loose = _Group("loose")
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
            groups.append(_Group("apart", part))
    groups += [g for g in (follows, loose) if g.members]
    for group in groups:
        _set_depth(group, middle, near, {s for s, _, _ in edges})
    _share_sides(groups)
    return groups


def _set_depth(group: _Group, middle: set[str], near: dict[str, set[str]],
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


def _share_sides(groups: list[_Group]) -> None:
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


def _box_label(ctx: Context, group: _Group) -> str:
    key = _BOX[group.kind][0]
    items = sum(1 for m in group.members if m in ctx.dossier)
    words = f"{ctx.w(key)} · {ctx.w('line.items', n=items)}"
    return f'<<FONT POINT-SIZE="11"><B>{html(words)}</B></FONT>>'


def arguments_map(dossier: Dossier, options: RenderOptions | None = None) -> graphviz.Digraph:
    """The main positions in the middle, each line of argument in its own box on either side.

    Supports are solid, attacks dashed with a bar, undercuts dotted and point at the junction on
    the line of the relation they attack; joint premises meet at a junction point. Each label
    names who holds the claim.
    """
    options = options or RenderOptions()
    ctx = Context(dossier, options, "arguments", KINDS)
    g = ctx.new_graph("arguments", "LR")
    g.graph_attr.update(ranksep="0.25", nodesep="0.1", newrank="true")
    g.node_attr["fontsize"] = "9"  # 12 px at 96 dpi: a case of 75 items fits an A3 page
    legend_at = len(g.body)  # the legend goes first: with rankdir LR the first is drawn lowest
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
    by_id = {item.id: (kind, item) for kind, item in items}
    mains = [item.id for _, item in items if getattr(item, "main", False)]
    relations, junctions = _drawn_relations(ctx, nodes)
    edges = _premise_edges(relations, junctions, nodes)
    groups = _groups(mains, edges, [item.id for _, item in items])
    rel_of = {r.id: r for r in relations}

    def draw_node(graph: graphviz.Digraph, node_id: str) -> None:
        if node_id in rel_of:  # a junction point
            look = RELATION[rel_of[node_id].type]
            ctx.used.add("joint")
            graph.node(node_id, label="", shape="point", width="0.11",
                       color=ctx.color(look.color), tooltip=node_id)
            return
        kind, item = by_id[node_id]
        if kind in ("claim", "demand"):
            claim_node(ctx, graph, item, kind)
        else:
            NODE[kind](ctx, graph, item)

    if mains:
        ctx.used.add("main")
        with g.subgraph() as middle:
            middle.attr(rank="same")
            for m in mains:
                draw_node(middle, m)
    layer: dict[str, int] = {m: 0 for m in mains}
    group_of: dict[str, int] = {}
    for index, group in enumerate(groups):
        name, colour, amount, style = _BOX[group.kind]
        with g.subgraph(name=f"cluster_line_{index}") as box:
            box.attr(label=_box_label(ctx, group), style=style, color=ctx.color(colour),
                     fillcolor=ctx.color(tint(colour, amount)), labeljust="l", margin="8",
                     penwidth="1.2")
            for member in group.members:
                draw_node(box, member)
                apart_box = group.kind in ("apart", "loose") and bool(mains)
                layer[member] = 0 if apart_box else group.side * group.depth[member]
                group_of[member] = index
    for src, dst, rel in edges:
        look = RELATION[rel.type]
        ctx.used.add(f"rel.{rel.type.value}")
        attrs = {"color": ctx.color(look.color), "style": look.style,
                 "penwidth": str(look.penwidth)}
        head = "none" if dst == rel.id else look.arrowhead  # no arrow into a junction point
        a, b = layer.get(src, 0), layer.get(dst, 0)
        same_box = group_of.get(src) == group_of.get(dst) or src in layer and (
            a == 0 or b == 0)
        if rel.type is RelationType.rephrases:
            attrs["dir"] = "none"
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
    apart = [m for gr in groups if gr.kind in ("apart", "loose") for m in gr.members]
    if mains and apart:
        # what reaches no main position stacks in the middle column, by the main positions:
        # the only column with room to spare
        with g.subgraph() as middle:
            middle.attr(rank="same")
            for m in [*mains, *apart]:
                middle.node(m)
    if options.focus is not None:
        ctx.used.add("focus")
    add_legend(ctx, g, at=legend_at if ctx.bottom_up else None)
    return ctx.finish(g, "arguments")
