"""Read and write abstract argumentation frameworks in the ICCMA competition formats.

Three formats, chosen by file suffix:

``.af`` / ``.i23`` — ICCMA 2023::

    p af 3
    # a
    # b
    # c
    1 2
    2 3

The header ``p af N`` declares arguments ``1 .. N``; each other line ``i j`` is an attack from
``i`` to ``j``; lines starting with ``#`` are comments. When exactly ``N`` comment lines follow
the header and each is one distinct word, they name the arguments in order (``# a`` names
argument 1, as in the files of the ICCMA 2025 solver collection); otherwise arguments are named
``"1" .. "N"``. Written files carry such name lines unless the names are ``"1" .. "N"``.

``.apx`` — ASPARTIX / ICCMA 2015-2021: ``arg(a).`` and ``att(a,b).`` statements, ``%`` comments.

``.tgf`` — Trivial Graph Format: one argument per line, a line ``#``, then one attack
``a b`` per line.

A file that breaks its format raises :class:`~argmap.errors.FormatError` with the file and
line (``x.af:7: attack '3 9' names argument 9, but the header declares 1..5``); a file that
cannot be read at all raises :class:`~argmap.errors.FileError`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from ..errors import FileError, FormatError
from .framework import Framework

IccmaFormat = Literal["af", "apx", "tgf"]

#: File suffix -> format.
SUFFIXES: dict[str, IccmaFormat] = {".af": "af", ".i23": "af", ".apx": "apx", ".tgf": "tgf"}

_STATEMENT = re.compile(r"\s*(\w+)\s*\(\s*([^(),\s]+)\s*(?:,\s*([^(),\s]+)\s*)?\)\s*\.")
_BAD_NAME = re.compile(r"[\s(),%#]")


def _format_of(path: Path, fmt: IccmaFormat | None) -> IccmaFormat:
    if fmt is not None:
        if fmt not in ("af", "apx", "tgf"):
            raise ValueError(f"unknown ICCMA format {fmt!r}")
        return fmt
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise FileError(f"not an ICCMA file suffix '{path.suffix}' (expected "
                        f"{', '.join(sorted(SUFFIXES))})", file=str(path))
    return found


def read(path: str | Path, fmt: IccmaFormat | None = None) -> Framework:
    """The framework in an ICCMA file (format from the suffix unless ``fmt`` is given).

    Raises :class:`~argmap.errors.FileError` when the file cannot be read and
    :class:`~argmap.errors.FormatError` (with file and line) when it breaks its format.
    """
    path = Path(path)
    fmt = _format_of(path, fmt)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileError("no such file", file=str(path)) from None
    except UnicodeDecodeError as bad:
        raise FileError(f"not UTF-8 text ({bad.reason} at byte {bad.start})",
                        file=str(path)) from None
    except OSError as bad:
        raise FileError(f"cannot read: {bad.strerror}", file=str(path)) from None
    return loads(text, fmt, file=str(path))


def write(fw: Framework, path: str | Path, fmt: IccmaFormat | None = None) -> None:
    """Write ``fw`` to an ICCMA file (format from the suffix unless ``fmt`` is given)."""
    path = Path(path)
    path.write_text(dumps(fw, _format_of(path, fmt)), encoding="utf-8", newline="\n")


def loads(text: str, fmt: IccmaFormat, *, file: str | None = None) -> Framework:
    """The framework in ``text`` of format ``fmt``; ``file`` names it in error messages.

    >>> fw = loads("p af 2\\n# x\\n# y\\n1 2\\n", "af")
    >>> fw.arguments, fw.attacks
    (('x', 'y'), [('x', 'y')])
    """
    if fmt == "af":
        return _parse_af(text, file)
    if fmt == "apx":
        return _parse_apx(text, file)
    if fmt == "tgf":
        return _parse_tgf(text, file)
    raise ValueError(f"unknown ICCMA format {fmt!r}")


def dumps(fw: Framework, fmt: IccmaFormat) -> str:
    """``fw`` as text of format ``fmt``; attacks in argument order, so output is stable.

    >>> print(dumps(Framework(["a", "b"], [("a", "b")]), "apx"), end="")
    arg(a).
    arg(b).
    att(a,b).
    """
    names = fw.arguments
    default = all(name == str(i + 1) for i, name in enumerate(names))
    if fmt == "af":
        lines = [f"p af {len(names)}"]
        if not default:
            _check_names(names, "af")
            lines += [f"# {name}" for name in names]
        lines += [f"{a + 1} {b + 1}" for a, b in fw.attack_indices()]
    elif fmt == "apx":
        _check_names(names, "apx")
        lines = [f"arg({name})." for name in names]
        lines += [f"att({names[a]},{names[b]})." for a, b in fw.attack_indices()]
    elif fmt == "tgf":
        _check_names(names, "tgf")
        lines = list(names) + ["#"] + [f"{names[a]} {names[b]}" for a, b in fw.attack_indices()]
    else:
        raise ValueError(f"unknown ICCMA format {fmt!r}")
    return "\n".join(lines) + "\n"


def _check_names(names: tuple[str, ...], fmt: str) -> None:
    for name in names:
        if not name or _BAD_NAME.search(name) or (fmt == "tgf" and name == "#"):
            raise FormatError(f"argument name {name!r} cannot be written in the {fmt} format "
                              "(no spaces, brackets, commas, '%' or '#')")


def _error(message: str, file: str | None, line: int, column: int | None = None) -> FormatError:
    return FormatError(message, file=file or "<string>", line=line, column=column)


def _natural(word: str) -> bool:
    return word.isascii() and word.isdigit()


def _parse_af(text: str, file: str | None) -> Framework:
    n = -1
    comments: list[str] = []
    pairs: list[tuple[int, int]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line[0] == "#":
            if n >= 0:
                comments.append(line[1:].strip())
            continue
        parts = line.split()
        if n < 0:
            if len(parts) != 3 or parts[:2] != ["p", "af"] or not _natural(parts[2]):
                raise _error(f"expected the header 'p af N', found {line!r}", file, lineno)
            n = int(parts[2])
            continue
        if len(parts) != 2 or not _natural(parts[0]) or not _natural(parts[1]):
            raise _error(f"expected an attack 'i j' (two argument numbers), found {line!r}",
                         file, lineno)
        a, b = int(parts[0]), int(parts[1])
        if not (1 <= a <= n and 1 <= b <= n):
            bad = a if not 1 <= a <= n else b
            raise _error(f"attack {line!r} names argument {bad}, but the header declares "
                         f"1..{n}", file, lineno)
        pairs.append((a - 1, b - 1))
    if n < 0:
        raise _error("no 'p af N' header", file, 1)
    names = None
    if (len(comments) == n and all(c and not _BAD_NAME.search(c) for c in comments)
            and len(set(comments)) == n):
        names = comments
    return Framework.from_indices(n, pairs, names)


def _parse_apx(text: str, file: str | None) -> Framework:
    names: dict[str, None] = {}
    attacks: list[tuple[str, str, int]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("%", 1)[0]
        pos = 0
        while pos < len(line):
            if not line[pos:].strip():
                break
            match = _STATEMENT.match(line, pos)
            if match is None:
                raise _error(f"expected 'arg(name).' or 'att(name,name).', found "
                             f"{line[pos:].strip()!r}", file, lineno, pos + 1)
            word, first, second = match.groups()
            if word == "arg" and second is None:
                names.setdefault(first)
            elif word == "att" and second is not None:
                attacks.append((first, second, lineno))
            else:
                raise _error(f"expected 'arg(name).' or 'att(name,name).', found "
                             f"{match.group(0).strip()!r}", file, lineno, pos + 1)
            pos = match.end()
    for a, b, lineno in attacks:
        for name in (a, b):
            if name not in names:
                raise _error(f"att({a},{b}) names '{name}', which no arg(...) declares",
                             file, lineno)
    return Framework(names, [(a, b) for a, b, _ in attacks])


def _parse_tgf(text: str, file: str | None) -> Framework:
    names: dict[str, None] = {}
    attacks: list[tuple[str, str]] = []
    in_edges = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        parts = raw.split()
        if not parts:
            continue
        if parts == ["#"]:
            if in_edges:
                raise _error("a second '#' line", file, lineno)
            in_edges = True
            continue
        if not in_edges:
            names.setdefault(parts[0])  # any words after the id are a label
            continue
        if len(parts) < 2:
            raise _error(f"expected an attack 'a b', found {raw.strip()!r}", file, lineno)
        for name in parts[:2]:
            if name not in names:
                raise _error(f"attack names '{name}', which the node list does not declare",
                             file, lineno)
        attacks.append((parts[0], parts[1]))
    return Framework(names, attacks)
