"""The tracker site as files: every page there, what the scorecards count, escaping, the
Content-Security-Policy, and a site that is replaced whole or not at all. (In Chromium:
test_site_browser.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.errors import FileError
from argmap.formats import read_file
from argmap.io.files import load
from argmap.page.build import csp_hash
from argmap.site import MARKER, build_site
from argmap.site.chart import nice_step
from argmap.site.context import Site
from argmap.site.tally import Case, DemandRef, actor_records, answers_over_time, scorecard
from argmap.tracking import demand_status

FIXTURES = Path(__file__).parent / "fixtures"
PETITIONS = FIXTURES / "uk-petitions" / "list.json"
HOSTILE = FIXTURES / "page" / "hostile.yaml"

pytestmark = pytest.mark.graphviz  # each case's map page is drawn with Graphviz


@pytest.fixture(scope="module")
def cases(example):
    return [("mynumber-card", example), ("petitions", read_file(PETITIONS).dossier),
            ("hostile", load(HOSTILE))]


@pytest.fixture(scope="module")
def site(tmp_path_factory, cases):
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(cases, out)
    return out, result


def _pages(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in root.rglob("*.html")}


def test_every_page_is_there(site, cases):
    root, result = site
    pages = _pages(root)
    assert {"index.html", "search.html", "actors.html"} <= set(pages)
    for name, dossier in cases:
        assert f"cases/{name}/index.html" in pages
        assert f"cases/{name}/map.html" in pages
        for demand in dossier.demands:
            assert f"cases/{name}/d/{demand.id}.html" in pages
    assert "actors/mic.html" in pages and "actors/uk-government.html" in pages
    assert "actors/department-for-transport.html" in pages
    # petitioners who made one demand have no page of their own: their demand's page says it all
    assert "actors/petitioners-300001.html" not in pages
    assert result.maps == 3 and result.pages == len(pages)
    assert (root / MARKER).exists()


def test_links_between_pages_resolve(site):
    root, _ = site
    for rel, text in _pages(root).items():
        if rel.endswith("map.html"):
            continue  # the interactive map page links nowhere (tests/test_page.py)
        here = (root / rel).parent
        for href in re.findall(r'<a\s[^>]*href="([^"#]*)(?:#[^"]*)?"', text):
            if not href:
                continue
            if href.startswith(("http://", "https://")):
                continue
            assert (here / href).resolve().exists(), (rel, href)


def test_policy_allows_only_the_pages_own_script_and_style(site):
    root, _ = site
    for rel, text in _pages(root).items():
        if rel.endswith("map.html"):
            continue  # the interactive map page has its own policy (tests/test_page.py)
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
        assert policy, rel
        csp = policy.group(1).replace("&#x27;", "'")
        assert csp.startswith("default-src 'none'")
        script = re.search(r"<script>(.*?)</script>", text, re.DOTALL).group(1)
        style = re.search(r"<style>(.*?)</style>", text, re.DOTALL).group(1)
        assert f"script-src {csp_hash(script)};" in csp, rel
        assert f"style-src {csp_hash(style)};" in csp, rel
        assert not re.search(r"<(script|img|iframe|link)[^>]*\ssrc=", text), rel
        assert 'rel="stylesheet"' not in text and " style=" not in text, rel


def test_hostile_text_is_escaped_and_never_a_link(site):
    root, _ = site
    page = (root / "cases/hostile/d/d-evil.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    for rel, text in _pages(root).items():
        if rel.endswith("map.html"):
            continue  # the interactive map page: tests/test_page_browser.py
        assert not re.search(r'<a\s[^>]*href="\s*javascript', text), rel
        assert not re.search(r"<[a-z]+\s[^>]*\son[a-z]+=", text), rel  # no handler attribute
        assert "<img" not in text and "<iframe" not in text and "<svg onload" not in text, rel


def test_scorecards_count_what_the_library_says(example):
    case = Case.of("mynumber-card", example)
    records = actor_records([case])
    statuses = demand_status(example, today=case.judged_on)
    mic = records["mic"]
    family = {"mic"} | {a.id for a in example.actors if a.parent == "mic"}
    mine = [s for s in statuses.values() if family & set(s.to)]
    card = scorecard(mic.received)
    assert card.received == len(mine) > 0
    assert card.answered == sum(1 for s in mine if s.answers)
    assert card.on_paper == sum(1 for s in mine if s.on_paper)
    assert card.kept == sum(1 for s in mine if s.done.value == "delivered")
    assert sum(card.said.values()) == card.received
    _, bins = answers_over_time(mic)
    answers = {r for s in mine for r in s.answers if example.date_of(r) is not None}
    assert sum(sum(b.said.values()) for b in bins) == len(answers)
    assert sum(b.received for b in bins) == sum(1 for s in mine if s.made is not None)


def test_rejected_petitions_are_counted_apart():
    dossier = read_file(PETITIONS).dossier
    case = Case.of("petitions", dossier)
    refs = [DemandRef(case, s) for s in case.statuses.values()]
    card = scorecard(refs)
    assert (card.received, card.turned_away, card.answered, card.not_yet_rated) == (2, 1, 2, 2)
    assert card.on_paper == 0 and card.share(card.not_yet_rated) == 1.0
    # the department received the petition it answered; the government counts it too
    records = actor_records([case])
    assert [r.id for r in records["department-for-transport"].received] == ["petition-300003"]
    assert len(records["uk-government"].received) == 3


def test_demand_page_shows_the_record(site):
    root, _ = site
    page = (root / "cases/petitions/d/petition-300001.html").read_text(encoding="utf-8")
    assert "Fund free legal advice for every tenant facing eviction" in page
    assert "Legal aid remains available where a home is at immediate risk." in page  # verbatim
    assert 'class="badge said-not_yet_rated"' in page and "not yet rated" in page
    assert "Ministry of Justice" in page and "2018-03-01" in page
    assert "decided not to debate" in page  # on file from the same place
    rejected = (root / "cases/petitions/d/petition-300002.html").read_text(encoding="utf-8")
    assert "Turned away before it reached the addressee" in rejected
    assert "rejected by the Petitions Committee" in rejected
    assert 'badge said-refused' not in rejected
    example = (root / "cases/mynumber-card/d/d-2019-07-23-no-compulsion.html").read_text(
        encoding="utf-8")
    assert "¶" in example and 'class="stack history"' in example


def test_actor_page_has_scorecard_chart_and_figures(site):
    root, _ = site
    page = (root / "actors/mic.html").read_text(encoding="utf-8")
    assert 'class="scorecard"' in page and "Median" not in page.split("<main")[0]
    assert '<svg class="chart"' in page and "<title>" in page
    assert "Days to an answer (median)" in page


def test_site_is_deterministic_and_replaced_whole(tmp_path, cases):
    first, second = tmp_path / "a", tmp_path / "b"
    build_site(cases[:2], first)
    build_site(cases[:2], second)
    assert _pages(first) == _pages(second)
    build_site(cases[:1], first)  # a site written before is replaced
    assert not (first / "cases" / "petitions").exists()
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    with pytest.raises(FileError, match="not a site argmap wrote"):
        build_site(cases[:1], mine)
    assert (mine / "notes.txt").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "mine"]


def test_big_cases_get_a_note_instead_of_a_map(tmp_path, example):
    result = build_site([("case", example)], tmp_path / "s", map_max_nodes=5)
    assert result.maps == 0 and "more than the 5" in result.notes[0]
    page = (tmp_path / "s/cases/case/index.html").read_text(encoding="utf-8")
    assert "No map: this case has" in page and not (tmp_path / "s/cases/case/map.html").exists()


def test_cli_site(tmp_path):
    example = Path(__file__).resolve().parents[1] / "claims" / "mynumber-card.yaml"
    runner = CliRunner()
    petitions = tmp_path / "petitions.yaml"
    assert runner.invoke(cli, ["import", str(PETITIONS), "-o", str(petitions)]).exit_code == 0
    done = runner.invoke(cli, ["site", str(example), str(petitions), "-o", str(tmp_path / "s")])
    assert done.exit_code == 0, done.output
    assert "pages (2 maps)" in done.stdout
    assert (tmp_path / "s" / "cases" / "petitions" / "index.html").exists()
    done = runner.invoke(cli, ["site", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "t")])
    assert done.exit_code == 1 and "no such file" in done.stderr
    assert not (tmp_path / "t").exists()


def test_site_language(tmp_path, example):
    build_site([("case", example)], tmp_path / "ja", lang="ja")
    page = (tmp_path / "ja/index.html").read_text(encoding="utf-8")
    assert '<html lang="ja">' in page and "要求と回答の記録" in page
    assert "マイナンバー" in (tmp_path / "ja/cases/case/index.html").read_text(encoding="utf-8")


def test_nice_steps():
    assert [nice_step(n) for n in (1, 5, 6, 10, 99, 250, 10_000)] == [1, 1, 2, 2, 20, 50, 2000]


def test_site_names_and_paths(example):
    site = Site([Case.of("c", example)], "en")
    assert site.actor_path("mic", 2) == "actors/mic~2.html"  # never another actor's page
    assert site.name("mic") == "Ministry of Internal Affairs and Communications"
