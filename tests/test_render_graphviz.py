"""Maps laid out by the real Graphviz: every view, hostile labels, missing binary, files."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.checks import check
from argmap.dossier import Dossier
from argmap.errors import RenderError
from argmap.io.files import load
from argmap.model import Actor, Demand, Response
from argmap.maps import VIEWS, Map, RenderOptions
from argmap.outputs import build, render

pytestmark = pytest.mark.graphviz

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "render" / "card-talks.yaml"
EXAMPLE = HERE.parent / "claims" / "mynumber-card.yaml"
SVG = "{http://www.w3.org/2000/svg}"

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return load(FIXTURE)


def _svg_text(svg: bytes) -> str:
    root = ET.fromstring(svg)
    # the word joiner argmap puts after each backslash is invisible: read past it
    return "".join(t.text or "" for t in root.iter(f"{SVG}text")).replace("\u2060", "")


@needs_dot
@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("case", ["fixture", "example"])
def test_every_view_renders_to_svg(dossier: Dossier, case: str, view: str,
                                   tmp_path: Path) -> None:
    source = dossier if case == "fixture" else load(EXAMPLE)
    out = render(source, view, tmp_path / f"{view}.svg", options=RenderOptions(lang="ja")).path
    svg = out.read_bytes()
    text = _svg_text(svg)
    assert b"graphviz version" not in svg  # reproducible output
    # the embedded subset first (a name of its own), then the installed font
    assert "凡例" in text and 'font-family="argmap Noto Sans CJK JP,Noto Sans CJK JP"' in \
        svg.decode("utf-8")


@needs_dot
def test_hostile_labels_show_literally(tmp_path: Path) -> None:
    hostile = ['say "no"', "back\\slash", "\\l\\n\\N", "<b>bold</b>", "<script>x</script>",
               "{a|b}", "a & b &amp; c", "line\nbreak", "nul\x00here", "]];--> &#60;"]
    d = check(Dossier(
        actors=[Actor(id="u", name="U <&> \"", kind="union"), Actor(id="m", name="M", kind="ministry")],
        demands=[Demand(id=f"d{i}", text=text, by=["u"], to=["m"]) for i, text in enumerate(hostile)],
        responses=[Response(id="r", by=["m"], to=["d0"], said="refused", quote="<i>\\l&\"</i>")]))
    options = RenderOptions(lang="en", wrap=60)
    for view in ("demands", "timeline", "arguments"):
        svg = render(d, view, tmp_path / f"{view}.svg", options=options).path.read_bytes()
        text = _svg_text(svg)  # parses as XML: nothing leaked out as markup
        for label in hostile:
            shown = label.replace("\n", "").replace("\x00", "")
            if view != "timeline":  # undated demands are not on the timeline
                assert shown.replace(" ", "") in text.replace(" ", ""), (view, label)
        root = ET.fromstring(svg)
        assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))
    assert "<i>\\l&\"</i>" in _svg_text(render(d, "demands", tmp_path / "r.svg",
                                               options=options).path.read_bytes())


def test_missing_dot_binary_says_how_to_install(dossier: Dossier, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(RenderError, match="apt-get install graphviz fonts-noto-cjk fonts-noto"):
        render(dossier, "demands", tmp_path / "x.svg")
    assert not (tmp_path / "x.svg").exists()


@needs_dot
def test_failed_render_leaves_the_previous_file_intact(dossier: Dossier, tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(RenderError, match="took longer"):
        render(dossier, "timeline", target, options=RenderOptions(timeout=0.001))
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]  # no temporary file left


@needs_dot
@pytest.mark.parametrize("suffix", ["svg", "png", "pdf", "dot"])
def test_format_comes_from_the_suffix(dossier: Dossier, tmp_path: Path, suffix: str) -> None:
    data = render(dossier, "demands", tmp_path / f"m.{suffix}").path.read_bytes()
    magic = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF", "dot": b"digraph"}[suffix]
    assert data.startswith(magic)


def test_unknown_suffix_is_a_render_error(dossier: Dossier, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="suffix"):
        render(dossier, "demands", tmp_path / "m.jpeg2000")


@needs_dot
def test_build_writes_every_view_and_language(tmp_path: Path) -> None:
    paths = build(FIXTURE, tmp_path / "renders", langs=("ja", "en"), formats=("svg",),
                  sides=("union",))
    names = [p.name for p in paths]
    maps, pages, briefs = names[:6], names[6:12], names[12:]
    assert maps == sorted(maps) and pages == sorted(pages)
    assert "card-talks-demands-ja.svg" in maps and "card-talks-timeline-en.svg" in maps
    assert "card-talks-arguments-en.html" in pages
    assert briefs == ["card-talks-brief-union-ja.md", "card-talks-brief-union-ja.html",
                      "card-talks-brief-union-en.md", "card-talks-brief-union-en.html"]


@needs_dot
def test_render_writes_the_page_for_html(dossier: Dossier, tmp_path: Path) -> None:
    drawn = render(dossier, "timeline", tmp_path / "t.html", options=RenderOptions(lang="en"))
    assert drawn.path == tmp_path / "t.html" and drawn.digraph.name == "timeline"
    assert drawn.path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(RenderError, match=r"\.svg, \.png, \.pdf, \.dot, \.html"):
        render(dossier, "timeline", tmp_path / "t.jpeg")


@needs_dot
def test_map_displays_itself_in_jupyter(dossier: Dossier) -> None:
    drawn = render(dossier, "arguments", options=RenderOptions(lang="en"))
    assert isinstance(drawn, Map) and drawn.path is None
    bundle = drawn._repr_mimebundle_()
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
    assert "The argument" in _svg_text(bundle["image/svg+xml"].encode("utf-8"))
    assert str(drawn).startswith("digraph arguments")
