"""The views as DOT: goldens, determinism, options (as_of, focus, kinds, language, scheme)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from argmap.errors import RenderError
from argmap.io.files import load
from argmap.graph import build_graph
from argmap.maps import VIEWS, RenderOptions, draw, focus, layout_settings
from argmap.maps.style import VERMILLION
from conftest import load_script

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "render" / "card-talks.yaml"
GOLDEN = HERE / "golden"


def _regenerate_module():
    return load_script(GOLDEN / "regenerate.py", "golden_regenerate")


@pytest.fixture(scope="module")
def dossier():
    return load(FIXTURE)


def _node_attrs(source: str, node: str) -> str:
    found = re.search(rf'^\t+"{re.escape(node)}" \[(.*)\]$', source, re.M)
    assert found, f"node {node} not in the DOT source"
    return found.group(1)


@pytest.mark.golden
def test_goldens_match() -> None:
    expected = _regenerate_module().goldens()
    assert any(name.startswith("card-talks-") for name in expected)
    for name, source in sorted(expected.items()):
        golden = GOLDEN / name
        assert golden.exists(), f"missing golden {name}: run tests/golden/regenerate.py"
        assert golden.read_text(encoding="utf-8") == source, (
            f"{name} differs from its golden; if the change is meant, run "
            "tests/golden/regenerate.py and review the diff")


@pytest.mark.parametrize("view", list(VIEWS))
def test_same_input_gives_the_same_dot(dossier, view: str) -> None:
    first = draw(dossier, view, RenderOptions(lang="ja")).source
    assert first == draw(dossier, view, RenderOptions(lang="ja")).source
    assert "graphviz version" not in first and str(dt.date.today().year + 1) not in first


@pytest.mark.parametrize("view", list(VIEWS))
def test_a_map_is_drawn_from_the_dossier_not_its_graph(dossier, view: str) -> None:
    with pytest.raises(RenderError, match="give a Dossier"):
        draw(build_graph(dossier), view, RenderOptions(lang="en"))


def test_unanswered_demand_is_loud(dossier) -> None:
    source = draw(dossier, "demands", RenderOptions(lang="en")).source
    attrs = _node_attrs(source, "d-leak-report")
    assert "peripheries=2" in attrs and "penwidth=3.0" in attrs and VERMILLION in attrs
    assert "⚠ No answer" in attrs and "overdue" in attrs
    assert '"d-leak-report" -> "_noanswer__d-leak-report"' in source
    answered = _node_attrs(source, "d-no-force")
    assert "peripheries=1" in answered and "✓ Accepted" in answered
    assert "● Delivered" in answered


def test_demands_view_links_answers_and_actions(dossier) -> None:
    source = draw(dossier, "demands", RenderOptions(lang="en")).source
    assert '"d-keep-card" -> "r-keep"' in source
    assert re.search(r'"d-no-survey" -> "a-survey" \[label=<contradicts>.*arrowhead=tee', source)
    assert re.search(r'"r-survey" -> "a-survey"', source)
    assert 'subgraph "cluster_at__ev-spring"' in source and "Spring bargaining" in source
    assert "cluster__legend" in source and "Legend" in source


def test_arguments_view_undercut_points_at_the_relation(dossier) -> None:
    source = draw(dossier, "arguments", RenderOptions(lang="en")).source
    assert "shape=point" in _node_attrs(source, "rel-rate-gov")
    assert '"e-rate" -> "rel-rate-gov"' in source and '"rel-rate-gov" -> "c-gov"' in source
    assert '"c-rate-reflects-pressure" -> "rel-rate-gov"' in source
    assert '"c-main" -> "rel-survey"' in source  # a joint premise, drawn as laid out
    assert re.search(r'"rel-survey" -> "c-pressure" \[arrowhead=none arrowtail=none [^]]*dir=back',
                     source)
    assert "★ main position" in source and "Union" in _node_attrs(source, "c-main")


def _clusters(source: str) -> dict[str, str]:
    """Each line-of-argument box of an arguments map, with the DOT inside it."""
    found = {}
    for m in re.finditer(r"subgraph (cluster_line_\d+) \{(.*?)\n\t\}", source, re.S):
        found[m.group(1)] = m.group(2)
    return found


def test_arguments_view_puts_the_main_positions_in_the_middle_and_lines_in_boxes(dossier):
    source = draw(dossier, "arguments", RenderOptions(lang="en")).source
    assert "rankdir=LR" in source
    middles = re.findall(r"\{\s*rank=same(.*?)\}", source, re.S)
    assert any('"c-main"' in m and '"c-gov"' in m for m in middles)
    boxes = _clusters(source)
    # one box per line of argument: the reason for c-main, the objection to it, and c-gov's own
    holding = {name: set(re.findall(r'^\t\t"?([\w-]+)"? \[', body, re.M))
               for name, body in boxes.items()}
    assert any(ids == {"c-law"} for ids in holding.values())
    assert any({"e-rate", "rel-rate-gov", "c-rate-reflects-pressure"} <= ids
               for ids in holding.values())
    assert not any("c-main" in ids or "c-gov" in ids for ids in holding.values())
    assert "Reason · 1 item" in source and "Objection" in source
    # objections are drawn on the right of the middle: laid out from the main position outward
    assert '"c-gov" -> "e-leak" [arrowhead=none arrowtail=tee' in source


def test_every_line_of_the_example_is_one_box_around_its_reason(example) -> None:
    source = draw(example, "arguments", RenderOptions(lang="en")).source
    boxes = _clusters(source)
    mains = [c.id for c in example.claims if c.main]
    heads = {p for r in example.relations if r.to in mains for p in r.from_} - set(mains)
    holding = [set(re.findall(r'^\t\t"?([\w-]+)"? \[', body, re.M)) for body in boxes.values()]
    for head in heads:
        assert sum(head in ids for ids in holding) == 1, head
    placed = [i for ids in holding for i in ids]
    assert len(placed) == len(set(placed))  # no item in two boxes


def _positions(source: str) -> dict[str, tuple[float, float]]:
    found = re.findall(r'^\t+"?([^\s"]+)"? \[.*?pos="(-?\d+),(-?\d+)!"', source, re.M)
    return {name: (float(x), float(y)) for name, x, y in found}


def test_timeline_runs_down_the_page_in_lanes(dossier) -> None:
    source = draw(dossier, "timeline", RenderOptions(lang="en")).source
    pos = _positions(source)
    days = sorted(n for n in pos if n.startswith("_day__"))
    assert days and [pos[d][1] for d in days] == sorted((pos[d][1] for d in days), reverse=True)
    # the same day reads across: r-force and r-survey were both given on 2023-06-01
    row = pos["_day__2023-06-01"][1]
    nxt = pos[days[days.index("_day__2023-06-01") + 1]][1]
    assert all(nxt < pos[r][1] < row for r in ("r-force", "r-survey"))
    # one lane per actor: the union's demands in one column, the ministry's answers in another
    assert pos["d-no-force"][0] == pos["d-keep-card"][0] != pos["r-keep"][0]
    assert pos["r-force"][0] != pos["d-no-force"][0]
    lanes = re.findall(r'^\t_lane__(\S+) \[label=<<B>(.*?)</B>>', source, re.M)
    assert [k for k, _ in lanes][0] == "events" and ("union", "Union") in lanes
    assert "neato" == draw(dossier, "timeline").engine and "notranslate=true" in source


def test_timeline_spaces_rows_by_time_and_names_long_gaps(dossier) -> None:
    from argmap.maps.views_timeline import _gap

    assert _gap(1) < _gap(30) < _gap(365) < _gap(3 * 365) < 5 * _gap(30)
    source = draw(dossier, "timeline", RenderOptions(lang="en")).source
    assert "label=<about a year>" in source  # 2023-10-05 to 2024-12-02
    ja = draw(dossier, "timeline", RenderOptions(lang="ja")).source
    assert "約 1 年" in ja


def test_timeline_dates_are_as_precise_as_known(example) -> None:
    source = draw(example, "timeline", RenderOptions(lang="en")).source
    labels = dict(re.findall(r'^\t"_day__([\d-]+)" \[label=<<B>([^<]+)</B>>', source, re.M))
    assert labels["2013-01-01"] == "2013" and labels["2017-11-01"] == "Nov 2017"
    assert labels["2019-07-23"] == "23 Jul 2019"
    ja = draw(example, "timeline", RenderOptions(lang="ja")).source
    labels = dict(re.findall(r'^\t"_day__([\d-]+)" \[label=<<B>([^<]+)</B>>', ja, re.M))
    assert labels["2013-01-01"] == "2013年" and labels["2017-11-01"] == "2017年11月"
    assert labels["2019-07-23"] == "2019年7月23日"


def test_evidence_dated_by_its_figure_is_not_called_undated(example) -> None:
    # Sanjo's 950 staff hold "as of November 2019": the timeline puts the item on that month's
    # row, and its label gives that date on the figure's line, never "undated" above it
    source = draw(example, "timeline", RenderOptions(lang="en")).source
    label = re.search(r'^\t"ev-sanjo-950-staff" \[label=<(.*)$', source, re.M).group(1)
    assert "undated" not in label and "as of Nov 2019" in label


def test_as_of_hides_later_answers_and_actions(dossier) -> None:
    source = draw(dossier, "demands", RenderOptions(lang="en", as_of="2023-06-10")).source
    assert '"r-force"' in source and '"a-survey"' not in source and '"d-keep-card"' not in source
    assert "as of 10 Jun 2023" in source
    assert "Done: not rated" in _node_attrs(source, "d-no-force")


def test_focus_keeps_the_neighbourhood_only(dossier) -> None:
    source = focus(dossier, "d-keep-card", view="demands", radius=1,
                   options=RenderOptions(lang="en")).source
    assert '"d-keep-card"' in source and '"r-keep"' in source and '"a-abolish"' in source
    assert '"d-no-force"' not in source and "peripheries=2" in _node_attrs(source, "d-keep-card")
    with pytest.raises(RenderError, match="did you mean 'd-keep-card'"):
        draw(dossier, "demands", RenderOptions(focus="d-keep-crd"))


def test_kinds_option_limits_what_is_drawn(dossier) -> None:
    source = draw(dossier, "demands", RenderOptions(lang="en", kinds={"demand"})).source
    assert '"d-no-force"' in source and '"r-force"' not in source and '"a-notice"' not in source


def test_language_and_fallback(dossier) -> None:
    ja = draw(dossier, "demands", RenderOptions(lang="ja")).source
    assert "職員にカード取得を強制しないこと" in ja and 'fontname="Noto Sans CJK JP"' in ja
    en = draw(dossier, "demands", RenderOptions(lang="en")).source
    assert "Do not force staff" in en and 'fontname="Noto Sans,Noto Sans CJK JP"' in en
    fr = draw(dossier, "demands", RenderOptions(lang="fr")).source
    assert "Do not force staff" in fr  # falls back to English


def test_grayscale_scheme_uses_only_greys(dossier) -> None:
    source = draw(dossier, "demands", RenderOptions(lang="en", scheme="grayscale")).source
    colours = set(re.findall(r"#([0-9A-F]{6})", source))
    assert colours and all(c[0:2] == c[2:4] == c[4:6] for c in colours)
    assert "peripheries=2" in _node_attrs(source, "d-leak-report")  # still told by the border


def test_too_large_a_map_is_refused_with_advice(dossier) -> None:
    with pytest.raises(RenderError, match="focus view"):
        draw(dossier, "timeline", RenderOptions(max_nodes=5))


def test_layout_limits_grow_with_size() -> None:
    assert layout_settings(100) == {}
    assert "nslimit" in layout_settings(1000) and layout_settings(5000)["splines"] == "line"


@pytest.mark.parametrize("bad", [{"rankdir": "XY"}, {"scheme": "rainbow"}, {"engine": "nope"},
                                 {"kinds": {"actor"}}, {"as_of": "2023-13-01"}, {"wrap": 1}])
def test_bad_options_are_render_errors(bad: dict) -> None:
    with pytest.raises(RenderError):
        RenderOptions(**bad)


def test_unknown_view_is_a_render_error(dossier) -> None:
    with pytest.raises(RenderError, match="unknown view"):
        draw(dossier, "pie")


def test_options_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        RenderOptions().lang = "ja"  # type: ignore[misc]


def test_a_crowd_of_leaf_premises_is_spread_over_two_columns() -> None:
    from argmap.dossier import Dossier
    from argmap.maps import arguments_map

    claims = [{"id": "c", "text": "main", "main": True}, {"id": "r", "text": "reason"}] + [
        {"id": f"p{i}", "text": f"premise {i}"} for i in range(6)]
    relations = [{"id": "rr", "from": "r", "to": "c", "type": "supports"}] + [
        {"id": f"r{i}", "from": f"p{i}", "to": "r", "type": "supports"} for i in range(6)]
    source = arguments_map(Dossier.model_validate({"claims": claims, "relations": relations})).source
    lengths = {}
    for line in source.splitlines():
        found = re.match(r'\s*"?(p\d|r)"? -> "?(p\d|r)"? \[(.*)\]', line)
        if found and "r" in found.group(1, 2):
            minlen = re.search(r"minlen=(\d+)", found.group(3))
            leaf = found.group(1) if found.group(2) == "r" else found.group(2)
            lengths[leaf] = minlen.group(1) if minlen else "1"
    assert lengths == {"p0": "1", "p1": "2", "p2": "1", "p3": "2", "p4": "1", "p5": "2"}


def _font_file(family: str) -> tuple[str, int]:
    """The file (and face index) fontconfig opens for ``family``."""
    import subprocess

    found = subprocess.run(["fc-match", "-f", "%{file}\n%{index}\n%{family}", family],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    return found[0], int(found[1] or 0)


def _cmap(family: str) -> set[int]:
    fonttools = pytest.importorskip("fontTools.ttLib")
    path, index = _font_file(family)
    font = (fonttools.TTCollection(path).fonts[index] if path.endswith((".ttc", ".otc"))
            else fonttools.TTFont(path))
    return set(font.getBestCmap())


def test_status_symbols_are_drawn_in_a_font_that_has_them(dossier) -> None:
    """Every glyph of a status, a legend line or an arrow is in one of the fonts the map of each
    language names (argmap.maps.fonts): the first family that has a character sets it."""
    import shutil

    from argmap.maps import fonts
    from argmap.maps.legend import _HEAD, _LINE
    from argmap.maps.style import DONE, SAID
    from argmap.words import TABLES

    if not shutil.which("fc-match"):
        pytest.skip("fontconfig is not installed")
    for lang in ("en", "ja"):
        used = {g for look in (*SAID.values(), *DONE.values()) for g in look.glyph}
        used |= {c for art in (*_LINE.values(), *_HEAD.values()) for c in art}
        # the words the maps draw: not the page's, the brief's or the site's (HTML, in a browser)
        used |= {c for key, w in TABLES[lang].items()
                 if not key.startswith(("page.", "brief.", "site."))
                 for c in w if not c.isascii() and not c.isalnum()}
        cmaps = [_cmap(f.family) for f in fonts.families(lang)]
        missing = sorted(c for c in used
                         if not c.isspace() and not any(ord(c) in cmap for cmap in cmaps))
        assert missing == [], f"{lang}: glyphs none of its fonts has: {missing}"
    assert 'fontname="Noto Sans,Noto Sans CJK JP"' in draw(dossier, "demands",
                                                         RenderOptions(lang="en")).source

def test_every_done_status_on_the_demands_map_has_its_action_drawn(example) -> None:
    """A demand shown "Not delivered" because of an action on a claim behind it: the action is
    drawn, with a line from the demand saying how it bears on it."""
    from argmap.dossier import Dossier
    from argmap.tracking import demand_status

    source = draw(example, "demands", RenderOptions(lang="en")).source
    for demand, status in demand_status(example).items():
        sources = {demand, *status.answers}
        for action in status.actions:
            assert re.search(rf'^\t"{re.escape(action)}" \[label=', source, re.M), action
            assert any(f'"{s}" -> "{action}"' in source for s in sources), (demand, action)
    # an action that bears on a claim behind a demand, not on the demand itself
    case = Dossier.model_validate({
        "actors": [{"id": "u", "name": "Union", "kind": "union"},
                   {"id": "m", "name": "Ministry", "kind": "ministry"}],
        "claims": [{"id": "c", "text": "Members' data must not go to the printer", "by": ["u"]}],
        "demands": [{"id": "d", "text": "Stop sending the data", "by": ["u"], "to": ["m"],
                     "date": "2019-07-18"}],
        "actions": [{"id": "a", "text": "Rules amended", "by": ["m"], "date": "2019-09-27",
                     "kind": "amendment",
                     "effects": [{"on": "c", "type": "contradicts"}]}],
        "relations": [{"id": "r", "from": "c", "to": "d", "type": "supports"}]})
    assert demand_status(case)["d"].actions == ("a",)
    line = next(x for x in draw(case, "demands", RenderOptions(lang="en")).source.splitlines()
                if x.startswith("\td -> a "))
    assert "contradicts (via a claim behind it)" in line and "Members&#39; data" in line


def test_demands_map_opens_with_a_summary_linked_to_each_demand(example) -> None:
    from argmap.tracking import demand_status

    source = draw(example, "demands", RenderOptions(lang="en")).source
    statuses = demand_status(example)
    label = re.search(r"^\tgraph \[.*?label=<(.*?)> labeljust", source, re.M | re.S).group(1)
    assert f"{len(statuses)} demands" in label
    accepted = sum(1 for s in statuses.values() if s.said.value == "accepted")
    assert f"{accepted} ✓ Accepted" in label
    for demand in statuses:
        assert f'HREF="#{demand}"' in label
        assert f'id="{demand}"' in _node_attrs(source, demand)
    ja = draw(example, "demands", RenderOptions(lang="ja")).source
    assert f"要求 {len(statuses)} 件" in ja


def test_the_summary_of_a_long_case_lists_forty_demands_and_counts_them_all() -> None:
    from argmap.dossier import Dossier
    from argmap.maps.views_demands import SUMMARY_ROWS

    n = SUMMARY_ROWS + 5
    d = Dossier.model_validate({
        "actors": [{"id": "m", "name": "M", "kind": "ministry"}],
        "demands": [{"id": f"d{i:02d}", "text": f"Demand {i}", "to": "m",
                     "date": f"2020-01-{1 + i % 28:02d}"} for i in range(n)]})
    label = draw(d, "demands", RenderOptions(lang="en")).graph_attr["label"]
    assert f"{n} demands" in label and f"{n} ⚠ No answer" in label  # all of them counted unanswered
    assert label.count('HREF="#d') == SUMMARY_ROWS and "… and 5 more" in label


# --- laid out by Graphviz: what the reader sees -------------------------------------------------

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")


def _layout(digraph) -> str:
    from argmap.maps import Map

    return Map(digraph).layout()


def _boxes(svg: str, kind: str) -> dict[str, tuple[float, float, float, float]]:
    """``{title: (left, top, right, bottom)}`` of each node or cluster of a laid-out SVG."""
    import html as _html

    found = {}
    for part in re.split(r'(?=<g id="[^"]*" class="(?:node|edge|cluster)">)', svg):
        head = re.match(rf'<g id="[^"]*" class="{kind}">\s*<title>(.*?)</title>', part)
        numbers = [float(n) for shape in re.findall(r'\s(?:points|d)="([^"]*)"', part)
                   for n in re.findall(r"-?\d+\.?\d*", shape)]
        if head and numbers:
            xs, ys = numbers[0::2], numbers[1::2]
            found[_html.unescape(head.group(1))] = (min(xs), min(ys), max(xs), max(ys))
    return found


def _meetings_top_down(svg: str) -> list[str]:
    clusters = _boxes(svg, "cluster")
    return sorted((n for n in clusters if n.startswith(("cluster_at__", "cluster_on__"))),
                  key=lambda n: clusters[n][1])


@pytest.mark.graphviz
@needs_dot
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_demands_map_reads_in_date_order_down_the_page(example, lang) -> None:
    """Meetings run from the earliest at the top to the latest (the undated last), and the
    demands of a meeting as the dossier lists them, though answers join different meetings."""
    svg = _layout(draw(example, "demands", RenderOptions(lang=lang)))
    order = _meetings_top_down(svg)
    events = {e.id: e for e in example.events}
    dates = []
    for name in order:
        ref = name.split("__")[1]
        dates.append(str(events[ref].date) if ref in events else ref)
    assert dates == sorted(dates) and dates[-1] == "9999-12-31"  # undated last
    assert "e-2019-07-23-mic-request" in order[order.index(
        "cluster_at__e-2019-07-18-federation-request") + 1]
    nodes = _boxes(svg, "node")
    listed = [d.id for d in example.demands if d.at == "e-2019-07-23-mic-request"]
    assert sorted(listed, key=lambda d: nodes[d][1]) == listed
    # the answer to demands of two meetings is still drawn from both
    assert {"d-2019-07-23-no-survey->resp-2019-10-15-no-competition",
            "d-2019-10-15-no-competition->resp-2019-10-15-no-competition"} <= set(
                _boxes(svg, "edge"))


def _tangled_case(seed: int):
    """Meetings listed out of order, answers and actions that join meetings far apart."""
    import random

    from argmap.dossier import Dossier

    rng = random.Random(seed)
    days = sorted(rng.sample(range(1, 360), 9))
    events = [{"id": f"e{i}", "date": (dt.date(2020, 1, 1) + dt.timedelta(days=d)).isoformat(),
               "kind": "request", "title": f"Meeting {i}"} for i, d in enumerate(days)]
    rng.shuffle(events)
    demands, responses, actions = [], [], []
    for i in range(9):
        for j in range(rng.randint(1, 3)):
            demands.append({"id": f"d{i}-{j}", "text": f"Demand {j} of meeting {i}", "by": "u",
                            "to": "m", "at": f"e{i}"})
    for k in range(12):
        late = rng.randint(1, 8)
        early = rng.randint(0, late - 1)
        to = sorted({f"d{early}-0", f"d{late}-0"})
        responses.append({"id": f"r{k}", "by": "m", "to": to, "at": f"e{late}",
                          "said": rng.choice(["refused", "accepted", "deflected"])})
    for k in range(4):
        on = sorted({f"d{rng.randint(0, 8)}-0", f"d{rng.randint(0, 8)}-0"})
        actions.append({"id": f"a{k}", "text": f"Action {k}", "by": ["m"], "date": "2021-03-01",
                        "kind": "amendment", "effects": [{"on": d, "type": "fulfils"} for d in on]})
    return Dossier.model_validate({
        "actors": [{"id": "u", "name": "Union", "kind": "union"},
                   {"id": "m", "name": "Ministry", "kind": "ministry"}],
        "events": events, "demands": demands, "responses": responses, "actions": actions})


@pytest.mark.graphviz
@needs_dot
@pytest.mark.parametrize("seed", range(4))
def test_meetings_stay_in_date_order_however_answers_join_them(seed) -> None:
    case = _tangled_case(seed)
    svg = _layout(draw(case, "demands", RenderOptions(lang="en")))
    dates = {e.id: e.date for e in case.events}
    order = [name.split("__")[1] for name in _meetings_top_down(svg)]
    assert [dates[e] for e in order] == sorted(dates.values())
    nodes, lines = _boxes(svg, "node"), set(_boxes(svg, "edge"))
    for r in case.responses:  # every answer drawn, and every line to it
        assert r.id in nodes and {f"{d}->{r.id}" for d in r.to} <= lines


@pytest.mark.graphviz
@needs_dot
@pytest.mark.parametrize("seed", range(2))
def test_a_large_map_keeps_its_meetings_in_date_order_in_boxes(monkeypatch, seed) -> None:
    """A map of more meetings than views_demands.BANDS_PER_BOX holds them in unseen boxes (dot
    lays out thousands of side-by-side boxes in quadratic time): the meetings still read in date
    order down the page, across the boxes too, with every answer drawn."""
    from argmap.maps import views_demands

    monkeypatch.setattr(views_demands, "BANDS_PER_BOX", 2)  # 9 meetings: 5 boxes
    case = _tangled_case(seed)
    dot = draw(case, "demands", RenderOptions(lang="en")).source
    assert dot.count("subgraph cluster_bands_") == 5
    # top to bottom, dot would reorder a box's bands: such a map keeps one level of bands
    assert "cluster_bands_" not in draw(case, "demands",
                                        RenderOptions(lang="en", rankdir="TB")).source
    svg = _layout(draw(case, "demands", RenderOptions(lang="en")))
    dates = {e.id: e.date for e in case.events}
    order = [name.split("__")[1] for name in _meetings_top_down(svg)]
    assert [dates[e] for e in order] == sorted(dates.values())
    nodes, lines = _boxes(svg, "node"), set(_boxes(svg, "edge"))
    for r in case.responses:
        assert r.id in nodes and {f"{d}->{r.id}" for d in r.to} <= lines


#: The measure of a page: at 96 dpi (4/3 px a point) at most this many px on its long side,
#: with the text of every item at least 10 px.
LONG_SIDE_PX = 2500
BODY_PX = 10.0


def _size_px(svg: str) -> tuple[float, float]:
    width, height = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups()
    return float(width) * 4 / 3, float(height) * 4 / 3


def _item_text_px(svg: str) -> list[float]:
    """The size in px (96 dpi) of every text inside an item's box."""
    sizes = []
    for part in re.split(r'(?=<g id="[^"]*" class="(?:node|edge|cluster)">)', svg):
        if re.match(r'<g id="[^"]*" class="node">\s*<title>(?!_)', part):
            sizes += [float(s) * 4 / 3 for s in re.findall(r'<text[^>]*font-size="([\d.]+)"', part)]
    return sizes


