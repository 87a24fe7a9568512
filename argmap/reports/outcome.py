"""What was said and what was done about a demand, in the one wording every output shares.

A demand has two axes (:mod:`argmap.tracking`): what the answers said and what was done. Every
output that puts them in words (the brief's demands table, ``argmap status``, ``argmap summary``)
takes them from here, so that no two outputs word the same demand differently.

What was done is worded by what was said before it: only an answer that committed to something
(:data:`argmap.queries.COMMITTING`: accepted, partly accepted) can be *kept* or *broken*. After a
deflection, a refusal, a note taken or silence, the words say what happened ("Delivered, though
not promised", "Not delivered"), never that a promise was kept. The words are the shared keys
``said.<value>``, ``said.overdue``, ``said.not_due``, ``outcome.promise.<done>`` and
``outcome.answer.<done>`` of :mod:`argmap.words`.

>>> outcome_words(Said.accepted, Done.delivered, "en")
('Accepted', 'Kept (delivered)')
>>> outcome_words(Said.deflected, Done.delivered, "en")
('Deflected', 'Delivered, though not promised')
"""

from __future__ import annotations

import datetime as _dt

from ..model import Done, Said
from ..queries import COMMITTING
from ..tracking import DemandStatus
from ..words import word

__all__ = ["demand_outcome", "done_after", "done_words", "outcome_line", "outcome_words",
           "promised", "said_words"]


def promised(said: Said, said_on: _dt.date | None = None, done_on: _dt.date | None = None
             ) -> bool:
    """Whether what was done can be judged as a promise kept or broken: the answer committed
    to something, and what was done is not known to come before it."""
    if said not in COMMITTING:
        return False
    return said_on is None or done_on is None or done_on >= said_on


def said_words(said: Said, lang: str, overdue: bool = False, not_due: bool = False) -> str:
    """What the answers said, in words (``No answer, overdue`` past a deadline, ``No answer
    (none due)`` where no answer was owed)."""
    if said is Said.no_response and overdue:
        return word("said.overdue", lang)
    if said is Said.no_response and not_due:
        return word("said.not_due", lang)
    return word(f"said.{said.value}", lang)


def done_after(done: Done, lang: str, promise: bool) -> str:
    """What was done, in words, after an answer that did (``promise``) or did not commit to it:
    ``Kept (delivered)`` or ``Delivered, though not promised``."""
    return word(f"outcome.{'promise' if promise else 'answer'}.{done.value}", lang)


def done_words(said: Said, done: Done, lang: str, *, promise: bool | None = None) -> str:
    """What was done, in words, after an answer that said ``said`` (``promise`` overrides
    whether that answer counts as a commitment, see :func:`promised`)."""
    return done_after(done, lang, promised(said) if promise is None else promise)


def outcome_words(said: Said, done: Done, lang: str, *, overdue: bool = False,
                  promise: bool | None = None, not_due: bool = False) -> tuple[str, str]:
    """``(said, done)`` in words: the one wording of this pair in every output."""
    return (said_words(said, lang, overdue, not_due),
            done_words(said, done, lang, promise=promise))


def demand_outcome(status: DemandStatus, lang: str) -> tuple[str, str]:
    """``(said, done)`` in words for one demand as it stands (see :func:`outcome_words`)."""
    said_on = status.said_change.date if status.said_change else None
    done_on = status.done_change.date if status.done_change else None
    return outcome_words(status.said, status.done, lang, overdue=status.overdue,
                         promise=promised(status.said, said_on, done_on),
                         not_due=status.no_answer_due)


def outcome_line(status: DemandStatus, lang: str) -> str:
    """The demand's said and done in one line: ``Accepted; Kept (delivered)``."""
    said, done = demand_outcome(status, lang)
    return word("outcome", lang, said=said, done=done)
