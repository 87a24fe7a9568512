"""Text as readers see it: display width, wrapping and shortening, and figures with their
units, for every output.

Widths are display columns as a terminal counts them (CJK and emoji take two), measured on whole
grapheme clusters, so a line never ends inside a character, an emoji ZWJ sequence, a flag or a
letter with combining marks. Japanese and Chinese have no spaces: lines break between wide
characters, preferring a break between phrases (BudouX's, in the text's language) or after ``、``
or ``。``; Korean breaks at its spaces. In every language a line never ends with an opening
bracket, never starts with closing punctuation or small kana, and never splits a number from its
digits, counter or unit (:func:`wrap`). The maps' labels, the brief's citations and the summary
all cut text here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from wcwidth import iter_graphemes, width

from .lang import script_of

__all__ = ["ELLIPSIS", "clean", "display_width", "has_cjk", "one_line", "shorten", "wrap"]

ELLIPSIS = "…"

# Break after these (the preferred places to end a line in Japanese and Chinese text).
_BREAK_AFTER = frozenset("、。，．,.;；:：!！?？)）」』】〕〉》”’")
# Never start a line with these (kinsoku shori: closing marks stay on the line they close).
_NO_LINE_START = frozenset("、。，．,.;；:：!！?？)）」』】〕〉》”’ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‐゠–〜")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f]+")
# control characters (Unicode Cc) but newlines, and lone surrogates and non-characters
_UNCLEAN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
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
    if not _UNCLEAN.search(text):  # the common case: nothing to drop or replace
        return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
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


# --- where a line may break -------------------------------------------------------------------
# Each grapheme gets a set of flags; a break between two graphemes is allowed, preferred or
# forbidden by the rules of line breaking in Japanese (JIS X 4051), Chinese (CLREQ) and Korean
# (KLREQ), and by BudouX's phrases in Japanese and Chinese.
_SPACE, _OPEN, _CLOSE, _DIGIT, _WIDE, _AFTER, _HANGUL, _MYRIAD, _PREFIX = (1 << i for i in range(9))
#: Never end a line with these (opening brackets and quotation marks; Unicode Ps and Pi too).
_OPENING = frozenset("([{（［｛「『【〔〈《〘〖｟“‘«")
#: Never start a line with these (closing marks, small kana, iteration and prolonged sound
#: marks; Unicode Pe and Pf too), nor with a percent or per-mille sign.
_CLOSING = _NO_LINE_START | frozenset("]}］｝〙〗｠»・%％‰゛゜ヽヾゝゞ")
#: Characters that count tens of thousands: no break between them and the digits that follow
#: (``1823万3942``).
_MYRIADS = frozenset("万萬億亿兆만억조")
#: Signs written before a number (no break between them and it: ``¥26``, ``HK$2,600``).
_PREFIXES = frozenset("$¥￥£€₩＄#＃№")


@lru_cache(maxsize=65536)
def _flags(g: str) -> int:
    """The line-breaking flags of one grapheme."""
    ch = g[0]
    flags = 0
    if g == " ":
        return _SPACE
    category = unicodedata.category(ch)
    if ch in _OPENING or category in ("Ps", "Pi"):
        flags |= _OPEN
    if ch in _CLOSING or category in ("Pe", "Pf"):
        flags |= _CLOSE
    if ch.isdigit() or ch in "０１２３４５６７８９":
        flags |= _DIGIT
    if _gwidth(g) >= 2:
        flags |= _WIDE
    if ch in _BREAK_AFTER and ch not in ",.;:!?":  # ASCII marks break at the space after them
        flags |= _AFTER
    if "\uac00" <= ch <= "\ud7af" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f":
        flags |= _HANGUL
    if ch in _MYRIADS:
        flags |= _MYRIAD
    if ch in _PREFIXES:
        flags |= _PREFIX
    return flags


def _rule(a: int, b: int, b_char: str) -> int:
    """0: no break between graphemes of flags ``a`` and ``b``; 1: a break is allowed; 2: a
    break is preferred (after a space or CJK punctuation)."""
    if b & _SPACE:
        return 0  # the line breaks after the space instead
    if a & _SPACE:
        return 2
    if a & _OPEN or b & _CLOSE:
        return 0
    if a & _DIGIT and (b & (_DIGIT | _WIDE) or b_char in ",.٫٬"):
        return 0  # 1,823 / 6月 / 12日 / 3942枚: a number stays with its counter or unit
    if b & _DIGIT and (a & (_MYRIAD | _PREFIX) or not a & _WIDE):
        return 0  # 1823万3942, ¥26, 14.3 (a comma or point inside a number)
    if a & _AFTER:
        return 2
    if a & _HANGUL or b & _HANGUL:
        return 0  # Korean breaks between words, at spaces (keep-all)
    if a & _WIDE or b & _WIDE:
        return 1
    return 0  # inside a word of a spaced script


_KANA = re.compile("[\u3040-\u30ff]")


def _phrase_model(lang: str | None, text: str) -> str | None:
    """The BudouX model for a text in ``lang``: Japanese, Simplified or Traditional Chinese by
    the language's script, Japanese for kana in a text of any other language, else none."""
    script = script_of(lang) if lang else ""
    if script in ("Jpan", "Hans", "Hant"):
        return {"Jpan": "ja", "Hans": "zh-hans", "Hant": "zh-hant"}[script]
    return "ja" if _KANA.search(text) else None


