"""Kialo plain-text exports: import and export of a pro/con claim tree.

Kialo has written two layouts. The classic one (older exports, read by most tools)::

    Discussion Title: Should hate speech be illegal?

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas than to simply ban them.
    1.1.1. Pro: ...
    1.6.4. Pro: -> See 1.2.2.

and the one Kialo writes now, with the title on its own line, every claim's label (``Thesis``,
``Pro``, ``Con``) on a line of its own, indented by depth, its text on the lines below, and the
links of the claims' ``[n]`` footnotes in a ``Sources:`` list at the end::

    Discussion Name:
    Is health care a human right?

    1. Thesis:
    Health care should be considered a human right.

      1.1. Con:
      Declaring healthcare a human right is economically unfeasible [1].

    Sources:
    [1] https://example.org/costs
    "A quoted excerpt of the source"

Import reads both: each numbered claim is a claim (id: its dotted path, ``1.1.2``); the thesis
(``1.``) is the main claim; ``Pro`` gives a ``supports`` and ``Con`` an ``attacks`` relation (id
``r<path>``) from the claim to its parent (the path minus its last part). ``-> See <path>`` adds
no claim: it relates the claim at ``<path>`` to the line's parent a second time. A claim's text
may run over several lines; the classic layout's backslash escapes (``\\(`` ``\\)``) are undone.
Each ``[n]`` of the ``Sources:`` list becomes a source (``source-<n>``, its link the ``url``)
and each claim whose text holds the marker ``[n]`` cites it (``locator: "[n]"``, the quoted
excerpt as the citation's ``quote``); the text keeps its markers. The title becomes the
dossier's.

Export (:func:`dump`) writes the layout Kialo writes now (``layout="classic"`` gives the other):
the tree of single-premise supports and attacks rooted at the main claim, numbered in dossier
order; a claim reached a second time is written ``-> See <path>.``; the sources a claim cites
(with their quotes) are numbered in order and listed under ``Sources:``, the claim's text
carrying the ``[n]`` markers. Kialo has no undercuts, rephrasings or linked premises: those
relations, and items not reachable from the main claim, are left out, and
:func:`dump_report` counts them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..dossier import Dossier
from ..errors import FormatError
from ..lang import pick
from ._common import (
    Exported,
    FormatWarning,
    Imported,
    SlugMaker,
    Tally,
    build,
    count_fields_left_out,
    count_languages_left_out,
    decode,
)

__all__ = [
    "LAYOUTS", "NAME", "SUFFIXES", "dump", "dump_report", "escape", "load", "sniff", "unescape",
]

NAME = "kialo"
SUFFIXES = (".txt",)
LAYOUTS = ("discussion", "classic")

_TITLE = re.compile(r"^Discussion Title:\s*(.*)$")
_NAME = re.compile(r"^Discussion Name:\s*(.*)$")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(.*)$")
_HEADER = re.compile(r"^(\s*)(\d+(?:\.\d+)*)\.\s+(Thesis|Pro|Con):\s*(.*)$")
_LABEL = re.compile(r"^(Pro|Con):\s*(.*)$", re.DOTALL)
_SEE = re.compile(r"^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LINK = re.compile(r"\[[^\]\n]*\]\([^)\s]*\)")
_SOURCE = re.compile(r"^\[(\d+)\]\s+(.*)$")
_MARKER = re.compile(r"\[(\d+)\]")

_CLASSIC = "the classic layout ('Discussion Title: <title>', then '1. <thesis>')"
_DISCUSSION = ("the 'Discussion Name:' layout ('Discussion Name:', the title on the next line, "
               "then '1. Thesis:')")


def sniff(text: str) -> str | None:
    """None when the text looks like a Kialo export (either layout), else why not."""
    for line in text.splitlines():
        if not line.strip():
            continue
        if _TITLE.match(line) or _NAME.match(line) or re.match(r"^1\.\s", line):
            return None
        return "does not start with 'Discussion Title:', 'Discussion Name:' or '1. '"
    return "empty file"


def unescape(text: str) -> str:
    r"""Undo Kialo's Markdown escapes: ``\(`` -> ``(``."""
    return _UNESCAPE.sub(r"\1", text)