def _node_names(svg: str) -> set[str]:
    import html as _html

    return {_html.unescape(n) for n in re.findall(
        r'<g id="[^"]*" class="node">\s*<title>(.*?)</title>', svg)}


def _drawn_items(svg: str) -> set[str]:
    return {n for n in _node_names(svg) if not n.startswith("_")}


def _check_pages(case, view: str, lang: str = "en") -> list[str]:
    from argmap.maps import draw_pages

    svgs = [_layout(g) for g in draw_pages(case, view, RenderOptions(lang=lang))]
    for k, svg in enumerate(svgs, 1):
        width, height = _size_px(svg)
        assert max(width, height) <= LONG_SIDE_PX, (view, lang, k, width, height)
        sizes = _item_text_px(svg)
        assert sizes and min(sizes) >= BODY_PX, (view, lang, k, min(sizes))
    return svgs


@pytest.mark.graphviz
@needs_dot
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_argument_of_the_example_comes_in_pages_that_each_fit_the_measure(example, lang):
    from argmap.maps.views_arguments import case_of

    svgs = _check_pages(example, "arguments", lang)
    assert len(svgs) > 1 and "page 1 of" in svgs[0] if lang == "en" else "1/" in svgs[0]
    # page 1 is the overview: every line of argument by its first claims, with where it goes on
    case = case_of(example, RenderOptions(lang=lang))
    heads = {m for g in case.groups if g.kind not in ("apart", "loose")
             for m in g.members if g.depth[m] == 1}
    assert heads <= _drawn_items(svgs[0]) and set(case.mains) <= _drawn_items(svgs[0])
    # and every item is drawn in full on a page after it
    everything = {i for g in case.groups for i in g.members if i in example}
    assert everything <= set().union(*(_drawn_items(svg) for svg in svgs[1:]))
    whole = _layout(draw(example, "arguments", RenderOptions(lang=lang)))
    assert _drawn_items(whole) == set().union(*(_drawn_items(svg) for svg in svgs))


