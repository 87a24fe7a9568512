"""A brief as one self-contained HTML file: inline CSS (with print rules), the demands map as
inline SVG, no scripts, no external resources.

Printed (Chromium's print to PDF, A4 or Letter), headings keep with what follows them, a long
nested item may break across pages (only items with no list inside are kept whole), the demands
table repeats its head on each page, and the map comes last, on pages of its own: the whole
drawing when it fits one page at the page's width, else page-sized windows of it cut between
its boxes (:mod:`.printmap`).

Every dossier string goes through ``html.escape``; labels too. Citations link to their entry in
the source list. The SVG comes from :mod:`argmap.maps` (Graphviz escapes the labels it draws);
its XML prologue, doctype and comments are dropped so it can sit inside the page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from ..dossier import Dossier
from ..errors import RenderError
from ..maps.fonts import lang_css
from .content import OPEN_GROUPS, Brief, Ground
from .phrases import Style
from .printmap import windows
from .sentences import Sentences

__all__ = ["CSS", "STYLE", "escape", "inline_svg", "to_html"]


def escape(text: str) -> str:
    """``html.escape`` (quotes included)."""
    return html.escape(text, quote=True)


def _link(number: int, text: str) -> str:
    return f'<a class="cite" href="#src-{number}">{text}</a>'


STYLE = Style(escape=escape, strong=lambda s: f"<strong>{s}</strong>",
              em=lambda s: f"<em>{s}</em>", link=_link,
              ref=lambda s: f'<span class="ref">{s}</span>')

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --flag: #a40000; --band: #f3f3f3; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo,
  Helvetica, Arial, sans-serif; color: var(--ink); line-height: 1.55; max-width: 52rem; margin: 2rem auto;
  padding: 0 1.25rem; font-size: 11pt; }
h1 { font-size: 1.55rem; margin: 0 0 .4rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid var(--ink); padding-bottom: .15rem;
  margin: 1.8rem 0 .7rem; }
h3 { font-size: 1.02rem; margin: 1.1rem 0 .4rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.position { background: var(--band); border-left: 4px solid var(--ink); padding: .6rem .9rem; }
blockquote { margin: .4rem 0 .5rem; padding: .3rem .8rem; border-left: 3px solid var(--rule); }
ol, ul { padding-left: 1.5rem; margin: .3rem 0 .6rem; }
li { margin: .2rem 0; }
.flag { color: var(--flag); font-weight: bold; }
.settled { color: var(--muted); font-style: italic; }
.ref { font-style: italic; }
:lang(ja) em, :lang(zh) em, :lang(ko) em, :lang(ja) .ref, :lang(zh) .ref, :lang(ko) .ref,
:lang(ja) .settled, :lang(zh) .settled, :lang(ko) .settled { font-style: normal; }
:lang(ja) .ref, :lang(zh) .ref, :lang(ko) .ref { color: var(--muted); }
a.cite { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--muted); }
table.glance { width: 100%; border-collapse: collapse; font-size: .9em; margin: .3rem 0 .8rem;
  table-layout: fixed; }
table.glance th:nth-child(1) { width: 15%; } table.glance th:nth-child(2) { width: 41%; }
table.glance th:nth-child(3) { width: 17%; } table.glance th:nth-child(4) { width: 13%; }
table.glance th:nth-child(5) { width: 14%; }
table.glance th, table.glance td { text-align: left; vertical-align: top; padding: .25rem .4rem;
  border-bottom: 1px solid var(--rule); }
table.glance th { border-bottom: 2px solid var(--ink); }
@media screen and (max-width: 40rem) {  /* a phone: each demand a card, labelled */
  table.glance, table.glance tbody, table.glance tr, table.glance td { display: block; }
  table.glance thead { display: none; }
  table.glance tr { border-bottom: 1px solid var(--rule); padding: .35rem 0; }
  table.glance td { border: 0; padding: .05rem 0; }
  table.glance td::before { content: attr(data-label) ": "; color: var(--muted); }
  :lang(ja) table.glance td::before, :lang(zh) table.glance td::before {
    content: attr(data-label) "："; }
  table.glance td:nth-child(2) { font-weight: bold; }
  table.glance td:nth-child(2)::before { content: none; }
}
.method p { color: var(--muted); }
.sources li { margin: .15rem 0; }
figure.map { margin: 1rem 0; }
figure.map svg { display: block; width: 100%; height: auto; }
.map-pages { display: none; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  h2 + *, h3 + * { break-before: avoid; page-break-before: avoid; }
  li:not(:has(li)), blockquote, tr, p.position { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  section.map { break-before: page; page-break-before: always; }
  section.map h2 { margin-top: 0; }
  figure.map { display: none; }
  .map-pages { display: block; }
  figure.map-page { margin: 0; break-inside: avoid; page-break-inside: avoid; }
  figure.map-page + figure.map-page { break-before: page; page-break-before: always; }
  figure.map-page svg { display: block; width: 100%; height: auto; max-height: 228mm; }
  figure.map-page figcaption { text-align: right; color: var(--muted); font-size: 9pt; }
  a.cite { border-bottom: none; }
  @page { margin: 16mm 14mm; }
}
""".strip()

