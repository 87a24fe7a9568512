"""The interactive map page: one HTML file that explores a case in a browser, offline.

The page shows a Graphviz map (the same SVG the other formats use) with pan and zoom; a side
panel with an item's full text in both languages, who said it and when, the quote and its
source; filters by actor and status; a date control that shows the case as it stood on any
date; a search over every text; a language switch; and the legend. It loads nothing from
anywhere and runs no dossier text as code (see :mod:`argmap.page.build`).

>>> from argmap.page import write_page
>>> write_page(dossier, "renders/case-demands-ja.html", view="demands",
...            options=RenderOptions(lang="ja"))  # doctest: +SKIP
PosixPath('renders/case-demands-ja.html')
"""

from __future__ import annotations

import os
from pathlib import Path

from ..dossier import Dossier
from ..io.atomic import write_atomic
from ..maps import RenderOptions, get_view
from .build import PageBuilder, content_security_policy, script_json

__all__ = ["PageBuilder", "content_security_policy", "page_html", "script_json", "write_page"]


def page_html(dossier: Dossier, view: str = "demands", options: RenderOptions | None = None) -> str:
    """The page for ``view`` (a name in :data:`argmap.maps.VIEWS`) as HTML text.

    ``options`` are the map's (:class:`~argmap.maps.RenderOptions`): ``lang`` is the language
    the page opens in (it offers Japanese and English either way); ``as_of`` the date it opens
    at (the map is drawn whole, and the date control goes back and forth). The same dossier and
    options always give the same text.
    """
    get_view(view)
    return PageBuilder(dossier, options).html(view, (options or RenderOptions()).lang)


def write_page(dossier: Dossier, path: str | os.PathLike[str], view: str = "demands",
               options: RenderOptions | None = None) -> Path:
    """Write the page of ``view`` to ``path`` (atomically) and return the path.

    >>> write_page(dossier, "renders/x.html", view="demands")  # doctest: +SKIP
    PosixPath('renders/x.html')
    """
    return write_atomic(path, page_html(dossier, view, options).encode("utf-8"))
