"""The interactive page in a real browser: Debian's headless Chromium driven by Playwright.

Pages are opened from disk (file://). Outside CI the module is skipped when Chromium or
Playwright is missing; in CI (``CI`` set) it must run. One browser serves most of the module; a
second one runs where fontconfig knows no font but DejaVu Sans, as on a machine without the
maps' fonts, to show that the text of every map stays inside its boxes with the fonts the map
carries.
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest

from argmap.io.files import load
from argmap.lang import pick
from argmap.page import write_page
from argmap.maps import VIEWS, Map, RenderOptions, draw
from argmap.words import word
from argmap.tracking import demand_status

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FIXTURES = Path(__file__).parent / "fixtures" / "page"
DEMAND = "d-2019-07-23-no-compulsion"

if not os.environ.get("CI"):
    if not (os.path.exists(CHROMIUM) and shutil.which("dot")):
        pytest.skip("Chromium (apt-get install chromium) or Graphviz is not installed",
                    allow_module_level=True)
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

from playwright.sync_api import Page, sync_playwright

pytestmark = pytest.mark.graphviz


@pytest.fixture(scope="module")
def playwright():
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="module")
def browser(playwright, tmp_path_factory):
    """One Chromium for the module, with a fresh profile and no network."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=ARGS, headless=True,
        viewport={"width": 1400, "height": 900}, offline=True)
    yield context
    context.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory, example):
    """The example's demands page in Japanese and in English, and the hostile case's page."""
    out = tmp_path_factory.mktemp("pages")
    return {
        "ja": write_page(example, out / "case-demands-ja.html", options=RenderOptions(lang="ja")),
        "en": write_page(example, out / "case-demands-en.html", options=RenderOptions(lang="en")),
        "hostile": write_page(load(FIXTURES / "hostile.yaml"), out / "hostile.html",
                              options=RenderOptions(lang="ja")),
    }


@pytest.fixture
def open_page(browser):
    """Open a page file; fail the test on any script error or CSP report."""
    opened: list[tuple[Page, list[str]]] = []

    def _open(path: Path) -> Page:
        page = browser.new_page()
        page.set_default_timeout(10_000)
        problems: list[str] = []
        page.on("pageerror", lambda exc: problems.append(f"error: {exc}"))
        page.on("console", lambda msg: problems.append(f"console: {msg.text}")
                if msg.type in ("error", "warning") else None)
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-ready]", timeout=10_000)
        opened.append((page, problems))
        return page

    yield _open
    for page, problems in opened:
        page.close()
        assert problems == []


def _show(page: Page, item_id: str) -> None:
    """Click an item on the map, as a user does after bringing it into view (focus pans to it)."""
    node = page.locator(f'svg.map g.node[data-id="{item_id}"]').first
    node.focus()
    node.click()


def _answer_quote(example, demand: str, lang: str) -> str:
    answers = [r for r in example.responses if demand in r.to]
    assert answers
    return pick(answers[0].quote, lang)


def test_click_a_demand_shows_the_answer_quoted(open_page, pages, example):
    page = open_page(pages["ja"])
    _show(page, DEMAND)
    panel = page.locator("#panel")
    text = pick(example.get(DEMAND).text, "ja")
    assert panel.locator(".text").first.text_content() == text
    assert pick(example.get(DEMAND).text, "en") in panel.text_content()  # the other language
    assert _answer_quote(example, DEMAND, "ja") in panel.locator(".answers").text_content()
    assert "¶" in panel.text_content()  # the source's locator
    assert page.locator(f'svg.map g.node.sel[data-id="{DEMAND}"]').count() == 1


