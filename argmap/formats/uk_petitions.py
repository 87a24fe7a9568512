"""UK Parliament petitions (petition.parliament.uk JSON): import.

Reads one petition (``{"attributes": {...}, "id": N, "links": {...}, "type": "petition"}``, in
the 2015–2017 layout with ``open_at`` or the 2017–2019 one with ``opened_at``), the site's single
petition answer (``{"data": {...}, "links": ...}``), its list answer (``{"data": [...],
"links": ...}``), or a folder of such files (:func:`load_folder`, every ``*.json`` under it, one
dossier for all: see below). Every item of petition ``N`` has an id starting ``petition-N``.

============================ ===================================================================
petition field               in the dossier
============================ ===================================================================
``action``                   the demand ``petition-N`` (its text, verbatim), made by the actor
                             ``petitioners-N`` ("Petitioners of petition N"; ``creator_name`` in
                             its note) and put to HM Government (``uk-government``), or to the
                             department named by ``departments`` or at the foot of the response
                             (an actor whose ``parent`` is ``uk-government``)
``background``,              the demand's citations of the petition page (locators
``additional_details``       ``Background`` and ``Additional details``), quoted verbatim
``links.self``               the source ``petition-N-page`` (its address, without ``.json``)
``state``                    a tag of the demand (``open``, ``closed``, ``rejected`` ...), beside
                             the tag ``petition``
``created_at``,              dated events ``-created``, ``-moderation``, ``-opened``; the demand is
``moderation_threshold_``    made on the day it opened (``at`` the ``-opened`` event), or the day
``reached_at``, ``open_at``  it was created when it never opened
/ ``opened_at``
``government_response``      the answer ``petition-N-response`` by the department (else HM
                             Government): ``quote`` is the ``summary`` verbatim, ``date`` the day
                             of ``responded_on``, else ``government_response_at``, else
                             ``created_at``; the ``details`` are the citation's quote (locator
                             ``Government response``); a later ``updated_at`` is in its note.
                             ``said`` is ``not_yet_rated``: nobody has judged what it amounts to
``response_threshold_``,     events ``-response-threshold`` (10,000 signatures: the government
``debate_threshold_``        responds) and ``-debate-threshold`` (100,000: Parliament considers a
``reached_at``               debate)
``debate``                   the event ``-debate`` (kind ``hearing``) on ``debated_on``, citing
                             the sources ``-transcript``, ``-video`` and ``-debate-pack``; when
                             ``debated_on`` is null but an ``overview`` explains why, the event
                             ``-no-debate`` (kind ``decision``, by the Petitions Committee) on the
                             day of ``debate_outcome_at``; ``overview`` in the event's note
``scheduled_debate_date``    the debate event's day when it was not held, else checked against it
``debate_outcome_at``        in the debate event's note
``rejection``, ``rejected_   the event ``-rejected`` (kind ``decision``) by the House of Commons
at``                         Petitions Committee, its ``details`` in the note, and the demand's
                             tags ``rejected`` and ``rejected-<code>``. A rejection is never an
                             answer: the government did not see the petition, so the demand has no
                             answer, and nothing reads as a refusal
(no response, fewer than    the demand's tag ``no-answer-due`` and a note saying so: the government
10,000 signatures)           answers a petition once it has 10,000 signatures, so a petition short of
                             them is not one it left unanswered (the tracker counts it apart)
``closed_at``                the event ``-closed``
``signature_count``          the evidence ``petition-N-signatures`` (kind ``statistic``) with the
                             figure ``{number, unit: signatures, as_of}``, ``as_of`` the day of
                             ``updated_at`` (the count as of the record's last update)
``topics``                   tags ``topic-<name>``
============================ ===================================================================

Dates are the UTC day of each timestamp. Text keeps its words exactly; only line ends (``\\r\\n``)
become ``\\n`` and outer blank space is trimmed. What a dossier does not hold (signatures by
constituency, country or region; any field this module does not know) is reported as one
warning per kind, with its count.

A folder makes one dossier for all its petitions: a newsroom follows the government's record over
many petitions, so the actors they share (HM Government, each department, the Petitions
Committee) are one actor each, and ``argmap status`` or the tracker site
(:mod:`argmap.site`) tallies them across petitions. :func:`load_each` makes one dossier per
petition instead (``argmap import --each``), for a campaign that follows petitions one by one;
each such file is a case of its own.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import FileError, FormatError
from ..gc_pause import paused_gc
from ..model import Said
from ..tracking import NO_ANSWER_DUE
from ._common import FormatWarning, Imported, build, decode, load_json, slugify

__all__ = [
    "COMMITTEE", "COMMONS", "GOVERNMENT", "KNOWN_ATTRIBUTES", "LICENCE", "NAME", "NO_ANSWER_DUE",
    "RESPONSE_THRESHOLD", "SITE", "SUFFIXES", "PetitionImporter", "department_key", "department_of", "files_in", "load",
    "load_each", "load_folder", "petitions_in", "sniff",
]

NAME = "uk-petitions"
SUFFIXES = (".json",)

GOVERNMENT = "uk-government"
#: Signatures from which the government responds to a petition.
RESPONSE_THRESHOLD = 10_000
COMMONS = "house-of-commons"
COMMITTEE = "petitions-committee"
SITE = "UK Parliament petitions site (petition.parliament.uk)"
LICENCE = ("Contains public sector information licensed under the Open Government Licence v3.0 "
           "(https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).")

#: Attribute keys this module reads (both layouts, and later versions of the site's JSON).
KNOWN_ATTRIBUTES = frozenset({
    "action", "additional_details", "background", "closed_at", "created_at", "creator_name",
    "debate", "debate_outcome_at", "debate_threshold_reached_at", "departments",
    "government_response", "government_response_at", "moderation_threshold_reached_at",
    "open_at", "opened_at", "rejected_at", "rejection", "response_threshold_reached_at",
    "scheduled_debate_date", "signature_count", "state", "topics", "updated_at",
})
_KNOWN_PARTS = {
    "government_response": frozenset({"created_at", "details", "summary", "updated_at",
                                      "responded_on"}),
    "debate": frozenset({"debate_pack_url", "debated_on", "overview", "transcript_url",
                         "video_url"}),
    "rejection": frozenset({"code", "details"}),
}
#: Lists of signatures a dossier does not hold (one figure per place would swamp the case).
_BREAKDOWNS = ("signatures_by_constituency", "signatures_by_country", "signatures_by_region")

_REJECTION_WORDS = {
    "duplicate": "a duplicate of another petition",
    "irrelevant": "not the responsibility of the UK Government or Parliament",
    "no-action": "not a call for a specific action",
    "honours": "about honours or appointments",
    "fake": "a joke or not a genuine request",
    "offensive": "offensive, nonsense or a joke",
    "foi": "a Freedom of Information request",
    "libellous": "potentially libellous, false or defamatory",
    "confidential": "confidential information",
}

#: Words that end a response signed by a department ("Department for Transport", "Home Office").
_DEPARTMENT_WORDS = re.compile(r"\b(Department|Office|Ministry|Treasury|Cabinet)\b")


def sniff(data: Any) -> str | None:
    """None when parsed JSON looks like petitions from petition.parliament.uk, else why not."""
    found = data.get("data", data) if isinstance(data, dict) else None
    if isinstance(found, list):
        found = found[0] if found else None
    if isinstance(found, dict) and found.get("type") == "petition" \
            and isinstance(found.get("attributes"), dict):
        return None
    return "JSON without a petition ({\"type\": \"petition\", \"attributes\": {...}})"


def petitions_in(obj: Any, file: str | None) -> list[dict[str, Any]]:
    """The petition objects of one parsed file: one petition, or the site's ``data`` list."""
    if isinstance(obj, dict) and "data" in obj and "attributes" not in obj:
        found = obj["data"]
        items = found if isinstance(found, list) else [found]
        where = "data[{}]" if isinstance(found, list) else "data"
    else:
        items, where = [obj], "{}"
    for index, item in enumerate(items):
        place = where.format(index) if "{}" in where and where != "{}" else where
        if not isinstance(item, dict) or item.get("type") != "petition":
            what = "the file" if place == "{}" else place
            raise FormatError(f"{what} is not a petition (expected an object with "
                              "\"type\": \"petition\")", file=file)
        if not isinstance(item.get("attributes"), dict):
            raise FormatError(f"petition {item.get('id')!r}: no 'attributes' object", file=file)
        if not isinstance(item.get("id"), int) or isinstance(item.get("id"), bool):
            raise FormatError(f"petition id {item.get('id')!r} is not a number", file=file)
    return items


