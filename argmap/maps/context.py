"""What every view needs: the dossier, the options resolved, the items shown, and label helpers."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from typing import Any

import graphviz
import networkx as nx

from ..dates import latest_date, precision_of
from ..dossier import Dossier
from ..errors import RenderError, did_you_mean
from ..graph import build_graph, neighbourhood
from ..l10n import format_date
from ..lang import is_cjk, pick
from ..words import word
from ..tracking import DemandStatus, demand_status, known_as_of
from .. import text as tx
from . import fonts
from .escape import html
from .backend import layout_settings
from .options import RenderOptions
from .style import Palette

__all__ = ["Context", "need_dossier", "stack", "subgraph"]

#: Kinds whose nodes stand between others without being drawn; a focus walk does not cross them.
_HUBS = frozenset({"actor", "source"})


def need_dossier(dossier: object) -> Dossier:
    """``dossier`` itself when it is a :class:`Dossier`; a RenderError saying what to give
    otherwise (maps are drawn from the dossier, which builds the graph it needs itself)."""
    if not isinstance(dossier, Dossier):
        raise RenderError(f"cannot draw a {type(dossier).__name__}: give a Dossier "
                          "(argmap.load(path))")
    return dossier


def stack(cells: list[str], bold: bool = False, align: str = "LEFT") -> str:
    """Lines of (already escaped) HTML text as a borderless table, one row each."""
    rows = "".join(f'<TR><TD ALIGN="{align}">{f"<B>{c}</B>" if bold and c else c}</TD></TR>'
                   for c in cells)
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{rows}</TABLE>'


@contextmanager
def subgraph(parent: graphviz.Digraph, name: str | None = None) -> Iterator[graphviz.Digraph]:
    """``with parent.subgraph(name=name) as sub:``, the same DOT, in time that does not grow with
    the parent: graphviz's own method copies the parent's whole body into every subgraph it makes
    (then drops it), which made a map of thousands of boxes take quadratic time."""
    sub = graphviz.Digraph(name=name)
    yield sub
    parent.subgraph(sub)


class Context:
    """One drawing in progress: dossier, options, the ids shown, statuses, and text helpers."""

    def __init__(self, dossier: Dossier, options: RenderOptions, view: str,
                 kinds: frozenset[str]) -> None:
        self.dossier = need_dossier(dossier)
        self.options = options
        self.view = view
        info_langs = list(dossier.info.languages) if dossier.info is not None else []
        self.lang = options.lang or (info_langs[0] if info_langs else "en")
        self.fallback = tuple(options.fallback) + tuple(info_langs)
        self.color = Palette(options.scheme)
        self.kinds = kinds if options.kinds is None else kinds & options.kinds
        # the graph and the statuses are made when first asked for (below): a map too large to
        # draw is refused before any of that work (check_size)
        self.visible = self._visible()
        #: What the drawing has used so far ("said.refused", "effect.fulfils", "kind.claim"...),
        #: so that the legend explains exactly what is on the map.
        self.used: set[str] = set()
        #: Items shown in other views that this one leaves out for want of a date (the title
        #: says how many, so that a timeline never looks complete when it is not).
        self.left_out = 0
        self.size = 0
        self.rankdir = "TB"

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The dossier's graph (:func:`argmap.graph.build_graph`)."""
        return build_graph(self.dossier)

    @cached_property
    def status(self) -> dict[str, DemandStatus]:
        """Every demand's status as of the map's date."""
        # Overdue is judged on as_of, else on the latest date in the dossier (not the system
        # date), so that the same dossier always gives the same map.
        options = self.options
        today = options.as_of or options.today or latest_date(self.dossier)
        return demand_status(self.dossier, options.as_of, graph=self.graph, today=today)

    # --- which items -----------------------------------------------------------------------

    def _visible(self) -> set[str]:
        d = self.dossier
        ids = {item.id for _, _, item in d.items()}
        if self.options.as_of is not None:
            ids &= known_as_of(d, self.options.as_of)
            ids -= {k for k in ids if d.kind_of(k) == "demand" and k not in self.status}
        focus = self.options.focus
        if focus is not None:
            if focus not in d:
                hint = did_you_mean(focus, sorted(ids), cutoff=0.6)
                raise RenderError(f"focus: no item '{focus}' in the dossier{hint}",
                                  path=("focus",))
            ids &= self.focus_ids(focus, self.options.radius)
        return {i for i in ids if d.kind_of(i) in self.kinds or d.kind_of(i) == "relation"}

    def focus_ids(self, focus: str, radius: int) -> set[str]:
        """Ids within ``radius`` steps of ``focus``, not walking through actors and sources."""
        graph = self.graph
        starts = [focus]
        if focus not in graph:  # a relation no undercut targets: start from its ends
            rel = self.dossier.get(focus)
            starts = [*getattr(rel, "from_", []), getattr(rel, "to", focus)]
        if graph.nodes[starts[0]].get("kind") not in _HUBS:
            graph = graph.subgraph([n for n, k in graph.nodes(data="kind") if k not in _HUBS])
        found = {focus}
        for start in starts:
            if start in graph:
                found |= set(neighbourhood(graph, start, radius))
        return found

    @property
    def bottom_up(self) -> bool:
        """Whether Graphviz stacks the nodes of a rank bottom-up (it does with rankdir LR/RL),
        in which case views emit them in reverse so that they read top-down."""
        return (self.options.rankdir or self.rankdir) in ("LR", "RL")

    def shown(self, item_id: str) -> bool:
        """Whether the item is drawn in this view."""
        return item_id in self.visible

    def items(self, section: str) -> list[Any]:
        """The shown items of a dossier section, by (date, id)."""
        found = [i for i in getattr(self.dossier, section) if i.id in self.visible]
        return sorted(found, key=lambda i: (self.date(i.id) or _dt.date.max, i.id))

    def check_size(self, n_nodes: int) -> None:
        """Refuse a map of more than ``max_nodes`` nodes before any work is spent on it."""
        self.size = n_nodes
        limit = self.options.max_nodes
        if n_nodes > limit:
            raise RenderError(
                f"the {self.view} map would have {n_nodes} nodes, more than the limit of {limit}; "
                "draw the focus view around one item (focus=<id>, radius=1 or 2), show fewer "
                "kinds, pick an earlier as_of date, or raise max_nodes")

    # --- words -----------------------------------------------------------------------------

    def t(self, value: str | Mapping[str, str] | None) -> str:
        """A dossier text in the map's language."""
        return pick(value, self.lang, self.fallback)

    def w(self, key: str, **fields: object) -> str:
        """A word of the map itself (status names, legend) in the map's language."""
        return self.t(word(key, self.lang, self.fallback, **fields))

    def date(self, item_id: str) -> _dt.date | None:
        """The item's date (its own, else its event's)."""
        return self.dossier.date_of(item_id) if item_id in self.dossier else None

    def date_text(self, item_id: str) -> str:
        """The item's date as the map's language writes it, short (``1 Nov 2019``,
        ``2019年11月1日``; the month or year only when that is all that is known)."""
        date = self.date(item_id)
        if date is None:
            return self.w("undated")
        return self.date_words(date, precision_of(self.dossier.get(item_id), self.dossier.find))

    def date_words(self, date: _dt.date, precision: str = "day") -> str:
        """A date in the map's language, short, cut to ``precision`` (:mod:`argmap.l10n`)."""
        return format_date(date, self.lang, precision, short=True)

    def who(self, actor_ids: Iterable[str], limit: int = 3) -> str:
        """Short names of actors, joined as the language lists names (``・`` in Japanese, ``、`` in
        Chinese, ``, `` otherwise; ``+n`` past ``limit``)."""
        ids = list(actor_ids)
        names = []
        for actor_id in ids[:limit]:
            names.append(tx.shorten(self.dossier.actor_name(actor_id, self.lang, self.fallback),
                                    18))
        more = f" +{len(ids) - limit}" if len(ids) > limit else ""
        return self.w("names_sep").join(names) + more

    # --- drawing -------------------------------------------------------------------------

    def lines(self, value: str, max_lines: int | None = None, width: int | None = None,
              bold: bool = False, align: str = "LEFT") -> str:
        """``value`` wrapped and escaped, as a borderless table of one row per line.

        One row per line (rather than ``<BR/>``) lets Graphviz measure each line with the real
        font, so the tall lines of CJK fonts never overlap.
        """
        lines = tx.wrap(value, width or self.options.wrap, max_lines or self.options.max_lines,
                        lang=self.lang)
        return stack([html(line) for line in lines], bold=bold, align=align)

    def font(self) -> str:
        """The font families of the labels: the option, else the language's
        (:func:`argmap.maps.fonts.fontname`: any CJK text in a Latin map has its font)."""
        info = self.dossier.info
        return self.options.font or fonts.fontname(self.lang, info.languages if info else ())

    def new_graph(self, name: str, rankdir: str) -> graphviz.Digraph:
        """An empty Digraph with the attributes every view shares (fonts are set by finish)."""
        self.rankdir = rankdir
        return graphviz.Digraph(
            name=name,
            graph_attr={"rankdir": self.options.rankdir or rankdir, "newrank": "true",
                        "nodesep": "0.25", "ranksep": "0.45", "pad": "0.3", "fontsize": "12",
                        "bgcolor": self.color("#FFFFFF"), "outputorder": "edgesfirst"},
            node_attr={"fontsize": "11", "margin": "0.08,0.05", "penwidth": "1.2"},
            edge_attr={"fontsize": "9", "arrowsize": "0.8"})

    def title(self, view: str) -> str:
        """The map's heading: dossier title, view, as_of date and focus."""
        cells = []
        if self.dossier.info is not None:
            # on two lines rather than cut: a headline is read whole
            for line in tx.wrap(self.t(self.dossier.info.title), 80, max_lines=2):
                cells.append(f'<FONT POINT-SIZE="18"><B>{html(line)}</B></FONT>')
        sub = self.w(f"view.{view}")
        if self.options.as_of is not None:
            sub += " — " + self.w("as_of", date=self.date_words(self.options.as_of))
        if self.options.focus is not None:
            sub += " — " + self.w("focus", id=self.options.focus, radius=self.options.radius)
        if self.left_out:
            sub += " — " + self.w("undated_left_out", n=self.left_out)
        cells.append(f'<FONT POINT-SIZE="13">{html(sub)}</FONT>')
        return f"<{stack(cells)}>"

    def under_title(self, g: graphviz.Digraph, cell: str) -> None:
        """Put ``cell`` (HTML-like label text, escaped) under the title :meth:`finish` set: the
        demands summary, a page's number (nothing when the map has no title)."""
        if self.options.title and "label" in g.graph_attr:
            g.graph_attr["label"] = f"<{stack([g.graph_attr['label'][1:-1], cell])}>"

    def finish(self, g: graphviz.Digraph, view: str) -> graphviz.Digraph:
        """Set the title and the font (now that every label is known) on the graph."""
        # graph_attr / node_attr / edge_attr are written at the top of the DOT source, so they
        # reach every node and cluster (an attr statement here would reach only later ones).
        if self.options.title:
            g.graph_attr.update(label=self.title(view), labelloc="t", labeljust="l")
        font = self.font()
        g.graph_attr["fontname"] = font
        g.node_attr["fontname"] = font
        g.edge_attr["fontname"] = font
        g.engine = self.options.engine or g.engine or "dot"
        g.graph_attr.update(layout_settings(self.size, g.engine))
        g.graph_attr.update({k: str(v) for k, v in sorted(self.options.extra.items())})
        return g
