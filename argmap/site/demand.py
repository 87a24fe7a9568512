"""A demand's page: what was asked, by whom, of whom and when; where it stands; every change on
the said and done axes with its date and source; the answers quoted in full; what was done; the
arguments that bear on it; and what else is on file from the same place.

*The same place* is a citation of the same source at the same locator (the same paragraph of an
article, the same section of a petition page); a source cited by only a few items (at most
:data:`FEW`, such as one petition's page) counts whole, whatever the locator.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..dates import precision_of
from ..l10n import format_date, format_figure_value
from ..model import (
    Action,
    Citation,
    Event,
    Evidence,
    Item,
    Relation,
    Response,
    Source,
    said_by_demand,
)
from ..tracking import StatusChange
from .context import Site
from .html import Table, badge, day, esc, flag, label, link, names, out_link
from .pages import apart_badge
from .tally import Case, DemandRef
from .words import word

__all__ = ["FEW", "LONG_QUOTE", "CaseIndex", "DemandPage"]

#: A source cited by at most this many items is "one place" as a whole.
FEW = 40
#: Quotes longer than this are folded (the reader opens them).
LONG_QUOTE = 700


@dataclass
class CaseIndex:
    """Lookups a case's demand pages share, built once per case."""

    case: Case
    by_place: dict[tuple[str, str | None], list[str]] = field(default_factory=dict)
    by_source: dict[str, list[str]] = field(default_factory=dict)
    relations: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    touching: dict[str, list[str]] = field(default_factory=dict)  # item -> its relations' ids

    @classmethod
    def of(cls, case: Case) -> CaseIndex:
        index = cls(case)
        for item in case.items.values():
            for cite in item.cites:
                index.by_place.setdefault((cite.source, cite.locator), []).append(item.id)
                index.by_source.setdefault(cite.source, []).append(item.id)
        for rel in case.dossier.relations:
            for premise in rel.from_:
                index.relations.setdefault(rel.to, []).append(("in", rel.type.value, premise))
                index.relations.setdefault(premise, []).append(("out", rel.type.value, rel.to))
            for end in dict.fromkeys((rel.to, *rel.from_)):
                index.touching.setdefault(end, []).append(rel.id)
        return index

    def related(self, item: Item, skip: set[str]) -> list[str]:
        """Items on file from the same place as ``item`` (see the module docstring)."""
        found: set[str] = set()
        for cite in item.cites:
            found.update(self.by_place.get((cite.source, cite.locator), ()))
            whole = self.by_source.get(cite.source, ())
            if len(whole) <= FEW:
                found.update(whole)
        at = getattr(item, "at", None)
        if at is not None:
            found.add(at)
        found -= skip
        case = self.case
        keep = [i for i in found if (other := case.find(i)) is not None
                and other.KIND not in ("actor", "source")]
        return sorted(keep, key=lambda i: (_date_or_as_of(case, i), case.order[i]))


def _date_or_as_of(case: Case, item_id: str) -> _dt.date:
    """An item's date, else the as-of date of its figure, else the earliest date (sort key)."""
    date = case.date_of(item_id)
    if date is None:
        date = getattr(getattr(case.get(item_id), "value", None), "as_of", None)
    return date or _dt.date.min