# --- reading values --------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    """Text as written, line ends as ``\\n``, outer blank space trimmed; ``None`` when empty."""
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


class _Petition:
    """One petition's attributes, read with errors that name the petition and field."""

    def __init__(self, obj: dict[str, Any], file: str | None) -> None:
        self.id: int = obj["id"]
        self.attrs: dict[str, Any] = obj["attributes"]
        self.links: Any = obj.get("links")
        self.file = file

    def fail(self, field_name: str, message: str) -> FormatError:
        return FormatError(f"petition {self.id}: {field_name}: {message}", file=self.file)

    def text(self, name: str) -> str | None:
        value = self.attrs.get(name)
        if value is not None and not isinstance(value, str):
            raise self.fail(name, f"expected text, got {type(value).__name__}")
        return _text(value)

    def part(self, name: str) -> dict[str, Any] | None:
        value = self.attrs.get(name)
        if value is not None and not isinstance(value, dict):
            raise self.fail(name, f"expected an object, got {type(value).__name__}")
        return value

    def day(self, name: str, value: Any = None, *, within: str | None = None) -> _dt.date | None:
        """The UTC day of a timestamp (``2015-07-23T19:12:08.029Z``) or date (``2015-12-07``)."""
        raw = self.attrs.get(name) if value is None and within is None else value
        if raw is None or raw == "":
            return None
        label = f"{within}.{name}" if within else name
        if not isinstance(raw, str) or len(raw) < 10:
            raise self.fail(label, f"{raw!r} is not a date or timestamp")
        try:
            return _dt.date.fromisoformat(raw[:10])
        except ValueError:
            raise self.fail(label, f"{raw!r} is not a date or timestamp") from None


