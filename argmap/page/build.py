"""Putting a page together: the maps, the data, the script and the style in one HTML file.

The file needs nothing but a browser: no server, no network. Its Content-Security-Policy forbids
every load (``default-src 'none'``) and lets run only the one inline script and style whose
SHA-256 hashes it names. Dossier text appears three ways, each escaped: in the SVG (written by an
XML writer, see :mod:`argmap.page.svg`), in the JSON data block (with ``<``, ``>``, ``&``, U+2028
and U+2029 as ``\\u`` escapes, so it can never end the ``<script>`` element), and in the few
headings filled in here (HTML-escaped).
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as _dt
import hashlib
import html
import json
import re
from importlib import resources
from typing import Any

from ..dossier import Dossier
from ..errors import RenderError
from ..l10n import format_date, format_figure_value
from ..lang import canonical, language_name, pick, preference
from ..model import Done, Evidence, Said
from ..maps import DONE, SAID, Map, Palette, RenderOptions, draw, fonts, need_dossier
from ..translations import output_languages, text_languages
from ..words import table_for, word
from .data import item_records, page_dates, position
from .svg import node_label, prepare_svg
from .words import page_words

__all__ = [
    "SCRIPT_PARTS", "PageBuilder", "asset", "band_labels", "content_security_policy",
    "csp_hash", "page_script", "script_json"
]

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                 "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def asset(name: str) -> str:
    """The text of a file in ``argmap/page/assets`` (the script, the style, the template)."""
    return resources.files("argmap.page").joinpath("assets", name).read_text(encoding="utf-8")


#: The parts of the page script, in the order they run (one function body).
SCRIPT_PARTS: tuple[str, ...] = ("page.js", "panel.js", "start.js")


def page_script() -> str:
    """The page's one inline script: its parts joined inside one strict-mode function."""
    body = "\n".join(asset(name) for name in SCRIPT_PARTS)
    return f'(function () {{\n"use strict";\n{body}}})();\n'


def script_json(value: Any) -> str:
    """``value`` as JSON safe inside ``<script type="application/json">``.

    >>> script_json({"t": "</script><b>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def csp_hash(text: str) -> str:
    """The CSP source expression (``'sha256-…'``) allowing exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(js: str, css: str, fonts_css: str = "") -> str:
    """The page's policy: nothing loads from anywhere; only the page's own script and styles run,
    and the only fonts are those the page carries as ``data:`` (the maps' own, see
    :mod:`argmap.maps.fonts`)."""
    styles = " ".join(csp_hash(text) for text in (fonts_css, css) if text)
    fonts = "data:" if fonts_css else "'none'"
    return ("default-src 'none'; "
            f"script-src {csp_hash(js)}; style-src {styles}; "
            f"img-src 'none'; font-src {fonts}; connect-src 'none'; "
            "base-uri 'none'; form-action 'none'")


def band_labels(lang: str) -> str:
    """Every text a demand's said and done bands can show in ``lang`` as the date changes
    (the page script writes ``glyph word`` and `` · overdue`` or `` · no answer due``, as the
    map does)."""
    said = [f"{SAID[s].glyph} {word('said.' + s.value, lang)}" for s in Said]
    done = [f"{DONE[d].glyph} {word('done.' + d.value, lang)}" for d in Done]
    return "".join(said + done) + " · " + word("overdue", lang) + word("not_due", lang)


def _looks(scheme: str) -> dict[str, dict[str, dict[str, Any]]]:
    color = Palette(scheme)
    return {
        "said": {s.value: {"glyph": SAID[s].glyph, "band": color(SAID[s].band),
                           "text": color(SAID[s].text), "border": color(SAID[s].border),
                           # how a demand's border looks, so the date control can redraw it
                           "fill": color(SAID[s].fill), "dashed": SAID[s].style == "dashed",
                           "width": SAID[s].penwidth, "double": SAID[s].peripheries > 1}
                 for s in Said},
        "done": {d.value: {"glyph": DONE[d].glyph, "band": color(DONE[d].band),
                           "text": color(DONE[d].text), "border": color(DONE[d].border)}
                 for d in Done},
    }


