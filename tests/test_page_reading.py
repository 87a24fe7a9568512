"""The pages as a reader meets them, in Chromium at a desk (1440x900) and on a phone (390x844).

Each page must open at a size one can read, work with a finger as with a mouse, show what a
search finds, and keep the reader's place and focus. Screenshots of every page at both sizes
are written to ``$ARGMAP_SHOTS`` when it is set (else to the test's temporary folder), to be
looked at: what a reader sees is the point of these pages.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from argmap.maps import VIEWS, RenderOptions
from argmap.page import write_page
from argmap.tracking import demand_status

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"desk": (1440, 900), "phone": (390, 844)}

if not os.environ.get("CI"):
    if not (os.path.exists(CHROMIUM) and shutil.which("dot")):
        pytest.skip("Chromium (apt-get install chromium) or Graphviz is not installed",
                    allow_module_level=True)
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

from playwright.sync_api import Page, sync_playwright

pytestmark = pytest.mark.graphviz


@pytest.fixture(scope="module")
def pages(tmp_path_factory, example) -> Path:
    """The example's pages, every view in both languages."""
    out = tmp_path_factory.mktemp("reading")
    for view in VIEWS:
        for lang in ("ja", "en"):
            write_page(example, out / f"case-{view}-{lang}.html", view=view,
                       options=RenderOptions(lang=lang))
    return out


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("ARGMAP_SHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("shots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def chromium():
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium, pages):
    """Open ``case-<view>-<lang>.html`` at a size; fail on any script error."""
    opened = []

    def _open(view: str, lang: str = "en", size: str = "desk") -> Page:
        w, h = SIZES[size]
        phone = size == "phone"
        context = chromium.new_context(viewport={"width": w, "height": h}, offline=True,
                                       is_mobile=phone, has_touch=phone)
        page = context.new_page()
        page.set_default_timeout(10_000)
        problems: list[str] = []
        page.on("pageerror", lambda exc: problems.append(str(exc)))
        page.goto((pages / f"case-{view}-{lang}.html").as_uri())
        page.wait_for_selector("html[data-ready]")
        opened.append((context, problems))
        return page

    yield _open
    for context, problems in opened:
        context.close()
        assert problems == []


_TEXT_SIZES = """() => {
  const vp = document.getElementById('viewport').getBoundingClientRect();
  const sizes = [];
  document.querySelectorAll('svg.map g.node[data-id] text').forEach(t => {
    const r = t.getBoundingClientRect();
    if (!t.textContent.trim() || r.bottom < vp.top || r.top > vp.bottom
        || r.right < vp.left || r.left > vp.right) return;
    const px = Number(t.getAttribute('font-size')) * t.getScreenCTM().a;
    for (const _ of t.textContent.trim()) sizes.push(px);  // one entry per character
  });
  return sizes.sort((a, b) => a - b);
}"""


def _view_box(page: Page) -> list[float]:
    return [float(v) for v in page.locator("svg.map").get_attribute("viewBox").split()]


def _box(page: Page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", ["demands", "arguments", "timeline"])
def test_every_page_opens_at_a_readable_size(open_page, shots, view, size):
    for lang in ("en", "ja"):
        page = open_page(view, lang, size)
        page.screenshot(path=str(shots / f"open-{view}-{lang}-{size}.png"))
        sizes = page.evaluate(_TEXT_SIZES)
        assert len(sizes) >= 60, f"{view} {lang} {size}: almost nothing on screen"
        assert sizes[0] >= 8.9, f"{view} {lang} {size}: text of {sizes[0]:.1f} px"
        assert sizes[len(sizes) // 2] >= 10.5, f"{view} {lang} {size}: body {sizes[len(sizes) // 2]:.1f} px"
        title = _box(page, "#title")
        assert title["width"] > 100 and title["height"] > 10  # the title shows, even on a phone


def test_the_argument_opens_on_its_main_position(open_page, example):
    page = open_page("arguments", "en")
    main = next(c.id for c in example.claims if c.main and example.date_of(c.id) is None)
    node, area = _box(page, f'g.node[data-id="{main}"]'), _box(page, "#viewport")
    assert area["x"] <= node["x"] and node["x"] + node["width"] <= area["x"] + area["width"]
    assert area["y"] <= node["y"] and node["y"] + node["height"] <= area["y"] + area["height"]


def test_phone_puts_the_filters_in_a_drawer(open_page, shots):
    page = open_page("demands", "en", "phone")
    assert not page.locator("#f-actor").is_visible()
    mapbox = _box(page, "#viewport")
    assert mapbox["width"] >= 380  # the map has the width of the phone
    name, search = _box(page, "#view-name"), _box(page, "#q")
    assert name["y"] + name["height"] <= search["y"] + 1  # the view's name stays above the search
    page.click("#drawer-btn")
    page.wait_for_timeout(300)
    assert page.locator("#f-actor").is_visible()
    page.screenshot(path=str(shots / "phone-drawer-open.png"))
    page.select_option("#f-actor", "shiga-jichiroren")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert not page.locator("#f-actor").is_visible()
    assert page.locator("#drawer-btn").get_attribute("aria-expanded") == "false"


def _touch(cdp, kind: str, points: list[tuple[float, float]]) -> None:
    cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [
        {"x": x, "y": y, "id": i} for i, (x, y) in enumerate(points)]})


