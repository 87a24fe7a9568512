"""Items an importer vouches for, built without validating them again.

Validating 70,000 imported items with pydantic costs a third of an AIF import, and most of it is
spent proving what the importer made true by construction: ids it made itself, dates it parsed,
kinds it chose from the vocabulary. An importer that has checked, in bulk, the few things that
could still be wrong (see :func:`argmap.formats.aif`'s ``_vouch``) builds its items here: the
same objects validation would give — every field in the model's order, defaults filled in, the
same ``model_fields_set`` — a whole list at once (:func:`argmap.construct.construct`).
``tests/test_formats_fast_paths.py`` proves that on real and random files by comparing with the
validated path, field by field.

Only plain models are supported: defaults that are values or ``list``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from functools import cache
from itertools import compress, repeat
from typing import Any, TypeVar

from pydantic import BaseModel

from ..construct import construct
from ..dossier import Dossier

__all__ = ["build", "dossier"]

M = TypeVar("M", bound=BaseModel)


@cache
def _maker(cls: type[BaseModel]) -> tuple[Callable[[list[dict[str, Any]]], list[dict[str, Any]]],
                                           dict[str, str]]:
    """A function giving, for a list of dicts of some fields, the dicts of every field in the
    model's order (defaults filled in, each list default a new list); and the aliases that
    differ from their field's name.

    The function is one list comprehension over a dict display made for the model, e.g.
    ``[{**defaults, "tags": [], "cites": [], **item} for item in items]``: a third less time
    than filling the defaults and the new lists in a pass each (the keys of ``defaults`` come
    first, in the model's order; the display and ``item`` then only replace values).
    """
    defaults: dict[str, Any] = {}
    lists: list[str] = []
    for name, info in cls.model_fields.items():
        if info.default_factory is list:
            lists.append(name)
            defaults[name] = None
        elif info.default_factory is not None:
            raise TypeError(f"{cls.__name__}.{name}: only list default factories are supported")
        else:
            defaults[name] = None if info.is_required() else info.default
    renames = {info.alias: name for name, info in cls.model_fields.items()
               if info.alias is not None and info.alias != name}
    new_lists = "".join(f"{name!r}: [], " for name in lists)
    code = f"lambda items: [{{**defaults, {new_lists}**item}} for item in items]"
    return eval(code, {"defaults": defaults}), renames  # noqa: S307 (made from field names)


def build(cls: type[M], items: list[dict[str, Any]]) -> list[M]:
    """One ``cls`` per dict of its fields (by name or alias; a key given under its alias is
    renamed in the dict itself), unvalidated.

    The values must be what validation would return for them (enum members, dates, lists of
    strings): only the importer that made them can say so.

    >>> from argmap.model import Relation, RelationType
    >>> (rel,) = build(Relation, [{"id": "r", "from": ["a"], "to": "b",
    ...                             "type": RelationType.supports}])
    >>> rel == Relation.model_validate({"id": "r", "from": "a", "to": "b", "type": "supports"})
    True
    """
    make, renames = _maker(cls)
    for alias, name in renames.items():
        given = list(compress(items, map(dict.__contains__, items, repeat(alias))))
        deque(map(dict.__setitem__, given, repeat(name), map(dict.pop, given, repeat(alias))),
              maxlen=0)
    return construct(cls, make(items), map(set, items))


def dossier(sections: dict[str, list[Any]], info: Any) -> Dossier:
    """A :class:`Dossier` of items already built (and ``info``, a DossierInfo or None), with the
    fields set that ``Dossier.model_validate`` of the non-empty sections would record.

    (Not ``Dossier.model_construct``: it inspects the signature of every default factory on
    every call, half a millisecond, which a folder of small maps would pay per file.)
    """
    values: dict[str, Any] = {name: items for name, items in sections.items() if items}
    if info is not None:
        values["info"] = info
    data: dict[str, Any] = {}
    for name, field in Dossier.model_fields.items():
        data[name] = values.get(name, [] if field.default_factory is list else field.default)
    return construct(Dossier, [data], [set(values)])[0]
