"""Drawing maps to files, and showing them in Jupyter."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

import graphviz

from ..dossier import Dossier
from ..errors import RenderError
from ..io.atomic import write_atomic
from . import backend
from .options import RenderOptions
from .views import draw

#: The views :func:`render_all` draws.
ALL_VIEWS = ("demands", "arguments", "timeline")


@dataclass
class Map:
    """A drawn map: its Digraph, and (once saved) where it was written.

    In Jupyter it displays itself as SVG; ``str(map)`` is its DOT source.
    """

    digraph: graphviz.Digraph
    timeout: float = 120.0
    path: Path | None = None
    _svg: str | None = field(default=None, repr=False)

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
        fmt = fmt or map_format(path)
        self.path = write_atomic(path, self.pipe(fmt))
        return self.path

    def svg(self) -> str:
        """The map as SVG text (computed once)."""
        if self._svg is None:
            self._svg = backend.run(self.source, "svg", self.engine, self.timeout).decode("utf-8")
        return self._svg

    def _repr_svg_(self) -> str:
        return self.svg()

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        return {"image/svg+xml": self.svg(), "text/plain": repr(self)}

    def __str__(self) -> str:
        return self.source

    def __repr__(self) -> str:
        where = f" -> {self.path}" if self.path else ""
        return f"<argmap Map {self.digraph.name}{where}>"


def map_format(path: str | os.PathLike[str]) -> str:
    """The output format named by a file's suffix (``.svg`` -> ``svg``); RenderError when unknown."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "gv":
        suffix = "dot"
    if suffix not in backend.MAP_FORMATS:
        raise RenderError(f"cannot tell the format of '{path}' from its suffix; use one of "
                          + ", ".join(f".{f}" for f in backend.MAP_FORMATS) + " or give format=",
                          file=str(path))
    return suffix


def render(dossier: Dossier, view: str = "demands", path: str | os.PathLike[str] | None = None,
           format: str | None = None, options: RenderOptions | None = None) -> Map:
    """Draw ``view`` of a dossier; write it to ``path`` when given.

    ``format`` is ``svg``, ``png``, ``pdf`` or ``dot`` (the DOT source); by default it comes from
    the suffix of ``path``. The file is written atomically: a failed render leaves any previous
    file as it was. Returns the :class:`Map` (which displays itself in Jupyter).

    >>> render(dossier, "demands", "renders/case-demands-ja.svg",
    ...        options=RenderOptions(lang="ja"))  # doctest: +SKIP
    """
    options = options or RenderOptions()
    if format is not None and format not in backend.MAP_FORMATS:
        raise RenderError(f"unknown format '{format}' (choose one of {', '.join(backend.MAP_FORMATS)})")
    fmt = format or (map_format(path) if path is not None else None)
    drawn = Map(draw(dossier, view, options), timeout=options.timeout)
    if path is not None:
        drawn.save(path, fmt)
    return drawn


def draw_maps(dossier: Dossier, langs: tuple[str, ...] = ("ja", "en"),
              options: RenderOptions | None = None) -> dict[tuple[str, str], Map]:
    """Every view in every language, keyed ``(view, lang)``, not yet laid out.

    A caller that writes several things from the same maps (files, pages) draws them once here.
    """
    base = options or RenderOptions()
    maps: dict[tuple[str, str], Map] = {}
    for lang in langs:
        opts = dataclasses.replace(base, lang=lang)
        for view in ALL_VIEWS:
            maps[(view, lang)] = Map(draw(dossier, view, opts), timeout=opts.timeout)
    return maps


def render_all(dossier: Dossier | str | os.PathLike[str], outdir: str | os.PathLike[str],
               langs: tuple[str, ...] = ("ja", "en"), formats: tuple[str, ...] = ("svg", "png"),
               options: RenderOptions | None = None, stem: str | None = None,
               maps: dict[tuple[str, str], Map] | None = None) -> list[Path]:
    """Write ``<stem>-<view>-<lang>.<fmt>`` for the demands, arguments and timeline views.

    ``dossier`` is a Dossier or the path of a dossier file or folder; ``stem`` defaults
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
