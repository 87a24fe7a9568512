"""One brief in the making: the dossier, its graph (built once), the citation registry, the
argument labels, and each item turned into an :class:`~.content.Entry` once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

from ..dates import precision_of
from ..dossier import Dossier
from ..graph import edges_in, node_table
from ..lang import pick
from ..model import Actor, Event, Evidence, Response
from ..text import one_line, shorten
from .cites import Registry
from .content import Entry, FigureText
from ..l10n import format_figure_value
from .words import label

__all__ = ["Case"]


class Case:
    """What every section builder needs: ``dossier``, ``graph``, ``lang``, ``registry``,
    ``label`` (an item id's grounded label or ``None``), ``family`` (the side's actor ids)."""

    def __init__(self, dossier: Dossier, graph: nx.MultiDiGraph, lang: str, registry: Registry,
                 label: Callable[[str], str | None], family: tuple[str, ...]) -> None:
        self.dossier = dossier
        self.family = frozenset(family)
        self.graph = graph
        self.nodes = node_table(graph)
        self.lang = lang
        self.registry = registry
        self.label = label
        self._entries: dict[str, Entry] = {}
        self._names: dict[str, str] = {}

    def text(self, value: Any) -> str:
        """A dossier text in the brief's language, on one line."""
        return one_line(pick(value, self.lang))

    def name(self, actor_id: str) -> str:
        """An actor's short name, else its name."""
        found = self._names.get(actor_id)
        if found is None:
            actor = self.nodes.get(actor_id, {}).get("item")
            if isinstance(actor, Actor):
                found = self.text(actor.short or actor.name)
            else:
                found = actor_id
            self._names[actor_id] = found
        return found

    def full_name(self, actor_id: str) -> str:
        """An actor's full name with its short name in brackets when it has one."""
        actor = self.nodes[actor_id]["item"]
        name, short = self.text(actor.name), self.text(actor.short) if actor.short else ""
        if not short or short == name:
            return name
        return label("aka", self.lang).format(name=name, short=short)

    def entry(self, item_id: str) -> Entry:
        """The item as the brief shows it (made once; making it numbers its sources)."""
        found = self._entries.get(item_id)
        if found is None:
            found = self._entries[item_id] = self._make(item_id)
        return found

    def short(self, item_id: str, width: int = 72) -> str:
        """An item's text shortened, to name it where it is not the subject."""
        return shorten(self.entry(item_id).text, width)

    def _make(self, item_id: str) -> Entry:
        attrs = self.nodes[item_id]
        item = attrs["item"]
        kind = attrs["kind"]
        summary = None
        if isinstance(item, Response):
            words = item.quote if item.quote is not None else item.text
            if item.quote is not None and item.text is not None:
                summary = self.text(item.text)
            text = self.text(words) if words is not None else ""
        elif isinstance(item, Event):
            text = self.text(item.title)
        else:
            text = self.text(getattr(item, "text", None) or "")
        by = getattr(item, "by", ()) or ()
        who = tuple(self.name(a) for a in by)
        figure = None
        if isinstance(item, Evidence) and item.value is not None:
            value = item.value
            figure = FigureText(value=format_figure_value(value.number, value.unit, self.lang),
                                measure=self.text(value.measure) if value.measure else "",
                                scope=self.text(value.scope) if value.scope else "",
                                as_of=value.as_of, as_of_precision=value.as_of_precision.value)
        return Entry(id=item_id, kind=kind, text=text, who=who, date=attrs.get("date"),
                     precision=self._precision(item), cites=self.registry.of(item),
                     status=self.label(item_id), figure=figure, summary=summary,
                     ours=bool(self.family.intersection(by)))

    def _precision(self, item: Any) -> str:
        """How much of the item's date is known: its own, else its event's."""
        return precision_of(item, lambda i: self.nodes.get(i, {}).get("item"))

    # --- the argument around an item -------------------------------------------------------

    def relations_into(self, node: str, rtype: str) -> Iterator[tuple[str, str, Any]]:
        """``(premise, relation id, Relation)`` for every ``rtype`` relation into ``node``,
        in dossier order, premises of one relation in their order."""
        found = []
        for premise, keys in edges_in(self.graph).get(node, {}).items():
            for key, attrs in keys.items():
                if attrs.get("type") == rtype and "relation" in attrs:
                    found.append((attrs["order"], attrs["index"], premise, key, attrs["relation"]))
        for _, _, premise, key, relation in sorted(found):
            yield premise, key, relation

    def undercuts_of(self, relation_id: str) -> list[str]:
        """The items undercutting a relation, in dossier order."""
        if self.nodes.get(relation_id, {}).get("kind") != "relation":
            return []
        return [u for u, _, _ in self.relations_into(relation_id, "undercuts")]

    def order(self, item_id: str) -> int:
        """The item's position in the dossier."""
        return self.nodes[item_id]["order"]