@pytest.mark.graphviz
@needs_dot
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_demands_map_comes_in_pages_of_meetings_in_date_order(example, lang):
    from argmap.maps import draw_pages

    graphs = draw_pages(example, "demands", RenderOptions(lang=lang))
    svgs = _check_pages(example, "demands", lang)  # each at most 2,500 px, text 10 px or more
    whole = _layout(draw(example, "demands", RenderOptions(lang=lang)))
    assert len(svgs) > 1
    # the meetings in date order, each on one page, and every demand on one page
    assert [m for svg in svgs for m in _meetings_top_down(svg)] == _meetings_top_down(whole)
    demands = [sorted(i for i in _drawn_items(svg) if example.kind_of(i) == "demand")
               for svg in svgs]
    assert sorted(sum(demands, [])) == sorted(d.id for d in example.demands)
    # the summary of every demand on the first page, the legend on every page
    links = [g.graph_attr["label"].count('HREF="#') for g in graphs]
    assert links == [len(example.demands)] + [0] * (len(graphs) - 1)
    assert all("cluster__legend" in g.source for g in graphs)
    assert ("page 1 of" in graphs[0].graph_attr["label"]) == (lang == "en")
    # each page names the dates it covers; the undated demands come last and are said to be
    # undated, never "to undated"
    undated = {"en": "undated", "ja": "日付不明"}[lang]
    assert undated in graphs[-1].graph_attr["label"]
    assert all(f"to {undated}" not in g.graph_attr["label"]
               and f"〜{undated}" not in g.graph_attr["label"] for g in graphs)


