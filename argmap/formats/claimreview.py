"""ClaimReview (schema.org JSON-LD): export of fact-check verdicts.

One ``ClaimReview`` per claim or demand that carries a ``verdict``, in dossier order, inside one
``@graph``:

- ``claimReviewed``: the claim's text; ``reviewRating``: ``{"@type": "Rating", "alternateName":
  <verdict.rating>}`` (argmap ratings are words, so no ``ratingValue``/``bestRating`` is invented);
- ``itemReviewed``: a ``Claim`` with ``author`` (the claim's ``by`` actors: ``Person`` for kind
  person, else ``Organization``), ``datePublished`` (the claim's date, else its event's date) and
  ``appearance``: the URLs of the sources it cites, then for each citation that carries the
  source's own words a ``Quotation`` whose ``text`` is that ``quote``, verbatim, ``isPartOf`` the
  source it is credited to (``@id`` ``#<source id>``, with its URL and title);
- ``author``: the verdict's ``by`` actor; ``datePublished``: the verdict's date; ``url``: the URL
  of the verdict's ``source``; ``reviewBody``: the verdict's note.

``claimReviewed`` is, as schema.org defines it, a short summary of the claim: the claim's
``text``, the writer's words. Words quoted verbatim only ever appear in a ``Quotation``.

What does not map: demands without a verdict (schema.org has no type for a demand and its
answers; PolitiFact-style promise meters are not ClaimReviews), responses, actions and the tracked
said/done statuses, relations between claims, and a claim's other languages (one language is
picked, ``lang`` or the default fallback).
"""

from __future__ import annotations

import json
from typing import Any

from ..dossier import Dossier
from ..lang import pick
from ..model import Actor, Claim, Source
from ._common import Exported, Tally, count_fields_left_out, count_languages_left_out

__all__ = ["NAME", "dump", "dump_report", "review"]

NAME = "claimreview"


def _actor(dossier: Dossier, actor_id: str, lang: str | None) -> dict[str, Any]:
    actor = dossier.get(actor_id)
    assert isinstance(actor, Actor)
    found: dict[str, Any] = {"@type": "Person" if actor.kind.value == "person" else "Organization",
                             "name": pick(actor.name, lang)}
    if actor.url:
        found["url"] = actor.url
    return found


def _url(dossier: Dossier, source_id: str | None) -> str | None:
    if source_id is None or source_id not in dossier:
        return None
    source = dossier.get(source_id)
    return source.url if isinstance(source, Source) else None


def _quotation(dossier: Dossier, source_id: str, quote: Any, lang: str | None) -> dict[str, Any]:
    """A citation's quote as a schema.org ``Quotation``, credited to the source it is from."""
    work: dict[str, Any] = {"@type": "CreativeWork", "@id": f"#{source_id}"}
    source = dossier.get(source_id) if source_id in dossier else None
    if isinstance(source, Source):
        work["name"] = pick(source.title, lang)
        if source.url:
            work["url"] = source.url
    return {"@type": "Quotation", "text": pick(quote, lang), "isPartOf": work}


def review(dossier: Dossier, claim: Claim, lang: str | None = None) -> dict[str, Any]:
    """The ClaimReview object of one claim that has a verdict."""
    verdict = claim.verdict
    assert verdict is not None
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.by:
        item["author"] = [_actor(dossier, a, lang) for a in claim.by]
    made = dossier.date_of(claim.id)
    if made is not None:
        item["datePublished"] = made.isoformat()
    urls = [u for u in (_url(dossier, c.source) for c in claim.cites) if u]
    appearance: list[dict[str, Any]] = [{"@type": "CreativeWork", "url": u}
                                        for u in dict.fromkeys(urls)]
    appearance += [_quotation(dossier, c.source, c.quote, lang)
                   for c in claim.cites if c.quote is not None]
    if appearance:
        item["appearance"] = appearance
    found: dict[str, Any] = {
        "@type": "ClaimReview", "@id": f"#{claim.id}",
        "claimReviewed": pick(claim.text, lang),
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "alternateName": verdict.rating},
    }
    if verdict.by is not None:
        found["author"] = _actor(dossier, verdict.by, lang)
    if verdict.date is not None:
        found["datePublished"] = verdict.date.isoformat()
    url = _url(dossier, verdict.source)
    if url:
        found["url"] = url
    if verdict.note is not None:
        found["reviewBody"] = pick(verdict.note, lang)
    return found


def dump(dossier: Dossier, lang: str | None = None) -> str:
    """JSON-LD of every verdict in the dossier (an empty ``@graph`` when there is none)."""
    return dump_report(dossier, lang).text


#: Fields of a reviewed claim that a ClaimReview holds.
_KEPT = frozenset({"id", "text", "by", "date", "verdict", "cites", "at"})


def dump_report(dossier: Dossier, lang: str | None = None) -> Exported:
    """JSON-LD (as :func:`dump`) with what it left out: everything that is not a verdict."""
    reviewed = [c for c in [*dossier.claims, *dossier.demands] if c.verdict is not None]
    graph = [review(dossier, c, lang) for c in reviewed]
    doc = {"@context": "https://schema.org", "@graph": graph}
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    left = Tally()
    for section in ("claims", "demands"):
        left.add(f"{section} without a verdict",
                 sum(c.verdict is None for c in getattr(dossier, section)))
    for section in ("responses", "evidence", "actions", "events", "relations"):
        left.add(section, len(getattr(dossier, section)))
    used = {a for c in reviewed for a in [*c.by, c.verdict.by] if a}  # type: ignore[union-attr]
    left.add("actors no reviewed claim names", sum(a.id not in used for a in dossier.actors))
    linked = {c.source for item in reviewed for c in item.cites} | {
        item.verdict.source for item in reviewed}  # type: ignore[union-attr]
    left.add("sources no reviewed claim links",
             sum(s.id not in linked or not s.url for s in dossier.sources))
    count_fields_left_out(reviewed, _KEPT, left)
    for item in reviewed:
        verdict = item.verdict
        assert verdict is not None
        count_languages_left_out([item.text, verdict.note], lang, left)
    return Exported(text, dict(left), {"ClaimReviews": len(graph)})