def test_date_before_hides_later_demands(open_page, pages, example):
    page = open_page(pages["ja"])
    made = {d.id: example.date_of(d.id) for d in example.demands}
    same_day = [d for d, day in made.items() if day is not None and day.isoformat() == "2019-07-23"]
    earlier = [d for d, day in made.items() if day is not None and day.isoformat() < "2019-07-23"]
    undated = [d for d, day in made.items() if day is None]  # known on every date
    assert DEMAND in same_day and earlier and undated
    page.fill("#date-pick", "2019-07-22")
    page.dispatch_event("#date-pick", "change")
    for demand in same_day:
        assert page.locator(f'svg.map g.node[data-id="{demand}"]').first.is_hidden()
    for demand in earlier + undated:
        assert page.locator(f'svg.map g.node[data-id="{demand}"]').first.is_visible()
    assert "2019-07-22" in page.locator("#date-out").text_content()
    page.fill("#date-pick", "2019-07-23")
    page.dispatch_event("#date-pick", "change")
    assert page.locator(f'svg.map g.node[data-id="{DEMAND}"]').first.is_visible()
    page.click("#date-latest")
    assert page.locator("#date-range").input_value() == page.locator("#date-range").get_attribute("max")


def _changed_demand(example):
    """A demand, a date on which its answer differed from its latest one, and both statuses."""
    final = demand_status(example)
    for demand, status in final.items():
        for change in status.history:
            day = change.date - datetime.timedelta(days=1)
            if status.made is not None and day >= status.made:
                early = demand_status(example, day)[demand]
                if early.said != status.said:
                    return demand, day, early, status
    raise AssertionError("the example has no demand answered after the day it was made")


def test_date_shows_the_status_bands_of_that_date(open_page, pages, example):
    demand, day, early, final = _changed_demand(example)
    page = open_page(pages["ja"])
    said = page.locator(f'svg.map g.node[data-id="{demand}"] text.band-said')
    done = page.locator(f'svg.map g.node[data-id="{demand}"] text.band-done')
    assert word(f"said.{final.said.value}", "ja") in said.text_content()
    page.fill("#date-pick", day.isoformat())
    page.dispatch_event("#date-pick", "change")
    assert word(f"said.{early.said.value}", "ja") in said.text_content()
    assert word(f"done.{early.done.value}", "ja") in done.text_content()
    _show(page, demand)
    history = page.locator("#panel table.history tbody tr")
    assert history.count() == len(final.history)
    assert page.locator("#panel table.history tbody tr.later").count() == len(final.history) - len(early.history)
    page.click("#date-latest")
    assert word(f"said.{final.said.value}", "ja") in said.text_content()
    assert word(f"done.{final.done.value}", "ja") in done.text_content()


def test_switch_language_shows_japanese(open_page, pages, example):
    page = open_page(pages["en"])
    node = page.locator(f'svg.map g.node[data-id="{DEMAND}"]').first
    assert pick(example.get(DEMAND).text, "en") in node.get_attribute("aria-label")
    page.click('.langs button[data-lang="ja"]')
    assert page.locator("html").get_attribute("lang") == "ja"
    assert page.locator("#title").text_content() == pick(example.info.title, "ja")
    node = page.locator(f'svg.map g.node[data-id="{DEMAND}"]').first
    assert pick(example.get(DEMAND).text, "ja") in node.get_attribute("aria-label")
    _show(page, DEMAND)
    assert page.locator("#panel .text").first.text_content() == pick(example.get(DEMAND).text, "ja")
    assert page.locator('.langs button[data-lang="ja"]').get_attribute("aria-pressed") == "true"


def test_search_finds_the_figure_even_off_the_map(open_page, pages, example):
    page = open_page(pages["ja"])
    figures = [e.id for e in example.evidence if e.value is not None and e.value.number == 14.3]
    assert figures
    page.fill("#q", "14.3")
    results = page.locator("#results button.result")
    found = [results.nth(i).get_attribute("data-id") for i in range(results.count())]
    assert set(figures) <= set(found)
    page.locator(f'#results button[data-id="{figures[0]}"]').click()
    panel = page.locator("#panel")
    assert "14.3" in panel.locator(".text").first.text_content()
    assert "14.3" in panel.locator("dl").text_content()  # the figure itself
    page.press("#q", "Escape")
    assert page.locator("#results-box").is_hidden()


def test_search_results_never_show_an_answers_words_unquoted(open_page, pages):
    # the MIC's answer of 23 July is on file only by its words: a result names who gave it and
    # when (as the panel does), and an answer with our summary of it is marked as ours
    page = open_page(pages["en"])
    page.fill("#q", "strictly a request")
    result = page.locator('#results button[data-id="resp-2019-07-23-no-compulsion"]')
    shown = result.text_content()
    assert "strictly a request" not in shown and shown.count("23 July 2019") == 1
    assert shown.endswith("MIC")
    page.fill("#q", "survey of acquisition status")
    shown = page.locator('#results button[data-id="resp-2019-07-23-survey-consent"]').text_content()
    assert "In our words" in shown or "our words" in shown.lower()