@pytest.mark.graphviz
@needs_dot
def test_a_meeting_too_large_for_a_page_is_cut_between_its_demands() -> None:
    from argmap.dossier import Dossier
    from argmap.maps import draw_pages

    case = Dossier.model_validate({
        "actors": [{"id": "m", "name": "Ministry", "kind": "ministry"},
                   {"id": "u", "name": "Union", "kind": "union"}],
        "events": [{"id": "e1", "date": "2024-05-01", "kind": "meeting",
                    "title": "Spring talks", "participants": ["u", "m"]}],
        "demands": [{"id": f"d{i:02}", "text": f"Demand {i}: " + "keep the card voluntary " * 3,
                     "by": "u", "to": "m", "at": "e1"} for i in range(40)]})
    graphs = draw_pages(case, "demands", RenderOptions(lang="en"))
    svgs = _check_pages(case, "demands")
    assert len(svgs) > 2
    drawn = [sorted(_drawn_items(svg)) for svg in svgs]
    assert sum(drawn, []) == [f"d{i:02}" for i in range(40)]  # in the dossier's order
    assert all("Spring talks" in g.source for g in graphs)  # each part under its meeting


def _big_argument():
    """One main position with 30 lines of argument, one of them of 70 items in three levels,
    20 arguments apart and 15 items linked to nothing."""
    import random

    from argmap.dossier import Dossier

    rng = random.Random(7)
    words = "the card the ministry staff data rules union survey consent office".split()
    claims = [{"id": "main", "text": "The main position of the case", "main": True}]
    relations = []

    def claim(cid: str, to: str, kind: str = "supports") -> None:
        claims.append({"id": cid, "text": " ".join(rng.choice(words) for _ in range(18))})
        relations.append({"id": f"r-{cid}", "from": cid, "to": to, "type": kind})

    for i in range(30):
        claim(f"h{i}", "main", "attacks" if i % 4 == 0 else "supports")
        for j in range(rng.randint(0, 6)):
            claim(f"h{i}-{j}", f"h{i}")
    claim("big", "main")
    for j in range(10):
        claim(f"big-{j}", "big")
        for k in range(6):
            claim(f"big-{j}-{k}", f"big-{j}", "attacks" if k == 5 else "supports")
    demands = []
    for i in range(20):
        demands.append({"id": f"d{i}", "text": f"Demand {i} " + " ".join(words[:8]), "to": "m"})
        claim(f"why{i}", f"d{i}")
    demands += [{"id": f"lone{i}", "text": f"An item linked to nothing {i}", "to": "m"}
                for i in range(15)]
    return Dossier.model_validate({"actors": [{"id": "m", "name": "Ministry", "kind": "ministry"}],
                                   "claims": claims, "demands": demands,
                                   "relations": relations})


