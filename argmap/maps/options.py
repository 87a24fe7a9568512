"""What a map shows and how: :class:`RenderOptions`."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..errors import RenderError
from .backend import ENGINES
from .style import SCHEMES

__all__ = ["ALL_KINDS", "RANKDIRS", "RenderOptions"]

#: Every kind of item a map can show.
ALL_KINDS = frozenset({"event", "claim", "demand", "response", "evidence", "action", "source"})
RANKDIRS = ("LR", "RL", "TB", "BT")


@dataclass(frozen=True)
class RenderOptions:
    """Options of every view.

    ``lang`` picks the language of texts (``None``: the dossier's first language, else English),
    with ``fallback`` when a text lacks it. ``as_of`` draws the map as it stood on that date
    (later items and answers are left out). Overdue demands are judged on ``as_of``, else on
    ``today``, else on the latest date in the dossier (never the clock: maps are reproducible).
    ``kinds`` limits the kinds of item shown. ``wrap`` is the label width in display columns (a
    CJK character counts two) and ``max_lines`` the lines of text per label before ``…``.
    ``rankdir``, ``engine`` and ``font`` override the view's choice (each language's fonts are
    in :mod:`argmap.maps.fonts`); ``scheme`` is ``okabe-ito`` or ``grayscale``. ``focus`` and
    ``radius`` restrict the view to the items within ``radius`` steps of one id. Maps over
    ``max_nodes`` nodes are refused; Graphviz runs longer than ``timeout`` seconds are stopped.

    >>> RenderOptions(lang="en", as_of="2023-12-31").as_of
    datetime.date(2023, 12, 31)
    """

    lang: str | None = None
    fallback: tuple[str, ...] = ("en", "ja")
    as_of: _dt.date | None = None
    today: _dt.date | None = None
    kinds: frozenset[str] | None = None
    wrap: int = 26
    max_lines: int = 4
    rankdir: str | None = None
    engine: str | None = None
    scheme: str = "okabe-ito"
    font: str | None = None
    focus: str | None = None
    radius: int = 1
    legend: bool = True
    title: bool = True
    max_nodes: int = 8000
    timeout: float = 120.0
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.as_of, str):
            try:
                object.__setattr__(self, "as_of", _dt.date.fromisoformat(self.as_of))
            except ValueError:
                raise RenderError(f"as_of: '{self.as_of}' is not a date (YYYY-MM-DD)",
                                  path=("as_of",)) from None
        if isinstance(self.as_of, _dt.datetime):
            object.__setattr__(self, "as_of", self.as_of.date())
        if isinstance(self.today, str):
            object.__setattr__(self, "today", _dt.date.fromisoformat(self.today))
        if self.kinds is not None:
            kinds = frozenset(self.kinds)
            unknown = sorted(kinds - ALL_KINDS)
            if unknown:
                raise RenderError(f"kinds: unknown kind(s) {', '.join(unknown)} "
                                  f"(choose from {', '.join(sorted(ALL_KINDS))})", path=("kinds",))
            object.__setattr__(self, "kinds", kinds)
        if isinstance(self.fallback, str):
            object.__setattr__(self, "fallback", (self.fallback,))
        if self.rankdir is not None and self.rankdir not in RANKDIRS:
            raise RenderError(f"rankdir: '{self.rankdir}' is not one of {', '.join(RANKDIRS)}",
                              path=("rankdir",))
        if self.engine is not None and self.engine not in ENGINES:
            raise RenderError(f"engine: '{self.engine}' is not one of {', '.join(ENGINES)}",
                              path=("engine",))
        if self.scheme not in SCHEMES:
            raise RenderError(f"scheme: '{self.scheme}' is not one of {', '.join(SCHEMES)}",
                              path=("scheme",))
        for name, low in (("wrap", 6), ("max_lines", 1), ("radius", 0), ("max_nodes", 1)):
            if getattr(self, name) < low:
                raise RenderError(f"{name}: must be at least {low}", path=(name,))
        if self.timeout <= 0:
            raise RenderError("timeout: must be positive", path=("timeout",))