@lru_cache(maxsize=4)
def _parser(model: str):  # -> budoux.Parser (imported on first use)
    import budoux

    return {"ja": budoux.load_default_japanese_parser,
            "zh-hans": budoux.load_default_simplified_chinese_parser,
            "zh-hant": budoux.load_default_traditional_chinese_parser}[model]()


@lru_cache(maxsize=32768)
def _phrase_starts(model: str, text: str) -> frozenset[int]:
    """Code point offsets at which BudouX starts a new phrase."""
    starts, at = set(), 0
    for chunk in _parser(model).parse(text):
        at += len(chunk)
        starts.add(at)
    return frozenset(starts)


class _Paragraph:
    """One paragraph's graphemes, their widths (and running sums), and the kind of break
    allowed before each: ``plain[i]`` is 0, 1 or 2 for a break between ``graphemes[i-1]`` and
    ``graphemes[i]`` (see :func:`_rule`); ``phrased`` also prefers (2) the starts of phrases."""

    __slots__ = ("flags", "graphemes", "phrased", "plain", "sums", "widths")

    def __init__(self, text: str, lang: str | None) -> None:
        self.graphemes = graphemes = list(iter_graphemes(text))
        self.widths = [_gwidth(g) for g in graphemes]
        sums = [0]
        for w in self.widths:
            sums.append(sums[-1] + w)
        self.sums = sums
        self.flags = flags = [_flags(g) for g in graphemes]
        breaks = [0] * len(graphemes)
        for i in range(1, len(graphemes)):
            breaks[i] = _rule(flags[i - 1], flags[i], graphemes[i][0])
        model = _phrase_model(lang, text) if sums[-1] > 2 and any(
            f & _WIDE for f in flags) else None
        if model is not None:
            starts = _phrase_starts(model, text)
            at = 0
            for i, g in enumerate(graphemes):
                if i and breaks[i] == 1 and at in starts:
                    breaks[i] = 2
                at += len(g)
        self.plain = breaks
        self.phrased = breaks
        if model is not None:
            self.plain = [min(b, 1) if b == 2 and not (flags[i - 1] & (_SPACE | _AFTER)) else b
                          for i, b in enumerate(breaks)]


#: How the lines of a paragraph may end, tried in order until one needs no more lines than
#: breaking between any two characters would: (keep phrases whole, least fill of a line ended
#: at a preferred break).
_MODES: tuple[tuple[bool, float], ...] = ((True, 0.5), (True, 0.8), (False, 0.5))


def _wrap_paragraph(p: _Paragraph, limit: int, mode: tuple[bool, float] = _MODES[0],
                    splits: list[int] | None = None) -> list[list[str]]:
    """Greedy wrap of one paragraph, as lists of graphemes: each line ends at the last preferred
    break (a space, CJK punctuation, with ``mode`` the start of a phrase) that leaves it filled
    to at least ``mode``'s share, else at the last allowed break, else (one long word) between
    graphemes. ``splits[0]`` counts the lines that end inside a phrase (or a word)."""
    phrases, fill = mode
    g, sums, breaks = p.graphemes, p.sums, (p.phrased if phrases else p.plain)
    n = len(g)
    lines: list[list[str]] = []
    start = 0
    while start < n and g[start] == " ":
        start += 1
    i = start
    while i < n:
        if g[i] != " " and sums[i + 1] - sums[start] > limit and i > start:
            half = limit * fill
            cut = preferred = allowed = 0
            for b in range(i, start, -1):
                if breaks[b] == 2 and not preferred and sums[b] - sums[start] >= half:
                    preferred = b
                    break
                if breaks[b] and not allowed:
                    allowed = b
            cut = preferred or allowed or i
            if splits is not None and p.phrased[cut] != 2:
                splits[0] += 1
            if cut == i:  # no break allowed: forced, but never before a closing mark or
                # after an opening one (the characters move to the next line instead)
                flags = p.flags
                while cut > start + 1 and (flags[cut] & _CLOSE or flags[cut - 1] & _OPEN):
                    cut -= 1
            end = cut
            while end > start and g[end - 1] == " ":
                end -= 1
            lines.append(g[start:end])
            start = cut
            while start < n and g[start] == " ":
                start += 1
            i = max(i, start)
            continue
        i += 1
    end = n
    while end > start and g[end - 1] == " ":
        end -= 1
    if end > start or not lines:
        lines.append(g[start:end])
    return lines


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


