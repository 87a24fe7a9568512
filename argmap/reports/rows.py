"""Rows for ``argmap status`` and ``argmap timeline``, and their JSON, CSV and table forms.

Rows are plain dicts with a fixed key order (:data:`STATUS_COLUMNS`, :data:`TIMELINE_COLUMNS`);
values are ``str``, ``bool``, ``None`` or lists of ``str``; dates are ISO strings. The same
dossier and arguments always give the same rows.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import msgspec
import networkx as nx

from ..dates import date_text, precision_of
from ..dossier import Dossier
from ..errors import UnknownReferenceError, did_you_mean
from ..graph import build_graph, paused_gc
from ..l10n import format_date
from ..lang import pick
from ..model import Response, on_record, said_by_demand, single_said
from ..queries import actor_family, actor_profile
from ..tracking import DateLike, demand_status, timeline
from ..words import TABLES, word
from .outcome import demand_outcome, said_words

if TYPE_CHECKING:
    from rich.table import Table

__all__ = [
    "STATUS_COLUMNS", "STATUS_TABLE_COLUMNS", "TIMELINE_COLUMNS", "TIMELINE_TABLE_COLUMNS",
    "rows_to_csv", "rows_to_json", "rows_to_table", "said_text", "status_rows",
    "timeline_rows"
]

#: Keys of a status row, in order.
#:
#: ``demand`` id; ``made`` date; ``by`` and ``to`` actor ids; ``text`` the demand in the chosen
#: language; ``said`` and ``done`` values; ``said_words`` and ``done_words`` the same in the
#: words every output uses for this pair (:mod:`argmap.reports.outcome`: only an answer that
#: committed to something is "kept" or "broken"); ``overdue`` and ``on_paper`` flags;
#: ``deadline``; ``answers`` and ``actions`` ids by date; ``last_change`` date, ``last_item``
#: (response or action id), ``last_source`` and ``last_locator`` of the latest change on either
#: axis.
STATUS_COLUMNS: tuple[str, ...] = (
    "demand", "made", "by", "to", "text", "said", "done", "said_words", "done_words", "overdue",
    "on_paper", "deadline", "answers", "actions", "last_change", "last_item", "last_source",
    "last_locator",
)

#: Dates in rows are cut to the precision the item gives (``2018-02``, ``2013``).
#:
#: Keys of a timeline row, in order: ``date``, ``kind``, ``id``, ``by`` (actor ids); ``text`` in
#: the chosen language: the writer's words (a response's ``text``, empty when it has none, never
#: its quote); ``quote``: the words quoted verbatim from the source (a response's or evidence's
#: ``quote``), else empty; ``said`` (responses: the value, or ``demand: value`` pairs joined
#: with ``; `` when the answer said different things to its demands) and ``said_words`` (the
#: same in words); ``effects`` (actions: ``type:target``); ``source`` and ``locator``: where
#: the item is on record (evidence: its own ``source``, else its first citation).
TIMELINE_COLUMNS: tuple[str, ...] = (
    "date", "kind", "id", "by", "text", "quote", "said", "said_words", "effects", "source",
    "locator",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _iso(date: _dt.date | None, precision: str = "day") -> str | None:
    """ISO date cut to what is known (``2018-02``, ``2013``); ``None`` when undated."""
    return None if date is None else date_text(date, precision)


def _precision(graph: nx.MultiDiGraph, item_id: str) -> str:
    """How much of an item's date is known (its own, else its event's)."""
    nodes = graph.nodes
    return precision_of(nodes[item_id]["item"],
                        lambda i: nodes[i]["item"] if i in nodes else None)


def said_text(response: Response, lang: str | None = None) -> str:
    """A response's ``said`` as one cell: its value (in words when ``lang`` is given), or
    ``demand: value`` pairs joined with ``; `` when it said different things to different
    demands."""
    def one_cell(said: Any) -> str:
        return said.value if lang is None else said_words(said, lang)

    one = single_said(response)
    if one is not None:
        return one_cell(one)
    return "; ".join(f"{d}: {one_cell(s)}" for d, s in said_by_demand(response).items())


def _family_of(graph: nx.MultiDiGraph, actor: str) -> tuple[str, ...]:
    """The actor and its divisions (an unknown actor is an error naming the nearest)."""
    _check_actor(graph, actor)
    return actor_family(graph, actor)


def _check_actor(graph: nx.MultiDiGraph, actor: str) -> None:
    if graph.nodes.get(actor, {}).get("kind") != "actor":
        known = sorted(n for n, k in graph.nodes(data="kind") if k == "actor")
        raise UnknownReferenceError(f"unknown actor '{actor}'{did_you_mean(actor, known)}")


def status_rows(dossier: Dossier, as_of: DateLike = None, actor: str | None = None,
                lang: str = "en", *, graph: nx.MultiDiGraph | None = None,
                today: _dt.date | None = None) -> list[dict[str, Any]]:
    """One row per demand (keys :data:`STATUS_COLUMNS`), in the order of :func:`demand_status`.

    ``actor`` keeps the demands it made, was asked, answered or acted on, it or one of its
    divisions (actors whose ``parent`` chain reaches it); an unknown actor raises
    :class:`~argmap.errors.UnknownReferenceError`.

    >>> d = Dossier.model_validate({"actors": [{"id": "m", "name": "M", "kind": "ministry"}],
    ...   "demands": [{"id": "d", "text": {"en": "Stop", "ja": "中止"}, "to": "m",
    ...                "date": "2019-07-23"}]})
    >>> row = status_rows(d, lang="ja", today=_dt.date(2020, 1, 1))[0]
    >>> row["text"], row["said"], row["done"], row["said_words"], row["done_words"]
    ('中止', 'no_response', 'unrated', '回答なし', '実行の記録なし')
    """
    with paused_gc():  # thousands of rows of small objects: see paused_gc
        return _status_rows(dossier, as_of, actor, lang, graph, today)


def _status_rows(dossier: Dossier, as_of: DateLike, actor: str | None, lang: str,
                 graph: nx.MultiDiGraph | None, today: _dt.date | None) -> list[dict[str, Any]]:
    if graph is None:
        graph = build_graph(dossier)
    statuses = demand_status(dossier, as_of, graph=graph, today=today)
    keep: set[str] | None = None
    if actor is not None:
        family = set(_family_of(graph, actor))
        keep = set()
        for member in family:
            profile = actor_profile(graph, member)
            keep |= set(profile.demanded) | set(profile.asked)
        nodes = graph.nodes
        for status in statuses.values():
            doers = [nodes[i]["item"].by for i in status.answers + status.actions]
            if any(family.intersection(by) for by in doers):
                keep.add(status.demand)
    rows = []
    for demand, status in statuses.items():
        if keep is not None and demand not in keep:
            continue
        last = status.last_change
        said, done = demand_outcome(status, lang)
        rows.append({
            "demand": demand,
            "made": _iso(status.made, _precision(graph, demand)),
            "by": list(status.by),
            "to": list(status.to),
            "text": pick(graph.nodes[demand]["text"], lang),
            "said": status.said.value,
            "done": status.done.value,
            "said_words": said,
            "done_words": done,
            "overdue": status.overdue,
            "on_paper": status.on_paper,
            "deadline": _iso(status.deadline),
            "answers": list(status.answers),
            "actions": list(status.actions),
            "last_change": _iso(last.date, _precision(graph, last.item)) if last else None,
            "last_item": last.item if last else None,
            "last_source": last.source if last else None,
            "last_locator": last.locator if last else None,
        })
    return rows


def timeline_rows(dossier: Dossier, as_of: DateLike = None, actor: str | None = None,
                  lang: str = "en", kinds: tuple[str, ...] | None = None, *,
                  graph: nx.MultiDiGraph | None = None) -> list[dict[str, Any]]:
    """One row per dated item (keys :data:`TIMELINE_COLUMNS`), in :func:`timeline` order.

    ``actor`` keeps the items it or one of its divisions (actors whose ``parent`` chain reaches
    it: the head of government answering for the government) is named in (by, to,
    participants), and the answers and actions bearing on the demands they made.
    """
    if graph is None:
        graph = build_graph(dossier)
    keep: set[str] | None = None
    if actor is not None:
        family = _family_of(graph, actor)
        keep = set()
        for member in family:
            keep.update(n for n in graph.predecessors(member)
                        if graph.nodes[n].get("kind") != "actor")
            for demand in actor_profile(graph, member).demanded:
                keep.update(graph.predecessors(demand))
    rows = []
    for day in timeline(dossier, as_of, kinds=kinds, graph=graph):
        for entry in day.entries:
            if keep is not None and entry.id not in keep:
                continue
            item = graph.nodes[entry.id]["item"]
            response = entry.kind == "response"
            effects = ([f"{e.type.value}:{e.on}" for e in item.effects]
                       if entry.kind == "action" else [])
            source, locator = on_record(item)
            quote = getattr(item, "quote", None)
            rows.append({
                "date": _iso(entry.date, _precision(graph, entry.id)),
                "kind": entry.kind,
                "id": entry.id,
                "by": list(getattr(item, "by", None) or getattr(item, "participants", None) or []),
                "text": pick(item.text, lang) if response else pick(entry.title, lang),
                "quote": pick(quote, lang) if quote is not None else "",
                "said": said_text(item) if response else None,
                "said_words": said_text(item, lang) if response else None,
                "effects": effects,
                "source": source,
                "locator": locator,
            })
    return rows


def rows_to_json(rows: Sequence[dict[str, Any]]) -> str:
    """The rows as a JSON array (UTF-8 text kept as is, two-space indent, final newline)."""
    # Rows hold only text, lists of text, booleans and None, which msgspec writes byte for byte
    # as json.dumps(ensure_ascii=False, indent=2) does, in a tenth of the time (whose indented
    # output is pure Python): half a second of `status` on 10,000 demands.
    return msgspec.json.format(msgspec.json.encode(list(rows)), indent=2).decode() + "\n"


def _cell(value: Any) -> str:
    """A value as CSV or table text: lists joined with ``; ``, booleans ``true``/``false``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def _safe(text: str) -> str:
    """Defuse spreadsheet formulas: a cell starting with ``= + - @``, tab or CR gets a ``'``."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows_to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """The rows as CSV with a header line (``\\n`` line ends), safe to open in a spreadsheet.

    >>> rows_to_csv([{"a": "=1+1", "b": ["x", "y"], "c": True}])
    "a,b,c\\n'=1+1,x; y,true\\n"
    """
    columns = list(columns if columns is not None else (rows[0] if rows else ()))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([_safe(c) for c in columns])
    for row in rows:
        writer.writerow([_safe(_cell(row.get(c))) for c in columns])
    return out.getvalue()


_STYLES = {
    "no_response": "dim", "not_yet_rated": "italic", "acknowledged": "yellow", "deflected": "yellow",
    "under_consideration": "yellow", "partially_accepted": "cyan", "accepted": "green",
    "refused": "red", "unrated": "dim", "committed": "cyan", "in_progress": "cyan",
    "stalled": "yellow", "delivered": "green", "partially_delivered": "cyan",
    "not_delivered": "red", "reversed": "bold red",
}


#: Columns a terminal table shows by default (the JSON and CSV forms keep every column).
STATUS_TABLE_COLUMNS: tuple[str, ...] = ("made", "text", "to", "said_words", "done_words",
                                         "last_change")
TIMELINE_TABLE_COLUMNS: tuple[str, ...] = ("date", "kind", "text", "said_words", "source",
                                           "locator")
# Short columns are kept on one line; the text column takes the remaining width and wraps.
_NARROW = frozenset({"made", "date", "kind", "said", "done", "overdue", "on_paper", "deadline",
                     "last_change", "locator"})
#: Column headings where the key is not the heading, and the value column that colours them.
_HEADINGS = {"said_words": "said", "done_words": "done"}
_COLOURED_BY = {"said": "said", "done": "done", "said_words": "said", "done_words": "done"}


#: Columns holding a date (ISO, cut to its precision) that the table writes in its language.
_DATE_COLUMNS = frozenset({"made", "date", "deadline", "last_change"})
_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


#: Columns holding actor ids, which the table shows by name.
_ACTOR_COLUMNS = frozenset({"by", "to"})


def _shown(name: str, value: Any, lang: str | None,
           names: Callable[[str], str] | None = None) -> str:
    """A cell as a reader of ``lang`` reads it: dates in the language's words at the precision
    the row gives (``2019-07`` -> ``July 2019``, ``2019年7月``), an undated item said to be so,
    an item's kind by its name, actors by ``names`` (their ids without it); other values as
    CSV writes them."""
    if name in ("made", "date") and value is None:
        return word("undated", lang)
    if name in _ACTOR_COLUMNS and names is not None and isinstance(value, (list, tuple)):
        return word("names_sep", lang).join(names(actor) for actor in value)
    if name in _DATE_COLUMNS and isinstance(value, str) and len(value) in _PRECISION_BY_LENGTH:
        try:  # "2019" and "2019-07" stand for their first day, shown only as far as known
            day = _dt.date.fromisoformat(value + "-01" * ((10 - len(value)) // 3))
        except ValueError:
            return _cell(value)
        return format_date(day, lang, _PRECISION_BY_LENGTH[len(value)], short=True)
    if name == "kind" and isinstance(value, str) and f"kind.{value}" in TABLES["en"]:
        return word(f"kind.{value}", lang)
    return _cell(value)


def rows_to_table(rows: Sequence[dict[str, Any]], title: str | None = None,
                  columns: Sequence[str] | None = None, lang: str | None = None,
                  names: Callable[[str], str] | None = None) -> Table:
    """The rows as a ``rich`` table, its column headings in ``lang`` (``report.<column>``);
    actors by ``names`` (an actor id to what the reader calls it; ids without it);
    cells are plain text (never read as markup), ``said`` and ``done`` coloured by their value,
    ``overdue`` shown in red. A row's ``quote`` (the source's own words) follows its ``text``
    (the writer's words) in the text cell, in the quotation marks of ``lang``, and only there:
    its source is the row's ``source``."""
    from rich.table import Table  # rich is loaded only for tables (not for JSON or CSV)
    from rich.text import Text as RichText

    from .terminal import Cell

    columns = list(columns if columns is not None else (rows[0] if rows else ()))
    table = Table(title=title)
    for name in columns:
        key = _HEADINGS.get(name, name)
        heading = (word(f"report.{key}", lang) if f"report.{key}" in TABLES["en"]
                   else key.replace("_", " "))
        if name in _NARROW:
            table.add_column(heading, no_wrap=True)
        else:
            table.add_column(heading, overflow="fold", ratio=3 if name == "text" else 1)
    for row in rows:
        cells = []
        for name in columns:
            value = row.get(name)
            text = _shown(name, value, lang, names)
            if name == "text" and row.get("quote"):
                quoted = word("quote", lang, text=row["quote"])
                text = f"{text}\n{quoted}" if text else quoted
            style = ""
            if name in _COLOURED_BY:
                style = _STYLES.get(_cell(row.get(_COLOURED_BY[name])), "")
            elif name == "overdue" and value:
                style = "bold red"
            cells.append(RichText(text, style=style) if name in _NARROW
                         else Cell(text, style, lang))
        table.add_row(*cells)
    return table
