"""Text width, wrapping and shortening (CJK, emoji, combining marks), and escaping for Graphviz."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from wcwidth import iter_graphemes

from argmap.maps.escape import html, plain
from argmap.text import ELLIPSIS, clean, display_width, has_cjk, shorten, wrap


def test_japanese_breaks_by_width_and_prefers_punctuation() -> None:
    text = "マイナンバーカードと健康保険証の一体化を強制せず、従来の保険証を存続させること。"
    lines = wrap(text, 20, max_lines=10)
    assert all(display_width(line) <= 20 for line in lines)
    assert "".join(lines) == text
    # the breaks fall between phrases (BudouX, for the kana), here after を and after the comma's
    # phrase, never inside a word such as 保険証
    assert lines == ["マイナンバーカードと", "健康保険証の一体化を", "強制せず、従来の",
                     "保険証を存続させる", "こと。"]


def test_no_line_starts_with_closing_punctuation() -> None:
    lines = wrap("取得は任意であり強制しない。」と回答した、とされる。", 8, max_lines=10)
    assert all(line[0] not in "、。」" for line in lines)


def test_mixed_latin_and_japanese_break_at_spaces_and_between_wide_characters() -> None:
    lines = wrap("Stop forcing 自治体職員 to get the マイナンバーカード now", 16, max_lines=10)
    assert all(display_width(line) <= 16 for line in lines)
    assert "forcing" in " ".join(lines) and "forc" not in [w[:4] for w in lines[0].split()[2:]]
    assert " ".join(lines).replace(" ", "") == "Stopforcing自治体職員togettheマイナンバーカードnow"


def test_emoji_sequences_flags_and_combining_marks_are_never_split() -> None:
    family, flag, accented, heart, thumb = "👨‍👩‍👧‍👦", "🇯🇵", "e\u0301", "❤️", "👍🏽"
    text = (family + flag + accented + heart + thumb) * 4
    whole = set(iter_graphemes(text))
    for width in range(2, 9):
        for line in wrap(text, width, max_lines=50):
            assert set(iter_graphemes(line)) <= whole
            assert display_width(line) <= width


def test_truncates_with_an_ellipsis_at_max_lines() -> None:
    lines = wrap("職員の取得状況を調査・公表しないこと" * 5, 12, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith(ELLIPSIS)
    assert display_width(lines[-1]) <= 12
    assert shorten("one two three four", 9) == "one two…"


def test_shorten_cuts_at_a_space_never_inside_a_word_or_an_emoji() -> None:
    # the brief, the maps and the summary all cut text with this one function
    assert shorten("Municipal workers against compulsory cards", 24) == "Municipal workers…"
    assert shorten("and municipalities that do not follow", 26) == "and municipalities that…"
    assert shorten("Sanjo City, Niigata Prefecture", 18) == "Sanjo City…"
    family = "👨\u200d👩\u200d👧"
    assert shorten(f"ab{family}cd efgh", 5) == f"ab{family}…"
    assert shorten(f"ab{family}cd efgh", 4) == "ab…"
    assert display_width("e\u0301") == 1 and display_width(family) == 2


def test_balanced_wrap_leaves_no_lone_last_character() -> None:
    lines = wrap("別人の情報が紐付けられた事案の原因と件数を公表すること", 26, max_lines=4)
    assert len(lines) == 3 and min(display_width(line) for line in lines) >= 12


def test_long_word_is_cut_between_graphemes() -> None:
    assert wrap("Supercalifragilistic", 10, max_lines=5) == ["Supercalif", "ragilistic"]


def test_clean_drops_nul_and_controls_and_keeps_newlines() -> None:
    assert clean("a\x00b\x07c\r\nd\te") == "abc\nd e"
    assert wrap("first\nsecond", 20) == ["first", "second"]


def test_html_escapes_every_markup_character() -> None:
    hostile = '"quoted" \\ \\l <b>bold</b> <script>x</script> {a|b} & &amp;'
    out = html(hostile)
    for raw in ("<", ">", '"', "\\"):
        assert raw not in out
    assert out.count("&amp;") == 2 and "&#92;&#8288;l" in out and "{a|b}" in out


def test_plain_attribute_text_doubles_backslashes() -> None:
    assert plain("a\\lb & c") == "a\\\\\u2060lb &amp; c"


def test_cjk_detection() -> None:
    assert has_cjk("保険証") and has_cjk("カード") and not has_cjk("card ✓")


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=80), st.integers(min_value=2, max_value=30))
def test_wrap_never_exceeds_width_nor_invents_graphemes(text: str, width: int) -> None:
    lines = wrap(text, width, max_lines=100)
    source = set(iter_graphemes(clean(text))) | {" ", ELLIPSIS}
    for line in lines:
        assert display_width(line) <= max(width, 2) or len(list(iter_graphemes(line))) == 1
        assert set(iter_graphemes(line)) <= source  # whole clusters of the text only
        assert "\n" not in line and "\x00" not in line
