"""The argument in pages: an overview, then the lines of argument in full, each page one sheet.

A case too large for one sheet is published as Rationale and Argdown's group maps would: page 1
is the overview, with the main positions in the middle and each line of argument shown by its
first claims (the box says on which page it continues); the pages after it carry the lines in
full, as many to a page as fit, each with the main positions they argue about. Arguments that
reach no main position come last, listed on the overview. A line too large for a page is itself
cut the same way: a page with its first claims in the middle and its own lines around them,
then those lines. So every page fits a sheet, however large the case.

Sizes are estimated from the labels (as :mod:`argmap.maps.views_timeline` does), never measured
by running Graphviz, so the pages are the same on any machine. The estimate errs on the large
side; :data:`SHEET` is the most a page may take, in points (96 dpi: 1 pt = 4/3 px).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import graphviz

from .. import text as tx
from ..dossier import Dossier
from ..model import RelationType
from .options import RenderOptions
from .views_arguments import Box, Case, Group, case_of, draw_sheet

__all__ = ["SHEET", "Sheet", "arguments_pages", "sheet_plan"]

#: The most a page's drawing may take, in points, title and legend included: at 96 dpi an
#: image of at most 2,400 x 1,700 px, the proportions of an A-series sheet (landscape).
SHEET = (1800.0, 1270.0)
#: Of which the title, the legend and the margins take about this much height.
_FRAME = 330.0
_COLUMN_GAP = 18.0  # ranksep 0.25 in
_NODE_GAP = 10.0  # nodesep 0.1 in, and a little slack
_BOX_FRAME = (16.0, 34.0)  # a box's margins, and its margins and title
_SLACK = 1.15  # dot spreads a column out to line nodes up with their neighbours


def _node_size(case: Case, node: str) -> tuple[float, float]:
    """A generous estimate of a node's width and height in points (9 pt text)."""
    if node not in case.sizes:
        case.sizes[node] = _measure(case, node)
    return case.sizes[node]


def _measure(case: Case, node: str) -> tuple[float, float]:
    if node in case.rel_of:
        return 8.0, 8.0
    kind, item = case.by_id[node]
    ctx = case.ctx
    text = getattr(item, "text", None) or getattr(item, "quote", None) or ""
    limit = 3 if kind in ("evidence", "response", "action") else ctx.options.max_lines
    lines = len(tx.wrap(ctx.t(text), ctx.options.wrap, limit))
    rows = lines + 1 + (1 if getattr(item, "main", False) else 0)
    rows += 2 if kind in ("evidence", "response") else 0  # a figure, who answered and when
    rows += 1 if getattr(item, "verdict", None) is not None else 0
    return 170.0, 18.0 + 13.5 * rows


def _box_size(case: Case, group: Group, shown: list[str]) -> tuple[float, float]:
    """Width and height of a box drawing ``shown`` of ``group``: a column per depth."""
    key = (id(group), tuple(shown))
    if key not in case.sizes:
        case.sizes[key] = _measure_box(case, group, shown)
    return case.sizes[key]


def _measure_box(case: Case, group: Group, shown: list[str]) -> tuple[float, float]:
    columns: dict[int, list[tuple[float, float]]] = {}
    for m in shown:
        columns.setdefault(group.depth[m], []).append(_node_size(case, m))
    if group.kind == "loose":  # rows of three
        sizes = [_node_size(case, m) for m in shown]
        columns = {i: sizes[i::3] for i in range(min(3, len(sizes)))}
    width = sum(max(w for w, _ in col) for col in columns.values())
    width += _COLUMN_GAP * (len(columns) - 1) + _BOX_FRAME[0]
    height = max((sum(h for _, h in col) + _NODE_GAP * (len(col) - 1))
                 * (_SLACK if len(col) > 1 else 1.0) for col in columns.values())
    return width, height + _BOX_FRAME[1]


@dataclass
class Sheet:
    """One page: what goes in the middle, the boxes around it, and for boxes whose rest is on
    another page, that sheet (filled in once every page is known)."""

    kind: str  # "overview", "lines", "inside", "separate", "whole"
    middle: list[str]
    boxes: list[tuple[Group, list[str]]] = field(default_factory=list)
    refers: list[tuple[Group, Sheet | None]] = field(default_factory=list)  # heads only
    listing: list[tuple[Group, Sheet]] = field(default_factory=list)
    of: Group | None = None  # the line cut up whose first claims are in the middle


