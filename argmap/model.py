"""The items of a case, as pydantic models.

A dossier file lists actors, sources, events, claims, demands, responses, evidence, actions and
relations. Every item has an ``id`` (a short slug, unique across the whole dossier) and may cite
the places in its sources it comes from. Text fields take a plain string or a language map
(``{ja: ..., en: ...}``); :func:`argmap.lang.pick` chooses a language.

The models check the shape of each item only. Whether references resolve, ids are unique and dates
are in order is checked on the whole dossier (:mod:`argmap.checks`), because that needs every file.
The vocabularies (kinds, statuses, relation types) are in :mod:`argmap.vocab`.
"""

from __future__ import annotations

import datetime as _dt
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
    model_validator,
)
from pydantic_core import PydanticCustomError

from .lang import canonical, is_tag
from .vocab import (  # noqa: F401 - re-exported: models and vocabularies are used together
    WRITABLE_SAID,
    ActionKind,
    ActorKind,
    Done,
    EffectType,
    EventKind,
    EvidenceKind,
    Precision,
    RelationType,
    Said,
    SourceKind,
)

__all__ = [
    "MAX_STRING", "SECTIONS", "SECTION_KIND", "SLUG_PATTERN", "WRITABLE_SAID", "Action",
    "ActionKind", "Actor", "ActorKind", "Citation", "Claim", "Demand", "Done", "DossierInfo",
    "Effect", "EffectType", "Event", "EventKind", "Evidence", "EvidenceKind", "Figure", "Item",
    "LangCode", "Precision", "Relation", "RelationType", "Response", "Said", "Slug", "SlugList",
    "Source", "SourceKind", "Text", "Verdict", "on_record", "said_by_demand", "said_for",
    "single_said"
]

_WRITABLE_VALUES = tuple(s.value for s in WRITABLE_SAID)

SLUG_PATTERN = r"^[a-z0-9][a-z0-9\-_.]*$"

#: An item id: lower-case letters, digits, ``-``, ``_`` and ``.``, starting with a letter or digit.
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=200)]



def _language_tag(value: object) -> object:
    """A BCP 47 tag (:func:`argmap.lang.is_tag`), kept as written: matching ignores case."""
    if isinstance(value, str) and not is_tag(value):
        raise PydanticCustomError("language_tag", _bad_tag(value), {"key": value})
    return value


def _bad_tag(value: object) -> str:
    """What is wrong with a language tag, with the right spelling when it is near."""
    hint = ""
    if isinstance(value, str) and is_tag(value.replace("_", "-")):
        hint = f"; did you mean '{canonical(value.replace('_', '-'))}'?"
    return ("'{key}' is not a BCP 47 language tag (like ja, en, zh-Hant, pt-BR)" + hint)


#: A BCP 47 language tag such as ``ja``, ``en``, ``zh-Hant`` or ``pt-BR`` (any case).
LangCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"),
                     BeforeValidator(_language_tag)]