_SAFE_URL = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_PROLOGUE = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)


def inline_svg(svg: str) -> str:
    """An SVG document made fit to sit inside HTML: no XML prologue, doctype or comments."""
    return _PROLOGUE.sub("", svg).strip()


def to_html(brief: Brief, dossier: Dossier | None = None) -> str:
    """The brief as one HTML document; with ``dossier`` the demands map is embedded."""
    s = Sentences(brief.lang, STYLE, {src.number: src.label for src in brief.sources})
    out: list[str] = [f"<h1>{s.title(brief)}</h1>"]
    meta = s.meta(brief)
    if meta:
        out.append('<p class="meta">' + "<br>".join(meta) + "</p>")

    _open_section(out, s, "sec.glance", "glance")
    if brief.glance:
        head = "".join(f'<th scope="col">{h}</th>' for h in s.glance_head())  # escaped words
        heads = s.glance_head()
        body = "".join("<tr>" + "".join(f'<td data-label="{h}">{c}</td>'
                                        for h, c in zip(heads, s.glance_row(row))) + "</tr>"
                       for row in brief.glance)
        out.append(f'<table class="glance"><thead><tr>{head}</tr></thead>'
                   f"<tbody>{body}</tbody></table>")
    else:
        out.append(f"<p>{s.word('glance.none')}</p>")
    out.append("</section>")

    _open_section(out, s, "sec.position")
    out.append(f'<p class="position">{s.holds(brief)}</p>')
    if brief.position.motion is not None:
        out.append(f"<p>{s.standing(brief)}</p>")
        if brief.position.defeaters:
            out.append(_list(s.against_us(d) for d in brief.position.defeaters))
        out.append(f"<p>{s.tally(brief)}</p>")
        if brief.position.others:
            out.append(f"<p>{s.word('other_main')}</p>")
            out.append(_list(s.item(o) for o in brief.position.others))
    out.append("</section>")

    _open_section(out, s, "sec.support")
    if not brief.support and not brief.more_support:
        out.append(f"<p>{s.word('support.none')}</p>")
    if brief.support and brief.more_support:
        out.append(f"<h3>{s.word('support.position')}</h3>")
    if brief.support:
        out.append(_list((_ground(s, g, top=True) for g in brief.support), "ol"))
    if brief.more_support:
        out.append(f"<h3>{s.word('support.more')}</h3>")
        out.append(_list((s.root(r) + (_list(_ground(s, c) for c in r.children)
                                       if r.children else "")
                          for r in brief.more_support), "ol"))
    out.append("</section>")

    _open_section(out, s, "sec.counter")
    if brief.counters:
        rows = []
        for counter in brief.counters:
            inner = [s.their_ground(g) for g in counter.grounds]
            for target in counter.targets:
                undercuts = [s.undercut(u) for u in target.undercut_by]
                inner.append(s.target(target) + (_list(undercuts) if undercuts else ""))
            inner += [s.rebuttal(r) for r in counter.rebuttals]
            verdict, flag = s.verdict(counter)
            inner.append(f'<span class="{"flag" if flag else "settled"}">{verdict}</span>')
            rows.append(s.counter(counter) + _list(inner))
        out.append(_list(rows, "ol"))
    else:
        out.append(f"<p>{s.word('counter.none')}</p>")
    out.append("</section>")

    _open_section(out, s, "sec.answers")
    if not brief.answers:
        out.append(f"<p>{s.word('answers.none')}</p>")
    for answer in brief.answers:
        out.append(f"<h3>{s.answered(answer)}</h3>")
        words = s.words(answer)
        if words is not None:
            out.append(f"<blockquote>{words}</blockquote>")
        out.append(_list(s.details(answer)))
    out.append("</section>")

    _open_section(out, s, "sec.open")
    if not brief.open:
        out.append(f"<p>{s.word('open.none')}</p>")
    for group in OPEN_GROUPS:
        items = brief.open_in(group)
        if items:
            out.append(f"<h3>{s.group(group)}</h3>")
            rows = []
            for item in items:
                last = s.last_answer(item)
                rows.append(s.open_demand(item) + (_list([last]) if last else ""))
            out.append(_list(rows))
    out.append("</section>")

    _open_section(out, s, "sec.timeline")
    if brief.timeline:
        out.append(_list(s.day(d.date, d.precision) + _list(s.dated(e) for e in d.entries)
                         for d in brief.timeline))
    else:
        out.append(f"<p>{s.word('timeline.none')}</p>")
    out.append("</section>")

    _open_section(out, s, "sec.method", "method")
    out += [f"<p>{paragraph}</p>" for paragraph in s.method(brief)]
    out.append("</section>")

    _open_section(out, s, "sec.sources")
    rows = []
    for source in brief.sources:
        url = None
        if source.url:
            url = escape(source.url)
            # only web and mail addresses become links: never javascript: or data: URLs
            if _SAFE_URL.match(source.url):
                url = f'<a href="{url}">{url}</a>'
        rows.append(f'<li id="src-{source.number}" value="{source.number}">'
                    f"{s.source(source, url)}</li>")
    out.append('<ol class="sources">' + "".join(rows) + "</ol>")
    out.append("</section>")

    if dossier is not None:  # last: printed, it takes pages of its own
        _map(out, s, brief, dossier)

    return (f'<!DOCTYPE html>\n<html lang="{escape(brief.lang)}">\n<head>\n'
            '<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{s.title(brief)}</title>\n<style>\n{CSS}\n{lang_css()}\n</style>\n</head>\n"
            "<body>\n"
            + "\n".join(out) + "\n</body>\n</html>\n")


