"""The rules of a dossier, and the checks that need the whole of it.

:func:`check` finds every duplicate id, dangling reference, relation between kinds the rules
forbid, said per demand that does not match the answer's demands, answer dated before its
demand, actor that is a division of itself and event that ends
before it begins. What may refer to what lives in tables (:data:`REFERENCE_RULES`,
:data:`RELATION_RULES`), so that loaders, importers and docs agree on them; each rule is one
function in :data:`RULES`, run once over the whole dossier by :func:`find_problems`.

A rule is written to cost little on a valid dossier, the common case: references are checked a
field at a time with one set operation per section, and a message is built only for an item at
fault. There is no separate fast pass to keep in step with the rules.

To add a rule: write ``check_<what>(dossier, ids, report)`` that calls ``report(path, error
class, message)`` for each problem (``path`` starts with the item's section and position), and
add it to :data:`RULES`. Problems are listed item by item in dossier order; one item's problems
in the order of :data:`RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .dates import date_of
from .dossier import Dossier
from .errors import (
    ArgmapError,
    DateOrderError,
    DossierError,
    DuplicateIdError,
    PathPart,
    RelationKindError,
    SchemaError,
    UnknownReferenceError,
    did_you_mean,
    format_path,
)
from .model import SECTION_KIND, SECTIONS, Item, Relation, RelationType

__all__ = [
    "ARGUMENT_KINDS", "LINKABLE", "REFERENCE_RULES", "RELATION_RULES", "RULES", "UNDERCUTTABLE",
    "FieldPath", "Ids", "Report", "Rule", "check", "check_answer_dates", "check_event_dates",
    "check_parent_cycles", "check_references", "check_relations", "check_said", "find_problems"
]

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


#: Where ids live in an item: fields holding one id (or nothing), fields holding a list of ids.
_SINGLE_REFS = ("parent", "at", "source")
_LIST_REFS = ("by", "to", "participants")


_Places = Iterator[tuple[tuple[PathPart, ...], str]]


@dataclass(frozen=True)
class _Field:
    """One place in an item where ids live, named as in :data:`REFERENCE_RULES`: ``refs`` gives
    each id with its path inside one item; ``ids`` the set of them over many items at once."""

    rule: str
    refs: Callable[[Any], _Places]
    ids: Callable[[list[Any]], set[Any]]


def _single(name: str) -> _Field:
    def refs(item: Any) -> _Places:
        value = item.__dict__.get(name)
        if value is not None:
            yield (name,), value
    return _Field(name, refs, lambda items: {item.__dict__.get(name) for item in items} - {None})


def _listed(name: str) -> _Field:
    def refs(item: Any) -> _Places:
        for i, ref in enumerate(item.__dict__.get(name) or ()):
            yield (name, i), ref
    return _Field(name, refs,
                  lambda items: {ref for item in items for ref in item.__dict__.get(name) or ()})


def _effects(item: Any) -> _Places:
    for i, effect in enumerate(item.__dict__.get("effects") or ()):
        yield ("effects", i, "on"), effect.on


def _cites(item: Any) -> _Places:
    for i, cite in enumerate(item.cites):
        yield ("cites", i, "source"), cite.source


def _verdict(name: str) -> _Field:
    def refs(item: Any) -> _Places:
        verdict = item.__dict__.get("verdict")
        ref = getattr(verdict, name) if verdict is not None else None
        if ref is not None:
            yield ("verdict", name), ref
    return _Field(f"verdict.{name}", refs,
                  lambda items: {getattr(v, name) for item in items
                                 if (v := item.__dict__.get("verdict")) is not None} - {None})


_FIELDS: dict[str, _Field] = {
    **{name: _single(name) for name in _SINGLE_REFS},
    **{name: _listed(name) for name in _LIST_REFS},
    "effects.on": _Field("effects.on", _effects, lambda items: {
        e.on for item in items for e in item.__dict__.get("effects") or ()}),
    "cites.source": _Field("cites.source", _cites, lambda items: {
        c.source for item in items for c in item.cites}),
    "verdict.by": _verdict("by"),
    "verdict.source": _verdict("source"),
}
_FIELD_CACHE: dict[type, tuple[_Field, ...]] = {}


def _fields_of(cls: type) -> tuple[_Field, ...]:
    """The places a model class keeps ids, in the order their problems are listed (cached:
    looking up absent fields on pydantic models is slow)."""
    found = _FIELD_CACHE.get(cls)
    if found is None:
        names = cls.model_fields  # type: ignore[attr-defined]
        found = tuple(
            [_FIELDS[n] for n in (*_SINGLE_REFS, *_LIST_REFS) if n in names]
            + ([_FIELDS["effects.on"]] if "effects" in names else [])
            + [_FIELDS["cites.source"]]
            + ([_FIELDS["verdict.by"], _FIELDS["verdict.source"]] if "verdict" in names else []))
        _FIELD_CACHE[cls] = found
    return found


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _kinds_text(kinds: frozenset[str]) -> str:
    names = sorted(kinds)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _rule(kind: str, field: str) -> frozenset[str] | None:
    return REFERENCE_RULES.get((kind, field)) or REFERENCE_RULES.get(("*", field))


# --- the ids of a dossier ----------------------------------------------------------------------

#: Where a problem is: section, position and the field inside the item (``demands, 2, "to", 0``).
FieldPath = tuple[PathPart, ...]
#: ``report(path, error class, message)``: how a rule reports one problem.
Report = Callable[[FieldPath, type[ArgmapError], str], None]


class Ids:
    """Every id of a dossier: the kind and the item it names (where an id is repeated, its
    first item: the checks follow that one) and the ids of each kind in dossier order."""

    def __init__(self, dossier: Dossier) -> None:
        self.kinds: dict[str, str] = {}
        self.first: dict[str, Item] = {}
        self.by_kind: dict[str, list[str]] = {}
        self.duplicates: list[tuple[FieldPath, ArgmapError]] = []
        self._of_kinds: dict[frozenset[str], set[str]] = {}
        sections = [(SECTION_KIND[s], getattr(dossier, s)) for s in SECTIONS]
        for kind, items in sections:
            ids = self.by_kind[kind] = [item.id for item in items]
            self.first.update(zip(ids, items))
            self.kinds.update(dict.fromkeys(ids, kind))
        if len(self.first) < sum(len(items) for _, items in sections):
            self._with_duplicates(dossier)  # a repeated id: first wins, as the checks follow it

    def _with_duplicates(self, dossier: Dossier) -> None:
        self.kinds, self.first, self.by_kind = {}, {}, {}
        seen: dict[str, FieldPath] = {}
        for section, position, item in dossier.items():
            path: FieldPath = (section, position, "id")
            if item.id in seen:
                error = DuplicateIdError(
                    f"duplicate id '{item.id}', first defined at {format_path(seen[item.id])}",
                    path=path)
                error.item_id, error.first_path = item.id, seen[item.id]  # type: ignore[attr-defined]
                self.duplicates.append((path, error))
            else:
                seen[item.id] = path
                kind = self.kinds[item.id] = SECTION_KIND[section]
                self.first[item.id] = item
                self.by_kind.setdefault(kind, []).append(item.id)

    def of_kinds(self, kinds: frozenset[str]) -> set[str]:
        """The ids of items of these kinds (made once per set of kinds)."""
        found = self._of_kinds.get(kinds)
        if found is None:
            found = self._of_kinds[kinds] = set().union(*(self.by_kind.get(k, ()) for k in kinds))
        return found


def _check_ref(report: Report, path: FieldPath, ref: str, allowed: frozenset[str], ids: Ids) -> None:
    found = ids.kinds.get(ref)
    if found is None:
        candidates = [i for k in sorted(allowed) for i in ids.by_kind.get(k, [])]
        report(path, UnknownReferenceError,
               f"unknown {_kinds_text(allowed)} '{ref}'{did_you_mean(ref, candidates)}")
    elif found not in allowed:
        report(path, RelationKindError,
               f"'{ref}' is {_a(found)}, expected {_a(_kinds_text(allowed))}")


# --- the rules -----------------------------------------------------------------------------------


def check_references(dossier: Dossier, ids: Ids, report: Report) -> None:
    """Every id an item names is the id of an item of a kind :data:`REFERENCE_RULES` allows."""
    for section in SECTIONS:
        items = getattr(dossier, section)
        kind = SECTION_KIND[section]
        classes = dict.fromkeys([SECTIONS[section], *{type(item) for item in items}])
        fields = dict.fromkeys(f for cls in classes for f in _fields_of(cls))
        for field in fields:
            rule = _rule(kind, field.rule)
            if rule is None:
                continue
            allowed = ids.of_kinds(rule)
            if field.ids(items) <= allowed:  # the common case: one set operation
                continue
            for position, item in enumerate(items):
                for inner, ref in field.refs(item):
                    if ref not in allowed:
                        _check_ref(report, (section, position, *inner), ref, rule, ids)


def check_relations(dossier: Dossier, ids: Ids, report: Report) -> None:
    """Each relation joins kinds :data:`RELATION_RULES` allows, never an item to itself, lists a
    premise once, has several premises only when :data:`LINKABLE`, and an undercut targets a
    relation that can be undercut."""
    for position, rel in enumerate(dossier.relations):
        base: FieldPath = ("relations", position)
        sources, targets = RELATION_RULES[rel.type]
        for i, ref in enumerate(rel.from_):
            _check_ref(report, base + ("from", i), ref, sources, ids)
            if ref == rel.to:
                report(base + ("from", i), RelationKindError, f"'{ref}' {rel.type.value} itself")
        if rel.to == rel.id:
            report(base + ("to",), RelationKindError,
                   f"relation '{rel.id}' {rel.type.value} itself")
        else:
            _check_ref(report, base + ("to",), rel.to, targets, ids)
        if len(rel.from_) > 1 and rel.type not in LINKABLE:
            report(base + ("from",), RelationKindError,
                   f"a {rel.type.value} relation has one item in 'from', not several")
        if len(set(rel.from_)) < len(rel.from_):
            report(base + ("from",), RelationKindError, "the same premise is listed twice")
        if (rel.type is RelationType.undercuts and ids.kinds.get(rel.to) == "relation"
                and rel.to != rel.id):
            target = ids.first[rel.to]
            assert isinstance(target, Relation)
            if target.type not in UNDERCUTTABLE:
                report(base + ("to",), RelationKindError,
                       f"an undercut targets a supports, attacks or undercuts relation; "
                       f"'{rel.to}' is {target.type.value}")


def check_said(dossier: Dossier, ids: Ids, report: Report) -> None:
    """A said per demand names each demand in ``to`` once, and no other: its keys are references
    to the demands the answer answers (the one place that reads the raw field besides
    :func:`argmap.model.said_by_demand`, whose rule this is)."""
    for position, response in enumerate(dossier.responses):
        said = response.said
        if not isinstance(said, dict):
            continue
        to = response.to
        unknown = [d for d in said if d not in to]
        for demand in unknown:
            report(("responses", position, "said", demand), UnknownReferenceError,
                   f"said names '{demand}', which this answer does not answer (its to: "
                   f"{', '.join(to)}){did_you_mean(demand, to)}")
        missing = [d for d in to if d not in said]
        if missing and not unknown:  # a misspelt demand is one problem, not two
            report(("responses", position, "said"), SchemaError,
                   f"said gives no value for {', '.join(repr(d) for d in missing)}: a said per "
                   "demand names every demand in to")


def check_answer_dates(dossier: Dossier, ids: Ids, report: Report) -> None:
    """No answer is dated before a demand it answers (an item's date: its own, else its
    event's; see :func:`argmap.dates.date_of`)."""
    find = ids.first.get
    for position, response in enumerate(dossier.responses):
        if find(response.id) is not response:  # a repeated id, reported as such
            continue
        answered = date_of(response, find)
        if answered is None:
            continue
        for i, demand_id in enumerate(response.to):
            if ids.kinds.get(demand_id) != "demand":
                continue
            made = date_of(ids.first[demand_id], find)
            if made is not None and answered < made:
                report(("responses", position, "to", i), DateOrderError,
                       f"answer dated {answered} is before demand '{demand_id}' ({made})")


def check_parent_cycles(dossier: Dossier, ids: Ids, report: Report) -> None:
    """No actor is, through its parents, a division of itself."""
    for position, actor in enumerate(dossier.actors):
        chain = [actor.id]
        parent = actor.parent
        while parent is not None and ids.kinds.get(parent) == "actor":
            if parent == actor.id:
                report(("actors", position, "parent"), RelationKindError,
                       f"'{actor.id}' is a division of itself: {' -> '.join(chain + [parent])}")
                break
            if parent in chain:  # a cycle further up: reported on the actors in it
                break
            chain.append(parent)
            parent = getattr(ids.first[parent], "parent", None)


def check_event_dates(dossier: Dossier, ids: Ids, report: Report) -> None:
    """No event ends before it begins."""
    for position, event in enumerate(dossier.events):
        if event.until is not None and event.date is not None and event.until < event.date:
            report(("events", position, "until"), DateOrderError,
                   f"event ends ({event.until}) before it begins ({event.date})")


Rule = Callable[[Dossier, Ids, Report], None]

#: Every rule, in the order one item's problems are listed.
RULES: tuple[Rule, ...] = (check_references, check_relations, check_said, check_answer_dates,
                           check_parent_cycles, check_event_dates)

_SECTION_RANK = {section: rank for rank, section in enumerate(SECTIONS)}


def find_problems(dossier: Dossier) -> list[tuple[FieldPath, ArgmapError]]:
    """Every cross-item problem, each with the path of the field at fault (``demands[2].to[0]``):
    repeated ids first, then item by item in dossier order.

    The errors carry no file location yet; :mod:`argmap.io.files` adds it.
    """
    ids = Ids(dossier)
    found: list[tuple[int, int, int, int, FieldPath, ArgmapError]] = []
    for rank, rule in enumerate(RULES):
        def report(path: FieldPath, error: type[ArgmapError], message: str, rank: int = rank) -> None:
            found.append((_SECTION_RANK[str(path[0])], int(path[1]), rank, len(found), path,
                          error(message, path=path)))
        rule(dossier, ids, report)
    found.sort(key=lambda p: p[:4])
    return [*ids.duplicates, *((path, error) for *_, path, error in found)]


def check(dossier: Dossier) -> Dossier:
    """Raise :class:`DossierError` listing every cross-item problem; return the dossier if none."""
    problems = find_problems(dossier)
    if problems:
        raise DossierError(error for _, error in problems)
    return dossier
