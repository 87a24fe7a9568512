"""Loading and saving dossier files (YAML or JSON, one file or a folder of them).

Every problem is reported with the file, line, column and field it concerns, all the problems of a
load together, as one :class:`~argmap.errors.DossierError`. Input files are only ever read.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from . import cache, json_read, snapshot, yaml_read
from .atomic import write_atomic
from .yaml_write import dump_yaml
from ..checks import find_problems
from ..dossier import Dossier
from ..gc_pause import paused_gc
from ..errors import ArgmapError, DossierError, DuplicateIdError, FileError, PathPart, SchemaError
from ..model import SECTIONS, SLUG_PATTERN

__all__ = [
    "SUFFIXES", "TOP_LEVEL_KEYS", "Locator", "dump", "dumps", "load", "loads", "parse_file",
    "parse_text", "read_text", "to_data", "validate_data"
]

SUFFIXES = (".yaml", ".yml", ".json")
TOP_LEVEL_KEYS = ("dossier", "$schema", *SECTIONS)
_COMMON = frozenset({"tags", "note", "cites"})

Locator = Callable[[Sequence[PathPart], bool], "tuple[int, int] | None"]


@dataclass
class _Parsed:
    """One file read: its name as shown to the user, its plain data and a way to find positions."""

    file: str
    data: Any
    locate: Locator


def _display(path: Path) -> str:
    """The path as the user would write it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def read_text(path: Path, raw: bytes | None = None) -> str:
    """Read a file as UTF-8 text (or its bytes ``raw``, already read); a byte-order mark is
    dropped, bad bytes are located."""
    name = _display(path)
    try:
        raw = path.read_bytes() if raw is None else raw
    except FileNotFoundError:
        raise FileError("no such file", file=name) from None
    except IsADirectoryError:
        raise FileError("is a folder, not a file", file=name) from None
    except OSError as exc:
        raise FileError(f"cannot read: {exc.strerror or exc}", file=name) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileError("UTF-16 text: save the file as UTF-8", file=name)
    if b"\x00" in raw[:8192]:
        raise FileError("a binary file, not YAML or JSON text", file=name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise FileError(f"not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be decoded",
                        file=name, line=line, column=column) from None
    return text[1:] if text.startswith("\ufeff") else text


def parse_file(path: Path, raw: bytes | None = None) -> _Parsed:
    """Read and parse one ``.yaml``/``.yml``/``.json`` file (or its bytes ``raw``, already
    read) into plain data."""
    name = _display(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileError(f"unknown suffix '{path.suffix}': expected .yaml, .yml or .json", file=name)
    return parse_text(read_text(path, raw), "json" if suffix == ".json" else "yaml", name)


def parse_text(text: str, fmt: str, name: str) -> _Parsed:
    """Parse YAML or JSON text into plain data, keeping a way to find positions in it."""
    if fmt == "json":
        data = json_read.parse(text, name)

        def locate_json(path: Sequence[PathPart], key: bool = False) -> tuple[int, int] | None:
            return json_read.locate(text, path, key=key)

        return _Parsed(name, data, locate_json)
    document = yaml_read.parse(text, name)

    def locate_yaml(path: Sequence[PathPart], key: bool = False) -> tuple[int, int] | None:
        return document.locate(path, key=key)

    return _Parsed(name, document.data, locate_yaml)


# --- validation messages ---------------------------------------------------------------------

_SLUG_HINT = "lower-case letters, digits, '-', '_' and '.', starting with a letter or digit"


def _walkable(data: Any, loc: Sequence[Any]) -> tuple[PathPart, ...]:
    """The part of a pydantic error location that exists in the user's data (drops union tags)."""
    path: list[PathPart] = []
    node = data
    for depth, part in enumerate(loc):
        if isinstance(node, dict) and isinstance(part, str):
            if part in node:
                path.append(part)
                node = node[part]
                continue
            if depth == len(loc) - 1:  # a missing or unknown field: keep its name
                path.append(part)
            break
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
            continue
        break
    return tuple(path)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _message(error: Mapping[str, Any], model_fields: Sequence[str]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    loc = error["loc"]
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name, model_fields, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown field '{name}'{hint}"
    if kind == "missing":
        return f"missing field '{name}'"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == SLUG_PATTERN:
        return f"{_short(error['input'])} is not a valid id ({_SLUG_HINT})"
    if kind.startswith("date_"):
        reason = f": {ctx['error']}" if ctx.get("error") else ""
        return f"{_short(error['input'])} is not a valid date (expected YYYY-MM-DD){reason}"
    if kind == "enum":
        return f"{_short(error['input'])} is not one of: {ctx.get('expected', '')}"
    if kind == "string_too_long":
        return f"string too long: {len(error['input']):,} characters (at most {ctx['max_length']:,})"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"{error['msg'][0].lower()}{error['msg'][1:]}, got {_short(error['input'])}"
    return error["msg"][0].lower() + error["msg"][1:]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as ``list[Citation] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _fields_at(loc: Sequence[Any]) -> list[str]:
    """Field names (as written in files) of the model an error location ends in."""
    model: type[BaseModel] = Dossier
    for part in loc[:-1]:
        if not isinstance(part, str):
            continue
        for name, field in model.model_fields.items():
            if part in (name, field.alias):
                inner = _model_in(field.annotation)
                if inner is not None:
                    model = inner
                break
    return [field.alias or name for name, field in model.model_fields.items()]


def validate_data(parsed: _Parsed) -> Dossier:
    """Validate one file's data as a dossier; every schema problem is located and raised together."""
    data = parsed.data
    if data is None:
        raise DossierError([SchemaError(
            "empty file: a dossier file is a mapping with sections such as actors, claims, demands",
            file=parsed.file)])
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else f"a single value ({_short(data)})"
        raise DossierError([SchemaError(
            f"the file holds {what}; a dossier file is a mapping with sections such as actors, "
            "claims, demands", file=parsed.file, line=1, column=1)])
    try:
        return Dossier.model_validate(data)
    except ValidationError as exc:
        problems: dict[tuple[PathPart, ...], ArgmapError] = {}
        for error in exc.errors():
            path = _walkable(data, error["loc"])
            problem = SchemaError(_message(error, _fields_at(error["loc"])), path=path)
            where = parsed.locate(path, error["type"] == "extra_forbidden")
            problem.located(parsed.file, *(where or (None, None)))
            problems[path] = problem  # for unions the last (most general) message wins
        raise DossierError(problems.values()) from None


# --- loading ---------------------------------------------------------------------------------


def _files_in(folder: Path) -> list[Path]:
    found = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                   and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    if not found:
        raise FileError("no .yaml, .yml or .json files in this folder", file=_display(folder))
    return found


def load(path: str | os.PathLike[str], *, use_cache: bool = True) -> Dossier:
    """Load a dossier from a ``.yaml``/``.yml``/``.json`` file or a folder of them, and check it.

    A large dossier that loaded before, unchanged, comes from the cache without being parsed or
    checked again (see :mod:`argmap.io.cache`; ``use_cache=False`` or ``ARGMAP_CACHE=off``
    turn it off).

    >>> d = load("claims/mynumber-card.yaml")  # doctest: +SKIP
    >>> d.get("mic").name["en"]  # doctest: +SKIP
    'Ministry of Internal Affairs and Communications'
    """
    with paused_gc():  # parsing and validating build only acyclic objects: see paused_gc
        return _load(Path(path), use_cache)


def _load(root: Path, use_cache: bool = False) -> Dossier:
    try:
        paths = _files_in(root) if root.is_dir() else [root]
    except ArgmapError as exc:
        raise DossierError([exc]) from None
    keyed = _cache_key(root, paths) if use_cache else None
    if keyed is not None:
        stored = cache.fetch(keyed.name)
        if stored is not None:
            found = snapshot.decode(stored)
            if found is not None:
                return found
            cache.discard(keyed.name)  # not what argmap writes: load afresh (and store it again)
    contents = keyed.contents if keyed is not None else {}
    parsed: list[_Parsed] = []
    parts = []
    problems: list[ArgmapError] = []
    for file_path in paths:
        try:
            one = parse_file(file_path, contents.get(file_path))
            parts.append(validate_data(one))
            parsed.append(one)
        except DossierError as exc:
            problems.extend(exc.problems)
        except ArgmapError as exc:
            problems.append(exc)
    if problems:
        raise DossierError(problems)
    dossier = parts[0] if len(parts) == 1 else Dossier.merge(parts)
    _check_located(dossier, parsed, parts)
    if keyed is not None and keyed.unchanged():
        try:
            cache.store(keyed.name, snapshot.encode(dossier))
        except ValueError:
            pass  # a value MessagePack cannot hold: the dossier is not cached
    return dossier


def _cache_key(root: Path, paths: list[Path]) -> cache.Keyed | None:
    """The cache key of these files (see :func:`argmap.io.cache.key_of`), or None."""
    return cache.key_of(root, [(str(path.relative_to(root)) if path != root else path.name, path)
                               for path in paths])


def _check_located(dossier: Dossier, parsed: list[_Parsed], parts: list[Dossier]) -> None:
    """Run the cross-item checks and point each problem at its file, line and column."""
    found = find_problems(dossier)
    if not found:
        return
    # merged position -> (file index, position inside that file), per section
    origin: dict[str, list[tuple[int, int]]] = {s: [] for s in SECTIONS}
    for index, part in enumerate(parts):
        for section in SECTIONS:
            origin[section].extend((index, i) for i in range(len(getattr(part, section))))

    def place(path: tuple[PathPart, ...]) -> tuple[_Parsed, tuple[PathPart, ...]]:
        section, position = path[0], path[1]
        index, local = origin[str(section)][int(position)]
        return parsed[index], (section, local, *path[2:])

    problems = []
    for path, error in found:
        where, local = place(path)
        first = getattr(error, "first_path", None)
        if isinstance(error, DuplicateIdError) and first is not None:
            other, other_local = place(first)
            line_col = other.locate(other_local, False) or (None, None)
            error = DuplicateIdError(
                f"duplicate id '{error.item_id}', first defined at "  # type: ignore[attr-defined]
                f"{other.file}:{line_col[0]}:{line_col[1]}", path=local)
        error.path = local
        error.located(where.file, *(where.locate(local, False) or (None, None)))
        problems.append(error)
    raise DossierError(problems)


def loads(text: str, fmt: str = "yaml", name: str = "<string>") -> Dossier:
    """Load and check a dossier from YAML or JSON text."""
    with paused_gc():
        return _loads(text, fmt, name)


def _loads(text: str, fmt: str, name: str) -> Dossier:
    parsed = parse_text(text, fmt, name)
    dossier = validate_data(parsed)
    _check_located(dossier, [parsed], [dossier])
    return dossier


# --- saving ----------------------------------------------------------------------------------


def to_data(dossier: Dossier) -> dict[str, Any]:
    """Plain data of a dossier as written to files: defaults left out, sections in model order."""
    data = dossier.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    out: dict[str, Any] = {}
    for key in TOP_LEVEL_KEYS:
        value = data.get(key)
        if not value:
            continue
        if key in SECTIONS:  # the item's own fields first, the common ones (tags, note, cites) last
            value = [{k: v for k, v in sorted(item.items(), key=lambda kv: kv[0] in _COMMON)}
                     for item in value]
        out[key] = value
    return out


def dumps(dossier: Dossier, fmt: str = "yaml") -> str:
    """The dossier as YAML or JSON text: deterministic, non-ASCII text kept readable."""
    data = to_data(dossier)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("yaml", "yml"):
        return dump_yaml(data)
    raise FileError(f"unknown format '{fmt}': expected yaml or json")


def dump(dossier: Dossier, path: str | os.PathLike[str]) -> Path:
    """Write the dossier to ``path`` (YAML or JSON by suffix), atomically."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileError(f"unknown suffix '{target.suffix}': expected .yaml, .yml or .json",
                        file=_display(target))
    with paused_gc():  # tens of thousands of plain dicts for a large dossier: see paused_gc
        text = dumps(dossier, "json" if suffix == ".json" else "yaml")
    return write_atomic(target, text)
