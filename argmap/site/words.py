"""The words of the tracker site: its own phrases are ``site.<key>`` in :mod:`argmap.words`, so
the site, the maps, the interactive page and the brief share one table per language and always
name a status the same way.
"""

from __future__ import annotations

from ..words import TABLES
from ..words import word as _word

__all__ = ["word"]


def word(key: str, lang: str, **fields: object) -> str:
    """The site's word for ``key`` (its own ``site.<key>``, else the shared term, such as a status
    name) in ``lang``, fields filled in.

    >>> word("search.count", "en", n=3)
    '3 found'
    >>> word("said.not_yet_rated", "en")
    'Answer on file, not yet rated'
    """
    own = key if key.startswith("site.") else f"site.{key}"
    return _word(own if own in TABLES["en"] else key, lang, (), **fields)
