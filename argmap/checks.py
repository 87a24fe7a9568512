"""The rules of a dossier, and the checks that need the whole of it.

:func:`check` finds every dangling reference, duplicate id, relation between kinds the rules
forbid, answer dated before its demand and actor that is a division of itself. The rules live in
one table, :data:`REFERENCE_RULES` and :data:`RELATION_RULES`, so that loaders, importers and docs
agree on them.
"""

from __future__ import annotations

from collections.abc import Iterator
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
    UnknownReferenceError,
    did_you_mean,
    format_path,
)
from .model import (
    SECTION_KIND,
    SECTIONS,
    Action,
    Actor,
    Event,
    Item,
    Relation,
    RelationType,
    Response,
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


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _kinds_text(kinds: frozenset[str]) -> str:
    names = sorted(kinds)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _rule(kind: str, field: str) -> frozenset[str] | None:
    return REFERENCE_RULES.get((kind, field)) or REFERENCE_RULES.get(("*", field))


_FastSpec = tuple[tuple[tuple[str, frozenset[str]], ...], tuple[tuple[str, frozenset[str]], ...],
                  Any, Any, Any, Any]
_FAST_SPECS: dict[type, _FastSpec] = {}


def _fast_spec(cls: type[Item]) -> _FastSpec:
    """Reference fields of a section's class with their allowed kinds (None-rule fields dropped,
    as :func:`find_problems` skips them); cites, verdict and effects rules last."""
    found = _FAST_SPECS.get(cls)
    if found is None:
        kind, (singles, lists) = cls.KIND, _ref_fields(cls)
        ruled = [tuple((n, r) for n in names if (r := _rule(kind, n)) is not None)
                 for names in (singles, lists)]
        found = _FAST_SPECS[cls] = (ruled[0], ruled[1], _rule(kind, "cites.source"),
                                    _rule(kind, "verdict.by"), _rule(kind, "verdict.source"),
                                    _rule(kind, "effects.on"))
    return found


def _is_clean(dossier: Dossier) -> bool:
    """True only when :func:`find_problems` would find nothing.

    A fast pass for the common case (a valid dossier): no paths, messages or suggestions are
    built, and it stops at the first doubt (False), leaving the full pass to say what is wrong.
    Each test mirrors one in the full pass; unusual shapes (an item of another class than its
    section's) are left to the full pass too.
    """
    index: dict[str, Item] = {}
    kinds: dict[str, str] = {}
    ids_of_kind: dict[str, list[str]] = {}
    total = 0
    for section, cls in SECTIONS.items():
        items = getattr(dossier, section)
        if not all(type(item) is cls for item in items):
            return False
        total += len(items)
        ids = ids_of_kind[cls.KIND] = [item.id for item in items]
        index.update(zip(ids, items))
        kinds.update(dict.fromkeys(ids, cls.KIND))
    if len(index) != total:  # a duplicate id
        return False
    get = kinds.get
    id_sets: dict[frozenset[str], set[str]] = {}

    def known(refs: set[Any], allowed: frozenset[str]) -> bool:
        """Every ref is the id of an item of an allowed kind (one set operation per field)."""
        ids = id_sets.get(allowed)
        if ids is None:
            ids = id_sets[allowed] = set().union(*(ids_of_kind.get(k, ()) for k in allowed))
        refs.discard(None)
        return refs <= ids

    for section, cls in SECTIONS.items():
        items = getattr(dossier, section)
        singles, lists, cites, v_by, v_source, effects = _fast_spec(cls)
        for name, allowed in singles:
            if not known({item.__dict__[name] for item in items}, allowed):
                return False
        for name, allowed in lists:
            if not known({ref for item in items for ref in item.__dict__[name]}, allowed):
                return False
        if not known({cite.source for item in items for cite in item.cites}, cites):
            return False
        verdicts = [v for item in items if (v := item.__dict__.get("verdict")) is not None]
        if verdicts and not (known({v.by for v in verdicts}, v_by)
                             and known({v.source for v in verdicts}, v_source)):
            return False
        if cls is Action:
            if not known({e.on for a in items for e in a.effects}, effects):
                return False
        elif cls is Relation:
            if not all(_relation_clean(rel, get, index) for rel in items):
                return False
        elif cls is Response:
            for response in items:
                answered = date_of(response, index.get)
                if answered is not None and any(
                        (made := date_of(index[d], index.get)) is not None and answered < made
                        for d in response.to):
                    return False
        elif cls is Actor:
            for actor in items:
                seen, parent = {actor.id}, actor.parent
                while parent is not None and get(parent) == "actor":
                    if parent in seen:  # a cycle: reported on the actors in it
                        return False
                    seen.add(parent)
                    parent = index[parent].parent  # type: ignore[attr-defined]
        elif cls is Event:
            if any(e.until is not None and e.until < e.date for e in items):
                return False
    return True


def _relation_clean(rel: Relation, get: Any, index: dict[str, Item]) -> bool:
    """What :func:`_check_relation` tests, as one yes or no."""
    sources, targets = RELATION_RULES[rel.type]
    premises, to = rel.from_, rel.to
    for ref in premises:
        if ref == to or get(ref) not in sources:
            return False
    if to == rel.id or get(to) not in targets:
        return False
    if len(premises) > 1 and (rel.type not in LINKABLE or len(set(premises)) < len(premises)):
        return False
    return not (rel.type is RelationType.undercuts and get(to) == "relation"
                and index[to].type not in UNDERCUTTABLE)  # type: ignore[attr-defined]


def find_problems(dossier: Dossier) -> list[tuple[tuple[PathPart, ...], ArgmapError]]:
    """Every cross-item problem, each with the path of the field at fault (``demands[2].to[0]``).

    The errors carry no file location yet; :mod:`argmap.io.files` adds it.
    """
    if _is_clean(dossier):
        return []
    problems: list[tuple[tuple[PathPart, ...], ArgmapError]] = []

    def add(path: tuple[PathPart, ...], error: type[ArgmapError], message: str) -> None:
        problems.append((path, error(message, path=path)))

    # ids: unique across every kind
    seen: dict[str, tuple[PathPart, ...]] = {}
    kinds: dict[str, str] = {}
    first: dict[str, Item] = {}  # where an id is repeated, the checks follow its first item
    for section, position, item in dossier.items():
        path = (section, position, "id")
        if item.id in seen:
            error = DuplicateIdError(
                f"duplicate id '{item.id}', first defined at {format_path(seen[item.id])}",
                path=path)
            error.item_id, error.first_path = item.id, seen[item.id]  # type: ignore[attr-defined]
            problems.append((path, error))
        else:
            seen[item.id] = path
            kinds[item.id] = SECTION_KIND[section]
            first[item.id] = item
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
            _check_relation(add, base, item, kinds, ids_by_kind, first)
        if isinstance(item, Response):
            _check_answer_dates(add, base, item, first, kinds)
        if isinstance(item, Actor) and item.parent is not None:
            _check_parent_cycle(add, base, item, first, kinds)
        if isinstance(item, Event) and item.until is not None and item.until < item.date:
            add(base + ("until",), DateOrderError,
                f"event ends ({item.until}) before it begins ({item.date})")
    return problems


def _check_ref(add: Any, path: tuple[PathPart, ...], ref: str, allowed: frozenset[str],
               kinds: dict[str, str], ids_by_kind: dict[str, list[str]]) -> None:
    found = kinds.get(ref)
    if found is None:
        candidates = [i for k in sorted(allowed) for i in ids_by_kind.get(k, [])]
        add(path, UnknownReferenceError,
            f"unknown {_kinds_text(allowed)} '{ref}'{did_you_mean(ref, candidates)}")
    elif found not in allowed:
        add(path, RelationKindError, f"'{ref}' is {_a(found)}, expected {_a(_kinds_text(allowed))}")


def _check_relation(add: Any, base: tuple[PathPart, ...], rel: Relation, kinds: dict[str, str],
                    ids_by_kind: dict[str, list[str]], first: dict[str, Item]) -> None:
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
        target = first[rel.to]
        assert isinstance(target, Relation)
        if target.type not in UNDERCUTTABLE:
            add(base + ("to",), RelationKindError,
                f"an undercut targets a supports, attacks or undercuts relation; "
                f"'{rel.to}' is {target.type.value}")


def _check_parent_cycle(add: Any, base: tuple[PathPart, ...], actor: Actor,
                        first: dict[str, Item], kinds: dict[str, str]) -> None:
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
        parent = getattr(first[parent], "parent", None)


def _check_answer_dates(add: Any, base: tuple[PathPart, ...], response: Response,
                        first: dict[str, Item], kinds: dict[str, str]) -> None:
    if first.get(response.id) is not response:  # a repeated id, reported as such
        return
    answered = date_of(response, first.get)
    if answered is None:
        return
    for i, demand_id in enumerate(response.to):
        if kinds.get(demand_id) != "demand":
            continue
        made = date_of(first[demand_id], first.get)
        if made is not None and answered < made:
            add(base + ("to", i), DateOrderError,
                f"answer dated {answered} is before demand '{demand_id}' ({made})")


def check(dossier: Dossier) -> Dossier:
    """Raise :class:`DossierError` listing every cross-item problem; return the dossier if none."""
    problems = find_problems(dossier)
    if problems:
        raise DossierError(error for _, error in problems)
    return dossier
