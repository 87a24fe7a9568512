"""The tracker at the scale of the petitions site: import, status, the site, SQLite.

On a generated corpus of petition files in the shape of the real ones
(:mod:`bench.generate_petitions`), measures, each beside its floor:

* import: ``uk_petitions.load_folder`` on the folder, then the dossier written as JSON (the
  target: 10,000 files in under 10 s); writing YAML instead is shown too. Floor: reading the
  files and ``json.loads`` of each.
* status: ``demand_status`` over every demand, graph built (target: 10,000 demands in under
  1 s); the status rows and the whole ``argmap status FILE --format json`` command are shown too.
* the site: ``build_site`` (target: 10,000 demands in under 60 s); floor: writing the same
  bytes to the same number of files. Then, in Debian's headless Chromium (Playwright), the time
  from navigation until the index and the search page are ready (search results shown), each
  under 1 s.
* SQLite: ``formats.sqlite.write`` of the dossier (target: under 5 s); floor: the same rows
  inserted with ``executemany`` into the same tables, without indexes or full-text search.

Run alone: ``python bench/bench_tracker.py [--petitions 10000] [--repeat 3]``; ``bench/run``
runs it in its report. Never run as a test.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from argmap.formats import sqlite as sqlite_format
from argmap.formats.uk_petitions import load_folder
from argmap.graph import build_graph
from argmap.io.files import dump, load
from argmap.reports.rows import status_rows
from argmap.site import build_site
from argmap.tracking import demand_status
from bench.generate_petitions import write_petitions
from bench.measure import paused, timed
from bench.suite import Row, label, under

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _floor_read(paths: list[Path]) -> list[object]:
    return [json.loads(p.read_bytes()) for p in paths]


def _floor_files(folder: Path, pages: list[tuple[str, bytes]]) -> None:
    for name, data in pages:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _floor_sqlite(path: Path, dossier) -> None:
    rows = sqlite_format._Rows("case", dossier, None)
    rows.collect()
    conn = sqlite3.connect(path)
    with conn:
        for name, columns in sqlite_format.TABLES.items():
            order = list(columns)
            conn.execute(f"CREATE TABLE [{name}] ({', '.join(f'[{c}]' for c in order)})")
            data = [tuple(r.get(c) for c in order) for r in rows.rows[name]] if name != "cases" \
                else [tuple(rows.case_row().get(c) for c in order)]
            conn.executemany(f"INSERT INTO [{name}] VALUES ({', '.join('?' for _ in order)})", data)
    conn.close()


def browser_times(site: Path, runs: int = 3) -> dict[str, float] | str:
    """Median milliseconds from navigation to ready for the index and a search, or why not."""
    if not os.path.exists(CHROMIUM):
        return "Chromium not installed (apt-get install chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "Playwright for Python not installed"
    out: dict[str, list[float]] = {"index": [], "search": []}
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": 1440, "height": 900}, offline=True)
        for _ in range(runs):
            for name, url in (("index", (site / "index.html").as_uri()),
                              ("search", (site / "search.html").as_uri() + "#q=government")):
                page = context.new_page()
                page.goto(url, wait_until="commit")
                page.wait_for_selector("html[data-ready]", state="attached", timeout=60_000)
                out[name].append(page.evaluate("performance.now()"))
                if name == "search":
                    assert page.locator("#results li").count() > 0, "the search found nothing"
                page.close()
        context.close()
    import statistics
    return {name: statistics.median(times) for name, times in out.items()}


def tracker_rows(folder: Path, n: int, repeat: int, log: list[str]) -> list[Row]:
    """Every step on ``n`` generated petition files under ``folder``; targets at 10,000."""
    size, judged = label(n), n >= 10_000
    rows: list[Row] = []
    corpus = folder / f"petitions-{size}"
    paths = write_petitions(corpus, n)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    out_json, out_yaml = folder / f"petitions-{size}.json", folder / f"petitions-{size}.yaml"

    def imported_json() -> int:
        result = load_folder(corpus)
        dump(result.dossier, out_json)
        return len(result.dossier)

    took = timed(imported_json, repeat)
    rows.append(Row("tracker: import petitions", size, "argmap uk-petitions folder -> JSON",
                    took.median, took.runs, target="< 10 s" if judged else "",
                    met=under(took.median, 10.0) if judged else None,
                    note=f"{n:,} files ({megabytes:.0f} MB) -> {took.result:,} items; "
                         f"CPU {took.cpu:.2f} s"))
    floor = timed(paused(lambda: _floor_read(paths)), repeat)
    rows.append(Row("tracker: import petitions", size, "floor: read + json.loads each file",
                    floor.median, floor.runs, base=took.median))
    yaml_took = timed(lambda: dump(load_folder(corpus).dossier, out_yaml), 1)
    rows.append(Row("tracker: import petitions", size, "argmap uk-petitions folder -> YAML",
                    yaml_took.median, yaml_took.runs,
                    note=f"the same, written as YAML (the YAML writer is the cost); "
                         f"CPU {yaml_took.cpu:.2f} s"))

    dossier = load(out_json)
    graph = build_graph(dossier)
    took = timed(lambda: demand_status(dossier, graph=graph), repeat)
    rows.append(Row("tracker: status", size, "argmap demand_status (graph built)", took.median,
                    took.runs, target="< 1 s" if judged else "",
                    met=under(took.median, 1.0) if judged else None,
                    note=f"{len(took.result):,} demands; CPU {took.cpu:.2f} s"))
    took = timed(lambda: status_rows(dossier, graph=graph), repeat)
    rows.append(Row("tracker: status", size, "argmap status rows (graph built)", took.median,
                    took.runs, note=f"CPU {took.cpu:.2f} s"))

    def command() -> None:
        subprocess.run([sys.executable, "-m", "argmap", "status", str(out_json), "--format",
                        "json"], check=True, capture_output=True, cwd=ROOT)

    took = timed(command, min(repeat, 3))
    rows.append(Row("tracker: status", size, "argmap status FILE --format json (whole command)",
                    took.median, took.runs,
                    note=f"a fresh process: load and check {len(dossier):,} items, graph, rows"))

    site = folder / f"site-{size}"
    took = timed(lambda: build_site([("petitions", dossier)], site), 1)
    pages = [(str(p.relative_to(site)), p.read_bytes()) for p in site.rglob("*.html")]
    total = sum(len(data) for _, data in pages)
    rows.append(Row("tracker: site", size, "argmap build_site", took.median, took.runs,
                    target="< 60 s" if judged else "",
                    met=under(took.median, 60.0) if judged else None,
                    note=f"{len(pages):,} pages, {total / 1e6:.0f} MB; CPU {took.cpu:.2f} s"))
    copy = folder / f"site-floor-{size}"
    floor = timed(lambda: _floor_files(copy, pages), 1)
    rows.append(Row("tracker: site", size, "floor: write the same bytes to as many files",
                    floor.median, floor.runs, base=took.median))
    times = browser_times(site)
    if isinstance(times, str):
        log.append(f"site in Chromium: skipped ({times})")
    else:
        search_kb = (site / "search.html").stat().st_size / 1024
        for name, what in (("index", "index.html ready in Chromium"),
                           ("search", "search.html ready, results shown")):
            ms = times[name] / 1000
            rows.append(Row("tracker: site", size, what, ms, 3,
                            target="< 1 s" if judged else "",
                            met=under(ms, 1.0) if judged else None,
                            note=f"search.html {search_kb:,.0f} KiB" if name == "search" else ""))

    db = folder / f"petitions-{size}.db"
    if db.exists():
        db.unlink()
    took = timed(lambda: sqlite_format.write([("petitions", dossier)], db), repeat)
    rows.append(Row("tracker: SQLite export", size, "argmap export --to sqlite (library)",
                    took.median, took.runs, target="< 5 s" if judged else "",
                    met=under(took.median, 5.0) if judged else None,
                    note=f"{db.stat().st_size / 1e6:.0f} MB with FTS5; CPU {took.cpu:.2f} s"))
    floors = []
    for i in range(repeat):
        raw = folder / f"floor-{size}-{i}.db"
        start = time.perf_counter()
        _floor_sqlite(raw, dossier)
        floors.append(time.perf_counter() - start)
    import statistics
    rows.append(Row("tracker: SQLite export", size,
                    "floor: the same rows, executemany, no index or FTS",
                    statistics.median(floors), len(floors), base=took.median))
    return rows


def main() -> None:
    """Run the steps once and print the rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petitions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from bench import report

    log: list[str] = []
    with tempfile.TemporaryDirectory(prefix="argmap-tracker-") as tmp:
        rows = tracker_rows(Path(tmp), args.petitions, args.repeat, log)
    print(report.text(rows))
    for line in log:
        print(f"  {line}")


if __name__ == "__main__":
    main()
