"""The benchmark table: printed by ``bench/run`` and written, with the machine, to a Markdown file.

One row per measurement. Rows of floors and alternatives say how argmap compares with them
(``2.1x slower``: argmap takes 2.1 times as long; ``3.4x faster``: it takes a 3.4th of the time).
"""

from __future__ import annotations

from collections.abc import Sequence

from bench.suite import Row


def compare(row: Row) -> str:
    """How argmap's figure compares with this row's, in words.

    >>> compare(Row("s", "1k", "floor", 0.5, base=1.0))
    '2.00x slower'
    >>> compare(Row("s", "1k", "other", 2.98, base=1.0))
    '2.98x faster'
    """
    if row.base is None or row.value is None or row.value <= 0 or row.base <= 0:
        return ""
    ratio = row.base / row.value
    if 0.95 <= ratio <= 1.05:
        return "about the same"
    return f"{ratio:.2f}x slower" if ratio > 1 else f"{1 / ratio:.2f}x faster"


def _value(row: Row) -> str:
    if row.value is None:
        return "-"
    if row.unit == "MB":
        return f"{row.value:,.0f} MB"
    if row.value < 0.01:
        return f"{row.value * 1000:.2f} ms"
    return f"{row.value:.3f} s"


def _verdict(row: Row) -> str:
    if not row.target:
        return ""
    mark = {True: "met", False: "MISSED", None: "not run"}[row.met]
    return f"{row.target}: {mark}"


HEADER = ("step", "size", "measured", "median", "clock", "runs", "argmap vs this", "target",
          "note")
_RIGHT = {3, 5}


def cells(row: Row) -> tuple[str, ...]:
    """The row's cells, in :data:`HEADER` order."""
    what = row.what if row.base is None else f"↳ {'peer: ' if row.peer else ''}{row.what}"
    flag = " **SLOWER**" if row.peer and row.base is not None and row.value is not None \
        and row.base > row.value * 1.05 else ""
    return (row.step, row.size, what, _value(row), row.clock if row.unit == "s" else "",
            str(row.runs or ""), compare(row) + flag, _verdict(row), row.note)


def others_of(rows: Sequence[Row], ours: Row) -> list[Row]:
    """The floors and peers measured against argmap's row ``ours`` (same step and size)."""
    return [r for r in rows if r.base is not None and r.base == ours.value
            and r.step == ours.step and r.size == ours.size and r.value]


def comparisons(rows: Sequence[Row]) -> list[tuple[Row, Row, Row | None]]:
    """Each argmap row that has floors or peers: (argmap's row, the fastest floor or peer,
    the fastest peer or None)."""
    out = []
    for row in rows:
        if row.base is not None or row.value is None:
            continue
        found = others_of(rows, row)
        if found:
            peers = [r for r in found if r.peer]
            out.append((row, min(found, key=lambda r: r.value or 0.0),
                        min(peers, key=lambda r: r.value or 0.0) if peers else None))
    return out


def slower(rows: Sequence[Row]) -> list[Row]:
    """argmap's rows that are slower (by more than 5%) than a peer doing the same job."""
    return [ours for ours, _, peer in comparisons(rows)
            if peer is not None and ours.value is not None and peer.value is not None
            and ours.value > peer.value * 1.05]


def summary(rows: Sequence[Row]) -> str:
    """Every step against its fastest peer and its fastest floor, as a Markdown table."""
    lines = [("| step | size | argmap | fastest peer or floor | argmap vs it | argmap vs the "
              "fastest peer |"), "|---|---|---:|---|---|---|"]
    for ours, best, peer in comparisons(rows):
        versus = compare(Row("", "", "", best.value, base=ours.value)) or "-"
        against = "-"
        if peer is not None:
            against = compare(Row("", "", "", peer.value, base=ours.value))
            if ours.value is not None and peer.value is not None \
                    and ours.value > peer.value * 1.05:
                against += " **SLOWER than a peer**"
        kind = "peer" if best.peer else "floor"
        what = best.what.removeprefix(f"{kind}: ")  # floors' own labels may say so already
        lines.append(f"| {ours.step} | {ours.size} | {_value(ours)} | {kind}: {what} "
                     f"({_value(best)}) | {versus} | {against} |")
    return "\n".join(lines) + "\n"


def markdown(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join(["---"] * len(HEADER)) + "|"]
    lines[1] = "|" + "|".join("---:" if i in _RIGHT else "---" for i in range(len(HEADER))) + "|"
    for row in rows:
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells(row)) + " |")
    return "\n".join(lines) + "\n"


def text(rows: Sequence[Row]) -> str:
    """The rows as a plain-text table for the terminal (the note column last, unpadded)."""
    table = [HEADER] + [cells(row) for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(HEADER) - 1)]
    out = []
    for n, r in enumerate(table):
        parts = [c.rjust(w) if i in _RIGHT else c.ljust(w)
                 for i, (c, w) in enumerate(zip(r, widths, strict=False))]
        out.append("  ".join(parts + [r[-1]]).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def targets(rows: Sequence[Row]) -> tuple[list[Row], list[Row]]:
    """The rows with a target that was measured: (met, missed)."""
    judged = [r for r in rows if r.target and r.met is not None]
    return [r for r in judged if r.met], [r for r in judged if not r.met]


def results_file(rows: Sequence[Row], facts: Sequence[tuple[str, str]], command: str,
                 date: str, load: tuple[str, str], log: Sequence[str], seconds: float) -> str:
    """The whole of ``bench/results.md``: what ran, where, the table, the targets."""
    met, missed = targets(rows)
    behind = slower(rows)
    lines = [
        "# argmap benchmark results",
        "",
        f"Written by `{command}` on {date} in {seconds / 60:.1f} minutes. "
        "How to run it and what each row means: [README.md](README.md).",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {what} | {value} |" for what, value in facts],
        f"| load average (1 / 5 / 15 min) | before: {load[0]}; after: {load[1]} |",
        "",
        "Times are medians of the runs shown: wall clock, or CPU time of the measuring process "
        "where the clock column says so. Where argmap is compared with another tool, their runs "
        "alternate (argmap, the others, the others, argmap, ...) so that load from other work "
        "on the machine falls on every side alike, and the CPU times are compared. See the load "
        "average: on a shared machine compare medians, not single runs.",
        "",
        "## Every step against its fastest peer or floor",
        "",
        summary(rows),
        (f"argmap is slower than a peer in {len(behind)} step(s): "
         + "; ".join(f"{r.step} {r.size} ({r.what})" for r in behind) + "."
         if behind else "argmap is not slower than any peer in any step."),
        "",
        "## Results",
        "",
        markdown(rows),
        f"Targets: {len(met)} met, {len(missed)} missed"
        + (": " + "; ".join(f"{r.step} {r.size} ({r.target})" for r in missed) if missed
           else "") + ".",
        "",
        "## Data",
        "",
        *[f"- {line}" for line in log],
        "",
    ]
    return "\n".join(lines)
