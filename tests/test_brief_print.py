"""The HTML brief printed as a debate team prints it: Chromium's print to PDF, A4 and US Letter,
English and Japanese, read back with poppler (``pdfinfo``, ``pdftotext``, ``pdftoppm``).

No page is mostly blank (text pages are filled to the bottom margin but the last; each map page
holds a good share of drawing), no heading ends a page, and the map comes last on pages of its
own, one window of it per page. Outside CI the module is skipped when Chromium, Playwright or
poppler is missing; in CI (``CI`` set) it must run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.brief import build_brief, write_brief
from argmap.brief.html import inline_svg
from argmap.brief.printmap import windows
from argmap.io.files import load

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "claims" / "mynumber-card.yaml"

if not os.environ.get("CI"):
    if not (os.path.exists(CHROMIUM) and shutil.which("dot") and shutil.which("pdftoppm")):
        pytest.skip("Chromium, Graphviz or poppler-utils is not installed",
                    allow_module_level=True)
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.graphviz

#: A text page is filled at least this far down (the bottom margin is 16 mm of 279-297 mm).
TEXT_FILL = 0.75
#: A page of the map holds at least this share of the page's height.
MAP_FILL = 0.35


@pytest.fixture(scope="module")
def printed(tmp_path_factory, example):
    """The example's brief for Jichiroren printed in en and ja on A4 and Letter: PDF paths."""
    out = tmp_path_factory.mktemp("print")
    pdfs = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for lang in ("en", "ja"):
            html = write_brief(example, "jichiroren", out / f"brief-{lang}.html", lang=lang)
            page = browser.new_page()
            page.goto(html.as_uri())
            for size in ("A4", "Letter"):
                pdfs[(lang, size)] = out / f"brief-{lang}-{size}.pdf"
                page.pdf(path=str(pdfs[(lang, size)]), format=size, print_background=True)
            page.close()
        browser.close()
    return pdfs


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))


def _fills(pdf: Path, tmp: Path) -> list[float]:
    """For each page, how far down it is inked: the last row darker than near-white, as a share
    of the page's height (from a 20 dpi greyscale image)."""
    subprocess.run(["pdftoppm", "-r", "20", "-gray", str(pdf), str(tmp / "p")], check=True)
    fills = []
    for image in sorted(tmp.glob("p*.pgm")):
        data = image.read_bytes()
        magic, size, depth, pixels = data.split(b"\n", 3)
        width, height = map(int, size.split())
        assert magic == b"P5" and depth == b"255"
        last = max((y for y in range(height)
                    if min(pixels[y * width:(y + 1) * width]) < 200), default=0)
        fills.append(last / height)
    return fills


def _page_text(pdf: Path, number: int) -> list[str]:
    done = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-layout",
                           str(pdf), "-"], capture_output=True, text=True, check=True)
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def _map_pages(example, lang: str) -> int:
    from argmap.maps import Map, RenderOptions, draw

    data = build_brief(example, "jichiroren", lang=lang)
    svg = Map(draw(example, "demands", RenderOptions(lang=lang, today=data.judged_on,
                                                     title=False))).svg()
    return len(windows(inline_svg(svg)))


@pytest.mark.parametrize("size", ["A4", "Letter"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_page_is_mostly_blank(printed, example, tmp_path, lang, size):
    pdf = printed[(lang, size)]
    count, maps = _pages(pdf), _map_pages(example, lang)
    fills = _fills(pdf, tmp_path)
    assert len(fills) == count and 5 < count < 30
    text_pages, map_pages = fills[:count - maps], fills[count - maps:]
    # every text page but the last runs to the bottom margin
    assert all(f >= TEXT_FILL for f in text_pages[:-1]), [round(f, 2) for f in fills]
    assert text_pages[-1] > 0.15
    assert all(f >= MAP_FILL for f in map_pages), [round(f, 2) for f in fills]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_headings_keep_with_what_follows_and_the_map_has_its_own_pages(printed, example, lang):
    pdf = printed[(lang, "A4")]
    data = build_brief(example, "jichiroren", lang=lang)
    from argmap.brief.sentences import Sentences
    from argmap.brief.markdown import STYLE

    s = Sentences(lang, STYLE, {})
    headings = {s.word(k) for k in ("sec.glance", "sec.position", "sec.support", "sec.counter",
                                    "sec.answers", "sec.open", "sec.timeline", "sec.method",
                                    "sec.sources", "sec.map", "support.position",
                                    "support.more")}
    headings |= {s.answered(a).replace("**", "") for a in data.answers}
    headings |= {s.group(g) for g in ("overdue", "unanswered", "refused", "broken", "on_paper")}
    count, maps = _pages(pdf), _map_pages(example, lang)
    for number in range(1, count - maps + 1):
        lines = _page_text(pdf, number)
        assert lines and lines[-1] not in headings, (number, lines[-1:])
    # the map comes last, one window of the drawing a page, under its heading
    first = _page_text(pdf, count - maps + 1)
    assert first[0] == s.word("sec.map")
    if maps > 1:
        for k in range(1, maps + 1):
            # (pdftotext may space a CJK face's digits apart: "1 /5" is the caption 1/5)
            lines = [line.replace(" ", "") for line in _page_text(pdf, count - maps + k)]
            assert f"{k}/{maps}" in lines
    # and nothing but the map is on those pages
    for number in range(count - maps + 1, count + 1):
        assert s.word("sec.sources") not in _page_text(pdf, number)
