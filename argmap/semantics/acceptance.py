"""Acceptance of one argument: is it in some extension (credulous), in every one (sceptical)?

No enumeration is needed for most questions. Credulous acceptance under complete and preferred
semantics is one SAT call on the argument's undecided attackers upstream (directionality: the
rest of the map cannot change their labels); stable questions are one SAT call on the whole
undecided rest. Sceptical preferred acceptance asks, on the upstream part, for a complete
labelling with the argument out (one SAT call: a preferred extension above it leaves the
argument out), then for a preferred labelling without it by counter-example search
(:func:`argmap.semantics._sat.preferred_without`), which stops at the first one it finds. Each
takes ``timeout`` and answers ``"unknown"`` when it runs out.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import _sat
from .framework import Framework
from .labelling import IN, OUT, UNDEC, grounded_codes
from .search import DEFAULT_TIMEOUT, SEMANTICS, Answer, Semantics

__all__ = ["credulous", "sceptical"]


def _ancestors(fw: Framework, start: int, codes: Sequence[int]) -> list[int]:
    """Undecided arguments from which ``start`` can be reached along attacks (and ``start``)."""
    attackers = fw._attackers
    seen = {start}
    todo = [start]
    while todo:
        for b in attackers[todo.pop()]:
            if b not in seen and codes[b] == UNDEC:
                seen.add(b)
                todo.append(b)
    return sorted(seen)


def _part(fw: Framework, members: list[int]) -> tuple[_sat.Part, dict[int, int]]:
    """A part whose outside attackers are all out (closed upwards among undecided arguments)."""
    local = {a: i for i, a in enumerate(members)}
    inside = [[local[b] for b in fw._attackers[a] if b in local] for a in members]
    return _sat.Part(inside, bytes(len(members))), local


def _argument(fw: Framework, argument: str, semantics: str) -> int:
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; expected one of {SEMANTICS}")
    try:
        return fw.index[argument]
    except KeyError:
        raise KeyError(f"no argument {argument!r} in the framework") from None


def credulous(fw: Framework, argument: str, semantics: Semantics = "preferred", *,
              timeout: float | None = DEFAULT_TIMEOUT) -> Answer:
    """Is ``argument`` in at least one extension? ``"yes"``, ``"no"`` or ``"unknown"`` (time).

    Complete and preferred agree here (an argument is in some preferred extension iff it is
    in some complete one); only the argument's attackers upstream are looked at.

    >>> fw = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> credulous(fw, "a"), credulous(fw, "a", "grounded")
    ('yes', 'no')
    """
    a = _argument(fw, argument, semantics)
    codes = grounded_codes(fw)
    if codes[a] == OUT:
        return "no"
    if semantics == "grounded":
        return "yes" if codes[a] == IN else "no"
    if semantics != "stable" and codes[a] == IN:
        return "yes"
    members = (_ancestors(fw, a, codes) if semantics != "stable"
               else [b for b, c in enumerate(codes) if c == UNDEC])
    part, local = _part(fw, members)
    want = [local[a]] if a in local else []
    try:
        with _sat.Clock(timeout) as clock:
            return "yes" if _sat.satisfiable(part, semantics == "stable", clock, in_=want) else "no"
    except _sat.Timeout:
        return "unknown"


def sceptical(fw: Framework, argument: str, semantics: Semantics = "preferred", *,
              timeout: float | None = DEFAULT_TIMEOUT) -> Answer:
    """Is ``argument`` in every extension? ``"yes"``, ``"no"`` or ``"unknown"`` (time).

    Under stable semantics a framework without stable extensions accepts everything
    sceptically (the usual convention, as in ICCMA). Sceptical complete is grounded.

    >>> floating = Framework(["a", "b", "c", "d"],
    ...                      [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    >>> sceptical(floating, "d"), sceptical(floating, "d", "grounded")
    ('yes', 'no')
    """
    a = _argument(fw, argument, semantics)
    codes = grounded_codes(fw)
    if codes[a] == IN:
        return "yes"
    if semantics in ("grounded", "complete"):
        return "no"
    try:
        with _sat.Clock(timeout) as clock:
            if semantics == "stable":
                rest = [b for b, c in enumerate(codes) if c == UNDEC]
                part, local = _part(fw, rest)
                avoid = [local[a]] if a in local else []
                return "no" if _sat.satisfiable(part, True, clock, not_in=avoid) else "yes"
            if codes[a] == OUT:
                return "no"
            members = _ancestors(fw, a, codes)
            part, local = _part(fw, members)
            if _sat.satisfiable(part, False, clock, out=[local[a]]):
                return "no"  # a preferred extension holding this complete one attacks it
            found = _sat.preferred_without(part, local[a], clock)
            return "yes" if found is None else "no"
    except _sat.Timeout:
        return "unknown"
