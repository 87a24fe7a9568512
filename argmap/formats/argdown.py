"""Argdown source: import and export.

Import (:func:`load`) reads the Argdown subset below; what a dossier cannot hold is reported as a
:class:`~argmap.formats.FormatWarning` on the result, never dropped silently.

- Statements ``[Title]: text`` (and untitled paragraphs, named ``Untitled N`` as Argdown does)
  become claims (id: the title as a slug). Further formulations of the same title and the ``note``
  key of ``{...}`` metadata go to ``note``; other metadata keys are warned about.
- Arguments ``<Title>: text`` without a premise-conclusion structure (PCS) become claims tagged
  ``argument``. An argument with a PCS ``(1) ... ---- (n) ...`` becomes a ``supports`` relation
  (id: the argument's title) from the premises of its last inference to its conclusion, linked
  premises included; earlier inferences become relations ``<id>.step-N``; the inference rule
  (``-- rule --``) is the ``scheme`` and the argument's text the ``note``.
- Relations by indentation with ``+ - _`` and the directions ``<+ +> <- -> <_ _>`` become
  ``supports``, ``attacks`` and ``undercuts`` (id ``<source>--<type>--<target>``); ``><``
  (contradiction) becomes two attacks tagged ``contradiction``. An undercut of an argument targets
  the relation(s) that argument stands for. Relations of a reconstructed argument leave from its
  conclusion; an attack on a reconstructed argument is read as an undercut of it (warning); a
  support of one cannot be represented (warning, left out); an undercut of a statement becomes an
  attack (warning).
- ``#tags`` and ``#(tags with spaces)`` become tags (tags at the end of a text leave it, inline
  ones stay); the tag ``#main`` on a statement makes it the main claim (``main: true``); the
  innermost heading a statement is first given under becomes the tag ``section:<heading>``.
- YAML frontmatter between ``===`` lines: ``title`` and ``subTitle`` give the dossier title and
  description; other keys are warned about. Comments (``//``, ``/* */``, ``<!-- -->``) are skipped.

Export (:func:`dump`) writes every argument-like item as ``[id]: text #tags {note: ...}`` (claims
tagged ``argument`` as ``<id>: text``), with the item's kind (unless claim), ``#main`` and statuses
as tags (``#said-refused``, ``#verdict-false``, and a demand's tracked ``said-*``/``done-*`` from
:mod:`argmap.tracking`), followed by its incoming single-premise relations as
``+ [id]`` / ``- [id]``. Supports with linked premises, a scheme, a note, tags, or an undercut that
cannot be written under the argument it leaves from become reconstructed arguments
``<relation id>`` with a PCS, undercuts ``<_ [id]`` lines. Text is written on one line, in one
language (``lang``, else the default fallback). Not
representable: ``rephrases`` and undercuts of attacks that do not leave from an argument (written
as ``//`` comments); the notes and tags of attacks (except a pair of attacks tagged
``contradiction``, written ``><``). A text ending in ``{...}`` with no tags or note after it would
read back as metadata.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import yaml

from ..dossier import Dossier
from ..lang import pick
from ..model import Relation, said_by_demand
from ..tracking import demand_status
from ._argdown_parse import Node, Parsed, Ref, parse
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
    slugify,
)

__all__ = ["NAME", "SUFFIXES", "dump", "dump_report", "escape", "load", "sniff"]

NAME = "argdown"
SUFFIXES = (".argdown", ".ad")


def sniff(text: str) -> str | None:
    """None when the text looks like Argdown, else why not."""
    head = text[:5000]
    if head.lstrip().startswith("===") \
            or re.search(r"^\s*(\[[^\]]+\]|<[^>]+>):", head, re.MULTILINE) \
            or re.search(r"^\s+(<\+|<-|<_|\+>|->|_>|[+\-_])\s+[\[<]", head, re.MULTILINE):
        return None
    return "no Argdown statement '[T]:', argument '<T>:' or relation line found"


def _relation_id(source: str, kind: str, target: str) -> str:
    rid = slugify(f"{source}--{kind}--{target}")
    if len(rid) > 120:
        rid = rid[:100].rstrip("-_.") + "-" + hashlib.sha1(rid.encode()).hexdigest()[:8]
    return rid


def _note(texts: list[str], meta: dict[str, Any]) -> str | None:
    parts = [*texts, *([str(meta["note"])] if "note" in meta else [])]
    return "\n".join(parts) or None


def load(data: bytes | str, file: str | None = None) -> Imported:
    """Read Argdown source into claims and relations (see the module docs).

    >>> d = load("[A]: Soft drugs should be legal.\\n  + [B]: No harm, no ban.\\n").dossier
    >>> [(r.from_, r.type.value, r.to) for r in d.relations]
    [(['b'], 'supports', 'a')]
    """
    parsed = parse(decode(data, file), file)
    return _to_dossier(parsed, file)


def _to_dossier(parsed: Parsed, file: str | None) -> Imported:
    warnings = list(parsed.warnings)
    ids = SlugMaker()
    claims: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    seen: set[tuple[str, tuple[str, ...], str]] = set()

    def tags_of(node: Node, *extra: str) -> list[str]:
        tags = [*extra, *node.tags]
        if node.section:
            tags.append(f"section:{node.section}")
        return list(dict.fromkeys(tags))

    def relate(kind: str, sources: list[str], target: str, rid: str | None = None,
               **fields: Any) -> str | None:
        key = (kind, tuple(sources), target)
        if key in seen or target in sources:
            return None
        seen.add(key)
        rid = rid or ids.make("relation", _relation_id("-".join(sources), kind, target))
        relations.append({"id": rid, "from": sources, "to": target, "type": kind,
                          **{k: v for k, v in fields.items() if v}})
        return rid

    node_id: dict[Ref, str] = {}
    for kind, table in (("s", parsed.statements), ("a", parsed.arguments)):
        for title, node in table.items():
            node_id[(kind, title)] = ids.make(kind, title)
    for title, node in parsed.statements.items():
        tags = tags_of(node)
        claims.append({"id": node_id[("s", title)], "text": node.texts[0] if node.texts else title,
                       "tags": [t for t in tags if t != "main"], "main": "main" in tags,
                       "note": _note(node.texts[1:], node.meta)})
    reconstructed: dict[str, str] = {}  # argument title -> id of its final relation
    for title, node in parsed.arguments.items():
        if node.pcs is None:
            claims.append({"id": node_id[("a", title)],
                           "text": node.texts[0] if node.texts else title,
                           "tags": tags_of(node, "argument"),
                           "note": _note(node.texts[1:], node.meta)})
            continue
        base = node_id[("a", title)]
        for n, (premises, conclusion, rule) in enumerate(node.pcs, 1):
            last = n == len(node.pcs)
            step_id = base if last else ids.make("step", f"{base}.step-{n}")
            rid = relate("supports", list(dict.fromkeys(node_id[p] for p in premises)),
                         node_id[conclusion], step_id,
                         scheme=rule, tags=tags_of(node),
                         note=_note(node.texts, node.meta) if last else None)
            if rid is None:
                warnings.append(FormatWarning(f"argument <{title}> infers a premise from itself",
                                              file, node.line))
        reconstructed[title] = base
        node_id[("a", title)] = node_id[node.pcs[-1][1]]  # its relations leave its conclusion

    undercuts: list[tuple[str, Ref, int]] = []
    for kind, source, target, line in parsed.relations:
        src, tgt = node_id[source], node_id[target]
        on_pcs = target[0] == "a" and target[1] in reconstructed
        if kind == "undercuts":
            undercuts.append((src, target, line))
        elif on_pcs and kind == "attacks":
            warnings.append(FormatWarning(f"attack on reconstructed argument <{target[1]}> read "
                                          "as an undercut of its inference", file, line))
            relate("undercuts", [src], reconstructed[target[1]])
        elif on_pcs:
            warnings.append(FormatWarning(f"{kind} of reconstructed argument <{target[1]}> "
                                          "cannot be represented; left out", file, line))
        elif kind == "contradicts":
            relate("attacks", [src], tgt, tags=["contradiction"])
            relate("attacks", [tgt], src, tags=["contradiction"])
        elif src == tgt:
            warnings.append(FormatWarning(f"'{src}' {kind} itself; left out", file, line))
        else:
            relate(kind, [src], tgt)
    for src, target, line in undercuts:
        if target[0] == "a" and target[1] in reconstructed:
            relate("undercuts", [src], reconstructed[target[1]])
            continue
        tgt = node_id[target]
        aimed = [r["id"] for r in relations if r["from"] == [tgt] and
                 r["type"] in ("supports", "attacks")]
        if target[0] == "s" or not aimed:
            warnings.append(FormatWarning(f"undercut of {target[1]!r}, which stands for no "
                                          "inference: read as an attack", file, line))
            relate("attacks", [src], tgt)
        for rid in aimed:
            relate("undercuts", [src], rid)
    front = parsed.frontmatter
    for key in sorted(set(front) - {"title", "subTitle"}, key=str):
        warnings.append(FormatWarning(f"frontmatter key {key!r} is not supported; ignored", file))
    heading = front.get("title") or (Path(file).stem if file else None)
    info = {"title": str(heading), "description": front.get("subTitle")} if heading else None
    return Imported(build({"claims": claims, "relations": relations}, info, file), warnings)


# --- export ----------------------------------------------------------------------------------

_PLAIN_TAG = re.compile(r"^[\w][\w\-]*$")


def _tag(tag: str) -> str:
    return f"#{tag}" if _PLAIN_TAG.match(tag) else f"#({tag.replace(')', ']')})"


#: The special characters Argdown 2 replaces (``.A.`` becomes ``∀``, ``:smile:`` an emoji):
#: text that happens to contain one is escaped so that it reads back as typed.
_SHORTCODE_NAMES = (
    "A", "E", "O", "P", "->", "<->", "~", "^", "v", "v_", "<>", "[]", "happy", "smile", "smiley",
    "laugh", "lol", "rofl", "joy", "heart", "?", "question", "love", "wink", "shush", "meh",
    "eye-roll", "sad", "disappointed", "scream", "+1", "up", "-1", "down", "think", "star", "y",
    "agree", "n", "disagree")
_SHORTCODES = frozenset(f"{d}{name}{d}" for name in _SHORTCODE_NAMES for d in ".:")
_SPECIAL = re.compile(r"\.[^\s]+?\.|:[^\s]+?:")
_ALWAYS = frozenset("\\[<{#@")  # would start an escape, a title, a mention, metadata or a tag


def escape(text: str) -> str:
    r"""Text as Argdown's parser reads it back unchanged, on one line after ``[id]: ``.

    Backslashes escape what would otherwise be read as syntax: ``[`` and ``<`` (titles and
    references), ``{`` (metadata), ``#`` (tags), ``*`` and ``_`` that would open emphasis, ``//``
    and ``/*`` (comments), ``===`` (frontmatter) and the special characters Argdown replaces.

    >>> escape("(1) [Confirm that] a_b is 10 * 2 // see http://x.org")
    '(1) \\[Confirm that] a\\_b is 10 * 2 \\// see http:\\//x.org'
    """
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        if c in ".:":
            # the lexer reads ".x." and ":x:" as one token, kept as typed unless it is a shortcode
            m = _SPECIAL.match(text, i)
            if m is not None and m.group(0) not in _SHORTCODES:
                out.append(m.group(0))
                i = m.end()
                continue
            out.append("\\" + c if m is not None else c)
        elif c in _ALWAYS or (c in "*_" and not nxt.isspace()) or (c == "/" and nxt in "/*") \
                or (c == "=" and text.startswith("===", i)):
            out.append("\\" + c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _statuses(dossier: Dossier) -> dict[str, list[str]]:
    """Status tags per item: a response's ``said``, a verdict's rating, a demand's tracking."""
    found: dict[str, list[str]] = {}
    for response in dossier.responses:
        # one tag per value (an answer may say different things to different demands)
        found.setdefault(response.id, []).extend(
            f"said-{said.value}" for said in dict.fromkeys(said_by_demand(response).values()))
    for item in [*dossier.claims, *dossier.demands]:
        if item.verdict is not None:
            found.setdefault(item.id, []).append(f"verdict-{slugify(item.verdict.rating)}")
    for demand_id, status in demand_status(dossier).items():
        found.setdefault(demand_id, []).extend([f"said-{status.said.value}",
                                                f"done-{status.done.value}"])
    return found


def dump(dossier: Dossier, lang: str | None = None) -> str:
    """Argdown source for the dossier's argument items and relations (deterministic).

    Use :func:`load` to read it back; :func:`dump_report` also says what was left out.
    """
    return dump_report(dossier, lang).text


#: Fields an Argdown statement holds (the text in one language, tags, the note as metadata).
_KEPT = frozenset({"id", "text", "tags", "note", "main", "said"})
_KEPT_RELATION = frozenset({"id", "from_", "to", "type", "scheme", "note", "tags"})


def dump_report(dossier: Dossier, lang: str | None = None) -> Exported:
    """Argdown source (as :func:`dump`) with what it left out and what it holds.

    ``written`` counts the statements, arguments and relations of the text, as Argdown's own
    parser counts them.
    """
    out: list[str] = []
    left = Tally()
    counts = Tally()
    for section in ("actors", "sources", "events"):
        left.add(section, len(getattr(dossier, section)))
    if dossier.info is not None:
        front = {"title": pick(dossier.info.title, lang)}
        if dossier.info.description is not None:
            front["subTitle"] = pick(dossier.info.description, lang)
        out += ["===", yaml.safe_dump(front, allow_unicode=True, sort_keys=False).rstrip(),
                "===", ""]
        count_fields_left_out([dossier.info], frozenset({"title", "description"}), left)
        count_languages_left_out([dossier.info.title, dossier.info.description], lang, left)
    arguments = {c.id for c in dossier.claims if "argument" in c.tags}
    outgoing: dict[str, list[Relation]] = {}
    undercut: dict[str, list[Relation]] = {}
    for rel in dossier.relations:
        if rel.type.value in ("supports", "attacks"):
            outgoing.setdefault(rel.from_[0], []).append(rel)
        if rel.type.value == "undercuts":
            undercut.setdefault(rel.to, []).append(rel)

    def ref(item_id: str) -> str:
        return f"<{item_id}>" if item_id in arguments else f"[{item_id}]"

    def via_argument(rel: Relation) -> bool:
        """An undercut of ``rel`` can be written under the argument it leaves from."""
        return len(rel.from_) == 1 and rel.from_[0] in arguments \
            and len(outgoing[rel.from_[0]]) == 1

    def as_pcs(rel: Relation) -> bool:
        return rel.type.value == "supports" and (
            len(rel.from_) > 1 or bool(rel.scheme or rel.note or rel.tags)
            or (rel.id in undercut and not via_argument(rel)))

    incoming: dict[str, list[Relation]] = {}
    for rel in dossier.relations:
        if rel.type.value in ("supports", "attacks") and not as_pcs(rel):
            incoming.setdefault(rel.to, []).append(rel)
    # two attacks tagged "contradiction" between the same pair are one "><" line
    contra = {(r.from_[0], r.to): r.id for r in dossier.relations
              if r.type.value == "attacks" and r.tags == ["contradiction"]}
    mirrored = {rid for (a, b), rid in contra.items() if (b, a) in contra}
    written: set[frozenset[str]] = set()
    statuses = _statuses(dossier)
    for section in ("claims", "demands", "responses", "evidence", "actions"):
        for item in getattr(dossier, section):
            kind = [] if section == "claims" else [item.KIND]
            main = ["main"] if getattr(item, "main", False) else []
            tags = [*kind, *main, *item.tags, *statuses.get(item.id, [])]
            if item.id in arguments:
                tags.remove("argument")
            text = getattr(item, "text", None)
            kept = _KEPT
            if text is None:  # a response given only by its words
                text, kept = getattr(item, "quote", None), _KEPT | {"quote"}
            count_fields_left_out([item], kept, left)
            count_languages_left_out([text, item.note], lang, left)
            counts.add("arguments" if item.id in arguments else "statements")
            out.append(_line(ref(item.id), text, list(dict.fromkeys(tags)), item.note,
                             lang))
            for rel in outgoing.get(item.id, []) if item.id in arguments else []:
                for cut in undercut.get(rel.id, []) if via_argument(rel) else []:
                    out.append(f"  <_ {ref(cut.from_[0])}")
                    counts.add("relations")
            for rel in incoming.get(item.id, []):
                sign = "+" if rel.type.value == "supports" else "-"
                pair = frozenset((rel.from_[0], rel.to))
                if rel.id in mirrored:
                    if pair in written:
                        continue
                    written.add(pair)
                    sign = "><"
                elif rel.type.value == "attacks" and (rel.note is not None or rel.tags):
                    left.add("notes and tags of attacks")
                out.append(f"  {sign} {ref(rel.from_[0])}")
                counts.add("relations")
                if rel.type.value == "attacks" and not via_argument(rel):
                    for cut in undercut.get(rel.id, []):
                        out.append(f"    // not representable: {ref(cut.from_[0])} "
                                   "undercuts this attack")
                        left.add("undercuts of attacks")
            out.append("")
    for rel in dossier.relations:
        count_fields_left_out([rel], _KEPT_RELATION, left)
        if rel.type.value == "rephrases":
            out += [f"// not representable: {ref(rel.from_[0])} rephrases {ref(rel.to)}", ""]
            left.add("rephrasings")
        if not as_pcs(rel):
            continue
        count_languages_left_out([rel.note], lang, left)
        counts.add("arguments")
        out.append(_line(f"<{rel.id}>", None, rel.tags, rel.note, lang))
        for cut in undercut.get(rel.id, []):
            out.append(f"  <_ {ref(cut.from_[0])}")
            counts.add("relations")
        out.append("")
        out += [f"({n}) [{premise}]" for n, premise in enumerate(rel.from_, 1)]
        out.append(f"-- {rel.scheme} --" if rel.scheme else "----")
        out += [f"({len(rel.from_) + 1}) [{rel.to}]", ""]
    text = "\n".join(out).rstrip("\n") + "\n"
    return Exported(text, dict(left), {"statements": counts.get("statements", 0),
                                       "arguments": counts.get("arguments", 0),
                                       "relations": counts.get("relations", 0)})


def _line(ref: str, text: Any, tags: list[str], note: Any, lang: str | None) -> str:
    """One element line: ``[id]: text #tags {note: "..."}``, the text on one line and escaped.

    An element without text is written as a bare reference (``[id] #tags``): Argdown refuses a
    definition with nothing after the colon.
    """
    body = escape(" ".join(pick(text, lang).split())) if text is not None else ""
    parts = [f"{ref}:" if body else ref, body]
    parts += [_tag(t) for t in tags]
    if note is not None:
        quoted = yaml.safe_dump(pick(note, lang), width=10**6, allow_unicode=True,
                                default_style='"').strip()
        # braces and slashes escaped so the metadata and comment syntax stay unambiguous
        quoted = quoted.replace("{", "\\x7b").replace("}", "\\x7d").replace("/", "\\x2f")
        parts.append("{note: " + quoted + "}")
    return " ".join(p for p in parts if p)
