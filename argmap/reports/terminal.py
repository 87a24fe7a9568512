"""Table cells for the terminal (``argmap status`` and ``argmap timeline`` as tables)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.containers import Lines
from rich.text import Text as RichText

from ..text import wrap

__all__ = ["Cell"]


class Cell(RichText):
    """A table cell whose lines break where argmap's maps and briefs break them
    (:func:`argmap.text.wrap`): rich's own wrapping breaks Japanese and Chinese anywhere, so a
    line could start with 。 or end with （."""

    def __init__(self, text: str, style: str, lang: str | None) -> None:
        super().__init__(text, style=style)
        self._lang = lang

    def wrap(self, console: Console, width: int, *, justify: Any = None, overflow: Any = None,
             tab_size: int = 8, no_wrap: bool | None = None) -> Lines:
        if no_wrap or self.no_wrap or width < 2:
            return super().wrap(console, width, justify=justify, overflow=overflow,
                                tab_size=tab_size, no_wrap=no_wrap)
        return Lines(RichText(line, style=self.style)
                     for line in wrap(self.plain, width, max_lines=0, balance=False,
                                      lang=self._lang))