@pytest.mark.graphviz
@needs_dot
def test_a_case_of_any_size_comes_in_pages_that_each_fit_the_measure() -> None:
    case = _big_argument()
    svgs = _check_pages(case, "arguments")
    drawn = [_drawn_items(svg) for svg in svgs]
    assert {c.id for c in case.claims} | {d.id for d in case.demands} <= set().union(*drawn)
    # the line of 70 items is cut: a page with its first claim in the middle and its own lines
    inside = [k for k, svg in enumerate(svgs) if "inside one line of argument" in svg]
    assert inside and {"big", "big-0", "big-9"} <= drawn[inside[0]]
    assert not any("big-0-0" in d and "main" in d for d in drawn)


@pytest.mark.graphviz
@needs_dot
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_timeline_prints_as_periods_with_the_lanes_on_every_page(example, lang):
    from argmap.maps import draw_pages

    graphs = draw_pages(example, "timeline", RenderOptions(lang=lang))
    svgs = _check_pages(example, "timeline", lang)  # each at most 2,500 px, text 10 px or more
    whole = draw(example, "timeline", RenderOptions(lang=lang)).source
    lanes = re.findall(r'^\t"?(_lane__[^\s"]+)"? \[', whole, re.M)
    assert len(svgs) > 1 and lanes
    seen: list[str] = []
    for svg in svgs:
        width, height = _size_px(svg)
        assert height <= width * 0.75 and min(_item_text_px(svg)) >= BODY_PX  # a landscape sheet
        assert set(lanes) <= _node_names(svg)  # the lane headings, repeated
        seen += sorted(_drawn_items(svg))
    days = re.findall(r'^\t"?_day__([\d-]+)"? \[', whole, re.M)
    pages_days = [re.findall(r'^\t"?_day__([\d-]+)"? \[', g.source, re.M) for g in graphs]
    assert [d for page in pages_days for d in page] == days  # in order, each on one page
    assert sorted(seen) == sorted(_drawn_items(_layout(draw(example, "timeline",
                                                            RenderOptions(lang=lang)))))
    assert "2013" in graphs[0].graph_attr["label"] and "cluster__legend" in graphs[0].source
    assert "cluster__legend" not in graphs[1].source


