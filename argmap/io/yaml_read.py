"""Reading YAML strictly and safely, keeping where every value was written.

PyYAML's own loaders silently keep the last of two equal keys, follow YAML 1.1 (``no`` becomes
``False``, ``2019-07-23`` a date object) and, with unsafe loaders, build arbitrary objects. Here the
C parser composes the node tree; this module builds plain data from it with YAML 1.2 core scalars,
rejects duplicate keys, unknown tags and alias bombs, and keeps the node tree so that an error found
later (a bad field, an unknown id) can be pointed at its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

from ..errors import (ArgmapError, DossierError, DuplicateKeyError, PathPart, SchemaError,
                      SyntaxProblem)

__all__ = ["CORE_RESOLVERS", "Document", "StrictLoader", "parse"]

try:  # the C parser is much faster; fall back where libyaml is missing
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

# YAML 1.2 core schema: the only plain scalars that are not strings.
CORE_RESOLVERS: list[tuple[str, re.Pattern[str], str]] = [
    (_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), "~nN"),
    (_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    (_INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), "-+0123456789"),
    (_FLOAT, re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"), "-+.0123456789"),
]


class StrictLoader(_Base):
    """Composes YAML with YAML 1.2 core scalar resolution and no implicit dates or merges."""

    yaml_implicit_resolvers: dict[Any, Any] = {}

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of an untagged node: PyYAML's own resolution with the resolvers below and
        no path resolvers, without its general machinery (the C composer calls this for every
        node, two million times for a dossier of 100,000 items)."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _BY_FIRST.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers: nothing to follow while composing."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to follow while composing."""


for _tag, _regexp, _first in CORE_RESOLVERS:
    StrictLoader.add_implicit_resolver(_tag, _regexp, list(_first))
StrictLoader.add_implicit_resolver(_NULL, re.compile(r"^$"), [""])
# the same resolvers by first character, as tuples, for StrictLoader.resolve
_BY_FIRST: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple(found) for first, found in StrictLoader.yaml_implicit_resolvers.items()}


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class Document:
    """A parsed YAML document: its plain data and the node tree to locate paths in."""

    def __init__(self, data: Any, root: yaml.Node | None) -> None:
        self.data = data
        self.root = root

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int, int] | None:
        """Line and column of the value at ``path`` (or of its key, with ``key=True``).

        Where the path runs out of the tree (a missing field), the deepest node found is given.
        """
        node = self.root
        if node is None:
            return None
        found = _mark(node)
        for depth, part in enumerate(path):
            last = depth == len(path) - 1
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                        node = value_node
                        found = _mark(key_node if key and last else value_node)
                        break
                else:
                    return found
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    return found
                node = node.value[part]
                found = _mark(node)
            else:
                return found
        return found