def escape(text: str) -> str:
    r"""Escape ``\``, ``(`` and ``)`` outside Markdown links, as classic exports write them."""
    out, last = [], 0
    for link in _LINK.finditer(text):
        out.append(_escape_plain(text[last:link.start()]))
        out.append(link.group(0))
        last = link.end()
    out.append(_escape_plain(text[last:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


# --- import ----------------------------------------------------------------------------------


def load(data: bytes | str, file: str | None = None) -> Imported:
    """Read a Kialo text export (either layout) into claims, pro/con relations and sources.

    >>> d = load("Discussion Title: T\\n\\n1. Thesis\\n1.1. Pro: Because\\n").dossier
    >>> [(r.from_, r.type.value, r.to) for r in d.relations]
    [(['1.1'], 'supports', '1')]
    >>> d = load("Discussion Name:\\nT\\n\\n1. Thesis:\\nA\\n\\n  1.1. Con:\\n  B\\n").dossier
    >>> [(r.from_, r.type.value, r.to) for r in d.relations]
    [(['1.1'], 'attacks', '1')]
    """
    lines = decode(data, file).splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and _NAME.match(lines[first]):
        title, entries, sources = _discussion_layout(lines, first, file)
        layout = _DISCUSSION
    else:
        title, entries = _classic_layout(lines, file)
        sources, layout = {}, _CLASSIC
    if not entries:
        raise FormatError(f"no numbered claims (expected {layout})", file=file)
    return _to_dossier(title, entries, sources, layout, file)


def _classic_layout(lines: list[str], file: str | None) -> tuple[str | None, list[dict]]:
    """Title and claims of a classic export; labels are read later from the claim text."""
    title: str | None = None
    entries: list[dict[str, Any]] = []  # path, line, lines
    for number, line in enumerate(lines, 1):
        if not entries and title is None and (m := _TITLE.match(line)):
            title = m.group(1).strip()
            continue
        m = _NUMBERED.match(line)
        if m:
            entries.append({"path": m.group(1), "line": number, "lines": [m.group(2)]})
        elif entries:
            entries[-1]["lines"].append(line)
        elif line.strip():
            raise FormatError(f"text before the first numbered claim; expected {_CLASSIC} or "
                              f"{_DISCUSSION}", file=file, line=number)
    for entry in entries:
        body = unescape("\n".join(entry.pop("lines")).strip())
        label = _LABEL.match(body)
        if label and "." in entry["path"]:
            entry["label"], body = label.group(1), label.group(2).strip()
        entry["text"] = body
    return title, entries


def _discussion_layout(lines: list[str], first: int,
                       file: str | None) -> tuple[str | None, list[dict], dict[str, dict]]:
    """Title, claims and sources of an export in the ``Discussion Name:`` layout."""
    title = _NAME.match(lines[first]).group(1).strip() or None  # type: ignore[union-attr]
    at = first + 1
    if title is None:
        while at < len(lines) and not lines[at].strip():
            at += 1
        if at < len(lines) and not _HEADER.match(lines[at]):
            title = lines[at].strip()
            at += 1
    entries: list[dict[str, Any]] = []
    sources: dict[str, dict[str, Any]] = {}
    source: dict[str, Any] | None = None
    in_sources = False
    for number in range(at + 1, len(lines) + 1):
        line = lines[number - 1]
        if in_sources:
            m = _SOURCE.match(line)
            if m:
                source = sources[m.group(1)] = {"link": m.group(2).strip(), "lines": [],
                                                "line": number}
            elif source is not None:
                source["lines"].append(line)
            elif line.strip():
                raise FormatError("expected '[n] <link>' under 'Sources:'", file=file,
                                  line=number)
            continue
        if line.strip() == "Sources:" and not line[:1].isspace():
            in_sources = True
            continue
        m = _HEADER.match(line)
        if m:
            entries.append({"path": m.group(2), "line": number, "label": m.group(3),
                            "indent": len(m.group(1)),
                            "lines": [m.group(4)] if m.group(4).strip() else []})
        elif entries:
            entries[-1]["lines"].append(line)
        elif line.strip():
            raise FormatError(f"text before the first numbered claim; expected {_DISCUSSION}",
                              file=file, line=number)
    for entry in entries:
        indent = entry.pop("indent")
        body = [line[indent:] if line[:indent].isspace() else line.lstrip()
                for line in entry.pop("lines")]
        entry["text"] = "\n".join(line.rstrip() for line in body).strip()
        if entry["label"] == "Thesis":
            entry["label"] = None
    for found in sources.values():
        quote = "\n".join(found.pop("lines")).strip()
        if len(quote) >= 2 and quote[0] == quote[-1] == '"':
            quote = quote[1:-1]
        found["quote"] = quote or None
    return title, entries, sources


def _to_dossier(title: str | None, entries: list[dict[str, Any]],
                sources: dict[str, dict[str, Any]], layout: str, file: str | None) -> Imported:
    ids = SlugMaker()
    warnings: list[FormatWarning] = []
    by_path: dict[str, dict[str, Any]] = {}
    for entry in entries:
        path, line = entry["path"], entry["line"]
        if path in by_path:
            raise FormatError(f"claim {path} given twice", file=file, line=line)
        parent = path.rpartition(".")[0]
        label = entry.get("label")
        if not parent:
            if by_path:
                raise FormatError(f"second thesis {path}", file=file, line=line)
            entry["kind"] = "thesis"
        else:
            if parent not in by_path:
                raise FormatError(f"claim {path} has no parent {parent}", file=file, line=line)
            if label is None:
                raise FormatError(f"claim {path}: expected 'Pro:' or 'Con:' ({layout})",
                                  file=file, line=line)
            entry.update(parent=parent, type="supports" if label == "Pro" else "attacks")
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

    source_items, source_id = [], {}
    for n, found in sources.items():
        sid = source_id[n] = ids.make("source", f"source-{n}")
        link = unescape(found["link"])
        item: dict[str, Any] = {"id": sid, "title": link, "kind": "website"}
        if re.match(r"^https?://", link):
            item["url"] = link
        source_items.append(item)
    claims, relations = [], []
    cited: set[str] = set()
    for entry in entries:
        if entry["kind"] != "see":
            claim: dict[str, Any] = {"id": entry["id"], "text": entry["text"]}
            if entry["kind"] == "thesis":
                claim["main"] = True
            cites = []
            for n in dict.fromkeys(_MARKER.findall(entry["text"])):
                if n in source_id:
                    cited.add(n)
                    cite = {"source": source_id[n], "locator": f"[{n}]"}
                    if sources[n]["quote"]:
                        cite["quote"] = sources[n]["quote"]
                    cites.append(cite)
            if cites:
                claim["cites"] = cites
            claims.append(claim)
        if entry["kind"] != "thesis":
            relations.append({"id": ids.make("relation", "r" + entry["path"]),
                              "from": [entry["id"]], "to": by_path[entry["parent"]]["id"],
                              "type": entry["type"]})
    unused = [n for n in sources if n not in cited]
    if unused:
        warnings.append(FormatWarning(
            f"{len(unused)} source(s) no claim's text marks ([{unused[0]}]...): kept as "
            "sources no claim cites", file, sources[unused[0]]["line"]))
    info = {"title": title or (Path(file).stem if file else claims[0]["text"])}
    sections = {"claims": claims, "relations": relations, "sources": source_items}
    return Imported(build(sections, info, file), warnings)


# --- export ----------------------------------------------------------------------------------


def dump(dossier: Dossier, lang: str | None = None, layout: str = "discussion") -> str:
    """Kialo text for the pro/con tree rooted at the dossier's main claim.

    Raises :class:`FormatError` when no claim is marked ``main: true``.
    """
    return dump_report(dossier, lang, layout).text


#: Fields a Kialo claim holds: its text (in one language) and, as footnotes, its citations.
_KEPT = frozenset({"id", "text", "main", "cites"})


def dump_report(dossier: Dossier, lang: str | None = None,
                layout: str = "discussion") -> Exported:
    """Kialo text (as :func:`dump`) with what it left out, by kind and count."""
    if layout not in LAYOUTS:
        raise FormatError(f"unknown Kialo layout {layout!r}; known: {', '.join(LAYOUTS)}")
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

    # depth-first, children in dossier order; an iterative walk keeps deep trees safe
    order: list[tuple[str, str, str | None, str | None]] = [("1", root.id, None, None)]
    placed = {root.id: "1"}
    pending: list[tuple[str, int]] = [(root.id, 0)]
    while pending:
        parent, index = pending.pop()
        kids = children.get(parent, [])
        if index >= len(kids):
            continue
        pending.append((parent, index + 1))
        label, child = kids[index]
        path = f"{placed[parent]}.{index + 1}"
        if child in placed:
            order.append((path, child, label, placed[child]))
            continue
        placed[child] = path
        order.append((path, child, label, None))
        pending.append((child, 0))

    sources = {s.id: s for s in dossier.sources}
    notes: dict[str, tuple[int, Any, Any]] = {}  # source id -> (number, source, first citation)

    def text_of(item_id: str) -> str:
        item = items[item_id]
        value = getattr(item, "text", None) or getattr(item, "quote", None) or item.id
        text = pick(value, lang)
        if layout == "classic":
            return escape(text)
        for cite in item.cites:
            if cite.source not in sources:
                continue
            if cite.source not in notes:  # one footnote number per source, in order of use
                notes[cite.source] = (len(notes) + 1, sources[cite.source], cite)
            n = notes[cite.source][0]
            marker = cite.locator if cite.locator and _MARKER.fullmatch(cite.locator) else None
            if marker is not None and marker in text:
                text = text.replace(marker, f"\0{n}\0", 1)  # renumbered below, in one pass
            else:
                text = f"{text} \0{n}\0"
        return re.sub("\0(\\d+)\0", r"[\1]", text)

    title = pick(dossier.info.title if dossier.info else root.text, lang)
    lines = ([f"Discussion Title: {title}", ""] if layout == "classic"
             else ["Discussion Name:", title, ""])
    for path, item_id, role, see in order:
        body = f"-> See {see}." if see is not None else text_of(item_id)
        if layout == "classic":
            lines.append(f"{path}. {role}: {body}" if role else f"{path}. {body}")
            continue
        pad = "  " * path.count(".")
        lines.append(f"{pad}{path}. {role or 'Thesis'}:")
        lines += [f"{pad}{line}".rstrip() for line in body.split("\n")]
        lines.append("")
    if notes:
        lines.append("Sources:")
        for n, source, cite in notes.values():
            lines.append(f"[{n}] {escape(source.url or pick(source.title, lang))}")
            if cite.quote is not None:
                lines.append('"' + pick(cite.quote, lang) + '"')
    text = "\n".join(lines).rstrip("\n") + "\n"
    kept = _KEPT if layout == "discussion" else _KEPT - {"cites"}
    return Exported(text, _left_out(dossier, items, placed, lang, set(notes), kept),
                    {"claims": len(placed), "relations": len(order) - 1,
                     "sources": len(notes)})


def _left_out(dossier: Dossier, items: dict[str, Any], placed: dict[str, str],
              lang: str | None, cited: set[str], kept: frozenset[str]) -> dict[str, int]:
    """What a Kialo export leaves out of the dossier, by kind."""
    left = Tally()
    left.add("actors", len(dossier.actors))
    left.add("events", len(dossier.events))
    left.add("sources no written claim cites",
             sum(s.id not in cited for s in dossier.sources))
    for section in ("claims", "demands", "responses", "evidence", "actions"):
        outside = [i for i in getattr(dossier, section) if i.id not in placed]
        left.add(f"{section} outside the main claim's tree", len(outside))
    written = [items[i] for i in placed]
    count_fields_left_out(written, kept, left)
    for item in written:
        text = getattr(item, "text", None) or getattr(item, "quote", None)
        count_languages_left_out([text, *(c.quote for c in item.cites)], lang, left)
    for rel in dossier.relations:
        single = len(rel.from_) == 1
        if rel.type.value not in ("supports", "attacks"):
            left.add(f"{rel.type.value} relations")
        elif not single:
            left.add(f"{rel.type.value} relations with linked premises")
        elif rel.to not in placed:
            left.add(f"{rel.type.value} relations outside the tree")
        elif rel.tags or rel.note is not None or rel.scheme or rel.cites:
            left.add("tags, notes, schemes or citations of relations")
    return dict(left)
