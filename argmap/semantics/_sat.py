"""SAT encodings of complete, stable and preferred labellings of one part of a framework.

Each argument ``a`` gets two variables, ``I_a`` (labelled in) and ``O_a`` (labelled out); neither
means undec. The clauses are Caminada's conditions for a complete labelling:

* in  iff every attacker is out;
* out iff some attacker is in;

plus ``I_a or O_a`` for stable labellings. A *part* is a set of arguments whose attackers from
outside the part already carry fixed labels (its context): an argument with an outside attacker
that is ``in`` is forced out, one with an outside attacker that is ``undec`` cannot be in, and
outside attackers that are ``out`` do not matter.

Preferred labellings are found with the PrefSAT scheme (Cerutti et al., 2014): take a complete
labelling, grow its in-set with the solver until no larger one exists, record it, forbid every
subset of it, repeat.

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
"""

from __future__ import annotations

import threading
import time
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


def labellings(part: Part, mode: Mode, clock: Clock) -> list[bytes]:
    """Every complete / stable / preferred labelling of ``part``, sorted.

    >>> with Clock(5) as clock:
    ...     sorted(labellings(Part([[1], [0]], [FREE, FREE]), "preferred", clock))
    [b'\\x01\\x02', b'\\x02\\x01']
    """
    k = len(part)
    solver = _new_solver(clock, k)
    try:
        solver.add(_clauses(part, mode == "stable"))
        found: list[bytes] = []
        if mode != "preferred":
            while solver.solve():
                codes = _labels(solver.model or (), k)
                found.append(codes)
                solver.add([_block_exact(codes)])
            return sorted(found)
        top = 2 * k
        while solver.solve():
            codes = _labels(solver.model or (), k)
            while True:  # grow the in-set until it is maximal
                outside = [2 * a + 1 for a in range(k) if codes[a] != 1]
                if not outside:
                    break
                top += 1
                solver.add([[-top] + outside])
                grown = solver.solve([top] + [2 * a + 1 for a in range(k) if codes[a] == 1])
                solver.add([[-top]])
                if not grown:
                    break
                codes = _labels(solver.model or (), k)
            found.append(codes)
            outside = [2 * a + 1 for a in range(k) if codes[a] != 1]
            if not outside:
                break
            solver.add([outside])  # later ones must not be subsets of this one
        return sorted(found)
    finally:
        solver.close()


def satisfiable(part: Part, stable: bool, clock: Clock, in_: Sequence[int] = (),
                not_in: Sequence[int] = ()) -> bool:
    """Whether a complete (or stable) labelling of ``part`` has ``in_`` in and ``not_in`` not in."""
    solver = _new_solver(clock, len(part))
    try:
        solver.add(_clauses(part, stable))
        return solver.solve([2 * a + 1 for a in in_] + [-(2 * a + 1) for a in not_in])
    finally:
        solver.close()
