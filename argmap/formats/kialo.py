"""Kialo plain-text export: import and export of a pro/con claim tree.

The format::

    Discussion Title: Should hate speech be illegal?

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas than to simply ban them.
    1.1.1. Pro: ...
    1.6.4. Pro: -> See 1.2.2.

Import: each numbered line is a claim (id: its dotted path, ``1.1.2``); the thesis (``1.``) is the
main claim; ``Pro:`` gives a ``supports`` and ``Con:`` an ``attacks`` relation (id ``r<path>``)
from the claim to its parent (the path minus its last part). ``-> See <path>`` adds no claim: it
relates the claim at ``<path>`` to the line's parent a second time. Lines without a number continue
the claim above (multi-line claims). Backslash escapes (``\\(`` ``\\)``) are undone. The title
becomes the dossier title.

Export (:func:`dump`): the tree of single-premise supports and attacks rooted at the main claim,
numbered in dossier order; a claim reached a second time is written ``-> See <path>.``. Kialo has
no undercuts, rephrasings or linked premises: those relations, and items not reachable from the
main claim, are left out. Parentheses and backslashes are escaped except in Markdown links.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..dossier import Dossier
from ..errors import FormatError
from ..lang import pick
from ._common import FormatWarning, Imported, SlugMaker, build, decode

NAME = "kialo"
SUFFIXES = (".txt",)

_TITLE = re.compile(r"^Discussion Title:\s*(.*)$")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(.*)$")
_LABEL = re.compile(r"^(Pro|Con):\s*(.*)$", re.DOTALL)
_SEE = re.compile(r"^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LINK = re.compile(r"\[[^\]\n]*\]\([^)\s]*\)")


def sniff(text: str) -> str | None:
    """None when the text looks like a Kialo export, else why not."""
    for line in text.splitlines():
        if not line.strip():
            continue
        if _TITLE.match(line) or re.match(r"^1\.\s", line):
            return None
        return "does not start with 'Discussion Title:' or '1. '"
    return "empty file"


def unescape(text: str) -> str:
    r"""Undo Kialo's Markdown escapes: ``\(`` -> ``(``."""
    return _UNESCAPE.sub(r"\1", text)


def escape(text: str) -> str:
    r"""Escape ``\``, ``(`` and ``)`` outside Markdown links, as Kialo writes them."""
    out, last = [], 0
    for link in _LINK.finditer(text):
        out.append(_escape_plain(text[last:link.start()]))
        out.append(link.group(0))
        last = link.end()
    out.append(_escape_plain(text[last:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def load(data: bytes | str, file: str | None = None) -> Imported:
    """Read a Kialo text export into a dossier of claims and pro/con relations.

    >>> d = load("Discussion Title: T\\n\\n1. Thesis\\n1.1. Pro: Because\\n").dossier
    >>> [(r.from_, r.type.value, r.to) for r in d.relations]
    [(['1.1'], 'supports', '1')]
    """
    text = decode(data, file)
    title: str | None = None
    entries: list[dict[str, Any]] = []  # path, line, label, lines
    for number, line in enumerate(text.splitlines(), 1):
        if not entries and title is None and (m := _TITLE.match(line)):
            title = m.group(1).strip()
            continue
        m = _NUMBERED.match(line)
        if m:
            entries.append({"path": m.group(1), "line": number, "lines": [m.group(2)]})
        elif entries:
            entries[-1]["lines"].append(line)
        elif line.strip():
            raise FormatError("text before the first numbered claim", file=file, line=number)
    if not entries:
        raise FormatError("no numbered claims (expected lines like '1. Thesis')", file=file)

    ids = SlugMaker()
    by_path: dict[str, dict[str, Any]] = {}
    for entry in entries:
        path, line = entry["path"], entry["line"]
        if path in by_path:
            raise FormatError(f"claim {path} given twice", file=file, line=line)
        body = "\n".join(entry["lines"]).strip()
        parent = path.rpartition(".")[0]
        if not parent:
            if by_path:
                raise FormatError(f"second thesis {path}", file=file, line=line)
            entry.update(kind="thesis", text=body)
        else:
            if parent not in by_path:
                raise FormatError(f"claim {path} has no parent {parent}", file=file, line=line)
            label = _LABEL.match(body)
            if not label:
                raise FormatError(f"claim {path}: expected 'Pro:' or 'Con:'", file=file, line=line)
            entry.update(parent=parent, type="supports" if label.group(1) == "Pro" else "attacks",
                         text=label.group(2).strip())
            see = _SEE.match(entry["text"])
            entry["kind"] = "see" if see else "claim"
            if see:
                entry["see"] = see.group(1)
        by_path[path] = entry
        if entry["kind"] != "see":
            entry["id"] = ids.make("claim", path)
    for entry in entries:
        if entry["kind"] == "see":
            target = by_path.get(entry["see"])
            if target is None or target["kind"] == "see":
                raise FormatError(f"'-> See {entry['see']}' names no claim", file=file,
                                  line=entry["line"])
            entry["id"] = target["id"]

    claims, relations = [], []
    for entry in entries:
        if entry["kind"] != "see":
            claim: dict[str, Any] = {"id": entry["id"], "text": unescape(entry["text"])}
            if entry["kind"] == "thesis":
                claim["main"] = True
            claims.append(claim)
        if entry["kind"] != "thesis":
            relations.append({"id": ids.make("relation", "r" + entry["path"]),
                              "from": [entry["id"]], "to": by_path[entry["parent"]]["id"],
                              "type": entry["type"]})
    info = {"title": title or (Path(file).stem if file else claims[0]["text"])}
    warnings: list[FormatWarning] = []
    return Imported(build({"claims": claims, "relations": relations}, info, file), warnings)


def dump(dossier: Dossier, lang: str | None = None) -> str:
    """Kialo text for the pro/con tree rooted at the dossier's main claim.

    Raises :class:`FormatError` when no claim is marked ``main: true``.
    """
    items = {item.id: item for section in ("claims", "demands", "responses", "evidence",
                                           "actions") for item in getattr(dossier, section)}
    root = next((c for c in [*dossier.claims, *dossier.demands] if c.main), None)
    if root is None:
        raise FormatError("Kialo export needs a main claim (main: true) to root the tree")
    children: dict[str, list[tuple[str, str]]] = {}
    for rel in dossier.relations:
        if rel.type.value in ("supports", "attacks") and len(rel.from_) == 1 \
                and rel.from_[0] in items:
            label = "Pro" if rel.type.value == "supports" else "Con"
            children.setdefault(rel.to, []).append((label, rel.from_[0]))

    def text_of(item_id: str) -> str:
        item = items[item_id]
        value = getattr(item, "text", None) or getattr(item, "quote", None) or item.id
        return escape(pick(value, lang))

    title = pick(dossier.info.title, lang) if dossier.info else text_of(root.id)
    lines = [f"Discussion Title: {title}", "", f"1. {text_of(root.id)}"]
    placed = {root.id: "1"}
    # depth-first, children in dossier order; an iterative walk keeps deep trees safe
    pending: list[tuple[str, int]] = [(root.id, 0)]
    paths = {root.id: "1"}
    while pending:
        parent, index = pending.pop()
        kids = children.get(parent, [])
        if index >= len(kids):
            continue
        pending.append((parent, index + 1))
        label, child = kids[index]
        path = f"{paths[parent]}.{index + 1}"
        if child in placed:
            lines.append(f"{path}. {label}: -> See {placed[child]}.")
            continue
        placed[child] = path
        paths[child] = path
        lines.append(f"{path}. {label}: {text_of(child)}")
        pending.append((child, 0))
    return "\n".join(lines) + "\n"