def _heads(group: Group) -> list[str]:
    return [m for m in group.members if group.depth[m] == 1]


def _fits(case: Case, middle: list[str], boxes: list[tuple[Group, list[str]]]) -> bool:
    """Whether ``middle`` and ``boxes`` fit one sheet (sides as :func:`_share_sides` sets them)."""
    width, height = SHEET[0], SHEET[1] - _FRAME
    centre = [_node_size(case, m) for m in middle]
    mid_w = max((w for w, _ in centre), default=0.0)
    mid_h = sum(h for _, h in centre) + _NODE_GAP * max(len(centre) - 1, 0)
    sides: dict[int, list[tuple[float, float]]] = {-1: [], 1: []}
    load = {-1: 0.0, 1: 0.0}
    around = [(g, s) for g, s in boxes if g.kind not in ("apart", "loose")]
    apart = [(g, s) for g, s in boxes if g.kind in ("apart", "loose")]
    for g, shown in sorted(around, key=lambda b: b[0].kind not in ("attacks", "follows")):
        size = _box_size(case, g, shown)
        side = 1 if g.kind in ("attacks", "follows") else (-1 if load[-1] <= load[1] else 1)
        sides[side].append(size)
        load[side] += size[1] + _NODE_GAP
    used_w = mid_w + sum(max((w for w, _ in sides[s]), default=0.0) + _COLUMN_GAP for s in sides)
    used_h = max(mid_h, *(sum(h for _, h in sides[s]) + _NODE_GAP * len(sides[s])
                          for s in sides))
    row_w, row_h = 0.0, 0.0
    for g, shown in apart:  # rows under the rest, as wide as the sheet
        w, h = _box_size(case, g, shown)
        if row_w and row_w + w > width:
            used_h += row_h + _NODE_GAP
            row_w, row_h = 0.0, 0.0
        row_w, row_h = row_w + w + _COLUMN_GAP, max(row_h, h)
        used_w = max(used_w, row_w)
    used_h += row_h
    return used_w <= width and used_h <= height


def _inside(case: Case, group: Group) -> list[Group]:
    """The lines inside one line of argument: each premise of its first claims, with everything
    that argues about it, as a line of its own around those first claims."""
    members = set(group.members)
    heads = set(_heads(group))
    kind_of: dict[str, str] = {}
    for src, dst, rel in case.edges:
        if src in members and dst in heads:
            attack = rel.type in (RelationType.attacks, RelationType.undercuts)
            kind_of.setdefault(src, "attacks" if attack else "supports")
    near: dict[str, list[str]] = {}
    for src, dst, _ in case.edges:
        near.setdefault(src, []).append(dst)
        near.setdefault(dst, []).append(src)
    owner: dict[str, int] = {}
    parts: list[Group] = []
    for start in sorted(m for m in group.members if group.depth[m] == 2):
        part = Group(kind_of.get(start, "supports"))
        queue = [start]
        while queue:  # outward from the premise: what argues about it, not yet taken
            node = queue.pop(0)
            if node in owner:
                continue
            owner[node] = len(parts)
            part.members.append(node)
            part.depth[node] = group.depth[node] - 1
            queue += sorted(m for m in near.get(node, ()) if m in members
                            and group.depth[m] > group.depth[node] and m not in owner)
        parts.append(part)
    rest = [m for m in group.members if m not in heads and m not in owner]
    if rest:  # joined to the first claims some other way: they share one more box
        extra = Group("supports", rest, depth={m: max(group.depth[m] - 1, 1) for m in rest})
        parts.append(extra)
    return parts


def _pack(case: Case, middle: list[str], groups: list[Group], kind: str) -> list[Sheet]:
    """``groups`` drawn in full around ``middle``, as many to a page as fit, in their order;
    a group too large for a page alone is cut up (:func:`_cut`)."""
    sheets: list[Sheet] = []
    current: Sheet | None = None
    for group in groups:
        box = (group, list(group.members))
        anchors = middle if group.kind not in ("apart", "loose") else []
        if current is not None and _fits(case, _middle(current, anchors), [*current.boxes, box]):
            current.middle = _middle(current, anchors)
            current.boxes.append(box)
            continue
        if _fits(case, anchors, [box]):
            current = Sheet(kind if anchors else "separate", list(anchors), [box])
            sheets.append(current)
            continue
        current = None
        sheets += _cut(case, anchors, group)
    for sheet in sheets:  # only the main positions its lines argue about
        reached = {n for g, _ in sheet.boxes for src, dst, _ in case.edges
                   for n in (src, dst) if src in g.members or dst in g.members}
        sheet.middle = [m for m in sheet.middle if m in reached]
    return sheets


