"""The tracker site in a real browser: Debian's headless Chromium driven by Playwright, pages
opened from disk (file://) with the network off. Outside CI the module is skipped when Chromium
or Playwright is missing; in CI (``CI`` set) it must run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from argmap.formats import read_file
from argmap.io.files import load
from argmap.site import build_site

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FIXTURES = Path(__file__).parent / "fixtures"

if not os.environ.get("CI"):
    if not (os.path.exists(CHROMIUM) and shutil.which("dot")):
        pytest.skip("Chromium (apt-get install chromium) or Graphviz is not installed",
                    allow_module_level=True)
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

from playwright.sync_api import Page, sync_playwright

pytestmark = pytest.mark.graphviz


@pytest.fixture(scope="module")
def site(tmp_path_factory, example):
    out = tmp_path_factory.mktemp("site") / "site"
    build_site([("mynumber-card", example),
                ("petitions", read_file(FIXTURES / "uk-petitions" / "list.json").dossier),
                ("hostile", load(FIXTURES / "page" / "hostile.yaml"))], out)
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": 1440, "height": 900}, offline=True)
        yield context
        context.close()


@pytest.fixture
def open_page(browser):
    """Open a page of the site; fail the test on any script error, CSP report or request that
    leaves the disk."""
    opened: list[tuple[Page, list[str]]] = []

    def _open(url: str, width: int = 1440, height: int = 900) -> Page:
        page = browser.new_page()
        page.set_viewport_size({"width": width, "height": height})
        page.set_default_timeout(10_000)
        problems: list[str] = []
        page.on("pageerror", lambda exc: problems.append(f"error: {exc}"))
        page.on("console", lambda msg: problems.append(f"console: {msg.text}")
                if msg.type in ("error", "warning") else None)
        page.on("request", lambda req: problems.append(f"request: {req.url}")
                if not req.url.startswith("file://") else None)
        page.goto(url)
        page.wait_for_selector("html[data-ready]", state="attached")
        opened.append((page, problems))
        return page

    yield _open
    for page, problems in opened:
        page.close()
        assert problems == []


def test_index_lists_the_cases_with_their_tallies(open_page, site):
    page = open_page((site / "index.html").as_uri())
    rows = page.locator("main table").first.locator("tbody tr")
    assert rows.count() == 3
    assert "Fund free legal advice" not in page.content()  # demands are on their own pages
    assert page.get_by_role("link", name="UK Parliament petitions").is_visible()


def test_search_from_any_page_finds_a_demand_and_opens_it(open_page, site):
    page = open_page((site / "cases" / "petitions" / "index.html").as_uri())
    page.fill("#q", "timetable review")
    page.press("#q", "Enter")
    page.wait_for_url("**/search.html#q=timetable%20review")
    page.wait_for_selector("#results li")
    first = page.locator("#results li").first
    assert "Publish the rail timetable review in full" in first.text_content()
    assert "not yet rated" in first.locator(".badge").text_content()
    first.locator("a").click()
    page.wait_for_url("**/cases/petitions/d/petition-300003.html")
    assert page.locator("h1").text_content() == "Publish the rail timetable review in full"


def test_search_as_you_type_in_japanese(open_page, site):
    page = open_page((site / "search.html").as_uri())
    assert "at least two characters" in page.locator("#search-status").text_content()
    page.fill("#q", "取得")
    page.wait_for_selector("#results li.result-demand")  # the policy forbids eval'd waits
    assert page.locator("#results li.result-demand").count() > 0
    assert "#q=" in page.url


def test_hostile_text_is_shown_as_text_and_runs_nothing(open_page, site):
    page = open_page((site / "search.html").as_uri() + "#q=pwned")
    page.wait_for_selector("#results li")
    assert "<script>window.__pwned=1</script>" in page.locator("#results").text_content()
    demand = open_page((site / "cases" / "hostile" / "d" / "d-evil.html").as_uri())
    assert demand.evaluate("window.__pwned") is None
    assert page.evaluate("window.__pwned") is None
    assert demand.locator("a[href^='javascript']").count() == 0


def test_actor_page_draws_its_chart(open_page, site):
    page = open_page((site / "actors" / "mic.html").as_uri())
    chart = page.locator("svg.chart")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 400 and box["height"] > 100
    assert page.locator("svg.chart rect").count() > 0
    assert page.locator(".scorecard dd").first.text_content().strip().isdigit()


def test_the_case_map_is_the_interactive_page(open_page, site):
    page = open_page((site / "cases" / "petitions" / "map.html").as_uri())
    node = page.locator('svg.map g.node[data-id="petition-300001"]').first
    node.focus()
    node.click()
    assert "Legal aid remains available" in page.locator("#panel").text_content()


def test_on_a_phone_tables_read_as_cards(open_page, site):
    page = open_page((site / "actors" / "mic.html").as_uri(), 390, 844)
    assert page.evaluate("getComputedStyle(document.querySelector('table.stack thead')).display"
                         ) == "none"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    label = page.evaluate("getComputedStyle(document.querySelector('table.stack td.date'), "
                          "'::before').content")
    assert "Made" in label


@pytest.mark.parametrize("path", ["index.html", "actors.html", "cases/petitions/index.html",
                                  "actors/uk-government.html"])
def test_on_a_screen_every_column_of_a_tally_shows_without_scrolling(open_page, site, path):
    """Column headings wrap instead of pushing the last columns (days to an answer, last
    change) out of sight, and the notes under a count (turned away, owed no answer) wrap."""
    page = open_page((site / path).as_uri())
    widths = page.evaluate("[...document.querySelectorAll('.scroll')]"
                           ".map(e => e.scrollWidth - e.clientWidth)")
    assert widths and max(widths) <= 1, widths


def test_an_answer_to_two_demands_reads_on_a_phone(open_page, site):
    page = open_page((site / "cases" / "mynumber-card" / "d" / "d-2019-07-18-kanshou.html")
                     .as_uri(), 390, 844)
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    answer = page.locator("#resp-2019-07-18-federation")
    assert "Deflected" in answer.locator("h3 .badge").text_content()
    also = answer.locator(".also li")
    assert also.count() == 1 and "Refused" in also.locator(".badge").text_content()
    also.locator("a").click()
    page.wait_for_url("**/d-2019-07-18-data-diversion.html")
    assert "Refused" in page.locator("#resp-2019-07-18-federation h3 .badge").text_content()
