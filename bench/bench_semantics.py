"""Benchmark of the argumentation semantics (not a test).

    python bench/bench_semantics.py [--timeout 10] [--repeat 3] [--seed 0] [--no-other]

Prints three tables:

1. grounded labelling of a random framework of 100,000 arguments and 500,000 attacks
   (targets: < 0.2 s once the framework exists, < 2 s including the build), beside a plain
   dict-adjacency version written here and the ``formal-argumentation`` package;
2. complete / preferred / stable on sparse, mostly acyclic maps of 100,000 arguments (target
   < 3 s), and the dossier mapping on a generated dossier of 100,000 items;
3. the real ICCMA files in ``../shared/corpora/iccma/``: which semantics finish within the
   timeout.

Times are the median of ``--repeat`` runs. The ``formal-argumentation`` column runs each call
in a child process stopped at the timeout; it is left out when the package is not installed
(``pip install formal-argumentation``; it is never a dependency of argmap).
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.semantics import (
    Framework,
    Labelling,
    credulous,
    extensions,
    framework_from_dossier,
    grounded,
    iccma,
    sceptical,
)
from argmap.semantics.labelling import grounded_codes

ICCMA = ROOT.parent / "shared" / "corpora" / "iccma"

try:
    import argumentation  # noqa: F401  (formal-argumentation)

    HAVE_OTHER = True
except ImportError:
    HAVE_OTHER = False


def timed(func: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall time of ``repeat`` calls and the last result."""
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _child(func: Callable[[], Any], conn: Any) -> None:
    start = time.perf_counter()
    try:
        summary = func()
    except Exception as error:  # noqa: BLE001 - report it in the table, do not crash
        conn.send((time.perf_counter() - start, f"error: {type(error).__name__}"))
        return
    conn.send((time.perf_counter() - start, summary))


