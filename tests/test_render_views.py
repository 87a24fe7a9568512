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
from argmap.maps import ALL_VIEWS, RenderOptions, draw, focus, layout_settings
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


@pytest.mark.parametrize("view", ALL_VIEWS)
def test_same_input_gives_the_same_dot(dossier, view: str) -> None:
    first = draw(dossier, view, RenderOptions(lang="ja")).source
    assert first == draw(dossier, view, RenderOptions(lang="ja")).source
    assert "graphviz version" not in first and str(dt.date.today().year + 1) not in first


@pytest.mark.parametrize("view", ALL_VIEWS)
def test_a_graph_draws_like_its_dossier(dossier, view: str) -> None:
    options = RenderOptions(lang="en")
    assert draw(build_graph(dossier), view, options).source == draw(dossier, view, options).source


def test_unanswered_demand_is_loud(dossier) -> None:
    source = draw(dossier, "demands", RenderOptions(lang="en")).source
    attrs = _node_attrs(source, "d-leak-report")
    assert "peripheries=2" in attrs and "penwidth=3.0" in attrs and VERMILLION in attrs
    assert "⚠ No answer" in attrs and "overdue" in attrs
    assert '"d-leak-report" -> "_noanswer__d-leak-report"' in source
    answered = _node_attrs(source, "d-no-force")
    assert "peripheries=1" in answered and "✓ Accepted" in answered and "● Delivered" in answered


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
    assert '"c-pressure" -> "rel-survey"' in source and '"c-main" -> "rel-survey"' in source
    top = re.search(r"\{\s*rank=max(.*?)\}", source, re.S)
    assert top and '"c-main"' in top.group(1) and '"c-gov"' in top.group(1)
    assert "★ main position" in source and "Union" in _node_attrs(source, "c-main")


def test_timeline_puts_same_day_items_on_one_rank(dossier) -> None:
    source = draw(dossier, "timeline", RenderOptions(lang="en")).source
    block = re.search(r"\{\s*rank=same\s*\"_day__2023-06-01\"(.*?)\n\t\}", source, re.S)
    assert block and '"r-force"' in block.group(1) and '"r-survey"' in block.group(1)
    days = re.findall(r'^\t+"_day__(\d{4}-\d\d-\d\d)" \[label', source, re.M)
    assert days == sorted(days) and len(days) == len(set(days))


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


def test_a_crowd_of_leaf_premises_is_spread_over_three_ranks() -> None:
    from argmap.dossier import Dossier
    from argmap.maps import arguments

    claims = [{"id": "c", "text": "main", "main": True}] + [
        {"id": f"p{i}", "text": f"premise {i}"} for i in range(6)]
    relations = [{"id": f"r{i}", "from": f"p{i}", "to": "c", "type": "supports"}
                 for i in range(6)]
    source = arguments(Dossier.model_validate({"claims": claims, "relations": relations})).source
    lengths = {line.split()[0]: line.split("minlen=")[1].split()[0].strip("]")
               for line in source.splitlines() if "-> c" in line and "minlen=" in line}
    assert lengths == {"p0": "1", "p1": "2", "p2": "3", "p3": "1", "p4": "2", "p5": "3"}
