"""ICCMA reasoning tasks by their competition names, answered as an ICCMA 2023 solver answers.

A task is ``XX-YY``: ``XX`` is ``DC`` (credulous: is the argument in some extension?), ``DS``
(sceptical: is it in every one?), ``SE`` (some extension) or ``EE`` (every extension); ``YY``
is the semantics: ``CO`` complete, ``PR`` preferred, ``ST`` stable, ``GR`` grounded. The answer
is the lines an ICCMA 2023 solver prints, arguments by their names (their numbers, for a
``p af`` file without a ``# names`` block):

* ``DC``: ``YES`` and a certificate ``w 1 3`` (an extension holding the argument), or ``NO``;
* ``DS``: ``YES``, or ``NO`` and a counter-example ``w 2`` (an extension without it); under
  stable semantics a framework without stable extensions accepts everything sceptically;
* ``SE``: ``w 1 3``, or ``NO`` when there is no extension (stable only);
* ``EE``: one ``w`` line per extension, given as they are found (ICCMA 2023 has no EE task;
  the earlier competitions listed every extension).

A certificate is one SAT problem over the undecided arguments (a labelling with the argument
in, or out, or not in; grown until preferred for PR), so it costs about what the question does.

From the command line, with the options of the ICCMA solver interface::

    python -m argmap.semantics.tasks -p DC-PR -f instance.af -a 3
    python -m argmap.semantics.tasks --problems
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence

from . import _sat
from .framework import Framework
from .labelling import IN, OUT, UNDEC, grounded_codes
from .search import Semantics, iter_extensions

__all__ = ["SEMANTICS_OF", "TASKS", "main", "solve"]

#: The semantics of each ICCMA abbreviation.
SEMANTICS_OF: dict[str, Semantics] = {"CO": "complete", "PR": "preferred", "ST": "stable",
                                      "GR": "grounded"}
#: Every task :func:`solve` answers.
TASKS: tuple[str, ...] = tuple(f"{kind}-{abbr}" for kind in ("DC", "DS", "SE", "EE")
                               for abbr in SEMANTICS_OF)


def solve(fw: Framework, task: str, argument: str | None = None, *,
          timeout: float | None = None) -> Iterator[str]:
    """The lines an ICCMA 2023 solver prints for ``task`` on ``fw`` (see the module docs).

    ``argument`` is the query of a ``DC`` or ``DS`` task. When ``timeout`` (seconds) runs out,
    the lines found so far have been given and :class:`TimeoutError` is raised.

    >>> fw = Framework(["1", "2", "3"], [("1", "2"), ("2", "1"), ("2", "3")])
    >>> list(solve(fw, "DC-PR", "3")), list(solve(fw, "DS-PR", "3"))
    (['YES', 'w 1 3'], ['NO', 'w 2'])
    >>> list(solve(fw, "EE-CO"))
    ['w', 'w 1 3', 'w 2']
    """
    kind, semantics = _task(task)
    if kind in ("SE", "EE"):
        return _extensions(fw, semantics, kind == "SE", timeout)
    if argument is None:
        raise ValueError(f"task {task} needs an argument to ask about")
    if argument not in fw.index:
        raise KeyError(f"no argument {argument!r} in the framework")
    return _decide(fw, kind == "DC", semantics, fw.index[argument], timeout)


def _task(task: str) -> tuple[str, Semantics]:
    name = task.upper()
    if name not in TASKS:
        raise ValueError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")
    kind, abbr = name.split("-")
    return kind, SEMANTICS_OF[abbr]


def _witness(fw: Framework, members: Sequence[int]) -> str:
    names = fw.arguments
    return " ".join(["w", *(names[a] for a in sorted(members))])


def _extensions(fw: Framework, semantics: Semantics, one: bool,
                timeout: float | None) -> Iterator[str]:
    index = fw.index
    with iter_extensions(fw, semantics, timeout=timeout) as found:
        for ext in found:
            yield _witness(fw, [index[x] for x in ext])
            if one:
                return
    if found.status == "unknown":
        raise TimeoutError(f"time ran out after {found.count:,} extensions")
    if one:
        yield "NO"  # only stable semantics can have none


def _decide(fw: Framework, credulous: bool, semantics: Semantics, a: int,
            timeout: float | None) -> Iterator[str]:
    codes = grounded_codes(fw)
    base = [b for b, c in enumerate(codes) if c == IN]
    if semantics == "grounded" or (semantics == "complete" and not credulous):
        # sceptical complete is grounded; the grounded extension is complete
        yes = codes[a] == IN
        witness = [_witness(fw, base)] if yes == credulous else []
        return iter(["YES" if yes else "NO", *witness])
    rest = [b for b, c in enumerate(codes) if c == UNDEC]
    local = {b: i for i, b in enumerate(rest)}
    attackers = fw._attackers
    part = _sat.Part([[local[b] for b in attackers[x] if b in local] for x in rest],
                     bytes(len(rest)))
    stable = semantics == "stable"
    grow = semantics == "preferred"
    here = [local[a]] if a in local else []
    try:
        with _sat.Clock(timeout) as clock:
            if credulous:
                found = (None if codes[a] == OUT
                         else _sat.labelling(part, stable, clock, in_=here, grow=grow))
                answer = found is not None
            elif stable:  # sceptical: a stable extension without it is a counter-example
                found = None if codes[a] == IN else _sat.labelling(part, True, clock,
                                                                     not_in=here)
                answer = found is None
            else:  # sceptical preferred
                found = None
                if codes[a] != IN:
                    found = _sat.labelling(part, False, clock, out=here, grow=True)
                    if found is None:  # never out, but perhaps undecided in one
                        found = _sat.preferred_without(part, local[a], clock)
                answer = found is None
    except _sat.Timeout:
        raise TimeoutError("time ran out") from None
    lines = ["YES" if answer else "NO"]
    if found is not None:
        lines.append(_witness(fw, base + [rest[i] for i, c in enumerate(found) if c == IN]))
    return iter(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """The ICCMA solver interface: ``-p TASK -f FILE [-a ARGUMENT]``, ``--problems``."""
    from ..errors import ArgmapError
    from . import iccma

    parser = argparse.ArgumentParser(prog="python -m argmap.semantics.tasks",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("-p", "--problem", help="the task, e.g. DC-PR")
    parser.add_argument("-f", "--file", help="the framework: .af/.i23, .apx or .tgf")
    parser.add_argument("-a", "--argument", help="the argument a DC or DS task asks about")
    parser.add_argument("--timeout", type=float, default=None, help="seconds (default: none)")
    parser.add_argument("--problems", action="store_true", help="list the tasks and stop")
    args = parser.parse_args(argv)
    if args.problems:
        print("[" + ",".join(TASKS) + "]")
        return 0
    if not args.problem or not args.file:
        parser.error("give -p TASK and -f FILE (or --problems)")
    try:
        fw = iccma.read(args.file)
        for line in solve(fw, args.problem, args.argument, timeout=args.timeout):
            print(line, flush=True)
    except ArgmapError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except (KeyError, ValueError) as error:
        print(f"error: {error.args[0]}", file=sys.stderr)
        return 1
    except TimeoutError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
