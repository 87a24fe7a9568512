"""Models built from values an importer vouches for, without validating them again.

Validating 70,000 imported items with pydantic costs a third of an AIF import, and most of it is
spent proving what the importer made true by construction: ids it made itself, dates it parsed,
kinds it chose from the vocabulary. An importer that has checked, in bulk, the few things that
could still be wrong (see :func:`argmap.formats.aif`'s ``_vouch``) builds its items here: the
same objects validation would give — every field in the model's order, defaults filled in, the
same ``model_fields_set`` — at a fraction of the cost. ``tests/test_formats_trusted.py`` proves
that on real and random files by comparing with the validated path, field by field.

Only plain models are supported: defaults that are values or ``list``, no private attributes
(the dossier itself, which has one, is built by :func:`dossier`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from ..dossier import Dossier

__all__ = ["dossier", "maker"]

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__
_new = object.__new__


@cache
def maker(cls: type[M]) -> Callable[[dict[str, Any]], M]:
    """A function making a ``cls`` from a dict of its fields (by name or alias), unvalidated.

    The values must be what validation would return for them (enum members, dates, lists of
    strings): only the importer that made them can say so.
    """
    fields = cls.model_fields
    template: dict[str, Any] = {}
    lists: list[str] = []
    for name, info in fields.items():
        if info.default_factory is list:
            lists.append(name)
            template[name] = None
        elif info.default_factory is not None:
            raise TypeError(f"{cls.__name__}.{name}: only list default factories are supported")
        else:
            template[name] = None if info.is_required() else info.default
    if cls.__private_attributes__:
        raise TypeError(f"{cls.__name__} has private attributes")
    renames = {info.alias: name for name, info in fields.items()
               if info.alias is not None and info.alias != name}
    copy = template.copy

    def make(values: dict[str, Any]) -> M:
        if renames and not renames.keys().isdisjoint(values):
            values = {renames.get(k, k): v for k, v in values.items()}
        data = copy()
        for name in lists:
            data[name] = []
        data.update(values)
        obj = _new(cls)
        _set(obj, "__dict__", data)
        _set(obj, "__pydantic_fields_set__", set(values))
        _set(obj, "__pydantic_extra__", None)
        _set(obj, "__pydantic_private__", None)
        return obj

    return make


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
    obj = _new(Dossier)
    _set(obj, "__dict__", data)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", {name: attr.get_default() for name, attr
                                       in Dossier.__private_attributes__.items()})
    return obj
