"""The inline phrases both output formats share: citations, an item with its author, date and
sources, a figure. A :class:`Style` says how to escape and emphasise in one format; every phrase
comes back already in that format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .cites import Cite
from .content import Entry, FigureText
from ..text import shorten
from ..l10n import format_date
from .words import Raw, fill, label, say, term

__all__ = ["Phrases", "Style"]


@dataclass(frozen=True)
class Style:
    """How one output format writes text: ``escape`` dossier or label text, ``strong`` and
    ``em`` wrap text already escaped, ``link`` turns a citation's (escaped) text into a link to
    source number so-and-so in the list (or leaves it as is)."""

    escape: Callable[[str], str]
    strong: Callable[[str], str]
    em: Callable[[str], str]
    link: Callable[[int, str], str]


class Phrases:
    """Phrases in one language and one format; ``labels`` are the sources' labels by number."""

    def __init__(self, lang: str, style: Style, labels: dict[int, str]) -> None:
        self.lang = lang
        self.style = style
        self.labels = labels

    def say(self, key: str, **values: object) -> str:
        """A label filled with values (escaped unless :class:`Raw`)."""
        return say(key, self.lang, self.style.escape, **values)

    def word(self, key: str) -> str:
        """A label with no fields, escaped."""
        return self.style.escape(label(key, self.lang))

    def term(self, key: str, **values: object) -> str:
        """A term every output shares (a status name, a kind), filled and escaped."""
        return fill(term(key, self.lang), self.style.escape, **values)

    def date(self, entry_date: object, precision: str = "day") -> str:
        """A date as written in the brief's language (escaped)."""
        return self.style.escape(format_date(entry_date, self.lang, precision))  # type: ignore[arg-type]

    def quote(self, text: str) -> str:
        """Text in the language's quotation marks."""
        return self.say("quote", text=text)

    def cites(self, cites: tuple[Cite, ...]) -> str:
        """``(SAGA Tatsuya 2020, ¶23, ¶40; MIC 2019)``: one part per source, its locators in
        order, each part linked to the source; ``(no source on file)`` when there is none."""
        if not cites:
            return "(" + self.style.em(self.word("no_source")) + ")"
        locators: dict[int, list[str]] = {}
        for cite in cites:
            found = locators.setdefault(cite.number, [])
            if cite.locator and cite.locator not in found:
                found.append(cite.locator)
        parts = []
        for number, locs in locators.items():
            text = ", ".join([self.labels.get(number, str(number)), *locs])
            parts.append(self.style.link(number, self.style.escape(text)))
        return "(" + "; ".join(parts) + ")"

    def figure(self, figure: FigureText) -> str:
        """``issuance rate, Japan (all): 14.3% (as of 1 November 2019)``."""
        scope = ""
        if figure.scope:  # "measure, scope" / "measure（scope）"; the scope alone when no measure
            scope = (self.say("figure.scope", scope=figure.scope) if figure.measure
                     else self.style.escape(figure.scope))
        as_of = (self.say("figure.as_of", date=format_date(figure.as_of, self.lang,
                                                           figure.as_of_precision))
                 if figure.as_of else "")
        return self.say("figure", measure=figure.measure, scope=Raw(scope),
                        value=Raw(self.style.strong(self.style.escape(figure.value))),
                        as_of=Raw(as_of)).lstrip(":： ")

    def byline(self, entry: Entry, who: bool = True, date: bool = True) -> str:
        """`` — MIC, 23 July 2019``: the authors (unless ``who`` is false or the item is ours)
        and the date (unless ``date`` is false or it is unknown); empty when there is neither."""
        parts = []
        if who and entry.who and not entry.ours:
            parts.append(self.style.escape(label("list_sep", self.lang).join(entry.who)))
        if date and entry.date is not None:
            parts.append(self.date(entry.date, entry.precision))
        return (" — " + self.word("list_sep").join(parts)) if parts else ""

    def status(self, entry: Entry) -> str:
        """`` [contested]`` / `` [defeated]`` for items that do not stand; empty otherwise."""
        if entry.status in ("out", "undec"):
            return " " + self.style.em("[" + self.word(f"status.{entry.status}") + "]")
        return ""

    def item(self, entry: Entry, *, bold: bool = False, who: bool = True, date: bool = True,
             kind: bool = True, width: int | None = None) -> str:
        """An item in one line: its kind when evidence or an action (unless ``kind`` is false),
        its figure, its text (cut to ``width`` columns when given), who and when, its sources,
        and its status."""
        text = shorten(entry.text, width) if width else entry.text
        body = self.style.escape(text)
        if entry.kind == "response":
            body = self.quote(text)
        if bold:
            body = self.style.strong(body)
        head = ""
        if kind and entry.kind in ("evidence", "action"):
            head = self.term(f"kind.{entry.kind}") + self.word("colon")
        if entry.figure is not None:
            head += self.figure(entry.figure) + " — "
        return (f"{head}{body}{self.byline(entry, who, date)} {self.cites(entry.cites)}"
                f"{self.status(entry)}")

    def seen(self, entry: Entry) -> str:
        """An item shown earlier: its text shortened, and "(see above)"."""
        return self.quote(shorten(entry.text, 60)) + " " + self.word("seen")

    def ref(self, text: str) -> str:
        """A point referred to by its (shortened) text, in quotation marks."""
        return self.quote(text)
