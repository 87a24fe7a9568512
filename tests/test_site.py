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
from argmap.model import said_for
from argmap.page.build import csp_hash
from argmap.site import MARKER, build_site
from argmap.site.chart import nice_step
from argmap.site.context import Site
from argmap.site.tally import Case, DemandRef, actor_records, answers_over_time, scorecard
from argmap.tracking import demand_status

FIXTURES = Path(__file__).parent / "fixtures"
PETITIONS = FIXTURES / "uk-petitions" / "list.json"
HOSTILE = FIXTURES / "page" / "hostile.yaml"
UNDATED = FIXTURES / "site" / "undated.yaml"

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
    # an answer counts once for each thing it said to the actor's demands
    said = {(r, said_for(example.find(r), s.demand)) for s in mine for r in s.answers
            if example.date_of(r) is not None}
    assert sum(sum(b.said.values()) for b in bins) == len(said)
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
    assert "Ministry of Justice" in page and "1 March 2018" in page  # dates in the site's words
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
    # an actor's kind in the site's language, for every kind there is
    assert "種類：省庁" in (tmp_path / "ja/actors/mic.html").read_text(encoding="utf-8")
    from argmap.vocab import ActorKind
    from argmap.words import TABLES

    for lang in ("en", "ja"):
        assert all(f"site.actor.kind.{k.value}" in TABLES[lang] for k in ActorKind), lang


def test_nice_steps():
    assert [nice_step(n) for n in (1, 5, 6, 10, 99, 250, 10_000)] == [1, 1, 2, 2, 20, 50, 2000]


def test_site_names_and_paths(example):
    site = Site([Case.of("c", example)], "en")
    assert site.actor_path("mic", 2) == "actors/mic~2.html"  # never another actor's page
    assert site.name("mic") == "Ministry of Internal Affairs and Communications"


# --- an answer that says different things to different demands --------------------------------


def _answer_head(page: str, answer: str) -> str:
    found = re.search(rf'<article class="answer" id="{answer}"><h3[^>]*>(.*?)</h3>', page)
    assert found, answer
    return found.group(1)


def _status_now(page: str) -> str:
    return re.search(r'<section class="now".*?</section>', page, re.DOTALL).group(0)


def test_each_demand_page_shows_what_the_answer_said_to_it(site):
    """The Federation's answer of 18 July deflected one demand and refused the other: each
    demand's page gives what was said to it, and names the other with what was said to that."""
    root, _ = site
    folder = root / "cases/mynumber-card/d"
    kanshou = (folder / "d-2019-07-18-kanshou.html").read_text(encoding="utf-8")
    data = (folder / "d-2019-07-18-data-diversion.html").read_text(encoding="utf-8")
    answer = "resp-2019-07-18-federation"
    assert "said-deflected" in _answer_head(kanshou, answer)
    assert "said-refused" not in _answer_head(kanshou, answer)
    assert "said-refused" in _answer_head(data, answer)
    assert "said-deflected" not in _answer_head(data, answer)
    assert "said-deflected" in _status_now(kanshou) and "said-refused" in _status_now(data)
    for page, other, said in ((kanshou, "d-2019-07-18-data-diversion", "refused"),
                              (data, "d-2019-07-18-kanshou", "deflected")):
        also = re.search(r'<div class="also">(.*?)</div>', page).group(1)
        assert "Also an answer to" in also
        assert re.search(rf'badge said-{said}">[^<]*</span> <a href="[./]*cases/mynumber-card/d/'
                         rf'{other}.html">', also), also
    # the MIC's answer of 15 October accepted one demand and refused an older one
    answer = "resp-2019-10-15-no-competition"
    for demand, said in (("d-2019-10-15-no-competition", "accepted"),
                         ("d-2019-07-23-no-survey", "refused")):
        page = (folder / f"{demand}.html").read_text(encoding="utf-8")
        assert f"said-{said}" in _answer_head(page, answer), demand
    # an answer to one demand alone names no other
    plain = (folder / "d-2019-07-23-no-compulsion.html").read_text(encoding="utf-8")
    assert '<div class="also">' not in plain


def test_scorecards_count_what_was_said_to_each_demand(example):
    case = Case.of("mynumber-card", example)
    records = actor_records([case])
    federation = scorecard(records["federation"].received)
    assert federation.received == 2 and federation.said == {"deflected": 1, "refused": 1}
    assert federation.on_paper == 1  # the deflected one; a refusal is not an answer on paper
    _, bins = answers_over_time(records["federation"])
    assert [(b.label, b.received, b.said) for b in bins] == [
        ("2019-07", 2, {"deflected": 1, "refused": 1})]
    _, bins = answers_over_time(records["mic"])
    october = next(b for b in bins if b.label == "2019-10")
    assert october.said["refused"] == 1  # what the 15 October answer said to the older demand


def test_search_gives_each_demand_what_was_said_to_it(site):
    import json

    root, _ = site
    page = (root / "search.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="site-index">(.*?)</script>', page,
                      re.DOTALL).group(1)
    entries = {e[1]: e for e in json.loads(block)["entries"]}
    base = "cases/mynumber-card/d/"
    assert entries[base + "d-2019-07-18-kanshou.html"][4] == "deflected"
    assert entries[base + "d-2019-07-18-data-diversion.html"][4] == "refused"


# --- items the source does not date ------------------------------------------------------------


