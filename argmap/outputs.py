"""Writing a dossier's outputs to files: the main job, and one map in any format.

:func:`build` is what ``argmap build`` runs: every map (:data:`argmap.maps.VIEWS`) in every
language, in each Graphviz format asked for, the interactive page of each, and the debate brief
of each side asked for, in every brief format. A map that comes in pages (:data:`argmap.maps.PAGED`:
the demands, the argument, the timeline) is drawn whole as SVG (for screens and its page), and as pages in
PNG (one file a page) and PDF (one file, a page each, to print). :func:`render` draws one map to one file, in any
of :data:`RENDER_FORMATS`: the Graphviz formats through :mod:`argmap.maps`, ``html`` as the
interactive page (:mod:`argmap.page`). The files are named here (:func:`map_file`,
:func:`brief_file`), and written atomically.

>>> import argmap
>>> argmap.build("claims/mynumber-card.yaml", "renders", sides=("jichiroren",))  # doctest: +SKIP
[PosixPath('renders/mynumber-card-arguments-en.png'), ...]
>>> argmap.render(dossier, "demands", "demands.html")  # doctest: +SKIP
<argmap Map demands -> demands.html>
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

from .brief import BRIEF_FORMATS, write_brief
from .dossier import Dossier
from .errors import RenderError
from .io.atomic import write_atomic
from .io.files import load
from .maps import (MAP_FORMATS, PAGED, VIEWS, Map, RenderOptions, draw, draw_maps, draw_pages,
                   map_format, pages_pdf)
from .maps.backend import run_batch
from .page import PageBuilder
from .translations import output_languages, warn_languages

__all__ = ["RENDER_FORMATS", "brief_file", "build", "map_file", "page_file", "render", "stem_of"]

#: Formats :func:`render` writes: the Graphviz ones, and ``html`` for the interactive page.
RENDER_FORMATS: tuple[str, ...] = (*MAP_FORMATS, "html")


def stem_of(path: str | os.PathLike[str]) -> str:
    """The name outputs of a dossier file or folder start with (``claims/case.yaml`` -> ``case``,
    a folder ``claims/case`` -> ``case``)."""
    path = Path(path)
    return path.stem if path.is_file() else path.name


def map_file(outdir: str | os.PathLike[str], stem: str, view: str, lang: str, fmt: str) -> Path:
    """Where a map or a page goes: ``<outdir>/<stem>-<view>-<lang>.<fmt>``.

    >>> map_file("renders", "case", "demands", "ja", "svg").as_posix()
    'renders/case-demands-ja.svg'
    """
    return Path(outdir) / f"{stem}-{view}-{lang}.{fmt}"


def page_file(outdir: str | os.PathLike[str], stem: str, view: str, lang: str, number: int,
              fmt: str) -> Path:
    """Where one page of a map in pages goes: ``<outdir>/<stem>-<view>-<lang>-p<number>.<fmt>``.

    >>> page_file("renders", "case", "arguments", "en", 2, "png").as_posix()
    'renders/case-arguments-en-p2.png'
    """
    return Path(outdir) / f"{stem}-{view}-{lang}-p{number}.{fmt}"


def _remove_stale_pages(outdir: str | os.PathLike[str], stem: str, view: str, lang: str,
                        fmt: str, written: list[Path]) -> None:
    """Remove the pages of an earlier build that this one did not write (the map has fewer
    pages now, or none, or it has pages where it was one file), so that the folder never mixes
    two builds."""
    keep = set(written)
    pattern = re.compile(rf"{re.escape(f'{stem}-{view}-{lang}')}(-p\d+)?{re.escape('.' + fmt)}")
    for old in sorted(Path(outdir).glob(f"{stem}-{view}-{lang}*.{fmt}")):
        if pattern.fullmatch(old.name) and old not in keep:
            old.unlink()


def brief_file(outdir: str | os.PathLike[str], stem: str, side: str, lang: str,
               fmt: str) -> Path:
    """Where a brief goes: ``<outdir>/<stem>-brief-<side>-<lang>.<fmt>``.

    >>> brief_file("renders", "case", "union", "en", "md").as_posix()
    'renders/case-brief-union-en.md'
    """
    return Path(outdir) / f"{stem}-brief-{side}-{lang}.{fmt}"


def render(dossier: Dossier, view: str = "demands", path: str | os.PathLike[str] | None = None,
           format: str | None = None, options: RenderOptions | None = None) -> Map:
    """Draw ``view`` of a dossier; write it to ``path`` when given.

    ``format`` is one of :data:`RENDER_FORMATS` (``svg``, ``png``, ``pdf``, ``dot`` for the DOT
    source, ``html`` for the interactive page); by default it comes from the suffix of ``path``.
    The file is written atomically: a failed render leaves any previous file as it was. Returns
    the :class:`~argmap.maps.Map` (which displays itself in Jupyter); for a page, the map it
    opens with.

    >>> render(dossier, "demands", "renders/case-demands-ja.svg",
    ...        options=RenderOptions(lang="ja"))  # doctest: +SKIP
    """
    options = options or RenderOptions()
    warn_languages(dossier, output_languages(dossier, (options.lang,) if options.lang else None)[:1],
                   options.fallback)
    if format is not None and format not in RENDER_FORMATS:
        raise RenderError(f"unknown format '{format}' (choose one of {', '.join(RENDER_FORMATS)})")
    fmt = format or (map_format(path, RENDER_FORMATS) if path is not None else None)
    if fmt == "html" and path is not None:
        builder = PageBuilder(dossier, options)
        page = builder.html(view)
        drawn = builder.map(view)
        drawn.path = write_atomic(path, page.encode("utf-8"))
        return drawn
    drawn = Map(draw(dossier, view, options), timeout=options.timeout)
    if path is not None:
        drawn.save(path, fmt)
    return drawn


def build(source: Dossier | str | os.PathLike[str], outdir: str | os.PathLike[str], *,
          langs: tuple[str, ...] | None = None, formats: tuple[str, ...] = ("svg", "png"),
          sides: tuple[str, ...] = (), stem: str | None = None,
          options: RenderOptions | None = None) -> list[Path]:
    """The main job: every map in every language in each of ``formats``, the interactive page
    of each, and the briefs of ``sides`` in Markdown and HTML; returns the paths written (the
    maps sorted, then the pages sorted, then the briefs).

    A map in pages (:data:`~argmap.maps.PAGED`) is written whole as SVG and DOT, and as pages
    in PNG (:func:`page_file`, one a page; the plain name when it has one page) and in PDF (one
    file, a page each).

    The languages are ``langs`` when given, else the dossier's ``languages``, else English
    (:func:`argmap.translations.output_languages`); what any of them shows in another language
    is said once per cause, as a :class:`~argmap.translations.LanguageWarning`.

    ``source`` is a Dossier or the path of a dossier file or folder (loaded and checked here);
    ``stem`` starts every file name (default: :func:`stem_of` the path, ``map`` for a Dossier).
    Each map is laid out once, for its files and its page.
    """
    if isinstance(source, Dossier):
        dossier, name = source, stem or "map"
    else:
        dossier, name = load(source), stem or stem_of(source)
    for fmt in formats:
        if fmt not in MAP_FORMATS:
            raise RenderError(f"unknown format '{fmt}' (choose one of {', '.join(MAP_FORMATS)})")
    langs = output_languages(dossier, langs)
    warn_languages(dossier, langs, (options or RenderOptions()).fallback)
    maps = draw_maps(dossier, langs, options)
    written = []
    for lang in langs:
        opts = dataclasses.replace(options or RenderOptions(), lang=lang)
        for view in VIEWS:
            whole = maps[(view, lang)]
            sheets = [] if view not in PAGED or not {"png", "pdf"} & set(formats) else [
                Map(g, timeout=opts.timeout) for g in draw_pages(dossier, view, opts)]
            for fmt in formats:
                if not sheets or fmt in ("svg", "dot"):
                    written.append(whole.save(map_file(outdir, name, view, lang, fmt), fmt))
                elif fmt == "pdf":
                    written.append(write_atomic(map_file(outdir, name, view, lang, fmt),
                                                pages_pdf(sheets)))
                elif len(sheets) == 1:
                    written.append(sheets[0].save(map_file(outdir, name, view, lang, fmt), fmt))
                else:  # laid out in one run of Graphviz
                    images = run_batch([sheet.source for sheet in sheets], fmt,
                                       sheets[0].engine, opts.timeout)
                    written += [write_atomic(page_file(outdir, name, view, lang, k, fmt), image)
                                for k, image in enumerate(images, 1)]
                _remove_stale_pages(outdir, name, view, lang, fmt, written)
    written.sort()
    pages = PageBuilder(dossier, options, maps, langs=langs)
    written += sorted(write_atomic(map_file(outdir, name, view, lang, "html"),
                                   pages.html(view, lang).encode("utf-8"))
                      for view in VIEWS for lang in langs)
    for side in sides:
        for lang in langs:
            for fmt in BRIEF_FORMATS:
                written.append(write_brief(dossier, side, brief_file(outdir, name, side, lang, fmt),
                                           lang=lang))
    return written
