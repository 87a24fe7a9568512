"""A plain-text summary of a dossier: counts per kind, the date range, every demand and its answers.

This is what ``argmap summary`` prints and what ``argmap build`` prints before it draws the maps.
Each demand's said and done are in the words every output shares (:mod:`.outcome`). An answer's
own words appear in quotation marks only when they are its ``quote`` (verbatim from the source,
credited to it); its ``text`` is the writer's summary and is shown as such ("in our words").
"""

from __future__ import annotations

import datetime as _dt

from ..dates import date_range, date_text, precision_of
from ..dossier import Dossier
from ..lang import pick
from ..model import Demand, Response, on_record, said_for
from ..brief.words import clip
from ..text import shorten
from ..tracking import demand_status
from ..words import word
from .outcome import outcome_line, said_words

__all__ = ["summary_text"]

#: Columns an answer's words are cut to.
WORDS_WIDTH = 70


def _precision(dossier: Dossier, item_id: str) -> str:
    return precision_of(dossier.get(item_id), dossier.find)


def _credit(answer: Response) -> str:
    """``(jichiroren-2020, ¶47)``: the source the answer is on record in, by its id."""
    source, locator = on_record(answer)
    if source is None:
        return ""
    return " (" + ", ".join([source] + ([locator] if locator else [])) + ")"


def _words(answer: Response, lang: str) -> str:
    """What the answer said in words: its quote, quoted and credited; else its text as ours."""
    if answer.quote is not None and answer.cites:
        quoted = word("quote", lang, text=clip(pick(answer.quote, lang), WORDS_WIDTH))
        return f" — {quoted}{_credit(answer)}"
    if answer.text is not None:
        ours = word("our_words", lang, text=clip(pick(answer.text, lang), WORDS_WIDTH))
        return f" — {ours}"
    return ""


def summary_text(dossier: Dossier, lang: str = "en") -> str:
    """Counts per kind, the date range, and every demand with the answers it got, in date order,
    in the words of ``lang`` (dates stay ISO, cut to their precision; ids stay as written)."""
    def say(key: str, **fields: object) -> str:
        return word(f"report.summary.{key}", lang, (), **fields)

    undated, names_sep = word("undated", lang), word("names_sep", lang)
    lines: list[str] = []
    title = pick(dossier.info.title, lang) if dossier.info else "dossier"
    lines.append(f"{title}")
    counts = say("list_sep").join(say(f"n.{section}", n=n)
                                  for section, n in dossier.counts().items() if n)
    lines.append(say("items", n=len(dossier), counts=counts))
    span = date_range(dossier)
    if span is not None:
        (first, first_id), (last, last_id) = span
        lines.append(say("dates", start=date_text(first, _precision(dossier, first_id)),
                         end=date_text(last, _precision(dossier, last_id))))
    statuses = demand_status(dossier, today=_dt.date.max)
    lines.append("")
    lines.append(say("demands", n=len(statuses)))
    for demand_id, status in statuses.items():
        demand = dossier.get(demand_id)
        assert isinstance(demand, Demand)
        made = date_text(status.made, _precision(dossier, demand_id), undated)
        to = names_sep.join(dossier.actor_name(a, lang) for a in status.to)
        lines.append(say("demand", made=made, id=demand_id, to=to,
                         text=shorten(pick(demand.text, lang), 90)))
        lines.append("    " + say("now", outcome=outcome_line(status, lang)))
        for answer_id in status.answers:
            answer = dossier.get(answer_id)
            assert isinstance(answer, Response)
            when = date_text(dossier.date_of(answer_id), _precision(dossier, answer_id), undated)
            by = names_sep.join(dossier.actor_name(a, lang) for a in answer.by)
            said = said_words(said_for(answer, demand_id), lang)
            lines.append("    " + say("answer", date=when, by=by, said=said,
                                    words=_words(answer, lang)))
        if status.done_change is not None:
            change = status.done_change
            when = date_text(change.date, _precision(dossier, change.item), undated)
            lines.append("    " + say("last_act", item=change.item, date=when))
    return "\n".join(lines) + "\n"