def test_filters_dim_what_does_not_match(open_page, pages, example):
    page = open_page(pages["ja"])
    page.select_option("#f-actor", "shiga-jichiroren")
    shiga = [d.id for d in example.demands if "shiga-jichiroren" in d.by]
    assert shiga
    for demand in shiga:
        assert "dim" not in page.locator(f'svg.map g.node[data-id="{demand}"]').first.get_attribute("class")
    assert "dim" in page.locator(f'svg.map g.node[data-id="{DEMAND}"]').first.get_attribute("class")
    page.select_option("#f-actor", "")
    page.select_option("#f-status", "said:no_response")
    assert "dim" in page.locator(f'svg.map g.node[data-id="{DEMAND}"]').first.get_attribute("class")
    page.click("#reset")
    assert "dim" not in page.locator(f'svg.map g.node[data-id="{DEMAND}"]').first.get_attribute("class")


def test_pan_zoom_and_keyboard(open_page, pages):
    page = open_page(pages["ja"])

    def width() -> float:
        return float(page.locator("svg.map").get_attribute("viewBox").split()[2])

    start = width()
    page.locator("#viewport").focus()
    page.keyboard.press("+")
    assert width() < start
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert width() > start
    page.click("#zoom-fit")
    fitted = page.locator("svg.map").get_attribute("viewBox")
    area = page.locator("#viewport").bounding_box()
    page.mouse.move(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)
    page.mouse.wheel(0, -300)  # the browser hands wheel events on without waiting for them
    page.wait_for_function("(fitted) => document.querySelector('svg.map')"
                           ".getAttribute('viewBox') !== fitted", arg=fitted, timeout=5_000)
    x0 = float(page.locator("svg.map").get_attribute("viewBox").split()[0])
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] / 2 - 100, area["y"] + area["height"] / 2 - 50,
                    steps=4)
    page.mouse.up()
    assert float(page.locator("svg.map").get_attribute("viewBox").split()[0]) > x0
    page.locator("#viewport").focus()
    page.keyboard.press("Tab")  # the first item on the map
    focused = page.evaluate("document.activeElement.getAttribute('data-id')")
    assert focused
    assert page.locator("#panel .text").count() == 1


def test_hostile_dossier_runs_nothing(open_page, pages):
    page = open_page(pages["hostile"])
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _show(page, "d-evil")
    assert page.locator("#panel .text").first.text_content() == "<script>window.__pwned=1</script>要求"
    page.fill("#q", "<script>")
    assert page.locator("#results button.result").count() >= 1
    page.locator("#results button.result").first.click()
    page.click('.langs button[data-lang="en"]')
    _show(page, "d-evil")
    assert '" onerror="window.__pwned=1" <b>bold</b>' in page.locator("#panel").text_content()
    _show(page, "r-evil")
    assert "javascript" in page.locator("#panel").text_content()  # the quote, as text
    _show(page, "d-evil")
    page.locator('#panel [data-id="src"]').first.click()
    assert page.locator("#panel .text").first.text_content().startswith("<iframe")
    # a javascript: URL never becomes a link: the only links are to items of the page itself
    assert page.locator('#panel a:not([href^="#"])').count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, iframe, b, script:not([id]):not(:last-of-type)').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    assert dialogs == []


def test_an_answer_with_a_said_per_demand_shows_each(open_page, pages):
    """The Federation deflected one demand and refused the other: its panel says which went
    where, and each demand's panel shows what was said to it."""
    page = open_page(pages["en"])
    _show(page, "resp-2019-07-18-federation")
    lines = page.locator("#panel .said-to")
    assert lines.count() == 2
    assert "Deflected" in lines.nth(0).text_content()
    assert "Refused" in lines.nth(1).text_content()
    assert lines.nth(1).locator('button[data-id="d-2019-07-18-data-diversion"]').count() == 1
    _show(page, "d-2019-07-18-data-diversion")
    assert "Refused" in page.locator("#panel ul.answers li").first.text_content()
    _show(page, "d-2019-07-18-kanshou")
    assert "Deflected" in page.locator("#panel ul.answers li").first.text_content()


