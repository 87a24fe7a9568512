"""The Graphviz SVG made ready for the page: cleaned, and its nodes made reachable.

The SVG is parsed as XML and written out again, so every text in it is escaped by the XML
writer whatever Graphviz produced; elements outside a small allow-list (``script``,
``foreignObject``, ``image``, ``style``...), event-handler attributes, ``style`` and links are
dropped. Each node of an item gets ``data-id``, ``tabindex``, ``role`` and ``aria-label`` (so it
can be reached with Tab and read by a screen reader); every node, edge and cluster gets ``data-t``,
the first position of the date control at which it exists (see :mod:`argmap.page.data`). The
answer and done bands of each demand are marked so that the script can show their value as of the
chosen date.
"""

from __future__ import annotations

import datetime as _dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..dossier import Dossier
from ..errors import RenderError
from ..lang import pick
from ..model import Done, Relation, Said
from ..maps import DONE, SAID
from ..words import word
from .data import position

__all__ = ["SVG_NS", "XLINK_NS", "node_label", "prepare_svg"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

_ALLOWED = frozenset({
    "svg", "g", "title", "desc", "polygon", "polyline", "path", "ellipse", "circle", "rect",
    "line", "text", "tspan", "a", "defs", "linearGradient", "radialGradient", "stop",
})
_DROPPED_ATTRS = frozenset({"style", "href", "id"})


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sanitize(el: ET.Element) -> None:
    """Drop disallowed children (with their content) and risky attributes, recursively."""
    for child in list(el):
        if not isinstance(child.tag, str) or _local(child.tag) not in _ALLOWED:
            el.remove(child)
            continue
        _sanitize(child)
    el.tag = _local(el.tag)  # written without prefixes: inline SVG in HTML needs none
    for name in list(el.attrib):
        local = _local(name).lower()
        if local.startswith("on") or name in _DROPPED_ATTRS or name.startswith("{"):
            del el.attrib[name]


def _title_of(el: ET.Element) -> str | None:
    title = el.find(f"{{{SVG_NS}}}title")
    return title.text if title is not None else None


def _drop_titles(el: ET.Element) -> None:
    for title in el.findall(f"{{{SVG_NS}}}title"):
        el.remove(title)


def _tooltip(el: ET.Element) -> str | None:
    """The tooltip Graphviz put on a node's ``<a xlink:title>``."""
    for a in el.iter(f"{{{SVG_NS}}}a"):
        text = a.attrib.pop(f"{{{XLINK_NS}}}title", None)
        if text:
            return text
    return None


def _mark_bands(node: ET.Element, lang: str) -> None:
    """Mark a demand's border (``border``, and ``border-outer`` when it is double) and its said
    and done bands (the text, and the box behind it).

    In a Latin map the glyph is its own ``<text>`` (drawn in the symbol font) before the word:
    it is marked ``band-<axis>-glyph`` and the word ``band-<axis>``.
    """
    words = {"said": tuple(f" {word('said.' + s.value, lang)}" for s in Said),
             "done": tuple(f" {word('done.' + d.value, lang)}" for d in Done)}
    glyphs = {"said": {SAID[s].glyph for s in Said}, "done": {DONE[d].glyph for d in Done}}
    parents = {child: parent for parent in node.iter() for child in parent}
    outline = [p for p in node.iter(f"{{{SVG_NS}}}polygon") if p.get("stroke") != "transparent"]
    for polygon, name in zip(outline[:2], ("border", "border-outer")):
        if name == "border" or polygon.get("fill") == "none":  # the outer ring of a double one
            polygon.set("class", name)
    texts = list(node.iter(f"{{{SVG_NS}}}text"))
    marked: set[str] = set()
    for i, text in enumerate(texts):
        value = text.text or ""
        for axis in ("said", "done"):
            if axis in marked:
                continue
            glyph = value in glyphs[axis] and i + 1 < len(texts) and (
                (texts[i + 1].text or "").startswith(words[axis]))
            whole = any(value.startswith(g) and value[len(g):].startswith(words[axis])
                        for g in glyphs[axis])
            if not (glyph or whole):
                continue
            marked.add(axis)
            if glyph:
                text.set("class", f"band-{axis}-glyph")
                texts[i + 1].set("class", f"band-{axis}")
            else:
                text.set("class", f"band-{axis}")
            siblings = list(parents[text])
            boxes = [s for s in siblings[:siblings.index(text)] if _local(s.tag) == "polygon"]
            if boxes:
                boxes[-1].set("class", f"band-{axis}-bg")
            break


class _Firsts:
    """The first date position of every node of a drawing, by its Graphviz name."""

    def __init__(self, dossier: Dossier, dates: list[_dt.date], first: Mapping[str, int]) -> None:
        self.dossier, self.dates, self.first = dossier, dates, first

    def item_of(self, name: str) -> str | None:
        """The dossier item a node stands for (a "no answer" placeholder stands for its demand)."""
        name = name.removeprefix("_noanswer__")
        return name if name in self.first else None

    def __call__(self, name: str) -> int:
        if name.startswith("_day__"):
            return self._date(name[len("_day__"):])
        item_id = self.item_of(name)
        if item_id is None:
            return 0
        item = self.dossier.get(item_id)
        if isinstance(item, Relation):  # a junction point exists once both of its ends do
            ends = [*item.from_, item.to]
            return max([self.first[item_id]] + [self(e) for e in ends if e in self.first])
        return self.first[item_id]

    def _date(self, iso: str) -> int:
        try:
            return position(self.dates, _dt.date.fromisoformat(iso))
        except ValueError:
            return 0

    def cluster(self, name: str) -> int:
        """Clusters are named after their event (``cluster_at__<id>``) or date (``cluster_on__``)."""
        if name.startswith("cluster_at__"):
            return self(name[len("cluster_at__"):])
        if name.startswith("cluster_on__"):
            return self._date(name[len("cluster_on__"):].split("__", 1)[0])
        return 0


def _edge_ends(title: str) -> tuple[str, str]:
    """``a->b`` split at its arrow (ids never hold ``>``, so the last ``->`` is the arrow)."""
    head, _, tail = title.rpartition("->")
    return head.split(":", 1)[0], tail.split(":", 1)[0]


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _bbox(el: ET.Element) -> tuple[float, float, float, float] | None:
    """The box ``(x0, y0, x1, y1)`` of everything drawn in ``el`` (shapes, lines, text)."""
    xs: list[float] = []
    ys: list[float] = []
    for child in el.iter():
        for name in ("points", "d"):
            numbers = [float(n) for n in _NUMBER.findall(child.get(name, ""))]
            xs += numbers[0::2]
            ys += numbers[1::2]
        for xa, ya in (("x", "y"), ("cx", "cy")):
            if child.get(xa) is not None and child.get(ya) is not None:
                xs.append(float(child.get(xa, 0)))
                ys.append(float(child.get(ya, 0)))
        if _local(child.tag) == "text" and child.get("y") is not None:  # y is the baseline
            ys.append(float(child.get("y", 0)) - float(child.get("font-size", 14)))
    return (min(xs), min(ys), max(xs), max(ys)) if xs and ys else None


def _drop_graph_label(graph: ET.Element) -> None:
    """Remove the map's own title (and the demands summary under it): the page shows both in
    HTML. They are what Graphviz draws straight into the graph, after its background."""
    background = True
    for child in list(graph):
        local = _local(child.tag)
        if local == "polygon" and background:
            background = False
            continue
        if local == "title" or child.get("class") in ("node", "edge", "cluster"):
            continue
        graph.remove(child)


def _reading_order(graph: ET.Element, order: Sequence[str]) -> None:
    """Put the nodes in the order Tab should visit them, after everything else.

    Items named in ``order`` come first, in that order (a demand, its answers, its actions...);
    the others follow the map: what stands in no box first (the main positions), then box by
    box from the top, and in a box from the middle of the map outward, then down. Nodes are
    drawn after the edges and boxes either way, so nothing is hidden by the change.
    """
    nodes = [c for c in graph if c.get("class") == "node"]
    boxes = sorted((b for c in graph if c.get("class") == "cluster"
                    and not (_title_of(c) or "").startswith("cluster__legend")
                    and (b := _bbox(c)) is not None), key=lambda b: (b[1], b[0]))
    where: dict[int, tuple[float, float]] = {}
    for node in nodes:
        box = _bbox(node)
        if box is not None:
            where[id(node)] = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    def box_of(node: ET.Element) -> int:
        x, y = where.get(id(node), (0.0, 0.0))
        inside = [i for i, b in enumerate(boxes) if b[0] <= x <= b[2] and b[1] <= y <= b[3]]
        return min(inside, key=lambda i: (boxes[i][2] - boxes[i][0]) * (boxes[i][3] - boxes[i][1])
                   ) if inside else -1
    loose = [where[id(n)][0] for n in nodes if id(n) in where and box_of(n) < 0]
    middle = sum(loose) / len(loose) if loose else 0.0
    rank = {item: i for i, item in enumerate(order)}

    def key(node: ET.Element) -> tuple[float, ...]:
        x, y = where.get(id(node), (0.0, 0.0))
        item = node.get("data-id")
        if item in rank and node.get("tabindex") is not None:
            return (0, rank[item], 0, 0, 0)
        b = box_of(node)
        return (1, b, abs(x - middle) if b >= 0 else 0, y, x)

    for node in nodes:
        graph.remove(node)
    graph.extend(sorted(nodes, key=key))


def prepare_svg(svg: str, dossier: Dossier, dates: list[_dt.date], first: Mapping[str, int],
                label: Callable[[str], str], lang: str, order: Sequence[str] = ()) -> str:
    """The SVG of a map, cleaned and annotated for the page (see the module docstring).

    ``first`` maps item ids to their first date position; ``label(id)`` gives a node's
    accessible name; ``lang`` is the language the map was drawn in; ``order`` lists items in
    the order Tab visits them before the rest (which follow the map's layout). The map's own
    title is left out (the page has it) and ``data-box`` is the box of the drawing itself.
    """
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise RenderError(f"Graphviz wrote SVG that cannot be read: {exc}") from None
    if _local(root.tag) != "svg":
        raise RenderError("Graphviz did not write an SVG document")
    firsts = _Firsts(dossier, dates, first)
    box = root.get("viewBox", "0 0 100 100").split()
    for name in ("width", "height"):
        root.attrib.pop(name, None)
    content: list[tuple[float, float, float, float]] = []
    for graph in root.findall(f"{{{SVG_NS}}}g"):
        for child in graph.findall(f"{{{SVG_NS}}}g"):
            _annotate(child, firsts, label, lang)
        _drop_graph_label(graph)
        _reading_order(graph, order)
        shift = _NUMBER.findall(graph.get("transform", "").partition("translate")[2])
        dx, dy = (float(shift[0]), float(shift[1])) if len(shift) >= 2 else (0.0, 0.0)
        for child in graph:
            if child.get("class") in ("node", "edge", "cluster") and (b := _bbox(child)):
                content.append((b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy))
        _drop_titles(graph)
    _drop_titles(root)
    if content:  # the drawing without its title, with a margin
        x0, y0 = min(b[0] for b in content) - 8, min(b[1] for b in content) - 8
        x1, y1 = max(b[2] for b in content) + 8, max(b[3] for b in content) + 8
        box = [f"{x0:.2f}", f"{y0:.2f}", f"{x1 - x0:.2f}", f"{y1 - y0:.2f}"]
    _sanitize(root)
    root.attrib.pop("xmlns", None)
    root.set("class", "map")
    root.set("data-lang", lang)
    root.set("data-box", " ".join(box))
    root.tag = "svg"
    root.set("xmlns", SVG_NS)
    return ET.tostring(root, encoding="unicode")


def _annotate(g: ET.Element, firsts: _Firsts, label: Callable[[str], str], lang: str) -> None:
    name = _title_of(g)
    if name is None:
        return
    kind = _kind_of(g, name)
    attrs: dict[str, Any] = {}
    if kind == "edge":
        a, b = _edge_ends(name)
        attrs["class"] = "edge"
        attrs["data-t"] = max(firsts(a), firsts(b))
        for key, end in (("data-a", a), ("data-b", b)):
            item_id = firsts.item_of(end)
            if item_id:
                attrs[key] = item_id
    elif kind == "cluster":
        attrs["class"] = "cluster"
        attrs["data-t"] = firsts.cluster(name)
    else:
        attrs["class"] = "node"
        attrs["data-t"] = firsts(name)
        if name.startswith("_lane__"):  # a lane heading: the page keeps it in view (stickLanes)
            attrs["data-lane"] = name[len("_lane__"):]
        item_id = firsts.item_of(name)
        tip = _tooltip(g)
        if item_id is not None:
            attrs.update({"data-id": item_id, "role": "button", "aria-label": label(item_id)})
            if not name.startswith("_"):  # a "no answer" placeholder is no second stop
                attrs["tabindex"] = "0"
            if firsts.dossier.kind_of(item_id) == "demand" and not name.startswith("_"):
                _mark_bands(g, lang)
        _drop_titles(g)
        if tip:  # the full text as the hover tooltip, in place of the node's name
            title = ET.Element(f"{{{SVG_NS}}}title")
            title.text = tip
            g.insert(0, title)
    if kind != "node":
        _drop_titles(g)
    for key, value in attrs.items():
        g.set(key, str(value))


def _kind_of(g: ET.Element, name: str) -> str:
    """``node``, ``edge`` or ``cluster``: the class Graphviz gave the group."""
    kind = g.get("class", "")
    if kind in ("node", "edge", "cluster"):
        return kind
    return "cluster" if name.startswith("cluster") else "edge" if "->" in name else "node"


def node_label(dossier: Dossier, lang: str) -> Callable[[str], str]:
    """The accessible name of an item's node: its kind, date and text in ``lang``."""
    fallback = ("en", "ja") + tuple(dossier.info.languages if dossier.info else ())

    def label(item_id: str) -> str:
        item = dossier.get(item_id)
        text = (getattr(item, "text", None) or getattr(item, "quote", None)
                or getattr(item, "title", None) or getattr(item, "name", None) or item_id)
        date = dossier.date_of(item_id)
        kind = word(f"kind.{item.KIND}", lang)
        when = f" {date.isoformat()}" if date else ""
        return f"{kind}{when}: {pick(text, lang, fallback)}"

    return label
