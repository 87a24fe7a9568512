"""The argument: claims, evidence and demands with supports, attacks and undercuts."""

from __future__ import annotations

from typing import Any

import graphviz

from ..dossier import Dossier
from ..model import Relation, RelationType
from .context import Context
from .labels import NODE, claim_node
from .legend import add_legend
from .options import RenderOptions
from .style import RELATION

__all__ = ["FAN", "KINDS", "STAGGER", "arguments_map"]

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


#: Above this many leaf premises of one claim, they are spread over up to STAGGER ranks.
FAN = 4
STAGGER = 3


def _stagger(relations: list[Relation], junctions: set[str], nodes: set[str]) -> dict[str, int]:
    """Edge lengths that spread the leaf premises of a crowded claim over a few ranks.

    A claim with a dozen supporting leaves (items nothing points at) would otherwise put them all
    on one rank and make the map very wide; as Graphviz's ``unflatten -l`` does, their edges get
    lengths 1, 2, 3, 1, 2, ... so the leaves stack in a few shorter rows. (Staggering premises
    that have premises of their own was tried: it pushes whole subtrees down and widens the map.)
    """
    targeted = {r.to for r in relations} | junctions
    leaves: dict[str, list[str]] = {}
    for rel in relations:
        if rel.id in junctions:
            continue
        for p in rel.from_:
            if p in nodes and p not in targeted:
                leaves.setdefault(rel.to, []).append(p)
    lengths: dict[str, int] = {}
    for crowd in leaves.values():
        if len(set(crowd)) > FAN:
            for i, p in enumerate(sorted(set(crowd))):
                lengths.setdefault(p, 1 + i % STAGGER)
    return lengths


def arguments_map(dossier: Dossier, options: RenderOptions | None = None) -> graphviz.Digraph:
    """Claims, evidence and demands joined by supports (solid), attacks and undercuts.

    The main positions (``Claim.main``) sit on top; each label names who holds the claim. Joint
    premises meet at a junction point before their conclusion; an undercut points at the
    junction on the line of the relation it attacks.
    """
    options = options or RenderOptions()
    ctx = Context(dossier, options, "arguments", KINDS)
    g = ctx.new_graph("arguments", "BT")
    g.graph_attr.update(ranksep="0.55", nodesep="0.35")
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
    mains = []
    for kind, item in items:
        if kind in ("claim", "demand"):
            claim_node(ctx, g, item, kind)
        else:
            NODE[kind](ctx, g, item)
        if getattr(item, "main", False):
            mains.append(item.id)
            ctx.used.add("main")
    if mains:  # the main positions on the top rank (rank=max is the top with rankdir=BT)
        with g.subgraph() as top:
            top.attr(rank="max" if (options.rankdir or "BT") == "BT" else "min")
            for m in mains:
                top.node(m)
    relations, junctions = _drawn_relations(ctx, nodes)
    stagger = _stagger(relations, junctions, nodes)
    for rel in relations:
        look = RELATION[rel.type]
        ctx.used.add(f"rel.{rel.type.value}")
        common = {"color": ctx.color(look.color), "style": look.style,
                  "penwidth": str(look.penwidth)}
        if rel.type is RelationType.rephrases:
            common["dir"] = "none"
        premises = [p for p in rel.from_ if p in nodes]
        if rel.id in junctions:
            ctx.used.add("joint")
            g.node(rel.id, label="", shape="point", width="0.11", color=ctx.color(look.color),
                   tooltip=rel.id)
            for p in premises:
                g.edge(p, rel.id, arrowhead="none", **common)
            g.edge(rel.id, rel.to, arrowhead=look.arrowhead, **common)
        else:
            for p in premises:
                g.edge(p, rel.to, arrowhead=look.arrowhead, **common,
                       **({"minlen": str(stagger[p])} if p in stagger else {}))
    if options.focus is not None:
        ctx.used.add("focus")
    add_legend(ctx, g)
    return ctx.finish(g, "arguments")
