"""Helpers shared by the format modules: ids, warnings, decoding, errors.

Every importer returns an :class:`Imported` (the dossier plus the warnings about what the foreign
file holds that a dossier cannot), and raises :class:`~argmap.errors.FormatError` with the file and,
where the format has lines, the line for anything wrong with the file itself.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..checks import check
from ..dossier import Dossier
from ..errors import ArgmapError, FormatError
from ..lang import picked_language

_NOT_SLUG = re.compile(r"[^a-z0-9\-_.]+")
_SLUG_OK = re.compile(r"^[a-z0-9][a-z0-9\-_.]*$")
_MAX_SLUG = 200
_STR_ONLY = frozenset({str})
#: many slugs, each followed by a newline (SlugMaker.take_all)
_SLUGS_OK = re.compile(rf"(?:[a-z0-9][a-z0-9\-_.]{{0,{_MAX_SLUG - 1}}}\n)*")


@dataclass(frozen=True)
class FormatWarning:
    """Something in a foreign file that the dossier cannot hold, or holds only approximately."""

    message: str
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.file or ""
        if where and self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


@dataclass
class Imported:
    """What an importer returns: the dossier and the warnings found while reading."""

    dossier: Dossier
    warnings: list[FormatWarning] = field(default_factory=list)


@dataclass
class Exported:
    """What an exporter returns: the text, and what of the dossier it could not write.

    ``left_out`` counts what the text lacks, by kind (``{"actors": 19, "'date' values": 41}``),
    in the order found; ``None`` means the format does not account for it. ``written`` counts
    what the text holds, in the format's own terms (``{"statements": 86}``).

    >>> Exported("...", {"actors": 3, "ja texts": 12}).summary()
    'left out: 3 actors, 12 ja texts'
    """

    text: str
    left_out: dict[str, int] | None = field(default_factory=dict)
    written: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """One line saying what was left out (``nothing left out`` when nothing was)."""
        if self.left_out is None:
            return "this format does not report what it leaves out"
        found = [(kind, n) for kind, n in self.left_out.items() if n]
        if not found:
            return "nothing left out"
        return "left out: " + ", ".join(f"{n:,} {kind}" for kind, n in found)


class Tally(dict[str, int]):
    """Counts by kind, in the order the kinds were first met.

    >>> t = Tally(); t.add("actors", 2); t.add("events"); t.add("actors"); dict(t)
    {'actors': 3, 'events': 1}
    """

    def add(self, kind: str, n: int = 1) -> None:
        """Count ``n`` more of ``kind`` (nothing when ``n`` is 0)."""
        if n:
            self[kind] = self.get(kind, 0) + n


def count_languages_left_out(values: Iterable[Any], lang: str | None, tally: Tally) -> None:
    """Count, per language, the texts a one-language export leaves out (``"ja texts"``)."""
    for value in values:
        if isinstance(value, dict) and len(value) > 1:
            chosen = picked_language(value, lang)
            for code in sorted(value):
                if code != chosen:
                    tally.add(f"{code} texts")


def count_fields_left_out(items: Iterable[Any], kept: frozenset[str], tally: Tally) -> None:
    """Count, per field, the items whose field holds a value the export does not write.

    A field left at its default (an empty list, ``None``, ``main: false``) holds nothing.
    """
    for item in items:
        for name, info in type(item).model_fields.items():
            if name in kept:
                continue
            value = getattr(item, name)
            if value is None or value == [] or value == info.default:
                continue
            tally.add(f"'{info.alias or name}' values")


def slugify(raw: object, prefix: str = "x") -> str:
    """A valid argmap slug for a foreign id or title, always the same for the same input.

    Letters are lower-cased and stripped of accents; every other run of characters becomes ``-``.
    When nothing usable is left (``"田中"``), the slug is ``prefix`` plus a short hash.

    >>> slugify("4_1731586856")
    '4_1731586856'
    >>> slugify("No harm, no ban")
    'no-harm-no-ban'
    >>> slugify("田中", "actor")
    'actor-b8f5bf1d'
    """
    text = str(raw)
    if _SLUG_OK.match(text) and len(text) <= _MAX_SLUG:
        return text  # the common case (AIF numeric ids) stays fast
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-_.")
    slug = slug[:_MAX_SLUG - 10].rstrip("-_.")
    if not slug:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        slug = f"{prefix}-{digest}"
    return slug


class SlugMaker:
    """Gives each foreign key a slug unique within one dossier (``a``, ``a-2``, ``a-3``...)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._given: dict[str, dict[str, str]] = {}  # namespace -> {key: slug}

    def make(self, space: str, raw: object, prefix: str = "x") -> str:
        """The slug for ``raw`` in a namespace (``node``, ``actor``); same key, same slug."""
        given = self._given.setdefault(space, {})
        key = str(raw)
        found = given.get(key)
        if found is not None:
            return found
        base = slugify(raw, prefix)
        slug, n = base, 1
        while slug in self._taken:
            n += 1
            slug = f"{base}-{n}"
        self._taken.add(slug)
        given[key] = slug
        return slug

    def take_all(self, space: str, raws: list[str]) -> bool:
        """Whether every one of these strings is a free slug, and so its own slug
        (``make(space, raw) == raw`` for each, as now recorded); False, and nothing recorded,
        when any is not. One regular expression over them all and a few C loops: the common
        case of foreign ids such as AIF node ids costs no Python code per id.

        >>> ids = SlugMaker()
        >>> ids.take_all("node", ["12", "13"]), ids.take_all("node", ["No harm"])
        (True, False)
        """
        if not _STR_ONLY.issuperset(map(type, raws)):
            return False
        joined = "\n".join(raws) + "\n"
        given = self._given.get(space)
        if (joined.count("\n") != len(raws)  # an id holds a newline
                or _SLUGS_OK.fullmatch(joined) is None
                or not self._taken.isdisjoint(raws)
                or (given is not None and not given.keys().isdisjoint(raws))):
            return False
        self._taken.update(raws)
        if given is None:
            self._given[space] = dict(zip(raws, raws))
        else:
            given.update(zip(raws, raws))
        return True

    def make_all(self, space: str, raws: Iterable[str]) -> dict[str, str]:
        """``{raw: make(space, raw)}`` for many strings, in order: the same slugs, made faster
        for the common case of foreign ids that are already free slugs (:meth:`take_all`).

        >>> SlugMaker().make_all("node", ["12", "No harm", "12"])
        {'12': '12', 'No harm': 'no-harm'}
        """
        raws = list(raws)
        if raws and self.take_all(space, raws):
            return dict(zip(raws, raws))
        given = self._given.setdefault(space, {})
        taken, ok = self._taken, _SLUG_OK.match
        out: dict[str, str] = {}
        for raw in raws:
            slug = given.get(raw)
            if slug is None:
                if ok(raw) and len(raw) <= _MAX_SLUG and raw not in taken:
                    slug = given[raw] = raw
                    taken.add(raw)
                else:
                    slug = self.make(space, raw)
            out[raw] = slug
        return out

    def reserve(self, slug: str) -> None:
        """Mark a slug as used (so that generated ids avoid it)."""
        self._taken.add(slug)

    def get(self, space: str, raw: object) -> str | None:
        """The slug already given to ``raw`` in ``space``, if any."""
        given = self._given.get(space)
        return None if given is None else given.get(str(raw))


