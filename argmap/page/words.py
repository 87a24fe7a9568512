"""The words a page carries for its script: the shared terms it shows (status names, kinds,
effects, relations, views, flags) and the page's own (``page.<key>`` in :mod:`argmap.words`,
under the key without its prefix), in every language that has a table.
"""

from __future__ import annotations

from ..words import TABLES

__all__ = ["page_words"]

#: Shared terms the page shows, by prefix and by key.
_SHARED_PREFIXES = ("said.", "done.", "kind.", "effect.", "rel.", "view.", "summary.")
_SHARED_KEYS = ("overdue", "on_paper", "undated", "as_of", "main", "legend", "legend.said",
                "legend.done", "names_sep", "colon", "our_words", "not_due")
_OWN = "page."


def page_words() -> dict[str, dict[str, str]]:
    """Every word the page shows, keyed as the page script looks them up (sorted by key), each
    in every language that has it."""
    english = TABLES["en"]
    keys = {k: k for k in english if k.startswith(_SHARED_PREFIXES) or k in _SHARED_KEYS}
    for key in english:
        if key.startswith(_OWN):
            short = key[len(_OWN):]
            if short in keys:
                raise KeyError(f"page word {key!r} hides the shared word {short!r}")
            keys[short] = key
    return {short: {lang: table[key] for lang, table in sorted(TABLES.items()) if key in table}
            for short, key in sorted(keys.items())}
