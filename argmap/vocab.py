"""The vocabularies of a dossier: the values each kind, status and relation field may take.

Each is a ``str`` enum with explicit values, so files and JSON hold the plain words.
"""

from __future__ import annotations

from enum import Enum

__all__ = [
    "WRITABLE_SAID", "ActionKind", "ActorKind", "Done", "EffectType", "EventKind", "EvidenceKind",
    "Precision", "RelationType", "Said", "SourceKind"
]


class ActorKind(str, Enum):
    """What sort of body an actor is. A ``group`` is people acting together without being a body
    (protesters, residents, parents): its name is plural unless the actor says otherwise."""

    union = "union"
    government = "government"
    ministry = "ministry"
    agency = "agency"
    municipality = "municipality"
    federation = "federation"
    council = "council"
    media = "media"
    expert = "expert"
    person = "person"
    group = "group"
    other = "other"


class Precision(str, Enum):
    """How much of a date is known: ``2018-02-01`` with ``month`` precision means February 2018."""

    day = "day"
    month = "month"
    year = "year"


class SourceKind(str, Enum):
    """What sort of document a source is."""

    article = "article"
    newspaper = "newspaper"
    official_document = "official_document"
    statement = "statement"
    law = "law"
    survey = "survey"
    website = "website"
    book = "book"
    dataset = "dataset"
    other = "other"


class EventKind(str, Enum):
    """What sort of dated happening an event is."""

    meeting = "meeting"
    request = "request"
    notice = "notice"
    statement = "statement"
    legislation = "legislation"
    amendment = "amendment"
    decision = "decision"
    publication = "publication"
    press = "press"
    survey = "survey"
    hearing = "hearing"
    other = "other"


class Said(str, Enum):
    """What an answer amounts to. ``no_response`` is derived by tracking, never written.

    ``not_yet_rated`` is an answer on file that nobody has judged yet (PolitiFact's "Not Yet
    Rated"), as importers write for answers they copy without reading them: it is answered, but
    neither on paper only nor a commitment, until someone rates it.
    """

    no_response = "no_response"
    not_yet_rated = "not_yet_rated"
    acknowledged = "acknowledged"
    deflected = "deflected"
    under_consideration = "under_consideration"
    partially_accepted = "partially_accepted"
    accepted = "accepted"
    refused = "refused"


#: The values a written response may carry (everything but the derived ``no_response``).
WRITABLE_SAID = tuple(s for s in Said if s is not Said.no_response)
_WRITABLE_VALUES = tuple(s.value for s in WRITABLE_SAID)


class Done(str, Enum):
    """What actually happened about a demand, judged on actions (derived by tracking)."""

    unrated = "unrated"
    committed = "committed"
    in_progress = "in_progress"
    stalled = "stalled"
    delivered = "delivered"
    partially_delivered = "partially_delivered"
    not_delivered = "not_delivered"
    reversed = "reversed"


class EvidenceKind(str, Enum):
    """What sort of support a piece of evidence is."""

    statistic = "statistic"
    survey = "survey"
    document = "document"
    press_report = "press_report"
    expert_opinion = "expert_opinion"
    incident = "incident"
    testimony = "testimony"


class ActionKind(str, Enum):
    """What sort of thing an actor did."""

    notice = "notice"
    amendment = "amendment"
    legislation = "legislation"
    contract = "contract"
    decision = "decision"
    campaign = "campaign"
    survey = "survey"
    system = "system"
    statement = "statement"
    other = "other"


class EffectType(str, Enum):
    """How an action bears on a demand, an answer or a claim.

    Each maps to one value of the *done* axis of a demand (see :mod:`argmap.tracking`).
    """

    commits = "commits"
    progresses = "progresses"
    stalls = "stalls"
    fulfils = "fulfils"
    partially_fulfils = "partially_fulfils"
    fails = "fails"
    contradicts = "contradicts"
    reverses = "reverses"


class RelationType(str, Enum):
    """Argument relations between items. ``undercuts`` targets another relation."""

    supports = "supports"
    attacks = "attacks"
    undercuts = "undercuts"
    rephrases = "rephrases"
