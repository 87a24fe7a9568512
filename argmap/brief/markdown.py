"""A brief as Markdown (CommonMark; GitHub shows it as is).

Dossier text is escaped so that it can never turn into markup: ``*``, ``_``, ``[``, ``<`` and
the like get a backslash. Lines end with ``\\n``; the file ends with one newline.
"""

from __future__ import annotations

import re

from .content import OPEN_GROUPS, Brief, Ground
from .phrases import Style
from .sentences import Sentences

__all__ = ["STYLE", "escape", "to_markdown"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")
#: Addresses written as links: web and mail only (never javascript: or data:).
_AUTOLINK = re.compile(r"^(https?://|mailto:)[^\s<>`]*$", re.IGNORECASE)


def escape(text: str) -> str:
    """Backslash every character Markdown could read as markup.

    >>> print(escape("a*b_[c]<d>"))
    a\\*b\\_\\[c\\]\\<d\\>
    """
    return _SPECIAL.sub(r"\\\1", text)


STYLE = Style(escape=escape, strong=lambda s: f"**{s}**", em=lambda s: f"*{s}*",
              link=lambda number, text: text, ref=lambda s: f"*{s}*")


def to_markdown(brief: Brief) -> str:
    """The brief as one Markdown document."""
    s = Sentences(brief.lang, STYLE, {src.number: src.label for src in brief.sources})
    out: list[str] = ["# " + s.title(brief), ""]
    meta = s.meta(brief)
    if meta:
        out += ["  \n".join(meta), ""]

    _heading(out, s, "sec.glance")
    if brief.glance:
        out += ["| " + " | ".join(s.glance_head()) + " |", "|" + " --- |" * 5]
        out += ["| " + " | ".join(s.glance_row(row)) + " |" for row in brief.glance] + [""]
    else:
        out += [s.word("glance.none"), ""]

    _heading(out, s, "sec.position")
    out += [s.holds(brief), ""]
    if brief.position.motion is not None:
        out += [s.standing(brief), ""]
        if brief.position.defeaters:
            out += ["- " + s.against_us(d) for d in brief.position.defeaters] + [""]
        out += [s.tally(brief), ""]
        if brief.position.others:
            out += [s.word("other_main"), ""]
            out += ["- " + s.item(o) for o in brief.position.others] + [""]

    _heading(out, s, "sec.support")
    if not brief.support and not brief.more_support:
        out += [s.word("support.none"), ""]
    if brief.support and brief.more_support:
        out += ["### " + s.word("support.position"), ""]
    for number, ground in enumerate(brief.support, 1):
        _ground(out, s, ground, f"{number}. ", " " * len(f"{number}. "), top=True)
    if brief.support:
        out.append("")
    if brief.more_support:
        out += ["### " + s.word("support.more"), ""]
        for number, root in enumerate(brief.more_support, 1):
            pad = " " * len(f"{number}. ")
            out.append(f"{number}. " + s.root(root))
            for child in root.children:
                _ground(out, s, child, pad + "- ", pad + "  ")
        out.append("")

    _heading(out, s, "sec.counter")
    if not brief.counters:
        out += [s.word("counter.none"), ""]
    for number, counter in enumerate(brief.counters, 1):
        pad = " " * len(f"{number}. ")
        out.append(f"{number}. " + s.counter(counter))
        out += [f"{pad}- " + s.their_ground(g) for g in counter.grounds]
        for target in counter.targets:
            out.append(f"{pad}- " + s.target(target))
            out += [f"{pad}  - " + s.undercut(u) for u in target.undercut_by]
        out += [f"{pad}- " + s.rebuttal(r) for r in counter.rebuttals]
        verdict, flag = s.verdict(counter)
        out.append(f"{pad}- " + (s.style.strong(verdict) if flag else s.style.em(verdict)))
    if brief.counters:
        out.append("")

    _heading(out, s, "sec.answers")
    if not brief.answers:
        out += [s.word("answers.none"), ""]
    for answer in brief.answers:
        out += ["### " + s.answered(answer), ""]
        words = s.words(answer)
        if words is not None:
            out += ["> " + words, ""]
        out += ["- " + line for line in s.details(answer)] + [""]

    _heading(out, s, "sec.open")
    if not brief.open:
        out += [s.word("open.none"), ""]
    for group in OPEN_GROUPS:
        items = brief.open_in(group)
        if items:
            out += ["### " + s.group(group), ""]
            for item in items:
                out.append("- " + s.open_demand(item))
                last = s.last_answer(item)
                if last:
                    out.append("  - " + last)
            out.append("")

    _heading(out, s, "sec.timeline")
    if not brief.timeline:
        out += [s.word("timeline.none"), ""]
    for day in brief.timeline:
        out.append("- " + s.day(day.date, day.precision))
        out += ["  - " + s.dated(e) for e in day.entries]
    if brief.timeline:
        out.append("")

    _heading(out, s, "sec.method")
    for paragraph in s.method(brief):
        out += [paragraph, ""]

    _heading(out, s, "sec.sources")
    for source in brief.sources:
        url = None
        if source.url:
            url = f"<{source.url}>" if _AUTOLINK.match(source.url) else escape(source.url)
        out.append(f"{source.number}. " + s.source(source, url))
    return "\n".join(out).rstrip("\n") + "\n"


def _heading(out: list[str], s: Sentences, key: str) -> None:
    out += ["## " + s.word(key), ""]


def _ground(out: list[str], s: Sentences, ground: Ground, marker: str, indent: str,
            top: bool = False) -> None:
    out.append(marker + s.ground(ground, top))
    for child in ground.children:
        _ground(out, s, child, indent + "- ", indent + "  ")
