"""The lines of each section, shared by Markdown and HTML: each method returns one line (or
paragraph) of text already in the output format; the renderers only arrange them in blocks."""

from __future__ import annotations

import datetime as _dt

from .cites import SourceEntry
from .content import AnswerOnRecord, Brief, Counter, Entry, FollowUp, Ground, OpenDemand, Target
from ..model import Said
from ..queries import ON_PAPER
from ..text import shorten
from ..l10n import format_date
from ..lang import same_language
from .words import Raw, label, term
from .phrases import Phrases

__all__ = ["COMMITMENT", "DEMAND_WIDTH", "LINE_WIDTH", "REF_WIDTH", "Sentences"]

#: What an answer commits the other side to: nothing (an answer on paper only), part of the
#: demand, or the demand; an answer nobody has rated yet is to be read before it is counted
#: either way; refusals and silence need no such note.
COMMITMENT: dict[Said, str] = {**dict.fromkeys(ON_PAPER, "none"),
                               Said.partially_accepted: "partial", Said.accepted: "full",
                               Said.not_yet_rated: "unrated"}

#: Columns an item's text is cut to where it is named rather than quoted in full.
REF_WIDTH = 72
#: Columns of an item's text in the key dates and under open demands.
LINE_WIDTH = 110
#: Columns of a demand's text under an answer.
DEMAND_WIDTH = 140


