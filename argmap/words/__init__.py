"""The words argmap itself shows (status names, kinds, legends, headings, buttons), one table per
language, shared by the maps, the interactive page and the debate brief.

Each language is one module holding ``WORDS``, a flat table of key -> text: :mod:`.en` (the
reference, with every key) and :mod:`.ja`. Keys without a prefix are shared by every output
(``said.deflected``, ``kind.demand``, ``on_paper``...), so the maps, the page and the brief always
name a status the same way; ``page.<key>`` and ``brief.<key>`` are phrases of one output only.

:func:`word` looks a key up in the language asked for, then in the fallback languages given, then
in English; a language tag with a region or script that has no table of its own falls back to
its shorter forms first (``zh-Hant-TW`` -> ``zh-Hant`` -> ``zh``).

To add a language: copy ``en.py`` to ``<tag>.py`` (``zh_hans.py`` for ``zh-Hans``), translate
the values (leave out what is not translated yet: English stands in), and add one line to
:data:`TABLES`.

>>> word("said.deflected", "ja"), word("said.deflected", "fr")
('はぐらかし', 'Deflected')
>>> word("deadline", "ja", date="2024-12-02")
'期限 2024-12-02'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from . import en, ja

__all__ = ["TABLES", "word", "words_for"]

#: The table of each language that has one, by language tag.
TABLES: dict[str, Mapping[str, str]] = {
    "en": en.WORDS,
    "ja": ja.WORDS,
}


def _tags(lang: str) -> Iterator[str]:
    """``lang`` and its shorter forms: ``zh-Hant-TW``, ``zh-Hant``, ``zh``."""
    parts = lang.replace("_", "-").split("-")
    for end in range(len(parts), 0, -1):
        yield "-".join(parts[:end])


def words_for(lang: str | None, fallback: Sequence[str] = ()) -> list[Mapping[str, str]]:
    """The tables a lookup in ``lang`` tries, in order: ``lang``, ``fallback``, English."""
    tables: list[Mapping[str, str]] = []
    for code in (*((lang,) if lang else ()), *fallback, "en"):
        for tag in _tags(code):
            table = TABLES.get(tag)
            if table is not None and not any(t is table for t in tables):
                tables.append(table)
    return tables


def word(key: str, lang: str | None, fallback: Sequence[str] = (), **fields: object) -> str:
    """The text of ``key`` in ``lang`` (see the module docstring for the fallback), with its
    ``{fields}`` filled in when any are given. An unknown key raises ``KeyError``."""
    for table in words_for(lang, fallback):
        text = table.get(key)
        if text is not None:
            return text.format(**fields) if fields else text
    raise KeyError(key)