def department_of(details: str | None) -> str | None:
    """The department that signed a response: its last line, when that line is a short name such
    as ``Department for Transport`` or ``Home Office`` (not a sentence).

    >>> department_of("We will act.\\n\\nDepartment for Work and Pensions")
    'Department for Work and Pensions'
    >>> department_of("The Office will decide this year.") is None
    True
    """
    if not details:
        return None
    last = details.strip().splitlines()[-1].strip()
    if len(last) > 90 or last.endswith((".", "!", "?", ":", ";", ",")):
        return None
    return last if _DEPARTMENT_WORDS.search(last) else None


def department_key(name: str) -> str:
    """One key for the spellings of a department's name (``&``/``and``, ``the``, case, marks).

    >>> department_key("Department for the Environment, Food & Rural Affairs")
    'department-for-environment-food-and-rural-affairs'
    """
    words = re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("&", " and ")).split()
    return slugify("-".join(w for w in words if w != "the"), "department")


# --- building a dossier ----------------------------------------------------------------------


@dataclass
class _Warnings:
    """Warnings counted by kind: each kind is reported once, with how often and a first file."""

    counts: Counter[str] = field(default_factory=Counter)
    entries: Counter[str] = field(default_factory=Counter)
    first: dict[str, str | None] = field(default_factory=dict)

    def add(self, kind: str, file: str | None, entries: int = 0) -> None:
        self.counts[kind] += 1
        self.entries[kind] += entries
        self.first.setdefault(kind, file)

    def report(self) -> list[FormatWarning]:
        out = []
        for kind in sorted(self.counts):
            n = self.counts[kind]
            many = f"{n:,} petitions" if n != 1 else "1 petition"
            detail = (f"{self.entries[kind]:,} entries in {many}" if self.entries[kind]
                      else many)
            first = self.first[kind]
            out.append(FormatWarning(f"{kind} ({detail}{', first in ' + first if first and n > 1 else ''})",
                                     file=first if n == 1 else None))
        return out


