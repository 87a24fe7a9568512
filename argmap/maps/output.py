"""A drawn map: laid out by Graphviz, written to a file, shown in Jupyter."""

from __future__ import annotations

import dataclasses
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import graphviz

from ..dossier import Dossier
from ..errors import RenderError
from ..io.atomic import write_atomic
from . import backend, fonts
from .options import RenderOptions
from .views import VIEWS, draw

__all__ = ["Map", "draw_maps", "map_format", "pages_pdf"]

_SUFFIX_ALIASES = {"gv": "dot", "htm": "html"}


@dataclass
class Map:
    """A drawn map: its Digraph, and (once saved) where it was written.

    Its SVG carries the fonts it uses (see :mod:`argmap.maps.fonts`), so that it looks the same
    in any browser. In Jupyter it displays itself as SVG; ``str(map)`` is its DOT source.
    """

    digraph: graphviz.Digraph
    timeout: float = 120.0
    path: Path | None = None
    _layout: str | None = field(default=None, repr=False)
    _faces: str | None = field(default=None, repr=False)

    @property
    def source(self) -> str:
        """The DOT source (deterministic)."""
        return self.digraph.source

    @property
    def engine(self) -> str:
        """The Graphviz layout engine the map asks for."""
        return self.digraph.engine

    def pipe(self, fmt: str = "svg") -> bytes:
        """The map laid out by Graphviz in ``fmt`` (``svg``, ``png``, ``pdf`` or ``dot``)."""
        if fmt == "svg":  # laid out once, whether saved, shown or embedded in a page
            return self.svg().encode("utf-8")
        if fmt == "pdf":  # without the date cairo writes in it
            return pages_pdf([self])
        return backend.run(self.source, fmt, self.engine, self.timeout)

    def save(self, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
        """Write the map to ``path`` atomically (format from the suffix when not given)."""
        fmt = fmt or map_format(path)
        self.path = write_atomic(path, self.pipe(fmt))
        return self.path

    def layout(self) -> str:
        """The SVG Graphviz writes for the map, fonts named but not included (laid out once)."""
        if self._layout is None:
            self._layout = backend.run(self.source, "svg", self.engine,
                                       self.timeout).decode("utf-8")
        return self._layout

    def font_faces(self) -> str:
        """CSS ``@font-face`` rules carrying the characters the map shows, in its fonts."""
        if self._faces is None:
            self._faces = fonts.font_faces(self.layout())
        return self._faces

    def svg(self) -> str:
        """The map as SVG text, with its fonts in a ``<style>`` of its own."""
        return fonts.embed(self.layout(), self.font_faces())

    def _repr_svg_(self) -> str:
        return self.svg()

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        return {"image/svg+xml": self.svg(), "text/plain": repr(self)}

    def __str__(self) -> str:
        return self.source

    def __repr__(self) -> str:
        where = f" -> {self.path}" if self.path else ""
        return f"<argmap Map {self.digraph.name}{where}>"


def map_format(path: str | os.PathLike[str],
               formats: tuple[str, ...] = backend.MAP_FORMATS) -> str:
    """The output format named by a file's suffix (``.svg`` -> ``svg``, ``.gv`` -> ``dot``), one
    of ``formats``; a RenderError naming the suffixes it knows otherwise.

    >>> map_format("renders/case-demands-ja.svg"), map_format("x.gv")
    ('svg', 'dot')
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = _SUFFIX_ALIASES.get(suffix, suffix)
    if suffix not in formats:
        raise RenderError(f"cannot tell the format of '{path}' from its suffix; use one of "
                          + ", ".join(f".{f}" for f in formats) + " or give format=",
                          file=str(path))
    return suffix


def draw_maps(dossier: Dossier, langs: tuple[str, ...] = ("ja", "en"),
              options: RenderOptions | None = None) -> dict[tuple[str, str], Map]:
    """Every view (:data:`~argmap.maps.views.VIEWS`) in every language, keyed ``(view, lang)``,
    not yet laid out.

    A caller that writes several things from the same maps (files, pages) draws them once here.
    """
    base = options or RenderOptions()
    maps: dict[tuple[str, str], Map] = {}
    for lang in langs:
        opts = dataclasses.replace(base, lang=lang)
        for view in VIEWS:
            maps[(view, lang)] = Map(draw(dossier, view, opts), timeout=opts.timeout)
    return maps


def pages_pdf(maps: list[Map]) -> bytes:
    """``maps`` as one PDF file, a page each, to print: Graphviz draws each page, pypdf puts
    them together (with no date and no random id: the same maps give the same bytes)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for drawn in maps:
        page = backend.run(drawn.source, "pdf", drawn.engine, drawn.timeout)
        writer.append(PdfReader(io.BytesIO(page)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
