"""Maps of a dossier drawn with Graphviz: demands and answers, the argument, the timeline.

>>> from argmap.maps import Map, RenderOptions, draw
>>> drawn = Map(draw(dossier, "demands", RenderOptions(lang="ja")))  # doctest: +SKIP
>>> drawn.save("renders/case-demands-ja.svg")  # doctest: +SKIP

Views (:data:`VIEWS`, one module ``views_<name>.py`` each) are pure functions from a
:class:`~argmap.dossier.Dossier` and :class:`RenderOptions` to a ``graphviz.Digraph``;
:func:`draw` picks one by name, :class:`Map` lays it out and writes it (:data:`MAP_FORMATS`).
The views too large for a sheet (:data:`PAGED`) also come in pages (:func:`draw_pages`), which
:func:`pages_pdf` puts in one PDF to print.
Writing maps to files by name, the interactive page included, is :func:`argmap.render` and
:func:`argmap.build` (:mod:`argmap.outputs`). The names below are what other parts of argmap
(the page, the brief, the outputs) use; the modules behind them are this package's own.
"""

from __future__ import annotations

from .backend import MAP_FORMATS, layout_settings
from .context import need_dossier
from .options import ALL_KINDS, RenderOptions
from .output import Map, draw_maps, map_format, pages_pdf
from .style import DONE, SAID, Palette
from .views import PAGED, VIEWS, View, draw, draw_pages, focus, get_view
from .views_arguments import arguments_map
from .views_demands import demands_map
from .views_timeline import timeline_map

__all__ = [
    "ALL_KINDS", "DONE", "MAP_FORMATS", "PAGED", "SAID", "VIEWS", "Map", "Palette",
    "RenderOptions", "View", "arguments_map", "demands_map", "draw", "draw_maps", "draw_pages",
    "focus", "get_view", "layout_settings", "map_format", "need_dossier", "pages_pdf",
    "timeline_map",
]