# --- the text stays inside its boxes, on a machine without the maps' fonts ---------------------

STAND_IN = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

#: For each text of each node, as Chromium lays it out (in the map's units): by how much it passes
#: the sides of the smallest shape around its centre (the node's own shapes, else a cluster's,
#: such as the legend's box; a text in no shape, such as a date on the timeline's axis, has no
#: sides to pass), and whether it runs into another text on the same line of the node.
OVERFLOWS = """(root) => {
  const out = [], slack = 0.5;
  const box = (e) => { const b = e.getBBox(); return {l: b.x, r: b.x + b.width, t: b.y,
                                                      b: b.y + b.height, a: b.width * b.height}; };
  const shapesOf = (g) => [...g.querySelectorAll("polygon, path, ellipse, rect")].map(box);
  const clusters = [...root.querySelectorAll("g.cluster")].flatMap(shapesOf);
  const around = (shapes, x, y) => shapes
    .filter((s) => s.l <= x && x <= s.r && s.t <= y && y <= s.b).sort((p, q) => p.a - q.a)[0];
  for (const g of root.querySelectorAll("g.node")) {
    const shapes = shapesOf(g);
    const texts = [...g.querySelectorAll("text")].filter((t) => t.textContent.trim())
      .map((t) => [t.textContent, box(t), Number(t.getAttribute("y"))]);
    texts.forEach(([text, b, y], i) => {
      const s = around(shapes, (b.l + b.r) / 2, (b.t + b.b) / 2)
             || around(clusters, (b.l + b.r) / 2, (b.t + b.b) / 2);
      const over = s ? Math.max(s.l - b.l, b.r - s.r) : 0;
      if (over > slack) out.push([text, "passes its box by", Math.round(over * 10) / 10]);
      for (const [other, c, y2] of texts.slice(i + 1)) {
        if (Math.abs(y - y2) < 1 && Math.min(b.r, c.r) - Math.max(b.l, c.l) > slack) {
          out.push([text, "runs into", other]);
        }
      }
    });
  }
  return out;
}"""


@pytest.fixture(scope="module")
def bare_browser(playwright, tmp_path_factory):
    """Chromium on a fontconfig that knows only DejaVu Sans (wider than Noto Sans)."""
    if not STAND_IN.exists():
        pytest.skip(f"the stand-in font {STAND_IN} (fonts-dejavu-core) is not installed")
    folder = tmp_path_factory.mktemp("fontconfig")
    (folder / "fonts").mkdir()
    (folder / "fonts" / STAND_IN.name).symlink_to(STAND_IN)
    conf = folder / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{folder / "fonts"}</dir>'
                    f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>\n", encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    context = playwright.chromium.launch_persistent_context(
        str(folder / "profile"), executable_path=CHROMIUM, args=ARGS, headless=True,
        viewport={"width": 1400, "height": 900}, offline=True, env=env)
    yield context
    context.close()


@pytest.fixture(scope="module")
def example_maps(example):
    return {(view, lang): Map(draw(example, view, RenderOptions(lang=lang)))
            for view in VIEWS for lang in ("ja", "en")}


def _overflows(page: Page, selector: str) -> list:
    page.evaluate("document.fonts.ready")
    return page.evaluate(f"({OVERFLOWS})(document.querySelector({selector!r}))")