def test_pinch_and_double_tap_zoom_on_a_phone(open_page, shots):
    page = open_page("arguments", "ja", "phone")
    cdp = page.context.new_cdp_session(page)
    area = _box(page, "#viewport")
    cx, cy = area["x"] + area["width"] / 2, area["y"] + area["height"] / 2
    before = _view_box(page)[2]
    _touch(cdp, "touchStart", [(cx - 40, cy), (cx + 40, cy)])
    for step in range(1, 6):
        _touch(cdp, "touchMove", [(cx - 40 - 12 * step, cy), (cx + 40 + 12 * step, cy)])
    _touch(cdp, "touchEnd", [])
    pinched = _view_box(page)[2]
    assert pinched < before * 0.7  # fingers apart: closer in
    page.screenshot(path=str(shots / "phone-pinched.png"))
    x, y = page.evaluate("""() => {  // a spot of the map with no item on it
      const r = document.getElementById('viewport').getBoundingClientRect();
      for (let y = r.top + 40; y < r.bottom - 40; y += 17)
        for (let x = r.left + 20; x < r.right - 60; x += 13) {
          const e = document.elementFromPoint(x, y);
          if (e && e.closest('#viewport') && !e.closest('g.node')) return [x, y];
        }
      return [r.left + 10, r.top + 10];
    }""")
    for _ in range(2):
        _touch(cdp, "touchStart", [(x, y)])
        _touch(cdp, "touchEnd", [])
        page.wait_for_timeout(60)
    assert _view_box(page)[2] == pytest.approx(pinched / 2, rel=0.02)


