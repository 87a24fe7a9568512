"""The dossier: one case, all its items, with lookups by id.

The checks that need the whole case (references, ids, dates) are in :mod:`argmap.checks`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import Field, PrivateAttr

from .dates import date_of
from .lang import DEFAULT_FALLBACK, pick
from .model import (
    SECTIONS,
    Action,
    Actor,
    Claim,
    Demand,
    DossierInfo,
    Event,
    Evidence,
    Item,
    Relation,
    Response,
    Source,
    _Model,
)

__all__ = ["Dossier"]


class Dossier(_Model):
    """One case: every item of every kind, as lists in file order.

    >>> d = Dossier(actors=[Actor(id="u", name="Union", kind="union")])
    >>> d.get("u").name
    'Union'
    """

    info: DossierInfo | None = Field(default=None, alias="dossier")
    schema_: str | None = Field(default=None, alias="$schema", exclude=True)
    actors: list[Actor] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    demands: list[Demand] = Field(default_factory=list)
    responses: list[Response] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    _index: dict[str, Item] | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        # compare the content only: the private lookup cache must not make equal dossiers differ
        if not isinstance(other, Dossier):
            return NotImplemented
        return self.info == other.info and all(
            getattr(self, s) == getattr(other, s) for s in SECTIONS)

    __hash__ = None  # type: ignore[assignment]

    def items(self) -> Iterator[tuple[str, int, Item]]:
        """Every item with its section name and position, in section then file order."""
        for section in SECTIONS:
            for position, item in enumerate(getattr(self, section)):
                yield section, position, item

    def _lookup(self) -> dict[str, Item]:
        # read through pydantic's slot for private attributes: ``self._index`` goes through
        # BaseModel.__getattr__ (about 2 us a read), and every output looks items up by id
        private = self.__pydantic_private__
        index = private.get("_index") if private is not None else None
        if index is None:
            index = {item.id: item for _, _, item in self.items()}
            self._index = index
        return index

    def get(self, item_id: str) -> Item:
        """The item with this id; ``KeyError`` when there is none."""
        return self._lookup()[item_id]

    def find(self, item_id: str) -> Item | None:
        """The item with this id, or ``None`` when there is none."""
        return self._lookup().get(item_id)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._lookup()

    def kind_of(self, item_id: str) -> str:
        """``actor``, ``claim``, ``demand``, ... for an id in this dossier."""
        return self._lookup()[item_id].KIND

    def actor_name(self, actor_id: str, lang: str | None = None,
                   fallback: Sequence[str] = DEFAULT_FALLBACK) -> str:
        """What an actor is called in ``lang``: its short name, else its name; the id itself
        when no actor has it (every output names actors this way)."""
        actor = self._lookup().get(actor_id)
        if not isinstance(actor, Actor):
            return actor_id
        return pick(actor.short or actor.name, lang, fallback)

    def date_of(self, item_id: str) -> _dt.date | None:
        """The date an item bears: its own ``date``, else the date of its event (``at``);
        see :func:`argmap.dates.date_of`."""
        index = self._lookup()
        return date_of(index[item_id], index.get)

    def __len__(self) -> int:
        return sum(len(getattr(self, section)) for section in SECTIONS)

    def counts(self) -> dict[str, int]:
        """Number of items per section."""
        return {section: len(getattr(self, section)) for section in SECTIONS}

    @classmethod
    def merge(cls, parts: list["Dossier"]) -> "Dossier":
        """One dossier holding the items of all parts, in order (used for folders of files)."""
        info = next((p.info for p in parts if p.info is not None), None)
        fields: dict[str, Any] = {s: [i for p in parts for i in getattr(p, s)] for s in SECTIONS}
        return cls.model_construct(info=info, **fields)
