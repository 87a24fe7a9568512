"""Rows for ``argmap status`` and ``argmap timeline``, and their JSON, CSV and table forms.

Rows are plain dicts with a fixed key order (:data:`STATUS_COLUMNS`, :data:`TIMELINE_COLUMNS`);
values are ``str``, ``bool``, ``None`` or lists of ``str``; dates are ISO strings. The same
dossier and arguments always give the same rows.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from collections.abc import Sequence
from typing import Any

import networkx as nx
from rich.table import Table
from rich.text import Text as RichText

from ..dates import date_text, precision_of
from ..dossier import Dossier
from ..errors import UnknownReferenceError, did_you_mean
from ..graph import build_graph, paused_gc
from ..lang import pick
from ..words import TABLES, word
from ..model import Response, said_by_demand, single_said
from ..queries import actor_profile
from ..tracking import DateLike, demand_status, timeline

__all__ = [
    "STATUS_COLUMNS", "STATUS_TABLE_COLUMNS", "TIMELINE_COLUMNS", "TIMELINE_TABLE_COLUMNS",
    "rows_to_csv", "rows_to_json", "rows_to_table", "said_text", "status_rows", "timeline_rows"
]

#: Keys of a status row, in order.
#:
#: ``demand`` id; ``made`` date; ``by`` and ``to`` actor ids; ``text`` the demand in the chosen
#: language; ``said`` and ``done`` values; ``overdue`` and ``on_paper`` flags; ``deadline``;
#: ``answers`` and ``actions`` ids by date; ``last_change`` date, ``last_item`` (response or
#: action id), ``last_source`` and ``last_locator`` of the latest change on either axis.
STATUS_COLUMNS: tuple[str, ...] = (
    "demand", "made", "by", "to", "text", "said", "done", "overdue", "on_paper", "deadline",
    "answers", "actions", "last_change", "last_item", "last_source", "last_locator",
)

#: Dates in rows are cut to the precision the item gives (``2018-02``, ``2013``).
#:
#: Keys of a timeline row, in order: ``date``, ``kind``, ``id``, ``by`` (actor ids), ``text`` in
#: the chosen language, ``said`` (responses: the value, or ``demand: value`` pairs joined with
#: ``; `` when the answer said different things to its demands), ``effects`` (actions:
#: ``type:target``),
#: ``source`` and ``locator`` of the item's first citation.
TIMELINE_COLUMNS: tuple[str, ...] = (
    "date", "kind", "id", "by", "text", "said", "effects", "source", "locator",
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


def said_text(response: Response) -> str:
    """A response's ``said`` as one cell: its value, or ``demand: value`` pairs joined with
    ``; `` when it said different things to different demands."""
    one = single_said(response)
    if one is not None:
        return one.value
    return "; ".join(f"{d}: {s.value}" for d, s in said_by_demand(response).items())


def _check_actor(graph: nx.MultiDiGraph, actor: str) -> None:
    if graph.nodes.get(actor, {}).get("kind") != "actor":
        known = sorted(n for n, k in graph.nodes(data="kind") if k == "actor")
        raise UnknownReferenceError(f"unknown actor '{actor}'{did_you_mean(actor, known)}")


def status_rows(dossier: Dossier, as_of: DateLike = None, actor: str | None = None,
                lang: str = "en", *, graph: nx.MultiDiGraph | None = None,
                today: _dt.date | None = None) -> list[dict[str, Any]]:
    """One row per demand (keys :data:`STATUS_COLUMNS`), in the order of :func:`demand_status`.

    ``actor`` keeps the demands it made, was asked, answered or acted on; an unknown actor
    raises :class:`~argmap.errors.UnknownReferenceError`.

    >>> d = Dossier.model_validate({"actors": [{"id": "m", "name": "M", "kind": "ministry"}],
    ...   "demands": [{"id": "d", "text": {"en": "Stop", "ja": "中止"}, "to": "m",
    ...                "date": "2019-07-23"}]})
    >>> row = status_rows(d, lang="ja", today=_dt.date(2020, 1, 1))[0]
    >>> row["text"], row["said"], row["done"]
    ('中止', 'no_response', 'unrated')
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
        _check_actor(graph, actor)
        profile = actor_profile(graph, actor)
        keep = set(profile.demanded) | set(profile.asked)
        nodes = graph.nodes
        for status in statuses.values():
            doers = [nodes[i]["item"].by for i in status.answers + status.actions]
            if any(actor in by for by in doers):
                keep.add(status.demand)
    rows = []
    for demand, status in statuses.items():
        if keep is not None and demand not in keep:
            continue
        last = status.last_change
        rows.append({
            "demand": demand,
            "made": _iso(status.made, _precision(graph, demand)),
            "by": list(status.by),
            "to": list(status.to),
            "text": pick(graph.nodes[demand]["text"], lang),
            "said": status.said.value,
            "done": status.done.value,
            "overdue": status.overdue,
            "on_paper": status.on_paper,
            "deadline": _iso(status.deadline),
            "answers": list(status.answers),
            "actions": list(status.actions),
            "last_change": _iso(last.date) if last else None,
            "last_item": last.item if last else None,
            "last_source": last.source if last else None,
            "last_locator": last.locator if last else None,
        })
    return rows


