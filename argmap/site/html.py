"""The pieces every page of the site is made of: escaping, links, status badges, tables in pages
of a few hundred rows, and the page frame with its Content-Security-Policy.

Pages are written here, in Python, as static HTML: every dossier string goes through
:func:`esc` (``html.escape`` with quotes), and only ``http``/``https`` addresses become links.
The one script every page runs (:file:`assets/box.js`, the search box; the search page adds
:file:`assets/search.js`) and the one style sheet are inline, allowed by their SHA-256 hashes in the page's policy
(``default-src 'none'``), as on the interactive map page (:mod:`argmap.page.build`). Status
colours are CSS classes written from the maps' looks (:data:`argmap.maps.style.SAID`), since
the policy forbids style attributes.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Generic, TypeVar

from ..l10n import format_date
from ..maps.style import DONE, SAID
from ..model import Done, Said
from ..page.build import content_security_policy
from .words import word

__all__ = [
    "PAGE_ROWS", "SCRIPT_PARTS", "Frame", "Table", "asset", "badge", "day", "esc", "flag", "label",
    "link", "minify_css", "names", "out_link", "pager", "pages_of", "pct", "safe_url", "say",
    "script", "status_css",
]

#: A row of a table (a demand, an actor with its scorecard, a change of status ...).
Row = TypeVar("Row")

#: Rows per page of a long table (a case's or an actor's demands).
PAGE_ROWS = 500


def esc(text: object) -> str:
    """``text`` escaped for HTML text and attribute values.

    >>> esc('<a href="x">&</a>')
    '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'
    """
    return html.escape(str(text), quote=True)


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an ``http``/``https`` address, else ``None`` (never a ``javascript:``
    or ``data:`` link).

    >>> safe_url("https://example.org/x"), safe_url("javascript:alert(1)")
    ('https://example.org/x', None)
    """
    if url and url.strip().lower().startswith(("https://", "http://")):
        return url.strip()
    return None


def link(href: str, text: str, cls: str = "") -> str:
    """A link to a page of the site (``href`` is ours; ``text`` is escaped here)."""
    attr = f' class="{cls}"' if cls else ""
    return f'<a href="{esc(href)}"{attr}>{esc(text)}</a>'


def out_link(url: str | None, text: str) -> str:
    """A link to an outside address, or the text alone when the address is not http(s)."""
    safe = safe_url(url)
    if safe is None:
        return esc(text)
    return f'<a href="{esc(safe)}" rel="noopener noreferrer external">{esc(text)}</a>'


def day(date: _dt.date | None, lang: str, precision: str = "day") -> str:
    """A date as the site's language writes it (cut to its precision), or "undated"."""
    return esc(format_date(date, lang, precision, undated=word("undated", lang)))


def badge(axis: str, value: str, lang: str) -> str:
    """A status as a badge: glyph, word and the colours of the maps (``said``/``done``)."""
    look = SAID[Said(value)] if axis == "said" else DONE[Done(value)]
    return (f'<span class="badge {axis}-{esc(value)}">{esc(look.glyph)} '
            f"{esc(word(f'{axis}.{value}', lang))}</span>")


def say(key: str, lang: str, **parts: str) -> str:
    """The site's words for ``key`` as HTML, with ``parts`` (HTML already, such as links) put in
    their places; the words themselves are escaped.

    >>> say("actor.part_of", "en", name='<a href="x.html">X</a>')
    'Part of <a href="x.html">X</a>'
    """
    marks = {name: f"\x00{name}\x00" for name in parts}
    out = esc(word(key, lang, **marks))
    for name, value in parts.items():
        out = out.replace(f"\x00{name}\x00", value)
    return out


def label(key: str, lang: str) -> str:
    """The word ``key`` as a label before what it names, with the language's colon:
    ``<span class="label">Tags:</span> `` but ``<span class="label">標籤：</span>``."""
    colon = word("colon", lang)
    return (f'<span class="label">{esc(word(key, lang) + colon.rstrip())}</span>'
            + colon[len(colon.rstrip()):])


def names(parts: Sequence[str], lang: str) -> str:
    """Names (already HTML) in a list, joined as the language joins them (``A, B``, ``A、B``)."""
    return esc(word("names_sep", lang)).join(parts)


def flag(key: str, lang: str) -> str:
    """A flag such as overdue or on paper only."""
    return f'<span class="flag flag-{esc(key)}">{esc(word(key, lang))}</span>'


def pct(n: int, share: float | None, lang: str) -> str:
    """``12 (40%)``; a dash when nothing is counted."""
    if share is None:
        return esc(word("none", lang))
    return esc(word("share", lang, n=f"{n:,}", pct=f"{share:.0%}"))


def status_css() -> str:
    """The CSS of each status badge and chart swatch, from the maps' looks."""
    rules = []
    for axis, looks in (("said", SAID), ("done", DONE)):
        for value, look in looks.items():
            rules.append(f".{axis}-{value.value}{{background:{look.band};color:{look.text};"
                         f"border-color:{look.border}}}")
    return "\n".join(rules) + "\n"


def asset(name: str) -> str:
    """The text of a file in ``argmap/site/assets``."""
    return resources.files("argmap.site").joinpath("assets", name).read_text(encoding="utf-8")


def minify_css(css: str) -> str:
    """CSS without comments and needless blank space (it is inlined in every page).

    >>> minify_css("a { color: red; } /* note */ .b::before { content: '· '; }")
    "a{color:red}.b::before{content:'· '}"
    """
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    css = re.sub(r":\s+", ":", css)
    return css.replace(";}", "}").strip()


