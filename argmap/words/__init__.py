"""The words argmap itself shows (status names, kinds, legends, headings, buttons), one table per
language, shared by the maps, the interactive page and the debate brief.

Each language is one module holding ``WORDS``, a flat table of key -> text: :mod:`.en` (the
reference, with every key), :mod:`.ja`, :mod:`.zh_hans`, :mod:`.zh_hant` and :mod:`.ko`. Keys without a prefix are shared by every output
(``said.deflected``, ``kind.demand``, ``on_paper``...), so the maps, the page and the brief always
name a status the same way; ``page.<key>`` and ``brief.<key>`` are phrases of one output only.

:func:`word` looks a key up in the table of the language asked for, then in those of the fallback
languages given, then in English. Tables are found by :func:`argmap.lang.match`: ``zh-TW`` and
``zh-HK`` use ``zh-Hant``, ``zh`` and ``zh-CN`` use ``zh-Hans``, ``en-GB`` uses ``en``. A language
with no table (``fr``) gets English words; :func:`argmap.translations.language_warnings` says so
once per build, never per key.

To add a language: copy ``en.py`` to ``<tag>.py`` (``zh_hans.py`` for ``zh-Hans``), translate
the values (leave out what is not translated yet: English stands in, and the build warns that it
does), and add one line to :data:`TABLES`.

>>> word("said.deflected", "ja"), word("said.deflected", "fr"), word("said.deflected", "zh-TW")
('はぐらかし', 'Deflected', '迴避回應')
>>> word("deadline", "ja", date="2024-12-02")
'期限 2024-12-02'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..lang import match
from . import en, ja, ko, zh_hans, zh_hant

__all__ = ["TABLES", "table_for", "word", "words_for"]

#: The table of each language that has one, by language tag.
TABLES: dict[str, Mapping[str, str]] = {
    "en": en.WORDS,
    "ja": ja.WORDS,
    "ko": ko.WORDS,
    "zh-Hans": zh_hans.WORDS,
    "zh-Hant": zh_hant.WORDS,
}


def table_for(lang: str | None) -> str | None:
    """The tag of the table that serves ``lang`` (``None`` when no table does).

    >>> table_for("zh-HK"), table_for("zh"), table_for("en-GB"), table_for("fr")
    ('zh-Hant', 'zh-Hans', 'en', None)
    """
    return match(lang, TABLES)


def words_for(lang: str | None, fallback: Sequence[str] = ()) -> list[Mapping[str, str]]:
    """The tables a lookup in ``lang`` tries, in order: ``lang``, ``fallback``, English."""
    return list(_tables(lang, tuple(fallback)))


@lru_cache(maxsize=256)
def _tables(lang: str | None, fallback: tuple[str, ...]) -> tuple[Mapping[str, str], ...]:
    tags: list[str] = []
    for code in (*((lang,) if lang else ()), *fallback, "en"):
        tag = table_for(code)
        if tag is not None and tag not in tags:
            tags.append(tag)
    return tuple(TABLES[tag] for tag in tags)


def word(key: str, lang: str | None, fallback: Sequence[str] = (), **fields: object) -> str:
    """The text of ``key`` in ``lang`` (see the module docstring for the fallback), with its
    ``{fields}`` filled in when any are given. An unknown key raises ``KeyError``."""
    for table in _tables(lang, tuple(fallback)):
        text = table.get(key)
        if text is not None:
            return text.format(**fields) if fields else text
    raise KeyError(key)