def _actor_tree(dossier: Dossier) -> list[list[Any]]:
    """Actors as ``[id, depth]``, each followed by the bodies that are part of it."""
    children: dict[str | None, list[str]] = {}
    ids = {a.id for a in dossier.actors}
    for actor in dossier.actors:
        parent = actor.parent if actor.parent in ids and actor.parent != actor.id else None
        children.setdefault(parent, []).append(actor.id)
    out: list[list[Any]] = []
    seen: set[str] = set()

    def walk(parent: str | None, depth: int) -> None:
        for actor_id in children.get(parent, []):
            if actor_id not in seen:
                seen.add(actor_id)
                out.append([actor_id, depth])
                walk(actor_id, depth + 1)

    walk(None, 0)
    out += [[a, 0] for a in sorted(ids - seen)]  # bodies in a cycle of parents
    return out


def _relations(dossier: Dossier) -> dict[str, list[list[str]]]:
    found: dict[str, list[list[str]]] = {}
    for rel in dossier.relations:
        for premise in rel.from_:
            found.setdefault(premise, []).append([rel.id, "out"])
        found.setdefault(rel.to, []).append([rel.id, "in"])
    return found


def _statuses(items: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    said = {row[1] for it in items.values() if "status" in it for row in it["status"]["states"]}
    done = {row[2] for it in items.values() if "status" in it for row in it["status"]["states"]}
    return {"said": [s.value for s in Said if s.value in said],
            "done": [d.value for d in Done if d.value in done]}


def _languages(dossier: Dossier, lang: str | None,
               langs: tuple[str, ...] | None = None) -> tuple[str, tuple[str, ...]]:
    """The language a page opens in (``lang``, else the first of ``langs``, the dossier's or
    English) and the languages it offers (``langs``, else the dossier's; ``lang`` among them)."""
    offered = output_languages(dossier, langs)
    first = canonical(lang) if lang else offered[0]
    return first, tuple(dict.fromkeys([*offered, first]))


class PageBuilder:
    """Everything one dossier's pages share (its data, and each map once drawn), so that the
    pages of several views and languages are built without drawing a map twice."""

    def __init__(self, dossier: Dossier, options: RenderOptions | None = None,
                 maps: dict[tuple[str, str], Map] | None = None,
                 langs: tuple[str, ...] | None = None) -> None:
        self.dossier = need_dossier(dossier)
        #: the languages the pages offer (default: the dossier's)
        self.langs = langs
        # maps already drawn (by argmap.maps.draw_maps, same dossier and options, no as_of)
        self._maps = dict(maps or {})
        # The maps are drawn whole; the page's date control shows any earlier date.
        self.options = dataclasses.replace(options or RenderOptions(), as_of=None)
        self.start_date: _dt.date | None = (options or RenderOptions()).as_of
        self.dates = page_dates(self.dossier)
        self.items = item_records(self.dossier, self.dates)
        self.first = {item_id: rec["first"] for item_id, rec in self.items.items()}
        self._svgs: dict[tuple[str, str], str] = {}

    def map(self, view: str, lang: str | None = None) -> Map:
        """The map of ``view`` drawn whole in ``lang`` (by default the language the page opens
        in), drawn once and kept: the map the page embeds."""
        key = (view, lang or self.first_language(None))
        drawn = self._maps.get(key)
        if drawn is None:
            opts = dataclasses.replace(self.options, lang=key[1])
            drawn = self._maps[key] = Map(draw(self.dossier, view, opts), timeout=opts.timeout)
        return drawn

    def svg(self, view: str, lang: str) -> str:
        """The prepared SVG of ``view`` drawn in ``lang`` (its fonts go in the page's style)."""
        key = (view, lang)
        if key not in self._svgs:
            self._svgs[key] = prepare_svg(fonts.use_embedded(self.map(view, lang).layout()),
                                          self.dossier, self.dates,
                                          self.first, node_label(self.dossier, lang), lang,
                                          self.tab_order() if view == "demands" else ())
        return self._svgs[key]

    def first_language(self, lang: str | None) -> str:
        """The language a page opens in: ``lang``, else the option, else the dossier's first,
        else English."""
        return _languages(self.dossier, lang or self.options.lang, self.langs)[0]

    def tab_order(self) -> list[str]:
        """Demands in the order the summary lists them, each followed by its answers and
        actions: the order Tab visits the demands map in."""
        order: list[str] = []
        demands = sorted(self.dossier.demands,
                         key=lambda d: (self.items[d.id]["date"] or "9999", self.items[d.id]["first"]))
        for demand in demands:
            status = self.items[demand.id].get("status", {})
            for item in [demand.id, *status.get("answers", []), *status.get("actions", [])]:
                if item not in order:
                    order.append(item)
        return order

    def font_faces(self, view: str, langs: tuple[str, ...]) -> str:
        """The ``@font-face`` rules of the page's maps: each map's, and rules for the characters
        a demand's bands show at other dates (see :func:`band_labels`) that the map lacks."""
        faces = [self.map(view, lang).font_faces() for lang in langs]
        more: list[fonts.Text] = []
        for lang in langs:
            shown: dict[tuple[tuple[str, ...], str], set[str]] = {}
            for names, weight, text in fonts.texts(self.map(view, lang).layout()):
                shown.setdefault((names, weight), set()).update(text)
            labels = set(band_labels(lang))
            more += [(names, weight, "".join(sorted(labels - chars)))
                     for (names, weight), chars in sorted(shown.items()) if labels - chars]
        faces.append(fonts.faces_for(more))
        return "\n".join(dict.fromkeys(rule for face in faces for rule in face.splitlines()))

    def start(self) -> int:
        """The date position the page opens at: the as_of option, else no date limit."""
        if self.start_date is None:
            return len(self.dates) + 1
        return max(0, position(self.dates, self.start_date + _dt.timedelta(days=1)) - 1)

    def fallback(self) -> tuple[str, ...]:
        """The languages a text missing in the page's language is shown in, in order."""
        info = self.dossier.info
        return tuple(dict.fromkeys([*self.options.fallback,
                                    *(info.languages if info is not None else ())]))

    def formatted(self, langs: tuple[str, ...]) -> dict[str, dict[str, Any]]:
        """What the script shows of dates and figures, already written in each language
        (:mod:`argmap.l10n`): ``dates`` (the date control's), ``items`` (each dated item's date
        at its precision), ``figures`` (each figure: measure, value, scope, as-of date)."""
        out: dict[str, dict[str, Any]] = {}
        for lang in langs:
            items = {item_id: format_date(_dt.date.fromisoformat(rec["date"]), lang,
                                          rec.get("precision", "day"))
                     for item_id, rec in self.items.items() if rec["date"]}
            figures = {}
            for evidence in self.dossier.evidence:
                if isinstance(evidence, Evidence) and evidence.value is not None:
                    figures[evidence.id] = self.figure(evidence, lang)
            out[lang] = {"dates": [format_date(d, lang) for d in self.dates], "items": items,
                         "figures": figures}
        return out

    def figure(self, evidence: Evidence, lang: str) -> str:
        """``cards issued, Japan (all): 18,233,942 cards (as of 1 November 2019)`` in ``lang``."""
        value = evidence.value
        assert value is not None
        fallback = self.fallback()
        measure = pick(value.measure, lang, fallback) if value.measure else ""
        scope = pick(value.scope, lang, fallback) if value.scope else ""
        as_of = (word("figure.as_of", lang, date=format_date(value.as_of, lang,
                                                            value.as_of_precision.value))
                 if value.as_of else "")
        return word("figure", lang, measure=measure,
                    scope=word("figure.scope", lang, scope=scope) if scope and measure else scope,
                    value=format_figure_value(value.number, value.unit, lang),
                    as_of=as_of).lstrip(":： ")

    def data(self, view: str, lang: str, langs: tuple[str, ...]) -> dict[str, Any]:
        """The JSON the page script reads."""
        info = self.dossier.info
        title = info.title if info is not None else {"en": "argmap"}
        fallback = self.fallback()
        keys = set(text_languages(self.dossier))
        tables = set(_table_tags())
        return {
            "lang": lang, "langs": list(langs), "view": view,
            "fallback": list(fallback),
            # the keys of the dossier's language maps, and the word tables, each language tries
            "keys": {code: preference(code, keys, fallback) for code in langs},
            "wordKeys": {code: preference(code, tables, (*fallback, "en")) for code in langs},
            "fmt": self.formatted(langs),
            "title": title, "words": page_words(), "looks": _looks(self.options.scheme),
            "dates": [d.isoformat() for d in self.dates], "start": self.start(),
            "order": list(self.items), "items": self.items,
            "actors": _actor_tree(self.dossier), "statuses": _statuses(self.items),
            "relations": _relations(self.dossier),
        }

    def html(self, view: str = "demands", lang: str | None = None) -> str:
        """The whole page for ``view``, opening in ``lang``."""
        first_lang, langs = _languages(self.dossier, lang or self.options.lang, self.langs)
        js, css = page_script(), asset("page.css") + fonts.lang_css() + "\n"
        words = page_words()
        title = pick(self.dossier.info.title if self.dossier.info else "argmap", first_lang,
                     self.fallback())
        maps = {code: self.svg(view, code) for code in langs}
        fonts_css = self.font_faces(view, langs)
        templates = "\n".join(f'<template id="map-{code}">{maps[code]}</template>'
                              for code in langs if code != first_lang)
        buttons = "".join(f'<button type="button" data-lang="{html.escape(code)}" lang="{html.escape(code)}"'
                          f' aria-pressed="{str(code == first_lang).lower()}">'
                          f'{html.escape(_language_button(code, words))}</button>'
                          for code in langs)
        values = {
            "lang": html.escape(first_lang),
            "csp": html.escape(content_security_policy(js, css, fonts_css)),
            "title": html.escape(title), "css": css, "js": js,
            "fonts": f'<style id="fonts">{fonts_css}</style>\n' if fonts_css else "",
            "view_name": html.escape(pick(words[f"view.{view}"], first_lang)),
            "lang_buttons": buttons, "map": maps[first_lang], "templates": templates,
            "last": str(len(self.dates) + 1), "start": str(self.start()),
            "date_min": self.dates[0].isoformat() if self.dates else "",
            "date_max": self.dates[-1].isoformat() if self.dates else "",
            "data": script_json(self.data(view, first_lang, langs)),
        }
        template = _fill_words(asset("template.html"), words, first_lang)
        # One pass over the template: inserted values are never scanned for placeholders again.
        return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


def _table_tags() -> list[str]:
    """The tags of the word tables the page carries."""
    from ..words import TABLES

    return sorted(TABLES)


def _language_button(code: str, words: dict[str, dict[str, str]]) -> str:
    """A language's name on its button, in that language: the word table's (``繁體中文``), else
    CLDR's (``français``)."""
    key = f"lang.{table_for(code) or code}"
    return pick(words[key], code) if key in words else language_name(code)


def _fill_words(template: str, words: dict[str, dict[str, str]], lang: str) -> str:
    """Put the page's own words into ``<x data-w="key"></x>`` elements (the script redoes it on
    a change of language)."""
    def fill(m: re.Match[str]) -> str:
        key = m.group(2)
        if key not in words:
            raise RenderError(f"page template: unknown word '{key}'")
        return f"{m.group(1)}{html.escape(pick(words[key], lang))}{m.group(3)}"

    return re.sub(r'(<\w+[^>]*\sdata-w="([\w.]+)"[^>]*>)(</\w+>)', fill, template)