#: The page script's parts: every page runs the first (its search box); the search page both.
SCRIPT_PARTS = ("box.js", "search.js")


def script(parts: Sequence[str]) -> str:
    """The inline script of a page: its parts in one strict-mode function body."""
    body = "\n".join(asset(name) for name in parts)
    return f'(function () {{\n"use strict";\n{body}}})();\n'


@dataclass(frozen=True)
class Frame:
    """What every page shares: the language, the site's title, its style and scripts."""

    lang: str
    title: str
    css: str
    js: str          # every page's
    search_js: str   # the search page's
    dossiers: int

    @classmethod
    def make(cls, lang: str, dossiers: int) -> Frame:
        return cls(lang, word("site.title", lang), minify_css(asset("site.css") + status_css()),
                   script(SCRIPT_PARTS[:1]), script(SCRIPT_PARTS), dossiers)

    def page(self, root: str, title: str, body: str, crumbs: Sequence[tuple[str, str]] = (),
             extra_head: str = "", data: str = "") -> str:
        """A whole page: ``root`` is the relative path to the site's top (``""``, ``"../"``),
        ``crumbs`` the ``(href, text)`` trail above the title, ``body`` the page's content
        (already HTML), ``data`` an inline JSON block for the script (search page)."""
        lang = self.lang
        js = self.search_js if data else self.js
        trail = ""
        if crumbs:
            parts = [link(href, text) for href, text in crumbs]
            trail = f'<nav class="crumbs" aria-label="breadcrumbs">{" › ".join(parts)}</nav>'
        full = f"{title} — {self.title}" if title != self.title else title
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" '
            f'content="{esc(content_security_policy(js, self.css))}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="argmap">\n'
            f"<title>{esc(full)}</title>\n<style>{self.css}</style>\n{extra_head}</head>\n"
            f'<body data-root="{esc(root)}">\n'
            f'<a class="skip" href="#main">{esc(word("skip", lang))}</a>\n'
            '<header class="top">\n'
            f'<a class="brand" href="{esc(root)}index.html">{esc(self.title)}</a>\n'
            '<nav class="menu">'
            f'{link(root + "index.html", word("nav.home", lang))}'
            f'{link(root + "actors.html", word("nav.actors", lang))}'
            f'{link(root + "search.html", word("nav.search", lang))}</nav>\n'
            f'<form class="find" id="find" role="search" action="{esc(root)}search.html">'
            f'<label for="q">{esc(word("search.label", lang))}</label>'
            f'<input id="q" name="q" type="search" autocomplete="off" spellcheck="false" '
            f'placeholder="{esc(word("search.hint", lang))}">'
            f'<button type="submit">{esc(word("search.go", lang))}</button></form>\n'
            "</header>\n"
            f'<main id="main">{trail}\n{body}\n</main>\n'
            f'<footer><p>{esc(word("footer", lang, n=self.dossiers))}</p></footer>\n'
            f"{data}"
            f"<script>{js}</script>\n</body>\n</html>\n")


@dataclass(frozen=True)
class Table(Generic[Row]):
    """A table's header cells and a function that writes one row's cells (a list of ``<td>`` or
    ``<th>`` elements, HTML). Each cell is labelled with its column, so that on a phone a row
    reads as a card (``td::before`` shows the label)."""

    columns: Sequence[str]
    row: Callable[[Row], list[str]]
    numeric: frozenset[int] = frozenset()

    def html(self, rows: Sequence[Row], caption: str = "", cls: str = "") -> str:
        num = ' class="num"'
        head = "".join(f'<th scope="col"{num if i in self.numeric else ""}>{esc(c)}</th>'
                       for i, c in enumerate(self.columns))
        labels = [f' data-label="{esc(c)}"' for c in self.columns]
        cap = f"<caption>{esc(caption)}</caption>" if caption else ""
        body = "\n".join("<tr>" + "".join(_labelled(cell, labels[i])
                                           for i, cell in enumerate(self.row(r))) + "</tr>"
                          for r in rows)
        return (f'<div class="scroll"><table class="stack {cls}">{cap}<thead><tr>{head}</tr>'
                f"</thead>\n<tbody>\n{body}\n</tbody></table></div>")


def _labelled(cell: str, label: str) -> str:
    """A ``<td>``/``<th>`` cell with its column's label, its content in one ``<span>`` (so that
    on a phone the label and the content sit side by side)."""
    start, end = cell.index(">") + 1, cell.rindex("</")
    return f'{cell[:3]}{label}{cell[3:start]}<span class="v">{cell[start:end]}</span>{cell[end:]}'


def pages_of(rows: Sequence[Row], size: int = PAGE_ROWS) -> list[Sequence[Row]]:
    """``rows`` cut into pages of ``size`` (always at least one page).

    >>> [len(p) for p in pages_of(list(range(1201)))]
    [500, 500, 201]
    """
    return [rows[i:i + size] for i in range(0, len(rows), size)] or [rows[:0]]


def pager(n: int, of: int, href: Callable[[int], str], lang: str) -> str:
    """Links to the newer and older pages of a long table, and where this page is."""
    if of <= 1:
        return ""
    parts = []
    if n > 1:
        parts.append(link(href(n - 1), word("page.prev", lang), "prev"))
    parts.append(f'<span>{esc(word("page.of", lang, n=n, of=of))}</span>')
    if n < of:
        parts.append(link(href(n + 1), word("page.next", lang), "next"))
    return f'<nav class="pager">{" ".join(parts)}</nav>'