def test_undated_items_are_shown_undated(tmp_path):
    """An undated action and event: on the demand's page, in its history and among the items
    from the same place, as "undated" (no date made up); a figure known to the month reads as
    that month."""
    result = build_site([("undated", load(UNDATED))], tmp_path / "s")
    assert result.maps == 1
    folder = tmp_path / "s/cases/undated/d"
    data = (folder / "d-data.html").read_text(encoding="utf-8")
    history = re.search(r'<table class="stack history">.*?</table>', data, re.DOTALL).group(0)
    rows = re.findall(r"<tr>(.*?)</tr>", history.split("<tbody>")[1], re.DOTALL)
    assert "undated" in rows[0] and "not_delivered" in rows[0]  # the undated action
    assert "18 July 2019" in rows[1] and "said-refused" in rows[1]
    action = re.search(r'<article class="action">(.*?)</article>', data, re.DOTALL).group(1)
    assert '<span class="date">undated</span>' in action
    stance = (folder / "d-stance.html").read_text(encoding="utf-8")
    related = re.search(r'<ul class="related">(.*?)</ul>', stance, re.DOTALL).group(1)
    assert '<span class="date">undated</span> <span class="kind">Event</span>' in related
    assert '<span class="date">as of November 2019</span>' in related  # not 1 November 2019


def test_a_case_with_no_date_at_all_still_shows_each_status(tmp_path):
    text = UNDATED.read_text(encoding="utf-8")
    text = text.replace("date: 2019-07-18, ", "").replace(
        ", as_of: 2019-11-01, as_of_precision: month", "")
    path = tmp_path / "nodates.yaml"
    path.write_text(text, encoding="utf-8")
    build_site([("nodates", load(path))], tmp_path / "s")
    page = (tmp_path / "s/cases/nodates/d/d-data.html").read_text(encoding="utf-8")
    now = _status_now(page)
    assert "said-refused" in now and "done-not_delivered" in now and "Statuses as of" not in now
    assert "2019" not in page.split("<main")[1]


# --- demands owed no answer --------------------------------------------------------------------


def test_a_petition_owed_no_answer_is_counted_apart_never_as_unanswered(tmp_path):
    """A petition short of the 10,000 signatures at which the government responds got no
    answer because none was due: it is shown as such, and left out of the shares."""
    dossier = read_file(FIXTURES / "uk-petitions" / "folder").dossier
    case = Case.of("p", dossier)
    card = scorecard(DemandRef(case, s) for s in case.statuses.values())
    assert (card.received, card.not_due, card.answered, card.unanswered) == (1, 1, 1, 0)
    assert card.share(card.answered) == 1.0
    _, bins = answers_over_time(actor_records([case])["uk-government"])
    assert sum(b.received for b in bins) == 1  # the chart leaves it out too
    build_site([("p", dossier)], tmp_path / "s")
    page = (tmp_path / "s/cases/p/d/petition-300004.html").read_text(encoding="utf-8")
    now = _status_now(page)
    assert "No answer due" in now and "said-no_response" not in now
    assert "No answer was due to this demand" in page
    assert "it had 120 as of 2019-01-20" in page  # the importer's note says why
    index = (tmp_path / "s/index.html").read_text(encoding="utf-8")
    assert "+1 with no answer due" in index
    actor = (tmp_path / "s/actors/uk-government.html").read_text(encoding="utf-8")
    assert "1 more to which no answer was due" in actor
    listed = re.search(r'<a href="[^"]*petition-300004.html">.*?</tr>', actor, re.DOTALL).group(0)
    assert "No answer due" in listed and "said-no_response" not in listed
    search = (tmp_path / "s/search.html").read_text(encoding="utf-8")
    assert "— No answer due" in search


def test_relations_on_file_from_the_same_place_say_what_they_join(site):
    root, _ = site
    page = (root / "cases/mynumber-card/d/d-2019-07-18-kanshou.html").read_text(encoding="utf-8")
    related = re.search(r'<ul class="related">(.*?)</ul>', page, re.DOTALL).group(1)
    rows = re.findall(r"<li>(.*?)</li>", related, re.DOTALL)
    relations = [r for r in rows if '<span class="kind">Relation</span>' in r]
    assert relations, rows
    for row in relations:
        assert '<span class="rel">' in row and "undated" not in row  # premise, kind, target
    assert any("Attacks" in r and "The Federation shifted the responsibility" in r
               for r in relations)
    # the relation that supports this demand is under Arguments, not repeated here
    assert not any("Supports" in r and "State the Federation" in r for r in relations)


def test_only_a_commitment_is_kept_or_broken():
    """What follows a deflection is what happened, never a promise kept (the brief's rule)."""
    from argmap.dossier import Dossier

    d = Dossier.model_validate({
        "actors": [{"id": "m", "name": "M", "kind": "ministry"}],
        "demands": [{"id": f"d{i}", "text": f"Demand {i}", "to": "m", "date": "2020-01-01"}
                    for i in range(3)],
        "responses": [{"id": "r0", "by": "m", "to": "d0", "said": "deflected", "date": "2020-02-01"},
                      {"id": "r1", "by": "m", "to": "d1", "said": "accepted", "date": "2020-02-01"},
                      {"id": "r2", "by": "m", "to": "d2", "said": "accepted", "date": "2020-02-01"}],
        "actions": [{"id": f"a{i}", "by": "m", "kind": "decision", "date": "2020-03-01",
                     "text": "Done", "effects": [{"on": f"d{i}", "type": effect}]}
                    for i, effect in enumerate(["fulfils", "fulfils", "fails"])]})
    case = Case.of("c", d)
    card = scorecard(DemandRef(case, s) for s in case.statuses.values())
    assert card.done == {"delivered": 2, "not_delivered": 1}
    assert (card.kept, card.broken) == (1, 1)  # the deflected demand's delivery is neither
