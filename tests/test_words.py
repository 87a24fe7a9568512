"""The one table of words per language: complete in English, consistent in every language, and
looked up with a fallback a new language can rely on."""

from __future__ import annotations

import re
import string

import pytest

from argmap.words import TABLES, word


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


@pytest.mark.parametrize("lang", sorted(TABLES))
def test_every_language_uses_the_english_keys_and_fields(lang: str) -> None:
    english, table = TABLES["en"], TABLES[lang]
    assert set(table) <= set(english), sorted(set(table) - set(english))
    for key, text in table.items():
        assert _fields(text) == _fields(english[key]), key


#: Keys a table may lack, with the reason (English stands in, and the build says so). New keys
#: (brief.*, site.*) land in en.py first; list them here until they are translated.
UNTRANSLATED: dict[str, dict[str, str]] = {lang: {} for lang in TABLES if lang != "en"}


@pytest.mark.parametrize("lang", sorted(set(TABLES) - {"en"}))
def test_every_language_has_every_english_key(lang: str) -> None:
    missing = set(TABLES["en"]) - set(TABLES[lang])
    assert missing == set(UNTRANSLATED[lang]), sorted(missing ^ set(UNTRANSLATED[lang]))


#: Words the same in every language: the page's language buttons name each language in its own
#: words, and an acronym readers know as it is.
_SAME_EVERYWHERE = {"page.lang.en", "page.panel.url"}


@pytest.mark.parametrize("lang", sorted(set(TABLES) - {"en"}))
def test_no_word_is_left_in_english(lang: str) -> None:
    """A translated table never copies an English phrase: a key whose text is the English text
    and holds Latin words (outside its {fields}) is a translation not done."""
    english, table = TABLES["en"], TABLES[lang]
    copied = sorted(key for key, text in table.items()
                    if key not in _SAME_EVERYWHERE and text == english[key]
                    and re.search(r"[A-Za-z]{2,}", re.sub(r"\{[^}]*\}", "", text)))
    assert not copied, copied


def test_a_missing_language_or_word_falls_back_to_english() -> None:
    assert word("said.deflected", "fr") == "Deflected"
    assert word("said.deflected", "ja-JP") == "はぐらかし"  # a region: its language's table
    assert word("said.deflected", "fr", fallback=("ja",)) == "はぐらかし"
    with pytest.raises(KeyError):
        word("no.such.word", "en")


def test_shared_terms_are_the_same_in_maps_page_and_brief() -> None:
    from argmap.brief.words import term
    from argmap.page.words import page_words

    words = page_words()
    for lang in TABLES:
        assert words["said.deflected"][lang] == term("said.deflected", lang)
        assert words["kind.response"][lang] == term("kind.response", lang)
        assert words["on_paper"][lang] == term("on_paper", lang)
