"""Which languages a dossier's texts are given in, which languages its outputs are made in, and
what falls back: said once per cause, never silently and never per text.

An output in a language falls back in two ways, each reported by :func:`language_warnings`:

- its interface words (status names, headings, legends) come from the language's word table
  (:mod:`argmap.words`); a language without one gets English words, a table that lacks a key
  gets that key in English;
- a dossier text (a language map such as ``{zh-Hant: ..., en: ...}``) without a version in the
  language is shown in another (:func:`argmap.lang.pick`).

A text in a language the dossier does not declare (``ja:`` text in a ``languages: [zh-Hant,
en]`` dossier) is reported too: it is either a slip or a language to declare.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from .dossier import Dossier
from .lang import DEFAULT_FALLBACK, canonical, is_tag, language_name, match, picked
from .words import TABLES, table_for

__all__ = ["LanguageWarning", "language_maps", "language_warnings", "output_languages",
           "text_languages", "warn_languages"]

#: How many ids a warning names before it says "and n more".
_NAMED = 5


class LanguageWarning(UserWarning):
    """An output shows words or texts in another language than the one asked for."""


def _maps_in(value: Any, path: str) -> Iterator[tuple[str, Mapping[str, str]]]:
    if isinstance(value, dict):
        # a language map, not a map of ids (a response's ``said`` per demand)
        if value and all(type(v) is str and is_tag(k) for k, v in value.items()):
            yield path, value
    elif isinstance(value, BaseModel):
        for name, inner in value.__dict__.items():
            yield from _maps_in(inner, f"{path}.{name.rstrip('_')}")
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _maps_in(inner, f"{path}[{i}]")


def language_maps(dossier: Dossier) -> Iterator[tuple[str, Mapping[str, str]]]:
    """Every language map of a dossier with where it is: ``("d-withdraw.text", {...})``,
    ``("dossier.title", {...})``, ``("r-1.cites[0].quote", {...})``."""
    if dossier.info is not None:
        yield from _maps_in(dossier.info, "dossier")
    for _, _, item in dossier.items():
        for name, value in item.__dict__.items():
            if name != "id":
                yield from _maps_in(value, f"{item.id}.{name.rstrip('_')}")


def text_languages(dossier: Dossier) -> dict[str, int]:
    """How many texts are given in each language (the tags as the dossier writes them)."""
    counts: dict[str, int] = {}
    for _, text in language_maps(dossier):
        for tag in text:
            counts[tag] = counts.get(tag, 0) + 1
    return dict(sorted(counts.items()))


def output_languages(dossier: Dossier, langs: Sequence[str] | None = None) -> tuple[str, ...]:
    """The languages to make outputs in: ``langs`` when given, else the dossier's declared
    ``languages``, else English; each in its standard spelling, once (``zh-hant`` ->
    ``zh-Hant``)."""
    chosen = list(langs or (dossier.info.languages if dossier.info else ()) or ["en"])
    return tuple(dict.fromkeys(canonical(tag) for tag in chosen))


def _named(places: list[str]) -> str:
    shown = ", ".join(places[:_NAMED])
    return shown + (f" and {len(places) - _NAMED} more" if len(places) > _NAMED else "")


def _words_warnings(lang: str) -> list[str]:
    table = table_for(lang)
    if table is None:
        have = ", ".join(sorted(TABLES))
        return [f"no interface words in '{lang}' ({language_name(lang, 'en')}): its maps, pages "
                f"and briefs use English words for statuses, headings and legends (argmap has "
                f"words in {have}; add argmap/words/<tag>.py to translate them)"]
    missing = sorted(set(TABLES["en"]) - set(TABLES[table]))
    if not missing:
        return []
    return [f"{len(missing)} interface words are not translated into '{table}' and are shown in "
            f"English: {_named(missing)}"]


def language_warnings(dossier: Dossier, langs: Iterable[str],
                      fallback: Sequence[str] = DEFAULT_FALLBACK) -> list[str]:
    """What outputs in ``langs`` show in another language, one message per cause: per language,
    its missing word table or words, and its missing texts (with the ids of the first few and
    the language shown instead); and once, texts in languages the dossier does not declare."""
    out: list[str] = []
    maps = list(language_maps(dossier))
    declared = list(dossier.info.languages) if dossier.info else []
    order = tuple(fallback) + tuple(declared)
    for lang in dict.fromkeys(langs):
        out += _words_warnings(lang)
        missing: dict[str, list[str]] = {}
        for place, text in maps:
            if match(lang, text) is None:
                used = picked(text, lang, order) or "?"
                missing.setdefault(used, []).append(place)
        if missing:
            count = sum(len(v) for v in missing.values())
            shown = "; ".join(f"in '{used}': {_named(places)}"
                              for used, places in sorted(missing.items()))
            out.append(f"{count} of {len(maps)} texts have no '{lang}' version; its outputs show "
                       f"them in another language ({shown})")
    if declared:
        strays: dict[str, list[str]] = {}
        for place, text in maps:
            for tag in text:
                if match(tag, declared) is None:
                    strays.setdefault(tag, []).append(place)
        for tag, places in sorted(strays.items()):
            out.append(f"{len(places)} texts are in '{tag}', a language the dossier does not "
                       f"declare (languages: {', '.join(declared)}): {_named(places)}")
    return out


def warn_languages(dossier: Dossier, langs: Iterable[str],
                   fallback: Sequence[str] = DEFAULT_FALLBACK) -> list[str]:
    """Issue :func:`language_warnings` as :class:`LanguageWarning` warnings; returns them."""
    found = language_warnings(dossier, langs, fallback)
    for message in found:
        warnings.warn(LanguageWarning(message), stacklevel=2)
    return found
