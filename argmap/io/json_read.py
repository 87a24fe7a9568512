"""Reading JSON with duplicate keys refused, and finding the line and column of a path.

``json.loads`` is fast and knows nothing of positions, so positions are only looked for when an
error needs one: :func:`locate` walks the text along one path, skipping the values it does not need.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..errors import DuplicateKeyError, PathPart, SyntaxProblem

__all__ = ["locate", "parse"]

_DECODER = json.JSONDecoder()
_WS = " \t\n\r"


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return out


def parse(text: str, file: str) -> Any:
    """Parse JSON; a syntax error or a repeated key becomes an :class:`ArgmapError` with its place."""
    try:
        return json.loads(text, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        raise SyntaxProblem(f"JSON syntax error: {exc.msg}", file=file, line=exc.lineno,
                            column=exc.colno) from None
    except _Duplicate as dup:
        where = _find_duplicate(text, dup.key)
        raise DuplicateKeyError(f"duplicate key '{dup.key}'", file=file,
                                line=where[0] if where else None,
                                column=where[1] if where else None) from None
    except RecursionError:
        raise SyntaxProblem("nesting too deep to read", file=file) from None


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


def locate(text: str, path: Sequence[PathPart], *, key: bool = False) -> tuple[int, int] | None:
    """Line and column of the value at ``path`` in JSON ``text`` (deepest part found)."""
    try:
        i = _skip_ws(text, 0)
        found = _line_col(text, i)
        for depth, part in enumerate(path):
            last = depth == len(path) - 1
            if text[i] == "{" and isinstance(part, str):
                i = _skip_ws(text, i + 1)
                while text[i] != "}":
                    key_at = i
                    name, i = _DECODER.raw_decode(text, i)
                    i = _skip_ws(text, _skip_ws(text, i) + 1)  # past ':'
                    if name == part:
                        found = _line_col(text, key_at if key and last else i)
                        break
                    _, i = _DECODER.raw_decode(text, i)
                    i = _skip_ws(text, i)
                    if text[i] == ",":
                        i = _skip_ws(text, i + 1)
                else:
                    return found
            elif text[i] == "[" and isinstance(part, int):
                i = _skip_ws(text, i + 1)
                for _ in range(part):
                    if text[i] == "]":
                        return found
                    _, i = _DECODER.raw_decode(text, i)
                    i = _skip_ws(text, i)
                    if text[i] == ",":
                        i = _skip_ws(text, i + 1)
                if text[i] == "]":
                    return found
                found = _line_col(text, i)
            else:
                return found
        return found
    except (IndexError, ValueError):
        return None


def _find_duplicate(text: str, key: str) -> tuple[int, int] | None:
    """Where a repeated key appears the second time inside one object (best effort)."""
    needle = json.dumps(key, ensure_ascii=False)
    first = text.find(needle)
    while first != -1:
        second = text.find(needle, first + len(needle))
        if second == -1:
            return None
        # the same object holds both when no object closes and opens between them at depth 0
        depth = 0
        for ch in text[first:second]:
            depth += ch == "{"
            depth -= ch == "}"
        if depth == 0:
            return _line_col(text, second)
        first = second
    return None


