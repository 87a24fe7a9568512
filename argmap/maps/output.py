"""Drawing maps to files, and showing them in Jupyter."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

import graphviz

from ..errors import RenderError
from . import backend, fonts
from .context import Source, as_dossier
from .options import RenderOptions
from .views import draw

#: The views :func:`render_all` draws.
ALL_VIEWS = ("demands", "arguments", "timeline")


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
        return backend.run(self.source, fmt, self.engine, self.timeout)

    def save(self, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
        """Write the map to ``path`` atomically (format from the suffix when not given)."""
        fmt = fmt or format_of(path)
        self.path = backend.write_atomic(path, self.pipe(fmt))
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


def format_of(path: str | os.PathLike[str]) -> str:
    """The output format named by a file's suffix (``.svg`` -> ``svg``); RenderError when unknown."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "gv":
        suffix = "dot"
    if suffix not in backend.FORMATS:
        raise RenderError(f"cannot tell the format of '{path}' from its suffix; use one of "
                          + ", ".join(f".{f}" for f in backend.FORMATS) + " or give format=",
                          file=str(path))
    return suffix


def render(source: Source, view: str = "demands", path: str | os.PathLike[str] | None = None,
           format: str | None = None, options: RenderOptions | None = None) -> Map:
    """Draw ``view`` of a dossier (or its graph); write it to ``path`` when given.

    ``format`` is ``svg``, ``png``, ``pdf`` or ``dot`` (the DOT source); by default it comes from
    the suffix of ``path``. The file is written atomically: a failed render leaves any previous
    file as it was. Returns the :class:`Map` (which displays itself in Jupyter).

    >>> render(dossier, "demands", "renders/case-demands-ja.svg",
    ...        options=RenderOptions(lang="ja"))  # doctest: +SKIP
    """
    options = options or RenderOptions()
    if format is not None and format not in backend.FORMATS:
        raise RenderError(f"unknown format '{format}' (choose one of {', '.join(backend.FORMATS)})")
    fmt = format or (format_of(path) if path is not None else None)
    drawn = Map(draw(source, view, options), timeout=options.timeout)
    if path is not None:
        drawn.save(path, fmt)
    return drawn


def draw_maps(dossier: Source, langs: tuple[str, ...] = ("ja", "en"),
              options: RenderOptions | None = None) -> dict[tuple[str, str], Map]:
    """Every view in every language, keyed ``(view, lang)``, not yet laid out.

    A caller that writes several things from the same maps (files, pages) draws them once here.
    """
    base = options or RenderOptions()
    d = as_dossier(dossier)
    maps: dict[tuple[str, str], Map] = {}
    for lang in langs:
        opts = dataclasses.replace(base, lang=lang)
        for view in ALL_VIEWS:
            maps[(view, lang)] = Map(draw(d, view, opts), timeout=opts.timeout)
    return maps


def render_all(dossier: Source | str | os.PathLike[str], outdir: str | os.PathLike[str],
               langs: tuple[str, ...] = ("ja", "en"), formats: tuple[str, ...] = ("svg", "png"),
               options: RenderOptions | None = None, stem: str | None = None,
               maps: dict[tuple[str, str], Map] | None = None) -> list[Path]:
    """Write ``<stem>-<view>-<lang>.<fmt>`` for the demands, arguments and timeline views.

    ``dossier`` is a Dossier, its graph, or the path of a dossier file or folder; ``stem`` defaults
    to that path's stem (``claims/mynumber-card.yaml`` -> ``mynumber-card``), else ``map``.
    ``maps`` are those of :func:`draw_maps` for the same dossier, options and languages, when
    the caller has them already. Returns the paths written, sorted.

    >>> render_all("claims/mynumber-card.yaml", "renders")  # doctest: +SKIP
    [PosixPath('renders/mynumber-card-arguments-en.png'), ...]
    """
    name = stem
    if isinstance(dossier, (str, os.PathLike)):
        from ..io.files import load

        name = name or Path(dossier).stem
        dossier = load(dossier)
    name = name or "map"
    out = Path(outdir)
    drawn = maps if maps is not None else draw_maps(dossier, langs, options)
    written = [drawn[(view, lang)].save(out / f"{name}-{view}-{lang}.{fmt}", fmt)
               for lang in langs for view in ALL_VIEWS for fmt in formats]
    return sorted(written)