class PetitionImporter:
    """Turns petitions into one dossier's items; the actors they share are made once."""

    def __init__(self) -> None:
        self.sections: dict[str, list[dict[str, Any]]] = {
            name: [] for name in ("actors", "sources", "events", "demands", "responses",
                                  "evidence")}
        self.warnings = _Warnings()
        self._actors: set[str] = set()
        self._departments: dict[str, Counter[str]] = {}
        self.count = 0

    # --- actors shared by petitions ------------------------------------------------------

    def _shared(self, actor_id: str) -> str:
        if actor_id not in self._actors:
            self._actors.add(actor_id)
            if actor_id == GOVERNMENT:
                actor = {"id": GOVERNMENT, "name": "HM Government", "kind": "government",
                         "url": "https://www.gov.uk/"}
            elif actor_id == COMMONS:
                actor = {"id": COMMONS, "name": "House of Commons", "kind": "other",
                         "url": "https://www.parliament.uk/business/commons/"}
            else:
                self._shared(COMMONS)
                actor = {"id": COMMITTEE, "name": "House of Commons Petitions Committee",
                         "short": "Petitions Committee", "kind": "other", "parent": COMMONS,
                         "url": "https://committees.parliament.uk/committee/326/petitions-committee/"}
            self.sections["actors"].append(actor)
        return actor_id

    def _department(self, name: str) -> str:
        key = department_key(name)
        spellings = self._departments.get(key)
        if spellings is None:
            self._shared(GOVERNMENT)
            spellings = self._departments[key] = Counter()
            self._actors.add(key)
        spellings[name] += 1
        return key

    def _department_actors(self) -> list[dict[str, Any]]:
        """One actor per department, named by its most frequent spelling (then the first in
        sorted order); the other spellings are in its note."""
        out = []
        for key, spellings in self._departments.items():
            ranked = sorted(spellings, key=lambda s: (-spellings[s], s))
            actor: dict[str, Any] = {"id": key, "name": ranked[0], "kind": "ministry",
                                     "parent": GOVERNMENT}
            if len(ranked) > 1:
                actor["note"] = "Also written: " + "; ".join(ranked[1:])
            out.append(actor)
        return out

    # --- one petition ----------------------------------------------------------------------

    def add(self, obj: dict[str, Any], file: str | None) -> None:
        """Add one petition object (already checked by :func:`petitions_in`)."""
        p = _Petition(obj, file)
        self.count += 1
        self._check_keys(p)
        pid = p.id
        base = f"petition-{pid}"
        action = p.text("action")
        if action is None:
            raise p.fail("action", "missing: a petition without its text cannot be a demand")
        page = self._page(p, base)
        cite = {"source": page}
        petitioners = f"petitioners-{pid}"
        creator = p.text("creator_name")
        actor: dict[str, Any] = {"id": petitioners, "name": f"Petitioners of petition {pid}",
                                 "kind": "other", "cites": [cite]}
        if creator:
            actor["note"] = f"Started by {creator}"
        self.sections["actors"].append(actor)

        events = self.sections["events"]

        def event(suffix: str, day: _dt.date | None, kind: str, title: str,
                  participants: list[str], **extra: Any) -> str | None:
            if day is None:
                return None
            item = {"id": f"{base}-{suffix}", "date": day.isoformat(), "kind": kind,
                    "title": title, "participants": participants, "cites": [cite], **extra}
            events.append({k: v for k, v in item.items() if v is not None})
            return item["id"]

        event("created", p.day("created_at"), "other", f"Petition {pid} created",
              [petitioners])
        event("moderation", p.day("moderation_threshold_reached_at"), "other",
              f"Petition {pid} had the supporters it needs and went to moderation",
              [petitioners])
        opened_on = p.day("opened_at") or p.day("open_at")
        opened = event("opened", opened_on, "publication",
                       f"Petition {pid} opened for signatures", [petitioners])
        to = self._addressees(p)
        rejection = self._rejection(p, petitioners, event)
        event("response-threshold", p.day("response_threshold_reached_at"), "other",
              f"Petition {pid} reached 10,000 signatures: the government responds",
              [petitioners])
        event("debate-threshold", p.day("debate_threshold_reached_at"), "other",
              f"Petition {pid} reached 100,000 signatures: Parliament considers a debate",
              [petitioners])
        self._debate(p, base, petitioners, page, event)
        event("closed", p.day("closed_at"), "other", f"Petition {pid} closed", [petitioners])

        answered = self._response(p, base, page, to)
        signatures = self._signatures(p, base, petitioners, cite)
        tags = ["petition"]
        state = p.text("state")
        if state:
            tags.append(slugify(state, "state"))
        if rejection:
            tags += ["rejected", f"rejected-{slugify(rejection, 'code')}"]
        topics = p.attrs.get("topics")
        if isinstance(topics, list):
            tags += [f"topic-{slugify(t, 'topic')}" for t in topics if isinstance(t, str)]
        not_due = None if rejection or answered else self._not_due(p, signatures)
        if not_due is not None:
            tags.append(NO_ANSWER_DUE)
        demand: dict[str, Any] = {"id": base, "text": action, "by": [petitioners], "to": to,
                                  "tags": list(dict.fromkeys(tags))}
        if not_due is not None:
            demand["note"] = not_due
        made = opened_on or p.day("created_at")
        if made is not None:
            demand["date"] = made.isoformat()
        if opened is not None:
            demand["at"] = opened
        cites = [{"source": page, "locator": locator, "quote": text}
                 for locator, text in (("Background", p.text("background")),
                                       ("Additional details", p.text("additional_details")))
                 if text]
        demand["cites"] = cites or [cite]
        self.sections["demands"].append(demand)

    @staticmethod
    def _not_due(p: _Petition, signatures: int | None) -> str | None:
        """Why no answer was due to an unanswered petition, or ``None`` when one was (it
        reached the signatures at which the government responds)."""
        if p.day("response_threshold_reached_at") is not None or (
                signatures is not None and signatures >= RESPONSE_THRESHOLD):
            return None
        had = (f"it had {signatures:,}" if signatures is not None
               else "it is not recorded as reaching them")
        as_of = p.day("updated_at")
        when = f" as of {as_of.isoformat()}" if as_of is not None and signatures is not None else ""
        return (f"No answer was due: the government responds to a petition once it has "
                f"{RESPONSE_THRESHOLD:,} signatures, and {had}{when}.")

    def _check_keys(self, p: _Petition) -> None:
        for key in p.attrs:
            if key in _BREAKDOWNS:
                value = p.attrs[key]
                if value:
                    self.warnings.add(f"{key} not held", p.file,
                                      len(value) if isinstance(value, list) else 1)
            elif key not in KNOWN_ATTRIBUTES and p.attrs[key] not in (None, "", [], {}):
                self.warnings.add(f"attribute '{key}' not held", p.file)
        for part, known in _KNOWN_PARTS.items():
            fields = p.part(part) or {}
            for key, value in fields.items():
                if key not in known and value not in (None, "", [], {}):
                    self.warnings.add(f"attribute '{part}.{key}' not held", p.file)

    def _page(self, p: _Petition, base: str) -> str:
        url = p.links.get("self") if isinstance(p.links, dict) else None
        source: dict[str, Any] = {"id": f"{base}-page", "title": f"UK Parliament petition {p.id}",
                                  "kind": "website", "publisher": SITE, "language": "en"}
        if isinstance(url, str) and url:
            source["url"] = url.removesuffix(".json")
        else:
            source["url"] = f"https://petition.parliament.uk/petitions/{p.id}"
        self.sections["sources"].append(source)
        return source["id"]

    def _addressees(self, p: _Petition) -> list[str]:
        named = p.attrs.get("departments")
        found: list[str] = []
        if isinstance(named, list):
            found = [self._department(d["name"]) for d in named
                     if isinstance(d, dict) and isinstance(d.get("name"), str) and d["name"]]
        if not found:
            response = p.part("government_response")
            if response is not None:
                name = department_of(_text(response.get("details")))
                if name is not None:
                    found = [self._department(name)]
                else:
                    self.warnings.add("response signed by no named department: addressed to "
                                      "and answered by HM Government", p.file)
        return list(dict.fromkeys(found)) or [self._shared(GOVERNMENT)]

    def _rejection(self, p: _Petition, petitioners: str, event: Any) -> str | None:
        rejection = p.part("rejection")
        if rejection is None:
            return None
        code = rejection.get("code")
        code = code if isinstance(code, str) and code else "unknown"
        why = _REJECTION_WORDS.get(code, code)
        day = p.day("rejected_at")
        if day is None:
            self.warnings.add("rejection without a date (rejected_at): kept as tags only", p.file)
        else:
            event("rejected", day, "decision",
                  f"Petition {p.id} rejected by the Petitions Committee: {why}",
                  [self._shared(COMMITTEE), petitioners],
                  note=_text(rejection.get("details")))
        return code

    def _debate(self, p: _Petition, base: str, petitioners: str, page: str, event: Any) -> None:
        debate = p.part("debate")
        scheduled = p.day("scheduled_debate_date")
        outcome = p.day("debate_outcome_at")
        if debate is None:
            if scheduled is not None:
                notes = [f"Outcome published {outcome.isoformat()}."] if outcome else []
                event("debate", scheduled, "hearing",
                      f"Debate on petition {p.id} scheduled in Parliament",
                      [self._shared(COMMONS), petitioners], note="\n\n".join(notes) or None)
            elif outcome is not None:
                self.warnings.add("debate_outcome_at without a debate: not held", p.file)
            return
        held = p.day("debated_on", debate.get("debated_on"), within="debate")
        overview = _text(debate.get("overview"))
        sources = []
        for key, suffix, title, kind, publisher in (
                ("transcript_url", "transcript", "Transcript of the debate", "official_document",
                 "Hansard"),
                ("video_url", "video", "Video of the debate", "website", "parliamentlive.tv"),
                ("debate_pack_url", "debate-pack", "Debate pack", "official_document",
                 "House of Commons Library")):
            url = debate.get(key)
            if isinstance(url, str) and url.strip():
                source = {"id": f"{base}-{suffix}", "title": f"{title} on petition {p.id}",
                          "kind": kind, "publisher": publisher, "url": url.strip(),
                          "language": "en"}
                if held is not None:
                    source["date"] = held.isoformat()
                self.sections["sources"].append(source)
                sources.append({"source": source["id"]})
        cites = [{"source": page}, *sources]
        if held is not None or scheduled is not None:
            notes = [overview] if overview else []
            if held is None:
                notes.append("Scheduled; not recorded as held.")
            elif scheduled is not None and scheduled != held:
                notes.append(f"It had been scheduled for {scheduled.isoformat()}.")
            if outcome is not None:
                notes.append(f"Outcome published {outcome.isoformat()}.")
            title = (f"Petition {p.id} debated in Parliament" if held is not None
                     else f"Debate on petition {p.id} scheduled in Parliament")
            event("debate", held or scheduled, "hearing", title,
                  [self._shared(COMMONS), petitioners], note="\n\n".join(notes) or None,
                  cites=cites)
        elif overview or sources:
            if outcome is None:
                self.warnings.add("debate decision without a date (debate_outcome_at): not held",
                                  p.file)
                return
            event("no-debate", outcome, "decision",
                  f"The Petitions Committee decided not to debate petition {p.id}",
                  [self._shared(COMMITTEE), petitioners], note=overview, cites=cites)

    def _response(self, p: _Petition, base: str, page: str, to: list[str]) -> bool:
        """Add the government's response, if the petition has one; whether it had."""
        response = p.part("government_response")
        if response is None:
            return False
        summary = _text(response.get("summary"))
        details = _text(response.get("details"))
        if summary is None and details is None:
            self.warnings.add("empty government response: not held", p.file)
            return False
        day = (p.day("responded_on", response.get("responded_on"), within="government_response")
               or p.day("government_response_at")
               or p.day("created_at", response.get("created_at"), within="government_response"))
        answer: dict[str, Any] = {"id": f"{base}-response", "by": to, "to": [base],
                                  "said": Said.not_yet_rated.value}
        if summary is not None:
            answer["quote"] = summary
        if day is not None:
            answer["date"] = day.isoformat()
        revised = p.day("updated_at", response.get("updated_at"), within="government_response")
        if revised is not None and day is not None and revised > day:
            answer["note"] = (f"Updated on {revised.isoformat()}; the petition file holds the "
                              "latest text.")
        answer["cites"] = [{"source": page, "locator": "Government response",
                            **({"quote": details} if details else {})}]
        self.sections["responses"].append(answer)
        return True

    def _signatures(self, p: _Petition, base: str, petitioners: str,
                    cite: dict[str, Any]) -> int | None:
        """Add the signature count as a figure; the count (``None`` when the file has none)."""
        count = p.attrs.get("signature_count")
        if count is None:
            return None
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise p.fail("signature_count", f"{count!r} is not a count")
        figure: dict[str, Any] = {"number": count, "unit": "signatures",
                                  "measure": "signatures on the petition"}
        as_of = p.day("updated_at")
        if as_of is not None:
            figure["as_of"] = as_of.isoformat()
        self.sections["evidence"].append({
            "id": f"{base}-signatures", "text": f"{count:,} signatures", "kind": "statistic",
            "by": [petitioners], "value": figure, "cites": [cite]})
        return count

    # --- the result ----------------------------------------------------------------------

    def result(self, title: str, file: str | None, main_source: str | None = None) -> Imported:
        """The checked dossier of every petition added, and the warnings."""
        sections = dict(self.sections)
        sections["actors"] = sections["actors"] + self._department_actors()
        info: dict[str, Any] = {
            "title": title, "languages": ["en"],
            "description": f"{self.count:,} petition{'s' if self.count != 1 else ''} imported "
                           f"from the {SITE}. {LICENCE}"}
        if main_source is not None:
            info["source"] = main_source
        return Imported(build(sections, info, file), self.warnings.report())


