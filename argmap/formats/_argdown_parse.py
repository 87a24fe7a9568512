"""A line-based reader for the subset of Argdown that maps onto a dossier.

It yields statements, arguments (with their premise-conclusion structures) and relations as plain
data; :mod:`argmap.formats.argdown` turns them into dossier items. Everything it cannot represent
is reported as a warning rather than dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import FormatError
from ._common import FormatWarning, one_line

Ref = tuple[str, str]  # ("s", statement title) or ("a", argument title)

_HEADING = re.compile(r"^(#+)\s+(.*)$")
_LIST_ITEM = re.compile(r"^(?:\*|\d+\.)\s+(.*)$")
_LINK = re.compile(r"\[[^\]]+?\]\([^)]+?\)")
_PCS_ITEM = re.compile(r"^\((\d+)\)\s*(.*)$")
_RULE_INLINE = re.compile(r"^--+\s*(.+?)\s*--+$")
_RULE_LINE = re.compile(r"^--+$")
_RELATION = re.compile(r"^(<\+|\+>|<-|->|<_|_>|><|\+|-|_)\s+(.*)$")
_DEF = re.compile(r"^(\[([^\]]+)\]|<([^>]+)>):\s*(.*)$", re.DOTALL)
_REF = re.compile(r"^(\[([^\]]+)\]|<([^>]+)>)(?!\()\s*(.*)$", re.DOTALL)
_TAG = re.compile(r"(?<![\w(/&#])#\(([^)]*)\)|(?<![\w(/&#])#([\w][\w\-]*)")
_TRAILING_TAGS = re.compile(r"(?:\s*(?<![\w(/&#])#(?:\([^)]*\)|[\w][\w\-]*))+\s*$")
_META = re.compile(r"\{[^{}]*\}\s*$")
_BLOCK_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/", re.DOTALL)
_LINE_COMMENT = re.compile(r"(^|[ \t])//.*$")
_LINK_OR_TAG = re.compile(f"{_LINK.pattern}|{_TAG.pattern}")
_ESCAPED = re.compile(r"\\([^\n])")
_HIDDEN = 0xF0000  # "\X" is read as one private-use character standing for a literal X
_HIDDEN_CHAR = re.compile("[\U000F0000-\U000FFFFD]")


def _strip_tags(text: str) -> str:
    """Text without its ``#tags`` (a ``#`` inside a link is part of the address)."""
    return _LINK_OR_TAG.sub(lambda m: m.group(0) if m.group(0).startswith("[") else "", text)


def _hide_escapes(text: str) -> str:
    """Replace each ``\\X`` by a private-use character, so no pattern below sees X as syntax."""
    return _ESCAPED.sub(lambda m: chr(_HIDDEN + ord(m.group(1)))
                        if ord(m.group(1)) < 0xFFFE else m.group(1), text)


def plain(text: str) -> str:
    """Text with every escaped character as the character itself (``\\[`` reads ``[``)."""
    return _HIDDEN_CHAR.sub(lambda m: chr(ord(m.group(0)) - _HIDDEN), text)


def _as_typed(text: str) -> str:
    """Text with the escapes as typed (inside metadata, where YAML reads them)."""
    return _HIDDEN_CHAR.sub(lambda m: "\\" + chr(ord(m.group(0)) - _HIDDEN), text)

#: symbol -> (relation type, True when the child is the source)
SYMBOLS: dict[str, tuple[str, bool]] = {
    "+": ("supports", True), "<+": ("supports", True), "+>": ("supports", False),
    "-": ("attacks", True), "<-": ("attacks", True), "->": ("attacks", False),
    "_": ("undercuts", True), "<_": ("undercuts", True), "_>": ("undercuts", False),
    "><": ("contradicts", True),
}


@dataclass
class Node:
    """A statement or an argument, with every formulation given for it."""

    kind: str
    title: str
    line: int
    untitled: bool = False
    texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    section: str | None = None
    pcs: list[tuple[list[Ref], Ref, str | None]] | None = None  # (premises, conclusion, rule)


