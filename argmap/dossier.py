"""The dossier: one case, all its items, and the checks that need the whole of it.

:class:`Dossier` holds the items; :func:`check` finds every dangling reference, duplicate id,
relation between kinds the rules forbid, and answer dated before its demand. The rules live in one
table, :data:`REFERENCE_RULES` and :data:`RELATION_RULES`, so that loaders, importers and docs
agree on them.
"""

from __future__ import annotations

import datetime as _dt
import difflib
from collections.abc import Iterator
from typing import Any

from pydantic import Field, PrivateAttr

from .errors import (
    ArgmapError,
    DateOrderError,
    DossierError,
    DuplicateIdError,
    PathPart,
    RelationKindError,
    UnknownReferenceError,
)
from .model import (
    SECTION_KIND,
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
    RelationType,
    Response,
    Source,
    _Model,
)

ARGUMENT_KINDS = frozenset({"claim", "demand", "evidence", "response", "action"})

#: Which kinds of item each reference field may point at: (kind of item, field) -> kinds.
REFERENCE_RULES: dict[tuple[str, str], frozenset[str]] = {
    ("actor", "parent"): frozenset({"actor"}),
    ("event", "participants"): frozenset({"actor"}),
    ("claim", "by"): frozenset({"actor"}),
    ("claim", "at"): frozenset({"event"}),
    ("demand", "by"): frozenset({"actor"}),
    ("demand", "at"): frozenset({"event"}),
    ("demand", "to"): frozenset({"actor"}),
    ("response", "by"): frozenset({"actor"}),
    ("response", "to"): frozenset({"demand"}),
    ("response", "at"): frozenset({"event"}),
    ("evidence", "source"): frozenset({"source"}),
    ("evidence", "by"): frozenset({"actor"}),
    ("evidence", "at"): frozenset({"event"}),
    ("action", "by"): frozenset({"actor"}),
    ("action", "at"): frozenset({"event"}),
    ("action", "effects.on"): frozenset({"demand", "response", "claim"}),
    ("relation", "source"): frozenset({"source"}),
    ("*", "cites.source"): frozenset({"source"}),
    ("*", "verdict.by"): frozenset({"actor"}),
    ("*", "verdict.source"): frozenset({"source"}),
}

#: Which kinds each relation type may join: type -> (kinds of ``from``, kinds of ``to``).
RELATION_RULES: dict[RelationType, tuple[frozenset[str], frozenset[str]]] = {
    RelationType.supports: (ARGUMENT_KINDS, frozenset({"claim", "demand", "response"})),
    RelationType.attacks: (ARGUMENT_KINDS, frozenset({"claim", "demand", "response", "evidence"})),
    RelationType.undercuts: (ARGUMENT_KINDS, frozenset({"relation"})),
    RelationType.rephrases: (
        frozenset({"claim", "demand", "response"}),
        frozenset({"claim", "demand", "response"}),
    ),
}

#: Relation types an undercut may target.
UNDERCUTTABLE = frozenset({RelationType.supports, RelationType.attacks, RelationType.undercuts})

#: Relation types whose ``from`` may list several premises that act only together (a linked
#: argument, a joint attack, a joint undercut).
LINKABLE = frozenset({RelationType.supports, RelationType.attacks, RelationType.undercuts})


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
        if self._index is None:
            self._index = {item.id: item for _, _, item in self.items()}
        return self._index

    def get(self, item_id: str) -> Item:
        """The item with this id; ``KeyError`` when there is none."""
        return self._lookup()[item_id]

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._lookup()

    def kind_of(self, item_id: str) -> str:
        """``actor``, ``claim``, ``demand``, ... for an id in this dossier."""
        return self._lookup()[item_id].KIND

    def date_of(self, item_id: str) -> _dt.date | None:
        """The date an item bears: its own ``date``, else the date of its event (``at``)."""
        item = self._lookup()[item_id]
        own = getattr(item, "date", None)
        if own is not None:
            return own
        at = getattr(item, "at", None)
        if at is not None:
            event = self._lookup().get(at)
            if isinstance(event, Event):
                return event.date
        return None

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