#: The longest string any field takes; longer ones are refused rather than drawn or stored.
MAX_STRING = 100_000

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
                if not isinstance(key, str) or not is_tag(key):
                    raise PydanticCustomError("text_language", _bad_tag(key),
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


# --- parts -----------------------------------------------------------------------------------


class Citation(_Model):
    """Where in a source an item comes from: the source, a locator (``¶92``, ``p. 3``), a quote."""

    source: Slug
    locator: str | None = None
    quote: Text | None = None


class Figure(_Model):
    """A number with its unit, the date it holds for, and its scope (``Kochi``, ``50+``).

    ``as_of_precision`` says how much of ``as_of`` the source gives: a figure "as of November
    2019" is ``as_of: 2019-11-01`` with ``as_of_precision: month``.
    """

    number: int | float
    unit: str
    as_of: _dt.date | None = None
    as_of_precision: Precision = Field(default=Precision.day,
                                       description="How much of the as_of date is known")
    scope: Text | None = None
    measure: Text | None = Field(default=None, description="What is counted, e.g. 'issuance rate'.")

    @model_validator(mode="after")
    def _precision_needs_a_date(self) -> Figure:
        if self.as_of is None and self.as_of_precision is not Precision.day:
            raise PydanticCustomError(
                "as_of_precision_alone", "as_of_precision is set but the figure has no as_of date")
        return self


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
    plural: bool | None = Field(
        default=None, description="Whether the name is grammatically plural (\"the protesters "
        "hold\"); left out, only a group is.")

    @property
    def is_plural(self) -> bool:
        """Whether sentences take the name as plural: ``plural`` when given, else true for a
        ``group`` only (a union, a ministry or a person is one)."""
        return self.plural if self.plural is not None else self.kind is ActorKind.group


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
    """A happening: a meeting, a request, a notice, a law passed, a press report, dated where
    the source dates it."""

    KIND: ClassVar[str] = "event"

    date: _dt.date | None = Field(
        default=None, description="Left out when the source gives none (say so in a note).")
    precision: Precision = Field(default=Precision.day, description="How much of the date is known")
    until: _dt.date | None = Field(default=None, description="Last day of a multi-day event.")
    kind: EventKind
    title: Text
    participants: SlugList = Field(default_factory=list)
    place: Text | None = None

    @model_validator(mode="after")
    def _until_needs_a_date(self) -> Event:
        if self.date is None and self.until is not None:
            raise PydanticCustomError("until_alone", "until is set but the event has no date")
        return self


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


def _said_value(value: Any) -> Any:
    """One written ``said`` value, else a one-line error naming the allowed values."""
    if value in (Said.no_response, Said.no_response.value):
        raise PydanticCustomError(
            "said_derived",
            "no_response is derived, never written: leave the demand without a response")
    if not isinstance(value, Said) and value not in _WRITABLE_VALUES:
        raise PydanticCustomError(
            "said_value", "{value} is not one of: {allowed}",
            {"value": repr(value)[:40], "allowed": ", ".join(_WRITABLE_VALUES)})
    return value


#: The JSON Schema of ``said``: one value, or a map from demand id to a value.
_SAID_SCHEMA = {
    "anyOf": [
        {"enum": list(_WRITABLE_VALUES)},
        {"type": "object", "minProperties": 1,
         "propertyNames": {"pattern": SLUG_PATTERN},
         "additionalProperties": {"enum": list(_WRITABLE_VALUES)}},
    ],
    "description": "What the answer amounts to: one value for every demand it answers, or a "
                   "map from each demand in `to` to what was said to it.",
}


class Response(Item):
    """An answer to one or more demands, with the words used and what they amount to.

    ``said`` is one value for every demand in ``to``, or a map giving each of them its own
    (``{d-a: deflected, d-b: refused}``) when one answer treats its demands differently.
    """

    KIND: ClassVar[str] = "response"

    by: Annotated[SlugList, Field(min_length=1)]
    to: Annotated[SlugList, Field(min_length=1)]
    # Read through said_by_demand / said_for (below), never directly: it may be a map.
    said: Annotated[Said | dict[Slug, Said], WithJsonSchema(_SAID_SCHEMA)]
    quote: Text | None = None
    text: Text | None = Field(default=None, description="The answer in our words.")
    date: _dt.date | None = None
    precision: Precision = Field(default=Precision.day, description="How much of the date is known")
    at: Slug | None = None

    @field_validator("said", mode="before")
    @classmethod
    def _said_is_written(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for said in value.values():
                _said_value(said)
            return value
        return _said_value(value)


def said_by_demand(response: Response) -> dict[str, Said]:
    """What an answer said to each demand it answers, in the order of its ``to``.

    A said per demand names exactly the demands in ``to`` once the dossier is checked
    (:mod:`argmap.checks`, which reports the others as problems).

    With :func:`said_for` and :func:`single_said`, the only readers of :attr:`Response.said`:
    every other module asks one of these three.

    >>> r = Response(id="r", by="m", to=["d1", "d2"], said={"d2": "refused", "d1": "deflected"})
    >>> {d: s.value for d, s in said_by_demand(r).items()}
    {'d1': 'deflected', 'd2': 'refused'}
    >>> said_by_demand(Response(id="r", by="m", to="d1", said="accepted"))["d1"].value
    'accepted'
    """
    said = response.said
    if isinstance(said, dict):
        return {d: said[d] for d in response.to}
    return dict.fromkeys(response.to, said)


def said_for(response: Response, demand_id: str) -> Said:
    """What an answer said to one of the demands it answers (``KeyError`` for another)."""
    said = response.said  # read here directly: tracking asks this once per answer and demand
    if isinstance(said, dict):
        return said[demand_id]
    if demand_id not in response.to:
        raise KeyError(demand_id)
    return said


def single_said(response: Response) -> Said | None:
    """The one value an answer gives every demand it answers; ``None`` when they differ."""
    said = response.said
    if not isinstance(said, dict):
        return said
    values = set(said.values())
    return values.pop() if len(values) == 1 else None


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
    """Something an actor did (on a date, where the source gives one), and its effects on
    demands, answers and claims."""

    KIND: ClassVar[str] = "action"

    by: Annotated[SlugList, Field(min_length=1)]
    date: _dt.date | None = Field(
        default=None, description="Left out when the source gives none (say so in a note).")
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


def on_record(item: Item) -> tuple[str | None, str | None]:
    """``(source, locator)`` where an item is on record: evidence's own ``source`` first, else
    its first citation; ``(None, None)`` when it cites nothing."""
    if isinstance(item, Evidence) and item.source is not None:
        return item.source, item.locator
    if item.cites:
        return item.cites[0].source, item.cites[0].locator
    return None, None
