"""The SCC-recursive search behind :mod:`argmap.semantics.search`, one labelling at a time.

:func:`generate` splits the undecided rest of a framework into regions that no attack joins,
walks each region's strongly connected components depth-first (:class:`Search`), and combines
the regions' labellings (:func:`product`), keeping them while :data:`KEEP_BYTES` allows and
searching a region again otherwise. Everything it opens (SAT solvers, worker processes) belongs
to one :class:`~argmap.semantics._sat.Pool`, closed however the search ends. See
:mod:`argmap.semantics.search` for the method and its bounds.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from functools import partial
from itertools import chain, compress

from . import _sat
from .framework import Framework
from .labelling import IN, OUT, UNDEC, grounded_codes

#: Region labellings kept per query to combine regions (beyond it, a region is searched again).
KEEP_BYTES = 64 * 2**20
#: Cyclic components this small have all their labellings found at once (a handful at most).
_EAGER_UP_TO = 8
#: Labellings of one component context kept for later visits, at most.
_KEEP_OPTIONS = 10_000
#: Component contexts whose labellings are kept for later visits, at most (per region).
_KEEP_CONTEXTS = 4096

IN_ONLY = bytes(1 if code == IN else 0 for code in range(256))  # codes -> 1 for in, 0 else


class _Component:
    """A strongly connected component with a cycle: what its SAT problem needs."""

    __slots__ = ("inside", "members", "outside")

    def __init__(self, members: list[int], inside: list[list[int]],
                 outside: list[list[int]]) -> None:
        self.members = members    # argument numbers
        self.inside = inside      # per member: local numbers of attackers in the component
        self.outside = outside    # per member: argument numbers of undecided attackers upstream


class _Order:
    """The components of a region in topological order (attackers first).

    Most are lone arguments that do not attack themselves, labelled by a rule: for those,
    ``single[pos]`` is the argument and ``upstream[pos]`` its undecided attackers (a tuple, which
    the garbage collector stops tracking). The others have ``single[pos] == -1`` and a
    :class:`_Component` in ``cyclic``. Kept this lean because every region being combined keeps
    its order alive.
    """

    __slots__ = ("cyclic", "single", "upstream")

    def __init__(self) -> None:
        self.single: list[int] = []
        self.upstream: list[tuple[int, ...]] = []
        self.cyclic: dict[int, _Component] = {}

    def members(self, pos: int) -> list[int]:
        """The arguments of the component at ``pos``."""
        return [self.single[pos]] if self.single[pos] >= 0 else self.cyclic[pos].members


def _components(fw: Framework, rest: list[int], inrest: bytearray) -> _Order:
    """SCCs of the undecided ``rest``, attackers first (iterative Tarjan)."""
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
    order = _Order()
    for pos, members in enumerate(found):
        a = members[0]
        if len(members) == 1 and a not in attackers[a]:
            order.single.append(a)
            order.upstream.append(tuple(b for b in attackers[a] if inrest[b]))
            continue
        local = {a: i for i, a in enumerate(members)}
        inside = [[local[b] for b in attackers[a] if b in local] for a in members]
        outside = [[b for b in attackers[a] if inrest[b] and b not in local] for a in members]
        order.single.append(-1)
        order.upstream.append(())
        order.cyclic[pos] = _Component(members, inside, outside)
    return order


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


def _apply(comp: _Component, option: bytes, lab: bytearray) -> None:
    for a, code in zip(comp.members, option):
        lab[a] = code


class _Frame:
    """A cyclic component on the search's path: the labelling of it in use, and what is next."""

    __slots__ = ("enum", "index", "key", "pos")

    def __init__(self, pos: int, key: tuple[int, bytes], enum: _sat.Enumerator) -> None:
        self.pos = pos        # its position in the topological order
        self.key = key        # (position, context): its labellings' key in the cache
        self.enum = enum      # its labellings, found so far and to come
        self.index = 0        # the one in use


