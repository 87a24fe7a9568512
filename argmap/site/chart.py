"""The answers-over-time chart of an actor's page, as inline SVG written here (no script, no
chart library, nothing loaded).

Each period has two bars: the demands received (grey outline) and the answers those demands got,
stacked by what they said, in the maps' colours for each value. Colours are set with SVG
presentation attributes (the page's Content-Security-Policy forbids style attributes); every bar
has a ``<title>`` with its figures, and the page prints the same figures as a table below.
"""

from __future__ import annotations

import html
import math

from ..maps.style import SAID
from ..model import Said
from .tally import Bin
from .words import word

__all__ = ["answers_chart", "legend", "nice_step"]

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 48


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def nice_step(top: int) -> int:
    """A round step for about five gridlines up to ``top``.

    >>> nice_step(7), nice_step(48), nice_step(1234)
    (2, 10, 500)
    """
    if top <= 5:
        return 1
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def answers_chart(bins: list[Bin], unit: str, lang: str) -> str:
    """The chart as an ``<svg>`` element (empty string when there is nothing to draw)."""
    if not bins:
        return ""
    answers = sum(sum(b.said.values()) for b in bins)
    received = sum(b.received for b in bins)
    top = max(max(b.received, sum(b.said.values())) for b in bins) or 1
    step = nice_step(top)
    top = math.ceil(top / step) * step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(bins)
    bar = max(1.0, min(22.0, slot * 0.38))

    def y(value: float) -> float:
        return TOP + plot_h - plot_h * value / top

    label = word("answers.chart.alt", lang, answers=f"{answers:,}", received=f"{received:,}",
                 unit=word(f"unit.{unit}", lang))
    out = [(f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-label="{_esc(label)}" xmlns="http://www.w3.org/2000/svg">'),
           f"<title>{_esc(label)}</title>"]
    for tick in range(0, top + 1, step):
        ty = y(tick)
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}" '
                   f'stroke="#d9d9de" stroke-width="1"/>')
        out.append(f'<text x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11" '
                   f'fill="#5d5d66">{tick:,}</text>')
    every = max(1, math.ceil(len(bins) / (plot_w / 46)))  # labels at least 46 px apart
    for i, b in enumerate(bins):
        x0 = LEFT + i * slot + slot / 2
        if b.received:
            out.append(f'<rect x="{x0 - bar - 1:.1f}" y="{y(b.received):.1f}" width="{bar:.1f}" '
                       f'height="{y(0) - y(b.received):.1f}" fill="#ffffff" stroke="#767676" '
                       f'stroke-width="1.5"><title>{_esc(b.label)}: {b.received:,} '
                       f'{_esc(word("chart.received", lang))}</title></rect>')
        base = 0
        for said in Said:
            n = b.said.get(said.value, 0)
            if not n:
                continue
            look = SAID[said]
            out.append(f'<rect x="{x0 + 1:.1f}" y="{y(base + n):.1f}" width="{bar:.1f}" '
                       f'height="{y(base) - y(base + n):.1f}" fill="{look.band}" '
                       f'stroke="{look.border}" stroke-width="1"><title>{_esc(b.label)}: {n:,} '
                       f'{_esc(look.glyph)} {_esc(word("said." + said.value, lang))}</title>'
                       "</rect>")
            base += n
        if i % every == 0:
            out.append(f'<text x="{x0:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
                       f'font-size="11" fill="#1b1b1f">{_esc(b.label)}</text>')
    out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}" '
               'stroke="#1b1b1f" stroke-width="1"/>')
    out.append("</svg>")
    return "".join(out)


def legend(bins: list[Bin], lang: str) -> list[tuple[str, str, str, str]]:
    """The chart's legend: ``(css class, glyph, words)`` for "received" and each said value
    that appears, in vocabulary order."""
    used = {s for b in bins for s in b.said}
    rows = [("received", "", word("chart.received", lang), "")]
    rows += [(f"said-{s.value}", SAID[s].glyph, word(f"said.{s.value}", lang), s.value)
             for s in Said if s.value in used]
    return rows
