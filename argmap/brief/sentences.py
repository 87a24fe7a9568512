"""The lines of each section, shared by Markdown and HTML: each method returns one line (or
paragraph) of text already in the output format; the renderers only arrange them in blocks."""

from __future__ import annotations

import datetime as _dt

from ..model import Said
from ..queries import COMMITTING, ON_PAPER
from ..reports.outcome import done_after
from ..l10n import format_date
from ..lang import same_language
from .cites import SourceEntry
from .content import (
    AnswerOnRecord, Brief, Counter, Entry, FollowUp, GlanceRow, Ground, OpenDemand, StandsAgainst,
    Target
)
from .phrases import Phrases
from .words import Raw, clip, label, term

__all__ = ["COMMITMENT", "DEMAND_WIDTH", "GLANCE_WIDTH", "LINE_WIDTH", "REF_WIDTH", "Sentences"]

#: What an answer commits the other side to: nothing (an answer on paper only), part of the
#: demand, or the demand; an answer nobody has rated yet is to be read before it is counted
#: either way; refusals and silence need no such note.
COMMITMENT: dict[Said, str] = {**dict.fromkeys(ON_PAPER, "none"),
                               **{s: "full" for s in COMMITTING},
                               Said.partially_accepted: "partial", Said.not_yet_rated: "unrated"}