@pytest.mark.graphviz
@needs_dot
def test_build_writes_the_pages_as_png_and_one_pdf_to_print(example, tmp_path) -> None:
    from pypdf import PdfReader

    from argmap.maps import draw_pages
    from argmap.maps.backend import run
    from argmap.outputs import build

    (tmp_path / "case-timeline-en-p99.png").write_bytes(b"left from an earlier build")
    (tmp_path / "case-timeline-en.png").write_bytes(b"left from an earlier build")
    written = build(example, tmp_path, stem="case", langs=("en",), formats=("png", "pdf"))
    names = sorted(p.name for p in written)
    for view in ("demands", "arguments", "timeline"):
        graphs = draw_pages(example, view, RenderOptions(lang="en"))
        pages = [f"case-{view}-en-p{k}.png" for k in range(1, len(graphs) + 1)]
        assert set(pages) <= set(names) and f"case-{view}-en.png" not in names
        # laid out in one run of Graphviz, the same image as each page on its own
        assert (tmp_path / pages[-1]).read_bytes() == run(graphs[-1].source, "png",
                                                          graphs[-1].engine)
        pdf = PdfReader(tmp_path / f"case-{view}-en.pdf")
        assert len(pdf.pages) == len(graphs)
    assert not (tmp_path / "case-timeline-en-p99.png").exists()  # an earlier build's, gone
    assert not (tmp_path / "case-timeline-en.png").exists()
    again = build(example, tmp_path / "again", stem="case", langs=("en",), formats=("pdf",))
    assert all(p.read_bytes() == (tmp_path / p.name).read_bytes() for p in again
               if p.suffix == ".pdf")  # the same bytes every time


