"""One brief in the making: the dossier, its graph (built once), the citation registry, the
argument labels, and each item turned into an :class:`~.content.Entry` once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

from ..dates import precision_of
from ..dossier import Dossier
from ..graph import edges_in, node_table
from ..lang import pick, picked_language, same_language
from ..model import Actor, Event, Evidence, Response, Source, single_said
from ..text import one_line
from .cites import Registry
from .content import Entry, FigureText
from ..l10n import format_date, format_figure_value
from .words import clip, label

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
        """An actor's short name, else its name (:meth:`Dossier.actor_name`), on one line."""
        found = self._names.get(actor_id)
        if found is None:
            found = self._names[actor_id] = one_line(self.dossier.actor_name(actor_id, self.lang))
        return found

    def plural(self, actor_ids: tuple[str, ...] | list[str]) -> bool:
        """Whether these actors, named together, take a plural verb: several of them, or one
        that is plural (:attr:`argmap.model.Actor.is_plural`)."""
        if len(actor_ids) > 1:
            return True
        actor = self.nodes.get(actor_ids[0], {}).get("item") if actor_ids else None
        return isinstance(actor, Actor) and actor.is_plural

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
        """An item's text shortened, to name it where it is not the subject; an answer on file
        only by its quote is named by who gave it and when (its words are never named
        without their quotation marks and source)."""
        entry = self.entry(item_id)
        if entry.text:
            return clip(entry.text, width)
        who = label("list_sep", self.lang).join(entry.who)
        return label("answer_of", self.lang).format(
            who=who, date=format_date(entry.date, self.lang, entry.precision))

    def _make(self, item_id: str) -> Entry:
        attrs = self.nodes[item_id]
        item = attrs["item"]
        kind = attrs["kind"]
        quote, translated, said = None, False, None
        if isinstance(item, Response):
            # the writer's summary and the source's words are kept apart: only the quote is
            # ever put in quotation marks
            text = self.text(item.text) if item.text is not None else ""
            if item.quote is not None:
                quote = self.text(item.quote)
                translated = self._translated(item)
            said = single_said(item)
        elif isinstance(item, Event):
            text = self.text(item.title)
        else:
            text = self.text(getattr(item, "text", None) or "")
        by = tuple(getattr(item, "by", ()) or ())
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
                     status=self.label(item_id), figure=figure, quote=quote,
                     translated=translated, said=said, plural=self.plural(by),
                     ours=bool(self.family.intersection(by)))

    def _translated(self, item: Response) -> bool:
        """Whether the answer's quote, as the brief shows it, is in another language than the
        source it is cited from (when that source says its language)."""
        shown = picked_language(item.quote, self.lang)
        if shown is None or not item.cites:
            return False
        source = self.nodes.get(item.cites[0].source, {}).get("item")
        return (isinstance(source, Source) and source.language is not None
                and not same_language(source.language, shown))

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