def _loaded_fonts(page: Page) -> set[str]:
    return set(page.evaluate("[...document.fonts].filter((f) => f.status === 'loaded')"
                             ".map((f) => f.family.replace(/\"/g, ''))"))


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_map_keeps_its_text_inside_its_boxes(bare_browser, example_maps, tmp_path, view,
                                                   lang):
    path = tmp_path / f"{view}-{lang}.svg"
    path.write_text(example_maps[(view, lang)].svg(), encoding="utf-8")
    page = bare_browser.new_page()
    try:
        page.goto(path.as_uri())
        over = _overflows(page, "svg")
        assert over == [], over
        # the subsets it carries, under names of their own (never the installed fonts' names)
        wanted = {"Noto Sans CJK JP"} if lang == "ja" else {"Noto Sans", "Noto Sans CJK JP"}
        assert _loaded_fonts(page) == {f"argmap {name}" for name in wanted}
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_page_keeps_its_text_inside_its_boxes(bare_browser, pages, lang):
    page = bare_browser.new_page()
    try:
        page.goto(pages[lang].as_uri())
        page.wait_for_selector("html[data-ready]")
        assert _overflows(page, "svg.map") == []
        assert "argmap Noto Sans CJK JP" in _loaded_fonts(page)
        page.click(f'.langs button[data-lang="{"ja" if lang == "en" else "en"}"]')
        assert _overflows(page, "svg.map") == []  # the other language's map, and its fonts
    finally:
        page.close()


def test_without_its_fonts_the_english_map_overflows_here(bare_browser, example_maps, tmp_path):
    """The check above has teeth: the same map without the fonts it carries spills over."""
    path = tmp_path / "bare.svg"
    path.write_text(example_maps[("demands", "en")].layout(), encoding="utf-8")
    page = bare_browser.new_page()
    try:
        page.goto(path.as_uri())
        over = _overflows(page, "svg")
        assert len(over) > 10 and any(p[0] == "— Done: not rated" for p in over), over
        assert _loaded_fonts(page) == set()
    finally:
        page.close()


HK = Path(__file__).parent / "fixtures" / "lang" / "hk-2019-five-demands.yaml"


@pytest.fixture(scope="module")
def hk_page(tmp_path_factory):
    """The Traditional Chinese and English fixture's demands page, opening in zh-Hant."""
    out = tmp_path_factory.mktemp("hk")
    return write_page(load(HK), out / "hk-demands-zh-Hant.html",
                      options=RenderOptions(lang="zh-Hant"))


def _found(page: Page, query: str) -> set[str]:
    page.fill("#q", query)
    results = page.locator("#results button.result")
    return {results.nth(i).get_attribute("data-id") for i in range(results.count())}


def test_search_finds_status_words_in_every_language(open_page, hk_page, pages):
    page = open_page(hk_page)
    refused = {"d-riot", "d-charges", "d-inquiry", "d-suffrage", "r-2019-09-04-address"}
    # the answer that refused four demands and accepted one is found by both of its statuses
    assert _found(page, "拒絕") == refused == _found(page, "Refused") == _found(page, "거부")
    assert "r-2019-09-04-address" in _found(page, "接納")
    assert _found(page, "迴避回應") == _found(page, "はぐらかし") == {"r-2019-06-15-suspend"}
    assert _found(page, "200萬零1") == {"ev-2019-06-16-organisers"}  # figures as written
    page = open_page(pages["ja"])
    assert _found(page, "回答なし") == _found(page, "未回應") == _found(page, "No answer") != set()


def test_the_chinese_page_offers_its_languages_and_sets_each_in_its_face(open_page, hk_page):
    page = open_page(hk_page)
    assert page.locator(".langs button").all_text_contents() == ["繁體中文", "English"]
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans CJK TC"')
    _show(page, "d-withdraw")
    assert page.locator("#panel .head .muted").first.text_content() == "2019年6月"
    page.locator('.langs button[data-lang="en"]').click()
    assert page.locator("#panel .head .muted").first.text_content() == "June 2019"
    other = page.locator('#panel p.other[lang="zh-Hant"]').first
    assert other.evaluate("e => getComputedStyle(e).fontFamily").startswith('"Noto Sans CJK TC"')


# --- quote and paraphrase in the panel -------------------------------------------------------

_PANELS = """() => [...new Set([...document.querySelectorAll("svg.map g.node[data-id]")]
    .map(g => g.getAttribute("data-id")))].map(id => {
  document.querySelector(`svg.map g.node[data-id="${id}"]`)
    .dispatchEvent(new MouseEvent("click", {bubbles: true}));
  const panel = document.getElementById("panel");
  const quotes = [...panel.querySelectorAll("blockquote")].map(b => {
    const next = b.nextElementSibling;
    return [b.querySelector("p").textContent,
            next && next.classList.contains("cite") ? next.textContent : null];
  });
  panel.querySelectorAll("blockquote").forEach(b => b.remove());
  return [id, quotes, panel.innerText];
})"""


