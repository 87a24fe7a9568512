"""A checked dossier as rows of plain values, and back to the same models without validating.

The dossier cache (:mod:`argmap.io.cache`) keeps a dossier that loaded, and was checked, as the
values its models hold: each model one row (a tuple of its fields' values in the model's order,
then which of them were set), nested models as rows of theirs. :func:`encode` writes them as
MessagePack. :func:`decode` reads them back with msgspec, which gives each value its field's type
in C (dates, vocabulary members, texts that are a string or a language map, numbers that are
ints or floats), and rebuilds every model as pydantic's own ``model_construct`` does, in bulk
(:func:`argmap.construct.construct`): 100,000 items (185,000 models) in about 0.35 s, half of
it msgspec making the 1.5 million values and half making the models, where validating them
again takes 0.7 s and parsing YAML seconds.

The rows are trusted only because argmap wrote them from models that had validated, under a key
that changes with the files, argmap's code and the versions it validates with
(:func:`argmap.io.cache.key`); :func:`decode` returns None for anything that is not such rows.
``tests/test_cache.py`` checks that the models come back equal to the validated ones, field by
field, on the example case, the fixtures and generated dossiers.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import cache
from itertools import chain, compress, islice, repeat
from operator import attrgetter, is_not, itemgetter
from types import NoneType, UnionType
from typing import Any, TypedDict, Union, get_args, get_origin

import msgspec
from pydantic import BaseModel

from ..construct import construct
from ..dossier import Dossier

__all__ = ["decode", "encode"]

#: The layout of the rows; another layout is another cache key (argmap's code is in the key).
VERSION = 1
_FIELDS_SET = attrgetter("__pydantic_fields_set__")
_ALL = slice(None)


@dataclass(frozen=True)
class _Nested:
    """A field holding models: one (``"one"``), one or None (``"optional"``), or a list."""

    name: str
    kind: str
    model: type[BaseModel]


@dataclass(frozen=True)
class _Plan:
    """How the rows of one model class are read and rebuilt."""

    names: tuple[str, ...]
    row: Any  # the msgspec type of a row
    nested: tuple[_Nested, ...]


def _model_in(annotation: Any) -> tuple[str, type[BaseModel]] | None:
    """(``"one"``/``"optional"``/``"list"``, model) when an annotation holds models."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "one", annotation
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is list and len(args) == 1 and isinstance(args[0], type) \
            and issubclass(args[0], BaseModel):
        return "list", args[0]
    if origin in (Union, UnionType):
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        others = [a for a in args if a is not NoneType and a not in models]
        if models and (len(models) > 1 or others):
            raise TypeError(f"unsupported field type {annotation!r}")
        if models:
            return "optional", models[0]
    return None


@cache
def _plan(model: type[BaseModel]) -> _Plan:
    names = tuple(model.model_fields)
    types: list[Any] = []
    nested: list[_Nested] = []
    for name, field in model.model_fields.items():
        found = _model_in(field.annotation)
        if found is None:
            types.append(field.annotation)
            continue
        kind, inner = found
        inner_row: Any = _plan(inner).row
        types.append({"one": inner_row, "optional": inner_row | None,
                      "list": list[inner_row]}[kind])
        nested.append(_Nested(name, kind, inner))
    if model.model_config.get("extra") == "allow":
        raise TypeError(f"{model.__name__}: extra fields are not supported")
    # a row is the dict of the model's fields, in order: msgspec decodes it straight into a
    # dict (each value of its field's type), which becomes the model's __dict__
    row: Any = TypedDict(f"{model.__name__}Row", dict(zip(names, types)))  # type: ignore[misc]
    return _Plan(names, row, tuple(nested))


def _inner(field: _Nested, column: list[Any]) -> list[Any]:
    """The models (or rows) a column of a nested field holds, in row order."""
    if field.kind == "one":
        return column
    if field.kind == "optional":
        return list(compress(column, map(is_not, column, repeat(None))))
    return list(chain.from_iterable(column))


# --- writing ---------------------------------------------------------------------------------


def _model_fields(obj: Any) -> dict[str, Any]:
    """msgspec's hook for a nested model: its fields, as a row."""
    if isinstance(obj, BaseModel):
        return vars(obj)
    raise TypeError(f"cannot keep a {type(obj).__name__}")