# --- checks ----------------------------------------------------------------------------------

Problem = tuple[str, int, tuple[PathPart, ...], ArgmapError]


_SINGLE_REFS = ("parent", "at", "source")
_LIST_REFS = ("by", "to", "participants")
_REF_FIELDS: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _ref_fields(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The reference fields a model class has (cached: looking up absent fields is slow)."""
    found = _REF_FIELDS.get(cls)
    if found is None:
        fields = cls.model_fields  # type: ignore[attr-defined]
        found = (tuple(n for n in _SINGLE_REFS if n in fields),
                 tuple(n for n in _LIST_REFS if n in fields))
        _REF_FIELDS[cls] = found
    return found


def _references(item: Item) -> Iterator[tuple[str, tuple[PathPart, ...], str]]:
    """Every id an item refers to: (rule field, path inside the item, referenced id)."""
    values = item.__dict__
    singles, lists = _ref_fields(type(item))
    for name in singles:
        value = values[name]
        if value is not None:
            yield name, (name,), value
    for name in lists:
        for i, ref in enumerate(values[name]):
            yield name, (name, i), ref
    if isinstance(item, Action):
        for i, effect in enumerate(item.effects):
            yield "effects.on", ("effects", i, "on"), effect.on
    for i, cite in enumerate(item.cites):
        yield "cites.source", ("cites", i, "source"), cite.source
    verdict = values.get("verdict")
    if verdict is not None:
        for name in ("by", "source"):
            ref = getattr(verdict, name)
            if ref is not None:
                yield f"verdict.{name}", ("verdict", name), ref


def _suggest(ref: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(ref, candidates, n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _kinds_text(kinds: frozenset[str]) -> str:
    names = sorted(kinds)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def find_problems(dossier: Dossier) -> list[tuple[tuple[PathPart, ...], ArgmapError]]:
    """Every cross-item problem, each with the path of the field at fault (``demands[2].to[0]``).

    The errors carry no file location yet; :mod:`argmap.files` adds it.
    """
    problems: list[tuple[tuple[PathPart, ...], ArgmapError]] = []

    def add(path: tuple[PathPart, ...], error: type[ArgmapError], message: str) -> None:
        problems.append((path, error(message, path=path)))

    # ids: unique across every kind
    seen: dict[str, tuple[PathPart, ...]] = {}
    kinds: dict[str, str] = {}
    for section, position, item in dossier.items():
        path = (section, position, "id")
        if item.id in seen:
            error = DuplicateIdError(
                f"duplicate id '{item.id}', first defined at {_path_text(seen[item.id])}",
                path=path)
            error.item_id, error.first_path = item.id, seen[item.id]  # type: ignore[attr-defined]
            problems.append((path, error))
        else:
            seen[item.id] = path
            kinds[item.id] = SECTION_KIND[section]
    ids_by_kind: dict[str, list[str]] = {}
    for item_id, kind in kinds.items():
        ids_by_kind.setdefault(kind, []).append(item_id)

    for section, position, item in dossier.items():
        kind = SECTION_KIND[section]
        base: tuple[PathPart, ...] = (section, position)
        for field, inner, ref in _references(item):
            rule = REFERENCE_RULES.get((kind, field)) or REFERENCE_RULES.get(("*", field))
            if rule is None:
                continue
            _check_ref(add, base + inner, ref, rule, kinds, ids_by_kind)
        if isinstance(item, Relation):
            _check_relation(add, base, item, kinds, ids_by_kind, dossier)
        if isinstance(item, Response):
            _check_answer_dates(add, base, item, dossier, kinds)
        if isinstance(item, Actor) and item.parent is not None:
            _check_parent_cycle(add, base, item, dossier, kinds)
        if isinstance(item, Event) and item.until is not None and item.until < item.date:
            add(base + ("until",), DateOrderError,
                f"event ends ({item.until}) before it begins ({item.date})")
    return problems


def _path_text(path: tuple[PathPart, ...]) -> str:
    from .errors import format_path

    return format_path(path)


def _check_ref(add: Any, path: tuple[PathPart, ...], ref: str, allowed: frozenset[str],
               kinds: dict[str, str], ids_by_kind: dict[str, list[str]]) -> None:
    found = kinds.get(ref)
    if found is None:
        candidates = [i for k in sorted(allowed) for i in ids_by_kind.get(k, [])]
        add(path, UnknownReferenceError,
            f"unknown {_kinds_text(allowed)} '{ref}'{_suggest(ref, candidates)}")
    elif found not in allowed:
        add(path, RelationKindError, f"'{ref}' is {_a(found)}, expected {_a(_kinds_text(allowed))}")


def _check_relation(add: Any, base: tuple[PathPart, ...], rel: Relation, kinds: dict[str, str],
                    ids_by_kind: dict[str, list[str]], dossier: Dossier) -> None:
    sources, targets = RELATION_RULES[rel.type]
    for i, ref in enumerate(rel.from_):
        _check_ref(add, base + ("from", i), ref, sources, kinds, ids_by_kind)
        if ref == rel.to:
            add(base + ("from", i), RelationKindError, f"'{ref}' {rel.type.value} itself")
    if rel.to == rel.id:
        add(base + ("to",), RelationKindError, f"relation '{rel.id}' {rel.type.value} itself")
    else:
        _check_ref(add, base + ("to",), rel.to, targets, kinds, ids_by_kind)
    if len(rel.from_) > 1 and rel.type not in LINKABLE:
        add(base + ("from",), RelationKindError,
            f"a {rel.type.value} relation has one item in 'from', not several")
    if len(set(rel.from_)) < len(rel.from_):
        add(base + ("from",), RelationKindError, "the same premise is listed twice")
    if rel.type is RelationType.undercuts and kinds.get(rel.to) == "relation" and rel.to != rel.id:
        target = dossier.get(rel.to)
        assert isinstance(target, Relation)
        if target.type not in UNDERCUTTABLE:
            add(base + ("to",), RelationKindError,
                f"an undercut targets a supports, attacks or undercuts relation; "
                f"'{rel.to}' is {target.type.value}")


def _check_parent_cycle(add: Any, base: tuple[PathPart, ...], actor: Actor, dossier: Dossier,
                        kinds: dict[str, str]) -> None:
    """An actor cannot be, through its parents, a division of itself."""
    chain = [actor.id]
    parent = actor.parent
    while parent is not None and kinds.get(parent) == "actor":
        if parent == actor.id:
            add(base + ("parent",), RelationKindError,
                f"'{actor.id}' is a division of itself: {' -> '.join(chain + [parent])}")
            return
        if parent in chain:  # a cycle further up: reported on the actors in it
            return
        chain.append(parent)
        parent = getattr(dossier.get(parent), "parent", None)


def _check_answer_dates(add: Any, base: tuple[PathPart, ...], response: Response,
                        dossier: Dossier, kinds: dict[str, str]) -> None:
    if response.id not in dossier or dossier.get(response.id) is not response:
        return
    answered = _safe_date(dossier, response.id, kinds)
    if answered is None:
        return
    for i, demand_id in enumerate(response.to):
        if kinds.get(demand_id) != "demand":
            continue
        made = _safe_date(dossier, demand_id, kinds)
        if made is not None and answered < made:
            add(base + ("to", i), DateOrderError,
                f"answer dated {answered} is before demand '{demand_id}' ({made})")


def _safe_date(dossier: Dossier, item_id: str, kinds: dict[str, str]) -> _dt.date | None:
    item = dossier.get(item_id)
    own = getattr(item, "date", None)
    if own is not None:
        return own
    at = getattr(item, "at", None)
    if at is not None and kinds.get(at) == "event":
        return dossier.get(at).date  # type: ignore[attr-defined]
    return None


def check(dossier: Dossier) -> Dossier:
    """Raise :class:`DossierError` listing every cross-item problem; return the dossier if none."""
    problems = find_problems(dossier)
    if problems:
        raise DossierError(error for _, error in problems)
    return dossier
