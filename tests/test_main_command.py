"""The README's main command: ``argmap build`` on the example case writes exactly what renders/
holds.

What is deterministic by design is compared on every machine: the list of files, the Markdown
briefs, the pages and HTML briefs apart from the maps inside them, and what each map says (its
texts, node by node). The drawn maps themselves (SVG and PNG, and the pages that carry them)
depend on the Graphviz build, the libraries it sets text with and the font files: they are
compared byte for byte where this machine matches the record of the one that drew renders/
(``renders/environment.json``), and the tests say why they skip elsewhere.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.maps.environment import SVG_KEYS, differences, environment
from argmap.maps.fonts import named_fonts
from conftest import EXAMPLE, ROOT, run_cli

pytestmark = pytest.mark.graphviz

RENDERS = ROOT / "renders"
RECORD = RENDERS / "environment.json"
SVG_NS = "{http://www.w3.org/2000/svg}"
#: Attributes that place and size things: they follow the text's measured widths.
GEOMETRY = frozenset({"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "rx", "ry", "points", "d",
                      "width", "height", "viewBox", "transform", "data-box"})


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("renders")
    result = run_cli("build", EXAMPLE, "-o", out, "--brief-side", "jichiroren")
    assert result.exit_code == 0, result.stderr
    assert f"wrote {len(list(out.iterdir()))} files to {out}/:" in result.stdout
    return out


@pytest.fixture(scope="module")
def recorded() -> dict:
    assert RECORD.exists(), "renders/environment.json is missing: run bash scripts/example.sh"
    return json.loads(RECORD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def current() -> dict:
    return environment()


def _names(folder: Path, suffix: str | None = None) -> list[str]:
    return sorted(p.name for p in folder.iterdir()
                  if p.name != RECORD.name and (suffix is None or p.suffix == suffix))


def _skip_unless_same(recorded: dict, current: dict, keys: tuple[str, ...] | None,
                      what: str) -> None:
    diff = differences(recorded, current, keys)
    if diff:
        pytest.skip(f"{what} depend on the machine that drew them, and renders/ were drawn on "
                    f"another: {'; '.join(diff)} (recorded in renders/environment.json; "
                    "bash scripts/example.sh redraws renders/ here)")


def _without_maps(html: str) -> str:
    """A page or brief without what depends on the machine: the maps' SVG, the fonts they carry,
    and the hashes of those in the Content-Security-Policy."""
    html = re.sub(r"<svg\b.*?</svg>", "<svg/>", html, flags=re.DOTALL)
    html = re.sub(r'<style id="fonts">.*?</style>\n?', "", html, flags=re.DOTALL)
    return re.sub(r'(http-equiv="Content-Security-Policy" content=")[^"]*"', r'\1"', html)


def _what_it_says(svg: bytes) -> list[tuple[str, str, tuple[str, ...]]]:
    """Each node, edge and cluster of a map: its class, its name and its texts (sorted)."""
    root = ET.fromstring(svg)
    found = []
    for g in root.iter(f"{SVG_NS}g"):
        title = g.find(f"{SVG_NS}title")
        texts = tuple("".join(t.itertext()) for t in g.iter(f"{SVG_NS}text"))
        found.append((g.get("class", ""), title.text if title is not None else "", texts))
    return sorted(found)


def _structure(svg: bytes) -> str:
    """The SVG without its geometry and its embedded fonts: elements, classes, colours, texts."""
    root = ET.fromstring(svg)
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{SVG_NS}style":
                parent.remove(child)
        for name in [n for n in parent.attrib if n in GEOMETRY]:
            del parent.attrib[name]
    return ET.tostring(root, encoding="unicode")


@pytest.mark.golden
def test_build_writes_exactly_what_renders_holds(built):
    assert _names(built) == _names(RENDERS)
    assert (RENDERS / "environment.json").exists()


@pytest.mark.golden
def test_markdown_briefs_are_byte_identical(built):
    names = _names(built, ".md")
    assert len(names) == 2
    stale = [n for n in names if (built / n).read_bytes() != (RENDERS / n).read_bytes()]
    assert stale == [], "renders/ is out of date: run bash scripts/example.sh and commit"


@pytest.mark.golden
def test_pages_and_html_briefs_match_apart_from_their_maps(built):
    names = _names(built, ".html")
    assert len(names) == 8
    stale = [n for n in names if _without_maps((built / n).read_text(encoding="utf-8"))
             != _without_maps((RENDERS / n).read_text(encoding="utf-8"))]
    assert stale == [], "renders/ is out of date: run bash scripts/example.sh and commit"


@pytest.mark.golden
def test_maps_say_what_the_committed_maps_say(built):
    names = _names(built, ".svg")
    assert len(names) == 6
    stale = [n for n in names if _what_it_says((built / n).read_bytes())
             != _what_it_says((RENDERS / n).read_bytes())]
    assert stale == [], "renders/ is out of date: run bash scripts/example.sh and commit"


@pytest.mark.golden
def test_maps_have_the_committed_structure(built, recorded, current):
    _skip_unless_same(recorded, current, ("graphviz",), "The SVG elements Graphviz writes")
    stale = [n for n in _names(built, ".svg")
             if _structure((built / n).read_bytes()) != _structure((RENDERS / n).read_bytes())]
    assert stale == [], "renders/ is out of date: run bash scripts/example.sh and commit"


@pytest.mark.golden
def test_maps_and_pages_are_byte_identical(built, recorded, current):
    _skip_unless_same(recorded, current, SVG_KEYS, "The SVG maps and the pages that carry them")
    names = _names(built, ".svg") + _names(built, ".html")
    stale = [n for n in names if (built / n).read_bytes() != (RENDERS / n).read_bytes()]
    assert stale == [], "renders/ is out of date: run bash scripts/example.sh and commit"


@pytest.mark.golden
def test_pngs_are_byte_identical(built, recorded, current):
    names = _names(built, ".png")
    # one image per map, or its pages p1..pn (the argument and the timeline)
    for stem in sorted({re.sub(r"-p\d+$", "", n[:-4]) for n in names}):
        pages = [n for n in names if re.fullmatch(rf"{re.escape(stem)}-p\d+\.png", n)]
        assert (pages == [] and f"{stem}.png" in names) or (
            f"{stem}.png" not in names
            and sorted(pages) == sorted(f"{stem}-p{k}.png" for k in range(1, len(pages) + 1)))
    assert {re.sub(r"-p\d+$", "", n[:-4]) for n in names} == {n[:-4] for n in _names(built, ".svg")}
    for name in names:
        assert (built / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    _skip_unless_same(recorded, current, None, "The PNG maps")
    stale = [n for n in names if (built / n).read_bytes() != (RENDERS / n).read_bytes()]
    assert stale == [], "renders/ is out of date: run bash scripts/example.sh and commit"


def test_the_record_names_every_font_the_maps_use(recorded):
    assert sorted(recorded["fonts"]) == sorted(f.family for f in named_fonts())
    assert all(face is not None for faces in recorded["fonts"].values()
               for face in faces.values()), "renders/ were drawn with a font missing"


def test_bad_dossier_creates_no_output(tmp_path: Path):
    bad = ROOT / "tests" / "bad" / "dangling-reference.yaml"
    for args in (["render", bad, "-o", tmp_path / "map.svg"],
                 ["render", bad, "-o", tmp_path / "map.html"],
                 ["export", bad, "--to", "aif", "-o", tmp_path / "out.json"],
                 ["brief", bad, "--side", "union", "-o", tmp_path / "brief.md"],
                 ["build", bad, "-o", tmp_path / "renders"]):
        result = run_cli(*args)
        assert result.exit_code == 1, args
        assert "unknown actor 'cabinet-office'" in result.stderr
    assert list(tmp_path.iterdir()) == []
