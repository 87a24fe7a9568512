"""The items of a case, as pydantic models.

A dossier file lists actors, sources, events, claims, demands, responses, evidence, actions and
relations. Every item has an ``id`` (a short slug, unique across the whole dossier) and may cite
the places in its sources it comes from. Text fields take a plain string or a language map
(``{ja: ..., en: ...}``); :func:`argmap.lang.pick` chooses a language.

The models check the shape of each item only. Whether references resolve, ids are unique and dates
are in order is checked on the whole dossier (:mod:`argmap.dossier`), because that needs every file.
"""

from __future__ import annotations

import datetime as _dt
import re
from enum import Enum
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
    field_validator,
)
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9][a-z0-9\-_.]*$"

#: An item id: lower-case letters, digits, ``-``, ``_`` and ``.``, starting with a letter or digit.
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=200)]

#: A language code such as ``ja``, ``en`` or ``pt-br``.
LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$")]

#: The longest string any field takes; longer ones are refused rather than drawn or stored.
MAX_STRING = 100_000

_LANG_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$")


def _one_text_error(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """Turn the union's several errors into one message a user can act on."""
    try:
        return handler(value)
    except ValidationError:
        texts = [value] if isinstance(value, str) else (
            list(value.values()) if isinstance(value, dict) else [])
        for text in texts:
            if isinstance(text, str) and len(text) > MAX_STRING:
                raise PydanticCustomError(
                    "text_too_long", "text too long: {length} characters (at most {limit})",
                    {"length": f"{len(text):,}", "limit": f"{MAX_STRING:,}"}) from None
        if isinstance(value, dict):
            for key, text in value.items():
                if not isinstance(key, str) or not _LANG_RE.match(key):
                    raise PydanticCustomError(
                        "text_language", "'{key}' is not a language code (like ja, en, pt-br)",
                        {"key": str(key)}) from None
                if not isinstance(text, str):
                    raise PydanticCustomError(
                        "text_value", "the '{key}' text must be a string", {"key": key}) from None
        raise PydanticCustomError(
            "text_type", "expected text: a string or a language map like {ja: ..., en: ...}"
        ) from None


#: A plain string or a map from language code to string.
Text = Annotated[str | dict[LangCode, str], WrapValidator(_one_text_error)]


def _listify(value: Any) -> Any:
    """Let a single id stand for a one-item list (``to: mic`` means ``to: [mic]``)."""
    return [value] if isinstance(value, str) else value


#: One id or a list of ids; always a list once validated.
SlugList = Annotated[
    list[Slug],
    BeforeValidator(_listify),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": SLUG_PATTERN},
                {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}},
            ]
        }
    ),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_enum_values=False,
                              str_max_length=MAX_STRING, allow_inf_nan=False)


# --- vocabularies ----------------------------------------------------------------------------


class ActorKind(str, Enum):
    """What sort of body an actor is."""

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
    """What an answer amounts to. ``no_response`` is derived by tracking, never written."""

    no_response = "no_response"
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


# --- parts -----------------------------------------------------------------------------------


class Citation(_Model):
    """Where in a source an item comes from: the source, a locator (``¶92``, ``p. 3``), a quote."""

    source: Slug
    locator: str | None = None
    quote: Text | None = None


class Figure(_Model):
    """A number with its unit, the date it holds for, and its scope (``Kochi``, ``50+``)."""

    number: int | float
    unit: str
    as_of: _dt.date | None = None
    scope: Text | None = None
    measure: Text | None = Field(default=None, description="What is counted, e.g. 'issuance rate'.")


class Verdict(_Model):
    """A fact-check rating of a claim (exported as ClaimReview)."""

    rating: str
    by: Slug | None = None
    date: _dt.date | None = None
    note: Text | None = None
    source: Slug | None = None


class Effect(_Model):
    """What an action does to a demand, a response or a claim."""

    on: Slug
    type: EffectType
    note: Text | None = None


# --- items -----------------------------------------------------------------------------------


class Item(_Model):
    """Fields every item has."""

    KIND: ClassVar[str] = "item"

    id: Slug
    tags: list[str] = Field(default_factory=list)
    note: Text | None = None
    cites: list[Citation] = Field(default_factory=list)


class Actor(Item):
    """A union, ministry, agency, council, newspaper, expert or person."""

    KIND: ClassVar[str] = "actor"

    name: Text
    short: Text | None = Field(default=None, description="A short name or abbreviation.")
    kind: ActorKind
    parent: Slug | None = Field(default=None, description="The body this one is a division of.")
    url: str | None = None


