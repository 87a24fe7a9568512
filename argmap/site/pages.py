"""The site's pages other than a demand's: the index of cases, the actors, an actor's scorecard,
a case, and the search page. Each function returns ``{path: html}`` for the pages it makes."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from ..l10n import format_date
from .chart import answers_chart, legend
from .context import Site
from .html import Table, badge, day, esc, flag, link, names, pager, pages_of, pct, say
from .search import index_block
from .tally import ActorRecord, Bin, Case, DemandRef, Scorecard, answers_over_time, scorecard
from .words import word

__all__ = [
    "actor_pages", "actors_page", "actors_table", "apart_badge", "asked", "case_pages",
    "chart_section", "demand_table", "index_page", "newest_first", "scorecard_html",
    "search_page", "status_cell",
]


def newest_first(refs: Sequence[DemandRef]) -> list[DemandRef]:
    """Demands by the date they were made, newest first (undated last), then dossier order."""
    return sorted(refs, key=lambda r: (r.status.made or _dt.date.min, -r.case.order[r.id]),
                  reverse=True)


# --- pieces ------------------------------------------------------------------------------------


def status_cell(site: Site, ref: DemandRef) -> str:
    """The said badge and the overdue / on-paper flags of a demand (or why it is apart)."""
    status, lang = ref.status, site.lang
    apart = apart_badge(ref, lang)
    if apart is not None:
        return apart
    out = badge("said", status.said.value, lang)
    if status.overdue:
        out += " " + flag("overdue", lang)
    if status.on_paper:
        out += " " + flag("on_paper", lang)
    return out


def apart_badge(ref: DemandRef, lang: str) -> str | None:
    """The badge of an unanswered demand counted apart, never shown as "no answer": turned
    away before it reached its addressee, or owed no answer; ``None`` for any other."""
    case = ref.case
    if case.no_answer_due(ref.id):
        return f'<span class="badge away">{esc(word("not_due", lang))}</span>'
    if not case.turned_away(ref.id) or ref.status.answers:
        return None
    tags = [t for t in case.get(ref.id).tags if t.startswith(("rejected-", "withdrawn-"))]
    detail = f" ({', '.join(tags)})" if tags else ""
    return f'<span class="badge away">⊘ {esc(word("away", lang) + detail)}</span>'


def demand_table(site: Site, root: str, with_case: bool) -> Table[DemandRef]:
    """The table of demands used on case and actor pages."""
    lang = site.lang
    columns = [word("col.made", lang), word("col.demand", lang)]
    columns += [word("col.case", lang)] if with_case else []
    columns += [word("col.to", lang), word("col.said", lang), word("col.done", lang),
                word("col.last", lang)]

    def row(ref: DemandRef) -> list[str]:
        status, case = ref.status, ref.case
        text = site.text(case.graph.nodes[ref.id]["text"])
        cells = [f'<td class="date">{day(status.made, lang)}</td>',
                 f'<td class="text">{link(root + site.demand_path(case, ref.id), text)}</td>']
        if with_case:
            cells.append(f'<td class="case">{link(root + site.case_path(case), site.title(case))}'
                         "</td>")
        to = names([site.actor_link(root, a) for a in status.to], lang)
        last = status.last_change
        cells += [f"<td>{to}</td>", f"<td>{status_cell(site, ref)}</td>",
                  f"<td>{badge('done', status.done.value, lang)}</td>",
                  f'<td class="date">{day(last.date, lang) if last else ""}</td>']
        return cells

    return Table(columns, row)


def scorecard_html(site: Site, card: Scorecard, heading: str) -> str:
    """The scorecard as a grid of figures, with how each is counted."""
    lang = site.lang

    def figure(key: str, value: str, cls: str = "") -> str:
        return (f'<div class="fig {cls}"><dt>{esc(word(key, lang))}</dt>'
                f"<dd>{value}</dd></div>")

    days = (esc(word("days", lang, n=f"{card.median_days:,.0f}"))
            if card.median_days is not None else esc(word("none", lang)))
    figures = [
        figure("scorecard.received", f"{card.received:,}", "big"),
        figure("col.answered", pct(card.answered, card.share(card.answered), lang)),
        figure("col.days", days),
        figure("col.on_paper", pct(card.on_paper, card.share(card.on_paper), lang)),
        figure("col.not_rated", pct(card.not_yet_rated, card.share(card.not_yet_rated), lang),
               "said-not_yet_rated"),
        figure("col.unanswered", pct(card.unanswered, card.share(card.unanswered), lang)),
        figure("col.overdue", f"{card.overdue:,}"),
        figure("col.kept", f"{card.kept:,}", "done-delivered"),
        figure("col.partly_kept", f"{card.partly_kept:,}", "done-partially_delivered"),
        figure("col.broken", f"{card.broken:,}", "done-not_delivered"),
        figure("col.reversed", f"{card.reversed:,}", "done-reversed"),
    ]
    away = "".join(f'<p class="note">{esc(word(key, lang, n=f"{n:,}"))}</p>'
                   for key, n in (("scorecard.turned_away", card.turned_away),
                                  ("scorecard.not_due", card.not_due)) if n)
    said = " ".join(f"{badge('said', value, lang)} {n:,}" for value, n in card.said.items())
    return (f'<section class="scorecard" aria-labelledby="sc"><h2 id="sc">{esc(heading)}</h2>'
            f'<dl class="figs">{"".join(figures)}</dl>{away}'
            f'<p class="said-mix">{said}</p>'
            f'<details class="how"><summary>{esc(word("scorecard.how", lang))}</summary>'
            f'<p>{esc(word("scorecard.explain", lang))}</p></details></section>')


def _tallies_row(site: Site, card: Scorecard) -> list[str]:
    """The tally cells of a case or an actor row (received, then each share and count)."""
    lang = site.lang
    received = f"{card.received:,}"
    for key, n in (("turned_away.short", card.turned_away), ("not_due.short", card.not_due)):
        if n:
            received += f'<br><span class="muted">{esc(word(key, lang, n=f"{n:,}"))}</span>'
    return [f'<td class="num">{received}</td>',
            f'<td class="num">{pct(card.answered, card.share(card.answered), lang)}</td>',
            (f'<td class="num">{pct(card.not_yet_rated, card.share(card.not_yet_rated), lang)}'
             "</td>"),
            f'<td class="num">{pct(card.on_paper, card.share(card.on_paper), lang)}</td>',
            f'<td class="num">{pct(card.unanswered, card.share(card.unanswered), lang)}</td>',
            f'<td class="num">{card.kept:,}</td>', f'<td class="num">{card.broken:,}</td>',
            f'<td class="num">{card.reversed:,}</td>']


_TALLY_COLUMNS = ("col.answered", "col.not_rated", "col.on_paper", "col.unanswered", "col.kept",
                  "col.broken", "col.reversed")


def actors_table(site: Site, root: str, records: Sequence[tuple[ActorRecord, Scorecard]]) -> str:
    """Scorecards of several actors, one row each."""
    lang = site.lang
    columns = [word("col.actor", lang), word("col.received", lang)]
    columns += [word(k, lang) for k in _TALLY_COLUMNS] + [word("col.days", lang)]

    def row(pair: tuple[ActorRecord, Scorecard]) -> list[str]:
        record, card = pair
        days = (f"{card.median_days:,.0f}" if card.median_days is not None
                else esc(word("none", lang)))
        return ([f'<th scope="row">{site.actor_link(root, record.id)}</th>']
                + _tallies_row(site, card) + [f'<td class="num">{days}</td>'])

    return Table(columns, row, frozenset(range(1, len(columns)))).html(records)


def asked(site: Site, records: list[ActorRecord] | None = None,
          case: Case | None = None) -> list[tuple[ActorRecord, Scorecard]]:
    """Actors that received demands (in one case, or in all), most demands first."""
    out = []
    for record in (records if records is not None else site.actors.values()):
        refs = [r for r in record.received if case is None or r.case is case]
        if refs:
            out.append((record, scorecard(refs)))
    out.sort(key=lambda pair: (-(pair[1].received + pair[1].turned_away + pair[1].not_due),
                               site.name(pair[0].id)))
    return out


# --- the index ---------------------------------------------------------------------------------


def index_page(site: Site) -> dict[str, str]:
    """The top page: every case with its tallies, and the actors asked most."""
    lang = site.lang
    demands = sum(len(c.statuses) for c in site.cases)
    cards = [(case, scorecard(DemandRef(case, s) for s in case.statuses.values()))
             for case in site.cases]
    columns = [word("col.case", lang), word("col.demands", lang)]
    columns += [word(k, lang) for k in _TALLY_COLUMNS] + [word("col.last", lang)]

    def row(pair: tuple[Case, Scorecard]) -> list[str]:
        case, card = pair
        return ([f'<th scope="row">{link(site.case_path(case), site.title(case))}</th>']
                + _tallies_row(site, card)
                + [f'<td class="date">{day(card.last_change, lang)}</td>'])

    table = Table(columns, row, frozenset(range(1, len(columns) - 1))).html(cards)
    top = asked(site)
    more = ""
    if len(top) > 20:
        more = f'<p>{link("actors.html", word("nav.actors", lang) + " →")}</p>'
    body = (f'<h1>{esc(site.frame.title)}</h1>'
            f'<p class="lead">{esc(word("site.lead", lang, cases=f"{len(site.cases):,}", demands=f"{demands:,}"))}</p>'
            f'<section><h2>{esc(word("cases", lang))}</h2>{table}</section>'
            f'<section><h2>{esc(word("actors.asked", lang))}</h2>'
            f"{actors_table(site, '', top[:20])}{more}</section>")
    return {"index.html": site.frame.page("", site.frame.title, body)}


def actors_page(site: Site) -> dict[str, str]:
    """Every actor: the scorecards of those asked, then a list of the others."""
    lang = site.lang
    top = asked(site)
    seen = {record.id for record, _ in top}
    rest = [r for r in site.actors.values() if r.id not in seen]
    others = sorted((r for r in rest if site.has_page(r.id)), key=lambda r: site.name(r.id))
    single = len(rest) - len(others)
    items = "".join(f"<li>{link(site.actor_path(r.id), site.name(r.id))}</li>" for r in others)
    more = (f'<p class="note">{esc(word("actors.single", lang, n=f"{single:,}"))}</p>'
            if single else "")
    body = (f'<h1>{esc(word("actors", lang))}</h1>'
            f'<section><h2>{esc(word("actors.asked", lang))}</h2>{actors_table(site, "", top)}'
            "</section>"
            f'<section><h2>{esc(word("actors.others", lang))} ({len(others):,})</h2>'
            f'<ul class="columns">{items}</ul>{more}</section>')
    return {"actors.html": site.frame.page("", word("actors", lang), body,
                                           [("index.html", word("nav.home", lang))])}


# --- an actor ----------------------------------------------------------------------------------


def actor_pages(site: Site, record: ActorRecord) -> dict[str, str]:
    """An actor's page: who it is, its scorecard, the answers chart, the demands it received
    (in pages of a few hundred) and those it made."""
    lang, root = site.lang, "../"
    actor = record.item()
    name = site.name(record.id)
    crumbs = [(root + "index.html", word("nav.home", lang)),
              (root + "actors.html", word("nav.actors", lang))]
    kind = word(f"actor.kind.{actor.kind.value}", lang)
    about = [esc(word("actor.kind", lang, kind=kind))]
    if actor.parent and actor.parent in site.actors:
        about.append(say("actor.part_of", lang, name=site.actor_link(root, actor.parent)))
    cases = names([link(root + site.case_path(c), site.title(c)) for c in record.cases], lang)
    about.append(say("actor.cases", lang, cases=cases))
    note = site.text(actor.note)
    head = (f'<h1>{esc(name)}</h1><p class="about">{"<br>".join(about)}</p>'
            + (f'<p class="note">{esc(note)}</p>' if note else ""))
    received = newest_first(record.received)
    made = newest_first(record.made)
    table = demand_table(site, root, with_case=len(record.cases) > 1)
    pages = pages_of(received)
    out: dict[str, str] = {}
    for n, rows in enumerate(pages, 1):
        parts = [head]
        if n == 1:
            if received:
                card = scorecard(received)
                parts.append(scorecard_html(site, card, word("scorecard", lang)))
                divisions = sorted(d for d in record.divisions if d in site.actors)
                if divisions:
                    listed = names([site.actor_link(root, d) for d in divisions], lang)
                    parts.append(f'<p class="note">{say("scorecard.family", lang, names=listed)}'
                                 "</p>")
                parts.append(chart_section(site, record))
            else:
                parts.append(f'<p>{esc(word("actor.none", lang))}</p>')
        if received:
            parts.append(f'<section><h2 id="received">{esc(word("demands.received", lang))} '
                         f'({len(received):,})</h2><p class="muted">'
                         f'{esc(word("demands.order", lang))}</p>'
                         + pager(n, len(pages), lambda k: root + site.actor_path(record.id, k),
                                 lang)
                         + table.html(rows)
                         + pager(n, len(pages), lambda k: root + site.actor_path(record.id, k),
                                 lang) + "</section>")
        if n == 1 and made:
            parts.append(f'<section><h2>{esc(word("demands.made", lang))} ({len(made):,})</h2>'
                         + table.html(made) + "</section>")
        out[site.actor_path(record.id, n)] = site.frame.page(root, name, "\n".join(parts), crumbs)
    return out


def chart_section(site: Site, record: ActorRecord) -> str:
    """The answers-over-time chart, its legend, and its figures as a table."""
    lang = site.lang
    unit, bins = answers_over_time(record)
    if not bins:
        return ""
    keys = legend(bins, lang)
    items = "".join(f'<li><span class="swatch {esc(cls)}">{esc(glyph)}</span> {esc(text)}</li>'
                    for cls, glyph, text, _ in keys)
    said_keys = [(value, f"{glyph} {text}") for _, glyph, text, value in keys if value]
    columns = [word("col.year", lang), word("chart.received", lang)] + [t for _, t in said_keys]

    def row(b: Bin) -> list[str]:
        return ([f'<th scope="row">{esc(b.label)}</th>', f'<td class="num">{b.received:,}</td>']
                + [f'<td class="num">{b.said.get(v, 0):,}</td>' for v, _ in said_keys])

    table = Table(columns, row, frozenset(range(1, len(columns)))).html(bins)
    return (f'<section class="chart-box"><h2>{esc(word("answers.chart", lang))}</h2>'
            f"{answers_chart(bins, unit, lang)}"
            f'<ul class="legend">{items}</ul>'
            f'<details><summary>{esc(word("chart.table", lang))}</summary>{table}</details>'
            "</section>")


# --- a case ------------------------------------------------------------------------------------


def case_pages(site: Site, case: Case, map_note: str | None) -> dict[str, str]:
    """A case: its description, tallies, who was asked, the map, and its demands (paged)."""
    lang, root = site.lang, "../../"
    title = site.title(case)
    info = case.dossier.info
    refs = newest_first([DemandRef(case, s) for s in case.statuses.values()])
    card = scorecard(refs)
    head = [f"<h1>{esc(title)}</h1>"]
    if info is not None and info.description is not None:
        head.append(f'<p class="lead">{esc(site.text(info.description))}</p>')
    if case.judged_on is not None:
        head.append(f'<p class="muted">{esc(word("case.judged", lang, date=format_date(case.judged_on, lang)))}</p>')
    maplink = (f'<p class="maplink">{link("map.html", "◈ " + word("map", lang))}</p>'
               if map_note is None else f'<p class="note">{esc(map_note)}</p>')
    crumbs = [(root + "index.html", word("nav.home", lang))]
    table = demand_table(site, root, with_case=False)
    pages = pages_of(refs)
    out: dict[str, str] = {}
    for n, rows in enumerate(pages, 1):
        parts = list(head)
        if n == 1:
            parts.append(maplink)
            parts.append(scorecard_html(site, card, word("case.tallies", lang)))
            who = asked(site, case=case)
            if who:
                parts.append(f'<section><h2>{esc(word("case.asked", lang))}</h2>'
                             f"{actors_table(site, root, who)}</section>")
        href = (lambda k: "index.html" if k == 1 else f"page-{k}.html")
        parts.append(f'<section><h2 id="demands">{esc(word("demands.case", lang))} '
                     f'({len(refs):,})</h2><p class="muted">{esc(word("demands.order", lang))}</p>'
                     + pager(n, len(pages), href, lang) + table.html(rows)
                     + pager(n, len(pages), href, lang) + "</section>")
        out[site.case_path(case, n)] = site.frame.page(root, title, "\n".join(parts), crumbs)
    return out


# --- search ------------------------------------------------------------------------------------


def search_page(site: Site) -> dict[str, str]:
    """The search page: the box, the results list, and the index of every case (inline JSON,
    searched by the page's script, which inserts results as text)."""
    lang = site.lang
    body = (f'<h1>{esc(word("nav.search", lang))}</h1>'
            f'<p class="muted" id="search-status" aria-live="polite">'
            f'{esc(word("search.loading", lang))}</p>'
            f'<noscript><p>{esc(word("search.nojs", lang))}</p></noscript>'
            '<ol class="results" id="results"></ol>')
    return {"search.html": site.frame.page("", word("nav.search", lang), body,
                                           [("index.html", word("nav.home", lang))],
                                           data=index_block(site))}