def _wrap_all(paragraphs: list[_Paragraph], limit: int,
              mode: tuple[bool, float] = _MODES[0], splits: list[int] | None = None
              ) -> list[list[str]]:
    lines: list[list[str]] = []
    for paragraph in paragraphs:
        lines.extend(_wrap_paragraph(paragraph, limit, mode, splits))
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def wrap(text: str, width_: int = 28, max_lines: int = 4, balance: bool = True,
         lang: str | None = None) -> list[str]:
    """Lines of ``text``, each at most ``width_`` columns, at most ``max_lines`` of them.

    Text that does not fit ends with ``…``. Explicit newlines start a new line. With ``balance``
    the lines are made about equally long (no lone last character) without adding a line.
    ``lang`` (a BCP 47 tag) chooses the phrases Japanese and Chinese lines prefer to break
    between (BudouX); the rules that forbid a break hold in every language: none after an
    opening bracket, before closing punctuation or small kana, inside a number or between a
    number and its counter or unit (``6月``, ``14.3%``, ``1823万``), nor inside a Korean word.

    >>> wrap("2019年11月1日現在の交付枚数は1823万3942枚で、交付率は14.3%。", 26, lang="ja")
    ['2019年11月1日現在の', '交付枚数は1823万3942枚で、', '交付率は14.3%。']
    >>> wrap("保安局局長李家超於2019年10月23日在立法會宣布正式撤回《逃犯條例》修訂草案。", 26,
    ...      lang="zh-Hant")
    ['保安局局長李家超於2019年', '10月23日在立法會宣布正式', '撤回《逃犯條例》修訂草案。']
    >>> wrap("one two three four", 9, max_lines=1)
    ['one two…']
    """
    limit = max(2, width_)
    paragraphs = [_Paragraph(p, lang) for p in clean(text).split("\n")]
    mode = _MODES[0]
    splits = [0]
    lines = _wrap_all(paragraphs, limit, mode, splits)
    # Phrases are kept whole only where that costs no extra line (a label's lines are few):
    # else lines end at a phrase only when nearly full, else anywhere the rules allow.
    fewest = sum(-(-p.sums[-1] // limit) or 1 for p in paragraphs)  # no wrap needs fewer lines
    if len(lines) > fewest and any(p.plain is not p.phrased for p in paragraphs):
        plain = _wrap_all(paragraphs, limit, _MODES[-1])
        for mode in _MODES:
            count = [0]
            found = _wrap_all(paragraphs, limit, mode, count) if mode != _MODES[0] else lines
            if len(found) <= len(plain):
                lines, splits = found, (count if mode != _MODES[0] else splits)
                break
    if max_lines > 0 and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _truncate(lines[-1], limit)
    elif balance and len(lines) > 1:
        # the narrowest width that still needs no more lines than the greedy wrap, and splits
        # no more phrases or words
        total = sum(p.sums[-1] for p in paragraphs)
        for narrower in range(max(2, -(-total // len(lines))), limit):
            count = [0]
            candidate = _wrap_all(paragraphs, narrower, mode, count)
            if len(candidate) <= len(lines) and count[0] <= splits[0]:
                lines = candidate
                break
    return ["".join(line) for line in lines]


def shorten(text: str, width_: int, lang: str | None = None) -> str:
    """``text`` on one line of at most ``width_`` columns (``…`` when cut)."""
    return wrap(" ".join(clean(text).split("\n")), width_, max_lines=1, lang=lang)[0]


def one_line(text: str) -> str:
    """Runs of whitespace (line breaks of folded YAML text among them) as one space.

    >>> one_line("a\\n  b c ")
    'a b c'
    """
    return " ".join(text.split())
