"""Read and write abstract argumentation frameworks in the ICCMA competition formats.

Three formats, chosen by file suffix:

``.af`` / ``.i23`` — ICCMA 2023::

    p af 3
    # names 1..3
    # alpha
    # beta
    # gamma
    1 2
    2 3

The header ``p af N`` declares arguments ``1 .. N``; each other line ``i j`` is an attack from
``i`` to ``j``; lines starting with ``#`` are comments, which the format gives no meaning. So
arguments are named ``"1" .. "N"``, as competition solvers and their answers (``w 1 3``) name
them, unless the file says otherwise in a way that cannot be mistaken (``names=``):

* ``"marked"`` (the default): the line right after the header is exactly ``# names 1..N``
  and the ``N`` lines after it are ``# name`` lines naming arguments ``1 .. N`` in order. This
  is what :func:`write` writes, so argmap's own files come back with their names.
* ``"comments"``: the ``N`` lines right after the header are ``# name`` lines, unmarked, as in
  the files of the ICCMA 2025 solver collection (``admbuster_1000.af``: ``# a``, ``# b1``,
  ...). Only the caller can know that a file follows this habit: a file that does not is
  refused, naming the line.
* ``"numbers"``: comments are ignored.

A name is one word without brackets, commas, ``%`` or ``#``, names are distinct, and a name
that is a number must be its own argument's number (``# 3`` cannot name argument 1). With
``"marked"``, comments after the header that were not taken as names raise an
:class:`IccmaWarning` saying so (and, when they look like a name for each argument, how to
take them as names).

The header's count is checked against what the file holds before the framework is built: a
count of more than 12 digits, or one more than ``max_unmentioned`` (default 1,000,000) above
the highest argument number the file mentions, is refused as a mistake (``p af 10000000``
over one attack would be ten million arguments that attack nothing). A UTF-8 byte-order mark
is skipped.

``.apx`` — ASPARTIX / ICCMA 2015-2021: ``arg(a).`` and ``att(a,b).`` statements, ``%`` comments.

``.tgf`` — Trivial Graph Format: one argument per line, a line ``#``, then one attack
``a b`` per line.

A file that breaks its format raises :class:`~argmap.errors.FormatError` with the file and
line (``x.af:7: attack '3 9' names argument 9, but the header declares 1..5``); a file that
cannot be read at all raises :class:`~argmap.errors.FileError`.

Reading is fast on the layout competition files use (the header, comment lines, then one
``i j`` per line with single spaces): the attacks are read in bulk, as fast as a plain
line-by-line Python reader or faster (``python bench/bench_hard.py``); any other layout is
read line by line.
"""

from __future__ import annotations

import codecs
import json
import re
import warnings
from pathlib import Path
from typing import Literal

from ..gc_pause import paused_gc
from ..errors import FileError, FormatError
from .framework import Framework

__all__ = ["MAX_UNMENTIONED", "SUFFIXES", "IccmaFormat", "IccmaWarning", "NameSource", "dumps",
           "loads", "read", "write"]

IccmaFormat = Literal["af", "apx", "tgf"]
NameSource = Literal["marked", "comments", "numbers"]

#: File suffix -> format.
SUFFIXES: dict[str, IccmaFormat] = {".af": "af", ".i23": "af", ".apx": "apx", ".tgf": "tgf"}
#: Arguments numbered above every number the file mentions: at most this many by default.
MAX_UNMENTIONED = 1_000_000
#: Header counts with more digits than this are refused before anything else.
_MAX_DIGITS = 12

_STATEMENT = re.compile(r"\s*(\w+)\s*\(\s*([^(),\s]+)\s*(?:,\s*([^(),\s]+)\s*)?\)\s*\.")
_BAD_NAME = re.compile(r"[\s(),%#]")
_MARKER = re.compile(r"names\s+1\.\.([0-9]+)")
_BLOCK_END = re.compile(rb"\n[^#]")  # a line break, then a line that is not a comment
_ONE_WORD_LINES = re.compile(rb"(?:#[ \t]*[^\s(),%#]+[ \t]*\n)*")
_PLAIN_NAME_LINES = re.compile(rb"(?:# [^\s(),%#]+\n)*")
_DIGITS = b"0123456789"
_TO_COMMAS = bytes.maketrans(b" \n", b",,")


