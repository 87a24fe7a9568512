"""The interactive page, checked from Python: its data against the library, escaping, the CSP."""

from __future__ import annotations

import datetime as dt
import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLE

from argmap.errors import RenderError
from argmap.io.files import load
from argmap.maps import fonts
from argmap.page import page_html, script_json, write_page
from argmap.page.build import PageBuilder, band_labels
from argmap.page.data import as_of_at, demand_states, item_records, page_dates, state_at
from argmap.maps import RenderOptions
from argmap.tracking import demand_status, known_as_of

pytestmark = pytest.mark.graphviz

FIXTURES = Path(__file__).parent / "fixtures" / "page"


@pytest.fixture(scope="module")
def small():
    return load(FIXTURES / "small.yaml")


@pytest.fixture(scope="module")
def hostile():
    return load(FIXTURES / "hostile.yaml")


@pytest.fixture(scope="module")
def small_html(small) -> str:
    return page_html(small, "demands", RenderOptions(lang="ja"))


def _data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', page, re.DOTALL)
    assert block is not None
    return json.loads(block.group(1))


def _scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, re.DOTALL)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# --- the date control shows what the library says -----------------------------------------------

@pytest.mark.parametrize("name", ["small", "example"])
def test_shown_items_at_every_date_are_the_librarys(name, small, example):
    dossier = small if name == "small" else example
    dates = page_dates(dossier)
    records = item_records(dossier, dates)
    for pos in range(len(dates) + 1):
        as_of = as_of_at(dates, pos)
        statuses = demand_status(dossier, as_of)
        expected = {i for i in known_as_of(dossier, as_of)
                    if dossier.kind_of(i) != "demand" or i in statuses}
        shown = {i for i, rec in records.items() if rec["first"] <= pos}
        assert shown == expected, f"position {pos} ({as_of})"
    assert all(rec["first"] <= len(dates) + 1 for rec in records.values())


@pytest.mark.parametrize("name", ["small", "example"])
def test_demand_states_at_every_date_are_the_librarys(name, small, example):
    dossier = small if name == "small" else example
    dates = page_dates(dossier)
    states = demand_states(dossier, dates)
    for pos in range(len(dates) + 1):
        for demand, status in demand_status(dossier, as_of_at(dates, pos)).items():
            row = state_at(states[demand]["states"], pos)
            assert row is not None, (demand, pos)
            changes = [states[demand]["changes"][i] for i in row[5]]
            assert row[1:5] == [status.said.value, status.done.value, status.overdue,
                                status.on_paper], (demand, pos)
            assert [(c[0], c[1], c[3]) for c in changes] == [
                (c.axis, c.value.value, c.item) for c in status.history], (demand, pos)


def test_small_case_changes_over_time(small):
    dates = page_dates(small)
    states = demand_states(small, dates)
    pos = {d.isoformat(): i + 1 for i, d in enumerate(dates)}
    voluntary = states["d-voluntary"]["states"]
    assert state_at(voluntary, pos["2020-01-10"])[1] == "no_response"
    assert state_at(voluntary, pos["2020-01-20"])[1:3] == ["accepted", "unrated"]
    assert state_at(voluntary, pos["2020-03-05"])[1] == "deflected"
    assert state_at(voluntary, pos["2020-04-01"])[2] == "reversed"
    survey = states["d-no-survey"]["states"]
    assert state_at(survey, pos["2020-02-10"])[3] is False
    assert state_at(survey, pos["2020-02-21"])[3] is True  # the day after the deadline
    assert state_at(states["d-undated"]["states"], 0) is not None


# --- the page itself -----------------------------------------------------------------------------

def test_page_is_deterministic_and_self_contained(small, small_html):
    assert page_html(small, "demands", RenderOptions(lang="ja")) == small_html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", small_html)
    assert "<link" not in small_html and "@import" not in small_html


def test_csp_forbids_loads_and_names_the_inline_script_and_style(small_html):
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', small_html)
    assert meta is not None
    policy = meta.group(1).replace("&#x27;", "'")
    assert policy.startswith("default-src 'none';")
    scripts = _scripts(small_html)
    assert len(scripts) == 1
    assert f"script-src {_sha(scripts[0])};" in policy
    fonts = re.search(r'<style id="fonts">(.*?)</style>', small_html, re.DOTALL).group(1)
    style = re.search(r"<style>(.*?)</style>", small_html, re.DOTALL).group(1)
    assert f"style-src {_sha(fonts)} {_sha(style)};" in policy
    assert "font-src data:;" in policy  # only the fonts the page carries
    assert "unsafe" not in policy


