"""A normalised SQLite database of one or more dossiers, with full-text search: export.

Written with sqlite-utils, ready for ``datasette FILE.db`` or any SQL client. Each dossier is a
*case* (a row of ``cases``, its id the name it is written under). Every item row has ``key``
(``case/id``, the primary key that other tables point to), ``case_id`` and ``id``:

=================== =============================================================================
table               rows
=================== =============================================================================
cases               one per case: title, description, languages, ``source_key`` (its main
                    source), counts, ``judged_on`` (the day overdue is judged on: the latest
                    date in the case)
items               every item: its kind and section (join any reference through it)
actors              name, short, kind, ``parent_key``, url
sources             title, kind, author, publisher, date, url, locator, language
events              date, precision, until, kind, title, place; ``event_participants``
claims, demands     text, date, ``at_key``, main, a verdict (rating, ``by_key``, date,
                    ``source_key``, note), deadline (demands); ``claim_by``, ``demand_by``,
                    ``demand_to``
demand_status       each demand's current status (:func:`argmap.tracking.demand_status`): said,
                    done, overdue, on_paper, counts of answers and actions, the last change;
                    ``status_history`` every dated change on either axis
responses           said, quote, text, date; ``response_by``; ``response_to``: each demand it
                    answers *with what it said to that one* (an answer may deflect one demand
                    and refuse another); ``responses.said`` is the one value it gave them all,
                    ``NULL`` when it said different things to different demands
evidence, figures   the evidence, and the number, unit, as-of date and its precision of its
                    figure
actions             date, kind, text; ``action_by``; ``effects`` (``on_key``, type)
relations           type, ``to_key``, scheme; ``relation_from`` (linked premises in order)
citations           every citation: item, source, locator, quote
tags                one row per tag of an item
translations        every text in every language (``item_key``, field, lang, text)
demands_current     a view: each demand with its addressees and current status
=================== =============================================================================

A ``date`` column holds the date an item bears: its own, else its event's (``at_key``), with
``precision`` (``day``, ``month``, ``year``) saying how much of it the source gives; both are
``NULL`` for an item the source does not date (an undated action or event is never given one).

Text columns hold the text in one language (``lang``, else the case's first, else English); all
languages are in ``translations``. Full-text search (FTS5) covers the texts of demands, claims,
responses, evidence, actions, events, sources, citations and translations: ``<table>_fts``.
When a case declares Japanese, Chinese or Korean, the index is by trigrams, so that those texts,
written without spaces, match on any three characters (``MATCH 'カード'``); shorter words, such
as many two-character Japanese ones, are found with ``LIKE`` on the table itself
(``SELECT * FROM demands WHERE text LIKE '%取得%'``). Otherwise it is a word index with English
stems (``porter``: *bee* finds *bees*), smaller and faster to build.

Writing a case into an existing database replaces that case and keeps the others, so cases can
be added one at a time. The file is written beside the target and renamed into place: a failed
export leaves the previous database whole.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..dates import date_of, latest_date, precision_of
from ..dossier import Dossier
from ..errors import FileError, FormatError
from ..gc_pause import paused_gc
from ..graph import build_graph
from ..lang import pick
from ..model import (
    Action,
    Actor,
    Claim,
    Demand,
    Event,
    Evidence,
    Item,
    Relation,
    Response,
    Source,
    said_by_demand,
    single_said,
)
from ..tracking import demand_status

__all__ = ["FTS", "SUFFIXES", "TABLES", "write"]

SUFFIXES = (".db", ".sqlite", ".sqlite3")

_TEXT, _INT, _FLOAT = str, int, float

#: The columns of a verdict on a claim or a demand.
_VERDICT = {"verdict_rating": _TEXT, "verdict_by_key": _TEXT, "verdict_date": _TEXT,
            "verdict_source_key": _TEXT, "verdict_note": _TEXT}

#: Tables in creation order: {column: type}; ``key`` is the primary key where present.
TABLES: dict[str, dict[str, type]] = {
    "cases": {"id": _TEXT, "title": _TEXT, "description": _TEXT, "languages": _TEXT,
              "source_key": _TEXT, "items": _INT, "demands": _INT, "judged_on": _TEXT},
    "items": {"key": _TEXT, "case_id": _TEXT, "id": _TEXT, "kind": _TEXT, "section": _TEXT,
              "position": _INT},
    "actors": {"key": _TEXT, "case_id": _TEXT, "id": _TEXT, "name": _TEXT, "short": _TEXT,
               "kind": _TEXT, "plural": _INT, "parent_key": _TEXT, "url": _TEXT, "note": _TEXT},
    "sources": {"key": _TEXT, "case_id": _TEXT, "id": _TEXT, "title": _TEXT, "kind": _TEXT,
                "author": _TEXT, "publisher": _TEXT, "date": _TEXT, "precision": _TEXT,
                "url": _TEXT, "locator": _TEXT, "language": _TEXT, "note": _TEXT},
    "events": {"key": _TEXT, "case_id": _TEXT, "id": _TEXT, "date": _TEXT, "precision": _TEXT,
               "until": _TEXT, "kind": _TEXT, "title": _TEXT, "place": _TEXT, "note": _TEXT},
    "event_participants": {"case_id": _TEXT, "event_key": _TEXT, "actor_key": _TEXT},
    "claims": {"key": _TEXT, "case_id": _TEXT, "id": _TEXT, "text": _TEXT, "date": _TEXT,
               "precision": _TEXT, "at_key": _TEXT, "main": _INT, **_VERDICT, "note": _TEXT},
    "claim_by": {"case_id": _TEXT, "claim_key": _TEXT, "actor_key": _TEXT},
    "demands": {"key": _TEXT, "case_id": _TEXT, "id": _TEXT, "text": _TEXT, "date": _TEXT,
                "precision": _TEXT, "at_key": _TEXT, "main": _INT, "deadline": _TEXT,
                **_VERDICT, "note": _TEXT},
    "demand_by": {"case_id": _TEXT, "demand_key": _TEXT, "actor_key": _TEXT},
    "demand_to": {"case_id": _TEXT, "demand_key": _TEXT, "actor_key": _TEXT},
    "responses": {"key": _TEXT, "case_id": _TEXT, "id": _TEXT, "said": _TEXT, "quote": _TEXT,
                  "text": _TEXT, "date": _TEXT, "precision": _TEXT, "at_key": _TEXT,
                  "note": _TEXT},
    "response_by": {"case_id": _TEXT, "response_key": _TEXT, "actor_key": _TEXT},
    "response_to": {"case_id": _TEXT, "response_key": _TEXT, "demand_key": _TEXT,
                    "said": _TEXT},
    "evidence": {"key": _TEXT, "case_id": _TEXT, "id": _TEXT, "kind": _TEXT, "text": _TEXT,
                 "quote": _TEXT, "source_key": _TEXT, "locator": _TEXT, "date": _TEXT,
                 "precision": _TEXT, "at_key": _TEXT, "note": _TEXT},
    "evidence_by": {"case_id": _TEXT, "evidence_key": _TEXT, "actor_key": _TEXT},
    "figures": {"evidence_key": _TEXT, "case_id": _TEXT, "number": _FLOAT, "unit": _TEXT,
                "as_of": _TEXT, "as_of_precision": _TEXT, "scope": _TEXT, "measure": _TEXT},
    "actions": {"key": _TEXT, "case_id": _TEXT, "id": _TEXT, "date": _TEXT, "precision": _TEXT,
                "kind": _TEXT, "text": _TEXT, "at_key": _TEXT, "note": _TEXT},
    "action_by": {"case_id": _TEXT, "action_key": _TEXT, "actor_key": _TEXT},
    "effects": {"case_id": _TEXT, "action_key": _TEXT, "position": _INT, "on_key": _TEXT,
                "type": _TEXT, "note": _TEXT},
    "relations": {"key": _TEXT, "case_id": _TEXT, "id": _TEXT, "type": _TEXT, "to_key": _TEXT,
                  "scheme": _TEXT, "source_key": _TEXT, "note": _TEXT},
    "relation_from": {"case_id": _TEXT, "relation_key": _TEXT, "position": _INT,
                      "from_key": _TEXT},
    "demand_status": {"demand_key": _TEXT, "case_id": _TEXT, "said": _TEXT, "done": _TEXT,
                      "overdue": _INT, "on_paper": _INT, "answers": _INT, "actions": _INT,
                      "last_change": _TEXT, "last_item_key": _TEXT, "last_source_key": _TEXT,
                      "last_locator": _TEXT},
    "status_history": {"case_id": _TEXT, "demand_key": _TEXT, "position": _INT, "axis": _TEXT,
                       "value": _TEXT, "date": _TEXT, "item_key": _TEXT, "source_key": _TEXT,
                       "locator": _TEXT},
    "citations": {"case_id": _TEXT, "item_key": _TEXT, "position": _INT, "source_key": _TEXT,
                  "locator": _TEXT, "quote": _TEXT},
    "tags": {"case_id": _TEXT, "item_key": _TEXT, "tag": _TEXT},
    "translations": {"case_id": _TEXT, "item_key": _TEXT, "field": _TEXT, "lang": _TEXT,
                     "text": _TEXT},
}

_PRIMARY = {"cases": "id", "figures": "evidence_key", "demand_status": "demand_key"}

#: Columns that point at another table's key: (column, table, its key column).
_REFERENCES: dict[str, list[tuple[str, str, str]]] = {
    # cases.source_key names a source, but is not declared: sources point at cases already
    "items": [("case_id", "cases", "id")],
    "actors": [("parent_key", "actors", "key")],
    "sources": [],
    "events": [],
    "event_participants": [("event_key", "events", "key"), ("actor_key", "actors", "key")],
    "claims": [("at_key", "events", "key"), ("verdict_by_key", "actors", "key"),
               ("verdict_source_key", "sources", "key")],
    "claim_by": [("claim_key", "claims", "key"), ("actor_key", "actors", "key")],
    "demands": [("at_key", "events", "key"), ("verdict_by_key", "actors", "key"),
                ("verdict_source_key", "sources", "key")],
    "demand_by": [("demand_key", "demands", "key"), ("actor_key", "actors", "key")],
    "demand_to": [("demand_key", "demands", "key"), ("actor_key", "actors", "key")],
    "responses": [("at_key", "events", "key")],
    "response_by": [("response_key", "responses", "key"), ("actor_key", "actors", "key")],
    "response_to": [("response_key", "responses", "key"), ("demand_key", "demands", "key")],
    "evidence": [("source_key", "sources", "key"), ("at_key", "events", "key")],
    "evidence_by": [("evidence_key", "evidence", "key"), ("actor_key", "actors", "key")],
    "figures": [("evidence_key", "evidence", "key")],
    "actions": [("at_key", "events", "key")],
    "action_by": [("action_key", "actions", "key"), ("actor_key", "actors", "key")],
    "effects": [("action_key", "actions", "key"), ("on_key", "items", "key")],
    "relations": [("to_key", "items", "key"), ("source_key", "sources", "key")],
    "relation_from": [("relation_key", "relations", "key"), ("from_key", "items", "key")],
    "demand_status": [("demand_key", "demands", "key"), ("last_item_key", "items", "key"),
                      ("last_source_key", "sources", "key")],
    "status_history": [("demand_key", "demands", "key"), ("item_key", "items", "key"),
                       ("source_key", "sources", "key")],
    "citations": [("item_key", "items", "key"), ("source_key", "sources", "key")],
    "tags": [("item_key", "items", "key")],
    "translations": [("item_key", "items", "key")],
}

#: Tables and the text columns full-text search covers.
FTS: dict[str, tuple[str, ...]] = {
    "demands": ("text", "note"), "claims": ("text", "note"),
    "responses": ("quote", "text", "note"), "evidence": ("text", "quote", "note"),
    "actions": ("text", "note"), "events": ("title", "place", "note"),
    "sources": ("title", "author", "publisher"), "citations": ("quote",),
    "translations": ("text",),
}

_VIEW = """
SELECT d.key, d.case_id, d.id, d.date AS made, d.text,
       (SELECT group_concat(a.name, '; ') FROM demand_to t JOIN actors a ON a.key = t.actor_key
        WHERE t.demand_key = d.key) AS "to",
       s.said, s.done, s.overdue, s.on_paper, s.answers, s.actions, s.last_change,
       s.last_item_key
