"""A brief as one self-contained HTML file: inline CSS (with print rules), the demands map as
inline SVG, no scripts, no external resources.

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
from .sentences import Sentences

__all__ = ["CSS", "STYLE", "escape", "inline_svg", "to_html"]


def escape(text: str) -> str:
    """``html.escape`` (quotes included)."""
    return html.escape(text, quote=True)


def _link(number: int, text: str) -> str:
    return f'<a class="cite" href="#src-{number}">{text}</a>'


STYLE = Style(escape=escape, strong=lambda s: f"<strong>{s}</strong>",
              em=lambda s: f"<em>{s}</em>", link=_link)

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --flag: #a40000; --band: #f3f3f3; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, Helvetica, Arial,
  sans-serif; color: var(--ink); line-height: 1.55; max-width: 52rem; margin: 2rem auto;
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
.status { color: var(--flag); }
a.cite { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--muted); }
.sources li { margin: .15rem 0; }
figure.map { margin: 1rem 0; }
figure.map svg { max-width: 100%; height: auto; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  li, blockquote { break-inside: avoid; page-break-inside: avoid; }
  section.map { break-before: page; page-break-before: always; }
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

    _open_section(out, s, "sec.position")
    out.append(f'<p class="position">{s.holds(brief)}</p>')
    if brief.position.motion is not None:
        out.append(f"<p>{s.standing(brief)}</p>")
        if brief.position.defeaters:
            out.append(f"<p>{s.word('defeated_by')}</p>")
            out.append(_list(s.item(d) for d in brief.position.defeaters))
        out.append(f"<p>{s.tally(brief)}</p>")
        if brief.position.others:
            out.append(f"<p>{s.word('other_main')}</p>")
            out.append(_list(s.item(o) for o in brief.position.others))
    out.append("</section>")

    _open_section(out, s, "sec.support")
    if brief.support:
        out.append(_list((_ground(s, g, top=True) for g in brief.support), "ol"))
    else:
        out.append(f"<p>{s.word('support.none')}</p>")
    out.append("</section>")

    _open_section(out, s, "sec.counter")
    if brief.counters:
        rows = []
        for counter in brief.counters:
            inner = []
            for target in counter.targets:
                undercuts = [s.undercut(u) for u in target.undercut_by]
                inner.append(s.target(target) + (_list(undercuts) if undercuts else ""))
            inner += [s.rebuttal(r) for r in counter.rebuttals]
            mutual, flag = s.mutual(counter), s.flag(counter)
            inner += [mutual] if mutual else []
            inner += [f'<span class="flag">{flag}</span>'] if flag else []
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
        out.append(f"<blockquote>{s.words(answer)}</blockquote>")
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

    if dossier is not None:
        _map(out, s, brief, dossier)

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


def _map(out: list[str], s: Sentences, brief: Brief, dossier: Dossier) -> None:
    from ..maps import Map, RenderOptions, draw  # Graphviz only for a brief with a map

    _open_section(out, s, "sec.map", "map")
    try:
        drawn = Map(draw(dossier, "demands", RenderOptions(
            lang=brief.lang, as_of=brief.as_of, today=brief.judged_on)))
        out.append(f'<figure class="map">{inline_svg(drawn.svg())}</figure>')
    except RenderError as exc:  # a map too large, or Graphviz missing: the brief still stands
        out.append(f"<p>{s.say('map.failed', reason=exc.message)}</p>")
    out.append("</section>")