def _open_section(out: list[str], s: Sentences, key: str, css: str = "") -> None:
    cls = f' class="{css}"' if css else ""
    out.append(f"<section{cls}>\n<h2>{s.word(key)}</h2>")


def _list(items: Iterable[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{tag}>"


def _ground(s: Sentences, ground: Ground, top: bool = False) -> str:
    line = s.ground(ground, top)
    if ground.children:
        line += _list(_ground(s, c) for c in ground.children)
    return line


#: The id the embedded drawing is given, for the printed pages to ``<use>`` it.
MAP_ID = "argmap-brief-map"


def _map(out: list[str], s: Sentences, brief: Brief, dossier: Dossier) -> None:
    from ..maps import Map, RenderOptions, draw  # Graphviz only for a brief with a map

    _open_section(out, s, "sec.map", "map")
    try:
        # no title: the section's heading is the map's
        drawn = Map(draw(dossier, "demands", RenderOptions(
            lang=brief.lang, as_of=brief.as_of, today=brief.judged_on, title=False)))
        svg = inline_svg(drawn.svg())
    except RenderError as exc:  # a map too large, or Graphviz missing: the brief still stands
        out.append(f"<p>{s.say('map.failed', reason=exc.message)}</p>")
        out.append("</section>")
        return
    named = svg.replace('id="graph0"', f'id="{MAP_ID}"', 1)
    out.append(f'<figure class="map">{named}</figure>')
    pages = windows(svg)
    figures = []
    for number, (x, y, width, height) in enumerate(pages, 1):
        caption = f"<figcaption>{number}/{len(pages)}</figcaption>" if len(pages) > 1 else ""
        figures.append(
            f'<figure class="map-page"><svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="{x:.2f} {y:.2f} {width:.2f} {height:.2f}" '
            f'preserveAspectRatio="xMidYMin meet" role="img" aria-hidden="true">'
            f'<use href="#{MAP_ID}"/></svg>{caption}</figure>')
    out.append('<div class="map-pages">' + "".join(figures) + "</div>")
    out.append("</section>")
