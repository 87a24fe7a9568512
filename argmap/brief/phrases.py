"""The inline phrases both output formats share: citations, an item with its author, date and
sources, a figure. A :class:`Style` says how to escape and emphasise in one format; every phrase
comes back already in that format.

Quotation marks are put around one thing only: words the dossier has verbatim from a source (an
answer's ``quote``), always followed by the source they are credited to. The writer's own words
(every ``text``) are shown as such: plainly, or marked "in our words" where they sum up an
answer, and points named in passing are set off by :attr:`Style.ref`, never quoted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .cites import Cite
from .content import Entry, FigureText
from ..text import shorten
from ..l10n import format_date
from .words import Raw, clip, fill, label, say, term

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
    ref: Callable[[str], str] = lambda s: s


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

    def count(self, key: str, n: int) -> str:
        """A counted phrase: ``key.zero``, ``key.one`` or ``key.other`` by ``n``, filled with it
        (every language's table has all three, the same where its grammar does not count)."""
        form = "zero" if n == 0 else "one" if n == 1 else "other"
        return self.say(f"{key}.{form}", n=n)

    def quote(self, text: str) -> str:
        """Words quoted verbatim from a source, in the language's quotation marks (and nothing
        else is ever put in them: follow it with :meth:`cites`)."""
        return fill(term("quote", self.lang), self.style.escape, text=text)

    def quoted(self, entry: Entry, width: int | None = None) -> str:
        """An answer's own words in quotation marks (cut to ``width``), then the source they
        are credited to, marked when given in translation."""
        text = clip(entry.quote or "", width) if width else entry.quote or ""
        return self.quote(text) + " " + self.cites(entry.cites, entry.translated)

    def ours(self, text: str) -> str:
        """The writer's summary of an answer: "In our words: ..." (never in quotation marks)."""
        return fill(term("our_words", self.lang), self.style.escape, text=text)

    def cites(self, cites: tuple[Cite, ...], translated: bool = False) -> str:
        """``(SAGA Tatsuya 2020, ¶23, ¶40; MIC 2019)``: one part per source, its locators in
        order, each part linked to the source; ``(no source on file)`` when there is none.
        ``translated`` adds that a quotation is given in translation."""
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
        if translated:
            parts.append(self.word("translated"))
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
        """`` [does not stand]`` / `` [contested]`` for arguments that do not stand; empty
        otherwise, and always for answers: an answer is on the record, whatever argues with it."""
        if entry.kind != "response" and entry.status in ("out", "undec"):
            return " " + self.style.em("[" + self.word(f"status.{entry.status}") + "]")
        return ""

    def item(self, entry: Entry, *, bold: bool = False, who: bool = True, date: bool = True,
             kind: bool = True, width: int | None = None, status: bool = True) -> str:
        """An item in one line: its kind when evidence or an action (unless ``kind`` is false),
        its figure, its text (cut to ``width`` columns when given), who and when, its sources,
        and its status (unless ``status`` is false).

        An answer shows its own words in quotation marks when the dossier has them verbatim,
        else the writer's summary marked as such."""
        if entry.kind == "response" and entry.quote is not None:
            text = clip(entry.quote, width) if width else entry.quote
            body = self.quote(text)
        else:
            text = clip(entry.text, width) if width else entry.text
            body = self.ours(text) if entry.kind == "response" else self.style.escape(text)
        if bold:
            body = self.style.strong(body)
        head = ""
        if kind and entry.kind in ("evidence", "action"):
            head = self.term(f"kind.{entry.kind}") + self.word("colon")
        if entry.figure is not None:
            head += self.figure(entry.figure) + " — "
        cites = self.cites(entry.cites, entry.translated and entry.quote is not None
                           and entry.kind == "response")
        return (f"{head}{body}{self.byline(entry, who, date)} {cites}"
                f"{self.status(entry) if status else ''}")

    def name(self, entry: Entry, width: int = 60) -> str:
        """A point named in passing: its text cut short and set off (an answer known only by its
        quote is named by who gave it and when, its words never without their source)."""
        if entry.text:
            return self.style.ref(self.style.escape(clip(entry.text, width)))
        who = label("list_sep", self.lang).join(entry.who)
        return self.say("answer_of", who=who,
                        date=format_date(entry.date, self.lang, entry.precision))

    def seen(self, entry: Entry) -> str:
        """An item shown earlier: its text shortened, and "(see above)"."""
        return self.name(entry) + " " + self.word("seen")

    def ref(self, text: str) -> str:
        """A point referred to by its (already shortened) text, set off, never quoted."""
        return self.style.ref(self.style.escape(text))
