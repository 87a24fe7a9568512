"""The views, by name, and the focus view (any view around one item).

Each view is a pure function ``(Dossier, RenderOptions) -> graphviz.Digraph``: the same
input gives the same DOT source, byte for byte. A view too large for a sheet of paper also
comes in pages (:data:`PAGED`, :func:`draw_pages`), each a map of its own: the whole map is for
screens (and the interactive page), the pages for images and print.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import graphviz

from ..dossier import Dossier
from ..errors import RenderError
from .options import RenderOptions
from .views_arguments import arguments_map
from .views_arguments_pages import arguments_pages
from .views_demands import demands_map, demands_pages
from .views_timeline import timeline_map, timeline_pages

__all__ = ["PAGED", "VIEWS", "Pages", "View", "draw", "draw_pages", "focus", "get_view"]

View = Callable[[Dossier, "RenderOptions | None"], graphviz.Digraph]
Pages = Callable[[Dossier, "RenderOptions | None"], list[graphviz.Digraph]]

#: Every view by name.
VIEWS: dict[str, View] = {
    "demands": demands_map,
    "arguments": arguments_map,
    "timeline": timeline_map,
}


#: The views that come in pages, by name: the pages of a sheet each.
PAGED: dict[str, Pages] = {
    "demands": demands_pages,
    "arguments": arguments_pages,
    "timeline": timeline_pages,
}


def get_view(name: str) -> View:
    """The view function called ``name``; a RenderError listing the views when there is none."""
    try:
        return VIEWS[name]
    except KeyError:
        raise RenderError(f"unknown view '{name}' (choose one of {', '.join(VIEWS)})",
                          path=("view",)) from None


def focus(dossier: Dossier, item_id: str, view: str = "demands", radius: int = 1,
          options: RenderOptions | None = None) -> graphviz.Digraph:
    """``view`` restricted to the items within ``radius`` steps of ``item_id``.

    Steps follow references and relations both ways but do not pass through actors or sources
    (which touch everything). Use it for dossiers too large to draw whole.

    >>> focus(dossier, "d-keep-card", view="arguments", radius=2)  # doctest: +SKIP
    """
    options = dataclasses.replace(options or RenderOptions(), focus=item_id, radius=radius)
    return get_view(view)(dossier, options)


def draw(dossier: Dossier, view: str = "demands",
         options: RenderOptions | None = None) -> graphviz.Digraph:
    """The Digraph of ``view`` (a name in :data:`VIEWS`) for ``dossier``."""
    return get_view(view)(dossier, options)


def draw_pages(dossier: Dossier, view: str = "demands",
               options: RenderOptions | None = None) -> list[graphviz.Digraph]:
    """The pages of ``view`` (:data:`PAGED`); the whole map as its one page for a view that
    has no pages."""
    get_view(view)
    paged = PAGED.get(view)
    return paged(dossier, options) if paged is not None else [draw(dossier, view, options)]
