"""Generators of hard abstract argumentation frameworks, for the semantics benchmarks.

Each one reproduces the shape of a competition instance that once made the semantics fail at
an edge, so that no large file has to be kept or fetched:

* :func:`pairs` -- ``k`` separate mutual attacks: ``3**k`` complete and ``2**k`` preferred and
  stable extensions in ``2k`` arguments. ``pairs(33)`` has the 66 arguments of the ICCMA 2017
  instance on which listing complete extensions without a limit filled 3.4 GiB in 10 s.
* :func:`grid` -- a ``w`` x ``h`` grid whose neighbours attack each other: one strongly connected
  component whose preferred extensions are the grid's maximal independent sets (millions for
  ``grid(10, 20)``). It has the 200 arguments, one component and endless preferred extensions
  of the AFGen instance on which a timed-out search once returned none of those it had found.
* :func:`ring` -- ``k`` binary choices joined by even chains of attacks into one large strongly
  connected component (exactly ``2**k`` preferred and stable extensions), beside a forest that
  the grounded labelling decides. ``ring()`` is the size of the ICCMA instance
  ``a1210993...gml.80``: 7,346 arguments, one undecided component of 4,565.
* :func:`admbuster` -- the ICCMA ``admbuster`` family, as text; ``admbuster(1000)`` and
  ``admbuster(10000)`` are byte for byte the files of the ICCMA 2025 solver collection in
  ``../shared/corpora/iccma/``.

Frameworks come as ``(n, attacks)``: arguments ``0 .. n-1``, attacks as ``(attacker, target)``
pairs; :func:`to_af` writes them in the ICCMA 2023 format.

>>> n, attacks = pairs(2)
>>> n, attacks
(4, [(0, 1), (1, 0), (2, 3), (3, 2)])
>>> print(to_af(*ring(2, 2, 0)), end="")  # doctest: +ELLIPSIS
p af 10
1 2
...
"""

from __future__ import annotations

import random

Attacks = list[tuple[int, int]]


def pairs(k: int) -> tuple[int, Attacks]:
    """``k`` separate mutual attacks (``2k`` arguments)."""
    return 2 * k, [(i, i ^ 1) for i in range(2 * k)]


def grid(w: int, h: int) -> tuple[int, Attacks]:
    """A ``w`` x ``h`` grid whose horizontal and vertical neighbours attack each other."""
    attacks: Attacks = []
    for y in range(h):
        for x in range(w):
            a = y * w + x
            if x + 1 < w:
                attacks += [(a, a + 1), (a + 1, a)]
            if y + 1 < h:
                attacks += [(a, a + w), (a + w, a)]
    return w * h, attacks


def ring(k: int = 11, chain: int = 412, forest: int = 2781, seed: int = 0) -> tuple[int, Attacks]:
    """``k`` choices in a ring, ``chain`` (even) arguments between two, and a decided forest.

    Choice ``i`` is a mutual attack ``x_i <-> y_i``; both attack ``z_i``, which heads a chain of
    ``chain`` attacks ending on ``x_{i+1}`` (and the last choice's chain on ``x_1``). ``z_i`` is
    out whichever side is taken, so the even chain leaves ``x_{i+1}`` free: ``2**k`` preferred
    and stable extensions, all in one strongly connected component of ``k * (chain + 3)``
    arguments. ``forest`` more arguments form stars: an unattacked root and the arguments it
    attacks, some of which attack ring members (being out, they change nothing there): the
    grounded labelling decides all of them.
    """
    if chain % 2:
        raise ValueError("chain must be even, or the ring loses its choices")
    rng = random.Random(seed)
    attacks: Attacks = []
    size = chain + 3
    for i in range(k):
        x, y, z = i * size, i * size + 1, i * size + 2
        attacks += [(x, y), (y, x), (x, z), (y, z)]
        previous = z
        for j in range(chain):
            attacks.append((previous, z + 1 + j))
            previous = z + 1 + j
        attacks.append((previous, ((i + 1) % k) * size))
    n = k * size
    a = n
    while a < n + forest:  # stars: an unattacked root (in) and the arguments it attacks (out)
        root = a
        a += 1
        for _ in range(rng.randint(1, 6)):
            if a >= n + forest:
                break
            attacks.append((root, a))
            if rng.random() < 0.3:
                attacks.append((a, rng.randrange(n)))  # out, so it changes nothing in the ring
            a += 1
    return n + forest, attacks


def admbuster(n: int) -> str:
    """The ICCMA ``admbuster`` instance with ``n`` (even) arguments, as ``.af`` text.

    Arguments ``a``, ``b1, c1, ..., bk, ck`` and ``d`` (``k = n/2 - 1``), named by comment
    lines after the header: ``b1`` and ``c1`` attack ``a``; ``b(i+1)`` attacks ``bi`` and
    ``c(i+1)`` attacks ``ci``; at even ``i``, ``b(i+1)`` also attacks ``ci`` and ``c(i+1)``
    attacks ``bi``; ``d`` attacks ``bk`` and ``ck``.
    """
    k = (n - 2) // 2
    names = ["a"] + [f"{side}{i}" for i in range(1, k + 1) for side in "bc"] + ["d"]
    lines = [f"p af {n}"] + [f"# {name}" for name in names] + ["2 1", "3 1"]
    for i in range(1, k):
        b, c = 2 * i, 2 * i + 1
        lines += [f"{b + 2} {b}", f"{c + 2} {c}"]
        if i % 2 == 0:
            lines += [f"{b + 2} {c}", f"{c + 2} {b}"]
    lines += [f"{n} {2 * k}", f"{n} {2 * k + 1}"]
    return "\n".join(lines) + "\n"


def to_af(n: int, attacks: Attacks) -> str:
    """``(n, attacks)`` as ICCMA 2023 text (arguments numbered from 1)."""
    return "".join([f"p af {n}\n", *(f"{a + 1} {b + 1}\n" for a, b in attacks)])
