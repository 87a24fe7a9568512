"""Citations in a brief: every fact names its source and locator, and the sources are numbered in
the order the brief first cites them.

A source is cited by a short label, ``SAGA Tatsuya 2020`` or ``佐賀達也 2020``: its author (or
publisher) when that is short, else its title shortened, followed by its year unless the label
already holds it. Two sources with the same label get ``a``, ``b``, ... after the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dossier import Dossier
from ..lang import pick
from ..model import Evidence, Item, Source
from ..text import display_width, one_line, shorten

__all__ = [
    "AUTHOR_WIDTH", "TITLE_WIDTH", "Cite", "Registry", "SourceEntry", "base_label", "unique_labels"
]

#: Longest author or publisher (in display columns) used as a label as it stands.
AUTHOR_WIDTH = 22
#: Width a title is shortened to when it has to serve as the label.
TITLE_WIDTH = 34

_PARENTHESES = re.compile(r"\s*[（(][^（）()]*[）)]\s*")


@dataclass(frozen=True)
class Cite:
    """One reference to a source: its number in the source list and the locator in it.

    The label a reader sees (``SAGA Tatsuya 2020``) is the one of source ``number`` in
    :attr:`Brief.sources <argmap.brief.content.Brief.sources>`.
    """

    number: int
    locator: str | None = None


@dataclass(frozen=True)
class SourceEntry:
    """One line of the numbered source list."""

    number: int
    id: str
    label: str
    title: str
    author: str
    publisher: str
    date: str | None       # ISO date, ``None`` when unknown
    precision: str
    url: str | None


def _bare(text: str) -> str:
    """Text without parenthesised asides and with its whitespace collapsed."""
    return " ".join(_PARENTHESES.sub(" ", text).split())


def base_label(source: Source, lang: str) -> str:
    """The label of a source before collisions are resolved (see the module docstring).

    >>> base_label(Source(id="s", title="Report (draft)", author="MIC", date="2019-06-28"), "en")
    'MIC 2019'
    """
    label = ""
    for field in (source.author, source.publisher):
        name = _bare(pick(field, lang))
        if name and display_width(name) <= AUTHOR_WIDTH:
            label = name
            break
    if not label:
        label = shorten(_bare(pick(source.title, lang)) or source.id, TITLE_WIDTH)
    if source.date is not None and str(source.date.year) not in label:
        label = f"{label} {source.date.year}"
    return label


class Registry:
    """Numbers sources by first use and turns an item's references into :class:`Cite` values.

    Labels are given at the end (:meth:`entries`), among the sources actually cited, so that a
    ``2020a`` never appears without its ``2020b``.
    """

    def __init__(self, dossier: Dossier, lang: str) -> None:
        self.lang = lang
        self._sources = {s.id: s for s in dossier.sources}
        self._events = {e.id: e for e in dossier.events}
        self._numbers: dict[str, int] = {}

    def cite(self, source_id: str, locator: str | None) -> Cite:
        """A reference to one source, numbering it if it is new."""
        number = self._numbers.get(source_id)
        if number is None:
            number = self._numbers[source_id] = len(self._numbers) + 1
        return Cite(number, locator or None)

    def of(self, item: Item) -> tuple[Cite, ...]:
        """Every reference an item makes: for evidence its own source first, then its citations.

        An item that cites nothing borrows the citations of the event it happened at.
        """
        refs: list[tuple[str, str | None]] = []
        if isinstance(item, Evidence) and item.source is not None:
            refs.append((item.source, item.locator))
        refs += [(c.source, c.locator) for c in item.cites]
        if not refs:
            event = self._events.get(getattr(item, "at", None) or "")
            if event is not None:
                refs += [(c.source, c.locator) for c in event.cites]
        out: list[Cite] = []
        seen: set[tuple[str, str | None]] = set()
        for source_id, locator in refs:
            if (source_id, locator) not in seen and source_id in self._sources:
                seen.add((source_id, locator))
                out.append(self.cite(source_id, locator))
        return tuple(out)

    def entries(self) -> tuple[SourceEntry, ...]:
        """The numbered source list, in the order of first citation, with unique labels."""
        cited = sorted(self._numbers.items(), key=lambda kv: kv[1])
        labels = unique_labels([self._sources[sid] for sid, _ in cited], self.lang)
        out = []
        for (source_id, number), label in zip(cited, labels, strict=True):
            source = self._sources[source_id]
            out.append(SourceEntry(
                number=number, id=source_id, label=label,
                title=one_line(pick(source.title, self.lang)),
                author=one_line(pick(source.author, self.lang)),
                publisher=one_line(pick(source.publisher, self.lang)),
                date=source.date.isoformat() if source.date else None,
                precision=source.precision.value, url=source.url))
        return tuple(out)


def unique_labels(sources: list[Source], lang: str) -> list[str]:
    """The labels of these sources, made unique: sources sharing a label get ``a``, ``b``, ...
    in the order of their dates (then of the list).

    >>> unique_labels([Source(id="x", title="T", author="A", date="2020-04-24"),
    ...                Source(id="y", title="U", author="A", date="2020-03-01")], "en")
    ['A 2020b', 'A 2020a']
    """
    bases = [base_label(s, lang) for s in sources]
    groups: dict[str, list[int]] = {}
    for i, base in enumerate(bases):
        groups.setdefault(base, []).append(i)
    labels = list(bases)
    for base, members in groups.items():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (sources[i].date is None, sources[i].date or 0, i))
        for n, i in enumerate(members, 1):
            suffix = _suffix(n)
            labels[i] = base + suffix if base[-1:].isdigit() else f"{base} ({suffix})"
    return labels


def _suffix(n: int) -> str:
    """``a``, ``b``, ..., ``z``, ``aa``, ``ab``, ... for the n-th (1-based) colliding label."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out
