"""Text as readers see it: display width, wrapping and shortening, and figures with their
units, for every output.

Widths are display columns as a terminal counts them (CJK and emoji take two), measured on whole
grapheme clusters, so a line never ends inside a character, an emoji ZWJ sequence, a flag or a
letter with combining marks. Japanese has no spaces: lines break between any two wide characters,
preferring a break after ``、`` or ``。``, and never start with closing punctuation. The maps'
labels, the brief's citations and the summary all cut text here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from wcwidth import iter_graphemes, width

__all__ = ["ELLIPSIS", "clean", "display_width", "format_number", "has_cjk", "one_line",
           "shorten", "wrap"]

ELLIPSIS = "…"

# Break after these (the preferred places to end a line in Japanese and Chinese text).
_BREAK_AFTER = frozenset("、。，．,.;；:：!！?？)）」』】〕〉》”’")
# Never start a line with these (kinsoku shori: closing marks stay on the line they close).
_NO_LINE_START = frozenset("、。，．,.;；:：!！?？)）」』】〕〉》”’ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‐゠–〜")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f]+")
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]"
)


def clean(text: str) -> str:
    """Text fit for a label: no control characters (NUL included), no lone surrogates.

    Newlines stay (they end paragraphs); tabs and other spaces become one space.

    >>> clean("a\\x00b\\tc\\r\\nd")
    'ab c\\nd'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) == "Cc":
            continue
        elif unicodedata.category(ch) == "Cs" or ch in "\ufffe\uffff":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in "".join(out).split("\n"))


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds Chinese, Japanese or Korean characters (they need a CJK font)."""
    return _CJK.search(text) is not None


@lru_cache(maxsize=65536)
def _gwidth(grapheme: str) -> int:
    return max(0, width(grapheme, control_codes="ignore"))


def display_width(text: str) -> int:
    """Columns ``text`` takes: 2 for CJK and emoji, 0 for combining marks, 1 otherwise.

    >>> display_width("日本a")
    5
    """
    return sum(_gwidth(g) for g in iter_graphemes(text))


def _is_wide(grapheme: str) -> bool:
    return _gwidth(grapheme) >= 2


def _wrap_paragraph(graphemes: list[str], limit: int) -> list[list[str]]:
    """Greedy wrap of one paragraph, as lists of graphemes."""
    lines: list[list[str]] = []
    line: list[str] = []
    used = 0
    for g in graphemes:
        w = _gwidth(g)
        if line and used + w > limit and not (g == " "):
            cut = _break_point(line, g, limit)
            head, rest = line[:cut], line[cut:]
            while head and head[-1] == " ":
                head.pop()
            while rest and rest[0] == " ":
                rest.pop(0)
            lines.append(head)
            line, used = rest, sum(_gwidth(x) for x in rest)
            if used + w > limit and line:  # the carried-over tail is itself too long
                lines.append(line)
                line, used = [], 0
        if g == " " and not line:
            continue
        line.append(g)
        used += w
    while line and line[-1] == " ":
        line.pop()
    if line or not lines:
        lines.append(line)
    return lines


def _break_point(line: list[str], following: str, limit: int) -> int:
    """Where to cut ``line`` (an index into it) so that ``following`` can start the next line."""
    best_punct = best_any = 0
    for i in range(1, len(line) + 1):
        before = line[i - 1]
        after = line[i] if i < len(line) else following
        if after in _NO_LINE_START:
            continue
        if before == " " or after == " ":
            best_any = i
        elif before in _BREAK_AFTER and (before not in ",.;:!?" or after == " "):
            best_punct = best_any = i
        elif _is_wide(before) or _is_wide(after):
            best_any = i
    half = sum(_gwidth(g) for g in line) // 2
    if best_punct and sum(_gwidth(g) for g in line[:best_punct]) >= half:
        return best_punct
    if best_any:
        return best_any
    return len(line)  # one long word: cut between graphemes


#: Left off the end of a line cut short, before its ``…``.
_CUT_STRIP = frozenset(" 、。，,;:")


def _truncate(line: list[str], limit: int) -> list[str]:
    """``line`` cut to leave room for ``…``: between graphemes, but in text of spaced words at
    the last space rather than inside a word (``one two…``, not ``one two th…``)."""
    out = list(line)
    while out and (sum(_gwidth(g) for g in out) + 1 > limit or out[-1] in _CUT_STRIP):
        out.pop()
    inside_word = len(out) < len(line) and line[len(out)] not in _CUT_STRIP
    if inside_word and " " in out and not any(_is_wide(g) for g in out):
        del out[len(out) - out[::-1].index(" "):]
        while out and out[-1] in _CUT_STRIP:
            out.pop()
    return out + [ELLIPSIS]


def _wrap_all(paragraphs: list[list[str]], limit: int) -> list[list[str]]:
    lines: list[list[str]] = []
    for graphemes in paragraphs:
        lines.extend(_wrap_paragraph(graphemes, limit))
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def wrap(text: str, width_: int = 28, max_lines: int = 4, balance: bool = True) -> list[str]:
    """Lines of ``text``, each at most ``width_`` columns, at most ``max_lines`` of them.

    Text that does not fit ends with ``…``. Explicit newlines start a new line. With ``balance``
    the lines are made about equally long (no lone last character) without adding a line.

    >>> wrap("健康保険証の廃止を撤回すること。", 12)
    ['健康保険証の', '廃止を撤回す', 'ること。']
    >>> wrap("one two three four", 9, max_lines=1)
    ['one two…']
    """
    limit = max(2, width_)
    paragraphs = [list(iter_graphemes(p)) for p in clean(text).split("\n")]
    lines = _wrap_all(paragraphs, limit)
    if max_lines > 0 and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _truncate(lines[-1], limit)
    elif balance and len(lines) > 1:
        # the narrowest width that still needs no more lines than the greedy wrap
        total = sum(_gwidth(g) for p in paragraphs for g in p)
        for narrower in range(max(2, -(-total // len(lines))), limit):
            candidate = _wrap_all(paragraphs, narrower)
            if len(candidate) <= len(lines):
                lines = candidate
                break
    return ["".join(line) for line in lines]


def shorten(text: str, width_: int) -> str:
    """``text`` on one line of at most ``width_`` columns (``…`` when cut)."""
    return wrap(" ".join(clean(text).split("\n")), width_, max_lines=1)[0]


def one_line(text: str) -> str:
    """Runs of whitespace (line breaks of folded YAML text among them) as one space.

    >>> one_line("a\\n  b c ")
    'a b c'
    """
    return " ".join(text.split())


def format_number(number: int | float, unit: str) -> str:
    """A figure's value with its unit: ``14.3%``, ``18,233,942 cards``.

    >>> format_number(18233942, "cards"), format_number(14.3, "%"), format_number(20.0, "%")
    ('18,233,942 cards', '14.3%', '20%')
    """
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    text = f"{number:,}"
    if unit in ("%", "‰"):
        return text + unit
    return f"{text} {unit}" if unit else text
