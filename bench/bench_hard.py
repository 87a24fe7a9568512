"""Benchmark of the semantics at their edges (not a test): memory, partial answers, early exit,
ICCMA reading.

    python bench/bench_hard.py [--timeout 10] [--repeat 5] [--code DIR] [--only NAMES]

Every case runs in a fresh Python process, so that its peak memory (``VmHWM``) is its own. The
frameworks come from :mod:`hard_instances` (generators that reproduce the competition
instances' shapes); nothing large is kept in the repository. Sections (``--only`` takes a
comma-separated list of them):

``memory``
    ``complete()`` with its defaults on ``pairs(33)`` (66 arguments, 3**33 complete
    extensions) and on ``grid(8, 8)``: time, extensions listed, peak memory. Also the
    streaming iterator for ``--timeout`` seconds.
``partial``
    ``preferred(grid(10, 20), limit=None)`` for ``--timeout`` seconds: how many of the
    preferred extensions found are handed back when the time runs out.
``first``
    ``ring()`` (7,346 arguments, one undecided component of 4,565): stable and preferred with
    ``limit=1``, sceptical preferred acceptance of argument 1, each with a 60 s timeout; beside
    one plain SAT call (python-sat, CaDiCaL) on the whole framework for the same question.
``parse``
    ``admbuster(500000)`` written to a temporary file, read by argmap and by a plain Python
    line-by-line reader (best of ``--repeat`` runs, taken in turn); the framework build is
    timed apart, from the plain reader's pairs, so that reading can be compared with reading.
``header``
    ``p af 10000000`` over one attack, and a 20-digit count: time, peak memory, outcome.

``--code DIR`` measures the argmap package found in ``DIR`` instead of this checkout (to
compare with an earlier version: ``git archive <commit> argmap | tar -x -C /tmp/old`` and
``--code /tmp/old``); what an older version lacks is reported as such.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent

# run in the child: helpers every case uses
PRELUDE = '''
import gc, json, sys, time, warnings
warnings.simplefilter("ignore")
def peak_mib():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
def report(**fields):
    fields["peak_mib"] = peak_mib()
    print(json.dumps(fields))
'''


def child(code: str, body: str, timeout: float, helpers: str = "") -> dict[str, object]:
    """Run ``body`` in a fresh interpreter with ``code`` and bench/ importable; its report."""
    script = (f"import sys\nsys.path[:0] = [{str(code)!r}, {str(BENCH)!r}]\n" + PRELUDE
              + helpers + textwrap.dedent(body))
    try:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"stopped after {timeout:g} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": tail[:160]}
    return json.loads(lines[-1])


def show(title: str, rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    print(f"\n{title}")
    for k, row in enumerate(rows):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
        if k == 0:
            print("  ".join("-" * w for w in widths))


def outcome(r: dict[str, object]) -> str:
    if "error" in r:
        return str(r["error"])
    why = f" ({r['reason']})" if r.get("reason") else ""
    return f"{r['status']}{why}, {r['count']:,} ext."


# --- memory ----------------------------------------------------------------------------------


def bench_memory(args: argparse.Namespace) -> None:
    rows = [["framework", "call", "time", "result", "peak memory"]]
    for label, make in (("pairs(33): 66 arguments", "pairs(33)"),
                        ("grid(8, 8): 64 arguments", "grid(8, 8)")):
        r = child(args.code, f'''
            from hard_instances import grid, pairs
            from argmap.semantics import Framework, complete
            fw = Framework.from_indices(*{make})
            start = time.perf_counter()
            result = complete(fw, timeout={args.timeout})
            report(time=time.perf_counter() - start, status=result.status, reason=result.reason,
                   count=len(result.extensions))
        ''', args.timeout * 6 + 60)
        rows.append([label, f"complete(fw, timeout={args.timeout:g})", _time(r), outcome(r),
                     _mib(r)])
        r = child(args.code, f'''
            from hard_instances import grid, pairs
            from argmap.semantics import Framework
            try:
                from argmap.semantics import iter_extensions
            except ImportError:
                print(json.dumps({{"error": "no iter_extensions in this version"}})); sys.exit()
            fw = Framework.from_indices(*{make})
            start = time.perf_counter()
            with iter_extensions(fw, "complete", timeout={args.timeout}) as found:
                members = sum(len(e) for e in found)
            report(time=time.perf_counter() - start, status=found.status, reason=found.reason,
                   count=found.count)
        ''', args.timeout * 6 + 60)
        rows.append([label, f"iter_extensions(fw, 'complete', timeout={args.timeout:g})",
                     _time(r), outcome(r), _mib(r)])
    show("memory: listing complete extensions of frameworks with billions of them", rows)


def _time(r: dict[str, object]) -> str:
    return f"{r['time']:.2f} s" if "time" in r else ""


def _mib(r: dict[str, object]) -> str:
    return f"{r['peak_mib']:,} MiB" if "peak_mib" in r else ""


# --- partial answers -------------------------------------------------------------------------


def bench_partial(args: argparse.Namespace) -> None:
    rows = [["framework", "call", "time", "result", "peak memory"]]
    r = child(args.code, f'''
        from hard_instances import grid
        from argmap.semantics import Framework, preferred
        fw = Framework.from_indices(*grid(10, 20))
        start = time.perf_counter()
        result = preferred(fw, timeout={args.timeout}, limit=None)
        report(time=time.perf_counter() - start, status=result.status, reason=result.reason,
               count=len(result.extensions))
    ''', args.timeout * 6 + 60)
    rows.append(["grid(10, 20): 200 arguments, one component",
                 f"preferred(fw, timeout={args.timeout:g}, limit=None)", _time(r), outcome(r),
                 _mib(r)])
    show("partial answers: what a timed-out search hands back", rows)


# --- first extension, early exit ------------------------------------------------------------


def bench_first(args: argparse.Namespace) -> None:
    rows = [["framework", "question", "argmap", "answer", "plain SAT call", "its answer"]]
    calls = [("stable, limit=1", "stable(fw, limit=1, timeout=60)", "stable"),
             ("preferred, limit=1", "preferred(fw, limit=1, timeout=60)", "preferred"),
             ("sceptical preferred '1'", "sceptical(fw, '1', 'preferred', timeout=60)",
              "sceptical")]
    for label, call, plain in calls:
        r = child(args.code, f'''
            from hard_instances import ring
            from argmap.semantics import Framework, preferred, sceptical, stable
            fw = Framework.from_indices(*ring())
            start = time.perf_counter()
            result = {call}
            took = time.perf_counter() - start
            if isinstance(result, str):
                report(time=took, answer=result)
            else:
                report(time=took, answer=f"{{result.status}} ({{result.reason}}), "
                                          f"{{len(result.extensions)}} ext.")
        ''', 200)
        p = child(args.code, f'''
            n, attacks = ring()
            start = time.perf_counter()
            answer = plain_{plain}(n, attacks)
            report(time=time.perf_counter() - start, answer=answer)
        ''', 200, helpers=PLAIN_SAT)
        rows.append(["ring(): 7,346 arguments", label, _time(r), str(r.get("answer", r.get(
            "error"))), _time(p), str(p.get("answer", p.get("error")))])
    show("first extension and early exit (one undecided component of 4,565 arguments)", rows)


# A plain SAT reference: the whole framework in one CNF (Caminada's labelling clauses),
# solved by CaDiCaL 1.9.5 from python-sat, with no decomposition at all.
PLAIN_SAT = '''
from hard_instances import ring
from pysat.solvers import Solver

def cnf(n, attacks, stable):
    attackers = [[] for _ in range(n)]
    for a, b in attacks:
        attackers[b].append(a)
    out = []
    for a in range(n):
        i, o = 2 * a + 1, 2 * a + 2
        out.append([-i, -o])
        out += [[-i, 2 * b + 2] for b in attackers[a]]
        out.append([i] + [-(2 * b + 2) for b in attackers[a]])
        out.append([-o] + [2 * b + 1 for b in attackers[a]])
        out += [[-(2 * b + 1), o] for b in attackers[a]]
        if stable:
            out.append([i, o])
    return out

def plain_stable(n, attacks):
    with Solver(name="cadical195", bootstrap_with=cnf(n, attacks, True)) as s:
        return "an extension" if s.solve() else "none"

def grow(s, n, model):
    inside = [a for a in range(n) if 2 * a + 1 in model]
    top = 2 * n
    while True:
        rest = [2 * a + 1 for a in range(n) if 2 * a + 1 not in model]
        if not rest:
            return model
        top += 1
        s.add_clause([-top] + rest)
        if not s.solve(assumptions=[top] + [2 * a + 1 for a in inside]):
            return model
        model = set(v for v in s.get_model() if v > 0)
        inside = [a for a in range(n) if 2 * a + 1 in model]

def plain_preferred(n, attacks):
    with Solver(name="cadical195", bootstrap_with=cnf(n, attacks, False)) as s:
        s.solve()
        model = grow(s, n, set(v for v in s.get_model() if v > 0))
        return f"an extension of {sum(1 for a in range(n) if 2 * a + 1 in model)}"

def plain_sceptical(n, attacks):
    # one complete labelling with argument 1 out: a counter-example
    with Solver(name="cadical195", bootstrap_with=cnf(n, attacks, False)) as s:
        return "no" if s.solve(assumptions=[2]) else "undecided by one call"
'''


# --- parsing ---------------------------------------------------------------------------------


def bench_parse(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "admbuster_500000.af"
        sys.path.insert(0, str(BENCH))
        from hard_instances import admbuster

        path.write_text(admbuster(500_000), encoding="utf-8")
        r = child(args.code, f'''
            import inspect, statistics
            from argmap.semantics import Framework
            try:
                from argmap.semantics import iccma
            except ImportError:
                from argmap import iccma
            path = {str(path)!r}
            def plain():
                with open(path, encoding="utf-8") as f:
                    n = int(f.readline().split()[2])
                    attacks = []
                    for line in f:
                        if line.startswith("#") or not line.strip():
                            continue
                        a, b = line.split()
                        attacks.append((int(a), int(b)))
                return n, attacks
            numbers = {{"names": "numbers"}} if "names" in inspect.signature(
                iccma.read).parameters else {{}}
            def paused(call):
                def run():
                    gc.disable()
                    try:
                        return call()
                    finally:
                        gc.enable()
                return run

            def timed(calls):
                runs = {{key: [] for key in calls}}
                for _ in range({args.repeat}):
                    for key, call in calls.items():  # in turn, so that load spreads evenly
                        gc.collect()
                        start = time.perf_counter()
                        call()
                        runs[key].append(time.perf_counter() - start)
                return runs

            # nothing large is alive while the readers run (it would slow the collector)
            calls = {{"plain": plain, "plain, collector paused": paused(plain),
                      "read": lambda: iccma.read(path, **numbers)}}
            if hasattr(iccma, "_read_af_fast"):  # this version reads apart from building
                data = open(path, "rb").read()
                calls["reading"] = paused(lambda: iccma._read_af_fast(data, path))
            runs = timed(calls)
            n, attacks = plain()
            pairs = [(a - 1, b - 1) for a, b in attacks]
            del attacks
            runs.update(timed({{"build": paused(lambda: Framework.from_indices(n, pairs))}}))
            best = {{k: min(v) for k, v in runs.items()}}
            median = {{k: statistics.median(v) for k, v in runs.items()}}
            report(best=best, median=median, attacks=len(pairs))
        ''', 900)
    if "error" in r:
        show("parsing", [["error"], [str(r["error"])]])
        return
    best, median = r["best"], r["median"]  # type: ignore[index]
    floor = min(best["plain"], best["plain, collector paused"])
    rows = [["", f"best of {args.repeat}", f"median of {args.repeat}", "vs plain reader"]]

    def row(label: str, value_best: float, value_median: float, against: float) -> None:
        rows.append([label, f"{value_best:.3f} s", f"{value_median:.3f} s",
                     f"{value_best / against:.2f}x"])

    row("plain line-by-line reader (n and a list of pairs)", best["plain"], median["plain"],
        floor)
    row("  the same, garbage collector paused", best["plain, collector paused"],
        median["plain, collector paused"], floor)
    row("argmap iccma.read: file to Framework", best["read"], median["read"], floor)
    row("Framework.from_indices of the plain reader's pairs", best["build"], median["build"],
        floor)
    row("argmap iccma.read vs plain reader + the same build", best["read"], median["read"],
        floor + best["build"])
    row("argmap's reading alone (read - build)", best["read"] - best["build"],
        median["read"] - median["build"], floor)
    if "reading" in best:
        row("argmap's reading alone, measured (bytes to numbers)", best["reading"],
            median["reading"], floor)
    show(f"parsing admbuster_500000 (500,000 arguments, {r['attacks']:,} attacks; "
         f"peak {r['peak_mib']:,} MiB); ratios against the faster plain reader", rows)


def bench_header(args: argparse.Namespace) -> None:
    rows = [["file", "time", "outcome", "peak memory"]]
    for label, text in (("p af 10000000 / 1 2", "p af 10000000\n1 2\n"),
                        ("p af 12345678901234567890 / 1 2", "p af 12345678901234567890\n1 2\n")):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "big.af"
            path.write_text(text)
            r = child(args.code, f'''
                try:
                    from argmap.semantics import iccma
                except ImportError:
                    from argmap import iccma
                start = time.perf_counter()
                try:
                    fw = iccma.read({str(path)!r})
                    what = f"read: {{len(fw):,}} arguments"
                except BaseException as error:
                    what = f"{{type(error).__name__}}: {{str(error)[:90]}}"
                report(time=time.perf_counter() - start, what=what)
            ''', 300)
        rows.append([label, _time(r), str(r.get("what", r.get("error"))), _mib(r)])
    show("header counts", rows)


SECTIONS = {"memory": bench_memory, "partial": bench_partial, "first": bench_first,
            "parse": bench_parse, "header": bench_header}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="directory holding the argmap package to measure")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections: {', '.join(SECTIONS)}")
    args = parser.parse_args()
    print(f"argmap from {args.code}; timeout {args.timeout:g} s")
    for name in args.only.split(","):
        SECTIONS[name.strip()](args)


if __name__ == "__main__":
    main()