class Search:
    """One query's search: the labels so far (shared by every region: they touch apart
    arguments), which arguments are undecided, and the solvers."""

    def __init__(self, fw: Framework, codes: bytearray, mode: _sat.Mode, pool: _sat.Pool,
                 searched: list[int]) -> None:
        self.fw = fw
        self.mode = mode
        self.pool = pool
        self.lab = bytearray(codes)
        self.inrest = bytearray(len(fw))
        for a in searched:
            self.inrest[a] = 1

    def leaves(self, members: list[int]) -> Generator[bytes, None, None]:
        """The labellings of ``members`` (undecided, closed under undecided attackers), one at
        a time, depth-first over their components: one byte per member, 1 for in, 0 else."""
        fw, lab, mode, clock = self.fw, self.lab, self.mode, self.pool.clock
        order = _components(fw, members, self.inrest)
        single, upstream, cyclic = order.single, order.upstream, order.cyclic
        cache: dict[tuple[int, bytes], _sat.Enumerator] = {}
        stack: list[_Frame] = []
        yielded: list[bytes] | None = [] if mode == "stable" else None
        get = lab.__getitem__
        stable = mode == "stable"
        pos, n_comps, steps = 0, len(single), 0
        while True:
            alive = True
            while pos < n_comps:
                steps += 1
                if not steps & 255:
                    clock.check()
                a = single[pos]
                if a >= 0:
                    label = IN
                    for b in upstream[pos]:
                        seen = lab[b]
                        if seen == IN:
                            label = OUT
                            break
                        if seen == UNDEC:
                            label = UNDEC
                    if label == UNDEC and stable:
                        alive = False
                        break
                    lab[a] = label
                    pos += 1
                    continue
                clock.check()
                comp = cyclic[pos]
                key, enum = self._options(comp, pos, cache, stack)
                option = enum.found[0] if enum.found else enum.next()
                if option is None:  # stable only: no stable labelling in this context
                    alive = False
                    break
                _apply(comp, option, lab)
                stack.append(_Frame(pos, key, enum))
                pos += 1
            if alive:
                leaf = bytes(map(get, members)).translate(IN_ONLY)
                if yielded is not None:
                    yielded.append(leaf)
                yield leaf
            elif yielded is not None:  # a dead end: search the whole region at once instead
                for frame in stack:
                    frame.enum.suspend()
                cache.clear()
                if yielded or self._stable_above(order.members(pos)):
                    yield from self._stable_at_once(members, yielded)
                return
            while stack:  # backtrack to the deepest component with another labelling
                frame = stack[-1]
                enum, i = frame.enum, frame.index + 1
                option = enum.found[i] if i < len(enum.found) else enum.next()
                if option is not None:
                    frame.index = i
                    _apply(cyclic[frame.pos], option, lab)
                    pos = frame.pos + 1
                    break
                stack.pop()
                if len(enum.found) > _KEEP_OPTIONS:
                    del cache[frame.key]
            else:
                return

    def _options(self, comp: _Component, pos: int, cache: dict[tuple[int, bytes], _sat.Enumerator],
                 stack: list[_Frame]) -> tuple[tuple[int, bytes], _sat.Enumerator]:
        """The labellings of ``comp`` in its current context, found so far and to come."""
        lab = self.lab
        status = bytearray(len(comp.members))
        for i, outside in enumerate(comp.outside):
            for b in outside:
                if lab[b] == IN:
                    status[i] = _sat.FORCED_OUT
                    break
                if lab[b] == UNDEC:
                    status[i] = _sat.BLOCKED
        key = (pos, bytes(status))
        enum = cache.get(key)
        if enum is None:
            if len(cache) >= _KEEP_CONTEXTS:  # forget what the current path does not use
                used = {frame.key for frame in stack}
                for old in [k for k in cache if k not in used]:
                    cache.pop(old).suspend()
            enum = _sat.Enumerator(_sat.Part(comp.inside, status), self.mode, self.pool)
            if len(comp.members) <= _EAGER_UP_TO:
                while enum.next() is not None:
                    pass
            cache[key] = enum
        return key, enum

    def _stable_above(self, component: list[int]) -> bool:
        """Whether a component and the undecided arguments upstream of it have a stable
        labelling at all (one SAT call on them alone). If not, a dead end there comes whatever
        is chosen above it, and the region has no stable labelling: the usual case of an odd
        cycle."""
        attackers, inrest = self.fw._attackers, self.inrest
        seen = set(component)
        todo = list(component)
        while todo:
            for b in attackers[todo.pop()]:
                if inrest[b] and b not in seen:
                    seen.add(b)
                    todo.append(b)
        above = sorted(seen)
        local = {a: i for i, a in enumerate(above)}
        inside = [[local[b] for b in attackers[a] if b in local] for a in above]
        return _sat.satisfiable(_sat.Part(inside, bytes(len(above))), True, self.pool.clock)

    def _stable_at_once(self, members: list[int],
                        yielded: list[bytes]) -> Generator[bytes, None, None]:
        """The stable labellings of ``members`` not yet given, by one SAT problem over all."""
        local = {a: i for i, a in enumerate(members)}
        attackers = self.fw._attackers
        inside = [[local[b] for b in attackers[a] if b in local] for a in members]
        enum = _sat.Enumerator(_sat.Part(inside, bytes(len(members))), "stable", self.pool,
                               exclude=yielded)
        while (codes := enum.next()) is not None:
            yield codes.translate(IN_ONLY)