class Source(Item):
    """A document items are taken from, and where in it (``locator``)."""

    KIND: ClassVar[str] = "source"

    title: Text
    kind: SourceKind = SourceKind.other
    author: Text | None = None
    publisher: Text | None = None
    date: _dt.date | None = None
    precision: Precision = Field(default=Precision.day, description="How much of the date is known")
    url: str | None = None
    locator: str | None = None
    language: LangCode | None = None


class Event(Item):
    """A dated happening: a meeting, a request, a notice, a law passed, a press report."""

    KIND: ClassVar[str] = "event"

    date: _dt.date
    precision: Precision = Field(default=Precision.day, description="How much of the date is known")
    until: _dt.date | None = Field(default=None, description="Last day of a multi-day event.")
    kind: EventKind
    title: Text
    participants: SlugList = Field(default_factory=list)
    place: Text | None = None


class Claim(Item):
    """Something asserted by an actor, on a date or at an event."""

    KIND: ClassVar[str] = "claim"

    text: Text
    by: SlugList = Field(default_factory=list)
    date: _dt.date | None = None
    precision: Precision = Field(default=Precision.day, description="How much of the date is known")
    at: Slug | None = Field(default=None, description="The event where it was put.")
    main: bool = Field(default=False, description="The holder's main position in this case.")
    verdict: Verdict | None = None


class Demand(Claim):
    """A claim addressed to someone who is asked to do or confirm something."""

    KIND: ClassVar[str] = "demand"

    to: Annotated[SlugList, Field(min_length=1)]
    deadline: _dt.date | None = None


class Response(Item):
    """An answer to one or more demands, with the words used and what they amount to."""

    KIND: ClassVar[str] = "response"

    by: Annotated[SlugList, Field(min_length=1)]
    to: Annotated[SlugList, Field(min_length=1)]
    said: Annotated[Said, Field(json_schema_extra={"enum": [s.value for s in WRITABLE_SAID]})]
    quote: Text | None = None
    text: Text | None = Field(default=None, description="The answer in our words.")
    date: _dt.date | None = None
    precision: Precision = Field(default=Precision.day, description="How much of the date is known")
    at: Slug | None = None

    @field_validator("said", mode="before")
    @classmethod
    def _said_is_written(cls, value: Any) -> Any:
        if value in (Said.no_response, Said.no_response.value):
            raise PydanticCustomError(
                "said_derived",
                "no_response is derived, never written: leave the demand without a response")
        if not isinstance(value, Said) and value not in _WRITABLE_VALUES:
            raise PydanticCustomError(
                "said_value", "{value} is not one of: {allowed}",
                {"value": repr(value)[:40], "allowed": ", ".join(_WRITABLE_VALUES)})
        return value


class Evidence(Item):
    """A statistic, survey, document, press report, expert opinion, incident or testimony."""

    KIND: ClassVar[str] = "evidence"

    text: Text
    kind: EvidenceKind
    source: Slug | None = Field(default=None, description="Where the evidence itself comes from.")
    locator: str | None = None
    quote: Text | None = None
    by: SlugList = Field(default_factory=list)
    date: _dt.date | None = None
    precision: Precision = Field(default=Precision.day, description="How much of the date is known")
    at: Slug | None = None
    value: Figure | None = None


class Action(Item):
    """Something an actor did on a date, and its effects on demands, answers and claims."""

    KIND: ClassVar[str] = "action"

    by: Annotated[SlugList, Field(min_length=1)]
    date: _dt.date
    precision: Precision = Field(default=Precision.day, description="How much of the date is known")
    kind: ActionKind
    text: Text
    at: Slug | None = None
    effects: list[Effect] = Field(default_factory=list)


class Relation(Item):
    """An argument relation. ``from`` may list several premises that support jointly."""

    KIND: ClassVar[str] = "relation"

    from_: Annotated[SlugList, Field(min_length=1, alias="from")]
    to: Slug
    type: RelationType
    scheme: str | None = Field(default=None, description="Argument scheme, e.g. from AIF.")
    source: Slug | None = None


class DossierInfo(_Model):
    """What the dossier is about."""

    title: Text
    description: Text | None = None
    languages: list[LangCode] = Field(default_factory=list)
    source: Slug | None = Field(default=None, description="The main source of the case.")


#: The sections of a dossier file, in file order, with the model of their items.
SECTIONS: dict[str, type[Item]] = {
    "actors": Actor,
    "sources": Source,
    "events": Event,
    "claims": Claim,
    "demands": Demand,
    "responses": Response,
    "evidence": Evidence,
    "actions": Action,
    "relations": Relation,
}

#: The kind name of the items of each section.
SECTION_KIND: dict[str, str] = {name: model.KIND for name, model in SECTIONS.items()}