class IccmaWarning(UserWarning):
    """Comment lines of an ICCMA file were ignored: arguments keep their numbers."""


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


def read(path: str | Path, fmt: IccmaFormat | None = None, *, names: NameSource = "marked",
         max_unmentioned: int = MAX_UNMENTIONED) -> Framework:
    """The framework in an ICCMA file (format from the suffix unless ``fmt`` is given).

    ``names`` and ``max_unmentioned`` concern ``.af`` files (see the module docs). Raises
    :class:`~argmap.errors.FileError` when the file cannot be read and
    :class:`~argmap.errors.FormatError` (with file and line) when it breaks its format.
    """
    path = Path(path)
    fmt = _format_of(path, fmt)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileError("no such file", file=str(path)) from None
    except OSError as bad:
        raise FileError(f"cannot read: {bad.strerror}", file=str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as bad:
        raise FileError(f"not UTF-8 text ({bad.reason} at byte {bad.start})",
                        file=str(path)) from None
    if fmt == "af":
        return _parse_af(data, str(path), names, max_unmentioned)
    return loads(text, fmt, file=str(path))


def write(fw: Framework, path: str | Path, fmt: IccmaFormat | None = None) -> None:
    """Write ``fw`` to an ICCMA file (format from the suffix unless ``fmt`` is given)."""
    path = Path(path)
    path.write_text(dumps(fw, _format_of(path, fmt)), encoding="utf-8", newline="\n")


def loads(text: str, fmt: IccmaFormat, *, file: str | None = None,
          names: NameSource = "marked", max_unmentioned: int = MAX_UNMENTIONED) -> Framework:
    """The framework in ``text`` of format ``fmt``; ``file`` names it in error messages.

    >>> fw = loads("p af 2\\n# names 1..2\\n# x\\n# y\\n1 2\\n", "af")
    >>> fw.arguments, fw.attacks
    (('x', 'y'), [('x', 'y')])
    >>> loads("p af 2\\n1 2\\n", "af").arguments
    ('1', '2')
    """
    if fmt == "af":
        return _parse_af(text.encode("utf-8"), file, names, max_unmentioned)
    text = text.removeprefix("\ufeff")
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
    >>> print(dumps(Framework(["a", "b"], [("a", "b")]), "af"), end="")
    p af 2
    # names 1..2
    # a
    # b
    1 2
    """
    names = fw.arguments
    default = all(name == str(i + 1) for i, name in enumerate(names))
    if fmt == "af":
        lines = [f"p af {len(names)}"]
        if not default:
            _check_names(names, "af")
            lines.append(f"# names 1..{len(names)}")
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
    for i, name in enumerate(names, 1):
        if not name or _BAD_NAME.search(name) or (fmt == "tgf" and name == "#"):
            raise FormatError(f"argument name {name!r} cannot be written in the {fmt} format "
                              "(no spaces, brackets, commas, '%' or '#')")
        if fmt == "af" and _natural(name) and int(name) != i:
            raise FormatError(f"argument name {name!r} cannot be written in the af format: "
                              f"it is the number of another argument (it is argument {i})")


def _error(message: str, file: str | None, line: int, column: int | None = None) -> FormatError:
    return FormatError(message, file=file or "<string>", line=line, column=column)


def _natural(word: str) -> bool:
    return word.isascii() and word.isdigit()


# --- the p af format -------------------------------------------------------------------------


class _Af:
    """What an ``.af`` file holds, before the framework is built."""

    __slots__ = ("_block", "block_line", "block_text", "count", "header_line", "later",
                 "sources", "targets")

    def __init__(self) -> None:
        self.count = -1                  # N of 'p af N'
        self.header_line = 0
        self.block_text = b""            # the comment lines right after the header, as read
        self._block: list[str] | None = None
        self.block_line = 0              # line number of the first of them
        self.later: list[int] = []       # line numbers of the other comments after the header
        self.sources: list[int] = []     # attacks, argument numbers from 1
        self.targets: list[int] = []

    @property
    def block(self) -> list[str]:
        """The comment lines right after the header, without ``#`` (made when first asked)."""
        if self._block is None:
            text = self.block_text.decode("utf-8")
            if not text:
                self._block = []
            elif _PLAIN_NAME_LINES.fullmatch(self.block_text + b"\n"):
                self._block = text[2:].split("\n# ")  # every line '# word': split in C
            else:
                self._block = [line[1:].strip() for line in text.split("\n")]
        return self._block

    def block_size(self) -> int:
        """How many comment lines come right after the header."""
        if self._block is not None:
            return len(self._block)
        return self.block_text.count(b"\n") + 1 if self.block_text else 0

    def first_block_line(self) -> str:
        """The first comment line after the header, without ``#``."""
        if self._block is not None:
            return self._block[0] if self._block else ""
        end = self.block_text.find(b"\n")
        return self.block_text[1:end if end >= 0 else None].decode("utf-8").strip()


def _parse_af(data: bytes, file: str | None, names: NameSource,
              max_unmentioned: int) -> Framework:
    if names not in ("marked", "comments", "numbers"):
        raise ValueError(f"unknown name source {names!r}; expected 'marked', 'comments' or "
                         "'numbers'")
    data = data.removeprefix(codecs.BOM_UTF8)
    with paused_gc():  # millions of small acyclic objects: the collector would only slow it
        af = _read_af_fast(data, file)
        if af is None:
            af = _read_af_lines(data.decode("utf-8"), file)
        chosen = _names(af, names, file)
        highest = max(max(af.sources, default=0), max(af.targets, default=0))
        if chosen is not None:
            highest = af.count
        if af.count - highest > max_unmentioned:
            raise _error(f"the header declares {af.count:,} arguments, but the file mentions "
                         f"none above {highest:,}: the other {af.count - highest:,} would attack "
                         f"nothing and be attacked by nothing. A count this far above what the "
                         f"file holds is refused as a mistake (at most {max_unmentioned:,} such "
                         f"arguments; pass max_unmentioned= to read it anyway)",
                         file, af.header_line)
        return Framework._from_numbered(af.count, af.sources, af.targets, chosen)


def _header(line: str, file: str | None, lineno: int) -> int:
    parts = line.split()
    if len(parts) != 3 or parts[:2] != ["p", "af"] or not _natural(parts[2]):
        raise _error(f"expected the header 'p af N', found {line.strip()!r}", file, lineno)
    if len(parts[2]) > _MAX_DIGITS:
        raise _error(f"the header declares {parts[2]} arguments: a count of more than "
                     f"{_MAX_DIGITS} digits is refused as a mistake", file, lineno)
    return int(parts[2])


def _read_af_fast(data: bytes, file: str | None) -> _Af | None:
    """The common layout read in bulk: ``None`` when the file is laid out otherwise (or has an
    error, which the line-by-line reader then reports)."""
    af = _Af()
    pos, lineno = 0, 1
    while data.startswith(b"#", pos):  # comments before the header
        end = data.find(b"\n", pos)
        if end < 0:
            return None
        pos, lineno = end + 1, lineno + 1
    end = data.find(b"\n", pos)
    if end < 0 or not data.startswith(b"p af ", pos):
        return None
    af.count = _header(data[pos:end].decode("utf-8"), file, lineno)
    af.header_line = lineno
    pos = end + 1
    found = _BLOCK_END.search(data, pos - 1)
    block_end = found.start() + 1 if found else len(data)
    if block_end > pos:
        af.block_text = data[pos:block_end].removesuffix(b"\n")
        af.block_line = lineno + 1
    body = data[block_end:]
    if not body:
        return af
    if not body.endswith(b"\n"):
        body += b"\n"
    lines = body.count(b"\n")
    # only digits, one space and one line break per line: 'i j' lines, perhaps mis-spaced
    if body.translate(None, _DIGITS) != b" \n" * lines:
        return None
    try:  # the C JSON reader turns the digits into numbers twice as fast as int() per word;
        # a space at the start or end of a line leaves an empty item: not JSON
        numbers = json.loads(b"[" + body[:-1].translate(_TO_COMMAS) + b"]")
    except ValueError:
        return None  # that, or a number with a leading zero: the line reader handles both
    if numbers and (min(numbers) < 1 or max(numbers) > af.count):
        return None
    af.sources = numbers[0::2]
    af.targets = numbers[1::2]
    return af


def _read_af_lines(text: str, file: str | None) -> _Af:
    """Any layout, line by line, with the exact line of the first error."""
    af = _Af()
    af._block = block = []
    in_block = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            in_block = False
            continue
        if line[0] == "#":
            if af.count < 0:
                continue
            if in_block:
                block.append(line[1:].strip())
            else:
                af.later.append(lineno)
            continue
        in_block = False
        if af.count < 0:
            af.count = _header(line, file, lineno)
            af.header_line, af.block_line = lineno, lineno + 1
            in_block = True
            continue
        parts = line.split()
        if len(parts) != 2 or not _natural(parts[0]) or not _natural(parts[1]):
            raise _error(f"expected an attack 'i j' (two argument numbers), found {line!r}",
                         file, lineno)
        a, b = int(parts[0]), int(parts[1])
        if not (1 <= a <= af.count and 1 <= b <= af.count):
            bad = a if not 1 <= a <= af.count else b
            raise _error(f"attack {line!r} names argument {bad}, but the header declares "
                         f"1..{af.count}", file, lineno)
        af.sources.append(a)
        af.targets.append(b)
    if af.count < 0:
        raise _error("no 'p af N' header", file, 1)
    return af


def _names(af: _Af, source: NameSource, file: str | None) -> list[str] | None:
    """The names the file gives its arguments under ``source``, or ``None`` for numbers."""
    if source == "numbers":
        return None
    n = af.count
    marker = _MARKER.fullmatch(af.first_block_line())
    if marker is not None:
        if int(marker.group(1)) != n:
            raise _error(f"'# {af.first_block_line()}' does not match the header's {n:,} "
                         "arguments", file, af.block_line)
        return _name_lines(af.block[1:n + 1], n, af.block_line + 1, file,
                           f"'# {af.first_block_line()}'")
    if source == "comments":
        return _name_lines(af.block[:n], n, af.block_line or af.header_line + 1, file,
                           "names='comments'")
    size = af.block_size()
    ignored = size + len(af.later)
    if ignored:
        first = af.block_line if size else af.later[0]
        hint = ""
        if size == n and _looks_like_names(af):
            hint = (f"; lines {af.block_line}-{af.block_line + n - 1} look like one name per "
                    "argument: read with names='comments' to take them as names")
        warnings.warn(IccmaWarning(
            f"{file or '<string>'}:{first}: {ignored:,} comment line{'s' if ignored > 1 else ''}"
            f" ignored, arguments keep their numbers 1..{n}{hint}"), stacklevel=4)
    return None


def _looks_like_names(af: _Af) -> bool:
    """Whether each comment line after the header is one word (checked in bulk when read in
    bulk); the rest is checked when the names are asked for."""
    if af._block is not None:
        return all(name and not _BAD_NAME.search(name) for name in af._block)
    text = af.block_text + b"\n"
    return _ONE_WORD_LINES.fullmatch(text) is not None


def _name_lines(block: list[str], n: int, first: int, file: str | None,
                why: str) -> list[str]:
    """``block`` as the names of arguments ``1 .. n``, or the error at the first bad line."""
    if len(block) < n:
        raise _error(f"{why} needs {n:,} '# name' lines after the header, one per argument; "
                     f"there are {len(block):,}", file, first + len(block))
    if (len(set(block)) == n and all(block) and not any(map(_BAD_NAME.search, block))
            and not any(map(str.isdigit, block))):
        return block  # the usual case, checked in bulk; else find the first bad line
    seen: dict[str, int] = {}
    for i, name in enumerate(block, 1):
        line = first + i - 1
        if not name or _BAD_NAME.search(name):
            raise _error(f"{why}: '# {name}' is not a name (one word without brackets, commas, "
                         "'%' or '#')", file, line)
        if _natural(name) and int(name) != i:
            raise _error(f"{why}: '# {name}' would name argument {i} with the number of "
                         f"argument {int(name)}", file, line)
        if name in seen:
            raise _error(f"{why}: '{name}' names argument {i} and argument {seen[name]}",
                         file, line)
        seen[name] = i
    return block


# --- apx and tgf -----------------------------------------------------------------------------


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
