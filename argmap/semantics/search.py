"""Complete, preferred and stable extensions, and acceptance of one argument, exactly.

How (SCC-recursiveness, Baroni, Giacomin & Guida 2005):

1. The grounded labelling is computed first (linear). Every complete labelling agrees with it
   on its ``in`` and ``out`` arguments, so only the ``undec`` rest is searched.
2. The rest is split into strongly connected components (SCCs), visited in topological order
   (attackers before what they attack). A component's labels depend only on the labels of its
   attackers upstream, so a single argument that does not attack itself is labelled by a rule
   (in if every attacker is out, out if one is in, else undec) and an acyclic map needs no search.
3. A component with a cycle is handed to the SAT solver (:mod:`argmap.semantics._sat`) with its
   upstream labels as context: every complete labelling of it (complete), the ones with a
   maximal in-set (preferred: a labelling is preferred iff its part of every component is
   in-maximal given its upstream context), or the ones without undec (stable). Each choice is
   followed depth-first into the components below; every leaf is one labelling.
4. Parts of the undecided rest that no attack joins (regions) are searched one by one and
   their labellings combined, so independent cycles cost a sum, not a product, of searches.

What is practical (measured with ``python bench/bench_semantics.py`` on 2 cores): the work is
about the number of extensions times the size of the undecided rest, plus the SAT work per
cyclic component.

* Acyclic or nearly acyclic maps of 100,000 arguments: 0.05-0.1 s for any semantics.
* 100,000 arguments all undecided, hanging under 100 cycles, 64 preferred extensions: 0.5 s
  (1 s when cross attacks join everything into one region).
* Dense cyclic parts are where the SAT work lies. Random frameworks with 10 attacks per
  argument: 200 arguments, everything in 0.05 s; 300 arguments (3,000 attacks, all
  undecided): stable in 4 s, credulous about 1 s per argument, preferred enumeration beyond
  10 s; 2,000-5,000 arguments with 3 attacks each: everything in 0.1 s. The competition
  instance ``st_890_86_9_572`` (743 undecided arguments, 37,125 attacks) answers
  ``"unknown"`` within any budget tried (CaDiCaL alone finds no stable extension in 200 s).
* The number of extensions can double with every independent even cycle: 30 separate mutual
  attacks give 2**30 preferred extensions, which no enumeration lists. Use ``limit``, or ask
  about one argument (:mod:`argmap.semantics.acceptance`): that needs no enumeration (one
  SAT call, on the argument's attackers upstream only, for credulous and for stable questions)
  and is the practical query on large maps.

Every call takes ``timeout`` (seconds, default 10) and answers ``"unknown"`` when it runs out:
it never hangs and never raises for lack of time.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from . import _sat
from .framework import Framework
from .labelling import IN, OUT, UNDEC, grounded_codes

Semantics = Literal["grounded", "complete", "preferred", "stable"]
Status = Literal["done", "unknown"]
Answer = Literal["yes", "no", "unknown"]
SEMANTICS: tuple[Semantics, ...] = ("grounded", "complete", "preferred", "stable")
DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True)
class Extensions:
    """The extensions of one semantics, and whether the list is complete.

    ``status`` is ``"done"`` when ``extensions`` holds all of them, ``"unknown"`` when the time
    (``reason="timeout"``) or the ``limit`` on their number (``reason="limit"``) ran out first;
    ``extensions`` then holds those found so far, each a genuine extension. The undecided
    arguments fall into regions that no attack joins; every extension is one choice per
    region, listed in the order of ``itertools.product`` over the regions (ordered by their
    first argument number), each region's choices sorted by the numbers of their members. So
    the same framework always gives the same list. ``extensions == []`` with ``"done"`` means there is
    none (only possible for stable).
    """

    semantics: Semantics
    status: Status
    extensions: list[frozenset[str]] = field(default_factory=list)
    reason: Literal["timeout", "limit"] | None = None

    def __len__(self) -> int:
        return len(self.extensions)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.extensions)


class _Component:
    __slots__ = ("inside", "members", "outside", "trivial")

    def __init__(self, members: list[int], inside: list[list[int]], outside: list[list[int]],
                 trivial: bool) -> None:
        self.members = members    # argument numbers
        self.inside = inside      # per member: local numbers of attackers in the component
        self.outside = outside    # per member: argument numbers of undecided attackers upstream
        self.trivial = trivial    # one argument, no self-attack: labelled by rule


def _components(fw: Framework, rest: list[int], inrest: bytearray) -> list[_Component]:
    """SCCs of the undecided rest, attackers first (iterative Tarjan)."""
    targets, attackers = fw._targets, fw._attackers
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in rest:
        if root in index:
            continue
        work = [(root, iter(targets[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            for w in it:
                if not inrest[w]:
                    continue
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(targets[w])))
                    break
                if w in on_stack and index[w] < low[v]:
                    low[v] = index[w]
            else:
                work.pop()
                if work and low[v] < low[work[-1][0]]:
                    low[work[-1][0]] = low[v]
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    found.append(sorted(comp))
    found.reverse()  # Tarjan emits sinks first
    out = []
    for members in found:
        local = {a: i for i, a in enumerate(members)}
        inside = [[local[b] for b in attackers[a] if b in local] for a in members]
        outside = [[b for b in attackers[a] if inrest[b] and b not in local] for a in members]
        trivial = len(members) == 1 and not inside[0]
        out.append(_Component(members, inside, outside, trivial))
    return out


def _search(fw: Framework, codes: bytearray, mode: _sat.Mode, clock: _sat.Clock,
            limit: int | None, rest: list[int],
            stop: Callable[[list[int]], bool] | None = None) -> tuple[list[list[int]], str | None]:
    """Depth-first over the components of ``rest``: the in-arguments of ``rest`` per extension.

    Returns the leaves found and ``None`` when done, ``"timeout"`` or ``"limit"`` otherwise
    (also ``"stop"`` when ``stop`` said so for a leaf).
    """
    inrest = bytearray(len(fw))
    for a in rest:
        inrest[a] = 1
    comps = _components(fw, rest, inrest)
    lab = bytearray(codes)
    cache: dict[tuple[int, bytes], list[bytes]] = {}
    leaves: list[list[int]] = []
    branches: list[list[object]] = []  # [component position, options, next option]
    pos, n_comps = 0, len(comps)
    try:
        while True:
            alive = True
            while pos < n_comps:
                clock.check()
                comp = comps[pos]
                if comp.trivial:
                    label = IN
                    for b in comp.outside[0]:
                        if lab[b] == IN:
                            label = OUT
                            break
                        if lab[b] == UNDEC:
                            label = UNDEC
                    if label == UNDEC and mode == "stable":
                        alive = False
                        break
                    lab[comp.members[0]] = label
                    pos += 1
                    continue
                options = _options(comp, pos, lab, mode, clock, cache)
                if not options:
                    alive = False
                    break
                _apply(comp, options[0], lab)
                if len(options) > 1:
                    branches.append([pos, options, 1])
                pos += 1
            if alive:
                leaf = [a for a in rest if lab[a] == IN]
                leaves.append(leaf)
                if stop is not None and stop(leaf):
                    return leaves, "stop"
                if limit is not None and len(leaves) >= limit and any(
                        b[2] < len(b[1]) for b in branches):  # type: ignore[arg-type]
                    return leaves, "limit"
            while branches and branches[-1][2] >= len(branches[-1][1]):  # type: ignore[arg-type]
                branches.pop()
            if not branches:
                return leaves, None
            top = branches[-1]
            pos = top[0]  # type: ignore[assignment]
            _apply(comps[pos], top[1][top[2]], lab)  # type: ignore[index]
            top[2] += 1  # type: ignore[operator]
            pos += 1
    except _sat.Timeout:
        return leaves, "timeout"


def _options(comp: _Component, pos: int, lab: bytearray, mode: _sat.Mode, clock: _sat.Clock,
             cache: dict[tuple[int, bytes], list[bytes]]) -> list[bytes]:
    status = bytearray(len(comp.members))
    for i, outside in enumerate(comp.outside):
        for b in outside:
            if lab[b] == IN:
                status[i] = _sat.FORCED_OUT
                break
            if lab[b] == UNDEC:
                status[i] = _sat.BLOCKED
    key = (pos, bytes(status))
    options = cache.get(key)
    if options is None:
        options = _sat.labellings(_sat.Part(comp.inside, status), mode, clock)
        cache[key] = options
    return options


def _apply(comp: _Component, option: bytes, lab: bytearray) -> None:
    for a, code in zip(comp.members, option):
        lab[a] = code


def _regions(fw: Framework, rest: list[int], inrest: bytearray) -> list[list[int]]:
    """Split ``rest`` into parts joined by no attack (union-find), ordered by first argument."""
    parent = {a: a for a in rest}

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    targets = fw._targets
    for a in rest:
        for b in targets[a]:
            if inrest[b]:
                ra, rb = root(a), root(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for a in rest:  # ``rest`` is increasing, so groups and their members come out sorted
        groups.setdefault(root(a), []).append(a)
    return list(groups.values())


def _enumerate(fw: Framework, mode: _sat.Mode, timeout: float | None,
               limit: int | None) -> Extensions:
    """Search each independent region of the undecided rest, then combine their choices."""
    codes = grounded_codes(fw)
    rest = [a for a, c in enumerate(codes) if c == UNDEC]
    inrest = bytearray(len(fw))
    for a in rest:
        inrest[a] = 1
    names = fw.arguments
    base = [names[a] for a, c in enumerate(codes) if c == IN]
    exts: list[frozenset[str]] = []
    reason: str | None = None
    with _sat.Clock(timeout) as clock:
        choices: list[list[list[str]]] = []
        for region in _regions(fw, rest, inrest):
            leaves, why = _search(fw, codes, mode, clock, limit, region)
            if why == "timeout":
                return Extensions(mode, "unknown", [], "timeout")
            if not leaves:  # this region has no stable labelling, so the framework has none
                return Extensions(mode, "done", [])
            reason = reason or why
            leaves.sort()
            choices.append([[names[a] for a in leaf] for leaf in leaves])
        try:
            for combo in itertools.product(*choices):
                if limit is not None and len(exts) >= limit:
                    reason = "limit"
                    break
                if exts:  # the first one is always given: every region is solved already
                    clock.check()
                exts.append(frozenset(itertools.chain(base, *combo)))
        except _sat.Timeout:
            reason = "timeout"
    if reason is None:
        return Extensions(mode, "done", exts)
    return Extensions(mode, "unknown", exts, reason)  # type: ignore[arg-type]


def complete(fw: Framework, *, timeout: float | None = DEFAULT_TIMEOUT,
             limit: int | None = None) -> Extensions:
    """Every complete extension of ``fw`` (the grounded one is the least).

    >>> complete(Framework(["a", "b"], [("a", "b"), ("b", "a")])).extensions
    [frozenset(), frozenset({'a'}), frozenset({'b'})]
    """
    return _enumerate(fw, "complete", timeout, limit)


def preferred(fw: Framework, *, timeout: float | None = DEFAULT_TIMEOUT,
              limit: int | None = None) -> Extensions:
    """Every preferred extension of ``fw`` (maximal admissible sets; at least one exists).

    >>> result = preferred(Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")]))
    >>> [sorted(e) for e in result.extensions]
    [['a', 'c'], ['b']]
    """
    return _enumerate(fw, "preferred", timeout, limit)


def stable(fw: Framework, *, timeout: float | None = DEFAULT_TIMEOUT,
           limit: int | None = None) -> Extensions:
    """Every stable extension of ``fw`` (conflict-free sets attacking everything else).

    There may be none: an odd cycle has no stable extension.

    >>> stable(Framework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])).extensions
    []
    """
    return _enumerate(fw, "stable", timeout, limit)


def extensions(fw: Framework, semantics: Semantics, *, timeout: float | None = DEFAULT_TIMEOUT,
               limit: int | None = None) -> Extensions:
    """The extensions of ``fw`` under ``semantics`` (one of :data:`SEMANTICS`)."""
    if semantics == "grounded":
        codes = grounded_codes(fw)
        names = fw.arguments
        return Extensions("grounded", "done",
                          [frozenset(names[a] for a, c in enumerate(codes) if c == IN)])
    if semantics not in ("complete", "preferred", "stable"):
        raise ValueError(f"unknown semantics {semantics!r}; expected one of {SEMANTICS}")
    return _enumerate(fw, semantics, timeout, limit)
