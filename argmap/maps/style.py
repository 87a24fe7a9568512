"""The look of the maps: colours, shapes and line styles, chosen so that status reads without colour.

Colours come from the Okabe–Ito palette, which readers with any common colour-vision deficiency can
tell apart. Every status is also carried by a word and a glyph in the label, and by the border or
line style (double border, dashed, dotted, bold), so a grayscale print reads the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Done, EffectType, RelationType, Said

__all__ = [
    "ANSWER", "BLACK", "BLUE", "DONE", "EFFECT", "GREEN", "GREY", "KIND_SHAPE", "LINK", "ORANGE",
    "PURPLE", "RELATION", "SAID", "SCHEMES", "SKY", "VERMILLION", "WHITE", "YELLOW", "EdgeLook",
    "NodeLook", "Palette", "gray", "tint"
]

# Okabe & Ito (2008), "Color Universal Design".
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#767676"
WHITE = "#FFFFFF"

SCHEMES = ("okabe-ito", "grayscale")


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white: ``amount`` 1 is the colour itself, 0 is white."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)


def gray(colour: str) -> str:
    """The luminance of ``colour`` as a grey (for the grayscale scheme)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    y = round(0.2126 * r + 0.7152 * g + 0.0722 * b)
    return f"#{y:02X}{y:02X}{y:02X}"


@dataclass(frozen=True)
class NodeLook:
    """How a node is drawn: border colour, fill, band colour, border style, width, glyph."""

    border: str
    fill: str
    band: str
    style: str = "solid"
    penwidth: float = 1.2
    peripheries: int = 1
    glyph: str = ""
    text: str = BLACK


@dataclass(frozen=True)
class EdgeLook:
    """How an edge is drawn: colour, line style, width and arrowhead."""

    color: str
    style: str = "solid"
    penwidth: float = 1.4
    arrowhead: str = "normal"
    dir: str = "forward"


SAID: dict[Said, NodeLook] = {
    # Unanswered: the loudest look on the map (double bold border, solid vermillion band).
    Said.no_response: NodeLook(VERMILLION, tint(VERMILLION, 0.12), VERMILLION, "bold", 3.0, 2,
                               "⚠", WHITE),
    # On file, not yet rated: grey and dotted, neither a warning colour nor a commitment's.
    Said.not_yet_rated: NodeLook(GREY, WHITE, "#E4E4E4", "dotted", 2.0, 1, "?"),
    Said.refused: NodeLook(VERMILLION, WHITE, tint(VERMILLION, 0.45), "solid", 2.2, 1, "×"),
    Said.acknowledged: NodeLook(ORANGE, WHITE, tint(ORANGE, 0.4), "dashed", 2.0, 1, "△"),
    Said.deflected: NodeLook(ORANGE, WHITE, tint(ORANGE, 0.4), "dashed", 2.0, 1, "▽"),
    Said.under_consideration: NodeLook(ORANGE, WHITE, tint(ORANGE, 0.4), "dashed", 2.0, 1, "…"),
    Said.partially_accepted: NodeLook(SKY, WHITE, tint(SKY, 0.45), "solid", 2.0, 1, "◐"),
    Said.accepted: NodeLook(GREEN, WHITE, tint(GREEN, 0.4), "solid", 2.0, 1, "✓"),
}

DONE: dict[Done, NodeLook] = {
    Done.unrated: NodeLook(GREY, WHITE, "#EEEEEE", glyph="—"),
    Done.committed: NodeLook(BLUE, WHITE, tint(BLUE, 0.25), glyph="◇"),
    Done.in_progress: NodeLook(SKY, WHITE, tint(SKY, 0.45), glyph="▶"),
    Done.stalled: NodeLook(ORANGE, WHITE, tint(YELLOW, 0.6), glyph="‖"),
    Done.delivered: NodeLook(GREEN, WHITE, tint(GREEN, 0.55), glyph="●"),
    Done.partially_delivered: NodeLook(GREEN, WHITE, tint(GREEN, 0.25), glyph="◐"),
    Done.not_delivered: NodeLook(VERMILLION, WHITE, tint(VERMILLION, 0.4), glyph="○"),
    Done.reversed: NodeLook(PURPLE, WHITE, tint(PURPLE, 0.55), glyph="▼"),
}

EFFECT: dict[EffectType, EdgeLook] = {
    EffectType.commits: EdgeLook(BLUE, "dotted", 1.6),
    EffectType.progresses: EdgeLook(SKY, "dashed", 1.6),
    EffectType.stalls: EdgeLook(ORANGE, "dotted", 1.8, "odot"),
    EffectType.fulfils: EdgeLook(GREEN, "bold", 2.6),
    EffectType.partially_fulfils: EdgeLook(GREEN, "dashed", 2.0),
    EffectType.fails: EdgeLook(VERMILLION, "dashed", 2.0, "tee"),
    EffectType.contradicts: EdgeLook(VERMILLION, "bold", 2.6, "tee"),
    EffectType.reverses: EdgeLook(PURPLE, "bold", 2.6, "tee"),
}

RELATION: dict[RelationType, EdgeLook] = {
    RelationType.supports: EdgeLook(BLUE, "solid", 1.8),
    RelationType.attacks: EdgeLook(VERMILLION, "dashed", 2.0, "tee"),
    RelationType.undercuts: EdgeLook(PURPLE, "dotted", 2.8, "tee"),
    RelationType.rephrases: EdgeLook(GREY, "dotted", 1.2, "none"),
}

#: Edge from a demand to an answer, by what the answer said.
ANSWER: dict[Said, EdgeLook] = {
    said: EdgeLook(look.border, "dashed" if look.style == "dashed" else "solid", 1.8)
    for said, look in SAID.items()
}


#: Reference edges (an item at an event, an answer to a demand) in the timeline view.
LINK = EdgeLook(GREY, "solid", 1.0, "vee")

#: Shape, fill and border style of each kind of item.
KIND_SHAPE: dict[str, tuple[str, str, str]] = {
    # kind: (shape, fill, extra style)
    "claim": ("box", WHITE, "rounded"),
    "demand": ("box", WHITE, ""),
    "response": ("note", WHITE, ""),
    "evidence": ("folder", tint(YELLOW, 0.25), ""),
    "action": ("box3d", tint(BLUE, 0.10), ""),
    "event": ("box", tint(GREY, 0.08), "rounded,dashed"),
    "source": ("tab", WHITE, ""),
    "actor": ("ellipse", WHITE, ""),
    "relation": ("point", BLACK, ""),
}


class Palette:
    """Maps the nominal colours above to the chosen scheme (colour or grayscale)."""

    def __init__(self, scheme: str = "okabe-ito") -> None:
        self.scheme = scheme

    def __call__(self, colour: str) -> str:
        """The colour to write for ``colour`` in this scheme."""
        if self.scheme == "grayscale" and colour.startswith("#") and len(colour) == 7:
            return gray(colour)
        return colour
