"""Errors a user can cause.

Every problem argmap finds in a user's input is an :class:`ArgmapError`. A problem knows where it
is (file, line, column) and which field it concerns (``responses[3].to``), so that the message reads
``claims/x.yaml:42:7: responses[3].to: unknown demand 'd-no-surveys' (did you mean 'd-no-survey'?)``.
All the problems found in one load are raised together as one :class:`DossierError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "ArgmapError", "DateOrderError", "DossierError", "DuplicateIdError", "DuplicateKeyError",
    "FileError", "FormatError", "PathPart", "RelationKindError", "RenderError", "SchemaError",
    "SyntaxProblem", "UnknownReferenceError", "did_you_mean", "format_path"
]

PathPart = str | int


def format_path(path: Sequence[PathPart]) -> str:
    """Render a field path the way users read it: ``responses[3].to``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def did_you_mean(ref: str, candidates: Iterable[str], cutoff: float = 0.75) -> str:
    """`` (did you mean 'x'?)`` for the closest candidate to a mistyped id, else ``""``.

    >>> did_you_mean("d-no-surveys", ["d-no-survey", "mic"])
    " (did you mean 'd-no-survey'?)"
    """
    import difflib  # only on the error path

    close = difflib.get_close_matches(ref, list(candidates), n=1, cutoff=cutoff)
    return f" (did you mean '{close[0]}'?)" if close else ""


class ArgmapError(Exception):
    """Base of every error a user can cause.

    ``file``, ``line`` and ``column`` (1-based) say where; ``path`` says which field; ``message``
    says what is wrong. Any of the location parts may be missing when it does not apply.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: Sequence[PathPart] = (),
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.path: tuple[PathPart, ...] = tuple(path)
        super().__init__(self.format())

    def format(self) -> str:
        """One line: ``file:line:col: field.path: message``."""
        where = ""
        if self.file is not None:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        field = format_path(self.path)
        if field:
            where += f"{field}: "
        return where + self.message

    def located(self, file: str | None, line: int | None, column: int | None) -> "ArgmapError":
        """Return this problem with its location filled in (used once positions are known)."""
        self.file, self.line, self.column = file, line, column
        self.args = (self.format(),)
        return self

    def __str__(self) -> str:
        return self.format()


class FileError(ArgmapError):
    """A file cannot be read at all: missing, unreadable, not UTF-8, not a known suffix."""


class SyntaxProblem(ArgmapError):
    """YAML or JSON syntax error, a tab in indentation, an unsafe or unknown tag."""


class DuplicateKeyError(ArgmapError):
    """The same key twice in one mapping (PyYAML would silently keep the last)."""


class SchemaError(ArgmapError):
    """Unknown field, missing field, wrong type, bad or impossible date, bad id."""


class UnknownReferenceError(ArgmapError):
    """A reference to an id that no item has."""


class DuplicateIdError(ArgmapError):
    """The same id given to two items (in one file or across files)."""


class RelationKindError(ArgmapError):
    """A reference or relation joins kinds of items the rules do not allow."""


class DateOrderError(ArgmapError):
    """Dates out of the order the case implies (an answer before its demand)."""


class RenderError(ArgmapError):
    """A map could not be drawn (Graphviz missing, failing, too slow, map too large)."""


class FormatError(ArgmapError):
    """A foreign file (AIF, Kialo, Argdown, microtexts, ICCMA) cannot be read."""


class DossierError(ArgmapError):
    """All the problems found while loading or checking a dossier, raised together."""

    def __init__(self, problems: Iterable[ArgmapError]) -> None:
        self.problems: list[ArgmapError] = sorted(
            problems,
            key=lambda p: (p.file or "", p.line or 0, p.column or 0, format_path(p.path), p.message),
        )
        head = self.problems[0] if self.problems else None
        super().__init__(
            "\n".join(p.format() for p in self.problems) or "invalid dossier",
            file=head.file if head else None,
        )

    def format(self) -> str:
        return "\n".join(p.format() for p in self.problems) or "invalid dossier"

    def __str__(self) -> str:
        return self.format()