def timeline_rows(dossier: Dossier, as_of: DateLike = None, actor: str | None = None,
                  lang: str = "en", kinds: tuple[str, ...] | None = None, *,
                  graph: nx.MultiDiGraph | None = None) -> list[dict[str, Any]]:
    """One row per dated item (keys :data:`TIMELINE_COLUMNS`), in :func:`timeline` order.

    ``actor`` keeps the items it is named in (by, to, participants) and the answers and actions
    bearing on demands it made.
    """
    if graph is None:
        graph = build_graph(dossier)
    keep: set[str] | None = None
    if actor is not None:
        _check_actor(graph, actor)
        keep = set(graph.predecessors(actor))
        for demand in actor_profile(graph, actor).demanded:
            keep.update(graph.predecessors(demand))
    rows = []
    for day in timeline(dossier, as_of, kinds=kinds, graph=graph):
        for entry in day.entries:
            if keep is not None and entry.id not in keep:
                continue
            item = graph.nodes[entry.id]["item"]
            cites = item.cites
            said = said_text(item) if entry.kind == "response" else None
            effects = ([f"{e.type.value}:{e.on}" for e in item.effects]
                       if entry.kind == "action" else [])
            rows.append({
                "date": _iso(entry.date, _precision(graph, entry.id)),
                "kind": entry.kind,
                "id": entry.id,
                "by": list(getattr(item, "by", None) or getattr(item, "participants", None) or []),
                "text": pick(entry.title, lang),
                "said": said,
                "effects": effects,
                "source": cites[0].source if cites else None,
                "locator": cites[0].locator if cites else None,
            })
    return rows


def rows_to_json(rows: Sequence[dict[str, Any]]) -> str:
    """The rows as a JSON array (UTF-8 text kept as is, two-space indent, final newline)."""
    return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"


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
STATUS_TABLE_COLUMNS: tuple[str, ...] = ("made", "text", "to", "said", "done", "last_change")
TIMELINE_TABLE_COLUMNS: tuple[str, ...] = ("date", "kind", "text", "said", "source", "locator")
# Short columns are kept on one line; the text column takes the remaining width and wraps.
_NARROW = frozenset({"made", "date", "kind", "said", "done", "overdue", "on_paper", "deadline",
                     "last_change", "locator"})


def rows_to_table(rows: Sequence[dict[str, Any]], title: str | None = None,
                  columns: Sequence[str] | None = None, lang: str | None = None) -> Table:
    """The rows as a ``rich`` table, its column headings in ``lang`` (``report.<column>``);
    cells are plain text (never read as markup), ``said`` and ``done`` values coloured,
    ``overdue`` shown in red."""
    columns = list(columns if columns is not None else (rows[0] if rows else ()))
    table = Table(title=title)
    for name in columns:
        head = (word(f"report.{name}", lang) if f"report.{name}" in TABLES["en"]
                else name.replace("_", " "))
        if name in _NARROW:
            table.add_column(head, no_wrap=True)
        else:
            table.add_column(head, overflow="fold", ratio=3 if name == "text" else 1)
    for row in rows:
        cells = []
        for name in columns:
            value = row.get(name)
            text = _cell(value)
            style = ""
            if name in ("said", "done"):
                style = _STYLES.get(text, "")
            elif name == "overdue" and value:
                style = "bold red"
            cells.append(RichText(text, style=style))
        table.add_row(*cells)
    return table
