"""The tracker site: one offline static site over many cases (each dossier a case).

It has an index of the cases with their tallies; a page per actor with its scorecard (demands
received, share answered, median days to an answer, share answered only on paper, share not yet
rated, kept / broken / reversed) and a chart of answers over time; a page per demand with its
said/done history, its answers quoted in full and its sources; each case's interactive map
(:mod:`argmap.page`); and one search over every case. Where the pages are:
:mod:`argmap.site.context`; what is counted and how: :mod:`argmap.site.tally`.

Every page works from disk with no network: its Content-Security-Policy forbids every load
(``default-src 'none'``) and lets run only the inline script and style whose hashes it names;
dossier text is escaped into the HTML, or set as text by the search script.

>>> from argmap.site import build_site, load_cases
>>> build_site(load_cases(["claims/mynumber-card.yaml", "claims/petitions.yaml"]),
...            "site")  # doctest: +SKIP
SiteResult(pages=..., maps=2, notes=[])
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..dossier import Dossier
from ..errors import FileError, RenderError
from ..formats import case_name
from ..gc_pause import paused_gc
from ..io.files import load
from ..maps.options import RenderOptions
from ..maps.output import Map
from ..maps.views import draw
from ..page.build import PageBuilder
from .context import Site
from .demand import DemandPage
from .pages import actor_pages, actors_page, case_pages, index_page, search_page
from .tally import Case, DemandRef
from .words import word

__all__ = ["MAP_MAX_NODES", "SiteResult", "build_site", "load_cases"]

#: Cases whose demands map would have more nodes than this get no map page (a note instead):
#: a map that large neither lays out in reasonable time nor reads.
MAP_MAX_NODES = 500

#: The file that marks a folder as a site argmap wrote (so that it may be replaced whole).
MARKER = ".argmap-site"

_NODES = re.compile(r"would have (\d+) nodes")


@dataclass
class SiteResult:
    """What was written: the number of pages, of map pages, and a note per case without a map."""

    pages: int = 0
    maps: int = 0
    notes: list[str] = field(default_factory=list)


def load_cases(paths: Sequence[str | os.PathLike[str]]) -> list[tuple[str, Dossier]]:
    """Load each path (a dossier file or folder) as one case named after it (``case-2`` ... when
    two share a name)."""
    out: list[tuple[str, Dossier]] = []
    taken: set[str] = set()
    for path in paths:
        base = name = case_name(Path(path))
        n = 1
        while name in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name)
        out.append((name, load(path)))
    return out


def _map_page(case: Case, lang: str, max_nodes: int) -> tuple[str | None, str | None]:
    """The case's interactive map page (demands view), or why there is none."""
    options = RenderOptions(lang=lang, max_nodes=max_nodes)
    try:
        # refuses an oversized map before any layout; else it is the map the page embeds
        drawn = Map(draw(case.dossier, "demands", options), timeout=options.timeout)
        return PageBuilder(case.dossier, options, maps={("demands", lang): drawn}).html(
            "demands", lang), None
    except RenderError as exc:
        found = _NODES.search(exc.message if hasattr(exc, "message") else str(exc))
        if found:
            return None, word("map.none", lang, n=f"{int(found.group(1)):,}",
                              limit=f"{max_nodes:,}")
        return None, word("map.failed", lang, reason=str(exc))


def build_site(cases: Sequence[tuple[str, Dossier]], outdir: str | os.PathLike[str],
               lang: str = "en", map_max_nodes: int = MAP_MAX_NODES,
               progress: Callable[[str], None] | None = None) -> SiteResult:
    """Write the site for ``(name, dossier)`` cases into ``outdir``.

    The site is written into a new folder beside ``outdir`` and moved into place when whole; a
    site written before is replaced. A folder that is not empty and holds no earlier site is
    refused, so nothing of the user's is ever deleted.
    """
    target = Path(outdir)
    if target.exists() and (not target.is_dir() or (any(target.iterdir())
                                                     and not (target / MARKER).exists())):
        raise FileError("not empty and not a site argmap wrote: choose a new or empty folder",
                        file=str(target))
    with paused_gc():  # hundreds of thousands of small acyclic objects: see paused_gc
        return _build(cases, target, lang, map_max_nodes, progress or (lambda message: None))


def _build(cases: Sequence[tuple[str, Dossier]], target: Path, lang: str, map_max_nodes: int,
           say: Callable[[str], None]) -> SiteResult:
    built = [Case.of(name, dossier) for name, dossier in cases]
    site = Site(built, lang)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as exc:
        raise FileError(f"cannot write here: {exc.strerror or exc}", file=str(target)) from None
    result = SiteResult()
    try:
        def put(pages: dict[str, str]) -> None:
            for path, text in pages.items():
                file = work / path
                file.parent.mkdir(parents=True, exist_ok=True)
                file.write_text(text, encoding="utf-8")
                result.pages += 1

        put(index_page(site))
        put(actors_page(site))
        put(search_page(site))
        for case in built:
            say(f"case {case.name}: {len(case.statuses):,} demands")
            html, note = _map_page(case, lang, map_max_nodes)
            if html is not None:
                put({site.map_path(case): html})
                result.maps += 1
            else:
                result.notes.append(f"{case.name}: {note}")
            put(case_pages(site, case, note))
            writer = DemandPage(site, case)
            put({site.demand_path(case, d): writer.page(DemandRef(case, s))
                 for d, s in case.statuses.items()})
        say(f"actors: {len(site.actors):,}")
        for record in site.actors.values():
            if site.has_page(record.id):
                put(actor_pages(site, record))
        (work / MARKER).write_text("argmap site\n", encoding="utf-8")
        os.chmod(work, 0o777 & ~_umask())
        _swap(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return result


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _swap(work: Path, target: Path) -> None:
    """Put the finished folder in the target's place (the old site is removed only then)."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    try:
        os.replace(work, target)
    except OSError as exc:
        if old is not None:
            os.replace(old, target)
        raise FileError(f"cannot write: {exc.strerror or exc}", file=str(target)) from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