FROM demands d JOIN demand_status s ON s.demand_key = d.key
"""

#: Index the columns joins and facets use most.
_INDEXES = ("case_id", "demand_key", "actor_key", "item_key", "event_key", "response_key",
            "action_key", "relation_key", "evidence_key", "said", "done", "kind", "date")


def _iso(value: _dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


class _Rows:
    """The rows of one case, table by table, with its texts picked in one language."""

    def __init__(self, case: str, dossier: Dossier, lang: str | None) -> None:
        self.case = case
        self.dossier = dossier
        info = dossier.info
        languages = list(info.languages) if info is not None else []
        self.lang = lang or (languages[0] if languages else "en")
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self.judged_on: _dt.date | None = None

    def key(self, item_id: str | None) -> str | None:
        return None if item_id is None else f"{self.case}/{item_id}"

    def text(self, item: Item, name: str, value: Any) -> str | None:
        """``value`` in the chosen language; every language of a map goes to ``translations``."""
        if value is None:
            return None
        if isinstance(value, dict):
            for code in sorted(value):
                self.rows["translations"].append({"case_id": self.case,
                                                  "item_key": self.key(item.id),
                                                  "field": name, "lang": code,
                                                  "text": value[code]})
        return pick(value, self.lang)

    def links(self, table: str, own: str, item: Item, other: str, ids: Iterable[str]) -> None:
        self.rows[table].extend({"case_id": self.case, own: self.key(item.id),
                                 other: self.key(i)} for i in ids)

    def base(self, item: Item) -> dict[str, Any]:
        return {"key": self.key(item.id), "case_id": self.case, "id": item.id,
                "note": self.text(item, "note", item.note)}

    def dated(self, item: Item, row: dict[str, Any]) -> dict[str, Any]:
        """``row`` with the date the item bears (its own, else its event's) and how much of it
        is known; both ``NULL`` when the source gives no date (none is made up)."""
        find = self.dossier.find
        date = date_of(item, find)
        row["date"] = _iso(date)
        row["precision"] = precision_of(item, find) if date is not None else None
        return row

    def verdict(self, claim: Claim) -> dict[str, Any]:
        """The verdict columns of a claim or a demand (all ``NULL`` without a verdict)."""
        v = claim.verdict
        if v is None:
            return dict.fromkeys(_VERDICT)
        return {"verdict_rating": v.rating, "verdict_by_key": self.key(v.by),
                "verdict_date": _iso(v.date), "verdict_source_key": self.key(v.source),
                "verdict_note": self.text(claim, "verdict.note", v.note)}

    def collect(self) -> None:
        """Every row of the case (each section's own method adds its items' rows)."""
        self.items()
        d = self.dossier
        for actor in d.actors:
            self.actor(actor)
        for source in d.sources:
            self.source(source)
        for event in d.events:
            self.event(event)
        for claim in d.claims:
            self.claim(claim)
        for demand in d.demands:
            self.demand(demand)
        for response in d.responses:
            self.response(response)
        for evidence in d.evidence:
            self.evidence(evidence)
        for action in d.actions:
            self.action(action)
        for relation in d.relations:
            self.relation(relation)
        self._status()

    def items(self) -> None:
        rows, k = self.rows, self.key
        for section, position, item in self.dossier.items():
            rows["items"].append({"key": k(item.id), "case_id": self.case, "id": item.id,
                                  "kind": item.KIND, "section": section, "position": position})
            for i, cite in enumerate(item.cites):
                rows["citations"].append({"case_id": self.case, "item_key": k(item.id),
                                          "position": i, "source_key": k(cite.source),
                                          "locator": cite.locator,
                                          "quote": self.text(item, f"cites[{i}].quote",
                                                             cite.quote)})
            rows["tags"].extend({"case_id": self.case, "item_key": k(item.id), "tag": t}
                                for t in item.tags)

    def actor(self, a: Actor) -> None:
        self.rows["actors"].append({**self.base(a), "name": self.text(a, "name", a.name),
                                    "short": self.text(a, "short", a.short),
                                    "kind": a.kind.value, "plural": a.plural,
                                    "parent_key": self.key(a.parent), "url": a.url})

    def source(self, s: Source) -> None:
        self.rows["sources"].append(self.dated(s, {
            **self.base(s), "title": self.text(s, "title", s.title), "kind": s.kind.value,
            "author": self.text(s, "author", s.author),
            "publisher": self.text(s, "publisher", s.publisher), "url": s.url,
            "locator": s.locator, "language": s.language}))

    def event(self, e: Event) -> None:
        self.rows["events"].append(self.dated(e, {
            **self.base(e), "until": _iso(e.until), "kind": e.kind.value,
            "title": self.text(e, "title", e.title), "place": self.text(e, "place", e.place)}))
        self.links("event_participants", "event_key", e, "actor_key", e.participants)

    def claim(self, c: Claim) -> None:
        self.rows["claims"].append(self.dated(c, {
            **self.base(c), "text": self.text(c, "text", c.text), "at_key": self.key(c.at),
            "main": int(c.main), **self.verdict(c)}))
        self.links("claim_by", "claim_key", c, "actor_key", c.by)

    def demand(self, m: Demand) -> None:
        self.rows["demands"].append(self.dated(m, {
            **self.base(m), "text": self.text(m, "text", m.text), "at_key": self.key(m.at),
            "main": int(m.main), "deadline": _iso(m.deadline), **self.verdict(m)}))
        self.links("demand_by", "demand_key", m, "actor_key", m.by)
        self.links("demand_to", "demand_key", m, "actor_key", m.to)

    def response(self, r: Response) -> None:
        one = single_said(r)
        self.rows["responses"].append(self.dated(r, {
            **self.base(r), "said": one.value if one is not None else None,
            "quote": self.text(r, "quote", r.quote), "text": self.text(r, "text", r.text),
            "at_key": self.key(r.at)}))
        self.links("response_by", "response_key", r, "actor_key", r.by)
        self.rows["response_to"].extend(
            {"case_id": self.case, "response_key": self.key(r.id), "demand_key": self.key(d),
             "said": said.value} for d, said in said_by_demand(r).items())

    def evidence(self, e: Evidence) -> None:
        self.rows["evidence"].append(self.dated(e, {
            **self.base(e), "kind": e.kind.value, "text": self.text(e, "text", e.text),
            "quote": self.text(e, "quote", e.quote), "source_key": self.key(e.source),
            "locator": e.locator, "at_key": self.key(e.at)}))
        self.links("evidence_by", "evidence_key", e, "actor_key", e.by)
        f = e.value
        if f is not None:
            self.rows["figures"].append({
                "evidence_key": self.key(e.id), "case_id": self.case, "number": f.number,
                "unit": f.unit, "as_of": _iso(f.as_of),
                "as_of_precision": f.as_of_precision.value if f.as_of is not None else None,
                "scope": self.text(e, "value.scope", f.scope),
                "measure": self.text(e, "value.measure", f.measure)})

    def action(self, a: Action) -> None:
        self.rows["actions"].append(self.dated(a, {
            **self.base(a), "kind": a.kind.value, "text": self.text(a, "text", a.text),
            "at_key": self.key(a.at)}))
        self.links("action_by", "action_key", a, "actor_key", a.by)
        self.rows["effects"].extend({"case_id": self.case, "action_key": self.key(a.id),
                                     "position": i, "on_key": self.key(effect.on),
                                     "type": effect.type.value,
                                     "note": self.text(a, f"effects[{i}].note", effect.note)}
                                    for i, effect in enumerate(a.effects))

    def relation(self, r: Relation) -> None:
        self.rows["relations"].append({**self.base(r), "type": r.type.value,
                                       "to_key": self.key(r.to), "scheme": r.scheme,
                                       "source_key": self.key(r.source)})
        self.rows["relation_from"].extend({"case_id": self.case, "relation_key": self.key(r.id),
                                           "position": i, "from_key": self.key(premise)}
                                          for i, premise in enumerate(r.from_))

    def _status(self) -> None:
        d, k = self.dossier, self.key
        self.judged_on = latest_date(d)
        statuses = demand_status(d, graph=build_graph(d), today=self.judged_on or _dt.date.min)
        for demand, status in statuses.items():
            last = status.last_change
            self.rows["demand_status"].append({
                "demand_key": k(demand), "case_id": self.case, "said": status.said.value,
                "done": status.done.value, "overdue": int(status.overdue),
                "on_paper": int(status.on_paper), "answers": len(status.answers),
                "actions": len(status.actions), "last_change": _iso(last.date) if last else None,
                "last_item_key": k(last.item) if last else None,
                "last_source_key": k(last.source) if last else None,
                "last_locator": last.locator if last else None})
            self.rows["status_history"].extend({
                "case_id": self.case, "demand_key": k(demand), "position": i, "axis": c.axis,
                "value": c.value.value, "date": _iso(c.date), "item_key": k(c.item),
                "source_key": k(c.source), "locator": c.locator}
                for i, c in enumerate(status.history))

    def case_row(self) -> dict[str, Any]:
        info = self.dossier.info
        return {"id": self.case,
                "title": pick(info.title, self.lang) if info is not None else self.case,
                "description": pick(info.description, self.lang)
                if info is not None and info.description is not None else None,
                "languages": json.dumps(list(info.languages) if info is not None else []),
                "source_key": self.key(info.source) if info is not None else None,
                "items": len(self.dossier), "demands": len(self.dossier.demands),
                "judged_on": _iso(self.judged_on)}


def _create(db: Any) -> None:
    """Create the tables and the view (once, in a new database)."""
    for name, columns in TABLES.items():
        pk = _PRIMARY.get(name, "key" if "key" in columns else None)
        foreign = [("case_id", "cases", "id")] if name != "cases" else []
        foreign += [ref for ref in _REFERENCES.get(name, []) if ref[0] != "case_id"]
        db[name].create(columns, pk=pk, foreign_keys=foreign or None, not_null=(
            {"id"} if name == "cases" else None))
    db.create_view("demands_current", _VIEW.strip())


def _index(db: Any) -> None:
    """Index the columns joins and facets use (after the rows are in: faster than before)."""
    for name, columns in TABLES.items():
        pk = _PRIMARY.get(name, "key" if "key" in columns else None)
        for column in _INDEXES:
            if column in columns and column != pk:
                db[name].create_index([column], if_not_exists=True)


def _fill(db: Any, cases: list[_Rows], fresh: bool) -> None:
    names = [c.case for c in cases]
    marks = ",".join("?" for _ in names)
    for name in () if fresh else reversed(list(TABLES)):  # children first
        column = "id" if name == "cases" else "case_id"
        db.execute(f"DELETE FROM [{name}] WHERE [{column}] IN ({marks})", names)
    db["cases"].insert_all([c.case_row() for c in cases])
    for name, columns in TABLES.items():
        if name == "cases":
            continue
        # every row dict holds every column (see _Rows), so sqlite3 binds them by name itself
        sql = (f"INSERT INTO [{name}] ({', '.join(f'[{c}]' for c in columns)}) "
               f"VALUES ({', '.join(f':{c}' for c in columns)})")
        for case in cases:
            if case.rows[name]:
                db.conn.executemany(sql, case.rows[name])


#: Languages written without spaces between words: their texts need the trigram index.
_CJK = ("ja", "zh", "ko")


def _tokenizer(db: Any) -> str:
    """``trigram`` when any case in the database declares a Chinese, Japanese or Korean
    language (a word index cannot split their texts), else ``porter`` (English words and their
    stems: *bee* finds *bees*)."""
    for (languages,) in db.execute("SELECT languages FROM cases").fetchall():
        if any(code.split("-")[0] in _CJK for code in json.loads(languages or "[]")):
            return "trigram"
    return "porter"


def _search(db: Any) -> None:
    """(Re)build the full-text indexes over the texts of every case."""
    tokenize = _tokenizer(db)
    for table, columns in FTS.items():
        found = db[table].detect_fts()
        if found is not None and f"tokenize='{tokenize}'" not in (db[found].schema or ""):
            db[table].disable_fts()  # another tokenizer: the new cases need this one
            found = None
        if found is None:
            db[table].enable_fts(list(columns), tokenize=tokenize)
        else:  # the index holds copies of the texts: rebuilt after the rows changed
            db[table].rebuild_fts()


def write(dossiers: Sequence[tuple[str, Dossier]], path: str | os.PathLike[str],
          lang: str | None = None) -> Path:
    """Write each ``(case name, dossier)`` into the database at ``path`` (created, or updated:
    the cases named are replaced, the others kept), atomically. Returns the path.

    >>> write([("mynumber-card", dossier)], "cases.db")  # doctest: +SKIP
    PosixPath('cases.db')
    """
    import sqlite_utils

    target = Path(path)
    names = [name for name, _ in dossiers]
    if len(set(names)) != len(names):
        raise FormatError("two dossiers would be the same case: "
                          + ", ".join(sorted({n for n in names if names.count(n) > 1})),
                          file=str(target))
    cases = []
    with paused_gc():  # hundreds of thousands of small row dicts: see paused_gc
        for name, dossier in dossiers:
            rows = _Rows(name, dossier, lang)
            rows.collect()
            cases.append(rows)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
        if target.exists():
            shutil.copyfile(target, tmp)
    except OSError as exc:
        raise FileError(f"cannot write here: {exc.strerror or exc}", file=str(target)) from None
    try:
        conn = sqlite3.connect(tmp)
        try:
            # a private copy, renamed into place only when whole: no journal is needed
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            db = sqlite_utils.Database(conn)
            fresh = "cases" not in db.table_names()
            if not fresh and not _ours(db):
                raise FileError("not a database argmap wrote (no argmap 'cases' table): "
                                "choose another file", file=str(target))
            missing = [] if fresh else _missing_columns(db)
            if missing:
                raise FileError("written by an earlier argmap, without "
                                + ", ".join(missing[:3]) + (" ..." if len(missing) > 3 else "")
                                + ": write the cases into a new file", file=str(target))
            with conn:
                if fresh:
                    _create(db)
                _fill(db, cases, fresh)
                _index(db)
            _search(db)
            if not fresh:
                conn.execute("VACUUM")  # reclaim the space of the cases replaced
        finally:
            conn.close()
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except sqlite3.DatabaseError as exc:
        os.unlink(tmp)
        raise FileError(f"cannot write the database: {exc}", file=str(target)) from None
    except BaseException:
        os.unlink(tmp)
        raise
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _ours(db: Any) -> bool:
    """Whether an existing database has argmap's tables (so that updating it is safe)."""
    names = set(db.table_names())
    return all(name in names for name in TABLES) and "judged_on" in db["cases"].columns_dict


def _missing_columns(db: Any) -> list[str]:
    """The ``table.column`` this version writes that an existing argmap database lacks (one
    written by an earlier version)."""
    return [f"{name}.{column}" for name, columns in TABLES.items()
            for column in columns if column not in db[name].columns_dict]