def test_page_carries_the_fonts_of_both_maps(small_html):
    fonts = re.search(r'<style id="fonts">(.*?)</style>', small_html, re.DOTALL).group(1)
    faces = re.findall(r'@font-face\{font-family:"([^"]+)";font-weight:(\d+);'
                       r'src:url\(data:font/woff2;base64,[A-Za-z0-9+/=]+\) format\("woff2"\);'
                       r"unicode-range:U\+[0-9A-F, U+-]+\}", fonts)
    assert len(faces) == fonts.count("@font-face")
    # the ja map in Noto Sans CJK JP, the en map in Noto Sans (symbols from the CJK font)
    assert {("argmap Noto Sans CJK JP", "400"), ("argmap Noto Sans", "400"),
            ("argmap Noto Sans", "700")} <= set(faces)
    # under names of their own: the installed fonts of the page's text around the map are
    # never shadowed by subsets that hold only the map's characters
    assert not {family for family, _ in faces if not family.startswith("argmap ")}


def test_data_holds_every_item_both_languages_and_the_dates(small, small_html):
    data = _data(small_html)
    assert data["order"] == [item.id for _, _, item in small.items()]
    assert data["items"]["d-voluntary"]["f"]["text"] == {
        "ja": "カードの取得は任意であると確認すること",
        "en": "Confirm that acquiring the card is voluntary"}
    assert data["items"]["r-voluntary"]["f"]["cites"] == [{"source": "minutes", "locator": "¶7"}]
    assert data["dates"] == [d.isoformat() for d in page_dates(small)]
    assert data["start"] == len(data["dates"]) + 1
    assert data["langs"] == ["ja", "en"] and data["lang"] == "ja"
    # the branch's demand counts for the union too (the actor filter follows parent bodies)
    assert data["items"]["d-no-survey"]["actors"] == ["branch", "ministry", "union"]


def test_both_languages_maps_are_embedded(small_html):
    # the opening language drawn inline, the other one kept in a template
    assert re.findall(r'<svg\b[^>]*data-lang="(\w+)"', small_html) == ["ja", "en"]
    assert re.search(r'<template id="map-en"><svg[^>]* data-lang="en"', small_html)
    assert "Confirm that acquiring the card is voluntary" in small_html


def test_items_on_the_map_are_focusable_and_named(small_html):
    nodes = re.findall(r'<g class="node"[^>]*data-id="([^"]+)"[^>]*>', small_html)
    assert "d-voluntary" in nodes and "r-voluntary" in nodes
    for tag in re.findall(r'<g class="node"[^>]*data-id="[^"]+"[^>]*>', small_html):
        assert 'role="button"' in tag and "aria-label=" in tag
    first_map = small_html[small_html.index('<svg '):small_html.index("</svg>")]
    focusable = re.findall(r'<g class="node"[^>]*data-id="([^"]+)"[^>]*tabindex="0"', first_map)
    assert len(focusable) == len(set(focusable))  # a "no answer" placeholder is no second stop
    assert re.search(r'<text[^>]*class="band-said"', small_html)
    assert re.search(r'<polygon[^>]*class="band-done-bg"', small_html)


def test_as_of_option_opens_the_page_on_that_date(small):
    page = page_html(small, "demands", RenderOptions(lang="en", as_of="2020-02-15"))
    data = _data(page)
    assert data["lang"] == "en"
    assert data["dates"][data["start"] - 1] == "2020-02-10"  # the last date on or before it


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


_PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "div", "h1", "h2",
              "span", "label", "input", "button", "nav", "section", "p", "ol", "output", "select",
              "main", "aside", "template", "script", "svg", "g", "polygon", "polyline",
              "path", "ellipse", "text", "a",
              # the demands summary
              "details", "summary", "table", "thead", "tbody", "tr", "th"}


def test_hostile_texts_are_escaped_everywhere(hostile):
    page = page_html(hostile, "demands", RenderOptions(lang="ja"))
    parser = _Tags()
    parser.feed(page)
    tags = {tag for tag, _ in parser.tags}
    assert tags <= _PAGE_TAGS, tags - _PAGE_TAGS
    assert [dict(a) for t, a in parser.tags if t == "script"] == [
        {"type": "application/json", "id": "argmap-data"}, {}]
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            assert name not in ("href", "src", "style", "xlink:href"), (tag, name, value)
    for bad in ("<img", "<iframe", "<svg onload", "<style>body", "<b>", "<a href"):
        assert bad not in page
    labels = [dict(a).get("aria-label") for t, a in parser.tags if dict(a).get("data-id") == "d-evil"]
    assert labels == ["要求 2021-01-02: <script>window.__pwned=1</script>要求",
                      'Demand 2021-01-02: " onerror="window.__pwned=1" <b>bold</b>']
    data = _data(page)
    assert data["items"]["d-evil"]["f"]["text"]["ja"] == "<script>window.__pwned=1</script>要求"
    block = page.split('id="argmap-data">', 1)[1].split("</script>", 1)[0]
    assert not set(block) & set("<>&\u2028\u2029")
    assert "{{" in data["items"]["union"]["f"]["name"]  # placeholders inside data stay as text


