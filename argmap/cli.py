"""The ``argmap`` command: thin wrappers that parse options, call the library, and turn every
:class:`~argmap.errors.ArgmapError` into a message on stderr and exit status 1 (never a traceback).
"""

from __future__ import annotations

import datetime as _dt
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import ArgmapError

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
    from .files import load

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
        from .fileio import write_atomic

        write_atomic(output, schema_text())


@cli.command()
@PATH_ARG
@click.option("--lang", default="en", show_default=True, help="Language of the texts shown.")
@_reports_errors
def summary(path: Path, lang: str) -> None:
    """Validate a dossier and print its summary: counts, date range, every demand and its answer.

    Example: argmap summary claims/mynumber-card.yaml --lang ja
    """
    from .files import load
    from .summary import summary_text

    click.echo(summary_text(load(path), lang=lang), nl=False)


def main() -> None:
    """Entry point of the ``argmap`` console script."""
    try:
        cli.main(prog_name="argmap")
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        click.echo("interrupted", err=True)
        sys.exit(130)