@dataclass
class Parsed:
    """What the reader found, in source order."""

    frontmatter: dict[str, Any]
    statements: dict[str, Node]
    arguments: dict[str, Node]
    relations: list[tuple[str, Ref, Ref, int]]  # (type, source, target, line)
    warnings: list[FormatWarning]


def _strip_comments(text: str) -> list[tuple[int, str, bool]]:
    """Lines without comments: (number, content, was-only-comment)."""
    cleaned = _BLOCK_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out = []
    for number, (orig, line) in enumerate(zip(text.split("\n"), cleaned.split("\n")), 1):
        line = _LINE_COMMENT.sub("", line).rstrip().replace("\t", "    ")
        out.append((number, line, bool(orig.strip()) and not line.strip()))
    return out


class Reader:
    """Reads Argdown text line by line (see :func:`parse`)."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.statements: dict[str, Node] = {}
        self.arguments: dict[str, Node] = {}
        self.relations: list[tuple[str, Ref, Ref, int]] = []
        self.warnings: list[FormatWarning] = []
        self.section: str | None = None
        self.headings: list[tuple[int, str, bool]] = []  # (level, title, is a group), outer first
        self.heading_open: tuple[int, list[str], int] | None = None  # level, lines, line number
        self.untitled = 0
        self.open: tuple[Ref, list[str], int] | None = None  # element receiving text lines
        self.stack: list[tuple[int, Ref]] = []  # relation nesting in the current block
        self.in_block = False
        self.last_top: Ref | None = None
        self.pcs: list[tuple[str, Any, int]] | None = None
        self.pcs_owner: Ref | None = None
        self.rule_open: list[str] | None = None
        self.rule_line: int | None = None

    def warn(self, message: str, line: int | None = None) -> None:
        self.warnings.append(FormatWarning(message, self.file, line))

    # --- elements ------------------------------------------------------------------------

    def element(self, body: str, line: int) -> Ref:
        """Start an element (statement or argument, defined, referred to or untitled)."""
        self.close()
        m = _DEF.match(body) or _REF.match(body)
        if m:
            kind = "s" if m.group(2) is not None else "a"
            title = plain((m.group(2) or m.group(3)).strip())
            rest = m.group(4)
        else:
            self.untitled += 1
            kind, title, rest = "s", f"Untitled {self.untitled}", body
        ref = (kind, title)
        table = self.statements if kind == "s" else self.arguments
        if title not in table:
            table[title] = Node(kind, title, line, untitled=not m, section=self.section)
        self.open = (ref, [rest], line)
        return ref

    def close(self) -> None:
        """Finish the open element: its text, tags and metadata."""
        if self.open is None:
            return
        (kind, title), lines, line = self.open
        self.open = None
        node = (self.statements if kind == "s" else self.arguments)[title]
        text = one_line(" ".join(lines))
        meta = _META.search(text)
        if meta:
            text = text[:meta.start()].rstrip()
            node.meta.update(self.metadata(meta.group(0), line))
        # a "#" inside a link (https://x.org/page#part) is part of the address, not a tag
        for tag_group, tag_word in _TAG.findall(_LINK.sub(" ", text)):
            tag = plain((tag_group or tag_word).strip())
            if tag and tag not in node.tags:
                node.tags.append(tag)
        trailing = _TRAILING_TAGS.search(text)  # inline tags stay part of the sentence
        text = plain(one_line(text[:trailing.start()] if trailing else text))
        if text and text not in node.texts:
            node.texts.append(text)

    def metadata(self, raw: str, line: int, known: frozenset[str] = frozenset({"note"}),
                 what: str = "metadata") -> dict[str, Any]:
        """The ``{...}`` data of an element (or of a heading: ``what``); unknown keys warned."""
        try:
            data = yaml.safe_load(_as_typed(raw))
        except yaml.YAMLError:
            self.warn(f"{what} {plain(raw.strip())} is not valid YAML; ignored", line)
            return {}
        if not isinstance(data, dict):
            return {}
        for key in sorted(set(data) - known, key=str):
            self.warn(f"{what} key {key!r} is not supported; ignored", line)
        return {key: data[key] for key in known if key in data}

    # --- lines ---------------------------------------------------------------------------

    def feed(self, number: int, line: str, lookahead: str | None) -> None:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if self.rule_open is not None:
            if _RULE_LINE.match(stripped):
                self.pcs_rule(" ".join(self.rule_open), number)
                self.rule_open = None
            else:
                self.rule_open.append(stripped)
            return
        if self.heading_open is not None:
            if stripped and not self.starts_element(line, stripped):
                self.heading_open[1].append(stripped)  # a heading runs on until a blank line
                return
            self.end_heading()
        if not stripped:
            self.close()
            self.in_block, self.stack = False, []
            return
        heading = _HEADING.match(line)
        if heading:
            self.close()
            self.end_pcs()
            self.heading_open = (len(heading.group(1)), [heading.group(2)], number)
            self.in_block, self.stack, self.last_top = False, [], None
            return
        if self.pcs_line(stripped, indent, number, lookahead):
            return
        rel = _RELATION.match(stripped)
        if rel:
            self.relation(rel.group(1), rel.group(2), indent, number)
            return
        item = _LIST_ITEM.match(stripped)
        if item:  # each item of a Markdown list is an element of its own
            self.end_pcs()
            ref = self.element(item.group(1), number)
            self.in_block, self.stack = True, [(indent, ref)]
            self.last_top = ref if ref[0] == "a" else None
            return
        starts_top = not self.in_block or (indent == 0 and bool(_DEF.match(stripped) or (
            (m := _REF.match(stripped)) and not _TAG.sub("", m.group(4)).strip())))
        if not starts_top and self.open is not None:
            self.open[1].append(stripped)
            return
        self.end_pcs()
        ref = self.element(stripped, number)
        self.in_block, self.stack = True, [(indent, ref)]
        self.last_top = ref if ref[0] == "a" else None

    @staticmethod
    def starts_element(line: str, stripped: str) -> bool:
        """Whether a line starts something of its own (and so cannot continue a heading)."""
        return bool(_HEADING.match(line) or _DEF.match(stripped) or _REF.match(stripped)
                    or _RELATION.match(stripped) or _PCS_ITEM.match(stripped)
                    or _LIST_ITEM.match(stripped))

    def end_heading(self) -> None:
        """Finish the open heading: its title, its ``{isGroup: ...}`` data, the section."""
        if self.heading_open is None:
            return
        level, lines, number = self.heading_open
        self.heading_open = None
        text = one_line(" ".join(lines))
        is_group = True
        meta = _META.search(text)
        if meta:
            text = text[:meta.start()]
            data = self.metadata(meta.group(0), number, frozenset({"isGroup"}),
                                 "heading metadata")
            is_group = data.get("isGroup") is not False
        title = plain(one_line(_strip_tags(text)))
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.headings.append((level, title, is_group))
        # statements belong to the innermost heading that forms a group ({isGroup: false} does not)
        self.section = next((t for _, t, group in reversed(self.headings) if group and t), None)

    def relation(self, symbol: str, body: str, indent: int, number: int) -> None:
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()
        if not self.stack:
            self.warn(f"relation '{symbol}' has nothing to attach to; read as a statement",
                      number)
            self.element(body, number)
            self.in_block = True
            return
        parent = self.stack[-1][1]
        child = self.element(body, number)
        kind, child_is_source = SYMBOLS[symbol]
        source, target = (child, parent) if child_is_source else (parent, child)
        self.relations.append((kind, source, target, number))
        self.stack.append((indent, child))
        self.in_block = True

    # --- premise-conclusion structures ---------------------------------------------------

    def pcs_line(self, stripped: str, indent: int, number: int, lookahead: str | None) -> bool:
        item = _PCS_ITEM.match(stripped)
        if item:
            if self.pcs is None:
                self.pcs, self.pcs_owner, self.last_top = [], self.last_top, None
            ref = self.element(item.group(2), number)
            self.pcs.append(("st", ref, number))
            self.in_block, self.stack = True, [(indent, ref)]
            return True
        if self.pcs is None:
            return False
        inline = _RULE_INLINE.match(stripped)
        if _RULE_LINE.match(stripped):
            self.close()
            # "--" opens a rule on the lines below unless a statement follows; "----" never does
            if stripped != "--" or lookahead is None or _PCS_ITEM.match(lookahead.strip()):
                self.pcs_rule(None, number)
            else:
                self.rule_open, self.rule_line = [], number
            return True
        if inline:
            self.close()
            self.pcs_rule(inline.group(1), number)
            return True
        return False

    def pcs_rule(self, rule: str | None, number: int) -> None:
        if rule:
            meta = _META.search(rule)
            if meta:
                self.metadata(meta.group(0), number)
                rule = rule[:meta.start()].strip()
        assert self.pcs is not None
        self.pcs.append(("inf", plain(rule) if rule else None, number))

    def end_pcs(self) -> None:
        """Turn the collected PCS lines into inference steps of their argument."""
        self.close()
        if self.pcs is None:
            return
        seq, owner = self.pcs, self.pcs_owner
        self.pcs, self.pcs_owner = None, None
        line = seq[0][2]
        if owner is None:
            self.untitled += 1
            owner = ("a", f"Untitled argument {self.untitled}")
            self.arguments[owner[1]] = Node("a", owner[1], line, untitled=True,
                                            section=self.section)
        steps: list[tuple[list[Ref], Ref, str | None]] = []
        premises: list[Ref] = []
        rule: Any = None
        waiting = False
        for kind, value, number in seq:
            if kind == "inf":
                if waiting or not premises:
                    raise FormatError("inference without premises", file=self.file, line=number)
                rule, waiting = value, True
            elif waiting:
                steps.append((premises, value, rule))
                premises, waiting = [value], False
            else:
                premises.append(value)
        if waiting or not steps:
            raise FormatError("premise-conclusion structure without a conclusion",
                              file=self.file, line=seq[-1][2])
        if len(premises) > 1:
            self.warn("statements after the last conclusion are not part of any inference",
                      seq[-1][2])
        self.arguments[owner[1]].pcs = steps


def parse(text: str, file: str | None) -> Parsed:
    """Read Argdown source: frontmatter, statements, arguments, PCS and relations."""
    lines = text.split("\n")
    front: dict[str, Any] = {}
    start = 0
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].strip() == "===":
        end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "==="), None)
        if end is None:
            raise FormatError("frontmatter '===' is never closed", file=file, line=first + 1)
        try:
            loaded = yaml.safe_load("\n".join(lines[first + 1:end]))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = first + 2 + mark.line if mark is not None else first + 1
            raise FormatError(f"frontmatter is not valid YAML: {exc}", file=file,
                              line=line) from None
        front = loaded if isinstance(loaded, dict) else {}
        start = end + 1
    reader = Reader(file)
    cleaned = _strip_comments(_hide_escapes(text))[start:]
    usable = [(n, line) for n, line, only_comment in cleaned if not only_comment]
    following: list[str | None] = [None] * len(usable)  # next non-blank line, for '--'
    nxt: str | None = None
    for i in range(len(usable) - 1, -1, -1):
        following[i] = nxt
        if usable[i][1].strip():
            nxt = usable[i][1]
    for (number, line), lookahead in zip(usable, following):
        reader.feed(number, line, lookahead)
    if reader.rule_open is not None:
        raise FormatError("inference rule '--' is never closed", file=file,
                          line=reader.rule_line)
    reader.end_heading()
    reader.end_pcs()
    reader.close()
    return Parsed(front, reader.statements, reader.arguments, reader.relations, reader.warnings)
