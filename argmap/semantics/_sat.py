"""SAT encodings of complete, stable and preferred labellings of one part of a framework.

Each argument ``a`` gets two variables, ``I_a`` (labelled in) and ``O_a`` (labelled out); neither
means undec. The clauses are Caminada's conditions for a complete labelling:

* in  iff every attacker is out;
* out iff some attacker is in;

plus ``I_a or O_a`` for stable labellings. A *part* is a set of arguments whose attackers from
outside the part already carry fixed labels (its context): an argument with an outside attacker
that is ``in`` is forced out, one with an outside attacker that is ``undec`` cannot be in, and
outside attackers that are ``out`` do not matter.

Labellings are found one SAT call at a time by an :class:`Enumerator`, so a search that needs
one labelling pays for one: each stable or complete labelling found is ruled out by a blocking
clause on its in-set before the next call. Preferred labellings are found with the PrefSAT
scheme (Cerutti et al., 2014): take a complete labelling, grow its in-set with the solver until
no larger one exists, record it, forbid every subset of it, repeat.

Solvers, all from ``python-sat``. Every call must stop at its deadline, and ``python-sat``'s
CaDiCaL cannot be interrupted (``solve_limited`` is unsupported), so:

* parts of at least :data:`CADICAL_FROM` arguments go to CaDiCaL 1.9.5 running in a worker
  process (:class:`_Remote`), which is killed when the deadline passes. CaDiCaL was 10-30
  times faster than MiniSat and Glucose on dense random parts of a few hundred arguments;
  starting the worker costs about 40 ms.
* smaller parts go to MiniSat 2.2 in this process (:class:`_Local`): no start-up cost, and a
  :class:`Clock` runs one watchdog thread per query that interrupts it at the deadline (and
  keeps doing so until the query ends, so an interrupt cannot slip in between two calls).
  MiniSat stops at once; Glucose 4.2 took tens of seconds to notice an interrupt.

A :class:`Pool` owns the solvers of one query: it keeps at most :data:`MAX_OPEN_REMOTE` worker
processes and :data:`MAX_OPEN_LOCAL` MiniSat instances open (an enumerator whose solver was
closed to make room opens a new one, re-adding what it has found, when it is next asked), and
closes every one of them when the query ends, however it ends.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Literal, Self

FREE, BLOCKED, FORCED_OUT = 0, 1, 2
Mode = Literal["complete", "stable", "preferred"]


class Timeout(Exception):
    """Internal: the deadline of a query has passed (turned into status ``unknown``)."""


class Clock:
    """A deadline, checked by the search and enforced on the SAT solver by a watchdog thread."""

    def __init__(self, timeout: float | None) -> None:
        self.deadline = None if timeout is None else time.monotonic() + max(0.0, timeout)
        self._solver: Any = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def expired(self) -> bool:
        """Whether the deadline has passed."""
        return self.deadline is not None and time.monotonic() >= self.deadline

    def check(self) -> None:
        """Raise :class:`Timeout` once the deadline has passed."""
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise Timeout

    def _watch(self) -> None:
        assert self.deadline is not None
        if self._stop.wait(max(0.0, self.deadline - time.monotonic())):
            return
        while not self._stop.is_set():
            with self._lock:
                if self._solver is not None:
                    self._solver.interrupt()
            self._stop.wait(0.02)

    def solve(self, solver: Any, assumptions: Sequence[int] = ()) -> bool:
        """Run ``solver`` under the deadline: ``True``/``False``, or raise :class:`Timeout`."""
        self.check()
        if self.deadline is not None and self._thread is None:
            self._thread = threading.Thread(target=self._watch, daemon=True,
                                            name="argmap-sat-watchdog")
            self._thread.start()
        with self._lock:
            self._solver = solver
        try:
            answer = solver.solve_limited(assumptions=list(assumptions), expect_interrupt=True)
        finally:
            with self._lock:
                self._solver = None
        if answer is None:
            raise Timeout
        return bool(answer)


#: Parts with at least this many arguments are solved by CaDiCaL in a worker process.
CADICAL_FROM = 150

# The worker: reads length-prefixed pickles (clauses to add, or assumptions to solve under)
# from stdin and answers each solve with (result, model). Self-contained, so it runs whether or
# not argmap itself is importable in a fresh interpreter.
_WORKER = r"""
import pickle, struct, sys
from pysat.solvers import Solver
inp, out = sys.stdin.buffer, sys.stdout.buffer
solver = Solver(name="cadical195")
while True:
    head = inp.read(8)
    if len(head) < 8:
        break
    kind, payload = pickle.loads(inp.read(struct.unpack("<Q", head)[0]))
    if kind == "add":
        solver.append_formula(payload)
    elif kind == "solve":
        ok = solver.solve(assumptions=payload)
        data = pickle.dumps((ok, solver.get_model() if ok else None), protocol=4)
        out.write(struct.pack("<Q", len(data)) + data)
        out.flush()
