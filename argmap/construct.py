"""Pydantic models built in bulk from values known to be valid, without validating them again.

Two places know their values are valid without asking pydantic: the dossier cache, which rebuilds
models it wrote from models that had validated (:mod:`argmap.io.snapshot`), and an importer that
vouches for the items it made (:mod:`argmap.formats._trusted`). Both build their models here, as
pydantic's own ``model_construct`` does (the ``__dict__`` of the fields in the model's order, the
set of fields set, no extra fields, the private state), but for a whole list at once: a few C
loops (``map``) per list, not Python code per model, so 100,000 models take a few hundredths of
a second. Only models whose ``__dict__`` is exactly their fields qualify: no extra fields allowed,
no ``__init__`` or validators that must run (the values are already what they would give).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from itertools import repeat
from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["construct"]

M = TypeVar("M", bound=BaseModel)

_new = object.__new__
# the slots pydantic keeps a model's state in, set through their descriptors (faster than
# object.__setattr__, which would look each one up again)
_SET_DICT = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__


def construct(model: type[M], fields: list[dict[str, Any]],
              fields_set: Iterable[set[str]]) -> list[M]:
    """One ``model`` per dict of ``fields`` (every field, in the model's order; the dicts
    become the models' ``__dict__``), with its set of fields set (a set per model, its own).

    >>> from argmap.model import DossierInfo
    >>> (info,) = construct(DossierInfo, [{"title": "t", "description": None, "languages": [],
    ...                                    "source": None}], [{"title"}])
    >>> info == DossierInfo(title="t"), info.model_fields_set
    (True, {'title'})
    """
    objects = list(map(_new, repeat(model, len(fields))))
    deque(map(_SET_DICT, objects, fields), maxlen=0)
    deque(map(_SET_FIELDS_SET, objects, fields_set), maxlen=0)
    deque(map(_SET_EXTRA, objects, repeat(None)), maxlen=0)
    privates = model.__private_attributes__
    states: Iterable[dict[str, Any] | None] = repeat(None)
    if privates:
        states = ({name: attr.get_default() for name, attr in privates.items()}
                  for _ in objects)
    deque(map(_SET_PRIVATE, objects, states), maxlen=0)
    return objects
