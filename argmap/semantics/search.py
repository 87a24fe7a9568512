"""Complete, preferred and stable extensions, exactly, found one at a time.

How (SCC-recursiveness, Baroni, Giacomin & Guida 2005):

1. The grounded labelling is computed first (linear). Every complete labelling agrees with it
   on its ``in`` and ``out`` arguments, so only the ``undec`` rest is searched.
2. Parts of the undecided rest that no attack joins (regions) are searched apart and their
   labellings combined, so independent cycles cost a sum, not a product, of searches.
3. A region is split into strongly connected components (SCCs), visited in topological order
   (attackers before what they attack). A component's labels depend only on the labels of its
   attackers upstream, so a single argument that does not attack itself is labelled by a rule
   (in if every attacker is out, out if one is in, else undec) and an acyclic map needs no search.
4. A component with a cycle is handed to the SAT solver (:mod:`argmap.semantics._sat`) with its
   upstream labels as context, which gives its complete labellings (complete), the ones with a
   maximal in-set (preferred: a labelling is preferred iff its part of every component is
   in-maximal given its upstream context) or the ones without undec (stable) **one at a time**,
   each for one SAT call (preferred: one call and the calls that grow it), followed depth-first
   into the components below: every leaf is one labelling of the region. So the first extension
   costs one labelling per component, and ``limit=1`` stops there.
5. Stable labellings can run into a dead end (a component below with no stable labelling in
   that context). At the first dead end in a region, one SAT call on that component and what
   lies upstream of it tells whether any choice above could have avoided it (an odd cycle
   nothing breaks: then the region, and the framework, has no stable extension); if so, the
   region becomes one SAT problem, where each call gives a stable labelling or proves there is
   no other.

Bounds. :func:`complete`, :func:`preferred`, :func:`stable` and :func:`extensions` return a
list, so they stop at ``limit`` extensions (default :data:`DEFAULT_LIMIT`, 10,000) and before
the list would take more than :data:`MAX_BYTES` (256 MiB, measured with ``sys.getsizeof``; the
first extension is always kept), and at ``timeout`` seconds (default 10). Whichever comes first
gives ``status="unknown"`` with ``reason`` ``"limit"``, ``"memory"`` or ``"timeout"``, and the
extensions found until then. :func:`iter_extensions` gives them one at a time and keeps none:
its memory is the search's own: one blocking clause (a few bytes per argument of the component)
for each labelling of a cyclic component found (under stable semantics, also one byte per
argument of the region for each of its labellings given), and at most 64 MiB
(:data:`argmap.semantics._scc.KEEP_BYTES`) of labellings kept per query to combine regions
without searching them again. A query keeps at most two CaDiCaL worker processes and 256
MiniSat instances open at once.

What is practical (measured with ``python bench/bench_semantics.py`` and
``python bench/bench_hard.py`` on 2 cores): the work is about the number of extensions asked
for times the size of the undecided rest, plus the SAT work per cyclic component.

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
  attacks give 2**30 preferred extensions, which no enumeration lists. The first ones come at
  once; to ask about one argument use :mod:`argmap.semantics.acceptance`, which needs no
  enumeration (one SAT call for credulous questions and for stable ones; sceptical preferred
  stops at the first preferred extension without the argument).

Every call answers ``"unknown"`` when its time runs out: it never hangs and never raises for
lack of time.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import compress
from types import TracebackType
from typing import Literal, Self

from . import _sat
from ._scc import IN_ONLY, Found, generate
from .framework import Framework
from .labelling import grounded_codes

__all__ = ["DEFAULT_LIMIT", "DEFAULT_TIMEOUT", "MAX_BYTES", "SEMANTICS", "Answer", "ExtensionIterator",
           "Extensions", "Reason", "Semantics", "Status", "complete", "extensions",
           "iter_extensions", "preferred", "stable"]

Semantics = Literal["grounded", "complete", "preferred", "stable"]
Status = Literal["done", "unknown"]
Reason = Literal["timeout", "limit", "memory"]
Answer = Literal["yes", "no", "unknown"]
SEMANTICS: tuple[Semantics, ...] = ("grounded", "complete", "preferred", "stable")
DEFAULT_TIMEOUT = 10.0
#: Lists of extensions stop at this many unless ``limit`` says otherwise.
DEFAULT_LIMIT = 10_000
#: Lists of extensions stop before their frozensets would take more than this many bytes.
MAX_BYTES = 256 * 2**20


@dataclass(frozen=True)
class Extensions:
    """The extensions of one semantics, and whether the list is complete.

    ``status`` is ``"done"`` when ``extensions`` holds all of them, ``"unknown"`` when the
    search stopped first: at ``timeout`` (``reason="timeout"``), at the ``limit`` on their
    number (``reason="limit"``: more may exist, the search stopped without looking) or at
    :data:`MAX_BYTES` (``reason="memory"``). ``extensions`` then holds those found so far, each
    a genuine extension, in the order found. ``extensions == []`` with ``"done"`` means there
    is none (only possible for stable).

    A complete list comes in a fixed order: the undecided arguments fall into regions that no
    attack joins; every extension is one choice per region, listed region by region (regions
    ordered by their first argument number, the first varying slowest), and a region's choices
    ordered by their members: one holding the region's first argument before one that does
    not, then by its second argument, and so on. So the same framework always gives the same
    list.
    """

    semantics: Semantics
    status: Status
    extensions: list[frozenset[str]] = field(default_factory=list)
    reason: Reason | None = None

    def __len__(self) -> int:
        return len(self.extensions)

    def __iter__(self) -> Iterator[frozenset[str]]:
        return iter(self.extensions)


def _grounded_only(fw: Framework) -> Found:
    codes = grounded_codes(fw)
    yield (), frozenset(compress(fw.arguments, bytes(codes).translate(IN_ONLY)))


def _semantics(semantics: str) -> None:
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; expected one of {SEMANTICS}")


class ExtensionIterator(Iterator[frozenset[str]]):
    """Extensions one at a time, keeping none (made by :func:`iter_extensions`).

    After the loop, :attr:`status` says whether it went through all of them (``"done"``) or
    stopped first (``"unknown"``, with :attr:`reason` ``"timeout"``, or ``"closed"`` after
    :meth:`close`); :attr:`count` says how many it gave. While it is not exhausted it may hold
    SAT solvers and a worker process: leave a ``with`` block or call :meth:`close` to stop them.
    """

    def __init__(self, fw: Framework, semantics: Semantics, timeout: float | None) -> None:
        _semantics(semantics)
        self.semantics: Semantics = semantics
        self.status: Literal["running", "done", "unknown"] = "running"
        self.reason: Literal["timeout", "closed"] | None = None
        self.count = 0
        self._clock = _sat.Clock(timeout)
        self._gen = (_grounded_only(fw) if semantics == "grounded"
                     else generate(fw, semantics, self._clock))

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> frozenset[str]:
        if self.status != "running":
            raise StopIteration
        try:
            _, ext = next(self._gen)
        except StopIteration:
            self._finish("done", None)
            raise
        except _sat.Timeout:
            self._finish("unknown", "timeout")
            raise StopIteration from None
        except BaseException:
            self._finish("unknown", "closed")
            raise
        self.count += 1
        return ext

    def _finish(self, status: Literal["done", "unknown"],
                reason: Literal["timeout", "closed"] | None) -> None:
        self.status, self.reason = status, reason
        self._gen.close()
        self._clock.__exit__()

    def close(self) -> None:
        """Stop here: close the solvers and worker processes (status ``"unknown"``)."""
        if self.status == "running":
            self._finish("unknown", "closed")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def __del__(self) -> None:
        if getattr(self, "status", None) == "running":
            with suppress(Exception):  # at interpreter exit the modules may be gone
                self.close()


def iter_extensions(fw: Framework, semantics: Semantics, *,
                    timeout: float | None = DEFAULT_TIMEOUT) -> ExtensionIterator:
    """The extensions of ``fw`` under ``semantics``, one at a time, in the order found.

    Nothing is kept but the search's own state (see the module docs), so it suits lists too
    long to hold: write each one out as it comes. ``timeout`` counts from this call, the time
    spent between two extensions included; when it runs out the iteration ends with
    ``status == "unknown"``.

    >>> fw = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> with iter_extensions(fw, "stable") as found:
    ...     print(sorted(sorted(e) for e in found), found.status, found.count)
    [['a'], ['b']] done 2
    """
    return ExtensionIterator(fw, semantics, timeout)


def _enumerate(fw: Framework, mode: _sat.Mode, timeout: float | None,
               limit: int | None) -> Extensions:
    """A list of extensions within ``limit``, :data:`MAX_BYTES` and ``timeout``."""
    found: list[tuple[tuple[bytes, ...], frozenset[str]]] = []
    reason: Reason | None = None
    if limit is not None and limit < 1:
        return Extensions(mode, "unknown", [], "limit")
    size = 0
    with _sat.Clock(timeout) as clock:
        gen = generate(fw, mode, clock)
        try:
            for combo, ext in gen:
                size += sys.getsizeof(ext)
                if found and size > MAX_BYTES:
                    reason = "memory"
                    break
                found.append((combo, ext))
                if limit is not None and len(found) >= limit:
                    reason = "limit"
                    break
        except _sat.Timeout:
            reason = "timeout"
        finally:
            gen.close()
    if reason is None:
        found.sort(key=lambda item: item[0], reverse=True)
        return Extensions(mode, "done", [ext for _, ext in found])
    return Extensions(mode, "unknown", [ext for _, ext in found], reason)


def complete(fw: Framework, *, timeout: float | None = DEFAULT_TIMEOUT,
             limit: int | None = DEFAULT_LIMIT) -> Extensions:
    """Every complete extension of ``fw`` (the grounded one is the least).

    Stops at ``limit`` extensions (``None``: no limit on their number), before the list would
    take :data:`MAX_BYTES`, and at ``timeout`` seconds (``None``: no limit on time), with
    ``status="unknown"`` and what it found; :func:`iter_extensions` gives more, one at a time.

    >>> [sorted(e) for e in complete(Framework(["a", "b"], [("a", "b"), ("b", "a")]))]
    [['a'], ['b'], []]
    """
    return _enumerate(fw, "complete", timeout, limit)


def preferred(fw: Framework, *, timeout: float | None = DEFAULT_TIMEOUT,
              limit: int | None = DEFAULT_LIMIT) -> Extensions:
    """Every preferred extension of ``fw`` (maximal admissible sets; at least one exists).

    Each is found by the PrefSAT scheme, component by component: a complete labelling, grown
    by SAT calls until no larger one exists; so ``limit=1`` costs one of them.

    Stops at ``limit`` extensions (``None``: no limit on their number), before the list would
    take :data:`MAX_BYTES`, and at ``timeout`` seconds (``None``: no limit on time), with
    ``status="unknown"`` and what it found; :func:`iter_extensions` gives more, one at a time.

    >>> result = preferred(Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")]))
    >>> [sorted(e) for e in result.extensions]
    [['a', 'c'], ['b']]
    """
    return _enumerate(fw, "preferred", timeout, limit)


def stable(fw: Framework, *, timeout: float | None = DEFAULT_TIMEOUT,
           limit: int | None = DEFAULT_LIMIT) -> Extensions:
    """Every stable extension of ``fw`` (conflict-free sets attacking everything else).

    There may be none: an odd cycle has no stable extension.

    Stops at ``limit`` extensions (``None``: no limit on their number), before the list would
    take :data:`MAX_BYTES`, and at ``timeout`` seconds (``None``: no limit on time), with
    ``status="unknown"`` and what it found; :func:`iter_extensions` gives more, one at a time.

    >>> stable(Framework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])).extensions
    []
    """
    return _enumerate(fw, "stable", timeout, limit)


def extensions(fw: Framework, semantics: Semantics, *, timeout: float | None = DEFAULT_TIMEOUT,
               limit: int | None = DEFAULT_LIMIT) -> Extensions:
    """The extensions of ``fw`` under ``semantics`` (one of :data:`SEMANTICS`), within
    ``limit``, :data:`MAX_BYTES` and ``timeout`` as for :func:`complete`."""
    _semantics(semantics)
    if semantics == "grounded":
        return Extensions("grounded", "done", [ext for _, ext in _grounded_only(fw)])
    return _enumerate(fw, semantics, timeout, limit)