# --- entry points ----------------------------------------------------------------------------


def load(data: bytes | str, file: str | None = None) -> Imported:
    """Read one file: a petition, or the site's ``{"data": ...}`` answer, into a dossier."""
    with paused_gc():
        return _load(data, file)


def _load(data: bytes | str, file: str | None) -> Imported:
    petitions = _unique(((p, file) for p in petitions_in(load_json(decode(data, file), file),
                                                           file)), None)
    if not petitions:
        raise FormatError("no petitions in this file (an empty 'data' list)", file=file)
    importer = PetitionImporter()
    for obj, where in petitions.values():
        importer.add(obj, where)
    if len(petitions) == 1:
        (pid,) = petitions
        action = _text(petitions[pid][0]["attributes"].get("action")) or ""
        return importer.result(f"UK Parliament petition {pid}: {action}", file,
                               f"petition-{pid}-page")
    return importer.result("UK Parliament petitions", file)


def files_in(folder: Path) -> list[Path]:
    """The ``*.json`` files under a folder (its subfolders too), sorted; hidden ones skipped."""
    found = sorted((p for p in folder.rglob("*.json") if p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(folder).parts)),
                   key=str)
    if not found:
        raise FileError("no .json files in this folder", file=str(folder))
    return found


def _read(path: Path) -> list[dict[str, Any]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    try:
        return petitions_in(json.loads(data), str(path))
    except (ValueError, RecursionError):
        # the slow path only for files that fail: it finds the line and column
        return petitions_in(load_json(data, str(path)), str(path))


def _unique(found: Iterable[tuple[dict[str, Any], str | None]],
            warnings: _Warnings | None) -> dict[int, tuple[dict[str, Any], str | None]]:
    """Petitions by id, in id order; of two copies of one petition the one updated last."""
    kept: dict[int, tuple[dict[str, Any], str | None]] = {}
    for obj, file in found:
        pid = obj["id"]
        other = kept.get(pid)
        if other is not None:
            if warnings is not None:
                warnings.add("petition found twice: kept the copy updated last", file)
            newer = str(obj["attributes"].get("updated_at") or "")
            if newer <= str(other[0]["attributes"].get("updated_at") or ""):
                continue
        kept[pid] = (obj, file)
    return dict(sorted(kept.items()))


def _folder_petitions(folder: Path, warnings: _Warnings) -> dict[int, tuple[dict[str, Any],
                                                                              str | None]]:
    def each() -> Iterator[tuple[dict[str, Any], str | None]]:
        for path in files_in(folder):  # named as the user named the folder
            for obj in _read(path):
                yield obj, str(path)
    return _unique(each(), warnings)


def load_folder(folder: str | os.PathLike[str]) -> Imported:
    """Read every petition file under ``folder`` into one dossier (see the module docstring)."""
    with paused_gc():  # tens of thousands of small acyclic objects: see paused_gc
        return _load_folder(Path(folder))


def _load_folder(root: Path) -> Imported:
    importer = PetitionImporter()
    petitions = _folder_petitions(root, importer.warnings)
    for obj, where in petitions.values():
        importer.add(obj, where)
    return importer.result(f"UK Parliament petitions ({root.resolve().name})", str(root))


def load_each(path: str | os.PathLike[str]) -> tuple[list[tuple[str, Imported]],
                                                    list[FormatWarning]]:
    """One dossier per petition in a file or folder: ``([(name, imported), ...], warnings)``,
    name ``petition-N``, in id order; the warnings are counted over all of them. Each dossier
    has its own copy of the actors petitions share."""
    with paused_gc():
        return _load_each(Path(path))


def _load_each(root: Path) -> tuple[list[tuple[str, Imported]], list[FormatWarning]]:
    warnings = _Warnings()
    if root.is_dir():
        petitions = _folder_petitions(root, warnings)
    else:
        petitions = _unique(((obj, str(root)) for obj in _read(root)), warnings)
    out = []
    for pid, (obj, where) in petitions.items():
        importer = PetitionImporter()
        importer.warnings = warnings
        importer.add(obj, where)
        action = _text(obj["attributes"].get("action")) or ""
        imported = importer.result(f"UK Parliament petition {pid}: {action}", where,
                                   f"petition-{pid}-page")
        imported.warnings = []
        out.append((f"petition-{pid}", imported))
    return out, warnings.report()
