"""The fonts of the maps: named in one table, installed, covering every character the example's
maps show, enough on their own (no other font on the machine changes a map), and carried inside
each SVG as exact, reproducible subsets."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.io.files import load
from argmap.maps import VIEWS, Map, RenderOptions, draw
from argmap.maps import fonts
from argmap.maps.fonts import Font, FontWarning, families, font_file, fontname, named_fonts
from conftest import EXAMPLE, ROOT

HK = ROOT / "tests" / "fixtures" / "lang" / "hk-2019-five-demands.yaml"

pytestmark = pytest.mark.graphviz

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def maps():
    """The example's maps in both languages, and the Chinese fixture's, laid out once."""
    out = {}
    for path, langs in ((EXAMPLE, ("ja", "en")), (HK, ("zh-Hant", "en"))):
        dossier = load(path)
        out.update({(view, lang) if path == EXAMPLE else (view, f"hk-{lang}"):
                    Map(draw(dossier, view, RenderOptions(lang=lang)))
                    for lang in langs for view in VIEWS})
    return out


def _fontconfig(folder: Path, files: list[Path]) -> Path:
    """A fontconfig setup that knows only ``files`` (linked into a folder of their own)."""
    (folder / "fonts").mkdir(parents=True)
    for path in files:
        (folder / "fonts" / path.name).symlink_to(path)
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    f"<fontconfig><dir>{folder / 'fonts'}</dir>"
                    f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>\n", encoding="utf-8")
    return conf


@pytest.fixture
def only(tmp_path, monkeypatch):
    """Make fontconfig (for Graphviz and for argmap's own look-ups) see only some font files."""
    def _only(files: list[Path]) -> None:
        conf = _fontconfig(tmp_path / f"fc{len(list(tmp_path.iterdir()))}", files)
        monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
        font_file.cache_clear()

    yield _only
    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    font_file.cache_clear()


# --- one table ---------------------------------------------------------------------------------

def test_each_language_has_named_fonts_and_nothing_generic():
    assert fontname("ja") == "Noto Sans CJK JP"
    assert fontname("en") == fontname("fr") == fontname(None) == "Noto Sans,Noto Sans CJK JP"
    assert families("ja-JP") == families("ja")
    generic = {"serif", "sans-serif", "sans", "monospace", "helvetica", "arial"}
    assert not {f.family.casefold() for f in named_fonts()} & generic


def test_a_language_is_one_line_of_the_table(monkeypatch):
    """Each CJK language is set in its own Noto Sans CJK face, found by BCP 47 matching; a new
    language needs only its row in FONTS, and the maps then name that font."""
    assert fontname("zh-Hant") == fontname("zh-TW") == fontname("zh-hant") == "Noto Sans CJK TC"
    assert fontname("zh") == fontname("zh-CN") == fontname("zh-Hans") == "Noto Sans CJK SC"
    assert fontname("zh-HK") == fontname("zh-Hant-HK") == "Noto Sans CJK HK"
    assert fontname("ko") == fontname("ko-KR") == "Noto Sans CJK KR"
    # a Latin map of a Chinese dossier sets its Chinese names in the dossier's face
    assert fontname("en", ["zh-Hant", "en"]) == "Noto Sans,Noto Sans CJK TC"
    monkeypatch.setitem(fonts.FONTS, "th", (Font("Noto Sans Thai", "fonts-noto-core"),))
    assert fontname("th-TH") == "Noto Sans Thai"
    source = draw(load(EXAMPLE), "demands", RenderOptions(lang="th")).source
    assert 'fontname="Noto Sans Thai"' in source
    assert "Noto Sans Thai" in [f.family for f in named_fonts()]


def test_the_fixture_s_maps_name_the_face_of_their_language():
    dossier = load(HK)
    for lang, font in (("zh-Hant", "Noto Sans CJK TC"), ("en", "Noto Sans,Noto Sans CJK TC")):
        source = draw(dossier, "demands", RenderOptions(lang=lang)).source
        assert set(re.findall(r'fontname="([^"]*)"', source)) == {font}


def test_a_label_mixing_scripts_misses_no_glyph():
    """Chinese, kana, hangul, Latin and the maps' symbols in one label of a zh-Hant map."""
    dossier = load(HK).model_copy(deep=True)
    dossier.demands[0].text = {"zh-Hant": "撤回《逃犯條例》（マイナンバー、한국어、Café ✓ ⚠ ◐）",
                               "en": "x"}
    drawn = Map(draw(dossier, "demands", RenderOptions(lang="zh-Hant")))
    shown = "".join(text for _, _, text in fonts.texts(drawn.layout()))
    assert "マイナンバー" in shown and "한국어" in shown and "Café" in shown
    for names, weight, text in fonts.texts(drawn.layout()):
        files = [font_file(name, weight) for name in names]
        for ch in set(text):
            assert any(f is not None and ord(ch) in fonts._cmap(f) for f in files), ch


def test_the_maps_name_the_table_s_fonts_and_no_other():
    dossier = load(EXAMPLE)
    for lang in ("ja", "en"):
        source = draw(dossier, "demands", RenderOptions(lang=lang)).source
        assert set(re.findall(r'fontname="([^"]*)"', source)) == {fontname(lang)}
        assert "FACE=" not in source


# --- installed, and enough -----------------------------------------------------------------------

def test_every_named_font_is_installed():
    missing = [f"{f.family} ({w}, {f.package})" for f in named_fonts() for w in fonts.WEIGHTS
               if font_file(f.family, w) is None]
    assert missing == [], "not installed: run bash scripts/setup.sh"


def test_setup_installs_the_package_of_each_missing_font(only):
    assert fonts.missing_packages() == []
    only([])  # a machine with no font at all
    assert fonts.missing_packages() == ["fonts-noto-cjk", "fonts-noto-core"]
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "from argmap.maps.fonts import missing_packages" in setup


def test_every_character_of_the_example_maps_has_a_named_font(maps):
    uncovered: dict[str, set[str]] = {}
    for (view, lang), drawn in maps.items():
        for names, weight, text in fonts.texts(drawn.layout()):
            if not lang.startswith("hk-"):
                assert names == tuple(fontname(lang).split(",")), (view, lang)
            files = [font_file(name, weight) for name in names]
            for ch in set(text):
                if not any(f is not None and ord(ch) in fonts._cmap(f) for f in files):
                    uncovered.setdefault(f"{view}-{lang}", set()).add(ch)
    assert uncovered == {}


def test_no_other_font_changes_a_map(maps, only):
    """Graphviz gives the same SVG when the named font files are the only fonts on the machine."""
    files = sorted({font_file(f.family, w).path for f in named_fonts() for w in fonts.WEIGHTS})
    before = {key: drawn.layout() for key, drawn in maps.items()}
    only(files)
    for key, drawn in maps.items():
        assert Map(drawn.digraph).layout() == before[key], key


def test_a_stand_in_font_would_change_the_english_map(maps, only):
    """The check above can fail: with another font in place of Noto Sans, the boxes change."""
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.exists():
        pytest.skip("DejaVu Sans (the stand-in this check uses) is not installed")
    drawn = maps[("demands", "en")]
    before = drawn.layout()
    only([dejavu])
    with pytest.warns(FontWarning) as warned:
        faces = fonts.font_faces(before)
    assert faces == ""  # nothing to carry: the named fonts are not there
    assert sorted(str(w.message).split(":")[0] for w in warned) == [
        "font 'Noto Sans CJK JP' (bold) is not installed (apt-get install fonts-noto-cjk)",
        "font 'Noto Sans CJK JP' (normal) is not installed (apt-get install fonts-noto-cjk)",
        "font 'Noto Sans' (bold) is not installed (apt-get install fonts-noto-core)",
        "font 'Noto Sans' (normal) is not installed (apt-get install fonts-noto-core)"]
    assert Map(drawn.digraph).layout() != before


# --- the subsets an SVG carries -------------------------------------------------------------------

def test_a_subset_holds_exactly_its_characters_with_the_font_s_widths():
    from fontTools.ttLib import TTFont

    file = font_file("Noto Sans", "bold")
    wanted = frozenset(map(ord, "Partly accepted ✓"))  # ✓ is not in Noto Sans: left out
    data = fonts._subset(file, wanted)
    assert data[:4] == b"wOF2"
    fonts._subset.cache_clear()
    assert fonts._subset(file, wanted) == data  # the same bytes again: no timestamp
    subset, original = TTFont(io.BytesIO(data)), TTFont(file.path)
    assert set(subset.getBestCmap()) == wanted & set(original.getBestCmap())
    for cp, glyph in subset.getBestCmap().items():
        assert subset["hmtx"][glyph] == original["hmtx"][original.getBestCmap()[cp]]


def test_font_faces_give_each_character_to_the_first_family_that_has_it(maps):
    svg = maps[("demands", "en")].layout()
    faces = fonts.font_faces(svg)
    rules = {(m.group(1), m.group(2)): m.group(3) for m in re.finditer(
        r'@font-face\{font-family:"([^"]+)";font-weight:(\d+);src:url\(data:font/woff2;base64,'
        r'[A-Za-z0-9+/=]+\) format\("woff2"\);unicode-range:([^}]+)\}', faces)}
    assert len(rules) == faces.count("@font-face") == 4
    latin = rules[("argmap Noto Sans", "400")]  # the subsets go by names of their own
    assert "U+41" in latin or "U+41-" in latin  # 'A'
    symbols = rules[("argmap Noto Sans CJK JP", "700")]  # ✓ (U+2713) in the bold bands
    assert "2713" in symbols and "U+41" not in symbols


def test_the_svg_carries_its_fonts_and_stays_valid(maps):
    drawn = maps[("demands", "ja")]
    svg = drawn.svg()
    root = ET.fromstring(svg)
    style = root.find(f"{SVG}style")
    assert style is not None and style.text.strip() == drawn.font_faces()
    assert svg.replace(f'<style type="text/css">\n{drawn.font_faces()}\n</style>\n', "") \
        == fonts.use_embedded(drawn.layout())
    # each text asks for the embedded subsets first, then for the installed fonts
    assert 'font-family="argmap Noto Sans CJK JP,Noto Sans CJK JP"' in svg \
        or 'font-family="argmap Noto Sans,argmap Noto Sans CJK JP,Noto Sans,Noto Sans CJK JP"' in svg


def test_unsafe_family_names_are_never_written_into_css():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg">'
           '<text font-family="x&quot;;}&lt;/style&gt;">abc</text></svg>')
    assert fonts.font_faces(svg) == ""
    assert fonts.embed(svg) == svg

