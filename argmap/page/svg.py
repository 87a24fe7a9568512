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
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from typing import Any

from ..dossier import Dossier
from ..errors import RenderError
from ..lang import pick
from ..model import Done, Relation, Said
from ..maps.style import DONE, SAID
from ..maps.words import word
from .data import position

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
    """Mark a demand's said and done bands (the text, and the box behind it).

    In a Latin map the glyph is its own ``<text>`` (drawn in the symbol font) before the word:
    it is marked ``band-<axis>-glyph`` and the word ``band-<axis>``.
    """
    words = {"said": tuple(f" {word('said.' + s.value, lang)}" for s in Said),
             "done": tuple(f" {word('done.' + d.value, lang)}" for d in Done)}
    glyphs = {"said": {SAID[s].glyph for s in Said}, "done": {DONE[d].glyph for d in Done}}
    parents = {child: parent for parent in node.iter() for child in parent}
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


def prepare_svg(svg: str, dossier: Dossier, dates: list[_dt.date], first: Mapping[str, int],
                label: Callable[[str], str], lang: str) -> str:
    """The SVG of a map, cleaned and annotated for the page (see the module docstring).

    ``first`` maps item ids to their first date position; ``label(id)`` gives a node's
    accessible name; ``lang`` is the language the map was drawn in.
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
    for graph in root.findall(f"{{{SVG_NS}}}g"):
        for child in graph.findall(f"{{{SVG_NS}}}g"):
            _annotate(child, firsts, label, lang)
        _drop_titles(graph)
    _drop_titles(root)
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
        item_id = firsts.item_of(name)
        tip = _tooltip(g)
        if item_id is not None:
            attrs.update({"data-id": item_id, "tabindex": "0", "role": "button",
                          "aria-label": label(item_id)})
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
