"""Dossier text made safe for Graphviz: every user string reaches a map through :func:`html`,
which escapes it for HTML-like labels, or :func:`plain`, for ordinary attributes such as
tooltips.
"""

from __future__ import annotations

import graphviz

from ..text import clean

__all__ = ["html", "plain"]

_HTML_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    # A lone "]" as an element's whole text is a syntax error to Graphviz's label parser.
    "[": "&#91;",
    "]": "&#93;",
    # Graphviz expands \N, \G, \E, \T, \H, \L (node, graph, edge names) even in HTML-like
    # labels and after entities are decoded; an invisible word joiner after every backslash
    # keeps it from ever starting such a sequence.
    "\\": "&#92;&#8288;",
}
WORD_JOINER = "\u2060"


def html(text: str) -> str:
    """``text`` escaped for a Graphviz HTML-like label: it shows literally, never as markup.

    >>> html('<b>"x" & \\\\l</b>')
    '&lt;b&gt;&quot;x&quot; &amp; &#92;&#8288;l&lt;/b&gt;'
    """
    escaped = "".join(_HTML_ESCAPES.get(ch, ch) for ch in clean(text).replace("\n", " "))
    return escaped or " "  # Graphviz refuses an empty element such as <FONT></FONT>


def plain(text: str) -> str:
    """``text`` for an ordinary (non-HTML) attribute such as a tooltip, shown literally.

    Backslashes are doubled and followed by a word joiner (no ``\\l`` or ``\\N`` expansion),
    ``&`` stays ``&`` in SVG output.
    """
    text = clean(text).replace("\n", " ").replace("&", "&amp;").replace("\\", "\\" + WORD_JOINER)
    return graphviz.escape(text)
