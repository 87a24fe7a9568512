"""Every language a dossier declares, done properly: BCP 47 tags, the outputs made in each
declared language, one warning per cause of a fallback, line breaks by each language's rules,
and numbers and dates as each language writes them. Real sentences from the example case
(Japanese) and from the Hong Kong fixture (Traditional Chinese and English)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from pydantic import ValidationError

from argmap.errors import DossierError
from argmap.io.files import load, loads
from argmap.l10n import format_date, format_figure_value, format_number
from argmap.lang import canonical, is_tag, match, pick, same_language
from argmap.maps import RenderOptions, draw
from argmap.model import Claim, DossierInfo
from argmap.outputs import build
from argmap.text import wrap
from argmap.translations import LanguageWarning, language_warnings, output_languages
from argmap.words import word
from conftest import EXAMPLE, ROOT

HK = ROOT / "tests" / "fixtures" / "lang" / "hk-2019-five-demands.yaml"

# --- tags ------------------------------------------------------------------------------------


def test_bcp47_tags_in_any_case_validate_and_are_kept_as_written() -> None:
    info = DossierInfo(title="t", languages=["zh-Hant", "en", "zh-hant", "pt-BR"])
    assert info.languages == ["zh-Hant", "en", "zh-hant", "pt-BR"]
    assert Claim(id="c", text={"zh-Hant": "撤回", "EN": "withdraw"}).text["zh-Hant"] == "撤回"
    for bad in ("zh_TW", "xx", "english"):
        with pytest.raises(ValidationError, match="BCP 47"):
            DossierInfo(title="t", languages=[bad])


def test_a_misspelt_tag_is_refused_with_its_right_spelling() -> None:
    with pytest.raises(DossierError, match=r"'zh_TW' is not a BCP 47 language tag .*'zh-TW'"):
        loads("claims:\n  - id: c\n    text: {zh_TW: 任意}\n", "yaml", "x.yaml")


def test_the_fixture_declares_zh_hant_and_loads() -> None:
    dossier = load(HK)
    assert dossier.info is not None and dossier.info.languages == ["zh-Hant", "en"]


@pytest.mark.parametrize(("tag", "table"), [
    ("zh-Hant", "zh-Hant"), ("zh-hant", "zh-Hant"), ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"),
    ("zh-Hant-HK", "zh-Hant"), ("zh-MO", "zh-Hant"), ("zh", "zh-Hans"), ("zh-CN", "zh-Hans"),
    ("zh-SG", "zh-Hans"), ("zh-Hans", "zh-Hans"), ("ja-JP", "ja"), ("ko-KR", "ko"),
    ("en-GB", "en"), ("EN", "en"), ("fr", None)])
def test_tags_match_by_language_and_script(tag: str, table: str | None) -> None:
    assert match(tag, ["en", "ja", "ko", "zh-Hans", "zh-Hant"]) == table


def test_texts_are_picked_with_the_same_matching() -> None:
    text = {"zh-hant": "撤回", "en": "withdraw"}
    assert pick(text, "zh-Hant") == pick(text, "zh-TW") == pick(text, "zh-HK") == "撤回"
    # Simplified is not Traditional: never a match, but a better stand-in than another language
    assert match("zh-Hant", {"zh-Hans": "撤回简", "en": "withdraw"}) is None
    assert pick({"zh-Hans": "撤回简", "en": "withdraw"}, "zh-Hant") == "撤回简"
    assert pick({"ja": "撤回", "en": "withdraw"}, "zh-Hant") == "withdraw"
    assert canonical("zh-hant") == "zh-Hant" and is_tag("zh-Hant") and not is_tag("zh_Hant")
    assert same_language("zh-TW", "zh-Hant") and not same_language("zh", "zh-Hant")


# --- the outputs made, and what falls back ---------------------------------------------------


def _build(tmp_path: Path, source: object, **kwargs: object) -> tuple[list[Path], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = build(source, tmp_path, formats=("svg",), **kwargs)  # type: ignore[arg-type]
    return written, [str(w.message) for w in caught if w.category is LanguageWarning]


@pytest.mark.graphviz
def test_build_writes_each_declared_language_and_only_those(tmp_path: Path) -> None:
    written, said = _build(tmp_path, HK, sides=("movement",))
    names = sorted(p.name for p in written)
    langs = {re.sub(r"^hk-2019-five-demands-(?:brief-movement|\w+)-(.+)\.\w+$", r"\1", n)
             for n in names}
    assert langs == {"zh-Hant", "en"}
    assert len(names) == 3 * 2 + 3 * 2 + 2 * 2  # maps, pages, briefs (md, html)
    # the quotes given only in their own language: one warning per language, naming them
    assert len(said) == 2
    assert said[0].startswith("3 of 47 texts have no 'zh-Hant' version")
    assert "r-2019-06-17-riot.cites[0].quote" in said[0]
    page = (tmp_path / "hk-2019-five-demands-demands-zh-Hant.html").read_text(encoding="utf-8")
    assert 'data-lang="zh-Hant"' in page and 'data-lang="en"' in page
    assert 'data-lang="ja"' not in page and "日本語</button>" not in page
    assert "繁體中文</button>" in page and '<html lang="zh-Hant">' in page


@pytest.mark.graphviz
def test_lang_overrides_and_a_language_without_words_warns_once(tmp_path: Path) -> None:
    written, said = _build(tmp_path, HK, langs=("fr",))
    assert {p.name.rsplit("-", 1)[1] for p in written} == {"fr.svg", "fr.html"}
    assert len(said) == 2, said  # no French words; no French texts: two causes, two warnings
    assert said[0].startswith("no interface words in 'fr' (French)")
    assert said[1].startswith("47 of 47 texts have no 'fr' version")
    svg = (tmp_path / "hk-2019-five-demands-demands-fr.svg").read_text(encoding="utf-8")
    assert "Refused" in svg  # English words, as the warning said


def test_text_in_an_undeclared_language_is_named_once() -> None:
    dossier = load(HK).model_copy(deep=True)
    dossier.demands[0].text = {"zh-Hant": "撤回", "en": "Withdraw", "ja": "撤回"}
    dossier.demands[1].text = {"zh-Hant": "收回", "en": "Retract", "ja": "撤回"}
    said = [m for m in language_warnings(dossier, ["zh-Hant", "en"]) if "'ja'" in m]
    assert said == ["2 texts are in 'ja', a language the dossier does not declare (languages: "
                    "zh-Hant, en): d-withdraw.text, d-riot.text"]


def test_output_languages_come_from_the_dossier_in_their_standard_spelling() -> None:
    dossier = load(HK)
    assert output_languages(dossier) == ("zh-Hant", "en")
    assert output_languages(dossier, ("zh-hant", "zh-Hant", "ko")) == ("zh-Hant", "ko")
    assert output_languages(load(EXAMPLE)) == ("ja", "en")


def test_the_example_builds_without_a_language_warning() -> None:
    assert language_warnings(load(EXAMPLE), ["ja", "en"]) == []


# --- interface words -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans", "ko", "ja"])
def test_interface_words_are_the_language_s_own(lang: str) -> None:
    for key in ("said.refused", "legend", "view.timeline", "brief.sec.position",
                "page.search", "summary.said", "site.nav.home"):
        assert word(key, lang) != word(key, "en"), (lang, key)
    assert word("said.no_response", "zh-TW") == "未回應"
    assert word("said.deflected", "zh-CN") == "回避回应"
    assert word("said.refused", "ko") == "거부"


@pytest.mark.graphviz
def test_the_chinese_maps_and_brief_have_no_english_interface_words() -> None:
    from argmap.brief import brief

    dossier = load(HK)
    source = draw(dossier, "demands", RenderOptions(lang="zh-Hant")).source
    for english in ("Refused", "Legend", "Accepted", "Demand"):
        assert english not in source
    assert "圖例" in source and "拒絕" in source and "訴求" in source
    text = brief(dossier, "movement", lang="zh-Hant")
    assert text.startswith("# 辯論簡報：") and "## 一、我方立場" in text
    assert "Debate brief" not in text and "Our position" not in text


# --- line breaking ---------------------------------------------------------------------------

_OPENING = "「『（《〈【〔“‘([{"
_CLOSING = "」』）》〉】〕、。，．！？：；”’)]}ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ー%％"
# a number and what follows it: its digits, separators, myriads, counter or unit
_NUMBER_PAIR = re.compile(r"[0-9０-９][0-9,.%％万萬億亿年月日人枚件歳時分円項名張票]")


def _sentences(path: Path, lang: str) -> list[str]:
    from argmap.translations import language_maps

    return sorted({text[lang] for _, text in language_maps(load(path)) if lang in text})


@pytest.mark.parametrize(("path", "lang"), [(EXAMPLE, "ja"), (HK, "zh-Hant"), (HK, "en")])
def test_line_breaks_follow_the_language_s_rules(path: Path, lang: str) -> None:
    sentences = _sentences(path, lang)
    assert len(sentences) > 30
    for text in sentences:
        for width in (12, 18, 26, 40):
            lines = wrap(text, width, max_lines=100, lang=lang)
            assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
            for before, after in zip(lines, lines[1:]):
                assert not before or before[-1] not in _OPENING, (text, lines)
                assert not after or after[0] not in _CLOSING, (text, lines)
                joint = before[-1:] + after[:1]
                if width >= 18:  # (narrower, a number with its counter may not fit a line)
                    assert not _NUMBER_PAIR.fullmatch(joint), (text, lines)


def test_named_sentences_break_where_a_reader_expects() -> None:
    # the issue's own examples: never after 《, never inside 6月12日
    lines = wrap("向立法會提交《逃犯條例》修訂草案", 12, lang="zh-Hant")
    assert not any(line.endswith("《") for line in lines)
    lines = wrap("警務處處長盧偉聰於6月12日將衝突定性為暴動", 18, lang="zh-Hant")
    assert "6月12日" in "".join(lines) and not any(line.endswith(("6", "6月", "6月1"))
                                                   for line in lines)
    # the example case: a count with its myriads and counter stays whole, phrases stay whole
    text = "2019年11月1日現在の交付枚数は1823万3942枚。"
    assert wrap(text, 26, lang="ja") == ["2019年11月1日現在の", "交付枚数は1823万3942枚。"]
    # Korean breaks between words, never inside one
    korean = "마이넘버 카드 발급률은 2019년 11월 기준 14.3%였다."
    for width in (10, 16, 20):
        assert " ".join(wrap(korean, width, max_lines=10, lang="ko")) == korean


# --- numbers and dates -----------------------------------------------------------------------


def test_numbers_money_and_percentages_are_written_for_the_language() -> None:
    assert format_figure_value(18233942, "cards", "en") == "18,233,942 cards"
    assert format_figure_value(18233942, "cards", "ja") == "1823万3942枚"
    assert format_figure_value(18233942, "cards", "zh-Hant") == "1,823萬3,942張"
    assert format_figure_value(26000000, "JPY", "ja") == "2600万円"
    assert format_figure_value(26000000, "JPY", "zh-Hant") == "2,600萬日圓"
    assert format_figure_value(26000000, "JPY", "en") == "¥26,000,000"
    assert format_figure_value(2000001, "people", "zh-Hant") == "200萬零1人"
    assert format_figure_value(14.3, "%", "ko") == "14.3%"
    assert format_number(1.82339e7, "en") == "18,233,900"
    for value in (1e-7, 1e21, 18233942.0, 2.6e7):
        assert "e" not in format_number(value, "en").lower()


def test_dates_show_only_the_precision_known() -> None:
    import datetime as dt

    day = dt.date(2019, 11, 1)
    assert format_date(day, "ja", "month") == "2019年11月"
    assert format_date(day, "en", "month") == "November 2019"
    assert format_date(day, "zh-Hant") == "2019年11月1日"
    assert format_date(day, "ko", "year") == "2019년"
    assert format_date(None, "zh-Hant") == "日期不詳"


@pytest.mark.graphviz
def test_maps_and_pages_of_the_example_carry_no_scientific_notation() -> None:
    from argmap.page import PageBuilder

    dossier = load(EXAMPLE)
    ja = "".join(draw(dossier, view, RenderOptions(lang="ja")).source
                 for view in ("timeline", "arguments"))
    en = "".join(draw(dossier, view, RenderOptions(lang="en")).source
                 for view in ("timeline", "arguments"))
    assert "1823万3942枚" in ja and ">18,233,942 cards<" in en
    page = PageBuilder(dossier).html("timeline", "ja")
    assert "2600万円" in page and "¥26,000,000" in page and "26000000 JPY" not in page
    assert not re.search(r"\d\.\d+e\+\d", ja + en + page)


@pytest.mark.graphviz
def test_a_month_known_date_is_a_month_in_every_output() -> None:
    from argmap.page import PageBuilder

    dossier = load(HK)
    zh = draw(dossier, "demands", RenderOptions(lang="zh-Hant")).source
    assert "2019年6月</FONT>" in zh or ">2019年6月<" in zh
    assert "2019年6月1日" not in zh
    page = PageBuilder(dossier).html("demands", "en")
    assert '"d-withdraw":"June 2019"' in page and '"d-withdraw":"2019年6月"' in page