def _middle(sheet: Sheet, anchors: list[str]) -> list[str]:
    return list(dict.fromkeys([*sheet.middle, *anchors]))


def _cut(case: Case, anchors: list[str], group: Group) -> list[Sheet]:
    """A group too large for one page: a page of its first claims (in the middle) and the lines
    inside it by their first claims, then those lines in full."""
    heads = _heads(group)
    parts = _inside(case, group)
    if len(group.members) <= 1 or not parts:  # nothing left to cut: one page, however large
        return [Sheet("lines", list(anchors), [(group, list(group.members))])]
    for part in parts:
        part.side = 1 if part.kind == "attacks" else -1
    inside = _overview(case, heads, parts, "inside")
    inside[0].of = group
    return [*inside, *_pack(case, heads, parts, "lines")]


def _overview(case: Case, middle: list[str], groups: list[Group], kind: str) -> list[Sheet]:
    """Pages with ``middle`` and each group by its first claims, the separate ones listed."""
    sheets = [Sheet(kind, list(middle))]
    for group in groups:
        if group.kind in ("apart", "loose"):
            sheets[0].listing.append((group, sheets[0]))  # the page is set when known
            continue
        box = (group, _heads(group))
        if not _fits(case, sheets[-1].middle, [*sheets[-1].boxes, box]):
            sheets.append(Sheet(kind, list(middle)))
        sheets[-1].boxes.append(box)
        sheets[-1].refers.append((group, None))
    return sheets


def sheet_plan(case: Case) -> list[Sheet]:
    """The pages of the argument of ``case``: one page when it all fits, else an overview and
    the lines in full (see the module's notes)."""
    every = [(g, list(g.members)) for g in case.groups]
    if _fits(case, case.mains, every):
        return [Sheet("whole", list(case.mains), every)]
    lines = [g for g in case.groups if g.kind not in ("apart", "loose")]
    apart = [g for g in case.groups if g.kind in ("apart", "loose")]
    overview = _overview(case, case.mains, case.groups, "overview")
    pages = _pack(case, case.mains, lines, "lines")
    separate = _pack(case, [], apart, "separate")
    plan = [*overview, *pages, *separate]
    first_page = {id(g): s for s in reversed(plan) for g, shown in s.boxes
                  if shown == g.members and s.kind in ("lines", "separate")}
    first_page.update({id(s.of): s for s in plan if s.of is not None})
    for sheet in plan:  # where each line shown by its first claims continues
        sheet.refers = [(g, first_page.get(id(g))) for g, _ in sheet.refers]
        sheet.listing = [(g, first_page.get(id(g), sheet)) for g, _ in sheet.listing]
    return plan


def arguments_pages(dossier: Dossier, options: RenderOptions | None = None
                    ) -> list[graphviz.Digraph]:
    """The arguments map as pages that each fit a sheet (one page when the case fits one).

    Page 1 carries the legend; every page names its number and what it shows.
    """
    case = case_of(dossier, options)
    plan = sheet_plan(case)
    number = {id(s): i + 1 for i, s in enumerate(plan)}
    ctx = case.ctx
    pages = []
    for i, sheet in enumerate(plan, 1):
        heads_of = {id(g): ref for g, ref in sheet.refers}
        boxes = []
        for group, shown in sheet.boxes:
            ref = heads_of.get(id(group))
            note = None
            if ref is not None and ref is not sheet:
                note = ctx.w("sheet.see", k=number[id(ref)])
            boxes.append(Box(group, shown, note))
        listing = [(g, ctx.w("sheet.see", k=number[id(s)])) for g, s in sheet.listing]
        caption = None
        if len(plan) > 1:
            caption = (f"{ctx.w('sheet.page', k=i, n=len(plan))} · "
                       f"{ctx.w('sheet.' + sheet.kind)}")
        pages.append(draw_sheet(case, sheet.middle, boxes, listing, caption,
                                columns=int(SHEET[0] // (170 + _COLUMN_GAP))))
    return pages

