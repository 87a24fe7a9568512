"""Languages: BCP 47 tags, how they match, and multilingual text.

A dossier's text is a plain string or a language map such as ``{ja: ..., en: ...}`` or
``{zh-Hant: ..., en: ...}``. Tags are BCP 47, parsed by ``langcodes``: case does not matter
(``zh-hant`` is ``zh-Hant``), and a tag matches another of the same language and script once
both are filled out with their likely subtags (CLDR), so ``zh-TW`` and ``zh-HK`` find a
``zh-Hant`` text or word table, and ``zh``, ``zh-CN`` and ``zh-SG`` a ``zh-Hans`` one. A region
only decides between two candidates of the same script (``zh-HK`` prefers a ``zh-HK`` font to a
``zh-Hant`` one). Texts in another script of the same language never match silently: ``zh-Hant``
does not take a ``zh-Hans`` text.

:func:`match` is the one rule: the word tables (:mod:`argmap.words`), the fonts
(:mod:`argmap.maps.fonts`), the number and date formats (:mod:`argmap.l10n`) and :func:`pick`
all use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

__all__ = ["DEFAULT_FALLBACK", "canonical", "is_cjk", "is_tag", "language_name", "languages",
           "match", "pick", "picked", "picked_language", "preference", "same_language",
           "script_of"]

#: Order tried when the requested language is missing from a language map.
DEFAULT_FALLBACK: tuple[str, ...] = ("en", "ja")

# The shape of a BCP 47 tag as dossiers write it (hyphens only: ``zh_TW`` is a POSIX locale,
# not a language tag); langcodes then checks that every subtag is registered.
_SHAPE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


@lru_cache(maxsize=4096)
def is_tag(tag: str) -> bool:
    """Whether ``tag`` is a valid BCP 47 language tag (registered subtags, any case).

    >>> is_tag("zh-Hant"), is_tag("zh-hant"), is_tag("pt-br"), is_tag("zh_TW"), is_tag("xx")
    (True, True, True, False, False)
    """
    if not isinstance(tag, str) or not _SHAPE.match(tag):
        return False
    import langcodes

    try:
        return bool(langcodes.tag_is_valid(tag))
    except (ValueError, LookupError):
        return False


@lru_cache(maxsize=4096)
def canonical(tag: str) -> str:
    """The standard spelling of a tag (``zh-hant`` -> ``zh-Hant``, ``EN-gb`` -> ``en-GB``);
    a string that is not a tag comes back as it is.

    >>> canonical("zh-hant"), canonical("ZH-tw"), canonical("ja")
    ('zh-Hant', 'zh-TW', 'ja')
    """
    if not is_tag(tag):
        return tag
    import langcodes

    return str(langcodes.standardize_tag(tag))


@lru_cache(maxsize=4096)
def _full(tag: str) -> tuple[str, str, str]:
    """``(language, script, region)`` of a tag with its likely subtags filled in (CLDR):
    ``zh-TW`` -> ``('zh', 'Hant', 'TW')``, ``zh`` -> ``('zh', 'Hans', 'CN')``."""
    if not is_tag(tag):
        parts = tag.replace("_", "-").lower().split("-")
        return parts[0], "", ""
    import langcodes

    full = langcodes.Language.get(tag).maximize()
    return full.language or "", full.script or "", full.territory or ""


def script_of(tag: str) -> str:
    """The script a tag is written in, filled in where it goes without saying.

    >>> script_of("zh-HK"), script_of("zh"), script_of("ja"), script_of("ko")
    ('Hant', 'Hans', 'Jpan', 'Kore')
    """
    return _full(tag)[1]


def is_cjk(tag: str | None) -> bool:
    """Whether a language is written in Chinese characters, kana or hangul (set without spaces
    between words, or in Korean between them, in a CJK font).

    >>> is_cjk("ja"), is_cjk("zh-HK"), is_cjk("ko"), is_cjk("en"), is_cjk("yue")
    (True, True, True, False, True)
    """
    return bool(tag) and _full(tag or "")[1] in ("Jpan", "Hans", "Hant", "Kore", "Hani", "Hira",
                                                 "Kana", "Hang")


def same_language(a: str, b: str) -> bool:
    """Whether two tags name the same language in the same script (``zh-TW`` and ``zh-Hant``).

    >>> same_language("zh-TW", "zh-hant"), same_language("zh", "zh-Hant"), same_language("en", "en-GB")
    (True, False, True)
    """
    return _full(a)[:2] == _full(b)[:2]


def match(wanted: str | None, available: Iterable[str]) -> str | None:
    """The tag of ``available`` that serves ``wanted`` best, or ``None`` when none is of its
    language and script: the same tag (any case), else the same language, script and region,
    else the same language and script (the shortest tag, then the first given).

    >>> match("zh-TW", ["en", "zh-Hans", "zh-Hant"]), match("zh", ["zh-Hant", "zh-Hans"])
    ('zh-Hant', 'zh-Hans')
    >>> match("zh-HK", ["zh-Hant", "zh-HK"]), match("fr", ["en", "ja"]), match("EN", ["en"])
    ('zh-HK', None, 'en')
    """
    if not wanted:
        return None
    options = list(available)
    if wanted in options:
        return wanted
    want = canonical(wanted)
    folded = want.casefold()
    for tag in options:
        if tag.casefold() == folded:
            return tag
    language, script, region = _full(want)
    best: tuple[int, int, int] | None = None
    found = None
    for i, tag in enumerate(options):
        lang2, script2, region2 = _full(tag)
        if (lang2, script2) != (language, script):
            continue
        rank = (0 if region2 == region else 1, tag.count("-"), i)
        if best is None or rank < best:
            best, found = rank, tag
    return found


def pick(text: str | Mapping[str, str] | None, lang: str | None = None,
         fallback: Sequence[str] = DEFAULT_FALLBACK) -> str:
    """Return ``text`` in ``lang``, else in the first fallback language present, else any.

    >>> pick({"ja": "任意", "en": "voluntary"}, "en")
    'voluntary'
    >>> pick({"ja": "任意"}, "en")
    '任意'
    >>> pick({"zh-Hant": "撤回", "en": "withdraw"}, "zh-TW"), pick({"zh-hant": "撤回"}, "zh-Hant")
    ('撤回', '撤回')
    >>> pick("plain", "ja")
    'plain'
    """
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    tag = picked(text, lang, fallback)
    return "" if tag is None else text[tag]


def picked(text: Mapping[str, str], lang: str | None = None,
           fallback: Sequence[str] = DEFAULT_FALLBACK) -> str | None:
    """The key of a language map that :func:`pick` takes for ``lang`` (``None`` when empty):
    ``lang``'s own, else the same language in another script (a Simplified Chinese reader reads
    Traditional better than English), else the first of ``fallback`` given, else any.

    >>> picked({"zh-Hant": "撤回", "en": "withdraw"}, "zh-Hans")
    'zh-Hant'
    """
    if not text:
        return None
    for found in preference(lang, text, fallback):
        return found
    return min(text)


def preference(lang: str | None, available: Iterable[str],
               fallback: Sequence[str] = DEFAULT_FALLBACK) -> list[str]:
    """The tags of ``available`` a text in ``lang`` is taken from, best first (see
    :func:`picked`); the interactive page's script follows this list, matching nothing itself.

    >>> preference("zh-Hans", ["en", "ja", "zh-Hant"], ("en", "ja"))
    ['zh-Hant', 'en', 'ja']
    """
    options = list(available)
    found: list[str | None] = []
    if lang:
        found.append(match(lang, options))
        language = _full(lang)[0]
        found += sorted(tag for tag in options if _full(tag)[0] == language)
    found += [match(code, options) for code in fallback]
    return list(dict.fromkeys(tag for tag in found if tag is not None))


def picked_language(text: str | Mapping[str, str] | None, lang: str | None = None,
                    fallback: Sequence[str] = DEFAULT_FALLBACK) -> str | None:
    """The language :func:`pick` takes ``text`` in; ``None`` for a plain string (its language is
    not said) or no text.

    >>> picked_language({"ja": "任意", "en": "voluntary"}, "en"), picked_language({"ja": "任意"}, "en")
    ('en', 'ja')
    """
    if not isinstance(text, Mapping) or not text:
        return None
    return picked(text, lang, fallback)


def languages(text: str | Mapping[str, str] | None) -> tuple[str, ...]:
    """The languages a text is given in (empty for a plain string)."""
    if isinstance(text, Mapping):
        return tuple(sorted(text))
    return ()


@lru_cache(maxsize=256)
def language_name(tag: str, in_lang: str | None = None) -> str:
    """A language's name, in its own language by default (for the page's language buttons),
    from CLDR: ``日本語``, ``English``, ``中文（繁體）``.

    >>> language_name("ja"), language_name("en"), language_name("zh-Hant"), language_name("ko")
    ('日本語', 'English', '中文 (繁體)', '한국어')
    """
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(canonical(in_lang or tag), sep="-")
        name = locale.languages.get(_full(tag)[0])
        full = Locale.parse(canonical(tag), sep="-").get_display_name(locale)
    except (ValueError, UnknownLocaleError):
        return tag
    return full or name or tag