def test_script_json_escapes_and_round_trips():
    value = {"a": "</script><!-- & \u2028\u2029 >", "b": [1, 2.5, None, True]}
    text = script_json(value)
    assert not set(text) & set("<>&\u2028\u2029")
    assert json.loads(text) == value


# --- files -----------------------------------------------------------------------------------------

def test_write_page_and_build_pages(small, tmp_path):
    from argmap.outputs import build

    path = write_page(small, tmp_path / "out" / "x.html", view="arguments")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    written = build(small, tmp_path / "r", stem="case", langs=("ja", "en"), formats=())
    assert [p.name for p in written] == sorted(
        f"case-{v}-{lang}.html" for v in ("demands", "arguments", "timeline") for lang in ("ja", "en"))
    ja = (tmp_path / "r" / "case-timeline-ja.html").read_text(encoding="utf-8")
    assert '<html lang="ja">' in ja and _data(ja)["view"] == "timeline"
    assert not list((tmp_path / "r").glob(".*.tmp"))


def test_unknown_view_is_a_render_error(small, tmp_path):
    with pytest.raises(RenderError, match="unknown view"):
        write_page(small, tmp_path / "x.html", view="nope")
    assert not (tmp_path / "x.html").exists()


def _ranges(value: str) -> set[int]:
    out: set[int] = set()
    for part in value.split(","):
        first, _, last = part.removeprefix("U+").partition("-")
        out.update(range(int(first, 16), int(last or first, 16) + 1))
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_page_carries_every_character_its_bands_can_show(example, lang):
    """Going back in time, a band shows a status the map itself may never show ("× Refused")."""
    builder = PageBuilder(example)
    page = builder.html("demands", lang)
    fonts_css = re.search(r'<style id="fonts">(.*?)</style>', page, re.DOTALL).group(1)
    carried: dict[tuple[str, str], set[int]] = {}
    for family, weight, ranges in re.findall(
            r'font-family:"([^"]+)";font-weight:(\d+);[^}]*unicode-range:([^}]+)\}', fonts_css):
        carried.setdefault((family, weight), set()).update(_ranges(ranges))
    weights = {"normal": "400", "bold": "700"}
    for names, weight, _ in fonts.texts(builder.map("demands", lang).layout()):
        for ch in set(band_labels(lang)) - {" "}:
            assert any(ord(ch) in carried.get((fonts.private(n), weights[weight]), ())
                       for n in names), (ch, names)
    assert "×" in band_labels("en") and "期限超過" in band_labels("ja")


def test_example_pages_are_under_one_megabyte(example):
    builder = PageBuilder(example)
    for view in ("demands", "arguments", "timeline"):
        for lang in ("ja", "en"):
            size = len(builder.html(view, lang).encode("utf-8"))
            assert size < 1_000_000, (view, lang, size)


def test_example_exists():
    assert EXAMPLE.exists()


def test_tab_visits_each_demand_then_its_answers_and_actions(example):
    """The demands page: nodes in the order of the summary, each demand followed by what
    answered and what was done about it; the map's own title is left to the page."""
    from argmap.tracking import demand_status

    page = page_html(example, "demands", RenderOptions(lang="en"))
    svg = page[page.index('<svg '):page.index("</svg>")]
    order = re.findall(r'<g class="node"[^>]*data-id="([^"]+)"[^>]*tabindex="0"', svg)
    statuses = demand_status(example)
    demands = [i for i in order if i in statuses]
    undated_last = lambda d: (statuses[d].made is None, statuses[d].made or dt.date.min)  # noqa: E731
    assert demands == sorted(demands, key=undated_last)
    for demand, status in statuses.items():
        at = order.index(demand)
        follow = [i for i in dict.fromkeys([*status.answers, *status.actions])
                  if order.index(i) > at]  # an answer to two demands follows the first
        assert order[at + 1:at + 1 + len(follow)] == follow, demand
    assert "Demands, answers and what followed</text>" not in svg
    box = [float(v) for v in re.search(r'data-box="([^"]+)"', svg).group(1).split()]
    view = [float(v) for v in re.search(r'viewBox="([^"]+)"', svg).group(1).split()]
    assert box[3] < view[3]  # the box leaves the title and summary out
