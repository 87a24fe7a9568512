"""Multilingual text: a plain string or a language map such as ``{ja: ..., en: ...}``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["DEFAULT_FALLBACK", "languages", "pick", "picked_language"]

#: Order tried when the requested language is missing from a language map.
DEFAULT_FALLBACK: tuple[str, ...] = ("en", "ja")


def pick(text: str | Mapping[str, str] | None, lang: str | None = None,
         fallback: Sequence[str] = DEFAULT_FALLBACK) -> str:
    """Return ``text`` in ``lang``, else in the first fallback language present, else any.

    >>> pick({"ja": "任意", "en": "voluntary"}, "en")
    'voluntary'
    >>> pick({"ja": "任意"}, "en")
    '任意'
    >>> pick("plain", "ja")
    'plain'
    """
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for code in ((lang,) if lang else ()) + tuple(fallback):
        if code in text:
            return text[code]
    for code in sorted(text):
        return text[code]
    return ""


def picked_language(text: str | Mapping[str, str] | None, lang: str | None = None,
                    fallback: Sequence[str] = DEFAULT_FALLBACK) -> str | None:
    """The language :func:`pick` takes ``text`` in; ``None`` for a plain string (its language is
    not said) or no text.

    >>> picked_language({"ja": "任意", "en": "voluntary"}, "en"), picked_language({"ja": "任意"}, "en")
    ('en', 'ja')
    """
    if not isinstance(text, Mapping) or not text:
        return None
    for code in ((lang,) if lang else ()) + tuple(fallback):
        if code in text:
            return code
    return sorted(text)[0]


def languages(text: str | Mapping[str, str] | None) -> tuple[str, ...]:
    """The languages a text is given in (empty for a plain string)."""
    if isinstance(text, Mapping):
        return tuple(sorted(text))
    return ()