def parse(text: str, file: str) -> Document:
    """Parse one YAML document into plain data; raise :class:`ArgmapError` on any problem."""
    try:
        root = yaml.compose(text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "syntax error"
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            problem = "a tab character where YAML allows only spaces (indent with spaces)"
        context = f" ({exc.context})" if exc.context and exc.context not in problem else ""
        raise SyntaxProblem(f"YAML syntax error: {problem}{context}", file=file, line=line,
                            column=col) from None
    except yaml.YAMLError as exc:
        raise SyntaxProblem(f"YAML error: {exc}", file=file) from None
    except RecursionError:
        raise SyntaxProblem("nesting too deep to read", file=file) from None
    if root is None:
        return Document(None, None)
    # A document never has more values than characters, unless aliases repeat parts of it.
    builder = _Builder(file, budget=max(100_000, len(text)))
    try:
        data = builder.build(root)
    except RecursionError:
        raise SyntaxProblem("nesting too deep to read", file=file) from None
    if builder.problems:
        raise DossierError(builder.problems)
    return Document(data, root)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


class _AliasBomb(Exception):
    pass


class _Unusual(Exception):
    """Raised by the fast pass on anything it leaves to the careful one (see _Builder.build)."""


class _Builder:
    """Builds plain Python data from composed nodes, collecting every problem.

    Aliases are expanded as they are met; ``budget`` bounds the number of values built, so that
    a small document whose aliases nest into billions of values ("billion laughs") is refused.
    """

    def __init__(self, file: str, budget: int) -> None:
        self.file = file
        self.limit = budget
        self.budget = budget
        self.problems: list[ArgmapError] = []

    def _problem(self, cls: type[ArgmapError], message: str, node: yaml.Node,
                 path: tuple[PathPart, ...]) -> None:
        line, col = _mark(node)
        self.problems.append(cls(message, file=self.file, line=line, column=col, path=path))

    def build(self, root: yaml.Node) -> Any:
        """Plain data of the tree: a fast pass that keeps no paths, for the common case of data
        with nothing to report and only the plain tags; at anything else, the careful pass
        again from the start, which locates every problem."""
        try:
            try:
                self.budget = self.limit - 1
                if self.budget < 0:
                    raise _AliasBomb
                return self._fast(root)
            except _Unusual:
                self.budget = self.limit
                self.problems.clear()
                return self._build(root, ())
        except _AliasBomb:
            line, col = _mark(root)
            raise SyntaxProblem(
                f"aliases expand to more than {self.limit:,} values; refusing to read",
                file=self.file, line=line, column=col) from None

    def _fast(self, node: yaml.Node) -> Any:
        """The data of a node whose children are already counted in the budget, or _Unusual."""
        tag = node.tag
        kind = type(node)
        if kind is yaml.ScalarNode:
            if tag == _STR:
                return node.value
            found = len(self.problems)
            value = self._scalar(node, ())
            if len(self.problems) != found:
                raise _Unusual
            return value
        children = node.value
        self.budget -= len(children)
        if self.budget < 0:
            raise _AliasBomb
        fast = self._fast
        if kind is yaml.SequenceNode and tag == _SEQ:
            return [fast(child) for child in children]
        if kind is not yaml.MappingNode or tag != _MAP:
            raise _Unusual
        out: dict[str, Any] = {}
        for key_node, value_node in children:
            key = key_node.value
            if key_node.tag != _STR or type(key_node) is not yaml.ScalarNode or key in out \
                    or (key == "<<" and not key_node.style):
                raise _Unusual
            out[key] = fast(value_node)
        return out

    def _build(self, node: yaml.Node, path: tuple[PathPart, ...]) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _AliasBomb
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR:  # the common case, kept fast
                return node.value
            return self._scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            if tag != _SEQ:
                self._problem(SyntaxProblem, _unsupported(tag), node, path)
            build = self._build
            return [build(child, path + (i,)) for i, child in enumerate(node.value)]
        if tag != _MAP:
            self._problem(SyntaxProblem, _unsupported(tag), node, path)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _STR and isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
            elif isinstance(key_node, yaml.ScalarNode):
                key = key_node.value  # numbers, booleans and null as keys are kept as written
            else:
                self._problem(SchemaError, "a key must be a plain name, not a list or mapping",
                              key_node, path)
                continue
            if key == "<<" and not key_node.style:  # plain, not quoted
                self._problem(SchemaError, "YAML merge keys (<<) are not supported: write the "
                              "fields out", key_node, path)
                continue
            if key in out:
                first = next(k for k, _ in node.value if k.value == key)
                self._problem(DuplicateKeyError, f"duplicate key '{key}' (first given on line "
                              f"{first.start_mark.line + 1})", key_node, path + (key,))
                continue
            out[key] = self._build(value_node, path + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode, path: tuple[PathPart, ...]) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _INT:
            try:
                if value.startswith(("0o", "0x")):
                    return int(value, 0)
                return int(value)
            except ValueError:
                self._problem(SchemaError, f"'{value}' is not an integer", node, path)
                return value
        if tag == _FLOAT:
            try:
                return float(value.replace(".inf", "inf").replace(".Inf", "inf")
                             .replace(".INF", "inf").replace(".nan", "nan")
                             .replace(".NaN", "nan").replace(".NAN", "nan"))
            except ValueError:
                self._problem(SchemaError, f"'{value}' is not a number", node, path)
                return value
        if tag == "tag:yaml.org,2002:timestamp":  # explicit !!timestamp: keep the text
            return value
        self._problem(SyntaxProblem, _unsupported(tag), node, path)
        return value


def _unsupported(tag: str) -> str:
    short = "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
    return f"unsupported YAML tag {short} (argmap reads plain data only)"
