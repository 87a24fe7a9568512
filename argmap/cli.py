"""The ``argmap`` command: thin wrappers that parse options, call the library, and turn every
:class:`~argmap.errors.ArgmapError` into a message on stderr and exit status 1 (never a traceback).
"""

from __future__ import annotations

import datetime as _dt
import functools
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .errors import ArgmapError

if TYPE_CHECKING:  # imported when a command runs, so that --help stays fast
    from .dossier import Dossier

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])


def _reports_errors(func: F) -> F:
    """Run a command; an ArgmapError becomes its message on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ArgmapError as exc:
            click.echo(exc.format(), err=True)
            problems = getattr(exc, "problems", None)
            if problems and len(problems) > 1:
                click.echo(f"{len(problems)} problems", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


class _Date(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: Any, ctx: Any) -> _dt.date:
        if isinstance(value, _dt.date):
            return value
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"'{value}' is not a date (expected YYYY-MM-DD)", param, ctx)


class _Names(click.Choice):
    """A choice among the names of one of argmap's registries (views, formats), imported only
    when a command or its help needs them, so that ``argmap validate`` starts fast."""

    def __init__(self, names: Callable[[], Iterable[str]]) -> None:
        self._names = names
        self._loaded: tuple[str, ...] | None = None
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        if self._loaded is None:
            self._loaded = tuple(self._names())
        return self._loaded

    @choices.setter
    def choices(self, value: Iterable[str]) -> None:  # click.Choice.__init__ sets it
        pass


def _views() -> Iterable[str]:
    from .maps import VIEWS

    return VIEWS


def _map_formats() -> Iterable[str]:
    from .maps import MAP_FORMATS

    return MAP_FORMATS


def _render_formats() -> Iterable[str]:
    from .outputs import RENDER_FORMATS

    return RENDER_FORMATS


def _importable() -> Iterable[str]:
    from .formats import IMPORTABLE

    return IMPORTABLE


def _exportable() -> Iterable[str]:
    from .formats import EXPORTABLE

    return EXPORTABLE


DATE = _Date()
PATH_ARG = click.argument("path", type=click.Path(path_type=Path))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="argmap")
def cli() -> None:
    """Map arguments and track claims: who was asked what, what they said, what they did."""


@cli.command()
@PATH_ARG
@_reports_errors
def validate(path: Path) -> None:
    """Check a dossier file or folder; print every problem, or a one-line summary.

    Example: argmap validate claims/mynumber-card.yaml
    """
    from .io.files import load

    dossier = load(path)
    counts = ", ".join(f"{n} {s}" for s, n in dossier.counts().items() if n)
    click.echo(f"{path}: ok ({len(dossier)} items: {counts})")


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file.")
@_reports_errors
def schema(output: Path | None) -> None:
    """Print the JSON Schema of a dossier file (point your editor at it).

    Example: argmap schema -o schema/dossier.schema.json
    """
    from .schema import schema_text

    if output is None:
        click.echo(schema_text(), nl=False)
    else:
        from .io.atomic import write_atomic

        write_atomic(output, schema_text())


@cli.command()
@PATH_ARG
@click.option("--lang", default="en", show_default=True, help="Language of the texts shown.")
@_reports_errors
def summary(path: Path, lang: str) -> None:
    """Validate a dossier and print its summary: counts, date range, every demand and its answer.

    Example: argmap summary claims/mynumber-card.yaml --lang ja
    """
    from .io.files import load
    from .reports.summary import summary_text

    click.echo(summary_text(load(path), lang=lang), nl=False)


@cli.command()
@PATH_ARG
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path), default=Path("renders"),
              show_default=True, help="Folder to write the maps into.")
@click.option("--lang", "langs", multiple=True,
              help="Languages to draw (repeat the option for several; default: the dossier's "
              "languages).")
@click.option("--format", "formats", type=_Names(_map_formats), multiple=True,
              default=("svg", "png"), show_default=True,
              help="Formats to write (repeat for several): the argument and the timeline come "
              "whole in SVG, and as pages in PNG (one file a page) and in PDF (one file of all "
              "the pages, to print).")
@click.option("--brief-side", "sides", multiple=True, metavar="ACTOR",
              help="Also write the debate brief for this actor's side, in Markdown and HTML, in "
              "every language (repeat for several sides).")
@_reports_errors
def build(path: Path, outdir: Path, langs: tuple[str, ...], formats: tuple[str, ...],
          sides: tuple[str, ...]) -> None:
    """The main job: check a dossier, print its summary, draw every map in every language.

    Writes <name>-<view>-<lang>.<format> for every view (see render --view), an
    interactive page <name>-<view>-<lang>.html for each, and with --brief-side the briefs
    <name>-brief-<actor>-<lang>.md and .html. The argument and the timeline, when they need
    more than one sheet, come in pages: <name>-<view>-<lang>-p<n>.png, and with --format pdf
    one PDF of them all, to print.

    Example: argmap build claims/mynumber-card.yaml -o renders/ --brief-side jichiroren
    """
    from .io.files import load
    from .outputs import build as build_outputs
    from .outputs import stem_of
    from .reports.summary import summary_text

    from .translations import output_languages

    dossier = load(path)
    chosen = output_languages(dossier, langs or None)
    click.echo(summary_text(dossier, lang=chosen[-1]))
    written = build_outputs(dossier, outdir, langs=chosen, formats=formats, sides=sides,
                            stem=stem_of(path))
    click.echo(f"wrote {len(written)} files to {outdir}/:")
    for item in written:
        click.echo(f"  {item}")


def _print_rows(rows: list[dict[str, Any]], fmt: str, title: str,
                columns: tuple[str, ...], every_column: tuple[str, ...],
                lang: str | None = None, dossier: Dossier | None = None) -> None:
    from .reports import rows as reports

    if fmt == "json":
        click.echo(reports.rows_to_json(rows), nl=False)
    elif fmt == "csv":  # the header line even when no row matches
        click.echo(reports.rows_to_csv(rows, every_column), nl=False)
    else:
        from rich.console import Console

        console = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 120)
        names = None if dossier is None else (lambda actor: dossier.actor_name(actor, lang))
        console.print(reports.rows_to_table(rows, title=title, columns=columns, lang=lang,
                                            names=names))


FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
                             default="table", show_default=True, help="Output shape.")
AS_OF_OPTION = click.option("--as-of", type=DATE, help="Only what was known on this date.")
ACTOR_OPTION = click.option("--actor", help="Only items this actor (or one of its divisions) made, "
                            "was asked or answered.")
LANG_OPTION = click.option("--lang", default="en", show_default=True, help="Language of texts.")


@cli.command()
@PATH_ARG
@AS_OF_OPTION
@ACTOR_OPTION
@LANG_OPTION
@FORMAT_OPTION
@_reports_errors
def status(path: Path, as_of: _dt.date | None, actor: str | None, lang: str, fmt: str) -> None:
    """One row per demand: made, by, to, the demand, what was said, what was done, last change.

    The table shows the main columns; --format json or csv gives every column.

    Example: argmap status claims/mynumber-card.yaml --as-of 2019-09-01 --format csv
    """
    from .io.files import load
    from .l10n import format_date
    from .reports.rows import STATUS_COLUMNS, STATUS_TABLE_COLUMNS, status_rows
    from .words import word

    dossier = load(path)
    rows = status_rows(dossier, as_of=as_of, actor=actor, lang=lang)
    title = (word("report.demands_as_of", lang, date=format_date(as_of, lang)) if as_of
             else word("report.demands", lang))
    _print_rows(rows, fmt, title, STATUS_TABLE_COLUMNS, STATUS_COLUMNS, lang, dossier)


@cli.command(name="timeline")
@PATH_ARG
@AS_OF_OPTION
@ACTOR_OPTION
@LANG_OPTION
@FORMAT_OPTION
@_reports_errors
def timeline_command(path: Path, as_of: _dt.date | None, actor: str | None, lang: str,
                     fmt: str) -> None:
    """Every dated item in date order: events, demands, answers, actions, press, figures.

    Example: argmap timeline claims/mynumber-card.yaml --lang ja
    """
    from .io.files import load
    from .reports.rows import TIMELINE_COLUMNS, TIMELINE_TABLE_COLUMNS, timeline_rows
    from .words import word

    dossier = load(path)
    rows = timeline_rows(dossier, as_of=as_of, actor=actor, lang=lang)
    _print_rows(rows, fmt, word("report.timeline", lang), TIMELINE_TABLE_COLUMNS,
                TIMELINE_COLUMNS, lang, dossier)


@cli.command()
@PATH_ARG
@click.option("--view", type=_Names(_views), default="demands", show_default=True,
              help="The map to draw.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write; the format comes from its suffix (see --format; .html is the "
              "interactive page).")
@click.option("--format", "fmt", type=_Names(_render_formats),
              help="Format, when the suffix does not say it.")
@click.option("--lang", help="Language of the labels (default: the dossier's first).")
@click.option("--as-of", type=DATE, help="The map as it stood on this date.")
@click.option("--focus", help="Only the neighbourhood of this item id.")
@click.option("--radius", type=int, default=1, show_default=True, help="Focus radius.")
@click.option("--kinds", help="Comma-separated kinds of item to show (claim,demand,...).")
@click.option("--wrap", type=int, help="Label wrap width, in columns.")
@click.option("--rankdir", type=click.Choice(["TB", "LR", "BT", "RL"]), help="Rank direction.")
@click.option("--engine", help="Graphviz layout engine (dot, sfdp, neato, ...).")
@click.option("--font", help="Font family for labels.")
@click.option("--max-nodes", type=int, help="Refuse maps larger than this (default 8000).")
@click.option("--timeout", type=float, help="Seconds Graphviz may run (default 120).")
@_reports_errors
def render(path: Path, view: str, output: Path, fmt: str | None, lang: str | None,
           as_of: _dt.date | None, focus: str | None, radius: int, kinds: str | None,
           wrap: int | None, rankdir: str | None, engine: str | None, font: str | None,
           max_nodes: int | None, timeout: float | None) -> None:
    """Draw one map of a dossier with Graphviz.

    Example: argmap render claims/mynumber-card.yaml --view demands --lang en -o renders/x.svg
    """
    from .io.files import load
    from .maps import RenderOptions
    from .outputs import render as draw

    chosen: dict[str, Any] = {"lang": lang, "as_of": as_of, "focus": focus, "radius": radius,
                              "rankdir": rankdir, "engine": engine, "font": font}
    if kinds:
        chosen["kinds"] = frozenset(k.strip() for k in kinds.split(",") if k.strip())
    for name, value in (("wrap", wrap), ("max_nodes", max_nodes), ("timeout", timeout)):
        if value is not None:
            chosen[name] = value
    draw(load(path), view, output, format=fmt, options=RenderOptions(**chosen))
    click.echo(f"wrote {output}")


@cli.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--from", "fmt", type=_Names(_importable),
              help="Format of FILE; guessed from its suffix and content when not given.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Dossier file to write (.yaml or .json); with --each, a folder.")
@click.option("--each", is_flag=True, help="One dossier per record (uk-petitions: per "
              "petition), written as OUTPUT/<name>.yaml; without it a folder makes one dossier.")
@_reports_errors
def import_(file: Path, fmt: str | None, output: Path, each: bool) -> None:
    """Read a map made elsewhere (the formats of --from) into a dossier file; UK Parliament
    petitions come as a file or a folder of them.

    What the file holds that a dossier cannot is reported as a warning, never dropped silently.

    Example: argmap import debate.json --from aif -o claims/debate.yaml

    Example: argmap import petitions/ --from uk-petitions -o claims/petitions.yaml
    """
    from .io.files import dump
    from .formats import read_each, read_file

    if each:
        parts, warnings = read_each(file, fmt)
        for warning in warnings:
            click.echo(f"warning: {warning}", err=True)
        for name, imported in parts:
            dump(imported.dossier, output / f"{name}.yaml")
        click.echo(f"wrote {len(parts):,} dossiers to {output}/")
        return
    imported = read_file(file, fmt)
    for warning in imported.warnings:
        click.echo(f"warning: {warning}", err=True)
    dump(imported.dossier, output)
    click.echo(f"wrote {output} ({len(imported.dossier)} items)")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "fmt", type=_Names(_exportable), required=True,
              help="Format to write.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="File to write (standard output when not given; needed for sqlite).")
@click.option("--lang", help="Language of texts, for formats that hold one.")
@_reports_errors
def export(paths: tuple[Path, ...], fmt: str, output: Path | None, lang: str | None) -> None:
    """Write a dossier in a format other tools read. sqlite takes several dossiers (each file
    or folder a case, named after it) and adds them to the database, replacing a case of the
    same name.

    Example: argmap export claims/mynumber-card.yaml --to graphml -o case.graphml

    Example: argmap export claims/*.yaml --to sqlite -o cases.db && datasette cases.db
    """
    from .io.files import load
    from .errors import FormatError
    from .formats import FORMATS, case_name, export_report, write_file

    if FORMATS[fmt].write is not None:  # a file that holds several dossiers (sqlite)
        if output is None:
            raise FormatError(f"{fmt} is written to a file: give one (-o FILE)")
        write_file([(case_name(p), load(p)) for p in paths], fmt, output, lang)
        click.echo(f"wrote {output}")
        return
    if len(paths) != 1:
        raise FormatError(f"{fmt} holds one dossier; give one path (sqlite holds several)")
    exported = export_report(load(paths[0]), fmt, lang=lang)
    if output is None:
        click.echo(exported.text, nl=False)
    else:
        from .io.atomic import write_atomic

        write_atomic(output, exported.text)
        click.echo(f"wrote {output}")
    # what the format could not hold, by kind and count (on stderr, so stdout stays the file)
    click.echo(f"{fmt}: {exported.summary()}", err=True)


@cli.command(name="brief")
@PATH_ARG
@click.option("--side", required=True, metavar="ACTOR", help="The actor whose case to prepare.")
@click.option("--motion", metavar="ID", help="The claim under debate (default: the side's main "
              "position).")
@click.option("--lang", default="en", show_default=True, help="Language of the brief.")
@AS_OF_OPTION
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="File to write (.md or .html); Markdown on standard output when not given.")
@_reports_errors
def brief_(path: Path, side: str, motion: str | None, lang: str, as_of: _dt.date | None,
           output: Path | None) -> None:
    """A debate brief for one side: the position and whether it stands, its evidence, the
    counter-arguments and rebuttals, the other side's answers on record, open demands, key dates.

    Example: argmap brief claims/mynumber-card.yaml --side jichiroren --lang ja -o brief.html
    """
    from .brief import brief, write_brief
    from .io.files import load
    from .translations import warn_languages

    dossier = load(path)
    warn_languages(dossier, [lang])
    if output is None:
        click.echo(brief(dossier, side, motion, lang, as_of, format="md"), nl=False)
    else:
        write_brief(dossier, side, output, motion=motion, lang=lang, as_of=as_of)
        click.echo(f"wrote {output}")


@cli.command(name="site")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Folder to write the site into (new, empty, or a site written before).")
@click.option("--lang", default="en", show_default=True, help="Language of the site.")
@click.option("--map-max-nodes", type=int, default=None,
              help="Cases whose map would be larger get no map page (default 500).")
@_reports_errors
def site_(paths: tuple[Path, ...], output: Path, lang: str, map_max_nodes: int | None) -> None:
    """One offline static site over many dossiers (each file or folder a case): the cases with
    their tallies, a scorecard per actor, a page per demand, each case's map, one search.

    Example: argmap site claims/mynumber-card.yaml claims/petitions.yaml -o site/
    """
    from .site import MAP_MAX_NODES, build_site, load_cases

    result = build_site(load_cases(paths), output, lang=lang,
                        map_max_nodes=map_max_nodes or MAP_MAX_NODES)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"wrote {result.pages:,} pages ({result.maps} maps) to {output}/")


def _format_warning(message: Warning | str, category: type[Warning], filename: str,
                    lineno: int, line: str | None = None) -> str:
    """A warning as one line, like the ones ``argmap import`` prints (no file and source line)."""
    return f"warning: {message}\n"


def main() -> None:
    """Entry point of the ``argmap`` console script."""
    import warnings

    warnings.formatwarning = _format_warning
    try:
        cli.main(prog_name="argmap")
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        click.echo("interrupted", err=True)
        sys.exit(130)