def _fields_sets(model: type[BaseModel], items: list[Any],
                 sets: dict[str, dict[frozenset[str], int]],
                 numbers: dict[str, list[int]]) -> None:
    """Number each model's set of fields set, per class, in the order :func:`_build` meets the
    models (nested ones first, as it builds them first)."""
    plan = _plan(model)
    for field in plan.nested:
        inner = _inner(field, list(map(attrgetter(field.name), items)))
        if inner:
            _fields_sets(field.model, inner, sets, numbers)
    table = sets.setdefault(model.__name__, {})
    kinds = list(map(frozenset, map(_FIELDS_SET, items)))
    for kind in dict.fromkeys(kinds):
        table.setdefault(kind, len(table))
    numbers.setdefault(model.__name__, []).extend(map(table.__getitem__, kinds))


class _Stored(msgspec.Struct, array_like=True):
    version: int
    sets: dict[str, list[list[str]]]  # model class -> its distinct sets of fields set
    numbers: dict[str, list[int]]  # model class -> each model's set, in build order
    dossier: Any  # the dossier's row


def encode(dossier: Dossier) -> bytes:
    """The dossier's models as MessagePack rows (see the module docs); ValueError for a value
    MessagePack cannot hold (an integer beyond 64 bits, a lone surrogate)."""
    sets: dict[str, dict[frozenset[str], int]] = {}
    numbers: dict[str, list[int]] = {}
    _fields_sets(Dossier, [dossier], sets, numbers)
    tables = {name: [sorted(fields) for fields in found] for name, found in sets.items()}
    try:
        return msgspec.msgpack.encode(_Stored(VERSION, tables, numbers, vars(dossier)),
                                      enc_hook=_model_fields)
    except (msgspec.EncodeError, TypeError, OverflowError, UnicodeError) as exc:
        raise ValueError(f"cannot keep this dossier: {exc}") from None


# --- reading ---------------------------------------------------------------------------------


@cache
def _decoder() -> msgspec.msgpack.Decoder[Any]:
    stored = msgspec.defstruct("Stored", [("version", int),
                                          ("sets", dict[str, list[list[str]]]),
                                          ("numbers", dict[str, list[int]]),
                                          ("dossier", _plan(Dossier).row)], array_like=True)
    return msgspec.msgpack.Decoder(stored)


def decode(data: bytes | memoryview) -> Dossier | None:
    """The dossier :func:`encode` wrote, rebuilt without validation; None for anything else."""
    try:
        stored = _decoder().decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if stored.version != VERSION:
        return None
    sets = {name: [frozenset(fields) for fields in found] for name, found in stored.sets.items()}
    numbers = {name: iter(found) for name, found in stored.numbers.items()}
    try:
        (dossier,) = _build(Dossier, [stored.dossier], sets, numbers)
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    if any(next(left, None) is not None for left in numbers.values()):
        return None
    return dossier


def _build(model: type[BaseModel], rows: list[dict[str, Any]],
           sets: dict[str, list[frozenset[str]]], numbers: dict[str, Any]) -> list[Any]:
    """Models of one class from their rows (each row becomes a model's ``__dict__``), as
    ``model_construct`` builds them: nested models first, then these, a few C loops each."""
    plan = _plan(model)
    count = len(rows)
    for field in plan.nested:
        column = list(map(itemgetter(field.name), rows))
        inner = _inner(field, column)
        if not inner:
            continue
        made = _build(field.model, inner, sets, numbers)
        if field.kind == "list":
            # each list of rows becomes, in place, the list of their models (no new lists)
            lists = list(filter(None, column))
            pieces = iter(made)
            deque(map(list.__setitem__, lists, repeat(_ALL),
                      map(islice, repeat(pieces), map(len, lists))), maxlen=0)
            continue
        if field.kind == "one":
            where: list[int] = list(range(count))
        else:
            where = list(compress(range(count), map(is_not, column, repeat(None))))
        deque(map(dict.__setitem__, map(rows.__getitem__, where), repeat(field.name), made),
              maxlen=0)
    table = sets[model.__name__]
    found = list(islice(numbers[model.__name__], count))
    if len(found) != count:
        raise ValueError("fewer fields sets than models")
    return construct(model, rows, map(set, map(table.__getitem__, found)))