"""


class _Local:
    """MiniSat 2.2 in this process, interrupted by the clock's watchdog."""

    def __init__(self, clock: Clock) -> None:
        try:
            from pysat.solvers import Solver
        except ImportError as missing:  # pragma: no cover - python-sat is a dependency
            raise RuntimeError("complete, preferred and stable semantics need python-sat "
                               "(pip install python-sat)") from missing
        self.clock = clock
        self.solver = Solver(name="minisat22")
        self.model: list[int] | None = None

    def add(self, clauses: list[list[int]]) -> None:
        self.solver.append_formula(clauses)

    def solve(self, assumptions: Sequence[int] = ()) -> bool:
        ok = self.clock.solve(self.solver, assumptions)
        self.model = self.solver.get_model() if ok else None
        return ok

    def close(self) -> None:
        self.solver.delete()


class _Remote:
    """CaDiCaL in a worker process, killed when the deadline passes."""

    def __init__(self, clock: Clock) -> None:
        import queue
        import subprocess
        import sys

        self.clock = clock
        self.model: list[int] | None = None
        self.proc = subprocess.Popen([sys.executable, "-c", _WORKER], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.replies: queue.Queue[Any] = queue.Queue()
        threading.Thread(target=self._read, daemon=True, name="argmap-sat-reader").start()

    def _read(self) -> None:
        import pickle
        import struct

        pipe = self.proc.stdout
        assert pipe is not None
        while True:
            head = pipe.read(8)
            if len(head) < 8:
                self.replies.put(None)
                return
            self.replies.put(pickle.loads(pipe.read(struct.unpack("<Q", head)[0])))

    def _send(self, kind: str, payload: Any) -> None:
        import pickle
        import struct

        data = pickle.dumps((kind, payload), protocol=4)
        assert self.proc.stdin is not None
        self.proc.stdin.write(struct.pack("<Q", len(data)) + data)
        self.proc.stdin.flush()

    def add(self, clauses: list[list[int]]) -> None:
        self._send("add", clauses)

    def solve(self, assumptions: Sequence[int] = ()) -> bool:
        import queue

        self.clock.check()
        self._send("solve", list(assumptions))
        wait = None if self.clock.deadline is None else max(
            0.0, self.clock.deadline - time.monotonic())
        try:
            reply = self.replies.get(timeout=wait)
        except queue.Empty:
            self.close()
            raise Timeout from None
        if reply is None:
            raise RuntimeError("the CaDiCaL worker process stopped")
        ok, self.model = reply
        return bool(ok)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


def _new_solver(clock: Clock, size: int) -> _Local | _Remote:
    return _Remote(clock) if size >= CADICAL_FROM else _Local(clock)


#: At most this many CaDiCaL worker processes are open at once in one query.
MAX_OPEN_REMOTE = 2
#: At most this many MiniSat instances are open at once in one query.
MAX_OPEN_LOCAL = 256


class Pool:
    """The open solvers of one query, least recently used first; see the module docs."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._open: OrderedDict[Enumerator, None] = OrderedDict()

    def solver(self, owner: Enumerator, size: int) -> _Local | _Remote:
        """A new solver for ``owner``, after closing the least recently used of its kind if
        there are too many."""
        remote = size >= CADICAL_FROM
        cap = MAX_OPEN_REMOTE if remote else MAX_OPEN_LOCAL
        same = [e for e in self._open if e.remote == remote]
        for other in same[:max(0, len(same) - cap + 1)]:
            other.suspend()
        solver = _new_solver(self.clock, size)
        self._open[owner] = None
        return solver

    def touch(self, owner: Enumerator) -> None:
        """``owner`` was just used: it is the last to be closed to make room."""
        self._open.move_to_end(owner)

    def release(self, owner: Enumerator) -> None:
        """``owner`` closed its solver."""
        self._open.pop(owner, None)

    def close(self) -> None:
        """Close every open solver (and stop every worker process)."""
        for owner in list(self._open):
            owner.suspend()


class Part:
    """Arguments ``0 .. k-1`` of a part, their attackers inside it, and their context status."""

    __slots__ = ("attackers", "status")

    def __init__(self, attackers: Sequence[Sequence[int]], status: Sequence[int]) -> None:
        self.attackers = attackers
        self.status = status

    def __len__(self) -> int:
        return len(self.status)


def _clauses(part: Part, stable: bool) -> list[list[int]]:
    out: list[list[int]] = []
    for a, (atts, st) in enumerate(zip(part.attackers, part.status)):
        i_a, o_a = 2 * a + 1, 2 * a + 2
        out.append([-i_a, -o_a])
        for b in atts:
            out.append([-i_a, 2 * b + 2])      # in -> each attacker out
        if st == FORCED_OUT:
            out.append([o_a])
        else:
            if st == BLOCKED:
                out.append([-i_a])
            else:
                out.append([i_a] + [-(2 * b + 2) for b in atts])  # all attackers out -> in
            out.append([-o_a] + [2 * b + 1 for b in atts])        # out -> some attacker in
            for b in atts:
                out.append([-(2 * b + 1), o_a])                   # an attacker in -> out
        if stable:
            out.append([i_a, o_a])
    return out


def _labels(model: Sequence[int], k: int) -> bytes:
    """Model -> one code per argument (0 undec, 1 in, 2 out)."""
    truth = {v for v in model if v > 0}
    return bytes(1 if 2 * a + 1 in truth else 2 if 2 * a + 2 in truth else 0 for a in range(k))


def _block_exact(codes: bytes) -> list[int]:
    """A clause that rules out exactly this in-set (complete labellings are fixed by it)."""
    return [-(2 * a + 1) if c == 1 else 2 * a + 1 for a, c in enumerate(codes)]


def _block_subsets(codes: bytes) -> list[int]:
    """A clause that rules out this in-set and every subset of it (empty: the in-set is all)."""
    return [2 * a + 1 for a, c in enumerate(codes) if c != 1]


class Enumerator:
    """The complete / stable / preferred labellings of ``part``, one per :meth:`next` call.

    Each labelling costs one SAT call (preferred: one call, then one per step of growing the
    in-set), and is ruled out before the next call, so none comes twice. ``exclude`` lists
    in-sets (``1`` = in, as in a labelling) not to give. :attr:`found` keeps every labelling
    given (the solver keeps one clause for each anyway); with it a closed solver can be
    opened again where it stopped. Raises :class:`Timeout` at the clock's deadline.

    >>> with Clock(5) as clock:
    ...     pool = Pool(clock)
    ...     both = Enumerator(Part([[1], [0]], [FREE, FREE]), "preferred", pool)
    ...     both.next(), both.next(), both.next(), both.done
    (b'\\x01\\x02', b'\\x02\\x01', None, True)
    """

    def __init__(self, part: Part, mode: Mode, pool: Pool,
                 exclude: Sequence[bytes] = ()) -> None:
        self.part = part
        self.mode = mode
        self.pool = pool
        self.exclude = exclude
        self.found: list[bytes] = []
        self.done = False
        self.remote = len(part) >= CADICAL_FROM
        self._solver: _Local | _Remote | None = None
        self._top = 0

    def _open(self) -> _Local | _Remote:
        solver = self.pool.solver(self, len(self.part))
        self._solver = solver
        self._top = 2 * len(self.part)
        try:
            solver.add(_clauses(self.part, self.mode == "stable"))
            block = _block_subsets if self.mode == "preferred" else _block_exact
            blocks = [block(codes) for codes in (*self.exclude, *self.found)]
            if blocks:
                solver.add(blocks)
        except BaseException:
            self.suspend()
            raise
        return solver

    def next(self) -> bytes | None:
        """The next labelling (one code per argument: 0 undec, 1 in, 2 out), or ``None``."""
        if self.done:
            return None
        solver = self._solver
        if solver is None:
            solver = self._open()
        else:
            self.pool.touch(self)
        k = len(self.part)
        if not solver.solve():
            self.done = True
            self.suspend()
            return None
        codes = _labels(solver.model or (), k)
        if self.mode == "preferred":
            codes, self._top = _grow(solver, codes, self._top)
            block = _block_subsets(codes)
        else:
            block = _block_exact(codes)
        self.found.append(codes)
        if block:
            solver.add([block])
        else:  # everything is in: nothing else can be preferred (or differ)
            self.done = True
            self.suspend()
        return codes

    def suspend(self) -> None:
        """Close the solver (a worker process is stopped); :meth:`next` opens a new one."""
        solver, self._solver = self._solver, None
        if solver is not None:
            self.pool.release(self)
            solver.close()


def _grow(solver: _Local | _Remote, codes: bytes, top: int) -> tuple[bytes, int]:
    """Grow the in-set of a complete labelling until no complete one has a larger in-set (each
    step one SAT call, switched on by a fresh variable above ``top``); the labelling reached
    and the last variable used."""
    k = len(codes)
    while True:
        outside = _block_subsets(codes)
        if not outside:
            return codes, top
        top += 1
        solver.add([[-top] + outside])
        grown = solver.solve([top] + [2 * a + 1 for a in range(k) if codes[a] == 1])
        solver.add([[-top]])
        if not grown:
            return codes, top
        codes = _labels(solver.model or (), k)


def preferred_without(part: Part, target: int, clock: Clock) -> bytes | None:
    """A preferred labelling of ``part`` that leaves argument ``target`` out of its in-set, or
    ``None`` when every preferred labelling has it in.

    The counter-example search of sceptical preferred acceptance (as in CEGARTIX, Dvořák et
    al. 2014): take a complete labelling without ``target`` in, not inside any preferred
    labelling found so far, and grow it to a preferred one; if that one lacks ``target``, it
    is the answer; if not, forbid its subsets and ask again. So it stops at the first
    counter-example, and otherwise visits only preferred labellings that hold ``target``.

    >>> with Clock(5) as clock:  # a <-> b: the preferred labelling with b in leaves a out
    ...     preferred_without(Part([[1], [0]], [FREE, FREE]), 0, clock)
    b'\\x02\\x01'
    """
    k = len(part)
    solver = _new_solver(clock, k)
    try:
        solver.add(_clauses(part, False))
        top = 2 * k
        while solver.solve([-(2 * target + 1)]):
            codes, top = _grow(solver, _labels(solver.model or (), k), top)
            if codes[target] != 1:
                return codes
            block = _block_subsets(codes)
            if not block:
                return None
            solver.add([block])
        return None
    finally:
        solver.close()


def labellings(part: Part, mode: Mode, clock: Clock) -> list[bytes]:
    """Every complete / stable / preferred labelling of ``part``, sorted.

    >>> with Clock(5) as clock:
    ...     sorted(labellings(Part([[1], [0]], [FREE, FREE]), "preferred", clock))
    [b'\\x01\\x02', b'\\x02\\x01']
    """
    pool = Pool(clock)
    try:
        enum = Enumerator(part, mode, pool)
        while enum.next() is not None:
            pass
        return sorted(enum.found)
    finally:
        pool.close()


def labelling(part: Part, stable: bool, clock: Clock, in_: Sequence[int] = (),
              not_in: Sequence[int] = (), out: Sequence[int] = (),
              grow: bool = False) -> bytes | None:
    """A complete (or stable) labelling of ``part`` with ``in_`` in, ``not_in`` not in and
    ``out`` out, or ``None`` when there is none; with ``grow``, its in-set grown until it is
    preferred (what is in stays in, so what is out stays out)."""
    solver = _new_solver(clock, len(part))
    try:
        solver.add(_clauses(part, stable))
        if not solver.solve([2 * a + 1 for a in in_] + [-(2 * a + 1) for a in not_in]
                            + [2 * a + 2 for a in out]):
            return None
        codes = _labels(solver.model or (), len(part))
        if grow:
            codes, _ = _grow(solver, codes, 2 * len(part))
        return codes
    finally:
        solver.close()


def satisfiable(part: Part, stable: bool, clock: Clock, in_: Sequence[int] = (),
                not_in: Sequence[int] = (), out: Sequence[int] = ()) -> bool:
    """Whether a complete (or stable) labelling of ``part`` has ``in_`` in, ``not_in`` not in
    and ``out`` out."""
    return labelling(part, stable, clock, in_, not_in, out) is not None