@pytest.mark.graphviz
@needs_dot
def test_the_timeline_legend_reads_from_its_title_down(dossier) -> None:
    svg = _layout(draw(dossier, "timeline", RenderOptions(lang="en")))
    table = re.search(r"<title>_legend__table</title>(.*?)</g>", svg, re.S).group(1)
    texts = re.findall(r'<text[^>]* y="(-?[\d.]+)"[^>]*>([^<]*)</text>', table)
    shapes = [box for name, box in _boxes(svg, "node").items()
              if name.startswith("_legend__kind_")]
    assert texts[0][1] == "Legend" and len(texts) > 10 and len(shapes) == 6
    # the title first, then the table's rows, then the sample shapes: nothing overlaps
    assert max(float(y) for y, _ in texts) < min(top for _, top, _, _ in shapes)


def test_maps_write_figures_as_the_brief_does_and_titles_whole(example) -> None:
    source = draw(example, "arguments", RenderOptions(lang="en")).source
    assert "18,233,942 cards" in source and "9.7%" in source and "e+07" not in source
    title = re.search(r"label=<(.*?)> labeljust", source.split("\n", 2)[1]).group(1)
    words = re.findall(r'POINT-SIZE="18"><B>(.*?)</B>', title)
    assert len(words) == 2 and "…" not in title
    assert " ".join(words).replace("&#39;", "'") == example.info.title["en"]


def test_a_demand_owed_no_answer_says_so_on_the_map() -> None:
    from argmap.dossier import Dossier

    case = Dossier.model_validate({
        "actors": [{"id": "p", "name": "Petitioners", "kind": "group"},
                   {"id": "g", "name": "Government", "kind": "government"}],
        "demands": [{"id": "small", "text": "A petition short of the threshold", "by": "p",
                     "to": "g", "date": "2020-01-01", "tags": ["no-answer-due"]}]})
    source = draw(case, "demands", RenderOptions(lang="en")).source
    placeholder = re.search(r'^\t+"?_noanswer__small"? \[label=<(.*)$', source, re.M).group(1)
    assert "No answer" in placeholder and "no answer due" in placeholder