class Sentences(Phrases):
    """The lines of a brief in one language and format."""

    def _sep(self) -> str:
        return label("list_sep", self.lang)

    @staticmethod
    def _then(lead: str, rest: str) -> str:
        # "Rebuttal: x" but "再反論：x": no space after a full-width colon
        return lead + ("" if lead.endswith(("：", "、", "。")) else " ") + rest

    def _when(self, entry: Entry) -> str:
        return format_date(entry.date, self.lang, entry.precision)

    def _heading_case(self, text: str) -> str:
        # "the Federation, 18 July 2019" opens a heading: "The Federation, ..."
        return text[:1].upper() + text[1:] if same_language(self.lang, "en") else text

    # --- top ------------------------------------------------------------------------------

    def title(self, brief: Brief) -> str:
        """The document title."""
        return self.say("title", side=brief.side_name)

    def meta(self, brief: Brief) -> list[str]:
        """The case, the as-of date and the date deadlines are judged on."""
        lines = [self.say("case", title=brief.case)] if brief.case else []
        if brief.as_of is not None:
            lines.append(self.say("as_of", date=format_date(brief.as_of, self.lang)))
        if brief.judged_on is not None:
            lines.append(self.say("judged_on", date=format_date(brief.judged_on, self.lang)))
        return lines

    # --- 1. position ----------------------------------------------------------------------

    def holds(self, brief: Brief) -> str:
        """``Jichiroren holds: “...” (source)``; the "no main position" note without a motion."""
        motion = brief.position.motion
        if motion is None:
            return self.say("no_position", side=brief.side_name)
        who = self._sep().join(motion.who) or brief.side_name
        text = (self.style.strong(self.quote(motion.text)) + self.byline(motion, who=False) + " "
                + self.cites(motion.cites))
        return self.say("holds", who=who, text=Raw(text))

    def standing(self, brief: Brief) -> str:
        """Whether the position stands (grounded, then preferred semantics)."""
        standing = brief.position.standing
        if standing is None or not standing.available or standing.grounded is None:
            return self.word("semantics.missing")
        parts = [self.word(f"stands.{standing.grounded}")]
        if standing.preferred is not None:
            parts.append(self.word(f"preferred.{standing.preferred}"))
        return self.word("sentence_sep").join(parts)

    def tally(self, brief: Brief) -> str:
        """How many supporting and counter-arguments are on file, and how many lack a reply."""
        return self.say("tally", support=len(brief.support), counter=len(brief.counters),
                        open=len(brief.unrebutted))

    # --- 2. support -----------------------------------------------------------------------

    def ground(self, ground: Ground, top: bool = False) -> str:
        """One supporting item (bold at the top level), or a pointer to where it was shown."""
        line = self.seen(ground.entry) if ground.repeated else self.item(ground.entry, bold=top)
        if ground.joint:
            others = self._sep().join(self.quote(text) for text in ground.joint)
            line += " " + self.style.em(self.say("jointly", others=Raw(others)))
        return line

    # --- 3. counter-arguments -------------------------------------------------------------

    def counter(self, counter: Counter) -> str:
        """The counter-argument itself."""
        return self.item(counter.entry, bold=True)

    def target(self, target: Target) -> str:
        """What it goes against: a point, or the inference from a premise to a point."""
        if target.how == "undercuts":
            return self.say("against.inference", premise=Raw(self.quote(target.premise or "")),
                            target=Raw(self.quote(target.text)))
        return self.say("against", target=Raw(self.quote(target.text)))

    def undercut(self, entry: Entry) -> str:
        """A rebuttal that disputes one attack (an undercut of it)."""
        return self._then(self.word("rebuttal.undercut"), self.item(entry))

    def rebuttal(self, entry: Entry) -> str:
        """A rebuttal of the counter-argument itself."""
        return self._then(self.word("rebuttal"), self.item(entry))

    def mutual(self, counter: Counter) -> str | None:
        """"Only the point it attacks contests it in return", when that is all there is."""
        return self.word("mutual") if counter.mutual and not counter.rebuttals else None

    def flag(self, counter: Counter) -> str | None:
        """The "prepare a reply" flag of a counter-argument without a rebuttal."""
        return self.style.strong("⚠ " + self.word("prepare")) if counter.unrebutted else None

    # --- 4. answers -----------------------------------------------------------------------

    def said(self, said: Said) -> str:
        """What an answer amounts to: the status every output names it by, and for the side
        that can hold them to it whether it commits to anything (``Deflected (no commitment)``,
        ``Accepted — a commitment on record``); not yet escaped."""
        name = term(f"said.{said.value}", self.lang)
        commitment = COMMITMENT.get(said)
        if commitment is None:
            return name
        return label(f"commitment.{commitment}", self.lang).format(said=name)

    def answered(self, answer: AnswerOnRecord) -> str:
        """``MIC, 23 July 2019: Accepted — a commitment on record``."""
        entry = answer.entry
        said = " / ".join(self.said(s) for s in dict.fromkeys(answer.said))
        return self._heading_case(self.say(
            "answered", who=self._sep().join(entry.who), date=self._when(entry), said=said))

    def words(self, answer: AnswerOnRecord) -> str:
        """The words of the answer, quoted, with their source."""
        return self.quote(answer.entry.text) + " " + self.cites(answer.entry.cites)

    def details(self, answer: AnswerOnRecord) -> list[str]:
        """The demands it answered, its gist in our words, and what was done afterwards."""
        if len(set(answer.said)) == 1:
            out = [self.say("to_demand", demand=Raw(self.item(d, width=DEMAND_WIDTH)))
                   for d in answer.demands]
        else:  # it said different things to its demands: say which to which
            out = [self.say("to_demand.said", demand=Raw(self.item(d, width=DEMAND_WIDTH)),
                            said=Raw(self.style.strong(self.term(f"said.{s.value}"))))
                   for d, s in zip(answer.demands, answer.said)]
        if answer.entry.summary:
            out.append(self.say("summary", text=answer.entry.summary))
        out += [self.followup(answer, f) for f in answer.followups]
        if not answer.followups:
            out.append(self.word("no_followup"))
        return out

    def followup(self, answer: AnswerOnRecord, follow: FollowUp) -> str:
        """"They said this on D1, then on D2 X did Y — kept / contradicted" with its source."""
        action = follow.entry
        verdict = self.style.strong(self.term(f"done.{follow.done.value}"))
        return self.say("then", said_date=self._when(answer.entry), did_date=self._when(action),
                        who=self._sep().join(action.who), action=action.text.rstrip(".。"),
                        verdict=Raw(verdict)) + " " + self.cites(action.cites)

    # --- 5. open demands ------------------------------------------------------------------

    def group(self, group: str) -> str:
        """The heading of one group of open demands (see ``OPEN_GROUPS``); answered on paper is
        the term the maps and the page use."""
        if group == "on_paper":
            return self._heading_case(self.term("on_paper"))
        return self.word(f"open.{group}")

    def open_demand(self, item: OpenDemand) -> str:
        """The demand, when and to whom it was made, its deadline, how long it has waited."""
        entry = item.entry
        made = "made" if entry.date is not None else "made.undated"
        parts = [self.say(made, date=self._when(entry), to=self._sep().join(item.to))]
        if item.deadline is not None:
            parts.append(self.term("deadline", date=format_date(item.deadline, self.lang)))
        if item.waiting is not None:
            parts.append(self.say("waiting", days=item.waiting))
        return (self.style.strong(self.style.escape(entry.text)) + " — "
                + self.word("part_sep").join(parts)
                + " " + self.cites(entry.cites))

    def last_answer(self, item: OpenDemand) -> str | None:
        """The latest answer to a demand answered only on paper."""
        if item.last is None or item.last_said is None:
            return None
        last = item.last
        return (self.say("last_answer", date=self._when(last),
                         said=self.said(item.last_said))
                + " " + self.quote(shorten(last.text, LINE_WIDTH)) + " " + self.cites(last.cites))

    # --- 6. key dates ---------------------------------------------------------------------

    def day(self, date: _dt.date, precision: str) -> str:
        """The date heading one day of the key dates."""
        return self.style.strong(self.date(date, precision))

    def dated(self, entry: Entry) -> str:
        """One item of a day: its kind, its text shortened, who, and its sources."""
        return (self.term(f"kind.{entry.kind}") + self.word("colon")
                + self.item(entry, date=False, kind=False, width=LINE_WIDTH))

    # --- sources --------------------------------------------------------------------------

    def source(self, source: SourceEntry, url: str | None) -> str:
        """One entry of the source list: label, title, author, publisher, date, address
        (``url`` is the address already written in the output format)."""
        parts = [self.style.strong(self.style.escape(source.label)) + " — "
                 + self.style.escape(source.title.rstrip(". 。"))]
        for extra in (source.author, source.publisher):
            if extra and extra != source.title:
                parts.append(self.style.escape(extra.rstrip(". 。")))
        if source.date:
            parts.append(self.date(_dt.date.fromisoformat(source.date), source.precision))
        if url:
            parts.append(url)
        return self.word("source_sep").join(parts) + self.word("source_end")
