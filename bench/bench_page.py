"""How big the interactive page is and how fast it opens in headless Chromium.

Builds the demands page of the example case and of a generated dossier of ``--items`` items
(:func:`bench.generate.generate_dossier`), writes them to a temporary folder, opens each from disk
in Debian's Chromium (Playwright, no browser download) and reports:

* build: seconds to build the page in Python (Graphviz layout of both languages included);
* size: the file's bytes;
* ready: milliseconds from navigation start until the page's script has run (``data-ready``);
* interactive: milliseconds from navigation start until a click on a demand has filled the
  side panel (the page answers its user).

Run: ``python bench/bench_page.py`` (options: ``--items 2000 --seed 1 --runs 3``). Needs
``/usr/bin/chromium`` and ``pip install playwright``; it is never run as a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.io.files import load
from argmap.page import write_page
from argmap.maps import RenderOptions
from bench.generate import generate_dossier

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build(dossier, path: Path) -> float:
    """Write the demands page; return the seconds it took."""
    start = time.perf_counter()
    write_page(dossier, path, "demands", RenderOptions(lang="ja"))
    return time.perf_counter() - start


def open_times(context, path: Path, demand: str) -> tuple[float, float]:
    """(ready, interactive) in milliseconds since navigation start, for one fresh page."""
    page = context.new_page()
    try:
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_selector("html[data-ready]", state="attached", timeout=30_000)
        ready = page.evaluate("performance.now()")
        node = page.locator(f'svg.map g.node[data-id="{demand}"]').first
        node.focus()
        node.click()
        page.wait_for_selector("#panel .text", timeout=30_000)
        interactive = page.evaluate("performance.now()")
        return ready, interactive
    finally:
        page.close()


def main() -> None:
    """Build and time the pages; print one line per dossier."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    cases = [("example", load(ROOT / "claims" / "mynumber-card.yaml")),
             (f"generated-{args.items}", generate_dossier(args.items, args.seed))]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(Path(tmp) / "profile"), executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": 1400, "height": 900}, offline=True)
        print(f"{'case':<16} {'items':>6} {'build s':>8} {'size KB':>8} "
              f"{'ready ms':>9} {'interactive ms':>15}")
        for name, dossier in cases:
            path = Path(tmp) / f"{name}.html"
            seconds = build(dossier, path)
            demand = dossier.demands[-1].id
            runs = [open_times(context, path, demand) for _ in range(args.runs)]
            ready = statistics.median(r for r, _ in runs)
            interactive = statistics.median(i for _, i in runs)
            print(f"{name:<16} {len(dossier):>6} {seconds:>8.2f} {path.stat().st_size / 1024:>8.0f} "
                  f"{ready:>9.0f} {interactive:>15.0f}")
        context.close()


if __name__ == "__main__":
    main()
