"""The fonts of the maps: which families set which language, where their files are, and the
subsets of them that travel inside an SVG or a page.

Graphviz sizes every box from the width of its label in the font it is given, so a map is the
same on two machines only when the font is the same file on both, and a browser keeps the text
inside its boxes only when it draws with that same font. Hence:

- every family is named here, Latin included (never a generic ``sans-serif`` left to
  fontconfig's choice), with the Debian package that installs it (``scripts/setup.sh`` installs
  every package named here: :func:`missing_packages`);
- an SVG carries, in its own ``<style>``, a subset of each font it uses (only the characters it
  shows, cut by HarfBuzz and packed as WOFF2 by fontTools), so that any browser draws it with
  the font Graphviz measured (:func:`font_faces`, :func:`embed`).

A map's labels name a list of families: each character is set in the first family that has it,
as Pango and browsers both do, so symbols that Noto Sans lacks (✓, ⚠, ◐) come from the CJK font.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import re
import shutil
import subprocess
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from ..lang import match

__all__ = ["CSS_TAGS", "DEFAULT", "FONTS", "PRIVATE", "Font", "FontFile", "FontWarning", "embed",
           "faces_for", "families", "font_faces", "fontname", "font_file", "lang_css",
           "missing_packages", "named_fonts", "private", "texts", "use_embedded"]


class Font(NamedTuple):
    """A font family and the Debian package that installs it."""

    family: str
    package: str


NOTO_SANS = Font("Noto Sans", "fonts-noto-core")
NOTO_SANS_CJK_JP = Font("Noto Sans CJK JP", "fonts-noto-cjk")

#: The fonts of a map's labels, by language (a BCP 47 tag, found by :func:`argmap.lang.match`:
#: ``zh-TW`` takes the ``zh-Hant`` line, ``zh`` the ``zh-Hans`` one, ``zh-Hant-HK`` the
#: ``zh-HK`` one): the first family sets the text, each character it lacks comes from the next
#: family that has it. One line per language. The CJK faces differ where the languages write
#: the same character differently (骨, 直, 說) and in where their punctuation sits (，。 in the
#: corner in Japanese and Simplified Chinese, centred in Traditional Chinese); each also has the
#: kana, hangul and Latin letters of the others, so a label mixing scripts misses no glyph.
FONTS: dict[str, tuple[Font, ...]] = {
    "ja": (NOTO_SANS_CJK_JP,),
    "ko": (Font("Noto Sans CJK KR", "fonts-noto-cjk"),),
    "zh-Hans": (Font("Noto Sans CJK SC", "fonts-noto-cjk"),),
    "zh-Hant": (Font("Noto Sans CJK TC", "fonts-noto-cjk"),),
    "zh-HK": (Font("Noto Sans CJK HK", "fonts-noto-cjk"),),
}

#: Any language not in :data:`FONTS`: Noto Sans, with the symbols and any CJK text it lacks set
#: in Noto Sans CJK JP (or in the face of the dossier's CJK language: :func:`families`).
DEFAULT: tuple[Font, ...] = (NOTO_SANS, NOTO_SANS_CJK_JP)

#: Tags a page or brief may carry in ``lang`` attributes, general before particular: CSS
#: ``:lang()`` matches by prefix only (``:lang(zh-Hant)`` misses ``zh-TW``), so each gets its
#: rule (:func:`lang_css`).
CSS_TAGS: tuple[str, ...] = ("ja", "ko", "zh", "zh-Hans", "zh-CN", "zh-SG", "zh-Hant", "zh-TW",
                             "zh-HK", "zh-MO", "zh-Hant-HK")

#: The weights a label uses (Graphviz writes ``font-weight="bold"`` for ``<B>``).
WEIGHTS = {"normal": 400, "bold": 700}

#: What an SVG text may name as a family for its font to be embedded (anything else, from a
#: user's ``--font``, is left to the viewer rather than written into CSS).
_SAFE_FAMILY = re.compile(r"^[\w][\w .+-]*$")
SVG_NS = "http://www.w3.org/2000/svg"


class FontWarning(UserWarning):
    """A font a map names is not installed, so the map is drawn with a stand-in."""


def families(lang: str | None, also: Sequence[str] = ()) -> tuple[Font, ...]:
    """The fonts of a map in ``lang`` (its line in :data:`FONTS`), else Noto Sans with the CJK
    face of the first CJK language of ``also`` (the dossier's languages), else DEFAULT.

    >>> [f.family for f in families("ja-JP")], [f.family for f in families("zh-TW")]
    (['Noto Sans CJK JP'], ['Noto Sans CJK TC'])
    >>> [f.family for f in families("en")], [f.family for f in families("en", ["zh-Hant", "en"])]
    (['Noto Sans', 'Noto Sans CJK JP'], ['Noto Sans', 'Noto Sans CJK TC'])
    """
    tag = match(lang, FONTS)
    if tag is not None:
        return FONTS[tag]
    for other in also:
        found = match(other, FONTS)
        if found is not None:
            return (NOTO_SANS, *FONTS[found])
    return DEFAULT


def fontname(lang: str | None, also: Sequence[str] = ()) -> str:
    """The ``fontname`` Graphviz gets for a map in ``lang`` (families, comma-separated).

    >>> fontname("en"), fontname("zh-Hant")
    ('Noto Sans,Noto Sans CJK JP', 'Noto Sans CJK TC')
    """
    return ",".join(f.family for f in families(lang, also))


def lang_css() -> str:
    """CSS that sets each CJK language in its own face wherever an element's ``lang`` says it
    (``<p lang="zh-Hant">``), for the page's and the brief's own text (the maps name theirs),
    and breaks its lines as its readers expect: strict kinsoku in Chinese and Japanese (no line
    starts with small kana or closing marks), Japanese headings, table cells and labels between
    phrases where the browser can (``word-break: auto-phrase``: short lines read better whole,
    while running text fills its lines to the margin as Japanese body text does), Korean
    between words (``keep-all``).

    >>> lang_css().splitlines()[0]
    ':root:lang(ja),body:lang(ja),[lang]:lang(ja){font-family:"Noto Sans CJK JP",system-ui,sans-serif}'
    """
    rules = []
    for tag in CSS_TAGS:
        names = ",".join(f'"{f.family}"' for f in families(tag))
        rules.append(f":root:lang({tag}),body:lang({tag}),[lang]:lang({tag})"
                     f"{{font-family:{names},system-ui,sans-serif}}")
    rules.append(":lang(ja),:lang(zh),:lang(yue){line-break:strict}")
    rules.append(":is(h1,h2,h3,h4,th,td,figcaption,summary,label,button):lang(ja)"
                 "{word-break:auto-phrase}")
    rules.append(":lang(ko){word-break:keep-all}")
    return "\n".join(rules)


def named_fonts() -> tuple[Font, ...]:
    """Every font any map may name, once each, in table order."""
    every = [f for fonts in FONTS.values() for f in fonts] + list(DEFAULT)
    return tuple(dict.fromkeys(every))


# --- the files ---------------------------------------------------------------------------------

class FontFile(NamedTuple):
    """One face of a family on this machine: its file and its index in a collection (.ttc)."""

    path: Path
    face: int


def _fc_escape(family: str) -> str:
    return re.sub(r"([\\\-:,])", r"\\\1", family)


@functools.lru_cache(maxsize=64)
def font_file(family: str, weight: str = "normal") -> FontFile | None:
    """The file fontconfig gives ``family`` in ``weight`` (as Graphviz's Pango asks it), or
    ``None`` when the family is not installed (fontconfig would substitute another) or fontconfig's
    ``fc-match`` is missing."""
    binary = shutil.which("fc-match")
    if binary is None:
        return None
    pattern = f"{_fc_escape(family)}:weight={'bold' if weight == 'bold' else 'regular'}"
    try:
        done = subprocess.run([binary, "--format=%{family}\t%{file}\t%{index}", pattern],
                              capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    parts = done.stdout.split("\t")
    if done.returncode != 0 or len(parts) != 3:
        return None
    found, path, index = parts
    if family.casefold() not in {name.strip().casefold() for name in found.split(",")}:
        return None
    return FontFile(Path(path), int(index or 0))


def missing_packages() -> list[str]:
    """The Debian packages of the named fonts that are not installed (all of them when
    fontconfig cannot be asked), for ``scripts/setup.sh``."""
    missing = [f.package for f in named_fonts()
               if any(font_file(f.family, w) is None for w in WEIGHTS)]
    return list(dict.fromkeys(missing))


@functools.lru_cache(maxsize=16)
def _face(file: FontFile):  # -> uharfbuzz.Face (imported on first use: import argmap stays light)
    import uharfbuzz as hb

    return hb.Face(hb.Blob.from_file_path(str(file.path)), file.face)


@functools.lru_cache(maxsize=64)
def _cmap(file: FontFile) -> frozenset[int]:
    """The characters ``file`` has a glyph for."""
    return frozenset(_face(file).unicodes)


@functools.lru_cache(maxsize=16)
def file_digest(path: Path) -> str:
    """The SHA-256 of a font file (for the record of what renders/ were drawn with)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- subsets ----------------------------------------------------------------------------------

#: OpenType features a subset leaves out: the maps are set horizontally, and in the default
#: language (Graphviz runs in the C locale), so vertical forms and the glyphs ``locl`` gives
#: other languages are never shown; they would double the size of a CJK subset.
_UNUSED_FEATURES = frozenset({"locl", "vert", "vrt2", "vkrn", "vpal", "vhal", "vchw", "valt"})


@functools.lru_cache(maxsize=256)
def _subset(file: FontFile, codepoints: frozenset[int]) -> bytes:
    """WOFF2 of ``file`` cut to ``codepoints``, with the layout features that shape them.

    HarfBuzz cuts the font (hb-subset: milliseconds even for the 65,000 glyphs of a CJK font,
    where fontTools' subsetter takes a second); fontTools packs it as WOFF2. Hints stay: where
    fontconfig asks for full hinting, a browser would otherwise autohint the glyphs and widen the
    text. The same file and characters give the same bytes (no timestamp is written).
    """
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    request = hb.SubsetInput()
    request.sets(hb.SubsetInputSets.UNICODE).update(sorted(codepoints))
    features = request.sets(hb.SubsetInputSets.LAYOUT_FEATURE_TAG)
    for tag in _UNUSED_FEATURES:
        features.discard(int.from_bytes(tag.encode("ascii"), "big"))
    request.flags = hb.SubsetFlags.DESUBROUTINIZE  # compresses better
    cut = hb.subset(_face(file), request)
    if cut is None:
        raise RuntimeError(f"HarfBuzz could not subset {file.path}")
    with TTFont(io.BytesIO(cut.blob.data), recalcTimestamp=False, recalcBBoxes=False) as font:
        font.flavor = "woff2"
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def _unicode_range(codepoints: Iterable[int]) -> str:
    """``U+20-22,U+41`` for a set of code points (runs joined into ranges).

    >>> _unicode_range([0x41, 0x20, 0x21, 0x22])
    'U+20-22,U+41'
    """
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return ",".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in ranges)


Text = tuple[tuple[str, ...], str, str]  # (families, weight, text), as an SVG text sets it


def texts(svg: str) -> Iterable[Text]:
    """``(families, weight, text)`` of every text element of a Graphviz SVG."""
    root = ET.fromstring(svg)
    for el in root.iter(f"{{{SVG_NS}}}text"):
        names = tuple(n.strip().strip("'\"") for n in el.get("font-family", "").split(","))
        weight = "bold" if el.get("font-weight") in ("bold", "700", "bolder") else "normal"
        yield tuple(n for n in names if n), weight, "".join(el.itertext())


def _warn_missing(family: str, weight: str) -> None:
    package = next((f.package for f in named_fonts() if f.family == family), None)
    hint = f" (apt-get install {package})" if package else ""
    warnings.warn(f"font '{family}' ({weight}) is not installed{hint}: the map is drawn with "
                  "another font, and cannot carry its own", FontWarning, stacklevel=3)


def font_faces(svg: str) -> str:
    """CSS ``@font-face`` rules that carry, as WOFF2 data, every character the texts of a
    Graphviz SVG show, each from the font that sets it (the first of its families that has it).

    Each rule names its family and weight as the SVG does, with a ``unicode-range`` of exactly
    the characters it holds. Characters no named font has are left to the viewer's fonts.
    """
    return faces_for(texts(svg))


def faces_for(shown: Iterable[Text]) -> str:
    """The ``@font-face`` rules (see :func:`font_faces`) for texts ``(families, weight, text)``."""
    wanted: dict[tuple[str, str], set[int]] = {}
    missing: set[tuple[str, str]] = set()
    for names, weight, text in shown:
        files = [(name, font_file(name, weight)) for name in names if _SAFE_FAMILY.match(name)]
        missing.update((name, weight) for name, file in files if file is None)
        for cp in {ord(ch) for ch in text}:
            for name, file in files:
                if file is not None and cp in _cmap(file):
                    wanted.setdefault((name, weight), set()).add(cp)
                    break
    for name, weight in sorted(missing):
        _warn_missing(name, weight)
    rules = []
    for (name, weight), codepoints in sorted(wanted.items()):
        file = font_file(name, weight)
        assert file is not None
        data = base64.b64encode(_subset(file, frozenset(codepoints))).decode("ascii")
        rules.append(f'@font-face{{font-family:"{private(name)}";font-weight:{WEIGHTS[weight]};'
                     f'src:url(data:font/woff2;base64,{data}) format("woff2");'
                     f"unicode-range:{_unicode_range(codepoints)}}}")
    return "\n".join(rules)


_SVG_START = re.compile(r"^<svg\b[^>]*>\n?", re.MULTILINE)
_FONT_FAMILY = re.compile(r'font-family="([^"]*)"')

#: What the name of an embedded subset starts with. A subset holds only the characters its map
#: shows, so it goes by a name of its own: under the installed font's name it would stand in
#: for that font in the text around the map too (a page's panel, a brief's body), which then
#: falls back character by character (and prints blank in some Chromium releases).
PRIVATE = "argmap "


def private(family: str) -> str:
    """The name the embedded subset of ``family`` goes by (``argmap Noto Sans``)."""
    return PRIVATE + family


def use_embedded(svg: str) -> str:
    """``svg`` with each text asking first for the embedded subsets of its fonts (their
    :func:`private` names), then for the installed fonts as before.

    >>> use_embedded('<text font-family="Noto Sans,Noto Sans CJK JP">x</text>')
    '<text font-family="argmap Noto Sans,argmap Noto Sans CJK JP,Noto Sans,Noto Sans CJK JP">x</text>'
    """
    def ask(match: re.Match[str]) -> str:
        names = [n.strip() for n in match.group(1).split(",") if n.strip()]
        ours = [private(n) for n in names if _SAFE_FAMILY.match(n) and not n.startswith(PRIVATE)]
        return f'font-family="{",".join(ours + names)}"' if ours else match.group(0)
    return _FONT_FAMILY.sub(ask, svg)


def embed(svg: str, faces: str | None = None) -> str:
    """``svg`` with its fonts inside it: a ``<style>`` of :func:`font_faces` after the opening
    ``<svg>`` tag, its texts asking for them first (:func:`use_embedded`); nothing is changed
    when no named font is used."""
    faces = font_faces(svg) if faces is None else faces
    start = _SVG_START.search(svg)
    if not faces or start is None:
        return svg
    # base64, family names (see _SAFE_FAMILY) and CSS punctuation hold no < or &; the rules
    # say font-family:"...", which use_embedded (font-family="...") leaves alone
    style = f'<style type="text/css">\n{faces}\n</style>\n'
    return use_embedded(svg[:start.end()] + style + svg[start.end():])