class DemandPage:
    """Writes the demand pages of one case."""

    def __init__(self, site: Site, case: Case) -> None:
        self.site, self.case, self.lang = site, case, site.lang
        self.index = CaseIndex.of(case)
        self.root = "../../../"
        self.sources: list[str] = []

    # --- small pieces ----------------------------------------------------------------------

    def t(self, value: object) -> str:
        return esc(self.site.text(value))

    def actors(self, ids: Iterable[str]) -> str:
        return names([self.site.actor_link(self.root, a) for a in ids], self.lang)

    def when(self, item_id: str) -> str:
        case = self.case
        precision = precision_of(case.get(item_id), case.find)
        return day(case.date_of(item_id), self.lang, precision)

    def source(self, source_id: str) -> str:
        """A source's title (a link to its address when it has one), noted for the list."""
        if source_id not in self.sources:
            self.sources.append(source_id)
        found = self.case.find(source_id)
        if not isinstance(found, Source):
            return esc(source_id)
        return f'<a href="#src-{esc(source_id)}">{esc(self.site.text(found.title))}</a>'

    def quote(self, text: object, cls: str = "quote") -> str:
        shown = self.site.text(text)
        if not shown:
            return ""
        block = f'<blockquote class="{cls}">{esc(shown)}</blockquote>'
        if len(shown) > LONG_QUOTE:
            head = esc(shown[:240].rsplit(" ", 1)[0]) + "…"
            return (f'<details class="long"><summary><span class="gist">{head}</span> '
                    f'<span class="open">{esc(word("demand.full", self.lang))}</span></summary>'
                    f"{block}</details>")
        return block

    def cites(self, cites: list[Citation]) -> str:
        if not cites:
            return ""
        rows = []
        for cite in cites:
            where = self.source(cite.source)
            if cite.locator:
                where += f' <span class="loc">{esc(cite.locator)}</span>'
            rows.append(f"<li>{where}{self.quote(cite.quote, 'cited')}</li>")
        return f'<ul class="cites">{"".join(rows)}</ul>'

    def other_languages(self, text: object) -> str:
        if not isinstance(text, dict):
            return ""
        shown = self.site.text(text)
        rows = [f'<p lang="{esc(code)}" class="other-lang">{esc(value)}</p>'
                for code, value in sorted(text.items()) if value and value != shown]
        return "".join(rows)

    # --- sections --------------------------------------------------------------------------

    def history(self, ref: DemandRef) -> str:
        lang, case = self.lang, self.case
        if not ref.status.history:
            return f'<p class="muted">{esc(word("demand.no_history", lang))}</p>'

        def row(change: StatusChange) -> list[str]:
            item = case.get(change.item)
            text = (self.site.text(item.quote) or self.site.text(item.text)
                    if isinstance(item, Response) else self.site.text(getattr(item, "text", "")))
            short = text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "…"
            where = self.source(change.source) if change.source else ""
            if change.locator:
                where += f' <span class="loc">{esc(change.locator)}</span>'
            return [f'<td class="date">{self.when(change.item)}</td>',
                    f'<td class="axis">{esc(word("axis." + change.axis, lang))}</td>',
                    f"<td>{badge(change.axis, change.value.value, lang)}</td>",
                    f"<td>{esc(short)}</td>", f"<td>{where}</td>"]

        columns = [word(k, lang) for k in ("col.date", "col.axis", "col.value", "col.what",
                                           "col.source")]
        return Table(columns, row).html(ref.status.history, cls="history")

    def answers(self, ref: DemandRef) -> str:
        lang, case = self.lang, self.case
        if not ref.status.answers:
            return f'<p class="muted">{esc(word("demand.no_answers", lang))}</p>'
        out = []
        for answer_id in ref.status.answers:
            answer = case.response(answer_id)
            said = said_by_demand(answer)  # what it said to each demand it answers
            head = (f'<h3 class="answer-head"><span class="date">{self.when(answer_id)}</span> '
                    f"{self.actors(answer.by)} {badge('said', said[ref.id].value, lang)}</h3>")
            parts = [head]
            others = [(d, s.value) for d, s in said.items() if d != ref.id]
            if others:
                parts.append(self.also_answers(others))
            if answer.quote is not None:
                parts.append(self.quote(answer.quote))
                parts.append(self.other_languages(answer.quote))
            if answer.text is not None:
                parts.append(f'<p class="ours">{label("demand.our_words", lang)}'
                             f'{self.t(answer.text)}</p>')
            if answer.note is not None:
                parts.append(f'<p class="note">{self.t(answer.note)}</p>')
            parts.append(self.cites(answer.cites))
            out.append(f'<article class="answer" id="{esc(answer_id)}">{"".join(parts)}</article>')
        return "".join(out)

    def also_answers(self, others: list[tuple[str, str]]) -> str:
        """The other demands an answer answers, each with what it said to that one (an answer
        may deflect one demand and refuse another: the badge above is what it said to this
        demand, these are what it said to the others)."""
        rows = []
        for demand_id, said in others:
            text = self.site.text(self.case.demand(demand_id).text)
            short = text if len(text) <= 120 else text[:117].rsplit(" ", 1)[0] + "…"
            href = self.root + self.site.demand_path(self.case, demand_id)
            rows.append(f"<li>{badge('said', said, self.lang)} {link(href, short)}</li>")
        return (f'<div class="also">{label("demand.also_answers", self.lang)}'
                f'<ul>{"".join(rows)}</ul></div>')

    def actions(self, ref: DemandRef) -> str:
        lang, case = self.lang, self.case
        out = []
        for action_id in ref.status.actions:
            action = case.get(action_id)
            assert isinstance(action, Action)
            effects = []
            for effect in action.effects:
                target = case.find(effect.on)
                what = self.site.text(getattr(target, "text", None) or getattr(target, "quote", None)
                                      or effect.on)
                effects.append(f"<li>{esc(word('effect.' + effect.type.value, lang))}"
                               f"{esc(word('colon', lang))}{esc(what)}</li>")
            out.append(f'<article class="action"><h3><span class="date">{self.when(action_id)}'
                       f"</span> {self.actors(action.by)}</h3><p>{self.t(action.text)}</p>"
                       f'<ul class="effects">{"".join(effects)}</ul>{self.cites(action.cites)}'
                       "</article>")
        return "".join(out)

    def gist(self, item_id: str, limit: int = 100) -> str:
        """An item's words (its text, quote or title), cut at a space to about ``limit``."""
        item = self.case.find(item_id)
        text = self.site.text(getattr(item, "text", None) or getattr(item, "quote", None)
                              or getattr(item, "title", None) or item_id)
        return text if len(text) <= limit else text[:limit - 3].rsplit(" ", 1)[0] + "…"

    def relation(self, rel: Relation) -> str:
        """What a relation joins: its premises, the kind of relation, what it bears on."""
        premises = " + ".join(esc(self.gist(p)) for p in rel.from_)
        kind = esc(word(f"rel.out.{rel.type.value}", self.lang))
        return f'{premises} <span class="rel">{kind}</span> {esc(self.gist(rel.to))}'

    def arguments(self, demand: str) -> str:
        lang, case = self.lang, self.case
        rows = []
        for direction, kind, other in self.index.relations.get(demand, ()):
            item = case.find(other)
            text = self.site.text(getattr(item, "text", None) or getattr(item, "quote", None)
                                  or other)
            rows.append(f"<li><span class=\"rel\">{esc(word(f'rel.{direction}.{kind}', lang))}"
                        f"</span> {esc(text)}</li>")
        return f'<ul class="args">{"".join(rows)}</ul>' if rows else ""

    def related(self, demand: Item, ref: DemandRef) -> str:
        # what the page shows already: its answers, actions and arguments
        skip = {demand.id, *ref.status.answers, *ref.status.actions,
                *self.index.touching.get(demand.id, ())}
        rows = []
        for item_id in self.index.related(demand, skip):
            item = self.case.get(item_id)
            text = self.site.text(getattr(item, "title", None) or getattr(item, "text", None)
                                  or getattr(item, "quote", None))
            extra = ""
            when = self.when(item_id)
            if isinstance(item, Relation):  # no date of its own: an argument, not an event
                text, when = "", ""
                extra = self.relation(item)
            if isinstance(item, Evidence) and item.value is not None:
                figure = item.value
                shown = format_figure_value(figure.number, figure.unit, self.lang)
                extra = f' <span class="figure">{esc(shown)}</span>'
                text = ("" if text.replace(",", "") == f"{figure.number} {figure.unit}"
                        or text == shown else text)
                if self.case.date_of(item_id) is None and figure.as_of is not None:
                    when = esc(word("as_of", self.lang, date=format_date(
                        figure.as_of, self.lang, figure.as_of_precision.value)))
            note = self.site.text(getattr(item, "note", None))
            sources = ""
            if isinstance(item, Event):
                sources = ", ".join(self.source(c.source) for c in item.cites[1:])
            kind = esc(word(f"kind.{item.KIND}", self.lang))
            date = f'<span class="date">{when}</span> ' if when else ""
            rows.append(f'<li>{date}<span class="kind">{kind}</span> {esc(text)}{extra}'
                        + (f" — {sources}" if sources else "")
                        + (self.quote(note, "note") if note else "") + "</li>")
        return f'<ul class="related">{"".join(rows)}</ul>' if rows else ""

    def source_list(self) -> str:
        rows = []
        for source_id in self.sources:
            source = self.case.find(source_id)
            if not isinstance(source, Source):
                continue
            bits = [out_link(source.url, self.site.text(source.title))]
            for extra in (source.author, source.publisher):
                if extra is not None:
                    bits.append(self.t(extra))
            if source.date is not None:
                bits.append(day(source.date, self.lang, source.precision.value))
            rows.append(f'<li id="src-{esc(source_id)}">{" · ".join(bits)}</li>')
        return f'<ol class="sources">{"".join(rows)}</ol>' if rows else ""

    # --- the page --------------------------------------------------------------------------

    def page(self, ref: DemandRef) -> str:
        """The HTML of one demand's page."""
        self.sources = []
        site, lang, case, root = self.site, self.lang, self.case, self.root
        demand = case.demand(ref.id)
        status = ref.status
        text = site.text(demand.text)
        made = esc(word("demand.made", lang, date="\x00d", by="\x00b", to="\x00t"))
        made = (made.replace("\x00d", self.when(ref.id)).replace("\x00b", self.actors(status.by))
                .replace("\x00t", self.actors(status.to)))
        flags = []
        if status.overdue:
            flags.append(flag("overdue", lang))
        if status.on_paper:
            flags.append(flag("on_paper", lang))
        parts = [f'<h1 class="demand">{esc(text)}</h1>', self.other_languages(demand.text),
                 f'<p class="made">{made}</p>']
        if demand.deadline is not None:
            parts.append(f'<p>{esc(word("demand.deadline", lang, date=format_date(demand.deadline, lang)))}</p>')
        if case.turned_away(ref.id):
            parts.append(f'<p class="notice">{esc(word("demand.turned_away", lang))}</p>')
        if case.no_answer_due(ref.id):
            parts.append(f'<p class="notice">{esc(word("demand.not_due", lang))}</p>')
        said = apart_badge(ref, lang) or badge("said", status.said.value, lang)
        judged = ("" if case.judged_on is None else f'<p class="muted">'
                  f'{esc(word("case.judged", lang, date=format_date(case.judged_on, lang)))}</p>')
        parts.append(f'<section class="now" aria-labelledby="now"><h2 id="now">'
                     f'{esc(word("demand.status", lang))}</h2><p class="badges">'
                     f"{said} {badge('done', status.done.value, lang)} {' '.join(flags)}</p>"
                     f"{judged}</section>")
        if demand.tags:
            tags = " ".join(f'<span class="tag">{esc(t)}</span>' for t in demand.tags)
            parts.append(f'<p class="tags">{label("demand.tags", lang)}{tags}</p>')
        if demand.note is not None:
            parts.append(f'<p class="note">{self.t(demand.note)}</p>')
        sections = [
            ("demand.history", self.history(ref)),
            ("demand.answers", self.answers(ref)),
            ("demand.actions", self.actions(ref)),
            ("demand.arguments", self.arguments(ref.id)),
            ("demand.cited", self.cites(demand.cites)),
            ("demand.related", self.related(demand, ref)),
        ]
        for key, body in sections:
            if body:
                parts.append(f"<section><h2>{esc(word(key, lang))}</h2>{body}</section>")
        sources = self.source_list()
        if sources:
            parts.append(f'<section><h2>{esc(word("demand.sources", lang))}</h2>{sources}</section>')
        crumbs = [(root + "index.html", word("nav.home", lang)),
                  (root + site.case_path(case), site.title(case))]
        return site.frame.page(root, text if len(text) <= 80 else text[:77] + "…",
                               "\n".join(parts), crumbs)
