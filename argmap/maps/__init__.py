"""Maps of a dossier drawn with Graphviz: demands and answers, the argument, the timeline.

>>> from argmap.maps import render, RenderOptions
>>> render(dossier, "demands", "renders/case-demands-ja.svg",
...        options=RenderOptions(lang="ja"))  # doctest: +SKIP

Views (:mod:`argmap.maps.views`) are pure functions from a :class:`~argmap.dossier.Dossier` and
:class:`RenderOptions` to a ``graphviz.Digraph``; :func:`render` lays one out and writes it,
:func:`render_all` writes every view in every language. ``argmap.render`` is :func:`render`.
"""

from __future__ import annotations

from .backend import layout_settings
from .options import ALL_KINDS, RenderOptions
from .output import ALL_VIEWS, Map, draw_maps, map_format, render, render_all
from ..text import display_width, wrap
from .views import VIEWS, draw, focus
from .views_arguments import arguments_map
from .views_demands import demands_map
from .views_timeline import timeline_map

__all__ = [
    "ALL_KINDS", "ALL_VIEWS", "Map", "RenderOptions", "VIEWS", "arguments_map", "demands_map",
    "display_width", "draw", "draw_maps", "focus", "map_format", "layout_settings", "render",
    "render_all", "timeline_map", "wrap",
]

