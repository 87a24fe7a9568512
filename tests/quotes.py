"""Walk every quotation in an output and find it in the record.

An output may put words in quotation marks (“…”, 「…」, 『…』, "…") or in a blockquote only when
they are verbatim in a ``quote`` of the item they are credited to: an answer's or a piece of
evidence's own ``quote``, or the ``quote`` of one of its citations, credited by the source (and
place) that follows them. Quotation marks that belong to a writer's text shown as such (a
``text`` that itself quotes, ``the "riot" label``) are the writer's, and are passed over.

:func:`quoted_spans` finds the quotations of a text; :class:`Record` knows the dossier's quotes
and texts; :func:`check_text` walks an output whose credits are ``(Label, locator; ...)`` groups
naming sources by the labels its own source list gives them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from argmap.dossier import Dossier
from argmap.model import Evidence

PAIRS = {"“": "”", "「": "」", "『": "』"}
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]<>#|~!])")


@dataclass(frozen=True)
class Span:
    """One quotation: where it is in the text, its marks and the words between them."""

    start: int
    end: int  # just after the closing mark
    opening: str
    words: str


def quoted_spans(text: str) -> list[Span]:
    """The outermost quotations of ``text``, line by line: curly and CJK marks (nesting kept),
    then straight double quotes paired in order outside those. An opening mark never closed on
    its line is reported as a quotation running to the end of the line (an output must not leave
    one open)."""
    found: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        stack: list[tuple[str, int]] = []
        curly: list[tuple[int, int]] = []
        for i, ch in enumerate(line):
            if ch in PAIRS and not (stack and stack[-1][0] == ch and ch == PAIRS[ch]):
                stack.append((PAIRS[ch], i))
            elif stack and ch == stack[-1][0]:
                close, start = stack.pop()
                if not stack:
                    curly.append((start, i + 1))
                    found.append(Span(offset + start, offset + i + 1, line[start],
                                      line[start + 1:i]))
        if stack:
            start = stack[0][1]
            curly.append((start, len(line)))
            found.append(Span(offset + start, offset + len(line), line[start], line[start + 1:]))
        straight = [i for i, ch in enumerate(line) if ch == '"'
                    and not any(a <= i < b for a, b in curly)]
        for a, b in zip(straight[::2], straight[1::2]):
            found.append(Span(offset + a, offset + b + 1, '"', line[a + 1:b]))
        offset += len(line) + 1
    return sorted(found, key=lambda s: s.start)


def plain(words: str) -> str:
    """Quoted words as the record has them: Markdown escapes undone, cut marks dropped."""
    return _MD_ESCAPE.sub(r"\1", words).removesuffix("…").strip()


def _texts(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [str(v) for v in value.values()]
    return [str(value)]


def _squash(text: str) -> str:
    return " ".join(text.split())


class Record:
    """The dossier's quotes, each with the sources and places it is credited to, and every text
    the writer wrote (in which quotation marks are the writer's own)."""

    def __init__(self, dossier: Dossier) -> None:
        #: (quote, item id, source id, locator) for every verbatim quote on file
        self.quotes: list[tuple[str, str, str, str | None]] = []
        self.writer: list[str] = []
        for _, _, item in dossier.items():
            refs = [(c.source, c.locator) for c in item.cites]
            if isinstance(item, Evidence) and item.source is not None:
                refs.insert(0, (item.source, item.locator))
            for quote in _texts(getattr(item, "quote", None)):
                for source, locator in refs:
                    self.quotes.append((_squash(quote), item.id, source, locator))
            for cite in item.cites:
                for quote in _texts(cite.quote):
                    self.quotes.append((_squash(quote), item.id, cite.source, cite.locator))
            for field in ("text", "title", "name", "short", "note", "description"):
                self.writer += [_squash(t) for t in _texts(getattr(item, field, None))]
        if dossier.info is not None:
            self.writer += [_squash(t) for t in _texts(dossier.info.title)]

    def writers_marks(self, span: Span, text: str) -> bool:
        """Whether the quotation marks are part of a writer's text shown as such."""
        marked = plain(text[span.start:span.end])
        return any(marked in t for t in self.writer)

    def credited(self, words: str, sources: Iterable[str],
                 locators: Iterable[str] = ()) -> list[str]:
        """The items whose quote holds ``words`` verbatim, credited to one of ``sources``
        (and, when the credit names places, cited at one of them)."""
        words = _squash(plain(words))
        sources, locators = set(sources), set(locators)
        return [item for quote, item, source, locator in self.quotes
                if words and words in quote and source in sources
                and (not locators or locator is None or locator in locators)]


_CREDIT = re.compile(r"\(([^()]*)\)")


def credit_after(text: str, end: int, labels: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """The sources and places named by the first ``(Label, place; Label)`` group after ``end`` on
    the same line: source ids (by the output's own labels) and locators."""
    line_end = text.find("\n", end)
    rest = text[end:line_end if line_end >= 0 else len(text)]
    for match in _CREDIT.finditer(rest):
        sources, places = [], []
        for part in match.group(1).split(";"):
            bits = [b.strip() for b in part.split(",")]
            label = plain(bits[0])
            if label in labels:
                sources.append(labels[label])
                places += [plain(b) for b in bits[1:]]
        if sources:
            return sources, places
    return [], []


def check_text(text: str, record: Record, labels: Mapping[str, str]) -> int:
    """Assert every quotation in ``text`` is the writer's own marks, or verbatim in a quote of an
    item credited by the credit that follows it. Returns how many quotations were checked."""
    checked = 0
    for span in quoted_spans(text):
        if record.writers_marks(span, text):
            continue
        sources, places = credit_after(text, span.end, labels)
        assert sources, f"quoted without a source: {text[span.start:span.end]!r}"
        assert record.credited(span.words, sources, places), (
            f"not verbatim in a quote credited to {sources} {places}: "
            f"{text[span.start:span.end]!r}")
        checked += 1
    return checked


def markdown_blockquotes(text: str) -> list[str]:
    """The lines of a Markdown document's blockquotes (without their ``> ``)."""
    return [line[2:] for line in text.splitlines() if line.startswith("> ")]


def html_text(page: str) -> str:
    """An HTML document as text: one line per block element, tags dropped, entities decoded."""
    page = re.sub(r"<(style|script|svg)\b.*?</\1>", "", page, flags=re.DOTALL)
    page = re.sub(r"</?(p|li|h\d|blockquote|tr|section|ul|ol|br|table|figure)\b[^>]*>", "\n",
                  page)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def html_blockquotes(page: str) -> list[str]:
    """The text of each blockquote of an HTML document."""
    return [html.unescape(re.sub(r"<[^>]+>", "", b))
            for b in re.findall(r"<blockquote>(.*?)</blockquote>", page, flags=re.DOTALL)]


def check_blockquote(quote: str, record: Record, labels: Mapping[str, str]) -> None:
    """A blockquote holds one quotation and its credit, nothing else: never our words."""
    quote = quote.strip()
    spans = quoted_spans(quote)
    assert spans and spans[0].start == 0, f"a blockquote that is not a quotation: {quote!r}"
    rest = quote[spans[0].end:].strip()
    assert re.fullmatch(r"\([^()]*\)", rest), f"more than a quotation in a blockquote: {quote!r}"
    check_text(quote, record, labels)
