"""Numbers, money, percentages and dates as a reader of each language writes them.

The one home of these formats, used by the maps, the interactive page, the brief and the site.
The patterns come from CLDR through ``babel``; machine outputs (CSV, JSON, DOT ids) keep ISO dates
and plain numbers (:func:`argmap.dates.date_text`).

- Dates show only what is known: a date known to the month is ``November 2019`` /
  ``2019年11月`` / ``2019년 11월``, never a made-up first of the month.
- Numbers are never in scientific notation: ``18,233,942`` in English.
- Japanese and Chinese count large numbers in myriads, as their newspapers print them:
  ``1823万3942枚``, ``2600万円`` (Japanese and Simplified Chinese papers write the groups without
  commas, as the example case's own article does), ``1,823萬3,942張`` in Traditional Chinese
  (the style of Taiwan's and Hong Kong's press, with commas inside each group), and Korean
  ``1,823만 3,942장``, spaced by myriads as the Korean spelling rules ask (한글 맞춤법 제44항).
- Money in a currency code (``JPY``, ``HKD``) is written with the currency's CLDR symbol in a
  Latin-script language (``¥26,000,000``, ``HK$2,600``) and with its name after the number in
  a CJK one (``2600万円``, ``2,600萬港元``).
- Counting units the word tables know (``unit.cards``: ``{n}枚``, ``{n} cards``) are written with
  their language's counter; any other unit is written as the dossier gives it.

Language tags are matched as everywhere (:func:`argmap.lang.match`): ``zh-TW`` formats as
``zh-Hant``; a bare ``en`` takes world English (``en-001``: ``1 November 2019``, day first, as
the briefs have always written dates); ``en-US`` gives ``November 1, 2019``.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Context, Decimal, localcontext
from functools import lru_cache
from typing import TYPE_CHECKING

from .lang import canonical, is_tag, script_of

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["format_date", "format_figure_value", "format_number", "format_percent"]

#: CLDR date skeletons for each precision, long (brief, page, site) and short (map labels).
_SKELETONS = {("day", False): "yMMMMd", ("day", True): "yMMMd", ("month", False): "yMMMM",
              ("month", True): "yMMM", ("year", False): "y", ("year", True): "y"}

#: How each CJK script writes large numbers: (myriad characters 10^4, 10^8, 10^12; commas inside
#: a four-digit group; what goes between groups; whether a unit is spaced from the number; the
#: word for zeros between two groups, as Chinese says them: 200萬零1).
_MYRIADS = {
    "Jpan": (("万", "億", "兆"), False, "", False, ""),
    "Hans": (("万", "亿", "万亿"), False, "", False, "零"),
    "Hant": (("萬", "億", "兆"), True, "", False, "零"),
    "Kore": (("만", "억", "조"), True, " ", True, ""),
}
_Style = tuple[tuple[str, ...], bool, str, bool, str]

#: Korean news writes these short names, where CLDR has the long ones (``일본 엔화``).
_KOREAN_CURRENCY = {"KRW": "원", "JPY": "엔", "USD": "달러", "HKD": "홍콩달러", "CNY": "위안",
                    "EUR": "유로", "GBP": "파운드", "TWD": "대만달러"}


@lru_cache(maxsize=64)
def _locale(lang: str | None) -> Locale:
    """The babel locale of a tag (English for a tag babel does not know)."""
    from babel import Locale, UnknownLocaleError

    tag = canonical(lang or "en")
    if tag == "en" or not is_tag(tag):
        tag = "en-001"
    try:
        return Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        try:
            return Locale.parse(tag.split("-")[0])
        except (ValueError, UnknownLocaleError):
            return Locale.parse("en_001")


def _myriad_style(lang: str | None) -> _Style | None:
    return _MYRIADS.get(script_of(lang or "en"))


def _decimal(number: int | float | Decimal) -> Decimal:
    """``number`` as a Decimal with the digits it was written with (``14.3``, not
    ``14.300000000000000710…``)."""
    if isinstance(number, Decimal):
        return number
    if isinstance(number, float):
        return Decimal(repr(number))
    return Decimal(number)


def _exact(number: Decimal) -> Context:
    """A decimal context with digits enough to round ``number`` to a whole number exactly (the
    default 28 digits fail on a figure of 10^28 or more)."""
    return Context(prec=max(28, number.adjusted() + 30))


def _plain(number: Decimal, commas: bool) -> str:
    """Digits of a non-negative number, with or without thousands commas, never an exponent."""
    text = format(number, "f")
    whole, _, fraction = text.partition(".")
    if commas:
        whole = f"{int(whole):,}"
    return whole + ("." + fraction if fraction else "")


def _myriads(number: Decimal, style: _Style) -> str:
    """A number in myriad groups: ``18233942`` -> ``1823万3942``; zero groups are left out
    (``26000000`` -> ``2600万``)."""
    chars, commas, between, _, zero = style
    sign = "-" if number < 0 else ""
    number = abs(number)
    whole = int(number)
    fraction = number - whole
    groups: list[str] = []
    gap = False
    for i in range(len(chars), -1, -1):
        size = 10 ** (4 * i)
        part, whole = divmod(whole, size) if i else (whole, 0)
        if not part and not (i == 0 and (fraction or not groups)):
            gap = gap or bool(groups)
            continue
        lead = zero if groups and (gap or part < 1000) else ""
        text = _plain(Decimal(part) + (fraction if i == 0 else 0), commas)
        groups.append(lead + text + (chars[i - 1] if i else ""))
        gap = False
    return sign + between.join(groups)


def format_number(number: int | float | Decimal, lang: str | None) -> str:
    """A number as the language writes it, never in scientific notation.

    >>> format_number(18233942, "en"), format_number(18233942, "ja"), format_number(14.3, "ja")
    ('18,233,942', '1823万3942', '14.3')
    >>> format_number(18233942, "zh-Hant"), format_number(18233942, "ko"), format_number(1.8e7, "zh")
    ('1,823萬3,942', '1,823만 3,942', '1800万')
    >>> format_number(2000001, "zh-Hant"), format_number(2000001, "ja"), format_number(105000000, "zh")
    ('200萬零1', '200万1', '1亿零500万')
    >>> format_number(1e20, "en"), format_number(26000000.0, "fr")
    ('100,000,000,000,000,000,000', '26\\u202f000\\u202f000')
    >>> len(format_number(1e28, "en")), format_number(1e28, "ja")
    (38, '10000000000000000兆')
    """
    value = _decimal(number)
    with localcontext(_exact(value)):
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))
        style = _myriad_style(lang)
        if style is not None and abs(value) >= 10_000:
            return _myriads(value, style)
        if style is not None:
            return ("-" if value < 0 else "") + _plain(abs(value), style[1])
        from babel.numbers import format_decimal

        return str(format_decimal(value, locale=_locale(lang), decimal_quantization=False))


def format_percent(number: int | float | Decimal, lang: str | None) -> str:
    """A percentage (``number`` is in per cent: ``14.3`` is 14.3 %) with the language's sign and
    spacing.

    >>> format_percent(14.3, "en"), format_percent(14.3, "ja"), format_percent(14.3, "fr")[:4]
    ('14.3%', '14.3%', '14,3')
    """
    from babel.numbers import format_percent as percent

    with localcontext(_exact(_decimal(number))):
        value = _decimal(number) / 100
        return str(percent(value, locale=_locale(lang), decimal_quantization=False))


def _currency(code: str) -> bool:
    from babel.numbers import list_currencies

    return len(code) == 3 and code.isupper() and code in list_currencies()


def _money(number: Decimal, code: str, lang: str | None) -> str:
    style = _myriad_style(lang)
    if style is None:
        from babel.numbers import format_currency

        # the symbols of US English for a bare ``en`` (¥, not world English's JP¥)
        locale = _locale("en-US") if canonical(lang or "en") == "en" else _locale(lang)
        pattern = locale.currency_formats["standard"].pattern
        if number == number.to_integral_value():  # HK$2,600, not HK$2,600.00
            pattern = pattern.replace(".00", "")
        with localcontext(_exact(number)):
            return str(format_currency(number, code, pattern, locale=locale,
                                       currency_digits=False, decimal_quantization=False))
    from babel.numbers import get_currency_name

    if script_of(lang or "") == "Kore":
        name = _KOREAN_CURRENCY.get(code) or get_currency_name(code, count=2, locale=_locale(lang))
    else:
        name = get_currency_name(code, count=2, locale=_locale(lang))
    return format_number(number, lang) + (" " if style[3] else "") + name


def format_figure_value(number: int | float | Decimal, unit: str, lang: str | None) -> str:
    """A figure's value with its unit, as the language writes it.

    >>> format_figure_value(18233942, "cards", "en"), format_figure_value(18233942, "cards", "ja")
    ('18,233,942 cards', '1823万3942枚')
    >>> format_figure_value(26000000, "JPY", "ja"), format_figure_value(26000000, "JPY", "en")
    ('2600万円', '¥26,000,000')
    >>> format_figure_value(14.3, "%", "en"), format_figure_value(2600, "HKD", "zh-HK")
    ('14.3%', '2,600港元')
    >>> format_figure_value(3, "試行", "ja"), format_figure_value(1823, "cards", "ko")
    ('3試行', '1,823장')
    """
    from .words import word, words_for

    value = _decimal(number)
    if unit == "%":
        return format_percent(value, lang)
    if _currency(unit):
        return _money(value, unit, lang)
    text = format_number(value, lang)
    if any(f"unit.{unit}" in table for table in words_for(lang)):
        return word(f"unit.{unit}", lang, n=text)
    from .text import has_cjk

    style = _myriad_style(lang)
    if not unit:
        return text
    if unit == "‰" or (style is not None and has_cjk(unit) and not style[3]):
        return text + unit
    return f"{text} {unit}"


def format_date(date: _dt.date | None, lang: str | None, precision: object = "day",
                short: bool = False, undated: str | None = None) -> str:
    """A date as the language writes it, cut to its precision (``day``, ``month``, ``year``);
    ``short`` abbreviates the month where the language has an abbreviation (the maps' labels).
    No date is ``undated`` (by default the word ``undated`` in the language).

    >>> d = _dt.date(2019, 11, 1)
    >>> format_date(d, "en"), format_date(d, "ja"), format_date(d, "en", "month")
    ('1 November 2019', '2019年11月1日', 'November 2019')
    >>> format_date(d, "zh-Hant", "month"), format_date(d, "ko"), format_date(d, "en", short=True)
    ('2019年11月', '2019년 11월 1일', '1 Nov 2019')
    >>> format_date(d, "en-US"), format_date(d, "ja", "year")
    ('November 1, 2019', '2019年')
    """
    if date is None:
        if undated is None:
            from .words import word

            return word("undated", lang)
        return undated
    from babel.dates import format_skeleton

    value = getattr(precision, "value", precision) or "day"
    skeleton = _SKELETONS.get((str(value), short), "yMMMMd")
    return str(format_skeleton(skeleton, date, locale=_locale(lang)))
