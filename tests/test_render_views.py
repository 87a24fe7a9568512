"""The views as DOT: goldens, determinism, options (as_of, focus, kinds, language, scheme)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
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
    assert "Reason · 1 items" in source and "Objection" in source
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
    labels = dict(re.findall(r'^\t"_day__([\d-]+)" \[label=<<B>([\d-]+)</B>>', source, re.M))
    assert labels["2013-01-01"] == "2013" and labels["2017-11-01"] == "2017-11"
    assert labels["2019-07-23"] == "2019-07-23"


def test_as_of_hides_later_answers_and_actions(dossier) -> None:
    source = draw(dossier, "demands", RenderOptions(lang="en", as_of="2023-06-10")).source
    assert '"r-force"' in source and '"a-survey"' not in source and '"d-keep-card"' not in source
    assert "as of 2023-06-10" in source
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