#: Columns an item's text is cut to where it is named rather than shown in full.
REF_WIDTH = 72
#: Columns of an item's text in the key dates and under open demands.
LINE_WIDTH = 110
#: Columns of a demand's text under an answer.
DEMAND_WIDTH = 140
#: Columns of a demand's text in the demands table.
GLANCE_WIDTH = 90


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
        """The case, the as-of date, and the date deadlines are judged on (only when a demand
        has one) or days without an answer counted to (only when the brief counts some)."""
        lines = [self.say("case", title=brief.case)] if brief.case else []
        if brief.as_of is not None:
            lines.append(self.say("as_of", date=format_date(brief.as_of, self.lang)))
        if brief.judged_on is not None:
            day = format_date(brief.judged_on, self.lang)
            if brief.deadlines:
                lines.append(self.say("judged_on", date=day))
            elif any(o.waiting is not None for o in brief.open):
                lines.append(self.say("counted_on", date=day))
        return lines

    # --- the demands table ------------------------------------------------------------------

    def glance_head(self) -> list[str]:
        """The headings of the demands table."""
        return [self.word(f"glance.{c}") for c in ("date", "demand", "to", "said", "done")]

    def glance_row(self, row: GlanceRow) -> list[str]:
        """One demand: when, what (cut short), to whom, what was said, what was done."""
        entry = row.entry
        return [self.date(entry.date, entry.precision),
                self.style.escape(clip(entry.text, GLANCE_WIDTH)),
                self.style.escape(self._sep().join(row.to)),
                self.style.escape(row.said), self.style.escape(row.done)]

    # --- 1. position ----------------------------------------------------------------------

    def holds(self, brief: Brief) -> str:
        """``Jichiroren holds: ... (source)``, the verb agreeing with who holds it; the "no main
        position" note without a motion. The position is the writer's wording: never quoted."""
        motion = brief.position.motion
        if motion is None:
            return self.say("no_position", side=brief.side_name)
        who = self._sep().join(motion.who) or brief.side_name
        plural = motion.plural if motion.who else brief.side_plural
        text = (self.style.strong(self.style.escape(motion.text)) + self.byline(motion, who=False)
                + " " + self.cites(motion.cites))
        return self._heading_case(
            self.say("holds.plural" if plural else "holds", who=who, text=Raw(text)))

    def standing(self, brief: Brief) -> str:
        """Whether the position stands, in plain words (the method is explained at the end)."""
        standing = brief.position.standing
        if standing is None or not standing.available or standing.grounded is None:
            return self.word("position.unknown")
        if standing.grounded == "out":
            return self.count("position.falls", len(brief.position.defeaters))
        if standing.grounded == "undec":
            return self.word("position.contested")
        attacked = any(t.id == brief.motion for c in brief.counters for t in c.targets)
        return self.word("position.stands" if attacked else "position.unattacked")

    def against_us(self, item: StandsAgainst) -> str:
        """An argument that stands against the position, and whether anything replies to it."""
        note = self.word("against_us.replied" if item.replied else "against_us.none")
        return self.item(item.entry, status=False) + " — " + self.style.strong(note)

    def tally(self, brief: Brief) -> str:
        """How many supporting and counter-arguments are on file, and how many need a reply."""
        grounds = sum(not g.repeated for g in brief.support) + sum(
            not g.repeated for root in brief.more_support for g in root.children)
        line = self.say("tally", support=Raw(self.count("n.support", grounds)),
                        counter=Raw(self.count("n.counter", len(brief.counters))))
        if brief.counters:
            line += self.word("sentence_sep") + self.count("need_reply", len(brief.unrebutted))
        return line

    # --- 2. support -----------------------------------------------------------------------

    def ground(self, ground: Ground, top: bool = False) -> str:
        """One supporting item (bold at the top level), or a pointer to where it was shown."""
        line = self.seen(ground.entry) if ground.repeated else self.item(ground.entry, bold=top)
        if ground.joint:
            others = self._sep().join(self.ref(text) for text in ground.joint)
            line += " (" + self.say("jointly", others=Raw(others)) + ")"
        return line

    def root(self, ground: Ground) -> str:
        """A position or demand of ours heading its own grounds: its kind, then the item."""
        return (self.term(f"kind.{ground.entry.kind}") + self.word("colon")
                + self.item(ground.entry, bold=True, kind=False))

    # --- 3. counter-arguments -------------------------------------------------------------

    def counter(self, counter: Counter) -> str:
        """The counter-argument itself (where it stands is said by :meth:`verdict`)."""
        return self.item(counter.entry, bold=True, status=False)

    def target(self, target: Target) -> str:
        """What it goes against: a point, or the step from a premise to a point."""
        if target.how == "undercuts":
            return self.say("against.inference", premise=Raw(self.ref(target.premise or "")),
                            target=Raw(self.ref(target.text)))
        return self.say("against", target=Raw(self.ref(target.text)))

    def undercut(self, entry: Entry) -> str:
        """A rebuttal that disputes one attack (an undercut of it)."""
        return self._then(self.word("rebuttal.undercut"), self.item(entry))

    def rebuttal(self, entry: Entry) -> str:
        """A rebuttal of the counter-argument itself."""
        return self._then(self.word("rebuttal"), self.item(entry))

    def their_ground(self, entry: Entry) -> str:
        """A ground given for the counter-argument."""
        return self._then(self.word("their_grounds"), self.item(entry))

    def verdict(self, counter: Counter) -> tuple[str, bool]:
        """Where the counter-argument stands, in plain words, and whether that is a flag (it
        still needs a reply). Never both answered and "no reply on file"."""
        state = counter.state
        only_mutual = counter.mutual and not counter.rebuttals and not any(
            t.undercut_by for t in counter.targets)
        if state == "answered":
            return self.word("counter.answered.mutual" if only_mutual
                             else "counter.answered"), False
        if state == "unanswered" and counter.mutual:
            return "⚠ " + self.word("counter.unanswered.mutual"), True
        return "⚠ " + self.word(f"counter.{state}"), True

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

    def words(self, answer: AnswerOnRecord) -> str | None:
        """The answer's own words, quoted, with the source they are credited to; ``None`` when
        the dossier does not have them verbatim."""
        if answer.entry.quote is None:
            return None
        return self.quoted(answer.entry)

    def details(self, answer: AnswerOnRecord) -> list[str]:
        """The demands it answered, its gist in our words, the arguments about it, and what was
        done afterwards."""
        if len(set(answer.said)) == 1:
            out = [self.say("to_demand", demand=Raw(self.item(d, width=DEMAND_WIDTH,
                                                              status=False)))
                   for d in answer.demands]
        else:  # it said different things to its demands: say which to which
            out = [self.say("to_demand.said", demand=Raw(self.item(d, width=DEMAND_WIDTH,
                                                                   status=False)),
                            said=Raw(self.style.strong(self.term(f"said.{s.value}"))))
                   for d, s in zip(answer.demands, answer.said)]
        entry = answer.entry
        if entry.text:
            # the sources follow the quote; without one, they follow our words
            out.append(self.ours(entry.text)
                       + ("" if entry.quote is not None else " " + self.cites(entry.cites)))
        out += [self._then(self.word("replied_by"), self.item(r)) for r in answer.replies]
        out += [self._then(self.word("backed_by"), self.item(b)) for b in answer.backing]
        out += [self.followup(answer, f) for f in answer.followups]
        if not answer.followups:
            out.append(self.word("no_followup"))
        return out

    def followup(self, answer: AnswerOnRecord, follow: FollowUp) -> str:
        """"Then, on D2, X: Y — kept / delivered, though not promised" with its source: kept or
        broken only when the answer committed to it."""
        action = follow.entry
        verdict = self.style.strong(self.style.escape(
            done_after(follow.done, self.lang, follow.promise)))
        who = self._sep().join(action.who)
        text = action.text.rstrip(".。")
        if action.date is not None and action.date == answer.entry.date:
            line = self.say("then.same_day", who=who, action=text, verdict=Raw(verdict))
        else:
            line = self.say("then", did_date=self._when(action), who=who, action=text,
                            verdict=Raw(verdict))
        return line + " " + self.cites(action.cites)

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
        """The latest answer to an open demand that has one: what it said, and its words
        (quoted, when the dossier has them verbatim) or our summary of it."""
        if item.last is None or item.last_said is None:
            return None
        last = item.last
        head = self.say("last_answer", date=self._when(last), said=self.said(item.last_said))
        if last.quote is not None:
            return head + self.word("colon") + self.quoted(last, LINE_WIDTH)
        if last.text:
            return (head + self.word("full_stop") + self.ours(clip(last.text, LINE_WIDTH)) + " "
                    + self.cites(last.cites))
        return head + " " + self.cites(last.cites)

    # --- 6. key dates ---------------------------------------------------------------------

    def day(self, date: _dt.date, precision: str) -> str:
        """The date heading one day of the key dates."""
        return self.style.strong(self.date(date, precision))

    def dated(self, entry: Entry) -> str:
        """One item of a day: its kind (an answer's with what it said), its text shortened, who,
        and its sources; no argument status: this is the chronology."""
        kind = self.term(f"kind.{entry.kind}")
        if entry.kind == "response" and entry.said is not None:
            kind += " (" + self.term(f"said.{entry.said.value}") + ")"
        return (kind + self.word("colon")
                + self.item(entry, date=False, kind=False, width=LINE_WIDTH, status=False))

    # --- the method -----------------------------------------------------------------------

    def method(self, brief: Brief) -> list[str]:
        """How the arguments are weighed and the record read, once, in plain words; with the
        technical verdict on the position."""
        out = [self.word("method.how"), self.word("method.circle")]
        standing = brief.position.standing
        if brief.position.motion is not None:
            if standing is None or not standing.available or standing.grounded is None:
                verdict = self.word("semantics.missing")
            else:
                verdict = self.word(f"stands.{standing.grounded}")
                if standing.preferred is not None:
                    verdict += self.word("sentence_sep") + self.word(
                        f"preferred.{standing.preferred}")
            out.append(self.say("method.verdict", verdict=Raw(verdict)))
        out += [self.word("method.said"), self.word("method.quotes")]
        return out

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