Choice = tuple[bytes, tuple[str, ...]]  # a region's labelling, and the names it has in


def _choices(search: Search, region: list[int],
             names: list[str]) -> Generator[Choice, None, None]:
    for leaf in search.leaves(region):
        yield leaf, tuple(compress(names, leaf))


class _Replay:
    """The labellings of one region, for going over them again as regions are combined.

    They are kept while the query's :data:`KEEP_BYTES` allow; after that the region is searched
    again from its start each time the combination comes back to it (same labellings).
    """

    def __init__(self, start: Callable[[], Generator[Choice, None, None]],
                 budget: list[int]) -> None:
        self._start = start
        self._budget = budget  # one shared counter: bytes that may still be kept
        self._it = start()
        self._kept: list[Choice] | None = []
        self._done = False
        self._at = -1  # once nothing is kept: the number of the last labelling taken

    def get(self, i: int) -> Choice | None:
        """Labelling ``i``, or ``None`` past the last; asked for in order, from 0 again."""
        kept = self._kept
        if kept is not None:
            if i < len(kept):
                return kept[i]
            if self._done:
                return None
            leaf = next(self._it, None)
            if leaf is None:
                self._done = True
                return None
            kept.append(leaf)
            self._budget[0] -= _size(leaf)
            if self._budget[0] < 0:
                self._budget[0] += sum(map(_size, kept))
                self._kept, self._at = None, i
            return leaf
        if i == 0:
            self._it.close()
            self._it = self._start()
        elif i != self._at + 1:
            raise AssertionError("labellings are asked for in order")
        self._at = i
        return next(self._it, None)

    def close(self) -> None:
        self._it.close()


def _size(choice: Choice) -> int:
    return len(choice[0]) + 8 * len(choice[1]) + 150  # bytes, tuple, their headers


def product(sources: list[_Replay]) -> Iterator[tuple[Choice, ...]]:
    """Every choice of one labelling per region, the last region varying fastest."""
    combo: list[Choice] = []
    for source in sources:
        leaf = source.get(0)
        if leaf is None:  # a region without a (stable) labelling: no extension at all
            return
        combo.append(leaf)
    at = [0] * len(sources)
    while True:
        yield tuple(combo)
        j = len(sources) - 1
        while j >= 0:
            leaf = sources[j].get(at[j] + 1)
            if leaf is not None:
                at[j] += 1
                combo[j] = leaf
                break
            j -= 1
        if j < 0:
            return
        for t in range(j + 1, len(sources)):
            at[t] = 0
            again = sources[t].get(0)
            if again is None:  # it gave this one before: only a broken solver gets here
                raise RuntimeError("a region's labellings changed while they were combined")
            combo[t] = again


Found = Generator[tuple[tuple[bytes, ...], frozenset[str]], None, None]


def generate(fw: Framework, mode: _sat.Mode, clock: _sat.Clock) -> Found:
    """Every extension, one at a time, with its choice per region (the key of the fixed order).

    Raises :class:`_sat.Timeout` at the deadline; closing it closes every solver it opened.
    """
    codes = grounded_codes(fw)
    names = fw.arguments
    base = [names[a] for a, c in enumerate(codes) if c == IN]
    rest = [a for a, c in enumerate(codes) if c == UNDEC]
    if not rest:
        yield (), frozenset(base)
        return
    search = Search(fw, codes, mode, _sat.Pool(clock), rest)
    regions = _regions(fw, rest, search.inrest)
    budget = [KEEP_BYTES]
    sources: list[_Replay] = []
    try:
        for region in regions:
            sources.append(_Replay(partial(_choices, search, region,
                                           [names[a] for a in region]), budget))
        for combo in product(sources):
            clock.check()  # combining kept labellings needs no solver, so no watchdog
            yield (tuple(leaf for leaf, _ in combo),
                   frozenset(chain(base, *(inside for _, inside in combo))))
    finally:
        for source in sources:
            source.close()
        search.pool.close()