@pytest.mark.parametrize("case,lang", [("example", "en"), ("example", "ja"), ("protest", "en")])
def test_the_panel_quotes_only_words_on_record(open_page, tmp_path, example, case, lang):
    """Open the panel of every item drawn on any of the maps: each blockquote holds words
    verbatim in a quote of the item (or of a citation), followed by the source it is credited
    to; no other quotation marks but the writer's own, so an answer's summary is never shown
    as its words."""
    from quotes import Record, quoted_spans

    dossier = example if case == "example" else load(
        Path(__file__).parent / "fixtures" / "brief" / "protest.yaml")
    record = Record(dossier)
    titles = {pick(s.title, lang): s.id for s in dossier.sources}
    checked, seen = 0, set()
    for view in ("demands", "arguments", "timeline"):
        path = write_page(dossier, tmp_path / f"{case}-{view}-{lang}.html", view=view,
                          options=RenderOptions(lang=lang))
        for item_id, quotes, rest in open_page(path).evaluate(_PANELS):
            seen.add(item_id)
            for words, credit in quotes:
                assert credit, (item_id, words)
                assert credit.startswith("—\u00a0"), (item_id, credit)
                place = credit[2:]
                title = next((t for t in titles if place.startswith(t)), None)
                assert title is not None, (item_id, credit)
                locator = place[len(title):].strip()
                assert record.credited(words, [titles[title]], [locator] if locator else []), (
                    item_id, words, credit)
                checked += 1
            for span in quoted_spans(rest):
                assert record.writers_marks(span, rest), (item_id, rest[span.start:span.end])
    assert {r.id for r in dossier.responses} <= seen
    assert checked > 5


_DASH_ALONE = """() => [...document.querySelectorAll("#panel p.cite")].filter(p => {
  const dash = document.createRange();
  dash.setStart(p.firstChild, 0); dash.setEnd(p.firstChild, 1);
  const next = p.firstChild.nextSibling;
  if (!next) return false;
  const after = document.createRange();
  after.selectNodeContents(next);
  return dash.getClientRects()[0].top !== after.getClientRects()[0].top;
}).map(p => p.textContent)"""


def test_a_long_source_title_wraps_beside_its_dash_on_a_phone(open_page, tmp_path, example):
    """In the panel at phone width, a source's title too long for one line wraps word by word
    after the dash that introduces it: the dash is never left alone on the line above."""
    dossier = example.model_copy(deep=True)
    dossier.sources[0].title = {"en": "Municipal workers against compulsory My Number cards: "
                                      "a re-edited version of an article first published in "
                                      "Keizai, March 2020", "ja": "マイナンバーカード強制に反対する自治体労働者"}
    path = write_page(dossier, tmp_path / "long-title.html", view="demands",
                      options=RenderOptions(lang="en"))
    page = open_page(path)
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator('svg.map g.node[data-id="d-pt-dv-victims"]').first.dispatch_event("click")
    cites = page.locator("#panel p.cite")
    assert cites.count() >= 1
    assert page.evaluate("() => [...document.querySelectorAll('#panel p.cite')]"
                         ".some(p => p.getClientRects().length && p.offsetHeight > 30)")
    assert page.evaluate(_DASH_ALONE) == []


def test_a_petition_owed_no_answer_says_so_on_the_page(open_page, tmp_path):
    # a petition short of the 10,000 signatures, with no response: its band and its row in the
    # summary say "No answer · no answer due", as the map and argmap status word it
    from argmap.formats.uk_petitions import load_folder

    dossier = load_folder(FIXTURES.parent / "uk-petitions" / "folder").dossier
    assert demand_status(dossier, today=datetime.date(2030, 1, 1))["petition-300004"].no_answer_due
    page = open_page(write_page(dossier, tmp_path / "petitions-demands-en.html",
                                options=RenderOptions(lang="en")))
    band = page.locator('svg.map g.node[data-id="petition-300004"] text.band-said').first
    assert band.text_content().strip().endswith("No answer · no answer due")
    row = page.locator('#summary-table tr[data-id="petition-300004"] td.st').first
    assert "no answer due" in row.text_content()