def in_child(func: Callable[[], Any], timeout: float) -> str:
    """Run ``func`` in a forked child; its time and summary, or ``> timeout``."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(func, child), daemon=True)
    proc.start()
    got = parent.poll(timeout)
    if not got:
        proc.terminate()
        proc.join()
        return f"> {timeout:g} s (stopped)"
    elapsed, summary = parent.recv()
    proc.join()
    return f"{elapsed:.3f} s  {summary}"


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))


# --- 1. grounded on a random framework -------------------------------------------------------


def random_pairs(n: int, m: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [(rng.randrange(n), rng.randrange(n)) for _ in range(m)]


def dict_grounded(n: int, pairs: list[tuple[int, int]]) -> set[int]:
    """Reference: the same fixpoint over plain dict-of-sets adjacency."""
    targets: dict[int, set[int]] = {}
    attackers: dict[int, set[int]] = {}
    for a, b in pairs:
        targets.setdefault(a, set()).add(b)
        attackers.setdefault(b, set()).add(a)
    live = {a: len(attackers.get(a, ())) for a in range(n)}
    queue = [a for a in range(n) if not live[a]]
    ins: set[int] = set()
    outs: set[int] = set()
    for a in queue:
        ins.add(a)
        for b in targets.get(a, ()):
            if b not in outs:
                outs.add(b)
                for c in targets.get(b, ()):
                    live[c] -= 1
                    if not live[c] and c not in outs:
                        queue.append(c)
    return ins


def bench_grounded(args: argparse.Namespace) -> None:
    n, m = 100_000, 500_000
    pairs = random_pairs(n, m, args.seed)
    build_t, fw = timed(lambda: Framework.from_indices(n, pairs), args.repeat)
    codes_t, _ = timed(lambda: grounded_codes(fw), args.repeat)

    def with_sets() -> Labelling:
        lab = grounded(fw)
        _ = (lab.in_, lab.out, lab.undec)  # build the name sets too
        return lab

    sets_t, lab = timed(with_sets, args.repeat)
    total_t, _ = timed(lambda: grounded(Framework.from_indices(n, pairs)).in_, args.repeat)
    names = [f"a{i}" for i in range(n)]
    named = [(names[a], names[b]) for a, b in pairs]
    by_name_t, _ = timed(lambda: grounded(Framework(names, named)).in_, args.repeat)
    dict_t, ins = timed(lambda: dict_grounded(n, pairs), args.repeat)
    c = lab.counts()
    assert len(ins) == c["in"]
    summary = f"in {c['in']}, out {c['out']}, undec {c['undec']}"
    rows = [
        ["argmap: Framework.from_indices (build)", f"{build_t:.3f} s", ""],
        ["argmap: grounded labelling (codes)", f"{codes_t:.3f} s", "target < 0.2 s"],
        ["argmap: grounded + in/out/undec name sets", f"{sets_t:.3f} s", summary],
        ["argmap: build + grounded + sets", f"{total_t:.3f} s", "target < 2 s"],
        ["argmap: same, built from name pairs", f"{by_name_t:.3f} s", "Framework(names, pairs)"],
        ["plain dict adjacency, build + fixpoint", f"{dict_t:.3f} s", "reference"],
    ]
    if HAVE_OTHER and not args.no_other:
        from argumentation.core.dung import ArgumentationFramework, grounded_extension

        def other() -> str:
            af = ArgumentationFramework(arguments=frozenset(names), defeats=frozenset(named))
            return f"in {len(grounded_extension(af))}"

        rows.append(["formal-argumentation: build + grounded_extension",
                     in_child(other, args.timeout * 6), ""])
    table(f"1. grounded, random framework: {n:,} arguments, {m:,} attacks (median of "
          f"{args.repeat})", ["what", "time", "note"], rows)


# --- 2. sparse, mostly acyclic maps ----------------------------------------------------------


def debate_map(n: int, extra: int, mutual: int, odd: int, seed: int) -> Framework:
    """A tree of objections (each argument attacks an earlier one), ``extra`` more attacks on
    earlier arguments, ``mutual`` pairs of arguments attacking each other and ``odd`` 3-cycles."""
    rng = random.Random(seed)
    pairs = [(i, rng.randrange(i)) for i in range(1, n)]
    pairs += [(i, rng.randrange(i)) for i in (rng.randrange(1, n) for _ in range(extra))]
    for _ in range(mutual):
        a, b = rng.randrange(n), rng.randrange(n)
        pairs += [(a, b), (b, a)]
    for _ in range(odd):
        a, b, c = rng.randrange(n), rng.randrange(n), rng.randrange(n)
        pairs += [(a, b), (b, c), (c, a)]
    return Framework.from_indices(n, pairs)


def chains(n_chains: int, length: int, even: int, cross: int, seed: int) -> Framework:
    """``n_chains`` chains of attacks, each headed by a cycle (the first ``even`` by a mutual
    attack, the others by a 3-cycle), so that grounded semantics decides nothing; ``cross``
    attacks from one chain into another, later in it, join them into one region."""
    rng = random.Random(seed)
    pairs: list[tuple[int, int]] = []
    n = 0
    heads = []
    for k in range(n_chains):
        start = n
        pairs += [(start + i, start + i + 1) for i in range(length - 1)]
        x = start + length
        if k < even:
            pairs += [(x, start), (start, x)]
            n = x + 1
        else:
            pairs += [(x, x + 1), (x + 1, start), (start, x)]
            n = x + 2
        heads.append(start)
    for _ in range(cross):
        a, b = rng.randrange(n_chains), rng.randrange(n_chains)
        i = rng.randrange(length - 1)
        pairs.append((heads[a] + i, heads[b] + rng.randrange(i, length)))
    return Framework.from_indices(n, pairs)


def bench_maps(args: argparse.Namespace) -> None:
    n = 100_000
    cases = [("acyclic tree + 50k cross attacks", debate_map(n, 50_000, 0, 0, args.seed)),
             ("+ 4 mutual attacks, 4 odd 3-cycles", debate_map(n, 50_000, 4, 4, args.seed)),
             ("+ 8 mutual attacks, 8 odd 3-cycles", debate_map(n, 50_000, 8, 8, args.seed)),
             ("100 chains of 1,000 under cycles (6 even)", chains(100, 1000, 6, 0, args.seed)),
             ("the same joined by 2,000 cross attacks", chains(100, 1000, 6, 2000, args.seed))]
    rows = []
    for label, fw in cases:
        undec = grounded(fw).counts()["undec"]
        for semantics in ("preferred", "stable", "complete"):
            limit = 100 if semantics == "complete" else None
            t, result = timed(lambda fw=fw, semantics=semantics, limit=limit: extensions(
                fw, semantics, timeout=args.timeout, limit=limit), args.repeat)
            target = "< 3 s" if semantics != "complete" else "limit 100"
            why = f", {result.reason}" if result.reason else ""
            row = [label, f"{fw.n_attacks:,}", f"{undec:,}", semantics, f"{t:.3f} s",
                   f"{result.status} ({len(result)} ext.{why})", target]
            if HAVE_OTHER and not args.no_other:
                row.append(other_extensions(fw, semantics, args.timeout))
            rows.append(row)
        first = fw.arguments[len(fw) - 1]
        t, answer = timed(lambda fw=fw, first=first: sceptical(fw, first, timeout=args.timeout),
                          args.repeat)
        rows.append([label, "", "", f"sceptical pref. '{first}'", f"{t:.3f} s", answer, "",
                     *([""] if HAVE_OTHER and not args.no_other else [])])
    header = ["map (~100,000 arguments)", "attacks", "undec", "semantics", "argmap", "result",
              "target"]
    if HAVE_OTHER and not args.no_other:
        header.append(f"formal-argumentation scc_extensions (timeout {args.timeout:g} s)")
    table("2. sparse, mostly acyclic maps", header, rows)

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench.generate import generate_dossier
    except ImportError:
        return
    dossier = generate_dossier(100_000, seed=args.seed)
    t, fw = timed(lambda: framework_from_dossier(dossier), 1)
    g_t, lab = timed(lambda: grounded(fw).counts(), args.repeat)
    table("   dossier mapping (generated dossier of 100,000 items)", ["what", "time", "size"], [
        ["framework_from_dossier (bipolar)", f"{t:.3f} s",
         f"{len(fw):,} arguments, {fw.n_attacks:,} attacks"],
        ["grounded", f"{g_t:.3f} s", str(lab)],
    ])


def other_extensions(fw: Framework, semantics: str, timeout: float) -> str:
    from argumentation.core.dung import ArgumentationFramework
    from argumentation.core.scc_recursive import scc_extensions

    names = fw.arguments

    def run() -> str:
        af = ArgumentationFramework(arguments=frozenset(names), defeats=frozenset(fw.attacks))
        return f"{len(scc_extensions(af, semantics))} ext."

    return in_child(run, timeout)


# --- 3. ICCMA files --------------------------------------------------------------------------


def bench_iccma(args: argparse.Namespace) -> None:
    if not ICCMA.is_dir():
        print(f"\n3. ICCMA files: {ICCMA} not present, skipped")
        return
    rows = []
    for path in sorted(ICCMA.glob("*.af")):
        # the collection's files name their arguments by '# name' lines after the header
        read_t, fw = timed(lambda path=path: iccma.read(path, names="comments"), 1)
        g_t, counts = timed(lambda fw=fw: grounded(fw).counts(), args.repeat)
        rows.append([path.name, f"{len(fw):,}/{fw.n_attacks:,}", f"read {read_t:.3f} s",
                     "grounded", f"{g_t:.4f} s", f"done {counts}",
                     *([""] if HAVE_OTHER and not args.no_other else [])])
        first = fw.arguments[0]
        for semantics in ("complete", "preferred", "stable"):
            t, result = timed(lambda fw=fw, semantics=semantics: extensions(
                fw, semantics, timeout=args.timeout), 1)
            note = f"{result.status}" + (f" ({result.reason})" if result.reason else
                                         f" ({len(result)} ext.)")
            row = [path.name, "", "", semantics, f"{t:.3f} s", note]
            if HAVE_OTHER and not args.no_other:
                row.append(other_extensions(fw, semantics, args.timeout))
            rows.append(row)
        for name, ask in (("credulous", credulous), ("sceptical", sceptical)):
            for semantics in ("preferred", "stable"):
                t, answer = timed(lambda ask=ask, fw=fw, first=first, semantics=semantics: ask(
                    fw, first, semantics, timeout=args.timeout), 1)
                rows.append([path.name, "", "", f"{name} {semantics} '{first}'", f"{t:.3f} s",
                             answer, *([""] if HAVE_OTHER and not args.no_other else [])])
    header = ["file", "args/attacks", "", "task", "argmap", "result"]
    if HAVE_OTHER and not args.no_other:
        header.append(f"formal-argumentation (timeout {args.timeout:g} s)")
    table(f"3. ICCMA files (timeout {args.timeout:g} s)", header, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-other", action="store_true",
                        help="leave out the formal-argumentation column")
    args = parser.parse_args()
    if not HAVE_OTHER:
        print("formal-argumentation is not installed: its column is left out")
    bench_grounded(args)
    bench_maps(args)
    bench_iccma(args)


if __name__ == "__main__":
    main()
