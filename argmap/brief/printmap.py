"""The brief's map on paper: a drawing too tall for one page is cut into page-sized windows,
between its boxes where it can be, never through a node.

On screen the brief shows the whole drawing at the width of the text. Printed, a demands map of a
real case is several times taller than wide: scaled to fit one page its labels would be a few
points high. So each printed page shows a window of the drawing at the width of the page
(:func:`windows`), cut where no node, cluster or row of the drawing's table is (edges may be
cut: a line continues on the next page), with the shortest window as tall as the cuts allow, so
that no page is left nearly empty (a cut passes between the nodes inside a box only when that is
the way to fill each page to :data:`FILL`). The windows are small SVGs that ``<use>`` the one
drawing, so the file holds it once.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

__all__ = ["ASPECT", "FILL", "windows"]

#: Height over width of the part of a page a map window may fill: A4 (182 x 250 mm left by the
#: margins and the heading) and US Letter (188 x 235 mm) both hold it.
ASPECT = 1.22

_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_TRANSLATE = re.compile(r"translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)\s*\)")
#: Boxes closer than this (points) are read as one block: no cut between them.
_TOUCH = 2.0


def _extent(element: ET.Element) -> tuple[float, float] | None:
    """The top and bottom (drawing coordinates) of what an element and its children draw."""
    ys: list[float] = []
    for part in element.iter():
        tag = part.tag.removeprefix(_SVG)
        if tag in ("polygon", "polyline"):
            numbers = [float(n) for n in _NUMBER.findall(part.get("points", ""))]
            ys += numbers[1::2]
        elif tag == "path":
            numbers = [float(n) for n in _NUMBER.findall(part.get("d", ""))]
            ys += numbers[1::2]
        elif tag == "ellipse":
            cy, ry = float(part.get("cy", 0)), float(part.get("ry", 0))
            ys += [cy - ry, cy + ry]
        elif tag == "text":
            y, size = float(part.get("y", 0)), float(part.get("font-size", 10))
            ys += [y - size, y + size * 0.3]
    return (min(ys), max(ys)) if ys else None


def _blocks(root: ET.Element, clusters: bool = True) -> list[tuple[float, float]]:
    """The vertical extents (view-box coordinates, merged where they touch) of everything a cut
    must not pass through: nodes, the rows of the drawing's own label, and (``clusters``) the
    boxes that group nodes."""
    graph = next((g for g in root.iter(f"{_SVG}g") if g.get("class") == "graph"), None)
    if graph is None:
        return []
    found = _TRANSLATE.search(graph.get("transform", ""))
    dy = float(found.group(2)) if found else 0.0
    spans = []
    for i, child in enumerate(graph):
        if child.get("class") == "edge" or (i <= 1 and child.tag == f"{_SVG}polygon"):
            continue  # lines may be cut; the first polygon is the page's background
        if not clusters and child.get("class") == "cluster":
            continue
        extent = _extent(child)
        if extent is not None:
            spans.append((extent[0] + dy, extent[1] + dy))
    spans.sort()
    merged: list[list[float]] = []
    for top, bottom in spans:
        if merged and top <= merged[-1][1] + _TOUCH:
            merged[-1][1] = max(merged[-1][1], bottom)
        else:
            merged.append([top, bottom])
    return [(a, b) for a, b in merged]


def _gaps(blocks: list[tuple[float, float]]) -> list[float]:
    """Where a cut may go: the middle of each gap between blocks."""
    return [(a[1] + b[0]) / 2 for a, b in zip(blocks, blocks[1:])]


def windows(svg: str, aspect: float = ASPECT) -> list[tuple[float, float, float, float]]:
    """The view boxes ``(x, y, width, height)`` of the pages the drawing is printed on: one when
    it fits a page at the page's width, else as few windows as it takes, each no taller than
    ``aspect`` times the width, cut between blocks with the shortest window as tall as can be
    (between the nodes inside a box when that fills each page to :data:`FILL`; through a block
    only when one alone is taller than a page).

    >>> svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 500">'
    ...        '<g class="graph" transform="translate(0 500)">'
    ...        '<polygon points="0,0 0,-500 100,-500 100,0"/>'
    ...        '<g class="node"><polygon points="0,-490 100,-490 100,-380 0,-380"/></g>'
    ...        '<g class="node"><polygon points="0,-360 100,-360 100,-250 0,-250"/></g>'
    ...        '<g class="node"><polygon points="0,-230 100,-230 100,-120 0,-120"/></g>'
    ...        '<g class="node"><polygon points="0,-100 100,-100 100,-10 0,-10"/></g>'
    ...        '</g></svg>')
    >>> [(y, h) for _, y, _, h in windows(svg, aspect=2.6)]
    [(0.0, 260.0), (260.0, 240.0)]
    """
    root = ET.fromstring(svg)
    box = [float(n) for n in _NUMBER.findall(root.get("viewBox", ""))]
    if len(box) != 4:
        return []
    x, y, width, height = box
    page = width * aspect
    if height <= page:
        return [(x, y, width, height)]
    # cuts go between groups where they can, else between nodes inside a group taller than a
    # page, else (a node taller than a page) through it
    gaps = (_gaps(_blocks(root)), _gaps(_blocks(root, clusters=False)))
    end = y + height
    count = _needed(gaps, y, end, page)
    cuts = _balanced(gaps, y, end, page, count)
    edges = [y, *cuts, end]
    return [(x, a, width, b - a) for a, b in zip(edges, edges[1:])]


#: A printed page of the map should hold at least this share of a page: to reach it a cut may
#: pass between the nodes of a group (the group's box then runs on over the page break).
FILL = 0.4


def _balanced(gaps: tuple[list[float], ...], top: float, end: float, page: float,
              count: int) -> list[float]:
    """The ``count - 1`` cuts that make ``count`` windows no taller than ``page``: between groups
    (``gaps[0]``) where they can be, with the shortest window as tall as can be so that no page is
    left nearly empty; through as few groups (``gaps[1]``) as it takes to give every window
    :data:`FILL` of a page. A block taller than a page is cut through at a page's height."""
    inside = set(gaps[1]) - set(gaps[0])
    points = sorted({top, end, *(g for level in gaps for g in level if top < g < end)})
    # reach[k][i][m]: the tallest shortest window, and its cuts, over the ways to reach
    # points[i] with k windows, m of whose cuts pass through a group
    Ways = dict[int, dict[int, tuple[float, list[float]]]]
    reach: list[Ways] = [{0: {0: (float("inf"), [])}}]
    for k in range(1, count + 1):
        row: Ways = {}
        for i, point in enumerate(points):
            for j, before in reach[k - 1].items():
                span = point - points[j]
                if not 0 < span <= page:
                    continue
                for m, (shortest, cuts) in before.items():
                    n = m + (point in inside and point != end)
                    option = (min(shortest, span), cuts + [point])
                    held = row.setdefault(i, {})
                    if n not in held or option[0] > held[n][0]:
                        held[n] = option
        reach.append(row)
    ways = reach[count].get(len(points) - 1)
    if not ways:  # a block taller than a page: cut it at a page's height
        cuts, at = [], top
        for _ in range(1, count):
            at = _next_cut(gaps, at, page)
            cuts.append(at)
        return cuts
    full = [m for m, (shortest, _) in ways.items() if shortest >= FILL * page]
    m = min(full) if full else max(ways, key=lambda m: (ways[m][0], -m))
    return ways[m][1][:-1]


def _next_cut(gaps: tuple[list[float], ...], top: float, page: float) -> float:
    """The furthest gap within a page of ``top``, of the first level that has one; a full page
    when none has (a block taller than a page is then cut through)."""
    for level in gaps:
        reach = [g for g in level if top < g <= top + page]
        if reach:
            return max(reach)
    return top + page


def _needed(gaps: tuple[list[float], ...], top: float, end: float, page: float) -> int:
    """How many windows the drawing from ``top`` to ``end`` needs at the least."""
    count = 1
    while end - top > page:
        top = _next_cut(gaps, top, page)
        count += 1
    return count