def decode(data: bytes | str, file: str | None) -> str:
    """Text of a foreign file: UTF-8 (a BOM is dropped); anything else is a :class:`FormatError`."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError(f"not UTF-8 text (byte {exc.start})", file=file, line=line) from None


def load_json(data: bytes | str, file: str | None) -> Any:
    """Parse JSON, turning syntax errors into :class:`FormatError` with line and column."""
    text = decode(data, file)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"invalid JSON: {exc.msg}", file=file, line=exc.lineno,
                          column=exc.colno) from None
    except RecursionError:
        raise FormatError("JSON nested too deeply", file=file) from None


def parse_date(value: object) -> _dt.date | None:
    """The date of a timestamp such as ``2014-04-28 15:51:38`` or ``2021-11-11T21:50:00Z``."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def build(sections: dict[str, list[dict[str, Any]]], info: dict[str, Any] | None,
          file: str | None) -> Dossier:
    """Validate plain dicts into a :class:`Dossier` in one pass and check it.

    Importers build plain dicts (fast) and validate once here, so a mistake in an importer or a
    foreign value the models refuse shows as a :class:`FormatError`, not as a traceback.
    """
    raw: dict[str, Any] = {name: items for name, items in sections.items() if items}
    if info is not None:
        raw["dossier"] = info
    try:
        dossier = Dossier.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        path = ".".join(str(p) for p in first["loc"])
        raise FormatError(f"cannot be represented: {path}: {first['msg']} "
                          f"({exc.error_count()} problem(s))", file=file) from None
    try:
        check(dossier)
    except ArgmapError as exc:
        raise FormatError(f"imported dossier is inconsistent: {exc}", file=file) from None
    return dossier


def one_line(text: str) -> str:
    """Collapse runs of whitespace (foreign texts often carry hard line breaks)."""
    return " ".join(text.split())
