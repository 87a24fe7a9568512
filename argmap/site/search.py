"""The search index of the site: every case, actor and demand, as one inline JSON block that the
search page's script reads (no file is fetched: the page's policy forbids it).

Each entry is ``[kind, path, title, context, said, haystack]``: ``context`` the case (for a
demand) or what the actor received; ``said`` a demand's current said value (``""`` otherwise);
``haystack`` the text searched, lower-cased and NFKC-normalised, as the script does to the
query: a demand's text in every language, the names of who made it and who was asked, its tags,
and the words of its answers. A query matches an entry holding every one of its words.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ..maps.style import SAID
from ..model import Said
from ..page.build import script_json
from .context import Site
from .words import word

__all__ = ["entries", "fold", "index_block"]


def _texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, dict):
        return [v for _, v in sorted(value.items()) if v]
    return [str(value)]


def fold(text: str) -> str:
    """Text as the search compares it: NFKC, lower case, runs of blank space as one.

    >>> fold("Ｍｙ  Number\\nＣard")
    'my number card'
    """
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def entries(site: Site) -> list[list[str]]:
    """The index entries: cases, then actors (most demands received first), then demands."""
    out: list[list[str]] = []
    for case in site.cases:
        info = case.dossier.info
        words = _texts(info.title) + _texts(info.description) if info is not None else []
        out.append(["case", site.case_path(case), site.title(case),
                    word("col.demands", site.lang) + f": {len(case.statuses):,}", "",
                    fold(" ".join(words + [case.name]))])
    ranked = sorted(site.actors.values(), key=lambda r: (-len(r.received), site.name(r.id)))
    for record in ranked:
        if not site.has_page(record.id):
            continue
        actor = record.item()
        words = _texts(actor.name) + _texts(actor.short) + [record.id]
        context = (word("col.received", site.lang) + f": {len(record.received):,}"
                   if record.received else "")
        out.append(["actor", site.actor_path(record.id), site.name(record.id), context, "",
                    fold(" ".join(words))])
    for case in site.cases:
        title = site.title(case)
        for demand_id, status in case.statuses.items():
            demand = case.demand(demand_id)
            words = _texts(demand.text) + list(demand.tags) + [demand_id]
            words += [site.name(a) for a in (*status.by, *status.to)]
            for answer_id in status.answers:
                answer = case.response(answer_id)
                words += _texts(answer.quote) + _texts(answer.text)
            said, context = status.said.value, title
            if case.turned_away(demand_id) and not status.answers:
                said, context = "", f"{title} — {word('away', site.lang)}"  # never "no answer"
            elif case.no_answer_due(demand_id):
                said, context = "", f"{title} — {word('not_due', site.lang)}"
            out.append(["demand", site.demand_path(case, demand_id), site.text(demand.text),
                        context, said, fold(" ".join(words))])
    return out


def index_block(site: Site) -> str:
    """The ``<script type="application/json">`` block holding the index and the words the
    script shows (kinds, said values), safe inside the page."""
    lang = site.lang
    keys = ["kind.case", "kind.actor", "kind.demand", "search.count", "search.shown",
            "search.none", "search.empty"]
    keys += [f"said.{s.value}" for s in Said]
    data = {"words": {k: word(k, lang) for k in keys},
            "glyphs": {s.value: SAID[s].glyph for s in Said},
            "entries": entries(site)}
    return f'<script type="application/json" id="site-index">{script_json(data)}</script>\n'