def test_search_and_filters_zoom_to_what_matches(open_page, example):
    page = open_page("arguments", "en")
    page.click("#zoom-fit")
    whole = _view_box(page)[2]
    page.fill("#q", "Nakano")
    page.wait_for_timeout(600)
    assert _view_box(page)[2] < whole / 2
    hits = page.locator("svg.map g.node.hit")
    area = _box(page, "#viewport")
    first = hits.first.bounding_box()
    assert area["x"] <= first["x"] + first["width"] / 2 <= area["x"] + area["width"]
    assert area["y"] <= first["y"] + first["height"] / 2 <= area["y"] + area["height"]
    sizes = page.evaluate(_TEXT_SIZES)
    assert sizes[len(sizes) // 2] >= 8.9
    page = open_page("demands", "en")
    page.click("#zoom-fit")
    page.select_option("#f-status", "said:no_response")
    page.wait_for_timeout(100)
    # all the matches when they read together, else the first of them at a legible size
    unanswered = [d for d, s in demand_status(example).items() if s.said.value == "no_response"]
    area = _box(page, "#viewport")
    in_view = []
    for demand in unanswered:
        node = page.locator(f'g.node[data-id="{demand}"]').first.bounding_box()
        if area["y"] <= node["y"] + node["height"] / 2 <= area["y"] + area["height"]:
            in_view.append(demand)
    assert in_view
    sizes = page.evaluate(_TEXT_SIZES)
    assert len(in_view) == len(unanswered) or sizes[len(sizes) // 2] >= 8.9


def test_a_new_item_opens_at_its_top(open_page):
    page = open_page("demands", "en")
    page.locator('#summary-table button[data-id="d-2019-07-18-data-diversion"]').click()
    panel = page.locator("#panel")
    panel.evaluate("p => p.scrollTop = 1500")
    assert panel.evaluate("p => p.scrollTop") > 0
    page.locator('#summary-table button[data-id="d-2017-12-13-no-printing"]').click()
    assert panel.evaluate("p => p.scrollTop") == 0
    head = page.locator("#panel .text").first.bounding_box()
    assert head["y"] >= _box(page, "#panel")["y"]


def test_tab_follows_the_map_and_focus_comes_back(open_page, example):
    statuses = demand_status(example)
    first = min(statuses, key=lambda d: (statuses[d].made is None, statuses[d].made or dt.date.min))
    page = open_page("demands", "en")
    page.locator("#viewport").focus()
    order = []
    for _ in range(1 + len(statuses[first].answers) + len(statuses[first].actions)):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.getAttribute('data-id')"))
    assert order == [first, *statuses[first].answers, *statuses[first].actions]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-id')") == first
    assert page.locator("#panel .text").first.text_content().startswith("Stop sending")
    page.keyboard.press("Escape")  # the panel closes and focus is back on the demand
    assert page.locator("#panel").get_attribute("class").split().count("empty") == 1
    assert page.evaluate("document.activeElement.getAttribute('data-id')") == first
    page.keyboard.press("Enter")  # and Enter opens it again, focus in the panel
    assert "empty" not in page.locator("#panel").get_attribute("class").split()
    assert page.evaluate("document.getElementById('panel').contains(document.activeElement)")
    link = page.locator(f'#panel .answers button[data-id="{statuses[first].answers[0]}"]')
    link.press("Enter")  # a link in the panel opens its item and keeps focus in the panel
    assert page.evaluate("document.getElementById('panel').contains(document.activeElement)")


def test_a_drag_from_a_node_moves_the_map_and_opens_nothing(open_page):
    page = open_page("demands", "en")
    node = page.locator('g.node[data-id="d-2019-07-23-no-compulsion"]').first
    node.scroll_into_view_if_needed()
    page.locator('#summary-table button[data-id="d-2019-07-23-no-compulsion"]').click()
    page.keyboard.press("Escape")
    before = _view_box(page)
    box = node.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 80, y - 60, steps=6)
    page.mouse.up()
    assert _view_box(page)[:2] != before[:2]
    assert "empty" in page.locator("#panel").get_attribute("class").split()


def test_a_resize_keeps_the_place(open_page):
    page = open_page("arguments", "en")
    page.mouse.move(800, 500)
    page.mouse.wheel(0, -200)
    before = _view_box(page)
    width = _box(page, "#viewport")["width"]
    page.set_viewport_size({"width": 1200, "height": 800})
    page.wait_for_timeout(200)
    after = _view_box(page)
    assert after[0] + after[2] / 2 == pytest.approx(before[0] + before[2] / 2, abs=1)
    assert after[1] + after[3] / 2 == pytest.approx(before[1] + before[3] / 2, abs=1)
    scale = _box(page, "#viewport")["width"] / after[2]
    assert scale == pytest.approx(width / before[2], rel=0.01)


def test_the_summary_follows_the_date_and_leads_to_the_map(open_page, example):
    page = open_page("demands", "ja")
    rows = page.locator("#summary-table tbody tr")
    assert rows.count() == len(example.demands)
    head = page.locator("#summary-head").text_content()
    assert f"要求 {len(example.demands)} 件" in head and "回答なし" in head
    page.fill("#date-pick", "2019-07-20")
    page.dispatch_event("#date-pick", "change")
    early = demand_status(example, "2019-07-20")
    assert rows.count() == len(early)
    page.click("#date-latest")
    row = page.locator('#summary-table tr[data-id="d-2019-10-15-no-competition"]')
    row.locator("button").click()
    assert "sel" in row.get_attribute("class")
    node = page.locator('g.node[data-id="d-2019-10-15-no-competition"]').first.bounding_box()
    area = _box(page, "#viewport")
    assert area["y"] <= node["y"] + node["height"] / 2 <= area["y"] + area["height"]
    page.fill("#q", "回答なし")  # status names are searchable in the page's language
    assert page.locator("#results button.result").count() >= 2



def test_a_dated_demand_takes_the_border_of_its_answer_then(open_page, example):
    """Before its answer, an answered demand is drawn as unanswered: double, bold, vermillion."""
    page = open_page("demands", "en")
    demand = "d-2018-toyohashi-rights"  # put in 2018-02, answered (accepted) in 2018-04
    assert demand_status(example, "2018-03-01")[demand].said.value == "no_response"
    border = page.locator(f'g.node[data-id="{demand}"] polygon.border').first
    outer = page.locator(f'g.node[data-id="{demand}"] polygon.border-outer')
    assert border.get_attribute("stroke-dasharray") is None and outer.count() == 0
    deflected = page.locator('g.node[data-id="d-2019-07-18-kanshou"] polygon.border').first
    assert deflected.get_attribute("stroke-dasharray") == "5,2"  # dashed: an answer on paper

    def as_of(day: str) -> None:
        page.evaluate(f"""() => {{ const e = document.getElementById('date-pick');
                                  e.value = '{day}'; e.dispatchEvent(new Event('change')); }}""")

    as_of("2018-03-01")
    said = page.locator(f'g.node[data-id="{demand}"] text.band-said').text_content().strip()
    assert said == "⚠ No answer"
    assert outer.count() == 1 and outer.is_visible()  # the double border of the unanswered
    assert border.get_attribute("stroke").lower() == "#d55e00"
    as_of("2020-01-01")
    assert outer.is_hidden() and border.get_attribute("stroke").lower() != "#d55e00"


def test_the_panel_puts_answers_first_and_says_what_happened_at_an_event(open_page, example):
    page = open_page("demands", "en")
    page.locator('#summary-table button[data-id="d-2018-toyohashi-rights"]').click()
    headings = page.locator("#panel h3").all_text_contents()
    assert headings.index("Answers") < headings.index("Sources")
    heads = page.locator("#panel table.history thead th").all_text_contents()
    assert heads[0] == "Date" and len(heads) == 5
    dates = page.locator("#panel table.history tbody td:first-child").all_text_contents()
    assert "April 2018" in dates and "1 April 2018" not in dates  # as precise as the record
    event = "e-2019-07-23-mic-request"
    page.fill("#q", "Request to the MIC")
    page.locator(f'#results button[data-id="{event}"]').click()
    at = [i.id for _, _, i in example.items() if getattr(i, "at", None) == event]
    listed = page.locator("#panel ul.effects button.link").evaluate_all(
        "bs => bs.map(b => b.getAttribute('data-id'))")
    assert set(at) <= set(listed) and len(at) >= 4


def test_the_timeline_keeps_its_lane_headings_in_view_on_a_phone(open_page, shots):
    page = open_page("timeline", "en", "phone")
    area = _box(page, "#viewport")
    heads = page.locator("svg.map g.node[data-lane]")
    assert heads.count() >= 5
    page.mouse.move(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)
    for _ in range(3):  # drag the map up: later days come into view
        page.evaluate("""() => {
          const vp = document.getElementById('viewport'), r = vp.getBoundingClientRect();
          const at = (type, y) => vp.dispatchEvent(new PointerEvent(type, {bubbles: true,
            pointerId: 1, pointerType: 'mouse', clientX: r.left + r.width / 2, clientY: y,
            buttons: type === 'pointerup' ? 0 : 1}));
          at('pointerdown', r.bottom - 60); at('pointermove', r.bottom - 300);
          at('pointermove', r.top + 40); at('pointerup', r.top + 40);
        }""")
    page.screenshot(path=str(shots / "phone-timeline-scrolled.png"))
    assert _view_box(page)[1] > 600  # well down the timeline
    top = _box(page, "svg.map g.node[data-lane]")
    assert area["y"] - 1 <= top["y"] <= area["y"] + 40  # the headings at the top of the view
    events = page.locator("svg.map g.node[data-lane]", has_text="Events").first.bounding_box()
    assert events["x"] >= area["x"] - 1 and events["width"] > 20
    band = page.locator("svg.map rect.lane-band")
    assert band.get_attribute("visibility") == "visible"
